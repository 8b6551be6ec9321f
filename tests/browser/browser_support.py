"""What the browser tests share (not named helpers or conftest: test modules of other folders import by those names):
Chromium's settings, the copy-text's notes, small probes of the page's popovers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.localsite import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 - one launch for tests and bench

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 375, "height": 667}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
COPYTEXT = ROOT / "source" / "red-book-part1.etol.txt"
READING = ["foreword.html", *[f"chapter-{n}.html" for n in range(1, 8)]]  # the book's order


def copytext_notes() -> dict[int, str]:
    """The notes as the copy-text prints them, one line '[n] text' each after its chapter."""
    notes = {}
    for line in COPYTEXT.read_text(encoding="utf-8").split("\n"):
        match = re.match(r"\[(\d+)\] (.*)", line)
        if match:
            notes[int(match.group(1))] = " ".join(match.group(2).split())
    return notes


def note_phrase(number: int, words: int = 8) -> str:
    """A run of the note's own words that no emendation touches: what a reader would search for."""
    text = copytext_notes()[number]
    emended = [
        e["copy"]
        for e in yaml.safe_load((ROOT / "data" / "emendations.yml").read_text(encoding="utf-8"))
        if e.get("note") == number and e.get("copy")
    ]
    pieces = [text]
    for copy in emended:
        pieces = [part for piece in pieces for part in piece.split(copy)]
    longest = max(pieces, key=len).split()
    return " ".join(longest[:words])


def normal(text: str) -> str:
    return " ".join(text.split())


OPEN_POPOVERS = (
    "() => [...document.querySelectorAll('[popover]')].filter(e => e.matches(':popover-open')).map(e => e.id)"
)

GEOMETRY = """([id, index]) => {
  const pop = document.getElementById(id);
  const button = document.querySelectorAll('button[popovertarget]')[index];
  const r = pop.getBoundingClientRect(), b = button.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height,
          bLeft: b.left, bRight: b.right, bTop: b.top, bBottom: b.bottom,
          vw: document.documentElement.clientWidth, vh: window.innerHeight,
          text: pop.innerText, visible: pop.checkVisibility()};
}"""


def near(g: dict, slack: float = 48) -> bool:
    """The popover touches its button's row: just under it, or just above it when flipped."""
    below = -slack <= g["top"] - g["bBottom"] <= slack
    above = -slack <= g["bTop"] - g["bottom"] <= slack
    overlaps = g["left"] <= g["bRight"] + slack and g["right"] >= g["bLeft"] - slack
    return (below or above) and overlaps


def inside_screen(g: dict) -> bool:
    return g["left"] >= 0 and g["right"] <= g["vw"] + 0.5 and g["top"] >= 0 and g["bottom"] <= g["vh"] + 0.5


@dataclass(frozen=True)
class Trigger:
    """A `button[popovertarget]` of the page: its place among them, the popover it opens, its class, and the
    popover it stands in (a person named in a note), which must be open first."""

    index: int
    pop: str
    kind: str
    parent: str | None


_TRIGGERS = """() => [...document.querySelectorAll('button[popovertarget]')].map((b, i) => [i,
  b.getAttribute('popovertarget'), b.className, b.parentElement.closest('[popover]')?.id ?? null])"""


def triggers(page, *, top_level: bool = False) -> list[Trigger]:
    """Every trigger of the page in document order (or only those not inside another popover)."""
    found = [Trigger(*row) for row in page.evaluate(_TRIGGERS)]
    return [t for t in found if t.parent is None] if top_level else found


def trigger(page, t: Trigger):
    return page.locator("button[popovertarget]").nth(t.index)


def open_popover(page, t: Trigger, *, tap: bool = False) -> list[str]:
    """Open t's popover as a reader would (its parent popover first); the popovers then open, innermost last."""
    stack = []
    if t.parent:
        parent = next(p for p in triggers(page, top_level=True) if p.pop == t.parent)
        stack = open_popover(page, parent, tap=tap)
    button = trigger(page, t)
    button.tap() if tap else button.click()
    return [*stack, t.pop]


def escape(page, still_open: list[str] | None = None) -> None:
    """Press Escape as a reader would, then wait (five seconds at most) until the popovers open are `still_open`
    (none by default). A loaded machine once showed a card still open just after the key (CI, chapter 5, Tab
    and Enter) that closes in every run alone; the assertion that follows the call still says what stayed open."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.keyboard.press("Escape")
    try:
        page.wait_for_function(
            f"want => JSON.stringify(({OPEN_POPOVERS})()) === JSON.stringify(want)", arg=still_open or [], timeout=5000
        )
    except PlaywrightTimeout:
        pass


def close_popovers(page) -> None:
    for _ in range(3):
        if not page.evaluate(OPEN_POPOVERS):
            return
        page.keyboard.press("Escape")


def geometry(page, t: Trigger) -> dict:
    return page.evaluate(GEOMETRY, [t.pop, t.index])


def sample_triggers(page, per_kind: int = 2) -> list[Trigger]:
    """The first and last triggers of each kind (class) on the page: for the slower checks, which would
    otherwise grow with every person card and citation; the generic test still opens every trigger."""
    kinds: dict[str, list[Trigger]] = {}
    for t in triggers(page):
        kinds.setdefault(t.kind, []).append(t)
    chosen = {t for ts in kinds.values() for t in ts[:per_kind] + ts[-1:]}
    return [t for t in triggers(page) if t in chosen]


def inject_axe(page) -> None:
    """axe-core into the page through the browser's own evaluation (as DevTools would), which the page's Content
    Security Policy does not govern: an injected <script> would be refused, as the policy means it to be."""
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
