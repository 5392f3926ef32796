"""The Data page: the downloads under /data/ and the codebook of their fields."""

from __future__ import annotations

from typing import Any

from ..core.edition import edition
from ..core.languages import url_prefix
from ..data.datasets import DATASET_ORDER
from .codebook import codebook
from .inputs import PageInputs

# The bibliography downloads: file name and format.
BIBLIOGRAPHY = (
    ("references.csl.json", "CSL-JSON"),
    ("references.bib", "BibTeX (biblatex)"),
    ("references.ris", "RIS"),
)


def data_page_view(inputs: PageInputs, lang: str) -> dict[str, Any]:
    # Relative path from the page (/data/ or /<lang>/data/) to the site root, where data/ is.
    root = "../" * (2 if url_prefix(lang) else 1)
    fields = codebook()
    return {
        "dataset": "data",
        "id": None,
        "edition": edition(),
        "root": root,
        "datasets": [
            {"name": name, "count": len(inputs.records[name]), "fields": fields[name]}
            for name in DATASET_ORDER
        ],
        "bibliography": BIBLIOGRAPHY,
    }
