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

from ...errors import Collector
from ...yamlsrc import parse_yaml, read_text
from .checks import _check_against_copytext, _check_russian_order, _find_table_calls
from .model import (  # noqa: F401  the model's names, as redbook.apparatus.dossiers.X
    _TOP,
    INPUTS,
    KINDS,
    MONTHS,
    NAME,
    ORDER,
    PATH,
    ROLES,
    SOURCES_FROM,
    Date,
    Dossier,
    DossierPerson,
    Dossiers,
    Grounds,
    PhraseRef,
    Slot,
    Standing,
    Statement,
)
from .reading import _load_dossiers, _load_persons, _load_statements, _Reader


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
