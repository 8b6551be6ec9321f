"""What the edition costs to build, to preview and to read on this machine: `make bench` (figures, never pass/fail).

Every comparison is made in one run, the two sides alternated, and the median of several runs reported, so that
the ratios hold on a busy machine where the seconds do not:

- the site build (`mkdocs build --strict`) against plain Material on the same Markdown (macro calls blanked);
- the preview (`mkdocs serve`): a word changed in a chapter, until the server reports the rebuilt site, against
  the same edit under plain Material's preview;
- the full build (`make build`: site, EPUB and PDF) and its parts, with the PDF's layouts;
- the sizes of the books and the weight of a chapter's page;
- with --reading, each page opened cold in Chromium (scripts/bench_reading.py).

    python -m scripts.benchmark [--runs N] [--reading]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.localsite import free_port

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PROJECT = ("mkdocs.yml", "docs", "footnotes", "data", "source", "macros", "redbook", "overrides", "scripts")
PLAIN_CONFIG = """site_name: The Red Book on the Moscow Trials
use_directory_urls: false
theme:
  name: material
  font: false
markdown_extensions: [attr_list, md_in_html, sane_lists, tables, toc]
plugins: [search]
"""
EDIT = ("chapter-3.md", "assassination", "assasination")  # a word of chapter 3, changed and changed back


def _copy_edition(to: Path) -> Path:
    to.mkdir(parents=True)
    for name in PROJECT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, to / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, to / name)
    return to


def _plain_project(to: Path) -> Path:
    (to / "docs").mkdir(parents=True)
    for md in (ROOT / "docs").glob("*.md"):
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", md.read_text(encoding="utf-8"), flags=re.S)
        (to / "docs" / md.name).write_text(text, encoding="utf-8")
    (to / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return to


def _build(project: Path, site: Path, strict: bool = True) -> float:
    start = time.monotonic()
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)] + (
        ["--strict"] if strict else []
    )
    subprocess.run(command, cwd=project, check=True, env=ENV, capture_output=True)
    return time.monotonic() - start


def _ratio(edition: list[float], plain: list[float]) -> tuple[float, float, float]:
    e, p = statistics.median(edition), statistics.median(plain)
    return e, p, e / p


def build_ratio(runs: int, tmp: Path) -> dict:
    edition, plain = _copy_edition(tmp / "edition"), _plain_project(tmp / "plain")
    times: dict[str, list[float]] = {"edition": [], "plain": []}
    for i in range(runs):  # alternated, so that a busy moment of the machine falls on both
        times["edition"].append(_build(edition, tmp / f"e{i}"))
        times["plain"].append(_build(plain, tmp / f"p{i}", strict=False))
    e, p, r = _ratio(times["edition"], times["plain"])
    return {
        "site build, edition (s, median)": round(e, 2),
        "site build, plain Material (s, median)": round(p, 2),
        "site build: edition / plain (goal <= 2.0, beyond 1.5)": round(r, 2),
    }


class _Preview:
    """`mkdocs serve` of a project, and the seconds from an edit to the rebuilt site."""

    def __init__(self, project: Path, strict: bool):
        self.project = project
        command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"]
        self.process = subprocess.Popen(
            command + (["--strict"] if strict else []),
            cwd=project,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._wait_for("Serving on")
        time.sleep(2)  # the watcher starts with the server: an edit in its first moment would go unseen

    def _wait_for(self, words: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                raise RuntimeError(f"mkdocs serve stopped in {self.project}")
            if words in line:
                return
        raise TimeoutError(words)

    def edit(self, old: str, new: str) -> float:
        path = self.project / "docs" / EDIT[0]
        text = path.read_text(encoding="utf-8")
        start = time.monotonic()
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        self._wait_for("Documentation built in")
        return time.monotonic() - start

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def preview_ratio(runs: int, tmp: Path) -> dict:
    edition = _Preview(_copy_edition(tmp / "serve-edition"), strict=True)
    plain = _Preview(_plain_project(tmp / "serve-plain"), strict=False)
    times: dict[str, list[float]] = {"edition": [], "plain": []}
    try:
        for i in range(runs * 2):  # the word changed, then changed back: every edit a real change
            old, new = (EDIT[1], EDIT[2]) if i % 2 == 0 else (EDIT[2], EDIT[1])
            times["edition"].append(edition.edit(old, new))
            times["plain"].append(plain.edit(old, new))
    finally:
        edition.close()
        plain.close()
    e, p, r = _ratio(times["edition"], times["plain"])
    return {
        "preview, a word changed, edition (s, median)": round(e, 2),
        "preview, a word changed, plain Material (s, median)": round(p, 2),
        "preview: edition / plain (goal <= 2.0)": round(r, 2),
    }


def full_build(runs: int, tmp: Path) -> dict:
    """`make build`'s steps into a temporary site: the strict site build, then the books."""
    project = _copy_edition(tmp / "full")
    steps: dict[str, list[float]] = {"site": [], "books": []}
    layouts, output = [], ""
    for i in range(runs):
        site = tmp / f"full-site{i}"
        steps["site"].append(_build(project, site))
        start = time.monotonic()
        books = subprocess.run(
            [sys.executable, "-m", "redbook.book", str(site)], cwd=project, env=ENV, capture_output=True, text=True
        )
        books.check_returncode()
        steps["books"].append(time.monotonic() - start)
        output = books.stdout
        layouts.append(re.search(r"(\d+) layouts?", output).group(1))
    epub = float(re.search(r"epub: .* written in ([\d.]+) s", output).group(1))
    pdf = float(re.search(r"pdf: .* written in ([\d.]+) s", output).group(1))
    site, books = statistics.median(steps["site"]), statistics.median(steps["books"])
    pdf_file, epub_file = site_dir_file(tmp / f"full-site{runs - 1}")
    chapter = (tmp / f"full-site{runs - 1}" / "chapter-5.html").read_bytes()
    return {
        "full build: site + books (s, median; goal < 20)": round(site + books, 1),
        "  the site (s)": round(site, 1),
        "  the books, EPUB then PDF (s)": round(books, 1),
        "  of which the EPUB (s, last run)": epub,
        "  of which the PDF (s, last run)": pdf,
        "  the PDF's layouts, run by run (1: the last page map held)": ", ".join(layouts),
        "PDF size (MB)": round(pdf_file.stat().st_size / 1e6, 2),
        "EPUB size (MB)": round(epub_file.stat().st_size / 1e6, 2),
        "chapter-5.html (kB raw / gzip)": f"{len(chapter) / 1e3:.0f} / {len(gzip.compress(chapter, 6)) / 1e3:.0f}",
    }


def site_dir_file(site: Path) -> tuple[Path, Path]:
    return site / "red-book.pdf", site / "red-book.epub"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each side (default 3)")
    parser.add_argument("--reading", action="store_true", help="also open every page in Chromium")
    parser.add_argument("--only", default="build,preview,full", help="which measures: build, preview, full")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        chosen = set(args.only.split(","))
        measures = [
            m
            for name, m in (("build", build_ratio), ("preview", preview_ratio), ("full", full_build))
            if name in chosen
        ]
        for measure in measures:
            for key, value in measure(args.runs, tmp).items():
                print(f"{key:66} {value}", flush=True)
    if args.reading:
        from scripts.bench_reading import reading_cost

        for key, value in reading_cost().items():
            print(f"{key:66} {value}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
