"""The defendants' dossier numbers and the record of the investigation (data/dossiers.yml).

Loaded and checked with the rest of the edition: every fact must name its place in the book and quote
it, every table row must be a line of the copy-text, and the book's claim that the eleven numbers of the
first table of chapter 6 follow the Russian alphabetical order is tested on the Cyrillic surnames (see
redbook.russian). Everything the renderers, the PDF, the e-book and the downloads need is asked of the
`Dossiers` object this module returns as edition.apparatus["dossiers"]:

    data.table(1)            the rows of the first table of chapter 6 (Dossier objects, by number)
    data.slots()             every number from 1 to the highest, each a Slot (defendant, linked, collective,
                             unaccounted)
    data.unaccounted()       the numbers no dossier of the book accounts for
    data.russian_order()     the sixteen defendants in Russian alphabetical order
    data.latin_order(1)      the first table in Latin alphabetical order, for contrast
    data.would_stand()       where the defendants outside the first table would stand in the Russian order
    data.statements, data.timeline()   the record of the investigation (chapter 5, notes 31 and 35)
    data.rows(), data.to_csv(), data.to_json()   the data for download
    data.phrases()           the places in the reading text the apparatus links to (see redbook/plugin/phrases.py)
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field

from ..errors import Collector
from ..russian import foreign_letters, russian_sorted, sort_key
from ..yamlsrc import Mapping, parse_yaml, read_text

NAME = "dossiers"
ORDER = 30  # before the register of persons, which may ask edition.generated_text()
PATH = "data/dossiers.yml"

ROLES = ("defendant", "linked", "other")
KINDS = ("defendant", "linked", "collective")
SOURCES_FROM = ("record", "editors")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_TOP = {"numbers", "russian_witness", "persons", "dossiers", "unnumbered", "claim", "record"}
_PERSON = {"key", "name", "role", "russian", "russian_from", "russian_in_record"}
_DOSSIER = {"number", "kind", "person", "table", "printed", "linked_to", "depositions", "in", "quote", "reason"}
_STATEMENT = {"persons", "pages", "date", "until", "when", "what", "in", "quote"}


# -- the data -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
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
class PhraseRef:
    page: str
    phrase: str
    key: str
    path: str
    line: int


@dataclass(frozen=True)
class Person:
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
    source: Source | None  # None for a table row: its source is the copy-text line
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
    source: Source
    line: int


@dataclass(frozen=True)
class Standing:
    """Where a defendant outside the first table would stand in the first table's Russian order."""

    person: Person
    dossier: Dossier | None
    after: Dossier | None  # the row of the first table just before it (None: before the first row)
    before: Dossier | None  # the row just after it (None: after the last row)
    free: tuple[int, ...]  # the numbers between the two that no dossier of the book holds
    # (after the last row: the run of such numbers that follows it)


@dataclass
class Dossiers:
    path: str
    highest: int
    highest_source: Source
    others: int  # the book's "other 18"
    others_source: Source
    witness: str
    persons: dict[str, Person]
    dossiers: dict[int, Dossier]
    unnumbered: list[tuple[Person, Source]]
    claim_table: int
    claim_source: Source
    claim_also: Source | None  # the claim said again (note 34)
    year: int
    year_source: Source
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

    def person(self, key: str) -> Person:
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
    def defendants(self) -> list[Person]:
        return [p for p in self.persons.values() if p.role == "defendant"]

    def russian_order(self) -> list[Person]:
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
    def sources(self) -> list[Source]:
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
        def source(src: Source) -> dict:
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


def _latin_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


# -- loading and checking -----------------------------------------------------------------------------


