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
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                       cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        seconds = time.monotonic() - start
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {"site build (s)": round(seconds, 2), "site size (MB)": round(size / 1e6, 2)}


MEASUREMENTS = [site_build]


if __name__ == "__main__":
    for measure in MEASUREMENTS:
        for name, value in measure().items():
            print(f"{name:40} {value}")
    shutil.rmtree(ROOT / ".benchmark", ignore_errors=True)
