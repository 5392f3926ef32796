"""The theme's templates kept compiled between builds.

MkDocs makes the theme's Jinja environment anew for every build: each language's process of
the parallel build and every rebuild of `mkdocs serve` would compile Material's templates
again (some 0.4 s). They are kept compiled under <cache>/theme-jinja-<key>/ (Jinja's bytecode
cache: each entry keyed by the template's name and file and checked against its source; the
folder's key covers the Jinja version and the environment's extensions). JINJA_CACHE=off
keeps them in memory only, as MkDocs does.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2

from ..core.settings import Settings, cache_folder
from ..pages.render import bytecode_cache


def keep_compiled(env: jinja2.Environment, settings: Settings, data: Path) -> jinja2.Environment:
    if not settings.jinja_cache:
        return env
    key = hashlib.sha256(
        "\0".join([jinja2.__version__, *sorted(env.extensions)]).encode()
    ).hexdigest()[:12]
    env.bytecode_cache = bytecode_cache(cache_folder(data) / f"theme-jinja-{key}")
    return env
