"""What reference managers and search engines read from a page's head."""

from __future__ import annotations

import html
import re

import pytest

from build_scripts.core.languages import url_prefix


def head_meta(page: str) -> list[tuple[str, str]]:
    head = page.split("</head>")[0]
    return [
        (name, html.unescape(content))
        for name, content in re.findall(r'<meta name="([^"]+)" content="([^"]*)"', head)
    ]


def read(site, lang, *parts):
    return (site / url_prefix(lang) / "/".join(parts) / "index.html").read_text(encoding="utf-8")


def test_a_reference_page_describes_the_referenced_work_itself(built_site):
    """Zotero saving /ru/references/kizekova-2014/ gets the article: its authors, its English
    title, its journal and year, not our Russian page about it."""
    meta = head_meta(read(built_site, "ru", "references", "kizekova-2014"))
    assert (
        "citation_title",
        "The future of the shanghai cooperation organization in sino-russian interactions",
    ) in meta
    assert [v for k, v in meta if k == "citation_author"] == ["Kizekova, A.", "Но Т.Е.В."]
    assert ("citation_publication_date", "2014") in meta
    assert ("citation_firstpage", "108") in meta and ("citation_lastpage", "115") in meta
    journal = dict(meta)["citation_journal_title"]
    assert journal.startswith("Известия Иркутского государственного университета")
    assert "citation_publisher" not in dict(meta)  # not this site


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_our_pages_name_the_publication_as_their_author(built_site, catalog, lang):
    meta = dict(head_meta(read(built_site, lang, "stages", "limited-contact")))
    assert meta["citation_author"] == catalog.ui["site_name"][lang]


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_each_page_has_its_own_description_and_the_home_tab_title_says_the_name_once(
    built_site, catalog, lang
):
    pages = [("stages", "limited-contact"), ("stages", "all-round-development"), ("references",)]
    descriptions = [dict(head_meta(read(built_site, lang, *p)))["description"] for p in pages]
    assert len(set(descriptions)) == len(descriptions), descriptions
    home = dict(head_meta(read(built_site, lang, "")))["description"]
    assert home not in descriptions
    stage = catalog.get("stages", "limited-contact").summary.get(lang)
    assert stage.startswith(descriptions[0].rstrip("…"))
    title = re.search(r"<title>(.*?)</title>", read(built_site, lang, "")).group(1)
    assert title == catalog.ui["site_name"][lang]
