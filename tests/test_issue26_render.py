"""Issue 26, the rendering, without a build: the person card's sentence and execution, the dates' style and the
offices; the index page (web and so the EPUB) and the PDF register with subentries, "see" and "see also"; the TEI
and the downloads with the new fields. The small data files are those of tests/test_issue26_checks.py."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from lxml import etree
from test_issue26_checks import GOOD_IDS, GOOD_ORGS, _load

from redbook import catalogue
from redbook.book import backmatter
from redbook.downloads import tei
from redbook.named import Mention
from redbook.render import named as named_render
from redbook.render import persons as persons_render
from redbook.render.target import Target


@pytest.fixture
def small(tmp_path):
    edition, problems = _load(tmp_path, ids=GOOD_IDS, orgs=GOOD_ORGS)
    assert problems == []
    return edition


def test_dates_in_words_with_their_style():
    assert persons_render.human_date("1883-09-11 O.S.") == "11 September 1883 (O.S.)"
    assert persons_render.human_date("1883-09-23 N.S.") == "23 September 1883 (N.S.)"
    assert persons_render.human_date("1936-08") == "August 1936"


def test_the_card_shows_the_sentence_and_the_execution_distinctly(small):
    person = SimpleNamespace(key="zinoviev", name="Zinoviev")
    html = persons_render.identification(small, person, Target.WEB)
    assert "(23 September 1883 (N.S.) – 25 August 1936)" in html
    assert '<span class="person-identified__fate">sentenced 24 August 1936; executed 25 August 1936</span>' in html
    assert "Offices: " in html and "chairman, Petrograd Soviet, 1917–1926" in html
    assert 'data-org="petrograd-soviet"' in html
    assert "for born, died and death" in html and "for sentenced" in html
    printed = persons_render.identification(small, person, Target.PRINT)
    assert "sentenced 24 August 1936; executed 25 August 1936" in printed


def test_an_execution_without_a_known_day():
    ident = SimpleNamespace(sentenced="1937-06-11", died=None, death="executed")
    assert persons_render.fate(ident) == "sentenced 11 June 1937; executed, on a day the references do not give"
    assert (
        persons_render.fate(SimpleNamespace(sentenced=None, died="1940-08-21", death="killed"))
        == "killed 21 August 1940"
    )


def test_the_index_page_nests_subentries_and_gives_see_and_see_also(small):
    page = named_render.index_page(small, "organisations", "Index of organisations")
    party = page.index('id="org-entry-bolshevik-party"')
    congress = page.index('class="index-entry index-entry--sub" id="org-entry-fourteenth-congress"')
    see = page.index('<p class="index-see"><span class="index-name">Communist Party</span>, <i>see</i>')
    soviet = page.index('id="org-entry-petrograd-soviet"')
    assert party < congress < see < soviet  # the subentry under its main entry; "see" in its place in the alphabet
    assert (
        '<p class="index-see-also"><i>See also</i> <a href="#org-entry-petrograd-soviet">Petrograd Soviet</a>' in page
    )
    assert "Founded 1917, dissolved 1926." in page
    assert "congress of a party" in page


def test_a_body_s_renaming_keeps_the_new_name_as_written(edition):
    html = named_render.body_dates(edition, edition.apparatus["organisations"].entry("gpu"))
    assert html.startswith('<p class="index-dates">Founded 6 February 1922; renamed OGPU (Joint State Political')
    assert "&amp;amp;" not in html


def _mention(key: str) -> Mention:
    return Mention(key, "chapter-1", None, 0, 1, key, 1, "org", "organisations")


def test_the_printed_register_indents_subentries(small, monkeypatch):
    index = small.apparatus["organisations"]
    monkeypatch.setattr(index, "mentions", [_mention(k) for k in index.entries])
    form = SimpleNamespace(anchor=lambda stem, ident: f"{stem}--{ident}")
    rows = "".join(backmatter._structured(index, set(), None, form))
    assert '<p class="index-entry index-sub"><span class="index-name">Fourteenth Congress</span>' in rows
    assert rows.index("Bolshevik Party") < rows.index("Fourteenth Congress") < rows.index("Petrograd Soviet")
    assert '<span class="index-name">Communist Party</span>, <i>see</i> Bolshevik Party' in rows
    assert "<i>See also</i> Petrograd Soviet" in rows
    assert "Petrograd Soviet</span> (1917–1926)" in rows


def test_the_tei_carries_the_new_fields(small):
    back = etree.Element(tei.T("back"))
    person = etree.SubElement(back, tei.T("person"))
    tei._identified(small, person, "zinoviev")
    tei._named(back, small.apparatus["organisations"], "organisations", "Index of organisations")
    xml = etree.tostring(back, encoding="unicode")
    assert 'when="1883-09-23"' in xml
    assert 'type="sentence"' in xml and 'when="1936-08-24"' in xml
    assert 'type="executed"' in xml and 'when="1936-08-25"' in xml
    assert 'type="office"' in xml and 'from="1917"' in xml and 'ref="#org.petrograd-soviet"' in xml
    # the subentry is nested inside its parent
    party = back.find(f".//{tei.T('org')}[@{{http://www.w3.org/XML/1998/namespace}}id='org.bolshevik-party']")
    assert party.find(tei.T("org")).get("{http://www.w3.org/XML/1998/namespace}id") == "org.fourteenth-congress"
    assert 'type="see-also" target="#org.petrograd-soviet"' in xml
    assert "Communist Party, see " in xml


def test_tei_old_style_is_a_julian_date():
    element = etree.Element("birth")
    tei._dated(element, "1883-09-11 O.S.")
    assert element.get("when-custom") == "1883-09-11" and element.get("datingMethod") == "#julian"


def test_the_downloads_carry_the_new_fields(small):
    record = small.apparatus["identifications"].of("zinoviev").record()
    assert record["sentenced"] == "1936-08-24" and record["death"] == "executed"
    assert record["offices"][0]["org"] == "petrograd-soviet"
    assert {"ref": "report-1936", "at": "the verdict", "for": ["sentenced"]} in record["evidence"]
    orgs = {r["key"]: r for r in small.apparatus["organisations"].records()}
    assert orgs["fourteenth-congress"]["parent"] == "bolshevik-party"
    assert orgs["petrograd-soviet"]["founded"] == "1917"
    for name in ("references_sentenced", "references_death", "references_offices", "references_calendar"):
        assert name in catalogue.FIELDS["persons.csv"]
    for name in ("parent", "see_also", "founded", "dissolved", "renamed", "dates_evidence", "dates_single"):
        assert name in catalogue.FIELDS["organisations.csv"]
    assert "cross_references" in catalogue.FIELDS["organisations.json"]


def test_references_bib_is_offered_beside_sources_bib(small):
    from redbook.render import citations

    assert "references.bib" in citations.DOWNLOADS
    assert "@online{report-1936" in citations.references_bib(small)["references.bib"]
