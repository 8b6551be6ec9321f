"""Mark the persons a page of the reading text names: one step of on_page_content, after paragraph numbering.

The register (redbook/apparatus/persons.py) has already found every mention in the copy-text; here the same
finder runs over the rendered page's own text (not over note popovers, buttons or editorial additions), and
each occurrence it meets is the register's next one for that page: the two must agree, form for form, or
the build stops. Each mention becomes <span class="person" id="m-KEY-N">Name</span>: the words stay the
copy-text's. Page weight and keyboard: each person gets one card per page (a native popover at the end of
the page), opened by one button laid over the person's first mention on the page (data-copytext="", so the
fidelity proof reads the name alone), as a printed edition glosses a name where a chapter first names it;
every later mention keeps its anchor, which the index of persons links to, and its card is one Tab away at
the first mention. (A button on every mention would give chapter 3 some 240 tab stops, and a popover per
button would repeat a card up to 40 times a page.) A name inside an emendation gets its anchor only.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from mkdocs.exceptions import PluginError

from redbook.passages import finder
from redbook.render import persons as persons_web
from redbook.render import sums as sums_web

_SPACE = re.compile(r"\s+")


def _text_nodes(root: Tag):
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
                yield from _text_nodes(reading)
            continue
        if child.has_attr("data-copytext"):
            continue
        yield from _text_nodes(child)


def _block_of(node) -> Tag | None:
    for parent in node.parents:
        classes = parent.get("class", []) if isinstance(parent, Tag) else []
        if "para" in classes or "note" in classes:
            return parent
    return None


def _compatible(found: str, occurrence, register) -> bool:
    keys = {m.key for m in occurrence.mentions}
    return found == occurrence.form or bool(keys & set(register.forms.get(found, [])))


def mark(soup: BeautifulSoup, page, edition, places: dict) -> tuple[dict[str, str], str]:
    """Mark the page's mentions in place and record each mention's paragraph in `places`; return the tokens
    to replace in the serialised page (the author's counts) and the person cards to put after it."""
    register = persons_web.register_of(edition)
    if register is None:
        return {}, ""
    tokens = _place_sums(soup, page, edition)
    expected = register.occurrences_on(page.stem)
    pattern = finder(register.forms)
    cursor = 0
    seen: dict[str, None] = {}  # the persons that have their button (and card) on this page
    for node in list(_text_nodes(soup)):
        value = str(node)
        matches = list(pattern.finditer(value))
        if not matches:
            continue
        block = _block_of(node)
        # inside an emendation the name gets its anchor but no button: the emendation's own button comes first
        quiet = any("emendation" in (p.get("class") or []) for p in node.parents if isinstance(p, Tag))
        pieces, last = [], 0
        for match in matches:
            if cursor >= len(expected):
                raise PluginError(
                    f"{page.path}: the page names {match.group('form')!r} where the register expects "
                    f"no more mentions\n    fix: check data/persons.yml and the page's Markdown"
                )
            occurrence = expected[cursor]
            cursor += 1
            if not _compatible(match.group("form"), occurrence, register):
                raise PluginError(
                    f"{page.path}: the page names {match.group('form')!r} where the register expects "
                    f"{occurrence.form!r} ({', '.join(m.key for m in occurrence.mentions)})\n"
                    "    fix: the page's words must follow the copy-text; check data/persons.yml"
                )
            pieces.append(value[last : match.start()])
            pieces.append(_wrap(soup, match.group(0), occurrence, block, seen, register, quiet))
            last = match.end()
            for mention in occurrence.mentions:
                if block is not None and "para" in block.get("class", []):
                    places[mention.place_key] = (page.url, block["id"])
        pieces.append(value[last:])
        for piece in pieces:
            node.insert_before(piece)
        node.extract()
    if cursor != len(expected):
        missing = expected[cursor]
        raise PluginError(
            f"{page.path}: the register finds {len(expected)} mentions in the copy-text of this page, "
            f"the rendered page {cursor}; the first not found is {missing.form!r}\n"
            "    fix: the page's words must follow the copy-text (see tests/test_fidelity.py)"
        )
    _record_places(soup, page, register, places)
    cards = "".join(persons_web.card(edition, register, register.person(key)) for key in seen)
    tail = f'\n<div class="person-cards" data-copytext="">{cards}</div>' if cards else ""
    return tokens, tail


def _place_sums(soup, page, edition) -> dict[str, str]:
    """Put a token after the words of each of the author's counts on this page; the check replaces it later."""
    tokens = {}
    for s in sums_web.sums_of(edition):
        if s.page != page.stem:
            continue
        nodes = list(_text_nodes(soup))
        joined = "".join(map(str, nodes))  # the page's own words, across the markers that interrupt them
        if joined.count(s.at) != 1:
            raise PluginError(
                f"data/sums.yml:{s.line}: {s.ident}: the words {s.at!r} occur {joined.count(s.at)} times "
                f"in {page.path}\n    fix: quote the words exactly as the reading text gives them, once"
            )
        end = joined.index(s.at) + len(s.at)
        offset = 0
        for node in nodes:
            if offset + len(node) >= end:
                break
            offset += len(node)
        token = f"\ue000{s.ident}\ue000"
        value, cut = str(node), end - offset
        node.replace_with(value[:cut] + token + value[cut:])
        tokens[token] = sums_web.marker(s)
    return tokens


def _wrap(soup, words: str, occurrence, block, seen, register, quiet: bool):
    inner = words
    for mention in reversed(occurrence.mentions):
        span = soup.new_tag(
            "span",
            attrs={"class": "person", "data-apparatus": "person", "id": mention.anchor, "data-person": mention.key},
        )
        span.append(inner)
        if mention.key not in seen and not quiet:
            seen[mention.key] = None
            span.append(soup.new_tag("button", attrs=persons_web.name_button(register.person(mention.key))))
        inner = span
    return inner


def _record_places(soup, page, register, places: dict) -> None:
    """The paragraph of each place the register cites on this page, found by its words."""
    wanted = [p for p in register.places() if p.page == page.stem]
    if not wanted:
        return
    blocks = [
        (b["id"], _SPACE.sub("", "".join(map(str, _text_nodes(b)))))
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
