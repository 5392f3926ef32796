"""The editorial apparatus says no more than the sources: an attribution the source does not
make is marked as the publication's inference, on every page that shows it."""

from __future__ import annotations

import re

import pytest

from build_scripts.core import paths
from build_scripts.core.languages import page_suffix
from build_scripts.core.settings import Settings


@pytest.fixture(scope="module")
def real_pages(tmp_path_factory, processor):
    """The real data's generated pages, in a temporary folder, with no cache beside data/."""
    from build_scripts.pages.generate import generate_all

    docs = tmp_path_factory.mktemp("docs")
    settings = Settings.from_environment().but(
        record_cache=False, page_manifest=False, jinja_cache=False
    )
    report = generate_all(paths.DATA, docs, settings, processor)
    return docs, report.catalog


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
