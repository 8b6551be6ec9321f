"""The e-book (site/red-book.epub): a valid EPUB 3 container, every link and note reference resolving, the
chapters in order, the book's notes as pop-up notes with their numbers and attribution, and the same
word-for-word fidelity to the copy-text as the site."""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from lxml import etree

from redbook import provenance
from redbook.copytext import COPYTEXT, words
from redbook.fidelity import copytext_words_of_page

ROOT = Path(__file__).resolve().parent.parent
NS = {
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")  # Debian's package epubcheck


@pytest.fixture(scope="module")
def epub_path(site) -> Path:
    path = site / "red-book.epub"
    assert path.exists(), "the build wrote no red-book.epub"
    return path


@pytest.fixture(scope="module")
def book(epub_path) -> zipfile.ZipFile:
    return zipfile.ZipFile(epub_path)


@pytest.fixture(scope="module")
def package(book):
    """(path of the package document, its parsed XML)."""
    container = etree.fromstring(book.read("META-INF/container.xml"))
    path = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile").get("full-path")
    return path, etree.fromstring(book.read(path))


@pytest.fixture(scope="module")
def spine(book, package) -> list[tuple[str, bool]]:
    """The spine's documents as paths in the zip, with their linear flag, in order."""
    path, opf = package
    base = posixpath.dirname(path)
    manifest = {i.get("id"): i.get("href") for i in opf.iterfind(".//opf:manifest/opf:item", NS)}
    return [
        (posixpath.join(base, manifest[ref.get("idref")]), ref.get("linear") != "no")
        for ref in opf.iterfind(".//opf:spine/opf:itemref", NS)
    ]


@pytest.fixture(scope="module")
def documents(book) -> dict[str, etree._Element]:
    """Every XHTML document of the e-book, parsed as XML (a parse error fails here)."""
    return {n: etree.fromstring(book.read(n)) for n in book.namelist() if n.endswith(".xhtml")}


def _notes_of_copytext() -> dict[int, str]:
    """The notes as the copy-text prints them: a line '[n] text' (read here without the edition's model)."""
    text = (ROOT / COPYTEXT).read_text(encoding="utf-8")
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\[(\d+)\] ?(.*)$", text, re.MULTILINE)}


def test_mimetype_comes_first_and_uncompressed(book):
    first = book.infolist()[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED
    assert book.read("mimetype") == b"application/epub+zip"
    assert first.extra == b""


def test_every_xhtml_and_package_file_parses_as_xml(book, documents):
    assert len(documents) >= 10
    for name in book.namelist():
        if name.endswith((".opf", ".ncx", ".xml")):
            etree.fromstring(book.read(name))


def test_every_internal_link_resolves(book, documents):
    ids = {name: set(doc.xpath("//@id")) for name, doc in documents.items()}
    names = set(book.namelist())
    broken = []
    for name, doc in documents.items():
        for link in doc.iterfind(".//x:a[@href]", NS):
            parts = urlsplit(link.get("href"))
            if parts.scheme:
                continue
            target = (
                posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path))) if parts.path else name
            )
            if target not in names:
                broken.append(f"{name}: {link.get('href')} (no such file)")
            elif parts.fragment and parts.fragment not in ids.get(target, set()):
                broken.append(f"{name}: {link.get('href')} (no such id)")
    assert not broken, "\n".join(broken[:20])


def _target(name: str, href: str, documents) -> etree._Element:
    parts = urlsplit(href)
    file = posixpath.normpath(posixpath.join(posixpath.dirname(name), parts.path)) if parts.path else name
    found = documents[file].xpath("//*[@id=$id]", id=parts.fragment)
    assert len(found) == 1, f"{name}: {href} names {len(found)} elements"
    return found[0]


