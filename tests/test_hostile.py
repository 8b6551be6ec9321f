"""Contributions that cannot harm: hostile changes to content files only (Markdown, front matter, notes, data,
BibTeX, assets), each in a copy of the project. Each is refused with file:line and a fix, or rendered harmless;
none reaches the site, the PDF or the EPUB, and none runs code at build time.

Most cases stop when the model loads (redbook.load), before anything is rendered; a few must pass the model and
are stopped by the post-build scan (redbook/scan.py) of a full build. Grouped by kind:
template code, raw HTML, Markdown links and attribute lists, data files, titles, careless input, files outside
the repository, the built output, the build command.
"""

from __future__ import annotations

import ast
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import redbook
from redbook import scan
from redbook.errors import Collector
from redbook.macrocalls import ALLOWED, macro_calls

from support import line_of, mkdocs_build, replace_first

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = "docs/chapter-7.md"
ANCHOR = "The axis of the trial"  # the first words of a paragraph of chapter 7


def refused(copy: Path, where: str, *patterns: str) -> str:
    """The model refuses the copy; the message names `where` ('file:line' or 'file') and says how to fix it."""
    with pytest.raises(redbook.EditionError) as caught:
        redbook.load(copy)
    text = str(caught.value)
    assert re.search(re.escape(where) + r"(:\d+)?: " if ":" not in where else re.escape(where) + ": ", text), text
    for pattern in patterns:
        assert re.search(pattern, text), f"{pattern!r} not in:\n{text}"
    assert "fix:" in text
    return text


def in_chapter(copy: Path, payload: str) -> str:
    """Put `payload` in front of a paragraph of chapter 7; the 'file:line' where it stands."""
    chapter = copy / CHAPTER
    replace_first(chapter, ANCHOR, f"{payload} {ANCHOR}")
    return f"{CHAPTER}:{line_of(chapter, ANCHOR)}"


def in_note(copy: Path, payload: str, quoted: bool = False) -> str:
    """Put `payload` at the end of note 17's text (footnotes/chapter-3.yml); the 'file:line' of that text."""
    notes = copy / "footnotes" / "chapter-3.yml"
    old = "For details, see page 27. (L.S.)"
    replace_first(notes, old, old + " " + payload if not quoted else old)
    if quoted:
        replace_first(
            notes,
            f"    text: An attempt was made to drag L.D. Trotsky into the case immediately with the "
            f"help of the anonymous consul. {old}",
            f'    text: "An attempt {payload} (L.S.)"',
        )
    return f"footnotes/chapter-3.yml:{line_of(notes, 'An attempt')}"


# -- 1. template code in the Markdown: only the edition's macros, with literal arguments --------------------


TEMPLATE_CODE = {
    "popen": "{{ lipsum.__globals__['os'].popen('touch /tmp/redbook-hostile-popen').read() }}",
    "class walk": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "config": "{{ config }}",
    "environment": "{{ environment }}",
    "mkdocs-macros' own helper": "{{ macros_info() }}",
    "a filter": "{{ note(19) | safe }}",
    "a variable argument": "{{ cite(page.title) }}",
    "a keyword argument": '{{ cite(key="pravda") }}',
    "a block": "{% for x in range(3) %}x{% endfor %}",
    "a set statement": "{% set x = 1 %}",
    "a comment": "{# hidden #}",
    "whitespace control": "{{- note(19) -}}",
    "a wrong argument type": '{{ note("19") }}',
    "a boolean": "{{ dossier_table(True) }}",
}


@pytest.mark.parametrize("payload", TEMPLATE_CODE.values(), ids=TEMPLATE_CODE.keys())
def test_template_code_in_a_chapter_is_refused_when_the_model_loads(project_copy, payload):
    where = in_chapter(project_copy, payload)
    refused(project_copy, where, r"\{\{ note\(17\) \}\}|\{ #anchor \}")  # the fix lists the allowed calls


def test_an_unclosed_macro_call_is_named_with_its_line(project_copy):
    where = in_chapter(project_copy, "{{ note(19)")
    refused(project_copy, where, r"without its closing")


