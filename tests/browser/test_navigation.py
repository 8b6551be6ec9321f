"""Finding one's way: the contents, previous and next, paragraph anchors, search, the browser's find-in-page;
every page with nothing fetched from another host and no error in the console; the site opened from disk."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from browser_support import COPYTEXT, OPEN_POPOVERS, READING, copytext_notes, note_phrase, trigger, triggers
from bs4 import BeautifulSoup

from redbook.book.pdf import PDF_NAME

pytestmark = pytest.mark.browser

BOOK = ["index.html", *READING]  # the title page, then the text in the book's order


def test_the_contents_lead_to_each_chapter(reader, site_url):
    _, page = reader()
    page.goto(site_url + "index.html")
    links = page.eval_on_selector_all(".edition-contents a", "as => as.map(a => [a.getAttribute('href'), a.innerText])")
    assert [href for href, _ in links[: len(READING)]] == READING
    for href, label in links[: len(READING)]:
        if page.url != site_url + "index.html":
            page.go_back()
        page.locator(f'.edition-contents a[href="{href}"]').click()
        page.wait_for_url(site_url + href)
        heading = " ".join(page.locator("article h1").inner_text().split())
        assert heading.rstrip("†").strip() in " ".join(label.split()), f"{href}: {heading!r} is not {label!r}"
    # the navigation beside the text leads there too
    page.locator('.md-sidebar--primary a.md-nav__link[href="chapter-5.html"]').click()
    page.wait_for_url(site_url + "chapter-5.html")
    assert page.locator(".chapter-label").inner_text().strip().lower() == "chapter 5"


def test_next_and_previous_walk_through_the_book_in_order(reader, site_url):
    _, page = reader()
    page.goto(site_url + BOOK[0])
    walked = [BOOK[0]]
    assert page.locator("a.md-footer__link--prev").count() == 0
    while page.locator("a.md-footer__link--next").count():
        page.locator("a.md-footer__link--next").click()
        page.wait_for_load_state("domcontentloaded")
        here = urlsplit(page.url).path.lstrip("/")
        previous = page.locator("a.md-footer__link--prev").get_attribute("href")
        assert previous == walked[-1], f"{here}: 'previous' leads to {previous}, not back to {walked[-1]}"
        walked.append(here)
        assert len(walked) < 50
    assert walked[: len(BOOK)] == BOOK, "the book's order"
    page.locator("a.md-footer__link--prev").click()  # and the link back is followed, too
    page.wait_for_url(site_url + walked[-2])


HIGHLIGHT = """(id) => {
  const el = document.getElementById(id), r = el.getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  return {target: el.matches(':target'), top: r.top, bottom: r.bottom, header: header.bottom, vh: innerHeight,
          background: getComputedStyle(el).backgroundColor,
          page: getComputedStyle(document.body).backgroundColor};
}"""


def test_a_paragraph_anchor_scrolls_to_the_paragraph_and_highlights_it(reader, site_url):
    _, page = reader()
    page.goto(site_url + "chapter-3.html#p3.12")
    page.wait_for_timeout(100)
    g = page.evaluate(HIGHLIGHT, "p3.12")
    assert g["target"]
    assert g["header"] - 1 <= g["top"] < g["vh"] / 2, f"p3.12 is not at the top of the window, under the header: {g}"
    assert g["background"] not in ("rgba(0, 0, 0, 0)", "transparent", g["page"]), "p3.12 is not highlighted"
    assert page.evaluate(HIGHLIGHT, "p3.11")["background"] in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("#p3\\.12").inner_text().startswith("3.12")
    # a paragraph number is a link to its paragraph: following it moves the highlight
    page.locator('a.pnum[href="#p3.20"]').click()
    g = page.evaluate(HIGHLIGHT, "p3.20")
    assert g["target"] and g["header"] - 1 <= g["top"] < g["vh"] / 2
    # and from another chapter, as a note's cross-reference does
    page.goto(site_url + "chapter-1.html")
    page.goto(site_url + "chapter-6.html#p6.3")
    assert page.evaluate(HIGHLIGHT, "p6.3")["target"]


def _expected_places(site, word: str) -> set[tuple[str, str]]:
    """(page, id) of each paragraph or note that, in the copy-text, names the word: found in the built pages by
    the copy-text's own words around it."""
    places = set()
    lines = [line for line in COPYTEXT.read_text(encoding="utf-8").split("\n") if word in line]
    assert lines, word
    pages = {name: BeautifulSoup((site / name).read_text(encoding="utf-8"), "lxml") for name in READING}
    for soup in pages.values():
        for apparatus in soup.select("[popover], button, a.pnum, .note-num, .note-apparatus"):
            apparatus.decompose()
    for line in lines:
        words = line.split()
        at = next(i for i, w in enumerate(words) if word in w)
        start = max(0, at - 3)
        while re.fullmatch(r"\[?\d+[.\]]", words[start]):  # a list's or a note's number is not running text
            start += 1
        snippet = " ".join(words[start : at + 3])
        hits = [
            (name, block["id"])
            for name, soup in pages.items()
            for block in soup.select(".para, .note")
            if "".join(snippet.split()) in "".join(block.get_text().split())  # spacing aside
        ]
        assert len(hits) == 1, f"the copy-text's {snippet!r} is in {hits}"
        places.update(hits)
    return places


