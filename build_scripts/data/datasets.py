"""The datasets: the one registry of what the pipeline knows about each.

Order matters: it is the order of the home page, the navigation, the cross-link lists, the
downloads and the PDF edition. Each dataset names its model (the single source of truth for its
fields) and its page type: pages/templates/<page>.md.j2 and the view builder that pages/
registers for it. Adding a dataset is one entry here, one model, one template, one view.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Exchange, Indicator, Person, Record, Reference, Stage, Statement, Theme


@dataclass(frozen=True)
class Dataset:
    name: str  # the folder under data/ and the URL segment
    model: type[Record]
    page: str  # the page type of its records

    @property
    def template(self) -> str:
        return f"{self.page}.md.j2"


DATASET_LIST = (
    Dataset("stages", Stage, "stage"),
    Dataset("statements", Statement, "statement"),
    Dataset("exchanges", Exchange, "exchange"),
    Dataset("indicators", Indicator, "indicator"),
    Dataset("themes", Theme, "theme"),
    Dataset("people", Person, "person"),
    Dataset("references", Reference, "reference"),
)
DATASETS: dict[str, Dataset] = {dataset.name: dataset for dataset in DATASET_LIST}
DATASET_ORDER: tuple[str, ...] = tuple(DATASETS)
