"""How the record's locators and the volumes table look (issue 25): the locator in a citation's popover, the
passages that quote a source on the Sources page (and in the book's list of sources), and the volumes of the
case on the page "The dossier numbers". The data is the model's (redbook/apparatus/record.py); nothing here
adds words of the book (data-copytext="" where it stands in the reading text).
"""

from __future__ import annotations

from html import escape
from urllib.parse import unquote

from redbook.apparatus.record import NAME, Quotation, Record
from redbook.render.html import attr, text


def _data(edition) -> Record | None:
    return edition.apparatus.get(NAME)


def shown(at: str | None) -> str:
    """A locator as the reader reads it: the copy's page names without their %20 (the data keeps them as the
    addresses have them, so that the links can be made)."""
    return unquote(at or "")


def _copy_link(address: str | None, at: str | None) -> str:
    words = text(shown(at))
    return f'<a class="record-copy" href="{attr(address)}">{words}</a>' if address else words


def locator_html(data: Record, q: Quotation) -> str:
    """The locator: session, part, the copy's page (a link to the copy's address), the agreement."""
    if not q.located:
        return '<span class="record-locator">Not located in the copies of the record read.</span>'
    pages = f" ({text(q.pages)})" if q.pages else ""
    return (
        f'<span class="record-locator">Session of {text(q.session or "")}, {text(q.part or "")}: '
        f"{_copy_link(data.copy_address(q), q.at)}{pages}. "
        f'Agreement with the copy read: <span class="record-agreement">{text(q.agreement or "")}</span>.</span>'
    )


def popover_locator(edition, citation) -> str:
    """What a citation's card adds for a passage of the record: where the copy read gives it."""
    data = _data(edition)
    q = data.for_citation(citation) if data is not None else None
    if q is None:
        return ""
    return f' <span class="cite-pop__rec">In the record: {locator_html(data, q)}</span>'


def _place_link(edition, q: Quotation) -> str:
    page = edition.pages[q.page]
    if q.note is not None:
        return f'<a class="source-note" href="{page.url}#note-{q.note}">{text(page.label)}, note {q.note}</a>'
    # the paragraph number is filled in after the pages are numbered (the phrase rec-KEY, redbook/plugin)
    return f'<a class="place" href="{page.url}" data-place="{q.anchor}">{text(page.label)}</a>'


def quoting_places(edition, source_key: str) -> str:
    """The Sources page: every passage of the book that quotes the source, in the record's order."""
    data = _data(edition)
    if data is None:
        return ""
    quotations = [q for q in data.in_record_order() if q.quotes == source_key]
    if not quotations:
        return ""
    items = "".join(
        f'<li class="record-place" id="{q.anchor}">{_place_link(edition, q)} '
        f"({'quotation' if q.kind == 'quotation' else 'paraphrase'}): {locator_html(data, q)}</li>"
        for q in quotations
    )
    return (
        f'<p class="source-count">The passages of the book that quote it, {len(quotations)}, in the order of the '
        "record (session, then part):</p>"
        f'<ul class="record-places">{items}</ul>'
    )


def locator_text(data: Record, q: Quotation) -> str:
    """The same locator as plain text (the book's list of sources)."""
    if not q.located:
        return "not located in the copies of the record read"
    address = data.copy_address(q)
    pages = f" ({q.pages})" if q.pages else ""
    where = f"{shown(q.at)}{pages}" + (f" <{address}>" if address else "")
    return f"session of {q.session}, {q.part}: {where}; agreement with the copy read: {q.agreement}"


def book_places(edition, source_key: str, place_of) -> str:
    """The book's list of sources: the passages that quote the source, in the record's order, each with its
    locator as text and the page of this printing (`place_of(stem, ident, note)` gives the anchor)."""
    data = _data(edition)
    if data is None:
        return ""
    rows = []
    for q in data.in_record_order():
        if q.quotes != source_key:
            continue
        citation = next((ident for ident, hit in data.by_citation.items() if hit.key == q.key), None)
        anchor = place_of(q.page, citation or f"note-{q.note}", q.note) if (citation or q.note) else None
        page = f' <a class="pageno" href="#{anchor}"></a>' if anchor else ""
        rows.append(f'<li class="record-place">{escape(locator_text(data, q))}{page}</li>')
    return f'<ul class="record-places">{"".join(rows)}</ul>' if rows else ""


# -- the volumes of the case (the page "The dossier numbers") ---------------------------------------------------


def volumes_section(edition, downloads: str = "") -> str:
    """The volumes the record cites, and beside them, per defendant, the dossier number the book gives."""
    data = _data(edition)
    if data is None or not data.volumes:
        return ""
    rows = []
    for i, v in enumerate(data.volumes, start=1):
        whose = "other" if v.whose == "other" else data.person_names.get(v.whose, v.whose)
        at = _copy_link(data.volume_address(v), v.at)
        number = data.dossier_numbers.get(v.whose)
        # the book's side: the defendant's number in the table above, which gives the book's words and their place
        book = f'<a href="#n{number}">dossier {number}</a>' if number else "—"
        rows.append(
            f'<tr id="vol-{i}"><th scope="row">{text(v.volume)}</th><td>{text(v.page or "")}</td>'
            f"<td>{text(whose)}</td><td>{text(v.statement)}</td><td>{text(v.section)}: {at}</td><td>{book}</td></tr>"
        )
    table = (
        '<table class="record-volumes">\n<caption>The volumes of the case the record cites</caption>\n'
        '<thead><tr><th scope="col">Vol.</th><th scope="col">Page</th><th scope="col">Whose statement</th>'
        '<th scope="col">What it is</th><th scope="col">Where in the record</th>'
        '<th scope="col">The book</th></tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"
    )
    compared = []
    for c in data.comparisons:
        number = data.dossier_numbers.get(c.person)
        dossier = f'<a href="#n{number}">{number}</a>' if number else ""
        cited = ", ".join(
            f'<a href="#vol-{data.volumes.index(v) + 1}">{text(v.label)}</a>' for v in data.volumes_of(c.person)
        )
        compared.append(
            f'<tr><th scope="row">{text(data.person_names.get(c.person, c.person))}</th><td>{dossier}</td>'
            f"<td>{cited or '—'}</td><td>{text(c.agreement)}</td></tr>"
        )
    comparison = (
        '<table class="record-comparison">\n<caption>The dossier numbers and the volumes cited</caption>\n'
        '<thead><tr><th scope="col">Defendant</th><th scope="col">Dossier (the book)</th>'
        '<th scope="col">Volumes the record cites</th><th scope="col">Comparison</th></tr></thead>\n<tbody>\n'
        + "\n".join(compared)
        + "\n</tbody>\n</table>"
        if compared
        else ""
    )
    copies = ", ".join(
        f'<a href="references.html#ref-{attr(k)}">{text(data.copy_titles.get(k, k))}</a>' for k in data.copies
    )
    return f"""## The volumes of the case {{: #volumes }}

The record of the trial cites the volumes of the case file that the prosecution relied on, in the form
“(Vol. XXXVI, p. 6)”. The table gives each such citation in the record’s order, as the copy read prints it
({copies}), with whose statement the record says it is and where the citation stands. The second table
sets beside each defendant of chapter 6 the dossier number the book gives and the volumes the record cites
for that defendant’s statements. {downloads}

{table}

{comparison}
"""
