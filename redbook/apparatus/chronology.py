"""The chronology (data/chronology.yml): every date the book and its notes give, with the book's words, their
place, and, where a reference dates the same event otherwise, that other date with its evidence.

Each entry is checked when the model loads: the date parses (1934-12-01, 1934-12, 1934, or a range
{start, end} that does not end before it starts), the quote stands at its place (a note, or the paragraph of
a page; a quote the edition corrects by an emendation is refused, since the reading text no longer prints
it; in a note, the words as the edition reads them, its emendations made), a supplied year says why, the other date names a reference of data/references.bib. Events are sorted in
time: a partial date sorts at its first day, ties keep the order of the data file. Every year from 1700 to 1940
and every dated phrase of the reading text, of the tables made from data and of the notes must stand in the quote
of an event or of an entry of `not_dated:` (words with a date the chronology does not enter, with the reason).

API for the renderers (web page, timeline graphic, print, e-book, downloads):
    chronology = edition.apparatus["chronology"]
    chronology.events           Event, sorted in time
    chronology.event(id)        one Event
    chronology.phrases()        the paragraphs the events link to (see scripts/phrases.py): key "chronology-ID"
    chronology.records()        one plain dict an event, for JSON / CSV / iCalendar
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from redbook.dates import month_name
from redbook.errors import Collector
from redbook.mapping import check_mapping
from redbook.passages import Passages, PhraseRef, Place, squeeze
from redbook.yamlsrc import parse_yaml, read_text

NAME = "chronology"
ORDER = 75  # after the references (10) and the register of persons (40)
DATA = Path("data/chronology.yml")
INPUTS = (DATA,)  # the files it reads; what it reads of the model is recorded (redbook/incremental.py)

TOP_KEYS = frozenset({"events", "not_dated"})
NOT_DATED_KEYS = frozenset({"quote", "place", "reason"})
EVENT_KEYS = frozenset({"id", "date", "when", "year_supplied", "why", "event", "quote", "place", "other_date"})
EVENT_REQUIRED = frozenset({"id", "date", "event", "quote", "place"})
RANGE_KEYS = frozenset({"start", "end"})
OTHER_KEYS = frozenset({"date", "evidence", "remark"})
ID_FORMAT = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ISO = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
#: Blocks of a page the build does not number (redbook/render/paragraphs.py, _SKIP_CLASSES): an event quoted from
#: one links to its page, not to a paragraph.
UNNUMBERED = re.compile(r"^\{:\s*\.(subtitle|chapter-head|editorial)\b", re.M)


# -- dates ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class PartialDate:
    """A day, a month or a year."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def precision(self) -> str:
        return "year" if self.month is None else "month" if self.day is None else "day"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.day is not None:
            return self.first_day
        if self.month is not None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    @property
    def label(self) -> str:
        """1 December 1934, December 1934, 1934."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{month_name(self.month)} {self.year}"
        return f"{self.day} {month_name(self.month)} {self.year}"


@dataclass(frozen=True)
class Span:
    """The date of an event: one partial date, or a range from `start` to `end` (both included)."""

    start: PartialDate
    end: PartialDate | None = None

    @property
    def is_range(self) -> bool:
        return self.end is not None

    @property
    def first_day(self) -> dt.date:
        return self.start.first_day

    @property
    def last_day(self) -> dt.date:
        return (self.end or self.start).last_day

    @property
    def iso(self) -> str:
        """ISO 8601: 1934-12-01, 1934-12, 1934, or a range 1934-12-28/1934-12-29."""
        return f"{self.start.iso}/{self.end.iso}" if self.end else self.start.iso

    @property
    def label(self) -> str:
        if self.end is None:
            return self.start.label
        s, e = self.start, self.end
        if s.precision == e.precision == "day" and (s.year, s.month) == (e.year, e.month):
            return f"{s.day}–{e.day} {month_name(s.month)} {s.year}"
        if s.precision == e.precision == "month" and s.year == e.year:
            return f"{month_name(s.month)}–{month_name(e.month)} {s.year}"
        return f"{s.label} – {e.label}"


def parse_partial(value) -> PartialDate | None:
    """A date as YAML gives it (a date, a year as a number, or text 1934-12-01 / 1934-12 / 1934), or None."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        value = f"{value:04d}" if 0 < value < 10000 else str(value)
    if not isinstance(value, str):
        return None
    match = ISO.match(value.strip())
    if not match:
        return None
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


