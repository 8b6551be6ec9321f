"""Check the finished site's internal links: every page and every #anchor a link names must exist."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Files that scripts/build.py writes after the MkDocs build (the two books): links to them are not checked here.
WRITTEN_AFTER_BUILD = {"red-book.pdf", "red-book.epub"}
_ID = re.compile(r'\sid="([^"]+)"')
_HREF = re.compile(r'<a\s[^>]*?href="([^"]+)"')


def broken_links(site: Path, base: str = "/") -> list[str]:
    """`base`: the path of the site's public address (site_url), under which root-relative links (404.html) lead."""
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    ids = {name: _ids(html) for name, html in pages.items()}
    broken = []
    for name, html in pages.items():
        for href, target, fragment, problem in _links(name, html, base):
            if problem:
                broken.append(f"{name}: {href} ({problem})")
            elif fragment is None:  # a file that is not a page
                if not (site / target).exists():
                    broken.append(f"{name}: {href} (no such file)")
            elif target not in pages:
                broken.append(f"{name}: {href} (no such page)")
            elif fragment and fragment not in ids[target]:
                broken.append(f"{name}: {href} (no such anchor)")
    return broken


# The preview rebuilds every page's file, most of them unchanged: each page's text is read once (the memos hold
# the last build's pages and a few more, keyed by the text itself).
@lru_cache(maxsize=512)
def _ids(html: str) -> frozenset[str]:
    return frozenset(_ID.findall(html))


@lru_cache(maxsize=512)
def _links(name: str, html: str, base: str) -> tuple:
    """The internal links of a page: (href, the page or file it leads to, its #anchor or None for a file that is
    not a page, a problem found in the address itself)."""
    found = []
    for href in _HREF.findall(html):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
            continue
        if parts.path.startswith("/"):
            path = unquote(parts.path)
            if not path.startswith(base):
                found.append((href, None, None, f"outside the site's address {base}"))
                continue
            target = path[len(base) :]
        elif parts.path:
            target = (Path(name).parent / unquote(parts.path)).as_posix()
        else:
            target = name
        if parts.path in WRITTEN_AFTER_BUILD or target in WRITTEN_AFTER_BUILD:
            continue
        if parts.path and not parts.path.endswith(".html"):
            found.append((href, target, None, None))
        else:
            found.append((href, target, unquote(parts.fragment), None))
    return tuple(found)
