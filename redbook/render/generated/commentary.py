"""The commentary page: every remark of data/commentary.yml, each linked back to its paragraph or note."""

from __future__ import annotations

from redbook.render.commentary import commentary_page

PATH = "commentary.md"
TITLE = "Commentary"
SOURCE = "data/commentary.yml"
ORDER = 25


def markdown(edition) -> str:
    return commentary_page(edition, TITLE)
