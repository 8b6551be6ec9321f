"""How many times redbook/book/pdf.build lays the book out, and that the page numbers it writes in are proved.

The registers and the contents give the pages of their places; the numbers are written into the print HTML from a
layout's map (pdf._known_pages), not counted by WeasyPrint's target-counter (which laid most pages out three to
five times and left numbers of the contents wrong). A written number is only kept when the layout it was given to
puts every place on the page it says: these tests lay out a stand-in book whose places stand where `TRUE` says,
and plant stale page maps.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from redbook.book import lastlayout
from redbook.book import pdf as book_pdf

TRUE = {"contents": 3, "chapter-1": 9, "chapter-1--p1.1": 9, "register": 40}


class _Laid:
    """A laid-out document as pdf.build reads it: pages with anchors."""

    def __init__(self, html: str):
        self.html = html
        pages: dict[int, list] = {}
        for anchor, number in TRUE.items():
            pages.setdefault(number, []).append(anchor)
        self.pages = [type("Page", (), {"anchors": {a: None for a in pages.get(n, [])}})() for n in range(1, 41)]


@pytest.fixture
def stand_in(monkeypatch, tmp_path):
    """pdf.build with the book's HTML and WeasyPrint replaced: each layout is recorded with the page map it had."""
    layouts: list = []
    written: list = []
    face = tmp_path / "assets" / "fonts" / "face.woff2"  # a file of the site the layout fetches
    face.parent.mkdir(parents=True)
    face.write_bytes(b"a face")

    def book_html(site, edition, page_of=None, *, draft=False):
        layouts.append({"draft": draft, "page_of": dict(page_of) if page_of else None})
        return f"<html>{edition.words}</html>"

    def render(html, site, fetched=None):
        fetched.add("assets/fonts/face.woff2")
        return _Laid(html)

    monkeypatch.setattr(book_pdf, "book_html", book_html)
    monkeypatch.setattr(book_pdf, "render", render)
    monkeypatch.setattr(
        book_pdf,
        "write_pdf",
        lambda document, out: (written.append(layouts[-1]), out.write_bytes(b"%PDF " + document.html.encode())),
    )
    edition = type("Edition", (), {"root": tmp_path, "words": "the text"})()
    return edition, layouts, written, tmp_path


def _map(tmp_path: Path, found: dict) -> None:
    path = tmp_path / book_pdf.PAGE_MAP
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(found), encoding="utf-8")


def test_without_a_page_map_a_draft_then_the_whole_until_its_numbers_hold(stand_in):
    """The draft's map lacks the back matter: the first whole layout prints placeholders, the second the pages."""
    edition, layouts, written, root = stand_in
    figures = book_pdf.build(root, root / "out.pdf", edition)
    assert figures["layouts"] == 3 and layouts[0]["draft"] and not layouts[1]["draft"]
    assert written[0]["page_of"] == TRUE
    assert json.loads((root / book_pdf.PAGE_MAP).read_text()) == TRUE


def test_a_page_map_that_holds_is_one_layout(stand_in):
    edition, layouts, written, root = stand_in
    _map(root, TRUE)
    assert book_pdf.build(root, root / "out.pdf", edition)["layouts"] == 1
    assert written[0]["page_of"] == TRUE


def test_a_stale_page_map_is_laid_out_again_and_the_pdf_has_the_true_pages(stand_in):
    edition, layouts, written, root = stand_in
    _map(root, {**TRUE, "register": 41})  # a place moved since the last build
    assert book_pdf.build(root, root / "out.pdf", edition)["layouts"] == 2
    assert written[0]["page_of"] == TRUE


def test_pages_of_ids_gives_the_page_an_element_starts_on():
    """target-counter counts the page where an element starts; an element over two pages is an anchor of both."""
    document = type("Document", (), {})()
    document.pages = [type("Page", (), {"anchors": anchors})() for anchors in ({"a": 0}, {"a": 0, "b": 0}, {"b": 0})]
    assert book_pdf.pages_of_ids(document) == {"a": 1, "b": 2}


def test_a_known_page_is_written_in_an_unknown_one_held_and_a_missing_place_prints_none():
    soup = BeautifulSoup(
        '<nav class="toc"><ol><li><a href="#chapter-1">1</a></li><li><a href="#register">R</a></li></ol></nav>'
        '<section id="chapter-1"><p id="chapter-1--p1.1"><a class="xref" href="#chapter-1--p1.1">x</a> '
        '<a href="#chapter-1">plain</a> <a class="pageref" href="#open-data">gone</a></p></section>'
        '<section id="register"></section>',
        "html.parser",
    )
    book_pdf._known_pages(soup, {"chapter-1": 9, "chapter-1--p1.1": 10}, book_pdf.element_ids(soup))
    pages = {a.get_text(): a.get("data-page") for a in soup.find_all("a")}
    assert pages == {"1": "9", "R": str(book_pdf.PLACEHOLDER), "x": "10", "plain": None, "gone": None}
    gone = soup.find("a", string="gone")
    assert gone.get("class") == [] and not gone.has_attr("href")  # the print names the page, without a number


def test_numbers_that_never_settle_fail_the_build(stand_in, monkeypatch):
    edition, layouts, written, root = stand_in
    turn = iter(range(1, 100))
    monkeypatch.setattr(book_pdf, "pages_of_ids", lambda document: {"register": next(turn)})
    with pytest.raises(book_pdf.PluginError, match="did not settle"):
        book_pdf.build(root, root / "out.pdf", edition)
    assert not written
    assert not (root / lastlayout.FOLDER / lastlayout.RECORD).exists()  # nothing kept for the next build


# -- the last book, taken as it is where its layout would read what it read (redbook/book/lastlayout.py) --------
def test_a_book_whose_layout_would_read_what_the_last_one_read_is_not_laid_out_again(stand_in):
    edition, layouts, written, root = stand_in
    _map(root, TRUE)
    first = book_pdf.build(root, root / "one.pdf", edition)
    second = book_pdf.build(root, root / "two.pdf", edition)
    assert (first["layouts"], second["layouts"]) == (1, 0) and len(written) == 1
    assert (root / "two.pdf").read_bytes() == (root / "one.pdf").read_bytes()


@pytest.mark.parametrize("change", ["words", "fetched file", "kept book", "library"])
def test_a_book_whose_layout_would_read_anything_else_is_laid_out(stand_in, monkeypatch, change):
    edition, layouts, written, root = stand_in
    _map(root, TRUE)
    book_pdf.build(root, root / "one.pdf", edition)
    if change == "words":  # an edit of the text: the print HTML differs
        edition.words = "the edited text"
    elif change == "fetched file":  # a font of the site changed
        (root / "assets" / "fonts" / "face.woff2").write_bytes(b"another face")
    elif change == "kept book":  # the kept PDF is not the one the record describes
        (root / lastlayout.FOLDER / lastlayout.PDF).write_bytes(b"%PDF altered")
    else:  # WeasyPrint or a library it lays out with, Pango, the system's fonts
        system = lastlayout._system()
        monkeypatch.setattr(lastlayout, "_system", lambda: [*system, "another version"])
    assert book_pdf.build(root, root / "two.pdf", edition)["layouts"] == 1 and len(written) == 2
    assert (root / "two.pdf").read_bytes() == b"%PDF <html>" + edition.words.encode() + b"</html>"
