"""One language's book: the record views the pages are rendered from (record_views.py), laid
out for print and rendered into Typst markup by pages/templates/print/.

Each record view becomes a print view of four kinds of content, whatever its page type:
facts (a label and a short value), texts (a heading and paragraphs), lists (a heading and
items) and the sources, which become footnotes after the text they support. Links between
records become links inside the book with the page they are on.

A large book comes in volumes of at most VOLUME_RECORDS records (volume_plan), each typeset on
its own with its title page and contents; a link to a record in another volume names that
volume ("vol. 2") and leads to its file, so that an edit sets again only the volumes it shows
in.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from ..core import paths
from ..core.dates import parse_date
from ..core.edition import PDF_FOLDER, Edition, pdf_file_name
from ..core.languages import HTML_LANG, language
from ..data.catalog import Catalog
from ..data.datasets import DATASET_ORDER
from .inputs import PageInputs, RunInputs
from .print_markup import escape_typst, html_to_typst, markdown_to_typst, typst_string
from .record_views import record_view
from .render import TEMPLATE_OPTIONS, render
from .views import Link

PRINT_TEMPLATES = "print"
# At most this many records in one volume. Typst holds what it lays out for as long as it sets
# a book (about 1.3 MiB a record, 3 MiB a printed page): a book of 5,900 records, a hundred
# times today's, took 7 GB in one piece; a volume of 400 records stays near 600 MiB. Today's
# 59 records, and ten times as many, fit one or two volumes.
VOLUME_RECORDS = 400
# Keys of a record view that are not content, or that the print view shows on its own.
_NOT_CONTENT = {
    "dataset",
    "id",
    "title",
    "title_editorial",
    "title_lang",
    "translation",
    "sources",
    "related",
    "parallel",
    "cite",
    "names",
    "quotes",
    "citation",
}
# Keys whose value is a code named by an interface string `<key>_<code>`.
_CODED = ("kind", "group")


def _typst_safe(value: Any) -> Markup:
    if isinstance(value, Markup) or value is None:
        return Markup("") if value is None else value
    return Markup(escape_typst(str(value)))


@lru_cache(maxsize=1)
def print_environment() -> jinja2.Environment:
    """The print templates: every printed value is escaped for Typst (print_markup.py)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths.TEMPLATES / PRINT_TEMPLATES),
        finalize=_typst_safe,
        **TEMPLATE_OPTIONS,
    )
    env.filters["string"] = lambda value: Markup(typst_string(str(value)))
    env.filters["typst_lang"] = lambda html_lang: html_lang.split("-")[0]
    return env


def label(dataset: str, record_id: str) -> Markup:
    """A record's label inside the book (Typst labels allow letters, digits, - _ . :; ids are
    kebab-case, data/models.py)."""
    return Markup(f"{dataset}:{record_id}")


def _target(link: Link) -> str:
    """'../people/xi-jinping.md' -> 'people:xi-jinping'."""
    dataset, name = link.href.rsplit("/", 2)[-2:]
    return label(dataset, name.removesuffix(".md"))


def _ref(link: Link) -> dict[str, Any]:
    return {"title": link.title, "target": _target(link), "date": link.date}


def _text(value: dict[str, Any]) -> dict[str, Any]:
    """A text view (views.text) with its words as Typst markup."""
    return {**value, "markup": markdown_to_typst(value["text"])}


def _item(value: Any) -> dict[str, Any] | None:
    """One item of a list in a view: a text, a dated event, a link."""
    if isinstance(value, Link):
        return {"text": None, "date": None, "ref": _ref(value)}
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        return {"text": _text(value), "date": None, "ref": None}
    if isinstance(value, dict) and isinstance(value.get("text"), dict):
        link = value.get("link")
        return {
            "text": _text(value["text"]),
            "date": value.get("date"),
            "ref": _ref(link) if isinstance(link, Link) else None,
        }
    return None


def _fact(
    label: str, value: str | None = None, ref: dict | None = None, text: dict | None = None
) -> dict[str, Any]:
    return {"label": label, "value": value, "ref": ref, "text": text}


def _note(note: dict[str, Any]) -> dict[str, Any]:
    """A footnote (views.note) with each of its works as a link inside the book."""
    return {**note, "works": [{**work, "ref": _ref(work["link"])} for work in note["works"]]}


def print_record(view: dict[str, Any], ui: Any, lang: str) -> dict[str, Any]:
    """A record view as facts, texts and lists, in the order of the view."""
    facts, texts, lists = [], [], []
    for key, value in view.items():
        if key in _NOT_CONTENT or value in (None, "", [], {}):
            continue
        name = ui[key][lang] if key in ui else None
        if key in _CODED and f"{key}_{value}" in ui:
            facts.append(_fact(name, value=ui[f"{key}_{value}"][lang]))
        elif isinstance(value, str) and name:
            facts.append(_fact(name, value=value))
        elif isinstance(value, Link) and name:
            facts.append(_fact(name, ref=_ref(value)))
        elif isinstance(value, dict) and "text" in value and name:
            (texts if len(value["text"]) > 80 else facts).append(_fact(name, text=_text(value)))
        elif isinstance(value, list) and name:
            items = [item for item in map(_item, value) if item]
            if items:
                lists.append({"label": name, "entries": items})
    names = [
        {"text": n["name"], "lang": HTML_LANG[n["lang"]] if n["lang"] != lang else None}
        for n in view.get("names", [])
    ]
    quotes = [
        {"text": _text(q["text"]), "note": _note(n)}
        for q, n in zip(view.get("quotes", []), view.get("quote_notes", []))
    ]
    citation = view.get("citation")
    return {
        "label": label(view["dataset"], view["id"]),
        "title": view["title"],
        "title_lang": view["title_lang"],
        "facts": facts,
        "texts": texts,
        "lists": lists,
        "names": names,
        "quotes": quotes,
        "citation": html_to_typst(str(citation)) if citation else None,
        "sources": [_note(s) for s in view["sources"]],
        "related": [
            {"label": ui[f"dataset_{name}"][lang], "entries": [_ref(x) for x in links]}
            for name, links in view["related"].items()
        ],
    }


