"""One search index per language.

MkDocs writes one index for the whole site (all three languages). After the build it is split
so that a reader of /zh/ downloads and searches only Chinese pages, of /ru/ only Russian, of /
only English; each index is configured with its language's lunr pipeline (stemming for English
and Russian; build-time jieba segmentation for Chinese). The pages are pointed at their
language's index (see `page_config`), and at a small worker wrapper,
assets/javascripts/workers/language-search.js, that stems the reader's query the way the index
was stemmed and treats ё as е.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..core.languages import DEFAULT_LANGUAGE, LANGUAGES, language, url_prefix

# Every pipeline step of each language's lunr index is kept: trimmer, stop words, stemmer (the
# index's languages, its own first, are in core/languages.py).
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
WRAPPER = "language-search.js"


def language_of(location: str) -> str:
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and location.startswith(url_prefix(lang)):
            return lang
    return DEFAULT_LANGUAGE


def split(site: Path) -> dict[str, int]:
    """Rewrite site/search/search_index.json as one index per language (the default language's
    at the root, the others at <lang>/search/). Returns the size in bytes of each."""
    shared = site / "search" / "search_index.json"
    index = json.loads(shared.read_text(encoding="utf-8"))
    docs: dict[str, list[dict]] = {lang: [] for lang in LANGUAGES}
    for doc in index["docs"]:
        lang = language_of(doc["location"])
        docs[lang].append({**doc, "location": doc["location"].removeprefix(url_prefix(lang))})
    sizes = {}
    for lang in LANGUAGES:
        target = site / url_prefix(lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        config = {**index["config"], "lang": list(language(lang).search_languages), "pipeline": PIPELINE}
        # Written as UTF-8, not \uXXXX escapes: half the size for Chinese and Russian text.
        text = json.dumps({"config": config, "docs": docs[lang]}, ensure_ascii=False,
                          separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
        sizes[lang] = len(text.encode("utf-8"))
    return sizes


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def page_config(html: str, lang: str) -> str:
    """Point a page's search at its language's index (Material looks for it under the
    configured base) and at the worker wrapper next to Material's worker."""
    match = _CONFIG.search(html)
    if not match:
        return html
    config = json.loads(match.group(2))
    if lang != DEFAULT_LANGUAGE:
        config["base"] = f"{config['base']}/{lang}/"  # a folder: URLs resolve inside it
    worker = config.get("search")
    if worker and WRAPPER not in worker:
        folder, name = worker.rsplit("/", 1)
        config["search"] = f"{folder}/{WRAPPER}?material={name}"
    return html[:match.start(2)] + json.dumps(config) + html[match.end(2):]
