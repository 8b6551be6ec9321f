"""The copy-text and the word sequence the fidelity proof compares."""

from __future__ import annotations

import re
from pathlib import Path

COPYTEXT = Path("source/red-book-part1.etol.txt")
_NOTE_CALL = re.compile(r"\[(\d+)\]")


def words(text: str) -> list[str]:
    """Split into whitespace-separated words, a note call such as [21] counting as a word of its own.

    Punctuation stays attached to its word, so a changed comma or quote mark is a changed word.
    """
    return _NOTE_CALL.sub(r" [\1] ", text).split()
