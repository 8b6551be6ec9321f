"""The licence sentence of the title page, from data/licence.yml (the PDF and the e-book print the same one)."""

from __future__ import annotations

from redbook.downloads import licence

from .html import text


def register(env, edition) -> None:
    @env.macro
    def licence_statement() -> str:
        """The edition's licences in one sentence, marked as the edition's own (not the copy-text's)."""
        rights = licence.of(edition())
        return f'<p class="edition-licence" data-copytext="">{text(rights.statement)}</p>'
