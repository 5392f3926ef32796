"""Measure one factor: build a work folder with synthetic data, then time validation and three
full site builds (each its own process): the first, with empty caches; one after a one-record
edit; one with nothing changed. Each build's hook reports the seconds it spent validating and
generating, its share of that build. Then size the result and measure its search in Chromium
(each language's Pagefind index behind Material's search box); last, page generation alone,
from nothing (no cache, no generated page), in its own process."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from build_scripts.core import paths
from build_scripts.core.languages import DEFAULT_LANGUAGE
from build_scripts.data.datasets import DATASETS
from build_scripts.pages.generate import GENERATED_FOLDERS

from .pagefind import pagefind_indexes
from .process import run_measured
from .search_timing import first_and_warm
from .serve import edit_summary, rebuild_seconds
from .site_size import html_pages, page_weight, search_indexes
from .synthetic import DEFAULT_SEED
from .targets import BUILD_STEPS
from .workspace import make_workspace

# 2025-01-01T00:00:00Z: the access date citations carry, so every run builds the same pages.
DEFAULT_SOURCE_DATE_EPOCH = "1735689600"
SITE_FOLDER = "site-bench"
# What the MkDocs hook prints when it has generated the pages inside the build.
HOOK_REPORT = re.compile(r"build_scripts: generated \d+ pages .* in ([\d.]+) s")
# The record whose English summary the `make serve` measurement edits.
SERVE_DATASET = "statements"
EDIT_SENTENCE = "One sentence added by the benchmark."


def build_env() -> dict[str, str]:
    # The benchmark measures the HTML site; the PDF edition is left out (PDF_EDITION=off).
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PDF_EDITION": "off",
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_SOURCE_DATE_EPOCH),
    }


def real_record_pages(site: Path) -> list[Path]:
    """The English pages of the real records (copy 0 of the synthetic data)."""
    return [
        site / dataset / path.stem / "index.html"
        for dataset in DATASETS
        for path in sorted((paths.DATA / dataset).glob("*.yml"))
    ]


def generation_in_build(output: str) -> float | None:
    """Seconds the build spent generating pages (the hook's own report), if it said."""
    found = HOOK_REPORT.search(output)
    return float(found.group(1)) if found else None


def edited_record(work: Path) -> Path:
    """The record whose English summary the one-record edit changes (not the one the `make
    serve` measurement edits)."""
    return sorted((work / "data" / SERVE_DATASET).glob("*.yml"))[1]


def generation_shares(builds: dict[str, dict]) -> dict[str, float | None]:
    """Validation and generation as a share of each full build, in per cent (None where the
    hook did not say)."""
    return {
        case: (
            round(100 * build["generation_seconds"] / build["seconds"], 1)
            if build.get("generation_seconds") is not None
            else None
        )
        for case, build in builds.items()
    }


def forget_generation(work: Path) -> None:
    """Remove the build caches and the generated pages of the work folder."""
    shutil.rmtree(work / ".cache", ignore_errors=True)
    for name in GENERATED_FOLDERS:
        shutil.rmtree(work / "docs" / name, ignore_errors=True)


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


def search_figures(site: Path) -> dict:
    """Each language's search index on disk, and its search in Chromium."""
    return {
        "index": {lang: found.as_dict() for lang, found in pagefind_indexes(site).items()},
        "timing": first_and_warm(site),
    }


def measure_factor(
    factor: int, work: Path, seed: int = DEFAULT_SEED, serve: bool = False, search: bool = True
) -> dict:
    """Every figure for one factor, measured in the new folder `work`."""
    counts = make_workspace(work, factor, seed)
    env = build_env()
    python = sys.executable
    site = work / SITE_FOLDER
    build_command = [python, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]

    def build() -> dict:
        measured = run_measured(build_command, work, env)
        return {**measured.as_dict(), "generation_seconds": generation_in_build(measured.output)}

    # Validation alone, with an empty record cache; then the first build (every cache empty),
    # a build after one record's edit, and a build with nothing changed.
    validation = run_measured([python, "-m", "build_scripts", "validate"], work, env)
    builds = {"cold": build()}
    edit_summary(edited_record(work), work, EDIT_SENTENCE)
    builds["after_edit"] = build()
    builds["unchanged"] = build()
    figures = site_figures(site)
    if search:
        figures["search"] = search_figures(site)
    # Page generation alone, in its own process, from nothing: no cache, no generated page.
    forget_generation(work)
    generation = run_measured([python, "-m", "build_scripts", "generate"], work, env)
    result = {
        "factor": factor,
        "records": sum(counts.values()),
        "records_per_dataset": counts,
        "validate": validation.as_dict(),
        "generate": generation.as_dict(),
        **{BUILD_STEPS[case]: measured for case, measured in builds.items()},
        **figures,
        "build_ms_per_page": round(1000 * builds["cold"]["seconds"] / figures["html_pages"], 2),
        "generation_percent_of_build": generation_shares(builds),
    }
    if serve:
        first = sorted((work / "data" / SERVE_DATASET).glob("*.yml"))[0].stem
        result["serve"] = rebuild_seconds(work, SERVE_DATASET, first, env)
    return result


def remove(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
