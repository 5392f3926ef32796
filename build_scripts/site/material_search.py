"""Material's search plugin, kept for its search box and result list, without its own index.

The site's index is Pagefind's (search_index.py), made once of the finished site; Material's
worker is replaced by ours. Material would still read every page of every build into a lunr
index (the whole text of a language held in memory, and written out) and cut its Chinese with
jieba whenever jieba can be imported, whatever its `lang` option says (seconds to load jieba's
dictionary in every process that builds). Both are switched off: Material writes an index
with no documents, which is what its page script fetches.
"""

from __future__ import annotations


def without_own_index() -> None:
    try:
        from material.plugins.search import plugin as material_search
    except ImportError:
        return
    material_search.jieba = None
    material_search.SearchIndex.add_entry_from_context = _no_entry


def _no_entry(self, page) -> None:
    """SearchIndex.add_entry_from_context, which indexes a page: nothing to index."""
