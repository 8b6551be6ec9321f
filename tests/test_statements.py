"""The edition's own statements carry their grounds, enforced when the model loads: a title-page statement
(data/publication.yml), a principle of a hand-written page ({{ ref(...) }}), a bibliographic field the book does
not give (supplied/evidence in data/sources.bib, evidence in data/edition.bib). Breaking one of each kind fails
with the file and the line. Also: the attribution of the notes, the newly registered misprints, and the Chicago
typography of "Cite this"."""

from __future__ import annotations

from redbook.apparatus.sources import page_reference, quoted_title

from support import line_of, load_fails_with, replace_once

PUBLICATION = "data/publication.yml"
PRINCIPLES = "docs/principles.md"
SOURCES = "data/sources.bib"
EDITION = "data/edition.bib"


def _fails(project, display: str, needle: str, pattern: str) -> str:
    return load_fails_with(project, pattern, f"{display}:{line_of(project / display, needle)}")


# -- as it stands --------------------------------------------------------------------------------------------------


def test_the_title_page_statements_rest_on_the_header_or_a_reference(edition):
    statements = edition.apparatus["statements"].statements
    assert list(statements) == [
        "transcription",
        "new-park",
        "russian-edition",
        "french-edition",
        "supplied-titles",
        "later-chapters",
    ]
    french = statements["french-edition"]
    # the header's own spelling, without the accent the edition had added
    assert french.header == "Published in French as Le Livre Rouge sur les proces de Moscou, Paris, 1936"
    assert "*Le Livre Rouge sur les proces de Moscou*" in french.text
    assert [e.ref for e in french.evidence] == ["mia-fr-livre-rouge"]
    assert "procès de Moscou (Paris" not in (edition.root / "docs/index.md").read_text(encoding="utf-8")


def test_the_principles_no_longer_claim_what_the_copytext_does_not_say(edition):
    text = (edition.root / PRINCIPLES).read_text(encoding="utf-8")
    assert "as the provenance of the copy-text states" not in text
    assert "This is an inference, not a statement of the copy-text." in text
    refs = edition.apparatus["statements"].refs
    assert [(r.page, r.key) for r in refs] == [("principles", "etol-red-book")]


def test_bibliographic_fields_the_book_does_not_give_have_evidence(edition):
    grounds = edition.apparatus["statements"].grounds
    assert grounds["sources.bib:trotsky1929"].supplied == ("month",)
    assert {e.ref for e in grounds["sources.bib:trotsky1929"].evidence} == {"iskra-bo-1-2", "trotskyana-bo"}
    assert grounds["sources.bib:krupskaya"].supplied == ("author",)
    assert len(grounds["edition.bib:redbook-edition"].header) == 4
    source = edition.apparatus["sources"].sources["trotsky1929"]
    assert source.fields["month"].lower().startswith("jul")  # the month, not the text's (March 4)
    assert edition.apparatus["sources"].sources["krupskaya"].persons["author"] == [
        ("Krupskaya", "Nadezhda Konstantinovna")
    ]


# -- one broken statement of each kind ---------------------------------------------------------------------------


def test_a_title_page_statement_the_header_does_not_hold(project_copy):
    replace_once(project_copy / PUBLICATION, "Nos.52-53, October 1936.", "Nos. 52–53, October 1936.")
    _fails(project_copy, PUBLICATION, 'Nos. 52–53, October 1936."}', r"are not in the transcription's header")


def test_a_title_page_statement_without_ground(project_copy):
    replace_once(project_copy / PUBLICATION, '    from: {header: "Published by New Park Publications Ltd, 1980"}\n', "")
    _fails(project_copy, PUBLICATION, "id: new-park", r"statement 'new-park' names neither its place")


def test_a_principle_with_an_unknown_reference(project_copy):
    replace_once(
        project_copy / PRINCIPLES,
        '{{ ref("etol-red-book", "contents list") }}',
        '{{ ref("etol-redbook", "contents list") }}',
    )
    _fails(project_copy, PRINCIPLES, "etol-redbook", r"the reference 'etol-redbook' is not in data/references.bib")


