"""The edition's commentary (data/commentary.yml): remarks load with their places and evidence, each kind of
bad data stops the model with the file, the line and the fix, and every target renders a remark."""

from __future__ import annotations

from redbook.render.commentary import commentary_page, render
from redbook.render.target import Target

from support import line_of, load_fails_with, replace_once

DATA = "data/commentary.yml"


def _fails(project, pattern: str, line_needle: str | None = None) -> str:
    """Loading the project copy fails; the message names data/commentary.yml (at the line of `line_needle`)."""
    at = f"{DATA}:{line_of(project / DATA, line_needle)}" if line_needle is not None else DATA
    return load_fails_with(project, pattern, at)


# -- the data as it stands -------------------------------------------------------------------------------------


def test_the_remarks_load_with_their_places(edition):
    remarks = edition.apparatus["commentary"].remarks
    assert len(remarks) == 16
    # hand-checked against data/commentary.yml: six on wrong statements, seven giving context, three on names
    kinds = {k: sorted(int(r.ident[1:]) for r in remarks.values() if r.kind == k) for k in ("error", "context", "name")}
    assert kinds == {"error": [8, 9, 10, 13, 14, 15], "context": [1, 2, 4, 6, 7, 11, 16], "name": [3, 5, 12]}
    cheka = remarks["c13"]
    assert (cheka.place.note, cheka.lemma, cheka.whose, cheka.page) == (26, "1918-1922", "editors", "chapter-5")
    assert remarks["c1"].whose == "text" and remarks["c1"].page == "chapter-1"
    assert {e.ref for e in remarks["c2"].evidence} == {"iskra-bo-1-2", "trotskyana-bo"}


def test_every_lemma_stands_in_the_copytext(edition):
    for remark in edition.apparatus["commentary"].remarks.values():
        assert remark.lemma in edition.copytext, remark.ident


def test_remarks_on_the_text_link_to_their_paragraphs(edition):
    data = edition.apparatus["commentary"]
    phrases = data.phrases()
    assert sorted(p.key for p in phrases) == sorted(f"commentary:c{i}" for i in (1, 2, 3, 4, 5, 6))
    assert [r.ident for r in data.on_note(9)] == ["c9", "c10"]
    assert [r.ident for r in data.on_page("chapter-5")] == ["c3", "c4", "c5", "c6"]


def test_records_carry_the_evidence(edition):
    records = {r["id"]: r for r in edition.apparatus["commentary"].records()}
    assert records["c14"]["note"] == 29
    assert records["c14"]["evidence"] == [{"ref": "wp-sapd", "at": "§ History, 1931–1933"}]
    assert records["c1"]["note"] is None and records["c1"]["on"] == "text"


# -- bad data ----------------------------------------------------------------------------------------------------


def test_a_lemma_that_is_not_at_its_place(project_copy):
    replace_once(project_copy / DATA, 'lemma: "in May 1920"', 'lemma: "in June 1920"')
    _fails(project_copy, r"c8: the lemma 'in June 1920' is not in", 'lemma: "in June 1920"')


def test_a_place_that_is_not_in_the_page(project_copy):
    replace_once(
        project_copy / DATA,
        'near: "chairman of the Petersburg Soviet after the October Revolution"',
        'near: "chairman of the Leningrad Soviet after the October Revolution"',
    )
    _fails(project_copy, r"the place of remark c3: the words .* are not in the text of docs/chapter-5.md")


def test_an_unknown_reference(project_copy):
    replace_once(project_copy / DATA, "{ref: wp-sapd,", "{ref: wp-sapdd,")
    _fails(project_copy, r"remark c14: the reference 'wp-sapdd' is not in data/references.bib", "wp-sapdd")


def test_a_remark_without_evidence(project_copy):
    replace_once(project_copy / DATA, '    evidence: {ref: wb-krupskaya, at: "headword"}\n', "")
    _fails(project_copy, r"a remark lacks the field 'evidence'", "id: c15")


def test_evidence_without_a_locator(project_copy):
    replace_once(project_copy / DATA, '{ref: wb-krupskaya, at: "headword"}', "{ref: wb-krupskaya}")
    _fails(project_copy, r"lacks the field 'at'")


def test_an_unknown_kind_and_an_unknown_field(project_copy):
    path = project_copy / DATA
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - id: c9\n", "  - id: c9\n    rmark: x\n", 1)
    path.write_text(text, encoding="utf-8")
    replace_once(
        path,
        "    kind: error\n    remark: >-\n      He was named",
        "    kind: mistake\n    remark: >-\n      He was named",
    )
    message = _fails(project_copy, r"unknown field 'rmark' in a remark", "rmark: x")
    assert "remark c10: kind must be one of error, context, name, not 'mistake'" in message
    assert f"{DATA}:{line_of(path, 'kind: mistake')}:" in message


def test_a_repeated_id(project_copy):
    replace_once(project_copy / DATA, "  - id: c15\n", "  - id: c14\n")
    _fails(project_copy, r"the remark id 'c14' is used twice")


# -- the renderers -------------------------------------------------------------------------------------------------


def test_the_web_marker_declares_itself_and_stays_out_of_the_copytext(edition):
    remark = edition.apparatus["commentary"].remarks["c1"]
    html = render(edition, remark, Target.WEB)
    assert 'data-apparatus="commentary" data-remark="c1"' in html
    assert html.startswith('<span class="comment" data-copytext=""')
    assert 'popovertarget="pop-cm-c1"' in html and 'popover role="note"' in html
    assert 'href="references.html#ref-prlib-constitution-1936"' in html
    plain = render(edition, remark, Target.WEB, interactive=False)
    assert "popover" not in plain and 'href="commentary.html#c1"' in plain


def test_the_print_and_ebook_forms(edition):
    remark = edition.apparatus["commentary"].remarks["c13"]
    printed = render(edition, remark, Target.PRINT)
    assert 'class="fn fn--comment"' in printed and 'data-call="c13"' in printed and 'id="cm-c13"' in printed
    assert "href=" not in printed  # the printed footnote names its works without links
    ebook = render(edition, remark, Target.EBOOK)
    assert 'epub:type="noteref"' in ebook and 'href="commentary.xhtml#c13"' in ebook
    assert render(edition, remark, Target.DATA)["lemma"] == "1918-1922"


def test_the_commentary_page_links_each_remark_to_its_place(edition):
    page = commentary_page(edition, "Commentary")
    for ident in (f"c{i}" for i in range(1, 16)):
        assert f'id="{ident}"' in page
    assert '<a class="place" href="chapter-5.html" data-place="commentary:c3">' in page
    assert '<a class="remark-note" href="chapter-5.html#note-26">note 26</a>' in page
    # in the order of the book: chapter 1's text, then its notes, then chapter 2
    assert page.index('id="c1"') < page.index('id="c7"') < page.index('id="c2"')
