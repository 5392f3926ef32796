"""The site as a reader gets it, in headless Chromium (Debian's, driven by Playwright).

On each language's home page a search in that language finds the expected record; no request
leaves the site's host; the browser logs no errors.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

pytest.importorskip("playwright.sync_api")


# (language root, query, the record page that must be among the results). Each language
# searches its own index only: every result must be a page of that language.
SEARCHES = [
    ("", "Amur", "exchanges/amur-river-swim/"),
    ("", "festival", "exchanges/russian-film-festival/"),
    # English stemming: a form the site never uses finds the forms it does.
    ("", "cooperations", "themes/economic-trade-cooperation/"),
    ("", "festivals", "exchanges/russian-film-festival/"),
    # A reference's author in another script, and a record's id.
    ("", "Газуль", "references/gazul-2011/"),
    ("", "russian-cultural-centres", "exchanges/russian-cultural-centres/"),
    # A statement by its date, as written on its page.
    ("", "5 June 2019", "statements/joint-statement-2019-06-05/"),
    ("ru/", "5 июня 2019", "ru/statements/joint-statement-2019-06-05/"),
    # Chinese words inside sentences, and the set phrases kept whole by the data's dictionary.
    ("zh/", "冰球", "zh/exchanges/chinese-hockey-teams-russian-league/"),
    ("zh/", "孔子学院", "zh/exchanges/confucius-institutes/"),
    ("zh/", "人文交流", "zh/themes/cultural-exchange-deepened/"),
    ("zh/", "一带一路", "zh/themes/belt-and-road-condition/"),
    ("zh/", "人类命运共同体", "zh/themes/community-of-shared-future/"),
    ("zh/", "Gazul", "zh/references/gazul-2011/"),
    # Russian: inflected forms find each other, exact words still find themselves, ё = е.
    ("ru/", "Амур", "ru/exchanges/amur-river-swim/"),
    ("ru/", "хоккей", "ru/exchanges/chinese-hockey-teams-russian-league/"),
    ("ru/", "хоккея", "ru/exchanges/chinese-hockey-teams-russian-league/"),
    ("ru/", "хоккеем", "ru/exchanges/chinese-hockey-teams-russian-league/"),  # not on the site
    ("ru/", "сотрудничество", "ru/themes/economic-trade-cooperation/"),
    ("ru/", "сотрудничества", "ru/themes/economic-trade-cooperation/"),
    ("ru/", "культурой", "ru/exchanges/russian-culture-festival/"),
    ("ru/", "трехъязычное", "ru/"),
    ("ru/", "Gazul", "ru/references/gazul-2011/"),
]


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


@pytest.fixture
def reader(browser, site_url):
    """A fresh page that records every request and every console error."""
    context = browser.new_context()
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()
    foreign = [
        url for url in page.requests if not url.startswith(site_url) and not url.startswith("data:")
    ]
    assert foreign == [], f"requests left the site's host: {foreign}"
    assert page.errors == [], f"console errors: {page.errors}"


def search(page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.dispatch_event("keyup")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    # Result links carry ?h=<query> for highlighting and #section anchors: keep the page.
    return [link.split("?")[0].split("#")[0] for link in links]


@pytest.mark.parametrize(
    "root, query, expected", SEARCHES, ids=[f"{r or 'en/'}{q}" for r, q, _ in SEARCHES]
)
def test_search_finds_the_record_in_the_readers_language(reader, site_url, root, query, expected):
    reader.goto(urljoin(site_url, root))
    results = search(reader, query)
    assert urljoin(site_url, expected) in results, results
    others = [f"{site_url}{lang}/" for lang in ("zh", "ru") if f"{lang}/" != root]
    assert not [r for r in results if r.startswith(tuple(others))], results
    # The reader downloaded their own language's index and no other.
    indexes = [r for r in reader.requests if r.endswith("search_index.json")]
    assert indexes == [urljoin(site_url, f"{root}search/search_index.json")], indexes


def test_record_page_loads_cleanly_and_switches_language(reader, site_url):
    reader.goto(urljoin(site_url, "stages/all-round-development/"))
    assert reader.locator("h1").first.inner_text().strip()
    reader.goto(urljoin(site_url, "zh/stages/all-round-development/"))
    assert reader.evaluate("document.documentElement.lang") == "zh"
    reader.goto(urljoin(site_url, "ru/statements/joint-statement-2019-06-05/"))
    assert "5 июня 2019" in reader.content()


def test_copy_button_puts_the_citation_on_the_clipboard(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(urljoin(site_url, "ru/stages/limited-contact/"))
    button = page.locator("button.cite-copy")
    assert button.is_visible() and button.inner_text() == "Скопировать ссылку"
    button.click()
    page.wait_for_function(
        "document.querySelector('button.cite-copy').textContent === 'Скопировано'"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.get_attribute("#citation", "data-text")
    assert copied.startswith("Российско-китайские культурные связи. Ограниченные контакты")
    context.close()


def test_without_javascript_there_is_no_dead_copy_button(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(urljoin(site_url, "stages/limited-contact/"))
    assert not page.locator("button.cite-copy").is_visible()
    assert page.locator("a[download$='.bib']").count() == 1
    context.close()


def test_keyboard_alone_reaches_search_and_opens_a_result(reader, site_url):
    """Material's keys: "/" focuses the search box, arrow keys pick a result, Enter opens it."""
    reader.goto(urljoin(site_url, "ru/"))
    reader.keyboard.press("/")
    assert reader.evaluate("document.activeElement.classList.contains('md-search__input')")
    reader.keyboard.type("Амур")
    reader.wait_for_selector(".md-search-result__item", timeout=15_000)
    reader.keyboard.press("ArrowDown")
    with reader.expect_navigation():
        reader.keyboard.press("Enter")
    assert "/ru/" in reader.url and reader.locator("h1").first.inner_text()
