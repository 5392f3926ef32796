"""The pipeline's shape: each subpackage of build_scripts is a layer, and a module imports only
from its own layer or the layers below it (the README's diagram):

    core  <-  data  <-  biblio  <-  pages  <-  site          editor uses core and data

__main__ (the command line) may use any layer. One registry for languages and one for
datasets: no literal language tuple and no dispatch on a dataset's name elsewhere.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from build_scripts.core.languages import LANGUAGES
from build_scripts.data.datasets import DATASETS
from build_scripts.data.models import Localized
from build_scripts.pages.record_views import BUILDERS

PACKAGE = Path(__file__).resolve().parent.parent / "build_scripts"
LAYERS = ["core", "data", "biblio", "pages", "site"]
ALLOWED = {layer: set(LAYERS[: number + 1]) for number, layer in enumerate(LAYERS)}
ALLOWED["editor"] = {"core", "data", "editor"}
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE)


def imported_layers(path: Path, root: Path) -> set[tuple[int, str]]:
    """(line, layer) for every import of build_scripts' own modules in a file under `root`."""
    package = path.relative_to(root.parent).with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                parts = [*base, *(node.module.split(".") if node.module else [])]
                if len(parts) == 1:  # `from .. import x`: the names are subpackages
                    found |= {(node.lineno, alias.name) for alias in node.names}
                    continue
            else:
                parts = (node.module or "").split(".")
            if parts[0] == "build_scripts" and len(parts) > 1:
                found.add((node.lineno, parts[1]))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "build_scripts" and len(parts) > 1:
                    found.add((node.lineno, parts[1]))
    return found


def layer_violations(path: Path, root: Path = PACKAGE) -> list[str]:
    layer = path.relative_to(root).parts[0]
    return [
        f"{path.relative_to(root.parent)}:{line}: {layer} imports {target}"
        for line, target in sorted(imported_layers(path, root))
        if target in ALLOWED and target not in ALLOWED[layer]
    ]


def test_every_module_is_in_a_layer():
    assert {path.relative_to(PACKAGE).parts[0] for path in MODULES} == set(ALLOWED)
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]


def test_imports_go_one_way():
    assert [v for path in MODULES for v in layer_violations(path)] == []


@pytest.mark.parametrize(
    "line",
    [
        "from ..pages.views import link",
        "from build_scripts.site import plugin",
        "from .. import biblio",
    ],
)
def test_the_check_sees_an_import_against_the_direction(tmp_path, line):
    copy = tmp_path / "build_scripts" / "core" / "dates.py"
    copy.parent.mkdir(parents=True)
    text = (PACKAGE / "core" / "dates.py").read_text(encoding="utf-8") + f"\n{line}\n"
    copy.write_text(text, encoding="utf-8")
    target = re.search(r"(pages|site|biblio)", line).group(1)
    assert layer_violations(copy, tmp_path / "build_scripts") == [
        f"build_scripts/core/dates.py:{text.count(chr(10))}: core imports {target}"
    ]


LANGUAGE_TUPLE = re.compile(r"""\(\s*["']en["'],\s*["']zh["'],\s*["']ru["']\s*\)""")
DATASET_BRANCH = re.compile(
    r"""(dataset|name)\s*[!=]=\s*["'](stages|statements|exchanges|"""
    r"""indicators|themes|people|references)["']"""
)
LANGUAGE_BRANCH = re.compile(r"""\blang\s*[!=]=\s*["'](en|zh|ru)["']""")


@pytest.mark.parametrize(
    "pattern",
    [LANGUAGE_TUPLE, DATASET_BRANCH, LANGUAGE_BRANCH],
    ids=["language-tuple", "dataset-branch", "language-branch"],
)
def test_no_language_or_dataset_is_special_cased_outside_the_registries(pattern):
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}"
        for path in MODULES
        if path.name not in ("languages.py", "datasets.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_the_registries_cover_each_other():
    # Localized has one field per language, in the registry's order.
    assert [name for name in Localized.model_fields if name in LANGUAGES] == list(LANGUAGES)
    assert {dataset.page for dataset in DATASETS.values()} == set(BUILDERS)
    for dataset in DATASETS.values():
        assert (PACKAGE / "pages" / "templates" / dataset.template).is_file(), dataset.name
