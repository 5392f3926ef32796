"""What each generated page read, so that a run renders only the pages whose inputs changed.

A page is made of records (its own, those it links to, those that point at it) and of what every
page shares: the pipeline's code and templates, the interface strings, the pins, the citation
processor, the site address and the build date (the run's *fingerprint*). While a page is
rendered, its `PageInputs` (inputs.py) notes each record it reads, each dataset it reads whole
(an index page, the timeline) and each derived value it uses: the records that point at a
record, a bibliography or one of its entries, the interface strings. The manifest
(<cache>/pages-*.pickle, one per data and docs folder) keeps, for every page, what it read,
and for every read its digest (a record's: the SHA-256 of its file).

On the next run, under the same fingerprint, a page is kept as it is on disk when none of its
reads has a new digest and its file is as generation left it (size and modification time);
every other page is rendered again. A changed fingerprint, a damaged manifest or
PAGE_MANIFEST=off renders every page, as a first run does.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from ..biblio import citations
from ..core.keyed_cache import code_digest, read_pickle, write_pickle
from ..core.paths import ROOT
from ..core.settings import cache_folder
from .inputs import Read

# Files outside data/ and the pipeline whose content generation reads or whose pins decide
# what the citation processor prints.
PINS = ("CITATION.cff", "requirements.txt", "package-lock.json")
Digest = Callable[[Read], "str | None"]


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(data: Path, docs: Path, settings: dict[str, str]) -> str:
    """SHA-256 of what every page depends on: the interface strings, the pipeline (code and
    templates), the pins, the processor's files and the `settings` (site address, date)."""
    digest = hashlib.sha256()
    digest.update(json.dumps([str(data), str(docs), settings], sort_keys=True).encode())
    ui = data / "ui.yml"
    if ui.is_file():
        digest.update(b"\0ui.yml\0" + ui.read_bytes())
    digest.update(code_digest(("*.py", "*.yml", "*.j2", "*.js")).encode())
    for name in PINS:
        path = ROOT / name
        if path.is_file():
            digest.update(f"\0{name}\0".encode() + path.read_bytes())
    for path in _processor_files():
        stat = path.stat()
        digest.update(f"\0{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _processor_files() -> list[Path]:
    """Node.js and the processor's files; none if something is missing (generation then runs
    and says what)."""
    node = shutil.which("node")
    try:
        found = citations.all_processor_files()
    except citations.CitationProcessorMissing:
        return []
    return [Path(node), *(p for p in found if p.exists())] if node else []


def _file_state(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


class Manifest:
    """Per page (its path under docs/, as text): the ids of its reads and its file's state."""

    def __init__(self, data: Path, docs: Path, run_fingerprint: str, enabled: bool = True):
        self.fingerprint = run_fingerprint
        self.docs = docs
        where = _hash(f"{data.resolve()}\0{docs.resolve()}")[:16]
        self.path = cache_folder(data) / f"pages-{where}.pickle" if enabled else None
        self.pages: dict[str, tuple[tuple[int, ...], tuple[int, int]]] = {}
        self.names: list[Read] = []
        self.digests: list[str | None] = []
        self._changed: set[int] | None = None
        stored = read_pickle(self.path)
        if isinstance(stored, dict) and stored.get("fingerprint") == run_fingerprint:
            self.pages, self.names = stored["pages"], stored["names"]
            self.digests = stored["digests"]

    def current(self, page: str, digest: Digest) -> bool:
        """Whether the page on disk is what rendering it now would write."""
        stored = self.pages.get(page)
        if stored is None:
            return False
        if self._changed is None:
            self._changed = {
                number
                for number, (read, known) in enumerate(zip(self.names, self.digests))
                if digest(read) != known
            }
        reads, state = stored
        return self._changed.isdisjoint(reads) and _file_state(self.docs / page) == state

    def forget(self) -> None:
        """Before pages are written: an interrupted run must not leave a manifest that vouches
        for them."""
        if self.path is not None:
            self.path.unlink(missing_ok=True)

    def save(self, kept: list[str], rendered: dict[str, set[Read]], digest: Digest) -> None:
        """The manifest after a run: the pages kept as they were, and the pages rendered with
        what they read; every read with its digest now."""
        if self.path is None:
            return
        numbers: dict[Read, int] = {}
        names: list[Read] = []

        def number(read: Read) -> int:
            if read not in numbers:
                numbers[read] = len(names)
                names.append(read)
            return numbers[read]

        pages = {}
        for page in kept:
            reads, state = self.pages[page]
            pages[page] = (tuple(number(self.names[n]) for n in reads), state)
        for page, reads in rendered.items():
            state = _file_state(self.docs / page)
            if state is not None:
                pages[page] = (tuple(number(read) for read in sorted(reads)), state)
        write_pickle(
            self.path,
            {
                "fingerprint": self.fingerprint,
                "pages": pages,
                "names": names,
                "digests": [digest(read) for read in names],
            },
        )
