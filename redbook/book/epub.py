"""The edition as an EPUB 3 e-book, made from the pages of the built site (one rendering of the text).

    python -m redbook.book.epub [SITE]     (default: site/; writes SITE/red-book.epub)

The pages are the built site's, in the order of its navigation (pages.py), each turned into book form by
the same transformation as the printed book (transform.py, target EBOOK): the book's notes become EPUB 3
pop-up notes (`a epub:type="noteref"` -> `aside epub:type="footnote"`) with their own numbers and their
attribution, an emendation keeps its ° linked to the register of emendations, links point across the
e-book's files. EbookLib writes the package, the navigation document and the NCX. The reading face
Source Serif 4 is embedded under its licence (SIL OFL 1.1, which allows embedding); the colophon gives
the licence, the provenance and the version.
"""

from __future__ import annotations

import base64
import re
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

from bs4 import Comment, Tag
from ebooklib import epub

import redbook
from redbook import licence, provenance
from redbook.render import timeline
from redbook.render.generated import generators

from . import backmatter
from .pages import SitePage, site_pages
from .transform import EBOOK, to_book

EPUB_NAME = "red-book.epub"
STYLESHEET = Path(__file__).with_name("epub.css")
FONTS = Path("docs/assets/fonts")
COLOPHON = "colophon"

#: epub:type and DPUB-ARIA role of each kind of page (a title page has no role).
_KINDS = {
    "front": ("titlepage", None),
    "foreword": ("foreword", "doc-foreword"),
    "chapter": ("chapter", "doc-chapter"),
    "back": ("appendix", "doc-appendix"),
    COLOPHON: ("colophon", "doc-colophon"),
}


@dataclass(frozen=True)
class Document:
    stem: str  # the site page it comes from ("chapter-3"), or COLOPHON
    title: str  # its entry in the table of contents
    kind: str  # front, foreword, chapter, back, colophon

    @property
    def file_name(self) -> str:
        return f"{self.stem}.xhtml"


def web_only() -> set[str]:
    """Pages of the site about the site itself: generated pages whose module says EPUB = False, and those the
    printed book leaves out for that reason (backmatter.WEB_ONLY)."""
    flagged = {g.PATH.removesuffix(".md") for g in generators() if getattr(g, "EPUB", True) is False}
    return flagged | backmatter.WEB_ONLY


def book_pages(site: Path, edition: redbook.Edition) -> list[SitePage]:
    leave_out = web_only()
    return [p for p in site_pages(site, edition) if p.stem not in leave_out]


def document_of(page: SitePage) -> Document:
    title = f"{page.label}. {page.title}" if page.kind == "chapter" else page.title
    return Document(page.stem, title, page.kind)


def page_body(edition: redbook.Edition, page: SitePage, stems: set[str]) -> tuple[str, list[tuple[str, str]]]:
    """The body of one page (its article in book form, target EBOOK, in a section of its kind) and its entries
    for the table of contents."""
    article = to_book(edition, page, stems, EBOOK)
    for ref in article.select('a[epub\\:type="noteref"]'):
        ref["role"] = "doc-noteref"
    for note in article.select('aside[epub\\:type="footnote"]'):
        if "note--gap" in note.get("class", []):
            # the edition's word on a number the book skips: nothing calls it, so it is no pop-up note
            # (a reader would hide it) but a paragraph of the list
            note.name = "p"
            del note["epub:type"]
        else:
            note["role"] = "doc-footnote"
    _keep_svg(article)  # the chronology's timeline (issue 16)
    return _section(page.kind, page.stem, article.decode_contents()), _contents_entries(article)


# -- inline SVG (the chronology's timeline, issue 16) -------------------------------------------------------
_SVG_SLOT = re.compile(rb"<!--inline-svg:([A-Za-z0-9+/=]+)-->")


