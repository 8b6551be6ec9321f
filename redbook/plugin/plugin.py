"""The edition's MkDocs plugin: the model is loaded and checked before anything is written, each page of the
reading text gets its paragraph numbers and its marked names from one parse, the apparatus's links are filled
in, and the finished site has its internal links checked.

Its state lives here, per build: the model (kept across `mkdocs serve` rebuilds while its inputs are
unchanged: the plugin defines on_startup, so MkDocs keeps one instance for the whole preview), the places of
the apparatus (anchor -> paragraph), and the per-page counters the macros use (macros/__init__.py asks
`env.conf.plugins["redbook"]`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

import redbook
from redbook import scan
from redbook.book import pdf as book_pdf
from redbook.downloads import writer as downloads
from redbook.plugin import kept, search_text, sitemeta
from redbook.plugin.links import broken_links
from redbook.plugin.pagecache import Content, PageCache, own_emendations, reuse_templates
from redbook.plugin.pagework import PageWork
from redbook.render import citations
from redbook.render.generated import generators
from redbook.render.paragraphs import place_label

#: Hand-written back matter in docs/ and its place after the reading text; generated pages give their own ORDER.
BACK_MATTER = {"principles.md": 10}
_PLACE = re.compile(r'<a class="place" href="([^"#]*)" data-place="([^"]+)">[^<]*</a>')
# -- the chronology: links of its timeline (in the SVG, href and xlink:href, and in its list) whose fragment
#    is the event's key until the build knows its paragraph (redbook/render/timeline.py, web_href) --
_TIMELINE_HREF = re.compile(r'(\s(?:xlink:)?href)="([^"#]*)#(chronology-[a-z0-9-]+)"')


@dataclass
class PageState:
    """What the macros count on one page: the calls of each note, the citations met so far."""

    note_calls: dict[int, int] = field(default_factory=dict)
    citations: int = 0


class EditionPlugin(BasePlugin):
    def __init__(self):
        super().__init__()
        self.root: Path | None = None
        self.edition: redbook.Edition | None = None
        self.places: dict[str, tuple[str, str]] = {}  # anchor -> (page url, paragraph id), for the apparatus
        self.page = PageState()
        self.cache = redbook.ModelCache()
        self.serving = False
        self.scanned: dict = {}  # the output scan's findings by file and digest (redbook/scan.py), across rebuilds
        self.pages = PageCache()  # the preview's pages, across rebuilds (redbook/plugin/pagecache.py)
        self.kept = kept.Kept()  # the person cards and generated pages' Markdown, kept while what they read holds

    # -- the model ------------------------------------------------------------------------------------------
    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        try:
            self.edition = self.cache.load(self.root)
        except redbook.EditionError as err:
            raise PluginError(str(err)) from None
        self.places = {}
        sitemeta.configure(config, self.edition)  # the edition's version and build date, for the footer
        if self.serving:  # a full build never reuses a page: its cache starts and stays empty
            fronts = {
                stem: repr((p.title, p.part, p.chapter, p.title_supplied)) for stem, p in self.edition.pages.items()
            }
            self.pages.start(self.root, self.cache.digests, fronts, config)
        return config

    def on_env(self, env, config, files):
        return reuse_templates(env, self) if self.serving else env

    def on_files(self, files, config):
        """Add the pages generated from the data (index of persons, dossiers, sources ...) to the build."""
        scan.check_files(self.root)  # no symbolic link, no path outside the repository, no kind the site does not serve
        for generator in generators():
            markdown = self.kept.get(self.edition, ("page", generator.PATH), generator.markdown)
            files.append(File.generated(config, generator.PATH, content=markdown))
        sitemeta.set_sources(files, config, self.edition)  # "Edit this page" leads to the Markdown or data file
        citations.add_downloads(files, config, self.edition)  # sources.bib, edition.bib, edition.csl.json
        return files

    def _nav_rank(self, src_uri: str) -> tuple:
        pages = self.edition.pages
        stems = list(pages)
        stem = src_uri.removesuffix(".md")
        if stem in stems and pages[stem].is_reading_text:
            return (0, stems.index(stem))
        orders = {**BACK_MATTER, **{g.PATH: g.ORDER for g in generators()}}
        return (1, orders.get(src_uri, 1000), src_uri)

    def on_nav(self, nav, config, files):
        """Order the navigation as the book is read: title page, foreword, chapters, then the apparatus."""
        nav.items.sort(key=lambda item: self._nav_rank(getattr(getattr(item, "file", None), "src_uri", "")))
        pages = [item for item in nav.items if getattr(item, "is_page", False)]
        nav.pages = pages
        for before, page, after in zip([None, *pages], pages, [*pages[1:], None]):
            page.previous_page, page.next_page = before, after
        return nav

    # -- each page ------------------------------------------------------------------------------------------
    @event_priority(100)  # before mkdocs-macros renders the page's macros
    def on_page_markdown(self, markdown, page, config, files):
        """A page the preview's cache holds is not rendered again: the macros and Markdown get nothing to do."""
        self.page = PageState()
        page.edition_content_key = None
        if not self.serving or not self._cacheable(page):
            return markdown
        model_page = self._model_page(page)
        own = own_emendations(self.edition, model_page.stem, markdown) if model_page is not None else None
        key = self.pages.content_key(page, markdown, own)
        page.edition_content_key = key
        if self.pages.hit(page.file.src_uri, key) is None:
            self.pages.rendered.add(page.file.src_uri)
            return markdown
        self.pages.reused.add(page.file.src_uri)
        return ""

    def reusing(self, page) -> bool:
        """Whether this rebuild takes the page from the cache (the macros then leave it alone)."""
        return page is not None and page.file.src_uri in self.pages.reused

    def _cacheable(self, page) -> bool:
        """Pages of the reading text but the title page (its contents list reads every page), generated pages."""
        if page.file.generated_by is not None:
            return True
        model_page = self._edition_page(page)
        return model_page is not None and model_page.is_reading_text and model_page.part != "front"

    def _edition_page(self, page):
        return self.edition.pages.get(Path(page.file.src_uri).stem)

    def _model_page(self, page):
        """The model's page where the page's paragraphs are numbered (the reading text), else None."""
        model_page = self._edition_page(page)
        return model_page if model_page is not None and model_page.paragraph_prefix is not None else None

    def on_page_content(self, html, page, config, files):
        key, src = page.edition_content_key, page.file.src_uri
        if src in self.pages.reused:
            return self._restore(page, self.pages.contents[src])
        model_page = self._model_page(page)
        if model_page is None:
            if key is not None:
                self.pages.contents[src] = Content(
                    key, html, page.toc, page._title_from_render, page.present_anchor_ids, page.links_to_anchors
                )
            return html
        work = PageWork(self.edition, model_page, html)
        self.places.update(work.places)
        page.edition_search_html = work.search_html  # what the search index reads (search_text.py)
        if key is not None:
            self.pages.contents[src] = Content(
                key,
                work.body,
                page.toc,
                page._title_from_render,
                page.present_anchor_ids,
                page.links_to_anchors,
                work.places,
                work.search_html,
                work.cards,
            )
        return work.body + kept.cards(self.kept, self.edition, work.cards)

    def _restore(self, page, content: Content) -> str:
        """The cached page, as if rendered: its content, table of contents, title, anchors, places, cards."""
        page.toc, page._title_from_render = content.toc, content.title
        page.present_anchor_ids, page.links_to_anchors = content.anchors, content.links
        self.places.update(content.places)
        if content.search_html is None:
            return content.html
        page.edition_search_html = content.search_html
        return content.html + kept.cards(self.kept, self.edition, content.cards)

    @event_priority(100)  # before Material's search plugin (default priority 0) reads the page
    def on_page_context(self, context, page, config, nav):
        search_text.read_searchable(config, self.pages if self.serving else None)
        if self.serving and page.edition_content_key is not None:
            page.edition_template_key = self.pages.template_key(page, nav)  # pagecache.ReusingTemplate
        return context

    def on_post_page(self, output, page, config):
        """Fill in the paragraph numbers of the apparatus, now that every page has been numbered."""

        def fill(match):
            url, pid = self._place(
                page, match.group(2), "a link of the apparatus", "the data file that quotes the words of that place"
            )
            return f'<a class="place" href="{url}#{pid}">{place_label(pid)}</a>'

        return self._fill_timeline(page, _PLACE.sub(fill, output))

    def _place(self, page, key: str, link: str, source: str) -> tuple[str, str]:
        """The page and paragraph the build found for `key`; a link to a place no page has stops the build."""
        if key not in self.places:
            raise PluginError(
                f"{page.file.src_uri}: {link} names the place {key!r}, which no page has\n    fix: check {source}"
            )
        return self.places[key]

    # -- the chronology's timeline -------------------------------------------------------------------------
    def _fill_timeline(self, page, output: str) -> str:
        """The links of the timeline to the paragraphs of its events (their keys are places like the others)."""

        def fill(match):
            attribute, _path, key = match.groups()
            url, pid = self._place(
                page, key, "a link of the timeline", "the event's quote and place in data/chronology.yml"
            )
            return f'{attribute}="{url}#{pid}"'

        return _TIMELINE_HREF.sub(fill, output)

    def on_post_build(self, config):
        """The open data; then a link of the apparatus to a place that does not exist fails the build."""
        site = Path(config.site_dir)
        scan.fill_policies(site, Path(config.docs_dir))  # the security policy's script hashes, page by page
        # the open data, before the link check; a preview's rebuild offers those of the last `make build`
        if not (self.serving and downloads.offer_last(self.edition, self.root / "site", site)):
            downloads.write(self.edition, site, self.places)
        book_pdf.offer_last(self.root / "site", site)  # `mkdocs serve`: the PDF and EPUB of the last `make build`
        broken = broken_links(site, urlsplit(config.site_url or "").path)  # 404.html: under site_url
        if broken:
            raise PluginError(
                "internal links that lead nowhere:\n  "
                + "\n  ".join(broken[:50])
                + "\n    fix: correct the link in the Markdown or data file that made it"
            )
        themes = tuple(Path(d) for d in config.theme.dirs if not Path(d).resolve().is_relative_to(self.root))
        scan.check_output(site, themes, self.scanned)  # nothing a browser would run or fetch from another host
