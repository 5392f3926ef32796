"""JSON Schema files for editors' IDEs, generated from the data model (never edited by hand)."""

from __future__ import annotations

import json

from ..core import paths
from .datasets import DATASETS


def schema_for(dataset: str) -> dict:
    model = DATASETS[dataset].model
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{dataset}.schema.json"
    return schema


def render_schema(dataset: str) -> str:
    return json.dumps(schema_for(dataset), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def header_line(dataset: str) -> str:
    """The first line of every record file: it ties the file to its schema in the editor."""
    return f"# yaml-language-server: $schema=../../schemas/{dataset}.schema.json"


def write_schemas(check: bool = False) -> list[str]:
    """Write (or, with check, only compare) every schema file; return the stale ones."""
    paths.SCHEMAS.mkdir(exist_ok=True)
    changed = []
    for dataset in DATASETS:
        path = paths.SCHEMAS / f"{dataset}.schema.json"
        text = render_schema(dataset)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            changed.append(path.name)
            if not check:
                path.write_text(text, encoding="utf-8")
    return changed
