"""The contributor's path: the fast data checks (scripts/check.py, run by pre-commit) give one clear message per
mistake (file, line, what, fix), and a correct change passes them and builds. See CONTRIBUTING.md."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from redbook.apparatus import changelog

from support import ROOT, mkdocs_build
from support import line_of as _line_of
from support import replace_first as _replace

CHECK = ROOT / "scripts" / "check.py"


def _check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHECK), "--root", str(project)], capture_output=True, text=True, timeout=120
    )


def _check_fails_with(project: Path, pattern: str) -> str:
    result = _check(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert re.search(pattern, output), f"{pattern!r} not in:\n{output}"
    assert "fix:" in output, output
    return output


def test_the_check_passes_on_the_edition_as_it_stands(project_copy):
    result = _check(project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stdout


# -- one test per kind of bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "good", "bad", "field"),
    [
        ("footnotes/chapter-3.yml", "  - number: 19\n    by: author", "  - number: 19\n    bye: author", "bye"),
        ("data/emendations.yml", "  reason: Misprint (“lone” for “long”).", "  raeson: Misprint.", "raeson"),
        ("data/changelog.yml", "    summary: ", "    sumary: ", "sumary"),
        ("docs/chapter-5.md", "chapter: 5\n", "chapter: 5\ntitel: x\n", "titel"),
    ],
)
def test_a_misspelled_field(project_copy, path, good, bad, field):
    target = project_copy / path
    _replace(target, good, bad)
    line = _line_of(target, f"{field}:")
    _check_fails_with(project_copy, rf"{re.escape(path)}:{line}: unknown (front matter )?field '{field}'")


def test_a_duplicate_key(project_copy):
    notes = project_copy / "footnotes" / "chapter-3.yml"
    _replace(notes, "  - number: 19\n    by: author\n", "  - number: 19\n    by: author\n    by: editors\n")
    first, second = _line_of(notes, "number: 19") + 1, _line_of(notes, "number: 19") + 2
    _check_fails_with(
        project_copy, rf"footnotes/chapter-3\.yml:{second}: .*duplicate key 'by' \(first on line {first}\)"
    )


def test_a_note_number_used_twice(project_copy):
    notes = project_copy / "footnotes" / "chapter-4.yml"
    line = _line_of(notes, "number: 23")
    _replace(notes, "  - number: 23\n", "  - number: 22\n")
    _check_fails_with(project_copy, rf"footnotes/chapter-4\.yml:{line}: note number 22 is used twice \(also footnotes/")


def test_a_file_that_is_not_utf8(project_copy):
    notes = project_copy / "footnotes" / "chapter-2.yml"
    line = _line_of(notes, "by: author")
    # a comment saved in Latin-1 by an editor that does not write UTF-8: "Lév" with a single byte for "é"
    notes.write_bytes(notes.read_bytes().replace(b"by: author", b"by: author # L\xe9v", 1))
    _check_fails_with(project_copy, rf"footnotes/chapter-2\.yml:{line}: the file is not valid UTF-8")


def test_windows_line_endings(project_copy):
    chapter = project_copy / "docs" / "chapter-1.md"
    chapter.write_bytes(chapter.read_bytes().replace(b"\n", b"\r\n"))
    _check_fails_with(project_copy, r"docs/chapter-1\.md:1: the file has Windows \(CRLF\)")


@pytest.mark.parametrize(
    ("path", "good", "bad"),
    [
        ("docs/chapter-7.md", "The axis of the trial", '<script src="x.js"></script> The axis of the trial'),
        ("docs/chapter-7.md", "title: Did a", "title: <img src=x onerror=alert(1)> Did a"),
        (
            "footnotes/chapter-3.yml",
            "text: The testimony of Evdokimov",
            "text: <script>alert(1)</script> The testimony of Evdokimov",
        ),
        (
            "footnotes/chapter-3.yml",
            "text: The testimony of Evdokimov",
            "text: <b onmouseover=alert(1)>The</b> testimony of Evdokimov",
        ),
        (
            "data/emendations.yml",
            "  reason: Misprint (“lone” for “long”).",
            "  reason: See [here](javascript:alert(1)).",
        ),
        ("data/changelog.yml", "    summary: ", "    summary: <iframe src=x></iframe> "),
    ],
    ids=[
        "markdown-body",
        "front-matter",
        "note-script",
        "note-event-handler",
        "emendation-javascript-url",
        "changelog",
    ],
)
def test_scripts_in_markdown_or_data(project_copy, path, good, bad):
    target = project_copy / path
    _replace(target, good, bad)
    line = _line_of(target, bad.split("\n")[-1].strip()[:30])
    # redbook/safety.py: an element outside the allowlist, or a link to a script address
    _check_fails_with(
        project_copy,
        rf"{re.escape(path)}:{line}: (content must not carry the HTML element|a link to a javascript: address)",
    )


def test_a_person_variant_that_collides(project_copy):
    """Two persons of the register may not claim the same spelling: the finder could not tell them apart."""
    register = project_copy / "data" / "persons.yml"
    assert (ROOT / "redbook" / "apparatus" / "persons").is_dir() and register.exists()  # the register is part of it
    data = yaml.safe_load(register.read_text(encoding="utf-8"))
    persons = data["persons"]
    shared = {rule.get("form") for rule in data.get("shared_forms") or []}
    first, second = persons[0], persons[1]
    # a form the first person is printed with, claimed as a variant of the second, with no rule between them
    spelling = next(form for form in first["forms"] if form not in shared)
    lines = register.read_text(encoding="utf-8").split("\n")
    begin = next(i for i, line in enumerate(lines) if line.strip() == f"- key: {second['key']}")
    end = next((i for i in range(begin + 1, len(lines)) if lines[i].lstrip().startswith("- key: ")), len(lines))
    existing = next((i for i in range(begin, end) if lines[i].strip().startswith("variants:")), None)
    if existing is None:
        lines.insert(begin + 1, f"    variants: [{spelling!r}]")
        end += 1
    else:
        lines[existing] = lines[existing].replace("[", f"[{spelling!r}, ", 1)
    register.write_text("\n".join(lines), encoding="utf-8")
    output = _check_fails_with(project_copy, r"data/persons\.yml:\d+: ")
    # the line of either entry (its key, or the field that gives the spelling)
    keys = [i for i, line in enumerate(lines) if line.lstrip().startswith("- key: ")] + [len(lines)]
    entries = {lines[k].split("- key: ")[1].strip(): range(k + 1, keys[n + 1] + 1) for n, k in enumerate(keys[:-1])}
    reported = re.findall(r"data/persons\.yml:(\d+): ([^\n]*)", output)
    assert any(
        (int(line) in entries[first["key"]] or int(line) in entries[second["key"]])
        and repr(spelling) in what
        and first["key"] in what
        and second["key"] in what
        for line, what in reported
    ), output


def test_the_build_stops_with_the_same_message(project_copy):
    """The checks are the build's own: `mkdocs build --strict` refuses the same file before writing anything."""
    _replace(
        project_copy / "footnotes" / "chapter-3.yml", "text: The testimony", "text: <script>x()</script> The testimony"
    )
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert re.search(
        r"footnotes/chapter-3\.yml:\d+: content must not carry the HTML element <script>", result.stdout + result.stderr
    )
    assert not (project_copy / "site").exists()


