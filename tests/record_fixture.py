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
  # the book's citations of the indictment, the verdicts and the press (each must have its entry too)
  - {key: ch1-pravda-crystal, page: chapter-1, near: "pure and clear as a crystal", quotes: pravda, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch3-tass-december-22, page: chapter-3, near: "fourteen old Zinovievists had been arrested", quotes: tass, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - {key: ch3-verdict1935-not-established, page: chapter-3, near: "the investigation has not established the facts", quotes: verdict1935, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch3-indictment-gertik-kuklin, page: chapter-3, near: "it was also mentioned in the indictment", quotes: indictment1936, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - {key: ch3-verdict1936-power, page: chapter-3, near: "they were hoping for one thing only", quotes: verdict1936, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - {key: n21-verdict1936-established, note: 21, near: "the court considered the fact established", quotes: verdict1936, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - {key: ch4-verdict1935-inquiry, page: chapter-4, near: "the inquiry had not been able to establish the facts", quotes: verdict1935, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch4-verdict1935-list, page: chapter-4, near: "principal organizer and leader of the Moscow Center", quotes: verdict1935, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch4-verdict1935-most-active, page: chapter-4, near: "among the most “active,”", quotes: verdict1935, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - {key: ch4-indictment-only-motive, page: chapter-4, near: "It is irrefutably established that the only motive for the organization of the Trotskyist-Zinovievist block", quotes: indictment1936, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch4-pravda-september-12, page: chapter-4, near: "attempted to hide the true purpose of their struggle", quotes: pravda, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch4-tass-consul-recalled, page: chapter-4, near: "recalled by his government", quotes: tass, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch4-humanite-duclos-ties, page: chapter-4, near: "there existed ties", quotes: humanite, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch4-humanite-consul-link, page: chapter-4, near: "served as a link between Trotsky and the group of assassins in Leningrad", quotes: humanite, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch4-humanite-red-with-blood, page: chapter-4, near: "Trotsky’s hands are red with the blood of a proletarian leader", quotes: humanite, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch5-volkszeitung-stauer, page: chapter-5, near: "indicating that Berman-Yurin also went by the name of Stauer", quotes: volkszeitung, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - {key: ch5-imprecor-emel, page: chapter-5, near: "In Pilsudski’s Poland Trotsky enjoys the special sympathy of the political police", quotes: imprecor, kind: quotation, status: not located in the copies read, searched: ["x"]}
  - {key: ch5-volkszeitung-expelled, page: chapter-5, near: "a month and a half after their execution", quotes: volkszeitung, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - {key: ch6-indictment-set-aside, page: chapter-6, near: "The indictment states that the cases of", quotes: indictment1936, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - {key: n35-evdokimov-august-10, note: 35, near: "Evdokimov’s confessions date only from August 10", quotes: indictment1936, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - {key: n35-indictment-signed-august-14, note: 35, near: "the very day the prosecutor signed the indictment", quotes: indictment1936, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - {key: ch7-indictment-composition, page: chapter-7, near: "give the Unified Center the following composition", quotes: indictment1936, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
  - {key: ch7-verdict1936-composition, page: chapter-7, near: "from the Zinovievists, and Smirnov, Ter-Vaganian, Mrachkovsky", quotes: verdict1936, kind: paraphrase, status: not located in the copies read, searched: ["x"]}
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
