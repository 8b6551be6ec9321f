"""Each renderer on each of its targets, from the model alone (no site build): what it declares on the web,
what the book makes of it in print and in the e-book, and its data form. The expectations are written from the
data files (footnotes/, data/emendations.yml), not from the renderers' output."""

from __future__ import annotations

from bs4 import BeautifulSoup

from redbook.book.transform import EBOOK, PRINT
from redbook.render import citations, emendations, notes, paragraphs, titles


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _declared(html: str, thing: str):
    return _soup(html).select_one(f'[data-apparatus="{thing}"]')


# -- notes ------------------------------------------------------------------------------------------------
def test_a_note_call_declares_itself_on_the_web(edition):
    call = _declared(notes.note_call(edition, edition.note(16), 1), "note")
    assert call["data-note"] == "16" and call["data-call"] == "1"
    assert call["data-copytext"] == "[16]"  # the fidelity proof reads the copy-text's marker
    assert call.find("button")["popovertarget"] == call.select_one("[popover]")["id"]
    assert "TASS" in call.select_one("[popover]").get_text()  # note 16: "TASS: the news agency ..."


def test_a_note_in_print_is_a_footnote_with_its_number_and_attribution(edition):
    author = next(n for n in edition.notes.values() if n.is_authors)
    editors = edition.note(16)
    for note in (author, editors):
        fn = _soup(notes.print_note(edition, note)).span
        assert fn["data-call"] == str(note.number) and fn["id"] == f"note-{note.number}"
        assert ("Editors’ note" in fn.get_text()) == (not note.is_authors)
        assert not fn.find(attrs={"popover": True}) and not fn.find("button")


def test_an_emended_note_in_print_carries_its_apparatus(edition):
    # E4: note 1 reads "used hem" in the copy-text, "used here" in the edition
    fn = _soup(notes.print_note(edition, edition.note(1))).span
    assert "used here" in fn.get_text() and "used hem" not in fn.select_one(".emendation").get_text()
    entry = fn.select_one(".app-entry")
    assert entry.select_one(".app-copy").get_text() == "used hem"
    assert entry.select_one(".app-lemma").get_text() == "used here"
    assert entry.select_one("a")["href"] == "principles.html#em-4-entry"


def test_a_note_call_in_the_books(edition):
    for form, expect in ((PRINT, "span"), (EBOOK, "a")):
        soup = _soup(notes.note_call(edition, edition.note(16), 1))
        call = soup.select_one('[data-apparatus="note"]')
        notes.book_call(edition, call, form, set())
        inner = call.find(True)
        assert inner.name == expect
        if form is EBOOK:
            assert inner["epub:type"] == "noteref" and inner["href"] == "#note-16"
        assert not soup.find("button") and not soup.find(attrs={"popover": True})


def test_a_shared_note_is_printed_once(edition):
    printed: set[int] = set()
    first = _soup(notes.note_call(edition, edition.note(27), 1)).select_one('[data-apparatus="note"]')
    again = _soup(notes.note_call(edition, edition.note(27), 2)).select_one('[data-apparatus="note"]')
    notes.book_call(edition, first, PRINT, printed)
    notes.book_call(edition, again, PRINT, printed)
    assert first.select_one(".fn")["id"] == "note-27"
    assert again.find("a")["href"] == "#note-27" and again["id"] == "ref-27-2"


def test_a_note_as_data_is_the_edition_reading_without_markup(edition):
    text = notes.plain_text(edition, edition.note(1))
    assert "used here" in text and "used hem" not in text and "<" not in text


# -- emendations ---------------------------------------------------------------------------------------------
def test_an_emendation_on_the_web_and_in_the_books(edition):
    em = edition.emendation(1)  # foreword: "lone in coming" -> "long in coming"
    web = _declared(emendations.emendation(em), "emendation")
    assert web["data-emendation"] == "1" and web["data-copytext"] == "lone in coming"
    assert web.select_one('[data-part="reading"]').get_text() == "long in coming"
    for form in (PRINT, EBOOK):
        soup = _soup(f'<p id="pF.2">{emendations.emendation(em)}</p>')
        element = soup.select_one('[data-apparatus="emendation"]')
        emendations.book(edition, element, form, "F.2")
        assert not soup.find("button") and not soup.find(attrs={"popover": True})
        if form is PRINT:
            assert element.select_one(".app-place").get_text() == "F.2"
        else:
            assert element.select_one("a.em-mark")["href"] == "principles.html#em-1-entry"


def test_a_deletion_in_the_apparatus(edition):
    em = edition.emendation(2)  # the backslash after 1936
    entry = _soup(emendations.apparatus_entry("F.1", em))
    assert entry.select_one(".app-copy").get_text() == "1936\\"
    assert entry.select_one(".app-lemma").get_text() == "1936"


# -- titles, paragraph numbers, citations ------------------------------------------------------------------------
def test_a_supplied_title_on_the_web_and_in_the_books(edition):
    page = edition.pages["chapter-1"]  # its title is supplied from the source site's contents page
    assert page.title_supplied
    for form in (PRINT, EBOOK):
        soup = _soup(titles.chapter_heading(page))
        head = soup.select_one('[data-apparatus="chapter-head"]')
        titles.book_heading(edition, head, form)
        h1 = head.find("h1")
        assert h1["data-running"] == page.title
        mark = head.select_one(".fn--supplied" if form is PRINT else "a.supplied-mark")
        assert mark is not None and "no title here" in (mark.get_text() if form is PRINT else mark["title"])


def test_a_paragraph_number_is_a_link_on_the_web_and_plain_in_the_book():
    attrs = paragraphs.web_number("3", 12)
    assert attrs["href"] == "#p3.12" and attrs["data-apparatus"] == "paragraph-number"
    soup = _soup('<a class="pnum" data-apparatus="paragraph-number" href="#p3.12" aria-label="x">3.12</a>')
    paragraphs.book(soup.a)
    assert str(soup) == '<span class="pnum" data-apparatus="paragraph-number">3.12</span>'


def test_a_citation_keeps_its_place_in_the_book(edition):
    data = edition.apparatus["sources"]
    citation = next(c for c in data.citations if c.note is None)
    soup = _soup(citations.cite_marker(edition, citation))
    citations.book(soup.select_one('[data-apparatus="citation"]'))
    assert soup.select_one(f"span.anchor#{citation.ident}") is not None
    assert not soup.find("button") and not soup.find(attrs={"popover": True})
