"""Finding one's way, in Chromium as a reader does: a record page says where it stands (a
breadcrumb, its dataset active in the sidebar, the records before and after it), the language
switcher keeps the place, the 404 page helps, the keyboard meets nothing invisible
(tests/test_screenshots.py saves these pages for a person to look at)."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

PREFIX = {"en": "", "zh": "zh/", "ru": "ru/"}
DATASET_NAME = {"en": "Historical stages", "zh": "历史阶段", "ru": "Исторические этапы"}
NOT_FOUND = {"en": "Page not found", "zh": "未找到页面", "ru": "Страница не найдена"}


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_a_record_page_shows_where_it_stands(page, site_url, catalog, lang):
    order = [entry.id for entry in catalog.sorted_entries("stages")]
    middle = order[1]
    page.goto(urljoin(site_url, f"{PREFIX[lang]}stages/{middle}/"))
    crumbs = page.locator("nav.md-path .md-path__link")
    assert crumbs.count() == 2
    assert crumbs.nth(1).inner_text().strip() == DATASET_NAME[lang]
    assert crumbs.nth(1).get_attribute("href") == "../"
    active = page.locator(".md-nav--primary .md-nav__item--active > .md-nav__link").first
    assert active.inner_text().strip() == DATASET_NAME[lang]
    previous = page.locator("a.md-footer__link--prev").get_attribute("href")
    following = page.locator("a.md-footer__link--next").get_attribute("href")
    assert (previous, following) == (f"../{order[0]}/", f"../{order[2]}/")
    page.goto(urljoin(site_url, f"{PREFIX[lang]}stages/{order[0]}/"))
    assert page.locator("a.md-footer__link--prev").count() == 0


def test_switching_language_keeps_the_place(page, site_url):
    page.goto(urljoin(site_url, "stages/limited-contact/#key-events"))
    page.evaluate("document.querySelector('a.md-select__link[hreflang=\"ru\"]').click()")
    page.wait_for_url("**/ru/stages/limited-contact/#key-events")
    assert page.locator("h2#key-events").inner_text().startswith("Ключевые события")


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_the_404_page_explains_and_offers_search_and_the_indexes(page, site_url, lang):
    response = page.goto(urljoin(site_url, f"{PREFIX[lang]}stages/no-such-stage/"))
    assert response.status == 404
    assert "404" in page.title() and NOT_FOUND[lang] in page.title()
    assert page.locator("article h1").inner_text().startswith(NOT_FOUND[lang])
    indexes = page.locator("ul.not-found-indexes a")
    assert indexes.count() == 11
    assert indexes.nth(2).inner_text() == DATASET_NAME[lang]
    page.locator("button[data-open-search]").click()
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    # The switcher leads to each language's home page, not to a page the 404 is not.
    ru = page.locator('a.md-select__link[hreflang="ru"]').get_attribute("href")
    assert ru.rstrip("/").endswith("/ru")


@pytest.mark.parametrize("width", [1280, 390])
def test_every_tab_stop_before_the_content_is_visible(chromium, site_url, width):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    reader = context.new_page()
    reader.goto(urljoin(site_url, "ru/stages/limited-contact/"))
    invisible = []
    for _ in range(4):
        reader.keyboard.press("Tab")
        box = reader.evaluate(
            "() => { const r = document.activeElement.getBoundingClientRect();"
            " return [document.activeElement.className, r.width, r.height]; }"
        )
        if box[1] < 2 or box[2] < 2:
            invisible.append(box[0])
    context.close()
    assert invisible == []
