"""A citable, reusable edition: licences, CITATION.cff and .zenodo.json, stable addresses and paragraph ids.

    python tests/test_citable.py --write-paragraph-ids    rewrite tests/data/paragraph-ids.txt from docs/

The paragraph ids of tests/data/paragraph-ids.txt are counted here from the Markdown's blocks (a reader of the
Markdown of its own, not the site's numbering code); the site must give the same ids, with the same first words.
A change of the text that renumbers paragraphs breaks every citation of a later paragraph: it must say so in
data/changelog.yml (a line naming the renumbering under the version in preparation), and the file is then
rewritten, recording the version that renumbered.
"""

from __future__ import annotations

import json
import re
import sys
from html import unescape
from pathlib import Path

import pytest
import yaml

from redbook.copytext import words

ROOT = Path(__file__).resolve().parent.parent

IDS = ROOT / "tests/data/paragraph-ids.txt"
SCHEMA = ROOT / "tests/data/cff-1.2.0.schema.json"
RENUMBERED = re.compile(r"renumber", re.I)
_MACRO = re.compile(r"\{\{\s*(\w+)\s*\((.*?)\)\s*\}\}")


# -- the paragraphs, counted from the Markdown ---------------------------------------------------------------------
def _front_matter(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _plain(text: str) -> str:
    """A block's words as the copy-text prints them: note calls as [n], other macro calls and markup out."""
    text = _MACRO.sub(lambda m: f"[{m.group(2).strip()}]" if m.group(1) == "note" else "", text)
    text = re.sub(r"\{:[^}]*\}", " ", text)
    text = re.sub(r"<[^>]+>", " ", text).replace("*", "")
    return text


def count_paragraphs(body: str, prefix: str) -> list[tuple[str, str]]:
    """(id, first four words) of each numbered block: a paragraph, a list item, a quoted paragraph, a table."""
    found: list[str] = []
    for block in re.split(r"\n\s*\n", body):
        lines = [line for line in block.strip().split("\n") if line.strip()]
        if not lines:
            continue
        first = lines[0]
        if first.startswith("#") or first.startswith("<") or first.startswith("{:"):
            continue  # a heading, an HTML container or separator, an attribute line
        if any(re.match(r"\{:\s*\.subtitle", line) for line in lines):
            continue  # the chapter's subtitle
        if first.startswith("{{ editorial("):
            continue  # the edition's own remark
        if first.startswith("{{ dossier_table("):
            found.append("")  # a table made from data/dossiers.yml: its words are the data's
        elif first.startswith("|"):
            found.append(" ".join(first.strip("| ").split("|")))  # the header row
        elif re.match(r"\d+\. ", first):
            found += [re.sub(r"^\d+\. ", "", line) for line in lines if re.match(r"\d+\. ", line)]
        elif first.startswith(">"):
            quoted = "\n".join(line[1:].strip() for line in lines)
            found += [q for q in re.split(r"\n\s*\n", quoted) if q.strip()]
        else:
            found.append(" ".join(lines))
    return [(f"p{prefix}.{n}", " ".join(words(_plain(text))[:4])) for n, text in enumerate(found, start=1)]


def paragraphs_from_markdown() -> list[tuple[str, str]]:
    pages = []
    for path in (ROOT / "docs").glob("*.md"):
        meta, body = _front_matter(path.read_text(encoding="utf-8"))
        if meta.get("part") == "foreword":
            pages.append((0, "F", body))
        elif meta.get("part") == "chapter":
            pages.append((meta["chapter"], str(meta["chapter"]), body))
    return [row for _, prefix, body in sorted(pages) for row in count_paragraphs(body, prefix)]


def paragraph_ids_on_file() -> list[tuple[str, str]]:
    rows = []
    for line in IDS.read_text(encoding="utf-8").split("\n"):
        if line and not line.startswith("#"):
            pid, _, first = line.partition("\t")
            rows.append((pid, first))
    return rows


def _written_for() -> str:
    match = re.search(r"^# version (\S+)", IDS.read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else ""


def _releases() -> list[dict]:
    return yaml.safe_load((ROOT / "data/changelog.yml").read_text(encoding="utf-8"))["releases"]


def write_paragraph_ids() -> None:
    version = str(_releases()[0]["version"])
    rows = "\n".join(f"{pid}\t{first}" for pid, first in paragraphs_from_markdown())
    IDS.write_text(
        "# The paragraph ids of the reading text and each paragraph's first words, counted from docs/*.md by\n"
        "# `python tests/test_citable.py --write-paragraph-ids`. Citations use these ids: a change that renumbers\n"
        "# paragraphs must say so in data/changelog.yml, and the file is rewritten.\n"
        f"# version {version}\n{rows}\n",
        encoding="utf-8",
    )


def test_the_file_of_paragraph_ids_follows_the_markdown():
    on_file = paragraph_ids_on_file()
    assert on_file, "tests/data/paragraph-ids.txt lists no paragraph"
    assert paragraphs_from_markdown() == on_file, (
        "the Markdown's paragraphs are no longer those of tests/data/paragraph-ids.txt: if the change renumbers "
        "paragraphs, say so in data/changelog.yml and run `python tests/test_citable.py --write-paragraph-ids`"
    )


def test_the_site_keeps_the_paragraph_ids(site, edition):
    from bs4 import BeautifulSoup

    from redbook.fidelity import copytext_words_of_page

    found = []
    for page in edition.reading_pages():
        if page.paragraph_prefix is None:
            continue
        soup = BeautifulSoup((site / page.url).read_text(encoding="utf-8"), "lxml")
        for block in soup.select(".para[id]"):
            found.append((block["id"], " ".join(copytext_words_of_page(str(block))[:4])))
    on_file = paragraph_ids_on_file()
    assert [pid for pid, _ in found] == [pid for pid, _ in on_file], "the site numbers the paragraphs otherwise"
    for (pid, first), (_, expected) in zip(found, on_file, strict=True):
        assert not expected or first == expected, (pid, first, expected)


def test_a_renumbering_is_declared_in_the_changelog():
    """The file of ids records the version that wrote it; any version but the first must declare a renumbering."""
    releases = _releases()
    written = _written_for()
    assert written in {str(r["version"]) for r in releases}, f"tests/data/paragraph-ids.txt names version {written!r}"
    if written == str(releases[-1]["version"]):
        return  # the ids of the first version
    release = next(r for r in releases if str(r["version"]) == written)
    lines = [line for key in ("text", "site") for line in release.get(key) or []]
    assert any(RENUMBERED.search(line) for line in lines), (
        f"version {written} rewrote the paragraph ids but data/changelog.yml does not say that it renumbers paragraphs"
    )


def test_the_counter_notices_a_new_paragraph():
    body = (ROOT / "docs/chapter-3.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    before = count_paragraphs(body, "3")
    after = count_paragraphs(body.replace("On December 1, 1934", "A new paragraph.\n\nOn December 1, 1934", 1), "3")
    assert len(after) == len(before) + 1 and after[1][1] != before[1][1]


# -- CITATION.cff and .zenodo.json ---------------------------------------------------------------------------------
def _cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_cff_is_valid_cff_1_2_0():
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(_cff(), schema, format_checker=jsonschema.FormatChecker())


def test_the_schema_check_can_fail():
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    broken = {**_cff(), "license": "CC-BY-4"}  # not an SPDX identifier
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({k: v for k, v in _cff().items() if k != "authors"}, schema)


def test_citation_and_archive_metadata_follow_the_changelog_and_the_licence():
    newest = _releases()[0]
    licence = yaml.safe_load((ROOT / "data/licence.yml").read_text(encoding="utf-8"))
    cff = _cff()
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    assert cff["version"] == zenodo["version"] == str(newest["version"])
    date = newest.get("date")
    assert cff.get("date-released") == zenodo.get("publication_date") == (str(date) if date else None)
    assert cff["license"] == zenodo["license"] == licence["content"]["spdx"]
    assert [a.get("name") for a in cff["authors"]] == [c["name"] for c in zenodo["creators"]]
    assert all("family-names" not in a for a in cff["authors"])  # the edition names no person as its editor
    assert cff["references"][0]["authors"] == [{"family-names": "Sedov", "given-names": "Leon"}]
    assert zenodo["related_identifiers"] and cff["identifiers"]


def test_the_committed_files_are_the_ones_the_data_make(edition):
    from redbook.downloads import citation

    url = citation.committed_url(ROOT)
    assert (ROOT / "CITATION.cff").read_text(encoding="utf-8") == citation.citation_cff(edition, url), (
        "run `python -m redbook.downloads.citation` and commit CITATION.cff"
    )
    assert (ROOT / ".zenodo.json").read_text(encoding="utf-8") == citation.zenodo_json(edition, url)


# -- licences --------------------------------------------------------------------------------------------------------
def _statement() -> str:
    return " ".join(yaml.safe_load((ROOT / "data/licence.yml").read_text(encoding="utf-8"))["statement"].split())


def test_every_licence_file_named_exists_and_is_the_licence_it_says():
    data = yaml.safe_load((ROOT / "data/licence.yml").read_text(encoding="utf-8"))
    for entry in [data["content"], data["code"], *data["third_party"]]:
        text = (ROOT / entry["file"]).read_text(encoding="utf-8")
        marker = {
            "CC-BY-4.0": "Attribution 4.0 International",
            "MIT": "Permission is hereby granted",
            "OFL-1.1": "SIL OPEN FONT LICENSE",
        }[entry["spdx"]]
        assert marker.lower() in text.lower(), entry["file"]
    assert f"Copyright (c) {data['year']} {data['holder']}" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "LICENSES/CC-BY-4.0.txt" in (ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")


def test_the_title_page_gives_the_licence(site):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    licence = page.select_one(".edition-licence")
    assert licence is not None and licence.get("data-copytext") == ""
    assert _statement() in " ".join(licence.get_text(" ").split())


def test_the_pdf_imprint_and_the_epub_colophon_give_the_licence(site, edition):
    from redbook.book import epub
    from redbook.book import pdf as book_pdf

    html = book_pdf.book_html(site, edition, draft=True)
    imprint = re.search(r'<section class="imprint".*?</section>', html, re.S).group(0)
    assert _statement() in " ".join(unescape(re.sub(r"<[^>]+>", " ", imprint)).split())
    colophon = epub.colophon_body(ROOT, "0.1", None)
    assert _statement() in " ".join(unescape(re.sub(r"<[^>]+>", " ", colophon)).split())


def test_every_download_and_the_provenance_carry_the_licence(site):
    folder = site / "downloads"
    provenance = json.loads((folder / "provenance.json").read_text(encoding="utf-8"))
    licence = yaml.safe_load((ROOT / "data/licence.yml").read_text(encoding="utf-8"))
    spdx = licence["content"]["spdx"]
    assert provenance["license"]["id"] == spdx
    assert {f["file"] for f in provenance["files"]} == {p.name for p in folder.iterdir()} - {"provenance.json"}
    assert "red-book.tei.xml" in {f["file"] for f in provenance["files"]}
    for entry in provenance["files"]:
        assert entry["license"] == spdx, entry["file"]
        if entry["file"].endswith(".json") and not entry["file"].endswith(".csl.json"):
            data = json.loads((folder / entry["file"]).read_text(encoding="utf-8"))
            assert data["license"]["id"] == spdx, entry["file"]


# -- the public address ------------------------------------------------------------------------------------------------
def test_without_a_public_address_nothing_breaks(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>None" not in sitemap and "None/" not in sitemap
    assert 'rel="canonical"' not in (site / "chapter-3.html").read_text(encoding="utf-8")
    notes = json.loads((site / "downloads/notes.json").read_text(encoding="utf-8"))
    assert notes["notes"][0]["url"].startswith("chapter-")


@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory) -> Path:
    """The site built with REDBOOK_SITE_URL set, as the publishing workflow builds it."""
    import os
    import subprocess

    target = tmp_path_factory.mktemp("addressed") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "REDBOOK_SITE_URL": "https://example.org/red-book/"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return target


def test_with_a_public_address_every_citation_and_download_has_full_addresses(addressed_site):
    base = "https://example.org/red-book/"
    site = addressed_site
    locs = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs and all(loc.startswith(base) for loc in locs)
    chapter = (site / "chapter-3.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{base}chapter-3.html">' in chapter
    assert f"{base}chapter-3.html#p3.1" in chapter  # "Cite this": a paragraph's full address
    notes = json.loads((site / "downloads/notes.json").read_text(encoding="utf-8"))
    assert all(n["url"].startswith(base) for n in notes["notes"])
    provenance = json.loads((site / "downloads/provenance.json").read_text(encoding="utf-8"))
    assert provenance["edition"]["url"] == base
    assert all(f["url"] == f"{base}downloads/{f['file']}" for f in provenance["files"])
    tei = (site / "downloads/red-book.tei.xml").read_text(encoding="utf-8")
    assert f'<idno type="URL">{base}</idno>' in tei


def test_the_pdf_imprint_gives_the_address_when_there_is_one(site, edition, monkeypatch):
    from redbook.book import pdf as book_pdf

    monkeypatch.setenv("REDBOOK_SITE_URL", "https://example.org/red-book/")
    assert "https://example.org/red-book/" in book_pdf.book_html(site, edition, draft=True)
    monkeypatch.delenv("REDBOOK_SITE_URL")
    assert "example.org" not in book_pdf.book_html(site, edition, draft=True)


if __name__ == "__main__":
    if "--write-paragraph-ids" in sys.argv:
        write_paragraph_ids()
        print(f"wrote {IDS.relative_to(ROOT)} ({len(paragraph_ids_on_file())} paragraphs)")
