"""Mark the persons, organisations and places a page of the reading text names: one step of on_page_content,
after paragraph numbering, in ONE pass over the page's text.

The registers (redbook/apparatus/persons.py, redbook/named.py for organisations and places) have already found
every mention in the copy-text; here the same finders run over the rendered page's own text (not over note
popovers, buttons or editorial additions), and each occurrence a finder meets is its register's next one for that
page: the two must agree, form for form, or the build stops. The organisations are found before the places (a
place named inside an organisation's name, "the Leningrad Center", is the organisation's mention), and a person's
name stands inside an organisation's only where the organisation names it (`named_after`: "the Lominadze group"):
the person's span is then nested inside the organisation's. The text of a block is read as one run, as the
copy-text prints it: across inline markup, an emendation's reading and a note call ("the so-called Moscow [22]
Center"); a name that runs over several text nodes is one span a node, the first with the anchor, the others
data-part="more" (the call stays between them, where the book prints it).

Spans (the words stay the copy-text's):
    <span class="person" data-apparatus="person" data-person=KEY id="m-KEY-N">
    <span class="orgname" data-apparatus="org" data-org=KEY id="org-KEY-N">
    <span class="placename" data-apparatus="placename" data-placename=KEY id="pl-KEY-N">
(not "place": <a class="place"> is a link of the apparatus that the plugin fills in.)

Page weight and keyboard: each person gets one card per page (a native popover at the end of the page), opened
by one button laid over the person's first mention on the page (data-copytext="", so the fidelity proof reads the
name alone), as a printed edition glosses a name where a chapter first names it; every later mention keeps its
anchor, which the index of persons links to, and its card is one Tab away at the first mention. (A button on every
mention would give chapter 3 some 240 tab stops, and a popover per button would repeat a card up to 40 times a
page.) A name inside an emendation gets its anchor only. Organisations and places are anchors only: their indexes
link to them; they carry no control of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from mkdocs.exceptions import PluginError

from redbook.fidelity import BLOCKS
from redbook.passages import finder
from redbook.render import named as names_web
from redbook.render import persons as persons_web
from redbook.render import sums as sums_web

_SPACE = re.compile(r"\s+")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def text_nodes(root: Tag):
    """The page's own words, in order: not the popovers, buttons and editorial additions around them."""
    for child in list(root.children):
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            yield child
            continue
        if not isinstance(child, Tag) or child.name in ("button", "script", "style") or child.has_attr("popover"):
            continue
        if "emendation" in child.get("class", []):  # the edition's reading, not the popover with the copy-text's
            for reading in child.find_all(class_="emendation__reading", recursive=False):
                yield from text_nodes(reading)
            continue
        if child.has_attr("data-copytext"):
            continue
        yield from text_nodes(child)


def _block_of(node) -> Tag | None:
    for parent in node.parents:
        classes = parent.get("class", []) if isinstance(parent, Tag) else []
        if "para" in classes or "note" in classes:
            return parent
    return None


def _paragraph_of(node, block) -> str | None:
    """The place a name of the running text is indexed under: its numbered paragraph, or for a name in a
    heading the heading itself (its anchor: the index shows it as "heading", redbook/render/paragraphs.py
    place_label), not the paragraph before or after it; for a name in another unnumbered block (a subtitle),
    the next paragraph. None in a note (the index links the note)."""
    if block is not None:
        return block.get("id") if "para" in block.get("class", []) else None
    heading = next((p for p in node.parents if isinstance(p, Tag) and p.name in _HEADINGS), None)
    if heading is not None and heading.get("id"):
        return heading["id"]
    after = node.find_next(class_="para", id=True)
    return after["id"] if after is not None and "note" not in after.get("class", []) else None


def _compatible(found: str, occurrence, register) -> bool:
    keys = {m.key for m in occurrence.mentions}
    return found == occurrence.form or bool(keys & set(register.forms.get(found, [])))


