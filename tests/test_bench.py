"""The benchmark's synthetic data and its small parts (the benchmark itself is `make bench`)."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

from bench.process import CommandFailed, run_measured
from bench.site_size import assets_of, page_weight, search_indexes
from bench.synthetic import clone_id, write_synthetic_data
from bench.targets import FAIL, PASS, SKIP, evaluate
from build_scripts.languages import LANGUAGES
from build_scripts.models import DATASETS
from build_scripts.translation_status import counts
from build_scripts.translations import OUTDATED, UNCHECKED
from build_scripts.validate import validate

from .conftest import ROOT

FACTOR = 2
SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/{}.schema.json"


def real_ids(dataset: str) -> list[str]:
    return sorted(path.stem for path in (ROOT / "data" / dataset).glob("*.yml"))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("synthetic") / "data"
    write_synthetic_data(data, FACTOR, seed=7)
    return data


@pytest.fixture(scope="module")
def validated(synthetic):
    return validate(synthetic, synthetic.parent)


def test_synthetic_data_validates_with_no_problem(validated):
    _catalog, problems = validated
    assert [str(p) for p in problems] == []


def test_each_dataset_has_factor_times_the_real_records(validated):
    catalog, _problems = validated
    for dataset in DATASETS:
        expected = sorted(clone_id(i, copy) for i in real_ids(dataset) for copy in range(FACTOR))
        assert sorted(catalog.records[dataset]) == expected
        assert len(catalog.records[dataset]) == FACTOR * len(real_ids(dataset)) > 0


def test_copy_zero_is_the_real_data_file_for_file(synthetic):
    for dataset in DATASETS:
        for record_id in real_ids(dataset):
            real = ROOT / "data" / dataset / f"{record_id}.yml"
            assert (synthetic / dataset / real.name).read_bytes() == real.read_bytes()
    assert (synthetic / "ui.yml").read_bytes() == (ROOT / "data" / "ui.yml").read_bytes()


def test_every_file_names_its_schema_and_its_id(validated, synthetic):
    catalog, _problems = validated
    for dataset, entries in catalog.records.items():
        for record_id, entry in entries.items():
            path = synthetic / dataset / f"{record_id}.yml"
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == SCHEMA_LINE.format(dataset)
            assert entry.record.id == record_id


def test_clones_point_at_records_of_their_own_copy(validated):
    catalog, _problems = validated
    statement = next(iter(real_ids("statements")))
    original = catalog.get("statements", statement)
    copy = catalog.get("statements", clone_id(statement, 1))
    assert copy.stage == clone_id(original.stage, 1)
    assert copy.themes == [clone_id(theme, 1) for theme in original.themes]
    assert [s.ref for s in copy.sources] == [clone_id(s.ref, 1) for s in original.sources]


def test_clones_keep_each_language_in_its_script_and_vary_the_titles(validated):
    catalog, _problems = validated
    stage_id = real_ids("stages")[0]
    original = catalog.get("stages", stage_id)
    copy = catalog.get("stages", clone_id(stage_id, 1))
    assert copy.title.en == f"{original.title.en} (variant 1)"
    assert copy.title.zh == f"{original.title.zh}（变体1）"
    assert copy.title.ru == f"{original.title.ru} (вариант 1)"
    for lang in LANGUAGES:  # the same characters (sentences in another order), same script
        assert sorted("".join(getattr(copy.summary, lang).split())) == sorted(
            "".join(getattr(original.summary, lang).split()))
    assert copy.summary.en != original.summary.en


def test_orders_stay_unique(validated):
    catalog, _problems = validated
    stage_orders = [entry.record.order for entry in catalog.entries("stages")]
    assert len(set(stage_orders)) == len(stage_orders)
    theme_orders = [(e.record.group, e.record.order) for e in catalog.entries("themes")]
    assert len(set(theme_orders)) == len(theme_orders)


def test_translations_that_were_current_stay_current(validated):
    catalog, _problems = validated
    real, real_problems = validate(ROOT / "data", ROOT)
    assert real_problems == []
    for (dataset, lang), tally in counts(catalog).items():
        before = counts(real)[(dataset, lang)]
        assert tally[OUTDATED] == FACTOR * before[OUTDATED]
        assert tally[UNCHECKED] == FACTOR * before[UNCHECKED]
        assert sum(tally.values()) == FACTOR * sum(before.values())


def test_the_same_seed_writes_the_same_files_and_another_seed_other_ones(tmp_path, synthetic):
    again, other = tmp_path / "again" / "data", tmp_path / "other" / "data"
    write_synthetic_data(again, FACTOR, seed=7)
    write_synthetic_data(other, FACTOR, seed=8)
    files = sorted(p.relative_to(synthetic) for p in synthetic.rglob("*.yml"))
    assert files == sorted(p.relative_to(again) for p in again.rglob("*.yml"))
    assert all((synthetic / f).read_bytes() == (again / f).read_bytes() for f in files)
    assert any((synthetic / f).read_bytes() != (other / f).read_bytes() for f in files)


def test_a_factor_below_one_is_refused(tmp_path):
    with pytest.raises(ValueError, match="factor"):
        write_synthetic_data(tmp_path / "data", 0)


def test_a_measured_command_reports_time_and_memory(tmp_path):
    measured = run_measured([sys.executable, "-c", "x = b'x' * (64 * 1024 * 1024)"],
                            tmp_path, {})
    assert measured.seconds > 0
    assert measured.peak_rss_mb >= 64
    with pytest.raises(CommandFailed, match="exited with 3"):
        run_measured([sys.executable, "-c", "raise SystemExit(3)"], tmp_path, {})


def test_page_weight_counts_the_page_its_css_and_js_and_the_index(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "stages" / "x").mkdir(parents=True)
    (site / "search").mkdir()
    (site / "assets" / "a.css").write_text("body{}" * 1000, encoding="utf-8")
    (site / "assets" / "b.js").write_text("let x;" * 1000, encoding="utf-8")
    (site / "search" / "search_index.json").write_text("{}", encoding="utf-8")
    page = site / "stages" / "x" / "index.html"
    page.write_text('<link rel="stylesheet" href="../../assets/a.css">'
                    '<link rel="icon" href="../../assets/b.js">'
                    '<script src="../../assets/b.js"></script><script src="/assets/b.js"></script>'
                    '<script src="https://example.org/c.js"></script>'
                    '<link rel="stylesheet" href="data:text/css,a{}">', encoding="utf-8")
    assert assets_of(site, page) == [site / "assets" / "a.css", site / "assets" / "b.js"]
    indexes = search_indexes(site)
    assert [indexes[lang].shared for lang in LANGUAGES] == [False, True, True]
    weight = page_weight(site, page, indexes["en"])
    expected = sum(len(gzip.compress(p.read_bytes(), 6)) for p in
                   (page, site / "assets" / "a.css", site / "assets" / "b.js")) / 1024
    assert weight.own_kb == pytest.approx(expected, abs=0.1)
    assert weight.with_index_kb == pytest.approx(weight.own_kb + indexes["en"].gzip_kb, abs=0.1)


def _result(factor: int, ms: float, share: float, peak: float, record_kb: float,
            index_kb: float) -> dict:
    step = {"seconds": 1.0, "peak_rss_mb": peak, "peak_tree_mb": peak}
    return {"factor": factor, "build_ms_per_page": ms, "generate_validate_percent_of_build": share,
            "validate": step, "generate": step, "build": step,
            "record_page": {"page": "stages/x/index.html", "own_kb": record_kb},
            "search_index": {lang: {"gzip_kb": index_kb, "shared": False} for lang in LANGUAGES}}


def test_targets_pass_fail_and_skip():
    good = evaluate({1: _result(1, 30, 2, 500, 60, 40), 100: _result(100, 40, 3, 1500, 60, 40)})
    assert [v.outcome for v in good] == [PASS] * 5
    bad = evaluate({1: _result(1, 30, 80, 500, 160, 250), 100: _result(100, 50, 3, 3000, 60, 40)})
    assert [v.outcome for v in bad] == [FAIL] * 5
    only_small = evaluate({1: _result(1, 30, 2, 500, 60, 40)})
    assert [v.outcome for v in only_small] == [PASS, SKIP, SKIP, PASS, PASS]
