"""The Data page: the downloads under /data/ and the codebook of their fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.edition import edition
from ..core.languages import url_prefix
from ..data.datasets import DATASET_ORDER
from .codebook import Field, codebook, kind_phrase
from .inputs import PageInputs

# The bibliography downloads: file name and format.
BIBLIOGRAPHY = (
    ("references.csl.json", "CSL-JSON"),
    ("references.bib", "BibTeX (biblatex)"),
    ("references.ris", "RIS"),
)


def _row(field: Field, ui: Callable[[str], str], lang: str) -> dict[str, Any]:
    """A codebook row in the page's language."""
    return {
        "name": field.name,
        "kind": kind_phrase(field.kind, ui, lang),
        "required": field.required,
        "description": field.description[lang],
    }


def data_page_view(inputs: PageInputs, lang: str) -> dict[str, Any]:
    # Relative path from the page (/data/ or /<lang>/data/) to the site root, where data/ is.
    root = "../" * (2 if url_prefix(lang) else 1)
    fields = codebook()
    from .generate import ui_strings  # generate imports this module

    ui = ui_strings(inputs.ui, lang)
    return {
        "dataset": "data",
        "id": None,
        "edition": edition(),
        "root": root,
        "datasets": [
            {
                "name": name,
                "count": len(inputs.records[name]),
                "fields": [_row(f, ui, lang) for f in fields[name]],
            }
            for name in DATASET_ORDER
        ],
        "bibliography": BIBLIOGRAPHY,
    }
