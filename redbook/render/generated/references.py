"""The References page: every work of data/references.bib, in Chicago style, each with its own id
(references.html#ref-KEY), which the commentary, the title page and the principles link to."""

from __future__ import annotations

from redbook.render.references import references_page

PATH = "references.md"
TITLE = "References"
SOURCE = "data/references.bib"
ORDER = 35


def markdown(edition) -> str:
    return references_page(edition, TITLE)
