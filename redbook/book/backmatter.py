"""Back matter made for the book from edition.apparatus: the index of persons and the list of sources, with the
pages of this printing where each person is named and each source cited.

Each is built only when its apparatus part is there (redbook/apparatus/persons.py, sources.py); until then the
book carries whatever back-matter pages the site has, transformed like the rest. A place is an element id of
the print HTML (a mention, a citation marker, or the footnote a mention stands in); `page_of` maps ids to page
numbers once a first layout has given them (pdf.build lays out until the numbers hold): the entries then give
each page once, linked to the first place on it. Without it, each place is a link whose number pdf.py writes in.
"""

from __future__ import annotations

from html import escape

from bs4 import BeautifulSoup

import redbook
from redbook.named import sort_key
from redbook.render import record
from redbook.render.html import inline_markdown

from .transform import BookForm

#: Site pages the book does not carry: replaced by the book's own form of the same data, or about the web only.
WEB_ONLY = {"open-data"}
REPLACED = {"persons": "persons", "sources": "sources"}  # apparatus part -> the site page it replaces
# -- places and organisations (issue 16): the book's own registers replace the two index pages ------------------
REPLACED = {**REPLACED, "places": "places", "organisations": "organisations"}


def replaced_pages(edition: redbook.Edition) -> set[str]:
    """Stems of site pages that the book leaves out: its own registers replace them, or they concern the web."""
    return WEB_ONLY | {stem for part, stem in REPLACED.items() if part in edition.apparatus}


def _place(target: BookForm, stem: str, ident: str, note: int | None, ids: set[str]) -> str:
    """The id of a place in the book: the element itself, or else the footnote it stands in."""
    exact = target.anchor(stem, ident)
    if exact in ids or note is None:
        return exact
    return target.anchor(stem, f"note-{note}")


def _pages(places: list[str], page_of: dict[str, int] | None) -> str:
    """The page references of an entry: each page once (first layout known), else one link a place."""
    if page_of is None:
        return ", ".join(f'<a class="pageno" href="#{p}"></a>' for p in places)
    first: dict[int, str] = {}
    for place in places:
        if place in page_of:
            first.setdefault(page_of[place], place)
    return ", ".join(f'<a href="#{place}">{page}</a>' for page, place in sorted(first.items()))


def _lettered(
    items, mentions_of, ids, page_of, target, *, extra, below=lambda item: "", anchor=lambda item: None
) -> list[str]:
    """The rows of a printed index: a letter heading where the initial changes, then each entry with the pages
    of its mentions (`extra`: what follows the name; `below`: what follows the entry; `anchor`: the entry's id,
    the one the web's links to the index entry name); an entry the book never mentions is left out."""
    rows, letter = [], None
    for item in items:
        places = [_place(target, m.page, m.anchor, m.note, ids) for m in mentions_of(item.key)]
        if not places:
            continue
        if item.letter != letter:
            letter = item.letter
            rows.append(f'<h2 class="index-letter">{escape(letter)}</h2>')
        ident = anchor(item)
        own = f' id="{escape(ident)}"' if ident and ident not in ids else ""
        rows.append(
            f'<p class="index-entry"{own}><span class="index-name">{escape(item.name)}</span>{extra(item)} '
            f'<span class="index-pages">{_pages(places, page_of)}</span></p>'
        )
        rows.append(below(item))
    return rows


def persons_index(edition, ids: set[str], page_of, target: BookForm) -> str | None:
    register = edition.apparatus.get("persons")
    if register is None:
        return None
    rows = _lettered(
        register.persons.values(),
        register.mentions_of,
        ids,
        page_of,
        target,
        extra=lambda person: f" ({escape(person.dates)})" if person.dates else "",
        below=lambda person: _identified(edition, person),  # issue 15
        anchor=lambda person: target.anchor("persons", f"person-{person.key}"),  # the rosters' links lead here
    )
    for variant, person in register.cross_references():
        rows.append(
            f'<p class="index-entry index-see"><span class="index-name">{escape(variant)}</span> '
            f"<i>see</i> {escape(person.name)}</p>"
        )
    intro = (
        '<p class="index-intro">The persons the book names, in the reading text and in its notes, with the '
        "pages of this printing; a variant spelling of the copy-text refers to the name as indexed.</p>"
    )
    intro += _identified_intro(edition)  # issue 15
    return (
        f'<section class="part part--back register" id="persons"><h1 data-running="Index of persons" '
        f'data-bookmark="Index of persons">Index of persons</h1>{intro}<div class="index-columns">'
        + "".join(rows)
        + "</div></section>"
    )


# -- issue 15: the edition's identification of each person, from reference works, in the printed index -----
def _identified(edition, person) -> str:
    """Under a person's entry: the edition's identification with the short references, every disagreement
    with the book (the book's statement first), and the references' other spellings."""
    from redbook.render import persons as persons_render
    from redbook.render.target import Target

    html = persons_render.identification(edition, person, Target.PRINT, tag="span")
    html += persons_render.spellings_line(edition, person, tag="span")
    return f'<p class="index-identification">{html}</p>' if html else ""


def _identified_intro(edition) -> str:
    if edition.apparatus.get("identifications") is None:
        return ""
    return (
        '<p class="index-intro">Under an entry, this edition’s identification from reference works (the works '
        "in short, with the place in them; in full under References): the name in full, life dates and a line "
        "of identification; where the book and the references differ, the book’s statement first. A person "
        "searched for in the references and not found is marked “not identified”.</p>"
    )