# -- the data ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OtherDate:
    """Another date that a reference gives for the same event."""

    span: Span
    evidence: tuple  # redbook.apparatus.references.Evidence
    remark: str

    @property
    def label(self) -> str:
        return self.span.label


@dataclass(frozen=True)
class Event:
    id: str
    span: Span
    event: str  # in the edition's words
    quote: str  # the book's words, as printed
    place: Place  # where the quote stands (Place.near: the words that find the paragraph)
    page: str  # the page that gives the quote (the note's chapter for a note)
    when: str | None = None  # the book's wording of an imprecise date
    year_supplied: bool = False
    why: str | None = None
    other: OtherDate | None = None
    numbered: bool = True  # False: the quote stands in a block the build does not number (a subtitle)
    line: int = 0
    index: int = 0  # position in the data file: the tie order

    @property
    def label(self) -> str:
        """The date as the chronology shows it: the book's wording if imprecise, else the date; a supplied
        year in square brackets."""
        if self.when:
            return self.when
        text = self.span.label
        if self.year_supplied:
            text = re.sub(r"\b(\d{4})\b", r"[\1]", text)
        return text

    @property
    def note(self) -> int | None:
        return self.place.note

    @property
    def key(self) -> str:
        """The key of the paragraph the event links to (scripts/phrases.py), or of the event itself."""
        return f"chronology-{self.id}"

    @property
    def anchor(self) -> str:
        """The id of the event's row on the chronology page."""
        return f"chrono-{self.id}"

    @property
    def place_label(self) -> str:
        return f"note {self.place.note}" if self.place.note is not None else self.page

    @property
    def sort_key(self) -> tuple:
        return (self.span.first_day, self.index)


@dataclass(frozen=True)
class NotDated:
    """Words with a year or a date that the chronology leaves out, and why (a title, a number, a page)."""

    quote: str
    place: Place
    reason: str
    line: int = 0


@dataclass
class Chronology:
    events: list[Event]
    path: str = DATA.as_posix()
    not_dated: list[NotDated] = field(default_factory=list)

    def event(self, ident: str) -> Event:
        return next(e for e in self.events if e.id == ident)

    def supplied(self) -> list[Event]:
        return [e for e in self.events if e.year_supplied]

    def phrases(self) -> list[PhraseRef]:
        """The paragraphs of the running text the events link to, found by the words they quote."""
        return [
            PhraseRef(e.page, e.place.near, e.key, self.path, e.line)
            for e in self.events
            if e.place.page is not None and e.numbered
        ]

    def records(self) -> list[dict]:
        """The chronology as plain data, sorted in time (for chronology.json, .csv and .ics)."""
        out = []
        for e in self.events:
            other = None
            if e.other is not None:
                other = {
                    "date": e.other.span.iso,
                    "label": e.other.label,
                    "start": e.other.span.first_day.isoformat(),
                    "end": e.other.span.last_day.isoformat(),
                    "evidence": [{"ref": ev.ref, "at": ev.at} for ev in e.other.evidence],
                    "remark": e.other.remark,
                }
            out.append(
                {
                    "id": e.id,
                    "date": e.span.iso,
                    "label": e.label,
                    "start": e.span.first_day.isoformat(),
                    "end": e.span.last_day.isoformat(),
                    "precision": e.span.start.precision,
                    "when": e.when,
                    "year_supplied": e.year_supplied,
                    "why": e.why,
                    "event": e.event,
                    "quote": e.quote,
                    "page": e.page,
                    "note": e.place.note,
                    "place": e.place_label,
                    "other_date": other,
                }
            )
        return out


