"""`mkdocs serve`: the last rebuild's output is removed in the background.

MkDocs empties the site folder at the start of every build, which at 10x the data takes a
second of a rebuild on a busy disk. Before it does (on_pre_build), the serving process moves
the folder's entries into a hidden folder inside it (a rename: MkDocs leaves hidden entries
alone) and a background thread deletes that, while the rebuild goes on.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

ASIDE_PREFIX = ".previous-build-"


def set_aside(site_dir: str) -> threading.Thread | None:
    """Move the site folder's visible entries aside and delete them in a thread (returned)."""
    site = Path(site_dir)
    if not site.is_dir():
        return None
    entries = [entry for entry in site.iterdir() if not entry.name.startswith(".")]
    if not entries:
        return None
    aside = Path(tempfile.mkdtemp(prefix=ASIDE_PREFIX, dir=site))
    for entry in entries:
        entry.rename(aside / entry.name)
    remover = threading.Thread(target=shutil.rmtree, args=(aside, True), daemon=True)
    remover.start()
    return remover
