"""The index of places (data/places.yml): countries, cities, regions and named buildings that the reading text and
the notes name, with every place they name them.

Loaded after the organisations (ORDER 50 > 49): an occurrence inside an organisation's name ("the Leningrad
Center", "the Moscow Izvestia") is that organisation's mention, not a place's. The finding and the checks are
redbook/named.py's; see there for the API (entries, mentions, occurrences_on, records, phrases).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Collector
from ..named import Index, Spec, load_index

NAME = "places"
ORDER = 50  # after the organisations, whose spans it excludes
DATA = Path("data/places.yml")

KINDS = frozenset(
    {
        "country",  # a state or a country, as the book names it
        "city",  # a city or a town
        "region",  # a region, a province, a mountain range, a part of the world
        "building",  # a named building: a prison, a palace
        "unidentified",  # a name the edition could not identify
    }
)
FIELDS = frozenset({"key", "name", "kind", "forms", "about", "from", "evidence", "remark", "parent", "see_also"})
REQUIRED = frozenset({"key", "name", "kind", "forms", "about"})
SPEC = Spec(NAME, "place", "pl", DATA, KINDS, FIELDS, REQUIRED, "places", ("cross_references",))


def load(edition, problems: Collector) -> Index:
    organisations = edition.apparatus.get("organisations")
    return load_index(edition, problems, SPEC, exclude=[organisations] if organisations is not None else [])
