"""Which parts of the apparatus a preview's rebuild must load again, from what each part's load really read.

Each part of the apparatus (redbook/apparatus/) declares INPUTS, the files it reads itself. What it reads of the
rest of the model is recorded while it loads, as build systems record what an output depends on: the part is
handed the edition through `Reading`, which notes each of the model's components it is asked for (the pages, the
notes, the emendations, the copy-text, another part of the apparatus). The model keeps the record
(edition.reads). On a rebuild, a part is loaded again when one of its INPUTS changed or when something it read
changed (a component whose files changed, a part loaded again); otherwise the part of the last build is kept,
with its record.

The pages are read at two depths. Their text (the Markdown's body, its note calls) is the component "pages";
what a page is (its name, title, part, chapter, address: everything but the text) is "frames"; and the copy-text
cut into the pages that give it (redbook/passages.py, the words the parts find their passages in) is "segments".
An edit of a page's words makes "pages" fresh, but "frames" and "segments" only when they come out different
(an early cut-off: the register of persons, which finds its names in the copy-text, is not loaded again after
a word of a chapter changed). tests/test_incremental.py checks the declared inputs against the files a load
opens, and the graph against a full load.
"""

from __future__ import annotations

from .apparatus import parts

#: The model's own components, by the files they come from (redbook/model.py loads them).
COMPONENT_FILES = {
    "pages": "docs/",
    "notes": "footnotes/",
    "emendations": "data/emendations.yml",
    "copytext": "source/",
}
#: The edition's attributes and methods, by the component each one reads (the pages: see _Pages).
ATTRIBUTES = {
    "calls_of": "pages",
    "segments": "segments",
    "notes": "notes",
    "note": "notes",
    "notes_of": "notes",
    "gaps": "notes",
    "gaps_of": "notes",
    "emendations": "emendations",
    "emendation": "emendations",
    "emendations_of_page": "emendations",
    "emendations_of_note": "emendations",
    "copytext": "copytext",
    "site_url": "settings",
}


class _Parts:
    """edition.apparatus as a part sees it while loading: each part it asks for is recorded."""

    def __init__(self, apparatus: dict, reads: set) -> None:
        self._apparatus, self._reads = apparatus, reads

    def __getitem__(self, name):
        self._reads.add(f"part:{name}")
        return self._apparatus[name]

    def get(self, name, default=None):
        self._reads.add(f"part:{name}")
        return self._apparatus.get(name, default)

    def __contains__(self, name) -> bool:
        self._reads.add(f"part:{name}")
        return name in self._apparatus

    def _all(self):
        self._reads.update(f"part:{name}" for name in self._apparatus)
        return self._apparatus

    def values(self):
        return self._all().values()

    def items(self):
        return self._all().items()

    def __iter__(self):
        return iter(self._all())


#: What of a page is its text (the component "pages"); the rest of a page is its frame ("frames").
PAGE_TEXT = frozenset({"body", "markers", "line_of"})


class _Page:
    """A page as a part sees it while loading: its text is recorded as "pages", the rest as "frames"."""

    def __init__(self, page, reads: set) -> None:
        object.__setattr__(self, "_page", page)
        object.__setattr__(self, "_reads", reads)

    def __getattr__(self, name):
        self._reads.add("pages" if name in PAGE_TEXT else "frames")
        return getattr(self._page, name)


class _Pages:
    """edition.pages as a part sees it while loading: which pages there are is a frame."""

    def __init__(self, pages: dict, reads: set) -> None:
        self._pages, self._reads = pages, reads

    def _frames(self) -> dict:
        self._reads.add("frames")
        return self._pages

    def __getitem__(self, stem):
        return _Page(self._frames()[stem], self._reads)

    def get(self, stem, default=None):
        page = self._frames().get(stem)
        return default if page is None else _Page(page, self._reads)

    def __contains__(self, stem) -> bool:
        return stem in self._frames()

    def __iter__(self):
        return iter(self._frames())

    def __len__(self) -> int:
        return len(self._frames())

    def keys(self):
        return self._frames().keys()

    def values(self):
        return [_Page(p, self._reads) for p in self._frames().values()]

    def items(self):
        return [(k, _Page(p, self._reads)) for k, p in self._frames().items()]


def frames(edition) -> list[tuple]:
    """What each page is, its text aside: the component "frames" (compared between two loads)."""
    return [(p.stem, p.path, p.title, p.part, p.chapter, p.title_supplied, p.body_line) for p in edition.pages.values()]


class Reading:
    """The edition as a part sees it while loading: what it reads is recorded in `reads`."""

    def __init__(self, edition, reads: set) -> None:
        object.__setattr__(self, "_edition", edition)
        object.__setattr__(self, "_reads", reads)

    def __getattr__(self, name):
        if name == "apparatus":
            return _Parts(self._edition.apparatus, self._reads)
        if name == "pages":
            return _Pages(self._edition.pages, self._reads)
        if name in ("reading_pages", "chapters"):  # which pages there are is a frame
            listed = getattr(self._edition, name)

            def pages():
                self._reads.add("frames")
                return [_Page(p, self._reads) for p in listed()]

            return pages
        if name == "generated_text":  # the tables the parts that make them (text_of_page) give a page
            self._reads.add("pages")
            parts = self._edition.apparatus.items()
            self._reads.update(f"part:{n}" for n, part in parts if hasattr(part, "text_of_page"))
        elif name in ATTRIBUTES:
            self._reads.add(ATTRIBUTES[name])
        return getattr(self._edition, name)


def changed_components(changed: frozenset[str]) -> set[str]:
    found = {c for c, prefix in COMPONENT_FILES.items() if any(p.startswith(prefix) for p in changed)}
    if "mkdocs.yml" in changed:
        found.add("settings")
    return found


def inputs_of(part) -> tuple[str, ...]:
    """A part's declared files: paths, or folders ending in "/" (every file under them)."""
    return tuple(p if isinstance(p, str) else p.as_posix() for p in getattr(part, "INPUTS", ()))


def declares(part, path: str) -> bool:
    return any(path == i or (i.endswith("/") and path.startswith(i)) for i in inputs_of(part))


def load_parts(edition, problems, previous, changed: frozenset[str]) -> None:
    """Load the parts of the apparatus into edition.apparatus, in their ORDER; keep those of `previous` that
    nothing changed under (with `previous` None, every part is loaded)."""
    fresh = changed_components(changed) if previous is not None else set()
    if "pages" in fresh:  # the early cut-off: what a page is, and the copy-text's cut, compared
        if frames(edition) != frames(previous):
            fresh.add("frames")
        if edition.segments != previous.segments:
            fresh.add("segments")
    for part in parts():
        name = part.NAME
        last_reads = previous.reads.get(name) if previous is not None else None
        stale = (
            previous is None
            or name not in previous.apparatus
            or last_reads is None
            or any(declares(part, path) for path in changed)
            or bool(last_reads & fresh)
        )
        if not stale:
            edition.apparatus[name] = previous.apparatus[name]
            edition.reads[name] = last_reads
            continue
        reads: set[str] = set()
        edition.apparatus[name] = part.load(Reading(edition, reads), problems)
        edition.reads[name] = frozenset(reads)
        fresh.add(f"part:{name}")
    edition.fresh = frozenset(fresh) if previous is not None else None


def graph(edition) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(part, its files, what else it read), in load order: the dependency graph of the model's parts."""
    return [
        (part.NAME, inputs_of(part), tuple(sorted(edition.reads.get(part.NAME, ()))))
        for part in parts()
        if part.NAME in edition.apparatus
    ]
