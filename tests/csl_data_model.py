"""The CSL-JSON data model (CSL 1.0.2: item types, name, date and text variables) as a JSON
Schema, to check the bibliography export. Written from the specification's lists; the official
schema file is not in any package registry this project installs from."""

from __future__ import annotations

ITEM_TYPES = [
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
    "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
]
NAME_VARIABLES = [
    "author", "chair", "collection-editor", "compiler", "composer", "container-author",
    "contributor", "curator", "director", "editor", "editorial-director", "executive-producer",
    "guest", "host", "illustrator", "interviewer", "narrator", "organizer", "original-author",
    "performer", "producer", "recipient", "reviewed-author", "script-writer", "series-creator",
    "translator",
]
DATE_VARIABLES = ["accessed", "available-date", "event-date", "issued", "original-date",
                  "submitted"]
TEXT_VARIABLES = [
    "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place",
    "authority", "call-number", "chapter-number", "citation-key", "citation-label",
    "collection-number", "collection-title", "container-title", "container-title-short",
    "dimensions", "division", "DOI", "edition", "event-place", "event-title", "genre", "ISBN",
    "ISSN", "issue", "jurisdiction", "keyword", "language", "license", "medium", "note",
    "number", "number-of-pages", "number-of-volumes", "original-publisher",
    "original-publisher-place", "original-title", "page", "page-first", "part-number",
    "part-title", "PMCID", "PMID", "printing-number", "publisher", "publisher-place",
    "references", "reviewed-genre", "reviewed-title", "scale", "section", "source", "status",
    "supplement-number", "title", "title-short", "URL", "version", "volume", "volume-title",
    "year-suffix",
]

_NAME = {
    "type": "object",
    "additionalProperties": False,
    "properties": {key: {"type": "string"} for key in (
        "family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal")}
    | {"comma-suffix": {"type": ["string", "number", "boolean"]},
       "static-ordering": {"type": ["string", "number", "boolean"]},
       "parse-names": {"type": ["string", "number", "boolean"]}},
    "anyOf": [{"required": ["family"]}, {"required": ["literal"]}],
}
_DATE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "date-parts": {"type": "array", "minItems": 1, "maxItems": 2, "items": {
            "type": "array", "minItems": 1, "maxItems": 3,
            "items": {"type": ["string", "number"]}}},
        "season": {"type": ["string", "number"]},
        "circa": {"type": ["string", "number", "boolean"]},
        "literal": {"type": "string"},
        "raw": {"type": "string"},
    },
    "anyOf": [{"required": ["date-parts"]}, {"required": ["literal"]}, {"required": ["raw"]}],
}
CSL_ITEM_SCHEMA = {
    "type": "object",
    "required": ["id", "type"],
    "additionalProperties": False,
    "properties": {"id": {"type": ["string", "number"]}, "type": {"enum": ITEM_TYPES},
                   "categories": {"type": "array", "items": {"type": "string"}}}
    | {name: {"type": "array", "items": _NAME} for name in NAME_VARIABLES}
    | {name: _DATE for name in DATE_VARIABLES}
    | {name: {"type": ["string", "number"]} for name in TEXT_VARIABLES},
}
CSL_ITEMS_SCHEMA = {"type": "array", "items": CSL_ITEM_SCHEMA}
