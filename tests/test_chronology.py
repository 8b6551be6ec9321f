"""The chronology (data/chronology.yml): it loads, it is sorted in time, supplied years are marked and explained,
bad data fails with the file, the line and a fix; the timeline graphic is well-formed XML with a link and a text
equivalent for every event; the downloads read back (the iCalendar file with the icalendar package).

Figures and dates below are read from the book (source/red-book-part1.etol.txt) by hand, not from the program.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import icalendar
import pytest
from lxml import etree

import redbook
from redbook.apparatus.chronology import PartialDate, parse_partial
from redbook.downloads import chronology as downloads
from redbook.render import timeline

from support import load_fails_with, replace_once

DATA = "data/chronology.yml"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def chronology(edition):
    return edition.apparatus["chronology"]


def href_of(event) -> str:
    return f"{event.page}.html#{event.key}"


# -- the data ------------------------------------------------------------------------------------------
def test_every_entry_of_the_file_is_an_event(edition, chronology):
    entries = (edition.root / DATA).read_text(encoding="utf-8").count("\n  - id: ")
    assert len(chronology.events) == entries
    assert len({e.id for e in chronology.events}) == entries


def test_dates_read_from_the_book(chronology):
    kirov = chronology.event("kirov-assassinated")
    assert kirov.span.first_day == dt.date(1934, 12, 1) and kirov.page == "chapter-3"
    trial = chronology.event("trial-of-the-fourteen")  # “On December 28 and 29 the trial of the fourteen”
    assert (trial.span.first_day, trial.span.last_day) == (dt.date(1934, 12, 28), dt.date(1934, 12, 29))
    pfemfert = chronology.event("pfemfert-letter")  # “in a letter dated April 1, 1930”
    assert pfemfert.span.first_day == dt.date(1930, 4, 1)
    pilsudski = chronology.event("pilsudski-coup")  # note 8: “On May 12, 1926, Marshal Pilsudski seized power”
    assert pilsudski.note == 8 and pilsudski.span.first_day == dt.date(1926, 5, 12)
    june = chronology.event("kamenev-leningrad-june-1934")  # “in June 1934, Kamenev went personally to Leningrad”
    assert (june.span.first_day, june.span.last_day) == (dt.date(1934, 6, 1), dt.date(1934, 6, 30))


def test_sorted_in_time_partial_dates_at_their_start_ties_in_file_order(chronology):
    ids = [e.id for e in chronology.events]
    # earliest: Cesare Borgia’s 15th century (note 11); latest: Krupskaya’s death, February 1939 (note 10)
    assert ids[0] == "cesare-borgia" and ids[-1] == "krupskaya-died"
    days = [e.span.first_day for e in chronology.events]
    assert days == sorted(days)
    # December 1934 as chapter 3 and chapter 4 tell it
    december = [
        "kirov-assassinated",
        "white-guards-news-6",
        "white-guards-news-12",
        "zinoviev-kamenev-arrested",
        "zinovievist-first-mention",
        "white-guards-news-18",
        "nikolaev-consul-testimony",
        "tass-fourteen-arrested",
        "zinoviev-kamenev-arrest-news",
        "nikolaev-indictment",
        "trial-of-the-fourteen",
        "le-temps-consul",
        "duclos-humanite",
        "consuls-conference",
    ]
    assert [ids.index(i) for i in december] == sorted(ids.index(i) for i in december)
    # a year sorts at its first day: Rakovsky’s 1934 before Kamenev’s June 1934
    assert (
        ids.index("rakovsky-capitulates") < ids.index("kamenev-leningrad-june-1934") < ids.index("kirov-assassinated")
    )
    # ties keep the order of the file: three births in 1883, two events of December 29, 1934
    assert ids.index("zinoviev-born") < ids.index("kamenev-born") < ids.index("mrachkovsky-born")
    assert ids.index("le-temps-consul") < ids.index("duclos-humanite")


def test_supplied_years_are_the_dates_the_text_gives_without_a_year(chronology):
    hand_checked = {
        # chapter 3: December 1934 after “On December 1, 1934”, then January 1935
        "white-guards-news-6",
        "white-guards-news-12",
        "white-guards-news-18",
        "zinovievist-first-mention",
        "tass-fourteen-arrested",
        "zinoviev-kamenev-arrest-news",
        "zinoviev-kamenev-arrested",
        "nikolaev-indictment",
        "trial-of-the-fourteen",
        "moscow-center-trial",
        # chapter 4: Pravda (September 12), December 30, January 3
        "pravda-september-12",
        "consuls-conference",
        "consul-recalled",
        # chapter 5 and notes 31, 35: the investigation of 1936
        "depositions-old-bolsheviks",
        "olberg-testimony-begins",
        "olberg-february-21",
        "olberg-investigation-finished",
        "m-lurie-july-21",
        "n-lurie-july-21",
        "olberg-second-interrogation",
        "evdokimov-confessions",
        "ter-vaganian-confessions-indictment",
    }
    assert {e.id for e in chronology.supplied()} == hand_checked
    for e in chronology.events:
        assert e.year_supplied == bool(e.why), e.id
        # the quote prints the year unless it is supplied (or the date is the book's own wording)
        quote = e.quote.replace("l8", "18").replace("l9", "19")  # notes 8 and 10 print the letter l for 1
        assert e.year_supplied or e.when or str(e.span.start.year) in quote, e.id
        if e.year_supplied:
            assert str(e.span.start.year) not in quote, e.id
    assert chronology.event("zinovievist-first-mention").label == "17 December [1934]"
    assert chronology.event("kirov-assassinated").label == "1 December 1934"


def test_other_dates_carry_their_reference_and_remark(edition, chronology):
    others = {e.id: e.other for e in chronology.events if e.other}
    assert set(others) == {
        "pilsudski-ukraine",
        "dzerzhinsky-economic-council",
        "smirnov-born",
        "mrachkovsky-born",
        "m-lurie-capitulates",
        "xvth-congress-capitulation",
        "cheka-period",
    }
    refs = edition.apparatus["references"].entries
    for other in others.values():
        assert other.remark and other.evidence
        assert all(ev.ref in refs and ev.at for ev in other.evidence)
    assert others["mrachkovsky-born"].span.first_day == dt.date(1888, 6, 15)
    congress = others["xvth-congress-capitulation"].span
    assert (congress.first_day, congress.last_day) == (dt.date(1927, 12, 2), dt.date(1927, 12, 19))


def test_phrases_link_page_events_to_paragraphs(chronology):
    phrases = {p.key: p for p in chronology.phrases()}
    kirov = phrases["chronology-kirov-assassinated"]
    assert kirov.page == "chapter-3" and "December 1, 1934" in kirov.phrase and kirov.path == DATA
    assert "chronology-pilsudski-coup" not in phrases  # a note: linked to the note, not to a paragraph
    assert "chronology-two-trials-span" not in phrases  # the subtitle of chapter 4 is not a numbered paragraph
    assert "chronology-duclos-humanite" in phrases and phrases["chronology-duclos-humanite"].phrase.startswith("With")


def test_records_are_plain_data(chronology):
    records = chronology.records()
    json.dumps(records)
    kirov = next(r for r in records if r["id"] == "kirov-assassinated")
    assert kirov["date"] == "1934-12-01" and kirov["precision"] == "day" and kirov["place"] == "chapter-3"
    trial = next(r for r in records if r["id"] == "trial-of-the-fourteen")
    assert trial["date"] == "1934-12-28/1934-12-29" and trial["year_supplied"] is True and trial["why"]


def test_partial_dates_parse():
    assert parse_partial(dt.date(1934, 12, 1)) == PartialDate(1934, 12, 1)
    assert parse_partial("1934-12") == PartialDate(1934, 12)
    assert parse_partial(1934) == PartialDate(1934)
    for bad in ("1934-13", "1934-02-30", "December 1934", "34", True, dt.datetime(1934, 12, 1)):
        assert parse_partial(bad) is None, bad
    assert PartialDate(1936, 2).last_day == dt.date(1936, 2, 29)


# -- bad data fails with file, line and fix ----------------------------------------------------------------
def _fails(project, message: str, line: int | None = None) -> str:
    return load_fails_with(project, message, f"{DATA}:{line}" if line else DATA)


KIROV = "    date: 1934-12-01\n    event: Nikolaev assassinates Kirov in Leningrad.\n"
MRACHKOVSKY = '      evidence: {ref: wp-mrachkovsky, at: "first sentence"}\n'


# (old, new, marker, offset, message): after the change, the error names the line of `marker` plus `offset`
@pytest.mark.parametrize(
    ("old", "new", "marker", "offset", "message"),
    [
        (KIROV, KIROV.replace("1934-12-01", "1934-13-01"), "date: 1934-13-01", 0, r"'1934-13-01' does not parse"),
        (KIROV, KIROV.replace("1934-12-01", "1 December 1934"), "date: 1 December 1934", 0, r"does not parse"),
        (KIROV, KIROV + "    dat: 1934\n", "    dat: 1934", 0, r"unknown field 'dat'.*\n.*did you mean 'date'"),
        (
            "    date: {start: 1934-12-28, end: 1934-12-29}\n",
            "    date: {start: 1934-12-28, end: 1934-12-27}\n",
            "end: 1934-12-27",
            0,
            r"ends \(1934-12-27\) before it starts \(1934-12-28\)",
        ),
        (
            "    quote: On December 1, 1934 in Leningrad, the terrorist Nikolaev assassinated Kirov.\n",
            "    quote: On December 2, 1934 in Leningrad, the terrorist Nikolaev assassinated Kirov.\n",
            "On December 2, 1934 in Leningrad",
            1,  # the place: line
            r"are not in the text of docs/chapter-3\.md",
        ),
        (
            "    quote: wrote in L’Humanité (December 29, 1934)\n",
            "    quote: The consul didn’t feel it necessary to deny anything\n",
            "The consul didn’t feel it necessary",
            0,
            r"is not in the paragraph of chapter-4 that holds 'With still unsurpassed gall, Duclos'",
        ),
        (
            "    quote: 'Jacques Duclos: Born in 1896.'\n",
            "    quote: 'Jacques Duclos: Born in 1897.'\n",
            "Born in 1897",
            0,  # the quote's own line: the place is right, the words are not
            r"not in note 24",
        ),
        (
            "    quote: Stalin built still another amalgam (in mid-1935)\n",
            "    quote: On December 1, 1934 in Leningrad\n",
            "quote: On December 1, 1934 in Leningrad\n",
            1,
            r"event kamenev-third-amalgam: the words 'On December 1, 1934 in Leningrad' are not in the text of "
            r"docs/chapter-2\.md",
        ),
        (
            "    quote: On December 22, Tass\n",
            "    quote: This center, whose existence was Far from proven\n",
            "whose existence was Far from proven",
            0,
            r"are not in the reading text, where an emendation \(E\d+\) corrects them",
        ),
        (  # note 8 prints “l935”, which an emendation reads 1935: the note as the edition reads it has 1935
            "    quote: until his death in 1935\n",
            "    quote: until his death in l935\n",
            "until his death in l935",
            0,
            r"the quote 'until his death in l935' is in note 8 only as the copy-text misprints it; an emendation "
            r"\(E\d+\) corrects it",
        ),
        (
            "    date: 1934-12-17\n    year_supplied: true\n",
            "    date: 1934-12-17\n",
            "why: The text counts it as",
            0,
            r"'why:' explains a supplied year, but year_supplied is not true",
        ),
        (
            MRACHKOVSKY,
            MRACHKOVSKY.replace("ref: wp-mrachkovsky", "ref: wp-mrachkovski"),
            "ref: wp-mrachkovski",
            0,
            r"the reference 'wp-mrachkovski' is not in data/references\.bib \(did you mean 'wp-mrachkovsky'\?\)",
        ),
        (
            MRACHKOVSKY,
            "",
            "      date: 1888-06-15",
            0,
            r"the other date of event mrachkovsky-born lacks the field 'evidence'",
        ),
        (
            "  - id: kirov-assassinated\n",
            "  - id: foreword-dated\n",
            "  - id: foreword-dated\n    date: 1934-12-01",
            0,
            r"the event id 'foreword-dated' is used twice \(also line \d+\)",
        ),
    ],
    ids=[
        "bad-month",
        "words-for-date",
        "unknown-key",
        "range-backwards",
        "quote-not-on-page",
        "quote-not-in-near-paragraph",
        "quote-not-in-note",
        "quote-of-another-page",
        "quote-with-misprint",
        "note-quote-with-misprint",
        "why-without-supplied",
        "unknown-reference",
        "missing-reference",
        "duplicate-id",
    ],
)
def test_bad_data_fails_with_its_line(project_copy, old, new, marker, offset, message):
    path = project_copy / DATA
    replace_once(path, old, new)
    text = path.read_text(encoding="utf-8")
    assert text.count(marker) == 1, marker
    _fails(project_copy, message, text.count("\n", 0, text.index(marker)) + 1 + offset)


def test_supplied_year_without_why_fails(project_copy):
    path = project_copy / DATA
    why = "    why: The text counts it as “sixteen days after the assassination” of December 1, 1934.\n"
    replace_once(path, why, "")
    text = path.read_text(encoding="utf-8")
    line = text.count("\n", 0, text.index("year_supplied: true\n    event: Resolutions")) + 1
    _fails(project_copy, r"event zinovievist-first-mention: the year is supplied but no 'why:'", line)


def test_a_missing_chronology_file_is_no_chronology(project_copy):
    (project_copy / DATA).unlink()
    assert redbook.load(project_copy).apparatus["chronology"].events == []


# -- the timeline graphic ----------------------------------------------------------------------------------
def test_timeline_is_well_formed_with_a_link_and_a_text_equivalent_for_every_event(chronology):
    events = chronology.events
    markup = timeline.timeline_figure(events, href_of)
    root = etree.fromstring(markup.encode("utf-8"))  # XML: valid in XHTML (EPUB) as in HTML
    assert root.tag == "figure"
    svg = root.find(f".//{SVG}svg")
    links = svg.findall(f".//{SVG}a")
    assert len(links) == len(events)
    assert [a.get("href") for a in links] == [href_of(e) for e in events]  # in time order: the keyboard's order
    for a, e in zip(links, events):
        assert a.get("{http://www.w3.org/1999/xlink}href") == href_of(e)
        assert a.get("aria-label").endswith(e.event) and a.find(f"{SVG}title").text == a.get("aria-label")
    # the SVG names itself with its title and description
    labelled = svg.get("aria-labelledby").split()
    ids = {el.get("id") for el in svg.iter() if el.get("id")}
    assert set(labelled) <= ids and svg.find(f"{SVG}title") is not None and svg.find(f"{SVG}desc") is not None
    # the text equivalent: the same events, the same links, in the same order
    items = root.findall(".//ol/li")
    assert len(items) == len(events)
    assert [li.find("a").get("href") for li in items] == [href_of(e) for e in events]
    assert "(year supplied)" in "".join(items[[e.id for e in events].index("zinovievist-first-mention")].itertext())


def test_timeline_runs_nothing_and_fetches_nothing(chronology):
    markup = timeline.timeline_figure(chronology.events, href_of)
    assert not re.search(r"<script|\son[a-z]+=|javascript:", markup)
    urls = set(re.findall(r"https?://[^\s\"')]+", markup))
    assert urls == {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert not re.search(r"&(?!amp;|lt;|gt;|quot;|#)[a-zA-Z]+;", markup)  # no HTML-only named entities
    assert "<style" not in markup  # the styles are the stylesheets' (the post-build scan allows no <style> in text)
    css = (Path(__file__).resolve().parent.parent / "docs/assets/chronology.css").read_text(encoding="utf-8")
    assert "tl-axis" in markup and "currentColor" in css  # the drawing follows the text's colour, light or dark


def test_timeline_enlarges_december_1934_to_august_1936():
    zoom = timeline.x_of(dt.date(1936, 9, 1)) - timeline.x_of(dt.date(1934, 12, 1))
    assert zoom > timeline.WIDTH / 2  # 21 months take more than half the width
    month_1935 = timeline.x_of(dt.date(1935, 2, 1)) - timeline.x_of(dt.date(1935, 1, 1))
    year_1925 = timeline.x_of(dt.date(1926, 1, 1)) - timeline.x_of(dt.date(1925, 1, 1))
    assert month_1935 > year_1925
    assert timeline.x_of(dt.date(1200, 1, 1)) == 0 and timeline.x_of(dt.date(1950, 1, 1)) == timeline.WIDTH


def test_timeline_layout_keeps_marks_apart(chronology):
    marks, bars = timeline.layout(chronology.events)
    assert len(marks) + len(bars) == len(chronology.events)
    assert any(e.id == "two-trials-span" for e, *_ in bars)  # January 1935 – August 1936: a bar
    assert any(e.id == "kirov-assassinated" for e, *_ in marks)
    rows: dict[tuple, list] = {}
    for kind, placed in (("mark", marks), ("bar", bars)):
        for _e, x0, x1, row in placed:
            rows.setdefault((kind, row), []).append((x0, x1))
    for spans in rows.values():
        spans.sort()
        for (_a0, a1), (b0, _b1) in zip(spans, spans[1:]):
            assert b0 - a1 >= timeline.GAP - 1e-9


def test_chronology_page_table(edition, chronology):
    refs = edition.apparatus["references"].entries
    markup = timeline.chronology_page(chronology.events, href_of, reference_of=lambda ev: refs[ev.ref].chicago())
    root = etree.fromstring(f"<div>{markup}</div>".encode())
    rows = root.findall(".//table/tbody/tr")
    assert len(rows) == len(chronology.events)
    assert len({r.get("id") for r in rows}) == len(rows)
    row = next(r for r in rows if r.get("data-event") == "zinovievist-first-mention")
    text = "".join(row.itertext())
    assert "17 December [1934]" in text and "year supplied: The text counts it" in text
    assert "“On December 17, sixteen days after the assassination”" in text
    row = next(r for r in rows if r.get("data-event") == "mrachkovsky-born")
    text = "".join(row.itertext())
    assert "15 June 1888" in text and "“Sergei Mrachkovsky.” Wikipedia" in text
    assert row.findall("td")[-1].find("a").get("href") == "chapter-5.html#chronology-mrachkovsky-born"


# -- the downloads -----------------------------------------------------------------------------------------
STAMP = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def test_ics_reads_back_as_all_day_events(chronology):
    records = chronology.records()
    raw = downloads.to_ics(records, STAMP).encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF, no bare LF
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75  # folded at 75 octets
    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0" and calendar.get("PRODID")
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == len(records)
    by_uid = {str(v["UID"]): v for v in vevents}
    assert len(by_uid) == len(records)
    kirov = by_uid["kirov-assassinated@" + downloads.UID_DOMAIN]
    start, end = kirov["DTSTART"].dt, kirov["DTEND"].dt
    assert type(start) is dt.date and (start, end) == (dt.date(1934, 12, 1), dt.date(1934, 12, 2))
    assert kirov["DTSTAMP"].dt == STAMP
    assert str(kirov["SUMMARY"]) == "Nikolaev assassinates Kirov in Leningrad."
    assert "“On December 1, 1934 in Leningrad, the terrorist Nikolaev assassinated Kirov.”" in str(kirov["DESCRIPTION"])
    june = by_uid["kamenev-leningrad-june-1934@" + downloads.UID_DOMAIN]  # a month: the whole month
    assert (june["DTSTART"].dt, june["DTEND"].dt) == (dt.date(1934, 6, 1), dt.date(1934, 7, 1))
    trial = by_uid["trial-of-the-fourteen@" + downloads.UID_DOMAIN]
    assert (trial["DTSTART"].dt, trial["DTEND"].dt) == (dt.date(1934, 12, 28), dt.date(1934, 12, 30))
    assert "Year supplied from context" in str(trial["DESCRIPTION"])
    smirnov = by_uid["smirnov-born@" + downloads.UID_DOMAIN]
    assert "Another date: January 1881." in str(smirnov["DESCRIPTION"])


def test_ics_folding_keeps_characters_whole():
    line = "SUMMARY:" + "Zinoviev’s “Moscow Center”, " * 8
    folded = downloads.fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert pieces[0] + "".join(p[1:] for p in pieces[1:]) == line  # unfolding gives the line back
    assert downloads.escape_text("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne"


def test_json_and_csv_downloads(edition, chronology, tmp_path):
    written = downloads.write(edition, tmp_path, STAMP)
    assert sorted(p.name for p in written) == ["chronology.csv", "chronology.ics", "chronology.json"]
    data = json.loads((tmp_path / "chronology.json").read_text(encoding="utf-8"))
    assert data["count"] == len(chronology.events) == len(data["events"])
    rows = list(csv.DictReader(io.StringIO((tmp_path / "chronology.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(chronology.events)
    assert tuple(rows[0]) == downloads.CSV_FIELDS
    mrachkovsky = next(r for r in rows if r["id"] == "mrachkovsky-born")
    assert mrachkovsky["other_date"] == "1888-06-15" and mrachkovsky["other_date_evidence"].startswith(
        "wp-mrachkovsky:"
    )
    assert {r["year_supplied"] for r in rows} == {"true", "false"}
    assert (tmp_path / "chronology.ics").read_bytes().count(b"BEGIN:VEVENT") == len(chronology.events)