class _Reader:
    def __init__(self, edition, problems: Collector):
        self.edition = edition
        self.problems = problems

    def add(self, line: int, what: str, fix: str) -> None:
        self.problems.add(PATH, line, what, fix)

    def fields(self, item, allowed: set[str], what: str) -> bool:
        if not isinstance(item, Mapping):
            self.add(getattr(item, "line", 1), f"{what} is not a set of fields", "write 'key: value' lines under it")
            return False
        for key in item:
            if key not in allowed:
                self.add(
                    item.key_lines[key],
                    f"unknown field {key!r} in {what}",
                    f"use only {', '.join(sorted(allowed))}; check the spelling",
                )
        return True

    def text(self, item: Mapping, key: str, what: str, *, required: bool = True) -> str | None:
        value = item.get(key)
        if value is None:
            if required:
                self.add(item.line, f"{what} has no {key!r}", f"add '{key}: ...'")
            return None
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            self.add(item.key_lines[key], f"{what}: {key!r} must be text", "put the value in quotes")
            return None
        return str(value)

    def source(self, item: Mapping, what: str, place_key: str = "in", quote_key: str = "quote") -> Source | None:
        place, quote = item.get(place_key), item.get(quote_key)
        line = item.key_lines.get(quote_key, item.line)
        if place is None or quote is None:
            self.add(
                item.line,
                f"{what} does not say where the book gives it",
                f"add '{place_key}: chapter-5' (or 'note 34') and '{quote_key}:' with the book's words",
            )
            return None
        phrases = [quote] if isinstance(quote, str) else quote
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p for p in phrases):
            self.add(
                line,
                f"{what}: {quote_key!r} must be the book's words, or a list of them",
                "copy the words exactly from the copy-text, in quotes if they contain ': '",
            )
            return None
        edition = self.edition
        match = re.fullmatch(r"note (\d+)", str(place))
        if match:
            number = int(match.group(1))
            note = edition.notes.get(number)
            if note is None:
                self.add(
                    item.key_lines[place_key],
                    f"{what}: there is no note {number}",
                    "give the number of a note of footnotes/",
                )
                return None
            texts, where, page = [note.text], f"note {number}", note.page
        else:
            page_obj = edition.pages.get(str(place))
            if page_obj is None or not page_obj.is_reading_text:
                self.add(
                    item.key_lines[place_key],
                    f"{what}: {place!r} is not a page of the reading text",
                    "write 'in: chapter-5' (a file of docs/ without .md) or 'in: note 34'",
                )
                return None
            texts, where, page = [page_obj.body], page_obj.path, page_obj.stem
        for phrase in phrases:
            if not any(phrase in t for t in texts):
                self.add(
                    line,
                    f"{what}: the words {phrase!r} are not in {where}",
                    "copy the words exactly as the copy-text prints them (curly quotes and dashes included)",
                )
                return None
        return Source(page, int(match.group(1)) if match else None, tuple(phrases), PATH, line)

    def integer(self, item: Mapping, key: str, what: str) -> int | None:
        value = item.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            self.add(
                item.key_lines.get(key, item.line),
                f"{what}: {key!r} must be a whole number, not {value!r}",
                f"write '{key}: 12'",
            )
            return None
        return value

    def keys(self, item: Mapping, key: str, persons: dict, what: str) -> tuple[str, ...]:
        value = item.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.add(item.key_lines[key], f"{what}: {key!r} must be a list of person keys", f"write '{key}: [bakaev]'")
            return ()
        for k in value:
            if k not in persons:
                self.add(
                    item.key_lines[key],
                    f"{what}: unknown person key {k!r}",
                    f"use a key listed under 'persons:' ({', '.join(list(persons)[:4])} ...) or add the person there",
                )
        return tuple(str(k) for k in value)

    def date(self, item: Mapping, key: str, what: str) -> Date | None:
        value = item.get(key)
        if value is None:
            return None
        match = re.fullmatch(r"([A-Z][a-z]+)(?: (\d{1,2}))?", str(value))
        if not match or match.group(1) not in MONTHS or (match.group(2) and not 1 <= int(match.group(2)) <= 31):
            self.add(
                item.key_lines[key],
                f"{what}: {key!r} must be a month or a month and day, not {value!r}",
                f"write '{key}: May 9' or '{key}: January', as the book gives it",
            )
            return None
        return Date(MONTHS.index(match.group(1)) + 1, int(match.group(2)) if match.group(2) else None)


