"""The Sources page: every source of data/sources.bib by kind, each with every place in the book that cites it.

Generated from the bibliography and the citations of the text and notes (redbook/apparatus/sources.py);
nothing on it is typed by hand. The HTML is made in redbook/render/citations.py.
"""

from __future__ import annotations

from redbook.render.citations import sources_page

PATH = "sources.md"
TITLE = "Sources"
SOURCE = "data/sources.bib"
ORDER = 30


def markdown(edition) -> str:
    return sources_page(edition, TITLE)
