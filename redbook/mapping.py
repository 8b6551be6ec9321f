"""The one check of a YAML mapping's keys: what a data file may say is declared as data, and a key it does not
know, or a key it lacks, is reported once, in one wording, on the key's own line."""

from __future__ import annotations

import difflib

from .errors import Collector


def check_mapping(
    item,
    display: str,
    problems: Collector,
    what: str,
    allowed: set[str] | frozenset[str],
    required: set[str] | frozenset[str] = frozenset(),
) -> bool:
    """Report unknown and missing keys of `item` (a redbook.yamlsrc.Mapping) describing `what`.

    Returns False when `item` is not a mapping at all or lacks a required key, so that the caller skips the
    entry; unknown keys are reported but do not stop the caller from reading the rest of the entry.
    """
    line = getattr(item, "line", None)
    if not isinstance(item, dict):
        problems.add(
            display,
            line,
            f"{what} must be a mapping (key: value lines), not {type(item).__name__}",
            f"write {what} as indented 'key: value' lines; allowed keys: {', '.join(sorted(allowed))}",
        )
        return False
    key_lines = getattr(item, "key_lines", {})
    for key in item:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            problems.add(
                display,
                key_lines.get(key, line),
                f"unknown field {key!r} in {what}",
                f"{hint}the fields of {what} are: {', '.join(sorted(allowed))}; check the spelling",
            )
    missing = sorted(k for k in required if k not in item or item[k] in (None, ""))
    for key in missing:
        problems.add(display, line, f"{what} lacks the field {key!r}", f"add '{key}: ...' to {what}")
    return not missing
