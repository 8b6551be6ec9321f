"""Issue 26, the model's checks: the support rule of each date, manner of death and office; the calendar of full
days before 1918-02-14; the sentence given as the execution; an office outside its organisation's dates; a
reference without kind or urldate; parent, see_also and cross_references naming a missing key.

Each check is run on a small data file (a few lines, not the edition's data) through the loaders themselves: the
bad file fails with the file, the line and the fix, and the good one passes. The edition's own data, which passes
them all, is loaded by the other test files."""

from __future__ import annotations

import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from redbook.apparatus import identifications, organisations, places, references
from redbook.errors import Collector

IDS = "data/identifications.yml"
BIB = "data/references.bib"
ORGS = "data/organisations.yml"

GOOD_BIB = """
@online{wp-zinoviev,
  title = {Grigory Zinoviev},
  organization = {Wikipedia},
  url = {https://en.wikipedia.org/wiki/Grigory_Zinoviev},
  urldate = {2026-12-07},
  year = {2026},
  kind = {reference},
}
@online{ru-wp-zinoviev,
  title = {Зиновьев, Григорий Евсеевич},
  organization = {Википедия},
  url = {https://ru.wikipedia.org/wiki/Zinoviev},
  urldate = {2026-12-07},
  year = {2026},
  kind = {reference},
}
@online{britannica-zinoviev,
  title = {Grigory Yevseyevich Zinovyev},
  organization = {Encyclopaedia Britannica},
  url = {https://www.britannica.com/biography/Grigory-Yevseyevich-Zinovyev},
  urldate = {2026-12-07},
  year = {2026},
  kind = {reference},
}
@online{mirror-britannica,
  title = {Grigory Yevseyevich Zinovyev},
  organization = {Some Mirror},
  url = {https://mirror.example.org/zinovyev},
  urldate = {2026-12-07},
  year = {2026},
  kind = {web},
  copy = {an unofficial mirror of the Britannica article},
  copyof = {britannica-zinoviev},
}
@online{report-1936,
  title = {Report of Court Proceedings},
  organization = {People's Commissariat of Justice of the USSR},
  url = {https://example.org/report-1936},
  urldate = {2026-12-07},
  year = {1936},
  kind = {primary},
}
"""