def load(edition, problems: Collector) -> Dossiers | None:
    path = edition.root / PATH
    if not path.exists():
        return None
    text = read_text(path, problems, PATH)
    data = parse_yaml(text, problems, PATH) if text is not None else None
    if data is None:
        return None
    r = _Reader(edition, problems)
    if not r.fields(data, _TOP, "the dossiers file"):
        return None
    missing = [k for k in ("numbers", "persons", "dossiers", "claim", "record") if k not in data]
    if missing:
        r.add(1, f"the dossiers file has no {', '.join(missing)}", "see the comments at the head of the file")
        return None

    numbers = data["numbers"]
    if not r.fields(numbers, {"highest", "in", "quote", "others", "others_quote"}, "'numbers'"):
        return None
    highest = r.integer(numbers, "highest", "'numbers'")
    others = r.integer(numbers, "others", "'numbers'")
    highest_source = r.source(numbers, "'numbers: highest'")
    others_source = r.source(numbers, "'numbers: others'", quote_key="others_quote")
    if highest is not None and highest_source and str(highest) not in highest_source.quote:
        r.add(
            numbers.key_lines["highest"],
            f"'highest: {highest}' is not in the words quoted for it",
            "quote the book's words that give the number",
        )
    if others is not None and others_source and str(others) not in others_source.quote:
        r.add(
            numbers.key_lines["others"],
            f"'others: {others}' is not in the words quoted for it",
            "quote the book's words that give the number",
        )

    persons = _load_persons(r, data["persons"])
    dossiers, by_person = _load_dossiers(r, data["dossiers"], persons, highest or 0)
    unnumbered = []
    for item in data.get("unnumbered") or []:
        if not r.fields(item, {"person", "in", "quote"}, "an entry of 'unnumbered'"):
            continue
        key = r.text(item, "person", "an entry of 'unnumbered'")
        src = r.source(item, f"unnumbered {key}")
        if key not in persons:
            r.add(
                item.key_lines.get("person", item.line),
                f"unknown person key {key!r} in 'unnumbered'",
                "use a key listed under 'persons:'",
            )
        elif key in by_person:
            r.add(
                item.line,
                f"{key} is unnumbered but also has dossier {by_person[key].number}",
                "remove one of the two entries",
            )
        elif src:
            unnumbered.append((persons[key], src))

    claim = data["claim"]
    claim_source = claim_table = None
    claim_also = None
    if r.fields(claim, {"table", "in", "quote", "see", "see_quote"}, "'claim'"):
        claim_table = r.integer(claim, "table", "'claim'")
        claim_source = r.source(claim, "'claim'")
        if "see" in claim:
            claim_also = r.source(claim, "'claim: see'", "see", "see_quote")

    record = data["record"]
    statements, year, year_source = [], None, None
    if r.fields(record, {"year", "year_in", "year_quote", "statements"}, "'record'"):
        year = r.integer(record, "year", "'record'")
        year_source = r.source(record, "'record: year'", "year_in", "year_quote")
        if year is not None and year_source and str(year) not in year_source.quote:
            r.add(
                record.key_lines["year"],
                f"'year: {year}' is not in the words quoted for it",
                "quote the book's words that give the year",
            )
        statements = _load_statements(r, record.get("statements") or [], persons)

    if None in (highest, others, highest_source, others_source, claim_source, year, year_source):
        return None
    result = Dossiers(
        PATH,
        highest,
        highest_source,
        others,
        others_source,
        str(data.get("russian_witness", "")),
        persons,
        dossiers,
        unnumbered,
        claim_table,
        claim_source,
        claim_also,
        year,
        year_source,
        statements,
        by_person,
    )
    _check_against_copytext(r, result, edition.copytext)
    _find_table_calls(r, result, edition)
    _check_russian_order(r, result)
    return result  # also when there are problems (the build stops): the tables' words are still known


def _load_persons(r: _Reader, items) -> dict[str, Person]:
    persons: dict[str, Person] = {}
    if not isinstance(items, list):
        r.add(1, "'persons' must be a list", "write '- key: bakaev' and its fields under 'persons:'")
        return persons
    for item in items:
        if not r.fields(item, _PERSON, "a person"):
            continue
        key = r.text(item, "key", "a person")
        name = r.text(item, "name", f"person {key}")
        role = item.get("role")
        if key is None or name is None:
            continue
        if key in persons:
            r.add(
                item.key_lines["key"],
                f"person key {key!r} is used twice (also line {persons[key].line})",
                "give each person one entry and a key of its own",
            )
            continue
        if role not in ROLES:
            r.add(
                item.key_lines.get("role", item.line),
                f"person {key}: role must be one of {', '.join(ROLES)}",
                "defendant: one of the sixteen; linked: a linked dossier of note 34; other: anyone else",
            )
            continue
        russian = item.get("russian")
        russian_line = item.key_lines.get("russian", item.line)
        if russian is not None:
            bad = foreign_letters(str(russian))
            if bad:
                r.add(
                    russian_line,
                    f"person {key}: the Russian form {russian!r} has letters that are not Cyrillic "
                    f"({', '.join(map(repr, bad))})",
                    "type the surname in Cyrillic letters only (a Latin letter can look the same)",
                )
                russian = None
            elif item.get("russian_from") not in SOURCES_FROM:
                r.add(
                    russian_line,
                    f"person {key}: say where the Russian form comes from",
                    "add 'russian_from: record' (as the Russian record prints it, quoted in 'russian_in_record') "
                    "or 'russian_from: editors' (the editors' transliteration)",
                )
            elif item["russian_from"] == "record" and not item.get("russian_in_record"):
                r.add(
                    russian_line,
                    f"person {key}: 'russian_from: record' needs 'russian_in_record'",
                    "quote the name exactly as the record prints it (the case it stands in included)",
                )
        persons[key] = Person(
            key,
            name,
            role,
            str(russian) if russian else None,
            item.get("russian_from"),
            item.get("russian_in_record"),
            item.line,
            russian_line,
        )
    return persons


