"""The targets of the "Quality gates and performance" issue, checked against the results.

Each check returns PASS, FAIL, or SKIP when the factors it needs were not measured. A FAIL is
reported, never raised: the benchmark is a measurement, not a gate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

PASS, FAIL, SKIP = "PASS", "FAIL", "SKIP"

GENERATE_VALIDATE_MAX_PERCENT = 5.0
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
    """One verdict per case: generation (validation included) as a share of the full build."""
    verdicts = []
    for case, name in GENERATION_CASES.items():
        target = (
            f"generation+validation < {GENERATE_VALIDATE_MAX_PERCENT:g}% of the full build ({name})"
        )
        shares = {f: r["generation_percent_of_build"][case] for f, r in results.items()}
        ok = all(
            share is not None and share < GENERATE_VALIDATE_MAX_PERCENT for share in shares.values()
        )
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


CHECKS: tuple[Callable[[Results], Verdict | list[Verdict]], ...] = (
    generation_share,
    per_page_scaling,
    peak_memory,
    record_page_weight,
    search_first_query,
)


def evaluate(results: Results) -> list[Verdict]:
    verdicts: list[Verdict] = []
    for check in CHECKS:
        found = check(results)
        verdicts += found if isinstance(found, list) else [found]
    return verdicts
