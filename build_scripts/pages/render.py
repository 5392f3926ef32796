"""The Jinja2 environment: one template per page type, rendered once per language.

Every value a template prints is escaped for Markdown and HTML on the way out (see
`_markdown_safe`), so text from the data is always shown as text: `<script>` in a title
appears literally and never runs, and `*` or `_` never turn into emphasis.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..core import paths
from ..core.languages import HTML_LANG, language, script_language

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}|~])")
_LIST_START = re.compile(r"^(\s*)(\d+)([.)])", re.MULTILINE)
_BLOCK_START = re.compile(r"^(\s*)([#>+\-=])", re.MULTILINE)


@lru_cache(maxsize=1 << 16)  # the same titles and labels recur on many pages
def escape_markdown(value: str) -> str:
    text = html.escape(value, quote=True)
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    text = _LIST_START.sub(r"\1\2\\\3", text)
    return _BLOCK_START.sub(r"\1\\\2", text)


class _InlineHtml(HTMLParser):
    """Rebuilds trusted inline HTML (a CSL processor's output) with its text escaped for
    Markdown, so that it can stand inside a Markdown paragraph: <i> stays italics, while a `*`
    or `_` in a title stays a character."""

    def __init__(self, lang: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.lang = lang

    def handle_starttag(self, tag, attrs):
        rendered = "".join(f' {k}="{html.escape(v or "", quote=True)}"' for k, v in attrs)
        self.out.append(f"<{tag}{rendered}>")

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        text = escape_markdown(data)
        written = script_language(data) if self.lang else None
        if written and written != self.lang:
            # A journal title in Cyrillic inside an English reference, say.
            text = f'<span lang="{HTML_LANG[written]}">{text}</span>'
        elif written:
            text = in_scripts(data, self.lang)  # a name in Cyrillic in an English entry
        self.out.append(text)


_MARKUP = (
    (re.compile(r"\[\^[^\]]*\]"), ""),  # footnote markers
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: their text
    (re.compile(r"<[^>]+>"), ""),  # inline HTML
    (re.compile(r"[*_`]+"), ""),  # emphasis, code
    (re.compile(r"[ \t\r\n]+"), " "),  # no-break spaces stay
)
DESCRIPTION_LENGTH = 200


def description(markdown: str | None, limit: int = DESCRIPTION_LENGTH) -> str | None:
    """A page's summary as the plain text of its <meta name="description"> (what a search
    engine shows under the title): markup removed, cut at a word before `limit` characters."""
    if not markdown:
        return None
    plain = markdown
    for pattern, replacement in _MARKUP:
        plain = pattern.sub(replacement, plain)
    plain = plain.strip()
    if len(plain) <= limit:
        return plain
    cut = plain[: limit - 1]
    space = max(cut.rfind(" "), cut.rfind("\u00a0"))
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:—–") + "…"


def markdown_inline(fragment: str, lang: str | None = None) -> Markup:
    """`lang`: the language the fragment stands in; its text in another script gets its own
    lang attribute."""
    parser = _InlineHtml(lang)
    parser.feed(fragment)
    parser.close()
    return Markup("".join(parser.out))


# Runs of one script inside a text of another: Han with its full-width punctuation; Cyrillic
# words with what joins them, and the «» around them.
_RUNS = {
    "zh": re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]+"),
    "ru": re.compile(r"«?[\u0400-\u04ff]+(?:[\s\u00a0.,’'„“-]*[\u0400-\u04ff]+)*\.?»?"),
}


def in_scripts(value: str, lang: str, escape=None) -> Markup:
    """A text of the page's language, escaped for Markdown, with each run in another script
    (a Chinese term in a Russian note, a Russian act number on a Chinese page) marked with its
    language: fonts, hyphenation and screen readers switch to it."""
    escape = escape or escape_markdown
    text = str(value)
    spans = sorted(
        (match.start(), match.end(), code)
        for code, pattern in _RUNS.items()
        if code != lang
        for match in pattern.finditer(text)
    )
    out, at = [], 0
    for start, end, code in spans:
        if start < at:
            continue
        out.append(escape(text[at:start]))
        out.append(f'<span lang="{HTML_LANG[code]}">{escape(text[start:end])}</span>')
        at = end
    out.append(escape(text[at:]))
    return Markup("".join(out))


def _markdown_safe(value):
    if isinstance(value, Markup) or value is None:
        return "" if value is None else value
    return Markup(escape_markdown(str(value)))


def bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    """Compiled templates kept in `folder` (keyed by name and source; None: none kept)."""
    if folder is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


# What every template environment shares (the pages' and the print edition's).
TEMPLATE_OPTIONS = {
    # Autoescape makes macros return Markup, which `finalize` passes through unescaped;
    # every other printed value is escaped by `finalize`.
    "autoescape": True,
    # Markdown uses {#id} for heading anchors: keep Jinja comments out of its way.
    "comment_start_string": "{##",
    "comment_end_string": "##}",
    "undefined": jinja2.StrictUndefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


@lru_cache(maxsize=4)
def environment(compiled: Path | None = None) -> jinja2.Environment:
    """The templates; `compiled`: the folder that keeps them compiled between runs
    (<cache>/jinja, keyed by each template's name and source), so that a run that renders a
    few pages does not compile every template again. None: compiled in memory only."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths.TEMPLATES),
        bytecode_cache=bytecode_cache(compiled),
        finalize=_markdown_safe,
        **TEMPLATE_OPTIONS,
    )
    env.filters["plain_description"] = description
    env.filters["in_scripts"] = in_scripts
    # The same inside raw HTML, where Markdown's escapes would show.
    env.filters["in_scripts_html"] = lambda value, lang: in_scripts(
        value, lang, lambda part: html.escape(part, quote=True)
    )
    env.filters["html_lang"] = lambda lang: HTML_LANG[lang]
    # A date that opens a list item or a sentence: «май 2019 г.» -> «Май 2019 г.».
    env.filters["sentence_start"] = lambda value: value[:1].upper() + value[1:] if value else value
    # Inside a raw HTML block Markdown does not run, so its escapes would show: escape for
    # HTML only.
    env.filters["html_only"] = lambda value: Markup(html.escape(str(value), quote=True))
    return env


def render(env: jinja2.Environment, template: str, **context) -> str:
    """A template with its context; `punct`, the page language's punctuation (core/languages),
    comes with `lang`: templates never print a colon or a bracket of their own."""
    if "lang" in context:
        context.setdefault("punct", language(context["lang"]))
    return env.get_template(template).render(**context)
