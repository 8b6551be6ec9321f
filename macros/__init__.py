"""The edition's Jinja2 macros (mkdocs-macros): thin calls into the render layer (redbook/render/).

Chapter pages call {{ note(n) }} where the copy-text prints [n] and {{ cite("key", "locator") }} where the book
names a source; everything else here runs by itself around each page: the heading, the emendations and the list
of notes. The model and the per-page counters are the edition plugin's (redbook/plugin/plugin.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from redbook import licence
from redbook.emendations import locate
from redbook.errors import Collector, EditionError
from redbook.model import strip_macros
from redbook.render import citations, dossiers, emendations, notes, references, titles
from redbook.render import contents as contents_list

from . import sandbox


def _plugin(env):
    plugin = env.conf.plugins.get("redbook")
    if plugin is None or plugin.edition is None:
        raise PluginError("mkdocs.yml: the macros need the edition's plugin\n    fix: list '- redbook' under plugins:")
    return plugin


def _page(env):
    """The model's page being rendered; None for a page that has none, or that the preview takes from its cache."""
    plugin = _plugin(env)
    if plugin.reusing(env.page):
        return None
    return plugin.edition.pages.get(Path(env.page.file.src_uri).stem)


def define_env(env) -> None:
    sandbox.install(env)  # pages are rendered in Jinja2's sandbox, seeing only the macros (macros/sandbox.py)
    citations.warn_unused(_plugin(env).edition)  # a source no place cites fails the strict build

    @env.macro
    def note(number: int) -> str:
        """The marker of note `number`, opening the note's text in a popover."""
        plugin = _plugin(env)
        calls = plugin.page.note_calls
        calls[number] = calls.get(number, 0) + 1
        return notes.note_call(plugin.edition, plugin.edition.note(number), calls[number])

    @env.macro
    def cite(key: str, locator: str = "") -> str:
        """A citation of source `key` where the book names it; `locator`: the date, issue or page it gives."""
        plugin = _plugin(env)
        plugin.page.citations += 1
        return citations.cite_call(plugin.edition, env.page.file.src_uri, key, plugin.page.citations)

    @env.macro
    def dossier_table(number: int) -> str:
        """A table of chapter 6 (1: the eleven in alphabetical order, 2: the four others), from data/dossiers.yml."""
        return dossiers.table(_plugin(env).edition.apparatus["dossiers"], number)

    @env.macro
    def editorial(statement: str) -> str:
        """A remark of this edition's editors in the reading text (not part of the copy-text)."""
        return titles.editorial(statement)

    @env.macro
    def contents() -> str:
        return contents_list.contents(_plugin(env).edition)

    @env.macro
    def emendation_table() -> str:
        return emendations.table(_plugin(env).edition)

    @env.macro
    def supplied_titles() -> str:
        return titles.supplied_titles(_plugin(env).edition)

    @env.macro
    def ref(key: str, locator: str = "") -> str:
        """After a statement of a hand-written page: its reference, linked to the References page."""
        return references.ref_link(_plugin(env).edition, key, locator)

    @env.macro
    def statement(ident: str) -> str:
        """A title-page statement of data/publication.yml, with its ground."""
        edition = _plugin(env).edition
        return references.statement_html(edition, edition.apparatus["statements"].statement(ident))

    @env.macro
    def licence_statement() -> str:
        """The edition's licences in one sentence, marked as the edition's own (not the copy-text's)."""
        return titles.licence_statement(licence.of(_plugin(env).edition))

    @env.macro
    def edition_count(what: str) -> int:
        edition = _plugin(env).edition
        return {"emendations": len(edition.emendations), "notes": len(edition.notes)}[what]


def on_pre_page_macros(env) -> None:
    """Before the macros run: the chapter's heading, and its emendations spliced into the Markdown."""
    page = _page(env)
    if page is None or not page.is_reading_text:
        return
    edition = _plugin(env).edition
    problems = Collector()
    spans = locate(strip_macros(env.markdown), edition.emendations_of_page(page.stem), page.path, problems)
    if problems.problems:
        raise PluginError(str(EditionError(problems.problems)))
    env.markdown = emendations.apply(env.markdown, spans)
    if page.part != "front":
        env.markdown = titles.chapter_heading(page) + env.markdown


def on_post_page_macros(env) -> None:
    """After the macros ran: the chapter's notes, in the book's order, at its end, and "Cite this page"."""
    page = _page(env)
    if page is None:
        return
    plugin = _plugin(env)
    edition = plugin.edition
    page_notes, gaps = edition.notes_of(page.stem), edition.gaps_of(page.stem)
    if page_notes or gaps:
        env.markdown += "\n\n" + notes.notes_section(edition, page_notes, gaps, plugin.page.note_calls) + "\n"
    env.markdown += "\n\n" + citations.cite_this(edition, page, env.conf) + "\n"
