"""Content must not carry scripts: raw HTML that could run code in a reader's browser is refused everywhere.

The edition's macros and stylesheets do all rendering, so no source file (a chapter's Markdown, its front
matter, a note, an emendation, any YAML data file) has a reason to hold a script element, an embedded
object, an event-handler attribute or a javascript: address.
"""

from __future__ import annotations

import re

from .errors import Collector

#: Raw HTML that must never reach readers from content files.
UNSAFE_HTML = re.compile(r"<\s*(script|iframe|object|embed)\b|\son[a-z]+\s*=|\bjavascript\s*:", re.IGNORECASE)


def scan(text: str, problems: Collector, display: str, first_line: int = 1) -> None:
    """Report each script-like construct in `text`, whose first line is line `first_line` of the file."""
    for match in UNSAFE_HTML.finditer(text):
        problems.add(
            display,
            first_line + text.count("\n", 0, match.start()),
            f"content must not carry scripts or event handlers ({match.group(0).strip()!r})",
            "remove the raw HTML; the edition's macros and stylesheets do all rendering",
        )
