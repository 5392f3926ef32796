"""What a reader of one language meets in another language's script on a built page: its
visible text and its title, aria-label, placeholder and alt attributes, outside elements
marked with another language (lang="...") and outside code.

On a Chinese or Russian page a Latin word is a leak unless it is a name the language writes in
Latin (BibTeX, Zotero, CC BY ...); on any page a Cyrillic or Chinese character outside its
language's elements is one."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from build_scripts.core.languages import DEFAULT_LANGUAGE, LANGUAGES, url_prefix

ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
SKIPPED = {"script", "style", "code", "pre", "kbd", "samp", "template"}
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
# Written in Latin letters in Chinese and Russian text too: formats, standards, licences,
# software and the units and abbreviations of the data.
LATIN_NAMES = {
    "BibTeX",
    "RIS",
    "CSL",
    "JSON",
    "CSV",
    "PDF",
    "YAML",
    "URL",
    "DOI",
    "ISBN",
    "ISSN",
    "CC",
    "BY",
    "MIT",
    "Zotero",
    "EndNote",
    "Citavi",
    "Mendeley",
    "GB",
    "T",
    "Creative",
    "Commons",
    "EB",
    "OL",
    "GitHub",
    "Unicode",
    "UTF",
}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
OTHER_SCRIPT = {
    "en": re.compile(r"[\u0400-\u04ff\u3400-\u9fff\u3000-\u303f\uff00-\uffef]"),
    "zh": re.compile(r"[\u0400-\u04ff]"),
    "ru": re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]"),
}


def page_language(site: Path, page: Path) -> str:
    relative = page.relative_to(site).as_posix()
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and relative.startswith(url_prefix(lang)):
            return lang
    return DEFAULT_LANGUAGE


class _Reader(HTMLParser):
    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
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
        if OTHER_SCRIPT[self.lang].search(value):
            self.found.append(f"{where}: {value.strip()[:80]}")
        if self.lang != "en":
            words = [w for w in LATIN_WORD.findall(value) if w not in LATIN_NAMES]
            if words:
                self.found.append(f"{where}: {value.strip()[:80]}")


def leaks(html: str, lang: str) -> list[str]:
    reader = _Reader(lang)
    reader.feed(html)
    return reader.found


def site_leaks(site: Path) -> dict[str, list[str]]:
    found = {}
    for page in sorted(site.rglob("*.html")):
        hits = leaks(page.read_text(encoding="utf-8"), page_language(site, page))
        if hits:
            found[page.relative_to(site).as_posix()] = sorted(set(hits))
    return found
