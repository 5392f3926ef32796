"""Measure one factor: build a work folder with synthetic data, then time validation,
generation and the full site build (each its own process), and size the result; then index
the built site with Pagefind, the alternative to Material's search, and measure it too."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from build_scripts import paths
from build_scripts.languages import DEFAULT_LANGUAGE
from build_scripts.models import DATASETS

from .pagefind import index_site, pagefind_indexes
from .pagefind_timing import first_and_warm
from .process import run_measured
from .search_timing import keyup_to_results
from .serve import rebuild_seconds
from .site_size import html_pages, page_weight, search_indexes
from .synthetic import DEFAULT_SEED
from .workspace import make_workspace

# 2025-01-01T00:00:00Z: the access date citations carry, so every run builds the same pages.
DEFAULT_SOURCE_DATE_EPOCH = "1735689600"
SITE_FOLDER = "site-bench"
# What the MkDocs hook prints when it has generated the pages inside the build.
HOOK_REPORT = re.compile(r"build_scripts: generated \d+ pages .* in ([\d.]+) s")
# The record whose English summary the `make serve` measurement edits.
SERVE_DATASET = "statements"


def build_env() -> dict[str, str]:
    # The benchmark measures the HTML site; the PDF edition is left out (PDF_EDITION=off).
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PDF_EDITION": "off",
            "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_SOURCE_DATE_EPOCH)}


def real_record_pages(site: Path) -> list[Path]:
    """The English pages of the real records (copy 0 of the synthetic data)."""
    return [site / dataset / path.stem / "index.html" for dataset in DATASETS
            for path in sorted((paths.DATA / dataset).glob("*.yml"))]


def generation_in_build(output: str) -> float | None:
    """Seconds the build spent generating pages (the hook's own report), if it said."""
    found = HOOK_REPORT.search(output)
    return float(found.group(1)) if found else None


def largest(pages: list[Path]) -> Path:
    return max((page for page in pages if page.exists()), key=lambda page: page.stat().st_size)


def site_figures(site: Path) -> dict:
    """Pages, search indexes and the weight of the home page and of the largest real record
    page (English)."""
    indexes = search_indexes(site)
    index = indexes[DEFAULT_LANGUAGE]
    return {
        "html_pages": html_pages(site),
        "search_index": {lang: found.as_dict() for lang, found in indexes.items()},
        "home_page": page_weight(site, site / "index.html", index).as_dict(),
        "record_page": page_weight(site, largest(real_record_pages(site)), index).as_dict(),
    }


def pagefind_figures(site: Path, env: dict[str, str]) -> dict:
    """Pagefind on the built site: indexing (its own process), each language's index, and
    its search in Chromium."""
    indexing = index_site(site, env)
    return {"indexing": indexing.as_dict(),
            "index": {lang: found.as_dict() for lang, found in pagefind_indexes(site).items()},
            "search": first_and_warm(site)}


def measure_factor(factor: int, work: Path, seed: int = DEFAULT_SEED,
                   serve: bool = False, pagefind: bool = True) -> dict:
    """Every figure for one factor, measured in the new folder `work`."""
    counts = make_workspace(work, factor, seed)
    env = build_env()
    python = sys.executable
    site = work / SITE_FOLDER
    validation = run_measured([python, "-m", "build_scripts", "validate"], work, env)
    generation = run_measured([python, "-m", "build_scripts", "generate"], work, env)
    build = run_measured([python, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                         work, env)
    figures = site_figures(site)
    figures["search_ms"] = keyup_to_results(site)
    if pagefind:
        figures["pagefind"] = pagefind_figures(site, env)
    result = {
        "factor": factor,
        "records": sum(counts.values()),
        "records_per_dataset": counts,
        "validate": validation.as_dict(),
        "generate": generation.as_dict(),
        "build": {**build.as_dict(), "generation_seconds": generation_in_build(build.output)},
        **figures,
        "build_ms_per_page": round(1000 * build.seconds / figures["html_pages"], 2),
        "generate_validate_percent_of_build": round(
            100 * (validation.seconds + generation.seconds) / build.seconds, 1),
    }
    if serve:
        first = sorted((work / "data" / SERVE_DATASET).glob("*.yml"))[0].stem
        result["serve"] = rebuild_seconds(work, SERVE_DATASET, first, env)
    return result


def remove(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
