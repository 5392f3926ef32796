"""CSL-JSON items -> BibTeX (biblatex flavour, UTF-8), for reference managers that import .bib."""

from __future__ import annotations

from typing import Any

from ..core.languages import BY_CSL_LOCALE

# CSL item type -> BibTeX entry type.
ENTRY_TYPES = {
    "article-journal": "article",
    "article": "misc",
    "paper-conference": "inproceedings",
    "webpage": "online",
    "legislation": "misc",
    "report": "report",
    "book": "book",
    "chapter": "incollection",
}
# CSL variable -> BibTeX field (for the fields that are plain text in both).
FIELDS = {
    "title": "title",
    "container-title": "journaltitle",
    "collection-title": "booktitle",
    "publisher": "publisher",
    "publisher-place": "location",
    "volume": "volume",
    "issue": "number",
    "URL": "url",
    "note": "note",
    "version": "version",
}
# Where the container goes when it is not a journal: the proceedings or book of a paper or
# chapter, the site of a web page.
CONTAINER_FIELD = {
    "inproceedings": "booktitle",
    "incollection": "booktitle",
    "online": "organization",
}
_SPECIAL = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def escape(text: str) -> str:
    return text.translate(_SPECIAL)


def _name(name: dict[str, str]) -> str:
    if "literal" in name:
        return "{" + escape(name["literal"]) + "}"
    given = name.get("given")
    return escape(name["family"]) + (f", {escape(given)}" if given else "")


def _date(value: dict[str, Any]) -> str | None:
    parts = value.get("date-parts", [[]])[0]
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)) or None


def entry(item: dict[str, Any]) -> str:
    """One @type{key, field = {value}, ...} entry; the item id is the key."""
    fields: list[tuple[str, str]] = []
    if item.get("author"):
        fields.append(("author", " and ".join(_name(n) for n in item["author"])))
    entry_type = ENTRY_TYPES[item["type"]]
    fields_of_type = {**FIELDS, "container-title": CONTAINER_FIELD.get(entry_type, "journaltitle")}
    if entry_type in ("inproceedings", "incollection"):
        fields_of_type["collection-title"] = "series"
    for variable, field in fields_of_type.items():
        if item.get(variable):
            # biblatex reads `url` verbatim: only its own characters are escaped.
            value = item[variable] if field == "url" else escape(item[variable])
            # Keep the capitalisation of titles as written.
            fields.append((field, "{" + value + "}" if field == "title" else value))
    if item.get("page"):
        fields.append(("pages", escape(item["page"].replace("-", "--"))))
    if item.get("issued") and _date(item["issued"]):
        fields.append(("date", _date(item["issued"])))
    if item.get("accessed") and _date(item["accessed"]):
        fields.append(("urldate", _date(item["accessed"])))
    if item.get("language"):
        fields.append(("langid", BY_CSL_LOCALE[item["language"]].bibtex_langid))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{item['id']},\n{body}\n}}\n"


def bibliography(items: list[dict[str, Any]]) -> str:
    return "\n".join(entry(item) for item in items)
