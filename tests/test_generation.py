"""Generation writes a page only when its content changed, and removes pages of deleted records
(so `mkdocs serve` reloads exactly what an edit touched and never loops)."""

from __future__ import annotations

from build_scripts.core.settings import Settings


def test_regeneration_writes_only_what_changed(generate, data_copy, tmp_path):
    docs = tmp_path / "docs"
    first = generate(data_copy, docs)
    # (7 datasets x (index + 1 record) + the Data page + the timeline) x 3 languages
    assert (first.pages, first.written, first.removed) == (51, 51, 0)
    again = generate(data_copy, docs)
    assert (again.written, again.removed) == (0, 0)

    stage = data_copy / "stages" / "stage-fixture-one.yml"
    stage.write_text(
        stage.read_text(encoding="utf-8").replace("A summary.", "A new summary."), encoding="utf-8"
    )
    edited = generate(data_copy, docs)
    # The English page shows the new text; the Chinese and Russian pages now flag their
    # summaries as translated from an earlier version. Nothing else changed.
    assert edited.written == 3
    assert "A new summary." in (docs / "stages" / "stage-fixture-one.md").read_text(
        encoding="utf-8"
    )
    assert "译文待更新" in (docs / "stages" / "stage-fixture-one.zh.md").read_text(encoding="utf-8")


def test_pages_of_a_deleted_record_are_removed(generate, data_copy, tmp_path):
    docs = tmp_path / "docs"
    generate(data_copy, docs)
    (data_copy / "exchanges" / "exchange-fixture-a.yml").unlink()
    report = generate(data_copy, docs)
    assert report.removed == 3
    assert not list((docs / "exchanges").glob("exchange-fixture-a*"))


def test_generated_page_shows_record_in_its_language(generate, data_copy, tmp_path):
    docs = tmp_path / "docs"
    generate(data_copy, docs)
    zh = (docs / "statements" / "statement-fixture-a.zh.md").read_text(encoding="utf-8")
    ru = (docs / "statements" / "statement-fixture-a.ru.md").read_text(encoding="utf-8")
    assert "# 测试声明 {#title}" in zh and "2019年6月5日" in zh and "联合声明" in zh
    assert "# Тестовое заявление {#title}" in ru and "5 июня 2019" in ru
    # Links point at the other records' pages.
    assert "(../stages/stage-fixture-one.md)" in zh


def test_unchanged_inputs_skip_rendering_but_never_leave_a_wrong_page(
    generate, data_copy, tmp_path
):
    docs = tmp_path / "docs"
    generate(data_copy, docs)
    assert generate(data_copy, docs).skipped
    page = docs / "stages" / "stage-fixture-one.zh.md"
    good = page.read_text(encoding="utf-8")

    # A page edited by hand, a deleted page and a stray page are each put right.
    page.write_text(good + "\nEdited by hand.\n", encoding="utf-8")
    assert not generate(data_copy, docs).skipped
    assert page.read_text(encoding="utf-8") == good
    page.unlink()
    assert not generate(data_copy, docs).skipped
    assert page.read_text(encoding="utf-8") == good
    stray = docs / "statements" / "statement-deleted-long-ago.md"
    stray.write_text("# stale\n", encoding="utf-8")
    report = generate(data_copy, docs)
    assert (report.skipped, report.removed, stray.exists()) == (False, 1, False)

    # Another site address or build date is another set of pages.
    assert not generate(
        data_copy, docs, Settings.from_environment().but(site_url="https://example.org/other/")
    ).skipped
    assert "https://example.org/other/" in page.read_text(encoding="utf-8")


def test_the_glossary_shows_every_term_with_the_page_language_first(generate, data_copy, tmp_path):
    docs = tmp_path / "docs"
    generate(data_copy, docs)
    zh = (docs / "glossary" / "index.zh.md").read_text(encoding="utf-8")
    ru = (docs / "glossary" / "index.ru.md").read_text(encoding="utf-8")
    assert "术语数：2" in zh and "Терминов: 2" in ru
    row = next(line for line in zh.splitlines() if "测试节" in line)
    # Chinese first, then English and Russian; the avoided Russian variant; the Chinese note.
    assert row.index("测试节") < row.index("fixture festival") < row.index("тестовый фестиваль")
    assert "фикстурн" in row and "测试数据自己的名称。" in row
    assert "фикстурн" not in next(line for line in zh.splitlines() if "测试阶段" in line)
