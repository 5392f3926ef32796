"""Orchestrate page generation: validate, build views, render, write what changed.

Generated files live in <cache>/pages/<dataset>/ (core/settings.py `pages_folder`), in the
suffix structure of docs/, outside the tree `mkdocs serve` watches: the plugin hands them to
MkDocs (site/generated_files.py). A file is written only when its content changed; files of
records that no longer exist are removed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..biblio.citations import CitationProcessor, Formatted, Job
from ..biblio.csl_json import for_processor, reference_items
from ..biblio.page_citations import page_citation, page_item
from ..core import paths
from ..core.edition import edition
from ..core.languages import LANGUAGES, page_suffix, url_prefix
from ..core.settings import Settings, cache_folder, citation_folder, pages_folder
from ..data.catalog import Catalog
from ..data.datasets import DATASET_ORDER, DATASETS
from ..data.validate import load_catalog
from . import manifest
from .backlinks import Backlinks
from .bibliography_view import bibliography_view
from .data_page import data_page_view
from .glossary import glossary_view
from .inputs import PageInputs, RunInputs
from .print_book import catalog_volume_plan, volume_files, volume_name, volume_numbers
from .record_views import record_view
from .render import environment, render
from .timeline import timeline_view
from .trade_chart import chart_view
from .views import index_view

GENERATED_MARK = Markup("generated from data/ by build_scripts: do not edit, edit the data instead")

# The Data page (downloads and codebook) lives at /data/, beside the files it lists.
DATA_PAGE_FOLDER = "data"
# The timeline of the stages and their events, at /timeline/.
TIMELINE_FOLDER = "timeline"
# The terminology base as a glossary, at /glossary/.
GLOSSARY_FOLDER = "glossary"
# The pages that are not a dataset's, each a folder of docs/ with one page per language.
OTHER_FOLDERS = (DATA_PAGE_FOLDER, TIMELINE_FOLDER, GLOSSARY_FOLDER)
# The folders of generated pages (each is also a folder of the site).
GENERATED_FOLDERS = (*DATASET_ORDER, *OTHER_FOLDERS)


@dataclass(frozen=True)
class PageType:
    """A page that is not a record's: its template and what it shows."""

    template: str
    view: Callable[[PageInputs, str, str], dict[str, Any]]  # (inputs, folder, lang) -> view


def _indicators_index(inputs: PageInputs, dataset: str, lang: str) -> dict[str, Any]:
    return {**index_view(inputs, dataset, lang), "chart": chart_view(inputs, lang)}


INDEX_PAGE = PageType("index.md.j2", index_view)
# The pages of docs/<folder>/index.md that are not a plain list of the dataset's records.
FOLDER_PAGES = {
    "indicators": PageType("index.md.j2", _indicators_index),
    "references": PageType("bibliography.md.j2", bibliography_view),
    DATA_PAGE_FOLDER: PageType(
        "data.md.j2", lambda inputs, _folder, lang: data_page_view(inputs, lang)
    ),
    TIMELINE_FOLDER: PageType(
        "timeline.md.j2", lambda inputs, _folder, lang: timeline_view(inputs, lang)
    ),
    GLOSSARY_FOLDER: PageType(
        "glossary.md.j2", lambda inputs, _folder, lang: glossary_view(inputs, lang)
    ),
}


@dataclass
class Report:
    catalog: Catalog
    pages: int
    written: int
    removed: int
    seconds: float
    rendered_pages: tuple[str, ...] = ()  # rendered; the others were current on disk

    @property
    def rendered(self) -> int:
        return len(self.rendered_pages)

    @property
    def skipped(self) -> bool:
        """Nothing generation reads had changed since the last run: nothing was rendered."""
        return self.rendered == 0 and self.removed == 0

    def __str__(self) -> str:
        if self.skipped:
            return (
                f"generated {self.pages} pages (inputs unchanged since the last run: "
                f"nothing rendered) in {self.seconds:.2f} s"
            )
        return (
            f"generated {self.pages} pages ({self.rendered} rendered, {self.written} "
            f"written, {self.removed} removed, the rest unchanged) in {self.seconds:.2f} s"
        )


def ui_strings(ui: Any, lang: str) -> Callable[[str], str]:
    def lookup(key: str) -> str:
        try:
            return ui[key][lang]
        except KeyError:
            raise KeyError(f"interface string {key!r} is missing from data/ui.yml") from None

    return lookup


@dataclass(frozen=True)
class PageJob:
    """One page to generate: a folder's index (`record_id` None) or a record's page."""

    path: Path  # under docs/
    lang: str
    folder: str  # a dataset, DATA_PAGE_FOLDER or TIMELINE_FOLDER
    record_id: str | None = None


