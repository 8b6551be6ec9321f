"""Helpers the tests import by name (a conftest.py cannot be imported reliably: tests/browser has its own)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site)], cwd=project,
                          capture_output=True, text=True, env=env, timeout=600)
