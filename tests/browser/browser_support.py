"""What the browser tests share (not named helpers or conftest: test modules of other folders import by those names):
Chromium's settings, the copy-text's notes, small probes of the page's popovers."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
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

GEOMETRY = """(id) => {
  const pop = document.getElementById(id);
  const button = document.querySelector(`[popovertarget="${id}"]`);
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


def triggers(page) -> list[str]:
    """The ids of the popovers every trigger of the page opens, in document order."""
    return page.eval_on_selector_all("button[popovertarget]", "bs => bs.map(b => b.getAttribute('popovertarget'))")


def trigger(page, pop_id: str):
    return page.locator(f'button[popovertarget="{pop_id}"]')


def sample_triggers(page, per_kind: int = 2) -> list[str]:
    """The first and last triggers of each kind (class) on the page: for the slower checks, which would
    otherwise grow with every person card and citation; the generic test still opens every trigger."""
    kinds: dict[str, list[str]] = {}
    for pop, kind in page.eval_on_selector_all(
        "button[popovertarget]", "bs => bs.map(b => [b.getAttribute('popovertarget'), b.className])"
    ):
        kinds.setdefault(kind, []).append(pop)
    chosen = {p for pops in kinds.values() for p in pops[:per_kind] + pops[-1:]}
    return [p for p in triggers(page) if p in chosen]
