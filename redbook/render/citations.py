"""How the sources look on the web: a citation marker with its reference in a popover, the citations of a
note, the Sources page, and "Cite this" on the pages of the reading text.

The data and the formatted references come from the model (redbook/apparatus/sources.py); this module only
turns them into HTML. Everything it adds to a page of the reading text carries data-copytext="" (it adds no
words of the book), so the fidelity proof reads past it.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from redbook.apparatus.sources import NAME, Citation, page_reference
from redbook.render import record
from redbook.render.html import attr, fragment, inline_markdown, text
from redbook.render.target import declare

SOURCES_PAGE = "sources.html"
#: Files written into the site beside the Sources page (name -> what it holds).
DOWNLOADS = {
    "sources.bib": "the sources, BibTeX",
    "edition.bib": "this edition’s own reference, BibTeX",
    "edition.csl.json": "this edition’s own reference, CSL-JSON",
    "references.bib": "the works this edition relies on (data/references.bib), BibTeX",
}
MARK = "src"  # the marker's visible text: small, and distinct from the notes' numbers


def _data(edition):
    return edition.apparatus[NAME]


log = logging.getLogger("mkdocs.plugins.redbook.sources")


def warn_unused(edition) -> None:
    """A source that no place cites is a warning, which fails the strict build."""
    data = _data(edition)
    for source in data.unused():
        log.warning(
            f"{data.path}:{source.line}: the source {source.key!r} is cited from no place in the book"
            f'\n    fix: cite it where the book names it, {{{{ cite("{source.key}", "locator") }}}}, '
            "or in a note's 'citations:'; or remove the entry"
        )


def cite_call(edition, src_uri: str, key: str, count: int) -> str:
    """The marker of the `count`-th citation of the page, which the model found where the Markdown calls it."""
    placed = _data(edition).citations_on_page(Path(src_uri).stem)
    index = count - 1
    if index >= len(placed) or placed[index].key != key:
        raise PluginError(
            f"docs/{src_uri}: cite({key!r}) was not found where the model expected it"
            '\n    fix: write it as {{ cite("key", "locator") }}, with straight quotes'
        )
    return cite_marker(edition, placed[index])


def _label(source, citation: Citation) -> str:
    # the visible mark ends the name, so that speech input ("click src") finds it (WCAG 2.5.3, axe in tests/browser)
    return f"Source: {source.short}" + (f", {citation.locator}" if citation.locator else "") + f", {MARK}"


def _popover_body(edition, citation: Citation) -> str:
    data = _data(edition)
    source = data.sources[citation.key]
    count = len(data.citations_of(citation.key))
    at = f' <span class="cite-pop__at">Cited here: {text(citation.locator)}.</span>' if citation.locator else ""
    at += record.popover_locator(edition, citation)  # issue 25: where the copy of the record read gives it
    return (
        f'<span class="pop-head">Source · {text(source.kind_label)}</span> '
        f'<span class="cite-pop__ref">{inline_markdown(source.reference)}</span>{at} '
        f'<a class="cite-pop__all" href="{SOURCES_PAGE}#{source.anchor}">'
        f"{'The one place that cites it' if count == 1 else f'All {count} places that cite it'}</a>"
    )


def cite_marker(edition, citation: Citation) -> str:
    """The marker after the book's words: a button that shows the full reference in a native popover."""
    source = _data(edition).sources[citation.key]
    pop = f"pop-{citation.ident}"
    return (
        f'<span class="cite" {declare("citation", cite=citation.key)} data-copytext="">'
        f'<button type="button" class="cite-ref" id="{citation.ident}" popovertarget="{pop}" '
        f'aria-label="{attr(_label(source, citation))}">{MARK}</button>'
        f'<span class="cite-pop" id="{pop}" popover role="note" aria-label="Source">'
        f"{_popover_body(edition, citation)}</span></span>"
    )


