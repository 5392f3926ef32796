"""The timeline: the five stages as spans, in order, with the dated events inside each (the
stage's key events and its statements), as plain HTML lists that need no JavaScript, read well
on a phone and are their own text alternative."""

from __future__ import annotations

from typing import Any

from ..core.dates import parse_date
from .inputs import PageInputs
from .views import link, period, text, wholly_translated


def timeline_view(inputs: PageInputs, lang: str, prefix: str = "../") -> dict[str, Any]:
    """`prefix`: from the page that shows the timeline to the dataset folders."""
    spans = []
    for entry in inputs.sorted_entries("stages"):
        stage_id = entry.id
        stage = entry.record
        events, linked = [], set()
        for event in stage.key_events:
            target = event.target
            if target:
                linked.add(target)
            events.append(_event(inputs, event.date, text(event.text, lang), target, lang, prefix))
        for statement_id, statement in inputs.records["statements"].items():
            record = statement.record
            if record.stage == stage_id and ("statements", statement_id) not in linked:
                events.append(
                    _event(inputs, record.date, None, ("statements", statement_id), lang, prefix)
                )
        # Key events keep the order the paper tells them in (most have no exact date); the
        # statements not among them follow, by date.
        stated = len(stage.key_events)
        events[stated:] = sorted(events[stated:], key=lambda e: e["sort"])
        spans.append(
            {
                "link": _link(inputs, ("stages", stage_id), lang, prefix),
                "period": period(inputs, stage, lang),
                "start": parse_date(stage.start).earliest_year,
                "events": events,
            }
        )
    view = {"spans": spans}
    return {**view, "translated_page": wholly_translated(view)}


def _link(inputs: PageInputs, target: tuple[str, str], lang: str, prefix: str):
    found = link(inputs, *target, lang)
    return found.__class__(found.title, prefix + found.href.removeprefix("../"), found.date)


def _event(
    inputs: PageInputs, date: str | None, words: dict | None, target, lang: str, prefix: str
) -> dict[str, Any]:
    parsed = parse_date(date) if date else None
    return {
        "date": parsed.format(lang) if parsed else None,
        "iso": parsed.text if parsed else None,
        "sort": parsed.sort_key if parsed else (9999, 0, 0),
        "text": words,
        "link": _link(inputs, target, lang, prefix) if target else None,
    }