SECTION_MARKS = """([anchor, word]) => {
  const marks = [...document.querySelectorAll('article mark')].filter(
      m => m.textContent.toLowerCase() === word.toLowerCase() && m.checkVisibility());
  const after = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  let inSection = marks;
  if (anchor) {
    const head = document.getElementById(anchor);
    const next = [...document.querySelectorAll('article h1, article h2')].find(h => h !== head && after(head, h));
    inSection = marks.filter(m => after(head, m) && (!next || after(m, next)));
    const r = head.getBoundingClientRect();
    if (r.top < 0 || r.top > innerHeight) return {error: `the result's heading #${anchor} is not in view`};
  }
  const place = m => (m.closest('.para, .note') || {id: ''}).id;
  return {section: inSection.map(place), page: marks.map(place).filter(id => id)};
}"""


@pytest.mark.parametrize("word", ["Olberg", "Honduras"])
def test_search_finds_the_word_and_leads_to_its_paragraphs(reader, site_url, site, word):
    expected = _expected_places(site, word)
    _, page = reader()
    page.goto(site_url + "index.html")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(word, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    hrefs = page.eval_on_selector_all(".md-search-result__link", "as => as.map(a => a.href)")
    hrefs = [h for h in hrefs if re.search(r"[?&]h=[^&#]", h)]  # a page's own line, without a match, has h= empty
    assert hrefs, f"no result for {word}"
    reached = set()
    for href in dict.fromkeys(hrefs):
        page.goto(href)
        page.wait_for_selector("article mark >> visible=true", timeout=10_000)
        path, anchor = urlsplit(href).path.lstrip("/"), urlsplit(href).fragment
        found = page.evaluate(SECTION_MARKS, [anchor, word])
        assert "error" not in found, found
        assert found["section"], f"{href}: the word is not shown where the result leads"
        reached.update((path, block) for block in found["page"])
    assert expected <= reached, f"search for {word} does not lead to {sorted(expected - reached)}"


def test_find_in_page_finds_every_note_as_text_at_the_end_of_its_chapter(reader, site_url):
    """Closed popovers are not rendered, so the browser's find-in-page cannot see them; the notes stand again as
    text at the end of the chapter, and that is where find-in-page (window.find) lands."""
    _, page = reader()
    found = set()
    for name in READING:
        page.goto(site_url + name)
        for number in sorted(
            int(n)
            for n in page.eval_on_selector_all(".chapter-notes .note[id^=note-]", "ps => ps.map(p => p.id.slice(5))")
        ):
            if number not in copytext_notes():
                continue  # a number the copy-text skips, explained by the editors
            phrase = note_phrase(number)
            where = page.evaluate(
                """(phrase) => { getSelection().removeAllRanges(); window.scrollTo(0, 0);
                if (!window.find(phrase, true)) return null;
                const node = getSelection().anchorNode; const el = node.nodeType === 1 ? node : node.parentElement;
                return el.closest('.note') ? el.closest('.note').id : 'elsewhere'; }""",
                phrase,
            )
            assert where == f"note-{number}", f"{name}: find-in-page for note {number} ({phrase!r}) gives {where}"
            found.add(number)
    assert found == set(copytext_notes())


def test_no_page_fetches_from_another_host_or_logs_an_error(reader, site_url, site_pages):
    """Every request of every page is recorded (the fixture also fails any test of this folder on an off-host
    request or a console error); here each page is read to its end, and the search is used on two of them."""
    _, page = reader()
    for name in site_pages:
        page.goto(site_url + name)
        page.mouse.wheel(0, 100_000)
        page.wait_for_load_state("load")
        if name in ("index.html", "chapter-3.html"):
            page.locator(".md-search__input").click()
            page.keyboard.type("trial")
            page.wait_for_selector(".md-search-result__item", timeout=20_000)
            page.keyboard.press("Escape")
    hosts = {urlsplit(u).netloc for u in reader.record.requests if u.startswith("http")}
    assert hosts == {urlsplit(site_url).netloc}
    assert not reader.record.errors
    fetched = {urlsplit(u).path for u in reader.record.requests}
    assert "/search/search_index.json" in fetched or "/search/search_index.js" in fetched
    assert {f"/{name}" for name in site_pages} <= fetched


def test_the_site_opened_from_disk_works_offline(reader, site_copy):
    """A copy of the built site opened with file://: pages, notes, search (the offline plugin), downloads."""
    _, page = reader()
    base = site_copy.as_uri() + "/"
    page.goto(base + "chapter-3.html")
    t = next(t for t in triggers(page) if t.pop == "pop-ref-17")
    trigger(page, t).click()
    assert page.evaluate(OPEN_POPOVERS) == [t.pop]
    page.keyboard.press("Escape")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(base + "chapter-4.html")
    page.locator(".md-search__input").click()
    page.keyboard.type("Honduras")
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    hrefs = page.eval_on_selector_all(".md-search-result__link", "as => as.map(a => a.href)")
    assert hrefs and all(h.startswith(base) for h in hrefs)
    page.goto(next(h for h in hrefs if re.search(r"[?&]h=[^&#]", h)))
    page.wait_for_selector("article mark >> visible=true", timeout=10_000)
    # every download the pages offer is a file of the copy; the PDF only once `make build` has written it
    offered = set()
    for name in sorted(p.name for p in site_copy.glob("*.html") if p.name != "404.html"):  # 404: for servers
        page.goto(base + name)
        offered.update(
            page.eval_on_selector_all("a[href$='.pdf'], a[href$='.epub'], a[download]", "as => as.map(a => a.href)")
        )
    assert offered and all(href.startswith(base) for href in offered), offered
    missing = [href[len(base) :] for href in offered if not (site_copy / href[len(base) :]).is_file()]
    assert missing in ([], [PDF_NAME]), missing
    assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in reader.record.requests), [
        u for u in reader.record.requests if not u.startswith(("file:", "data:", "blob:", "about:"))
    ][:5]
