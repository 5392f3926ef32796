"""The PDF edition: the whole publication per language, printed from the site by Chromium with
its fonts embedded, linked from the About pages, pointing at the published site."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from build_scripts.core.edition import edition
from build_scripts.core.edition import pdf_file_name as file_name
from build_scripts.core.languages import url_prefix
from build_scripts.site.pdf_edition import reading_order

SCRIPT = {"en": r"[A-Za-z]", "zh": r"[\u2e80-\u2fdf\u4e00-\u9fff]", "ru": r"[\u0400-\u04ff]"}


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
                found["Type3"] = "/CharProcs" in font
                continue
            found[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return found


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_each_language_has_its_whole_edition_with_fonts_embedded(built_site, catalog, lang):
    reader = PdfReader(built_site / "pdf" / file_name(lang))
    assert len(reader.pages) > len(reading_order(catalog))
    assert reader.metadata.title == catalog.ui["site_name"][lang]
    first = reader.pages[0].extract_text()
    assert len(re.findall(SCRIPT[lang], first)) > 50
    # Every record's title is in it (its pages are all there), in this language's script.
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(re.findall(SCRIPT[lang], text)) > 20_000
    embedded = fonts(reader)
    assert embedded and all(embedded.values()), embedded
    if lang == "zh":
        # The Chinese glyphs travel inside the file (as a CJK font or as Type 3 glyphs).
        assert any("CJK" in name or name == "Type3" for name in embedded), embedded


def test_links_in_the_pdf_point_at_the_published_site(built_site):
    reader = PdfReader(built_site / "pdf" / file_name("ru"))
    uris = {
        str(annotation.get_object().get("/A", {}).get("/URI", ""))
        for page in reader.pages
        for annotation in page.get("/Annots") or []
    }
    assert any(uri.startswith(f"{edition().url}ru/") for uri in uris), uris
    assert not [uri for uri in uris if uri.startswith("file:") or "127.0.0.1" in uri]


@pytest.mark.parametrize("lang", ["en", "zh", "ru"])
def test_about_page_links_every_edition(built_site, lang):
    html = (built_site / url_prefix(lang) / "about" / "index.html").read_text(encoding="utf-8")
    for other in ("en", "zh", "ru"):
        assert f'pdf/{file_name(other)}" download' in html


def test_every_edition_shows_all_three_scripts(built_site):
    """Names and titles in the other two languages (习近平 on the English people page, Russian
    works in the bibliography) come out as text, not as missing glyphs."""
    for lang in ("en", "zh", "ru"):
        text = " ".join(
            page.extract_text() for page in PdfReader(built_site / "pdf" / file_name(lang)).pages
        )
        for script in SCRIPT.values():
            assert len(re.findall(script, text)) > 20, (lang, script)
