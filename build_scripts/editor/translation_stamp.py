"""`make translated`: record that a file's translations into one language match the present
original, by writing the original's fingerprint into `source_hash`.

The file is edited with ruamel.yaml's round-trip mode, so the editor's layout, comments and
quoting stay as they were; `source_hash` is written as a flow map on one line.
"""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from ..core.languages import LANGUAGES
from ..core.problems import DataError, Problem
from ..data.datasets import DATASETS
from ..data.load import read_yaml
from ..data.translations import fingerprint, localized_in
from ..data.validate import check_record

KEPT = "; the file is left as it was."


def _round_trip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long text
    yaml.indent(mapping=2, sequence=2, offset=0)  # as the record files are written
    return yaml


def _edited(text: str, edits: list[tuple[tuple, dict[str, str]]]) -> str:
    """The file's text with `source_hash: {...}` written into the mapping at each location,
    replacing any that is there (in its place) or after the mapping's last key."""
    yaml = _round_trip()
    document = yaml.load(text)
    for loc, hashes in edits:
        node = document
        for part in loc:
            node = node[part]
        written = CommentedMap(hashes)
        written.fa.set_flow_style()
        node["source_hash"] = written
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def stamp(path: Path, lang: str, root: Path, field: str | None = None) -> list[str]:
    """Mark the `lang` translations in one record file (or only those under `field`, e.g.
    'summary' or 'quotes.0') as made from the present original. Returns what was marked."""
    if lang not in LANGUAGES:
        raise DataError([Problem(str(path), 1, 1, "", f"unknown language {lang!r}; use zh, ru "
                                 "or en")], outcome=KEPT)
    dataset = path.resolve().parent.name
    if dataset not in DATASETS or path.suffix != ".yml":
        raise DataError([Problem(str(path), 1, 1, "", "not a record: records are "
                                 "data/<dataset>/<id>.yml")], outcome=KEPT)
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
        hashes = {k: (new if k == lang else value.source_hash[k])
                  for k in LANGUAGES if k == lang or k in value.source_hash}
        edits.append((loc, hashes))
        line, column = loaded.position(loc + (lang,))
        done.append(f"{loaded.shown_path}:{line}:{column}: {name}.{lang}: marked as translated "
                    f"from the present {value.original} text")

    if edits:
        raw = path.read_bytes().decode("utf-8")
        newline = "\r\n" if "\r\n" in raw else "\n"
        text = _edited(raw.replace("\r\n", "\n"), edits)
        path.write_bytes(text.replace("\n", newline).encode("utf-8"))
        reread, problems = read_yaml(path, root)
        if problems or check_record(dataset, reread)[0] is None:
            path.write_bytes(raw.encode("utf-8"))
            raise DataError([Problem(loaded.shown_path, 1, 1, "", "could not mark the translations "
                                     "in this file's layout (write each language on a `key:` line "
                                     "of its own)")], outcome=KEPT)
    return done
