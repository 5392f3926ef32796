"""Orchestrate page generation: validate, build views, render, write what changed.

Generated files live in docs/<dataset>/ (git-ignored). A file is written only when its content
changed, so `mkdocs serve` reloads exactly the pages an edit touched and never loops; files of
records that no longer exist are removed.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import citation_cache, page_inputs, paths
from .bibliography_view import bibliography_view
from .citations import Formatted, Job, format_jobs, warm_up
from .csl_json import reference_items
from .data_page import data_page_view
from .edition import build_date, edition
from .page_citations import page_citation, page_item
from .languages import HTML_LANG, LANGUAGES, page_suffix, url_prefix
from .pdf_edition import file_name as pdf_file_name
from .render import markdown_inline, render
from .timeline import timeline_view
from .trade_chart import chart_view
from .validate import Catalog, load_catalog
from .views import DATASET_ORDER, Backlinks, index_view, record_view

# Where the site is published; MkDocs passes its site_url (mkdocs.yml, SITE_URL).
DEFAULT_SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")

GENERATED_MARK = Markup("generated from data/ by build_scripts: do not edit, edit the data instead")

# The Data page (downloads and codebook) lives at /data/, beside the files it lists.
DATA_PAGE_FOLDER = "data"
# The timeline of the stages and their events, at /timeline/.
TIMELINE_FOLDER = "timeline"
# Folders of docs/ that hold only generated pages.
GENERATED_FOLDERS = (*DATASET_ORDER, DATA_PAGE_FOLDER, TIMELINE_FOLDER)

# One template per page type.
RECORD_TEMPLATES = {
    "stages": "stage.md.j2",
    "statements": "statement.md.j2",
    "exchanges": "exchange.md.j2",
    "indicators": "indicator.md.j2",
    "themes": "theme.md.j2",
    "people": "person.md.j2",
    "references": "reference.md.j2",
}


@dataclass
class Report:
    catalog: Catalog
    pages: int
    written: int
    removed: int
    seconds: float
    rendered: int = 0  # pages rendered; the others were current on disk (page_inputs.py)

    @property
    def skipped(self) -> bool:
        """Nothing generation reads had changed since the last run: nothing was rendered."""
        return self.rendered == 0 and self.removed == 0

    def __str__(self) -> str:
        if self.skipped:
            return (f"generated {self.pages} pages (inputs unchanged since the last run: "
                    f"nothing rendered) in {self.seconds:.2f} s")
        return (f"generated {self.pages} pages ({self.rendered} rendered, {self.written} "
                f"written, {self.removed} removed, the rest unchanged) in {self.seconds:.2f} s")


def ui_strings(catalog: Catalog, lang: str):
    def ui(key: str) -> str:
        try:
            return catalog.ui[key][lang]
        except KeyError:
            raise KeyError(f"interface string {key!r} is missing from data/ui.yml") from None
    return ui


@dataclass(frozen=True)
class PageJob:
    """One page to generate: a dataset's index (`record_id` None), a record's page, the Data
    page or the timeline (`dataset` DATA_PAGE_FOLDER or TIMELINE_FOLDER)."""

    path: Path  # under docs/
    lang: str
    dataset: str
    record_id: str | None = None


def page_jobs(catalog: Catalog) -> list[PageJob]:
    """Every generated page, language by language."""
    jobs = []
    for lang in LANGUAGES:
        for dataset in DATASET_ORDER:
            jobs.append(PageJob(Path(dataset) / f"index{page_suffix(lang)}.md", lang, dataset))
            jobs += [PageJob(Path(dataset) / f"{record_id}{page_suffix(lang)}.md", lang, dataset,
                             record_id) for record_id in catalog.records[dataset]]
        jobs += [PageJob(Path(folder) / f"index{page_suffix(lang)}.md", lang, folder)
                 for folder in (DATA_PAGE_FOLDER, TIMELINE_FOLDER)]
    return jobs


class Bibliographies:
    """The references as one bibliography per language (one run of the processor for the
    three), and a digest of each entry for the page manifest."""

    def __init__(self, catalog: Catalog):
        works = reference_items(catalog)
        formatted = format_jobs([Job(works, lang) for lang in LANGUAGES])
        self.formatted = dict(zip(LANGUAGES, formatted))
        self.by_id = {lang: {entry.id: entry for entry in entries}
                      for lang, entries in self.formatted.items()}

    def digest(self, lang: str, record_id: str | None = None) -> str | None:
        """The whole bibliography's digest, or one entry's (None if there is no such entry)."""
        if record_id is None:
            return page_inputs.value_digest(self.formatted[lang])
        entry = self.by_id[lang].get(record_id)
        return page_inputs.value_digest(entry) if entry else None


def render_pages(catalog: Catalog, jobs: list[PageJob], site_url: str,
                 backlinks: Backlinks, bibliographies: Bibliographies
                 ) -> tuple[dict[Path, str], dict[Path, set]]:
    """The jobs' pages (path -> Markdown), and what each read (page_inputs.py)."""
    accessed, current = build_date(), edition()
    seen = {job.path: page_inputs.Reads() for job in jobs}
    record_jobs = {lang: [job for job in jobs if job.lang == lang and job.record_id is not None]
                   for lang in LANGUAGES}
    items = {job.path: page_item(page_inputs.TrackedCatalog(catalog, seen[job.path]),
                                 job.dataset, job.record_id, job.lang, site_url, current,
                                 accessed)
             for language_jobs in record_jobs.values() for job in language_jobs}
    # The citations of the record pages, one run of the processor per language, all three
    # started at once: the pages that need none are rendered meanwhile, then each language's
    # record pages as soon as its citations are in (Chicago's take longest).
    renderer = _Renderer(catalog, seen, backlinks, bibliographies, site_url)
    with ThreadPoolExecutor(max_workers=len(LANGUAGES)) as pool:
        citing = {pool.submit(format_jobs, [Job([items[job.path] for job in language_jobs],
                                                lang, separately=True)]): lang
                  for lang, language_jobs in record_jobs.items()}
        pages = renderer.pages([job for job in jobs if job.record_id is None], {})
        for done in as_completed(citing):
            language_jobs = record_jobs[citing[done]]
            by_item = {entry.id: entry for entry in done.result()[0]}
            pages |= renderer.pages(language_jobs, {
                job.path: (items[job.path], by_item[items[job.path]["id"]])
                for job in language_jobs})
    return pages, {path: reads.items for path, reads in seen.items()}


