"""One decision of WeasyPrint's footnote layout turned off, for a critical edition's notes; and one of its
costs, in the tagging of the PDF, paid once instead of once for each box.

When a line of text no longer fits at the foot of a page, WeasyPrint 70 (layout/block.py, `_linebox_layout`,
"try to report footnotes", Kozea/WeasyPrint#2432 and PR #2437) may move footnotes already placed on the page
to the next one to make room for that line: the note then stands a page after its marker. The edition wants
every note on the page of its marker (the line goes over instead, as `footnote-policy: line` asks), so this
module replaces that one condition. WeasyPrint is pinned (requirements.txt); if its code changes, this fails
loudly instead of silently doing nothing.

The tags of a PDF/UA document (weasyprint/pdf/tags.py, `_build_box_tree`) give each box the reference of its page
by `pdf.page_references[page_number]`, a property of pydyf's PDF that makes a tuple of every page's reference at
each call: for this book, 33,000 calls over 188 pages, about a third of the time of writing the PDF. The tuple
is kept until a page is added (the list of pages grows, never changes otherwise); the file is the same, byte for
byte (compared when this was written).
"""

from __future__ import annotations

import inspect
import textwrap

CONDITION = "report = not context.in_column and can_break_now and not could_break_before"


def apply() -> None:
    _keep_footnotes()
    _page_references_once()


def _page_references_once() -> None:
    import pydyf

    if getattr(pydyf.PDF, "_edition_page_references", False):
        return
    made = pydyf.PDF.page_references.fget
    if "self.pages['Kids'][::3]" not in inspect.getsource(made):
        raise RuntimeError(
            "redbook/book/weasyfix.py: pydyf's PDF.page_references has changed; check whether it still makes the "
            "tuple anew at each call and update or remove this fix"
        )

    def page_references(pdf):
        kids = pdf.pages["Kids"]
        if getattr(pdf, "_edition_references_of", None) != (id(kids), len(kids)):
            pdf._edition_references, pdf._edition_references_of = made(pdf), (id(kids), len(kids))
        return pdf._edition_references

    pydyf.PDF.page_references = property(page_references)
    pydyf.PDF._edition_page_references = True


def _keep_footnotes() -> None:
    from weasyprint.layout import block

    if getattr(block, "_edition_keeps_footnotes", False):
        return
    source = textwrap.dedent(inspect.getsource(block._linebox_layout))
    if CONDITION not in source:
        raise RuntimeError(
            "redbook/book/weasyfix.py: WeasyPrint's _linebox_layout has changed; check whether footnotes are still "
            "moved away from their markers and update or remove this fix"
        )
    exec(compile(source.replace(CONDITION, "report = False"), block.__file__, "exec"), block.__dict__)
    block._edition_keeps_footnotes = True
