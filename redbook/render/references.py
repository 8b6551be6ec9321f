"""The edition's references (data/references.bib) in their forms: a link from a statement to the References
page, and the References page itself (every entry in Chicago style, one id a key).

    ref_link(edition, key, at, target)        after a statement of a hand-written page ({{ ref(...) }})
    evidence_html(edition, evidence, target)  the evidence of a remark or statement: "Title, locator; ..."
    statement_html(edition, statement, target)  a title-page statement with its ground
    references_page(edition, title)           the Markdown of the References page (redbook/render/generated/references.py)
"""

from __future__ import annotations

from html import escape

from redbook.render.html import attr, inline_markdown, text
from redbook.render.target import Target, declare

PAGE = "references.html"


def anchor(key: str) -> str:
    """The id of a reference's entry on the References page."""
    return f"ref-{key}"


def href(key: str, target: Target = Target.WEB) -> str:
    if target is Target.EBOOK:
        return f"references.xhtml#{anchor(key)}"
    if target is Target.PRINT:
        return f"#references--{anchor(key)}"
    return f"{PAGE}#{anchor(key)}"


def _entries(edition) -> dict:
    refs = edition.apparatus.get("references")
    return refs.entries if refs is not None else {}


def short(reference) -> str:
    """A short form for a link: the title, without the bracketed descriptions the edition adds."""
    return reference.fields["title"]


def ref_link(edition, key: str, at: str, target: Target = Target.WEB) -> str:
    """The reference of the statement before it: “(Title, locator)”, linked to its entry."""
    reference = _entries(edition)[key]
    if target is Target.DATA:
        return f"{reference.chicago()} {at}"
    return (
        f'<span class="ref-cite" data-copytext="" {declare("reference", ref=key)}>'
        f'(<a class="ref-link" href="{attr(href(key, target))}" title="{attr(reference.chicago())}">'
        f"{text(short(reference))}</a>, {text(at)})</span>"
    )


def evidence_html(edition, evidence, target: Target = Target.WEB) -> str:
    """The works a remark or statement rests on, each with its locator, separated by semicolons."""
    entries = _entries(edition)
    parts = []
    for item in evidence:
        reference = entries[item.ref]
        given = getattr(item, "for_", ())
        # issue 26: the fields an item supports ("for born and died"), so that a date's works can be seen
        supports = f' <span class="ref-for">for {text(_and(given))}</span>' if given else ""
        if target is Target.PRINT:
            # the printed book gives the work in short and its locator; the References page gives it in full
            parts.append(f"<i>{text(short(reference))}</i>, {text(item.at)}{supports}")
        else:
            parts.append(
                f'<a class="ref-link" href="{attr(href(item.ref, target))}" title="{attr(reference.chicago())}">'
                f"{text(short(reference))}</a>, {text(item.at)}{supports}"
            )
    return "; ".join(parts)


def _and(words) -> str:
    words = list(words)
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


KIND_WORDS = {
    "primary": "a record of the time",
    "scholarly": "a scholarly work",
    "reference": "a reference work",
    "web": "a website",
}


def _kind_html(edition, reference) -> str:
    """Issue 26: what kind of work it is, and, for a copy, what the address serves and of which work."""
    kind = getattr(reference, "kind", None)
    copy = getattr(reference, "copy", None)
    copyof = getattr(reference, "copyof", None)
    bits = []
    if kind in KIND_WORDS:
        bits.append(KIND_WORDS[kind])
    if copy:
        bits.append(f"the address serves a copy: {text(copy)}")
    if copyof and copyof in _entries(edition):
        bits.append(f'a copy of <a href="#{anchor(copyof)}">{text(short(_entries(edition)[copyof]))}</a>')
    if not bits:
        return ""
    return f' <span class="reference-kind" data-kind="{attr(kind or "")}">({"; ".join(bits)})</span>'


def statement_html(edition, statement, target: Target = Target.WEB) -> str:
    """A statement of data/publication.yml: its words, then its references (a header statement needs none:
    the header stands on the same page)."""
    body = inline_markdown(statement.text)
    refs = ""
    if statement.evidence:
        refs = f' <span class="ref-cite" data-copytext="">({evidence_html(edition, statement.evidence, target)})</span>'
    return f'<span class="statement" data-copytext="" {declare("statement", statement=statement.ident)}>{body}{refs}</span>'


def _chicago_html(reference) -> str:
    """The Chicago entry with its address as a link."""
    plain = reference.chicago()
    url = reference.fields["url"]
    escaped = escape(plain, quote=False)
    link = f'<a href="{attr(url)}">{escape(url, quote=False)}</a>'
    return escaped.replace(escape(url, quote=False), link, 1) if url in plain else escaped


def references_page(edition, title: str) -> str:
    """Every work the edition relies on, in Chicago style (bibliography), alphabetically, each with its id."""
    entries = sorted(_entries(edition).values(), key=lambda r: r.chicago().lstrip("“‘").lower())
    parts = [
        f"---\ntitle: {title}\n---\n",
        f"# {title}\n",
        '<p class="references-lead">The works this edition relies on for its own statements: the commentary, '
        "the title page, the editorial principles and the fields of the bibliography that the book does not "
        'give. The works the book itself cites are listed under <a href="sources.html">Sources</a>. Each '
        f"entry gives the address where the work was read and the day it was read. {len(entries)} works.</p>\n",
        '<p class="references-files">Download: <a href="references.bib" download>references.bib</a> (BibTeX).</p>\n',
        '<ul class="references">',
    ]
    for reference in entries:
        parts.append(
            f'<li class="reference" id="{anchor(reference.key)}">{_chicago_html(reference)}{_kind_html(edition, reference)}</li>'
        )
    parts.append("</ul>\n")
    return "\n".join(parts)
