"""bench/accuracy.py's totals of how misses miss: the kinds it reports for each wrong value."""
from __future__ import annotations

import pytest

from bench.accuracy import miss_kind


@pytest.mark.parametrize("got,want,kind", [
    (None, "日本与北约关系", "none"),
    ([], ["日本", "北约"], "none"),
    ("日本与北约关系的新发展", "日本与北约关系的新发展。", "near"),        # a character-level slip
    ("日本与北约关系", "日本与北约关系的新发展及其动因分析", "part"),         # cut short
    ("253", "254", "off"),
    ("12", "254", "other"),
    ("Department of History", "School of Law, Peking University", "other"),
])
def test_a_miss_is_told_by_how_it_misses(got: object, want: object, kind: str) -> None:
    assert miss_kind(got, want) == kind
