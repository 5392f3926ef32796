"""Index a built site with Pagefind (the pinned npm binary) and size each language's index.

Pagefind writes one index per `<html lang>` into the site's pagefind/ folder: a metadata file
(pagefind.<lang>_<hash>.pf_meta), word index chunks (index/<lang>_*.pf_index), one fragment
per page (fragment/<lang>_*.pf_fragment, the page's text, title and URL) and filter indexes
(filter/<lang>_*.pf_filter). A browser loads the metadata, then only the chunks a query's
words fall in and the fragments of the results it shows.

Pagefind compresses those files itself (gzip), so a server sends them as they are: their size
on disk is the gzip figure, and the raw figure is their size once the browser has decompressed
them (compare it with Material's raw JSON index). Its JavaScript is plain text that a server
would gzip.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from build_scripts.core import paths
from build_scripts.core.languages import LANGUAGES

from .process import CommandFailed, Measurement, run_measured
from .site_size import GZIP_LEVEL, KB

PAGEFIND = paths.ROOT / "node_modules" / ".bin" / "pagefind"
BUNDLE = "pagefind"
ENTRY = "pagefind-entry.json"
# Only the page's own content, as Material's search indexes it: not the navigation, header
# or footer. Left out, as Material leaves them out: what the templates mark
# data-search-exclude (the "Cite this page" block and the headings of "Elsewhere in this
# publication"), and the ¶ permalinks and ↩ footnote back-links.
CONTENT = "article.md-content__inner"
EXCLUDED = "[data-search-exclude], a.headerlink, a.footnote-backref"
GZIP_MAGIC = b"\x1f\x8b"


def index_command(site: Path, binary: Path = PAGEFIND) -> list[str]:
    return [
        str(binary),
        "--site",
        str(site),
        "--output-subdir",
        BUNDLE,
        "--root-selector",
        CONTENT,
        "--exclude-selectors",
        EXCLUDED,
        "--quiet",
    ]


def index_site(site: Path, env: dict[str, str], binary: Path = PAGEFIND) -> Measurement:
    """Run Pagefind on `site`; its wall time and memory. Raise CommandFailed if it fails (it
    exits 101 when its parser cannot read a selector) or writes no index."""
    measured = run_measured(index_command(site, binary), site.parent, env)
    if not (site / BUNDLE / ENTRY).is_file():
        raise CommandFailed(f"pagefind wrote no {BUNDLE}/{ENTRY}:\n{measured.output}")
    return measured


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
    raw_kb: float  # every file of the language, decompressed
    gzip_kb: float  # as stored and sent (Pagefind's own gzip)
    index_chunks: int
    fragments: int
    filters: int

    def as_dict(self) -> dict:
        return asdict(self)


def language_files(bundle: Path, lang: str, key: str) -> dict[str, list[Path]]:
    """The files of one language, by kind; `key` names its metadata in pagefind-entry.json
    (e.g. "zh_9d77dea9de" for "zh")."""
    return {
        "meta": sorted(bundle.glob(f"pagefind.{key}.pf_meta")),
        "index": sorted(bundle.glob(f"index/{lang}_*.pf_index")),
        "fragment": sorted(bundle.glob(f"fragment/{lang}_*.pf_fragment")),
        "filter": sorted(bundle.glob(f"filter/{lang}_*.pf_filter")),
    }


def size_language(bundle: Path, lang: str, key: str, pages: int) -> PagefindIndex:
    files = language_files(bundle, lang, key)
    raw = sent = 0
    for file in (file for group in files.values() for file in group):
        data = file.read_bytes()
        raw += expanded_bytes(data)
        sent += sent_bytes(data)
    return PagefindIndex(
        pages,
        round(raw / KB, 1),
        round(sent / KB, 1),
        len(files["index"]),
        len(files["fragment"]),
        len(files["filter"]),
    )


def pagefind_indexes(site: Path) -> dict[str, PagefindIndex]:
    """Each language's Pagefind index, by the language Pagefind read from `<html lang>`: the
    site's languages in their order, then any other Pagefind found."""
    bundle = site / BUNDLE
    found = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))["languages"]
    order = [lang for lang in LANGUAGES if lang in found] + sorted(set(found) - set(LANGUAGES))
    return {
        lang: size_language(bundle, lang, found[lang]["hash"], found[lang]["page_count"])
        for lang in order
    }
