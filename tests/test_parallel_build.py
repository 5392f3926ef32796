"""The parallel build (`make site`: build_scripts/site/parallel_build.py) and `mkdocs serve`:
the generated pages stay out of docs/, each language is its own `mkdocs build`, the
once-per-site steps run once, a failed language publishes nothing, and an edit in serve
rebuilds once. (That the parallel site equals the single-process one, byte for byte, is
test_quality_gates.py's reproducible-build test: the session's site is the parallel build's.)"""

from __future__ import annotations

import re

from bench.serve import rebuild_seconds
from build_scripts.core.languages import LANGUAGES
from build_scripts.core.settings import pages_folder
from build_scripts.pages.generate import GENERATED_FOLDERS

from .conftest import BUILD_ENV, edit, parallel_build, project_copy


def test_generated_pages_live_in_the_cache_not_in_docs(site_build, site_project):
    built, _log = site_build
    docs = site_project / "docs"
    assert [name for name in GENERATED_FOLDERS if (docs / name).exists()] == []
    pages = pages_folder(site_project / "data")
    for lang_suffix in ("", ".zh", ".ru"):
        page = pages / "stages" / f"limited-contact{lang_suffix}.md"
        assert "generated from data/ by build_scripts" in page.read_text(encoding="utf-8")
    # ... and they are in the site, in every language.
    for prefix in ("", "zh/", "ru/"):
        assert (built / prefix / "stages" / "limited-contact" / "index.html").is_file()


def test_each_language_is_its_own_build_and_the_site_is_finished_once(site_build):
    _built, log = site_build
    parts = re.findall(r"build_scripts: (\w+) built in [\d.]+ s", log)
    assert sorted(parts) == sorted(LANGUAGES), log[-3000:]
    assert re.findall(r"build_scripts: post-build steps done \(run (\d+)\)", log) == ["1"]
    assert "PDF edition" in log
    # Generation ran once, in the preparing process, not in the languages' builds.
    assert len(re.findall(r"build_scripts: generated \d+ pages", log)) == 1
    # Each language's build logged its own lines (marked with its language). Only the Chinese
    # build loaded jieba's dictionary, once, to cut its own search index (Material's search
    # plugin cuts nothing: it makes no index).
    for lang in LANGUAGES:
        assert f"[{lang}] INFO    -  build_scripts: {lang} built (its part of the site)" in log
    jieba_lines = [line for line in log.splitlines() if "Building prefix dict" in line]
    assert jieba_lines == ["[zh] Building prefix dict from the default dictionary ..."]
    # The languages' parts made the search indexes; the finishing step made none.
    assert "search indexes" not in re.search(r"post-build steps done.*", log).group()


def test_a_language_that_fails_publishes_nothing(tmp_path):
    project = project_copy(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last good build", encoding="utf-8")
    # A link to a page that does not exist: a warning, so the strict Russian build fails.
    edit(project / "docs" / "about.ru.md", "\n\n", "\n\n[нет такой](no-such-page.md)\n\n")
    result = parallel_build(project, site, BUILD_ENV)
    assert result.returncode != 0
    assert "the ru build failed" in result.stderr
    assert "no-such-page.md" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "last good build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_serve_rebuilds_once_per_edit(tmp_path):
    """`mkdocs serve` (the default language, as `make serve`): an edit of a record shows on its
    page after exactly one rebuild (a page written into the watched docs/ started a second)."""
    project = project_copy(tmp_path / "project")
    serve = rebuild_seconds(project, "statements", "beijing-consensus-2019", dict(BUILD_ENV))
    assert serve["rebuilds_per_edit"] == 1, serve
    assert [name for name in GENERATED_FOLDERS if (project / "docs" / name).exists()] == []
