"""axe-core (the npm package in node_modules, injected by Playwright, nothing fetched) on every page of the site,
in the light and the dark scheme (each page loaded once, the scheme switched by the reader's toggle), and on the
popovers once open: no violation of impact serious or critical."""

from __future__ import annotations

import re

import pytest
from browser_support import (
    OPEN_POPOVERS,
    READING,
    close_popovers,
    copytext_notes,
    inject_axe,
    open_popover,
    sample_triggers,
    trigger,
    triggers,
)

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")

RUN_AXE = """async ([selector, rules]) => {
  const context = selector ? {include: [[selector]]} : document;
  const options = {resultTypes: ['violations']};
  if (rules) options.runOnly = {type: 'rule', values: rules};
  const result = await axe.run(context, options);
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ' -- ' + n.failureSummary.split('\\n').slice(0, 2).join(' '))}));
}"""
#: what the colour scheme changes; the dark scheme is checked for these (the light one for every rule)
COLOUR_RULES = ["color-contrast", "link-in-text-block", "non-text-contrast"]


def blocking(violations: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']}: {v['nodes'][:3]}" for v in violations if v["impact"] in BLOCKING]


SCHEME = "document.body.getAttribute('data-md-color-scheme')"
#: Material's toggle in the header: the one of its two labels not hidden switches to the other scheme
TOGGLE = '[data-md-component="palette"] label:not([hidden])'
#: the colours as they come to rest: the transitions the toggle starts (Material's links, its header) run to their end
SETTLE = "() => { for (const a of document.getAnimations()) try { a.finish(); } catch { a.cancel(); } }"
#: whether one of Material's tooltips is shown (or fading in)
ACTIVE_TOOLTIP = "() => !!document.querySelector('.md-tooltip--active, .md-tooltip2--active')"


def test_axe_finds_no_serious_or_critical_violation_on_any_page_or_open_popover_in_either_scheme(
    reader, site_url, site_pages
):
    """Every page in both schemes, each page loaded once: in the scheme the reader chose on the page before (the
    first in the one the system asks for), then, after a click on the header's toggle, in the other; the light
    scheme for every rule, the dark (Material's slate) for those of colour. And, since a closed popover is not
    rendered, the first and last popover of each kind once open, in both."""
    _, light = reader(color_scheme="light")
    light.goto(site_url + site_pages[0])
    assert light.evaluate(SCHEME) == "default", "the system's light preference is not followed"
    _, page = reader(color_scheme="dark")
    colour_rules = None
    report = {}
    expected = "slate"  # the system's preference, then the reader's last choice
    for name in site_pages:
        page.goto(site_url + name)
        scheme = page.evaluate(SCHEME)
        assert scheme == expected, f"{name}: opened in {scheme!r}, not in the scheme chosen before ({expected!r})"
        inject_axe(page)
        if colour_rules is None:
            available = page.evaluate("axe.getRules().map(r => r.ruleId)")
            colour_rules = [r for r in COLOUR_RULES if r in available]
        sample = sample_triggers(page, per_kind=1)
        for turn in range(2):
            rules = colour_rules if scheme == "slate" else None
            where = f"{name} ({'dark' if scheme == 'slate' else 'light'})"
            found = blocking(page.evaluate(RUN_AXE, [None, rules]))
            if found:
                report[where] = found
            for t in sample:
                opened = open_popover(page, t)
                assert page.evaluate(OPEN_POPOVERS) == opened
                found = blocking(page.evaluate(RUN_AXE, [f"#{t.pop}", rules]))
                if found:
                    report[f"{where} #{t.pop} (open)"] = found
                close_popovers(page)
            if turn == 0:
                page.locator(TOGGLE).click()
                # the pointer leaves the toggle, as a reader's does: Material's tooltip for it, shown after a delay,
                # was otherwise caught by axe half faded in (a contrast of 1.1 in one run out of four)
                page.mouse.move(0, page.viewport_size["height"] - 1)
                for _ in range(50):  # polled from here: the site's security policy forbids wait_for_function's eval
                    if not page.evaluate(ACTIVE_TOOLTIP):
                        break
                    page.wait_for_timeout(100)
                page.evaluate(SETTLE)
                switched = page.evaluate(SCHEME)
                assert switched != scheme, f"{name}: the toggle left the page in {scheme!r}"
                scheme = expected = switched
    assert not report, "\n".join(f"{name}: {v}" for name, vs in report.items() for v in vs)


def test_every_page_declares_its_language_and_every_popover_trigger_has_an_accessible_name(
    reader, site_url, site_pages
):
    """The name a screen reader announces, as the browser computes it (Playwright's accessibility snapshot)."""
    _, page = reader()
    for name in site_pages:
        page.goto(site_url + name)
        assert page.evaluate("document.documentElement.lang") == "en", name
        for t in triggers(page):
            if t.parent:
                open_popover(page, next(p for p in triggers(page, top_level=True) if p.pop == t.parent))
            snapshot = trigger(page, t).aria_snapshot()
            match = re.search(r'button "(.+?)"', snapshot.split("\n")[0])
            assert match and match.group(1).strip(), (
                f"{name}: the trigger of {t.pop} has no accessible name: {snapshot}"
            )
            close_popovers(page)


def test_note_markers_are_announced_by_their_number(reader, site_url):
    _, page = reader()
    numbers = set()
    for name in READING:
        page.goto(site_url + name)
        for ref in page.eval_on_selector_all("button.note-ref", "bs => bs.map(b => b.id)"):
            number = int(re.match(r"ref-(\d+)", ref).group(1))
            snapshot = page.locator(f"#{ref}").aria_snapshot()
            assert re.search(rf'button "Note {number}\b', snapshot), f"{name}: {ref} is announced as {snapshot}"
            numbers.add(number)
    assert numbers == set(copytext_notes())
