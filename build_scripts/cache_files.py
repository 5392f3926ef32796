"""The files of the build caches (.cache/): written whole or not at all, read as nothing when
missing or damaged, and the digest of the pipeline's own files that says whether a cache was
made by this code."""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

CODE = Path(__file__).resolve().parent


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


@lru_cache(maxsize=None)
def code_digest(patterns: tuple[str, ...]) -> str:
    """SHA-256 of the pipeline's files (build_scripts/) that match the glob `patterns`."""
    digest = hashlib.sha256()
    for pattern in patterns:
        for path in sorted(CODE.rglob(pattern)):
            digest.update(f"\0{path.relative_to(CODE)}\0".encode() + path.read_bytes())
    return digest.hexdigest()
