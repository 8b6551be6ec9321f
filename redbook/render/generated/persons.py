"""The index of persons, generated from the register (data/persons.yml) and the mentions the build finds."""

from __future__ import annotations

from redbook.render import persons as persons_web

PATH = "persons.md"
TITLE = "Index of persons"
SOURCE = "data/persons.yml"
ORDER = 20


def markdown(edition) -> str:
    return persons_web.index_page(edition, TITLE)
