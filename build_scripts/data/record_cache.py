"""Validated records kept between runs, content-addressed, in .cache/records/<dataset>.pickle
in the cache folder beside the data folder (core/settings.py).

Reading a record file (YAML with the line and column of every value) and checking it against
its model is most of what validation costs: some 1 ms a record. A file whose bytes, path and
dataset are those of a record that passed last time, checked by the same code and the same
pinned libraries, gives the same record and the same positions, so they are taken from the
cache. A file that had problems is never cached (it is read again and its problems reported
again), and the rules that span records (ids, references, sections, orders) always run on
every record. An entry's key is a SHA-256 of the file's bytes, its path and its dataset; the
whole cache is dropped when the pipeline's code or a library that parses or validates changes.

After a run each dataset's file holds what the run used, so deleted and edited records do not
pile up; a file is written again only when its dataset changed.
RECORD_CACHE=off turns it off; `make clean` removes it. It is a local build cache, written and
read only by this pipeline, like Python's own __pycache__.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ..core.keyed_cache import KeyedCache, code_digest
from ..core.settings import cache_folder

# The libraries whose behaviour decides what a record file parses and validates to.
LIBRARIES = ("PyYAML", "pydantic", "pydantic_core")


@dataclass(frozen=True)
class Cached:
    value: Any
    positions: dict
    keys: dict
    record: Any


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    digest = hashlib.sha256(code_digest(("*.py", "*.yml")).encode())
    for name in LIBRARIES:
        try:
            digest.update(f"\0{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"\0{name}=?".encode())
    return digest.hexdigest()


def key(dataset: str, shown_path: str, digest: str) -> str:
    return hashlib.sha256(f"{dataset}\0{shown_path}\0{digest}".encode()).hexdigest()


def cache_file(data_dir: Path, dataset: str) -> Path:
    return cache_folder(data_dir) / "records" / f"{dataset}.pickle"


class RecordCache(KeyedCache):
    """The cached records of one dataset: after a run, exactly those the run used."""

    def __init__(self, dataset: str, data_dir: Path, enabled: bool = True):
        super().__init__(
            cache_file(data_dir, dataset) if enabled else None, stamp=code_fingerprint()
        )