# -- loading -------------------------------------------------------------------------------------------
def load(edition, problems: Collector) -> Chronology:
    display = DATA.as_posix()
    path = edition.root / DATA
    if not path.exists():
        return Chronology([], display)
    text = read_text(path, problems, display)
    if text is not None and not _days_exist(text, problems, display):
        return Chronology([], display)
    data = parse_yaml(text, problems, display) if text is not None else None
    if data is None:
        return Chronology([], display)
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        problems.add(
            display,
            getattr(data, "line", 1) or 1,
            "the chronology must have one list under 'events:'",
            "start the file with 'events:' and give each event as '- id: ...' with date, event, quote, place",
        )
        return Chronology([], display)
    check_mapping(data, display, problems, "the chronology file", TOP_KEYS)
    reader = _Reader(edition, problems, display)
    events = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data["events"]):
        event = reader.event(item, index)
        if event is None:
            continue
        if event.id in seen:
            problems.add(
                display,
                event.line,
                f"the event id {event.id!r} is used twice (also line {seen[event.id]})",
                "give each event its own id",
            )
            continue
        seen[event.id] = event.line
        events.append(event)
    not_dated = _not_dated(data.get("not_dated", []), problems, display, reader)
    if not problems.problems:
        _every_date_entered(edition, events, not_dated, problems, display)
    return Chronology(sorted(events, key=lambda e: e.sort_key), display, not_dated)


# -- every date of the text is entered (issue 26) ----------------------------------------------------------
#: A year from 1700 to 1940, four figures standing alone (not part of a longer number).
YEAR = re.compile(r"(?<![\w.])(?:1[78]\d\d|19[0-3]\d|1940)(?![\d])")
_MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: A dated phrase: a month with a day or a year ("December 16", "16 December", "the 18th of December",
#: "December, 1932"), a month on its own ("not later than January"), a season of a year ("the summer of 1934"),
#: a day by its ordinal ("the 6th, 12th, and 18th of December"; not "the 12th Party Congress", "the 15th century").
#: A month that names an event ("the October revolution", "pre-October times") is not a date.
DATED = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b"
    rf"|(?<!pre-){_MONTH}\b(?!\s+(?:[Rr]evolution|[Ii]nsurrection))"
    r"|(?:spring|summer|autumn|winter)\s+(?:night\s+)?of\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?:[Pp]arty|[Cc]ongress|[Cc]entury|[Aa]rmy|[Ii]nternational)))"
)
_MACRO_CALL = re.compile(r"\{\{.*?\}\}", re.S)


@functools.lru_cache(maxsize=2048)  # the preview checks every unit again after an edit of one: each text once
def _flat(text: str) -> str:
    """Text as the check reads it: macro calls removed, white space made one space."""
    return re.sub(r"\s+", " ", _MACRO_CALL.sub("", text)).strip()


@functools.lru_cache(maxsize=2048)
def _dates_in(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the years and dated phrases of a text (as _flat gives it), in order."""
    return tuple(sorted({m.span() for rx in (YEAR, DATED) for m in rx.finditer(text)}))


@functools.lru_cache(maxsize=64)
def _blocks(body: str) -> tuple[tuple[str, bool], ...]:
    """The blocks of a page's Markdown, each without white space and whether the build leaves it unnumbered."""
    return tuple((squeeze(block), bool(UNNUMBERED.search(block))) for block in re.split(r"\n\s*\n", body))


def _spans_of(quote: str, text: str) -> list[tuple[int, int]]:
    """Where the words of `quote` stand in `text` (each time, not overlapping)."""
    spans, at = [], text.find(quote) if quote else -1
    while at >= 0:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + len(quote))
    return spans


def _units(edition):
    """(place label, display, line, text): each paragraph of the reading text (its emendations made, macro calls
    removed), each line of the tables the apparatus generates into a page, each note as the edition reads it."""
    for page in edition.reading_pages():
        body = page.body
        for em in edition.emendations_of_page(page.stem):
            if em.changes_words and em.copy:
                body = body.replace(em.copy, em.reading)
        offset = 0
        for para in re.split(r"(\n\s*\n)", body):
            if para.strip():
                line = page.body_line + body.count("\n", 0, offset)
                yield ("page", page.stem), page.path, line, _flat(para)
            offset += len(para)
        for row in edition.generated_text(page.stem).split("\n"):
            if row.strip():
                yield ("page", page.stem), f"{page.path} (a table made from data)", page.body_line, _flat(row)
    for note in edition.notes.values():
        text = note.text
        for em in edition.emendations_of_note(note.number):
            if em.changes_words and em.copy:
                text = text.replace(em.copy, em.reading)
        yield ("note", note.number), f"note {note.number} ({note.path})", note.line, _flat(text)


