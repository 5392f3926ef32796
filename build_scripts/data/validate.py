"""Validate all of data/: each file against its model, then the rules that span records.

Every problem is collected before anything fails, so an editor fixes a pull request in one go.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..core.languages import LANGUAGES
from ..core.problems import DataError, Problem, relative
from ..core.settings import Settings
from . import record_cache
from .catalog import Catalog, Entry
from .datasets import DATASETS
from .load import MAX_FILE_BYTES, LoadedFile, digest_of, read_yaml
from .models import HASH_HINT, HASH_PATTERN, ID_HINT, ID_PATTERN, Record
from .record_cache import RecordCache
from .record_links import NUMBERED_SECTION, references_in, section_ui_key, sections_in
from .terms import TERMS_FILE, check_terms

UI_FILE = "ui.yml"
FILES = (UI_FILE, TERMS_FILE)  # what data/ holds besides the dataset folders


def _field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that owns the last element of `loc` (for 'did you mean')."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = next((i for n, i in current.model_fields.items() if part in (n, i.alias)), None)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _explain(model: type[BaseModel], error: dict) -> tuple[tuple, str, str]:
    """Turn one pydantic error into (location, field label, plain-words message)."""
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    label = ".".join(str(p) for p in loc)
    kind = error["type"]
    if kind == "missing":
        return loc, label, "is required but missing"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        known = _field_names(owner) if owner else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; known fields: {', '.join(known)}"
        return loc, label, f"unknown field{hint}"
    if kind == "literal_error":
        return loc, label, f"must be one of {error['ctx']['expected']}; got {error.get('input')!r}"
    plain = {
        "int_type": "a whole number",
        "int_parsing": "a whole number",
        "int_from_float": "a whole number",
        "float_type": "a number",
        "float_parsing": "a number",
        "bool_type": "true or false",
        "bool_parsing": "true or false",
        "dict_type": "fields (key: value) under it",
        "list_type": "a list (lines starting with '- ')",
    }
    if kind in plain:
        return loc, label, f"must be {plain[kind]}; got {error.get('input')!r}"
    if kind == "string_type":
        return loc, label, f"must be text; got {error.get('input')!r}"
    if kind == "string_pattern_mismatch" and error["ctx"]["pattern"] == HASH_PATTERN:
        return loc, label, f"must be {HASH_HINT}; got {error.get('input')!r}"
    if kind == "string_pattern_mismatch":
        return loc, label, f"must be an id: {ID_HINT}; got {error.get('input')!r}"
    message = error["msg"].removeprefix("Value error, ")
    return loc, label, message


def check_record(dataset: str, loaded: LoadedFile) -> tuple[Record | None, list[Problem]]:
    model = DATASETS[dataset].model
    try:
        return model.model_validate(loaded.value), []
    except ValidationError as err:
        problems = []
        for error in err.errors(include_url=False):
            loc, label, message = _explain(model, error)
            line, column = loaded.position(loc)
            problems.append(Problem(loaded.shown_path, line, column, label, message))
        return None, problems


def _read_record(
    dataset: str, path: Path, root: Path, cache: RecordCache
) -> tuple[Record | None, LoadedFile, list[Problem]]:
    """One record file, from the record cache when it passed before exactly as it is now."""
    shown = relative(path, root)
    if path.stat().st_size > MAX_FILE_BYTES:
        loaded, problems = read_yaml(path, root)  # refused for its size, never cached
        return None, loaded, problems
    raw = path.read_bytes()
    digest = digest_of(raw)
    entry_key = record_cache.key(dataset, shown, digest)
    hit = cache.get(entry_key)
    if hit is not None:
        return hit.record, LoadedFile(path, shown, hit.value, hit.positions, hit.keys, digest), []
    loaded, problems = read_yaml(path, root, raw)
    if problems:
        return None, loaded, problems
    record, problems = check_record(dataset, loaded)
    if record is not None:
        cache.put(
            entry_key, record_cache.Cached(loaded.value, loaded.positions, loaded.keys, record)
        )
    return record, loaded, problems


def _check_ids(parsed: list[tuple[Path, Record, LoadedFile]]) -> list[Problem]:
    """The id inside a record is its file name, so no two records of a dataset share one."""
    named = {path.stem: loaded.shown_path for path, _record, loaded in parsed}
    problems = []
    for path, record, loaded in parsed:
        if record.id == path.stem:
            continue
        line, column = loaded.position(("id",))
        owner = named.get(record.id) or next(
            (other.shown_path for p, r, other in parsed if r.id == record.id and p != path), None
        )
        clash = (
            f"; '{record.id}' is already the id of {owner}, and every record needs an id of its own"
            if owner
            else ""
        )
        problems.append(
            Problem(
                loaded.shown_path,
                line,
                column,
                "id",
                f"'{record.id}' does not match the file name {path.name}: rename the "
                f"file, or write id: {path.stem}{clash}",
            )
        )
    return problems


def _check_sections(entry: Entry, ui: dict) -> Iterator[Problem]:
    """A section is numbered ('2.1') or named by an interface string `section_<name>`, so that
    every page can say it in the reader's language."""
    for loc, label in sections_in(entry.record):
        if not NUMBERED_SECTION.match(label) and section_ui_key(label) not in ui:
            named = sorted(
                k.removeprefix("section_")
                for k in ui
                if k.startswith("section_") and k != "section_numbered"
            )
            line, column = entry.file.position(loc)
            yield Problem(
                entry.file.shown_path,
                line,
                column,
                ".".join(map(str, loc)),
                f"{label!r} is neither a section number like '2.1' nor one of the named "
                f"sections in data/ui.yml ({', '.join(named)})",
            )


