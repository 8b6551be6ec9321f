"""One decision of WeasyPrint's footnote layout turned off, for a critical edition's notes.

When a line of text no longer fits at the foot of a page, WeasyPrint 70 (layout/block.py, `_linebox_layout`,
"try to report footnotes", Kozea/WeasyPrint#2432 and PR #2437) may move footnotes already placed on the page
to the next one to make room for that line: the note then stands a page after its marker. The edition wants
every note on the page of its marker (the line goes over instead, as `footnote-policy: line` asks), so this
module replaces that one condition. WeasyPrint is pinned (requirements.txt); if its code changes, this fails
loudly instead of silently doing nothing.
"""

from __future__ import annotations

import inspect
import textwrap

CONDITION = "report = not context.in_column and can_break_now and not could_break_before"


def apply() -> None:
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
