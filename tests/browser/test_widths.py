"""Reading at every width (issue 17): the paragraph numbers, the list numbers, the markers, the tables and the
popovers, as a reader sees them, from a 320-pixel phone to a 1920-pixel screen; in the light and the dark
scheme, in the browser's print view, with the text at 200% (WCAG 1.4.4) and at 320 CSS pixels (WCAG 1.4.10).

One browser page is resized between the checks; each check reads positions from the page (bounding boxes, a
Range over the first letter of a block's text) and reports every fault it finds, page by page and width by width.
Screenshots of each page at each width are kept in test-artifacts/widths/ (git-ignored).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import (
    ARTIFACTS,
    Trigger,
    close_popovers,
    inject_axe,
    inside_screen,
    near,
    open_popover,
    triggers,
)

pytestmark = pytest.mark.browser

WIDTHS = [320, 375, 414, 600, 768, 1024, 1280, 1440, 1920]  # 600: the widest phone layout (below 45em)
HEIGHT = 900
SHOTS = ARTIFACTS / "widths"
POPOVER_SHOTS = {"chapter-5.html", "chapter-6.html"}  # photographed with a popover open, at each width
#: photographed at each width; any other page only at a width where it has a fault (a photograph is for reading
#: a fault, and the sweep of every page spent most of its time on them)
PHOTOGRAPHED = {"chapter-5.html", "chapter-6.html", "persons.html", "chronology.html"}

#: Faults of the layout as a reader sees them, measured in the page; one line of text each.
LAYOUT = r"""() => {
  const faults = [];
  const vw = document.documentElement.clientWidth;
  const px = v => Math.round(v);
  const article = document.querySelector('article.md-content__inner');
  const content = document.querySelector('.md-content').getBoundingClientRect();
  const scroller = document.scrollingElement;
  if (scroller.scrollWidth > scroller.clientWidth + 1)
    faults.push(`the page is ${scroller.scrollWidth}px wide in a ${scroller.clientWidth}px window`);

  // Every visible box of the text column and the footer lies inside the window, or inside a frame that scrolls
  // (a wide table), which itself lies inside the window.
  const outside = r => r.width > 0 && (r.left < -0.5 || r.right > vw + 0.5);
  const skip = el => el.matches('[popover], .visually-hidden, a.pnum');  // a number: checked below
  const walk = (el, framed) => {
    const style = getComputedStyle(el);
    if (style.display === 'none' || skip(el)) return;
    const r = el.getBoundingClientRect();
    const out = !framed && outside(r) && style.visibility !== 'hidden';  // reported once, not for each cell
    if (out)
      faults.push(`<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} class="${el.className}"> ` +
                  `runs from ${px(r.left)} to ${px(r.right)}px, outside the ${vw}px window`);
    const frame = framed || out || (el !== document.body && !['visible', 'clip'].includes(style.overflowX) &&
                             el.scrollWidth > el.clientWidth);
    for (const child of el.children) walk(child, frame);
  };
  for (const root of document.querySelectorAll('.md-content, .md-footer')) walk(root, false);

  // A block's own text (not its number, not a marker, not a closed popover): its first letter, its lines.
  const ownText = block => document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {acceptNode: n =>
      !n.data.trim() || n.parentElement.closest('a.pnum, [popover], button, .visually-hidden')
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  const textRects = block => {
    const walker = ownText(block), rects = [], range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      range.selectNodeContents(node);
      rects.push(...range.getClientRects());
    }
    return rects;
  };
  const firstLetter = block => {
    const node = ownText(block).nextNode();
    if (!node) return null;
    const range = document.createRange(), at = node.data.search(/\S/);
    range.setStart(node, at); range.setEnd(node, at + 1);
    return {rect: range.getClientRects()[0], letter: node.data[at]};
  };
  // The width of a list item's own number ("14. "), in the item's font.
  const ctx = document.createElement('canvas').getContext('2d');
  const markerWidth = li => {
    const s = getComputedStyle(li);
    if (s.listStylePosition !== 'outside' || s.listStyleType === 'none') return 0;
    ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    return ctx.measureText(`${li.value}. `).width;
  };

  // A heading keeps its words whole (no "R / osters" beside a floated button); a chapter's label, one line.
  const range = document.createRange();
  for (const h of article.querySelectorAll('h1, h2, h3, .chapter-label')) {
    if (!h.checkVisibility()) continue;
    const lines = new Set(textRects(h).filter(q => q.width).map(q => Math.round(q.bottom)));
    if (h.matches('.chapter-label') && lines.size > 1)
      faults.push(`the label "${h.textContent.trim()}" is broken over ${lines.size} lines`);
    const walker = ownText(h);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      for (const word of node.data.matchAll(/[^\s\-\u2010-\u2015]+/g)) {
        range.setStart(node, word.index); range.setEnd(node, word.index + word[0].length);
        if (new Set([...range.getClientRects()].filter(q => q.width).map(q => Math.round(q.bottom))).size > 1)
          faults.push(`the heading "${h.textContent.trim().slice(0, 40)}" breaks the word "${word[0]}" over two lines`);
      }
  }

  let numbers = 0;
  for (const a of article.querySelectorAll('a.pnum')) {
    if (!a.checkVisibility()) continue;
    numbers += 1;
    const block = a.closest('.para'), r = a.getBoundingClientRect(), name = a.textContent.trim();
    if (r.left < -0.5 || r.right > vw + 0.5)
      faults.push(`number ${name} runs from ${px(r.left)} to ${px(r.right)}px, outside the ${vw}px window`);
    if (r.left < content.left - 0.5)
      faults.push(`number ${name} starts at ${px(r.left)}px, left of the text's column (${px(content.left)}px)`);
    const first = firstLetter(block);
    if (!first || !first.rect) { faults.push(`number ${name}: its block has no text`); continue; }
    const t = first.rect, middle = (r.top + r.bottom) / 2;
    if (middle < t.top || middle > t.bottom)
      faults.push(`number ${name} (${px(r.top)}-${px(r.bottom)}px down) is not on the line of its text's first ` +
                  `letter "${first.letter}" (${px(t.top)}-${px(t.bottom)}px)`);
    if (r.bottom > t.top && r.top < t.bottom && r.right > t.left + 0.5 && r.left < t.right)
      faults.push(`number ${name} (${px(r.left)}-${px(r.right)}px across) overlaps its text's first letter ` +
                  `"${first.letter}" (${px(t.left)}px)`);
    if (getComputedStyle(a).float !== 'none' && !block.matches('.numbered-block')) {  // (a table stands beside it)
      const below = textRects(block).filter(q => q.width && q.top >= t.bottom - 0.5);
      const next = below.length && Math.min(...below.map(q => q.top));
      const starts = below.filter(q => q.top < next + t.height / 2).map(q => q.left);
      if (starts.length && Math.min(...starts) > r.left + 0.5)
        faults.push(`number ${name} pushes the second line of its text aside (it starts at ` +
                    `${px(Math.min(...starts))}px, the number at ${px(r.left)}px)`);
    }
    if (block.matches('li')) {
      const li = block.getBoundingClientRect(), marker = li.left - markerWidth(block);
      if (!(r.right <= marker + 0.5 || r.left >= li.left - 0.5))
        faults.push(`number ${name} (${px(r.left)}-${px(r.right)}px) overlaps the list's number ${block.value} ` +
                    `(${px(marker)}-${px(li.left)}px)`);
    }
  }
  return {faults, numbers};
}"""


#: the layout as it comes to rest: the frame drawn, the transitions a resize or a scroll starts (Material's search
#: box, the header's title) run to their end at once
SETTLE = """async () => {
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  for (const a of document.getAnimations()) try { a.finish(); } catch { a.cancel(); }  // (an endless one: ended)
}"""


def scroll_to_lists(page) -> None:
    """Scroll to the paragraph before the first numbered list item (so a screenshot shows a paragraph and a
    list), else to the first paragraph number, else to the top."""
    page.evaluate(
        """() => { const li = document.querySelector('article li.para');
        const block = li ? (li.closest('ol, ul').previousElementSibling || li) : document.querySelector('.para');
        if (block) block.scrollIntoView({block: 'start'}); else scrollTo(0, 0);
        scrollBy(0, -96); }"""
    )


def rotating_sample(page, turn: int) -> list[Trigger]:
    """One trigger of each kind (class) of the page, a different one at each turn: the first, the last, then
    those between, so that a sweep of eight widths opens popovers from the whole page."""
    kinds: dict[str, list[Trigger]] = {}
    for t in triggers(page):
        kinds.setdefault(t.kind, []).append(t)
    order = lambda ts: [ts[0], ts[-1], *ts[1:-1]] if len(ts) > 1 else ts  # noqa: E731
    return [order(ts)[turn % len(ts)] for ts in kinds.values()]


#: Open each popover of the sample from its trigger (a click on the button, its parent popover's first), the
#: trigger scrolled to the window's middle or its foot (where the popover must turn upwards); measure; close.
OPEN_AND_MEASURE = """async ([sample, block]) => {
  const buttons = [...document.querySelectorAll('button[popovertarget]')];
  const found = [];
  for (const [index, pop, parent] of sample) {
    const outer = parent === null ? buttons[index] : buttons[parent];
    outer.scrollIntoView({block, behavior: 'instant'});  // not the page's smooth scrolling: measured at rest
    if (parent !== null) outer.click();
    buttons[index].click();
    // two frames: the popover is placed against its anchor in the frame after the one that opened it
    for (let i = 0; i < 3; i++) await new Promise(r => requestAnimationFrame(r));
    const p = document.getElementById(pop), r = p.getBoundingClientRect(), b = buttons[index].getBoundingClientRect();
    found.push({pop, open: p.matches(':popover-open'), visible: p.checkVisibility(),
                left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                bLeft: b.left, bRight: b.right, bTop: b.top, bBottom: b.bottom,
                vw: document.documentElement.clientWidth, vh: innerHeight});
    for (const open of [...document.querySelectorAll(':popover-open')].reverse()) open.hidePopover();
  }
  return found;
}"""


def check_popovers(page, where: str, turn: int, shot: Path | None = None, sample: list[Trigger] | None = None):
    """One popover of each kind (or those of `sample`), opened: beside its trigger and inside the screen (the
    first one photographed open, if `shot` names a file). Returns the faults."""
    sample = rotating_sample(page, turn) if sample is None else sample
    if not sample:
        return []
    if shot:
        open_popover(page, sample[0])
        page.screenshot(path=str(shot), animations="disabled")
        close_popovers(page)
    parents = {t.pop: t.index for t in triggers(page, top_level=True)}
    rows = [[t.index, t.pop, parents[t.parent] if t.parent else None] for t in sample]
    faults = []
    for g in page.evaluate(OPEN_AND_MEASURE, [rows, "end" if turn % 2 else "center"]):
        if not (g["open"] and g["visible"] and inside_screen(g) and near(g)):
            box = {k: round(g[k]) for k in ("left", "right", "top", "bottom", "bLeft", "bTop", "vw", "vh")}
            faults.append(f"{where}: popover {g['pop']} is not beside its trigger inside the screen: {box}")
    return faults


def sweep(page, url: str, names: list[str], widths: list[int], label: str, *, popovers=True) -> list[str]:
    faults = []
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name in names:
        page.set_viewport_size({"width": widths[0], "height": HEIGHT})
        page.goto(url + name)
        for turn, width in enumerate(widths):
            page.set_viewport_size({"width": width, "height": HEIGHT})
            page.evaluate(SETTLE)
            where = f"{name} at {width}px ({label})"
            found = page.evaluate(LAYOUT)
            before = len(faults)
            faults += [f"{where}: {f}" for f in found["faults"]]
            stem = f"{name.removesuffix('.html')}-{width}-{label}"
            if popovers:
                shot = SHOTS / f"{stem}-popover.png" if name in POPOVER_SHOTS else None
                faults += check_popovers(page, where, turn, shot)
            scroll_to_lists(page)
            page.evaluate(SETTLE)  # the header's title, changed by the scroll
            if name in PHOTOGRAPHED or len(faults) > before:
                page.screenshot(path=str(SHOTS / f"{stem}.png"), animations="disabled")
    return faults


def report(faults: list[str]) -> str:
    """The faults, at most three for each page and width (all of them in test-artifacts/widths/faults.txt)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "faults.txt").write_text("\n".join(faults) + "\n", encoding="utf-8")
    groups: dict[str, list[str]] = {}
    for fault in faults:
        where, _, what = fault.partition("): ")
        groups.setdefault(where + ")", []).append(what)
    lines = [f"{len(faults)} faults at {len(groups)} pages and widths (all in {SHOTS / 'faults.txt'}):"]
    for where, whats in groups.items():
        lines += [f"{where}: {w}" for w in whats[:3]] + (
            [f"{where}: ... {len(whats) - 3} more"] if len(whats) > 3 else []
        )
    return "\n".join(lines)


