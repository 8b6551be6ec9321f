"""Turn a built web page's apparatus into a book's: one transformation per thing, the target a parameter.

Targets:
    print   one HTML document for WeasyPrint: notes and emendations become `float: footnote` elements with
            the book's own numbers (the paged-media stylesheet puts them at the foot of the page), paragraph
            numbers become plain margin numbers, links point inside the one document.
    ebook   one XHTML file per page (EPUB 3): notes become `epub:type="noteref"` links to the chapter's
            list of notes (kept), emendations keep a ° that links to the register, links point across files.

Nothing interactive survives: popovers and their buttons are turned into the book's form or dropped. The
elements that stand for copy-text (`data-copytext`) keep that attribute, so that the fidelity reading of
redbook/fidelity.py still applies to the reading text of a transformed page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from .pages import SitePage

COPY_TEXT_SIGLUM = "ETOL"  # the copy-text, in apparatus entries: the ETOL transcription
_PARAGRAPH_ID = re.compile(r"^p(?:\d+|F)\.\d+$")
_EMENDATION_TITLE = re.compile(r"^(E(\d+)):")


@dataclass(frozen=True)
class Target:
    name: str
    single_document: bool  # print: every page in one HTML document; ebook: one file per page
    suffix: str = ".html"  # the file suffix of a page when not a single document

    def anchor(self, stem: str, fragment: str | None) -> str:
        """An element id of `stem`'s page as it stands in the book."""
        if not fragment:
            return stem
        return f"{stem}--{fragment}" if self.single_document else fragment

    def href(self, stem: str, fragment: str | None) -> str:
        if self.single_document:
            return "#" + self.anchor(stem, fragment)
        return f"{stem}{self.suffix}" + (f"#{fragment}" if fragment else "")


PRINT = Target("print", single_document=True)
EBOOK = Target("ebook", single_document=False, suffix=".xhtml")


