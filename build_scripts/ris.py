"""CSL-JSON items -> RIS, the tagged format EndNote, Zotero and Citavi import."""

from __future__ import annotations

from typing import Any

# CSL item type -> RIS reference type.
TYPES = {
    "article-journal": "JOUR", "article": "GEN", "paper-conference": "CPAPER", "webpage": "ELEC",
    "legislation": "GOVDOC", "report": "RPRT", "book": "BOOK", "chapter": "CHAP",
}
# CSL variable -> RIS tag (plain text in both).
TAGS = {
    "title": "TI", "container-title": "T2", "collection-title": "T2", "publisher": "PB",
    "publisher-place": "CY", "volume": "VL", "issue": "IS", "URL": "UR", "note": "N1",
    "version": "ET",
}
LANGUAGES = {"en-US": "English", "zh-CN": "Chinese", "ru-RU": "Russian"}


def _date(value: dict[str, Any]) -> str | None:
    parts = value.get("date-parts", [[]])[0]
    if not parts:
        return None
    year, month, day = (list(parts) + [None, None])[:3]
    return f"{year}/{month or '':0>2}/{day or '':0>2}/".replace("/00", "/")


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}"


def record(item: dict[str, Any]) -> str:
    lines = [_line("TY", TYPES[item["type"]]), _line("ID", item["id"])]
    for name in item.get("author", []):
        lines.append(_line("AU", name.get("literal") or ", ".join(
            part for part in (name.get("family"), name.get("given")) if part)))
    for variable, tag in TAGS.items():
        if item.get(variable):
            lines.append(_line(tag, item[variable]))
    if item.get("page"):
        start, _, end = item["page"].partition("-")
        lines.append(_line("SP", start))
        if end:
            lines.append(_line("EP", end))
    if item.get("issued") and _date(item["issued"]):
        lines.append(_line("PY", str(item["issued"]["date-parts"][0][0])))
        lines.append(_line("DA", _date(item["issued"])))
    if item.get("accessed") and _date(item["accessed"]):
        lines.append(_line("Y2", _date(item["accessed"])))
    if item.get("language"):
        lines.append(_line("LA", LANGUAGES[item["language"]]))
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


def records(items: list[dict[str, Any]]) -> str:
    return "\n".join(record(item) for item in items)
