"""Dates in the edition's words, once for the whole edition: the English names of the months (never the
locale's: the build's words must not depend on the machine that runs it), and a person's life dates."""

from __future__ import annotations

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_name(month: int) -> str:
    """month_name(1) == "January"."""
    return MONTHS[month - 1]


def life_span(born: str | None, died: str | None) -> str:
    """ "1881–1936", "born 1881", "died 1936" or "", as the register and the identifications show life dates."""
    if born and died:
        return f"{born}–{died}"
    if born:
        return f"born {born}"
    if died:
        return f"died {died}"
    return ""
