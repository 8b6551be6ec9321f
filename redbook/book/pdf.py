"""The whole edition as a printed book: one print HTML from the built site, laid out by WeasyPrint (CSS paged media).

    python -m redbook.book.pdf [SITE] [OUT]     (default: site/ and site/red-book.pdf)

The print HTML is made from the built site's pages (so from the same Markdown and data, after macros,
emendations and paragraph numbering), turned into book form by transform.py, with the print stylesheet
print.css and the site's own reading face (assets/fonts.css of the built site, Source Serif 4).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import time
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

import redbook
from redbook import address, licence, scan
from redbook.apparatus import changelog

from . import backmatter, lastlayout, weasyfix
from .pages import SitePage, site_pages
from .transform import PRINT, to_book

PDF_NAME = "red-book.pdf"
STYLESHEET = Path(__file__).with_name("print.css")
TITLE = "The Red Book on the Moscow Trials"
AUTHOR = "Leon Sedov"
SUBJECT = "Part I: the foreword and chapters 1 to 7. A reading edition of the ETOL transcription (September 2000)."

#: What the printed form does with the web edition's apparatus; printed under the publication history.
IN_PRINT = (
    '<p data-copytext=""><strong>This printing.</strong> It is made from the same sources as the web edition, at the same build. '
    "The book’s notes stand at the foot of the page with the book’s own numbers; the author’s notes end with "
    "“(L.S.)”, the later editors’ notes are marked “Editors’ note”. A word corrected by this edition is "
    "followed by °; the apparatus at the foot of the page gives the paragraph, the edition’s reading, a "
    "bracket, and the copy-text’s reading (<i>ETOL</i>), with the number of the entry in the register of "
    "emendations. The paragraph numbers in the margin are those of the web edition; page numbers of the "
    "back matter refer to this printing. Where a note refers to a page of the printed edition of 1980, the "
    "page of this printing that the editors take it to mean follows in square brackets.</p>"
)


def _section(soup: BeautifulSoup, page: SitePage, classes: str):
    section = soup.new_tag("section", attrs={"class": classes, "id": page.stem})
    section.extend(list(page.article.contents))
    return section


def _version_line(edition: redbook.Edition) -> str:
    """The edition's version and the day of this printing, from the same source as the site's footer."""
    log = changelog.current(edition)
    state = f"of {log.date.isoformat()}" if log.date else "(in preparation)"
    return (
        f'<p class="printing-version" data-copytext="">Edition version {escape(log.version)} {state}; '
        f"printed {changelog.build_date().isoformat()}.</p>"
    )


def _licence_lines(edition: redbook.Edition) -> str:
    """The licences (data/licence.yml) and, when the site has a public address (site_url), where it is."""
    lines = f'<p class="printing-licence" data-copytext="">{escape(licence.of(edition).statement)}</p>'
    base = edition.site_url()
    if base:
        lines += (
            f'<p class="printing-address" data-copytext="">The web edition: <a href="{escape(base)}">'
            f"{escape(base)}</a>; each paragraph’s address is the page’s followed by its number, "
            f"{escape(address.absolute(base, 'chapter-3.html#p3.12'))}.</p>"
        )
    return lines


def _front_matter(soup: BeautifulSoup, page: SitePage, edition: redbook.Edition) -> list:
    """The title leaf, the publication history (the copy-text's own header) and the note on the edition."""
    article = page.article
    title_page = article.select_one(".title-page")
    header = article.select_one(".copytext-header")
    about = article.select_one(".about-edition")
    out = []
    # What the web marks as the editors' (data-copytext="") stays marked, for the fidelity reading of the book.
    leaf = soup.new_tag("section", attrs={"class": "title-leaf", "id": page.stem, "data-copytext": ""})
    if title_page is not None:
        leaf.extend(list(title_page.contents))
    out.append(leaf)
    imprint = soup.new_tag("section", attrs={"class": "imprint", "id": "imprint"})
    if header is not None:
        imprint.extend(list(header.contents))
    imprint.append(BeautifulSoup(IN_PRINT, "html.parser"))
    imprint.append(BeautifulSoup(_version_line(edition), "html.parser"))
    imprint.append(BeautifulSoup(_licence_lines(edition), "html.parser"))
    out.append(imprint)
    out.append(soup.new_tag("nav", attrs={"class": "toc", "id": "contents", "data-copytext": ""}))  # see _contents
    if about is not None:
        for heading in about.find_all("h2"):
            if heading.get_text(strip=True) == "Contents":
                for sibling in list(heading.find_next_siblings()):
                    sibling.decompose()
                heading.decompose()
        heading = about.find("h2")
        if heading is not None:
            heading.name = "h1"
            heading["data-running"] = heading.get_text(strip=True)
        section = soup.new_tag("section", attrs={"class": "about", "id": "about", "data-copytext": ""})
        section.extend(list(about.contents))
        out.append(section)
    return out


def _contents(soup: BeautifulSoup, body) -> None:
    """The contents with page numbers: every section of the book after the contents that has a heading."""
    nav = body.find("nav", id="contents")
    heading = soup.new_tag("h1", attrs={"data-running": "Contents"})
    heading.string = "Contents"
    nav.append(heading)
    listing = soup.new_tag("ol")
    for section in nav.find_next_siblings("section"):
        h1 = section.find("h1")
        if h1 is None:
            continue
        item = soup.new_tag("li", attrs={"class": f"toc-{section.get('data-kind', 'front')}"})
        link = soup.new_tag("a", attrs={"href": f"#{section['id']}"})
        label = section.get("data-label")
        if label:
            span = soup.new_tag("span", attrs={"class": "toc-label"})
            span.string = label
            link.append(span)
            link.append(" ")
        title = soup.new_tag("span", attrs={"class": "toc-title"})
        title.string = h1.get("data-running") or h1.get_text(" ", strip=True)
        link.append(title)
        item.append(link)
        listing.append(item)
    nav.append(listing)


def book_html(
    site: Path, edition: redbook.Edition, page_of: dict[str, int] | None = None, *, draft: bool = False
) -> str:
    """The print HTML of the whole book; `page_of` (id -> page, from a first layout) lets the registers of the
    back matter give each page once; a `draft` is the front matter and the reading text alone (a first layout,
    to find the pages of the places the registers list: all of them stand in the reading text and its notes)."""
    pages = site_pages(site, edition)
    stems = {p.stem for p in pages}
    soup = BeautifulSoup(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(TITLE)}</title>'
        f'<meta name="author" content="{escape(AUTHOR)}"><meta name="description" content="{escape(SUBJECT)}">'
        '<meta name="generator" content="WeasyPrint, from the edition’s sources">'
        "</head><body></body></html>",
        "html.parser",
    )
    body = soup.body
    handled = backmatter.replaced_pages(edition)
    for page in pages:
        if page.stem in handled or (draft and page.kind == "back"):
            continue  # a draft only finds the pages of the reading text, where the registers' places stand
        article = to_book(edition, page, stems, PRINT)
        for link in article.find_all("a", attrs={"data-to": True}):
            if page.kind in ("front", "back"):
                link["class"] = [*link.get("class", []), "pageref"]
        if page.kind == "front":
            body.extend(_front_matter(soup, page, edition))
            continue
        section = _section(soup, page, f"part part--{page.kind}")
        section["data-kind"] = page.kind
        if page.kind == "chapter":
            section["data-label"] = page.label
        h1 = section.find("h1")
        if h1 is not None and not h1.has_attr("data-running"):
            h1["data-running"] = page.title
            h1["data-bookmark"] = page.title
        body.append(section)
    for section in backmatter.sections(edition, soup, PRINT, page_of, draft=draft):
        section["data-kind"] = "back"
        body.append(section)
    _contents(soup, body)
    ids = element_ids(body)  # the book is whole: the links below only change where they point
    _exact_places(body, ids)
    _known_pages(body, page_of or {}, ids)
    return str(soup)


