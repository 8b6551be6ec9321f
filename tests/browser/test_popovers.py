"""The popovers a reader opens in the text (notes, emendations, supplied titles, and whatever else carries
`button[popovertarget]`: person cards, citations), with a mouse, a keyboard, a finger, and without JavaScript;
and WCAG 2.2 success criterion 1.4.13 (content on hover or focus), one test for each of its cases."""

from __future__ import annotations

import re

import pytest
from browser_support import (
    GEOMETRY,
    OPEN_POPOVERS,
    PHONE,
    READING,
    copytext_notes,
    inside_screen,
    near,
    normal,
    note_phrase,
    sample_triggers,
    trigger,
    triggers,
)

pytestmark = pytest.mark.browser


def note_markers(page) -> list[tuple[int, str]]:
    """(note number, popover id) of every note marker of the page."""
    found = page.eval_on_selector_all("button.note-ref", "bs => bs.map(b => [b.id, b.getAttribute('popovertarget')])")
    return [(int(re.match(r"ref-(\d+)", ref).group(1)), pop) for ref, pop in found]


def test_clicking_a_note_marker_shows_the_right_note_next_to_it(reader, site_url):
    _, page = reader()
    seen = set()
    for name in READING:
        page.goto(site_url + name)
        for number, pop in note_markers(page):
            trigger(page, pop).click()
            assert page.evaluate(OPEN_POPOVERS) == [pop]
            g = page.evaluate(GEOMETRY, pop)
            assert g["visible"] and near(g), f"{name}: note {number} opens away from its marker: {g}"
            assert note_phrase(number) in normal(g["text"]), f"{name}: popover {pop} does not show note {number}"
            assert g["left"] >= 0 and g["right"] <= g["vw"]
            page.keyboard.press("Escape")
            seen.add(number)
    assert seen == set(copytext_notes()), "every note of the copy-text has a marker that opens it"


def test_every_popover_trigger_opens_its_popover_and_escape_closes_it_returning_focus(reader, site_url, site_pages):
    """Generic: notes, emendations, supplied titles, person cards, citations, on every page of the site."""
    _, page = reader()
    total = 0
    for name in site_pages:
        page.goto(site_url + name)
        for pop in triggers(page):
            button = trigger(page, pop)
            button.click()
            assert page.evaluate(OPEN_POPOVERS) == [pop], f"{name}: {pop} did not open alone"
            g = page.evaluate(GEOMETRY, pop)
            assert g["visible"] and normal(g["text"]), f"{name}: {pop} is empty or hidden"
            assert near(g), f"{name}: {pop} opens away from its trigger: {g}"
            assert g["left"] >= 0 and g["right"] <= g["vw"], f"{name}: {pop} leaves the screen: {g}"
            page.keyboard.press("Escape")
            assert page.evaluate(OPEN_POPOVERS) == [], f"{name}: Escape did not close {pop}"
            assert page.evaluate("document.activeElement.getAttribute('popovertarget')") == pop, (
                f"{name}: focus did not return to the trigger of {pop}"
            )
            total += 1
    assert total >= len(copytext_notes())


@pytest.mark.parametrize("name", ["chapter-1.html", "chapter-5.html"])
def test_tab_reaches_every_trigger_and_enter_opens_it(reader, site_url, name):
    _, page = reader()
    page.goto(site_url + name)
    expected = triggers(page)
    reached = []
    for _ in range(2000):
        page.keyboard.press("Tab")
        pop = page.evaluate("document.activeElement.getAttribute('popovertarget')")
        if pop is not None:
            reached.append(pop)
            page.keyboard.press("Enter")
            assert page.evaluate(OPEN_POPOVERS) == [pop], f"Enter did not open {pop}"
            page.keyboard.press("Escape")
            assert page.evaluate(OPEN_POPOVERS) == []
            assert page.evaluate("document.activeElement.getAttribute('popovertarget')") == pop
        elif reached and page.evaluate("document.activeElement === document.body"):
            break
        if len(reached) == len(expected):
            break
    assert reached == expected


def test_a_second_marker_replaces_the_first_popover(reader, site_url):
    _, page = reader()
    page.goto(site_url + "chapter-1.html")
    pops = triggers(page)
    for first, second in zip(pops, pops[1:]):
        trigger(page, first).click()
        trigger(page, second).click()
        assert page.evaluate(OPEN_POPOVERS) == [second]
    page.keyboard.press("Escape")


def test_on_a_phone_a_tap_opens_the_popover_inside_the_screen(reader, site_url):
    _, page = reader(**PHONE)
    for name in READING:
        page.goto(site_url + name)
        for pop in sample_triggers(page, per_kind=4):
            button = trigger(page, pop)
            button.scroll_into_view_if_needed()
            button.tap()
            assert page.evaluate(OPEN_POPOVERS) == [pop], f"{name}: a tap did not open {pop}"
            g = page.evaluate(GEOMETRY, pop)
            assert g["visible"] and inside_screen(g), f"{name}: {pop} is not inside the 375 px screen: {g}"
            page.keyboard.press("Escape")


def test_with_javascript_disabled_the_notes_are_still_reachable(reader, site_url):
    _, page = reader(java_script_enabled=False)
    page.goto(site_url + "chapter-3.html")
    assert page.evaluate("typeof window") == "object"  # evaluate still works; the page's own scripts do not
    for number, pop in note_markers(page):
        trigger(page, pop).click()
        assert page.evaluate(OPEN_POPOVERS) == [pop], f"note {number} does not open without JavaScript"
        assert note_phrase(number) in normal(page.locator(f"#{pop}").inner_text())
        page.locator(f"#{pop} a.note-pop__list").click()
        assert page.evaluate("location.hash") == f"#note-{number}"
        assert note_phrase(number) in normal(page.locator(f"#note-{number}").inner_text())
        assert page.locator(f"#note-{number}").is_visible()


