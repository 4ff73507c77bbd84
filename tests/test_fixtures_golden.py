"""Golden records: the extractor against the truth the fixture generator wrote.

One test per case and field, so the failing fields are visible by name. Warnings are
compared by their codes (the messages carry evidence and may be worded differently).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers.extract import extract_issue
from tests.field_diff import flatten

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.parent.name for p in FIXTURES.glob("*/expected.json"))
_cache: dict[str, dict] = {}


def _codes(warnings: list[dict]) -> list[str]:
    # `uncertain-field` is the confidence layer's judgement, not a printed fact: the truth
    # files leave it out, and tests/test_confidence.py tests it
    return sorted(w["code"] for w in warnings if w["code"] != "uncertain-field")


def _normalise_warnings(record: dict) -> dict:
    record = json.loads(json.dumps(record))
    for art in record.get("articles", []):
        art["warnings"] = _codes(art.get("warnings", []))
        art.pop("confidence", None)
    record["warnings"] = _codes(record.get("warnings", []))
    record.pop("confidence", None)
    record.pop("source", None)
    return record


def actual(case: str) -> dict:
    if case not in _cache:
        _cache[case] = _normalise_warnings(extract_issue(FIXTURES / case / "issue.pdf").to_dict())
    return _cache[case]


def expected_fields(case: str) -> list[tuple[str, object]]:
    record = _normalise_warnings(json.loads((FIXTURES / case / "expected.json").read_text(encoding="utf-8")))
    return list(flatten(record))


PARAMS = [pytest.param(case, path, want, id=f"{case}-{path}") for case in CASES for path, want in expected_fields(case)]


@pytest.mark.parametrize("case,path,want", PARAMS)
def test_field(case: str, path: str, want: object) -> None:
    got = dict(flatten(actual(case))).get(path, "<missing>")
    assert got == want, f"{case}: {path}\n  want {want!r}\n  got  {got!r}"


def test_source_block_describes_the_file() -> None:
    issue = extract_issue(FIXTURES / "single_article" / "issue.pdf")
    assert issue.source.file == "issue.pdf"
    assert len(issue.source.sha256) == 64 and issue.source.pages >= 1
