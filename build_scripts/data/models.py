"""The data model: the single source of truth for fields, types and required languages.

Validation, the JSON Schema files that editors' IDEs use, and the field documentation are all
generated from these classes. A field that points at another record says so with
``refers_to(dataset)``; the cross-record check in ``validate`` reads that marker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic.fields import FieldInfo

from ..core.dates import FORMAT_HINT, PartialDate, parse_date
from ..core.formatting import full_name
from ..core.languages import LANGUAGES

Lang = Literal[LANGUAGES]  # type: ignore[valid-type]

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_HINT = "lowercase ASCII letters, digits and single hyphens, like 'joint-statement-2019'"
HASH_PATTERN = r"^[0-9a-f]{8}$"
HASH_HINT = "the 8-character fingerprint that `make translated` writes; do not edit it by hand"
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
    Field(
        description=f"A date with its precision: {FORMAT_HINT}.",
        json_schema_extra={"x-date": True},  # the codebook names the type
    ),
]
Url = Annotated[
    str,
    AfterValidator(_url),
    Field(description="An http(s) web address.", json_schema_extra={"format": "uri"}),
]


def refers_to(dataset: str, description: str) -> dict:
    """Field metadata for an id that must name a record of `dataset`."""
    return {
        "pattern": ID_PATTERN,
        "description": f"{description} (the id of a record in data/{dataset}/)",
        "json_schema_extra": {"x-refers-to": dataset},
    }


def optional(description: str, **more: Any) -> FieldInfo:
    """A field that may be left out."""
    return Field(default=None, description=description, **more)


def ids_of(dataset: str, what: str) -> FieldInfo:
    """A list of ids of records in `dataset` (checked by the cross-record rule)."""
    return Field(
        default_factory=list,
        description=f"{what} (ids of records in data/{dataset}/).",
        json_schema_extra={"x-refers-to": dataset},
    )


class Aliased(BaseModel):
    """A record whose name, or a place it names, readers spell in more than one way."""

    aliases: dict[Lang, list[Text]] = Field(
        default_factory=dict,
        description=(
            "Other spellings readers may type for the record's name or for a place it names, "
            "per language (e.g. ru: [Шеньчжень]). Shown under the title as the other spellings "
            "and found by the search; the site's own text keeps the preferred forms of "
            "data/terms.yml."
        ),
    )

    def aliases_in(self, lang: str) -> list[str]:
        return self.aliases.get(lang, [])


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Localized(Strict):
    """A human-readable text in the three languages.

    English is required; a Chinese or Russian version may be missing while its translation is
    pending (the page then shows the original, marked). The original is the first language, in
    the order en, zh, ru, that is present and not listed under `editorial`.
    """

    en: Text = Field(description="English.")
    zh: Text | None = optional(
        "Chinese (simplified characters). Leave out while the translation is pending."
    )
    ru: Text | None = optional("Russian. Leave out while the translation is pending.")
    editorial: list[Lang] = Field(
        default_factory=list,
        description=(
            "Languages whose version is this publication's own translation rather than the "
            "original, an official text or the source's wording. Readers see it marked."
        ),
    )
    official: list[Lang] = Field(
        default_factory=list,
        description=(
            "Languages whose version is an official text or a standard name in its own right "
            "(the Chinese title published by the government, a state's official name), not this "
            "publication's writing; it is never flagged as outdated."
        ),
    )
    source_hash: dict[Lang, Annotated[str, Field(pattern=HASH_PATTERN)]] = Field(
        default_factory=dict,
        description=(
            "For each version made from the original (an editorial translation or the "
            "publication's own text in that language), the fingerprint of the original it was "
            "made from. Written by `make translated`, never by hand: when the original changes, "
            "`make status` and the page flag that version as outdated."
        ),
    )

    @property
    def original(self) -> Lang:
        """The language this text was written in: the first present of en, zh, ru that is not
        an editorial translation. Every other version is made from it or is official."""
        return next(
            lang
            for lang in LANGUAGES
            if getattr(self, lang) is not None and lang not in self.editorial
        )

    def has(self, lang: str) -> bool:
        return getattr(self, lang) is not None

    def made_from_original(self, lang: str) -> bool:
        """Whether the `lang` version is a translation or rewriting of the original (and so can
        fall behind it), rather than the original itself or an official text."""
        return self.has(lang) and lang != self.original and lang not in self.official

    def get(self, lang: str) -> str:
        """The text in `lang`, or the original while that translation is pending."""
        return getattr(self, lang) or getattr(self, self.original)

    @model_validator(mode="after")
    def _translations_are_consistent(self) -> Localized:
        present = [lang for lang in LANGUAGES if getattr(self, lang) is not None]
        if all(lang in self.editorial for lang in present):
            raise ValueError(
                "every language is listed under `editorial`: at least one version must be the "
                "original, an official text or the source's wording"
            )
        both = sorted(set(self.editorial) & set(self.official))
        if both:
            raise ValueError(f"{', '.join(both)} cannot be both `editorial` and `official`")
        for lang in self.official:
            if not self.has(lang):
                raise ValueError(f"official: there is no {lang} text to be official")
        for lang in self.source_hash:
            why = (
                "there is no such text"
                if not self.has(lang)
                else "that text is the original"
                if lang == self.original
                else "that text is official"
                if lang in self.official
                else None
            )
            if why:
                raise ValueError(
                    f"source_hash.{lang}: {why}, so it has no source to be made "
                    f"from; remove the {lang} entry"
                )
        return self


class SourceWording(Localized):
    """A text that renders a source's or an official wording: a title, a quotation, a listed
    characteristic. Every version that is neither its original nor official is this
    publication's translation and is marked as such, whether or not the file lists it under
    `editorial`: the mark is derived, not remembered."""

    @model_validator(mode="before")
    @classmethod
    def _every_translation_is_editorial(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        listed = list(data.get("editorial") or [])
        present = [lang for lang in LANGUAGES if data.get(lang) is not None]
        original = next((lang for lang in present if lang not in listed), None)
        official = data.get("official") or []
        derived = [lang for lang in present if lang not in (original, *official, *listed)]
        return {**data, "editorial": listed + derived} if derived else data


class SourceNote(Strict):
    """Where a fact comes from: a source paper (or primary source) and its section."""

    ref: str = Field(**refers_to("references", "The work the fact comes from"))
    section: Text = Field(description="Section of that work, e.g. '3', '4.1', 'abstract'.")
    quote: Text | None = optional("The source's words, verbatim, where the site quotes them.")


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
    former_ids: list[Annotated[str, Field(pattern=ID_PATTERN)]] = Field(
        default_factory=list,
        description="Ids the record had before it was renamed: the build keeps a redirect to "
        "its page at each old address, in every language, so no citation breaks.",
    )

    # How each kind of record is named, dated and ordered: the pages, the exports and the
    # validation rules ask these, never the record's type.
    def title_in(self, lang: str) -> str:
        """The record's name in `lang` (or in its original while the translation is pending)."""
        return self.title.get(lang)

    @property
    def title_text(self) -> Localized | None:
        """The record's title as a Localized text, or None when its name is not one."""
        return self.title

    @property
    def listed_date(self) -> str | None:
        """The date the record is listed and sorted by, if it has one."""
        return None

    @property
    def ordering(self) -> tuple[str, int | None]:
        """(group, position) for records the editors number; ('', None) for the others."""
        return "", None

    def sort_key(self, record_id: str) -> tuple:
        group, order = self.ordering
        date = self.listed_date
        return (
            group,
            order if order is not None else 0,
            parse_date(date).sort_key if date else (9999, 0, 0),
            record_id,
        )

    def span(self) -> tuple[PartialDate, PartialDate] | None:
        """(start, end) for a record that covers a period with an end."""
        return None


