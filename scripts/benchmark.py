"""What the edition costs to build, to preview and to read on this machine: `make bench` (figures, never pass/fail).

Every comparison is made in one run, the two sides alternated, and the median of several runs reported, so that
the ratios hold on a busy machine where the seconds do not:

- the site build (`mkdocs build --strict`) against plain Material on the same Markdown (macro calls blanked);
- the preview (`mkdocs serve`'s rebuild, made in one process as the server makes it, in a project built once
  into site/ as `make serve` leaves it): a word changed in a chapter, against the same edit under plain
  Material's preview;
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


def timed_build(project: Path, site: Path, strict: bool = True) -> float:
    """The seconds of one `mkdocs build` of `project` into `site` (strict unless told)."""
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
        times["edition"].append(timed_build(edition, tmp / f"e{i}"))
        times["plain"].append(timed_build(plain, tmp / f"p{i}", strict=False))
    e, p, r = _ratio(times["edition"], times["plain"])
    return {
        "site build, edition (s, median)": round(e, 2),
        "site build, plain Material (s, median)": round(p, 2),
        "site build: edition / plain (goal <= 2.0, beyond 1.5)": round(r, 2),
    }


#: The preview's rebuild as `mkdocs serve` makes it, in one process: the configuration loaded again for each build
#: (plugins that define on_startup, as the edition's does, are kept across rebuilds), a word changed in between.
#: Run in the project's folder; it prints the seconds of each rebuild after an edit. (Timing the server's own file
#: watcher from outside proved unreliable here: its first events after start are not always delivered.)
PREVIEW = """
import sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
strict, runs, old, new = sys.argv[1] == "strict", int(sys.argv[2]), sys.argv[3], sys.argv[4]
def config():
    return load_config("mkdocs.yml", site_dir=sys.argv[5], strict=strict)
first = config()
first.plugins.on_startup(command="serve", dirty=False)
build(first, serve_url="http://127.0.0.1:8000/")
path = Path("docs") / "chapter-3.md"
for i in range(runs * 2):
    a, b = (old, new) if i % 2 == 0 else (new, old)
    path.write_text(path.read_text(encoding="utf-8").replace(a, b, 1), encoding="utf-8")
    start = time.monotonic()
    build(config(), serve_url="http://127.0.0.1:8000/")
    print(round(time.monotonic() - start, 3), flush=True)
"""


def _rebuilds(project: Path, strict: bool, runs: int, site: Path) -> list[float]:
    command = [sys.executable, "-c", PREVIEW, "strict" if strict else "lax", str(runs), EDIT[1], EDIT[2], str(site)]
    result = subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True, check=True)
    return [float(line) for line in result.stdout.split()]


def preview_ratio(runs: int, tmp: Path) -> dict:
    edition, plain = _copy_edition(tmp / "serve-edition"), _plain_project(tmp / "serve-plain")
    timed_build(edition, edition / "site")  # as `make serve` finds the project: built by `make build` just before
    times: dict[str, list[float]] = {"edition": [], "plain": []}
    for i in range(runs):  # alternated: each side's rebuilds, in turn
        times["edition"] += _rebuilds(edition, True, 1, tmp / f"serve-e{i}")
        times["plain"] += _rebuilds(plain, False, 1, tmp / f"serve-p{i}")
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
        steps["site"].append(timed_build(project, site))
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
