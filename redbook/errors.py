"""Errors a contributor can act on: each names a file, a line, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    what: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.what}\n    fix: {self.fix}"


class EditionError(Exception):
    """One or more problems in the edition's sources; the build stops before writing anything."""

    #: Problems shown in full; the rest are counted by file, so that the first ones, which usually explain the
    #: others, are not buried under a hundred that follow from them.
    SHOWN = 20

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        head = f"The edition's sources have {count} problem{'s' if count != 1 else ''}:"
        lines = [head, *map(str, self.problems[: self.SHOWN])]
        rest = self.problems[self.SHOWN :]
        if rest:
            files: dict[str, int] = {}
            for problem in rest:
                files[problem.path] = files.get(problem.path, 0) + 1
            where = ", ".join(f"{n} in {path}" for path, n in files.items())
            lines.append(f"... and {len(rest)} more ({where}); fix the first ones above, which often cause the rest")
        super().__init__("\n".join(lines))


class Collector:
    """Gathers problems so that a contributor sees all of them at once, not one per build."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, line: int | None, what: str, fix: str) -> None:
        self.problems.append(Problem(str(path), line, what, fix))

    def raise_if_any(self) -> None:
        if self.problems:
            raise EditionError(self.problems)
