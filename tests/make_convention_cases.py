#!/usr/bin/env python
"""Generate the convention-variation suite for Chinese articles (issue 11).

Each case is a small PDF (one article, or two run-on articles) that varies ONE printing
convention from the norms Chinese journals follow — GB/T 7713.2-2022 (学术论文编写规则),
CAJ-CD B/T 1-2006 (the CNKI data norm), GB/T 7714-2015 (references), GB/T 28039-2011
(pinyin of Chinese names) — or a common typesetting habit, against one plain baseline.
The point is that the parsers encode conventions, not files: a rule that only fits the
development PDFs fails here.

    python tests/make_convention_cases.py            # rewrites tests/conventions/<case>/
    python tests/make_convention_cases.py --out DIR  # the same tree under DIR

Per case: `issue.pdf` and `truth.json` in the format of ../shared/real/zh_more/truth (the
fields ../shared/eval/score.py compares), plus `convention` (what the case varies) and
`uncertain` (fields the tool cannot read reliably from this page and must flag instead of
guessing). The truth is built from the generator's input below, never read back from the
tool. Drawing reuses tests/make_fixtures.py (glyph runs, justified wrapping, pagination);
Chinese text is in reportlab's non-embedded CID font STSong-Light, so the files stay small.
Output is deterministic (reportlab invariant=1).
"""
from __future__ import annotations

import argparse
import io
import json
import re
import sys
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_fixtures as mf  # noqa: E402  (drawing helpers: glyphs, wrap, paginate, …)
from make_fixtures import St, Line, glyphs, wrap, spacer, centered, center_line, labelled  # noqa: E402
from reportlab import rl_config  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402

rl_config.useA85 = 0              # binary Flate streams, no ASCII85 wrapping: a fifth smaller

OUT = HERE / "conventions"
JOURNAL = "现代区域研究"
YEAR, VOLUME, ISSUE = 2023, "38", "6"
FIRST = 43                        # printed page number of the first page


# =========================================================================================
# The generator's input
# =========================================================================================
@dataclass
class Person:
    zh: str
    surname: str                  # as GB/T 28039 / the printed English name implies
    en: str = ""                  # printed English name ("" = none printed)
    aff: tuple[int, ...] = (1,)   # numbers of the person's units
    star: bool = False            # corresponding-author asterisk after the marks
    sign: str = ""                # another sign after the marks (# equal contribution, △)
    role: str = ""                # a role printed after the name on the byline: （通信作者）


@dataclass
class Art:
    title: str
    people: list[Person]
    affs: list[str]                                  # Chinese units as printed (without number)
    title_en: str = ""
    affs_en: list[str] = field(default_factory=list)
    aff_style: str = "numbered"      # how the Chinese units are printed under the byline
    en_style: str = "caps"           # how the English byline is printed
    abstract: str = ("本文以区域创新网络为对象，考察数字经济发展对创新合作的影响，发现数字基础设施"
                     "显著提高了城市间合作的强度，并提出相应的政策建议。")
    keywords: list[str] = field(default_factory=lambda: ["数字经济", "创新网络", "区域合作"])
    abstract_en: str = ("Taking regional innovation networks as the object, this paper examines how "
                        "the digital economy affects innovation cooperation between cities.")
    keywords_en: list[str] = field(default_factory=lambda: ["digital economy", "innovation network",
                                                            "regional cooperation"])
    bio: str = ""                    # 作者简介 note text (first-page footnote)
    notes: list[str] = field(default_factory=list)   # page footnotes, markers per note_style
    note_style: str = "circled"      # circled ① | bracket [1] | paren 1)
    endnotes: bool = False           # the notes gathered under 注释： at the article's end instead
    refs: list[str] = field(default_factory=list)    # 参考文献 [1] …
    source_note: str = ""            # 资料来源 line under a table
    paras: int = 0                   # filler paragraphs (the article's length)
    urls: list[tuple[str, str | None]] = field(default_factory=list)   # truth: (url, access date)
    unit_note: str = ""              # 作者单位 printed as a first-page footnote instead
    bio_end: str = ""                # an author note printed after the references (label included)
    unit_label: str = ""             # the label before the units when not 作者单位：
    pad_names: bool = False          # two-character names padded to three with a full-width space
    letter_spaced: bool = False      # every name letter-spaced (王 建 国), names apart by wider space
    name_sep: str = ""               # the separator between names when the case prints another ("none")
    en_at_end: bool = False          # the English block closes the article, after the references
    column: str = ""                 # column label printed above the title
    title_mark: str = ""             # a note marker after the title (* or ①) for its 基金项目 note
    subtitle: str = ""               # ——subtitle, on its own line (part of the title)
    codes: list[str] = field(default_factory=list)      # extra code lines (文章编号, DOI) after 中图分类号
    foot_extra: list[str] = field(default_factory=list)  # extra first-page notes (基金项目, 通信作者)
    aff_truth: list[str] = field(default_factory=list)  # the units' names when affs are printed otherwise
    title_size: float = 16.0         # the title's type size (a run-on piece may set it smaller)
    labelled: bool = True            # 摘要/关键词/中图分类号 printed (a short piece, a 书评 or 短文, prints none)
    received: str = "2023-03-15"     # the 收稿日期 its first-page note prints
    received_truth: bool = False     # put the 收稿日期 in the truth (cases where articles share a page's foot)
    received_printed: str = ""       # the 收稿日期 as printed when not ISO 8601 (2023年3月15日, 2023－03－15)
    labels: str = "colon"            # the front labels' form (LABEL_FORMS): 摘　要： | 【摘要】 | [摘要] | 摘要 in
                                     # bold, no colon | 内容提要：
    structured: str = ""             # 目的/方法/结果/结论 sub-heads (the medical journals' structured abstract,
                                     # GB/T 7713.2-2022 5.6.2 and both languages): "run_in" one paragraph |
                                     # "lines" each sub-head opens a line
    kw_sep: str = "；"               # between keywords (；，、 or a full-width space)
    clc: tuple[str, ...] = ("F127",)  # the 中图分类号 (several: printed apart by ；)
    doc_code: str = "A"              # the 文献标志码
    codes_above: bool = False        # the code line (and its 文章编号) set above the title: CNKI's one-line header


@dataclass
class Case:
    name: str
    convention: str
    arts: list[Art]
    folio: str = "head_dots"         # where and how the page number is printed
    first_folio: bool = True         # does the first page print its folio
    masthead: str = ""               # first-page masthead line ("" = journal and issue only)
    run_on: bool = False             # second article starts mid-page below the first
    first: int = 43                  # printed number of the first page
    first_folio_style: str = ""      # the first page's folio style when it differs (e.g. foot_center)
    a4: bool = False                 # A4 page (595 x 842 pt) with a 46-character measure
    columns: bool = False            # body in two columns under a full-width front matter
    new_column: bool = False         # (columns) a run-on article opens at the top of the next column
    first_head: bool = False         # the first page prints the running head, not a masthead
    misprint: dict[int, int] = field(default_factory=dict)   # page index -> a wrongly printed folio
    odd_head: str = ""               # the running head of odd pages, when the case prints another
    tail_before: bool = False        # page 1 opens with the previous article's end (run-on download)
    cut_after: bool = False          # the file ends on the page where the last article starts
    blank_after: tuple[int, ...] = ()  # articles followed by a blank page (the next starts on an odd page)
    no_folio: tuple[int, ...] = ()   # page indices that print no folio (a last page, a figure page)
    advert_after: bool = False       # the file ends with a 征稿启事 advert page after the article
    notice_after: str = ""           # a notice (NOTICES key) set below the last article's end, on its last page
    font: str = ""                   # "gb1": Chinese re-encoded as Adobe-GB1 CIDs, no ToUnicode (make_fixtures)
    export: str = ""                 # "founder": a Founder (方正) export's text layer: the ideographic space
                                     # reads 摇, a hyphen between Latin letters or digits 鄄, quotes 冶爷野
    bleed: str = ""                  # "marks": printer's PDF, page inside a larger MediaBox with crop marks
                                     # (TrimBox set); "cropbox": the same with a CropBox on the trimmed page;
                                     # "paper": the page centred on A4 paper, no TrimBox, no marks
    uncertain: list[str] = field(default_factory=list)   # fields that must be flagged, not guessed
    truth_fields: tuple[str, ...] = ("title_zh", "authors", "fpage", "lpage", "pdf_pages", "urls")


WANG = Person("王建国", "王", "WANG Jianguo", (1,))
LI = Person("李思远", "李", "LI Siyuan", (2,))
OUYANG = Person("欧阳晓", "欧阳", "OUYANG Xiao", (1,))
AFF1 = "吉林大学经济学院，吉林 长春 130012"
AFF2 = "东北师范大学商学院，吉林 长春 130024"
AFF1_EN = "School of Economics, Jilin University, Changchun 130012, China"
AFF2_EN = "School of Business, Northeast Normal University, Changchun 130024, China"
TITLE = "数字经济背景下区域创新网络的演化研究"
TITLE_EN = "The Evolution of Regional Innovation Networks in the Digital Economy"
FILLER = [re.sub(r"\{\w+\}", "", t) for k, t in mf.SEED_BODY if k == "p"]   # body text, note keys dropped


def base(**kw) -> Art:
    """The baseline article: two authors in two units, numbered affiliations, an English block."""
    a = Art(TITLE, [WANG, LI], [AFF1, AFF2], TITLE_EN, [AFF1_EN, AFF2_EN])
    return replace(a, **kw)


# =========================================================================================
# Typesetting one article (CAJ-CD B/T 1-2006 order: title, byline, units, 摘要, 关键词,
# 中图分类号/文献标志码, English title, names, units, Abstract, Key words; notes at the foot)
# =========================================================================================
SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
MARK_SEP = ","                    # between two unit numbers of one author (a case may print ", ")


def _marks(p: Person, style: str, n_affs: int) -> list:
    """The affiliation marks after a name, as the aff_style prints them."""
    if (n_affs < 2 or style == "nomarks") and not p.star and not p.sign:
        return []
    nums = MARK_SEP.join(str(k) for k in p.aff) if n_affs > 1 else ""
    star = ("*" if p.star else "") + p.sign
    if style == "sup_unicode":
        return [("".join(SUP[k] for k in p.aff) + star, St(12))]
    if style == "tight":
        return [(",".join(str(k) for k in p.aff) + star, St(12, sup=True))]
    if style == "bracket":
        return [("".join(f"[{k}]" for k in p.aff) + star, St(12, sup=True))]
    if style == "circled":
        return [("".join("①②③④⑤"[k - 1] for k in p.aff) + star, St(12, sup=True))]
    if style == "fullwidth":
        return [(",".join(chr(0xFF10 + k) for k in p.aff) + star, St(12))]
    if style == "letters":
        return [(",".join("abcde"[k - 1] for k in p.aff) + star, St(12, sup=True))]
    if style == "paren_marks":
        return [("".join(f"({k})" for k in p.aff) + star, St(12, sup=True))]
    return [(nums + star, St(12, sup=True))]


def byline(art: Art) -> list[Line]:
    segs: list = []
    sep = art.name_sep or ("　" if art.aff_style in ("single", "label", "bio_only", "foot", "spaced") else "，")
    sep = "" if sep == "none" else sep
    for i, p in enumerate(art.people):
        if i:
            segs.append((sep, St(12)))
        shown = p.zh[0] + "　" + p.zh[1] if art.pad_names and len(p.zh) == 2 else p.zh
        if art.letter_spaced:         # names letter-spaced for display: 王 建 国
            shown = " ".join(p.zh)
        segs.append((shown, St(12)))
        if art.aff_style == "inline":     # 姓名（单位，城市 邮编） on the byline itself
            segs.append(("（" + art.affs[p.aff[0] - 1] + "）", St(10)))
            continue
        segs += _marks(p, art.aff_style, len(art.affs))
        if p.role:
            segs.append((p.role, St(10)))
    line = center_line(segs, 22)
    if line.w <= mf.TW - 40:
        return [line]
    # a byline that wraps: names are never broken, the break falls after a separator
    rows: list[list] = [[]]
    for seg in segs:
        trial = center_line(rows[-1] + [seg], 22)
        if trial.w > mf.TW - 40 and seg[0] not in ("，", "　") and not seg[1].sup:
            rows.append([])
        rows[-1].append(seg)
    return [center_line(r, 22) for r in rows]


def alternating_byline(art: Art) -> list[Line]:
    """名 / （单位） / 名 / （单位）: journals printing authors from different units each
    above their own unit."""
    ls: list[Line] = []
    for p in art.people:
        ls.append(center_line([(p.zh, St(12))], 20))
        ls.append(center_line([("（" + art.affs[p.aff[0] - 1] + "）", St(9))], 14))
    return ls


def unit_lines(art: Art) -> list[Line]:
    """The Chinese units under the byline (or none: bio_only)."""
    st = St(9)
    s = art.aff_style
    if s in ("bio_only", "foot", "inline"):
        return []
    if s == "alternating":    # each author's unit under that author's name (names not marked)
        return []
    if s == "spaced":         # names apart by spaces, units one a line led by the number
        return [center_line([(f"{k}. {u}", st)], 14) for k, u in enumerate(art.affs, 1)]
    if s == "tight":          # (1.单位,城市 邮编;2.…): half-width punctuation, no spaces
        text = "(" + ";".join(f"{k}.{u.replace('，', ',')}" for k, u in enumerate(art.affs, 1)) + ")"
        return centered(wrap([(text, st)], mf.TW - 20, height=14))
    if s == "label":          # 作者单位：… (GB/T 7713.2-2022 5.3: units after the names, labelled)
        text = "；".join(art.affs) if len(art.affs) == 1 else "；".join(f"{k}. {u}" for k, u in enumerate(art.affs, 1))
        return centered(wrap([(art.unit_label or "作者单位：", St(9, bold=True)), (text, st)], mf.TW - 20, height=14))
    if s == "single":         # one unit for every author, in parentheses, no number
        return centered(wrap([("（" + art.affs[0] + "）", st)], mf.TW - 20, height=14))
    if s in ("numbered", "nomarks", "fullwidth"):   # （1. 单位，城市 邮编；2. …）  CAJ-CD B/T 1-2006 (one unit: no number)
        text = "（" + ("；".join(f"{k}. {u}" for k, u in enumerate(art.affs, 1)) if len(art.affs) > 1 else art.affs[0]) + "）"
        return centered(wrap([(text, st)], mf.TW - 20, height=14))
    if s == "nodot":          # （1 单位；2 单位）: the number set apart by a space only
        text = "（" + "；".join(f"{k} {u}" for k, u in enumerate(art.affs, 1)) + "）"
        return centered(wrap([(text, st)], mf.TW - 20, height=14))
    if s == "paren_each":
        return [center_line([(f"（{k}. {u}）", st)], 14) for k, u in enumerate(art.affs, 1)]
    if s == "sup_raised":     # one unit a line, led by its number set raised and small
        return [center_line([(str(k), St(9, sup=True)), (u, st)], 14) for k, u in enumerate(art.affs, 1)]
    if s == "sup_unicode":    # one unit a line, led by its superscript number
        return [center_line([(SUP[k] + u, st)], 14) for k, u in enumerate(art.affs, 1)]
    if s == "bracket":
        return [center_line([(f"[{k}]" + u, st)], 14) for k, u in enumerate(art.affs, 1)]
    if s == "circled":
        return [center_line([("①②③④⑤"[k - 1] + u, st)], 14) for k, u in enumerate(art.affs, 1)]
    if s == "letters":        # marks a, b (some science journals): a. 单位；b. 单位
        text = "（" + "；".join(f"{'abcde'[k - 1]}. {u}" for k, u in enumerate(art.affs, 1)) + "）"
        return centered(wrap([(text, st)], mf.TW - 20, height=14))
    if s == "paren_marks":
        return [center_line([(f"({k}) {u}", st)], 14) for k, u in enumerate(art.affs, 1)]
    raise ValueError(s)


