"""Statements side by side in three languages, passage by passage, each row linkable."""

from __future__ import annotations

import html
import re

import pytest

from build_scripts.core.languages import HTML_LANG, url_prefix

STATEMENT = "joint-statement-2019-06-05"


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_every_passage_in_every_language_with_its_anchor(built_site, catalog, lang):
    record = catalog.get("statements", STATEMENT)
    text = (built_site / url_prefix(lang) / "statements" / STATEMENT / "index.html").read_text(
        encoding="utf-8"
    )
    table = re.search(r'<table class="parallel-texts".*?</table>', text, re.S).group(0)
    rows = re.findall(
        r'<tbody id="([^"]+)">\s*<tr class="parallel-label"><th colspan="3" scope="colgroup">'
        r'<a href="#\1">[^<]+</a></th></tr>\s*<tr>(.*?)</tr>',
        table,
        re.S,
    )
    assert [anchor for anchor, _ in rows] == ["passage-title", "passage-summary"] + [
        f"passage-quote-{n}" for n in range(1, len(record.quotes) + 1)
    ]
    order = [lang] + [other for other in ("en", "zh", "ru") if other != lang]
    for (anchor, cells), value in zip(
        rows, [record.title, record.summary] + [q.text for q in record.quotes]
    ):
        found = re.findall(r'<td lang="([^"]+)" data-label="[^"]+">(.*?)</td>', cells, re.S)
        assert [code for code, _ in found] == [HTML_LANG[other] for other in order]
        for (_code, cell), other in zip(found, order):
            assert html.escape(value.get(other)) in cell, (anchor, other)
