"""What the edition costs to build, to preview and to test on this machine: `make bench` (figures, never pass/fail).

Every comparison is made in one run, the sides alternated, and the median of the runs reported, so that the ratios
hold on a busy machine where the seconds do not. The sides: the edition as it is in this folder ("now"), plain
Material on the same Markdown (macro calls blanked), and the edition as it was at BASE, checked out of git into a
temporary folder ("before"):

- the cold site build (`mkdocs build --strict`): now / plain, and before / plain;
- the preview (`mkdocs serve`'s rebuilds, made in one process as the server makes them, scripts/preview_driver.py,
  in a project built once into site/ as `make serve` leaves it): after a word changed in a chapter, and after a
  person's identification changed (data/identifications.yml), against plain Material's rebuild after the same
  word (plain Material has no data files: a rebuild after one Markdown edit is its nearest), now and before;
- `make build` (site, downloads, EPUB, PDF; scripts/build.py): now / before, run again with nothing changed and
  after a word of a chapter changed; and, after the word, now's PDF step alone (the one layout of the book and its
  writing, which a full build may not skip) against before's whole `make build`, with the pages of both books;
- with --suite, `make test` (every test) and its fast lane (`pytest -m "not full"`): now / before, with the number
  of tests each ran (long: the two suites run one after the other, once each unless --runs says more);
- with --reading, each page opened cold in Chromium (scripts/bench_reading.py).

    python -m scripts.benchmark [--runs N] [--only build,preview,full] [--suite] [--reading]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = "42d0e22"  # the commit this round's figures are measured against (issue 24)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
PLAIN_CONFIG = """site_name: The Red Book on the Moscow Trials
use_directory_urls: false
theme:
  name: material
  font: false
markdown_extensions: [attr_list, md_in_html, sane_lists, tables, toc]
plugins: [search]
"""
WORD = ("docs/chapter-3.md", "assassination", "assasination")  # a word of chapter 3, changed and changed back
IDENTIFICATION = ("data/identifications.yml", "a supporter of Zinoviev.", "a supporter of G. Zinoviev.")
DRIVER = ROOT / "scripts" / "preview_driver.py"


# -- the sides ----------------------------------------------------------------------------------------------
def _now(to: Path) -> Path:
    """The project as it is in this folder: every file git tracks or would track (not site/, not .venv/)."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, (n.decode() for n in listed)):
        src = ROOT / name
        if src.is_file():
            (to / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, to / name)
    return to


def _before(to: Path) -> Path:
    """The project at BASE, out of git."""
    archive = subprocess.run(["git", "archive", BASE], cwd=ROOT, capture_output=True, check=True).stdout
    to.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(to, filter="data")
    return to


def _plain(to: Path) -> Path:
    (to / "docs").mkdir(parents=True)
    for md in (ROOT / "docs").glob("*.md"):
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", md.read_text(encoding="utf-8"), flags=re.S)
        (to / "docs" / md.name).write_text(text, encoding="utf-8")
    (to / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return to


def _env(project: Path) -> dict:
    return {**ENV, "PYTHONPATH": str(project)}


def _median(values: list[float]) -> float:
    return statistics.median(values)


# -- the measures -------------------------------------------------------------------------------------------
def timed_build(project: Path, site: Path, strict: bool = True) -> float:
    """The seconds of one `mkdocs build` of `project` into `site` (strict unless told)."""
    start = time.monotonic()
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)] + (
        ["--strict"] if strict else []
    )
    subprocess.run(command, cwd=project, check=True, env=_env(project), capture_output=True)
    return time.monotonic() - start


def build_ratio(runs: int, tmp: Path) -> dict:
    sides = {"now": _now(tmp / "b-now"), "before": _before(tmp / "b-before"), "plain": _plain(tmp / "b-plain")}
    times: dict[str, list[float]] = {name: [] for name in sides}
    for i in range(runs):  # alternated, so that a busy moment of the machine falls on every side
        for name, project in sides.items():
            times[name].append(timed_build(project, tmp / f"b-{name}-{i}", strict=name != "plain"))
    now, before, plain = (_median(times[n]) for n in ("now", "before", "plain"))
    return {
        "cold site build, now / before / plain (s, median)": f"{now:.2f} / {before:.2f} / {plain:.2f}",
        "cold site build: now / plain (goal <= 3.0)": round(now / plain, 2),
        "cold site build: before / plain": round(before / plain, 2),
    }


