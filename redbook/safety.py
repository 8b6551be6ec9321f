"""Content is data: the HTML it may carry is an allowlist, judged by a well-kept sanitiser (nh3, the Python
binding of the Rust crate ammonia), and anything the allowlist would change is refused with file:line and a fix.

Content is never cleaned silently: a contributor's words are the edition's data, so a tag or an attribute the
allowlist does not know stops the check and says so.

- Markdown pages (docs/*.md) may carry exactly the raw HTML the edition's pages use (`CONTENT_TAGS`, with the
  attributes and classes of `CONTENT_ATTRIBUTES` and `CONTENT_CLASSES`), attribute lists `{: .class #id }` with
  the classes of `ATTR_LIST_CLASSES`, and links to pages of the edition, to http(s) or mailto addresses;
  images only from the edition itself.
- Text in data files (YAML notes, registers, the changelog; BibTeX) and front matter carries no HTML at all,
  no template syntax, and the same links.
- Titles are text: no markup, no character references.

Each tag is found with Python's HTML tokenizer (html.parser, which decodes character references as a browser
does); whether it may stay is asked of nh3 with the allowlist below: a tag it drops, an attribute it drops or
changes, is refused.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3

from .errors import Collector

#: Elements the edition's Markdown uses as raw HTML (docs/index.md, chapter-2.md, chapter-4.md, chapter-6.md).
CONTENT_TAGS = {"div", "section", "p", "h2", "blockquote", "hr", "br"}
#: Their attributes ("markdown" asks md_in_html to read the inside as Markdown; data-copytext marks the
#: edition's own words for the fidelity proof).
CONTENT_ATTRIBUTES = {
    "div": {"data-copytext", "markdown"},
    "section": {"aria-labelledby", "markdown"},
    "p": {"data-copytext"},
    "h2": {"id", "data-copytext"},
    "blockquote": {"markdown"},
    "hr": {"data-copytext"},
}
#: The classes raw HTML may give (the edition's stylesheets style each of them).
CONTENT_CLASSES = {
    "div": {"title-page", "about-edition"},
    "section": {"copytext-header"},
    "p": {"book-author", "book-part", "book-edition", "editorial-lead"},
    "blockquote": {"epigraph"},
    "hr": {"section-break"},
}
#: Classes an attribute list `{: .name }` may give (docs/chapter-2.md, chapter-4.md, chapter-5.md, foreword.md,
#: index.md).
ATTR_LIST_CLASSES = {"subtitle", "epigraph-source", "dateline", "book-title"}
#: Addresses a link may lead to (besides the edition's own pages, which have no scheme).
LINK_SCHEMES = {"http", "https", "mailto"}

_ID = re.compile(r"[a-z][a-z0-9-]*\Z")  # not '__config' or 'md-...': the theme's scripts look those up
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
#: Markdown links and images: [words](address), ![words](address), and reference definitions [id]: address
_MD_LINK = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^\s)>]*)")
_MD_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:[ \t]|$)", re.MULTILINE)
_TEMPLATE = re.compile(r"\{\{|\{%|\{#")

_FIX_HTML = "remove the raw HTML; the edition's macros and stylesheets do all rendering"


class _Tags(HTMLParser):
    """Python's HTML tokenizer, recording what a browser would see as markup, with the line of each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str, list, str]] = []  # (line, kind, tag, attrs, raw)

    def _add(self, kind, tag="", attrs=(), raw=""):
        self.found.append((self.getpos()[0], kind, tag, list(attrs), raw))

    def handle_starttag(self, tag, attrs):
        self._add("start", tag, attrs, self.get_starttag_text() or "")

    def handle_startendtag(self, tag, attrs):
        self._add("start", tag, attrs, self.get_starttag_text() or "")

    def handle_endtag(self, tag):
        self._add("end", tag)

    def handle_comment(self, data):
        self._add("comment", raw=data)

    def handle_decl(self, decl):
        self._add("declaration", raw=decl)

    def unknown_decl(self, data):
        self._add("declaration", raw=data)

    def handle_pi(self, data):
        self._add("instruction", raw=data)

    def handle_data(self, data):
        unclosed = re.search(r"<[a-zA-Z/!?]", data)  # a tag the tokenizer could not finish: no closing '>'
        if unclosed:
            self.found.append(
                (
                    self.getpos()[0] + data.count("\n", 0, unclosed.start()),
                    "unclosed",
                    "",
                    [],
                    data[unclosed.start() : unclosed.start() + 40],
                )
            )


