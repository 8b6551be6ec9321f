"""The preview's rebuilds as `mkdocs serve` makes them, in one process, for make bench and the tests.

    python -m scripts.preview_driver [--lax] SITE0 [FILE OLD NEW SITE1]...

Run in a project's folder. Builds the project into SITE0 as `mkdocs serve` does (the configuration loaded again
for each build; plugins that define on_startup, as the edition's does, kept across rebuilds), then, for each group
of four arguments, changes the first OLD of FILE to NEW and rebuilds into SITE1. Prints one JSON line a rebuild:
its seconds and, where the edition's plugin is there, the pages it rendered and those it took from its cache.
(Timing the server's own file watcher from outside proved unreliable here: its first events after start are not
always delivered.)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def rebuilds(first_site: str, edits: list[tuple[str, str, str, str]], strict: bool = True) -> list[dict]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def config(site: str):
        return load_config("mkdocs.yml", site_dir=site, strict=strict)

    first = config(first_site)
    first.plugins.on_startup(command="serve", dirty=False)
    build(first, serve_url="http://127.0.0.1:8000/")
    results = []
    for file, old, new, site in edits:
        path = Path(file)
        text = path.read_text(encoding="utf-8")
        if old not in text:
            raise SystemExit(f"{file}: {old!r} is not there")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        start = time.monotonic()
        current = config(site)
        build(current, serve_url="http://127.0.0.1:8000/")
        seconds = time.monotonic() - start
        plugin = current.plugins.get("redbook")
        pages = getattr(plugin, "pages", None)
        results.append(
            {
                "seconds": round(seconds, 3),
                "rendered": sorted(pages.rendered) if pages is not None else [],
                "reused": sorted(pages.reused) if pages is not None else [],
            }
        )
    return results


def main(argv: list[str]) -> int:
    strict = not (argv and argv[0] == "--lax")  # --lax: not strict (plain Material's project, in make bench)
    argv = argv if strict else argv[1:]
    first, rest = argv[0], argv[1:]
    if len(rest) % 4:
        raise SystemExit(__doc__)
    edits = [tuple(rest[i : i + 4]) for i in range(0, len(rest), 4)]
    for result in rebuilds(first, edits, strict):
        print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
