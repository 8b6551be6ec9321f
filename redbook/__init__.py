"""The Red Book edition's model: load the copy-text, pages, notes and apparatus, validate, answer questions."""

from __future__ import annotations

from pathlib import Path

from .errors import EditionError, Problem
from .model import Edition, load

__all__ = ["Edition", "EditionError", "Problem", "load", "load_cached"]

_cache: dict = {}


def _fingerprint(root: Path) -> tuple:
    """Paths and modification times of every input, so that `mkdocs serve` reloads what changed."""
    files = [p for d in ("docs", "footnotes", "data", "source") for p in sorted((root / d).rglob("*")) if p.is_file()]
    return tuple((str(p), p.stat().st_mtime_ns) for p in files)


def load_cached(root: Path) -> Edition:
    """The model, loaded once per build: the macros and the build hooks share it."""
    root = Path(root).resolve()
    key = (root, _fingerprint(root))
    if _cache.get("key") != key:
        _cache["edition"] = load(root)
        _cache["key"] = key
    return _cache["edition"]
