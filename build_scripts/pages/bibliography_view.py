"""The references index: every work the site cites, formatted in the page language's style and
sorted as that style and language sort (pinyin for Chinese, the Cyrillic alphabet for Russian),
each with its anchor and the pages of this site that cite it."""

from __future__ import annotations

from typing import Any

from ..core.languages import HTML_LANG
from ..data.datasets import DATASET_ORDER
from .inputs import PageInputs
from .render import markdown_inline
from .views import link, sorted_links


def bibliography_view(inputs: PageInputs, dataset: str, lang: str) -> dict[str, Any]:
    """The references as one bibliography in `lang`'s style (biblio/citations.py)."""
    entries = []
    for entry in inputs.bibliography(lang):
        incoming = inputs.backlinks_to(dataset, entry.id)
        work_lang = inputs.get(dataset, entry.id).language
        entries.append(
            {
                "id": entry.id,
                "lang": HTML_LANG[work_lang] if work_lang != lang else None,
                "citation": markdown_inline(entry.html, work_lang),
                "link": link(inputs, dataset, entry.id, lang),
                "cited_by": sorted_links(
                    inputs,
                    [pair for name in DATASET_ORDER for pair in incoming.get(name, [])],
                    lang,
                ),
            }
        )
    return {"dataset": dataset, "entries": entries, "count": len(entries)}
