"""One book typeset by Typst in a process of its own (print_edition.py starts it):

    python -m build_scripts.site.typeset_book SOURCE.typ OUT.pdf [FONT_FOLDER ...]

Typst keeps what it laid out for as long as its process lives (some 3 MiB a printed page at
10x the data), so each book is set in a process that ends with it: the build's own process
never holds a book, and the three books side by side hold one each. A Typst error goes to
standard error (it names the source line) with exit status 1."""

from __future__ import annotations

import sys
from pathlib import Path


def main(source: str, out: str, *font_folders: str) -> int:
    import typst

    try:
        # Only the compiler's own fonts and the folders given: the book does not change with
        # what else a machine has installed (and the system's fonts are not scanned).
        pdf = typst.compile(
            Path(source).read_bytes(), font_paths=list(font_folders), ignore_system_fonts=True
        )
    except typst.TypstError as err:
        # The diagnostic shows the source line and where in it.
        print(getattr(err, "diagnostic", None) or err, file=sys.stderr)
        return 1
    Path(out).write_bytes(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
