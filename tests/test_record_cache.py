"""Validation takes a record that passed before, byte for byte, from the record cache: the same
record and the same positions, so every problem is still reported at its line and column, and
an edited file is always read and checked again."""

from __future__ import annotations

import pickle

import pytest

from build_scripts.data import record_cache
from build_scripts.data.validate import validate

from .conftest import edit

STATEMENT = "statements/statement-fixture-a.yml"
BROKEN_STAGE = ("stage: stage-fixture-one", "stage: stage-fixture-onee")
BROKEN_STAGE_PROBLEM = (
    f"data/{STATEMENT}:22:8: stage: no record data/stages/stage-fixture-onee"
    ".yml; did you mean 'stage-fixture-one'?"
)


@pytest.fixture
def cache_file(data_copy, monkeypatch):
    """The statements' cache file, beside the data folder (the test's own)."""
    monkeypatch.delenv("RECORD_CACHE", raising=False)
    return record_cache.cache_file(data_copy, "statements")


def cached_entries(path) -> int:
    with path.open("rb") as stream:
        return len(pickle.load(stream)["entries"])


def test_cached_records_equal_fresh_ones_and_keep_their_positions(data_copy, cache_file):
    edit(data_copy / STATEMENT, *BROKEN_STAGE)  # passes on its own; the rule across records fails
    fresh, fresh_problems = validate(data_copy, data_copy.parent)
    assert cached_entries(cache_file) == len(fresh.records["statements"])
    cached, cached_problems = validate(data_copy, data_copy.parent)
    assert (
        [str(p) for p in cached_problems]
        == [str(p) for p in fresh_problems]
        == [BROKEN_STAGE_PROBLEM]
    )
    for dataset, entries in fresh.records.items():
        for record_id, entry in entries.items():
            again = cached.records[dataset][record_id]
            assert again.record == entry.record
            assert again.file.positions == entry.file.positions
            assert again.file.digest == entry.file.digest != ""


def test_an_edited_file_is_checked_again(data_copy, cache_file):
    assert validate(data_copy, data_copy.parent)[1] == []
    edit(data_copy / STATEMENT, "date: ", "date: 2019-13-45 # ")
    problems = [str(p) for p in validate(data_copy, data_copy.parent)[1]]
    assert len(problems) == 1 and problems[0].startswith(f"data/{STATEMENT}:")
    assert "date" in problems[0]
    # The broken file is not cached: fixed again, it is read again and passes.
    edit(data_copy / STATEMENT, "date: 2019-13-45 # ", "date: ")
    assert validate(data_copy, data_copy.parent)[1] == []


def test_a_cache_from_other_code_is_not_used(data_copy, cache_file):
    validate(data_copy, data_copy.parent)
    with cache_file.open("rb") as stream:
        stored = pickle.load(stream)
    key = next(iter(stored["entries"]))
    stored["entries"][key] = record_cache.Cached({}, {}, {}, "not a record")
    stored["stamp"] = "another pipeline"
    with cache_file.open("wb") as stream:
        pickle.dump(stored, stream)
    catalog, problems = validate(data_copy, data_copy.parent)
    assert problems == []
    assert all(
        entry.record != "not a record"
        for entries in catalog.records.values()
        for entry in entries.values()
    )


def test_record_cache_off(data_copy, cache_file, monkeypatch):
    monkeypatch.setenv("RECORD_CACHE", "off")
    assert validate(data_copy, data_copy.parent)[1] == []
    assert not cache_file.exists()


def test_a_damaged_cache_file_is_only_a_slower_run(data_copy, cache_file):
    assert validate(data_copy, data_copy.parent)[1] == []
    cache_file.write_bytes(b"not a pickle")
    catalog, problems = validate(data_copy, data_copy.parent)
    assert problems == [] and "statement-fixture-a" in catalog.records["statements"]
    assert cached_entries(cache_file) == 1  # written again, whole
