"""Helpers the tests import by name (a conftest.py cannot be imported reliably: tests/browser has its own)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def built_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made once for the whole run, also when pytest-xdist runs the tests in several workers (make
    test): the first worker that asks makes it under a lock, the others wait for it and then read it."""
    from filelock import FileLock

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, shared by its workers
    folder, done = base / name, base / f"{name}.done"
    with FileLock(str(base / f"{name}.lock")):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def first_difference(expected: list[str], actual: list[str], output: str) -> str:
    """Where `output`'s words first part from the copy-text's, with some words around it; "" where none do."""
    import difflib

    matcher = difflib.SequenceMatcher(a=expected, b=actual, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            return (
                f"{tag} at copy-text word {a1}: copy-text {' '.join(expected[max(0, a1 - 8) : a2 + 3])!r}\n"
                f"{output} gives {' '.join(actual[max(0, b1 - 8) : b2 + 3])!r}"
            )
    return ""


def replace_first(path: Path, old: str, new: str, count: int = 1) -> None:
    """Change a source file of a project copy: `old` must be there; its first `count` occurrences change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def replace_once(path: Path, old: str, new: str) -> None:
    """Change a source file of a project copy where `old` stands exactly once."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The number of the first line of `path` that contains `needle`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def load_fails_with(project: Path, pattern: str, at: str | None = None) -> str:
    """Loading the model of `project` fails; its message matches `pattern`, names `at` ("file:line" or "file")
    when given, and says how to fix it. The message."""
    import pytest

    import redbook

    with pytest.raises(redbook.EditionError) as caught:
        redbook.load(project)
    message = str(caught.value)
    assert re.search(pattern, message), f"{pattern!r} not in:\n{message}"
    if at is not None:
        assert f"{at}:" in message, f"{at}: not in:\n{message}"
    assert "fix:" in message, message
    return message


def build_fails_with(project: Path, *patterns: str) -> str:
    """A strict build of `project` fails, its output matches every pattern and says how to fix it."""
    result = mkdocs_build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for pattern in patterns:
        assert re.search(pattern, output), f"{pattern!r} not in:\n{output[-3000:]}"
    assert "fix:" in output, output[-3000:]
    return output
