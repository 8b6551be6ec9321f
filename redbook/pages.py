"""The Markdown pages of docs/: which of them carry the reading text, and where their note markers stand."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Collector
from .macrocalls import macro_calls
from .safety import check_markdown, check_title
from .yamlsrc import parse_yaml, read_text, split_front_matter

#: A note marker in a chapter's Markdown: {{ note(17) }} (every macro call is read by redbook/macrocalls.py)
MARKER = re.compile(r"\{\{\s*note\(\s*(\d+)\s*\)\s*\}\}")

PARTS = ("front", "foreword", "chapter")
FRONT_MATTER_KEYS = {"title", "part", "chapter", "title_supplied", "description", "hide", "search"}


@dataclass
class Page:
    stem: str  # "chapter-3": the Markdown file docs/chapter-3.md, the notes file footnotes/chapter-3.yml
    path: str  # as shown in messages: "docs/chapter-3.md"
    title: str
    part: str | None  # front, foreword, chapter; None for pages that carry no copy-text
    chapter: int | None
    title_supplied: str | None
    body: str
    body_line: int  # line of the file where the body starts
    markers: list[tuple[int, int]] = field(default_factory=list)  # (note number, line)

    @property
    def is_reading_text(self) -> bool:
        return self.part is not None

    @property
    def paragraph_prefix(self) -> str | None:
        """The first half of a paragraph number: 3 in 3.12, F in F.4; None where paragraphs are not numbered."""
        if self.part == "chapter":
            return str(self.chapter)
        if self.part == "foreword":
            return "F"
        return None

    @property
    def url(self) -> str:
        return f"{self.stem}.html"

    @property
    def label(self) -> str:
        return f"Chapter {self.chapter}" if self.part == "chapter" else self.title

    def line_of(self, offset: int) -> int:
        """The file line of a character offset in the body."""
        return self.body_line + self.body.count("\n", 0, offset)


def load_page(path: Path, root: Path, problems: Collector) -> Page | None:
    display = path.relative_to(root).as_posix()
    text = read_text(path, problems, display)
    if text is None:
        return None
    front, body, body_line = split_front_matter(text)
    meta = parse_yaml(front, problems, display, first_line=2) if front is not None else {}
    if meta is None:
        return None
    if not isinstance(meta, dict):
        problems.add(
            display,
            2,
            "the front matter is not a set of 'key: value' lines",
            "write the front matter as lines such as 'title: The Assassination of Kirov' between two '---' lines",
        )
        return None
    key_lines = getattr(meta, "key_lines", {})
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            problems.add(
                display,
                key_lines.get(key, 2),
                f"unknown front matter field {key!r}",
                f"use only {', '.join(sorted(FRONT_MATTER_KEYS))}; check the spelling",
            )
    part = meta.get("part")
    if part is not None and part not in PARTS:
        problems.add(
            display,
            key_lines.get("part", 2),
            f"part must be one of {', '.join(PARTS)}, not {part!r}",
            "use 'part: chapter' for a chapter, 'part: foreword' for the foreword",
        )
        part = None
    chapter = meta.get("chapter")
    if part == "chapter" and not isinstance(chapter, int):
        problems.add(
            display,
            key_lines.get("chapter", 2),
            "a chapter page needs 'chapter:' with its number",
            "add a line such as 'chapter: 8' to the front matter",
        )
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.add(display, 2, "the page has no title", "add a line 'title: ...' to the front matter")
        title = path.stem
    for key in ("title", "title_supplied", "description"):
        if isinstance(meta.get(key), str):
            check_title(meta[key], problems, display, key_lines.get(key, 2))
    check_markdown(body, problems, display, body_line)  # raw HTML, attribute lists, links: redbook/safety.py
    calls = macro_calls(body, problems, display, body_line)  # before anything is rendered
    page = Page(
        stem=path.stem,
        path=display,
        title=title,
        part=part,
        chapter=chapter if part == "chapter" else None,
        title_supplied=meta.get("title_supplied"),
        body=body,
        body_line=body_line,
    )
    page.markers = [(call.args[0], call.line) for call in calls if call.name == "note"]
    return page
