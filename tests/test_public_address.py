"""What a reader copies carries the publication's public address (CITATION.cff `url`), never the
address of the machine that built it: every built file is read, data: URIs and gzip decoded,
PDFs read back as text and link annotations."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import unquote

from pypdf import PdfReader

from build_scripts.core.edition import edition

LOCAL = re.compile(r"127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\]|file:/", re.IGNORECASE)


def readable_text(path: Path) -> str:
    """A built file as a reader's tools see it."""
    if path.suffix == ".pdf":
        reader = PdfReader(path)
        texts = [page.extract_text() or "" for page in reader.pages]
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A") or {}
                texts.append(str(action.get("/URI", "")))
        return "\n".join(texts)
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    return unquote(raw.decode("utf-8", errors="replace"))


# Images, fonts and the theme's source maps (whose comments explain `file://` and `localhost`).
NOT_COPIED = {".png", ".jpg", ".svg", ".woff", ".woff2", ".map"}


def local_addresses(site: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix not in NOT_COPIED:
            text = readable_text(path)
            hits = sorted(
                {text[max(0, m.start() - 30) : m.end() + 30] for m in LOCAL.finditer(text)}
            )
            if hits:
                found[str(path.relative_to(site))] = hits[:3]
    return found


def test_no_built_file_carries_a_local_address(built_site):
    assert local_addresses(built_site) == {}


def test_citations_and_the_canonical_link_carry_the_public_address(built_site):
    public = edition().url
    assert public.startswith("https://") and not LOCAL.search(public)
    page = (built_site / "ru" / "stages" / "limited-contact" / "index.html").read_text("utf-8")
    permalink = f"{public}ru/stages/limited-contact/"
    assert f'<link rel="canonical" href="{permalink}">' in page
    assert f'<meta name="citation_public_url" content="{permalink}">' in page
    assert permalink in unquote(page.split('id="citation"')[1].split("</p>")[0])
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{public}zh/stages/limited-contact/</loc>" in sitemap


def test_the_scan_finds_a_planted_local_address(tmp_path):
    (tmp_path / "a.html").write_text('<a href="http%3A%2F%2F127.0.0.1%3A8000%2Fx">', "utf-8")
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(b"<loc>file:///work/site/</loc>"))
    assert set(local_addresses(tmp_path)) == {"a.html", "sitemap.xml.gz"}
