"""The checks a demanding reviewer runs: every page is valid HTML (W3C Nu HTML Checker), no
page template in any language has a serious or critical accessibility violation (axe-core),
and two builds of the same sources are byte-identical."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest

from build_scripts.site.theme_fixes import repair

from .conftest import BUILD_ENV, ROOT, mkdocs_build

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ALLOWED = Path(__file__).with_name("vnu-allowlist.txt")

# One page of each type.
PAGE_TYPES = [
    "",
    "timeline/",
    "stages/",
    "stages/limited-contact/",
    "statements/joint-statement-2019-06-05/",
    "exchanges/amur-river-swim/",
    "indicators/",
    "indicators/trade-total-2017/",
    "themes/collaborative-governance/",
    "people/xi-jinping/",
    "references/",
    "references/gazul-2011/",
    "data/",
    "about/",
    "no-such-page/",
]


def allowed_patterns() -> list[re.Pattern]:
    """tests/vnu-allowlist.txt: one `regular expression  # reason` per line."""
    lines = ALLOWED.read_text(encoding="utf-8").splitlines() if ALLOWED.exists() else []
    patterns = []
    for line in lines:
        if line.strip() and not line.startswith("#"):
            pattern, _, reason = line.partition("  # ")
            assert reason.strip(), f"{ALLOWED.name}: every entry needs a reason: {line}"
            patterns.append(re.compile(pattern.strip()))
    return patterns


def test_every_page_is_valid_html(built_site):
    java = shutil.which("java")
    assert java, "a Java runtime is needed for the Nu HTML Checker: `make java` installs it"
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            str(built_site),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    patterns = allowed_patterns()
    errors = [
        f"{m['url'].split(str(built_site))[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not any(p.search(m["message"]) for p in patterns)
    ]
    assert errors == [], "\n".join(errors[:30])
    assert len(list(built_site.rglob("*.html"))) > 200


def test_the_checker_catches_invalid_html(tmp_path):
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title>'
        '</head><body><input type="checkbox" autocomplete="off">'
        "</body></html>",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            shutil.which("java") or "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert "autocomplete" in result.stderr


@pytest.mark.parametrize("lang", ["", "zh/", "ru/"], ids=["en", "zh", "ru"])
def test_no_serious_accessibility_violation_on_any_page_type(chromium, site_url, lang):
    page = chromium.new_page()
    found = {}
    for path in PAGE_TYPES:
        page.goto(urljoin(site_url, lang + path))
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("""async () => (await axe.run(document)).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))""")
        if violations:
            found[lang + path] = violations
    page.close()
    assert found == {}


def test_axe_finds_what_the_theme_used_to_get_wrong(chromium, site_url):
    """The check can fail: the stock theme's unnamed search dialog is reported."""
    page = chromium.new_page()
    page.goto(site_url)
    page.evaluate("document.querySelector('.md-search').removeAttribute('aria-label')")
    page.add_script_tag(path=str(AXE))
    ids = page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")
    page.close()
    assert "aria-dialog-name" in ids


def test_theme_repairs():
    html = (
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<input type="text" class="md-search__input" name="query" aria-label="Поиск">'
        '<label class="md-nav__title" for="__toc">TOC</label>'
    )
    fixed = repair(html)
    assert 'autocomplete="off"' not in fixed
    assert 'role="dialog" aria-label="Поиск"' in fixed
    assert '<div class="md-nav__title">TOC</div>' in fixed
    # Where the table of contents has its control, its label stays a label.
    assert 'for="__toc"' in repair(html + '<input type="checkbox" id="__toc">')


def test_two_builds_of_the_same_sources_are_identical(built_site, site_project, tmp_path):
    """The session's site is the parallel build's (`make site`); this one is a single-process
    `mkdocs build --strict` of every language: the same files, byte for byte."""
    again = tmp_path / "again"
    result = mkdocs_build(site_project, again, BUILD_ENV)
    assert result.returncode == 0, result.stderr[-3000:]
    differing = []

    def compare(cmp: filecmp.dircmp, prefix: str = "") -> None:
        differing.extend(prefix + name for name in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differing.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            compare(sub, f"{prefix}{name}/")

    compare(filecmp.dircmp(built_site, again))
    assert differing == []
