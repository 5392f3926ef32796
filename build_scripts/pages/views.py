"""Records -> what a page shows, in one language: the pieces every page type uses.

All sorting, grouping, counting and cross-linking happens here and in the other view modules,
in Python; the templates only format what they are handed. Every view reads through a
`PageInputs` (inputs.py), which notes what the page read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import singledispatch
from typing import Any

from ..core.dates import parse_date
from ..core.formatting import money, work_title
from ..core.languages import HTML_LANG, language, script_language
from ..data.datasets import DATASET_ORDER
from ..data.models import Indicator, Localized, Record, Reference, Stage, Statement
from ..data.record_links import NUMBERED_SECTION, section_ui_key
from ..data.translations import OUTDATED, state
from .inputs import PageInputs


@dataclass(frozen=True)
class Link:
    title: str
    href: str
    date: str | None = None


def href(dataset: str, record_id: str) -> str:
    """Relative link to a record page from a generated page (all live one folder below docs/)."""
    return f"../{dataset}/{record_id}.md"


def title_of(inputs: PageInputs, dataset: str, record_id: str, lang: str) -> str:
    return inputs.get(dataset, record_id).title_in(lang)


def date_text(date: str | None, lang: str) -> str | None:
    """An editor's date in `lang`, or None."""
    return parse_date(date).format(lang) if date else None


def link(inputs: PageInputs, dataset: str, record_id: str, lang: str) -> Link:
    record = inputs.get(dataset, record_id)
    return Link(link_title(record, lang), href(dataset, record_id), link_date(record, inputs, lang))


@singledispatch
def link_title(record: Record, lang: str) -> str:
    """A record's name as a link in running text."""
    return record.title_in(lang)


@link_title.register
def _(record: Reference, lang: str) -> str:
    return work_title(record.title_in(lang), lang)  # 《…》, «…»


@link_title.register
def _(record: Statement, lang: str) -> str:
    return work_title(record.title_in(lang), lang, document=True)  # 《…》


@singledispatch
def link_date(record: Record, inputs: PageInputs, lang: str) -> str | None:
    """What a link to a record says of its time, in brackets after its title."""
    return date_text(record.listed_date, lang)


@link_date.register
def _(record: Stage, inputs: PageInputs, lang: str) -> str | None:
    return period(inputs, record, lang)  # an open period reads "since 1991", not "(1991)"


@link_date.register
def _(record: Indicator, inputs: PageInputs, lang: str) -> str | None:
    return None  # a figure's title names its year


def sorted_links(inputs: PageInputs, pairs: list[tuple[str, str]], lang: str) -> list[Link]:
    pairs = sorted(set(pairs), key=lambda p: inputs.get(*p).sort_key(p[1]))
    return [link(inputs, d, i, lang) for d, i in pairs]


def links_to(inputs: PageInputs, dataset: str, ids: list[str], lang: str) -> list[Link]:
    return sorted_links(inputs, [(dataset, record_id) for record_id in ids], lang)


def text(value: Localized | None, lang: str) -> dict[str, Any] | None:
    """A localized text as the template shows it: the words, whether they are the editors'
    translation, and, while the translation is missing or outdated, that it is."""
    if value is None:
        return None
    shown = lang if value.has(lang) else value.original
    return {
        "text": value.get(lang),
        "editorial": shown == lang and lang in value.editorial,
        "lang": HTML_LANG[shown] if shown != lang else None,
        "outdated": state(value, lang) == OUTDATED,
    }


_TEXT_KEYS = {"text", "editorial", "lang", "outdated"}


def shown_texts(view: Any):
    """Every text of a view (what `text` made), wherever it sits in the view."""
    if isinstance(view, dict):
        if _TEXT_KEYS <= view.keys():
            yield view
        else:
            for value in view.values():
                yield from shown_texts(value)
    elif isinstance(view, (list, tuple)):
        for value in view:
            yield from shown_texts(value)


def wholly_translated(view: dict[str, Any]) -> bool:
    """Whether every text the page shows is the editors' translation into its language: the
    page then says so once, at the top, instead of marking each passage."""
    texts = list(shown_texts(view))
    return bool(texts) and all(t["editorial"] and t["lang"] is None for t in texts)


def section_label(inputs: PageInputs, section: str, lang: str) -> str:
    """'2.1' -> 'section 2.1' / '第2.1节' / 'раздел 2.1'; a named section ('proposals') by its
    interface string `section_proposals`."""
    if NUMBERED_SECTION.match(section):
        return inputs.ui["section_numbered"][lang].format(number=section)
    named = inputs.ui.get(section_ui_key(section))
    return named[lang] if named else section


