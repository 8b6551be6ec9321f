"""The edition's commentary (data/commentary.yml): sourced remarks on statements of the text or of the notes.

A remark attaches to a place ({page: chapter-5, near: "words"} or {note: 26, near: "words"}), names the words
it comments on (the lemma, which must stand there), says in the edition's words what is wrong or what context
is needed, and gives its evidence (references of data/references.bib, with locators). The book's words are
never changed for a remark: the marker the renderers put after the lemma is the edition's (data-copytext="").

API for the renderers (redbook/render/commentary.py) and the downloads:
    commentary = edition.apparatus["commentary"]
    commentary.remarks                  id -> Remark, in the order of data/commentary.yml
    commentary.on_page(stem)            the remarks on a page's running text, in file order
    commentary.on_note(number)          the remarks on one note
    commentary.phrases()                links to the paragraph of each remark on the running text
    commentary.records()                plain dicts for JSON / CSV
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from redbook.apparatus.references import Evidence
from redbook.errors import Collector
from redbook.mapping import check_mapping
from redbook.passages import Passages, PhraseRef, Place, squeeze
from redbook.yamlsrc import read_yaml

NAME = "commentary"
ORDER = 70
DATA = Path("data/commentary.yml")
INPUTS = (DATA,)  # the files it reads; what it reads of the model is recorded (redbook/incremental.py)

TOP_KEYS = frozenset({"remarks"})
REMARK_KEYS = frozenset({"id", "at", "lemma", "kind", "remark", "evidence"})
REQUIRED = frozenset({"id", "at", "lemma", "kind", "remark", "evidence"})
KINDS = {
    "error": "The statement is wrong",
    "context": "Context",
    "name": "A name of another time",
}
IDENT = re.compile(r"^c[1-9]\d*$")


@dataclass(frozen=True)
class Remark:
    ident: str  # c1
    place: Place  # page + near, or note (+ near)
    lemma: str  # the words commented on, as printed
    kind: str  # error | context | name
    text: str  # the remark, the edition's words (Markdown)
    evidence: tuple[Evidence, ...]
    page: str  # the page the place belongs to (for a note: its chapter)
    whose: str  # "text" (the book's running text), "author" (a note signed L.S.) or "editors"
    path: str
    line: int

    @property
    def anchor(self) -> str:
        """The id of the marker in the page (the remark on the commentary page is #{ident})."""
        return f"cm-{self.ident}"

    @property
    def place_key(self) -> str:
        """The key under which the build records the paragraph of a remark on the running text."""
        return f"commentary:{self.ident}"

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def where(self) -> str:
        """The place in words, as the commentary page lists it before the paragraph number is known."""
        return f"note {self.place.note}" if self.place.note is not None else self.page


@dataclass
class Commentary:
    remarks: dict[str, Remark]
    path: str = DATA.as_posix()

    def on_page(self, stem: str) -> list[Remark]:
        return [r for r in self.remarks.values() if r.place.note is None and r.page == stem]

    def on_note(self, number: int) -> list[Remark]:
        return [r for r in self.remarks.values() if r.place.note == number]

    def phrases(self) -> list[PhraseRef]:
        return [
            PhraseRef(r.page, r.place.near, r.place_key, r.path, r.line)
            for r in self.remarks.values()
            if r.place.note is None
        ]

    def records(self) -> list[dict]:
        return [
            {
                "id": r.ident,
                "page": r.page,
                "note": r.place.note,
                "near": r.place.near,
                "lemma": r.lemma,
                "kind": r.kind,
                "on": r.whose,
                "remark": r.text,
                "evidence": [{"ref": e.ref, "at": e.at} for e in r.evidence],
            }
            for r in self.remarks.values()
        ]


def load(edition, problems: Collector) -> Commentary:
    display = DATA.as_posix()
    path = edition.root / DATA
    if not path.exists():
        return Commentary({}, display)
    data = read_yaml(path, problems, display)
    if data is None:
        return Commentary({}, display)
    if not isinstance(data, dict) or not isinstance(data.get("remarks"), list):
        problems.add(display, 1, "the commentary must have one list under 'remarks:'", "start the file with 'remarks:'")
        return Commentary({}, display)
    check_mapping(data, display, problems, "the commentary file", TOP_KEYS)
    passages = Passages(edition)
    references = edition.apparatus.get("references")
    remarks: dict[str, Remark] = {}
    for item in data["remarks"]:
        remark = _remark(item, edition, passages, references, display, problems)
        if remark is None:
            continue
        if remark.ident in remarks:
            first = remarks[remark.ident]
            problems.add(
                display,
                remark.line,
                f"the remark id {remark.ident!r} is used twice (also line {first.line})",
                "give each remark its own id (c1, c2 ...); never reuse a retired one",
            )
            continue
        remarks[remark.ident] = remark
    return Commentary(remarks, display)


def _remark(item, edition, passages: Passages, references, display: str, problems: Collector) -> Remark | None:
    if not check_mapping(item, display, problems, "a remark", REMARK_KEYS, REQUIRED):
        return None
    line = item.line
    lines = item.key_lines
    ident = item["id"]
    if not isinstance(ident, str) or not IDENT.match(ident):
        problems.add(
            display, lines.get("id", line), f"the remark id {ident!r} is not of the form c1, c2 ...", "write id: c16"
        )
        return None
    what = f"remark {ident}"
    strings = {k: item[k] for k in ("lemma", "kind", "remark")}
    for key, value in strings.items():
        if not isinstance(value, str) or not value.strip():
            problems.add(display, lines.get(key, line), f"{what}: '{key}' must be text", "put the words in quotes")
            return None
    if item["kind"] not in KINDS:
        problems.add(
            display,
            lines.get("kind", line),
            f"{what}: kind must be one of {', '.join(KINDS)}, not {item['kind']!r}",
            "error: the statement is wrong; context: it needs a fact; name: a name it did not have at the time",
        )
        return None
    place = passages.check(item["at"], display, lines.get("at", line), problems, f"the place of {what}")
    if place is None:
        return None
    lemma = item["lemma"]
    if place.note is not None:
        note = edition.note(place.note)
        scope, scope_name = (place.near or note.text), (f"its words {place.near!r}" if place.near else "the note")
        page, whose = note.page, ("author" if note.is_authors else "editors")
        if place.near is None and note.text.count(lemma) != 1:
            problems.add(
                display,
                lines.get("lemma", line),
                f"{what}: the lemma {lemma!r} stands {note.text.count(lemma)} times in note {place.note}",
                "copy the words exactly as the note prints them, or add near: with words around them",
            )
            return None
    else:
        body = passages.body(place.page)
        if body.count(place.near) != 1:
            problems.add(
                display,
                lines.get("at", line),
                f"{what}: the words {place.near!r} stand {body.count(place.near)} times in docs/{place.page}.md",
                "quote enough words of the paragraph to name one place",
            )
            return None
        scope, scope_name, page, whose = place.near, f"its words {place.near!r}", place.page, "text"
    if squeeze(lemma) not in squeeze(scope) or lemma not in scope:
        problems.add(
            display,
            lines.get("lemma", line),
            f"{what}: the lemma {lemma!r} is not in {scope_name}",
            "the lemma is the words commented on, copied exactly from the place given under 'at'",
        )
        return None
    if references is None:
        problems.add(display, line, f"{what}: the references are not loaded", "restore data/references.bib")
        return None
    evidence = references.check(item["evidence"], display, lines.get("evidence", line), problems, what)
    if not evidence:
        return None
    return Remark(
        ident, place, lemma, item["kind"], " ".join(item["remark"].split()), evidence, page, whose, display, line
    )
