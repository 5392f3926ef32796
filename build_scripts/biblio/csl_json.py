"""Records -> CSL-JSON items, the input of the citation processor and the bibliography export.

A reference is cited as the work gives itself: its title in its original language and its
authors in their own script and order. The translated titles stay on the site's own pages.
"""

from __future__ import annotations

from typing import Any

from ..core.dates import parse_date
from ..core.languages import language, script_language
from ..data.catalog import Catalog
from ..data.models import Reference

_TEXT_FIELDS = (
    "container-title",
    "collection-title",
    "publisher",
    "publisher-place",
    "volume",
    "issue",
    "page",
    "URL",
)


def csl_date(text: str) -> dict[str, Any]:
    """'2019-06-05' -> {'date-parts': [[2019, 6, 5]]}; a decade or century as a literal."""
    date = parse_date(text)
    if date.precision in ("day", "month", "year"):
        parts = [date.year] + [p for p in (date.month, date.day) if p is not None]
        return {"date-parts": [parts]}
    return {"literal": date.text}


def csl_name(name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    return {k: v for k, v in (("family", name.family), ("given", name.given)) if v}


def reference_item(record_id: str, reference: Reference) -> dict[str, Any]:
    """The CSL-JSON item of a reference, with the record's id as the item id."""
    data = reference.model_dump(by_alias=True)
    item: dict[str, Any] = {
        "id": record_id,
        "type": reference.type,
        "language": language(reference.language).csl_locale,
        "title": reference.title.get(reference.language),
    }
    if reference.author:
        item["author"] = [csl_name(n) for n in reference.author]
    item.update({name: data[name] for name in _TEXT_FIELDS if data.get(name)})
    for name in ("issued", "accessed"):
        if data.get(name):
            item[name] = csl_date(data[name])
    return item


def reference_items(catalog: Catalog) -> list[dict[str, Any]]:
    """Every reference as a CSL-JSON item, in id order."""
    return [
        reference_item(entry.id, entry.record)
        for entry in sorted(catalog.entries("references"), key=lambda entry: entry.id)
    ]


# The fields a style may title-case ("Известия Иркутского Государственного Университета").
_CASED_FIELDS = ("title", "container-title", "collection-title")


def for_processor(item: dict[str, Any]) -> dict[str, Any]:
    """The item as the citation processor gets it: an English style title-cases the titles of
    an English work, which is wrong for a journal or series in another script; citeproc-js
    leaves text inside <span class="nocase"> as written. (Only the processor sees the markup:
    the downloads keep the plain item.)"""
    if not item.get("language", "").startswith("en"):
        return item
    wrapped = {
        name: f'<span class="nocase">{item[name]}</span>'
        for name in _CASED_FIELDS
        if item.get(name) and script_language(item[name]) != "en"
    }
    return {**item, **wrapped} if wrapped else item
