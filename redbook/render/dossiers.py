"""The dossier numbers on the web: the two tables of chapter 6 and the parts of the page "The dossier numbers".

Everything here renders edition.apparatus["dossiers"] (redbook/apparatus/dossiers.py); nothing is typed.
A link to a paragraph of the reading text is written as <a class="place" data-place=KEY>, which the build
fills in with the paragraph's number once the chapters are numbered (redbook/plugin/phrases.py, redbook/plugin/plugin.py).
"""

from __future__ import annotations

from redbook.apparatus.dossiers import Dossiers, Grounds
from redbook.render.html import attr, text
from redbook.russian import ALPHABET

PAGE = "dossiers.html"
STATUS = {
    "defendant": ("D", "defendant’s dossier"),
    "linked": ("L", "linked dossier"),
    "collective": ("C", "collective dossier"),
    "unaccounted": ("–", "not accounted for"),
}


# -- in the reading text ------------------------------------------------------------------------------


def table(data: Dossiers, number: int) -> str:
    """The table as the book prints it: name and number, one row each; the column headings are the editors'."""
    rows = "\n".join(
        f'<tr id="dossier-{d.number}"><td>{text(d.printed)}</td><td>{d.number}</td></tr>' for d in data.table(number)
    )
    return (
        f'<table class="dossiers">\n<thead><tr><th scope="col" data-copytext="">Defendant</th>'
        f'<th scope="col" data-copytext=""><a href="{PAGE}#numbers" title="All the numbers from 1 to '
        f'{data.highest}">Dossier</a></th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>'
    )


# -- helpers ------------------------------------------------------------------------------------------


def place(src: Grounds) -> str:
    """A link to the paragraph (filled in at build time) or the note the words come from."""
    if src.note is not None:
        return f'<a class="place" href="{src.page}.html#note-{src.note}">note {src.note}</a>'
    return f'<a class="place" href="{src.page}.html" data-place="{src.key}">{text(src.page)}</a>'


def quoted(src: Grounds) -> str:
    return " … ".join(f"“{text(p)}”" for p in src.phrases)


def cite(src: Grounds) -> str:
    return f'<span class="dossier-quote">{quoted(src)}</span> ({place(src)})'


def _who(data: Dossiers, key: str) -> str:
    return text(data.persons[key].name)


def _holder(data: Dossiers, d) -> str:
    if d is None:
        return ""
    if d.kind == "collective":
        return "depositions of " + ", ".join(_who(data, k) for k in d.depositions)
    name = _who(data, d.person)
    if d.kind == "linked":
        return f"{name}, linked to " + " and ".join(_who(data, k) for k in d.linked_to)
    return name


def _source_of(data: Dossiers, d) -> str:
    if d.source:
        return cite(d.source)
    return (
        f'<span class="dossier-quote">“{text(d.copytext_line)}”</span> '
        f'(<a href="{data.table_pages.get(d.table, "chapter-6")}.html#dossier-{d.number}">table {d.table}</a>)'
    )


# -- the page "The dossier numbers" ----------------------------------------------------------------------


def strip(data: Dossiers) -> str:
    """The numbers 1 .. highest as a row of cells: a list, each item saying its number and what it is."""
    items = []
    for slot in data.slots():
        code, label = STATUS[slot.status]
        holder = _holder(data, slot.dossier)
        spoken = f"{label}: {holder}" if holder else label
        title = attr(f"{slot.number}: {spoken}")
        items.append(
            f'<li class="strip__cell strip__cell--{slot.status}" title="{title}">'
            f'<span class="strip__num">{slot.number}</span>'
            f'<span class="strip__code" aria-hidden="true">{code}</span>'
            f'<span class="visually-hidden">, {text(spoken)}</span></li>'
        )
    legend = "".join(
        f'<li><span class="strip__cell strip__cell--{k}" aria-hidden="true">'
        f'<span class="strip__code">{code}</span></span> {label}</li>'
        for k, (code, label) in STATUS.items()
    )
    return (
        f'<figure class="dossier-strip">\n<ol class="strip" aria-label="Dossier numbers 1 to {data.highest}">\n'
        + "\n".join(items)
        + f'\n</ol>\n<figcaption><ul class="strip__legend">{legend}</ul></figcaption>\n</figure>'
    )


