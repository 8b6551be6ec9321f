"""Finding every mention of the register's persons in the copy-text: the forms, the shared forms' rules, and
what the text names that the register does not say."""

from __future__ import annotations

from ...passages import Passages, Place, Segment, finder, line_of, searchable, segments  # noqa: F401
from .model import (  # noqa: F401
    Mention,
    Occurrence,
    Register,
)


def find(checker, persons, groups, rules) -> Register:
    owners = checker.owners
    pattern = finder(owners) if owners else None
    occurrences: dict[str, list[Occurrence]] = {}
    mentions: list[Mention] = []
    seen_forms: set[str] = set()
    used_contexts: set[tuple[str, str]] = set()
    ordinals: dict[tuple[str, str], int] = {}
    copytext = checker.edition.copytext
    where = "source/red-book-part1.etol.txt"
    for seg in checker.segments if pattern else []:
        stem, note, text = seg.page, seg.note, seg.text(copytext)
        for match in pattern.finditer(text):
            form = match.group("form")
            seen_forms.add(form)
            keys = resolve(form, match.start(), text, rules, owners, used_contexts)
            if keys is None:
                if form not in rules:  # reported once, for the form, by shared_forms()
                    continue
                line = line_of(copytext, seg.start + match.start())
                checker.problems.add(
                    where,
                    line,
                    f"the form {form!r} may name {' or '.join(owners[form])}, "
                    f"and no rule of {checker.display} says which one it names here",
                    f"add under shared_forms, for {form!r}:  contexts: [{{words: <words around it>, "
                    "person: KEY}]  or a default",
                )
                continue
            made = []
            for key in keys:
                ordinals[(stem, key)] = ordinals.get((stem, key), 0) + 1
                made.append(Mention(key, stem, note, match.start(), match.end(), form, ordinals[(stem, key)]))
            mentions.extend(made)
            occurrences.setdefault(stem, []).append(
                Occurrence(stem, note, match.start(), match.end(), form, tuple(made))
            )
    for rule in rules.values():
        for words, key in rule.contexts:
            if (words, key) not in used_contexts:
                checker.add(
                    rule.line,
                    f"the context {words!r} of the rule for {rule.form!r} matches nothing in the text",
                    "copy the words exactly from the text, including the form itself",
                )
    register = Register(persons, groups, mentions, occurrences, owners, checker.display)
    counts = {key: 0 for key in persons}
    for m in mentions:
        counts[m.key] += 1
    for p in persons.values():
        for f in (*p.forms, *p.variants):
            if f not in seen_forms:
                checker.add(
                    p.line_of(f),
                    f"{p.key}: the form {f!r} never occurs in the text or the notes",
                    "copy the form exactly as printed, or remove it",
                )
        if counts[p.key] == 0:
            checker.add(
                p.line,
                f"{p.key}: the text and the notes never name this person",
                "remove the entry, or correct its forms to what the text prints",
            )
    return register


def resolve(form, start, text, rules, owners, used) -> tuple[str, ...] | None:
    keys = owners[form]
    if len(keys) == 1:
        return (keys[0],)
    rule = rules.get(form)
    if rule is None:
        return None
    if rule.all:
        return tuple(keys)
    for words, key in rule.contexts:
        offset = words.index(form)
        at = start - offset
        if at >= 0 and text[at : at + len(words)] == words:
            used.add((words, key))
            return (key,)
    return (rule.default,) if rule.default else None
