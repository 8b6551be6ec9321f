"""Everything the build offers for download besides the pages: the e-book and the open data.

Written into the built site at the end of each build (scripts/hooks.py, on_post_build), before the link
check, so that the links to them on every page are checked like any other.
"""

from __future__ import annotations

from pathlib import Path

import redbook
from redbook.downloads import tei
from scripts import open_data
from scripts.book import epub


def write(edition: redbook.Edition, site: Path) -> None:
    epub.write_epub(edition, site)
    tei.write_tei(edition, site)  # before the open data, whose provenance.json lists it
    open_data.write(edition, site)
