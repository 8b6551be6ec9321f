"""The titles of the reading text in all their forms: a chapter's heading, a title the edition supplied (on the
web a † with a popover, in print a footnote, in the e-book a † linked to the principles), the list of supplied
titles, and the editors' remarks."""

from __future__ import annotations

from redbook import Edition
from redbook.render.html import attr, fragment, text
from redbook.render.target import declare


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
            f'<button type="button" class="supplied-ref" {declare("supplied-title")} popovertarget="title-pop" '
            f'aria-label="About this title">†</button>'
            f'<span class="supplied-pop" id="title-pop" popover><span class="pop-head">Title supplied</span> '
            f"The copy-text has no title here; this one is {text(page.title_supplied)}. "
            f'<a href="principles.html#supplied-titles">Editorial principles</a></span>'
        )
    return (
        f'<header class="chapter-head" {declare("chapter-head", page=page.stem)} data-copytext="">\n{label}'
        f'<h1 id="title">{text(page.title)}{supplied}</h1>\n</header>\n\n'
    )


def editorial(note: str) -> str:
    """A statement of this edition's editors inside the reading text, kept apart from the copy-text."""
    return f'<aside class="editorial" data-copytext=""><span class="pop-head">Editors of this edition</span> {text(note)}</aside>'


def _supplied_words(page) -> str:
    return f"The copy-text has no title here; this one is {page.title_supplied}."


def book_heading(edition: Edition, element, book) -> None:
    """A chapter's heading in the book: its running head and bookmark, and the supplied title's note."""
    page = edition.pages[element["data-page"]]
    h1 = element.find("h1")
    h1["data-running"] = page.title
    h1["data-bookmark"] = f"{page.label}: {page.title}" if page.part == "chapter" else page.title
    for pop in element.select("[popover]"):
        pop.decompose()
    marker = element.select_one('[data-apparatus="supplied-title"]')
    if marker is None:
        return
    words = _supplied_words(page)
    if book.single_document:
        form = (
            '<span class="fn fn--supplied" data-call="†" data-mark="†"><span class="fn-head">Title supplied. </span>'
            f'{text(words)} <a href="principles.html#supplied-titles">Editorial principles</a>.</span>'
        )
    else:
        form = f'<a class="supplied-mark" href="principles.html#supplied-titles" title="{attr(words)}">†</a>'
    marker.replace_with(fragment(form))


def licence_statement(rights) -> str:
    """The edition's licences in one sentence (data/licence.yml), marked as the edition's own, not the copy-text's."""
    return f'<p class="edition-licence" data-copytext="">{text(rights.statement)}</p>'
