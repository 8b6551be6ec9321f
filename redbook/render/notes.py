"""The book's notes in all their forms: on the web a marker with a popover in the text and a list at the chapter's
end; in print a footnote with the book's number; in the e-book a noteref and an aside; as data, the note's words
with the edition's emendations applied. Every form is made here, from the model."""

from __future__ import annotations

from redbook import Edition
from redbook.emendations import locate
from redbook.errors import Collector
from redbook.notes import Gap, Note
from redbook.render.html import attr, fragment, inline_markdown, text
from redbook.render.target import declare

from . import citations as sources
from . import commentary, emendations


def _spans(edition: Edition, note: Note):
    problems = Collector()
    spans = locate(note.text, edition.emendations_of_note(note.number), note.path, problems)
    problems.raise_if_any()
    return spans


def note_text(edition: Edition, note: Note, *, interactive: bool, entries: list[str] | None = None) -> str:
    """The note's words as HTML, with its emendations applied and its page references linked.

    With `entries` (a list), the print form: each emendation gets its °, its apparatus entry goes to `entries`,
    and the note's citations are left out (the list of sources gives their pages)."""
    spans = _spans(edition, note)
    remarks = _remark_spans(edition, note, spans)
    words = _with_tokens(note.text, remarks)  # the edition's commentary: a token after each lemma (below)
    spans = [(_shift(start, remarks), _shift(end, remarks, end=True), em) for start, end, em in spans]
    if entries is None:
        source = emendations.apply(words, spans, interactive=interactive)
    else:
        source, last = [], 0
        for start, end, em in spans:
            source += [words[last:start], emendations.in_note(em, entries)]
            last = end
        source = "".join([*source, words[last:]])
    for link in note.links:
        page, _, anchor = link.to.partition("#")
        href = page.removesuffix(".md") + ".html" + (f"#{anchor}" if anchor else "")
        source = source.replace(
            link.words, f'<a class="xref" href="{attr(href)}" title="{attr(link.why)}">{text(link.words)}</a>', 1
        )
    cited = sources.note_citations(edition, note, interactive=interactive) if entries is None else ""
    html = inline_markdown(source)
    for _, remark in remarks:  # in print the remark's entry follows the emendations' (print_note)
        if entries is None:
            marker = commentary.render(edition, remark, interactive=interactive)
        else:
            marker = commentary.in_note(edition, remark, entries)
        html = html.replace(commentary.token(remark), marker, 1)
    return html + cited


# -- the commentary on a note: its markers, by the offsets of their lemmas in the note's words --------------
def _remark_spans(edition: Edition, note: Note, spans) -> list[tuple[int, object]]:
    """(offset, remark) of each remark on the note; a lemma ending inside an emendation gets its marker after
    the emendation."""
    out = []
    for offset, remark in commentary.note_offsets(edition, note):
        for start, end, _ in spans:
            if start < offset < end:
                offset = end
        out.append((offset, remark))
    return out


def _with_tokens(words: str, remarks) -> str:
    out, last = [], 0
    for offset, remark in remarks:
        out += [words[last:offset], commentary.token(remark)]
        last = offset
    return "".join([*out, words[last:]])


def _shift(offset: int, remarks, *, end: bool = False) -> int:
    """An offset of the note's words in the words with the remarks' tokens (a token at the end of an emendation
    stands after it)."""
    return offset + sum(len(commentary.token(r)) for at, r in remarks if at < offset or (at == offset and not end))


def plain_text(edition: Edition, note: Note) -> str:
    """The DATA form: the note's words as the edition reads them (emendations applied), without markup."""
    out, last = [], 0
    for start, end, em in _spans(edition, note):
        out += [note.text[last:start], em.reading or ""]
        last = end
    return "".join([*out, note.text[last:]])


def marker_id(note: Note, occurrence: int) -> str:
    return f"ref-{note.number}" if occurrence == 1 else f"ref-{note.number}-{occurrence}"


def note_call(edition: Edition, note: Note, occurrence: int) -> str:
    """The marker [n] in the reading text: a button that opens the note in a native popover (no script)."""
    ref = marker_id(note, occurrence)
    pop = f"pop-{ref}"
    kind = _kind(note)
    return (
        f'<span class="note-call" {declare("note", note=note.number, call=occurrence)} '
        f'data-copytext="[{note.number}]">'
        f'<button type="button" class="note-ref note-ref--{kind}" id="{ref}" popovertarget="{pop}" '
        f'aria-label="Note {note.number}, {attr(note.attribution)}{", attribution doubtful" if note.doubt else ""}">'
        f"{note.number}</button>"
        f'<span class="note-pop note-pop--{kind}" id="{pop}" popover role="note" aria-label="Note {note.number}">'
        f'<span class="pop-head">Note {note.number} · {text(note.attribution)}</span> {doubt(note)}'
        f"{note_text(edition, note, interactive=False)} "
        f'<a class="note-pop__list" href="#note-{note.number}">All notes of this chapter</a></span></span>'
    )


