"""The dossiers against the book: table rows as copy-text lines, the calls of the tables in the pages, the
Russian alphabetical order the book claims."""

from __future__ import annotations

import re

from ...russian import russian_sorted
from .model import (  # noqa: F401
    PATH,
    Dossiers,
)
from .reading import _Reader  # noqa: F401


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
