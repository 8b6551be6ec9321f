"""The edition's identifications of the persons (data/identifications.yml): every person has an entry, each
statement names its reference, the book's statements and the references' are shown side by side, and every
kind of mistake in the file stops the model with the file, the line and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import line_of, load_fails_with, replace_once

IDS = Path("data") / "identifications.yml"
PERSONS = Path("data") / "persons.yml"


def _fails_with(project: Path, pattern: str, line: int | None = None) -> str:
    return load_fails_with(project, pattern, f"{IDS.as_posix()}:{line}" if line is not None else None)


# -- the data as it stands ------------------------------------------------------------------------------
def test_every_person_of_the_register_has_an_entry(edition):
    ids = edition.apparatus["identifications"]
    register = edition.apparatus["persons"]
    assert set(ids.entries) == set(register.persons)
    assert len(ids.identified()) + len(ids.unidentified()) == len(register.persons)


def test_smirnov_born_1881_against_the_books_1880(edition):
    """Hand-checked: the book (chapter 5) prints "Smirnov, I.N. (born in 1880)"; English Wikipedia's
    infobox gives the birth date January 1881."""
    smirnov = edition.apparatus["identifications"].of("smirnov")
    assert smirnov.name == "Smirnov, Ivan Nikitich"
    assert smirnov.born == "1881-01" and smirnov.died == "1936-08-25"
    (born,) = [d for d in smirnov.disagrees if d.field == "born"]
    assert born.book == "1880" == edition.apparatus["persons"].person("smirnov").born
    assert born.references == "1881-01"
    assert born.evidence[0].ref == "wp-smirnov-in"


def test_the_sixteen_defendants_are_named_by_the_trial_report(edition):
    """Hand-checked against the list of the accused of the Report of Court Proceedings (1936)."""
    ids = edition.apparatus["identifications"]
    register = edition.apparatus["persons"]
    sixteen = [p.key for p, _ in register.members("defendants-1936")]
    assert len(sixteen) == 16
    for key in sixteen:
        entry = ids.of(key)
        assert entry.identified, key
        assert "report-1936" in {e.ref for e in entry.evidence}, key
    assert ids.of("mrachkovsky").born == "1888-06-27 N.S."  # 15 June 1888 O.S., the remark says
    assert [d.book for d in ids.of("mrachkovsky").disagrees] == ["1883"]
    assert "Bakayev" in ids.of("bakaev").spellings and "Ter-Vaganyan" in ids.of("ter-vaganian").spellings


RECORD_1936 = {"report-1936", "report-1936-mlorg", "prozessbericht-1936-de"}  # the record's editions read


def test_every_defendant_of_august_1936_has_a_sentence_from_the_record_and_a_date_of_death(edition):
    """Issue 26: the sentence and the execution of each of the sixteen; the day of the verdict from the record."""
    ids = edition.apparatus["identifications"]
    for person, _ in edition.apparatus["persons"].members("defendants-1936"):
        entry = ids.of(person.key)
        assert (entry.sentenced, entry.died, entry.death) == ("1936-08-24", "1936-08-25", "executed"), person.key
        for_sentence = {e.ref for e in entry.evidence if "sentenced" in e.for_}
        assert for_sentence & RECORD_1936, f"{person.key}: the record is not cited for the sentence"
        assert len({e.ref for e in entry.evidence if "died" in e.for_}) >= 2, person.key


def test_the_register_heads_bravo_and_krupskaya_correctly(edition):
    """The draft indictment prints БРАВО Б.Л.; the references give Krupskaya's patronymic as Konstantinovna.
    The book's own forms stay as printed."""
    register = edition.apparatus["persons"]
    bravo = register.person("brave")
    assert bravo.name == "Bravo, B.L." and "Brave, B.L." in bravo.forms
    krupskaya = register.person("krupskaya")
    assert krupskaya.name == "Krupskaya, Nadezhda Konstantinovna"
    assert "Nadezhda Konstantinova Krupskaya" in krupskaya.forms
    ids = edition.apparatus["identifications"]
    assert [(d.field, d.book) for d in ids.of("brave").disagrees] == [("name", "Brave, B.L.")]
    assert [(d.field, d.book) for d in ids.of("krupskaya").disagrees] == [("name", "Nadezhda Konstantinova Krupskaya")]


