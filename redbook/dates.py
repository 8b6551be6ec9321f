"""The English names of the months, once for the whole edition (not the locale's: the build's words must not
depend on the machine that runs it)."""

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