def test_a_command_in_a_template_never_runs_at_build_time(project_copy):
    marker = project_copy / "touched"
    in_chapter(project_copy, "{{ lipsum.__globals__['os'].popen('touch " + str(marker) + "').read() }}")
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert f"{CHAPTER}:" in result.stdout + result.stderr
    assert not marker.exists()
    assert not (project_copy / "site" / "chapter-7.html").exists()


def test_the_macro_table_is_the_macros_the_edition_defines():
    """redbook/macrocalls.py's ALLOWED names exactly the functions decorated with @env.macro in macros/."""
    defined = {}
    for path in (ROOT / "macros").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and any(ast.unparse(d) == "env.macro" for d in node.decorator_list):
                defined[node.name] = (len(node.args.args) - len(node.args.defaults), len(node.args.defaults))
    assert defined == {name: (len(req), len(opt)) for name, (req, opt) in ALLOWED.items()}


def test_the_tokenizer_keeps_string_literals_whole():
    problems = Collector()
    calls = macro_calls('a {{ cite("x", "a }} b") }} c {{note( 3 )}}', problems, "docs/x.md", 4)
    assert not problems.problems
    assert [(c.name, c.args, c.line) for c in calls] == [("cite", ("x", "a }} b"), 4), ("note", (3,), 4)]


def test_the_sandbox_refuses_python_internals_and_sees_only_the_macros():
    from jinja2 import Environment
    from jinja2.exceptions import SecurityError, UndefinedError

    from macros.sandbox import sandboxed

    plain = Environment()
    plain.globals["note"] = lambda n: f"[{n}]"
    box = sandboxed(plain)
    assert box.from_string("{{ note(3) }}").render() == "[3]"
    with pytest.raises((SecurityError, UndefinedError)):
        box.from_string("{{ note.__globals__['os'] }}").render()
    with pytest.raises(UndefinedError):
        box.from_string("{{ lipsum }}").render()
    with pytest.raises(UndefinedError):
        box.from_string("{{ config }}").render(config={"secret": 1})  # the page's variables are not passed


def test_generated_pages_are_not_rendered_as_templates():
    from types import SimpleNamespace

    from jinja2 import Environment

    from macros import sandbox

    generated = SimpleNamespace(file=SimpleNamespace(generated_by="hooks"), meta={"title": "Index"})
    plugin = SimpleNamespace(_env=Environment(), variables={"page": generated})
    sandbox._before_each_page(plugin)
    assert isinstance(plugin._env, sandbox.EditionSandbox)
    assert generated.meta["render_macros"] is False


# -- 2. raw HTML in the Markdown: an allowlist, judged by nh3 ----------------------------------------------------


RAW_HTML = {
    "script": ("<script>alert(1)</script>", r"<script>"),
    "svg with an event handler": ("<svg onload=alert(1)></svg>", r"<svg>"),
    "javascript: in character references": ('<a href="jav&#x61;script:alert(1)">Kirov</a>', r"<a>"),
    "style fetching from another host": ("<style>@import url(https://evil.example/x.css)</style>", r"<style>"),
    "stylesheet link": ('<link rel="stylesheet" href="https://evil.example/x.css">', r"<link>"),
    "off-host image": ('<img src="https://evil.example/t.png" alt="">', r"<img>"),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', r"<iframe>"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', r"<meta>"),
    "base": ('<base href="https://evil.example/">', r"<base>"),
    "allowed element, event handler": ('<p class="book-author" onclick="alert(1)">x</p>', r"attribute onclick"),
    "allowed element, style attribute": (
        '<p style="background:url(https://evil.example/t.png)">x</p>',
        r"attribute style",
    ),
    "allowed element, theme class": ('<p class="md-search">x</p>', r"class 'md-search'"),
    "clobbering the theme's config": ('<h2 id="__config">x</h2>', r"id='__config'"),
    "conditional comment": ("<!--[if IE]><script>alert(1)</script><![endif]-->", r"HTML comment"),
    "an autolink to a script": ("<javascript:alert(1)>", r"angle brackets"),
    "form": ('<form action="https://evil.example/"><input name="q"></form>', r"<form>"),
}


