"""How the book's notes look on the web: a marker with a popover in the text, a list at the chapter's end."""

from __future__ import annotations

from redbook import Edition
from redbook.emendations import locate
from redbook.errors import Collector
from redbook.notes import Gap, Note
from redbook.render.html import attr, inline_markdown, text

from . import emendations, sources


def note_text(edition: Edition, note: Note, *, interactive: bool) -> str:
    """The note's words as HTML, with its emendations applied and its page references linked."""
    problems = Collector()
    source = emendations.apply(
        note.text,
        locate(note.text, edition.emendations_of_note(note.number), note.path, problems),
        interactive=interactive,
    )
    problems.raise_if_any()
    for link in note.links:
        page, _, anchor = link.to.partition("#")
        href = page.removesuffix(".md") + ".html" + (f"#{anchor}" if anchor else "")
        source = source.replace(
            link.words, f'<a class="xref" href="{attr(href)}" title="{attr(link.why)}">{text(link.words)}</a>', 1
        )
    return inline_markdown(source) + sources.note_citations(edition, note, interactive=interactive)


def marker_id(note: Note, occurrence: int) -> str:
    return f"ref-{note.number}" if occurrence == 1 else f"ref-{note.number}-{occurrence}"


def note_call(edition: Edition, note: Note, occurrence: int) -> str:
    """The marker [n] in the reading text: a button that opens the note in a native popover (no script)."""
    ref = marker_id(note, occurrence)
    pop = f"pop-{ref}"
    kind = "author" if note.is_authors else "editors"
    return (
        f'<span class="note-call" data-copytext="[{note.number}]">'
        f'<button type="button" class="note-ref note-ref--{kind}" id="{ref}" popovertarget="{pop}" '
        f'aria-label="Note {note.number}, {attr(note.attribution)}">{note.number}</button>'
        f'<span class="note-pop note-pop--{kind}" id="{pop}" popover role="note" aria-label="Note {note.number}">'
        f'<span class="pop-head">Note {note.number} · {text(note.attribution)}</span> '
        f"{note_text(edition, note, interactive=False)} "
        f'<a class="note-pop__list" href="#note-{note.number}">All notes of this chapter</a></span></span>'
    )


def notes_section(edition: Edition, notes: list[Note], gaps: list[Gap], calls: dict[int, int]) -> str:
    """The chapter's notes in the book's order, each with links back to where the text calls it."""
    items = [(n.number, _note_item(edition, n, calls.get(n.number, 1))) for n in notes]
    items += [(g.number, _gap_item(g)) for g in gaps]
    body = "\n".join(html for _, html in sorted(items))
    return (
        f'<section class="chapter-notes" aria-labelledby="notes-heading">\n'
        f'<h2 id="notes-heading" data-copytext="">Notes</h2>\n{body}\n</section>'
    )


def _note_item(edition: Edition, note: Note, count: int) -> str:
    kind = "author" if note.is_authors else "editors"
    if count == 1:
        back = f'<a class="note-back" href="#{marker_id(note, 1)}" aria-label="Back to the text at note {note.number}">↩</a>'
    else:
        back = " ".join(
            f'<a class="note-back" href="#{marker_id(note, i)}" '
            f'aria-label="Back to the text at note {note.number}, call {i} of {count}">↩{i}</a>'
            for i in range(1, count + 1)
        )
    shared = (
        f'<span class="note-shared">The copy-text calls this note from {count} places.</span> ' if count > 1 else ""
    )
    return (
        f'<p class="note note--{kind}" id="note-{note.number}"><span class="note-num">[{note.number}]</span> '
        f"{note_text(edition, note, interactive=True)} "
        f'<span class="note-apparatus" data-copytext=""><span class="note-by">{text(note.attribution)}</span> '
        f"{shared}{back}</span></p>"
    )


def _gap_item(gap: Gap) -> str:
    return (
        f'<p class="note note--gap" id="note-{gap.number}" data-copytext="">'
        f'<span class="note-num">[{gap.number}]</span> <span class="note-by">Editors of this edition</span> '
        f"{text(gap.comment)}</p>"
    )