def test_a_principle_without_a_locator(project_copy):
    replace_once(project_copy / PRINCIPLES, '{{ ref("etol-red-book", "contents list") }}', '{{ ref("etol-red-book") }}')
    _fails(project_copy, PRINCIPLES, 'ref("etol-red-book")', r"gives no locator")


def test_a_supplied_field_without_evidence(project_copy):
    replace_once(project_copy / SOURCES, "  evidence = {wb-krupskaya (headword)},\n", "")
    _fails(project_copy, SOURCES, "supplied = {author}", r"krupskaya: the fields author are supplied by the edition")


def test_bibliographic_evidence_naming_no_reference(project_copy):
    replace_once(project_copy / SOURCES, "trotskyana-bo (§ Background", "trotskyana (§ Background")
    _fails(project_copy, SOURCES, "trotskyana (§", r"the reference 'trotskyana' is not in data/references.bib")


def test_the_editions_reference_with_a_header_it_misquotes(project_copy):
    replace_once(
        project_copy / EDITION,
        "header: Published in French as Le Livre Rouge sur les proces",
        "header: Published in French as Le Livre Rouge sur les procès",
    )
    _fails(project_copy, EDITION, "evidence = {", r"are not in the transcription's header")


# -- attribution of the notes -------------------------------------------------------------------------------------


def test_doubtful_attributions(edition):
    doubtful = sorted(n.number for n in edition.notes.values() if n.doubt)
    assert doubtful == [18, 35]
    assert all(not n.is_authors for n in edition.notes.values() if n.doubt)
    assert "first person plural" in edition.note(35).doubt


def test_a_doubtful_attribution_needs_its_reason(project_copy):
    path = project_copy / "footnotes/chapter-6.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    why: The copy-text does not sign this note (L.S.)")
    end = text.index("\n", start) + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    _fails(
        project_copy,
        "footnotes/chapter-6.yml",
        "    attribution: doubtful",
        r"note 35: an attribution marked doubtful needs 'why:'",
    )


def test_a_signed_note_cannot_be_doubtful(project_copy):
    path = project_copy / "footnotes/chapter-6.yml"
    replace_once(
        path,
        "  - number: 33\n    by: author\n",
        "  - number: 33\n    by: author\n    attribution: doubtful\n    why: x\n",
    )
    _fails(project_copy, "footnotes/chapter-6.yml", "    attribution: doubtful", r"note 33: only an unsigned note")


# -- the misprints of the last reading -----------------------------------------------------------------------------


def test_the_misprints_registered_in_the_last_reading(edition):
    found = {(e.page, e.copy, e.reading) for e in edition.emendations[33:]}
    assert found == {
        ("chapter-1", "Bolsheviks. Stalin", "Bolsheviks, Stalin"),
        ("chapter-1", "officers. on", "officers, on"),
        ("chapter-2", "Opposition.,", "Opposition,"),
        ("chapter-4", "you. Kamenev", "you, Kamenev"),
        ("chapter-5", "it correctness", "its correctness"),
        ("chapter-5", "Zinoviev of the Smirnov", "Zinoviev or the Smirnov"),
        ("chapter-5", "rather then", "rather than"),
        ("chapter-5", "volume,", "volume."),
        ("chapter-7", "Kuklin,”", "Kuklin.”"),
    }
    assert edition.emendations[0].ident == "E1" and edition.emendations[33].ident == "E34"


# -- Chicago typography ---------------------------------------------------------------------------------------------


def test_quoted_titles_follow_chicago():
    assert quoted_title("Why Did Stalin Need This Trial?", ".") == "“Why Did Stalin Need This Trial?”"
    assert quoted_title("Did a “Unified Center” Exist?", ",") == "“Did a ‘Unified Center’ Exist?”"
    assert quoted_title("The Assassination of Kirov", ",") == "“The Assassination of Kirov,”"


def test_cite_this_page_for_a_question_title(edition):
    forms = page_reference(edition, edition.pages["chapter-1"], "https://example.org/chapter-1.html")
    assert "“Why Did Stalin Need This Trial?” Chapter 1 in" in forms["chicago"]
    assert "Trial?.”" not in forms["chicago"] and "Trial?,”" not in forms["paragraph"]
    seven = page_reference(edition, edition.pages["chapter-7"])
    assert "chap. 7, “Did a ‘Unified Center’ Exist?” §7.1" in seven["paragraph"]
