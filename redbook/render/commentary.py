"""The edition's commentary in its forms: one remark (data/commentary.yml, redbook/apparatus/commentary.py)
on every target, and the commentary page.

    render(edition, remark, target, interactive=True)
        WEB    a small "c1" button after the lemma, opening the remark in a native popover (no script); inside
               a note's own popover (interactive=False) a plain link to the commentary page
        PRINT  a `float: footnote` span, like the book's notes in redbook/book/transform.py, with the mark c1
        EBOOK  an epub:type="noteref" link to the remark on the commentary page
        DATA   the remark's record (Remark as a plain dict)
    commentary_page(edition, title)   the Markdown of the page listing every remark, each linked to its place

Every form declares itself (data-apparatus="commentary" data-remark="c1") and carries data-copytext="": the
marker is the edition's, not the copy-text's, so the fidelity proof reads past it.

CSS (the class names are the renderer's; tests/test_render_commentary.py checks that the files carry them):
    WEB_CSS    docs/assets/commentary.css: the marker, distinct from the notes' numbers and from °
    PRINT_CSS  redbook/book/print.css

Wiring (which this module's functions serve):
    note_tokens(edition, note)        where a remark on a note stands in the note's words (redbook/render/notes.py)
    in_note(edition, remark, entries) a remark inside a printed footnote: its mark, its entry closing the note
    book(edition, element, form)      the book's form of a web marker (redbook/book/transform.py's dispatch)
    book_entry(element, form)         a remark of the commentary page in the book (e-book: the note it opens)
The markers on the running text are placed in the built page by redbook/plugin/remarks.py.
"""

from __future__ import annotations

from redbook.render.html import attr, fragment, inline_markdown, text
from redbook.render.references import evidence_html
from redbook.render.target import Target, declare

PAGE = "commentary.html"
WHOSE = {"text": "the text", "author": "an author’s note", "editors": "an editors’ note"}

WEB_CSS = """\
.comment-ref { font: inherit; font-size: 0.62em; vertical-align: super; line-height: 1; padding: 0 0.15em;
  margin-left: 0.1em; border: 1px solid currentColor; border-radius: 0.25em; background: none; color: var(--edition-comment, #8a4b00);
  font-variant-numeric: lining-nums; cursor: pointer; }
.comment-pop { max-width: 32rem; padding: 0.8rem 1rem; position-area: bottom span-right; }
.comment-pop__lemma { font-style: italic; }
.comment-pop__refs, .comment-pop__all { display: block; font-size: 0.85em; margin-top: 0.4em; }
.remark { margin: 1.2em 0; }
.remark-head .remark-id { font-weight: 600; }
"""

PRINT_CSS = """\
.fn--comment::footnote-call { content: attr(data-call); font-size: 60%; vertical-align: super; line-height: 1;
  font-style: italic; }
.fn--comment::footnote-marker { content: attr(data-mark) "\\2002"; font-style: italic; font-weight: 400; }
.fn--comment .comment-lemma { font-style: italic; }
"""


def _head(remark) -> str:
    return f"Commentary {remark.ident} · {remark.kind_label}"


def _body(edition, remark, target: Target) -> str:
    return (
        f'<span class="comment-pop__lemma">{text(remark.lemma)}</span>] '
        f"{inline_markdown(remark.text)} "
        f'<span class="comment-pop__refs">{evidence_html(edition, remark.evidence, target)}.</span>'
    )


def render(edition, remark, target: Target = Target.WEB, *, interactive: bool = True):
    """The remark's marker (and text) where it attaches: right after its lemma."""
    ids = declare("commentary", remark=remark.ident)
    if target is Target.DATA:
        return next(r for r in edition.apparatus["commentary"].records() if r["id"] == remark.ident)
    if target is Target.PRINT:
        return (
            f'<span class="fn fn--comment" data-copytext="" {ids} data-call="{attr(remark.ident)}" '
            f'data-mark="{attr(remark.ident)}" role="note" id="{attr(remark.anchor)}">'
            f'<span class="comment-lemma">{text(remark.lemma)}</span>] {inline_markdown(remark.text)} '
            f"({evidence_html(edition, remark.evidence, target)}) "
            f'<span class="fn-by">Commentary</span></span>'
        )
    if target is Target.EBOOK:
        return (
            f'<a class="comment-ref" data-copytext="" {ids} epub:type="noteref" id="{attr(remark.anchor)}" '
            f'href="commentary.xhtml#{attr(remark.ident)}">{text(remark.ident)}</a>'
        )
    label = f"Commentary {remark.ident}, {remark.kind_label.lower()}, on the words “{remark.lemma}”"
    # On the web the mark "c1" is drawn by the stylesheet (data-mark): it is no word of the page, so that finding,
    # copying or searching the book's words across it works; its name for assistive technology is the label.
    if not interactive:
        # inside a note's popover: a popover does not open another
        return (
            f'<a class="comment-link" data-copytext="" {ids} href="{PAGE}#{attr(remark.ident)}" '
            f'aria-label="{attr(label)}" data-mark="{attr(remark.ident)}"></a>'
        )
    pop = f"pop-{remark.anchor}"
    return (
        f'<span class="comment" data-copytext="" {ids}>'
        f'<button type="button" class="comment-ref" id="{attr(remark.anchor)}" popovertarget="{pop}" '
        f'aria-label="{attr(label)}" data-mark="{attr(remark.ident)}"></button>'
        f'<span class="comment-pop" id="{pop}" popover role="note" aria-label="Commentary {attr(remark.ident)}">'
        f'<span class="pop-head">{text(_head(remark))}</span> {_body(edition, remark, target)} '
        f'<a class="comment-pop__all" href="{PAGE}#{attr(remark.ident)}">All remarks of the commentary</a>'
        f"</span></span>"
    )


