"""Who points at whom: for every record, the records that name it (computed once per run)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..data.catalog import Catalog
from ..data.record_links import references_in


@dataclass
class Backlinks:
    by_target: dict[tuple[str, str], dict[str, list[tuple[str, str]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )

    @classmethod
    def of(cls, catalog: Catalog) -> Backlinks:
        links = cls()
        for dataset, entries in catalog.records.items():
            for record_id, entry in entries.items():
                seen = set()
                for _loc, target, target_id in references_in(entry.record):
                    key = (target, target_id, dataset, record_id)
                    if key in seen or (target, target_id) == (dataset, record_id):
                        continue
                    seen.add(key)
                    links.by_target[(target, target_id)][dataset].append((dataset, record_id))
        return links

    def to(self, dataset: str, record_id: str) -> dict[str, list[tuple[str, str]]]:
        return self.by_target.get((dataset, record_id), {})
