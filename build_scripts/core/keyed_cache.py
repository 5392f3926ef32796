"""The one kind of build cache: entries by content key, in one file, kept between runs.

An entry's key is a digest of everything its value depends on, so a changed input is a new key
and never a stale hit. A whole file is dropped when its `stamp` (the digest of the code and
libraries that made it) is not the present one. Files are written whole or not at all (a
concurrent run reads the old file or the new one) and read as empty when missing or damaged:
a cache is only ever a faster run. Every cache lives under the one cache folder
(`settings.cache_folder`); `None` as the path turns a cache off.

After a run a file holds the entries that run used, plus, with `keep_unused`, those it held
before, until those are more than twice what the run used (and more than `keep_at_least`), so
that no file grows without bound as records change.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from functools import cache
from pathlib import Path
from typing import Any

CODE = Path(__file__).resolve().parent.parent


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file: a concurrent run reads the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


def write_pickle(path: Path, value: Any) -> None:
    write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def read_pickle(path: Path | None) -> Any | None:
    """What write_pickle stored, or None (no file, a damaged or foreign one: only a slower
    run). A cache is written and read only by this pipeline, like Python's __pycache__."""
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except Exception:  # noqa: BLE001
        return None


@cache
def code_digest(patterns: tuple[str, ...]) -> str:
    """SHA-256 of the pipeline's files (build_scripts/) that match the glob `patterns`."""
    digest = hashlib.sha256()
    for pattern in patterns:
        for path in sorted(CODE.rglob(pattern)):
            digest.update(f"\0{path.relative_to(CODE)}\0".encode() + path.read_bytes())
    return digest.hexdigest()


def content_key(*parts: Any) -> str:
    """A SHA-256 of JSON-serialisable parts: the key of an entry that depends on them."""
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class KeyedCache:
    """One cache file. `as_json`: stored as JSON (portable, for plain values), else pickled."""

    def __init__(
        self,
        path: Path | None,
        stamp: str = "",
        as_json: bool = False,
        keep_unused: bool = False,
        keep_at_least: int = 0,
    ):
        self.path, self.stamp, self.as_json = path, stamp, as_json
        self.keep_unused, self.keep_at_least = keep_unused, keep_at_least
        self.entries: dict[str, Any] = {}
        self.used: set[str] = set()
        self.added = False
        stored = self._read()
        if isinstance(stored, dict) and stored.get("stamp") == stamp:
            entries = stored.get("entries")
            self.entries = entries if isinstance(entries, dict) else {}

    def _read(self) -> Any:
        if self.path is None or not self.as_json:
            return read_pickle(self.path)
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # a missing or damaged cache is only a slower build

    @property
    def is_empty(self) -> bool:
        return not self.entries

    def get(self, key: str) -> Any | None:
        found = self.entries.get(key)
        if found is not None:
            self.used.add(key)
        return found

    def put(self, key: str, value: Any) -> None:
        self.entries[key] = value
        self.used.add(key)
        self.added = True

    def save(self) -> None:
        """Write the file when this run changed what it should hold."""
        if self.path is None:
            return
        outgrown = len(self.entries) > max(2 * len(self.used), self.keep_at_least)
        prune = len(self.used) != len(self.entries) and (outgrown or not self.keep_unused)
        if not (self.added or prune):
            return
        kept = {k: v for k, v in self.entries.items() if k in self.used} if prune else self.entries
        document = {"stamp": self.stamp, "entries": kept}
        if self.as_json:
            text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
            write_atomic(self.path, text.encode("utf-8"))
        else:
            write_pickle(self.path, document)
