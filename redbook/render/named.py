"""The indexes of places and of organisations (redbook/named.py) in their forms: the marked name in the reading
text, the index page of the site (and, transformed, of the e-book), the mention in a book.

    index_of(edition, name)          the index ("places", "organisations"), or None when it is empty
    span_attrs(mention)              the span of one mention in the reading text (redbook/plugin/mentions.py)
    index_page(edition, name, title) the Markdown of the index page (redbook/render/generated/places.py, ...)
    book(element)                    a marked name in a book: its words and its anchor, nothing else

The printed book's two registers, with the page numbers of this printing, are redbook/book/backmatter.py's.
"""

from __future__ import annotations

from redbook.dates import span
from redbook.named import Entry, Index, sort_key
from redbook.render import references as references_web
from redbook.render.html import text
from redbook.render.persons import human_date, mention_link
from redbook.render.target import Target, declare

#: The span of a mention: its class ("place" is taken by the apparatus's links to paragraphs) and declaration.
SPANS = {"places": ("placename", "placename"), "organisations": ("orgname", "org")}
PAGES = {"places": "places.html", "organisations": "organisations.html"}
INTROS = {
    "places": "Every place the reading text and the notes of part I name: countries, cities, regions and named "
    "buildings. A place named inside the name of an organisation (“the Leningrad Center”) is indexed under "
    'the organisation (see the <a href="organisations.html">index of organisations</a>); adjectives of '
    "nationality are not indexed.",
    "organisations": "Every organisation the reading text and the notes of part I name: parties and their organs, "
    "the police, courts, the press and news agencies the book cites, oppositions and groups, and the groups the "
    "prosecution alleged. An alleged group is given as the book gives it: named by the prosecution, with the "
    "place where the book argues that it did not exist.",
}
KIND_LABELS = {
    "country": "country",
    "city": "city",
    "region": "region",
    "building": "building",
    "unidentified": "not identified",
    "party": "party",
    "party-organ": "organ of a party",
    "state": "body of a state",
    "police": "police",
    "court": "court",
    "army": "army",
    "press": "press, news agency",
    "international": "international organisation",
    "group": "opposition, faction or group",
    "association": "association",
    "congress": "congress of a party",
}


def index_of(edition, name: str) -> Index | None:
    index = edition.apparatus.get(name)
    return index if index is not None and index.entries else None


def entry_anchor(index: Index, entry: Entry) -> str:
    return f"{index.spec.prefix}-entry-{entry.key}"


def span_attrs(mention) -> dict:
    """<span class="orgname" data-apparatus="org" data-org=KEY id="org-KEY-N">, or the place's likewise."""
    css, thing = SPANS[mention.index]
    return {"class": css, "data-apparatus": thing, f"data-{thing}": mention.key, "id": mention.anchor}


def book(element) -> None:
    """A marked name in a book keeps its words and its anchor (the registers' page numbers point at it)."""
    for name in [a for a in element.attrs if a.startswith("data-") and a != "data-apparatus"]:
        del element[name]


# -- the index page -------------------------------------------------------------------------------------------
def _source_link(edition, index: Index, entry: Entry, place, which: str) -> str:
    """Where the book itself says it: its note, or its paragraph (filled in by the build from the quoted words)."""
    if place.note is not None:
        note = edition.note(place.note)
        return f'<a href="{note.page}.html#note-{place.note}">note {place.note}</a>'
    page = edition.pages[place.page]
    return (
        f'<a class="place" href="{page.url}" data-place="{index.spec.name}-{which}:{entry.key}">{text(page.label)}</a>'
    )


def _identification(edition, index: Index, entry: Entry) -> str:
    grounds = []
    if entry.source is not None:
        grounds.append("the book, " + _source_link(edition, index, entry, entry.source, "from"))
    if entry.evidence:
        grounds.append(references_web.evidence_html(edition, entry.evidence, Target.WEB))
    ground = f' <span class="index-ground">({"; ".join(grounds)})</span>' if grounds else ""
    return f'<p class="index-about">{text(entry.about)}{ground}</p>'


def _mentions(edition, index: Index, entry: Entry) -> str:
    mentions = index.mentions_of(entry.key)
    by_page: dict[str, list] = {}
    for m in mentions:
        by_page.setdefault(m.page, []).append(m)
    chapters = []
    for stem, ms in by_page.items():
        links = ", ".join(mention_link(edition, m) for m in ms)
        chapters.append(
            f'<span class="index-chapter"><span class="index-chapter__label">{text(edition.pages[stem].label)}'
            f"</span> ({len(ms)}): {links}</span>"
        )
    count = f"{len(mentions)} mention{'s' if len(mentions) != 1 else ''}"
    return f'<p class="index-mentions"><span class="index-count">{count}</span> {" ".join(chapters)}</p>'


