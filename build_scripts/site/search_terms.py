"""Chinese words for the search index's segmentation, taken from the data.

Material segments Chinese text with jieba at build time, but the browser does not segment the
query: a term jieba splits ("一带一路" -> 一带 / 一路) could never be found as typed. These terms
are added to jieba's vocabulary before the index is built, so editors never keep a word list.
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


class JiebaWords:
    """The words this build added to jieba's dictionary (Material's search plugin segments with
    jieba's default tokenizer, so that is the dictionary the index is made with). Each
    regeneration adds the new terms and takes back those no longer in the data, so the
    dictionary always holds exactly the data's terms, however long `mkdocs serve` runs."""

    def __init__(self) -> None:
        # Each added term and the frequency jieba's own dictionary gave it (None: not in it).
        self.added: dict[str, int | None] = {}

    def update(self, terms: set[str]) -> None:
        import jieba

        tokenizer = jieba.dt
        tokenizer.check_initialized()
        for term in sorted(set(self.added) - terms):
            before = self.added.pop(term)
            if before:
                tokenizer.add_word(term, before)
            else:
                tokenizer.del_word(term)
        for term in sorted(terms - set(self.added)):
            self.added[term] = tokenizer.FREQ.get(term)
            tokenizer.add_word(term)
