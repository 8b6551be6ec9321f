"""The sources: every citation names a source of data/sources.bib, every place the Sources page lists exists and
holds that citation, citations add no words and move no note, and bad bibliographic data stops the build."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup
from pybtex.database import parse_file, parse_string

from redbook.apparatus.sources import quoted_title
from redbook.copytext import COPYTEXT

from support import build_fails_with as _fails_with
from support import line_of as _line_of
from support import replace_once as _replace

ROOT = Path(__file__).resolve().parent.parent
BIB = ROOT / "data" / "sources.bib"
#: Written independently of redbook/apparatus/sources.py: a citation call as a contributor writes it.
CALL = re.compile(r"""\{\{\s*cite\(\s*"([^"]+)"\s*(?:,\s*"([^"]*)"\s*)?\)\s*\}\}""")


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "lxml")


def _calls() -> list[tuple[str, str, str]]:
    """(page, key, locator) of every cite() call in docs/, in file order."""
    calls = []
    for path in sorted((ROOT / "docs").glob("*.md")):
        calls += [(path.stem, key, loc or "") for key, loc in CALL.findall(path.read_text(encoding="utf-8"))]
    return calls


def _note_citations() -> dict[int, list[dict]]:
    import yaml

    out = {}
    for path in sorted((ROOT / "footnotes").glob("*.yml")):
        for note in yaml.safe_load(path.read_text(encoding="utf-8")).get("notes") or []:
            if note.get("citations"):
                out[note["number"]] = note["citations"]
    return out


def _reading_pages(edition):
    return [p for p in edition.reading_pages() if p.paragraph_prefix]


# -- the data ---------------------------------------------------------------------------------------------


def test_every_citation_key_is_a_source_of_the_bibliography():
    keys = set(parse_file(str(BIB)).entries)
    calls = _calls()
    assert len(calls) > 50
    assert {key for _, key, _ in calls} <= keys
    assert {c["source"] for cites in _note_citations().values() for c in cites} <= keys


def test_every_source_is_cited_and_has_a_kind(edition):
    data = edition.apparatus["sources"]
    entries = parse_file(str(BIB)).entries
    cited = {key for _, key, _ in _calls()} | {c["source"] for cs in _note_citations().values() for c in cs}
    assert set(entries) == cited
    assert set(data.sources) == set(entries)
    for key, entry in entries.items():
        assert entry.fields["keywords"] in {
            "trial",
            "soviet-press",
            "western-press",
            "opposition-press",
            "trotsky",
            "letters",
            "other",
        }, key


def test_the_model_counts_the_calls_of_the_text_and_the_notes(edition):
    data = edition.apparatus["sources"]
    notes = _note_citations()
    assert len(data.citations) == len(_calls()) + sum(len(c) for c in notes.values())
    assert [(c.page, c.key, c.locator) for c in data.citations if not c.in_note] == [
        (page, key, loc)
        for stem in edition.pages
        for page, key, loc in _calls()
        if page == stem  # the model keeps reading order; the files' order is the same within a page
    ]


def test_every_number_of_a_locator_is_printed_at_that_place(edition):
    """A locator gives only what the book gives there: each figure in it (outside [editorial brackets]) is
    printed in the cited paragraph's Markdown or the citing note's text; nothing is invented."""
    data = edition.apparatus["sources"]
    for citation in data.citations:
        figures = re.findall(r"\d+", re.sub(r"\[[^\]]*\]", "", citation.locator))
        if citation.in_note:
            where = edition.notes[citation.note].text
        else:
            body = edition.pages[citation.page].body
            where = next(
                b for b in re.split(r"\n\s*\n", body) if f'cite("{citation.key}"' in b and citation.locator in b
            )
        printed = set(re.findall(r"\d+", where))
        assert set(figures) <= printed, (citation, set(figures) - printed)


# -- the built site ---------------------------------------------------------------------------------------


def test_each_source_on_the_sources_page_has_places_that_hold_its_citation(site, edition):
    page = soup(site, "sources.html")
    entries = page.select("div.source")
    assert len(entries) == len(parse_file(str(BIB)).entries)
    pages = {}
    total = 0
    for entry in entries:
        key = entry["id"].removeprefix("src-")
        links = entry.select("ul.source-places a")
        assert links, f"{key} has no back-link"
        for link in links:
            target, _, anchor = link["href"].partition("#")
            assert anchor, link
            if target not in pages:
                pages[target] = soup(site, target)
            place = pages[target].find(id=anchor)
            assert place is not None, f"{key}: {link['href']} does not exist"
            if anchor.startswith("note-"):
                assert "note" in place["class"], link
            else:
                assert "para" in place["class"], link  # a numbered paragraph, p3.12
                assert link.get_text() == anchor[1:]  # shown as 3.12
            assert place.select(f'span.cite[data-cite="{key}"]'), f"{link['href']} holds no citation of {key}"
            total += 1
    # as many places as markers in the reading text and the notes lists (popovers of notes excluded)
    markers = 0
    for reading in _reading_pages(edition):
        html = soup(site, reading.url)
        markers += len([m for m in html.select("span.cite") if not m.find_parent(attrs={"popover": True})])
    assert total == markers == len(edition.apparatus["sources"].citations)


def test_the_sources_page_groups_by_kind_in_order(site):
    headings = [h.get_text(strip=True) for h in soup(site, "sources.html").select("article h2")]
    expected = [
        "Trial documents",
        "Soviet press",
        "Western press",
        "Opposition press",
        "Trotsky’s writings",
        "Letters and statements",
        "Other",
    ]
    assert [h for h in headings if h in expected] == expected


def test_a_citation_shows_its_reference_and_the_books_locator(site):
    chapter4 = soup(site, "chapter-4.html")
    marker = next(m for m in chapter4.select('span.cite[data-cite="pravda"]') if "September 12" in m.get_text())
    assert marker["data-copytext"] == ""
    button = marker.find("button")
    pop = marker.find(attrs={"popover": True})
    assert button["popovertarget"] == pop["id"]
    assert button["aria-label"].startswith("Source: Pravda")
    assert "Pravda. Newspaper, Moscow." in pop.get_text(" ")
    assert "September 12 [1936]" in pop.get_text(" ")
    assert pop.find("a", href="sources.html#src-pravda") is not None
    # it stands right after the book's words that name the source
    before = "".join(
        s.get_text() if hasattr(s, "get_text") else str(s) for s in reversed(list(marker.previous_siblings)[:3])
    )
    assert before.endswith("Pravda (September 12)")  # the words before it (the name itself marked as the press)


def test_note_citations_stand_after_the_note_and_add_no_words(site, edition):
    for number in _note_citations():
        note = edition.notes[number]
        item = soup(site, f"{note.page}.html").find(id=f"note-{number}")
        cites = item.select("span.cite")
        assert cites and all(c["data-copytext"] == "" for c in cites)


def test_citations_neither_renumber_nor_displace_the_notes(site, edition):
    """The note markers read back from the pages are the copy-text's [n] calls, in the copy-text's order."""
    copytext = (ROOT / COPYTEXT).read_text(encoding="utf-8")
    calls = [
        int(n)
        for line in copytext.split("\n")
        if not re.match(r"\[\d+\] ", line)
        for n in re.findall(r"\[(\d+)\]", line)
    ]
    shown = []
    for page in edition.reading_pages():
        article = soup(site, page.url).select_one("article")
        shown += [int(b.get_text()) for b in article.select("button.note-ref")]
        numbers = [int(n["id"].removeprefix("note-")) for n in article.select(".chapter-notes .note")]
        assert numbers == sorted(numbers)
        assert not article.select("span.cite span.note-call, span.note-call span.cite")
    assert shown == calls


def test_cite_this_page_gives_chicago_and_bibtex_with_the_paragraph_anchor(site, edition):
    for page in _reading_pages(edition):
        block = soup(site, page.url).select_one("section.cite-this")
        assert block["data-copytext"] == ""
        words = block.get_text(" ", strip=True)
        assert "Sedov, Leon." in words and "The Red Book on the Moscow Trials" in words
        assert quoted_title(page.title, ".") in words  # Chicago: “...Trial?” takes no added period
        assert f"§{page.paragraph_prefix}.1" in words and f"#p{page.paragraph_prefix}.1" in words
        bib = parse_string(block.select_one("pre code").get_text(), "bibtex")
        (entry,) = bib.entries.values()
        assert entry.fields["title"].strip("{}") == page.title
    assert "Cite this edition" in soup(site, "index.html").select_one("section.cite-this").get_text()


def test_the_bibliography_and_the_editions_reference_are_downloads(site):
    assert set(parse_string((site / "sources.bib").read_text(encoding="utf-8"), "bibtex").entries) == set(
        parse_file(str(BIB)).entries
    )
    edition_bib = parse_string((site / "edition.bib").read_text(encoding="utf-8"), "bibtex")
    (entry,) = edition_bib.entries.values()
    assert entry.persons["author"][0].last_names == ["Sedov"]
    (item,) = json.loads((site / "edition.csl.json").read_text(encoding="utf-8"))
    assert item["title"] == "The Red Book on the Moscow Trials" and item["author"][0]["family"] == "Sedov"
    for name in ("sources.bib", "edition.bib", "edition.csl.json"):
        assert soup(site, "sources.html").find("a", href=name) is not None


def test_csl_json_of_the_sources_keeps_the_dates_the_data_gives(edition):
    items = {i["id"]: i for i in edition.apparatus["sources"].csl_json()}
    assert items["pfemfert1930"]["issued"] == {"date-parts": [[1930, 4, 1]]}
    assert items["trotsky1929"]["container-title"] == "Bulletin of the Opposition"
    assert "issued" not in items["pravda"]


# -- bad input ----------------------------------------------------------------------------------------------


def test_unknown_citation_key(project_copy):
    chapter = project_copy / "docs" / "chapter-4.md"
    _replace(chapter, '{{ cite("pravda", "September 12 [1936]") }}', '{{ cite("pravada", "September 12 [1936]") }}')
    line = _line_of(chapter, 'cite("pravada"')
    _fails_with(project_copy, rf'docs/chapter-4\.md:{line}: cite\("pravada"\) names no source .*did you mean .pravda.')


def test_unknown_key_in_a_notes_citation(project_copy):
    notes = project_copy / "footnotes" / "chapter-3.yml"
    _replace(notes, "      - source: verdict1936\n", "      - source: verdict1939\n")
    line = _line_of(notes, "source: verdict1939")
    _fails_with(project_copy, rf"footnotes/chapter-3\.yml:{line}: note 21 cites 'verdict1939', which is no source")


def test_bibtex_that_does_not_parse(project_copy):
    bib = project_copy / "data" / "sources.bib"
    _replace(bib, "  title = {{Le Temps}},\n", "  title = {{Le Temps},\n")
    _fails_with(project_copy, r"data/sources\.bib:\d+: malformed BibTeX")


def test_a_source_that_no_place_cites_fails_the_strict_build(project_copy):
    bib = project_copy / "data" / "sources.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8")
        + "\n@misc{izvestia,\n  title = {{Izvestia}},\n  keywords = {soviet-press},\n}\n",
        encoding="utf-8",
    )
    line = _line_of(bib, "@misc{izvestia,")
    _fails_with(project_copy, rf"data/sources\.bib:{line}: the source 'izvestia' is cited from no place")


def test_a_citation_outside_the_numbered_paragraphs(project_copy):
    chapter = project_copy / "docs" / "chapter-4.md"
    _replace(chapter, "(January 1935-August 1936)\n", '(January 1935-August 1936){{ cite("trial1935") }}\n')
    line = _line_of(chapter, 'August 1936){{ cite("trial1935") }}')
    _fails_with(project_copy, rf"docs/chapter-4\.md:{line}: cite\('trial1935'\) stands outside the numbered paragraphs")


def test_a_citation_on_a_page_that_is_not_the_reading_text(project_copy):
    page = project_copy / "docs" / "principles.md"
    page.write_text(page.read_text(encoding="utf-8") + '\nSee {{ cite("pravda") }}.\n', encoding="utf-8")
    line = _line_of(page, 'cite("pravda")')
    _fails_with(
        project_copy, rf'docs/principles\.md:{line}: cite\("pravda"\) stands on a page with no numbered paragraphs'
    )


def test_a_source_without_a_kind_and_with_latex(project_copy):
    import redbook

    bib = project_copy / "data" / "sources.bib"
    _replace(
        bib,
        "  howpublished = {Newspaper, Moscow},\n  keywords = {soviet-press},\n",
        "  howpublished = {Newspaper, \\emph{Moscow}},\n",
    )
    try:
        redbook.load(project_copy)
    except redbook.EditionError as err:
        message = str(err)
    else:
        raise AssertionError("the model accepted a source without a kind")
    entry = _line_of(bib, "@misc{pravda,")
    assert f"data/sources.bib:{entry}: pravda: 'keywords' must name exactly one kind" in message
    assert f"data/sources.bib:{entry + 2}: pravda: the field 'howpublished' holds a LaTeX command" in message