@pytest.mark.parametrize(("payload", "pattern"), RAW_HTML.values(), ids=RAW_HTML.keys())
def test_raw_html_outside_the_allowlist_is_refused(project_copy, payload, pattern):
    where = in_chapter(project_copy, payload)
    refused(project_copy, where, pattern)


def test_a_tag_left_open_at_the_end_of_a_page_is_refused(project_copy):
    chapter = project_copy / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n<img src=x onerror=alert(1)//", encoding="utf-8")
    refused(project_copy, f"{CHAPTER}:{len(chapter.read_text(encoding='utf-8').split(chr(10)))}", r"never closed")


# -- 3. Markdown links and attribute lists -------------------------------------------------------------------------


MARKDOWN = {
    "javascript link": ("[Kirov](javascript:alert(1))", r"javascript: address"),
    "obfuscated javascript link": ("[Kirov]( java&#115;cript:alert(1))", r"javascript: address"),
    "data link": ("[Kirov](data:text/html,<script>alert(1)</script>)", r"data: address"),
    "off-host image": ("![x](https://evil.example/t.png)", r"image from another address"),
    "protocol-relative image": ("![x](//evil.example/t.png)", r"image from another address"),
    "attribute list with a handler": ('Kirov{: onclick="alert(1)" }', r"sets 'onclick'"),
    "attribute list with a style": ('Kirov{: style="background:url(https://evil.example/)" }', r"sets 'style'"),
    "attribute list with a theme class": ("Kirov{: .md-search }", r"class 'md-search'"),
}


@pytest.mark.parametrize(("payload", "pattern"), MARKDOWN.values(), ids=MARKDOWN.keys())
def test_markdown_that_would_run_or_fetch_is_refused(project_copy, payload, pattern):
    where = in_chapter(project_copy, payload)
    refused(project_copy, where, pattern)


def test_a_reference_link_to_a_script_is_refused(project_copy):
    chapter = project_copy / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n[x]: javascript:alert(1)\n", encoding="utf-8")
    refused(project_copy, f"{CHAPTER}:{line_of(chapter, '[x]: javascript')}", r"javascript: address")


# -- 4. data files: notes, registers, emendations, the changelog, BibTeX ------------------------------------------


def test_html_in_a_note_is_refused(project_copy):
    where = in_note(project_copy, "<img src=x onerror=alert(1)>")
    refused(project_copy, where, r"<img>")


def test_a_script_link_in_a_note_is_refused(project_copy):
    where = in_note(project_copy, "[see](javascript:alert(1))")
    refused(project_copy, where, r"javascript: address")


def test_html_written_with_yaml_escapes_is_refused(project_copy):
    where = in_note(project_copy, r"\u003cscript\u003ealert(1)\u003c/script\u003e", quoted=True)
    refused(project_copy, where, r"<script>")


def test_a_template_in_a_note_is_refused(project_copy):
    where = in_note(project_copy, "{{ lipsum.__globals__ }}")
    refused(project_copy, where, r"template syntax")


def test_a_template_in_an_emendation_reason_is_refused(project_copy):
    data = project_copy / "data" / "emendations.yml"
    replace_first(data, "reason: Misprint (“lone” for “long”).", "reason: Misprint {{ config }}.")
    refused(project_copy, f"data/emendations.yml:{line_of(data, '{{ config }}')}", r"template syntax")


def test_html_in_the_register_of_persons_is_refused(project_copy):
    data = project_copy / "data" / "persons.yml"
    replace_first(
        data,
        "about: The defendants of the Moscow trial",
        "about: <iframe src=//evil.example></iframe> The defendants of the Moscow trial",
    )
    refused(project_copy, f"data/persons.yml:{line_of(data, '<iframe')}", r"<iframe>")


