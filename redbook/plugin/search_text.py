"""What the site's search reads of a page: the words of the text, not the apparatus's controls.

Material's search plugin indexes each page's HTML by section. Left alone, it reads a note's popover as part of
the paragraph that calls it (a search for a word of note 30 then leads to a section where the word is hidden in a
closed popover, while the note is indexed anyway where it stands as text, at the end of the chapter), glues the
marker's number to the word before it ("assassination.17", which a search for "assassination" does not find) and
the paragraph number to the word after it ("5.22Olberg"). The same holds for person cards and citations.

Material's own `data-search-exclude` cannot help: its parser compares elements by tag name only, so the first
`</span>` inside an excluded `<span popover>` ends the exclusion. Instead, the plugin is handed, for the moment it
reads a page, a copy of the page without popovers, popover triggers and paragraph numbers; what readers get is
unchanged. tests/browser/test_navigation.py checks the outcome: the search leads to the paragraphs with the word.
"""

from __future__ import annotations

from redbook.plugin.pagecache import digest, toc_outline

APPARATUS = "[popover], button[popovertarget], a.pnum"


def strip_apparatus(soup) -> str:
    """The page without the apparatus's controls (the soup is used up): what the search index should read."""
    for element in soup.select(APPARATUS):
        element.decompose()
    return str(soup)


def _read_searchable(index, cache) -> None:
    """Make the search index read each page through the text its page work prepared (once per index); in the
    preview, a page whose text, contents and address did not change gives the entries it gave last time."""
    if getattr(index, "_edition_searchable", False) or not hasattr(index, "add_entry_from_context"):
        return
    original = index.add_entry_from_context

    def indexed(page):
        if cache is None or getattr(page, "edition_content_key", None) is None:
            return original(page)
        key = digest(page.content, page.url, page.title, toc_outline(page.toc), sorted(page.meta.items(), key=str))
        last = cache.search.get(page.file.src_uri)
        if last is not None and last[0] == key:
            index.entries.extend(last[1])
            return None
        start = len(index.entries)
        original(page)
        cache.search[page.file.src_uri] = (key, index.entries[start:])
        return None

    def add_entry_from_context(page):
        searchable = getattr(page, "edition_search_html", None)
        if searchable is None:
            return indexed(page)  # a page without apparatus controls
        shown = page.content
        page.content = searchable
        try:
            return indexed(page)
        finally:
            page.content = shown

    index.add_entry_from_context = add_entry_from_context
    index._edition_searchable = True


def read_searchable(config, cache=None) -> None:
    """`cache`: the preview's page cache (redbook/plugin/pagecache.py), or None in a full build."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and getattr(search, "search_index", None) is not None:
        _read_searchable(search.search_index, cache)
