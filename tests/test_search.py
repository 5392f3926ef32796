"""Search as a reader uses it, in headless Chromium: Material's search box, answered by the
page language's Pagefind index (build_scripts/site/search_index.py, the worker
docs/assets/javascripts/workers/pagefind-search.js).

For every query of the table: the expected page is among the first five results, every result
is a page of the reader's language, and no result marks a typed word as missing (each result
holds a form of every word typed).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from .conftest import assert_stayed_clean, recording_page

pytest.importorskip("playwright.sync_api")

SHOWN = 5

# (query, the page that must be among the first five results), per language root.
QUERIES = {
    "": [
        # plurals and verb forms find the forms the pages use
        ("festivals", "exchanges/russian-film-festival/"),
        ("trade cooperations", "themes/economic-trade-cooperation/"),
        ("universities", "exchanges/joint-university-in-shenzhen/"),
        ("signing", "statements/joint-statement-2019-06-05/"),
        ("normalized", "stages/recovery-and-normalization/"),
        ("Confucius", "exchanges/confucius-institutes/"),
        ("Amur", "exchanges/amur-river-swim/"),
        ("Gorbachev", "stages/recovery-and-normalization/"),
        ("Astana", "statements/xi-putin-astana-2017/"),
        ("Putin", "people/vladimir-putin/"),
        # several words
        ("hockey league", "exchanges/chinese-hockey-teams-russian-league/"),
        ("film festival", "exchanges/russian-film-festival/"),
        ("learning from the Soviet Union", "stages/learning-and-deterioration/"),
        ("5 June 2019", "statements/joint-statement-2019-06-05/"),
        ("Belt and Road", "themes/belt-and-road-condition/"),
        # the spellings of `aliases`
        ("Jinping Xi", "people/xi-jinping/"),
        ("Shen Zhen", "exchanges/joint-university-in-shenzhen/"),
        ("Shenzen", "exchanges/joint-university-in-shenzhen/"),
        # a record id, an author in another script
        ("russian-cultural-centres", "exchanges/russian-cultural-centres/"),
        ("Газуль", "references/gazul-2011/"),
    ],
    "zh/": [
        # sub-words of set phrases, and the phrases whole
        ("命运", "zh/themes/community-of-shared-future/"),
        ("共同体", "zh/themes/community-of-shared-future/"),
        ("人类命运共同体", "zh/themes/community-of-shared-future/"),
        ("一带", "zh/themes/belt-and-road-condition/"),
        ("一带一路", "zh/themes/belt-and-road-condition/"),
        ("孔子", "zh/exchanges/confucius-institutes/"),
        ("孔子学院", "zh/exchanges/confucius-institutes/"),
        # a year with 年
        ("2019年", "zh/statements/joint-statement-2019-06-05/"),
        ("2017年", "zh/indicators/trade-total-2017/"),
        # two words without a space
        ("中俄冰球", "zh/exchanges/chinese-hockey-teams-russian-league/"),
        ("俄罗斯电影节", "zh/exchanges/russian-film-festival/"),
        ("中苏", "zh/stages/learning-and-deterioration/"),
        ("新思维", "zh/stages/recovery-and-normalization/"),
        ("戈尔巴乔夫", "zh/stages/recovery-and-normalization/"),
        ("正常化", "zh/stages/recovery-and-normalization/"),
        ("人文交流", "zh/themes/cultural-exchange-deepened/"),
        ("黑龙江", "zh/exchanges/amur-river-swim/"),
        ("深圳", "zh/exchanges/joint-university-in-shenzhen/"),
        ("习近平", "zh/people/xi-jinping/"),
        ("阿斯塔纳", "zh/statements/xi-putin-astana-2017/"),
        # an alias, a record id, a name in Latin letters
        ("普丁", "zh/people/vladimir-putin/"),
        ("confucius-institutes", "zh/exchanges/confucius-institutes/"),
        ("Gazul", "zh/references/gazul-2011/"),
    ],
    "ru/": [
        # a noun in four cases and the plural
        ("Путина", "ru/people/vladimir-putin/"),
        ("Путину", "ru/people/vladimir-putin/"),
        ("Путиным", "ru/people/vladimir-putin/"),
        ("Путине", "ru/people/vladimir-putin/"),
        ("фестивали", "ru/exchanges/russian-film-festival/"),
        ("фестивалей", "ru/exchanges/russian-film-festival/"),
        ("Конфуция", "ru/exchanges/confucius-institutes/"),
        ("Амуре", "ru/exchanges/amur-river-swim/"),
        ("нормализации", "ru/stages/recovery-and-normalization/"),
        ("хоккеем", "ru/exchanges/chinese-hockey-teams-russian-league/"),
        ("сотрудничества", "ru/themes/economic-trade-cooperation/"),
        ("Горбачева", "ru/stages/recovery-and-normalization/"),
        ("университеты", "ru/exchanges/joint-university-in-shenzhen/"),
        # adjectives
        ("российского кино", "ru/exchanges/russian-film-festival/"),
        ("культурные центры", "ru/exchanges/russian-cultural-centres/"),
        ("китайских хоккейных", "ru/exchanges/chinese-hockey-teams-russian-league/"),
        # ё and е are one letter
        ("трёхъязычное", "ru/"),
        ("Горбачёва", "ru/stages/recovery-and-normalization/"),
        # several words, a date
        ("Советского Союза", "ru/stages/learning-and-deterioration/"),
        ("5 июня 2019", "ru/statements/joint-statement-2019-06-05/"),
        # the spellings of `aliases`, a record id, a name in Latin letters
        ("Шеньчжень", "ru/exchanges/joint-university-in-shenzhen/"),
        ("Шеньчжэнь", "ru/exchanges/joint-university-in-shenzhen/"),
        ("amur-river-swim", "ru/exchanges/amur-river-swim/"),
        ("Gazul", "ru/references/gazul-2011/"),
    ],
}
TABLE = [(root, query, expected) for root, rows in QUERIES.items() for query, expected in rows]
OTHER_ROOTS = {root: [other for other in QUERIES if other and other != root] for root in QUERIES}


@pytest.fixture(scope="module")
def readers(chromium, site_url):
    """One page per language, opened once: it records its requests and console errors."""
    opened = {}

    def reader(root):
        if root not in opened:
            opened[root] = recording_page(chromium)
            opened[root].goto(urljoin(site_url, root))
        return opened[root]

    yield reader
    for page in opened.values():
        page.context.close()
        assert_stayed_clean(page, site_url)


def results(page, query: str) -> list[dict]:
    """The results Material shows for `query`: each one's page, title, text and missing words."""
    page.evaluate("document.querySelector('.md-search-result__list').innerHTML = ''")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.dispatch_event("keyup")
    page.wait_for_function(
        """(query) => document.querySelector('input.md-search__input').value === query &&
           document.querySelector('.md-search-result__item')""",
        arg=query,
        timeout=int(__import__("os").environ.get("SEARCH_TIMEOUT_MS", "15000")),
    )
    return page.eval_on_selector_all(
        ".md-search-result__item",
        """items => items.map(item => ({
            page: item.querySelector('a').href.split('?')[0].split('#')[0],
            title: item.querySelector('h1').textContent,
            text: item.querySelector('article').textContent,
            missing: [...item.querySelectorAll('.md-search-result__terms del')]
                .map(del => del.textContent),
        }))""",
    )


