"""The terminology base, data/terms.yml: a list of terms, each checked against the model's
`Term`, with unique ids; every problem with its file, line and field."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..core.problems import Problem
from .load import read_yaml
from .models import Term

TERMS_FILE = "terms.yml"


def check_terms(path: Path, root: Path) -> tuple[list[Term], list[Problem]]:
    loaded, problems = read_yaml(path, root, allow_list=True)
    if problems:
        return [], problems
    if not isinstance(loaded.value, list):
        return [], [Problem(loaded.shown_path, 1, 1, "", "must be a list of terms ('- id: ...')")]
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for number, value in enumerate(loaded.value):
        try:
            term = Term.model_validate(value)
        except ValidationError as err:
            for error in err.errors(include_url=False):
                name = value.get("id") if isinstance(value, dict) else None
                field = ".".join(str(part) for part in (name or number, *error["loc"]))
                message = error["msg"].removeprefix("Value error, ")
                problems.append(loaded.problem((number, *error["loc"]), field, message))
            continue
        if term.id in seen:
            problems.append(
                loaded.problem(
                    (number, "id"),
                    "id",
                    f"'{term.id}' is already the id of term {seen[term.id] + 1}",
                )
            )
            continue
        seen[term.id] = number
        terms.append(term)
    return terms, problems
