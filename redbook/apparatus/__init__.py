"""Further parts of the apparatus (persons, dossiers, sources ...), each loaded and validated with the rest.

Each module here defines:
    NAME                       the key under which its data is kept: edition.apparatus[NAME]
    load(edition, problems)    read its data files, report problems (redbook.errors.Collector), return the data
Modules are loaded in the order of their ORDER (default 50), after the pages, notes and emendations.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def parts() -> list[ModuleType]:
    modules = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
    return sorted(modules, key=lambda m: getattr(m, "ORDER", 50))