def _problem(entry: Entry, loc: tuple, field: str, message: str) -> Problem:
    """A problem at the value `loc` of a record."""
    line, column = entry.file.position(loc)
    return Problem(entry.file.shown_path, line, column, field, message)


def former_ids(entries: dict[str, Entry]) -> dict[str, str]:
    """A dataset's former ids, each with the id of the record that now has it."""
    return {old: entry.id for entry in entries.values() for old in entry.record.former_ids}


def _check_former_ids(entries: dict[str, Entry]) -> Iterator[Problem]:
    """A former id keeps its old address: no record may have it as its id or list it too."""
    listed: dict[str, Entry] = {}
    for entry in entries.values():
        for number, old in enumerate(entry.record.former_ids):
            loc = ("former_ids", number)
            owner = entries.get(old)
            if owner is not None:
                yield _problem(
                    entry,
                    loc,
                    ".".join(map(str, loc)),
                    f"'{old}' is the id of {owner.file.shown_path}: an address in use "
                    "cannot redirect",
                )
            elif old in listed:
                yield _problem(
                    entry,
                    loc,
                    ".".join(map(str, loc)),
                    f"'{old}' is already a former id of {listed[old].file.shown_path}",
                )
            listed.setdefault(old, entry)


def _check_ranges(entries: list[Entry]) -> Iterator[Problem]:
    orders: dict[int, Entry] = {}
    for entry in entries:
        record = entry.record
        span = record.span()
        if span and span[0].earliest_year > span[1].latest_year:
            yield _problem(
                entry,
                ("end",),
                "end",
                f"the stage ends ({span[1].text}) before it starts ({span[0].text})",
            )
        group, order = record.ordering
        if order is not None:
            key = (group, order)
            if key in orders:
                yield _problem(
                    entry,
                    ("order",),
                    "order",
                    f"{order} is already used by {orders[key].file.shown_path}",
                )
            orders[key] = entry


def _check_ui(path: Path, root: Path) -> tuple[dict, list[Problem]]:
    loaded, problems = read_yaml(path, root)
    if problems:
        return {}, problems
    ui: dict[str, dict[str, str]] = {}
    for key, value in loaded.value.items():
        line, column = loaded.position((key,))
        if not isinstance(value, dict):
            problems.append(
                Problem(loaded.shown_path, line, column, key, "must hold en, zh and ru")
            )
            continue
        for lang in LANGUAGES:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                problems.append(
                    Problem(
                        loaded.shown_path,
                        line,
                        column,
                        f"{key}.{lang}",
                        "is required but missing or empty",
                    )
                )
        extra = set(value) - set(LANGUAGES)
        if extra:
            problems.append(
                Problem(
                    loaded.shown_path,
                    line,
                    column,
                    key,
                    f"unknown language(s) {sorted(extra)}; use en, zh, ru",
                )
            )
        ui[key] = value
    return ui, problems


