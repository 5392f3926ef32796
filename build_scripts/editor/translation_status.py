"""`make status`: per dataset and language, how many texts are original, official, translated,
outdated, unchecked or missing, then every text that needs a translator, with its place."""

from __future__ import annotations

from collections import Counter

from ..core.languages import LANGUAGES
from ..data.catalog import Catalog
from ..data.translations import MISSING, OUTDATED, STATES, UNCHECKED, localized_in, state

_TODO = {
    OUTDATED: "the original changed after this translation was made: update it, then run "
    "`make translated FILE=<file> TRANSLATION=<lang>`",
    UNCHECKED: "no fingerprint of the original yet: check the translation against it, then run "
    "`make translated FILE=<file> TRANSLATION=<lang>`",
    MISSING: "not translated yet: the page shows the original, marked, until it is",
}


def counts(catalog: Catalog) -> dict[tuple[str, str], Counter]:
    """(dataset, lang) -> how many texts are in each state."""
    table: dict[tuple[str, str], Counter] = {}
    for dataset, entries in catalog.records.items():
        for lang in LANGUAGES:
            table[(dataset, lang)] = Counter(
                state(value, lang)
                for entry in entries.values()
                for _loc, value in localized_in(entry.record)
            )
    return table


def to_do(catalog: Catalog) -> dict[str, list[str]]:
    """State -> 'path:line:column: field.lang' for every text that needs a translator."""
    lines: dict[str, list[str]] = {name: [] for name in _TODO}
    for entries in catalog.records.values():
        for entry in entries.values():
            for loc, value in localized_in(entry.record):
                for lang in LANGUAGES:
                    current = state(value, lang)
                    if current in lines:
                        line, column = entry.file.position(loc + (lang,))
                        field = ".".join(map(str, loc + (lang,)))
                        lines[current].append(
                            f"{entry.file.shown_path}:{line}:{column}: {field} "
                            f"(original: {value.original})"
                        )
    return lines


def report(catalog: Catalog) -> str:
    table = counts(catalog)
    width = max(len(d) for d, _lang in table) + 2
    out = [
        "Translation status of data/: texts per dataset and language",
        "",
        f"{'dataset':<{width}}lang " + "".join(f"{s:>11}" for s in STATES),
    ]
    for (dataset, lang), tally in table.items():
        out.append(f"{dataset:<{width}}{lang:<5}" + "".join(f"{tally[s]:>11}" for s in STATES))
    out += [
        "",
        "original: the text as first written · official: an official text or standard "
        "name · translated: an editorial translation (marked on the page) and parallel: the "
        "publication's own text, both made from the present original · unchecked: made from "
        "the original, never marked as checked · outdated: the original changed since · "
        "missing: no text yet",
    ]
    for name, lines in to_do(catalog).items():
        out += [
            "",
            f"{name.capitalize()} ({len(lines)}): {_TODO[name]}"
            if lines
            else f"{name.capitalize()}: none",
        ]
        out += [f"  {line}" for line in lines]
    return "\n".join(out)
