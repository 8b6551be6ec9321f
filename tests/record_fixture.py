"""Test data for issue 25 (data/record.yml, data/volumes.yml), written into a throw-away project copy: the
real files are record-data's. The words are the book's; the locators are invented for the tests only."""

from __future__ import annotations

from pathlib import Path

RECORD = """\
copies:
  - key: report-1936
    sessions:
      - {page: "19/indictment.htm", session: "1936-08-19 morning", part: "indictment"}
      - {page: "19/reingold.htm", session: "1936-08-19 evening", part: "examination of Reingold"}
      - {page: "20/kamenev.htm", session: "1936-08-20 morning", part: "examination of Kamenev"}
      - {page: "22/vyshinsky.htm", session: "1936-08-22 morning", part: "the prosecutor's speech"}
quotations:
  - {key: fw-record, page: foreword, near: "based on the official record", quotes: record1936, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - key: ch2-kamenev-third
    page: chapter-2
    near: "It is for the third time that I appear before the court."
    quotes: record1936
    kind: quotation
    status: located
    copy: report-1936
    session: "1936-08-22 morning"
    part: "the prosecutor's speech"
    at: "22/vyshinsky.htm, paragraph beginning “x”"
    agreement: same
  - key: ch3-reingold-kirov
    page: chapter-3
    near: "I learned from Zinoviev himself"
    quotes: record1936
    kind: quotation
    status: located
    copy: report-1936
    session: "1936-08-19 evening"
    part: "examination of Reingold"
    at: "19/reingold.htm, paragraph beginning “x”"
    pages: "p. 55"
    agreement: close
  - key: ch3-evdokimov
    page: chapter-3
    near: "Evdokimov finally testifies"
    quotes: record1936
    kind: quotation
    status: located
    copy: report-1936
    session: "1936-08-19 morning"
    part: "indictment"
    at: "19/indictment.htm, paragraph beginning “x”"
    agreement: different
    remark: "The copy gives other words."
  - key: ch3-vyshinsky-honor
    page: chapter-3
    near: "desire to out-do the terrorist-Trotskyists"
    quotes: record1936
    kind: quotation
    status: not located in the copies read
    searched:
      - "report-1936: 22/vyshinsky.htm: searched “out-do”"
  - key: ch3-bakaev
    page: chapter-3
    near: "Bakaev, for his part, declared before the court"
    quotes: record1936
    kind: quotation
    status: located
    copy: report-1936
    session: "1936-08-20 morning"
    part: "examination of Kamenev"
    at: "20/kamenev.htm"
    agreement: close
  - {key: ch4-deceit, page: chapter-4, near: "Vyshinsky himself qualifies the testimony", quotes: record1936, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch4-lied, page: chapter-4, near: "have lied previously as they are lying now", quotes: record1936, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch4-power, page: chapter-4, near: "For power, power at any price", quotes: record1936, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch7-reingold, page: chapter-7, near: "in an organizational and also personal relationship", quotes: record1936, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch7-kamenev-secret, page: chapter-7, near: "member of the center whose participation was strictly secret", quotes: record1936, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch7-kamenev-plot, page: chapter-7, near: "was composed of the following people", quotes: record1936, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch7-smirnov, page: chapter-7, near: "the Lominadze group had also joined the bloc", quotes: record1936, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - {key: ch7-kamenev-substitutes, page: chapter-7, near: "could perform the role with success", quotes: record1936, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch7-safonova, page: chapter-7, near: "was herself a member of the Trotskyist center", quotes: record1936, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: n19, note: 19, near: "The testimony of Evdokimov and Bakaev.", quotes: record1936, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - {key: n21, note: 21, near: "The principal practical task", quotes: record1936, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: n22, note: 22, near: "he did not know that there had been", quotes: record1936, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: n32, note: 32, near: "according to the court information", quotes: record1936, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
"""

VOLUMES = """\
citations:
  - volume: "XXXVI"
    page: "6"
    whose: zinoviev
    statement: "Zinoviev's testimony"
    section: indictment
    at: "19/indictment.htm, paragraph beginning “x”"
    copy: report-1936
    after: "words"
  - volume: "XII"
    whose: other
    statement: "a document"
    section: indictment
    at: "19/indictment.htm"
    copy: report-1936
comparison:
  - person: zinoviev
    agreement: "Sedov gives dossier number N; the record cites Vol. XXXVI."
"""


def write(project: Path, record: str = RECORD, volumes: str | None = VOLUMES) -> None:
    (project / "data" / "record.yml").write_text(record, encoding="utf-8")
    if volumes is not None:
        (project / "data" / "volumes.yml").write_text(volumes, encoding="utf-8")
