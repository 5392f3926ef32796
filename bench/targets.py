"""The targets of the "Quality gates and performance" issue, checked against the results.

Each check returns PASS, FAIL, or SKIP when the factors it needs were not measured. A FAIL is
reported, never raised: the benchmark is a measurement, not a gate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

PASS, FAIL, SKIP = "PASS", "FAIL", "SKIP"

# Validation and generation: their share of a warm build (an edit, nothing changed), and of the
# first build from an empty cache (issue 15).
GENERATE_VALIDATE_MAX_PERCENT = 5.0
GENERATE_VALIDATE_COLD_MAX_PERCENT = 10.0
# Issue 15: a warm `make site` at 1x, print edition included; the print edition against the
# HTML build; the languages side by side against their sum; one process's memory at 100x;
# `make serve` from save to the new text, one rebuild per edit.
WARM_SITE_MAX_SECONDS = 6.0
PDF_MAX_PERCENT = 10.0
PDF_LINEAR_MAX_RATIO = 1.5
PARALLEL_MAX_RATIO = 0.6
PROCESS_MEMORY_MAX_MB = 800.0
SERVE_MAX_SECONDS = {1: 1.5, 10: 5.0}
PER_PAGE_MAX_RATIO = 1.5
PEAK_MEMORY_MAX_MB = 2048.0
RECORD_PAGE_MAX_KB = 150.0
SEARCH_FIRST_QUERY_MAX_MS = 300.0
SEARCH_FIRST_QUERY_MAX_KB = 250.0


@dataclass(frozen=True)
class Verdict:
    target: str
    outcome: str
    detail: str

    def as_dict(self) -> dict:
        return asdict(self)


Results = dict[int, dict]


# The three builds of a factor: case -> its key in results.json, in the order measured.
BUILD_STEPS = {"cold": "build", "after_edit": "build_after_edit", "unchanged": "build_unchanged"}
# The cases of generation_percent_of_build, as the verdicts name them.
GENERATION_CASES = {
    "unchanged": "nothing changed",
    "after_edit": "one record edited",
    "cold": "first build, empty caches",
}


def _peak_mb(result: dict) -> float:
    """The largest memory of the steps: the tree peak where sampled, else the process's."""
    return max(
        result[step]["peak_tree_mb"] or result[step]["peak_rss_mb"]
        for step in ("validate", "generate", *BUILD_STEPS.values())
        if step in result
    )


def generation_share(results: Results) -> list[Verdict]:
    """One verdict per case: generation (validation included) as a share of the HTML build."""
    verdicts = []
    for case, name in GENERATION_CASES.items():
        limit = (
            GENERATE_VALIDATE_COLD_MAX_PERCENT if case == "cold" else GENERATE_VALIDATE_MAX_PERCENT
        )
        target = f"generation+validation < {limit:g}% of the HTML build ({name})"
        shares = {f: r["generation_percent_of_build"][case] for f, r in results.items()}
        ok = all(share is not None and share < limit for share in shares.values())
        detail = ", ".join(f"{f}x: {share}%" for f, share in sorted(shares.items()))
        verdicts.append(Verdict(target, PASS if ok else FAIL, detail))
    return verdicts


def per_page_scaling(results: Results) -> Verdict:
    target = f"per-page build time at 100x within {PER_PAGE_MAX_RATIO:g}x of 1x"
    if 1 not in results or 100 not in results:
        return Verdict(target, SKIP, "needs factors 1 and 100")
    small, big = results[1]["build_ms_per_page"], results[100]["build_ms_per_page"]
    ratio = big / small
    return Verdict(
        target,
        PASS if ratio <= PER_PAGE_MAX_RATIO else FAIL,
        f"1x: {small} ms, 100x: {big} ms, ratio {ratio:.2f}",
    )


def peak_memory(results: Results) -> Verdict:
    target = f"peak memory at 100x < {PEAK_MEMORY_MAX_MB / 1024:g} GB"
    if 100 not in results:
        return Verdict(target, SKIP, "needs factor 100")
    peak = _peak_mb(results[100])
    return Verdict(
        target, PASS if peak < PEAK_MEMORY_MAX_MB else FAIL, f"{peak:.0f} MB (process tree)"
    )


