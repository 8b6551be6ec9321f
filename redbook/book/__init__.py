"""The edition as a book: the built site's pages turned into print (PDF) or e-book form.

The web rendering (macros/, redbook/plugin/plugin.py) is the one renderer of each thing; the book outputs take the
pages it produced, after macros, emendations and paragraph numbering, and turn their web apparatus into
the book's form:

    pages.py      the built site's pages in reading order, each with its <article>
    transform.py  web apparatus -> print or e-book (notes, emendations, paragraph numbers, popovers, links)
    backmatter.py the back matter from edition.apparatus (index of persons, sources) with page references
    pdf.py        the print HTML and paged-media stylesheet (print.css) -> PDF with WeasyPrint
"""
