"""The trade figures as a bar chart, drawn at build time in HTML and CSS (no script, no
library), with the same figures as a table under it. Every figure is text, so a screen reader
and a phone get them at the page's own size."""

from __future__ import annotations

from html import escape
from typing import Any

from markupsafe import Markup

from ..core.formatting import money, percent
from ..core.languages import language
from .inputs import PageInputs
from .views import link


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
    return {"rows": rows, "html": _html(rows, title, lang)}


# The longest bar takes this share of the line; its figures stand beside it.
LONGEST_BAR = 62  # percent


def _html(rows: list[dict[str, Any]], title: str, lang: str) -> Markup:
    """The bars as HTML: the labels and figures are text at the page's own size on any screen
    (an SVG scaled to a phone's width shrank them to ~10 px), the bars only drawn."""
    written = language(lang)
    top = max((row["amount"] for row in rows), default=1)
    parts = [f'<ol class="trade-chart" aria-label="{escape(title)}">']
    for row in rows:
        width = max(1.0, round(LONGEST_BAR * row["amount"] / top, 1))
        change = (
            f'<span class="trade-chart-change">{escape(written.open_bracket.strip())}'
            f"{escape(row['change'])}{escape(written.close_bracket.strip())}</span>"
            if row["change"]
            else ""
        )
        parts.append(
            f'<li><span class="trade-chart-label">{escape(row["title"])}</span>'
            f'<span class="trade-chart-line"><span class="trade-chart-bar" '
            f'style="width: {width}%" aria-hidden="true"></span>'
            f'<span class="trade-chart-figures"><span class="trade-chart-value">'
            f"{escape(row['value'])}</span> {change}</span></span></li>"
        )
    parts.append("</ol>")
    return Markup("".join(parts))
