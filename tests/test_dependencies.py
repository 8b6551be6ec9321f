"""requirements.txt and the README's table of the dependencies agree with each other and with what is installed.

Every pin is installed at its version; every pinned package is used by the edition (imported by its code, or
named where the build runs it); the README's table lists exactly the pinned packages, at their versions, and
gives as licence what the installed package's own metadata says. No build: a second or so.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
from pathlib import Path

from support import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s#]+)")
ROW = re.compile(r"^\| `([^`]+)` \| ([^|]+) \|[^|]*\| `([^`]+)`")
CODE = ("redbook", "macros", "scripts", "tests")
# Packages the build runs without importing them from the edition's code, and where it does so.
RUN_WITHOUT_IMPORT = {
    "mkdocs-material": ("mkdocs.yml", "name: material"),
    "mkdocs-macros-plugin": ("mkdocs.yml", "- macros:"),
    "Jinja2": ("overrides/main.html", "{% extends"),
    "properdocs": ("tests/test_properdocs.py", '"-m", "properdocs"'),
    "pytest-playwright": ("tests/browser/conftest.py", "browser_type_launch_args"),
    "ruff": (".pre-commit-config.yaml", ".venv/bin/ruff"),
    "pre-commit": ("Makefile", ".venv/bin/pre-commit"),
    "pytest-xdist": ("pytest.ini", "-n auto"),
}


def pins(text: str) -> dict[str, str]:
    return {m[1]: m[2] for line in text.splitlines() if (m := PIN.match(line))}


def table_rows(readme: str) -> dict[str, tuple[str, str]]:
    """The README's table of the dependencies: package -> (version cell, first licence in backticks)."""
    section = readme.split("## The dependencies", 1)[1].split("\n## ", 1)[0]
    return {m[1]: (m[2].strip(), m[3]) for line in section.splitlines() if (m := ROW.match(line))}


def licences(name: str) -> set[str]:
    """What the installed package's metadata says of its licence: the expression, the field, the classifiers."""
    meta = metadata.metadata(name)
    found = {meta.get("License-Expression"), meta.get("License")}
    found |= {c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")}
    return {value.strip().splitlines()[0] for value in found if value and value.strip()}


def _imports(root: Path) -> set[str]:
    names = set()
    for folder in CODE:
        for path in (root / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            names |= set(re.findall(r"^\s*(?:from|import) ([A-Za-z_][A-Za-z0-9_]*)", text, re.M))
    return names


def _modules(name: str) -> set[str]:
    """The top-level modules a package installs (its top_level.txt, or the first part of its files' paths)."""
    dist = metadata.distribution(name)
    top = dist.read_text("top_level.txt")
    if top:
        return set(top.split())
    return {Path(f.parts[0]).stem for f in dist.files or [] if len(f.parts) > 1 or f.suffix == ".py"}


def problems(requirements: str, readme: str, root: Path = ROOT) -> list[str]:
    found = []
    pinned = pins(requirements)
    rows = table_rows(readme)
    imported = _imports(root)
    for name, version in pinned.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            found.append(f"requirements.txt: {name} is not installed")
            continue
        if installed != version:
            found.append(f"requirements.txt: {name}=={version}, but {installed} is installed")
        if name in RUN_WITHOUT_IMPORT:
            file, words = RUN_WITHOUT_IMPORT[name]
            if words not in (root / file).read_text(encoding="utf-8"):
                found.append(f"requirements.txt: {name} is no longer run ({words!r} not in {file})")
        elif not _modules(name) & imported:
            found.append(f"requirements.txt: {name} is imported nowhere in {', '.join(CODE)}: unused?")
        if name not in rows:
            found.append(f"README.md: {name} is pinned but not in the table of the dependencies")
        elif rows[name][0] != version:
            found.append(f"README.md: the table gives {name} {rows[name][0]}, requirements.txt {version}")
    for name, (version, licence) in rows.items():
        if name not in pinned:
            if not version.startswith("not pinned"):
                found.append(f"README.md: {name} {version} is in the table but not in requirements.txt")
            if re.search(rf"^{re.escape(name)}\b", requirements, re.M | re.I):
                found.append(f"README.md: {name} is said not pinned, but requirements.txt lists it")
        try:
            said = licences(name)
        except metadata.PackageNotFoundError:
            found.append(f"README.md: {name} is in the table but not installed")
            continue
        if licence not in said:
            found.append(f"README.md: the licence of {name} is given as {licence!r}; its metadata says {sorted(said)}")
    return found


def _files() -> tuple[str, str]:
    return (ROOT / "requirements.txt").read_text(encoding="utf-8"), (ROOT / "README.md").read_text(encoding="utf-8")


def test_requirements_readme_and_installed_packages_agree():
    found = problems(*_files())
    assert not found, "\n".join(found)


def test_the_table_is_checked_for_versions_licences_and_missing_rows():
    """The check can fail: a wrong licence, a wrong version and a row left out are each reported."""
    requirements, readme = _files()
    readme = readme.replace("| `EbookLib` | 0.20 |", "| `EbookLib` | 0.21 |")
    readme = readme.replace(
        "| `pypdf` | 7.1.1 | reads the PDF back (tests, benchmark) | `BSD-3-Clause` |",
        "| `pypdf` | 7.1.1 | x | `MIT` |",
    )
    readme = "\n".join(line for line in readme.splitlines() if not line.startswith("| `ruff` |"))
    found = problems(requirements, readme)
    assert found == [
        "README.md: the table gives EbookLib 0.21, requirements.txt 0.20",
        "README.md: ruff is pinned but not in the table of the dependencies",
        "README.md: the licence of pypdf is given as 'MIT'; its metadata says ['BSD-3-Clause']",
    ], found


def test_an_unused_pin_and_a_stale_pin_are_reported():
    requirements, readme = _files()
    requirements = requirements.replace("pypdf==7.1.1", "pypdf==7.0.0") + "six==1.17.0\n"
    found = problems(requirements, readme)
    assert "requirements.txt: pypdf==7.0.0, but 7.1.1 is installed" in found, found
    assert "requirements.txt: six is imported nowhere in redbook, macros, scripts, tests: unused?" in found, found
