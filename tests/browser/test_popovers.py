"""The popovers a reader opens in the text (notes, emendations, supplied titles, and whatever else carries
`button[popovertarget]`: person cards, citations), with a mouse, a keyboard, a finger, and without JavaScript;
and WCAG 2.2 success criterion 1.4.13 (content on hover or focus), one test for each of its cases."""

from __future__ import annotations

import re

import pytest
from browser_support import (
    OPEN_POPOVERS,
    PHONE,
    READING,
    close_popovers,
    copytext_notes,
    escape,
    geometry,
    inside_screen,
    near,
    normal,
    note_phrase,
    open_popover,
    sample_triggers,
    trigger,
    triggers,
)

pytestmark = pytest.mark.browser


def note_markers(page):
    """(note number, trigger) of every note marker of the page."""
    return [
        (int(re.fullmatch(r"pop-ref-(\d+)(?:-\d+)?", t.pop).group(1)), t)
        for t in triggers(page)
        if "note-ref" in t.kind.split()
    ]


def focused_trigger(page) -> str | None:
    return page.evaluate("document.activeElement.getAttribute('popovertarget')")


def test_clicking_a_note_marker_shows_the_right_note_next_to_it(reader, site_url):
    _, page = reader()
    seen = set()
    for name in READING:
        page.goto(site_url + name)
        for number, t in note_markers(page):
            assert open_popover(page, t) == page.evaluate(OPEN_POPOVERS) == [t.pop]
            g = geometry(page, t)
            assert g["visible"] and near(g), f"{name}: note {number} opens away from its marker: {g}"
            assert note_phrase(number) in normal(g["text"]), f"{name}: popover {t.pop} does not show note {number}"
            assert g["left"] >= 0 and g["right"] <= g["vw"]
            page.keyboard.press("Escape")
            seen.add(number)
    assert seen == set(copytext_notes()), "every note of the copy-text has a marker that opens it"


def test_every_popover_trigger_opens_its_popover_and_escape_closes_it_returning_focus(reader, site_url, site_pages):
    """Generic: notes, emendations, supplied titles, person cards, citations, on every page of the site; a trigger
    inside another popover (a person named in a note) once that popover is open."""
    _, page = reader()
    total = 0
    for name in site_pages:
        page.goto(site_url + name)
        for t in triggers(page):
            expected = open_popover(page, t)
            assert page.evaluate(OPEN_POPOVERS) == expected, f"{name}: {t.pop} did not open (alone)"
            g = geometry(page, t)
            assert g["visible"] and normal(g["text"]), f"{name}: {t.pop} is empty or hidden"
            assert near(g), f"{name}: {t.pop} opens away from its trigger: {g}"
            assert g["left"] >= 0 and g["right"] <= g["vw"], f"{name}: {t.pop} leaves the screen: {g}"
            escape(page, expected[:-1])
            assert page.evaluate(OPEN_POPOVERS) == expected[:-1], f"{name}: Escape did not close {t.pop}"
            assert focused_trigger(page) == t.pop, f"{name}: focus did not return to the trigger of {t.pop}"
            close_popovers(page)
            total += 1
    assert total >= len(copytext_notes())


@pytest.mark.parametrize("name", ["chapter-1.html", "chapter-5.html"])
def test_tab_reaches_every_trigger_and_enter_opens_it(reader, site_url, name):
    _, page = reader()
    page.goto(site_url + name)
    expected = [t.pop for t in triggers(page, top_level=True)]
    reached = []
    for _ in range(3000):
        page.keyboard.press("Tab")
        pop = focused_trigger(page)
        if pop is not None:
            reached.append(pop)
            page.keyboard.press("Enter")
            assert page.evaluate(OPEN_POPOVERS) == [pop], f"Enter did not open {pop}"
            escape(page)
            assert page.evaluate(OPEN_POPOVERS) == []
            assert focused_trigger(page) == pop
        elif reached and page.evaluate("document.activeElement === document.body"):
            break
        if len(reached) == len(expected):
            break
    assert reached == expected


