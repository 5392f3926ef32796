"""A run renders only the pages whose inputs changed (build_scripts/pages/manifest.py), and what it
leaves on disk is always exactly what rendering every page would write: after each of a series
of edits (a linked record's title, a new record that points at others, a bibliography entry, a
deleted record, an interface string) the incremental pages equal a full generation's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts.core.settings import CACHE_FOLDER

from .conftest import edit


@pytest.fixture
def manifest_folder(tmp_path, monkeypatch):
    """The manifest lives beside the docs folder: the test's own."""
    monkeypatch.delenv("PAGE_MANIFEST", raising=False)
    return tmp_path / CACHE_FOLDER


def tree(docs: Path) -> dict[str, str]:
    return {
        str(p.relative_to(docs)): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))
    }


def full_generation(generate, data: Path, docs: Path, monkeypatch) -> dict[str, str]:
    shutil.rmtree(docs, ignore_errors=True)
    with monkeypatch.context() as patch:
        patch.setenv("PAGE_MANIFEST", "off")
        report = generate(data, docs)
    assert report.rendered == report.pages
    return tree(docs)


def test_incremental_pages_equal_a_full_generation(
    generate, data_copy, tmp_path, manifest_folder, monkeypatch
):
    docs, full = tmp_path / "docs", tmp_path / "full"
    first = generate(data_copy, docs)
    assert first.rendered == first.pages == 51
    assert len(list(manifest_folder.glob("pages-*.pickle"))) == 1
    stage = data_copy / "stages" / "stage-fixture-one.yml"
    exchange = data_copy / "exchanges" / "exchange-fixture-a.yml"
    new_exchange = data_copy / "exchanges" / "exchange-fixture-b.yml"
    reference = data_copy / "references" / "paper-fixture-a.yml"

    def add_exchange():
        new_exchange.write_text(
            exchange.read_text(encoding="utf-8")
            .replace("id: exchange-fixture-a", "id: exchange-fixture-b")
            .replace("en: Fixture festival", "en: Second fixture festival"),
            encoding="utf-8",
        )

    edits = [
        (
            "a linked record's title",
            lambda: edit(stage, "en: Fixture stage", "en: Fixture stage, renamed"),
        ),
        ("a new record that points at others", add_exchange),
        (
            "a bibliography entry",
            lambda: edit(reference, "en: A fixture paper", "en: A fixture paper, second edition"),
        ),
        ("a deleted record", new_exchange.unlink),
        ("a term", lambda: edit(data_copy / "terms.yml", "zh: 测试节", "zh: 测试文化节")),
        ("an interface string", lambda: edit(data_copy / "ui.yml", "Sino-Russian", "Sino–Russian")),
    ]
    for name, change in edits:
        change()
        report = generate(data_copy, docs)
        assert tree(docs) == full_generation(generate, data_copy, full, monkeypatch), name
        if name != "an interface string":  # every page shows the interface strings
            assert 0 < report.rendered < report.pages, name
    # The renamed stage's new title reached the pages that link to it, in English.
    assert "Fixture stage, renamed" in tree(docs)["exchanges/exchange-fixture-a.md"]


def test_a_one_record_edit_renders_its_pages_and_those_that_show_it(
    generate, data_copy, tmp_path, manifest_folder
):
    docs = tmp_path / "docs"
    generate(data_copy, docs)
    person = data_copy / "people" / "person-fixture-a.yml"
    text = person.read_text(encoding="utf-8")
    person.write_text(text + "\n# a comment\n", encoding="utf-8")
    report = generate(data_copy, docs)
    # In each language: the person's page and what shows the person: the people index, the
    # Data page (it counts the records), the statement the person signed, and the paper the
    # person's sources cite, with the bibliography (both list the pages that cite the paper).
    shown = [
        "data/index",
        "people/index",
        "people/person-fixture-a",
        "references/index",
        "references/paper-fixture-a",
        "statements/statement-fixture-a",
    ]
    assert report.rendered_pages == tuple(
        sorted(f"{page}{suffix}.md" for page in shown for suffix in ("", ".ru", ".zh"))
    )
    assert report.written == 0  # a comment changes no page


def test_a_page_changed_on_disk_is_rendered_again(generate, data_copy, tmp_path, manifest_folder):
    docs = tmp_path / "docs"
    generate(data_copy, docs)
    page = docs / "themes" / "theme-fixture-a.ru.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("#", "##", 1), encoding="utf-8")
    report = generate(data_copy, docs)
    assert (report.rendered, report.written) == (1, 1)
    assert page.read_text(encoding="utf-8") == good
