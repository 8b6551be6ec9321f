"""The built site's pages in the order of its navigation (the book's order), each with its article."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

import redbook
from redbook.fidelity import THEME_CHROME


@dataclass
class SitePage:
    stem: str  # "chapter-3"
    url: str  # "chapter-3.html"
    title: str
    kind: str  # front (title page), foreword, chapter, back (principles, generated apparatus pages)
    label: str  # "Chapter 3", or the title
    model: redbook.model.Page | None
    article: Tag  # the page's <article>, theme chrome removed; the transforms change it in place


def nav_urls(site: Path) -> list[str]:
    """The pages of the site's primary navigation, in its order."""
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    urls: list[str] = []
    for link in soup.select("nav.md-nav--primary a.md-nav__link[href]"):
        href = link["href"].split("#", 1)[0]
        if href.endswith(".html") and "/" not in href and href not in urls:
            urls.append(href)
    return urls


#: Parts of a web page about the web page itself, which a book leaves out: "Cite this page" gives the page's web
#: address and says that each paragraph number is a link to its own address.
WEB_ONLY = [".cite-this"]


def article_of(html: str) -> Tag:
    soup = BeautifulSoup(html, "lxml")
    article = soup.select_one("article") or soup.body
    for selector in [*THEME_CHROME, *WEB_ONLY]:
        for element in article.select(selector):
            element.decompose()
    return article


def site_pages(site: Path, edition: redbook.Edition) -> list[SitePage]:
    pages = []
    for url in nav_urls(site):
        stem = url.removesuffix(".html")
        model = edition.pages.get(stem)
        article = article_of((site / url).read_text(encoding="utf-8"))
        if model is not None and model.is_reading_text:
            kind, title, label = model.part, model.title, model.label
        else:
            heading = article.find("h1")
            title = heading.get_text(" ", strip=True) if heading else stem
            kind, label = "back", title
        pages.append(SitePage(stem, url, title, kind, label, model, article))
    return pages
