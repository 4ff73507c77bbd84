#!/usr/bin/env python
"""Generate the folio suite: whole issues and single-article files of Chinese journals whose
printed page numbers follow the ways Chinese journals print them.

The conventions (GB/T 3179-2009 期刊编排格式 and common typesetting habits):
- pages are numbered continuously through an issue, or through a volume (an issue opening
  at p.201); the cover and the 目录 are outside that sequence (no folio, or roman numerals);
- the folio sits at the outer edge of the head or the foot: even pages left, odd pages right;
- the 书眉 (running head) prints the journal's name, year, volume and issue, and the folio
  may be set inside it: "·36·　中国X学　2011年2月　第20卷　第2期" on an even page and the
  mirrored "Chin J X, Feb 2011, Vol.20, No.2　·37·" on an odd one (Chinese and English halves
  on alternate pages, in either order);
- an article's first page prints a masthead and no folio, or its folio at the foot centre;
- adverts and notices between articles are counted but print no folio, a colour plate bound
  in between them is not counted; a landscape table
  page prints its folio rotated with the table, or none;
- the folio may be printed in the foot only ("— 37 —", "第37页"), drawn digit by digit (each
  digit its own text object, as Founder and InDesign exports often do) or letter-spaced, or
  converted to outlines in prepress (转曲), leaving the text layer no folio at all;
- an article's 文章编号 (CAJ-CD B/T 1-2006: ISSN(year)issue-first page-page count) names its
  printed first page and page count even when its pages print no folio;
- run-on journals start an article on the page where the previous one ends.

    python tests/make_folio_cases.py            # rewrites tests/folio_cases/<case>/
    python tests/make_folio_cases.py --out DIR  # the same tree under DIR

Per case: `issue.pdf` and `truth.json` (fpage, lpage, pdf_pages per article, from what is
drawn: the printed number of each page is fixed before anything is drawn), plus `convention`
and `uncertain` (fields that must be flagged rather than guessed). Typesetting reuses
tests/make_convention_cases.py (article_flow) and tests/make_fixtures.py (glyphs, pagination).
"""
from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_convention_cases as mcc  # noqa: E402  (article_flow, Art, people)
import make_fixtures as mf  # noqa: E402  (glyphs, wrap, paginate, draw_page_body, text_at)
from make_fixtures import St, Line, glyphs, wrap  # noqa: E402
from reportlab import rl_config  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402

rl_config.useA85 = 0

OUT = HERE / "folio_cases"
JOURNAL = "中国区域科学"
JOURNAL_EN = "Chin J Reg Sci"
YEAR, VOLUME, ISSUE, MONTH = 2011, "20", "2", 2
ISSN = "1672-0172"


# =========================================================================================
# The generator's input
# =========================================================================================
@dataclass
class Item:
    """One article of the issue (or a page that is no article's)."""
    kind: str = "article"            # article | advert | plate | cover | toc | blank | english (the issue-end
                                     # English abstracts: each article's title, names / first page, abstract)
    art: mcc.Art | None = None
    run_on: bool = False             # starts on the page where the previous article ends
    landscape: str = ""              # a landscape table page after its first page: "rotated" (folio turned
                                     # with the table) | "none" (no folio) | "page" (a landscape PDF page)
    article_no: bool = False         # prints its 文章编号 (first page and page count)
    bare: bool = False               # none of its pages prints a folio (its 文章编号 names the pages)
    numbered_from: int | None = None  # its pages printed from this number (an article downloaded from
                                      # another issue and bound into the file)


@dataclass
class Case:
    name: str
    convention: str
    items: list[Item]
    folio: str = "corner_head"       # how the folio is printed (FOLIO_STYLES)
    first_page: str = "none"         # article first pages: "none" (masthead, no folio) | "foot" | "same"
    first: int = 1                   # printed number of the first numbered page
    toc_folio: str = ""              # the 目录's folio: "" none | "roman"
    digits: str = ""                 # "runs": each digit its own text object | "spaced": letter-spaced | "fullwidth" |
                                     # "outline": drawn as curves, no text (tests need OCR to read it)
    dot: str = "·"                   # the marks around a folio in the head (·37·) or the foot's dash (— 37 —)
    folio_size: float = 9.0          # the folio's type size (bold when larger than the head's)
    tight: bool = False              # the head's text set right against its folio (no gap)
    head_size: float = 8.5           # the running head's type size (larger than the text in some journals)
    columns: bool = False            # A4, two columns, every article run on (medical journals' habit)
    full_heads: bool = False         # (columns) each article's head set across both columns, mid-page
    page_labels: bool = False        # the PDF labels its pages 1…N from its first page (an exporter's default)
    spreads: bool = False            # exported as reader spreads: facing pages side by side on one PDF page
    sheet: float = 0.0               # > 0: each page on a printer's sheet this much larger all round (a TrimBox)
    paper: tuple[float, float] | None = None  # each page centred on paper this size, no TrimBox (16开 onto A4)
    downloads: bool = False          # bound from single-article downloads: each article's whole pages, so a
                                     # page two run-on articles share comes twice, once in each download
    toc_style: str = "right"         # 目录 entries: "right" title … authors （27） | "under" authors and page on
                                     # the line under the title | "first" the page before the title
    uncertain: list[str] = field(default_factory=list)


FOLIO_STYLES = ("corner_head", "corner_foot", "head_cn_en", "head_en_cn", "head_plain", "foot_dash", "foot_di")


# =========================================================================================
# Running heads and folios
# =========================================================================================
HEAD_Y = mf.PH - 38
FOOT_Y = 24


def head_zh() -> str:
    return f"{JOURNAL}　{YEAR}年{MONTH}月　第{VOLUME}卷　第{ISSUE}期"


def head_en() -> str:
    return f"{JOURNAL_EN}, Feb {YEAR}, Vol.{VOLUME}, No.{ISSUE}"


def draw_outlined(c, text: str, x: float, y: float, size: float, align: str) -> None:
    """The folio drawn as filled outlines, no text: what a prepress "convert text to curves"
    (转曲) on the running head leaves, so the text layer has no folio at all. The glyph shapes
    are Bitstream Vera's (shipped inside reportlab), read with fontTools."""
    from fontTools.pens.basePen import BasePen
    from fontTools.ttLib import TTFont
    import reportlab

    font = TTFont(str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"))
    glyph_set, cmap = font.getGlyphSet(), font.getBestCmap()
    scale = size / font["head"].unitsPerEm
    names = [cmap[ord(ch)] for ch in text if ord(ch) in cmap]
    width = sum(glyph_set[n].width for n in names) * scale
    x0 = x - width if align == "right" else (x - width / 2 if align == "center" else x)
    path = c.beginPath()

    class Pen(BasePen):
        def __init__(self, dx: float) -> None:
            super().__init__(glyph_set)
            self.dx = dx

        def _pt(self, p: tuple[float, float]) -> tuple[float, float]:
            return self.dx + p[0] * scale, y + p[1] * scale

        def _moveTo(self, p):
            path.moveTo(*self._pt(p))

        def _lineTo(self, p):
            path.lineTo(*self._pt(p))

        def _curveToOne(self, p1, p2, p3):
            path.curveTo(*self._pt(p1), *self._pt(p2), *self._pt(p3))

        def _closePath(self):
            path.close()

    for n in names:
        glyph_set[n].draw(Pen(x0))
        x0 += glyph_set[n].width * scale
    c.drawPath(path, stroke=0, fill=1, fillMode=1)


def full_width(text: str) -> str:
    return text.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})


