"""The work on one built page of the reading text, from one parse: paragraph numbers, the places of the
apparatus (citations, emendations restored as layout, phrases the apparatus quotes), marked names, and the
text the search index reads. The page is parsed once and serialised once for readers, once for the search."""

from __future__ import annotations

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from redbook.passages import squeeze
from redbook.plugin import remarks, search_text
from redbook.plugin.mentions import mark as mark_mentions
from redbook.plugin.phrases import phrase_places
from redbook.render import citations
from redbook.render.paragraphs import number_paragraphs


class PageWork:
    """The page's body (`body`: its HTML without the person cards, which the plugin adds: redbook/plugin/kept.py),
    the persons whose cards follow it (`cards`), its places and its search text."""

    def __init__(self, edition, page, html: str):
        soup = BeautifulSoup(html, "html.parser")
        anchors, texts = number_paragraphs(soup, page.paragraph_prefix)
        citations.check_placed(edition, page, anchors)  # every citation stands in a numbered paragraph
        self.places = {anchor: (page.url, pid) for anchor, pid in anchors.items()}
        tokens, self.cards = mark_mentions(soup, page, edition, self.places)  # persons: anchors, cards; the counts
        self.places.update(phrase_places(edition, page, texts))  # apparatus links found by quoted words
        self.places.update(_layout_places(edition, page, texts))
        tokens.update(remarks.place(soup, page, edition))  # issue 15: the commentary's markers after their lemmas
        out = str(soup)
        for token, marker in tokens.items():
            out = out.replace(token, marker, 1)
        self.body = out
        search = search_text.strip_apparatus(soup)
        for token in tokens:
            search = search.replace(token, "")
        self.search_html = search


def _layout_places(edition, page, texts: list[str]) -> dict[str, tuple[str, str]]:
    """The paragraph of each restored structure (a table, a list) of the page, by the words it names."""
    places = {}
    squeezed = [squeeze(t) for t in texts]
    for em in edition.emendations_of_page(page.stem):
        if em.kind != "layout":
            continue
        needle = squeeze(em.near)
        hit = next((i for i, t in enumerate(squeezed, start=1) if needle in t), None)
        if hit is None:
            raise PluginError(
                f"{em.path}:{em.line}: {em.ident}: the words {em.near!r} are in no numbered "
                f"paragraph of {page.path}\n    fix: give words of the restored passage itself"
            )
        places[f"{em.anchor}-place"] = (page.url, f"p{page.paragraph_prefix}.{hit}")
    return places