def _rebuilds(project: Path, edit: tuple[str, str, str], runs: int, tmp: Path, strict: bool = True) -> list[float]:
    """The seconds of 2 x `runs` rebuilds after `edit` and its undoing, in one process as `mkdocs serve`."""
    file, old, new = edit
    args = ([] if strict else ["--lax"]) + [str(tmp / "first")]
    for i in range(runs):
        args += [file, old, new, str(tmp / f"a{i}"), file, new, old, str(tmp / f"b{i}")]
    result = subprocess.run(
        [sys.executable, str(DRIVER), *args], cwd=project, env=_env(project), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(result.stdout[-2000:] + result.stderr[-2000:])
    return [json.loads(line)["seconds"] for line in result.stdout.splitlines() if line.startswith("{")]


def preview_ratio(runs: int, tmp: Path) -> dict:
    sides = {"now": _now(tmp / "s-now"), "before": _before(tmp / "s-before")}
    plain = _plain(tmp / "s-plain")
    for project in sides.values():  # as `make serve` finds the project: built by `make build` just before
        subprocess.run([sys.executable, "scripts/build.py"], cwd=project, env=_env(project), check=True)
    times: dict[str, list[float]] = {}
    for i in range(runs):  # alternated: each side's rebuilds, in turn
        for name, project in sides.items():
            for label, edit in (("word", WORD), ("identification", IDENTIFICATION)):
                times.setdefault(f"{name} {label}", []).extend(_rebuilds(project, edit, 1, tmp / f"r-{name}{label}{i}"))
        times.setdefault("plain word", []).extend(_rebuilds(plain, WORD, 1, tmp / f"r-plain{i}", strict=False))
    m = {key: _median(values) for key, values in times.items()}
    p = m["plain word"]
    return {
        "preview, a word: now / before / plain (s, median)": f"{m['now word']:.2f} / {m['before word']:.2f} / {p:.2f}",
        "preview, a word: now / plain (goal <= 2.0)": round(m["now word"] / p, 2),
        "preview, a word: before / plain": round(m["before word"] / p, 2),
        "preview, an identification: now / before (s, median)": f"{m['now identification']:.2f} / "
        f"{m['before identification']:.2f}",
        "preview, an identification: now / plain's word (goal <= 3.0)": round(m["now identification"] / p, 2),
        "preview, an identification: before / plain's word": round(m["before identification"] / p, 2),
    }


def _make_build(project: Path) -> tuple[float, str]:
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "scripts/build.py"], cwd=project, env=_env(project), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(result.stdout[-2000:] + result.stderr[-2000:])
    return time.monotonic() - start, result.stdout + result.stderr


