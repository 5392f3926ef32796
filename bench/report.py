"""The benchmark's outputs: a table on the terminal and bench/results.json."""

from __future__ import annotations

import json
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from .search_timing import QUERIES
from .targets import BUILD_STEPS, Verdict

RESULTS_FILE = Path(__file__).resolve().parent / "results.json"

# (heading, width, how to read the figure from one factor's results)
COLUMNS = (
    ("factor", 6, lambda r: f"{r['factor']}x"),
    ("records", 7, lambda r: r["records"]),
    ("pages", 6, lambda r: r["html_pages"]),
    ("validate s/MB", 13, lambda r: _step(r["validate"])),
    ("generate s/MB", 13, lambda r: _step(r["generate"])),
    (
        "build s/MB cold/edit/same",
        27,
        lambda r: " ".join(_step(r[step]) for step in BUILD_STEPS.values()),
    ),
    (
        "gen s cold/edit/same",
        20,
        lambda r: "/".join(
            _seconds(r[step].get("generation_seconds")) for step in BUILD_STEPS.values()
        ),
    ),
    ("ms/page", 7, lambda r: r["build_ms_per_page"]),
    (
        "gen % cold/edit/same",
        20,
        lambda r: "/".join(str(r["generation_percent_of_build"][case]) for case in BUILD_STEPS),
    ),
    ("index KB gz en/zh/ru", 20, lambda r: _indexes(r["search_index"])),
    ("home KB", 11, lambda r: _weight(r["home_page"])),
    ("record KB", 11, lambda r: _weight(r["record_page"])),
    ("search ms en/zh/ru", 26, lambda r: _search(_timing(r))),
)


def _step(step: dict) -> str:
    memory = step["peak_tree_mb"] or step["peak_rss_mb"]
    return f"{step['seconds']:.1f}/{memory:.0f}"


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _indexes(indexes: dict) -> str:
    text = "/".join(f"{index['gzip_kb']:.0f}" for index in indexes.values())
    return text + (" shared" if any(index["shared"] for index in indexes.values()) else "")


def _search(timings: dict | None) -> str:
    if not timings:
        return "-"
    return " ".join(f"{t['first_ms']:.0f}/{t['warm_ms']:.0f}" for t in timings.values())


def _weight(weight: dict) -> str:
    return f"{weight['own_kb']:.0f}/{weight['with_index_kb']:.0f}"


def _per_language(figures: dict | None, text) -> str:
    """One figure per language, en/zh/ru, or "-" where not measured."""
    return "/".join(text(figure) for figure in figures.values()) if figures else "-"


def _timing(result: dict) -> dict | None:
    return result.get("search", {}).get("timing")


# The search: each language's Pagefind index on disk, and what its first query costs.
SEARCH_COLUMNS = (
    ("factor", 6, lambda r: f"{r['factor']}x"),
    (
        "index MB raw en/zh/ru",
        21,
        lambda r: _per_language(
            r.get("search", {}).get("index"), lambda i: f"{i['raw_kb'] / 1024:.1f}"
        ),
    ),
    ("first/warm ms en/zh/ru", 26, lambda r: _search(_timing(r))),
    (
        "1st KB gz en/zh/ru",
        18,
        lambda r: _per_language(_timing(r), lambda t: f"{t['first_query']['gzip_kb']:.0f}"),
    ),
    (
        "1st requests",
        12,
        lambda r: _per_language(_timing(r), lambda t: str(t["first_query"]["requests"])),
    ),
    (
        "hits en/zh/ru",
        14,
        lambda r: _per_language(_timing(r), lambda t: str(t["first_query"]["results"])),
    ),
)


def table(results: list[dict], columns: tuple = COLUMNS) -> str:
    lines = ["  ".join(f"{name:>{width}}" for name, width, _read in columns)]
    for result in results:
        lines.append("  ".join(f"{str(read(result)):>{width}}" for _name, width, read in columns))
    return "\n".join(lines)


LEGEND = (
    "s/MB: wall seconds / peak resident memory of the process tree (MB). validate: "
    "validation alone, empty record cache. build: the build of `make site` (`python -m "
    "build_scripts build`: prepare once, the languages side by side, the finishing step; the "
    "print edition included where it is built): cold = the first, every cache empty; edit = "
    "after one record's edit; same = nothing changed. gen s: of a build's seconds, those it "
    "spent validating and generating; gen %: their share of the HTML build (the build "
    "without the print edition's seconds). ms/page: the cold build's seconds per HTML page. "
    'index: each language\'s search index, gzip ("shared": one index for all). '
    "home, record: gzip KB of the page with its CSS and JS / plus the search index. "
    "search ms: key-up to first result in Chromium, first query (index download and "
    "build included) / a query on the warm index."
)

SEARCH_LEGEND = (
    "The site's search: Material's search box answered by the language's Pagefind index. "
    "index MB raw: the language's index decompressed (stored gzip by Pagefind). "
    "first/warm ms: key-up to the first result shown, on a fresh page (Pagefind, its "
    "metadata, the word chunks and the shown results' fragments loaded then) / a query "
    "once loaded. 1st KB gz: every search file the first query fetched (the worker, "
    "Material's empty index, Pagefind's code and index files, the Chinese words), as a "
    "server that gzips text sends them; requests: how many. hits: results listed for the "
    "first query (" + ", ".join(queries[0] for _root, queries in QUERIES.values()) + ")."
)


def verdicts_text(verdicts: list[Verdict]) -> str:
    return "\n".join(f"{v.outcome:<5} {v.target}: {v.detail}" for v in verdicts)


def machine() -> dict:
    return {
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def write_json(
    results: list[dict], verdicts: list[Verdict], extra: dict, path: Path = RESULTS_FILE
) -> Path:
    document = {
        "machine": machine(),
        **extra,
        "factors": results,
        "targets": [verdict.as_dict() for verdict in verdicts],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
