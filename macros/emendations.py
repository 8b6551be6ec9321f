"""How an emendation looks on the web: the edition's reading, with the copy-text's one click away."""

from __future__ import annotations

from redbook.emendations import Emendation
from redbook.render.html import attr, text


def emendation(em: Emendation, *, interactive: bool = True) -> str:
    """The corrected reading in place of the copy-text's, carrying the copy-text reading for the fidelity proof.

    `interactive` adds the marker and its popover; a copy inside another popover leaves them out.
    """
    reading = f'<span class="emendation__reading">{text(em.reading)}</span>' if em.reading else ""
    if not interactive:
        return (
            f'<span class="emendation" data-copytext="{attr(em.copy)}" '
            f'title="{attr(em.ident)}: copy-text reads {attr(em.copy)}">{reading}</span>'
        )
    pop = f"{em.anchor}-pop"
    what = "reads"
    return (
        f'<span class="emendation" id="{em.anchor}" data-copytext="{attr(em.copy)}">{reading}'
        f'<button type="button" class="emendation__ref" popovertarget="{pop}" '
        f'aria-label="Emendation {em.ident}: the copy-text {what} {attr(em.copy)}">°</button>'
        f'<span class="emendation__pop" id="{pop}" popover>'
        f'<span class="pop-head">Emendation {em.ident}</span> '
        f'Copy-text {what}: <q class="copy-reading">{text(em.copy)}</q>. {text(em.reason)} '
        f'<a href="principles.html#{em.anchor}-entry">All emendations</a></span></span>'
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
