"""A content-addressed cache of formatted citations, kept between builds in .cache/citations/.

Starting citeproc-js and parsing a style costs about a second per language, and formatting
costs a few milliseconds per item: without a cache every build pays that for every page. An
entry's key is a SHA-256 of everything its text depends on (the items, the style, the
locales, the processor's version, cite.js and the Node.js binary), so a stale entry can never
be served: a changed input is a new key. Formatting an item "separately" does not depend on
the other items, so those are cached item by item and a one-record edit formats one item; a
bibliography is cached as a whole (its order and year suffixes depend on every item).

One JSON file per language. After a run it holds what the run used plus what it held before,
unless that is more than twice what the run used, when it keeps only what the run used: the
file cannot grow without bound as records change. CITATION_CACHE=off turns the cache off;
CITATION_CACHE=<folder> moves it. `make clean` removes it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cache_files import write_atomic
from .paths import ROOT

DEFAULT_FOLDER = ROOT / ".cache" / "citations"
# Below this many entries a cache file is never pruned (tests format a handful of items).
KEEP_AT_LEAST = 1000


def folder() -> Path | None:
    """Where the cache lives, or None when CITATION_CACHE=off."""
    setting = os.environ.get("CITATION_CACHE", "")
    if setting == "off":
        return None
    return Path(setting) if setting else DEFAULT_FOLDER


def _file_identity(path: Path) -> str:
    stat = path.stat()
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


@lru_cache(maxsize=32)
def _digest_of(identity: str) -> str:
    """SHA-256 of a file's bytes, computed once per (path, size, mtime)."""
    path = Path(identity.rsplit(":", 2)[0])
    return hashlib.sha256(path.read_bytes()).hexdigest()


def processor_fingerprint(node: str, files: list[Path]) -> str:
    """What every entry of a language depends on besides its items: the Node.js binary (its
    ICU collates the bibliography), and the bytes of cite.js, citeproc-js, the style and the
    locales (`files`)."""
    parts = [_file_identity(Path(shutil.which(node) or node))]
    parts += [f"{path.name}:{_digest_of(_file_identity(path))}" for path in files]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def key(fingerprint: str, kind: str, items: Any) -> str:
    payload = json.dumps([fingerprint, kind, items], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def is_empty(lang: str) -> bool:
    """Whether the language has no cached citation (a first build): all will be formatted."""
    where = folder()
    return where is None or not (where / f"{lang}.json").is_file()


class CitationCache:
    """The entries of one language: key -> list of formatted entries ({id, html, text})."""

    def __init__(self, lang: str):
        self.path = None if folder() is None else folder() / f"{lang}.json"
        self.entries: dict[str, list[dict[str, str]]] = {}
        self.used: set[str] = set()
        self.added = False
        if self.path is not None and self.path.is_file():
            try:
                self.entries = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.entries = {}  # a damaged cache is only a slower build

    def get(self, entry_key: str) -> list[dict[str, str]] | None:
        found = self.entries.get(entry_key)
        if found is not None:
            self.used.add(entry_key)
        return found

    def put(self, entry_key: str, value: list[dict[str, str]]) -> None:
        self.entries[entry_key] = value
        self.used.add(entry_key)
        self.added = True

    def save(self) -> None:
        if self.path is None:
            return
        pruned = len(self.entries) > max(2 * len(self.used), KEEP_AT_LEAST)
        if not (self.added or pruned):
            return
        kept = ({k: v for k, v in self.entries.items() if k in self.used} if pruned
                else self.entries)
        write_atomic(self.path, json.dumps(kept, ensure_ascii=False,
                                           separators=(",", ":")).encode("utf-8"))
