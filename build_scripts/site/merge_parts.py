"""The languages' parts of the parallel build made into one site.

Each part is a `mkdocs build` of one language (one_language.py) into its own folder: the
default language's at the root of its folder, another language's under <lang>/ of its folder,
beside a copy of the theme's assets, its own search index and sitemap at the root. The site
is the default language's part, each other language's <lang>/ moved into it, and the search
index and sitemap made of every part's entries, in the languages' order, as the
single-process build writes them.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from ..core.languages import DEFAULT_LANGUAGE

SEARCH_INDEX = Path("search") / "search_index.json"
SITEMAP = "sitemap.xml"
_URLS = re.compile(r"(<urlset[^>]*>)(.*)(</urlset>)", re.S)


def merge(parts: dict[str, Path], site: Path, timestamp: int) -> None:
    """Move the parts (language -> its folder; the default language's first) into the new
    folder `site`. `timestamp`: the gzip time of sitemap.xml.gz (the build's date)."""
    parts[DEFAULT_LANGUAGE].rename(site)
    others = {lang: part for lang, part in parts.items() if lang != DEFAULT_LANGUAGE}
    for lang, part in others.items():
        (part / lang).rename(site / lang)
    ordered = [site, *others.values()]
    _merge_search_indexes(site / SEARCH_INDEX, [folder / SEARCH_INDEX for folder in ordered])
    _merge_sitemaps(site / SITEMAP, [folder / SITEMAP for folder in ordered], timestamp)


def _merge_search_indexes(target: Path, indexes: list[Path]) -> None:
    found = [json.loads(path.read_text(encoding="utf-8")) for path in indexes if path.is_file()]
    if not found:
        return
    merged = {**found[0], "docs": [doc for index in found for doc in index["docs"]]}
    target.write_text(json.dumps(merged, ensure_ascii=False, separators=(",", ":")),
                      encoding="utf-8")


def _merge_sitemaps(target: Path, sitemaps: list[Path], timestamp: int) -> None:
    """One sitemap with every part's <url> entries (each part lists its own language's pages
    with their alternates in every language)."""
    matches = [_URLS.search(path.read_text(encoding="utf-8")) for path in sitemaps if path.is_file()]
    matches = [match for match in matches if match]
    if not matches:
        return
    first = matches[0]
    text = (
        first.string[: first.start(2)]
        + "".join(match.group(2).rstrip() for match in matches)
        + "\n"
        + first.string[first.start(3):]
    )
    target.write_text(text, encoding="utf-8")
    gz = target.with_name(target.name + ".gz")
    with gz.open("wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(gz), mode="wb",
                                             mtime=timestamp) as out:
        out.write(text.encode("utf-8"))