def _place_key(place: Place, page: str | None = None):
    return ("note", place.note) if place.note is not None else ("page", page or place.page)


def _every_date_entered(edition, events, not_dated, problems: Collector, display: str) -> None:
    """Every year 1700-1940 and every dated phrase of the reading text, of the tables made from data and of the
    notes stands inside the quote of an event, or of an entry of not_dated, at the same place."""
    quotes: dict[tuple, list[str]] = {}
    for e in events:
        quotes.setdefault(_place_key(e.place, e.page), []).append(_flat(e.quote))
    for n in not_dated:
        quotes.setdefault(_place_key(n.place), []).append(_flat(n.quote))
    for key, where, line, text in _units(edition):
        spans = [span for q in quotes.get(key, []) for span in _spans_of(q, text)]
        for start, end in _dates_in(text):
            if any(s <= start and end <= e for s, e in spans):
                continue
            words = text[max(0, start - 50) : end + 30]
            place = f"{{page: {key[1]}}}" if key[0] == "page" else f"{{note: {key[1]}}}"
            problems.add(
                where,
                line,
                f"the date {text[start:end]!r} (…{words}…) is in no event of the chronology nor in its not_dated list",
                f"add an event to {display} whose quote holds these words (place: {place}), or list them under "
                f"not_dated: with quote, place: {place} and the reason (a title, a number, a page)",
            )


def _not_dated(raw, problems: Collector, display: str, reader) -> list[NotDated]:
    if not isinstance(raw, list):
        problems.add(
            display,
            getattr(raw, "line", 1) or 1,
            "not_dated must be a list",
            "write 'not_dated:' and under it '- {quote: ..., place: {page: ...}, reason: ...}'",
        )
        return []
    units: dict[tuple, list[str]] = {}
    for key, _where, _line, text in _units(reader.edition):
        units.setdefault(key, []).append(text)
    out = []
    for item in raw:
        line = getattr(item, "line", None) or 1
        if not check_mapping(item, display, problems, "an entry of not_dated", NOT_DATED_KEYS, NOT_DATED_KEYS):
            continue
        quote, place, reason = item["quote"], item["place"], item["reason"]
        if not all(isinstance(v, str) and v.strip() for v in (quote, reason)):
            problems.add(display, line, "not_dated: quote and reason must be text", "write the words, in quotes")
            continue
        if not isinstance(place, dict) or len(place) != 1 or not ({"page"} >= set(place) or {"note"} >= set(place)):
            problems.add(
                display, line, "not_dated: place must be {page: STEM} or {note: N}", "write place: {page: chapter-4}"
            )
            continue
        where = Place(page=place.get("page"), note=place.get("note"))
        key = _place_key(where)
        if not any(_flat(quote) in text for text in units.get(key, [])):
            problems.add(
                display,
                line,
                f"not_dated: the words {quote!r} are not at {place}",
                "copy the words exactly as the reading text (its emendations made) or the note prints them",
            )
            continue
        out.append(NotDated(quote.strip(), where, reason.strip(), line))
    return out


_DAY_VALUE = re.compile(r"(?:^|[\s{:,\[])(\d{4}-\d{1,2}-\d{1,2})(?=\s*(?:$|[,}\]#]))", re.M)


def _days_exist(text: str, problems: Collector, display: str) -> bool:
    """YAML reads 1934-13-01 as a date and stops with no line number when the day does not exist: find such
    values first, with their lines."""
    ok = True
    for match in _DAY_VALUE.finditer(text):
        value = match.group(1)
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            problems.add(
                display,
                text.count("\n", 0, match.start(1)) + 1,
                f"the date {value!r} does not parse: there is no such day",
                "write the date as 1934-12-01 (year, month 01-12, day of that month), 1934-12 or 1934",
            )
            ok = False
    return ok


