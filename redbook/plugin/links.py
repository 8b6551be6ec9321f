"""Check the finished site's internal links: every page and every #anchor a link names must exist."""

from __future__ import annotations

import re
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
    ids = {name: set(_ID.findall(html)) for name, html in pages.items()}
    broken = []
    for name, html in pages.items():
        for href in _HREF.findall(html):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            if parts.path.startswith("/"):
                path = unquote(parts.path)
                if not path.startswith(base):
                    broken.append(f"{name}: {href} (outside the site's address {base})")
                    continue
                target = path[len(base) :]
            elif parts.path:
                target = (Path(name).parent / unquote(parts.path)).as_posix()
            else:
                target = name
            if parts.path in WRITTEN_AFTER_BUILD or target in WRITTEN_AFTER_BUILD:
                continue
            if parts.path and not parts.path.endswith(".html"):
                if not (site / target).exists():
                    broken.append(f"{name}: {href} (no such file)")
                continue
            if target not in pages:
                broken.append(f"{name}: {href} (no such page)")
            elif parts.fragment and unquote(parts.fragment) not in ids[target]:
                broken.append(f"{name}: {href} (no such anchor)")
    return broken
