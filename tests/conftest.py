"""Shared fixtures: the edition model, one strict build of the site and one PDF of it for the whole test session."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

import redbook
from redbook.book import epub
from redbook.book import pdf as book_pdf

from support import built_once, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config):
    """One clock for the run: every build of it (the session's site, ProperDocs', the PDF, in every worker) is
    dated by the moment the run began (SOURCE_DATE_EPOCH, unless it is set already), so that a run that crosses
    midnight UTC compares builds of one day. pytest-xdist's workers inherit it from the controller, whose
    configuration runs before they start."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))


# The fixtures that stand for a built site or book: a test that asks for one (directly or through another
# fixture) is in the full lane. A test that builds by itself is marked `full` where it is written, and the
# fast lane refuses to build at all (support.refuse_in_fast_lane), so that a test in the wrong lane fails.
BUILT = frozenset({"site", "pdf"})


def pytest_collection_modifyitems(config, items):
    """Two lanes: `full` (builds, books, browsers) and the rest, the fast lane (`make check-fast`)."""
    for item in items:
        if BUILT & set(getattr(item, "fixturenames", ())) or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.full)


@pytest.fixture(scope="session")
def edition() -> redbook.Edition:
    return redbook.load(ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as `make build` writes it (the PDF aside), built once for the session."""

    def make(folder: Path) -> None:
        result = mkdocs_build(ROOT, folder / "site")
        assert result.returncode == 0, result.stdout + result.stderr
        epub.write_epub(redbook.load(ROOT), folder / "site")  # as `make build` does after the MkDocs build

    return built_once(tmp_path_factory, "site", make) / "site"


@pytest.fixture(scope="session")
def pdf(site, edition, tmp_path_factory) -> Path:
    """The PDF of the session's site, built once (tests/test_pdf.py, tests/test_pdf_ua.py)."""
    return (
        built_once(tmp_path_factory, "pdf", lambda folder: book_pdf.build(site, folder / book_pdf.PDF_NAME, edition))
        / book_pdf.PDF_NAME
    )


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project's sources, for tests that break them on purpose."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "docs", "footnotes", "data", "source", "macros", "scripts", "redbook", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, copy / name)
    return copy
