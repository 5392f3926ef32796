"""The PDF edition: the whole publication in one language as one PDF, made from the built site.

Headless Chromium (Debian's, as in the tests) opens every page of the language in reading
order (home, timeline, each dataset's index and records, About), gathers their content into one
document styled by the site's own print styles, and prints it once, so each font is embedded
once: Chinese and Cyrillic text come with their glyphs. The files go to site/pdf/ and the
About pages link to them.
"""

from __future__ import annotations

import shutil
from io import BytesIO
from pathlib import Path

from datetime import datetime

from ..core.edition import PDF_FOLDER, pdf_file_name
from ..core.languages import LANGUAGES, url_prefix
from ..data.catalog import Catalog
from ..data.datasets import DATASET_ORDER
MARGIN = {"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}


class PdfEditionFailed(Exception):
    """Chromium is missing or could not print."""


def reading_order(catalog: Catalog) -> list[str]:
    """The pages of one language, as paths below its root, in the order of the edition."""
    paths = ["", "timeline/"]
    for dataset in DATASET_ORDER:
        paths.append(f"{dataset}/")
        paths += [f"{dataset}/{entry.id}/" for entry in catalog.sorted_entries(dataset)]
    return paths + ["about/"]


# A page's content, its links made absolute on the published site (they were relative to the
# page, and the local files' addresses must not end up in the PDF).
_CONTENT = """([local, published]) => {
  const article = document.querySelector("article.md-content__inner");
  for (const a of article.querySelectorAll("a[href]")) {
    if (a.href.startsWith(local)) a.setAttribute("href", published + a.href.slice(local.length));
  }
  return article.innerHTML;
}"""

_GATHER = """(parts) => {
  const main = document.querySelector("article.md-content__inner");
  main.innerHTML = parts.map((html, i) =>
    `<section class="pdf-part"${i ? ' style="break-before: page"' : ""}>${html}</section>`).join("");
  document.querySelectorAll(".headerlink, .cite-actions, .cite-note, script").forEach(e => e.remove());
}"""


def write_pdfs(site: Path, catalog: Catalog, title: dict[str, str], site_url: str,
               moment: datetime) -> list[Path]:
    """One PDF per language under site/pdf/; returns their paths."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader, PdfWriter

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        raise PdfEditionFailed("Chromium is needed for the PDF edition: `make browser` installs it")
    out = site / PDF_FOLDER
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.emulate_media(media="print")
        for lang in LANGUAGES:
            root = site / url_prefix(lang)
            parts = []
            for path in reading_order(catalog):
                page.goto((root / path / "index.html").as_uri())
                parts.append(page.evaluate(_CONTENT, [site.as_uri() + "/",
                                                      site_url.rstrip("/") + "/"]))
            page.goto((root / "index.html").as_uri())
            page.evaluate(_GATHER, parts)
            printed = page.pdf(format="A4", margin=MARGIN, print_background=False)
            writer = PdfWriter(clone_from=PdfReader(BytesIO(printed)))
            stamp = moment.strftime("D:%Y%m%d%H%M%SZ")  # reproducible
            writer.add_metadata({"/Title": title[lang], "/Author": title[lang],
                                 "/CreationDate": stamp, "/ModDate": stamp,
                                 "/Producer": "build_scripts/site/pdf_edition.py"})
            target = out / pdf_file_name(lang)
            with target.open("wb") as stream:
                writer.write(stream)
            written.append(target)
        browser.close()
    return written
