"""Dates with their precision, as historians write them.

Editors write one string; it keeps the precision the source gives:

    2019-06-05      a day
    2019-06         a month
    2019            a year
    1980s           a decade
    mid-1980s       part of a decade (also early-, late-)
    17th century    a century

Each parses to a :class:`PartialDate`, which knows the earliest and latest year it can mean
(for ordering and range checks) and renders itself in each language's convention.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from babel.dates import format_date, format_skeleton

from .languages import language

FORMAT_HINT = "2019-06-05, 2019-06, 2019, 1980s, mid-1980s or 17th century"

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(?:(early|mid|late)-)?(\d{3}0)s$")
_CENTURY = re.compile(r"^(\d{1,2})(st|nd|rd|th) century$")

_DECADE_PART_RANGE = {None: (0, 9), "early": (0, 3), "mid": (3, 6), "late": (6, 9)}
_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(number: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while number >= value:
            out += numeral
            number -= value
    return out


@dataclass(frozen=True)
class PartialDate:
    text: str
    precision: str  # day | month | year | decade | century
    year: int
    month: int | None = None
    day: int | None = None
    decade_part: str | None = None

    @property
    def earliest_year(self) -> int:
        if self.precision == "decade":
            return self.year + _DECADE_PART_RANGE[self.decade_part][0]
        if self.precision == "century":
            return (self.year - 1) * 100 + 1
        return self.year

    @property
    def latest_year(self) -> int:
        if self.precision == "decade":
            return self.year + _DECADE_PART_RANGE[self.decade_part][1]
        if self.precision == "century":
            return self.year * 100
        return self.year

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.earliest_year, self.month or 0, self.day or 0)

    def format(self, lang: str) -> str:
        written = language(lang)
        locale = written.babel_locale
        # CLDR puts a narrow no-break space (U+202F) before «г.»; the publication writes the
        # ordinary no-break space everywhere, which every font has.
        if self.precision == "day":
            day = _dt.date(self.year, self.month, self.day)
            return format_date(day, "long", locale=locale).replace("\u202f", "\u00a0")
        if self.precision == "month":
            month = _dt.date(self.year, self.month, 1)
            return format_skeleton("yMMMM", month, locale=locale).replace("\u202f", "\u00a0")
        if self.precision == "year":
            return written.year_format.format(year=self.year)
        if self.precision == "decade":
            template = written.decade_part_format if self.decade_part else written.decade_format
            return template.format(
                year=self.year,
                decade=self.year % 100,
                century=self.year // 100 + 1,
                part=written.decade_parts.get(self.decade_part, ""),
            )
        return written.century_format.format(
            text=self.text, number=self.year, roman=_roman(self.year)
        )


def parse_date(text: str) -> PartialDate:
    """Parse an editor's date string; raise ValueError with a plain-words hint."""
    if not isinstance(text, str):
        raise ValueError(f"must be a date written as text like {FORMAT_HINT}; got {text!r}")
    text = text.strip()
    if m := _DAY.match(text):
        year, month, day = map(int, m.groups())
        try:
            _dt.date(year, month, day)
        except ValueError:
            raise ValueError(f"{text!r} is not a real calendar day") from None
        return PartialDate(text, "day", year, month, day)
    if m := _MONTH.match(text):
        year, month = map(int, m.groups())
        if not 1 <= month <= 12:
            raise ValueError(f"{text!r} has no month {month}")
        return PartialDate(text, "month", year, month)
    if m := _YEAR.match(text):
        return PartialDate(text, "year", int(m.group(1)))
    if m := _DECADE.match(text):
        return PartialDate(text, "decade", int(m.group(2)), decade_part=m.group(1))
    if m := _CENTURY.match(text):
        number = int(m.group(1))
        expected = {1: "st", 2: "nd", 3: "rd"}.get(
            number % 10 if number not in (11, 12, 13) else 0, "th"
        )
        if m.group(2) != expected or number == 0:
            raise ValueError(f"{text!r} should read '{number}{expected} century'")
        return PartialDate(text, "century", number)
    raise ValueError(f"must look like {FORMAT_HINT}; got {text!r}")
