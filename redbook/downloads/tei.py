"""The whole edition as one TEI P5 file, downloads/red-book.tei.xml, made from the model (redbook.load).

    teiHeader   the title, the book's author and the responsibilities (the later editors of the book's notes,
                not named by the copy-text; this edition), the version (data/changelog.yml), the licences
                (data/licence.yml), the copy-text and its provenance as its header gives them, the editorial
                principles in short (docs/principles.md), the revisions (data/changelog.yml)
    front       the transcription's own header (the title page's copy-text)
    body        the foreword and the chapters: a div each, its title as <supplied> (the copy-text lost the
                titles), its sections, its paragraphs <p n="3.12" xml:id="p3.12"> numbered as on the site, its
                notes in a closing <div type="notes"> (as the copy-text has them, at the chapter's end), each
                <note n="17" resp="#author"> or resp="#later-editors" cert="medium" (an inference: the copy-text
                signs the author's notes "(L.S.)" and does not say who wrote the others); a call of a note
                <ref type="noteCall" target="#note-17">[17]</ref>; an emendation <choice xml:id="em-12"
                n="E12"><sic>copy-text</sic><corr>reading</corr></choice>; a person the register names
                <persName ref="#zinoviev">; a citation <bibl type="citation" corresp="#src-pravda">
                with its <citedRange>
    back        the register of persons (<listPerson>, data/persons.yml), the sources (<listBibl>,
                data/sources.bib), the reasons of the emendations (<note type="emendation" target="#em-12">)

What is the edition's and not the copy-text's is marked so that a reader (and the fidelity proof of
tests/test_tei.py) can leave it out: <supplied>, <corr>, and every element with resp="#edition".

The paragraph numbers are those of the site because they are made by the same code: each page's Markdown is
rendered with the site's Markdown extensions (macro calls replaced by placeholders), and numbered by
redbook/render/paragraphs.py:number_paragraphs, the function the site's build uses.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from html import escape
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from lxml import etree
from lxml import html as lxml_html

from redbook import address, licence
from redbook.catalogue import TEI_FILE
from redbook.emendations import locate
from redbook.errors import Collector, EditionError
from redbook.model import strip_macros as _strip_macros
from redbook.passages import finder
from redbook.render.paragraphs import number_paragraphs

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FOLDER = "downloads"
FILE = TEI_FILE
#: The Markdown extensions of mkdocs.yml (toc gives the headings their ids, which the sections keep).
EXTENSIONS = ["attr_list", "md_in_html", "sane_lists", "tables", "toc"]
EDITION = "#edition"
AUTHOR = "#author"
LATER_EDITORS = "#later-editors"
_MACRO = re.compile(r"\{\{\s*(\w+)\s*\((.*?)\)\s*\}\}", re.S)
_BLOCKS = {"p", "item", "cell", "row", "head", "ab", "label", "note", "quote", "list", "table", "div", "lb"}


def T(tag: str) -> str:  # noqa: N802 - a TEI element name
    return f"{{{TEI_NS}}}{tag}"


def _el(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    element = etree.SubElement(parent, T(tag)) if parent is not None else etree.Element(T(tag), nsmap={None: TEI_NS})
    for key, value in attrs.items():
        if value is None:
            continue
        name = XML_ID if key == "xml_id" else XML_LANG if key == "xml_lang" else key
        element.set(name, str(value))
    if text:
        element.text = text
    return element


def _plain(text: str) -> str:
    return " ".join(text.split())


# -- the Markdown of a page, as the site renders its blocks --------------------------------------------------------
def _macro_args(raw: str) -> tuple:
    try:
        return ast.literal_eval(f"({raw},)") if raw.strip() else ()
    except (ValueError, SyntaxError):
        return ()


def _dossier_table(edition, number: int) -> str:
    """The table of chapter 6 as the site gives it (redbook/render/dossiers.py): the rows are the copy-text's."""
    data = edition.apparatus.get("dossiers")
    rows = "".join(f"<tr><td>{escape(d.printed)}</td><td>{d.number}</td></tr>" for d in data.table(number))
    return (
        '<table class="dossiers"><thead><tr><th data-copytext="">Defendant</th><th data-copytext="">Dossier</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _placeholders(edition, page, text: str, *, note: int | None = None) -> str:
    """Macro calls as placeholders the conversion below understands; emendations spliced in first."""
    problems = Collector()
    ems = edition.emendations_of_note(note) if note is not None else edition.emendations_of_page(page.stem)
    spans = locate(_strip_macros(text), ems, f"note {note}" if note is not None else page.path, problems)
    problems.raise_if_any()
    out, last = [], 0
    for start, end, em in spans:
        out += [text[last:start], f'<span data-em="{em.number}">{escape(em.reading)}</span>']
        last = end
    out.append(text[last:])
    text = "".join(out)
    cites = iter(range(10**6))

    def replace(match: re.Match) -> str:
        name, args = match.group(1), _macro_args(match.group(2))
        if name == "note":
            return f'<span data-note="{int(args[0])}"></span>'
        if name == "cite":
            return f'<span data-cite="{next(cites)}"></span>'
        if name == "dossier_table":
            return _dossier_table(edition, int(args[0]))
        if name == "editorial":
            return f'<aside data-editorial="">{escape(args[0])}</aside>'
        return ""  # contents(), the register's tables: pages of the apparatus, not the reading text

    return _MACRO.sub(replace, text)


def _numbered_html(edition, page) -> tuple[str, list[str]]:
    rendered = markdown.markdown(_placeholders(edition, page, page.body), extensions=EXTENSIONS)
    if page.paragraph_prefix is None:
        return rendered, []
    soup = BeautifulSoup(rendered, "html.parser")
    _places, texts = number_paragraphs(soup, page.paragraph_prefix)  # the site's own numbering (see above)
    return str(soup), texts


# -- HTML to TEI ------------------------------------------------------------------------------------------------
class _Page:
    """The conversion of one page: its citations in order, its notes' calls, what it found."""

    def __init__(self, edition, page, base: str):
        self.edition, self.page, self.base = edition, page, base
        sources = edition.apparatus.get("sources")
        self.citations = sources.citations_on_page(page.stem) if sources else []
        self.ems = {em.number: em for em in edition.emendations}

    def inline(self, node, target) -> None:
        """Append the inline content of HTML `node` (its text and children) to TEI element `target`."""
        _append_text(target, node.text)
        for child in node:
            self.inline_element(child, target)
            _append_text(target, child.tail)

    def inline_element(self, child, target) -> None:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "a" and "pnum" in (child.get("class") or ""):
            return  # the site's paragraph number: here it is @n
        if child.get("data-note") is not None:
            number = int(child.get("data-note"))
            _el(target, "ref", f"[{number}]", type="noteCall", target=f"#note-{number}")
        elif child.get("data-cite") is not None:
            self.citation(target, self.citations[int(child.get("data-cite"))])
        elif child.get("data-em") is not None:
            em = self.ems[int(child.get("data-em"))]
            choice = _el(target, "choice", xml_id=em.anchor, n=em.ident)
            _el(choice, "sic", em.copy)
            corr = _el(choice, "corr", type=em.kind, resp=EDITION)
            self.inline(child, corr)
        elif child.get("data-copytext") == "":
            return  # an addition of the site's (a column heading of the editors')
        elif tag in ("em", "i"):
            self.inline(child, _el(target, "hi", rend="italic"))
        elif tag in ("strong", "b"):
            self.inline(child, _el(target, "hi", rend="bold"))
        elif tag == "br":
            _el(target, "lb")
        elif tag == "a" and child.get("href"):
            self.inline(child, _el(target, "ref", target=child.get("href")))
        else:
            self.inline(child, target)  # spans and the like: their words only

    def citation(self, target, citation) -> None:
        bibl = _el(target, "bibl", type="citation", corresp=f"#src-{citation.key}", resp=EDITION, xml_id=citation.ident)
        if citation.locator:
            _el(bibl, "citedRange", citation.locator)

    def block(self, node, div, state: dict) -> None:
        """One top-level block of the page's HTML into the chapter's div (or its current section)."""
        tag = node.tag if isinstance(node.tag, str) else ""
        classes = (node.get("class") or "").split()
        where = state.get("section", div)
        pid = node.get("id")
        attrs = {"n": pid[1:], "xml_id": pid} if pid and pid.startswith("p") else {}
        if tag in ("h2", "h3", "h4"):
            anchor = node.get("id")
            section = _el(div, "div", type="section", xml_id=f"{self.page.stem}.{anchor}" if anchor else None)
            self.inline(node, _el(section, "head"))
            state["section"] = section
        elif tag == "p" and "subtitle" in classes:
            if not state.get("content"):
                self.inline(node, _el(div, "head", type="sub"))
            else:
                self.inline(node, _el(where, "p", rend="subtitle"))
        elif tag == "p":
            rend = " ".join(c for c in classes if c != "para")
            self.inline(node, _el(where, "p", rend=rend or None, **attrs))
        elif tag == "blockquote":
            quote = _el(where, "quote", type=" ".join(classes) or None)
            for child in node:
                if isinstance(child.tag, str):
                    self.block(child, quote, {})
        elif tag in ("ol", "ul"):
            ordered = tag == "ol"
            start = int(node.get("start", 1))
            listing = _el(where, "list", rend="numbered" if ordered else "bulleted")
            for offset, li in enumerate(x for x in node if x.tag == "li"):
                if ordered:
                    _el(listing, "label", f"{start + offset}.")
                lid = li.get("id")
                item = _el(listing, "item", **({"n": lid[1:], "xml_id": lid} if lid else {}))
                self.inline(li, item)
        elif tag == "div" and "numbered-block" in classes:
            table = next(x for x in node if x.tag == "table")
            self.table(table, where, attrs)
        elif tag == "table":
            self.table(node, where, attrs)
        elif tag == "hr":
            printed = node.get("data-copytext")
            if printed:
                _el(where, "ab", printed, type="section-break")
            else:
                _el(where, "milestone", unit="section", resp=EDITION)
        elif tag == "aside" and node.get("data-editorial") is not None:
            _el(where, "note", _plain(node.text_content()), type="editorial", resp=EDITION)
        elif tag == "div":
            for child in node:
                if isinstance(child.tag, str):
                    self.block(child, where, state)
        elif tag:
            self.inline(node, _el(where, "ab", **attrs))
        if tag:
            state["content"] = True

    def table(self, table, where, attrs) -> None:
        out = _el(where, "table", **attrs)
        for tr in table.iter("tr"):
            head = tr.getparent() is not None and tr.getparent().tag == "thead"
            row = _el(out, "row", role="label" if head else None)
            for cell in tr:
                if not isinstance(cell.tag, str):
                    continue
                edition_own = cell.get("data-copytext") == ""
                tei_cell = _el(
                    row, "cell", role="label" if cell.tag == "th" else None, resp=EDITION if edition_own else None
                )
                if edition_own:
                    tei_cell.text = _plain(cell.text_content())
                else:
                    self.inline(cell, tei_cell)


def _append_text(element, text: str | None) -> None:
    if not text:
        return
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


def _fragment(html: str):
    return lxml_html.fragment_fromstring(html, create_parent="div")


# -- the parts of the text ------------------------------------------------------------------------------------------
def _front(edition, parent) -> None:
    """The transcription's own header, from the title page: its copy-text only."""
    front = next((p for p in edition.pages.values() if p.part == "front"), None)
    if front is None:
        return
    root = _fragment(_numbered_html(edition, front)[0])
    div = _el(parent, "div", type="transcription-header", xml_id=front.stem)
    converter = _Page(edition, front, "")
    for section in root.iter("section"):
        if "copytext-header" not in (section.get("class") or ""):
            continue
        for child in section:
            if isinstance(child.tag, str) and child.get("data-copytext") is None:
                converter.inline(child, _el(div, "p"))


def _chapter(edition, page, parent, base: str) -> dict:
    html, texts = _numbered_html(edition, page)
    root = _fragment(html)
    kind = "chapter" if page.part == "chapter" else page.part
    div = _el(
        parent,
        "div",
        type=kind,
        n=page.chapter or page.paragraph_prefix,
        xml_id=page.stem,
        corresp=address.absolute(base, page.url) if base else None,
    )
    head = _el(div, "head")
    if page.title_supplied:
        _el(head, "supplied", page.title, reason=_plain(page.title_supplied), resp=EDITION)
    else:
        head.text, head.attrib["resp"] = page.title, EDITION
    converter = _Page(edition, page, base)
    state: dict = {}
    for child in root:
        if isinstance(child.tag, str):
            converter.block(child, div, state)
    notes = edition.notes_of(page.stem)
    gaps = edition.gaps_of(page.stem)
    if notes or gaps:
        block = _el(div, "div", type="notes")
        items = [(n.number, n) for n in notes] + [(g.number, g) for g in gaps]
        for _number, item in sorted(items, key=lambda pair: pair[0]):
            if hasattr(item, "by"):
                _note(edition, page, item, block, converter)
            else:
                _el(
                    block,
                    "note",
                    _plain(item.comment),
                    type="gap",
                    n=item.number,
                    resp=EDITION,
                    xml_id=f"note-{item.number}",
                )
    return {"texts": texts, "div": div}


def _note(edition, page, note, block, converter: _Page) -> None:
    attrs = {"resp": AUTHOR} if note.is_authors else {"resp": LATER_EDITORS, "cert": "medium"}
    element = _el(block, "note", n=note.number, xml_id=f"note-{note.number}", type=note.by, place="end", **attrs)
    _el(element, "label", f"[{note.number}]")
    text = _placeholders(edition, page, note.text, note=note.number)
    for link in note.links:  # "page 27" of the printed edition: the place of this edition the editors take it to mean
        stem, _, anchor = link.to.partition("#")
        stem = stem.removesuffix(".md")
        target = f"{stem}.{anchor}" if anchor else stem
        text = text.replace(link.words, f'<a href="#{target}">{escape(link.words)}</a>', 1)
    root = _fragment(markdown.markdown(text, extensions=EXTENSIONS))
    paragraphs = [p for p in root if isinstance(p.tag, str)]
    if len(paragraphs) == 1 and paragraphs[0].tag == "p":
        _append_text(element, " ")
        converter.inline(paragraphs[0], element)
    else:
        for p in paragraphs:
            converter.inline(p, _el(element, "p"))
    sources = edition.apparatus.get("sources")
    for citation in sources.citations_of_note(note.number) if sources else []:
        converter.citation(element, citation)


# -- persons: the register's mentions, found in the TEI's own words as the site finds them -----------------------------
def _searchable(element) -> bool:
    tag = etree.QName(element).localname
    if tag in ("sic", "head", "label", "supplied", "persName"):
        return False
    return element.get("resp") != EDITION or tag == "corr"


def _mark_persons(edition, page, div) -> int:
    register = edition.apparatus.get("persons")
    if register is None or not register.persons:
        return 0
    expected = register.occurrences_on(page.stem)
    pattern = finder(register.forms)
    cursor = 0

    def wrap(text: str) -> list:
        nonlocal cursor
        pieces, last = [], 0
        for match in pattern.finditer(text):
            if cursor >= len(expected):
                raise EditionError(
                    [
                        _problem(
                            page, f"the TEI names {match.group('form')!r} where the register expects no more mentions"
                        )
                    ]
                )
            occurrence = expected[cursor]
            cursor += 1
            keys = [m.key for m in occurrence.mentions]
            if match.group("form") != occurrence.form and not set(keys) & set(
                register.forms.get(match.group("form"), [])
            ):
                raise EditionError(
                    [
                        _problem(
                            page,
                            f"the TEI names {match.group('form')!r} where the register expects {occurrence.form!r}",
                        )
                    ]
                )
            pieces += [text[last : match.start()], (match.group(0), keys)]
            last = match.end()
        pieces.append(text[last:])
        return pieces

    def name(words: str, keys: list[str]):
        element = etree.Element(T("persName"))
        element.set("ref", " ".join(f"#{k}" for k in keys))
        element.text = words
        return element

    def splice(element, at: int, previous, pieces: list) -> None:
        for piece in pieces[1:]:
            if isinstance(piece, tuple):
                new = name(*piece)
                element.insert(at, new)
                at, previous = at + 1, new
            else:
                previous.tail = piece

    def walk(element) -> None:
        """Document order, as the site reads the page: an element's text, then each child and its tail."""
        if not _searchable(element):
            return
        children = list(element)
        if element.text:
            pieces = wrap(element.text)
            element.text = pieces[0]
            splice(element, 0, None, pieces)
        for child in children:
            walk(child)
            if child.tail:
                pieces = wrap(child.tail)
                child.tail = pieces[0]
                splice(element, element.index(child) + 1, child, pieces)

    walk(div)
    if cursor != len(expected):
        raise EditionError(
            [
                _problem(
                    page,
                    f"the register finds {len(expected)} mentions on this page, the TEI "
                    f"{cursor}; the first not found is {expected[cursor].form!r}",
                )
            ]
        )
    return cursor


def _problem(page, what: str):
    from redbook.errors import Problem

    return Problem(
        page.path, None, what, "the TEI must give the page's words as the site does: see redbook/downloads/tei.py"
    )


# -- the header and the back matter ---------------------------------------------------------------------------------
def _header(edition, tei, base: str) -> None:
    from redbook import provenance  # the copy-text's provenance and the edition's identifier, stated once there

    rights = licence.of(edition)
    version, date = provenance.edition_version(edition)
    header = _el(tei, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", provenance.TITLE, type="main")
    _el(title_stmt, "title", provenance.PART, type="sub")
    _el(title_stmt, "author", provenance.AUTHOR, xml_id="author")
    later = _el(title_stmt, "respStmt", xml_id="later-editors")
    _el(
        later,
        "resp",
        "the book's notes not signed (L.S.): taken by this edition to be those of the book's later "
        "editors; the copy-text does not say who wrote them",
    )
    _el(later, "name", "not identified")
    own = _el(title_stmt, "respStmt", xml_id="edition")
    _el(
        own,
        "resp",
        "this edition: the supplied titles, the emendations, the paragraph numbers, the register of "
        "persons, the identification of the sources, the encoding",
    )
    _el(own, "orgName", rights.holder)
    edition_stmt = _el(file_desc, "editionStmt")
    when = f" of {date}" if date else " (in preparation)"
    ed = _el(edition_stmt, "edition", f"Version {version}{when}", n=version)
    if date:
        _el(ed, "date", date, when=date)
    publication = _el(file_desc, "publicationStmt")
    _el(publication, "authority", rights.holder)
    _el(publication, "idno", provenance.IDENTIFIER, type="URI")
    if base:
        _el(publication, "idno", base, type="URL")
        _el(publication, "idno", address.absolute(base, f"{FOLDER}/{FILE}"), type="TEI")
    availability = _el(publication, "availability")
    lic = _el(availability, "licence", target=rights.content.url)
    _el(lic, "p", rights.statement)
    _el(availability, "p", rights.copytext)
    if date:
        _el(publication, "date", date, when=date)
    source_desc = _el(file_desc, "sourceDesc")
    copy = provenance.COPYTEXT
    bibl = _el(source_desc, "bibl", type="copytext")
    _el(bibl, "title", copy["name"])
    _el(bibl, "author", provenance.AUTHOR)
    credit = _el(bibl, "respStmt")
    _el(credit, "resp", copy["transcribed"])  # the transcription's credit, as the copy-text's header gives it
    _el(credit, "name", copy["transcription"])
    _el(
        bibl,
        "note",
        f"Reproduced from the {copy['reproduced_from']}; published by {copy['published']}; first "
        f"published {'; '.join(copy['first_published'])}.",
        type="provenance",
    )
    _el(bibl, "idno", copy["file"], type="file")
    _el(bibl, "idno", _sha256(edition.root / copy["file"]), type="sha256")

    encoding = _el(header, "encodingDesc")
    project = _el(encoding, "projectDesc")
    _el(
        project,
        "p",
        "A scholarly edition of the transcription, with the book's notes, the edition's emendations "
        "and numbered paragraphs; this file is made from the same sources as the web edition, the PDF and the "
        "e-book, at the same build.",
    )
    decl = _el(encoding, "editorialDecl")
    principles = "(docs/principles.md, “Editorial principles and emendations”)"
    _el(
        _el(decl, "correction"),
        "p",
        "Only evident misprints are corrected, where the intended word is not in "
        "doubt: each correction is a choice of the copy-text's reading (sic) and the edition's (corr), with its "
        f'reason in the back matter (note type="emendation") {principles}.',
    )
    _el(
        _el(decl, "normalization"),
        "p",
        "Nothing is normalised: wording, spelling, the variant spellings of "
        "names, quotation marks and dashes are kept as the copy-text prints them.",
    )
    _el(
        _el(decl, "segmentation"),
        "p",
        'Paragraphs are numbered by chapter as on the web edition: p n="3.12" '
        'xml:id="p3.12" is the twelfth paragraph of chapter 3, F.4 the fourth of the foreword.',
    )
    _el(
        _el(decl, "interpretation"),
        "p",
        "The book's notes keep their own numbers, with the copy-text's gap and "
        'repetition. A note signed “(L.S.)” is Leon Sedov\'s (resp="#author"); the copy-text does not say who '
        'wrote the others, which this edition takes to be the later editors\' (resp="#later-editors", '
        'cert="medium": an inference). The chapter titles, lost in the transcription, are supplied. What the '
        'edition adds is marked supplied, corr, or resp="#edition".',
    )
    profile = _el(header, "profileDesc")
    _el(_el(profile, "langUsage"), "language", "English", ident="en")
    log = edition.apparatus.get("changelog")
    if log is not None and log.releases:
        revisions = _el(header, "revisionDesc")
        for release in log.releases:
            _el(
                revisions,
                "change",
                release.summary,
                n=release.version,
                when=release.date.isoformat() if release.date else None,
            )


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- issue 26: the references' dates, death, sentence and offices; the named indexes with their structure ----------
def _dated(element, value: str | None, attr: str = "when") -> None:
    """A date of the data on a TEI element: a Julian day (O.S.) as when-custom with datingMethod #julian, any other
    (N.S., or no style) as the ISO `attr`."""
    if not value:
        return
    from redbook.dates import OLD_STYLE, split_date

    day, style = split_date(value)
    if style == OLD_STYLE:
        element.set(f"{attr}-custom", day)
        element.set("datingMethod", "#julian")
    else:
        element.set(attr, day)


def _identified(edition, element, key: str) -> None:
    """Under a person of the register: what the references give (resp: this edition), the sentence and the death
    distinctly, and the offices with their dates."""
    ids = edition.apparatus.get("identifications")
    ident = ids.of(key) if ids is not None else None
    if ident is None or not ident.identified:
        return
    if ident.born:
        _dated(_el(element, "birth", resp=EDITION), ident.born)
    if ident.sentenced:
        event = _el(element, "event", type="sentence", resp=EDITION)
        _dated(event, ident.sentenced)
        _el(event, "label", "sentenced")
    if ident.died or ident.death:
        death = _el(element, "death", type=ident.death, resp=EDITION)
        _dated(death, ident.died)
    for office in ident.offices:
        occupation = _el(element, "occupation", f"{office.held}, ", type="office", resp=EDITION)
        _dated(occupation, office.start, "from")
        _dated(occupation, office.end, "to")
        _el(occupation, "orgName", office.body, ref=f"#org.{office.org}" if office.org else None)


def _named(back, index, name: str, head: str) -> None:
    """A named index as TEI: <listOrg>/<listPlace>, a subentry nested in its parent's element, "see also" as
    <ptr>, the body's dates in a note, the cross-references ("see") as a list."""
    tag, list_tag, name_tag, prefix = (
        ("org", "listOrg", "orgName", "org") if name == "organisations" else ("place", "listPlace", "placeName", "pl")
    )
    div = _el(back, "div", type=name)
    _el(div, "head", head, resp=EDITION)
    listing = _el(div, list_tag)

    def entry(parent, e) -> None:
        element = _el(parent, tag, xml_id=f"{prefix}.{e.key}", type=e.kind)
        _el(element, name_tag, e.name)
        for form in e.forms:
            _el(element, name_tag, form, type="printed")
        _el(element, "note", _plain(e.about), type="identification", resp=EDITION)
        if e.founded or e.dissolved or e.renamed:
            note = _el(element, "note", type="dates", resp=EDITION)
            if e.founded:
                _dated(_el(note, "date", f"founded {e.founded}", type="founded"), e.founded)
            for day, new in e.renamed:
                _dated(_el(note, "date", f"renamed {new} {day}", type="renamed"), day)
            if e.dissolved:
                _dated(_el(note, "date", f"dissolved {e.dissolved}", type="dissolved"), e.dissolved)
        for other in e.see_also:
            _el(element, "ptr", type="see-also", target=f"#{prefix}.{other}")
        for child in index.children(e.key):
            entry(element, child)

    for e in index.top():
        entry(listing, e)
    if index.cross_references:
        crosses = _el(div, "list", type="cross-references")
        for c in index.cross_references:
            item = _el(crosses, "item", f"{c.name}, see ")
            _el(item, "ref", index.entry(c.see).name, target=f"#{prefix}.{c.see}")


def _back(edition, back, layout_places: dict[str, str]) -> None:
    register = edition.apparatus.get("persons")
    if register is not None and register.persons:
        div = _el(back, "div", type="persons")
        _el(div, "head", "Index of persons", resp=EDITION)
        people = _el(div, "listPerson")
        for person in register.persons.values():
            element = _el(people, "person", xml_id=person.key)
            _el(element, "persName", person.name)
            for form in person.forms:
                _el(element, "persName", form, type="printed")
            for variant in person.variants:
                _el(element, "persName", variant, type="variant")
            if person.born:
                _el(element, "birth", person.born)
            if person.died:
                _el(element, "death", person.died)
            about = _el(element, "note", _plain(person.about), type="identification")
            source = person.source
            about.set("source", f"#note-{source.note}" if source.note is not None else f"#{source.page}")
            if person.remark:
                _el(element, "note", _plain(person.remark), type="remark", resp=EDITION)
            _identified(edition, element, person.key)
    for name, head in (("organisations", "Index of organisations"), ("places", "Index of places")):
        index = edition.apparatus.get(name)
        if index is not None and index.entries:
            _named(back, index, name, head)
    sources = edition.apparatus.get("sources")
    if sources is not None and sources.sources:
        div = _el(back, "div", type="sources")
        _el(div, "head", "Sources the book cites", resp=EDITION)
        listing = _el(div, "listBibl")
        for source in sources.sources.values():
            bibl = _el(listing, "bibl", _plain(source.text), xml_id=source.anchor, type=source.kind)
            _el(bibl, "idno", source.key, type="key")
    if edition.emendations:
        div = _el(back, "div", type="emendations")
        _el(div, "head", "Emendations", resp=EDITION)
        for em in edition.emendations:
            target = f"#{em.anchor}" if em.changes_words else layout_places.get(em.anchor, "")
            note = _el(
                div,
                "note",
                _plain(em.reason),
                type="emendation",
                subtype=em.kind,
                n=em.ident,
                target=target or None,
                resp=EDITION,
                xml_id=f"{em.anchor}-reason",
            )
            if em.note is not None:
                note.set("corresp", f"#note-{em.note}")


# -- the file ----------------------------------------------------------------------------------------------------
def tei_document(edition, base: str | None = None) -> etree._ElementTree:
    """The TEI document of the whole edition; `base` is the site's public address (default: mkdocs.yml's)."""
    base = edition.site_url() if base is None else base
    tei = _el(None, "TEI", xml_lang="en")
    _header(edition, tei, base)
    text = _el(tei, "text")
    _front(edition, _el(text, "front"))
    body = _el(text, "body")
    layout_places: dict[str, str] = {}
    for page in edition.reading_pages():
        if page.paragraph_prefix is None:
            continue
        made = _chapter(edition, page, body, base)
        _mark_persons(edition, page, made["div"])
        for em in edition.emendations_of_page(page.stem):
            if em.kind == "layout":
                hit = next((i for i, t in enumerate(made["texts"], start=1) if em.near in " ".join(t.split())), None)
                if hit is not None:
                    layout_places[em.anchor] = f"#p{page.paragraph_prefix}.{hit}"
    _back(edition, _el(text, "back"), layout_places)
    ids = Counter(e.get(XML_ID) for e in tei.iter() if e.get(XML_ID))
    doubled = sorted(i for i, count in ids.items() if count > 1)
    if doubled:
        raise EditionError(
            [
                _problem(
                    edition.pages[next(iter(edition.pages))], f"the TEI would give the ids {', '.join(doubled)} twice"
                )
            ]
        )
    return etree.ElementTree(tei)


def tei_bytes(edition, base: str | None = None) -> bytes:
    document = tei_document(edition, base)
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_tei(edition, site: Path) -> Path:
    """Write SITE/downloads/red-book.tei.xml; return its path."""
    out = Path(site) / FOLDER / FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(tei_bytes(edition))
    return out
