"""Measure one factor: build a work folder with synthetic data, then time validation and three
full site builds as `make site` makes them (the parallel build, `python -m build_scripts build`,
print edition included; each its own process): the first, with empty caches; one after a
one-record edit; one with nothing changed. Each build reports the seconds it spent validating
and generating and typesetting the print edition: their shares of the HTML build (the build
without the print edition). Then each language alone (`SITE_LANGUAGE=<lang> mkdocs build`), to
compare the parallel build with their sum; the sizes of the result and its search in Chromium
(each language's Pagefind index behind Material's search box); last, page
generation alone, from nothing (no cache, no generated page), in its own process."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from build_scripts.core import paths
from build_scripts.core.languages import DEFAULT_LANGUAGE, LANGUAGES
from build_scripts.data.datasets import DATASETS

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
# What the parallel build prints at its end: its steps' seconds (site/parallel_build.py).
BUILD_REPORT = re.compile(
    r"build_scripts: built .* in ([\d.]+) s: prepare ([\d.]+) s, languages ([\d.]+) s"
)
PART_REPORT = re.compile(r"build_scripts: (\w+) built in [\d.]+ s \(peak ([\d.]+) MiB\)")
DRIVER_PEAK = re.compile(r"this process's peak ([\d.]+) MiB")
PDF_REPORT = re.compile(r"build_scripts: post-build steps done .*PDF edition ([\d.]+) s")
# The record whose English summary the `make serve` measurement edits.
SERVE_DATASET = "statements"
EDIT_SENTENCE = "One sentence added by the benchmark."


def build_env(pdf: bool = True) -> dict[str, str]:
    # The builds of `make site`, print edition included unless `pdf` is False.
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_SOURCE_DATE_EPOCH),
    }
    for name in ("PDF_EDITION", "SITE_LANGUAGE", "BUILD_PREPARED", "SERVE_LANGUAGE"):
        env.pop(name, None)
    if not pdf:
        env["PDF_EDITION"] = "off"
    return env


def real_record_pages(site: Path) -> list[Path]:
    """The English pages of the real records (copy 0 of the synthetic data)."""
    return [
        site / dataset / path.stem / "index.html"
        for dataset in DATASETS
        for path in sorted((paths.DATA / dataset).glob("*.yml"))
    ]


def generation_in_build(output: str) -> float | None:
    """Seconds the build spent validating and generating: the parallel build's `prepare`
    step, else (a single-process build) the hook's own report; None if it said neither."""
    found = BUILD_REPORT.search(output)
    if found:
        return float(found.group(2))
    found = HOOK_REPORT.search(output)
    return float(found.group(1)) if found else None


def process_peaks(output: str) -> dict:
    """The peak memory (MiB) of each language's process and of the preparing and finishing
    process, as the parallel build reports them."""
    driver = DRIVER_PEAK.search(output)
    return {
        "language_peaks_mib": {lang: float(mib) for lang, mib in PART_REPORT.findall(output)},
        "driver_peak_mib": float(driver.group(1)) if driver else None,
    }


def pdf_in_build(output: str) -> float:
    """Seconds the build spent on the print edition (0 when it made none)."""
    found = PDF_REPORT.search(output)
    return float(found.group(1)) if found else 0.0


def edited_record(work: Path) -> Path:
    """The record whose English summary the one-record edit changes (not the one the `make
    serve` measurement edits)."""
    return sorted((work / "data" / SERVE_DATASET).glob("*.yml"))[1]


def html_seconds(build: dict) -> float:
    """The build's wall time without the print edition."""
    return build["seconds"] - (build.get("pdf_seconds") or 0.0)


def shares(builds: dict[str, dict], part: str) -> dict[str, float | None]:
    """A part of each build (`generation_seconds`: validation and generation; `pdf_seconds`:
    the print edition) as a share of its HTML build, in per cent (None where the build did
    not say, or left the part out)."""
    return {
        case: (
            round(100 * build[part] / html_seconds(build), 1)
            if build.get(part) is not None
            else None
        )
        for case, build in builds.items()
    }


def forget_generation(work: Path) -> None:
    """Remove the build caches and the generated pages (.cache/pages/) of the work folder."""
    shutil.rmtree(work / ".cache", ignore_errors=True)


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
    factor: int,
    work: Path,
    seed: int = DEFAULT_SEED,
    serve: bool = False,
    search: bool = True,
    pdf: bool = True,
) -> dict:
    """Every figure for one factor, measured in the new folder `work` (`pdf`: with the print
    edition)."""
    counts = make_workspace(work, factor, seed)
    env = build_env(pdf)
    python = sys.executable
    site = work / SITE_FOLDER
    build_command = [python, "-m", "build_scripts", "build", "--site-dir", str(site)]

    def build() -> dict:
        measured = run_measured(build_command, work, env)
        return {
            **measured.as_dict(),
            "generation_seconds": generation_in_build(measured.output),
            "pdf_seconds": pdf_in_build(measured.output) if pdf else None,
            **process_peaks(measured.output),
        }

    # Validation alone, with an empty record cache; then the first build (every cache empty),
    # a build after one record's edit, and a build with nothing changed.
    validation = run_measured([python, "-m", "build_scripts", "validate"], work, env)
    builds = {"cold": build()}
    edit_summary(edited_record(work), work, EDIT_SENTENCE)
    builds["after_edit"] = build()
    builds["unchanged"] = build()
    languages = single_language_builds(work, env)
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
        "generation_percent_of_build": shares(builds, "generation_seconds"),
        "pdf_percent_of_build": shares(builds, "pdf_seconds"),
        "single_language_builds": languages,
        "parallel_to_sum": round(
            builds["unchanged"]["seconds"] / sum(step["seconds"] for step in languages.values()), 2
        ),
    }
    if serve:
        first = sorted((work / "data" / SERVE_DATASET).glob("*.yml"))[0].stem
        result["serve"] = rebuild_seconds(work, SERVE_DATASET, first, env)
    return result


def single_language_builds(work: Path, env: dict[str, str]) -> dict[str, dict]:
    """Each language built alone by one `mkdocs build --strict` (SITE_LANGUAGE: the plugin
    checks the data and the pages itself, builds that language, no finishing step), with
    nothing changed since the last build."""
    found = {}
    for lang in LANGUAGES:
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(work / f"site-{lang}"),
        ]
        found[lang] = run_measured(command, work, {**env, "SITE_LANGUAGE": lang}).as_dict()
        shutil.rmtree(work / f"site-{lang}", ignore_errors=True)
    return found


def remove(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
