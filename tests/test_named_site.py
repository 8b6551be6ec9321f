"""The indexes of places and organisations wired into the outputs: the marked names of the built reading pages
against the model and against the hand-checked chapters, the index pages (every mention linked to its paragraph
or note, alleged groups worded as the data says), the e-book's copies of them, and the downloads."""

from __future__ import annotations

import csv
import difflib
import json
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from redbook.named import ALLEGED_STATEMENT

ROOT = Path(__file__).resolve().parent.parent
HAND = sorted((ROOT / "tests" / "data").glob("places-hand-*.yml"))
KINDS = {"places": ("placename", "pl"), "organisations": ("org", "org")}


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module")
def pages(site, edition) -> dict[str, BeautifulSoup]:
    return {p.stem: soup(site, p.url) for p in edition.reading_pages()}


def _words(span) -> str:
    return "".join(t for t in span.find_all(string=True) if not t.find_parent("button"))


def marked(html: BeautifulSoup, thing: str) -> list[tuple[str, str, str]]:
    """(key, anchor, words) of each marked name of one kind, in document order; a name that runs over several
    text nodes (across an emendation or a note call) is its anchored span and the pieces after it."""
    out = []
    for span in html.select(f'span[data-apparatus="{thing}"]'):
        if span.get("data-part") == "more":
            key, anchor, words = out[-1]
            assert span[f"data-{thing}"] == key
            out[-1] = (key, anchor, words + _words(span))
        else:
            out.append((span[f"data-{thing}"], span["id"], _words(span)))
    return out


# -- the marking agrees with the model -----------------------------------------------------------------------
@pytest.mark.parametrize("name", KINDS)
def test_every_mention_has_its_anchor_with_its_words_and_nothing_else_is_marked(edition, pages, name):
    index = edition.apparatus[name]
    thing, prefix = KINDS[name]
    total = 0
    for stem, html in pages.items():
        expected = [(m.key, m.anchor, m.form) for m in index.occurrences_on(stem)]
        found = marked(html, thing)
        assert [(k, a) for k, a, _ in found] == [(k, a) for k, a, _ in expected], stem
        for (_, anchor, words), (_, _, form) in zip(found, expected):
            assert anchor.startswith(f"{prefix}-")
            plain = words.replace("\u00a0", " ")
            assert plain.removesuffix("’s").removesuffix("'s") == form.replace(" [22]", ""), (stem, anchor, words)
        total += len(found)
    assert total == len(index.mentions) > 100


def test_a_place_inside_an_organisations_name_is_not_marked_as_a_place(pages):
    html = pages["chapter-3"]
    for span in html.select('span[data-apparatus="org"]'):
        assert span.find(attrs={"data-apparatus": "placename"}) is None
    center = html.select_one('span[data-org="leningrad-center"]')
    assert _words(center) == "Leningrad Center"


def test_persons_inside_an_organisations_name_are_nested_only_where_it_names_them(edition, pages):
    orgs = edition.apparatus["organisations"]
    nested = set()
    for html in pages.values():
        for span in html.select('span[data-apparatus="org"]'):
            for person in span.select("span.person"):
                assert person["data-person"] in orgs.entry(span["data-org"]).named_after
                nested.add((span["data-org"], person["data-person"]))
    assert ("lominadze-group", "shatskin") in nested and ("wedding-opposition", "landau") in nested


def test_a_name_across_a_note_call_is_one_mention_around_the_call(pages):
    """“the so-called Moscow [22] Center”: one mention (its anchor on the first piece), the book's call between."""
    html = pages["chapter-4"]
    call = html.select_one('[data-apparatus="note"][data-note="22"]')
    before, after = call.find_previous_sibling("span"), call.find_next_sibling("span")
    assert before["data-org"] == after["data-org"] == "moscow-center"
    assert before.has_attr("id") and after.get("data-part") == "more" and not after.has_attr("id")
    assert (_words(before), _words(after)) == ("Moscow", " Center")


def test_precision_and_recall_of_the_built_pages_against_the_hand_checked_chapters(pages, capsys):
    assert len(HAND) >= 2
    totals = {"org": [0, 0, 0], "pl": [0, 0, 0]}  # hand, found, agree
    for path in HAND:
        for stem, rows in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            for index, thing in (("org", "org"), ("pl", "placename")):
                hand = [(r[1], r[2]) for r in rows if r[0] == index]
                found = [(k, w.removesuffix("’s")) for k, _, w in marked(pages[stem], thing)]
                matcher = difflib.SequenceMatcher(a=[k for k, _ in hand], b=[k for k, _ in found], autojunk=False)
                right = sum(block.size for block in matcher.get_matching_blocks())
                t = totals[index]
                t[0], t[1], t[2] = t[0] + len(hand), t[1] + len(found), t[2] + right
    for index, (hand, found, right) in totals.items():
        precision, recall = right / found, right / hand
        with capsys.disabled():
            print(
                f"\n{index} marked in the built pages: precision {precision:.3f}, recall {recall:.3f} ({hand} by hand)"
            )
        assert precision >= 0.95 and recall >= 0.95, index


