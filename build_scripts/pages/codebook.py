"""The codebook of the downloads: every field of every dataset, with its type and meaning,
read from the JSON Schema (so it can never disagree with validation)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..data.datasets import DATASETS
from ..data.schemas import schema_for


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    required: bool
    description: str


def _kind(schema: dict, node: dict) -> str:
    if "anyOf" in node:
        return " or ".join(_kind(schema, o) for o in node["anyOf"] if o.get("type") != "null")
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return "text in en, zh, ru" if name in ("Localized", "SourceWording") else name
    if "enum" in node:
        return "one of " + ", ".join(map(str, node["enum"]))
    if node.get("type") == "array":
        return f"list of {_kind(schema, node['items'])}"
    if node.get("type") == "object":
        return "object"
    return {
        "string": "text",
        "integer": "whole number",
        "number": "number",
        "boolean": "true/false",
    }.get(node.get("type", ""), node.get("type", ""))


def fields(dataset: str) -> list[Field]:
    schema = schema_for(dataset)
    required = set(schema.get("required", []))
    found = [
        Field(name, _kind(schema, node), name in required, node.get("description", ""))
        for name, node in schema["properties"].items()
    ]
    # As in the record files and the exports: the id first, the sources last.
    return sorted(found, key=lambda f: (f.name != "id", f.name == "sources"))


@cache  # a function of the data model only
def codebook() -> dict[str, list[Field]]:
    return {dataset: fields(dataset) for dataset in DATASETS}