def _keep_svg(article: Tag) -> None:
    """EbookLib parses each document again as HTML, which would lower-case the SVG's names (viewBox) and drop
    its namespace: each <svg> travels as a comment, which it keeps, and is put back as XML when the document
    is written (SvgDocument)."""
    for svg in article.find_all("svg"):
        svg.replace_with(Comment("inline-svg:" + base64.b64encode(str(svg).encode("utf-8")).decode("ascii")))


class SvgDocument(epub.EpubHtml):
    """A document of the e-book with inline SVG: declared in the package (property "svg"), the SVG restored."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.properties.append("svg")

    def get_content(self, default=None):
        return _SVG_SLOT.sub(lambda m: base64.b64decode(m.group(1)), super().get_content(default))


def _document_class(body: str):
    return SvgDocument if "<!--inline-svg:" in body else epub.EpubHtml


def _section(kind: str, stem: str, inner: str) -> str:
    epub_type, role = _KINDS[kind]
    role_attr = f' role="{role}"' if role else ""
    return (
        f'<section epub:type="{epub_type}"{role_attr} class="page page--{kind}" id="{stem}-page">\n{inner}\n</section>'
    )


def colophon_body(root: Path, version: str, date: str | None) -> str:
    ofl = (root / FONTS / "OFL.txt").read_text(encoding="utf-8")
    source = provenance.COPYTEXT
    first = "; ".join(source["first_published"])
    when = f"of {escape(date)}" if date else "(in preparation)"
    inner = (
        "<h1>Colophon</h1>\n"
        f"<p><i>{escape(provenance.TITLE)}</i>, {escape(provenance.PART[0].lower() + provenance.PART[1:])}, "
        f"by {escape(provenance.AUTHOR)}. E-book of the scholarly edition, version {escape(version)} {when}.</p>\n"
        f"<p>The text is that of the transcription published by the {escape(source['transcription'])} "
        f"(“{escape(source['transcribed'])}”), reproduced from the {escape(source['reproduced_from'])}, after "
        f"{escape(source['published'])}; first published {escape(first)}.</p>\n"
        f"<p>{escape(provenance.RIGHTS)}</p>\n"
        f'<p class="edition-licence">{escape(licence.load(root).statement)}</p>\n'  # data/licence.yml
        f"<p>The reading face is {escape(provenance.FONT['name'])}, embedded under the "
        f"{escape(provenance.FONT['licence'])}, which allows it; the licence follows.</p>\n"
        f'<pre class="licence">{escape(ofl)}</pre>'
    )
    return _section(COLOPHON, COLOPHON, inner)


def _contents_entries(article: Tag) -> list[tuple[str, str]]:
    """The second-level headings of a page that carry an id, for the table of contents (not "Notes")."""
    return [
        (h["id"], h.get_text(" ", strip=True))
        for h in article.find_all("h2", id=True)
        if not h.find_parent(class_="chapter-notes")
    ]


def _stylesheet(root: Path) -> str:
    """The e-book's stylesheet: the site's @font-face rules (fonts/ beside it), then the e-book's own rules."""
    fonts = re.sub(r"font-display:\s*swap;\s*", "", (root / "docs/assets/fonts.css").read_text(encoding="utf-8"))
    # the timeline's drawing: the same rules as the printed book's, which carries them inside its SVG
    return fonts + "\n" + STYLESHEET.read_text(encoding="utf-8") + timeline.BOOK_SVG_STYLE


