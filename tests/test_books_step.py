"""The books' step of `make build` (python -m redbook.book SITE): the e-book made in a second process beside the
PDF's layout, and the step failing when either book fails. The books themselves are stubbed here: the full lane
reads the real ones back (tests/test_pdf.py, tests/test_epub.py)."""

from __future__ import annotations

import os

import pytest

import redbook
from redbook.book import __main__ as books
from redbook.errors import Problem


@pytest.fixture
def stubbed(monkeypatch, tmp_path, edition):
    """The two books replaced by stubs that write a file each, naming the process that wrote it."""
    monkeypatch.setattr(redbook, "load", lambda root: edition)

    def write_epub(_edition, site):
        path = site / "red-book.epub"
        path.write_text(str(os.getpid()), encoding="utf-8")
        return path

    def build(site, _output, _edition):
        (site / "red-book.pdf").write_text(str(os.getpid()), encoding="utf-8")
        return {"path": site / "red-book.pdf", "seconds": 0.0, "bytes": 1, "layouts": 1}

    monkeypatch.setattr(books.epub, "write_epub", write_epub)
    monkeypatch.setattr(books.scan, "check_file", lambda path, name: None)
    monkeypatch.setattr(books.pdf, "build", build)
    return tmp_path


def test_the_e_book_is_made_in_a_second_process_beside_the_pdf(stubbed, capsys):
    assert books.main([str(stubbed)]) == 0
    pdf_pid = (stubbed / "red-book.pdf").read_text(encoding="utf-8")
    epub_pid = (stubbed / "red-book.epub").read_text(encoding="utf-8")
    assert pdf_pid == str(os.getpid()) and epub_pid != pdf_pid
    assert "pdf: " in capsys.readouterr().out


def test_a_failed_e_book_fails_the_step(stubbed, monkeypatch, capsys):
    def failing(_edition, _site):
        raise redbook.EditionError([Problem("data/publication.yml", 3, "a planted failure", "none")])

    monkeypatch.setattr(books.epub, "write_epub", failing)
    assert books.main([str(stubbed)]) == 1
    assert (stubbed / "red-book.pdf").exists()  # the PDF was laid out all the same
    assert "the e-book failed" in capsys.readouterr().err
