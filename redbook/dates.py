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


# -- the calendars (issue 26) --------------------------------------------------------------------------------
# Russia used the Julian calendar until 1918-01-31 (Julian), followed by 1918-02-14 (Gregorian). A full day before
# that, of a person who lived under the Russian calendar, says which calendar it is in: " O.S." (Old Style, the
# Julian day, as the source gives it) or " N.S." (New Style, converted to the Gregorian).
GREGORIAN_IN_RUSSIA = "1918-02-14"
OLD_STYLE, NEW_STYLE = "O.S.", "N.S."
STYLES = {OLD_STYLE: "Old Style (Julian calendar)", NEW_STYLE: "New Style (Gregorian calendar)"}


def split_date(text: str) -> tuple[str, str | None]:
    """split_date("1883-09-23 O.S.") == ("1883-09-23", "O.S."); split_date("1936") == ("1936", None)."""
    day, _, style = text.partition(" ")
    return day, (style or None)


def needs_style(text: str) -> bool:
    """Whether `text` is a full day before 1918-02-14 without O.S./N.S. (on an entry not marked Gregorian)."""
    day, style = split_date(text)
    return style is None and len(day) == 10 and day < GREGORIAN_IN_RUSSIA


def date_words(text: str | None) -> str:
    """The date in the edition's words: "1883-09-23 O.S." -> "23 September 1883 (Old Style)", "1917-10" ->
    "October 1917", "1936" -> "1936"."""
    if not text:
        return ""
    day, style = split_date(text)
    parts = day.split("-")
    words = parts[0]
    if len(parts) >= 2:
        words = f"{month_name(int(parts[1]))} {parts[0]}"
    if len(parts) == 3:
        words = f"{int(parts[2])} {words}"
    if style:
        words += f" ({'Old Style' if style == OLD_STYLE else 'New Style'})"
    return words


def span(start: str | None, end: str | None) -> str:
    """ "1917–1926", "from 1917", "until 1926" or "": an office's or a body's dates, as given."""
    if start and end:
        return f"{start}–{end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return ""


def within(day: str, start: str | None, end: str | None) -> bool:
    """Whether `day` can lie in start..end at the precision each gives (calendar styles ignored: the difference,
    13 days at most, is below what this check is for)."""
    day = split_date(day)[0]
    if start:
        start = split_date(start)[0]
        size = min(len(day), len(start))
        if day[:size] < start[:size]:
            return False
    if end:
        end = split_date(end)[0]
        size = min(len(day), len(end))
        if day[:size] > end[:size]:
            return False
    return True


def valid_date(text) -> bool:
    """ "YYYY", "YYYY-MM" or "YYYY-MM-DD", a real day, optionally followed by " O.S." or " N.S."."""
    import datetime as dt
    import re

    if not isinstance(text, str):
        return False
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?: (O\.S\.|N\.S\.))?$", text)
    if not match:
        return False
    year, month, day, _style = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True
