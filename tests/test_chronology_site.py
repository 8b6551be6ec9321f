"""The chronology in the built outputs: the Chronology page of the site (every event of data/chronology.yml,
each linked to the paragraph or note that holds its words; the timeline's SVG with a link per event and a text
equivalent), the e-book's page (the SVG kept as SVG, its links resolving), and the downloads (chronology.json,
.csv and .ics, described on the Open data page).

Expectations are read from data/chronology.yml and the built files here, not from the edition's model."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup
from lxml import etree

from redbook.catalogue import FIELDS

ROOT = Path(__file__).resolve().parent.parent
SVG = "http://www.w3.org/2000/svg"
XLINK = "{http://www.w3.org/1999/xlink}href"
XHTML = "http://www.w3.org/1999/xhtml"


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    return yaml.safe_load((ROOT / "data/chronology.yml").read_text(encoding="utf-8"))["events"]


@pytest.fixture(scope="module")
def page(site) -> BeautifulSoup:
    return BeautifulSoup((site / "chronology.html").read_text(encoding="utf-8"), "lxml")


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _reading_text(element) -> str:
    """What the element says as the reading text: without what the edition adds (data-copytext="", popovers
    and their buttons); an emendation gives the edition's reading."""
    element = BeautifulSoup(str(element), "lxml")
    for added in element.select('[data-copytext=""], [popover], button'):
        added.decompose()
    return element.get_text("")


def _target(site: Path, href: str):
    parts = urlsplit(href)
    target = BeautifulSoup((site / parts.path).read_text(encoding="utf-8"), "lxml")
    found = target.find(id=parts.fragment)
    assert found is not None, f"{href}: no such element"
    return found


# -- the web page ------------------------------------------------------------------------------------------
def test_the_page_lists_every_event_once(entries, page):
    rows = page.select("table.chronology-table tbody tr")
    assert sorted(r["data-event"] for r in rows) == sorted(e["id"] for e in entries)
    assert all(r["id"] == f"chrono-{r['data-event']}" for r in rows)


def test_each_event_links_to_the_paragraph_or_note_that_holds_its_words(entries, page, site):
    rows = {r["data-event"]: r for r in page.select("table.chronology-table tbody tr")}
    for entry in entries:
        link = rows[entry["id"]].find_all("td")[-1].find("a", href=True)
        href = link["href"]
        where = entry["place"]
        if "note" in where:
            page_of_note = href.partition(".html")[0]
            assert href == f"{page_of_note}.html#note-{where['note']}", (entry["id"], href)
            assert link.get_text() == f"note {where['note']}"
        else:
            assert href.startswith(f"{where['page']}.html#"), (entry["id"], href)
        target = _target(site, href)
        if target.name == "h1":  # words the build does not number (a subtitle): the head of the page
            target = target.find_parent("article") or target.find_parent("body")
        else:
            fragment = urlsplit(href).fragment
            assert fragment.startswith(("p", "note-")), href
            if fragment.startswith("p"):
                assert link.get_text() == fragment[1:]  # the paragraph's number, as the other registers give it
        assert _squeeze(entry["quote"]) in _squeeze(_reading_text(target)), (entry["id"], href)


def test_no_placeholder_of_the_build_is_left_anywhere(site):
    for html in site.glob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not re.search(r'href="[^"]*#chronology-', text), html.name
        assert "data-place=" not in text, html.name


def test_the_timeline_has_a_link_per_event_and_a_text_equivalent(entries, page):
    figure = page.select_one('figure[data-apparatus="timeline"]')
    svg = figure.find("svg")
    assert svg is not None and svg.find("title") is not None and svg.find("desc") is not None
    labelled = svg["aria-labelledby"].split()
    assert all(figure.find(id=ident) is not None for ident in labelled)
    marks = svg.select("a.tl-event")
    listed = figure.select("ol.timeline-list > li > a[data-event]")
    assert len(marks) == len(listed) == len(entries)
    # the same places, in the same order (time), as the list and as the table
    assert [a["href"] for a in marks] == [a["href"] for a in listed]
    assert all(a.get("xlink:href") == a["href"] for a in marks)
    table = {
        r["data-event"]: r.find_all("td")[-1].find("a")["href"] for r in page.select("table.chronology-table tbody tr")
    }
    assert [a["href"] for a in listed] == [table[a["data-event"]] for a in listed]
    rows = [r["data-event"] for r in page.select("table.chronology-table tbody tr")]
    assert [a["data-event"] for a in listed] == rows  # the table is in the same order
    for mark in marks:
        assert mark["aria-label"] and mark.find("title").get_text() == mark["aria-label"]


