"""linkchecker over a built site served on 127.0.0.1.

python -m tests.check_links site/              internal links and anchors; exit 1 if broken
python -m tests.check_links --external site/   also every external link, as a report only:
                                               link rot elsewhere must not block an editor
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .site_server import serve

RC = Path(__file__).with_name("linkcheckerrc")


def run_linkchecker(url: str, cwd: Path, external: bool = False) -> str:
    linkchecker = Path(sys.executable).with_name("linkchecker")
    command = [str(linkchecker), "--config", str(RC), "--no-status", "--recursion-level=-1"]
    if external:
        command.append("--check-extern")
    result = subprocess.run(
        command + [url], capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=900
    )
    return result.stdout + result.stderr


def summary(output: str) -> tuple[int, int, int]:
    """(URLs checked, warnings, errors) from linkchecker's closing lines."""
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", output)
    warnings = re.search(r"(\d+) warnings? found", output)
    errors = re.search(r"(\d+) errors? found", output)
    assert checked and warnings and errors, output[-3000:]
    return int(checked.group(2)), int(warnings.group(1)), int(errors.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.check_links",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--external", action="store_true")
    args = parser.parse_args(argv)
    with serve(args.site.resolve()) as url, tempfile.TemporaryDirectory() as cwd:
        output = run_linkchecker(url, Path(cwd), external=args.external)
    print(output)
    checked, warnings, errors = summary(output)
    print(f"{checked} URLs checked: {errors} broken, {warnings} warnings")
    if args.external:
        print("External links are reported, never failing the build.")
        return 0
    return 1 if errors or warnings else 0


if __name__ == "__main__":
    sys.exit(main())