# -- the index pages -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", KINDS)
def test_each_index_entry_links_every_mention_to_the_paragraph_or_note_that_holds_it(site, edition, pages, name):
    index = edition.apparatus[name]
    html = soup(site, f"{name}.html")
    entries = html.select('[data-apparatus="index-entry"]')
    shown = [e["data-key"] for e in entries]
    # every entry once, main entries in the alphabet, each followed by its subentries (issue 26)
    assert sorted(shown) == sorted(index.entries)
    assert shown == [item.key for what, item in index.headings() if what != "see"]
    for sub in (e for e in entries if "index-entry--sub" in e["class"]):
        parent = index.entry(sub["data-key"]).parent
        assert shown.index(parent) < shown.index(sub["data-key"]), sub["data-key"]
    checked = 0
    for entry in entries:
        key = entry["data-key"]
        links = entry.select(".index-mentions a[href]")
        mentions = index.mentions_of(key)
        assert len(links) == len(mentions), key
        for link, m in zip(links, mentions):
            url, _, fragment = link["href"].partition("#")
            assert url == edition.pages[m.page].url
            page = pages[m.page]
            target, span = page.find(id=fragment), page.find(id=m.anchor)
            assert target is not None and span is not None, link["href"]
            if m.note is not None:
                assert fragment == f"note-{m.note}" and span in target.descendants
            else:
                heading = span.find_parent(["h1", "h2", "h3", "h4"])
                if heading is not None:  # a name in a heading is indexed at the heading itself (issue 26)
                    assert fragment == heading["id"] and link.get_text() == "heading", link["href"]
                else:
                    assert link.get_text() == fragment[1:]
                    assert span in target.descendants
            checked += 1
        # the identification's ground: a work of the references, or the book's own place
        ground = entry.select(".index-ground a[href]")
        item = index.entry(key)
        assert len(ground) == len(item.evidence) + (item.source is not None), key
        for a in ground:
            assert a["href"].startswith(("references.html#ref-", "chapter-", "foreword.html")), a["href"]
    assert checked == len(index.mentions)


def test_alleged_groups_are_given_as_the_data_says_and_no_other_is(site, edition):
    orgs = edition.apparatus["organisations"]
    html = soup(site, "organisations.html")
    for entry in html.select('[data-apparatus="index-entry"]'):
        alleged = entry.select_one(".index-alleged")
        if orgs.entry(entry["data-key"]).alleged:
            assert alleged is not None and ALLEGED_STATEMENT in alleged.get_text(" ")
            assert alleged.select_one("a[href]") is not None  # where the book argues it
        else:
            assert alleged is None


def test_the_index_pages_are_in_the_navigation_and_name_their_data(site):
    nav = soup(site, "index.html").select("nav.md-nav--primary a[href]")
    hrefs = [a["href"] for a in nav]
    assert "places.html" in hrefs and "organisations.html" in hrefs
    for name in KINDS:
        intro = soup(site, f"{name}.html").select_one(".index-intro")
        assert {a["href"] for a in intro.select("a")} >= {f"downloads/{name}.json", f"downloads/{name}.csv"}


# -- the e-book ----------------------------------------------------------------------------------------------
def test_the_ebook_carries_both_indexes_with_links_into_its_chapters(site, edition):
    with zipfile.ZipFile(site / "red-book.epub") as book:
        names = set(book.namelist())
        for name in KINDS:
            path = next(n for n in names if n.endswith(f"/{name}.xhtml"))
            page = BeautifulSoup(book.read(path).decode("utf-8"), "html.parser")
            links = page.select(".index-mentions a[href]")
            assert len(links) == len(edition.apparatus[name].mentions)
            for a in links[:: max(1, len(links) // 40)]:
                file, _, fragment = a["href"].partition("#")
                target = next(n for n in names if n.endswith(f"/{file}"))
                assert f'id="{fragment}"' in book.read(target).decode("utf-8"), a["href"]


# -- the downloads -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", KINDS)
def test_the_downloads_follow_the_data_file_and_place_every_mention(site, edition, pages, name):
    index = edition.apparatus[name]
    data = json.loads((site / "downloads" / f"{name}.json").read_text(encoding="utf-8"))
    records = data[name]
    assert [r["key"] for r in records] == list(index.entries)
    rows = list(csv.DictReader((site / "downloads" / f"{name}.csv").open(encoding="utf-8")))
    assert [r["key"] for r in rows] == list(index.entries)
    for record in records:
        at = record["mentions_at"]
        assert len(at) == record["mentions"] == index.count(record["key"])
        for place, m in zip(at, index.mentions_of(record["key"])):
            assert place["url"] == f"{edition.pages[m.page].url}#{m.anchor}"
            in_heading = pages[m.page].find(id=m.anchor).find_parent(["h1", "h2", "h3", "h4"]) is not None
            assert (place["paragraph"] is None) == (m.note is not None or in_heading)
        if name == "organisations" and record["alleged"]:
            assert record["statement"] == ALLEGED_STATEMENT
