"""What the edition costs its readers: figures for scripts/benchmark.py --reading (not pass/fail).

- `reading_cost`: each page opened cold in Debian's Chromium (headless, Playwright) from a static server on
  localhost: requests, bytes (as sent by this uncompressing server, and gzip-compressed as a web server would
  send them), first contentful paint, load, layout shift (also after opening a popover); and the search index.
"""

from __future__ import annotations

import gzip
import shutil
import tempfile
from pathlib import Path

from scripts.benchmark import timed_build
from scripts.localsite import CHROMIUM, CHROMIUM_ARGS, served

ROOT = Path(__file__).resolve().parent.parent

_TIMINGS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {fcp: fcp ? fcp.startTime : null, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd};
}"""
_SHIFT = """() => new Promise(done => { let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(total), 300); })"""


def _is_search_index(url: str) -> bool:
    return "/search/search_index" in url


def reading_cost() -> dict:
    """Each page opened cold on localhost: requests, kB (raw / gzip, without the search index), paint and load."""
    from playwright.sync_api import sync_playwright

    figures: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        timed_build(ROOT, site)
        for name in ("search_index.json", "search_index.js"):
            index = site / "search" / name
            if index.exists():
                data = index.read_bytes()
                figures[f"search index {name} (kB raw / gzip)"] = (
                    f"{len(data) / 1e3:.0f} / {len(gzip.compress(data, 6)) / 1e3:.0f}"
                )
        with served(site) as base:
            pages = sorted(p.name for p in site.glob("*.html") if p.name != "404.html")
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                worst = {"kB": 0.0}
                for name in pages:
                    context = browser.new_context(viewport={"width": 1280, "height": 900})  # cold: empty cache
                    page = context.new_page()
                    sizes: list[tuple[str, int, int]] = []

                    def finished(request, sizes=sizes):
                        response = request.response()
                        body = response.body() if response and response.status < 300 else b""
                        sizes.append((request.url, len(body), len(gzip.compress(body, 6))))

                    page.on("requestfinished", finished)
                    page.goto(base + name, wait_until="networkidle")
                    timings = page.evaluate(_TIMINGS)
                    shift = page.evaluate(_SHIFT)
                    reader = [s for s in sizes if not _is_search_index(s[0])]
                    raw = sum(s[1] for s in reader) / 1e3
                    packed = sum(s[2] for s in reader) / 1e3
                    figures[f"{name}: requests, kB raw / gzip"] = f"{len(reader)}, {raw:.0f} / {packed:.0f}"
                    figures[f"{name}: first paint, load (ms), layout shift"] = (
                        f"{timings['fcp'] or 0:.0f}, {timings['load']:.0f}, {shift:.3f}"
                    )
                    if name.startswith("chapter-") and packed > worst["kB"]:
                        worst = {"kB": packed, "page": name}
                    if name == "chapter-3.html":
                        trigger = page.locator("button[popovertarget]").first
                        trigger.scroll_into_view_if_needed()
                        before = page.evaluate(_SHIFT)
                        trigger.click()
                        after = page.evaluate(_SHIFT)
                        figures["chapter-3.html: layout shift when a popover opens"] = round(after - before, 4)
                    context.close()
                browser.close()
            figures["heaviest chapter, gzip kB without search index (target < 250)"] = (
                f"{worst['kB']:.0f} ({worst.get('page')})"
            )
    return figures


if __name__ == "__main__":
    for key, value in reading_cost().items():  # the build's own ratios: scripts/benchmark.py
        print(f"{key:60} {value}")
    shutil.rmtree(ROOT / ".benchmark", ignore_errors=True)
