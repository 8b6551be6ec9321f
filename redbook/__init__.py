"""The Red Book edition's model: load the copy-text, pages, notes and apparatus, validate, answer questions."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import EditionError, Problem
from .model import Edition, load

__all__ = ["Edition", "EditionError", "ModelCache", "Problem", "load"]

INPUTS = ("docs", "footnotes", "data", "source")


def digests(root: Path) -> dict[str, str]:
    """The digest of each input file's bytes, by its path in the project ("data/persons.yml")."""
    files = [p for d in INPUTS for p in sorted((root / d).rglob("*")) if p.is_file()]
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


class ModelCache:
    """The model of one project, loaded again only when one of its inputs changed (held by the plugin)."""

    def __init__(self) -> None:
        self.key: tuple | None = None
        self.edition: Edition | None = None
        self.digests: dict[str, str] = {}  # of the inputs of the model last loaded

    def load(self, root: Path) -> Edition:
        root = Path(root).resolve()
        now = digests(root)
        key = (root, tuple(sorted(now.items())))
        if self.edition is None or key != self.key:
            same_root = self.key is not None and self.key[0] == root
            changed = frozenset(p for p in set(now) | set(self.digests) if now.get(p) != self.digests.get(p))
            self.edition = load(root, self.edition, changed) if same_root else load(root)
            self.key, self.digests = key, now
        return self.edition
