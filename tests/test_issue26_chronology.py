"""Issue 26: every date of the text is in the chronology. Each year from 1700 to 1940 and each dated phrase of the
reading text, of the tables made from data and of the notes stands in the quote of an event of data/chronology.yml
or of an entry of its not_dated list (with a reason); a date that is in neither fails the load with the file, the
line and a fix.
"""

from __future__ import annotations

import re

from redbook.apparatus.chronology import DATED, YEAR, _units

from support import load_fails_with, replace_once

DATA = "data/chronology.yml"


def test_every_date_of_the_text_is_entered_or_not_dated_with_a_reason(edition):
    chronology = edition.apparatus["chronology"]  # the edition loads: the check passed
    assert chronology.not_dated
    for entry in chronology.not_dated:
        assert entry.reason and entry.quote
        assert YEAR.search(entry.quote) or DATED.search(entry.quote), entry.quote


def test_the_dates_found_missing_are_entered(edition):
    chronology = edition.apparatus["chronology"]
    sharov = chronology.event("sharov-sentenced")  # chapter 7: “Sharov, ... sentenced during the first trial in 1935”
    assert sharov.page == "chapter-7" and sharov.span.iso == "1935"
    rakovsky = chronology.event("rakovsky-heads-opposition")  # chapter 5: “at the head of the Opposition until 1934”
    assert rakovsky.page == "chapter-5" and rakovsky.span.iso == "1934"
    quotes = {n.quote for n in chronology.not_dated}
    assert "“It is now 1936." in quotes  # chapter 2, Trotsky's words of May 1936
    assert "| January 1935 | August 1936 |" in quotes  # chapter 4, the table's column headings


def test_what_counts_as_a_date():
    for dated in ("December 16", "the 18th of December", "On the 6th,", "16 December", "not later than January"):
        assert DATED.search(dated), dated
    assert DATED.search("in the summer of 1934")
    for name in ("the October revolution", "the October Revolution", "pre-October times", "will fall back"):
        assert not DATED.search(name), name
    for name in ("the 12th Party Congress", "the 15th century", "the 12th Congress"):
        assert not DATED.search(name), name
    assert [m.group(0) for m in YEAR.finditer("(1867-1935), No.96, pages 243-244, 1980, 1700")] == [
        "1867",
        "1935",
        "1700",
    ]


def test_the_check_reads_the_text_the_tables_and_the_notes(edition):
    units = list(_units(edition))
    assert any(key == ("note", 8) and "until his death in 1935" in text for key, _w, _l, text in units)  # l935 emended
    assert any(where.endswith("(a table made from data)") for _k, where, _l, _t in units)
    assert not any("{{" in text for _k, _w, _l, text in units)  # macro calls left out


def test_a_year_in_no_event_fails_with_its_file_and_line(project_copy):
    replace_once(
        project_copy / DATA,
        "  - quote: just like the first one in 1935\n    place: {page: chapter-4}\n"
        "    reason: Names the trial of January 1935, entered as first-trial-1935.\n",
        "",
    )
    lines = (project_copy / "docs/chapter-4.md").read_text(encoding="utf-8").split("\n")
    line = next(i for i, text in enumerate(lines, 1) if "just like the first one in 1935" in text)
    message = load_fails_with(
        project_copy, r"the date '1935' \(….*the first one in 1935.*in no event", f"docs/chapter-4.md:{line}"
    )
    assert "not_dated" in message and "place: {page: chapter-4}" in message


def test_a_date_added_to_a_note_fails(project_copy):
    path = project_copy / "footnotes/chapter-1.yml"
    replace_once(
        path, "Kolkhoznik:—worker on a collective farm.", "Kolkhoznik:—worker on a collective farm (from 1929)."
    )
    load_fails_with(project_copy, r"the date '1929' .*in no event", "note 2 (footnotes/chapter-1.yml)")


def test_a_not_dated_entry_whose_words_are_not_there_fails(project_copy):
    path = project_copy / DATA
    replace_once(path, "  - quote: the frightful lie of 1936\n", "  - quote: the frightful lie of 1937\n")
    text = path.read_text(encoding="utf-8")
    line = text.count("\n", 0, text.index("the frightful lie of 1937")) + 1
    load_fails_with(project_copy, r"not_dated: the words 'the frightful lie of 1937' are not at", f"{DATA}:{line}")


def test_the_header_explains_not_dated(edition):
    header = (edition.root / DATA).read_text(encoding="utf-8").split("\nevents:")[0]
    assert re.search(r"# not_dated\s+words with a year", header)