def numbers_table(data: Dossiers) -> str:
    rows = []
    for slot in data.slots():
        _, label = STATUS[slot.status]
        d = slot.dossier
        rows.append(
            f'<tr class="row--{slot.status}" id="n{slot.number}"><th scope="row">{slot.number}</th>'
            f"<td>{label}</td><td>{_holder(data, d)}</td>"
            f"<td>{_source_of(data, d) if d else ''}</td></tr>"
        )
    for d in data.outside():
        rows.append(
            f'<tr id="n{d.number}"><th scope="row">{d.number}</th><td>{STATUS[d.kind][1]} '
            f"(outside 1–{data.highest}: {text(d.reason)})</td><td>{_holder(data, d)}</td>"
            f"<td>{_source_of(data, d)}</td></tr>"
        )
    return (
        '<table class="dossier-numbers">\n<caption>Every number from 1 to '
        f'{data.highest}</caption>\n<thead><tr><th scope="col">No.</th><th scope="col">What it is</th>'
        '<th scope="col">Whose</th><th scope="col">The book’s words</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
    )


def counts(data: Dossiers) -> str:
    c = data.counts()
    unaccounted = data.unaccounted()
    holtzman = "; ".join(f"{text(p.name)}: {cite(s)}" for p, s in data.unnumbered)
    people = c["defendant"] + c["linked"]
    return (
        '<dl class="dossier-counts">\n'
        f"<dt>Numbers from 1 to {data.highest}</dt><dd>{data.highest} — the book: {cite(data.highest_source)}</dd>\n"
        f"<dt>Defendants’ dossiers</dt><dd>{c['defendant']} (the two tables of chapter 6)</dd>\n"
        f"<dt>Linked dossiers</dt><dd>{c['linked']} (note 34)</dd>\n"
        f"<dt>Collective dossier</dt><dd>{c['collective']} (No. 31, note 34)</dd>\n"
        f"<dt>Defendants without a known number</dt><dd>{len(data.unnumbered)} — {holtzman}</dd>\n"
        f"<dt>People the numbers account for</dt><dd>{c['people']}: {people} with a number, and "
        f"{len(data.unnumbered)} without</dd>\n"
        f"<dt>Numbers no dossier of the book accounts for</dt><dd><strong>{len(unaccounted)}</strong>: "
        + ", ".join(f'<a href="#n{n}">{n}</a>' for n in unaccounted)
        + "</dd>\n"
        f"<dt>The book’s count</dt><dd><strong>{data.others}</strong> — {cite(data.others_source)}</dd>\n"
        "</dl>\n"
        f'<p class="dossier-arithmetic">The book’s {data.others} is {data.highest} numbers less its '
        f"{c['people']} people and dossier No. 31 ({data.highest} − {c['people']} − {c['collective']} = "
        f"{c['book_others']}). The {c['people']} people include "
        + ", ".join(text(p.name) for p, _ in data.unnumbered)
        + f", whose number the book does not know: counted by numbers rather than by people, "
        f"{len(unaccounted)} numbers carry no dossier the book names.</p>"
    )


def russian_order(data: Dossiers) -> str:
    first = {d.person: d for d in data.table(data.claim_table)}
    rows = []
    for p in data.russian_order():
        d = data.dossier_of(p.key)
        where = f"table {d.table}" if d and d.table else ("number not known" if d is None else "—")
        number = str(d.number) if d else "—"
        src = (
            ("record: “" + text(p.russian_in_record) + "”")
            if p.russian_from == "record"
            else "editors’ transliteration"
        )
        rows.append(
            f'<tr class="{"in-claim" if p.key in first else "outside-claim"}">'
            f'<td lang="ru">{text(p.russian)}</td><td>{text(p.name)}</td><td>{number}</td>'
            f'<td>{where}</td><td class="russian-from" lang="ru">{src}</td></tr>'
        )
    return (
        # tabindex: on a phone the table scrolls in its own frame, and holds no link to reach it by the keyboard
        '<table class="russian-order" tabindex="0">\n'
        "<caption>The sixteen defendants in Russian alphabetical order</caption>\n"
        '<thead><tr><th scope="col">Surname</th><th scope="col">Name</th><th scope="col">Dossier</th>'
        '<th scope="col">In the book</th><th scope="col">Russian form</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
    )


