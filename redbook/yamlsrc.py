"""Read YAML data files and Markdown front matter, keeping line numbers for error messages."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Collector
from .safety import scan


class Mapping(dict):
    """A YAML mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Mapping:
    result = Mapping()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {result.key_lines[key]})", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_text(path: Path, problems: Collector, display: str) -> str | None:
    """Read a source file as UTF-8 with Unix line endings, or report why it cannot be."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.add(
            display,
            line,
            "the file is not valid UTF-8",
            "save the file with UTF-8 encoding (most editors offer it under 'Save with encoding')",
        )
        return None
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        problems.add(
            display,
            line,
            "the file has Windows (CRLF) or old Mac (CR) line endings",
            "save the file with Unix (LF) line endings; .gitattributes asks git to do this",
        )
        return None
    return text


def parse_yaml(text: str, problems: Collector, display: str, first_line: int = 1):
    """Parse YAML; every line number (of keys, of errors) is the file's own, counted from 1.
    Every YAML source (data files, front matter) is also refused if it carries scripts (redbook/safety.py)."""
    scan(text, problems, display, first_line)
    try:
        # blank lines in front of the text shift every mark to its line in the file
        return yaml.load("\n" * (first_line - 1) + text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else first_line
        what = f"malformed YAML: {err.problem or err}"
        if err.context:
            what += f" ({err.context})"
        problems.add(
            display,
            line,
            what,
            "check indentation and quoting on this line or the one before; "
            "text containing ': ' or starting with a quote must be put in quotes",
        )
        return None


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter, body, line number where the body starts)."""
    if not text.startswith("---\n"):
        return None, text, 1
    end = text.find("\n---\n", 4)
    if end == -1:
        return text[4:], "", 1
    front = text[4 : end + 1]
    body = text[end + 5 :]
    return front, body, front.count("\n") + 3
