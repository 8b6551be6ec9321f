"""Issue 25: where the book quotes the trial record (data/record.yml) and the volumes of the case the record cites
(data/volumes.yml). The data is record-data's; these tests write their own (tests/record_fixture.py) into a
throw-away copy of the project: the model's checks (each failure names the file, the line and the fix), the
renderers (the card's locator, the Sources page's order, the volumes table, the book's list) and the downloads."""

from __future__ import annotations

import csv
import io
import json
import shutil
from dataclasses import replace

import pytest
import record_fixture
from bs4 import BeautifulSoup

import redbook
from redbook import catalogue
from redbook.apparatus.record import QUOTED_SOURCES
from redbook.book import backmatter
from redbook.book.transform import PRINT
from redbook.downloads import open_data
from redbook.render import citations
from redbook.render import record as render
from redbook.render.generated import dossiers as dossiers_page

from support import ROOT, line_of, load_fails_with

DATA = "data/record.yml"
VOLUMES = "data/volumes.yml"


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    """The edition with the fixture's record and volumes, loaded once for the module."""
    project = tmp_path_factory.mktemp("record") / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "footnotes", "data", "source", "macros", "scripts", "redbook", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, project / name)
    record_fixture.write(project)
    return redbook.load(project)


def _fails(project, pattern: str, needle: str | None = None, path: str = DATA) -> str:
    at = f"{path}:{line_of(project / path, needle)}" if needle is not None else path
    return load_fails_with(project, pattern, at)


# -- the model ----------------------------------------------------------------------------------------------


def test_without_the_data_the_part_is_empty_and_the_check_off(project_copy):
    for name in (DATA, VOLUMES):
        (project_copy / name).unlink(missing_ok=True)
    edition = redbook.load(project_copy)  # every cite of record1936 is unmatched, and the model loads
    assert edition.apparatus["record"] is None
    assert not [d for d in catalogue.available(edition) if d.part == "record"]
    assert render.quoting_places(edition, "record1936") == "" and render.volumes_section(edition) == ""


def test_the_fixture_loads_and_every_citation_of_the_record_has_its_quotation(recorded):
    data = recorded.apparatus["record"]
    assert len([q for q in data.quotations if q.quotes == "record1936"]) == 19
    cited = recorded.apparatus["sources"].citations_of("record1936")
    assert len(cited) == 19 and all(data.for_citation(c) is not None for c in cited)
    for key in QUOTED_SOURCES:  # the indictment, the verdicts and the press: each citation has its entry too
        assert all(data.for_citation(c).quotes == key for c in recorded.apparatus["sources"].citations_of(key)), key
    verdict = next(c for c in recorded.apparatus["sources"].citations_of("verdict1936") if c.note == 21)
    assert data.for_citation(verdict).key == "n21-verdict1936-established"
    first = next(c for c in cited if c.page == "chapter-3")
    assert data.for_citation(first).key == "ch3-reingold-kirov"
    assert data.for_citation(next(c for c in cited if c.note == 21)).key == "n21"


def test_the_record_order_is_by_session_then_part(recorded):
    order = [q.key for q in recorded.apparatus["record"].in_record_order() if q.quotes == "record1936"]
    # 19 August morning (indictment), 19 evening, 20 morning, 22 morning; then those not located, book order
    assert order[:4] == ["ch3-evdokimov", "ch3-reingold-kirov", "ch3-bakaev", "ch2-kamenev-third"]
    assert order[4:6] == ["fw-record", "ch3-vyshinsky-honor"] and order[-1] == "n32"


def test_the_copy_address_is_the_copy_and_the_page_file(recorded):
    data = recorded.apparatus["record"]
    address = data.copy_address(data.quotation("ch3-reingold-kirov"))
    assert address == "https://www.marxists.org/history/ussr/government/law/1936/moscow-trials/19/reingold.htm"
    assert data.copy_address(data.quotation("ch4-power")) is None


