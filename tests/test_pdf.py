"""The printed book (redbook/book/pdf.py), read back from the PDF with pypdf and poppler's pdftotext.

Expectations come from the edition's sources (titles, notes, emendations from the model; words from the
copy-text) and from the fonts shipped in docs/assets/fonts, never from the print HTML the program made.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from redbook.book import pdf as book_pdf
from redbook.copytext import COPYTEXT, words
from redbook.fidelity import copytext_words_of_page

from support import first_difference

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")


@pytest.fixture(scope="session")
def reader(pdf) -> PdfReader:
    return PdfReader(pdf)


def _norm(text: str) -> str:
    """Text as compared: hyphenation at line ends undone, all white space one space, quotes plain."""
    text = re.sub(r"-\n(?=[a-z])", "", text)
    text = text.replace("\u00ad", "")
    return " ".join(text.split())


@pytest.fixture(scope="session")
def pages(pdf) -> list[str]:
    """The text of each page (index 0 = page 1), as pdftotext reads it."""
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [_norm(page) for page in raw.stdout.split("\f")]


@pytest.fixture(scope="session")
def destinations(reader) -> dict[str, int]:
    """Named destinations (the print HTML's element ids) -> page index."""
    return {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}


def _outline(reader, items=None, depth=0):
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            yield from _outline(reader, item, depth + 1)
        else:
            yield depth, item.title, reader.get_destination_page_number(item)


def _words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


def _without_marks(text: str) -> str:
    """Page text without what the print edition adds inside a note: the ° of an emendation, the mark of a remark of
    the commentary after its lemma ("1918-1922c13."), and the page of this printing after a reference to a page of
    the 1980 edition ("See page 17 [p. 31].")."""
    text = re.sub(r"(?<=\S)c\d{1,2}(?!\w)", "", text)
    return re.sub(r" \[p\. \d+\]", "", text.replace("°", ""))


def _note_words(edition, note) -> str:
    """A note's words as a reader sees them: its emendations (data/emendations.yml) made, no Markdown emphasis."""
    text = note.text
    for em in edition.emendations_of_note(note.number):
        text = text.replace(em.copy, em.reading, 1)
    return _norm(re.sub(r"[*_]", "", text))


# -- the book's structure -------------------------------------------------------------------------------------
def test_the_page_is_a5(reader):
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (148, 210)


def test_every_chapter_title_is_in_the_pdf(edition, pages):
    text = " ".join(pages)
    for page in edition.reading_pages():
        if page.part != "front":
            assert _norm(page.title) in text, page.title


def test_the_outline_has_an_entry_per_chapter_on_a_right_hand_page(edition, reader, pages):
    entries = [(title, index) for depth, title, index in _outline(reader) if depth == 0]
    for page in edition.reading_pages():
        if page.part == "front":
            continue
        hits = [index for title, index in entries if _norm(page.title) in _norm(title)]
        assert len(hits) == 1, f"{page.title}: {entries}"
        assert _norm(page.title) in pages[hits[0]], f"the bookmark of {page.title} leads to page {hits[0] + 1}"
        assert hits[0] % 2 == 0, f"{page.title} opens on page {hits[0] + 1}, a left-hand page"


def test_the_outline_has_the_back_matter(reader):
    titles = [title for depth, title, _ in _outline(reader) if depth == 0]
    assert "Editorial principles and emendations" in titles


def test_the_contents_give_the_page_where_each_chapter_opens(edition, reader, pages):
    opening = {title: index + 1 for depth, title, index in _outline(reader) if depth == 0}
    contents = next(text for text in pages[:6] if text.startswith("Contents"))
    for page in edition.chapters():
        number = next(n for title, n in opening.items() if _norm(page.title) in _norm(title))
        pattern = re.escape(_norm(page.title)) + r"[ .]*" + str(number) + r"\b"
        assert re.search(pattern, contents), f"contents: {page.title} should say page {number}"


def test_the_contents_give_the_page_where_each_part_of_the_back_matter_opens(reader, pages):
    """The numbers of the contents are written in from a layout (pdf._known_pages): each must be the page where
    the outline says the part opens."""
    contents = next(text for text in pages[:6] if text.startswith("Contents"))
    back = ("Commentary", "Chronology", "References", "Sources", "Index of persons", "Index of places")
    opening = {title: index + 1 for depth, title, index in _outline(reader) if depth == 0 and title in back}
    assert set(opening) == set(back)
    for title, number in opening.items():
        found = re.search(re.escape(title) + r"[ .]*(\d+)\b", contents)
        assert found and int(found.group(1)) == number, f"contents: {title} should say page {number}"


def test_a_link_to_a_person_of_the_register_gives_the_page_of_the_index_entry(pages):
    """The rosters link each name to the index of persons; every such link prints a page number, and it is the
    page where the person's entry stands (before, the number was left empty: the entry had no id in print)."""
    text = " ".join(pages)
    found = set(re.findall(r"Zinoviev, G\.E\., p\. ?(\d*)", text))
    assert found and "" not in found
    (number,) = found
    assert "Zinoviev, G.E. (born 1883)" in pages[int(number) - 1]


def test_the_title_page_and_the_publication_history(pages):
    assert "The Red Book on the Moscow Trials" in pages[0] and "Leon Sedov" in pages[0]
    history = " ".join(pages[1:3])
    for printed in (
        "Published by New Park Publications Ltd, 1980",
        "Byulletin Oppositsii, Nos.52-53, October 1936",
        "Le Livre Rouge sur les proces de Moscou, Paris, 1936",
        "Transcribed: For ETOL, September, 2000",
    ):
        assert printed in history, printed


def test_running_heads_name_the_chapter(edition, reader, pages):
    """A right-hand page inside a chapter (not its opening page) is headed with the chapter's title."""
    openings = sorted((index, title) for depth, title, index in _outline(reader) if depth == 0)
    for page in edition.chapters():
        start = next(index for index, title in openings if _norm(page.title) in _norm(title))
        end = next((index for index, _ in openings if index > start), len(pages))
        rectos = [i for i in range(start + 1, end) if i % 2 == 0]
        for i in rectos:
            assert pages[i].startswith(_norm(page.title)), f"page {i + 1}: {pages[i][:80]!r}"


# -- notes --------------------------------------------------------------------------------------------------------
def test_each_note_stands_on_the_page_of_its_marker(edition, destinations, pages):
    """The marker's place is the named destination of the call (ref-N, as on the web); the note's words must be
    read on that very page, and the word the copy-text prints before [N] too."""
    copytext = (ROOT / COPYTEXT).read_text(encoding="utf-8")
    for number, note in sorted(edition.notes.items()):
        call = destinations[f"{note.page}--ref-{number}"]
        opening = _words(_note_words(edition, note), 6)
        assert opening in _without_marks(pages[call]), (
            f"note {number}: {opening!r} is not on page {call + 1}, where its marker is"
        )
        before = re.search(r"(\w+)\W*\[" + str(number) + r"\]", copytext).group(1)
        assert before in pages[call], (
            f"note {number}: the word before its marker, {before!r}, is not on page {call + 1}"
        )


def test_notes_are_numbered_as_in_the_book_and_attributed(edition, pages):
    text = _without_marks(" ".join(pages))
    for number, note in edition.notes.items():
        opening = _words(_note_words(edition, note), 6)
        assert f"{number} {opening}" in text, f"note {number} is not printed with its own number"
    editors = sum(1 for n in edition.notes.values() if not n.is_authors)
    assert text.count("Editors’ note") >= editors


def test_each_remark_of_the_commentary_stands_on_the_page_of_its_marker(edition, destinations, pages):
    """A remark on the text is a footnote at its marker (cm-c3), one on a note closes that note's footnote: its
    mark, its lemma and a bracket stand on the page of the marker."""
    for remark in edition.apparatus["commentary"].remarks.values():
        here = destinations[f"{remark.page}--{remark.anchor}"]
        entry = _norm(f"{remark.ident} {remark.lemma}]")
        assert entry in pages[here], f"{remark.ident}: {entry!r} is not on page {here + 1}, where its marker is"


def test_no_interactive_leftovers(pages):
    text = " ".join(pages)
    for leftover in ("All notes of this chapter", "All emendations", "↩", "Back to the text", "Download PDF"):
        assert leftover not in text


# -- emendations, paragraph numbers, back matter ---------------------------------------------------------------
def test_emendations_give_the_copytext_reading_at_the_foot_of_their_page(edition, pages):
    for em in edition.emendations:
        if not em.changes_words or em.note is not None or not em.reading:
            continue
        here = [i for i, text in enumerate(pages) if f"{_norm(em.reading)}] {_norm(em.copy)} ETOL {em.ident}" in text]
        assert here, f"{em.ident}: no apparatus entry '{em.reading}] {em.copy} ETOL'"
        assert _norm(em.reading) in pages[here[0]].split(f"{_norm(em.reading)}]")[0], em.ident


def test_paragraph_numbers_stand_in_the_margin(edition, pages):
    text = " ".join(pages)
    for page in edition.reading_pages():
        if page.paragraph_prefix:
            assert f"{page.paragraph_prefix}.1 " in text and f"{page.paragraph_prefix}.2 " in text


def test_the_register_of_emendations_gives_real_pages(edition, pages):
    """Each entry of the register names the page of this PDF where the corrected reading stands."""
    start = next(i for i, text in enumerate(pages) if "Interventions in the reading text" in text)
    register = " ".join(pages[start:])
    for em in edition.emendations:
        if not em.changes_words or em.note is not None or not em.reading:
            continue
        match = re.search(rf"{em.ident} \S+, p\. (\d+)", register)
        assert match, f"{em.ident} has no page in the register"
        assert _norm(em.reading) in pages[int(match.group(1)) - 1], f"{em.ident}: not on page {match.group(1)}"


def test_index_of_persons_points_to_pages_that_name_the_person(edition, pages):
    """Every person the register finds in the text has an entry; each page it gives names the person (in one of
    the register's forms or variants), and no page is given twice."""
    register = edition.apparatus.get("persons")
    if register is None:
        pytest.skip("no register of persons in this edition yet")
    start = next((i for i, text in enumerate(pages) if text.startswith("Index of persons")), None)
    assert start is not None, "the book has no index of persons"
    index = " ".join(pages[start:])
    checked = 0
    for person in register.persons.values():
        if not register.mentions_of(person.key):
            continue
        entry = re.search(re.escape(_norm(person.name)) + r"(?: \([^)]*\))? ((?:\d+, )*\d+)", index)
        assert entry, f"{person.name} has no entry with pages in the index"
        numbers = [int(n) for n in entry.group(1).split(", ")]
        assert len(numbers) == len(set(numbers)), f"{person.name}: a page is given twice: {numbers}"
        for number in numbers:
            assert number - 1 < start, f"{person.name}: page {number} is not in the book's text"
            text = pages[number - 1]
            assert any(_norm(form) in text for form in (*person.forms, *person.variants)), (
                f"index: {person.name} is not named on page {number}"
            )
            checked += 1
    assert checked > 10


# -- places and organisations (issue 16) ------------------------------------------------------------------------
NAMED_REGISTERS = {"places": "Index of places", "organisations": "Index of organisations"}


@pytest.mark.parametrize("name", NAMED_REGISTERS)
def test_the_indexes_of_places_and_organisations_give_real_pages(edition, pages, name):
    """Every place and organisation the text names has an entry; each page it gives names it (in the text or in a
    footnote of that page, in one of its forms), no page is given twice, and an alleged group says what the data
    says of it."""
    index = edition.apparatus.get(name)
    if index is None or not index.entries:
        pytest.skip(f"no index of {name} in this edition yet")
    starts = {
        # a register's first page, not the contents page that lists it with dot leaders ("Index of places . . . 157")
        n: next(
            (i for i, t in enumerate(pages) if t.startswith(title) and not t[len(title) :].lstrip().startswith(".")),
            None,
        )
        for n, title in NAMED_REGISTERS.items()
    }
    start = starts[name]
    assert start is not None, f"the book has no {NAMED_REGISTERS[name].lower()}"
    end = min([s for s in starts.values() if s is not None and s > start] + [len(pages)])
    # pdftotext drops a hyphen of the name at a line's end ("Trotskyist-|Zinovievist"): compared without hyphens
    register = " ".join(pages[start:end]).replace("-", "")
    checked = 0
    for entry in index.entries.values():
        statement = rf", {re.escape(entry.statement)}," if entry.alleged else ""
        if entry.founded or entry.dissolved:  # issue 26: a body's years, as the data gives them
            founded, dissolved = (entry.founded or "?")[:4], (entry.dissolved or "")[:4]
            statement += re.escape(f" ({founded}–") + r" ?" + re.escape(f"{dissolved})")  # a line may end at –
        found = re.search(re.escape(_norm(entry.name).replace("-", "")) + statement + r" ((?:\d+, )*\d+)", register)
        assert found, f"{entry.name} has no entry with pages in the index"
        numbers = [int(n) for n in found.group(1).split(", ")]
        assert len(numbers) == len(set(numbers)), f"{entry.name}: a page is given twice: {numbers}"
        forms = [_norm(f.split(" [")[0]) for f in entry.forms]  # "Moscow [22] Center": the call prints as a number
        for number in numbers:
            assert number - 1 < min(s for s in starts.values() if s is not None), f"{entry.name}: page {number}"
            around = (
                pages[number - 2] if number > 1 else "",
                pages[number - 1],
                pages[number] if number < len(pages) else "",
            )
            assert any(_named_on(f, *around) for f in forms), f"index: {entry.name} is not named on page {number}"
            checked += 1
    assert checked >= len(index.entries)


def _named_on(form: str, before: str, page: str, after: str) -> bool:
    """The form stands on the page, or a mention of it runs over the page's break ("the XVth | Congress"): its
    first words on one page, the rest at the head of the next (the running head and the page number first)."""
    if form in page:
        return True
    words = form.split()
    for i in range(1, len(words)):
        head, tail = " ".join(words[:i]), " ".join(words[i:])
        if (head in before and tail in page[:300]) or (head in page and tail in after[:300]):
            return True
    return False


def _book_words(html: str) -> list[str]:
    """The copy-text words the book gives: front matter and reading text, each note (printed at the foot of its
    page) read back at the end of its chapter as the copy-text prints it, "[n] text"."""
    soup = BeautifulSoup(html, "lxml")
    out = []
    for section in soup.body.find_all(["section", "nav"], recursive=False):
        if section.get("data-kind") == "back":
            continue  # the editors' back matter: principles, registers
        notes = []
        for note in section.select("span.fn--note"):
            number = note["data-call"]
            note.extract()
            notes.append(f"<p>[{number}] {note.decode_contents()}</p>")
        out += copytext_words_of_page(f"<article>{section.decode()}{''.join(notes)}</article>")
    return out


def test_the_book_gives_every_word_of_the_copytext_in_order(site, edition):
    """The fidelity proof of tests/test_fidelity.py, read from the print HTML the PDF is made from: what the edition
    adds is marked data-copytext there too, so nothing may be lost or added."""
    html = book_pdf.book_html(site, edition)
    expected = words((ROOT / COPYTEXT).read_text(encoding="utf-8"))
    actual = _book_words(html)
    assert actual == expected, first_difference(expected, actual, "the book")


# -- the file itself ---------------------------------------------------------------------------------------------
def test_metadata_title_author_language_tags(reader):
    info = reader.metadata
    assert info.title == "The Red Book on the Moscow Trials"
    assert info.author == "Leon Sedov"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a PDF boolean object)
    assert "/StructTreeRoot" in root


