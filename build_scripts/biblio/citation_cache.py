"""A content-addressed cache of formatted citations, kept between builds (<cache>/citations/).

Starting citeproc-js and parsing a style costs about a second per language, and formatting
costs a few milliseconds per item: without a cache every build pays that for every page. An
entry's key is a SHA-256 of everything its text depends on (the items, the style, the
locales, the processor's version, cite.js and the Node.js binary), so a stale entry can never
be served: a changed input is a new key. Formatting an item "separately" does not depend on
the other items, so those are cached item by item and a one-record edit formats one item; a
bibliography is cached as a whole (its order and year suffixes depend on every item).

One JSON file per language (core/keyed_cache.py). After a run it holds what the run used plus
what it held before, unless that is more than twice what the run used, when it keeps only what
the run used. CITATION_CACHE=off turns the cache off; CITATION_CACHE=<folder> moves it
(core/settings.py). `make clean` removes it.
"""

from __future__ import annotations

import hashlib
import shutil
from functools import lru_cache
from pathlib import Path

from ..core.keyed_cache import KeyedCache

# Below this many entries a cache file is never pruned (tests format a handful of items).
KEEP_AT_LEAST = 1000


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


def cache_file(folder: Path | None, lang: str) -> Path | None:
    return None if folder is None else folder / f"{lang}.json"


class CitationCache(KeyedCache):
    """The entries of one language: key -> list of formatted entries ({id, html, text})."""

    def __init__(self, folder: Path | None, lang: str):
        super().__init__(
            cache_file(folder, lang), as_json=True, keep_unused=True, keep_at_least=KEEP_AT_LEAST
        )
