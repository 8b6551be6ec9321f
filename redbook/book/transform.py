"""Turn a built web page's apparatus into a book's: one transformation per thing, the target a parameter.

Targets:
    print   one HTML document for WeasyPrint: notes and emendations become `float: footnote` elements with
            the book's own numbers (the paged-media stylesheet puts them at the foot of the page), paragraph
            numbers become plain margin numbers, links point inside the one document.
    ebook   one XHTML file per page (EPUB 3): notes become `epub:type="noteref"` links to the chapter's
            list of notes (kept), emendations keep a ° that links to the register, links point across files.

Each element of the apparatus declares what it is (data-apparatus="note" data-note="17", see
redbook/render/target.py), and its own render module (redbook/render/) makes its book form: this module only
dispatches on the declarations and knows no CSS class of the web pages. Nothing interactive survives: popovers
and their buttons are turned into the book's form or dropped. The elements that stand for copy-text (`data-copytext`) keep that attribute, so that the fidelity reading of
redbook/fidelity.py still applies to the reading text of a transformed page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import Tag

from redbook.render import citations, commentary, emendations, notes, paragraphs, persons, sums, timeline, titles
from redbook.render import named as named_web  # places and organisations (issue 16)
from redbook.render.target import Target

from .pages import SitePage

_PARAGRAPH_ID = re.compile(r"^p(?:\d+|F)\.\d+$")


@dataclass(frozen=True)
class BookForm:
    """How a book addresses its pages: one document (print) or one file a page (e-book)."""

    target: Target
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


PRINT = BookForm(Target.PRINT, single_document=True)
EBOOK = BookForm(Target.EBOOK, single_document=False, suffix=".xhtml")


def _paragraph_of(element: Tag) -> str | None:
    """The paragraph number (5.4) of the numbered block an element stands in."""
    block = element.find_parent(id=_PARAGRAPH_ID)
    return block["id"][1:] if block is not None else None


def transform_apparatus(edition, article: Tag, form: BookForm) -> None:
    """Every declared element of the apparatus in its book form, by its own renderer."""
    printed: set[int] = set()  # the notes printed at their first call
    for element in article.select("[data-apparatus]"):
        if element.parent is None or element.decomposed:
            continue  # inside an element already replaced (a popover, a list of notes)
        thing = element["data-apparatus"]
        if thing == "note":
            notes.book_call(edition, element, form, printed)
        elif thing == "notes-list":
            notes.book_list(element, form)
        elif thing == "emendation":
            emendations.book(edition, element, form, _paragraph_of(element))
        elif thing == "chapter-head":
            titles.book_heading(edition, element, form)
        elif thing == "paragraph-number":
            paragraphs.book(element)
        elif thing in ("citation", "citation-link"):
            citations.book(element)
        elif thing in ("person-ref", "person-card"):
            persons.book_ref(element)
        elif thing == "sum":
            sums.book(element)
        # -- issue 15: the edition's commentary (redbook/render/commentary.py) --
        elif thing == "commentary":
            commentary.book(edition, element, form)
        elif thing == "commentary-entry":
            commentary.book_entry(element, form)
        # -- the chronology (issue 16) --
        elif thing == "timeline":
            timeline.book(edition, element, form)
        # -- places and organisations (issue 16): a marked name keeps its words and its anchor --------------
        elif thing in ("org", "placename"):
            named_web.book(element)


def drop_interactive(article: Tag) -> None:
    """What no renderer turned into book form: a popover goes, a button keeps the words it shows."""
    for pop in article.select("[popover]"):
        pop.decompose()
    for button in article.find_all("button"):
        button.unwrap()


def rewrite_links(page: SitePage, article: Tag, stems: set[str], target: BookForm) -> None:
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


def prefix_ids(page: SitePage, article: Tag, target: BookForm) -> None:
    for element in article.find_all(id=True):
        element["id"] = target.anchor(page.stem, element["id"])


def to_book(edition, page: SitePage, stems: set[str], target: BookForm = PRINT) -> Tag:
    """Transform the page's article in place and return it."""
    article = page.article
    transform_apparatus(edition, article, target)
    drop_interactive(article)
    rewrite_links(page, article, stems, target)
    prefix_ids(page, article, target)
    return article
