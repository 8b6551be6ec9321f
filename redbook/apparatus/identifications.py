"""The edition's identification of the persons of the register from reference works (data/identifications.yml).

data/persons.yml holds what the book says of each person, with its place in the book; this file holds what
reference works say, each statement with its evidence ({ref, at}, checked against data/references.bib). The two
are kept apart and cross-checked here:

- every key is a person of the register, and every person of the register has an entry (identified, or
  "not identified" after a search, or "not searched" yet);
- dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD" and a person is born before dying;
- a disagreement quotes the book's statement as data/persons.yml gives it (born/died: the same value;
  name/initials: words of one of the person's forms or variants; about: words of its about), so that the two
  files cannot drift apart;
- a spelling of the references is never a form the book itself prints (those belong to data/persons.yml).

API for the renderers (card, index, PDF index, downloads):
    ids = edition.apparatus["identifications"]
    ids.of(key)            the Identification of a person (None if the file lacks the person)
    ids.identified()       the Identifications with a name from a reference, in register order
    ids.unidentified()     the others ("not identified" and "not searched")
    ids.disagreements()    [(Identification, Disagreement)], the book's statement first in each
    ids.spellings()        [(spelling, key)]: the other standard spellings, for the search index
    ids.records()          one plain dict a person, for identifications.json / .csv (or merged into persons.json)
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import life_span, needs_style, span, split_date, valid_date, within
from ..errors import Collector
from ..mapping import check_mapping
from ..yamlsrc import Mapping, read_yaml

NAME = "identifications"
ORDER = 51  # after the persons (40), which it checks against, and the organisations (49), which the offices name
DATA = Path("data/identifications.yml")
ORGANISATIONS = "data/organisations.yml"  # the offices' org: keys
INPUTS = (DATA,)  # the files it reads; what it reads of the model is recorded (redbook/incremental.py)

IDENTIFIED = "identified"
NOT_IDENTIFIED = "not identified"
NOT_SEARCHED = "not searched"
STATUSES = frozenset({IDENTIFIED, NOT_IDENTIFIED, NOT_SEARCHED})

IDENTIFIED_KEYS = frozenset(
    {
        "status",
        "name",
        "born",
        "died",
        "about",
        "spellings",
        "evidence",
        "disagrees",
        "remark",
        # issue 26
        "calendar",
        "sentenced",
        "death",
        "offices",
        "single",
    }
)
IDENTIFIED_REQUIRED = frozenset({"name", "about", "evidence"})
UNIDENTIFIED_KEYS = frozenset({"status", "searched", "remark"})
DISAGREEMENT_KEYS = frozenset({"field", "book", "references", "remark", "evidence"})
DISAGREEMENT_FIELDS = frozenset({"born", "died", "name", "initials", "about"})
OFFICE_KEYS = frozenset({"held", "body", "org", "from", "to", "evidence", "single"})
OFFICE_REQUIRED = frozenset({"held", "body"})
DEATHS = ("natural", "executed", "killed", "suicide", "in-custody", "unknown")
GREGORIAN = "Gregorian"
SUPPORTED_FIELDS = ("born", "died", "sentenced", "death")  # each needs support (the support rule), as each office


@dataclass(frozen=True)
class Disagreement:
    field: str  # born, died, name, initials, about
    book: str  # the book's statement, as data/persons.yml gives it
    references: str  # what the references say
    remark: str
    evidence: tuple  # of references.Evidence
    line: int = 0


@dataclass(frozen=True)
class Office:
    held: str  # "chairman", "a secretary", "member"
    body: str  # as the sources name it at that date
    org: str | None = None  # a key of data/organisations.yml
    start: str | None = None  # from:
    end: str | None = None  # to:
    evidence: tuple = ()  # of references.Evidence
    single: str | None = None
    line: int = 0
    key_lines: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def dates(self) -> str:
        return span(self.start, self.end)

    def record(self) -> dict:
        return {
            "held": self.held,
            "body": self.body,
            "org": self.org,
            "from": self.start,
            "to": self.end,
            "evidence": [_evidence_record(e) for e in self.evidence],
            "single": self.single,
        }


def _evidence_record(e) -> dict:
    out = {"ref": e.ref, "at": e.at}
    if e.for_:
        out["for"] = list(e.for_)
    return out


@dataclass
class Identification:
    key: str
    status: str  # identified | not identified | not searched
    name: str | None = None
    born: str | None = None
    died: str | None = None
    about: str | None = None
    spellings: tuple[str, ...] = ()
    evidence: tuple = ()  # of references.Evidence
    disagrees: tuple[Disagreement, ...] = ()
    searched: tuple[str, ...] = ()
    remark: str | None = None
    line: int = 0
    key_lines: dict = field(default_factory=dict)
    # issue 26
    calendar: str | None = None  # "Gregorian": full days before 1918-02-14 need no O.S./N.S.
    sentenced: str | None = None  # the date of the sentence that ended the life
    death: str | None = None  # natural, executed, killed, suicide, in-custody, unknown
    offices: tuple = ()  # of Office
    single: dict = field(default_factory=dict)  # field -> "only one source found: ..."

    @property
    def identified(self) -> bool:
        return self.status == IDENTIFIED

    @property
    def dates(self) -> str:
        return life_span(self.born, self.died)

    def record(self) -> dict:
        return {
            "key": self.key,
            "status": self.status,
            "name": self.name,
            "born": self.born,
            "died": self.died,
            "about": self.about,
            "spellings": list(self.spellings),
            "calendar": self.calendar,
            "sentenced": self.sentenced,
            "death": self.death,
            "offices": [o.record() for o in self.offices],
            "single": dict(self.single),
            "evidence": [_evidence_record(e) for e in self.evidence],
            "disagreements": [
                {
                    "field": d.field,
                    "book": d.book,
                    "references": d.references,
                    "remark": d.remark,
                    "evidence": [{"ref": e.ref, "at": e.at} for e in d.evidence],
                }
                for d in self.disagrees
            ],
            "searched": list(self.searched),
            "remark": self.remark,
        }


class Identifications:
    def __init__(self, display: str, entries: dict[str, Identification]):
        self.display = display
        self.entries = entries  # person key -> Identification, in register order

    def of(self, key: str) -> Identification | None:
        return self.entries.get(key)

    def identified(self) -> list[Identification]:
        return [i for i in self.entries.values() if i.identified]

    def unidentified(self) -> list[Identification]:
        return [i for i in self.entries.values() if not i.identified]

    def disagreements(self) -> list[tuple[Identification, Disagreement]]:
        return [(i, d) for i in self.entries.values() for d in i.disagrees]

    def spellings(self) -> list[tuple[str, str]]:
        return [(s, i.key) for i in self.entries.values() for s in i.spellings]

    def records(self) -> list[dict]:
        return [i.record() for i in self.entries.values()]


# -- loading and checking ------------------------------------------------------------------------------
def load(edition, problems: Collector) -> Identifications:
    display = DATA.as_posix()
    empty = Identifications(display, {})
    register = edition.apparatus.get("persons")
    references = edition.apparatus.get("references")
    if register is None or references is None:
        return empty
    path = edition.root / DATA
    if not path.exists():
        problems.add(
            display,
            None,
            "the identifications of the persons are missing",
            f"create {display} with one entry a person of data/persons.yml (see its header)",
        )
        return empty
    data = read_yaml(path, problems, display)
    if data is None:
        return empty
    if not isinstance(data, Mapping):
        problems.add(
            display,
            1,
            "the identifications must be a mapping of person keys",
            "write one entry a person:  smirnov: {name: ..., about: ..., evidence: ...}",
        )
        return empty
    checker = _Checker(register, references, problems, display)
    found: dict[str, Identification] = {}
    for key, raw in data.items():
        line = data.key_lines.get(key, 1)
        if key not in register.persons:
            close = difflib.get_close_matches(str(key), list(register.persons), n=1)
            problems.add(
                display,
                line,
                f"{key!r} is not a person of data/persons.yml" + (f" (did you mean {close[0]!r}?)" if close else ""),
                "use the key of the person's entry in data/persons.yml",
            )
            continue
        item = checker.entry(str(key), raw, line)
        if item is not None:
            found[key] = item
    last = max(data.key_lines.values(), default=1)
    for key, person in register.persons.items():
        if key not in data:
            problems.add(
                display,
                last,
                f"the person {key!r} ({person.name}) has no entry",
                f"add  {key}: {{status: not searched}}  or, after a search, an identification "
                "or  {status: not identified, searched: [...]}",
            )
    ordered = Identifications(display, {k: found[k] for k in register.persons if k in found})
    check_offices(ordered, edition.apparatus.get("organisations"), problems)
    return ordered


def check_offices(identifications: Identifications, index, problems: Collector) -> None:
    """An office with `org: KEY` names an organisation of data/organisations.yml, and its from/to lie within the
    organisation's founded..dissolved (at the precision each gives)."""
    if index is None:
        return
    display = identifications.display
    for person in identifications.entries.values():
        for office in person.offices:
            if office.org is None:
                continue
            line = office.key_lines.get("org", office.line)
            org = index.entries.get(office.org)
            if org is None:
                problems.add(
                    display,
                    line,
                    f"{person.key}: the office {office.held!r} names org {office.org!r}, which is not a key of "
                    f"{index.path or ORGANISATIONS}",
                    "give the key of the organisation's entry, or leave org out",
                )
                continue
            for name, value in (("from", office.start), ("to", office.end)):
                if value and not within(value, org.founded, org.dissolved):
                    problems.add(
                        display,
                        office.key_lines.get(name, line),
                        f"{person.key}: the office {office.held!r} of {office.body!r} has {name} {value}, outside "
                        f"the dates of {office.org} (founded {org.founded or '?'}, dissolved {org.dissolved or '?'})",
                        "check the office's dates and the organisation's; a predecessor or successor body is an "
                        "entry of its own (org: its key), or leave org out",
                    )


