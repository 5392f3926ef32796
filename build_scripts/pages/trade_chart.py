"""The trade figures as a bar chart, drawn at build time as SVG (no script, no library), with
the same figures as a table beside it. The chart's title and description carry every figure,
so a screen reader gets them even without the table."""

from __future__ import annotations

from html import escape
from typing import Any

from markupsafe import Markup

from ..core.formatting import money, percent
from ..core.languages import language
from .inputs import PageInputs
from .views import link

WIDTH, BAR, GAP, LABEL = 560, 24, 16, 22  # px: chart width, bar height, gap, label line


def chart_view(inputs: PageInputs, lang: str) -> dict[str, Any]:
    entries = sorted(
        inputs.entries("indicators"),
        key=lambda entry: (-entry.record.value, entry.record.sort_key(entry.id)),
    )
    rows = [
        {
            "link": link(inputs, "indicators", entry.id, lang),
            "title": entry.record.title_in(lang),
            "value": money(entry.record.value, entry.record.unit, lang),
            "change": (
                percent(entry.record.change_percent, lang, signed=True)
                if entry.record.change_percent is not None
                else None
            ),
            "amount": entry.record.value,
        }
        for entry in entries
    ]
    title = inputs.ui["chart_title"][lang]
    return {"rows": rows, "svg": _svg(rows, title, _describe(rows, lang), lang)}


def _describe(rows: list[dict[str, Any]], lang: str) -> str:
    """Every figure in a sentence, punctuated as the language is."""
    written = language(lang)
    return written.list_separator.join(
        f"{row['title']}{written.colon}{row['value']}"
        + (f"{written.open_bracket}{row['change']}{written.close_bracket}" if row["change"] else "")
        for row in rows
    )


def _svg(rows: list[dict[str, Any]], title: str, description: str, lang: str) -> Markup:
    top = max((row["amount"] for row in rows), default=1)
    step = LABEL + BAR + GAP
    height = step * len(rows)
    parts = [
        f'<svg class="trade-chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="chart-title chart-desc" lang="{escape(lang)}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(description)}</desc>',
    ]
    for number, row in enumerate(rows):
        y = number * step
        width = max(2, round((WIDTH - 4) * row["amount"] / top))
        parts.append(
            f'<text x="0" y="{y + 15}" class="trade-chart-label">{escape(row["title"])}</text>'
        )
        parts.append(
            f'<rect x="0" y="{y + LABEL}" width="{width}" height="{BAR}" class="trade-chart-bar"/>'
        )
        value = row["value"] + (f"  {row['change']}" if row["change"] else "")
        inside = width > WIDTH * 0.55
        parts.append(
            f'<text x="{width - 6 if inside else width + 6}" y="{y + LABEL + 16}" '
            f'text-anchor="{"end" if inside else "start"}" '
            f'class="trade-chart-value{" inside" if inside else ""}">{escape(value)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