def test_a_second_marker_replaces_the_first_popover(reader, site_url):
    _, page = reader()
    page.goto(site_url + "chapter-1.html")
    pops = triggers(page, top_level=True)
    for first, second in zip(pops, pops[1:]):
        if first.pop == second.pop:
            continue  # two names of one person open the same card
        open_popover(page, first)
        open_popover(page, second)
        assert page.evaluate(OPEN_POPOVERS) == [second.pop]
    close_popovers(page)


def test_on_a_phone_a_tap_opens_the_popover_inside_the_screen(reader, site_url):
    _, page = reader(**PHONE)
    for name in READING:
        page.goto(site_url + name)
        for t in sample_triggers(page, per_kind=4):
            expected = open_popover(page, t, tap=True)
            assert page.evaluate(OPEN_POPOVERS) == expected, f"{name}: a tap did not open {t.pop}"
            g = geometry(page, t)
            assert g["visible"] and inside_screen(g), f"{name}: {t.pop} is not inside the 375 px screen: {g}"
            close_popovers(page)


def test_with_javascript_disabled_the_notes_are_still_reachable(reader, site_url):
    _, page = reader(java_script_enabled=False)
    page.goto(site_url + "chapter-3.html")
    assert page.evaluate("typeof window") == "object"  # evaluate still works; the page's own scripts do not
    for number, t in note_markers(page):
        open_popover(page, t)
        assert page.evaluate(OPEN_POPOVERS) == [t.pop], f"note {number} does not open without JavaScript"
        assert note_phrase(number) in normal(page.locator(f"#{t.pop}").inner_text())
        page.locator(f"#{t.pop} a.note-pop__list").click()
        assert page.evaluate("location.hash") == f"#note-{number}"
        assert note_phrase(number) in normal(page.locator(f"#note-{number}").inner_text())
        assert page.locator(f"#note-{number}").is_visible()


# WCAG 2.2, 1.4.13 Content on Hover or Focus: dismissible, hoverable, persistent; and a phone's tap.


def test_wcag_1_4_13_dismissible_without_moving_pointer_or_focus(reader, site_url):
    _, page = reader()
    page.goto(site_url + "chapter-3.html")
    for t in triggers(page, top_level=True):
        button = trigger(page, t)
        button.click()
        box = button.bounding_box()
        assert page.evaluate(OPEN_POPOVERS) == [t.pop]
        escape(page)
        assert page.evaluate(OPEN_POPOVERS) == []
        assert button.bounding_box() == box, "the pointer's target moved"
        assert focused_trigger(page) == t.pop
        button.focus()
        page.keyboard.press("Enter")
        assert page.evaluate(OPEN_POPOVERS) == [t.pop]
        escape(page)
        assert page.evaluate(OPEN_POPOVERS) == []


def test_wcag_1_4_13_hoverable_the_pointer_can_reach_a_link_inside_the_popover(reader, site_url):
    _, page = reader()
    page.goto(site_url + "chapter-3.html")
    t = next(t for t in triggers(page) if t.pop == "pop-ref-17")  # note 17 sends the reader to page 27: chapter 4
    button = trigger(page, t)
    button.click()
    start = button.bounding_box()
    link = page.locator(f"#{t.pop} a.xref")
    end = link.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=25)
    assert page.evaluate(OPEN_POPOVERS) == [t.pop], "the popover vanished on the way to it"
    link.click()
    page.wait_for_url(re.compile(r"chapter-4\.html#the-end-of-the-legend-of-the-consul$"))
    # and the popovers of every page: the pointer can rest on each without it vanishing
    for name in READING:
        page.goto(site_url + name)
        for t in sample_triggers(page):
            expected = open_popover(page, t)
            g = geometry(page, t)
            page.mouse.move((g["left"] + g["right"]) / 2, (g["top"] + g["bottom"]) / 2, steps=5)
            assert page.evaluate(OPEN_POPOVERS) == expected, f"{name}: {t.pop} vanished under the pointer"
            close_popovers(page)


