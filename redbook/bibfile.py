"""Read a BibTeX file of the edition: entries with the line they start on, fields as plain text.

One reader for every bibliography (data/sources.bib, data/edition.bib, data/references.bib), so that a
malformed entry gets the same message, with its line, wherever it stands.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .errors import Collector

KEY = re.compile(r"^[a-z][a-z0-9-]*$")
ENTRY = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(][ \t]*([^,\s]*)", re.M)
NOT_ENTRIES = {"comment", "preamble", "string"}
LATEX = re.compile(r"\\[A-Za-z]+|\\[^A-Za-z\s]")


@dataclass(frozen=True)
class BibEntry:
    key: str
    type: str
    line: int
    fields: dict  # plain-text fields
    persons: dict  # role -> [(family, given), ...]
    raw: object  # pybtex's entry, for formatters


def entry_lines(text: str, display: str, problems: Collector) -> dict[str, int]:
    """The line each entry starts on; a repeated or irregular key is reported."""
    lines: dict[str, int] = {}
    for match in ENTRY.finditer(text):
        kind, key = match.group(1).lower(), match.group(2)
        if kind in NOT_ENTRIES:
            continue
        line = text.count("\n", 0, match.start()) + 1
        if key in lines:
            problems.add(
                display,
                line,
                f"the key {key!r} is used twice (also line {lines[key]})",
                "give each entry its own key, or merge the two entries",
            )
            continue
        if not KEY.match(key):
            problems.add(
                display,
                line,
                f"the key {key!r} is not a plain key",
                "use lower-case letters, digits and hyphens, starting with a letter (e.g. pravda, trial1935)",
            )
        lines[key] = line
    return lines


def field_line(text: str, entry_line: int | None, name: str) -> int | None:
    """The line of field `name` in the entry starting on `entry_line`."""
    if entry_line is None:
        return None
    lines = text.split("\n")
    for number in range(entry_line - 1, len(lines)):
        if re.match(rf"\s*{re.escape(name)}\s*=", lines[number], re.I):
            return number + 1
        if number > entry_line - 1 and lines[number].lstrip().startswith("@"):
            break
    return entry_line


VERBATIM = frozenset({"url", "doi"})  # fields read as they are written


def plain(value: str) -> str:
    """A BibTeX field as plain text: braces that only protect capitals are dropped."""
    if not any(c in value for c in "{}\\~$%&#^_") and not any(t in value for t in ("--", "``", "''")):
        return " ".join(value.split())  # nothing of LaTeX in it: pybtex's conversion would only join the spaces
    from pybtex.richtext import Text

    return " ".join(Text.from_latex(value).render(_plain_backend()).split())


@functools.cache
def _plain_backend():
    """pybtex's plain-text backend, made once (render_as() looks it up among the entry points at every call)."""
    from pybtex.backends.plaintext import Backend

    return Backend()


def syntax(err) -> str:
    """pybtex's message without its own "syntax error in line N" (the line is given in front)."""
    return re.sub(r"^syntax error in line \d+:\s*", "", str(err))


def read_bib(text: str, display: str, problems: Collector) -> dict[str, BibEntry] | None:
    """Parse `text`; None (with the problems reported) when it cannot be read at all. The same text is parsed
    once (a preview's rebuild, data/sources.bib read by two parts): the entries are read, never changed."""
    entries, found = _parsed(text, display)
    problems.problems.extend(found)
    return dict(entries) if entries is not None else None


@functools.lru_cache(maxsize=16)
def _parsed(text: str, display: str) -> tuple[dict[str, BibEntry] | None, tuple]:
    problems = Collector()
    return _read_bib(text, display, problems), tuple(problems.problems)


def _read_bib(text: str, display: str, problems: Collector) -> dict[str, BibEntry] | None:
    import pybtex.errors
    from pybtex.database.input.bibtex import Parser  # directly: pybtex's plugin look-up scans entry points
    from pybtex.scanner import PybtexSyntaxError

    before = len(problems.problems)
    lines = entry_lines(text, display, problems)
    if len(problems.problems) > before:
        return None
    pybtex.errors.set_strict_mode(True)
    try:
        data = Parser().parse_string(text)
    except PybtexSyntaxError as err:
        problems.add(
            display,
            err.lineno,
            f"malformed BibTeX: {syntax(err)}",
            "check the braces, quotes and commas of this entry and of the one before it",
        )
        return None
    except Exception as err:  # pybtex's other errors carry no line
        problems.add(display, None, f"the BibTeX cannot be read: {err}", "check the entry the message names")
        return None
    entries = {}
    for key, entry in data.entries.items():
        line = lines.get(key, 1)
        for name, value in entry.fields.items():
            if LATEX.search(value):
                problems.add(
                    display,
                    field_line(text, line, name),
                    f"{key}: the field {name!r} holds a LaTeX command "
                    f"({LATEX.search(value).group(0)!r}), which the edition does not render",
                    "write plain Unicode text: “quotes”, é, –, and a plain space for ~",
                )
        persons = {
            role: [(" ".join(p.last_names), " ".join(p.first_names + p.middle_names)) for p in people]
            for role, people in entry.persons.items()
        }
        # an address is not LaTeX: its "~" (https://www.princeton.edu/~achaney/) is no non-breaking space
        fields = {
            name.lower(): value if name.lower() in VERBATIM else plain(value) for name, value in entry.fields.items()
        }
        entries[key] = BibEntry(key, entry.type, line, fields, persons, entry)
    return entries
