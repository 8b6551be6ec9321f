"""The edition's data as open downloads, written into the built site's downloads/ folder at each build.

    notes.json, emendations.csv        always (the book's notes, the register of emendations)
    persons.json, persons.csv          when the register of persons is part of the edition (apparatus "persons")
    dossiers.json, dossiers.csv        when the dossiers are (apparatus "dossiers")
    sources.bib, sources.csl.json      when the sources are (apparatus "sources")
    commentary.json, commentary.csv    when the commentary is (apparatus "commentary")
    chronology.json, .csv, .ics        when the chronology is (apparatus "chronology"; redbook/downloads/chronology.py)
    places.json, places.csv,           when the indexes of places and organisations are ("places",
    organisations.json, .csv           "organisations"): records(), with the place of each mention in the site
    provenance.json                    what each file is, where it comes from, its checksum, and the rights

A part of the apparatus offers its own data for download: its object in edition.apparatus has `to_json()`
and `to_csv()` (dossiers), or `records()` (persons: one plain dict a record, written here as JSON and CSV),
or `bibtex()` and `csl_json()` (sources); each returns the file's text, or the data to write.
A download appears as soon as its part does. What every field means is said once, in FIELDS below; the data
dictionary page (redbook/render/generated/open_data.py) shows it, and the tests check that every field of every file
is described there.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup

import redbook
from redbook import address, licence, provenance
from redbook.catalogue import (  # noqa: F401
    DOWNLOADS,
    FIELDS,
    FOLDER,
    PROVENANCE,
    TEI_FILE,
    WRITTEN_ELSEWHERE,
    Download,
    available,
    method,
)
from redbook.downloads import chronology, siteplaces
from redbook.downloads import tei as tei_file
from redbook.downloads.siteplaces import Places
from redbook.render import emendations as emendations_web
from redbook.render import notes
from redbook.render.html import inline_markdown


# -- the core's files ------------------------------------------------------------------------------------
def _edition_record(edition: redbook.Edition) -> dict:
    version, date = provenance.edition_version(edition)
    record = {
        "title": provenance.TITLE,
        "part": provenance.PART,
        "author": provenance.AUTHOR,
        "version": version,
        "date": date,
        "identifier": provenance.IDENTIFIER,
    }
    base = edition.site_url()
    return {**record, "url": base} if base else record


def _full(edition: redbook.Edition, path: str) -> str:
    """A place of the site as a full address when the site has one (site_url), else relative to the site."""
    return address.absolute(edition.site_url(), path)


def _plain(markdown_text: str) -> str:
    return BeautifulSoup(inline_markdown(markdown_text), "html.parser").get_text("")


def _note_reading(edition: redbook.Edition, note) -> str:
    """The note as the edition reads it (its data form, made by the notes' renderer)."""
    return _plain(notes.plain_text(edition, note))


def notes_json(edition: redbook.Edition, places: Places | None = None) -> str:
    calls: dict[int, int] = {}
    for page in edition.pages.values():
        for number, _ in page.markers:
            calls[number] = calls.get(number, 0) + 1
    notes = []
    for number in sorted(edition.notes):
        note = edition.notes[number]
        page = edition.pages[note.page]
        notes.append(
            {
                "number": note.number,
                "page": note.page,
                "chapter": page.chapter,
                "attribution": note.by,
                "text": note.text,
                "reading": _note_reading(edition, note),
                "emendations": [em.ident for em in edition.emendations_of_note(note.number)],
                "calls": calls.get(note.number, 0),
                "url": _full(edition, f"{page.url}#note-{note.number}"),
                "links": [
                    {"words": link.words, "to": _full(edition, _site_url(link.to)), "why": link.why}
                    for link in note.links
                ],
            }
        )
    gaps = [
        {"number": g.number, "page": g.page, "comment": g.comment} for g in sorted(edition.gaps, key=lambda g: g.number)
    ]
    data = {"edition": _edition_record(edition), "license": _licence(edition), "notes": notes, "gaps": gaps}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _site_url(to: str) -> str:
    page, _, anchor = to.partition("#")
    return page.removesuffix(".md") + ".html" + (f"#{anchor}" if anchor else "")


def _emendation_href(edition: redbook.Edition, em, places: Places | None) -> str | None:
    """Where the register of emendations links an emendation (redbook/render/emendations.py): its note, or the
    paragraph the build found for it."""
    if em.note is not None:
        return emendations_web.note_href(edition, em) if places is not None else None
    return siteplaces.href(places, emendations_web.place_key(em))


def emendations_csv(edition: redbook.Edition, places: Places | None = None) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(FIELDS["emendations.csv"]), lineterminator="\n")
    writer.writeheader()
    for em in edition.emendations:
        where = _emendation_href(edition, em, places)
        url = _full(edition, where) if where else ""
        number = siteplaces.paragraph(places, emendations_web.place_key(em)) if em.note is None else None
        writer.writerow(
            {
                "id": em.ident,
                "kind": em.kind,
                "page": em.page or "",
                "note": em.note if em.note is not None else "",
                "paragraph": number or "",
                "copy": em.copy,
                "reading": em.reading,
                "reason": em.reason,
                "url": url,
            }
        )
    return out.getvalue()


