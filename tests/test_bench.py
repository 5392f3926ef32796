"""The benchmark's synthetic data and its small parts (the benchmark itself is `make bench`)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.measure import shares
from bench.pagefind import pagefind_indexes, sent_bytes
from bench.process import CommandFailed, own_peak_kib, run_measured
from bench.report import SEARCH_COLUMNS, table
from bench.search_timing import fetched_files, transfer
from bench.site_size import assets_of, page_weight, search_indexes
from bench.synthetic import clone_id, write_synthetic_data
from bench.targets import FAIL, PASS, SKIP, evaluate
from build_scripts.core.languages import LANGUAGES
from build_scripts.core.settings import Settings
from build_scripts.data.datasets import DATASETS
from build_scripts.data.translations import OUTDATED, UNCHECKED
from build_scripts.data.validate import validate
from build_scripts.editor.translation_status import counts

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
            "".join(getattr(original.summary, lang).split())
        )
    assert copy.summary.en != original.summary.en


def test_orders_stay_unique(validated):
    catalog, _problems = validated
    stage_orders = [entry.record.order for entry in catalog.entries("stages")]
    assert len(set(stage_orders)) == len(stage_orders)
    theme_orders = [(e.record.group, e.record.order) for e in catalog.entries("themes")]
    assert len(set(theme_orders)) == len(theme_orders)


def test_translations_that_were_current_stay_current(validated):
    catalog, _problems = validated
    real, real_problems = validate(ROOT / "data", ROOT, Settings(record_cache=False))
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
    measured = run_measured([sys.executable, "-c", "x = b'x' * (64 * 1024 * 1024)"], tmp_path, {})
    assert measured.seconds > 0
    assert measured.peak_rss_mb >= 64
    with pytest.raises(CommandFailed, match="exited with 3"):
        run_measured([sys.executable, "-c", "raise SystemExit(3)"], tmp_path, {})


def test_the_largest_process_is_each_process_by_its_own_peak(tmp_path):
    child = "import time; y = b'y' * (16 * 1024 * 1024); time.sleep(1.0)"
    parent = (
        "import subprocess, sys; x = b'x' * (300 * 1024 * 1024); "
        f"subprocess.run([sys.executable, '-c', {child!r}], check=True)"
    )
    measured = run_measured([sys.executable, "-c", parent], tmp_path, {})
    assert 300 <= measured.largest_process_mb < 360, measured
    assert "subprocess" in measured.largest_process  # the parent's command, not the child's


def test_a_small_program_started_by_a_large_process_has_its_own_small_peak():
    """rusage reports a child as large as its parent was when it started (Linux carries the
    peak across fork and exec); its own peak (VmHWM) does not."""
    ballast = b"x" * (300 * 1024 * 1024)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(1.0)"])
    time.sleep(0.5)
    own_mib = own_peak_kib(child.pid) / 1024
    _pid, _status, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    assert len(ballast) and own_mib < 100 and usage.ru_maxrss / 1024 >= 300, (own_mib, usage)


def test_page_weight_counts_the_page_its_css_and_js_and_the_index(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "stages" / "x").mkdir(parents=True)
    (site / "search").mkdir()
    (site / "assets" / "a.css").write_text("body{}" * 1000, encoding="utf-8")
    (site / "assets" / "b.js").write_text("let x;" * 1000, encoding="utf-8")
    (site / "search" / "search_index.json").write_text("{}", encoding="utf-8")
    page = site / "stages" / "x" / "index.html"
    page.write_text(
        '<link rel="stylesheet" href="../../assets/a.css">'
        '<link rel="icon" href="../../assets/b.js">'
        '<script src="../../assets/b.js"></script><script src="/assets/b.js"></script>'
        '<script src="https://example.org/c.js"></script>'
        '<link rel="stylesheet" href="data:text/css,a{}">',
        encoding="utf-8",
    )
    assert assets_of(site, page) == [site / "assets" / "a.css", site / "assets" / "b.js"]
    indexes = search_indexes(site)
    assert [indexes[lang].shared for lang in LANGUAGES] == [False, True, True]
    weight = page_weight(site, page, indexes["en"])
    expected = (
        sum(
            len(gzip.compress(p.read_bytes(), 6))
            for p in (page, site / "assets" / "a.css", site / "assets" / "b.js")
        )
        / 1024
    )
    assert weight.own_kb == pytest.approx(expected, abs=0.1)
    assert weight.with_index_kb == pytest.approx(weight.own_kb + indexes["en"].gzip_kb, abs=0.1)


def _write(path: Path, data: bytes) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def _packed(text: str) -> bytes:
    """A file as Pagefind writes its index: gzip."""
    return gzip.compress(text.encode("utf-8"), mtime=0)


@pytest.fixture
def pagefind_site(tmp_path) -> Path:
    """Fake Pagefind indexes as the build writes them: English at the root with two pages and
    a filter, Chinese under zh/ with one page and its words."""
    site = tmp_path / "site"
    english, chinese = site / "pagefind", site / "zh" / "pagefind"
    _write(
        english / "pagefind-entry.json",
        b'{"version": "1.5.2", "languages": {"en": {"hash": "en_01", "page_count": 2}}}',
    )
    _write(english / "pagefind.en_01.pf_meta", _packed("m" * 3000))
    _write(english / "index" / "en_aaa0001.pf_index", _packed("i" * 5000))
    _write(english / "fragment" / "en_bbb0001.pf_fragment", _packed("first page " * 200))
    _write(english / "fragment" / "en_bbb0002.pf_fragment", _packed("second page " * 200))
    _write(english / "filter" / "en_ccc0001.pf_filter", _packed("f" * 100))
    _write(english / "pagefind.js", b"export const x = 1;" * 500)
    _write(english / "wasm.en.pagefind", _packed("w" * 8000))
    _write(
        chinese / "pagefind-entry.json",
        b'{"version": "1.5.2", "languages": {"cmn": {"hash": "cmn_02", "page_count": 1}}}',
    )
    _write(chinese / "pagefind.cmn_02.pf_meta", _packed("元" * 1000))
    _write(chinese / "index" / "cmn_aaa0002.pf_index", _packed("冰球" * 1000))
    _write(chinese / "fragment" / "cmn_bbb0003.pf_fragment", _packed("孔子学院" * 500))
    _write(chinese / "pagefind.js", b"export const x = 1;" * 500)
    _write(chinese / "chinese-words.json", '{"words": {"冰球": 3}}'.encode())
    _write(site / "search" / "search_index.json", b'{"config": {}, "docs": []}')
    _write(site / "assets" / "javascripts" / "workers" / "pagefind-search.js", b"//" * 900)
    _write(site / "ru" / "pagefind" / "pagefind-entry.json", b'{"languages": {}}')
    return site


def _files_kb(root: Path, names: list[str], read) -> float:
    return round(sum(read((root / name).read_bytes()) for name in names) / 1024, 1)


def test_pagefind_index_sizes_count_each_language_own_files(pagefind_site):
    english = [
        "pagefind.en_01.pf_meta",
        "index/en_aaa0001.pf_index",
        "fragment/en_bbb0001.pf_fragment",
        "fragment/en_bbb0002.pf_fragment",
        "filter/en_ccc0001.pf_filter",
    ]
    chinese = [
        "pagefind.cmn_02.pf_meta",
        "index/cmn_aaa0002.pf_index",
        "fragment/cmn_bbb0003.pf_fragment",
    ]
    indexes = pagefind_indexes(pagefind_site)
    assert list(indexes) == list(LANGUAGES)
    en, zh = indexes["en"], indexes["zh"]
    assert (en.pages, en.index_chunks, en.fragments) == (2, 1, 2)
    assert (zh.pages, zh.index_chunks, zh.fragments) == (1, 1, 1)
    # raw: decompressed; gzip: as stored, since Pagefind compressed the files itself
    assert en.raw_kb == round((3000 + 5000 + 11 * 200 + 12 * 200 + 100) / 1024, 1) == 12.4
    assert en.gzip_kb == _files_kb(pagefind_site / "pagefind", english, len)
    assert zh.raw_kb == round((3 * 1000 + 6 * 1000 + 12 * 500) / 1024, 1) == 14.6
    assert zh.gzip_kb == _files_kb(pagefind_site / "zh" / "pagefind", chinese, len)


def test_sent_bytes_gzips_text_and_leaves_pagefinds_own_gzip_alone():
    text = b"const pagefind = 1;" * 100
    assert sent_bytes(text) == len(gzip.compress(text, 6, mtime=0)) < len(text)
    packed = _packed("x" * 1000)
    assert sent_bytes(packed) == len(packed)


def test_a_first_query_counts_each_search_file_once(pagefind_site):
    base = "http://127.0.0.1:8000"
    urls = [
        f"{base}/zh/",
        f"{base}/assets/javascripts/workers/pagefind-search.js?index=zh%2F&language=cmn",
        f"{base}/search/search_index.json",
        f"{base}/zh/pagefind/pagefind.js",
        f"{base}/zh/pagefind/pagefind-entry.json?ts=17",
        f"{base}/zh/pagefind/chinese-words.json",
        f"{base}/zh/pagefind/pagefind.cmn_02.pf_meta",
        f"{base}/zh/pagefind/index/cmn_aaa0002.pf_index",
        f"{base}/zh/pagefind/fragment/cmn_bbb0003.pf_fragment",
        f"{base}/zh/pagefind/fragment/cmn_bbb0003.pf_fragment",
        f"{base}/zh/pagefind/fragment/cmn_missing.pf_fragment",
    ]
    files = fetched_files(pagefind_site, urls)
    names = [
        "assets/javascripts/workers/pagefind-search.js",
        "search/search_index.json",
        "zh/pagefind/pagefind.js",
        "zh/pagefind/pagefind-entry.json",
        "zh/pagefind/chinese-words.json",
        "zh/pagefind/pagefind.cmn_02.pf_meta",
        "zh/pagefind/index/cmn_aaa0002.pf_index",
        "zh/pagefind/fragment/cmn_bbb0003.pf_fragment",
    ]
    assert [f.relative_to(pagefind_site).as_posix() for f in files] == names
    sent = transfer(pagefind_site, files)
    assert sent["requests"] == 8 and (sent["index_chunks"], sent["fragments"]) == (1, 1)
    assert sent["gzip_kb"] == _files_kb(pagefind_site, names, sent_bytes)
    assert sent["index_gzip_kb"] == _files_kb(pagefind_site, names[5:], len)
    assert sent["gzip_kb"] < sent["raw_kb"]
    assert sent["index_languages"] == ["zh"]


def _timing(first: float, kb: float, hits: int, query: str, lang: str) -> dict:
    return {
        "first_ms": first,
        "warm_ms": 6.0,
        "first_query": {
            "query": query,
            "results": hits,
            "gzip_kb": kb,
            "requests": 14,
            "index_languages": [lang],
        },
    }


def _search(ms: float, kb: float, hits: int = 8) -> dict:
    return {
        "index": {"en": {"raw_kb": 2048.0}, "zh": {"raw_kb": 3072.0}, "ru": {"raw_kb": 4096.0}},
        "timing": {
            "en": _timing(ms, kb, 12, "festival", "en"),
            "zh": _timing(ms, kb, hits, "冰球", "zh"),
            "ru": _timing(ms, kb, 8, "хоккея", "ru"),
        },
    }


def _result(
    factor: int,
    ms: float,
    share: float,
    peak: float,
    record_kb: float,
    index_kb: float,
    search: dict | None = None,
) -> dict:
    step = {"seconds": 1.0, "peak_rss_mb": peak, "peak_tree_mb": peak}
    result = {
        "factor": factor,
        "build_ms_per_page": ms,
        "generation_percent_of_build": {"cold": share, "after_edit": share, "unchanged": share},
        "validate": step,
        "generate": step,
        "build": {**step, "generation_seconds": 0.1},
        "build_after_edit": {**step, "generation_seconds": 0.1},
        "build_unchanged": {**step, "generation_seconds": None},
        "records": 58,
        "html_pages": 207,
        "home_page": {"own_kb": 65.0, "with_index_kb": 98.0},
        "record_page": {
            "page": "stages/x/index.html",
            "own_kb": record_kb,
            "with_index_kb": record_kb + index_kb,
        },
        "search_index": {
            lang: {"gzip_kb": index_kb, "raw_kb": 1024.0 * factor, "shared": False}
            for lang in LANGUAGES
        },
    }
    if search:
        result["search"] = search
    return result


def test_targets_pass_fail_and_skip():
    good = evaluate(
        {
            1: _result(1, 30, 2, 500, 60, 40),
            100: _result(100, 40, 3, 1500, 60, 40, _search(180, 150)),
        }
    )
    assert [v.outcome for v in good][:7] == [PASS] * 7
    bad = evaluate(
        {
            1: _result(1, 30, 80, 500, 160, 250),
            100: _result(100, 50, 3, 3000, 60, 40, _search(320, 150)),
        }
    )
    assert [v.outcome for v in bad][:7] == [FAIL] * 7
    assert bad[6].detail == (
        "100x: en: 320 ms, 150 KB, 12 results for festival, zh: 320 ms, 150 KB, "
        "8 results for 冰球, ru: 320 ms, 150 KB, 8 results for хоккея"
    )
    too_heavy = evaluate({100: _result(100, 40, 3, 1500, 60, 40, _search(180, 260))})[6]
    assert too_heavy.outcome == FAIL
    only_small = evaluate({1: _result(1, 30, 2, 500, 60, 40, _search(120, 120))})
    assert [v.outcome for v in only_small][:7] == [PASS] * 3 + [SKIP, SKIP, PASS, SKIP]
    assert only_small[6].detail.startswith("needs factor 100 (1x: en: 120 ms, 120 KB")


def test_search_fails_where_a_language_finds_nothing_or_asks_another_index():
    verdict = evaluate({100: _result(100, 40, 3, 1500, 60, 40, _search(150, 150, hits=0))})[6]
    assert verdict.outcome == FAIL and "0 results for 冰球" in verdict.detail
    search = _search(150, 150)
    search["timing"]["ru"]["first_query"]["index_languages"] = ["en", "ru"]
    assert evaluate({100: _result(100, 40, 3, 1500, 60, 40, search)})[6].outcome == FAIL


def test_the_search_table_shows_each_languages_index_and_first_query():
    lines = table(
        [_result(1, 30, 2, 500, 60, 40, _search(126.4, 131.2)), _result(10, 30, 2, 500, 60, 40)],
        SEARCH_COLUMNS,
    ).splitlines()
    assert lines[1].split() == [
        "1x",
        "2.0/3.0/4.0",
        "126/6",
        "126/6",
        "126/6",
        "131/131/131",
        "14/14/14",
        "12/8/8",
    ]
    assert lines[2].split() == ["10x", "-", "-", "-", "-", "-"]


def test_generation_shares_are_each_builds_own():
    # Three builds of 100, 80 and 79 s, whose hooks spent 30, 2 and 0.5 s validating and
    # generating; a build whose hook said nothing has no share.
    builds = {
        "cold": {"seconds": 100.0, "generation_seconds": 30.0},
        "after_edit": {"seconds": 80.0, "generation_seconds": 2.0},
        "unchanged": {"seconds": 79.0, "generation_seconds": 0.5},
    }
    assert shares(builds, "generation_seconds") == {
        "cold": 30.0,
        "after_edit": 2.5,
        "unchanged": 0.6,
    }
    builds["cold"]["generation_seconds"] = None
    assert shares(builds, "generation_seconds")["cold"] is None


def test_each_generation_case_gets_its_own_verdict():
    result = _result(1, 30, 2, 500, 60, 40)
    result["generation_percent_of_build"] = {"cold": 28.0, "after_edit": 6.5, "unchanged": 1.2}
    verdicts = evaluate({1: result})[:3]
    assert [(v.target.split("(")[1], v.outcome, v.detail) for v in verdicts] == [
        ("nothing changed)", PASS, "1x: 1.2%"),
        ("one record edited)", FAIL, "1x: 6.5%"),
        ("first build, empty caches)", FAIL, "1x: 28.0%"),
    ]
    result["generation_percent_of_build"]["cold"] = 9.5  # the first build's limit is 10 %
    assert evaluate({1: result})[2].outcome == PASS


def _issue_15(result: dict, seconds: float, pdf: float, ratio: float, serve: dict | None) -> dict:
    """A result with the figures of issue 15's targets."""
    for step in ("build", "build_after_edit", "build_unchanged"):
        result[step] = {**result[step], "seconds": seconds, "pdf_seconds": pdf}
    result["pdf_percent_of_build"] = {
        case: round(100 * pdf / (seconds - pdf), 1) for case in ("cold", "after_edit", "unchanged")
    }
    result["parallel_to_sum"] = ratio
    result["records"] = 58 * result["factor"]
    if serve:
        result["serve"] = serve
    return result


