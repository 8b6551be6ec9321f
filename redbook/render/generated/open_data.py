"""The data dictionary: the edition's data as open downloads, what each file holds and what each field means.

Generated from redbook/downloads/open_data.py (DOWNLOADS, FIELDS), so the page and the files cannot drift apart. The
links to the files are raw HTML: the files are written into the built site (downloads/), not into docs/.
"""

from __future__ import annotations

from html import escape

from redbook import catalogue as open_data
from redbook import licence, provenance

PATH = "open-data.md"
TITLE = "Open data"
SOURCE = "redbook/downloads/open_data.py"
ORDER = 95
EPUB = False  # a page about the web edition's files: the e-book leaves it out

_STANDARDS = {
    "BibTeX": "Standard BibTeX entries (entry type, key, fields such as author, title, year, publisher).",
    "CSL-JSON": "An array of items in the Citation Style Language’s JSON schema (id, type, title, author, "
    "issued ...), as Zotero and pandoc read it.",
    "TEI P5 XML": "One TEI P5 document: the header (title, responsibilities, version, licences, the copy-text and "
    "its provenance, the editorial principles, the revisions), the transcription’s header, the foreword and the "
    'chapters (paragraphs p n="3.12" xml:id="p3.12", the notes at each chapter’s end with resp, emendations '
    'as choice/sic/corr, persName ref="#key", citations as bibl corresp="#src-key"), and the register of '
    "persons (listPerson), the sources (listBibl) and the reasons of the emendations. What the edition adds is "
    'marked supplied, corr or resp="#edition".',
}


def _breakable(name: str) -> str:
    """A field path that may break after each dot, not inside a word (notes[].<wbr>links[].<wbr>words)."""
    return "<wbr>".join(escape(part) + "." for part in name.split("."))[:-1]


def _fields_table(download: open_data.Download) -> str:
    fields = open_data.FIELDS.get(download.file)
    if not fields:
        return f"<p>{escape(_STANDARDS.get(download.format, 'Its fields are named in the file itself.'))}</p>"
    rows = "\n".join(
        f"<tr><td><code>{_breakable(name)}</code></td><td>{escape(meaning)}</td></tr>"
        for name, meaning in fields.items()
    )
    return (
        f'<table class="data-dictionary">\n<thead><tr><th scope="col">Field</th><th scope="col">Meaning</th>'
        f"</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
    )


def markdown(edition) -> str:
    version, date = provenance.edition_version(edition)
    parts = [
        f"---\ntitle: {TITLE}\n---\n",
        f"# {TITLE}\n",
        "The edition’s data, made at each build from the same files as the reading text, for reuse in other "
        f"tools. This is version {escape(version)}" + (f" of {escape(date)}" if date else " (in preparation)") + ". "
        "Text is UTF-8; CSV files have a header row and use commas and double quotes (RFC 4180); "
        "an empty CSV cell means that the field does not apply.\n",
        '<p>The whole edition as an e-book: <a href="red-book.epub" download>red-book.epub</a> (EPUB 3).</p>\n',
    ]
    for download in open_data.available(edition):
        made_from = ", ".join(f"<code>{escape(s)}</code>" for s in download.sources)
        parts.append(
            f'<h2 id="{escape(download.file.replace(".", "-"))}">{escape(download.title)} '
            f"({escape(download.format)})</h2>\n"
            f'<p><a href="{open_data.FOLDER}/{escape(download.file)}" download>{escape(download.file)}</a>. '
            f"{escape(download.about)} Made from {made_from}.</p>\n"
            f"{_fields_table(download)}\n"
        )
    parts.append(
        '<h2 id="provenance">Provenance and rights</h2>\n'
        f'<p><a href="{open_data.FOLDER}/{open_data.PROVENANCE}" download>{open_data.PROVENANCE}</a> says the '
        "same for machines: the edition and its version, the copy-text and its history, the rights stated, "
        "and each file above with its size and SHA-256 checksum.</p>\n"
        f"<p>The copy-text is the {escape(provenance.COPYTEXT['transcription'])} "
        f"(“{escape(provenance.COPYTEXT['transcribed'])}”), reproduced from the "
        f"{escape(provenance.COPYTEXT['reproduced_from'])}, after {escape(provenance.COPYTEXT['published'])}. "
        f"{escape(licence.of(edition).statement)} Each file above is under the "
        f"{escape(licence.of(edition).content.name)} licence (<code>{escape(licence.of(edition).content.spdx)}</code>"
        f', <a href="{escape(licence.of(edition).content.url)}">{escape(licence.of(edition).content.url)}</a>) as '
        "far as it is the edition’s own work; the JSON files and provenance.json say so in their "
        "<code>license</code> field.</p>\n"
    )
    return "\n".join(parts)
