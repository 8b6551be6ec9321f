"""The forms an apparatus element takes: one renderer per thing, with the target as a parameter."""

from __future__ import annotations

from enum import Enum


class Target(Enum):
    WEB = "web"  # a page of the site: popovers, links, data-apparatus declarations
    PRINT = "print"  # the one HTML document WeasyPrint lays out: footnotes, page references
    EBOOK = "ebook"  # XHTML of the EPUB: noterefs and asides, one file per page
    DATA = "data"  # plain records for JSON, CSV, iCalendar, TEI


def declare(thing: str, **ids) -> str:
    """The data attributes by which a built element says what it is (data-apparatus="note" data-note="17"),
    so that the book's transformation and the checks find it without knowing its CSS classes."""
    from html import escape

    attrs = [f'data-apparatus="{thing}"']
    attrs += [f'data-{name.replace("_", "-")}="{escape(str(value), quote=True)}"' for name, value in ids.items()]
    return " ".join(attrs)
