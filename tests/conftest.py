"""Shared fixtures: a copy of the tiny fake dataset to break, and the site built once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "data"
LANGS = ("en", "zh", "ru")
# The tests build as `make site` does: at a fixed date (a reproducible build).
BUILD_ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1764028800", "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/data with the real interface strings, as <root>/data."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    shutil.copyfile(ROOT / "data" / "ui.yml", target / "ui.yml")
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env=BUILD_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out.chmod(0o755)
    for path in out.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return out


@pytest.fixture(scope="session")
def catalog():
    from build_scripts import paths
    from build_scripts.validate import load_catalog

    return load_catalog(paths.DATA)


@pytest.fixture(scope="session")
def site_url(built_site):
    from .site_server import serve

    with serve(built_site) as url:
        yield url


# Debian's Chromium, driven by Playwright (nothing downloads a browser of its own).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@pytest.fixture(scope="session")
def chromium():
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
