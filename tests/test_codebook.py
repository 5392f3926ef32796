"""The Data page's codebook in the reader's language: every field of every dataset has a
reader's description in each language, the Chinese and Russian codebooks carry no English
outside <code>, and a field added to the model without a description is named."""

from __future__ import annotations

import os
import re

import pytest
from pydantic import Field

from build_scripts.core.languages import LANGUAGES
from build_scripts.data import field_descriptions
from build_scripts.data.datasets import DATASETS
from build_scripts.data.models import Stage
from build_scripts.pages.codebook import Kind, codebook, fields, fields_of_schema, kind_phrase
from build_scripts.pages.generate import ui_strings

# Names written in Latin letters in every language.
LATIN_NAMES = {"BibTeX", "CSV", "JSON", "URL", "DOI", "ISBN", "ISSN", "CSL"}


def codebook_rows(markdown: str) -> list[str]:
    """The rows of the codebook's field tables (one per field, each opening with its name)."""
    codebook = markdown.split("{#codebook}", 1)[1]
    return [line for line in codebook.splitlines() if line.startswith("| <code>")]


def english_words(row: str) -> list[str]:
    """The words in Latin letters a reader sees in a row, outside <code> and names."""
    seen = re.sub(r"<code>.*?</code>|`[^`]*`|\]\([^)]*\)|<[^>]+>", " ", row)
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", seen) if w not in LATIN_NAMES]


def test_every_field_has_a_readers_description_in_each_language():
    for dataset in DATASETS:
        for field in fields(dataset):
            for lang in LANGUAGES:
                assert field.description[lang].strip(), (dataset, field.name, lang)


def test_no_description_is_left_over_from_a_removed_field():
    assert field_descriptions.unused({d: [f.name for f in fields(d)] for d in DATASETS}) == []


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_the_codebook_is_in_the_pages_language(real_pages, lang):
    docs, _catalog = real_pages
    page = (docs / "data" / f"index.{lang}.md").read_text(encoding="utf-8")
    rows = codebook_rows(page)
    assert len(rows) == sum(len(fields(d)) for d in DATASETS)
    english = {row.split(" |")[0]: english_words(row) for row in rows if english_words(row)}
    assert english == {}
    assert 'lang="en"' not in page.split("{#codebook}", 1)[1]


def test_nested_objects_are_named_by_what_they_are(real_pages):
    docs, _catalog = real_pages
    pages = {
        lang: (docs / "data" / f"index{'' if lang == 'en' else '.' + lang}.md").read_text(
            encoding="utf-8"
        )
        for lang in LANGUAGES
    }
    for page in pages.values():
        assert not re.search(r"\b(?:CitedIn|SourceNote|KeyEvent|StageFactor|CslName)\b", page)
    sources = next(r for r in codebook_rows(pages["en"]) if r.startswith("| <code>sources</code>"))
    assert "list of source notes (<code>ref</code>, <code>section</code>" in sources
    cited = next(r for r in codebook_rows(pages["zh"]) if r.startswith("| <code>cited-in</code>"))
    assert "源论文中的引用" in cited
    stage = next(r for r in codebook_rows(pages["ru"]) if r.startswith("| <code>stage</code>"))
    assert "записи набора «[Исторические этапы](#codebook-stages)»" in stage


def test_a_new_field_without_a_readers_description_is_named():
    class WithNewField(Stage):
        new_field: str = Field(description="A field no reader's description covers yet.")

    schema = WithNewField.model_json_schema(by_alias=True, mode="validation")
    with pytest.raises(KeyError, match=r"stages\.new_field"):
        fields_of_schema("stages", schema)


def test_every_kind_has_words_in_each_language(real_pages):
    """Also the kinds no field has today (a list of dates, of numbers, ...): each is worded
    from data/ui.yml in every language, the Chinese and Russian with no English."""
    _docs, catalog = real_pages
    singles = [
        Kind(name)
        for name in ("text", "date", "address", "integer", "number", "boolean", "localized")
    ] + [
        Kind("enum", ("a", "b")),
        Kind("ref", ("stages",)),
        Kind("object", ("SourceNote", "ref", "section")),
    ]
    kinds = [
        *singles,
        *(Kind("list", items=k) for k in singles),
        Kind("const", ("USD",)),
        Kind("per_language", items=Kind("object", ("PersonName", "family"))),
        Kind("any", options=(Kind("text"), Kind("integer"))),
    ]
    for lang in LANGUAGES:
        words = ui_strings(catalog.ui, lang)
        for kind in kinds:
            phrase = kind_phrase(kind, words, lang)
            assert phrase.strip(), (kind, lang)
            if lang != "en":
                assert english_words(phrase) == [], (kind, lang, phrase)


def test_an_edited_description_is_read_again_in_the_same_process(tmp_path, monkeypatch):
    """`make serve` regenerates the pages in one process after an edit of the file."""
    copy = tmp_path / "field_descriptions.yml"
    text = field_descriptions.FILE.read_text(encoding="utf-8")
    copy.write_text(text, encoding="utf-8")
    monkeypatch.setattr(field_descriptions, "FILE", copy)
    assert codebook()["people"][0].description["zh"].startswith("条目的标识符")
    copy.write_text(text.replace("条目的标识符", "记录的标识符"), encoding="utf-8")
    os.utime(copy, ns=(1, copy.stat().st_mtime_ns + 1_000_000))
    assert codebook()["people"][0].description["zh"].startswith("记录的标识符")
