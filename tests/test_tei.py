"""The TEI P5 file of the edition (redbook/downloads/tei.py), read back with lxml.

Expectations come from the copy-text and from the data files read here directly (yaml, pybtex, the Markdown's
macro calls), not from the writer. The words of the text are compared with the copy-text by the fidelity
proof's own word split (redbook.copytext.words): the copy-text's readings are those of <sic>, and what the
edition adds (<supplied>, <corr>, resp="#edition") is left out, as the site's data-copytext is.

No TEI schema can be checked here: tei_all.rng is not installable from the registries this project uses (Debian
has jing, the validator, but not the schema). test_validates_against_tei_all runs when REDBOOK_TEI_RNG names a
copy of tei_all.rng and jing is installed; otherwise it is skipped and says so.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml
from lxml import etree
from pybtex.database import parse_file

from redbook.copytext import COPYTEXT, words
from redbook.downloads import tei

from support import first_difference

ROOT = Path(__file__).resolve().parent.parent
NS = {"t": tei.TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: Elements that end a run of words (as BLOCKS in redbook/fidelity.py for HTML).
BLOCKS = {"p", "item", "cell", "row", "head", "ab", "label", "note", "quote", "list", "table", "div", "lb"}


@pytest.fixture(scope="module")
def tei_path(edition, tmp_path_factory) -> Path:
    return tei.write_tei(edition, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def doc(tei_path):
    return etree.parse(str(tei_path))  # raises on anything not well-formed


def _copytext() -> str:
    return (ROOT / COPYTEXT).read_text(encoding="utf-8")


def _local(element) -> str:
    return etree.QName(element).localname


def _is_editions(element) -> bool:
    return _local(element) in ("supplied", "corr") or element.get("resp") == "#edition"


def copytext_words_of_tei(root) -> list[str]:
    """The copy-text's words as the TEI gives them: front and body, in order; sic read, the edition's left out."""
    out: list[str] = []

    def walk(element) -> None:
        if not isinstance(element.tag, str) or _is_editions(element):
            return
        block = _local(element) in BLOCKS
        if block:
            out.append("\n")
        out.append(element.text or "")
        for child in element:
            walk(child)
            out.append(child.tail or "")
        if block:
            out.append("\n")

    text = root.find("t:text", NS)
    for part in ("front", "body"):
        element = text.find(f"t:{part}", NS)
        if element is not None:
            walk(element)
    return words("".join(out))


# -- the words ------------------------------------------------------------------------------------------------
def test_tei_gives_every_word_of_the_copytext_in_order(doc, tei_path, capsys):
    expected = words(_copytext())
    actual = copytext_words_of_tei(doc.getroot())
    with capsys.disabled():
        print(
            f"\nfidelity (TEI): compared {len(expected)} words of the copy-text with {len(actual)} read back from "
            f"{tei_path.name} ({tei_path.stat().st_size / 1000:.0f} kB)"
        )
    assert actual == expected, first_difference(expected, actual, "TEI")


def test_the_tei_proof_notices_a_lost_and_an_added_word(doc):
    root = etree.fromstring(etree.tostring(doc))
    paragraph = root.find(".//t:p[@n='3.2']", NS)
    original = copytext_words_of_tei(root)
    paragraph.text = paragraph.text.replace("the terrorist ", "", 1)
    assert len(copytext_words_of_tei(root)) == len(original) - 2
    root = etree.fromstring(etree.tostring(doc))
    corr = root.find(".//t:corr", NS)
    corr.getparent().remove(corr.getparent().find("t:sic", NS))  # the edition's reading alone: words change
    assert copytext_words_of_tei(root) != original


# -- the notes ----------------------------------------------------------------------------------------------------
def _printed_notes() -> dict[int, str]:
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\[(\d+)\] ?(.*)$", _copytext(), re.MULTILINE)}


def test_every_note_is_there_with_its_number_attribution_and_calls(doc):
    printed = _printed_notes()
    notes = {int(n.get("n")): n for n in doc.iterfind(".//t:div[@type='notes']/t:note", NS) if n.get("type") != "gap"}
    assert sorted(notes) == sorted(printed)
    ids = {e.get(XML_ID) for e in doc.iter() if e.get(XML_ID)}
    calls = Counter(r.get("target") for r in doc.iterfind(".//t:ref[@type='noteCall']", NS))
    for number, text in printed.items():
        note = notes[number]
        signed = text.rstrip().endswith("(L.S.)")
        assert note.get("resp") == ("#author" if signed else "#later-editors"), number
        assert signed or note.get("cert") == "medium", number  # the unsigned notes' authorship is an inference
        assert note.get(XML_ID) == f"note-{number}"
        assert calls[f"#note-{number}"] == _copytext().count(f"[{number}]") - 1, number  # every [n] but its head
    for resp in ("author", "later-editors", "edition"):
        assert resp in ids, resp
    assert all(target[1:] in ids for target in calls)


def test_the_notes_gaps_are_the_editions_statements(doc):
    gaps = [yaml.safe_load(p.read_text(encoding="utf-8")).get("gaps") or [] for p in (ROOT / "footnotes").glob("*.yml")]
    numbers = sorted(g["number"] for file_gaps in gaps for g in file_gaps)
    found = sorted(int(n.get("n")) for n in doc.iterfind(".//t:note[@type='gap']", NS))
    assert found == numbers and all(n.get("resp") == "#edition" for n in doc.iterfind(".//t:note[@type='gap']", NS))


# -- the emendations -----------------------------------------------------------------------------------------------
def test_every_emendation_is_a_choice_with_its_reason(doc):
    entries = yaml.safe_load((ROOT / "data/emendations.yml").read_text(encoding="utf-8"))
    reasons = {n.get("n"): n for n in doc.iterfind(".//t:back//t:note[@type='emendation']", NS)}
    ids = {e.get(XML_ID) for e in doc.iter() if e.get(XML_ID)}
    assert len(reasons) == len(entries)
    for number, entry in enumerate(entries, start=1):
        ident = f"E{number}"
        kind = entry.get("kind", "correction")
        reason = reasons[ident]
        assert " ".join(reason.text.split()) == " ".join((entry.get("reason") or entry.get("what")).split())
        if kind == "layout":
            assert reason.get("target") and reason.get("target")[1:] in ids, ident  # the restored paragraph
            continue
        choice = doc.find(f".//t:choice[@n='{ident}']", NS)
        assert choice is not None, ident
        assert choice.findtext("t:sic", namespaces=NS) == entry["copy"]
        corr = choice.find("t:corr", NS)
        assert "".join(corr.itertext()) == entry.get("reading", ""), ident
        assert corr.get("type") == kind and reason.get("target") == f"#{choice.get(XML_ID)}"
        if "note" in entry:
            assert choice.xpath("ancestor::t:note/@n", namespaces=NS) == [str(entry["note"])], ident


# -- persons -------------------------------------------------------------------------------------------------------
def test_every_person_of_the_register_is_listed_and_every_mention_points_at_one(doc, edition):
    data = yaml.safe_load((ROOT / "data/persons.yml").read_text(encoding="utf-8"))
    persons = {p["key"]: p for p in data["persons"]}
    listed = {p.get(XML_ID) for p in doc.iterfind(".//t:listPerson/t:person", NS)}
    assert listed == set(persons)
    mentions = list(doc.iterfind(".//t:text//t:persName[@ref]", NS))
    counts: Counter = Counter()
    for mention in mentions:
        keys = [ref.removeprefix("#") for ref in mention.get("ref").split()]
        assert all(key in persons for key in keys), mention.get("ref")
        printed = re.sub(r"(’s|'s)$", "", mention.text)
        forms = {f for key in keys for f in [*persons[key]["forms"], *(persons[key].get("variants") or [])]}
        assert printed in forms, (printed, keys)
        counts.update(keys)
    register = edition.apparatus["persons"]
    # every mention the register finds in the copy-text of the numbered pages is marked, and no other
    assert counts == Counter(m.key for m in register.mentions), counts - Counter(m.key for m in register.mentions)


# -- citations -----------------------------------------------------------------------------------------------------
def test_every_citation_points_at_the_bibliography(doc):
    in_text = sum(
        len(re.findall(r"\{\{\s*cite\(", p.read_text(encoding="utf-8"))) for p in (ROOT / "docs").glob("*.md")
    )
    in_notes = sum(
        len(n.get("citations") or [])
        for p in (ROOT / "footnotes").glob("*.yml")
        for n in yaml.safe_load(p.read_text(encoding="utf-8"))["notes"]
    )
    citations = list(doc.iterfind(".//t:text//t:bibl[@type='citation']", NS))
    assert len(citations) == in_text + in_notes
    keys = set(parse_file(str(ROOT / "data/sources.bib")).entries)
    listed = {
        b.get(XML_ID): b.findtext("t:idno[@type='key']", namespaces=NS)
        for b in doc.iterfind(".//t:listBibl/t:bibl", NS)
    }
    assert set(listed.values()) == keys
    for citation in citations:
        assert citation.get("corresp")[1:] in listed, citation.get("corresp")
        assert citation.get("resp") == "#edition"  # it adds no words of the book


# -- the paragraphs and the header ---------------------------------------------------------------------------------
def test_paragraphs_carry_the_sites_numbers(doc):
    from test_citable import paragraph_ids_on_file

    numbered = [e for e in doc.iter() if (e.get(XML_ID) or "").startswith("p") and e.get("n")]
    assert [e.get(XML_ID) for e in numbered] == [pid for pid, _ in paragraph_ids_on_file()]
    assert all(e.get(XML_ID) == "p" + e.get("n") for e in numbered)


def test_the_header_states_the_transcription_the_licences_and_the_version(doc):
    header = doc.find("t:teiHeader", NS)
    copy = _copytext()
    credit = header.findtext(".//t:sourceDesc//t:respStmt/t:resp", namespaces=NS)
    assert credit and credit in copy  # as the copy-text gives it
    licence = yaml.safe_load((ROOT / "data/licence.yml").read_text(encoding="utf-8"))
    assert header.find(".//t:availability/t:licence", NS).get("target") == licence["content"]["url"]
    newest = yaml.safe_load((ROOT / "data/changelog.yml").read_text(encoding="utf-8"))["releases"][0]
    assert header.find(".//t:editionStmt/t:edition", NS).get("n") == str(newest["version"])
    assert header.find(".//t:editorialDecl", NS) is not None


def test_with_a_public_address_the_tei_gives_full_addresses(edition):
    root = etree.fromstring(tei.tei_bytes(edition, base="https://example.org/red-book/"))
    assert root.findtext(".//t:publicationStmt/t:idno[@type='URL']", namespaces=NS) == "https://example.org/red-book/"
    assert (
        root.xpath(".//t:div[@xml:id='chapter-3']", namespaces=NS)[0].get("corresp")
        == "https://example.org/red-book/chapter-3.html"
    )
    bare = etree.fromstring(tei.tei_bytes(edition, base=""))
    assert bare.find(".//t:publicationStmt/t:idno[@type='URL']", NS) is None


def test_a_wrong_licence_file_stops_the_model_with_its_line(project_copy):

    from support import line_of, load_fails_with, replace_once

    path = project_copy / "data/licence.yml"
    replace_once(path, "  url: https://creativecommons.org/licenses/by/4.0/", "  url: creativecommons.org")
    load_fails_with(project_copy, "", f"data/licence.yml:{line_of(path, 'url: creativecommons.org')}")


def test_validates_against_tei_all():
    schema = os.environ.get("REDBOOK_TEI_RNG")
    if not schema or shutil.which("jing") is None:
        pytest.skip("no TEI schema here: set REDBOOK_TEI_RNG to a copy of tei_all.rng and install jing (Debian)")
    import redbook

    out = tei.write_tei(redbook.load(ROOT), Path(os.environ.get("TMPDIR", "/tmp")) / "redbook-tei")
    result = subprocess.run(["jing", schema, str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
