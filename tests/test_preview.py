"""The preview (`make serve`): a rebuild makes the pages and offers the downloads of the last `make build`, as it
offers its books; with no such build, or one that lacks a download the edition now offers, it makes them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

#: Builds as `mkdocs serve` makes them, in one process (the plugin kept across them), into each folder named.
SERVE = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
first = None
for folder in sys.argv[1:]:
    config = load_config("mkdocs.yml", site_dir=folder, strict=True)
    if first is None:
        config.plugins.on_startup(command="serve", dirty=False)
        first = config
    build(config, serve_url="http://127.0.0.1:8000/")
"""
MARK = b"the last make build's\n"


def _serve(project, *folders) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SERVE, *map(str, folders)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_preview_offers_the_downloads_of_the_last_build_and_makes_them_without_one(project_copy, tmp_path):
    _serve(project_copy, tmp_path / "none")  # no site/ yet: made
    made = tmp_path / "none" / "downloads"
    assert (made / "persons.csv").read_bytes().startswith(b"key,name,")
    shutil.copytree(tmp_path / "none", project_copy / "site")  # as `make build` leaves it, one file marked
    (project_copy / "site" / "downloads" / "persons.csv").write_bytes(MARK)
    _serve(project_copy, tmp_path / "offered")
    offered = tmp_path / "offered" / "downloads"
    assert (offered / "persons.csv").read_bytes() == MARK
    assert sorted(p.name for p in offered.iterdir()) == sorted(p.name for p in made.iterdir())
    (project_copy / "site" / "downloads" / "places.json").unlink()  # a build older than a download
    _serve(project_copy, tmp_path / "older")
    assert (tmp_path / "older" / "downloads" / "persons.csv").read_bytes() == (made / "persons.csv").read_bytes()
