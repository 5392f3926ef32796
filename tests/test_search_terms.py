"""Chinese set phrases and names from the data stay one word in the search index, with their
parts beside them; digits and Latin letters are cut apart from Chinese."""

from __future__ import annotations

import pytest

from build_scripts.site.chinese_words import ChineseWords
from build_scripts.site.search_terms import chinese_terms


@pytest.fixture(scope="module")
def words(catalog):
    return ChineseWords(chinese_terms(catalog))


def test_terms_come_from_the_data(catalog):
    terms = chinese_terms(catalog)
    assert {"一带一路", "人类命运共同体", "习近平", "普京", "阿斯塔纳"} <= terms
    # Whole titles are not made single words (a word inside them must stay findable).
    assert not any(len(term) > 12 for term in terms)


def test_set_phrases_stay_whole_with_their_parts(words):
    indexed = words.segment("在一带一路倡议下构建人类命运共同体").split()
    assert "一带-一路" in indexed and "人类-命运-共同体" in indexed


def test_without_the_datas_terms_jieba_would_cut_a_phrase_apart():
    assert "人类-命运-共同体" not in ChineseWords().segment("构建人类命运共同体").split()


def test_digits_and_latin_letters_are_cut_from_chinese(words):
    assert words.segment("2019年6月5日").split() == ["2019", "年", "6", "月", "5", "日"]
    assert words.segment("据Sai Wu论述").split() == ["据", "Sai", "Wu", "论述"]


def test_the_vocabulary_holds_every_word_the_index_holds(words):
    words.segment("戈尔巴乔夫“新思维”指导下的改革，构建人类命运共同体")
    known = set(words.vocabulary()["words"])
    assert {"戈尔巴乔夫", "新思维", "改革"} <= known
    # A part is a word of its own: the browser can cut a query into it.
    assert {"人类", "命运", "共同体", "人类命运共同体"} <= known


def test_a_query_is_cut_as_the_text_was(words):
    """The browser cuts a query with the vocabulary alone (pagefind-search.js does what
    `route` does over `vocabulary()`): the same words as the full dictionary gave the text."""
    text = "中苏关系正常化后两国文化交流在一定程度上得到恢复"
    indexed = [w.split("-") for w in words.segment(text).split()]
    limited = ChineseWords.__new__(ChineseWords)
    vocabulary = words.vocabulary()
    limited.freq, limited.total = dict(vocabulary["words"]), vocabulary["total"]
    limited.log_total, limited.used = words.log_total, {}
    assert limited.route(text) == ["".join(parts) for parts in indexed]
