"""The timeline: the five stages as spans, in order, with the dated events inside each (the
stage's key events and its statements), as plain HTML lists that need no JavaScript, read well
on a phone and are their own text alternative."""

from __future__ import annotations

from typing import Any

from .dates import parse_date
from .validate import Catalog
from .views import link, period, sort_key, text


def timeline_view(catalog: Catalog, lang: str, prefix: str = "../") -> dict[str, Any]:
    """`prefix`: from the page that shows the timeline to the dataset folders."""
    stages = sorted(catalog.records["stages"].items(),
                    key=lambda item: sort_key(item[0], item[1].record))
    spans = []
    for stage_id, entry in stages:
        stage = entry.record
        events, linked = [], set()
        for event in stage.key_events:
            target = (("exchanges", event.exchange) if event.exchange else
                      ("statements", event.statement) if event.statement else None)
            if target:
                linked.add(target)
            events.append(_event(catalog, event.date, text(event.text, lang), target, lang, prefix))
        for statement_id, statement in catalog.records["statements"].items():
            record = statement.record
            if record.stage == stage_id and ("statements", statement_id) not in linked:
                events.append(_event(catalog, record.date, None, ("statements", statement_id),
                                     lang, prefix))
        # Key events keep the order the paper tells them in (most have no exact date); the
        # statements not among them follow, by date.
        stated = len(stage.key_events)
        events[stated:] = sorted(events[stated:], key=lambda e: e["sort"])
        spans.append({"link": _link(catalog, ("stages", stage_id), lang, prefix),
                      "period": period(catalog, stage, lang),
                      "start": parse_date(stage.start).earliest_year,
                      "events": events})
    return {"spans": spans}


def _link(catalog: Catalog, target: tuple[str, str], lang: str, prefix: str):
    found = link(catalog, *target, lang)
    return found.__class__(found.title, prefix + found.href.removeprefix("../"), found.date)


def _event(catalog: Catalog, date: str | None, words: dict | None, target, lang: str,
           prefix: str) -> dict[str, Any]:
    parsed = parse_date(date) if date else None
    return {"date": parsed.format(lang) if parsed else None,
            "iso": parsed.text if parsed else None,
            "sort": parsed.sort_key if parsed else (9999, 0, 0),
            "text": words,
            "link": _link(catalog, target, lang, prefix) if target else None}