def english_byline(art: Art) -> list[Line]:
    """The English names, styled as en_style says (GB/T 28039: surname first, in capitals)."""
    st = St(10)
    names = [p.en for p in art.people]
    s = art.en_style
    if s == "caps_paren":     # ZHANG San-feng (School of …)
        return [center_line([(names[0], st), (" (" + art.affs_en[0] + ")", St(8.5, italic=True))], 16)]
    segs: list = []
    for i, (p, n) in enumerate(zip(art.people, names)):
        if i:
            segs.append((" and " if s == "and" and i == len(names) - 1 else "，" if s == "fullwidth_comma" else ", ", st))
        segs.append((n, st))
        if len(art.affs_en) > 1 or p.star or p.sign:
            nums = "abcde" if art.aff_style == "letters" else "0123456789"[1:]
            marks = (",".join(nums[k - 1] for k in p.aff) if len(art.affs_en) > 1 else "") + p.sign
            if s == "sup_unicode":
                segs.append(("".join(SUP[int(k)] if k.isdigit() else k for k in marks) + ("*" if p.star else ""), st))
                continue
            if art.aff_style != "nomarks":
                segs.append((marks + ("*" if p.star else ""), st if s == "baseline" else St(10, sup=True)))
    if s == "break_in_name":  # the last name wraps between surname and given name
        sur, given = segs[-2][0].split(" ", 1) if not segs[-1][1].sup else segs[-2][0].split(" ", 1)
        head = segs[:-2] + [(sur, st)]
        return [center_line(head, 16), center_line([(given, st), segs[-1]], 16)]
    ls = wrap(segs, mf.TW - 120, height=16, align="left", last_align="left")
    return centered(ls)


def english_units(art: Art) -> list[Line]:
    if art.en_style == "caps_paren" or not art.affs_en:
        return []
    if len(art.affs_en) > 1:
        text = "(" + "; ".join(f"{k}. {u}" for k, u in enumerate(art.affs_en, 1)) + ")"
    else:
        text = "(" + art.affs_en[0] + ")"
    return centered(wrap([(text, St(8.5, italic=True))], mf.TW - 20, height=12))


# the labels of the front matter in the forms journals print them: (摘要, 关键词, 中图分类号,
# 文献标志码, Abstract, Key words); "bare" sets the label in bold and a space after it
LABEL_FORMS = {
    "colon": ("摘　要：", "关键词：", "中图分类号：", "文献标志码：", "Abstract: ", "Key words: "),
    "lenticular": ("【摘要】", "【关键词】", "【中图分类号】", "【文献标识码】", "【Abstract】", "【Key words】"),
    "square": ("[摘　要]　", "[关键词]　", "[中图分类号]　", "[文献标识码]　", "[Abstract] ", "[Key words] "),
    "bare": ("摘要　", "关键词　", "中图分类号　", "文献标识码　", "Abstract ", "Key words "),
    "tiyao": ("内容提要：", "关键词：", "中图分类号：", "文献标识码：", "Abstract: ", "Key words: "),
    "spaced": ("摘　　要：", "关 键 词：", "中图分类号：", "文献标识码：", "ABSTRACT: ", "KEY WORDS: "),
    "fullwidth": ("摘要：", "关键词：", "中图分类号：", "文献标识码：", "Abstract：", "Keywords："),
}
# a structured abstract (目的、方法、结果、结论 and their English counterparts), as medical journals print it
STRUCTURED_ZH = [("目的", "探讨数字经济发展对城市间创新合作的影响。"),
                 ("方法", "利用2011—2020年城市面板数据构建合作网络，采用双重差分模型估计。"),
                 ("结果", "数字基础设施显著提高了城市间合作的强度（P<0.05）。"),
                 ("结论", "应加快数字基础设施建设，促进区域协同创新。")]
STRUCTURED_EN = [("Objective", "To explore how the digital economy affects innovation cooperation between cities."),
                 ("Methods", "A cooperation network was built from city panel data of 2011-2020 and estimated "
                             "with a difference-in-differences model."),
                 ("Results", "Digital infrastructure significantly raised the intensity of cooperation (P<0.05)."),
                 ("Conclusion", "Digital infrastructure should be built faster to promote regional innovation.")]


def abstract_text(art: Art, en: bool = False) -> str:
    """The abstract as printed (sub-heads included), for the truth."""
    if art.structured:
        return (" " if en else "　").join(f"{h} {t}" if en else f"{h}　{t}" for h, t in (STRUCTURED_EN if en else STRUCTURED_ZH))
    return art.abstract_en if en else art.abstract


def keywords_printed(art: Art, en: bool = False) -> str:
    sep = art.kw_sep if not en else ("; " if art.kw_sep in ("；", "　") else ", ")
    return sep.join(art.keywords_en if en else art.keywords)


def abstract_lines(art: Art, label: str, en: bool, size: float, ind: float, height: float) -> list[Line]:
    """The labelled abstract: plain, or structured with bold sub-heads run in or each opening a line."""
    if not art.structured:
        return labelled(label, abstract_text(art, en), size, ind, height)
    parts = STRUCTURED_EN if en else STRUCTURED_ZH
    gap = " " if en else "　"
    lab = [(label, St(size, bold=True))]
    if art.structured == "run_in":
        segs = lab + [s for k, (h, t) in enumerate(parts)
                      for s in ([(gap, St(size))] if k else []) + [(h, St(size, bold=True)), (gap + t, St(size))]]
        return wrap(segs, mf.TW, first=ind, rest=ind, right=ind, height=height)
    ls: list[Line] = []
    for k, (h, t) in enumerate(parts):
        ls += wrap((lab if not k else []) + [(h, St(size, bold=True)), (gap + t, St(size))], mf.TW,
                   first=ind, rest=ind, right=ind, height=height)
    return ls


def english_block(art: Art) -> list[Line]:
    """The English title, names, units, Abstract and Key words (CAJ-CD B/T 1-2006)."""
    ind = 2 * mf.BODY
    forms = LABEL_FORMS[art.labels]
    ls = [spacer(8)]
    ls += mf.title_lines(None, text=art.title_en, st=St(12, bold=True), height=16)
    ls += english_byline(art)
    ls += english_units(art)
    ls.append(spacer(4))
    ls += abstract_lines(art, forms[4], True, 9, ind, 13)
    ls += labelled(forms[5], keywords_printed(art, en=True), 9, ind, 13)
    ls[1].keep = len(ls) - 2
    return ls


def note_broken(marker: str, first: str, rest: str) -> list[Line]:
    """A footnote whose first line ends where the case says (a URL broken by hand)."""
    mark = glyphs(marker + " ", St(mf.FN))
    hang = sum(g.w for g in mark)
    ls = [Line(mark + glyphs(first, St(mf.FN)), mf.FN_LEAD, 0, mf.TW, "left")]
    ls += wrap([(rest, St(mf.FN))], mf.TW, first=hang, rest=hang, height=mf.FN_LEAD)
    return ls


NOTE_MARKS = {"circled": lambda n: "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[n - 1], "bracket": lambda n: f"[{n}]",
              "paren": lambda n: f"{n})"}


def note_block(marker: str, text: str) -> list[Line]:
    """One footnote, its marker hanging (GB/T 7714-2015 10.1.2 footnote style)."""
    mark = glyphs(marker + " ", St(mf.FN))
    hang = sum(g.w for g in mark)
    ls = wrap([(text, St(mf.FN))], mf.TW, first=hang, rest=hang, height=mf.FN_LEAD)
    ls[0].gs = mark + ls[0].gs
    ls[0].x, ls[0].avail = 0, mf.TW
    return ls


def code_lines(text: str, indent: float, height: float) -> list[Line]:
    """A code line (文章编号, DOI, 引用格式) at `indent` on both sides, ranged left; one too long
    for the measure (a 引用格式 in a column) wraps."""
    one = Line(glyphs(text, St(9)), height, indent, mf.TW - 2 * indent, "left")
    if one.w <= one.avail:
        return [one]
    return wrap([(text, St(9))], mf.TW, first=indent, rest=indent, right=indent, height=height, last_align="left")


def article_flow(art: Art, width: float = mf.TW) -> tuple[list[Line], int]:
    """The article as one flow of lines (first-page notes ride on its first line) and where
    its body starts; the body is wrapped to `width` (a column of a two-column page)."""
    ls: list[Line] = [spacer(6)]
    forms = LABEL_FORMS[art.labels]
    numbers = [c for c in art.codes if c.startswith("文章编号")] if art.codes_above else []
    code_line = "　　".join(numbers + [f"{forms[2]}{'；'.join(art.clc)}　　{forms[3]}{art.doc_code}"])
    if art.codes_above and art.labelled:   # (CNKI's one-line header over the title)
        ls += code_lines(code_line, 0, 16)
    if art.column:
        ls.append(Line(glyphs(art.column, St(10.5, bold=True)), 20, 0, mf.TW, "left"))
    tl = mf.title_lines(None, art.title_size, text=art.title, st=St(art.title_size, bold=True))
    if art.title_mark:         # a note marker on the title pointing to its 基金项目 note
        tl[-1].gs = tl[-1].gs + glyphs(art.title_mark, St(art.title_size, sup=True))
    ls += tl
    if art.subtitle:
        ls += mf.title_lines(None, 12, text="——" + art.subtitle, st=St(12), height=20)
    ls.append(spacer(4))
    names = (alternating_byline(art) if art.aff_style == "alternating" else byline(art)) + unit_lines(art)
    if names:   # (a byline and its units are never broken over a column or a page)
        names[0].keep = max(names[0].keep, len(names) - 1)
    ls += names
    ls.append(spacer(6))
    ind = 2 * mf.BODY
    if art.labelled:
        ls += abstract_lines(art, forms[0], False, 9, ind, 14)
        ls += labelled(forms[1], keywords_printed(art), 9, ind, 14)
        if not art.codes_above:
            ls.append(Line(glyphs(code_line, St(9)), 14, ind, mf.TW - 2 * ind))
    for code in art.codes:
        if not (art.codes_above and code.startswith("文章编号")):
            ls += code_lines(code, ind, 14)
    if art.title_en and not art.en_at_end:
        ls += english_block(art)
    ls.append(spacer(10))
    fixed: list[Line] = wrap([("收稿日期：" + (art.received_printed or art.received), St(mf.FN))], mf.TW, height=mf.FN_LEAD)
    for note in art.foot_extra:
        fixed += wrap([(note, St(mf.FN))], mf.TW, height=mf.FN_LEAD)
    if art.unit_note:
        fixed += wrap([("作者单位：", St(mf.FN)), (art.unit_note, St(mf.FN))], mf.TW, height=mf.FN_LEAD)
    if art.bio:
        fixed += wrap([("作者简介：", St(mf.FN)), (art.bio, St(mf.FN))], mf.TW, height=mf.FN_LEAD)
    ls[1].fixed = fixed
    # body: a heading, a paragraph carrying the note markers, then filler
    start = len(ls)
    ls += wrap([("一、问题的提出", St(11.5, bold=True))], width, height=24, last_align="left")
    marks = [NOTE_MARKS[art.note_style](k + 1) for k in range(len(art.notes))]
    segs: list = [("近年来，数字经济成为区域发展的新动能，学界对此已有较多讨论。", St())]
    for k, m in enumerate(marks):
        segs += [(f"第{k + 1}类研究关注不同的数据来源。", St()), (m, St(mf.BODY, sup=True))]
    para = wrap(segs, width, first=2 * mf.BODY)
    for k, note in enumerate(art.notes if not art.endnotes else []):   # each on the page of its marker
        at = next(ln for ln in para if marks[k] in "".join(g.ch for g in ln.gs))
        at.fixed = at.fixed + (note_broken(marks[k], *note) if isinstance(note, tuple) else note_block(marks[k], note))
    ls += para
    if art.source_note:       # a table's source note (资料来源), GB/T 7713.2-2022 table notes
        ls.append(spacer(4))
        ls.append(center_line([("表1　样本城市的数字基础设施指数", St(9, bold=True))], 16))
        ls.append(center_line([("城市　　　　2020年　　　　2021年　　　　2022年", St(9))], 14))
        ls.append(center_line([("长春　　　　 0.42　　　　　0.47　　　　　0.53", St(9))], 14))
        ls += wrap([(art.source_note, St(8.5))], width, height=13, align="justify", last_align="left")
        ls.append(spacer(6))
    for t in FILLER[:art.paras]:
        ls += wrap([(t, St())], width, first=2 * mf.BODY)
    if art.endnotes:           # 注释： at the end (social-science habit), before any 参考文献
        ls.append(spacer(8))
        ls += wrap([("注释：", St(10, bold=True))], width, height=18)
        with measure(width):   # (closing a column: set in the column's measure)
            for k, note in enumerate(art.notes):
                ls += [replace(ln, height=13.5) for ln in note_block(marks[k], note)]
    if art.refs:
        ls.append(spacer(8))
        head = wrap([("参考文献：", St(10, bold=True))], width, height=18)
        head[-1].keep = 1
        ls += head
        for k, r in enumerate(art.refs, 1):
            gl = glyphs(f"[{k}] ", St(9))
            hang = sum(g.w for g in gl)
            rl = wrap([(r, St(9))], width, first=hang, rest=hang, height=13.5)
            rl[0].gs = gl + rl[0].gs
            rl[0].x, rl[0].avail = 0, width
            ls += rl
    if art.title_en and art.en_at_end:
        ls.append(spacer(12))
        if width < mf.TW:      # (closing a column: set in the column's measure)
            with measure(width):
                ls += english_block(art)
        else:
            ls += english_block(art)
    if art.bio_end:
        ls.append(spacer(6))
        ls += wrap([(art.bio_end, St(9))], width, height=13.5, last_align="left")
    return ls, start


