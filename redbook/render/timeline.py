"""The chronology drawn as a timeline, and the chronology page's body: pure functions of the events.

The graphic is inline SVG made at build time: no script, nothing fetched, colours from `currentColor` and CSS
variables (so it follows the light and dark schemes, and prints black on white), valid XML (no HTML-only
entities), so the same markup serves the web page, the PDF (a figure) and the EPUB (XHTML). The time axis is
piecewise linear: December 1934 – August 1936, where the book's events crowd, takes more than half the width;
the centuries before and the years after are compressed, and each change of scale is marked on the axis.

Each event is a link (`<a href>` inside the SVG) to its place: the caller says where with `href_of(event)`,
since only the build knows the paragraph a quote stands in. The figure carries a text equivalent, the same
events as an ordered list of links, and the SVG names itself with <title> and <desc> (aria-labelledby).

    timeline_svg(events, href_of)            the <svg> element alone
    timeline_figure(events, href_of)         <figure> with the SVG, the caption and the list of the same events
    chronology_table(events, href_of, ...)   the sorted table of the chronology page
    chronology_page(events, href_of, ...)    the page body: a short account, the figure, the table

`events` are redbook.apparatus.chronology.Event objects, sorted in time (Chronology.events).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape

from bs4 import BeautifulSoup

from redbook.render.references import evidence_html as references_html
from redbook.render.target import Target

#: The axis: (date, x) breakpoints of a piecewise-linear scale over a drawing 1000 units wide.
SEGMENTS: tuple[tuple[dt.date, float], ...] = (
    (dt.date(1400, 1, 1), 0.0),
    (dt.date(1860, 1, 1), 50.0),
    (dt.date(1917, 1, 1), 150.0),
    (dt.date(1934, 12, 1), 410.0),
    (dt.date(1936, 9, 1), 920.0),
    (dt.date(1940, 1, 1), 1000.0),
)
ZOOM = (dt.date(1934, 12, 1), dt.date(1936, 9, 1))  # December 1934 – August 1936 (the end is exclusive)
WIDTH = 1000.0
MARGIN = 24.0
ROW = 13.0  # vertical distance between stacked events
GAP = 11.0  # smallest horizontal distance between two events of one row
RADIUS = 4.5
MONTH_INITIALS = "JFMAMJJASOND"
_SEG_TICKS = (  # labelled years of the compressed parts
    (1400, "1400"),
    (1880, "1880"),
    (1900, "1900"),
    (1917, "1917"),
    (1920, "1920"),
    (1924, "1924"),
    (1928, "1928"),
    (1932, "1932"),
    (1937, "1937"),
    (1939, "1939"),
)


#: The drawing's styles in the books: in the text's colour, a supplied year's mark a ring, the labels in the
#: book's face (print.css's families, then the e-book's). On the web they are docs/assets/chronology.css's. The
#: e-book's stylesheet appends them (redbook/book/epub.py); the printed drawing carries them inside its SVG, since
#: WeasyPrint applies no document style sheet there (a <style> in a web page the post-build scan would refuse).
BOOK_SVG_STYLE = """
.tl-axis, .tl-tick, .tl-break { stroke: currentColor; fill: none; }
.tl-tick { stroke-width: 0.8; }
.tl-axis { stroke-width: 1.2; }
.tl-break { stroke-width: 1.2; }
.tl-zoom { fill: var(--tl-zoom, currentColor); fill-opacity: 0.07; }
.tl-label { fill: currentColor; font-size: 11px; font-family: inherit; }
.tl-label-small { fill: currentColor; font-size: 9px; font-family: inherit; }
.tl-heading { fill: currentColor; font-size: 11.5px; font-style: italic; font-family: inherit; }
.tl-dot { fill: var(--tl-accent, currentColor); stroke: var(--tl-accent, currentColor); stroke-width: 1.2; }
.tl-dot-supplied { fill: var(--tl-background, transparent); fill-opacity: 1; }
.tl-bar { stroke: var(--tl-accent, currentColor); stroke-width: 5; stroke-linecap: round; stroke-opacity: 0.75; }
.tl-bar-supplied { stroke-dasharray: 3 2; }
a.tl-event:focus, a.tl-event:hover { outline: none; }
a.tl-event:focus .tl-dot, a.tl-event:hover .tl-dot { stroke-width: 3; }
a.tl-event:focus .tl-bar, a.tl-event:hover .tl-bar { stroke-width: 8; stroke-opacity: 1; }
a.tl-event:focus .tl-focus { stroke: currentColor; stroke-width: 1.5; fill: none; }
.tl-focus { stroke: none; fill: none; }