BAD = [
    (
        'near: "I learned from Zinoviev himself"',
        'near: "I learned from Kamenev himself"',
        r"are not in docs/chapter-3.md",
    ),
    (
        '    quotes: record1936\n    kind: quotation\n    status: located\n    copy: report-1936\n    session: "1936-08-19 evening"',
        '    quotes: record1937\n    kind: quotation\n    status: located\n    copy: report-1936\n    session: "1936-08-19 evening"',
        r"'quotes: record1937' is not a key of data/sources.bib",
    ),
    (
        'copy: report-1936\n    session: "1936-08-19 evening"',
        'copy: report-1937\n    session: "1936-08-19 evening"',
        r"the copy 'report-1937' is not a key of data/references.bib",
    ),
    (
        "    agreement: close\n  - key: ch3-evdokimov",
        "    agreement: nearly\n  - key: ch3-evdokimov",
        r"'agreement: nearly' is not one of same, close, different, not found",
    ),
    ('    remark: "The copy gives other words."\n', "", r"agreement 'different' needs a 'remark'"),
    (
        '    searched:\n      - "report-1936: 22/vyshinsky.htm: searched “out-do”"\n',
        "",
        r"is not located but says nothing of the search",
    ),
    (
        'status: not located in the copies read, searched: ["x"]}\n  - {key: ch4-lied',
        'status: lost, searched: ["x"]}\n  - {key: ch4-lied',
        r"'status: lost' is not one of located",
    ),
    (
        'at: "20/kamenev.htm"',
        'at: "21/kamenev.htm"',
        r"the page '21/kamenev.htm' is not among the pages of report-1936 read",
    ),
    ("kind: paraphrase, status", "kind: summary, status", r"'kind: summary' is not one of quotation, paraphrase"),
    ('near: "The principal practical task"', 'near: "The secondary practical task"', r"are not in note 21"),
    ('near: "Evdokimov finally testifies"', 'near: "Evdokimov"', r"stand \d+ times in docs/chapter-3.md"),
]


@pytest.mark.parametrize(("old", "new", "pattern"), BAD, ids=[b[2][:40] for b in BAD])
def test_each_bad_field_names_the_file_the_line_and_the_fix(project_copy, old, new, pattern):
    record_fixture.write(project_copy, record_fixture.RECORD.replace(old, new, 1))
    assert old in record_fixture.RECORD
    load_fails_with(project_copy, pattern, DATA)


def test_a_located_quotation_needs_its_locator(project_copy):
    record_fixture.write(project_copy, record_fixture.RECORD.replace('    at: "20/kamenev.htm"\n', ""))
    _fails(project_copy, r"quotation ch3-bakaev is located but has no 'at'", "key: ch3-bakaev")


def test_a_citation_without_its_quotation_fails_with_the_docs_file_and_line(project_copy):
    text = record_fixture.RECORD.replace(
        'near: "Evdokimov finally testifies"', 'near: "It was decided at this meeting"'
    )
    record_fixture.write(project_copy, text)
    assert "It was decided at this meeting" in (project_copy / "docs/chapter-3.md").read_text(encoding="utf-8")
    # the words are in the same paragraph: still green
    redbook.load(project_copy)
    text = record_fixture.RECORD.replace(
        'near: "Evdokimov finally testifies"', 'near: "It seems that Zinoviev is very worried"'
    )
    record_fixture.write(project_copy, text)
    message = load_fails_with(
        project_copy,
        r'cite\("record1936", "Evdokimov"\) has no quotation entry in data/record.yml for its paragraph',
        f"docs/chapter-3.md:{line_of(project_copy / 'docs/chapter-3.md', 'Evdokimov finally testifies')}",
    )
    assert "page: chapter-3" in message


def test_a_note_citation_of_the_verdict_without_its_quotation(project_copy):
    """Not only the record as a whole: a citation of the verdict (or the indictment, the press) needs its entry."""
    line = next(x for x in record_fixture.RECORD.splitlines(keepends=True) if "key: n21-verdict1936-established" in x)
    record_fixture.write(project_copy, record_fixture.RECORD.replace(line, ""))
    load_fails_with(
        project_copy, r"note 21 cites verdict1936 but data/record.yml has no quotation entry", "footnotes/chapter-3.yml"
    )


def test_a_note_citation_without_its_quotation(project_copy):
    text = record_fixture.RECORD.replace(
        '  - {key: n32, note: 32, near: "according to the court information", quotes: record1936, kind: paraphrase, '
        'status: not located in the copies read, searched: ["x"]}\n',
        "",
    )
    record_fixture.write(project_copy, text)
    load_fails_with(
        project_copy, r"note 32 cites record1936 but data/record.yml has no quotation entry", "footnotes/chapter-6.yml"
    )


def test_the_volumes_are_checked(project_copy):
    record_fixture.write(project_copy, volumes=record_fixture.VOLUMES.replace('volume: "XII"', 'volume: "12"'))
    _fails(project_copy, r"volume '12' is not a Roman number", 'volume: "12"', VOLUMES)
    record_fixture.write(project_copy, volumes=record_fixture.VOLUMES.replace("whose: zinoviev", "whose: zinovev"))
    _fails(project_copy, r"'whose: zinovev' is not a key of data/persons.yml", "whose: zinovev", VOLUMES)
    record_fixture.write(
        project_copy, volumes=record_fixture.VOLUMES.replace("  - person: zinoviev", "  - person: trotsky")
    )
    _fails(project_copy, r"'person: trotsky' has no dossier number", "person: trotsky", VOLUMES)


# -- the renderers ------------------------------------------------------------------------------------------


