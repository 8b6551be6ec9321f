"""Back matter made for the book from edition.apparatus (index of persons, list of sources), when present.

Until an apparatus part is there, the book carries whatever back-matter pages the site has (the editorial
principles and register of emendations, and any generated page), transformed like the rest.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

import redbook

from .transform import Target


def replaced_pages(edition: redbook.Edition) -> set[str]:
    """Stems of site pages that the book replaces by its own form of the same data."""
    return set()


def sections(edition: redbook.Edition, soup: BeautifulSoup, target: Target) -> list:
    return []
