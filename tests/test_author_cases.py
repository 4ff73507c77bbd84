"""The author-convention suite (tests/make_author_cases.py): a Chinese article's byline,
units and English names printed as journals outside the development half print them
(CAJ-CD B/T 1-2006 and GB/T 7713.2-2022 unit blocks in their spellings, units given only in
a 作者简介 or 作者单位 note, GB/T 28039-2011 English names with ; & and, ü and compound
surnames, Founder's 摇 spaces, letter-spaced names, role words, group authors). Every field
exact, or — where the case says the page cannot settle it — flagged `uncertain-field`;
fields compared as ../shared/eval/score.py compares them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_convention_cases import (assert_regenerated, compare_records, load_case, unflagged_uncertain,
                                         wrong_fields)

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "author_conventions"
CASES = sorted(p.parent.name for p in CASES_DIR.glob("*/truth.json"))


def result(case: str) -> tuple[dict, dict]:
    """(truth, issue record) of one case, ingested once per session."""
    return load_case(CASES_DIR, case)


def compare(case: str) -> list[tuple[str, bool, bool, str]]:
    """(field, exact, flagged, detail) for every field of the case's one article."""
    return compare_records(*result(case))


def test_the_suite_is_there_small_and_reproducible(tmp_path: Path) -> None:
    assert len(CASES) >= 30
    assert sum((CASES_DIR / c / "issue.pdf").stat().st_size for c in CASES) < 350_000   # (with the truth files, well under 500 KB)
    assert_regenerated("make_author_cases.py", CASES_DIR, ["founder_yao_byline", "en_semicolon", "group_author"],
                       tmp_path)


@pytest.mark.parametrize("case", CASES)
def test_author_case_fields(case: str) -> None:
    """Every field exact, except the case's `uncertain` ones, which must be flagged instead."""
    truth, _ = result(case)
    bad = wrong_fields(truth, compare(case))
    assert not bad, f"{case} ({truth['convention']}):\n" + "\n".join(bad)


@pytest.mark.parametrize("case", [c for c in CASES if json.loads(
    (CASES_DIR / c / "truth.json").read_text(encoding="utf-8"))["uncertain"]])
def test_unsettled_fields_are_flagged(case: str) -> None:
    truth, _ = result(case)
    assert not unflagged_uncertain(truth, compare(case)), case


if __name__ == "__main__":      # python -m tests.test_author_cases: a per-case table, flags shown
    n_ok = n_all = 0
    for c in CASES:
        rows = compare(c)
        n_ok, n_all = n_ok + sum(r[1] for r in rows), n_all + len(rows)
        print(f"{c:36s} {sum(r[1] for r in rows)}/{len(rows)}")
        for f, good, flagged, d in rows:
            if not good or flagged:
                print(f"    {f}{' [flagged]' if flagged else ''}{'' if good else ' WRONG'}: {d[:150]}")
    print(f"TOTAL {n_ok}/{n_all}")
