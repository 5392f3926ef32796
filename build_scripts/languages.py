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
