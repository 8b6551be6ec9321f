"""What the edition offers for download (downloads/ of the site), and every field of every file described: the
catalogue that the downloads step writes from and the page "Open data" describes, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

FOLDER = "downloads"
PROVENANCE = "provenance.json"
TEI_FILE = "red-book.tei.xml"  # written by redbook/downloads/tei.py


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
    Download(
        TEI_FILE,
        "The whole edition",
        "TEI P5 XML",
        "application/tei+xml",
        None,
        (),
        ("source/red-book-part1.etol.txt", "docs/*.md", "footnotes/*.yml", "data/*"),
        "The reading text with its paragraph numbers, the book’s notes with their attribution, the emendations "
        "(the copy-text’s reading and the edition’s), the persons named, the sources cited, and a header with "
        "the provenance, the editorial principles and the licences: for TEI tools (TEI Publisher, EVT).",
    ),
    # -- issue 15: the edition's commentary --
    Download(
        "commentary.json",
        "The edition’s commentary",
        "JSON",
        "application/json",
        "commentary",
        ("records",),
        ("data/commentary.yml", "data/references.bib"),
        "The edition’s remarks on statements of the text and of the book’s notes that are wrong or need "
        "context, each with its place, the words it comments on and the works it rests on.",
    ),
    Download(
        "commentary.csv",
        "The edition’s commentary",
        "CSV",
        "text/csv",
        "commentary",
        ("records",),
        ("data/commentary.yml", "data/references.bib"),
        "The same remarks, one row a remark.",
    ),
)
#: Downloads written by their own module before the others (redbook/downloads/writer.py): listed, not made, there.
WRITTEN_ELSEWHERE = {TEI_FILE}

# -- the chronology (issue 16): its files are made by redbook/downloads/chronology.py ------------------------
DOWNLOADS += (
    Download(
        "chronology.json",
        "The chronology",
        "JSON",
        "application/json",
        "chronology",
        ("records",),
        ("data/chronology.yml",),
        "Every date the book and its notes give, sorted in time, with the event in the edition’s words, the "
        "book’s own words, their place (paragraph or note), a year supplied from context marked as such, and "
        "another date that a reference gives for the same event.",
    ),
    Download(
        "chronology.csv",
        "The chronology",
        "CSV",
        "text/csv",
        "chronology",
        ("records",),
        ("data/chronology.yml",),
        "The same events, one row an event; another date’s fields are the columns other_date_*.",
    ),
    Download(
        "chronology.ics",
        "The chronology",
        "iCalendar",
        "text/calendar",
        "chronology",
        ("records",),
        ("data/chronology.yml",),
        "The same events as an iCalendar file (RFC 5545), to lay beside other calendars: one all-day event an "
        "event of the chronology; a date the book gives only as a month or a year covers that month or year.",
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
        "license": "The licence of the edition’s own work in the file, from data/licence.yml.",
        "license.id": "Its SPDX identifier (CC-BY-4.0: Creative Commons Attribution 4.0 International).",
        "license.name": "Its full name.",
        "license.url": "Its public address.",
        "license.covers": "What of the edition it covers.",
        "license.copytext": "What it does not cover: the words of the book and its notes, for which the copy-text "
        "states no licence and the edition claims none.",
        "license.code": "The licence of the code that builds the edition (MIT).",
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
        "license": "The licence of the register (CC BY 4.0), as in notes.json.",
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
        # issue 15: the edition's identification from reference works (data/identifications.yml)
        "references_status": "identified; not identified (searched for in the works named under "
        "references_searched and not found); or not searched (no search made yet).",
        "references_name": "The name in full as the references give it (surname, given name, patronymic).",
        "references_born": "Date of birth as the references give it (YYYY, YYYY-MM or YYYY-MM-DD; a full day before "
        "1918-02-14 followed by O.S., the Julian day, or N.S., the Gregorian).",
        "references_died": "Date of death (of the execution, for a person executed) as the references give it "
        "(YYYY, YYYY-MM or YYYY-MM-DD, then O.S. or N.S. as references_born).",
        "references_identification": "A one-line identification in this edition’s words, from the references.",
        "references_evidence": "The works the identification rests on (ref: the key of data/references.bib, "
        "at: the place in the work), as JSON.",
        "other_spellings": "Other standard spellings of the name in the references; never a form the book prints.",
        "disagreements": "Where the book and the references differ: field, the book’s statement, the "
        "references’, the edition’s remark and the evidence, as JSON.",
        "references_searched": "For a person not identified: the works searched.",
        "references_remark": "A remark of this edition on the identification.",
        # issue 26: the sentence, the death, the offices, the calendar, what rests on one source
        "references_calendar": "Gregorian for a person who lived where the Gregorian calendar was in use (full days "
        "before 1918-02-14 then carry no O.S./N.S.); empty otherwise.",
        "references_sentenced": "The date of the sentence that ended the life (a death sentence), as the references "
        "give it; references_died is then the date of the execution or death, never the sentence.",
        "references_death": "How the life ended: natural, executed, killed, suicide, in-custody or unknown.",
        "references_offices": "The offices the identification names, in time order, as JSON: held, body (as named "
        "at that date), org (the key in organisations.csv), from, to, evidence, single (where one source was found).",
        "references_single": "Per date field, the remark where only one source was found, as JSON.",
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
    # -- issue 15: the edition's commentary --
    "commentary.json": {
        "license": "The licence of the data (CC BY 4.0), as in notes.json.",
        "edition": "The edition the file belongs to: title, author, version, date of the version, identifier.",
        "commentary": "The remarks, in the order of data/commentary.yml, with the fields of commentary.csv.",
        "commentary[].id": "The remark’s number (c1, c2 ...); its marker in the text shows it.",
        "commentary[].page": "The page of the edition it belongs to (for a remark on a note: the note’s chapter).",
        "commentary[].note": "The number of the note it comments on; empty for a remark on the running text.",
        "commentary[].near": "Words of the paragraph or note around the place, as printed.",
        "commentary[].lemma": "The words commented on, as printed; the marker follows them.",
        "commentary[].kind": "error (the statement is wrong), context (it needs a fact) or name (a name the "
        "thing did not have at the time).",
        "commentary[].on": "text (the book’s running text), author (a note signed L.S.) or editors (an editors’ note).",
        "commentary[].remark": "The remark, in this edition’s words (Markdown).",
        "commentary[].evidence": "The works the remark rests on.",
        "commentary[].evidence[].ref": "The key of the work in data/references.bib (references.html#ref-KEY).",
        "commentary[].evidence[].at": "The place in the work.",
        "commentary[].evidence[].reference": "The work in full, in Chicago style, with its address and the "
        "day it was read.",
        "commentary[].url": "The remark’s marker in the web edition.",
    },
    "commentary.csv": {
        "id": "The remark’s number (c1, c2 ...); its marker in the text shows it.",
        "page": "The page of the edition it belongs to (for a remark on a note: the note’s chapter).",
        "note": "The number of the note it comments on; empty for a remark on the running text.",
        "near": "Words of the paragraph or note around the place, as printed.",
        "lemma": "The words commented on, as printed; the marker follows them.",
        "kind": "error, context or name (see commentary.json).",
        "on": "text, author or editors: whose statement the remark is on.",
        "remark": "The remark, in this edition’s words (Markdown).",
        "evidence": "The works the remark rests on (ref, at, and the work in full), as JSON.",
        "url": "The remark’s marker in the web edition.",
    },
    "dossiers.json": {
        "about": "What the file holds.",
        "license": "The licence of the data (CC BY 4.0), as in notes.json.",
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

# -- the chronology (issue 16) ----------------------------------------------------------------------------
_CHRONOLOGY_EVENT = {
    "id": "A short, stable name of the event (also its UID in chronology.ics, and chrono-ID on the Chronology page).",
    "date": "The date in ISO 8601: a day (1934-12-01), a month (1934-12), a year (1934), or a range "
    "(1934-12-28/1934-12-29).",
    "start": "The first day the date covers (a month or a year: its first day).",
    "end": "The last day the date covers (a month or a year: its last day).",
    "precision": "day, month or year: how closely the book gives the date (for a range, its start).",
    "label": "The date as the chronology shows it; a year supplied from context in square brackets.",
    "when": "The book’s own wording of an imprecise date (“the autumn of 1926”), which the chronology shows "
    "instead of the date.",
    "year_supplied": "true where the text gives the day or month without a year and the edition supplies the "
    "year from context.",
    "why": "What in the context gives a supplied year.",
    "event": "The event, in the edition’s words.",
    "quote": "The book’s words that give the date, as the reading text of this edition prints them (in a note, "
    "a misprint the edition corrects is given corrected, as the note reads).",
    "page": "The page of the edition where the words stand (for a note: the chapter whose notes it closes).",
    "note": "The number of the note where the words stand, if they stand in a note.",
    "place": "The place as a short label: the page, or the note (note 8).",
    "paragraph": "The numbered paragraph that holds the words (5.12), as the web edition numbers them; empty "
    "for a note, or for words the edition does not number (a chapter’s subtitle).",
    "url": "The place in the web edition: the paragraph, the note, or the head of the page.",
}
_CHRONOLOGY_OTHER = {
    "date": "Another date that a reference gives for the same event, in ISO 8601.",
    "label": "That date as the chronology shows it.",
    "start": "Its first day.",
    "end": "Its last day.",
    "evidence": "The references that give it.",
    "evidence[].ref": "The key of the reference in data/references.bib (the References page, ref-KEY).",
    "evidence[].at": "Where in the reference (a page, a section).",
    "remark": "The edition’s remark on the two dates.",
}
FIELDS["chronology.json"] = {
    "license": "The licence of the data (CC BY 4.0), as in notes.json.",
    "about": "What the file holds.",
    "source_file": "The edition’s data file it is made from.",
    "count": "How many events.",
    "events": "The events, sorted in time (a partial date at its first day; ties in the order of the data file).",
    **{f"events[].{name}": meaning for name, meaning in _CHRONOLOGY_EVENT.items()},
    "events[].other_date": "Another date for the same event that a reference gives, with its evidence and the "
    "edition’s remark (null where there is none).",
    **{f"events[].other_date.{name}": meaning for name, meaning in _CHRONOLOGY_OTHER.items()},
}
FIELDS["chronology.csv"] = {
    **_CHRONOLOGY_EVENT,
    "other_date": _CHRONOLOGY_OTHER["date"],
    "other_date_start": _CHRONOLOGY_OTHER["start"],
    "other_date_end": _CHRONOLOGY_OTHER["end"],
    "other_date_remark": _CHRONOLOGY_OTHER["remark"],
    "other_date_evidence": "The references that give it, each as key: locator, separated by '; '.",
}
FIELDS["chronology.ics"] = {
    "PRODID": "The calendar’s maker: this edition.",
    "X-WR-CALNAME": "The calendar’s name, as calendar programs show it.",
    "UID": "The event’s id (as in chronology.json), followed by @chronology.red-book.",
    "DTSTAMP": "The moment of the build that wrote the file (UTC).",
    "DTSTART": "The first day the date covers (an all-day date).",
    "DTEND": "The day after the last day the date covers (iCalendar counts the end exclusively).",
    "SUMMARY": "The event, in the edition’s words.",
    "DESCRIPTION": "The date as the book gives it, a supplied year and why, the book’s words with their place, "
    "and another date with its reference and the edition’s remark.",
    "TRANSP": "TRANSPARENT: the events are not appointments and block no time in a calendar.",
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
    "parent": "The key of the main entry this entry stands under in the index (a subentry); empty for a main entry.",
    "see_also": "The keys of the entries the index refers to with “see also”.",
    "mentions": "How many times the reading text and the notes name it.",
    "mentions_by_page": "The same count page by page, as JSON (chapter-3: 4).",
}
_ALLEGED_FIELDS = {
    "alleged": "true for a group named by the prosecution whose existence the book disputes.",
    "statement": "For an alleged group, the edition’s one statement of it: “named by the prosecution; the book "
    "argues that it did not exist”; empty otherwise.",
    "disputed_at": "For an alleged group, the place where the book argues that it did not exist.",
    "named_after": "The keys of the persons (persons.csv) whose names stand inside the organisation’s name.",
    # issue 26: a body's dates
    "founded": "The date the body was founded, as the references give it (O.S./N.S. as in persons.csv).",
    "renamed": "Its renamings, as JSON: date and the new name.",
    "dissolved": "The date the body was dissolved, as the references give it.",
    "dates_evidence": "The works that give founded, renamed and dissolved, as JSON ({ref, at}).",
    "dates_single": "Where only one source for the dates was found, the edition's remark.",
}
_MENTIONS_AT = {
    "mentions_at": "Every mention, in reading order, as JSON: the page, the note (for a mention in a note), the "
    "numbered paragraph and the address of the mention in the web edition.",
}
FIELDS = {
    **FIELDS,
    "places.json": {
        "license": "The licence of the data (CC BY 4.0), as in notes.json.",
        "edition": "The edition the file belongs to: title, author, version, date of the version, identifier.",
        "places": "One record a place, in the order of the index, with the fields of places.csv.",
        "cross_references": "The names the index refers from (“see”): name, and see, the key of the entry.",
    },
    "places.csv": {**_NAMED_FIELDS, **_MENTIONS_AT},
    "organisations.json": {
        "license": "The licence of the data (CC BY 4.0), as in notes.json.",
        "edition": "The edition the file belongs to: title, author, version, date of the version, identifier.",
        "organisations": "One record an organisation, in the order of the index, with the fields of organisations.csv.",
        "cross_references": "The names the index refers from (“see”): name, and see, the key of the entry.",
        "not_indexed": "Bodies the text names that the index leaves out: name, and the reason.",
    },
    "organisations.csv": {**_NAMED_FIELDS, **_ALLEGED_FIELDS, **_MENTIONS_AT},
}


def available(edition: object) -> list[Download]:
    """The downloads this build writes: the core always, a part's files when the part and its method exist."""
    return [d for d in DOWNLOADS if d.part is None or method(edition, d) is not None]


