"""Sizes of a built site: its HTML pages, each language's search index, and what a reader's
browser transfers for one page (gzip, as a web server would send it)."""

from __future__ import annotations

import gzip
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from build_scripts.core.languages import DEFAULT_LANGUAGE, LANGUAGES

GZIP_LEVEL = 6
KB = 1024
SEARCH_INDEX = "search/search_index.json"


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0))


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def language_root(site: Path, lang: str) -> Path:
    return site if lang == DEFAULT_LANGUAGE else site / lang


@dataclass(frozen=True)
class SearchIndex:
    path: str  # relative to the site
    raw_kb: float
    gzip_kb: float
    shared: bool  # one index for every language (the language has none of its own)

    def as_dict(self) -> dict:
        return asdict(self)


def search_indexes(site: Path) -> dict[str, SearchIndex]:
    """Each language's search index; the root index, marked shared, for a language without."""
    found = {}
    for lang in LANGUAGES:
        own = language_root(site, lang) / SEARCH_INDEX
        path = own if own.exists() else site / SEARCH_INDEX
        shared = lang != DEFAULT_LANGUAGE and not own.exists()
        found[lang] = SearchIndex(
            path.relative_to(site).as_posix(),
            round(path.stat().st_size / KB, 1),
            round(gzip_size(path) / KB, 1),
            shared,
        )
    return found


class _Assets(HTMLParser):
    """The stylesheets and scripts a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        rel = (values.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and values.get("href"):
            self.urls.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.urls.append(values["src"])


def page_url(site: Path, page: Path) -> str:
    """The address of a page file on the site, from its root: /zh/stages/x/index.html."""
    return "/" + page.relative_to(site).as_posix()


def assets_of(site: Path, page: Path) -> list[Path]:
    """The files of the CSS and JavaScript the page references, each once."""
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    files: list[Path] = []
    for url in parser.urls:
        parts = urlsplit(urljoin(page_url(site, page), url))
        if parts.scheme or parts.netloc:
            continue  # data: URIs are inside the page; another host's files are not the site's
        file = site / parts.path.lstrip("/")
        if file.is_file() and file not in files:
            files.append(file)
    return files


@dataclass(frozen=True)
class PageWeight:
    page: str
    html_kb: float  # the page alone, gzip
    own_kb: float  # page + its CSS and JavaScript, gzip
    with_index_kb: float  # own + the language's search index, gzip
    assets: int

    def as_dict(self) -> dict:
        return asdict(self)


def page_weight(site: Path, page: Path, index: SearchIndex) -> PageWeight:
    assets = assets_of(site, page)
    html = gzip_size(page)
    own = html + sum(gzip_size(file) for file in assets)
    return PageWeight(
        page.relative_to(site).as_posix(),
        round(html / KB, 1),
        round(own / KB, 1),
        round(own / KB + index.gzip_kb, 1),
        len(assets),
    )
