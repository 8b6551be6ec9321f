"""The book's notes, one YAML file per chapter in footnotes/, checked against the markers in the text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redbook.mapping import check_mapping

from .errors import Collector
from .yamlsrc import read_yaml

NOTE_KEYS = {
    "number",
    "by",
    "text",
    "shared",
    "links",
    "citations",  # citations: redbook/apparatus/sources.py
    "attribution",
    "why",
}  # attribution: doubtful, with the edition's reason under why:
ATTRIBUTIONS = {"doubtful"}
GAP_KEYS = {"number", "comment"}
LINK_KEYS = {"words", "to", "why"}
AUTHOR_SIGNATURE = "(L.S.)"


@dataclass(frozen=True)
class NoteLink:
    words: str  # the words of the note that become the link, e.g. "page 27"
    to: str  # "chapter-4.md#the-end-of-the-legend-of-the-consul"
    why: str  # the editors' reason for taking the printed page to be this place


@dataclass(frozen=True)
class Note:
    number: int
    page: str  # stem of the chapter whose notes it closes
    by: str  # "author" (signed L.S.) or "editors"
    text: str  # as in the copy-text (Markdown)
    shared: bool  # the copy-text calls it from several places
    links: tuple[NoteLink, ...]
    path: str
    line: int
    doubt: str | None = None  # the edition's reason to doubt who wrote an unsigned note (attribution: doubtful)

    @property
    def is_authors(self) -> bool:
        return self.by == "author"

    @property
    def attribution(self) -> str:
        return "Author’s note (L.S.)" if self.is_authors else "Editors’ note"


@dataclass(frozen=True)
class Gap:
    number: int
    page: str
    comment: str
    path: str
    line: int


def _check_keys(item, allowed, display, problems, what):
    check_mapping(item, display, problems, what, allowed)


def _doubt(item, number, by, display, problems) -> str | None:
    """The edition's reason to doubt the attribution of an unsigned note, or None."""
    attribution, why = item.get("attribution"), item.get("why")
    if attribution is None and why is None:
        return None
    line = item.key_lines.get("attribution", item.key_lines.get("why", item.line))
    if attribution not in ATTRIBUTIONS:
        problems.add(
            display,
            line,
            f"note {number}: attribution must be 'doubtful', not {attribution!r}",
            "write 'attribution: doubtful' and give the edition's reason under 'why:'",
        )
        return None
    if not isinstance(why, str) or not why.strip():
        problems.add(
            display,
            line,
            f"note {number}: an attribution marked doubtful needs 'why:'",
            "say in a sentence why the edition doubts who wrote the note",
        )
        return None
    if by != "editors":
        problems.add(
            display,
            line,
            f"note {number}: only an unsigned note (by: editors) can have a doubtful attribution",
            "the notes signed (L.S.) are the author's by the copy-text's own words; remove 'attribution:'",
        )
        return None
    return " ".join(why.split())


def load_notes_file(path: Path, root: Path, problems: Collector) -> tuple[list[Note], list[Gap]]:
    display = path.relative_to(root).as_posix()
    data = read_yaml(path, problems, display)
    if data is None:
        return [], []
    if not isinstance(data, dict) or not isinstance(data.get("notes", []), list):
        problems.add(
            display,
            1,
            "a notes file must have a list under 'notes:'",
            "start the file with 'notes:' and give each note as '- number: ..., by: ..., text: ...'",
        )
        return [], []
    _check_keys(data, {"notes", "gaps"}, display, problems, "the notes file")
    stem = path.stem
    notes: list[Note] = []
    for item in data.get("notes") or []:
        if not isinstance(item, dict):
            problems.add(display, 1, "each note must be a set of fields", "write '- number: 5' and so on")
            continue
        _check_keys(item, NOTE_KEYS, display, problems, "a note")
        number, by, body = item.get("number"), item.get("by"), item.get("text")
        if not isinstance(number, int) or isinstance(number, bool):
            problems.add(
                display,
                item.line,
                "a note needs 'number:' with the book's own note number",
                "add 'number: N' as printed in the copy-text's [N]",
            )
            continue
        if not isinstance(body, str) or not body.strip():
            problems.add(display, item.line, f"note {number} has no text", "add 'text: ...' with the note's words")
            continue
        signed = body.rstrip().endswith(AUTHOR_SIGNATURE)
        if by not in ("author", "editors"):
            problems.add(
                display,
                item.key_lines.get("by", item.line),
                f"note {number}: 'by' must be 'author' or 'editors', not {by!r}",
                "write 'by: author' for a note signed (L.S.), 'by: editors' otherwise",
            )
            continue
        if signed != (by == "author"):
            problems.add(
                display,
                item.key_lines.get("by", item.line),
                f"note {number} says 'by: {by}' but its text {'ends' if signed else 'does not end'} "
                f"with {AUTHOR_SIGNATURE}",
                "the author's notes are exactly those the copy-text signs (L.S.): correct 'by' or the text",
            )
        links = []
        for link in item.get("links") or []:
            if not isinstance(link, dict) or not all(isinstance(link.get(k), str) for k in LINK_KEYS):
                problems.add(
                    display,
                    getattr(link, "line", item.line),
                    f"note {number}: each link needs 'words', 'to' and 'why'",
                    "e.g. words: page 27 / to: chapter-4.md#the-end-of-the-legend-of-the-consul / why: ...",
                )
                continue
            _check_keys(link, LINK_KEYS, display, problems, "a note link")
            if link["words"] not in body:
                problems.add(
                    display,
                    link.line,
                    f"note {number}: the link words {link['words']!r} are not in its text",
                    "copy the words exactly as they stand in the note's text",
                )
            links.append(NoteLink(link["words"], link["to"], link["why"]))
        doubt = _doubt(item, number, by, display, problems)
        notes.append(
            Note(number, stem, by, body, bool(item.get("shared", False)), tuple(links), display, item.line, doubt)
        )
    gaps = []
    for item in data.get("gaps") or []:
        if isinstance(item, dict) and isinstance(item.get("number"), int) and isinstance(item.get("comment"), str):
            _check_keys(item, GAP_KEYS, display, problems, "a gap")
            gaps.append(Gap(item["number"], stem, item["comment"], display, item.line))
        else:
            problems.add(
                display,
                getattr(item, "line", 1),
                "each gap needs 'number' and 'comment'",
                "say which number the copy-text skips and what the edition does about it",
            )
    return notes, gaps