def test_initials_that_the_draft_indictment_gives_otherwise(edition):
    """Hand-checked: chapter 4 prints Gertik, A.N.; Tsarkov, A.N.; Fedorov, G.V.; Bashkirov, A.S.; the draft
    indictment prints ГЕРТИК А.М., ЦАРЬКОВА Н.А., ФЕДОРОВА Г.Ф., БАШКИРОВА А.Ф. Chapter 6 prints Smilga, I.I.;
    the English Wikipedia article (wp-smilga, lead) gives Ivar Tenisovich Smilga."""
    ids = edition.apparatus["identifications"]
    found = {(i.key, d.book, d.references) for i, d in ids.disagreements() if d.field == "initials"}
    assert found == {
        ("gertik", "A.N.", "A.M."),
        ("tsarkov", "A.N.", "N.A."),
        ("fedorov", "G.V.", "G.F."),
        ("bashkirov", "A.S.", "A.F."),
        ("smilga", "I.I.", "I.T."),
    }


def test_records_are_plain_data(edition):
    records = edition.apparatus["identifications"].records()
    assert len(records) == len(edition.apparatus["persons"].persons)
    smirnov = next(r for r in records if r["key"] == "smirnov")
    assert smirnov["status"] == "identified"
    assert smirnov["disagreements"][0]["book"] == "1880"
    assert smirnov["evidence"][0] == {
        "ref": "wp-smirnov-in",
        "at": "infobox; lead; § Political life",
        "for": ["born", "died"],
    }
    assert smirnov["sentenced"] == "1936-08-24" and smirnov["death"] == "executed"
    assert smirnov["offices"][1]["held"] == "People's Commissar" and smirnov["offices"][1]["to"] == "1927"
    assert {r["status"] for r in records} <= {"identified", "not identified", "not searched"}


def test_spellings_for_the_search_index(edition):
    spellings = dict(edition.apparatus["identifications"].spellings())
    assert spellings["Pyatakov"] == "piatakov" and spellings["Yevdokimov"] == "evdokimov"


# -- every kind of mistake stops the model with file, line and fix --------------------------------------
def test_an_unknown_key_names_the_closest_person(project_copy):
    path = project_copy / IDS
    replace_once(path, "\nsmirnov:\n", "\nsmirnow:\n")
    line = line_of(path, "smirnow:")
    _fails_with(project_copy, r"'smirnow' is not a person of data/persons\.yml \(did you mean 'smirnov'\?\)", line)


def test_a_person_without_an_entry(project_copy):
    path = project_copy / IDS
    text = path.read_text(encoding="utf-8")
    start = text.index("\nshtykgold:\n") + 1
    end = text.index("\n", start)
    while text.startswith("  ", end + 1):  # the entry's indented lines
        end = text.index("\n", end + 1)
    path.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    _fails_with(project_copy, r"the person 'shtykgold' \(Shtykgold\) has no entry")


def test_an_unknown_field_is_named_on_its_line(project_copy):
    path = project_copy / IDS
    replace_once(path, '  born: "1881-01"\n', '  birth: "1881-01"\n')
    line = line_of(path, '  birth: "1881-01"')
    _fails_with(
        project_copy,
        r"unknown field 'birth' in the entry of 'smirnov'\n.*the fields of the entry of 'smirnov' are: about, born",
        line,
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('  born: "1881-01"\n', '  born: "Jan. 1881"\n', r"smirnov: born 'Jan\. 1881' is not a date"),
        ('  born: "1881-01"\n', '  born: "1881-13"\n', r"smirnov: born '1881-13' is not a date"),
        ('  born: "1881-01"\n', "  born: 1881-01-15\n", r"smirnov: born .* is not a date written YYYY"),
    ],
)
def test_a_malformed_date(project_copy, old, new, message):
    path = project_copy / IDS
    replace_once(path, old, new)
    line = line_of(path, new.strip())
    _fails_with(project_copy, message, line)


