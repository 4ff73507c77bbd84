#!/usr/bin/env python
"""Generate the author-convention suite: Chinese articles whose byline, units or English
names are printed as journals outside the development half print them — the affiliation
block of CAJ-CD B/T 1-2006 and GB/T 7713.2-2022 in its many spellings (half-width brackets
around full-width separators, units without city or postcode, run-on circled or raised
marks, authors in several units, † and * signs), the unit given only in a 作者简介 or a
作者单位 foot note, English names as GB/T 28039-2011 and journals' habits print them (; & and
"and" between names, given name first in capitals, ü dropped, compound surnames), and the
bylines of Founder-typeset issues (摇 for the ideographic space, two-character names
letter-spaced), role words (主持人, 整理) and group authors (课题组).

    python tests/make_author_cases.py            # rewrites tests/author_conventions/<case>/
    python tests/make_author_cases.py --out DIR  # the same tree under DIR

Drawing, the page layout and the truth format are tests/make_convention_cases.py's (same
baseline article, same fields); a case here may print its byline, its unit lines or its
English byline as explicit rows (`rows`, `units`, `en_rows`), which this file draws through
that module's own line helpers. The truth is the generator's input (what is drawn), never
the tool's output; `uncertain` lists the fields a reader cannot settle from the page.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_convention_cases as mc  # noqa: E402
import make_fixtures as mf  # noqa: E402
from make_convention_cases import AFF1, AFF2, AFF1_EN, AFF2_EN, LI, TITLE_EN, WANG, Case, Person, base  # noqa: E402
from make_fixtures import St, centered, center_line, wrap  # noqa: E402

OUT = HERE / "author_conventions"
UNIT1, UNIT2 = AFF1.split("，")[0], AFF2.split("，")[0]     # the units' names alone (no city, no postcode)
ZHAO = Person("赵明华", "赵", "ZHAO Minghua", (1,))


@dataclass
class AuthorArt(mc.Art):
    """An article whose byline rows, unit lines or English byline rows are given as printed.
    A row is a list of segments: a plain string is set in the byline's type, "^text" raised
    and small (a superscript mark)."""
    rows: list[list[str]] = field(default_factory=list)       # the Chinese byline, row by row
    units: list[str] = field(default_factory=list)            # the unit lines under it, centred, wrapped
    en_rows: list[list[str]] = field(default_factory=list)    # the English byline, row by row
    en_block: bool = True     # False: the English block holds only Abstract and Key words (title, names in `rows`)


def _segs(row: list[str], size: float) -> list:
    if row and row[0].startswith("@"):       # "@10.5": the row's type size when not the default
        size, row = float(row[0][1:]), row[1:]
    return [(s[1:], St(size, sup=True)) if s.startswith("^") else (s, St(size)) for s in row]


def _height(row: list[str], default: float) -> float:
    return float(row[0][1:]) * 1.6 if row and row[0].startswith("@") else default


_DRAW = {name: getattr(mc, name) for name in ("byline", "unit_lines", "english_byline", "english_block")}


def _byline(art: mc.Art) -> list:
    if isinstance(art, AuthorArt) and art.rows:
        return [center_line(_segs(r, 12), _height(r, 22)) for r in art.rows]
    return _DRAW["byline"](art)


def _english_block(art: mc.Art) -> list:
    if isinstance(art, AuthorArt) and not art.en_block:   # (the English title and names printed above)
        ind = 2 * mf.BODY
        return [mf.spacer(8)] + mc.labelled("Abstract: ", art.abstract_en, 9, ind, 13) + \
            mc.labelled("Key words: ", "; ".join(art.keywords_en), 9, ind, 13)
    return _DRAW["english_block"](art)


def _unit_lines(art: mc.Art) -> list:
    if isinstance(art, AuthorArt) and art.units:
        return [ln for u in art.units for ln in centered(wrap([(u, St(9))], mf.TW - 20, height=14))]
    return _DRAW["unit_lines"](art)


def _english_byline(art: mc.Art) -> list:
    if isinstance(art, AuthorArt) and art.en_rows:
        return [center_line(_segs(r, 10), _height(r, 16)) for r in art.en_rows]
    return _DRAW["english_byline"](art)


@contextmanager
def drawn_as_printed():
    """make_convention_cases' article drawing, with this suite's explicit rows in place of
    its byline, unit and English byline styles (the module looks them up when it draws)."""
    saved = dict(_DRAW)
    mc.byline, mc.unit_lines, mc.english_byline, mc.english_block = _byline, _unit_lines, _english_byline, _english_block
    try:
        yield
    finally:
        for name, fn in saved.items():
            setattr(mc, name, fn)


TITLE2_EN = "Flows of Innovation Factors in Coordinated Regional Development"


def english_section(case: Case) -> list:
    """The issue-end English abstracts (CAJ-CD B/T 1-2006 lets a journal gather them after
    the articles): a heading on a new page, then per article its title, "names / first
    page", Abstract and Key words, as tests/make_fixtures.py's issue prints them."""
    ls = [center_line([("ABSTRACTS", St(14, bold=True))], 30)]
    ls[0].break_before = True
    for k, a in enumerate(case.arts):
        ls.append(mf.spacer(10))
        t = wrap([(a.title_en, St(11.5, bold=True))], mf.TW, height=16, align="left", last_align="left")
        ls += t
        if case.notice_after == "en:and_paren":    # "Zhao Minghua and Liu Xiaohong (44)"
            who = ", ".join(p.en for p in a.people[:-1]) + " and " + a.people[-1].en
            shown = f"{who} ({case.first + k})"
        else:                                      # "WANG Jianguo, LI Siyuan / 43"
            shown = f"{', '.join(p.en for p in a.people)} / {case.first + k}"
        ls.append(mf.Line(mf.glyphs(shown, St(10, italic=True)), 17, 0, mf.TW, "left"))
        ls += wrap([("Abstract: ", St(10, bold=True)), (a.abstract_en, St(10))], mf.TW, height=14)
        ls += wrap([("Key words: ", St(10, bold=True)), ("; ".join(a.keywords_en), St(10))], mf.TW, height=14)
    return ls


