"""Shared fixtures: the edition model, and one strict build of the site for the whole test session."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import redbook  # noqa: E402

from support import mkdocs_build  # noqa: E402,F401 - re-exported for older imports


@pytest.fixture(scope="session")
def edition() -> redbook.Edition:
    return redbook.load(ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as `mkdocs build --strict` writes it, built once for the session."""
    target = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, target)
    assert result.returncode == 0, result.stdout + result.stderr
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