# --- stages -------------------------------------------------------------------------------


class StageFactor(Strict):
    theme: str = Field(**refers_to("themes", "The influencing factor the paper names"))
    text: Localized = Field(description="How that factor shaped this stage.")


class KeyEvent(Strict):
    date: DateText | None = optional("When it happened, with the precision the source gives.")
    text: Localized = Field(description="What happened, in a sentence.")
    exchange: str | None = Field(
        default=None, **refers_to("exchanges", "The exchange record this event is")
    )
    statement: str | None = Field(
        default=None, **refers_to("statements", "The statement this event is")
    )

    @property
    def target(self) -> tuple[str, str] | None:
        """(dataset, id) of the record this event is, if there is one."""
        if self.exchange:
            return "exchanges", self.exchange
        return ("statements", self.statement) if self.statement else None


class Stage(Record):
    """One of the five historical stages of cultural relations (first paper, section 3)."""

    order: int = Field(ge=1, description="Position in the sequence of stages, from 1.")
    start: DateText = Field(description="Start of the stage, with the precision the paper gives.")
    end: DateText | None = Field(
        default=None, description=f"End of the stage ({FORMAT_HINT}); empty means to the present."
    )
    title: SourceWording = Field(description="The stage's name, e.g. 'Stage of limited contact'.")
    summary: Localized = Field(description="What characterises the stage, in a few sentences.")
    characteristics: list[SourceWording] = Field(
        min_length=1,
        description="Its characteristics as the paper lists them, one text each.",
    )
    factors: list[StageFactor] = Field(
        default_factory=list,
        description="The influencing factors (themes) the paper names for this stage.",
    )
    key_events: list[KeyEvent] = Field(
        default_factory=list,
        description=(
            "Events of the stage the sources name, each linked to its record where there is one."
        ),
    )

    @property
    def listed_date(self) -> str | None:
        return self.start

    @property
    def ordering(self) -> tuple[str, int | None]:
        return "", self.order

    def span(self) -> tuple[PartialDate, PartialDate] | None:
        return (parse_date(self.start), parse_date(self.end)) if self.end else None