def notes_section(edition: Edition, notes: list[Note], gaps: list[Gap], calls: dict[int, int]) -> str:
    """The chapter's notes in the book's order, each with links back to where the text calls it."""
    items = [(n.number, _note_item(edition, n, calls.get(n.number, 1))) for n in notes]
    items += [(g.number, _gap_item(g)) for g in gaps]
    body = "\n".join(html for _, html in sorted(items))
    return (
        f'<section class="chapter-notes" {declare("notes-list")} aria-labelledby="notes-heading">\n'
        f'<h2 id="notes-heading" data-copytext="">Notes</h2>\n{body}\n</section>'
    )


def doubt(note: Note) -> str:
    """The edition's doubt about who wrote an unsigned note (notes.yml: attribution: doubtful, why: ...), in the
    note's popover, its list entry and its printed footnote; nothing for the other notes."""
    if not note.doubt:
        return ""
    return (
        f'<span class="note-doubt" data-copytext="" {declare("attribution", note=note.number)}>'
        f'<span class="note-doubt__head">Attribution doubtful:</span> {text(note.doubt)}</span> '
    )


def _kind(note: Note) -> str:
    return "author" if note.is_authors else "editors"


def _note_item(edition: Edition, note: Note, count: int) -> str:
    kind = _kind(note)
    if count == 1:
        back = f'<a class="note-back" data-part="back" href="#{marker_id(note, 1)}" aria-label="Back to the text at note {note.number}">↩</a>'
    else:
        back = " ".join(
            f'<a class="note-back" data-part="back" href="#{marker_id(note, i)}" '
            f'aria-label="Back to the text at note {note.number}, call {i} of {count}">↩{i}</a>'
            for i in range(1, count + 1)
        )
    shared = (
        f'<span class="note-shared">The copy-text calls this note from {count} places.</span> ' if count > 1 else ""
    )
    return (
        f'<p class="note note--{kind}" {declare("note-entry", note=note.number)} id="note-{note.number}"><span class="note-num">[{note.number}]</span> '
        f"{note_text(edition, note, interactive=True)} "
        f'<span class="note-apparatus" data-copytext=""><span class="note-by">{text(note.attribution)}</span> '
        f"{doubt(note)}{shared}{back}</span></p>"
    )


def _gap_item(gap: Gap) -> str:
    return (
        f'<p class="note note--gap" {declare("note-entry", gap=gap.number)} id="note-{gap.number}" data-copytext="">'
        f'<span class="note-num">[{gap.number}]</span> <span class="note-by">Editors of this edition</span> '
        f"{text(gap.comment)}</p>"
    )


# -- the book's forms --------------------------------------------------------------------------------------
def print_note(edition: Edition, note: Note) -> str:
    """The printed footnote: the book's number, the note's words, "Editors’ note" where it is not the author's,
    and the apparatus of its emendations."""
    entries: list[str] = []
    body = note_text(edition, note, interactive=False, entries=entries)
    by = ' <span class="fn-by" data-copytext="">Editors’ note</span>' if not note.is_authors else ""
    if note.doubt:
        by += f" {doubt(note)}"
    apparatus = "".join(f"\u2003{entry}" for entry in entries)
    return (
        f'<span class="fn fn--note fn--{_kind(note)}" data-call="{note.number}" data-mark="{note.number}" '
        f'role="note" id="note-{note.number}"> {body} {by}{apparatus}</span>'
    )


def book_call(edition: Edition, element, book, printed: set[int]) -> None:
    """A note's call in the book, in place of its web form: in print the footnote at its first call (the number
    alone, linked to it, at a later call of a shared note); in the e-book a noteref to the chapter's list."""
    note = edition.note(int(element["data-note"]))
    ref = marker_id(note, int(element["data-call"]))
    element.clear()
    if book.single_document and note.number in printed:
        element["id"] = ref
        element.append(fragment(f'<a class="fn-again" href="#note-{note.number}">{note.number}</a>'))
    elif book.single_document:
        printed.add(note.number)
        element["id"] = ref  # where the marker stands (ref-25); the note itself is note-25
        element.append(fragment(print_note(edition, note)))
    else:
        element.append(
            fragment(
                f'<a class="noteref noteref--{_kind(note)}" href="#note-{note.number}" id="{ref}" '
                f'epub:type="noteref">{note.number}</a>'
            )
        )


def book_list(element, book) -> None:
    """The chapter's list of notes: gone from print (the notes stand at the foot of their pages); in the e-book
    the list stays, each note an aside the noterefs point to."""
    if book.single_document:
        element.decompose()
        return
    for back in element.select('[data-part="back"]'):
        back["role"] = "doc-backlink"
    for item in element.select('[data-apparatus="note-entry"]'):
        item.name = "aside"
        item["epub:type"] = "footnote"