@dataclass
class _Stream:
    """One register's mentions on a page, met in reading order: each occurrence its finder meets is the next."""

    what: str  # "person", "organisation", "place": in messages
    data: str  # its data file, for the fix
    pattern: re.Pattern
    expected: list
    agrees: object  # (found form, expected occurrence) -> bool
    cursor: int = 0

    def take(self, page, found: str):
        if self.cursor >= len(self.expected):
            raise PluginError(
                f"{page.path}: the page names the {self.what} {found!r} where {self.data} expects no more "
                f"mentions\n    fix: check {self.data} and the page's Markdown"
            )
        occurrence = self.expected[self.cursor]
        self.cursor += 1
        if not self.agrees(found, occurrence):
            raise PluginError(
                f"{page.path}: the page names {found!r} where {self.data} expects {occurrence.form!r}\n"
                f"    fix: the page's words must follow the copy-text; check {self.data}"
            )
        return occurrence

    def finish(self, page) -> None:
        if self.cursor != len(self.expected):
            missing = self.expected[self.cursor]
            raise PluginError(
                f"{page.path}: {self.data} finds {len(self.expected)} {self.what} mentions in the copy-text of this "
                f"page, the rendered page {self.cursor}; the first not found is {missing.form!r}\n"
                "    fix: the page's words must follow the copy-text (see tests/test_fidelity.py)"
            )


def _named_stream(index, what: str, stem: str) -> _Stream:
    return _Stream(
        what,
        index.path,
        finder(index.forms),
        index.occurrences_on(stem),
        lambda found, m: found == m.form or index.forms.get(found) == m.key,
    )


def _stream(root: Tag):
    """The page's own words as text_nodes reads them, with what lies between them: a note call of the copy-text
    (its words, "[22]", are the copy-text's) and the edges of blocks (p, li, td ...), which no name crosses."""
    for child in list(root.children):
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            yield child
            continue
        if not isinstance(child, Tag) or child.name in ("button", "script", "style") or child.has_attr("popover"):
            continue
        block = child.name in BLOCKS
        if block:
            yield None
        if "emendation" in child.get("class", []):
            for reading in child.find_all(class_="emendation__reading", recursive=False):
                yield from _stream(reading)
        elif child.get("data-apparatus") == "note" and child.get("data-copytext"):
            yield child
        elif not child.has_attr("data-copytext"):
            yield from _stream(child)
        if block:
            yield None


@dataclass
class _Run:
    """Text nodes of one block read as one stretch, as the copy-text prints it: across inline markup, an
    emendation's reading, and a note call ("Moscow [22] Center"), whose words stand between them."""

    nodes: list = field(default_factory=list)  # (start, end, text node)
    text: str = ""

    def add(self, item) -> None:
        if isinstance(item, Tag):  # a note call: its words, not its node
            self.text += ("" if not self.text or self.text[-1].isspace() else " ") + item["data-copytext"]
            return
        value = str(item)
        self.nodes.append((len(self.text), len(self.text) + len(value), item))
        self.text += value

    def node_at(self, offset: int):
        """The text node that holds the character at `offset` (or the last one before it)."""
        return next((n for start, end, n in self.nodes if start <= offset < end), self.nodes[-1][2])


def node_ending_at(nodes: list, end: int) -> tuple:
    """Of text nodes read in order, the one in which the character before offset `end` of their joined text
    stands, and `end`'s place in it: where a marker placed right after quoted words goes."""
    offset = 0
    for node in nodes:
        if offset + len(node) >= end:
            break
        offset += len(node)
    return node, end - offset


def _in_emendation(node) -> bool:
    return any("emendation" in (p.get("class") or []) for p in node.parents if isinstance(p, Tag))


def _runs(soup) -> list[_Run]:
    runs: list[_Run] = [_Run()]
    for item in _stream(soup):
        if item is None:
            if runs[-1].text:
                runs.append(_Run())
            continue
        runs[-1].add(item)
    return [r for r in runs if r.nodes]


