"""The tooling around a pull request: the GitHub workflows, the pre-commit hooks, the templates. The workflows
cannot run here; what can be checked is that they are valid, call the README's commands (the same as .ci/run)
and pin what they use."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest
import yaml

from support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def _triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the key `on` as the boolean True
    return workflow.get("on", workflow.get(True))


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _runs(workflow: dict) -> list[str]:
    return [line.strip() for step in _steps(workflow) for line in step.get("run", "").splitlines() if line.strip()]


def _ci_command() -> str:
    """The command .ci/run executes: its last line that is not a comment or shell set-up."""
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    commands = [line for line in lines if line and not line.startswith(("#", "set ", "cd "))]
    return commands[-1]


def _readme_commands() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"^(make \w+)\b", readme, flags=re.MULTILINE))


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_workflow_is_valid_and_pins_every_action(name):
    workflow = _workflow(name)
    assert workflow["name"] and _triggers(workflow) and workflow["jobs"]
    for step in _steps(workflow):
        if "uses" in step:
            assert SHA_PIN.match(step["uses"]), f"{name}: {step['uses']} is not pinned to a commit"
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if "uses:" in line:
            assert re.search(r"# v\d+\.\d+\.\d+$", line), f"{name}: say the pinned version in a comment: {line}"


def test_pull_requests_run_the_readme_test_command_and_the_strict_build():
    workflow = _workflow("check.yml")
    assert "pull_request" in _triggers(workflow)
    runs = _runs(workflow)
    assert _ci_command() == "make test"
    assert "make test" in _readme_commands()
    assert _ci_command() in runs
    assert "make build" in runs
    # `make build` is the strict MkDocs build
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^build: .*\n\t@?\$\(PY\) scripts/build\.py$", makefile, flags=re.MULTILINE)
    build_py = (ROOT / "scripts" / "build.py").read_text(encoding="utf-8")
    assert '"mkdocs", "build", "--strict"' in build_py


def test_pull_requests_keep_the_site_and_the_pdf():
    uploads = [s for s in _steps(_workflow("check.yml")) if s.get("uses", "").startswith("actions/upload-artifact@")]
    paths = {step["with"]["name"]: step["with"]["path"] for step in uploads}
    assert paths["site"].rstrip("/") == "site"
    assert paths["pdf"].endswith(".pdf")
    assert all(step["with"]["if-no-files-found"] == "error" for step in uploads)


@pytest.mark.parametrize("name", ["check.yml", "pages.yml"])
def test_the_virtual_environment_is_cached(name):
    caches = [s for s in _steps(_workflow(name)) if s.get("uses", "").startswith("actions/cache@")]
    assert len(caches) == 1
    assert ".venv" in caches[0]["with"]["path"].split()
    assert "hashFiles('requirements.txt'" in caches[0]["with"]["key"]


def test_pages_are_published_from_main_after_the_same_checks():
    workflow = _workflow("pages.yml")
    assert _triggers(workflow)["push"]["branches"] == ["main"]
    runs = _runs(workflow)
    assert _ci_command() in runs and "make build" in runs
    uses = [s["uses"].split("@")[0] for s in _steps(workflow) if "uses" in s]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    upload = next(s for s in _steps(workflow) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"


@pytest.mark.parametrize("name", ["check.yml", "pages.yml"])
def test_workflows_give_the_edit_links_their_repository(name):
    template = _workflow(name)["jobs"]["check" if name == "check.yml" else "build"]["env"]["REDBOOK_EDIT_URI_TEMPLATE"]
    assert template.startswith("${{ github.server_url }}/${{ github.repository }}/edit/")
    assert template.endswith("/{path}")
    assert "REDBOOK_EDIT_URI_TEMPLATE" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


# -- pre-commit ---------------------------------------------------------------------------------------------------


def _hooks() -> list[dict]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return [hook for repo in config["repos"] for hook in repo["hooks"]]


def test_precommit_config_is_valid():
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pre-commit"), "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_precommit_hooks_are_local_and_use_the_venv():
    """No hook repository is cloned: every hook runs a tool of .venv, so the hooks work offline."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    for hook in _hooks():
        assert hook["language"] == "system"
        program, *args = shlex.split(hook["entry"])
        assert program.startswith(".venv/bin/") and (ROOT / program).exists(), hook["id"]
        scripts = [a for a in args if a.endswith(".py")]
        assert all((ROOT / s).is_file() for s in scripts), hook["id"]
    entries = " | ".join(h["entry"] for h in _hooks())
    for needed in (
        "ruff check",
        "ruff format",
        "filecheck.py yaml",
        "filecheck.py bib",
        "filecheck.py whitespace",
        "scripts/check.py",
    ):
        assert needed in entries


def test_make_hooks_installs_them():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^hooks: setup\n\t.*pre-commit install$", makefile, flags=re.MULTILINE)


def test_the_copytext_is_never_touched_by_a_hook():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert re.match(config["exclude"], "source/red-book-part1.etol.txt")