def full_width_number(text: str, size: float) -> float:
    """The width of a folio set in full-width digits (the CJK font's em each)."""
    return sum(g.w for g in glyphs(full_width(text), St(size, bold=size > 9.0)))


def draw_number(c, text: str, x: float, y: float, size: float, align: str, digits: str) -> None:
    """A folio at (x, y) aligned left/right/center of x: one string, each digit its own text
    object ("runs": BT … ET per glyph, as some exporters write them), or letter-spaced (a
    gap of half an em between digits: 1 1 8). Type larger than 9 pt is bold (a display folio)."""
    if digits == "fullwidth":   # (a Founder export's full-width digits, １１８, set in the CJK font)
        text = full_width(text)
    if any("\u4e00" <= ch or ch in "―─∙‧•" or "\uff10" <= ch <= "\uff19" for ch in text):   # (marks outside Times-Roman: the CJK font)
        st = St(size, bold=size > 9.0)
        w = sum(g.w for g in glyphs(text, st))
        x0 = x - w if align == "right" else (x - w / 2 if align == "center" else x)
        mf.text_at(c, text, x0, y, st)
        return
    font = "Times-Bold" if size > 9.0 else "Times-Roman"
    if digits == "outline":
        c.setFont(font, size)   # (the page's other text objects name this font's resource)
        draw_outlined(c, text, x, y, size, align)
        return
    space = size * 0.5 if digits == "spaced" else 0.0
    w = pdfmetrics.stringWidth(text, font, size) + space * (len(text) - 1)
    x0 = x - w if align == "right" else (x - w / 2 if align == "center" else x)
    if digits in ("runs", "spaced"):   # (each glyph placed on its own, as letter-spacing exports do)
        for ch in text:
            c.setFont(font, size)
            c.drawString(x0, y, ch)
            x0 += pdfmetrics.stringWidth(ch, font, size) + space
        return
    c.setFont(font, size)
    c.drawString(x0, y, text)


def furniture(c, case: Case, printed: int | None, starts_here: bool, bare: bool) -> None:
    """The running head and the folio of a numbered page (`printed`: its number)."""
    left, right = mf.ML, mf.ML + mf.TW
    even = printed is not None and printed % 2 == 0
    show = printed is not None and not bare and not (starts_here and case.first_page == "none")
    style = case.folio
    if starts_here and case.first_page in ("none", "foot"):
        # the first page: a masthead (journal, year, volume, issue, in both languages), no folio in it
        mf.text_at(c, f"{head_zh()}　　{head_en()}", mf.ML, HEAD_Y, St(8), "center", mf.TW)
        c.setLineWidth(0.6)
        c.line(left, HEAD_Y - 5, right, HEAD_Y - 5)
        if show and case.first_page == "foot":
            draw_number(c, str(printed), mf.PW / 2, FOOT_Y, 9, "center", case.digits)
        return
    num = str(printed) if printed is not None else ""
    if style in ("head_cn_en", "head_en_cn"):
        # the folio inside the running head, at its outer end: Chinese on one parity, English on the other
        zh_even = style == "head_cn_en"
        text = head_zh() if even == zh_even else head_en()
        folio = f"{case.dot}{num}{case.dot}"
        fw = pdfmetrics.stringWidth(folio, "Times-Roman", case.folio_size) + (case.folio_size * 0.5 * len(folio)
                                                                              if case.digits == "spaced" else 0)
        if case.digits == "fullwidth":
            fw = full_width_number(folio, case.folio_size)
        gap = fw + 1.0 if case.tight else max(30.0, fw + 10.0)
        if even:
            if show:
                draw_number(c, folio, left, HEAD_Y, case.folio_size, "left", case.digits)
            mf.text_at(c, text, left + gap, HEAD_Y, St(case.head_size), "left", mf.TW - gap)
        else:
            mf.text_at(c, text, left, HEAD_Y, St(case.head_size), "right", mf.TW - gap)
            if show:
                draw_number(c, folio, right, HEAD_Y, case.folio_size, "right", case.digits)
    elif style in ("head_plain", "foot_plain"):
        # a bare number run into the head: "36　中国X学　2011年2月…" / "…第2期　37"; or the same
        # line set at the foot (a 书脚 in place of the 书眉)
        gap = 24.0 if case.digits != "spaced" else 9 * 1.5 * len(num) + 4.0   # (spaced: run into the head)
        if case.digits == "fullwidth":
            gap = max(gap, full_width_number(num, case.folio_size) + 6.0)
        at = HEAD_Y if style == "head_plain" else FOOT_Y
        if even:
            if show:
                draw_number(c, num, left, at, case.folio_size, "left", case.digits)
            mf.text_at(c, head_zh(), left + gap, at, St(case.head_size), "left", mf.TW - gap)
        else:
            mf.text_at(c, head_zh(), left, at, St(case.head_size), "right", mf.TW - gap)
            if show:
                draw_number(c, num, right, at, case.folio_size, "right", case.digits)
    else:
        mf.text_at(c, head_zh(), left, HEAD_Y, St(case.head_size), "center", mf.TW)
        if show:
            if style == "corner_head":
                draw_number(c, num, left if even else right, HEAD_Y, case.folio_size, "left" if even else "right",
                            case.digits)
            elif style == "corner_foot":
                draw_number(c, num, left if even else right, FOOT_Y, case.folio_size, "left" if even else "right",
                            case.digits)
            elif style == "foot_dash":
                dash = case.dot if case.dot != "·" else "—"
                draw_number(c, f"{dash} {num} {dash}", mf.PW / 2, FOOT_Y, case.folio_size, "center", case.digits)
            elif style == "foot_di":
                mf.text_at(c, f"第{num}页", mf.ML, FOOT_Y, St(9), "center", mf.TW)
    c.setLineWidth(0.6)
    c.line(left, HEAD_Y - 5, right, HEAD_Y - 5)


def roman(n: int) -> str:
    return ["", "I", "II", "III", "IV", "V"][n]


# =========================================================================================
# Pages that are no article's
# =========================================================================================
def draw_cover(c) -> None:
    mf.text_at(c, JOURNAL, 0, mf.PH - 150, St(40, bold=True), "center", mf.PW)
    mf.text_at(c, "CHINESE JOURNAL OF REGIONAL SCIENCE", 0, mf.PH - 190, St(13), "center", mf.PW)
    mf.text_at(c, f"{YEAR}年{MONTH}月　第{VOLUME}卷　第{ISSUE}期", 0, mf.PH - 260, St(16), "center", mf.PW)
    mf.text_at(c, f"ISSN {ISSN}", 0, 110, St(12), "center", mf.PW)
    mf.text_at(c, "CN 11-5000/F", 0, 92, St(12), "center", mf.PW)


def draw_toc(c, entries: list[tuple[str, str, int, str]], folio: str, style: str = "right") -> None:
    """The 目录 (GB/T 3179-2009 目次): column names (·论著·) over their entries, each entry's
    title, authors and start page, in one of the forms journals use (see Case.toc_style)."""
    mf.text_at(c, "目　次", 0, mf.PH - 80, St(20, bold=True), "center", mf.PW)
    mf.text_at(c, f"{JOURNAL}　{YEAR}年第{ISSUE}期", 0, mf.PH - 104, St(10), "center", mf.PW)
    y = mf.PH - 140
    section = ""
    for title, who, page, column in entries:
        if column and column != section:
            section = column
            mf.text_at(c, column, mf.ML, y, St(10.5, bold=True))
            y -= 22
        if style == "under":
            mf.text_at(c, title, mf.ML, y, St(10.5))
            y -= 18
            mf.text_at(c, f"{who}（{page}）", mf.ML, y, St(10.5), "right", mf.TW)
        elif style == "first":
            mf.text_at(c, f"{page}　　{title}　{who}", mf.ML, y, St(10.5))
        else:
            mf.text_at(c, title, mf.ML, y, St(10.5))
            mf.text_at(c, f"{who}　（{page}）", mf.ML, y, St(10.5), "right", mf.TW)
        y -= 24
    if folio == "roman":
        mf.text_at(c, roman(1), mf.ML, FOOT_Y, St(9), "center", mf.TW)


