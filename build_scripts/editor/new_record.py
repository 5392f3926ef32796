"""`make new`: a new record file from a commented template with every field of its dataset.

The template is written from the dataset's JSON Schema, so it always has the fields, order,
descriptions and closed lists that validation uses. Required fields are filled with empty
placeholders that `make validate` points at until they are written; optional fields are
commented out, ready to be uncommented.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from ..core.languages import LANGUAGES
from ..core.problems import DataError, Problem
from ..data.datasets import DATASETS
from ..data.models import ID_HINT, ID_PATTERN
from ..data.schemas import header_line, schema_for

WIDTH = 96
# Localized texts: the keys a template offers (one per language). `official` and
# `source_hash` are explained in the header; `source_hash` is written by `make translated`,
# never by hand.
LOCALIZED_KEYS = LANGUAGES
# The model's texts in the three languages (data/models.py).
LOCALIZED = ("Localized", "SourceWording")

HEADER = """\
# A new {dataset} record. Fill in every field that is not commented out (uncomment the
# optional ones you need), then run `make validate`: it lists what is still empty. `make serve`
# shows the page. Texts come in three languages:
#   en is required; zh and ru may be left out while their translation is pending.
#   editorial: [zh, ru] marks versions that are this publication's translation of a source's
#   or an official wording; official: [zh] marks an official text or a standard name.
#   Once a translation is written and checked, record it with
#   make translated FILE={path} TRANSLATION=zh
# Every fact needs an entry under `sources`: the reference, its section and, where the page
# quotes it, the source's words verbatim. CONTRIBUTING.md walks through an example.
"""


def _comment(text: str, indent: str) -> list[str]:
    return textwrap.wrap(
        text, WIDTH - len(indent) - 2, initial_indent=f"{indent}# ", subsequent_indent=f"{indent}# "
    )


def _resolve(schema: dict, node: dict) -> tuple[dict, bool]:
    """The node a property stands for, and whether null is allowed."""
    nullable = False
    if "anyOf" in node:
        options = [o for o in node["anyOf"] if o.get("type") != "null"]
        nullable = len(options) < len(node["anyOf"])
        node = {**options[0], **{k: v for k, v in node.items() if k != "anyOf"}}
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        # The definition's own description is about the type; the field's says what it holds.
        definition = {k: v for k, v in schema["$defs"][name].items() if k != "description"}
        node = {**definition, "x-def": name, **{k: v for k, v in node.items() if k != "$ref"}}
    return node, nullable


def _about(node: dict) -> str:
    words = node.get("description") or ""
    if "enum" in node:
        words += (" " if words else "") + "One of: " + ", ".join(node["enum"]) + "."
    if node.get("x-refers-to") and "items" not in node:
        words = words or f"The id of a record in data/{node['x-refers-to']}/."
    return words


def _localized_lines(indent: str) -> list[str]:
    return [f'{indent}{lang}: ""' for lang in LOCALIZED_KEYS] + [f"{indent}editorial: []"]


def _value_lines(schema: dict, node: dict, key: str, indent: str) -> list[str]:
    """`key: <placeholder>` (and the lines under it) for one field."""
    if node.get("x-def") in LOCALIZED:
        return [f"{indent}{key}:"] + _localized_lines(indent + "  ")
    kind = node.get("type")
    if kind == "array":
        item, _ = _resolve(schema, node["items"])
        if item.get("x-def") in LOCALIZED:
            inner = _localized_lines(indent + "  ")
        elif item.get("type") == "object":
            inner = _object_lines(schema, item, indent + "  ")
        elif node.get("minItems"):
            return [f"{indent}{key}:", f'{indent}- ""']
        else:
            return [f"{indent}{key}: []"]
        return [f"{indent}{key}:"] + _list_item(inner, indent)
    if kind == "object" and "properties" in node:
        return [f"{indent}{key}:"] + _object_lines(schema, node, indent + "  ")
    if kind == "object" and "propertyNames" in node:
        # A mapping keyed by language (a person's name in each script).
        value, _ = _resolve(schema, node["additionalProperties"])
        keys = {name: value for name in node["propertyNames"]["enum"]}
        return [f"{indent}{key}:"] + _object_lines(
            schema, {"properties": keys, "required": list(keys)}, indent + "  "
        )
    if kind in ("integer", "number", "boolean"):
        return [f"{indent}{key}: null"]
    return [f'{indent}{key}: ""']


def _object_lines(schema: dict, node: dict, indent: str) -> list[str]:
    lines: list[str] = []
    required = set(node.get("required", []))
    for key, prop in node["properties"].items():
        child, _nullable = _resolve(schema, prop)
        about = _about({**child, **{k: v for k, v in prop.items() if k == "description"}})
        field = _value_lines(schema, child, key, indent)
        if key in required:
            lines += _comment(about, indent) + field
        else:
            lines += _comment(f"Optional. {about}".strip(), indent)
            lines += [f"{indent}# {line[len(indent) :]}" for line in field]
    return lines


def _list_item(lines: list[str], indent: str) -> list[str]:
    """Turn the lines of an object into one list item, `- ` on its first field (the first
    optional one, uncommented, when every field is optional)."""
    for i, line in enumerate(lines):
        if not line.lstrip().startswith("#"):
            return lines[:i] + [f"{indent}- {line[len(indent) + 2 :]}"] + lines[i + 1 :]
    for i, line in enumerate(lines):
        if re.match(r"# [\w-]+:", line[len(indent) + 2 :]):
            return lines[:i] + [f"{indent}- {line[len(indent) + 4 :]}"] + lines[i + 1 :]
    return lines


def render(dataset: str, record_id: str) -> str:
    schema = schema_for(dataset)
    path = f"data/{dataset}/{record_id}.yml"
    out = [header_line(dataset), f"id: {record_id}"]
    out += HEADER.format(dataset=dataset, path=path).split("\n")  # ends with a blank line
    body = {
        **schema,
        "properties": {k: v for k, v in schema["properties"].items() if k not in ("id", "sources")},
    }
    out += _object_lines(schema, body, "")
    # Sources last: the place an editor checks before opening the pull request.
    sources = {"properties": {"sources": schema["properties"]["sources"]}, "required": ["sources"]}
    out += _object_lines(schema, sources, "")
    return "\n".join(out) + "\n"


def write_new(data_dir: Path, dataset: str, record_id: str) -> Path:
    path = data_dir / dataset / f"{record_id}.yml"
    shown = f"data/{dataset}/{record_id}.yml"
    problem = (
        Problem(shown, 1, 1, "TYPE", f"unknown dataset {dataset!r}; one of: {', '.join(DATASETS)}")
        if dataset not in DATASETS
        else Problem(shown, 1, 1, "ID", f"must be {ID_HINT}; got {record_id!r}")
        if not re.match(ID_PATTERN, record_id)
        else Problem(
            shown, 1, 1, "ID", "a record with this id already exists; edit it, or choose another id"
        )
        if path.exists()
        else None
    )
    if problem:
        raise DataError([problem], outcome="; no file was written.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(dataset, record_id), encoding="utf-8")
    return path