def test_the_card_of_a_citation_gives_the_locator(recorded):
    data = recorded.apparatus["record"]
    cited = next(c for c in recorded.apparatus["sources"].citations_on_page("chapter-3") if c.key == "record1936")
    card = BeautifulSoup(citations.cite_marker(recorded, cited), "html.parser")
    rec = card.select_one(".cite-pop .cite-pop__rec")
    assert rec is not None
    words = rec.get_text(" ", strip=True)
    assert "1936-08-19 evening" in words and "examination of Reingold" in words and "close" in words
    assert rec.a["href"] == data.copy_address(data.quotation("ch3-reingold-kirov"))
    other = next(c for c in recorded.apparatus["sources"].citations_on_page("chapter-4") if c.key == "record1936")
    assert "Not located" in citations.cite_marker(recorded, other)


def test_the_sources_page_lists_the_quotations_in_the_record_order(recorded):
    page = BeautifulSoup(citations.sources_page(recorded, "Sources"), "html.parser")
    items = page.select("#src-record1936 .record-places li")
    order = [q.anchor for q in recorded.apparatus["record"].in_record_order() if q.quotes == "record1936"]
    assert [li["id"] for li in items] == order
    link = items[0].select_one("a.place")
    assert link["href"] == "chapter-3.html" and link["data-place"] == "rec-ch3-evdokimov"
    assert items[-1].select_one("a")["href"] == "chapter-6.html#note-32"
    # each page quotation is a phrase: the build links it to its numbered paragraph
    every = [q.anchor for q in recorded.apparatus["record"].in_record_order()]
    assert {p.key for p in recorded.apparatus["record"].phrases()} == {a for a in every if not a.startswith("rec-n")}


def test_the_volumes_table_on_the_dossier_page(recorded):
    page = BeautifulSoup(dossiers_page.markdown(recorded), "html.parser")
    rows = page.select("table.record-volumes tbody tr")
    assert [r.th.get_text() for r in rows] == ["XXXVI", "XII"]
    assert rows[0].a["href"].endswith("/19/indictment.htm")
    # each row reaches the book: the defendant's dossier number (whose row gives the book's words and place)
    numbers = recorded.apparatus["record"].dossier_numbers
    for row, v in zip(rows, recorded.apparatus["record"].volumes):
        last = row.find_all("td")[-1]
        if v.whose in numbers:
            assert last.a["href"] == f"#n{numbers[v.whose]}" and page.find(id=f"n{numbers[v.whose]}") is not None
        else:
            assert last.get_text() == "—"
    compared = page.select("table.record-comparison tbody tr")
    assert len(compared) == 1
    cells = [td.get_text() for td in compared[0].find_all("td")]
    assert cells[0] == "12" and cells[1] == "Vol. XXXVI, p. 6"
    assert compared[0].find("a")["href"] == "#n12"


def test_the_book_lists_the_locators_as_text(recorded):
    html = backmatter.sources_list(recorded, set(), None, PRINT)
    entries = BeautifulSoup(html, "html.parser").select("ul.record-places li")
    assert len(entries) == len(recorded.apparatus["record"].quotations)  # under the entry of each source quoted
    assert entries[0].get_text().startswith("session of 1936-08-19 morning, indictment: 19/indictment.htm")
    data = recorded.apparatus["record"]
    ident = next(i for i, q in data.by_citation.items() if q.key == "ch3-evdokimov")  # its cite's marker
    assert entries[0].a["href"] == f"#chapter-3--{ident}"


def test_without_volumes_there_is_no_table(recorded, monkeypatch):
    assert render.volumes_section(recorded) != ""
    monkeypatch.setitem(recorded.apparatus, "record", replace(recorded.apparatus["record"], volumes=[]))
    assert render.volumes_section(recorded) == ""


# -- the downloads ------------------------------------------------------------------------------------------


def test_the_downloads(recorded):
    files = {d.file: d for d in catalogue.available(recorded) if d.part == "record"}
    assert set(files) == {"record.json", "record.csv", "volumes.json", "volumes.csv"}
    rows = list(csv.DictReader(io.StringIO(open_data.content(recorded, files["record.csv"]))))
    assert [r["key"] for r in rows][:2] == ["fw-record", "ch2-kamenev-third"]
    assert list(rows[0]) == list(catalogue.FIELDS["record.csv"])
    volumes = list(csv.DictReader(io.StringIO(open_data.content(recorded, files["volumes.csv"]))))
    assert volumes[0]["dossier"] == "12" and list(volumes[0]) == list(catalogue.FIELDS["volumes.csv"])
    for name in ("record.json", "volumes.json"):
        data = json.loads(open_data.content(recorded, files[name]))
        assert set(data) == set(catalogue.FIELDS[name]), name
    comparison = json.loads(open_data.content(recorded, files["volumes.json"]))["comparison"][0]
    assert comparison["volumes"] == ["Vol. XXXVI, p. 6"] and comparison["dossier"] == 12
