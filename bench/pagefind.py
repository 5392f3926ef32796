"""The size of each language's Pagefind index in a built site (<language root>/pagefind/).

Pagefind writes, per index: a metadata file (pagefind.<lang>_<hash>.pf_meta), word index
chunks (index/*.pf_index), one fragment per page (fragment/*.pf_fragment: the page's text,
title and URL) and filter indexes (filter/*.pf_filter). A browser loads the metadata, then only
the chunks a query's words fall in and the fragments of the results it shows.

Pagefind compresses those files itself (gzip), so a server sends them as they are: their size
on disk is the gzip figure, and the raw figure is their size once the browser has decompressed
them. Its JavaScript and WebAssembly are sent as a server that gzips text would send them.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from build_scripts.core.languages import LANGUAGES, url_prefix
from build_scripts.site.search_index import BUNDLE

from .site_size import GZIP_LEVEL, KB

ENTRY = "pagefind-entry.json"
GZIP_MAGIC = b"\x1f\x8b"
# The files of an index (the rest are Pagefind's code and its entry file).
INDEX = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")


def sent_bytes(data: bytes) -> int:
    """Bytes a server that gzips text sends: a file Pagefind compressed itself goes as it is."""
    if data.startswith(GZIP_MAGIC):
        return len(data)
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def expanded_bytes(data: bytes) -> int:
    """The size once the browser has decompressed it."""
    return len(gzip.decompress(data)) if data.startswith(GZIP_MAGIC) else len(data)


@dataclass(frozen=True)
class PagefindIndex:
    pages: int
    raw_kb: float  # every index file of the language, decompressed
    gzip_kb: float  # as stored and sent (Pagefind's own gzip)
    index_chunks: int
    fragments: int

    def as_dict(self) -> dict:
        return asdict(self)


def size_language(bundle: Path) -> PagefindIndex:
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    files = [file for file in bundle.rglob("*") if file.suffix in INDEX]
    raw = sent = 0
    for file in files:
        data = file.read_bytes()
        raw += expanded_bytes(data)
        sent += sent_bytes(data)
    return PagefindIndex(
        sum(found["page_count"] for found in entry["languages"].values()),
        round(raw / KB, 1),
        round(sent / KB, 1),
        sum(file.suffix == ".pf_index" for file in files),
        sum(file.suffix == ".pf_fragment" for file in files),
    )


def pagefind_indexes(site: Path) -> dict[str, PagefindIndex]:
    """Each language's index, in the site's language order."""
    return {lang: size_language(site / url_prefix(lang) / BUNDLE) for lang in LANGUAGES}
