"""Links from the apparatus to paragraphs of the reading text, found by the words the apparatus quotes.

A part of the apparatus (edition.apparatus[...]) that quotes the running text offers `phrases()`: objects
with page (a stem), phrase (the book's words), key, path and line. Once a page of the reading text has
its paragraph numbers, each phrase of that page is looked for in its numbered paragraphs; the key then
stands for that paragraph (p5.40), and a link <a class="place" data-place=KEY> is filled in with it by
redbook/plugin/plugin.py. A phrase in no paragraph, or in several, stops the build with the data file and line.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from redbook.passages import squeeze as _squeeze


def phrase_places(edition, page, texts: list[str]) -> dict[str, tuple[str, str]]:
    """{key: (page url, paragraph id)} for every phrase the apparatus quotes from this page."""
    squeezed = [_squeeze(t) for t in texts]
    places: dict[str, tuple[str, str]] = {}
    for part in edition.apparatus.values():
        for ref in part.phrases() if hasattr(part, "phrases") else []:
            if ref.page != page.stem:
                continue
            needle = _squeeze(ref.phrase)
            hits = [i for i, t in enumerate(squeezed, start=1) if needle in t]
            if len(hits) != 1:
                what = "are in no numbered paragraph" if not hits else f"are in {len(hits)} paragraphs"
                raise PluginError(
                    f"{ref.path}:{ref.line}: the words {ref.phrase!r} {what} of {page.path}\n"
                    "    fix: quote the words exactly as the reading text gives them, "
                    "and enough of them to name one paragraph"
                )
            places[ref.key] = (page.url, f"p{page.paragraph_prefix}.{hits[0]}")
    return places
