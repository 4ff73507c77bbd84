"""Per-page layout facts: printed page number, running heads, body lines, page kind.

Everything here is evidence for splitting; nothing decides where an article starts.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from parsers.citations import CIRCLED_MARKS, SELF_CITE_LABEL
from parsers.coversheet import cover_sheet_of, is_platform_stamp
from parsers.header import size_slack
from parsers.labels import LABEL_CLOSE, LABEL_OPEN, find_labels, is_section_heading, type_of_heading
from parsers.sidebar import split_side_box, unmerge_info_column
from parsers.normalize import latin_share
from parsers.toc import TOC_HEAD, parse_toc, similar

if TYPE_CHECKING:  # pragma: no cover
    from parsers.labels import LabelHit
    from parsers.textlayer import Line, PageText

# characters drawn rotated that make a page with no upright text a sideways table's page
SIDEWAYS_PAGE = 200
# share of the page height at top and bottom where running heads and folios live
EDGE = 0.085
# (alone, between dashes or dots, or with the page's letter or brackets: P.27 / Page 27 / [27])
# the marks a folio is set between (GB/T 3179-2009 leaves the form to the journal: ·27·, — 27 —,
# －27－): middle dots and bullets as CJK and Latin fonts encode them (· ・ • ∙ ⋅ ‧), and dashes
# and bars (a GB 2312 font maps its dash to U+2015 ―, some to the box-drawing ─)
_MARKS = "\\-—–·•・－‐‒―─∙⋅‧"
_FOLIO_ALONE = re.compile(rf"^(?:[{_MARKS}\s]*|\s*(?:[Pp]\.?\s*|[Pp]age\s+|[\[［【]\s*))(\d{{1,4}})"
                          rf"(?:[{_MARKS}\s]*|\s*[\]］】]\s*)$")
# a folio run into the running head, before or after it, with or without a space between
# (27 中国性科学 2011年2月 / 27中国性科学… / …第2期 29)
_FOLIO_START = re.compile(r"^(\d{1,4})(?:\s+\S|(?=[\u4e00-\u9fff]))")
_FOLIO_END = re.compile(r"(?:\S\s+|[\u4e00-\u9fff])(\d{1,4})$")
# the number of a running head's year, volume, issue or series, not its folio: 2011年 / 20卷 /
# 2期 / 第2 (期 cut off) / Vol. 20 / No. 2 / Issue 2
# (and a count or a caption: 21世纪 / 3例 / 图3 / Table 2)
_HEAD_NUMBER_AFTER = re.compile(r"^\s*(?:[年月日卷期辑号页册个例名种项家条次岁届]|世纪)")
# (or a month after its year: "2023. 10", "2023-10", as CIP data and dates print them)
_HEAD_NUMBER_BEFORE = re.compile(r"(?:第|图|表|\b(?:Vol|Volume|No|Nr|Issue|Iss|Fig|Figure|Table)\.?|\b(?:19|20)\d\d\s*[.．/-])\s*$", re.I)
# a margin line that is nothing but the folio: 27 / ·27· / — 27 — / 第27页
_ALONE_LINE = re.compile(rf"^\s*(?:[{_MARKS}\s]*\d{{1,4}}[{_MARKS}'‘’\s]*|第\s*\d{{1,4}}\s*页)\s*$")
_FOLIO_CJK_PAGE = re.compile(r"第\s*(\d{1,4})\s*页")  # "第 27 页": page 27
# a magazine's jump reference where an article breaks off and resumes on a later page:
# （下转第16页） at a column's foot, （上接第12页） over the column where it goes on
_JUMP_TO = re.compile(r"[（(［\[]\s*(?:下\s*)?转\s*(?:第\s*)?(\d{1,4})\s*页")
_JUMP_FROM = re.compile(r"[（(［\[]\s*(?:上\s*)?接\s*(?:第\s*)?(\d{1,4})\s*页")
_JUMP_REF = re.compile(r"[（(［\[]?\s*(?:[上下]\s*)?[转接续见]\s*(?:第\s*)?\d{1,4}\s*页\s*[)）］\]]?")
_FOLIO_PAGE_OF = re.compile(r"\bPage\s+(\d{1,4})\s+of\s+\d{1,4}\b", re.I)  # "Page 2 of 15": page 2
_URL_OR_DOI = re.compile(r"(?:https?://|www\.|doi:\s*)\S*|\b10\.\d{4,9}/\S+", re.I)
_FOLIO_DOTS = re.compile(rf"(?<![0-9A-Za-z.])[{_MARKS}]\s*(\d{{1,4}})\s*[{_MARKS}'‘’`´](?![0-9A-Za-z])")  # ·27· (an OCR layer may read the closing dot as a quote)
# ·27· at the very start or end of a running head, set right against its words (Founder sets
# the folio and the 书眉 as one run: "…Vol.20, No.2·37·" / "·36·Chin J …"): the head's own
# letters and digits touch the marks, which the pattern above refuses mid-line
_FOLIO_DOTS_EDGE = re.compile(rf"^\s*[·•・∙⋅‧]\s*(\d{{1,4}})\s*[·•・∙⋅‧]|[·•・∙⋅‧]\s*(\d{{1,4}})\s*[·•・∙⋅‧]\s*$")
# a letter-spaced folio (1 2 7: each digit placed on its own with a gap the text layer reads as
# a space, as letter-spacing journals and some exporters set them), alone, between its marks or
# run into the running head (3 6 中国X学… / …第2期 3 7): two to four single digits, one space
# apart, touching no other letter or digit
_SPACED_DIGITS = re.compile(r"(?<![0-9A-Za-z.])(\d(?:[ \u3000]\d){1,3})(?![0-9A-Za-z.])")
_ENGLISH_BYLINE = re.compile(r"^[A-Z][A-Za-z'’\-]+(?: [A-Z][A-Za-z'’\-]*)*(?:[,，、;] ?[A-Z][A-Za-z'’\-]+(?: [A-Z][A-Za-z'’\-]*)*)* ?/ ?(\d{1,4})$")
_ONLINE_FIRST = re.compile(r"网络首发")
_ENGLISH_SECTION_HEAD = re.compile(r"^(?:本期)?英\s*文\s*摘\s*要$|^(?:English\s+)?Abstracts(?:\s+of\s+(?:the\s+)?(?:Main\s+)?(?:Articles|Papers)(?:\s+in\s+This\s+Issue)?)?$", re.I)
# a masthead box above a first page's title (第45卷 第2期 / Vol.45 No.2 / 2023年3月 / ISSN): not another article's text
_MASTHEAD_FURNITURE = re.compile(r"^\s*第\s*\d+\s*[卷期]|\bVol\.?\s*\d|\bNo\.?\s*\d|ISSN|\bCN\s*\d{2}\s*-|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月|^\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s*(?:19|20)\d\d", re.I)
_ADVERT = re.compile(r"广告|征稿|启事|征订|订阅|稿约|投稿须知|欢迎订阅")
# what a journal's own notices are called (本刊声明, 敬告读者, 更正, 会议通知, 简讯): set in the
# space under an article's end, in type as large as a title, they are no article
_NOTICE = re.compile(r"声明|告读者|告作者|敬告|更正|勘误|通知|通告|公告|简讯|征文|鸣谢|招聘|招生")
# a full-text database's record page appended to a download (文献链接 pages): its record
# fields — 刊名, 英文刊名, 年，卷(期), 参考文献(5条), 本文读者也读过, 本文链接 — never open an article
_DATABASE_FIELD = re.compile(r"^\s*(?:刊\s*名|英文刊名|年\s*[，,]\s*卷\s*[（(]\s*期\s*[)）]|本文链接|文献链接|引用本文"
                             r"|(?:参考|引证|相似)文献\s*[（(]\s*\d+\s*条|本文读者也读过|被引用次数)\s*[:：(（]?")
# the fields of a journal's masthead (版权页), as the 期刊出版管理规定 requires it to print them
_MASTHEAD_FIELD = re.compile(r"主\s*管(?=\s*[:：单])|主\s*办(?=\s*[:：单])|出版单位|编辑出版|国内发行|国外发行|邮发代号|定\s*价(?=\s*[:：])"
                             r"|国内统一连续出版物号|国际标准连续出版物号|广告(?:经营)?许可证|印\s*刷(?=\s*[:：])|发\s*行(?=\s*[:：])")
_URL = re.compile(r"https?://|www\.", re.I)
# a column name printed between middle dots above a title (·综述·, ·案例报道·): not the title
COLUMN_LABEL = re.compile(r"^\s*[·•・]\s*[\u4e00-\u9fff]{2,8}\s*[·•・]\s*$")
# the lines that close an article in a run-on layout: （收稿日期：…）, （本文编辑：…）, （责任编辑：…）
# (with its colon, or in brackets as labels are printed: ［收稿日期］2023-03-15, 【责任编辑】; the
# editor's name may follow a space instead: （责任编辑　王红）)
CLOSING = re.compile(rf"^\s*[（({LABEL_OPEN}]?\s*(?:收稿日期|收稿|本文编辑|责任编辑|编辑)\s*(?:[:：]|[{LABEL_CLOSE}])"
                     rf"|^\s*[（({LABEL_OPEN}]\s*(?:本文|责任)编辑[\s\u3000]+\S")
# (and the endnotes' heading, 注释： or 注释与参考文献: a social-science article's notes gathered at its end)
REFERENCES_HEAD = re.compile(r"^[【\[［]?\s*(?:参\s*考\s*文\s*献(?:\s*与\s*注\s*释)?|注\s*释(?:\s*与\s*参\s*考\s*文\s*献)?)"
                             r"\s*[】\]］]?\s*[:：]?$|^References?$", re.I)
ARTICLE_LABELS = {"abstract_zh", "keywords_zh", "clc", "doc_code", "doi", "article_no", "abstract_en", "keywords_en", "bio", "funding", "received"}


@dataclass
class LaterStart:
    """Another article that starts lower on a page which already carries one start: two
    short pieces on one page, or a whole short piece between one article's tail and the
    next one's head (run-on journals set a 书评, 短文 or 编者按 wherever the last one ended)."""
    y: float                         # top of its block: its title, or labelled lines right above it
    title_lines: list["Line"] = field(default_factory=list)


@dataclass
class PageInfo:
    number: int                      # physical, 1-based
    label: str | None = None         # the PDF's page label ("iv", "12"), when it has them
    printed: int | None = None       # printed page number when found or inferred
    printed_seen: bool = False       # True when printed on the page, False when inferred
    folios: list[int] = field(default_factory=list)  # every page number read in the margins, likeliest first
    folio_alone: bool = False        # a margin line is the folio alone (27 / ·27· / 第27页), no head run on
    from_label: bool = False         # `printed` taken from the PDF's page label, no folio read
    from_article_no: bool = False    # `printed` counted from the 文章编号s' first pages, no folio read
    kind: str = "content"            # cover|toc|blank|advert|insert|english|online-first|start|content
    body: list["Line"] = field(default_factory=list)
    heads: list["Line"] = field(default_factory=list)
    title_lines: list["Line"] = field(default_factory=list)
    labels: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)
    part_type: str | None = None     # "editorial" when a heading such as "Preface" opens the page
    start_y: float | None = None     # where the article starts when another one's text ends above it
    later_starts: list[LaterStart] = field(default_factory=list)  # further starts below the page's first, in order
    notice_y: float | None = None    # a notice (稿约, 征稿启事, 本刊声明) set under the article's end starts here