# =========================================================================================
# Page furniture: running heads, folios, masthead
# =========================================================================================
def _folio_text(style: str, n: int) -> str:
    return {"head_dots": f"· {n} ·", "head_dash": f"— {n} —", "head_di": f"第{n}页",
            "head_outer": str(n), "foot_center": str(n), "foot_dash": f"— {n} —", "foot_outer": str(n),
            "head_joined": f"·{n}·", "head_bar": f"{n} |", "head_p": f"P.{n}", "head_hyphen": f"- {n} -",
            "head_square": f"[{n}]", "foot_page": f"Page {n}"}.get(style, "")


def furniture(c, case: Case, k: int, printed: int, starts_here: bool) -> None:
    """Running head (journal and issue; on odd pages the article's short title) and the folio."""
    y = mf.PH - 38
    head = f"{JOURNAL}　{YEAR}年第{ISSUE}期"
    odd_text = case.odd_head or "王建国，等：数字经济背景下区域创新网络的演化"
    show = (case.first_folio or k > 0) and k not in case.no_folio
    style = case.first_folio_style if k == 0 and case.first_folio_style else case.folio
    if k == 0 and not case.first_head:    # the first page: masthead instead of a running head
        mf.text_at(c, case.masthead or f"第{VOLUME}卷　第{ISSUE}期　　　　{JOURNAL}　　　　{YEAR}年11月",
                   mf.ML, y, St(8.5), "center", mf.TW)
    else:
        text = head if printed % 2 == 0 or starts_here else odd_text
        if style == "head_joined":            # folio and running head in one string
            num = _folio_text(style, printed)
            text = f"{num}　{text}" if printed % 2 == 0 else f"{text}　{num}"
        elif style == "head_bar":             # 44 | 刊名 … / … | 45
            text = f"{printed} | {text}" if printed % 2 == 0 else f"{text} | {printed}"
        mf.text_at(c, text, mf.ML, y, St(8.5),
                   "center" if style == "head_outer" else ("right" if printed % 2 == 0 else "left"), mf.TW)
    c.setLineWidth(0.6)
    c.line(mf.ML, y - 5, mf.ML + mf.TW, y - 5)
    if not show:
        return
    num = _folio_text(style, printed)
    outer = "left" if printed % 2 == 0 else "right"
    if style in ("head_joined", "head_bar") and k > 0:
        return
    if style.startswith("head"):              # the outer corner: even left, odd right
        mf.text_at(c, num, mf.ML, y, St(9), outer, mf.TW)
    elif style.startswith("foot"):
        mf.text_at(c, num, mf.ML, 24, St(9), outer if style == "foot_outer" else "center", mf.TW)


@contextmanager
def geometry(case: Case):
    """make_fixtures' page geometry, switched to A4 for the cases that ask for it."""
    with a4(case.a4):
        yield


@contextmanager
def a4(on: bool):
    """make_fixtures' page geometry, switched to A4 with a 46-character measure when `on`."""
    saved = (mf.PW, mf.PH, mf.TW, mf.ML, mf.TOP)
    if on:
        mf.PW, mf.PH, mf.TW = 595.0, 842.0, 46 * mf.BODY
        mf.ML, mf.TOP = (mf.PW - mf.TW) / 2, mf.PH - 70
    try:
        yield
    finally:
        mf.PW, mf.PH, mf.TW, mf.ML, mf.TOP = saved


GUTTER = 14.0


def columns(front: list[Line], body: list[Line]) -> list[tuple[list[tuple[Line, float, float]], list[Line]]]:
    """Front matter across the measure, then the body in two columns (left, then right),
    page by page; each page: [(line, x offset, top y)] and its footnote lines."""
    colw = (mf.TW - GUTTER) / 2
    pages: list = []
    placed: list = []
    fixed: list[Line] = []
    y = mf.TOP
    for ln in front:
        placed.append((ln, 0.0, y))
        y -= ln.height
        fixed += ln.fixed
    top, col = y, 0
    for i, ln in enumerate(body):
        foot = sum(x.height for x in fixed + ln.fixed) + (9 if fixed or ln.fixed else 0)
        need = ln.height + sum(x.height for x in body[i + 1:i + 1 + ln.keep])  # (a block kept together)
        if y - need < mf.BOTTOM + foot or (ln.break_before and y < top):
            if col == 0:
                col, y = 1, top
            else:
                pages.append((placed, fixed))
                placed, fixed, col, y = [], [], 0, mf.TOP
                top = y
        placed.append((ln, col * (colw + GUTTER), y))
        y -= ln.height
        fixed += ln.fixed
    pages.append((placed, fixed))
    return pages


@contextmanager
def measure(width: float):
    """Typeset with the measure narrowed to `width` (a run-on article's front matter set in
    one column of a two-column page, as medical and science journals set short pieces)."""
    saved = mf.TW
    mf.TW = width
    try:
        yield
    finally:
        mf.TW = saved


def render_columns(case: Case) -> tuple[bytes, list[tuple[int, int]]]:
    """The first article's front matter across the measure, its body and any run-on
    articles after it (front matter and all, in the column's width) in two columns."""
    colw = (mf.TW - GUTTER) / 2
    art = case.arts[0]
    flow, start = article_flow(art, colw)
    owner = {id(ln): 0 for ln in flow}
    body = flow[start:]
    for i, more in enumerate(case.arts[1:], 1):
        if more.aff_style == "foot" or more.unit_note:
            # (its notes are not printed: its units, printed only there, would be on no page)
            raise ValueError(f"{case.name}: a run-on article in columns with its units in a first-page note")
        with measure(colw):
            lines, _ = article_flow(more, colw)
        if any(ln.gs and ln.w > colw + 0.5 for ln in lines):
            # (a centred byline line wider than the column would stand out into the gutter)
            raise ValueError(f"{case.name}: a run-on article's line is wider than its column")
        for ln in lines:   # (its 收稿日期 is printed with its text: a column's foot has no room for notes)
            ln.fixed = []
        if case.new_column:
            lines[0].break_before = True
        else:
            body.append(spacer(mf.RUN_ON_GAP))
        body += lines
        owner.update({id(ln): i for ln in lines})
    pages = columns(flow[:start], body)
    span: dict[int, list[int]] = {}
    for pi, (placed, _) in enumerate(pages):
        for ln, _, _ in placed:
            if ln.gs and id(ln) in owner:
                span.setdefault(owner[id(ln)], [pi, pi])[1] = pi
    starts = {a for a, _ in span.values()}
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=(mf.PW, mf.PH), invariant=1, pageCompression=1)
    c.setTitle(f"{JOURNAL} {case.name}")
    c.setCreator("journal-ingest tests/make_convention_cases.py")
    c.setProducer("ReportLab")
    for pi, (placed, fixed) in enumerate(pages):
        furniture(c, case, pi, case.first + pi, pi in starts)
        for ln, dx, top in placed:
            moved = replace(ln, x=ln.x + dx)
            mf.draw_line(c, moved, top - ln.height + ln.height * 0.28)
        if fixed:
            mf.draw_page_body(c, mf.PageOut([], [], fixed), None)
        c.showPage()
    c.save()
    return buf.getvalue(), [(span[i][0] + 1, span[i][1] + 1) for i in range(len(case.arts))]


BLEED = 36.0
A4_PAPER = (595.28, 841.89)  # (a 16开 page exported onto A4: centred, nothing says where it was cut)


def crop_marks(c) -> None:
    """Printer's crop marks at the trimmed page's corners, in the bleed area (with a file
    name and date slug, as imposition software prints them)."""
    c.setLineWidth(0.25)
    w, h = mf.PW, mf.PH
    for x, y in ((BLEED, BLEED), (BLEED + w, BLEED), (BLEED, BLEED + h), (BLEED + w, BLEED + h)):
        dx = -1 if x == BLEED else 1
        dy = -1 if y == BLEED else 1
        c.line(x + dx * 6, y, x + dx * 30, y)
        c.line(x, y + dy * 6, x, y + dy * 30)
    c.setFont("Times-Roman", 6)
    c.drawString(BLEED + 40, 12, "xdqy2023-06.indd   2023-11-02   10:15:22")


# what a Founder export's punctuation fonts name in the text layer (parsers/fonts.py: the GBK lead
# byte plus 0x31 for the ideographic space and the curly quotes, 鄄 for a hyphen in Latin text)
FOUNDER_TEXT = [(re.compile("\u3000"), "摇"), (re.compile("(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])"), "鄄"),
                (re.compile("\u201d"), "冶"), (re.compile("\u2019"), "爷"), (re.compile("\u201c"), "野")]


@contextmanager
def exported(how: str):
    """Glyphs drawn as the export's text layer names them (the page looks the same in print)."""
    glyphs_ = mf.glyphs
    if how == "founder":
        def founder(text: str, st, note=None):
            for rx, to in FOUNDER_TEXT:
                text = rx.sub(to, text)
            return glyphs_(text, st, note)
        mf.glyphs = globals()["glyphs"] = founder
    try:
        yield
    finally:
        mf.glyphs = globals()["glyphs"] = glyphs_


def render(case: Case) -> tuple[bytes, list[tuple[int, int]]]:
    """The case's PDF and each article's (first, last) physical page (1-based). A code line
    that names the article's own pages ({first}, {last}, {count}: a 文章编号 or 引用格式) is
    filled in once the pages are set, with numbers of the same width (the pages come out
    the same)."""
    pdf, spans = _render(case)
    if not any("{first" in c or "{count" in c or "{last" in c for a in case.arts for c in a.codes):
        return pdf, spans
    arts = [replace(a, codes=[c.format(first=case.first + s - 1, last=case.first + e - 1, count=e - s + 1) for c in a.codes])
            for a, (s, e) in zip(case.arts, spans)]
    return _render(replace(case, arts=arts))


def _render(case: Case) -> tuple[bytes, list[tuple[int, int]]]:
    with geometry(case), exported(case.export):
        pdf, spans = render_columns(case) if case.columns else render_flow(case)
    if case.font == "gb1":
        pdf = mf.to_gb1(pdf)
    return pdf, spans


def previous_tail() -> list[Line]:
    """The end of the article before (run-on journals): a last paragraph, its references
    and the 责任编辑 line that closes it."""
    ls = wrap([(FILLER[5][:160], St())], mf.TW, first=2 * mf.BODY)
    ls.append(spacer(6))
    ls += wrap([("参考文献：", St(10, bold=True))], mf.TW, height=18)
    for k, r in enumerate(["张华. 东北振兴的历史逻辑[J]. 经济纵横, 2019(5): 12-20.",
                           "刘强. 区域经济学[M]. 北京: 人民出版社, 2018: 45."], 1):
        ls += wrap([(f"[{k}] {r}", St(9))], mf.TW, height=13.5)
    ls.append(Line(glyphs("（责任编辑：张　三）", St(9)), 16, 0, mf.TW, "right"))
    return ls


# notices a journal sets in the space left under an article's end (none is an article):
# title, paragraphs, and the signature line
NOTICES = {
    "gaoyue": ("《现代区域研究》稿约", [
        "一、本刊刊登区域经济、城市发展与创新研究方面的学术论文，欢迎海内外学者投稿。",
        "二、来稿须附中英文题名、摘要（300字以内）、关键词（3～5个）和作者简介，参考文献按GB/T 7714—2015著录。",
        "三、本刊实行双向匿名审稿，三个月内未接到录用通知者，可自行处理。投稿邮箱：xdqy@163.com。"],
        "《现代区域研究》编辑部"),
    "zhenggao": ("“数字经济与区域发展”专栏征稿启事", [
        "为推动数字经济与区域协调发展研究，本刊2024年开设专栏，诚邀专家学者赐稿。来稿以8000～12000字为宜，"
        "请注明“专栏投稿”字样。截稿日期：2024年3月31日。"], "《现代区域研究》编辑部"),
    "shengming": ("本刊声明", [
        "本刊已许可中国知网以数字化方式复制、汇编、发行、信息网络传播本刊全文。著作权使用费与本刊稿酬一并支付。"
        "作者向本刊提交文章发表的行为即视为同意我刊上述声明。"], "《现代区域研究》编辑部"),
    "qishi": ("本刊启事", [
        "本刊从未委托任何机构或个人代理组稿、收取版面费，请作者通过本刊官方网站投稿，谨防上当受骗。"],
        "《现代区域研究》编辑部"),
}
NOTICE_TITLE = {"qishi": 11.0}   # (a notice headed in bold body type; the others in 16 pt)


def notice_lines(key: str) -> list[Line]:
    """A notice under an article's end: its title in 16 pt (as large as an article title) or
    as NOTICE_TITLE sets it, its paragraphs in small type, the editors' signature."""
    title, paras, sign = NOTICES[key]
    size = NOTICE_TITLE.get(key, 16.0)
    ls = [spacer(mf.RUN_ON_GAP)]
    ls += mf.title_lines(None, size, text=title, st=St(size, bold=True))
    for t in paras:
        ls += wrap([(t, St(9.5))], mf.TW, first=2 * 9.5, height=15)
    ls.append(Line(glyphs(sign, St(9.5)), 15, 0, mf.TW, "right"))
    ls[1].keep = len(ls) - 2
    return ls


