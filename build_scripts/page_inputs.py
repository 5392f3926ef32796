"""What each generated page read, so that a run renders only the pages whose inputs changed.

A page is made of records (its own, those it links to, those that point at it) and of what every
page shares: the pipeline's code and templates, the interface strings, the pins, the citation
processor, the site address and the build date (the run's *fingerprint*). While a page is
rendered, the catalog it is given (`TrackedCatalog`) notes each record it reads, each dataset it
reads whole (an index page, the timeline) and each derived value it uses: the records that point
at a record (`TrackedBacklinks`), a bibliography entry. The manifest (.cache/pages-*.pickle
beside the docs folder, one per data and docs folder) keeps, for every page, what it read, and
for every read its digest (a record's: the SHA-256 of its file).

On the next run, under the same fingerprint, a page is kept as it is on disk when none of its
reads has a new digest and its file is as generation left it (size and modification time);
every other page is rendered again. A changed fingerprint, a damaged manifest or
PAGE_MANIFEST=off renders every page, as a first run does.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from . import citations
from .cache_files import code_digest, read_pickle, write_pickle
from .paths import ROOT

# Under the folder that holds docs/: the repository, a test's or a benchmark's work folder.
CACHE_FOLDER = Path(".cache")
# Files outside data/ and the pipeline whose content generation reads or whose pins decide
# what the citation processor prints.
PINS = ("CITATION.cff", "requirements.txt", "package-lock.json")

Read = tuple[str, ...]  # ("record", dataset, id) | ("dataset", name) | ("backlinks", dataset, id)
#                         | ("value", name, *key)


class Reads:
    """What one page read."""

    def __init__(self) -> None:
        self.items: set[Read] = set()

    def note(self, *read: str) -> None:
        self.items.add(read)


class _DatasetsRead(Mapping):
    """catalog.records as a page sees it: taking a dataset notes it as read whole."""

    def __init__(self, records: dict, reads: Reads):
        self._records, self._reads = records, reads

    def __getitem__(self, dataset: str):
        self._reads.note("dataset", dataset)
        return self._records[dataset]

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)


class TrackedCatalog:
    """The catalog as one page sees it (the same methods), noting what the page reads."""

    def __init__(self, catalog, reads: Reads):
        self._catalog, self.reads = catalog, reads
        self.ui = catalog.ui  # part of the fingerprint
        self.records = _DatasetsRead(catalog.records, reads)

    def get(self, dataset: str, record_id: str):
        self.reads.note("record", dataset, record_id)
        return self._catalog.get(dataset, record_id)

    def entries(self, dataset: str):
        self.reads.note("dataset", dataset)
        return self._catalog.entries(dataset)


class TrackedBacklinks:
    def __init__(self, backlinks, reads: Reads):
        self._backlinks, self._reads = backlinks, reads

    def to(self, dataset: str, record_id: str):
        self._reads.note("backlinks", dataset, record_id)
        return self._backlinks.to(dataset, record_id)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Digests:
    """The current digest of any read, computed once per run. `values`: for a derived value's
    name, a function of its key that returns its digest."""

    def __init__(self, catalog, backlinks, values: dict[str, Callable[..., str | None]]):
        self._catalog, self._backlinks, self._values = catalog, backlinks, values
        self._known: dict[Read, str | None] = {}

    def of(self, read: Read) -> str | None:
        if read not in self._known:
            self._known[read] = self._compute(read)
        return self._known[read]

    def _compute(self, read: Read) -> str | None:
        kind, *key = read
        records = self._catalog.records
        if kind == "record":
            entry = records.get(key[0], {}).get(key[1])
            return entry.file.digest if entry is not None else None
        if kind == "dataset":
            entries = records.get(key[0], {})
            return _hash("\n".join(f"{i}:{e.file.digest}" for i, e in entries.items()))
        if kind == "backlinks":
            return _hash(repr(sorted(self._backlinks.to(*key).items())))
        if kind == "value":
            return self._values[key[0]](*key[1:])
        raise ValueError(f"unknown kind of read {read!r}")


def fingerprint(data: Path, docs: Path, settings: dict[str, str]) -> str:
    """SHA-256 of what every page depends on: the interface strings, the pipeline (code and
    templates), the pins, the processor's files and the `settings` (site address, date)."""
    digest = hashlib.sha256()
    digest.update(json.dumps([str(data), str(docs), settings], sort_keys=True).encode())
    ui = data / "ui.yml"
    if ui.is_file():
        digest.update(b"\0ui.yml\0" + ui.read_bytes())
    digest.update(code_digest(("*.py", "*.j2", "*.js")).encode())
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
        found = {path for lang in citations.STYLES for path in citations.processor_files(lang)}
    except citations.CitationProcessorMissing:
        return []
    return [Path(node), *sorted(p for p in found if p.exists())] if node else []


def _file_state(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


class Manifest:
    """Per page (its path under docs/, as text): the ids of its reads and its file's state."""

    def __init__(self, data: Path, docs: Path, run_fingerprint: str):
        self.fingerprint = run_fingerprint
        self.docs = docs
        where = _hash(f"{data.resolve()}\0{docs.resolve()}")[:16]
        self.path = (None if os.environ.get("PAGE_MANIFEST") == "off"
                     else docs.parent / CACHE_FOLDER / f"pages-{where}.pickle")
        self.pages: dict[str, tuple[tuple[int, ...], tuple[int, int]]] = {}
        self.names: list[Read] = []
        self.digests: list[str | None] = []
        self._changed: set[int] | None = None
        stored = read_pickle(self.path)
        if isinstance(stored, dict) and stored.get("fingerprint") == run_fingerprint:
            self.pages, self.names = stored["pages"], stored["names"]
            self.digests = stored["digests"]

    def current(self, page: str, digests: Digests) -> bool:
        """Whether the page on disk is what rendering it now would write."""
        stored = self.pages.get(page)
        if stored is None:
            return False
        if self._changed is None:
            self._changed = {number for number, (read, digest) in
                             enumerate(zip(self.names, self.digests))
                             if digests.of(read) != digest}
        reads, state = stored
        return self._changed.isdisjoint(reads) and _file_state(self.docs / page) == state

    def forget(self) -> None:
        """Before pages are written: an interrupted run must not leave a manifest that vouches
        for them."""
        if self.path is not None:
            self.path.unlink(missing_ok=True)

    def save(self, kept: list[str], rendered: dict[str, set[Read]], digests: Digests) -> None:
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
        write_pickle(self.path, {"fingerprint": self.fingerprint, "pages": pages,
                                 "names": names, "digests": [digests.of(read) for read in names]})


def value_digest(value: Any) -> str:
    return _hash(repr(value))
