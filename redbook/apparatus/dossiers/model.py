"""The dossier numbers as the model holds them: dossiers, persons, statements of the record, and what the
renderers and downloads ask of them (see the package's docstring)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field

from redbook.dates import MONTHS

from ...passages import PhraseRef
from ...russian import russian_sorted, sort_key

NAME = "dossiers"
ORDER = 30  # before the register of persons, which may ask edition.generated_text()
PATH = "data/dossiers.yml"
INPUTS = (PATH,)  # the files it reads; what it reads of the model is recorded (redbook/incremental.py)

ROLES = ("defendant", "linked", "other")
KINDS = ("defendant", "linked", "collective")
SOURCES_FROM = ("record", "editors")

_TOP = {"numbers", "russian_witness", "persons", "dossiers", "unnumbered", "claim", "record"}
_PERSON = {"key", "name", "role", "russian", "russian_from", "russian_in_record"}
_DOSSIER = {"number", "kind", "person", "table", "printed", "linked_to", "depositions", "in", "quote", "reason"}
_STATEMENT = {"persons", "pages", "date", "until", "when", "what", "in", "quote"}


def _latin_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


# -- the data -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Grounds:
    """A place in the book and the words there that a fact rests on."""

    page: str  # stem of the page ("chapter-5"); for a note, the note's chapter
    note: int | None  # the note's number, or None for the running text
    phrases: tuple[str, ...]  # the book's words, exactly as the copy-text prints them
    path: str
    line: int

    @property
    def label(self) -> str:
        return f"note {self.note}" if self.note is not None else self.page

    @property
    def quote(self) -> str:
        return " … ".join(self.phrases)

    @property
    def key(self) -> str:
        """The key of the paragraph that holds the (first) phrase, for redbook/plugin/phrases.py."""
        digest = hashlib.sha1(f"{self.page}|{self.phrases[0]}".encode()).hexdigest()[:12]
        return f"phrase-{digest}"


@dataclass(frozen=True)
class DossierPerson:
    key: str
    name: str
    role: str
    russian: str | None
    russian_from: str | None
    russian_in_record: str | None
    line: int
    russian_line: int

    @property
    def surname(self) -> str:
        return self.name.split(",")[0]


@dataclass(frozen=True)
class Dossier:
    number: int
    kind: str
    person: str | None  # key
    table: int | None
    printed: str | None  # the name as the table of chapter 6 prints it
    linked_to: tuple[str, ...]
    depositions: tuple[str, ...]
    source: Grounds | None  # None for a table row: its source is the copy-text line
    reason: str | None  # why a number outside 1-highest is kept
    line: int

    @property
    def copytext_line(self) -> str | None:
        return f"{self.printed} {self.number}" if self.table else None


@dataclass(frozen=True)
class Slot:
    """One number of the sequence 1 .. highest and what the book says it is."""

    number: int
    status: str  # defendant, linked, collective, unaccounted
    dossier: Dossier | None


@dataclass(frozen=True)
class Date:
    month: int
    day: int | None

    @property
    def label(self) -> str:
        return MONTHS[self.month - 1] + (f" {self.day}" if self.day else "")

    def iso(self, year: int) -> str:
        return f"{year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    @property
    def order(self) -> tuple[int, int]:
        return (self.month, self.day or 0)


@dataclass(frozen=True)
class Statement:
    number: int  # its place in the data file, from 1
    persons: tuple[str, ...]
    pages: str | None
    date: Date | None
    until: Date | None
    when: str | None  # the book's wording of the date
    what: str
    source: Grounds
    line: int


@dataclass(frozen=True)
class Standing:
    """Where a defendant outside the first table would stand in the first table's Russian order."""

    person: DossierPerson
    dossier: Dossier | None
    after: Dossier | None  # the row of the first table just before it (None: before the first row)
    before: Dossier | None  # the row just after it (None: after the last row)
    free: tuple[int, ...]  # the numbers between the two that no dossier of the book holds
    # (after the last row: the run of such numbers that follows it)


