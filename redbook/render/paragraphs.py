"""Paragraph numbers, how this edition is cited: every block of the reading text gets an anchor (p3.12) and a
number, on the web a link to the paragraph's own address, in the book a plain number in the margin."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, CData, NavigableString, Tag

#: The id of a numbered paragraph: p3.12, pF.4.
PARAGRAPH_ID = re.compile(r"^p(?P<number>[0-9A-Z]+\.\d+)$")
#: How the apparatus shows a place that is not a numbered paragraph: a heading (redbook/plugin/mentions.py).
HEADING_LABEL = "heading"


def paragraph_number(anchor: str) -> str | None:
    """ "3.12" for the paragraph id p3.12; None for another anchor (a heading's)."""
    match = PARAGRAPH_ID.match(anchor)
    return match["number"] if match else None


def place_label(anchor: str) -> str:
    """The words of a link of the apparatus to a place: the paragraph's number, or "heading" for a heading."""
    return paragraph_number(anchor) or HEADING_LABEL


def web_number(prefix: str, count: int) -> dict:
    """The attributes of the number of paragraph `prefix`.`count` (its text is the number itself)."""
    pid = f"p{prefix}.{count}"
    return {
        "class": "pnum",
        "data-apparatus": "paragraph-number",
        "href": f"#{pid}",
        "data-copytext": "",
        "aria-label": f"Paragraph {prefix}.{count}",
    }


def book(element) -> None:
    element.name = "span"
    for name in ("href", "aria-label"):
        del element[name]


#: Blocks of copy-text that get a number; headings, subtitles and the editors' own blocks do not.
_SKIP_CLASSES = {"subtitle", "chapter-notes", "chapter-head", "editorial"}


def _numbered_blocks(soup: BeautifulSoup):
    for block in soup.find_all(recursive=False):
        if not isinstance(block, Tag) or block.has_attr("data-copytext") or _SKIP_CLASSES & set(block.get("class", [])):
            continue
        if block.name == "p":
            yield block
        elif block.name == "blockquote":
            yield from block.find_all("p", recursive=False)
        elif block.name in ("ol", "ul"):
            yield from block.find_all("li", recursive=False)
        elif block.name == "table":
            yield block


def _reading(block: Tag) -> str:
    """The paragraph's words as a reader reads them, for finding quoted words: without the popovers
    (note texts, references) and the edition's own additions (data-copytext="": its number, citation marks)."""
    return " ".join(_words_of(block))


def _words_of(element: Tag):
    """The strings of `element` in order, leaving out popovers and the edition's additions (read, not copied)."""
    for child in element.children:
        if isinstance(child, Tag):
            if child.has_attr("popover") or child.get("data-copytext") == "":
                continue
            yield from _words_of(child)
        elif type(child) in (NavigableString, CData):
            yield child


def number_paragraphs(soup: BeautifulSoup, prefix: str) -> tuple[dict[str, str], list[str]]:
    """Number the page's blocks in place; return a map from each element id inside a paragraph to that
    paragraph's id, and the paragraphs' words in order (the text of p3.12 is texts[11])."""
    places: dict[str, str] = {}
    texts: list[str] = []
    for count, block in enumerate(_numbered_blocks(soup), start=1):
        pid = f"p{prefix}.{count}"
        if block.name == "table":
            wrapper = soup.new_tag("div", attrs={"class": "numbered-block"})
            block.wrap(wrapper)
            block = wrapper
        block["id"] = pid
        block["class"] = [*block.get("class", []), "para"]
        number = soup.new_tag("a", attrs=web_number(prefix, count))
        number.string = f"{prefix}.{count}"
        block.insert(0, number)
        for inner in block.find_all(id=True):
            places[inner["id"]] = pid
        texts.append(_reading(block))
    return places, texts
