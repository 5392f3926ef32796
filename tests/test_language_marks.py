"""Text in another language inside a page carries its lang attribute (a Russian title on an
English page, a Chinese name on a Russian one), so screen readers and fonts switch to it.
Checked on every page's content, for the scripts that tell the languages apart: Cyrillic and
Chinese characters."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from build_scripts.core.languages import HTML_LANG, script_language, url_prefix

from .interface_language import VOID

SCRIPTS = {"ru": re.compile(r"[\u0400-\u04ff]{2,}"), "zh-Hans": re.compile(r"[\u4e00-\u9fff]")}


class _Unmarked(HTMLParser):
    """Collects text of the article that is written in a script other than its language."""

    def __init__(self, page_lang: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = [("html", page_lang, False)]
        self.unmarked: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        inside = self.stack[-1][2] or "md-content__inner" in (attrs.get("class") or "")
        if tag not in VOID:
            self.stack.append((tag, attrs.get("lang") or self.stack[-1][1], inside))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        tag, lang, inside = self.stack[-1]
        if not inside or tag in ("script", "style", "code"):
            return
        written = script_language(data)
        code = HTML_LANG[written]
        # Text mostly in another script than its language's; mixed text (a citation of an
        # English work with a Russian co-author) is the style's and stays as it is.
        if (
            code in SCRIPTS
            and SCRIPTS[code].search(data)
            and not (lang or "").startswith(code.split("-")[0])
        ):
            self.unmarked.append(f"{lang}: {data.strip()[:80]}")


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_foreign_script_in_content_carries_its_language(built_site, lang):
    root = built_site / url_prefix(lang)
    pages = [
        p
        for p in root.rglob("index.html")
        if lang != "en" or p.relative_to(root).parts[0] not in ("zh", "ru")
    ]
    problems = {}
    for page in pages:
        parser = _Unmarked(lang)
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.unmarked:
            problems[str(page.relative_to(built_site))] = parser.unmarked[:3]
    assert len(pages) > 60
    assert problems == {}
