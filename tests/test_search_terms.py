"""Chinese set phrases and names from the data stay one word in the search index."""

from __future__ import annotations

import jieba

from build_scripts.site.search_terms import JiebaWords, chinese_terms


def test_terms_come_from_the_data(catalog):
    terms = chinese_terms(catalog)
    assert {"一带一路", "人类命运共同体", "习近平", "普京", "阿斯塔纳"} <= terms
    # Whole titles are not made single words (a word inside them must stay findable).
    assert not any(len(term) > 12 for term in terms)


def test_jieba_keeps_the_terms_whole(catalog):
    JiebaWords().update(chinese_terms(catalog))
    words = list(jieba.cut("在一带一路倡议下构建人类命运共同体"))
    assert "一带一路" in words and "人类命运共同体" in words
