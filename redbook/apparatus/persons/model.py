"""The register of persons as the model holds it: persons, groups, mentions, and what the renderers and
downloads ask of it (see the package's docstring)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ...dates import life_span
from ...passages import Passages, Place, Segment, finder, line_of, searchable, segments  # noqa: F401

NAME = "persons"
ORDER = 40
DATA = Path("data/persons.yml")
INPUTS = (DATA,)  # the files it reads; what it reads of the model is recorded (redbook/incremental.py)

TOP_KEYS = {"groups", "shared_forms", "persons"}
PERSON_KEYS = {
    "key",
    "name",
    "forms",
    "variants",
    "born",
    "died",
    "dates_from",
    "about",
    "from",
    "kind",
    "groups",
    "remark",
}
REQUIRED = ("key", "name", "forms", "about", "from")
GROUP_KEYS = {"title", "count", "count_from", "parts", "about", "complete"}
PART_KEYS = {"title", "count", "near"}
MEMBERSHIP_KEYS = {"number", "part", "sentence", "basis"}
SHARED_KEYS = {"form", "default", "contexts", "all"}
CONTEXT_KEYS = {"words", "person"}
KINDS = {"historical", "fictional"}
KEY_FORMAT = re.compile(r"^[a-z][a-z0-9-]*$")
POSSESSIVE = ("’s", "'s")


# -- the data ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Membership:
    group: str
    number: int | None = None
    part: str | None = None
    sentence: str | None = None
    basis: str | None = None


@dataclass
class Person:
    key: str
    name: str  # as indexed: "Zinoviev, G.E."
    forms: tuple[str, ...]
    variants: tuple[str, ...]
    about: str
    source: Place  # where `about` comes from
    born: str | None = None
    died: str | None = None
    dates_from: Place | None = None
    kind: str | None = None  # historical | fictional | None
    remark: str | None = None
    memberships: dict[str, Membership] = field(default_factory=dict)
    line: int = 0
    key_lines: dict = field(default_factory=dict)  # field -> line, for messages

    def line_of(self, form: str) -> int:
        """The line of the list (forms: or variants:) that gives `form`."""
        return self.key_lines.get("variants" if form in self.variants else "forms", self.line)

    @property
    def dates(self) -> str:
        return life_span(self.born, self.died)

    @property
    def letter(self) -> str:
        return sort_key(self.name)[:1].upper()


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    count: int
    near: str


@dataclass
class Group:
    key: str
    title: str
    count: int  # the book's own count
    count_from: Place | None
    about: str
    complete: bool = True  # False: the book names only some of them
    parts: dict[str, Part] = field(default_factory=dict)
    line: int = 0


@dataclass(frozen=True)
class Mention:
    key: str  # the person
    page: str  # stem of the page
    note: int | None  # the note it stands in, or None for the body
    start: int  # offsets in the searched text (the body, or the note's text)
    end: int
    form: str  # as printed in the copy-text
    ordinal: int  # 1, 2, ... for this person on this page

    @property
    def anchor(self) -> str:
        """The id of the mention in the page."""
        return f"m-{self.key}-{self.ordinal}"

    @property
    def place_key(self) -> str:
        """The key under which the build records its paragraph."""
        return f"persons-mention:{self.page}:{self.anchor}"


@dataclass(frozen=True)
class Occurrence:
    """One stretch of text that names one person (or, rarely, several: "the two Luries")."""

    page: str
    note: int | None
    start: int
    end: int
    form: str
    mentions: tuple[Mention, ...]


@dataclass
class Register:
    persons: dict[str, Person]
    groups: dict[str, Group]
    mentions: list[Mention]
    occurrences: dict[str, list[Occurrence]]  # page stem -> occurrences in reading order
    forms: dict[str, list[str]]  # form or variant -> keys of the persons it may name
    path: str = str(DATA)

    def person(self, key: str) -> Person:
        return self.persons[key]

    def mentions_of(self, key: str) -> list[Mention]:
        return [m for m in self.mentions if m.key == key]

    def mentions_on(self, stem: str) -> list[Mention]:
        return [m for m in self.mentions if m.page == stem]

    def occurrences_on(self, stem: str) -> list[Occurrence]:
        return self.occurrences.get(stem, [])

    def count(self, key: str) -> int:
        return sum(1 for m in self.mentions if m.key == key)

    def members(self, group: str, part: str | None = None) -> list[tuple[Person, Membership]]:
        found = [(p, p.memberships[group]) for p in self.persons.values() if group in p.memberships]
        if part is not None:
            found = [(p, m) for p, m in found if m.part == part]
        parts = list(self.groups[group].parts) if group in self.groups else []
        return sorted(
            found,
            key=lambda pm: (
                parts.index(pm[1].part) if pm[1].part in parts else 0,
                pm[1].number if pm[1].number is not None else 10**6,
                sort_key(pm[0].name),
            ),
        )

    def cross_references(self) -> list[tuple[str, Person]]:
        refs = [(v, p) for p in self.persons.values() for v in p.variants]
        return sorted(refs, key=lambda vp: sort_key(vp[0]))

    def places(self) -> list[Place]:
        """Every page place the register cites (identifications, dates, group counts)."""
        found = [p.source for p in self.persons.values()] + [
            p.dates_from for p in self.persons.values() if p.dates_from
        ]
        found += [g.count_from for g in self.groups.values() if g.count_from]
        return [p for p in dict.fromkeys(found) if p.page is not None]

    def records(self) -> list[dict]:
        """The register as plain data (for persons.json and persons.csv)."""
        out = []
        for p in self.persons.values():
            mentions = self.mentions_of(p.key)
            out.append(
                {
                    "key": p.key,
                    "name": p.name,
                    "forms": list(p.forms),
                    "variants": list(p.variants),
                    "born": p.born,
                    "died": p.died,
                    "identification": p.about,
                    "identification_source": _place_label(p.source),
                    "kind": p.kind,
                    "remark": p.remark,
                    "groups": [
                        {"group": m.group, "number": m.number, "part": m.part, "sentence": m.sentence, "basis": m.basis}
                        for m in p.memberships.values()
                    ],
                    "mentions": len(mentions),
                    "mentions_by_page": {
                        stem: n
                        for stem in dict.fromkeys(m.page for m in mentions)
                        if (n := sum(1 for m in mentions if m.page == stem))
                    },
                }
            )
        return out


def _place_label(place: Place) -> str:
    if place.note is not None:
        return f"note {place.note}"
    return f"{place.page}: “{place.near}”"


def sort_key(name: str) -> str:
    """Index order: letters only, accents and case ignored ("Ter-Vaganian" files under T)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z, ]", "", plain.lower())
