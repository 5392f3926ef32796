"""The timeline: the five stages in order, each with the events and statements of its period,
on its own page and on the home page, in every language."""

from __future__ import annotations

import re

import pytest

from build_scripts.core.dates import parse_date
from build_scripts.core.languages import url_prefix
from build_scripts.pages.views import title_of


def spans(html: str) -> list[str]:
    return re.findall(r'<section class="timeline-span">(.*?)</section>', html, re.S)


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_timeline_shows_every_stage_with_its_dated_statements(built_site, catalog, lang):
    html = (built_site / url_prefix(lang) / "timeline" / "index.html").read_text(encoding="utf-8")
    found = spans(html)
    stages = sorted(catalog.records["stages"].items(), key=lambda item: item[1].record.order)
    assert len(found) == len(stages) == 5
    for (stage_id, _entry), span in zip(stages, found):
        assert f'href="../stages/{stage_id}/"' in span
        assert title_of(catalog, "stages", stage_id, lang) in span
    for statement_id, entry in catalog.records["statements"].items():
        record = entry.record
        span = found[[s for s, _ in stages].index(record.stage)]
        assert span.count(f'href="../statements/{statement_id}/"') == 1, statement_id
        if record.date:
            shown = parse_date(record.date).format(lang)
            shown = shown[:1].upper() + shown[1:]  # it opens a list item: «Май 2019 г.»
            assert f'<time datetime="{record.date}">{shown}</time>' in span


def test_key_events_keep_the_order_the_paper_tells_them_in(built_site, catalog):
    html = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    stage = catalog.get("stages", "learning-and-deterioration")
    span = spans(html)[stage.order - 1]
    positions = [span.index(event.text.en.replace("'", "&#x27;")) for event in stage.key_events]
    assert positions == sorted(positions)


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_home_page_carries_the_timeline(built_site, lang):
    html = (built_site / url_prefix(lang) / "index.html").read_text(encoding="utf-8")
    assert len(spans(html)) == 5
    assert 'href="stages/limited-contact/"' in html
