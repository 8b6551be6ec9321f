"""The dossier numbers (data/dossiers.yml): the tables of chapter 6, the page "The dossier numbers", the check
of the Russian alphabetical order, and bad data. Expectations come from the copy-text, not from the data."""

from __future__ import annotations

import copy
import csv
import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import redbook
from redbook.copytext import COPYTEXT
from redbook.russian import ALPHABET, russian_sorted, sort_key

from support import load_fails_with, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
DATA = "data/dossiers.yml"


# -- what the copy-text says, read independently of the data -------------------------------------------


def _copytext() -> str:
    return (ROOT / COPYTEXT).read_text(encoding="utf-8")


def _table_lines(after: str) -> list[str]:
    """The 'name number' lines that follow the paragraph containing `after`, up to the next blank line."""
    lines = _copytext().split("\n")
    start = next(i for i, line in enumerate(lines) if after in line) + 1
    while not lines[start].strip():
        start += 1
    block = []
    while lines[start].strip():
        block.append(lines[start].strip())
        start += 1
    assert all(re.fullmatch(r".+ \d+", line) for line in block), block
    return block


TABLE_1 = _table_lines("we obtain the following table[34]")
TABLE_2 = _table_lines("The other defendants have the following numbers [35]")


def _note(number: int) -> str:
    return next(line for line in _copytext().split("\n") if line.startswith(f"[{number}] "))


def _numbers_the_book_gives() -> dict[int, str]:
    """Every dossier number the copy-text gives: the two tables, and note 34's linked and collective dossiers."""
    found = {int(line.rsplit(" ", 1)[1]): "defendant" for line in TABLE_1 + TABLE_2}
    note = _note(34)
    found.update({int(n): "linked" for n in re.findall(r"(\d+)–[A-Z]", note)})
    found.update({int(n): "collective" for n in re.findall(r"dossier No\.(\d+)", note)})
    return found


def test_the_copytext_readings_these_tests_rely_on():
    assert len(TABLE_1) == 11 and TABLE_1[0] == "Bakaev 1" and TABLE_1[-1] == "Smirnov, I.N. 29"
    assert TABLE_2 == ["Lurie, M. 32", "Lurie, N. 33", "Evdokimov 36", "Ter-Vaganian 38"]
    assert _numbers_the_book_gives() == {
        **{n: "defendant" for n in (1, 4, 8, 10, 12, 15, 18, 21, 25, 27, 29, 32, 33, 36, 38)},
        3: "linked",
        14: "linked",
        24: "linked",
        31: "collective",
    }


# -- the reading text ------------------------------------------------------------------------------------


def _soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "lxml")


def test_the_tables_of_chapter_6_are_the_copytext_lines(site):
    tables = _soup(site, "chapter-6.html").select("article table.dossiers")
    assert len(tables) == 2
    for table, expected in zip(tables, (TABLE_1, TABLE_2)):
        rows = [" ".join(td.get_text(strip=True) for td in tr.find_all("td")) for tr in table.select("tbody tr")]
        assert rows == expected
        assert all(th.has_attr("data-copytext") and th["data-copytext"] == "" for th in table.select("th"))


def test_the_tables_stand_where_the_book_prints_them(site):
    """The first table follows the paragraph that announces it, the second the one that introduces the others."""
    article = _soup(site, "chapter-6.html").select_one("article")
    for table, words in zip(
        article.select("table.dossiers"),
        ("we obtain the following table", "The other defendants have the following numbers"),
    ):
        previous = table.find_parent("div", class_="numbered-block").find_previous_sibling("p")
        assert words in previous.get_text()


def test_the_tables_are_made_by_the_macro_not_typed():
    body = (ROOT / "docs" / "chapter-6.md").read_text(encoding="utf-8")
    assert "<table" not in body and "Olberg, V." not in body
    assert body.count("{{ dossier_table(1) }}") == 1 and body.count("{{ dossier_table(2) }}") == 1


