"""Where each text of a record stands in each language: original, official, translated, outdated.

An editorial translation records the fingerprint of the original it was made from
(`source_hash`). When the original changes, its fingerprint no longer matches and the
translation is outdated until a translator updates it and runs `make translated`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator

from pydantic import BaseModel

from .models import Localized, walk

# States, from best to worst. A version made from the original is "translated" when it is an
# editorial translation and "parallel" when it is the publication's own text in that language;
# "unchecked" when it has no fingerprint of the original yet.
ORIGINAL, OFFICIAL, TRANSLATED, PARALLEL, UNCHECKED, OUTDATED, MISSING = (
    "original",
    "official",
    "translated",
    "parallel",
    "unchecked",
    "outdated",
    "missing",
)
STATES = (ORIGINAL, OFFICIAL, TRANSLATED, PARALLEL, UNCHECKED, OUTDATED, MISSING)
# States a reader is told about on the page.
NEEDS_WORK = (OUTDATED, MISSING)


def fingerprint(text: str) -> str:
    """Eight hex digits that change when the words change, not when the YAML is re-wrapped."""
    normal = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]


def state(value: Localized, lang: str) -> str:
    if not value.has(lang):
        return MISSING
    if lang == value.original:
        return ORIGINAL
    if lang in value.official:
        return OFFICIAL
    recorded = value.source_hash.get(lang)
    if recorded is None:
        return UNCHECKED
    if recorded != fingerprint(value.get(value.original)):
        return OUTDATED
    return TRANSLATED if lang in value.editorial else PARALLEL


def localized_in(record: BaseModel) -> Iterator[tuple[tuple, Localized]]:
    """Every Localized text in a record, with its location (as in validation messages)."""
    for loc, value, _info in walk(record):
        if isinstance(value, Localized):
            yield loc, value


def needs_work(record: BaseModel, lang: str) -> dict[str, int]:
    """How many texts of this record are missing or outdated in `lang` (only non-zero counts)."""
    counts: dict[str, int] = {}
    for _loc, value in localized_in(record):
        current = state(value, lang)
        if current in NEEDS_WORK:
            counts[current] = counts.get(current, 0) + 1
    return counts
