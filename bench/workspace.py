"""A work folder to build in: a copy of the repository's build inputs with synthetic data/.

Only what the build reads is copied: the pipeline, the hand-written pages (never the generated
dataset folders), the theme overrides and the configuration. node_modules and .venv are
symbolic links, as in tests/test_build_safety.py.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from build_scripts.core import paths
from build_scripts.pages.generate import GENERATED_FOLDERS

from .synthetic import DEFAULT_SEED, write_synthetic_data

COPIED = ("build_scripts", "overrides", "mkdocs.yml", "CITATION.cff", "package.json")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc")


def _copy_hand_written_docs(source: Path, target: Path) -> None:
    target.mkdir()
    for item in source.iterdir():
        if item.is_dir() and item.name in GENERATED_FOLDERS:
            continue
        if item.is_dir():
            shutil.copytree(item, target / item.name, ignore=IGNORED)
        else:
            shutil.copyfile(item, target / item.name)


def make_workspace(
    target: Path, factor: int, seed: int = DEFAULT_SEED, root: Path = paths.ROOT
) -> dict[str, int]:
    """Fill the new folder `target` with the build inputs and data at `factor` x the real
    records; return the record count per dataset."""
    target.mkdir(parents=True)
    for name in COPIED:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=IGNORED)
        else:
            shutil.copyfile(source, target / name)
    _copy_hand_written_docs(root / "docs", target / "docs")
    (target / "node_modules").symlink_to(root / "node_modules")
    (target / ".venv").symlink_to(Path(sys.prefix))
    return write_synthetic_data(target / "data", factor, seed, source=root / "data")
