"""The MkDocs plugin (`publication` in mkdocs.yml): generate the pages from data/ before every
build, fill the data markers of the hand-written pages, and, once every language is built,
write the downloads, split the search index, print the PDF edition and fix what the i18n build
leaves per language (404 pages, per-language sitemaps).

Generation itself lives in build_scripts.pages and does not depend on MkDocs: the plugin only
calls it. Its options are core/settings.py's (each defaults to its environment variable):

    plugins:
      - publication:
          data_dir: data          # relative to mkdocs.yml
          pdf_edition: true       # PDF_EDITION=off
          record_cache: true      # RECORD_CACHE=off
          page_manifest: true     # PAGE_MANIFEST=off
          citation_cache: true    # CITATION_CACHE=off (or =<folder>)
          jinja_cache: true       # JINJA_CACHE=off
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..biblio.citations import CitationProcessor, CitationProcessorFailed, CitationProcessorMissing
from ..core.edition import edition
from ..core.languages import DEFAULT_LANGUAGE, LANGUAGES, url_prefix
from ..core.paths import PACKAGE, TEMPLATES
from ..core.problems import DataError
from ..core.settings import Settings, citation_folder
from ..data.catalog import Catalog
from ..data.datasets import DATASET_ORDER
from ..pages.how_to_cite import citation_examples
from ..pages.generate import GENERATED_FOLDERS, generate_all, home_timeline, pdf_links, templates
from . import exports, print_edition, record_navigation, redirects, search_index, theme_fixes

TIMELINE_MARKER = "<!-- data:timeline -->"
PDF_MARKER = "<!-- data:pdf-edition -->"
CITE_MARKER = "<!-- data:how-to-cite -->"
# The indexes the 404 page offers: (path below the language's root, data/ui.yml key).
INDEXES = [
    ("", "not_found_home"),
    ("timeline/", "timeline"),
    *((f"{dataset}/", f"dataset_{dataset}") for dataset in DATASET_ORDER),
    ("glossary/", "glossary"),
    ("data/", "data_title"),
]
# <link rel="alternate" hreflang="..."> in the head of a page.
_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


class PublicationConfig(base.Config):
    """Every option unset takes its value from the environment (core/settings.py)."""

    data_dir = c.Type(str, default="data")
    pdf_edition = c.Optional(c.Type(bool))
    record_cache = c.Optional(c.Type(bool))
    page_manifest = c.Optional(c.Type(bool))
    citation_cache = c.Optional(c.Type(bool))
    jinja_cache = c.Optional(c.Type(bool))


class PublicationPlugin(BasePlugin[PublicationConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.settings = Settings.from_environment()
        self.data: Path | None = None
        self.catalog: Catalog | None = None
        self.signature: tuple | None = None
        self.processor: CitationProcessor | None = None
        # The default language's 404 page, kept while the other languages overwrite the root.
        self.default_404: dict[str, str] = {}
        self.post_builds = 0  # post-build work done (once per build; the tests count it)
        self.records: record_navigation.RecordNavigation | None = None
        self.how_to_cite: dict[str, str] = {}  # About's example citation, per language
        self.place: record_navigation.RecordPlace | None = None
        self.pdf_written = False

    def on_startup(self, *, command, dirty) -> None:
        """`mkdocs serve` keeps the citation workers between rebuilds; a one-off build ends
        them as soon as the pages are generated."""
        self.serving = command == "serve"

    def on_config(self, config):
        """Generate the pages. mkdocs-static-i18n loads the config once per language;
        generation runs once per change of its inputs, not once per language."""
        options = self.config
        self.settings = Settings.from_environment().but(
            pdf_edition=options.pdf_edition,
            record_cache=options.record_cache, page_manifest=options.page_manifest,
            citation_cache=options.citation_cache, jinja_cache=options.jinja_cache)
        if self.serving:
            self.settings = self.settings.but(pdf_edition=False)  # half a minute: no preview
        else:
            # The canonical links, the sitemap and the language switcher's base: the public
            # address (CITATION.cff). `mkdocs serve` keeps its own preview address for them.
            config["site_url"] = self.settings.site_url
        self.data = (Path(config.config_file_path).parent / options.data_dir).resolve()
        for watched in (str(self.data), str(PACKAGE)):  # `mkdocs serve` rebuilds on an edit
            if watched not in config["watch"]:
                config["watch"].append(watched)
        docs = Path(config["docs_dir"])
        signature = self._inputs_signature(docs)
        if self.signature == signature:
            return self._with_interface_strings(config)
        if self.processor is None:
            self.processor = CitationProcessor(citation_folder(self.settings, self.data))
        try:
            report = generate_all(self.data, docs, self.settings, self.processor)
            self.how_to_cite = citation_examples(report.catalog, self.processor, self.settings)
        except DataError as err:
            raise PluginError(err.report()) from None
        except (CitationProcessorMissing, CitationProcessorFailed) as err:
            raise PluginError(f"citations: {err}") from None
        finally:
            if not self.serving:
                self._stop_processor()
        self.catalog = report.catalog
        self.signature = self._inputs_signature(docs)
        print(f"INFO    -  build_scripts: {report}")
        return self._with_interface_strings(config)

    def _with_interface_strings(self, config):
        """The theme overrides (404 page, footer) read data/ui.yml's strings in the page's
        language: config.extra.ui[key][config.theme.language]."""
        config["extra"]["ui"] = self.catalog.ui
        config["extra"]["language_roots"] = {lang: url_prefix(lang) or "." for lang in LANGUAGES}
        config["extra"]["indexes"] = INDEXES
        return config


    def _stop_processor(self) -> None:
        if self.processor is not None:
            self.processor.close()
            self.processor = None

    def on_shutdown(self) -> None:
        self._stop_processor()

    def _inputs_signature(self, docs: Path) -> tuple:
        """What generation depends on: data/, templates and the generated files themselves."""
        folders = (self.data, TEMPLATES, *(docs / name for name in GENERATED_FOLDERS))
        return tuple(
            (str(p), p.stat().st_mtime_ns, p.stat().st_size)
            for folder in folders if folder.exists()
            for p in sorted(folder.rglob("*")) if p.is_file()
        )

    def on_page_markdown(self, markdown, page, config, files):
        """Fill the data markers of hand-written pages in the page's language."""
        lang = getattr(page.file, "locale", None) or DEFAULT_LANGUAGE
        env = templates(self.settings, self.data)
        if TIMELINE_MARKER in markdown:
            markdown = markdown.replace(TIMELINE_MARKER, home_timeline(self.catalog, lang, env))
        if CITE_MARKER in markdown:
            example = self.how_to_cite.get(lang, "")
            markdown = markdown.replace(
                CITE_MARKER, f'<p class="citation citation-example">{example}</p>'
            )
        if PDF_MARKER in markdown:
            markdown = markdown.replace(PDF_MARKER, pdf_links(self.catalog, lang, env))
        return markdown

    def on_nav(self, nav, config, files):
        """The record pages of this language's build, for their place in the navigation."""
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        self.records = record_navigation.RecordNavigation(
            self.catalog, pages, _current_language(config)
        )
        return nav

    def on_page_context(self, context, page, config, nav):
        self.place = self.records.place(page, nav) if self.records else None
        if self.place is not None:
            record_navigation.enter(page, self.place)
        return context

    def on_post_page(self, output, page, config):
        lang = getattr(page.file, "locale", None) or DEFAULT_LANGUAGE
        if self.place is not None:
            record_navigation.leave(page, self.place)
            self.place = None
        output = search_index.page_config(output, lang, self.catalog.ui)
        output = theme_fixes.localize(output, self.catalog.ui, lang)
        return _without_alternate_links(theme_fixes.repair(output))

    def on_post_template(self, output_content, template_name, config):
        """Each language's build renders 404.html into the site root, the last language
        winning: keep every language's own copy (the default one is restored after all
        builds)."""
        if template_name == "404.html":
            lang = _current_language(config)
            output_content = theme_fixes.localize(
                theme_fixes.repair(output_content), self.catalog.ui, lang
            )
            output_content = search_index.page_config(output_content, lang, self.catalog.ui)
            if lang == DEFAULT_LANGUAGE:
                self.default_404[config["site_dir"]] = output_content
            else:
                target = Path(config["site_dir"]) / lang / "404.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(output_content, encoding="utf-8")
        return output_content

    @event_priority(-200)
    def on_post_build(self, config):
        """Once per build, after every language: mkdocs-static-i18n builds the other languages
        inside the default language's post-build step (`building` is set meanwhile), and this
        runs after its own step (priority -200 < -100)."""
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return
        self.post_builds += 1
        site = Path(config["site_dir"])
        exports.write(self.catalog, site / "data", edition().version)
        redirects.write(site, self.catalog, self.settings.site_url)
        try:
            search_index.write(site, self.catalog)
        except search_index.SearchIndexFailed as err:
            raise PluginError(f"search index: {err}") from None
        built = all((site / url_prefix(lang) / "index.html").exists() for lang in LANGUAGES)
        if self.settings.pdf_edition and built and not self.pdf_written:
            self.pdf_written = True
            try:
                print_edition.write(site, self.catalog, self.settings, self.data)
            except print_edition.PdfEditionFailed as err:
                raise PluginError(f"PDF edition: {err}") from None
        if config["site_dir"] in self.default_404:
            (site / "404.html").write_text(self.default_404[config["site_dir"]],
                                           encoding="utf-8")
        _copy_sitemaps(site)
        print(f"INFO    -  build_scripts: post-build steps done (run {self.post_builds}): "
              f"downloads, redirects, search indexes{', PDF edition' if self.pdf_written else ''}")


def _current_language(config) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or DEFAULT_LANGUAGE


def _without_alternate_links(output: str) -> str:
    """Material fetches "sitemap.xml" relative to every <link rel="alternate"> in the head, to
    map pages between languages; mkdocs-static-i18n points those links at the translated page
    itself, so every page would log 404s for <page>/sitemap.xml. The language switcher already
    links each page to its translation and sitemap.xml lists the hreflang alternates, so the
    head links are dropped."""
    head, _, body = output.partition("</head>")
    return _HEAD_ALTERNATE.sub("", head) + "</head>" + body


def _copy_sitemaps(site: Path) -> None:
    """Give each language root the sitemap.xml that Material's language switcher fetches."""
    sitemap = site / "sitemap.xml"
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and sitemap.exists() and (site / lang).is_dir():
            shutil.copyfile(sitemap, site / lang / "sitemap.xml")
            gz = site / "sitemap.xml.gz"
            if gz.exists():
                shutil.copyfile(gz, site / lang / "sitemap.xml.gz")
