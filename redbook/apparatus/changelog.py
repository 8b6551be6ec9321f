"""The changelog of the edition's text, kept by hand in data/changelog.yml: one entry a version, newest first.

The newest entry is the edition's current version: the site's footer, the changelog page and the printed
book all take it from here (`current(edition)`), so the version is written in one place only.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from redbook.errors import Collector
from redbook.mapping import check_mapping
from redbook.yamlsrc import read_yaml

NAME = "changelog"
ORDER = 90
CHANGELOG = Path("data/changelog.yml")
INPUTS = (CHANGELOG,)  # the files it reads; what it reads of the model is recorded (redbook/incremental.py)

#: What a version may record, in the order the changelog page shows it.
SECTIONS = {"text": "Reading text", "notes": "Notes", "apparatus": "Apparatus", "site": "Site, print and downloads"}
KEYS = {"version", "date", "summary", *SECTIONS}
VERSION = re.compile(r"^\d+(\.\d+){1,2}$")


@dataclass(frozen=True)
class Release:
    version: str
    date: dt.date | None  # None: the version in preparation (only the newest may be undated)
    summary: str
    changes: dict[str, tuple[str, ...]]  # section key (text, notes ...) -> the entries, in Markdown
    line: int


@dataclass(frozen=True)
class Changelog:
    path: str
    releases: tuple[Release, ...]  # newest first

    @property
    def version(self) -> str:
        return self.releases[0].version if self.releases else "0"

    @property
    def date(self) -> dt.date | None:
        return self.releases[0].date if self.releases else None


def build_moment() -> dt.datetime:
    """The moment of this build (UTC); SOURCE_DATE_EPOCH fixes it for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)


def build_date() -> dt.date:
    """The day of this build (UTC)."""
    return build_moment().date()


def current(edition) -> Changelog:
    """The edition's changelog (an empty one if the model was loaded without it)."""
    return edition.apparatus.get(NAME) or Changelog(CHANGELOG.as_posix(), ())


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def load(edition, problems: Collector) -> Changelog:
    path = edition.root / CHANGELOG
    display = CHANGELOG.as_posix()
    if not path.exists():
        problems.add(
            display,
            None,
            "the changelog of the edition is missing",
            "create data/changelog.yml with at least one entry: version, date, summary",
        )
        return Changelog(display, ())
    data = read_yaml(path, problems, display)
    if data is None:
        return Changelog(display, ())
    if not isinstance(data, dict) or set(data) != {"releases"} or not isinstance(data["releases"], list):
        problems.add(
            display,
            1,
            "the changelog must have one list under 'releases:'",
            "start the file with 'releases:' and give each version as '- version: ...'",
        )
        return Changelog(display, ())
    releases: list[Release] = []
    for item in data["releases"]:
        line = getattr(item, "line", 1)
        if not isinstance(item, dict):
            problems.add(display, line, "each version must be a set of fields", "write '- version: 1.1' and so on")
            continue
        check_mapping(item, display, problems, "a changelog entry", KEYS)
        version, date, summary = item.get("version"), item.get("date"), item.get("summary")
        if not isinstance(version, str) or not VERSION.match(version):
            problems.add(
                display,
                item.key_lines.get("version", line),
                f'a version must be written as text such as "1.2", not {version!r}',
                'put the version number in quotes: version: "1.2"',
            )
            continue
        undated_ok = date is None and not releases and "date" not in item
        if not undated_ok and (not isinstance(date, dt.date) or isinstance(date, dt.datetime)):
            problems.add(
                display,
                item.key_lines.get("date", line),
                f"version {version}: the date must be a day written YYYY-MM-DD, not {date!r}",
                "write the day of the release, e.g. date: 2026-11-25; only the newest version, while it is "
                "in preparation, may leave out its date",
            )
            continue
        if not isinstance(summary, str) or not summary.strip():
            problems.add(
                display,
                line,
                f"version {version} has no summary",
                "add 'summary: ...' with one sentence on what the version brings",
            )
            continue
        changes: dict[str, tuple[str, ...]] = {}
        for section in SECTIONS:
            entries = item.get(section) or []
            if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
                problems.add(
                    display,
                    item.key_lines.get(section, line),
                    f"version {version}: '{section}' must be a list of changes, one line of text each",
                    f"write '{section}:' and under it '- ...' for each change",
                )
                continue
            if entries:
                changes[section] = tuple(entries)
        releases.append(Release(version, date, summary, changes, line))
    for newer, older in zip(releases, releases[1:]):
        if _key(newer.version) <= _key(older.version) or (newer.date or dt.date.max) < older.date:
            problems.add(
                display,
                newer.line,
                f"version {newer.version} ({newer.date}) stands above version "
                f"{older.version} ({older.date}) but is not newer",
                "keep the newest version first, with a higher number and a date no earlier",
            )
    seen: dict[str, int] = {}
    for release in releases:
        if release.version in seen:
            problems.add(
                display,
                release.line,
                f"version {release.version} is listed twice (also line {seen[release.version]})",
                "give each version one entry",
            )
        seen.setdefault(release.version, release.line)
    if not data["releases"]:
        problems.add(display, 1, "the changelog lists no version", "add the first version under 'releases:'")
    return Changelog(display, tuple(releases))
