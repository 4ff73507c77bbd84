"""English text fidelity (tests/en_fidelity/, made by tests/make_en_fidelity_cases.py with
truth from the generator's input): the title, abstract and keywords must equal the text the
publisher registers, character for character, as GROBID's strict matching compares them
(../shared/eval/score_en.py: whitespace collapsed, lower case). A case whose truth names a
field in `expect` prints it in a way the page cannot settle: that field must carry an
`uncertain-field` flag for its own reason (not only the English abstract's prior).

    .venv/bin/python -m tests.test_en_fidelity_cases      # the table: exact / flagged per field
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_convention_cases import assert_regenerated, load_case
from tests.test_en_convention_cases import exact

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "en_fidelity"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if (p / "issue.pdf").is_file()) if CASES_DIR.is_dir() else []
FIELDS = ["title", "abstract", "keywords"]


def verdict(case: str, field: str) -> tuple[bool, str, str]:
    """(exact, the field's flag message or "", explanation) of one field of one case."""
    truth, issue = load_case(CASES_DIR, case)
    art = issue["articles"][0]
    got = {"title": art["title"]["en"], "abstract": art["abstract"]["en"], "keywords": art["keywords"]["en"]}[field]
    flags = {w["message"].split(":", 1)[0]: w["message"] for w in art["warnings"] if w["code"] == "uncertain-field"}
    flag = flags.get(f"{field}.en", "")
    return exact(field, truth[field], got), flag, f"want {truth[field]!r}\n got {got!r}\n flag {flag!r}"


def _own_reason(flag: str) -> bool:
    """A flag for a reason of the field's own, not the English abstract's prior alone."""
    from parsers.confidence import PRIORS_EN

    return bool(flag) and not flag.split(":", 1)[1].strip().startswith(PRIORS_EN["abstract.en"][1][:40])


@pytest.mark.parametrize("case,field", [pytest.param(c, f, id=f"{c}-{f}") for c in CASES for f in FIELDS])
def test_text_is_the_publishers_or_flagged_where_the_case_says(case: str, field: str) -> None:
    truth, issue = load_case(CASES_DIR, case)
    assert len(issue["articles"]) == 1
    ok, flag, why = verdict(case, field)
    if truth["expect"].get(field) == "flagged":
        assert _own_reason(flag), f"{case}.{field}: the page cannot settle it, but it is not flagged for that\n{why}"
    else:
        assert ok, f"{case}.{field} ({truth['convention']}):\n{why}"


def test_the_suite_is_the_generators_and_small(tmp_path: Path) -> None:
    from tests.make_en_fidelity_cases import cases

    assert sorted(c.name for c in cases()) == CASES
    assert sum(f.stat().st_size for f in CASES_DIR.rglob("*") if f.is_file()) < 300_000
    assert_regenerated("make_en_fidelity_cases.py", CASES_DIR, ["ligatures", "line_end_dashes"], tmp_path)


def main() -> None:
    for case in CASES:
        for field in FIELDS:
            ok, flag, _ = verdict(case, field)
            print(f"{case:28s} {field:9s} {'exact' if ok else 'WRONG'} {'flagged' if flag else ''}")


if __name__ == "__main__":
    main()