def _fonts(reader):
    seen = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            seen[font["/BaseFont"]] = font
    return seen


def test_fonts_are_embedded_and_are_the_reading_face(reader):
    fonts = _fonts(reader)
    assert fonts
    for name, font in fonts.items():
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"]
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} is not embedded"
        assert "Book-" in name, f"{name} is not the edition's reading face (a fallback font was used)"


def test_no_glyph_is_missing(pages):
    """Every character printed is in the reading face shipped with the edition (Source Serif 4), and none is a
    replacement character: nothing was drawn as a box."""
    covered = set()
    for font in (ROOT / "docs" / "assets" / "fonts").glob("*.woff2"):
        covered |= set(TTFont(font).getBestCmap())
    printed = {ch for text in pages for ch in text if not ch.isspace()}
    assert "\ufffd" not in printed
    missing = sorted(ch for ch in printed if ord(ch) not in covered)
    assert not missing, f"characters without a glyph in the reading face: {missing}"


def test_the_copytexts_special_characters_are_printed(pages):
    text = " ".join(pages)
    for ch in "é–—‘’“”":
        assert ch in text, ch


def test_the_pdf_is_linked_from_every_page(site):
    for page in site.glob("*.html"):
        if page.name != "404.html":
            assert 'href="red-book.pdf"' in page.read_text(encoding="utf-8"), page.name


