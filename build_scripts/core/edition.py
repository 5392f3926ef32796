"""The publication's edition: title, public address, version and release date, from CITATION.cff
(the one place a release or a move changes them), and the file names of its PDF editions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import yaml

from . import paths


@dataclass(frozen=True)
class Edition:
    title: str
    url: str  # the public address, ending in "/"
    version: str
    released: str  # YYYY-MM-DD


@cache
def edition() -> Edition:
    cff = yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    url = str(cff["url"]).rstrip("/") + "/"
    return Edition(cff["title"], url, str(cff["version"]), str(cff["date-released"]))


PDF_FOLDER = "pdf"


def pdf_file_name(lang: str, volume: int | None = None) -> str:
    """The PDF edition of one language, under site/pdf/; `volume`: one of its volumes, when the
    edition has several (pages/print_book.py)."""
    if volume is None:
        return f"sino-russian-cultural-relations-{lang}.pdf"
    return f"sino-russian-cultural-relations-{lang}-vol-{volume}.pdf"
