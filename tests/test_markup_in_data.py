"""HTML or script inside a text field never becomes markup.

Validation refuses tags in text (tests/test_validation.py). Should one get past it, the page
still shows it as text: here a record is given a `<script>` title and Markdown-looking summary
behind validation's back, rendered by the real templates and Markdown extensions, and opened
in Chromium, where the words appear literally and nothing runs.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.config import load_config

from build_scripts.core.paths import ROOT
from build_scripts.data.models import Localized
from build_scripts.data.validate import load_catalog
from build_scripts.pages.generate import pages_for

SCRIPT = "<script>alert(1)</script>"
MARKDOWN = "*not emphasis* [not a link](javascript:alert(2)) <img src=x onerror=alert(3)>"


def hostile(text: str) -> Localized:
    return Localized.model_construct(
        en=text, zh=text, ru=text, editorial=[], official=[], source_hash={}
    )


@pytest.fixture
def page_html(data_copy, processor) -> dict[str, str]:
    """The fixture stage page in each language, as HTML, with hostile title and summary."""
    catalog = load_catalog(data_copy)
    entry = catalog.records["stages"]["stage-fixture-one"]
    record = entry.record.model_copy(
        update={"title": hostile(SCRIPT), "summary": hostile(MARKDOWN)}
    )
    catalog.records["stages"]["stage-fixture-one"] = dataclasses.replace(entry, record=record)
    pages = pages_for(catalog, data=data_copy, processor=processor)
    config = load_config(str(ROOT / "mkdocs.yml"))
    html = {}
    for lang, suffix in (("en", ""), ("zh", ".zh"), ("ru", ".ru")):
        text = pages[Path("stages") / f"stage-fixture-one{suffix}.md"]
        _, front, body = text.split("---\n", 2)
        assert yaml.safe_load(front)["title"] == SCRIPT  # the page title, as text
        html[lang] = markdown.markdown(
            body, extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
        )
    return html


def test_script_and_markdown_in_data_are_escaped(page_html):
    for lang, html in page_html.items():
        assert "<script" not in html and "<img" not in html, lang
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, lang
        assert "<em>" not in html and 'href="javascript' not in html, lang


def test_script_in_a_title_shows_literally_and_never_runs(page_html, chromium):
    page = chromium.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_content(f"<!doctype html><html><body>{page_html['en']}</body></html>")
    assert page.inner_text("h1").startswith(SCRIPT)
    assert "*not emphasis* [not a link](javascript:alert(2))" in page.inner_text("body")
    assert page.locator("script, img").count() == 0
    page.close()
    assert dialogs == []
