"""The index of places (data/places.yml): its entries against the copy-text, the organisations' names excluded,
and each kind of bad data failing with the file, the line and the fix. The precision and recall against the
hand-checked chapters are measured with the organisations' (tests/test_organisations.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import redbook
from redbook.copytext import COPYTEXT

from support import line_of, load_fails_with, replace_once

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("data") / "places.yml"


@pytest.fixture(scope="module")
def places(edition):
    return edition.apparatus["places"]


@pytest.fixture(scope="module")
def book():
    """The copy-text without the transcription's header (the title page is not the book)."""
    text = (ROOT / COPYTEXT).read_text(encoding="utf-8")
    return text[text.index("This Red Book is only a first contribution") :]


def test_every_entry_is_mentioned_with_its_words(edition, places, book):
    texts = {(s.page, s.note): s.text(edition.copytext) for s in redbook.passages.segments(edition)}
    for m in places.mentions:
        assert texts[(m.page, m.note)][m.start : m.end].startswith(m.form), m
        assert m.anchor == f"pl-{m.key}-{m.ordinal}"
    for entry in places.entries.values():
        assert places.count(entry.key) >= 1, entry.key
        assert entry.kind in {"country", "city", "region", "building", "unidentified"}


def test_each_printed_name_is_the_places_or_an_organisations(edition, places, book):
    """Every "Moscow" of the book is a mention of Moscow or stands inside an organisation's name."""
    orgs = edition.apparatus["organisations"]
    for name, key in (("Moscow", "moscow"), ("Leningrad", "leningrad"), ("USSR", "soviet-union")):
        printed = len(re.findall(rf"\b{name}\b", book))
        inside = sum(m.form.count(name) for m in orgs.mentions)
        own = sum(1 for m in places.mentions_of(key) if m.form == name)
        assert own + inside == printed, name
    # no organisation's name contains "USSR": all 18 are the place's (counted with grep)
    assert sum(1 for m in places.mentions_of("soviet-union") if m.form == "USSR") == 18


def test_not_identified_is_said_not_guessed(places):
    brede = places.entry("brede")
    assert not brede.identified and brede.evidence == ()
    for entry in places.entries.values():
        assert entry.identified == (not entry.about.startswith("not identified"))
        assert entry.source is not None or entry.evidence or not entry.identified, entry.key


def test_records(places):
    records = places.records()
    assert len(records) == len(places.entries)
    moscow = next(r for r in records if r["key"] == "moscow")
    assert moscow["evidence"] == [{"ref": "britannica-moscow", "at": "§ Moscow in the Soviet period"}]
    assert sum(moscow["mentions_by_page"].values()) == moscow["mentions"] == places.count("moscow")
    assert "alleged" not in moscow


def test_occurrences_are_in_reading_order(places):
    for stem in ("chapter-3", "chapter-5"):
        order = [(m.note is not None, m.note or 0, m.start) for m in places.occurrences_on(stem)]
        assert order == sorted(order)


# -- bad data fails with the file, the line and the fix ----------------------------------------------------------
def test_a_form_the_text_never_prints(project_copy):
    data = project_copy / DATA
    replace_once(data, "forms: [Prague]", "forms: [Prague, Praha]")
    load_fails_with(project_copy, rf"{DATA.as_posix()}:{line_of(data, 'Praha')}: prague: the form 'Praha' never occurs")


def test_a_form_printed_only_inside_an_organisations_name(project_copy):
    data = project_copy / DATA
    replace_once(data, "forms: [Berlin]", "forms: [Berlin, Wedding]")
    load_fails_with(project_copy, r"berlin: the form 'Wedding' is printed only inside the name of an organisation")


def test_an_unknown_kind(project_copy):
    data = project_copy / DATA
    replace_once(data, "    kind: city\n    forms: [Prague]", "    kind: capital\n    forms: [Prague]")
    load_fails_with(
        project_copy, rf"{DATA.as_posix()}:{line_of(data, 'kind: capital')}: prague: unknown kind 'capital'"
    )


def test_a_missing_reference(project_copy):
    data = project_copy / DATA
    replace_once(data, '    evidence: {ref: britannica-moscow, at: "§ Moscow in the Soviet period"}\n', "")
    load_fails_with(project_copy, r"moscow: the identification has no reference")


def test_an_organisations_form_given_to_a_place(project_copy):
    data = project_copy / DATA
    replace_once(data, "forms: [Leningrad]", "forms: [Leningrad, Leningrad Center]")
    load_fails_with(project_copy, r"leningrad: the form 'Leningrad Center' is also the form of the organisation")


def test_a_place_form_inside_a_persons_form(project_copy):
    data = project_copy / DATA
    replace_once(data, "forms: [Prague]", "forms: [Prague, Vladimir]")
    load_fails_with(
        project_copy,
        r"source/red-book-part1.etol.txt:\d+: the place form 'Vladimir' of prague .* overlaps the person form",
    )


def test_a_field_places_do_not_have(project_copy):
    data = project_copy / DATA
    replace_once(data, "    kind: city\n    forms: [Prague]", "    kind: city\n    alleged: true\n    forms: [Prague]")
    load_fails_with(project_copy, r"unknown field 'alleged' in the place 'prague'")
