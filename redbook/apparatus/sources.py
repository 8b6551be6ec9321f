"""The sources the book cites or quotes, and every place that cites them.

- `data/sources.bib` (BibTeX) is the one bibliography: each entry's `keywords` names its kind (KINDS).
- A chapter cites a source right after the book's own words that name it: `{{ cite("pravda", "September 12") }}`
  (the second argument, the locator, is the date, issue or page the book gives at that place).
- A note cites through its data, never its text: `citations: [{source: record1936, locator: ...}]` in
  `footnotes/chapter-N.yml`.
- `data/edition.bib` is the edition's own reference ("Cite this").

References are formatted by mkdocs-bibtex's own formatter (`mkdocs_bibtex.registry.SimpleRegistry`: pybtex's
plain style with its Markdown backend). That is the one seam between the edition and mkdocs-bibtex
(`_registry` below); the plugin's page hooks are not used, so its footnotes never mix with the book's notes.

The API for the web, PDF, EPUB and open-data renderers (all plain data, no HTML):

    data = edition.apparatus["sources"]            # a Sources
    data.kinds()                                   # [(kind, label, [Source, ...]), ...] in the page's order
    data.sources["pravda"].reference               # Markdown, as mkdocs-bibtex formats it
    data.sources["pravda"].text                    # the same as plain text
    data.citations                                 # every Citation, in reading order
    data.citations_of("pravda"), data.citations_on_page("chapter-4"), data.citations_of_note(19)
    data.bibtex(), data.csl_json()                 # the bibliography as downloads
    data.edition_ref.bibtex(url), .csl(url), .chicago(url)   # the edition's own reference
    page_reference(edition, page, url)             # "Cite this page": Chicago and BibTeX of a chapter
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from redbook.bibfile import LATEX, read_bib
from redbook.bibfile import field_line as _field_line
from redbook.bibfile import plain as _plain
from redbook.bibfile import syntax as _syntax
from redbook.errors import Collector
from redbook.mapping import check_mapping
from redbook.safety import scan
from redbook.yamlsrc import parse_yaml, read_text

NAME = "sources"
ORDER = 30

SOURCES = Path("data/sources.bib")
EDITION_BIB = Path("data/edition.bib")
# the files it reads (the notes files too, for their citations' lines); the model: recorded (redbook/incremental.py)
INPUTS = (SOURCES, EDITION_BIB, "footnotes/")

#: The kinds of source, in the order of the Sources page; a source's `keywords` names exactly one.
KINDS = {
    "trial": "Trial documents",
    "soviet-press": "Soviet press",
    "western-press": "Western press",
    "opposition-press": "Opposition press",
    "trotsky": "Trotsky’s writings",
    "letters": "Letters and statements",
    "other": "Other",
}

#: A citation in a chapter's Markdown: {{ cite("key") }} or {{ cite("key", "locator") }}
CITE = re.compile(
    r"""\{\{-?\s*cite\(\s*(?P<q>["'])(?P<key>[^"'\n]*)(?P=q)\s*"""
    r"""(?:,\s*(?P<q2>["'])(?P<locator>[^"'\n]*)(?P=q2)\s*)?\)\s*-?\}\}"""
)
#: Anything that looks like a citation call, to catch the malformed ones.
CITE_LOOSE = re.compile(r"\{\{[^}\n]*?\bcite\s*\(")
CITATION_KEYS = {"source", "locator"}
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


@dataclass(frozen=True)
class Source:
    key: str
    kind: str
    type: str  # BibTeX entry type: misc, article ...
    line: int  # line of data/sources.bib where the entry starts
    reference: str  # the full reference in Markdown, as mkdocs-bibtex formats it
    text: str  # the same as plain text
    short: str  # a short name for labels ("Pravda", "Leon Trotsky, [Text of May 1936]")
    fields: dict = field(repr=False, compare=False, default_factory=dict)  # plain-text fields (title, year ...)
    persons: dict = field(repr=False, compare=False, default_factory=dict)  # role -> [(family, given)]

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def anchor(self) -> str:
        """The id of the source's entry on the Sources page."""
        return f"src-{self.key}"


@dataclass(frozen=True)
class Citation:
    key: str
    locator: str  # the date, issue or page the book gives at that place ("" when it gives none)
    page: str  # stem of the page whose text or notes cite it
    note: int | None  # the note that cites it, or None for the reading text
    ident: str  # the id of its marker: cite-3-4 (4th citation of chapter 3's text), cite-n19-1 (in note 19)
    path: str  # where it is written (docs/chapter-3.md, footnotes/chapter-3.yml)
    line: int

    @property
    def in_note(self) -> bool:
        return self.note is not None


@dataclass(frozen=True)
class EditionReference:
    """The edition's own reference (data/edition.bib), for "Cite this"."""

    key: str
    author: tuple[str, str]  # (family, given)
    title: str
    description: str  # howpublished: part, transcription, printed edition followed
    note: str  # publication history

    def chicago(self, url: str | None = None) -> str:
        family, given = self.author
        stop = "" if self.title.endswith(("?", "!")) else "."  # Chicago: a title's own ? or ! takes no period
        parts = [f"{family}, {given}. *{self.title}*{stop} {self.description}. {self.note}."]
        if url:
            parts.append(f"{url}.")
        return " ".join(parts)

    def bibtex(self, url: str | None = None) -> str:
        family, given = self.author
        fields = [
            ("author", f"{family}, {given}"),
            ("title", f"{{{self.title}}}"),
            ("howpublished", self.description),
            ("note", self.note),
        ]
        if url:
            fields.append(("url", url))
        return _bibtex_entry("misc", self.key, fields)

    def csl(self, url: str | None = None) -> dict:
        family, given = self.author
        item = {
            "id": self.key,
            "type": "book",
            "title": self.title,
            "author": [{"family": family, "given": given}],
            "genre": self.description,
            "note": self.note,
        }
        if url:
            item["URL"] = url
        return item


@dataclass
class Sources:
    path: str
    sources: dict[str, Source]  # in the order of data/sources.bib
    citations: list[Citation]  # in reading order (each page's text, then its notes)
    edition_ref: EditionReference | None
    bib_text: str = ""

    def kinds(self) -> list[tuple[str, str, list[Source]]]:
        groups = []
        for kind, label in KINDS.items():
            members = [s for s in self.sources.values() if s.kind == kind]
            if members:
                groups.append((kind, label, members))
        return groups

    def citations_of(self, key: str) -> list[Citation]:
        return [c for c in self.citations if c.key == key]

    def citations_on_page(self, stem: str) -> list[Citation]:
        """The citations in a page's reading text (not its notes), in order."""
        return [c for c in self.citations if c.page == stem and c.note is None]

    def citations_of_note(self, number: int) -> list[Citation]:
        return [c for c in self.citations if c.note == number]

    def unused(self) -> list[Source]:
        cited = {c.key for c in self.citations}
        return [s for s in self.sources.values() if s.key not in cited]

    def bibtex(self) -> str:
        """The whole bibliography as BibTeX: the data file itself."""
        return self.bib_text

    def csl_json(self) -> list[dict]:
        """The bibliography as CSL-JSON items (for Zotero and citeproc), in the order of the data file."""
        return [_csl_item(s) for s in self.sources.values()]

    # the open-data downloads (redbook/downloads/open_data.py) ask each part of the apparatus for its files' text
    def to_bibtex(self) -> str:
        return self.bibtex()

    def to_csl_json(self) -> str:
        import json

        return json.dumps(self.csl_json(), ensure_ascii=False, indent=2) + "\n"


# -- loading and checking ---------------------------------------------------------------------------


def load(edition, problems: Collector) -> Sources:
    root = edition.root
    display = SOURCES.as_posix()
    path = root / SOURCES
    if not path.exists():
        problems.add(
            display,
            None,
            "the bibliography of the sources is missing",
            "restore data/sources.bib (BibTeX, one entry a source)",
        )
        return Sources(display, {}, [], None)
    text = read_text(path, problems, display)
    sources = _load_bib(path, text, display, problems) if text is not None else {}
    citations = _text_citations(edition, sources, problems) + _note_citations(edition, sources, problems)
    citations = _in_reading_order(edition, citations)
    edition_ref = _load_edition(root, problems)
    return Sources(display, sources, citations, edition_ref, text or "")


def _registry(path: Path):
    """mkdocs-bibtex's formatter for the file: the one seam to mkdocs-bibtex."""
    from mkdocs_bibtex.registry import SimpleRegistry

    return SimpleRegistry([str(path)])


def _format(registry, key: str) -> tuple[str, str]:
    from mkdocs_bibtex.citation import Citation as BibCitation

    markdown = registry.reference_text(BibCitation(key=key))
    # the same reference as plain text: without the Markdown backend's emphasis and escapes
    text = re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)\*", "", markdown))
    return markdown, " ".join(text.split())


def _load_bib(path: Path, text: str, display: str, problems: Collector) -> dict[str, Source]:
    """The sources of the file, formatted; the same text is read and formatted once (a preview's rebuild after an
    edit of a chapter loads this part again for the citations, not for the bibliography). Sources are frozen."""
    sources, found = _bib(path, text, display)
    problems.problems.extend(found)
    return dict(sources)


@functools.lru_cache(maxsize=8)
def _bib(path: Path, text: str, display: str) -> tuple[dict[str, Source], tuple]:
    problems = Collector()
    return _read_bib(path, text, display, problems), tuple(problems.problems)


def _read_bib(path: Path, text: str, display: str, problems: Collector) -> dict[str, Source]:
    scan(text, problems, display)
    entries = read_bib(text, display, problems)  # the syntax, the keys and LaTeX are checked there
    if entries is None:
        return {}
    try:
        registry = _registry(path)
    except Exception as err:
        problems.add(display, None, f"mkdocs-bibtex cannot read the file: {err}", "check the entry the message names")
        return {}
    sources: dict[str, Source] = {}
    for key, bib in entries.items():
        entry, line = bib.raw, bib.line
        latex = any(LATEX.search(value) for value in entry.fields.values())  # reported by read_bib
        before = len(problems.problems)
        words = [w for w in re.split(r"[,;\s]+", entry.fields.get("keywords", "")) if w]
        kinds = [w for w in words if w in KINDS]
        if len(kinds) != 1:
            problems.add(
                display,
                _field_line(text, line, "keywords"),
                f"{key}: 'keywords' must name exactly one kind of source, not {entry.fields.get('keywords', '')!r}",
                f"write keywords = {{one of {', '.join(KINDS)}}}",
            )
        if latex or len(problems.problems) > before:
            continue
        try:
            reference, plain = _format(registry, key)
        except Exception as err:  # pybtex's plain style refuses an entry without a field it needs
            problems.add(
                display,
                line,
                f"{key}: mkdocs-bibtex (pybtex plain style) cannot format this @{entry.type} entry: {err}",
                "add the field it names, or use @misc, which needs none",
            )
            continue
        fields, persons = bib.fields, bib.persons
        sources[key] = Source(
            key, kinds[0], entry.type, line, reference, plain, _short(fields, persons), fields, persons
        )
    return sources


def _short(fields: dict, persons: dict) -> str:
    title = fields.get("title", "")
    authors = persons.get("author", [])
    if authors:
        family, given = authors[0]
        return f"{(given + ' ') if given else ''}{family}, {title}"
    return title


def _did_you_mean(key: str, sources: dict) -> str:
    close = difflib.get_close_matches(key, list(sources), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _text_citations(edition, sources: dict[str, Source], problems: Collector) -> list[Citation]:
    citations = []
    for page in edition.pages.values():
        strict = {m.start() for m in CITE.finditer(page.body)}
        for loose in CITE_LOOSE.finditer(page.body):
            if loose.start() not in strict:
                problems.add(
                    page.path,
                    page.line_of(loose.start()),
                    "a cite(...) call that the edition cannot read",
                    'write {{ cite("key") }} or {{ cite("key", "locator") }}, with straight quotes',
                )
        count = 0
        for match in CITE.finditer(page.body):
            line = page.line_of(match.start())
            key, locator = match.group("key"), (match.group("locator") or "").strip()
            if page.paragraph_prefix is None:
                problems.add(
                    page.path,
                    line,
                    f'cite("{key}") stands on a page with no numbered paragraphs',
                    "cite sources only in the reading text (the foreword and the chapters), "
                    "where the Sources page can link to the paragraph",
                )
                continue
            if key not in sources:
                problems.add(
                    page.path,
                    line,
                    f'cite("{key}") names no source of {SOURCES.as_posix()}{_did_you_mean(key, sources)}',
                    f"correct the key, or add an entry @misc{{{key}, ...}} to {SOURCES.as_posix()}",
                )
                continue
            count += 1
            citations.append(
                Citation(key, locator, page.stem, None, f"cite-{page.paragraph_prefix}-{count}", page.path, line)
            )
    return citations


def _note_citations(edition, sources: dict[str, Source], problems: Collector) -> list[Citation]:
    citations = []
    for path in sorted((edition.root / "footnotes").glob("*.yml")):
        display = path.relative_to(edition.root).as_posix()
        text = read_text(path, Collector(), display)  # the notes' own loader reports the file's problems
        data = parse_yaml(text, Collector(), display) if text is not None else None
        if not isinstance(data, dict):
            continue
        for item in data.get("notes") or []:
            if not isinstance(item, dict) or "citations" not in item:
                continue
            number = item.get("number")
            line = item.key_lines.get("citations", item.line)
            entries = item["citations"]
            note = edition.notes.get(number)
            if note is None:
                continue  # the notes' loader has said why
            if not isinstance(entries, list) or not entries:
                problems.add(
                    display,
                    line,
                    f"note {number}: 'citations' must be a list of sources",
                    "write '- source: KEY' (and 'locator: ...' if the note gives a date, issue or page)",
                )
                continue
            for count, entry in enumerate(entries, start=1):
                at = getattr(entry, "line", line)
                if not isinstance(entry, dict) or not isinstance(entry.get("source"), str):
                    problems.add(
                        display,
                        at,
                        f"note {number}: each citation needs 'source' (a key of {SOURCES.as_posix()})",
                        "write '- source: KEY' and, if any, 'locator: ...'",
                    )
                    continue
                check_mapping(entry, display, problems, "a citation", CITATION_KEYS)
                key = entry["source"]
                locator = entry.get("locator", "")
                if not isinstance(locator, str):
                    problems.add(display, at, f"note {number}: the locator must be text", "put it in quotes")
                    continue
                if key not in sources:
                    problems.add(
                        display,
                        entry.key_lines.get("source", at),
                        f"note {number} cites {key!r}, which is no source of {SOURCES.as_posix()}"
                        f"{_did_you_mean(key, sources)}",
                        f"correct the key, or add an entry for it to {SOURCES.as_posix()}",
                    )
                    continue
                citations.append(
                    Citation(key, locator.strip(), note.page, number, f"cite-n{number}-{count}", display, at)
                )
    return citations


def _in_reading_order(edition, citations: list[Citation]) -> list[Citation]:
    order = {stem: index for index, stem in enumerate(edition.pages)}
    return sorted(citations, key=lambda c: (order.get(c.page, 999), c.note is not None, c.note or 0, c.line))


def _load_edition(root: Path, problems: Collector) -> EditionReference | None:
    from pybtex.database.input.bibtex import Parser  # directly: pybtex's plugin look-up scans entry points
    from pybtex.scanner import PybtexSyntaxError

    display = EDITION_BIB.as_posix()
    path = root / EDITION_BIB
    if not path.exists():
        problems.add(
            display,
            None,
            "the edition's own reference is missing",
            "restore data/edition.bib (one @misc entry: author, title, howpublished, note)",
        )
        return None
    text = read_text(path, problems, display)
    if text is None:
        return None
    scan(text, problems, display)
    try:
        data = Parser().parse_string(text)
    except PybtexSyntaxError as err:
        problems.add(display, err.lineno, f"malformed BibTeX: {_syntax(err)}", "check the braces and commas")
        return None
    if len(data.entries) != 1:
        problems.add(
            display,
            1,
            f"the file must hold exactly one entry, not {len(data.entries)}",
            "keep the one entry that describes this edition",
        )
        return None
    key, entry = next(iter(data.entries.items()))
    missing = [name for name in ("title", "howpublished", "note") if name not in entry.fields]
    if missing or not entry.persons.get("author"):
        problems.add(
            display,
            1,
            f"the edition's entry lacks {', '.join(missing or ['author'])}",
            "give author, title, howpublished and note",
        )
        return None
    person = entry.persons["author"][0]
    author = (" ".join(person.last_names), " ".join(person.first_names + person.middle_names))
    return EditionReference(
        key, author, _plain(entry.fields["title"]), _plain(entry.fields["howpublished"]), _plain(entry.fields["note"])
    )


# -- what the renderers share ------------------------------------------------------------------------


def _bibtex_entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body},\n}}"


def _csl_item(source: Source) -> dict:
    f = source.fields
    item: dict = {"id": source.key, "type": _CSL_TYPES.get(source.type, "document"), "title": f.get("title", "")}
    for role in ("author", "editor"):
        if source.persons.get(role):
            item[role] = [
                {"family": family, **({"given": given} if given else {})} for family, given in source.persons[role]
            ]
    if f.get("year"):
        parts = [int(f["year"])]
        month = f.get("month", "").lower()[:3]
        if month in _MONTHS:
            parts.append(_MONTHS.index(month) + 1)
            if f.get("day", "").isdigit():
                parts.append(int(f["day"]))
        item["issued"] = {"date-parts": [parts]}
    for bib, csl in (
        ("journal", "container-title"),
        ("number", "issue"),
        ("howpublished", "medium"),
        ("note", "note"),
        ("url", "URL"),
    ):
        if f.get(bib):
            item[csl] = f[bib]
    item["keyword"] = KINDS[source.kind]
    return item


_CSL_TYPES = {
    "article": "article-journal",
    "book": "book",
    "misc": "document",
    "inbook": "chapter",
    "incollection": "chapter",
    "unpublished": "manuscript",
}


def page_reference(edition, page, url: str | None = None) -> dict[str, str]:
    """How to cite one page of the reading text: Chicago (bibliography and note forms) and BibTeX.

    `url` is the page's address when the site has one (mkdocs.yml site_url); the paragraph form names the
    paragraph as §N.M and its anchor #pN.M. Titles are marked *so* (plain_citation() drops the marks).
    """
    ref: EditionReference = edition.apparatus[NAME].edition_ref
    family, given = ref.author
    if page.part == "chapter":
        part, part_note, key = (
            f"Chapter {page.chapter}",
            f"chap. {page.chapter}, {quoted_title(page.title, ',')}",
            f"{ref.key}-ch{page.chapter}",
        )
    else:
        part, part_note, key = page.title, f"{page.title.lower()},", f"{ref.key}-{page.stem}"
    example = f"{page.paragraph_prefix}.1"
    return {
        "chicago": f"{family}, {given}. {quoted_title(page.title, '.')} {part + ' in' if page.part == 'chapter' else 'In'} "
        f"*{ref.title}*. {ref.description}. {ref.note}." + (f" {url}." if url else ""),
        "paragraph": f"{given} {family}, *{ref.title}*, {part_note} §{example}"
        + (f", {url}#p{example}." if url else "."),
        "example": example,
        "bibtex": _bibtex_entry(
            "misc",
            key,
            [
                ("author", f"{family}, {given}"),
                ("title", f"{{{page.title}}}"),
                (
                    "howpublished",
                    f"{part + ' of' if page.part == 'chapter' else 'In'} {given} {family}, {ref.title}, "
                    f"{ref.description}",
                ),
                ("note", ref.note),
                *([("url", url)] if url else []),
            ],
        ),
    }


def quoted_title(title: str, punctuation: str) -> str:
    """A title in quotation marks, Chicago style: the sentence's period or comma goes inside the closing mark,
    unless the title ends with its own question or exclamation mark; quotation marks inside become single."""
    inner = title.replace("“", "‘").replace("”", "’").replace('"', "’")
    return f"“{inner}{'' if inner.endswith(('?', '!')) else punctuation}”"


def plain_citation(citation: str) -> str:
    """A citation of page_reference() or EditionReference.chicago() without the marks of its titles."""
    return citation.replace("*", "")
