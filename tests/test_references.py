"""The edition's references (data/references.bib): each can be found again, and evidence that names them is
checked where a data file gives it."""

from __future__ import annotations

import pytest

import redbook
from redbook.apparatus.references import load as load_references
from redbook.errors import Collector
from redbook.yamlsrc import parse_yaml

from support import line_of

REFS = "data/references.bib"


def test_every_reference_can_be_found_again(edition):
    refs = edition.apparatus["references"].entries
    assert refs, "data/references.bib holds no reference"
    for ref in refs.values():
        assert ref.fields["url"].startswith(("https://", "http://")), ref.key  # the address as it was read
        assert ref.fields["urldate"] <= "2026-12-31", ref.key
        assert ref.creator, ref.key


def test_chicago_entry_of_a_site_without_author(edition):
    ref = edition.apparatus["references"].entries["wp-smirnov-in"]
    text = ref.chicago()
    assert text.startswith("“Ivan Smirnov (politician).” Wikipedia, The Free Encyclopedia,")
    assert "Accessed December 7, 2026." in text


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  urldate      = {2026-12-07},\n", "", "lacks the field 'urldate'"),
        ("{2026-12-07}", "{7 December 2026}", "is not a day"),
        ("  organization = {Wikipedia, The Free Encyclopedia},\n", "", "names no author"),
        ("@online{wp-smirnov-in,", "@online{WP Smirnov,", "not a plain key|malformed"),
    ],
)
def test_a_broken_reference_fails_with_its_line(project_copy, old, new, message):
    path = project_copy / REFS
    line = line_of(path, "@online{wp-smirnov-in")
    text = path.read_text(encoding="utf-8")
    start = text.index("@online{wp-smirnov-in,")
    end = text.index("\n}", start) + 2
    entry = text[start:end]
    assert entry.count(old) == 1, entry
    path.write_text(text[:start] + entry.replace(old, new) + text[end:], encoding="utf-8")
    with pytest.raises(redbook.EditionError) as err:
        redbook.load(project_copy)
    text = str(err.value)
    assert f"{REFS}:" in text and "fix:" in text
    import re

    assert re.search(message, text), text
    if "lacks" in message or "no author" in message:
        assert f"{REFS}:{line}:" in text


def test_evidence_is_checked_against_the_references(edition):
    refs = edition.apparatus["references"]
    problems = Collector()
    raw = parse_yaml(
        "a: {ref: wp-smirnov-in, at: infobox}\n"
        "b: {ref: wp-smirnow-in, at: infobox}\n"
        "c: {ref: wp-smirnov-in}\n"
        "d: {ref: wp-smirnov-in, at: x, page: 3}\n",
        problems,
        "data/x.yml",
    )
    assert refs.check(raw["a"], "data/x.yml", 1, problems, "a")[0].at == "infobox"
    assert not problems.problems
    assert refs.check(raw["b"], "data/x.yml", 2, problems, "b") == ()
    assert "did you mean 'wp-smirnov-in'" in str(problems.problems[-1])
    assert problems.problems[-1].line == 2
    assert refs.check(raw["c"], "data/x.yml", 3, problems, "c") == ()
    assert "lacks the field 'at'" in str(problems.problems[-1])
    refs.check(raw["d"], "data/x.yml", 4, problems, "d")
    assert "unknown field 'page'" in str(problems.problems[-1]) and problems.problems[-1].line == 4


def test_a_missing_references_file_is_named(tmp_path):
    class Stub:
        root = tmp_path

    problems = Collector()
    load_references(Stub(), problems)
    assert "data/references.bib" in str(problems.problems[0])
