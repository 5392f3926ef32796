"""What a built site gets once, after every language is in it: the downloads, the redirects of
renamed records, the search index of the finished site, the print edition, and each language's
copy of the sitemap.

Both builds call `finish` once: the single-process `mkdocs build` (plugin.py, after
mkdocs-static-i18n has built the last language) and the parallel build (parallel_build.py,
after the languages' parts are merged).
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..core.edition import edition
from ..core.languages import DEFAULT_LANGUAGE, LANGUAGES, url_prefix
from ..core.settings import Settings
from ..data.catalog import Catalog
from . import exports, print_edition, redirects, search_index


@dataclass
class Finished:
    """What `finish` did, with the seconds of each step."""

    steps: dict[str, float] = field(default_factory=dict)

    def __str__(self) -> str:
        return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.steps.items())


def finish(site: Path, catalog: Catalog, settings: Settings, data: Path) -> Finished:
    """The once-per-site steps on the built `site`. The print edition is made when the settings
    want it and every language is in the site. Raises print_edition.PdfEditionFailed and
    search_index.SearchIndexFailed."""
    done = Finished()

    def step(name: str, work) -> None:
        started = time.perf_counter()
        work()
        done.steps[name] = time.perf_counter() - started

    step("downloads", lambda: exports.write(catalog, site / "data", edition().version))
    step("redirects", lambda: redirects.write(site, catalog, settings.site_url))
    if settings.search_index:
        step("search indexes", lambda: search_indexes(site, catalog))
    every_language = all((site / url_prefix(lang) / "index.html").exists() for lang in LANGUAGES)
    if settings.pdf_edition and every_language:
        step("PDF edition", lambda: print_edition.write(site, catalog, settings, data))
    step("sitemaps", lambda: copy_sitemaps(site))
    return done


def search_indexes(site: Path, catalog: Catalog) -> None:
    """The search index of the finished site: one Pagefind index per language (the one place
    the site's search index is made)."""
    search_index.write(site, catalog)


def copy_sitemaps(site: Path) -> None:
    """Give each language root the sitemap.xml that Material's language switcher fetches."""
    sitemap = site / "sitemap.xml"
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and sitemap.exists() and (site / lang).is_dir():
            shutil.copyfile(sitemap, site / lang / "sitemap.xml")
            gz = site / "sitemap.xml.gz"
            if gz.exists():
                shutil.copyfile(gz, site / lang / "sitemap.xml.gz")
