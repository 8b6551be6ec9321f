"""The shape of the code: dependencies point one way (data -> model -> render -> outputs), nothing touches
sys.path, the build is a plugin named in mkdocs.yml, one code style, and the book's forms depend on the
declarations of the web pages, never on their CSS classes."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [p for d in ("redbook", "macros", "scripts", "tests") for p in (ROOT / d).rglob("*.py")]

#: The layers, lowest first; a module may import its own layer and lower ones only.
OUTPUTS = ("redbook.plugin", "redbook.book", "redbook.downloads")
RENDER = ("redbook.render",)


def _layer(module: str) -> int:
    if module.startswith("scripts") or module.startswith("tests"):
        return 4  # command-line tools and tests may use everything
    if module.startswith("macros"):
        return 3  # the macros call the render layer (and the model)
    if module.startswith(OUTPUTS):
        return 2
    if module.startswith(RENDER):
        return 1
    return 0  # the model: redbook, redbook.apparatus ...


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1] if node.level > 1 else base
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((name, node.lineno))
    return found


def test_imports_point_one_way():
    wrong = []
    for path in SOURCES:
        here = _module_name(path)
        for name, line in _imports(path):
            if not name.startswith(("redbook", "macros", "scripts")):
                continue
            if _layer(name) > _layer(here) or (_layer(here) == 2 and _layer(name) == 2 and not _same(here, name)):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {here} imports {name}")
    assert not wrong, "\n".join(wrong)


def _same(a: str, b: str) -> bool:
    """Outputs may use each other only where one serves another: the plugin offers the books of the last build
    and writes the downloads; the books read the provenance of the downloads."""
    top = lambda m: ".".join(m.split(".")[:2])  # noqa: E731
    allowed = {
        ("redbook.plugin", "redbook.book"),
        ("redbook.plugin", "redbook.downloads"),
        ("redbook.book", "redbook.downloads"),
    }
    return top(a) == top(b) or (top(a), top(b)) in allowed


def test_the_import_rule_can_fail(tmp_path):
    """The rule above is a real check: a model module that imported the render layer would be caught."""
    assert _layer("redbook.render.notes") > _layer("redbook.apparatus.persons")
    assert _layer("redbook.plugin.plugin") > _layer("redbook.render.notes")
    assert not _same("redbook.downloads.open_data", "redbook.plugin.plugin")


def test_no_file_touches_sys_path():
    hits = [
        f"{p.relative_to(ROOT)}:{i}"
        for p in SOURCES
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"sys\.path\.(insert|append)|sys\.path\s*=", line) and "re.search" not in line
    ]
    assert not hits, hits


def test_the_build_is_a_plugin_named_in_mkdocs_yml():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "hooks" not in config
    names = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert "redbook" in names and names.index("redbook") < names.index("macros")
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'redbook = "redbook.plugin.plugin:EditionPlugin"' in text
    from importlib.metadata import entry_points

    (point,) = [e for e in entry_points(group="mkdocs.plugins") if e.name == "redbook"]
    assert point.value == "redbook.plugin.plugin:EditionPlugin"


MUTATORS = {"append", "extend", "update", "clear", "pop", "popitem", "setdefault", "add", "insert", "remove"}


def _mutated_globals(tree: ast.Module) -> list[tuple[str, int]]:
    """Module-level containers that a function of the module changes: state kept between calls."""
    containers = {
        t.id
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(t, ast.Name)
        and isinstance(node.value, (ast.Dict, ast.List, ast.Set, ast.Call))
        and not isinstance(node.value, ast.Call)
        or (
            isinstance(node, (ast.Assign, ast.AnnAssign))
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id in ("dict", "list", "set")
        )
    }
    found = []
    for func in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for node in ast.walk(func):
            if isinstance(node, ast.Global):
                found += [(name, node.lineno) for name in node.names]
            target = None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS:
                target = node.func.value
            elif isinstance(node, (ast.Assign, ast.AugAssign)):
                for t in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(t, ast.Subscript):
                        target = t.value
            if isinstance(target, ast.Name) and target.id in containers:
                found.append((target.id, node.lineno))
    return found


def test_no_module_level_state():
    """State lives on the plugin object (and the model): no module changes a global of its own."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in SOURCES
        if _module_name(path).startswith(("redbook", "macros"))
        for name, line in _mutated_globals(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not found, found


def test_the_state_check_can_fail():
    tree = ast.parse("_cache = {}\ndef f(x):\n    _cache[x] = 1\n_seen = []\ndef g():\n    _seen.append(1)\n")
    assert [name for name, _ in _mutated_globals(tree)] == ["_cache", "_seen"]


@pytest.mark.parametrize("command", [["format", "--check"], ["check"]])
def test_one_code_style(command):
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    result = subprocess.run([ruff, *command, "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_books_do_not_read_the_web_pages_css_classes(site, edition, tmp_path):
    """Renaming the CSS classes of a note's web form changes nothing in the print HTML or the e-book."""
    from redbook.book import epub, pdf

    renamed = tmp_path / "site"
    shutil.copytree(site, renamed)
    classes = ["note-call", "note-ref", "note-pop", "chapter-notes", "note-back", "emendation__ref", "pnum", "cite"]
    for page in renamed.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        for name in classes:
            html = re.sub(rf'(class="(?:[^"]* )?){re.escape(name)}(?=[" ])', rf"\1renamed-{name}", html)
        page.write_text(html, encoding="utf-8")
    assert "renamed-note-ref" in (renamed / "chapter-3.html").read_text(encoding="utf-8")

    def book_forms(folder):
        printed = pdf.book_html(folder, edition, draft=True)
        pages = epub.book_pages(folder, edition)
        stems = {p.stem for p in pages}
        return printed, [epub.page_body(edition, p, stems)[0] for p in pages]

    before, after = book_forms(site), book_forms(renamed)
    strip = lambda html: re.sub(r"renamed-", "", html)  # noqa: E731  a class the books copy over from the web
    assert strip(after[0]) == before[0]
    assert [strip(b) for b in after[1]] == before[1]


def test_the_preview_watches_every_source_of_the_edition():
    """A contributor who fixes a word in a data file sees it in `make serve`: MkDocs watches docs/ alone unless
    told; every folder the model reads from, or the build's code, is watched too."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    watched = set(config.get("watch", []))
    import redbook

    assert set(redbook.INPUTS) - {"docs"} <= watched, watched
    assert {"macros", "redbook", "overrides"} <= watched, watched
