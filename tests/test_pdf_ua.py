"""The printed book as PDF/UA-1 (WeasyPrint's pdf/ua-1 variant, redbook/book/pdf.py), read back with pypdf.

What is checked here: the XMP metadata identifies the file as PDF/UA part 1 and gives the title; the catalogue
has a structure tree (/StructTreeRoot), the document language (/Lang en), /MarkInfo /Marked true and
/ViewerPreferences /DisplayDocTitle true; the file is PDF 1.7; every page's text is inside marked content (no
text is drawn outside a BDC/BMC ... EMC sequence); every /Figure of the structure tree has alternative text;
the structure tree's elements are the kinds of a book (headings, paragraphs, lists, tables, links).

What cannot be checked without a PDF/UA validator (veraPDF is not installable from the registries this
project uses): the Matterhorn Protocol's checks as a whole; that the structure tree's reading order is the
logical one; that the footnotes, which WeasyPrint does not tag as Note structure elements, are reached where a
reader expects them (they are tagged as the paragraphs they are, on the page of their marker); that the
running heads and page numbers, left out of the tag tree by WeasyPrint, are marked as artifacts in every case;
the fonts' ToUnicode maps for every glyph; the contrast of the text. WeasyPrint itself says its variants are
"not guaranteed valid".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from redbook.book import pdf as book_pdf

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def reader(pdf) -> PdfReader:
    return PdfReader(pdf)  # the session's PDF (tests/conftest.py), as test_pdf.py reads it


def test_the_xmp_metadata_says_pdf_ua_1_and_gives_the_title(reader):
    xmp = reader.xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data().decode("utf-8")
    assert re.search(r'pdfuaid:part(="|>)1', raw), raw[:2000]
    assert book_pdf.TITLE in raw  # dc:title
    assert reader.metadata.title == book_pdf.TITLE


def test_the_catalogue_has_a_structure_tree_a_language_and_marked_content(reader):
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]) == "en"
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a PDF boolean, not Python's singleton
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert reader.pdf_header.endswith("1.7")


def _struct_elements(reader):
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    stack = [root]
    seen = set()
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        if kids is None:
            continue
        kids = kids.get_object()
        items = kids if isinstance(kids, list) else [kids]
        for kid in items:
            if hasattr(kid, "idnum"):
                if kid.idnum in seen:
                    continue
                seen.add(kid.idnum)
            kid = kid.get_object()
            if hasattr(kid, "get") and kid.get("/Type") == "/StructElem":
                yield kid
                stack.append(kid)


def test_the_structure_tree_is_a_books_and_every_figure_has_alternative_text(reader):
    kinds = {}
    for element in _struct_elements(reader):
        kind = str(element["/S"])
        kinds[kind] = kinds.get(kind, 0) + 1
        if kind == "/Figure":
            assert element.get("/Alt"), "a figure without alternative text"
    for kind in ("/Document", "/H1", "/P", "/L", "/LI", "/Table", "/Link"):
        assert kinds.get(kind), (kind, kinds)


def test_no_text_is_drawn_outside_marked_content(reader):
    untagged = []
    for number, page in enumerate(reader.pages, start=1):
        content = page.get_contents()
        if content is None:
            continue
        depth = 0
        for _operands, operator in ContentStream(content, reader).operations:
            if operator in (b"BDC", b"BMC"):
                depth += 1
            elif operator == b"EMC":
                depth -= 1
            elif operator in (b"Tj", b"TJ", b"'", b'"') and depth == 0:
                untagged.append(number)
                break
    assert not untagged, f"text outside marked content on pages {untagged[:20]}"
