"""The validated data: every record by dataset and id, with the file it came from, and the
interface strings."""

from __future__ import annotations

from dataclasses import dataclass, field

from .load import LoadedFile
from .models import Record, Term


@dataclass(frozen=True)
class Entry:
    dataset: str
    id: str
    record: Record
    file: LoadedFile


@dataclass
class Catalog:
    """All validated records, by dataset and id, plus the interface strings."""

    records: dict[str, dict[str, Entry]]
    ui: dict[str, dict[str, str]]
    terms: list[Term] = field(default_factory=list)  # data/terms.yml, in its order

    def get(self, dataset: str, record_id: str) -> Record:
        return self.records[dataset][record_id].record

    def entries(self, dataset: str) -> list[Entry]:
        return list(self.records[dataset].values())

    def sorted_entries(self, dataset: str) -> list[Entry]:
        """A dataset's records in the order its index lists them."""
        return sorted(self.entries(dataset), key=lambda entry: entry.record.sort_key(entry.id))
