"""The built output, checked as a reader's browser would meet it, and the sources checked for what would
publish a file from outside the repository.

- `scan_output(site)`: after every build, every .html, .xhtml, .svg and .css file of the site and of the
  e-book inside it (red-book.epub, a zip) is parsed (lxml for markup, tinycss2 for style sheets; character
  references and CSS escapes decoded as a browser decodes them) and reported when it carries an event-handler
  attribute, a javascript:, vbscript: or data: address where a script could run, an element, attribute or CSS
  rule that fetches from another host, a <meta http-equiv> other than the edition's Content Security Policy, a
  <base>, a <script> inside a page's text, or a page without the policy. A problem names the page's source
  file when the page says it ("Edit this page"), else the built file.
- `check_sources(root)`: a symbolic link under docs/, or a path there that resolves outside the repository,
  or a file of a kind the site does not serve.
- `with_script_hashes(html)`: the Content Security Policy of overrides/main.html allows the theme's own inline
  scripts by their SHA-256 hashes, computed here for each page (never for a script inside the page's text).
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import zipfile
from pathlib import Path, PurePosixPath

from .errors import EditionError, Problem

#: The Content Security Policy every page carries (overrides/main.html), before the hashes are filled in.
#: default-src 'self': nothing from another host. script-src: the site's own files and the theme's inline
#: scripts by hash (no 'unsafe-inline': an injected script or event handler is refused by the browser).
#: style-src 'self' 'unsafe-inline': Material and the popovers set style attributes (CSS cannot run script;
#: what it could fetch is held by img-src and font-src). img-src data: Material's icons are data: SVG in its CSS.
#: worker-src blob: the search worker on http; frame-src 'self': the iframe-worker shim from file://.
#: object-src, base-uri, form-action: none of these is used.
CSP = (
    "default-src 'self'; script-src 'self' 'edition-inline-scripts'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; frame-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'none'"
)
PLACEHOLDER = "'edition-inline-scripts'"

#: Attributes that hold an address, by whether the browser fetches it by itself (True) or on a reader's click.
URL_ATTRIBUTES = {
    "src": True, "srcset": True, "poster": True, "data": True, "background": True, "lowsrc": True,
    "dynsrc": True, "manifest": True, "codebase": True, "archive": True, "imagesrcset": True,
    "href": False, "xlink:href": False, "action": False, "formaction": False, "cite": False,
    "longdesc": False, "ping": True, "profile": True, "usemap": False, "itemtype": False,
}  # fmt: skip
#: Elements whose href is fetched without a click.
FETCHING_HREF = {"link", "image", "use", "feimage", "script", "base"}
#: Where a data: address can run script (navigating or embedding documents).
DOCUMENT_TARGETS = {"a", "area", "iframe", "frame", "embed", "object", "form", "button", "input", "base",
                    "script", "link", "use", "animate", "set", "svg"}  # fmt: skip
#: Elements that never belong in a page's text.
EMBEDDING = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link",
             "style", "form", "portal", "noscript", "template"}  # fmt: skip
#: File kinds docs/ may hold (Markdown; the site's stylesheets, fonts, the vendored script, licences).
DOCS_KINDS = {".md", ".css", ".woff2", ".txt", ".js"}
DOCS_SCRIPTS = {"assets/vendor/iframe-worker-shim.js"}

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_POLICY = re.compile(re.escape(CSP).replace(re.escape(PLACEHOLDER), r"(?:(?:'sha256-[A-Za-z0-9+/=]+' ?)+|'none')"))
_SCRIPT_RE = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


# -- sources --------------------------------------------------------------------------------------------------


def check_sources(root: Path) -> list[Problem]:
    """Symbolic links and paths resolving outside the repository under docs/, and files the site does not serve."""
    root = Path(root).resolve()
    docs = root / "docs"
    problems = []
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            problems.append(
                Problem(
                    rel,
                    None,
                    f"a symbolic link (to {path.readlink()}) under docs/",
                    "only files of the repository are published: put the file itself here",
                )
            )
        elif not path.resolve().is_relative_to(root):
            problems.append(
                Problem(rel, None, "this path resolves outside the repository", "put the file itself under docs/")
            )
        elif path.is_file():
            inside = path.relative_to(docs).as_posix()
            if path.suffix not in DOCS_KINDS or (path.suffix == ".js" and inside not in DOCS_SCRIPTS):
                problems.append(
                    Problem(
                        rel,
                        None,
                        f"the site does not serve files of this kind ({path.suffix or 'no suffix'})",
                        f"docs/ holds Markdown pages and the site's assets ({', '.join(sorted(DOCS_KINDS))}; "
                        "scripts only the vendored shim); remove the file or ask in an issue",
                    )
                )
    return problems


def check_files(root: Path) -> None:
    """For the build's on_files: stop, naming each problem, before anything is written."""
    _raise(check_sources(root))