def record_page_weight(results: Results) -> Verdict:
    target = f"record page weight (gzip, without index) < {RECORD_PAGE_MAX_KB:g} KB"
    weights = {f: r["record_page"]["own_kb"] for f, r in results.items()}
    ok = all(kb < RECORD_PAGE_MAX_KB for kb in weights.values())
    page = next(iter(results.values()))["record_page"]["page"]
    detail = f"{page}: " + ", ".join(f"{f}x: {kb} KB" for f, kb in sorted(weights.items()))
    return Verdict(target, PASS if ok else FAIL, detail)


def _first_queries(timing: dict) -> str:
    return ", ".join(
        f"{lang}: {t['first_ms']:.0f} ms, {t['first_query']['gzip_kb']} KB, "
        f"{t['first_query']['results']} results for {t['first_query']['query']}"
        for lang, t in timing.items()
    )


def search_first_query(results: Results) -> Verdict:
    """The first query of a fresh page at 100x, per language: answered in time, within the
    bytes, with results, from the page's own language's index only."""
    target = (
        f"search: the first query at 100x answers in < {SEARCH_FIRST_QUERY_MAX_MS:g} ms and "
        f"fetches < {SEARCH_FIRST_QUERY_MAX_KB:g} KB gzip, in each language"
    )
    measured = {f: r["search"]["timing"] for f, r in sorted(results.items()) if "search" in r}
    if 100 not in measured:
        smaller = "; ".join(f"{f}x: {_first_queries(timing)}" for f, timing in measured.items())
        return Verdict(target, SKIP, "needs factor 100" + (f" ({smaller})" if smaller else ""))
    ok = all(
        t["first_ms"] < SEARCH_FIRST_QUERY_MAX_MS
        and t["first_query"]["gzip_kb"] < SEARCH_FIRST_QUERY_MAX_KB
        and t["first_query"]["results"] > 0
        and t["first_query"]["index_languages"] == [lang]
        for lang, t in measured[100].items()
    )
    return Verdict(target, PASS if ok else FAIL, "100x: " + _first_queries(measured[100]))


def warm_site(results: Results) -> Verdict:
    target = (
        "warm `make site` at 1x (nothing changed, print edition included) "
        f"< {WARM_SITE_MAX_SECONDS:g} s"
    )
    if 1 not in results:
        return Verdict(target, SKIP, "needs factor 1")
    seconds = results[1][BUILD_STEPS["unchanged"]]["seconds"]
    return Verdict(target, PASS if seconds < WARM_SITE_MAX_SECONDS else FAIL, f"1x: {seconds} s")


def pdf_share(results: Results) -> list[Verdict]:
    """The print edition against the HTML build, per case, at every size; and its growth."""
    verdicts = []
    for case, name in GENERATION_CASES.items():
        target = f"print edition < {PDF_MAX_PERCENT:g}% of the HTML build ({name})"
        shares = {f: r.get("pdf_percent_of_build", {}).get(case) for f, r in results.items()}
        measured = {f: share for f, share in shares.items() if share is not None}
        if not measured:
            verdicts.append(Verdict(target, SKIP, "no build with the print edition"))
            continue
        ok = all(share < PDF_MAX_PERCENT for share in measured.values())
        detail = ", ".join(
            f"{f}x: {'not built' if share is None else f'{share}%'}"
            for f, share in sorted(shares.items())
        )
        verdicts.append(Verdict(target, PASS if ok else FAIL, detail))
    return verdicts


def pdf_linear(results: Results) -> Verdict:
    """The print edition's seconds per record (first build) stay within a ratio across sizes."""
    target = (
        f"print edition grows linearly: seconds per record within {PDF_LINEAR_MAX_RATIO:g}x "
        "across sizes (first build)"
    )
    per_record = {
        f: (r[BUILD_STEPS["cold"]].get("pdf_seconds") or 0.0) / r["records"]
        for f, r in sorted(results.items())
        if r[BUILD_STEPS["cold"]].get("pdf_seconds") is not None
    }
    if len(per_record) < 2 or min(per_record.values()) <= 0:
        return Verdict(target, SKIP, "needs two factors with a print edition")
    ratio = max(per_record.values()) / min(per_record.values())
    detail = ", ".join(f"{f}x: {1000 * v:.0f} ms" for f, v in per_record.items())
    return Verdict(
        target, PASS if ratio <= PDF_LINEAR_MAX_RATIO else FAIL, f"{detail}; ratio {ratio:.2f}"
    )


