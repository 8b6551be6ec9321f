"""The second reading (issue 26): the edition's own statements, and the random sample a second reader checks.

    .venv/bin/python -m scripts.second_pass --population   every statement, one a line
    .venv/bin/python -m scripts.second_pass --sample       the sample drawn with the seed, as YAML

A statement is one fact the edition asserts in its own words: a person's name, born, died, sentenced and
death (data/identifications.yml), each office (held, body, from, to), and an organisation's founded,
renamed and dissolved (data/organisations.yml). The sample is drawn from the population sorted, with
random.Random(SEED); tests/data/second-pass.yml holds it with the second reader's verdicts, and
tests/test_second_pass.py checks it against the data as it is now.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

import redbook

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261207
SIZE = 120
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


def sample(population: list[dict], seed: int = SEED, size: int = SIZE) -> list[dict]:
    """The sample, in the population's order (the draw is random.Random(seed).sample of the indexes)."""
    chosen = sorted(random.Random(seed).sample(range(len(population)), min(size, len(population))))
    return [population[i] for i in chosen]


def main(argv: list[str]) -> int:
    population = statements(redbook.load(ROOT))
    if "--population" in argv:
        for s in population:
            print(f"{s['file']}\t{s['key']}\t{s['field']}\t{s['value']}")
    elif "--sample" in argv:
        print(
            yaml.safe_dump(
                {"seed": SEED, "population": len(population), "sample": sample(population)},
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