ADVERT_PARAS = [
    "本刊为区域科学领域的学术期刊，刊登区域经济、城市与区域规划、区域创新等方面的研究论文，欢迎投稿。",
    "来稿请附中英文题名、摘要、关键词和作者简介，参考文献按GB/T 7714—2015著录。本刊不收取任何审稿费。",
    "投稿网址：http://www.zgqykx.cn　电话：010-12345678",
]


def draw_advert(c) -> None:
    """A 征稿启事 page between articles: counted in the numbering, printing no folio."""
    c.setLineWidth(1.2)
    c.rect(mf.ML - 10, 120, mf.TW + 20, mf.PH - 220, stroke=1, fill=0)
    mf.text_at(c, "征稿启事", 0, mf.PH - 160, St(22, bold=True), "center", mf.PW)
    y = mf.PH - 200
    for p in ADVERT_PARAS:
        for ln in mf.para_lines(p, St(10.5), height=19):
            y -= 19
            mf.draw_line(c, ln, y)
        y -= 6
    mf.text_at(c, f"《{JOURNAL}》编辑部", mf.ML, y - 30, St(10.5), "right", mf.TW)


def draw_english(c, case: Case, entries: list[tuple[str, str, int | None]], printed: int | None) -> None:
    """A page of the issue-end English abstracts (CAJ-CD B/T 1-2006: the English title, the
    names with the article's first page, "NAME Given / 43", Abstract and Keywords), under the
    running head and folio of the issue's pages."""
    furniture(c, case, printed, False, False)
    y = mf.PH - 80
    for title, names, page in entries:
        for ln in mf.para_lines(title, St(11.5, bold=True), indent=0, height=16):
            y -= 16
            mf.draw_line(c, ln, y)
        y -= 17
        mf.text_at(c, f"{names} / {page}", mf.ML, y, St(10, italic=True), "left", mf.TW)
        for ln in mf.para_lines("Abstract: " + EN_ABSTRACT, St(10), indent=0, height=14):
            y -= 14
            mf.draw_line(c, ln, y)
        y -= 14
        mf.text_at(c, "Keywords: regional economy; innovation; cities", mf.ML, y, St(10), "left", mf.TW)
        y -= 18


EN_ABSTRACT = ("This paper examines the question with panel data of prefecture-level cities and finds that the "
               "effect is significant and differs between regions.")


def draw_plate(c) -> None:
    """A colour plate (彩色插页) bound in between two articles: printed on other paper, outside
    the page numbering, no folio; a picture and its caption."""
    c.setFillGray(0.55)
    c.rect(mf.ML, 200, mf.TW, mf.PH - 330, stroke=0, fill=1)
    c.setFillGray(0)
    mf.text_at(c, "彩色插页　东北地区县域经济韧性的空间格局", 0, 170, St(10.5), "center", mf.PW)


def draw_landscape(c, printed: int, style: str, case: Case) -> None:
    """A table set sideways on a portrait page (its rows and any folio drawn rotated 90°:
    the text layer leaves rotated text out)."""
    c.saveState()
    if style != "page":             # ("page": a landscape page of its own, drawn upright)
        c.translate(mf.PW, 0)
        c.rotate(90)
    ph, pw = mf.PW, mf.PH           # the rotated page: width along the portrait height
    y = ph - 60
    mf.text_at(c, "表2　各城市数字基础设施指数与创新合作强度（2015—2022年）", 0, y, St(10, bold=True), "center", pw)
    cities = ["北京", "上海", "广州", "深圳", "杭州", "南京", "武汉", "成都", "西安", "长春", "沈阳", "哈尔滨"]
    for k, city in enumerate(cities):
        y -= 18
        row = f"{city}　　" + "　　".join(f"{0.31 + 0.013 * (k + j):.3f}" for j in range(8))
        mf.text_at(c, row, 60, y, St(9))
    mf.text_at(c, "资料来源：根据各城市统计年鉴整理。", 60, y - 22, St(8.5))
    if style in ("rotated", "page"):
        mf.text_at(c, f"·{printed}·", 0, 20, St(9), "center", pw)
    c.restoreState()


# =========================================================================================
# Layout: every page and its printed number first, then the drawing
# =========================================================================================
@dataclass
class PageSpec:
    kind: str                               # article | advert | plate | cover | toc | landscape
    out: mf.PageOut | None = None
    printed: int | None = None              # the number the page has in the sequence (None: outside it)
    starts: list[int] = field(default_factory=list)   # items starting here
    owners: set[int] = field(default_factory=set)
    bare: bool = False
    placed: list = field(default_factory=list)       # (two columns) [(line, x offset, top y)]
    pdf: int = 0                                     # the PDF page it is drawn on (1-based)
    drawn: bool | None = None                        # (a repeated page) whether its folio is drawn


def article_lines(case: Case, i: int, item: Item, count: tuple[int, int] | None, width: float = 0.0) -> list[Line]:
    art = item.art
    assert art is not None
    if item.article_no:
        # (the 文章编号 needs the printed first page and page count: given by the first layout pass)
        code = f"文章编号：{ISSN}（{YEAR}）0{ISSUE}-{count[0]:04d}-{count[1]:02d}" if count else \
            f"文章编号：{ISSN}（{YEAR}）0{ISSUE}-0000-00"
        art = replace(art, codes=[code])
    lines, _ = mcc.article_flow(art, width or mf.TW)
    return lines


def column_pages(case: Case, numbers: dict[int, tuple[int, int]] | None) -> list[PageSpec]:
    """A run-on issue in two columns: the first article's front matter across the measure,
    then every article's text, each later one's front matter in the column's width, starting
    in the column where the one before it ends (make_convention_cases.columns)."""
    colw = (mf.TW - mcc.GUTTER) / 2
    arts = [(i, it) for i, it in enumerate(case.items) if it.kind == "article"]
    owner: dict[int, int] = {}
    i0, it0 = arts[0]
    flow = article_lines(case, i0, it0, numbers.get(i0) if numbers else None, colw)
    _, start = mcc.article_flow(it0.art, colw)
    owner.update({id(ln): i0 for ln in flow})
    body = flow[start:]
    for i, it in arts[1:]:
        with mcc.measure(colw):
            lines = article_lines(case, i, it, numbers.get(i) if numbers else None, colw)
        for ln in lines:
            ln.fixed = []
        body.append(mf.spacer(mf.RUN_ON_GAP))
        body += lines
        owner.update({id(ln): i for ln in lines})
    # a typesetter never breaks an article's head (column label, title, byline) across columns:
    # a head that would straddle the column's foot moves to the top of the next column
    heads = [ln for ln in body if id(ln) in owner and owner[id(ln)] != i0 and ln.gs]
    firsts = {}
    for ln in heads:
        firsts.setdefault(owner[id(ln)], ln)
    while True:
        laid = mcc.columns(flow[:start], body)
        where = {id(ln): (pi, dx) for pi, (placed, _) in enumerate(laid) for ln, dx, _ in placed}
        moved = False
        for i, first in firsts.items():
            k = next(j for j, ln in enumerate(body) if ln is first)   # (not index(): titles repeat, lines compare equal)
            head = [ln for ln in body[k:k + 6] if ln.gs]
            if len({where[id(ln)] for ln in head}) > 1 and not first.break_before:
                first.break_before = moved = True
                break
        if not moved:
            break
    out = [PageSpec(it.kind) for it in case.items if it.kind in ("cover", "toc")]
    for placed, fixed in laid:
        spec = PageSpec("article", mf.PageOut([], [], fixed))
        spec.placed = placed
        spec.owners = {owner[id(ln)] for ln, _, _ in placed if ln.gs and id(ln) in owner}
        out.append(spec)
    return out + [PageSpec(it.kind) for it in case.items if it.kind in ("advert", "english")]