def mark(soup: BeautifulSoup, page, edition, places: dict) -> tuple[dict[str, str], tuple[str, ...]]:
    """Mark the page's mentions of persons, organisations and places in place, in one pass over its text, and
    record each mention's paragraph in `places`; return the tokens to replace in the serialised page (the
    author's counts) and the persons whose cards follow it (redbook/plugin/kept.py makes them)."""
    register = persons_web.register_of(edition)
    orgs = names_web.index_of(edition, "organisations")
    where = names_web.index_of(edition, "places")
    if register is None and orgs is None and where is None:
        return {}, ()
    tokens = _place_sums(soup, page, edition) if register is not None else {}
    people = (
        _Stream(
            "person",
            "data/persons.yml",
            finder(register.forms),
            register.occurrences_on(page.stem),
            lambda found, occurrence: _compatible(found, occurrence, register),
        )
        if register is not None
        else None
    )
    org_stream = _named_stream(orgs, "organisation", page.stem) if orgs is not None else None
    place_stream = _named_stream(where, "place", page.stem) if where is not None else None
    seen: dict[str, None] = {}  # the persons that have their button (and card) on this page
    for run in _runs(soup):
        value = run.text
        found_orgs = list(org_stream.pattern.finditer(value)) if org_stream else []
        found_places = list(place_stream.pattern.finditer(value)) if place_stream else []
        found_people = list(people.pattern.finditer(value)) if people else []
        if not (found_orgs or found_places or found_people):
            continue
        first = run.nodes[0][2]
        block = _block_of(first)
        para = _paragraph_of(first, block)
        wraps = []  # (start, end, [(attributes of a span, its button)], outermost first)
        org_spans = []  # (start, end, entry)
        for match in found_orgs:
            mention = org_stream.take(page, match.group("form"))
            wraps.append((match.start(), match.end(), [(names_web.span_attrs(mention), None)]))
            org_spans.append((match.start(), match.end(), orgs.entry(mention.key)))
            if para:
                places[mention.place_key] = (page.url, para)
        for match in found_places:
            s, e = match.start(), match.end()
            if any(a <= s and e <= b for a, b, _ in org_spans):
                continue  # inside an organisation's name: the organisation's mention
            if any(a < e and s < b for a, b, _ in org_spans):
                raise PluginError(
                    f"{page.path}: the place form {match.group('form')!r} cuts across an organisation's name\n"
                    f"    fix: make one form of {orgs.path} cover the whole name"
                )
            mention = place_stream.take(page, match.group("form"))
            wraps.append((s, e, [(names_web.span_attrs(mention), None)]))
            if para:
                places[mention.place_key] = (page.url, para)
        for match in found_people:
            s, e = match.start(), match.end()
            occurrence = people.take(page, match.group("form"))
            for a, b, entry in org_spans:
                if (
                    a < e
                    and s < b
                    and not (a <= s and e <= b and {m.key for m in occurrence.mentions} <= set(entry.named_after))
                ):
                    raise PluginError(
                        f"{page.path}: the person {match.group('form')!r} stands across the organisation "
                        f"{entry.key!r}, which does not name the person\n"
                        f"    fix: add the person's key to named_after: of {entry.key} in {orgs.path}"
                    )
            # inside an emendation a name gets its anchor but no button: the emendation's own button comes first
            quiet = _in_emendation(run.node_at(s))
            wraps.append((s, e, _person_specs(soup, occurrence, seen, register, quiet)))
            if para:
                for mention in occurrence.mentions:
                    places[mention.place_key] = (page.url, para)
        _rebuild(soup, page, run, wraps)
    for stream in (people, org_stream, place_stream):
        if stream is not None:
            stream.finish(page)
    if register is None:
        return tokens, ()
    _record_places(soup, page, register, places)
    return tokens, tuple(seen)


def _person_specs(soup, occurrence, seen, register, quiet: bool) -> list:
    """The spans of one occurrence, outermost first (one a person it names: "the two Luries"), each with the
    button of a person met here first."""
    specs = []
    for mention in occurrence.mentions:
        attrs = {"class": "person", "data-apparatus": "person", "id": mention.anchor, "data-person": mention.key}
        button = None
        if mention.key not in seen and not quiet:
            seen[mention.key] = None
            button = soup.new_tag("button", attrs=persons_web.name_button(register.person(mention.key)))
        specs.append((attrs, button))
    return specs


