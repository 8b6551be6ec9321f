"""What the preview makes from the model once and keeps across rebuilds while nothing it read has changed: the
person cards after each page of the reading text, and the Markdown of the generated pages.

Each thing is made through redbook.incremental.Reading, which records what of the model it read (the parts of
the apparatus, the notes, what the pages are, their text); a rebuild keeps it while none of that is fresh in the
model the rebuild loaded (edition.fresh), as the model keeps its parts. A model loaded from nothing starts
anew. A full build makes each thing once: a person's card, which follows every page that names the person, is
made once for the whole site.
"""

from __future__ import annotations

from collections.abc import Callable

from redbook.incremental import Reading
from redbook.render import persons as persons_web


class Kept:
    def __init__(self) -> None:
        self.made: dict[object, tuple[str, frozenset]] = {}  # key -> (what was made, what it read)
        self.model: object | None = None  # the token of the model the things were last checked against

    def get(self, edition, key, make: Callable) -> str:
        """What `make(edition)` gives, made again only when something it read last time changed."""
        self._follow(edition)
        if key not in self.made:
            reads: set[str] = set()
            self.made[key] = (make(Reading(edition, reads)), frozenset(reads))
        return self.made[key][0]

    def _follow(self, edition) -> None:
        """Keep what read nothing the model made anew since it was last checked."""
        if edition.token is self.model:
            return
        if self.model is not None and edition.after is self.model and edition.fresh is not None:
            self.made = {key: kept for key, kept in self.made.items() if not kept[1] & edition.fresh}
        else:
            self.made = {}
        self.model = edition.token


def cards(kept: Kept, edition, keys) -> str:
    """The cards of the persons a page names, after its text, in the order of their first mentions."""
    register = persons_web.register_of(edition)
    if register is None or not keys:
        return ""
    made = "".join(kept.get(edition, ("card", key), lambda seen, key=key: _card(seen, key)) for key in keys)
    return f'\n<div class="person-cards" data-copytext="">{made}</div>'


def _card(edition, key: str) -> str:
    register = persons_web.register_of(edition)
    return persons_web.card(edition, register, register.person(key))
