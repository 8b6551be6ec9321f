"""The preview's page cache: a page whose inputs did not change since the last rebuild is not rendered again.

`mkdocs serve` keeps one plugin instance for the whole preview (the plugin defines on_startup), and with it this
cache. For each page it keeps, under a key made of the digests of the page's inputs:

- the content: the HTML of the page's Markdown after the macros and the page work, its table of contents, the
  title found in it, its anchors (MkDocs checks links against them), the places of the apparatus it holds (anchor
  -> paragraph) and the text the search index reads; for a page of the reading text the person cards are left
  out and put after it at every rebuild (a card gives the edition's identification, which changes without the
  page), from the cards redbook/plugin/kept.py keeps by what each one read;
- the search index's entries for the page (Material's search plugin);
- the page as the theme's template wrote it, before on_post_page (which fills in the apparatus's links from the
  places of every page, and so always runs).

The keys (see content_key and template_key): the page's Markdown and front matter, its address, the digest of
every input of the model except the other pages' Markdown (data/identifications.yml aside for the reading text:
it reaches a page only through its cards; data/emendations.yml too, for which a page of the reading text is keyed
by its own emendations and their numbers), the front matter of every page (titles and numbers, which the
contents list and the headings give), and the digest of the code, templates and configuration; the template's
output also by the page's final content, its table of contents and the navigation. A full build (`make build`,
CI) starts with an empty cache: the cache is used only by the preview, and tests/test_page_cache.py builds the
same edit cold and warm and compares every output byte for byte.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

#: The code, templates and configuration every page depends on (the digest is taken once a build).
CODE = ("mkdocs.yml", "overrides", "macros", "redbook")
#: The model input a page of the reading text shows only in its person cards, which are made at every rebuild.
CARDS_ONLY = ("data/identifications.yml",)
#: The model input a page of the reading text shows only in part, its own entries, keyed with the page instead
#: (own_emendations): a misprint corrected in one chapter renders that chapter again, not every chapter.
SLICED = ("data/emendations.yml",)


def digest(*parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def tree_digest(root: Path, names) -> str:
    """The digest of every file under the named files and folders of `root` (paths and bytes)."""
    h = hashlib.sha256()
    for name in names:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path] if path.exists() else []
        for file in files:
            if "__pycache__" in file.parts:
                continue
            h.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return h.hexdigest()


@dataclass
class Content:
    key: str
    html: str  # for a page of the reading text, without its person cards
    toc: object
    title: str | None
    anchors: set
    links: dict | None
    places: dict = field(default_factory=dict)
    search_html: str | None = None
    cards: tuple = ()  # the persons whose cards follow the page (reading text)


@dataclass
class Written:
    key: str
    output: str


class PageCache:
    def __init__(self) -> None:
        self.contents: dict[str, Content] = {}  # src_uri -> the content of the last rebuild
        self.written: dict[str, Written] = {}  # src_uri -> the template's output of the last rebuild
        self.search: dict[str, tuple[str, list]] = {}  # src_uri -> (content digest, search entries)
        self.shared = self.shared_reading = self.shared_generated = ""
        self.templates = CompiledTemplates()
        self.reused: set[str] = set()  # the pages whose content this rebuild takes from the cache
        self.rendered: set[str] = set()  # the pages this rebuild renders (for the tests and the bench)

    def start(self, root: Path, model_digests: dict[str, str], front_matters: dict[str, str], config) -> None:
        """The digests every page of this build shares: code and configuration, the model's inputs but the
        pages' Markdown, the front matter of every page."""
        code = tree_digest(root, CODE)
        settings = digest(
            os.environ.get("REDBOOK_SITE_URL", ""),
            os.environ.get("SOURCE_DATE_EPOCH", ""),
            sorted((k, repr(v)) for k, v in (config.extra or {}).items()),
            config.site_url or "",
        )
        others = sorted((p, d) for p, d in model_digests.items() if not p.startswith("docs/"))
        fronts = sorted(front_matters.items())
        self.shared = digest(code, settings, others, fronts)
        reading = [(p, d) for p, d in others if p not in CARDS_ONLY + SLICED]
        self.shared_reading = digest(code, settings, reading, fronts)
        self.shared_generated = digest(code, settings)  # a generated page's Markdown holds all it shows
        self.reused, self.rendered = set(), set()

    def content_key(self, page, markdown: str, own: str | None) -> str:
        """`own`: for a page of the reading text, what it shows of the sliced inputs (own_emendations); None for
        any other page, which is keyed by all of them."""
        if page.file.generated_by is not None:
            shared = self.shared_generated
        else:
            shared = self.shared_reading if own is not None else self.shared
        return digest(shared, page.file.src_uri, page.url, markdown, sorted((page.meta or {}).items(), key=str), own)

    def hit(self, src_uri: str, key: str) -> Content | None:
        entry = self.contents.get(src_uri)
        return entry if entry is not None and entry.key == key else None

    def template_key(self, page, nav) -> str:
        navigation = [(p.file.src_uri, p.title, p.url) for p in nav.pages]
        return digest(self.shared, page.file.src_uri, page.content, toc_outline(page.toc), page.title, navigation)


def own_emendations(edition, stem: str, markdown: str) -> str:
    """A page's own emendations, with their numbers (E1, E2 ... run through the file): those of its text and of
    its notes. A page that prints the number of all emendations (the edition_count macro) has it too."""
    mine = [*edition.emendations_of_page(stem)]
    mine += [em for note in edition.notes_of(stem) for em in edition.emendations_of_note(note.number)]
    own: list = [repr(em) for em in mine]
    if "edition_count" in markdown:
        own.append(("count", len(edition.emendations), len(edition.notes)))
    return repr(own)


def toc_outline(toc) -> list:
    return [(item.id, item.title, item.level, toc_outline(item.children)) for item in toc or []]


class ReusingTemplate:
    """The theme's template, answering with the page's last output where its key holds (PageCache.written)."""

    def __init__(self, template, plugin) -> None:
        self.template, self.plugin = template, plugin

    def render(self, context) -> str:
        page = context.get("page")
        cache, key = self.plugin.pages, getattr(page, "edition_template_key", None)
        src = page.file.src_uri if page is not None else None
        if key is not None:
            last = cache.written.get(src)
            if last is not None and last.key == key:
                return last.output
        output = self.template.render(context)
        if key is not None:
            cache.written[src] = Written(key, output)
        return output

    def __getattr__(self, name):
        return getattr(self.template, name)


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once for the whole preview (MkDocs makes a new Jinja environment for each
    build); Jinja checks each template's source against the compiled one's checksum."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def reuse_templates(env, plugin):
    """Wrap the Jinja environment's get_template so that a page's template can answer from the cache, and give
    it the preview's compiled templates."""
    if getattr(env, "_edition_reusing", False):
        return env
    env.bytecode_cache = plugin.pages.templates
    original = env.get_template

    def get_template(name, *args, **kwargs):
        return ReusingTemplate(original(name, *args, **kwargs), plugin)

    env.get_template = get_template
    env._edition_reusing = True
    return env
