"""Where the book quotes the trial record (data/record.yml), and the volumes of the case the record cites
(data/volumes.yml): the contract of docs (issue 25), loaded and checked with the rest of the edition.

- data/record.yml: `copies` (the copies of the record read, each with the session pages read) and `quotations`
  (one item a passage of the book that quotes or closely paraphrases a trial record, in the book's order), each
  with its place in the book (page + near, or note), the source it quotes (a key of data/sources.bib), and,
  where located, the copy (a key of data/references.bib), the session, the part of the record, the locator in
  the copy (`at`) and the agreement of the book's words with the copy's.
- data/volumes.yml: `citations` (one item a citation "(Vol. XXXVI, p. 6)" in the copy, in the record's order)
  and `comparison` (one item a defendant of chapter 6's table: the edition's statement of how the volumes the
  record cites compare with Sedov's dossier numbers).

The cite check: every {{ cite("record1936", ...) }} of docs/ and every note citation of record1936 (and of the
other QUOTED_SOURCES: the indictment, the verdicts, the press) must have a quotation entry of that source whose
`near` lies in the same paragraph (or is in that note), also a citation without a locator
(the foreword's "based on the official record", which names the record as a whole). While data/record.yml does not exist the part is None and the check is OFF: the build stays
green until the data lands (issue 25: the data and the code are written on two branches).

The API for the renderers and the downloads (plain data, no HTML):

    data = edition.apparatus["record"]             # a Record, or None when data/record.yml is absent
    data.quotations                                # in the book's order
    data.in_record_order()                         # located ones by session and part, then the others
    data.for_citation(citation)                    # the quotation a Citation of the sources part stands for
    data.copy_address(q)                           # the address of the copy's page that holds it, or None
    data.volumes, data.comparisons, data.volumes_of(person)
    data.phrases()                                 # the `near` words, linked to their paragraph (rec-KEY)
    data.to_csv(), data.to_json(), data.volumes_to_csv(), data.volumes_to_json()
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from redbook.errors import Collector
from redbook.mapping import check_mapping
from redbook.passages import PhraseRef, searchable, squeeze
from redbook.yamlsrc import parse_yaml, read_text

NAME = "record"
ORDER = 55  # after the references (10), the sources and the dossiers (30) and the persons (40)
DATA = Path("data/record.yml")
VOLUMES = Path("data/volumes.yml")
INPUTS = (DATA, VOLUMES)  # the files it reads; what it reads of the model is recorded (redbook/incremental.py)
RECORD_KEY = "record1936"  # the record of the trial of August 1936, as the book cites it
#: The sources whose every citation must have a quotation entry: the record of 1936 and its parts the book cites
#: apart (the indictment, the verdict), the verdict of January 1935, and the press the book quotes on the trials.
QUOTED_SOURCES = (
    RECORD_KEY,
    "indictment1936",
    "verdict1936",
    "verdict1935",
    "pravda",
    "tass",
    "humanite",
    "imprecor",
    "volkszeitung",
)

KINDS = ("quotation", "paraphrase")
LOCATED, NOT_LOCATED = "located", "not located in the copies read"
STATUSES = (LOCATED, NOT_LOCATED)
AGREEMENTS = ("same", "close", "different", "not found")
NEEDS_REMARK = ("different", "not found")

TOP = frozenset({"copies", "quotations"})
COPY_KEYS = frozenset({"key", "sessions"})
SESSION_KEYS = frozenset({"page", "session", "part"})
QUOTATION_ORDER = (  # the fields of data/record.yml's quotations, in the order of the downloads' columns
    *("key", "page", "note", "near", "quotes", "kind", "status", "copy", "session", "part", "at", "pages"),
    *("agreement", "remark", "searched"),
)
QUOTATION_KEYS = frozenset(QUOTATION_ORDER)
LOCATED_KEYS = ("copy", "session", "part", "at", "agreement")
VOLUMES_TOP = frozenset({"citations", "comparison"})
CITATION_KEYS = frozenset({"volume", "page", "whose", "statement", "section", "at", "copy", "after"})
CITATION_REQUIRED = frozenset({"volume", "whose", "statement", "section", "at", "copy"})
COMPARISON_KEYS = frozenset({"person", "agreement"})
ROMAN = re.compile(r"^[IVXLC]+$")
KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: The copy's page file at the head of a locator: "19/reingold.htm, paragraph beginning ..."
PAGE_FILE = re.compile(r"^\s*([\w./%-]+\.html?)\b")


@dataclass(frozen=True)
class Session:
    page: str  # the copy's own page name ("19/indictment.htm")
    session: str  # "1936-08-19 morning"
    part: str  # "indictment"


@dataclass(frozen=True)
class Quotation:
    key: str
    page: str  # the page of the book (for a note: the note's chapter)
    note: int | None
    near: str
    quotes: str
    kind: str
    status: str
    copy: str | None
    session: str | None
    part: str | None
    at: str | None
    pages: str | None
    agreement: str | None
    remark: str | None
    searched: tuple[str, ...]
    line: int

    @property
    def anchor(self) -> str:
        return f"rec-{self.key}"

    @property
    def located(self) -> bool:
        return self.status == LOCATED

    @property
    def page_file(self) -> str | None:
        found = PAGE_FILE.match(self.at or "")
        return found.group(1) if found else None

    def locator(self) -> str:
        """The locator as one line of text: session, part, the copy's page (and printed pages), agreement."""
        if not self.located:
            return "Not located in the copies of the record read."
        bits = [f"Session of {self.session}", self.part, self.at]
        if self.pages:
            bits.append(self.pages)
        return "; ".join(b for b in bits if b) + f". Agreement with the copy: {self.agreement}."


