"""The two books of a built site, made after the MkDocs build (scripts/build.py): `python -m redbook.book SITE`.

The PDF's layout takes one core for most of the step; the e-book is made beside it, in a second process forked
from this one (the same model, the same built pages), so that on two cores it costs nothing of the step's time.
The step fails when either book fails.
"""

from __future__ import annotations

import multiprocessing
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


def _epub(edition, site: Path) -> None:
    """The e-book, then the scan of it (the site's pages were scanned by the MkDocs build): nothing a reader's
    device would run or fetch. Run in the second process: its failure is its exit code, its message printed."""
    try:
        start = time.monotonic()
        path = epub.write_epub(edition, site)
        scan.check_file(path, path.relative_to(site).as_posix())
        print(f"epub: {path} written in {time.monotonic() - start:.1f} s ({path.stat().st_size / 1e6:.2f} MB)")
    except (redbook.EditionError, PluginError) as err:
        print(f"books: {err}", file=sys.stderr)
        sys.exit(1)
    finally:
        sys.stdout.flush()


def _make(site: Path) -> int:
    edition = redbook.load(Path.cwd())
    sys.stdout.flush()  # nothing buffered is written twice by the forked process
    beside = multiprocessing.get_context("fork").Process(target=_epub, args=(edition, site), name="epub")
    beside.start()
    try:
        figures = pdf.build(site, None, edition)
    finally:
        beside.join()
    layouts = figures["layouts"]
    how = (
        f"{layouts} layout{'s' if layouts != 1 else ''}"
        if layouts
        else "the last build's book: nothing it reads changed"
    )
    print(f"pdf: {figures['path']} written in {figures['seconds']:.1f} s ({figures['bytes'] / 1e6:.2f} MB, {how})")
    if beside.exitcode != 0:
        print(f"books: the e-book failed (exit code {beside.exitcode}; its message is above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