# cases drawn as a Founder (方正) export: its punctuation font's ToUnicode names the ideographic
# space 摇 (GBK D2A1 for A1A1; parsers/fonts.py), so every U+3000 the page sets reads as 摇
FOUNDER = {"founder_issue", "founder_medical_spread_rows"}


def render(case: Case) -> tuple[bytes, list[tuple[int, int]]]:
    notice_lines = mc.notice_lines
    drawn = case
    if case.notice_after.startswith("en:"):
        mc.notice_lines = lambda _key: english_section(case)
        drawn = replace(case, arts=[replace(a, title_en="") for a in case.arts])   # (no English block in the articles)
    if case.name in FOUNDER:
        drawn = replace(drawn, export="founder")   # (make_convention_cases.exported draws its text layer)
    try:
        with drawn_as_printed():
            return mc.render(drawn)
    finally:
        mc.notice_lines = notice_lines


def art(**kw) -> AuthorArt:
    """The convention suite's baseline article (two authors in two units) as an AuthorArt."""
    a = base()
    return AuthorArt(**{**{f: getattr(a, f) for f in a.__dataclass_fields__}, **kw})


def bio(*entries: tuple[str, str]) -> str:
    return "；".join(f"{zh}{body}" for zh, body in entries) + "。"


def cases() -> list[Case]:
    out: list[Case] = []

    def add(name: str, convention: str, *arts: mc.Art, **kw) -> None:
        out.append(Case(name, convention, list(arts), **kw))

    two = ["王建国", "^1", "，", "李思远", "^2"]
    # ---- the unit block under the byline (CAJ-CD B/T 1-2006, GB/T 7713.2-2022 5.3) --------
    add("aff_halfwidth_brackets", "half-width brackets around full-width separators, no space after the number: "
        "(1.单位，城市 邮编；2.…)",
        art(rows=[two], units=[f"(1.{AFF1}；2.{AFF2})"]))
    add("aff_no_address_numbered", "numbered units without city or postcode: （1. 吉林大学经济学院；2. 东北师范大学商学院）",
        art(rows=[two], units=[f"（1. {UNIT1}；2. {UNIT2}）"], affs=[UNIT1, UNIT2]))
    add("aff_no_address_lines", "numbered units one a line, no brackets, no city or postcode",
        art(rows=[two], units=[f"1. {UNIT1}", f"2. {UNIT2}"], affs=[UNIT1, UNIT2]))
    add("aff_no_address_single", "one unit for both authors in brackets, no city or postcode, names unmarked",
        art(rows=[["王建国", "　", "李思远"]], units=[f"（{UNIT1}）"], affs=[UNIT1],
            people=[WANG, replace(LI, aff=(1,))], affs_en=[AFF1_EN]))
    add("aff_circled_run_on", "circled marks on the byline and the units run on in one bracket: （①…；②…）",
        art(rows=[["王建国", "^①", "，", "李思远", "^②"]], units=[f"（①{AFF1}；②{AFF2}）"]))
    add("aff_superscript_run_on", "units run on in one bracket, each led by a superscript character: （¹…；²…）",
        art(rows=[["王建国", "^1", "，", "李思远", "^2"]], units=[f"（¹{AFF1}；²{AFF2}）"]))
    add("aff_space_between_units", "units in one bracket apart by a wide space only, no semicolon",
        art(rows=[two], units=[f"（1. {AFF1}　2. {AFF2}）"]))
    add("marks_spaced_baseline", "unit numbers on the baseline set apart from the name by a space: 王建国 1，李思远 2",
        art(rows=[["王建国 1，李思远 2"]]))
    add("marks_fullwidth_star", "a full-width asterisk for the corresponding author after the mark: 王建国1，李思远2＊",
        art(rows=[["王建国", "^1", "，", "李思远", "^2＊"]], people=[WANG, replace(LI, star=True)]))
    add("aff_two_units_spaced_marks", "an author in two units, marks apart by comma and space: 王建国1, 2，李思远2",
        art(rows=[["王建国", "^1, 2", "，", "李思远", "^2"]], people=[replace(WANG, aff=(1, 2)), LI]))
    add("aff_dagger_and_star", "equal contribution † and corresponding author * after the unit numbers",
        art(rows=[["王建国", "^1†", "，", "李思远", "^2†", "，", "赵明华", "^1*"]],
            people=[WANG, LI, ZHAO]))
    add("aff_third_in_both", "three authors, the third in both units: 王建国1，李思远2，赵明华1,2",
        art(rows=[["王建国", "^1", "，", "李思远", "^2", "，", "赵明华", "^1,2"]],
            people=[WANG, LI, replace(ZHAO, aff=(1, 2))]))
    add("aff_units_wrapped_lines", "two long units, one a line, each wrapping onto a second line",
        art(rows=[two], units=[f"1. 吉林大学经济学院数量经济研究中心区域发展与创新政策研究所，吉林 长春 130012",
                                f"2. 东北师范大学商学院现代服务业与数字经济研究院，吉林 长春 130024"],
            affs=["吉林大学经济学院数量经济研究中心区域发展与创新政策研究所", "东北师范大学商学院现代服务业与数字经济研究院"]))

    # ---- the unit given only in a note (CAJ-CD B/T 1-2006 作者简介; 作者单位 foot note) ----
    add("bio_degree_before_unit", "no unit under the byline; the 作者简介 gives the degree before the unit: "
        "…，经济学博士，吉林大学经济学院副教授",
        art(rows=[["王建国", "　", "李思远"]], aff_style="bio_only", affs=[UNIT1, UNIT2], affs_en=[],
            bio=bio(("王建国", "（1978—），男，吉林长春人，经济学博士，吉林大学经济学院副教授，主要研究方向为区域经济"),
                    ("李思远", "（1990—），女，汉族，河南郑州人，东北师范大学商学院博士研究生"))))
    add("bio_bracket_label", "［作者简介］ in brackets, entries without birth years: 王建国，吉林大学经济学院教授，博士生导师",
        art(rows=[["王建国", "　", "李思远"]], aff_style="bio_only", affs=[UNIT1, UNIT2], affs_en=[],
            foot_extra=["［作者简介］王建国，吉林大学经济学院教授，博士生导师；李思远，东北师范大学商学院讲师。"]))
    add("bio_xianren", "the 作者简介 says where the author works with a verb: 现任职于吉林大学经济学院，研究员",
        art(rows=[["王建国"]], people=[WANG], aff_style="bio_only", affs=[UNIT1], affs_en=[],
            bio=bio(("王建国", "（1978—），男，吉林长春人，博士，现任职于吉林大学经济学院，研究员"))))
    add("bio_halfwidth", "a 作者简介 set in half-width punctuation: 王建国(1978-),男,吉林长春人,吉林大学经济学院教授",
        art(rows=[["王建国", "　", "李思远"]], aff_style="bio_only", affs=[UNIT1, UNIT2], affs_en=[],
            bio="王建国(1978-),男,吉林长春人,吉林大学经济学院教授,博士;李思远(1990-),女,河南郑州人,东北师范大学商学院讲师."))
    add("bio_tutor", "a 作者简介 whose titles follow the unit with 、: 吉林大学经济学院教授、博士生导师",
        art(rows=[["王建国"]], people=[WANG], aff_style="bio_only", affs=[UNIT1], affs_en=[],
            bio=bio(("王建国", "（1966—），男，吉林长春人，吉林大学经济学院教授、博士生导师，主要从事区域经济研究"))))
    add("foot_unit_unnumbered", "作者单位： one unit for both authors in the first-page note, with city and postcode",
        art(rows=[["王建国", "　", "李思远"]], aff_style="foot", unit_note=AFF1, affs=[UNIT1],
            people=[WANG, replace(LI, aff=(1,))], affs_en=[AFF1_EN]))
    add("foot_unit_paren_address", "作者单位：单位（城市 邮编） in the first-page note",
        art(rows=[["王建国"]], people=[WANG], aff_style="foot", unit_note=f"{UNIT1}（吉林 长春 130012）",
            affs=[UNIT1], affs_en=[AFF1_EN]))

    add("bio_solid_brackets", "【作者简介】 in solid brackets (medical journals), birth year with a hyphen",
        art(rows=[["王建国", "　", "李思远"]], aff_style="bio_only", affs=[UNIT1, UNIT2], affs_en=[],
            foot_extra=["【作者简介】王建国（1978-），男，吉林长春人，博士，吉林大学经济学院副教授；"
                        "李思远（1990-），女，东北师范大学商学院讲师。"]))
    add("star_note_unit_only", "law-journal habit: 王建国* on the byline, the note * 吉林大学经济学院教授。 names no one",
        art(rows=[["王建国", "^*"]], people=[WANG], aff_style="bio_only", affs=[UNIT1], affs_en=[],
            foot_extra=["* 吉林大学经济学院教授。本文系国家社会科学基金项目（20BJL001）的阶段性成果。"]))
    add("star_notes_two_authors", "law-journal habit for two authors: 王建国*　李思远**, the notes * 单位职称。 ** 单位职称。",
        art(rows=[["王建国", "^*", "　", "李思远", "^**"]], aff_style="bio_only", affs=[UNIT1, UNIT2], affs_en=[],
            foot_extra=["* 吉林大学经济学院教授。", "** 东北师范大学商学院讲师。"]))
    add("star_note_name_colon", "the byline's star note names the author with a colon: * 王建国：吉林大学经济学院教授",
        art(rows=[["王建国", "^*", "　", "李思远", "^*"]], aff_style="bio_only", affs=[UNIT1, UNIT2], affs_en=[],
            foot_extra=["* 王建国：吉林大学经济学院教授；李思远：东北师范大学商学院讲师。"]))
    add("profile_law", "law-journal profile: 王建国**　李思远*** over sign-keyed unit notes, a 基金项目 note under the "
        "title's star, the English title, names and abstract after the references",
        art(rows=[["王建国", "^**", "　", "李思远", "^***"]], aff_style="bio_only", affs=[UNIT1, UNIT2], affs_en=[],
            title_mark="*", en_at_end=True, refs=["王小明. 区域创新网络研究[J]. 经济地理, 2020, 40(3): 1-10."],
            people=[replace(WANG, en="Wang Jianguo"), replace(LI, en="Li Siyuan")],
            foot_extra=["* 本文系国家社会科学基金项目（20BJL001）的阶段性成果。", "** 吉林大学经济学院教授。",
                        "*** 东北师范大学商学院讲师。"]))
    add("foot_unit_postcode_first", "作者单位：邮编 单位 (medical habit without the city): 130012 吉林大学经济学院",
        art(rows=[["王建国", "　", "李思远"]], aff_style="foot", unit_note=f"130012 {UNIT1}", affs=[UNIT1],
            people=[WANG, replace(LI, aff=(1,))], affs_en=[AFF1_EN]))
    add("aff_department_spaced", "a unit printed institution, space, department (CAJ-CD B/T 1-2006 example 北京大学 法学院): "
        "（1. 吉林大学 经济学院，吉林 长春 130012；2. 东北师范大学 商学院，吉林 长春 130024）",
        art(rows=[two], units=["（1. 吉林大学 经济学院，吉林 长春 130012；2. 东北师范大学 商学院，吉林 长春 130024）"]))
    add("aff_science_halfwidth", "science-journal habit: (1 单位, 城市 邮编; 2 单位, 城市 邮编), number without a dot, "
        "half-width comma and semicolon with spaces",
        art(rows=[["王建国", "^1", ", ", "李思远", "^2"]],
            units=[f"(1 {UNIT1}, 吉林 长春 130012; 2 {UNIT2}, 吉林 长春 130024)"], affs=[UNIT1, UNIT2]))
    add("aff_spaces_no_comma", "units with the city and postcode apart by spaces only, no comma: "
        "（1. 吉林大学经济学院 吉林 长春 130012；2. 东北师范大学商学院 吉林 长春 130024）",
        art(rows=[two], units=[f"（1. {UNIT1} 吉林 长春 130012；2. {UNIT2} 吉林 长春 130024）"], affs=[UNIT1, UNIT2]))
    add("aff_paren_number", "units numbered 1) 2), one a line, under names marked 1) 2)",
        art(rows=[["王建国", "^1)", "，", "李思远", "^2)"]], units=[f"1) {AFF1}", f"2) {AFF2}"]))
    add("aff_same_size_as_byline", "a short unit without brackets, number or postcode, set in the byline's own size",
        art(rows=[["王建国", "　", "李思远"], [UNIT1]], affs=[UNIT1], aff_style="bio_only",
            people=[WANG, replace(LI, aff=(1,))], affs_en=[AFF1_EN]))
    campus1, campus2 = "中国石油大学（华东）经济管理学院", "中国地质大学（武汉）公共管理学院"
    add("aff_campus_parens", "units whose official names hold a campus in brackets (中国石油大学（华东）), numbered in one bracket",
        art(rows=[two], units=[f"（1. {campus1}，山东 青岛 266580；2. {campus2}，湖北 武汉 430074）"],
            affs=[f"{campus1}，山东 青岛 266580", f"{campus2}，湖北 武汉 430074"]))
    add("aff_campus_single", "one unit with a campus in brackets inside the unit's own brackets: （中国矿业大学（北京）管理学院，北京 100083）",
        art(rows=[["王建国", "　", "李思远"]], units=["（中国矿业大学（北京）管理学院，北京 100083）"],
            affs=["中国矿业大学（北京）管理学院"], people=[WANG, replace(LI, aff=(1,))], affs_en=[AFF1_EN]))
    add("bio_campus_parens", "the unit only in the 作者简介, its name holding a campus in brackets: 中国地质大学（武汉）公共管理学院副教授",
        art(rows=[["王建国"]], people=[WANG], aff_style="bio_only", affs=[campus2], affs_en=[],
            bio=bio(("王建国", "（1978—），男，湖北武汉人，中国地质大学（武汉）公共管理学院副教授，博士"))))
    add("foot_campus_names", "作者单位：单位（姓名）；… in the first-page note, one unit's name holding a campus in brackets",
        art(rows=[["王建国", "　", "李思远"]], aff_style="foot", affs=[campus2, UNIT1], affs_en=[],
            unit_note=f"{campus2}（王建国）；{UNIT1}（李思远）", people=[WANG, replace(LI, aff=(2,))]))
    add("inline_campus", "a single author with the unit in brackets on the byline, the unit's name holding a campus: "
        "王建国（中国地质大学（武汉）公共管理学院，湖北 武汉 430074）",
        art(rows=[[f"王建国（{campus2}，湖北 武汉 430074）"]], people=[WANG], affs=[campus2], affs_en=[AFF1_EN],
            aff_style="bio_only"))
    add("aff_each_name_then_unit", "magazine habit: each author on a line of their own, the unit after a wide space",
        art(rows=[["王建国　　吉林大学经济学院"], ["李思远　　东北师范大学商学院"]], affs=[UNIT1, UNIT2],
            aff_style="bio_only"))

    # ---- English names in a Chinese article (GB/T 28039-2011 and journals' habits) -----
    def en(names: list[str], *, marks: bool = True, sep: str = ", ", people=None) -> dict:
        ps = people or [WANG, LI]
        row: list[str] = []
        for k, (p, n) in enumerate(zip(ps, names)):
            if k:
                row.append(sep if not callable(sep) else sep(k, len(names)))
            row.append(n)
            if marks and len(set(x for q in ps for x in q.aff)) > 1:
                row.append("^" + ",".join(str(a) for a in p.aff))
        return {"people": [replace(p, en=n) for p, n in zip(ps, names)], "en_rows": [row]}

    add("en_semicolon", "English names apart by semicolons: WANG Jianguo1; LI Siyuan2",
        art(**en(["WANG Jianguo", "LI Siyuan"], sep="; ")))
    add("en_ampersand", "the last two English names joined by &: WANG Jianguo1 & LI Siyuan2",
        art(**en(["WANG Jianguo", "LI Siyuan"], sep=" & ")))
    add("en_oxford_and", "three English names, the last after “, and”: WANG Jianguo1, LI Siyuan2, and ZHAO Minghua1",
        art(rows=[["王建国", "^1", "，", "李思远", "^2", "，", "赵明华", "^1"]],
            **en(["WANG Jianguo", "LI Siyuan", "ZHAO Minghua"], people=[WANG, LI, ZHAO],
                 sep=lambda k, n: ", and " if k == n - 1 else ", ")))
    add("en_given_first_caps_hyphen", "given name first, hyphenated, surname in capitals: Jian-guo WANG, Si-yuan LI",
        art(**en(["Jian-guo WANG", "Si-yuan LI"])))
    add("en_hyphen_capital", "a hyphenated given name with a capital after the hyphen: WANG Jian-Guo, LI Si-Yuan",
        art(**en(["WANG Jian-Guo", "LI Si-Yuan"])))
    add("en_title_case_hyphen", "surname first in title case, the given name hyphenated: Wang Jian-guo, Li Si-yuan",
        art(**en(["Wang Jian-guo", "Li Si-yuan"])))
    add("en_all_caps_hyphen", "names all in capitals, hyphenated: WANG JIAN-GUO, LI SI-YUAN",
        art(**en(["WANG JIAN-GUO", "LI SI-YUAN"])))
    add("en_lu_dropped", "ü printed as plain U (no diaeresis, a keyboard habit): 吕明 as LU Ming",
        art(**en(["LU Ming", "LI Siyuan"], people=[Person("吕明", "吕", "", (1,)), LI])))
    add("en_umlaut_hyphen", "ü kept, given name hyphenated: 吕明华 as LÜ Ming-hua, 女 in a given name as Nü",
        art(**en(["LÜ Ming-hua", "LI Nü-ying"], people=[Person("吕明华", "吕", "", (1,)), Person("李女英", "李", "", (2,))])))
    add("en_compound_given_first", "compound surnames, given name first: Xiao OUYANG, Qing SIMA",
        art(rows=[["欧阳晓", "^1", "，", "司马青", "^2"]],
            **en(["Xiao OUYANG", "Qing SIMA"], people=[Person("欧阳晓", "欧阳", "", (1,)), Person("司马青", "司马", "", (2,))])))
    add("en_compound_hyphen", "compound surnames, hyphenated given names: OUYANG Xiao-ming, SIMA Qing-yun",
        art(rows=[["欧阳晓明", "^1", "，", "司马青云", "^2"]],
            **en(["OUYANG Xiao-ming", "SIMA Qing-yun"],
                 people=[Person("欧阳晓明", "欧阳", "", (1,)), Person("司马青云", "司马", "", (2,))])))
    add("en_wrapped_three", "five English names with raised marks wrapped over two lines, the break after a comma",
        art(rows=[["王建国", "^1", "，", "李思远", "^2", "，", "赵明华", "^1", "，", "刘晓红", "^2", "，", "陈志强", "^1"]],
            people=[WANG, LI, ZHAO, Person("刘晓红", "刘", "LIU Xiaohong", (2,)), Person("陈志强", "陈", "CHEN Zhiqiang", (1,))],
            en_rows=[["WANG Jianguo", "^1", ", ", "LI Siyuan", "^2", ", ", "ZHAO Minghua", "^1", ","],
                     ["LIU Xiaohong", "^2", ", ", "CHEN Zhiqiang", "^1"]]))

    add("en_no_separator", "English names apart by a wide space only, no comma: WANG Jianguo　LI Siyuan",
        art(**en(["WANG Jianguo", "LI Siyuan"], sep="　", marks=False)))
    add("en_comma_no_space", "English names apart by a comma with no space after it: WANG Jianguo1,LI Siyuan2",
        art(**en(["WANG Jianguo", "LI Siyuan"], sep=",")))
    add("en_one_a_line", "each English name on a line of its own, with its mark",
        art(people=[WANG, LI], en_rows=[["WANG Jianguo", "^1"], ["LI Siyuan", "^2"]]))
    add("en_each_with_unit", "each English name on its own line followed by its unit in brackets: "
        "WANG Jianguo (School of …) / LI Siyuan (School of …)",
        art(people=[WANG, LI], affs_en=[], en_rows=[["WANG Jianguo (" + AFF1_EN + ")"], ["LI Siyuan (" + AFF2_EN + ")"]]))
    add("en_given_first_title_and", "given name first in title case, the last after and: Jianguo Wang, Siyuan Li and Minghua Zhao",
        art(rows=[["王建国", "^1", "，", "李思远", "^2", "，", "赵明华", "^1"]],
            **en(["Jianguo Wang", "Siyuan Li", "Minghua Zhao"], people=[WANG, LI, ZHAO],
                 sep=lambda k, n: " and " if k == n - 1 else ", ")))
    add("en_chosen_english_name", "an author who prints a chosen English name, not the pinyin: 王建国 as Jackie WANG",
        art(**en(["Jackie WANG", "LI Siyuan"])))
    add("en_tibetan_name", "a Tibetan name, which has no surname (扎西顿珠, Zhaxi Dunzhu): where a surname would end "
        "cannot be read from the page (flag the surnames)",
        art(**en(["Zhaxi Dunzhu", "LI Siyuan"], people=[Person("扎西顿珠", "扎西", "", (1,)), LI])),
        uncertain=["surnames"])
    add("en_block_next_page", "a long Chinese abstract pushes the English title, names and units to the top of "
        "the second page",
        art(abstract=mc.base().abstract * 22, paras=4,
            **en(["WANG Jian-guo", "LI Si-yuan"])))
    add("en_author_note_at_end", "social-science habit: the English block closes the article after its references "
        "and names the author only in its note, Author: Wang Jianguo, Professor, School of …",
        art(rows=[["王建国"]], people=[replace(WANG, en="Wang Jianguo")], aff_style="bio_only", affs=[UNIT1], affs_en=[],
            en_rows=[[]], en_at_end=True, refs=["王小明. 区域创新网络研究[J]. 经济地理, 2020, 40(3): 1-10."],
            bio=bio(("王建国", "，吉林大学经济学院教授")),
            bio_end="Author: Wang Jianguo, Professor, School of Economics, Jilin University, Changchun 130012, China."))
    add("bio_with_english_twin", "the first-page note gives the 作者简介 and its English twin (Biography: WANG Jianguo "
        "(1978-), male, …); no unit under the byline",
        art(rows=[["王建国"]], people=[WANG], aff_style="bio_only", affs=[UNIT1], affs_en=[],
            bio=bio(("王建国", "（1978—），男，吉林长春人，吉林大学经济学院教授，博士")),
            foot_extra=["Biography: WANG Jianguo (1978-), male, professor, School of Economics, Jilin University."]))
    add("en_by_line", "the English names led by By: By WANG Jianguo and LI Siyuan",
        art(people=[WANG, LI], en_rows=[["By WANG Jianguo", "^1", " and LI Siyuan", "^2"]]))
    add("japanese_name", "a Japanese co-author's name in kanji (山田太郎) with the English name YAMADA Taro: which "
        "kanji spell YAMADA takes a Japanese reading the page does not give (flag the surnames)",
        art(rows=[["王建国", "^1", "，", "山田太郎", "^2"]],
            **en(["WANG Jianguo", "YAMADA Taro"], people=[WANG, Person("山田太郎", "山田", "", (2,))])),
        uncertain=["surnames"])
    add("en_issue_end_section", "no English block in the articles: the issue-end English abstracts give each "
        "title and the names with the first page (WANG Jianguo, LI Siyuan / 43)",
        art(title_en=TITLE_EN, affs_en=[], en_at_end=False),
        art(title="区域协调发展中的创新要素流动", title_en=TITLE2_EN, affs_en=[], affs=[AFF2],
            people=[Person("赵明华", "赵", "Zhao Minghua", (1,)), Person("刘晓红", "刘", "Liu Xiaohong", (1,))],
            aff_style="single"),
        notice_after="en:section")
    add("en_issue_end_and_paren", "the issue-end English abstracts name the authors with and, the page in brackets: "
        "Wang Jianguo and Li Siyuan (43)",
        *[replace(a, people=[replace(p, en=p.en.title()) for p in a.people]) for a in out[-1].arts],
        notice_after="en:and_paren")

    add("en_names_one_unit_paren", "two English names, then the unit they share in brackets on the same line",
        art(rows=[["王建国", "　", "李思远"]], units=[f"（{AFF1}）"], affs=[AFF1], affs_en=[],
            people=[replace(WANG, en="WANG Jianguo"), replace(LI, en="LI Siyuan", aff=(1,))],
            en_rows=[["WANG Jianguo, LI Siyuan (" + AFF1_EN + ")"]]))
    add("en_initials", "English names with the given name as initials (some science journals): WANG J G, LI S Y",
        art(**en(["WANG J G", "LI S Y"])))
    add("bilingual_front", "the English title and names printed right under the Chinese ones, before the units "
        "(title, English title, byline, English byline, units), the English block holding only the abstract",
        art(rows=[["@11", TITLE_EN], ["王建国", "^1", "，", "李思远", "^2"], ["@10", "WANG Jianguo", "^1", ", ", "LI Siyuan", "^2"]],
            en_block=False))
    add("byline_body_size", "the byline set in the body's type size (10.5 pt) and the units in 9 pt",
        art(rows=[["@10.5", "王建国", "^1", "，", "李思远", "^2"]]))

    # ---- bylines as Founder and magazine typesetting print them ---------------------------
    yao_head = "第38卷摇第6期摇摇摇摇现代区域研究摇摇摇摇Vol.摇38摇No.摇6"
    add("founder_yao_byline", "a Founder export: the ideographic space drawn as 摇 (names 王建国1摇摇李思远2, the units' "
        "城市摇邮编), evidence of the quirk in the masthead (Vol.摇38)",
        art(rows=[["王建国", "^1", "摇摇", "李思远", "^2"]],
            units=["（1. 吉林大学经济学院，吉林摇长春摇130012；2. 东北师范大学商学院，吉林摇长春摇130024）"]),
        masthead=yao_head)
    add("founder_yao_padded", "a Founder export: two-character names spread by 摇 (王摇芳摇摇李思远摇摇赵摇明), one unit",
        art(rows=[["王摇芳摇摇李思远摇摇赵摇明"]], units=[f"（{AFF1.replace(' ', '摇')}）"], affs=[AFF1],
            people=[Person("王芳", "王", "WANG Fang", (1,)), replace(LI, aff=(1,)), Person("赵明", "赵", "ZHAO Ming", (1,))],
            affs_en=[AFF1_EN]),
        masthead=yao_head)
    add("founder_issue", "a Founder-typeset issue of three run-on articles: every ideographic space reads 摇 (labels "
        "摘摇要, bylines 王建国1摇摇李思远2 and 王摇芳摇摇赵明华, units 吉林摇长春, English names WANG摇Jianguo)",
        art(rows=[["王建国", "^1", "　　", "李思远", "^2"]], units=["（1. 吉林大学经济学院，吉林　长春　130012；2. 东北师范大学商学院，吉林　长春　130024）"],
            en_rows=[["WANG　Jianguo", "^1", ", ", "LI　Siyuan", "^2"]], paras=2),
        art(title="区域协调发展中的创新要素流动", title_en=TITLE2_EN, rows=[["王　芳　　赵明华"]],
            units=["（东北师范大学商学院，吉林　长春　130024）"], affs=[AFF2], affs_en=[AFF2_EN],
            people=[Person("王芳", "王", "WANG Fang", (1,)), replace(ZHAO, aff=(1,))], paras=2),
        art(title="数字基础设施与城市创新合作", title_en="Digital Infrastructure and Urban Innovation Cooperation",
            rows=[["欧阳晓", "^1,2", "　　", "李思远", "^2", "　　", "赵明华", "^1"]],
            units=["（1. 吉林大学经济学院，吉林　长春　130012；2. 东北师范大学商学院，吉林　长春　130024）"],
            people=[replace(mc.OUYANG, aff=(1, 2)), LI, ZHAO], paras=2),
        run_on=True, masthead="第38卷　第6期　　　　现代区域研究　　　　Vol.　38　No.　6")
    add("spread_wide_gap", "two-character names spread by one ideographic space, names apart by two, no marks: "
        "王　芳　　李　明　　赵明华 (the name ends where the gap is wider than its letter-spacing); no English "
        "byline to cut the names by",
        art(rows=[["王　芳　　李　明　　赵明华"]], units=[f"（{AFF1}）"], affs=[AFF1], affs_en=[], title_en="",
            people=[Person("王芳", "王", "", (1,)), Person("李明", "李", "", (1,)), replace(ZHAO, en="")]))
    six = [Person("王芳", "王", "WANG Fang", (1,)), Person("李建国", "李", "LI Jianguo", (1,)), Person("张伟", "张", "ZHANG Wei", (1,)),
           Person("刘强", "刘", "LIU Qiang", (1,)), Person("陈明", "陈", "CHEN Ming", (1,)), ZHAO]
    medical = dict(rows=[["王　芳　　李建国　　张　伟　　刘　强"], ["陈　明　　赵明华"]], people=six,
                   units=["（吉林大学第一医院泌尿外科，吉林　长春　130021）"], affs=["吉林大学第一医院泌尿外科"],
                   affs_en=["Department of Urology, the First Hospital of Jilin University, Changchun 130021, China"],
                   en_rows=[["WANG Fang, LI Jianguo, ZHANG Wei, LIU Qiang, CHEN Ming, ZHAO Minghua"]])
    add("medical_spread_rows", "a medical journal's byline: six authors on two rows, two-character names spread to "
        "three (王　芳), names apart by two ideographic spaces, one unit with its department", art(**medical))
    add("founder_medical_spread_rows", "the same byline in a Founder export: 王摇芳摇摇李建国摇摇张摇伟…, its unit "
        "吉林摇长春摇130021", art(**medical), masthead="第38卷　第6期　　　　现代区域研究　　　　Vol.　38　No.　6")
    add("spread_two_char_marked", "two-character names letter-spaced by two spaces, each with its mark: 王  芳1，李  明2",
        art(rows=[["王  芳", "^1", "，", "李  明", "^2"]],
            people=[Person("王芳", "王", "WANG Fang", (1,)), Person("李明", "李", "LI Ming", (2,))]))
    add("spread_mixed_spaces", "names apart by two ideographic spaces, a two-character name spread by one: "
        "王　芳1　　李思远2　　赵明华1",
        art(rows=[["王　芳", "^1", "　　", "李思远", "^2", "　　", "赵明华", "^1"]],
            people=[Person("王芳", "王", "WANG Fang", (1,)), LI, ZHAO]))
    add("byline_two_rows_spaces", "six authors on two rows, names apart by ideographic spaces, marks raised",
        art(rows=[["王建国", "^1", "　", "李思远", "^2", "　", "赵明华", "^1"],
                  ["刘晓红", "^2", "　", "陈志强", "^1", "　", "孙丽", "^2"]],
            people=[WANG, LI, ZHAO, Person("刘晓红", "刘", "LIU Xiaohong", (2,)),
                    Person("陈志强", "陈", "CHEN Zhiqiang", (1,)), Person("孙丽", "孙", "SUN Li", (2,))]))
    add("role_host", "a forum's host piece: the byline 主持人：王建国 (the role is no name)",
        art(rows=[["主持人：王建国"]], people=[WANG], units=[f"（{AFF1}）"], affs=[AFF1], affs_en=[AFF1_EN]))
    add("role_zhengli", "an interview written up by two editors: 王建国　李思远　整理",
        art(rows=[["王建国　李思远　整理"]], units=[f"（{AFF1}）"], affs=[AFF1],
            people=[WANG, replace(LI, aff=(1,))], affs_en=[AFF1_EN]))
    add("byline_labelled", "the byline led by its label: 作者：王建国1，李思远2, numbered units under it",
        art(rows=[["作者：王建国", "^1", "，", "李思远", "^2"]]))
    add("role_translated", "a translated piece: ［美］约翰·史密斯　著　王建国　译 (nationality and roles are no names)",
        art(rows=[["［美］约翰·史密斯　著　王建国　译"]], units=[f"（{AFF1}）"], affs=[AFF1], affs_en=[], title_en="",
            people=[Person("约翰·史密斯", "史密斯", "", (1,)), replace(WANG, en="")]))
    add("group_writers", "a group author with its writers under it (执笔：王建国　李思远): the group, then the writers",
        art(rows=[["中国宏观经济研究院课题组"], ["执笔：王建国　李思远"]], aff_style="bio_only", affs=[], affs_en=[],
            people=[Person("中国宏观经济研究院课题组", None, "", ()), replace(WANG, aff=()), replace(LI, aff=())]))
    add("group_author", "an institution as author (课题组): the byline names the group, no person, no unit",
        art(rows=[["中国宏观经济研究院课题组"]], people=[Person("中国宏观经济研究院课题组", None, "", ())],
            aff_style="bio_only", affs=[], affs_en=[]))
    return out


def main(argv: list[str] | None = None) -> int:
    return mc.generate(argv, __doc__, OUT, cases(), render,
                       lambda case, spans: {**mc.truth_of(case, spans), "source": f"tests/author_conventions/{case.name}/issue.pdf"},
                       lambda _truth, spans: f"{len(spans)} article(s)")


if __name__ == "__main__":
    sys.exit(main())