def body_size(pages: list["PageText"]) -> float:
    """The body text size: the size carrying most characters on most pages.

    Voting per page keeps a long small-type reference list from outvoting the text. On a
    page the vote goes to the largest size that carries at least a quarter of its
    characters: running text is set larger than the abstract, the notes and the references
    (the typesetting habit of the genre: 五号 text, 小五 abstracts and notes), so a short
    article's first page, mostly front matter and footnotes, still votes for its text. A
    tie goes to the tied size that carries most characters in the whole file.
    """
    return text_size([page.lines for page in pages])


def text_size(pages: list[list["Line"]]) -> float:
    """body_size over pages given as their lines (an article's own part of its pages)."""
    votes: Counter[float] = Counter()
    chars: Counter[float] = Counter()
    for lines in pages:
        sizes: Counter[float] = Counter()
        for line in lines:
            key = round(line.size * 2) / 2
            sizes[key] += len(line.text)
        if sizes:
            total = sum(sizes.values())
            votes[max(k for k, n in sizes.items() if n * 4 >= total or n == max(sizes.values()))] += 1
        chars.update(sizes)
    if not votes:
        return 10.0
    top = max(votes.values())
    return max((s for s, v in votes.items() if v == top), key=lambda s: chars[s])


def _folio(line: "Line") -> int | None:
    """The page number a margin line prints, if any (see folio_reading)."""
    found = folio_reading(line.text)
    return found[0] if found else None


@lru_cache(maxsize=4096)  # (a margin line is read by the band, the split and the folio votes: once)
def folio_reading(text: str) -> tuple[int, bool] | None:
    """(page number, printed alone) read from a margin line: alone or between dashes or dots
    (27 / ·27· / — 27 — / 第27页, strong), or run into a running head at its start or end
    (27 中国性科学…, weak). A running head's year, volume and issue (2011年 / 第20卷 / Vol. 20 /
    No. 2) and a jump reference (下转第16页) are no folio."""
    # digits inside a DOI or URL ("s41598-021-85454-5") are no page number
    text = unspaced(_JUMP_REF.sub(" ", _URL_OR_DOI.sub(" ", text)).strip())
    for rx in (_FOLIO_CJK_PAGE, _FOLIO_PAGE_OF, _FOLIO_ALONE, _FOLIO_DOTS, _FOLIO_DOTS_EDGE, _FOLIO_START, _FOLIO_END):
        m = rx.search(text)
        if not m:
            continue
        if rx is _FOLIO_DOTS_EDGE and m.group(1) is None:
            n = int(m.group(2))
            if not 0 < n < 5000 or 1900 <= n <= 2100:
                continue
            return n, True
        n = int(m.group(1))
        if not 0 < n < 5000 or (1900 <= n <= 2100 and rx is not _FOLIO_ALONE):
            continue
        if rx in (_FOLIO_START, _FOLIO_END) and (_HEAD_NUMBER_AFTER.match(text[m.end(1):])
                                                 or _HEAD_NUMBER_BEFORE.search(text[:m.start(1)])):
            continue
        return n, rx not in (_FOLIO_START, _FOLIO_END)
    return None


def unspaced(text: str) -> str:
    """A margin line with a letter-spaced folio closed up ("· 1 2 7 ·" -> "·127·", "1 2 7" ->
    "127"): journals that space out their folios, and exporters that place each digit on its
    own, give the text layer one digit per word; read as words, "1 2 7" would be page 1."""
    return _SPACED_DIGITS.sub(lambda m: re.sub(r"\s", "", m.group(1)), text)


def alone_line(text: str) -> bool:
    """Is a margin line nothing but the folio (27 / ·27· / — 27 — / 第27页 / 1 2 7)?"""
    return _ALONE_LINE.match(unspaced(text)) is not None


def _folio_alone(text: str, line: "Line", size: float) -> bool:
    """A page number printed alone in the margin, in type up to 1.4× the text (a journal
    with small body type sets its folios larger), or a running head that carries one in
    type up to 1.25× the text (a 五号 head and folio over 小五 text: ·36· 中国X学 2011年…), the
    folio set off by its marks (a bare number run into larger type may be a title's or a
    masthead's)."""
    if line.size <= size * 1.4 and _FOLIO_ALONE.match(unspaced(text)) is not None:
        return True
    return line.size <= size * 1.25 and (reading := folio_reading(text)) is not None and reading[1]


def prints_folio(info: "PageInfo") -> bool:
    """Does the page print its page number (not one taken from the PDF's page labels)?"""
    return any(_folio(h) is not None for h in info.heads)


def _gap(page: "PageText", line: "Line", below: bool) -> float:
    """Vertical distance to the nearest other line above (or below) `line`."""
    ys = [ln.y for ln in page.lines if (ln.y > line.y + 0.5 if below else ln.y < line.y - 0.5)]
    if not ys:
        return page.height
    return (min(ys) - line.y) if below else (line.y - max(ys))