def local_url_fetcher(root: Path, seen: set | None = None):
    """A WeasyPrint URL fetcher for the PDF step that reads only files under `root` (the built site) and data:
    addresses; any other address (another host, a file elsewhere on the machine) is refused and logged.
    For redbook/book/pdf.py: HTML(..., url_fetcher=local_url_fetcher(site)) and CSS(..., url_fetcher=...).
    The files it reads are added to `seen`, by their paths under `root` (redbook/book/lastlayout.py)."""
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    from weasyprint.urls import URLFetcher, URLFetchingError

    root = Path(root).resolve()

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = Path(url2pathname(urlsplit(url).path)).resolve() if url.startswith("file:") else None
            if path is not None and path.is_relative_to(root):
                if seen is not None:
                    seen.add(path.relative_to(root).as_posix())
                return super().fetch(url, headers)
            raise URLFetchingError(f"the printed book fetches nothing from outside the built site: {url}")

    return LocalFetcher(allowed_protocols={"file", "data"})


# -- the Content Security Policy --------------------------------------------------------------------------------


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _iframe_worker_script(html: str, shim: str) -> str | None:
    """The inline script the iframe-worker shim writes into its frame when the site is opened from disk."""
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    worker = re.search(r'"search":\s*"([^"]+)"', config.group(1)) if config else None
    post = re.search(r"function c\(s,n\)\{parent\.postMessage\(s,n\|\|\"\*\"\)\}", shim)
    load = re.search(r"function d\(\.\.\.s\)\{.*?Promise\.resolve\(\)\)\}", shim)
    if not (worker and post and load):
        return None
    return (
        f'postMessage={post.group(0)};importScripts={load.group(0)};addEventListener("error",({{error}})=>'
        f'{{parent.dispatchEvent(new ErrorEvent("error",{{filename:"{worker.group(1)}",error}}))}})'
    )


def shim_of(docs: Path | None) -> str:
    """The iframe-worker shim the site serves (its inline script is hashed too), read once per build."""
    path = Path(docs) / next(iter(DOCS_SCRIPTS)) if docs is not None else None
    return path.read_text(encoding="utf-8") if path is not None and path.is_file() else ""


def with_script_hashes(html: str, docs: Path | None = None, shim: str | None = None) -> str:
    """Fill the policy's placeholder with the hashes of the theme's inline scripts (those outside the page's
    <article>, which is where content stands) and of the script the iframe-worker shim of `docs` runs."""
    if PLACEHOLDER not in html:
        return html
    shim = shim_of(docs) if shim is None else shim
    start, end = html.find("<article"), html.find("</article>")
    hashes = []
    for match in _SCRIPT_RE.finditer(html):
        inside_text = start != -1 and start < match.start() < end
        attrs = match.group("attrs")
        if inside_text or "src=" in attrs or 'type="application/json"' in attrs or not match.group("body").strip():
            continue
        hashes.append(_hash(match.group("body")))
    worker = _iframe_worker_script(html, shim) if shim else None
    if worker:
        hashes.append(_hash(worker))
    return html.replace(PLACEHOLDER, " ".join(dict.fromkeys(hashes)) or "'none'", 1)


def fill_policies(site: Path, docs: Path) -> None:
    """Fill in the script hashes of every built page's policy (the theme's pages and 404.html alike)."""
    shim = shim_of(docs)
    for path in Path(site).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if PLACEHOLDER in html:
            path.write_text(with_script_hashes(html, docs, shim), encoding="utf-8")


# -- the built output -------------------------------------------------------------------------------------------


def _address(value: str) -> str:
    return _INVISIBLE.sub("", value)


def _off_host(address: str) -> bool:
    address = _address(address)
    if address.startswith("//") or address.startswith("\\\\"):
        return True
    scheme = _SCHEME.match(address)
    return bool(scheme) and scheme.group(1).lower() not in {"data", "blob", "mailto", "tel", "about"}


def _script_scheme(address: str) -> str | None:
    scheme = _SCHEME.match(_address(address))
    name = scheme.group(1).lower() if scheme else ""
    return name if name in {"javascript", "vbscript", "livescript", "data"} else None