def render_flow(case: Case) -> tuple[bytes, list[tuple[int, int]]]:
    flow: list[Line] = previous_tail() if case.tail_before else []
    owner: dict[int, int] = {}
    for i, art in enumerate(case.arts):
        lines, _ = article_flow(art, mf.TW)
        if case.tail_before and not i:
            flow.append(spacer(mf.RUN_ON_GAP))
        if i:
            flow.append(spacer(mf.RUN_ON_GAP))
            if not case.run_on:
                lines[0].break_before = True
        lines[0].keep = 8
        for ln in lines:
            owner[id(ln)] = i
        flow += lines
    if case.notice_after:
        flow += notice_lines(case.notice_after)
    pages = mf.paginate(flow, None)
    span: dict[int, list[int]] = {}
    for pi, p in enumerate(pages):
        for ln in p.lines:
            if ln.gs and id(ln) in owner:
                span.setdefault(owner[id(ln)], [pi, pi])[1] = pi
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=(mf.PW, mf.PH), invariant=1, pageCompression=1)
    c.setTitle(f"{JOURNAL} {case.name}")
    c.setCreator("journal-ingest tests/make_convention_cases.py")
    c.setProducer("ReportLab")
    for i in sorted(case.blank_after, reverse=True):   # a blank page, numbered but printing nothing
        at = span[i][1] + 1
        pages.insert(at, mf.PageOut())
        for j in span:
            if j > i:
                span[j] = [span[j][0] + 1, span[j][1] + 1]
    if case.cut_after:        # (a download that stops where the next article starts)
        last = len(case.arts) - 1
        pages = pages[:span[last][0] + 1]
        span[last][1] = span[last][0]
    starts = {a for a, _ in span.values()}
    if case.bleed == "paper":
        c.setPageSize(A4_PAPER)
    elif case.bleed:
        c.setPageSize((mf.PW + 2 * BLEED, mf.PH + 2 * BLEED))
    for pi, p in enumerate(pages):
        if case.bleed == "paper":
            c.translate((A4_PAPER[0] - mf.PW) / 2, (A4_PAPER[1] - mf.PH) / 2)
        elif case.bleed:
            trim = (BLEED, BLEED, BLEED + mf.PW, BLEED + mf.PH)
            c.setTrimBox(trim)
            if case.bleed == "cropbox":
                c.setCropBox(trim)
            crop_marks(c)
            c.translate(BLEED, BLEED)
        if p.lines or p.fixed:            # (a blank page prints no running head or folio)
            furniture(c, case, pi, case.misprint.get(pi, case.first + pi), pi in starts)
        mf.draw_page_body(c, p, None)
        c.showPage()
    if case.advert_after:      # an advert page after the article's end, numbered like the rest
        furniture(c, case, len(pages), case.first + len(pages), False)
        mf.draw_advert(c)
        c.showPage()
    c.save()
    return buf.getvalue(), [(span[i][0] + 1, span[i][1] + 1) for i in range(len(case.arts))]


def truth_of(case: Case, spans: list[tuple[int, int]]) -> dict:
    """The truth in ../shared/real/zh_more/truth's format, from the case's input."""
    arts = []
    for art, (a, b) in zip(case.arts, spans):
        t: dict = {"kind": "research-article", "title_zh": art.title + ("——" + art.subtitle if art.subtitle else "")}
        people = []
        for p in art.people:
            units = [(art.aff_truth or art.affs)[k - 1] for k in p.aff if k - 1 < len(art.affs)]
            d = {"name_zh": p.zh, "surname": p.surname, "affiliation": units[0] if units else None}
            if p.en:
                d["name_en"] = p.en
            people.append(d)
        t["authors"] = people
        if art.title_en:
            t["title_en"] = art.title_en
        if art.labelled:       # the front matter's labelled fields (both languages when printed)
            t["abstract_zh"], t["keywords_zh"] = abstract_text(art), list(art.keywords)
            t["clc"], t["doc_code"] = list(art.clc), art.doc_code
            if art.title_en:
                t["abstract_en"], t["keywords_en"] = abstract_text(art, en=True), list(art.keywords_en)
        t["fpage"], t["lpage"], t["pdf_pages"] = case.first + a - 1, case.first + b - 1, [a, b]
        if case.cut_after and art is case.arts[-1]:
            t["lpage"] = None         # its end is not in the file
        t["urls"] = [{"url": u, "accessed": d} for u, d in art.urls]
        if art.received_truth:
            t["received"] = art.received
        arts.append(t)
    return {"source": f"tests/conventions/{case.name}/issue.pdf", "journal": {"title_zh": JOURNAL, "issn": None},
            "year": YEAR, "issue": ISSUE, "articles": arts, "convention": case.convention,
            "uncertain": case.uncertain}


# =========================================================================================
# The cases
# =========================================================================================
ACCESS = "2023-03-01"
URL_STATS = "https://www.stats.gov.cn/sj/ndsj/2022/indexch.htm"
URL_LONG = "https://www.ndrc.gov.cn/xxgk/zcfb/ghwb/202203/t20220325_1320207.html"
URL_HYPHEN = "https://www.oecd.org/digital/measuring-the-digital-transformation-a-roadmap-for-the-future.htm"


def _bio(*people: tuple[str, str]) -> str:
    return "；".join(f"{zh}（1978—），男，吉林长春人，{unit}教授，博士，主要研究方向为区域经济" for zh, unit in people) + "。"


