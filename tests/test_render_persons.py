"""The edition's identification of the persons on every target, made from the model without a site build: the
card and the index entry (web), the printed index of persons, and persons.json / persons.csv; the book's
statement always before the references'."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from bs4 import BeautifulSoup

import redbook
from redbook.book import backmatter
from redbook.book.transform import PRINT
from redbook.catalogue import FIELDS
from redbook.downloads import open_data
from redbook.render import persons
from redbook.render.target import Target

from support import replace_once


@pytest.fixture(scope="module")
def register(edition):
    return edition.apparatus["persons"]


def _text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


def test_dates_read_as_a_reader_reads_them():
    assert persons.human_date("1881") == "1881"
    assert persons.human_date("1881-01") == "January 1881"
    assert persons.human_date("1936-08-25") == "25 August 1936"


def test_the_card_gives_the_books_1880_first_then_the_references_1881(edition, register):
    card = persons.card(edition, register, register.person("smirnov"))
    text = _text(card)
    assert text.index("(born 1880)") < text.index("Smirnov, Ivan Nikitich (January 1881 – 25 August 1936)")
    disagrees = BeautifulSoup(card, "html.parser").select_one('.person-disagrees[data-field="born"]').get_text()
    assert disagrees.index("the book: 1880") < disagrees.index("the references: January 1881")
    assert "The book gives 1880; the reference gives January 1881." in disagrees
    links = {a["href"] for a in BeautifulSoup(card, "html.parser").select(".person-identified a.ref-link")}
    # every work the entry cites, for the person, an office or the disagreement: read from the data file itself
    entry = yaml.safe_load((edition.root / "data/identifications.yml").read_text(encoding="utf-8"))["smirnov"]
    cited = [e["ref"] for e in entry["evidence"]] + [e["ref"] for o in entry["offices"] for e in o["evidence"]]
    cited += [d["evidence"]["ref"] for d in entry["disagrees"]]
    assert {"wp-smirnov-in", "report-1936", "conquest-great-terror"} <= set(cited)
    assert links == {f"references.html#ref-{key}" for key in cited}


def test_every_disagreement_is_shown_in_card_and_index_entry(edition, register):
    ids = edition.apparatus["identifications"]
    assert ids.disagreements()
    for ident, d in ids.disagreements():
        person = register.person(ident.key)
        for html in (persons.card(edition, register, person), persons._index_entry(edition, register, person)):
            shown = BeautifulSoup(html, "html.parser").select(f'.person-disagrees[data-field="{d.field}"]')
            assert shown, (ident.key, d.field)
            text = " ".join(shown[0].get_text().split())
            assert text.index("the book:") < text.index("the references:") < text.index(d.remark), ident.key


def test_not_identified_and_not_searched(edition, register, project_copy):
    ids = edition.apparatus["identifications"]
    (shtykgold,) = [i for i in ids.unidentified() if i.key == "shtykgold"]
    entry = persons._index_entry(edition, register, register.person(shtykgold.key))
    assert "This edition, from reference works: not identified (searched: English Wikipedia" in _text(entry)
    # every person of the register has been searched; a person added later starts as "not searched", and shows
    # nothing of the edition's until then
    path = project_copy / "data/identifications.yml"
    entry = (
        "shtykgold:\n  status: not identified\n  searched: [English Wikipedia, showtrials.ru documents, memorial lists"
        " (pages search)]\n  remark: Two searches (Shtykgold, Штыкгольд, with Sklyansky) found nothing about him.\n"
    )
    replace_once(path, entry, "shtykgold: {status: not searched}\n")
    copy = redbook.load(project_copy)
    assert copy.apparatus["identifications"].of("shtykgold").status == "not searched"
    entry = persons._index_entry(copy, register, register.person("shtykgold"))
    assert "person-identified" not in entry and "not identified" not in entry


def test_other_spellings_are_visible_words_of_the_entry_and_cross_references(edition, register):
    page = persons.index_page(edition, "Index of persons")
    html = BeautifulSoup(page.split("---\n", 2)[2], "html.parser")
    for spelling, key in edition.apparatus["identifications"].spellings():
        entry = html.find(id=f"person-{key}")
        assert spelling in [s.get_text() for s in entry.select(".index-spellings .person-spelling")], spelling
    xref = html.find(id="spelling-pyatakov")
    assert xref.select_one("a")["href"] == "#person-piatakov" and "(other spelling)" in xref.get_text()
    assert html.find(id="spelling-ivan-smirnov") is None  # a name in full is no headword
    assert html.find(id="spelling-lurye") is None  # the spelling of two persons: in both entries, no reference


def test_the_printed_index_gives_the_identification_with_short_references(edition):
    section = backmatter.persons_index(edition, set(), None, PRINT)
    html = BeautifulSoup(section, "html.parser")
    entry = next(p for p in html.select("p.index-entry") if p.select_one(".index-name").get_text() == "Smirnov, I.N.")
    identification = entry.find_next_sibling("p")
    assert "index-identification" in identification["class"]
    text = " ".join(identification.get_text().split())
    assert "Smirnov, Ivan Nikitich (January 1881 – 25 August 1936)" in text
    assert text.index("the book: 1880") < text.index("the references: January 1881")
    assert not identification.select("a") and identification.select_one("i").get_text() == "Ivan Smirnov (politician)"
    assert "Pyatakov" in html.get_text() and "not identified" in html.get_text()


def test_print_target_has_no_links_into_the_web(edition, register):
    html = persons.identification(edition, register.person("mrachkovsky"), Target.PRINT)
    assert "href" not in html and "1883" in html and "15 June 1888" in html


def test_persons_downloads_carry_the_identifications(edition):
    downloads = {d.file: d for d in open_data.available(edition)}
    data = json.loads(open_data.content(edition, downloads["persons.json"]))
    smirnov = next(p for p in data["persons"] if p["key"] == "smirnov")
    assert smirnov["born"] == "1880" and smirnov["references_born"] == "1881-01"
    assert smirnov["references_name"] == "Smirnov, Ivan Nikitich"
    assert smirnov["disagreements"][0]["book"] == "1880" and smirnov["other_spellings"] == ["Ivan Smirnov"]
    rows = list(csv.DictReader(io.StringIO(open_data.content(edition, downloads["persons.csv"]))))
    assert list(rows[0]) == list(FIELDS["persons.csv"])
    row = next(r for r in rows if r["key"] == "evdokimov")
    assert row["other_spellings"] == "Yevdokimov" and row["references_status"] == "identified"
    assert json.loads(row["references_evidence"])[0]["ref"] == "wp-yevdokimov"
    statuses = {r["references_status"] for r in rows}
    assert statuses == {"identified", "not identified"}  # every person of the register has been searched
