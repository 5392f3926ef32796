"""The Data page: the downloads under /data/ and the codebook of their fields."""

from __future__ import annotations

from typing import Any

from .codebook import codebook
from .edition import edition
from .languages import DEFAULT_LANGUAGE
from .validate import Catalog
from .views import DATASET_ORDER

# The bibliography downloads: file name and format.
BIBLIOGRAPHY = (("references.csl.json", "CSL-JSON"), ("references.bib", "BibTeX (biblatex)"),
                ("references.ris", "RIS"))


def data_page_view(catalog: Catalog, lang: str) -> dict[str, Any]:
    # Relative path from the page (/data/ or /<lang>/data/) to the site root, where data/ is.
    root = "../" if lang == DEFAULT_LANGUAGE else "../../"
    fields = codebook()
    return {
        "dataset": "data",
        "id": None,
        "edition": edition(),
        "root": root,
        "datasets": [{"name": name, "count": len(catalog.records[name]), "fields": fields[name]}
                     for name in DATASET_ORDER],
        "bibliography": BIBLIOGRAPHY,
    }
