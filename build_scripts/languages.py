"""The publication's languages: one place that says which they are and in what order."""

import re
from functools import lru_cache

LANGUAGES = ("en", "zh", "ru")
DEFAULT_LANGUAGE = "en"

# Babel locale used for dates and numbers in each language.
BABEL_LOCALES = {"en": "en_GB", "zh": "zh_Hans_CN", "ru": "ru_RU"}

# BCP 47 tags for the HTML lang attribute.
HTML_LANG = {"en": "en", "zh": "zh-Hans", "ru": "ru"}


def page_suffix(lang: str) -> str:
    """The mkdocs-static-i18n suffix of a page file in this language ('' for the default)."""
    return "" if lang == DEFAULT_LANGUAGE else f".{lang}"


def url_prefix(lang: str) -> str:
    """The site path under which this language's pages live ('' for the default)."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


_HAN = re.compile("[\u4e00-\u9fff]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")


@lru_cache(maxsize=1 << 14)
def script_language(text: str) -> str:
    """The language a text is written in, by its script: Han -> zh, Cyrillic -> ru, else en.
    For quotes and bibliographic entries, whose language the data does not record."""
    han = len(_HAN.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    best = max((han, "zh"), (cyrillic, "ru"), (latin, "en"))
    return best[1] if best[0] else DEFAULT_LANGUAGE
