"""The MkDocs plugin (`publication` in mkdocs.yml): generate the pages from data/ before every
build (into <cache>/pages/, handed to MkDocs by generated_files.py), fill the data markers of
the hand-written pages, and, once every language is built, run the once-per-site steps
(finishing.py: downloads, search index, PDF edition...) and fix what the i18n build leaves per
language (404 pages).

One language alone (SITE_LANGUAGE; one_language.py) is a part of the parallel build
(parallel_build.py), which generates once and hands the catalog over (BUILD_PREPARED), and runs
the once-per-site steps itself. `mkdocs serve` builds the default language only, or
SERVE_LANGUAGE (a language, or `all`).

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
from copy import deepcopy
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from ..biblio.citations import CitationProcessor, CitationProcessorFailed, CitationProcessorMissing
from ..core.languages import DEFAULT_LANGUAGE, LANGUAGES, url_prefix
from ..core.paths import PACKAGE, TEMPLATES
from ..core.problems import DataError
from ..core.settings import Settings, citation_folder, pages_folder
from ..data.catalog import Catalog
from ..data.datasets import DATASET_ORDER
from ..pages.how_to_cite import citation_examples
from ..pages.generate import generate_all, home_timeline, pdf_links, templates
from . import (
    finishing,
    generated_files,
    material_search,
    one_language,
    print_edition,
    record_navigation,
    search_index,
    serve_conversions,
    serve_output,
    theme_cache,
    theme_fixes,
)
from .prepared import Prepared

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
        self.pages: Path | None = None  # the generated pages (core/settings.py pages_folder)
        self.generated: set[str] = set()  # their source URIs in this build
        self.language: str | None = None  # the one language built, or None: every language
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
        self.conversions = serve_conversions.Conversions()  # kept between rebuilds of serve

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
            # No print edition and no search index in a preview: an edit shows sooner.
            self.settings = self.settings.but(pdf_edition=False, search_index=False)
            serve = self.settings.serve_language or DEFAULT_LANGUAGE
            self.language = None if serve == "all" else serve
        else:
            # The canonical links, the sitemap and the language switcher's base: the public
            # address (CITATION.cff). `mkdocs serve` keeps its own preview address for them.
            config["site_url"] = self.settings.site_url
            self.language = self.settings.site_language
        if self.language is not None:
            one_language.choose(config, self.language)
        material_search.without_own_index()
        self.data = (Path(config.config_file_path).parent / options.data_dir).resolve()
        self.pages = pages_folder(self.data)
        for watched in (str(self.data), str(PACKAGE)):  # `mkdocs serve` rebuilds on an edit
            if watched not in config["watch"]:
                config["watch"].append(watched)
        if self.settings.prepared is not None:  # a part of the parallel build: generated
            if self.catalog is None:
                prepared = Prepared.load(self.settings.prepared)
                self.catalog, self.how_to_cite = prepared.catalog, prepared.how_to_cite
            return self._with_interface_strings(config)
        signature = self._inputs_signature()
        if self.signature == signature:
            return self._with_interface_strings(config)
        if self.processor is None:
            self.processor = CitationProcessor(citation_folder(self.settings, self.data))
        try:
            report = generate_all(self.data, self.pages, self.settings, self.processor)
            self.how_to_cite = citation_examples(report.catalog, self.processor, self.settings)
        except DataError as err:
            raise PluginError(err.report()) from None
        except (CitationProcessorMissing, CitationProcessorFailed) as err:
            raise PluginError(f"citations: {err}") from None
        finally:
            if not self.serving:
                self._stop_processor()
        self.catalog = report.catalog
        self.signature = self._inputs_signature()
        print(f"INFO    -  build_scripts: {report}")
        return self._with_interface_strings(config)

    def on_pre_build(self, config):
        if self.serving:
            serve_output.set_aside(config["site_dir"])

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

    def _inputs_signature(self) -> tuple:
        """What generation depends on: data/, templates and the generated files themselves."""
        folders = (self.data, TEMPLATES, self.pages)
        return tuple(
            (str(p), p.stat().st_mtime_ns, p.stat().st_size)
            for folder in folders if folder.exists()
            for p in sorted(folder.rglob("*")) if p.is_file()
        )

    def _add_generated_pages(self, files, config):
        """The generated pages join docs/'s, before mkdocs-static-i18n sorts them."""
        self.generated = generated_files.add(files, config, self.pages)
        return files

    @event_priority(-150)
    def _read_generated_pages(self, files, config):
        """After mkdocs-static-i18n (-100) has made them anew: each from its real source."""
        generated_files.point_at_sources(files, self.pages, self.generated)
        if self.serving:
            self.conversions.start(files, config.config_file_path)
        return files

    on_files = CombinedEvent(_add_generated_pages, _read_generated_pages)

    @event_priority(-150)
    def on_env(self, env, config, files):
        """The theme's templates compiled once, not in every process and rebuild (after
        mkdocs-static-i18n has added its extension)."""
        return theme_cache.keep_compiled(env, self.settings, self.data)

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
        if self.serving:
            self.conversions.convert(page)
        return markdown

    def on_nav(self, nav, config, files):
        """The record pages of this language's build, for their place in the navigation."""
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        self.records = record_navigation.RecordNavigation(
            self.catalog, pages, one_language.current(config)
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

    def on_pre_template(self, template, template_name, config):
        """The 404 page's language switcher leads to each language's home: mkdocs-static-i18n
        leaves it pointing at the last page the language's build rendered."""
        i18n = config.plugins.get("i18n")
        if template_name == "404.html" and getattr(i18n, "extra_alternate", None):
            # Set as it sets it per page: an attribute, which templates read before the key.
            config.extra.alternate = deepcopy(i18n.extra_alternate)
        return template

    def on_post_template(self, output_content, template_name, config):
        """Each language's build renders 404.html into the site root, the last language
        winning: keep every language's own copy (the default one is restored after all
        builds)."""
        if template_name == "404.html":
            lang = one_language.current(config)
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
        runs after its own step (priority -200 < -100). A part of the parallel build leaves
        these steps to the parallel build; `mkdocs serve` of one language runs them on it."""
        i18n = config.plugins.get("i18n")
        if self.language is None and i18n is not None and getattr(i18n, "building", False):
            return
        if self.language is not None and not self.serving:
            # A language's search index needs only its own pages: each part makes its own,
            # side by side with the other languages (the finishing step then makes none).
            if self.settings.search_index:
                try:
                    search_index.write(Path(config["site_dir"]), self.catalog)
                except search_index.SearchIndexFailed as err:
                    raise PluginError(f"search index: {err}") from None
            print(f"INFO    -  build_scripts: {self.language} built (its part of the site)")
            return
        self.post_builds += 1
        if self.serving:
            print(f"INFO    -  build_scripts: {self.conversions.end()}")
        site = Path(config["site_dir"])
        if config["site_dir"] in self.default_404:
            (site / "404.html").write_text(self.default_404[config["site_dir"]],
                                           encoding="utf-8")
        settings = self.settings.but(pdf_edition=False) if self.pdf_written else self.settings
        try:
            finished = finishing.finish(site, self.catalog, settings, self.data)
        except print_edition.PdfEditionFailed as err:
            raise PluginError(f"PDF edition: {err}") from None
        except search_index.SearchIndexFailed as err:
            raise PluginError(f"search index: {err}") from None
        self.pdf_written = self.pdf_written or "PDF edition" in finished.steps
        print(f"INFO    -  build_scripts: post-build steps done (run {self.post_builds}): "
              f"{finished}")


def _without_alternate_links(output: str) -> str:
    """Material fetches "sitemap.xml" relative to every <link rel="alternate"> in the head, to
    map pages between languages; mkdocs-static-i18n points those links at the translated page
    itself, so every page would log 404s for <page>/sitemap.xml. The language switcher already
    links each page to its translation and sitemap.xml lists the hreflang alternates, so the
    head links are dropped."""
    head, _, body = output.partition("</head>")
    return _HEAD_ALTERNATE.sub("", head) + "</head>" + body