def _load_dossiers(r: _Reader, items, persons: dict[str, Person], highest: int):
    dossiers: dict[int, Dossier] = {}
    by_person: dict[str, Dossier] = {}
    if not isinstance(items, list):
        r.add(1, "'dossiers' must be a list", "write '- number: 1' and its fields under 'dossiers:'")
        return dossiers, by_person
    for item in items:
        if not r.fields(item, _DOSSIER, "a dossier"):
            continue
        number = r.integer(item, "number", "a dossier")
        if number is None:
            continue
        what = f"dossier {number}"
        kind = item.get("kind")
        if kind not in KINDS:
            r.add(
                item.key_lines.get("kind", item.line),
                f"{what}: kind must be one of {', '.join(KINDS)}",
                "defendant: a defendant's own dossier; linked: one of note 34's linked dossiers; "
                "collective: dossier 31",
            )
            continue
        if number in dossiers:
            r.add(
                item.key_lines["number"],
                f"dossier number {number} is given twice (also line {dossiers[number].line})",
                "the book gives each number once: correct the number against the copy-text",
            )
            continue
        reason = item.get("reason")
        if highest and not 1 <= number <= highest and not reason:
            r.add(
                item.key_lines["number"],
                f"dossier number {number} is outside the book's 1-{highest}",
                "correct the number against the copy-text; if a source gives it, add 'reason:' saying which",
            )
            continue
        person = item.get("person")
        if kind != "collective":
            if person is None:
                r.add(item.line, f"{what} names no person", "add 'person: key' with a key listed under 'persons:'")
                continue
            if person not in persons:
                r.add(
                    item.key_lines["person"],
                    f"{what}: unknown person key {person!r}",
                    "use a key listed under 'persons:' or add the person there",
                )
                continue
            if person in by_person:
                r.add(
                    item.key_lines["person"],
                    f"{what}: {person} already has dossier {by_person[person].number} (line {by_person[person].line})",
                    "one person, one number: correct the number or the person",
                )
                continue
            expected = "defendant" if kind == "defendant" else "linked"
            if persons[person].role != expected:
                r.add(
                    item.key_lines["person"],
                    f"{what}: {person} is a {persons[person].role}, not a {expected}",
                    "correct 'kind' or the person's 'role'",
                )
        table = item.get("table")
        printed = item.get("printed")
        source = None
        if table is not None:
            if table not in (1, 2) or not printed:
                r.add(
                    item.key_lines["table"],
                    f"{what}: a table row needs 'table: 1' or 'table: 2' and 'printed'",
                    "give the table of chapter 6 it stands in and the name exactly as the table prints it",
                )
                continue
        else:
            source = r.source(item, what)
            if source is None:
                continue
        linked_to = r.keys(item, "linked_to", persons, what) if "linked_to" in item else ()
        depositions = r.keys(item, "depositions", persons, what) if "depositions" in item else ()
        if kind == "linked" and not linked_to:
            r.add(item.line, f"{what} is linked but says to whom", "add 'linked_to: [key]' as note 34 gives it")
        dossier = Dossier(
            number,
            kind,
            person if kind != "collective" else None,
            table,
            str(printed) if printed else None,
            linked_to,
            depositions,
            source,
            str(reason) if reason else None,
            item.line,
        )
        dossiers[number] = dossier
        if dossier.person:
            by_person[dossier.person] = dossier
    return dict(sorted(dossiers.items())), by_person


