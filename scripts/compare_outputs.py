"""Compare two builds of the edition, output by output, and print the differences of their text.

    python -m scripts.compare_outputs BEFORE AFTER        (two site folders, each with red-book.pdf and .epub)

For each page of the site: the words of the page's article (what a reader reads, the popovers' words included),
and the page's apparatus as the markup declares it (ids of the elements). For the PDF: its text as pdftotext
gives it, page by page. For the EPUB: the words of each XHTML file. For the downloads: each file's content
(JSON and CSV as text). Differences are printed as a unified diff of words (at most LIMIT lines an output);
the exit status is 1 when any output differs, so that a refactoring can prove it changed nothing.
"""

from __future__ import annotations

import difflib
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import html as lxml_html

LIMIT = 40
VOLATILE = ("built", "generated", "date", "modified")  # build-day stamps differ between any two builds


def _page_words(path: Path) -> list[str]:
    tree = lxml_html.fromstring(path.read_bytes())
    article = tree.find(".//article")
    root = article if article is not None else tree
    return " ".join(root.itertext()).split()


def _page_ids(path: Path) -> list[str]:
    tree = lxml_html.fromstring(path.read_bytes())
    return sorted(e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id"))


def _pdf_lines(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [" ".join(line.split()) for line in text.stdout.splitlines() if line.strip()]


def _epub_words(epub: Path) -> dict[str, list[str]]:
    out = {}
    with zipfile.ZipFile(epub) as book:
        for name in sorted(book.namelist()):
            if name.endswith(".xhtml"):
                tree = lxml_html.fromstring(book.read(name))
                out[name] = " ".join(tree.itertext()).split()
    return out


def _diff(label: str, before: list[str], after: list[str]) -> list[str]:
    if before == after:
        return []
    lines = list(difflib.unified_diff(before, after, f"before/{label}", f"after/{label}", n=2, lineterm=""))
    return lines[:LIMIT] + ([f"... {len(lines) - LIMIT} more lines"] if len(lines) > LIMIT else [])


def _stable(lines: list[str]) -> list[str]:
    return [line for line in lines if not any(v in line.lower() for v in VOLATILE)]


def compare(before: Path, after: Path) -> list[str]:
    report: list[str] = []
    pages_b = {p.relative_to(before).as_posix() for p in before.rglob("*.html")}
    pages_a = {p.relative_to(after).as_posix() for p in after.rglob("*.html")}
    for name in sorted(pages_b ^ pages_a):
        report.append(f"page {name}: only {'before' if name in pages_b else 'after'}")
    for name in sorted(pages_b & pages_a):
        report += _diff(f"{name} (words)", _stable(_page_words(before / name)), _stable(_page_words(after / name)))
        report += _diff(f"{name} (ids)", _page_ids(before / name), _page_ids(after / name))
    if (before / "red-book.pdf").exists() and (after / "red-book.pdf").exists():
        report += _diff(
            "red-book.pdf", _stable(_pdf_lines(before / "red-book.pdf")), _stable(_pdf_lines(after / "red-book.pdf"))
        )
    if (before / "red-book.epub").exists() and (after / "red-book.epub").exists():
        epub_b, epub_a = _epub_words(before / "red-book.epub"), _epub_words(after / "red-book.epub")
        for name in sorted(set(epub_b) | set(epub_a)):
            report += _diff(f"red-book.epub/{name}", _stable(epub_b.get(name, [])), _stable(epub_a.get(name, [])))
    data_b, data_a = before / "downloads", after / "downloads"
    if data_b.is_dir() and data_a.is_dir():
        for name in sorted({p.name for p in data_b.iterdir()} | {p.name for p in data_a.iterdir()}):
            old = (data_b / name).read_text(encoding="utf-8").splitlines() if (data_b / name).exists() else []
            new = (data_a / name).read_text(encoding="utf-8").splitlines() if (data_a / name).exists() else []
            report += _diff(f"downloads/{name}", _stable(old), _stable(new))
    return report


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    report = compare(Path(argv[0]), Path(argv[1]))
    print("\n".join(report) if report else "no differences in the text of any output")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
