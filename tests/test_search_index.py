"""The search index of the built site: one Pagefind index per language, of that language's
pages only, read from feed pages that weigh a record's own words above passing mentions; the
pages point Material's search at the worker that asks it."""

from __future__ import annotations

import json
import re

import pytest

from build_scripts.core.languages import LANGUAGES, language, url_prefix
from build_scripts.site import search_feed, search_index
from build_scripts.site.chinese_words import ChineseWords


def config_of(built_site, page: str) -> dict:
    text = (built_site / page / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', text, re.S)
    return json.loads(found.group(1))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_index_of_its_own_pages(built_site, lang):
    bundle = built_site / url_prefix(lang) / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    (language,) = entry["languages"]  # one language, and only the pages of it
    pages = search_index.pages_of(built_site, lang)
    assert entry["languages"][language]["page_count"] > 60
    assert all(
        search_index.language_of(p.relative_to(built_site).as_posix()) == lang for p in pages
    )
    # Pagefind's own search interfaces are not shipped: the site uses Material's.
    assert not list(bundle.glob("pagefind-ui.*")) and (bundle / "pagefind.js").exists()


def test_the_chinese_index_comes_with_its_words(built_site):
    words = json.loads((built_site / "zh/pagefind/chinese-words.json").read_text(encoding="utf-8"))
    assert {"人类命运共同体", "命运", "一带一路", "新思维", "冰球"} <= set(words["words"])
    assert words["total"] > 10**6 and words["max"] >= 7
    assert not (built_site / "pagefind" / "chinese-words.json").exists()


def test_materials_own_index_is_empty(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == []
    assert not (built_site / "zh/search/search_index.json").exists()


@pytest.mark.parametrize(
    "lang, page, query",
    [
        ("en", "stages/limited-contact", "index=&language=en"),
        ("zh", "zh/stages/limited-contact", "index=zh%2F&language=cmn&words=chinese-words.json"),
        ("ru", "ru", "index=ru%2F&language=ru"),
    ],
)
def test_pages_point_material_at_the_worker_and_their_index(built_site, lang, page, query):
    config = config_of(built_site, page)
    worker = config["search"]
    assert worker.endswith(f"/workers/pagefind-search.js?{query}"), worker
    assert (built_site / page / worker.split("?")[0]).resolve().is_file()


PAGE = """<html><head><title>T - Site</title></head><body>
<article class="md-content__inner md-typeset">
<h1 id="title">人类命运共同体<a class="headerlink" href="#title">&para;</a></h1>
<p class="editorial-note">本页为编者译文</p>
<dl><dt>又译</dt><dd>普丁</dd></dl>
<p title="中苏关系">2019年构建人类命运共同体</p>
<h2 id="related" data-search-exclude>本站他处</h2><ul><li>中苏</li></ul>
<h2 id="sources">出处</h2><div class="footnote">论文</div>
</article></body></html>"""


@pytest.fixture(scope="module")
def words():
    return ChineseWords({"人类命运共同体"})


def test_a_record_feed_weighs_its_facts_up_and_its_mentions_down(words):
    feed = search_feed.feed_page(PAGE, language("zh"), words, "some-record")
    assert '<html lang="cmn">' in feed
    # The title as written, for the result list; the text cut into words.
    assert 'data-title="人类命运共同体"' in feed
    assert ">2019 年 构建 人类-命运-共同体 <" in feed
    assert '<div data-pagefind-weight="3.0"><dl>' in feed
    assert "译 ：</dt>" in feed and "丁 ；</dd>" in feed  # a fact reads "label: value;"
    assert re.search(r'<div data-pagefind-weight="0.2"><h2 id="related"', feed)
    assert re.search(r'<div data-pagefind-weight="0.2"><h2 id="sources"', feed)
    assert 'title="中苏关系"' in feed  # never inside a tag
    assert '<p data-pagefind-weight="3.0">some-record</p>' in feed


def test_a_list_page_feed_weighs_all_but_its_title_down(words):
    feed = search_feed.feed_page(PAGE, language("zh"), words, None)
    assert re.search(r'</h1><div data-pagefind-weight="0.3">', feed)
    assert "some-record" not in feed


def test_a_page_without_an_article_is_not_indexed():
    assert search_feed.feed_page("<html><body>moved</body></html>", language("en"), None) is None


QUOTED = """<html><head><title>T</title></head><body>
<article class="md-content__inner md-typeset">
<h1 id="title">Пять этапов</h1>
<p>Автор выделяет пять этапов.</p>
<h2 id="sources">Источники</h2><div class="footnote"><ol><li><p>Статья:</p><ul><li><p>Раздел 3:</p>
<blockquote>
<p><span lang="en">the two countries have roughly gone through five stages.</span></p>
<p><span lang="en">present different characteristics</span></p>
</blockquote></li><li><p>Раздел 4:</p>
<blockquote>
<p><span lang="ru">Культурные связи двух стран</span></p>
</blockquote></li></ul></li></ol></div>
</article></body></html>"""


@pytest.mark.parametrize(
    "lang, kept, dropped",
    [
        ("ru", ["Культурные связи двух стран", "Раздел 3"], ["five stages", "characteristics"]),
        ("en", ["five stages", "characteristics"], ["Культурные связи двух стран"]),
    ],
)
def test_a_feed_keeps_a_sources_quotations_in_the_pages_language_only(lang, kept, dropped):
    feed = search_feed.feed_page(QUOTED, language(lang), None, "five-stages")
    assert all(text in feed for text in kept), feed
    assert not any(text in feed for text in dropped), feed
    assert "Автор выделяет пять этапов." in feed  # the page's own text stays
