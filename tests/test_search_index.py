"""One search index per language: a reader downloads only their language's pages, configured
with that language's pipeline; the pages point at it."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from build_scripts.core.languages import url_prefix

LANGS = ("en", "zh", "ru")


def index(built_site, lang):
    return json.loads(
        (built_site / url_prefix(lang) / "search" / "search_index.json").read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_index_of_its_own_pages(built_site, lang):
    data = index(built_site, lang)
    assert data["config"]["lang"][0] == lang
    assert data["config"]["pipeline"] == ["trimmer", "stopWordFilter", "stemmer"]
    pages = {doc["location"].split("#")[0] for doc in data["docs"]}
    assert len(pages) > 60
    for location in pages:
        assert not location.startswith(("zh/", "ru/")), location
        assert (built_site / url_prefix(lang) / location / "index.html").exists() or (
            built_site / url_prefix(lang) / location
        ).is_file(), location
    titles = " ".join(doc["title"] for doc in data["docs"])
    script = {"en": r"[A-Za-z]", "zh": r"[\u4e00-\u9fff]", "ru": r"[\u0400-\u04ff]"}[lang]
    assert len(re.findall(script, titles)) > 0.5 * len(re.sub(r"\W", "", titles))


def test_indexes_are_utf8_not_escaped_and_small(built_site):
    for lang in LANGS:
        raw = (built_site / url_prefix(lang) / "search" / "search_index.json").read_bytes()
        assert b"\\u04" not in raw and b"\\u4e" not in raw
        assert len(gzip.compress(raw)) < 200_000, lang


@pytest.mark.parametrize(
    "lang, page",
    [
        ("zh", "zh/stages/limited-contact/"),
        ("ru", "ru/index.html"),
        ("en", "stages/limited-contact/"),
    ],
)
def test_pages_point_at_their_languages_index_and_the_worker_wrapper(built_site, lang, page):
    path = built_site / page
    text = (path / "index.html" if path.is_dir() else path).read_text(encoding="utf-8")
    config = json.loads(
        re.search(
            r'<script id="__config" type="application/json">(.*?)</script>', text, re.S
        ).group(1)
    )
    assert config["base"].endswith(f"/{lang}/") == (lang != "en")
    assert "/workers/language-search.js?material=search." in config["search"]
