"""How the author's counts look on the web: a mark beside the book's number, and the table of all of them."""

from __future__ import annotations

from redbook.render.html import attr, text

ROSTERS = "rosters.html"


def sums_of(edition) -> list:
    return edition.apparatus.get("sums") or []


def _terms(s, *, inline: bool = False) -> str:
    """The terms, one a line; inside a paragraph (inline) only spans may be used."""
    items = []
    tag, item = ("span", "span") if inline else ("ul", "li")
    for i, t in enumerate(s.terms):
        sign = "− " if t.sign < 0 else ("+ " if i else "")
        label = text(t.label)
        if t.ref and t.kind in ("group", "count_of", "difference"):
            label = f'<a href="{ROSTERS}#group-{t.ref}">{label}</a>'
        elif t.kind == "sum":
            label = f'<a href="{ROSTERS}#{attr("sum-" + t.ref)}">{label}</a>'
        items.append(f'<{item} class="sum-term"><span class="sum-value">{sign}{t.value}</span> {label}</{item}>')
    return f'<{tag} class="sum-terms">{"".join(items)}</{tag}>'


def verdict(s) -> str:
    return "checks" if s.checks else "does not check"


def marker(s) -> str:
    """The mark after the book's number in the reading text, opening the computation (data-copytext="")."""
    status = "ok" if s.checks else "differs"
    note = ""
    if s.observation:
        note = (
            f'<span class="sum-note"><span class="person-card__by">Editors’ observation:</span> '
            f"{text(s.observation)}</span>"
        )
    elif s.remark:
        note = f'<span class="sum-note">{text(s.remark)}</span>'
    return (
        f'<span class="sum-check sum-check--{status}" data-apparatus="sum" id="{s.anchor}-mark" data-copytext="">'
        f'<button type="button" class="sum-check__ref" popovertarget="{s.anchor}-pop" '
        f'aria-label="The book’s count {s.book} {verdict(s)} against the register"></button>'
        f'<span class="sum-check__pop" id="{s.anchor}-pop" popover>'
        f'<span class="pop-head">The author’s count · {verdict(s)}</span>'
        f"The book: {s.book}. From the register: {text(s.formula())}.{_terms(s, inline=True)}{note}"
        f'<a class="sum-check__all" href="{ROSTERS}#sums">All the author’s counts</a></span></span>'
    )


def sums_section(edition) -> str:
    sums = sums_of(edition)
    rows = []
    for s in sums:
        page = edition.pages[s.page]
        note = ""
        if s.observation:
            note = f'<p class="sum-note"><span class="person-card__by">Editors’ observation:</span> {text(s.observation)}</p>'
        elif s.remark:
            note = f'<p class="sum-note">{text(s.remark)}</p>'
        rows.append(
            f'<tr id="{s.anchor}" class="sum-row sum-row--{"ok" if s.checks else "differs"}">'
            f'<td><a href="{page.url}#{s.anchor}-mark">{text(page.label)}</a></td>'
            f'<td><q>{text(s.at)}</q></td><td class="sum-book">{s.book}</td>'
            f'<td>{_terms(s)}{note}</td><td class="sum-result">{s.result}</td><td>{verdict(s)}</td></tr>'
        )
    checked = sum(1 for s in sums if s.checks)
    return (
        '<section class="sums" aria-labelledby="sums"><h2 id="sums">The author’s counts</h2>'
        f"<p>Each count or sum the book states about these lists, recomputed from the register when the edition "
        f"is built: {checked} of {len(sums)} give the book’s number. A figure the register cannot count (for "
        f"example the 49 condemned to a camp) is taken from the book and marked as such. In the reading text the "
        f"result stands beside the book’s number, marked with a tick where it checks and with an unequal sign where it "
        f"does not.</p>"
        '<table class="sums-table"><thead><tr><th scope="col">Where</th><th scope="col">The book</th>'
        '<th scope="col">Its number</th><th scope="col">Terms from the register</th><th scope="col">Result</th>'
        f'<th scope="col">Verdict</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>'
    )


def book(element) -> None:
    """The book keeps the mark's place (an anchor), not its button and popover: the rosters give the sums."""
    element.clear()