def _load_statements(r: _Reader, items, persons: dict[str, Person]) -> list[Statement]:
    result = []
    for number, item in enumerate(items, start=1):
        what = f"statement {number} of the record"
        if not r.fields(item, _STATEMENT, what):
            continue
        keys = r.keys(item, "persons", persons, what)
        if not keys:
            r.add(item.line, f"{what} names no person", "add 'persons: [key]'")
            continue
        pages = item.get("pages")
        if pages is not None and not re.fullmatch(r"\d+(-\d+)?", str(pages)):
            r.add(
                item.key_lines["pages"],
                f"{what}: pages must be '142' or '243-244', not {pages!r}",
                "give the pages of the record as the book cites them",
            )
            continue
        date, until = r.date(item, "date", what), r.date(item, "until", what)
        if until and not date:
            r.add(item.key_lines["until"], f"{what}: 'until' without 'date'", "give the period's start as 'date'")
        description = r.text(item, "what", what)
        source = r.source(item, what)
        if source and description is not None:
            result.append(
                Statement(
                    number,
                    keys,
                    str(pages) if pages is not None else None,
                    date,
                    until,
                    item.get("when"),
                    description,
                    source,
                    item.line,
                )
            )
    return result


def _check_against_copytext(r: _Reader, data: Dossiers, copytext: str) -> None:
    """Each table row is a line of the copy-text, and each table's rows stand there in the order of their numbers."""
    lines = copytext.split("\n")
    for table in data.tables():
        positions = []
        for dossier in data.table(table):
            wanted = dossier.copytext_line
            hits = [i for i, line in enumerate(lines) if line.strip() == wanted]
            if not hits:
                r.add(
                    dossier.line,
                    f"dossier {dossier.number}: the copy-text has no line {wanted!r}",
                    "the table rows of chapter 6 are 'name number' lines of the copy-text: "
                    "correct 'printed' or 'number' against it",
                )
                continue
            positions.append((hits[0], dossier))
        for (a, da), (b, db) in zip(positions, positions[1:]):
            if b < a:
                r.add(
                    db.line,
                    f"table {table}: dossier {db.number} comes before dossier {da.number} in the copy-text",
                    "the rows of a table are shown in the order of their numbers, as the book prints them: "
                    "correct the numbers against the copy-text",
                )


#: The call that puts a table of dossiers into a page: {{ dossier_table(1) }}
TABLE_CALL = re.compile(r"\{\{\s*dossier_table\(\s*(\d+)\s*\)\s*\}\}")


def _find_table_calls(r: _Reader, data: Dossiers, edition) -> None:
    """Every table of the data is called once from the reading text, and every call names a table of the data."""
    tables = set(data.tables())
    for page in edition.reading_pages():
        for match in TABLE_CALL.finditer(page.body):
            number = int(match.group(1))
            line = page.line_of(match.start())
            if number not in tables:
                edition_problem = f"dossier_table({number}) names a table that {PATH} does not have"
                r.problems.add(
                    page.path,
                    line,
                    edition_problem,
                    f"use one of {sorted(tables)}, the 'table:' values of the dossiers",
                )
            elif number in data.table_pages:
                r.problems.add(
                    page.path,
                    line,
                    f"dossier_table({number}) is called twice",
                    "a table of the book stands once in the text: remove one of the calls",
                )
            else:
                data.table_pages[number] = page.stem
    for number in sorted(tables - set(data.table_pages)):
        first = data.table(number)[0]
        r.add(
            first.line,
            f"table {number} of the dossiers is called from no page of the reading text",
            f"put {{{{ dossier_table({number}) }}}} where the copy-text prints the table",
        )


def _check_russian_order(r: _Reader, data: Dossiers) -> None:
    """The book's claim: the first table's numbers follow the Russian alphabetical order of the surnames."""
    needs = [p for p in data.defendants()]
    missing = [p for p in needs if not p.russian]
    for person in missing:
        r.add(
            person.line,
            f"person {person.key} has no Cyrillic surname ('russian'), which the check of the "
            "Russian alphabetical order needs",
            "add 'russian:' with the surname as the Russian record spells it, and 'russian_from:'",
        )
    if missing:
        return
    rows = data.table(data.claim_table)
    in_order = russian_sorted(rows, key=lambda d: data.persons[d.person].russian)
    for by_number, by_alphabet in zip(rows, in_order):
        if by_number is not by_alphabet:
            a, b = data.persons[by_alphabet.person], data.persons[by_number.person]
            r.add(
                b.russian_line,
                f"the data contradicts the book's claim that the numbers of table {data.claim_table} are in Russian "
                f"alphabetical order: {a.russian} (dossier {by_alphabet.number}) sorts before {b.russian} "
                f"(dossier {by_number.number})",
                f"check the Cyrillic surnames of {a.key} and {b.key} against the Russian record, and the numbers "
                f"against the copy-text; the claim is quoted at line {data.claim_source.line}",
            )
            return
