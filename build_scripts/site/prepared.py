"""What the parallel build hands to each language's `mkdocs build`: the catalog it validated
and the About pages' example citations, made once (parallel_build.py). A language's build that
is given this file (BUILD_PREPARED, core/settings.py) generates nothing, starts no citation
processor and reads no record file: the pages are already in the pages folder."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path

from ..data.catalog import Catalog


@dataclass(frozen=True)
class Prepared:
    catalog: Catalog
    how_to_cite: dict[str, str]  # language -> About's example citation (HTML)

    # Streamed to and from the file: the pickle is never held whole beside the catalog.
    def save(self, path: Path) -> None:
        partial = path.with_suffix(".tmp")
        with partial.open("wb") as file:
            pickle.dump(self, file, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)

    @staticmethod
    def load(path: Path) -> Prepared:
        with path.open("rb") as file:
            return pickle.load(file)
