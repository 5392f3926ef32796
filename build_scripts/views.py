"""Records -> what a page shows, in one language.

All sorting, grouping, counting and cross-linking happens here, in Python; the templates only
format what these functions hand them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .dates import parse_date
from .formatting import money, percent, person_name
from .languages import HTML_LANG, script_language
from .models import Localized, Record, Reference
from .translations import OUTDATED, needs_work, state
from .validate import NUMBERED_SECTION, Catalog, references_in, section_ui_key

# Order of the datasets on the home page, in the navigation and on cross-link lists.
DATASET_ORDER = ("stages", "statements", "exchanges", "indicators", "themes", "people",
                 "references")


@dataclass(frozen=True)
class Link:
    title: str
    href: str
    date: str | None = None


@dataclass
class Backlinks:
    """Who points at whom: computed once per build, used by every page."""

    by_target: dict[tuple[str, str], dict[str, list[tuple[str, str]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))

    @classmethod
    def of(cls, catalog: Catalog) -> "Backlinks":
        links = cls()
        for dataset, entries in catalog.records.items():
            for record_id, entry in entries.items():
                seen = set()
                for _loc, target, target_id in references_in(entry.record):
                    key = (target, target_id, dataset, record_id)
                    if key in seen or (target, target_id) == (dataset, record_id):
                        continue
                    seen.add(key)
                    links.by_target[(target, target_id)][dataset].append((dataset, record_id))
        return links

    def to(self, dataset: str, record_id: str) -> dict[str, list[tuple[str, str]]]:
        return self.by_target.get((dataset, record_id), {})


def href(dataset: str, record_id: str) -> str:
    """Relative link to a record page from a generated page (all live one folder below docs/)."""
    return f"../{dataset}/{record_id}.md"


def title_of(catalog: Catalog, dataset: str, record_id: str, lang: str) -> str:
    record = catalog.get(dataset, record_id)
    if dataset == "people":
        return person_name(record, lang)
    return record.title.get(lang)


def date_of(record: Record) -> str | None:
    return getattr(record, "date", None) or getattr(record, "year", None) or getattr(
        record, "issued", None) or getattr(record, "start", None)


def sort_key(record_id: str, record: Record) -> tuple:
    order = getattr(record, "order", None)
    group = getattr(record, "group", "")
    date = date_of(record)
    return (group, order if order is not None else 0,
            parse_date(date).sort_key if date else (9999, 0, 0), record_id)


def link(catalog: Catalog, dataset: str, record_id: str, lang: str) -> Link:
    record = catalog.get(dataset, record_id)
    date = date_of(record)
    return Link(title_of(catalog, dataset, record_id, lang), href(dataset, record_id),
                parse_date(date).format(lang) if date else None)


def sorted_links(catalog: Catalog, pairs: list[tuple[str, str]], lang: str) -> list[Link]:
    pairs = sorted(set(pairs), key=lambda p: sort_key(p[1], catalog.get(*p)))
    return [link(catalog, d, i, lang) for d, i in pairs]


def text(value: Localized | None, lang: str) -> dict[str, Any] | None:
    """A localized text as the template shows it: the words, whether they are the editors'
    translation, and, while the translation is missing or outdated, that it is."""
    if value is None:
        return None
    shown = lang if value.has(lang) else value.original
    return {"text": value.get(lang),
            "editorial": shown == lang and lang in value.editorial,
            "lang": HTML_LANG[shown] if shown != lang else None,
            "outdated": state(value, lang) == OUTDATED}


def section_label(catalog: Catalog, section: str, lang: str) -> str:
    """'2.1' -> 'section 2.1' / '第2.1节' / 'раздел 2.1'; a named section ('proposals') by its
    interface string `section_proposals`."""
    if NUMBERED_SECTION.match(section):
        return catalog.ui["section_numbered"][lang].format(number=section)
    named = catalog.ui.get(section_ui_key(section))
    return named[lang] if named else section


def sources(catalog: Catalog, record: Record, lang: str) -> list[dict[str, Any]]:
    """The record's sources as footnotes: the work, its section, and the verbatim quote in the
    work's own language."""
    notes = []
    for number, note in enumerate(record.sources, start=1):
        quote_lang = script_language(note.quote) if note.quote else lang
        notes.append({"label": str(number), "link": link(catalog, "references", note.ref, lang),
                      "section": section_label(catalog, note.section, lang), "quote": note.quote,
                      "quote_lang": HTML_LANG[quote_lang] if quote_lang != lang else None})
    return notes


