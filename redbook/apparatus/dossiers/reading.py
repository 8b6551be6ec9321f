"""Reading data/dossiers.yml: each field checked as it is read, with its line."""

from __future__ import annotations

import re

from redbook.mapping import check_mapping

from ...errors import Collector
from ...russian import foreign_letters
from ...yamlsrc import Mapping
from .model import (  # noqa: F401
    _DOSSIER,
    _PERSON,
    _STATEMENT,
    KINDS,
    MONTHS,
    PATH,
    ROLES,
    SOURCES_FROM,
    Date,
    Dossier,
    DossierPerson,
    Grounds,
    Statement,
    _latin_key,
)

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
        check_mapping(item, PATH, self.problems, what, allowed)
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

    def source(self, item: Mapping, what: str, place_key: str = "in", quote_key: str = "quote") -> Grounds | None:
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
        return Grounds(page, int(match.group(1)) if match else None, tuple(phrases), PATH, line)

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


def _load_persons(r: _Reader, items) -> dict[str, DossierPerson]:
    persons: dict[str, DossierPerson] = {}
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
        persons[key] = DossierPerson(
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


def _load_dossiers(r: _Reader, items, persons: dict[str, DossierPerson], highest: int):
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


def _load_statements(r: _Reader, items, persons: dict[str, DossierPerson]) -> list[Statement]:
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
