"""The book's lists of persons, generated from the register's groups, and the author's counts checked."""

from __future__ import annotations

from redbook.render import persons as persons_web
from redbook.render import sums as sums_web

PATH = "rosters.md"
TITLE = "Rosters and the author’s counts"
SOURCE = ("data/persons.yml", "data/sums.yml")
ORDER = 21

#: The rosters in the order of the book's argument.
GROUPS = (
    "defendants-1936",
    "set-aside-12",
    "others-41",
    "sentenced-1935",
    "added-1935-9",
    "nikolaev-14",
    "unified-center-7",
    "central-committee-19",
    "control-commission-3",
    "politburo-6",
    "testament-6",
)


def markdown(edition) -> str:
    register = persons_web.register_of(edition)
    out = [f"---\ntitle: {TITLE}\n---\n", f"# {TITLE}\n"]
    if register is None:
        return "\n".join(out) + "\nThe register of persons is empty.\n"
    out.append(
        '<p class="roster-intro">The lists of persons on which the book builds its argument, generated '
        "from the groups of the register of persons (data/persons.yml); each name leads to its entry in the "
        '<a href="persons.html">index of persons</a>. The book’s own count of each list is checked against '
        "the register when the edition is built. After the lists, the book’s sums are recomputed from "
        "the same data.</p>\n"
    )
    keys = [k for k in GROUPS if k in register.groups] + [k for k in register.groups if k not in GROUPS]
    toc = " · ".join(f'<a href="#group-{k}">{register.groups[k].title}</a>' for k in keys)
    out.append(f'<nav class="roster-toc" aria-label="Rosters">{toc} · <a href="#sums">The author’s counts</a></nav>\n')
    out.extend(persons_web.roster(edition, register, k) + "\n" for k in keys)
    out.append(sums_web.sums_section(edition) + "\n")
    return "\n".join(out)
