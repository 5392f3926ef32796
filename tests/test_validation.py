"""Bad input is rejected with the file, line and field, and every problem is reported at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.data.validate import validate

from .conftest import ROOT, edit

STAGE = "stages/stage-fixture-one.yml"
STATEMENT = "statements/statement-fixture-a.yml"
REFERENCE = "references/paper-fixture-a.yml"


def problems_for(data: Path) -> list[str]:
    _catalog, problems = validate(data, data.parent)
    return [str(p) for p in problems]


def test_fixture_is_valid(data_copy):
    assert problems_for(data_copy) == []


@pytest.mark.parametrize(
    "name, old, new, expected",
    [
        # YAML syntax
        (STAGE, "order: 1", "order: [1", f"data/{STAGE}:4:"),
        # A tab used for indenting
        (
            STAGE,
            "  - en: A trait.",
            "\t- en: A trait.",
            f"data/{STAGE}:18:1: a tab is used for indenting: indent with spaces only",
        ),
        # A typo in a field name gets a suggestion
        (
            STAGE,
            "summary:",
            "sumary:",
            f"data/{STAGE}:12:1: sumary: unknown field; did you mean 'summary'?",
        ),
        # Wrong type
        (STAGE, "order: 1", "order: first", f"data/{STAGE}:3:8: order:"),
        # A missing required language
        (
            STAGE,
            "  en: A summary.\n",
            "",
            f"data/{STAGE}:12:1: summary.en: is required but missing",
        ),
        # An empty text
        (STAGE, "  zh: 概要。", "  zh: ''", f"data/{STAGE}:14:7: summary.zh: must not be empty"),
        # A reference to a record that does not exist
        (
            STATEMENT,
            "stage: stage-fixture-one",
            "stage: stage-fixture-onee",
            f"data/{STATEMENT}:22:8: stage: no record data/stages/stage-fixture-onee.yml; did you mean 'stage-fixture-one'?",
        ),
        # A reversed date range
        (
            STAGE,
            'end: "1917"',
            'end: "1600"',
            f"data/{STAGE}:5:6: end: the stage ends (1600) before it starts (17th century)",
        ),
        # An impossible date
        (
            STATEMENT,
            'date: "2019-06-05"',
            'date: "2019-02-30"',
            "'2019-02-30' is not a real calendar day",
        ),
        # A date in the wrong form gets a hint
        (STATEMENT, 'date: "2019-06-05"', 'date: "2019/06/05"', "must look like 2019-06-05"),
        # A URL that is not http(s)
        (
            REFERENCE,
            "URL: https://example.org/fixture",
            "URL: javascript:alert(1)",
            f"data/{REFERENCE}:14:6: URL: must be a web address starting with http:// or https://",
        ),
        # HTML inside a text field
        (
            STAGE,
            "  en: A summary.",
            "  en: <script>alert(1)</script>",
            "summary.en: must be plain text, not HTML",
        ),
        # Anchors and aliases (the way to an alias bomb)
        (
            STAGE,
            "  en: A summary.",
            "  en: &a A summary.",
            "anchors and aliases (& and *) are not allowed",
        ),
        # A duplicate key
        (STAGE, "order: 1", "order: 1\norder: 2", "the field 'order' appears twice"),
        # A value from outside a closed list
        (STATEMENT, "kind: joint-statement", "kind: joint-statment", "kind: must be one of"),
        # A section label that no page could translate
        (
            STAGE,
            'section: "3"',
            "section: chapter three",
            "is neither a section number like '2.1' nor one of the named",
        ),
        # The original-language title cannot be an editorial translation
        (
            REFERENCE,
            "editorial: [zh, ru]\n  source_hash: {zh: 7693d757, ru: 7693d757}",
            "editorial: [en, ru]",
            "title: the en title is the original",
        ),
    ],
    ids=[
        "yaml-syntax",
        "tab",
        "unknown-field",
        "wrong-type",
        "missing-language",
        "empty-text",
        "missing-reference",
        "reversed-range",
        "impossible-date",
        "date-format",
        "bad-url",
        "html",
        "alias",
        "duplicate-key",
        "closed-list",
        "unknown-section",
        "original-title-editorial",
    ],
)
def test_bad_input_is_reported_with_place_and_field(data_copy, name, old, new, expected):
    edit(data_copy / name, old, new)
    problems = problems_for(data_copy)
    assert any(expected in p for p in problems), "\n".join(problems)
    assert all(p.startswith("data/") for p in problems)


def test_byte_order_mark_is_refused(data_copy):
    path = data_copy / STAGE
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert problems_for(data_copy) == [
        f"data/{STAGE}:1:1: the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"
    ]


def test_non_utf8_file_is_refused_not_crashed(data_copy):
    path = data_copy / STAGE
    # "Тестовый" as Windows-1251 bytes, as an editor's old editor might save it.
    path.write_bytes(path.read_bytes().replace("Тестовый".encode(), "Тестовый".encode("cp1251")))
    problems = problems_for(data_copy)
    assert any(f"data/{STAGE}:" in p and "is not UTF-8" in p for p in problems), problems


def test_crlf_line_ends_are_accepted(data_copy):
    path = data_copy / STAGE
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert problems_for(data_copy) == []


def test_oversized_file_is_refused_before_parsing(data_copy):
    path = data_copy / STAGE
    path.write_text(path.read_text(encoding="utf-8") + "#" * 300_000 + "\n", encoding="utf-8")
    problems = problems_for(data_copy)
    assert len(problems) >= 1 and "a record may be at most" in problems[0]


def test_file_name_must_be_a_valid_id(data_copy):
    (data_copy / STAGE).rename(data_copy / "stages" / "Stage_One.yml")
    problems = problems_for(data_copy)
    assert any(
        p.startswith("data/stages/Stage_One.yml:1:1: id: the file name is the record's id")
        for p in problems
    ), problems


def test_id_must_match_the_file_name(data_copy):
    edit(data_copy / STAGE, "id: stage-fixture-one", "id: stage-fixture-uno")
    assert problems_for(data_copy) == [
        f"data/{STAGE}:2:5: id: 'stage-fixture-uno' does not match the file name stage-fixture-one.yml: "
        "rename the file, or write id: stage-fixture-one"
    ]


def test_duplicate_id_names_the_record_that_has_it(data_copy):
    # The usual way to get one: copy a record to start a new one and forget to change its id.
    copy = data_copy / "stages" / "stage-fixture-two.yml"
    copy.write_text(
        (data_copy / STAGE).read_text(encoding="utf-8").replace("order: 1", "order: 2"),
        encoding="utf-8",
    )
    assert problems_for(data_copy) == [
        "data/stages/stage-fixture-two.yml:2:5: id: 'stage-fixture-one' does not match the file name "
        "stage-fixture-two.yml: rename the file, or write id: stage-fixture-two; 'stage-fixture-one' is "
        f"already the id of data/{STAGE}, and every record needs an id of its own"
    ]


def test_yaml_extension_gets_a_rename_hint(data_copy):
    (data_copy / STAGE).rename(data_copy / "stages" / "stage-fixture-one.yaml")
    problems = problems_for(data_copy)
    assert (
        "data/stages/stage-fixture-one.yaml:1:1: stray file: a dataset folder holds only <id>.yml "
        "records; rename it to stage-fixture-one.yml"
    ) in problems


def test_stray_file_in_dataset_folder(data_copy):
    (data_copy / "stages" / "notes.txt").write_text("x", encoding="utf-8")
    assert (
        "data/stages/notes.txt:1:1: stray file: a dataset folder holds only <id>.yml records"
        in problems_for(data_copy)
    )


def test_every_problem_is_reported_at_once(data_copy):
    edit(data_copy / STAGE, "summary:", "sumary:")
    edit(data_copy / STATEMENT, "kind: joint-statement", "kind: nonsense")
    edit(data_copy / REFERENCE, "URL: https://example.org/fixture", "URL: ftp://example.org")
    problems = problems_for(data_copy)
    files = {p.split(":")[0] for p in problems}
    assert files == {f"data/{STAGE}", f"data/{STATEMENT}", f"data/{REFERENCE}"}, problems


def test_cli_accepts_the_real_data():
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts", "validate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "RECORD_CACHE": "off"},
    )  # writes nothing
    assert result.returncode == 0, result.stderr
    assert "data/ is valid" in result.stdout


def test_cli_on_bad_data_exits_non_zero(data_copy, monkeypatch, capsys):
    from build_scripts import __main__ as cli
    from build_scripts.core import paths

    edit(data_copy / STAGE, "order: 1", "order: first")
    monkeypatch.setattr(paths, "DATA", data_copy)
    assert cli.main(["validate"]) == 1
    err = capsys.readouterr().err
    assert f"data/{STAGE}:3:8: order:" in err
    assert err.rstrip().endswith("1 problem in the data; nothing was built.")


def rename_the_exchange(data: Path) -> None:
    """exchange-fixture-a becomes exchange-fixture-b, keeping its former id."""
    exchange = data / "exchanges" / "exchange-fixture-a.yml"
    edit(
        exchange,
        "id: exchange-fixture-a",
        "id: exchange-fixture-b\nformer_ids:\n- exchange-fixture-a",
    )
    exchange.rename(exchange.with_name("exchange-fixture-b.yml"))


def test_a_renamed_record_keeps_its_former_id_to_itself(data_copy):
    rename_the_exchange(data_copy)
    assert problems_for(data_copy) == []
    # A former id that another record uses as its id cannot redirect.
    statement = data_copy / STATEMENT
    edit(
        statement,
        "id: statement-fixture-a",
        "id: statement-fixture-a\nformer_ids:\n- statement-fixture-a",
    )
    assert problems_for(data_copy) == [
        f"data/{STATEMENT}:4:3: former_ids.0: 'statement-fixture-a' is the id of data/{STATEMENT}: "
        "an address in use cannot redirect"
    ]


def test_a_reference_to_a_former_id_says_what_the_record_is_called_now(data_copy):
    rename_the_exchange(data_copy)
    stage = data_copy / STAGE
    stage.write_text(
        stage.read_text(encoding="utf-8") + "key_events:\n- text:\n    en: An event.\n"
        "  exchange: exchange-fixture-a\n",
        encoding="utf-8",
    )
    [problem] = problems_for(data_copy)
    assert problem.endswith(
        "key_events.0.exchange: no record data/exchanges/exchange-fixture-a.yml; "
        "the record was renamed: write exchange-fixture-b"
    ), problem