def test_every_note_reference_opens_a_footnote_and_every_footnote_is_referred_to(documents):
    referred = set()
    count = 0
    for name, doc in documents.items():
        for ref in doc.xpath("//x:a[@epub:type='noteref']", namespaces=NS):
            target = _target(name, ref.get("href"), documents)
            assert target.tag == f"{{{NS['x']}}}aside" and target.get(EPUB_TYPE) == "footnote", ref.get("href")
            path = urlsplit(ref.get("href")).path  # a remark of the commentary: a note of commentary.xhtml
            file = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
            referred.add((file, target.get("id")))
            count += 1
    notes = {
        (n, a.get("id"))
        for n, d in documents.items()
        for a in d.xpath("//x:aside[@epub:type='footnote']", namespaces=NS)
    }
    assert notes and notes <= referred, f"footnotes nothing refers to: {sorted(notes - referred)[:5]}"
    # every call of the copy-text's notes is a note reference: a call is "[n]" anywhere but at a note's head
    text = (ROOT / COPYTEXT).read_text(encoding="utf-8")
    calls = len(re.findall(r"\[\d+\]", text)) - len(_notes_of_copytext())
    assert count >= calls


def test_the_books_notes_keep_their_numbers_text_and_attribution(documents):
    """Each note of the copy-text is one pop-up note with its number, its words, and who wrote it in words."""
    expected = _notes_of_copytext()
    found = {}
    for name, doc in documents.items():
        for aside in doc.xpath("//x:aside[@epub:type='footnote'][starts-with(@id, 'note-')]", namespaces=NS):
            found[int(aside.get("id").removeprefix("note-"))] = (name, aside)
    assert sorted(found) == sorted(expected)
    for number, printed in expected.items():
        name, aside = found[number]
        text = " ".join("".join(aside.itertext()).split())
        assert text.startswith(f"[{number}] "), text[:40]
        signed = printed.rstrip().endswith("(L.S.)")
        assert ("Author’s note (L.S.)" in text) == signed and ("Editors’ note" in text) == (not signed), text[-60:]
        assert ("note--author" in aside.get("class")) == signed
        # read as the fidelity proof reads (the edition's additions out, emendations undone): the printed note
        html = etree.tostring(aside, encoding="unicode", method="html")
        assert copytext_words_of_page(html) == words(f"[{number}] {printed}"), number


def test_spine_has_every_chapter_in_order_after_the_title_page_and_foreword(spine):
    linear = [posixpath.basename(p).removesuffix(".xhtml") for p, is_linear in spine if is_linear]
    chapters = sorted(int(p.stem.split("-")[1]) for p in (ROOT / "docs").glob("chapter-*.md"))
    reading = ["index", "foreword", *(f"chapter-{n}" for n in chapters)]
    assert linear[: len(reading)] == reading
    assert len(linear) > len(reading), "the back matter (principles, emendations ...) follows the chapters"
    assert "principles" in linear[len(reading) :]


def test_navigation_document_and_ncx_cover_every_document_of_the_spine(book, package, spine):
    path, opf = package
    base = posixpath.dirname(path)
    nav_item = opf.find(".//opf:manifest/opf:item[@properties='nav']", NS)
    nav = etree.fromstring(book.read(posixpath.join(base, nav_item.get("href"))))
    toc = nav.xpath("//x:nav[@epub:type='toc']//x:a/@href", namespaces=NS)
    ncx_item = opf.find(".//opf:manifest/opf:item[@media-type='application/x-dtbncx+xml']", NS)
    ncx = etree.fromstring(book.read(posixpath.join(base, ncx_item.get("href"))))
    ncx_targets = ncx.xpath("//ncx:navPoint/ncx:content/@src", namespaces=NS)
    for doc, is_linear in spine:
        if not is_linear:
            continue
        href = posixpath.relpath(doc, base)
        assert href in toc, f"{href} is not in the navigation document"
        assert href in ncx_targets, f"{href} is not in the NCX"


def test_metadata(package):
    _, opf = package
    meta = opf.find("opf:metadata", NS)
    assert meta.findtext("dc:title", namespaces=NS) == "The Red Book on the Moscow Trials"
    assert meta.findtext("dc:creator", namespaces=NS) == "Leon Sedov"
    assert meta.findtext("dc:language", namespaces=NS) == "en"
    assert meta.findtext("dc:identifier", namespaces=NS) == provenance.IDENTIFIER
    assert "No licence" in meta.findtext("dc:rights", namespaces=NS)
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", meta.findtext("opf:meta[@property='dcterms:modified']", namespaces=NS)
    )
    newest = yaml.safe_load((ROOT / "data/changelog.yml").read_text(encoding="utf-8"))["releases"][0]
    assert meta.findtext("opf:meta[@property='schema:version']", namespaces=NS) == newest["version"]
    # a version in preparation has no date yet: then the e-book claims none
    assert meta.findtext("dc:date", namespaces=NS) == (str(newest["date"]) if newest.get("date") else None)


