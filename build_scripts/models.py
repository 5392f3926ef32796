"""The data model: the single source of truth for fields, types and required languages.

Validation, the JSON Schema files that editors' IDEs use, and the field documentation are all
generated from these classes. A field that points at another record says so with
``refers_to(dataset)``; the cross-record check in ``validate`` reads that marker.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .dates import FORMAT_HINT, parse_date

Lang = Literal["en", "zh", "ru"]

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_HINT = "lowercase ASCII letters, digits and single hyphens, like 'joint-statement-2019'"
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def _plain_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if _HTML_TAG.search(value):
        raise ValueError(
            "must be plain text, not HTML: write the words without tags "
            f"(found {_HTML_TAG.search(value).group(0)!r})"
        )
    return value


def _date(value: str) -> str:
    parse_date(value)
    return value


def _url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
        raise ValueError(f"must be a web address starting with http:// or https://; got {value!r}")
    return value


Text = Annotated[str, AfterValidator(_plain_text)]
DateText = Annotated[
    str,
    AfterValidator(_date),
    Field(description=f"A date with its precision: {FORMAT_HINT}."),
]
Url = Annotated[str, AfterValidator(_url), Field(description="An http(s) web address.")]


def refers_to(dataset: str, description: str) -> dict:
    """Field metadata for an id that must name a record of `dataset`."""
    return {
        "pattern": ID_PATTERN,
        "description": f"{description} (the id of a record in data/{dataset}/)",
        "json_schema_extra": {"x-refers-to": dataset},
    }


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Localized(Strict):
    """A human-readable text in all three languages."""

    en: Text = Field(description="English.")
    zh: Text = Field(description="Chinese (simplified characters).")
    ru: Text = Field(description="Russian.")
    editorial: list[Lang] = Field(
        default_factory=list,
        description=(
            "Languages whose version is this publication's own translation rather than the "
            "original, an official text or the source's wording. Readers see it marked."
        ),
    )

    def get(self, lang: str) -> str:
        return getattr(self, lang)


class SourceNote(Strict):
    """Where a fact comes from: a source paper (or primary source) and its section."""

    ref: str = Field(**refers_to("references", "The work the fact comes from"))
    section: Text = Field(description="Section of that work, e.g. '3', '4.1', 'abstract'.")
    quote: Text | None = Field(
        default=None, description="The source's words, verbatim, where the site quotes them."
    )


class Record(Strict):
    """Fields every record has."""

    id: str = Field(
        pattern=ID_PATTERN,
        description=(
            "The record's id: its file name without '.yml' and the last part of its permalink, "
            "e.g. 'joint-statement-2019' for data/statements/joint-statement-2019.yml. "
            "Never change it once published: citations point at it."
        ),
    )
    sources: list[SourceNote] = Field(
        min_length=1, description="Where the record's facts come from."
    )


# --- stages -------------------------------------------------------------------------------


class StageFactor(Strict):
    theme: str = Field(**refers_to("themes", "The influencing factor the paper names"))
    text: Localized = Field(description="How that factor shaped this stage.")


class KeyEvent(Strict):
    date: DateText | None = None
    text: Localized
    exchange: str | None = Field(
        default=None, **refers_to("exchanges", "The exchange record this event is")
    )
    statement: str | None = Field(
        default=None, **refers_to("statements", "The statement this event is")
    )


class Stage(Record):
    """One of the five historical stages of cultural relations (first paper, section 3)."""

    order: int = Field(ge=1, description="Position in the sequence of stages, from 1.")
    start: DateText
    end: DateText | None = Field(
        default=None, description=f"End of the stage ({FORMAT_HINT}); empty means to the present."
    )
    title: Localized
    summary: Localized
    characteristics: list[Localized] = Field(min_length=1)
    factors: list[StageFactor] = Field(default_factory=list)
    key_events: list[KeyEvent] = Field(default_factory=list)


# --- people -------------------------------------------------------------------------------


class PersonName(Strict):
    family: Text
    given: Text | None = None


class Person(Record):
    """A person the sources name (signatories, speakers)."""

    name: dict[Lang, PersonName] = Field(
        description="The name in each language's script, as family and given name."
    )
    family_name_first: bool = Field(
        description="True for names written family name first (Chinese names) in every language."
    )
    role: Localized

    @model_validator(mode="after")
    def _all_languages(self) -> "Person":
        missing = [lang for lang in ("en", "zh", "ru") if lang not in self.name]
        if missing:
            raise ValueError(f"name: missing language(s) {', '.join(missing)}")
        return self


# --- statements ---------------------------------------------------------------------------


class Quote(Strict):
    text: Localized = Field(description="The quoted words; the source's language is verbatim.")
    ref: str = Field(**refers_to("references", "The work that gives the quote"))
    section: Text
    speaker: str | None = Field(default=None, **refers_to("people", "Who said it"))


class Statement(Record):
    """An official statement or document the sources discuss."""

    date: DateText | None = Field(
        default=None,
        description="When it was issued, with the precision the source gives; leave it out "
        "where the sources give no date (never guess one).",
    )
    kind: Literal["joint-statement", "consensus", "strategy", "remarks"]
    parties: list[Localized] = Field(min_length=1)
    place: Localized | None = None
    signatories: list[str] = Field(
        default_factory=list,
        description="Who signed or spoke it (ids of records in data/people/).",
        json_schema_extra={"x-refers-to": "people"},
    )
    title: Localized
    summary: Localized
    quotes: list[Quote] = Field(default_factory=list)
    stage: str = Field(**refers_to("stages", "The historical stage it belongs to"))
    themes: list[str] = Field(
        default_factory=list,
        description="Themes it bears on (ids of records in data/themes/).",
        json_schema_extra={"x-refers-to": "themes"},
    )
    references: list[str] = Field(
        default_factory=list,
        description="Primary sources for the document (ids of records in data/references/).",
        json_schema_extra={"x-refers-to": "references"},
    )


# --- exchanges ----------------------------------------------------------------------------


class Exchange(Record):
    """A cultural exchange programme, institution or event."""

    kind: Literal[
        "exchange-year", "festival", "arts", "education", "media", "sport", "institution",
        "people-to-people",
    ]
    date: DateText | None = Field(default=None, description="When it took place, if known.")
    title: Localized
    summary: Localized
    stage: str = Field(**refers_to("stages", "The historical stage it belongs to"))
    themes: list[str] = Field(
        default_factory=list,
        description="Themes it bears on (ids of records in data/themes/).",
        json_schema_extra={"x-refers-to": "themes"},
    )


# --- indicators ---------------------------------------------------------------------------


class Indicator(Record):
    """A figure the sources give, such as bilateral trade in 2017."""

    measure: Literal["trade-total", "exports", "imports"]
    year: DateText
    title: Localized
    value: float = Field(gt=0, description="The amount in `unit`, in full (84071000000).")
    unit: Literal["USD"]
    change_percent: float | None = Field(
        default=None, description="Change on the previous year, in percent."
    )
    stage: str = Field(**refers_to("stages", "The historical stage it belongs to"))


# --- themes -------------------------------------------------------------------------------


class Theme(Record):
    """An argument of the papers: a significance, a factor, a kind of collaboration, ..."""

    group: Literal["significance", "factor", "collaboration", "shared-future", "proposal"]
    order: int = Field(ge=1, description="Position within its group.")
    paper: str = Field(**refers_to("references", "The source paper that makes the argument"))
    section: Text = Field(description="Section of that paper.")
    title: Localized
    summary: Localized
    body: list[Localized] = Field(default_factory=list, description="Paragraphs.")


# --- references ---------------------------------------------------------------------------


class CslName(Strict):
    """A name as CSL-JSON stores it, with its Latin transliteration where the script differs."""

    family: Text | None = None
    given: Text | None = None
    literal: Text | None = Field(default=None, description="An organisation or an unsplit name.")
    transliteration: PersonName | None = Field(
        default=None, description="The name in Latin script, for a name in another script."
    )

    @model_validator(mode="after")
    def _family_or_literal(self) -> "CslName":
        if not self.family and not self.literal:
            raise ValueError("a name needs `family` (a person) or `literal` (an organisation)")
        return self


class CitedIn(Strict):
    paper: str = Field(**refers_to("references", "The source paper that cites the work"))
    section: Text = Field(description="Section where it is cited, e.g. '2.1'.")
    label: Text = Field(description="The reference number in that paper, e.g. '[3]' or '1.'.")


class Reference(Record):
    """A bibliographic item, with CSL-JSON field names so exports are lossless."""

    type: Literal[
        "article", "article-journal", "paper-conference", "webpage", "legislation", "report",
        "book", "chapter",
    ]
    language: Lang = Field(
        description="Language of the title as the source gives it (the title's original)."
    )
    title: Localized = Field(
        description="The title in its original language; the other languages are translations "
        "and must be listed under `editorial`."
    )
    author: list[CslName] = Field(default_factory=list)
    container_title: Text | None = Field(default=None, alias="container-title")
    collection_title: Text | None = Field(default=None, alias="collection-title")
    publisher: Text | None = None
    publisher_place: Text | None = Field(default=None, alias="publisher-place")
    volume: Text | None = None
    issue: Text | None = None
    page: Text | None = None
    issued: DateText | None = None
    URL: Url | None = None
    accessed: DateText | None = None
    note: Localized | None = Field(default=None, description="An editorial note on the item.")
    cited_in: list[CitedIn] = Field(default_factory=list, alias="cited-in")

    @model_validator(mode="after")
    def _original_title(self) -> "Reference":
        if self.language in self.title.editorial:
            raise ValueError(
                f"title: the {self.language} title is the original (`language: {self.language}`),"
                " so it cannot be listed under `editorial`"
            )
        return self


DATASETS: dict[str, type[Record]] = {
    "stages": Stage,
    "statements": Statement,
    "exchanges": Exchange,
    "indicators": Indicator,
    "themes": Theme,
    "people": Person,
    "references": Reference,
}
