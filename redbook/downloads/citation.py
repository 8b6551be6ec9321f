"""CITATION.cff and .zenodo.json, made from the edition's data: the version and its date from data/changelog.yml,
the licences and the holder from data/licence.yml, the title and the copy-text from redbook/provenance.py.

    python -m redbook.downloads.citation           write both files beside mkdocs.yml
    python -m redbook.downloads.citation --check   exit 1 when the committed files differ from the data

The edition names no person as its editor: its creator is an entity, "The Red Book edition contributors"; Leon
Sedov is the author of the work it edits (CITATION.cff: references). The site's public address (site_url,
REDBOOK_SITE_URL) is written in when it is set at the time of writing; a file written without it keeps the one
it has, so that a check run elsewhere does not drop it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from redbook import licence

CFF = "CITATION.cff"
ZENODO = ".zenodo.json"
ENTITY = "The Red Book edition contributors"
KEYWORDS = ["Moscow Trials", "Leon Sedov", "scholarly edition", "TEI"]


def _facts(edition) -> dict:
    from redbook import provenance

    version, date = provenance.edition_version(edition)
    rights = licence.of(edition)
    return {
        "title": f"{provenance.TITLE}, {provenance.PART.replace(': ', ' (', 1)}): a scholarly edition",
        "version": version,
        "date": date,
        "licence": rights.content.spdx,
        "code_licence": rights.code.spdx,
        "identifier": provenance.IDENTIFIER,
        "copytext": provenance.COPYTEXT,
        "book": provenance.TITLE,
        "author": provenance.AUTHOR_FILE_AS.split(", "),
        "statement": rights.statement,
    }


def _abstract(f: dict) -> str:
    copy = f["copytext"]
    return (
        f"A scholarly edition of Leon Sedov, {f['book']} (1936), part I, from the {copy['transcription']} "
        f"({copy['transcribed']}), reproduced from the {copy['reproduced_from']}, after {copy['published']}: the "
        "reading text with numbered paragraphs, the book's notes, the edition's emendations, a register of "
        "persons, the sources the book cites, and the whole as web pages, PDF, EPUB, TEI P5 and open data. "
        + f["statement"]
    )


def citation_cff(edition, url: str = "") -> str:
    """CITATION.cff (CFF 1.2.0)."""
    f = _facts(edition)
    family, given = f["author"]
    data: dict = {
        "cff-version": "1.2.0",
        "message": "To cite this edition, please use the metadata below; the text it edits is Leon Sedov's.",
        "type": "dataset",
        "title": f["title"],
        "authors": [{"name": ENTITY}],
        "version": f["version"],
    }
    if f["date"]:
        data["date-released"] = f["date"]
    data["license"] = f["licence"]
    data["abstract"] = _abstract(f)
    data["keywords"] = KEYWORDS
    identifiers = [{"type": "other", "value": f["identifier"], "description": "The edition's stable identifier."}]
    if url:
        data["url"] = url
        identifiers.insert(0, {"type": "url", "value": url, "description": "The web edition."})
    data["identifiers"] = identifiers
    data["references"] = [
        {
            "type": "book",
            "title": f["book"],
            "authors": [{"family-names": family, "given-names": given}],
            "year": 1936,
            "notes": f"Part I, in the transcription of the {f['copytext']['transcription']} "
            f"(“{f['copytext']['transcribed']}”), after {f['copytext']['published']}; first published "
            f"{'; '.join(f['copytext']['first_published'])}.",
        }
    ]
    header = (
        "# Made from data/changelog.yml and data/licence.yml by `python -m redbook.downloads.citation`;\n"
        "# edit those files, not this one (tests/test_citable.py checks that it follows them).\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def zenodo_json(edition, url: str = "") -> str:
    """.zenodo.json: the metadata an archive reads to mint an identifier for a release."""
    f = _facts(edition)
    data: dict = {
        "title": f["title"],
        "upload_type": "publication",
        "publication_type": "book",
        "creators": [{"name": ENTITY}],
        "description": _abstract(f),
        "version": f["version"],
        "language": "eng",
        "access_right": "open",
        "license": f["licence"],
        "keywords": KEYWORDS,
        "related_identifiers": [
            {"identifier": f["identifier"], "relation": "isAlternateIdentifier", "scheme": "urn"},
        ],
        "notes": f"The code that builds the edition is under the {f['code_licence']} licence (LICENSE); "
        "the copy-text's own rights are not claimed (LICENSE-CONTENT.md).",
    }
    if f["date"]:
        data["publication_date"] = f["date"]
    if url:
        data["related_identifiers"].insert(0, {"identifier": url, "relation": "isVariantFormOf", "scheme": "url"})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def committed_url(root: Path) -> str:
    """The web edition's address the committed CITATION.cff gives, or ""."""
    path = Path(root) / CFF
    if not path.exists():
        return ""
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("url", "")


def files(edition) -> dict[str, str]:
    url = edition.site_url() or committed_url(edition.root)
    return {CFF: citation_cff(edition, url), ZENODO: zenodo_json(edition, url)}


def main(argv: list[str] | None = None) -> int:
    import redbook

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the committed files follow the data")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    args = parser.parse_args(argv)
    edition = redbook.load(args.root)
    stale = []
    for name, text in files(edition).items():
        path = args.root / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print(
            f"{', '.join(stale)}: not as data/changelog.yml and data/licence.yml say\n"
            "    fix: run `python -m redbook.downloads.citation` and commit the files",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
