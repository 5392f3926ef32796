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
from .targets import evaluate

DEFAULT_FACTORS = "1,10,100"
# The `make serve` measurement runs at this factor.
SERVE_FACTOR = 1


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
        help=f"skip the `make serve` rebuild measurement (at {SERVE_FACTOR}x)",
    )
    parser.add_argument(
        "--no-search",
        action="store_true",
        help="skip measuring the site's search in Chromium",
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
    serve: dict | None = None
    for factor in args.factors:
        work = base / f"{factor}x"
        print(f"bench: {factor}x in {work} ...", flush=True)
        started = time.perf_counter()
        try:
            result = measure_factor(
                factor,
                work,
                args.seed,
                serve=factor == SERVE_FACTOR and not args.no_serve,
                search=not args.no_search,
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
            serve = result.pop("serve", serve)
            results.append(result)
            print(f"bench: {factor}x done in {result['total_seconds']:.0f} s", flush=True)
        finally:
            if not args.keep:
                remove(work)
        verdicts = evaluate({r["factor"]: r for r in results}) if results else []
        write_json(
            results,
            verdicts,
            {"seed": args.seed, "serve_after_one_edit": serve, "failures": failures},
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
    if serve:
        print(
            f"make serve, one-record edit at {SERVE_FACTOR}x: {serve['page']} showed the edit "
            f"after {serve['rebuild_seconds']} s "
            f"(first serve after {serve['first_serve_seconds']} s)"
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
