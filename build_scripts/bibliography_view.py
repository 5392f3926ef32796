"""The references index: every work the site cites, formatted in the page language's style and
sorted as that style and language sort (pinyin for Chinese, the Cyrillic alphabet for Russian),
each with its anchor and the pages of this site that cite it."""

from __future__ import annotations

from typing import Any

from .citations import Formatted
from .languages import HTML_LANG
from .render import markdown_inline
from .validate import Catalog
from .views import DATASET_ORDER, Backlinks, link, sorted_links


def bibliography_view(catalog: Catalog, backlinks: Backlinks, lang: str,
                      formatted: list[Formatted]) -> dict[str, Any]:
    """`formatted`: the references as one bibliography in `lang`'s style (citations.py)."""
    entries = []
    for entry in formatted:
        incoming = backlinks.to("references", entry.id)
        work_lang = catalog.get("references", entry.id).language
        entries.append({
            "id": entry.id,
            "lang": HTML_LANG[work_lang] if work_lang != lang else None,
            "citation": markdown_inline(entry.html, work_lang),
            "link": link(catalog, "references", entry.id, lang),
            "cited_by": sorted_links(catalog, [pair for name in DATASET_ORDER
                                               for pair in incoming.get(name, [])], lang),
        })
    return {"dataset": "references", "entries": entries, "count": len(entries)}