_CORE: dict[str, Callable] = {
    "notes.json": notes_json,
    "emendations.csv": emendations_csv,
    TEI_FILE: lambda edition, places=None: tei_file.tei_bytes(edition).decode("utf-8"),
}


# -- issue 15: the register with the edition's identifications; the commentary with its references ------
def _persons_records(edition: redbook.Edition) -> list[dict]:
    """The register's records (the book's statements), each followed by the edition's identification from
    reference works (redbook/apparatus/identifications.py): the fields of FIELDS["persons.csv"] from references_status."""
    records = edition.apparatus["persons"].records()
    ids = edition.apparatus.get("identifications")
    if ids is None:
        return records
    for record in records:
        ident = ids.of(record["key"])
        data = ident.record() if ident is not None else {}
        record.update(
            {
                "references_status": data.get("status"),
                "references_name": data.get("name"),
                "references_born": data.get("born"),
                "references_died": data.get("died"),
                "references_identification": data.get("about"),
                "references_evidence": data.get("evidence") or [],
                "other_spellings": data.get("spellings") or [],
                "disagreements": data.get("disagreements") or [],
                "references_searched": data.get("searched") or [],
                "references_remark": data.get("remark"),
                # issue 26
                "references_calendar": data.get("calendar"),
                "references_sentenced": data.get("sentenced"),
                "references_death": data.get("death"),
                "references_offices": data.get("offices") or [],
                "references_single": data.get("single") or {},
            }
        )
    return records


def _commentary_records(edition: redbook.Edition) -> list[dict]:
    """The remarks (redbook/apparatus/commentary.py), each with the address of its marker in the web edition and
    each work it rests on in full (Chicago style, as on the References page)."""
    references = edition.apparatus["references"].entries
    out = []
    for remark, record in zip(
        edition.apparatus["commentary"].remarks.values(), edition.apparatus["commentary"].records()
    ):
        record["url"] = f"{edition.pages[remark.page].url}#{remark.anchor}"
        record["evidence"] = [{**e, "reference": references[e["ref"]].chicago()} for e in record["evidence"]]
        out.append(record)
    return out


_RECORDS: dict[str, Callable] = {"persons": _persons_records, "commentary": _commentary_records}


#: Files a part's own download module makes (file -> function(edition, places) -> text).
_OWN: dict[str, Callable] = {**chronology.FORMATS}


# -- places and organisations (issue 16) ------------------------------------------------------------------------
NAMED = ("places", "organisations")


def named_records(edition: redbook.Edition, part: str, places: Places | None = None) -> list[dict]:
    """records() of the index, each with its mentions: page, note, paragraph (the one the build found for it,
    as the index page links it) and the address in the web edition."""
    index = edition.apparatus[part]
    out = []
    for record in index.records():
        mentions = []
        for m in index.mentions_of(record["key"]):
            mentions.append(
                {
                    "page": m.page,
                    "note": m.note,
                    "paragraph": siteplaces.paragraph(places, m.place_key) if m.note is None else None,
                    "url": f"{edition.pages[m.page].url}#{m.anchor}",
                }
            )
        out.append({**record, "mentions_at": mentions})
    return out


