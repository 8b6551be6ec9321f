"""The preview's page cache (redbook/plugin/pagecache.py): a rebuild that takes pages from the cache writes
exactly what a cold build of the same sources writes, byte for byte and by scripts/compare_outputs.py; and the
comparison fails when a planted fault makes the cache reuse a stale page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.compare_outputs import compare

pytestmark = pytest.mark.full  # three preview builds and two cold ones of a copy of the project

# A word of a chapter, then a person's identification (which reaches the chapters through their cards only), then
# the reason of an emendation of chapter 1 (which a chapter is keyed by only for its own emendations).
EDITS = [
    ("docs/chapter-3.md", "assassination", "assasination"),
    ("data/identifications.yml", "a supporter of Zinoviev.", "a supporter of G. Zinoviev."),
    ("data/emendations.yml", "Misprint (capital F in mid-sentence).", "Misprint (a capital F in mid-sentence)."),
]
# The planted fault: a content key that forgets the page's Markdown, so an edited chapter is taken as it was.
STALE = (
    "import scripts.preview_driver as d, redbook.plugin.pagecache as c; "
    "k = c.PageCache.content_key; "
    "c.PageCache.content_key = lambda self, page, markdown, own: k(self, page, '', own); "
    "import sys; sys.exit(d.main(sys.argv[1:]))"
)
# The second: a content key that forgets the page's own emendations, so a corrected reason is not shown.
STALE_OWN = STALE.replace("k(self, page, '', own)", "k(self, page, markdown, '' if own is not None else None)")


def _env(project: Path) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}


def _preview(project: Path, sites: list[Path], fault: str | None = None) -> list[dict]:
    """The project built as `mkdocs serve` builds it into sites[0], then rebuilt after each edit into the next
    (with `fault`, the code of a planted fault)."""
    args = [str(sites[0])]
    for (file, old, new), site in zip(EDITS, sites[1:]):
        args += [file, old, new, str(site)]
    command = [sys.executable, "-c", fault, *args] if fault else [sys.executable, "-m", "scripts.preview_driver", *args]
    result = subprocess.run(command, cwd=project, env=_env(project), capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def _cold(project: Path, site: Path) -> None:
    """A build with an empty cache, as the first build of `mkdocs serve` makes it."""
    result = subprocess.run(
        [sys.executable, "-m", "scripts.preview_driver", str(site)],
        cwd=project,
        env=_env(project),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _differences(a: Path, b: Path) -> list[str]:
    one, two = _files(a), _files(b)
    named = [f"only in one: {name}" for name in sorted(set(one) ^ set(two))]
    return named + [f"differs: {name}" for name in sorted(set(one) & set(two)) if one[name] != two[name]]


def _copy(project: Path, to: Path, edited: bool) -> Path:
    """Another copy of the project, with both edits made (for the cold build) or none (for the stale run)."""
    shutil.copytree(project, to, ignore=shutil.ignore_patterns("__pycache__"))
    for file, old, new in EDITS if edited else ():
        path = to / file
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return to


def test_a_warm_preview_writes_what_a_cold_build_writes_and_a_stale_page_is_caught(project_copy, tmp_path):
    for file, old, _new in EDITS:
        assert old in (project_copy / file).read_text(encoding="utf-8"), (file, old)
    cold_project = _copy(project_copy, tmp_path / "edited", edited=True)
    stale_copy = _copy(project_copy, tmp_path / "unedited", edited=False)
    stale_own_copy = _copy(project_copy, tmp_path / "unedited-2", edited=False)
    warm = [tmp_path / f"warm{i}" for i in range(len(EDITS) + 1)]
    rebuilds = _preview(project_copy, warm)
    _cold(cold_project, tmp_path / "cold")

    # what the cache did: the word's edit rendered its chapter alone; the card's edit rendered no chapter; the
    # emendation's edit rendered its chapter, and not the others
    word, card, emendation = rebuilds
    assert "chapter-3.md" not in word["reused"] and "chapter-3.md" in word["rendered"]
    assert {"chapter-1.md", "chapter-5.md", "persons.md"} <= set(word["reused"])
    assert not any(name.startswith("chapter-") for name in card["rendered"])
    assert "persons.md" in card["rendered"]  # the index of persons gives the identification in its Markdown
    assert "chapter-1.md" in emendation["rendered"] and "chapter-3.md" in emendation["reused"]

    assert _differences(warm[-1], tmp_path / "cold") == []
    assert compare(warm[-1], tmp_path / "cold") == []

    stale = [tmp_path / f"stale{i}" for i in range(len(EDITS) + 1)]
    _preview(stale_copy, stale, STALE)
    found = _differences(stale[-1], tmp_path / "cold")
    assert "differs: chapter-3.html" in found, found
    assert any("assassination" in line or "assasination" in line for line in compare(stale[-1], tmp_path / "cold"))

    stale_own = [tmp_path / f"stale-own{i}" for i in range(len(EDITS) + 1)]
    _preview(stale_own_copy, stale_own, STALE_OWN)
    found = _differences(stale_own[-1], tmp_path / "cold")
    assert "differs: chapter-1.html" in found and "differs: chapter-3.html" not in found, found
