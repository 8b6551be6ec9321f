"""The index of organisations, generated from data/organisations.yml and the mentions the build finds."""

from __future__ import annotations

from redbook.render import named as named_web

PATH = "organisations.md"
TITLE = "Index of organisations"
SOURCE = "data/organisations.yml"
ORDER = 23


def markdown(edition) -> str:
    return named_web.index_page(edition, "organisations", TITLE)
