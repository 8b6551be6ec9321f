"""Issue 26: a name in a heading is indexed at the heading. The section headings of chapters 4 and 7 name the
“Moscow Center” and the “Unified Center”; the indexes placed those mentions in the first paragraph after the
heading (4.5, 7.4). Now the place is the heading's own anchor, shown as “heading”, on the web, in the EPUB (which
carries the web's index pages) and in the PDF (whose register gives the page of the mention's own anchor).
"""

from __future__ import annotations

import json
import zipfile

from bs4 import BeautifulSoup

from redbook.downloads import siteplaces
from redbook.plugin.mentions import _block_of, _paragraph_of
from redbook.render.paragraphs import place_label

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
MENTION_PREFIXES = ("m-", "org-", "pl-")


def _heading_mentions(site):
    """(page, heading id, mention id) of every marked name in a heading of the reading text."""
    out = []
    for stem in ("foreword", *(f"chapter-{n}" for n in range(1, 8))):
        soup = BeautifulSoup((site / f"{stem}.html").read_text(encoding="utf-8"), "html.parser")
        for heading in soup.find_all(HEADINGS):
            for span in heading.find_all(attrs={"data-apparatus": ("person", "org", "placename")}):
                if span.get("id", "").startswith(MENTION_PREFIXES):
                    out.append((stem, heading["id"], span["id"]))
    return out


def test_a_name_in_a_heading_is_placed_at_the_heading():
    html = (
        '<div><p class="para" id="p4.4">Before.</p>'
        '<h2 id="the-moscow-center">The “<span id="org-moscow-center-2">Moscow Center</span>”</h2>'
        '<p class="para" id="p4.5">After.</p></div>'
    )
    soup = BeautifulSoup(html, "html.parser")
    node = soup.find(id="org-moscow-center-2").string
    assert _paragraph_of(node, _block_of(node)) == "the-moscow-center"  # before the fix: p4.5
    para = soup.find(id="p4.5").string
    assert _paragraph_of(para, _block_of(para)) == "p4.5"


def test_the_label_of_a_place():
    assert place_label("p4.5") == "4.5" and place_label("pF.4") == "F.4"
    assert place_label("the-moscow-center-and-the-unified-center") == "heading"
    places = {"a": ("chapter-4.html", "p4.5"), "b": ("chapter-4.html", "the-composition-of-the-center")}
    assert siteplaces.paragraph(places, "a") == "4.5" and siteplaces.paragraph(places, "b") is None


def test_the_web_and_epub_indexes_link_the_heading(site):
    found = _heading_mentions(site)
    assert {(stem, heading) for stem, heading, _ in found} >= {
        ("chapter-4", "the-moscow-center-and-the-unified-center"),
        ("chapter-7", "the-composition-of-the-center"),
    }
    indexes = "".join(
        (site / f"{name}.html").read_text(encoding="utf-8") for name in ("persons", "organisations", "places")
    )
    soup = BeautifulSoup(indexes, "html.parser")
    for stem, heading, _ in found:
        links = soup.select(f'a.place[href="{stem}.html#{heading}"]')
        assert links and all(a.get_text() == "heading" for a in links), (stem, heading)
    labels = {a.get_text() for a in soup.select("a.place") if "#p" not in a["href"] and "#note-" not in a["href"]}
    assert labels <= {"heading"}, labels  # a link of the indexes is a paragraph's number, a note, or the heading
    book = next(site.glob("*.epub"))
    with zipfile.ZipFile(book) as epub:
        orgs = epub.read("EPUB/organisations.xhtml").decode("utf-8")
        chapter = epub.read("EPUB/chapter-4.xhtml").decode("utf-8")
    assert 'href="chapter-4.xhtml#the-moscow-center-and-the-unified-center">heading</a>' in orgs
    assert 'id="the-moscow-center-and-the-unified-center"' in chapter


def test_the_open_data_gives_no_paragraph_for_a_heading(site):
    data = json.loads((site / "downloads" / "organisations.json").read_text(encoding="utf-8"))
    records = data if isinstance(data, list) else data.get("records", data.get("organisations", []))
    center = next(r for r in records if r["key"] == "unified-center")
    at_heading = [m for m in center["mentions_at"] if m["url"] == "chapter-7.html#org-unified-center-6"]
    assert at_heading and at_heading[0]["paragraph"] is None


def test_the_printed_index_gives_the_page_of_the_heading(edition, site):
    """The PDF's register (redbook/book/backmatter.py) places each mention at its own anchor, which in the print
    HTML stands in the heading: the page it gives is the heading's."""
    from redbook.book import backmatter
    from redbook.book.pages import site_pages
    from redbook.book.transform import PRINT, to_book

    pages = site_pages(site, edition)
    page = next(p for p in pages if p.stem == "chapter-7")
    article = to_book(edition, page, {p.stem for p in pages}, PRINT)
    ids = {tag["id"] for tag in article.find_all(id=True)}
    mention = next(m for m in edition.apparatus["organisations"].mentions_of("unified-center") if m.page == "chapter-7")
    place = backmatter._place(PRINT, mention.page, mention.anchor, mention.note, ids)
    assert place == "chapter-7--org-unified-center-1" and place in ids
    heading_mention = article.find(id="chapter-7--org-unified-center-6")
    assert heading_mention is not None and heading_mention.find_parent("h2") is not None
