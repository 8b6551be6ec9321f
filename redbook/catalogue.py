"""What the edition offers for download (downloads/ of the site), and every field of every file described: the
catalogue that the downloads step writes from and the page "Open data" describes, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

FOLDER = "downloads"
PROVENANCE = "provenance.json"


@dataclass(frozen=True)
class Download:
    file: str  # name in downloads/
    title: str
    format: str  # JSON, CSV, BibTeX, CSL-JSON
    media_type: str
    part: str | None  # the apparatus part it needs, None for the core (notes, emendations)
    methods: tuple[str, ...]  # the part's method that gives the data, the first that exists ("to_csv")
    sources: tuple[str, ...]  # the edition's files it is made from
    about: str  # one sentence for the data dictionary


DOWNLOADS = (
    Download(
        "notes.json",
        "The book’s notes",
        "JSON",
        "application/json",
        None,
        (),
        ("footnotes/*.yml", "data/emendations.yml"),
        "Every note of the book with its own number, its chapter, its attribution (the author, L.S., or the "
        "later editors) and its text, as the copy-text prints it and as the edition reads it; and the numbers "
        "the book skips.",
    ),
    Download(
        "emendations.csv",
        "The register of emendations",
        "CSV",
        "text/csv",
        None,
        (),
        ("data/emendations.yml",),
        "Every intervention of the edition in the reading text: its place, the copy-text’s reading, the "
        "edition’s reading and the reason; one row an emendation.",
    ),
    Download(
        "persons.json",
        "The register of persons",
        "JSON",
        "application/json",
        "persons",
        ("to_json", "records"),
        ("data/persons.yml",),
        "The persons the book names, with the places where it names them.",
    ),
    Download(
        "persons.csv",
        "The register of persons",
        "CSV",
        "text/csv",
        "persons",
        ("to_csv", "records"),
        ("data/persons.yml",),
        "The persons the book names, one row a person.",
    ),
    Download(
        "dossiers.json",
        "The dossier numbers",
        "JSON",
        "application/json",
        "dossiers",
        ("to_json", "json"),
        ("data/dossiers.yml",),
        "The defendants’ dossier numbers and the record of the investigation, as chapters 5 and 6 of the "
        "book and its notes give them, each fact with its place in the book and the words it rests on.",
    ),
    Download(
        "dossiers.csv",
        "The dossier numbers",
        "CSV",
        "text/csv",
        "dossiers",
        ("to_csv", "csv"),
        ("data/dossiers.yml",),
        "One row a dossier number, from 1 to the highest the book gives.",
    ),
    Download(
        "sources.bib",
        "The sources",
        "BibTeX",
        "application/x-bibtex",
        "sources",
        ("to_bibtex", "bibtex"),
        ("data/sources.bib",),
        "The works the edition cites, as BibTeX.",
    ),
    Download(
        "sources.csl.json",
        "The sources",
        "CSL-JSON",
        "application/vnd.citationstyles.csl+json",
        "sources",
        ("to_csl_json", "csl_json"),
        ("data/sources.bib",),
        "The same works as CSL-JSON, for reference managers (Zotero, pandoc).",
    ),
)

# -- places and organisations (issue 16) ------------------------------------------------------------------------
DOWNLOADS = DOWNLOADS + (
    Download(
        "places.json",
        "The index of places",
        "JSON",
        "application/json",
        "places",
        ("records",),
        ("data/places.yml",),
        "The places the book names (countries, cities, regions, buildings), with their identification and every "
        "place where the book names them.",
    ),
    Download(
        "places.csv",
        "The index of places",
        "CSV",
        "text/csv",
        "places",
        ("records",),
        ("data/places.yml",),
        "The places the book names, one row a place.",
    ),
    Download(
        "organisations.json",
        "The index of organisations",
        "JSON",
        "application/json",
        "organisations",
        ("records",),
        ("data/organisations.yml",),
        "The organisations the book names (parties and their organs, police, courts, press, groups, and the "
        "groups the prosecution alleged), with their identification and every place where the book names them.",
    ),
    Download(
        "organisations.csv",
        "The index of organisations",
        "CSV",
        "text/csv",
        "organisations",
        ("records",),
        ("data/organisations.yml",),
        "The organisations the book names, one row an organisation.",
    ),
)

#: What each field of a file means: file -> {field: meaning}. JSON fields are named by their path
#: ("notes[].number"); CSV fields by their column. The tests check that every field of every file is here.
FIELDS: dict[str, dict[str, str]] = {
    "notes.json": {
        "edition": "The edition the file belongs to: title, author, version, date of the version, identifier.",
        "notes": "The book’s notes, in the order of their numbers.",
        "notes[].number": "The note’s number as the copy-text prints it ([17] is 17); never changed.",
        "notes[].page": "The page of the edition whose notes it closes (chapter-3 is chapter-3.html).",
        "notes[].chapter": "The number of that chapter.",
        "notes[].attribution": "author: signed (L.S.), Leon Sedov’s own note; editors: added by the book’s later "
        "editors (the copy-text does not name them).",
        "notes[].text": "The note as the copy-text prints it (Markdown: *italics*), before any emendation.",
        "notes[].reading": "The note as this edition reads it, with its emendations applied (plain text).",
        "notes[].emendations": "The numbers of the emendations in the note (E15), as in emendations.csv.",
        "notes[].calls": "How many places of the text call the note (more than one for a shared note).",
        "notes[].url": "The note in the web edition.",
        "notes[].links": "The note’s references to pages of the printed edition, as this edition resolves them.",
        "notes[].links[].words": "The words of the note that refer (page 27).",
        "notes[].links[].to": "The place of the web edition the editors take them to mean.",
        "notes[].links[].why": "The editors’ reason.",
        "gaps": "Numbers the book’s notes skip, with what the edition says of each.",
        "gaps[].number": "The skipped number.",
        "gaps[].page": "The page where it would stand.",
        "gaps[].comment": "The edition’s statement about it.",
    },
    "emendations.csv": {
        "id": "The emendation’s number in the register (E1, E2 ...), in the order of data/emendations.yml.",
        "kind": "correction (a changed word), deletion (a dropped character) or layout (a structure restored: "
        "a table, a list, a section break; the words do not change).",
        "page": "The page of the edition where it stands (chapter-3), for an emendation of the reading text.",
        "note": "The number of the note where it stands, for an emendation of a note.",
        "paragraph": "The numbered paragraph it stands in (3.6), as the web edition numbers them.",
        "copy": "The copy-text’s reading, exactly as printed (empty for layout).",
        "reading": "This edition’s reading (empty for a deletion of the whole of copy, and for layout).",
        "reason": "Why the edition intervenes (for layout: what was restored).",
        "url": "The place in the web edition.",
    },
    "persons.json": {
        "edition": "The edition the file belongs to: title, author, version, date of the version, identifier.",
        "persons": "One record a person the book names, in the order of the index, with the fields of persons.csv.",
    },
    "persons.csv": {
        "key": "A short, stable name of the person in the register (used in links, and in dossiers.csv).",
        "name": "The name as the index gives it (initials only where the book prints them).",
        "forms": "Every form the text prints for the person, as printed ('; ' between forms).",
        "variants": "Other spellings and misprints of the name, as printed.",
        "born": "Year of birth, only where the book or its notes give it.",
        "died": "Year of death, only where the book or its notes give it.",
        "identification": "A one-line identification drawn from the book or its notes.",
        "identification_source": "Where the identification comes from (a note, or a page and words of it).",
        "kind": "historical (a figure of earlier history the book compares with) or fictional; empty otherwise.",
        "remark": "A remark of this edition’s editors.",
        "groups": "The book’s lists the person stands in (group, the number the book gives, part, the sentence "
        "and its basis), as JSON.",
        "mentions": "How many times the reading text and the notes name the person.",
        "mentions_by_page": "The same count page by page, as JSON (chapter-3: 4).",
    },
    "dossiers.csv": {
        "number": "A dossier number, from 1 to the highest the book gives (38).",
        "status": "defendant, linked (a linked dossier, note 34), collective, or unaccounted (no dossier of the "
        "book accounts for the number).",
        "person": "The key of the person the dossier belongs to (as in persons.json where it exists).",
        "name": "The person’s name as the edition indexes it.",
        "russian": "The surname in Cyrillic, the key of the Russian alphabetical order (defendants only).",
        "russian_from": "record: as the Russian court record prints it; editors: the editors’ transliteration.",
        "table": "The table of chapter 6 the number stands in (1 or 2).",
        "printed": "The row as the copy-text prints it.",
        "linked_to": "The keys of the persons the dossier is linked with.",
        "depositions": "The keys of the persons whose depositions the dossier holds.",
        "source": "The place in the book the fact rests on.",
        "quote": "The words of the book it rests on, exactly as printed.",
        "reason": "The editors’ reasoning, where the number is inferred.",
    },
    "dossiers.json": {
        "about": "What the file holds.",
        "source_file": "The edition’s data file it is made from.",
        "highest": "The highest dossier number the book gives.",
        "numbers": "One record a number, with the fields of dossiers.csv.",
        "unaccounted": "The numbers no dossier of the book accounts for.",
        "counts": "How many numbers of each status.",
        "book_others": "The book’s own count of the numbers it cannot account for, with its place and words.",
        "unnumbered": "Persons of the trial without a dossier number in the book, with the place that says so.",
        "persons": "The persons the dossiers belong to or are linked with (key, name, role, Cyrillic surname "
        "and where it was read).",
        "russian_witness": "Where the Russian forms of the surnames were checked.",
        "russian_order": "The sixteen defendants in Russian alphabetical order (keys).",
        "record": "The record of the investigation: who testified, on which pages and on what date, with the "
        "place in the book and its words.",
    },
}


# -- places and organisations (issue 16) ------------------------------------------------------------------------
_NAMED_FIELDS = {
    "key": "A short, stable name of the entry (used in links: the mentions in the web edition are pl-KEY-N for a "
    "place, org-KEY-N for an organisation).",
    "name": "The name as the index gives it.",
    "kind": "What it is: for a place country, city, region, building or unidentified; for an organisation party, "
    "party-organ, state, police, court, army, press, international, group or association.",
    "forms": "Every form the text prints for it, exactly as printed ('; ' between forms).",
    "identification": "The identification, in the edition’s words; “not identified” where nothing was found.",
    "identified": "true where the edition identifies it, false where it could not.",
    "identification_source": "Where the book itself gives the identification (a note, or a page and words of it).",
    "evidence": "The works of the edition’s references (references.html) that give the identification, each with "
    "its locator, as JSON ({ref, at}); ref is the key of the work on the References page.",
    "remark": "A remark of this edition’s editors.",
    "mentions": "How many times the reading text and the notes name it.",
    "mentions_by_page": "The same count page by page, as JSON (chapter-3: 4).",
}
_ALLEGED_FIELDS = {
    "alleged": "true for a group named by the prosecution whose existence the book disputes.",
    "statement": "For an alleged group, the edition’s one statement of it: “named by the prosecution; the book "
    "argues that it did not exist”; empty otherwise.",
    "disputed_at": "For an alleged group, the place where the book argues that it did not exist.",
    "named_after": "The keys of the persons (persons.csv) whose names stand inside the organisation’s name.",
}
_MENTIONS_AT = {
    "mentions_at": "Every mention, in reading order, as JSON: the page, the note (for a mention in a note), the "
    "numbered paragraph and the address of the mention in the web edition.",
}
FIELDS = {
    **FIELDS,
    "places.json": {
        "edition": "The edition the file belongs to: title, author, version, date of the version, identifier.",
        "places": "One record a place, in the order of the index, with the fields of places.csv.",
    },
    "places.csv": {**_NAMED_FIELDS, **_MENTIONS_AT},
    "organisations.json": {
        "edition": "The edition the file belongs to: title, author, version, date of the version, identifier.",
        "organisations": "One record an organisation, in the order of the index, with the fields of organisations.csv.",
    },
    "organisations.csv": {**_NAMED_FIELDS, **_ALLEGED_FIELDS, **_MENTIONS_AT},
}


def available(edition: object) -> list[Download]:
    """The downloads this build writes: the core always, a part's files when the part and its method exist."""
    return [d for d in DOWNLOADS if d.part is None or method(edition, d) is not None]


def method(edition: object, download: Download) -> Callable | None:
    data = edition.apparatus.get(download.part)
    return next((getattr(data, m) for m in download.methods if callable(getattr(data, m, None))), None)