def _css_problems(css: str, inline: bool) -> list[str]:
    """What a style sheet (or a style attribute) fetches from another host: url(), image-set(), @import."""
    import tinycss2

    found = []
    rules = tinycss2.parse_blocks_contents(css) if inline else tinycss2.parse_stylesheet(css)

    def walk(tokens):
        for token in tokens:
            kind = getattr(token, "type", "")
            if kind == "url" and _off_host(token.value):
                found.append(f"CSS url({token.value[:60]}) fetches from another host")
            elif kind == "url" and _script_scheme(token.value) in {"javascript", "vbscript"}:
                found.append(f"CSS url({token.value[:60]}) is a script address")
            elif kind == "function":
                if token.lower_name in {"url", "src", "image-set", "-webkit-image-set", "image"}:
                    strings = [t.value for t in token.arguments if getattr(t, "type", "") in {"string", "url"}]
                    for value in strings:
                        if _off_host(value):
                            found.append(f"CSS {token.lower_name}({value[:60]!r}) fetches from another host")
                if token.lower_name == "expression":
                    found.append("CSS expression() runs script in old browsers")
                walk(token.arguments)
            elif kind == "at-rule":
                if token.lower_at_keyword == "import":
                    found.append("CSS @import (the site's style sheets are linked from the theme, not imported)")
                walk(token.prelude)
                walk(token.content or [])
            elif kind in {"qualified-rule"}:
                walk(token.prelude)
                walk(token.content)
            elif kind == "declaration":
                if token.lower_name == "behavior" or token.lower_name == "-moz-binding":
                    found.append(f"CSS {token.lower_name} runs code in some browsers")
                walk(token.value)
            elif kind in {"() block", "[] block", "{} block"}:
                walk(token.content)

    walk(rules)
    if inline:  # a style attribute is a declaration list
        walk(tinycss2.parse_declaration_list(css))
    return found


def _source_of(tree) -> str | None:
    """The source file a built page names in its "Edit this page" (overrides/partials/source-file.html)."""
    codes = tree.xpath('//aside[contains(@class, "edition-source")]//code')
    return codes[0].text_content().strip() if codes else None


#: Relations of a <link> that name an address without the browser fetching it (HTML's link types).
NAMING_RELS = {"canonical", "alternate", "author", "help", "license", "next", "prev", "bookmark", "me"}


def _names_only(el) -> bool:
    rels = set((el.get("rel") or "").lower().split())
    return bool(rels) and rels <= NAMING_RELS


def _element_problems(el, in_text: bool) -> list[str]:
    found = []
    tag = el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else ""
    if not tag:
        return found
    for raw_name, value in el.attrib.items():
        name = raw_name.rsplit("}", 1)[-1].lower()
        if raw_name.startswith("{http://www.w3.org/1999/xlink}"):
            name = "xlink:" + name
        if name.startswith("on"):
            found.append(f"<{tag}> has an event-handler attribute {name}={value[:40]!r}")
            continue
        if name == "style":
            found += [f"<{tag} style>: {p}" for p in _css_problems(value, inline=True)]
            continue
        scheme = _script_scheme(value)
        if scheme in {"javascript", "vbscript", "livescript"}:
            found.append(f"<{tag}> {name}={value[:60]!r} is a script address")
        elif scheme == "data" and tag in DOCUMENT_TARGETS and name in URL_ATTRIBUTES:
            found.append(f"<{tag}> {name}={value[:60]!r}: a data: address where a document or script could run")
        elif (
            tag in {"animate", "set", "animatetransform"}
            and name in {"attributename"}
            and value.lower() in {"href", "xlink:href"}
        ):
            found.append(f"<{tag}> animates an address, which can turn a link into a script")
        elif tag == "link" and name == "href" and _names_only(el):
            continue  # a canonical address or a link to the next page: named, never fetched
        elif name in URL_ATTRIBUTES and (URL_ATTRIBUTES[name] or (name.endswith("href") and tag in FETCHING_HREF)):
            addresses = [part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in name else [value]
            if any(_off_host(a) for a in addresses):
                found.append(f"<{tag}> {name}={value[:60]!r} fetches from another host")
    if tag == "meta" and el.get("http-equiv") is not None:
        if el.get("http-equiv", "").lower() != "content-security-policy":
            found.append(f"<meta http-equiv={el.get('http-equiv')!r}>: only the edition's security policy may be set")
        elif not _POLICY.fullmatch(el.get("content", "")):
            found.append("a <meta http-equiv=Content-Security-Policy> that is not the edition's")
    if tag == "base":
        found.append("<base> changes where every address of the page leads")
    if tag == "style" and el.text:
        found += [f"<style>: {p}" for p in _css_problems(el.text, inline=False)]
    if in_text and tag in EMBEDDING:
        found.append(f"<{tag}> inside the page's text")
    return found


def _scan_markup(data: bytes, name: str, xml: bool) -> list[Problem]:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        if xml:
            tree = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
        else:
            tree = lxml_html.document_fromstring(data)
    except (etree.XMLSyntaxError, etree.ParserError, ValueError) as err:
        return [Problem(name, None, f"the file cannot be parsed ({err})", "rebuild; if it stays, report it")]
    source = _source_of(tree) if not xml else None
    where = f"{source} (built as {name})" if source else name
    problems = []
    is_page = not xml and bool(tree.xpath('//*[contains(@class, "md-content")]'))
    text_roots = set(tree.xpath('//article[contains(@class, "md-content__inner")]')) if is_page else set()
    text_elements = {e for root in text_roots for e in root.iter()}  # the set keeps lxml's proxies (and identity)
    for el in tree.iter():
        if not isinstance(el.tag, str):
            if isinstance(el, etree._ProcessingInstruction) and not xml:
                problems.append(Problem(where, el.sourceline, "a processing instruction", "remove it"))
            continue
        in_text = el in text_elements or (xml and not name.endswith(".svg") and el.tag.endswith("script"))
        if not is_page and not xml and el.tag == "script":
            in_text = True  # an HTML file that is not one of the theme's pages has no script of the edition's
        for what in _element_problems(el, in_text):
            problems.append(Problem(where, el.sourceline, what, "remove it from the content file that made it"))
    if xml and name.endswith(".svg"):
        for el in tree.iter():
            if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] in {"script", "foreignObject"}:
                problems.append(
                    Problem(
                        where,
                        el.sourceline,
                        f"an SVG with <{el.tag.rsplit('}', 1)[-1]}>",
                        "use an SVG without scripts or embedded HTML",
                    )
                )
    if is_page:
        policies = tree.xpath(
            '//meta[translate(@http-equiv, "CONTENSUYPLI", "contensuypli")="content-security-policy"]'
        )
        if not policies:
            problems.append(
                Problem(
                    where,
                    None,
                    "the page carries no Content Security Policy",
                    "the theme override (overrides/main.html) must put it in every page",
                )
            )
    return problems


