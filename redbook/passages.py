"""Places in the book: where a statement of the apparatus comes from, found by the words it quotes.

The one finder of "the passage that holds these words" for every data file: a place is written
`{note: 9}` or `{page: chapter-5, near: "words of the paragraph, as printed"}`, and `Passages.check`
validates it against the copy-text's words of that page (macro calls and HTML left out), once, when the
model loads. Later steps (the paragraph a phrase stands in) use the same squeezed comparison
(`squeeze`), so that spacing never decides whether words are found.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .errors import Collector

PLACE_KEYS = frozenset({"page", "note", "near"})
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=8192)  # the same texts are squeezed by several parts, and again at each rebuild
def squeeze(value: str) -> str:
    """Text without any white space: rendered text may break or add spaces between elements."""
    return _SPACE.sub("", value)


@dataclass(frozen=True)
class Place:
    """Where the book says something: a note, or the paragraph of a page that contains `near`."""

    page: str | None = None
    note: int | None = None
    near: str | None = None


@dataclass(frozen=True)
class PhraseRef:
    """Words of the running text that the build turns into a link to their numbered paragraph (the apparatus
    parts' phrases(), read by redbook/plugin/phrases.py): the page, the words, the link's key, and where the data
    file gives them."""

    page: str
    phrase: str
    key: str
    path: str
    line: int


def searchable(body: str) -> str:
    """A page's Markdown with macro calls and HTML tags blanked out (offsets, hence line numbers, kept)."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731
    return _TAG.sub(blank, _MACRO.sub(blank, body))


@dataclass(frozen=True)
class Segment:
    """A stretch of the copy-text that one page gives: its body, or one of its notes."""

    page: str
    note: int | None
    start: int  # offsets in the copy-text
    end: int

    def text(self, copytext: str) -> str:
        return copytext[self.start : self.end]


_WORD = re.compile(r"\w+")
_ATTR_LIST = re.compile(r"\{:?\s*[.#][^}]*\}")


def segments(edition) -> list[Segment]:
    """The copy-text cut into the pages that give it (the body, then each note), in reading order.

    The words, not the Markdown, are searched: a page may build part of its text with a macro (a table
    from data), but the fidelity proof guarantees that every page gives its stretch of the copy-text.
    A page starts where its first words stand in the copy-text; its notes start at "[n] " on a line.
    The title page (the transcription's header, not the book) is left out.
    """
    copytext = edition.copytext
    pages = [p for p in edition.reading_pages() if p.paragraph_prefix is not None]
    starts = []
    cursor = 0
    for page in pages:
        first = _WORD.findall(_ATTR_LIST.sub(" ", searchable(page.body)))[:8]
        match = re.compile(r"\W+".join(map(re.escape, first))).search(copytext, cursor) if first else None
        if match is None:
            return []
        starts.append(match.start())
        cursor = match.end()
    out = []
    for i, page in enumerate(pages):
        end = starts[i + 1] if i + 1 < len(pages) else len(copytext)
        notes = edition.notes_of(page.stem)
        marks = []
        for note in notes:
            found = re.compile(rf"^\[{note.number}\] ?", re.M).search(copytext, starts[i], end)
            if found:
                marks.append((found.start(), found.end(), note.number))
        body_end = marks[0][0] if marks else end
        out.append(Segment(page.stem, None, starts[i], body_end))
        for j, (_s, text_start, number) in enumerate(marks):
            out.append(Segment(page.stem, number, text_start, marks[j + 1][0] if j + 1 < len(marks) else end))
    return out


def segments_of(edition) -> list[Segment]:
    """The model's segments, cut once when it loads (redbook/model.py); cut here for a stand-in of the model."""
    cut = getattr(edition, "segments", None)
    return cut if cut is not None else segments(edition)


def line_of(copytext: str, offset: int) -> int:
    return copytext.count("\n", 0, offset) + 1


def finder(forms) -> re.Pattern:
    """One pattern for all forms: longest first, whole words only, a possessive taken with its name."""
    alternatives = "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<![\w])(?P<form>{alternatives})(?:’s|'s)?(?![\w])")


class Passages:
    """The copy-text cut into pages and notes once, and places checked against it."""

    def __init__(self, edition):
        self.edition = edition
        self.segments = segments_of(edition)
        self._bodies: dict[str, str] = {}
        self._readings: dict[str, str] = {}

    def body(self, page: str) -> str:
        """The copy-text's words of a page's running text (its notes left out)."""
        if page not in self._bodies:
            copy = self.edition.copytext
            self._bodies[page] = "".join(s.text(copy) for s in self.segments if s.page == page and s.note is None)
        return self._bodies[page]

    def squeezed_reading(self, page: str) -> str:
        """The page's running text as the edition reads it (its emendations applied), without white space."""
        if page not in self._readings:
            reading = self.body(page)
            for em in self.edition.emendations_of_page(page):
                if em.changes_words and em.copy:
                    reading = reading.replace(em.copy, em.reading)
            self._readings[page] = squeeze(reading)
        return self._readings[page]

    def check(self, raw, display: str, line: int | None, problems: Collector, what: str) -> Place | None:
        """The place `raw` names, or None with the problem reported on `line` of `display`."""
        edition = self.edition
        if not isinstance(raw, dict) or not raw or set(raw) - PLACE_KEYS:
            problems.add(
                display,
                line,
                f"{what} must be {{note: N}} or {{page: chapter-N, near: words of the paragraph}}",
                'write for example  from: {note: 9}  or  from: {page: chapter-5, near: "Zinoviev, G.E."}',
            )
            return None
        if "note" in raw:
            if raw["note"] not in edition.notes:
                problems.add(
                    display,
                    line,
                    f"{what} names note {raw['note']}, which does not exist",
                    "give the number of a note of footnotes/",
                )
                return None
            near = raw.get("near")
            if near is not None and squeeze(str(near)) not in squeeze(edition.note(raw["note"]).text):
                problems.add(
                    display,
                    line,
                    f"{what}: the words {near!r} are not in note {raw['note']}",
                    f"copy the words exactly as note {raw['note']} prints them",
                )
                return None
            return Place(note=raw["note"], near=near)
        page, near = raw.get("page"), raw.get("near")
        target = edition.pages.get(page)
        if target is None or not target.is_reading_text:
            problems.add(
                display,
                line,
                f"{what} names page {page!r}, which is not a page of the reading text",
                "use the name of a file of docs/ without .md, e.g. 'chapter-5'",
            )
            return None
        if not isinstance(near, str) or not near.strip():
            problems.add(
                display,
                line,
                f"{what} gives no words (near:) to find the paragraph by",
                "copy a few words of the paragraph exactly as docs/ prints them",
            )
            return None
        if near not in self.body(page):
            problems.add(
                display,
                line,
                f"{what}: the words {near!r} are not in the text of {target.path}",
                f"copy the words exactly as the copy-text prints them in {target.path} (curly quotes and all)",
            )
            return None
        return Place(page=page, near=near)
