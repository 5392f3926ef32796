"""Validated records kept between runs, content-addressed, in .cache/records/<dataset>.pickle
beside the data folder (the repository's .cache/ for data/).

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
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .cache_files import code_digest, read_pickle, write_pickle

# Under the folder that holds data/: the repository, a test's or a benchmark's work folder.
FOLDER = Path(".cache") / "records"
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
    digest = hashlib.sha256(code_digest(("*.py",)).encode())
    for name in LIBRARIES:
        try:
            digest.update(f"\0{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"\0{name}=?".encode())
    return digest.hexdigest()


def key(dataset: str, shown_path: str, digest: str) -> str:
    return hashlib.sha256(f"{dataset}\0{shown_path}\0{digest}".encode()).hexdigest()


class RecordCache:
    """The cached records of one dataset."""

    def __init__(self, dataset: str, data_dir: Path):
        self.path = None if os.environ.get("RECORD_CACHE") == "off" else (
            data_dir.parent / FOLDER / f"{dataset}.pickle")
        self.entries: dict[str, Cached] = {}
        self.used: set[str] = set()
        self.added = False
        stored = read_pickle(self.path)
        if isinstance(stored, dict) and stored.get("code") == code_fingerprint():
            self.entries = stored["entries"]

    def get(self, entry_key: str) -> Cached | None:
        found = self.entries.get(entry_key)
        if found is not None:
            self.used.add(entry_key)
        return found

    def put(self, entry_key: str, entry: Cached) -> None:
        self.entries[entry_key] = entry
        self.used.add(entry_key)
        self.added = True

    def save(self) -> None:
        """Keep what this run used; write only when that differs from what is stored."""
        if self.path is None or (not self.added and len(self.used) == len(self.entries)):
            return
        kept = {k: v for k, v in self.entries.items() if k in self.used}
        write_pickle(self.path, {"code": code_fingerprint(), "entries": kept})
