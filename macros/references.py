"""Thin macros for the edition's own statements (redbook/render/references.py does the HTML):

{{ ref("key", "locator") }}   after a statement of a hand-written page: its reference, linked to the
                              References page (the model has checked the key and the locator)
{{ statement("id") }}         a title-page statement of data/publication.yml, with its ground
"""

from __future__ import annotations

from redbook.render.references import ref_link, statement_html


def register(env, edition) -> None:
    @env.macro
    def ref(key: str, locator: str = "") -> str:
        return ref_link(edition(), key, locator)

    @env.macro
    def statement(ident: str) -> str:
        model = edition()
        return statement_html(model, model.apparatus["statements"].statement(ident))
