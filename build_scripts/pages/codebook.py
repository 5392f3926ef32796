"""The codebook of the downloads: every field of every dataset, with its type and meaning.

The types are read from the JSON Schema (so they can never disagree with validation) as a
language-neutral `Kind`, which `kind_phrase` words in a page's language from the codebook's
interface strings (data/ui.yml `codebook_kind_*`, `codebook_object_*`). The meanings are the
readers' descriptions of build_scripts/data/field_descriptions.yml, not the schema's
descriptions, which are written for the maintainers who fill the fields in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from ..core.languages import LANGUAGES, language
from ..data.datasets import DATASETS
from ..data.field_descriptions import description
from ..data.field_descriptions import version as descriptions_version
from ..data.schemas import schema_for
from .render import escape_markdown

# The texts in every language (en, zh, ru and their marks), shown as one kind.
LOCALIZED = ("Localized", "SourceWording")
SCALARS = {"string": "text", "integer": "integer", "number": "number", "boolean": "boolean"}


@dataclass(frozen=True)
class Kind:
    """A field's type: `name` is text, date, address, integer, number, boolean, localized,
    enum, const, ref (`values` holds the dataset), list (`items`), object (`values` holds the
    class name, then its fields), per_language (`items` is the value of each language) or any
    (`options`)."""

    name: str
    values: tuple[str, ...] = ()
    items: Kind | None = None
    options: tuple[Kind, ...] = ()


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool
    description: dict[str, str]  # language -> the reader's description


def _kind(schema: dict, node: dict) -> Kind:
    if "anyOf" in node:
        options = tuple(_kind(schema, o) for o in node["anyOf"] if o.get("type") != "null")
        return options[0] if len(options) == 1 else Kind("any", options=options)
    if node.get("x-date"):
        return Kind("date")
    if node.get("format") == "uri":
        return Kind("address")
    if "x-refers-to" in node:
        ref = Kind("ref", (node["x-refers-to"],))
        return Kind("list", items=ref) if node.get("type") == "array" else ref
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name in LOCALIZED:
            return Kind("localized")
        return Kind("object", (name, *schema["$defs"][name]["properties"]))
    if "enum" in node:
        return Kind("enum", tuple(map(str, node["enum"])))
    if "const" in node:
        return Kind("const", (str(node["const"]),))
    if node.get("type") == "array":
        return Kind("list", items=_kind(schema, node["items"]))
    if node.get("type") == "object" and "additionalProperties" in node:
        keys = node.get("propertyNames", {}).get("enum")
        if tuple(keys or ()) == LANGUAGES:
            return Kind("per_language", items=_kind(schema, node["additionalProperties"]))
    if node.get("type") in SCALARS:
        return Kind(SCALARS[node["type"]])
    raise ValueError(f"the codebook has no words for the type {node!r}")


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _codes(values: tuple[str, ...], lang: str) -> str:
    return language(lang).enumeration.join(f"<code>{escape_markdown(v)}</code>" for v in values)


def kind_phrase(kind: Kind, ui: Callable[[str], str], lang: str) -> Markup:
    """The type in `lang`'s words, as Markdown (the values and names in it escaped)."""
    return Markup(_phrase(kind, ui, lang))


def _phrase(kind: Kind, ui: Callable[[str], str], lang: str, many: bool = False) -> str:
    """`many`: the kind as the items of a list."""
    suffix = "_many" if many else ""
    written = language(lang)
    if kind.name == "list":
        return ui("codebook_kind_list").format(items=_phrase(kind.items, ui, lang, True))
    if kind.name == "any":
        return ui("codebook_kind_or").join(_phrase(o, ui, lang, many) for o in kind.options)
    if kind.name == "per_language":
        return ui("codebook_kind_per_language").format(
            value=_phrase(kind.items, ui, lang), languages=_codes(LANGUAGES, lang)
        )
    if kind.name == "object":
        name, *fields = kind.values
        return (
            ui(f"codebook_object_{_snake(name)}{suffix}")
            + written.open_bracket
            + _codes(tuple(fields), lang)
            + written.close_bracket
        )
    if kind.name == "ref":
        (dataset,) = kind.values
        link = f"[{escape_markdown(ui('dataset_' + dataset))}](#codebook-{dataset})"
        return ui(f"codebook_kind_ref{suffix}").format(dataset=link)
    if kind.name == "enum":
        return ui(f"codebook_kind_enum{suffix}").format(values=_codes(kind.values, lang))
    if kind.name == "const":
        return ui("codebook_kind_const").format(value=_codes(kind.values, lang))
    if kind.name == "localized":
        return ui(f"codebook_kind_localized{suffix}").format(languages=_codes(LANGUAGES, lang))
    return ui(f"codebook_kind_{kind.name}{suffix}")


def fields_of_schema(dataset: str, schema: dict) -> list[Field]:
    """The fields of `dataset` as its JSON Schema gives them, with the readers' descriptions
    (a KeyError naming `dataset.field` for a field that has none)."""
    required = set(schema.get("required", []))
    found = [
        Field(name, _kind(schema, node), name in required, description(dataset, name))
        for name, node in schema["properties"].items()
    ]
    # As in the record files and the exports: the id first, the sources last.
    return sorted(found, key=lambda f: (f.name != "id", f.name == "sources"))


def fields(dataset: str) -> list[Field]:
    return fields_of_schema(dataset, schema_for(dataset))


def codebook() -> dict[str, list[Field]]:
    return _codebook(descriptions_version())


@lru_cache(maxsize=1)  # a function of the data model and the descriptions' file only
def _codebook(_descriptions: tuple[str, int]) -> dict[str, list[Field]]:
    return {dataset: fields(dataset) for dataset in DATASETS}
