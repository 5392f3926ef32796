"""Translation status: a change to the original flags its translations as outdated, a missing
translation shows the original marked, `make status` lists both, `make translated` clears them."""

from __future__ import annotations

import pytest

from build_scripts.core.problems import DataError
from build_scripts.data.translations import fingerprint
from build_scripts.data.validate import load_catalog, validate
from build_scripts.editor.translation_stamp import stamp
from build_scripts.editor.translation_status import counts, report

from .conftest import edit

STAGE = "stages/stage-fixture-one.yml"


def test_fingerprint_follows_the_words_not_the_layout():
    assert fingerprint("A  summary\n of the stage.") == fingerprint("A summary of the stage.")
    assert fingerprint("A summary of the stage.") != fingerprint("A summary of the stages.")


def test_fixture_translations_are_all_current(data_copy):
    table = counts(load_catalog(data_copy))
    for (dataset, lang), tally in table.items():
        assert tally["outdated"] == tally["missing"] == tally["unchecked"] == 0, (dataset, lang)
    # The title and the trait render the paper's wording (SourceWording): their Chinese is an
    # editorial translation, whether or not the file says so (the trait's does not). The
    # summary and factor are the publication's own Chinese text made from the English.
    assert (table[("stages", "zh")]["translated"], table[("stages", "zh")]["parallel"]) == (2, 2)


def test_changed_original_flags_its_translations_in_the_report_and_on_the_page(
    generate, data_copy, tmp_path
):
    edit(data_copy / STAGE, "  en: A summary.", "  en: A revised summary.")
    text = report(load_catalog(data_copy))
    assert f"data/{STAGE}:14:7: summary.zh (original: en)" in text
    assert f"data/{STAGE}:15:7: summary.ru (original: en)" in text
    assert "Outdated (2):" in text and "Missing: none" in text

    docs = tmp_path / "docs"
    generate(data_copy, docs)
    zh = (docs / "stages" / "stage-fixture-one.zh.md").read_text(encoding="utf-8")
    ru = (docs / "stages" / "stage-fixture-one.ru.md").read_text(encoding="utf-8")
    en = (docs / "stages" / "stage-fixture-one.md").read_text(encoding="utf-8")
    assert "概要。" in zh and "译文待更新" in zh
    assert "本页部分译文所依据的原文此后已有修订" in zh
    assert "перевод обновляется" in ru and "по прежней редакции оригинала" in ru
    # The original's own page has nothing to flag.
    assert "A revised summary." in en and "translation being updated" not in en
    assert "!!! warning" not in en


def test_missing_translation_shows_the_original_marked_in_its_language(
    generate, data_copy, tmp_path
):
    edit(data_copy / STAGE, "  ru: Краткое содержание.\n", "")
    edit(
        data_copy / STAGE,
        "source_hash: {zh: 489cc652, ru: 489cc652}",
        "source_hash: {zh: 489cc652}",
    )
    catalog = load_catalog(data_copy)
    assert f"data/{STAGE}:12:1: summary.ru (original: en)" in report(catalog)
    assert counts(catalog)[("stages", "ru")]["missing"] == 1

    docs = tmp_path / "docs"
    generate(data_copy, docs)
    ru = (docs / "stages" / "stage-fixture-one.ru.md").read_text(encoding="utf-8")
    assert '<span lang="en">A summary.</span>' in ru
    assert "еще не переведено" in ru
    assert "Часть текста на этой странице еще не переведена на русский язык" in ru
    zh = (docs / "stages" / "stage-fixture-one.zh.md").read_text(encoding="utf-8")
    assert "概要。" in zh and "!!! warning" not in zh


def test_missing_title_falls_back_with_its_language_on_the_heading(generate, data_copy, tmp_path):
    edit(data_copy / STAGE, "  zh: 测试阶段\n", "")
    edit(
        data_copy / STAGE,
        "source_hash: {zh: e597e28c, ru: e597e28c}",
        "source_hash: {ru: e597e28c}",
    )
    docs = tmp_path / "docs"
    generate(data_copy, docs)
    zh = (docs / "stages" / "stage-fixture-one.zh.md").read_text(encoding="utf-8")
    assert '# Fixture stage {#title lang="en"}' in zh


def test_translated_marks_one_language_and_keeps_the_layout(data_copy):
    edit(data_copy / STAGE, "  en: A summary.", "  en: A revised summary.")
    path = data_copy / STAGE
    before = path.read_text(encoding="utf-8").splitlines()

    done = stamp(path, "zh", data_copy.parent)
    assert done == [f"data/{STAGE}:14:7: summary.zh: marked as translated from the present en text"]
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    new = fingerprint("A revised summary.")
    assert changed == [
        (
            "  source_hash: {zh: 489cc652, ru: 489cc652}",
            f"  source_hash: {{zh: {new}, ru: 489cc652}}",
        )
    ]

    text = report(load_catalog(data_copy))
    assert "summary.zh" not in text and f"data/{STAGE}:15:7: summary.ru" in text
    assert stamp(path, "zh", data_copy.parent) == []  # nothing left to mark


def test_translated_adds_the_hash_where_there_was_none(data_copy):
    edit(data_copy / STAGE, "  source_hash: {zh: 489cc652, ru: 489cc652}\n", "")
    assert "summary.ru (original: en)" in report(load_catalog(data_copy))  # unchecked
    stamp(data_copy / STAGE, "ru", data_copy.parent, field="summary")
    lines = (data_copy / STAGE).read_text(encoding="utf-8").splitlines()
    assert lines[lines.index("  ru: Краткое содержание.") + 1] == "  source_hash: {ru: 489cc652}"
    assert validate(data_copy)[1] == []


def test_translated_refuses_a_layout_it_cannot_edit_and_leaves_the_file(data_copy):
    edit(
        data_copy / STAGE,
        "summary:\n  en: A summary.\n  zh: 概要。\n  ru: Краткое содержание.\n"
        "  source_hash: {zh: 489cc652, ru: 489cc652}\n",
        "summary: {en: A new summary., zh: 概要。, ru: Краткое содержание.}\n",
    )
    path = data_copy / STAGE
    before = path.read_bytes()
    with pytest.raises(DataError, match="could not mark the translations"):
        stamp(path, "zh", data_copy.parent)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "  source_hash: {zh: 489cc652, ru: 489cc652}",
            "  source_hash: {en: 489cc652}",
            "summary: source_hash.en: that text is the original",
        ),
        (
            "  ru: Краткое содержание.\n",
            "  ru: Краткое содержание.\n  official: [ru]\n",
            "summary: source_hash.ru: that text is official",
        ),
        (
            "  editorial: [zh, ru]",
            "  editorial: [zh, ru]\n  official: [zh]",
            "title: zh cannot be both `editorial` and `official`",
        ),
        (
            "  source_hash: {zh: 489cc652, ru: 489cc652}",
            "  source_hash: {zh: 489cc65}",
            "summary.source_hash.zh: must be the 8-character fingerprint that `make translated` writes",
        ),
    ],
)
def test_inconsistent_translation_fields_are_refused(data_copy, old, new, expected):
    edit(data_copy / STAGE, old, new)
    problems = [str(p) for p in validate(data_copy)[1]]
    assert any(expected in p for p in problems), problems