def element_ids(body) -> set[str]:
    """The ids of the print HTML's elements: the places a link of the book can lead to."""
    return {tag["id"] for tag in body.find_all(id=True)}


def _exact_places(body, ids: set[str]) -> None:
    """The register of emendations points on the web to the paragraph; in print, where a paragraph may run over
    two pages, its page number must be that of the corrected word itself: point at the emendation."""
    for row in body.find_all("tr", id=re.compile(r"--em-\d+-entry$")):
        number = re.search(r"--em-(\d+)-entry$", row["id"]).group(1)
        for link in row.select("a.place[href]"):
            stem = link["href"].lstrip("#").split("--", 1)[0]
            exact = f"{stem}--em-{number}"
            if exact in ids:
                link["href"] = f"#{exact}"


_FONT_FILE = re.compile(r"^source-serif-4-(?P<subset>[a-z-]+)-(?P<weight>\d+)-(?P<style>normal|italic)\.woff2$")


def font_faces(site: Path) -> str:
    """The site's reading face, one family per subset ("Book latin", "Book latin-ext" ...), so that the print
    stylesheet can list them in turn and each character finds the subset that has it (WeasyPrint does not
    choose among the faces of one family by unicode-range)."""
    rules = []
    for path in sorted((site / "assets" / "fonts").glob("*.woff2")):
        match = _FONT_FILE.match(path.name)
        if match:
            rules.append(
                '@font-face {{ font-family: "Book {subset}"; font-style: {style}; font-weight: {weight}; '.format(
                    **match.groupdict()
                )
                + f'src: url(assets/fonts/{path.name}) format("woff2"); }}'
            )
    return "\n".join(rules)


