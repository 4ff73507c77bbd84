"""Property tests of the naming conventions the byline code encodes, over generated names:
GB/T 28039-2011 (中国人名汉语拼音字母拼写规则: surname first in capitals or capitalised, the
given name one word or — an older journal habit — hyphenated, given-first order, ü as ü, yu,
v or u:, the syllable apostrophe), compound surnames and surnames with a reading of their
own, middle-dot names, Wade–Giles and Cantonese spellings, and the printing habits of a
Chinese byline (marks, asterisks, roles, padding and letter-spacing, 、 ， and spaces)."""
from __future__ import annotations

import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from parsers.names import (
    COMPOUND_SURNAMES,
    SURNAME_READINGS,
    fold_pinyin,
    is_pinyin_of,
    pinyin_printed,
    pinyin_syllables,
    romanisation_of,
    split_author_line_with_marks,
    split_by_english,
    split_chinese_name,
    surname_settled,
    wade_giles,
)

# surnames: ordinary ones, every compound one, and the ones read their own way (单 Shan, 仇 Qiu)
ORDINARY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭肖田董袁潘蒋蔡余杜叶程苏魏丁"
READ_OWN_WAY = "单仇解区曾查朴乐覃缪盖华召种翟"
# given-name characters with one reading each (the test is about printing, not heteronyms)
GIVEN = "建国明华文静丽芳伟军平海林燕红涛斌宇杰婷雪梅波峰磊敏霞亮晓思远志宏鹏"

surnames = st.one_of(st.sampled_from(ORDINARY), st.sampled_from(READ_OWN_WAY),
                     st.sampled_from([k for k in COMPOUND_SURNAMES if k != "万俟"]))
givens = st.text(alphabet=GIVEN, min_size=1, max_size=2)


def _syl(text: str, surname: bool = False) -> list[str]:
    return [s.replace("v", "ü") for s in pinyin_syllables(text, surname=surname)]


def printed_forms(sur: str, giv: str) -> list[str]:
    """The forms GB/T 28039-2011 and journal habit print a name in, from its syllables."""
    s = "".join(_syl(sur, surname=True))
    g_syl = _syl(giv)
    g = "".join(g_syl)
    if len(g_syl) > 1 and g_syl[1][0] in "aoe":
        g = g_syl[0] + "'" + g_syl[1]              # the syllable apostrophe (Xi'an)
    hyph = "-".join(g_syl)
    cap = lambda w: w[:1].upper() + w[1:]  # noqa: E731
    return [f"{s.upper()} {cap(g)}", f"{cap(s)} {cap(g)}", f"{cap(g)} {cap(s)}", f"{s.upper()} {cap(hyph)}",
            f"{cap(g)} {s.upper()}", f"{cap(hyph)} {cap(s)}"]


@settings(max_examples=150, deadline=None)
@given(surnames, givens)
def test_every_printed_form_of_a_name_is_its_pinyin(sur: str, giv: str) -> None:
    zh = sur + giv
    assume(split_chinese_name(zh) == (sur, giv))
    for form in printed_forms(sur, giv):
        assert is_pinyin_of(zh, form), form
        assert romanisation_of(zh, form) == "pinyin", form
        assert pinyin_printed(zh).search(f"Abstract: {form}1, ZZZ Yy"), form


@settings(max_examples=150, deadline=None)
@given(surnames, givens)
def test_the_printed_english_name_never_splits_a_name_another_way(sur: str, giv: str) -> None:
    """The surname word of the English name decides the split; it never contradicts the
    name the English was printed from (and a compound surname is always found)."""
    zh = sur + giv
    assume(len(zh) >= 3)
    for form in printed_forms(sur, giv):
        got = split_by_english(zh, form)
        assert got in (None, (sur, giv)), (form, got)
        if len(sur) == 2:
            assert got == (sur, giv), form


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([k for k in COMPOUND_SURNAMES if k != "万俟"]), givens)
def test_a_compound_surname_split_after_its_first_character_follows_the_english(comp: str, giv: str) -> None:
    """东方亮 printed DONG Fangliang or Fangliang Dong is 东 + 方亮: the English says so."""
    zh = comp + giv
    one = _syl(comp[0], surname=True)[0]
    rest = "".join(_syl(comp[1])[:1] + _syl(giv))
    assume(one != "".join(_syl(comp, surname=True)))
    for form in (f"{one.upper()} {rest.capitalize()}", f"{rest.capitalize()} {one.capitalize()}"):
        if fold_pinyin(rest) == fold_pinyin("".join(_syl(giv))):
            continue
        assert split_by_english(zh, form) in (None, (comp[0], comp[1:] + giv)), form


@given(st.sampled_from(["LYU", "LÜ", "LV", "Lyu", "Lü", "Lv", "LU:"]))
def test_every_spelling_of_u_umlaut_folds_to_one(spelling: str) -> None:
    assert fold_pinyin(spelling + " Ming") == fold_pinyin("lü ming") == "luming"
    assert is_pinyin_of("吕明", f"{spelling} Ming".replace(":", ""))


