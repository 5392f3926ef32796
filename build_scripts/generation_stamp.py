"""Skip page generation when nothing it depends on has changed since the last run.

`make site` runs generation inside the build; run again with the same data, templates, code,
site address, date and citation processor, it would write the same pages. The stamp
(.cache/generation.json) records a fingerprint of all those inputs and the size and
modification time of every page written. When both still match, the pages on disk are exactly
what generation would write, and rendering them again is skipped. Any change (a record, a
template, a generated file edited or deleted by hand) regenerates everything, as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from . import citations
from .paths import ROOT

STAMP = ROOT / ".cache" / "generation.json"
CODE = Path(__file__).resolve().parent
# Files outside data/ and the pipeline whose content generation reads or whose pins decide
# what the citation processor prints.
PINS = ("CITATION.cff", "requirements.txt", "package-lock.json")


def _identity(path: Path) -> str:
    stat = path.stat()
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def _processor_files() -> list[Path]:
    """Node.js, citeproc-js, the styles and locales, or none if something is missing (then
    generation runs and says what)."""
    node = shutil.which("node")
    try:
        found = [citations.NODE_MODULES / "citeproc" / "package.json",
                 *(citations.style_path(lang) for lang in citations.STYLES),
                 *citations.locale_paths().values()]
    except citations.CitationProcessorMissing:
        return []
    return [Path(node), *found] if node else []


def fingerprint(data: Path, docs: Path, settings: dict[str, str]) -> str:
    """SHA-256 of everything generation reads: the data, the pipeline (code and templates),
    the pins, the processor's files and the `settings` (site address, date, edition)."""
    digest = hashlib.sha256()
    digest.update(json.dumps([str(data), str(docs), settings], sort_keys=True).encode())
    for folder, pattern in ((data, "*"), (CODE, "*.py"), (CODE, "*.j2"), (CODE, "*.js")):
        for path in sorted(folder.rglob(pattern)):
            if path.is_file():
                digest.update(f"\0{path.relative_to(folder)}\0".encode())
                digest.update(path.read_bytes())
    for name in PINS:
        path = ROOT / name
        if path.is_file():
            digest.update(f"\0{name}\0".encode() + path.read_bytes())
    for path in _processor_files():
        if path.exists():
            digest.update(f"\0{_identity(path)}".encode())
    return digest.hexdigest()


def _pages_state(docs: Path, pages: list[str]) -> dict[str, list[int]] | None:
    state = {}
    for page in pages:
        try:
            stat = (docs / page).stat()
        except OSError:
            return None
        state[page] = [stat.st_size, stat.st_mtime_ns]
    return state


def unchanged(inputs: str, docs: Path, folders: tuple[str, ...]) -> int | None:
    """The number of generated pages if the stamp matches the inputs, every page on disk is
    as generation left it and the generated `folders` hold no other page; otherwise None."""
    try:
        stamp = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if stamp.get("inputs") != inputs:
        return None
    pages = stamp.get("pages", {})
    on_disk = {str(page.relative_to(docs))
               for name in folders for page in (docs / name).glob("*.md")}
    if on_disk != set(pages):
        return None  # a stray page that generation would remove, or one that is missing
    return len(pages) if _pages_state(docs, list(pages)) == pages else None


def record(inputs: str, docs: Path, pages: list[Path]) -> None:
    """Stamp the pages just generated."""
    state = _pages_state(docs, [str(page) for page in pages])
    if state is None:
        return
    STAMP.parent.mkdir(parents=True, exist_ok=True)
    temporary = STAMP.with_name(f"{STAMP.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps({"inputs": inputs, "pages": state}), encoding="utf-8")
    temporary.replace(STAMP)


def forget() -> None:
    STAMP.unlink(missing_ok=True)
