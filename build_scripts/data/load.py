"""YAML files -> plain Python values, keeping the line and column of every value.

Only the safe YAML subset is accepted: no tags, no anchors or aliases (which is also the defence
against alias bombs), no duplicate keys, and files up to MAX_FILE_BYTES.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..core.problems import Problem, relative

MAX_FILE_BYTES = 256 * 1024
Position = tuple[int, int]
Path_ = tuple[Any, ...]


@dataclass
class LoadedFile:
    path: Path
    shown_path: str
    value: Any = None
    positions: dict[Path_, Position] = field(default_factory=dict)
    # Where each key is written (line, column): tools that edit a file in place start there.
    keys: dict[Path_, Position] = field(default_factory=dict)
    # SHA-256 of the file's bytes: what the record cache and the page manifest key on.
    digest: str = ""

    def problem(self, loc: Path_, field: str, message: str) -> Problem:
        """A problem with the value at `loc`, placed where the editor sees it."""
        line, column = self.position(loc)
        return Problem(self.shown_path, line, column, field, message)

    def position(self, loc: Path_) -> Position:
        """Line and column of the value at `loc`, or of its nearest ancestor that exists."""
        loc = tuple(loc)
        while loc and loc not in self.positions:
            loc = loc[:-1]
        return self.positions.get(loc, (1, 1))


class _Refused(Exception):
    def __init__(self, message: str, mark: yaml.Mark | None):
        self.message = message
        self.mark = mark


def _to_python(node: yaml.Node, loc: Path_, loaded: LoadedFile) -> Any:
    out = loaded.positions
    out[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused("a key must be a plain word", key_node.start_mark)
            key = yaml.SafeLoader.construct_scalar(_LOADER, key_node)
            if key == "<<":
                raise _Refused(
                    "merge keys (<<) are not allowed: write the fields out", key_node.start_mark
                )
            if key in result:
                raise _Refused(
                    f"the field {key!r} appears twice in the same place", key_node.start_mark
                )
            child = loc + (key,)
            result[key] = _to_python(value_node, child, loaded)
            loaded.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            # Point errors about a field at its key, where the editor looks.
            if not isinstance(value_node, yaml.ScalarNode):
                out[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, loc + (i,), loaded) for i, item in enumerate(node.value)]
    if node.tag not in _SAFE_TAGS:
        raise _Refused(f"the YAML tag {node.tag!r} is not allowed", node.start_mark)
    return _LOADER.construct_object(node, deep=True)


_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
# Timestamps stay strings: dates are parsed by the data model with their precision.
_LOADER = yaml.SafeLoader("")


# libyaml's parser (C) when PyYAML has it, which reads a file ten times faster; the same
# tree, positions and errors either way.
_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _NoTimestampLoader(_PARSER):
    pass


_NoTimestampLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _compose(text: str) -> yaml.Node | None:
    # An anchor is written with "&" and an alias with "*": a text with neither has none, and
    # the pass over its events that looks for them is skipped.
    if "&" in text or "*" in text:
        _refuse_anchors(text)
    loader = _NoTimestampLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _refuse_anchors(text: str) -> None:
    loader = _NoTimestampLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise _Refused(
                    "anchors and aliases (& and *) are not allowed: write each value out",
                    event.start_mark,
                )
    finally:
        loader.dispose()


def _hint_for(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = error.problem or str(error)
    mark = error.problem_mark
    line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
    if "\t" in line[: len(line) - len(line.lstrip())] or "found character '\\t'" in problem:
        return "a tab is used for indenting: indent with spaces only"
    return f"not valid YAML: {problem}"


def digest_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def read_yaml(
    path: Path, root: Path, raw: bytes | None = None, allow_list: bool = False
) -> tuple[LoadedFile, list[Problem]]:
    """Read one record file (or its bytes `raw`, already read); return it with its positions,
    or the problems that stop it. `allow_list`: the file may hold a list (data/terms.yml)."""
    shown = relative(path, root)
    loaded = LoadedFile(path, shown)

    def refuse(message: str, line: int = 1, column: int = 1) -> tuple[LoadedFile, list[Problem]]:
        return loaded, [Problem(shown, line, column, "", message)]

    size = path.stat().st_size if raw is None else len(raw)
    if size > MAX_FILE_BYTES:
        return refuse(f"the file is {size:,} bytes; a record may be at most {MAX_FILE_BYTES:,}")
    raw = path.read_bytes() if raw is None else raw
    loaded.digest = digest_of(raw)
    if raw.startswith(b"\xef\xbb\xbf"):
        return refuse("the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return refuse(f"the file is not UTF-8 (byte {raw[err.start]:#04x}): save it as UTF-8", line)
    text = text.replace("\r\n", "\n")
    try:
        node = _compose(text)
    except _Refused as err:
        mark = err.mark
        return refuse(err.message, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        return refuse(
            _hint_for(err, text), mark.line + 1 if mark else 1, mark.column + 1 if mark else 1
        )
    if node is None:
        return refuse("the file is empty")
    try:
        loaded.value = _to_python(node, (), loaded)
    except _Refused as err:
        return refuse(err.message, err.mark.line + 1, err.mark.column + 1)
    if not isinstance(loaded.value, list if allow_list else dict):
        return refuse("a record file must hold fields (key: value), not a list or a single value")
    return loaded, []