def _balanced(lines: list[Line]) -> int:
    """Where to break a run of column lines into two columns of (nearly) equal height, the
    left one no shorter: how a typesetter closes an article's last columns above a head."""
    total = sum(ln.height for ln in lines)
    acc = 0.0
    for k, ln in enumerate(lines):
        if acc >= total / 2:
            return k
        acc += ln.height
    return len(lines)


def full_head_pages(case: Case, numbers: dict[int, tuple[int, int]] | None) -> list[PageSpec]:
    """A run-on issue in two columns whose every article's head (column label, title, byline,
    units, 摘要, 关键词, codes) is set across both columns wherever the article before ends: that
    one's last columns are balanced above it (the habit of Chinese medical journals)."""
    colw = (mf.TW - mcc.GUTTER) / 2
    pages: list[PageSpec] = []
    placed: list = []
    owners: set[int] = set()
    y = mf.TOP

    def new_page() -> None:
        nonlocal placed, owners, y
        spec = PageSpec("article", mf.PageOut())
        spec.placed, spec.owners = placed, owners
        pages.append(spec)
        placed, owners, y = [], set(), mf.TOP

    def put(lines: list[Line], dx: float, top: float, i: int) -> float:
        for ln in lines:
            placed.append((ln, dx, top))
            top -= ln.height
            if ln.gs:
                owners.add(i)
        return top

    pages_out = [PageSpec(it.kind) for it in case.items if it.kind in ("cover", "toc")]
    for i, it in enumerate(case.items):
        if it.kind != "article":
            continue
        flow = article_lines(case, i, it, numbers.get(i) if numbers else None, colw)
        _, start = mcc.article_flow(it.art, colw)
        head, body = flow[:start], flow[start:]
        closing = replace(it.art, title="")   # (its 收稿日期 closes the article: no room for notes at a column's foot)
        body += wrap([(f"（收稿日期：{closing.received}）", St(9))], colw, height=14, align="right", last_align="right")
        for ln in flow:
            ln.fixed = []
        if placed and y - sum(ln.height for ln in head) - 4 * 17.5 < mf.BOTTOM:
            new_page()
        y = put(head, 0.0, y, i) - 6
        pending = body
        while pending:
            cap = y - mf.BOTTOM
            cols: list[list[Line]] = [[], []]
            k = 0
            for c in cols:
                h = 0.0
                while k < len(pending) and h + pending[k].height <= cap:
                    c.append(pending[k])
                    h += pending[k].height
                    k += 1
            if k < len(pending):          # the columns run to the page's foot and on overleaf
                put(cols[0], 0.0, y, i)
                put(cols[1], colw + mcc.GUTTER, y, i)
                new_page()
                pending = pending[k:]
                continue
            b = _balanced(pending)
            bottom = min(put(pending[:b], 0.0, y, i), put(pending[b:], colw + mcc.GUTTER, y, i))
            y = bottom - mf.RUN_ON_GAP
            pending = []
    if placed:
        new_page()
    return pages_out + pages + [PageSpec(it.kind) for it in case.items if it.kind in ("advert", "english")]


def layout(case: Case, numbers: dict[int, tuple[int, int]] | None = None) -> list[PageSpec]:
    """The issue's pages in order, with each page's printed number and owners."""
    if case.full_heads:
        return number_pages(case, full_head_pages(case, numbers))
    if case.columns:
        return number_pages(case, column_pages(case, numbers))
    pages: list[PageSpec] = []
    flow: list[Line] = []
    owner: dict[int, int] = {}

    def flush() -> None:
        nonlocal flow
        if not flow:
            return
        for p in mf.paginate(flow, None):
            spec = PageSpec("article", p)
            for ln in p.lines:
                if ln.gs and id(ln) in owner:
                    spec.owners.add(owner[id(ln)])
            pages.append(spec)
        flow = []

    pending_land: list[tuple[int, str]] = []
    for i, item in enumerate(case.items):
        if item.kind != "article":
            flush()
            pages.append(PageSpec(item.kind))
            continue
        lines = article_lines(case, i, item, numbers.get(i) if numbers else None)
        for ln in lines:
            owner[id(ln)] = i
        if flow and item.run_on:
            flow.append(mf.spacer(mf.RUN_ON_GAP))
            lines[0].keep = 8
            flow += lines
        else:
            flush()
            flow = lines
        if item.landscape:
            pending_land.append((i, item.landscape))
    flush()
    # a landscape page after the first page of the article that has one
    for i, style in pending_land:
        at = next(k for k, p in enumerate(pages) if i in p.owners)
        if any(j > i for j in pages[at].owners):
            # (the article ends on its first page, where the next begins: no typesetter floats
            # its table past the next article's start, and whose page it would be is moot)
            raise ValueError(f"article {i}'s landscape page would follow the start of article {max(pages[at].owners)}")
        pages.insert(at + 1, PageSpec("landscape", owners={i}, bare=style == "none"))
        pages[at + 1].out = mf.PageOut()
        pages[at + 1].kind = "landscape-" + style
    return number_pages(case, pages)


def number_pages(case: Case, pages: list[PageSpec]) -> list[PageSpec]:
    """Each page's number in the sequence (the cover and the 目录 stand outside it) and the
    articles that start on it."""
    n = case.first
    seen: set[int] = set()
    for p in pages:
        if p.kind in ("cover", "toc", "plate"):
            continue
        new = sorted(p.owners - seen) if p.kind == "article" else []
        restart = next((case.items[k].numbered_from for k in new if case.items[k].numbered_from is not None), None)
        n = restart if restart is not None else n
        p.printed = n
        n += 1
        p.starts = [k for k in new]
        seen |= p.owners
        p.bare = p.bare or any(case.items[k].bare for k in p.owners)
    return pages


def spans_of(pages: list[PageSpec], n_items: int) -> dict[int, tuple[int, int]]:
    """Item -> (first, last) physical page (1-based)."""
    out: dict[int, list[int]] = {}
    for k, p in enumerate(pages, 1):
        for i in p.owners:
            out.setdefault(i, [k, k])[1] = k
    return {i: (a, b) for i, (a, b) in out.items()}


a4 = mcc.a4  # (make_fixtures' page geometry, switched to A4 with a 46-character measure)


def render(case: Case) -> tuple[bytes, list[PageSpec]]:
    global HEAD_Y
    with a4(case.columns):
        HEAD_Y = mf.PH - 38
        try:
            return _render(case)
        finally:
            HEAD_Y = mf.PH - 38


