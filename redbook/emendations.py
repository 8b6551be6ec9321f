"""Editorial interventions in the reading text, recorded in data/emendations.yml.

Every entry names where it acts (a page of docs/ or a note) and, for a change of wording, the
copy-text's reading and the edition's. The Markdown and the notes keep the copy-text's reading; the
build applies the entry and marks it, so the copy-text reading stays one click away for a reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redbook.mapping import check_mapping

from .errors import Collector
from .yamlsrc import read_yaml

KINDS = ("correction", "deletion", "layout")
KEYS = {"page", "note", "kind", "copy", "reading", "reason", "near", "what"}


@dataclass(frozen=True)
class Emendation:
    number: int  # E1, E2 ... in the order of the data file
    kind: str  # correction, deletion (a change of wording) or layout (a restored structure)
    page: str | None  # stem of a docs/ page, or None for a note
    note: int | None
    copy: str  # the copy-text's reading ("" for layout)
    reading: str  # the edition's reading
    reason: str
    near: str  # layout: words next to the restored structure
    path: str
    line: int

    @property
    def ident(self) -> str:
        return f"E{self.number}"

    @property
    def anchor(self) -> str:
        return f"em-{self.number}"

    @property
    def changes_words(self) -> bool:
        return self.kind != "layout"


def load_emendations(path: Path, root: Path, problems: Collector) -> list[Emendation]:
    display = path.relative_to(root).as_posix()
    data = read_yaml(path, problems, display)
    if data is None:
        return []
    if not isinstance(data, list):
        problems.add(
            display,
            1,
            "the emendations file must be a list of entries",
            "give each emendation as '- page: ...' followed by its fields",
        )
        return []
    result = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            problems.add(display, 1, f"entry {number} is not a set of fields", "write '- page: ...' and so on")
            continue
        check_mapping(item, display, problems, f"emendation E{number}", KEYS)
        kind = item.get("kind", "correction")
        if kind not in KINDS:
            problems.add(
                display,
                item.key_lines.get("kind", item.line),
                f"emendation E{number}: kind must be one of {', '.join(KINDS)}, not {kind!r}",
                "use 'correction' for a changed word, 'deletion' for a dropped character, 'layout' otherwise",
            )
            continue
        page, note = item.get("page"), item.get("note")
        if (page is None) == (note is None):
            problems.add(
                display,
                item.line,
                f"emendation E{number} must name either a page or a note",
                "add 'page: chapter-3' (the file docs/chapter-3.md) or 'note: 21'",
            )
            continue
        strings = {k: item.get(k, "") for k in ("copy", "reading", "reason", "near", "what")}
        if any(not isinstance(v, str) for v in strings.values()):
            problems.add(
                display,
                item.line,
                f"emendation E{number}: copy, reading, reason, near and what must be text",
                "put the value in quotes",
            )
            continue
        if kind == "layout":
            if not strings["near"] or not strings["what"]:
                problems.add(
                    display,
                    item.line,
                    f"layout emendation E{number} needs 'near' and 'what'",
                    "'near' gives words of the restored passage, 'what' says what was restored",
                )
            reason = strings["what"]
        else:
            reason = strings["reason"]
            if not strings["copy"]:
                problems.add(
                    display,
                    item.line,
                    f"emendation E{number} has no 'copy' (the copy-text reading)",
                    "copy the words exactly as they stand in the copy-text",
                )
            if kind == "correction" and (not strings["reading"] or strings["reading"] == strings["copy"]):
                problems.add(
                    display,
                    item.line,
                    f"emendation E{number} needs a 'reading' different from 'copy'",
                    "give the edition's corrected words under 'reading'",
                )
            if kind == "deletion" and strings["reading"] and strings["reading"] == strings["copy"]:
                problems.add(
                    display,
                    item.line,
                    f"emendation E{number} deletes nothing",
                    "'reading' must be 'copy' less what is deleted",
                )
            if not reason:
                problems.add(
                    display,
                    item.line,
                    f"emendation E{number} gives no 'reason'",
                    "say briefly why the copy-text reading is an error, e.g. 'misprint: lone for long'",
                )
        result.append(
            Emendation(
                number,
                kind,
                page,
                note if isinstance(note, int) else None,
                strings["copy"],
                strings["reading"],
                reason,
                strings["near"],
                display,
                item.line,
            )
        )
    return result


def locate(
    text: str, emendations: list[Emendation], where: str, problems: Collector
) -> list[tuple[int, int, Emendation]]:
    """Find each emendation's copy-text reading in `text`, exactly once and without overlaps.

    Returns (start, end, emendation) spans sorted by position; problems are reported, not raised.
    """
    spans = []
    for em in emendations:
        if not em.changes_words:
            continue
        count = text.count(em.copy)
        if count != 1:
            what = "is not found" if count == 0 else f"occurs {count} times"
            fix = (
                "copy the words exactly as they stand in the copy-text, or correct 'page'/'note'"
                if count == 0
                else "add neighbouring words to both 'copy' and 'reading' so that they occur once"
            )
            problems.add(em.path, em.line, f"{em.ident}: the copy-text reading {em.copy!r} {what} in {where}", fix)
            continue
        start = text.index(em.copy)
        spans.append((start, start + len(em.copy), em))
    spans.sort(key=lambda s: s[0])
    for (_, a_end, a), (b_start, _, b) in zip(spans, spans[1:]):
        if b_start < a_end:
            problems.add(
                b.path, b.line, f"{b.ident} overlaps {a.ident} in {where}", "merge the two entries into one emendation"
            )
    return spans
