"""The search index of the finished site: one Pagefind index per language, behind Material's
search box.

Material's own search downloads a language's whole index and builds it in the browser before
the first answer (about 5 s and half a megabyte at a hundred times today's data). Pagefind
splits the index into chunks that a query fetches as it needs them. Each language gets its
own index at <language root>/pagefind/, made from feed pages (search_feed.py) by the pinned
Pagefind (npm, package-lock.json), one language after the other; the parallel build has each
language's build index its own pages (plugin.py), side by side.

In the browser, assets/javascripts/workers/pagefind-search.js takes the place of Material's
search worker: it speaks Material's protocol, so results keep Material's look and keys, and
asks the page's language's Pagefind index. Material still fetches search/search_index.json on
every page: it holds no documents (material_search.py). Chinese is cut into words here and,
the same way, in the browser (chinese_words.py); the words the index holds go to
<zh root>/pagefind/chinese-words.json.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from ..core.languages import DEFAULT_LANGUAGE, LANGUAGES, language, url_prefix
from ..core.paths import PAGEFIND
from ..data.catalog import Catalog
from .chinese_words import ChineseWords
from .record_navigation import record_address
from .search_feed import EXCLUDED, ROOT, feed_page
from .search_terms import chinese_terms

BUNDLE = "pagefind"
WORDS = "chinese-words.json"
WORKER = "pagefind-search.js"
# Pagefind's allocator (the jemalloc inside its binary) keeps the pages it frees for 10 s before
# handing them back; Pagefind frees about as much as it allocates while it builds (every page's
# words, copied, then the index), so it peaked at all of it. Handed back at once, the Russian
# index at 100x peaks at 854 MiB instead of 977 MiB, and the index is byte for byte the same.
PAGEFIND_ALLOCATOR = {"_RJEM_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0"}
# What Pagefind writes that the site does not use (its own search interfaces).
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*",
          "pagefind-highlight.js")


class SearchIndexFailed(Exception):
    pass


def language_of(location: str) -> str:
    """The language of a site-relative path ("zh/themes/" -> zh)."""
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and location.startswith(url_prefix(lang)):
            return lang
    return DEFAULT_LANGUAGE


def pages_of(site: Path, lang: str) -> list[Path]:
    """The built pages of one language (the default language's are those of no other)."""
    root = site / url_prefix(lang)
    return sorted(
        page for page in root.rglob("*.html")
        if page.name != "404.html" and language_of(page.relative_to(site).as_posix()) == lang
        and BUNDLE not in page.relative_to(site).parts
    )


def write_feed(site: Path, lang: str, feed: Path, words: ChineseWords | None) -> int:
    """Write the feed pages of one language under `feed` (paths as in the site, so Pagefind's
    URLs are site-relative); returns how many."""
    count = 0
    for page in pages_of(site, lang):
        location = page.parent.relative_to(site).as_posix() + "/"
        record = record_address(location, lang)
        text = feed_page(
            page.read_text(encoding="utf-8"), language(lang), words, record[1] if record else None
        )
        if text is None:
            continue
        target = feed / page.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        count += 1
    return count


def pagefind_command(feed: Path, output: Path) -> list[str]:
    return [
        str(PAGEFIND), "--site", str(feed), "--output-path", str(output),
        "--root-selector", ROOT, "--exclude-selectors", ", ".join(EXCLUDED), "--quiet",
    ]


def write(site: Path, catalog: Catalog) -> dict[str, int]:
    """Index every language of the finished `site`; returns the pages indexed per language.
    Raises SearchIndexFailed when Pagefind is missing or fails (the build then fails, and the
    published site stays as it was)."""
    if not PAGEFIND.exists():
        raise SearchIndexFailed(f"Pagefind is not installed ({PAGEFIND}): run `npm ci`")
    # The languages the site holds (one alone where a single language was built).
    languages = [lang for lang in LANGUAGES if (site / url_prefix(lang) / "index.html").exists()]
    segmenting = [lang for lang in languages if language(lang).search_segmented]
    words = ChineseWords(chinese_terms(catalog)) if segmenting else None
    counts: dict[str, int] = {}
    failed: dict[str, str] = {}
    running: tuple[str, subprocess.Popen] | None = None
    with tempfile.TemporaryDirectory(prefix="search-feed-") as tmp:
        # One Pagefind at a time (its memory grows with the pages), each indexing while the
        # next language's feed is written.
        for lang in languages:
            feed = Path(tmp) / lang
            counts[lang] = write_feed(site, lang, feed, words if lang in segmenting else None)
            if running:
                _finish(site, *running, failed)
            output = site / url_prefix(lang) / BUNDLE
            shutil.rmtree(output, ignore_errors=True)
            running = lang, subprocess.Popen(
                pagefind_command(feed, output), stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT, text=True, env={**os.environ, **PAGEFIND_ALLOCATOR},
            )
        if running:
            _finish(site, *running, failed)
    if failed:
        raise SearchIndexFailed("; ".join(f"{lang}: {text}" for lang, text in failed.items()))
    for lang in languages:
        bundle = site / url_prefix(lang) / BUNDLE
        for pattern in UNUSED:
            for file in bundle.glob(pattern):
                file.unlink()
        if lang in segmenting:
            (bundle / WORDS).write_text(
                json.dumps(words.vocabulary(), ensure_ascii=False, separators=(",", ":")),
                encoding="utf-8",
            )
    return counts


def _finish(site: Path, lang: str, run: subprocess.Popen, failed: dict[str, str]) -> None:
    """Wait for one language's Pagefind; note what it said if it failed."""
    output, _ = run.communicate()
    if run.returncode != 0 or not (site / url_prefix(lang) / BUNDLE / "pagefind.js").exists():
        failed[lang] = output.strip() or f"exit status {run.returncode}"


def worker_query(lang: str) -> str:
    """The worker's parameters for a page of `lang`: its index (from the site root), Pagefind's
    language for it, and whether the query is cut into Chinese words."""
    entry = language(lang)
    params = {"index": url_prefix(lang), "language": entry.search_index_language}
    if entry.search_segmented:
        params["words"] = WORDS
    return urlencode(params)


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def page_config(html: str, lang: str, ui: dict[str, dict[str, str]]) -> str:
    """Point a page's search at our worker, next to Material's, with its language's index. The
    worker lists the best SHOWN results, so the count above them says so (data/ui.yml
    `search_best_matches`) rather than Material's "# matching documents"."""
    match = _CONFIG.search(html)
    if not match:
        return html
    config = json.loads(match.group(2))
    if "translations" in config:
        config["translations"]["search.result.other"] = ui["search_best_matches"][lang]
    worker = config.get("search")
    if worker and WORKER not in worker:
        folder = worker.rsplit("/", 1)[0]
        config["search"] = f"{folder}/{WORKER}?{worker_query(lang)}"
    return html[: match.start(2)] + json.dumps(config) + html[match.end(2) :]