def parallel_languages(results: Results) -> Verdict:
    target = (
        f"languages side by side at 100x <= {PARALLEL_MAX_RATIO:g}x the sum of the three "
        "single-language builds"
    )
    measured = {
        f: r["parallel_to_sum"] for f, r in sorted(results.items()) if "parallel_to_sum" in r
    }
    detail = ", ".join(f"{f}x: {ratio}" for f, ratio in measured.items())
    if 100 not in measured:
        return Verdict(target, SKIP, "needs factor 100" + (f" ({detail})" if detail else ""))
    return Verdict(target, PASS if measured[100] <= PARALLEL_MAX_RATIO else FAIL, detail)


def _largest_process(step: dict) -> tuple[float, str]:
    """A build's largest single process, each process's own peak (sampled, process.py), or
    rusage's upper bound where /proc was not sampled."""
    if step.get("largest_process_mb") is not None:
        return step["largest_process_mb"], step.get("largest_process", "")
    return step["peak_rss_mb"], ""


def process_memory(results: Results) -> Verdict:
    """The largest single process of a build, not the sum of the tree."""
    target = f"peak memory of any one build process at 100x < {PROCESS_MEMORY_MAX_MB:g} MiB"
    largest = {
        f: max((_largest_process(r[step]) for step in BUILD_STEPS.values()), key=lambda x: x[0])
        for f, r in sorted(results.items())
    }
    peaks = {f: mib for f, (mib, _command) in largest.items()}
    detail = ", ".join(
        f"{f}x: {mib:.0f} MiB" + (f" ({command})" if command else "")
        for f, (mib, command) in largest.items()
    )
    parts = {
        f: (
            max(
                (
                    mib
                    for step in BUILD_STEPS.values()
                    for mib in r[step].get("language_peaks_mib", {}).values()
                ),
                default=None,
            ),
            max((r[step].get("driver_peak_mib") or 0 for step in BUILD_STEPS.values()), default=0),
        )
        for f, r in sorted(results.items())
    }
    if any(language is not None for language, _driver in parts.values()):
        detail += "; largest language process / preparing process: " + ", ".join(
            f"{f}x: {language:.0f} / {driver:.0f} MiB"
            for f, (language, driver) in parts.items()
            if language is not None
        )
    if 100 not in peaks:
        return Verdict(target, SKIP, "needs factor 100" + (f" ({detail})" if detail else ""))
    return Verdict(target, PASS if peaks[100] < PROCESS_MEMORY_MAX_MB else FAIL, detail)


def serve_rebuild(results: Results) -> list[Verdict]:
    """`make serve`: save to the new text within the size's limit, and one rebuild per edit."""
    verdicts = []
    for factor, limit in SERVE_MAX_SECONDS.items():
        target = f"`make serve` at {factor}x: save to new text < {limit:g} s"
        serve = results.get(factor, {}).get("serve")
        if serve is None:
            verdicts.append(Verdict(target, SKIP, f"needs factor {factor} with serve"))
            continue
        seconds = serve["rebuild_seconds"]
        verdicts.append(Verdict(target, PASS if seconds < limit else FAIL, f"{seconds} s"))
    target = "`make serve`: exactly one rebuild per edit"
    counts = {
        f: r["serve"]["rebuilds_per_edit"] for f, r in sorted(results.items()) if "serve" in r
    }
    if not counts:
        verdicts.append(Verdict(target, SKIP, "needs a serve measurement"))
    else:
        detail = ", ".join(f"{f}x: {n}" for f, n in counts.items())
        verdicts.append(Verdict(target, PASS if set(counts.values()) == {1} else FAIL, detail))
    return verdicts


CHECKS: tuple[Callable[[Results], Verdict | list[Verdict]], ...] = (
    generation_share,
    per_page_scaling,
    peak_memory,
    record_page_weight,
    search_first_query,
    warm_site,
    pdf_share,
    pdf_linear,
    parallel_languages,
    process_memory,
    serve_rebuild,
)


def evaluate(results: Results) -> list[Verdict]:
    verdicts: list[Verdict] = []
    for check in CHECKS:
        found = check(results)
        verdicts += found if isinstance(found, list) else [found]
    return verdicts
