"""Command line: python -m build_scripts validate | generate | schemas."""

from __future__ import annotations

import argparse
import sys
import time

from . import paths
from .problems import DataError


def _validate(_args: argparse.Namespace) -> int:
    from .validate import load_catalog

    started = time.perf_counter()
    catalog = load_catalog(paths.DATA)
    count = sum(len(records) for records in catalog.records.values())
    print(f"data/ is valid: {count} records in {len(catalog.records)} datasets "
          f"({time.perf_counter() - started:.2f} s)")
    return 0


def _generate(_args: argparse.Namespace) -> int:
    from .generate import generate_all

    report = generate_all()
    print(report)
    return 0


def _schemas(args: argparse.Namespace) -> int:
    from .schemas import write_schemas

    changed = write_schemas(check=args.check)
    if args.check and changed:
        print("JSON Schema files are out of date: run `python -m build_scripts schemas`:\n  "
              + "\n  ".join(changed), file=sys.stderr)
        return 1
    print("JSON Schema files are up to date." if not changed else "wrote " + ", ".join(changed))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check all of data/ and report every problem")
    commands.add_parser("generate", help="validate, then write the generated pages into docs/")
    schemas = commands.add_parser("schemas", help="write schemas/*.schema.json from the models")
    schemas.add_argument("--check", action="store_true", help="fail if the files are stale")
    args = parser.parse_args(argv)
    handler = {"validate": _validate, "generate": _generate, "schemas": _schemas}[args.command]
    try:
        return handler(args)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
