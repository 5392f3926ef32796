"""The publication's languages: one place that says which they are and in what order."""

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


def script_language(text: str) -> str:
    """The language a text is written in, by its script: Han -> zh, Cyrillic -> ru, else en.
    For quotes and bibliographic entries, whose language the data does not record."""
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in text)
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    best = max((han, "zh"), (cyrillic, "ru"), (latin, "en"))
    return best[1] if best[0] else DEFAULT_LANGUAGE
