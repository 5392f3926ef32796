"""Redirects from a renamed record's former addresses: at site/<lang>/<dataset>/<former-id>/ a
small page in the page's language that sends the reader (and a crawler, by its canonical link)
to the record's present page. Ids are permalinks: a renamed record keeps every old one."""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..core.languages import HTML_LANG, LANGUAGES, url_prefix
from ..data.catalog import Catalog

_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url=../{target}/">
</head>
<body>
<p>{moved} <a href="../{target}/">{title}</a></p>
</body>
</html>
"""


def write(site: Path, catalog: Catalog, site_url: str) -> list[Path]:
    """Every former address of every record, in every language; returns the pages written."""
    written = []
    for dataset, entries in catalog.records.items():
        for entry in entries.values():
            for former in entry.record.former_ids:
                for lang in LANGUAGES:
                    path = site / url_prefix(lang) / dataset / former / "index.html"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    canonical = f"{site_url.rstrip('/')}/{url_prefix(lang)}{dataset}/{entry.id}/"
                    path.write_text(_PAGE.format(
                        lang=HTML_LANG[lang], title=escape(entry.record.title_in(lang)),
                        canonical=escape(canonical), target=entry.id,
                        moved=escape(catalog.ui["moved_to"][lang])), encoding="utf-8")
                    written.append(path)
    return written
