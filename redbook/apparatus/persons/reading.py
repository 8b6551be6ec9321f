"""Reading data/persons.yml: each entry, group and rule checked as it is read, with its line."""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import Collector
from ...mapping import check_mapping
from ...passages import Passages, Place, Segment, finder, line_of, searchable, segments  # noqa: F401
from ...yamlsrc import Mapping
from .model import (  # noqa: F401
    CONTEXT_KEYS,
    GROUP_KEYS,
    KEY_FORMAT,
    KINDS,
    MEMBERSHIP_KEYS,
    PART_KEYS,
    PERSON_KEYS,
    REQUIRED,
    SHARED_KEYS,
    Group,
    Membership,
    Part,
    Person,
    _place_label,
    sort_key,
)


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
            check_mapping(entry, self.display, self.problems, f"the group {key!r}", GROUP_KEYS)  # unknown fields
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
        check_mapping(entry, self.display, self.problems, f"the entry {entry.get('key', '?')!r}", PERSON_KEYS)
        bad = bool(set(entry) - PERSON_KEYS)  # an entry with an unknown field is not read further
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