def test_the_pdf_gives_the_edition_version_and_build_date(edition, pages):
    """The same version as the site's footer, read from data/changelog.yml, and the day of this build (the run's
    moment, tests/conftest.py)."""
    import yaml

    from redbook.apparatus import changelog

    newest = yaml.safe_load((ROOT / "data" / "changelog.yml").read_text(encoding="utf-8"))
    newest = newest["releases"][0]  # newest first
    front = " ".join(" ".join(page.split()) for page in pages[:4])
    assert f"Edition version {newest['version']}" in front
    printed = re.search(r"printed (\d{4}-\d{2}-\d{2})", front)
    assert printed and printed.group(1) == changelog.build_date().isoformat()


# -- the chronology (issue 16) --------------------------------------------------------------------------------
def test_the_chronology_prints_the_timeline_as_a_figure_and_every_events_words(reader, pages):
    """The timeline stands on a landscape page of its own, with its caption and the words the SVG draws; the
    table after it gives every event of data/chronology.yml with the book's words (read from the data file)."""
    hits = [i for i, text in enumerate(pages) if "The book’s dates in time" in text]
    assert len(hits) == 1, hits
    figure = pages[hits[0]]
    box = reader.pages[hits[0]].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 148)
    assert "December 1934 – August 1936, enlarged" in figure and "year supplied from context" in figure
    entries = yaml.safe_load((ROOT / "data/chronology.yml").read_text(encoding="utf-8"))["events"]
    assert f"{len(entries)} events" in figure
    after = re.sub(r"[\s\-‐­]", "", " ".join(pages[hits[0] + 1 :]))
    missing = [e["id"] for e in entries if re.sub(r"[\s\-‐­]", "", e["quote"]) not in after]
    assert not missing, missing