@dataclass(frozen=True)
class Slice:
    """Records `start` to `stop` (in the order of the dataset's index page) of one part."""

    dataset: str
    start: int
    stop: int

    @property
    def continued(self) -> bool:
        return self.start > 0


def volume_plan(counts: dict[str, int], limit: int | None = None) -> list[list[Slice]]:
    """The volumes of a book of `counts` records per dataset, in DATASET_ORDER: a part goes
    whole into the volume it starts in when it fits, else it opens the next one; a part longer
    than a volume is divided. Every language has the same records, so the same plan."""
    limit = limit or VOLUME_RECORDS
    volumes: list[list[Slice]] = [[]]
    room = limit
    for dataset in DATASET_ORDER:
        count = counts.get(dataset, 0)
        if room < count <= limit and volumes[-1]:
            volumes.append([])
            room = limit
        start = 0
        while True:
            if room == 0 and start < count:
                volumes.append([])
                room = limit
            stop = start + min(room, count - start)
            volumes[-1].append(Slice(dataset, start, stop))
            room -= stop - start
            start = stop
            if start >= count:
                break
    return volumes


def catalog_volume_plan(catalog: Catalog) -> list[list[Slice]]:
    return volume_plan({dataset: len(catalog.entries(dataset)) for dataset in DATASET_ORDER})


def volume_numbers(count: int) -> list[int | None]:
    """The numbers of a book's `count` volumes; None for a book in one volume, which keeps the
    file name it always had and says no "Volume 1 of 1"."""
    return [None] if count == 1 else list(range(1, count + 1))


def volume_files(lang: str, count: int) -> list[str]:
    """The file names of a language's volumes."""
    return [pdf_file_name(lang, number) for number in volume_numbers(count)]


def volume_name(ui: Any, lang: str, number: int) -> str:
    """How a link names a volume: "vol. 2"."""
    return ui["print_in_volume"][lang].format(volume=number)


def book_view(run: RunInputs, lang: str) -> list[list[dict[str, Any]]]:
    """The book's volumes, each a list of parts: one per dataset (or per slice of a dataset
    that a volume could not hold), its records in the order of its index page."""
    inputs: PageInputs = run.for_page()
    ui = run.catalog.ui
    entries = {dataset: inputs.sorted_entries(dataset) for dataset in DATASET_ORDER}
    plan = volume_plan({dataset: len(found) for dataset, found in entries.items()})
    return [
        [
            {
                "dataset": part.dataset,
                "title": ui[f"dataset_{part.dataset}"][lang],
                "continued": part.continued,
                "intro": ui[f"intro_{part.dataset}"][lang],
                "records": [
                    print_record(record_view(inputs, part.dataset, entry.id, lang), ui, lang)
                    for entry in entries[part.dataset][part.start : part.stop]
                ],
            }
            for part in volume
        ]
        for volume in plan
    ]


def book_sources(
    run: RunInputs,
    lang: str,
    edition: Edition,
    date: str,
    site_url: str,
    citations: list[str],
) -> list[str]:
    """The Typst source of each volume of one language's book; `date` (YYYY-MM-DD): when it
    was made; `citations`: how to cite each volume, as HTML from the citation processor. A link
    to a record in another volume names that volume and leads to its file."""
    ui = run.catalog.ui
    volumes = book_view(run, lang)
    placed = {
        record["label"]: number
        for number, volume in enumerate(volumes, 1)
        for part in volume
        for record in part["records"]
    }
    files = volume_files(lang, len(volumes))
    # Each volume: its public address and how a link names it ("vol. 2").
    others = {
        number: {
            "url": f"{site_url.rstrip('/')}/{PDF_FOLDER}/{name}",
            "name": volume_name(ui, lang, number),
        }
        for number, name in enumerate(files, 1)
    }
    return [
        render(
            print_environment(),
            "book.typ.j2",
            lang=lang,
            typst_lang=HTML_LANG[lang].split("-")[0],
            ui=lambda key: ui[key][lang],
            parts=parts,
            volume=number,
            volume_line=(
                ui["print_volume"][lang].format(volume=number, count=len(volumes))
                if len(volumes) > 1
                else ""
            ),
            placed=placed,
            volumes=others,
            edition=edition,
            date=date,
            date_text=parse_date(date).format(lang),
            citation=html_to_typst(citation),
            site_url=site_url,
            written=language(lang),
        )
        for number, (parts, citation) in enumerate(zip(volumes, citations), 1)
    ]
