"""What a page may read, and the notes of what it did read.

Every page is rendered from a `PageInputs`: the catalog's records, the interface strings, the
back-links and the bibliographies, each behind an accessor that notes the read as it returns
it. The views never see the raw catalog, so a read cannot go untracked: a new kind of input is
a new accessor here, and `RunInputs.digest` must know its digest or the manifest fails loudly.

A read is ("record", dataset, id) | ("dataset", name) | ("backlinks", dataset, id) |
("ui",) | ("terms",) | ("bibliography", lang) | ("bibliography", lang, id).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..biblio.citations import Formatted
from ..data.catalog import Catalog, Entry
from ..data.models import Record, Term
from .backlinks import Backlinks

Read = tuple[str, ...]


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def value_digest(value: Any) -> str:
    return _hash(repr(value))


@dataclass
class RunInputs:
    """What every page of one run reads from: the catalog, who points at whom, and each
    language's bibliography (`bibliographies`: lang -> entries in the style's order)."""

    catalog: Catalog
    backlinks: Backlinks
    bibliographies: dict[str, list[Formatted]]
    _known: dict[Read, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.bibliography_entries = {
            lang: {entry.id: entry for entry in entries}
            for lang, entries in self.bibliographies.items()
        }

    def for_page(self) -> PageInputs:
        return PageInputs(self, set())

    def digest(self, read: Read) -> str | None:
        """The present digest of a read (computed once per run); None: it no longer exists."""
        if read not in self._known:
            self._known[read] = self._compute(read)
        return self._known[read]

    def _compute(self, read: Read) -> str | None:
        kind, *key = read
        records = self.catalog.records
        if kind == "record":
            entry = records.get(key[0], {}).get(key[1])
            return entry.file.digest if entry is not None else None
        if kind == "dataset":
            entries = records.get(key[0], {})
            return _hash("\n".join(f"{i}:{e.file.digest}" for i, e in entries.items()))
        if kind == "backlinks":
            return _hash(repr(sorted(self.backlinks.to(*key).items())))
        if kind == "terms":
            return value_digest(self.catalog.terms)
        if kind == "ui":
            return value_digest(sorted(self.catalog.ui.items()))
        if kind == "bibliography" and len(key) == 1:
            return value_digest(self.bibliographies[key[0]])
        if kind == "bibliography":
            entry = self.bibliography_entries[key[0]].get(key[1])
            return value_digest(entry) if entry else None
        raise ValueError(f"unknown kind of read {read!r}")


class _Noting(Mapping):
    """A mapping that notes `read` whenever it is looked into."""

    def __init__(self, values: Mapping, reads: set[Read], read: Read):
        self._values, self._reads, self._read = values, reads, read

    def __getitem__(self, key):
        self._reads.add(self._read)
        return self._values[key]

    def __iter__(self) -> Iterator:
        self._reads.add(self._read)
        return iter(self._values)

    def __len__(self) -> int:
        self._reads.add(self._read)
        return len(self._values)


class _Datasets(Mapping):
    """catalog.records as a page sees it: taking a dataset notes it as read whole."""

    def __init__(self, records: dict, reads: set[Read]):
        self._records, self._reads = records, reads

    def __getitem__(self, dataset: str):
        self._reads.add(("dataset", dataset))
        return self._records[dataset]

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)


class PageInputs:
    """The inputs as one page sees them; `reads` is what it has read so far."""

    def __init__(self, run: RunInputs, reads: set[Read]):
        self._run, self.reads = run, reads
        self.records = _Datasets(run.catalog.records, reads)
        self.ui = _Noting(run.catalog.ui, reads, ("ui",))

    def get(self, dataset: str, record_id: str) -> Record:
        self.reads.add(("record", dataset, record_id))
        return self._run.catalog.get(dataset, record_id)

    def entries(self, dataset: str) -> list[Entry]:
        self.reads.add(("dataset", dataset))
        return self._run.catalog.entries(dataset)

    def sorted_entries(self, dataset: str) -> list[Entry]:
        self.reads.add(("dataset", dataset))
        return self._run.catalog.sorted_entries(dataset)

    def terms(self) -> list[Term]:
        self.reads.add(("terms",))
        return self._run.catalog.terms

    def backlinks_to(self, dataset: str, record_id: str) -> dict[str, list[tuple[str, str]]]:
        self.reads.add(("backlinks", dataset, record_id))
        return self._run.backlinks.to(dataset, record_id)

    def bibliography(self, lang: str) -> list[Formatted]:
        self.reads.add(("bibliography", lang))
        return self._run.bibliographies[lang]

    def bibliography_entry(self, lang: str, record_id: str) -> Formatted:
        self.reads.add(("bibliography", lang, record_id))
        return self._run.bibliography_entries[lang][record_id]
