"""The downloadable data under site/data/: every dataset as JSON and CSV, and the bibliography
as CSL-JSON, BibTeX and RIS. All are made from the same validated catalog as the pages, so a
download never disagrees with the site."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from ..biblio import bibtex, ris
from ..biblio.csl_json import reference_items
from ..data.catalog import Catalog
from ..data.datasets import DATASET_ORDER
from ..data.schemas import render_schema

LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"


def record_data(catalog: Catalog, dataset: str) -> list[dict[str, Any]]:
    """The records of a dataset as plain data, in id order, with every language; the id first
    and the sources last, as in the record files."""
    records = []
    for entry in sorted(catalog.entries(dataset), key=lambda entry: entry.id):
        data = entry.record.model_dump(mode="json", by_alias=True, exclude_none=True)
        data["sources"] = data.pop("sources")
        if not data.get("former_ids"):  # bookkeeping, and empty for almost every record
            data.pop("former_ids", None)
        records.append(data)
    return records


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """{'title': {'en': 'A'}, 'themes': ['x']} -> {'title.en': 'A', 'themes.0': 'x'}."""
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = ((str(i), v) for i, v in enumerate(value))
    else:
        return {prefix: value}
    flat: dict[str, Any] = {}
    for key, child in items:
        flat.update(flatten(child, f"{prefix}.{key}" if prefix else str(key)))
    return flat


def columns(rows: list[dict[str, Any]]) -> list[str]:
    """Every column that any row has, in the order the fields first appear."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def dataset_csv(records: list[dict[str, Any]]) -> str:
    rows = [flatten(record) for record in records]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(rows), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: json.dumps(v) if isinstance(v, bool) else v for k, v in row.items()})
    return out.getvalue()


def dataset_json(dataset: str, records: list[dict[str, Any]], version: str) -> str:
    document = {"dataset": dataset, "version": version, "licence": LICENCE,
                "schema": f"{dataset}.schema.json", "records": records}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def files(catalog: Catalog, version: str) -> dict[str, str]:
    """File name under site/data/ -> content."""
    out: dict[str, str] = {}
    for dataset in DATASET_ORDER:
        records = record_data(catalog, dataset)
        out[f"{dataset}.json"] = dataset_json(dataset, records, version)
        out[f"{dataset}.csv"] = dataset_csv(records)
        out[f"{dataset}.schema.json"] = render_schema(dataset)
    items = reference_items(catalog)
    out["references.csl.json"] = json.dumps(items, ensure_ascii=False, indent=1) + "\n"
    out["references.bib"] = bibtex.bibliography(items)
    out["references.ris"] = ris.records(items)
    return out


def write(catalog: Catalog, folder: Path, version: str) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    written = files(catalog, version)
    for name, text in written.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(written)
