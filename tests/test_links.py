"""linkchecker over the served site: every internal link and anchor works."""

from __future__ import annotations

from .check_links import run_linkchecker, summary


def test_no_broken_internal_links_or_anchors(site_url, tmp_path):
    output = run_linkchecker(site_url, tmp_path)
    checked, warnings, errors = summary(output)
    assert (warnings, errors) == (0, 0), output[-8000:]
    # It crawled the whole site in three languages, not just the home page.
    assert checked > 300, output[-2000:]


def test_linkchecker_catches_a_broken_anchor_and_a_missing_page(built_site, tmp_path):
    """The check above can fail: a broken anchor and a missing page are both reported."""
    from .site_server import serve

    broken = tmp_path / "site"
    broken.mkdir()
    page = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    (broken / "index.html").write_text(
        page.replace(
            "</article>",
            '<a href="about/#no-such-anchor">a</a><a href="no-such-page/">b</a></article>',
        ),
        encoding="utf-8",
    )
    (broken / "about").mkdir()
    (broken / "about" / "index.html").write_text(page, encoding="utf-8")
    (broken / "404.html").write_text("<html><body>404</body></html>", encoding="utf-8")
    broken.chmod(0o755)
    for path in broken.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    with serve(broken) as url:
        output = run_linkchecker(url, tmp_path)
    _checked, warnings, errors = summary(output)
    assert "no-such-anchor" in output and warnings >= 1
    assert "no-such-page" in output and errors >= 1