# -- the page "The dossier numbers" ----------------------------------------------------------------------


def test_the_strip_shows_every_number_with_what_the_book_says_of_it(site):
    cells = _soup(site, "dossiers.html").select("ol.strip > li")
    given = _numbers_the_book_gives()
    assert [int(li.select_one(".strip__num").get_text()) for li in cells] == list(range(1, 39))
    for li in cells:
        number = int(li.select_one(".strip__num").get_text())
        status = given.get(number, "unaccounted")
        assert f"strip__cell--{status}" in li["class"], number
        hidden = li.select_one(".visually-hidden").get_text()  # what a screen reader says after the number
        assert {
            "defendant": "defendant’s dossier",
            "linked": "linked dossier",
            "collective": "collective dossier",
            "unaccounted": "not accounted for",
        }[status] in hidden


def test_the_count_of_unaccounted_numbers_beside_the_books(site):
    given = _numbers_the_book_gives()
    unaccounted = sorted(set(range(1, 39)) - set(given))
    assert len(unaccounted) == 19
    page = _soup(site, "dossiers.html")
    counts = page.select_one("dl.dossier-counts").get_text(" ")
    listed = page.select_one("dl.dossier-counts").find("dt", string=re.compile("no dossier")).find_next("dd")
    assert [int(a.get_text()) for a in listed.find_all("a")] == unaccounted
    assert "To whom, therefore, do the other 18 correspond?" in counts
    assert "Holtzman" in counts and "the number of his dossier remains unknown to us" in counts
    # the book's 18: 38 numbers less 19 people (15 defendants with numbers, 3 linked persons, Holtzman) less No. 31
    people = sum(1 for kind in given.values() if kind != "collective") + 1
    assert f"38 − {people} − 1 = {38 - people - 1}" in page.select_one("p.dossier-arithmetic").get_text()
    assert 38 - people - 1 == 18


def test_the_record_links_each_statement_to_the_paragraph_of_its_words(site):
    """Each row's link leads to a paragraph (or note) that contains the words the row quotes."""
    rows = _soup(site, "dossiers.html").select("table.investigation tbody tr")
    assert len(rows) >= 10
    pages = {}
    for row in rows:
        link = row.select_one("a.place")
        page, _, anchor = link["href"].partition("#")
        assert anchor, link
        pages.setdefault(page, _soup(site, page))
        target = pages[page].find(id=anchor)
        assert target is not None, link["href"]
        quote = row.select_one(".dossier-quote").get_text()
        book = copy.copy(target)
        for added in book.select('[data-copytext=""]'):  # the edition's own (a commentary's card), not the book's
            added.decompose()
        for phrase in re.findall(r"“(.+?)”(?: …|$)", quote):
            assert " ".join(phrase.split()) in " ".join(book.get_text().split()).replace("°", ""), (phrase, anchor)
    # the book's own examples: Olberg's 262 pages, M. Lurie's pages 243-244 and 252, N. Lurie's 142, Dreitzer's
    text = " ".join(row.get_text(" ") for row in rows)
    for pages_cited in ("262", "243-244", "252", "142", "102-103", "195", "77-78"):
        assert re.search(rf"\b{pages_cited}\b", text), pages_cited


def test_the_timeline_is_in_order_of_date(site):
    times = [
        t["datetime"] for li in _soup(site, "dossiers.html").select("ol.timeline > li") for t in li.find_all("time")[:1]
    ]
    assert times == sorted(times, key=lambda d: (d + "-00")[:10])
    for date in ("1936-02-21", "1936-05-09", "1936-07-21", "1936-07-31", "1936-08-10", "1936-08-14"):
        assert date in times


