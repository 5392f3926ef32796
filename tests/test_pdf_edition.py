"""The print edition: one book per language typeset by Typst from the record views, read back
with pypdf: contents and bookmarks, page labels, embedded subset fonts (no Type 3), the
document language, footnotes, links inside the book and no near-empty pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_scripts.core.edition import pdf_file_name as file_name
from build_scripts.core.languages import LANGUAGES, url_prefix
from build_scripts.data.datasets import DATASET_ORDER

SCRIPT = {"en": r"[A-Za-z]", "zh": r"[\u2e80-\u2fdf\u4e00-\u9fff]", "ru": r"[\u0400-\u04ff]"}
# A page with fewer lines than this must end a part (the next page opens one) or the book.
FEW_LINES = 8
ARTEFACTS = Path(__file__).parent.parent / "test-artifacts" / "pdf"


def fonts(reader: PdfReader) -> dict[str, bool]:
    """Base font name -> whether the font program is embedded; Type 3 fonts, whose glyphs are
    drawn inside the PDF (Chromium's way with the Noto CJK collection), as "Type3"."""
    found = {}
    for page in reader.pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            if font.get("/Subtype") == "/Type3":
                found["Type3"] = False
                continue
            found[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return found


def part_openings(reader: PdfReader) -> list[int]:
    """The pages (from 0) the outline's top-level entries point at: where each part opens."""
    return [
        reader.get_destination_page_number(e) for e in reader.outline if not isinstance(e, list)
    ]


def thin_pages(reader: PdfReader) -> list[int]:
    """Pages (from 0) with fewer than FEW_LINES lines that end neither a part nor the book."""
    openings = set(part_openings(reader))
    last = len(reader.pages) - 1
    return [
        number
        for number, page in enumerate(reader.pages)
        if len((page.extract_text() or "").splitlines()) < FEW_LINES
        and number not in (0, last)  # the title page; the last page ends the book
        and number + 1 not in openings
    ]


def all_text(reader: PdfReader) -> str:
    return " ".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="module")
def books(built_site) -> dict[str, PdfReader]:
    return {lang: PdfReader(built_site / "pdf" / file_name(lang)) for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_book_has_contents_bookmarks_and_page_labels(books, catalog, lang):
    reader = books[lang]
    parts = [e.title.strip() for e in reader.outline if not isinstance(e, list)]
    assert parts == [catalog.ui[f"dataset_{d}"][lang] for d in DATASET_ORDER]
    # Every record is a bookmark under its part, and nothing below the records is.
    nested = [e for e in reader.outline if isinstance(e, list)]
    assert all(not isinstance(record, list) for part in nested for record in part)
    records = sum(len(part) for part in nested)
    # As the records are titled: no footnote marker in a bookmark (nor in the contents and
    # running heads, which repeat the same headings).
    titles = {e.record.title_in(lang) for d in DATASET_ORDER for e in catalog.sorted_entries(d)}
    assert {record.title.strip() for part in nested for record in part} <= titles
    assert records == sum(len(catalog.records[d]) for d in DATASET_ORDER)
    labels = reader.page_labels
    # The title page unnumbered, the contents in roman numerals, the parts from 1.
    assert labels[0] == "" and labels[1] == "i" and "1" in labels
    assert labels[-1] == str(len(labels) - labels.index("1"))
    assert catalog.ui["print_contents"][lang] in reader.pages[1].extract_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_book_is_tagged_in_its_language_with_embedded_subset_fonts(books, lang):
    reader = books[lang]
    root = reader.trailer["/Root"]
    assert root["/Lang"].split("-")[0] == lang
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    embedded = fonts(reader)
    assert embedded and "Type3" not in embedded and all(embedded.values()), embedded
    # Subsets (a six-letter tag before the name); the Chinese glyphs from Noto CJK.
    assert all(re.match(r"/[A-Z]{6}\+", name) for name in embedded), embedded
    assert any("CJK" in name for name in embedded), embedded


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_book_holds_every_record_with_its_sources_as_footnotes(books, catalog, lang):
    text = all_text(books[lang])
    assert len(re.findall(SCRIPT[lang], text)) > 12_000
    squeezed = re.sub(r"\s+", "", text)
    for dataset in ("stages", "statements", "people"):
        for entry in catalog.sorted_entries(dataset):
            title = re.sub(r"\s+", "", entry.record.title_in(lang))
            assert title[:20] in squeezed, (dataset, entry.id)
    # A footnote: the section a source gives, printed at the foot of the page.
    stage = catalog.sorted_entries("stages")[0].record
    quote = next(s.quote for s in stage.sources if s.quote)
    assert re.sub(r"\s+", "", quote)[:15] in squeezed
    # No printed addresses after links and no back-link arrows, as a browser's print had.
    assert "↩" not in text and "<http" not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cross_references_are_links_inside_the_book(books, lang):
    reader = books[lang]
    internal = external = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if action.get("/S") == "/GoTo" or "/Dest" in annotation.get_object():
                internal += 1
            elif action.get("/S") == "/URI":
                external += 1
                uri = str(action["/URI"])
                assert not uri.startswith("file:"), uri
    assert internal > 200 and external <= 2, (internal, external)
    assert "file://" not in all_text(reader)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_has_only_a_few_lines_unless_it_ends_a_part(books, lang):
    assert thin_pages(books[lang]) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_about_page_links_every_edition(built_site, lang):
    html = (built_site / url_prefix(lang) / "about" / "index.html").read_text(encoding="utf-8")
    for other in LANGUAGES:
        assert f'pdf/{file_name(other)}" download' in html


# Pages kept as test artefacts to look at: a book's title page and a page of its first part
# with footnotes and running heads.
ARTEFACT_PAGES = {"title": 1, "page": 7}


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (make fonts) is missing")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_two_pages_of_each_book_are_kept_as_images(built_site, lang):
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for name, page in ARTEFACT_PAGES.items():
        target = ARTEFACTS / f"{lang}-{name}"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-f",
                str(page),
                "-l",
                str(page),
                "-png",
                "-singlefile",
                built_site / "pdf" / file_name(lang),
                target,
            ],
            check=True,
        )
        assert target.with_suffix(".png").stat().st_size > 10_000