def _tags(text: str) -> list[tuple[int, str, str, list, str]]:
    parser = _Tags()
    parser.feed(text)
    rest = parser.rawdata[parser.rawdata.find("<") :] if "<" in parser.rawdata else ""
    if re.match(r"<[a-zA-Z/!?]", rest):  # the tokenizer waits for a '>' that never comes
        parser.found.append((parser.getpos()[0], "unclosed", "", [], rest[:40]))
    parser.close()
    found, opened = [], set()
    for item in parser.found:  # an end tag is reported only when its start tag was not
        if item[1] == "start":
            opened.add(item[2])
        elif item[1] == "end" and item[2] in opened:
            continue
        found.append(item)
    return found


def _kept_by_nh3(raw: str, tag: str, tags: set[str], attributes: dict, classes: dict) -> dict[str, str] | None:
    """The attributes nh3 keeps of the start tag `raw` under the allowlist; None when it drops the tag."""
    closing = "" if tag in {"br", "hr"} else f"</{tag}>"
    cleaned = nh3.clean(
        raw + closing,
        tags=tags,
        attributes=attributes,
        allowed_classes=classes,
        url_schemes=set(),
        link_rel=None,
        strip_comments=True,
        clean_content_tags=set(),
    )
    kept = [t for t in _tags(cleaned) if t[1] == "start"]
    return {name: value or "" for name, value in kept[0][3]} if kept and kept[0][2] == tag else None


def check_html(text: str, problems: Collector, display: str, first_line: int = 1, *, content: bool = True) -> None:
    """Report every piece of markup in `text` that the allowlist would change. `content`: a Markdown page's body
    (the allowlist of CONTENT_TAGS); otherwise data text, which carries no HTML at all."""
    if "<" not in text:
        return  # no markup at all (most data text): nothing for the HTML tokenizer to find
    tags = CONTENT_TAGS if content else set()
    allowed = ", ".join(f"<{t}>" for t in sorted(tags)) or "none"
    for line, kind, tag, attrs, raw in _tags(text):
        at = first_line + line - 1
        if kind == "unclosed":
            problems.add(
                display,
                at,
                f"an HTML tag that is never closed with '>': {raw!r}",
                "close the tag or remove it; to print '<' as text write &lt;",
            )
        elif kind in {"comment", "declaration", "instruction"}:
            problems.add(
                display,
                at,
                f"content must not carry an HTML {kind} ({raw[:40]!r})",
                "remove it; a remark for other editors belongs in the pull request or a YAML comment",
            )
        elif ":" in tag or "@" in tag:
            problems.add(
                display,
                at,
                f"an address in angle brackets ('<{tag}...>') is not allowed",
                "write a Markdown link, [words](https://...)",
            )
        elif tag not in tags and not (kind == "end" and tag in CONTENT_TAGS and content):
            problems.add(
                display,
                at,
                f"content must not carry the HTML element <{tag}> (allowed here: {allowed})",
                _FIX_HTML if content else "data text is plain text with Markdown emphasis: " + _FIX_HTML,
            )
        elif kind == "start":
            given = {name: value or "" for name, value in attrs}
            kept = _kept_by_nh3(raw, tag, tags, CONTENT_ATTRIBUTES, CONTENT_CLASSES)
            if kept is None:
                problems.add(display, at, f"the element <{tag}> is refused by the allowlist", _FIX_HTML)
                continue
            for name, value in given.items():
                if name == "class" and value:
                    wrong = sorted(set(value.split()) - set(kept.get("class", "").split()))
                    if wrong:
                        problems.add(
                            display,
                            at,
                            f"<{tag}> may not have the class {' '.join(wrong)!r}",
                            f"use one of {', '.join(sorted(CONTENT_CLASSES.get(tag, ()))) or 'no class'}; "
                            "a new class needs its rule in redbook/safety.py and a stylesheet",
                        )
                elif name not in kept or kept[name] != value:
                    problems.add(
                        display,
                        at,
                        f"<{tag}> may not have the attribute {name}={value[:40]!r}",
                        f"allowed on <{tag}>: {', '.join(sorted(CONTENT_ATTRIBUTES.get(tag, ()))) or 'none'}, "
                        "class; " + _FIX_HTML,
                    )
                elif name in {"id", "aria-labelledby"} and not _ID.match(value):
                    problems.add(
                        display,
                        at,
                        f"<{tag}> has {name}={value!r}",
                        "an id is lowercase letters, digits and hyphens, starting with a letter, "
                        "and not 'md-...' (the theme's)",
                    )


