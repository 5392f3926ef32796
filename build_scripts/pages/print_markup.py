"""Text for Typst's markup: every character Typst would read as syntax is escaped, and the
little Markdown a data text may hold (emphasis, strong emphasis, links) becomes Typst's own.

A backslash before any character makes Typst print it as it is, so a `#`, `*`, `_`, `$`, `@`,
`<`, `//` or a `-` opening a line in the data is shown as written and never runs."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser

from markupsafe import Markup

_SPECIALS = re.compile(r"([\\#$*_`<>@\[\]()~=\-+/'\".:;])")
# Line breaks and runs of spaces, but not the no-break spaces of the typography.
_SPACES = re.compile(r"[ \t\r\n]+")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")
_LINK = re.compile(r"\[([^\]^][^\]]*)\]\(([^)\s]+)\)")
_FOOTNOTE_MARKER = re.compile(r"\[\^[^\]]+\]")


@lru_cache(maxsize=1 << 16)
def escape_typst(value: str) -> str:
    """Plain text as Typst markup that prints it literally (line breaks become spaces)."""
    return _SPECIALS.sub(r"\\\1", _SPACES.sub(" ", value))


def typst_string(value: str) -> str:
    """A Typst string literal."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _substitute(pattern: re.Pattern, text: str, plain, found) -> str:
    """`text` with each match of `pattern` made by `found` and the rest between by `plain`."""
    out, last = [], 0
    for match in pattern.finditer(text):
        out += [plain(text[last : match.start()]), found(match)]
        last = match.end()
    return "".join([*out, plain(text[last:])])


def _emphasis(text: str) -> str:
    return _substitute(_EMPHASIS, text, escape_typst, lambda m: f"#emph[{escape_typst(m[1])}]")


def _strong(text: str) -> str:
    return _substitute(_STRONG, text, _emphasis, lambda m: f"#strong[{_emphasis(m[1])}]")


def _inline(text: str) -> str:
    return _substitute(
        _LINK, text, _strong, lambda m: f"#link({typst_string(m[2])})[{_strong(m[1])}]"
    )


def markdown_to_typst(value: str) -> Markup:
    """A data text with a little Markdown, as Typst markup; footnote markers are left out
    (the record's sources are its footnotes), paragraphs stay paragraphs."""
    text = _FOOTNOTE_MARKER.sub("", value)
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Markup("\n\n".join(_inline(p) for p in paragraphs))


class _Html(HTMLParser):
    """A CSL processor's inline HTML as Typst markup: <i> as emphasis, <b> as strong."""

    WRAP = {"i": "emph", "em": "emph", "b": "strong", "strong": "strong"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.WRAP:
            self.out.append(f"#{self.WRAP[tag]}[")

    def handle_endtag(self, tag):
        if tag in self.WRAP:
            self.out.append("]")

    def handle_data(self, data):
        self.out.append(escape_typst(html.unescape(data)) if data.strip() else " ")


def html_to_typst(fragment: str) -> Markup:
    parser = _Html()
    parser.feed(fragment)
    parser.close()
    return Markup("".join(parser.out))