def _render(case: Case) -> tuple[bytes, list[PageSpec]]:
    pages = layout(case)
    spans = spans_of(pages, len(case.items))
    numbers = {i: (pages[a - 1].printed, b - a + 1) for i, (a, b) in spans.items()}
    if any(it.article_no for it in case.items):
        pages = layout(case, numbers)   # (the 文章编号 line does not move anything: same pages)
        assert spans_of(pages, len(case.items)) == spans
    entries = []
    english = []
    for i, item in enumerate(case.items):
        if item.kind == "article" and i in spans:
            art = item.art
            entries.append((art.title, "，".join(p.zh for p in art.people), pages[spans[i][0] - 1].printed, art.column))
            english.append((TITLES_EN[TITLES.index(art.title)] if art.title in TITLES else art.title_en,
                            ", ".join(p.en for p in art.people), pages[spans[i][0] - 1].printed))
    english_at = {id(q): k for k, q in enumerate(q for q in pages if q.kind == "english")}  # (its page's entries)
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=(mf.PW, mf.PH), invariant=1, pageCompression=1)
    c.setTitle(f"{JOURNAL} {case.name}")
    c.setCreator("journal-ingest tests/make_folio_cases.py")
    c.setProducer("ReportLab")
    if case.page_labels:
        c.addPageLabel(0, style="D", start=1)

    def draw(p: PageSpec) -> None:
        if p.kind == "cover":
            draw_cover(c)
        elif p.kind == "toc":
            draw_toc(c, entries, case.toc_folio, case.toc_style)
        elif p.kind == "advert":
            draw_advert(c)
        elif p.kind == "english":
            k = english_at[id(p)]
            draw_english(c, case, english[k * ENTRIES_PER_PAGE:(k + 1) * ENTRIES_PER_PAGE], p.printed)
        elif p.kind == "plate":
            draw_plate(c)
        elif p.kind == "blank":
            pass   # (a blank verso before an article that opens on a recto: numbered, nothing printed)
        elif p.kind.startswith("landscape"):
            if p.kind != "landscape-page":
                mf.text_at(c, head_zh(), mf.ML, HEAD_Y, St(8.5), "center", mf.TW)
            draw_landscape(c, p.printed, p.kind.split("-")[1], case)
        else:
            furniture(c, case, p.printed, first_page(case, p), p.bare)
            if p.placed:
                for ln, dx, top in p.placed:
                    mf.draw_line(c, replace(ln, x=ln.x + dx), top - ln.height + ln.height * 0.28)
                if p.out.fixed:
                    mf.draw_page_body(c, mf.PageOut([], [], p.out.fixed), None)
            else:
                mf.draw_page_body(c, p.out, None)

    # the PDF's pages: one printed page each, or (spreads) facing pages side by side, the
    # even page on the left, an odd page with no facing page alone (and a landscape page alone:
    # it has no portrait page to face)
    groups: list[list[PageSpec]] = []
    for p in pages:
        if case.spreads and groups and len(groups[-1]) == 1 and (groups[-1][0].printed or 0) % 2 == 0 \
                and p.printed is not None and "landscape-page" not in (p.kind, groups[-1][0].kind):
            groups[-1].append(p)
        else:
            groups.append([p])
    for n, group in enumerate(groups, 1):
        wide = mf.PW * len(group) if group[0].kind != "landscape-page" else mf.PH
        c.setPageSize((wide, mf.PH if group[0].kind != "landscape-page" else mf.PW))
        for k, p in enumerate(group):
            p.pdf = n
            c.saveState()
            c.translate(k * mf.PW, 0)
            draw(p)
            c.restoreState()
        c.showPage()
    c.save()
    if case.sheet:
        return mf.on_press_sheets(buf.getvalue(), case.name, bleed=case.sheet), pages
    if case.downloads:
        return bound_downloads(case, buf.getvalue(), pages)
    if case.paper:
        return mf.on_larger_paper(buf.getvalue(), case.name, case.paper), pages
    return buf.getvalue(), pages


def bound_downloads(case: Case, pdf: bytes, pages: list[PageSpec]) -> tuple[bytes, list[PageSpec]]:
    """The issue as single-article downloads bound into one file: each article's pages in
    turn, whole, so a page where one run-on article ends and the next starts comes twice
    (CNKI serves an article with the pages it is printed on). Each copy belongs to its
    download's article only."""
    from pypdf import PdfReader, PdfWriter

    for p in pages:
        p.drawn = folio_drawn(case, p)
    spans = spans_of(pages, len(case.items))
    reader, writer = PdfReader(io.BytesIO(pdf)), PdfWriter()
    bound: list[PageSpec] = []
    for i, item in enumerate(case.items):
        if item.kind != "article":
            continue
        a, b = spans[i]
        for k in range(a, b + 1):
            writer.add_page(reader.pages[pages[k - 1].pdf - 1])
            bound.append(replace(pages[k - 1], owners={i}, starts=[i] if k == a else [], pdf=len(bound) + 1))
    return mf._finish(writer, case.name), bound


def folio_drawn(case: Case, p: PageSpec) -> bool:
    """Is an upright folio drawn on the page?"""
    if p.drawn is not None:
        return p.drawn
    return (p.kind in ("article", "landscape-page") and p.printed is not None and not p.bare
            and not (p.kind == "article" and first_page(case, p) and case.first_page == "none"))


def first_page(case: Case, p: PageSpec) -> bool:
    """Does the page print an article's first-page furniture (a masthead, no running head)?
    An article's first page in a one-column issue; in a two-column run-on issue only the
    issue's first page (the others carry the running head over the article ending above)."""
    if case.columns:
        return p.printed == case.first
    return bool(p.starts) and p.starts[0] == min(p.owners)


def truth_of(case: Case, pages: list[PageSpec]) -> dict:
    spans = spans_of(pages, len(case.items))
    arts = []
    for i, item in enumerate(case.items):
        if item.kind != "article":
            continue
        a, b = spans[i]
        art = item.art
        arts.append({"kind": "research-article", "title_zh": art.title,
                     "fpage": pages[a - 1].printed, "lpage": pages[b - 1].printed,
                     "pdf_pages": [pages[a - 1].pdf, pages[b - 1].pdf]})
    # each page: its number in the sequence, and whether an upright folio is drawn on it
    shown = []
    for p in pages:
        shown.append({"printed": p.printed, "folio": folio_drawn(case, p)})
    return {"source": f"tests/folio_cases/{case.name}/issue.pdf", "journal": {"title_zh": JOURNAL, "issn": None},
            "year": YEAR, "issue": ISSUE, "articles": arts, "pages": shown, "convention": case.convention,
            "uncertain": case.uncertain}


# =========================================================================================
# The cases
# =========================================================================================
ZHAO = mcc.Person("赵明华", "赵", "ZHAO Minghua", (1,))
SUN = mcc.Person("孙立平", "孙", "SUN Liping", (1,))
QIAN = mcc.Person("钱晓峰", "钱", "QIAN Xiaofeng", (1,))
TITLES = ["数字经济背景下区域创新网络的演化研究", "城市群协同发展中的产业转移与空间重构",
          "东北地区县域经济韧性的测度与影响因素", "高铁开通对沿线城市创新合作的影响",
          "老工业基地城市更新的路径选择", "长江经济带绿色发展效率的时空分异"]
TITLES_EN = ["The Evolution of Regional Innovation Networks in the Digital Economy",
             "Industrial Transfer and Spatial Restructuring in the Coordinated Development of City Clusters",
             "Measuring the Economic Resilience of Counties in Northeast China and Its Determinants",
             "The Effect of High-speed Rail on Innovation Cooperation between Cities",
             "Paths of Urban Renewal in Old Industrial Base Cities",
             "Spatial and Temporal Differences in the Green Development Efficiency of the Yangtze River Economic Belt"]
ENTRIES_PER_PAGE = 4