def would_stand(data: Dossiers) -> str:
    items = []
    for s in data.would_stand():
        p = s.person
        after = f"after {text(data.persons[s.after.person].russian)} ({s.after.number})" if s.after else "first"
        before = f" and before {text(data.persons[s.before.person].russian)} ({s.before.number})" if s.before else ""
        own = f"dossier No. {s.dossier.number}" if s.dossier else "number not known"
        free = ""
        if s.free:
            nums = ", ".join(map(str, s.free))
            free = (
                f"; {'numbers' if len(s.free) > 1 else 'number'} {nums} "
                f"{'hold' if len(s.free) > 1 else 'holds'} no dossier the book names"
            )
        items.append(
            f'<li><span lang="ru">{text(p.russian)}</span> ({text(p.name)}, {own}) would stand '
            f"{after}{before}{free}.</li>"
        )
    return '<ul class="would-stand">\n' + "\n".join(items) + "\n</ul>"


def latin_order(data: Dossiers) -> str:
    rows = data.latin_order(data.claim_table)
    cells = []
    previous = 0
    for d in rows:
        broken = d.number < previous
        previous = max(previous, d.number)
        mark = ' class="out-of-order"' if broken else ""
        flag = ' <span class="flag">(out of the numbers’ order)</span>' if broken else ""
        cells.append(f"<li{mark}>{text(d.printed)} — {d.number}{flag}</li>")
    return '<ol class="latin-order">\n' + "\n".join(cells) + "\n</ol>"


def alphabet() -> str:
    return " ".join(ALPHABET)


def record_table(data: Dossiers) -> str:
    def first_number(statement):
        d = data.dossier_of(statement.persons[0])
        return d.number if d else 10_000

    rows = []
    for s in sorted(data.statements, key=lambda s: (first_number(s), s.number)):
        who = ", ".join(_who(data, k) for k in s.persons)
        numbers = ", ".join(str(data.dossier_of(k).number) if data.dossier_of(k) else "—" for k in s.persons)
        date = ""
        if s.date:
            date = f'<time datetime="{s.date.iso(data.year)}">{s.date.label}</time>'
            if s.until:
                date += f' – <time datetime="{s.until.iso(data.year)}">{s.until.label}</time>'
            if s.when:
                date += f'<br><span class="when">“{text(s.when)}”</span>'
        rows.append(
            f"<tr><td>{who}</td><td>{numbers}</td><td>{text(s.pages or '')}</td><td>{date}</td>"
            f"<td>{text(s.what)}</td><td>{cite(s.source)}</td></tr>"
        )
    return (
        '<table class="investigation">\n<caption>What the book says of the record of the investigation</caption>\n'
        '<thead><tr><th scope="col">Defendant</th><th scope="col">Dossier</th><th scope="col">Pages of the record'
        '</th><th scope="col">Date (1936)</th><th scope="col">What</th><th scope="col">The book’s words</th></tr>'
        "</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )


def timeline(data: Dossiers) -> str:
    """The dated statements in order of date, down an axis (an ordered list: it reads the same without the CSS)."""
    items = []
    for s in data.timeline():
        who = ", ".join(_who(data, k) for k in s.persons)
        date = f'<time datetime="{s.date.iso(data.year)}">{s.date.label}</time>'
        if s.until:
            date += f' – <time datetime="{s.until.iso(data.year)}">{s.until.label}</time>'
        pages = ""
        if s.pages:
            pages = f", {'pp.' if '-' in s.pages else 'p.'} {text(s.pages)}"
        when = f' <span class="when">(“{text(s.when)}”)</span>' if s.when else ""
        items.append(
            f'<li class="timeline__event"><span class="timeline__date">{date}</span> '
            f'<span class="timeline__what">{who}: {text(s.what)}{pages}{when} '
            f'<span class="timeline__place">[{place(s.source)}]</span></span></li>'
        )
    return (
        f'<ol class="timeline" aria-label="Dates of the investigation, {data.year}">\n' + "\n".join(items) + "\n</ol>"
    )
