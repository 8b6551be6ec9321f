"""The index of organisations (data/organisations.yml): parties and their organs, the police, courts, the press
and news agencies the book cites, oppositions and groups, and the groups the prosecution alleged, with every
place the reading text and the notes name them.

Loaded before the places (ORDER 49 < 50), so that a place named inside an organisation's name ("the Leningrad
Center") is a mention of the organisation only. An alleged group (`alleged: true`) carries the place where the book
argues that it did not exist (`disputed:`) and the one statement ALLEGED_STATEMENT. The finding and the checks are
redbook/named.py's; see there for the API (entries, mentions, occurrences_on, records, phrases).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Collector
from ..named import ALLEGED_STATEMENT, Index, Spec, load_index  # noqa: F401

NAME = "organisations"
ORDER = 49  # after the persons (40), before the places (50)
DATA = Path("data/organisations.yml")
INPUTS = (DATA,)  # the files it reads; what it reads of the model is recorded (redbook/incremental.py)

KINDS = frozenset(
    {
        "party",  # a party, or one of its national or local organisations
        "party-organ",  # a body of a party: Central Committee, Politburo, Control Commission
        "state",  # a body of a state: a soviet, a council, a commissariat, a parliament, a government
        "police",  # the political police and its predecessors and branches
        "court",  # a court or tribunal
        "army",  # an army, or one of its units or commands
        "press",  # a newspaper, a journal, a news agency
        "international",  # an international organisation
        "group",  # an opposition, a faction, a group, a movement
        "association",  # a society or association
        "congress",  # a party congress (issue 26), usually with parent: the party
    }
)
FIELDS = frozenset(
    {
        *("key", "name", "kind", "forms", "about", "from", "evidence", "alleged", "disputed", "named_after", "remark"),
        # issue 26: the body's dates, its place in the index, its cross-references
        *("founded", "renamed", "dissolved", "dates_evidence", "dates_single", "parent", "see_also"),
    }
)
REQUIRED = frozenset({"key", "name", "kind", "forms", "about"})
SPEC = Spec(
    NAME, "organisation", "org", DATA, KINDS, FIELDS, REQUIRED, "organisations", ("cross_references", "not_indexed")
)


def load(edition, problems: Collector) -> Index:
    return load_index(edition, problems, SPEC)