def period(catalog: Catalog, record: Any, lang: str) -> str:
    """'1917 – 1949', or an open period by the interface string `period_open`."""
    start = parse_date(record.start).format(lang)
    if record.end:
        return f"{start} – {parse_date(record.end).format(lang)}"
    return catalog.ui["period_open"][lang].format(start=start)


def _related(catalog: Catalog, backlinks: Backlinks, dataset: str, record_id: str,
             lang: str) -> dict[str, list[Link]]:
    """Records of every dataset that point at this one, in the order of DATASET_ORDER."""
    incoming = backlinks.to(dataset, record_id)
    return {name: sorted_links(catalog, incoming[name], lang)
            for name in DATASET_ORDER if incoming.get(name)}


def record_view(catalog: Catalog, backlinks: Backlinks, dataset: str, record_id: str,
                lang: str) -> dict[str, Any]:
    """Everything a record page shows, prepared for its template."""
    record = catalog.get(dataset, record_id)
    view: dict[str, Any] = {
        "dataset": dataset,
        "id": record_id,
        "title": title_of(catalog, dataset, record_id, lang),
        "title_editorial": dataset != "people" and lang in record.title.editorial,
        "title_lang": (text(record.title, lang)["lang"] if dataset != "people" else None),
        "translation": needs_work(record, lang),
        "record": record,
        "sources": sources(catalog, record, lang),
        "related": _related(catalog, backlinks, dataset, record_id, lang),
    }
    date = getattr(record, "date", None)
    view["date"] = parse_date(date).format(lang) if date else None
    for name in ("summary", "place", "role", "note"):
        view[name] = text(getattr(record, name, None), lang)
    stage = getattr(record, "stage", None)
    view["stage"] = link(catalog, "stages", stage, lang) if stage else None
    view["themes"] = sorted_links(catalog, [("themes", t) for t in getattr(record, "themes", [])],
                                  lang)
    view["references"] = sorted_links(
        catalog, [("references", r) for r in getattr(record, "references", [])], lang)
    view["signatories"] = sorted_links(
        catalog, [("people", p) for p in getattr(record, "signatories", [])], lang)

    if dataset == "stages":
        view["period"] = period(catalog, record, lang)
        view["characteristics"] = [text(c, lang) for c in record.characteristics]
        view["factors"] = [{"theme": link(catalog, "themes", f.theme, lang),
                            "text": text(f.text, lang)} for f in record.factors]
        view["key_events"] = [{
            "date": parse_date(e.date).format(lang) if e.date else None,
            "text": text(e.text, lang),
            "link": (link(catalog, "exchanges", e.exchange, lang) if e.exchange else
                     link(catalog, "statements", e.statement, lang) if e.statement else None),
        } for e in sorted(record.key_events,
                          key=lambda e: parse_date(e.date).sort_key if e.date else (0, 0, 0))]
    elif dataset == "statements":
        view["kind"] = record.kind
        view["parallel"] = parallel_passages(catalog, record, lang)
        view["parties"] = [text(p, lang) for p in record.parties]
        view["quotes"] = [{
            "text": text(q.text, lang),
            "original": ({"text": q.text.get(q.text.original), "lang": HTML_LANG[q.text.original]}
                         if lang in q.text.editorial and q.text.has(lang) else None),
            "speaker": link(catalog, "people", q.speaker, lang) if q.speaker else None,
            "note": {"label": f"q{number}", "link": link(catalog, "references", q.ref, lang),
                     "section": section_label(catalog, q.section, lang), "quote": None},
        } for number, q in enumerate(record.quotes, start=1)]
    elif dataset == "exchanges":
        view["kind"] = record.kind
    elif dataset == "indicators":
        view["year"] = parse_date(record.year).format(lang)
        view["value"] = money(record.value, record.unit, lang)
        view["change"] = (percent(record.change_percent, lang, signed=True)
                          if record.change_percent is not None else None)
    elif dataset == "themes":
        view["group"] = record.group
        view["paper"] = link(catalog, "references", record.paper, lang)
        view["section"] = section_label(catalog, record.section, lang)
        view["body"] = [text(p, lang) for p in record.body]
    elif dataset == "people":
        view["names"] = [{"lang": other, "name": person_name(record, other)}
                         for other in ("en", "zh", "ru")]
    elif dataset == "references":
        view.update(reference_view(catalog, record, lang))
    return view