def page_jobs(catalog: Catalog) -> list[PageJob]:
    """Every generated page, language by language."""
    jobs = []
    for lang in LANGUAGES:
        for dataset in DATASET_ORDER:
            jobs.append(PageJob(Path(dataset) / f"index{page_suffix(lang)}.md", lang, dataset))
            jobs += [
                PageJob(
                    Path(dataset) / f"{record_id}{page_suffix(lang)}.md", lang, dataset, record_id
                )
                for record_id in catalog.records[dataset]
            ]
        jobs += [
            PageJob(Path(folder) / f"index{page_suffix(lang)}.md", lang, folder)
            for folder in OTHER_FOLDERS
        ]
    return jobs


@dataclass
class Generation:
    """One run's rendering: its inputs, the templates, the processor and the settings."""

    run: RunInputs
    processor: CitationProcessor
    templates: jinja2.Environment
    site_url: str
    accessed: str

    def page_inputs(self, jobs: list[PageJob]) -> dict[Path, PageInputs]:
        """What each job's page may read; after rendering, what it read (inputs.py)."""
        return {job.path: self.run.for_page() for job in jobs}

    def render_pages(
        self, jobs: list[PageJob], seen: dict[Path, PageInputs]
    ) -> Iterator[tuple[Path, str]]:
        """The jobs' pages (path, Markdown), each as soon as it is rendered, reading through
        `seen` (page_inputs): the run never holds them all (350 MB of text at 100x)."""
        record_jobs = {
            lang: [job for job in jobs if job.lang == lang and job.record_id] for lang in LANGUAGES
        }
        current = edition()
        items = {
            job.path: page_item(
                seen[job.path],
                job.folder,
                job.record_id,
                job.lang,
                self.site_url,
                current,
                self.accessed,
            )
            for language_jobs in record_jobs.values()
            for job in language_jobs
        }
        # The citations of the record pages, one run of the processor per language, all three
        # started at once: the pages that need none are rendered meanwhile, then each
        # language's record pages as soon as its citations are in (Chicago's take longest).
        with ThreadPoolExecutor(max_workers=len(LANGUAGES)) as pool:
            citing = {
                pool.submit(
                    self.processor.format_jobs,
                    [Job([items[job.path] for job in language_jobs], lang, separately=True)],
                ): lang
                for lang, language_jobs in record_jobs.items()
            }
            for job in jobs:
                if job.record_id is None:
                    yield job.path, self.folder_page(job, seen[job.path])
            for done in as_completed(citing):
                by_item = {entry.id: entry for entry in done.result()[0]}
                for job in record_jobs[citing[done]]:
                    item = items[job.path]
                    yield job.path, self.record_page(job, seen[job.path], item, by_item[item["id"]])

    def _render(self, template: str, inputs: PageInputs, lang: str, view: dict) -> str:
        return render(
            self.templates,
            template,
            view=view,
            lang=lang,
            ui=ui_strings(inputs.ui, lang),
            generated_mark=GENERATED_MARK,
        )

    def folder_page(self, job: PageJob, inputs: PageInputs) -> str:
        page = FOLDER_PAGES.get(job.folder, INDEX_PAGE)
        return self._render(
            page.template, inputs, job.lang, page.view(inputs, job.folder, job.lang)
        )

    def record_page(
        self, job: PageJob, inputs: PageInputs, item: dict[str, Any], formatted: Formatted
    ) -> str:
        view = record_view(inputs, job.folder, job.record_id, job.lang)
        view["cite"] = page_citation(
            inputs, job.folder, job.record_id, job.lang, item, formatted, edition(), self.site_url
        )
        return self._render(DATASETS[job.folder].template, inputs, job.lang, view)


def bibliographies(catalog: Catalog, processor: CitationProcessor) -> dict[str, list[Formatted]]:
    """The references as one bibliography per language (one run of the processor for the
    three)."""
    works = [for_processor(item) for item in reference_items(catalog)]
    return dict(zip(LANGUAGES, processor.format_jobs([Job(works, lang) for lang in LANGUAGES])))


def templates(settings: Settings, data: Path) -> jinja2.Environment:
    return environment(cache_folder(data) / "jinja" if settings.jinja_cache else None)


