"""The page "The dossier numbers": chapter 6's argument from the numbers of the dossiers, and the record of
the investigation that chapter 5 reconstructs, generated from data/dossiers.yml."""

from __future__ import annotations

from redbook.render import dossiers as render
from redbook.render import record
from redbook.render.html import inline_markdown

PATH = "dossiers.md"
TITLE = "The dossier numbers"
SOURCE = "data/dossiers.yml"
ORDER = 30


def _downloads(edition, part: str = "dossiers") -> str:
    """Links to dossiers.csv and dossiers.json, which redbook/downloads/open_data.py writes with the other downloads."""
    try:
        from redbook import catalogue as open_data
    except ImportError:
        return ""
    files = [d for d in open_data.available(edition) if d.part == part]
    links = ", ".join(f'<a href="{open_data.FOLDER}/{d.file}">{d.file}</a>' for d in files)
    return f"Download the data: {links}." if links else ""


def markdown(edition) -> str:
    data = edition.apparatus["dossiers"]
    claim = data.claim_source
    also = f"; {render.place(data.claim_also)} says again {render.quoted(data.claim_also)}" if data.claim_also else ""
    return f"""---
title: {TITLE}
---

# {TITLE}

<div class="dossier-page" markdown="1">

Chapter 6 argues from the numbers of the defendants’ dossiers ({render.place(claim)}). The book gives
the numbers of fifteen defendants in two tables, the numbers of three linked dossiers and of a collective
dossier in note 34, and says that Holtzman’s number is unknown. This page sets out, from those statements
alone, every number from 1 to {data.highest}, the alphabetical order the book relies on, and what chapter 5
says of the record of the investigation. Each line quotes the book’s words and links to the place they
come from. {_downloads(edition)}

## The numbers 1 to {data.highest} {{: #numbers }}

{render.strip(data)}

{render.counts(data)}

{render.numbers_table(data)}

## The alphabetical order {{: #order }}

The book says of the first table: {render.cite(claim)}{also}. The order is tested on the surnames in
Cyrillic, as the Russian record spells them. The build sorts them by the order of the Russian alphabet,
written out letter by letter in the edition’s code ({render.alphabet()}; hyphens and spaces are passed
over), not by a system locale or ICU, so that the same order results on every machine and can be checked
against any Russian dictionary. The build stops if the {len(data.table(data.claim_table))} numbers of the
first table do not follow that order. The Russian forms: {inline_markdown(data.witness)}

{render.russian_order(data)}

The defendants who are not in the first table would stand in its order as follows:

{render.would_stand(data)}

The eleven of the first table in Latin alphabetical order, for comparison: there the numbers do not rise
throughout.

{render.latin_order(data)}

## The record of the investigation {{: #record }}

Chapter 5 reconstructs from the quotations of the depositions how long each defendant’s testimony was and
when it was given. The year of the dates, {data.year}, is the book’s: {render.cite(data.year_source)}.

{render.record_table(data)}

### The dates in order {{: #timeline }}

{render.timeline(data)}

{record.volumes_section(edition, _downloads(edition, "record"))}
</div>
"""