def validate(
    data_dir: Path, root: Path | None = None, settings: Settings | None = None
) -> tuple[Catalog, list[Problem]]:
    """Validate everything under data_dir; return the catalog and every problem found."""
    root = root or data_dir.parent
    settings = settings or Settings.from_environment()
    problems: list[Problem] = []
    records: dict[str, dict[str, Entry]] = {name: {} for name in DATASETS}

    ui_path = data_dir / UI_FILE
    ui, ui_problems = (
        _check_ui(ui_path, root)
        if ui_path.exists()
        else (
            {},
            [Problem(relative(ui_path, root), 1, 1, "", "the interface strings file is missing")],
        )
    )
    problems += ui_problems

    for child in sorted(data_dir.iterdir()):
        if child.is_dir() and child.name not in DATASETS:
            problems.append(
                Problem(
                    relative(child, root),
                    1,
                    1,
                    "",
                    f"unknown dataset folder; datasets are {', '.join(DATASETS)}",
                )
            )
        elif (
            child.is_file()
            and child.name not in (UI_FILE, TERMS_FILE)
            and not child.name.startswith(".")
        ):
            problems.append(
                Problem(
                    relative(child, root),
                    1,
                    1,
                    "",
                    "stray file: records go in data/<dataset>/<id>.yml",
                )
            )

    for dataset in DATASETS:
        folder = data_dir / dataset
        if not folder.is_dir():
            continue
        cache = RecordCache(dataset, data_dir, enabled=settings.record_cache)
        parsed: list[tuple[Path, Record, LoadedFile]] = []
        for path in sorted(folder.iterdir()):
            shown = relative(path, root)
            if path.name.startswith("."):
                continue
            if path.suffix != ".yml" or not path.is_file():
                hint = f"; rename it to {path.stem}.yml" if path.suffix == ".yaml" else ""
                problems.append(
                    Problem(
                        shown,
                        1,
                        1,
                        "",
                        f"stray file: a dataset folder holds only <id>.yml records{hint}",
                    )
                )
                continue
            if not re.match(ID_PATTERN, path.stem):
                problems.append(
                    Problem(
                        shown,
                        1,
                        1,
                        "id",
                        f"the file name is the record's id and permalink: {ID_HINT}",
                    )
                )
                continue
            record, loaded, file_problems = _read_record(dataset, path, root, cache)
            if record is not None:
                parsed.append((path, record, loaded))
            problems += file_problems
        cache.save()
        id_problems = _check_ids(parsed)
        problems += id_problems
        broken = {p.path for p in id_problems}
        for path, record, loaded in parsed:
            if loaded.shown_path not in broken:
                records[dataset][path.stem] = Entry(dataset, path.stem, record, loaded)

    # A record file that exists but has problems of its own still counts as existing, so that
    # one broken file does not make every record that points at it report a problem too.
    existing = {
        name: {p.stem for p in (data_dir / name).glob("*.yml")}
        if (data_dir / name).is_dir()
        else set()
        for name in DATASETS
    }
    for entries in records.values():
        for entry in entries.values():
            for loc, target, target_id in references_in(entry.record):
                if target_id not in existing[target]:
                    line, column = entry.file.position(loc)
                    renamed = former_ids(records[target]).get(target_id)
                    close = difflib.get_close_matches(target_id, list(records[target]), n=1)
                    hint = (
                        f"; the record was renamed: write {renamed}"
                        if renamed
                        else f"; did you mean '{close[0]}'?"
                        if close
                        else ""
                    )
                    problems.append(
                        Problem(
                            entry.file.shown_path,
                            line,
                            column,
                            ".".join(map(str, loc)),
                            f"no record data/{target}/{target_id}.yml{hint}",
                        )
                    )
        problems += _check_ranges(list(entries.values()))
        problems += _check_former_ids(entries)
        if ui:
            for entry in entries.values():
                problems += _check_sections(entry, ui)

    terms_path = data_dir / TERMS_FILE
    terms, term_problems = check_terms(terms_path, root) if terms_path.exists() else ([], [])
    problems += term_problems
    return Catalog(records, ui, terms), sorted(problems)


def load_catalog(
    data_dir: Path, root: Path | None = None, settings: Settings | None = None
) -> Catalog:
    """Validate and return the catalog, or raise DataError with every problem."""
    catalog, problems = validate(data_dir, root, settings)
    if problems:
        raise DataError(problems)
    return catalog