def _edition(tmp_path: Path, bib: str = GOOD_BIB, **files: str):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / BIB).write_text(textwrap.dedent(bib), encoding="utf-8")
    for name, text in files.items():
        (tmp_path / "data" / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    edition = SimpleNamespace(
        root=tmp_path,
        apparatus={},
        copytext="",
        reading_pages=lambda: [],
        notes_of=lambda stem: [],
    )
    return edition


def _person(key: str):
    return SimpleNamespace(name=key.title(), forms=(key.title(),), variants=(), born=None, died=None, about="")


def _load(tmp_path: Path, ids: str | None = None, orgs: str | None = None, pls: str | None = None, bib=GOOD_BIB):
    files = {k: v for k, v in (("identifications", ids), ("organisations", orgs), ("places", pls)) if v}
    edition = _edition(tmp_path, bib, **files)
    problems = Collector()
    edition.apparatus["references"] = references.load(edition, problems)
    keys = ["zinoviev"] if ids else []
    edition.apparatus["persons"] = SimpleNamespace(persons={k: _person(k) for k in keys}, forms={}, mentions=[])
    if orgs:
        edition.apparatus["organisations"] = organisations.load(edition, problems)
    if pls:
        edition.apparatus["places"] = places.load(edition, problems)
    if ids:  # after the organisations, as in the model (ORDER), since the offices name them
        edition.apparatus["identifications"] = identifications.load(edition, problems)
    return edition, problems.problems


def _fails(problems, path: str, line: int, pattern: str) -> None:
    import re

    found = [p for p in problems if p.path == path and p.line == line and re.search(pattern, p.what)]
    assert found, f"{pattern!r} at {path}:{line} not in:\n" + "\n".join(map(str, problems))
    assert all(p.fix for p in found)


def _line(text: str, needle: str) -> int:
    lines = textwrap.dedent(text).split("\n")
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


GOOD_IDS = """\
zinoviev:
  name: Zinoviev, Grigory Yevseyevich
  born: "1883-09-23 N.S."
  sentenced: "1936-08-24"
  died: "1936-08-25"
  death: executed
  about: chairman of the Petrograd Soviet.
  offices:
    - held: chairman
      body: Petrograd Soviet
      org: petrograd-soviet
      from: "1917"
      to: "1926"
      evidence: [{ref: wp-zinoviev, at: "infobox"}, {ref: britannica-zinoviev, at: "lead"}]
  evidence:
    - {ref: wp-zinoviev, at: "infobox", for: [born, died, death]}
    - {ref: mirror-britannica, at: "lead", for: [born]}
    - {ref: britannica-zinoviev, at: "lead", for: [died, death]}
    - {ref: report-1936, at: "the verdict", for: [sentenced]}
"""

GOOD_ORGS = """\
organisations:
  - key: petrograd-soviet
    name: Petrograd Soviet
    kind: state
    forms: [Petrograd Soviet]
    about: The soviet of Petrograd.
    evidence: {ref: wp-zinoviev, at: "lead"}
    founded: "1917"
    dissolved: "1926"
    dates_evidence: [{ref: report-1936, at: "p. 1"}]
  - key: bolshevik-party
    name: Bolshevik Party
    kind: party
    forms: [Bolshevik Party]
    about: The party.
    evidence: {ref: wp-zinoviev, at: "lead"}
  - key: fourteenth-congress
    name: Fourteenth Congress
    kind: congress
    forms: [Fourteenth Congress]
    about: The congress of 1925.
    evidence: {ref: wp-zinoviev, at: "lead"}
    parent: bolshevik-party
    see_also: [petrograd-soviet]
cross_references:
  - {name: "Communist Party", see: bolshevik-party}
not_indexed:
  - {name: "the Presidium", reason: "a common noun for a body already named"}
"""


# -- the good files pass -----------------------------------------------------------------------------------------
def test_the_good_files_pass_in_strict_mode(tmp_path):
    edition, problems = _load(tmp_path, ids=GOOD_IDS, orgs=GOOD_ORGS)
    assert problems == []
    z = edition.apparatus["identifications"].of("zinoviev")
    assert (z.sentenced, z.died, z.death) == ("1936-08-24", "1936-08-25", "executed")
    assert [(o.held, o.org, o.start, o.end) for o in z.offices] == [("chairman", "petrograd-soviet", "1917", "1926")]
    orgs = edition.apparatus["organisations"]
    assert orgs.entry("fourteenth-congress").parent == "bolshevik-party"
    assert [c.name for c in orgs.cross_references] == ["Communist Party"]
    assert [n.name for n in orgs.not_indexed] == ["the Presidium"]


# -- the support rule --------------------------------------------------------------------------------------------
def test_two_wikipedias_are_one_family(tmp_path):
    bad = GOOD_IDS.replace(
        '- {ref: mirror-britannica, at: "lead", for: [born]}', '- {ref: ru-wp-zinoviev, at: "infobox", for: [born]}'
    )
    _, problems = _load(tmp_path, ids=bad)
    _fails(problems, IDS, _line(bad, "born:"), r"zinoviev: born .* is not supported")


def test_wikimedia_commons_is_of_the_wikipedias_family(tmp_path):
    """A Commons page (the portrait's description) is no second work beside a Wikipedia."""
    commons = GOOD_BIB + textwrap.dedent(
        """
        @online{commons-zinoviev,
          title = {Grigory Zinoviev},
          organization = {Wikimedia Commons},
          url = {https://commons.wikimedia.org/wiki/Grigory_Zinoviev},
          urldate = {2026-12-07},
          year = {2026},
          kind = {web},
        }
        """
    )
    bad = GOOD_IDS.replace(
        '- {ref: mirror-britannica, at: "lead", for: [born]}', '- {ref: commons-zinoviev, at: "summary", for: [born]}'
    )
    _, problems = _load(tmp_path, ids=bad, bib=commons)
    _fails(problems, IDS, _line(bad, "born:"), r"zinoviev: born .* is not supported")


def test_evidence_without_for_does_not_support_a_date(tmp_path):
    bad = GOOD_IDS.replace('{ref: report-1936, at: "the verdict", for: [sentenced]}', "{ref: report-1936, at: x}")
    _, problems = _load(tmp_path, ids=bad)
    _fails(problems, IDS, _line(bad, "sentenced:"), r"zinoviev: sentenced .* is not supported")


def test_a_copy_counts_as_its_original(tmp_path):
    """The mirror of Britannica and Britannica are one work: two items, one family."""
    bad = GOOD_IDS.replace('{ref: wp-zinoviev, at: "infobox", for: [born, died, death]}', "{ref: wp-zinoviev, at: i}")
    bad = bad.replace(
        '{ref: britannica-zinoviev, at: "lead", for: [died, death]}',
        "{ref: britannica-zinoviev, at: l, for: [born, died, death]}",
    )
    _, problems = _load(tmp_path, ids=bad)
    _fails(problems, IDS, _line(bad, "born:"), r"zinoviev: born .* is not supported")
    _fails(problems, IDS, _line(bad, "died:"), r"zinoviev: died .* is not supported")


def test_a_single_remark_supports_a_date(tmp_path):
    good = GOOD_IDS.replace('    - {ref: mirror-britannica, at: "lead", for: [born]}\n', "") + (
        '  single: {born: "only one source found: wp-zinoviev (searched: Britannica)"}\n'
    )
    _, problems = _load(tmp_path, ids=good, orgs=GOOD_ORGS)
    assert problems == []
    bad = good.replace("  single: {born:", "  single: {borne:")
    _, problems = _load(tmp_path, ids=bad, orgs=GOOD_ORGS)
    _fails(problems, IDS, _line(bad, "single:"), r"single must map")


def test_an_office_without_support(tmp_path):
    bad = GOOD_IDS.replace(', {ref: britannica-zinoviev, at: "lead"}]', "]")
    _, problems = _load(tmp_path, ids=bad, orgs=GOOD_ORGS)
    _fails(
        problems, IDS, _line(bad, "- held: chairman"), r"the office 'chairman' of 'Petrograd Soviet' is not supported"
    )
    good = bad.replace(
        "      evidence: [{ref: wp-zinoviev",
        '      single: "only one source found: wp-zinoviev"\n      evidence: [{ref: wp-zinoviev',
    )
    _, problems = _load(tmp_path, ids=good, orgs=GOOD_ORGS)
    assert problems == []


def test_an_organisations_dates_without_support(tmp_path):
    bad = GOOD_ORGS.replace(
        'dates_evidence: [{ref: report-1936, at: "p. 1"}]', 'dates_evidence: [{ref: wp-zinoviev, at: "x"}]'
    )
    _, problems = _load(tmp_path, orgs=bad)
    _fails(
        problems,
        ORGS,
        _line(bad, "dates_evidence:"),
        r"petrograd-soviet: the dates of the organisation are not supported",
    )


# -- the calendar ------------------------------------------------------------------------------------------------
def test_a_full_day_before_1918_without_old_or_new_style(tmp_path):
    bad = GOOD_IDS.replace('"1883-09-23 N.S."', '"1883-09-23"')
    _, problems = _load(tmp_path, ids=bad, orgs=GOOD_ORGS)
    _fails(
        problems,
        IDS,
        _line(bad, "born:"),
        r"born '1883-09-23' is a full day before 1918-02-14 without O\.S\. or N\.S\.",
    )
    gregorian = bad.replace("  death: executed\n", "  death: executed\n  calendar: Gregorian\n")
    _, problems = _load(tmp_path, ids=gregorian, orgs=GOOD_ORGS)
    assert problems == []
    month = bad.replace('"1883-09-23"', '"1883-09"')  # a month needs no style
    _, problems = _load(tmp_path, ids=month, orgs=GOOD_ORGS)
    assert problems == []
    _, problems = _load(tmp_path, ids=GOOD_IDS.replace("N.S.", "OS"), orgs=GOOD_ORGS)
    _fails(problems, IDS, _line(GOOD_IDS, "born:"), r"is not a date written")


# -- the sentence is not the execution ---------------------------------------------------------------------------
def test_died_on_the_day_of_the_sentence_without_evidence_for_it(tmp_path):
    """The issue's error: the date of the death sentence given as the date of the execution."""
    bad = GOOD_IDS.replace('died: "1936-08-25"', 'died: "1936-08-24"').replace("for: [died, death]", "for: [death]")
    bad = bad.replace("for: [born, died, death]", "for: [born, death]") + '  single: {died: "only one source"}\n'
    _, problems = _load(tmp_path, ids=bad, orgs=GOOD_ORGS)
    _fails(problems, IDS, _line(bad, "died:"), r"zinoviev: died '1936-08-24' is the day of the sentence")
    # the same day, with evidence that gives it as the day of the execution, passes
    good = GOOD_IDS.replace('died: "1936-08-25"', 'died: "1936-08-24"')
    _, problems = _load(tmp_path, ids=good, orgs=GOOD_ORGS)
    assert problems == []


def test_an_unknown_manner_of_death(tmp_path):
    bad = GOOD_IDS.replace("death: executed", "death: shot")
    _, problems = _load(tmp_path, ids=bad, orgs=GOOD_ORGS)
    _fails(problems, IDS, _line(bad, "death:"), r"death 'shot' is not one of")


# -- an office and its organisation's dates ----------------------------------------------------------------------
def test_an_office_outside_its_organisations_dates(tmp_path):
    bad = GOOD_IDS.replace('to: "1926"', 'to: "1927"')
    _, problems = _load(tmp_path, ids=bad, orgs=GOOD_ORGS)
    _fails(problems, IDS, _line(bad, 'to: "1927"'), r"has to 1927, outside the dates of petrograd-soviet")
    bad = GOOD_IDS.replace('from: "1917"', 'from: "1916-05"')
    _, problems = _load(tmp_path, ids=bad, orgs=GOOD_ORGS)
    _fails(problems, IDS, _line(bad, 'from: "1916-05"'), r"has from 1916-05, outside")
    bad = GOOD_IDS.replace("org: petrograd-soviet", "org: petrograd-sovet")
    _, problems = _load(tmp_path, ids=bad, orgs=GOOD_ORGS)
    _fails(problems, IDS, _line(bad, "org: petrograd-sovet"), r"names org 'petrograd-sovet', which is not a key")


# -- references --------------------------------------------------------------------------------------------------
def test_a_reference_without_kind_or_urldate(tmp_path):
    bib = GOOD_BIB.replace("  kind = {primary},\n", "")
    _, problems = _load(tmp_path, bib=bib, orgs=GOOD_ORGS)
    _fails(problems, BIB, _line(bib, "@online{report-1936"), r"report-1936: the reference lacks the field 'kind'")
    bib = GOOD_BIB.replace("  kind = {primary},", "  kind = {archive},")
    _, problems = _load(tmp_path, bib=bib, orgs=GOOD_ORGS)
    _fails(problems, BIB, _line(bib, "kind = {archive}"), r"unknown kind 'archive'")
    bib = GOOD_BIB.replace("  urldate = {2026-12-07},\n  year = {1936},", "  year = {1936},")
    _, problems = _load(tmp_path, bib=bib, orgs=GOOD_ORGS)
    _fails(problems, BIB, _line(bib, "@online{report-1936"), r"report-1936: the reference lacks the field 'urldate'")
    bib = GOOD_BIB.replace("copyof = {britannica-zinoviev}", "copyof = {britannica-zinovev}")
    _, problems = _load(tmp_path, bib=bib, orgs=GOOD_ORGS)
    _fails(problems, BIB, _line(bib, "copyof ="), r"copyof names 'britannica-zinovev', which is not an entry")


def test_wikipedia_family_by_host_and_copies_by_copyof(tmp_path):
    edition, problems = _load(tmp_path, orgs=GOOD_ORGS)
    refs = edition.apparatus["references"]
    assert refs.family("wp-zinoviev") == refs.family("ru-wp-zinoviev") == "wikipedia"
    assert refs.family("mirror-britannica") == refs.family("britannica-zinoviev") != "wikipedia"
    assert refs.is_primary("report-1936") and not refs.is_primary("wp-zinoviev")


# -- the index's structure ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "old, new, needle, pattern",
    [
        (
            "parent: bolshevik-party",
            "parent: bolshevik-partei",
            "parent: bolshevik-partei",
            r"parent names 'bolshevik-partei'",
        ),
        (
            "see_also: [petrograd-soviet]",
            "see_also: [moscow-soviet]",
            "see_also: [moscow",
            r"see_also names 'moscow-soviet'",
        ),
        ("see: bolshevik-party}", "see: communist-party}", "see: communist-party", r"see names 'communist-party'"),
    ],
)
def test_a_cross_reference_to_a_missing_key(tmp_path, old, new, needle, pattern):
    bad = GOOD_ORGS.replace(old, new)
    _, problems = _load(tmp_path, orgs=bad)
    _fails(problems, ORGS, _line(bad, needle), pattern + r", which is not a key of data/organisations\.yml")


