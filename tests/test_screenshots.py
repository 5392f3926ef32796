"""How the pages look to a reader: the home page, stages, a statement, the timeline, a record,
the bibliography, the indicators and the 404 page in each language, on a desktop and on a phone, saved under test-artifacts/screenshots/ (CI keeps them)
after checking that each shows its own title in its own language."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from .conftest import ROOT

OUT = ROOT / "test-artifacts" / "screenshots"


def png_size(path) -> tuple[int, int]:
    """Width and height from a PNG's header (IHDR)."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


PAGES = {
    "home": "",
    "stage": "stages/all-round-development/",
    "statement": "statements/joint-statement-2019-06-05/",
    "timeline": "timeline/",
    "record": "exchanges/amur-river-swim/",
    "stage-page": "stages/learning-and-deterioration/",
    "bibliography": "references/",
    "indicators": "indicators/",
    "404": "stages/no-such-stage/",
}
TITLES = {  # a word of each page's title, per language
    "en": {
        "home": "Sino-Russian",
        "stage": "All-round",
        "statement": "Joint Statement",
        "timeline": "Timeline",
        "record": "Amur",
        "stage-page": "Soviet Union",
        "bibliography": "References",
        "indicators": "Indicators",
        "404": "Page not found",
    },
    "zh": {
        "home": "中俄",
        "stage": "全面发展",
        "statement": "联合声明",
        "timeline": "时间线",
        "record": "黑龙江",
        "stage-page": "苏联",
        "bibliography": "参考文献",
        "indicators": "数据指标",
        "404": "未找到页面",
    },
    "ru": {
        "home": "Российско",
        "stage": "Всестороннее",
        "statement": "Совместное заявление",
        "timeline": "Хронология",
        "record": "Амур",
        "stage-page": "Советского Союза",
        "bibliography": "Библиография",
        "indicators": "Показатели",
        "404": "Страница не найдена",
    },
}


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
@pytest.mark.parametrize("device, viewport", [("desktop", (1280, 900)), ("phone", (390, 844))])
def test_screenshots_of_each_page_type(chromium, site_url, lang, device, viewport):
    OUT.mkdir(parents=True, exist_ok=True)
    page = chromium.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    prefix = "" if lang == "en" else f"{lang}/"
    for name, path in PAGES.items():
        page.goto(urljoin(site_url, prefix + path))
        assert page.evaluate("document.documentElement.lang").startswith(lang)
        heading = page.locator("h1").first.inner_text() if name != "home" else page.title()
        assert TITLES[lang][name] in heading, (name, heading)
        # Nothing overflows the screen sideways, on a phone either.
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0] + 1, name
        target = OUT / f"{lang}-{name}-{device}.png"
        page.screenshot(path=str(target), full_page=name != "home")
        # The picture is of this page at this size, with its heading drawn inside it.
        width, height = png_size(target)
        assert width == viewport[0] and height >= viewport[1], (name, width, height)
        box = page.locator("h1").first.bounding_box() if name != "home" else None
        assert box is None or (
            box["width"] > 50
            and box["height"] > 10
            and 0 <= box["x"]
            and box["x"] + box["width"] <= width
        ), (name, box)
    page.close()


def test_print_hides_the_site_around_the_content(chromium, site_url, tmp_path):
    page = chromium.new_page()
    page.goto(urljoin(site_url, "stages/all-round-development/"))
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("h1").first.is_visible()
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000
    page.close()
