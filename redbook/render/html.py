"""Small HTML helpers shared by the renderers."""

from __future__ import annotations

from functools import lru_cache
from html import escape

import markdown


def attr(value: str) -> str:
    """An attribute value safe in HTML and in Python-Markdown (which would read a backslash as an escape)."""
    return escape(value, quote=True).replace("\\", "&#92;")


def text(value: str) -> str:
    return escape(value, quote=False).replace("\\", "&#92;")


@lru_cache(maxsize=4096)
def inline_markdown(source: str) -> str:
    """Render a short Markdown text (a note) to inline HTML. A pure function, so the same text is rendered once per
    process: a build renders 257 of these texts, 112 of them different, and a preview's rebuild finds most done."""
    html = markdown.markdown(source)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


def fragment(markup: str):
    """A piece of markup as nodes to put into a parsed page (the book's forms replace web elements in place)."""
    from bs4 import BeautifulSoup

    nodes = BeautifulSoup(markup, "html.parser")
    return nodes.contents[0] if len(nodes.contents) == 1 else nodes