def _scan_file(data: bytes, name: str) -> list[Problem]:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in {".html", ".htm"}:
        return _scan_markup(data, name, xml=False)
    if suffix in {".xhtml", ".svg", ".opf", ".ncx"}:
        return _scan_markup(data, name, xml=True)
    if suffix == ".css":
        text = data.decode("utf-8", errors="replace")
        return [Problem(name, None, p, "remove it from the style sheet") for p in _css_problems(text, inline=False)]
    return []


def scan_output(site: Path, theme_dirs: tuple[Path, ...] = (), memo: dict | None = None) -> list[Problem]:
    """Every problem of the built site and of the e-book in it (see the module's docstring).

    A file that is byte for byte the theme's own (Material's scripts and style sheets, as installed) is not read
    again: no pull request can change it, and it is most of the bytes of the site. `memo` (the plugin's, kept
    across the rebuilds of a preview) holds the problems of each file by its name and the digest of its bytes:
    a file that did not change is not parsed again."""
    site = Path(site)
    problems: list[Problem] = []
    for path in sorted(site.rglob("*")):
        if path.is_symlink():
            problems.append(
                Problem(
                    path.relative_to(site).as_posix(),
                    None,
                    "a symbolic link in the built site",
                    "remove the link from docs/",
                )
            )
            continue
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        if name.startswith("assets/") and _the_themes(path, name, theme_dirs):
            continue
        problems += _scan_path(path, name, memo)
    return problems


def _scan_path(path: Path, name: str, memo: dict | None) -> list[Problem]:
    data = path.read_bytes()
    key = (name, hashlib.blake2b(data, digest_size=20).digest()) if memo is not None else None
    if key is not None and key in memo:
        return memo[key]
    found = _scan_epub(data, name) if path.suffix.lower() == ".epub" else _scan_file(data, name)
    if key is not None:
        memo[key] = found
    return found


def check_file(path: Path, name: str) -> None:
    """One file of the output (the e-book, once it is written): stop on any problem, as check_output does."""
    _raise(_scan_path(Path(path), name, None))


def _the_themes(path: Path, name: str, theme_dirs: tuple[Path, ...]) -> bool:
    for folder in theme_dirs:
        original = Path(folder) / name
        if original.is_file() and original.stat().st_size == path.stat().st_size:
            return original.read_bytes() == path.read_bytes()
    return False


def _scan_epub(data: bytes, name: str) -> list[Problem]:
    problems = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return [Problem(name, None, "the e-book is not a zip file", "rebuild")]
    with archive:
        for info in archive.infolist():
            if info.file_size > 50_000_000:
                problems.append(
                    Problem(f"{name}!{info.filename}", None, "a file too large to be the edition's", "rebuild")
                )
                continue
            problems += _scan_file(archive.read(info), f"{name}!{info.filename}")
    return problems


def _raise(problems: list[Problem]) -> None:
    if problems:
        from mkdocs.exceptions import PluginError

        shown = problems[:20]
        more = len(problems) - len(shown)
        message = str(EditionError(shown))
        if more:
            message += f"\n... and {more} more of the same kinds"
        raise PluginError(message)


def check_output(site: Path, theme_dirs: tuple[Path, ...] = (), memo: dict | None = None) -> None:
    """For the build's on_post_build: stop, naming each problem and the source file it comes from."""
    _raise(scan_output(site, theme_dirs, memo))