@dataclass
class _Renderer:
    """Renders pages, each with a catalog and back-links that note what it reads."""

    catalog: Catalog
    seen: dict[Path, page_inputs.Reads]
    backlinks: Backlinks
    bibliographies: Bibliographies
    site_url: str

    def pages(self, jobs: list[PageJob], cites: dict[Path, tuple[dict[str, Any], Formatted]]
              ) -> dict[Path, str]:
        """`cites`: each record page's CSL-JSON item and formatted citation."""
        return {job.path: self.page(job, cites.get(job.path)) for job in jobs}

    def page(self, job: PageJob, cite: tuple[dict[str, Any], Formatted] | None) -> str:
        catalog, bibliographies = self.catalog, self.bibliographies
        lang, dataset, record_id = job.lang, job.dataset, job.record_id
        reads = self.seen[job.path]
        known = page_inputs.TrackedCatalog(catalog, reads)
        links = page_inputs.TrackedBacklinks(self.backlinks, reads)
        common = {"lang": lang, "ui": ui_strings(catalog, lang), "generated_mark": GENERATED_MARK}
        if dataset == DATA_PAGE_FOLDER:
            return render("data.md.j2", view=data_page_view(known, lang), **common)
        if dataset == TIMELINE_FOLDER:
            return render("timeline.md.j2", view=timeline_view(known, lang), **common)
        if record_id is None and dataset == "references":
            reads.note("value", "bibliography", lang)
            view = bibliography_view(known, links, lang, bibliographies.formatted[lang])
            return render("bibliography.md.j2", view=view, **common)
        if record_id is None:
            view = index_view(known, dataset, lang) | {
                "chart": chart_view(known, lang) if dataset == "indicators" else None}
            return render("index.md.j2", view=view, **common)
        item, formatted = cite
        view = record_view(known, links, dataset, record_id, lang)
        view["cite"] = page_citation(known, dataset, record_id, lang, item, formatted,
                                     edition(), self.site_url)
        if dataset == "references":
            reads.note("value", "bibliography", lang, record_id)
            work_lang = known.get(dataset, record_id).language
            view["citation"] = markdown_inline(bibliographies.by_id[lang][record_id].html,
                                               work_lang)
            view["citation_lang"] = HTML_LANG[work_lang] if work_lang != lang else None
        return render(RECORD_TEMPLATES[dataset], view=view, **common)


