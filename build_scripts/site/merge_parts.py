"""The languages' parts of the parallel build made into one site.

Each part is a `mkdocs build` of one language (one_language.py) into its own folder: the
default language's at the root of its folder, another language's under <lang>/ of its folder,
beside a copy of the theme's assets, its own (unused) Material search index and sitemap at
the root. The site is the default language's part, each other language's <lang>/ moved into
it, and the sitemap made of every part's entries, in the languages' order, as the
single-process build writes it. The search index is made of the finished site afterwards
(search_index.py).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from ..core.languages import DEFAULT_LANGUAGE

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
    _merge_sitemaps(site / SITEMAP, [folder / SITEMAP for folder in ordered], timestamp)


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