def pages_for(
    catalog: Catalog,
    site_url: str | None = None,
    settings: Settings | None = None,
    data: Path = paths.DATA,
    processor: CitationProcessor | None = None,
) -> dict[Path, str]:
    """Every generated page: path under docs/ -> Markdown. `processor`: one kept between
    runs; else one for this call alone."""
    settings = settings or Settings.from_environment()
    if processor is None:
        with CitationProcessor(citation_folder(settings, data)) as own:
            return pages_for(catalog, site_url, settings, data, own)
    run = RunInputs(catalog, Backlinks.of(catalog), bibliographies(catalog, processor))
    generation = Generation(
        run,
        processor,
        templates(settings, data),
        site_url or settings.site_url,
        settings.build_date(),
    )
    jobs = page_jobs(catalog)
    return dict(generation.render_pages(jobs, generation.page_inputs(jobs)))


def write_pages(
    pages: Iterable[tuple[Path, str]], docs: Path, kept: set[Path] = frozenset()
) -> tuple[int, int]:
    """Write the changed pages as they come, then remove stale ones (a page neither among
    `pages` nor `kept`); return (written, removed)."""
    written = removed = 0
    current = set(kept)
    for relative_path, content in pages:
        current.add(relative_path)
        target = docs / relative_path
        if target.exists() and target.read_text(encoding="utf-8") == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(content, encoding="utf-8")
        tmp.replace(target)
        written += 1
    for folder_name in GENERATED_FOLDERS:
        folder = docs / folder_name
        if folder.exists():
            for existing in folder.glob("*.md"):
                if existing.relative_to(docs) not in current:
                    existing.unlink()
                    removed += 1
    return written, removed


def generate_all(
    data: Path = paths.DATA,
    docs: Path | None = None,
    settings: Settings | None = None,
    processor: CitationProcessor | None = None,
) -> Report:
    """Validate, then write the pages into `docs` (default: the data's pages folder,
    <cache>/pages/). A page whose inputs have not changed since the last run and whose file is
    as that run left it is kept; the others are rendered (manifest.py). `processor`: one kept
    between runs (`mkdocs serve`); else one for this run alone."""
    settings = settings or Settings.from_environment()
    docs = pages_folder(data) if docs is None else docs
    if processor is None:
        with CitationProcessor(citation_folder(settings, data)) as own:
            return generate_all(data, docs, settings, own)
    started = time.perf_counter()
    # A first build formats every citation: the processor prepares its styles meanwhile.
    processor.warm_up([lang for lang in LANGUAGES if not processor.has_cache(lang)])
    catalog = load_catalog(data, data.parent, settings)
    pages_manifest = manifest.Manifest(
        data,
        docs,
        manifest.fingerprint(
            data, docs, {"site_url": settings.site_url, "date": settings.build_date()}
        ),
        enabled=settings.page_manifest,
    )
    run = RunInputs(catalog, Backlinks.of(catalog), bibliographies(catalog, processor))
    jobs = page_jobs(catalog)
    kept = [job.path for job in jobs if pages_manifest.current(str(job.path), run.digest)]
    keep = set(kept)
    stale = [job for job in jobs if job.path not in keep]
    generation = Generation(
        run, processor, templates(settings, data), settings.site_url, settings.build_date()
    )
    seen = generation.page_inputs(stale)
    pages_manifest.forget()
    written, removed = write_pages(generation.render_pages(stale, seen), docs, keep)
    pages_manifest.save(
        [str(path) for path in kept],
        {str(path): inputs.reads for path, inputs in seen.items()},
        run.digest,
    )
    return Report(
        catalog,
        len(jobs),
        written,
        removed,
        time.perf_counter() - started,
        tuple(sorted(str(job.path) for job in stale)),
    )


def home_timeline(catalog: Catalog, lang: str, env: jinja2.Environment) -> str:
    """The timeline for the marker on the hand-written home pages (links from the site root
    of the language)."""
    inputs = RunInputs(catalog, Backlinks(), {}).for_page()
    return render(
        env,
        "home_timeline.md.j2",
        view=timeline_view(inputs, lang, prefix=""),
        ui=ui_strings(catalog.ui, lang),
        lang=lang,
        generated_mark=GENERATED_MARK,
    )


def pdf_links(catalog: Catalog, lang: str, env: jinja2.Environment) -> str:
    """The PDF editions, for the marker on the hand-written About pages (at <lang>/about/):
    each language's book, or its volumes."""
    volumes = len(catalog_volume_plan(catalog))
    return render(
        env,
        "pdf_links.md.j2",
        ui=ui_strings(catalog.ui, lang),
        lang=lang,
        generated_mark=GENERATED_MARK,
        root="../" * (2 if url_prefix(lang) else 1),
        files=[
            (
                other,
                [
                    (name, volume_name(catalog.ui, lang, number) if number else None)
                    for number, name in zip(volume_numbers(volumes), volume_files(other, volumes))
                ],
            )
            for other in LANGUAGES
        ],
    )
