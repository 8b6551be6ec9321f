"""Print what the edition costs to build and to read on this machine (figures, not pass/fail).

Each measurement is a function registered in MEASUREMENTS; run with `make bench`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def site_build() -> dict:
    """Seconds for `mkdocs build --strict` of the site alone, and the site's size."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        start = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
            cwd=ROOT,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        seconds = time.monotonic() - start
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {"site build (s)": round(seconds, 2), "site size (MB)": round(size / 1e6, 2)}


def pdf_build() -> dict:
    """Seconds to make the PDF from a built site (scripts/book/pdf.py), its size and page count."""
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
            cwd=ROOT,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        start = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "scripts.book.pdf", str(site), str(site / "red-book.pdf")],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        seconds = time.monotonic() - start
        pdf = site / "red-book.pdf"
        return {
            "PDF build (s)": round(seconds, 2),
            "PDF size (MB)": round(pdf.stat().st_size / 1e6, 2),
            "PDF pages": len(PdfReader(pdf).pages),
        }


def epub_build() -> dict:
    """Seconds to make the EPUB from a built site (scripts/book/epub.py), its size, the open data's size, and
    EPUBCheck's verdict where Debian's epubcheck is installed."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
            cwd=ROOT,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        start = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "scripts.book.epub", str(site)], cwd=ROOT, check=True, capture_output=True
        )
        seconds = time.monotonic() - start
        epub = site / "red-book.epub"
        data = sum(p.stat().st_size for p in (site / "downloads").iterdir())
        figures = {
            "EPUB build (s)": round(seconds, 2),
            "EPUB size (MB)": round(epub.stat().st_size / 1e6, 3),
            "open data size (kB)": round(data / 1e3, 1),
        }
        jar = Path("/usr/share/java/epubcheck.jar")
        if jar.exists() and shutil.which("java"):
            start = time.monotonic()
            check = subprocess.run(["java", "-jar", str(jar), str(epub)], capture_output=True, text=True)
            verdict = next((line for line in check.stdout.splitlines() if line.startswith("Messages")), "no verdict")
            figures["EPUBCheck (s)"] = round(time.monotonic() - start, 1)
            figures["EPUBCheck"] = verdict.removeprefix("Messages: ")
        return figures


sys.path.insert(0, str(ROOT))
from scripts.bench_reading import build_ratio, reading_cost  # noqa: E402  the reader's side, in Chromium

MEASUREMENTS = [site_build, pdf_build, epub_build, build_ratio, reading_cost]


if __name__ == "__main__":
    for measure in MEASUREMENTS:
        for name, value in measure().items():
            print(f"{name:40} {value}")
    shutil.rmtree(ROOT / ".benchmark", ignore_errors=True)