def test_html_in_the_changelog_is_refused(project_copy):
    data = project_copy / "data" / "changelog.yml"
    replace_first(
        data, "- The foreword and chapters 1 to 7,", "- <script>alert(1)</script> The foreword and chapters 1 to 7,"
    )
    refused(project_copy, f"data/changelog.yml:{line_of(data, '<script>')}", r"<script>")


def test_html_in_the_bibliography_is_refused(project_copy):
    bib = project_copy / "data" / "sources.bib"
    replace_first(bib, "title = {{Pravda}},", "title = {{Pravda <img src=x onerror=alert(1)>}},")
    refused(project_copy, f"data/sources.bib:{line_of(bib, '<img')}", r"<img>")


# -- 5. titles are text ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["Kirov <img src=x onerror=alert(1)>", "Kirov &lt;script&gt;"])
def test_markup_in_a_title_is_refused(project_copy, title):
    chapter = project_copy / "docs" / "chapter-3.md"
    replace_first(chapter, "title: The Assassination of Kirov", f"title: {title}")
    refused(project_copy, "docs/chapter-3.md:4", r"a title is plain text|<img>")


# -- 6. careless input: file:line and a fix, never a traceback ------------------------------------------------------


def test_a_yaml_alias_bomb_is_refused(project_copy):
    notes = project_copy / "footnotes" / "chapter-3.yml"
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b]\n'
    notes.write_text(bomb + notes.read_text(encoding="utf-8"), encoding="utf-8")
    refused(project_copy, "footnotes/chapter-3.yml:1", r"anchors and aliases")


def test_deeply_nested_yaml_is_refused(project_copy):
    data = project_copy / "data" / "sums.yml"
    data.write_text("x: " + "[" * 5000 + "]" * 5000 + "\n" + data.read_text(encoding="utf-8"), encoding="utf-8")
    refused(project_copy, "data/sums.yml", r"nested too deeply|malformed YAML")


def test_a_byte_order_mark_is_named(project_copy):
    chapter = project_copy / "docs" / "chapter-3.md"
    chapter.write_bytes(b"\xef\xbb\xbf" + chapter.read_bytes())
    refused(project_copy, "docs/chapter-3.md:1", r"byte-order mark")


def test_a_nul_byte_is_named(project_copy):
    notes = project_copy / "footnotes" / "chapter-4.yml"
    replace_first(notes, "  - number: 23\n", "  - number: 23\x00\n")
    refused(project_copy, f"footnotes/chapter-4.yml:{line_of(notes, 'number: 23')}", r"NUL byte")


def test_a_cyrillic_look_alike_inside_a_latin_name_is_named(project_copy):
    notes = project_copy / "footnotes" / "chapter-3.yml"
    replace_first(notes, "drag L.D. Trotsky", "drag L.D. Тrotsky")  # Cyrillic Te
    refused(
        project_copy,
        f"footnotes/chapter-3.yml:{line_of(notes, 'Тrotsky')}",
        r"'Тrotsky' mixes alphabets: 'Т' \(CYRILLIC CAPITAL LETTER TE\)",
    )


def test_a_russian_word_in_cyrillic_is_not_a_look_alike(project_copy):
    notes = project_copy / "footnotes" / "chapter-3.yml"
    replace_first(notes, "drag L.D. Trotsky", "drag L.D. Trotsky (Троцкий)")
    redbook.load(project_copy)


def test_a_file_too_large_is_refused_before_it_is_read(project_copy):
    data = project_copy / "data" / "sums.yml"
    data.write_text(data.read_text(encoding="utf-8") + "#" * 2_100_000 + "\n", encoding="utf-8")
    refused(project_copy, "data/sums.yml", r"more than the")


# -- 7. only the repository is published ----------------------------------------------------------------------------


