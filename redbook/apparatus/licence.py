"""The edition's licences (data/licence.yml), loaded and checked with the rest of the model: a mistake in the
file stops the build and `make check` with its line. The data and its reader live in redbook/downloads/licence.py."""

from __future__ import annotations

from redbook import licence

NAME = "licence"
ORDER = 95
INPUTS = (licence.LICENCE_FILE,)  # the files it reads (redbook/incremental.py)


def load(edition, problems):
    return licence.load(edition.root, problems)