def test_the_latin_order_breaks_the_sequence_of_numbers(site):
    """In Latin order Zinoviev (12) moves to the end: the numbers stop rising; the Russian order keeps them."""
    items = [li.get_text() for li in _soup(site, "dossiers.html").select("ol.latin-order li")]
    expected = sorted(TABLE_1, key=lambda line: re.sub(r"[^a-z]", "", line.rsplit(" ", 1)[0].lower()))
    assert [re.sub(r" — (\d+).*", r" \1", item) for item in items] == expected
    flagged = [item for item in items if "out of the numbers’ order" in item]
    assert flagged == [next(i for i in items if i.startswith("Zinoviev"))]


def test_the_csv_gives_every_number_once(edition):
    rows = list(csv.DictReader(io.StringIO(edition.apparatus["dossiers"].to_csv())))
    assert [int(r["number"]) for r in rows] == list(range(1, 39))
    given = _numbers_the_book_gives()
    assert {int(r["number"]): r["status"] for r in rows} == {n: given.get(n, "unaccounted") for n in range(1, 39)}


# -- the collation ---------------------------------------------------------------------------------------


def test_the_alphabet_is_the_russian_alphabet():
    """33 letters: А to Я in Unicode order (which follows the alphabet) with Ё after Е."""
    letters = [chr(c) for c in range(ord("А"), ord("Я") + 1)]
    letters.insert(letters.index("Е") + 1, "Ё")
    assert ALPHABET == "".join(letters) and len(ALPHABET) == 33


def test_russian_order_letter_by_letter():
    # dictionary order: hyphens passed over, case ignored, Ё after Е and before Ж
    words = ["бак", "Бермана", "Берман-Юрин", "елка", "ёлка", "жук", "Терапевт", "Тер-Ваганян", "я"]
    assert russian_sorted(reversed(words)) == words
    with pytest.raises(ValueError):
        sort_key("Зинoвьев")  # a Latin o among the Cyrillic letters


def test_the_first_table_is_in_russian_order_and_the_others_stand_between(edition):
    data = edition.apparatus["dossiers"]
    first = [d.number for d in data.table(1)]
    assert first == sorted(first)
    ordered = [p.key for p in data.russian_order() if data.dossier_of(p.key) in data.table(1)]
    assert [data.dossier_of(k).number for k in ordered] == first
    stand = {s.person.key: s for s in data.would_stand()}
    assert (stand["evdokimov"].after.number, stand["evdokimov"].before.number) == (10, 12)
    assert (stand["lurie-m"].after.number, stand["lurie-m"].before.number) == (15, 18)
    assert stand["ter-vaganian"].after.number == 29 and stand["ter-vaganian"].before is None


# -- bad data ---------------------------------------------------------------------------------------------


def _edit(project: Path, old: str, new: str) -> int:
    """Replace `old` once in the data file; return the line where `new` now starts."""
    path = project / DATA
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1


def test_the_build_stops_when_the_data_contradicts_the_russian_order(project_copy):
    # Fritz David filed under the first word of his name as the record prints it ("Фриц Давид"): Ф comes after С
    line = _edit(project_copy, "    russian: Давид\n", "    russian: Фриц\n")
    result = mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(rf"{DATA}:{line}: the data contradicts the book's claim .* Russian alphabetical order", output)
    assert "fix:" in output and not (project_copy / "site" / "dossiers.html").exists()


def test_two_persons_with_one_number(project_copy):
    line = _edit(
        project_copy,
        "  - number: 4\n    kind: defendant\n    person: berman-yurin",
        "  - number: 1\n    kind: defendant\n    person: berman-yurin",
    )
    load_fails_with(project_copy, rf"{DATA}:{line}: dossier number 1 is given twice \(also line \d+\)")


def test_a_number_outside_the_books_range_without_a_reason(project_copy):
    line = _edit(project_copy, "  - number: 38\n", "  - number: 40\n")
    load_fails_with(project_copy, rf"{DATA}:{line}: dossier number 40 is outside the book's 1-38")


