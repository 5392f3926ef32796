"""`make lint-text`: the terminology base and each language's typography, checked on every text.

Each rule is a small function of a text that yields (offset, rule, message); `lint` applies the
rules of a text's language (and the avoided variants of data/terms.yml) and reports each
finding as `file:line:column: field: rule: message`, the way validation reports a problem.
The texts come from `texts_of_catalog` (every text of every record, data/ui.yml) and
`texts_of_page` (a hand-written or generated Markdown page, line by line).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core.languages import LANGUAGES, language, script_language
from ..data.catalog import Catalog
from ..data.models import Term
from ..data.translations import localized_in

HAN = "\u4e00-\u9fff"
Finding = tuple[int, str, str]  # offset in the text, rule, message


@dataclass(frozen=True)
class Text:
    """A text to check: where it is, its language and its words."""

    path: str
    line: int
    column: int
    field: str
    lang: str
    text: str
    markup: bool = False  # a line of a Markdown page: its syntax is not prose
    verbatim: bool = False  # a source's own words (an English quotation): only terms checked

    def place(self, offset: int) -> tuple[int, int]:
        """Line and column of an offset (exact on a value written on its own line)."""
        before = self.text[:offset]
        lines = before.count("\n")
        if lines:
            return self.line + lines, len(before) - before.rfind("\n")
        return self.line, self.column + offset


# --- Chinese ------------------------------------------------------------------------------

_ZH_ASCII = re.compile(rf"(?<=[{HAN}])[,:;()!?]|[,:;(!?](?=[{HAN}])")
_ZH_SPACE = re.compile(rf"(?<=[{HAN}]) +(?=[{HAN}])")
_ZH_AFTER_FULL = re.compile(r"(?<=[，。：；！？、]) +")
_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}


def zh_ascii_punctuation(text: str) -> Iterator[Finding]:
    for match in _ZH_ASCII.finditer(text):
        mark = match.group(0)
        yield match.start(), "punctuation", f"use the full-width {_FULL_WIDTH[mark]} beside Chinese"


def _each(pattern: re.Pattern, rule: str, message: str) -> Callable[[str], Iterator[Finding]]:
    """A rule that reports every match of `pattern`."""

    def check(text: str) -> Iterator[Finding]:
        for match in pattern.finditer(text):
            yield match.start(), rule, message

    return check


zh_space_between_characters = _each(_ZH_SPACE, "spacing", "no space between Chinese characters")
zh_space_after_full_width = _each(
    _ZH_AFTER_FULL, "spacing", "no space after full-width punctuation"
)


# --- Russian ------------------------------------------------------------------------------

_RU_YEAR_SPACE = re.compile(r"(?<=\d) (?=гг?\.)")
_RU_PERCENT_SPACE = re.compile(r"(?<=\d) (?=%)")
_RU_RANGE = re.compile(r"\d{4}[\s\u00a0]*г\.[\s\u00a0]*[–—-][\s\u00a0]*\d{4}[\s\u00a0]*г\.")
_RU_INITIAL = re.compile(r"(?<![А-ЯЁа-яё])[А-ЯЁ]\. (?=[А-ЯЁ][а-яё])")
_RU_STRAIGHT_QUOTES = re.compile(r'"[^"]*[А-Яа-яЁё][^"]*"')
# Where е for ё changes the meaning of what a reader sees.
_RU_YO = {"Все издание": "Всё издание", "все издание": "всё издание"}


def ru_no_break_spaces(text: str) -> Iterator[Finding]:
    for pattern, before in ((_RU_YEAR_SPACE, "«г.»"), (_RU_PERCENT_SPACE, "«%»")):
        for match in pattern.finditer(text):
            yield match.start(), "no-break space", f"a no-break space before {before}"
    for match in _RU_INITIAL.finditer(text):
        yield match.end() - 1, "no-break space", "a no-break space after an initial"


ru_year_range = _each(_RU_RANGE, "year range", "write a span of years as «1917–1949 гг.»")
ru_quotation_marks = _each(_RU_STRAIGHT_QUOTES, "quotation marks", "use «» (and „“ inside them)")


def ru_yo(text: str) -> Iterator[Finding]:
    for wrong, right in _RU_YO.items():
        for match in re.finditer(re.escape(wrong), text):
            yield match.start(), "ё", f"write «{right}»"


# --- English ------------------------------------------------------------------------------

_EN_STRAIGHT_QUOTES = re.compile(r'"')


en_quotation_marks = _each(
    _EN_STRAIGHT_QUOTES, "quotation marks", "use curly quotation marks “…” (and ‘…’ inside)"
)


# --- the rules of each language -----------------------------------------------------------

Rule = Callable[[str], Iterable[Finding]]
RULES: dict[str, tuple[Rule, ...]] = {
    "zh": (zh_ascii_punctuation, zh_space_between_characters, zh_space_after_full_width),
    "ru": (ru_no_break_spaces, ru_year_range, ru_quotation_marks, ru_yo),
    "en": (en_quotation_marks,),
}
# On Markdown lines the syntax (links, footnotes, attribute lists, HTML) is not prose.
MARKUP_SAFE = {ru_quotation_marks, en_quotation_marks}
_MARKUP = re.compile(r"\]\([^)]*\)|\{[^}]*\}|<[^>]+>|\[\^[^\]]+\]|`[^`]*`|^\s*[-*>|:#]+ ?")


def _prose(text: str) -> tuple[str, list[int]]:
    """The text as a reader sees it, its Markdown and HTML syntax taken out (a link's words
    stay), and for each of its characters the offset it had in `text`."""
    kept, where, last = [], [], 0
    for match in [*_MARKUP.finditer(text), None]:
        end = match.start() if match else len(text)
        kept.append(text[last:end])
        where += range(last, end)
        last = match.end() if match else end
    return "".join(kept), [*where, len(text)]


def term_variants(terms: list[Term], text: str, lang: str) -> Iterator[Finding]:
    folded = text.casefold()
    for term in terms:
        for variant in term.avoid.get(lang, []):
            start = folded.find(variant.casefold())
            if start >= 0:
                yield start, f"term {term.id}", f"use «{term.form(lang)}», not «{variant}»"


def titles_in_marks(
    titles: dict[str, list[tuple[str, bool]]], text: str, lang: str
) -> Iterator[Finding]:
    """A title of a work or document the data knows, quoted in running text without the
    language's title marks (《…》, «…»; none for a Russian official document's name)."""
    written = language(lang)
    for title, document in titles.get(lang, []):
        marks = written.document_title_marks if document else written.title_marks
        if not marks:
            continue
        for match in re.finditer(re.escape(title), text):
            before = text[: match.start()].rstrip("\0").removesuffix("[")  # a link's words
            # A title that opens a line is a heading or stands alone: not quoted in a sentence.
            if before.strip() and not before.endswith((marks[0], marks[2])):
                yield match.start(), "title", f"put the title in {marks[0]}{marks[1]}"


def work_titles(catalog: Catalog) -> dict[str, list[tuple[str, bool]]]:
    """Per language, the titles of the references (works) and statements (documents), long
    enough to be told apart, as running text would quote them."""
    found: dict[str, set[tuple[str, bool]]] = {lang: set() for lang in LANGUAGES}
    for dataset, document in (("references", False), ("statements", True)):
        for entry in catalog.entries(dataset):
            for lang in LANGUAGES:
                title = entry.record.title_in(lang)
                if len(title) >= MIN_TITLE and script_language(title) == lang:
                    found[lang].add((title, document))
    # A document that is also a reference (the statement and the page that publishes it) is
    # quoted as a document.
    return {
        lang: sorted(
            {(t, d) for t, d in titles if d or (t, True) not in titles},
            key=lambda item: len(item[0]),
            reverse=True,
        )
        for lang, titles in found.items()
    }


MIN_TITLE = 8


def lint(
    texts: Iterable[Text],
    terms: list[Term],
    titles: dict[str, list[tuple[str, bool]]] | None = None,
) -> list[str]:
    found = []
    for item in texts:
        text, where = _prose(item.text) if item.markup else (item.text, None)
        findings = [*term_variants(terms, text, item.lang)]
        # Not in a title itself, nor in the parallel table, where a title stands as one.
        quoting = not item.field.endswith(("title.en", "title.zh", "title.ru"))
        if titles and quoting and not item.text.lstrip().startswith("<tr"):
            findings += titles_in_marks(titles, text, item.lang)
        for rule in () if item.verbatim else RULES[item.lang]:
            if not (item.markup and rule in MARKUP_SAFE):
                findings += rule(text)
        for offset, rule_name, message in sorted(set(findings)):
            line, column = item.place(where[offset] if where else offset)
            place = f"{item.path}:{line}:{column}"
            found.append(
                f"{place}: {item.field}: {rule_name}: {message}"
                if item.field
                else f"{place}: {rule_name}: {message}"
            )
    return found


def texts_of_catalog(catalog: Catalog) -> Iterator[Text]:
    """Every text of every record in each of its languages, and the interface strings."""
    for entries in catalog.records.values():
        for entry in entries.values():
            for loc, value in localized_in(entry.record):
                for lang in LANGUAGES:
                    if value.has(lang):
                        line, column = entry.file.position(loc + (lang,))
                        field = ".".join(map(str, loc + (lang,)))
                        # A quotation in its original language is the source's words.
                        verbatim = "quotes" in loc and lang == value.original
                        yield Text(
                            entry.file.shown_path,
                            line,
                            column,
                            field,
                            lang,
                            value.get(lang),
                            verbatim=verbatim,
                        )


def texts_of_ui(path: str, ui: dict[str, dict[str, str]], positions: dict) -> Iterator[Text]:
    for key, values in ui.items():
        for lang in LANGUAGES:
            line, column = positions.get((key, lang), (1, 1))
            yield Text(path, line, column, f"{key}.{lang}", lang, values[lang])


# A citation or bibliography entry as the citation style prints it: GB/T 7714 punctuates a
# Chinese reference with ". , :" by its own rules, so the style's output is not checked.
_STYLE_OUTPUT = re.compile(r'class="citation"|^\{: (?:#\S+ )?\.(?:bib-entry|citation)\b')
# A record's other spellings (`aliases`) are the variants a reader may type, not ours.
_ALIASES = re.compile(r'<span class="aliases">')


def texts_of_page(shown: str, lang: str, markdown: str) -> Iterator[Text]:
    """A Markdown page line by line, outside its front matter, code blocks and citations."""
    fenced = front = False
    lines = markdown.splitlines()
    for number, line in enumerate(lines, start=1):
        following = lines[number] if number < len(lines) else ""
        if _STYLE_OUTPUT.search(line) or _STYLE_OUTPUT.search(following) or _ALIASES.search(line):
            continue
        if number == 1 and line == "---":
            front = True
            continue
        if front:
            front = line != "---"
            continue
        if line.startswith("```"):
            fenced = not fenced
            continue
        # A block quote is a source's words, verbatim: not ours to punctuate.
        if not fenced and line.strip() and not line.lstrip().startswith(("<!--", ">")):
            yield Text(shown, number, 1, "", lang, line, markup=True)


def page_language(path: Path) -> str:
    """A page file's language by its suffix (about.zh.md -> zh)."""
    parts = path.name.split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in LANGUAGES else LANGUAGES[0]
