"""The Chronology page in the browser: axe-core finds no serious or critical violation (light and dark scheme,
the timeline's list closed and open); every mark of the timeline is reached with the keyboard, in time order,
and leads to its place; on a phone the drawing scrolls in its frame and the page does not."""

from __future__ import annotations

import pytest
from browser_support import PHONE, inject_axe

pytestmark = pytest.mark.browser

PAGE = "chronology.html"
BLOCKING = ("serious", "critical")
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""
FOCUSED = """() => {
  const a = document.activeElement;
  if (!a || !a.matches('a.tl-event')) return null;
  return {href: a.getAttribute('href'), label: a.getAttribute('aria-label')};
}"""


def _blocking(violations: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']}: {v['nodes']}" for v in violations if v["impact"] in BLOCKING]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation(reader, site_url, scheme):
    _, page = reader(color_scheme=scheme)
    page.goto(site_url + PAGE)
    inject_axe(page)
    assert not _blocking(page.evaluate(RUN_AXE))
    page.click("details.timeline-text > summary")  # the timeline as a list, open
    assert page.locator("ol.timeline-list").is_visible()
    assert not _blocking(page.evaluate(RUN_AXE))


def test_every_mark_is_reached_with_the_keyboard_in_time_order_and_leads_to_its_place(reader, site_url):
    _, page = reader()
    page.goto(site_url + PAGE)
    expected = page.eval_on_selector_all("svg.timeline-graphic a.tl-event", "as => as.map(a => a.getAttribute('href'))")
    listed = page.eval_on_selector_all("ol.timeline-list a[data-event]", "as => as.map(a => a.getAttribute('href'))")
    assert expected and expected == listed
    page.locator("figure.timeline figcaption").click()  # start from the figure, as a reader who reads to it
    reached = []
    for _ in range(len(expected) + 60):
        page.keyboard.press("Tab")
        found = page.evaluate(FOCUSED)
        if found is None:
            if reached:
                break
            continue
        assert found["label"], found
        reached.append(found["href"])
    assert reached == expected  # each mark once, in the order of time
    # a focused mark shows that it has the focus (its ring is drawn)
    page.locator("svg.timeline-graphic a.tl-event").nth(3).focus()
    ring = page.evaluate("() => getComputedStyle(document.activeElement.querySelector('.tl-focus')).stroke")
    assert ring not in ("none", "", "rgba(0, 0, 0, 0)"), ring
    with page.expect_navigation():
        page.keyboard.press("Enter")
    href = expected[3]
    assert page.url.endswith(href), (page.url, href)
    fragment = href.partition("#")[2]
    assert page.locator(f'[id="{fragment}"]').count() == 1


def test_on_a_phone_the_drawing_scrolls_in_its_frame_and_the_page_does_not(reader, site_url):
    _, page = reader(**PHONE)
    page.goto(site_url + PAGE)
    sizes = page.evaluate(
        """() => { const f = document.querySelector('.timeline-frame');
        return {frame: f.clientWidth, drawing: f.scrollWidth, page: document.documentElement.scrollWidth,
                viewport: window.innerWidth}; }"""
    )
    assert sizes["drawing"] > sizes["frame"]  # the drawing keeps a legible width and scrolls in its frame
    assert sizes["page"] <= sizes["viewport"] + 1, sizes
