"""Command line: python -m bench [--factors 1,10,100] [--keep] [--seed N] [--no-serve]
[--no-search].

For each factor, a work folder with synthetic data at that many times the real records is
validated, then built three times (empty caches, after a one-record edit, nothing changed), each
step its own measured process. The table and the verdicts
on the issue's targets are printed, and everything goes to bench/results.json (rewritten after
each factor, so a long run leaves what it has measured so far).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from build_scripts.core.paths import PAGEFIND

from .measure import measure_factor, remove
from .process import CommandFailed
from .report import (
    LEGEND,
    RESULTS_FILE,
    SEARCH_COLUMNS,
    SEARCH_LEGEND,
    table,
    verdicts_text,
    write_json,
)
from .serve import ServeFailed
from .synthetic import DEFAULT_SEED
from .targets import BUILD_STEPS, evaluate

DEFAULT_FACTORS = "1,10,100"
DEFAULT_PDF_FACTORS = "1,10,100"
# The `make serve` measurement runs at these factors.
SERVE_FACTORS = (1, 10)


def _factors(text: str) -> list[int]:
    try:
        factors = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"factors are whole numbers like 1,10,100; got {text!r}"
        ) from None
    if not factors or min(factors) < 1:
        raise argparse.ArgumentTypeError(f"factors are whole numbers from 1; got {text!r}")
    return factors


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--factors",
        type=_factors,
        default=_factors(DEFAULT_FACTORS),
        help=f"times the real record count, comma-separated (default {DEFAULT_FACTORS})",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folders and sites")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the synthetic data")
    parser.add_argument(
        "--no-serve",
        action="store_true",
        help="skip the `make serve` rebuild measurement (at "
        + ", ".join(f"{f}x" for f in SERVE_FACTORS)
        + ")",
    )
    parser.add_argument(
        "--no-search",
        action="store_true",
        help="skip measuring the site's search in Chromium",
    )
    parser.add_argument(
        "--pdf-factors",
        type=_factors,
        default=_factors(DEFAULT_PDF_FACTORS),
        help="the factors built with the print edition (the others with PDF_EDITION=off; "
        f"default {DEFAULT_PDF_FACTORS})",
    )
    parser.add_argument("--output", type=Path, default=RESULTS_FILE, help="the JSON results file")
    args = parser.parse_args(argv)
    if not PAGEFIND.exists():
        parser.error(
            f"Pagefind, which the build needs, is not installed ({PAGEFIND}): run `npm ci`"
        )

    base = Path(tempfile.mkdtemp(prefix="bench-"))
    results: list[dict] = []
    failures: list[dict] = []
    for factor in args.factors:
        work = base / f"{factor}x"
        print(f"bench: {factor}x in {work} ...", flush=True)
        started = time.perf_counter()
        try:
            result = measure_factor(
                factor,
                work,
                args.seed,
                serve=factor in SERVE_FACTORS and not args.no_serve,
                search=not args.no_search,
                pdf=factor in args.pdf_factors,
            )
        except (CommandFailed, ServeFailed, OSError) as err:
            failures.append(
                {
                    "factor": factor,
                    "error": str(err),
                    "seconds": round(time.perf_counter() - started, 1),
                }
            )
            print(
                f"bench: {factor}x failed after {time.perf_counter() - started:.0f} s: {err}",
                file=sys.stderr,
                flush=True,
            )
        else:
            result["total_seconds"] = round(time.perf_counter() - started, 1)
            results.append(result)
            print(f"bench: {factor}x done in {result['total_seconds']:.0f} s", flush=True)
        finally:
            if not args.keep:
                remove(work)
        verdicts = evaluate({r["factor"]: r for r in results}) if results else []
        write_json(
            results,
            verdicts,
            {"seed": args.seed, "failures": failures},
            args.output,
        )
    if not args.keep:
        remove(base)

    print()
    print(table(results))
    print(LEGEND)
    if any("search" in result for result in results):
        print()
        print(table(results, SEARCH_COLUMNS))
        print(SEARCH_LEGEND)
    for result in results:
        if "serve" in result:
            serve = result["serve"]
            print(
                f"make serve, one-record edit at {result['factor']}x: {serve['page']} showed the "
                f"edit after {serve['rebuild_seconds']} s, {serve['rebuilds_per_edit']} "
                f"rebuild(s) (first serve after {serve['first_serve_seconds']} s)"
            )
        print(
            f"{result['factor']}x: languages side by side {result['build_unchanged']['seconds']}"
            " s against alone "
            + " + ".join(f"{s['seconds']}" for s in result["single_language_builds"].values())
            + f" s (ratio {result['parallel_to_sum']}); print edition "
            + "/".join(_seconds(result[step]["pdf_seconds"]) for step in BUILD_STEPS.values())
            + " s cold/edit/same"
        )
    for failure in failures:
        print(
            f"{failure['factor']}x FAILED after {failure['seconds']} s: "
            f"{failure['error'].splitlines()[0]}"
        )
    print()
    print(verdicts_text(verdicts))
    print(f"\nwrote {args.output}" + (f"; work folders kept in {base}" if args.keep else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