def test_the_page_is_in_the_navigation_after_the_indexes(site):
    nav = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    urls = [a["href"] for a in nav.select("nav.md-nav--primary a.md-nav__link[href]")]
    assert "chronology.html" in urls
    assert urls.index("chronology.html") > urls.index("persons.html")


# -- the downloads -----------------------------------------------------------------------------------------
def test_the_downloads_follow_the_data_file_and_give_each_events_place(entries, site):
    folder = site / "downloads"
    data = json.loads((folder / "chronology.json").read_text(encoding="utf-8"))
    assert data["count"] == len(entries) and sorted(e["id"] for e in data["events"]) == sorted(e["id"] for e in entries)
    days = [e["start"] for e in data["events"]]
    assert days == sorted(days)
    rows = list(csv.DictReader(io.StringIO((folder / "chronology.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [e["id"] for e in data["events"]]
    page = BeautifulSoup((site / "chronology.html").read_text(encoding="utf-8"), "lxml")
    table = {r["data-event"]: r.find_all("td")[-1].find("a")["href"] for r in page.select("tr[data-event]")}
    for row in rows:
        assert row["url"] == table[row["id"]]
        if row["paragraph"]:
            assert row["url"].endswith(f"#p{row['paragraph']}")
        assert (row["note"] != "") == ("#note-" in row["url"])


def test_the_ics_parses_with_one_all_day_event_an_entry_and_every_property_described(entries, site):
    raw = (site / "downloads" / "chronology.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert sorted(str(v["UID"]).partition("@")[0] for v in events) == sorted(e["id"] for e in entries)
    for vevent in events:
        assert type(vevent["DTSTART"].dt) is dt.date and vevent["DTEND"].dt > vevent["DTSTART"].dt
    described = set(FIELDS["chronology.ics"])
    used = {name for v in events for name in v} | {name for name in calendar if name not in ("VERSION",)}
    used -= {"VERSION", "CALSCALE", "METHOD"}  # the calendar's own frame, the same in every iCalendar file
    assert used == described, used ^ described
    dictionary = BeautifulSoup((site / "open-data.html").read_text(encoding="utf-8"), "lxml")
    shown = {code.get_text() for code in dictionary.select("table.data-dictionary code")}
    assert described <= shown
    assert dictionary.find("a", href="downloads/chronology.ics") is not None


# -- the e-book --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ebook(site) -> zipfile.ZipFile:
    return zipfile.ZipFile(site / "red-book.epub")


def test_the_ebook_keeps_the_timeline_as_svg_with_links_that_resolve(entries, ebook):
    names = [n for n in ebook.namelist() if n.endswith("chronology.xhtml")]
    assert len(names) == 1
    name = names[0]
    doc = etree.fromstring(ebook.read(name))
    svg = doc.find(f".//{{{SVG}}}svg")
    assert svg is not None and svg.get("viewBox"), "the SVG lost its namespace or its viewBox"
    links = svg.findall(f".//{{{SVG}}}a")
    assert len(links) == len(entries)
    documents = {n: etree.fromstring(ebook.read(n)) for n in ebook.namelist() if n.endswith(".xhtml")}
    for link in links:
        href = link.get(XLINK)
        assert href and href == link.get("href")
        parts = urlsplit(href)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), parts.path))
        assert target in documents, href
        assert documents[target].xpath("//*[@id=$id]", id=parts.fragment), href
    # the text equivalent follows the figure, one item a event
    assert len(doc.findall(f".//{{{XHTML}}}ol[@class='timeline-list']/{{{XHTML}}}li")) == len(entries)
    opf_name = next(n for n in ebook.namelist() if n.endswith(".opf"))
    opf = ebook.read(opf_name).decode("utf-8")
    item = re.search(r'<item [^>]*href="chronology\.xhtml"[^>]*>', opf).group(0)
    assert 'properties="svg"' in item