def test_nothing_interactive_is_left(documents):
    for name, doc in documents.items():
        assert not doc.xpath("//x:button | //x:script | //*[@popover] | //*[@popovertarget]", namespaces=NS), name


def test_embedded_fonts_are_the_licensed_ones_and_the_licence_is_given(book, documents):
    fonts = [n for n in book.namelist() if n.endswith((".woff2", ".woff", ".ttf", ".otf"))]
    assert fonts, "the reading face is embedded"
    shipped = {p.name: p.read_bytes() for p in (ROOT / "docs/assets/fonts").glob("*.woff2")}
    for name in fonts:
        assert book.read(name) == shipped[posixpath.basename(name)]
    licence = (ROOT / "docs/assets/fonts/OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence.upper()
    colophon = "".join(
        text for doc in documents.values() for text in doc.xpath("//x:pre[@class='licence']//text()", namespaces=NS)
    )
    assert " ".join(licence.split()) in " ".join(colophon.split())


def _reading_words(book, spine) -> list[str]:
    chapters = sorted(int(p.stem.split("-")[1]) for p in (ROOT / "docs").glob("chapter-*.md"))
    reading = {"index", "foreword", *(f"chapter-{n}" for n in chapters)}
    found = []
    for path, _ in spine:
        if posixpath.basename(path).removesuffix(".xhtml") in reading:
            body = etree.fromstring(book.read(path)).find("x:body", NS)
            found += copytext_words_of_page(etree.tostring(body, encoding="unicode", method="html"))
    return found


def test_epub_gives_every_word_of_the_copytext_in_order(book, spine, capsys):
    expected = words((ROOT / COPYTEXT).read_text(encoding="utf-8"))
    actual = _reading_words(book, spine)
    with capsys.disabled():
        print(f"\nfidelity (EPUB): compared {len(expected)} words of the copy-text with {len(actual)} read back")
    assert actual == expected


def test_the_epub_proof_notices_a_lost_word(book, spine, tmp_path):
    """Not vacuous: the same reading of a copy with one word dropped from chapter 3 differs."""
    copy = tmp_path / "changed.epub"
    with zipfile.ZipFile(copy, "w") as out:
        for info in book.infolist():
            data = book.read(info)
            if info.filename.endswith("chapter-3.xhtml"):
                data = data.replace(b"nothing was known of the assassin", b"nothing known of the assassin", 1)
            out.writestr(info.filename, data, compress_type=info.compress_type)
    original = _reading_words(book, spine)
    assert len(_reading_words(zipfile.ZipFile(copy), spine)) == len(original) - 1


@pytest.mark.skipif(
    shutil.which("java") is None or not EPUBCHECK_JAR.exists(), reason="epubcheck (Debian) not installed"
)
def test_epubcheck_finds_no_error_or_warning(epub_path, capsys):
    result = subprocess.run(
        ["java", "-jar", str(EPUBCHECK_JAR), str(epub_path)], capture_output=True, text=True, timeout=300
    )
    with capsys.disabled():
        print("\nEPUBCheck: " + " / ".join(line for line in result.stdout.splitlines() if line.startswith("Messages")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout, result.stdout


def test_every_page_of_the_site_offers_the_epub(site):
    pages = [p for p in site.glob("*.html") if p.name != "404.html"]
    assert pages
    for page in pages:
        assert 'href="red-book.epub"' in page.read_text(encoding="utf-8"), page.name


def test_parts_of_the_web_page_about_itself_are_left_out(documents):
    """'Cite this page' gives web addresses and says the paragraph numbers are links: not so in the e-book."""
    for name, doc in documents.items():
        text = " ".join("".join(doc.itertext()).split())
        assert "link to its own stable address" not in text, name
        assert not doc.xpath("//x:section[contains(@class, 'cite-this')]", namespaces=NS), name
