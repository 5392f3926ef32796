"""Time from key-up to results in Material's search, per language, in headless Chromium.

The first query of a page also waits for the worker to download its index and build it; that
is reported apart ("first") from a query on a warm index ("warm", the median of several).
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

from tests.site_server import serve

# A query per language that finds records at every size of the synthetic data.
QUERIES = {
    "en": ("", ["festival", "cooperation", "Amur"]),
    "zh": ("zh/", ["冰球", "孔子学院", "一带一路"]),
    "ru": ("ru/", ["хоккея", "сотрудничества", "Амур"]),
}

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
  return performance.now() - start;
}"""


def keyup_to_results(site: Path) -> dict[str, dict[str, float]]:
    """Per language: milliseconds from key-up to the first result, first query and warm."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    results: dict[str, dict[str, float]] = {}
    with serve(site) as site_url, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for lang, (root, queries) in QUERIES.items():
            page = browser.new_page()
            page.goto(site_url + root)
            page.click("input.md-search__input")
            first = page.evaluate(_MEASURE, queries[0])
            warm = [page.evaluate(_MEASURE, q) for q in queries[1:] * 3]
            results[lang] = {
                "first_ms": round(first, 1),
                "warm_ms": round(statistics.median(warm), 1),
            }
            page.close()
        browser.close()
    return results
