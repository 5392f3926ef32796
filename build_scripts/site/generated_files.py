"""The generated pages, handed to MkDocs without being written into docs/.

Generation writes the pages under <cache>/pages/ (core/settings.py `pages_folder`), in the
suffix structure of docs/ (`stages/<id>.zh.md`). `mkdocs serve` watches docs/, data/ and the
pipeline: a page written into docs/ would start a second rebuild after every edit, so they stay
out of it and the plugin adds them to the build's files instead.

mkdocs-static-i18n (on_files, priority -100) sorts the files of docs/ by language and makes each
anew with docs/ as its source folder, and it leaves out any page whose source is elsewhere. So
the pages join the files as if they were in docs/ (`add`, before it), and once it has sorted
them, each is pointed back at its real source (`point_at_sources`, after it).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files


def page_uris(folder: Path) -> list[str]:
    """The pages of the folder, as source URIs (`stages/index.zh.md`)."""
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


def add(files: Files, config, folder: Path) -> set[str]:
    """Add the folder's pages to the build's files; returns their source URIs. A page of the
    same name in docs/ is an error (docs/ holds hand-written pages only: generated pages of an
    older checkout are removed by `make clean`)."""
    uris = page_uris(folder)
    clashes = [uri for uri in uris if files.get_file_from_path(uri) is not None]
    if clashes:
        raise PluginError(
            f"docs/ holds pages that are generated from data/ (for example docs/{clashes[0]}): "
            f"they now live in {folder}; remove the generated folders from docs/ (make clean)"
        )
    for uri in uris:
        files.append(File(uri, config["docs_dir"], config["site_dir"], config["use_directory_urls"]))
    return set(uris)


def point_at_sources(files: Files, folder: Path, uris: set[str]) -> None:
    """Read each generated page from its real source under `folder`."""
    for file in files:
        if file.src_uri in uris:
            file.abs_src_path = str(folder / file.src_uri)
