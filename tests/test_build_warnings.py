"""No surprise from the platform: what the tools print never hides the edition's own warnings.

The policy (README, "Warnings of the tools"):

1. A banner of a tool (Material's end of life, ProperDocs' notice about MkDocs 2.0) is printed, not logged: it
   never fails a build, says nothing about the edition, and every entry point turns it off
   (NO_MKDOCS_2_WARNING=1, DISABLE_MKDOCS_2_WARNING=true).
2. A logged warning fails the strict build, whoever logs it: the edition's own checks, MkDocs's validation of
   links, anchors and navigation, a plugin's complaint about the configuration. Each names a file of the
   edition. The strict build never runs with `--quiet`, which drops warnings before strict mode counts them.
3. A Python warning (DeprecationWarning and the like) is logged by MkDocs as information and does not fail the
   build, unless the edition's own code (redbook/, macros/, scripts/) made the call it warns about: then it
   concerns the edition and these tests fail, so that the call is changed before the dependency removes it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from support import ROOT

QUIET_BANNERS = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
EDITION_CODE = ("redbook", "macros", "scripts")
MARK = "PYTHON-WARNINGS:"

# `mkdocs build --strict` in one process, every Python warning recorded (each time it is raised) with the file
# and line it is attributed to; the logged warnings still go to stderr and still fail the strict build.
BUILD_RECORDING_WARNINGS = f"""
import json, logging, sys, warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    logging.getLogger("mkdocs").addHandler(logging.StreamHandler())
    build(load_config("mkdocs.yml", strict=True, site_dir=sys.argv[1]))
print({MARK!r} + json.dumps([[w.category.__name__, str(w.message), w.filename, w.lineno] for w in caught]))
"""


def python_warnings_of_a_build(project: Path, site: Path) -> list[tuple[str, str, str, int]]:
    result = subprocess.run(
        [sys.executable, "-c", BUILD_RECORDING_WARNINGS, str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, **QUIET_BANNERS},
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith(MARK))
    return [tuple(w) for w in json.loads(line.removeprefix(MARK))]


def raised_by_the_edition(warnings: list, project: Path) -> list[str]:
    """The warnings attributed to a line of the edition's own code, as `file:line: Category: message`."""
    own = [(project / name).resolve() for name in EDITION_CODE]
    found = []
    for category, message, filename, lineno in warnings:
        path = Path(filename).resolve()
        if any(path.is_relative_to(folder) for folder in own):
            found.append(f"{path.relative_to(project.resolve())}:{lineno}: {category}: {message}")
    return found


def test_no_python_warning_is_raised_by_a_call_of_the_edition():
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        warnings = python_warnings_of_a_build(ROOT, Path(tmp) / "site")
    found = raised_by_the_edition(warnings, ROOT)
    assert not found, "the edition's code calls what a dependency warns about:\n  " + "\n  ".join(found)
    # The dependencies' own warnings are allowed (rule 3); they are shown with -rP for whoever upgrades a pin.
    for category, message, filename, lineno in warnings:
        print(f"dependency: {filename}:{lineno}: {category}: {message}")


def test_a_deprecated_call_in_the_edition_code_is_found(project_copy):
    """The check can fail: a macro module that calls a deprecated function is named with its file and line."""
    module = project_copy / "macros" / "__init__.py"
    module.write_text(
        module.read_text(encoding="utf-8")
        + "\n\ndef _old_api():\n"
        + '    import warnings\n\n    warnings.warn("old_api() is deprecated", DeprecationWarning, stacklevel=2)\n\n\n'
        + "_old_api()\n",
        encoding="utf-8",
    )
    lines = module.read_text(encoding="utf-8").split("\n")
    call = len(lines) - lines[::-1].index("_old_api()")
    found = raised_by_the_edition(python_warnings_of_a_build(project_copy, project_copy / "site"), project_copy)
    assert found == [f"macros/__init__.py:{call}: DeprecationWarning: old_api() is deprecated"], found


def test_the_strict_build_of_make_build_stops_on_a_warning_of_the_edition(project_copy):
    """scripts/build.py (make build, and the workflows' build) stops on a logged warning of the edition: an
    uncited source. (With `--quiet`, MkDocs drops warnings before strict mode counts them: such a build passed.)"""
    bib = project_copy / "data" / "sources.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8")
        + "\n@misc{uncited,\n  title = {{Cited from nowhere}},\n  keywords = {other},\n}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "scripts/build.py"],
        cwd=project_copy,
        capture_output=True,
        text=True,
        env={**os.environ, **QUIET_BANNERS},
        timeout=900,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    assert "the source 'uncited' is cited from no place in the book" in output, output[-3000:]
    assert "build: failed" in output and "the previous site/ is left as it was" in output, output[-3000:]
    assert not (project_copy / "site").exists()
