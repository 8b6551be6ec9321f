"""The changelog page: what changed in the edition's text and apparatus, version by version (data/changelog.yml)."""

from __future__ import annotations

from redbook.apparatus.changelog import SECTIONS, current
from redbook.dates import month_name

PATH = "changelog.md"
TITLE = "Changes to the edition"
SOURCE = "data/changelog.yml"
ORDER = 90


def _day(date) -> str:
    return f"{date.day} {month_name(date.month)} {date.year}" if date else "in preparation"


def markdown(edition) -> str:
    log = current(edition)
    lines = [f"---\ntitle: {TITLE}\n---\n", f"# {TITLE}\n"]
    if log.releases:
        lines.append(
            f"The current version of the edition is **{log.version}** ({_day(log.date)}). "
            "Each version records what changed in the reading text, the notes and the apparatus; "
            "every change of wording is also listed with its reason under "
            "[Editorial principles and emendations](principles.md).\n"
        )
    for release in log.releases:
        anchor = "version-" + release.version.replace(".", "-")
        lines.append(f"## Version {release.version}, {_day(release.date)} {{ #{anchor} }}\n")
        lines.append(release.summary.strip() + "\n")
        for key, heading in SECTIONS.items():
            if key in release.changes:
                lines.append(f"### {heading} {{ #{anchor}-{key} }}\n")
                lines.extend("- " + " ".join(entry.split()) for entry in release.changes[key])
                lines.append("")
    return "\n".join(lines) + "\n"
