"""The way off MkDocs 1.x: the edition builds with ProperDocs as it does with MkDocs.

ProperDocs (the `properdocs` package, a continuation of MkDocs 1.6) reads the same mkdocs.yml and runs the same
theme, plugins and hooks. `properdocs build --strict -f mkdocs.yml` must give a site whose every page has the
same article text as the MkDocs build of the session (the `site` fixture), the same files, the same search
index, open data and e-book contents; and its strict mode must stop on the edition's own warnings as MkDocs's
does. The pull-request workflow runs this file as a job of its own (.github/workflows/check.yml).
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import redbook
from redbook.book import epub

from support import ROOT

# The banners of Material (NO_MKDOCS_2_WARNING) and of ProperDocs (DISABLE_MKDOCS_2_WARNING) are not warnings of
# the build (they are printed, not logged) and say nothing about the edition: off, as in every build of the project.
QUIET_BANNERS = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
# Parts of a built file that name the engine or the moment of the build, not the edition.
ENGINE_OR_CLOCK = [
    re.compile(rb'<meta name="generator" content="[^"]*"/?>'),
    re.compile(rb'<meta property="dcterms:modified">[^<]*</meta>'),
]


def properdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`properdocs build --strict -f mkdocs.yml -d SITE`, run in `project` with the .venv's ProperDocs."""
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)]
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, env={**os.environ, **QUIET_BANNERS}, timeout=600
    )


def article_text(page: Path) -> str:
    """The text a reader reads on a built page: Material's article, or the whole body where a page has none."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    article = soup.select_one("article.md-content__inner") or soup.body
    return article.get_text()


def _first_difference(a: str, b: str) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = max(0, at - 60)
    return f"at character {at}: {a[start : at + 60]!r} / {b[start : at + 60]!r}"


def _without_engine_or_clock(data: bytes) -> bytes:
    for pattern in ENGINE_OR_CLOCK:
        data = pattern.sub(b"", data)
    return data


def _epub_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as epub:
        return {name: _without_engine_or_clock(epub.read(name)) for name in epub.namelist()}


def differences(mkdocs_site: Path, other_site: Path) -> list[str]:
    """Every difference between two builds of the edition that a reader or a download could see."""
    files_a = {p.relative_to(mkdocs_site).as_posix() for p in mkdocs_site.rglob("*") if p.is_file()}
    files_b = {p.relative_to(other_site).as_posix() for p in other_site.rglob("*") if p.is_file()}
    found = [f"{name}: only in the MkDocs build" for name in sorted(files_a - files_b)]
    found += [f"{name}: only in the other build" for name in sorted(files_b - files_a)]
    for name in sorted(files_a & files_b):
        a, b = mkdocs_site / name, other_site / name
        if name.endswith(".html"):
            text_a, text_b = article_text(a), article_text(b)
            if text_a != text_b:
                found.append(f"{name}: the article text differs {_first_difference(text_a, text_b)}")
        elif name.endswith(".epub"):
            members_a, members_b = _epub_members(a), _epub_members(b)
            changed = sorted(m for m in members_a.keys() | members_b.keys() if members_a.get(m) != members_b.get(m))
            if changed:
                found.append(f"{name}: these files of the e-book differ: {', '.join(changed)}")
        elif name.endswith(".gz"):
            if gzip.decompress(a.read_bytes()) != gzip.decompress(b.read_bytes()):
                found.append(f"{name}: the contents differ")
        elif a.read_bytes() != b.read_bytes():
            found.append(f"{name}: the contents differ")
    return found


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("properdocs") / "site"
    result = properdocs_build(ROOT, target)
    assert result.returncode == 0, "properdocs build --strict failed:\n" + result.stdout + result.stderr
    epub.write_epub(redbook.load(ROOT), target)  # as `make build` does after either engine's build
    return target


def test_properdocs_built_the_site(properdocs_site):
    """The engine really was ProperDocs (it names itself in the generator line), not MkDocs under another name."""
    soup = BeautifulSoup((properdocs_site / "chapter-1.html").read_text(encoding="utf-8"), "lxml")
    assert "ProperDocs" in soup.select_one('meta[name="generator"]')["content"]


def test_properdocs_gives_every_page_the_text_of_the_mkdocs_build(site, properdocs_site):
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) >= 10, pages  # the chapters, the foreword, the title page and the generated pages
    found = differences(site, properdocs_site)
    assert not found, "ProperDocs and MkDocs built different sites:\n  " + "\n  ".join(found)


def test_the_comparison_sees_a_changed_word_a_missing_page_and_a_changed_download(site, tmp_path):
    """The comparison can fail: a copy of the MkDocs build, changed in three places, differs in those three."""
    other = tmp_path / "other"
    shutil.copytree(site, other)
    _change_first_article_word(other / "foreword.html")
    (other / "rosters.html").unlink()
    download = next(p for p in sorted((other / "downloads").iterdir()) if p.is_file())
    download.write_bytes(download.read_bytes() + b"\n")
    found = differences(site, other)
    assert sorted(line.split(":")[0] for line in found) == sorted(
        ["foreword.html", "rosters.html", f"downloads/{download.name}"]
    ), found


def _change_first_article_word(page: Path) -> None:
    """Change the first word of the article's first paragraph (the page is written again by BeautifulSoup)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    text = next(t for t in soup.select_one("article.md-content__inner p").find_all(string=True) if t.strip())
    text.replace_with(text.replace(text.split()[0], text.split()[0][::-1] + "X", 1))
    page.write_text(str(soup), encoding="utf-8")


def test_properdocs_strict_stops_on_a_warning_of_the_edition(project_copy):
    """A source that no place cites is a warning of the edition (redbook/render/citations.py): ProperDocs's strict mode
    counts it as MkDocs's does, so the way off MkDocs keeps every check of the edition."""
    bib = project_copy / "data" / "sources.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8")
        + "\n@misc{uncited,\n  title = {{Cited from nowhere}},\n  keywords = {other},\n}\n",
        encoding="utf-8",
    )
    result = properdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "the source 'uncited' is cited from no place in the book" in output, output[-3000:]
    assert "Aborted with 1 warnings in strict mode" in output, output[-3000:]