# -- places and organisations (issue 16) ------------------------------------------------------------------------
#: The two registers made from redbook/named.py's indexes: apparatus part -> (title, what the intro says).
NAMED = {
    "places": (
        "Index of places",
        "The places the book names, in the reading text and in its notes, with the pages of this printing; a place "
        "named inside the name of an organisation is indexed under the organisation.",
    ),
    "organisations": (
        "Index of organisations",
        "The organisations the book names, in the reading text and in its notes, with the pages of this printing. "
        "A group named by the prosecution whose existence the book disputes is said to be so.",
    ),
}


def named_index(edition, name: str, ids: set[str], page_of, target: BookForm) -> str | None:
    index = edition.apparatus.get(name)
    if index is None or not index.entries:
        return None
    title, about = NAMED[name]
    rows = _structured(index, ids, page_of, target)
    return (
        f'<section class="part part--back register" id="{name}"><h1 data-running="{title}" '
        f'data-bookmark="{title}">{title}</h1><p class="index-intro">{escape(about)}</p>'
        '<div class="index-columns">' + "".join(rows) + "</div></section>"
    )


def _extra(entry) -> str:
    """What follows an entry's name in the printed index: an alleged group's statement, a body's years (the
    days, their style and their works are the web index's and the open data's)."""
    out = f", <i>{escape(entry.statement)}</i>," if entry.alleged else ""
    if entry.founded or entry.dissolved:
        out += f" ({_years(entry)})"
    return out


def _years(entry) -> str:
    """A body's years as the printed index gives them: 1922–1934, 1903–, ?–1932."""
    return f"{(entry.founded or '?')[:4]}–{(entry.dissolved or '')[:4]}"


def _structured(index, ids: set[str], page_of, target: BookForm) -> list[str]:
    """Issue 26: the rows of a printed named index with its structure: a main entry, its subentries indented
    under it ("index-sub"), "see also" after an entry, and the cross-references ("X, see Y") in their place in
    the alphabet. A main entry the book never names is kept when it has subentries (it then has no pages)."""
    rows, letter = [], None
    for what, item in index.headings():
        if what == "see":
            target_entry = index.entry(item.see)
            initial = sort_key(item.name)[:1].upper()
            if initial != letter:
                letter = initial
                rows.append(f'<h2 class="index-letter">{escape(letter)}</h2>')
            rows.append(
                f'<p class="index-entry index-see"><span class="index-name">{escape(item.name)}</span>, '
                f"<i>see</i> {escape(target_entry.name)}</p>"
            )
            continue
        places = [_place(target, m.page, m.anchor, m.note, ids) for m in index.mentions_of(item.key)]
        children = index.children(item.key) if what == "entry" else []
        if not places and not children:
            continue
        if what == "entry" and item.letter != letter:
            letter = item.letter
            rows.append(f'<h2 class="index-letter">{escape(letter)}</h2>')
        css = "index-entry index-sub" if what == "sub" else "index-entry"
        pages = f' <span class="index-pages">{_pages(places, page_of)}</span>' if places else ""
        rows.append(f'<p class="{css}"><span class="index-name">{escape(item.name)}</span>{_extra(item)}{pages}</p>')
        also = [index.entry(k).name for k in item.see_also if k in index.entries]
        if also:
            rows.append(f'<p class="{css} index-see-also"><i>See also</i> {escape("; ".join(also))}</p>')
    return rows


def sources_list(edition, ids: set[str], page_of, target: BookForm) -> str | None:
    data = edition.apparatus.get("sources")
    if data is None:
        return None
    parts = []
    for _kind, label, members in data.kinds():
        parts.append(f"<h2>{escape(label)}</h2>")
        for source in members:
            places = [_place(target, c.page, c.ident, c.note, ids) for c in data.citations_of(source.key)]
            pages = f' <span class="index-pages">{_pages(places, page_of)}</span>' if places else ""
            parts.append(
                f'<p class="source-entry" id="{target.anchor("sources", source.anchor)}">'
                f"{inline_markdown(source.reference)}{pages}</p>"
            )
            # issue 25: the passages that quote it, in the record's order, each with its locator as text
            parts.append(
                record.book_places(
                    edition, source.key, lambda stem, ident, note: _place(target, stem, ident, note, ids)
                )
            )
    intro = (
        '<p class="index-intro">The sources the book cites or quotes, with the pages of this printing where '
        "it names them.</p>"
    )
    return (
        f'<section class="part part--back register" id="sources"><h1 data-running="Sources" '
        f'data-bookmark="Sources">Sources</h1>{intro}' + "".join(parts) + "</section>"
    )


def sections(edition: redbook.Edition, soup: BeautifulSoup, target: BookForm, page_of=None, *, draft=False) -> list:
    """The registers; a `draft` (the first layout, which only has to find where every place stands) leaves them
    out: they come last, so nothing before them moves."""
    if draft:
        return []
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    made = [sources_list(edition, ids, page_of, target), persons_index(edition, ids, page_of, target)]
    # -- places and organisations (issue 16) --------------------------------------------------------------------
    made += [named_index(edition, name, ids, page_of, target) for name in NAMED]
    return [BeautifulSoup(html, "html.parser").section for html in made if html]
