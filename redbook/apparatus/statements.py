"""The edition's own statements outside the reading text, each with its ground: the title page, the editorial
principles and the bibliographic fields the edition supplies.

Three kinds, one rule (a statement that is not the book's own words names a place in the copy-text or a
reference with a locator, or the build stops with the file and the line):

- The title page's statements about the book and its publication are data, data/publication.yml: each has
  `from: {header: "words of the transcription's header"}` (found there exactly), or a place in the book
  (`from: {page: chapter-5, near: ...}` / `{note: 9}`), or `evidence: {ref, at}`. The title page shows one
  with `{{ statement("id") }}`; every statement is shown exactly once.
- A statement in a hand-written page (docs/index.md, docs/principles.md) names its reference with
  `{{ ref("key", "locator") }}` right after it: the key must be in data/references.bib, the locator given.
- A field of data/sources.bib that the book does not give (an issue's date, a full name) is named in the
  entry's `supplied = {month, day}`, and the entry's `evidence = {KEY (locator); header: words}` says where
  it comes from; data/edition.bib, the edition's own reference, gives `evidence` for its publication history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from redbook.apparatus.references import Evidence
from redbook.bibfile import field_line, read_bib
from redbook.errors import Collector
from redbook.mapping import check_mapping
from redbook.passages import Passages, Place
from redbook.yamlsrc import Mapping, read_text, read_yaml

NAME = "statements"
ORDER = 60  # after the references (10) and the sources (30)
PUBLICATION = Path("data/publication.yml")
SOURCES = Path("data/sources.bib")
EDITION_BIB = Path("data/edition.bib")
INPUTS = (PUBLICATION, SOURCES, EDITION_BIB)  # the files it reads; the model: recorded (redbook/incremental.py)

STATEMENT_KEYS = frozenset({"id", "text", "from", "evidence"})
HEADER_KEYS = frozenset({"header"})
IDENT = re.compile(r"^[a-z][a-z0-9-]*$")
#: {{ ref("key", "locator") }} and {{ statement("id") }} in a page of docs/
REF = re.compile(r"""\{\{-?\s*ref\(\s*"(?P<key>[^"\n]*)"\s*(?:,\s*"(?P<at>[^"\n]*)"\s*)?\)\s*-?\}\}""")
REF_LOOSE = re.compile(r"\{\{[^}\n]*?\bref\s*\(")
STATEMENT = re.compile(r"""\{\{-?\s*statement\(\s*"(?P<id>[^"\n]*)"\s*\)\s*-?\}\}""")
STATEMENT_LOOSE = re.compile(r"\{\{[^}\n]*?\bstatement\s*\(")
EVIDENCE_ITEM = re.compile(r"^(?P<key>[a-z][a-z0-9-]*)\s*\((?P<at>.+)\)$", re.S)


@dataclass(frozen=True)
class Statement:
    ident: str
    text: str  # Markdown, the edition's words
    header: str | None  # words of the transcription's header it rests on
    place: Place | None  # or a place in the book
    evidence: tuple[Evidence, ...]
    path: str
    line: int


@dataclass(frozen=True)
class RefCall:
    page: str  # stem of the page of docs/
    key: str
    at: str
    path: str
    line: int


@dataclass(frozen=True)
class Grounds:
    """What a bibliographic entry says the edition supplied, and on what evidence."""

    key: str
    supplied: tuple[str, ...]
    header: tuple[str, ...]  # words of the transcription's header
    evidence: tuple[Evidence, ...]
    path: str
    line: int


@dataclass
class Statements:
    statements: dict[str, Statement]
    refs: list[RefCall]
    grounds: dict[str, Grounds]  # "sources.bib:key" / "edition.bib:key" -> Grounds

    def statement(self, ident: str) -> Statement:
        return self.statements[ident]

    def records(self) -> list[dict]:
        out = [
            {
                "kind": "title page",
                "id": s.ident,
                "text": s.text,
                "header": s.header,
                "evidence": [{"ref": e.ref, "at": e.at} for e in s.evidence],
            }
            for s in self.statements.values()
        ]
        out += [
            {
                "kind": "page",
                "id": f"{r.page}:{r.line}",
                "text": None,
                "header": None,
                "evidence": [{"ref": r.key, "at": r.at}],
            }
            for r in self.refs
        ]
        out += [
            {
                "kind": "bibliography",
                "id": ident,
                "text": ", ".join(g.supplied),
                "header": "; ".join(g.header) or None,
                "evidence": [{"ref": e.ref, "at": e.at} for e in g.evidence],
            }
            for ident, g in self.grounds.items()
        ]
        return out