# -- the file checks the hooks run ----------------------------------------------------------------------------------


def _filecheck(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "scripts" / "filecheck.py"), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def _tracked(*patterns: str) -> list[str]:
    """The repository's files matching the patterns (git's list; outside a git checkout, the files on disk)."""
    result = subprocess.run(["git", "ls-files", *patterns], cwd=ROOT, capture_output=True, text=True)
    if result.returncode == 0:
        return [str(ROOT / name) for name in result.stdout.split()]
    skip = {".venv", "node_modules", "site", ".git"}
    found = {p for pattern in patterns for p in ROOT.rglob(pattern) if not skip & set(p.relative_to(ROOT).parts)}
    return sorted(map(str, found))


def test_the_repository_yaml_and_bibtex_pass_the_hooks():
    files = _tracked("*.yml", "*.yaml", ".pre-commit-config.yaml")
    assert files
    result = _filecheck("yaml", *files)
    assert result.returncode == 0, result.stdout
    bib = _tracked("*.bib")
    if bib:
        result = _filecheck("bib", *bib)
        assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("kind", "content", "message"),
    [
        ("yaml", "notes:\n  - number: 3\n    number: 4\n", r":3: duplicate key 'number' \(first on line 2\)"),
        ("yaml", "notes:\n  - number: [3\n", r":\d: malformed YAML"),
        (
            "bib",
            "@book{sedov1936,\n  title = {Livre rouge},\n  year = 1936\n}\n@book{sedov1936,\n  title = {x}\n}\n",
            r":5: repeated bibliography entry: sedov1936 \(first on line 1\)",
        ),
        ("bib", "@book{sedov1936,\n  title = {Livre rouge,\n  year = 1936\n}\n", r":\d+: malformed BibTeX"),
    ],
    ids=["yaml-duplicate-key", "yaml-malformed", "bib-repeated-key", "bib-unbalanced-brace"],
)
def test_filecheck_finds_bad_files(tmp_path, kind, content, message):
    bad = tmp_path / f"bad.{'yml' if kind == 'yaml' else 'bib'}"
    bad.write_text(content, encoding="utf-8")
    result = _filecheck(kind, str(bad))
    assert result.returncode == 1
    assert re.search(re.escape(str(bad)) + message, result.stdout), result.stdout


def test_filecheck_accepts_tags_such_as_mkdocs_env(tmp_path):
    good = tmp_path / "good.yml"
    good.write_text('edit_uri_template: !ENV [REDBOOK_EDIT_URI_TEMPLATE, ""]\n', encoding="utf-8")
    assert _filecheck("yaml", str(good)).returncode == 0


def test_trailing_whitespace_is_removed_and_reported(tmp_path):
    page = tmp_path / "page.md"
    page.write_bytes(b"first line  \nsecond\t\nthird\n")
    result = _filecheck("whitespace", str(page))
    assert result.returncode == 1
    assert f"{page}:1: trailing whitespace" in result.stdout and f"{page}:2: trailing whitespace" in result.stdout
    assert page.read_bytes() == b"first line\nsecond\nthird\n"
    assert _filecheck("whitespace", str(page)).returncode == 0


# -- issue and pull-request templates --------------------------------------------------------------------------------


def test_issue_templates_for_contributors():
    names = {}
    for path in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"):
        form = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "config.yml":
            continue
        assert form["description"] and form["body"], path.name
        ids = [item["id"] for item in form["body"] if "id" in item]
        assert len(ids) == len(set(ids)), path.name
        names[form["name"]] = form
    assert {"Report a misprint", "Propose a note", "Transcribe a chapter"} <= set(names)


def test_pull_request_template_asks_for_the_checks():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "make test" in text and "make serve" in text and "data/changelog.yml" in text


def _collected(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-n0", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return [line for line in result.stdout.splitlines() if "::" in line]


def test_the_fast_lane_leaves_out_every_test_of_a_built_site_and_keeps_the_model_s():
    """`make check-fast` (-m "not full") runs no test that asks for the built site or the PDF, and no browser test;
    it keeps the model's tests; `make test` runs both lanes."""
    assert _collected("-m", "not full", "tests/browser/test_popovers.py") == []
    fast, full = _collected("-m", "not full", "tests/test_pdf.py"), _collected("-m", "full", "tests/test_pdf.py")
    book = "tests/test_pdf.py::test_the_book_gives_every_word_of_the_copytext_in_order"  # asks for site and edition
    assert book in full and book not in fast and len(fast) < len(full)
    model = _collected("-m", "not full", "tests/test_model.py")
    assert model and model == _collected("tests/test_model.py")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r'^check-fast: setup\n\t\$\(PY\) -m pytest -m "not full"$', makefile, flags=re.MULTILINE)
    assert re.search(r"^test: setup\n\t\$\(PY\) -m pytest$", makefile, flags=re.MULTILINE)