def test_a_symbolic_link_page_is_refused_by_the_model(project_copy, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\n---\n\nthe build machine's secret\n", encoding="utf-8")
    (project_copy / "docs" / "leak.md").symlink_to(secret)
    refused(project_copy, "docs/leak.md", r"symbolic link")


def test_a_symbolic_link_under_docs_fails_the_build_before_anything_is_written(project_copy, tmp_path):
    secret = tmp_path / "hostname"
    secret.write_text("the build machine's secret\n", encoding="utf-8")
    (project_copy / "docs" / "assets" / "hostname.txt").symlink_to(secret)
    problems = scan.check_sources(project_copy)
    assert [(p.path, "symbolic link" in p.what) for p in problems] == [("docs/assets/hostname.txt", True)]
    result = mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "docs/assets/hostname.txt" in result.stdout + result.stderr
    assert not (project_copy / "site" / "assets" / "hostname.txt").exists()


@pytest.mark.parametrize("name", ["assets/evil.html", "assets/evil.svg", "assets/evil.js"])
def test_a_file_the_site_does_not_serve_is_refused(project_copy, name):
    (project_copy / "docs" / name).write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", encoding="utf-8"
    )
    problems = scan.check_sources(project_copy)
    assert [p.path for p in problems] == [f"docs/{name}"] and "fix" not in problems[0].what and problems[0].fix


# -- 8. the built output is scanned as a browser meets it -----------------------------------------------------------


def _copy_site(site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    return copy


def test_the_edition_s_own_output_passes_the_scan(site):
    assert scan.scan_output(site) == []


PLANTED = {
    "an event handler": ('<img src="x" onerror="alert(1)">', r"event-handler attribute onerror"),
    "javascript: in character references": ('<a href="&#106;avascript:alert(1)">x</a>', r"script address"),
    "an off-host image": ('<img src="https://evil.example/t.png">', r"fetches from another host"),
    "an off-host style": ('<p style="background:url(https://evil.example/t.png)">x</p>', r"fetches from another host"),
    "a style element importing": ("<style>@import 'https://evil.example/x.css';</style>", r"@import"),
    "a meta refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', r"meta http-equiv"),
    "a base": ('<base href="https://evil.example/">', r"<base>"),
    "an inline script": ("<script>alert(1)</script>", r"<script> inside the page's text"),
    "a stylesheet from another host": (
        '<link rel="stylesheet canonical" href="https://evil.example/x.css">',
        r"fetches from another host",
    ),
    "an SVG animating a link": (
        '<svg><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg>',
        r"animates an address|script address",
    ),
}


@pytest.mark.parametrize(("payload", "pattern"), PLANTED.values(), ids=PLANTED.keys())
def test_a_payload_planted_past_the_earlier_defences_fails_the_scan(site, tmp_path, payload, pattern):
    copy = _copy_site(site, tmp_path)
    page = copy / "chapter-3.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace(
            '<article class="md-content__inner md-typeset">',
            '<article class="md-content__inner md-typeset">' + payload,
            1,
        ),
        encoding="utf-8",
    )
    problems = scan.scan_output(copy)
    assert problems, payload
    assert all(p.path == "docs/chapter-3.md (built as chapter-3.html)" for p in problems), problems
    assert any(re.search(pattern, p.what) for p in problems), problems


def test_a_canonical_address_on_another_host_is_named_not_fetched(site, tmp_path):
    """With the site's public address set, each page names its canonical address: no fetch, no problem."""
    copy = _copy_site(site, tmp_path)
    page = copy / "chapter-3.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace("</head>", '<link rel="canonical" href="https://example.org/red-book/chapter-3.html"></head>', 1),
        encoding="utf-8",
    )
    assert scan.scan_output(copy) == []


