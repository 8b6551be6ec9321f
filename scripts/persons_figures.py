"""Figures of the register of persons and of what it adds to the built site (run after a build):

    .venv/bin/python scripts/persons_figures.py [site]

Prints the register's size (persons, mentions, forms, variants), the author's counts and their verdicts, and for
each page of the reading text its size, its marked mentions, the buttons and cards, and the bytes they add.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

import redbook

ROOT = Path(__file__).resolve().parent.parent


def main(site: Path) -> None:
    edition = redbook.load(ROOT)
    register = edition.apparatus["persons"]
    forms = sum(len(p.forms) for p in register.persons.values())
    variants = sum(len(p.variants) for p in register.persons.values())
    print(
        f"persons {len(register.persons)}, mentions {len(register.mentions)}, forms {forms}, variants {variants}, "
        f"groups {len(register.groups)}"
    )
    for s in edition.apparatus.get("sums", []):
        print(f"  count {s.ident:24} book {s.book:>4}  register {s.formula():32} {'checks' if s.checks else 'DIFFERS'}")
    total_added = total_size = total_zip = total_zip_bare = 0
    for page in edition.reading_pages():
        path = site / page.url
        if not path.exists():
            continue
        html = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "lxml")
        spans = soup.select("span.person")
        buttons = soup.select("button.person-ref")
        cards = soup.select("div.person-card")
        marks = soup.select("span.sum-check")
        added = sum(len(str(c)) for c in cards) + sum(len(str(m)) for m in marks)
        added += sum(len(re.sub(r"<button.*?</button>", "", str(s))) - len(s.get_text()) for s in spans)
        added += sum(len(str(b)) for b in buttons)
        total_added, total_size = total_added + added, total_size + len(html.encode())
        bare = str(soup)
        for element in soup.select("div.person-cards, span.sum-check, button.person-ref"):
            element.decompose()
        for span in soup.select("span.person"):
            span.unwrap()
        zipped, zipped_bare = len(gzip.compress(bare.encode())), len(gzip.compress(str(soup).encode()))
        total_zip, total_zip_bare = total_zip + zipped, total_zip_bare + zipped_bare
        print(
            f"  {page.stem:10} {len(html.encode()) / 1024:7.1f} KiB (gzip {zipped / 1024:5.1f}, without the persons "
            f"and counts {zipped_bare / 1024:5.1f})  mentions {len(spans):4}  buttons {len(buttons):4}"
            f"  cards {len(cards):3}  counts {len(marks):2}  added {added / 1024:6.1f} KiB"
        )
    print(
        f"  reading pages {total_size / 1024:.1f} KiB, of which the persons and counts {total_added / 1024:.1f} KiB; "
        f"gzip {total_zip / 1024:.1f} KiB, {total_zip_bare / 1024:.1f} KiB without them"
    )
    for name in ("persons.html", "rosters.html"):
        if (site / name).exists():
            print(f"  {name} {(site / name).stat().st_size / 1024:.1f} KiB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site")