def render(html: str, site: Path, fetched: set | None = None):
    """Lay out the print HTML with WeasyPrint: a Document of pages (the site's files it read added to `fetched`)."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    weasyfix.apply()  # notes stay on the page of their marker
    fonts = FontConfiguration()
    # the book fetches nothing from another host or elsewhere on the disk
    fetcher = scan.local_url_fetcher(site, fetched)
    stylesheets = [
        CSS(string=font_faces(site), base_url=str(site) + "/", font_config=fonts, url_fetcher=fetcher),
        CSS(filename=str(STYLESHEET), font_config=fonts, url_fetcher=fetcher),
    ]
    return HTML(string=html, base_url=str(site) + "/", url_fetcher=fetcher).render(
        stylesheets=stylesheets, font_config=fonts
    )


def pages_of_ids(document) -> dict[str, int]:
    """Every element id of a laid-out document -> the number of the page it starts on (an element that runs over
    two pages is an anchor of both)."""
    found: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            found.setdefault(anchor, number)
    return found


#: The links whose page number the print stylesheet writes after them (their data-page).
PAGE_NUMBER_LINKS = "nav.toc li a[href], a.xref[href], a.pageref[href], a.pageno[href]"
PLACEHOLDER = 100  # a page not yet placed: three digits, as most of the book's
MAX_LAYOUTS = 4


def _known_pages(body, page_of: dict[str, int], ids: set[str]) -> None:
    """Write in the page of every link that prints one, from a layout's map (`page_of`); a place the map does not
    have yet (the draft knows no back matter) gets a placeholder of the same width, which build() lays out again.
    WeasyPrint's target-counter is not used: it laid most pages out three to five times and, in this book, left
    numbers of the contents wrong. A link to a place that is not in the printed book (not in `ids`) prints no
    page."""
    for link in body.select(PAGE_NUMBER_LINKS):
        target = link["href"].lstrip("#")
        if target not in ids:
            link["class"] = [c for c in link.get("class", []) if c not in ("xref", "pageref", "pageno")]
            del link["href"]
            continue
        link["data-page"] = str(page_of.get(target, PLACEHOLDER))


def write_pdf(document, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    # PDF/UA-1 (WeasyPrint's variant: tagged, PDF 1.7, pdfuaid:part 1 in the XMP metadata; "not guaranteed valid"):
    # the language and the title come from the print HTML's <html lang> and <title> (book_html)
    document.write_pdf(tmp, pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    tmp.replace(out)


def offer_last(built: Path, site: Path) -> None:
    """`mkdocs serve` builds the site without the books: offer those of the last full build (`make build`), when
    there are, so that "Download PDF" and "EPUB" work while previewing. A missing book breaks nothing."""
    for name in (PDF_NAME, "red-book.epub"):
        last = built / name
        if last.is_file() and built.resolve() != site.resolve() and not (site / name).exists():
            shutil.copy2(last, site / name)


PAGE_MAP = Path(".site-build/pagemap.json")  # the last layout's pages of every place, for the next build


def _load_page_map(path: Path) -> dict[str, int] | None:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def build(site: Path, out: Path | None = None, edition: redbook.Edition | None = None) -> dict:
    """Write the PDF of the built site `site` to `out` (default site/red-book.pdf); return figures.

    Every page number the book prints (the contents, the registers, the cross-references) is written in from a
    layout's map of the pages (see _known_pages), so the book is laid out until the map it was given is the map
    it gives. The page map of the last build is tried first: where every place still stands on the page it gives
    (the usual case after an edit that moved nothing), one layout is all. Without one, a draft (the front matter
    and the reading text) gives the pages of the reading text, a first whole layout those of the back matter, and
    a second prints them all.

    Where the map holds and everything the layout would read is what the last build's final layout read, the
    last book is taken as it is (redbook/book/lastlayout.py): no layout at all."""
    start = time.monotonic()
    edition = edition or redbook.load(Path.cwd())
    out = out or site / PDF_NAME
    cache = edition.root / PAGE_MAP
    found = _load_page_map(cache)
    complete = found is not None  # a whole book's map, not a draft's
    layouts, fetched = 0, set()
    if found is None:
        found = pages_of_ids(render(book_html(site, edition, draft=True), site, fetched))
        layouts += 1
    alike = lastlayout.fixed(font_faces(site) + STYLESHEET.read_text(encoding="utf-8"))  # in every layout
    for _ in range(MAX_LAYOUTS):
        html = book_html(site, edition, found)
        layout_key = lastlayout.key(html, alike)
        if complete and layouts == 0 and lastlayout.reuse(edition.root, layout_key, site, out):
            return {"seconds": time.monotonic() - start, "bytes": out.stat().st_size, "path": out, "layouts": 0}
        document = render(html, site, fetched)
        layouts += 1
        final = pages_of_ids(document)
        if complete and final == found:
            break  # every number printed is the page its place stands on
        found, complete = final, True
    else:
        raise PluginError(
            f"the PDF's page numbers did not settle in {MAX_LAYOUTS} layouts\n"
            "    fix: look for a page whose length changes with the numbers printed on it (a register near a page "
            "break)"
        )
    cache.parent.mkdir(exist_ok=True)
    cache.write_text(json.dumps(final, sort_keys=True), encoding="utf-8")
    write_pdf(document, out)
    lastlayout.keep(edition.root, layout_key, site, fetched, out)
    return {"seconds": time.monotonic() - start, "bytes": out.stat().st_size, "path": out, "layouts": layouts}


if __name__ == "__main__":
    site_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("site")
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    figures = build(site_dir, target)
    print(f"pdf: {figures['path']} written in {figures['seconds']:.1f} s ({figures['bytes'] / 1e6:.2f} MB)")
