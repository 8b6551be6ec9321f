"""Jinja2 macros (mkdocs-macros) that render the edition model for the web.

Chapter pages call {{ note(n) }} where the copy-text prints [n]; everything else here runs by itself
around each page: the heading, the emendations and the list of notes.
"""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from mkdocs.exceptions import PluginError

import redbook
from redbook.emendations import locate
from redbook.errors import Collector
from redbook.model import _strip_macros

from . import apparatus, notes, sandbox, sources
from . import emendations as emendation_html

_state: dict = {"calls": {}}


def _edition(env) -> redbook.Edition:
    try:
        return redbook.load_cached(Path(env.project_dir))
    except redbook.EditionError as err:
        raise PluginError(str(err)) from None


def _page(env):
    return _edition(env).pages.get(Path(env.page.file.src_uri).stem)


def define_env(env) -> None:
    _edition(env)  # validate all sources before anything is written
    sandbox.install(env)  # pages are rendered in Jinja2's sandbox, seeing only the macros (macros/sandbox.py)
    # Feature modules of this package (persons, dossiers, sources ...) register their own macros:
    # each defines register(env, edition), where edition() returns the current model.
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "register"):
            module.register(env, lambda: _edition(env))

    @env.macro
    def note(number: int) -> str:
        """The marker of note `number`, opening the note's text in a popover."""
        edition = _edition(env)
        calls = _state["calls"]
        calls[number] = calls.get(number, 0) + 1
        return notes.note_call(edition, edition.note(number), calls[number])

    @env.macro
    def editorial(statement: str) -> str:
        """A remark of this edition's editors in the reading text (not part of the copy-text)."""
        return apparatus.editorial(statement)

    @env.macro
    def contents() -> str:
        return apparatus.contents(_edition(env))

    @env.macro
    def emendation_table() -> str:
        return apparatus.emendation_table(_edition(env))

    @env.macro
    def supplied_titles() -> str:
        return apparatus.supplied_titles(_edition(env))

    @env.macro
    def edition_count(what: str) -> int:
        edition = _edition(env)
        return {"emendations": len(edition.emendations), "notes": len(edition.notes)}[what]


def on_pre_page_macros(env) -> None:
    """Before the macros run: the chapter's heading, and its emendations spliced into the Markdown."""
    _state["calls"] = {}
    page = _page(env)
    if page is None or not page.is_reading_text:
        return
    edition = _edition(env)
    problems = Collector()
    spans = locate(_strip_macros(env.markdown), edition.emendations_of_page(page.stem), page.path, problems)
    if problems.problems:
        raise PluginError(str(redbook.EditionError(problems.problems)))
    env.markdown = emendation_html.apply(env.markdown, spans)
    if page.part != "front":
        env.markdown = apparatus.chapter_heading(page) + env.markdown


def on_post_page_macros(env) -> None:
    """After the macros ran: the chapter's notes, in the book's order, at its end."""
    page = _page(env)
    if page is None:
        return
    edition = _edition(env)
    page_notes, gaps = edition.notes_of(page.stem), edition.gaps_of(page.stem)
    if page_notes or gaps:
        env.markdown += "\n\n" + notes.notes_section(edition, page_notes, gaps, _state["calls"]) + "\n"
    env.markdown += "\n\n" + sources.cite_this(edition, page, env.conf) + "\n"  # "Cite this page"