def content(edition: redbook.Edition, download: Download, places: Places | None = None) -> str:
    """The text of one download; `places` is the build's map of the apparatus's links (downloads/siteplaces.py):
    without it, the fields that give a place in the built site are empty."""
    if download.part is None:
        return _CORE[download.file](edition, places)
    if download.file in _OWN:
        data = _OWN[download.file](edition, places)
    else:
        data = _RECORDS[download.part](edition) if download.part in _RECORDS else method(edition, download)()
    if download.format == "JSON" and isinstance(data, str):
        data = json.loads(data)  # a part's own JSON: the licence is added to it, as to every JSON download
    if download.part in NAMED:  # places and organisations (issue 16)
        data = named_records(edition, download.part, places)
    if isinstance(data, str):
        return data
    if download.format == "CSV":
        return _csv_of(data)
    if download.format == "JSON" and isinstance(data, list):
        data = {"edition": _edition_record(edition), download.part: data}
        if download.part in NAMED:  # issue 26: the index's "see" references, and what it leaves out
            index = edition.apparatus[download.part]
            data["cross_references"] = index.cross_reference_records()
            if download.part == "organisations":
                data["not_indexed"] = [{"name": n.name, "reason": n.reason} for n in index.not_indexed]
    if download.format == "JSON" and isinstance(data, dict):
        data = {**data, "license": _licence(edition)}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _licence(edition: redbook.Edition) -> dict:
    """The `license` field of every JSON download (data/licence.yml)."""
    return licence.of(edition).record()


def _cell(value) -> str:
    """A CSV cell: text as it is, a list of words joined by '; ', anything nested as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, list | dict):
        return json.dumps(_without_nulls(value), ensure_ascii=False, separators=(",", ":")) if value else ""
    return str(value)


def _without_nulls(value):
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def _csv_of(records: list[dict]) -> str:
    out = io.StringIO()
    if records:
        writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in r.items()} for r in records)
    return out.getvalue()


def provenance_json(edition: redbook.Edition, written: dict[str, bytes]) -> str:
    """The machine-readable statement: the edition, its copy-text, the rights stated (none), every file."""
    by_name = {d.file: d for d in DOWNLOADS}
    copytext = (edition.root / provenance.COPYTEXT["file"]).read_bytes()
    data = {
        "edition": _edition_record(edition),
        "copytext": {**provenance.COPYTEXT, "sha256": hashlib.sha256(copytext).hexdigest()},
        "license": _licence(edition),
        "rights": {
            "statement": licence.of(edition).statement,
            "copytext": licence.of(edition).copytext,
            "licence_stated_in_copytext": False,
            "third_party": [x.record() for x in licence.of(edition).third_party],
        },
        "files": [
            {
                "file": name,
                "title": by_name[name].title,
                "format": by_name[name].format,
                "media_type": by_name[name].media_type,
                "made_from": list(by_name[name].sources),
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "license": licence.of(edition).content.spdx,
                **({"url": _full(edition, f"{FOLDER}/{name}")} if edition.site_url() else {}),
            }
            for name, data in written.items()
        ],
        "data_dictionary": "open-data.html",
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write(edition: redbook.Edition, site: Path, places: Places | None = None) -> dict[str, bytes]:
    """Write every available download and the provenance statement into SITE/downloads/; `places` as content()."""
    folder = site / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for download in available(edition):
        if download.file in WRITTEN_ELSEWHERE:
            if (folder / download.file).exists():
                written[download.file] = (folder / download.file).read_bytes()
            continue
        data = content(edition, download, places).encode("utf-8")
        (folder / download.file).write_bytes(data)
        written[download.file] = data
    (folder / PROVENANCE).write_text(provenance_json(edition, written), encoding="utf-8")
    return written
