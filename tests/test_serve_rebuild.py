"""`mkdocs serve`: a rebuild converts only the pages whose Markdown changed and takes the
others from the last rebuild (build_scripts/site/serve_conversions.py), and the site it makes
is the one a first build makes; a page that fails `--strict` fails in every rebuild."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import BUILD_ENV, project_copy

DRIVER = Path(__file__).with_name("serve_rebuilds.py")


def serve_builds(project: Path, site: Path, *edit: str) -> tuple[list[str], str]:
    done = subprocess.run(
        [sys.executable, str(DRIVER), str(site), *edit],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(BUILD_ENV),
        timeout=600,
    )
    log = done.stdout + done.stderr
    assert done.returncode == 0, log[-3000:]
    return [line for line in done.stdout.splitlines() if line.startswith("build ")], log


def different_files(one: Path, other: Path) -> list[str]:
    """The files that are in one tree only, or in both with other bytes."""

    def files(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()
        }

    left, right = files(one), files(other)
    return sorted(name for name in left.keys() | right.keys() if left.get(name) != right.get(name))


def test_a_rebuild_converts_the_edited_pages_only_and_makes_the_same_site(tmp_path):
    project = project_copy(tmp_path / "project")
    record = project / "data" / "statements" / "beijing-consensus-2019.yml"
    edit = (str(record), "Issued in May 2019", "Issued, as the preview now says, in May 2019")
    builds, log = serve_builds(project, tmp_path / "rebuilt", *edit)
    assert builds == ["build 1: ok", "build 2: ok", "build 3: ok"], log[-3000:]
    converted = [
        (int(a), int(b))
        for a, b in re.findall(r"(\d+) pages converted, (\d+) as in the last rebuild", log)
    ]
    first, after_edit, unchanged = converted
    assert first[1] == 0 and first[0] > 60
    # The statement's page and the few that show its summary; every other page as it was.
    assert 1 <= after_edit[0] <= 5 and sum(after_edit) == first[0], converted
    assert unchanged == (0, first[0])
    page = tmp_path / "rebuilt" / "statements" / "beijing-consensus-2019" / "index.html"
    assert "as the preview now says" in page.read_text(encoding="utf-8")
    # A first build of the edited project, in a new process, makes the same files.
    fresh, log = serve_builds(project, tmp_path / "fresh")
    assert fresh == ["build 1: ok"], log[-3000:]
    assert different_files(tmp_path / "rebuilt", tmp_path / "fresh") == []


def test_a_page_that_fails_strict_fails_again_in_the_next_rebuild(tmp_path):
    project = project_copy(tmp_path / "project")
    about = project / "docs" / "about.md"
    edit = (str(about), "\n\n", "\n\n[no such page](no-such-page.md)\n\n")
    builds, log = serve_builds(project, tmp_path / "site", *edit)
    assert builds == ["build 1: ok", "build 2: failed", "build 3: failed"], log[-3000:]
    assert log.count("no-such-page.md") >= 2
