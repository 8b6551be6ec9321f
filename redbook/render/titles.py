"""The titles of the reading text: a chapter's heading, the supplied titles (web form) and the editors' remarks."""

from __future__ import annotations

from redbook import Edition
from redbook.render.html import text


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
