"""What the template engine still renders runs in Jinja2's sandbox and sees only the edition's macros.

The model (redbook/macrocalls.py) has already refused every `{{ ... }}` that is not a call of one of the edition's
macros with literal arguments. This is the second wall, for a path that check might miss:

- mkdocs-macros builds a plain `jinja2.Environment` in its on_config, after define_env has run. Before the first
  page is rendered, `install` replaces it by an `ImmutableSandboxedEnvironment` with the same settings (loader,
  undefined, delimiters), whose templates refuse access to Python internals (`__globals__`, `__class__` ...).
- The sandboxed templates see the edition's macros and nothing else: not the build's configuration, not
  mkdocs-macros' own variables and helpers (`environment`, `config`, `macros_info`, `now` ...).
- Generated pages (redbook/render/generated/, made from YAML data) are never rendered as templates: they are marked
  `render_macros: false` for mkdocs-macros before it renders them.
"""

from __future__ import annotations

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from redbook.macrocalls import ALLOWED


class _EditionTemplate(ImmutableSandboxedEnvironment.template_class):
    def render(self, *args, **kwargs):  # the page's variables are not the content's business
        return super().render()


class EditionSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, whose templates see only the edition's macros."""

    template_class = _EditionTemplate


def sandboxed(env) -> EditionSandbox:
    """A sandbox with the settings of mkdocs-macros' environment `env` and only the edition's macros."""
    box = EditionSandbox(
        loader=None,  # no {% include %}: content never includes files
        undefined=StrictUndefined,
        block_start_string=env.block_start_string,
        block_end_string=env.block_end_string,
        variable_start_string=env.variable_start_string,
        variable_end_string=env.variable_end_string,
        comment_start_string=env.comment_start_string,
        comment_end_string=env.comment_end_string,
        autoescape=False,
    )
    box.globals.clear()  # no range, lipsum, dict, cycler, joiner, namespace
    box.globals.update({name: env.globals[name] for name in ALLOWED if name in env.globals})
    box.filters.clear()
    box.tests.clear()
    return box


def _before_each_page(plugin) -> None:
    if not isinstance(plugin._env, EditionSandbox):
        plugin._env = sandboxed(plugin._env)
    page = plugin.variables.get("page")
    if page is not None and page.file.generated_by is not None:
        page.meta = {**(page.meta or {}), "render_macros": False}  # the copy mkdocs-macros reads, not the page


def install(plugin) -> None:
    """Called from define_env: from the first page on, every page is rendered in the sandbox."""
    plugin.pre_macro_functions.insert(0, _before_each_page)
