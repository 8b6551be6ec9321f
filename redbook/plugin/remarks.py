"""Place the edition's commentary in a built page of the reading text: one step of on_page_content, after the
names are marked. Each remark on the running text (data/commentary.yml, {page, near} and its lemma) gets its
marker right after its lemma: the page's own words (redbook/plugin/mentions.py `text_nodes`: not the popovers,
buttons and editorial additions) are joined, the remark's words are found in them with spacing ignored (rendered
text may break or add spaces between elements), and a token is put after the lemma's last letter; the page's
serialisation replaces the token with the marker (redbook/render/commentary.py, data-copytext="": the fidelity
proof reads past it), the search text drops it. The remarks on notes are placed by the notes' renderer.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from redbook.plugin.mentions import node_ending_at, text_nodes
from redbook.render import commentary


def _squeezed(value: str) -> tuple[str, list[int]]:
    """The text without white space, and for each of its characters its offset in `value`."""
    chars, offsets = [], []
    for i, c in enumerate(value):
        if not c.isspace():
            chars.append(c)
            offsets.append(i)
    return "".join(chars), offsets


#: The marked names of the page (redbook/plugin/mentions.py), whose words are an index's anchor and nothing else.
NAMES = {"org", "placename", "person"}


def place(soup, page, edition) -> dict[str, str]:
    """Put a token after the lemma of each remark on this page's running text; return token -> marker."""
    data = edition.apparatus.get("commentary")
    remarks = data.on_page(page.stem) if data is not None else []
    tokens: dict[str, str] = {}
    for remark in remarks:
        nodes = list(text_nodes(soup))
        joined = "".join(map(str, nodes))
        squeezed, offsets = _squeezed(joined)
        near, _ = _squeezed(remark.place.near)
        hits = squeezed.count(near)
        if hits != 1:
            raise PluginError(
                f"{remark.path}:{remark.line}: {remark.ident}: the words {remark.place.near!r} stand {hits} times "
                f"in the text of {page.path}\n    fix: quote the words exactly as the reading text gives them, "
                "and enough of them to name one place"
            )
        before, _ = _squeezed(remark.place.near[: remark.place.near.index(remark.lemma) + len(remark.lemma)])
        end = offsets[squeezed.index(near) + len(before) - 1] + 1  # just after the lemma's last letter
        node, cut = node_ending_at(nodes, end)
        token = f"\ue002{remark.ident}\ue002"
        value = str(node)
        tokens[token] = commentary.render(edition, remark)
        host = node  # a lemma that ends a marked name: the marker follows the name, not inside its anchor
        while cut == len(value) and host.next_sibling is None and host.parent.get("data-apparatus") in NAMES:
            host = host.parent
        if host is not node:
            host.insert_after(token)
            continue
        node.replace_with(value[:cut] + token + value[cut:])
    return tokens