def note_citations(edition, note, *, interactive: bool) -> str:
    """The citations of a note (its `citations:` data), after its text: markers in the chapter's list of notes,
    plain links inside the note's own popover (a popover does not open another)."""
    data = edition.apparatus.get(NAME)
    if data is None:
        return ""
    out = []
    for citation in data.citations_of_note(note.number):
        source = data.sources[citation.key]
        if interactive:
            out.append(cite_marker(edition, citation))
        else:
            out.append(
                f'<a class="cite-link" {declare("citation-link", cite=citation.key)} data-copytext="" '
                f'href="{SOURCES_PAGE}#{source.anchor}" aria-label="{attr(_label(source, citation))}">{MARK}</a>'
            )
    return (" " + "".join(out)) if out else ""


def check_placed(edition, page, places: dict[str, str]) -> None:
    """After the paragraphs are numbered: every citation of the page's text stands in a numbered paragraph."""
    data = edition.apparatus.get(NAME)
    if data is None:
        return
    lost = [c for c in data.citations_on_page(page.stem) if c.ident not in places]
    if lost:
        raise PluginError(
            "\n".join(
                f"{c.path}:{c.line}: cite({c.key!r}) stands outside the numbered paragraphs (a heading, a subtitle, "
                "an editorial remark)\n    fix: put it right after the book's words that name the source, in a paragraph"
                for c in lost
            )
        )


# -- "Cite this" ---------------------------------------------------------------------------------------


def _url(conf, path: str = "") -> str | None:
    base = (conf.get("site_url") or "") if conf else ""
    return (base.rstrip("/") + "/" + path) if base else None


def _bibtex_html(bib: str) -> str:
    # braces as entities: the page's Markdown still passes through Jinja (mkdocs-macros) on generated pages
    return text(bib).replace("{", "&#123;").replace("}", "&#125;")


def _italic(citation: str) -> str:
    """A citation's *title* (marked with asterisks by the model) in italics."""
    return re.sub(r"\*([^*]+)\*", r"<i>\1</i>", text(citation))


def cite_this(edition, page, conf) -> str:
    """The block at the end of a page of the reading text: how to cite the page, a paragraph, the edition."""
    data = edition.apparatus.get(NAME)
    if data is None or data.edition_ref is None or not page.is_reading_text:
        return ""
    ref = data.edition_ref
    downloads = (
        f'<p class="cite-this__files">The edition’s own reference: <a href="edition.bib" download>BibTeX</a>'
        f' · <a href="edition.csl.json" download>CSL-JSON</a>. The works the book cites: '
        f'<a href="{SOURCES_PAGE}">Sources</a> (<a href="sources.bib" download>sources.bib</a>).</p>'
    )
    if page.paragraph_prefix is None:
        url = _url(conf)
        return (
            f'<section class="cite-this" data-copytext="" aria-labelledby="cite-this-heading">\n'
            f'<h2 id="cite-this-heading">Cite this edition</h2>\n'
            f'<p class="cite-this__style">Chicago (bibliography)</p>\n'
            f'<p class="cite-this__text">{_italic(ref.chicago(url))}</p>\n'
            f'<details class="cite-this__bibtex"><summary>BibTeX</summary>'
            f"<pre><code>{_bibtex_html(ref.bibtex(url))}</code></pre></details>\n{downloads}\n</section>"
        )
    url = _url(conf, page.url)
    forms = page_reference(edition, page, url)
    where = (
        ""
        if url
        else " The address of a paragraph is this page’s address followed by its anchor, "
        f"<code>#p{forms['example']}</code>."
    )
    return (
        f'<section class="cite-this" data-copytext="" aria-labelledby="cite-this-heading">\n'
        f'<h2 id="cite-this-heading">Cite this page</h2>\n'
        f'<p class="cite-this__style">Chicago (bibliography)</p>\n'
        f'<p class="cite-this__text">{_italic(forms["chicago"])}</p>\n'
        f'<p class="cite-this__style">A paragraph (Chicago note)</p>\n'
        f'<p class="cite-this__text">{_italic(forms["paragraph"])}</p>\n'
        f'<p class="cite-this__how">Give the number of the paragraph you cite in place of '
        f"{text(forms['example'])}: each paragraph’s number, in the margin, is a link to its own stable "
        f"address.{where}</p>\n"
        f'<details class="cite-this__bibtex"><summary>BibTeX</summary>'
        f"<pre><code>{_bibtex_html(forms['bibtex'])}</code></pre></details>\n{downloads}\n</section>"
    )


