"""Pages generated from the edition's data inside `mkdocs build` (never committed).

Each module here defines:
    PATH    the page's path in the site's docs ("persons.md")
    TITLE   its title in the navigation
    SOURCE  the data file(s) it is made from, where "Edit this page" leads ("data/persons.yml")
    ORDER   its place among the back matter (the editorial principles are 10)
    markdown(edition) -> str   the page's Markdown (macros may be called in it)
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def generators() -> list[ModuleType]:
    modules = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
    return sorted(modules, key=lambda m: m.ORDER)
