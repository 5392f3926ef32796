"""Whether the build segments Chinese for Material's search index.

Material's search plugin cuts Chinese text with jieba whenever jieba can be imported, whatever
its `lang` option says; loading jieba's dictionary takes seconds in every process that builds.
mkdocs.yml lists the search languages: without `zh`, no `mkdocs build` cuts Chinese nor loads
jieba's dictionary; the finishing step cuts the Chinese of the finished site's search index
once instead (`segment_index`, one process for the whole site).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..core.languages import url_prefix
from ..data.catalog import Catalog
from .search_terms import JiebaWords, chinese_terms

# The language whose text jieba cuts.
CHINESE = "zh"


def segments_chinese(config) -> bool:
    """Whether `zh` is one of the search plugin's languages."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return search is not None and CHINESE in (search.config.get("lang") or [])


def follow_search_languages(config) -> None:
    """Keep Material's search from cutting Chinese when `zh` is not a search language."""
    if segments_chinese(config):
        return
    try:
        from material.plugins.search import plugin as material_search
    except ImportError:
        return
    material_search.jieba = None


# The words of the data, added to jieba's dictionary once per process (and kept in step with
# the data across `mkdocs serve`'s rebuilds).
_WORDS = JiebaWords()


def segment_index(site: Path, catalog: Catalog) -> int:
    """Cut the Chinese of the finished site's search index once, as Material would have cut it
    page by page (the same jieba, the data's words added, U+200B between words), in the one
    process that finishes the site. Returns the entries changed."""
    try:
        import jieba
        from material.plugins.search import plugin as material_search
    except ImportError:
        return 0
    index_file = site / "search" / "search_index.json"
    if not index_file.is_file() or not (site / url_prefix(CHINESE) / "index.html").is_file():
        return 0  # no Chinese pages (`mkdocs serve` of another language): nothing to cut
    index = json.loads(index_file.read_text(encoding="utf-8"))
    _WORDS.update(chinese_terms(catalog))
    held, material_search.jieba = material_search.jieba, jieba  # follow_search_languages
    try:
        cut = material_search.SearchIndex._segment_chinese
        changed = 0
        for doc in index["docs"]:
            title, text = cut(None, doc["title"]), cut(None, doc["text"])
            if (title, text) != (doc["title"], doc["text"]):
                doc["title"], doc["text"] = title, text
                changed += 1
    finally:
        material_search.jieba = held
    index_file.write_text(
        json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    return changed