@pytest.mark.parametrize(
    "root, query, expected", TABLE, ids=[f"{root or 'en/'}{query}" for root, query, _ in TABLE]
)
def test_query_finds_the_record_in_the_readers_language(readers, site_url, root, query, expected):
    found = results(readers(root), query)
    pages = [result["page"] for result in found]
    assert urljoin(site_url, expected) in pages[:SHOWN], pages[:SHOWN]
    foreign = [
        p for p in pages if p.startswith(tuple(urljoin(site_url, o) for o in OTHER_ROOTS[root]))
    ]
    assert foreign == [], f"pages of another language: {foreign}"
    assert [r for r in found if r["missing"]] == [], "a result marks a typed word as missing"


def test_the_table_asks_enough_of_each_language():
    assert all(len(rows) >= 20 for rows in QUERIES.values())


@pytest.mark.parametrize(
    "root, query, expected",
    [
        ("", "Confucius Institutes", "exchanges/confucius-institutes/"),
        ("zh/", "孔子学院", "zh/exchanges/confucius-institutes/"),
        ("ru/", "Путина", "ru/people/vladimir-putin/"),
        ("ru/", "Институты Конфуция", "ru/exchanges/confucius-institutes/"),
    ],
)
def test_a_record_outranks_the_pages_that_mention_it(readers, site_url, root, query, expected):
    """Its title and facts weigh more than another page's list, back-links or notes."""
    assert results(readers(root), query)[0]["page"] == urljoin(site_url, expected)


def test_chinese_results_read_without_the_index_word_breaks(readers):
    """The index holds Chinese cut into words; the reader sees the text as written."""
    found = results(readers("zh/"), "人类命运共同体")
    shown = [text for result in found[:SHOWN] for text in (result["title"], result["text"])]
    assert "人类命运共同体" in "".join(shown)
    han = r"[\u4e00-\u9fff]"
    assert [text for text in shown if re.search(f"{han}[ -]+{han}", text)] == []


def test_a_reader_who_does_not_search_downloads_no_index(chromium, site_url):
    context = chromium.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(urljoin(site_url, "zh/stages/limited-contact/"))
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if "/pagefind/" in url] == []
    # Material's own index is fetched by every page: it is empty.
    index = [url for url in requests if url.endswith("search/search_index.json")]
    assert index == [urljoin(site_url, "search/search_index.json")]
    context.close()


@pytest.mark.parametrize("root", list(QUERIES))
def test_a_query_fetches_only_its_languages_index(chromium, site_url, root):
    context = chromium.new_context()
    page = context.new_page()
    requests = []
    page.context.on("request", lambda request: requests.append(request.url))
    page.goto(urljoin(site_url, root))
    results(page, QUERIES[root][0][0])
    fetched = [url for url in requests if "/pagefind/" in url]
    assert fetched and all(url.startswith(urljoin(site_url, root + "pagefind/")) for url in fetched)
    context.close()


@pytest.mark.parametrize("root", ["", "ru/"])
def test_the_404_page_searches_its_languages_index(chromium, site_url, root):
    """A reader who followed a dead link searches from the 404 page, in its language."""
    context = chromium.new_context()
    page = context.new_page()
    page.goto(urljoin(site_url, f"{root}no-such-page/"))
    query, expected = QUERIES[root][6]
    found = [result["page"] for result in results(page, query)]
    assert urljoin(site_url, expected) in found[:SHOWN], found
    context.close()


def test_the_count_says_the_best_matches_are_listed(readers):
    """The list holds the best 10 of all matches, and its heading says so in the language."""
    page = readers("zh/")
    results(page, "命运")
    assert page.inner_text(".md-search-result__meta") == "最相关的10条结果"