def test_every_page_at_every_width_keeps_its_numbers_beside_their_text_and_inside_the_screen(
    reader, site_url, site_pages
):
    """Every page of the site (reading text, back matter, generated pages) at every width of the sweep."""
    _, page = reader()
    faults = sweep(page, site_url, site_pages, WIDTHS, "light")
    assert not faults, report(faults)


MARKED = ["chapter-3.html", "chapter-5.html", "chapter-6.html", "persons.html", "rosters.html", "dossiers.html"]


def test_the_dark_scheme_lays_out_as_the_light(reader, site_url):
    """The dark scheme (Material's slate) changes colours only: the pages with the most lists, tables and markers,
    at a phone's, a tablet's, a laptop's and a wide screen's width, checked and photographed (its contrast is
    axe's, in test_accessibility.py)."""
    _, page = reader(color_scheme="dark")
    page.goto(site_url + "chapter-5.html")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    faults = sweep(page, site_url, MARKED, [320, 768, 1024, 1440], "dark")
    assert not faults, report(faults)


def test_the_print_view_keeps_every_number_on_its_line_and_every_table_on_the_page(reader, site_url, site_pages):
    """The browser's print view (print media, the width of an A4 page inside Chromium's default margins:
    210 mm less 2 x 10 mm, 718 CSS pixels): numbers in place, nothing cut off."""
    _, page = reader()
    page.emulate_media(media="print")
    faults = sweep(page, site_url, site_pages, [718], "print", popovers=False)
    assert not faults, report(faults)