@dataclass
class Dossiers:
    path: str
    highest: int
    highest_source: Grounds
    others: int  # the book's "other 18"
    others_source: Grounds
    witness: str
    persons: dict[str, DossierPerson]
    dossiers: dict[int, Dossier]
    unnumbered: list[tuple[DossierPerson, Grounds]]
    claim_table: int
    claim_source: Grounds
    claim_also: Grounds | None  # the claim said again (note 34)
    year: int
    year_source: Grounds
    statements: list[Statement]
    _by_person: dict[str, Dossier] = field(default_factory=dict)
    table_pages: dict[int, str] = field(default_factory=dict)  # table -> stem of the page that calls it

    def text_of_page(self, stem: str) -> str:
        """The words the tables put into a page of the reading text (see Edition.generated_text)."""
        return "\n".join(d.copytext_line for t, page in self.table_pages.items() if page == stem for d in self.table(t))

    # -- the two tables of chapter 6 ---------------------------------------------------------------
    def table(self, number: int) -> list[Dossier]:
        return sorted((d for d in self.dossiers.values() if d.table == number), key=lambda d: d.number)

    def tables(self) -> list[int]:
        return sorted({d.table for d in self.dossiers.values() if d.table})

    def dossier_of(self, key: str) -> Dossier | None:
        return self._by_person.get(key)

    def person(self, key: str) -> DossierPerson:
        return self.persons[key]

    # -- the sequence of numbers -------------------------------------------------------------------
    def slots(self) -> list[Slot]:
        return [
            Slot(n, self.dossiers[n].kind if n in self.dossiers else "unaccounted", self.dossiers.get(n))
            for n in range(1, self.highest + 1)
        ]

    def unaccounted(self) -> list[int]:
        return [s.number for s in self.slots() if s.status == "unaccounted"]

    def outside(self) -> list[Dossier]:
        """Numbers beyond 1 .. highest that the data keeps, each with its reason."""
        return [d for n, d in sorted(self.dossiers.items()) if not 1 <= n <= self.highest]

    def counts(self) -> dict[str, int]:
        slots = self.slots()
        result = {kind: sum(s.status == kind for s in slots) for kind in (*KINDS, "unaccounted")}
        result["people"] = len({d.person for d in self.dossiers.values() if d.person}) + len(self.unnumbered)
        result["book_others"] = self.highest - result["people"] - result["collective"]
        return result

    # -- the alphabetical argument -------------------------------------------------------------------
    def defendants(self) -> list[DossierPerson]:
        return [p for p in self.persons.values() if p.role == "defendant"]

    def russian_order(self) -> list[DossierPerson]:
        return russian_sorted(self.defendants(), key=lambda p: p.russian)

    def latin_order(self, table: int) -> list[Dossier]:
        return sorted(self.table(table), key=lambda d: _latin_key(d.printed))

    def would_stand(self) -> list[Standing]:
        rows = self.table(self.claim_table)
        inside = {d.person for d in rows}
        result = []
        for person in self.russian_order():
            if person.key in inside:
                continue
            key = sort_key(person.russian)
            earlier = [d for d in rows if sort_key(self.persons[d.person].russian) <= key]
            later = [d for d in rows if sort_key(self.persons[d.person].russian) > key]
            after, before = (earlier[-1] if earlier else None), (later[0] if later else None)
            free, n = [], (after.number if after else 0) + 1
            while n <= self.highest and n not in self.dossiers and (before is None or n < before.number):
                free.append(n)
                n += 1
            result.append(Standing(person, self.dossier_of(person.key), after, before, tuple(free)))
        return result

    # -- the record of the investigation -------------------------------------------------------------
    def timeline(self) -> list[Statement]:
        dated = [s for s in self.statements if s.date]
        return sorted(dated, key=lambda s: (s.date.order, s.number))

    # -- places in the reading text ------------------------------------------------------------------
    def sources(self) -> list[Grounds]:
        found = [self.highest_source, self.others_source, self.claim_source, self.year_source]
        found += [self.claim_also] if self.claim_also else []
        found += [d.source for d in self.dossiers.values() if d.source]
        found += [s for _, s in self.unnumbered] + [s.source for s in self.statements]
        return found

    def phrases(self) -> list[PhraseRef]:
        """The paragraphs of the running text this apparatus links to, found by the words it quotes."""
        refs = {}
        for src in self.sources():
            if src.note is None:
                refs[src.key] = PhraseRef(src.page, src.phrases[0], src.key, src.path, src.line)
        return list(refs.values())

    # -- the data for download -------------------------------------------------------------------------
    def rows(self) -> list[dict]:
        """One row a number from 1 to the highest (and any kept beyond it)."""
        numbers = list(range(1, self.highest + 1)) + [d.number for d in self.outside()]
        rows = []
        for n in numbers:
            d = self.dossiers.get(n)
            person = self.persons.get(d.person) if d and d.person else None
            rows.append(
                {
                    "number": n,
                    "status": d.kind if d else "unaccounted",
                    "person": person.key if person else "",
                    "name": person.name if person else "",
                    "russian": (person.russian or "") if person else "",
                    "russian_from": (person.russian_from or "") if person else "",
                    "table": d.table if d and d.table else "",
                    "printed": (d.printed or "") if d else "",
                    "linked_to": " ".join(d.linked_to) if d else "",
                    "depositions": " ".join(d.depositions) if d else "",
                    "source": (d.source.label if d.source else f"chapter-6, table {d.table}") if d else "",
                    "quote": (d.source.quote if d.source else d.copytext_line) if d else "",
                    "reason": (d.reason or "") if d else "",
                }
            )
        return rows

    def to_csv(self) -> str:
        out = io.StringIO()
        rows = self.rows()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()

    def to_json(self) -> str:
        def source(src: Grounds) -> dict:
            return {"place": src.label, "quote": list(src.phrases)}

        data = {
            "about": "Dossier numbers of the defendants of August 1936 and the record of the investigation, "
            "as L. Sedov, The Red Book on the Moscow Trials (1936), chapters 5 and 6, gives them.",
            "source_file": self.path,
            "highest": self.highest,
            "numbers": self.rows(),
            "unaccounted": self.unaccounted(),
            "counts": self.counts(),
            "book_others": {"value": self.others, **source(self.others_source)},
            "unnumbered": [{"person": p.key, "name": p.name, **source(s)} for p, s in self.unnumbered],
            "persons": [
                {
                    "key": p.key,
                    "name": p.name,
                    "role": p.role,
                    "russian": p.russian,
                    "russian_from": p.russian_from,
                    "russian_in_record": p.russian_in_record,
                }
                for p in self.persons.values()
            ],
            "russian_witness": self.witness,
            "russian_order": [p.key for p in self.russian_order()],
            "record": [
                {
                    "persons": list(s.persons),
                    "pages": s.pages,
                    "date": s.date.iso(self.year) if s.date else None,
                    "until": s.until.iso(self.year) if s.until else None,
                    "when": s.when,
                    "what": s.what,
                    **source(s.source),
                }
                for s in self.statements
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