def header_of(copytext: str) -> str:
    """The transcription's header: the title line and publication history before the foreword."""
    end = copytext.find("\n\n\n")
    return copytext[: end if end != -1 else len(copytext)]


def load(edition, problems: Collector) -> Statements:
    references = edition.apparatus.get("references")
    header = header_of(edition.copytext)
    statements = _publication(edition, references, header, problems)
    refs = _page_refs(edition, references, statements, problems)
    grounds = {}
    for path in (SOURCES, EDITION_BIB):
        grounds.update(_bib_grounds(edition, path, references, header, problems))
    return Statements(statements, refs, grounds)


# -- the title page's statements ---------------------------------------------------------------------------------


def _publication(edition, references, header: str, problems: Collector) -> dict[str, Statement]:
    display = PUBLICATION.as_posix()
    path = edition.root / PUBLICATION
    if not path.exists():
        return {}
    data = read_yaml(path, problems, display)
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("statements"), list):
        problems.add(display, 1, "the file must have one list under 'statements:'", "start it with 'statements:'")
        return {}
    check_mapping(data, display, problems, "the publication file", frozenset({"statements"}))
    passages = None
    out: dict[str, Statement] = {}
    for item in data["statements"]:
        if not check_mapping(item, display, problems, "a statement", STATEMENT_KEYS, frozenset({"id", "text"})):
            continue
        ident, body, line = item["id"], item["text"], item.line
        what = f"statement {ident!r}"
        if not isinstance(ident, str) or not IDENT.match(ident) or ident in out:
            problems.add(
                display,
                item.key_lines.get("id", line),
                f"{what}: the id must be a plain key, used once",
                "use lower-case letters, digits and hyphens, e.g. french-edition",
            )
            continue
        if not isinstance(body, str) or not body.strip():
            problems.add(display, item.key_lines.get("text", line), f"{what} has no text", "write text: ...")
            continue
        if "from" not in item and "evidence" not in item:
            problems.add(
                display,
                line,
                f"{what} names neither its place in the copy-text nor a reference",
                'add  from: {header: "words of the transcription\'s header"}  (or a place in the book), or '
                'evidence: {ref: KEY, at: "locator"} naming an entry of data/references.bib',
            )
            continue
        header_words, place = None, None
        if "from" in item:
            raw = item["from"]
            at = item.key_lines.get("from", line)
            if isinstance(raw, dict) and set(raw) == {"header"}:
                header_words = str(raw["header"])
                if header_words not in header:
                    problems.add(
                        display,
                        at,
                        f"{what}: the words {header_words!r} are not in the transcription's header",
                        "copy the words exactly as the first lines of source/red-book-part1.etol.txt print them",
                    )
                    continue
            else:
                passages = passages or Passages(edition)
                place = passages.check(raw, display, at, problems, f"the place of {what}")
                if place is None:
                    continue
        evidence: tuple[Evidence, ...] = ()
        if "evidence" in item:
            if references is None:
                continue
            evidence = references.check(item["evidence"], display, item.key_lines.get("evidence", line), problems, what)
            if not evidence:
                continue
        out[ident] = Statement(ident, " ".join(body.split()), header_words, place, evidence, display, line)
    return out


# -- {{ ref(...) }} and {{ statement(...) }} in the pages -----------------------------------------------------------