class _Reader:
    def __init__(self, edition, problems: Collector, display: str):
        self.edition = edition
        self.problems = problems
        self.display = display
        self.passages = Passages(edition)
        self.references = edition.apparatus.get("references")

    def add(self, line, what: str, fix: str) -> None:
        self.problems.add(self.display, line, what, fix)

    def event(self, item, index: int) -> Event | None:
        line = getattr(item, "line", None)
        if not check_mapping(
            item, self.display, self.problems, "an event of the chronology", EVENT_KEYS, EVENT_REQUIRED
        ):
            return None
        lines = item.key_lines
        ident = item["id"]
        if not isinstance(ident, str) or not ID_FORMAT.match(ident):
            self.add(
                lines.get("id", line),
                f"the event id {ident!r} is not lower case letters, figures and hyphens",
                "write an id such as 'kirov-assassinated'",
            )
            return None
        what = f"event {ident}"
        span = self.span(item["date"], lines.get("date", line), what)
        texts = {}
        for key in ("event", "quote", "when", "why"):
            value = item.get(key)
            if key in item and (not isinstance(value, str) or not value.strip()):
                self.add(
                    lines.get(key, line),
                    f"{what}: {key!r} must be text",
                    f"write '{key}: ...' with the words, in quotes if they contain ': '",
                )
                return None
            texts[key] = value.strip() if isinstance(value, str) else None
        supplied = item.get("year_supplied", False)
        if not isinstance(supplied, bool):
            self.add(
                lines.get("year_supplied", line),
                f"{what}: year_supplied must be true or false, not {supplied!r}",
                "write 'year_supplied: true' (and say why:) or leave it out",
            )
            return None
        if supplied and not texts["why"]:
            self.add(
                lines.get("year_supplied", line),
                f"{what}: the year is supplied but no 'why:' says from what context",
                "add 'why: ...' naming the words or the date of the text that give the year",
            )
            return None
        if texts["why"] and not supplied:
            self.add(
                lines.get("why", line),
                f"{what}: 'why:' explains a supplied year, but year_supplied is not true",
                "add 'year_supplied: true', or remove 'why:'",
            )
            return None
        placed = self.place(item["place"], texts["quote"], lines.get("place", line), lines.get("quote", line), what)
        other = self.other(item["other_date"], lines.get("other_date", line), what) if "other_date" in item else None
        if span is None or placed is None or ("other_date" in item and other is None):
            return None
        place, page, numbered = placed
        return Event(
            ident,
            span,
            texts["event"],
            texts["quote"],
            place,
            page,
            texts["when"],
            supplied,
            texts["why"],
            other,
            numbered,
            line or 0,
            index,
        )

    def span(self, raw, line, what: str) -> Span | None:
        fix = "write the date as 1934-12-01, 1934-12 or 1934, or a range as {start: 1934-12-28, end: 1934-12-29}"
        if isinstance(raw, dict):
            if not check_mapping(raw, self.display, self.problems, f"the date range of {what}", RANGE_KEYS, RANGE_KEYS):
                return None
            start, end = parse_partial(raw["start"]), parse_partial(raw["end"])
            if start is None or end is None:
                bad = raw["start"] if start is None else raw["end"]
                self.add(line, f"{what}: the date {bad!r} does not parse", fix)
                return None
            if end.last_day < start.first_day:
                self.add(
                    line,
                    f"{what}: the range ends ({end.iso}) before it starts ({start.iso})",
                    "give the earlier date as start: and the later as end:",
                )
                return None
            return Span(start, end)
        date = parse_partial(raw)
        if date is None:
            self.add(line, f"{what}: the date {raw!r} does not parse", fix)
            return None
        return Span(date)

    def place(self, raw, quote, place_line, quote_line, what: str):
        """(Place, page stem, numbered) for the quote at `raw`, or None with the problem reported."""
        if quote is None:
            return None
        if isinstance(raw, dict) and "page" in raw and "near" not in raw:
            raw = {**raw, "near": quote}  # the quote itself finds the paragraph
        # a note: the quote is checked below against the note as the edition reads it (its emendations made)
        place = self.passages.check(raw, self.display, place_line, self.problems, f"the place of {what}")
        if place is None:
            return None
        edition = self.edition
        if place.note is not None:
            if not self.in_note(place.note, quote, quote_line, what):
                return None
            return place, edition.note(place.note).page, True
        body = self.passages.body(place.page)
        paragraphs = [p for p in re.split(r"\n\s*\n", body) if place.near in p]
        if not any(quote in p for p in paragraphs):
            self.add(
                quote_line,
                f"{what}: the quote {quote!r} is not in the paragraph of {place.page} that holds {place.near!r}",
                "copy the book's words exactly from that paragraph (curly quotes and all), or correct near:",
            )
            return None
        if not self.clear_of_emendations(place.page, place.near, quote_line, what):
            return None
        return place, place.page, not self.unnumbered(place.page, place.near)

    def clear_of_emendations(self, page: str, near: str, line, what: str) -> bool:
        """The words that find the paragraph must still stand in the reading text, where the build looks for
        them: a misprint the edition corrects (an emendation) is no longer printed there."""
        if squeeze(near) in self.passages.squeezed_reading(page):
            return True
        body = self.passages.body(page)
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(near), body)]
        changed = [
            em.ident
            for em in self.edition.emendations_of_page(page)
            if em.changes_words
            and em.copy
            and any(s < f.end() and f.start() < e for f in re.finditer(re.escape(em.copy), body) for s, e in spans)
        ]
        self.add(
            line,
            f"{what}: the words {near!r} are not in the reading text, where an emendation "
            f"({', '.join(changed) or 'of this page'}) corrects them",
            "quote other words of the paragraph, or end the quotation before the misprint",
        )
        return False

    def in_note(self, number: int, quote: str, line, what: str) -> bool:
        """Is the quote in the note as the edition reads it (a misprint it corrects no longer printed there)?"""
        printed = self.edition.note(number).text
        reading, changed = printed, []
        for em in self.edition.emendations_of_note(number):
            if em.changes_words and em.copy and em.copy in reading:
                reading = reading.replace(em.copy, em.reading)
                changed.append(em.ident)
        if squeeze(quote) in squeeze(reading):
            return True
        if squeeze(quote) in squeeze(printed):
            self.add(
                line,
                f"{what}: the quote {quote!r} is in note {number} only as the copy-text misprints it; an "
                f"emendation ({', '.join(changed)}) corrects it, and the note as the edition reads it does not "
                "hold these words",
                "quote the words as the edition reads them (the emendation made), as a reader of the note finds them",
            )
        else:
            self.add(
                line,
                f"{what}: the quote {quote!r} is not in note {number}",
                f"copy the words exactly as note {number} prints them",
            )
        return False

    def unnumbered(self, page: str, near: str) -> bool:
        """Does `near` stand in a block of the page's Markdown that the build does not number?"""
        needle = squeeze(near)
        return next((bare for squeezed, bare in _blocks(self.edition.pages[page].body) if needle in squeezed), False)

    def other(self, raw, line, what: str) -> OtherDate | None:
        item_line = getattr(raw, "line", None) or line
        if not check_mapping(raw, self.display, self.problems, f"the other date of {what}", OTHER_KEYS, OTHER_KEYS):
            if isinstance(raw, dict) and not raw.get("evidence"):
                self.add(
                    item_line,
                    f"{what}: the other date names no reference",
                    "add 'evidence: {ref: KEY, at: \"locator\"}' naming an entry of data/references.bib",
                )
            return None
        span = self.span(raw["date"], raw.key_lines.get("date", item_line), f"the other date of {what}")
        remark = raw["remark"]
        if not isinstance(remark, str) or not remark.strip():
            self.add(
                raw.key_lines.get("remark", item_line),
                f"{what}: the remark on the other date must be text",
                "write 'remark: ...' saying which reference gives which date",
            )
            return None
        if self.references is None:
            self.add(item_line, f"{what}: the references are not loaded", "restore data/references.bib")
            return None
        before = len(self.problems.problems)
        evidence = self.references.check(
            raw["evidence"], self.display, raw.key_lines.get("evidence", item_line), self.problems, what
        )
        if span is None or len(self.problems.problems) > before or not evidence:
            return None
        return OtherDate(span, evidence, remark.strip())
