"""A failed validation or build never replaces the last good site/, and says why."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import GENERATED, ROOT, mkdocs_build

COPY = [
    "build_scripts",
    "data",
    "docs",
    "overrides",
    "mkdocs.yml",
    "Makefile",
    "CITATION.cff",
    "package.json",
    "package-lock.json",
    "requirements.txt",
    "requirements-test.txt",
    "pyproject.toml",
]
# Make's own targets must not reinstall anything: `make -o` takes them as done.
INSTALLED = ["-o", ".venv/.site-deps", "-o", ".venv/.test-deps", "-o", "node_modules/.installed"]


def repo_copy(tmp_path: Path, node_modules: bool = True) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source,
                repo / name,
                ignore=shutil.ignore_patterns(
                    "__pycache__", *(GENERATED if name == "docs" else ())
                ),
            )
        else:
            shutil.copyfile(source, repo / name)
    (repo / ".venv").symlink_to(Path(sys.prefix))
    if node_modules:
        (repo / "node_modules").symlink_to(ROOT / "node_modules")
    return repo


def break_a_record(repo: Path) -> None:
    path = repo / "data" / "stages" / "limited-contact.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("order: 1", "order: first", 1), encoding="utf-8")


def test_make_site_with_bad_data_fails_and_keeps_the_published_site(tmp_path):
    repo = repo_copy(tmp_path)
    site = repo / "site"
    site.mkdir()
    (site / "index.html").write_text("last good build", encoding="utf-8")
    break_a_record(repo)
    result = subprocess.run(
        ["make", *INSTALLED, "site"],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "MAKEFLAGS": ""},
    )
    assert result.returncode != 0
    assert "data/stages/limited-contact.yml:3:8: order:" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "last good build"


def test_mkdocs_build_alone_refuses_bad_data_with_the_same_message(tmp_path):
    repo = repo_copy(tmp_path)
    break_a_record(repo)
    result = mkdocs_build(repo)
    assert result.returncode != 0
    assert "data/stages/limited-contact.yml:3:8: order:" in result.stderr + result.stdout
    assert not (repo / "site" / "index.html").exists()


def test_build_without_the_citation_processor_fails_and_says_how_to_install_it(tmp_path):
    repo = repo_copy(tmp_path, node_modules=False)
    result = mkdocs_build(repo)
    assert result.returncode != 0
    assert (
        "citations: the citation processor is not installed: run `make site`"
        in result.stderr + result.stdout
    )
    assert not (repo / "site" / "index.html").exists()


def test_post_build_steps_run_once_per_build_after_every_language(site_build):
    """mkdocs-static-i18n builds the other languages inside the default one's post-build
    step; the downloads, the search indexes and the PDF edition run once, after all three."""
    built, log = site_build
    runs = re.findall(r"build_scripts: post-build steps done \(run (\d+)\)", log)
    assert runs == ["1"], log[-2000:]
    for lang in ("", "zh/", "ru/"):
        assert (built / lang / "pagefind" / "pagefind-entry.json").is_file()
