"""The edition's data checks, fast and without building the site: `python scripts/check.py`.

It loads the edition model exactly as the build does (redbook.load): every Markdown page of docs/, every notes
file of footnotes/, every data file of data/ and the apparatus parts of redbook/apparatus/ are read and
cross-checked. Each problem is printed as `file:line: what is wrong` with a `fix:` line; the exit status is
1 when there is any. pre-commit runs it on every commit that touches the edition's sources.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import redbook

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this one)")
    parser.add_argument("files", nargs="*", help="ignored: the checks always read the whole edition")
    args = parser.parse_args(argv)
    start = time.monotonic()
    try:
        edition = redbook.load(args.root)
    except redbook.EditionError as err:
        print(err, file=sys.stderr)
        return 1
    seconds = time.monotonic() - start
    parts = ", ".join(sorted(edition.apparatus)) or "none"
    print(
        f"check: no problems in {len(edition.pages)} pages, {len(edition.notes)} notes, "
        f"{len(edition.emendations)} emendations (apparatus: {parts}) in {seconds:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
