"""The contents of the edition, on the title page."""

from __future__ import annotations

from redbook import Edition
from redbook.render.html import text


def contents(edition: Edition) -> str:
    rows = []
    for page in edition.pages.values():
        if page.part == "front":
            continue
        label = f'<span class="toc-label">{text(page.label)}</span> ' if page.part == "chapter" else ""
        rows.append(f'<li><a href="{page.url}">{label}{text(page.title)}</a></li>')
    return '<ol class="edition-contents">\n' + "\n".join(rows) + "\n</ol>"