def test_text_at_200_percent_and_a_320_pixel_window_lose_nothing_and_scroll_only_down(reader, site_url, site_pages):
    """WCAG 1.4.4: the browser's text size doubled (Chromium's default font size, 16 to 32 pixels; the em
    breakpoints move with it), at the widths of a desktop and a tablet; a page zoomed to 200% on a 1280-pixel
    screen is a 640-pixel window. WCAG 1.4.10: 320 CSS pixels (a 1280-pixel screen at 400%) is the narrowest
    width of the sweep of every page above."""
    context, page = reader()
    page.goto(site_url + "chapter-5.html")
    before = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.para')).fontSize)")
    cdp = context.new_cdp_session(page)
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    page.reload()
    after = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.para')).fontSize)")
    assert after >= 1.9 * before, f"the text did not grow to 200% ({before}px to {after}px)"
    faults = sweep(page, site_url, site_pages, [1280, 768], "text-200", popovers=False)
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 16, "fixed": 13}})
    faults += sweep(page, site_url, MARKED, [640], "zoom-200")
    assert not faults, report(faults)


#: The defects of issue 17, put back by a style sheet added to the page: (width, page, CSS, what the sweep says).
DEFECTS = [
    (
        1024,
        "chapter-5.html",
        "article.md-content__inner:has(a.pnum) { padding-left: 0.8rem }"
        " .md-typeset a.pnum { right: auto; left: -3.4rem }",
        "outside the 1024px window",
    ),
    (1280, "chapter-5.html", ".md-typeset a.pnum { right: auto; left: -5rem }", "left of the text's column"),
    (
        768,
        "chapter-5.html",
        ".md-typeset li.para > a.pnum { position: static; float: none; line-height: normal }"
        " .md-typeset li.para > a.pnum + p { margin-top: 0.5em }",
        "is not on the line of its text's first letter",
    ),
    (320, "chapter-6.html", ".md-typeset li.para > a.pnum { margin-bottom: 0.5em }", "pushes the second line"),
    (
        1024,
        "chapter-6.html",
        ".md-typeset li.para > a.pnum { right: calc(100% - 3.4rem) }",
        "overlaps the list's number",
    ),
    (320, "rosters.html", ".md-typeset > .md-content__button ~ * { clear: none !important }", "breaks the word"),
    (375, "dossiers.html", ".md-typeset table[class] { display: table }", "outside the 375px window"),
]