def note(
    inputs: PageInputs,
    label: str,
    passages: list[tuple[str, str, str | None]],
    lang: str,
) -> dict[str, Any]:
    """A footnote citing (reference id, section, verbatim quote or None) passages: its works in
    the order they are first cited, each with its sections, each section with its quotes in the
    work's own language. A work or a section cited twice is named once."""
    works: dict[str, dict[str, Any]] = {}
    for ref, section, quote in passages:
        work = works.setdefault(
            ref, {"ref": ref, "link": link(inputs, "references", ref, lang), "sections": {}}
        )
        quotes = work["sections"].setdefault(section, [])
        if quote and quote not in quotes:
            quotes.append(quote)
    return {
        "label": label,
        "works": [
            {
                **work,
                "sections": [
                    {
                        "id": section,
                        "label": section_label(inputs, section, lang),
                        "quotes": [_quote(quote, lang) for quote in quotes],
                    }
                    for section, quotes in work["sections"].items()
                ],
            }
            for work in works.values()
        ],
        "ibid": False,
    }


def _quote(quote: str, lang: str) -> dict[str, Any]:
    written = script_language(quote)
    return {"text": quote, "lang": HTML_LANG[written] if written != lang else None}


def with_ibid(notes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Notes in page order, each citing one work that the note before it cited alone marked
    `ibid` (Ibid. / 同上 / Там же), and its section left out when that note cited the same one
    alone: no run of identical notes."""
    marked = list(notes)
    for at in range(1, len(marked)):
        before, this = notes[at - 1], notes[at]  # as cited, before any was shortened
        if len(before["works"]) == len(this["works"]) == 1:
            (previous,), (work,) = before["works"], this["works"]
            if previous["ref"] == work["ref"]:
                cited = [section["id"] for section in previous["sections"]]
                same = cited == [section["id"] for section in work["sections"]]
                sections = [s for s in work["sections"] if not same or s["quotes"]]
                marked[at] = {**this, "ibid": True, "works": [{**work, "sections": sections}]}
    return marked


def sources(inputs: PageInputs, record: Record, lang: str) -> list[dict[str, Any]]:
    """The record's sources, as the one note at their marker (they support the record as a
    whole: one marker, not a run of them)."""
    if not record.sources:
        return []
    passages = [(source.ref, source.section, source.quote) for source in record.sources]
    return [note(inputs, "1", passages, lang)]


def period(inputs: PageInputs, record: Any, lang: str) -> str:
    """'1917–1949' / '1917—1949年' / '1917–1949 гг.', '17th century – 1917', or an open
    period by the interface string `period_open` ('since 1991')."""
    start = parse_date(record.start)
    if not record.end:
        return inputs.ui["period_open"][lang].format(start=start.format(lang))
    end, written = parse_date(record.end), language(lang)
    if start.precision == end.precision == "year":
        return written.year_range_format.format(start=start.year, end=end.year)
    return written.range_format.format(start=start.format(lang), end=end.format(lang))


def related(inputs: PageInputs, dataset: str, record_id: str, lang: str) -> dict[str, list[Link]]:
    """Records of every dataset that point at this one, in the datasets' order."""
    incoming = inputs.backlinks_to(dataset, record_id)
    return {
        name: sorted_links(inputs, incoming[name], lang)
        for name in DATASET_ORDER
        if incoming.get(name)
    }


def in_script(value: str | None, lang: str) -> dict[str, Any] | None:
    """A bibliographic text as the work gives it, with its language when that is not the
    page's (by its script): a screen reader and the fonts then switch to it."""
    if not value:
        return None
    written = script_language(value)
    return {"text": value, "lang": HTML_LANG[written] if written != lang else None}


@singledispatch
def index_facts(record: Record, inputs: PageInputs, lang: str) -> dict[str, str | None]:
    """What an index row shows beside a record's link: a stage's period, a figure's value."""
    return {"date": None, "value": None}


@index_facts.register
def _(record: Stage, inputs: PageInputs, lang: str) -> dict[str, str | None]:
    return {"date": period(inputs, record, lang), "value": None}


@index_facts.register
def _(record: Indicator, inputs: PageInputs, lang: str) -> dict[str, str | None]:
    return {"date": None, "value": money(record.value, record.unit, lang)}


def index_view(inputs: PageInputs, dataset: str, lang: str) -> dict[str, Any]:
    """A dataset's index page: every record, sorted, with its period or value and group."""
    rows = []
    for entry in inputs.sorted_entries(dataset):
        record = entry.record
        group, _order = record.ordering
        rows.append(
            {
                "link": link(inputs, dataset, entry.id, lang),
                "group": group or None,
                **index_facts(record, inputs, lang),
            }
        )
    groups: dict[str | None, list] = defaultdict(list)
    for row in rows:
        groups[row["group"]].append(row)
    return {
        "dataset": dataset,
        "rows": rows,
        "groups": list(groups.items()),
        "count": len(rows),
        "chart": None,
    }
