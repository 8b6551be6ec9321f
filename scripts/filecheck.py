"""Small file checks for pre-commit (see .pre-commit-config.yaml), offline, with the tools of .venv:

    python scripts/filecheck.py yaml FILE...         YAML that parses, without duplicate keys
    python scripts/filecheck.py bib FILE...          BibTeX that pybtex reads, without repeated keys
    python scripts/filecheck.py whitespace FILE...   removes trailing spaces and tabs (and says where)

Each problem is printed as `file:line: what is wrong` with a `fix:` line; the exit status is 1 if there was
any (for `whitespace`: if a file had to be changed, so that the commit is looked at again).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml


def _say(path, line, what: str, fix: str) -> None:
    where = f"{path}:{line}" if line else str(path)
    print(f"{where}: {what}\n    fix: {fix}")


def _duplicate_keys(node, path) -> int:
    """Walk a composed YAML document (tags such as mkdocs.yml's !ENV are left alone) for repeated keys."""
    found = 0
    if isinstance(node, yaml.MappingNode):
        seen: dict = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    _say(
                        path,
                        key.start_mark.line + 1,
                        f"duplicate key {key.value!r} (first on line {seen[key.value]})",
                        "keep one of the two; YAML would silently drop one",
                    )
                    found += 1
                seen.setdefault(key.value, key.start_mark.line + 1)
            found += _duplicate_keys(value, path)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _duplicate_keys(item, path)
    return found


def check_yaml(path: Path) -> int:
    try:
        documents = list(yaml.compose_all(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))
    except UnicodeDecodeError:
        _say(path, None, "the file is not valid UTF-8", "save it with UTF-8 encoding")
        return 1
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        _say(
            path,
            mark.line + 1 if mark else None,
            f"malformed YAML: {err.problem or err}",
            "check indentation and quoting on this line or the one before",
        )
        return 1
    return sum(_duplicate_keys(doc, path) for doc in documents if doc is not None)


def check_bib(path: Path) -> int:
    import pybtex.errors
    from pybtex.database import BibliographyDataError, parse_string
    from pybtex.scanner import PybtexSyntaxError

    pybtex.errors.set_strict_mode(True)
    text = path.read_text(encoding="utf-8")
    try:
        parse_string(text, bib_format="bibtex")
    except PybtexSyntaxError as err:
        _say(
            path,
            err.lineno,
            f"malformed BibTeX: {err.message if hasattr(err, 'message') else err}",
            "check the braces and commas of this entry",
        )
        return 1
    except BibliographyDataError as err:
        key = str(err).rsplit(":", 1)[-1].strip()
        lines = [
            i for i, line in enumerate(text.split("\n"), 1) if re.match(rf"\s*@\w+\s*\{{\s*{re.escape(key)}\s*,", line)
        ]
        _say(
            path,
            lines[-1] if lines else None,
            f"{err}" + (f" (first on line {lines[0]})" if lines else ""),
            "give each work one entry and one key",
        )
        return 1
    except Exception as err:  # pybtex reports some malformed input with its own exception classes
        _say(path, getattr(err, "lineno", None), f"BibTeX that pybtex cannot read: {err}", "correct the entry")
        return 1
    return 0


def fix_whitespace(path: Path) -> int:
    raw = path.read_bytes()
    lines = raw.split(b"\n")
    stripped = [line.rstrip(b" \t") for line in lines]
    if stripped == lines:
        return 0
    for number, (old, new) in enumerate(zip(lines, stripped), start=1):
        if old != new:
            _say(path, number, "trailing whitespace (removed)", "nothing to do: add the file again and commit")
    path.write_bytes(b"\n".join(stripped))
    return 1


CHECKS = {"yaml": check_yaml, "bib": check_bib, "whitespace": fix_whitespace}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in CHECKS:
        print(__doc__)
        return 2
    check = CHECKS[argv[0]]
    return 1 if sum(check(Path(name)) for name in argv[1:]) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
