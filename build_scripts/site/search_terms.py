"""Chinese words for the search index's segmentation, taken from the data.

jieba's dictionary does not know the data's names and set phrases: it would cut "一带一路" into
一带 / 一路. These terms join the dictionary the index and the query are cut with
(chinese_words.py), so editors never keep a word list.
"""

from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel

from ..data.catalog import Catalog

# Short set phrases the editors quote in Chinese text (“一带一路”, “人类命运共同体”). Longer
# ones stay out: a whole title made one word could no longer be found by a word inside it.
_QUOTED = re.compile(r"[“「]([\u4e00-\u9fff]{2,7})[”」]")


def _chinese_texts(value) -> Iterator[str]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            child = getattr(value, name)
            if name == "zh" and isinstance(child, str):
                yield child
            else:
                yield from _chinese_texts(child)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _chinese_texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _chinese_texts(item)


def chinese_terms(catalog: Catalog) -> set[str]:
    terms: set[str] = set()
    for entry in catalog.entries("people"):
        full = entry.record.title_in("zh")
        terms.add(full)
        terms.update(part for part in full.split("·") if len(part) >= 2)
    for entry in catalog.entries("statements"):
        # Places and parties are proper names: one word each.
        terms.update(text for text in _chinese_texts([entry.record.place, entry.record.parties]))
    for entries in catalog.records.values():
        for entry in entries.values():
            for text in _chinese_texts(entry.record):
                terms.update(_QUOTED.findall(text))
    return terms
