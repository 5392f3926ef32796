"""What a scholar finds on the built pages: a citation of the page in its language's style with
BibTeX, RIS and CSL-JSON downloads, metadata for reference managers, the bibliography in each
style's order, and every fact's source as a footnote."""

from __future__ import annotations

import html
import json
import re
from urllib.parse import unquote

import bibtexparser
import jsonschema
import pytest
import rispy

from build_scripts.core.edition import edition
from build_scripts.core.languages import url_prefix

from .csl_data_model import CSL_ITEMS_SCHEMA

PAGE = ("stages", "limited-contact")
STATEMENT = ("statements", "joint-statement-2019-06-05")
SITE_URL = edition().url  # the public address every citation carries


def page(built_site, lang: str, dataset: str, record_id: str) -> str:
    return (built_site / url_prefix(lang) / dataset / record_id / "index.html").read_text(
        encoding="utf-8"
    )


def citation_text(text: str) -> str:
    return html.unescape(
        re.search(r'<p class="citation" id="citation" data-text="([^"]*)"', text).group(1)
    )


def downloads(text: str) -> dict[str, str]:
    return {
        fmt: unquote(uri.split(",", 1)[1])
        for uri, fmt in re.findall(
            r'<a class="md-button" download="[^"]+" href="(data:[^"]+)">([^<]+)</a>', text
        )
    }


@pytest.mark.parametrize(
    "lang, pattern",
    [
        (
            "en",
            r"^Sino-Russian Cultural Relations\. \d{4}\. “Limited Contact and Understanding\.” "
            r"Version \d+\.\d+\.\d+\. .*SITE/stages/limited-contact/\.$",
        ),
        (
            "zh",
            r"^中俄文化关系, \d{4}\. 有限的接触与了解\[EB/OL\]\. \(\d{4}-\d\d-\d\d\)\[\d{4}-\d\d-\d\d\]\. "
            r"SITE/zh/stages/limited-contact/\.$",
        ),
        (
            "ru",
            r"^Российско-китайские культурные связи\. Ограниченные контакты и взаимное знакомство "
            r"\[Электронный ресурс\]\. URL: SITE/ru/stages/limited-contact/ "
            r"\(дата обращения: \d\d\.\d\d\.\d{4}\)\.$",
        ),
    ],
)
def test_cite_this_page_in_the_style_of_each_language(built_site, lang, pattern):
    pattern = pattern.replace("SITE/", re.escape(SITE_URL))
    assert re.match(pattern, citation_text(page(built_site, lang, *PAGE))), citation_text(
        page(built_site, lang, *PAGE)
    )


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_page_citation_downloads_parse_and_agree(built_site, lang):
    text = page(built_site, lang, *PAGE)
    files = downloads(text)
    assert sorted(files) == ["BibTeX", "CSL-JSON", "RIS"]
    permalink = f"{SITE_URL}{url_prefix(lang)}stages/limited-contact/"
    title = re.search(r'<h1 id="title">([^<]+)<', text).group(1)

    entry = bibtexparser.parse_string(files["BibTeX"]).entries[0]
    assert entry.key == "stages-limited-contact" and entry.entry_type == "online"
    assert entry["url"] == permalink and entry["title"] == "{" + title + "}"
    assert entry["version"] == edition().version

    record = rispy.loads(files["RIS"])[0]
    assert record["type_of_reference"] == "ELEC" and record["urls"] == [permalink]
    assert record["title"] == title

    items = json.loads(files["CSL-JSON"])
    jsonschema.validate(items, CSL_ITEMS_SCHEMA)
    assert items[0]["URL"] == permalink and items[0]["title"] == title


def test_reference_manager_metadata_describes_the_page_and_the_document(built_site):
    text = page(built_site, "zh", *STATEMENT)
    head = text[: text.index("</head>")]
    meta = dict(re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', head))
    assert (
        meta["citation_title"]
        == "中华人民共和国和俄罗斯联邦关于发展新时代全面战略协作伙伴关系的联合声明"
    )
    assert meta["citation_public_url"] == f"{SITE_URL}zh/statements/joint-statement-2019-06-05/"
    assert meta["citation_language"] == "zh-Hans" and meta["citation_publisher"] == "中俄文化关系"
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1)
    )
    assert data["@type"] == "WebPage" and data["url"] == meta["citation_public_url"]
    assert data["about"]["dateCreated"] == "2019-06-05"
    assert [a["name"] for a in data["about"]["author"]] == ["中华人民共和国", "俄罗斯联邦"]


