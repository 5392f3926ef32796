"""The print edition: the whole publication in one language as one book, typeset by Typst
(PyPI `typst`, the compiler inside the wheel) from the views the pages are rendered from
(pages/print_book.py, pages/templates/print/), with a title page, contents, bookmarks,
running heads, page labels, the sources as footnotes and links inside the book. A large book
comes in volumes (print_book.volume_plan), each typeset in a process of its own, as many side
by side as there are cores. The files go to site/pdf/ and the About pages link to them.

A volume is typeset again only when its Typst source or the fonts changed: each PDF is kept
under <cache>/print/, named by the digest of what it was made from. Making the sources costs
time too (a second at 10x the data), so <cache>/print/made-from.json remembers, per language,
the inputs a book was last made from: the run's fingerprint (the pipeline's code and templates,
the interface strings, the pins, the citation processor, the address and the date:
pages/manifest.py) and every record's file. While they are the same, the book is taken from the
cache without making its source (PAGE_MANIFEST=off makes every source, as a first build does).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..biblio.citations import CitationProcessor
from ..core.edition import PDF_FOLDER, edition
from ..core.keyed_cache import write_atomic
from ..core.languages import LANGUAGES
from ..core.settings import Settings, cache_folder, citation_folder, pages_folder
from ..data.catalog import Catalog
from ..pages import manifest
from ..pages.backlinks import Backlinks
from ..pages.generate import bibliographies
from ..pages.inputs import RunInputs, value_digest
from ..pages.how_to_cite import print_edition_citations
from ..pages.print_book import book_sources, volume_files

# The Chinese face (Debian's fonts-noto-cjk, `make fonts`); the Latin and Cyrillic one,
# Libertinus Serif, comes with the compiler. Each language's order: print_fonts in
# core/languages.yml.
CJK_FAMILY = "Noto Serif CJK SC"
CJK_FILES = ("NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc")
CJK_FOLDERS = (Path("/usr/share/fonts/opentype/noto"),)


class PdfEditionFailed(Exception):
    """A font is missing or Typst could not typeset a book."""


def cjk_fonts() -> list[Path]:
    """The Noto Serif CJK files, found by fontconfig or at Debian's path."""
    found: list[Path] = []
    if shutil.which("fc-list"):
        listed = subprocess.run(
            ["fc-list", f"{CJK_FAMILY}:style=Regular", "file"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        found = [Path(line.split(":")[0]) for line in listed.splitlines() if line.strip()]
    folders = {p.parent for p in found} | set(CJK_FOLDERS)
    files = [folder / name for folder in folders for name in CJK_FILES if (folder / name).exists()]
    if not files:
        raise PdfEditionFailed(
            f"the Chinese font {CJK_FAMILY} is needed for the print edition: `make fonts` "
            "installs Debian's fonts-noto-cjk"
        )
    return sorted(set(files))


def digest(source: str, fonts: list[Path]) -> str:
    """What a book is made from: its source, the compiler's version and the fonts."""
    import typst

    h = hashlib.sha256(source.encode("utf-8"))
    h.update(getattr(typst, "__version__", "").encode())
    for font in fonts:
        h.update(f"{font.name}:{font.stat().st_size}:{font.stat().st_mtime_ns}".encode())
    return h.hexdigest()[:32]


def compile_book(source: str, fonts: list[Path]) -> bytes:
    """The PDF of a book's Typst source, typeset in a process of its own (typeset_book.py)."""
    with tempfile.TemporaryDirectory(prefix="print-") as work:
        source_file, pdf_file = Path(work) / "book.typ", Path(work) / "book.pdf"
        source_file.write_text(source, encoding="utf-8")
        folders = sorted({str(font.parent) for font in fonts})
        done = subprocess.run(
            [sys.executable, "-m", f"{__package__}.typeset_book", source_file, pdf_file, *folders],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise PdfEditionFailed(f"Typst could not typeset the book: {done.stderr.strip()}")
        return pdf_file.read_bytes()


def typeset(name: str, source: str, fonts: list[Path], cache: Path) -> Path:
    """The PDF of one volume (`name`: "en-1"), from the cache when this source was typeset
    before."""
    cached = cache / f"{name}-{digest(source, fonts)}.pdf"
    if cached.exists():
        return cached
    cache.mkdir(parents=True, exist_ok=True)
    write_atomic(cached, compile_book(source, fonts))
    return cached


def sources(
    catalog: Catalog, settings: Settings, data: Path, languages: list[str] = LANGUAGES
) -> dict[str, list[str]]:
    """The Typst source of each volume of each of `languages`' books."""
    with CitationProcessor(citation_folder(settings, data)) as processor:
        run = RunInputs(catalog, Backlinks.of(catalog), bibliographies(catalog, processor))
        cited = print_edition_citations(catalog, processor, settings, languages)
    return {
        lang: book_sources(
            run, lang, edition(), settings.build_date(), settings.site_url, cited[lang]
        )
        for lang in languages
    }


def inputs_digest(catalog: Catalog, settings: Settings, data: Path, fonts: list[Path]) -> str:
    """What every book reads: the run's fingerprint, every record's file and the terms (a
    book prints every record), the compiler and the fonts."""
    run = manifest.fingerprint(
        data, pages_folder(data), {"site_url": settings.site_url, "date": settings.build_date()}
    )
    records = "\n".join(
        f"{dataset}/{record_id}:{entry.file.digest}"
        for dataset, entries in sorted(catalog.records.items())
        for record_id, entry in sorted(entries.items())
    )
    return digest(f"{run}\n{records}\n{value_digest(catalog.terms)}", fonts)


class MadeFrom:
    """<cache>/print/made-from.json: language -> the inputs digest and its volumes' cached
    PDFs, in order."""

    def __init__(self, cache: Path, enabled: bool):
        self.path = cache / "made-from.json"
        self.enabled = enabled
        try:
            self.books = json.loads(self.path.read_text(encoding="utf-8")) if enabled else {}
        except (OSError, ValueError):
            self.books = {}

    def cached(self, lang: str, inputs: str) -> list[Path] | None:
        """The volumes of this language last made from these inputs, if all are still cached."""
        book = self.books.get(lang) or {}
        pdfs = [self.path.parent / str(name) for name in book.get("pdfs") or []]
        if book.get("inputs") == inputs and pdfs and all(pdf.is_file() for pdf in pdfs):
            return pdfs
        return None

    def save(self, made: dict[str, list[Path]], inputs: str) -> None:
        if not self.enabled:
            return
        books = {
            **self.books,
            **{lang: {"inputs": inputs, "pdfs": [p.name for p in pdfs]} for lang, pdfs in made.items()},
        }
        write_atomic(self.path, json.dumps(books, sort_keys=True, indent=1).encode("utf-8"))


def typeset_books(
    books: dict[str, list[str]], fonts: list[Path], cache: Path
) -> dict[str, list[Path]]:
    """Every volume of `books`, each in its own process, as many side by side as the machine
    has cores, or languages if more (each holds a volume's layout); a language's cached PDFs that no volume uses
    any more leave the cache."""
    volumes = [(lang, number, source) for lang, sources in books.items()
               for number, source in enumerate(sources, 1)]
    # At least one a language, as before there were volumes: a volume's process starts (Python,
    # the fonts) while another sets its pages.
    workers = min(len(volumes), max(os.cpu_count() or 1, len(LANGUAGES)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pdfs = list(pool.map(
            lambda volume: typeset(f"{volume[0]}-{volume[1]}", volume[2], fonts, cache), volumes
        ))
    made: dict[str, list[Path]] = {lang: [] for lang in books}
    for (lang, _number, _source), pdf in zip(volumes, pdfs):
        made[lang].append(pdf)
    for lang, kept in made.items():
        for earlier in set(cache.glob(f"{lang}-*.pdf")) - set(kept):
            earlier.unlink(missing_ok=True)
    return made


def write(site: Path, catalog: Catalog, settings: Settings, data: Path) -> list[Path]:
    """Each language's volumes under site/pdf/ (one PDF per language while a volume holds the
    whole book); returns their paths."""
    fonts = cjk_fonts()
    out = site / PDF_FOLDER
    out.mkdir(parents=True, exist_ok=True)
    cache = cache_folder(data) / "print"
    inputs = inputs_digest(catalog, settings, data, fonts)
    made_from = MadeFrom(cache, enabled=settings.page_manifest)
    made = {lang: made_from.cached(lang, inputs) for lang in LANGUAGES}
    missing = [lang for lang, pdfs in made.items() if pdfs is None]
    if missing:
        typeset_now = typeset_books(sources(catalog, settings, data, missing), fonts, cache)
        made.update(typeset_now)
        made_from.save(typeset_now, inputs)
    written = []
    for lang, pdfs in made.items():
        for name, pdf in zip(volume_files(lang, len(pdfs)), pdfs):
            target = out / name
            shutil.copyfile(pdf, target)
            written.append(target)
    return written
