"""Read the copy-text back out of the built site, for the word-for-word proof of fidelity.

The rendered pages say themselves what the edition added: an element with `data-copytext` stands for
the copy-text words in that attribute (an emendation carries the copy-text reading, a note marker its
"[n]", an editorial addition the empty string). Ordered lists stand for their printed numbers.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from .copytext import words

#: Parts of Material's page that are not the edition's text at all.
THEME_CHROME = [".headerlink", ".md-content__button", ".md-source-file", "script", "style"]
#: Elements that end a run of words: text on either side of them never joins into one word.
BLOCKS = [
    "p",
    "li",
    "td",
    "th",
    "tr",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "div",
    "section",
    "blockquote",
    "table",
    "header",
    "aside",
]


def copytext_words_of_page(html: str) -> list[str]:
    soup = BeautifulSoup(html, "lxml")
    article = soup.select_one("article") or soup
    for selector in THEME_CHROME:
        for element in article.select(selector):
            element.decompose()
    while (element := article.find(attrs={"data-copytext": True})) is not None:
        element.replace_with(element["data-copytext"])
    for ol in article.find_all("ol"):
        start = int(ol.get("start", 1))
        for offset, item in enumerate(ol.find_all("li", recursive=False)):
            item.insert(0, f"{start + offset}. ")
    for block in article.find_all(BLOCKS):
        block.insert_before("\n")
        block.append("\n")
    return words(article.get_text(""))
