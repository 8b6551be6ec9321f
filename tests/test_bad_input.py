"""A contributor's mistake stops the build with one clear message (file, line, fix) and leaves the site alone."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from support import build_fails_with as _fails_with
from support import line_of as _line_of
from support import mkdocs_build
from support import replace_first as _replace

BUILD = Path(__file__).resolve().parent.parent / "scripts" / "build.py"


def test_marker_with_no_note(project_copy):
    chapter = project_copy / "docs" / "chapter-3.md"
    _replace(chapter, "{{ note(19) }}", "{{ note(36) }}")
    line = _line_of(chapter, "note(36)")
    _fails_with(project_copy, rf"docs/chapter-3\.md:{line}: note\(36\) calls a note that does not exist")


def test_note_that_no_marker_calls(project_copy):
    chapter = project_copy / "docs" / "chapter-2.md"
    _replace(chapter, "{{ note(13) }}", "")
    line = _line_of(project_copy / "footnotes" / "chapter-2.yml", "number: 13")
    _fails_with(project_copy, rf"footnotes/chapter-2\.yml:{line}: note 13 is never called from the text")


def test_note_called_twice_without_being_shared(project_copy):
    chapter = project_copy / "docs" / "chapter-1.md"
    _replace(chapter, "{{ note(2) }}", "{{ note(2) }} {{ note(2) }}")
    _fails_with(
        project_copy,
        r"footnotes/chapter-1\.yml:\d+: note 2 is called from 2 places .* not declared shared",
        r"shared: true",
    )


def test_emendation_whose_copy_reading_is_not_where_it_says(project_copy):
    data = project_copy / "data" / "emendations.yml"
    _replace(data, "  copy: herioc epoch", "  copy: heroic epoch")
    line = _line_of(data, "copy: heroic epoch") - 1
    _fails_with(project_copy, rf"data/emendations\.yml:{line}: .*'heroic epoch' does not occur in the copy-text")


def test_emendation_on_the_wrong_page(project_copy):
    data = project_copy / "data" / "emendations.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(
        text.replace("- page: chapter-2\n  copy: herioc epoch", "- page: chapter-3\n  copy: herioc epoch"),
        encoding="utf-8",
    )
    _fails_with(
        project_copy,
        r"data/emendations\.yml:\d+: E\d+: the copy-text reading 'herioc epoch' is not found "
        r"in docs/chapter-3\.md",
    )


def test_malformed_yaml_in_notes(project_copy):
    notes = project_copy / "footnotes" / "chapter-4.yml"
    _replace(notes, "  - number: 23\n", "  - number: 23\n   by: [editors\n")
    line = _line_of(notes, "by: [editors")
    output = _fails_with(project_copy, r"footnotes/chapter-4\.yml:\d+: malformed YAML")
    reported = int(re.search(r"footnotes/chapter-4\.yml:(\d+)", output).group(1))
    assert abs(reported - line) <= 1


def test_malformed_front_matter(project_copy):
    chapter = project_copy / "docs" / "chapter-5.md"
    _replace(chapter, "chapter: 5\n", "chapter: 5\ntitle_supplied: [unclosed\n")
    _fails_with(project_copy, r"docs/chapter-5\.md:\d+: malformed YAML")


def test_unknown_front_matter_field(project_copy):
    chapter = project_copy / "docs" / "chapter-5.md"
    _replace(chapter, "chapter: 5\n", "chapter: 5\ntitel: x\n")
    _fails_with(project_copy, r"docs/chapter-5\.md:4: unknown front matter field 'titel'")


def test_wrong_attribution(project_copy):
    notes = project_copy / "footnotes" / "chapter-3.yml"
    _replace(notes, "  - number: 19\n    by: author", "  - number: 19\n    by: editors")
    _fails_with(
        project_copy, r"footnotes/chapter-3\.yml:\d+: note 19 says 'by: editors' but its text ends with \(L\.S\.\)"
    )


def test_a_failed_build_leaves_the_good_site_alone(project_copy):
    """The README's build writes into a fresh folder and swaps it in only when the build succeeded."""
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("the good site", encoding="utf-8")
    _replace(project_copy / "docs" / "chapter-3.md", "{{ note(19) }}", "{{ note(36) }}")
    result = subprocess.run(
        [sys.executable, str(project_copy / "scripts" / "build.py")],
        cwd=project_copy,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode != 0
    assert "note(36)" in result.stdout + result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "the good site"
    assert not (project_copy / "site.new").exists()


def test_validation_errors_come_before_anything_is_written(project_copy):
    """Even plain `mkdocs build` stops before cleaning the site folder when the data is wrong."""
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("the good site", encoding="utf-8")
    _replace(project_copy / "footnotes" / "chapter-1.yml", "by: editors", "by: editor")
    assert mkdocs_build(project_copy, site).returncode != 0
    assert (site / "index.html").read_text(encoding="utf-8") == "the good site"


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", '<span onclick="x()">Stalin</span>'])
def test_content_must_not_carry_scripts(project_copy, payload):
    _replace(project_copy / "docs" / "chapter-7.md", "The axis of the trial", f"{payload} The axis of the trial")
    _fails_with(project_copy, r"docs/chapter-7\.md:\d+: content must not carry the HTML element <(script|span)>")