def test_the_tags_page_references_are_made_once_and_follow_a_page_added():
    """redbook/book/weasyfix.py keeps pydyf's tuple of page references until a page is added."""
    import pydyf

    from redbook.book import weasyfix

    weasyfix.apply()
    document = pydyf.PDF()
    pages = [pydyf.Dictionary({"Type": "/Page"}) for _ in range(4)]
    for page in pages[:3]:
        document.add_page(page)
    made = document.page_references
    assert made == tuple(f"{page.number} 0 R".encode("ascii") for page in pages[:3])
    assert document.page_references is made  # not made again
    document.add_page(pages[3])
    assert document.page_references == tuple(f"{page.number} 0 R".encode("ascii") for page in pages)


# -- the last book, reused (redbook/book/lastlayout.py) --------------------------------------------------------
def test_the_book_laid_out_again_from_the_same_inputs_is_the_same_file_byte_for_byte(pdf, site, edition, tmp_path):
    """What makes reusing the last build's book sound: the same print HTML, stylesheets and fetched files give the
    same PDF. The session's book (laid out from nothing in a clean checkout, or taken from the last build) is laid
    out once more from its page map, without the kept book, and the bytes compared."""
    page_of = json.loads((edition.root / book_pdf.PAGE_MAP).read_text(encoding="utf-8"))
    again = tmp_path / book_pdf.PDF_NAME
    document = book_pdf.render(book_pdf.book_html(site, edition, page_of), site)
    assert book_pdf.pages_of_ids(document) == page_of
    book_pdf.write_pdf(document, again)
    assert again.read_bytes() == pdf.read_bytes()
