"""The second reading of issue 26 (scripts/second_pass.ROUNDS): random samples of the edition's own statements,
each checked by a reader who did not write the entry against a work the entry does not cite.

Each round's sample is the one scripts/second_pass.py draws with the round's seed from its population as it was
drawn (a round's population file); every statement of it still stands in the data with the value checked, or
with the value it was corrected to; every error is corrected; every work read is a reference of the edition
that the entry itself does not cite, nor a copy of one, nor of a cited work's publisher; a later round reads
none of the statements an earlier round read.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from scripts import second_pass

ROOT = Path(__file__).resolve().parent.parent
VERDICTS = ("agrees", "error", "sources disagree", "not verifiable")


@pytest.fixture(scope="module", params=sorted(second_pass.ROUNDS), ids=lambda n: f"round{n}")
def round_(request) -> int:
    return request.param


@pytest.fixture(scope="module")
def report(round_) -> dict:
    return yaml.safe_load((ROOT / second_pass.ROUNDS[round_][3]).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def population(round_) -> list[dict]:
    rows = [
        line.split("\t") for line in (ROOT / second_pass.ROUNDS[round_][2]).read_text(encoding="utf-8").splitlines()
    ]
    return [dict(zip(("file", "key", "field", "value"), row)) for row in rows]


def _statement(item: dict) -> tuple:
    return (item["file"], item["key"], item["field"], item["value"])


def test_the_sample_is_the_one_the_seed_draws_from_the_population(round_, report, population):
    seed, size = second_pass.ROUNDS[round_][:2]
    assert report["seed"] == seed and size >= 100
    assert report["population"] == len(population)
    drawn = second_pass.sample(population, seed, size)
    assert [_statement(i) for i in report["checked"]] == [_statement(s) for s in drawn]
    assert len(report["checked"]) == size


def test_no_statement_is_read_in_two_rounds():
    seen: dict[tuple, int] = {}
    for number, (*_, path) in sorted(second_pass.ROUNDS.items()):
        for item in yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))["checked"]:
            statement = (item["file"], item["key"], item["field"], item["value"])
            assert statement not in seen, f"{statement} read in round {seen.get(statement)} and round {number}"
            seen[statement] = number


def test_a_later_round_draws_from_the_statements_not_yet_read():
    read: set[tuple] = set()
    for number, (_, _, population, report) in sorted(second_pass.ROUNDS.items()):
        rows = [line.split("\t") for line in (ROOT / population).read_text(encoding="utf-8").splitlines()]
        assert rows and not {tuple(r[:3]) for r in rows} & read, f"round {number} draws a statement already read"
        checked = yaml.safe_load((ROOT / report).read_text(encoding="utf-8"))["checked"]
        read |= {(i["file"], i["key"], i["field"]) for i in checked if i["field"] != "renamed"}


def test_the_population_file_is_what_the_script_lists(population):
    """The statements are listed by the script, not by hand: each row of the file is one the script can make."""
    assert population == sorted(population, key=lambda s: (s["file"], s["key"], s["field"], s["value"]))
    assert {s["file"] for s in population} == {"data/identifications.yml", "data/organisations.yml"}
    assert set(Counter(s["field"].split(" ")[0] for s in population)) <= {
        *second_pass.PERSON_FIELDS,
        "office",
        "founded",
        "dissolved",
        "renamed",
    }


def test_every_statement_has_a_verdict_and_every_verdict_its_ground(report):
    for n, item in enumerate(report["checked"], start=1):
        where = f"item {n} ({item['key']} {item['field']})"
        assert item.get("verdict") in VERDICTS, where
        assert item.get("remark") or item["verdict"] == "agrees", where
        if item["verdict"] in ("error", "sources disagree"):
            assert item.get("resolution"), f"{where}: say what was done"
        if item["verdict"] == "not verifiable":
            assert len(item.get("remark") or "") >= 40, f"{where}: say what was searched"
        else:
            assert item.get("source") and item.get("at"), where


def test_the_works_read_are_independent_of_the_entry_s_own(report, edition):
    refs = edition.apparatus["references"]
    ids, orgs = edition.apparatus["identifications"], edition.apparatus["organisations"]
    for n, item in enumerate(report["checked"], start=1):
        if not item.get("source") or item.get("corrected") or item.get("after_check"):
            continue  # a corrected entry may now cite the work that corrected it; after_check says so
        where = f"item {n} ({item['key']} {item['field']})"
        assert item["source"] in refs.entries, where
        cited = _cited(item, ids, orgs)
        originals = {refs.original(r).key for r in cited if r in refs.entries}
        assert refs.original(item["source"]).key not in originals, where
        assert refs.family(item["source"]) not in {refs.family(r) for r in cited if r in refs.entries}, where


def test_every_statement_stands_as_checked_or_as_corrected(report, edition):
    now = {(s["file"], s["key"], s["field"]): s["value"] for s in second_pass.statements(edition)}
    for n, item in enumerate(report["checked"], start=1):
        where = f"item {n} ({item['key']} {item['field']})"
        corrected = item.get("corrected")
        if item["verdict"] == "error":
            assert corrected, f"{where}: an error not corrected"
        if corrected:
            old, _, new = corrected.partition(" -> ")
            assert old == item["value"], where
            expected = None if new == "(removed)" else new
        else:
            expected = item["value"]
        assert now.get((item["file"], item["key"], item["field"])) == expected, where


def _cited(item: dict, ids, orgs) -> list[str]:
    """The works the entry cites for the statement: an office's own evidence; for the other fields the entry's."""
    if item["file"] == "data/identifications.yml":
        entry = ids.of(item["key"])
        if item["field"].startswith("office "):
            return [e.ref for e in entry.offices[int(item["field"].split()[1]) - 1].evidence]
        return [e.ref for e in entry.evidence] + [e.ref for d in entry.disagrees for e in d.evidence]
    entry = orgs.entry(item["key"])
    return [e.ref for e in entry.evidence] + [e.ref for e in entry.dates_evidence]
