"""An emendation in all its forms: on the web the edition's reading with the copy-text's one click away; in
print a footnote of the critical apparatus; in the e-book a ° linked to the register; the register itself."""

from __future__ import annotations

from redbook import Edition
from redbook.emendations import Emendation
from redbook.render.html import attr, fragment, text
from redbook.render.target import declare


def emendation(em: Emendation, *, interactive: bool = True) -> str:
    """The corrected reading in place of the copy-text's, carrying the copy-text reading for the fidelity proof.

    `interactive` adds the marker and its popover; a copy inside another popover leaves them out.
    """
    reading = f'<span class="emendation__reading" data-part="reading">{text(em.reading)}</span>' if em.reading else ""
    declared = declare("emendation", emendation=em.number)
    if not interactive:
        return (
            f'<span class="emendation" {declared} data-copytext="{attr(em.copy)}" '
            f'title="{attr(em.ident)}: copy-text reads {attr(em.copy)}">{reading}</span>'
        )
    pop = f"{em.anchor}-pop"
    what = "reads"
    return (
        f'<span class="emendation" {declared} id="{em.anchor}" data-copytext="{attr(em.copy)}">{reading}'
        f'<button type="button" class="emendation__ref" data-part="marker" popovertarget="{pop}" '
        f'aria-label="Emendation {em.ident}: the copy-text {what} {attr(em.copy)}">°</button>'
        f'<span class="emendation__pop" data-part="popover" id="{pop}" popover>'
        f'<span class="pop-head">Emendation {em.ident}</span> '
        f'Copy-text {what}: <q class="copy-reading">{text(em.copy)}</q>. {text(em.reason)} '
        f'<a href="principles.html#{em.anchor}-entry">All emendations</a></span></span>'
    )


# -- the book's forms --------------------------------------------------------------------------------------
COPY_TEXT_SIGLUM = "ETOL"  # the copy-text, in apparatus entries: the ETOL transcription


def apparatus_entry(place: str | None, em: Emendation) -> str:
    """One entry of the critical apparatus: [place] reading] copy-text reading ETOL (E19)."""
    out = ['<span class="app-entry" data-copytext="">']
    if place:
        out.append(f'<span class="app-place">{text(place)}</span> ')
    if em.reading:
        out.append(f'<span class="app-lemma">{text(em.reading)}</span>] ')
    else:
        out.append('<i class="app-lemma">del.</i> ')
    out.append(f'<span class="app-copy">{text(em.copy)}</span> <i class="app-siglum">{COPY_TEXT_SIGLUM}</i>')
    out.append(f' <a class="app-ref" href="principles.html#{em.anchor}-entry">{em.ident}</a></span>')
    return "".join(out)


def in_note(em: Emendation, entries: list[str]) -> str:
    """An emendation inside a printed footnote: the reading with its °; its entry closes the note."""
    entries.append(apparatus_entry("°", em))
    reading = f'<span class="emendation__reading">{text(em.reading)}</span>' if em.reading else ""
    return (
        f'<span class="emendation" id="{em.anchor}" data-copytext="{attr(em.copy)}">{reading}'
        '<span class="em-mark" data-copytext="">°</span></span>'
    )


def book(edition: Edition, element, book, paragraph: str | None) -> None:
    """The book's form of an emendation of the running text (`element`, its web form), in place: the popover
    goes; the marker becomes a footnote of the apparatus (print) or a ° linked to the register (e-book)."""
    em = edition.emendation(int(element["data-emendation"]))
    for part in element.select('[data-part="popover"]'):
        part.decompose()
    marker = element.select_one('[data-part="marker"]')
    if marker is None:
        return
    if book.single_document:
        marker.replace_with(
            fragment(f'<span class="fn fn--app" data-call="°" data-mark="°">{apparatus_entry(paragraph, em)}</span>')
        )
    else:
        marker.replace_with(
            fragment(f'<a class="em-mark" data-copytext="" href="principles.html#{em.anchor}-entry">°</a>')
        )


def apply(source: str, spans: list[tuple[int, int, Emendation]], *, interactive: bool = True) -> str:
    """Splice the emendations located in `source` (by redbook.emendations.locate) into it."""
    out, last = [], 0
    for start, end, em in spans:
        out.append(source[last:start])
        out.append(emendation(em, interactive=interactive))
        last = end
    out.append(source[last:])
    return "".join(out)


def place_key(em) -> str:
    """The key under which the build records the paragraph of an emendation of the text (its own span, or the
    place a layout change names)."""
    return em.anchor if em.changes_words else f"{em.anchor}-place"


def note_href(edition: Edition, em) -> str:
    """The link to an emendation inside a note."""
    return f"{edition.note(em.note).page}.html#{em.anchor}"


def table(edition: Edition) -> str:
    """Every intervention with a link to its place; the place's paragraph number is filled in after numbering."""
    rows = []
    for em in edition.emendations:
        if em.note is not None:
            where = f'<a class="place" href="{note_href(edition, em)}">note {em.note}</a>'
        else:
            page = edition.pages[em.page]
            where = f'<a class="place" href="{page.url}" data-place="{place_key(em)}">{text(page.label)}</a>'
        copy = f'<q class="copy-reading">{text(em.copy)}</q>' if em.copy else "—"
        reading = f"<q>{text(em.reading)}</q>" if em.reading else ("<i>deleted</i>" if em.kind == "deletion" else "—")
        rows.append(
            f'<tr id="{em.anchor}-entry"><th scope="row">{em.ident}</th><td>{where}</td>'
            f"<td>{em.kind}</td><td>{copy}</td><td>{reading}</td><td>{text(em.reason)}</td></tr>"
        )
    return (
        '<table class="emendations">\n<caption>Interventions in the reading text '
        f'({len(edition.emendations)})</caption>\n<thead><tr><th scope="col">No.</th><th scope="col">Place</th>'
        '<th scope="col">Kind</th><th scope="col">Copy-text</th><th scope="col">This edition</th>'
        '<th scope="col">Reason</th></tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"
    )