class _Checker:
    def __init__(self, register, references, problems: Collector, display: str):
        self.register, self.references, self.problems, self.display = register, references, problems, display

    def add(self, line, what, fix):
        self.problems.add(self.display, line, what, fix)

    def entry(self, key: str, raw, line: int) -> Identification | None:
        what = f"the entry of {key!r}"
        status = raw.get("status", IDENTIFIED) if isinstance(raw, dict) else None
        if isinstance(raw, dict) and status not in STATUSES:
            self.add(
                raw.key_lines.get("status", line),
                f"{key}: unknown status {status!r}",
                f"write status: {NOT_IDENTIFIED!r} or {NOT_SEARCHED!r}, or leave it out for an identified person",
            )
            return None
        if status in (NOT_IDENTIFIED, NOT_SEARCHED):
            if not check_mapping(raw, self.display, self.problems, what, UNIDENTIFIED_KEYS, {"status"}):
                return None
            searched = self.strings(raw, "searched", key)
            if status == NOT_IDENTIFIED and not searched:
                self.add(
                    raw.key_lines.get("status", line),
                    f"{key}: 'not identified' without saying where it was searched",
                    "add  searched: [English Wikipedia, ...]  naming the works searched, or write status: not searched",
                )
            return Identification(
                key, status, searched=searched, remark=raw.get("remark"), line=line, key_lines=dict(raw.key_lines)
            )
        if not check_mapping(raw, self.display, self.problems, what, IDENTIFIED_KEYS, IDENTIFIED_REQUIRED):
            return None
        person = self.register.persons[key]
        lines = raw.key_lines
        born = self.date(raw, "born", key)
        died = self.date(raw, "died", key)
        sentenced = self.date(raw, "sentenced", key)
        calendar = raw.get("calendar")
        if calendar is not None and calendar != GREGORIAN:
            self.add(
                lines["calendar"],
                f"{key}: calendar {calendar!r}",
                f"write  calendar: {GREGORIAN}  for a person who lived where the Gregorian calendar was in use, "
                "or leave it out and give full days before 1918-02-14 with O.S. or N.S.",
            )
            calendar = None
        death = raw.get("death")
        if death is not None and death not in DEATHS:
            self.add(
                lines["death"],
                f"{key}: death {death!r} is not one of {', '.join(DEATHS)}",
                "write how the life ended as the sources give it, e.g.  death: executed  (or unknown)",
            )
            death = None
        single = self.single(raw, key)
        offices = tuple(o for o in self.offices(raw, key) if o is not None)
        if born and died and _after(born, died):
            self.add(lines["died"], f"{key}: died {died} before being born {born}", "check both dates in the reference")
        spellings = self.strings(raw, "spellings", key)
        printed = {*person.forms, *person.variants}
        for spelling in spellings:
            if spelling in printed:
                self.add(
                    lines["spellings"],
                    f"{key}: the spelling {spelling!r} is a form the book prints",
                    "leave it out: the book's forms belong to forms/variants in data/persons.yml; spellings "
                    "are the other standard spellings of the references",
                )
        evidence = self.references.check(raw["evidence"], self.display, lines["evidence"], self.problems, key)
        disagrees = tuple(d for d in self.disagreements(raw, key, person) if d is not None)
        item = Identification(
            key,
            IDENTIFIED,
            name=str(raw["name"]),
            born=born,
            died=died,
            about=str(raw["about"]),
            spellings=spellings,
            evidence=evidence,
            disagrees=disagrees,
            remark=raw.get("remark"),
            line=line,
            key_lines=dict(lines),
            calendar=calendar,
            sentenced=sentenced,
            death=death,
            offices=offices,
            single=single,
        )
        self.dated(item)
        return item

    def single(self, raw, key: str) -> dict:
        value = raw.get("single")
        if value is None:
            return {}
        if not isinstance(value, dict) or not all(
            k in SUPPORTED_FIELDS and isinstance(v, str) and v.strip() for k, v in value.items()
        ):
            self.add(
                raw.key_lines["single"],
                f"{key}: single must map {', '.join(SUPPORTED_FIELDS)} to a remark",
                'write  single: {born: "only one source found: KEY (searched: X, Y)"}',
            )
            return {}
        return {k: v.strip() for k, v in value.items()}

    def offices(self, raw, key: str):
        items = raw.get("offices")
        if items is None:
            return
        if not isinstance(items, list):
            self.add(raw.key_lines["offices"], f"{key}: offices must be a list", "begin each office with '- held: ...'")
            return
        for item in items:
            what = f"an office of {key!r}"
            if not check_mapping(item, self.display, self.problems, what, OFFICE_KEYS, OFFICE_REQUIRED):
                yield None
                continue
            lines = item.key_lines
            start, end = self.date(item, "from", key), self.date(item, "to", key)
            if start and end and _after(start, end):
                self.add(lines["to"], f"{key}: an office ends ({end}) before it begins ({start})", "check both dates")
            org = item.get("org")
            if org is not None and not isinstance(org, str):
                self.add(lines["org"], f"{key}: org must be a key of data/organisations.yml", "write  org: gpu")
                org = None
            evidence = ()
            if "evidence" in item:
                evidence = self.references.check(item["evidence"], self.display, lines["evidence"], self.problems, what)
            single = item.get("single")
            if single is not None and not (isinstance(single, str) and single.strip()):
                self.add(
                    lines["single"], f"{key}: an office's single must be a remark", 'write  single: "only one ..."'
                )
                single = None
            yield Office(
                str(item["held"]),
                str(item["body"]),
                org,
                start,
                end,
                evidence,
                single.strip() if single else None,
                item.line,
                dict(lines),
            )

    def dated(self, item: Identification) -> None:
        """The checks of issue 26 on the dates of an identified person: the sentence and the death, the calendar
        of full days before 1918-02-14, and the support of each date, the death and each office."""
        key, lines = item.key, item.key_lines
        if item.calendar != GREGORIAN:
            dated = [(n, getattr(item, n), lines.get(n)) for n in ("born", "died", "sentenced")]
            for office in item.offices:
                dated += [
                    (f"an office's {n}", v, office.key_lines.get(n))
                    for n, v in (("from", office.start), ("to", office.end))
                ]
            for name, value, line in dated:
                if value and needs_style(value):
                    self.add(
                        line,
                        f"{key}: {name} {value!r} is a full day before 1918-02-14 without O.S. or N.S.",
                        f'write "{value} O.S." (the Julian day, as the source gives it) or "{value} N.S." (converted '
                        "to the Gregorian; the O.S. day then in the remark), or  calendar: Gregorian  on the entry "
                        "for a person who lived where the Gregorian calendar was in use",
                    )
        for_died = any("died" in e.for_ for e in item.evidence)
        if (
            item.sentenced
            and item.died
            and item.death == "executed"
            and split_date(item.died)[0] == split_date(item.sentenced)[0]
            and not for_died
        ):
            self.add(
                lines.get("died"),
                f"{key}: died {item.died!r} is the day of the sentence, and no evidence gives it as the day of the "
                "execution",
                "died is the date of the execution: give the evidence that names that day  {ref: KEY, at: ..., "
                'for: [died]}, or leave died out and say so in the remark ("the date of execution is not given '
                'by ...")',
            )
        refs = self.references
        for name in SUPPORTED_FIELDS:
            if getattr(item, name) is None or name in item.single or refs.supported(item.evidence, name):
                continue
            self.add(
                lines.get(name),
                f"{key}: {name} {getattr(item, name)!r} is not supported: no primary work, and not two independent "
                f"works (all Wikipedias are one), among the evidence for: [{name}]",
                f"add  for: [{name}]  to the evidence that gives it, a second work of another publisher (or a record "
                f'of the time), or  single: {{{name}: "only one source found: KEY (searched: ...)"}}',
            )
        for office in item.offices:
            if office.single or refs.supported(office.evidence):
                continue
            self.add(
                office.line,
                f"{key}: the office {office.held!r} of {office.body!r} is not supported: no primary work, and not "
                "two independent works (all Wikipedias are one)",
                "give the office's evidence: a record of the time, or two works of different publishers, or "
                '  single: "only one source found: KEY; ..."',
            )

    def strings(self, raw, name: str, key: str) -> tuple[str, ...]:
        value = raw.get(name)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.add(
                raw.key_lines[name],
                f"{key}: {name} must be a list of words",
                f"write  {name}: [first, second]",
            )
            return ()
        return tuple(value)

    def date(self, raw, name: str, key: str) -> str | None:
        value = raw.get(name)
        if value is None:
            return None
        text = str(value) if isinstance(value, (str, int)) else value
        if isinstance(value, dt.date) or not isinstance(text, str) or not valid_date(text):
            self.add(
                raw.key_lines[name],
                f"{key}: {name} {value!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD (then O.S. or N.S.)",
                f'write the date as precisely as the reference gives it, in quotes: {name}: "1881-01" '
                f'(a full day before 1918-02-14: {name}: "1883-09-11 O.S.")',
            )
            return None
        return text

    def disagreements(self, raw, key: str, person):
        items = raw.get("disagrees")
        if items is None:
            return
        if not isinstance(items, list):
            self.add(
                raw.key_lines["disagrees"], f"{key}: disagrees must be a list", "begin each item with '- field: ...'"
            )
            return
        for item in items:
            what = f"a disagreement of {key!r}"
            if not check_mapping(item, self.display, self.problems, what, DISAGREEMENT_KEYS, DISAGREEMENT_KEYS):
                yield None
                continue
            line = item.line
            name, book = str(item["field"]), str(item["book"])
            if name not in DISAGREEMENT_FIELDS:
                self.add(
                    item.key_lines["field"],
                    f"{key}: a disagreement about {name!r}",
                    f"the field is one of {', '.join(sorted(DISAGREEMENT_FIELDS))}",
                )
                yield None
                continue
            said = _book_says(person, name)
            if not any(book == s if name in ("born", "died") else book in s for s in said):
                shown = " / ".join(repr(s) for s in said) or "nothing"
                self.add(
                    item.key_lines["book"],
                    f"{key}: the book's {name} is given as {book!r}, but data/persons.yml says {shown}",
                    "quote the book's statement exactly as data/persons.yml gives it (and correct data/persons.yml "
                    "only if it misquotes the book)",
                )
            evidence = self.references.check(item["evidence"], self.display, line, self.problems, what)
            yield Disagreement(name, book, str(item["references"]), str(item["remark"]), evidence, line)


def _book_says(person, name: str) -> list[str]:
    if name in ("born", "died"):
        value = getattr(person, name)
        return [value] if value else []
    if name == "about":
        return [person.about]
    return [*person.forms, *person.variants]


def _after(born: str, died: str) -> bool:
    """Whether `born` is certainly later than `died`, at the precision both give ("1936-05" is not after "1936")."""
    born, died = born.split(" ")[0], died.split(" ")[0]
    size = min(len(born), len(died))
    return born[:size] > died[:size]
