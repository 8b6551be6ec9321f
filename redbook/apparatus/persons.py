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

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Collector
from ..passages import Passages, Place, Segment, finder, line_of, searchable, segments  # noqa: F401
from ..yamlsrc import Mapping, parse_yaml, read_text

NAME = "persons"
ORDER = 40
DATA = Path("data/persons.yml")

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
        if self.born and self.died:
            return f"{self.born}–{self.died}"
        if self.born:
            return f"born {self.born}"
        if self.died:
            return f"died {self.died}"
        return ""

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


# -- the texts searched --------------------------------------------------------------------------------
# -- loading and checking ------------------------------------------------------------------------------
def load(edition, problems: Collector) -> Register:
    root = edition.root
    display = DATA.as_posix()
    empty = Register({}, {}, [], {}, {})
    if not (root / DATA).exists():
        return empty
    text = read_text(root / DATA, problems, display)
    data = parse_yaml(text, problems, display) if text is not None else None
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
    register = checker.find(persons, groups, rules)
    return register


@dataclass
class _Rule:
    form: str
    default: str | None
    contexts: list[tuple[str, str]]  # (words, person key)
    all: bool
    line: int


class _Checker:
    def __init__(self, edition, problems: Collector, display: str):
        self.edition, self.problems, self.display = edition, problems, display
        self.passages = Passages(edition)
        self.segments = self.passages.segments
        if not self.segments:
            problems.add(
                display,
                None,
                "the pages of the reading text could not be found in the copy-text",
                "check that each page of docs/ begins with the copy-text's words",
            )

    def add(self, line, what, fix):
        self.problems.add(self.display, line, what, fix)

    def place(self, raw, line: int, what: str) -> Place | None:
        return self.passages.check(raw, self.display, line, self.problems, what)

    # groups ---------------------------------------------------------------------------------------------
    def groups(self, raw, data) -> dict[str, Group]:
        groups: dict[str, Group] = {}
        if not isinstance(raw, dict):
            self.add(
                data.key_lines.get("groups", 1),
                "groups: must be a mapping of group keys",
                "write each group as  key: {title: ..., count: N, ...}",
            )
            return groups
        for key, entry in raw.items():
            line = raw.key_lines.get(key, 0) if isinstance(raw, Mapping) else 0
            if not isinstance(entry, Mapping):
                self.add(line, f"group {key!r} must be a mapping", "give it title:, count:, count_from: and about:")
                continue
            for k in entry:
                if k not in GROUP_KEYS:
                    self.add(
                        entry.key_lines[k],
                        f"group {key!r}: unknown field {k!r}",
                        f"the fields of a group are {', '.join(sorted(GROUP_KEYS))}",
                    )
            if not isinstance(entry.get("count"), int) or not entry.get("title"):
                self.add(
                    line,
                    f"group {key!r} needs a title and the book's count (a number)",
                    "add  title: ...  and  count: N",
                )
                continue
            place = self.place(
                entry.get("count_from"), entry.key_lines.get("count_from", line), f"group {key!r}: count_from"
            )
            parts = {}
            for pkey, praw in (entry.get("parts") or {}).items():
                if not isinstance(praw, dict) or set(praw) - PART_KEYS or not isinstance(praw.get("count"), int):
                    self.add(
                        entry.key_lines.get("parts", line),
                        f"group {key!r}: part {pkey!r} is malformed",
                        "write each part as  key: {title: ..., count: N, near: words of its heading}",
                    )
                    continue
                parts[pkey] = Part(pkey, praw.get("title", pkey), praw["count"], praw.get("near", ""))
            groups[key] = Group(
                key,
                entry["title"],
                entry["count"],
                place,
                entry.get("about", ""),
                entry.get("complete", True),
                parts,
                line,
            )
        return groups

    # persons --------------------------------------------------------------------------------------------
    def persons(self, raw, data, groups) -> dict[str, Person]:
        persons: dict[str, Person] = {}
        if not isinstance(raw, list):
            self.add(
                data.key_lines.get("persons", 1),
                "persons: must be a list of entries",
                "begin each entry with '  - key: ...'",
            )
            return persons
        for entry in raw:
            person = self.person(entry, groups)
            if person is None:
                continue
            if person.key in persons:
                first = persons[person.key]
                self.add(
                    person.line,
                    f"the key {person.key!r} is used twice (also line {first.line})",
                    "give each person a key of their own; merge the entries if they are one person",
                )
                continue
            persons[person.key] = person
        return dict(sorted(persons.items(), key=lambda kv: (sort_key(kv[1].name), kv[0])))

    def person(self, entry, groups) -> Person | None:
        if not isinstance(entry, Mapping):
            self.add(
                None,
                f"a register entry is not a mapping: {entry!r}",
                "write each entry as '- key: ...' with its fields",
            )
            return None
        line = entry.line
        bad = False
        for k in entry:
            if k not in PERSON_KEYS:
                self.add(
                    entry.key_lines[k],
                    f"unknown field {k!r} in the entry {entry.get('key', '?')!r}",
                    f"the fields of an entry are {', '.join(sorted(PERSON_KEYS))}",
                )
                bad = True
        for k in REQUIRED:
            if not entry.get(k):
                self.add(
                    line,
                    f"the entry {entry.get('key', '?')!r} has no {k}:",
                    f"add '{k}:' (see the comment at the top of {self.display})",
                )
                bad = True
        if bad:
            return None
        key = entry["key"]
        if not isinstance(key, str) or not KEY_FORMAT.match(key):
            self.add(
                entry.key_lines["key"],
                f"the key {key!r} is not lower-case letters, digits and hyphens",
                "write the key like 'ter-vaganian' or 'lurie-m'",
            )
            return None
        forms = self.strings(entry, "forms", key)
        variants = self.strings(entry, "variants", key) if "variants" in entry else ()
        for v in set(forms) & set(variants):
            self.add(
                entry.key_lines["variants"],
                f"{key}: {v!r} is given both as a form and as a variant",
                "keep it in one of the two lists",
            )
        for k in ("born", "died"):
            if k in entry and not isinstance(entry[k], (str, int)):
                self.add(
                    entry.key_lines[k],
                    f"{key}: {k} must be a year or a date as the book gives it",
                    f'write for example  {k}: "1883"',
                )
        kind = entry.get("kind")
        if kind is not None and kind not in KINDS:
            self.add(
                entry.key_lines["kind"],
                f"{key}: unknown kind {kind!r}",
                f"kind is one of {', '.join(sorted(KINDS))}, or left out",
            )
        source = self.place(entry["from"], entry.key_lines["from"], f"{key}: from")
        dates_from = None
        if "born" in entry or "died" in entry:
            if "dates_from" not in entry:
                self.add(
                    line,
                    f"{key}: life dates are given without dates_from:",
                    "say where the book or its notes give them, e.g.  dates_from: {note: 9}",
                )
            else:
                dates_from = self.place(entry["dates_from"], entry.key_lines["dates_from"], f"{key}: dates_from")
        memberships = {}
        raw_groups = entry.get("groups") or {}
        if not isinstance(raw_groups, dict):
            self.add(
                entry.key_lines["groups"],
                f"{key}: groups must be a mapping of group keys",
                "write for example  groups: {others-41: {number: 7}}",
            )
            raw_groups = {}
        for gkey, m in raw_groups.items():
            gline = entry.key_lines.get("groups", line)
            if gkey not in groups:
                self.add(
                    gline,
                    f"{key}: unknown group {gkey!r}",
                    f"use one of the groups defined at the top of {self.display}: {', '.join(groups)}",
                )
                continue
            m = m or {}
            if not isinstance(m, dict) or set(m) - MEMBERSHIP_KEYS:
                extra = sorted(set(m) - MEMBERSHIP_KEYS) if isinstance(m, dict) else []
                self.add(
                    gline,
                    f"{key}: the membership of {gkey!r} is malformed"
                    + (f" (unknown fields {', '.join(map(str, extra))})" if extra else ""),
                    f"give only {', '.join(sorted(MEMBERSHIP_KEYS))}; put text with commas in quotes",
                )
                continue
            if groups[gkey].parts and m.get("part") not in groups[gkey].parts:
                self.add(
                    gline,
                    f"{key}: group {gkey!r} needs part: one of {', '.join(groups[gkey].parts)}",
                    "say in which of the book's groups the person stands",
                )
                continue
            memberships[gkey] = Membership(gkey, m.get("number"), m.get("part"), m.get("sentence"), m.get("basis"))
        if source is None:
            return None
        return Person(
            key,
            str(entry["name"]),
            forms,
            variants,
            str(entry["about"]),
            source,
            str(entry["born"]) if "born" in entry else None,
            str(entry["died"]) if "died" in entry else None,
            dates_from,
            kind,
            entry.get("remark"),
            memberships,
            line,
            dict(entry.key_lines),
        )

    def strings(self, entry, field_name, key) -> tuple[str, ...]:
        value = entry.get(field_name)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            self.add(
                entry.key_lines.get(field_name, entry.line),
                f"{key}: {field_name} must be a list of names as printed",
                f'write for example  {field_name}: [Zinoviev, "Zinoviev, G.E."]',
            )
            return ()
        for v in {v for v in value if value.count(v) > 1}:
            self.add(entry.key_lines[field_name], f"{key}: {v!r} is listed twice in {field_name}", "list it once")
        return tuple(dict.fromkeys(value))

    def group_counts(self, groups, persons) -> None:
        """The book's counts of its lists, checked against the register: a list that does not add up is an error."""
        for g in groups.values():
            members = [(p, p.memberships[g.key]) for p in persons.values() if g.key in p.memberships]
            counted = len(members)
            where = _place_label(g.count_from) if g.count_from else "?"
            if counted != g.count and (g.complete or counted > g.count):
                self.add(
                    g.line,
                    f"the book counts {g.count} in {g.title!r} ({where}), the register has {counted}",
                    f"add 'groups: {{{g.key}: ...}}' to the missing entries or remove it from the extra ones",
                )
            for part in g.parts.values():
                n = sum(1 for _, m in members if m.part == part.key)
                if n != part.count:
                    self.add(
                        g.line,
                        f"the book counts {part.count} in {g.title!r}, {part.title!r}; the register has {n}",
                        f"correct 'part:' in the entries of {g.key}",
                    )
            scopes: dict = {}
            for p, m in members:
                if m.number is None:
                    if g.complete:
                        self.add(p.line, f"{p.key}: no number in {g.key!r}", "give the number the book prints")
                    continue
                scopes.setdefault(m.part, {}).setdefault(m.number, []).append(p.key)
            for part, numbers in scopes.items():
                for number, keys in numbers.items():
                    if len(keys) > 1:
                        self.add(
                            persons[keys[1]].line,
                            f"number {number} of {g.key!r} is given to {', '.join(keys)}",
                            "give each the number the book prints",
                        )
                if g.complete:
                    expected = g.parts[part].count if part else g.count
                    missing = sorted(set(range(1, expected + 1)) - set(numbers))
                    if missing and len(numbers) == expected:
                        self.add(
                            g.line,
                            f"{g.key!r}{' ' + part if part else ''}: the numbers {missing} are missing",
                            "give each member the number the book prints, from 1",
                        )

    # shared forms and the finder ------------------------------------------------------------------------
    def shared_forms(self, raw, data, persons) -> dict[str, _Rule]:
        owners: dict[str, list[str]] = {}
        for p in persons.values():
            for f in (*p.forms, *p.variants):
                owners.setdefault(f, []).append(p.key)
        rules: dict[str, _Rule] = {}
        if not isinstance(raw, list):
            self.add(
                data.key_lines.get("shared_forms", 1),
                "shared_forms: must be a list",
                "begin each rule with '- form: ...'",
            )
            raw = []
        for entry in raw:
            if not isinstance(entry, Mapping) or "form" not in entry or set(entry) - SHARED_KEYS:
                self.add(
                    getattr(entry, "line", None),
                    f"malformed rule under shared_forms: {dict(entry) if isinstance(entry, dict) else entry!r}",
                    "write  - form: X  with default: KEY and/or contexts: [{words: ..., person: KEY}], or all: true",
                )
                continue
            form, line = entry["form"], entry.line
            keys = owners.get(form, [])
            if len(keys) < 2:
                self.add(
                    line,
                    f"the rule for {form!r} concerns a form that {'only one person has' if keys else 'no person has'}",
                    "remove the rule, or list the form under each person it may name",
                )
                continue
            contexts = []
            for c in entry.get("contexts") or []:
                if not isinstance(c, dict) or set(c) != CONTEXT_KEYS or form not in str(c.get("words")):
                    self.add(
                        line,
                        f"a context of the rule for {form!r} is malformed: {c!r}",
                        f"write  {{words: words of the text that contain {form!r}, person: KEY}}",
                    )
                    continue
                if c["person"] not in keys:
                    self.add(
                        line,
                        f"the rule for {form!r} names {c['person']!r}, who does not have this form",
                        f"name one of {', '.join(keys)}",
                    )
                    continue
                contexts.append((c["words"], c["person"]))
            default = entry.get("default")
            if default is not None and default not in keys:
                self.add(
                    line,
                    f"the default of the rule for {form!r} is {default!r}, who does not have this form",
                    f"name one of {', '.join(keys)}",
                )
                default = None
            rules[form] = _Rule(form, default, contexts, bool(entry.get("all")), line)
        for form, keys in owners.items():
            if len(keys) > 1 and form not in rules:
                a, b = sorted((persons[k] for k in keys[:2]), key=lambda p: p.line_of(form))
                self.add(
                    b.line_of(form),
                    f"the form {form!r} is given for {a.key} (line {a.line_of(form)}) and "
                    f"{b.key} (line {b.line_of(form)}), "
                    "and no rule says which of them each occurrence names",
                    f"add under shared_forms:  - form: {form}  with  default: KEY  and/or  "
                    "contexts: [{words: ..., person: KEY}]",
                )
        self.owners = owners
        return rules

    def find(self, persons, groups, rules) -> Register:
        owners = self.owners
        pattern = finder(owners) if owners else None
        occurrences: dict[str, list[Occurrence]] = {}
        mentions: list[Mention] = []
        seen_forms: set[str] = set()
        used_contexts: set[tuple[str, str]] = set()
        ordinals: dict[tuple[str, str], int] = {}
        copytext = self.edition.copytext
        where = "source/red-book-part1.etol.txt"
        for seg in self.segments if pattern else []:
            stem, note, text = seg.page, seg.note, seg.text(copytext)
            for match in pattern.finditer(text):
                form = match.group("form")
                seen_forms.add(form)
                keys = self.resolve(form, match.start(), text, rules, owners, used_contexts)
                if keys is None:
                    if form not in rules:  # reported once, for the form, by shared_forms()
                        continue
                    line = line_of(copytext, seg.start + match.start())
                    self.problems.add(
                        where,
                        line,
                        f"the form {form!r} may name {' or '.join(owners[form])}, "
                        f"and no rule of {self.display} says which one it names here",
                        f"add under shared_forms, for {form!r}:  contexts: [{{words: <words around it>, "
                        "person: KEY}]  or a default",
                    )
                    continue
                made = []
                for key in keys:
                    ordinals[(stem, key)] = ordinals.get((stem, key), 0) + 1
                    made.append(Mention(key, stem, note, match.start(), match.end(), form, ordinals[(stem, key)]))
                mentions.extend(made)
                occurrences.setdefault(stem, []).append(
                    Occurrence(stem, note, match.start(), match.end(), form, tuple(made))
                )
        for rule in rules.values():
            for words, key in rule.contexts:
                if (words, key) not in used_contexts:
                    self.add(
                        rule.line,
                        f"the context {words!r} of the rule for {rule.form!r} matches nothing in the text",
                        "copy the words exactly from the text, including the form itself",
                    )
        register = Register(persons, groups, mentions, occurrences, owners, self.display)
        counts = {key: 0 for key in persons}
        for m in mentions:
            counts[m.key] += 1
        for p in persons.values():
            for f in (*p.forms, *p.variants):
                if f not in seen_forms:
                    self.add(
                        p.line_of(f),
                        f"{p.key}: the form {f!r} never occurs in the text or the notes",
                        "copy the form exactly as printed, or remove it",
                    )
            if counts[p.key] == 0:
                self.add(
                    p.line,
                    f"{p.key}: the text and the notes never name this person",
                    "remove the entry, or correct its forms to what the text prints",
                )
        return register

    @staticmethod
    def resolve(form, start, text, rules, owners, used) -> tuple[str, ...] | None:
        keys = owners[form]
        if len(keys) == 1:
            return (keys[0],)
        rule = rules.get(form)
        if rule is None:
            return None
        if rule.all:
            return tuple(keys)
        for words, key in rule.contexts:
            offset = words.index(form)
            at = start - offset
            if at >= 0 and text[at : at + len(words)] == words:
                used.add((words, key))
                return (key,)
        return (rule.default,) if rule.default else None
