"""The register of persons: its lists against the copy-text, the finder against a hand-checked reading, the index,
the cards and the rosters of the built site, and the author's counts recomputed from the data."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from redbook.copytext import COPYTEXT

ROOT = Path(__file__).resolve().parent.parent
HAND = ROOT / "tests" / "data" / "hand-mentions.yml"
NUMBER_WORDS = {"four": 4, "five": 5, "six": 6, "seven": 7, "eleven": 11, "twelve": 12, "sixteen": 16, "three": 3}


@pytest.fixture(scope="module")
def register(edition):
    return edition.apparatus["persons"]


@pytest.fixture(scope="module")
def copytext():
    return (ROOT / COPYTEXT).read_text(encoding="utf-8")


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "lxml")


def _names(register, key) -> set[str]:
    person = register.person(key)
    return {*person.forms, *person.variants}


# -- the book's lists, read from the copy-text itself ------------------------------------------------------
def _between(copytext: str, start: str, end: str) -> str:
    i = copytext.index(start)
    return copytext[i : copytext.index(end, i)]


def _check_list(register, group, printed: list[tuple[int, str]]) -> None:
    members = {m.number: p for p, m in register.members(group)}
    assert sorted(members) == [n for n, _ in printed], group
    for number, name in printed:
        assert name in _names(register, members[number].key), (group, number, name, members[number].key)


def test_the_forty_one_are_the_books_list(register, copytext):
    block = _between(copytext, "Here is the list: [32]", "All these men are accused")
    printed = [(int(n), name.strip()) for n, name in re.findall(r"^(\d+)\. ([^,;\n]+?)(?:,|;|\.$)", block, re.M)]
    assert len(printed) == 41
    _check_list(register, "others-41", printed)


def test_the_twelve_set_aside_are_the_indictments_list(register, copytext):
    block = _between(copytext, "The indictment states that the cases of", "have been set aside")
    printed = [(int(n), name.strip()) for n, name in re.findall(r"(\d+)\) ([^,–]+?),", block)]
    assert len(printed) == 12
    _check_list(register, "set-aside-12", printed)


def test_the_nineteen_of_1935_with_their_sentences(register, copytext):
    block = _between(copytext, "Here is the list: 1. Zinoviev", "In connection with this case")
    printed = [
        (int(n), f"{name}, {initials}")
        for n, name, initials in re.findall(r"(\d+)\. ([A-Z][a-z]+), ([A-Z]\.[A-Z]\.)", block)
    ]
    printed.insert(0, (1, "Zinoviev"))
    assert [n for n, _ in printed] == list(range(1, 20))
    _check_list(register, "sentenced-1935", printed)
    # the sentence of each, as the list states it after each run of names
    terms = {
        range(1, 2): "ten years",
        range(2, 5): "ten years",
        range(5, 10): "eight years",
        range(10, 17): "six years",
        range(17, 20): "five years",
    }
    for person, m in register.members("sentenced-1935"):
        expected = next(term for numbers, term in terms.items() if m.number in numbers)
        assert m.sentence.startswith(expected), (person.key, m.sentence)


def test_the_nine_added_to_the_list_of_142(register, copytext):
    block = _between(copytext, "One must add to this list", "(the majority of these")
    printed = [(int(n), name) for n, name in re.findall(r"(\d+)\) ([A-Z][a-z]+)", block)]
    assert len(printed) == 9
    _check_list(register, "added-1935-9", printed)


def test_the_sixteen_in_the_books_two_groups(register, copytext):
    first = _between(copytext, "The Accused of the First Group", "The Second Group")
    second = _between(copytext, "The Second Group", "A few words must still be said")
    for part, block, size in (("first", first, 11), ("second", second, 5)):
        printed = [(int(n), name) for n, name in re.findall(r"^(\d+)\. ([A-Z][\w -]+?), [A-Z]", block, re.M)]
        assert len(printed) == size
        members = {m.number: p for p, m in register.members("defendants-1936", part)}
        for number, name in printed:
            assert any(f.startswith(name) for f in _names(register, members[number].key)), (part, number, name)


def test_every_form_of_the_register_is_printed_in_the_copytext(register, copytext):
    for person in register.persons.values():
        for form in (*person.forms, *person.variants):
            assert form in copytext, (person.key, form)


def test_words_that_look_like_names_are_not_persons(register):
    found = {m.form for m in register.mentions}
    for word in (
        "Trotskyist",
        "Trotskyism",
        "Stalinist",
        "Stalinism",
        "Zinovievists",
        "Leninism",
        "Leningrad",
        "Bonapartist",
        "Thermidorians",
        "Pravda",
        "Izvestia",
        "Leninbund",
    ):
        assert word not in found


def test_the_ambiguous_names_are_told_apart(register):
    def forms(key):
        return [m.form for m in register.mentions_of(key)]

    assert forms("bauer-e") == ["E. Bauer", "Bauer"] and "Otto Bauer" in forms("bauer-o")
    assert forms("dreitzer-sister") == ["Dreitzer"] and len(forms("dreitzer")) > 3
    assert "Olberg" in forms("olberg-p") and "P. Olberg" in forms("olberg-p")
    assert all(f != "P. Olberg" for f in forms("olberg-v"))
    assert "Emel’s (Lurie’s)" in forms("lurie-m") and "N. Lurie" in forms("lurie-n")
    assert "Luries" in forms("lurie-m") and "Luries" in forms("lurie-n")  # "the two Luries" names both
    assert "Volodya" in forms("lenin")


# -- the finder against a hand-checked reading of two whole chapters -----------------------------------
def test_precision_and_recall_on_hand_checked_chapters(register, capsys):
    hand = yaml.safe_load(HAND.read_text(encoding="utf-8"))
    assert set(hand) >= {"chapter-2", "chapter-7"}
    total_hand = total_found = total_right = 0
    for stem, expected in hand.items():
        found = [m.key for m in register.mentions_on(stem)]
        matcher = difflib.SequenceMatcher(a=expected, b=found, autojunk=False)
        right = sum(block.size for block in matcher.get_matching_blocks())
        total_hand, total_found, total_right = total_hand + len(expected), total_found + len(found), total_right + right
        with capsys.disabled():
            print(f"\npersons finder, {stem}: {len(expected)} mentions by hand, {len(found)} found, {right} agree")
    precision, recall = total_right / total_found, total_right / total_hand
    with capsys.disabled():
        print(f"persons finder: precision {precision:.3f}, recall {recall:.3f} over {total_hand} hand-checked mentions")
    assert precision == 1.0 and recall == 1.0


# -- the built site: marked names and cards ----------------------------------------------------------------
def test_marked_names_are_the_register_forms_and_open_a_card_of_their_page(site, edition, register):
    marked = 0
    for page in edition.reading_pages():
        html = soup(site, page.url)
        cards = {card["id"] for card in html.select("div.person-card[popover]")}
        mentions: list[tuple[str, str]] = []  # (key, words); a name broken by a marker continues (data-part=more)
        for span in html.select("span.person"):
            key = span["data-person"]
            words = "".join(t for t in span.find_all(string=True) if not t.find_parent("button"))
            if span.get("data-part") == "more":
                assert mentions and mentions[-1][0] == key, (page.url, words, key)
                mentions[-1] = (key, mentions[-1][1] + words)
                continue
            mentions.append((key, words))
            for button in span.find_all("button", recursive=False):
                assert button["popovertarget"] == f"card-{key}" and button["popovertarget"] in cards
                assert button["data-copytext"] == ""
        for key, words in mentions:
            assert re.sub(r"(’s|'s)$", "", words) in _names(register, key), (page.url, words, key)
            marked += 1
    assert marked == len(register.mentions)


def test_each_card_has_one_button_at_the_first_mention_of_its_page(site, edition):
    for page in edition.reading_pages():
        html = soup(site, page.url)
        for card in html.select("div.person-card"):
            key = card["id"].removeprefix("card-")
            buttons = html.select(f'button[popovertarget="{card["id"]}"]')
            assert len(buttons) == 1, (page.url, key)
            first = html.select(f'span.person[data-person="{key}"]')
            inside_emendation = [s for s in first if s.find_parent(class_="emendation")]
            assert buttons[0].parent is [s for s in first if s not in inside_emendation][0], (page.url, key)


def test_a_card_gives_name_dates_identification_lists_and_all_mentions(site, edition, register):
    html = soup(site, "chapter-5.html")
    card = html.find(id="card-zinoviev")
    text = card.get_text(" ")
    assert "Zinoviev, G.E." in text and "1883" in text
    assert "chairman of the Communist International" in text
    assert "The sixteen defendants of August 1936" in text and "no. 1" in text
    link = card.select_one("a.person-card__all")
    count = int(re.search(r"All (\d+) mentions", link.get_text()).group(1))
    assert link["href"] == "persons.html#person-zinoviev"
    assert count == sum(
        len(soup(site, p.url).select('span.person[data-person="zinoviev"]')) for p in edition.reading_pages()
    )
    source = card.select_one(".person-source a")
    assert source["href"].startswith("chapter-5.html#p5.")  # the roster paragraph of chapter 5
    target = html.find(id=source["href"].split("#")[1])
    assert "Zinoviev, G.E. (born in 1883)" in target.get_text()


# -- the index of persons ----------------------------------------------------------------------------------
def test_the_index_has_every_person_a_letter_bar_and_cross_references(site, register):
    html = soup(site, "persons.html")
    entries = html.select("div.index-entry:not(.index-xref)")
    assert {e["id"] for e in entries} == {f"person-{k}" for k in register.persons}
    letters = [a.get_text() for a in html.select("nav.letter-bar a")]
    assert letters == sorted(letters)
    for a in html.select("nav.letter-bar a"):
        assert html.find(id=a["href"][1:]) is not None
    xrefs = {x.select_one(".index-name").get_text(): x.select_one("a")["href"] for x in html.select(".index-xref")}
    for variant, key in (
        ("Piatokov", "piatakov"),
        ("Hertzberg", "herzberg"),
        ("Bravo", "brave"),
        ("Safanova", "safonova"),
    ):
        assert xrefs[variant] == f"#person-{key}"
    names = [e.select_one(".index-name").get_text() for e in html.select("div.index-entry")]
    assert names.index("Piatakov") < names.index("Piatokov") < names.index("Pikel, R.V.")


def test_each_index_mention_leads_to_a_paragraph_that_names_the_person(site, edition, register):
    html = soup(site, "persons.html")
    blocks: dict[str, dict] = {}  # page -> {id: its text}, made once a page (a search of the tree per link is slow)
    checked = 0
    for entry in html.select("div.index-entry:not(.index-xref)"):
        key = entry["id"].removeprefix("person-")
        links = entry.select(".index-mentions a")
        count = int(re.match(r"(\d+)", entry.select_one(".index-count").get_text()).group(1))
        assert len(links) == count == register.count(key)
        for chapter in entry.select(".index-chapter"):
            n = int(re.search(r"\((\d+)\)", chapter.get_text()).group(1))
            assert n == len(chapter.select("a"))
        surnames = {re.split(r"[ ,’(]", f)[0] for f in _names(register, key)} | {
            f.split()[-1] for f in _names(register, key)
        }
        for link in links:
            url, anchor = link["href"].split("#")
            if url not in blocks:
                blocks[url] = {}
                for el in soup(site, url).find_all(id=True):
                    blocks[url].setdefault(el["id"], el)  # the first, as find(id=) gives
            block = blocks[url].get(anchor)
            assert block is not None, link["href"]
            text = block.get_text(" ")
            assert any(s in text for s in surnames), (key, link["href"])
            if anchor.startswith("p"):
                assert link.get_text() == anchor[1:]
            checked += 1
    assert checked == len(register.mentions)


# -- the rosters --------------------------------------------------------------------------------------------
def _rows(table) -> list[list[str]]:
    return [[c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])] for row in table.select("tbody tr")]


def test_the_rosters_are_the_books_lists(site, copytext):
    html = soup(site, "rosters.html")
    defendants = html.find(id="group-defendants-1936").find_parent("section").select("table.roster")
    assert [len(_rows(t)) for t in defendants] == [11, 5]
    others = _rows(html.find(id="group-others-41").find_parent("section").select_one("table.roster"))
    block = _between(copytext, "Here is the list: [32]", "All these men are accused")
    printed = re.findall(r"^(\d+)\. ([A-Z][a-z]+)", block, re.M)
    assert len(others) == len(printed) == 41
    for (number, surname), row in zip(printed, others):
        assert row[0] == number
        assert row[1].startswith(surname) or (number, surname) in {
            ("5", "Dreitzer"),
            ("13", "Hertzberg"),
            ("21", "Piatokov"),
        }
    sentenced = _rows(html.find(id="group-sentenced-1935").find_parent("section").select_one("table.roster"))
    assert len(sentenced) == 19 and sentenced[0][1] == "Zinoviev, G.E." and sentenced[0][2].startswith("ten years")
    assert sentenced[18][1] == "Bravo, B.L." and sentenced[18][2].startswith("five years")
    nikolaev = html.find(id="group-nikolaev-14").find_parent("section")
    assert "The book counts 14" in nikolaev.get_text() and len(_rows(nikolaev.select_one("table"))) < 14


# -- the author's counts ------------------------------------------------------------------------------------
def _marks(site, edition):
    for page in edition.reading_pages():
        html = soup(site, page.url)
        for mark in html.select("span.sum-check"):
            yield page, mark


def test_each_count_shown_beside_the_text_is_the_sum_of_its_terms(site, edition):
    seen = 0
    for page, mark in _marks(site, edition):
        assert mark["data-copytext"] == ""
        pop = mark.select_one("[popover]")
        values = [
            int(v.get_text().replace("−", "-").replace("+", "").replace(" ", "")) for v in pop.select(".sum-value")
        ]
        book, result = map(
            int, re.search(r"The book: (\d+)\. From the register: .*?= (\d+)\.", pop.get_text()).groups()
        )
        assert sum(values) == result
        # the book's number is printed (as figures or words) just before the mark
        before = "".join(mark.find_all_previous(string=True, limit=6)[::-1])[-120:]  # across marked names
        numbers = {int(n) for n in re.findall(r"\d+", before)} | {v for w, v in NUMBER_WORDS.items() if w in before}
        assert book in numbers, (page.url, before)
        verdict = "checks" if result == book else "does not check"
        assert verdict in pop.select_one(".pop-head").get_text()
        seen += 1
    assert seen >= 20


def test_the_counts_named_in_the_issue_are_checked(site, edition):
    found = {}
    for _page, mark in _marks(site, edition):
        pop = mark.select_one("[popover]")
        book, result = map(
            int, re.search(r"The book: (\d+)\. From the register: .*?= (\d+)\.", pop.get_text()).groups()
        )
        found[mark["id"]] = (book, result)
    assert found["sum-list-142-mark"] == (142, 142)
    assert found["sum-total-286-mark"] == (286, 286)
    assert found["sum-adds-up-to-24-mark"] == (24, 24)
    assert found["sum-ninety-seven-mark"] == (97, 97)
    assert found["sum-dossiers-18-mark"] == (18, 18)
    assert found["sum-white-guards-102-mark"] == (102, 104)  # chapter 3 says 104: an observation, not a check


def test_group_terms_are_the_rosters_row_counts(site):
    html = soup(site, "rosters.html")
    compared = 0
    for term in html.select("table.sums-table li.sum-term"):
        link = term.select_one('a[href^="rosters.html#group-"]')
        if link is None:
            continue
        heading = html.find(id=link["href"].split("#")[1])
        if link.get_text() != heading.get_text():
            continue  # a part of a list, the book's own count, or the persons of one list not on others
        rows = sum(len(_rows(t)) for t in heading.find_parent("section").select("table.roster"))
        assert int(term.select_one(".sum-value").get_text().lstrip("+− ")) == rows, term.get_text()
        compared += 1
    assert compared >= 10
