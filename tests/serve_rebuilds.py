"""Builds as `mkdocs serve` makes them, in one process, for tests/test_serve_rebuild.py:

    python tests/serve_rebuilds.py SITE_DIR [FILE OLD NEW]

builds the project of the working folder into SITE_DIR as serve does (the preview address,
the plugin kept between builds), then, if an edit is given, replaces OLD by NEW in FILE and
builds twice more, as two rebuilds. Prints one line per build: `build N: ok` or `build N:
failed`. The plugin's log goes to standard error."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

PREVIEW = "http://127.0.0.1:8000/"


def serve_build(site_dir: str, number: int, first: bool = False) -> None:
    config = load_config("mkdocs.yml", strict=True, site_dir=site_dir)
    config.site_url = PREVIEW
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url=PREVIEW)
        print(f"build {number}: ok", flush=True)
    except (Abort, PluginError):
        print(f"build {number}: failed", flush=True)


def main(site_dir: str, *edit: str) -> None:
    logging.basicConfig(format="%(levelname)s - %(message)s", level=logging.WARNING)
    serve_build(site_dir, 1, first=True)
    if edit:
        file, old, new = edit
        path = Path(file)
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        serve_build(site_dir, 2)
        serve_build(site_dir, 3)


if __name__ == "__main__":
    main(*sys.argv[1:])
