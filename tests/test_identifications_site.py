"""End to end on the session's site: the identifications where a reader meets them (card, index, search, the
downloads), and the commentary reachable from its places on the web, in the print HTML and in the EPUB."""

from __future__ import annotations

import csv
import json
import re
import zipfile

import pytest
from bs4 import BeautifulSoup

from redbook.book import pdf as book_pdf


def _soup(site, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "lxml")


def _text(element) -> str:
    return " ".join(element.get_text(" ").split())


# -- the persons ---------------------------------------------------------------------------------------------
def test_the_card_shows_smirnovs_1881_after_the_books_1880(site):
    card = _soup(site, "chapter-5.html").find(id="card-smirnov")
    text = _text(card)
    assert text.index("(born 1880)") < text.index("January 1881")
    born = card.select_one('.person-disagrees[data-field="born"]')
    assert _text(born).index("1880") < _text(born).index("January 1881")
    for link in card.select(".person-identified a.ref-link"):
        key = link["href"].removeprefix("references.html#")
        assert _soup(site, "references.html").find(id=key) is not None, key


def test_the_index_entry_gives_the_identification_and_each_disagreement(site, edition):
    page = _soup(site, "persons.html")
    for ident, d in edition.apparatus["identifications"].disagreements():
        entry = page.find(id=f"person-{ident.key}")
        assert entry.select_one(".person-identified") is not None, ident.key
        assert entry.select_one(f'.person-disagrees[data-field="{d.field}"]') is not None, (ident.key, d.field)


@pytest.mark.parametrize("spelling", ["Pyatakov", "Yevdokimov", "Ter-Vaganyan", "Bakayev", "Wyszyński"])
def test_the_search_finds_the_persons_entry_under_another_spelling(site, spelling):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    hits = [d for d in index["docs"] if d["location"].startswith("persons.html#") and spelling in d["text"]]
    assert hits, f"the search index has no entry of the persons page with {spelling!r}"
    page = _soup(site, "persons.html")
    owner = next(
        s.find_parent(class_="index-entry") for s in page.select(".person-spelling") if s.get_text() == spelling
    )
    letter = owner.find_parent("section")
    assert any(h["location"] == f"persons.html#{letter.h2['id']}" for h in hits)


def test_persons_csv_gives_the_references_beside_the_book(site):
    with (site / "downloads/persons.csv").open(encoding="utf-8") as handle:
        rows = {r["key"]: r for r in csv.DictReader(handle)}
    assert rows["smirnov"]["born"] == "1880" and rows["smirnov"]["references_born"] == "1881-01"
    assert json.loads(rows["smirnov"]["disagreements"])[0]["references"] == "1881-01"


# -- the commentary ------------------------------------------------------------------------------------------
def test_every_remark_is_reachable_from_its_place_on_the_web(site, edition):
    listing = _soup(site, "commentary.html")
    for remark in edition.apparatus["commentary"].remarks.values():
        page = _soup(site, edition.pages[remark.page].url)
        marker = page.find(id=remark.anchor)
        assert marker is not None and marker.name == "button", remark.ident
        wrapper = marker.find_parent(attrs={"data-apparatus": "commentary"})
        assert wrapper["data-remark"] == remark.ident and wrapper["data-copytext"] == ""
        pop = page.find(id=marker["popovertarget"])
        assert remark.lemma in pop.get_text() and pop.select_one('a[href^="references.html#ref-"]')
        if remark.place.note is not None:
            assert marker.find_parent(id=f"note-{remark.place.note}") is not None, remark.ident
        else:
            paragraph = marker.find_parent(class_="para")
            assert remark.lemma.strip("“”") in paragraph.get_text(), remark.ident
            link = listing.find(id=remark.ident).select_one("a.place")
            assert link["href"] == f"{edition.pages[remark.page].url}#{paragraph['id']}", remark.ident


def test_the_markers_are_left_out_of_the_search(site):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    chapter = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("chapter-5.html"))
    assert "Petersburg Soviet" in chapter and "Petrograd from 1914" not in chapter


def test_every_remark_is_a_footnote_of_the_print_html(site, edition):
    html = BeautifulSoup(book_pdf.book_html(site, edition), "html.parser")
    for remark in edition.apparatus["commentary"].remarks.values():
        element = html.find(id=f"{remark.page}--{remark.anchor}")
        assert element is not None, remark.ident
        footnote = element if "fn" in element.get("class", []) else element.find_parent(class_="fn")
        assert footnote is not None and f"{remark.lemma}]" in element.get_text(""), remark.ident


def test_every_remark_is_a_noteref_of_the_epub(site, edition):
    book = zipfile.ZipFile(site / "red-book.epub")
    names = {n.rsplit("/", 1)[-1]: n for n in book.namelist()}
    commentary = book.read(names["commentary.xhtml"]).decode("utf-8")
    for remark in edition.apparatus["commentary"].remarks.values():
        chapter = book.read(names[f"{remark.page}.xhtml"]).decode("utf-8")
        ref = re.search(rf'<a [^>]*id="{remark.anchor}"[^>]*>', chapter)
        assert ref and f'href="commentary.xhtml#{remark.ident}"' in ref.group(0), remark.ident
        assert 'epub:type="noteref"' in ref.group(0)
        assert re.search(rf'<aside [^>]*id="{remark.ident}"', commentary), remark.ident


def test_commentary_json_is_offered_and_described(site, edition):
    data = json.loads((site / "downloads/commentary.json").read_text(encoding="utf-8"))
    assert len(data["commentary"]) == len(edition.apparatus["commentary"].remarks)
    described = _soup(site, "open-data.html")
    assert described.find(id="commentary-json") is not None and described.find(id="commentary-csv") is not None
