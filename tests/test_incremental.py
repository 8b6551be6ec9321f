"""The incremental model (redbook/incremental.py): what each part of the apparatus reads, and a preview's model,
loaded again only where an edit reaches, equal to a model loaded from nothing."""

from __future__ import annotations

import builtins
import re
from pathlib import Path

import pytest

import redbook
from redbook import incremental
from redbook.apparatus import parts
from redbook.plugin.kept import Kept

from support import replace_first

# Edits a contributor makes: a word of a chapter, a person's identification, a note, a register entry.
EDITS = {
    "word": ("docs/chapter-3.md", "assassination", "assasination"),
    "identification": ("data/identifications.yml", "a supporter of Zinoviev.", "a supporter of G. Zinoviev."),
    "note": ("footnotes/chapter-3.yml", "the", "the the"),
    "register": ("data/persons.yml", "", ""),  # the first line of the file, changed below to a comment
    "title": ("docs/chapter-3.md", "title: The Assassination of Kirov", "title: The Murder of Kirov"),
}
#: The parts that read no page's text (only what the pages are and the copy-text's cut): kept after a word edit.
TEXT_FREE = {"persons", "organisations", "places", "identifications", "sums", "commentary"}


def _view(part) -> str:
    """A part's data as text, the same for equal data (addresses of objects left out)."""
    shown = part.records() if hasattr(part, "records") else part
    return re.sub(r" at 0x[0-9a-f]+", "", repr(shown))


def test_every_file_a_part_reads_is_one_of_its_declared_inputs(monkeypatch):
    """A part that read a file it does not declare would not be loaded again when that file changes."""
    root = redbook.load(".").root
    opened: dict[str, set[str]] = {}
    current = [None]
    real_open, real_read_text, real_read_bytes = builtins.open, Path.read_text, Path.read_bytes

    def note(path) -> None:
        if current[0] is not None:
            resolved = Path(path).resolve()
            if any(resolved.is_relative_to(root / d) for d in redbook.INPUTS):  # the model's inputs only
                opened.setdefault(current[0], set()).add(resolved.relative_to(root).as_posix())

    def open_(file, *args, **kwargs):
        note(file)
        return real_open(file, *args, **kwargs)

    def read_text(self, *args, **kwargs):
        note(self)
        return real_read_text(self, *args, **kwargs)

    def read_bytes(self):
        note(self)
        return real_read_bytes(self)

    for part in parts():
        load = part.load

        def watched(edition, problems, load=load, name=part.NAME):
            current[0] = name
            try:
                return load(edition, problems)
            finally:
                current[0] = None

        monkeypatch.setattr(part, "load", watched)
    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr(Path, "read_text", read_text)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    redbook.load(root)
    monkeypatch.undo()
    assert opened, "no part was seen reading a file"
    for part in parts():
        undeclared = {path for path in opened.get(part.NAME, set()) if not incremental.declares(part, path)}
        assert not undeclared, f"{part.__name__} reads {sorted(undeclared)} without declaring them in INPUTS"


def test_the_graph_records_what_the_parts_read(edition):
    graph = {name: (files, reads) for name, files, reads in incremental.graph(edition)}
    assert graph["references"] == (("data/references.bib",), ())
    assert "part:persons" in graph["identifications"][1] and "part:references" in graph["identifications"][1]
    assert "pages" in graph["sources"][1]  # it finds the citations in the pages
    assert "pages" not in graph["identifications"][1]


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_rebuild_s_model_loads_again_only_what_the_edit_reaches_and_equals_a_full_load(project_copy, edit):
    cache = redbook.ModelCache()
    before = cache.load(project_copy)
    file, old, new = EDITS[edit]
    if edit == "register":
        path = project_copy / file
        path.write_text("# a contributor's comment\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    else:
        replace_first(project_copy / file, old, new)
    after = cache.load(project_copy)
    full = redbook.load(project_copy)
    assert after is not before
    for name in full.apparatus:
        assert _view(after.apparatus[name]) == _view(full.apparatus[name]), f"{name} differs after the {edit} edit"
    kept = {name for name in after.apparatus if after.apparatus[name] is before.apparatus[name]}
    if edit == "word":  # the early cut-off: the words changed, not what the pages are nor the copy-text's cut
        assert after.fresh is not None and "pages" in after.fresh
        assert not {"frames", "segments"} & after.fresh
        assert TEXT_FREE | {"references", "changelog", "licence"} <= kept
        assert not {"sources", "dossiers", "record", "statements", "chronology"} & kept  # they read the text
    if edit == "title":  # what a page is changed: every part that asked for a page is loaded again
        assert "frames" in after.fresh and "segments" not in after.fresh
        assert not TEXT_FREE & kept and {"references", "changelog", "licence"} <= kept
    if edit == "identification":
        assert kept == set(after.apparatus) - {"identifications"}
    if edit == "register":
        assert "persons" not in kept and "identifications" not in kept and "references" in kept
    if edit == "note":
        assert "references" in kept and "persons" not in kept  # the register reads the notes


def test_a_part_reading_a_page_s_text_or_its_frame_is_recorded_as_such(edition):
    reads: set[str] = set()
    seen = incremental.Reading(edition, reads)
    assert seen.pages["chapter-3"].title == edition.pages["chapter-3"].title and reads == {"frames"}
    assert seen.reading_pages()[0].body == edition.reading_pages()[0].body and reads == {"frames", "pages"}
    reads.clear()
    assert seen.segments == edition.segments and reads == {"segments"}


def test_an_unchanged_project_gives_the_same_model(project_copy):
    cache = redbook.ModelCache()
    assert cache.load(project_copy) is cache.load(project_copy)


# -- what the preview keeps by what it read (redbook/plugin/kept.py) -----------------------------------------
class _Model:
    """A model as Kept sees it: its token, the token of the model it was loaded from, what that load made anew."""

    def __init__(self, persons: str, after=None, fresh=None) -> None:
        self.apparatus = {"persons": persons, "references": "the works"}
        self.token, self.after, self.fresh = object(), after, fresh


def test_what_the_preview_keeps_is_made_again_only_when_something_it_read_is_made_anew():
    kept, made = Kept(), []

    def card(seen):
        made.append(seen.apparatus["persons"])
        return f"card of {seen.apparatus['persons']}"

    first = _Model("Zinoviev")
    assert kept.get(first, "card", card) == "card of Zinoviev" and kept.get(first, "card", card) and len(made) == 1
    second = _Model("Zinoviev", after=first.token, fresh=frozenset({"part:references", "pages"}))
    assert kept.get(second, "card", card) == "card of Zinoviev" and len(made) == 1  # it read neither
    third = _Model("G. Zinoviev", after=second.token, fresh=frozenset({"part:persons"}))
    assert kept.get(third, "card", card) == "card of G. Zinoviev" and len(made) == 2
    unrelated = _Model("Kamenev")  # a model loaded from nothing: nothing is kept
    assert kept.get(unrelated, "card", card) == "card of Kamenev" and len(made) == 3
    skipped = _Model("Smirnov", after=first.token, fresh=frozenset())  # not loaded from the last model checked
    assert kept.get(skipped, "card", card) == "card of Smirnov" and len(made) == 4
