"""What a record points at: the ids of other records in it, and the sections of works it
cites. Validation checks them; the pages turn them into links and back-links."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .models import Record, walk

NUMBERED_SECTION = re.compile(r"^\d+(?:\.\d+)*$")


def references_in(record: Record) -> Iterator[tuple[tuple, str, str]]:
    """Yield (location, dataset, id) for every id in a record that names another record."""
    for loc, value, info in walk(record):
        extra = info.json_schema_extra if info is not None else None
        target = extra.get("x-refers-to") if isinstance(extra, dict) else None
        if target and isinstance(value, str):
            yield loc, target, value


def sections_in(record: Record) -> Iterator[tuple[tuple, str]]:
    """Yield (location, label) for every `section` field in a record."""
    for loc, value, _info in walk(record):
        if loc and loc[-1] == "section" and isinstance(value, str):
            yield loc, value


def section_ui_key(label: str) -> str:
    """The interface string that names a section ('title page' -> 'section_title-page')."""
    return "section_" + label.replace(" ", "-")
