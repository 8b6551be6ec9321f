"""The apparatus switch (overrides/partials/apparatus-switch.html, overrides/assets/javascripts/apparatus.js (the edition's own code, beside the theme: no content file may carry a script)): on every page of the
reading text, from the keyboard and on a phone, the choice kept between pages and in a copy opened from disk; with
it off no mark of the apparatus shows, and what goes is only what the edition adds (data-copytext="")."""

from __future__ import annotations

import pytest
from browser_support import PHONE, READING, inject_axe

pytestmark = pytest.mark.browser

SWITCH = "[data-apparatus-switch]"
VIEW = "document.documentElement.getAttribute('data-apparatus-view')"
MARKS = "[data-apparatus='person-ref'], [data-apparatus='citation'], [data-apparatus='sum']"
NAMES = ".md-typeset .person, .md-typeset .placename, .md-typeset .orgname"

#: Every element of the article that is rendered, as an index into the article's elements.
_VISIBLE = """() => [...document.querySelectorAll('article *')].map((e, i) => [i, e.checkVisibility()])
    .filter(([i, v]) => v).map(([i]) => i)"""
#: The elements of the article given by index: whether each is the edition's (inside data-copytext="") or chrome.
_ADDED = """(indexes) => { const all = [...document.querySelectorAll('article *')];
    return indexes.map(i => all[i]).filter(e => !e.closest('[data-copytext=""], .md-content__button'))
      .map(e => e.outerHTML.slice(0, 120)); }"""
_DECORATION = f"""() => [...document.querySelectorAll('{NAMES}')].map(e => getComputedStyle(e).textDecorationLine)"""
_MARKS_SHOWN = f"""() => [...document.querySelectorAll("{MARKS}")].filter(e => e.checkVisibility()).length"""


def focus_switch_with_tab(page, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-apparatus-switch]')"):
            return
    raise AssertionError("Tab never reached the apparatus switch")


def state(page) -> tuple[str, str]:
    return page.evaluate(VIEW), page.locator(SWITCH).get_attribute("aria-checked")


def test_every_reading_page_has_the_switch_and_no_other_page_does(reader, site_url, site_pages):
    _, page = reader()
    for name in site_pages:
        if name == "404.html":
            continue
        page.goto(site_url + name)
        count = page.locator(SWITCH).count()
        if name in READING:
            assert count == 1 and page.locator(SWITCH).is_visible(), name
            assert page.locator(SWITCH).get_attribute("role") == "switch"
        else:
            assert count == 0, name


def test_the_keyboard_switches_the_marks_off_and_on_and_only_the_editions_additions_go(reader, site_url):
    _, page = reader()
    page.goto(site_url + "chapter-3.html")
    assert state(page) == ("annotated", "true")  # the default for a reader who has not chosen
    assert page.evaluate(_MARKS_SHOWN) > 20
    assert "underline" in page.evaluate(_DECORATION)
    visible = page.evaluate(_VISIBLE)

    focus_switch_with_tab(page)
    page.keyboard.press("Space")
    assert state(page) == ("plain", "false")
    assert page.evaluate(_MARKS_SHOWN) == 0
    assert set(page.evaluate(_DECORATION)) == {"none"}
    # the words stay: every marked name is still shown, with its words
    names = page.locator(".md-typeset .placename, .md-typeset .orgname")
    assert names.count() > 50
    assert all(names.nth(i).is_visible() for i in range(0, names.count(), 7))
    # what was shown and is not now is all the edition's (the fidelity proof reads past it), never the text
    still = set(page.evaluate(_VISIBLE))
    gone = [i for i in visible if i not in still]
    assert gone and page.evaluate(_ADDED, gone) == []

    page.keyboard.press("Enter")
    assert state(page) == ("annotated", "true")
    assert page.evaluate(_MARKS_SHOWN) > 20
    assert set(page.evaluate(_VISIBLE)) == set(visible)


def test_the_choice_is_kept_from_page_to_page(reader, site_url):
    context, page = reader()
    page.goto(site_url + "chapter-3.html")
    page.locator(SWITCH).click()
    assert state(page) == ("plain", "false")
    page.goto(site_url + "chapter-5.html")
    assert state(page) == ("plain", "false") and page.evaluate(_MARKS_SHOWN) == 0
    page.locator("a.md-footer__link--next").click()  # on through the book's own links
    page.wait_for_load_state()
    assert page.url.endswith("chapter-6.html") and state(page) == ("plain", "false")
    page.locator(SWITCH).click()
    page.goto(site_url + "foreword.html")
    assert state(page) == ("annotated", "true")
    # a first-time reader (a new browser profile) gets the default
    fresh = context.browser.new_context()
    other = fresh.new_page()
    other.goto(site_url + "chapter-5.html")
    assert state(other) == ("annotated", "true")
    fresh.close()


def test_the_switch_works_from_a_copy_on_disk(reader, site_copy):
    _, page = reader()
    base = site_copy.as_uri() + "/"
    page.goto(base + "chapter-4.html")
    assert state(page) == ("annotated", "true")
    focus_switch_with_tab(page)
    page.keyboard.press("Enter")
    assert state(page) == ("plain", "false")
    page.goto(base + "chapter-7.html")
    assert state(page) == ("plain", "false") and page.evaluate(_MARKS_SHOWN) == 0


def test_on_a_phone_a_tap_switches_and_the_switch_is_a_thumbs_target(reader, site_url):
    _, page = reader(**PHONE)
    page.goto(site_url + "chapter-3.html")
    switch = page.locator(SWITCH)
    box = switch.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24, box
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    switch.tap()
    assert state(page) == ("plain", "false") and page.evaluate(_MARKS_SHOWN) == 0
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.goto(site_url + "chapter-4.html")
    assert state(page) == ("plain", "false")
    page.locator(SWITCH).tap()
    assert state(page) == ("annotated", "true")


def test_axe_finds_nothing_serious_in_either_view(reader, site_url):
    _, page = reader()
    page.goto(site_url + "chapter-4.html")
    for _ in range(2):
        inject_axe(page)
        found = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                 .filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id + ': ' + v.help)"""
        )
        assert found == [], (page.evaluate(VIEW), found)
        page.locator(SWITCH).click()
