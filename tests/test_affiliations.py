"""Author affiliations and English author names of Chinese articles, one synthetic case per
printing convention (GB/T 7713.2-2022 题名下作者单位, CAJ-CD B/T 1-2006 作者简介 / 作者单位,
common CNKI layouts). Each case is a tiny first page (and optionally a last page) of
synthetic lines; it is judged as the scorer judges: the number of authors matches and each
extracted affiliation contains the institution expected (spaces ignored), English names as printed."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.article import extract_article
from parsers.labels import find_labels
from parsers.pages import PageInfo
from parsers.textlayer import Line

PKU = "北京大学社会学系"
THU = "清华大学公共管理学院"
TITLE = "乡村治理现代化的路径研究"


def _ln(text: str, y: float, size: float = 9.0, x0: float = 60.0) -> Line:
    return Line(text=text, x0=x0, x1=x0 + 12 * size, y=y, size=size)


def _page(byline: list[str], under: list[str], foot: list[str] | None = None, english: list[str] | None = None,
          last: list[str] | None = None):
    """A first page: title, byline lines (12 pt), lines under the byline (9 pt), the labelled
    abstract, an English block (title 12 pt, then 9 pt lines), body text, footnote lines (7.5 pt)."""
    title = [_ln(TITLE, 80, 18)]
    lines = list(title)
    y = 110.0
    for t in byline:
        lines.append(_ln(t, y, 12))
        y += 16
    for t in under:
        lines.append(_ln(t, y, 9))
        y += 13
    lines += [_ln("摘要：本文讨论乡村治理现代化的路径。", y + 10, 9), _ln("关键词：乡村治理；现代化", y + 24, 9)]
    y += 50
    if english:
        lines.append(_ln(english[0], y, 12))
        y += 18
        for t in english[1:]:
            lines.append(_ln(t, y, 9))
            y += 13
    lines.append(_ln("正文第一段。乡村治理是国家治理的基础。", y + 20, 10.5))
    y = 700.0
    for t in foot or []:
        lines.append(_ln(t, y, 7.5))
        y += 10
    pages = [PageInfo(1, kind="start", body=lines, title_lines=title)]
    if last is not None:
        body = [_ln("正文最后一段。", 500, 10.5)] + [_ln(t, 520 + 14 * k, 9) for k, t in enumerate(last)]
        labels = {h.field for h in find_labels([ln.text for ln in body])}  # (as classify finds them)
        pages.append(PageInfo(2, body=body, labels=labels))
    return extract_article("a01", pages, 10.5)


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def _affils_ok(art, want: list[str]) -> bool:
    got = [c.affiliation for c in art.contributors]
    return len(got) == len(want) and all(_norm(w) and _norm(w) in _norm(g) for g, w in zip(got, want))


_EN_TITLE = "On the Modernisation of Rural Governance"
_EN_ABS = "Abstract: This paper discusses the modernisation of rural governance."

# (id, page arguments, affiliations wanted)
AFFIL_CASES = [
    # GB/T 7713.2: one unit for all authors, in brackets under the byline, postcode and city after it
    ("bracket-one-unit", dict(byline=["张三，李四"], under=["（北京大学社会学系，北京 100871）"]), [PKU, PKU]),
    ("bracket-halfwidth", dict(byline=["张三, 李四"], under=["(北京大学社会学系, 北京 100871)"]), [PKU, PKU]),
    ("bracket-dept-after-space", dict(byline=["张三"], under=["（北京大学 社会学系，北京 100871）"]), [PKU]),
    ("bracket-no-comma-before-city", dict(byline=["张三"], under=["（北京大学社会学系 北京 100871）"]), [PKU]),
    ("bare-unit-city-postcode", dict(byline=["张三"], under=["北京大学社会学系，北京 100871"]), [PKU]),
    # several units numbered 1. 2., separated by ；, marks on the byline
    ("bracket-numbered", dict(byline=["张三1，李四2"], under=["（1. 北京大学社会学系，北京 100871；2. 清华大学公共管理学院，北京 100084）"]), [PKU, THU]),
    ("bracket-numbered-halfwidth", dict(byline=["张三1, 李四2"], under=["(1. 北京大学社会学系, 北京 100871; 2. 清华大学公共管理学院, 北京 100084)"]), [PKU, THU]),
    ("bracket-circled", dict(byline=["张三①，李四②"], under=["（①北京大学社会学系，北京 100871；②清华大学公共管理学院，北京 100084）"]), [PKU, THU]),
    ("superscript-marks", dict(byline=["张三¹，李四²"], under=["（¹北京大学社会学系，北京 100871；²清华大学公共管理学院，北京 100084）"]), [PKU, THU]),
    ("two-marks-one-author", dict(byline=["张三1,2，李四2"], under=["（1. 北京大学社会学系，北京 100871；2. 清华大学公共管理学院，北京 100084）"]), [PKU, THU]),
    ("numbered-lines", dict(byline=["张三1，李四2"], under=["（1. 北京大学社会学系，北京 100871；", "2. 清华大学公共管理学院，北京 100084）"]), [PKU, THU]),
    ("wrapped-bracket-line", dict(byline=["张三1，李四2"], under=["（1. 北京大学社会学系，北京 100871；2. 清华大学公共", "管理学院，北京 100084）"]), [PKU, THU]),
    ("unnumbered-units-in-order", dict(byline=["张三，李四"], under=["（北京大学社会学系，北京 100871；清华大学公共管理学院，北京 100084）"]), [PKU, THU]),
    ("labelled-under-byline", dict(byline=["张三，李四"], under=["作者单位：北京大学社会学系，北京 100871"]), [PKU, PKU]),
    ("bracketed-label-under-byline", dict(byline=["张三，李四"], under=["（作者单位：北京大学社会学系，北京 100871）"]), [PKU, PKU]),
    ("unit-province-city-postcode", dict(byline=["张三"], under=["（北京大学社会学系，北京市 海淀区 100871）"]), [PKU]),
    ("postcode-before-unit", dict(byline=["张三"], under=["（100871 北京大学社会学系）"]), [PKU]),
    # an address line: a unit whose kind the narrow institution words miss, known by its postcode
    ("hospital-with-postcode", dict(byline=["张三"], under=["北京协和医院妇产科，北京 100730"]), ["北京协和医院妇产科"]),
    ("school-with-postcode", dict(byline=["张三，李四"], under=["北京市第一中学 北京 100000"]), ["北京市第一中学", "北京市第一中学"]),
    # unnumbered units one a line, in byline order; each author followed by their own unit
    ("units-one-a-line", dict(byline=["张三，李四"], under=["（北京大学社会学系，北京 100871；", "清华大学公共管理学院，北京 100084）"]), [PKU, THU]),
    ("author-unit-author-unit", dict(byline=[], under=[]), [PKU, THU]),
    ("units-one-a-line-unbracketed", dict(byline=["张三，李四"], under=["北京大学社会学系，北京 100871", "清华大学公共管理学院，北京 100084"]), [PKU, THU]),
    ("short-unit-smaller-type", dict(byline=["张三，李四"], under=["北京大学 社会学系"]), [PKU, PKU]),
    # the unit(s) in one bracket after the last name, on the byline itself
    ("byline-then-unit", dict(byline=["张三，李四（北京大学社会学系，北京 100871）"], under=[]), [PKU, PKU]),
    ("byline-then-numbered-units", dict(byline=["张三1，李四2（1. 北京大学社会学系，北京 100871；2. 清华大学公共管理学院，北京 100084）"], under=[]), [PKU, THU]),
    # numbered units under a byline whose superscript marks the text layer dropped
    ("numbered-units-marks-lost", dict(byline=["张三　李四"], under=["（1.北京大学社会学系，北京 100871；", "2.清华大学公共管理学院，北京 100084）"]), [PKU, THU]),
    ("bracketed-bank", dict(byline=["张三"], under=["（中国人民银行金融研究所）"]), ["中国人民银行金融研究所"]),
    ("numbered-mark-space", dict(byline=["张三1，李四2"], under=["1 北京大学社会学系，北京 100871；2 清华大学公共管理学院，北京 100084"]), [PKU, THU]),
    # CAJ-CD B/T 1: the first-page footnote 作者简介 gives each author's unit before the job title
    ("bio-footnote", dict(byline=["张三，李四"], under=[], foot=[
        "收稿日期：2023-01-05", "作者简介：张三（1980—），男，湖南长沙人，北京大学社会学系教授，主要从事乡村社会学研究；",
        "李四（1985—），女，清华大学公共管理学院副教授，博士。"]), [PKU, THU]),
    ("bio-footnote-degree-first", dict(byline=["张三"], under=[], foot=[
        "作者简介：张三（1980—），男，山东大学社会学博士，北京大学社会学系副教授。"]), [PKU]),
    ("bio-footnote-graduated-from", dict(byline=["张三"], under=[], foot=[
        "作者简介：张三，男，毕业于山东大学，现为北京大学社会学系讲师。"]), [PKU]),
    ("bio-footnote-research-field-first", dict(byline=["张三"], under=[], foot=[
        "作者简介：张三（1980—），男，研究方向为社会保障，北京大学社会学系教授。"]), [PKU]),
    ("bio-footnote-full-stop-between", dict(byline=["张三，李四"], under=[], foot=[
        "作者简介：张三，男，北京大学社会学系教授。李四，女，清华大学公共管理学院讲师。"]), [PKU, THU]),
    ("bio-footnote-unlabelled", dict(byline=["张三，李四"], under=[], foot=[
        "张三（1980—），男，北京大学社会学系教授；李四（1985—），女，清华大学公共管理学院讲师。"]), [PKU, THU]),
    ("unit-footnote-names-in-brackets", dict(byline=["张三，李四"], under=[], foot=["作者单位：北京大学社会学系（张三）；清华大学公共管理学院（李四）"]), [PKU, THU]),
    ("unit-footnote", dict(byline=["张三，李四"], under=[], foot=["作者单位：北京大学社会学系，北京 100871"]), [PKU, PKU]),
    ("unit-footnote-per-author", dict(byline=["张三，李四"], under=[], foot=["作者单位：张三，北京大学社会学系；李四，清华大学公共管理学院"]), [PKU, THU]),
    ("unit-footnote-numbered", dict(byline=["张三1，李四2"], under=[], foot=["作者单位：1. 北京大学社会学系，北京 100871；2. 清华大学公共管理学院，北京 100084"]), [PKU, THU]),
    # at the article's end
    ("closing-unit-note", dict(byline=["张三"], under=[], last=["作者单位：北京大学社会学系"]), [PKU]),
    ("closing-bio", dict(byline=["张三"], under=[], last=["作者简介：张三，北京大学社会学系教授。"]), [PKU]),
    ("closing-bracketed-unit-label", dict(byline=["张三"], under=[], last=["（作者单位：北京大学社会学系）"]), [PKU]),
    ("closing-author-is", dict(byline=["张三"], under=[], last=["（作者为北京大学社会学系教授）"]), [PKU]),
    ("closing-author-is-two", dict(byline=["张三，李四"], under=[], last=["（作者分别为北京大学社会学系教授、清华大学公共管理学院副教授）"]), [PKU, THU]),
]


@pytest.mark.parametrize("case", AFFIL_CASES, ids=[c[0] for c in AFFIL_CASES])
def test_affiliation_conventions(case) -> None:
    cid, kwargs, want = case
    if cid == "author-unit-author-unit":  # 张三 / （unit） / 李四 / （unit）: each author's unit under their name
        title = [_ln(TITLE, 80, 18)]
        lines = title + [_ln("张三", 110, 12), _ln("（北京大学社会学系，北京 100871）", 126, 9), _ln("李四", 140, 12),
                         _ln("（清华大学公共管理学院，北京 100084）", 156, 9), _ln("摘要：本文讨论乡村治理。", 180, 9)]
        art = extract_article("a01", [PageInfo(1, kind="start", body=lines, title_lines=title)], 10.5)
    else:
        art = _page(**kwargs)
    assert [c.affiliation for c in art.contributors] and _affils_ok(art, want), [c.affiliation for c in art.contributors]


# (id, byline, English block lines after the title, English names wanted)
EN_CASES = [
    ("caps-surname", "张三，李思思", ["ZHANG San, LI Si-si", "(School of Sociology, Peking University, Beijing 100871, China)"], ["ZHANG San", "LI Si-si"]),
    ("caps-marks", "张三1，李四2", ["ZHANG San1, LI Si2", "(1. School of Sociology, Peking University, Beijing 100871, China;",
                                 "2. School of Public Policy and Management, Tsinghua University, Beijing 100084, China)"], ["ZHANG San", "LI Si"]),
    ("title-case", "张三，李思思", ["Zhang San, Li Sisi", "(School of Sociology, Peking University, Beijing 100871, China)"], ["Zhang San", "Li Sisi"]),
    ("caps-several-marks-star", "张三1,2，李四2*", ["ZHANG San1,2, LI Si2*", "(1. School of Sociology, Peking University, Beijing 100871, China;",
                                                  "2. School of Public Policy and Management, Tsinghua University, Beijing 100084, China)"], ["ZHANG San", "LI Si"]),
    ("superscript-marks", "张三¹，李四²", ["ZHANG San¹, LI Si²", "(¹Peking University, Beijing 100871, China; ²Tsinghua University, Beijing 100084, China)"], ["ZHANG San", "LI Si"]),
    ("names-then-bracketed-unit", "张三，李四", ["ZHANG San, LI Si (School of Sociology, Peking University, Beijing 100871, China)"], ["ZHANG San", "LI Si"]),
    ("and-before-last", "张三，李四，王五", ["ZHANG San, LI Si and WANG Wu", "(Peking University, Beijing 100871, China)"], ["ZHANG San", "LI Si", "WANG Wu"]),
    ("unbracketed-unit", "张三", ["ZHANG San", "School of Sociology, Peking University, Beijing 100871, China"], ["ZHANG San"]),
    ("run-together", "张三，李四", ["ZHANG San LI Si", "(Peking University, Beijing 100871, China)"], ["ZHANG San", "LI Si"]),
    ("run-together-title-case", "张三，李思思", ["Zhang San Li Sisi", "(Peking University, Beijing 100871, China)"], ["Zhang San", "Li Sisi"]),
    ("hyphenated-given", "刘云生", ["LIU Yun-sheng", "(Peking University, Beijing 100871, China)"], ["LIU Yun-sheng"]),
    ("founder-star-mark", "张三1*，李四2", ["ZHANG San1∗, LI Si2", "(1. Peking University, Beijing 100871, China; 2. Tsinghua University, Beijing 100084, China)"], ["ZHANG San", "LI Si"]),
    ("circled-marks", "张三①，李四②", ["ZHANG San①, LI Si②", "(①Peking University, Beijing 100871, China; ②Tsinghua University, Beijing 100084, China)"], ["ZHANG San", "LI Si"]),
    ("hash-mark", "张三*，李四", ["ZHANG San#, LI Si", "(Peking University, Beijing 100871, China)"], ["ZHANG San", "LI Si"]),
    ("full-stop-after-names", "张三，李四", ["ZHANG San, LI Si.", "(Peking University, Beijing 100871, China)"], ["ZHANG San", "LI Si"]),
    ("full-width-comma", "柴若楠，张三", ["Chai Ruonan，Zhang San", "(Peking University, Beijing 100871, China)"], ["Chai Ruonan", "Zhang San"]),
]


@pytest.mark.parametrize("case", EN_CASES, ids=[c[0] for c in EN_CASES])
def test_english_name_conventions(case) -> None:
    _, byline, block, want = case
    art = _page(byline=[byline], under=["（北京大学社会学系，北京 100871）"], english=[_EN_TITLE, *block, _EN_ABS])
    assert [c.name.en for c in art.contributors] == want


def test_the_english_names_are_the_run_that_is_the_pinyin_of_the_chinese_byline() -> None:
    # a short title-cased title in the names' type reads as names too: the pinyin picks the byline out
    title = [_ln(TITLE, 80, 18)]
    lines = title + [_ln("张三，李思思", 110, 12), _ln("（北京大学社会学系，北京 100871）", 126, 9),
                     _ln("摘要：本文讨论乡村治理。", 150, 9), _ln("关键词：乡村治理", 164, 9),
                     _ln("Rural Governance", 200, 9), _ln("Zhang San, Li Sisi", 213, 9),
                     _ln("(Peking University, Beijing 100871, China)", 226, 9), _ln(_EN_ABS, 240, 9)]
    art = extract_article("a01", [PageInfo(1, kind="start", body=lines, title_lines=title)], 10.5)
    assert [c.name.en for c in art.contributors] == ["Zhang San", "Li Sisi"]


def test_a_bio_unit_is_not_where_a_degree_was_taken_nor_a_research_field() -> None:
    from parsers.names import institution_of
    assert institution_of("男，山东大学社会学博士，北京大学社会学系副教授") == PKU
    assert institution_of("男，毕业于山东大学，现为北京大学社会学系讲师") == PKU
    assert institution_of("男，研究方向为社会保障，北京大学社会学系教授") == PKU
    assert institution_of("男，国家统计局副局长") == "国家统计局"  # (a one-character word still names the unit when alone)


_SURNAMES = ["ZHANG", "LI", "WANG", "OUYANG", "Chai", "Liu"]
_GIVEN = ["San", "Si-si", "Ruonan", "Yun-sheng", "Xiuwen"]
_MARKS = ["", "1", "1,2", "¹", "²*", "∗", "①", "#", "2†"]


@given(st.lists(st.tuples(st.sampled_from(_SURNAMES), st.sampled_from(_GIVEN), st.sampled_from(_MARKS)), min_size=1, max_size=5),
       st.sampled_from([", ", "，", "; "]))
@settings(max_examples=200, deadline=None)
def test_english_byline_marks_never_stay_in_a_name(people, sep) -> None:
    from parsers.english import split_names_en
    line = sep.join(f"{s} {g}{m}" for s, g, m in people)
    assert split_names_en(line) == [f"{s} {g}" for s, g, _ in people]
