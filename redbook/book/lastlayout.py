"""The last printed book laid out, kept for the next build: where everything its layout read is the same, the PDF
is that book, and it is not laid out again.

WeasyPrint makes the same file, byte for byte, from the same print HTML, stylesheets, fetched files, code and
libraries (tests/test_pdf.py lays the session's book out again from its page map and compares the bytes). So the
PDF step keeps, beside the page map (.site-build/), the last PDF and a record of what its layout read:

- the print HTML, its page numbers written in (so the Markdown, the data and the numbers of every page);
- the stylesheets (print.css and the site's reading face);
- every file of the built site the layout fetched (the fonts, the images), by path and digest;
- the code that makes, lays out and writes the book (redbook/book/, redbook/scan.py);
- the versions of WeasyPrint and the libraries it lays out and writes with, Pango's, and the fonts of the
  system that fontconfig may fall back on (paths, sizes, times).

The record is written only after the book's page numbers settled, so a PDF taken from it is a finished book. A
record that does not match, or a missing or altered PDF, is a layout like any other.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import shutil
from pathlib import Path

FOLDER = Path(".site-build")
PDF = "last-book.pdf"
RECORD = "last-book.json"
#: The libraries whose versions the layout's output depends on.
LIBRARIES = ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "pillow")
#: Where fontconfig looks for the system's fonts, and its configuration (a font it may fall back on).
SYSTEM_FONTS = ("/usr/share/fonts", "/usr/local/share/fonts", "/etc/fonts", "~/.local/share/fonts", "~/.fonts")
FONT_FILES = frozenset({".ttf", ".otf", ".ttc", ".pfa", ".pfb", ".pcf", ".woff", ".woff2", ".conf"})
_CODE = Path(__file__).parent


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _system() -> list:
    from weasyprint.text.ffi import pango

    fonts = []
    for folder in (Path(f).expanduser() for f in SYSTEM_FONTS):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.suffix.lower() in FONT_FILES and path.is_file():
                stat = path.stat()
                fonts.append((str(path), stat.st_size, stat.st_mtime_ns))
    versions = [importlib.metadata.version(name) for name in LIBRARIES]
    return [versions, pango.pango_version(), fonts]


def fixed(stylesheets: str) -> str:
    """The digest of what every layout of one build reads alike: the stylesheets, the code, the libraries."""
    code = [(p.name, _sha(p.read_bytes())) for p in sorted(_CODE.iterdir()) if p.suffix in (".py", ".css")]
    code.append(("scan.py", _sha((_CODE.parent / "scan.py").read_bytes())))
    return _sha(json.dumps([_sha(stylesheets.encode()), code, _system()]).encode())


def key(html: str, fixed_digest: str) -> str:
    """The digest of what a layout reads, but the files it fetches (recorded as it fetches them)."""
    return _sha(json.dumps([_sha(html.encode()), fixed_digest]).encode())


def _fetched(site: Path, paths) -> dict[str, str]:
    return {p: _sha((site / p).read_bytes()) if (site / p).is_file() else "" for p in sorted(paths)}


def reuse(root: Path, layout_key: str, site: Path, out: Path) -> bool:
    """Copy the last book to `out` where its record matches this layout's key and the files it fetched."""
    folder = root / FOLDER
    try:
        record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
        last = (folder / PDF).read_bytes()
    except (OSError, ValueError):
        return False
    if not isinstance(record, dict) or record.get("key") != layout_key or record.get("pdf") != _sha(last):
        return False
    fetched = record.get("fetched")
    if not isinstance(fetched, dict) or _fetched(site, fetched) != fetched:
        return False
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(folder / PDF, out)
    return True


def keep(root: Path, layout_key: str, site: Path, fetched, out: Path) -> None:
    """Keep the book just written to `out`, and the record of what its layout read, for the next build."""
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    shutil.copyfile(out, folder / PDF)
    record = {"key": layout_key, "fetched": _fetched(site, fetched), "pdf": _sha(out.read_bytes())}
    (folder / RECORD).write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
