"""What the indexes of places and of organisations share: entries with forms as printed, an identification with
its evidence, and every occurrence of a form in the reading text and the notes.

Two thin modules of redbook/apparatus/ use it (redbook/apparatus/organisations.py, ORDER 49, and redbook/apparatus/places.py, ORDER 50).
Each declares its data file, its closed list of kinds and the fields it allows; `load_index` reads the file with the
line-keeping YAML loader, checks every entry (redbook.mapping.check_mapping), checks its identification (`from:`, a
place of the book, through redbook.passages.Passages; `evidence:`, works of data/references.bib), and finds every
occurrence of every form with redbook.passages.finder over redbook.passages.segments, as the register of persons does.

What one stretch of text is a mention of, when several indexes could claim it:
  - a person's form (data/persons.yml) may stand inside an organisation's form only where the organisation declares
    the person under `named_after:` ("the Lominadze group"): the two mentions are then nested, the person's inside;
  - a place's form inside an organisation's form ("the Leningrad Center", "the Moscow Izvestia") is a mention of the
    organisation, not of the place: the organisations are found first and their spans are excluded from the places;
  - any other overlap (a place's form inside a person's, a form given to two entries, an undeclared person inside an
    organisation) is a mention claimed by two entries, and fails the build with the file, the line and the fix.

API for the renderers (web, print, e-book, open data), the same for both indexes:
    index = edition.apparatus["places"]          (or ["organisations"])
    index.entries               key -> Entry, in index order (by name)
    index.entry(key)            one Entry
    index.mentions              every Mention, in reading order (a page's body, then its notes)
    index.mentions_of(key), index.mentions_on(stem), index.occurrences_on(stem)
    index.records()             one plain dict an entry, for JSON / CSV
    index.phrases()             the paragraphs the entries cite (from:, disputed:), for <a class="place">
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .dates import needs_style, valid_date
from .errors import Collector
from .mapping import check_mapping
from .passages import Passages, PhraseRef, Place, finder, line_of
from .yamlsrc import Mapping, read_yaml

KEY_FORMAT = re.compile(r"^[a-z][a-z0-9-]*$")
NOT_IDENTIFIED = "not identified"
COPYTEXT = "source/red-book-part1.etol.txt"
# The one statement of an alleged group, whatever the entry's own words: it is never described as if it existed.
ALLEGED_STATEMENT = "named by the prosecution; the book argues that it did not exist"


@dataclass(frozen=True)
class Spec:
    """What one index is: its name in edition.apparatus, its data file, its kinds and fields (all data)."""

    name: str  # "places"
    what: str  # "place": used in messages
    prefix: str  # "pl": the anchors of its mentions are pl-KEY-N
    data: Path
    kinds: frozenset[str]
    allowed: frozenset[str]
    required: frozenset[str]
    top: str  # the list under this key: "places:"
    extra_tops: tuple[str, ...] = ()  # other top-level lists allowed beside it (cross_references, not_indexed)


@dataclass
class Entry:
    key: str
    name: str  # as indexed: "Leningrad", "GPU (State Political Administration)"
    kind: str
    forms: tuple[str, ...]
    about: str  # the identification, in the edition's words; "not identified" where nothing was found
    source: Place | None = None  # from: where the book itself gives the identification
    evidence: tuple = ()  # redbook.apparatus.references.Evidence: the works that give it
    alleged: bool = False
    disputed: Place | None = None  # where the book argues that the alleged group did not exist
    named_after: tuple[str, ...] = ()  # persons whose names stand inside the forms
    remark: str | None = None
    line: int = 0
    key_lines: dict = field(default_factory=dict)
    # issue 26: the index's structure (both indexes) and a body's dates (organisations)
    parent: str | None = None  # this entry is a subentry of `parent` in the index
    see_also: tuple[str, ...] = ()  # "see also" cross-references (keys)
    founded: str | None = None
    renamed: tuple[tuple[str, str], ...] = ()  # (date, new name)
    dissolved: str | None = None
    dates_evidence: tuple = ()  # of references.Evidence, for founded/renamed/dissolved
    dates_single: str | None = None

    @property
    def identified(self) -> bool:
        return not self.about.lower().startswith(NOT_IDENTIFIED)

    @property
    def statement(self) -> str | None:
        return ALLEGED_STATEMENT if self.alleged else None

    @property
    def letter(self) -> str:
        return sort_key(self.name)[:1].upper()


@dataclass(frozen=True)
class Mention:
    key: str
    page: str  # stem of the page
    note: int | None  # the note it stands in, or None for the body
    start: int  # offsets in the searched text (the body, or the note's text), as the persons' mentions
    end: int
    form: str  # as printed in the copy-text
    ordinal: int  # 1, 2, ... for this entry on this page
    prefix: str = "pl"
    index: str = "places"

    @property
    def anchor(self) -> str:
        """The id of the mention in the page: pl-KEY-N (places), org-KEY-N (organisations)."""
        return f"{self.prefix}-{self.key}-{self.ordinal}"

    @property
    def place_key(self) -> str:
        """The key under which the build records its paragraph."""
        return f"{self.index}-mention:{self.page}:{self.anchor}"


@dataclass(frozen=True)
class CrossReference:
    """A name the index does not head, sending the reader to an entry: "Trotskyist-Zinovievist center, see ..."."""

    name: str
    see: str  # an entry's key
    line: int = 0


@dataclass(frozen=True)
class NotIndexed:
    """A body the text names that the index leaves out, and why (organisations)."""

    name: str
    reason: str
    line: int = 0


@dataclass
class Index:
    spec: Spec
    entries: dict[str, Entry]
    mentions: list[Mention]
    forms: dict[str, str]  # form -> key
    path: str = ""
    cross_references: list[CrossReference] = field(default_factory=list)
    not_indexed: list[NotIndexed] = field(default_factory=list)

    def children(self, key: str) -> list[Entry]:
        """The subentries of `key`, in index order."""
        return [e for e in self.entries.values() if e.parent == key]

    def top(self) -> list[Entry]:
        """The entries that head the index (no parent), in index order."""
        return [e for e in self.entries.values() if e.parent is None or e.parent not in self.entries]

    def headings(self) -> list[tuple[str, object]]:
        """The index's lines in order: ("entry", Entry) for a main entry (its subentries follow it as
        ("sub", Entry)), and ("see", CrossReference) merged in by name."""
        lines: list[tuple[str, str, object]] = [(sort_key(e.name), "entry", e) for e in self.top()]
        lines += [(sort_key(c.name), "see", c) for c in self.cross_references]
        out: list[tuple[str, object]] = []
        for _, what, item in sorted(lines, key=lambda t: (t[0], t[1])):
            out.append((what, item))
            if what == "entry":
                out += [("sub", c) for c in self.children(item.key)]
        return out

    def entry(self, key: str) -> Entry:
        return self.entries[key]

    def mentions_of(self, key: str) -> list[Mention]:
        return [m for m in self.mentions if m.key == key]

    def mentions_on(self, stem: str) -> list[Mention]:
        return [m for m in self.mentions if m.page == stem]

    def occurrences_on(self, stem: str) -> list[Mention]:
        """The marked stretches of a page, in reading order (each names one entry)."""
        return self.mentions_on(stem)

    def count(self, key: str) -> int:
        return sum(1 for m in self.mentions if m.key == key)

    def spans(self) -> dict[tuple[str, int | None], list[tuple[int, int]]]:
        """(page, note) -> the (start, end) of every mention there."""
        out: dict = {}
        for m in self.mentions:
            out.setdefault((m.page, m.note), []).append((m.start, m.end))
        return out

    def phrases(self) -> list[PhraseRef]:
        """The paragraphs of the running text the entries cite (from:, disputed:), found by their words."""
        refs = []
        for e in self.entries.values():
            for name, place in (("from", e.source), ("disputed", e.disputed)):
                if place is not None and place.page is not None:
                    key = f"{self.spec.name}-{name}:{e.key}"
                    refs.append(PhraseRef(place.page, place.near, key, self.path, e.key_lines.get(name, e.line)))
        return refs

    def records(self) -> list[dict]:
        """The index as plain data (for JSON and CSV downloads)."""
        out = []
        for e in self.entries.values():
            mentions = self.mentions_of(e.key)
            record = {
                "key": e.key,
                "name": e.name,
                "kind": e.kind,
                "forms": list(e.forms),
                "identification": e.about,
                "identified": e.identified,
                "identification_source": place_label(e.source) if e.source else None,
                "evidence": [{"ref": ev.ref, "at": ev.at} for ev in e.evidence],
                "remark": e.remark,
                "parent": e.parent,
                "see_also": list(e.see_also),
                "mentions": len(mentions),
                "mentions_by_page": {
                    stem: sum(1 for m in mentions if m.page == stem) for stem in dict.fromkeys(m.page for m in mentions)
                },
            }
            if "alleged" in self.spec.allowed:
                record["alleged"] = e.alleged
                record["statement"] = e.statement
                record["disputed_at"] = place_label(e.disputed) if e.disputed else None
                record["named_after"] = list(e.named_after)
            if "founded" in self.spec.allowed:
                record["founded"] = e.founded
                record["renamed"] = [{"date": d, "name": n} for d, n in e.renamed]
                record["dissolved"] = e.dissolved
                record["dates_evidence"] = [{"ref": ev.ref, "at": ev.at} for ev in e.dates_evidence]
                record["dates_single"] = e.dates_single
            out.append(record)
        return out

    def cross_reference_records(self) -> list[dict]:
        return [{"name": c.name, "see": c.see} for c in self.cross_references]


def _later(first: str, second: str) -> bool:
    first, second = first.split(" ")[0], second.split(" ")[0]
    size = min(len(first), len(second))
    return first[:size] > second[:size]


def place_label(place: Place) -> str:
    if place.note is not None:
        return f"note {place.note}" + (f": “{place.near}”" if place.near else "")
    return f"{place.page}: “{place.near}”"


def sort_key(name: str) -> str:
    """Index order: letters only, accents, case and a leading article ignored."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"^(the|le|la|l'|die|der) ", "", plain)
    return re.sub(r"[^a-z0-9, ]", "", plain)


# -- loading and checking --------------------------------------------------------------------------------
def load_index(edition, problems: Collector, spec: Spec, exclude: list | None = None) -> Index:
    """Read and check `spec.data`; find the mentions. `exclude`: indexes whose spans hold no mention of this one."""
    display = spec.data.as_posix()
    empty = Index(spec, {}, [], {}, display)
    path = edition.root / spec.data
    if not path.exists():
        return empty
    data = read_yaml(path, problems, display)
    if data is None:
        return empty
    if (
        not isinstance(data, Mapping)
        or spec.top not in data
        or not set(data) <= {spec.top, *spec.extra_tops}
        or not isinstance(data[spec.top], list)
    ):
        problems.add(
            display,
            getattr(data, "line", 1),
            f"the file must hold one list, under '{spec.top}:'",
            f"start the file with '{spec.top}:' followed by entries '  - key: ...'",
        )
        return empty
    checker = _Checker(edition, problems, display, spec)
    entries = checker.entries(data[spec.top])
    crosses = checker.cross_references(data, entries)
    left_out = checker.not_indexed(data)
    checker.links(entries)
    if not checker.passages.segments:
        return Index(spec, entries, [], {}, display, crosses, left_out)
    index = checker.find(entries, exclude or [])
    index.cross_references, index.not_indexed = crosses, left_out
    return index


class _Checker:
    def __init__(self, edition, problems: Collector, display: str, spec: Spec):
        self.edition, self.problems, self.display, self.spec = edition, problems, display, spec
        self.passages = Passages(edition)
        self.references = edition.apparatus.get("references")
        self.persons = edition.apparatus.get("persons")

    def add(self, line, what, fix):
        self.problems.add(self.display, line, what, fix)

    # entries --------------------------------------------------------------------------------------------
    def entries(self, raw: list) -> dict[str, Entry]:
        entries: dict[str, Entry] = {}
        for item in raw:
            entry = self.entry(item)
            if entry is None:
                continue
            if entry.key in entries:
                self.add(
                    entry.line,
                    f"the key {entry.key!r} is used twice (also line {entries[entry.key].line})",
                    f"give each {self.spec.what} a key of its own; merge the entries if they are one {self.spec.what}",
                )
                continue
            entries[entry.key] = entry
        return dict(sorted(entries.items(), key=lambda kv: (sort_key(kv[1].name), kv[0])))

    def entry(self, item) -> Entry | None:
        what = f"a {self.spec.what} of {self.display}"
        if isinstance(item, Mapping) and isinstance(item.get("key"), str):
            what = f"the {self.spec.what} {item['key']!r}"
        if not check_mapping(item, self.display, self.problems, what, self.spec.allowed, self.spec.required):
            return None
        line, lines = item.line, item.key_lines
        key = item["key"]
        if not isinstance(key, str) or not KEY_FORMAT.match(key):
            self.add(
                lines["key"], f"the key {key!r} is not lower-case letters, digits and hyphens", "write it like 'gpu'"
            )
            return None
        ok = True
        kind = item["kind"]
        if kind not in self.spec.kinds:
            self.add(
                lines["kind"],
                f"{key}: unknown kind {kind!r}",
                f"the kind of a {self.spec.what} is one of: {', '.join(sorted(self.spec.kinds))}",
            )
            ok = False
        forms = item["forms"]
        if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.strip() for f in forms):
            self.add(
                lines["forms"],
                f"{key}: forms must be a list of names as printed",
                'write for example  forms: [Leningrad, "Leningrad Center"]',
            )
            return None
        for f in sorted({f for f in forms if forms.count(f) > 1}):
            self.add(lines["forms"], f"{key}: {f!r} is listed twice in forms", "list it once")
        about = item["about"]
        if not isinstance(about, str) or not about.strip():
            self.add(
                lines["about"],
                f"{key}: about must be a sentence",
                f"identify the {self.spec.what}, or write 'not identified'",
            )
            return None
        source = None
        if "from" in item:
            source = self.passages.check(item["from"], self.display, lines["from"], self.problems, f"{key}: from")
            ok = ok and source is not None
        evidence: tuple = ()
        if "evidence" in item:
            if self.references is None:
                self.add(
                    lines["evidence"], f"{key}: the edition's references are not loaded", "restore data/references.bib"
                )
                ok = False
            else:
                before = len(self.problems.problems)
                evidence = self.references.check(
                    item["evidence"], self.display, lines["evidence"], self.problems, f"{key}: evidence"
                )
                ok = ok and len(self.problems.problems) == before
        identified = not about.lower().startswith(NOT_IDENTIFIED)
        if identified and not evidence and source is None and ok:
            self.add(
                lines["about"],
                f"{key}: the identification has no reference",
                'add  evidence: {ref: KEY, at: "locator"}  naming a work of data/references.bib, or '
                'from: {page: chapter-N, near: "words"} where the book itself gives it; '
                "write 'not identified' where nothing can be found",
            )
            ok = False
        alleged = item.get("alleged", False)
        disputed = None
        if not isinstance(alleged, bool):
            self.add(lines["alleged"], f"{key}: alleged must be true or false", "write  alleged: true")
            ok, alleged = False, False
        if alleged:
            if "disputed" not in item:
                self.add(
                    lines["alleged"],
                    f"{key}: an alleged group needs the place where the book argues that it did not exist",
                    'add  disputed: {page: chapter-N, near: "the book\'s words"}  (or {note: N})',
                )
                ok = False
            else:
                disputed = self.passages.check(
                    item["disputed"], self.display, lines["disputed"], self.problems, f"{key}: disputed"
                )
                ok = ok and disputed is not None
        elif "disputed" in item:
            self.add(
                lines["disputed"],
                f"{key}: disputed: is given but the entry is not alleged",
                "add  alleged: true, or remove disputed:",
            )
            ok = False
        named_after = item.get("named_after", [])
        if not isinstance(named_after, list) or not all(isinstance(k, str) for k in named_after):
            self.add(
                lines["named_after"],
                f"{key}: named_after must be a list of keys of data/persons.yml",
                "write  named_after: [lominadze]",
            )
            ok, named_after = False, []
        known = self.persons.persons if self.persons is not None else {}
        for person in named_after:
            if person not in known:
                self.add(
                    lines["named_after"],
                    f"{key}: named_after names {person!r}, which is not a key of data/persons.yml",
                    "give the key of the person whose name the form contains",
                )
                ok = False
        structure = self.structure(item, key)
        if structure is None:
            ok = False
        remark = item.get("remark")
        if not ok:
            return None
        return Entry(
            key,
            str(item["name"]),
            kind,
            tuple(dict.fromkeys(forms)),
            about.strip(),
            source,
            evidence,
            alleged,
            disputed,
            tuple(named_after),
            str(remark) if remark is not None else None,
            line,
            dict(lines),
            **structure,
        )

    def structure(self, item, key: str) -> dict | None:
        """The fields of issue 26 (parent, see_also; a body's dates), checked in shape; the keys they name are
        checked once every entry is read (links). None where one is malformed."""
        lines, out, ok = item.key_lines, {}, True
        parent = item.get("parent")
        if parent is not None:
            if not isinstance(parent, str) or parent == key:
                self.add(lines["parent"], f"{key}: parent must be the key of another entry", "write  parent: gpu")
                ok = False
            else:
                out["parent"] = parent
        see_also = item.get("see_also")
        if see_also is not None:
            if isinstance(see_also, str):
                see_also = [see_also]
            if not isinstance(see_also, list) or not all(isinstance(k, str) and k != key for k in see_also):
                self.add(
                    lines["see_also"],
                    f"{key}: see_also must be a list of keys of other entries",
                    "write  see_also: [left-opposition]",
                )
                ok = False
            else:
                out["see_also"] = tuple(see_also)
        for name in ("founded", "dissolved"):
            value = item.get(name)
            if value is None:
                continue
            if not valid_date(value):
                self.add(
                    lines[name],
                    f"{key}: {name} {value!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD (then O.S. or N.S.)",
                    f'write the date as precisely as the reference gives it, in quotes: {name}: "1917-12-20"',
                )
                ok = False
            else:
                out[name] = value
        renamed = item.get("renamed")
        if renamed is not None:
            good = isinstance(renamed, list) and all(
                isinstance(r, dict) and set(r) == {"date", "name"} and valid_date(r["date"]) and str(r["name"]).strip()
                for r in renamed
            )
            if not good:
                self.add(
                    lines["renamed"],
                    f"{key}: renamed must be a list of {{date, name}}",
                    'write  renamed: [{date: "1922-02-06", name: GPU}]',
                )
                ok = False
            else:
                out["renamed"] = tuple((r["date"], str(r["name"])) for r in renamed)
        if "dates_evidence" in item and self.references is not None:
            before = len(self.problems.problems)
            out["dates_evidence"] = self.references.check(
                item["dates_evidence"], self.display, lines["dates_evidence"], self.problems, f"{key}: dates_evidence"
            )
            ok = ok and len(self.problems.problems) == before
        single = item.get("dates_single")
        if single is not None:
            if not isinstance(single, str) or not single.strip():
                self.add(lines["dates_single"], f"{key}: dates_single must be a remark", 'write  dates_single: "..."')
                ok = False
            else:
                out["dates_single"] = single.strip()
        if "founded" in out and "dissolved" in out and _later(out["founded"], out["dissolved"]):
            self.add(
                lines["dissolved"],
                f"{key}: dissolved {out['dissolved']} before being founded {out['founded']}",
                "check both dates in the reference",
            )
            ok = False
        dated = [out.get("founded"), out.get("dissolved"), *(d for d, _ in out.get("renamed", ()))]
        if any(dated):
            for value in filter(None, dated):
                if needs_style(value):
                    self.add(
                        lines.get("founded", item.line),
                        f"{key}: {value!r} is a full day before 1918-02-14 without O.S. or N.S.",
                        f'write "{value} O.S." (the Julian day, as the source gives it) or "{value} N.S." '
                        "(converted to the Gregorian)",
                    )
            if "dates_single" not in out and not self.references.supported(out.get("dates_evidence", ())):
                self.add(
                    lines.get("dates_evidence", lines.get("founded", item.line)),
                    f"{key}: the dates of the {self.spec.what} are not supported: no primary work, and not two "
                    "independent works (all Wikipedias are one), in dates_evidence",
                    'give  dates_evidence: [{ref: KEY, at: "..."}, ...]  (a record of the time, or two works of '
                    'different publishers), or  dates_single: "only one source found: KEY; ..."',
                )
        return out if ok else None

    def links(self, entries: dict[str, Entry]) -> None:
        """parent and see_also name entries of this index; a parent is not its own ancestor."""
        for e in entries.values():
            if e.parent is not None and e.parent not in entries:
                self.missing(e.key_lines.get("parent", e.line), f"{e.key}: parent", e.parent, entries)
            for other in e.see_also:
                if other not in entries:
                    self.missing(e.key_lines.get("see_also", e.line), f"{e.key}: see_also", other, entries)
            seen, up = {e.key}, e.parent
            while up in entries:
                if up in seen:
                    self.add(
                        e.key_lines.get("parent", e.line),
                        f"{e.key}: parent {e.parent!r} leads back to {e.key!r}",
                        "an entry is a subentry of one main entry: remove one of the parents",
                    )
                    break
                seen.add(up)
                up = entries[up].parent

    def missing(self, line, what: str, key: str, entries: dict) -> None:
        import difflib

        close = difflib.get_close_matches(key, list(entries), n=1)
        self.add(
            line,
            f"{what} names {key!r}, which is not a key of {self.display}"
            + (f" (did you mean {close[0]!r}?)" if close else ""),
            f"give the key of an entry of {self.display}, or add the entry",
        )

    def cross_references(self, data, entries: dict[str, Entry]) -> list[CrossReference]:
        items = data.get("cross_references")
        if items is None:
            return []
        if not isinstance(items, list):
            self.add(
                getattr(data, "key_lines", {}).get("cross_references", 1),
                "cross_references must be a list",
                'write  cross_references:  then  - {name: "...", see: KEY}',
            )
            return []
        out = []
        for item in items:
            what = f"a cross-reference of {self.display}"
            if not check_mapping(item, self.display, self.problems, what, {"name", "see"}, {"name", "see"}):
                continue
            name, see = str(item["name"]).strip(), str(item["see"])
            if see not in entries:
                self.missing(item.key_lines.get("see", item.line), f"the cross-reference {name!r}: see", see, entries)
                continue
            out.append(CrossReference(name, see, item.line))
        return out

    def not_indexed(self, data) -> list[NotIndexed]:
        items = data.get("not_indexed")
        if items is None:
            return []
        out = []
        for item in items if isinstance(items, list) else [items]:
            what = f"an entry of not_indexed in {self.display}"
            if check_mapping(item, self.display, self.problems, what, {"name", "reason"}, {"name", "reason"}):
                out.append(NotIndexed(str(item["name"]), str(item["reason"]), item.line))
        return out

    # the finder -----------------------------------------------------------------------------------------
    def find(self, entries: dict[str, Entry], exclude: list) -> Index:
        spec = self.spec
        owners: dict[str, str] = {}
        for e in entries.values():
            for f in e.forms:
                if f in owners:
                    first = entries[owners[f]]
                    self.add(
                        e.key_lines["forms"],
                        f"the form {f!r} is given for {first.key} (line {first.key_lines['forms']}) and {e.key}: "
                        "a mention claimed by two entries",
                        "give the form to one entry only; a longer form (“Moscow Center”) can tell them apart",
                    )
                    continue
                owners[f] = e.key
        # a form of another index is a mention claimed by two entries
        others = []
        if self.persons is not None:
            others.append(("data/persons.yml", "person", {f: ", ".join(k) for f, k in self.persons.forms.items()}))
        for other in exclude:
            others.append((other.path, other.spec.what, other.forms))
        for f, key in owners.items():
            for path, what, forms in others:
                if f in forms:
                    self.add(
                        entries[key].key_lines["forms"],
                        f"{key}: the form {f!r} is also the form of the {what} {forms[f]!r} ({path}): "
                        "a mention claimed by two entries",
                        "remove it from one of the two files; a longer form tells them apart",
                    )
        copytext = self.edition.copytext
        pattern = finder(owners) if owners else None
        excluded: dict[tuple, list[tuple[int, int]]] = {}
        for other in exclude:
            for where, spans in other.spans().items():
                excluded.setdefault(where, []).extend(spans)
        person_spans: dict[tuple, list] = {}
        if self.persons is not None:
            for m in self.persons.mentions:
                person_spans.setdefault((m.page, m.note), []).append(m)
        mentions: list[Mention] = []
        seen: dict[str, int] = {}  # form -> occurrences outside excluded spans
        printed: set[str] = set()
        ordinals: dict[tuple[str, str], int] = {}
        for seg in self.passages.segments if pattern else []:
            text = seg.text(copytext)
            where = (seg.page, seg.note)
            for match in pattern.finditer(text):
                form = match.group("form")
                printed.add(form)
                start, end = match.start(), match.end()
                if any(s <= start and end <= e for s, e in excluded.get(where, [])):
                    continue  # inside an organisation's name: a mention of the organisation
                line = line_of(copytext, seg.start + start)
                partial = [(s, e) for s, e in excluded.get(where, []) if s < end and start < e]
                if partial:
                    self.problems.add(
                        COPYTEXT,
                        line,
                        f"the {spec.what} form {form!r} ({self.display}) overlaps an organisation's form here: "
                        "a mention claimed by two entries",
                        "make one form cover the whole name, or remove the form that cuts across it",
                    )
                    continue
                key = owners[form]
                entry = entries[key]
                clash = [
                    p
                    for p in person_spans.get(where, [])
                    if p.start < end
                    and start < p.end
                    and not (p.key in entry.named_after and start <= p.start and p.end <= end)
                ]
                if clash:
                    p = clash[0]
                    self.problems.add(
                        COPYTEXT,
                        line,
                        f"the {spec.what} form {form!r} of {key} ({self.display}) overlaps the person form {p.form!r} "
                        f"of {p.key} (data/persons.yml): a mention claimed by two entries",
                        f"if the name contains the person's name, add  named_after: [{p.key}]  to {key}"
                        if "named_after" in spec.allowed
                        else "remove the form from one of the two files, or give a longer form",
                    )
                    continue
                seen[form] = seen.get(form, 0) + 1
                ordinals[(seg.page, key)] = ordinals.get((seg.page, key), 0) + 1
                mentions.append(
                    Mention(
                        key, seg.page, seg.note, start, end, form, ordinals[(seg.page, key)], spec.prefix, spec.name
                    )
                )
        for e in entries.values():
            for f in e.forms:
                if f in printed and f not in seen:
                    self.add(
                        e.key_lines["forms"],
                        f"{e.key}: the form {f!r} is printed only inside the name of an organisation",
                        "remove the form: those occurrences are mentions of the organisation",
                    )
                elif f not in printed:
                    self.add(
                        e.key_lines["forms"],
                        f"{e.key}: the form {f!r} never occurs in the text or the notes",
                        "copy the form exactly as printed (curly quotes and all), or remove it",
                    )
            if e.named_after:
                inside = {
                    p.key
                    for m in mentions
                    if m.key == e.key
                    for p in person_spans.get((m.page, m.note), [])
                    if m.start <= p.start and p.end <= m.end
                }
                for person in e.named_after:
                    if person not in inside:
                        self.add(
                            e.key_lines["named_after"],
                            f"{e.key}: named_after names {person!r}, whose name stands in none of its mentions",
                            "remove the key, or give the person the form the name prints",
                        )
        return Index(spec, entries, mentions, owners, self.display)
