"""What each dataset's record page shows: the view builder of every page type.

`record_view` builds what every record page has (title, sources, back-links, translation
state) and hands the rest to the builder its dataset's page type registered with `@builds`;
data/datasets.py names the page type, and pages/templates/<page>.md.j2 formats the view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.dates import parse_date
from ..core.formatting import money, percent
from ..core.languages import HTML_LANG, LANGUAGES, language, others_after
from ..data.datasets import DATASETS
from ..data.models import Aliased
from ..data.translations import OUTDATED, needs_work, state
from .inputs import PageInputs
from .render import description, markdown_inline
from .views import (
    date_text,
    in_script,
    link,
    links_to,
    note,
    period,
    related,
    section_label,
    sources,
    text,
    wholly_translated,
    with_ibid,
)

Builder = Callable[[PageInputs, Any, str], dict[str, Any]]
BUILDERS: dict[str, Builder] = {}


def builds(page: str) -> Callable[[Builder], Builder]:
    """Register the view builder of a page type (data/datasets.py names each dataset's)."""

    def register(builder: Builder) -> Builder:
        BUILDERS[page] = builder
        return builder

    return register


def record_view(inputs: PageInputs, dataset: str, record_id: str, lang: str) -> dict[str, Any]:
    """Everything a record page shows, prepared for its template."""
    record = inputs.get(dataset, record_id)
    title = record.title_text
    view: dict[str, Any] = {
        "dataset": dataset,
        "id": record_id,
        "title": record.title_in(lang),
        "title_editorial": title is not None and lang in title.editorial,
        "title_lang": text(title, lang)["lang"] if title is not None else None,
        "translation": needs_work(record, lang),
        "sources": sources(inputs, record, lang),
        "related": related(inputs, dataset, record_id, lang),
        "aliases": language(lang).enumeration.join(
            record.aliases_in(lang) if isinstance(record, Aliased) else []
        ),
    }
    view.update(BUILDERS[DATASETS[dataset].page](inputs, record, lang))
    summary = view.get("summary")
    view["description"] = description(summary["text"] if summary else None)
    # A title official in the page's language (a statement's) makes the page a mix.
    official_title = title is not None and title.has(lang) and lang not in title.editorial
    view["translated_page"] = wholly_translated(view) and not official_title
    return view


def _stage_link(inputs: PageInputs, record: Any, lang: str) -> dict[str, Any]:
    return {"stage": link(inputs, "stages", record.stage, lang)}


@builds("stage")
def stage_view(inputs: PageInputs, record: Any, lang: str) -> dict[str, Any]:
    # Dated events in date order; those the sources give no date stay in the paper's order,
    # apart, so that nothing undated reads as if it came before or after a dated one.
    dated = sorted(
        (e for e in record.key_events if e.date), key=lambda e: parse_date(e.date).sort_key
    )
    undated = [e for e in record.key_events if not e.date]
    return {
        "summary": text(record.summary, lang),
        "period": period(inputs, record, lang),
        "characteristics": [text(c, lang) for c in record.characteristics],
        "factors": [
            {"theme": link(inputs, "themes", f.theme, lang), "text": text(f.text, lang)}
            for f in record.factors
        ],
        "key_events": [_key_event(inputs, e, lang) for e in dated],
        "undated_events": [_key_event(inputs, e, lang) for e in undated],
    }


def _key_event(inputs: PageInputs, event: Any, lang: str) -> dict[str, Any]:
    target = event.target
    return {
        "date": date_text(event.date, lang),
        "text": text(event.text, lang),
        "link": link(inputs, *target, lang) if target else None,
    }


@builds("statement")
def statement_view(inputs: PageInputs, record: Any, lang: str) -> dict[str, Any]:
    return {
        "date": date_text(record.date, lang),
        "summary": text(record.summary, lang),
        "place": text(record.place, lang),
        **_stage_link(inputs, record, lang),
        "themes": links_to(inputs, "themes", record.themes, lang),
        "references": links_to(inputs, "references", record.references, lang),
        "signatories": links_to(inputs, "people", record.signatories, lang),
        "kind": record.kind,
        "parallel": parallel_passages(inputs, record, lang),
        "parties": [text(p, lang) for p in record.parties],
        "quotes": [
            {
                "text": {**text(q.text, lang), "back_translated": back_translated(record, q, lang)},
                "original": (
                    {"text": q.text.get(q.text.original), "lang": HTML_LANG[q.text.original]}
                    if lang in q.text.editorial and q.text.has(lang)
                    else None
                ),
                "speaker": link(inputs, "people", q.speaker, lang) if q.speaker else None,
                "speaker_inferred": q.speaker_inferred,
            }
            for q in record.quotes
        ],
        **_quote_notes(inputs, record, lang),
    }


def _quote_notes(inputs: PageInputs, record: Any, lang: str) -> dict[str, Any]:
    """Each quotation's note (where in its source it stands), after the record's own note;
    a note repeating the one before it is an Ibid."""
    own = sources(inputs, record, lang)
    quoted = [
        note(inputs, f"q{number}", [(q.ref, q.section, None)], lang)
        for number, q in enumerate(record.quotes, start=1)
    ]
    return {"quote_notes": with_ibid(own + quoted)[len(own) :]}


@builds("exchange")
def exchange_view(inputs: PageInputs, record: Any, lang: str) -> dict[str, Any]:
    return {
        "date": date_text(record.date, lang),
        "summary": text(record.summary, lang),
        **_stage_link(inputs, record, lang),
        "themes": links_to(inputs, "themes", record.themes, lang),
        "kind": record.kind,
    }


@builds("indicator")
def indicator_view(inputs: PageInputs, record: Any, lang: str) -> dict[str, Any]:
    return {
        **_stage_link(inputs, record, lang),
        "year": parse_date(record.year).format(lang),
        "value": money(record.value, record.unit, lang),
        "change": (
            percent(record.change_percent, lang, signed=True)
            if record.change_percent is not None
            else None
        ),
    }


@builds("theme")
def theme_view(inputs: PageInputs, record: Any, lang: str) -> dict[str, Any]:
    return {
        "summary": text(record.summary, lang),
        "group": record.group,
        "paper": link(inputs, "references", record.paper, lang),
        "section": section_label(inputs, record.section, lang),
        "body": [text(p, lang) for p in record.body],
    }


@builds("person")
def person_view(inputs: PageInputs, record: Any, lang: str) -> dict[str, Any]:
    return {
        "role": text(record.role, lang),
        "names": [{"lang": other, "name": record.title_in(other)} for other in LANGUAGES],
    }


def back_translated(record: Any, quote: Any, lang: str) -> bool:
    """Whether the quotation in `lang` is our translation of a source's words back into the
    language the document was written in: readers would take it for the document's own."""
    value = quote.text
    return (
        lang in record.written_in
        and value.has(lang)
        and lang != value.original
        and lang not in value.official
    )


def parallel_passages(inputs: PageInputs, record: Any, lang: str) -> dict[str, Any]:
    """The statement's title, summary and quotations in the three languages side by side, one
    row per passage; the page's own language first."""
    order = others_after(lang)
    ui = inputs.ui
    passages = [
        ("passage-title", ui["document_title"][lang], record.title, None),
        ("passage-summary", ui["summary"][lang], record.summary, None),
    ]
    passages += [
        (f"passage-quote-{n}", f"{ui['quote'][lang]} {n}", quote.text, quote)
        for n, quote in enumerate(record.quotes, start=1)
    ]
    return {
        "languages": [{"code": other, "name": ui[f"language_{other}"][lang]} for other in order],
        "rows": [
            {
                "anchor": anchor,
                "label": label,
                "cells": [
                    {
                        "lang": HTML_LANG[other],
                        "code": other,
                        "space": language(other).word_space,
                        "text": value.get(other) if value.has(other) else None,
                        "editorial": other in value.editorial and value.has(other),
                        "outdated": state(value, other) == OUTDATED,
                        "back_translated": bool(quote) and back_translated(record, quote, other),
                    }
                    for other in order
                ],
            }
            for anchor, label, value, quote in passages
        ],
    }


def author_names(reference: Any) -> list[str]:
    names = []
    for author in reference.author:
        if author.literal:
            names.append(author.literal)
        else:
            names.append(", ".join(p for p in (author.family, author.given) if p))
    return names


@builds("reference")
def reference_view(inputs: PageInputs, reference: Any, lang: str) -> dict[str, Any]:
    original = reference.title.get(reference.language)
    work_lang = reference.language
    return {
        "note": text(reference.note, lang),
        "original_title": original if reference.language != lang else None,
        "original_lang": reference.language,
        "authors": [in_script(name, lang) for name in author_names(reference)],
        "transliterations": [
            ", ".join(p for p in (a.transliteration.family, a.transliteration.given) if p)
            for a in reference.author
            if a.transliteration
        ],
        "container": in_script(reference.container_title, lang),
        "collection": in_script(reference.collection_title, lang),
        "publisher": in_script(
            ", ".join(p for p in (reference.publisher_place, reference.publisher) if p), lang
        ),
        "volume": reference.volume,
        "issue": reference.issue,
        "number": reference.number,
        "page": reference.page,
        "issued": date_text(reference.issued, lang),
        "accessed": date_text(reference.accessed, lang),
        "url": reference.URL,
        "type": reference.type,
        "cited_in": [
            {
                "paper": link(inputs, "references", c.paper, lang),
                "section": section_label(inputs, c.section, lang),
                "label": c.label,
            }
            for c in reference.cited_in
        ],
        "citation": markdown_inline(inputs.bibliography_entry(lang, reference.id).html, work_lang),
        "citation_lang": HTML_LANG[work_lang] if work_lang != lang else None,
    }


_MISSING = {dataset.page for dataset in DATASETS.values()} - set(BUILDERS)
if _MISSING:
    raise ImportError(f"no view builder for the page types {sorted(_MISSING)}")
