"""The edition model: every source loaded and cross-checked once per build, then asked questions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import incremental
from .copytext import COPYTEXT
from .emendations import Emendation, load_emendations, locate
from .errors import Collector
from .notes import Gap, Note, load_notes_file
from .pages import Page, load_page
from .passages import segments

EMENDATIONS = Path("data/emendations.yml")
_ORDER = {"front": 0, "foreword": 1, "chapter": 2}


def reading_order(page: Page) -> tuple:
    """Title page, foreword, chapters by number, then the other pages by name."""
    if page.part is None:
        return (9, 0, page.stem)
    return (_ORDER[page.part], page.chapter or 0, page.stem)


@dataclass
class Edition:
    root: Path
    pages: dict[str, Page]
    notes: dict[int, Note]
    gaps: list[Gap]
    emendations: list[Emendation]
    copytext: str
    apparatus: dict = field(default_factory=dict)  # persons, dossiers, sources ...: see redbook/apparatus/
    _notes_by_page: dict[str, list[Note]] = field(default_factory=dict)
    _note_files: dict[str, tuple] = field(default_factory=dict)  # path -> (notes, gaps) as that file gave them
    reads: dict[str, frozenset] = field(default_factory=dict)  # part -> what its load read (redbook/incremental.py)
    _settings: dict = field(default_factory=dict)  # read once per model: the site's public address
    #: The copy-text cut into the pages and notes that give it (redbook/passages.py), once a model: the parts
    #: find their passages in it, and a rebuild tells whether an edit of a page moved it (redbook/incremental.py).
    segments: list | None = None  # None: not cut yet (redbook/passages.py, segments_of, cuts it)
    fresh: frozenset | None = None  # what this load made anew (redbook/incremental.py); None: everything
    #: This model's token, and that of the model it was loaded from (None: from nothing), for what is kept
    #: across rebuilds by what it read (redbook/plugin/kept.py).
    token: object = field(default_factory=object, repr=False, compare=False)
    after: object | None = field(default=None, repr=False, compare=False)

    # -- questions the renderers and generators ask ------------------------------------------
    def reading_pages(self) -> list[Page]:
        return [p for p in self.pages.values() if p.is_reading_text]

    def chapters(self) -> list[Page]:
        return [p for p in self.pages.values() if p.part == "chapter"]

    def note(self, number: int) -> Note:
        return self.notes[number]

    def notes_of(self, stem: str) -> list[Note]:
        return self._notes_by_page.get(stem, [])

    def gaps_of(self, stem: str) -> list[Gap]:
        return [g for g in self.gaps if g.page == stem]

    def site_url(self) -> str:
        """The site's public address from mkdocs.yml (site_url, set by REDBOOK_SITE_URL), or ""; read once."""
        import os

        key = ("site_url", os.environ.get("REDBOOK_SITE_URL"))  # read again when the environment says otherwise
        if key not in self._settings:
            from .address import site_url

            self._settings[key] = site_url(self.root)
        return self._settings[key]

    def emendation(self, number: int) -> Emendation:
        return self.emendations[number - 1]  # numbered E1, E2 ... in the order of the data file

    def calls_of(self, stem: str) -> dict[int, int]:
        """How often the page's text calls each note (a shared note is called from several places)."""
        calls: dict[int, int] = {}
        for number, _line in self.pages[stem].markers:
            calls[number] = calls.get(number, 0) + 1
        return calls

    def emendations_of_page(self, stem: str) -> list[Emendation]:
        return [e for e in self.emendations if e.page == stem]

    def emendations_of_note(self, number: int) -> list[Emendation]:
        return [e for e in self.emendations if e.note == number]

    def generated_text(self, stem: str) -> str:
        """Words the apparatus generates into a page of the reading text (a table made from data)."""
        return "\n".join(part.text_of_page(stem) for part in self.apparatus.values() if hasattr(part, "text_of_page"))


def load(root: Path, previous: Edition | None = None, changed: frozenset[str] | None = None) -> Edition:
    """Load and validate everything; raise EditionError naming each problem's file and line.

    With `previous` (the model of the last build, which loaded without a problem) and `changed` (the paths of
    the input files that differ from it), only what those files feed is loaded and checked again: the pages and
    notes files that changed, and the parts of the apparatus whose inputs changed or which read something that
    did (redbook/incremental.py); the rest is taken from `previous`."""
    root = Path(root).resolve()
    problems = Collector()
    keep = previous is not None and changed is not None
    pages = {}
    for path in sorted((root / "docs").glob("*.md")):
        display = path.relative_to(root).as_posix()
        page = previous.pages.get(path.stem) if keep and display not in changed else None
        page = page or load_page(path, root, problems)
        if page is not None:
            pages[page.stem] = page
    pages = dict(sorted(pages.items(), key=lambda kv: reading_order(kv[1])))

    notes: dict[int, Note] = {}
    gaps: list[Gap] = []
    note_files: dict[str, tuple] = {}
    for path in sorted((root / "footnotes").glob("*.yml")):
        display = path.relative_to(root).as_posix()
        if keep and display not in changed and display in previous._note_files:
            file_notes, file_gaps = previous._note_files[display]
        else:
            file_notes, file_gaps = load_notes_file(path, root, problems)
        note_files[display] = (file_notes, file_gaps)
        if path.stem not in pages or not pages[path.stem].is_reading_text:
            problems.add(
                display,
                1,
                f"there is no chapter docs/{path.stem}.md for these notes",
                "name the notes file after its chapter's Markdown file (docs/chapter-8.md -> footnotes/chapter-8.yml)",
            )
        for note in file_notes:
            if note.number in notes:
                first = notes[note.number]
                problems.add(
                    note.path,
                    note.line,
                    f"note number {note.number} is used twice (also {first.path}:{first.line})",
                    "the copy-text numbers notes straight through the book: give this note its own number",
                )
                continue
            notes[note.number] = note
        gaps.extend(file_gaps)
    emendations = load_emendations(root / EMENDATIONS, root, problems) if (root / EMENDATIONS).exists() else []
    copytext = (root / COPYTEXT).read_text(encoding="utf-8")

    edition = Edition(root, pages, notes, gaps, emendations, copytext)
    edition._note_files = note_files
    for page in pages.values():
        edition._notes_by_page[page.stem] = sorted(
            (n for n in notes.values() if n.page == page.stem), key=lambda n: n.number
        )
    _check_markers(edition, problems)
    _check_numbering(edition, problems)
    _check_links(edition, problems)
    edition.segments = segments(edition)
    edition.after = previous.token if keep else None
    incremental.load_parts(edition, problems, previous if keep else None, changed or frozenset())
    _check_emendations(edition, problems)  # after the apparatus: a layout entry may stand by a generated table
    problems.raise_if_any()
    return edition