def _pitch(page: "PageText", size: float) -> float:
    """The page's usual baseline-to-baseline distance in body type (0 when unknown): from
    each line to the next one under it in its column (two columns need not share baselines:
    across them the distance would be some fraction of the leading)."""
    lines = sorted((ln for ln in page.lines if abs(ln.size - size) <= 0.6), key=lambda ln: ln.y)
    gaps = []
    for k, ln in enumerate(lines):
        under = next((o for o in lines[k + 1:k + 8] if o.y > ln.y + 0.5 and o.x0 < ln.x1 and ln.x0 < o.x1), None)
        if under is not None and under.y - ln.y < 3 * size:
            gaps.append(under.y - ln.y)
    gaps.sort()
    return gaps[len(gaps) // 2] if gaps else 0.0


def _apart(gap: float, line: "Line", pitch: float, leadings: float = 1.35) -> bool:
    """A gap wider than the text's own leading: what sets a running head or foot apart."""
    return gap > line.size * 1.3 and (not pitch or gap > pitch * leadings)


_LABEL_BRACKETS = frozenset(LABEL_OPEN.replace("\\", ""))
_NOTE_OPENS = re.compile(rf"[*∗†‡§¶※{CIRCLED_MARKS}]")


def _under_a_title(page: "PageText", line: "Line", size: float, recurring: frozenset[float]) -> bool:
    """Is a line set in display type (over 1.25x the text's) above this one, that is no
    running head recurring at its height?"""
    return any(ln.y < line.y - 0.5 * line.size and ln.size > size * 1.25 and ln.text.strip()
               and not any(abs(ln.y - y) <= 1.5 for y in recurring) for ln in page.lines)


def head_band(pages: list["PageText"], size: float) -> tuple[float | None, float | None]:
    """(lowest y of the running heads, highest y of the running feet) when a document sets
    them further in than the fixed margin share (a book-size trim on a large media box,
    wide margins): a running head or foot sits at the same y on most pages, in type no
    larger than the text, set apart from it (a folio alone needs no gap). None where the
    fixed margin already holds them or no such line recurs."""
    tops: list[tuple[float, bool, float]] = []  # (y, carries a folio, type size)
    bottoms: list[tuple[float, bool, float]] = []
    used = 0
    for page in pages:
        lines = sorted((ln for ln in page.lines if ln.text.strip()), key=lambda ln: ln.y)
        if len(lines) < 5:
            continue
        used += 1
        pitch = _pitch(page, size)
        first, last = lines[0], lines[-1]
        # (the pieces of one printed row — a head and its folio — sit within half a line)
        nxt = next((ln for ln in lines if ln.y > first.y + first.size * 0.6), None)
        prv = next((ln for ln in reversed(lines) if ln.y < last.y - last.size * 0.6), None)
        if (first.size <= size * 1.05 or _folio_alone(first.text, first, size)) and first.y < page.height * 0.2 and nxt is not None and (
                _FOLIO_ALONE.match(unspaced(first.text.strip())) or _apart(nxt.y - first.y, first, pitch)):
            tops.append((first.y, _folio(first) is not None, first.size))
        if (last.size <= size * 1.05 or _folio_alone(last.text, last, size)) and last.y > page.height * 0.8 and prv is not None and (
                _FOLIO_ALONE.match(unspaced(last.text.strip())) or _apart(last.y - prv.y, last, pitch)):
            bottoms.append((last.y, _folio(last) is not None, last.size))

    def cluster(found: list[tuple[float, bool, float]]) -> list[tuple[float, bool, float]]:
        best: list[tuple[float, bool, float]] = []
        for y, _, _ in found:
            near = [t for t in found if abs(t[0] - y) <= 2.0]
            if len(near) > len(best):
                best = near
        # (two pages agree enough in a short excerpt when both lines carry the folio)
        enough = len(best) >= max(3, used // 2) or (len(best) >= max(2, used // 2) and all(f for _, f, _ in best))
        return best if enough else []

    # (the band reaches half a line past the recurring row: the pieces of one printed row sit
    # within it, "CONSERVATION BIOLOGY" 1.7 pt under its folio "12 of 12" on Wiley's pages)
    heads, feet = cluster(tops), cluster(bottoms)
    return (max(y + max(1.0, 0.6 * sz) for y, _, sz in heads) if heads else None), \
        (min(y - max(1.0, 0.6 * sz) for y, _, sz in feet) if feet else None)


def recurring_heads(pages: list["PageText"], size: float) -> frozenset[float]:
    """The y of running heads (or feet) set larger than the text — up to 1.25×, a 五号 head
    over 小五 text — that carry a number: the top-most (or bottom-most) line of most pages,
    at the same height on each (GB/T 3179-2009: the 书眉 and its folio recur on every page
    but the first pages). Larger type in the margin is otherwise taken for a title."""
    found: list[float] = []
    used = 0
    for page in pages:
        lines = [ln for ln in page.lines if ln.text.strip()]
        if len(lines) < 5:
            continue
        used += 1
        for ln in {id(x): x for x in (min(lines, key=lambda x: x.y), max(lines, key=lambda x: x.y))}.values():
            if (size * 1.05 < ln.size <= size * 1.25 and (ln.y < page.height * 0.12 or ln.y > page.height * 0.88)
                    and folio_reading(ln.text) is not None):
                found.append(ln.y)
    enough = max(3, used // 2)
    return frozenset(y for y in found if sum(abs(y - v) <= 1.5 for v in found) >= enough)


def split_edges(page: "PageText", size: float, band: tuple[float | None, float | None] = (None, None),
                recurring: frozenset[float] = frozenset()) -> tuple[list["Line"], list["Line"], int | None]:
    """(body lines, running-head/foot lines, printed page number seen on the page).

    A running head sits in the top margin, set apart from the text by a gap; a foot line
    in the bottom margin must carry the folio or be short and set apart. `band` (from
    head_band) widens the margins to where this document's heads and feet recur.
    """
    top, bottom = page.height * EDGE, page.height * (1 - EDGE)
    if band[0] is not None:
        top = max(top, band[0])
    if band[1] is not None:
        bottom = min(bottom, band[1])
    body_pitch = _pitch(page, size)
    pitches: dict[float, float] = {}

    def pitch_at(line: Line) -> float:
        # the leading a margin line must beat: the body's, or, where more lines are set in
        # its own type, theirs if wider (a page of references alone has no body leading:
        # "［47］Kim HT. … for 12" at a column's foot, 1.7 lines of 7.8 pt under the line above
        # it, looked set apart)
        key = round(line.size, 1)
        if key not in pitches:
            pitches[key] = body_pitch if abs(line.size - size) <= 0.6 else max(body_pitch, _pitch(page, line.size))
        return pitches[key]

    body: list[Line] = []
    heads: list[Line] = []
    last_head_y: float | None = None  # the lowest head line so far in the top margin
    # top-margin lines taken for a head by a number run into their text alone, followed at
    # no more than the text's own leading (see below)
    run_in: list[Line] = []
    for line in page.lines:
        n = None
        is_head = False
        text = line.text.strip()
        in_margin = line.y < top or line.y > bottom
        # (a larger running head that recurs at this height on most pages: recurring_heads)
        large_head = line.size <= size * 1.25 and any(abs(line.y - y) <= 1.5 for y in recurring)
        if in_margin and ("：" in text or ":" in text or text[:1] in _LABEL_BRACKETS) and find_labels([text]):
            # (such labels carry a colon, or brackets: ［DOI］, 【文章编号】)
            pass  # a labelled field (文章编号, 收稿日期) printed in the margin is header, not a running head
        elif in_margin and _JUMP_REF.fullmatch(text):
            pass  # （下转第16页） ending a column at the foot, （上接第12页） over one: the article's text
        elif line.y < top and (line.size <= size * 1.05 or _folio_alone(text, line, size) or large_head) and len(text) < 70:
            n = _folio(line)
            below = _gap(page, line, below=True)
            pitch = pitch_at(line)
            # a second line under a head belongs to the head only when it sits closer to
            # the head than to the text below (else it is the text's first line)
            # (and a running head tops the page: no line under a title is one, the byline under
            # it on a first page cropped to its type area)
            # (a fifth of a line more than the text's leading at least: on a page cropped to
            # its type area the text's first line lies in the top margin, one leading over
            # the next; microPublication's dated head stands 1.32 leadings over the text)
            is_head = n is not None or (_apart(below, line, pitch, 1.2) and (last_head_y is None or line.y - last_head_y < below)
                                        and not _under_a_title(page, line, size, recurring))
            if n is not None and pitch and below <= pitch * 1.35 and not (folio_reading(line.text) or (n, False))[1]:
                run_in.append(line)
            if is_head:
                last_head_y = line.y if last_head_y is None else max(last_head_y, line.y)
        elif line.y > bottom and (line.size <= size * 1.05 or _folio_alone(text, line, size) or large_head):
            n = _folio(line)
            above = _gap(page, line, below=False)  # (once: it walks the page's lines)
            pitch = pitch_at(line)
            apart = above > line.size * 1.6 and (not pitch or above > pitch * 1.35)
            # (a folio printed alone — 27 / ·27· / 第27页 / Page 3 of 12 — needs no gap above it)
            alone = len(text) <= 15 and (reading := folio_reading(text)) is not None and reading[1]
            # (or a short line where this document's running feet recur, `band`: Springer
            # Nature's "Vol:.(1234567890)" under its folio line, however close to it)
            at_feet = band[1] is not None and line.y >= band[1] + 0.5 and len(text) < 30
            # (a short line that opens with a note mark is a first-page note at the foot of a
            # page cropped to its type area, "∗ 宋亦明, 北京外国语大学国际关系学院讲师。": no
            # running foot opens with one)
            is_head = (n is not None and (apart or alone)) or (apart and len(text) < 30 and not _NOTE_OPENS.match(text)) or at_feet
        if is_head:
            heads.append(line)
        else:
            body.append(line)
    # A page prints its number once. Where it prints it alone (· 215 ·), a line at the top
    # that only starts with another number and goes on at the text's leading is the text's:
    # a reference carried over to the next column ("141 Dutch transsexuals[J]…") on a page
    # cropped to its type area, where the column's first line lies in the top margin
    strong = {r[0] for r in (folio_reading(h.text) for h in heads) if r is not None and r[1]}
    back = [ln for ln in run_in if strong and _folio(ln) not in strong]
    if back:
        heads = [h for h in heads if not any(h is b for b in back)]
        body = [ln for ln in page.lines if any(ln is b for b in body) or any(ln is b for b in back)]
    # a piece of a running foot or head cut off by the text layer sits on the same baseline
    # as the piece that carries the folio
    beside = [ln for ln in body if (ln.y < top or ln.y > bottom)
              and any(abs(ln.y - h.y) < 0.3 * h.size and _folio(h) is not None for h in heads)]
    if beside:
        body = [ln for ln in body if not any(ln is b for b in beside)]
        heads = sorted(heads + beside, key=lambda ln: (ln.y, ln.x0))
    found = folios_of(heads)
    return body, heads, (found[0] if found else None)


def folios_of(heads: list["Line"]) -> list[int]:
    """The page numbers the heads and feet print, a folio printed alone (27 / ·27· / — 27 —)
    before one run into a running head (27 中国性科学…), which may be the head's own number."""
    read = [r for r in (folio_reading(h.text) for h in heads) if r is not None]
    strong = [n for n, alone in read if alone]
    return list(dict.fromkeys(strong + [n for n, alone in read if not alone]))


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _label_value(label: str) -> tuple[str, int] | None:
    """(numbering style, value) of a page label: arabic, roman or letters, as /PageLabels
    numbers pages; None for anything else."""
    if label.isdigit():
        return "D", int(label)
    low = label.lower()
    if low and all(c in _ROMAN for c in low):
        total = 0
        for a, b in zip(low, low[1:] + " "):
            total += -_ROMAN[a] if b in _ROMAN and _ROMAN[b] > _ROMAN[a] else _ROMAN[a]
        return ("r" if label.islower() else "R"), total
    if label.isalpha() and len(set(low)) == 1:
        return ("a" if label.islower() else "A"), (ord(low[0]) - 96) + 26 * (len(low) - 1)
    return None


def label_ranges(infos: list[PageInfo]) -> list[tuple[int, int]]:
    """Runs of physical pages numbered in one style, one after another (i–vi, 1–50): the
    parts a publisher gave page labels to. Empty when the PDF has no page labels."""
    ranges: list[tuple[int, int]] = []
    prev: tuple[str, int] | None = None
    for p in infos:
        value = _label_value(p.label) if p.label else None
        if value is None:
            prev = None
            continue
        if prev is not None and value[0] == prev[0] and value[1] == prev[1] + 1:
            ranges[-1] = (ranges[-1][0], p.number)
        else:
            ranges.append((p.number, p.number))
        prev = value
    return ranges


def printed_rows(lines: list["Line"]) -> list[str]:
    """Lines regrouped into the rows they are printed on, left to right: the text layer
    gives a piece set far from its neighbours (a 目录 page number at the right margin, the
    pieces of a running head) as a line of its own."""
    rows: list[list["Line"]] = []
    for ln in sorted(lines, key=lambda ln: ln.y):
        if rows and abs(rows[-1][0].y - ln.y) <= min(ln.size, rows[-1][0].size) * 0.35:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return [" ".join(ln.text.strip() for ln in sorted(row, key=lambda ln: ln.x0)) for row in rows]


# A page range the first page prints in words, for when no folio is read there:
# - the article's own citation (its label in every printed form: citations.SELF_CITE_LABEL),
#   set by GB/T 7714-2015 from the journal's record: "…[J]. 刊名, 2020, 12(3): 45-52." — the
#   range after the colon — or in Vancouver's order (NLM: "2020;12(3):45-52", "2020;12:45-52");
# - a masthead or CNKI record line: "pp. 45-52", "P45-52", "Pages 45-52", "第45-52页", "页码：45-52".
_SELF_CITE = re.compile(rf"{SELF_CITE_LABEL}\s*(?:[:：]|[{LABEL_CLOSE}]\s*[:：]?)")  # (【引用格式】, as 【摘要】 is printed)
# ACS's order after its "Cite This:" label: journal year, volume, first–last page
# ("ACS Omega 2020, 5, 12345−12352")
_RANGE_AFTER_VOLUME = re.compile(r"(?:19|20)\d\d\s*,\s*\d{1,4}\s*,\s*(\d{1,5})\s*[-–—~～−]\s*(\d{1,5})(?!\d)")
# (APA sets a comma where GB/T 7714 sets the colon: "Journal of X, 12(3), 45-60")
_RANGE_AFTER_ISSUE = re.compile(r"(?:\d\s*[)）]\s*[:：]|\d\s*[(（]\s*[\w-]{1,6}\s*[)）]\s*[,，]"
                                r"|(?:19|20)\d\d\s*[,，;；](?:\s*\d{1,4})?\s*[:：])"
                                r"\s*(\d{1,4})\s*[-–—~～−]\s*(\d{1,4})(?!\d)")
_RANGE_LABELLED = re.compile(r"(?<![A-Za-z])(?:pp?\.\s*|P\s*(?=\d)|[Pp]ages?\s+(?=\d)|页\s*码\s*[:：]\s*|第\s*(?=\d{1,4}\s*[-–—~～−]\s*\d{1,4}\s*页))"
                             r"(\d{1,4})\s*[-–—~～−]\s*(\d{1,4})(?!\d)")


def self_citations(text: str) -> list[str]:
    """The article's own citation after each label that opens one (引用本文：, Cite this
    article:), as the text runs on for 300 characters: the citation may wrap, and an
    online-first one prints no pages, so where it ends is for the reader to tell."""
    return [text[m.end():m.end() + 300] for m in _SELF_CITE.finditer(text)]


def printed_range(lines: list[str], heads: list[str]) -> tuple[int, int] | None:
    """(first, last) printed page of the article, from an explicit range its first page
    prints: its own citation line anywhere on the page, or a pp./页码 line among its heads
    (a footnote citing another work prints "第45-52页" too: not there); None when there is
    none, or the two numbers are no range (last before first, or over 200 pages)."""
    text = "\n".join(lines + heads)
    found = []
    for seg in self_citations(text):
        # (read to the end of this one citation: a note may follow it)
        codes = list(re.finditer(r"[\[［]\s*[A-Z]{1,2}(?:\s*/\s*OL)?\s*[\]］]", seg))
        ends = [k for k in (seg.find("。"), codes[1].start() if len(codes) > 1 else -1,
                            seg.find("\n[", 1)) if k > 0]
        own = seg[:min(ends, default=len(seg))].replace("\n", "")
        r = _RANGE_AFTER_ISSUE.search(own) or _RANGE_LABELLED.search(own) or _RANGE_AFTER_VOLUME.search(own)
        if r:
            found.append(r)
    if not found:
        found = list(_RANGE_LABELLED.finditer("\n".join(heads)))
    for r in found:
        first, last = int(r.group(1)), int(r.group(2))
        if 0 < first <= last < first + 200:
            return first, last
    return None


def page_doubts(own: list[PageInfo], fpage: str, lpage: str) -> list[tuple[str, str]]:
    """Printed evidence on an article's own pages that contradicts its page range: (field, why).

    - a folio printed alone in the margin of its first or last page that breaks the
      sequence the other folios keep (a misprint, or a page bound in from elsewhere: the
      sequence wins, but an editor should look);
    - a range its first page prints in words (its GB/T 7714 citation line, a pp./页码
      masthead line) that differs from the range its folios give."""
    out: list[tuple[str, str]] = []
    if not own:
        return out
    for key, page, value in (("fpage", own[0], fpage), ("lpage", own[-1], lpage)):
        read = [n for n in page.folios if n != page.printed]
        if page.folio_alone and read and not page.printed_seen and page.printed is not None and page.printed not in page.folios:
            out.append((key, f"p.{page.number} prints {read[0]}, off the sequence that gives {page.printed}"))
        if page.from_label and page.printed == page.number and value == str(page.printed):
            # (a label that counts the file's pages from 1 is an exporter's default, PDF 32000
            # 12.4.2, as likely as a printed number: the page itself prints none that was read)
            out.append((key, f"p.{page.number}'s number is the PDF's page label, which counts the file's pages; "
                             "no folio was read"))
    first = own[0]
    if fpage.isdigit() and lpage.isdigit():
        top = [ln.text for ln in first.body[:8]]
        found = printed_range([ln.text for ln in first.body], [h.text for h in first.heads] + top)
        if found is not None and found != (int(fpage), int(lpage)):
            why = f"its first page prints the range {found[0]}–{found[1]}, the folios give {fpage}–{lpage}"
            out += [(key, why) for key, a, b in (("fpage", found[0], fpage), ("lpage", found[1], lpage)) if a != int(b)]
    return out


def copy_runs(infos: list[PageInfo]) -> list[list[PageInfo]]:
    """The pages as printed pages: a page printing the same lines (five or more) as the page
    before is a copy of it (a file bound from single-article downloads holds a page several
    articles share once per download), so each run of copies is one printed page."""
    groups: list[list[PageInfo]] = []
    first: list[str] = []  # (the lines of the run's first page, read once)
    for p in infos:
        lines = [ln.text for ln in p.heads + p.body]
        if groups and len(lines) >= 5 and lines == first:
            groups[-1].append(p)
        else:
            groups.append([p])
            first = lines
    return groups


def infer_printed(infos: list[PageInfo]) -> None:
    """Number the pages (`_infer_printed`) as printed pages: copies of one page in a row are
    one printed page, numbered once, and each copy takes its number."""
    groups = copy_runs(infos)
    if len(groups) == len(infos):
        _infer_printed(infos)
        return
    # (a copy's evidence list is its first copy's own: what is said of one is said of the page)
    printed = [replace(g[0], number=k) for k, g in enumerate(groups, 1)]
    _infer_printed(printed)
    for one, group in zip(printed, groups):
        for p in group:
            p.printed, p.printed_seen, p.kind = one.printed, one.printed_seen, one.kind


def _infer_printed(infos: list[PageInfo]) -> None:
    """Fill printed numbers from the physical->printed offset most pages agree on.

    A folio grows by exactly one per physical page, so the pages that print one share an
    offset; pages that print none (first pages, full-page figures and adverts, the covers
    counted before the file's first page) take it too, and a number that breaks the
    sequence (a head's year or volume, a misread) gives way to it. Each page votes with
    every number read in its margins (`folios`), so a running head's constant number never
    outvotes the folio beside it."""
    # folios read on the page outvote page labels (a download may label its pages 1…N)
    offsets = _offset_votes(infos)
    # one folio read in a file without page labels that nothing contradicts (an excerpt whose
    # first and last pages print none) sets the sequence alone
    lone = (len(offsets) == 1 and not any(p.from_label for p in infos)
            and all(p.folio_alone for p in infos if _read_on(p)))
    if not offsets or (offsets.most_common(1)[0][1] < 2 and len(infos) > 2 and not lone):
        offsets = Counter(p.printed - p.number for p in infos if p.printed is not None)
    if not offsets:
        return
    offset, votes = offsets.most_common(1)[0]
    if votes < 2 and len(infos) > 2 and not lone:
        return
    runs = offset_runs(infos, offsets)
    if len(runs) > 1 and _number_runs(infos, runs):
        return
    targets = {int(n) for p in infos for ln in p.body for n in _JUMP_TO.findall(ln.text)}
    last_in_run = max((p.number for p in infos if p.number + offset in _read_on(p)), default=0)
    for p in infos:
        if p.number + offset in _read_on(p):
            if p.printed != p.number + offset:
                p.evidence.append(f"of the numbers in the margins, {p.number + offset} follows the page sequence")
            p.printed, p.printed_seen = p.number + offset, True
        elif (p.folios and p.number > last_in_run and p.folios[0] > offset + len(infos)
              and (p.folios[0] in targets or any(_JUMP_FROM.search(ln.text) for ln in p.body))):
            # a jump page bound in after the article's run (a download of 27–29 and the 45
            # its text resumes on): after the last page that prints the sequence, numbered
            # past it, and a 下转第45页 names it or it says where it came from (in an issue
            # PDF the jump page sits in the sequence)
            p.printed, p.printed_seen = p.folios[0], True
            p.evidence.append(f"printed page {p.printed} off the sequence ({offset:+d}): a jump page")
        elif p.printed is not None and p.printed - p.number != offset:
            p.evidence.append(f"printed page {p.printed} disagrees with offset {offset:+d}; using {p.number + offset}")
            p.printed = p.number + offset
            p.printed_seen = False
        elif p.printed is None and p.number + offset > 0:
            p.printed = p.number + offset


# a page bound in outside the numbering carries at most a caption (a colour plate's): more
# text than this is an article's page
INSERT_CHARS = 200
# the label a colour plate printed on other paper and bound in between articles carries
# (彩色插页, 彩插, 彩页, 插页 with its number); 图版 is left out: a plate at an article's end
# in the sciences is that article's own
_PLATE = re.compile(r"^\s*(?:彩色插页|彩色插图|彩插|彩页|插页)\s*[\dⅠ-Ⅻ]*(?:\s|$|[　:：])")


def number_past_plates(infos: list[PageInfo]) -> None:
    """A labelled plate (kind "insert") is outside the numbering: it prints no number. When
    no folio is read after it, the numbers after it were carried on from before it and
    counted it: one less for each plate before them; when none is read before it, the
    numbers before it were carried back from after it: one more for each plate after them."""
    def seen(pages: list[PageInfo]) -> bool:
        return any(q.printed_seen and not q.from_label for q in pages)

    for k, p in enumerate(infos):
        if p.kind != "insert":
            continue
        p.printed, p.printed_seen = None, False
        before, after = infos[:k], infos[k + 1:]
        if seen(before) == seen(after):
            continue  # (folios on both sides: offset_runs steps past it; on neither: nothing to move)
        step, moved = (-1, after) if seen(before) else (1, before)
        for q in moved:
            if q.printed is not None and not q.printed_seen:
                q.printed += step
                q.evidence.append(f"printed page {q.printed}: numbered past the plate on p.{p.number}")


# two runs of folios further apart than this many numbers are no insert or missing page
MAX_RUN_STEP = 8


def offset_runs(infos: list[PageInfo], votes: Counter[int]) -> list[tuple[int, int, int, int]]:
    """(first page, last page, printed-minus-physical offset, pages) of the runs of pages whose
    folios agree, in page order. A colour plate or an advert printed on other paper is bound
    in outside the numbering (the pages after it carry on from the page before it), and a
    page counted in the numbering may be missing from the file: the offset steps between two
    runs. A run needs two pages (one page's odd number is a misread or a head's number, which
    the sequence around it overrides); the runs must step by a few numbers and keep the
    printed numbers rising, else the file is taken to have one offset."""
    own: list[tuple[int, int, bool]] = []
    for p in infos:
        read = _read_on(p)
        if read:
            own.append((p.number, max((n - p.number for n in read), key=lambda o: votes[o]), p.folio_alone))
    runs: list[list[int]] = []  # [first, last, offset, pages, pages printing the folio alone]
    for n, o, alone in own:
        if runs and runs[-1][2] == o:
            runs[-1][1], runs[-1][3], runs[-1][4] = n, runs[-1][3] + 1, runs[-1][4] + alone
        else:
            runs.append([n, n, o, 1, int(alone)])
    merged: list[list[int]] = []
    # (one page's number set alone in the margin is a run too: a short article prints one
    # folio; _number_runs accepts it only where inserts between explain the step)
    for r in (r for r in runs if r[3] >= 2 or r[4]):
        if merged and merged[-1][2] == r[2]:
            merged[-1][1], merged[-1][3] = r[1], merged[-1][3] + r[3]
        else:
            merged.append(r)
    for a, b in zip(merged, merged[1:]):
        if _numbers_break(a, b) and not _own_numbering(infos, a, b):
            return []
    return [(a, b, o, n) for a, b, o, n, _ in merged]


def _numbers_break(a: list[int] | tuple[int, ...], b: list[int] | tuple[int, ...]) -> bool:
    """Do the numbers of run `b` (first page, last page, offset, …) not carry on from run `a`:
    they jump by more than an insert or a missing page explains, or fall?"""
    return abs(a[2] - b[2]) > MAX_RUN_STEP or a[1] + a[2] >= b[0] + b[2]


def _own_numbering(infos: list[PageInfo], a: list[int], b: list[int]) -> bool:
    """Is a break in the numbers (`_numbers_break`) an article's own numbering starting, the
    file joining articles printed in different places (downloads bound into one)? Only at an
    article's first page, with each run two pages long or printing its folios alone: a lone
    odd number is a misread. Then each run keeps its own numbers."""
    by_number = {p.number: p for p in infos}
    at_start = any(by_number[n].kind == "start" for n in range(a[1] + 1, b[0] + 1))
    return at_start and all(r[3] >= 2 or r[4] == r[3] for r in (a, b))


def _number_runs(infos: list[PageInfo], runs: list[tuple[int, int, int, int]]) -> bool:
    """Number the pages by their runs (see offset_runs): a page inside a run takes its offset;
    between two runs whose numbers advance less than the pages do, that many pages with no
    more than a caption's text are inserts outside the numbering (kind "insert": no article's
    page) and the others are numbered on; where the numbers jump, the pages up to the first
    article start in between keep the first run's offset. False (nothing changed) when the
    pages between cannot hold the inserts the numbers call for."""
    by_number = {p.number: p for p in infos}

    def believed(first: int, last: int, pages: int) -> bool:
        # (a run of two pages, or of folios each set alone in the margin: a short article's one)
        return pages >= 2 or all(by_number[k].folio_alone for k in range(first, last + 1) if _read_on(by_number[k]))

    offset_of: dict[int, int | None] = {}
    for (f1, l1, a, n1), (f2, l2, b, n2) in zip(runs, runs[1:]):
        between = [by_number[n] for n in range(l1 + 1, f2)]
        restart = _numbers_break((f1, l1, a), (f2, l2, b))  # (offset_runs kept it: an article's own numbering)
        if b > a and not (believed(f1, l1, n1) and believed(f2, l2, n2)) and not restart:
            return False  # (a jump in the numbers needs two pages on each side, or folios set alone, to be believed)
        if restart:
            by_number[f2].evidence.append(f"the page numbers start again at p.{f2} ({f2 + b}, after {l1 + a} on "
                                          f"p.{l1}): articles printed in different places bound into one file")
        if b < a and not restart:
            light = [p for p in between if p.kind not in ("start",) and sum(len(ln.text) for ln in p.body) <= INSERT_CHARS
                     and not _read_on(p)]
            if len(light) < a - b:
                return False
            inserts = {p.number for p in light[:a - b]}
            k = l1 + a
            for p in between:
                if p.number in inserts:
                    offset_of[p.number] = None
                else:
                    k += 1
                    offset_of[p.number] = k - p.number
        else:
            start = next((p.number for p in between if p.kind == "start"), f2)
            if restart and by_number[f2].kind != "start":
                # (numbers that start again are the pages of the article the second run is in:
                # it starts at the last start before that run; the starts before it keep the first)
                start = max((p.number for p in between if p.kind == "start"), default=f2)
            for p in between:
                offset_of[p.number] = a if p.number < start else b
    for p in infos:
        run = next(((f, l, o) for f, l, o, _ in runs if f <= p.number <= l), None)
        if run is not None:
            o: int | None = run[2]
        elif p.number < runs[0][0]:
            o = runs[0][2]
        elif p.number > runs[-1][1]:
            o = runs[-1][2]
        else:
            o = offset_of[p.number]
        if o is None:
            p.printed, p.printed_seen, p.kind = None, False, "insert"
            p.evidence.append("outside the page numbering: the pages after it number on from the page before it "
                              "(a plate or an advert bound in)")
            continue
        if p.number + o in _read_on(p):
            p.printed, p.printed_seen = p.number + o, True
        else:
            if p.printed is not None and p.printed != p.number + o:
                p.evidence.append(f"printed page {p.printed} disagrees with offset {o:+d} here; using {p.number + o}")
            p.printed, p.printed_seen = (p.number + o if p.number + o > 0 else None), False
    return True


def printed_from_contents(infos: list[PageInfo]) -> None:
    """An issue whose pages show no folio that could be read (a scan, a lost text layer) and
    carry no page labels: its 目录 prints each article's first page, so an entry whose title
    is the title on a start page gives the printed-minus-physical offset (two entries
    agreeing, or one nothing contradicts) and every page is numbered by it."""
    if any(p.printed is not None for p in infos):
        return
    entries = [e for p in infos if p.kind == "toc" for e in parse_toc(printed_rows(p.body))]
    votes: Counter[int] = Counter()
    for p in infos:
        title = "".join(ln.text for ln in p.title_lines).strip()
        if p.kind != "start" or len(title) < 4 or not entries:
            continue
        best = max(entries, key=lambda e: similar(e.title, title))
        if similar(best.title, title) >= 0.9:
            votes[best.page - p.number] += 1
    if not votes:
        return
    (offset, n), = votes.most_common(1)
    if n < 2 and len(votes) > 1:
        return
    for p in infos:
        if p.number + offset > 0:
            p.printed = p.number + offset
            p.evidence.append(f"printed page {p.printed} from the 目录's start pages (offset {offset:+d})")


def printed_from_article_numbers(infos: list[PageInfo]) -> None:
    """An issue whose pages show no folio that could be read (numbers only from the PDF's page
    labels, an exporter's 1…N, or none): the 文章编号 an article prints on its first page
    (CAJ-CD B/T 1-2006: ISSN(year)issue-first page-page count) names that page's printed
    number, so the first pages that print one give the printed-minus-physical offset (two
    agreeing, or one nothing contradicts, and a majority) and every page is numbered by it.
    Printed evidence outranks page labels; numbers so given are inferred, not seen. A folio
    read on a page or two too few to number the file alone (the English abstracts' page at the
    issue's end, beside article first pages that print none) must agree with that offset."""
    from parsers.identifiers import parse_article_no
    seen = {f - p.number for p in infos if p.folios and p.printed_seen for f in p.folios[:1]}
    if any(p.folios for p in infos) and (len(seen) != 1 or sum(1 for p in infos if p.printed_seen) >= 2):
        return
    votes: Counter[int] = Counter()
    for p in infos:
        if p.kind != "start" or "article_no" not in p.labels:
            continue
        top = p.start_y if p.start_y is not None else float("-inf")
        end = p.later_starts[0].y if p.later_starts else float("inf")
        ano = parse_article_no("\n".join(ln.text for ln in p.body if top - 0.5 <= ln.y < end - 0.5))
        if ano is not None and ano.first_page.isdigit() and int(ano.first_page) > 0:
            votes[int(ano.first_page) - p.number] += 1
    if not votes:
        return
    offset, n = votes.most_common(1)[0]
    if (len(votes) > 1 and n < 2) or n * 2 <= sum(votes.values()) or (seen and seen != {offset}):
        return
    for p in infos:
        if p.printed == p.number + offset and not p.from_label:
            continue
        p.printed = p.number + offset if p.number + offset > 0 else None
        p.printed_seen = p.from_label = False
        p.from_article_no = True
        p.evidence.append(f"printed page {p.printed} from the 文章编号 first pages (offset {offset:+d}, {n} agreeing)")


def main_run_last(pages: list[PageInfo]) -> PageInfo:
    """The last page of an article's main run: its pages are numbered on from the first
    page, one per physical page; a jump page bound in after them (its folio off that
    sequence) belongs to the article but is no part of its fpage–lpage range."""
    first = pages[0]
    if first.printed is None:
        return pages[-1]
    run = [p for p in pages if p.printed is not None and p.printed - p.number == first.printed - first.number]
    return run[-1] if len(run) < sum(p.printed is not None for p in pages) else pages[-1]


def _read_on(p: PageInfo) -> list[int]:
    """The page numbers read on the page itself (not from the PDF's page labels)."""
    if p.folios:
        return p.folios
    return [p.printed] if p.printed is not None and not p.from_label else []


def _offset_votes(infos: list[PageInfo]) -> Counter[int]:
    """Printed-minus-physical offsets, one vote per page for each number read on it; of
    offsets with as many votes, the one more pages print alone (its first reading) first."""
    votes: Counter[int] = Counter()
    first: Counter[int] = Counter()
    for p in infos:
        read = _read_on(p)
        votes.update({n - p.number for n in read})
        if read:
            first[read[0] - p.number] += 1
    return Counter(dict(sorted(votes.items(), key=lambda kv: (-kv[1], -first[kv[0]]))))


def title_lines(body: list["Line"], size: float, page_height: float, ratio: float = 1.35,
                window: float = 0.5) -> list["Line"]:
    """The largest-type lines in the top part of the page (`window`: its share of the page
    height), when much larger than body text (`ratio`; less is asked of a page whose labels
    already say an article starts here)."""
    top = [ln for ln in body if ln.y < page_height * window and len(ln.text.strip()) > 1
           and not COLUMN_LABEL.match(ln.text)]
    if not top:
        return []
    biggest = max(ln.size for ln in top)
    if biggest < size * ratio:
        return []
    tol = size_slack(top, biggest, 0.6)
    first = next(ln for ln in top if ln.size >= biggest - tol)
    out = []
    # (the window bounds where the title starts, not its lines: a title that starts in the
    # window may wrap past it)
    rest = body[next(i for i, ln in enumerate(body) if ln is first):]
    for ln in (ln for ln in rest if len(ln.text.strip()) > 1 and not COLUMN_LABEL.match(ln.text)):
        if ln.size >= biggest - tol and (not out or ln.y - out[-1].y < biggest * 2.2):
            out.append(ln)
        elif out and ln.size < biggest - tol and (ln.x0 >= out[-1].x1 or ln.x1 <= out[-1].x0) \
                and ln.y - out[-1].y < biggest * 1.2:
            continue  # (a badge in the margin level with the title, Crossmark's "Check for updates")
        elif out:
            break
    if len(out) == 1 and _column_name(out[0], top, size * ratio):
        return title_lines([ln for ln in body if ln is not out[0]], size, page_height, ratio, window)
    return out


def _column_name(line: "Line", top: list["Line"], least: float) -> bool:
    """A column name set in a box over the title, in type as large as the title or larger
    (临床护理, 论著): a line of at most six characters with a longer large-type line (at least
    `least`) right under it that is no subtitle (——…)."""
    text = re.sub(r"\s", "", line.text)
    if len(text) > 6 or text.startswith(("—", "-")):
        return False
    below = [ln for ln in top if ln.y > line.y + 0.5]
    if not below:
        return False
    nxt = min(below, key=lambda ln: ln.y)
    nxt_text = re.sub(r"\s", "", nxt.text)
    return (nxt.size >= least and nxt.y - line.y < line.size * 3 and len(nxt_text) >= 8
            and not nxt_text.startswith(("—", "-", "（", "(")))


def classify(page: "PageText", size: float, band: tuple[float | None, float | None] = (None, None),
             recurring: frozenset[float] = frozenset()) -> PageInfo:
    body, heads, folio = split_edges(page, size, band, recurring)
    body = split_side_box(unmerge_info_column(body))  # (sidebars and margin boxes the text layer merged)
    stamps = [ln for ln in body + heads if is_platform_stamp(ln.text)]
    if stamps:  # a download platform's line on every page it serves: no part of the article
        # (nor a running head: "… Author manuscript; available in PMC 2017 May 01." names no issue)
        body = [ln for ln in body if ln not in stamps]
        heads = [ln for ln in heads if ln not in stamps]
    info = PageInfo(page.number, label=page.label, printed=folio, printed_seen=folio is not None, body=body, heads=heads,
                    folios=folios_of(heads), folio_alone=any(alone_line(h.text) for h in heads))
    if stamps:
        info.evidence.append(f"a download platform's stamp left out: “{stamps[0].text[:60]}”")
    if folio is None and page.label and page.label.isdigit():
        info.printed = int(page.label)
        info.printed_seen = True
        info.from_label = True
    texts = [ln.text for ln in body]
    hits = find_labels(texts)
    info.labels = {h.field for h in hits}
    joined = "\n".join(texts)
    if not "".join(texts).strip():
        # a table or figure set sideways on a portrait page (its text is drawn rotated,
        # which the text layer leaves out) is the article's page, not a blank one; a margin
        # stamp or watermark is a line, not hundreds of characters
        info.kind = "content" if page.sideways >= SIDEWAYS_PAGE else "blank"
        if page.sideways >= SIDEWAYS_PAGE:
            info.evidence.append(f"{page.sideways} characters set sideways (a landscape table or figure)")
        return info
    if any(TOC_HEAD.match(t) for t in texts[:6]):
        info.kind = "toc"
        info.evidence.append("a 目录/Contents heading")
        return info
    platform = None if info.labels & {"abstract_zh", "abstract_en"} else cover_sheet_of(texts + [h.text for h in heads])
    if platform:
        info.kind = "cover"  # (its title, byline and DOI are the platform's record of the article)
        info.evidence.append(f"a download platform's cover sheet ({platform})")
        return info
    if (not info.labels & {"abstract_zh", "keywords_zh", "abstract_en"} and _ONLINE_FIRST.search(joined)
            and ("网络首发时间" in joined or "引用格式" in joined or "网络首发论文" in joined)
            and not _running_text(body[:next(k for k, t in enumerate(texts) if _ONLINE_FIRST.search(t))], size)):
        # (CNKI's cover sheet opens with 网络首发论文; an article's first page may carry its
        # 网络首发时间/地址 as a note at its foot, under the running text)
        info.kind = "online-first"
        info.evidence.append("a CNKI 网络首发 cover page")
        return info
    if (not info.labels & ARTICLE_LABELS and any(_PLATE.match(t) for t in texts)
            and sum(len(t) for t in texts) <= INSERT_CHARS):
        info.kind = "insert"
        info.evidence.append("a plate (彩色插页) bound in: a caption and no article's text, outside the numbering")
        return info
    if not info.labels & ARTICLE_LABELS and _database_page(texts):
        info.kind = "advert"
        info.evidence.append("a database's record or download page")
        return info
    if not info.labels & ARTICLE_LABELS and len(set(_MASTHEAD_FIELD.findall(joined))) >= 3:
        info.kind = "cover"  # the masthead (版权页): who publishes, edits and prints the journal
        info.evidence.append("a masthead page: " + "、".join(sorted(set(_MASTHEAD_FIELD.findall(joined)))))
        return info
    bylines = sum(1 for t in texts if _ENGLISH_BYLINE.match(t.strip()))
    if bylines and latin_share(" ".join(ln.text for ln in body)) > 0.8 and info.labels & {"abstract_en", "keywords_en"}:
        info.kind = "english"
        info.evidence.append(f"{bylines} English byline(s) with page numbers and Abstract labels")
        return info
    abstracts = sum(1 for h in hits if h.field == "abstract_en")
    keywords = sum(1 for h in hits if h.field == "keywords_en")
    headed = any(_ENGLISH_SECTION_HEAD.match(t.strip()) for t in texts[:3])
    if abstracts and latin_share(" ".join(texts)) > 0.8 and (headed or min(abstracts, keywords) >= 3):
        # an English-abstracts section that prints no page numbers: under its own heading,
        # or three entries on one page (an article's end carries one or two English blocks)
        info.kind = "english"
        info.evidence.append("a section heading and English abstracts" if headed
                             else f"{abstracts} English abstracts with their keywords on one page")
        return info
    if not info.labels & ARTICLE_LABELS and _english_section_title(body, size) and latin_share(joined) > 0.8:
        info.kind = "english"  # the heading "Abstracts" in large type over English entries
        info.evidence.append("an English-abstracts section under its own heading")
        return info
    header_labels = info.labels & {"abstract_zh", "keywords_zh", "clc", "doc_code", "article_no", "abstract_en"}
    info.title_lines = title_lines(body, size, page.height, 1.2 if len(header_labels) >= 2 else 1.35)
    if (len(header_labels) >= 2 and header_labels & {"abstract_zh", "keywords_zh"}
            and (not info.title_lines or is_section_heading(" ".join(ln.text for ln in info.title_lines)))):
        # no title in the top half, or only a section heading of the article ending there:
        # the title is the large type right above the 摘要/关键词 (an article starting lower down)
        info.title_lines = _title_above_labels(body, hits, size, page.height)
    if not info.title_lines:
        info.title_lines = _title_after_closing(body, size, page.height)
    run_on_head = False
    if not info.title_lines and body:
        # a run-on article's head under the running text of the one before, on a page where no
        # other article starts, read on the evidence a later start below a page's first needs (an
        # end shown or a byline under the title, then its 摘要/关键词 or a display title and byline)
        found, _ = _later_starts(body, hits, size, [body[0]])
        if found:
            info.title_lines, run_on_head = found[0].title_lines, True
    title = "".join(ln.text for ln in info.title_lines)
    if info.title_lines and not info.labels & ARTICLE_LABELS and is_section_heading(" ".join(ln.text for ln in info.title_lines)):
        info.evidence.append(f"large-type “{title}” is a section heading")
        info.title_lines = []
    labelled = {h.line for h in hits}
    if info.title_lines and _notice_under_text(body, hits, info.title_lines[0], size):
        # a 稿约, 征稿启事 or 本刊声明 set in the space under an article's end: the page is still
        # that article's (a notice page of its own has no article text above its title)
        info.notice_y = info.title_lines[0].y
        info.evidence.append(f"notice “{title}” set under the end of an article's text")
        info.title_lines = []
        return info
    if info.title_lines and _ADVERT.search(title) and not info.labels & {"doi", "article_no", "clc"}:
        info.kind = "advert"
        info.evidence.append(f"notice or advert “{title}”")
        info.title_lines = []
    elif (info.title_lines and not run_on_head and not info.labels & ARTICLE_LABELS
          and _heading_in_text(body, info.title_lines[0], size)):
        info.evidence.append(f"large-type “{title}” under running text that shows no article's end: a heading inside the article")
        info.title_lines = []
    elif (info.title_lines and not info.labels & ARTICLE_LABELS and page.number > 1 and latin_share(title) > 0.8
          and not _byline_under(body, info.title_lines)):
        # an English article opens with its authors under the title (JATS front matter:
        # title, contrib-group); large type with no names under it and no label on the page
        # is a pull quote, a box or a figure's heading inside the article
        info.evidence.append(f"large-type “{title[:60]}” has no byline under it: not an article's title")
        info.title_lines = []
    elif info.title_lines and (info.labels & ARTICLE_LABELS or info.title_lines[0].size >= size * 1.5):
        earlier = _start_read_before(body, hits, size, info.title_lines)
        if earlier is not None:
            info.evidence.append(f"“{''.join(ln.text.strip() for ln in earlier)[:40]}” lower in a column read before "
                                 f"“{title[:40]}” starts first")
            info.title_lines = earlier
        info.kind = "start"
        info.evidence.append(f"title type {info.title_lines[0].size:.1f}pt vs body {size:.1f}pt")
        top = info.title_lines[0]
        below = {h.field for h in hits if body[h.line].y >= top.y - 0.5}
        before = [ln for k, ln in enumerate(body) if ln.y < top.y and _read_before(body, k, top)] + _column_before(body, top)
        closed_above = any(CLOSING.match(ln.text) or REFERENCES_HEAD.match(ln.text.strip()) for ln in before)
        # the last line or two of the article before (its last reference item, a closing line)
        # at the top of the column where this one's head starts, under its 摘要/关键词: run-on
        # journals start an article in the column where the one before it ends, however little
        # of that one is left (GB/T 7714 numbered references end it)
        # (or a paragraph's last line, alone at the page's top: a widow of the article before)
        # (or, for a short piece that prints no 摘要 (书评, 短文), a display title with its byline)
        headed = bool(below & {"abstract_zh", "keywords_zh"}) or (top.size >= size * 1.5 and _byline_after(body, info.title_lines))
        tail = headed and any(
            (shows_end(ln.text) or _URL_TAIL.match(ln.text) or _widow(ln, size)) and ln.size <= size * 1.15
            and not _MASTHEAD_FURNITURE.search(ln.text) for ln in before)
        if (below & ARTICLE_LABELS or closed_above or run_on_head or headed) and (_text_above(body, labelled, top, size) or tail):
            info.start_y = _header_top(body, labelled, top)
            info.evidence.append(f"starts mid-page (y {info.start_y:.0f}) below the end of other text")
        info.later_starts, notice = _later_starts(body, hits, size, info.title_lines)
        for later in info.later_starts:
            info.evidence.append(f"another article starts lower (y {later.y:.0f}): "
                                 f"“{''.join(ln.text.strip() for ln in later.title_lines)[:40]}” below an article's end")
        if notice is not None:
            info.notice_y = notice
    elif _ADVERT.search(joined) and not info.labels and len(joined) < 1500:
        head = next((ln for ln in body if _ADVERT.search(ln.text)), body[0])
        if _notice_under_text(body, hits, head, size, any_size=True):
            info.notice_y = head.y  # (a notice under the end of an article's text: the article's page)
            info.evidence.append(f"notice “{head.text.strip()}” set under the end of an article's text")
        else:
            info.kind = "advert"
    elif (heading := _part_heading(body, size, page.height)) is not None:
        info.kind = "start"
        info.part_type = type_of_heading(heading.text)
        info.title_lines = [heading]
        info.evidence.append(f"heading “{heading.text.strip()}” in {heading.size:.1f}pt opens a part of its own")
    return info


def _after_title(body: list["Line"], title_lines: list["Line"]) -> int | None:
    """The index of the body line after the title's last line (None: the title is not in it)."""
    ids = {id(t) for t in title_lines}
    return next((k + 1 for k in range(len(body) - 1, -1, -1) if id(body[k]) in ids), None)


def _byline_under(body: list["Line"], title_lines: list["Line"]) -> bool:
    """Names printed within three lines under a title (the byline of an English article)."""
    from parsers.byline_en import byline
    b = _after_title(body, title_lines)
    return b is not None and any(byline(body, k)[0] for k in range(b, min(b + 3, len(body))))


def _english_section_title(body: list["Line"], size: float) -> bool:
    """Is the page's largest top line an English-abstracts section heading (Abstracts)?"""
    top = [ln for ln in body[:4] if ln.size >= size * 1.35]
    return bool(top) and _ENGLISH_SECTION_HEAD.match(top[0].text.strip()) is not None


# a heading numbered as GB/T 7713.2 numbers sections: 四、… / 四 … (an OCR layer may drop the
# separator) / 2 … / 2.1 …
_NUMBERED_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[\s\u3000、.．]|[二三四五六七八九十](?![一二三四五六七八九十])"
                               r"|\d{1,2}(?:\.\d{1,2})*[\s\u3000、.．])")  # (一带一路… is a title)
_REFERENCE_ITEM = re.compile(r"^\s*[\[［【]\s*\d{1,3}\s*[\]］】]")


def shows_end(text: str) -> bool:
    """Does this line show an article's end: its 参考文献 head or a reference item, or a
    （收稿日期…）/（责任编辑…） closing?"""
    t = text.strip()
    return bool(CLOSING.match(t) or REFERENCES_HEAD.match(t) or _REFERENCE_ITEM.match(t))


# a sentence's end in Chinese running text (a closing quote or bracket may follow it)
_SENTENCE_END = re.compile(r"[。！？][”’」』）)]?\s*$")


def _widow(line: "Line", size: float) -> bool:
    """A line of running text in body type that ends a sentence: the last line of a paragraph."""
    t = line.text.strip()
    return abs(line.size - size) <= size * 0.1 and len(t) >= 6 and bool(_SENTENCE_END.search(t)) \
        and latin_share(t) < 0.5


def _running_text(lines: list["Line"], size: float) -> bool:
    """Several lines of running text in body type or smaller (not a masthead box): what an
    article's tail shows above where another one starts."""
    text = [ln for ln in lines if ln.text.strip() and ln.size <= size * 1.15 and not _MASTHEAD_FURNITURE.search(ln.text)]
    return len(text) >= 3 and sum(len(ln.text.strip()) for ln in text) >= 80


def _heading_in_text(body: list["Line"], title: "Line", size: float) -> bool:
    """Large type numbered like a section, with running text above it and no sign that an article ended there (no
    references, no （收稿日期…）/（责任编辑…） closing): a section heading of the article going
    on, not the next article (a run-on start follows the earlier one's end matter)."""
    if not _NUMBERED_HEADING.match(title.text) or not _text_above(body, set(), title, size):
        return False
    return not any(shows_end(ln.text) for ln in body if ln.y < title.y - 0.5)


def ended_above(info: PageInfo) -> bool:
    """Does text above where the page's article starts show another article's end (its
    references, a （收稿日期…） or （责任编辑…） closing)? A masthead box above a title does not."""
    if info.start_y is None:
        return False
    return any(shows_end(ln.text) for ln in info.body if ln.y < info.start_y - 0.5)


def _title_after_closing(body: list["Line"], size: float, page_height: float) -> list["Line"]:
    """The large type below an article's closing lines (（收稿日期：…） / （本文编辑：…） / its
    参考文献), lower
    than the top half: the next article of a run-on layout that prints no 摘要 to find it by."""
    ends = [ln.y for ln in body if CLOSING.match(ln.text) or REFERENCES_HEAD.match(ln.text.strip())]
    if not ends:
        return []
    # (a title has words: a logo's "1 3" in large type at the foot is none)
    below = [ln for ln in body if ln.y > min(ends) and re.search(r"[^\W\d_]{2}", ln.text)]
    return title_lines(below, size, page_height, 1.35, window=1.0)


def _database_page(texts: list[str]) -> bool:
    """A page a full-text database adds to a download: its record of the article (two or
    more record fields such as 刊名 / 年，卷(期) / 本文链接), or a page of its own links (most
    lines a URL: 免费文献下载：http://…)."""
    lines = [t for t in texts if t.strip() and not _RULE_ONLY.fullmatch(t)]
    if not lines:
        return False
    if sum(1 for t in lines if _DATABASE_FIELD.match(t)) >= 2:
        return True
    # (a page of web references is long and numbered; a link page is a few lines)
    if len(lines) > 15:
        return False  # (the cheap test first: most pages are longer)
    urls = sum(1 for t in lines if _URL.search(t))
    return urls >= 3 and urls * 2 > len(lines) and not any(_NUMBERED_ENTRY.match(t) for t in lines)


_RULE_ONLY = re.compile(r"[\s\-—_=·.]+")
_NUMBERED_ENTRY = re.compile(r"^\s*(?:[\[［]\s*\d{1,3}\s*[\]］]|\d{1,3}\s*[.、])")


def _title_above_labels(body: list["Line"], hits: list["LabelHit"], size: float, page_height: float) -> list["Line"]:
    """The large type right above the page's first 摘要/关键词 label (`hits`: the labels of
    `body`): the title of an article that starts below the end of the one before it."""
    at = next((h.line for h in hits if h.field in ("abstract_zh", "keywords_zh")), None)
    if at is None:
        return []
    label_y = body[at].y
    lines = title_lines([ln for ln in body if ln.y < label_y], size, page_height, 1.2, window=1.0)
    if lines and is_section_heading(" ".join(ln.text for ln in lines)):
        return []
    return lines


# the end of a cited address run over from the page before (a reference's last line:
# "2022/indexch.htm."), which a GB/T 7714 entry closes with its full stop
_URL_TAIL = re.compile(r"^\s*(?:[\w\-.%?=&#~:+@]*/[\w\-./%?=&#~:+@]*|[\w\-%?=&#~:+@]+\.(?:s?html?|pdf|aspx?|php|jsp))"
                       r"\.\s*$", re.A)


def _text_above(body: list["Line"], labelled: set[int], title: "Line", size: float) -> bool:
    """Does another article's text end above this title? Several lines of running text in
    body type or smaller — not a column name, a masthead box or a one-line CNKI header,
    which carry no text or carry labels (`labelled`: indexes of body lines with one)."""
    return _running_text(_unlabelled_before(body, labelled, title), size)


def _unlabelled_before(body: list["Line"], labelled: set[int], title: "Line") -> list["Line"]:
    """The body lines read before `title` (those above it, and those of the column before
    it), without the labelled ones (`labelled`: their indexes)."""
    beside = {id(ln) for ln in _column_before(body, title)}
    return [ln for k, ln in enumerate(body) if (_read_before(body, k, title) or id(ln) in beside) and k not in labelled]


def _read_before(body: list["Line"], k: int, title: "Line") -> bool:
    """Is body line k above `title` and read before it? On a two-column page the top of the
    right column is higher than a title lower in the left column but is read after it (the
    reading order runs down the left column first): an article that opens the left column and
    ends at the top of the right one has no other article's text above its title."""
    ln = body[k]
    if ln.y >= title.y - 0.5 * title.size:
        return False
    at = next((j for j, t in enumerate(body) if t is title), None)
    return at is None or k < at or ln.x0 < title.x1


def _column_before(body: list["Line"], title: "Line") -> list["Line"]:
    """On a two-column page, the lines read before `title` in a column to its left that run
    down beside and below it, when they show an article's end (its references, a closing
    line): the earlier article's tail, though lower on the page than the title that opens
    the right column. Empty on a page read in one column."""
    at = next((k for k, ln in enumerate(body) if ln is title), None)
    if at is None:
        return []
    beside = [ln for ln in body[:at] if ln.x1 < title.x0 - 2 and ln.y > title.y + 0.5 * title.size]
    if len(beside) < 3 or not any(shows_end(ln.text) for ln in beside):
        return []
    return beside


def _notice_under_text(body: list["Line"], hits: list["LabelHit"], head: "Line", size: float,
                       any_size: bool = False) -> bool:
    """Is `head` the title of a notice (稿约, 征稿启事, 本刊声明, 更正…) set under the running
    text of an article (which then ends on this page), and no article's header under it?
    `any_size`: the title need not be in large type (a notice headed in body type)."""
    title = head.text.strip()
    if not (_ADVERT.search(title) or _NOTICE.search(title)) or len(title) > 40:
        return False
    if not any_size and head.size < size * 1.2:
        return False
    header = {h.field for h in hits if body[h.line].y > head.y} & {"abstract_zh", "keywords_zh", "clc", "doc_code", "article_no"}
    labelled = {h.line for h in hits}
    return len(header) < 2 and (_text_above(body, labelled, head, size) or _paragraph_end_above(body, labelled, head, size))


def _paragraph_end_above(body: list["Line"], labelled: set[int], title: "Line", size: float) -> bool:
    """Does an article's last paragraph end above this notice's title, even in a line or two
    (the article's widow lines carried over the page)? A notice is set in the space an
    article's end leaves (补白); a notice page of its own prints nothing in body type above its
    title but the running head, which is furniture."""
    above = [ln for ln in _unlabelled_before(body, labelled, title) if ln.text.strip() and not _MASTHEAD_FURNITURE.search(ln.text)]
    return bool(above) and _widow(above[-1], size)


def _later_starts(body: list["Line"], hits: list["LabelHit"], size: float, first: list["Line"]
                  ) -> tuple[list[LaterStart], float | None]:
    """Further article starts below the page's first one (`first`: its title lines), and
    where a notice under the last article's end begins (or None).

    A later start is a title in large type, read after an article's end (its 参考文献 or
    references, a （收稿日期…）/（责任编辑…） closing) and that article's running text, and
    followed by an article's header: its 摘要/关键词 (the title at least 1.2× the text), or,
    for a short piece that prints none (书评, 短文, 编者按), a byline right under a title at
    least 1.5× the text. A section heading, a 参考文献 head, an English title (an article's
    English block set after its references) or a notice (稿约, 征稿启事, 本刊声明) is none."""
    from parsers.article import _is_subtitle  # (here: parsers.article reads this module's PageInfo)
    at = [k for k, ln in enumerate(body) if any(ln is t for t in first)]
    if not at:
        return [], None
    labelled = {h.line for h in hits}
    header = {"abstract_zh", "keywords_zh"}
    starts: list[LaterStart] = []
    notice: float | None = None
    prev = k = at[-1] + 1
    while k < len(body):
        ln = body[k]
        if (ln.size < size * 1.2 or len(re.sub(r"\s", "", ln.text)) < 2 or COLUMN_LABEL.match(ln.text)
                or alone_line(ln.text) or not re.search(r"[^\W\d_]", ln.text)):
            k += 1
            continue
        group, j = [ln], k + 1
        while j < len(body) and abs(body[j].size - ln.size) <= 0.6 and 0 < body[j].y - group[-1].y < ln.size * 2.2:
            group.append(body[j])
            j += 1
        title = "".join(t.text.strip() for t in group)
        end = next((m for m in range(j, min(j + 15, len(body))) if body[m].size >= size * 1.2), min(j + 15, len(body)))
        below = {h.field for h in hits if j <= h.line < end}
        region = body[prev:k]
        ended = any(shows_end(t.text) for t in region)
        after_text = _running_text([t for i, t in enumerate(region, prev) if i not in labelled], size)
        if after_text and (_ADVERT.search(title) or _NOTICE.search(title)) and len(below & header) < 1:
            notice = group[0].y if notice is None else notice
            k = j
            continue
        # (the byline under the title, or under its ——subtitle)
        b = j + 1 if j + 1 < len(body) and _is_subtitle(body[j], group[-1], size) else j
        byline = b < len(body) and body[b].size < ln.size and _is_byline(body, b)
        heading = (is_section_heading(title) or _NUMBERED_HEADING.match(group[0].text) is not None
                   or REFERENCES_HEAD.match(title) is not None or latin_share(title) > 0.5)
        # (an article's end is shown by its references or closing line; a short piece may
        # print neither, and then the next one's byline under its title shows the start: with
        # its 摘要/关键词 (GB/T 7713.2: no article prints them inside its running text), or
        # under a display title where the page ends before the 摘要)
        if (ended or byline) and after_text and not heading and not _ADVERT.search(title) and (
                below & header or (ln.size >= size * 1.5 and byline and not _NOTICE.search(title))):
            starts.append(LaterStart(_header_top(body, labelled, group[0]), group))
            prev = j
        k = j
    return starts, notice


def heads_over_the_page(infos: list[PageInfo], size: float) -> None:
    """A run-on article's display title (with its ——subtitle) set at the foot of a page, its
    byline and 摘要/关键词 at the top of the next: the title starts that article where it is
    printed. The page of the title shows no header under it, so the next page's top, a byline
    and the labels of an article's header with no title above them, is the evidence a later
    start needs (`_later_starts` reads it on one page)."""
    for prev, cur in zip(infos, infos[1:]):
        if cur.kind != "content" or cur.title_lines or not cur.body or not _is_byline(cur.body, 0):
            continue
        if not {h.field for h in find_labels([ln.text for ln in cur.body[:8]])} & {"abstract_zh", "keywords_zh"}:
            continue
        body = prev.body
        k = len(body)
        while k and body[k - 1].size < size * 0.95:  # (the page's notes, set smaller, under it)
            k -= 1
        end = k
        while k and (body[k - 1].size >= size * 1.5 or body[k - 1].text.strip().startswith("——")):
            k -= 1
        group = [ln for ln in body[k:end] if ln.size >= size * 1.5]
        if (not group or not k or abs(body[k - 1].size - size) > size * 0.15
                or any(ln is t for t in prev.title_lines for ln in group)
                or any(ln is t for s in prev.later_starts for t in s.title_lines for ln in group)):
            continue
        title = "".join(ln.text.strip() for ln in group)
        prev.evidence.append(f"“{title[:40]}” at the page's foot under running text starts an article: its byline "
                             f"and 摘要 open p.{cur.number}")
        if prev.kind == "start":
            prev.later_starts.append(LaterStart(group[0].y, group))
        elif prev.kind == "content":
            prev.kind, prev.title_lines, prev.start_y = "start", group, group[0].y


def _byline_after(body: list["Line"], title_lines: list["Line"]) -> bool:
    """Is the line under the title (or under its ——subtitle) a byline?"""
    b = _after_title(body, title_lines)
    if b is None:
        return False
    if b < len(body) and body[b].text.lstrip().startswith(("——", "—")):
        b += 1
    return b < len(body) and body[b].size < title_lines[0].size and _is_byline(body, b)


def _is_byline(body: list["Line"], b: int) -> bool:
    """Is body[b] a byline: names (with their marks), or names each followed by its unit in
    brackets (黄晓燕（华中科技大学…），刘洋（…）), such a byline read with the lines it wraps onto."""
    from parsers.article import _BYLINE, _inline_affiliations
    text = body[b].text.strip()
    if _BYLINE.match(text):
        return True
    for ln in body[b + 1:b + 4]:  # (a long byline of names and units wraps over lines)
        if _inline_affiliations(text):
            return True
        if abs(ln.size - body[b].size) >= 0.5:
            break
        text += ln.text.strip()
    return bool(_inline_affiliations(text))


def _start_read_before(body: list["Line"], hits: list["LabelHit"], size: float, first: list["Line"]
                       ) -> list["Line"] | None:
    """On a two-column page, the title lines of an article that starts lower in the left column
    than `first` (the highest title, in the right column) and so is read before it: run-on
    journals start each piece in the column where the one before ends, so a short piece may
    open low in the left column, end at the top of the right one, and the next article start
    under it. None unless such a start follows an article's end (as _later_starts reads one)."""
    at = next((k for k, ln in enumerate(body) if ln is first[0]), None)
    if not at:
        return None
    head = body[:at]
    starts, _ = _later_starts(head, [h for h in hits if h.line < at], size, [head[0]])
    left = [s for s in starts if s.title_lines and s.title_lines[0].y > first[0].y
            and max(ln.x1 for ln in s.title_lines) < first[0].x0]
    return left[0].title_lines if left else None


def _header_top(body: list["Line"], labelled: set[int], title: "Line") -> float:
    """The top of the article's block: the title, or the labelled lines printed just above it
    (a CNKI one-line header 文章编号…中图分类号…, a DOI line)."""
    top = title.y
    near = top  # (the last line passed: a column label between the code line and the title)
    label = None
    # (the lines above it in its own column: on a two-column page the other column's text is beside it)
    for k in sorted((k for k, ln in enumerate(body) if ln.y < title.y - 0.5 and ln.x1 > title.x0 - 3 * title.size
                     and ln.x0 < title.x1), key=lambda k: -body[k].y):
        if near - body[k].y > 3.5 * max(body[k].size, title.size):
            break
        if k not in labelled:
            text = body[k].text.strip()
            if label is None and top == title.y and len(text) <= 10 and not re.search(r"[。，,.;；:：]", text):
                label = near = body[k].y  # ("专题研究" over the title, the CNKI header over both)
                continue
            break
        top = near = body[k].y
    return top if label is None or top == title.y else min(top, label)


def text_runs_on(info: PageInfo, size: float) -> bool:
    """Does the article's text on this page (its own part of a shared page) run on overleaf?
    True when its last line in the body size ends without a sentence end, or it prints no
    body-size line here at all (only its title, byline and abstract). The first-page notes
    (收稿日期, 基金项目, 作者简介: CAJ-CD B/T 1-2006 sets them at the foot of the page where
    the article starts) printed below such text are then no closing block."""
    lines = [ln for ln in info.body if abs(ln.size - size) <= 0.4 and not alone_line(ln.text)]
    if not lines:
        return True
    last = max(lines, key=lambda ln: (ln.y, ln.x0))
    return not re.search(r"[。！？!?．.…”’」』）)\]］\u2460-\u2473¹²³⁴⁵⁶⁷⁸⁹⁰]\s*$", last.text)


def page_part(info: PageInfo, *, above: float | None = None, below: float | None = None) -> PageInfo:
    """The part of a page shared by two articles that belongs to one of them: the lines before
    the block that starts at y `above` (the earlier article's end) or from the block that
    starts at y `below` on (the later one's start). A page shared by three articles gives the
    middle one's part by cutting twice. On a two-column page "before" is reading order: the
    left column's lines beside a title that opens the right column are the earlier article's."""
    cut = above if above is not None else below
    later = _from_cut(info.body, cut) if cut is not None else set()
    earlier = _earlier_notes(info.body, later) if cut is not None else set()

    def keep(ln: "Line") -> bool:
        if above is not None and id(ln) in later:
            return id(ln) in earlier
        if below is not None and id(ln) in later:
            return id(ln) not in earlier
        return below is None

    body = [ln for ln in info.body if keep(ln)]
    part = replace(info, body=body, title_lines=[ln for ln in info.title_lines if keep(ln)],
                   labels={h.field for h in find_labels([ln.text for ln in body])}, evidence=list(info.evidence))
    if above is not None:
        part.kind, part.start_y = "content", None
    return part


# the labels that open an article's first-page notes (CAJ-CD B/T 1-2006: 收稿日期, 基金项目, 作者简介)
_FIRST_PAGE_NOTES = {"received", "funding", "bio"}


def note_blocks(info: PageInfo, size: float) -> list[list["Line"]]:
    """On a page where several articles start, their first-page notes at its foot, one block
    per start in the order they start (CAJ-CD B/T 1-2006 sets each article's 收稿日期, 基金项目
    and 作者简介 at the foot of the page where it starts; a journal opens every block with the
    same label). Page notes (①②) are no block's. Empty unless there are as many blocks as starts."""
    if not info.later_starts:
        return []
    foot = sorted((ln for ln in info.body if ln.y > info.later_starts[-1].y and ln.size < size - 0.3), key=lambda ln: ln.y)
    blocks: list[list[Line]] = []
    opener: str | None = None
    in_note = False
    for ln in foot:
        hits = find_labels([ln.text])
        field_ = hits[0].field if hits and hits[0].start <= 2 else None
        if _NOTE_MARK.match(ln.text):
            in_note = True  # (a page note and its run-on lines)
            continue
        if field_ in _FIRST_PAGE_NOTES and (opener is None or field_ == opener):
            opener, in_note = field_, False
            blocks.append([ln])
        elif blocks and not in_note:
            blocks[-1].append(ln)
    return blocks if len(blocks) == 1 + len(info.later_starts) else []


def with_own_notes(part: PageInfo, page: PageInfo, start: int | None, size: float) -> PageInfo:
    """`part` (an article's part of `page`) with the first-page notes of `page` that are its
    own: the block of its start there (`start`: 0 the page's first start, i its i-th later
    one; None: it does not start on this page, so none is), and no other start's block."""
    blocks = note_blocks(page, size)
    if not blocks:
        return part
    mine = {id(ln) for ln in blocks[start]} if start is not None and start < len(blocks) else set()
    others = {id(ln) for b in blocks for ln in b} - mine
    have = {id(ln) for ln in part.body}
    body = [ln for ln in page.body if (id(ln) in have and id(ln) not in others) or id(ln) in mine]
    if [id(ln) for ln in body] == [id(ln) for ln in part.body]:
        return part
    return replace(part, body=body, labels={h.field for h in find_labels([ln.text for ln in body])})


def _from_cut(body: list["Line"], cut: float) -> set[int]:
    """The lines (by id) from the block starting at y `cut` on: those at or below it, or, on a
    two-column page whose block top opens a column beside a column read before it, those read
    from the block top on (column_before's layout)."""
    row = [k for k, ln in enumerate(body) if abs(ln.y - cut) <= 0.5]
    if row:
        at = max(row, key=lambda k: (body[k].size, -k))  # (the block's top: its largest piece)
        top = body[at]
        if len([ln for ln in body[:at] if ln.x1 < top.x0 - 2 and ln.y > top.y + 0.5 * top.size]) >= 3:
            return {id(ln) for ln in body[at:]}
        # (a block that opens low in the left column runs on at the top of the right one,
        # higher on the page but read after it)
        if len([ln for ln in body[at:] if ln.x0 > top.x1 and ln.y < top.y - 0.5 * top.size]) >= 3:
            return {id(ln) for ln in body[at:]}
    return {id(ln) for ln in body if ln.y >= cut - 0.5}


# a footnote's mark as journals print it (numbered per page): ① or 1). (A mark [1] is left out: GB/T
# 7714-2015's numbered citations print [1] in the text too, and some bylines mark units with it.)
_MARK = r"[\u2460-\u2473]|(?<![(（\d])\d{1,2}\)"
_NOTE_MARK = re.compile(rf"^\s*({_MARK})")


def _earlier_notes(body: list["Line"], later: set[int]) -> set[int]:
    """Footnotes after the cut (`later`: the ids of the lines from it on) that belong to the
    article ending before it: the notes whose marks (①②, numbered per page) its text before
    the cut uses (① or 1)), with their run-on lines. The later article's own notes and its
    first-page note (收稿日期…) stay with it."""
    text_above = "".join(ln.text for ln in body if id(ln) not in later)
    marks = set(re.findall(_MARK, text_above))
    if not marks:
        return set()
    below = sorted((ln for ln in body if id(ln) in later), key=lambda ln: ln.y)
    main = max((ln.size for ln in below), default=0.0)
    owned: set[int] = set()
    owner_is_earlier = False
    for ln in below:
        m = _NOTE_MARK.match(ln.text)
        if m:
            owner_is_earlier = m.group(1) in marks and ln.size < main - 0.3
        elif find_labels([ln.text]) or ln.size >= main - 0.3:
            owner_is_earlier = False  # the later article's labelled note, or its text
        if owner_is_earlier:
            owned.add(id(ln))
    return owned


def _part_heading(body: list["Line"], size: float, page_height: float) -> "Line | None":
    """A preface or editorial heading: the page's first line, alone in its largest type
    (at least 1.2× the body), whose words name a part (labels.toml `headings`)."""
    if not body:
        return None
    first = body[0]
    if first.y > page_height * 0.35 or first.size < size * 1.2:
        return None
    if any(ln.size > first.size - 0.3 for ln in body[1:]):
        return None
    return first if type_of_heading(first.text) else None
