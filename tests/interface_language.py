"""What a reader of one language meets in another language's script on a built page: its
visible text and its title, aria-label, placeholder and alt attributes, outside elements
marked with another language (lang="...") and outside code.

A leak is a Cyrillic or Chinese character outside its language's elements, or, on a Chinese or
Russian page, an English interface string (data/ui.yml's, Material's own, or what Markdown's
extensions write in English whatever the page)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import material

from build_scripts.core.languages import DEFAULT_LANGUAGE, LANGUAGES, url_prefix

ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
SKIPPED = {"script", "style", "code", "pre", "kbd", "samp", "template"}
# HTML's void elements: no end tag follows them.
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
OTHER_SCRIPT = {
    "en": re.compile(r"[\u0400-\u04ff\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]"),
    "zh": re.compile(r"[\u0400-\u04ff]"),
    "ru": re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]"),
}
ADDRESS = re.compile(r"https?://\S+")
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
# What Markdown's extensions and the theme write in English whatever the page.
ENGLISH_DEFAULTS = ("Permanent link", "Made with", "Not found", "Table of contents")


def interface_strings(ui: dict[str, dict[str, str]]) -> dict[str, set[str]]:
    """Each language's interface strings that a page in another language must not show:
    data/ui.yml's and Material's own (its translation of "Previous", "Search", ...), of at
    least two words, and not written the same in the reader's language."""
    strings: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for lang in LANGUAGES:
        theme = (MATERIAL_LANGUAGES / f"{lang}.html").read_text(encoding="utf-8")
        strings[lang] |= set(re.findall(r'^\s*"[a-z.]+": "([^"{}]+)",?$', theme, re.M))
        strings[lang] |= {texts[lang] for texts in ui.values() if lang in texts}
    strings["en"] |= set(ENGLISH_DEFAULTS)
    for lang in LANGUAGES:
        strings[lang] = {s for s in strings[lang] if " " in s.strip() and "{" not in s}
    return strings


def page_language(site: Path, page: Path) -> str:
    relative = page.relative_to(site).as_posix()
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and relative.startswith(url_prefix(lang)):
            return lang
    return DEFAULT_LANGUAGE


class _Reader(HTMLParser):
    def __init__(self, lang: str, foreign: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.foreign = foreign
        self.stack: list[tuple[str, bool]] = []  # (tag, outside the page's language or skipped)
        self.found: list[str] = []

    def _outside(self) -> bool:
        return any(outside for _, outside in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        marked = attributes.get("lang")
        other = marked is not None and not marked.lower().startswith(self.lang)
        if not self._outside() and not other:
            for name in ATTRIBUTES:
                if attributes.get(name):
                    self._check(f"@{name}", attributes[name])
        if tag not in VOID:
            self.stack.append((tag, other or tag in SKIPPED))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        for at in range(len(self.stack) - 1, -1, -1):
            if self.stack[at][0] == tag:
                del self.stack[at:]
                break

    def handle_data(self, data):
        if data.strip() and not self._outside():
            self._check("text", data)

    def _check(self, where: str, value: str) -> None:
        value = ADDRESS.sub("", value)
        if OTHER_SCRIPT[self.lang].search(value):
            self.found.append(f"{where}: {value.strip()[:80]}")
        elif self.lang != "en" and any(s in value for s in self.foreign):
            hit = next(s for s in self.foreign if s in value)
            self.found.append(f"{where}: {hit!r} in {value.strip()[:60]}")


def leaks(html: str, lang: str, foreign: set[str]) -> list[str]:
    reader = _Reader(lang, foreign)
    reader.feed(html)
    return reader.found


def site_leaks(site: Path, ui: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    strings = interface_strings(ui)
    foreign = {
        lang: set().union(*(strings[o] for o in LANGUAGES if o != lang)) - strings[lang]
        for lang in LANGUAGES
    }
    found = {}
    for page in sorted(site.rglob("*.html")):
        lang = page_language(site, page)
        hits = leaks(page.read_text(encoding="utf-8"), lang, foreign[lang])
        if hits:
            found[page.relative_to(site).as_posix()] = sorted(set(hits))
    return found
