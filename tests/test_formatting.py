"""Dates and numbers in each language's own conventions."""

from __future__ import annotations

import pytest

from build_scripts.core.dates import parse_date
from build_scripts.core.formatting import money, percent


@pytest.mark.parametrize(
    "text, en, zh, ru",
    [
        ("2019-06-05", "5 June 2019", "2019年6月5日", "5 июня 2019\u00a0г."),
        ("2019-05", "May 2019", "2019年5月", "май 2019\u00a0г."),
        ("1917", "1917", "1917年", "1917\u00a0г."),
        ("1980s", "1980s", "20世纪80年代", "1980-е годы"),
        ("mid-1980s", "mid-1980s", "20世纪80年代中期", "середина 1980-х годов"),
        ("17th century", "17th century", "17世纪", "XVII век"),
    ],
)
def test_dates_keep_their_precision_in_each_language(text, en, zh, ru):
    date = parse_date(text)
    assert (date.format("en"), date.format("zh"), date.format("ru")) == (en, zh, ru)


def test_century_and_decade_bounds_order_stages():
    assert parse_date("17th century").earliest_year == 1601
    assert parse_date("mid-1980s").earliest_year == 1983
    assert parse_date("1980s").latest_year == 1989


@pytest.mark.parametrize("bad", ["2019/06/05", "June 2019", "17 century", "2019-13", "3th century"])
def test_bad_dates_are_refused(bad):
    with pytest.raises(ValueError):
        parse_date(bad)


def test_money_in_each_language():
    assert money(84071000000, "USD", "en") == "US$84.071 billion"
    assert money(84071000000, "USD", "zh") == "840.71亿美元"
    assert money(84071000000, "USD", "ru") == "84,071 млрд долл. США"
    assert money(42876000000, "USD", "zh") == "428.76亿美元"


def test_percent_in_each_language():
    assert percent(20.8, "en", signed=True) == "+20.8%"
    assert percent(27.7, "zh") == "27.7%"
    assert percent(14.8, "ru") == "14,8\xa0%"