# --- people -------------------------------------------------------------------------------


class PersonName(Strict):
    family: Text = Field(description="Family name.")
    given: Text | None = optional("Given name(s) or initials.")


class Person(Record, Aliased):
    """A person the sources name (signatories, speakers)."""

    name: dict[Lang, PersonName] = Field(
        description="The name in each language's script, as family and given name."
    )
    family_name_first: bool = Field(
        description="True for names written family name first (Chinese names) in every language."
    )
    role: Localized = Field(
        description="Who the person is, as the sources present them (e.g. President of the PRC).",
    )

    def title_in(self, lang: str) -> str:
        """The full name as written in `lang`."""
        name = self.name[lang]
        return full_name(name.family, name.given, self.family_name_first, lang)

    @property
    def title_text(self) -> Localized | None:
        return None

    @model_validator(mode="after")
    def _all_languages(self) -> Person:
        missing = [lang for lang in LANGUAGES if lang not in self.name]
        if missing:
            raise ValueError(f"name: missing language(s) {', '.join(missing)}")
        return self


# --- statements ---------------------------------------------------------------------------


class Quote(Strict):
    text: SourceWording = Field(description="The quoted words; the source's language is verbatim.")
    ref: str = Field(**refers_to("references", "The work that gives the quote"))
    section: Text = Field(description="Section of that work where the quote is, e.g. '2.1'.")
    speaker: str | None = Field(default=None, **refers_to("people", "Who said it"))
    speaker_inferred: bool = Field(
        default=False,
        description="True when the source gives the words without naming who said them and "
        "`speaker` is this publication's inference; readers see it marked.",
    )

    @model_validator(mode="after")
    def _inferred_needs_a_speaker(self) -> Quote:
        if self.speaker_inferred and not self.speaker:
            raise ValueError("speaker_inferred: there is no speaker to infer")
        return self