def _verdicts(results: dict) -> dict[str, tuple[str, str]]:
    return {v.target: (v.outcome, v.detail) for v in evaluate(results)[7:]}


def test_issue_15_targets_pass_fail_and_skip():
    good = _verdicts(
        {
            1: _issue_15(
                _result(1, 30, 2, 500, 60, 40),
                4.0,
                0.2,
                0.7,
                {"rebuild_seconds": 1.1, "rebuilds_per_edit": 1},
            ),
            10: _issue_15(
                _result(10, 30, 2, 500, 60, 40),
                40.0,
                2.0,
                0.6,
                {"rebuild_seconds": 3.0, "rebuilds_per_edit": 1},
            ),
            100: _issue_15(_result(100, 30, 2, 700, 60, 40), 300.0, 20.0, 0.55, None),
        }
    )
    assert [outcome for outcome, _detail in good.values()] == [PASS] * 10, good
    assert good["warm `make site` at 1x (nothing changed, print edition included) < 6 s"] == (
        PASS,
        "1x: 4.0 s",
    )
    assert good["peak memory of any one build process at 100x < 800 MiB"][1] == (
        "1x: 500 MiB, 10x: 500 MiB, 100x: 700 MiB"
    )
    bad = _verdicts(
        {
            1: _issue_15(
                _result(1, 30, 2, 900, 60, 40),
                7.0,
                1.0,
                0.9,
                {"rebuild_seconds": 3.0, "rebuilds_per_edit": 2},
            ),
            100: _issue_15(_result(100, 30, 2, 900, 60, 40), 300.0, 200.0, 0.7, None),
        }
    )
    assert [outcome for outcome, _detail in bad.values()] == [FAIL] * 8 + [SKIP, FAIL], bad
    assert bad["`make serve`: exactly one rebuild per edit"] == (FAIL, "1x: 2")
    small = _verdicts({1: _issue_15(_result(1, 30, 2, 500, 60, 40), 4.0, 0.2, 0.7, None)})
    assert [outcome for outcome, _detail in small.values()] == [
        PASS,
        PASS,
        PASS,
        PASS,
        SKIP,
        SKIP,
        SKIP,
        SKIP,
        SKIP,
        SKIP,
    ]


def test_the_main_table_shows_the_three_builds():
    result = _result(1, 30, 2, 500, 60, 40)
    result["generation_percent_of_build"] = {"cold": 28.0, "after_edit": 6.5, "unchanged": 1.2}
    header, row = table([result]).splitlines()
    assert "build s/MB cold/edit/same" in header and "gen % cold/edit/same" in header
    assert row.split()[:9] == [
        "1x",
        "58",
        "207",
        "1.0/500",
        "1.0/500",
        "1.0/500",
        "1.0/500",
        "1.0/500",
        "0.1/0.1/-",
    ]
    assert "28.0/6.5/1.2" in row.split()