def download_files(edition, conf) -> dict[str, str]:
    """The files written beside the Sources page: name -> content."""
    data = _data(edition)
    url = _url(conf)
    ref = data.edition_ref
    return {
        "sources.bib": data.bibtex(),
        "edition.bib": ref.bibtex(url) + "\n",
        "edition.csl.json": json.dumps([ref.csl(url)], ensure_ascii=False, indent=2) + "\n",
        **references_bib(edition),
    }


def references_bib(edition) -> dict[str, str]:
    """data/references.bib as it stands (issue 26: offered beside sources.bib), where the edition has it."""
    path = edition.root / "data" / "references.bib"
    return {"references.bib": path.read_text(encoding="utf-8")} if path.exists() else {}


# -- the Sources page -----------------------------------------------------------------------------------


def _place(edition, citation: Citation) -> str:
    page = edition.pages[citation.page]
    at = f' <span class="source-place__at">{text(citation.locator)}</span>' if citation.locator else ""
    if citation.note is not None:
        link = (
            f'<a class="source-note" href="{page.url}#note-{citation.note}" data-cite="{attr(citation.key)}">'
            f"note {citation.note}</a>"
        )
    else:
        # the paragraph number is filled in after the pages are numbered (redbook/plugin/plugin.py, on_post_page)
        link = f'<a class="place" href="{page.url}" data-place="{citation.ident}">{text(page.label)}</a>'
    return f'<li class="source-place">{link}{at}</li>'


def sources_page(edition, title: str) -> str:
    data = _data(edition)
    total = len(data.citations)
    parts = [
        f"---\ntitle: {title}\n---\n",
        f"# {title}\n",
        '<p class="sources-lead">Every work the book cites or quotes, grouped by kind, each with every place in the '
        "book that cites it: the paragraph (or the note) and the date, issue or page the book gives there. "
        f"{len(data.sources)} sources, {total} places. The references are identified from what the book itself "
        "says; a description in [square brackets] is this edition’s, where the book names a document without "
        "a title. In the reading text, a small “src” after the book’s words opens the reference.</p>\n",
        '<p class="sources-files">Download: <a href="sources.bib" download>sources.bib</a> (BibTeX) · '
        'this edition’s own reference as <a href="edition.bib" download>BibTeX</a> or '
        '<a href="edition.csl.json" download>CSL-JSON</a>; the works this edition relies on, '
        '<a href="references.bib" download>references.bib</a> (BibTeX).</p>\n',
    ]
    for kind, label, members in data.kinds():
        parts.append(f"## {label} {{ #kind-{kind} }}\n")
        for source in members:
            places = data.citations_of(source.key)
            count = f"{len(places)} place{'s' if len(places) != 1 else ''}"
            items = "".join(_place(edition, c) for c in places)
            parts.append(
                f'<div class="source" id="{source.anchor}">'
                f'<p class="source-ref">{inline_markdown(source.reference)}</p>'
                f'<p class="source-count">Cited in {count}:</p>'
                f'<ul class="source-places">{items}</ul>{record.quoting_places(edition, source.key)}</div>\n'
            )
    return "\n".join(parts)


def add_downloads(files, config, edition) -> None:
    """Write sources.bib, edition.bib and edition.csl.json into the site, beside the Sources page."""
    from mkdocs.structure.files import File

    for name, content in download_files(edition, config).items():
        files.append(File.generated(config, name, content=content))


# -- the book's forms --------------------------------------------------------------------------------------
def book(element) -> None:
    """A citation in the book: no marker (the list of sources gives the pages), but its place stays an anchor
    (the marker's id) for the list's page numbers; a note's plain link to its source goes."""
    if element["data-apparatus"] == "citation-link":
        element.decompose()
        return
    for pop in element.select("[popover]"):
        pop.decompose()
    for button in element.find_all("button"):
        button.replace_with(fragment(f'<span class="anchor" id="{button["id"]}"></span>'))
