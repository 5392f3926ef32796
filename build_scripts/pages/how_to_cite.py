"""About's "How to cite": a real page's citation, made by the processor that makes every page's
"Cite this page" block, in the page language's style (so the advice and the practice never
differ); and how to cite each volume of the print edition, which its title page prints."""

from __future__ import annotations

from ..biblio.citations import CitationProcessor, Job
from ..biblio.page_citations import book_item, page_item
from ..core.edition import edition
from ..core.languages import LANGUAGES
from ..core.settings import Settings
from ..data.catalog import Catalog
from .print_book import catalog_volume_plan, volume_files, volume_numbers

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


def print_edition_citations(
    catalog: Catalog, processor: CitationProcessor, settings: Settings, languages: list[str]
) -> dict[str, list[str]]:
    """Language -> how to cite each volume of its print edition, as HTML. The build's first
    step makes them too, while its processor runs: the print edition then finds them in the
    citation cache and starts no citeproc-js of its own."""
    count = len(catalog_volume_plan(catalog))
    date, url = settings.build_date(), settings.site_url
    jobs = [
        Job(
            [
                book_item(catalog, lang, url, edition(), date, name, number, count)
                for number, name in zip(volume_numbers(count), volume_files(lang, count))
            ],
            lang,
            separately=True,
        )
        for lang in languages
    ]
    done = processor.format_jobs(jobs)
    return {lang: [entry.html for entry in entries] for lang, entries in zip(languages, done)}
