"""The works the edition itself relies on (data/references.bib): encyclopedias, biographical dictionaries,
published trial records, histories. Distinct from data/sources.bib, the works the book cites.

Every statement of the edition's own that does not come from the book names one of these with a locator:

    evidence: {ref: wp-smirnov-in, at: "infobox; § Political life"}

(a list of such mappings where several works agree). `check(raw, ...)` validates such a value where any data
file gives it and returns Evidence; an unknown key, a missing locator or a malformed value fails the build with
the file, the line and the fix.

Each entry needs enough to find the work again: title, url, urldate (the day it was read, YYYY-MM-DD), year, and
one of author, editor, organization or publisher.

Issue 26: every entry says what kind of work it is (`kind = {primary | scholarly | reference | web}`), a copy says
so (`copy = {what the url serves}`), and may name its original (`copyof = {KEY}`: it then counts as KEY). The
support rule (redbook/apparatus/identifications.py) counts a primary work alone, or two works of different
families: every *.wikipedia.org is one family; otherwise a work's family is its organization, else its publisher,
else its authors (or editors).
A date, a manner of death or an office without support, or a reference without kind, fails the build with the
file, the line and the fix.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from redbook.bibfile import BibEntry, field_line, read_bib
from redbook.dates import month_name
from redbook.errors import Collector
from redbook.mapping import check_mapping
from redbook.yamlsrc import read_text

NAME = "references"
ORDER = 10  # before every part that cites them
REFERENCES = Path("data/references.bib")
INPUTS = (REFERENCES,)  # the files it reads; what it reads of the model is recorded (redbook/incremental.py)
REQUIRED = ("title", "url", "urldate", "year")
CREATORS = ("author", "editor", "organization", "publisher")
EVIDENCE_KEYS = frozenset({"ref", "at", "for"})
EVIDENCE_REQUIRED = frozenset({"ref", "at"})
# what `for:` of an evidence item may name (schema of issue 26): the dated fields it supports, and the name
EVIDENCE_FOR = frozenset({"born", "died", "sentenced", "death", "name"})
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KINDS = {
    "primary": "a record or document of the time",
    "scholarly": "a monograph, article, scholarly edition or biographical dictionary",
    "reference": "an encyclopedia or general reference work",
    "web": "another site",
}
WIKIPEDIA = "wikipedia.org"
COMMONS = "commons.wikimedia.org"


@dataclass(frozen=True)
class Reference:
    key: str
    line: int
    fields: dict
    persons: dict

    @property
    def creator(self) -> str:
        for role in ("author", "editor"):
            people = self.persons.get(role)
            if people:
                names = [f"{given} {family}".strip() for family, given in people]
                return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
        return self.fields.get("organization") or self.fields.get("publisher", "")

    def chicago(self) -> str:
        """A Chicago-style bibliography entry (notes and bibliography), as plain text."""
        title = self.fields["title"]
        quoted = f"“{_single_quotes(title)}{'' if title.endswith(('?', '!')) else '.'}”"
        authored = bool(self.persons.get("author") or self.persons.get("editor"))
        parts = [f"{self.creator}." if authored else "", quoted]
        site = self.fields.get("journal") or self.fields.get("howpublished") or ""
        if site:
            parts.append(f"{site}.")
        publisher = self.fields.get("publisher") or self.fields.get("organization")
        parts.append(f"{publisher}, {self.fields['year']}." if publisher else f"{self.fields['year']}.")
        parts.append(f"Accessed {_long_date(self.fields['urldate'])}. {self.fields['url']}.")
        return " ".join(p for p in parts if p)

    @property
    def kind(self) -> str | None:
        return self.fields.get("kind")

    @property
    def copy(self) -> str | None:
        return self.fields.get("copy")

    @property
    def copyof(self) -> str | None:
        return self.fields.get("copyof")

    @property
    def host(self) -> str:
        url = self.fields.get("url", "")
        return url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()

    @property
    def own_family(self) -> str:
        """The publisher family of this entry itself (see the module's docstring)."""
        host = self.host
        if host == WIKIPEDIA or host.endswith("." + WIKIPEDIA) or host == COMMONS:
            return "wikipedia"  # Wikimedia Commons: the same community and publisher as the Wikipedias
        named = " ".join(self.fields.get(n, "") for n in ("organization", "publisher")).lower()
        if "wikipedia" in named or "википедия" in named:
            return "wikipedia"  # a mirror that names Wikipedia as its publisher: a copy counts as its original
        for name in ("organization", "publisher"):
            if self.fields.get(name):
                return " ".join(self.fields[name].lower().split())
        for role in ("author", "editor"):
            people = self.persons.get(role)
            if people:
                return "; ".join(sorted(f"{family} {given}".lower().strip() for family, given in people))
        return f"entry {self.key}"


@dataclass(frozen=True)
class Evidence:
    ref: str
    at: str
    for_: tuple[str, ...] = ()  # `for: [born, died]`: the fields this item supports (empty: the name and about)


class References:
    def __init__(self, display: str, entries: dict[str, Reference]):
        self.display = display
        self.entries = entries
        self.cited: dict[str, int] = {}

    def check(self, raw, display: str, line: int | None, problems: Collector, what: str) -> tuple[Evidence, ...]:
        """The evidence `raw` gives for `what` (one mapping {ref, at} or a list of them), checked."""
        items = raw if isinstance(raw, list) else [raw]
        out = []
        for item in items:
            where = getattr(item, "line", None) or line
            if not check_mapping(item, display, problems, f"the evidence of {what}", EVIDENCE_KEYS, EVIDENCE_REQUIRED):
                continue
            key, at = str(item["ref"]), str(item["at"]).strip()
            if key not in self.entries:
                close = difflib.get_close_matches(key, list(self.entries), n=1)
                problems.add(
                    display,
                    getattr(item, "key_lines", {}).get("ref", where),
                    f"{what}: the reference {key!r} is not in {self.display}"
                    + (f" (did you mean {close[0]!r}?)" if close else ""),
                    f"add an entry @online{{{key}, ...}} to {self.display}, or use one of its keys",
                )
                continue
            fields = item.get("for", [])
            if isinstance(fields, str):
                fields = [fields]
            if not isinstance(fields, list) or not all(isinstance(f, str) and f in EVIDENCE_FOR for f in fields):
                problems.add(
                    display,
                    getattr(item, "key_lines", {}).get("for", where),
                    f"{what}: for: {item.get('for')!r} is not a list of {', '.join(sorted(EVIDENCE_FOR))}",
                    "write  for: [born, died]  naming the fields this item supports",
                )
                fields = []
            self.cited[key] = self.cited.get(key, 0) + 1
            out.append(Evidence(key, at, tuple(fields)))
        return tuple(out)

    def original(self, key: str) -> Reference:
        """The entry `key` counts as: its `copyof` (followed), else itself."""
        entry, seen = self.entries[key], {key}
        while entry.copyof and entry.copyof in self.entries and entry.copyof not in seen:
            seen.add(entry.copyof)
            entry = self.entries[entry.copyof]
        return entry

    def family(self, key: str) -> str:
        return self.original(key).own_family

    def is_primary(self, key: str) -> bool:
        return self.original(key).kind == "primary"

    def supported(self, evidence, name: str | None = None) -> bool:
        """The support rule: among `evidence` (those whose `for:` lists `name`, when `name` is given), one
        primary work, or two works of different families."""
        refs = [e.ref for e in evidence if e.ref in self.entries and (name is None or name in e.for_)]
        if any(self.is_primary(r) for r in refs):
            return True
        return len({self.family(r) for r in refs}) >= 2

    def records(self) -> list[dict]:
        return [
            {"key": r.key, "reference": r.chicago(), **{k: r.fields[k] for k in sorted(r.fields)}}
            for r in self.entries.values()
        ]


def load(edition, problems: Collector) -> References:
    display = REFERENCES.as_posix()
    path = edition.root / REFERENCES
    if not path.exists():
        problems.add(display, None, "the edition's references are missing", f"restore {display} (BibTeX)")
        return References(display, {})
    text = read_text(path, problems, display)
    entries = read_bib(text, display, problems) if text is not None else None
    found = {k: r for k, e in (entries or {}).items() if (r := _reference(e, text, display, problems))}
    for r in found.values():
        if r.copyof is not None and r.copyof not in found:
            problems.add(
                display,
                field_line(text, r.line, "copyof"),
                f"{r.key}: copyof names {r.copyof!r}, which is not an entry of {display}",
                "give the key of the entry of the original work (add it first), or remove copyof",
            )
        elif r.copyof == r.key:
            problems.add(display, field_line(text, r.line, "copyof"), f"{r.key}: copyof names itself", "remove copyof")
    return References(display, found)


def _reference(entry: BibEntry, text: str, display: str, problems: Collector) -> Reference | None:
    ok = True
    for name in REQUIRED:
        if not entry.fields.get(name):
            problems.add(
                display,
                entry.line,
                f"{entry.key}: the reference lacks the field {name!r}",
                "a reference needs title, url, urldate (the day it was read, YYYY-MM-DD), year and its author, "
                "editor, organization or publisher, so that a reader can find it again",
            )
            ok = False
    if not any(entry.fields.get(c) or entry.persons.get(c) for c in CREATORS):
        problems.add(
            display,
            entry.line,
            f"{entry.key}: the reference names no author, editor, organization or publisher",
            "add author = {...}, or organization = {...} for a work without a named author",
        )
        ok = False
    kind = entry.fields.get("kind")
    if kind is None:
        problems.add(
            display,
            entry.line,
            f"{entry.key}: the reference lacks the field 'kind'",
            "add  kind = {primary}  (a record of the time), {scholarly}, {reference} (an encyclopedia) or {web}",
        )  # the entry is still read, so that what cites it is not reported as citing nothing
    elif kind is not None and kind not in KINDS:
        problems.add(
            display,
            field_line(text, entry.line, "kind"),
            f"{entry.key}: unknown kind {kind!r}",
            "write kind = {primary}, {scholarly}, {reference} or {web} (CONTRIBUTING.md: the kinds of reference)",
        )
        ok = False
    date = entry.fields.get("urldate", "")
    if date and not (DATE.match(date) and _is_date(date)):
        problems.add(
            display,
            field_line(text, entry.line, "urldate"),
            f"{entry.key}: urldate {date!r} is not a day",
            "write the day the page was read as YYYY-MM-DD",
        )
        ok = False
    return Reference(entry.key, entry.line, entry.fields, entry.persons) if ok else None


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _long_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{month_name(day.month)} {day.day}, {day.year}"


def _single_quotes(title: str) -> str:
    """Chicago: double quotation marks inside a quoted title become single."""
    return title.replace("“", "‘").replace("”", "’").replace('"', "’")