def pages_for(catalog: Catalog, site_url: str = DEFAULT_SITE_URL) -> dict[Path, str]:
    """Every generated page: path under docs/ -> Markdown."""
    pages, _reads = render_pages(catalog, page_jobs(catalog), site_url, Backlinks.of(catalog),
                                 Bibliographies(catalog))
    return pages


def write_pages(pages: dict[Path, str], docs: Path, kept: set[Path] = frozenset()
                ) -> tuple[int, int]:
    """Write changed pages, remove stale ones (a page neither in `pages` nor `kept`); return
    (written, removed)."""
    written = removed = 0
    for dataset in GENERATED_FOLDERS:
        folder = docs / dataset
        if folder.exists():
            for existing in folder.glob("*.md"):
                relative_path = existing.relative_to(docs)
                if relative_path not in pages and relative_path not in kept:
                    existing.unlink()
                    removed += 1
    for relative_path, content in pages.items():
        target = docs / relative_path
        if target.exists() and target.read_text(encoding="utf-8") == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(content, encoding="utf-8")
        tmp.replace(target)
        written += 1
    return written, removed


def generate_all(data: Path = paths.DATA, docs: Path = paths.DOCS,
                 site_url: str = DEFAULT_SITE_URL) -> Report:
    """Validate, then write the pages. A page whose inputs have not changed since the last run
    and whose file is as that run left it is kept; the others are rendered (page_inputs.py)."""
    started = time.perf_counter()
    # A first build formats every citation: the processor prepares its styles meanwhile.
    warm_up([lang for lang in LANGUAGES if citation_cache.is_empty(lang)])
    catalog = load_catalog(data, data.parent)
    manifest = page_inputs.Manifest(data, docs, page_inputs.fingerprint(
        data, docs, {"site_url": site_url, "date": build_date()}))
    backlinks = Backlinks.of(catalog)
    bibliographies = Bibliographies(catalog)
    digests = page_inputs.Digests(catalog, backlinks, {"bibliography": bibliographies.digest})
    jobs = page_jobs(catalog)
    kept = [job.path for job in jobs if manifest.current(str(job.path), digests)]
    keep = set(kept)
    stale = [job for job in jobs if job.path not in keep]
    pages, reads = render_pages(catalog, stale, site_url, backlinks, bibliographies)
    manifest.forget()
    written, removed = write_pages(pages, docs, keep)
    manifest.save([str(path) for path in kept], {str(path): found for path, found in reads.items()},
                  digests)
    return Report(catalog, len(jobs), written, removed, time.perf_counter() - started,
                  rendered=len(stale))


def home_timeline(catalog: Catalog, lang: str) -> str:
    """The timeline for the marker on the hand-written home pages (links from the site root
    of the language)."""
    return render("home_timeline.md.j2", view=timeline_view(catalog, lang, prefix=""),
                  ui=ui_strings(catalog, lang), lang=lang, generated_mark=GENERATED_MARK)


def pdf_links(catalog: Catalog, lang: str) -> str:
    """The PDF editions, for the marker on the hand-written About pages (at <lang>/about/)."""
    return render("pdf_links.md.j2", ui=ui_strings(catalog, lang), lang=lang,
                  generated_mark=GENERATED_MARK, root="../" * (2 if url_prefix(lang) else 1),
                  files=[(other, pdf_file_name(other)) for other in LANGUAGES])
