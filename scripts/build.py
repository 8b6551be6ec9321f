"""Build the whole edition into site/: a strict MkDocs build into a fresh folder, swapped in only when it
succeeded, so that a failed build never leaves a half-written site over a good one.

Strict means strict: MkDocs runs with --strict and without --quiet (which would stop it counting warnings), and
its INFO lines are filtered out here instead; what failed is printed. The swap is two renames (site -> site.old,
site.new -> site); a build killed between them is repaired when the next one starts, and an old site that
cannot be deleted (read-only, owned by someone else) is set aside instead of failing every later build.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Lines of MkDocs' output that say nothing about this build's problems.
NOISE = ("INFO ", "INFO\t", "INFO    -")


def _remove(path: Path) -> bool:
    """Delete a folder, making read-only parts writable first; False if it cannot be deleted."""

    def writable(func, name, _exc):
        os.chmod(os.path.dirname(name), stat.S_IRWXU)
        if os.path.exists(name) and not os.path.islink(name):
            os.chmod(name, stat.S_IRWXU)
        func(name)

    if not path.exists() and not path.is_symlink():
        return True
    try:
        os.chmod(path, stat.S_IRWXU)
        shutil.rmtree(path, onerror=writable)
    except OSError:
        return False
    return not path.exists()


def _set_aside(path: Path) -> None:
    """Move a folder that cannot be deleted out of the build's way, and say so."""
    if _remove(path):
        return
    aside = path.with_name(f"{path.name}.stale-{time.strftime('%Y%m%d-%H%M%S')}-{time.time_ns() % 10**9}")
    path.rename(aside)
    print(f"build: could not delete {path.name}/; moved it to {aside.name}/ (delete it by hand)", file=sys.stderr)


def recover(site: Path) -> None:
    """Repair what a build killed between the two renames left: site.old without site."""
    old = site.with_name(site.name + ".old")
    if old.exists() and not site.exists():
        old.rename(site)
        print(
            f"build: restored {site.name}/ from {old.name}/ (an earlier build stopped during the swap)", file=sys.stderr
        )


def swap(staging: Path, site: Path) -> None:
    """Put `staging` in place of `site` by two renames; the old site is deleted afterwards, or set aside."""
    old = site.with_name(site.name + ".old")
    _set_aside(old)
    if site.exists():
        site.rename(old)
    staging.rename(site)  # a kill before this line leaves site.old, which recover() puts back
    _set_aside(old)


def _run(command: list[str], env: dict) -> int:
    """Run a build step, printing only what is not MkDocs' INFO chatter; the return code."""
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    shown = [line for line in lines if not line.startswith(NOISE)]
    if shown:
        print("\n".join(shown), file=sys.stderr)
    elif result.returncode != 0:  # failed without a message of its own: show the end of its output
        print("\n".join(lines[-30:]), file=sys.stderr)
    return result.returncode


def build(site: Path = ROOT / "site") -> float:
    recover(site)
    staging = site.with_name(site.name + ".new")
    _set_aside(staging)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.monotonic()
    step = "mkdocs build --strict"
    code = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)], env)
    if code == 0:  # the printed book, from the site just built (redbook/book/__main__.py)
        step = "the PDF (redbook/book/__main__.py)"
        code = _run([sys.executable, "-m", "redbook.book", str(staging)], env)
    if code != 0:
        _set_aside(staging)
        sys.exit(
            f"build: failed in {step} (exit code {code}; its messages are above); the previous site/ is left as it was"
        )
    swap(staging, site)
    return time.monotonic() - start


if __name__ == "__main__":
    seconds = build()
    print(f"build: site/ written in {seconds:.1f} s")