.tl-dot { fill: currentColor; stroke: currentColor; }
.tl-dot-supplied { fill: none; }
.tl-bar { stroke: currentColor; }
.tl-zoom { fill: currentColor; }
.tl-label, .tl-label-small, .tl-heading { font-family: "Book latin", "Book latin-ext", "Source Serif 4", serif; }
"""


def x_of(day: dt.date) -> float:
    """The position of a day on the axis (0 to WIDTH); days outside the axis are put at its ends."""
    if day <= SEGMENTS[0][0]:
        return SEGMENTS[0][1]
    for (d0, x0), (d1, x1) in zip(SEGMENTS, SEGMENTS[1:]):
        if day < d1:
            return x0 + (x1 - x0) * (day - d0).days / (d1 - d0).days
    return SEGMENTS[-1][1]


def _end_x(event) -> float:
    """Where a range ends: after its last day."""
    return x_of(event.span.last_day + dt.timedelta(days=1))


def is_bar(event) -> bool:
    """Is the event drawn as a bar (a span wide enough to see) rather than a mark?"""
    return event.span.is_range and _end_x(event) - x_of(event.span.first_day) >= 2 * RADIUS


def _positions(events: Sequence) -> list[tuple[object, float, float]]:
    """(event, x0, x1): a bar from x0 to x1; a mark at x0 = x1. Marks with the same month or year (a date the
    text gives no closer) are spread over that month or year where it is wide enough, instead of piling up
    on its first day."""
    groups: dict[tuple, list] = {}
    for event in events:
        if not is_bar(event):
            groups.setdefault((event.span.first_day, event.span.last_day), []).append(event)
    spread: dict[int, float] = {}
    for (first, last), members in groups.items():
        x0, x1 = x_of(first), x_of(last + dt.timedelta(days=1))
        if len(members) > 1 and x1 - x0 >= 2 * GAP:
            step = (x1 - x0) / len(members)
            for k, event in enumerate(members):
                spread[id(event)] = x0 + step * (k + 0.5)
        elif x1 - x0 >= 2 * GAP:
            spread[id(members[0])] = (x0 + x1) / 2
    out = []
    for event in events:
        if is_bar(event):
            out.append((event, x_of(event.span.first_day), _end_x(event)))
        else:
            cx = spread.get(id(event), x_of(event.span.first_day))
            out.append((event, cx, cx))
    return out


def _stack(items: list[tuple[object, float, float]]) -> list[tuple[object, float, float, int]]:
    """Each item in the lowest row where it keeps GAP from the one before it in that row."""
    rows: list[float] = []  # the x where each row is free again
    placed = []
    for event, x0, x1 in sorted(items, key=lambda it: (it[1], it[2])):
        row = next((i for i, free in enumerate(rows) if free <= x0), len(rows))
        if row == len(rows):
            rows.append(float("-inf"))
        rows[row] = x1 + GAP
        placed.append((event, x0, x1, row))
    return placed


def layout(events: Sequence) -> tuple[list, list]:
    """(marks, bars): each as (event, x0, x1, row); marks stand above the axis, bars (spans) below it."""
    positions = _positions(events)
    marks = _stack([p for p in positions if not is_bar(p[0])])
    bars = _stack([p for p in positions if is_bar(p[0])])
    return marks, bars


def accessible_label(event) -> str:
    """What a screen reader says for an event: its date, then the event."""
    date = event.label
    if getattr(event, "year_supplied", False):
        date += " (year supplied)"
    return f"{date}: {event.event}"


def _a(cls: str, href: str, label: str, inner: str) -> str:
    h = escape(href, quote=True)
    return (
        f'<a class="{cls}" href="{h}" xlink:href="{h}" aria-label="{escape(label, quote=True)}">'
        f"<title>{escape(label, quote=False)}</title>{inner}</a>"
    )


def timeline_svg(
    events: Sequence,
    href_of: Callable[[object], str],
    *,
    ident: str = "timeline",
    linked: bool = True,
) -> str:
    """The timeline as an <svg> element: dated events as marks above the axis, spans as bars below it, one
    link an event (in time order, which is also the keyboard's order), the axis with its changes of scale.

    It is as wide as its column (width="100%", the viewBox scaled), on screen, in print and in the e-book.
    linked=False (print): each mark a group with its title, not a link (the printed list carries the links)."""
    marks, bars = layout(events)
    where = {id(e): ("mark", x0, x1, row) for e, x0, x1, row in marks}
    where.update({id(e): ("bar", x0, x1, row) for e, x0, x1, row in bars})
    mark_rows = max((row for *_, row in marks), default=0) + 1
    bar_rows = max((row for *_, row in bars), default=-1) + 1
    top = 40.0  # legend and the heading of the enlarged part
    axis_y = top + mark_rows * ROW + 6
    bars_y = axis_y + 44  # the first row of bars, under the axis labels
    height = bars_y + bar_rows * ROW + 18
    x = lambda v: MARGIN + v  # noqa: E731 - the drawing's left margin
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'class="timeline-graphic" viewBox="0 0 {WIDTH + 2 * MARGIN:.0f} {height:.0f}" '
        f'width="100%" role="group" aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">Timeline of the dates the book gives</title>',
        f'<desc id="{ident}-desc">{len(events)} dated events, each a link to its place in the book. '
        "December 1934 to August 1936 is drawn enlarged; the years before and after are compressed. "
        "Above the axis, a filled mark is a date the book gives and a hollow mark a date whose year the edition "
        "supplies from context; a date given only as a month or a year is drawn within that month or year. "
        "Below the axis, bars are spans of time. The same events follow as a list.</desc>",
    ]
    z0, z1 = x(x_of(ZOOM[0])), x(x_of(ZOOM[1]))
    parts.append(
        f'<rect class="tl-zoom" x="{z0:.1f}" y="{top - 6:.1f}" width="{z1 - z0:.1f}" '
        f'height="{height - top:.1f}"/>'
        f'<text class="tl-heading" x="{(z0 + z1) / 2:.1f}" y="{top - 12:.1f}" text-anchor="middle">'
        "December 1934 – August 1936, enlarged</text>"
    )
    parts.append(
        '<g class="tl-legend" aria-hidden="true">'
        f'<circle class="tl-dot" cx="{x(0) + 4:.1f}" cy="12" r="{RADIUS}"/>'
        f'<text class="tl-label" x="{x(0) + 14:.1f}" y="15.5">date as the book gives it</text>'
        f'<circle class="tl-dot tl-dot-supplied" cx="{x(0) + 174:.1f}" cy="12" r="{RADIUS}"/>'
        f'<text class="tl-label" x="{x(0) + 184:.1f}" y="15.5">year supplied from context</text>'
        f'<line class="tl-bar" x1="{x(0) + 358:.1f}" y1="12" x2="{x(0) + 378:.1f}" y2="12"/>'
        f'<text class="tl-label" x="{x(0) + 388:.1f}" y="15.5">a span of time (below the axis)</text>'
        "</g>"
    )
    parts.append('<g class="tl-events">')
    for event in events:
        kind, x0, x1, row = where[id(event)]
        supplied = getattr(event, "year_supplied", False)
        label = accessible_label(event)
        if kind == "bar":
            cy = bars_y + row * ROW
            cls = "tl-bar tl-bar-supplied" if supplied else "tl-bar"
            mark = f'<line class="{cls}" x1="{x(x0):.1f}" y1="{cy:.1f}" x2="{x(x1):.1f}" y2="{cy:.1f}"/>'
            focus = (
                f'<rect class="tl-focus" x="{x(x0) - 6:.1f}" y="{cy - 6:.1f}" '
                f'width="{x1 - x0 + 12:.1f}" height="12" rx="4"/>'
            )
        else:
            cy = axis_y - 8 - row * ROW
            cls = "tl-dot tl-dot-supplied" if supplied else "tl-dot"
            mark = f'<circle class="{cls}" cx="{x(x0):.1f}" cy="{cy:.1f}" r="{RADIUS}"/>'
            focus = f'<circle class="tl-focus" cx="{x(x0):.1f}" cy="{cy:.1f}" r="{RADIUS + 3}"/>'
        if linked:
            parts.append(_a("tl-event", href_of(event), label, mark + focus))
        else:
            parts.append(f'<g class="tl-event"><title>{escape(label, quote=False)}</title>{mark}</g>')
    parts.append("</g>")
    parts.append(
        '<g class="tl-axis-group" aria-hidden="true">'
        f'<line class="tl-axis" x1="{x(0):.1f}" y1="{axis_y:.1f}" x2="{x(WIDTH):.1f}" y2="{axis_y:.1f}"/>'
    )
    for _day, bx in SEGMENTS[1:-1]:
        parts.append(
            f'<path class="tl-break" d="M{x(bx) - 4:.1f},{axis_y + 5:.1f} L{x(bx):.1f},{axis_y - 5:.1f} '
            f'M{x(bx):.1f},{axis_y + 5:.1f} L{x(bx) + 4:.1f},{axis_y - 5:.1f}"/>'
        )
    for year, text in _SEG_TICKS:
        tx = x(x_of(dt.date(year, 1, 1)))
        parts.append(
            f'<line class="tl-tick" x1="{tx:.1f}" y1="{axis_y:.1f}" x2="{tx:.1f}" y2="{axis_y + 5:.1f}"/>'
            f'<text class="tl-label" x="{tx:.1f}" y="{axis_y + 16:.1f}" text-anchor="middle">{text}</text>'
        )
    day = ZOOM[0]
    while day < ZOOM[1]:
        tx = x(x_of(day))
        long = day.month == 1 or day == ZOOM[0]
        mid = x(x_of(day + dt.timedelta(days=15)))
        parts.append(
            f'<line class="tl-tick" x1="{tx:.1f}" y1="{axis_y:.1f}" x2="{tx:.1f}" '
            f'y2="{axis_y + (8 if long else 4):.1f}"/>'
            f'<text class="tl-label-small" x="{mid:.1f}" y="{axis_y + 14:.1f}" text-anchor="middle">'
            f"{MONTH_INITIALS[day.month - 1]}</text>"
        )
        if day == ZOOM[0]:  # the first month's year stands to the left of its tick, the next year's to the right
            parts.append(
                f'<text class="tl-label" x="{tx - 2:.1f}" y="{axis_y + 27:.1f}" text-anchor="end">{day.year}</text>'
            )
        elif long:
            parts.append(f'<text class="tl-label" x="{tx + 2:.1f}" y="{axis_y + 27:.1f}">{day.year}</text>')
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    parts.append(
        f'<text class="tl-label-small" x="{x(0):.1f}" y="{height - 4:.1f}">The scale changes at each break '
        "of the axis: 1400–1860, 1860–1917, 1917–November 1934 and September 1936–1939 are compressed.</text>"
    )
    parts.append("</g></svg>")
    return "".join(parts)


def text_equivalent(events: Sequence, href_of: Callable[[object], str], *, ident: str = "timeline") -> str:
    """The events of the timeline as an ordered list of links, in the same order."""
    items = "".join(
        f'<li><a href="{escape(href_of(e), quote=True)}" data-event="{escape(e.id, quote=True)}">'
        f"{escape(e.label, quote=False)}</a>"
        f"{' (year supplied)' if getattr(e, 'year_supplied', False) else ''}: {escape(e.event, quote=False)}</li>"
        for e in events
    )
    return f'<ol class="timeline-list" id="{ident}-list">{items}</ol>'


def timeline_figure(
    events: Sequence,
    href_of: Callable[[object], str],
    *,
    ident: str = "timeline",
    list_open: bool = False,
    linked: bool = True,
) -> str:
    """The figure: its caption (first: HTML allows a figcaption only first or last), the SVG (in a frame that
    scrolls sideways should it overflow), and the text equivalent (the same events as a list of links) in a <details> element. For print and e-book:
    list_open=True (print: linked=False)."""
    open_attr = ' open="open"' if list_open else ""
    svg = timeline_svg(events, href_of, ident=ident, linked=linked)
    how = "Each mark links to its place in the book." if linked else "The list after it gives each event’s place."
    return (
        f'<figure class="timeline" id="{ident}" data-apparatus="timeline">'
        f'<figcaption id="{ident}-caption">The book’s dates in time, {len(events)} events: December 1934 – '
        f"August 1936 enlarged. {how}</figcaption>"
        f'<div class="timeline-frame">{svg}</div>'
        f'<details class="timeline-text"{open_attr}><summary>The timeline as a list</summary>'
        f"{text_equivalent(events, href_of, ident=ident)}</details>"
        "</figure>"
    )


def _default_place_link(href_of):
    return lambda e: f'<a href="{escape(href_of(e), quote=True)}">{escape(e.place_label, quote=False)}</a>'


def chronology_table(
    events: Sequence,
    href_of: Callable[[object], str],
    *,
    place_link: Callable[[object], str] | None = None,
    reference_of: Callable[[object], str] | None = None,
    evidence_html: Callable[[tuple], str] | None = None,
) -> str:
    """The chronology page's table: date (a supplied year in brackets, and why), the event, the book's words,
    another date with its remark and reference, and the place.

    place_link(event) -> HTML of the link to the place (default: href_of with the page or note as text; the
    site build can pass a link the build fills with the paragraph number); reference_of(evidence) -> text of
    the reference (default: its key and locator); evidence_html(evidence) -> HTML of all the references of an
    other date (links to the References page), used instead of reference_of where given."""
    place_link = place_link or _default_place_link(href_of)
    reference_of = reference_of or (lambda ev: f"{ev.ref}, {ev.at}")
    rows = []
    for e in events:
        date = f'<span class="chrono-date">{escape(e.label, quote=False)}</span>'
        if e.when:
            date += f'<br/><span class="chrono-iso">{escape(e.span.label, quote=False)}</span>'
        if e.year_supplied:
            date += f'<br/><span class="chrono-supplied">year supplied: {escape(e.why or "", quote=False)}</span>'
        other = ""
        if e.other is not None:
            if evidence_html is not None:
                refs = evidence_html(e.other.evidence)
            else:
                refs = "; ".join(escape(reference_of(ev), quote=False) for ev in e.other.evidence)
            other = (
                f'<span class="chrono-other-date">{escape(e.other.label, quote=False)}</span> '
                f"{escape(e.other.remark, quote=False)} "
                f'<span class="chrono-reference">({refs})</span>'
            )
        rows.append(
            f'<tr id="{escape(e.anchor, quote=True)}" data-apparatus="chronology-event" data-event="{escape(e.id, quote=True)}">'
            f"<td>{date}</td>"
            f"<td>{escape(e.event, quote=False)}</td>"
            f'<td class="chrono-quote">“{escape(e.quote, quote=False)}”</td>'
            f"<td>{other}</td>"
            f"<td>{place_link(e)}</td></tr>"
        )
    return (
        '<table class="chronology-table"><thead><tr><th scope="col">Date</th><th scope="col">Event</th>'
        '<th scope="col">The book’s words</th><th scope="col">Another date</th><th scope="col">Place</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def chronology_page(
    events: Sequence,
    href_of: Callable[[object], str],
    *,
    place_link: Callable[[object], str] | None = None,
    reference_of: Callable[[object], str] | None = None,
    evidence_html: Callable[[tuple], str] | None = None,
    list_open: bool = False,
) -> str:
    """The body of the chronology page: what it holds, the timeline figure, the table. For print and e-book:
    list_open=True."""
    supplied = sum(1 for e in events if e.year_supplied)
    others = sum(1 for e in events if e.other is not None)
    intro = (
        f"<p>The dates the book and its notes give, {len(events)} in all, sorted in time; a date given only "
        "as a month or a year stands at its beginning. Where the text leaves out a year and its context gives "
        f"it, the year is in square brackets and the reason is stated ({supplied} events). Where a reference "
        f"gives another date for the same event, both are shown, with the reference ({others} events).</p>"
    )
    return (
        intro
        + timeline_figure(events, href_of, list_open=list_open)
        + chronology_table(
            events, href_of, place_link=place_link, reference_of=reference_of, evidence_html=evidence_html
        )
    )


# -- the chronology in the edition's outputs -----------------------------------------------------------------
#: The fragment of a site link that stands for an event's paragraph until the build knows it: the plugin
#: (redbook/plugin/plugin.py, on_post_page) replaces `PAGE.html#chronology-ID` by `PAGE.html#p5.12`, in the
#: SVG's links (href and xlink:href) as in the list's.
PLACEHOLDER = "chronology-"


def web_href(event) -> str:
    """Where an event links on the site: its note; the paragraph that holds its words (a placeholder the build
    fills in); or, for words the build does not number (a chapter's subtitle), the head of the page."""
    if event.note is not None:
        return f"{event.page}.html#note-{event.note}"
    if not event.numbered:
        return f"{event.page}.html#title"
    return f"{event.page}.html#{event.key}"


def web_place_link(event) -> str:
    """The table's link to the place: the paragraph number (filled in by the build, as the other registers'),
    the note, or the chapter's subtitle."""
    if event.note is not None:
        return f'<a href="{escape(web_href(event), quote=True)}">note {event.note}</a>'
    if not event.numbered:
        return f'<a href="{escape(web_href(event), quote=True)}">{escape(event.page, quote=False)}, subtitle</a>'
    return f'<a class="place" href="{event.page}.html" data-place="{escape(event.key, quote=True)}">{event.page}</a>'


def web_page(edition) -> str:
    """The body of the site's chronology page (redbook/render/generated/chronology.py)."""
    events = edition.apparatus["chronology"].events
    return chronology_page(
        events,
        web_href,
        place_link=web_place_link,
        evidence_html=lambda evidence: references_html(edition, evidence),
    )


def book(edition, element, form) -> None:
    """The timeline figure in a book (redbook/book/transform.py, data-apparatus="timeline"): drawn again from
    the model to fit the page (print: on a landscape page of its own, see print.css). The links are the web
    page's (each event's paragraph, read from the list's data-event links). In the e-book each mark links to
    its place in the e-book's own form (its writer keeps the SVG as XML) and the list follows the figure, open;
    in print the marks are shapes (WeasyPrint draws no link in an SVG) and the chronology's table, which follows,
    gives every event with its place and page."""
    web = {a["data-event"]: a["href"] for a in element.select("a[data-event][href]")}
    events = [e for e in edition.apparatus["chronology"].events if e.id in web]
    ebook = form.target is Target.EBOOK

    def href_of(event) -> str:
        href = web[event.id]
        if not ebook:
            return href
        path, _, fragment = href.partition("#")
        return form.href(path.removesuffix(".html"), fragment or None)

    markup = timeline_figure(events, href_of, ident=element.get("id") or "timeline", list_open=True, linked=ebook)
    document = BeautifulSoup(markup, "xml")
    figure = document.find("figure")  # XML keeps the SVG's names as written (viewBox)
    if not ebook:
        style = document.new_tag("style")
        style.string = BOOK_SVG_STYLE
        figure.find("svg").insert(0, style)
    listing = figure.find("details").extract()
    if ebook:
        del figure.find("svg")["role"]  # EPUB 3.2 allows only application, document or img on an svg
        listing.name = "div"  # the list stands after the figure, open: a reading system need not offer <details>
        listing.find("summary").name = "p"
        del listing["open"]
    else:
        # in print the table after the figure gives every event with its place and page: no second list
        figure.find("figcaption").string = (
            f"The book’s dates in time, {len(events)} events: December 1934 – August 1936 enlarged. The table "
            "after the figure gives each event with its place."
        )
        listing = None
    element.replace_with(figure)
    if listing is not None:
        figure.insert_after(listing)
    element.decompose()
