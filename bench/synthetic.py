"""Synthetic but schema-valid data at `factor` times the real record count.

The rule: per dataset, factor x the real records. Copy 0 is the real data, file for file (so 1x
is exactly the real data); copies 1 .. factor-1 are clones of every real record with the id
`<id>-x0001`, `<id>-x0002`, ... Each copy is a world of its own: a clone points at the clones of
the same copy (its stage, themes, people, references, sources, key events), so a record page
keeps as many links and backlinks as its original and only the pages that list every record
(indexes, bibliography, home page) grow with the data, as they would with real data.

Clones vary a little, each language in its own language: titles carry the copy number
("variant 42", "变体42", "вариант 42") and texts of several sentences have them rotated. Order
numbers are shifted by whole strides so they stay unique (per group for themes), and the
fingerprints of translations are recomputed, so a translation that was current stays current.
Everything is seeded: the same seed and factor give the same files.
"""

from __future__ import annotations

import copy as copying
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from build_scripts.core import paths
from build_scripts.core.languages import LANGUAGES
from build_scripts.data.datasets import DATASETS
from build_scripts.data.load import read_yaml
from build_scripts.data.models import Localized, Record
from build_scripts.data.record_links import references_in
from build_scripts.data.translations import fingerprint, localized_in
from build_scripts.data.validate import UI_FILE, check_record

DEFAULT_SEED = 20240501
SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/{dataset}.schema.json\n"
TITLE_MARK = {"en": " (variant {n})", "zh": "（变体{n}）", "ru": " (вариант {n})"}
# A sentence ends at its stop when the next one starts with a capital, a digit or a quote (so
# "1917 г. культурные" or "e.g. the" stay whole).
SENTENCE_END = {
    "en": re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'«])"),
    "ru": re.compile(r"(?<=[.!?])\s+(?=[А-ЯЁA-Z0-9«“\"'])"),
    "zh": re.compile(r"(?<=[。！？])"),
}
JOIN = {"en": " ", "ru": " ", "zh": ""}
# Datasets whose `order` must be unique (within a theme's group): clones shift it by a stride.
ORDERED = ("stages", "themes")


def clone_id(record_id: str, copy: int) -> str:
    """The id of `record_id`'s clone in copy `copy` (copy 0 is the real record)."""
    return record_id if copy == 0 else f"{record_id}-x{copy:04d}"


def real_records(data_dir: Path = paths.DATA) -> dict[str, list[tuple[Path, dict, Record]]]:
    """Every real record, by dataset: (file, YAML value, validated record), by file name."""
    found: dict[str, list[tuple[Path, dict, Record]]] = {}
    for dataset in DATASETS:
        found[dataset] = []
        for path in sorted((data_dir / dataset).glob("*.yml")):
            loaded, problems = read_yaml(path, data_dir.parent)
            record, more = check_record(dataset, loaded) if not problems else (None, problems)
            if record is None:
                raise ValueError(f"{path}: the real data must be valid to be cloned: {more}")
            found[dataset].append((path, loaded.value, record))
    return found


def _at(value: Any, loc: tuple) -> Any:
    for part in loc:
        value = value[part]
    return value


def _set(value: Any, loc: tuple, new: Any) -> None:
    _at(value, loc[:-1])[loc[-1]] = new


def _rotated(text: str, lang: str, rng: random.Random) -> str:
    sentences = [s for s in SENTENCE_END[lang].split(text) if s.strip()]
    if len(sentences) < 2:
        return text
    turn = rng.randrange(1, len(sentences))
    return JOIN[lang].join(sentences[turn:] + sentences[:turn])


def _vary_text(raw: dict, value: Localized, is_title: bool, copy: int, rng: random.Random) -> None:
    """Vary each language of one text in place, then re-fingerprint current translations."""
    original = value.original
    was_current = {
        lang: recorded == fingerprint(value.get(original))
        for lang, recorded in value.source_hash.items()
    }
    for lang in LANGUAGES:
        if raw.get(lang) is None:
            continue
        raw[lang] = (
            raw[lang] + TITLE_MARK[lang].format(n=copy)
            if is_title
            else _rotated(raw[lang], lang, rng)
        )
    for lang, current in was_current.items():
        if current:
            raw["source_hash"][lang] = fingerprint(raw[original])


def strides(records: dict[str, list[tuple[Path, dict, Record]]]) -> dict[str, int]:
    """How far each copy shifts `order`: the largest real order of the dataset."""
    return {
        dataset: max(record.order for _p, _v, record in records[dataset])
        for dataset in ORDERED
        if records.get(dataset)
    }


def clone(value: dict, record: Record, copy: int, stride: int | None, rng: random.Random) -> dict:
    """Copy `copy` of a real record: new id, references into the same copy, varied texts."""
    raw = copying.deepcopy(value)
    raw["id"] = clone_id(record.id, copy)
    if raw.get("former_ids"):  # a copy's former addresses are its own
        raw["former_ids"] = [clone_id(former, copy) for former in record.former_ids]
    for loc, _dataset, target in references_in(record):
        _set(raw, loc, clone_id(target, copy))
    for loc, text in localized_in(record):
        _vary_text(_at(raw, loc), text, bool(loc) and loc[-1] == "title", copy, rng)
    if stride is not None:
        raw["order"] = record.order + copy * stride
    return raw


def record_text(dataset: str, value: dict) -> str:
    """A record file's content: the schema line, then the fields in their order."""
    body = yaml.safe_dump(
        value, allow_unicode=True, sort_keys=False, width=10**9, default_flow_style=False
    )
    return SCHEMA_LINE.format(dataset=dataset) + body


def write_record(folder: Path, dataset: str, value: dict) -> Path:
    path = folder / f"{value['id']}.yml"
    path.write_text(record_text(dataset, value), encoding="utf-8")
    return path


def write_synthetic_data(
    target: Path, factor: int, seed: int = DEFAULT_SEED, source: Path = paths.DATA
) -> dict[str, int]:
    """Write a complete data/ tree at `target` (which must not exist yet) with `factor` x the
    records of `source`; return the number of records per dataset."""
    if factor < 1:
        raise ValueError(f"the factor must be 1 or more; got {factor}")
    records = real_records(source)
    shifts = strides(records)
    target.mkdir(parents=True)
    shutil.copyfile(source / UI_FILE, target / UI_FILE)
    counts: dict[str, int] = {}
    for dataset, entries in records.items():
        folder = target / dataset
        folder.mkdir()
        for path, value, record in entries:
            shutil.copyfile(path, folder / path.name)
            for copy in range(1, factor):
                rng = random.Random(f"{seed}:{dataset}:{record.id}:{copy}")
                write_record(folder, dataset, clone(value, record, copy, shifts.get(dataset), rng))
        counts[dataset] = len(entries) * factor
    return counts