def test_a_number_outside_the_range_with_a_reason_is_kept(project_copy):
    _edit(
        project_copy,
        "\n# Defendants whose dossier number",
        "  - number: 40\n    kind: collective\n    depositions: [safonova]\n    in: note 34\n"
        "    quote: Safonova\n    reason: a test of a number beyond the book's\n"
        "\n# Defendants whose dossier number",
    )
    data = redbook.load(project_copy).apparatus["dossiers"]
    assert [d.number for d in data.outside()] == [40]
    assert len(data.slots()) == 38 and data.rows()[-1]["number"] == 40


def test_an_unknown_person_key(project_copy):
    line = _edit(project_copy, "    linked_to: [bakaev]\n", "    linked_to: [bakayev]\n")
    load_fails_with(project_copy, rf"{DATA}:{line}: dossier 3: unknown person key 'bakayev'")


def test_a_cyrillic_surname_missing_where_the_order_check_needs_it(project_copy):
    _edit(project_copy, "    russian: Гольцман\n    russian_from: record\n    russian_in_record: Гольцман Э. С.\n", "")
    path = project_copy / DATA
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if "key: holtzman" in text)
    load_fails_with(project_copy, rf"{DATA}:{line}: person holtzman has no Cyrillic surname")


def test_a_latin_letter_in_a_cyrillic_surname(project_copy):
    line = _edit(project_copy, "    russian: Пикель\n", "    russian: Пикeль\n")  # a Latin e
    load_fails_with(
        project_copy,
        rf"{DATA}:{line}: person pikel: the Russian form 'Пикeль' has letters that are not "
        r"Cyrillic \('e'\)",
    )


def test_a_table_row_that_is_not_a_line_of_the_copytext(project_copy):
    line = _edit(project_copy, "  - number: 25\n    kind: defendant", "  - number: 26\n    kind: defendant")
    load_fails_with(project_copy, rf"{DATA}:{line - 0}: dossier 26: the copy-text has no line 'Pikel 26'")


def test_a_quote_that_is_not_in_the_place_it_names(project_copy):
    line = _edit(
        project_copy,
        "      quote: On May 9 the investigation of Olberg was already finished.\n",
        "      quote: On May 19 the investigation of Olberg was already finished.\n",
    )
    load_fails_with(
        project_copy,
        rf"{DATA}:{line}: statement \d+ of the record: the words 'On May 19 .*' are not in "
        r"docs/chapter-5\.md",
    )


def test_a_table_call_that_names_no_table(project_copy):
    chapter = project_copy / "docs" / "chapter-6.md"
    text = chapter.read_text(encoding="utf-8").replace("{{ dossier_table(2) }}", "{{ dossier_table(3) }}")
    chapter.write_text(text, encoding="utf-8")
    line = text[: text.index("dossier_table(3)")].count("\n") + 1
    message = load_fails_with(project_copy, rf"docs/chapter-6\.md:{line}: dossier_table\(3\) names a table")
    assert re.search(rf"{DATA}:\d+: table 2 of the dossiers is called from no page", message)


def test_a_quoted_phrase_must_name_one_numbered_paragraph():
    """redbook/plugin/phrases.py: the words an apparatus quotes lead to exactly one paragraph, or the build says where."""
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    from redbook.plugin.phrases import phrase_places

    page = SimpleNamespace(stem="chapter-5", url="chapter-5.html", path="docs/chapter-5.md", paragraph_prefix="5")
    texts = ["First paragraph, with\n  the words.", "Second paragraph.", "Third, again the words."]

    def places(phrase):
        ref = SimpleNamespace(page="chapter-5", phrase=phrase, key="k", path=DATA, line=7)
        part = SimpleNamespace(phrases=lambda: [ref])
        return phrase_places(SimpleNamespace(apparatus={"x": part}), page, texts)

    assert places("with the words") == {"k": ("chapter-5.html", "p5.1")}
    assert places("Second paragraph") == {"k": ("chapter-5.html", "p5.2")}
    with pytest.raises(PluginError, match=rf"{DATA}:7: the words 'no such words' are in no numbered paragraph"):
        places("no such words")
    with pytest.raises(PluginError, match=r"are in 2 paragraphs"):
        places("the words")
