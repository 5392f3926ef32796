"""The 2017 trade figures as a build-time chart with the same numbers in a table, localised."""

from __future__ import annotations

import re

import pytest

from build_scripts.core.languages import url_prefix

EXPECTED = {  # (total, exports, imports) as each language writes them
    "en": ("US$84.071 billion", "+20.8%"),
    "zh": ("840.71亿美元", "+20.8%"),
    "ru": ("84,071 млрд долл. США", "+20,8\u00a0%"),
}


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_chart_and_table_carry_the_figures_in_the_readers_language(built_site, lang):
    html = (built_site / url_prefix(lang) / "indicators" / "index.html").read_text(encoding="utf-8")
    chart = re.search(r'<ol [^>]*class="trade-chart".*?</ol>', html, re.S).group(0)
    total, change = EXPECTED[lang]
    # The figures are text, the value and its change apart (not "84,071 … США +20,8 %").
    value = re.search(r'<span class="trade-chart-value">([^<]*)</span>', chart).group(1)
    assert value == total
    changes = re.findall(r'<span class="trade-chart-change">([^<]*)</span>', chart)
    assert changes[0].strip("()（）") == change and changes[0][0] in "(（"
    # The longest bar is the total, and the bars are in proportion to the values.
    widths = [float(w) for w in re.findall(r'style="width: ([\d.]+)%"', chart)]
    assert len(widths) == 3
    assert widths[0] == max(widths) and abs(widths[1] / widths[0] - 42876 / 84071) < 0.01
    table = html[html.index("</figure>") :]
    assert total in table and change in table
    assert 'href="trade-total-2017/"' in table