def _rebuild(soup, page, run: _Run, wraps: list) -> None:
    """Put the run's words back, each wrapped stretch in its span (nested where one holds another). A stretch
    that runs over several text nodes (across an emendation, a note call, italics) is one span a node: the first
    has the anchor (and a person's button), the others repeat its class and data, with data-part="more".
    `wraps`: (start, end, [(attributes, button or None)] outermost first)."""
    wraps.sort(key=lambda w: (w[0], -w[1]))
    for start, end, node in run.nodes:
        here = [(max(s, start), min(e, end), s >= start, specs) for s, e, specs in wraps if s < end and start < e]
        if not here:
            continue
        value = str(node)
        cuts = sorted({start, end, *(p for w in here for p in w[:2])})
        out: list = []
        stack: list = []  # (end, the innermost span, its buttons)

        def put(item, stack=stack, out=out) -> None:
            (stack[-1][1].append if stack else out.append)(item)

        def close(stack=stack) -> None:
            _, _, buttons = stack.pop()
            for span, button in reversed(buttons):
                span.append(button)

        pending = list(here)
        for a, b in zip(cuts, cuts[1:]):
            while stack and stack[-1][0] <= a:
                close()
            while pending and pending[0][0] == a:
                _s, e, first, specs = pending.pop(0)
                outer, inner, buttons = _spans(soup, specs, first)
                put(outer)
                stack.append((e, inner, buttons))
            put(value[a - start : b - start])
        while stack:
            close()
        for item in out:
            node.insert_before(item)
        node.extract()


def _spans(soup, specs, first: bool):
    spans, buttons = [], []
    for attrs, button in specs:
        attrs = dict(attrs) if first else {**{k: v for k, v in attrs.items() if k != "id"}, "data-part": "more"}
        span = soup.new_tag("span", attrs=attrs)
        if spans:
            spans[-1].append(span)
        spans.append(span)
        if first and button is not None:
            buttons.append((span, button))
    return spans[0], spans[-1], buttons


def _place_sums(soup, page, edition) -> dict[str, str]:
    """Put a token after the words of each of the author's counts on this page; the check replaces it later."""
    tokens = {}
    for s in sums_web.sums_of(edition):
        if s.page != page.stem:
            continue
        nodes = list(text_nodes(soup))
        joined = "".join(map(str, nodes))  # the page's own words, across the markers that interrupt them
        if joined.count(s.at) != 1:
            raise PluginError(
                f"data/sums.yml:{s.line}: {s.ident}: the words {s.at!r} occur {joined.count(s.at)} times "
                f"in {page.path}\n    fix: quote the words exactly as the reading text gives them, once"
            )
        node, cut = node_ending_at(nodes, joined.index(s.at) + len(s.at))
        token = f"\ue000{s.ident}\ue000"
        value = str(node)
        node.replace_with(value[:cut] + token + value[cut:])
        tokens[token] = sums_web.marker(s)
    return tokens


def _record_places(soup, page, register, places: dict) -> None:
    """The paragraph of each place the register cites on this page, found by its words."""
    wanted = [p for p in register.places() if p.page == page.stem]
    if not wanted:
        return
    blocks = [
        (b["id"], _SPACE.sub("", "".join(map(str, text_nodes(b)))))
        for b in soup.find_all(class_="para")
        if b.has_attr("id")
    ]
    for place in wanted:
        needle = _SPACE.sub("", place.near)
        hit = next((pid for pid, words in blocks if needle in words), None)
        if hit is None:
            raise PluginError(
                f"{register.path}: the words {place.near!r} are in no numbered paragraph of {page.path}\n"
                "    fix: quote words of one paragraph exactly as the reading text gives them"
            )
        places[persons_web.place_anchor(place)] = (page.url, hit)
