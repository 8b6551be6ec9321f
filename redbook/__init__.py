"""The Red Book edition's model: load the copy-text, pages, notes and apparatus, validate, answer questions."""

from __future__ import annotations

from pathlib import Path

from .errors import EditionError, Problem
from .model import Edition, load

__all__ = ["Edition", "EditionError", "ModelCache", "Problem", "load"]

INPUTS = ("docs", "footnotes", "data", "source")


def fingerprint(root: Path) -> tuple:
    """Paths, sizes and modification times of every input, so that a preview reloads what changed."""
    files = [p for d in INPUTS for p in sorted((root / d).rglob("*")) if p.is_file()]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


class ModelCache:
    """The model of one project, loaded again only when one of its inputs changed (held by the plugin)."""

    def __init__(self) -> None:
        self.key: tuple | None = None
        self.edition: Edition | None = None

    def load(self, root: Path) -> Edition:
        root = Path(root).resolve()
        key = (root, fingerprint(root))
        if self.edition is None or key != self.key:
            self.edition = load(root)
            self.key = key
        return self.edition
