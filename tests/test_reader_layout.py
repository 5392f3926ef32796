"""How pages are laid out for a reader, measured in Chromium on a desktop and a phone: the
parallel texts, headings, Russian hyphenation, the trade chart, the translation notice."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

STATEMENT = "statements/joint-statement-2019-06-05/"


@pytest.fixture
def open_page(chromium, site_url):
    contexts = []

    def opened(path: str, width: int = 1280):
        context = chromium.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto(urljoin(site_url, path))
        return page

    yield opened
    for context in contexts:
        context.close()


def test_parallel_texts_read_like_a_parallel_edition_on_a_desktop(open_page):
    page = open_page("zh/" + STATEMENT)
    cells = page.evaluate(
        """() => [...document.querySelectorAll('#passage-summary td')].map(td => {
             const r = td.getBoundingClientRect(), s = getComputedStyle(td);
             return [r.left, r.width, parseFloat(s.paddingLeft), s.borderLeftStyle]; })"""
    )
    widths = [width for _, width, _, _ in cells]
    assert len(cells) == 3 and max(widths) - min(widths) < 2, cells  # no empty label column
    assert all(padding >= 12 for _, _, padding, _ in cells)  # a gutter, not 2–3 px
    assert [border for *_, border in cells][1:] == ["solid", "solid"]  # rules between columns
    table = page.evaluate("document.querySelector('table.parallel-texts').offsetWidth")
    assert sum(widths) >= table - 2


def test_parallel_texts_on_a_phone_name_each_language(open_page):
    page = open_page("ru/" + STATEMENT, width=390)
    labels = page.evaluate(
        """() => [...document.querySelectorAll('#passage-summary td')].map(td =>
             getComputedStyle(td, '::before').content)"""
    )
    assert labels == ['"Русский"', '"Английский"', '"Китайский"']


@pytest.mark.parametrize("width", [1280, 390])
def test_no_heading_wraps_its_permalink_onto_a_line_of_its_own(open_page, width):
    """The hidden ¶ took a line of its own when a heading's last line was full (a phantom blank
    line under the heading): on these pages it did, at one width or the other."""
    pages = [
        "ru/stages/limited-contact/",
        "ru/stages/all-round-development/",
        "ru/references/wu-collaborative-optimization/",
        "stages/recovery-and-normalization/",
        "",
    ]
    wrapped = {}
    for path in pages:
        page = open_page(path, width)
        found = page.evaluate(
            """() => [...document.querySelectorAll('article :is(h1,h2,h3,h4)')].filter(h => {
                 const a = h.querySelector('.headerlink'); if (!a || !h.firstChild) return false;
                 const r = document.createRange(); r.setStartBefore(h.firstChild); r.setEndBefore(a);
                 const rects = [...r.getClientRects()].filter(x => x.width > 0);
                 if (!rects.length) return false;
                 const last = Math.max(...rects.map(x => x.bottom));
                 return a.getBoundingClientRect().top >= last - 2 ||
                        a.getBoundingClientRect().right > document.documentElement.clientWidth;
               }).map(h => h.id)"""
        )
        if found:
            wrapped[path] = found
    assert wrapped == {}


def test_russian_is_hyphenated_on_a_phone(open_page):
    page = open_page("ru/stages/limited-contact/", width=390)
    assert page.evaluate("getComputedStyle(document.querySelector('article p')).hyphens") == "auto"


def test_the_trade_chart_reads_at_the_pages_size_on_a_phone(open_page):
    page = open_page("ru/indicators/", width=390)
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.trade-chart-label, .trade-chart-value')]
             .map(e => parseFloat(getComputedStyle(e).fontSize))"""
    )
    assert len(sizes) == 6 and min(sizes) >= 12, sizes
    # The value and its change stay apart and whole: "84,071 млрд долл. США (+20,8 %)".
    figures = page.locator(".trade-chart-figures").first.inner_text()
    assert figures.replace("\u00a0", " ") == "84,071 млрд долл. США (+20,8 %)"


def test_a_wholly_translated_page_says_so_once(open_page):
    page = open_page("ru/")
    assert page.locator(".editorial-mark").count() == 0
    notice = page.locator("p.editorial-note").first.inner_text()
    assert notice.startswith("Описания событий переведены редакцией")


def test_a_note_shows_on_hover_without_leaving_the_passage(open_page):
    page = open_page("ru/exchanges/amur-river-swim/")
    page.hover("a.footnote-ref")
    tip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    tip.wait_for(state="visible", timeout=5_000)
    assert tip.inner_text().startswith("«Начало новой эпохи российско-китайского сотрудничества")
    assert page.evaluate("location.hash") == ""
