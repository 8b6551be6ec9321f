"""Shared fixtures: the edition model, and one strict build of the site for the whole test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import redbook
from redbook.book import epub

from support import mkdocs_build  # noqa: F401 - re-exported for older imports

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def edition() -> redbook.Edition:
    return redbook.load(ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as `make build` writes it (the PDF aside), built once for the session."""
    target = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, target)
    assert result.returncode == 0, result.stdout + result.stderr
    epub.write_epub(redbook.load(ROOT), target)  # as `make build` does after the MkDocs build (the PDF: test_pdf)
    return target


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
