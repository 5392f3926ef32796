"""Shared fixtures and helpers: a copy of the tiny fake dataset to break, the real site built
once in a copy of the project, and the browser.

No test writes into the repository: every test works in its own temporary folder, the site is
built from a copy of data/, docs/ and the site's configuration, and the build caches live in
the session's temporary folder (core/settings.py: a cache lives beside its data folder, and
CITATION_CACHE moves the citations).

Markers: `site` for the tests that need the built site, `browser` for those that drive
Chromium (both set here from the fixtures a test uses); `make check` runs the rest.
"""

from __future__ import annotations

import functools
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
# What a copy of the project needs to build the site (the pipeline comes from the installed
# package); generated folders of docs/ are left behind.
SITE_SOURCES = ("data", "docs", "overrides", "mkdocs.yml")
# Folders of docs/ that generation writes (build_scripts/pages/generate.py).
from build_scripts.pages.generate import GENERATED_FOLDERS as GENERATED  # noqa: E402

SITE_FIXTURES = {"built_site", "site_url", "site_project", "site_build"}
BROWSER_FIXTURES = {"chromium"}


def pytest_collection_modifyitems(items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & SITE_FIXTURES:
            item.add_marker(pytest.mark.site)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file by `new`; the file must contain `old`."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def citation_cache_of_the_session(tmp_path_factory):
    """Formatted citations kept for the session, in its own folder (never the repository's)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CITATION_CACHE", str(tmp_path_factory.mktemp("citations")))
        yield


@pytest.fixture(scope="session")
def processor(citation_cache_of_the_session):
    """One citation processor for the session: its Node.js workers start once."""
    from build_scripts.biblio.citations import CitationProcessor

    with CitationProcessor.from_environment() as shared:
        yield shared


@pytest.fixture
def generate(processor):
    """generate_all (validate, then write the pages) with the session's citation processor."""
    from build_scripts.pages.generate import generate_all

    return functools.partial(generate_all, processor=processor)


@pytest.fixture(scope="session")
def real_pages(tmp_path_factory, processor):
    """The real data's generated pages, in a temporary folder, with no cache beside data/;
    and the catalog they were made from."""
    from build_scripts.core import paths
    from build_scripts.core.settings import Settings
    from build_scripts.pages.generate import generate_all

    docs = tmp_path_factory.mktemp("docs")
    settings = Settings.from_environment().but(
        record_cache=False, page_manifest=False, jinja_cache=False
    )
    report = generate_all(paths.DATA, docs, settings, processor)
    return docs, report.catalog


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/data with the real interface strings, as <root>/data."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    shutil.copyfile(ROOT / "data" / "ui.yml", target / "ui.yml")
    return target


def project_copy(target: Path) -> Path:
    """The site's sources (data/, the hand-written docs/, overrides/, mkdocs.yml) in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns(*GENERATED) if name == "docs" else None
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copyfile(source, target / name)
    return target


@pytest.fixture(scope="session")
def site_project(tmp_path_factory) -> Path:
    """A copy of the project that the session's site is built from (its generated pages go to
    its .cache/pages/, never into its docs/)."""
    return project_copy(tmp_path_factory.mktemp("project"))


def mkdocs_build(
    project: Path, site_dir: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project folder (into `site_dir`, else its site/)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["--site-dir", str(site_dir)] if site_dir else []
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, encoding="utf-8", env=env
    )


def parallel_build(
    project: Path, site_dir: Path, env: dict | None = None, *options: str
) -> subprocess.CompletedProcess[str]:
    """The build of `make site`: `python -m build_scripts build` (validate and generate once,
    each language's `mkdocs build --strict` side by side, the finishing step), into `site_dir`."""
    command = [sys.executable, "-m", "build_scripts", "build", "--site-dir", str(site_dir)]
    return subprocess.run(
        [*command, *options],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
    )


@pytest.fixture(scope="session")
def site_build(site_project, tmp_path_factory) -> tuple[Path, str]:
    """The real site, built once per test session as `make site` builds it (the parallel
    build), and what the build printed."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = parallel_build(site_project, out, BUILD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    out.chmod(0o755)
    for path in out.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return out, result.stdout + result.stderr


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    return site_build[0]


@pytest.fixture(scope="session")
def catalog():
    from build_scripts.core import paths
    from build_scripts.core.settings import Settings
    from build_scripts.data.validate import load_catalog

    # The repository's own data, validated without its record cache (nothing written).
    return load_catalog(paths.DATA, settings=Settings(record_cache=False))


@pytest.fixture(scope="session")
def site_url(built_site):
    from .site_server import serve

    with serve(built_site) as url:
        yield url


# Debian's Chromium, driven by Playwright (nothing downloads a browser of its own).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=CHROMIUM_ARGS,
            headless=True,
        )
        yield browser
        browser.close()


def recording_page(browser):
    """A page in a fresh browser context that records every request and console error (as
    `page.requests` and `page.errors`)."""
    context = browser.new_context()
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    return page


def assert_stayed_clean(page, site_url: str) -> None:
    """No request left the site's host and the browser logged no error."""
    foreign = [
        url for url in page.requests if not url.startswith(site_url) and not url.startswith("data:")
    ]
    assert foreign == [], f"requests left the site's host: {foreign}"
    assert page.errors == [], f"console errors: {page.errors}"
