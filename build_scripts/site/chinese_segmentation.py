"""Whether the build segments Chinese for Material's search index.

Material's search plugin cuts Chinese text with jieba whenever jieba can be imported, whatever
its `lang` option says; loading jieba's dictionary takes seconds in every process that builds.
mkdocs.yml lists the search languages: without `zh`, Chinese is left as it is (the search of
the finished site does not depend on it), and no build loads jieba's dictionary.
"""

from __future__ import annotations


def segments_chinese(config) -> bool:
    """Whether `zh` is one of the search plugin's languages."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return search is not None and "zh" in (search.config.get("lang") or [])


def follow_search_languages(config) -> None:
    """Keep Material's search from cutting Chinese when `zh` is not a search language."""
    if segments_chinese(config):
        return
    try:
        from material.plugins.search import plugin as material_search
    except ImportError:
        return
    material_search.jieba = None
