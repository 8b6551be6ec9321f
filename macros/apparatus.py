"""Generated parts of the editorial pages: the contents and the register of emendations."""

from __future__ import annotations

from redbook import Edition
from redbook.render.html import text


def contents(edition: Edition) -> str:
    rows = []
    for page in edition.pages.values():
        if page.part == "front":
            continue
        label = f'<span class="toc-label">{text(page.label)}</span> ' if page.part == "chapter" else ""
        rows.append(f'<li><a href="{page.url}">{label}{text(page.title)}</a></li>')
    return '<ol class="edition-contents">\n' + "\n".join(rows) + "\n</ol>"


def emendation_table(edition: Edition) -> str:
    """Every intervention with a link to its place; the place's paragraph number is filled in after numbering."""
    rows = []
    for em in edition.emendations:
        if em.note is not None:
            note = edition.note(em.note)
            where = f'<a class="place" href="{note.page}.html#{em.anchor}">note {em.note}</a>'
        else:
            page = edition.pages[em.page]
            target = em.anchor if em.changes_words else f"{em.anchor}-place"
            where = f'<a class="place" href="{page.url}" data-place="{target}">{text(page.label)}</a>'
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


def supplied_titles(edition: Edition) -> str:
    items = [
        f'<li><a href="{p.url}">{text(p.label)}</a>: “{text(p.title)}”, {text(p.title_supplied)}</li>'
        for p in edition.reading_pages()
        if p.title_supplied
    ]
    return '<ul class="supplied-titles">\n' + "\n".join(items) + "\n</ul>"


def chapter_heading(page) -> str:
    label = f'<p class="chapter-label">{text(page.label)}</p>\n' if page.part == "chapter" else ""
    supplied = ""
    if page.title_supplied:
        supplied = (
            f'<button type="button" class="supplied-ref" popovertarget="title-pop" '
            f'aria-label="About this title">†</button>'
            f'<span class="supplied-pop" id="title-pop" popover><span class="pop-head">Title supplied</span> '
            f"The copy-text has no title here; this one is {text(page.title_supplied)}. "
            f'<a href="principles.html#supplied-titles">Editorial principles</a></span>'
        )
    return (
        f'<header class="chapter-head" data-copytext="">\n{label}'
        f'<h1 id="title">{text(page.title)}{supplied}</h1>\n</header>\n\n'
    )


def editorial(note: str) -> str:
    """A statement of this edition's editors inside the reading text, kept apart from the copy-text."""
    return f'<aside class="editorial" data-copytext=""><span class="pop-head">Editors of this edition</span> {text(note)}</aside>'
