"""The glossary page: the terminology base (data/terms.yml) as a table, the page's language
first, with the variants to avoid and why; for readers and for translators."""

from __future__ import annotations

from typing import Any

from ..core.languages import HTML_LANG, others_after
from .inputs import PageInputs


def glossary_view(inputs: PageInputs, lang: str) -> dict[str, Any]:
    order = others_after(lang)
    terms = sorted(inputs.terms(), key=lambda term: term.form("en").casefold())
    return {
        "dataset": "glossary",
        "id": None,
        "count": len(terms),
        "languages": [{"code": other, "html_lang": HTML_LANG[other]} for other in order],
        "rows": [
            {
                "id": term.id,
                "forms": [
                    {
                        "text": term.form(other),
                        "html_lang": HTML_LANG[other],
                        "avoid": term.avoid.get(other, []),
                    }
                    for other in order
                ],
                "note": getattr(term.note, lang),
            }
            for term in terms
        ],
    }
