"""The edition model: what it loads from docs/, footnotes/ and data/, checked against the copy-text."""

from __future__ import annotations

import re

from redbook.copytext import words


def test_notes_are_the_copytext_notes(edition):
    printed = [int(n) for n in re.findall(r"^\[(\d+)\] ", edition.copytext, flags=re.M)]
    assert sorted(edition.notes) == printed
    assert [g.number for g in edition.gaps] == [15]


def test_each_note_sits_in_the_chapter_that_prints_it(edition):
    # The copy-text prints each chapter's notes after it; the note's [n] lines come in chapter order.
    chapters = edition.chapters()
    for page in chapters:
        for note in edition.notes_of(page.stem):
            assert note.page == page.stem
            line = next(line for line in edition.copytext.split("\n") if line.startswith(f"[{note.number}] "))
            assert line == f"[{note.number}] {note.text}"


def test_markers_match_the_copytext_calls(edition):
    markers = [n for page in edition.reading_pages() for n, _ in page.markers]
    # every [n] of the copy-text that is not a note's own label is a marker, in the same order
    text_calls = []
    for line in edition.copytext.split("\n"):
        label = re.match(r"\[(\d+)\] ", line)
        text_calls += [int(n) for n in re.findall(r"\[(\d+)\]", line[label.end() :] if label else line)]
    assert markers == text_calls
    assert set(markers) == set(edition.notes)


def test_reading_order(edition):
    stems = [p.stem for p in edition.reading_pages()]
    assert stems == ["index", "foreword", *[f"chapter-{n}" for n in range(1, 8)]]


def test_every_correction_names_copytext_words(edition):
    for em in edition.emendations:
        if em.changes_words:
            assert em.copy in edition.copytext, em.ident


def test_words_splits_note_calls_and_keeps_punctuation():
    assert words("cover up[21] his “plan,”") == ["cover", "up", "[21]", "his", "“plan,”"]


def test_follow_on_problems_are_summarised_not_listed_by_the_hundred():
    from redbook.errors import EditionError, Problem

    problems = [Problem("data/persons.yml", n, f"problem {n}", "fix it") for n in range(1, 121)]
    message = str(EditionError(problems))
    assert message.startswith("The edition's sources have 120 problems:")
    assert "data/persons.yml:1: problem 1" in message and "data/persons.yml:20: problem 20" in message
    assert "problem 21\n" not in message and "... and 100 more (100 in data/persons.yml)" in message
