"""Command line: python -m build_scripts validate | generate | build | schemas | status |
translated | new."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .biblio.citations import CitationProcessorFailed, CitationProcessorMissing
from .core import paths
from .core.languages import LANGUAGES
from .core.problems import DataError
from .data.datasets import DATASETS


def _validate(_args: argparse.Namespace) -> int:
    from .data.validate import load_catalog

    started = time.perf_counter()
    catalog = load_catalog(paths.DATA)
    count = sum(len(records) for records in catalog.records.values())
    print(
        f"data/ is valid: {count} records in {len(catalog.records)} datasets "
        f"({time.perf_counter() - started:.2f} s)"
    )
    return 0


def _generate(_args: argparse.Namespace) -> int:
    from .pages.generate import generate_all

    report = generate_all()
    print(report)
    return 0


def _build(args: argparse.Namespace) -> int:
    from .site.parallel_build import BuildFailed, build

    languages = args.languages.split(",") if args.languages else None
    try:
        build(Path(args.config_file).resolve(), Path(args.site_dir).resolve(), languages)
    except BuildFailed as err:
        print(f"{err}\nnothing was published: {args.site_dir} is as it was.", file=sys.stderr)
        return 1
    return 0


def _schemas(args: argparse.Namespace) -> int:
    from .data.schemas import write_schemas

    changed = write_schemas(check=args.check)
    if args.check and changed:
        print(
            "JSON Schema files are out of date: run `python -m build_scripts schemas`:\n  "
            + "\n  ".join(changed),
            file=sys.stderr,
        )
        return 1
    print("JSON Schema files are up to date." if not changed else "wrote " + ", ".join(changed))
    return 0


def _status(_args: argparse.Namespace) -> int:
    from .data.validate import load_catalog
    from .editor.translation_status import report

    print(report(load_catalog(paths.DATA)))
    return 0


def _translated(args: argparse.Namespace) -> int:
    from .editor.translation_stamp import stamp

    done = stamp(Path(args.file), args.lang, paths.ROOT, args.field)
    print(
        "\n".join(done)
        if done
        else f"{args.file}: nothing to mark: every {args.lang} translation in it is already "
        "marked as made from the present original (or the file has none)"
    )
    return 0


def _lint_text(_args: argparse.Namespace) -> int:
    from .data.load import read_yaml
    from .data.validate import UI_FILE, load_catalog
    from .editor.text_lint import (
        lint,
        page_language,
        texts_of_catalog,
        texts_of_page,
        texts_of_ui,
        work_titles,
    )
    from .pages.generate import GLOSSARY_FOLDER, pages_for

    catalog = load_catalog(paths.DATA)
    ui_file, _problems = read_yaml(paths.DATA / UI_FILE, paths.ROOT)
    texts = [
        *texts_of_catalog(catalog),
        *texts_of_ui(ui_file.shown_path, catalog.ui, ui_file.positions),
    ]
    for page in sorted(paths.DOCS.glob("*.md")):  # the hand-written pages
        texts += texts_of_page(
            f"docs/{page.name}", page_language(page), page.read_text(encoding="utf-8")
        )
    # The generated pages; not the glossary, which shows the variants to avoid.
    generated = {
        path: markdown
        for path, markdown in pages_for(catalog).items()
        if path.parts[0] != GLOSSARY_FOLDER
    }
    for path, markdown in sorted(generated.items()):
        texts += texts_of_page(f"docs/{path.as_posix()} (generated)", page_language(path), markdown)
    found = lint(texts, catalog.terms, work_titles(catalog))
    print(
        "\n".join(found)
        if found
        else f"texts are clean: {len(texts)} texts and page lines, {len(catalog.terms)} terms"
    )
    if found:
        print(f"{len(found)} finding{'s' if len(found) != 1 else ''}", file=sys.stderr)
    return 1 if found else 0


def _new(args: argparse.Namespace) -> int:
    from .editor.new_record import write_new

    path = write_new(paths.DATA, args.dataset, args.id)
    shown = path.relative_to(paths.ROOT)
    print(
        f"wrote {shown}: fill in its fields, then `make validate` lists whatever is still "
        f"empty and `make serve` shows the page"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check all of data/ and report every problem")
    commands.add_parser(
        "generate", help="validate, then write the generated pages into .cache/pages/"
    )
    build = commands.add_parser(
        "build",
        help="validate and generate once, build each language in its own `mkdocs build "
        "--strict` side by side, then finish the site; replaces --site-dir only on success",
    )
    build.add_argument("--config-file", default="mkdocs.yml")
    build.add_argument("--site-dir", default="site")
    build.add_argument("--languages", help="comma-separated (default: every language)")
    schemas = commands.add_parser("schemas", help="write schemas/*.schema.json from the models")
    schemas.add_argument("--check", action="store_true", help="fail if the files are stale")
    commands.add_parser("status", help="report missing, outdated and unchecked translations")
    commands.add_parser(
        "lint-text",
        help="check every text against the terminology base and its language's typography",
    )
    translated = commands.add_parser(
        "translated",
        help="mark a file's translations into one language as made from the "
        "present original (after you have checked or updated them)",
    )
    translated.add_argument("file", help="the record file, e.g. data/statements/x.yml")
    translated.add_argument(
        "--lang",
        required=True,
        choices=LANGUAGES,
        help="the language of the translations you checked",
    )
    translated.add_argument("--field", help="only this field, e.g. summary or quotes.0")
    new = commands.add_parser("new", help="write a new record from a commented template")
    new.add_argument("dataset", help=", ".join(DATASETS))
    new.add_argument("id", help="the new record's id, e.g. joint-statement-2024")
    args = parser.parse_args(argv)
    handler = {
        "validate": _validate,
        "generate": _generate,
        "build": _build,
        "schemas": _schemas,
        "status": _status,
        "lint-text": _lint_text,
        "translated": _translated,
        "new": _new,
    }[args.command]
    try:
        return handler(args)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    except (CitationProcessorMissing, CitationProcessorFailed) as err:
        print(f"citations: {err}; nothing was built.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