# -- the changelog's own checks ------------------------------------------------------------------------------------


def _write_changelog(project: Path, *releases: tuple[str, str | None]) -> None:
    lines = ["releases:"]
    for version, date in releases:
        lines += [f'  - version: "{version}"', *([f"    date: {date}"] if date else []), "    summary: A version."]
    (project / "data" / "changelog.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_changelog_version_that_is_not_newer(project_copy):
    _write_changelog(project_copy, ("1.1", "2027-03-01"), ("1.2", "2027-01-01"))
    _check_fails_with(project_copy, r"data/changelog\.yml:2: version 1\.1 \(2027-03-01\) stands above version 1\.2")


def test_only_the_newest_version_may_be_undated(project_copy):
    _write_changelog(project_copy, ("1.2", None), ("1.1", "2027-03-01"))
    assert _check(project_copy).returncode == 0
    _write_changelog(project_copy, ("1.2", "2027-05-01"), ("1.1", None))
    _check_fails_with(project_copy, r"data/changelog\.yml:5: version 1\.1: the date must be a day")


# -- a correct contributor change ---------------------------------------------------------------------------------


def test_adding_a_note_with_its_marker_passes_the_checks_and_builds(project_copy):
    """What CONTRIBUTING.md says to do for a new note: an entry in footnotes/, a marker in the chapter."""
    last = max(int(n) for f in (ROOT / "footnotes").glob("*.yml") for n in re.findall(r"number: (\d+)", f.read_text()))
    number = last + 1
    chapter = project_copy / "docs" / "chapter-7.md"
    notes = project_copy / "footnotes" / "chapter-7.yml"
    words = "A note added by a contributor, for the test of the contributor's path."
    if notes.exists():
        _replace(notes, "notes:\n", f"notes:\n  - number: {number}\n    by: editors\n    text: {words}\n")
    else:
        notes.write_text(f"notes:\n  - number: {number}\n    by: editors\n    text: {words}\n", encoding="utf-8")
    _replace(chapter, "was born in Stalin’s police mind.", f"was born in Stalin’s police mind.{{{{ note({number}) }}}}")

    checked = _check(project_copy)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = mkdocs_build(project_copy, project_copy / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    soup = BeautifulSoup((project_copy / "site" / "chapter-7.html").read_text(encoding="utf-8"), "lxml")
    assert soup.find(attrs={"data-copytext": f"[{number}]"}) is not None
    assert words in soup.get_text()
    sources = [code.get_text() for code in soup.select("aside.edition-source code")]
    assert sources[:2] == ["docs/chapter-7.md", "footnotes/chapter-7.yml"]


# -- "Edit this page", the version and the build date --------------------------------------------------------------


def _content_pages(site: Path) -> list[Path]:
    """The pages MkDocs made from a Markdown file (the 404 page and any other HTML file have no article)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        if path.name != "404.html" and 'class="md-content__inner' in path.read_text(encoding="utf-8"):
            pages.append(path)
    return pages


def _source_of(site: Path, page: Path) -> str:
    return "docs/" + page.relative_to(site).with_suffix(".md").as_posix()


def _generated_sources() -> dict[str, list[str]]:
    from redbook.render.generated import generators

    result = {}
    for generator in generators():
        source = generator.SOURCE
        result[generator.PATH.removesuffix(".md") + ".html"] = [source] if isinstance(source, str) else list(source)
    return result


def test_every_page_names_the_file_to_edit(site):
    generated = _generated_sources()
    entries = yaml.safe_load((ROOT / "data" / "emendations.yml").read_text(encoding="utf-8"))
    emended = {f"{entry['page']}.html" for entry in entries if "page" in entry}
    pages = _content_pages(site)
    assert len(pages) >= len(list((ROOT / "docs").glob("*.md")))
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        paths = [code.get_text() for code in soup.select("article aside.edition-source code")]
        assert paths, f"{page.name} has no 'Edit this page'"
        name = page.relative_to(site).as_posix()
        if name in generated:
            assert paths == generated[name], name
        else:
            assert paths[0] == _source_of(site, page), name
            if name in emended:  # a corrected word is changed in the emendations, not in the Markdown
                assert "data/emendations.yml" in paths, name
        for path in paths:
            assert (ROOT / path).is_file(), f"{page.name} names {path}, which is not a file of the repository"
            assert not path.startswith("site/")


def test_edit_links_follow_the_template_of_mkdocs_yml(project_copy):
    env = {
        **os.environ,
        "REDBOOK_EDIT_URI_TEMPLATE": "https://example.org/edition/edit/main/{path}",
        "SOURCE_DATE_EPOCH": "0",
        "NO_MKDOCS_2_WARNING": "1",
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=project_copy,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    generated = _generated_sources()
    site = project_copy / "site"
    for page in _content_pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        edit = soup.select_one("aside.edition-source a[rel=edit]")
        expected = generated.get(page.relative_to(site).as_posix(), [_source_of(site, page)])[0]
        assert edit is not None and edit["href"] == f"https://example.org/edition/edit/main/{expected}", page.name
        button = soup.select_one("a.md-content__button[rel=edit]")
        assert button is not None and button["href"] == edit["href"], page.name
        footer = soup.select_one(".edition-version").get_text(" ", strip=True)
        assert "built 1970-01-01" in footer, footer


def test_the_footer_gives_the_version_of_the_changelog(site):
    releases = yaml.safe_load((ROOT / "data" / "changelog.yml").read_text(encoding="utf-8"))["releases"]
    newest = releases[0]
    built = changelog.build_date().isoformat()  # the run's moment (tests/conftest.py), as the build's
    for page in _content_pages(site):
        footer = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select_one("footer .edition-version")
        assert footer is not None, page.name
        words = " ".join(footer.get_text().split())
        assert f"Edition version {newest['version']}" in words, words
        assert (str(newest["date"]) if "date" in newest else "(in preparation)") in words, words
        assert f"built {built}" in words, words
        assert footer.find("a")["href"].endswith("changelog.html")


def test_without_a_fixed_moment_a_build_is_dated_the_day_it_runs(monkeypatch):
    """The footer's, the PDF's and the e-book's date, when SOURCE_DATE_EPOCH does not fix it: the day (UTC)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = dt.datetime.now(dt.UTC).date()
    built = changelog.build_date()
    assert built in {before, dt.datetime.now(dt.UTC).date()}  # (a call at midnight: either day)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert changelog.build_date() == dt.date(1970, 1, 2)


def test_the_changelog_page_lists_every_version(site):
    releases = yaml.safe_load((ROOT / "data" / "changelog.yml").read_text(encoding="utf-8"))["releases"]
    soup = BeautifulSoup((site / "changelog.html").read_text(encoding="utf-8"), "lxml")
    headings = [h.get_text(" ", strip=True) for h in soup.select("article h2")]
    assert [h.split(",")[0] for h in headings] == [f"Version {r['version']}" for r in releases]
    text = " ".join(soup.get_text().split())
    for release in releases:
        for section in ("text", "notes", "apparatus", "site"):
            for entry in release.get(section) or []:
                assert " ".join(entry.split())[:60] in text
