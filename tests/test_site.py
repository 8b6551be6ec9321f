"""What a reader of the built site gets: chapters, notes, emendations, paragraph numbers, nothing fetched."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from redbook.copytext import COPYTEXT

ROOT = Path(__file__).resolve().parent.parent
CHAPTER_TITLES = {  # from ../shared/source/README.md, the source site's contents page
    1: "Why Did Stalin Need This Trial?",
    2: "The Stalinist Amalgams Were Foreseen",
    3: "The Assassination of Kirov",
    4: "Two Trials",
    5: "The Defendants and Their Conduct Before the Court",
    6: "The Accused Who Were Not at the Trial",
    7: "Did a “Unified Center” Exist?",
}


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "lxml")


def copytext_notes() -> dict[int, str]:
    """The notes as the copy-text prints them: a line '[n] text' after the chapter."""
    notes = {}
    for line in (ROOT / COPYTEXT).read_text(encoding="utf-8").split("\n"):
        match = re.match(r"\[(\d+)\] (.*)", line)
        if match:
            notes[int(match.group(1))] = match.group(2)
    return notes


def test_each_chapter_has_its_real_title_and_navigation(site):
    for number, title in CHAPTER_TITLES.items():
        page = soup(site, f"chapter-{number}.html")
        assert page.find("h1").get_text(strip=True).startswith(title)
        assert page.select_one(".chapter-label").get_text() == f"Chapter {number}"
        assert page.select_one("title").get_text().startswith(title)
        assert page.select_one("a.md-footer__link--prev") is not None
        assert page.select_one("a.md-footer__link--next") is not None or number == 7
    first = soup(site, "chapter-1.html")
    assert first.select_one("a.md-footer__link--prev")["href"] == "foreword.html"
    assert first.select_one("a.md-footer__link--next")["href"] == "chapter-2.html"


def test_every_note_of_the_copytext_is_rendered_with_its_number_chapter_and_attribution(site, edition):
    printed = copytext_notes()
    assert sorted(printed) == sorted(edition.notes), "the data holds exactly the copy-text's notes"
    for number, text in printed.items():
        note = edition.notes[number]
        page = soup(site, f"{note.page}.html")
        item = page.find(id=f"note-{number}")
        assert item is not None, f"note {number} is not in the notes of {note.page}"
        assert item.select_one(".note-num").get_text() == f"[{number}]"
        authors = text.endswith("(L.S.)")
        assert ("note--author" in item["class"]) == authors
        assert item.select_one(".note-by").get_text() == ("Author’s note (L.S.)" if authors else "Editors’ note")
        marker = page.find(id=f"ref-{number}")
        assert marker.name == "button" and marker["popovertarget"]
        popover = page.find(id=marker["popovertarget"])
        assert popover.has_attr("popover") and f"Note {number}" in marker["aria-label"]
        back = item.select("a.note-back")
        assert back and all(page.find(id=a["href"][1:]) for a in back)


def test_the_notes_gap_and_the_shared_note_are_kept_and_explained(site):
    chapter3 = soup(site, "chapter-3.html")
    gap = chapter3.find(id="note-15")
    assert "no note 15" in gap.get_text() and gap["data-copytext"] == ""
    chapter5 = soup(site, "chapter-5.html")
    calls = chapter5.select('button.note-ref[id^="ref-27"]')
    assert len(calls) == 3
    assert len(chapter5.find(id="note-27").select("a.note-back")) == 3


def test_the_printed_page_references_lead_into_this_edition(site):
    chapter3 = soup(site, "chapter-3.html")
    to27 = chapter3.find(id="note-17").find("a", class_="xref")
    assert to27.get_text() == "page 27" and to27["href"] == "chapter-4.html#the-end-of-the-legend-of-the-consul"
    assert soup(site, "chapter-4.html").find(id="the-end-of-the-legend-of-the-consul").name == "h2"
    to17 = chapter3.find(id="note-18").find("a", class_="xref")
    target = chapter3.find(id=to17["href"].split("#")[1])
    assert "agent provocateur" in target.get_text()


def test_every_paragraph_has_a_number_that_links_to_itself(site, edition):
    for page in edition.reading_pages():
        if page.paragraph_prefix is None:
            continue
        html = soup(site, page.url)
        numbered = html.select(".para")
        assert numbered, page.url
        for count, block in enumerate(numbered, start=1):
            pid = f"p{page.paragraph_prefix}.{count}"
            assert block["id"] == pid
            number = block.select_one("a.pnum")
            assert number["href"] == f"#{pid}" and number.get_text() == pid[1:]
        stray = [
            p
            for p in html.select("article > p")
            if "para" not in p.get("class", []) and "subtitle" not in p.get("class", [])
        ]
        assert not stray, f"unnumbered paragraphs in {page.url}: {stray[:1]}"


def test_emendations_show_the_copytext_reading(site, edition):
    for em in edition.emendations:
        if not em.changes_words:
            continue
        page = edition.pages[em.page].url if em.page else f"{edition.note(em.note).page}.html"
        span = soup(site, page).find(id=em.anchor)
        assert span is not None, em.ident
        assert span["data-copytext"] == em.copy
        assert (
            span.select_one(".emendation__reading") is None
            or span.select_one(".emendation__reading").get_text() == em.reading
        )
        popover = soup(site, page).find(id=span.find("button")["popovertarget"])
        assert em.copy in popover.get_text()


def test_the_principles_page_lists_every_emendation_with_its_place(site, edition):
    page = soup(site, "principles.html")
    rows = page.select("table.emendations tbody tr")
    assert len(rows) == len(edition.emendations)
    for row, em in zip(rows, edition.emendations):
        assert row["id"] == f"{em.anchor}-entry"
        place = row.select_one("a.place")
        if em.page:
            assert re.fullmatch(rf"{re.escape(edition.pages[em.page].url)}#p[0-9F]+\.\d+", place["href"])
            assert place.get_text() == place["href"].split("#p")[1]


def test_restored_structures(site):
    chapter4 = soup(site, "chapter-4.html")
    table = chapter4.find("table")
    assert [th.get_text() for th in table.select("thead th")] == ["January 1935", "August 1936"]
    rows = table.select("tbody tr")
    assert [r.td.get_text().split()[0].rstrip(":") for r in rows] == ["Kamenev", "Bakaev", "Zinoviev", "Evdokimov"]
    chapter5 = soup(site, "chapter-5.html")
    assert len(chapter5.select("article ol")[0].find_all("li", recursive=False)) == 11
    chapter6 = soup(site, "chapter-6.html")
    roster = max(chapter6.select("article ol"), key=lambda ol: len(ol.find_all("li", recursive=False)))
    assert len(roster.find_all("li", recursive=False)) == 41
    assert chapter6.select_one("hr.section-break")["data-copytext"] == "* * *"
    assert chapter6.find("blockquote") is None
    epigraph = soup(site, "chapter-2.html").select_one("blockquote.epigraph")
    assert "line of blood" in epigraph.get_text()
    dateline = soup(site, "foreword.html").select_one("p.dateline")
    for apparatus in dateline.select("[popover], button, a.pnum"):
        apparatus.decompose()
    assert dateline.get_text(" ", strip=True) == "October 28, 1936"


_FETCHING = re.compile(
    r'<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc="([^"]+)"'
    r'|<link\b[^>]*\bhref="([^"]+)"|url\(\s*["\']?([^"\')]+)'
)


def test_nothing_is_requested_from_another_host(site):
    offenders = []
    for path in [*site.rglob("*.html"), *site.rglob("*.css"), *site.rglob("*.js")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in _FETCHING.finditer(text):
            url = next(g for g in match.groups() if g)
            if re.match(r"(?:https?:)?//", url):
                offenders.append(f"{path.relative_to(site)}: {url}")
    assert not offenders, offenders[:10]
    assert "fonts.googleapis" not in (site / "index.html").read_text(encoding="utf-8")


def test_title_page_gives_the_publication_history_and_contents(site, edition):
    page = soup(site, "index.html")
    text = page.get_text(" ")
    for fact in (
        "Leon Sedov",
        "New Park Publications Ltd, 1980",
        "Byulletin Oppositsii, Nos.52-53",
        "Le Livre Rouge sur les proces de Moscou",
        "Transcribed: For ETOL, September, 2000",
    ):
        assert fact in text
    contents = [a["href"] for a in page.select(".edition-contents a")]
    assert contents[:8] == ["foreword.html", *[f"chapter-{n}.html" for n in range(1, 8)]]