def padded_note(make, ends) -> str:
    """A note text padded (with a volume word) until its first line, as note_block wraps it,
    ends as `ends` wants: puts a URL's break where the case needs it."""
    for n in range(120):
        text = make("第" + "一二三四五六七八九十"[n % 10] + "卷" * (n // 10) + "，" if n else "")
        first = "".join(g.ch for g in note_block("①", text)[0].gs)
        if ends(first):
            return text
    raise ValueError("no padding puts the break there")


def cases() -> list[Case]:
    out: list[Case] = []

    def add(name: str, convention: str, *arts: Art, **kw) -> None:
        out.append(Case(name, convention, list(arts), **kw))

    # ---- affiliations --------------------------------------------------------------
    add("aff_numbered", "CAJ-CD B/T 1-2006: （1. 单位，城市 邮编；2. …） under a byline with superscript numbers",
        base())
    add("aff_label_single", "GB/T 7713.2-2022 5.3: one unit after the label 作者单位：",
        base(people=[replace(WANG, en="WANG Jianguo")], affs=[AFF1], affs_en=[AFF1_EN], aff_style="label"))
    add("aff_label_danwei", "the short label 单位： before one unit",
        base(people=[replace(WANG, en="WANG Jianguo")], affs=[AFF1], affs_en=[AFF1_EN], aff_style="label",
             unit_label="单位："))
    add("aff_label_numbered", "作者单位： label followed by numbered units 1. …；2. …",
        base(aff_style="label"))
    add("aff_single_paren", "one unit for all authors, in parentheses, unnumbered, names unmarked",
        base(people=[WANG, replace(LI, aff=(1,))], affs=[AFF1], affs_en=[AFF1_EN], aff_style="single"))
    add("aff_sup_unicode", "marks printed as superscript characters ¹ ² before each unit line",
        base(aff_style="sup_unicode"))
    add("aff_bracket_marks", "marks printed as [1] [2] after names and before units",
        base(aff_style="bracket"))
    add("aff_circled_marks", "marks printed as ① ② after names and before units",
        base(aff_style="circled"))
    add("aff_bio_only", "no unit under the byline: the unit is only in the 作者简介 first-page note",
        base(aff_style="bio_only", people=[WANG, replace(LI, aff=(2,))],
             bio=_bio(("王建国", "吉林大学经济学院"), ("李思远", "东北师范大学商学院")),
             affs=["吉林大学经济学院", "东北师范大学商学院"], affs_en=[]))
    add("aff_province_city", "unit with department, province, city and 邮编: 吉林大学 经济学院，吉林省 长春市 130012",
        base(affs=["吉林大学 经济学院，吉林省 长春市 130012", "东北师范大学 商学院，吉林省 长春市 130024"]))
    add("aff_two_units_one_author", "one author in two units (marks 1,2), GB/T 7713.2-2022 5.3",
        base(people=[replace(WANG, aff=(1, 2)), replace(LI, aff=(2,))]))
    add("aff_en_numbered", "English units (1. School of …, … University, City 100000, China; 2. …) under the English names",
        base(people=[OUYANG, replace(LI, aff=(2,))]))

    add("aff_num_nodot", "unit numbers without a dot: （1 吉林大学经济学院，吉林 长春 130012；2 …）",
        base(aff_style="nodot"))
    add("aff_paren_each", "each unit in its own parentheses on its own line: （1. …） （2. …）",
        base(aff_style="paren_each"))
    add("marks_equal_contribution", "共同第一作者 # and 通信作者 * after the unit numbers: 王建国1#，李思远1#，欧阳晓2*",
        base(people=[replace(WANG, sign="#"), replace(LI, aff=(1,), sign="#"), replace(OUYANG, aff=(2,), star=True)]))
    add("marks_signs_one_unit", "one unit, names marked only by signs: 王建国△，李思远★ (equal contribution, corresponding)",
        base(people=[replace(WANG, sign="△"), replace(LI, aff=(1,), sign="★")], affs=[AFF1], affs_en=[AFF1_EN]))
    add("names_dunhao", "names apart by the enumeration comma 、 (GB/T 15834): 王建国1、李思远2",
        base(name_sep="、"))
    add("marks_letters", "units marked by letters: 王建国a，李思远b / （a. …；b. …）", base(aff_style="letters"))
    add("marks_parens", "units marked by numbers in parentheses: 王建国(1)，李思远(2) / (1) … lines",
        base(aff_style="paren_marks"))
    add("names_letter_spaced", "three-character names letter-spaced for display (王 建 国), apart by a wide space",
        base(people=[WANG, replace(LI, aff=(1,))], affs=[AFF1], affs_en=[AFF1_EN], aff_style="single",
             letter_spaced=True, name_sep="　　"))
    add("names_run_together_en", "names printed with no separator (王芳李明华, a lost space); the English byline "
        "WANG Fang, LI Minghua tells where they split",
        base(people=[Person("王芳", "王", "WANG Fang", (1,)), Person("李明华", "李", "LI Minghua", (1,))],
             affs=[AFF1], affs_en=[AFF1_EN], aff_style="single", name_sep="none"))
    add("names_run_together_zh_only", "names printed with no separator and no English byline: 王芳李明华 splits two "
        "ways (王芳|李明华, 王芳李|明华): flag the names",
        base(people=[Person("王芳", "王", "", (1,)), Person("李明华", "李", "", (1,))], affs=[AFF1], affs_en=[],
             title_en="", aff_style="single", name_sep="none"),
        uncertain=["authors_zh", "surnames", "affiliations"])
    add("byline_role", "a role after a name on the byline: 李思远（通信作者）",
        base(people=[WANG, replace(LI, role="（通信作者）")]))
    add("name_four_characters", "a four-character name with a compound surname (欧阳明远) beside two-character ones",
        base(people=[Person("欧阳明远", "欧阳", "OUYANG Mingyuan", (1,)), Person("李明", "李", "LI Ming", (2,))]))
    add("aff_sup_raised", "each unit on its own line led by a raised small number (¹ drawn as a raised 1)",
        base(aff_style="sup_raised"))
    add("aff_alternating", "each author above their own unit: 王建国 / （吉林大学…） / 李思远 / （东北师范大学…）",
        base(aff_style="alternating"))
    add("aff_foot_names", "作者单位：单位（姓名）；单位（姓名） in the first-page note, no postcode",
        base(aff_style="foot", unit_note="吉林大学经济学院（王建国）；东北师范大学商学院（李思远）",
             aff_truth=["吉林大学经济学院", "东北师范大学商学院"]))
    add("aff_bio_paren_unit", "the unit only in parentheses at the end of each 作者简介 entry",
        base(aff_style="bio_only", affs=["吉林大学经济学院", "东北师范大学商学院"], affs_en=[],
             bio="王建国（1978—），男，吉林长春人，教授，博士，主要研究方向为区域经济（吉林大学经济学院，吉林 长春 130012）；"
                 "李思远（1985—），女，吉林四平人，副教授，博士（东北师范大学商学院，吉林 长春 130024）。"))
    add("aff_bio_shared", "two authors named together in one 作者简介 clause: 王建国、李思远，吉林大学经济学院…",
        base(aff_style="bio_only", people=[WANG, replace(LI, aff=(1,))], affs=["吉林大学经济学院"], affs_en=[],
             bio="王建国、李思远，吉林大学经济学院教授，主要研究方向为区域经济。"))
    add("aff_marks_omitted", "three authors, two numbered units, and no marks on the names (a typesetting slip): "
        "who belongs where cannot be read (flag the affiliations)",
        base(people=[WANG, LI, replace(OUYANG, aff=(1,))], aff_style="nomarks"), uncertain=["affiliations"])
    add("marks_fullwidth", "unit numbers set as full-width digits on the line (a Founder habit): 王建国１，李思远２",
        base(aff_style="fullwidth"))
    add("aff_tight_ascii", "(1.单位,城市 邮编;2.…): half-width punctuation and no spaces in the unit list",
        base(aff_style="tight"))
    add("aff_foot_label", "作者单位：1. …；2. … printed as a first-page footnote, not under the byline",
        base(aff_style="foot", unit_note="1. " + AFF1 + "；2. " + AFF2))
    add("aff_foot_medical", "medical-journal habit: 作者单位：邮编 城市，单位（姓名）；… in the first-page footnote",
        base(aff_style="foot", unit_note="130012 长春，吉林大学经济学院（王建国）；130024 长春，东北师范大学商学院（李思远）",
             aff_truth=["吉林大学经济学院", "东北师范大学商学院"]))
    add("aff_three_wrapped", "three long units that wrap over two lines, the first and third author sharing unit 1",
        base(people=[WANG, LI, replace(OUYANG, aff=(1, 3))],
             affs=["中国社会科学院数量经济与技术经济研究所，北京 100732", AFF2,
                   "吉林省社会科学院城市发展研究所，吉林 长春 130033"]))

    add("aff_inline_paren", "a single author with the unit in parentheses on the byline: 王建国（单位，城市 邮编）",
        base(people=[WANG], affs=[AFF1], affs_en=[AFF1_EN], aff_style="inline"))
    add("aff_spaced_marks", "names apart by full-width spaces, each unit on its own line led by 1. / 2.",
        base(aff_style="spaced"))
    add("name_padded", "two-character names padded with a full-width space (王　芳), a typesetting habit",
        base(people=[Person("王芳", "王", "WANG Fang", (1,)), Person("李明", "李", "LI Ming", (2,))], pad_names=True))
    add("name_padded_single_unit", "padded two-character names, one unit, names apart by spaces",
        base(people=[Person("王芳", "王", "WANG Fang", (1,)), Person("李明", "李", "LI Ming", (1,))],
             affs=[AFF1], affs_en=[AFF1_EN], aff_style="single", pad_names=True))
    for label, name in (("【作者简介】", "bio_end_lenticular"), ("[作者简介]", "bio_end_bracket"),
                        ("作者简介：", "bio_end_colon")):
        add(f"aff_{name}", f"no unit under the byline; the author note {label} after the references",
            base(aff_style="bio_only", people=[WANG], affs=["吉林大学经济学院"], affs_en=[],
                 refs=["王小明. 区域创新网络研究[J]. 经济地理, 2020, 40(3): 1-10."],
                 bio_end=label + "王建国（1978—），男，吉林长春人，吉林大学经济学院教授，博士，主要研究方向为区域经济。"))

    many = [Person(zh, zh[0], en, (k % 3 + 1,)) for k, (zh, en) in enumerate(
        [("王建国", "WANG Jianguo"), ("李思远", "LI Siyuan"), ("赵明华", "ZHAO Minghua"), ("孙立平", "SUN Liping"),
         ("周晓燕", "ZHOU Xiaoyan"), ("吴志强", "WU Zhiqiang"), ("郑海涛", "ZHENG Haitao"), ("冯雪梅", "FENG Xuemei"),
         ("陈宇航", "CHEN Yuhang")])]
    add("zh_byline_wrapped", "nine authors in three units: the Chinese byline wraps onto a second line",
        base(people=many, affs=[AFF1, AFF2, "吉林省社会科学院城市发展研究所，吉林 长春 130033"],
             affs_en=[AFF1_EN, AFF2_EN, "Institute of Urban Development, Jilin Academy of Social Sciences, "
                      "Changchun 130033, China"]))
    add("title_marker_star", "the title carries * for its 基金项目 note at the page foot (* 基金项目：…)",
        base(title_mark="*", foot_extra=["* 基金项目：国家社会科学基金项目（22BJL001）"]))
    add("title_marker_circled", "the title carries ① for its 基金项目 note",
        base(title_mark="①", foot_extra=["① 基金项目：国家社会科学基金项目（22BJL001）"]))
    for label in ("·区域经济·", "【区域经济】"):
        add(f"column_label_{'dots' if label[0] == '·' else 'brackets'}", f"a column label {label} above the title",
            base(column=label))
    add("front_composite", "a full first page: column label, subtitle, 文章编号 and DOI lines, 基金项目 and 通信作者 notes",
        base(column="区域经济", subtitle="基于东北地区城市面板数据的分析",
             codes=["文章编号：1000-1234(2023)06-0043-03", "DOI：10.12345/j.cnki.xdqy.2023.06.005"],
             foot_extra=["基金项目：国家社会科学基金项目（22BJL001）", "通信作者：李思远，E-mail：lisiyuan@nenu.edu.cn"],
             paras=6))

    # ---- printed page numbers -----------------------------------------------------
    three = dict(paras=3)    # two pages: one even, one odd
    add("folio_head_dots", "folio ·43· at the outer corner of the running head (odd right, even left)",
        base(**three), folio="head_dots")
    add("folio_head_dash", "folio — 43 — at the outer corner of the running head", base(**three), folio="head_dash")
    add("folio_head_di", "folio 第43页 at the outer corner of the running head", base(**three), folio="head_di")
    add("folio_head_outer", "bare folio at the outer top corner, running head centred", base(**three), folio="head_outer")
    add("folio_foot_center", "bare folio at the foot centre, no number in the running head", base(**three),
        folio="foot_center")
    add("folio_foot_dash", "folio — 43 — at the foot centre", base(**three), folio="foot_dash")
    add("folio_first_absent", "no folio on the article's first page, folios on the others (foot centre)",
        base(**three), folio="foot_center", first_folio=False)
    add("masthead_zh_range", "masthead 第43卷 第6期 … 第43-44页 on the first page, which prints no folio",
        base(**three), folio="foot_center", first_folio=False,
        masthead=f"第{VOLUME}卷 第{ISSUE}期　　{JOURNAL}　　{YEAR}年11月　第43-44页")
    add("masthead_en_range", "masthead Vol. 43 No. 6 … pp. 43-44 on the first page, which prints no folio",
        base(**three), folio="head_dots", first_folio=False,
        masthead=f"{JOURNAL}　Vol. {VOLUME} No. {ISSUE}　Nov. {YEAR}　pp. 43-44")
    add("folio_foot_outer", "bare folio at the outer foot corner (even left, odd right)", base(**three),
        folio="foot_outer")
    add("folio_head_joined", "folio joined to the running head in one string: ·44·　刊名　2023年第6期", base(**three),
        folio="head_joined")
    add("folio_first_foot", "first page's folio at the foot centre, the others at the head's outer corner",
        base(**three), folio="head_outer", first_folio_style="foot_center")
    add("folio_four_digits", "four-digit folios of a volume paged continuously (·1276·)", base(**three),
        folio="head_dots", first=1276)
    add("folio_odd_start_even", "an article starting on an even page (44), folios at the head's outer corner",
        base(**three), folio="head_outer", first=44)
    add("layout_a4", "A4 page with a wider measure, folio at the foot centre", base(paras=5), folio="foot_center",
        a4=True)
    add("layout_two_column", "A4, front matter across the page, body in two columns; folio at the head's outer corner",
        base(paras=8), folio="head_outer", a4=True, columns=True)
    add("layout_two_column_refs", "two-column body ending in a 参考文献 list with [EB/OL] URLs and access dates",
        base(paras=4, refs=[f"国家统计局. 中国统计年鉴2022[EB/OL]. (2022-07-28)[2023-03-01]. {URL_STATS}.",
                            f"国家发展和改革委员会. “十四五”数字经济发展规划[EB/OL]. (2022-03-25)[2023-03-02]. {URL_LONG}."],
             urls=[(URL_STATS, ACCESS), (URL_LONG, "2023-03-02")]),
        folio="foot_center", a4=True, columns=True)
    add("first_page_running_head", "the first page prints the running head and folio (刊名 2023年第6期 ·43·) like the others",
        base(**three), folio="head_dots", first_head=True)
    for name, printed in (("tilde", f"第{VOLUME}卷第{ISSUE}期　{JOURNAL}　{YEAR}年11月　第43~44页"),
                          ("emdash", f"{JOURNAL}　{YEAR}年第{ISSUE}期　第43—44页"),
                          ("pagecode", f"{JOURNAL}　{YEAR}, {VOLUME}({ISSUE})　页码：43-44"),
                          ("endash_en", f"{JOURNAL}　Vol.{VOLUME}, No.{ISSUE}　Nov. {YEAR}　pp.43–44")):
        add(f"masthead_{name}", f"first-page masthead printing the range as {printed.split('　')[-1]}, no folio there",
            base(**three), folio="foot_center", first_folio=False, masthead=printed)
    add("cite_line_range", "no folio anywhere; the 引用格式 line under the keywords prints the range ( …38(6)：43-44.)",
        base(codes=["引用格式：王建国，李思远．数字经济背景下区域创新网络的演化研究[J]．现代区域研究，2023，"
                    f"{VOLUME}（{ISSUE}）：43-44."], **three), folio="none")
    add("folio_misprint_last", "the last page's folio is misprinted (64 for 44): lpage is not reliable (flag it)",
        base(**three), folio="head_dots", misprint={1: 64}, uncertain=["lpage"])
    add("masthead_disagrees", "the masthead range (第43-47页) disagrees with the folios (43-44): flag lpage",
        base(**three), folio="foot_center", masthead=f"第{VOLUME}卷 第{ISSUE}期　　{JOURNAL}　　{YEAR}年11月　第43-47页",
        uncertain=["lpage"])
    add("print_bleed_marks", "a printer's PDF: trimmed page inside a larger MediaBox with crop marks and a slug line",
        base(**three), folio="foot_center", bleed="marks")
    add("print_on_a4_paper", "a 16开 article exported onto A4 paper: each page centred on it, no TrimBox, its "
        "running heads and folios further in than the margin share of the A4 page", base(**three),
        folio="head_outer", bleed="paper")
    add("print_on_a4_foot", "a 16开 article exported onto A4 paper (no TrimBox), folios at the foot's centre",
        base(**three), folio="foot_center", bleed="paper")
    add("print_cropbox", "the printer's PDF with a CropBox on the trimmed page (readers show the CropBox)",
        base(**three), folio="head_outer", bleed="cropbox")
    add("font_gb1_folio_foot", "Chinese text as Adobe-GB1 CIDs without ToUnicode (xelatex habit), folios at the foot",
        base(**three), folio="foot_dash", font="gb1")
    for style, shown in (("head_bar", "44 | 刊名"), ("head_p", "P.44"), ("head_hyphen", "- 44 -"),
                         ("head_square", "[44]"), ("foot_page", "Page 44")):
        add(f"folio_{style}", f"folio printed as {shown}", base(**three), folio=style)
    add("folio_head_digits_in_title", "an odd running head whose short title ends in a number (工业4.0), folio ·44· beside it",
        base(**three), folio="head_dots", first=44, odd_head="王建国，等：工业4.0时代的区域创新网络")
    add("folio_head_year_range", "an odd running head ending in a year range （2000—2020）, bare folio at the corner",
        base(**three), folio="head_outer", first=44, odd_head="王建国，等：中国区域创新网络的演化（2000—2020）")
    add("folio_last_absent", "the last page prints no folio (a page closing with a figure or the English block)",
        base(**three), folio="head_outer", no_folio=(1,))
    add("advert_after", "a 征稿启事 advert page after the article's last page, numbered like the rest: not the article's",
        base(**three), folio="foot_center", advert_after=True)
    add("folio_none", "no folio on any page and no printed range: the page numbers cannot be read (flag them)",
        base(**three), folio="none", uncertain=["fpage", "lpage"])
    add("run_on_tail_before", "a run-on download: page 1 opens with the previous article's references and 责任编辑 line",
        base(paras=4), folio="head_dots", tail_before=True)
    add("run_on_next_cut", "a download whose last page holds the next article's start: that one is cut off (no lpage)",
        base(paras=3), base(title="区域协调发展中的创新要素流动", people=[replace(OUYANG, aff=(1,))],
                            affs=[AFF1], affs_en=[AFF1_EN], title_en="Flows of Innovation Factors in "
                            "Coordinated Regional Development", paras=3),
        folio="foot_center", run_on=True, cut_after=True)
    second = base(title="区域协调发展中的创新要素流动", people=[replace(OUYANG, aff=(1,))], affs=[AFF1], affs_en=[AFF1_EN],
                  title_en="Flows of Innovation Factors in Coordinated Regional Development", paras=2)
    third = base(title="数字基础设施与城市创新合作", people=[Person("赵明华", "赵", "ZHAO Minghua", (1,))], affs=[AFF2],
                 affs_en=[AFF2_EN], title_en="Digital Infrastructure and Urban Innovation Cooperation", paras=2)
    add("issue_three_articles", "an issue file: three articles each opening a new page, an unnumbered blank page "
        "(counted in the numbering) before the third, folios at the head's outer corner",
        base(paras=2), second, third, folio="head_outer", blank_after=(1,))
    def noted(paras: int) -> Art:  # (a first article with one ① note and one reference)
        return base(paras=paras, notes=[f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问日期：2023年3月1日。"],
                    refs=["王小明. 区域创新网络研究[J]. 经济地理, 2020, 40(3): 1-10."], urls=[(URL_STATS, ACCESS)])

    def run_on_next() -> Art:  # (the article that starts on the first one's last page)
        return base(title="区域协调发展中的创新要素流动", people=[replace(OUYANG, aff=(1,))], affs=["吉林大学经济学院"],
                    affs_en=[], aff_style="bio_only", bio=_bio(("欧阳晓", "吉林大学经济学院")),
                    title_en="Flows of Innovation Factors in Coordinated Regional Development", paras=3)

    add("run_on_notes", "run-on: the first article's ① notes with URLs and the second's 作者简介 note share the foot "
        "of the page where the second starts", noted(3), run_on_next(), folio="head_dots", run_on=True)
    def dated(art: Art, day: str) -> Art:  # (its own 收稿日期, checked: each start's first-page note is its own)
        return replace(art, received=f"2023-0{day}", received_truth=True)

    add("two_starts_one_page", "a short article (one note, one reference) and the next one's start on the same "
        "first page: two starts on one page", dated(noted(0), "3-15"), dated(run_on_next(), "4-02"),
        folio="head_dots", run_on=True)
    def short(title: str, who: Person, unit: str, paras: int = 0, labelled: bool = True) -> Art:  # (no English block)
        return base(title=title, people=[replace(who, en="", aff=(1,))], affs=[unit], title_en="", affs_en=[],
                    paras=paras, labelled=labelled, refs=["王小明. 区域创新网络研究[J]. 经济地理, 2020, 40(3): 1-10."])

    zhao = Person("赵明华", "赵", "", (1,))
    add("three_starts_one_page", "three pieces on one page: two short ones with no 摘要 or 关键词 (短文, 书评), then "
        "an article's head running on overleaf", dated(short(TITLE, WANG, AFF1, labelled=False), "3-15"),
        dated(short("区域协调发展中的创新要素流动", OUYANG, AFF2, labelled=False), "4-02"),
        dated(short("数字基础设施与城市创新合作", zhao, AFF1, paras=3), "5-20"), folio="head_dots", run_on=True)
    add("tail_short_head", "a run-on page holding the previous article's tail, a whole short piece and the next "
        "article's head", dated(short(TITLE, WANG, AFF1, labelled=False), "3-15"),
        dated(short("区域协调发展中的创新要素流动", OUYANG, AFF2, paras=3), "4-02"),
        folio="head_dots", run_on=True, tail_before=True)
    add("run_on_small_title", "a run-on start whose title is set smaller than usual (13 pt on 10.5 pt text)",
        base(paras=3), replace(run_on_next(), title_size=13.0), folio="head_dots", run_on=True)
    add("run_on_columns", "two-column pages: the next article's title block set in the right column below the "
        "first one's end, beside the left column's text", base(paras=7),
        base(title="区域协调发展中的创新要素流动", people=[replace(OUYANG, en="", aff=(1,))], affs=[AFF1], title_en="",
             affs_en=[], paras=3), folio="head_dots", columns=True, a4=True)
    add("run_on_columns_top", "two-column pages: the first article's 参考文献 (a URL with its access date) end the "
        "left column, the next article's title block opens the right column at the top of the page",
        base(paras=4, refs=[f"国家统计局. 中国统计年鉴2022[EB/OL]. (2022-07-28)[2023-03-01]. {URL_STATS}.",
                            "王小明. 区域创新网络研究[J]. 经济地理, 2020, 40(3): 1-10."], urls=[(URL_STATS, ACCESS)]),
        base(title="区域协调发展中的创新要素流动", people=[replace(OUYANG, en="", aff=(1,))], affs=[AFF1], title_en="",
             affs_en=[], paras=3), folio="head_dots", columns=True, a4=True, new_column=True)
    for key, what in (("gaoyue", "the journal's 稿约"), ("zhenggao", "a column's 征稿启事"),
                      ("shengming", "a 本刊声明 (a notice with no advert word)"),
                      ("qishi", "a short 本刊启事 headed in bold body type")):
        add(f"notice_after_{key}", f"{what} set below the article's end on its last page: no article, "
            "and the page stays the article's", base(paras=3), folio="head_dots", notice_after=key)
    add("run_on_foot", "run-on issue: the second article starts mid-page; folios at the foot centre",
        base(paras=3), base(title="区域协调发展中的创新要素流动", people=[replace(OUYANG, aff=(1,))],
                            affs=[AFF1], affs_en=[AFF1_EN], title_en="Flows of Innovation Factors in "
                            "Coordinated Regional Development", paras=3),
        folio="foot_center", run_on=True)

    # ---- English names of Chinese authors (GB/T 28039-2011) --------------------------
    add("en_caps_hyphen", "ZHANG San1, LI Si-wu2: capitals surname, hyphenated given name, raised marks",
        base(people=[replace(WANG, en="WANG Jian-guo"), replace(LI, en="LI Si-yuan")]))
    add("en_title_case", "Zhang San, Li Siwu: surname first in title case",
        base(people=[replace(WANG, en="Wang Jianguo"), replace(LI, en="Li Siyuan")]))
    add("en_paren_unit", "ZHANG San-feng (School of …): one name with its unit in parentheses on the line",
        base(people=[replace(WANG, en="WANG Jian-guo")], affs=[AFF1], affs_en=[AFF1_EN], en_style="caps_paren"))
    add("en_asterisk", "names with marks and a corresponding-author asterisk: WANG Jianguo1*",
        base(people=[replace(WANG, star=True), LI]))
    add("en_wrapped", "five English names wrapped over two lines",
        base(people=[WANG, LI, replace(OUYANG, aff=(1,)), Person("赵明华", "赵", "ZHAO Minghua", (2,)),
                     Person("孙立平", "孙", "SUN Liping", (1,))]))
    add("en_given_first", "given name first, Western order: Jianguo Wang1, Siyuan Li2",
        base(people=[replace(WANG, en="Jianguo Wang"), replace(LI, en="Siyuan Li")]))
    add("en_marks_baseline", "affiliation marks printed on the baseline: WANG Jianguo1, LI Siyuan2",
        base(en_style="baseline"))
    add("en_and", "the last two names joined by and: WANG Jianguo and LI Siyuan",
        base(people=[replace(WANG, aff=(1,)), replace(LI, aff=(1,))], affs=[AFF1], affs_en=[AFF1_EN],
             en_style="and", aff_style="single"))
    add("en_wrap_inside_name", "an English byline wrapped between a surname and its given name",
        base(people=[WANG, LI, replace(OUYANG, aff=(1,)), Person("赵明华", "赵", "ZHAO Minghua", (2,))],
             en_style="break_in_name"))
    add("en_sup_unicode_star", "English marks as superscript characters with an asterisk: WANG Jianguo¹*, LI Siyuan²",
        base(people=[replace(WANG, star=True), LI], en_style="sup_unicode"))
    add("en_fullwidth_comma", "English names apart by a full-width comma: WANG Jianguo1，LI Siyuan2",
        base(en_style="fullwidth_comma"))
    add("en_block_at_end", "the English title, names and units close the article after its references",
        base(en_at_end=True, refs=["王小明. 区域创新网络研究[J]. 经济地理, 2020, 40(3): 1-10."]))
    add("en_block_at_end_hyphen", "the English block after the references, names hyphenated: WANG Jian-guo1, LI Si-yuan2",
        base(en_at_end=True, people=[replace(WANG, en="WANG Jian-guo"), replace(LI, en="LI Si-yuan")],
             refs=["王小明. 区域创新网络研究[J]. 经济地理, 2020, 40(3): 1-10."]))
    add("en_all_caps", "English names all in capitals: WANG JIANGUO, LI SIYUAN",
        base(people=[replace(WANG, en="WANG JIANGUO"), replace(LI, en="LI SIYUAN")]))
    add("en_apostrophe", "a given name with the pinyin apostrophe (GB/T 28039): WANG Xi'an",
        base(people=[Person("王西安", "王", "WANG Xi'an", (1,)), LI]))
    add("en_lyu", "ü written YU in capitals (GB/T 28039-2011): 吕明 as LYU Ming",
        base(people=[Person("吕明", "吕", "LYU Ming", (1,)), LI]))
    add("en_lv", "ü written V, a common keyboard habit: 吕明 as LV Ming",
        base(people=[Person("吕明", "吕", "LV Ming", (1,)), LI]))
    add("en_title_caps", "the English title set in capitals: THE EVOLUTION OF REGIONAL INNOVATION NETWORKS …",
        base(title_en=TITLE_EN.upper()))
    add("en_given_first_caps", "given name first, surname in capitals: Jianguo WANG, Siyuan LI",
        base(people=[replace(WANG, en="Jianguo WANG"), replace(LI, en="Siyuan LI")]))
    add("en_given_first_hyphen", "given name first and hyphenated: Jian-guo Wang, Si-yuan Li",
        base(people=[replace(WANG, en="Jian-guo Wang"), replace(LI, en="Si-yuan Li")]))
    add("en_given_split", "the given name's syllables as two words: WANG Jian Guo, LI Si Yuan",
        base(people=[replace(WANG, en="WANG Jian Guo"), replace(LI, en="LI Si Yuan")]))
    add("en_compound_surname", "the English name implies the split: DONGFANG Ming (东方+明) vs DONG Fangliang (东+方亮)",
        base(people=[Person("东方明", "东方", "DONGFANG Ming", (1,)), Person("东方亮", "东", "DONG Fangliang", (2,))]))

    # ---- cited URLs and access dates (GB/T 7714-2015) -------------------------------
    def notes(*ns: tuple[str, str, str | None], style: str = "circled") -> Art:
        return base(notes=[n for n, _, _ in ns], urls=[(u, d) for _, u, d in ns], note_style=style)

    add("url_break_plain", "a URL broken over lines without a hyphen (GB/T 7714-2015 8.8.3)",
        notes(("国家发展和改革委员会：《“十四五”数字经济发展规划》，2022年3月25日，"
               f"{URL_LONG}，访问日期：2023年3月1日。", URL_LONG, ACCESS)))
    hyphen_note = padded_note(lambda pad: f"OECD：《数字化转型测度》，{pad}2019年，{URL_HYPHEN}，访问日期：2023年3月1日。",
                              lambda first: first.endswith("-"))
    add("url_break_hyphen", "a URL broken right after one of its own hyphens (the hyphen is kept)",
        notes((hyphen_note, URL_HYPHEN, ACCESS)))
    add("url_break_midword", "a URL broken inside a word, no hyphen: …/2022/index | ch.htm",
        base(notes=[("国家统计局：《中国统计年鉴2022》，https://www.stats.gov.cn/sj/ndsj/2022/index",
                     "ch.htm，访问日期：2023年3月1日。")], urls=[(URL_STATS, ACCESS)]))
    add("url_break_added_hyphen", "a typesetter's hyphen added at a URL break (…/index- | ch.htm): the URL "
        "cannot be told from one with a hyphen (flag it)",
        base(notes=[("国家统计局：《中国统计年鉴2022》，https://www.stats.gov.cn/sj/ndsj/2022/index-",
                     "ch.htm，访问日期：2023年3月1日。")], urls=[(URL_STATS, ACCESS)]), uncertain=["urls"])
    add("url_source_note", "a URL in a table's 资料来源 note, with 访问日期",
        base(source_note=f"资料来源：国家统计局，{URL_STATS}，访问日期：2023年3月1日。", urls=[(URL_STATS, ACCESS)]))
    for label, name, date_text in (("访问日期", "fangwen", "2023年3月1日"), ("引用日期", "yinyong", "2023-03-01"),
                                   ("登录时间", "denglu", "2023-03-01"), ("最后访问日期", "zuihou", "2023年3月1日")):
        add(f"url_date_{name}", f"access date labelled {label}：",
            notes((f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，{label}：{date_text}。", URL_STATS, ACCESS)))
    add("url_date_bracket", "GB/T 7714-2015 [EB/OL] with the access date in brackets: (2022-07-28)[2023-03-01]",
        base(refs=[f"国家统计局. 中国统计年鉴2022[EB/OL]. (2022-07-28)[2023-03-01]. {URL_STATS}."],
             urls=[(URL_STATS, ACCESS)]))
    add("url_pubdate_only", "a publication date is not an access date: (2022-07-28) alone gives none",
        base(refs=[f"国家统计局. 中国统计年鉴2022[EB/OL]. (2022-07-28). {URL_STATS}."], urls=[(URL_STATS, None)]))
    add("url_notes_bracket", "page footnotes numbered [1] [2] instead of ① ②",
        notes((f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问日期：2023年3月1日。", URL_STATS, ACCESS),
              (f"国家发展和改革委员会：《“十四五”数字经济发展规划》，{URL_LONG}，访问日期：2023年3月2日。", URL_LONG,
               "2023-03-02"), style="bracket"))
    for label, name, date_text in (("访问时间", "fangwenshijian", "2023-3-1"), ("浏览日期", "liulan", "2023.03.01"),
                                   ("检索日期", "jiansuo", "2023/03/01")):
        add(f"url_date_{name}", f"access date labelled {label}： in the spelling {date_text}",
            notes((f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，{label}：{date_text}。", URL_STATS, ACCESS)))
    for name, tail, date in (("bracket_label", "[访问日期：2023-03-01]", ACCESS),
                             ("paren_label", "（访问日期：2023年3月1日）", ACCESS),
                             ("wei", "，访问日期为2023年3月1日", ACCESS),
                             ("en_last_visited", ", last visited on 1 March 2023", ACCESS),
                             ("en_accessed_colon", " [Accessed: 2023-03-01]", ACCESS)):
        add(f"url_date_{name}", f"access date printed as {tail.strip(' ，,')}",
            notes((f"国家统计局：《中国统计年鉴2022》，{URL_STATS}{tail}。", URL_STATS, date)))
    add("url_fullwidth_colon", "a URL typeset with a full-width colon: https：//…",
        notes((f"国家统计局：《中国统计年鉴2022》，{URL_STATS.replace(':', '：')}，访问日期：2023年3月1日。", URL_STATS, ACCESS)))
    add("url_break_after_scheme", "a reference whose URL breaks right after https://",
        base(refs=["国家统计局. 中国统计年鉴2022年度数据发布说明汇汇[EB/OL]. "
                   f"(2022-07-28)[2023-03-01]. {URL_STATS}."], urls=[(URL_STATS, ACCESS)]))
    add("url_retrieved_apa", "APA style: Retrieved March 1, 2023, from https://… (the date before the address)",
        notes((f"National Bureau of Statistics. (2022). China statistical yearbook 2022. Retrieved March 1, 2023, "
               f"from {URL_STATS}", URL_STATS, ACCESS)))
    add("url_date_verb_after", "the date and the verb after the address: …，2023年3月1日访问。",
        notes((f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，2023年3月1日访问。", URL_STATS, ACCESS)))
    add("url_7714_2005", "GB/T 7714-2005 order: the address, then 更新/引用 dates as 2022-07-28/2023-03-01",
        base(refs=[f"国家统计局. 中国统计年鉴2022[EB/OL]. {URL_STATS}, 2022-07-28/2023-03-01."], urls=[(URL_STATS, ACCESS)]))
    add("url_en_accessed_on", "an English reference: … (accessed on 1 March 2023)",
        base(refs=[f"OECD. Measuring the digital transformation[EB/OL]. {URL_HYPHEN} (accessed on 1 March 2023)."],
             urls=[(URL_HYPHEN, ACCESS)]))
    doi_url = "https://doi.org/10.1016/j.respol.2020.104012"
    add("url_doi_forms", "a DOI printed bare (DOI:10.…) is no cited URL; one printed as https://doi.org/… is",
        base(refs=["CHEN J, LI S. Digital platforms and regional innovation[J]. Research Policy, 2020, 49(8): 104012. "
                   "DOI:10.1016/j.respol.2020.104011.",
                   f"WANG J. Innovation networks in China[J]. Research Policy, 2020, 49(9): 104013. {doi_url}."],
             urls=[(doi_url, None)]))
    add("url_date_with_time", "an access date with its time of day: 访问时间：2023-03-01 10:25",
        notes((f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问时间：2023-03-01 10:25。", URL_STATS, ACCESS)))
    url_cjk = "https://baike.baidu.com/item/数字经济/12345"
    add("url_cjk_path", "an address whose path holds Chinese characters, as browsers show it: …/item/数字经济/12345",
        notes((f"百度百科：“数字经济”词条，{url_cjk}，访问日期：2023年3月1日。", url_cjk, ACCESS)))
    add("url_date_then_verb", "the date before the verb: （2023年3月1日访问）",
        notes((f"国家统计局：《中国统计年鉴2022》，{URL_STATS}（2023年3月1日访问）。", URL_STATS, ACCESS)))
    add("url_date_english", "an English note: accessed March 1, 2023",
        notes((f"National Bureau of Statistics, “China Statistical Yearbook 2022,” {URL_STATS}, accessed March 1, 2023.",
               URL_STATS, ACCESS)))
    add("url_angle_brackets", "a URL in angle brackets <https://…> with the date in brackets after it",
        notes((f"国家统计局：《中国统计年鉴2022》，<{URL_STATS}>[2023-03-01]。", URL_STATS, ACCESS)))
    add("url_two_in_note", "two URLs in one note, each with its own access date",
        notes((f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问日期：2023年3月1日；国家发展和改革委员会："
               f"《“十四五”数字经济发展规划》，{URL_LONG}，访问日期：2023年3月2日。", URL_STATS, ACCESS)),
        )
    out[-1].arts[0].urls.append((URL_LONG, "2023-03-02"))
    add("url_fig_source_nodate", "a URL in a figure's 资料来源 note without an access date",
        base(source_note=f"资料来源：作者根据国家统计局数据整理，{URL_STATS}。", urls=[(URL_STATS, None)]))
    add("url_notes_after_bio", "① notes on the first page below the 收稿日期/作者简介 block",
        base(bio=_bio(("王建国", "吉林大学经济学院"), ("李思远", "东北师范大学商学院")),
             notes=[f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问日期：2023年3月1日。",
                    f"国家发展和改革委员会：《“十四五”数字经济发展规划》，{URL_LONG}，访问日期：2023年3月2日。"],
             urls=[(URL_STATS, ACCESS), (URL_LONG, "2023-03-02")]))
    add("notes_heavy_first_page", "a two-page article whose first page carries six small-type notes under "
        "the front matter: the text size is still the body's",
        notes(*[(f"资料{k}：https://data.example.cn/series/{k:02d}.html，访问日期：2023年3月{k}日。",
                 f"https://data.example.cn/series/{k:02d}.html", f"2023-03-{k:02d}") for k in range(1, 7)]))
    # (➀ and ❶ markers are left out: STSong-Light's UCS2 encoding has no code for them, so the
    # generated text layer would lose the marker, which a real export keeps)
    for style, shown in (("paren", "1)"),):
        add(f"url_notes_{style}", f"page footnotes marked {shown}",
            notes((f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问日期：2023年3月1日。", URL_STATS, ACCESS),
                  (f"国家发展和改革委员会：《“十四五”数字经济发展规划》，{URL_LONG}，访问日期：2023年3月2日。", URL_LONG,
                   "2023-03-02"), style=style))
    add("url_endnotes", "notes gathered under 注释： at the article's end (① …), not at the page foot",
        replace(notes((f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问日期：2023年3月1日。", URL_STATS, ACCESS),
                      (f"国家发展和改革委员会：《“十四五”数字经济发展规划》，{URL_LONG}，访问日期：2023年3月2日。", URL_LONG,
                       "2023-03-02")), endnotes=True, paras=2))
    # (⑪…⑳ are left out for the same reason: GB 2312, which STSong-Light's UCS2 encoding
    # covers, has only ①…⑩; citations.py reads ⑪…⑳, ➀, ❶ where a real export keeps them)
    add("url_notes_circled_many", "page footnotes ① … ⑩ on one page, each with its URL",
        replace(notes(*[(f"资料{k}：https://data.example.cn/series/{k:02d}.html，访问日期：2023年3月{k}日。",
                 f"https://data.example.cn/series/{k:02d}.html", f"2023-03-{k:02d}") for k in range(1, 11)]), paras=6))
    # ---- conventions in combination (found by bench/combos.py drawing them at random) ----
    sima = Person("司马相如", "司马", "Sima Xiangru", (2,))
    zhuge = Person("诸葛明亮", "诸葛", "Zhuge Mingliang", (1,))
    zheng = Person("郑海峰", "郑", "Zheng Haifeng", (1,))
    unit3 = "中国社会科学院数量经济与技术经济研究所，北京 100732"
    unit3_en = ("Institute of Quantitative and Technological Economics, Chinese Academy of Social Sciences, "
                "Beijing 100732, China")
    add("combo_run_on_no_end", "a short piece without references or closing line, and the next article's full "
        "header (title, byline, 摘要) under its text on the same page: the header alone shows the start",
        base(people=[replace(LI, aff=(1,))], affs=[AFF1], affs_en=[AFF1_EN], aff_style="single", paras=1,
             notes=[f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问日期：2023年3月1日。"], urls=[(URL_STATS, ACCESS)]),
        base(title="乡村振兴战略下农村集体经济组织治理机制创新与制度保障研究",
             title_en="Innovation of Governance Mechanisms and Institutional Guarantees of Rural Collective Economic "
                      "Organizations under the Rural Revitalization Strategy",
             people=[replace(LI, aff=(1,)), replace(zheng, aff=(2,))], affs=[unit3, AFF2], affs_en=[unit3_en, AFF2_EN],
             aff_style="bracket", paras=6),
        folio="foot_outer", run_on=True, first=1)
    add("combo_en_names_wrap_in_column", "two-column run-on: the next article's English byline wraps inside "
        "names in the narrow column (Zheng Haifeng1, Sima / Xiangru2 and ZHUGE / Mingliang1)",
        base(people=[replace(WANG, aff=(1,))], affs=[AFF1], affs_en=[AFF1_EN], aff_style="single", paras=5),
        base(title=TITLE, people=[zheng, sima, replace(zhuge, en="ZHUGE Mingliang")], affs=[AFF1, AFF2],
             affs_en=[AFF1_EN, AFF2_EN], aff_style="nodot", en_style="and", paras=6,
             refs=[f"国家统计局. 中国统计年鉴2022[EB/OL]. (2022-07-28)[2023-03-01]. {URL_STATS}."],
             urls=[(URL_STATS, ACCESS)]),
        folio="head_di", first_folio=False, run_on=True, first=117, a4=True, columns=True)
    add("combo_run_on_title_at_foot", "a piece without references, and the next article's display title and "
        "byline at the foot of the page, its 摘要 and the rest of its header on the next page",
        base(people=[WANG, replace(LI, aff=(1,)), replace(zheng, aff=(2,))], aff_style="label", paras=2,
             subtitle="基于省级面板数据的分析"),
        base(title="乡村振兴战略下农村集体经济组织治理机制创新与制度保障研究", column="专题研究",
             title_en="Innovation of Governance Mechanisms and Institutional Guarantees of Rural Collective Economic "
                      "Organizations under the Rural Revitalization Strategy",
             people=[Person("黄晓燕", "黄", "HUANG Xiaoyan", (1,)), replace(LI, aff=(2,))], affs=[unit3, AFF2],
             affs_en=[unit3_en, AFF2_EN], aff_style="label", en_style="fullwidth_comma", paras=2),
        folio="head_dots", first_folio=False, first=117, run_on=True, a4=True)
    add("combo_url_over_page", "two columns, run on: the last reference's address runs over onto the next page, "
        "one line above the next article's column label and title",
        base(people=[WANG, replace(LI, aff=(1,)), replace(zheng, aff=(1,))], affs=[AFF1], affs_en=[AFF1_EN],
             aff_style="spaced", paras=3, column="理论探讨",
             refs=[f"国家统计局. 中国统计年鉴2022[EB/OL]. (2022-07-28)[2023-03-01]. {URL_STATS}."],
             urls=[(URL_STATS, ACCESS)]),
        base(title="乡村振兴战略下农村集体经济组织治理机制创新与制度保障研究", column="专题研究",
             title_en="Innovation of Governance Mechanisms and Institutional Guarantees of Rural Collective Economic "
                      "Organizations under the Rural Revitalization Strategy", subtitle="基于省级面板数据的分析",
             people=[replace(OUYANG, aff=(1,))], affs=[unit3], affs_en=[unit3_en], aff_style="nodot", paras=3,
             refs=["张华. 东北振兴的历史逻辑[J]. 经济纵横, 2019(5): 12-20."]),
        folio="head_dash", first=1, run_on=True, a4=True, columns=True)
    add("combo_inline_units_wrap", "each name with its unit in brackets on the byline, two authors: the byline "
        "wraps between a name and its bracket",
        base(title="乡村振兴战略下农村集体经济组织治理机制创新与制度保障研究",
             people=[Person("赵明华", "赵", "ZHAO Ming-hua", (1,)), Person("黄晓燕", "黄", "HUANG Xiaoyan", (2,))],
             affs=[unit3, AFF2], affs_en=[unit3_en, AFF2_EN], aff_style="inline", paras=3),
        folio="head_dash")
    # ---- the front matter's labels and a structured abstract (medical journals) ----
    add("front_structured_lines", "labels in square brackets ([摘　要], [关键词], [中图分类号]), a structured 摘要 "
        "and Abstract whose sub-heads (目的/方法/结果/结论, Objective/Methods/…) each open a line, keywords apart "
        "by a full-width space, two CLC codes",
        base(labels="square", structured="lines", kw_sep="　", clc=("R737.33", "R473"), paras=1))
    add("front_tiyao_run_in", "内容提要： over a structured abstract run in one paragraph, keywords apart by 、, "
        "文献标识码 B",
        base(labels="tiyao", structured="run_in", kw_sep="、", doc_code="B", paras=1))
    rural = dict(title="乡村振兴战略下农村集体经济组织治理机制创新与制度保障研究",
                 title_en="Innovation of Governance Mechanisms and Institutional Guarantees of Rural Collective "
                          "Economic Organizations under the Rural Revitalization Strategy")
    huang = Person("黄晓燕", "黄", "HUANG Xiaoyan", (1,))
    unit4, unit4_en = "华中科技大学公共管理学院，湖北 武汉 430074", ("School of Public Administration, Huazhong "
                                                                 "University of Science and Technology, Wuhan 430074, China")
    add("combo_run_on_next_page_subtitle", "run on, no end shown: the next article starts low on the earlier one's "
        "second page, its ——subtitle between title and byline, labels in 【】 and the 摘要 broken over the page",
        base(people=[WANG], affs=[AFF1], affs_en=[AFF1_EN], aff_style="single", paras=4,
             source_note="资料来源：国家统计局。"),
        base(**rural, subtitle="基于省级面板数据的分析", people=[replace(LI, aff=(1,)), replace(zheng, aff=(2,))],
             affs=[unit3, AFF2], affs_en=[unit3_en, AFF2_EN], aff_style="label", labels="lenticular", kw_sep="、",
             clc=("D822", "D73"), doc_code="B", paras=2),
        folio="foot_dash", run_on=True, first=43)
    add("combo_run_on_inline_byline", "run on, no end shown: the next article starts on the earlier one's second "
        "page under a byline of names each with its unit in brackets (wrapped), labels in bold with no colon, a "
        "structured 摘要 (目的　方法　结果　结论)",
        base(people=[WANG], affs=[AFF1], affs_en=[AFF1_EN], aff_style="single", paras=4,
             source_note="资料来源：国家统计局。"),
        base(**rural, people=[replace(huang, aff=(1,)), replace(LI, aff=(2,))], affs=[unit4, AFF2],
             affs_en=[unit4_en, AFF2_EN], aff_style="inline", labels="bare", structured="run_in", kw_sep="，",
             paras=2),
        folio="foot_dash", run_on=True, first=43)
    add("combo_byline_over_page", "run on: the next article's byline (each name over its unit) breaks over the "
        "page, its third author and the 摘要 on the next page",
        base(people=[WANG], affs=[AFF1], affs_en=[AFF1_EN], aff_style="single", paras=4),
        base(**rural, column="区域经济", people=[Person("吕娜", "吕", "LÜ Na", (1,)), replace(zheng, aff=(2,)),
                                                replace(OUYANG, aff=(3,))],
             affs=[unit3, unit4, AFF2], affs_en=[unit3_en, unit4_en, AFF2_EN], aff_style="alternating",
             labels="square", kw_sep="　", paras=2),
        folio="foot_outer", run_on=True, first=117)
    add("combo_inline_row_ends_comma", "a byline of names each with its unit in brackets, three authors: its "
        "first row ends after a whole name and unit and a comma, the next wraps between a name and its bracket",
        base(title="人口老龄化对家庭消费结构的影响", people=[replace(zhuge, aff=(1,)), replace(WANG, aff=(2,)),
                                                   replace(huang, aff=(3,))],
             affs=[unit3, AFF1, unit4], affs_en=[unit3_en, AFF1_EN, unit4_en], aff_style="inline", paras=1),
        folio="head_dots")
    add("combo_columns_paren_note", "two columns, run on: the earlier article's page note marked 1) sits at the foot "
        "of the page where the next one starts in the right column; the note is the earlier article's",
        base(people=[replace(WANG, aff=(1,))], affs=[AFF1], affs_en=[AFF1_EN], aff_style="single", paras=2,
             notes=[f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问日期：2023年3月1日。"], note_style="paren",
             urls=[(URL_STATS, ACCESS)]),
        base(**rural, people=[replace(LI, aff=(1,)), replace(huang, aff=(2,))], affs=[unit3, AFF1],
             affs_en=[unit3_en, AFF1_EN], aff_style="fullwidth", labels="tiyao", clc=("G206.2",), paras=3),
        folio="foot_center", run_on=True, first=1276, a4=True, columns=True)
    add("combo_letter_marks_glued", "units marked by letters, the English byline's marks set on the baseline "
        "right after hyphenated names (WANG Jian-guoa,b*, LÜ Naa): the marks are no part of the names",
        base(people=[replace(WANG, en="WANG Jian-guo", aff=(1, 2), star=True), replace(huang, en="HUANG Xiao-yan", aff=(2,)),
                     replace(LI, en="LI Si-yuan", aff=(2,)), Person("吕娜", "吕", "LÜ Na", (1,))],
             affs=[unit3, unit4], affs_en=[unit3_en, unit4_en], aff_style="letters", en_style="baseline", paras=1),
        folio="head_outer", first=117)
    add("combo_columns_refs_beside_text", "A4, two columns, one page: the right column holds only the text's end "
        "and the 参考文献, set in smaller type on the same baselines as the left column's text",
        base(**rural, people=[Person("吕娜", "吕", "Na Lü", (1,), star=True), replace(OUYANG, en="Xiao Ouyang", aff=(2,)),
                              Person("陈志强", "陈", "Zhiqiang Chen", (1,)), replace(LI, en="Siyuan Li", aff=(2,))],
             aff_style="sup_raised", en_style="sup_unicode", column="专题研究", clc=("G206.2",), paras=2,
             refs=[f"国家统计局. 中国统计年鉴2022[EB/OL]. (2022-07-28)[2023-03-01]. {URL_STATS}."],
             urls=[(URL_STATS, ACCESS)]),
        folio="foot_center", first=1, a4=True, columns=True)
    add("combo_star_after_circled_mark", "one author marked by a circled unit number and the corresponding "
        "author's star after it (张敏①*), both raised",
        base(**rural, people=[Person("张敏", "张", "ZHANG Min", (1,), star=True)], affs=[AFF2], affs_en=[AFF2_EN],
             aff_style="circled", en_style="sup_unicode", paras=1),
        folio="foot_center", first=117)
    add("combo_en_at_end_bare_labels", "labels in bold with no colon (摘要　, Abstract ), the English block closing "
        "the article after its text, its structured Abstract run in",
        base(**rural, labels="bare", structured="run_in", en_at_end=True, paras=2),
        folio="head_outer", first=117)
    add("combo_unit_note_then_paren_note", "作者单位 in the first-page note (邮编 城市，单位（姓名）) and under it a page "
        "note marked 1) with a URL: the note is no part of the unit",
        base(people=[replace(LI, aff=(1,)), Person("赵明华", "赵", "ZHAO Minghua", (1,))], affs=[AFF2], affs_en=[AFF2_EN],
             aff_style="foot", unit_note="130024 长春，东北师范大学商学院（李思远、赵明华）", aff_truth=["东北师范大学商学院"],
             notes=[f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问日期：2023年3月1日。"], note_style="paren",
             urls=[(URL_STATS, ACCESS)], paras=2),
        folio="head_outer", first=1)
    add("combo_cnki_header_over_column_label", "run on: the next article opens with CNKI's one-line header "
        "(中图分类号 … 文献标识码 …) over its column label and title; the header is the next article's",
        base(people=[WANG, LI], aff_style="circled", labels="lenticular", paras=4,
             refs=["张华. 东北振兴的历史逻辑[J]. 经济纵横, 2019(5): 12-20."]),
        base(title="人口老龄化对家庭消费结构的影响", title_en="The Effect of Population Ageing on Household Consumption "
             "Structure", column="专题研究", people=[replace(LI, aff=(1,)), replace(zheng, aff=(1, 2))],
             affs=[unit3, AFF1], affs_en=[unit3_en, AFF1_EN], aff_style="circled", labels="bare", codes_above=True,
             doc_code="B", paras=3),
        folio="head_outer", run_on=True, first=117)
    add("combo_run_on_widow_line", "run on: the earlier article's last line (a paragraph's end, no references "
        "or closing line) alone at the top of the page where the next one starts: that page is both articles'",
        base(title="人口老龄化对家庭消费结构的影响", title_en="The Effect of Population Ageing on Household Consumption "
             "Structure", people=[replace(LI, en="Li Siyuan", aff=(1,), star=True),
                                  Person("赵明华", "赵", "Zhao Minghua", (1,))],
             affs=[AFF2], affs_en=[AFF2_EN], aff_style="foot", unit_note="130024 长春，东北师范大学商学院（李思远、赵明华）",
             aff_truth=["东北师范大学商学院"], notes=[f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问日期：2023年3月1日。"],
             note_style="paren", urls=[(URL_STATS, ACCESS)], column="区域经济", labels="bare", paras=2,
             codes=["文章编号：1000-1234(2023)06-{first:04d}-{count:02d}"]),
        base(**rural, people=[replace(LI, en="LI SIYUAN", aff=(1,))], affs=[unit3], affs_en=[unit3_en],
             aff_style="tight", subtitle="基于省级面板数据的分析", labels="square", paras=4,
             codes=["文章编号：1000-1234(2023)06-{first:04d}-{count:02d}"]),
        folio="foot_outer", run_on=True, first=117)
    add("combo_en_at_end_byline_wrapped_marks", "A4, two columns, the English block closing the article in a "
        "column: its byline wraps after a comma and after 'and', each name with a raised letter mark",
        base(people=[Person("陈志强", "陈", "Zhi-qiang Chen", (1,)), Person("诸葛明亮", "诸葛", "Ming-liang Zhuge", (1,)),
                     replace(WANG, en="Jian-guo Wang", aff=(1, 2))],
             aff_style="letters", en_style="and", en_at_end=True, labels="lenticular", kw_sep="、", clc=("G206.2",),
             notes=[f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问日期：2023年3月1日。"], urls=[(URL_STATS, ACCESS)],
             codes=["文章编号：1000-1234(2023)06-{first:04d}-{count:02d}"], paras=4),
        folio="foot_center", first=1, a4=True, columns=True)
    add("combo_founder_compound_at_line_end", "Founder export, A4 two columns: the structured English abstract breaks "
        "'difference-in-differences' after 'in-', both hyphens printed as 鄄: the compound keeps its hyphen",
        base(structured="lines"), folio="foot_center", first=117, a4=True, columns=True, export="founder")
    fund = ["* 基金项目：国家社会科学基金项目（22BJL001）"]
    add("combo_title_mark_before_subtitle", "the title's note mark (*) after the main title, above its ——subtitle: "
        "the mark is no part of the title",
        base(subtitle="基于省级面板数据的分析", title_mark="*", foot_extra=fund), folio="head_di")
    sima, chen = Person("司马相如", "司马", "SIMA Xiangru", (1,)), Person("陈志强", "陈", "CHEN Zhiqiang", (1,))
    add("combo_run_on_title_alone_at_foot", "run on, A4: the next article's display title and ——subtitle alone at "
        "the page's foot under the earlier one's text, its byline, units and 摘要 at the next page's top",
        base(title="人口老龄化对家庭消费结构的影响", title_en="The Effect of Population Ageing on Household Consumption "
             "Structure", people=[Person("刘洋", "刘", "LIU YANG", (1, 2), star=True), replace(sima, en="SIMA XIANGRU",
                                                                                                aff=(2,))],
             affs=[AFF2, unit3], affs_en=[AFF2_EN, unit3_en], aff_style="fullwidth", column="理论探讨",
             labels="lenticular", kw_sep="　", clc=("G206.2",), doc_code="B", paras=2),
        base(**rural, people=[chen, sima, Person("张敏", "张", "ZHANG Min", (1, 2))], affs=[unit3, AFF1],
             affs_en=[unit3_en, AFF1_EN], aff_style="sup_raised", en_style="baseline", subtitle="基于省级面板数据的分析",
             bio=_bio(("陈志强", "中国社会科学院数量经济与技术经济研究所"), ("司马相如", "中国社会科学院数量经济与技术经济研究所"),
                      ("张敏", "中国社会科学院数量经济与技术经济研究所")), en_at_end=True, kw_sep="、", paras=2),
        folio="foot_center", run_on=True, first=1276, a4=True)
    add("combo_run_on_byline_role", "run on: the next article's byline ends with a role, 刘洋1（通信作者）, under its "
        "title and ——subtitle; the earlier article shows no end (its notes are page notes)",
        base(title="人口老龄化对家庭消费结构的影响", title_en="The Effect of Population Ageing on Household Consumption "
             "Structure", people=[replace(sima, en="Xiangru SIMA"), Person("刘洋", "刘", "Yang LIU", (1,))],
             affs=[AFF1], affs_en=[AFF1_EN], aff_style="foot", en_style="fullwidth_comma", unit_note=AFF1,
             aff_truth=["吉林大学经济学院"], notes=[f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问日期：2023年3月1日。"],
             note_style="paren", urls=[(URL_STATS, ACCESS)], labels="bare", kw_sep="　", paras=4),
        base(**rural, people=[replace(LI, en="Si-yuan Li", aff=(1,)), Person("黄晓燕", "黄", "Xiao-yan Huang", (2,)),
                              replace(sima, en="Xiang-ru Sima", aff=(1, 2)),
                              Person("刘洋", "刘", "Yang Liu", (1,), role="（通信作者）")],
             affs=[AFF1, unit3], affs_en=[AFF1_EN, unit3_en], aff_style="label", en_at_end=True, title_mark="*",
             refs=[f"国家统计局. 中国统计年鉴2022[EB/OL]. (2022-07-28)[2023-03-01]. {URL_STATS}."], urls=[(URL_STATS, ACCESS)],
             subtitle="基于省级面板数据的分析", codes=["文章编号：1000-1234(2023)06-{first:04d}-{count:02d}"],
             foot_extra=fund, labels="bare", kw_sep="、", doc_code="B", paras=3),
        folio="head_dash", run_on=True, first=1276)
    # ---- session 15: the probes' third layer
    add("combo_notice_under_widow", "a 征稿启事 set in the space under the article's last line, carried over alone "
        "to the top of its last page: the page is still the article's (its lpage)",
        base(title="乡村振兴战略下农村集体经济组织治理机制创新与制度保障研究", subtitle="基于省级面板数据的分析",
             bio=_bio(("王建国", "吉林大学经济学院"), ("李思远", "东北师范大学商学院")), paras=2),
        folio="head_dots", notice_after="zhenggao")
    add("combo_online_first_note", "run on: CNKI's 网络首发时间/网络首发地址 printed as the first-page note of the next "
        "piece (no 摘要), under the earlier one's text: the page is where it starts, not an online-first cover sheet",
        base(paras=4), base(title="区域协调发展中的创新要素流动", people=[replace(OUYANG, en="", aff=(1,))], affs=[AFF1],
                            affs_en=[], title_en="", aff_style="single", paras=3, labelled=False,
                            foot_extra=["网络首发时间：2023-05-12 10:23:11；网络首发地址：https://kns.cnki.net/kcms/detail/"
                                        "22.1234.F.20230512.1023.002.html"]), folio="head_dots", run_on=True)
    add("combo_endnotes_over_page", "run on, A4: the earlier article's 注释： (its notes gathered at its end, 1) with a URL "
        "and its access date) at the top of the page where the next one starts: that page is the earlier one's too",
        base(paras=3, notes=[f"国家统计局：《中国统计年鉴2022》，{URL_STATS}，访问日期：2023年3月1日。"],
             urls=[(URL_STATS, ACCESS)], note_style="paren", endnotes=True),
        base(title="区域协调发展中的创新要素流动", people=[replace(OUYANG, aff=(1,))], affs=[AFF1], affs_en=[AFF1_EN],
             aff_style="single", paras=3), folio="head_dots", run_on=True, a4=True)

    # ---- journal profiles: several conventions at once, as one unseen journal prints them
    add("profile_medical", "medical-journal profile: A4 two columns, 作者单位 (邮编 城市，单位) in the first-page note, "
        "hyphenated English names, ·1276· folios, a 参考文献 list",
        base(aff_style="foot", unit_note="130012 长春，吉林大学经济学院（王建国）；130024 长春，东北师范大学商学院（李思远）",
             aff_truth=["吉林大学经济学院", "东北师范大学商学院"], affs_en=[],
             people=[replace(WANG, en="WANG Jian-guo"), replace(LI, en="LI Si-yuan")], paras=5,
             refs=[f"国家统计局. 中国统计年鉴2022[EB/OL]. (2022-07-28)[2023-03-01]. {URL_STATS}."],
             urls=[(URL_STATS, ACCESS)]),
        folio="head_dots", first=1276, a4=True, columns=True)
    add("profile_social", "social-science profile: one author with the unit on the byline, ① notes with URLs and "
        "access dates, a 资料来源 note, the English block after the notes, — 43 — folios at the foot",
        base(people=[replace(WANG, en="WANG Jianguo")], affs=[AFF1], affs_en=[AFF1_EN], aff_style="inline",
             notes=[f"国家发展和改革委员会：《“十四五”数字经济发展规划》，{URL_LONG}，最后访问日期：2023年3月2日。"],
             source_note=f"资料来源：国家统计局，{URL_STATS}，访问日期：2023年3月1日。",
             urls=[(URL_LONG, "2023-03-02"), (URL_STATS, ACCESS)], en_at_end=True, paras=5),
        folio="foot_dash")
    add("profile_engineering", "engineering profile: 文章编号, DOI and 引用格式 lines, units one a line, names in "
        "Western order, first page without folio, bare folios at the outer head corner",
        base(aff_style="spaced", people=[replace(WANG, en="Jianguo Wang"), replace(LI, en="Siyuan Li")],
             codes=["文章编号：1000-1234(2023)06-0043-03", "DOI：10.12345/j.cnki.xdqy.2023.06.005",
                    "引用格式：王建国，李思远．数字经济背景下区域创新网络的演化研究[J]．现代区域研究，2023，"
                    f"{VOLUME}（{ISSUE}）：43-45."], paras=6),
        folio="head_outer", first_folio=False)
    add("profile_run_on_issue", "a 学报 profile: run-on articles on A4, the first opening after the previous one's "
        "tail, units （1. …；2. …）, folios — 43 — in the running head",
        base(paras=3), base(title="区域协调发展中的创新要素流动", people=[replace(OUYANG, aff=(1,)), Person("赵明华", "赵", "ZHAO Minghua", (2,))],
                            title_en="Flows of Innovation Factors in Coordinated Regional Development", paras=3),
        folio="head_dash", run_on=True, tail_before=True, a4=True)
    return out


def generate(argv: list[str] | None, doc: str, default_out: Path, all_cases: list, render_case: Callable,
             truth: Callable, shown: Callable) -> int:
    """The generators' command line: `[--out DIR] [case ...]`, each case written to
    DIR/<name>/issue.pdf and truth.json (`truth(case, rendered)`), one line per case
    (`shown(truth, rendered)`) and the total size."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--out", default=str(default_out), help=f"output directory (default: tests/{default_out.name})")
    ap.add_argument("cases", nargs="*", help="cases to build (default: all)")
    args = ap.parse_args(argv)
    out = Path(args.out)
    total = 0
    for case in all_cases:
        if args.cases and case.name not in args.cases:
            continue
        pdf, rendered = render_case(case)
        d = out / case.name
        d.mkdir(parents=True, exist_ok=True)
        (d / "issue.pdf").write_bytes(pdf)
        record = truth(case, rendered)
        (d / "truth.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        total += len(pdf)
        print(f"{case.name}: {shown(record, rendered)}, {len(pdf) // 1024} KB")
    print(f"total {total // 1024} KB")
    return 0


def main(argv: list[str] | None = None) -> int:
    return generate(argv, __doc__, OUT, cases(), render, truth_of,
                    lambda _truth, spans: f"{len(spans)} article(s), pages {spans}")


if __name__ == "__main__":
    sys.exit(main())
