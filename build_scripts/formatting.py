"""Numbers, money and names in each language's own conventions.

    US$84.071 billion · 840.71亿美元 · 84,071 млрд долл. США
    20.8% · 20.8% · 20,8 %
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal, format_percent

from .languages import BABEL_LOCALES
from .models import Person

# (divisor, template) for an amount of US dollars in each language.
_USD_SCALE = {
    "en": (Decimal(10) ** 9, "US${amount} billion"),
    "zh": (Decimal(10) ** 8, "{amount}亿美元"),
    "ru": (Decimal(10) ** 9, "{amount} млрд долл. США"),
}


def _shortest(value: Decimal) -> str:
    """The decimal pattern that shows every significant digit and no trailing zeros."""
    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return "#,##0" + ("." + "0" * places if places else "")


def money(value: float, unit: str, lang: str) -> str:
    if unit != "USD":
        raise ValueError(f"no format for unit {unit}")
    divisor, template = _USD_SCALE[lang]
    amount = Decimal(str(value)) / divisor
    text = format_decimal(amount, format=_shortest(amount), locale=BABEL_LOCALES[lang])
    return template.format(amount=text)


def percent(value: float, lang: str, signed: bool = False) -> str:
    fraction = Decimal(str(value)) / 100
    digits = _shortest(Decimal(str(value))).split(".")
    pattern = "#,##0" + ("." + digits[1] if len(digits) > 1 else "") + "%"
    text = format_percent(fraction, format=pattern, locale=BABEL_LOCALES[lang])
    if lang == "ru":
        text = text.replace("%", "\u00a0%") if "\u00a0%" not in text else text
    if signed and value > 0:
        text = "+" + text
    return text


def person_name(person: Person, lang: str) -> str:
    """A person's full name as written in `lang` (Xi Jinping, 习近平, Си Цзиньпин; Vladimir
    Putin, 弗拉基米尔·普京, Владимир Путин)."""
    name = person.name[lang]
    if not name.given:
        return name.family
    if person.family_name_first:
        return f"{name.family}{'' if lang == 'zh' else ' '}{name.given}"
    return f"{name.given}{'·' if lang == 'zh' else ' '}{name.family}"
