"""`make new`: a template with every field of its dataset, whose only problems are the
placeholders an editor has to fill, and which becomes a page once they are filled."""

from __future__ import annotations

import re

import pytest
import yaml

from build_scripts.core.problems import DataError
from build_scripts.data.datasets import DATASETS
from build_scripts.data.validate import validate
from build_scripts.editor.new_record import write_new


def uncommented(text: str) -> str:
    """The template with every optional field switched on, as an editor would uncomment it
    (the header, up to the first blank line, stays a comment)."""
    header, body = text.split("\n\n", 1)
    return (
        header
        + "\n\n"
        + re.sub(r"^(\s*)# ((?:\s*)(?:- )?[\w-]+:(?: .*)?)$", r"\1\2", body, flags=re.M)
    )


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_template_offers_every_field_and_only_placeholders_need_filling(data_copy, dataset):
    path = write_new(data_copy, dataset, "new-record")
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[:2] == [
        f"# yaml-language-server: $schema=../../schemas/{dataset}.schema.json",
        "id: new-record",
    ]

    fields = {info.alias or name for name, info in DATASETS[dataset].model.model_fields.items()}
    assert set(yaml.safe_load(uncommented(text))) == fields

    problems = validate(data_copy)[1]
    assert problems, "an unfilled template must not pass validation"
    lines = text.splitlines()
    for problem in problems:
        assert problem.path == f"data/{dataset}/new-record.yml", problem
        assert re.search(r'""|null', lines[problem.line - 1]), f"{problem} is not a placeholder"


def test_new_refuses_an_existing_id_a_bad_id_and_an_unknown_dataset(data_copy):
    before = sorted(p.name for p in data_copy.rglob("*"))
    for dataset, record_id, message in [
        ("stages", "stage-fixture-one", "a record with this id already exists"),
        ("stages", "Stage One", "must be lowercase ASCII letters"),
        ("stage", "new-record", "unknown dataset 'stage'"),
    ]:
        with pytest.raises(DataError, match=message) as error:
            write_new(data_copy, dataset, record_id)
        assert error.value.report().endswith("; no file was written.")
    assert sorted(p.name for p in data_copy.rglob("*")) == before


def test_worked_example_from_contributing_becomes_a_page_in_three_languages(
    generate, data_copy, tmp_path
):
    """The steps CONTRIBUTING.md walks an editor through, on the fixture data."""
    path = write_new(data_copy, "statements", "joint-statement-2024-05-16")
    text = path.read_text(encoding="utf-8")
    filled = {
        '# date: ""': 'date: "2024-05-16"',
        'kind: ""': "kind: joint-statement",
        'parties:\n- en: ""\n  zh: ""\n  ru: ""\n  editorial: []': "parties:\n- en: People's Republic of China\n  zh: 中华人民共和国\n"
        "  ru: Китайская Народная Республика\n  official: [zh, ru]",
        'title:\n  en: ""\n  zh: ""\n  ru: ""\n  editorial: []': "title:\n  en: A worked example\n  zh: 示例声明\n  ru: Пример заявления\n"
        "  editorial: [zh, ru]",
        'summary:\n  en: ""\n  zh: ""\n  ru: ""\n  editorial: []': "summary:\n  en: What the example says.\n  zh: 示例的内容。",
        'stage: ""': "stage: stage-fixture-one",
        '- ref: ""': "- ref: paper-fixture-a",
        '  section: ""\n  # Optional. The source': '  section: "3"\n  # Optional. The source',
    }
    for old, new in filled.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    assert [str(p) for p in validate(data_copy)[1]] == []

    docs = tmp_path / "docs"
    generate(data_copy, docs)
    pages = {
        lang: (docs / "statements" / f"joint-statement-2024-05-16{suffix}.md").read_text(
            encoding="utf-8"
        )
        for lang, suffix in (("en", ""), ("zh", ".zh"), ("ru", ".ru"))
    }
    assert "# A worked example {#title}" in pages["en"] and "16 May 2024" in pages["en"]
    assert "# 示例声明 {#title}" in pages["zh"] and "示例的内容。" in pages["zh"]
    # The Russian summary is still to be translated: the page says so and shows the English.
    assert "# Пример заявления {#title}" in pages["ru"]
    assert '<span lang="en">What the example says.</span>' in pages["ru"]
