"""How to cite each record page: its CSL-JSON item, formatted in the page language's style,
plus the same item as BibTeX, RIS and CSL-JSON downloads and as metadata for reference
managers (Highwire `citation_*` tags and schema.org JSON-LD)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import singledispatch
from typing import Any
from urllib.parse import quote

from ..core.edition import PDF_FOLDER, Edition
from ..core.languages import HTML_LANG, language, url_prefix
from ..data.catalog import Catalog
from ..data.models import Record, Reference, Statement
from . import bibtex, ris
from .citations import Formatted
from .csl_json import csl_date, reference_item


@dataclass(frozen=True)
class PageCitation:
    html: str  # in the page language's style, from citeproc-js
    text: str  # the same, plain, for copying
    downloads: list[tuple[str, str, str]]  # (format, file name, data: URI)
    meta: list[tuple[str, str]]  # Highwire citation_* tags
    jsonld: dict[str, Any]  # schema.org description of the page


def permalink(site_url: str, dataset: str, record_id: str, lang: str) -> str:
    return f"{site_url.rstrip('/')}/{url_prefix(lang)}{dataset}/{record_id}/"


def page_item(
    catalog: Catalog,
    dataset: str,
    record_id: str,
    lang: str,
    site_url: str,
    edition: Edition,
    accessed: str,
) -> dict[str, Any]:
    """The record page as a CSL-JSON web page of this publication."""
    return {
        "id": f"{dataset}/{record_id}",
        "type": "webpage",
        "language": language(lang).csl_locale,
        # The publication is the page's corporate author: styles then start the entry with
        # it rather than with "Anonymous" (GB/T's 佚名).
        "author": [{"literal": catalog.ui["site_name"][lang]}],
        "title": catalog.get(dataset, record_id).title_in(lang),
        "version": edition.version,
        "URL": permalink(site_url, dataset, record_id, lang),
        "issued": csl_date(edition.released),
        "accessed": csl_date(accessed),
    }


def book_item(
    catalog: Catalog,
    lang: str,
    site_url: str,
    edition: Edition,
    accessed: str,
    file_name: str,
    volume: int | None = None,
    volumes: int = 1,
) -> dict[str, Any]:
    """One language's print edition (or one of its `volumes`) as a CSL-JSON book of this
    publication: cited like its pages (the publication as author, this version, when it was
    consulted), at its PDF's public address (site/pdf/`file_name`)."""
    item = {
        "id": f"print-edition-{lang}" + (f"-{volume}" if volume else ""),
        "type": "book",
        "language": language(lang).csl_locale,
        "author": [{"literal": catalog.ui["site_name"][lang]}],
        "title": catalog.ui["print_edition"][lang],
        "version": edition.version,
        "URL": f"{site_url.rstrip('/')}/{PDF_FOLDER}/{file_name}",
        "issued": csl_date(edition.released),
        "accessed": csl_date(accessed),
    }
    if volume:
        item.update({"volume": str(volume), "number-of-volumes": str(volumes)})
    return item


def _data_uri(media_type: str, text: str) -> str:
    return f"data:{media_type};charset=utf-8,{quote(text, safe='')}"


def _downloads(item: dict[str, Any]) -> list[tuple[str, str, str]]:
    key = item["id"].replace("/", "-")  # a BibTeX key without a slash: 'stages-limited-contact'
    name = f"{key}-{item['language'][:2]}"
    keyed = {**item, "id": key}
    return [
        ("BibTeX", f"{name}.bib", _data_uri("application/x-bibtex", bibtex.entry(keyed))),
        ("RIS", f"{name}.ris", _data_uri("application/x-research-info-systems", ris.record(keyed))),
        (
            "CSL-JSON",
            f"{name}.json",
            _data_uri(
                "application/vnd.citationstyles.csl+json",
                json.dumps([item], ensure_ascii=False, indent=1),
            ),
        ),
    ]