def _page_refs(edition, references, statements: dict[str, Statement], problems: Collector) -> list[RefCall]:
    refs: list[RefCall] = []
    used: dict[str, int] = {}
    for page in edition.pages.values():
        for pattern, loose, form in (
            (REF, REF_LOOSE, '{{ ref("key", "locator") }}'),
            (STATEMENT, STATEMENT_LOOSE, '{{ statement("id") }}'),
        ):
            strict = {m.start() for m in pattern.finditer(page.body)}
            for match in loose.finditer(page.body):
                if match.start() not in strict:
                    problems.add(
                        page.path,
                        page.line_of(match.start()),
                        "a macro call that the edition cannot read",
                        f"write {form}, with straight double quotes",
                    )
        for match in REF.finditer(page.body):
            line = page.line_of(match.start())
            key, at = match.group("key"), (match.group("at") or "").strip()
            if page.is_reading_text:
                problems.add(
                    page.path,
                    line,
                    f'ref("{key}") stands in the reading text',
                    "the book's own words carry no reference of the edition: put a remark in data/commentary.yml",
                )
                continue
            if not at:
                problems.add(
                    page.path,
                    line,
                    f'ref("{key}") gives no locator',
                    'write {{ ref("key", "the section, infobox or page where the statement stands") }}',
                )
                continue
            if references is not None and references.check(
                {"ref": key, "at": at}, page.path, line, problems, f"the statement before ref({key!r})"
            ):
                refs.append(RefCall(page.stem, key, at, page.path, line))
        for match in STATEMENT.finditer(page.body):
            line = page.line_of(match.start())
            ident = match.group("id")
            if ident not in statements:
                problems.add(
                    page.path,
                    line,
                    f'statement("{ident}") names no statement of {PUBLICATION.as_posix()}',
                    f"add it to {PUBLICATION.as_posix()} with its ground, or correct the id",
                )
                continue
            used[ident] = used.get(ident, 0) + 1
    for ident, statement in statements.items():
        if used.get(ident, 0) != 1:
            problems.add(
                statement.path,
                statement.line,
                f"statement {ident!r} is shown {used.get(ident, 0)} times",
                f'show it once, with {{{{ statement("{ident}") }}}} in docs/index.md, or remove it',
            )
    return refs


# -- the bibliographies -----------------------------------------------------------------------------------------


def _bib_grounds(edition, path: Path, references, header: str, problems: Collector) -> dict[str, Grounds]:
    display = path.as_posix()
    full = edition.root / path
    if not full.exists():
        return {}
    text = read_text(full, Collector(), display)  # the sources' own loader reports the file's problems
    entries = read_bib(text, display, Collector()) if text is not None else None
    out: dict[str, Grounds] = {}
    for key, entry in (entries or {}).items():
        raw_evidence = entry.fields.get("evidence", "")
        supplied = tuple(s for s in re.split(r"[,\s]+", entry.fields.get("supplied", "")) if s)
        ev_line = field_line(text, entry.line, "evidence") or entry.line
        what = f"{key}"
        if path == EDITION_BIB and not raw_evidence:
            problems.add(
                display,
                entry.line,
                f"{what}: the edition's reference gives no evidence for its publication history",
                "add evidence = {header: words of the transcription's header; KEY (locator)}",
            )
            continue
        if supplied and not raw_evidence:
            problems.add(
                display,
                field_line(text, entry.line, "supplied") or entry.line,
                f"{what}: the fields {', '.join(supplied)} are supplied by the edition but no evidence is given",
                "add evidence = {KEY (locator)} naming an entry of data/references.bib",
            )
            continue
        for name in supplied:
            if name not in entry.fields and name not in entry.persons:
                problems.add(
                    display,
                    field_line(text, entry.line, "supplied") or entry.line,
                    f"{what}: 'supplied' names the field {name!r}, which the entry does not have",
                    "list only fields of this entry that rest on the evidence",
                )
        if not raw_evidence:
            continue
        headers, evidence = [], []
        for item in (part.strip() for part in raw_evidence.split(";")):
            if not item:
                continue
            if item.startswith("header:"):
                words = item.removeprefix("header:").strip()
                if words not in header:
                    problems.add(
                        display,
                        ev_line,
                        f"{what}: the words {words!r} are not in the transcription's header",
                        "copy them exactly from the first lines of source/red-book-part1.etol.txt",
                    )
                    continue
                headers.append(words)
                continue
            match = EVIDENCE_ITEM.match(item)
            if match is None:
                problems.add(
                    display,
                    ev_line,
                    f"{what}: the evidence {item!r} is neither 'KEY (locator)' nor 'header: words'",
                    "write evidence = {wp-smirnov-in (infobox); header: words of the header}, items separated by ;",
                )
                continue
            mapping = Mapping({"ref": match.group("key"), "at": match.group("at").strip()})
            mapping.line, mapping.key_lines = ev_line, {}
            if references is not None:
                evidence.extend(references.check(mapping, display, ev_line, problems, what))
        out[f"{path.name}:{key}"] = Grounds(key, supplied, tuple(headers), tuple(evidence), display, entry.line)
    return out
