"""Small HTML helpers shared by the renderers."""

from __future__ import annotations

from html import escape

import markdown


def attr(value: str) -> str:
    """An attribute value safe in HTML and in Python-Markdown (which would read a backslash as an escape)."""
    return escape(value, quote=True).replace("\\", "&#92;")


def text(value: str) -> str:
    return escape(value, quote=False).replace("\\", "&#92;")


def inline_markdown(source: str) -> str:
    """Render a short Markdown text (a note) to inline HTML."""
    html = markdown.markdown(source)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html