def test_died_before_born(project_copy):
    path = project_copy / IDS
    replace_once(path, '  died: "1934-12-29"\n', '  died: "1903"\n')
    _fails_with(project_copy, r"nikolaev: died 1903 before being born 1904", line_of(path, '  died: "1903"'))


def test_an_unknown_reference(project_copy):
    path = project_copy / IDS
    replace_once(path, "{ref: wp-nikolaev, at:", "{ref: wp-nikolayev, at:")
    _fails_with(
        project_copy,
        r"the reference 'wp-nikolayev' is not in data/references\.bib \(did you mean 'wp-nikolaev'\?\)",
    )


def test_evidence_without_a_locator(project_copy):
    path = project_copy / IDS
    replace_once(path, "    - {ref: columbia-bukharin, at: entry}\n", "    - {ref: columbia-bukharin}\n")
    _fails_with(project_copy, r"the evidence of bukharin lacks the field 'at'")


def test_an_identification_without_evidence(project_copy):
    path = project_copy / IDS
    replace_once(path, "  evidence:\n    - {ref: columbia-bukharin, at: entry}\n", "")
    line = line_of(path, "bukharin:") + 1  # the entry's first line
    _fails_with(project_copy, r"the entry of 'bukharin' lacks the field 'evidence'", line)


def test_the_books_statement_must_be_what_the_register_says(project_copy):
    """If data/persons.yml and the disagreement quote the book differently, one of them is wrong."""
    path = project_copy / IDS
    replace_once(path, '      book: "1880"\n', '      book: "1879"\n')
    line = line_of(path, '      book: "1879"')
    _fails_with(project_copy, r"smirnov: the book's born is given as '1879', but data/persons\.yml says '1880'", line)


def test_the_register_cannot_drift_from_a_disagreement(project_copy):
    """Changing the register's date alone (to the references' year) is caught by the disagreement."""
    replace_once(project_copy / PERSONS, '    born: "1880"\n', '    born: "1881"\n')
    _fails_with(project_copy, r"smirnov: the book's born is given as '1880', but data/persons\.yml says '1881'")


def test_initials_must_be_printed_in_a_form(project_copy):
    path = project_copy / IDS
    replace_once(path, "      book: A.S.\n", "      book: A.B.\n")
    _fails_with(project_copy, r"bashkirov: the book's initials is given as 'A\.B\.', but data/persons\.yml says")


def test_a_disagreement_about_an_unknown_field(project_copy):
    path = project_copy / IDS
    replace_once(path, "    - field: initials\n      book: A.S.\n", "    - field: patronymic\n      book: A.S.\n")
    _fails_with(project_copy, r"bashkirov: a disagreement about 'patronymic'", line_of(path, "field: patronymic"))


def test_a_spelling_the_book_prints(project_copy):
    path = project_copy / IDS
    replace_once(path, "  spellings: [Pyatakov]\n", "  spellings: [Pyatakov, Piatokov]\n")
    _fails_with(
        project_copy, r"piatakov: the spelling 'Piatokov' is a form the book prints", line_of(path, "Piatokov]")
    )


def test_not_identified_says_where_it_was_searched(project_copy):
    path = project_copy / IDS
    replace_once(
        path,
        "\nshtykgold:\n  status: not identified\n  searched: [English Wikipedia, showtrials.ru documents, memorial lists (pages search)]\n",
        "\nshtykgold:\n  status: not identified\n",
    )
    _fails_with(
        project_copy,
        r"shtykgold: 'not identified' without saying where it was searched",
        line_of(path, "shtykgold:") + 1,
    )


def test_an_unknown_status(project_copy):
    path = project_copy / IDS
    replace_once(path, "\nshtykgold:\n  status: not identified\n", "\nshtykgold:\n  status: unknown\n")
    _fails_with(project_copy, r"shtykgold: unknown status 'unknown'", line_of(path, "shtykgold:") + 1)