def test_surnames_read_their_own_way_are_printed_so() -> None:
    for ch, reading in SURNAME_READINGS.items():
        assert is_pinyin_of(ch + "明", f"{reading.replace('v', 'yu').upper()} Ming"), ch


def test_a_surname_split_is_settled_only_by_a_known_compound_or_the_english_name() -> None:
    assert surname_settled("王建国") and surname_settled("欧阳修文") and surname_settled("司马光")
    assert not surname_settled("范徐丽泰")                  # two surnames, or a compound the table lacks
    assert surname_settled("范徐丽泰", "FAN Xu Litai")      # the capitals word says 范
    assert not surname_settled("单于飞")                    # 单于 or 单 + 于飞
    assert surname_settled("单于飞", "SHAN Yufei")
    assert surname_settled("阿不都·热合曼")                  # a dotted name: its last part


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(ORDINARY), st.text(alphabet=GIVEN, min_size=2, max_size=2), st.booleans())
def test_a_name_in_wade_giles_is_recognised_either_order(sur: str, giv: str, given_first: bool) -> None:
    """Taiwan's and older usage: Chang Tsung-hsien / Tsung-hsien Chang (apostrophes and
    umlauts as printed or not)."""
    s = wade_giles(pinyin_syllables(sur, surname=True)[0]).capitalize()
    g = "-".join(wade_giles(x) for x in pinyin_syllables(giv)).capitalize()
    form = f"{g} {s}" if given_first else f"{s} {g}"
    assert romanisation_of(sur + giv, form) in ("wade-giles", "pinyin"), form


def test_wade_giles_spellings() -> None:
    assert [wade_giles(x) for x in "zhang zong xian guo zi shi jue xiong yi you ge duo gui".split()] == \
        "chang tsung hsien kuo tzu shih chueh hsiung i yu ko to kuei".split()


def test_hong_kong_names_in_cantonese_spelling_are_theirs_but_not_anothers() -> None:
    assert romanisation_of("陈大文", "CHAN Tai-man") == "cantonese"
    assert romanisation_of("陈大文", "Tai Man Chan") == "cantonese"
    assert romanisation_of("王建国", "CHAN Tai-man") == ""       # another surname
    assert romanisation_of("陈大文", "CHAN Tai") == ""           # a syllable short
    assert romanisation_of("张宗宪", "Chang Tsung-hsien") == "wade-giles"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["阿不都·热合曼", "阿依古丽·买买提", "买买提·艾力"]), min_size=1, max_size=1),
       st.booleans())
def test_a_dotted_name_is_matched_in_either_order(names: list[str], reverse: bool) -> None:
    zh = names[0]
    parts = ["".join(pinyin_syllables(p)).capitalize() for p in zh.split("·")]
    form = " ".join(reversed(parts) if reverse else parts)
    assert is_pinyin_of(zh, form)
    sur, giv = split_chinese_name(zh)
    assert sur == zh.split("·")[-1] and giv == zh.split("·")[0]


# ---------------------------------------------------------------------------- bylines
names_zh = st.builds(lambda s, g: s + g, surnames, givens).filter(lambda n: 2 <= len(n) <= 4)
dotted = st.sampled_from(["阿不都·热合曼", "埃里克·周", "阿依古丽·买买提"])
latin = st.sampled_from(["John Smith", "Maria van der Berg", "Eric P. F. Chow", "Anne-Marie Dubois"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.one_of(names_zh, names_zh, names_zh, dotted, latin),
                          st.lists(st.integers(1, 4), max_size=2, unique=True).map(sorted),
                          st.sampled_from(["", "*", "#"]), st.sampled_from(["", "（通信作者）", "（通讯作者）"])),
                min_size=1, max_size=5),
       st.sampled_from(["，", "、", ", ", "　", "  "]),
       st.sampled_from(["digits", "superscript", "circled"]))
def test_a_byline_gives_back_its_names_marks_dropped(people, sep: str, style: str) -> None:
    """Marks (1,2 ¹² ①②), corresponding-author signs and roles after a name are no part of
    it; names come back in order whatever the separator (GB/T 15834 、 ， or spaces)."""
    if sep.strip() == "":  # names apart by spaces: a Latin name would run into its neighbour
        assume(all(re.search("[\u4e00-\u9fff]", n) for n, *_ in people))
        # (and a one-character-looking name pair would be ambiguous: none is generated)
    def marks(ms: list[int]) -> str:
        if style == "superscript":
            return "".join("⁰¹²³⁴⁵⁶⁷⁸⁹"[k] for k in ms)
        if style == "circled":
            return "".join("①②③④"[k - 1] for k in ms)
        return ",".join(str(k) for k in ms)
    line = sep.join(f"{n}{marks(ms)}{star}{role}" for n, ms, star, role in people)
    got = split_author_line_with_marks(line)
    assert [n for n, _ in got] == [n for n, *_ in people], line
    assert [m for _, m in got] == [[str(k) for k in ms] for _, ms, _, _ in people], line