class Statement(Record, Aliased):
    """An official statement or document the sources discuss."""

    date: DateText | None = Field(
        default=None,
        description="When it was issued, with the precision the source gives; leave it out "
        "where the sources give no date (never guess one).",
    )
    written_in: list[Lang] = Field(
        default_factory=list,
        description="The languages the document itself was written or spoken in. A quotation "
        "of it that this publication translated into one of them from a source's English is a "
        "back-translation, not the document's wording, and readers see it marked so.",
    )
    kind: Literal["joint-statement", "consensus", "strategy", "remarks"] = Field(
        description="What sort of document it is.",
    )
    parties: list[Localized] = Field(
        min_length=1,
        description="The states or bodies that issued it, by their names in each language.",
    )
    place: Localized | None = optional("Where it was signed or spoken.")
    signatories: list[str] = ids_of("people", "Who signed or spoke it")
    title: SourceWording = Field(
        description=(
            "The document's title; mark the languages that are not an official title under "
            "`editorial`."
        ),
    )
    summary: Localized = Field(description="What the document says and why the sources cite it.")
    quotes: list[Quote] = Field(
        default_factory=list,
        description="Passages the sources quote from it, each with where the quote is found.",
    )
    stage: str = Field(**refers_to("stages", "The historical stage it belongs to"))
    themes: list[str] = ids_of("themes", "Themes it bears on")
    references: list[str] = ids_of("references", "Primary sources for the document")

    @property
    def listed_date(self) -> str | None:
        return self.date


# --- exchanges ----------------------------------------------------------------------------


class Exchange(Record, Aliased):
    """A cultural exchange programme, institution or event."""

    kind: Literal[
        "exchange-year",
        "festival",
        "arts",
        "education",
        "media",
        "sport",
        "institution",
        "people-to-people",
    ] = Field(description="What sort of exchange it is.")
    date: DateText | None = optional("When it took place, if known.")
    title: SourceWording = Field(description="The name of the programme, institution or event.")
    summary: Localized = Field(description="What it is and what the sources say of it.")
    stage: str = Field(**refers_to("stages", "The historical stage it belongs to"))
    themes: list[str] = ids_of("themes", "Themes it bears on")

    @property
    def listed_date(self) -> str | None:
        return self.date


# --- indicators ---------------------------------------------------------------------------


class Indicator(Record):
    """A figure the sources give, such as bilateral trade in 2017."""

    measure: Literal["trade-total", "exports", "imports"] = Field(
        description="What the figure measures.",
    )
    year: DateText = Field(description="The year the figure is for.")
    title: SourceWording = Field(
        description="What the figure is, e.g. 'China–Russia trade in 2017'."
    )
    value: float = Field(gt=0, description="The amount in `unit`, in full (84071000000).")
    unit: Literal["USD"] = Field(description="The currency of `value`.")
    change_percent: float | None = optional("Change on the previous year, in percent.")
    stage: str = Field(**refers_to("stages", "The historical stage it belongs to"))

    @property
    def listed_date(self) -> str | None:
        return self.year


# --- themes -------------------------------------------------------------------------------


class Theme(Record):
    """An argument of the papers: a significance, a factor, a kind of collaboration, ..."""

    group: Literal["significance", "factor", "collaboration", "shared-future", "proposal"] = Field(
        description=(
            "The kind of argument: a significance of cultural relations, an influencing factor, a"
            " kind of collaboration, the community of shared future, or a proposal."
        ),
    )
    order: int = Field(ge=1, description="Position within its group.")
    paper: str = Field(**refers_to("references", "The source paper that makes the argument"))
    section: Text = Field(description="Section of that paper.")
    title: SourceWording = Field(description="The argument's name as a heading.")
    summary: Localized = Field(description="The argument in a few sentences.")
    body: list[Localized] = Field(default_factory=list, description="Paragraphs.")

    @property
    def ordering(self) -> tuple[str, int | None]:
        return self.group, self.order


# --- references ---------------------------------------------------------------------------


