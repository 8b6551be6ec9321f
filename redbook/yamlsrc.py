"""Read YAML data files and Markdown front matter, keeping line numbers for error messages."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import yaml

from .errors import Collector
from .safety import check_data_text

#: The largest source file read (the largest today, data/persons.yml, is about 50 kB).
MAX_BYTES = 2_000_000
#: Words that mix alphabets are named, up to this many a file; the rest are counted.
MAX_MIXED = 5


class Mapping(dict):
    """A YAML mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict


class _LineLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        """Anchors and aliases (&name, *name) are refused: an alias bomb expands a few lines into millions."""
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name, *name) are not used in the edition's data", event.start_mark
            )
        return super().compose_node(parent, index)


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

if yaml.__with_libyaml__:  # libyaml parses some ten times faster; anchors are then refused from its events

    class _FastLoader(yaml.CSafeLoader):
        pass

    _FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _EventLoader = yaml.CSafeLoader
else:  # pragma: no cover - Debian's and PyPI's PyYAML come with libyaml
    _FastLoader = _EventLoader = _LineLoader


def _refuse_anchors(text: str) -> None:
    """Anchors and aliases (&name, *name) are refused: an alias bomb expands a few lines into millions."""
    if "&" not in text and "*" not in text:
        return
    for event in yaml.parse(text, Loader=_EventLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name, *name) are not used in the edition's data", event.start_mark
            )


def _script(char: str) -> str | None:
    """LATIN, CYRILLIC, GREEK ...: the alphabet of a letter, from its Unicode name."""
    if not char.isalpha():
        return None
    return unicodedata.name(char, "?").split(" ")[0]


def _mixed_scripts(text: str, problems: Collector, display: str) -> None:
    """A word with letters from two alphabets (a Cyrillic 'а' inside 'Kаmenev') is a look-alike mistake;
    Russian words written wholly in Cyrillic are fine."""
    found = _mixed_words(text)
    for line, word, odd, main in found[:MAX_MIXED]:
        problems.add(
            display,
            line,
            f"the word {word!r} mixes alphabets: {odd} inside a {main.title()} word",
            "retype the word in one alphabet (a look-alike letter from another keyboard layout)",
        )
    if len(found) > MAX_MIXED:
        problems.add(
            display,
            None,
            f"{len(found) - MAX_MIXED} more words mix alphabets",
            "retype them in one alphabet; the first ones are listed above",
        )


@functools.lru_cache(maxsize=128)  # the preview reads every source again; an unchanged text is looked at once
def _mixed_words(text: str) -> tuple[tuple[int, str, str, str], ...]:
    """The words of `text` that mix alphabets: (line, word, its odd letters, its main alphabet)."""
    found = []
    for match in re.finditer(r"\w+", text):
        word = match.group(0)
        if word.isascii():
            continue
        scripts = {_script(c) for c in word} - {None}
        if len(scripts) < 2 or not scripts & {"LATIN", "CYRILLIC", "GREEK"}:
            continue
        main = max(scripts, key=lambda s: sum(_script(c) == s for c in word))
        odd = ", ".join(
            f"{c!r} ({unicodedata.name(c, '?')})" for c in dict.fromkeys(word) if _script(c) not in {main, None}
        )
        found.append((text.count("\n", 0, match.start()) + 1, word, odd, main))
    return tuple(found)


def read_text(path: Path, problems: Collector, display: str) -> str | None:
    """Read a source file as UTF-8 with Unix line endings, or report why it cannot be: too large, a byte-order
    mark, a NUL byte, another encoding, other line endings; words that mix alphabets are reported too."""
    if path.is_symlink() or path.resolve() != path.absolute():
        problems.add(
            display,
            None,
            f"the file is a symbolic link (to {path.resolve()})",
            "only files of the repository are published: put the file itself here, not a link to it",
        )
        return None
    size = path.stat().st_size
    if size > MAX_BYTES:
        problems.add(
            display,
            None,
            f"the file is {size:,} bytes, more than the {MAX_BYTES:,} a source file may have",
            "split it, or check that it is the file you meant to add",
        )
        return None
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.add(
            display,
            1,
            "the file begins with a byte-order mark (BOM)",
            "save the file as UTF-8 without BOM (most editors offer it under 'Save with encoding')",
        )
        return None
    if b"\0" in raw:
        problems.add(
            display,
            raw[: raw.index(b"\0")].count(b"\n") + 1,
            "the file contains a NUL byte",
            "remove the invisible character on this line (retype the line), or check that the file is text",
        )
        return None
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
    _mixed_scripts(text, problems, display)
    return text


def _check_values(node, problems: Collector, display: str, depth: int = 0) -> None:
    """Every string of the YAML (keys and values) is data text: no HTML, no template syntax (redbook/safety.py)."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:str" and node.value:
                check_data_text(node.value, problems, display, node.start_mark.line + 1)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)


def parse_yaml(text: str, problems: Collector, display: str, first_line: int = 1):
    """Parse YAML; every line number (of keys, of errors) is the file's own, counted from 1.
    Every string of a YAML source (data files, front matter) is checked as data text (redbook/safety.py).

    The same text is parsed once: a preview's rebuild that loads a part again gets the data of a file that did
    not change without parsing it again (what the parse found is reported again). The data is read, never
    changed, by the parts that ask for it."""
    data, found = _parsed(text, display, first_line)
    problems.problems.extend(found)
    return data


@functools.lru_cache(maxsize=128)
def _parsed(text: str, display: str, first_line: int) -> tuple[object, tuple]:
    problems = Collector()
    return _parse_yaml(text, problems, display, first_line), tuple(problems.problems)


def _parse_yaml(text: str, problems: Collector, display: str, first_line: int = 1):
    # blank lines in front of the text shift every mark to its line in the file
    text = "\n" * (first_line - 1) + text
    loader = _FastLoader(text)
    try:
        _refuse_anchors(text)
        node = loader.get_single_node()
        if node is None:
            return None
        _check_values(node, problems, display)
        return loader.construct_document(node)
    except RecursionError:
        problems.add(
            display,
            first_line,
            "malformed YAML: nested too deeply",
            "write the data as the file's header describes, a list of entries with fields",
        )
        return None
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
    finally:
        loader.dispose()


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


def read_yaml(path: Path, problems: Collector, display: str):
    """A YAML data file read (read_text) and parsed (parse_yaml); None where either failed, the problem reported."""
    text = read_text(path, problems, display)
    return parse_yaml(text, problems, display) if text is not None else None
