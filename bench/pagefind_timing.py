"""Pagefind's search in headless Chromium, per language: time and bytes of the first query,
time of a query once loaded, and how many results each query finds.

The same queries as Material's search (search_timing.QUERIES), on a page of each language:
Pagefind picks that language's index from the page's `<html lang>`. The first query counts
from importing /pagefind/pagefind.js to the data (URL, title, excerpt) of its first
RESULTS_SHOWN results; "warm" is the median of the other queries, three times each, on the
loaded Pagefind (a new word may still fetch its index chunk). Each language starts in a fresh
browser context, so nothing is cached. Material's own search index is blocked meanwhile: its
download would compete with Pagefind's on the same page.

The bytes of the first query are every file fetched under /pagefind/ (the browser's worker
included), sized from the site: the local server sends files as they are, a real one would gzip
the JavaScript (pagefind.sent_bytes).
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path
from urllib.parse import urlsplit

from tests.site_server import serve

from .pagefind import BUNDLE, expanded_bytes, sent_bytes
from .search_timing import QUERIES
from .site_size import KB

RESULTS_SHOWN = 5
MATERIAL_INDEX = "**/search/search_index.json"
# The files of a language's index (the others are Pagefind's code and its entry file).
INDEX = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")

_FIRST = """async ([bundle, query, shown]) => {
  const start = performance.now();
  window.pagefind = await import(bundle + "pagefind.js");
  await window.pagefind.init();
  const search = await window.pagefind.search(query);
  await Promise.all(search.results.slice(0, shown).map((result) => result.data()));
  return {ms: performance.now() - start, results: search.results.length,
          lang: document.documentElement.lang};
}"""

_WARM = """async ([query, shown]) => {
  const start = performance.now();
  const search = await window.pagefind.search(query);
  await Promise.all(search.results.slice(0, shown).map((result) => result.data()));
  return {ms: performance.now() - start, results: search.results.length};
}"""


def fetched_files(site: Path, urls: list[str]) -> list[Path]:
    """The site's files behind the fetched URLs under /pagefind/, each once, in fetch order
    (query strings, such as pagefind-entry.json's cache buster, dropped)."""
    files: list[Path] = []
    for url in urls:
        path = urlsplit(url).path
        if not path.startswith(f"/{BUNDLE}/"):
            continue
        file = site / path.lstrip("/")
        if file.is_file() and file not in files:
            files.append(file)
    return files


def transfer(files: list[Path]) -> dict:
    """What fetching `files` costs: requests; KB as sent with gzip and decompressed; of the
    gzip KB, those of the index itself (the rest is Pagefind's JavaScript and WebAssembly, the
    same at every size); how many were index chunks and page fragments."""
    sent = {file: sent_bytes(file.read_bytes()) for file in files}
    return {
        "requests": len(files),
        "gzip_kb": round(sum(sent.values()) / KB, 1),
        "index_gzip_kb": round(sum(n for f, n in sent.items() if f.suffix in INDEX) / KB, 1),
        "raw_kb": round(sum(expanded_bytes(file.read_bytes()) for file in files) / KB, 1),
        "index_chunks": sum(file.suffix == ".pf_index" for file in files),
        "fragments": sum(file.suffix == ".pf_fragment" for file in files),
    }


def index_language(files: list[Path]) -> str | None:
    """The language of the index Pagefind loaded: the one of its metadata file
    (pagefind.<lang>_<hash>.pf_meta)."""
    meta = [file.name for file in files if file.suffix == ".pf_meta"]
    return meta[0].removeprefix("pagefind.").split("_")[0] if meta else None


def first_and_warm(site: Path) -> dict[str, dict]:
    """Per language: first-query and warm milliseconds, the first query's transfer, the
    result count of every query, the page's language and that of the index Pagefind loaded."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    results: dict[str, dict] = {}
    with serve(site) as site_url, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for lang, (root, queries) in QUERIES.items():
            context = browser.new_context()
            context.route(MATERIAL_INDEX, lambda route: route.abort())
            urls: list[str] = []
            # Sent requests (the page's and its worker's): each is sent before its answer can
            # reach the script, so the list is complete when the script returns.
            context.on("request", lambda request, sent=urls: sent.append(request.url))
            page = context.new_page()
            page.goto(site_url + root)
            urls.clear()
            first = page.evaluate(_FIRST, [f"/{BUNDLE}/", queries[0], RESULTS_SHOWN])
            fetched = fetched_files(site, urls)
            warm = [page.evaluate(_WARM, [q, RESULTS_SHOWN]) for q in queries[1:] * 3]
            found = {
                queries[0]: first["results"],
                **{q: w["results"] for q, w in zip(queries[1:], warm)},
            }
            results[lang] = {
                "first_ms": round(first["ms"], 1),
                "warm_ms": round(statistics.median(w["ms"] for w in warm), 1),
                "page_lang": first["lang"],
                "index_lang": index_language(fetched),
                "results": found,
                "first_query": {
                    "query": queries[0],
                    "results": first["results"],
                    **transfer(fetched),
                },
            }
            context.close()
        browser.close()
    return results
