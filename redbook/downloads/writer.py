"""Everything the MkDocs build offers for download besides the pages: the open data (the books are made after
it, by `python -m redbook.book`).

Written into the built site at the end of each build (redbook/plugin/plugin.py, on_post_build), before the link
check, so that the links to them on every page are checked like any other. The preview (`mkdocs serve`) offers
those of the last full build instead, as it does the books (CONTRIBUTING.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import redbook
from redbook import catalogue
from redbook.downloads import open_data, tei
from redbook.downloads.siteplaces import Places


def write(edition: redbook.Edition, site: Path, places: Places) -> None:
    """`places`: the build's map of the apparatus's links (redbook/downloads/siteplaces.py)."""
    tei.write_tei(edition, site)  # before the open data, whose provenance.json lists it
    open_data.write(edition, site, places)


def offer_last(edition: redbook.Edition, built: Path, site: Path) -> bool:
    """The preview's rebuild: the downloads of the last full build (`built`, the project's site/) copied into
    `site`, when that build has every file the edition offers now, so that a rebuild after an edit makes only the
    pages; False, with nothing copied, when it has not (the preview then makes them, and no link leads nowhere)."""
    last = built / catalogue.FOLDER
    names = {d.file for d in catalogue.available(edition)} | {catalogue.PROVENANCE}
    if built.resolve() == Path(site).resolve() or not all((last / name).is_file() for name in names):
        return False
    folder = Path(site) / catalogue.FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name in sorted(names):
        shutil.copy2(last / name, folder / name)
    return True
