"""The site as a reader gets it, in headless Chromium (Debian's, driven by Playwright).

A record page loads and switches language; the citation copies; the keyboard reaches search; no
request leaves the site's host; the browser logs no errors. Search itself: test_search.py.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from .conftest import assert_stayed_clean, recording_page

pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


@pytest.fixture
def reader(browser, site_url):
    """A fresh page that records every request and every console error."""
    page = recording_page(browser)
    yield page
    page.context.close()
    assert_stayed_clean(page, site_url)


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
    assert button.is_visible() and button.inner_text() == "Скопировать библиографическую ссылку"
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
    # Playwright types Cyrillic as text, without the key-up a keyboard sends after each key;
    # Material searches on key-up.
    reader.keyboard.press("End")
    reader.wait_for_selector(".md-search-result__item", timeout=15_000)
    reader.keyboard.press("ArrowDown")
    with reader.expect_navigation():
        reader.keyboard.press("Enter")
    assert "/ru/" in reader.url and reader.locator("h1").first.inner_text()
