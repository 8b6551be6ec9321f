"""The register of persons (data/persons.yml): who is named, in which forms, in which of the book's lists,
and every place the reading text and the notes name them.

The finder is one regular expression over every form and variant of the register (longest first), with
word boundaries, so that "Trotskyist", "Stalinist", "Zinovievists" or "Leningrad" are never taken for a
person; a possessive (’s) is taken with its name. A form shared by two persons is resolved by the
register's `shared_forms` rules (context words, or a default); an occurrence no rule resolves is an error.

The mentions are found here, in the sources (the Markdown of the foreword and chapters with macro calls
and HTML tags blanked out, then the chapter's notes in their order); the build marks the same occurrences,
in the same order, in the rendered pages (redbook/plugin/mentions.py), and stops if the two ever disagree.

API for the renderers (web, print, e-book, open data):
    register = edition.apparatus["persons"]
    register.persons            key -> Person, in index order (by name)
    register.person(key)        one Person
    register.groups             key -> Group;  register.members(group_key, part=None) -> [(Person, Membership)]
    register.mentions           every Mention, in reading order; register.mentions_of(key), mentions_on(stem)
    register.occurrences_on(stem)   the places on a page, each naming one or more persons
    register.cross_references() -> [(variant, Person)]
    register.records()          one plain dict a person, for JSON / CSV
"""

from __future__ import annotations

from ...errors import Collector
from ...passages import Passages, Place, Segment, finder, line_of, searchable, segments  # noqa: F401
from ...yamlsrc import Mapping, read_yaml
from .finding import find
from .model import (  # noqa: F401  the model's names, as redbook.apparatus.persons.X
    CONTEXT_KEYS,
    DATA,
    GROUP_KEYS,
    INPUTS,
    KEY_FORMAT,
    KINDS,
    MEMBERSHIP_KEYS,
    NAME,
    ORDER,
    PART_KEYS,
    PERSON_KEYS,
    POSSESSIVE,
    REQUIRED,
    SHARED_KEYS,
    TOP_KEYS,
    Group,
    Membership,
    Mention,
    Occurrence,
    Part,
    Person,
    Register,
    _place_label,
    sort_key,
)
from .reading import _Checker


def load(edition, problems: Collector) -> Register:
    root = edition.root
    display = DATA.as_posix()
    empty = Register({}, {}, [], {}, {})
    if not (root / DATA).exists():
        return empty
    data = read_yaml(root / DATA, problems, display)
    if data is None:
        return empty
    if not isinstance(data, Mapping):
        problems.add(
            display,
            1,
            "the register must be a mapping with groups:, shared_forms: and persons:",
            "start the file with 'persons:' followed by a list of entries",
        )
        return empty
    for key in data:
        if key not in TOP_KEYS:
            problems.add(
                display,
                data.key_lines[key],
                f"unknown section {key!r}",
                f"the register has only the sections {', '.join(sorted(TOP_KEYS))}",
            )
    checker = _Checker(edition, problems, display)
    if not checker.segments:
        return empty
    groups = checker.groups(data.get("groups") or {}, data)
    persons = checker.persons(data.get("persons") or [], data, groups)
    checker.group_counts(groups, persons)
    rules = checker.shared_forms(data.get("shared_forms") or [], data, persons)
    register = find(checker, persons, groups, rules)
    return register