@pytest.mark.parametrize(("width", "name", "css", "fault"), DEFECTS, ids=[d[3] for d in DEFECTS])
def test_the_sweep_sees_each_defect_it_was_written_for(reader, site_url, width, name, css, fault):
    """The checks can fail: each defect found before this sweep, put back, is reported."""
    _, page = reader(viewport={"width": width, "height": HEIGHT})
    page.goto(site_url + name)
    assert not page.evaluate(LAYOUT)["faults"], f"{name} at {width}px is not right to begin with"
    page.add_style_tag(content=css)
    page.evaluate(SETTLE)
    found = page.evaluate(LAYOUT)["faults"]
    assert any(fault in f for f in found), f"{name} at {width}px with {css!r}: {found[:5]}"


def test_the_sweep_sees_a_popover_squeezed_or_beside_the_point(reader, site_url):
    """Before: on a phone a popover kept the browser's fit-content width and opened away from its marker; at the
    right edge of a wider screen it was squeezed into the few pixels right of its marker."""
    _, page = reader(viewport={"width": 640, "height": HEIGHT})
    page.goto(site_url + "chapter-3.html")
    sample = [t for t in triggers(page) if t.pop in ("card-vyshinsky", "pop-cite-3-1")]
    assert len(sample) == 2 and not check_popovers(page, "chapter-3", 1, sample=sample)
    page.add_style_tag(content=".md-typeset [popover] { width: fit-content !important }")
    assert check_popovers(page, "chapter-3", 1, sample=sample)


def test_a_table_that_scrolls_on_a_phone_can_be_scrolled_from_the_keyboard(reader, site_url):
    """axe's rule scrollable-region-focusable (serious) at 320 px, on the pages whose tables scroll in a frame."""
    _, page = reader(viewport={"width": 320, "height": HEIGHT})
    found = {}
    for name in ["dossiers.html", "principles.html", "rosters.html", "open-data.html", "chapter-4.html"]:
        page.goto(site_url + name)
        inject_axe(page)
        violations = page.evaluate(
            "async () => (await axe.run(document, {runOnly: ['scrollable-region-focusable']})).violations"
            ".map(v => v.nodes.map(n => n.target.join(' '))).flat()"
        )
        if violations:
            found[name] = violations
    assert not found, found