@pytest.mark.parametrize(
    "lang, first",
    [
        # Chicago: by author, works without one by title.
        ("en", "cdac-2019-outcomes"),
        # GB/T: by author in the zh-CN collation (works without one as 佚名, by title).
        ("zh", "cdac-2019-outcomes"),
        # GOST: Cyrillic works first, then Latin.
        ("ru", "gazul-2011"),
    ],
)
def test_bibliography_is_sorted_by_each_style_with_an_anchor_per_work(
    built_site, catalog, lang, first
):
    text = (built_site / url_prefix(lang) / "references" / "index.html").read_text(encoding="utf-8")
    order = re.findall(r'<p class="bib-entry" id="([^"]+)"', text)
    assert sorted(order) == sorted(catalog.records["references"])
    assert order[0] == first
    if lang == "ru":
        assert order[:2] == ["gazul-2011", "matvienko-2019"]
    if lang == "en":
        assert order.index("gazul-2011") > order.index("zhao-2019")


def test_bibliography_links_each_work_to_the_pages_that_cite_it(built_site):
    text = (built_site / "references" / "index.html").read_text(encoding="utf-8")
    after = text[text.index('id="wu-collaborative-optimization"') :]
    block = after[: after.index('<p class="bib-entry"', 10)]
    # Folded under their count, as a list: a work cited on dozens of pages.
    folded = re.search(
        r'<details class="bib-cited">\s*<summary>Pages of this site citing it: '
        r"(\d+)</summary>\s*<ul>(.*?)</ul>\s*</details>",
        block,
        re.S,
    )
    assert folded, block[-600:]
    items = re.findall(r"<li><a href", folded.group(2))
    assert len(items) == int(folded.group(1)) > 10
    assert 'href="../themes/collaborative-governance/"' in folded.group(2)


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_every_source_of_a_record_is_in_its_note_with_its_quote(built_site, catalog, lang):
    """The record's sources support it as a whole: one note at one marker, listing every
    passage (its work, its quote); then each quotation's own note."""
    record = catalog.get(*STATEMENT)
    text = page(built_site, lang, *STATEMENT)
    footnotes = re.findall(r'<li id="fn:([^"]+)">(.*?)</li>', text, re.S)
    labels = [label for label, _ in footnotes]
    assert labels == ["1"] + [f"q{n}" for n in range(1, len(record.quotes) + 1)]
    own = footnotes[0][1]
    for source in record.sources:
        assert html.escape(source.quote, quote=False) in own
        assert f'href="../../references/{source.ref}/"' in own
    summary = re.search(r'<h2 id="summary">.*?</h2>\s*<p>(.*?)</p>', text, re.S).group(1)
    assert summary.count('class="footnote-ref"') == 1


IBID = {"en": "Ibid.", "zh": "同上", "ru": "Там же"}


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_a_note_repeating_the_one_before_is_ibid(built_site, lang):
    """The 2019 statement's quotations all stand in section 2.1 of the paper its own note
    cites: each note after the first reads Ibid. in the page's language, with no section."""
    text = page(built_site, lang, *STATEMENT)
    notes = dict(re.findall(r'<li id="fn:(q\d)">(.*?)</li>', text, re.S))
    assert notes, text[:200]
    for label, body in notes.items():
        plain = re.sub(r"<[^>]+>", "", body).replace("&#160;&#8617;", "").strip()
        assert plain == IBID[lang], (label, plain)


def test_no_two_footnote_markers_run_together_on_any_page(built_site):
    """Adjacent markers read as one false number ("123456789"); a page has at most one
    marker in a row."""
    glued = {}
    marker = r'<sup id="fnref:[^"]+"><a class="footnote-ref"[^>]*>[^<]*</a></sup>'
    for path in built_site.rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        found = re.findall(f"{marker}\\s*{marker}", text)
        if found:
            glued[str(path.relative_to(built_site))] = len(found)
    assert glued == {}


def test_every_footnote_link_has_its_target_on_every_page(built_site):
    """Every footnote marker reaches its note and every note leads back, on every page."""
    pages = list(built_site.rglob("index.html"))
    checked = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        ids = set(re.findall(r'\bid="([^"]+)"', text))
        for target in re.findall(r'href="#(fn(?:ref)?:[^"]+)"', text):
            assert target in ids, f"{path}: #{target}"
            checked += 1
    assert checked > 300


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_about_shows_how_to_cite_as_the_cite_block_does(built_site, lang):
    """About's example is the first stage's own citation, from the same processor."""
    about = (built_site / url_prefix(lang) / "about" / "index.html").read_text(encoding="utf-8")
    example = re.search(r'<p class="citation citation-example">(.*?)</p>', about, re.S).group(1)
    block = page(built_site, lang, "stages", "limited-contact")
    cited = re.search(r'<p class="citation" id="citation"[^>]*>(.*?)</p>', block, re.S).group(1)
    assert example == cited and "limited-contact/" in example