def test_wcag_1_4_13_persistent_until_dismissed(reader, site_url):
    _, page = reader()
    page.goto(site_url + "chapter-5.html")
    t = triggers(page, top_level=True)[0]
    trigger(page, t).click()
    page.mouse.move(5, 450, steps=10)  # the pointer leaves it
    page.locator("a.md-footer__link--next").focus()  # so does the focus
    page.wait_for_timeout(2000)
    assert page.evaluate(OPEN_POPOVERS) == [t.pop]
    escape(page)
    assert page.evaluate(OPEN_POPOVERS) == []


def test_wcag_1_4_13_a_tap_on_a_phone_opens_without_jumping_to_the_end_of_the_page(reader, site_url):
    _, page = reader(**PHONE)
    for name in READING:
        page.goto(site_url + name)
        for t in sample_triggers(page, per_kind=4):
            if t.parent:
                continue  # opened from inside another popover: no page position of its own
            button = trigger(page, t)
            button.scroll_into_view_if_needed()
            before = page.evaluate("[scrollX, scrollY, location.hash]")
            button.tap()
            assert page.evaluate(OPEN_POPOVERS) == [t.pop]
            after = page.evaluate("[scrollX, scrollY, location.hash]")
            assert after == before, f"{name}: tapping {t.pop} moved the page"
            close_popovers(page)


_TOPS = """() => [...document.querySelectorAll('article > *')].filter(e => e.getClientRects().length)
    .map(e => e.getBoundingClientRect().top + scrollY)"""


def test_opening_a_popover_shifts_no_layout(reader, site_url):
    _, page = reader()
    page.goto(site_url + "chapter-3.html")
    # a shift inside the popover itself (its text drawn again once a font of another alphabet has loaded, as the
    # Cyrillic of a person's card) moves nothing of the page: counted are shifts with a source outside popovers
    page.evaluate("""() => { window.__shift = 0; new PerformanceObserver(list => {
        for (const e of list.getEntries()) {
          const outside = e.sources.some(s => !(s.node && (s.node.nodeType === 1 ? s.node : s.node.parentElement)
            ?.closest('[popover]')));
          if (outside) window.__shift += e.value; } }).observe({type: 'layout-shift'}); }""")
    for t in triggers(page):
        tops = page.evaluate(_TOPS)
        open_popover(page, t)
        page.wait_for_timeout(50)
        assert page.evaluate(_TOPS) == tops, f"opening {t.pop} moved the text"
        close_popovers(page)
    assert page.evaluate("window.__shift") == 0


def test_popovers_work_after_moving_from_chapter_to_chapter(reader, site_url):
    """Without a reload when Material's instant navigation is on; with one when it is off (the edition's case)."""
    _, page = reader()
    page.goto(site_url + "foreword.html")
    for expected in READING[1:]:
        page.locator("a.md-footer__link--next").click()
        page.wait_for_url(site_url + expected)
        for t in triggers(page, top_level=True)[:3]:
            trigger(page, t).click()
            assert page.evaluate(OPEN_POPOVERS) == [t.pop], f"{expected}: {t.pop} does not open"
            page.keyboard.press("Escape")


@pytest.mark.parametrize("screen,scheme", [("desktop", "light"), ("phone", "light"), ("desktop", "dark")])
def test_screenshot_of_a_chapter_with_an_open_note(reader, site_url, artifacts, screen, scheme):
    options = PHONE if screen == "phone" else {}
    _, page = reader(color_scheme=scheme, **options)
    page.goto(site_url + "chapter-3.html")
    t = next(t for t in triggers(page) if t.pop == "pop-ref-17")
    button = trigger(page, t)
    button.scroll_into_view_if_needed()
    page.mouse.wheel(0, -150)
    button.tap() if screen == "phone" else button.click()
    g = geometry(page, t)
    assert inside_screen(g), g
    path = artifacts / f"chapter-3-note-17-{screen}-{scheme}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
