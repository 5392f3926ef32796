"""What each field of the datasets contains, for the readers of the Data page, in every language.

The model's `description` of a field (models.py) is for the maintainers who fill it in: how to
write it, what never to guess; the JSON Schema and the editors' autocompletion carry it in
English. A reader of the codebook needs what the field contains, in the page's language. Those
texts live in one YAML file beside the model, field_descriptions.yml, rather than in each
field's `json_schema_extra`: three languages for about sixty fields would bury the model's
rules under prose, the translators edit one file of texts instead of Python, and a field that
every record has (id, sources, title, ...) is described once, not in each class.

A key is a field name as the files spell it (`container-title`), shared by every dataset that
has the field, or `<dataset>.<field>` for a dataset's own meaning, which wins.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import yaml

from ..core.languages import LANGUAGES

FILE = Path(__file__).with_name("field_descriptions.yml")


def version() -> tuple[str, int]:
    """Which state of the file is read: `make serve` regenerates the pages after an edit in
    the same process, and must not keep the texts it read before."""
    return str(FILE), FILE.stat().st_mtime_ns


def descriptions() -> dict[str, dict[str, str]]:
    return _read(version())


@lru_cache(maxsize=1)
def _read(state: tuple[str, int]) -> dict[str, dict[str, str]]:
    with open(state[0], encoding="utf-8") as f:
        return yaml.safe_load(f)


def _key(dataset: str, field: str) -> str | None:
    known = descriptions()
    return next((key for key in (f"{dataset}.{field}", field) if key in known), None)


def description(dataset: str, field: str) -> dict[str, str]:
    """The reader's description of `field` of `dataset`, per language."""
    key = _key(dataset, field)
    texts = descriptions().get(key or "", {})
    missing = [lang for lang in LANGUAGES if not (texts.get(lang) or "").strip()]
    if missing:
        raise KeyError(
            f"{dataset}.{field}: no reader's description in {', '.join(missing)}: add it to "
            f"{FILE.name} under `{field}` (or `{dataset}.{field}` for this dataset's own)"
        )
    return {lang: texts[lang] for lang in LANGUAGES}


def unused(fields: Mapping[str, list[str]]) -> list[str]:
    """The keys of the file that describe no field of `fields` (dataset -> field names)."""
    used = {_key(dataset, field) for dataset, names in fields.items() for field in names}
    return sorted(set(descriptions()) - used)
