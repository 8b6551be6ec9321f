"""The second reading of issue 26 (tests/data/second-pass.yml): a random sample of the edition's own statements,
each checked by a reader who did not write the entry against a work the entry does not cite.

The sample is the one scripts/second_pass.py draws with its seed from the population as it was drawn
(tests/data/second-pass-population.tsv); every statement of it still stands in the data with the value checked,
or with the value it was corrected to; every error is corrected; every work read is a reference of the edition
that the entry itself does not cite, nor a copy of one, nor of a cited work's publisher.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from scripts import second_pass

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests/data/second-pass.yml"
POPULATION = ROOT / "tests/data/second-pass-population.tsv"
VERDICTS = ("agrees", "error", "sources disagree", "not verifiable")


@pytest.fixture(scope="module")
def report() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def population() -> list[dict]:
    rows = [line.split("\t") for line in POPULATION.read_text(encoding="utf-8").splitlines()]
    return [dict(zip(("file", "key", "field", "value"), row)) for row in rows]


def _statement(item: dict) -> tuple:
    return (item["file"], item["key"], item["field"], item["value"])


def test_the_sample_is_the_one_the_seed_draws_from_the_population(report, population):
    assert report["seed"] == second_pass.SEED == 20261207
    assert report["population"] == len(population)
    drawn = second_pass.sample(population)
    assert [_statement(i) for i in report["checked"]] == [_statement(s) for s in drawn]
    assert len(report["checked"]) >= 100


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
