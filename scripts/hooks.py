"""MkDocs hooks: the edition model is loaded and checked before anything is written, then each page of the
reading text gets its paragraph numbers, and the finished site has its internal links checked."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the model and the generators live beside mkdocs.yml

from mkdocs.structure.files import File  # noqa: E402

import redbook  # noqa: E402
from redbook import scan  # noqa: E402
from macros import sources as sources_web  # noqa: E402
from scripts import downloads, sitemeta  # noqa: E402
from scripts.book import pdf as book_pdf  # noqa: E402
from scripts.links import broken_links  # noqa: E402
from scripts.mentions import mark as mark_mentions  # noqa: E402
from scripts.pages import generators  # noqa: E402
from scripts.paragraphs import number_paragraphs  # noqa: E402
from scripts.search_text import on_page_context  # noqa: E402,F401  the search index reads the text, not the apparatus
from scripts.phrases import phrase_places  # noqa: E402

#: Hand-written back matter in docs/ and its place after the reading text; generated pages give their own ORDER.
BACK_MATTER = {"principles.md": 10}

_places: dict[str, tuple[str, str]] = {}  # anchor -> (page url, paragraph id), for the apparatus


def _edition() -> redbook.Edition:
    try:
        return redbook.load_cached(ROOT)
    except redbook.EditionError as err:
        raise PluginError(str(err)) from None


def on_config(config):
    sitemeta.configure(config, _edition())  # the edition's version and build date, for the footer
    _places.clear()
    return config


def on_files(files, config):
    """Add the pages generated from the data (index of persons, dossiers, sources ...) to the build."""
    scan.check_files(ROOT)  # no symbolic link, no path outside the repository, no file kind the site does not serve
    edition = _edition()
    for generator in generators():
        files.append(File.generated(config, generator.PATH, content=generator.markdown(edition)))
    sitemeta.set_sources(files, config, edition)  # "Edit this page" leads to the Markdown or the data file
    sources_web.add_downloads(files, config, edition)  # sources.bib, edition.bib, edition.csl.json
    return files


def _nav_rank(src_uri: str, edition: redbook.Edition) -> tuple:
    stems = list(edition.pages)
    stem = src_uri.removesuffix(".md")
    if stem in stems and edition.pages[stem].is_reading_text:
        return (0, stems.index(stem))
    orders = {**BACK_MATTER, **{g.PATH: g.ORDER for g in generators()}}
    return (1, orders.get(src_uri, 1000), src_uri)


def on_nav(nav, config, files):
    """Order the navigation as the book is read: title page, foreword, chapters, then the apparatus."""
    edition = _edition()
    nav.items.sort(key=lambda item: _nav_rank(getattr(getattr(item, "file", None), "src_uri", ""), edition))
    pages = [item for item in nav.items if getattr(item, "is_page", False)]
    nav.pages = pages
    for before, page, after in zip([None, *pages], pages, [*pages[1:], None]):
        page.previous_page, page.next_page = before, after
    return nav


def on_page_content(html, page, config, files):
    edition = _edition()
    model_page = edition.pages.get(Path(page.file.src_uri).stem)
    if model_page is None or model_page.paragraph_prefix is None:
        return html
    html, places, texts = number_paragraphs(html, model_page.paragraph_prefix)
    sources_web.check_placed(edition, model_page, places)  # every citation stands in a numbered paragraph
    _places.update({anchor: (model_page.url, pid) for anchor, pid in places.items()})
    html = mark_mentions(html, model_page, edition, _places)  # persons named: anchors, cards; the author's counts
    _places.update(phrase_places(edition, model_page, texts))  # apparatus links found by quoted words
    for em in edition.emendations_of_page(model_page.stem):
        if em.kind == "layout":
            hit = next((i for i, t in enumerate(texts, start=1) if em.near in " ".join(t.split())), None)
            if hit is None:
                raise PluginError(f"{em.path}:{em.line}: {em.ident}: the words {em.near!r} are in no numbered "
                                  f"paragraph of {model_page.path}\n    fix: give words of the restored passage itself")
            _places[f"{em.anchor}-place"] = (model_page.url, f"p{model_page.paragraph_prefix}.{hit}")
    return html


_PLACE = re.compile(r'<a class="place" href="([^"#]*)" data-place="([^"]+)">[^<]*</a>')


def on_post_page(output, page, config):
    """Fill in the paragraph numbers of the apparatus, now that every page has been numbered."""
    def fill(match):
        url, pid = _places[match.group(2)]
        return f'<a class="place" href="{url}#{pid}">{pid[1:]}</a>'
    return _PLACE.sub(fill, output)


def on_post_build(config):
    """A link of the apparatus to a place that does not exist fails the build (it would fail a reader)."""
    scan.fill_policies(Path(config.site_dir), Path(config.docs_dir))  # the security policy's script hashes
    downloads.write(_edition(), Path(config.site_dir))  # the e-book and the open data, before the link check
    book_pdf.offer_last(ROOT / "site", Path(config.site_dir))  # `mkdocs serve`: the PDF of the last `make build`
    broken = broken_links(Path(config.site_dir))
    if broken:
        raise PluginError("internal links that lead nowhere:\n  " + "\n  ".join(broken[:50])
                          + "\n    fix: correct the link in the Markdown or data file that made it")
    scan.check_output(Path(config.site_dir))  # nothing a browser would run or fetch from another host
