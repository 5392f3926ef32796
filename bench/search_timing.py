"""The site's search as a reader meets it, per language, in headless Chromium: Material's search
box answered by the language's Pagefind index (build_scripts/site/search_index.py).

The first query of a fresh page counts from key-up to the first result shown: it loads
Pagefind, its index metadata, the chunks its words fall in and the fragments of the results
shown (and, in Chinese, the index's words). Its bytes are every search file the page fetched
from its opening to that result (the worker, Material's empty index, Pagefind's files), sized
from the site as a server that gzips text would send them (pagefind.sent_bytes). "warm" is the
median of the other queries, three times each, once Pagefind is loaded. Each first query is
taken on FRESH_PAGES fresh pages of the language, each in a new browser context (nothing
cached), and their median reported: one sample on a shared machine varies by a third.
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path
from urllib.parse import urlsplit

from build_scripts.site.search_index import language_of
from tests.site_server import serve

from .pagefind import INDEX, expanded_bytes, sent_bytes
from .site_size import KB

# A query per language that finds records at every size of the synthetic data.
QUERIES = {
    "en": ("", ["festival", "cooperation", "Amur"]),
    "zh": ("zh/", ["冰球", "孔子学院", "一带一路"]),
    "ru": ("ru/", ["хоккея", "сотрудничества", "Амур"]),
}
# The files of the search (the rest of a page's requests are the page's own).
FRESH_PAGES = 5
SEARCH_FILES = ("/pagefind/", "/search/search_index.json", "/workers/pagefind-search.js")

_MEASURE = """async (query) => {
  const box = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  list.innerHTML = "";
  box.value = query;
  const start = performance.now();
  box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  await new Promise((resolve, reject) => {
    const done = () => document.querySelector(".md-search-result__item") ? resolve() : null;
    const observer = new MutationObserver(done);
    observer.observe(list, {childList: true, subtree: true});
    setTimeout(() => reject(new Error("no results for " + query)), 60000);
    done();
  });
  return {ms: performance.now() - start,
          results: document.querySelectorAll(".md-search-result__item").length};
}"""


def fetched_files(site: Path, urls: list[str]) -> list[Path]:
    """The site's search files behind the fetched URLs, each once, in fetch order."""
    files: list[Path] = []
    for url in urls:
        path = urlsplit(url).path
        if not any(part in path for part in SEARCH_FILES):
            continue
        file = site / path.lstrip("/")
        if file.is_file() and file not in files:
            files.append(file)
    return files


def transfer(site: Path, files: list[Path]) -> dict:
    """What fetching `files` costs: requests; KB as sent (gzip) and decompressed; of the gzip
    KB, those of the index itself (the rest is code, the same at every size); the index chunks
    and page fragments among them; the languages of the indexes they belong to."""
    sent = {file: sent_bytes(file.read_bytes()) for file in files}
    index_files = [file for file in files if file.suffix in INDEX]
    return {
        "requests": len(files),
        "gzip_kb": round(sum(sent.values()) / KB, 1),
        "index_gzip_kb": round(sum(sent[file] for file in index_files) / KB, 1),
        "raw_kb": round(sum(expanded_bytes(file.read_bytes()) for file in files) / KB, 1),
        "index_chunks": sum(file.suffix == ".pf_index" for file in files),
        "fragments": sum(file.suffix == ".pf_fragment" for file in files),
        "index_languages": sorted(
            {language_of(file.relative_to(site).as_posix()) for file in index_files}
        ),
    }


def first_and_warm(site: Path) -> dict[str, dict]:
    """Per language: the first query's milliseconds, results and transfer; the warm median;
    the results of every query."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    results: dict[str, dict] = {}
    with serve(site) as site_url, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for lang, (root, queries) in QUERIES.items():
            firsts = []
            for sample in range(FRESH_PAGES):
                context = browser.new_context()
                urls: list[str] = []
                # The page's and its workers' requests: each is sent before its answer can
                # reach the page, so the list is complete when the first result shows.
                context.on("request", lambda request, sent=urls: sent.append(request.url))
                page = context.new_page()
                page.goto(site_url + root)
                page.click("input.md-search__input")
                firsts.append(page.evaluate(_MEASURE, queries[0]))
                if sample == 0:
                    fetched = fetched_files(site, urls)
                    warm = [page.evaluate(_MEASURE, q) for q in queries[1:] * 3]
                context.close()
            first = {**firsts[0], "ms": statistics.median(f["ms"] for f in firsts)}
            results[lang] = {
                "first_ms": round(first["ms"], 1),
                "first_ms_samples": [round(f["ms"], 1) for f in firsts],
                "warm_ms": round(statistics.median(w["ms"] for w in warm), 1),
                "results": {
                    queries[0]: first["results"],
                    **{q: w["results"] for q, w in zip(queries[1:], warm)},
                },
                "first_query": {
                    "query": queries[0],
                    "results": first["results"],
                    **transfer(site, fetched),
                },
            }
        browser.close()
    return results
