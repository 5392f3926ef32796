"""About's "How to cite": a real page's citation, made by the processor that makes every page's
"Cite this page" block, in the page language's style (so the advice and the practice never
differ)."""

from __future__ import annotations

from ..biblio.citations import CitationProcessor, Job
from ..biblio.page_citations import page_item
from ..core.edition import edition
from ..core.languages import LANGUAGES
from ..core.settings import Settings
from ..data.catalog import Catalog

# The page cited as the example: the first stage, which every edition has.
EXAMPLE_DATASET = "stages"


def citation_examples(
    catalog: Catalog, processor: CitationProcessor, settings: Settings
) -> dict[str, str]:
    """Language -> the example page's citation as HTML."""
    entries = catalog.sorted_entries(EXAMPLE_DATASET)
    if not entries:
        return {}
    items = {
        lang: page_item(
            catalog,
            EXAMPLE_DATASET,
            entries[0].id,
            lang,
            settings.site_url,
            edition(),
            settings.build_date(),
        )
        for lang in LANGUAGES
    }
    done = processor.format_jobs([Job([items[lang]], lang, separately=True) for lang in LANGUAGES])
    return {lang: formatted[0].html for lang, formatted in zip(LANGUAGES, done)}
