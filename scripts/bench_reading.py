"""What the edition costs its readers and its builders: figures for scripts/benchmark.py (not pass/fail).

- `build_ratio`: `mkdocs build` of the edition against a plain Material build of the same Markdown (the macro
  calls removed), i.e. what the edition's macros, hooks and generated pages cost.
- `reading_cost`: each page opened cold in Debian's Chromium (headless, Playwright) from a static server on
  localhost: requests, bytes (as sent by this uncompressing server, and gzip-compressed as a web server would
  send them), first contentful paint, load, layout shift (also after opening a popover); and the search index.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.localsite import CHROMIUM, CHROMIUM_ARGS, served

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

PLAIN_CONFIG = """site_name: The Red Book on the Moscow Trials
use_directory_urls: false
theme:
  name: material
  font: false
markdown_extensions: [attr_list, md_in_html, sane_lists, tables, toc]
plugins: [search]
"""


def _build(project: Path, site: Path, *, strict: bool = True) -> float:
    start = time.monotonic()
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    subprocess.run(command + (["--strict"] if strict else []), cwd=project, check=True, env=ENV, capture_output=True)
    return time.monotonic() - start


def build_ratio(runs: int = 2) -> dict:
    """The edition's `mkdocs build` time, and its ratio to Material alone on the same Markdown (best of runs)."""
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "plain"
        (plain / "docs").mkdir(parents=True)
        for md in (ROOT / "docs").glob("*.md"):
            text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", md.read_text(encoding="utf-8"), flags=re.S)
            (plain / "docs" / md.name).write_text(text, encoding="utf-8")
        (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
        edition = min(_build(ROOT, Path(tmp) / f"edition{i}") for i in range(runs))
        material = min(_build(plain, Path(tmp) / f"plain{i}", strict=False) for i in range(runs))
    return {
        "edition build (s)": round(edition, 2),
        "plain Material build, same Markdown (s)": round(material, 2),
        "edition / plain (target < 1.5)": round(edition / material, 2),
    }


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
        _build(ROOT, site)
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
    for measure in (build_ratio, reading_cost):
        for key, value in measure().items():
            print(f"{key:60} {value}")
    shutil.rmtree(ROOT / ".benchmark", ignore_errors=True)