def _new(soup: BeautifulSoup, name: str, string: str | None = None, **attrs) -> Tag:
    tag = soup.new_tag(name, attrs={k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if string is not None:
        tag.string = string
    return tag


def _soup_of(tag: Tag) -> BeautifulSoup:
    while tag.parent is not None:
        tag = tag.parent
    return tag


def _paragraph_of(element: Tag) -> str | None:
    """The paragraph number (5.4) of the numbered block an element stands in."""
    block = element.find_parent(id=_PARAGRAPH_ID)
    return block["id"][1:] if block is not None else None


# -- notes -----------------------------------------------------------------------------------------------
def _note_body(pop: Tag) -> Tag:
    """The note's words out of its web popover: without the popover's heading and its link to the list."""
    for extra in pop.select(".pop-head, .note-pop__list"):
        extra.decompose()
    return pop


def _inline_emendations(soup: BeautifulSoup, body: Tag, target: Target) -> list[Tag]:
    """Emendations inside a note: the reading gets a °, the apparatus entry is returned to close the note."""
    entries = []
    for em in body.select("span.emendation"):
        match = _EMENDATION_TITLE.match(em.get("title", ""))
        ident = match.group(1) if match else ""
        del em["title"]
        if match:
            em["id"] = f"em-{match.group(2)}"  # the register of emendations points here
        em.append(_new(soup, "span", "°", class_="em-mark", data_copytext=""))
        entries.append(
            _apparatus_entry(soup, "°", em.get_text("").removesuffix("°"), em.get("data-copytext", ""), ident, target)
        )
    return entries


def transform_notes(soup: BeautifulSoup, article: Tag, target: Target) -> None:
    first_call: dict[str, str] = {}
    for call in article.select("span.note-call"):
        button = call.find("button", class_="note-ref")
        pop = call.find(class_="note-pop")
        number = button.get_text(strip=True)
        kind = "author" if "note-ref--author" in button.get("class", []) else "editors"
        if target.single_document and number in first_call:
            # A note the copy-text calls again (a shared note) is printed once, at its first call; the later
            # calls carry the same number, linked to it, as a printed book does.
            call.clear()
            call["id"] = button["id"]
            call.append(_new(soup, "a", number, class_="fn-again", href=f"#note-{number}"))
        elif target.single_document:
            first_call[number] = button["id"]
            body = _note_body(pop)
            entries = _inline_emendations(soup, body, target)
            note = _new(
                soup,
                "span",
                class_=f"fn fn--note fn--{kind}",
                data_call=number,
                data_mark=number,
                role="note",
                id=f"note-{number}",
            )
            note.extend(list(body.contents))
            if kind == "editors":
                note.append(" ")
                note.append(_new(soup, "span", "Editors’ note", class_="fn-by", data_copytext=""))
            for entry in entries:
                note.append("\u2003")
                note.append(entry)
            call.clear()
            call["id"] = button["id"]  # where the marker stands (ref-25); the note itself is note-25
            call.append(note)
        else:
            ref = _new(
                soup,
                "a",
                number,
                class_=f"noteref noteref--{kind}",
                href=f"#note-{number}",
                id=button["id"],
                **{"epub:type": "noteref"},
            )
            pop.decompose()
            button.replace_with(ref)
    for section in article.select("section.chapter-notes"):
        if target.single_document:
            section.decompose()  # the notes stand at the foot of their pages
        else:
            for back in section.select(".note-back"):
                back["role"] = "doc-backlink"
            for item in section.select("p.note"):
                item.name = "aside"
                item["epub:type"] = "footnote"


# -- emendations -------------------------------------------------------------------------------------------
def _apparatus_entry(soup, place: str | None, reading: str, copy: str, ident: str, target: Target) -> Tag:
    """One entry of the critical apparatus: [place] reading] copy-text reading ETOL (E19)."""
    entry = _new(soup, "span", class_="app-entry", data_copytext="")
    if place:
        entry.append(_new(soup, "span", place, class_="app-place"))
        entry.append(" ")
    if reading:
        entry.append(_new(soup, "span", reading, class_="app-lemma"))
        entry.append("] ")
    else:
        entry.append(_new(soup, "i", "del.", class_="app-lemma"))
        entry.append(" ")
    entry.append(_new(soup, "span", copy, class_="app-copy"))
    entry.append(" ")
    entry.append(_new(soup, "i", COPY_TEXT_SIGLUM, class_="app-siglum"))
    if ident:
        number = ident[1:]
        entry.append(" ")
        entry.append(_new(soup, "a", ident, class_="app-ref", href=f"principles.html#em-{number}-entry"))
    return entry


def transform_emendations(soup: BeautifulSoup, article: Tag, target: Target) -> None:
    for em in article.select("span.emendation"):
        button = em.find("button", class_="emendation__ref")
        if button is None:
            continue  # inside a note: handled with the note
        em.find(class_="emendation__pop").decompose()
        reading_tag = em.find(class_="emendation__reading")
        reading = reading_tag.get_text("") if reading_tag else ""
        ident = f"E{em['id'].removeprefix('em-')}" if em.has_attr("id") else ""
        if target.single_document:
            entry = _apparatus_entry(soup, _paragraph_of(em), reading, em.get("data-copytext", ""), ident, target)
            note = _new(soup, "span", class_="fn fn--app", data_call="°", data_mark="°")
            note.append(entry)
            button.replace_with(note)
        else:
            button.replace_with(
                _new(
                    soup,
                    "a",
                    "°",
                    class_="em-mark",
                    data_copytext="",
                    href=f"principles.html#em-{ident[1:]}-entry",
                )
            )


# -- headings ----------------------------------------------------------------------------------------------
def transform_heading(soup: BeautifulSoup, page: SitePage, article: Tag, target: Target) -> None:
    head = article.select_one("header.chapter-head")
    if head is None:
        return
    h1 = head.find("h1")
    h1["data-running"] = page.title
    h1["data-bookmark"] = f"{page.label}: {page.title}" if page.kind == "chapter" else page.title
    button, pop = h1.find("button", class_="supplied-ref"), h1.find(class_="supplied-pop")
    if button is None:
        return
    for extra in pop.select(".pop-head, a"):
        extra.decompose()
    words = " ".join(pop.get_text(" ").split())
    pop.decompose()
    if target.single_document:
        note = _new(soup, "span", class_="fn fn--supplied", data_call="†", data_mark="†")
        note.append(_new(soup, "span", "Title supplied. ", class_="fn-head"))
        note.append(words + " ")
        note.append(_new(soup, "a", "Editorial principles", href="principles.html#supplied-titles"))
        note.append(".")
        button.replace_with(note)
    else:
        button.replace_with(
            _new(soup, "a", "†", class_="supplied-mark", href="principles.html#supplied-titles", title=words)
        )


# -- paragraph numbers, leftovers, links, ids ------------------------------------------------------------------
def transform_paragraph_numbers(soup: BeautifulSoup, article: Tag) -> None:
    for number in article.select("a.pnum"):
        number.name = "span"
        for name in ("href", "aria-label"):
            del number[name]


def drop_interactive(soup: BeautifulSoup, article: Tag) -> None:
    """Popovers nobody turned into book form are dropped. A button that is the edition's own marker (editorial:
    `data-copytext=""` on it or around it, e.g. a citation mark or a person's card) goes, leaving its id as an
    anchor for the registers of the back matter; any other button keeps the words it shows."""
    for pop in article.select("[popover]"):
        pop.decompose()
    for link in article.select("a.cite-link"):
        link.decompose()  # a note's plain link to its source: the list of sources gives the pages
    for button in article.find_all("button"):
        editorial = button.get("data-copytext") == "" or button.find_parent(attrs={"data-copytext": ""})
        if editorial and button.has_attr("id"):
            button.replace_with(_new(soup, "span", class_="anchor", id=button["id"]))
        elif editorial:
            button.decompose()
        else:
            button.unwrap()


def rewrite_links(page: SitePage, article: Tag, stems: set[str], target: Target) -> None:
    for link in article.find_all("a", href=True):
        parts = urlsplit(link["href"])
        if parts.scheme or parts.netloc:
            continue
        if not target.single_document and parts.path.endswith(target.suffix):
            continue  # made by the transforms above: already the address of a page of the book
        stem = parts.path.removesuffix(".html") if parts.path else page.stem
        if parts.path and (not parts.path.endswith(".html") or stem not in stems):
            link.unwrap()  # a file of the site (the source, a data file) that the book does not carry
            continue
        link["href"] = target.href(stem, parts.fragment or None)
        if stem in stems and stem != page.stem:
            link["data-to"] = stem


def prefix_ids(page: SitePage, article: Tag, target: Target) -> None:
    for element in article.find_all(id=True):
        element["id"] = target.anchor(page.stem, element["id"])


def to_book(page: SitePage, stems: set[str], target: Target = PRINT) -> Tag:
    """Transform the page's article in place and return it."""
    soup = _soup_of(page.article)
    article = page.article
    transform_heading(soup, page, article, target)
    transform_emendations(soup, article, target)
    transform_notes(soup, article, target)
    transform_paragraph_numbers(soup, article)
    drop_interactive(soup, article)
    rewrite_links(page, article, stems, target)
    prefix_ids(page, article, target)
    return article