def parallel_passages(catalog: Catalog, record: Any, lang: str) -> dict[str, Any]:
    """The statement's title, summary and quotations in the three languages side by side, one
    row per passage; the page's own language first."""
    order = [lang] + [other for other in ("en", "zh", "ru") if other != lang]
    passages = [("passage-title", catalog.ui["document_title"][lang], record.title),
                ("passage-summary", catalog.ui["summary"][lang], record.summary)]
    passages += [(f"passage-quote-{n}", f"{catalog.ui['quote'][lang]} {n}", quote.text)
                 for n, quote in enumerate(record.quotes, start=1)]
    return {
        "languages": [{"code": other, "name": catalog.ui[f"language_{other}"][lang]}
                      for other in order],
        "rows": [{"anchor": anchor, "label": label, "cells": [
            {"lang": HTML_LANG[other], "text": value.get(other) if value.has(other) else None,
             "editorial": other in value.editorial and value.has(other),
             "outdated": state(value, other) == OUTDATED} for other in order]}
            for anchor, label, value in passages],
    }


def author_names(reference: Reference) -> list[str]:
    names = []
    for author in reference.author:
        if author.literal:
            names.append(author.literal)
        else:
            names.append(", ".join(p for p in (author.family, author.given) if p))
    return names


def in_script(value: str | None, lang: str) -> dict[str, Any] | None:
    """A bibliographic text as the work gives it, with its language when that is not the
    page's (by its script): a screen reader and the fonts then switch to it."""
    if not value:
        return None
    written = script_language(value)
    return {"text": value, "lang": HTML_LANG[written] if written != lang else None}


def reference_view(catalog: Catalog, reference: Reference, lang: str) -> dict[str, Any]:
    original = reference.title.get(reference.language)
    return {
        "original_title": original if reference.language != lang else None,
        "original_lang": reference.language,
        "authors": [in_script(name, lang) for name in author_names(reference)],
        "transliterations": [
            ", ".join(p for p in (a.transliteration.family, a.transliteration.given) if p)
            for a in reference.author if a.transliteration],
        "container": in_script(reference.container_title, lang),
        "collection": in_script(reference.collection_title, lang),
        "publisher": in_script(", ".join(
            p for p in (reference.publisher_place, reference.publisher) if p), lang),
        "volume": reference.volume,
        "issue": reference.issue,
        "page": reference.page,
        "issued": parse_date(reference.issued).format(lang) if reference.issued else None,
        "accessed": parse_date(reference.accessed).format(lang) if reference.accessed else None,
        "url": reference.URL,
        "type": reference.type,
        "cited_in": [{"paper": link(catalog, "references", c.paper, lang),
                      "section": section_label(catalog, c.section, lang), "label": c.label} for c in reference.cited_in],
    }


def index_view(catalog: Catalog, dataset: str, lang: str) -> dict[str, Any]:
    """A dataset's index page: every record, sorted, with its date and group."""
    entries = sorted(catalog.records[dataset].items(),
                     key=lambda item: sort_key(item[0], item[1].record))
    rows = []
    for record_id, entry in entries:
        record = entry.record
        row = {"link": link(catalog, dataset, record_id, lang), "date": None,
               "value": None, "group": getattr(record, "group", None)}
        if dataset == "stages":
            row["date"] = period(catalog, record, lang)
        elif dataset == "indicators":
            row["value"] = money(record.value, record.unit, lang)
        rows.append(row)
    groups: dict[str | None, list] = defaultdict(list)
    for row in rows:
        groups[row["group"]].append(row)
    return {"dataset": dataset, "rows": rows, "groups": list(groups.items()),
            "count": len(rows)}
