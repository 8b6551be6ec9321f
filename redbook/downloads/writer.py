"""Everything the MkDocs build offers for download besides the pages: the open data (the books are made after
it, by `python -m redbook.book`).

Written into the built site at the end of each build (redbook/plugin/plugin.py, on_post_build), before the link
check, so that the links to them on every page are checked like any other.
"""

from __future__ import annotations

from pathlib import Path

import redbook
from redbook.downloads import open_data, tei
from redbook.downloads.siteplaces import Places


def write(edition: redbook.Edition, site: Path, places: Places) -> None:
    """`places`: the build's map of the apparatus's links (redbook/downloads/siteplaces.py)."""
    tei.write_tei(edition, site)  # before the open data, whose provenance.json lists it
    open_data.write(edition, site, places)