def art(k: int, paras: int = 3, title: int | None = None, **kw) -> mcc.Art:
    """The k-th article of an issue: a title of its own, one or two authors, `paras` paragraphs."""
    people = [[mcc.WANG, mcc.LI], [ZHAO], [SUN], [QIAN]][k % 4]
    affs = [mcc.AFF1, mcc.AFF2] if len(people) == 2 else [mcc.AFF1]
    refs = ["张华. 东北振兴的历史逻辑[J]. 经济纵横, 2019(5): 12-20.",
            "刘强. 区域经济学[M]. 北京: 人民出版社, 2018: 45."]
    return mcc.Art(TITLES[k % 4 if title is None else title], people, affs, "", [], paras=paras, refs=refs, **kw)


def issue(*arts: Item, cover: bool = False, toc: bool = False, advert_after: int | None = None,
          plate_after: int | None = None, english: bool = False) -> list[Item]:
    items: list[Item] = []
    if cover:
        items.append(Item("cover"))
    if toc:
        items.append(Item("toc"))
    for k, a in enumerate(arts):
        items.append(a)
        if advert_after == k:
            items.append(Item("advert"))
        if plate_after == k:
            items.append(Item("plate"))
    if english:
        items += english_section(sum(1 for a in arts if a.kind == "article"))
    return items


