"""The print edition without a site build: Typst markup from data text, the public address on
the title page, and the cache that keeps a book that did not change from being set again."""

from __future__ import annotations

import pytest
import typst
from pypdf import PdfReader

from build_scripts.core.edition import edition, pdf_file_name
from build_scripts.core.settings import Settings
from build_scripts.data.validate import load_catalog
from build_scripts.pages import print_book
from build_scripts.pages.print_markup import escape_typst, markdown_to_typst
from build_scripts.site import print_edition

from .conftest import edit

PUBLIC = "https://sino-russian.example.org/"


def typeset_text(markup: str) -> str:
    """A line of Typst markup, typeset and read back."""
    pdf = typst.compile(f"#set page(width: 20cm, height: auto)\n{markup}".encode())
    import io

    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_data_text_is_printed_as_written_whatever_typst_would_read_in_it():
    raw = "= #strong(1) $x$ *a* _b_ @ref <tag> // no comment [^x] `c` - 1. a\\b «ё» 5\u00a0%"
    printed = typeset_text(escape_typst(raw))
    assert printed.replace("\u00a0", " ") == raw.replace("\u00a0", " ")
    assert "\u00a0" in escape_typst(raw)  # no-break spaces are kept


def test_a_little_markdown_becomes_typst():
    markup = markdown_to_typst(
        "An *emphasised* word, **strong** one and [a link](https://x.org/a_b)[^1]"
    )
    assert "#emph[emphasised]" in markup and "#strong[strong]" in markup
    assert '#link("https://x.org/a_b")[a link]' in markup and "^" not in markup
    assert typeset_text(markup) == "An emphasised word, strong one and a link"


@pytest.fixture
def settings() -> Settings:
    return Settings(
        site_url=PUBLIC,
        record_cache=False,
        page_manifest=False,
        jinja_cache=False,
        source_date_epoch=1764028800,
    )


def test_the_books_print_the_public_address_and_no_local_one(data_copy, tmp_path, settings):
    catalog = load_catalog(data_copy, settings=settings)
    written = print_edition.write(tmp_path / "site", catalog, settings, data_copy)
    assert [p.name for p in written] == [pdf_file_name(lang) for lang in ("en", "zh", "ru")]
    for path in written:
        raw = path.read_bytes()
        text = " ".join(page.extract_text() for page in PdfReader(path).pages)
        assert PUBLIC.rstrip("/") in text
        assert b"127.0.0.1" not in raw and b"file:" not in raw and "127.0.0.1" not in text


# The title page: the date as each language writes it (SOURCE_DATE_EPOCH 1764028800 is
# 25 November 2025) and the book's citation in the language's style, at the PDF's address,
# issued when this version was released (CITATION.cff).
RELEASED = edition().released[:4]
TITLE_PAGE = {
    "en": [
        "25 November 2025",
        f"Sino-Russian Cultural Relations. {RELEASED}. Print Edition. Version",
    ],
    "zh": ["2025年11月25日", f"中俄文化关系, {RELEASED}. 印刷版[M/OL]. [2025-11-25]."],
    "ru": [
        "25\u00a0ноября 2025\u00a0г.",
        f"Российско-китайские культурные связи. Печатное издание. {RELEASED}. [Электронный ресурс].",
        "(дата обращения: 25.11.2025)",
    ],
}


def test_the_title_page_dates_and_cites_the_book_as_its_language_does(
    data_copy, tmp_path, settings
):
    catalog = load_catalog(data_copy, settings=settings)
    for path, (lang, expected) in zip(
        print_edition.write(tmp_path / "site", catalog, settings, data_copy), TITLE_PAGE.items()
    ):
        # Compared without spaces: the text read back has them where lines break and between
        # Chinese and digits.
        title_page = "".join(PdfReader(path).pages[0].extract_text().split())
        for text in expected:
            assert "".join(text.split()) in title_page, (lang, title_page)
        assert f"{PUBLIC}pdf/{pdf_file_name(lang)}" in title_page
        assert "2025-11-25" not in title_page.split("[")[0]  # no ISO date outside GB/T's


def test_an_unchanged_book_is_not_typeset_again(data_copy, tmp_path, settings, monkeypatch):
    catalog = load_catalog(data_copy, settings=settings)
    print_edition.write(tmp_path / "site", catalog, settings, data_copy)
    compiled = []
    real = print_edition.compile_book
    monkeypatch.setattr(
        print_edition, "compile_book", lambda *a, **k: compiled.append(1) or real(*a, **k)
    )
    again = print_edition.write(tmp_path / "again", catalog, settings, data_copy)
    assert compiled == [] and all(p.stat().st_size > 10_000 for p in again)
    # Another address on the title page: each book is set anew, and replaces the old one.
    print_edition.write(
        tmp_path / "moved", catalog, settings.but(site_url="https://b.example/"), data_copy
    )
    assert len(compiled) == 3
    kept = sorted(
        p.name.split("-")[0] for p in (data_copy.parent / ".cache" / "print").glob("*.pdf")
    )
    assert kept == ["en", "ru", "zh"]


