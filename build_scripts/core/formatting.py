"""Numbers, money and names in each language's own conventions.

US$84.071 billion · 840.71亿美元 · 84,071 млрд долл. США
20.8% · 20.8% · 20,8 %
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal, format_percent

from .languages import language


def _shortest(value: Decimal) -> str:
    """The decimal pattern that shows every significant digit and no trailing zeros."""
    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return "#,##0" + ("." + "0" * places if places else "")


def money(value: float, unit: str, lang: str) -> str:
    if unit != "USD":
        raise ValueError(f"no format for unit {unit}")
    written = language(lang)
    amount = Decimal(str(value)) / Decimal(10) ** written.usd_exponent
    text = format_decimal(amount, format=_shortest(amount), locale=written.babel_locale)
    return written.usd_format.format(amount=text)


def percent(value: float, lang: str, signed: bool = False) -> str:
    """Every significant digit, in the locale's own pattern (Russian puts a no-break space
    before the sign)."""
    text = format_percent(
        Decimal(str(value)) / 100, locale=language(lang).babel_locale, decimal_quantization=False
    )
    return f"+{text}" if signed and value > 0 else text


def full_name(family: str, given: str | None, family_name_first: bool, lang: str) -> str:
    """A full name as written in `lang` (Xi Jinping, 习近平, Си Цзиньпин; Vladimir Putin,
    弗拉基米尔·普京, Владимир Путин)."""
    if not given:
        return family
    written = language(lang)
    if family_name_first:
        return f"{family}{written.family_given_separator}{given}"
    return f"{given}{written.given_family_separator}{family}"


def work_title(title: str, lang: str, document: bool = False) -> str:
    """A work's title as running text quotes it (《…》 in Chinese, «…» in Russian), or an
    official document's (`document`: 《…》 in Chinese, none in Russian), the marks already
    inside it turned into the inner ones (〈〉, „“)."""
    written = language(lang)
    marks = written.document_title_marks if document else written.title_marks
    if not marks or title.startswith(marks[0]):
        return title
    inner = title.replace(marks[0], marks[2]).replace(marks[1], marks[3])
    return f"{marks[0]}{inner}{marks[1]}"
