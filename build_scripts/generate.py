"""Orchestrate page generation: validate, build views, render, write what changed.

Generated files live in docs/<dataset>/ (git-ignored). A file is written only when its content
changed, so `mkdocs serve` reloads exactly the pages an edit touched and never loops; files of
records that no longer exist are removed.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from . import generation_stamp, paths
from .bibliography_view import bibliography_view
from .citations import Job, format_jobs
from .csl_json import reference_items
from .data_page import data_page_view
from .edition import build_date, edition
from .page_citations import page_citations, page_items
from .languages import HTML_LANG, LANGUAGES, page_suffix, url_prefix
from .pdf_edition import file_name as pdf_file_name
from .render import render
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
    skipped: bool = False  # nothing generation reads had changed since the last run

    def __str__(self) -> str:
        if self.skipped:
            return (f"generated {self.pages} pages (inputs unchanged since the last run: "
                    f"nothing rendered) in {self.seconds:.2f} s")
        return (f"generated {self.pages} pages ({self.written} written, {self.removed} removed, "
                f"the rest unchanged) in {self.seconds:.2f} s")


def ui_strings(catalog: Catalog, lang: str):
    def ui(key: str) -> str:
        try:
            return catalog.ui[key][lang]
        except KeyError:
            raise KeyError(f"interface string {key!r} is missing from data/ui.yml") from None
    return ui


def pages_for(catalog: Catalog, site_url: str = DEFAULT_SITE_URL) -> dict[Path, str]:
    """Every generated page: path under docs/ -> Markdown."""
    backlinks = Backlinks.of(catalog)
    pages: dict[Path, str] = {}
    accessed, current = build_date(), edition()
    # Every citation of the site in one run of the processor per language.
    items = {lang: page_items(catalog, lang, site_url, current, accessed) for lang in LANGUAGES}
    works = reference_items(catalog)
    formatted = format_jobs([Job(list(items[lang].values()), lang, separately=True)
                             for lang in LANGUAGES] + [Job(works, lang) for lang in LANGUAGES])
    for number, lang in enumerate(LANGUAGES):
        common = {"lang": lang, "ui": ui_strings(catalog, lang), "generated_mark": GENERATED_MARK}
        cites = page_citations(catalog, lang, items[lang], formatted[number], current, site_url)
        bibliography = bibliography_view(catalog, backlinks, lang,
                                         formatted[len(LANGUAGES) + number])
        for dataset in DATASET_ORDER:
            folder = Path(dataset)
            pages[folder / f"index{page_suffix(lang)}.md"] = (
                render("bibliography.md.j2", view=bibliography, **common) if dataset == "references"
                else render("index.md.j2", view=index_view(catalog, dataset, lang) | {
                    "chart": chart_view(catalog, lang) if dataset == "indicators" else None},
                    **common))
            for record_id in catalog.records[dataset]:
                view = record_view(catalog, backlinks, dataset, record_id, lang)
                view["cite"] = cites[(dataset, record_id)]
                if dataset == "references":
                    view["citation"] = bibliography["by_id"][record_id]
                    work_lang = catalog.get(dataset, record_id).language
                    view["citation_lang"] = HTML_LANG[work_lang] if work_lang != lang else None
                pages[folder / f"{record_id}{page_suffix(lang)}.md"] = render(
                    RECORD_TEMPLATES[dataset], view=view, **common)
        pages[Path(DATA_PAGE_FOLDER) / f"index{page_suffix(lang)}.md"] = render(
            "data.md.j2", view=data_page_view(catalog, lang), **common)
        pages[Path(TIMELINE_FOLDER) / f"index{page_suffix(lang)}.md"] = render(
            "timeline.md.j2", view=timeline_view(catalog, lang), **common)
    return pages


def write_pages(pages: dict[Path, str], docs: Path) -> tuple[int, int]:
    """Write changed pages, remove stale ones; return (written, removed)."""
    written = removed = 0
    for dataset in GENERATED_FOLDERS:
        folder = docs / dataset
        if folder.exists():
            for existing in folder.glob("*.md"):
                if existing.relative_to(docs) not in pages:
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
    """Validate, then write the pages; rendering is skipped when the generation stamp shows
    that nothing it reads has changed (generation_stamp.py)."""
    started = time.perf_counter()
    catalog = load_catalog(data, data.parent)
    inputs = generation_stamp.fingerprint(data, docs, {"site_url": site_url,
                                                       "date": build_date()})
    known = generation_stamp.unchanged(inputs, docs, GENERATED_FOLDERS)
    if known is not None:
        return Report(catalog, known, 0, 0, time.perf_counter() - started, skipped=True)
    generation_stamp.forget()
    pages = pages_for(catalog, site_url)
    written, removed = write_pages(pages, docs)
    generation_stamp.record(inputs, docs, list(pages))
    return Report(catalog, len(pages), written, removed, time.perf_counter() - started)


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