def english_section(articles: int) -> list[Item]:
    """The English abstracts closing an issue of that many articles: a page for every few."""
    return [Item("english") for _ in range(-(-articles // ENTRIES_PER_PAGE))]


def cases() -> list[Case]:
    out: list[Case] = []

    def add(name: str, convention: str, items: list[Item], **kw) -> None:
        out.append(Case(name, convention, items, **kw))

    three = [Item(art=art(0, 5)), Item(art=art(1, 3)), Item(art=art(2, 4))]
    add("issue_corner_head", "bare folio at the head's outer corner (even left, odd right); first pages print a "
        "masthead and no folio", issue(*three), folio="corner_head")
    add("issue_corner_foot", "bare folio at the foot's outer corner; first pages print none", issue(*three),
        folio="corner_foot")
    add("issue_head_cn_en", "folio inside the running head: ·36· 中国X学 2011年2月 第20卷 第2期 on even pages, "
        "Chin J X, Feb 2011, Vol.20, No.2 ·37· on odd ones; first pages' folio at the foot centre",
        issue(*three), folio="head_cn_en", first_page="foot", first=36)
    add("issue_head_en_cn", "the mirrored head: English half with its folio on even pages, Chinese on odd; "
        "first pages print no folio", issue(*three), folio="head_en_cn", first=37)
    add("issue_head_plain", "a bare number run into the Chinese head (36 中国X学 2011年2月 第20卷 第2期 / … 37), "
        "first pages print the same head", issue(*three), folio="head_plain", first_page="same", first=36)
    add("issue_volume_pages", "volume-continuous pagination (the issue opens at p.201): a cover and a 目录 "
        "without folios listing the start pages, folios at the head's outer corner",
        issue(*three, cover=True, toc=True), folio="corner_head", first=201)
    add("issue_toc_roman", "a 目录 with a roman folio (I) before the issue's p.1; an advert page without folio "
        "between two articles, counted in the numbering", issue(*three, toc=True, advert_after=1),
        folio="corner_head", toc_folio="roman")
    add("issue_run_on", "run-on issue: each article starts on the page where the previous one ends; folios in "
        "the Chinese/English running head, first pages' folio at the foot",
        issue(Item(art=art(0, 3)), Item(art=art(1, 3), run_on=True), Item(art=art(2, 2), run_on=True)),
        folio="head_cn_en", first_page="foot", first=121)
    add("issue_foot_dash", "folio only in the foot as — 37 —; the head prints year, volume and issue numbers",
        issue(*three), folio="foot_dash", first=35)
    add("issue_foot_di", "folio only in the foot as 第37页", issue(*three), folio="foot_di", first=35)
    add("issue_digit_runs", "each digit of the folio drawn as its own text object, in the head's outer corner",
        issue(*three), folio="corner_head", digits="runs", first=118)
    add("issue_spaced_digits", "letter-spaced folios (1 1 8) in the Chinese/English running head",
        issue(*three), folio="head_cn_en", digits="spaced", first=118)
    add("issue_spreads", "a whole issue exported as reader spreads (facing pages side by side, the even one "
        "left; p.1 alone), folios inside the Chinese/English running head",
        issue(Item(art=art(0, 7)), *three[1:]), folio="head_cn_en",
        spreads=True, first=1)
    add("issue_landscape_page", "a landscape PDF page (the table and its folio ·57· upright) between portrait "
        "pages of one article", issue(Item(art=art(0, 3), landscape="page"), Item(art=art(1, 2)), Item(art=art(2, 2))),
        folio="corner_head", first=55)
    add("issue_landscape", "landscape table pages: one with its folio rotated with the table, one with none",
        issue(Item(art=art(0, 3), landscape="rotated"), Item(art=art(1, 2), landscape="none"), Item(art=art(2, 2))),
        folio="corner_head", first=55)
    add("issue_article_no_bare", "an article whose pages print no folio; its 文章编号 gives the first page and "
        "page count", issue(Item(art=art(0, 3)), Item(art=art(1, 3), article_no=True, bare=True), Item(art=art(2, 2))),
        folio="corner_head", first=61)
    add("issue_bar_dash", "folio between horizontal bars in the foot (― 37 ―, U+2015: GB 2312's dash as some "
        "fonts map it)", issue(*three), folio="foot_dash", dot="―", first=35)
    add("issue_bullet_dots", "folio between bullet operators in the running head (∙36∙ 中国X学 …)", issue(*three),
        folio="head_cn_en", dot="∙", first=36)
    add("issue_outlined_folios", "folios converted to outlines in prepress (转曲): drawn as curves at the head's "
        "outer corner, so the text layer has none; first pages print none", issue(*three), folio="corner_head",
        digits="outline", first=36)
    add("issue_outlined_head", "outlined folios (转曲) at the outer end of the Chinese/English running head "
        "whose text stays text (·36· …); first pages' outlined folio at the foot centre", issue(*three),
        folio="head_cn_en", first_page="foot", digits="outline", first=118)
    add("issue_outlined_sheet", "outlined folios (转曲) at the foot's outer corner of pages sent to print: each "
        "page on a sheet 60 pt larger all round with crop marks and a slug line, the TrimBox the finished page",
        issue(*three[:2]), folio="corner_foot", digits="outline", sheet=60.0, first=201)
    add("issue_outlined_on_a4", "outlined folios (转曲) at the outer end of the Chinese/English running head, the "
        "16开 issue exported onto A4 paper (each page centred, no TrimBox): only the running heads' text says "
        "where the page lies", issue(*three[:2]), folio="head_cn_en", first_page="foot", digits="outline",
        first=118, paper=mcc.A4_PAPER)
    add("issue_bound_downloads", "articles downloaded one by one from different issues of the journal and bound "
        "into one file: each prints its own page numbers (p.36, then p.121, then p.57), folios in the Chinese/"
        "English running head, first pages' folio at the foot",
        issue(three[0], replace(three[1], numbered_from=121), replace(three[2], numbered_from=57)),
        folio="head_cn_en", first_page="foot", first=36)
    add("issue_bound_run_on", "a run-on issue bound from its single-article downloads: each download holds the "
        "article's whole pages, so the page where one article ends and the next starts comes twice; folios in "
        "the Chinese/English running head, first pages' folio at the foot",
        issue(Item(art=art(0, 3)), Item(art=art(1, 3), run_on=True), Item(art=art(2, 2), run_on=True)),
        folio="head_cn_en", first_page="foot", first=121, downloads=True)
    add("issue_uncounted_plate", "a colour plate (彩色插页) bound in between two articles, outside the numbering "
        "and without folio: the pages after it are numbered on from the page before it",
        issue(*three, plate_after=0), folio="corner_head", first=36)
    # ---- conventions in combination (found by bench/combos.py --issues drawing them at random)
    add("combo_plate_before_any_folio", "a 目录 listing first pages, a one-page article and then a colour plate "
        "(彩色插页) before any page prints a folio: the 目录 names the article's page, the plate is no article",
        issue(Item(art=art(0, 1), article_no=True), Item(art=art(1, 4)), Item(art=art(2, 3)), toc=True, plate_after=0),
        folio="head_en_cn", first=1276, toc_style="first")
    add("combo_plate_before_last", "a colour plate (彩色插页) bound in before the issue's last article, a "
        "one-page piece: nothing after the plate prints a folio, its numbers go on past the plate",
        issue(Item(art=art(0, 6)), Item(art=art(1, 2)), Item(art=art(2, 1)), plate_after=1),
        folio="head_cn_en", first=201)
    add("combo_labels_only", "one-page articles whose first pages print no folio and a plate: no page prints a "
        "number, the PDF's page labels count its pages 1…N (an exporter's default)",
        issue(Item(art=art(0, 2)), Item(art=art(1, 1)), Item(art=art(2, 2)), Item(art=art(3, 1)), cover=True,
              plate_after=1),
        folio="corner_foot", first=121, page_labels=True, uncertain=["fpage", "lpage"])
    add("combo_columns_header_over_page", "two columns, run on: an article starting at the foot of a page has "
        "its header (and 文章编号) run over onto the next page, above the next article's start",
        issue(Item(art=art(0, 3)), Item(art=art(1, 4), run_on=True, article_no=True), Item(art=art(2, 6), run_on=True),
              Item(art=art(3, 1), run_on=True)),
        folio="head_en_cn", first=1276, columns=True)
    add("combo_columns_last_low_left", "two columns, run on: the last article opens low in the left column and "
        "ends (references and all) at the top of the right one",
        issue(Item(art=art(0, 4)), Item(art=art(1, 1), run_on=True), Item(art=art(2, 8), run_on=True),
              Item(art=art(3, 2), run_on=True, article_no=True), cover=True),
        folio="head_en_cn", first_page="foot", first=35, columns=True)
    add("issue_bold_folio", "a bold display folio (12 pt) run into the running head's text, no gap between them",
        issue(*three), folio="head_cn_en", folio_size=12.0, tight=True, first=36)
    add("issue_large_head", "a running head set larger than the text (12 pt over 10.5 pt: 五号 heads over 小五 "
        "text), its folio run into it: ·36·中国X学…", issue(Item(art=art(0, 7)), *three[1:]), folio="head_cn_en", head_size=12.0,
        folio_size=12.0, tight=True, first=36)
    add("issue_large_plain_head", "a running head set larger than the text (12 pt over 10.5 pt) with a bare "
        "folio beside it (36　中国X学 2011年2月 … / … 第2期　37), first pages printing the same head",
        issue(Item(art=art(0, 7)), *three[1:]), folio="head_plain", head_size=12.0, folio_size=12.0,
        first_page="same", first=36)
    add("issue_foot_running_line", "the journal, year, volume and issue printed at the foot with the folio at its "
        "outer end (… 第2期　37), nothing in the head", issue(*three), folio="foot_plain", first=36)
    add("issue_tight_head", "the running head's text set right against its folio (No.2·37· / ·36·中国X学)",
        issue(*three), folio="head_en_cn", tight=True, first=36)
    add("issue_spaced_tight", "letter-spaced folios run into the running head (No.2· 3 7 ·)",
        issue(*three), folio="head_cn_en", digits="spaced", tight=True, first=36)
    add("issue_plain_spaced", "letter-spaced bare folios (3 6) at the outer end of the Chinese running head",
        issue(*three), folio="head_plain", digits="spaced", first_page="same", first=36)
    medical = [Item(art=art(0, 4, column="·论著·")), Item(art=art(1, 3, column="·论著·")),
               Item(art=art(2, 2, column="·综述·")),
               Item(art=replace(art(3, 2, column="·个案报道·"), labelled=False)),
               Item(art=art(0, 3, column="·临床研究·", title=4)), Item(art=art(1, 2, column="·经验交流·", title=5))]
    add("issue_medical_whole", "a whole issue as medical journals set it: cover and 目录 (start pages) outside "
        "the numbering, A4 in two columns, six run-on articles under column labels (·论著· …) one of them a "
        "case report without 摘要, folio inside the Chinese/English running head, a 征稿启事 at the end "
        "without folio; volume pagination from p.201",
        issue(*medical, cover=True, toc=True) + [Item("advert")], folio="head_cn_en", columns=True, first=201)
    lengths = [Item(art=art(1, 3, column="·论著·")), Item(art=art(2, 5, column="·论著·")),
               Item(art=replace(art(3, 1, column="·个案报道·"), labelled=False)),
               Item(art=art(0, 2, column="·综述·", title=4)), Item(art=art(1, 6, column="·临床研究·", title=5)),
               Item(art=replace(art(2, 1, column="·短篇报道·", title=3), labelled=False))]
    add("issue_medical_lengths", "the medical issue again with other article lengths (heads at column tops and "
        "feet, short pieces without 摘要), the mirrored running head, bold 12 pt folios, numbered from p.27",
        issue(*lengths, cover=True, toc=True), folio="head_en_cn", folio_size=12.0, columns=True, first=27)
    heads = [Item(art=art(0, 4, column="·论著·")), Item(art=art(1, 2, column="·论著·")),
             Item(art=art(2, 3, column="·临床研究·")),
             Item(art=replace(art(3, 1, column="·个案报道·"), labelled=False)),
             Item(art=art(0, 5, column="·综述·", title=4)), Item(art=art(1, 2, column="·经验交流·", title=5))]
    add("issue_full_width_heads", "two columns with each article's head set across both columns mid-page, "
        "under the balanced last columns of the article before; （收稿日期） closing each article; folio in the "
        "running head; cover and 目录 before p.1", issue(*heads, cover=True, toc=True), folio="head_cn_en",
        columns=True, full_heads=True, first=1)
    add("issue_full_width_heads_foot", "the same layout with bare folios at the foot's outer corner, from p.83",
        issue(*heads[2:], *heads[:2]), folio="corner_foot", columns=True, full_heads=True, first=83)
    add("issue_toc_under", "a 目录 whose column names (·论著·) head their entries and whose authors and start "
        "page sit on the line under each title; the medical issue's layout", issue(*medical, cover=True, toc=True),
        folio="corner_head", columns=True, first=11, toc_style="under")
    add("issue_toc_page_first", "a 目录 printing each start page before the title (27　题名　作者)",
        issue(*heads, toc=True), folio="head_en_cn", columns=True, full_heads=True, first=27, toc_style="first")
    add("issue_two_column_run_on", "A4 in two columns, every article run on from where the one before ends "
        "(medical journals' habit); folio inside the Chinese/English running head; the issue's first page "
        "prints a masthead", issue(Item(art=art(0, 4)), Item(art=art(1, 3)), Item(art=art(2, 3)), Item(art=art(3, 3))),
        folio="head_cn_en", columns=True, first=27)
    bare = [Item(art=art(k, 5, title=k), article_no=True, bare=True) for k in range(3)]
    add("issue_article_no_only", "no page prints a folio (the heads carry no number); every article prints its "
        "文章编号 with its first page and page count; volume pagination from p.201 after a cover",
        issue(*bare, cover=True), folio="corner_head", first=201)
    add("issue_article_no_labels", "as issue_article_no_only, and the PDF labels its pages 1…N from the cover "
        "(an exporter's default page labels, no printed numbers): the 文章编号 are the printed evidence",
        issue(*bare, cover=True), folio="corner_head", first=201, page_labels=True)
    unnumbered = [Item(art=art(k, 4, title=k), bare=True) for k in range(3)]
    add("issue_toc_only", "no page prints a folio and no article a 文章编号: the 目录's start pages number the "
        "issue (volume pagination from p.121)", issue(*unnumbered, cover=True, toc=True), folio="corner_head",
        first=121)
    add("issue_nothing_printed", "no folio, no 文章编号, no 目录: the printed pages cannot be known (flag them)",
        issue(*unnumbered), folio="corner_head", first=121, uncertain=["fpage", "lpage"])
    # single-article files (a download of one article)
    add("single_head_cn_en", "one article, folio inside the running head (Chinese even, English odd), first page "
        "without folio", [Item(art=art(1, 7))], folio="head_cn_en", first=36)
    add("single_head_en_cn", "one article, the mirrored running head, the first page's folio at the foot",
        [Item(art=art(2, 7))], folio="head_en_cn", first_page="foot", first=37)
    add("single_foot_dash", "one article, folios — 37 — in the foot only", [Item(art=art(0, 7))],
        folio="foot_dash", first=37)
    add("single_digit_runs", "one article, each folio digit its own text object, folios in the head's corner",
        [Item(art=art(3, 7))], folio="corner_head", digits="runs", first=209)
    add("single_article_no", "one article printing no folio at all; its 文章编号 gives p.36 and its page count",
        [Item(art=art(1, 7), article_no=True, bare=True)], folio="corner_head", first=36)
    add("single_spaced_foot", "one article, letter-spaced folios at the foot's outer corner", [Item(art=art(2, 7))],
        folio="corner_foot", digits="spaced", first=142)
    add("single_on_a4_head", "one article of a 16开 journal exported onto A4 paper, each page centred on it and "
        "no TrimBox: its folios, in the running head and at the first page's foot, lie further in than the "
        "margin share of the A4 page", [Item(art=art(2, 7))], folio="head_en_cn", first_page="foot", first=37,
        paper=mcc.A4_PAPER)
    add("single_on_a4_foot", "one article of a 16开 journal exported onto A4 paper (no TrimBox), folios — 37 — "
        "in the foot only", [Item(art=art(0, 7))], folio="foot_dash", first=37, paper=mcc.A4_PAPER)
    add("combo_english_section_folio", "the issue-end English abstracts (NAME Given / page): on a run-on issue "
        "whose first pages print no folio and whose other page is a landscape table, the English page's folio is "
        "the only one read, and it agrees with an article's 文章编号",
        issue(Item(art=art(0, 2), landscape="none"), Item(art=art(1, 2), run_on=True, article_no=True),
              Item(art=art(2, 1), run_on=True), english=True),
        folio="head_en_cn", first_page="none", first=201, digits="runs", toc_style="first")
    add("combo_spreads_landscape_half", "reader spreads of a run-on issue: one half of a spread is a landscape "
        "table set sideways (no upright text), the article's page, not a blank one",
        issue(Item(art=art(0, 3), article_no=True), Item(art=art(1, 8), run_on=True),
              Item(art=art(2, 3), run_on=True), Item(art=art(3, 3), run_on=True, article_no=True),
              Item(art=art(4, 6, title=4), run_on=True, landscape="none"), Item(art=art(5, 1, title=5), run_on=True)),
        folio="foot_dash", first_page="foot", first=1, spreads=True)
    add("combo_downloads_one_page_shared", "single-article downloads bound into one file, an advert between the "
        "first two articles not bound: a one-page article shares its page with the next one's start, so that "
        "page comes twice (the next download's copy opens with the one-page article again); the first article's "
        "folio, set alone at its foot, is one page of its own",
        issue(Item(art=art(0, 1)), Item(art=art(1, 4), run_on=True), Item(art=art(2, 8), run_on=True),
              Item(art=art(3, 1), run_on=True), Item(art=art(4, 2, title=4), run_on=True),
              advert_after=0),
        folio="head_cn_en", first_page="foot", first=121, downloads=True)
    add("combo_downloads_copies_numbered_once", "single-article downloads of a two-column run-on issue bound into "
        "one file, first pages printing no folio: one printed page holds an article's end and two starts, so it "
        "comes three times; the j-th copy is the page's j-th article's, and the copies are one printed page, "
        "numbered once",
        issue(Item(art=art(0, 4)), Item(art=art(1, 4), run_on=True), Item(art=art(2, 1), run_on=True),
              Item(art=art(3, 6), run_on=True)),
        folio="head_en_cn", first_page="none", first=121, columns=True, downloads=True)
    add("combo_bound_in_after_unnumbered_starts", "a run-on issue whose last article was printed elsewhere and bound "
        "in with its own numbers (57…): the short articles before it print no folio on their one page, so the "
        "numbers start again at the last start before the bound-in article's numbered pages, not at the first",
        issue(Item(art=art(0, 8)), Item(art=art(1, 8), run_on=True), Item(art=art(2, 2), run_on=True),
              Item(art=art(3, 2), run_on=True, article_no=True), Item(art=art(4, 1), run_on=True, article_no=True),
              Item(art=art(5, 6, title=5), numbered_from=57), cover=True, toc=True),
        folio="corner_head", first_page="none", first=121, toc_folio="roman", head_size=10.5)
    add("combo_spreads_no_facing_folios", "reader spreads whose first pages print no folio: the 目录 faces the first "
        "article's first page, and no spread prints two facing folios; the cover and a page with no facing page "
        "are exported alone at the printed page's size, half the spreads' width",
        issue(Item(art=art(0, 3)), Item(art=art(1, 1), article_no=True), Item(art=art(2, 2)), Item(art=art(3, 4)),
              cover=True, toc=True),
        folio="foot_dash", first_page="none", first=1276, toc_style="right", spreads=True)
    # ---- session 15: the probe's third layer
    short = dict(labelled=False)  # (a piece that prints no 摘要, 关键词 or codes: an editorial, a book review)
    add("combo_columns_short_piece_after_tail", "reader spreads of a two-column run-on issue: a short piece with no "
        "摘要 (title and byline only) opens a page under the earlier article's last reference, alone at the top of "
        "the column: that page is the earlier article's too",
        issue(Item(art=art(0, 3)), Item(art=art(1, 6), run_on=True), Item(art=art(2, 1), run_on=True),
              Item(art=art(3, 6), run_on=True, landscape="none"), Item(art=replace(art(0, 2, title=0), **short), run_on=True),
              Item(art=art(1, 1), run_on=True), Item(art=replace(art(2, 3), **short), run_on=True), cover=True, toc=True),
        folio="corner_head", first_page="foot", first=35, digits="spaced", dot="•", columns=True, spreads=True,
        toc_style="under")
    return out


def main(argv: list[str] | None = None) -> int:
    return mcc.generate(argv, __doc__, OUT, cases(), render, truth_of,
                        lambda truth, _pages: str([(a["fpage"], a["lpage"], a["pdf_pages"]) for a in truth["articles"]]))


if __name__ == "__main__":
    sys.exit(main())
