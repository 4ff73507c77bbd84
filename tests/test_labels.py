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


def test_the_dates_and_funding_notes_in_their_other_printed_wordings() -> None:
    """CAJ-CD B/T 1-2006 fixes the fields of a first-page note, not their wording: journals
    print 来稿日期 or 投稿日期 for 收稿日期, 收修改稿日期 for 修回日期, 接收日期 for 录用日期,
    基金资助 or 项目来源 for 基金项目."""
    hits = find_labels(["来稿日期：2020-01-02", "［投稿日期］2020-01-02", "收修改稿日期：2020-02-01",
                        "接收日期：2020-03-01", "基金资助：国家社会科学基金（20BSH001）", "项目来源：国家自然科学基金",
                        "本项目来源于调查"])
    assert [(h.field, h.line) for h in hits] == [("received", 0), ("received", 1), ("revised", 2), ("accepted", 3),
                                                ("funding", 4), ("funding", 5)]


def test_labels_that_name_the_language_or_the_author_they_belong_to() -> None:
    """中文摘要, 中文关键词 / 英文关键词 (journals printing both blocks under Chinese labels), and
    a bio under 第一作者 or 通讯作者简介; a sentence naming the first author is no label. (英文摘要
    is not one: it heads the issue-end section of English abstracts, parsers/english.py.)"""
    hits = find_labels(["中文摘要：本文", "【英文摘要】We study", "中文关键词：数字经济", "英文关键词：digital economy",
                        "第一作者：张三（1980-），男", "通讯作者简介：李四", "本文第一作者为张三", "通讯作者：李四",
                        "中国图书分类号：D822", "中国图书馆分类号：G250"])
    assert [(h.field, h.line) for h in hits] == [("abstract_zh", 0), ("keywords_zh", 2),
                                                ("keywords_en", 3), ("bio", 4), ("bio", 5), ("corresponding", 7),
                                                ("clc", 8), ("clc", 9)]


def test_english_history_and_funding_labels_of_other_house_styles() -> None:
    """IEEE's first-page note ("Manuscript received March 5, 2020; …", "Date of publication
    May 5, 2020"), "Accepted for publication:", Wiley's "Funding Information" and "Grant
    sponsor:", the English funding note of Chinese journals ("Project supported by …",
    "Fund:"); a sentence that mentions a manuscript or a fund is no label."""
    hits = find_labels(["Manuscript received March 5, 2020; revised April 1, 2020.", "Accepted for publication: 2020-03-01",
                        "Date of publication May 5, 2020", "Funding Information", "Grant sponsor: NSF",
                        "The manuscript received comments from two readers.", "Funded by: NSF",
                        "This project was funded by NSF.", "Project supported by the National Natural Science "
                        "Foundation of China (Grant No. 12345678)", "Fund: NSFC (1234)", "Fund raising matters"])
    assert [(h.field, h.line) for h in hits] == [("received", 0), ("accepted", 1), ("online", 2), ("funding", 3),
                                                ("funding", 4), ("funding", 6), ("funding", 8), ("funding", 9)]


def test_a_keywords_label_that_names_phrases_too_is_one_label() -> None:
    """AMS journals print "Key words and phrases:", ACM "Additional Key Words and Phrases:":
    the whole of it is the label, not "Key words" with "and phrases" as a first keyword."""
    hits = find_labels(["Key words and phrases: Banach spaces, operators", "Additional Key Words and Phrases: deep learning",
                        "Author keywords: a; b"])
    assert [(h.field, h.label) for h in hits] == [("keywords_en", "Key words and phrases:"),
                                                 ("keywords_en", "Additional Key Words and Phrases:"),
                                                 ("keywords_en", "Author keywords:")]