def _place(edition, remark) -> str:
    page = edition.pages[remark.page]
    if remark.place.note is not None:
        return f'<a class="remark-note" href="{page.url}#note-{remark.place.note}">note {remark.place.note}</a>'
    # the paragraph number is filled in after the pages are numbered (redbook/plugin/plugin.py, on_post_page)
    return f'<a class="place" href="{page.url}" data-place="{attr(remark.place_key)}">{text(page.label)}</a>'


def commentary_page(edition, title: str) -> str:
    """Every remark, in the order of the book, each linked back to its paragraph or note."""
    data = edition.apparatus["commentary"]
    order = {stem: i for i, stem in enumerate(edition.pages)}
    remarks = sorted(
        data.remarks.values(),
        key=lambda r: (order.get(r.page, 999), r.place.note is not None, r.place.note or 0, int(r.ident[1:])),
    )
    counts = {kind: sum(1 for r in remarks if r.kind == kind) for kind in ("error", "context", "name")}
    parts = [
        f"---\ntitle: {title}\n---\n",
        f"# {title}\n",
        '<p class="commentary-lead">Remarks of this edition on statements of the text and of the book’s notes '
        "that are wrong or need context: a date, an office, the name of an institution, the date of a "
        "periodical’s issue. They are not the book’s notes [1]–[35] and not emendations: the book’s words are "
        'kept as printed. Each remark names the works it rests on (see <a href="references.html">References'
        f"</a>). {len(remarks)} remarks: {counts['error']} on statements that are wrong, {counts['context']} "
        f"giving context, {counts['name']} on names of another time. In the text, a small boxed “c1” after "
        "the words opens the remark.</p>\n",
    ]
    for remark in remarks:
        parts.append(
            f'<div class="remark remark--{remark.kind}" id="{attr(remark.ident)}" '
            f"{declare('commentary-entry', remark=remark.ident)}>"
            f'<p class="remark-head"><span class="remark-id">{text(remark.ident)}</span> · {_place(edition, remark)}'
            f" · on {WHOSE[remark.whose]} · {text(remark.kind_label)}</p>"
            f'<p class="remark-text"><span class="comment-pop__lemma">{text(remark.lemma)}</span>] '
            f"{inline_markdown(remark.text)}</p>"
            f'<p class="remark-refs">{evidence_html(edition, remark.evidence, Target.WEB)}.</p></div>\n'
        )
    return "\n".join(parts)


# -- remarks on a note ------------------------------------------------------------------------------------
TOKEN = "\ue001"  # brackets a remark's id where it stands in a note's Markdown, until the note is rendered


def note_offsets(edition, note) -> list[tuple[int, object]]:
    """(offset just after the lemma in the note's words, remark) for each remark on the note, in text order."""
    out = []
    for remark in edition.apparatus["commentary"].on_note(note.number) if "commentary" in edition.apparatus else []:
        near = remark.place.near
        start = note.text.index(near) + near.index(remark.lemma) if near else note.text.index(remark.lemma)
        out.append((start + len(remark.lemma), remark))
    return sorted(out, key=lambda item: item[0])


def token(remark) -> str:
    return f"{TOKEN}{remark.ident}{TOKEN}"


def in_note(edition, remark, entries: list[str]) -> str:
    """A remark inside a printed footnote (a footnote cannot hold another): its mark after the lemma, and its
    entry, which closes the note after the apparatus of the emendations."""
    ids = declare("commentary", remark=remark.ident)
    entries.append(
        f'<span class="comment-entry" data-copytext="" {ids} id="{attr(remark.anchor)}">'
        f'<span class="comment-mark">{text(remark.ident)}</span> <span class="comment-lemma">{text(remark.lemma)}'
        f"</span>] {inline_markdown(remark.text)} ({evidence_html(edition, remark.evidence, Target.PRINT)}) "
        f'<span class="fn-by">Commentary</span></span>'
    )
    return f'<span class="comment-mark" data-copytext="">{text(remark.ident)}</span>'


# -- the book's forms ------------------------------------------------------------------------------------
def book(edition, element, form) -> None:
    """A web marker (the button and its popover, or the plain link inside a note's popover) in the book's form:
    a footnote in print, a noteref to the remark on the commentary page in the e-book."""
    remark = edition.apparatus["commentary"].remarks[element["data-remark"]]
    element.replace_with(fragment(render(edition, remark, form.target)))


def book_entry(element, form) -> None:
    """A remark of the commentary page in the book: in the e-book the pop-up note its noterefs open."""
    if form.single_document:
        return
    element.name = "aside"
    element["epub:type"] = "footnote"
