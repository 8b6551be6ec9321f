"""The two books of a built site, made after the MkDocs build (scripts/build.py): `python -m redbook.book SITE`.

The e-book first (a second), then the PDF (the layout). Both from the same model and the same built pages.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

import redbook
from redbook import scan

from . import epub, pdf


def main(argv: list[str]) -> int:
    try:
        return _make(Path(argv[0]) if argv else Path("site"))
    except (redbook.EditionError, PluginError) as err:
        print(f"books: {err}", file=sys.stderr)
        return 1


def _make(site: Path) -> int:
    edition = redbook.load(Path.cwd())
    start = time.monotonic()
    path = epub.write_epub(edition, site)
    # the e-book (the site's pages were scanned by the MkDocs build): nothing a reader's device would run or fetch
    scan.check_file(path, path.relative_to(site).as_posix())
    print(f"epub: {path} written in {time.monotonic() - start:.1f} s ({path.stat().st_size / 1e6:.2f} MB)")
    figures = pdf.build(site, None, edition)
    print(
        f"pdf: {figures['path']} written in {figures['seconds']:.1f} s ({figures['bytes'] / 1e6:.2f} MB, "
        f"{figures['layouts']} layout{'s' if figures['layouts'] != 1 else ''})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
