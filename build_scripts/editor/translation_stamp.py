"""`make translated`: record that a file's translations into one language match the present
original, by writing the original's fingerprint into `source_hash`.

The file is edited line by line, so the editor's layout, comments and quoting stay as they were.
Not with ruamel.yaml's round-trip mode: measured on data/, ruamel.yaml 0.19 reads an unquoted
fingerprint such as 47e80196 as a float (YAML 1.2: it prints `.inf` back, and under 1.1 it still
warns and converts), and it re-indents every sequence of a file to one style, where the record
files mix `- ` at the key's column with `  - ` below it. A fingerprint edit must change one
line, so the edit stays ours; the file is read back and validated before it is kept.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..core.languages import LANGUAGES
from ..core.problems import DataError, Problem
from ..data.datasets import DATASETS
from ..data.load import LoadedFile, read_yaml
from ..data.translations import fingerprint, localized_in
from ..data.validate import check_record

KEPT = "; the file is left as it was."


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _scalar(value: str) -> str:
    """A fingerprint as YAML reads it back as text: '12345678' would otherwise be a number."""
    return value if isinstance(yaml.safe_load(value), str) else f"'{value}'"


def _edit(lines: list[str], loaded: LoadedFile, loc: tuple, hashes: dict[str, str]) -> None:
    """Write `source_hash: {...}` into the mapping at `loc`, replacing any that is there."""
    first_line, first_column = loaded.keys[loc + ("en",)]
    column = first_column - 1
    written = (
        " " * column
        + "source_hash: {"
        + ", ".join(f"{k}: {_scalar(v)}" for k, v in hashes.items())
        + "}"
    )
    if loc + ("source_hash",) in loaded.keys:
        start = loaded.keys[loc + ("source_hash",)][0] - 1
        end = start + 1
        while end < len(lines) and lines[end].strip() and _indent(lines[end]) > column:
            end += 1  # a block-style mapping under the key
        lines[start:end] = [written]
        return
    last = first_line - 1
    for i in range(first_line, len(lines)):
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if _indent(lines[i]) < column:
            break
        last = i
    lines.insert(last + 1, written)


def stamp(path: Path, lang: str, root: Path, field: str | None = None) -> list[str]:
    """Mark the `lang` translations in one record file (or only those under `field`, e.g.
    'summary' or 'quotes.0') as made from the present original. Returns what was marked."""
    if lang not in LANGUAGES:
        raise DataError(
            [Problem(str(path), 1, 1, "", f"unknown language {lang!r}; use zh, ru or en")],
            outcome=KEPT,
        )
    dataset = path.resolve().parent.name
    if dataset not in DATASETS or path.suffix != ".yml":
        raise DataError(
            [Problem(str(path), 1, 1, "", "not a record: records are data/<dataset>/<id>.yml")],
            outcome=KEPT,
        )
    loaded, problems = read_yaml(path, root)
    record, problems = (None, problems) if problems else check_record(dataset, loaded)
    if record is None:
        raise DataError(problems, outcome=KEPT)

    edits: list[tuple[tuple, dict[str, str]]] = []
    done: list[str] = []
    for loc, value in localized_in(record):
        name = ".".join(map(str, loc))
        if field and not (name == field or name.startswith(field + ".")):
            continue
        if not value.made_from_original(lang):
            continue
        new = fingerprint(value.get(value.original))
        if value.source_hash.get(lang) == new:
            continue
        hashes = {
            k: (new if k == lang else value.source_hash[k])
            for k in LANGUAGES
            if k == lang or k in value.source_hash
        }
        edits.append((loc, hashes))
        line, column = loaded.position(loc + (lang,))
        done.append(
            f"{loaded.shown_path}:{line}:{column}: {name}.{lang}: marked as translated "
            f"from the present {value.original} text"
        )

    if edits:
        raw = path.read_bytes().decode("utf-8")
        newline = "\r\n" if "\r\n" in raw else "\n"
        lines = raw.replace("\r\n", "\n").split("\n")
        for loc, hashes in sorted(edits, key=lambda e: loaded.keys[e[0] + ("en",)], reverse=True):
            _edit(lines, loaded, loc, hashes)
        path.write_bytes(newline.join(lines).encode("utf-8"))
        reread, problems = read_yaml(path, root)
        if problems or check_record(dataset, reread)[0] is None:
            path.write_bytes(raw.encode("utf-8"))
            raise DataError(
                [
                    Problem(
                        loaded.shown_path,
                        1,
                        1,
                        "",
                        "could not mark the translations "
                        "in this file's layout (write each language on a `key:` line "
                        "of its own)",
                    )
                ],
                outcome=KEPT,
            )
    return done
