"""The two byline suites, checked alike:
- the name-convention suite (tests/make_name_cases.py, tests/name_conventions/): bylines that
  vary one naming or printing convention for authors (GB/T 28039-2011, compound surnames,
  surnames with their own reading, middle-dot names, Wade–Giles and Cantonese spellings,
  Latin names in the Chinese byline);
- the author-convention suite (tests/make_author_cases.py, tests/author_conventions/): a
  Chinese article's byline, units and English names printed as journals outside the
  development half print them (CAJ-CD B/T 1-2006 and GB/T 7713.2-2022 unit blocks in their
  spellings, units given only in a 作者简介 or 作者单位 note, GB/T 28039-2011 English names
  with ; & and, ü and compound surnames, Founder's 摇 spaces, letter-spaced names, role
  words, group authors).
Every field exact, or — where the case says the page cannot settle it — flagged
`uncertain-field`; fields compared as ../shared/eval/score.py compares them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_convention_cases import (assert_regenerated, compare_records, load_case, unflagged_uncertain,
                                         wrong_fields)

HERE = Path(__file__).resolve().parent
# suite folder -> (its generator, least cases, PDF bytes at most, cases the regeneration check redraws)
SUITES = {
    "name_conventions": ("make_name_cases.py", 15, 200_000, None),   # (None: every case is drawn again)
    "author_conventions": ("make_author_cases.py", 30, 350_000, None),
}
CASES = [f"{suite}/{p.parent.name}" for suite in SUITES for p in sorted((HERE / suite).glob("*/truth.json"))]


def result(case: str) -> tuple[dict, dict]:
    """(truth, issue record) of one case (`suite/case`), ingested once per session."""
    suite, name = case.split("/")
    return load_case(HERE / suite, name)


def compare(case: str) -> list[tuple[str, bool, bool, str]]:
    """(field, exact, flagged, detail) for every field of the case's one article."""
    return compare_records(*result(case))


@pytest.mark.parametrize("suite", SUITES)
def test_the_suite_is_there_small_and_reproducible(suite: str, tmp_path: Path) -> None:
    generator, least, most, redraw = SUITES[suite]
    names = [c.split("/")[1] for c in CASES if c.startswith(f"{suite}/")]
    assert len(names) >= least
    assert sum((HERE / suite / c / "issue.pdf").stat().st_size for c in names) < most
    assert_regenerated(generator, HERE / suite, names if redraw is None else redraw, tmp_path)


@pytest.mark.parametrize("case", CASES)
def test_case_fields(case: str) -> None:
    """Every field exact, except the case's `uncertain` ones, which must be flagged instead."""
    truth, _ = result(case)
    bad = wrong_fields(truth, compare(case))
    assert not bad, f"{case} ({truth['convention']}):\n" + "\n".join(bad)


@pytest.mark.parametrize("case", [c for c in CASES if json.loads(
    (HERE / c / "truth.json").read_text(encoding="utf-8"))["uncertain"]])
def test_unsettled_fields_are_flagged(case: str) -> None:
    truth, _ = result(case)
    assert not unflagged_uncertain(truth, compare(case)), case


if __name__ == "__main__":      # python -m tests.test_name_cases: a per-case table of both suites, flags shown
    n_ok = n_all = 0
    for c in CASES:
        rows = compare(c)
        n_ok, n_all = n_ok + sum(r[1] for r in rows), n_all + len(rows)
        print(f"{c:48s} {sum(r[1] for r in rows)}/{len(rows)}")
        for f, good, flagged, d in rows:
            if not good or flagged:
                print(f"    {f}{' [flagged]' if flagged else ''}{'' if good else ' WRONG'}: {d[:150]}")
    print(f"TOTAL {n_ok}/{n_all}")
