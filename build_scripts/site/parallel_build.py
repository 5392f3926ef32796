"""The parallel build (`make site`, `python -m build_scripts build`): the three languages as
three `mkdocs build --strict` processes side by side, between one preparation and one
finishing step.

1. Validate and generate once, in this process (the caches make a warm run cheap); keep the
   catalog and About's example citations for the languages (prepared.py).
2. One `mkdocs build --strict` per language (SITE_LANGUAGE, BUILD_PREPARED; one_language.py),
   each into its own folder under <site>.parts/. A part generates nothing, starts no citation
   processor and loads no jieba: it renders its language's Markdown into HTML. Up to
   BUILD_JOBS at a time (default: all at once).
3. The parts merged into one site (merge_parts.py), then the once-per-site steps
   (finishing.py: downloads, redirects, search index, print edition, sitemaps).
4. The finished site replaces <site> only now: a failure at any step leaves <site> as it was.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..biblio.citations import CitationProcessor, CitationProcessorFailed, CitationProcessorMissing
from ..core.languages import DEFAULT_LANGUAGE, LANGUAGES
from ..core.problems import DataError
from ..core.settings import Settings, citation_folder
from ..pages.generate import generate_all
from ..pages.how_to_cite import citation_examples, print_edition_citations
from . import finishing, merge_parts, print_edition, search_index
from .prepared import Prepared

PREFIX = "INFO    -  build_scripts:"
POLL_SECONDS = 0.02


class BuildFailed(Exception):
    """A step failed; the message says which and why (a part's own output included)."""


@dataclass(frozen=True)
class Part:
    lang: str
    folder: Path
    seconds: float
    peak_mib: float  # the largest resident memory of its process (Linux: ru_maxrss in KiB)


def data_folder(config_file: Path) -> Path:
    """The publication plugin's data_dir (mkdocs.yml), resolved beside the configuration."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    data_dir = "data"
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "publication" in plugin:
            data_dir = (plugin["publication"] or {}).get("data_dir", data_dir)
    return (config_file.parent / data_dir).resolve()


def prepare(data: Path, settings: Settings) -> Prepared:
    """Validate and generate (into the pages folder); raise BuildFailed with the problems."""
    try:
        with CitationProcessor(citation_folder(settings, data)) as processor:
            report = generate_all(data, None, settings, processor)
            examples = citation_examples(report.catalog, processor, settings)
            if settings.pdf_edition:
                print_edition_citations(report.catalog, processor, settings, LANGUAGES)
    except DataError as err:
        raise BuildFailed(err.report()) from None
    except (CitationProcessorMissing, CitationProcessorFailed) as err:
        raise BuildFailed(f"citations: {err}") from None
    print(f"{PREFIX} {report}", flush=True)
    return Prepared(report.catalog, examples)


def build_parts(
    config_file: Path, parts: Path, handoff: Path, languages: list[str], jobs: int | None
) -> dict[str, Part]:
    """One `mkdocs build --strict` per language, `jobs` at a time; raise BuildFailed with the
    output of the first that failed."""
    waiting = list(languages)
    running: dict[str, tuple[subprocess.Popen, object, float]] = {}
    done: dict[str, Part] = {}
    failed: list[str] = []
    limit = jobs or len(languages)
    while waiting or running:
        while waiting and len(running) < limit and not failed:
            lang = waiting.pop(0)
            log = tempfile.TemporaryFile()
            env = {**os.environ, "SITE_LANGUAGE": lang, "BUILD_PREPARED": str(handoff)}
            command = [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--config-file",
                str(config_file),
                "--site-dir",
                str(parts / lang),
            ]
            process = subprocess.Popen(
                command, cwd=config_file.parent, env=env, stdout=log, stderr=subprocess.STDOUT
            )
            running[lang] = (process, log, time.perf_counter())
        if failed and not running:
            break
        time.sleep(POLL_SECONDS)
        for lang, (process, log, started) in list(running.items()):
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid == 0:
                continue
            process.returncode = os.waitstatus_to_exitcode(status)
            del running[lang]
            log.seek(0)
            output = log.read().decode("utf-8", "replace")
            log.close()
            if process.returncode != 0:
                failed.append(f"the {lang} build failed (exit {process.returncode}):\n{output}")
            else:
                done[lang] = Part(
                    lang, parts / lang, time.perf_counter() - started, usage.ru_maxrss / 1024
                )
                # The part's own log, each line marked with its language.
                print("".join(f"[{lang}] {line}\n" for line in output.splitlines()), end="")
                print(
                    f"{PREFIX} {lang} built in {done[lang].seconds:.2f} s "
                    f"(peak {done[lang].peak_mib:.0f} MiB)",
                    flush=True,
                )
    if failed:
        raise BuildFailed("\n".join(failed))
    return done


def replace_site(built: Path, site: Path) -> None:
    """Put the finished site at `site`, the earlier one removed only once it is there."""
    previous = site.with_name(site.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site.exists():
        site.rename(previous)
    built.rename(site)
    shutil.rmtree(previous, ignore_errors=True)


def build(
    config_file: Path,
    site: Path,
    languages: list[str] | None = None,
    settings: Settings | None = None,
) -> None:
    """Build the whole site into `site` (see the module's text); raise BuildFailed."""
    settings = settings or Settings.from_environment()
    languages = languages or list(LANGUAGES)
    if DEFAULT_LANGUAGE not in languages:
        languages = [DEFAULT_LANGUAGE, *languages]
    started = time.perf_counter()
    data = data_folder(config_file)
    parts = site.with_name(site.name + ".parts")
    shutil.rmtree(parts, ignore_errors=True)
    parts.mkdir(parents=True)
    try:
        prepared = prepare(data, settings)
        prepared_at = time.perf_counter()
        handoff = parts / "prepared.pickle"
        prepared.save(handoff)
        built = build_parts(config_file, parts, handoff, languages, settings.build_jobs)
        parts_at = time.perf_counter()
        merged = parts / "site"
        merge_parts.merge(
            {lang: built[lang].folder for lang in languages}, merged, _build_timestamp()
        )
        merged_at = time.perf_counter()
        try:
            # Each language's part holds its search index already (plugin.py).
            finishing_settings = settings.but(search_index=False)
            finished = finishing.finish(merged, prepared.catalog, finishing_settings, data)
        except print_edition.PdfEditionFailed as err:
            raise BuildFailed(f"PDF edition: {err}") from None
        except search_index.SearchIndexFailed as err:
            raise BuildFailed(f"search index: {err}") from None
        print(f"{PREFIX} post-build steps done (run 1): {finished}", flush=True)
        merged.chmod(0o755)
        finished_at = time.perf_counter()
        replace_site(merged, site)
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    ended = time.perf_counter()
    print(
        f"{PREFIX} built {site} in {ended - started:.2f} s: prepare {prepared_at - started:.2f} s, "
        f"languages {parts_at - prepared_at:.2f} s ({', '.join(languages)} side by side), "
        f"finish {ended - parts_at:.2f} s (merge {merged_at - parts_at:.2f} s, once-per-site "
        f"steps {finished_at - merged_at:.2f} s, replacing {site.name} {ended - finished_at:.2f} s); "
        f"this process's peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB",
        flush=True,
    )


def _build_timestamp() -> int:
    """The time MkDocs gives the sitemap's gzip: the pages' update date (the build's day,
    from SOURCE_DATE_EPOCH), at midnight UTC."""
    from datetime import datetime, timezone

    from mkdocs.utils import get_build_date

    return int(datetime.fromisoformat(get_build_date()).replace(tzinfo=timezone.utc).timestamp())
