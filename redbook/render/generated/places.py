"""The index of places, generated from data/places.yml and the mentions the build finds."""

from __future__ import annotations

from redbook.render import named as named_web

PATH = "places.md"
TITLE = "Index of places"
SOURCE = "data/places.yml"
ORDER = 22


def markdown(edition) -> str:
    return named_web.index_page(edition, "places", TITLE)