# WCAG 2.2, 1.4.13 Content on Hover or Focus: dismissible, hoverable, persistent; and a phone's tap.


def test_wcag_1_4_13_dismissible_without_moving_pointer_or_focus(reader, site_url):
    _, page = reader()
    page.goto(site_url + "chapter-3.html")
    for pop in triggers(page):
        button = trigger(page, pop)
        button.click()
        box = button.bounding_box()
        assert page.evaluate(OPEN_POPOVERS) == [pop]
        page.keyboard.press("Escape")
        assert page.evaluate(OPEN_POPOVERS) == []
        assert button.bounding_box() == box, "the pointer's target moved"
        assert page.evaluate("document.activeElement.getAttribute('popovertarget')") == pop
        button.focus()
        page.keyboard.press("Enter")
        assert page.evaluate(OPEN_POPOVERS) == [pop]
        page.keyboard.press("Escape")
        assert page.evaluate(OPEN_POPOVERS) == []


def test_wcag_1_4_13_hoverable_the_pointer_can_reach_a_link_inside_the_popover(reader, site_url):
    _, page = reader()
    page.goto(site_url + "chapter-3.html")
    pop = "pop-ref-17"  # note 17 sends the reader to page 27 of the printed book: chapter 4 here
    button = trigger(page, pop)
    button.click()
    start = button.bounding_box()
    link = page.locator(f"#{pop} a.xref")
    end = link.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=25)
    assert page.evaluate(OPEN_POPOVERS) == [pop], "the popover vanished on the way to it"
    link.click()
    page.wait_for_url(re.compile(r"chapter-4\.html#the-end-of-the-legend-of-the-consul$"))
    # and the popovers of every page: the pointer can rest on each without it vanishing
    for name in READING:
        page.goto(site_url + name)
        for pop in sample_triggers(page):
            trigger(page, pop).click()
            g = page.evaluate(GEOMETRY, pop)
            page.mouse.move((g["left"] + g["right"]) / 2, (g["top"] + g["bottom"]) / 2, steps=5)
            assert page.evaluate(OPEN_POPOVERS) == [pop], f"{name}: {pop} vanished under the pointer"
            page.keyboard.press("Escape")


def test_wcag_1_4_13_persistent_until_dismissed(reader, site_url):
    _, page = reader()
    page.goto(site_url + "chapter-5.html")
    pop = triggers(page)[0]
    trigger(page, pop).click()
    page.mouse.move(5, 450, steps=10)  # the pointer leaves it
    page.locator("a.md-footer__link--next").focus()  # so does the focus
    page.wait_for_timeout(2000)
    assert page.evaluate(OPEN_POPOVERS) == [pop]
    page.keyboard.press("Escape")
    assert page.evaluate(OPEN_POPOVERS) == []


def test_wcag_1_4_13_a_tap_on_a_phone_opens_without_jumping_to_the_end_of_the_page(reader, site_url):
    _, page = reader(**PHONE)
    for name in READING:
        page.goto(site_url + name)
        for pop in sample_triggers(page, per_kind=4):
            button = trigger(page, pop)
            button.scroll_into_view_if_needed()
            before = page.evaluate("[scrollX, scrollY, location.hash]")
            button.tap()
            assert page.evaluate(OPEN_POPOVERS) == [pop]
            assert page.evaluate("[scrollX, scrollY, location.hash]") == before, f"{name}: tapping {pop} moved the page"
            page.keyboard.press("Escape")


def test_opening_a_popover_shifts_no_layout(reader, site_url):
    _, page = reader()
    page.goto(site_url + "chapter-3.html")
    page.evaluate("""() => { window.__shift = 0; new PerformanceObserver(list => {
        for (const e of list.getEntries()) window.__shift += e.value; }).observe({type: 'layout-shift'}); }""")
    for pop in triggers(page):
        rects = page.evaluate(
            "() => [...document.querySelectorAll('article > *')].map(e => e.getBoundingClientRect().top + scrollY)"
        )
        trigger(page, pop).click()
        page.wait_for_timeout(50)
        assert (
            page.evaluate(
                "() => [...document.querySelectorAll('article > *')].map(e => e.getBoundingClientRect().top + scrollY)"
            )
            == rects
        )
        page.keyboard.press("Escape")
    assert page.evaluate("window.__shift") == 0


def test_popovers_work_after_moving_from_chapter_to_chapter(reader, site_url):
    """Without a reload when Material's instant navigation is on; with one when it is off (the edition's case)."""
    _, page = reader()
    page.goto(site_url + "foreword.html")
    for expected in READING[1:]:
        page.locator("a.md-footer__link--next").click()
        page.wait_for_url(site_url + expected)
        for pop in triggers(page)[:3]:
            trigger(page, pop).click()
            assert page.evaluate(OPEN_POPOVERS) == [pop], f"{expected}: {pop} does not open"
            page.keyboard.press("Escape")


@pytest.mark.parametrize("screen,scheme", [("desktop", "light"), ("phone", "light"), ("desktop", "dark")])
def test_screenshot_of_a_chapter_with_an_open_note(reader, site_url, artifacts, screen, scheme):
    options = PHONE if screen == "phone" else {}
    _, page = reader(color_scheme=scheme, **options)
    page.goto(site_url + "chapter-3.html")
    button = page.locator("#ref-17")
    button.scroll_into_view_if_needed()
    page.mouse.wheel(0, -150)
    button.tap() if screen == "phone" else button.click()
    g = page.evaluate(GEOMETRY, "pop-ref-17")
    assert inside_screen(g), g
    path = artifacts / f"chapter-3-note-17-{screen}-{scheme}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
