"""MkDocs hook: generate the pages from data/ before every build, and fix what the i18n build
leaves per language (404 pages, per-language sitemaps).

Generation itself lives in build_scripts and does not depend on MkDocs: this hook only calls it.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_scripts import paths  # noqa: E402
from build_scripts import exports, pdf_edition, search_index, theme_fixes  # noqa: E402
from build_scripts.citations import (  # noqa: E402
    CitationProcessorFailed, CitationProcessorMissing, stop_workers)
from build_scripts.edition import edition  # noqa: E402
from build_scripts.generate import (  # noqa: E402
    GENERATED_FOLDERS, generate_all, home_timeline, pdf_links)
from build_scripts.languages import DEFAULT_LANGUAGE, LANGUAGES, url_prefix  # noqa: E402
from build_scripts.problems import DataError  # noqa: E402
from build_scripts.search_index import page_config  # noqa: E402
from build_scripts.search_terms import add_to_jieba, chinese_terms  # noqa: E402

# The default language's 404 page, kept while the other languages overwrite the root one.
_default_404: dict[str, str] = {}
_state: dict = {}
TIMELINE_MARKER = "<!-- data:timeline -->"
PDF_MARKER = "<!-- data:pdf-edition -->"


def _inputs_signature(docs: Path) -> tuple:
    """What generation depends on: data/, templates and the generated files themselves."""
    folders = (paths.DATA, paths.TEMPLATES, *(docs / name for name in GENERATED_FOLDERS))
    return tuple(
        (str(p), p.stat().st_mtime_ns, p.stat().st_size)
        for folder in folders if folder.exists() for p in sorted(folder.rglob("*")) if p.is_file()
    )


def on_startup(command, dirty):
    """`mkdocs serve` keeps the citation workers between rebuilds; a one-off build ends them as
    soon as the pages are generated."""
    _state["keep_workers"] = command == "serve"
    # The PDF edition takes half a minute: `mkdocs serve` previews without it, and
    # PDF_EDITION=off leaves it out of a build (the benchmark measures the HTML site).
    _state["pdf"] = command != "serve" and os.environ.get("PDF_EDITION", "on") != "off"


def on_config(config):
    """Generate the pages. mkdocs-static-i18n loads the config once per language; generation
    runs once per change of its inputs, not once per language."""
    docs = Path(config["docs_dir"])
    signature = _inputs_signature(docs)
    if _state.get("signature") == signature:
        return config
    try:
        report = generate_all(docs=docs, site_url=config["site_url"])
    except DataError as err:
        raise PluginError(err.report()) from None
    except (CitationProcessorMissing, CitationProcessorFailed) as err:
        raise PluginError(f"citations: {err}") from None
    if not _state.get("keep_workers"):
        stop_workers()
    _state["catalog"] = report.catalog
    add_to_jieba(chinese_terms(report.catalog))
    _state["signature"] = _inputs_signature(docs)
    print(f"INFO    -  build_scripts: {report}")
    return config


def on_page_markdown(markdown, page, config, files):
    """Fill the data markers of hand-written pages in the page's language."""
    lang = getattr(page.file, "locale", None) or DEFAULT_LANGUAGE
    if TIMELINE_MARKER in markdown:
        markdown = markdown.replace(TIMELINE_MARKER, home_timeline(_state["catalog"], lang))
    if PDF_MARKER in markdown:
        markdown = markdown.replace(PDF_MARKER, pdf_links(_state["catalog"], lang))
    return markdown


def _current_language(config) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or DEFAULT_LANGUAGE


# <link rel="alternate" hreflang="..."> in the head of a page.
_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output, page, config):
    output = page_config(output, getattr(page.file, "locale", None) or DEFAULT_LANGUAGE)
    return _without_alternate_links(theme_fixes.repair(output))


def _without_alternate_links(output):
    """Material fetches "sitemap.xml" relative to every <link rel="alternate"> in the head, to
    map pages between languages; mkdocs-static-i18n points those links at the translated page
    itself, so every page would log 404s for <page>/sitemap.xml. The language switcher already
    links each page to its translation and sitemap.xml lists the hreflang alternates, so the
    head links are dropped."""
    head, _, body = output.partition("</head>")
    return _HEAD_ALTERNATE.sub("", head) + "</head>" + body


def on_post_template(output, template_name, config):
    """Each language's build renders 404.html into the site root, the last language winning:
    keep every language's own copy (the default one is restored after all builds)."""
    if template_name == "404.html":
        output = theme_fixes.repair(output)
        lang = _current_language(config)
        if lang == DEFAULT_LANGUAGE:
            _default_404[config["site_dir"]] = output
        else:
            target = Path(config["site_dir"]) / lang / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(output, encoding="utf-8")
    return output


@event_priority(-200)
def on_post_build(config):
    """After the i18n plugin has built every language (it builds the others inside the default
    language's post-build step): write the downloads into data/, restore the default 404 and
    give each language root the sitemap.xml that Material's language switcher fetches."""
    site = Path(config["site_dir"])
    exports.write(_state["catalog"], site / "data", edition().version)
    search_index.split(site)
    # Each language's build ends here; the edition is printed once, as soon as every
    # language's pages are on disk.
    built = all((site / url_prefix(lang) / "index.html").exists() for lang in LANGUAGES)
    if _state.get("pdf", True) and built and not _state.get("pdf_written"):
        _state["pdf_written"] = True
        try:
            pdf_edition.write_pdfs(site, _state["catalog"], _state["catalog"].ui["site_name"],
                                   config["site_url"])
        except pdf_edition.PdfEditionFailed as err:
            raise PluginError(f"PDF edition: {err}") from None
    if config["site_dir"] in _default_404:
        (site / "404.html").write_text(_default_404[config["site_dir"]], encoding="utf-8")
    sitemap = site / "sitemap.xml"
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and sitemap.exists() and (site / lang).is_dir():
            shutil.copyfile(sitemap, site / lang / "sitemap.xml")
            gz = site / "sitemap.xml.gz"
            if gz.exists():
                shutil.copyfile(gz, site / lang / "sitemap.xml.gz")