@dataclass(frozen=True)
class VolumeCitation:
    volume: str
    page: str | None
    whose: str
    statement: str
    section: str
    at: str
    copy: str
    after: str | None
    line: int

    @property
    def label(self) -> str:
        return f"Vol. {self.volume}" + (f", p. {self.page}" if self.page else "")


@dataclass(frozen=True)
class Comparison:
    person: str
    agreement: str
    line: int


@dataclass
class Record:
    path: str
    copies: dict[str, tuple[Session, ...]]
    quotations: list[Quotation]
    volumes: list[VolumeCitation] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    copy_urls: dict[str, str] = field(default_factory=dict)  # copy key -> its address (data/references.bib)
    copy_titles: dict[str, str] = field(default_factory=dict)
    dossier_numbers: dict[str, int] = field(default_factory=dict)  # person -> Sedov's dossier number
    person_names: dict[str, str] = field(default_factory=dict)
    by_citation: dict[str, Quotation] = field(default_factory=dict)  # Citation.ident -> its quotation

    # -- questions -------------------------------------------------------------------------------
    def quotation(self, key: str) -> Quotation | None:
        return next((q for q in self.quotations if q.key == key), None)

    def for_citation(self, citation) -> Quotation | None:
        return self.by_citation.get(citation.ident)

    def _order(self) -> dict[tuple[str, str], int]:
        """(session, part) -> its rank in the record: the order of the copies' session pages as read."""
        order: dict[tuple[str, str], int] = {}
        for sessions in self.copies.values():
            for s in sessions:
                order.setdefault((s.session, s.part), len(order))
        return order

    def in_record_order(self) -> list[Quotation]:
        """The located quotations in the RECORD's order (session; then part: the indictment, the examinations, the
        prosecutor's statements and speech, the last pleas, the verdict, and in that the order of the session
        pages as data/record.yml lists them; then the book's order), then those not located, in the book's order."""
        order = self._order()
        located = [q for q in self.quotations if q.located]
        book = {q.key: i for i, q in enumerate(self.quotations)}
        located.sort(
            key=lambda q: (
                *session_rank(q.session),
                part_rank(q.part),
                order.get((q.session, q.part), len(order)),
                book[q.key],
            )
        )
        return located + [q for q in self.quotations if not q.located]

    def copy_address(self, q: Quotation) -> str | None:
        """The address of the copy's page that holds the passage (the copy's url + the page file), or None."""
        base = self.copy_urls.get(q.copy or "")
        page = q.page_file or next(  # a locator without its page file: the session page read for that part
            (s.page for s in self.copies.get(q.copy or "", ()) if (s.session, s.part) == (q.session, q.part)), None
        )
        if not base or not page:
            return None
        return urljoin(base, page)

    def volume_address(self, v: VolumeCitation) -> str | None:
        found = PAGE_FILE.match(v.at)
        base = self.copy_urls.get(v.copy)
        return urljoin(base, found.group(1)) if base and found else None

    def volumes_of(self, person: str) -> list[VolumeCitation]:
        return [v for v in self.volumes if v.whose == person]

    def phrases(self) -> list[PhraseRef]:
        return [PhraseRef(q.page, q.near, q.anchor, self.path, q.line) for q in self.quotations if q.note is None]

    # -- downloads -------------------------------------------------------------------------------
    def rows(self) -> list[dict]:
        out = []
        for q in self.quotations:
            row = asdict(q)
            del row["line"]
            row["note"] = "" if q.note is None else q.note
            row["searched"] = "; ".join(q.searched)
            row["copy_url"] = self.copy_address(q) or ""
            out.append({k: ("" if v is None else v) for k, v in row.items()})
        return out

    def volume_rows(self) -> list[dict]:
        out = []
        for v in self.volumes:
            row = {k: ("" if val is None else val) for k, val in asdict(v).items() if k != "line"}
            row["dossier"] = self.dossier_numbers.get(v.whose, "")
            row["copy_url"] = self.volume_address(v) or ""
            out.append(row)
        return out

    def comparison_rows(self) -> list[dict]:
        return [
            {
                "person": c.person,
                "name": self.person_names.get(c.person, c.person),
                "dossier": self.dossier_numbers.get(c.person, ""),
                "volumes": [v.label for v in self.volumes_of(c.person)],
                "agreement": c.agreement,
            }
            for c in self.comparisons
        ]

    def to_csv(self) -> str:
        return _csv(self.rows(), list(QUOTATION_FIELDS))

    def to_json(self) -> str:
        data = {
            "about": "The passages of the book that quote a trial record, each with its place in the record.",
            "source_file": DATA.as_posix(),
            "copies": {k: [asdict(s) for s in v] for k, v in self.copies.items()},
            "quotations": self.rows(),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def volumes_to_csv(self) -> str:
        return _csv(self.volume_rows(), list(VOLUME_FIELDS))

    def volumes_to_json(self) -> str:
        data = {
            "about": "The volumes of the case that the trial record cites, and how they compare with the "
            "dossier numbers the book gives.",
            "source_file": VOLUMES.as_posix(),
            "citations": self.volume_rows(),
            "comparison": self.comparison_rows(),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def session_rank(session: str | None) -> tuple[str, int]:
    """A session's place in the trial: its date, then morning before evening ("1936-08-19 evening")."""
    date, _, half = (session or "").partition(" ")
    return date, {"morning": 0, "evening": 2}.get(half.strip(), 1)


#: The order of the parts inside a session, by the first words of `part`.
PARTS = ("indictment", "examination", "statement", "speech", "the prosecutor", "last plea", "verdict")


def part_rank(part: str | None) -> int:
    text = (part or "").lower()
    return next((i for i, head in enumerate(PARTS) if text.startswith(head)), 1)


QUOTATION_FIELDS = (*QUOTATION_ORDER, "copy_url")  # and the address of the copy's page
VOLUME_FIELDS = ("volume", "page", "whose", "statement", "section", "at", "copy", "after", "dossier", "copy_url")


def _csv(rows: list[dict], fields: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in fields})
    return out.getvalue()


# -- loading and checking -------------------------------------------------------------------------------


def _read(edition, rel: Path, problems: Collector):
    text = read_text(edition.root / rel, problems, rel.as_posix())
    return parse_yaml(text, problems, rel.as_posix()) if text is not None else None


class _Checker:
    def __init__(self, edition, problems: Collector, display: str):
        self.edition, self.problems, self.display = edition, problems, display
        sources = edition.apparatus.get("sources")
        references = edition.apparatus.get("references")
        self.sources = set(sources.sources) if sources is not None else set()
        self.references = references.entries if references is not None else {}

    def add(self, line, what: str, fix: str) -> None:
        self.problems.add(self.display, line, what, fix)

    def line(self, item, key: str) -> int | None:
        return getattr(item, "key_lines", {}).get(key, getattr(item, "line", None))

    def text(self, item, key: str, what: str, required: bool = True) -> str | None:
        value = item.get(key)
        if value is None:
            if required:
                self.add(getattr(item, "line", None), f"{what} has no '{key}'", f"give '{key}: ...'")
            return None
        if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
            self.add(self.line(item, key), f"{what}: '{key}' must be text", f"write '{key}: \"...\"'")
            return None
        return str(value).strip()

    def choice(self, item, key: str, allowed, what: str) -> str | None:
        value = self.text(item, key, what)
        if value is not None and value not in allowed:
            self.add(
                self.line(item, key),
                f"{what}: '{key}: {value}' is not one of {', '.join(allowed)}",
                f"write one of: {', '.join(allowed)}",
            )
            return None
        return value

    def copy(self, item, what: str) -> str | None:
        value = self.text(item, "copy", what)
        if value is not None and value not in self.references:
            self.add(
                self.line(item, "copy"),
                f"{what}: the copy {value!r} is not a key of data/references.bib",
                "name the copy read by its key in data/references.bib (e.g. report-1936), or add an entry for it",
            )
            return None
        return value


def load(edition, problems: Collector) -> Record | None:
    if not (edition.root / DATA).exists():
        return None  # no data yet: the part is empty and the cite check is OFF (see the module's docstring)
    data = _read(edition, DATA, problems)
    if data is None:
        return None
    c = _Checker(edition, problems, DATA.as_posix())
    if not check_mapping(data, c.display, problems, "the record file", TOP, TOP):
        return None
    copies = _load_copies(c, data["copies"])
    quotations = _load_quotations(c, data["quotations"], copies)
    record = Record(c.display, copies, quotations)
    for key in copies:
        ref = c.references.get(key)
        if ref is not None:
            record.copy_urls[key] = ref.fields.get("url", "")
            record.copy_titles[key] = ref.fields.get("title", "")
    dossiers = edition.apparatus.get("dossiers")
    if dossiers is not None:
        record.dossier_numbers = {key: d.number for key, d in dossiers._by_person.items()}
        record.person_names = {key: p.name for key, p in dossiers.persons.items()}
    if (edition.root / VOLUMES).exists():
        _load_volumes(edition, problems, record)
    _check_citations(edition, c, record)
    return record


def _load_copies(c: _Checker, raw) -> dict[str, tuple[Session, ...]]:
    copies: dict[str, tuple[Session, ...]] = {}
    if not isinstance(raw, list) or not raw:
        c.add(getattr(raw, "line", 1), "'copies' must be a list of the copies read", "write '- key: report-1936'")
        return copies
    for item in raw:
        if not check_mapping(item, c.display, c.problems, "a copy", COPY_KEYS, COPY_KEYS):
            continue
        key = c.text(item, "key", "a copy")
        if key is None:
            continue
        if key not in c.references:
            c.add(
                c.line(item, "key"),
                f"the copy {key!r} is not a key of data/references.bib",
                "name the copy by its key in data/references.bib, or add an entry for it",
            )
        sessions = []
        for s in item["sessions"] or []:
            if not check_mapping(s, c.display, c.problems, "a session page", SESSION_KEYS, SESSION_KEYS):
                continue
            values = [c.text(s, k, "a session page") for k in ("page", "session", "part")]
            if None not in values:
                sessions.append(Session(*values))
        if not sessions:
            c.add(item.line, f"the copy {key!r} lists no session pages", "list the pages read under 'sessions:'")
        copies[key] = tuple(sessions)
    return copies


def _paragraph_of(body: str, offset: int) -> tuple[int, int]:
    """The span of the Markdown paragraph (blank-line separated block) that holds `offset`."""
    start = max((m.end() for m in re.finditer(r"\n[ \t]*\n", body[:offset])), default=0)
    end = re.compile(r"\n[ \t]*\n").search(body, offset)
    return start, end.start() if end else len(body)


def _load_quotations(c: _Checker, raw, copies) -> list[Quotation]:
    edition = c.edition
    out: list[Quotation] = []
    if not isinstance(raw, list):
        c.add(getattr(raw, "line", 1), "'quotations' must be a list", "write one '- key: ...' item a passage")
        return out
    seen: dict[str, int] = {}
    for item in raw:
        if not check_mapping(item, c.display, c.problems, "a quotation", QUOTATION_KEYS, {"key", "near"}):
            continue
        key = c.text(item, "key", "a quotation")
        if key is None:
            continue
        what = f"quotation {key}"
        if not KEY.match(key):
            c.add(
                c.line(item, "key"),
                f"{what}: the key must be lower-case letters, digits and hyphens",
                "e.g. ch3-reingold-kirov",
            )
        if key in seen:
            c.add(
                c.line(item, "key"),
                f"{what}: the key is used twice (also line {seen[key]})",
                "give each passage its own key",
            )
            continue
        seen[key] = item.line
        near = c.text(item, "near", what)
        page, note = item.get("page"), item.get("note")
        if (page is None) == (note is None):
            c.add(item.line, f"{what} must give either 'page' or 'note'", "write 'page: chapter-3' or 'note: 21'")
            continue
        if note is not None:
            target = edition.notes.get(note) if isinstance(note, int) and not isinstance(note, bool) else None
            if target is None:
                c.add(
                    c.line(item, "note"),
                    f"{what} names note {note!r}, which does not exist",
                    "give the number of a note of footnotes/",
                )
                continue
            page = target.page
            if near is not None and squeeze(near) not in squeeze(target.text):
                c.add(
                    c.line(item, "near"),
                    f"{what}: the words {near!r} are not in note {note}",
                    f"copy the words exactly as note {note} prints them",
                )
        else:
            target = edition.pages.get(page)
            if target is None or not target.is_reading_text:
                c.add(
                    c.line(item, "page"),
                    f"{what} names page {page!r}, which is not a page of the reading text",
                    "use the name of a file of docs/ without .md, e.g. 'chapter-3'",
                )
                continue
            if near is not None:
                found = squeeze(searchable(target.body)).count(squeeze(near))
                if found == 0:
                    c.add(
                        c.line(item, "near"),
                        f"{what}: the words {near!r} are not in {target.path}",
                        f"copy the words exactly as {target.path} prints them (curly quotes and all)",
                    )
                elif found > 1:
                    c.add(
                        c.line(item, "near"),
                        f"{what}: the words {near!r} stand {found} times in {target.path}",
                        "give more words, enough to name one place",
                    )
        quotes = c.text(item, "quotes", what)
        if quotes is not None and quotes not in c.sources:
            c.add(
                c.line(item, "quotes"),
                f"{what}: 'quotes: {quotes}' is not a key of data/sources.bib",
                "name the source the book quotes by its key in data/sources.bib (record1936, indictment1936 ...)",
            )
        kind = c.choice(item, "kind", KINDS, what)
        status = c.choice(item, "status", STATUSES, what)
        fields = {}
        if status == LOCATED:
            for k in LOCATED_KEYS:
                if item.get(k) is None:
                    c.add(
                        item.line,
                        f"{what} is located but has no '{k}'",
                        f"give '{k}:' as the copy read shows it, or write 'status: {NOT_LOCATED}'",
                    )
            fields["copy"] = c.copy(item, what) if "copy" in item else None
            fields["agreement"] = c.choice(item, "agreement", AGREEMENTS, what) if "agreement" in item else None
            for k in ("session", "part", "at"):
                fields[k] = c.text(item, k, what, required=False)
        else:
            fields["copy"] = c.copy(item, what) if "copy" in item else None
            fields["agreement"] = c.choice(item, "agreement", AGREEMENTS, what) if "agreement" in item else None
            for k in ("session", "part", "at"):
                fields[k] = c.text(item, k, what, required=False)
        pages = c.text(item, "pages", what, required=False)
        remark = c.text(item, "remark", what, required=False)
        if fields["agreement"] in NEEDS_REMARK and not remark:
            c.add(
                c.line(item, "agreement"),
                f"{what}: agreement '{fields['agreement']}' needs a 'remark'",
                "say in the edition's words what differs (or that the words were not found), with references",
            )
        searched = item.get("searched")
        if searched is not None and (
            not isinstance(searched, list) or not all(isinstance(s, str) and s.strip() for s in searched)
        ):
            c.add(
                c.line(item, "searched"),
                f"{what}: 'searched' must be a list of lines of text",
                "write '- \"report-1936: 19/indictment.htm: searched “...”\"'",
            )
            searched = None
        if status == NOT_LOCATED and not searched:
            c.add(
                item.line,
                f"{what} is not located but says nothing of the search ('searched')",
                "list which copy, which session pages and which words were searched",
            )
        if fields["copy"] and fields["at"] and fields["copy"] in copies:
            found = PAGE_FILE.match(fields["at"])
            read = {s.page for s in copies[fields["copy"]]}
            index = c.references[fields["copy"]].fields.get("url", "").rsplit("/", 1)[-1]
            read.add(index)  # the copy's own address (its table of contents) is read with it
            if found and found.group(1) not in read:
                c.add(
                    c.line(item, "at"),
                    f"{what}: the page {found.group(1)!r} is not among the pages of {fields['copy']} read",
                    f"list it under the copy's 'sessions:' in {c.display}, or correct the locator",
                )
        if None in (near, quotes, kind, status):
            continue
        out.append(
            Quotation(
                key,
                page,
                note,
                near,
                quotes,
                kind,
                status,
                fields["copy"],
                fields["session"],
                fields["part"],
                fields["at"],
                pages,
                fields["agreement"],
                remark,
                tuple(searched or ()),
                item.line,
            )
        )
    return out


def _load_volumes(edition, problems: Collector, record: Record) -> None:
    data = _read(edition, VOLUMES, problems)
    if data is None:
        return
    c = _Checker(edition, problems, VOLUMES.as_posix())
    if not check_mapping(data, c.display, problems, "the volumes file", VOLUMES_TOP, {"citations"}):
        return
    persons = edition.apparatus.get("persons")
    known = set(getattr(persons, "persons", {}) or {}) | set(record.person_names)
    for item in data["citations"] or []:
        if not check_mapping(item, c.display, problems, "a volume citation", CITATION_KEYS, CITATION_REQUIRED):
            continue
        values = {k: c.text(item, k, "a volume citation", required=k in CITATION_REQUIRED) for k in CITATION_KEYS}
        if values["volume"] and not ROMAN.match(values["volume"]):
            c.add(
                c.line(item, "volume"),
                f"volume {values['volume']!r} is not a Roman number",
                'write the volume as printed: "XXXVI"',
            )
        if values["whose"] and values["whose"] != "other" and known and values["whose"] not in known:
            c.add(
                c.line(item, "whose"),
                f"'whose: {values['whose']}' is not a key of data/persons.yml",
                "use a person key of data/persons.yml, or 'other'",
            )
        if values["copy"] and values["copy"] not in c.references:
            c.add(
                c.line(item, "copy"),
                f"the copy {values['copy']!r} is not a key of data/references.bib",
                "name the copy by its key in data/references.bib",
            )
        if None in (values[k] for k in CITATION_REQUIRED):
            continue
        record.volumes.append(VolumeCitation(**values, line=item.line))
    for item in data.get("comparison") or []:
        if not check_mapping(item, c.display, problems, "a comparison", COMPARISON_KEYS, COMPARISON_KEYS):
            continue
        person, agreement = c.text(item, "person", "a comparison"), c.text(item, "agreement", "a comparison")
        if person and record.dossier_numbers and person not in record.dossier_numbers:
            c.add(
                c.line(item, "person"),
                f"'person: {person}' has no dossier number in data/dossiers.yml",
                "use the key of a defendant of chapter 6's table",
            )
        elif person and agreement:
            record.comparisons.append(Comparison(person, agreement, item.line))


def _check_citations(edition, c: _Checker, record: Record) -> None:
    """Every citation of record1936 (with a locator) has a quotation entry in its paragraph or note."""
    sources = edition.apparatus.get("sources")
    if sources is None:
        return
    from redbook.apparatus.sources import CITE

    by_page: dict[str, list[Quotation]] = {}
    for q in record.quotations:
        by_page.setdefault(q.page, []).append(q)
    for page in edition.pages.values():
        placed = [x for x in sources.citations_on_page(page.stem)]
        matches = list(CITE.finditer(page.body))
        if len(matches) != len(placed):
            continue  # the sources part has reported the malformed calls
        text = searchable(page.body)
        for citation, match in zip(placed, matches):
            if citation.key not in QUOTED_SOURCES:
                continue
            start, end = _paragraph_of(page.body, match.start())
            paragraph = squeeze(text[start:end])
            hit = next(
                (
                    q
                    for q in by_page.get(page.stem, [])
                    if q.note is None and q.quotes == citation.key and squeeze(q.near) in paragraph
                ),
                None,
            )
            if hit is None:
                edition_problem(
                    c,
                    citation,
                    f"{_call(citation)} has no quotation entry in {c.display} for its paragraph",
                    f"add a quotation with 'page: {page.stem}' and 'near:' words of this paragraph",
                )
            else:
                record.by_citation[citation.ident] = hit
    for citation in sources.citations:
        if citation.key not in QUOTED_SOURCES or citation.note is None:
            continue
        hit = next((q for q in record.quotations if q.note == citation.note and q.quotes == citation.key), None)
        if hit is None:
            edition_problem(
                c,
                citation,
                f"note {citation.note} cites {citation.key} but {c.display} has no quotation entry for the note",
                f"add a quotation with 'note: {citation.note}' and 'near:' words of the note",
            )
        else:
            record.by_citation[citation.ident] = hit


def _call(citation) -> str:
    return f'cite("{citation.key}", "{citation.locator}")' if citation.locator else f'cite("{citation.key}")'


def edition_problem(c: _Checker, citation, what: str, fix: str) -> None:
    c.problems.add(citation.path, citation.line, what, fix)