def _entry(edition, index: Index, entry: Entry) -> str:
    kind = KIND_LABELS.get(entry.kind, entry.kind)
    alleged = ""
    if entry.alleged:
        where = _source_link(edition, index, entry, entry.disputed, "disputed")
        alleged = (
            f'<p class="index-alleged"><span class="index-alleged__label">Alleged group:</span> '
            f"{text(entry.statement)} ({where}).</p>"
        )
    remark = (
        f'<p class="index-remark"><span class="person-card__by">Editors of this edition:</span> {text(entry.remark)}</p>'
        if entry.remark
        else ""
    )
    forms = ", ".join(f"<q>{text(f)}</q>" for f in entry.forms)
    sub = entry.parent is not None and entry.parent in index.entries
    css = "index-entry index-entry--sub" if sub else "index-entry"
    under = (
        f' <span class="index-under">under <a href="#{entry_anchor(index, index.entry(entry.parent))}">'
        f"{text(index.entry(entry.parent).name)}</a></span>"
        if sub
        else ""
    )
    return (
        f'<div class="{css}" id="{entry_anchor(index, entry)}" {declare("index-entry", key=entry.key)}>'
        f'<p class="index-head"><span class="index-name">{text(entry.name)}</span> '
        f'<span class="index-kind">{text(kind)}</span>{under}</p>'
        f"{alleged}{_identification(edition, index, entry)}{body_dates(edition, entry)}{remark}"
        f'<p class="index-forms">As printed: {forms}.</p>'
        f"{_mentions(edition, index, entry)}{see_also(index, entry)}</div>"
    )


def body_dates(edition, entry: Entry, target: Target = Target.WEB) -> str:
    """Issue 26: an organisation's founding, renamings and dissolution, with their works."""
    if not (entry.founded or entry.renamed or entry.dissolved):
        return ""
    bits = []
    if entry.founded or entry.dissolved:
        founded = human_date(entry.founded) if entry.founded else None
        dissolved = human_date(entry.dissolved) if entry.dissolved else None
        bits.append(
            f"founded {founded}" + (f", dissolved {dissolved}" if dissolved else "")
            if founded
            else span(None, dissolved).replace("until", "dissolved")
        )
    bits += [f"renamed {name} {human_date(day)}" for day, name in entry.renamed]
    grounds = []
    if entry.dates_evidence:
        grounds.append(references_web.evidence_html(edition, entry.dates_evidence, target))
    if entry.dates_single:
        grounds.append(text(entry.dates_single))
    ground = f' <span class="index-dates__works">({"; ".join(grounds)})</span>' if grounds else ""
    words = "; ".join(bits)  # escaped once, below; the names keep their capitals
    return f'<p class="index-dates">{text(words[:1].upper() + words[1:])}.{ground}</p>'


def see_also(index: Index, entry: Entry) -> str:
    links = [
        f'<a href="#{entry_anchor(index, index.entry(k))}">{text(index.entry(k).name)}</a>'
        for k in entry.see_also
        if k in index.entries
    ]
    return f'<p class="index-see-also"><i>See also</i> {"; ".join(links)}.</p>' if links else ""


def cross_reference(index: Index, cross) -> str:
    target = index.entry(cross.see)
    return (
        f'<p class="index-see"><span class="index-name">{text(cross.name)}</span>, <i>see</i> '
        f'<a href="#{entry_anchor(index, target)}">{text(target.name)}</a></p>'
    )


def downloads(name: str) -> list[str]:
    try:
        from redbook import catalogue
    except ImportError:
        return []
    return [f"{catalogue.FOLDER}/{d.file}" for d in catalogue.DOWNLOADS if d.part == name]


def index_page(edition, name: str, title: str) -> str:
    index = index_of(edition, name)
    if index is None:
        return f"---\ntitle: {title}\n---\n\n# {title}\n\nThe index is empty.\n"
    letters: dict[str, list[str]] = {}
    letter = ""
    for what, item in index.headings():  # main entries, each followed by its subentries; "see" lines merged in
        if what == "see":
            letter = sort_key(item.name)[:1].upper()
            letters.setdefault(letter, []).append(cross_reference(index, item))
            continue
        if what == "entry":
            letter = item.letter
        letters.setdefault(letter, []).append(_entry(edition, index, item))
    files = downloads(name)
    data = (
        " The index as data: " + ", ".join(f'<a href="{d}">{d.rsplit("/", 1)[-1]}</a>' for d in files) + "."
        if files
        else ""
    )
    bar = " ".join(f'<a href="#{index.spec.prefix}-letter-{c.lower()}">{c}</a>' for c in letters)
    out = [
        f"---\ntitle: {title}\n---\n",
        f"# {title}\n",
        f'<p class="index-intro">{INTROS[name]} {len(index.entries)} entries, {len(index.mentions)} mentions. '
        "Each entry gives the name as the index gives it, its kind, an identification with the place of the book "
        'or the reference it rests on (see <a href="references.html">References</a>), the forms the text prints, '
        "and every mention, chapter by chapter, as a link to its paragraph (n. for a note)." + data + "</p>\n",
        f'<nav class="letter-bar" aria-label="Index letters">{bar}</nav>\n',
    ]
    for letter, entries in letters.items():
        ident = f"{index.spec.prefix}-letter-{letter.lower()}"
        out.append(
            f'<section class="index-letter" aria-labelledby="{ident}"><h2 id="{ident}">{letter}</h2>'
            + "".join(entries)
            + "</section>\n"
        )
    return "\n".join(out)
