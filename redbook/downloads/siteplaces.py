"""The places the build found for the apparatus's links, as the downloads give them.

The plugin (redbook/plugin/plugin.py) keeps, while it builds the pages, each link key's page and paragraph
(`places`: key -> (page url, paragraph id)). The downloads read that map instead of parsing the pages again.
"""

from __future__ import annotations

from collections.abc import Mapping

from redbook.render.paragraphs import paragraph_number

Places = Mapping[str, tuple[str, str]]


def href(places: Places | None, key: str) -> str | None:
    """`chapter-5.html#p5.12` for a key the build placed, else None."""
    if not places or key not in places:
        return None
    url, paragraph = places[key]
    return f"{url}#{paragraph}"


def paragraph(places: Places | None, key: str) -> str | None:
    """`5.12`, the number of the paragraph the build found for a key (its id without the p), else None (also for
    a place that is no numbered paragraph: a heading, redbook/plugin/mentions.py)."""
    if not places or key not in places:
        return None
    return paragraph_number(places[key][1])