def test_a_book_whose_inputs_did_not_change_is_not_even_made_again(
    data_copy, tmp_path, settings, monkeypatch
):
    on = settings.but(page_manifest=True)
    print_edition.write(tmp_path / "site", load_catalog(data_copy, settings=on), on, data_copy)
    made = []
    real = print_edition.book_sources
    monkeypatch.setattr(
        print_edition,
        "book_sources",
        lambda run, lang, *a: made.append(lang) or real(run, lang, *a),
    )
    again = print_edition.write(
        tmp_path / "again", load_catalog(data_copy, settings=on), on, data_copy
    )
    assert made == [] and all(p.stat().st_size > 10_000 for p in again)
    # One record's file changed: every book is made from its source again, and prints it.
    edit(
        data_copy / "statements" / "statement-fixture-a.yml",
        "en: A statement.",
        "en: A statement, as the printed book now says.",
    )
    edited = print_edition.write(
        tmp_path / "edited", load_catalog(data_copy, settings=on), on, data_copy
    )
    assert sorted(made) == ["en", "ru", "zh"]
    english = " ".join(page.extract_text() for page in PdfReader(edited[0]).pages)
    assert "as the printed book now says" in " ".join(english.split())


def test_a_large_book_comes_in_volumes_linked_to_each_other_and_set_one_by_one(
    data_copy, tmp_path, settings, monkeypatch
):
    # The fixture's seven records, two a volume: four volumes in each language.
    monkeypatch.setattr(print_book, "VOLUME_RECORDS", 2)
    on = settings.but(page_manifest=True)
    written = print_edition.write(
        tmp_path / "site", load_catalog(data_copy, settings=on), on, data_copy
    )
    assert [p.name for p in written] == [
        pdf_file_name(lang, number) for lang in ("en", "zh", "ru") for number in (1, 2, 3, 4)
    ]
    first = PdfReader(written[0])
    title_page = " ".join(first.pages[0].extract_text().split())
    assert "Volume 1 of 4" in title_page
    assert f"{PUBLIC}pdf/{pdf_file_name('en', 1)}" in title_page.replace(" ", "")
    assert first.metadata.title == "Sino-Russian Cultural Relations; Volume 1 of 4"
    # The statement (volume 1) cites the reference (volume 4): a link to that volume's file,
    # named in the text; a link inside the volume stays a link to its page.
    links = [
        annotation.get_object().get("/A") or {}
        for page in first.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
    ]
    assert f"{PUBLIC}pdf/{pdf_file_name('en', 4)}" in [a.get("/URI") for a in links]
    text = " ".join(" ".join(page.extract_text() for page in first.pages).split())
    assert "(vol. 4)" in text.replace("\u00a0", " ")
    russian = " ".join(PdfReader(written[8]).pages[0].extract_text().split())
    assert "Том 1 из 4" in russian.replace("\u00a0", " ")
    # One record edited: only the volume that prints it is set again.
    compiled = []
    real = print_edition.compile_book
    monkeypatch.setattr(
        print_edition,
        "compile_book",
        lambda source, *a: compiled.append(source) or real(source, *a),
    )
    edit(
        data_copy / "statements" / "statement-fixture-a.yml",
        "en: A statement.",
        "en: A statement, as volume one now says.",
    )
    edited = print_edition.write(
        tmp_path / "edited", load_catalog(data_copy, settings=on), on, data_copy
    )
    assert 1 <= len(compiled) <= 3 and all("Volume 1 of 4" in source for source in compiled)
    english = " ".join(page.extract_text() for page in PdfReader(edited[0]).pages)
    assert "as volume one now says" in " ".join(english.split())
    # Each language's cache keeps its four volumes, no more.
    cached = sorted(p.name[:4] for p in (data_copy.parent / ".cache" / "print").glob("*.pdf"))
    assert cached == [f"{lang}-{n}" for lang in ("en", "ru", "zh") for n in (1, 2, 3, 4)]


def test_a_typst_error_names_the_source_line():
    with pytest.raises(
        print_edition.PdfEditionFailed, match=r"(?s)unclosed delimiter.*:2:.*#text\[never closed"
    ):
        print_edition.compile_book("A line.\n#text[never closed", print_edition.cjk_fonts())


def test_a_missing_chinese_font_is_named(monkeypatch):
    monkeypatch.setattr(print_edition, "CJK_FOLDERS", ())
    monkeypatch.setattr(print_edition, "CJK_FAMILY", "No Such Font")
    with pytest.raises(print_edition.PdfEditionFailed, match="make fonts"):
        print_edition.cjk_fonts()
