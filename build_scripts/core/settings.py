"""The build's settings, in one place: each has a default, an environment variable that
overrides it (as the Makefile, CI and the benchmark set them) and, in a site build, an option
of the MkDocs plugin (mkdocs.yml `plugins: - publication: ...`) that overrides both.

    site_url        (none)                    CITATION.cff `url`: the address pages are cited at
    pdf_edition     PDF_EDITION=off           on    print the PDF edition
    search_index    SEARCH_INDEX=off          on    index the site for its search (Pagefind)
    record_cache    RECORD_CACHE=off          on    validated records between runs
    page_manifest   PAGE_MANIFEST=off         on    render only the pages whose reads changed
    citation_cache  CITATION_CACHE=off|<dir>  on    formatted citations between runs
    jinja_cache     JINJA_CACHE=off           on    compiled templates (ours, the theme's)
    (build date)    SOURCE_DATE_EPOCH         now   every date the build writes
    site_language   SITE_LANGUAGE=<code>      all   `mkdocs build` of one language alone (the
                                                    parallel build's part; site/parallel_build.py)
    prepared        BUILD_PREPARED=<file>     none  the catalog the parallel build validated
                                                    and generated once: a part generates nothing
    serve_language  SERVE_LANGUAGE=<code>|all the default language: what `mkdocs serve` builds
    build_jobs      BUILD_JOBS=<n>            all   language builds run at once (parallel build)

The generated pages are written to <cache folder>/pages/ (never into docs/, which `mkdocs serve`
watches: an edit rebuilds once) and handed to MkDocs by the plugin.

Every cache lives in one folder: `.cache/` beside the data folder (the repository's for data/,
a test's or a benchmark's own otherwise); CITATION_CACHE=<folder> moves the citations alone.
No other module reads the environment.

The public address has no environment variable on purpose: every citation, download and PDF a
reader copies carries it, so it is one committed setting (CITATION.cff), which the publish
workflow checks against the address it deploys to. `mkdocs serve` points the navigation at the
preview's own address; what a reader copies keeps the public one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from .edition import edition

CACHE_FOLDER = ".cache"


def _on(environ: Mapping[str, str], name: str) -> bool:
    return environ.get(name, "on") != "off"


@dataclass(frozen=True)
class Settings:
    site_url: str = field(default_factory=lambda: edition().url)
    pdf_edition: bool = True
    search_index: bool = True
    record_cache: bool = True
    page_manifest: bool = True
    citation_cache: bool = True
    citation_cache_folder: Path | None = None  # None: <cache folder>/citations
    jinja_cache: bool = True
    source_date_epoch: int | None = None
    site_language: str | None = None  # None: every language in one `mkdocs build`
    prepared: Path | None = None
    serve_language: str | None = None  # a language's code, "all", or None: the default one
    build_jobs: int | None = None  # None: every language at once

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        environ = os.environ if environ is None else environ
        citations = environ.get("CITATION_CACHE", "")
        epoch = environ.get("SOURCE_DATE_EPOCH")
        return cls(
            pdf_edition=_on(environ, "PDF_EDITION"),
            search_index=_on(environ, "SEARCH_INDEX"),
            record_cache=_on(environ, "RECORD_CACHE"),
            page_manifest=_on(environ, "PAGE_MANIFEST"),
            citation_cache=citations != "off",
            citation_cache_folder=Path(citations) if citations not in ("", "off", "on") else None,
            jinja_cache=_on(environ, "JINJA_CACHE"),
            source_date_epoch=int(epoch) if epoch else None,
            site_language=environ.get("SITE_LANGUAGE") or None,
            prepared=Path(environ["BUILD_PREPARED"]) if environ.get("BUILD_PREPARED") else None,
            serve_language=environ.get("SERVE_LANGUAGE") or None,
            build_jobs=max(1, int(environ["BUILD_JOBS"])) if environ.get("BUILD_JOBS") else None,
        )

    def but(self, **changes) -> Settings:
        """These settings with some changed (the plugin's options over the environment's)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def build_moment(self) -> datetime:
        """SOURCE_DATE_EPOCH (the Makefile sets it to the last commit's time, so that two
        builds of one commit are the same), or now (UTC) when it is not set."""
        if self.source_date_epoch is not None:
            return datetime.fromtimestamp(self.source_date_epoch, UTC)
        return datetime.now(UTC)

    def build_date(self) -> str:
        """The build's day as YYYY-MM-DD."""
        return self.build_moment().date().isoformat()


def cache_folder(data_dir: Path) -> Path:
    """The one rule for where caches live: .cache/ beside the data folder."""
    return data_dir.parent / CACHE_FOLDER


def pages_folder(data_dir: Path) -> Path:
    """Where generation writes the pages (Markdown, suffix structure like docs/)."""
    return cache_folder(data_dir) / "pages"


def citation_folder(settings: Settings, data_dir: Path) -> Path | None:
    if not settings.citation_cache:
        return None
    return settings.citation_cache_folder or cache_folder(data_dir) / "citations"