def test_a_parent_that_leads_back(tmp_path):
    bad = GOOD_ORGS.replace("    kind: party\n", "    kind: party\n    parent: fourteenth-congress\n")
    _, problems = _load(tmp_path, orgs=bad)
    _fails(problems, ORGS, _line(bad, "parent: fourteenth-congress"), r"leads back to 'bolshevik-party'")


def test_places_parent_and_cross_references(tmp_path):
    good = """\
    places:
      - key: russia
        name: Russia
        kind: country
        forms: [Russia]
        about: The country.
        evidence: {ref: wp-zinoviev, at: "lead"}
      - key: siberia
        name: Siberia
        kind: region
        forms: [Siberia]
        about: The region.
        evidence: {ref: wp-zinoviev, at: "lead"}
        parent: russia
    cross_references:
      - {name: "Soviet Union", see: russia}
    """
    edition, problems = _load(tmp_path, pls=good)
    assert problems == []
    index = edition.apparatus["places"]
    assert [(w, getattr(i, "key", getattr(i, "name", None))) for w, i in index.headings()] == [
        ("entry", "russia"),
        ("sub", "siberia"),
        ("see", "Soviet Union"),
    ]
    bad = good.replace("parent: russia", "parent: rusia")
    _, problems = _load(tmp_path, pls=bad)
    _fails(problems, "data/places.yml", _line(bad, "parent: rusia"), r"parent names 'rusia'.*did you mean 'russia'")