def _swap_word(project: Path, turn: int) -> None:
    """Change the bench's word of a chapter (even turns) or change it back (odd turns)."""
    file, old, new = WORD
    old, new = (old, new) if turn % 2 == 0 else (new, old)
    path = project / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def full_build(runs: int, tmp: Path) -> dict:
    """`make build` (scripts/build.py: the strict site, the downloads, the EPUB and the PDF), now and before: as
    run again with nothing changed (each side's first run is cold), and after a word of a chapter changed (the
    printed book must then be laid out again)."""
    sides = {"now": _now(tmp / "f-now"), "before": _before(tmp / "f-before")}
    times: dict[str, list[float]] = {name: [] for name in sides}
    edited: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(runs):
        for name, project in sides.items():
            times[name].append(_make_build(project)[0])
    pdf_step: list[float] = []  # now's PDF step alone after the word (its own figure, printed by the step)
    for turn in range(runs):
        for name, project in sides.items():
            _swap_word(project, turn)
            seconds, output = _make_build(project)
            edited[name].append(seconds)
            if name == "now":
                pdf_step.append(_pdf_seconds(output))
    now, before = _median(times["now"]), _median(times["before"])
    now_word, before_word = _median(edited["now"]), _median(edited["before"])
    pdf, epub = sides["now"] / "site" / "red-book.pdf", sides["now"] / "site" / "red-book.epub"
    return {
        "make build, nothing changed: now / before (s, median)": f"{now:.1f} / {before:.1f}",
        "make build, nothing changed: now / before (goal <= 0.60)": round(now / before, 2),
        "make build after one word: now / before (s, median)": f"{now_word:.1f} / {before_word:.1f}",
        "make build after one word: now / before (goal <= 0.60)": round(now_word / before_word, 2),
        # the part of it no cache may skip (a full build reuses nothing it has not proved equal): one layout of
        # the book and its writing, against the whole of before's make build after the same word
        "after one word, now's PDF step alone / before's make build": round(_median(pdf_step) / before_word, 2),
        "PDF pages, now / before": f"{_pages(pdf)} / {_pages(sides['before'] / 'site' / 'red-book.pdf')}",
        "PDF size (MB)": round(pdf.stat().st_size / 1e6, 2),
        "EPUB size (MB)": round(epub.stat().st_size / 1e6, 2),
    }


def _pdf_seconds(output: str) -> float:
    """The seconds the PDF step gives of itself ("pdf: site/red-book.pdf written in 30.1 s ...")."""
    found = re.search(r"^pdf: .* written in ([\d.]+) s", output, flags=re.M)
    if found is None:
        raise SystemExit(f"the PDF step printed no time of its own:\n{output[-2000:]}")
    return float(found.group(1))


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def _suite(project: Path, *marker: str) -> tuple[float, int]:
    """The seconds of one run of the suite, and how many tests it ran (passed, failed or skipped)."""
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *marker],
        cwd=project,
        env=_env(project),
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - start
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    ran = sum(int(n) for n, _ in re.findall(r"(\d+) (passed|failed|skipped|error)", summary))
    return seconds, ran


def suite(runs: int, tmp: Path) -> dict:
    """`make test` now and before, and the fast lane now (the suite's result is the tests' business, not this)."""
    sides = {"now": _now(tmp / "t-now"), "before": _before(tmp / "t-before")}
    times: dict[str, list[float]] = {"now": [], "before": [], "fast": []}
    count: dict[str, int] = {}
    for _ in range(runs):
        for name, project in sides.items():
            seconds, count[name] = _suite(project)
            times[name].append(seconds)
        seconds, count["fast"] = _suite(sides["now"], "-m", "not full")
        times["fast"].append(seconds)
    now, before, fast = (_median(times[n]) for n in ("now", "before", "fast"))
    return {
        "make test, now / before (s)": f"{now:.0f} / {before:.0f}",
        "tests run, now / before / the fast lane": f"{count['now']} / {count['before']} / {count['fast']}",
        "make test: now / before (goal <= 0.60)": round(now / before, 2),
        "the fast lane, now (s; goal < 120)": round(fast),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each side (default 3; the suites: 1)")
    parser.add_argument("--reading", action="store_true", help="also open every page in Chromium")
    parser.add_argument("--suite", action="store_true", help="also run the test suites, now and before")
    parser.add_argument("--only", default="build,preview,full", help="which measures: build, preview, full")
    args = parser.parse_args(argv)
    chosen = set(args.only.split(","))
    measures = [(m, args.runs) for n, m in (("build", build_ratio), ("preview", preview_ratio), ("full", full_build))]
    measures = [(m, r) for (m, r), n in zip(measures, ("build", "preview", "full")) if n in chosen]
    if args.suite:
        measures.append((suite, 1 if args.runs == 3 else args.runs))
    print(f"{'(now: this folder; before: ' + BASE + '; plain: Material alone)':66}", flush=True)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for measure, runs in measures:
            for key, value in measure(runs, tmp).items():
                print(f"{key:66} {value}", flush=True)
    if args.reading:
        from scripts.bench_reading import reading_cost

        for key, value in reading_cost().items():
            print(f"{key:66} {value}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
