"""Where the edition's text comes from, what rights it states, and which version of the edition this is.

One statement, used by the e-book's colophon, the open data's provenance file and the data dictionary
page. It says only what the copy-text's header says: no licence is stated there, and the edition claims none.
"""

from __future__ import annotations

import uuid

from redbook.apparatus import changelog

TITLE = "The Red Book on the Moscow Trials"
PART = "Part I: the foreword and chapters 1 to 7"
AUTHOR = "Leon Sedov"
AUTHOR_FILE_AS = "Sedov, Leon"
LANGUAGE = "en"
#: A stable identifier of this edition (a UUID derived from its name), the same for every build.
IDENTIFIER = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "red-book-edition:part-1"))

COPYTEXT = {
    "name": "The Red Book On the Moscow Trials -- I",
    "transcription": "Encyclopedia of Trotskyism On-Line (ETOL), September 2000",
    "transcribed": "Transcribed: For ETOL, September, 2000",
    "reproduced_from": "Marxists Internet Archive",
    "published": "New Park Publications Ltd, 1980",
    "first_published": [
        "in part in Russian in Byulletin Oppositsii, Nos. 52-53, October 1936",
        "in French as Le Livre Rouge sur les procès de Moscou, Paris, 1936",
    ],
    "file": "source/red-book-part1.etol.txt",
}

RIGHTS = (
    "No licence for the text is stated in the copy-text, and this edition claims none. "
    "The notes are the book’s own, the author’s (signed L.S.) and its later editors’."
)
FONT = {"name": "Source Serif 4", "licence": "SIL Open Font License 1.1", "licence_file": "docs/assets/fonts/OFL.txt"}


def edition_version(edition) -> tuple[str, str | None]:
    """The edition's version and its day (YYYY-MM-DD), from data/changelog.yml (one place for the version).

    A version in preparation has no day yet (None).
    """
    log = changelog.current(edition)
    return log.version, log.date.isoformat() if log.date else None


build_moment = changelog.build_moment  # one clock for the footer, the PDF and the e-book
