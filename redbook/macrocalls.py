"""The one reader of template syntax in the edition's Markdown: every `{{ ... }}` must be a call of one of the
edition's macros with literal arguments (whole numbers and strings), and nothing else.

mkdocs-macros hands every page to Jinja2, which would evaluate any expression it finds: attribute access,
filters, blocks, comments, variables of the build. So the model reads each page first and refuses, with the
file, the line and the calls that are allowed, everything that is not one of the calls below. The inside of
`{{ ... }}` is parsed with Python's own parser (`ast`) as a single call whose arguments are literals.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .errors import Collector

#: The macros the edition defines (macros/__init__.py, redbook/render/citations.py, redbook/render/dossiers.py), with the types
#: of their arguments: (required, optional). tests/test_hostile.py checks this table against macros/.
ALLOWED: dict[str, tuple[tuple[type, ...], tuple[type, ...]]] = {
    "note": ((int,), ()),
    "cite": ((str,), (str,)),
    "dossier_table": ((int,), ()),
    "editorial": ((str,), ()),
    "contents": ((), ()),
    "emendation_table": ((), ()),
    "supplied_titles": ((), ()),
    "edition_count": ((str,), ()),
    "ref": ((str,), (str,)),
    "statement": ((str,), ()),
    "licence_statement": ((), ()),
}

_EXAMPLES = {int: "17", str: '"text"'}


def allowed_calls() -> str:
    """The allowed calls, as a contributor would write them."""
    forms = []
    for name, (required, optional) in ALLOWED.items():
        args = [_EXAMPLES[t] for t in required] + [f"[{_EXAMPLES[t]}]" for t in optional]
        forms.append(f"{{{{ {name}({', '.join(args)}) }}}}")
    return ", ".join(forms)


@dataclass(frozen=True)
class Call:
    line: int  # the file's line where the call starts
    name: str
    args: tuple  # literal arguments: ints and strings
    source: str  # the call as written, braces included


def _end_of_expression(text: str, start: int) -> int:
    """Index of the '}}' closing the expression that starts at `start`, skipping string literals; -1 if none."""
    i, quote = start, None
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 2
                continue
            if c == quote or c == "\n":  # a string literal does not span lines
                quote = None
        elif c in "'\"":
            quote = c
        elif text.startswith("}}", i):
            return i
        elif c == "\n":  # a macro call stands on one line
            return -1
        i += 1
    return -1


def _literal(node: ast.expr):
    """The value of a literal argument, or None when the argument is not a whole number or a string."""
    if isinstance(node, ast.Constant) and type(node.value) in (int, str):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        if type(node.operand.value) is int:
            return -node.operand.value
    return None


def _parse(inner: str) -> tuple[str, tuple] | str:
    """(name, args) of a well-formed call, or the reason it is not one."""
    if inner.startswith("-") or inner.endswith("-"):
        return "whitespace control ('{{-' or '-}}') is template syntax, not a macro call"
    try:
        tree = ast.parse(inner.strip(), mode="eval")
    except (SyntaxError, ValueError):
        return "it is not a macro call of the form name(arguments)"
    call = tree.body
    if not isinstance(call, ast.Call):
        what = type(call).__name__
        reason = {
            "Name": "a variable",
            "Attribute": "attribute access",
            "Subscript": "an index or key lookup",
            "BinOp": "an operation",
            "Compare": "a comparison",
        }.get(what, "an expression")
        return f"it is {reason}, not a call of one of the edition's macros"
    if not isinstance(call.func, ast.Name):
        return "only a macro's own name may be called (no attribute access, no call of a call)"
    if call.keywords:
        return "arguments are given by position only, without names"
    args = []
    for arg in call.args:
        value = _literal(arg)
        if value is None:
            return "every argument must be a whole number or a string in straight quotes"
        if isinstance(value, str) and ("\\" in ast.get_source_segment(inner.strip(), arg)):
            return "a string argument must not contain backslashes"
        args.append(value)
    return call.func.id, tuple(args)


def _check_signature(name: str, args: tuple) -> str | None:
    if name not in ALLOWED:
        return f"{name!r} is not one of the edition's macros"
    required, optional = ALLOWED[name]
    if not len(required) <= len(args) <= len(required) + len(optional):
        return (
            f"{name}() takes {len(required)}"
            + (f" to {len(required) + len(optional)}" if optional else "")
            + " arguments"
        )
    for value, kind in zip(args, (*required, *optional)):
        if type(value) is not kind:
            return f"{name}() wants {'a whole number' if kind is int else 'a string'} where {value!r} is given"
    return None


def macro_calls(text: str, problems: Collector, display: str, first_line: int = 1) -> list[Call]:
    """Every macro call in `text` (a page's body, whose first line is line `first_line` of the file);
    everything else the template engine would evaluate is reported to `problems`."""
    calls: list[Call] = []
    fix = f"write only the edition's macro calls, with literal arguments: {allowed_calls()}"

    def report(offset: int, what: str, how: str = fix) -> None:
        problems.add(display, first_line + text.count("\n", 0, offset), what, how)

    i = 0
    while True:
        starts = [p for p in (text.find("{{", i), text.find("{%", i), text.find("{#", i)) if p != -1]
        if not starts:
            return calls
        start = min(starts)
        kind = text[start : start + 2]
        if kind == "{%":
            end = text.find("%}", start)
            report(
                start,
                f"template block {text[start : end + 2 if end != -1 else start + 40]!r}: content may not "
                "carry template statements ({% ... %})",
            )
            i = start + 2
            continue
        if kind == "{#":
            report(
                start,
                "'{#' opens a template comment, which would hide the text after it",
                "write an attribute list with a space, '{ #anchor }', or remove the '{#'",
            )
            i = start + 2
            continue
        end = _end_of_expression(text, start + 2)
        if end == -1:
            report(
                start,
                f"'{{{{' without its closing '}}}}': {text[start : start + 40]!r}",
                "close the macro call with '}}' on the same line, e.g. {{ note(17) }}",
            )
            return calls
        source = text[start : end + 2]
        source = source if len(source) <= 80 else source[:77] + "..."
        parsed = _parse(text[start + 2 : end])
        if isinstance(parsed, str):
            report(start, f"{source!r}: {parsed}")
        else:
            name, args = parsed
            wrong = _check_signature(name, args)
            if wrong:
                report(start, f"{source!r}: {wrong}")
            else:
                calls.append(Call(first_line + text.count("\n", 0, start), name, args, source))
        i = end + 2