def method(edition: object, download: Download) -> Callable | None:
    data = edition.apparatus.get(download.part)
    return next((getattr(data, m) for m in download.methods if callable(getattr(data, m, None))), None)


# -- the record's locators and the volumes of the case (issue 25) ------------------------------------------------
DOWNLOADS = (
    *DOWNLOADS,
    Download(
        "record.json",
        "The quotations of the trial record",
        "JSON",
        "application/json",
        "record",
        ("to_json",),
        ("data/record.yml",),
        "Every passage of the book that quotes or closely paraphrases a trial record, with its place in the copy "
        "of the record read: session, part, page and locator, and how far the book’s words agree with it.",
    ),
    Download(
        "record.csv",
        "The quotations of the trial record",
        "CSV",
        "text/csv",
        "record",
        ("to_csv",),
        ("data/record.yml",),
        "One row a passage of the book that quotes a trial record.",
    ),
    Download(
        "volumes.json",
        "The volumes of the case",
        "JSON",
        "application/json",
        "record",
        ("volumes_to_json",),
        ("data/volumes.yml", "data/dossiers.yml"),
        "The citations of the volumes of the case in the trial record, and per defendant the dossier number "
        "the book gives beside the volumes the record cites.",
    ),
    Download(
        "volumes.csv",
        "The volumes of the case",
        "CSV",
        "text/csv",
        "record",
        ("volumes_to_csv",),
        ("data/volumes.yml", "data/dossiers.yml"),
        "One row a citation of a volume of the case in the trial record.",
    ),
)
_RECORD_FIELDS = {
    "key": "A short, stable name of the passage (the Sources page: rec-KEY).",
    "page": "The page of the edition where the passage stands (for a note: its chapter).",
    "note": "The number of the note, where the passage stands in a note.",
    "near": "Words of the book at that place, exactly as printed.",
    "quotes": "The source the passage quotes: its key in sources.bib.",
    "kind": "quotation or paraphrase.",
    "status": "located, or not located in the copies read.",
    "copy": "The copy of the record in which it was located: its key on the References page.",
    "session": "The session of the trial as the copy gives it (date, morning or evening).",
    "part": "The part of the record: the indictment, an examination, the prosecutor’s speech, a last plea, the verdict.",
    "at": "The locator in the copy: its page and where on it.",
    "pages": "The printed Report’s page numbers, where the copy shows them.",
    "agreement": "same, close, different or not found: how the book’s words compare with the copy’s.",
    "remark": "The edition’s remark, where the words differ or were not found.",
    "searched": "For a passage not located: which copy, which pages and which words were searched.",
    "copy_url": "The address of the copy’s page that holds the passage.",
}
_VOLUME_FIELDS = {
    "volume": "The volume of the case, in Roman numerals as printed.",
    "page": "The page of the volume, as printed; empty where the record gives none.",
    "whose": "The key of the person whose statement it is (persons.csv), or other.",
    "statement": "What the cited document is, as the record says.",
    "section": "The part of the record where the citation stands.",
    "at": "The locator in the copy of the record read.",
    "copy": "The copy of the record read: its key on the References page.",
    "after": "The words of the record just before the citation.",
    "dossier": "The dossier number the book gives for that person (dossiers.csv), where it gives one.",
    "copy_url": "The address of the copy’s page that holds the citation.",
}
FIELDS = {
    **FIELDS,
    "record.csv": _RECORD_FIELDS,
    "record.json": {
        "license": "The licence of the data (CC BY 4.0), as in notes.json.",
        "about": "What the file holds.",
        "source_file": "The edition’s data file it is made from.",
        "copies": "The copies of the record read, each with the session pages read (page, session, part).",
        "quotations": "One record a passage, in the book’s order, with the fields of record.csv.",
    },
    "volumes.csv": _VOLUME_FIELDS,
    "volumes.json": {
        "license": "The licence of the data (CC BY 4.0), as in notes.json.",
        "about": "What the file holds.",
        "source_file": "The edition’s data file it is made from.",
        "citations": "One record a citation of a volume, in the record’s order, with the fields of volumes.csv.",
        "comparison": "Per defendant of chapter 6: person, name, dossier (the book’s number), volumes (those the "
        "record cites for the person’s statements) and agreement (the edition’s statement).",
    },
}