class CslName(Strict):
    """A name as CSL-JSON stores it, with its Latin transliteration where the script differs."""

    family: Text | None = optional("Family name of a person.")
    given: Text | None = optional("Given name(s) or initials, as the work gives them.")
    literal: Text | None = optional("An organisation or an unsplit name.")
    transliteration: PersonName | None = optional(
        "The name in Latin script, for a name in another script."
    )

    @model_validator(mode="after")
    def _family_or_literal(self) -> CslName:
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
        "article",
        "article-journal",
        "paper-conference",
        "webpage",
        "legislation",
        "report",
        "book",
        "chapter",
    ] = Field(description="The CSL item type.")
    language: Lang = Field(
        description="Language of the title as the source gives it (the title's original)."
    )
    title: SourceWording = Field(
        description="The title in its original language; the other languages are translations "
        "and must be listed under `editorial`."
    )
    author: list[CslName] = Field(
        default_factory=list,
        description=(
            "Authors in the order the work gives them, in their own script; empty when the work "
            "names none."
        ),
    )
    container_title: Text | None = Field(
        default=None,
        alias="container-title",
        description="The journal, newspaper or website the work appeared in.",
    )
    collection_title: Text | None = Field(
        default=None,
        alias="collection-title",
        description="The proceedings or series the work appeared in.",
    )
    publisher: Text | None = optional("The publisher.")
    publisher_place: Text | None = Field(
        default=None,
        alias="publisher-place",
        description="The place of publication.",
    )
    volume: Text | None = optional("Volume.")
    issue: Text | None = optional("Issue or number.")
    # Not passed to the citation styles: Chicago reads a legal act's number as a U.S. public
    # law's ("Pub. L. Nos. 326-Р"). The record's page shows it.
    number: Text | None = optional("The number of a legal act, e.g. '326-р'.")
    page: Text | None = optional("Pages, e.g. '96-109'.")
    issued: DateText | None = optional("Date of publication, with the precision the source gives.")
    URL: Url | None = optional("Where the work is online.")
    accessed: DateText | None = optional("When the URL was last checked, if the source says.")
    note: Localized | None = optional("An editorial note on the item.")
    cited_in: list[CitedIn] = Field(
        default_factory=list,
        alias="cited-in",
        description="Where the source papers cite this work, with its number there.",
    )

    @property
    def listed_date(self) -> str | None:
        return self.issued

    @model_validator(mode="after")
    def _original_title(self) -> Reference:
        if self.language in self.title.editorial:
            raise ValueError(
                f"title: the {self.language} title is the original (`language: {self.language}`),"
                " so it cannot be listed under `editorial`"
            )
        return self


@cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, FieldInfo], ...]:
    return tuple(model.model_fields.items())


def walk(
    value: Any, loc: tuple = (), info: FieldInfo | None = None
) -> Iterator[tuple[tuple, Any, FieldInfo | None]]:
    """Every value inside a record, with its location (field names by their YAML spelling, list
    positions) and the field it belongs to (list items belong to their list's field). A
    Localized text is one value: the languages and fingerprints inside it are not walked (no
    rule looks at them one by one, and they are most of a record's values)."""
    yield loc, value, info
    if isinstance(value, Localized):
        return
    if isinstance(value, BaseModel):
        for name, child_info in _fields(type(value)):
            yield from walk(getattr(value, name), loc + (child_info.alias or name,), child_info)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from walk(item, loc + (i,), info)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, loc + (key,))


# --- terms --------------------------------------------------------------------------------


class TermNote(Strict):
    """Why a term is written so, in each language."""

    en: Text = Field(description="English.")
    zh: Text = Field(description="Chinese.")
    ru: Text = Field(description="Russian.")


class Term(Strict):
    """An entry of the terminology base (data/terms.yml): a recurring term's preferred form in
    each language and the variants to avoid."""

    id: str = Field(pattern=ID_PATTERN, description="The term's id, e.g. 'belt-and-road'.")
    en: Text = Field(description="The preferred English form.")
    zh: Text = Field(description="The preferred Chinese form.")
    ru: Text = Field(description="The preferred Russian form.")
    avoid: dict[Lang, list[Text]] = Field(
        default_factory=dict,
        description="Per language, the variants to avoid; each is found as a case-insensitive "
        "part of a text in that language (give a Russian stem to catch every case).",
    )
    note: TermNote = Field(description="Why: the official name, the paper's wording, ...")

    def form(self, lang: str) -> str:
        return getattr(self, lang)

    @model_validator(mode="after")
    def _variants_are_not_the_form(self) -> Term:
        for lang, variants in self.avoid.items():
            for variant in variants:
                if variant.casefold() in self.form(lang).casefold():
                    raise ValueError(
                        f"avoid.{lang}: {variant!r} is part of the preferred form "
                        f"{self.form(lang)!r}, so every correct use would be reported"
                    )
        return self
