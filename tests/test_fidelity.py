"""The text is sacred: the built site gives every word of the copy-text, in order, and nothing else."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from redbook.copytext import COPYTEXT, words
from redbook.fidelity import copytext_words_of_page

from support import first_difference

ROOT = Path(__file__).resolve().parent.parent
SHARED_COPYTEXT = ROOT.parent / "shared" / "source" / "red-book-part1.etol.txt"


def test_copytext_is_the_one_received():
    if not SHARED_COPYTEXT.exists():
        pytest.skip("../shared/source is not beside this checkout")
    ours, received = (ROOT / COPYTEXT).read_bytes(), SHARED_COPYTEXT.read_bytes()
    assert hashlib.sha256(ours).hexdigest() == hashlib.sha256(received).hexdigest()


def test_copytext_is_as_described():
    data = (ROOT / COPYTEXT).read_bytes()
    assert data.count(b"\n") == 632 and not data.endswith(b"\n")  # "632 lines" as wc counts them


def test_site_gives_every_word_of_the_copytext_in_order(site, edition, capsys):
    expected = words((ROOT / COPYTEXT).read_text(encoding="utf-8"))
    actual = []
    for page in edition.reading_pages():
        actual += copytext_words_of_page((site / page.url).read_text(encoding="utf-8"))
    with capsys.disabled():
        print(
            f"\nfidelity: compared {len(expected)} words of the copy-text with {len(actual)} words "
            f"read back from {len(edition.reading_pages())} pages of the built site"
        )
    assert actual == expected, first_difference(expected, actual, "site")


def test_the_proof_notices_a_lost_word(site, edition):
    """The comparison is not vacuous: dropping one word from a built page makes it fail."""
    page = edition.pages["chapter-3"]
    html = (
        (site / page.url)
        .read_text(encoding="utf-8")
        .replace("nothing was known of the assassin", "nothing known of the assassin", 1)  # words no mark interrupts
    )
    original = copytext_words_of_page((site / page.url).read_text(encoding="utf-8"))
    assert copytext_words_of_page(html) != original
    assert len(copytext_words_of_page(html)) == len(original) - 1
