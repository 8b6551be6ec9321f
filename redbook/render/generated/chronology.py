"""The chronology page: the timeline of the book's dates and the table of the chronology, each event linked to
the paragraph or note that gives it; generated from data/chronology.yml (redbook/apparatus/chronology.py). The
HTML is made in redbook/render/timeline.py; the paragraph numbers are filled in by the build
(redbook/plugin/plugin.py), once every page of the reading text is numbered."""

from __future__ import annotations

from redbook import catalogue
from redbook.render import timeline

PATH = "chronology.md"
TITLE = "Chronology"
SOURCE = "data/chronology.yml"
ORDER = 26  # after the indexes (persons 20, rosters 21, places and organisations) and the commentary (25)

#: The chronology's files in downloads/ (redbook/catalogue.py): named here for the page's own links.
FILES = (("chronology.json", "JSON"), ("chronology.csv", "CSV"), ("chronology.ics", "iCalendar"))


def _downloads(edition) -> str:
    files = {d.file for d in catalogue.available(edition)}
    links = ", ".join(
        f'<a href="{catalogue.FOLDER}/{name}">{name}</a> ({kind})' for name, kind in FILES if name in files
    )
    if not links:
        return ""
    return (
        f"<p>The chronology as data: {links}; the iCalendar file sets each event beside other calendars, a date "
        'given as a month or a year as an event of that month or year. <a href="open-data.html">Open data</a> '
        "describes every field.</p>"
    )


def markdown(edition) -> str:
    if not edition.apparatus["chronology"].events:
        return f"---\ntitle: {TITLE}\n---\n\n# {TITLE}\n\nThe edition has no chronology yet.\n"
    return (
        f"---\ntitle: {TITLE}\n---\n\n# {TITLE}\n\n"
        f'<div class="chronology-page">{timeline.web_page(edition)}{_downloads(edition)}</div>\n'
    )
