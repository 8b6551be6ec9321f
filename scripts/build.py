"""Build the whole edition into site/: a strict MkDocs build into a fresh folder, swapped in only when it
succeeded, so that a failed build never leaves a half-written site over a good one."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(site: Path = ROOT / "site") -> float:
    staging = site.with_name(site.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.monotonic()
    # Never --quiet: it drops warnings before --strict counts them, and a build with warnings would pass.
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                             "--site-dir", str(staging)], cwd=ROOT, env=env)
    if result.returncode == 0:  # the printed book, from the site just built (scripts/book/pdf.py)
        result = subprocess.run([sys.executable, "-m", "scripts.book.pdf", str(staging)], cwd=ROOT, env=env)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        sys.exit("build: failed; the previous site/ is left as it was")
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return time.monotonic() - start


if __name__ == "__main__":
    seconds = build()
    print(f"build: site/ written in {seconds:.1f} s")