def _meta(item: dict[str, Any], edition: Edition, lang: str) -> list[tuple[str, str]]:
    """Highwire tags of one of our pages: the publication is its corporate author and
    publisher."""
    publication = item["author"][0]["literal"]
    return [
        ("citation_title", item["title"]),
        ("citation_author", publication),
        ("citation_publisher", publication),
        ("citation_publication_date", edition.released.replace("-", "/")),
        ("citation_public_url", item["URL"]),
        ("citation_language", HTML_LANG[lang]),
        ("citation_version", edition.version),
    ]


# Highwire's name of the container, by the work's CSL type.
_CONTAINER_TAG = {
    "article-journal": "citation_journal_title",
    "article-magazine": "citation_journal_title",
    "article-newspaper": "citation_journal_title",
    "chapter": "citation_inbook_title",
    "paper-conference": "citation_conference_title",
}
_WORK_FIELDS = (
    ("volume", "citation_volume"),
    ("issue", "citation_issue"),
    ("publisher", "citation_publisher"),
    ("DOI", "citation_doi"),
    ("ISSN", "citation_issn"),
    ("ISBN", "citation_isbn"),
)


def work_meta(work: dict[str, Any]) -> list[tuple[str, str]]:
    """Highwire tags of the work a reference page describes (its CSL-JSON item): a reference
    manager saving the page saves the article, with its own authors, title in its own language,
    container and year, not our page about it."""
    meta = [("citation_title", work["title"])]
    for name in work.get("author", []):
        if "literal" in name:
            meta.append(("citation_author", name["literal"]))
        else:
            given = name.get("given")
            family = name["family"]
            meta.append(("citation_author", f"{family}, {given}" if given else family))
    if work.get("issued"):
        parts = work["issued"]["date-parts"][0]
        meta.append(("citation_publication_date", "/".join(f"{p:02d}" for p in parts)))
    container = work.get("container-title")
    if container:
        meta.append((_CONTAINER_TAG.get(work["type"], "citation_journal_title"), container))
    meta += [(tag, str(work[field])) for field, tag in _WORK_FIELDS if work.get(field)]
    page = str(work.get("page", ""))
    if page:
        first, _, last = page.replace("–", "-").partition("-")
        meta.append(("citation_firstpage", first))
        if last:
            meta.append(("citation_lastpage", last))
    if work.get("URL"):
        meta.append(("citation_public_url", work["URL"]))
    meta.append(("citation_language", work["language"].split("-")[0]))
    return meta


def _jsonld(
    catalog: Catalog,
    dataset: str,
    record_id: str,
    item: dict[str, Any],
    edition: Edition,
    site_url: str,
    lang: str,
) -> dict[str, Any]:
    page: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": item["title"],
        "url": item["URL"],
        "inLanguage": HTML_LANG[lang],
        "datePublished": edition.released,
        "version": edition.version,
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "isPartOf": {
            "@type": "WebSite",
            "name": item["author"][0]["literal"],
            "url": f"{site_url.rstrip('/')}/{url_prefix(lang)}",
        },
    }
    document = about(catalog.get(dataset, record_id), lang)
    if document is not None:
        page["about"] = document
    return page


@singledispatch
def about(record: Record, lang: str) -> dict[str, Any] | None:
    """The schema.org description of the work a record page is about, for the records that
    describe one."""
    return None


@about.register
def _(record: Statement, lang: str) -> dict[str, Any] | None:
    document: dict[str, Any] = {
        "@type": "CreativeWork",
        "name": record.title.get(lang),
        "author": [{"@type": "Organization", "name": party.get(lang)} for party in record.parties],
    }
    if record.date:
        document["dateCreated"] = record.date
    return document


def page_citation(
    catalog: Catalog,
    dataset: str,
    record_id: str,
    lang: str,
    item: dict[str, Any],
    formatted: Formatted,
    edition: Edition,
    site_url: str,
) -> PageCitation:
    """A record page's citation in `lang`, from its item and the processor's output."""
    record = catalog.get(dataset, record_id)
    return PageCitation(
        html=formatted.html,
        text=formatted.text,
        downloads=_downloads(item),
        meta=work_meta(reference_item(record_id, record))
        if isinstance(record, Reference)
        else _meta(item, edition, lang),
        jsonld=_jsonld(catalog, dataset, record_id, item, edition, site_url, lang),
    )
