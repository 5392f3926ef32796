"""CSL-JSON items -> RIS, the tagged format EndNote, Zotero and Citavi import, written by rispy."""

from __future__ import annotations

from typing import Any

import rispy

from ..core.languages import BY_CSL_LOCALE

# CSL item type -> RIS reference type.
TYPES = {
    "article-journal": "JOUR",
    "article": "GEN",
    "paper-conference": "CPAPER",
    "webpage": "ELEC",
    "legislation": "GOVDOC",
    "report": "RPRT",
    "book": "BOOK",
    "chapter": "CHAP",
}
# CSL variable -> rispy's name of the RIS tag (TI, T2, T3, PB, CY, VL, IS, N1, ET), in the order
# the lines are written.
FIELDS = {
    "title": "title",
    "container-title": "secondary_title",
    "collection-title": "tertiary_title",
    "publisher": "publisher",
    "publisher-place": "place_published",
    "volume": "volume",
    "issue": "number",
    "URL": "urls",
    "note": "notes",
    "version": "edition",
}
LISTS = ("urls", "notes")  # rispy writes one line per item of these


class _Writer(rispy.RisWriter):
    def set_header(self, count: int) -> str:
        return ""  # no "1." before each record


def _date(value: dict[str, Any]) -> str | None:
    parts = value.get("date-parts", [[]])[0]
    if not parts:
        return None
    year, month, day = (list(parts) + [None, None])[:3]
    return f"{year}/{month or '':0>2}/{day or '':0>2}/".replace("/00", "/")


def _one_line(value: str) -> str:
    return " ".join(value.split())


def fields(item: dict[str, Any]) -> dict[str, Any]:
    """The item as rispy's reference: its tags by rispy's names, in the order they are written."""
    out: dict[str, Any] = {"type_of_reference": TYPES[item["type"]], "id": item["id"]}
    if item.get("author"):
        out["authors"] = [
            _one_line(
                name.get("literal")
                or ", ".join(part for part in (name.get("family"), name.get("given")) if part)
            )
            for name in item["author"]
        ]
    for variable, name in FIELDS.items():
        if item.get(variable):
            value = _one_line(item[variable])
            out[name] = [value] if name in LISTS else value
    if item.get("page"):
        start, _, end = item["page"].partition("-")
        out["start_page"] = _one_line(start)
        if end:
            out["end_page"] = _one_line(end)
    if item.get("issued") and _date(item["issued"]):
        out["year"] = str(item["issued"]["date-parts"][0][0])
        out["date"] = _date(item["issued"])
    if item.get("accessed") and _date(item["accessed"]):
        out["access_date"] = _date(item["accessed"])
    if item.get("language"):
        out["language"] = BY_CSL_LOCALE[item["language"]].ris_language
    return out


def records(items: list[dict[str, Any]]) -> str:
    return _Writer().formats([fields(item) for item in items])


def record(item: dict[str, Any]) -> str:
    return records([item])
