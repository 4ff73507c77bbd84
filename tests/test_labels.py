"""The label finder against the plain definition it optimises: one regular expression with
every label of the vocabulary as an alternative, longest first, at a word boundary."""
from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import given, settings, strategies as st

from parsers import labels
from parsers.labels import field_specs, find_labels


@lru_cache(maxsize=1)
def _one_regex() -> re.Pattern[str]:
    parts = []
    for spec in field_specs().values():
        for label in spec.labels:
            bracketed, bare = labels._label_regex(label, label in spec.strict, spec.dated, spec.ahead)
            parts.append((len(label), spec.name, f"(?:{bracketed}|{bare})"))
    parts.sort(key=lambda p: -p[0])
    alts = "|".join(f"(?P<f{i}_{name}>{rx})" for i, (_, name, rx) in enumerate(parts))
    return re.compile(rf"{labels._BOUNDARY}(?:{alts})")


def _reference(lines: list[str]) -> list[tuple[str, int, int, int]]:
    out = []
    for i, line in enumerate(lines):
        for m in _one_regex().finditer(line):
            out.append((m.lastgroup.split("_", 1)[1], i, m.start(), m.end()))
    return out


_WORDS = sorted({label for spec in field_specs().values() for label in spec.labels})
_PIECES = st.sampled_from(_WORDS + ["：", ":", " ", "\u3000", "【", "】", "[", "]", "〔", "〕", "，", "。", "x", "文",
                                    "2023-05-06", "Jan 5, 2020", "\n", "*", "ABC", "a"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=12).map("".join), min_size=1, max_size=4))
def test_grouped_matching_finds_what_one_regex_finds(lines: list[str]) -> None:
    got = [(h.field, h.line, h.start, h.end) for h in find_labels(lines)]
    assert got == _reference(lines)


def test_bracketed_and_letter_spaced_labels() -> None:
    hits = find_labels(["【摘 要】本文", "[ Abstract ] We", "内容提要：x", "关　键　词：甲"])
    assert [(h.field, h.line) for h in hits] == [("abstract_zh", 0), ("abstract_en", 1), ("abstract_zh", 2),
                                                ("keywords_zh", 3)]
