"""The open downloads (site/downloads/): each file loads, and says what its source data says.

Expectations come from the copy-text and from the data files read here directly (yaml, pybtex), not from the
edition's model; a part's files are tested when the part is in the edition."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from redbook.copytext import COPYTEXT
from redbook.downloads import open_data

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def downloads(site) -> Path:
    return site / open_data.FOLDER


def _load_json(downloads: Path, name: str):
    return json.loads((downloads / name).read_text(encoding="utf-8"))


def _load_csv(downloads: Path, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO((downloads / name).read_text(encoding="utf-8"))))


def _copytext() -> str:
    return (ROOT / COPYTEXT).read_text(encoding="utf-8")


def _printed_notes() -> dict[int, str]:
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\[(\d+)\] ?(.*)$", _copytext(), re.MULTILINE)}


def _emendations() -> list[dict]:
    return yaml.safe_load((ROOT / "data/emendations.yml").read_text(encoding="utf-8"))


def _resolves(site: Path, url: str) -> bool:
    parts = urlsplit(url)
    page = site / parts.path
    if not page.exists():
        return False
    return not parts.fragment or f'id="{parts.fragment}"' in page.read_text(encoding="utf-8")


def _part_files(edition, part: str) -> list[str]:
    return [d.file for d in open_data.available(edition) if d.part == part]


# -- the notes -----------------------------------------------------------------------------------------------
def test_notes_json_gives_every_note_of_the_copytext_as_printed(downloads, site):
    data = _load_json(downloads, "notes.json")
    printed = _printed_notes()
    notes = {n["number"]: n for n in data["notes"]}
    assert sorted(notes) == sorted(printed)
    copytext = _copytext()
    for number, text in printed.items():
        note = notes[number]
        assert note["text"] == text
        assert note["attribution"] == ("author" if text.rstrip().endswith("(L.S.)") else "editors")
        assert note["calls"] == copytext.count(f"[{number}]") - 1  # every "[n]" but the note's own head
        assert _resolves(site, note["url"]), note["url"]
        for link in note["links"]:
            assert link["words"] in text and _resolves(site, link["to"]), link


def test_notes_json_places_each_note_in_its_chapters_notes_file(downloads):
    data = _load_json(downloads, "notes.json")
    for note in data["notes"]:
        listed = yaml.safe_load((ROOT / "footnotes" / f"{note['page']}.yml").read_text(encoding="utf-8"))
        assert note["number"] in [n["number"] for n in listed["notes"]]
        assert note["chapter"] == int(note["page"].removeprefix("chapter-"))


def test_notes_json_reading_applies_the_notes_emendations(downloads):
    data = _load_json(downloads, "notes.json")
    entries = _emendations()
    for note in data["notes"]:
        expected = note["text"]
        mine = [e for e in entries if e.get("note") == note["number"]]
        for e in mine:
            expected = expected.replace(e["copy"], e.get("reading", ""), 1)
        assert note["reading"] == expected, note["number"]
        assert len(note["emendations"]) == len(mine)


def test_notes_json_lists_the_numbers_the_book_skips(downloads):
    data = _load_json(downloads, "notes.json")
    printed = set(_printed_notes())
    skipped = set(range(min(printed), max(printed) + 1)) - printed
    assert {g["number"] for g in data["gaps"]} == skipped


# -- the emendations ---------------------------------------------------------------------------------------
def test_emendations_csv_gives_every_entry_of_the_data_file(downloads, site):
    rows = _load_csv(downloads, "emendations.csv")
    entries = _emendations()
    assert [r["id"] for r in rows] == [f"E{i}" for i in range(1, len(entries) + 1)]
    copytext = _copytext()
    for row, entry in zip(rows, entries):
        assert row["kind"] == entry.get("kind", "correction")
        assert row["page"] == (entry.get("page") or "")
        assert row["note"] == (str(entry["note"]) if "note" in entry else "")
        assert row["copy"] == entry.get("copy", "")
        assert row["reading"] == entry.get("reading", "")
        assert row["reason"] == (entry.get("what") if row["kind"] == "layout" else entry.get("reason"))
        if row["kind"] != "layout":
            assert row["copy"] in copytext
        assert _resolves(site, row["url"]), row
        if row["paragraph"]:
            assert row["url"].endswith(f"#p{row['paragraph']}")


# -- the parts of the apparatus, when present --------------------------------------------------------------------
def test_dossier_files_follow_the_data_file(edition, downloads):
    files = _part_files(edition, "dossiers")
    if not files:
        pytest.skip("the dossiers are not part of the edition")
    source = yaml.safe_load((ROOT / "data/dossiers.yml").read_text(encoding="utf-8"))
    rows = _load_csv(downloads, "dossiers.csv")
    numbers = [int(r["number"]) for r in rows]
    assert numbers[: source["numbers"]["highest"]] == list(range(1, source["numbers"]["highest"] + 1))
    by_number = {int(r["number"]): r for r in rows}
    for entry in source["dossiers"]:
        row = by_number[entry["number"]]
        assert row["status"] == entry["kind"]
        assert row["person"] == entry.get("person", "")
    data = _load_json(downloads, "dossiers.json")
    assert [int(r["number"]) for r in data["numbers"]] == numbers


def test_person_files_follow_the_data_file(edition, downloads):
    files = _part_files(edition, "persons")
    if not files:
        pytest.skip("the register of persons is not part of the edition")
    source = yaml.safe_load((ROOT / "data/persons.yml").read_text(encoding="utf-8"))
    keys = {p["key"] for p in source["persons"]}
    data = _load_json(downloads, "persons.json")
    assert {p["key"] for p in data["persons"]} == keys
    rows = _load_csv(downloads, "persons.csv")
    assert {r["key"] for r in rows} == keys
    names = {p["key"]: p["name"] for p in source["persons"]}
    assert all(r["name"] == names[r["key"]] for r in rows)


def test_source_files_follow_the_bibliography(edition, downloads):
    files = _part_files(edition, "sources")
    if not files:
        pytest.skip("the sources are not part of the edition")
    from pybtex.database import parse_string

    source = parse_string((ROOT / "data/sources.bib").read_text(encoding="utf-8"), "bibtex")
    bib = parse_string((downloads / "sources.bib").read_text(encoding="utf-8"), "bibtex")
    assert set(bib.entries) == set(source.entries)
    for key, entry in source.entries.items():
        assert bib.entries[key].type == entry.type
    items = _load_json(downloads, "sources.csl.json")
    assert isinstance(items, list) and {i["id"] for i in items} == set(source.entries)
    assert all(i.get("type") and i.get("title") for i in items)


# -- provenance and the data dictionary ----------------------------------------------------------------------
def test_provenance_lists_every_file_with_its_checksum_and_licence(edition, downloads):
    data = _load_json(downloads, open_data.PROVENANCE)
    licence = yaml.safe_load((ROOT / "data/licence.yml").read_text(encoding="utf-8"))
    written = sorted(p.name for p in downloads.iterdir() if p.name != open_data.PROVENANCE)
    assert sorted(f["file"] for f in data["files"]) == written
    for entry in data["files"]:
        content = (downloads / entry["file"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(content).hexdigest() and entry["bytes"] == len(content)
        assert entry["license"] == licence["content"]["spdx"]  # the edition's own work in it (data/licence.yml)
    assert data["copytext"]["sha256"] == hashlib.sha256((ROOT / COPYTEXT).read_bytes()).hexdigest()
    # the copy-text states no licence, so the edition claims none for the book's words
    assert "licence" not in _copytext().lower() and "license" not in _copytext().lower()
    assert data["rights"]["licence_stated_in_copytext"] is False
    assert data["rights"]["copytext"].startswith("No licence") and data["license"]["copytext"].startswith("No licence")


def _paths(value, prefix: str = "") -> set[str]:
    """Every field path of a JSON value: 'notes', 'notes[].number', 'notes[].links[].words' ..."""
    found = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            path = f"{prefix}.{key}" if prefix else key
            found.add(path)
            found |= _paths(inner, path)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                found |= _paths(item, f"{prefix}[]")
    return found


def test_every_field_of_every_file_is_described_in_the_data_dictionary(edition, downloads, site):
    page = BeautifulSoup((site / "open-data.html").read_text(encoding="utf-8"), "lxml")
    shown = {code.get_text() for code in page.select("table.data-dictionary code")}
    for download in open_data.available(edition):
        described = open_data.FIELDS.get(download.file)
        assert page.find("a", href=f"{open_data.FOLDER}/{download.file}") is not None, download.file
        if download.format == "CSV":
            header = list(_load_csv(downloads, download.file)[0])
            assert described is not None and list(described) == header, download.file
        elif download.format == "JSON":
            paths = _paths(_load_json(downloads, download.file))
            top = {p for p in paths if "." not in p and "[" not in p}
            assert described is not None and top <= set(described), (download.file, top - set(described or {}))
            assert set(described) <= paths, (download.file, set(described) - paths)
            if download.file == "notes.json":  # every field, but the edition record's own (described as one)
                paths = {p for p in paths if not p.startswith("edition.")}
                assert paths == set(described), paths ^ set(described)
        if described:
            assert set(described) <= shown, download.file
