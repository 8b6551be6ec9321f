"""The edition's licences, as data (data/licence.yml): read once, checked with file and line, used everywhere
the edition states its rights (title page, PDF imprint, EPUB colophon, downloads, provenance, TEI, CITATION.cff).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redbook.errors import Collector
from redbook.mapping import check_mapping
from redbook.yamlsrc import read_yaml

LICENCE_FILE = Path("data/licence.yml")
TOP_KEYS = {"holder", "year", "content", "code", "third_party", "statement", "copytext"}
LICENCE_KEYS = {"spdx", "name", "url", "file", "covers"}


@dataclass(frozen=True)
class Licence:
    spdx: str  # CC-BY-4.0, MIT, OFL-1.1
    name: str
    url: str
    file: str  # its text in the repository
    covers: str

    def record(self) -> dict:
        """As the downloads give it: {"id": "CC-BY-4.0", "name": ..., "url": ..., "covers": ...}."""
        return {"id": self.spdx, "name": self.name, "url": self.url, "covers": " ".join(self.covers.split())}


@dataclass(frozen=True)
class Licences:
    holder: str
    year: int
    content: Licence  # the edition's own editorial work and data
    code: Licence
    third_party: tuple[Licence, ...]
    statement: str  # the sentence of the title page, the imprint and the colophon
    copytext: str  # what the edition says of the copy-text's rights

    def record(self) -> dict:
        """The `license` field of every download."""
        return {
            **self.content.record(),
            "copytext": " ".join(self.copytext.split()),
            "code": self.code.spdx,
        }


def load(root: Path, problems: Collector | None = None) -> Licences | None:
    """Read data/licence.yml; report each mistake with its line (raise at once when no collector is given)."""
    own = problems is None
    problems = problems or Collector()
    display = LICENCE_FILE.as_posix()
    path = Path(root) / LICENCE_FILE
    if not path.exists():
        problems.add(
            display,
            None,
            "the edition's licences are missing",
            "restore data/licence.yml (holder, year, content, code, third_party, statement, copytext)",
        )
        result = None
    else:
        result = _parse(path, display, problems)
    if own:
        problems.raise_if_any()
    return result


def _parse(path: Path, display: str, problems: Collector) -> Licences | None:
    data = read_yaml(path, problems, display)
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.add(
            display,
            1,
            "the file must be a set of 'key: value' lines",
            "start with 'holder: ...', 'year: ...', then 'content:' and 'code:' with their fields",
        )
        return None
    count = len(problems.problems)
    check_mapping(data, display, problems, "the licence file", TOP_KEYS)
    for key in sorted(TOP_KEYS - set(data)):
        problems.add(display, 1, f"the field {key!r} is missing", f"add '{key}:' (see the comment at the top)")
    for key in ("holder", "statement", "copytext"):
        if key in data and (not isinstance(data[key], str) or not data[key].strip()):
            problems.add(display, data.key_lines[key], f"'{key}' must be text", "write the words after the colon")
    if "year" in data and (not isinstance(data["year"], int) or isinstance(data["year"], bool)):
        problems.add(display, data.key_lines["year"], "'year' must be a year such as 2026", "write four digits")
    content = _licence(data.get("content"), display, data.key_lines.get("content", 1), problems)
    code = _licence(data.get("code"), display, data.key_lines.get("code", 1), problems)
    third = data.get("third_party") or []
    if not isinstance(third, list):
        problems.add(
            display,
            data.key_lines.get("third_party", 1),
            "'third_party' must be a list",
            "give each third-party part as '- spdx: ...' with its fields",
        )
        third = []
    others = tuple(_licence(item, display, getattr(item, "line", 1), problems) for item in third)
    if len(problems.problems) > count or content is None or code is None or None in others:
        return None
    return Licences(
        data["holder"],
        data["year"],
        content,
        code,
        others,
        " ".join(data["statement"].split()),
        " ".join(data["copytext"].split()),
    )


def _licence(item, display: str, line: int, problems: Collector) -> Licence | None:
    if not isinstance(item, dict):
        problems.add(display, line, "a licence must be a set of fields", f"give {', '.join(sorted(LICENCE_KEYS))}")
        return None
    ok = True
    ok = check_mapping(item, display, problems, "a licence", LICENCE_KEYS) and not (set(item) - LICENCE_KEYS)
    for key in sorted(LICENCE_KEYS - set(item)):
        problems.add(display, item.line, f"the licence lacks '{key}'", f"add '{key}:' to it")
        ok = False
    for key in LICENCE_KEYS & set(item):
        if not isinstance(item[key], str) or not item[key].strip():
            problems.add(display, item.key_lines[key], f"'{key}' must be text", "write the words after the colon")
            ok = False
    if ok and not item["url"].startswith(("https://", "http://")):
        problems.add(
            display,
            item.key_lines["url"],
            f"the licence's url {item['url']!r} is not an address",
            "give the licence's public address, beginning with https://",
        )
        ok = False
    return Licence(item["spdx"], item["name"], item["url"], item["file"], item["covers"]) if ok else None


def of(edition) -> Licences:
    """The licences of a loaded edition (the model reads them with the rest: redbook/apparatus/licence.py)."""
    found = edition.apparatus.get("licence")
    return found if found is not None else load(edition.root)
