"""A paragraph's number, how this edition is cited: on the web a link to the paragraph's own address, in the
book a plain number in the margin."""

from __future__ import annotations


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