def build_book(edition: redbook.Edition, site: Path) -> epub.EpubBook:
    root = edition.root
    version, date = provenance.edition_version(edition)
    book = epub.EpubBook()
    book.set_identifier(provenance.IDENTIFIER)
    book.set_title(provenance.TITLE)
    book.set_language(provenance.LANGUAGE)
    book.add_author(provenance.AUTHOR, file_as=provenance.AUTHOR_FILE_AS, role="aut", uid="author")
    book.add_metadata(
        "DC",
        "description",
        f"{provenance.PART}. A scholarly edition of the ETOL transcription, "
        "with the book’s notes, the editors’ emendations and numbered paragraphs.",
    )
    book.add_metadata("DC", "source", f"{provenance.COPYTEXT['name']} ({provenance.COPYTEXT['transcription']})")
    book.add_metadata("DC", "rights", f"{licence.of(edition).statement} {licence.of(edition).copytext}")
    if date:
        book.add_metadata("DC", "date", date)
    book.add_prefix("schema", "http://schema.org/")
    book.add_metadata(None, "meta", version, {"property": "schema:version"})
    for prop, value in (
        ("schema:accessMode", "textual"),
        ("schema:accessModeSufficient", "textual"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", "Text only; the notes are linked both ways."),
    ):
        book.add_metadata(None, "meta", value, {"property": prop})

    style = epub.EpubItem(
        uid="style", file_name="styles/edition.css", media_type="text/css", content=_stylesheet(root).encode("utf-8")
    )
    book.add_item(style)
    for font in sorted((root / FONTS).glob("*.woff2")):
        book.add_item(
            epub.EpubItem(
                uid=f"font-{font.stem}",
                file_name=f"styles/fonts/{font.name}",
                media_type="font/woff2",
                content=font.read_bytes(),
            )
        )

    pages = book_pages(site, edition)
    stems = {p.stem for p in pages}
    bodies = [(document_of(p), page_body(edition, p, stems)) for p in pages]
    colophon = Document(COLOPHON, "Colophon", COLOPHON)
    bodies.append((colophon, (colophon_body(root, version, date), [])))
    items, toc = [], []
    for doc, (body, contents) in bodies:
        document = _document_class(body)  # inline SVG (issue 16)
        item = document(uid=f"doc-{doc.stem}", title=doc.title, file_name=doc.file_name, lang=provenance.LANGUAGE)
        item.content = f"<html><body>{body}</body></html>"
        item.add_link(href="styles/edition.css", rel="stylesheet", type="text/css")
        book.add_item(item)
        items.append(item)
        entries = [
            epub.Link(f"{doc.file_name}#{anchor}", title, f"toc-{doc.stem}-{n}")
            for n, (anchor, title) in enumerate(contents, start=1)
        ]
        toc.append((item, entries) if entries else item)
    book.toc = toc
    book.add_item(epub.EpubNcx())
    nav = epub.EpubNav(title="Contents")
    nav.add_link(href="styles/edition.css", rel="stylesheet", type="text/css")
    book.add_item(nav)
    book.spine = [items[0], (nav, "no"), *items[1:]]
    docs = [doc for doc, _ in bodies]
    first_body = next(i for i, d in zip(items, docs) if d.kind in ("foreword", "chapter"))
    first_back = next(i for i, d in zip(items, docs) if d.kind in ("back", COLOPHON))
    book.guide = [
        {"type": "toc", "title": "Contents", "href": "nav.xhtml"},
        {"type": "bodymatter", "title": first_body.title, "href": first_body.file_name},
        {"type": "backmatter", "title": first_back.title, "href": first_back.file_name},
    ]
    return book


def write_epub(edition: redbook.Edition, site: Path) -> Path:
    """Write SITE/red-book.epub from the built pages in `site`; return its path."""
    book = build_book(edition, site)
    target = site / EPUB_NAME
    part = target.with_name(target.name + ".part")
    epub.write_epub(
        str(part),
        book,
        {
            "mtime": provenance.build_moment(),
            "epub3_pages": False,
            "play_order": {"enabled": True, "start_from": 1},
            "raise_exceptions": True,
        },
    )
    part.replace(target)
    return target


if __name__ == "__main__":
    site_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("site")
    path = write_epub(redbook.load(Path.cwd()), site_dir)
    print(f"epub: {path} ({path.stat().st_size / 1e6:.2f} MB)")
