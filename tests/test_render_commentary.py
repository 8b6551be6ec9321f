"""The commentary's and the doubtful attributions' forms on every target, made from the model without a site build:
the marker after its lemma in the notes (web popover, web list, print footnote), the book's forms by the
transformation's dispatch, the CSS files carrying the renderer's rules, and the open data's records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from bs4 import BeautifulSoup

from redbook.book import transform
from redbook.catalogue import FIELDS
from redbook.downloads import open_data
from redbook.render import commentary, notes
from redbook.render.target import Target

ROOT = Path(__file__).resolve().parent.parent


def _article(html: str):
    return BeautifulSoup(f"<article>{html}</article>", "html.parser").article


# -- remarks on a note ------------------------------------------------------------------------------------
def test_a_remark_on_a_note_stands_right_after_its_lemma_in_every_form_of_the_note(edition):
    note = edition.note(26)
    listed = notes.note_text(edition, note, interactive=True)
    assert '1918-1922<span class="comment" data-copytext=""' in listed
    assert 'popovertarget="pop-cm-c13"' in listed
    popover = notes.note_text(edition, note, interactive=False)
    assert '1918-1922<a class="comment-link"' in popover and "popover" not in popover
    assert 'href="commentary.html#c13"' in popover
    printed = notes.print_note(edition, note)
    assert '1918-1922<span class="comment-mark" data-copytext="">c13</span>' in printed
    entry = BeautifulSoup(printed, "html.parser").find(id="cm-c13")
    assert entry["data-apparatus"] == "commentary" and entry["data-copytext"] == ""
    assert entry.get_text().startswith("c13 1918-1922] ")
    assert "href=" not in str(entry)  # the printed book names the works in short, without links


def test_a_lemma_at_the_head_of_a_note_and_a_remark_beside_an_emendation(edition):
    """Note 13 opens with its lemma ("GPU"); note 10's lemma is a misprint the edition keeps (Konstantinova)."""
    assert notes.note_text(edition, edition.note(13), interactive=False).startswith('GPU<a class="comment-link"')
    krupskaya = notes.note_text(edition, edition.note(10), interactive=True)
    assert 'Konstantinova<span class="comment"' in krupskaya
    for number in edition.notes:  # every note still renders, with its emendations where they were
        note = edition.note(number)
        html = notes.note_text(edition, note, interactive=True)
        assert html.count('class="emendation"') == len(edition.emendations_of_note(number)), number
        assert "\ue001" not in html and "\ue001" not in notes.print_note(edition, note)


def test_the_fidelity_proof_reads_past_a_remark_inside_a_note(edition):
    from redbook.copytext import words
    from redbook.fidelity import copytext_words_of_page

    for remark in edition.apparatus["commentary"].remarks.values():
        if remark.place.note is None:
            continue
        note = edition.note(remark.place.note)
        html = notes.note_text(edition, note, interactive=True)
        undone = copytext_words_of_page(f"<article><p>{html}</p></article>")
        assert remark.ident not in undone
        assert undone[:3] == words(note.text.replace("*", ""))[:3], remark.ident


# -- the book's forms, by the transformation's dispatch ---------------------------------------------------
def test_the_web_marker_becomes_a_footnote_in_print_and_a_noteref_in_the_ebook(edition):
    remark = edition.apparatus["commentary"].remarks["c3"]
    web = f"<p>chairman of the Petersburg Soviet{commentary.render(edition, remark)} after</p>"
    printed = _article(web)
    transform.transform_apparatus(edition, printed, transform.PRINT)
    footnote = printed.select_one(".fn--comment")
    assert footnote is not None and footnote["data-call"] == "c3" and footnote["id"] == "cm-c3"
    assert "Petersburg Soviet] " in footnote.get_text() and not printed.select("button, [popover]")
    ebook = _article(web)
    transform.transform_apparatus(edition, ebook, transform.EBOOK)
    (ref,) = ebook.select('a[epub\\:type="noteref"]')
    assert ref["href"] == "commentary.xhtml#c3" and ref.get_text() == "c3"
    assert ebook.get_text() == "chairman of the Petersburg Sovietc3 after"


def test_the_commentary_page_gives_the_ebook_the_notes_its_noterefs_open(edition):
    page = commentary.commentary_page(edition, "Commentary")
    article = _article(page.split("---\n", 2)[2])
    transform.transform_apparatus(edition, article, transform.EBOOK)
    asides = article.select('aside[epub\\:type="footnote"]')
    assert [a["id"] for a in asides] and {a["id"] for a in asides} == set(edition.apparatus["commentary"].remarks)
    kept = _article(page.split("---\n", 2)[2])
    transform.transform_apparatus(edition, kept, transform.PRINT)
    assert not kept.select("aside") and len(kept.select("div.remark")) == len(asides)


# -- doubtful attributions ------------------------------------------------------------------------------------
def test_a_doubtful_attribution_says_so_in_the_popover_the_list_and_the_footnote(edition):
    for number in (18, 35):
        note = edition.note(number)
        call = notes.note_call(edition, note, 1)
        head = BeautifulSoup(call, "html.parser").select_one(".note-pop")
        assert "Attribution doubtful: " + note.doubt[:30] in " ".join(head.get_text().split())
        assert "attribution doubtful" in BeautifulSoup(call, "html.parser").button["aria-label"]
        item = notes._note_item(edition, note, 1)
        assert "Attribution doubtful:" in BeautifulSoup(item, "html.parser").select_one(".note-apparatus").get_text()
        printed = BeautifulSoup(notes.print_note(edition, note), "html.parser")
        assert printed.select_one(".note-doubt")["data-copytext"] == ""
        assert "Editors’ note Attribution doubtful:" in " ".join(printed.get_text().split())
    plain = edition.note(16)
    assert plain.doubt is None and "doubtful" not in notes.note_call(edition, plain, 1)
    assert "doubtful" not in notes.print_note(edition, plain)


# -- CSS and open data --------------------------------------------------------------------------------------
def test_the_stylesheets_carry_the_renderers_rules():
    assert commentary.WEB_CSS in (ROOT / "docs/assets/commentary.css").read_text(encoding="utf-8")
    assert commentary.PRINT_CSS in (ROOT / "redbook/book/print.css").read_text(encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "assets/commentary.css" in config and "assets/identifications.css" in config


def test_commentary_downloads_give_every_remark_with_its_place_and_works(edition):
    downloads = {d.file: d for d in open_data.available(edition)}
    data = json.loads(open_data.content(edition, downloads["commentary.json"]))
    remarks = data["commentary"]
    assert [r["id"] for r in remarks] == list(edition.apparatus["commentary"].remarks)
    c13 = next(r for r in remarks if r["id"] == "c13")
    assert c13["note"] == 26 and c13["url"] == "chapter-5.html#cm-c13" and c13["on"] == "editors"
    assert all(e["reference"].startswith(("“", "‘")) or "." in e["reference"] for e in c13["evidence"])
    rows = list(csv.DictReader(io.StringIO(open_data.content(edition, downloads["commentary.csv"]))))
    assert list(rows[0]) == list(FIELDS["commentary.csv"])
    assert len(rows) == len(remarks) and json.loads(rows[0]["evidence"])[0]["ref"]
    assert render_data(edition, "c13")["lemma"] == "1918-1922"


def render_data(edition, ident: str) -> dict:
    return commentary.render(edition, edition.apparatus["commentary"].remarks[ident], Target.DATA)