def _address(value: str) -> str:
    """An address as a browser reads it: character references decoded, invisible characters dropped."""
    return _INVISIBLE.sub("", html.unescape(value))


def check_links(text: str, problems: Collector, display: str, first_line: int = 1) -> None:
    """Markdown links lead to the edition's pages or to http(s)/mailto addresses; images are the edition's own."""
    if "]" not in text:
        return  # no Markdown link or reference definition can stand without a ']'
    found = [(m.start(), m.group(1) == "!", m.group(2)) for m in _MD_LINK.finditer(text)]
    found += [(m.start(), False, m.group(1)) for m in _MD_REFERENCE.finditer(text)]
    for offset, image, value in found:
        address = _address(value)
        scheme = _SCHEME.match(address)
        line = first_line + text.count("\n", 0, offset)
        if image and (scheme or address.startswith("//")):
            problems.add(
                display,
                line,
                f"an image from another address ({value[:60]!r}): the site fetches nothing from other hosts",
                "put the image under docs/assets/ and give its path, or remove it",
            )
        elif scheme and scheme.group(1).lower() not in LINK_SCHEMES:
            problems.add(
                display,
                line,
                f"a link to a {scheme.group(1).lower()}: address ({value[:60]!r})",
                f"link to a page of the edition or to an address beginning with "
                f"{', '.join(s + ':' for s in sorted(LINK_SCHEMES))}",
            )


def check_attr_lists(text: str, problems: Collector, display: str, first_line: int = 1) -> None:
    """Attribute lists ({: .class }, { #id }) may give only the edition's classes and plain ids."""
    from markdown.extensions.attr_list import get_attrs_and_remainder

    for match in re.finditer(r"(?<!\{)\{:?[ ]*([^\}\n ][^\}\n]*)[ ]*\}(?!\})", text):
        if match.group(0).startswith("{#"):
            continue  # a template comment to Jinja: redbook/macrocalls.py reports it
        attrs, rest = get_attrs_and_remainder(match.group(1))
        line = first_line + text.count("\n", 0, match.start())
        for name, value in attrs:
            name = "class" if name == "." else name
            if name == "class" and value not in ATTR_LIST_CLASSES:
                problems.add(
                    display,
                    line,
                    f"the attribute list {match.group(0)!r} gives the class {value!r}",
                    f"use one of {', '.join(sorted(ATTR_LIST_CLASSES))}",
                )
            elif name == "id" and not _ID.match(value):
                problems.add(
                    display,
                    line,
                    f"the attribute list {match.group(0)!r} gives the id {value!r}",
                    "an id is lowercase letters, digits and hyphens, starting with a letter",
                )
            elif name not in {"class", "id"}:
                problems.add(
                    display,
                    line,
                    f"the attribute list {match.group(0)!r} sets {name!r}",
                    "an attribute list may give only .class and #id",
                )


def check_markdown(body: str, problems: Collector, display: str, first_line: int = 1) -> None:
    """Everything a Markdown page's body may carry besides its words and the macro calls (redbook/macrocalls.py)."""
    check_html(body, problems, display, first_line, content=True)
    check_attr_lists(body, problems, display, first_line)
    check_links(body, problems, display, first_line)


def check_data_text(value: str, problems: Collector, display: str, line: int) -> None:
    """A string of a data file or of front matter: plain text with Markdown, never HTML or a template."""
    template = _TEMPLATE.search(value)
    if template:
        problems.add(
            display,
            line,
            f"data text must not carry template syntax ({template.group(0)!r} in {value[:50]!r})",
            "write the words only; macros are called from the Markdown pages",
        )
    check_html(value, problems, display, line, content=False)
    check_links(value, problems, display, line)


def check_title(value: str, problems: Collector, display: str, line: int) -> None:
    """A title is text: it is printed in every page's navigation and in the PDF and EPUB."""
    if re.search(r"[<>]|&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);", value):
        problems.add(
            display,
            line,
            f"a title is plain text, without markup or character references: {value!r}",
            "write the title's words and characters themselves (’ not &rsquo;), without < or >",
        )


def scan(text: str, problems: Collector, display: str, first_line: int = 1) -> None:
    """A data file's whole text (BibTeX): no HTML, no off-host images, links by the allowed schemes."""
    check_html(text, problems, display, first_line, content=False)
    check_links(text, problems, display, first_line)