def test_a_page_without_the_security_policy_fails_the_scan(site, tmp_path):
    copy = _copy_site(site, tmp_path)
    page = copy / "chapter-3.html"
    page.write_text(
        re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    assert [p.what for p in scan.scan_output(copy)] == ["the page carries no Content Security Policy"]


def test_every_page_carries_the_policy_with_the_theme_s_script_hashes(site):
    for page in site.glob("*.html"):
        policy = re.search(
            r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page.read_text(encoding="utf-8")
        )
        assert policy and policy.group(1).startswith("default-src 'self'; script-src 'self' 'sha256-"), page.name
        assert "'unsafe-inline'" not in policy.group(1).split(";")[1], page.name


def test_a_payload_planted_in_the_e_book_fails_the_scan(site, tmp_path):
    copy = _copy_site(site, tmp_path)
    epub = copy / "red-book.epub"
    out = io.BytesIO()
    with zipfile.ZipFile(epub) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("chapter-3.xhtml"):
                data = data.replace(b"<body", b'<body onload="alert(1)"', 1)
            dst.writestr(info, data)
    epub.write_bytes(out.getvalue())
    problems = scan.scan_output(copy)
    assert problems and all(p.path.startswith("red-book.epub!") for p in problems), problems
    assert any("onload" in p.what for p in problems)


def test_content_that_passes_the_model_is_stopped_by_the_scan_of_a_full_build(project_copy):
    """Style sheets in docs/assets/ are content too: an @import and an off-host url() pass the model (a style
    sheet is not checked when it loads) and are stopped by the scan in on_post_build."""
    css = project_copy / "docs" / "assets" / "edition.css"
    css.write_text(
        "@import url(https://evil.example/x.css);\n"
        + css.read_text(encoding="utf-8")
        + "\nbody { background: url(https://evil.example/t.png); }\n",
        encoding="utf-8",
    )
    result = mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert "assets/edition.css: CSS @import" in output
    assert re.search(r"assets/edition\.css: CSS url\(https://evil\.example/t\.png\) fetches from another host", output)
    assert "fix:" in output


def test_the_pdf_step_can_fetch_only_files_of_the_site(tmp_path):
    from weasyprint.urls import URLFetchingError

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.css").write_text("p {}", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("the build machine's secret", encoding="utf-8")
    fetch = scan.local_url_fetcher(tmp_path / "site").fetch
    assert fetch((tmp_path / "site" / "a.css").as_uri()) is not None
    for url in ["https://evil.example/x.css", (tmp_path / "secret.txt").as_uri(), "file:///etc/passwd"]:
        with pytest.raises(URLFetchingError):
            fetch(url)


# -- 9. strict means strict: `make build` fails wherever `mkdocs build --strict` fails -------------------------------


def test_a_warning_fails_make_build_too(project_copy):
    """A link to a page that does not exist is only a warning of MkDocs; the strict build, and so
    scripts/build.py (`make build`), fail on it and print it."""
    page = project_copy / "docs" / "principles.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the lost page](lost-page.md).\n", encoding="utf-8")
    (project_copy / "site").mkdir()
    (project_copy / "site" / "index.html").write_text("the good site", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(project_copy / "scripts" / "build.py")],
        cwd=project_copy,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert re.search(r"WARNING .*lost-page\.md", output), output[-2000:]
    assert "build: failed in mkdocs build --strict" in output
    assert "INFO" not in output
    assert (project_copy / "site" / "index.html").read_text(encoding="utf-8") == "the good site"


def _build_module(project: Path):
    from scripts import build  # the project's own (pytest.ini puts the project folder on the import path)

    assert Path(build.__file__).resolve().parent.parent == project
    return build


def test_a_build_killed_between_the_two_renames_is_repaired(tmp_path):
    build = _build_module(ROOT)
    site, new = tmp_path / "site", tmp_path / "site.new"
    (tmp_path / "site.old").mkdir()
    (tmp_path / "site.old" / "index.html").write_text("the good site", encoding="utf-8")
    new.mkdir()  # the kill came after site -> site.old, before site.new -> site
    build.recover(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "the good site"


def test_an_old_site_that_cannot_be_deleted_is_set_aside(tmp_path, monkeypatch):
    build = _build_module(ROOT)
    site, staging = tmp_path / "site", tmp_path / "site.new"
    for folder, text in ((site, "old"), (staging, "new"), (tmp_path / "site.old", "older")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")
    monkeypatch.setattr(build, "_remove", lambda path: False)  # as for a site/ owned by another user
    build.swap(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert not (tmp_path / "site.old").exists()
    assert len(list(tmp_path.glob("site.old.stale-*"))) == 2
