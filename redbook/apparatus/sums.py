"""The author's counts and sums (data/sums.yml), recomputed from the register of persons.

Each sum is code over data: its terms count the register's lists (groups), persons, mentions, or take a
figure the book gives and the register cannot count. A sum that does not give the book's number must carry
an editorial observation, or the build stops; so does a sum whose terms name unknown lists or persons.

API: edition.apparatus["sums"] -> list[Sum]; each Sum has .terms (label, value, sign), .result, .book, .checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from redbook.mapping import check_mapping

from ..errors import Collector
from ..passages import segments_of
from ..yamlsrc import Mapping, read_yaml

NAME = "sums"
ORDER = 60
DATA = Path("data/sums.yml")
INPUTS = (DATA,)  # the files it reads; what it reads of the model is recorded (redbook/incremental.py)
KEYS = {"id", "page", "at", "book", "terms", "observation", "remark"}
TERM_KINDS = ("group", "count_of", "persons", "both", "difference", "mentioned", "figure", "sum")
TERM_KEYS = {*TERM_KINDS, "part", "words", "page", "label", "minus"}


@dataclass
class Term:
    label: str
    value: int
    sign: int = 1  # +1 or -1
    kind: str = ""
    ref: str | None = None  # the group, for a link to its roster
    keys: tuple[str, ...] = ()  # the persons counted, where the term counts persons


@dataclass
class Sum:
    ident: str
    page: str
    at: str
    book: int
    terms: list[Term] = field(default_factory=list)
    observation: str | None = None
    remark: str | None = None
    line: int = 0

    @property
    def result(self) -> int:
        return sum(t.sign * t.value for t in self.terms)

    @property
    def checks(self) -> bool:
        return self.result == self.book

    @property
    def anchor(self) -> str:
        return f"sum-{self.ident}"

    def formula(self) -> str:
        """The terms as arithmetic: "12 + 41 + 9 + 78 + 2 = 142"."""
        parts = []
        for i, t in enumerate(self.terms):
            parts.append(("− " if t.sign < 0 else ("+ " if i else "")) + str(t.value))
        return " ".join(parts) + f" = {self.result}"


def load(edition, problems: Collector) -> list[Sum]:
    display = DATA.as_posix()
    path = edition.root / DATA
    register = edition.apparatus.get("persons")
    if not path.exists() or register is None:
        return []
    data = read_yaml(path, problems, display)
    if data is None:
        return []
    if not isinstance(data, list):
        problems.add(display, 1, "data/sums.yml must be a list of sums", "begin each entry with '- id: ...'")
        return []
    bodies = {}
    for seg in segments_of(edition):
        if seg.note is None:
            bodies[seg.page] = bodies.get(seg.page, "") + seg.text(edition.copytext)
    done: dict[str, Sum] = {}
    for entry in data:
        item = _one(entry, edition, register, bodies, done, problems, display)
        if item is not None:
            done[item.ident] = item
    return list(done.values())


def _one(entry, edition, register, bodies, done, problems, display) -> Sum | None:
    def add(line, what, fix):
        problems.add(display, line, what, fix)

    if not isinstance(entry, Mapping):
        add(None, f"a sum is not a mapping: {entry!r}", "write each sum as '- id: ...' with its fields")
        return None
    line = entry.line
    check_mapping(entry, display, problems, f"the sum {entry.get('id', '?')!r}", KEYS)  # the rest is read on
    for k in ("id", "page", "at", "book", "terms"):
        if k not in entry:
            add(line, f"the sum {entry.get('id', '?')!r} has no {k}:", "see the comment at the top of the file")
            return None
    ident, page = str(entry["id"]), entry["page"]
    if ident in done:
        add(line, f"the id {ident!r} is used twice", "give each sum its own id")
        return None
    body = bodies.get(page)
    if body is None:
        add(entry.key_lines["page"], f"{ident}: {page!r} is not a page of the reading text", "write e.g. 'chapter-6'")
        return None
    if body.count(entry["at"]) != 1:
        add(
            entry.key_lines["at"],
            f"{ident}: the words {entry['at']!r} occur {body.count(entry['at'])} times in {page}, not once",
            "quote the words after which the check stands, exactly as printed and enough of them",
        )
        return None
    if not isinstance(entry["book"], int):
        add(entry.key_lines["book"], f"{ident}: book: must be the book's number", "write the number, e.g. 142")
        return None
    result = Sum(ident, page, entry["at"], entry["book"], [], entry.get("observation"), entry.get("remark"), line)
    for raw in entry["terms"] or []:
        term = _term(raw, ident, page, edition, register, bodies, done, line, add)
        if term is None:
            return None
        result.terms.append(term)
    if not result.terms:
        add(line, f"{ident}: no terms", "give at least one term")
        return None
    if not result.checks and not result.observation:
        add(
            line,
            f"{ident}: the book says {result.book}, the register gives {result.formula()}",
            "correct the register's lists (data/persons.yml) or the terms; if the book's sum really does not check, "
            "say so in an observation:",
        )
        return None
    return result


def _term(raw, ident, page, edition, register, bodies, done, line, add) -> Term | None:
    if not isinstance(raw, dict) or set(raw) - TERM_KEYS or sum(k in raw for k in TERM_KINDS) != 1:
        add(line, f"{ident}: a term is malformed: {raw!r}", f"give exactly one of {', '.join(TERM_KINDS)}")
        return None
    sign = -1 if raw.get("minus") else 1
    kind = next(k for k in TERM_KINDS if k in raw)
    value = raw[kind]
    label = raw.get("label")

    def group(key):
        if key not in register.groups:
            add(
                line, f"{ident}: unknown list {key!r}", f"use a group of data/persons.yml: {', '.join(register.groups)}"
            )
            return None
        return {p.key for p, _ in register.members(key)}

    if kind == "group":
        members = group(value)
        if members is None:
            return None
        if "part" in raw:
            members = {p.key for p, _ in register.members(value, raw["part"])}
        g = register.groups[value]
        title = g.title + (f", {g.parts[raw['part']].title.lower()}" if raw.get("part") in g.parts else "")
        return Term(label or title, len(members), sign, kind, value, tuple(sorted(members)))
    if kind == "count_of":
        if group(value) is None:
            return None
        return Term(label or register.groups[value].title, register.groups[value].count, sign, kind, value)
    if kind in ("persons", "both"):
        keys = list(value or [])
        known = register.persons if kind == "persons" else register.groups
        unknown = [k for k in keys if k not in known]
        if unknown:
            add(
                line,
                f"{ident}: unknown {'persons' if kind == 'persons' else 'lists'} {', '.join(map(str, unknown))}",
                "use keys of data/persons.yml",
            )
            return None
        if kind == "persons":
            return Term(
                label or ", ".join(register.person(k).name for k in keys), len(keys), sign, kind, None, tuple(keys)
            )
        sets = [group(k) for k in keys]
        common = set.intersection(*sets) if sets else set()
        return Term(
            label or " and ".join(register.groups[k].title for k in keys),
            len(common),
            sign,
            kind,
            None,
            tuple(sorted(common)),
        )
    if kind == "difference":
        base = group(value.get("group"))
        others = [group(k) for k in value.get("minus", [])]
        if base is None or any(o is None for o in others):
            return None
        rest = base.difference(*others)
        if "equals" in value:
            listed = group(value["equals"])
            if listed is None:
                return None
            if listed != rest:
                add(
                    line,
                    f"{ident}: the persons of {value['group']!r} on none of the other lists are "
                    f"{', '.join(sorted(rest))}, but the book's list {value['equals']!r} has {', '.join(sorted(listed))}",
                    "correct the lists of these persons in data/persons.yml",
                )
                return None
        return Term(label or "", len(rest), sign, kind, value.get("equals"), tuple(sorted(rest)))
    if kind == "mentioned":
        body = bodies[page]
        start, end = body.find(value.get("from", "")), body.find(value.get("to", ""))
        if start < 0 or end < 0 or end < start:
            add(
                line,
                f"{ident}: the words from:/to: do not both occur, in order, in {page}",
                "quote them exactly as printed",
            )
            return None
        end += len(value["to"])
        keys = {m.key for m in register.mentions_on(page) if m.note is None and start <= m.start and m.end <= end}
        keys -= set(value.get("except", []))
        return Term(label or "persons named", len(keys), sign, kind, None, tuple(sorted(keys)))
    if kind == "figure":
        where = raw.get("page", page)
        if where not in bodies or not raw.get("words") or raw["words"] not in bodies[where]:
            add(
                line,
                f"{ident}: the figure {value} is given with words that are not in {where}: {raw.get('words')!r}",
                "quote the words where the book gives the figure, exactly as printed",
            )
            return None
        return Term(label or f"the book’s figure ({raw['words']})", int(value), sign, kind)
    if kind == "sum":
        if value not in done:
            add(line, f"{ident}: the sum {value!r} is not defined before this one", "put it earlier in the file")
            return None
        return Term(label or value, done[value].result, sign, kind, value)
    return None
