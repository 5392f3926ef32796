"""Material's search plugin, kept for its search box, without its Chinese segmentation.

Material cuts Chinese text with jieba for its lunr index whenever jieba can be imported,
whatever its `lang` option says, and loading jieba's dictionary takes seconds in every process
that builds. The site's index is Pagefind's (search_index.py), which cuts Chinese itself, once,
in the finishing step; Material's own index is written empty. So Material's jieba is switched
off in every build.
"""

from __future__ import annotations


def without_jieba() -> None:
    try:
        from material.plugins.search import plugin as material_search
    except ImportError:
        return
    material_search.jieba = None