def _check_markers(edition: Edition, problems: Collector) -> None:
    calls: dict[int, list[tuple[Page, int]]] = {}
    for page in edition.pages.values():
        for number, line in page.markers:
            calls.setdefault(number, []).append((page, line))
            note = edition.notes.get(number)
            if note is None:
                problems.add(
                    page.path,
                    line,
                    f"note({number}) calls a note that does not exist",
                    f"add note {number} to footnotes/{page.stem}.yml, or correct the number in the marker",
                )
            elif note.page != page.stem:
                problems.add(
                    page.path,
                    line,
                    f"note({number}) calls a note of {note.path}, another chapter",
                    f"move note {number} to footnotes/{page.stem}.yml, or correct the marker's number",
                )
    for note in edition.notes.values():
        uses = calls.get(note.number, [])
        if not uses:
            problems.add(
                note.path,
                note.line,
                f"note {note.number} is never called from the text",
                f"put {{{{ note({note.number}) }}}} where the copy-text prints [{note.number}] in docs/{note.page}.md",
            )
        elif len(uses) > 1 and not note.shared:
            lines = ", ".join(f"{p.path}:{line}" for p, line in uses)
            problems.add(
                note.path,
                note.line,
                f"note {note.number} is called from {len(uses)} places ({lines}) but is not declared shared",
                "if the copy-text really calls it from each place, add 'shared: true' to the note; "
                "otherwise correct the markers' numbers",
            )
        elif len(uses) == 1 and note.shared:
            problems.add(
                note.path,
                note.line,
                f"note {note.number} is declared shared but called only once",
                "remove 'shared: true'",
            )


def _check_numbering(edition: Edition, problems: Collector) -> None:
    """Notes run straight through the book; a skipped number must be declared as a gap, not invented."""
    expected = None
    declared = {g.number: g for g in edition.gaps}
    for page in edition.reading_pages():
        for note in edition.notes_of(page.stem):
            if expected is not None:
                while expected in declared and expected < note.number:
                    expected += 1
                if note.number != expected:
                    problems.add(
                        note.path,
                        note.line,
                        f"note {note.number} follows note {expected - 1} without a declared gap",
                        f"if the copy-text skips {expected}, add it under 'gaps:' with a comment; "
                        "otherwise correct the numbers",
                    )
            expected = note.number + 1
    for gap in edition.gaps:
        if gap.number in edition.notes:
            problems.add(
                gap.path, gap.line, f"gap {gap.number} is declared but note {gap.number} exists", "remove the gap entry"
            )


def _check_links(edition: Edition, problems: Collector) -> None:
    for note in edition.notes.values():
        for link in note.links:
            target = link.to.split("#", 1)[0].removesuffix(".md")
            if target not in edition.pages:
                problems.add(
                    note.path,
                    note.line,
                    f"note {note.number} links to {link.to}, which is not a page",
                    "write the target as 'chapter-4.md#anchor' naming a file of docs/",
                )


def _check_emendations(edition: Edition, problems: Collector) -> None:
    for em in edition.emendations:
        if em.page is not None and (em.page not in edition.pages or not edition.pages[em.page].is_reading_text):
            problems.add(
                em.path,
                em.line,
                f"{em.ident} names page {em.page!r}, which is not a page of the reading text",
                "use the name of a file of docs/ without .md, e.g. 'chapter-3'",
            )
            continue
        if em.note is not None and em.note not in edition.notes:
            problems.add(
                em.path,
                em.line,
                f"{em.ident} names note {em.note}, which does not exist",
                "give the number of a note of footnotes/",
            )
            continue
        if em.changes_words and em.copy and em.copy not in edition.copytext:
            problems.add(
                em.path,
                em.line,
                f"{em.ident}: {em.copy!r} does not occur in the copy-text at all",
                f"copy the words exactly from {COPYTEXT}",
            )
        if em.kind == "layout":
            page = edition.pages[em.page]
            if em.near and em.near not in page.body and em.near not in edition.generated_text(page.stem):
                problems.add(
                    em.path,
                    em.line,
                    f"{em.ident}: the words {em.near!r} are not in {page.path}",
                    "give words that stand in or next to the restored passage",
                )
    for page in edition.reading_pages():
        locate(strip_macros(page.body), edition.emendations_of_page(page.stem), page.path, problems)
    for note in edition.notes.values():
        locate(note.text, edition.emendations_of_note(note.number), f"note {note.number} ({note.path})", problems)


def strip_macros(text: str) -> str:
    """Blank out macro calls so that an emendation can never match inside one (offsets are kept)."""
    return re.sub(r"\{\{.*?\}\}", lambda m: " " * len(m.group(0)), text)
