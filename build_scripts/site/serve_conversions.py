"""`mkdocs serve`: a rebuild converts only the pages whose Markdown changed.

After an edit of one record, generation rewrites the few pages that read it, but MkDocs
converts every page's Markdown to HTML again, which is most of a rebuild. A page's HTML
depends only on its Markdown (as the plugins left it), its place (source and address), the
other files' addresses (links are checked and made relative against them) and the
configuration (mkdocs.yml): the serving process keeps each conversion under the digest of
those, and the next rebuild takes it back instead of converting again. A conversion that logged
a warning is never kept, so a page that fails `--strict` fails again in the next rebuild.

Only the serving process uses this (the plugin keeps one `Conversions` between rebuilds); a
build from the command line converts every page, as MkDocs does.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class Conversion:
    """What Page.render sets on a page (MkDocs 1.6); linked files by their source URI."""

    content: str
    toc: Any
    title: str | None
    anchors: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def files_signature(files: Files, config_file: str) -> str:
    """Digest of what every page's conversion shares: every file's place and the config."""
    digest = hashlib.sha256(Path(config_file).read_bytes())
    for file in sorted(files, key=lambda f: f.src_uri):
        digest.update(f"\0{file.src_uri}\0{file.url}".encode())
    return digest.hexdigest()


class Conversions:
    """The conversions of the last rebuild (`kept`) and of this one (`used`)."""

    def __init__(self) -> None:
        self.kept: dict[str, Conversion] = {}
        self.used: dict[str, Conversion] = {}
        self.signature = ""
        self.taken = self.converted = 0

    def start(self, files: Files, config_file: str) -> None:
        """A language's build has its files (`mkdocs serve` of every language builds each in
        turn within one rebuild)."""
        self.signature = files_signature(files, config_file)

    def end(self) -> str:
        """A rebuild ended: only what it used is kept (and what a failed one before it made,
        which is in `used` too). Returns what it did, for the log."""
        done = f"{self.converted} pages converted, {self.taken} as in the last rebuild"
        self.kept, self.used = self.used, {}
        self.taken = self.converted = 0
        return done

    def convert(self, page: Page) -> None:
        """Make `page.render` take its conversion back when its inputs are those of a kept
        one (call in on_page_markdown: it runs before MkDocs renders the page)."""

        def render(config, files: Files) -> None:
            key = hashlib.sha256(
                f"{self.signature}\0{page.file.src_uri}\0{page.url}\0{page.markdown}".encode()
            ).hexdigest()
            found = self.kept.get(key) or self.used.get(key)
            if found is None:
                found = self._convert(page, config, files)
                self.converted += 1
            else:
                _restore(page, found, files)
                self.taken += 1
            if found is not None:
                self.used[key] = found

        page.render = render

    def _convert(self, page: Page, config, files: Files) -> Conversion | None:
        warnings = _Warnings()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(warnings)
        try:
            Page.render(page, config, files)
        finally:
            logger.removeHandler(warnings)
        if warnings.count:
            return None
        links = page.links_to_anchors
        return Conversion(
            page.content,
            page.toc,
            page._title_from_render,
            frozenset(page.present_anchor_ids or ()),
            None if links is None else {f.src_uri: dict(a) for f, a in links.items()},
        )


def _restore(page: Page, conversion: Conversion, files: Files) -> None:
    page.content = conversion.content
    page.toc = conversion.toc
    page._title_from_render = conversion.title
    page.present_anchor_ids = set(conversion.anchors)
    if conversion.links_to_anchors is not None:
        page.links_to_anchors = {
            files.get_file_from_path(uri): dict(anchors)
            for uri, anchors in conversion.links_to_anchors.items()
            if files.get_file_from_path(uri) is not None
        }
