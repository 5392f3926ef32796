"""The downloadable data under site/data/: every dataset as JSON (complete and lossless, as
validated) and CSV (what a reader opens in a spreadsheet), and the bibliography as CSL-JSON,
BibTeX and RIS. All are made from the same validated catalog as the pages, so a
download never disagrees with the site."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from ..biblio import bibtex, ris
from ..biblio.csl_json import reference_items
from ..core.formatting import full_name
from ..core.languages import LANGUAGES
from ..data.catalog import Catalog
from ..data.datasets import DATASET_ORDER
from ..data.schemas import render_schema, schema_for

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


# What a text carries beside its words: which translations are ours, the fingerprints of what
# they translate. The JSON keeps it; a reader's spreadsheet does not need it.
BOOKKEEPING = {"editorial", "official", "source_hash"}
# Fields the reader's CSV leaves to the JSON: old ids (redirects) and the spellings the search
# knows a record by (`aliases`).
NOT_FOR_READERS = {"former_ids", "aliases"}
# Several items in one cell: one per line (a spreadsheet shows the line breaks of a cell).
ITEM_SEPARATOR = "\n"


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and bool(value.keys() & set(LANGUAGES)) and (
        value.keys() <= set(LANGUAGES) | BOOKKEEPING
    )


def _has_text(value: Any) -> bool:
    if _is_text(value):
        return True
    if isinstance(value, dict):
        return any(_has_text(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_text(v) for v in value)
    return False


def cell(value: Any, lang: str | None = None, family_first: bool | None = None) -> str:
    """A field as a reader reads it in one language: a text's words, a list one item a line,
    an object's parts joined, whole amounts without a decimal point. A person's name is written
    as the language writes it (`family_first`: the record's family_name_first); a work's
    authors as a catalogue sorts them (family, given)."""
    if value is None:
        return ""
    if _is_text(value):
        return cell(value.get(lang), lang, family_first) if lang else ""
    if isinstance(value, list):
        return ITEM_SEPARATOR.join(cell(item, lang, family_first) for item in value)
    if isinstance(value, dict) and "family" in value:
        if family_first is not None and lang:
            return full_name(value["family"], value.get("given"), family_first, lang)
        return ", ".join(part for part in (value["family"], value.get("given")) if part)
    if isinstance(value, dict):
        parts = [cell(v, lang) for k, v in value.items() if k not in BOOKKEEPING]
        return " — ".join(part for part in parts if part)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def reader_columns(dataset: str, records: list[dict[str, Any]]) -> list[tuple[str, str, str | None]]:
    """(column, field, language) in a reader's order: the id, the title, then the fields as the
    data model orders them, the sources last; a field with text has a column per language."""
    fields = [name for name in schema_for(dataset)["properties"] if name not in NOT_FOR_READERS]
    fields.sort(key=lambda name: (name != "id", name not in ("title", "name"), name == "sources"))
    out = []
    for name in fields:
        values = [record[name] for record in records if name in record]
        if not values:
            continue
        if any(_has_text(value) for value in values):
            out += [(f"{name}_{lang}", name, lang) for lang in LANGUAGES]
        else:
            out.append((name, name, None))
    return out


def dataset_csv(dataset: str, records: list[dict[str, Any]]) -> str:
    """The dataset as a spreadsheet opens it: UTF-8 with a byte-order mark (without one, Excel
    reads Chinese and Russian as Latin-1), one row per record, a reader's columns."""
    layout = reader_columns(dataset, records)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column for column, _, _ in layout])
    for record in records:
        family_first = record.get("family_name_first")
        writer.writerow([cell(record.get(name), lang, family_first) for _, name, lang in layout])
    return "\ufeff" + out.getvalue()


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
        out[f"{dataset}.csv"] = dataset_csv(dataset, records)
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
