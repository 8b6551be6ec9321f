"""The site's public address, configured in one place: `site_url` of mkdocs.yml, which reads the environment
variable REDBOOK_SITE_URL (set by the workflows, as REDBOOK_EDIT_URI_TEMPLATE is). MkDocs reads it for the
sitemap, the canonical links and "Cite this"; the steps that run outside MkDocs (the PDF, the TEI file, the
downloads) read the same line here. Without it every output still works, with addresses relative to the site.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

CONFIG = "mkdocs.yml"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: `!ENV [NAME, ..., default]` is the first variable set, else the default."""

    environ: dict = os.environ


def _env(loader: _Loader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = loader.construct_sequence(node)
        names, default = values[:-1], values[-1]
    for name in names:
        if name in loader.environ:
            return loader.environ[name]
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # other tags: not needed here


def site_url(root: Path, environ: dict | None = None) -> str:
    """The configured public address with one final slash ("https://example.org/red-book/"), or ""."""
    loader = type("Loader", (_Loader,), {"environ": {**os.environ, **(environ or {})}})  # tests give other values
    config = yaml.load((Path(root) / CONFIG).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    url = (config or {}).get("site_url") or ""
    return url.rstrip("/") + "/" if url else ""


def absolute(base: str, path: str) -> str:
    """A path of the site ("chapter-3.html#p3.12") as a full address when the site has one, else as it is."""
    return base + path.lstrip("/") if base else path
