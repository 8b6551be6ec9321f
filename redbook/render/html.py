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


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """One Python-Markdown instance for every short text, reset before each (making one costs about a
    millisecond, and a build renders some three hundred of these texts)."""
    return markdown.Markdown()


@lru_cache(maxsize=4096)
def inline_markdown(source: str) -> str:
    """Render a short Markdown text (a note) to inline HTML; the same text (a source cited again) once."""
    html = _converter().reset().convert(source)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


def fragment(markup: str):
    """A piece of markup as nodes to put into a parsed page (the book's forms replace web elements in place)."""
    from bs4 import BeautifulSoup

    nodes = BeautifulSoup(markup, "html.parser")
    return nodes.contents[0] if len(nodes.contents) == 1 else nodes
