"""The editorial apparatus says no more than the sources: an attribution the source does not
make is marked as the publication's inference, on every page that shows it."""

from __future__ import annotations

import re

import pytest

from build_scripts.core.languages import page_suffix


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_an_inferred_speaker_is_marked_as_ours(real_pages, lang):
    docs, catalog = real_pages
    marked = 0
    for entry in catalog.entries("statements"):
        page = (docs / "statements" / f"{entry.id}{page_suffix(lang)}.md").read_text(
            encoding="utf-8"
        )
        signed = [line for line in page.splitlines() if line.startswith("> — ")]
        quotes = [q for q in entry.record.quotes if q.speaker]
        assert len(signed) == len(quotes), entry.id
        for line, quote in zip(signed, quotes):
            mark = catalog.ui["inferred_mark"][lang].strip("[]［］")
            assert (mark in line) == quote.speaker_inferred, (entry.id, line)
            marked += quote.speaker_inferred
    assert marked >= 1  # the Astana remark: the paper names no speaker for the quotation


def test_an_inferred_speaker_needs_a_speaker():
    from pydantic import ValidationError

    from build_scripts.data.models import Quote

    with pytest.raises(ValidationError, match="there is no speaker to infer"):
        Quote.model_validate(
            {"text": {"en": "Words."}, "ref": "x", "section": "1", "speaker_inferred": True}
        )


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_a_quotation_translated_back_into_the_documents_language_says_so(real_pages, lang):
    """The 2019 joint statement was written in Chinese and Russian: its Chinese and Russian
    quotations here are our translations of the paper's English, not its own words."""
    docs, catalog = real_pages
    # The marks' words (Markdown escapes the square brackets around them).
    back = catalog.ui["back_translation_mark"][lang].strip("[]［］")
    ours = catalog.ui["editorial_mark"][lang].strip("[]［］")
    checked = 0
    for entry in catalog.entries("statements"):
        page = (docs / "statements" / f"{entry.id}{page_suffix(lang)}.md").read_text(
            encoding="utf-8"
        )
        quoted = [line for line in page.splitlines() if line.startswith("> ") and "[^q" in line]
        assert len(quoted) == len(entry.record.quotes), entry.id
        for line, quote in zip(quoted, entry.record.quotes):
            expected = lang in entry.record.written_in and lang != quote.text.original
            assert (back in line) == expected, (entry.id, lang, line)
            if expected:
                # One mark, the precise one: not also "our translation".
                assert not re.search(rf">[\\\[［]*{ours}[\\\]］]*</span>", line), line
                checked += 1
    assert checked >= (0 if lang == "en" else 2)


def test_a_translation_of_a_sources_wording_is_marked_whether_or_not_the_file_says_so():
    from build_scripts.data.models import SourceWording

    title = SourceWording.model_validate({"en": "Festival", "zh": "节", "ru": "Фестиваль"})
    assert title.editorial == ["zh", "ru"]
    official = SourceWording.model_validate(
        {"en": "Statement", "zh": "声明", "ru": "Заявление", "official": ["zh"]}
    )
    assert official.editorial == ["ru"]
    chinese_original = SourceWording.model_validate(
        {"en": "Title", "zh": "标题", "editorial": ["en"]}
    )
    assert chinese_original.original == "zh" and chinese_original.editorial == ["en"]


@pytest.mark.parametrize("lang", ["zh", "ru"])
def test_every_translated_title_of_a_theme_or_exchange_says_it_is_ours(real_pages, lang):
    docs, catalog = real_pages
    note = catalog.ui["title_editorial"][lang]
    for dataset in ("themes", "exchanges"):
        for entry in catalog.entries(dataset):
            page = (docs / dataset / f"{entry.id}{page_suffix(lang)}.md").read_text(
                encoding="utf-8"
            )
            assert note in page, (dataset, entry.id)


def test_an_official_title_comes_from_a_cited_source(catalog):
    """A statement's title is official in a language only where a reference it cites gives
    that title, as its original or as an official one."""
    official = 0
    for entry in catalog.entries("statements"):
        title = entry.record.title
        for lang in title.official:
            cited = [catalog.get("references", ref).title for ref in entry.record.references]
            assert any(
                work.get(lang) == title.get(lang)
                and (lang == work.original or lang in work.official)
                for work in cited
            ), (entry.id, lang)
            official += 1
    assert official >= 2  # the 2019 statement in Chinese, the cultural policy strategy in Russian


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_undated_key_events_are_not_listed_among_dated_ones(real_pages, lang):
    docs, catalog = real_pages
    for entry in catalog.entries("stages"):
        page = (docs / "stages" / f"{entry.id}{page_suffix(lang)}.md").read_text(encoding="utf-8")
        events = page.split("{#key-events}", 1)[-1].split("\n## ", 1)[0]
        dated, _, undated = events.partition("{#undated-events}")
        dated_items = [line for line in dated.splitlines() if line.startswith("- ")]
        assert all(line.startswith("- **") for line in dated_items), entry.id
        assert len(dated_items) == sum(1 for e in entry.record.key_events if e.date), entry.id
        undated_items = [line for line in undated.splitlines() if line.startswith("- ")]
        assert len(undated_items) == sum(1 for e in entry.record.key_events if not e.date)
