"""Text from the data is shown as text: never as Markdown formatting, never as HTML."""

from __future__ import annotations

import markdown

from build_scripts.pages.render import escape_markdown


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "def_list", "md_in_html", "tables"])


def test_script_tag_appears_literally():
    assert "<script>" not in to_html(escape_markdown("<script>alert(1)</script>"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in to_html(
        escape_markdown("<script>alert(1)</script>")
    )


def test_markdown_characters_stay_literal():
    out = to_html(escape_markdown("*not emphasis* and _not_ and [not](a link) 1917. # no heading"))
    assert "<em>" not in out and "<a " not in out and "<h1" not in out
    assert "*not emphasis*" in out and "[not](a link)" in out


def test_a_paragraph_starting_with_a_number_is_not_a_list():
    out = to_html(escape_markdown("1917. The October Revolution"))
    assert "<ol>" not in out and "1917. The October Revolution" in out