@settings(max_examples=100, deadline=None)
@given(st.lists(st.builds(lambda s, g: s + g, st.sampled_from(ORDINARY), st.text(alphabet=GIVEN, min_size=1, max_size=1)),
                min_size=1, max_size=4),
       st.sampled_from(["　", " "]), st.sampled_from(["，", "　　", "、"]))
def test_two_character_names_spread_for_alignment_are_whole(people: list[str], pad: str, sep: str) -> None:
    """王　芳 / 王 芳: a two-character name padded to the width of three is one name."""
    line = sep.join(n[0] + pad + n[1] for n in people)
    assert [n for n, _ in split_author_line_with_marks(line)] == people, line


def test_a_translated_pieces_byline_keeps_the_names_only() -> None:
    """"［美］约瑟夫·奈 著　张三 译": the nationality in brackets before a translated name and
    the role after each name (著, 译, 编译, 整理) are no names."""
    assert split_author_line_with_marks("［美］约瑟夫·奈 著　张三 译") == [("约瑟夫·奈", []), ("张三", [])]
    assert split_author_line_with_marks("（英）安东尼·吉登斯") == [("安东尼·吉登斯", [])]
    assert split_author_line_with_marks("王建国1 编译，李思远2 整理") == [("王建国", ["1"]), ("李思远", ["2"])]
    # (a role inside the name's own characters is not cut: 王著 is a name)
    assert split_author_line_with_marks("王著，李译文") == [("王著", []), ("李译文", [])]


def test_the_byline_pattern_takes_spaced_dotted_and_marked_names_but_not_a_heading() -> None:
    from parsers.article import _BYLINE, _byline_then_unit
    for line in ("王　芳1，李　明2", "张 三  李 四", "阿不都·热合曼1，王建国2", "买买提•艾力　王芳"):
        assert _BYLINE.match(line), line
    assert not _BYLINE.match("北京大学法学院 北京 100871")
    # a one-line byline with its unit after a wide space (no bracket), and a unit alone that is not one
    assert _byline_then_unit("张三 李四　北京大学法学院 北京 100871") == ("张三 李四", "北京大学法学院 北京 100871")
    assert _byline_then_unit("北京大学 法学院") is None


def test_a_letter_spaced_opening_heading_under_the_byline_is_no_author() -> None:
    from parsers.article import _author_block
    from parsers.textlayer import Line
    lines = [Line(text=t, x0=200, x1=300, y=y, size=sz) for t, y, sz in
             (("王建国　李思远", 100, 12.0), ("引　言", 130, 12.0), ("本文讨论区域创新网络的演化。", 150, 10.5))]
    authors, _ = _author_block(lines, 0, len(lines), 10.5)
    assert authors == ["王建国　李思远"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.builds(lambda s, g: s + g, st.sampled_from(ORDINARY), st.text(alphabet=GIVEN, min_size=1, max_size=2)),
                min_size=2, max_size=4))
@example(people=["王丽", "王华", "王文丽", "王丽丽"])  # (a padding space before a closed-up run: found by CI)
def test_spread_names_whose_separating_space_the_text_layer_lost_are_cut_or_left_doubtful(people: list[str]) -> None:
    """"王 芳李 明赵明华": the padding space inside a two-character name survives, the one
    between names is gone. The names come back, or — when more than one cut fits — some
    name is left in a shape the confidence layer flags (not 2–3 characters opening with a
    common surname), never a wrong cut that looks right."""
    from parsers.names import COMMON_SURNAMES
    line = "".join(n[0] + " " + n[1] if len(n) == 2 else n for n in people)
    got = [n for n, _ in split_author_line_with_marks(line)]
    assert got == people or any(len(n) not in (2, 3) or n[0] not in COMMON_SURNAMES for n in got), (line, got)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.builds(lambda s, g: s + g, st.sampled_from(ORDINARY), st.text(alphabet=GIVEN, min_size=1, max_size=2)),
                min_size=1, max_size=4),
       st.sampled_from([" ", "　"]), st.sampled_from(["，", "、", "1，", "*，"]))
def test_names_letter_spaced_for_display_between_separators_are_whole(people: list[str], space: str, sep: str) -> None:
    """"王 建 国，李 思 远" / "王 建 国1，李 思 远2": every character spaced, names apart by a
    separator or a mark: each run between them is one name."""
    line = sep.join(space.join(n) for n in people)
    assert [n for n, _ in split_author_line_with_marks(line)] == people, line


def test_a_rare_compound_that_reads_either_way_is_not_settled_without_the_english_name() -> None:
    """谷梁华: 谷梁 + 华 or 谷 + 梁华 — a compound rare today whose first character is an
    everyday surname does not settle the split; the English name does (GU Lianghua)."""
    from parsers.names import COMPOUND_EITHER_WAY
    for comp in COMPOUND_EITHER_WAY:
        assert comp in COMPOUND_SURNAMES and not surname_settled(comp + "华"), comp
    assert split_by_english("谷梁华", "GU Lianghua") == ("谷", "梁华")
    assert split_by_english("谷梁华", "Hua Guliang") == ("谷梁", "华")
    assert surname_settled("谷梁华", "GU Lianghua") and not surname_settled("谷梁华")
