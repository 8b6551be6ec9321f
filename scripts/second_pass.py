"""The second reading (issue 26): the edition's own statements, and the random samples a second reader checks.

    .venv/bin/python -m scripts.second_pass --population [--round N]   every statement, one a line
    .venv/bin/python -m scripts.second_pass --sample [--round N]       the round's sample, as YAML

A statement is one fact the edition asserts in its own words: a person's name, born, died, sentenced and
death (data/identifications.yml), each office (held, body, from, to), and an organisation's founded,
renamed and dissolved (data/organisations.yml). Each round draws its sample from its population sorted,
with random.Random(seed). A later round's population is the data as it stood after the earlier rounds'
errors were corrected, less the statements they checked, so that no statement is read twice. The rounds'
files (ROUNDS) hold the samples with the second reader's verdicts; tests/test_second_pass.py checks them
against the data as it is now.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

import redbook

ROOT = Path(__file__).resolve().parent.parent
# round: (seed, size, its population as drawn, its report); a round's seed is fixed before its sample is read.
ROUNDS = {
    1: (20261207, 120, "tests/data/second-pass-population.tsv", "tests/data/second-pass.yml"),
    2: (2026120702, 120, "tests/data/second-pass-2-population.tsv", "tests/data/second-pass-2.yml"),
    3: (2026120703, 120, "tests/data/second-pass-3-population.tsv", "tests/data/second-pass-3.yml"),
}
PERSON_FIELDS = ("name", "born", "died", "sentenced", "death")


def statements(edition) -> list[dict]:
    """Every statement of the edition's own, sorted, each as {file, key, field, value}."""
    out = []
    for key, entry in edition.apparatus["identifications"].entries.items():
        if not entry.identified:
            continue
        for name in PERSON_FIELDS:
            value = getattr(entry, name)
            if value:
                out.append(_statement("data/identifications.yml", key, name, value))
        for i, office in enumerate(entry.offices):
            value = f"{office.held}, {office.body}, {office.dates or 'no dates'}"
            out.append(_statement("data/identifications.yml", key, f"office {i + 1}", value))
    for key, entry in edition.apparatus["organisations"].entries.items():
        for name in ("founded", "dissolved"):
            value = getattr(entry, name)
            if value:
                out.append(_statement("data/organisations.yml", key, name, value))
        for date, new_name in entry.renamed:
            out.append(_statement("data/organisations.yml", key, "renamed", f"{date}: {new_name}"))
    return sorted(out, key=lambda s: (s["file"], s["key"], s["field"], s["value"]))


def _statement(file: str, key: str, field: str, value: str) -> dict:
    return {"file": file, "key": key, "field": field, "value": value}


def round_population(edition, number: int) -> list[dict]:
    """The statements a round draws from: every statement, less those an earlier round checked."""
    read = set()
    for earlier in range(1, number):
        report = yaml.safe_load((ROOT / ROUNDS[earlier][3]).read_text(encoding="utf-8"))
        for i in report["checked"]:
            # an organisation may have been renamed more than once: those statements differ by their value
            value = (i.get("corrected") or "").partition(" -> ")[2] or i["value"]
            read.add((i["file"], i["key"], i["field"], value if i["field"] == "renamed" else None))
    return [
        s
        for s in statements(edition)
        if (s["file"], s["key"], s["field"], s["value"] if s["field"] == "renamed" else None) not in read
    ]


def sample(population: list[dict], seed: int, size: int) -> list[dict]:
    """The sample, in the population's order (the draw is random.Random(seed).sample of the indexes)."""
    chosen = sorted(random.Random(seed).sample(range(len(population)), min(size, len(population))))
    return [population[i] for i in chosen]


def main(argv: list[str]) -> int:
    number = int(argv[argv.index("--round") + 1]) if "--round" in argv else 1
    seed, size = ROUNDS[number][:2]
    population = round_population(redbook.load(ROOT), number)
    if "--population" in argv:
        for s in population:
            print(f"{s['file']}\t{s['key']}\t{s['field']}\t{s['value']}")
    elif "--sample" in argv:
        print(
            yaml.safe_dump(
                {"seed": seed, "population": len(population), "checked": sample(population, seed, size)},
                allow_unicode=True,
                sort_keys=False,
                width=110,
            )
        )
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
