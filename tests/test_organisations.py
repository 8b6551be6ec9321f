"""The index of organisations (data/organisations.yml): its entries against the copy-text, the alleged groups, the
finder against a hand-checked reading of two chapters (shared with the places), and each kind of bad data failing
with the file, the line and the fix."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

import redbook
from redbook.copytext import COPYTEXT
from redbook.named import ALLEGED_STATEMENT

from support import line_of, load_fails_with, replace_once

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("data") / "organisations.yml"
HAND = sorted((ROOT / "tests" / "data").glob("places-hand-*.yml"))


@pytest.fixture(scope="module")
def orgs(edition):
    return edition.apparatus["organisations"]


@pytest.fixture(scope="module")
def copytext():
    return (ROOT / COPYTEXT).read_text(encoding="utf-8")


# -- the data against the book -------------------------------------------------------------------------------
def test_every_form_is_printed_and_every_mention_is_its_words(edition, orgs, copytext):
    texts = {(s.page, s.note): s.text(copytext) for s in redbook.passages.segments(edition)}
    assert len(orgs.entries) >= 60
    for m in orgs.mentions:
        assert texts[(m.page, m.note)][m.start : m.end].startswith(m.form), m
        assert m.anchor == f"org-{m.key}-{m.ordinal}"
    for entry in orgs.entries.values():
        assert orgs.count(entry.key) >= 1, entry.key


def test_counts_read_from_the_copy_text(orgs, copytext):
    # counted in the copy-text with grep, outside the code under test: "Politburo" 9 times, "Comintern" 7,
    # "Gestapo" 9, "Pravda" 3
    for key, n in {"politburo": 9, "comintern": 7, "gestapo": 9, "pravda": 3}.items():
        assert sum(1 for m in orgs.mentions_of(key) if m.form in {key.capitalize(), key.title()}) == n, key
    # every "GPU" of the copy-text is a mention of the GPU or of its subentry, the Leningrad GPU
    assert orgs.count("gpu") + orgs.count("leningrad-gpu") == copytext.count("GPU")
    assert orgs.count("leningrad-gpu") == copytext.count("Leningrad GPU")


def test_alleged_groups_are_never_described_as_existing(orgs):
    alleged = {k for k, e in orgs.entries.items() if e.alleged}
    assert alleged >= {"leningrad-center", "moscow-center", "unified-center"}
    for key in alleged:
        e = orgs.entry(key)
        assert e.disputed is not None and e.statement == ALLEGED_STATEMENT
        record = next(r for r in orgs.records() if r["key"] == key)
        assert record["statement"] == "named by the prosecution; the book argues that it did not exist"
        assert record["disputed_at"]
    assert orgs.entry("moscow-center").disputed.note == 22


def test_a_place_inside_an_organisations_name_is_the_organisations(edition, orgs):
    places = edition.apparatus["places"]
    for stem in ("chapter-3", "chapter-4"):
        spans = [(m.note, m.start, m.end) for m in orgs.mentions_on(stem)]
        for p in places.mentions_on(stem):
            assert not any(n == p.note and s <= p.start < e for n, s, e in spans), p
    forms = {m.form for m in orgs.mentions_of("leningrad-center")}
    assert forms == {"Leningrad Center"}


def test_persons_inside_a_group_name_are_declared(edition, orgs):
    persons = edition.apparatus["persons"]
    inside = set()
    for m in orgs.mentions:
        for p in persons.mentions_on(m.page):
            if p.note == m.note and p.start < m.end and m.start < p.end:
                assert p.key in orgs.entry(m.key).named_after, (m, p)
                inside.add((m.key, p.key))
    assert ("lominadze-group", "shatskin") in inside and ("wedding-opposition", "landau") in inside


def test_records_and_phrases(orgs):
    records = orgs.records()
    assert len(records) == len(orgs.entries)
    gpu = next(r for r in records if r["key"] == "gpu")
    assert gpu["identification_source"] == "note 13" and gpu["mentions"] == orgs.count("gpu")
    assert all(p.phrase for p in orgs.phrases())


# -- precision and recall against a reading by hand -----------------------------------------------------------
def model_sequence(edition, stem):
    found = [("org", m) for m in edition.apparatus["organisations"].mentions_on(stem)]
    found += [("pl", m) for m in edition.apparatus["places"].mentions_on(stem)]
    found.sort(key=lambda im: (im[1].note is not None, im[1].note or 0, im[1].start))
    return [(i, m.key, m.form) for i, m in found]


def test_precision_and_recall_on_hand_checked_chapters(edition, capsys):
    assert len(HAND) >= 2
    totals = {"org": [0, 0, 0], "pl": [0, 0, 0]}  # hand, found, agree
    for path in HAND:
        for stem, rows in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            expected, found = [tuple(r) for r in rows], model_sequence(edition, stem)
            for index in totals:
                a = [r for r in expected if r[0] == index]
                b = [r for r in found if r[0] == index]
                matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
                right = sum(block.size for block in matcher.get_matching_blocks())
                t = totals[index]
                t[0], t[1], t[2] = t[0] + len(a), t[1] + len(b), t[2] + right
    for index, (hand, found, right) in totals.items():
        precision, recall = right / found, right / hand
        with capsys.disabled():
            print(f"\n{index} finder: precision {precision:.3f}, recall {recall:.3f} over {hand} hand-checked mentions")
        assert precision >= 0.95 and recall >= 0.95, index


# -- bad data fails with the file, the line and the fix ----------------------------------------------------------
def test_a_form_the_text_never_prints(project_copy):
    data = project_copy / DATA
    replace_once(data, "forms: [Gestapo]", "forms: [Gestapo, Gestappo]")
    load_fails_with(
        project_copy, rf"{DATA.as_posix()}:{line_of(data, 'Gestappo')}: gestapo: the form 'Gestappo' never occurs"
    )


def test_an_unknown_kind(project_copy):
    data = project_copy / DATA
    replace_once(data, "    kind: police\n    forms: [Gestapo]", "    kind: secret-police\n    forms: [Gestapo]")
    load_fails_with(
        project_copy, rf"{DATA.as_posix()}:{line_of(data, 'secret-police')}: gestapo: unknown kind 'secret-police'"
    )


def test_a_missing_reference(project_copy):
    data = project_copy / DATA
    replace_once(data, '    evidence: {ref: simplewp-gestapo, at: "lead section"}\n', "")
    load_fails_with(project_copy, r"gestapo: the identification has no reference")


def test_an_unknown_reference_key(project_copy):
    data = project_copy / DATA
    replace_once(data, "ref: simplewp-gestapo", "ref: wp-gestapo-nowhere")
    load_fails_with(
        project_copy, rf"{DATA.as_posix()}:\d+: gestapo: evidence: the reference 'wp-gestapo-nowhere' is not in"
    )


def test_a_form_claimed_by_two_entries(project_copy):
    data = project_copy / DATA
    replace_once(data, "forms: [Gestapo]", "forms: [Gestapo, Cheka]")
    load_fails_with(
        project_copy, r"the form 'Cheka' is given for cheka .* and gestapo: a mention claimed by two entries"
    )


def test_a_persons_form_claimed_by_an_organisation(project_copy):
    data = project_copy / DATA
    replace_once(data, "forms: [Gestapo]", "forms: [Gestapo, Yagoda]")
    load_fails_with(project_copy, r"gestapo: the form 'Yagoda' is also the form of the person 'yagoda'")


def test_a_person_inside_a_group_name_undeclared(project_copy):
    data = project_copy / DATA
    replace_once(data, "    named_after: [lominadze, shatskin]\n", "")
    load_fails_with(
        project_copy, r"source/red-book-part1.etol.txt:\d+: the organisation form 'Lominadze group' of lominadze-group"
    )


def test_an_unknown_person_key_in_named_after(project_copy):
    data = project_copy / DATA
    replace_once(data, "named_after: [lominadze, shatskin]", "named_after: [lominadze, shatskine]")
    load_fails_with(
        project_copy, r"lominadze-group: named_after names 'shatskine', which is not a key of data/persons.yml"
    )


def test_an_alleged_group_without_the_place_where_the_book_disputes_it(project_copy):
    data = project_copy / DATA
    replace_once(data, '    disputed: {page: chapter-3, near: "This center, whose existence was"}\n', "")
    load_fails_with(project_copy, r"leningrad-center: an alleged group needs the place where the book argues")


def test_an_unknown_field(project_copy):
    data = project_copy / DATA
    replace_once(data, "    kind: police\n    forms: [Gestapo]", "    kind: police\n    froms: [Gestapo]")
    load_fails_with(project_copy, r"unknown field 'froms' in the organisation 'gestapo'")
