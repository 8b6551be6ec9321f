"""The chronology as open data: JSON, CSV and iCalendar, made from the model's records (Chronology.records()).

    to_json(records)                   the events with what the data is, as one JSON document
    to_csv(records)                    one row an event; the other date's fields flattened (other_date_*)
    to_ics(records, dtstamp)           RFC 5545: one all-day VEVENT an event (DTSTART;VALUE=DATE and DTEND the
                                       day after its last day), lines folded at 75 octets, CRLF
    write(edition, folder, moment)     chronology.json, chronology.csv, chronology.ics into `folder`

A date given as a month or a year becomes an event covering that month or year: iCalendar has no partial
dates, and the first day alone would claim a precision the book does not give (`precision` says which).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from redbook.downloads import siteplaces
from redbook.downloads.siteplaces import Places
from redbook.render import timeline

ABOUT = (
    "The dates that L. Sedov, The Red Book on the Moscow Trials (1936), part I, and its notes give, sorted in "
    "time, with the book's words and their place; a year supplied from context is marked (year_supplied, "
    "why); where a reference gives another date for the same event, it is given with its evidence."
)
SOURCE = "data/chronology.yml"
CSV_FIELDS = (
    "id",
    "date",
    "start",
    "end",
    "precision",
    "label",
    "when",
    "year_supplied",
    "why",
    "event",
    "quote",
    "page",
    "note",
    "place",
    "paragraph",
    "url",
    "other_date",
    "other_date_start",
    "other_date_end",
    "other_date_remark",
    "other_date_evidence",
)
PRODID = "-//Red Book on the Moscow Trials edition//Chronology//EN"
UID_DOMAIN = "chronology.red-book"


def to_json(records: list[dict]) -> str:
    data = {"about": ABOUT, "source_file": SOURCE, "count": len(records), "events": records}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv_row(record: dict) -> dict:
    other = record.get("other_date") or {}
    row = {k: record.get(k) for k in CSV_FIELDS if not k.startswith("other_date")}
    row["year_supplied"] = "true" if record["year_supplied"] else "false"
    row.update(
        {
            "other_date": other.get("date", ""),
            "other_date_start": other.get("start", ""),
            "other_date_end": other.get("end", ""),
            "other_date_remark": other.get("remark", ""),
            "other_date_evidence": "; ".join(f"{ev['ref']}: {ev['at']}" for ev in other.get("evidence", [])),
        }
    )
    return {k: "" if v is None else v for k, v in row.items()}


def to_csv(records: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(_csv_row(record))
    return out.getvalue()


# -- iCalendar (RFC 5545) ------------------------------------------------------------------------------
def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545, 3.3.11): backslash, semicolon, comma, newline."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never inside a UTF-8 character (RFC 5545, 3.1);
    each continuation begins with one space."""
    pieces = []
    current = b""
    limit = 75
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            pieces.append(current.decode("utf-8"))
            current = b""
            limit = 74  # the leading space of a continuation line counts
        current += encoded
    pieces.append(current.decode("utf-8"))
    return "\r\n ".join(pieces)


def _day(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%Y%m%d")


def description(record: dict) -> str:
    parts = [f"Date as the book gives it: {record['label']}."]
    if record["year_supplied"]:
        parts.append(f"Year supplied from context: {record['why']}")
    parts.append(f"The book's words: “{record['quote']}” ({record['place']}).")
    other = record.get("other_date")
    if other:
        refs = "; ".join(f"{ev['ref']}, {ev['at']}" for ev in other["evidence"])
        parts.append(f"Another date: {other['label']}. {other['remark']} ({refs})")
    return "\n".join(parts)


def to_ics(records: list[dict], dtstamp: dt.datetime) -> str:
    """One VCALENDAR with an all-day VEVENT a record; DTSTAMP is the moment of the build (UTC)."""
    stamp = dtstamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    lines.append("X-WR-CALNAME:" + escape_text("The Red Book on the Moscow Trials: the book's dates"))
    for record in records:
        end = dt.date.fromisoformat(record["end"]) + dt.timedelta(days=1)  # DTEND is exclusive
        lines += [
            "BEGIN:VEVENT",
            f"UID:{record['id']}@{UID_DOMAIN}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_day(record['start'])}",
            f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
            "SUMMARY:" + escape_text(record["event"]),
            "DESCRIPTION:" + escape_text(description(record)),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


# -- the downloads step (redbook/downloads/open_data.py writes the files of redbook/catalogue.py) -----------
def _href(event, places: Places | None) -> str | None:
    """Where the Chronology page's table links an event (redbook/render/timeline.py, web_href): its note or the
    head of its page, else the paragraph the build found for its words."""
    if places is None:
        return None
    if event.note is not None or not event.numbered:
        return timeline.web_href(event)
    return siteplaces.href(places, event.key)


def site_records(edition, places: Places | None = None) -> list[dict]:
    """The model's records with each event's paragraph and address in the built site (`places`: the build's map,
    redbook/downloads/siteplaces.py; without it, no place in the site)."""
    chronology = edition.apparatus.get("chronology")
    if chronology is None:
        return []
    events = {event.id: event for event in chronology.events}
    out = []
    for record in chronology.records():
        event = events[record["id"]]
        in_text = event.note is None and event.numbered
        extra = {
            "paragraph": siteplaces.paragraph(places, event.key) if in_text else None,
            "url": _href(event, places),
        }
        keys = list(record)
        at = keys.index("place") + 1
        out.append({k: record[k] for k in keys[:at]} | extra | {k: record[k] for k in keys[at:]})
    return out


def _moment(moment: dt.datetime | None) -> dt.datetime:
    if moment is not None:
        return moment
    from redbook.apparatus.changelog import build_moment

    # the day of the build, at its start: the same file from every build of one day (and from either engine)
    return build_moment().replace(hour=0, minute=0, second=0, microsecond=0)


#: The text of each file, for the downloads step: file -> function(edition, places) -> str.
FORMATS = {
    "chronology.json": lambda edition, places=None: to_json(site_records(edition, places)),
    "chronology.csv": lambda edition, places=None: to_csv(site_records(edition, places)),
    "chronology.ics": lambda edition, places=None: to_ics(site_records(edition, places), _moment(None)),
}


def write(edition, folder: Path, moment: dt.datetime | None = None) -> list[Path]:
    """Write chronology.json, .csv and .ics into `folder` (the build passes site/downloads/); nothing without
    a chronology."""
    chronology = edition.apparatus.get("chronology")
    if chronology is None or not chronology.events:
        return []
    moment = _moment(moment)
    records = site_records(edition)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text, newline in (
        ("chronology.json", to_json(records), "\n"),
        ("chronology.csv", to_csv(records), "\n"),
        ("chronology.ics", to_ics(records, moment), ""),
    ):
        path = folder / name
        with path.open("w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
        written.append(path)
    return written
