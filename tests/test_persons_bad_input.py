"""A mistake in the register of persons or in the author's counts stops the build: file, line, what, and the fix."""

from __future__ import annotations

import re
from pathlib import Path

from support import line_of as _line_of
from support import load_fails_with, mkdocs_build
from support import replace_once as _replace

PERSONS = Path("data") / "persons.yml"
SUMS = Path("data") / "sums.yml"


def test_a_form_shared_by_two_persons_without_a_rule(project_copy):
    data = project_copy / PERSONS
    _replace(
        data,
        "  - form: Olberg\n    default: olberg-v\n    contexts:\n      - words: and Olberg to his brother\n"
        "        person: olberg-p\n",
        "",
    )
    line = _line_of(data, "forms: [P. Olberg")
    load_fails_with(
        project_copy,
        rf"data/persons\.yml:{line}: the form 'Olberg' is given for olberg-v \(line \d+\) "
        rf"and olberg-p \(line {line}\), and no rule says which",
    )


def test_an_occurrence_that_no_rule_resolves(project_copy):
    data = project_copy / PERSONS
    _replace(
        data,
        "      - words: Here is what Bauer writes\n        person: bauer-e\n",
        "      - words: Here is what Bauer writes about\n        person: bauer-e\n",
    )
    message = load_fails_with(
        project_copy,
        r"source/red-book-part1\.etol\.txt:\d+: the form 'Bauer' may name "
        r"bauer-e or bauer-o, and no rule",
    )
    assert "matches nothing in the text" in message  # the context that never matches is reported too


def test_a_membership_of_an_unknown_group(project_copy):
    data = project_copy / PERSONS
    _replace(data, "      others-41: {number: 2}\n", "      others-42: {number: 2}\n")
    line = _line_of(data, "others-42")
    load_fails_with(project_copy, rf"data/persons\.yml:{line - 1}: arkus: unknown group 'others-42'")


def test_a_sum_that_names_an_unknown_person(project_copy):
    data = project_copy / SUMS
    _replace(data, "    - persons: [trotsky, sedov]\n", "    - persons: [trotsky, sedow]\n")
    load_fails_with(project_copy, r"data/sums\.yml:\d+: list-142: unknown persons sedow")


def test_an_entry_the_text_never_names(project_copy):
    data = project_copy / PERSONS
    _replace(
        data,
        "  - key: manilov\n",
        "  - key: chichikov\n    name: Chichikov\n    forms: [Chichikov]\n"
        "    about: A character.\n    from: {note: 12}\n  - key: manilov\n",
    )
    line = _line_of(data, "key: chichikov")
    message = load_fails_with(
        project_copy,
        rf"data/persons\.yml:{line}: chichikov: the text and the notes never "
        "name this person",
    )
    assert f"data/persons.yml:{line + 2}: chichikov: the form 'Chichikov' never occurs" in message


def test_a_malformed_entry(project_copy):
    data = project_copy / PERSONS
    _replace(
        data,
        "    about: Old party member, a leading finance worker.\n",
        "    abuot: Old party member, a leading finance worker.\n",
    )
    line = _line_of(data, "abuot:")
    message = load_fails_with(project_copy, rf"data/persons\.yml:{line}: unknown field 'abuot' in the entry 'arkus'")
    assert re.search(r"the entry 'arkus' has no about:", message)


def test_a_duplicate_key(project_copy):
    data = project_copy / PERSONS
    _replace(data, "  - key: arkus\n", "  - key: bogdan\n")
    load_fails_with(project_copy, r"data/persons\.yml:\d+: the key 'bogdan' is used twice \(also line \d+\)")


def test_words_of_a_place_that_are_not_in_the_text(project_copy):
    data = project_copy / PERSONS
    _replace(data, 'near: "Arkus, old party member"}', 'near: "Arkus, an old party member"}')
    line = _line_of(data, "Arkus, an old party member")
    load_fails_with(
        project_copy,
        rf"data/persons\.yml:{line}: arkus: from: the words 'Arkus, an old party member' "
        r"are not in the text of docs/chapter-6\.md",
    )


def test_a_sum_that_no_longer_checks_and_says_nothing(project_copy):
    data = project_copy / SUMS
    _replace(
        data,
        "  observation: Chapter 3 gives the White Guards executed in December 1934 as “104 people in all”; "
        "here the book counts 102.\n",
        "",
    )
    load_fails_with(
        project_copy,
        r"data/sums\.yml:\d+: white-guards-102: the book says 102, the register gives "
        r"104 = 104",
    )


def test_a_list_that_does_not_add_up_stops_the_build(project_copy):
    """The whole build, not only the model: the book's 41 against a register that lists 40."""
    data = project_copy / PERSONS
    _replace(data, "      others-41: {number: 41}\n", "")
    line = _line_of(data, "  others-41:")
    result = mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(
        rf"data/persons\.yml:{line}: the book counts 41 in 'The forty-one others “of whom nothing is "
        rf"said”' \(chapter-6: “There are other people of whom nothing is said”\), the register has 40",
        output,
    ), output
    assert "fix:" in output
    assert not (project_copy / "site" / "persons.html").exists()


def test_an_unknown_field_of_a_group(project_copy):
    data = project_copy / PERSONS
    _replace(
        data, "    title: The sixteen defendants of August 1936\n", "    titel: The sixteen defendants of August 1936\n"
    )
    line = _line_of(data, "titel:")
    message = load_fails_with(
        project_copy, rf"data/persons\.yml:{line}: unknown field 'titel' in the group 'defendants-1936'"
    )
    assert "did you mean 'title'?" in message
