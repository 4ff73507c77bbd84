"""Printed page numbers (folios) on small generated pages: where journals print them, the
forms they take, how a missing one is inferred, and the numbers that look like one but are
not (a running head's year, volume or issue; a magazine's 下转第16页 jump reference)."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from parsers.pages import PageInfo, _folio, classify, head_band, infer_printed, split_edges
from parsers.textlayer import Line, PageText

SIZE = 10.0
W, H = 595.0, 842.0
HEAD = "中国性科学 2011年2月 第20卷 第2期"


def _line(text: str, y: float, size: float = 9.0, x0: float = 60.0) -> Line:
    return Line(text=text, x0=x0, x1=min(W - 20, x0 + size * len(text)), y=y, size=size)


def _body(n: int = 40, top: float = 90.0) -> list[Line]:
    return [_line(f"正文第{k}行，这是一行用于测试的正文文字，长度接近版心。", top + 16.0 * k, SIZE) for k in range(n)]


def _page(number: int, edges: list[Line], body: list[Line] | None = None) -> PageText:
    lines = sorted(edges + (_body() if body is None else body), key=lambda ln: (ln.y, ln.x0))
    return PageText(number, W, H, None, lines)


def _read(page: PageText) -> int | None:
    return split_edges(page, SIZE)[2]


def _printed(pages: list[PageText]) -> list[int | None]:
    infos = [classify(p, SIZE) for p in pages]
    infer_printed(infos)
    return [p.printed for p in infos]


# --- forms ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["·27·", "· 27 ·", "・27・", "— 27 —", "-27-", "－27－", "27", "第27页", "第 27 页",
                                  "27 " + HEAD, "27" + HEAD.replace(" ", ""), HEAD + " 27",
                                  "Vol.20 No.2 Feb. 2011 · 27 ·", "中国性科学·27·", "Chin J Hum Sex, Vol. 20, No. 2 27"])
def test_folio_forms(text: str) -> None:
    assert _folio(_line(text, 30)) == 27


@pytest.mark.parametrize("text", [HEAD, HEAD.replace(" ", ""), "中国性科学 Vol. 20 No. 2", "Vol. 20, No. 2",
                                  "2011年 第 2 期", "Journal of Sexology 2011", "20卷2期 中国性科学",
                                  "中国性科学2011年第2", "https://example.org/a.html [2023-05-01].", "（下转第16页）", "(上接第12页)", "（转第 5 页）", "（续第3页）"])
def test_numbers_of_a_running_head_or_a_jump_reference_are_no_folio(text: str) -> None:
    """A running head's year, volume and issue and a magazine's jump reference (下转第16页 /
    上接第12页: where the article goes on or came from) are numbers in the margin, no folio."""
    assert _folio(_line(text, 30)) is None


@pytest.mark.parametrize("text", ["― 27 ―", "―27―", "─27─", "∙27∙", "⋅27⋅", "‧27‧",
                                  "Chin J Hum Sex, Feb 2011, Vol.20, No.2·27·", "·27·Chin J Hum Sex, Feb 2011",
                                  "2 7", "· 2 7 ·", "— 2 7 —", "2 7 " + HEAD, HEAD + " 2 7", "Vol.20 No.2 · 2 7 ·"])
def test_folio_marks_fonts_and_letter_spacing(text: str) -> None:
    """GB/T 3179-2009 leaves the folio's form to the journal: bars and bullets as CJK fonts
    encode them (― U+2015 for GB 2312's dash, ∙ ‧), a folio set against the running head's
    words (Founder's one run), and a letter-spaced folio the text layer reads digit by digit."""
    assert _folio(_line(text, 30)) == 27


def test_a_letter_spaced_folio_is_not_its_first_digit() -> None:
    """"1 4 3" at the foot is page 143 (read as words, it was page 1: wrong and unflagged)."""
    assert _folio(_line("1 4 3", 800)) == 143
    assert _folio(_line("2 0 1 1年2月 第20卷 第2期", 30)) is None


@given(st.integers(min_value=1, max_value=1899), st.sampled_from(["·{}·", "— {} —", "-{}-", "第{}页", "{}"]))
def test_any_folio_in_any_form_reads_back(n: int, form: str) -> None:
    assert _folio(_line(form.format(n), 800)) == n


# --- positions -------------------------------------------------------------------------------

def _foot(n: int, form: str = "{}", corner: bool = False) -> Line:
    """The folio at the foot: centred, or in the outer corner (left on even, right on odd pages)."""
    text = form.format(n)
    x0 = (60.0 if n % 2 == 0 else 520.0) if corner else 290.0
    return _line(text, 810, 9.0, x0)


def _head_line(n: int | None, text: str = HEAD) -> list[Line]:
    """A running head with the folio in the outer corner beside it (a line of its own)."""
    out = [_line(text, 40, 9.0, 200.0)]
    if n is not None:
        out.append(_line(str(n), 40, 9.0, 60.0 if n % 2 == 0 else 520.0))
    return out


@pytest.mark.parametrize("form", ["{}", "·{}·", "— {} —", "-{}-", "第{}页"])
@pytest.mark.parametrize("corner", [False, True])
def test_a_foot_folio_centred_or_in_the_outer_corner(form: str, corner: bool) -> None:
    for n in (26, 27):
        assert _read(_page(1, [_foot(n, form, corner)])) == n


def test_a_head_folio_in_the_outer_corner_beside_the_running_head() -> None:
    for n in (26, 27):
        assert _read(_page(1, _head_line(n))) == n


def test_a_head_that_prints_volume_and_issue_does_not_hide_the_foot_folio() -> None:
    page = _page(1, [_line("中国性科学 Vol. 20 No. 2", 40, 9.0, 200.0), _foot(27, "— {} —")])
    assert _read(page) == 27


def test_a_jump_reference_in_the_margin_is_text_not_the_folio() -> None:
    """（上接第12页） over a column where an article resumes, （下转第16页） at a column's foot."""
    page = _page(1, [_line("（上接第12页）", 62, 9.0, 60.0), _foot(16, "·{}·")],
                 body=_body(44, 80.0) + [_line("（下转第21页）", 797, 9.0, 300.0)])
    body, heads, folio = split_edges(page, SIZE)
    assert folio == 16
    assert any("上接第12页" in ln.text for ln in body) and any("下转第21页" in ln.text for ln in body)


# --- inference -------------------------------------------------------------------------------

def test_a_running_head_issue_number_on_the_first_page_does_not_set_the_sequence() -> None:
    """A two-page excerpt: the first page prints no folio but a head ending in the issue number
    (No. 2); the second prints 254 run into its head."""
    first = _page(1, [_line("中国性科学 2011年2月 Vol. 20 No. 2", 40, 9.0, 200.0)])
    second = _page(2, [_line("254 " + HEAD, 40, 9.0, 60.0)])
    assert _printed([first, second]) == [253, 254]


def test_a_volume_number_in_every_running_head_grows_by_nothing() -> None:
    """Odd pages print the head before the folio (the folio in the right corner), with the
    volume at its end: the folio grows by one per page, the volume stays; the sequence wins."""
    pages = []
    for n in range(1, 7):
        folio = 40 + n
        head = [_line("Chinese Journal of Human Sexuality Vol. 20", 40, 9.0, 150.0),
                _line(str(folio), 40, 9.0, 60.0 if folio % 2 == 0 else 520.0)]
        pages.append(_page(n, head))
    infos = [classify(p, SIZE) for p in pages]
    infer_printed(infos)
    assert [p.printed for p in infos] == [41, 42, 43, 44, 45, 46]
    assert all(p.printed_seen for p in infos)


def test_an_issue_printed_from_3_with_unnumbered_pages_inside() -> None:
    """An issue PDF printed 3–14 as PDF pages 1–12 (the covers counted, not in the file): the
    contents page and article first pages print no folio, a full-page advert none, and a
    （下转第…页） at one column's foot is no folio either."""
    pages = []
    for n in range(1, 13):
        folio = n + 2
        if n in (1, 4, 8, 11):  # contents, first pages, a full-page advert: no folio
            pages.append(_page(n, []))
        elif n == 6:
            pages.append(_page(n, [_foot(folio, "·{}·")], body=_body(44, 80.0) + [_line("（下转第40页）", 797, 9.0, 300.0)]))
        else:
            pages.append(_page(n, [_foot(folio, "·{}·")]))
    assert _printed(pages) == [n + 2 for n in range(1, 13)]


def test_a_number_that_breaks_the_sequence_is_replaced() -> None:
    infos = [PageInfo(number=n, printed=n + 26, printed_seen=True) for n in range(1, 7)]
    infos[3].printed = 7  # a misread
    infer_printed(infos)
    assert [p.printed for p in infos] == [27, 28, 29, 30, 31, 32]
    assert not infos[3].printed_seen


def test_the_longest_run_wins_over_a_constant_misread() -> None:
    """Each page reads two numbers (its folio and a constant); the one that grows by one per
    page is the folio."""
    infos = [PageInfo(number=n, printed=20, printed_seen=True, folios=[20, n + 40]) for n in range(1, 5)]
    infer_printed(infos)
    assert [p.printed for p in infos] == [41, 42, 43, 44]
    assert all(p.printed_seen for p in infos)


def _run_pages(printed: list[int | None], text: dict[int, int] | None = None) -> list[PageInfo]:
    """Pages reading `printed` (None: no folio) alone in the margin; `text`: page -> body chars."""
    infos = []
    for n, f in enumerate(printed, 1):
        body = [_line("字" * (text or {}).get(n, 600), 100.0)]
        infos.append(PageInfo(number=n, printed=f, printed_seen=f is not None, folios=[f] if f else [],
                              folio_alone=f is not None, body=body))
    return infos


def test_a_plate_bound_in_outside_the_numbering() -> None:
    """36 37 | plate | 38 39 40: the pages after the plate number on from the page before it;
    the plate (a caption's text) is an insert, no article's page."""
    infos = _run_pages([None, 37, None, None, 39, None, 41], text={3: 20})
    infer_printed(infos)
    assert [p.printed for p in infos] == [36, 37, None, 38, 39, 40, 41]
    assert infos[2].kind == "insert" and all(p.kind != "insert" for k, p in enumerate(infos) if k != 2)


def test_two_runs_need_a_page_that_can_be_the_insert() -> None:
    """A step down in the numbers with only article text between is no insert: the file keeps
    one offset (the longest run's), as before."""
    infos = _run_pages([None, 37, None, 38, 39, None, 41], text={3: 900})
    infer_printed(infos)
    assert all(p.kind != "insert" for p in infos)
    assert [p.printed for p in infos][3:] == [38, 39, 40, 41]


def test_numbers_that_jump_where_pages_are_missing() -> None:
    """31 32 33 | 36 37 38: two pages counted in the numbering are not in the file; the jump
    lies at the article start between, and each run keeps its own numbers."""
    infos = _run_pages([31, 32, 33, None, 37, 38])
    infos[3].kind = "start"
    infer_printed(infos)
    assert [p.printed for p in infos] == [31, 32, 33, 36, 37, 38]


def test_articles_bound_from_different_issues_keep_their_numbers() -> None:
    """36 37 | 121 122 | 57 58: downloads bound into one file; at each article start the
    numbers begin again, by any step (up or down), and each run keeps its own."""
    infos = _run_pages([36, 37, 121, 122, 57, 58])
    infos[2].kind = infos[4].kind = "start"
    infer_printed(infos)
    assert [p.printed for p in infos] == [36, 37, 121, 122, 57, 58]
    assert all(p.printed_seen for p in infos)
    assert any("start again" in e for e in infos[2].evidence)


def test_numbers_that_start_again_mid_article_are_misreads() -> None:
    """The same step inside an article (no article starts there) is no restart: the file
    keeps one offset, as before."""
    infos = _run_pages([36, 37, 38, 39, 121, 122, 123, 124, 125])
    infer_printed(infos)
    assert [p.printed for p in infos] == list(range(117, 126))


def test_one_odd_number_is_no_run() -> None:
    """A single page reading off the sequence (run into a head, misread) is overridden: it
    takes two pages, or one folio alone with an insert between, to make a run."""
    infos = _run_pages([21, 22, 23, 5, 25, 26])
    infos[3].folio_alone = False
    infer_printed(infos)
    assert [p.printed for p in infos] == [21, 22, 23, 24, 25, 26]


@given(st.integers(min_value=1, max_value=300), st.integers(min_value=2, max_value=6), st.integers(min_value=1, max_value=2))
def test_an_issue_with_inserts_numbers_every_counted_page(first: int, run: int, plates: int) -> None:
    """Runs of `run` numbered pages with `plates` plates between: every numbered page gets its
    number, every plate none."""
    printed: list[int | None] = []
    text: dict[int, int] = {}
    k = first
    for block in range(3):
        for _ in range(run):
            printed.append(k)
            k += 1
        if block < 2:
            for _ in range(plates):
                printed.append(None)
                text[len(printed)] = 10
    infos = _run_pages(printed, text)
    infer_printed(infos)
    assert [p.printed for p in infos] == printed


# --- articles ------------------------------------------------------------------------------

def _doc(pages: list[list[Line]]):
    from pathlib import Path

    from parsers.textlayer import Document
    return Document(path=Path("magazine.pdf"), sha256="0" * 64, page_count=len(pages),
                    pages=[PageText(k + 1, W, H, None, lines) for k, lines in enumerate(pages)], outline=[], info={})


def test_a_jump_page_leaves_the_main_runs_of_both_articles() -> None:
    """A magazine: article A on printed pp.11–12 breaks off with （下转第15页）; B runs 13–15 and
    A's tail resumes under （上接第12页） at the foot of p.15. A is 11–12, B 13–15."""
    from parsers.extract import build_issue
    from tests.test_split_rules import _flow, _head, _text
    a = _head("东北亚区域合作的新进展", "张三", "本文讨论区域合作。", "东北亚；区域合作", "0011-02")
    b = _head("数字治理的制度逻辑", "李四", "本文讨论数字治理。", "数字治理；制度", "0013-03")
    pages = [_flow(a + _text(20, "甲文")), _flow(_text(26, "甲文续")) + [_line("（下转第15页）", 797, 9.0, 300.0)],
             _flow(b + _text(20, "乙文")), _flow(_text(26, "乙文续")),
             _flow(_text(16, "乙文末") + [("", 10.5), ("（上接第12页）", 9.0)] + _text(4, "甲文末"))]
    for k, page in enumerate(pages):
        if k not in (0, 2):  # (first pages print no folio)
            page.append(_line(f"·{11 + k}·", 815, 9.0, 290.0))
    issue = build_issue(_doc(pages))
    assert [(x.fpage, x.lpage) for x in issue.articles] == [("11", "12"), ("13", "15")]


def test_pages_from_the_article_number_when_no_folio_is_read() -> None:
    """A scan whose folios the text layer lost: the 文章编号's first page and page count."""
    from parsers.extract import build_issue
    from tests.test_split_rules import _flow, _head, _text
    a = _head("东北亚区域合作的新进展", "张三", "本文讨论区域合作。", "东北亚；区域合作", "0027-03")
    issue = build_issue(_doc([_flow(a + _text(20, "甲文")), _flow(_text(30, "甲文续")), _flow(_text(30, "甲文末"))]))
    art = issue.articles[0]
    assert (art.fpage, art.lpage) == ("27", "29")
    assert "pages-from-article-no" in [w.code for w in art.warnings]


def test_one_folio_that_nothing_contradicts_sets_the_sequence() -> None:
    """A three-page excerpt: the first page prints no folio, the last (a short page with a
    figure) none either; the middle one's ·254· numbers all three."""
    pages = [_page(1, []), _page(2, [_foot(254, "·{}·")]), _page(3, [], body=_body(10))]
    assert _printed(pages) == [253, 254, 255]


@pytest.mark.parametrize("text", ["21世纪经济报道", "图3", "Table 2"])
def test_a_count_or_a_caption_in_the_margin_is_no_folio(text: str) -> None:
    assert _folio(_line(text, 30)) is None


def test_a_jump_page_bound_in_after_a_downloaded_article() -> None:
    """A download of an article printed 27–29 whose text resumes on p.45 (（下转第45页） at
    the foot of 29, （上接第29页） over the tail on 45): p.45 keeps its folio, and the
    article's range is its main run 27–29."""
    from parsers.extract import build_issue
    from tests.test_split_rules import _flow, _head, _text
    a = _head("东北亚区域合作的新进展", "张三", "本文讨论区域合作。", "东北亚；区域合作", "0027-04")
    pages = [_flow(a + _text(20, "甲文")), _flow(_text(26, "甲文续")) + [_line("·28·", 815, 9.0, 290.0)],
             _flow(_text(26, "甲文续")) + [_line("（下转第45页）", 797, 9.0, 300.0), _line("·29·", 815, 9.0, 290.0)],
             _flow([("（上接第29页）", 9.0)] + _text(6, "甲文末") + [("参考文献：", 10.5), ("[1] 王五. 东北亚合作研究[J]. 东北亚论坛, 2020(3): 1-10.", 9.0)])
             + [_line("·45·", 815, 9.0, 290.0)]]
    infos = [classify(PageText(k + 1, W, H, None, lines), 10.5) for k, lines in enumerate(pages)]
    infer_printed(infos)
    assert [p.printed for p in infos] == [27, 28, 29, 45]
    art = build_issue(_doc(pages)).articles[0]
    assert (art.fpage, art.lpage, art.pdf_pages) == ("27", "29", [1, 4])


def test_the_main_run_ends_where_the_sequence_breaks() -> None:
    from parsers.pages import main_run_last
    pages = [PageInfo(number=n, printed=p) for n, p in ((1, 27), (2, 28), (3, 29), (4, 45))]
    assert main_run_last(pages).printed == 29
    assert main_run_last(pages[:3]).printed == 29


@pytest.mark.parametrize("form", ["第{}页", "第 {} 页", "Page {} of 12", "— {} —"])
def test_a_foot_folio_close_under_the_text(form: str) -> None:
    """A foot folio set a line and a half under the last text line (no wider gap than the
    leading): printed alone, it is the folio all the same."""
    body = _body(45, 90.0)  # last line at y 794
    assert _read(_page(1, [_line(form.format(7), 794 + 20, 9.0, 280.0)], body=body)) == 7


def test_an_issue_without_readable_folios_is_numbered_by_its_contents() -> None:
    """No folio on any page and no page labels: the 目录 lists A at p.11 and B at p.13, the
    titles on PDF pages 2 and 4: every page is numbered with that offset."""
    from parsers.extract import build_issue
    from tests.test_split_rules import _flow, _head, _text
    toc = _flow([("目  录", 16.0), ("东北亚区域合作的新进展 ………………………… 张三（11）", 10.5),
                 ("数字治理的制度逻辑 ………………………… 李四（13）", 10.5)], top=100)
    a = _head("东北亚区域合作的新进展", "张三", "本文讨论区域合作。", "东北亚；区域合作", "")
    b = _head("数字治理的制度逻辑", "李四", "本文讨论数字治理。", "数字治理；制度", "")
    pages = [toc, _flow(a + _text(20, "甲文")), _flow(_text(30, "甲文续")), _flow(b + _text(20, "乙文")), _flow(_text(30, "乙文续"))]
    issue = build_issue(_doc(pages))
    assert [(x.fpage, x.lpage) for x in issue.articles] == [("11", "12"), ("13", "14")]


def test_one_number_run_into_a_head_does_not_number_the_file_alone() -> None:
    """A single reading from a running head (which a broken font encoding may garble) is too
    weak to number every page; a folio printed alone is not."""
    pages = [_page(1, []), _page(2, [_line("· 799 ·中华预防医学杂志2002年11月第36卷第6期", 30, 8.0, 20.0)]), _page(3, [])]
    assert _printed(pages) == [None, 799, None]



def test_a_misread_number_on_a_page_that_resumes_an_article_is_no_jump_page() -> None:
    """In an issue PDF the page with （上接第12页） sits in the sequence: a head's number read
    on it (20, below the run) gives way to the sequence."""
    infos = [PageInfo(number=n, printed=n + 10, printed_seen=True, folios=[n + 10]) for n in range(1, 6)]
    infos[3].printed, infos[3].folios = 20, [20]
    infos[3].body = [_line("（上接第12页）", 100)]
    infer_printed(infos)
    assert [p.printed for p in infos] == [11, 12, 13, 14, 15]


def _same_lines_page(number: int, text: str, start_y: float | None = None) -> PageInfo:
    return PageInfo(number=number, body=[_line(f"{text}第{i}行，正文。", 100.0 + 14 * i) for i in range(12)],
                    start_y=start_y)


def test_a_page_repeated_by_bound_downloads_starts_its_article_once() -> None:
    """A | shared page (B starts mid-page) | the same page again, B's download | B: B is read
    from its own download, the first copy is A's last page."""
    from parsers.extract import assign_repeated_copies
    from parsers.split import Span, Split

    infos = [_same_lines_page(1, "甲"), _same_lines_page(2, "乙", start_y=400.0),
             _same_lines_page(3, "乙", start_y=400.0), _same_lines_page(4, "丙")]
    split = Split(spans=[Span(1, 1), Span(2, 3), Span(3, 4)], toc=[], english_pages=[], skipped={})
    assign_repeated_copies(split, infos)
    assert [(s.first, s.last) for s in split.spans] == [(1, 2), (3, 4)]
    assert [code for code, _ in split.warnings] == ["repeated-page"]


def test_a_start_on_a_page_unlike_the_next_is_kept() -> None:
    from parsers.extract import assign_repeated_copies
    from parsers.split import Span, Split

    infos = [_same_lines_page(1, "甲"), _same_lines_page(2, "乙", start_y=400.0), _same_lines_page(3, "丙", start_y=300.0)]
    split = Split(spans=[Span(1, 1), Span(2, 2), Span(3, 3)], toc=[], english_pages=[], skipped={})
    assign_repeated_copies(split, infos)
    assert len(split.spans) == 3 and not split.warnings


def test_a_footnote_ending_in_the_foot_margin_stays_text_beside_offset_columns() -> None:
    """Two columns of body text whose baselines do not line up (half a leading apart) and a
    footnote in smaller type whose last line reaches into the foot margin (dbsdxbzs2018-2,
    page 8, of zh_more's development half). The body's leading is measured down each
    column, not across them, so the note line set at the note's own leading is no running
    foot, and the page number is still the folio's."""
    left = [Line(text="左栏正文，这是一行用于测试的正文文字。", x0=60.0, x1=280.0, y=90.0 + 16.0 * k, size=SIZE) for k in range(38)]
    right = [Line(text="右栏正文，这是一行用于测试的正文文字。", x0=310.0, x1=530.0, y=98.0 + 16.0 * k, size=SIZE) for k in range(38)]
    notes = [_line("① 如盖尤斯认为：“毫无疑问。”盖尤斯：《论尤利和巴比法》第10编，中国政法大学出版社", 723.3, 7.3),
             _line("1995年版，第2页。", 735.2, 7.3),
             _line("② 罗马法以类推方式解决双性人问题。乌尔比安：《论萨宾》第1编，黄风，译，中国", 747.1, 7.3),
             _line("在他身上占主导地位的性视为他的性别。”桑德罗·斯契巴尼，选编，黄风，译", 759.1, 7.3),
             _line("政法大学出版社1995年版", 771.0, 7.3)]
    page = _page(19, [_line("·19·", 786.5, 9.7, 486.6)], body=left + right + notes)
    body, heads, number = split_edges(page, SIZE)
    assert number == 19
    assert [h.text for h in heads] == ["·19·"]
    assert body[-1].text == "政法大学出版社1995年版"


def test_a_short_line_where_the_feet_recur_is_the_foot_s() -> None:
    """Springer Nature prints a "Vol:.(1234567890)" line under the folio line of every other
    page. On most pages it stands apart from the text; on a page set in wider leading it is
    closer to the folio line than that leading. It sits where this document's running feet
    recur (head_band), so it is the foot's there too, not text to glue onto the last
    reference (PMC7971039, page 16)."""
    def page(number: int, leading: float) -> PageText:
        body = [Line(text="29. Hasan, M. M. et al. Meta-i6mA: An interspecies predictor.", x0=160.0, x1=530.0,
                     y=90.0 + leading * k, size=SIZE) for k in range(int(600 / leading))]
        feet = [_line(f"Scientific Reports | (2021) 11:6074 | https://doi.org/10.1038/s41598-021-85629-0 {number}", 764.0, 8.0, 41.0),
                _line("Vol:.(1234567890)", 780.2, 8.0, 4.8)]
        return PageText(number, 595.0, 782.4, None, sorted(body + feet, key=lambda ln: ln.y))
    pages = [page(n, 11.0) for n in range(10, 16)] + [page(16, 12.7)]
    band = head_band(pages, SIZE)
    assert band[1] is not None and band[1] < 780.2
    body_lines, heads, number = split_edges(pages[-1], SIZE, band)
    assert number == 16
    assert [h.text for h in heads][-1] == "Vol:.(1234567890)"
    assert all(not ln.text.startswith("Vol:") for ln in body_lines)


def test_a_column_top_that_starts_with_a_number_is_text_where_the_folio_stands_alone() -> None:
    """A page cropped to its type area (a CAJ export) puts the right column's first line in
    the top margin. When that line carries a reference over from the left column and starts
    with a number ("141 Dutch transsexuals[J]…", symrzxwkzz2000-4, page 3, of zh_more's
    development half), it is the reference's end, not a running head with its folio: the
    page prints its number alone at the foot (· 215 ·), and the line goes on at the text's
    own leading. The same page set on A4, with the margin around it, read it so already."""
    left = [Line(text="左栏正文，这是一行用于测试的正文文字。", x0=9.0, x1=250.0, y=70.0 + 16.0 * k, size=SIZE) for k in range(42)]
    right = [Line(text="141 Dutch transsexuals[J].Arch Sex Behav, 1988, 17:438.", x0=281.0, x1=500.0, y=48.0, size=7.7)]
    right += [Line(text=f"[{k}] Becking AG, Tuinzing DB, Hage JJ, et al.Facial corrections", x0=281.0, x1=500.0,
                   y=59.0 + 11.0 * (k - 4), size=7.7) for k in range(4, 64)]
    foot = [_line("· 215 ·", 760.0, 8.0, 120.0)]
    page = PageText(3, 520.0, 770.0, None, sorted(left + right + foot, key=lambda ln: (ln.y, ln.x0)))
    body, heads, number = split_edges(page, SIZE)
    assert number == 215
    assert [h.text for h in heads] == ["· 215 ·"]
    assert any(ln.text.startswith("141 Dutch") for ln in body)
    # where no folio stands alone on the page, the number run into a top line is still read
    page = PageText(3, 520.0, 770.0, None, sorted(left + right, key=lambda ln: (ln.y, ln.x0)))
    assert split_edges(page, SIZE)[2] == 141


# ------------------------------------------------------- pages cropped to their type area
# CNKI's CAJ-to-PDF exports crop each page to what it prints: the first and last lines of the
# columns, a first page's title and byline, its first-page notes all lie inside the margins
# a wider page keeps for its running heads and feet (bench/perturb.py type-area)

def _cropped(lines: list[Line], height: float = 530.0) -> PageText:
    return PageText(2, 360.0, height, None, sorted(lines, key=lambda ln: (ln.y, ln.x0)))


def _column(top: float, n: int, leading: float = 17.5, size: float = SIZE) -> list[Line]:
    return [Line(text="瓦解和重构？而我们所习惯的关于物质身体、精神价值，欲望路径，", x0=6.0, x1=340.0,
                 y=top + leading * k, size=size) for k in range(n)]


def test_the_first_line_of_a_cropped_page_is_text() -> None:
    """One leading over the next line is the text's own spacing, not a head's gap."""
    body, heads, _ = split_edges(_cropped(_column(14.5, 29) + [_line("241", 522.0, 9.0, 170.0)]), SIZE)
    assert body[0].text.startswith("瓦解和重构") and [h.text for h in heads] == ["241"]


def test_a_head_a_third_of_a_line_over_the_text_is_still_a_head() -> None:
    """microPublication's "11/28/2020 - Open Access" stands 1.32 leadings over the text."""
    lines = [_line("11/28/2020 - Open Access", 68.0, SIZE)] + _column(83.8, 40, 12.0)
    body, heads, _ = split_edges(PageText(2, W, H, None, lines), SIZE)
    assert [h.text for h in heads] == ["11/28/2020 - Open Access"]


def test_a_byline_under_the_title_is_no_running_head() -> None:
    title = Line(text="人工智能与性别伦理：一个新时代", x0=60.0, x1=300.0, y=18.3, size=15.0)
    byline = Line(text="马中红", x0=170.0, x1=200.0, y=40.1, size=SIZE)
    page = _cropped([title, byline] + _column(118.5, 23) + [_line("240", 522.0, 9.0, 10.0)])
    body, heads, _ = split_edges(page, SIZE)
    assert "马中红" in [ln.text for ln in body] and [h.text for h in heads] == ["240"]


def test_a_first_page_note_at_the_foot_is_no_running_foot() -> None:
    note = Line(text="∗ 宋亦明, 北京外国语大学国际关系学院讲师。", x0=6.0, x1=200.0, y=515.0, size=7.5)
    body, heads, _ = split_edges(_cropped(_column(14.5, 27) + [note]), SIZE)
    assert body[-1] is note and heads == []
    # a short line set apart at the foot without a note mark is still the foot's
    stamp = Line(text="万方数据", x0=150.0, x1=190.0, y=515.0, size=7.5)
    assert split_edges(_cropped(_column(14.5, 27) + [stamp]), SIZE)[1] == [stamp]


def test_a_reference_page_s_own_leading_sets_its_feet_apart() -> None:
    """A page of references alone (7.8 pt at 13.2 pt leading: no body line to measure the
    text's leading by) ends a column with a line that ends in a number. 1.7 lines of its own
    type under the line above it is its leading, not a foot's gap: no folio 12 here."""
    refs = [Line(text="［30］Chen EC, Boyd DM, Cunningham tized identities of transgender", x0=8.0, x1=236.0,
                 y=20.0 + 13.2 * k, size=7.8) for k in range(49)]
    last = Line(text="［47］Kim HT. A new conceptual approach for 12", x0=8.0, x1=236.0, y=20.0 + 13.2 * 49, size=7.8)
    folio = Line(text="·13·", x0=446.0, x1=477.0, y=8.0, size=10.3)
    body, heads, number = split_edges(_cropped(refs + [last, folio], 719.0), SIZE)
    assert number == 13 and body[-1] is last


def test_a_bracketed_label_in_the_top_margin_is_a_field_not_a_head() -> None:
    doi = Line(text="［DOI］10.16164/j.cnki.22-1062/c.2018.02.002", x0=6.0, x1=187.0, y=49.2, size=8.2)
    title = Line(text="性别选择权：性质界定与法权塑造", x0=60.0, x1=300.0, y=90.0, size=16.0)
    body, heads, _ = split_edges(_cropped([doi, title] + _column(140.0, 32), 728.5), 9.5)
    assert doi in body and heads == []


def test_a_month_after_its_year_is_no_folio() -> None:
    """A CIP data page's "… 中国社会科学出版社, 2023. 10" (year and month) at the foot of a
    page cropped to its type area; the head's own number after a year in words still is."""
    from parsers.pages import folio_reading
    assert folio_reading("主办. --北京: 中国社会科学出版社, 2023. 10") is None
    assert folio_reading("Published 2023/10") is None
    assert folio_reading("中国性科学 2011年第20卷 27") == (27, False)
    assert folio_reading("Journal of Things 2023, 45") == (45, False)


def test_the_pieces_of_a_recurring_head_row_are_all_the_head_s() -> None:
    """Wiley sets "CONSERVATION BIOLOGY" 1.7 pt under its folio "12 of 12" on one row. On a
    short last page cropped to its type area, the fixed margin share is smaller than that
    row; the band where the heads recur reaches half a line past the folio, so the whole
    row is the head's, not the last reference's end."""
    def page(number: int, height: float) -> PageText:
        row = [_line(f"{number} of 12", 19.2, 7.0, 488.0), _line("CONSERVATION BIOLOGY", 20.9, 7.0, 6.0)]
        body = [Line(text="Van Vliet, N., Quiceno, M. P., Cruz, D. (2015). Bushmeat networks.", x0=6.0, x1=300.0,
                     y=46.5 + 11.96 * k, size=SIZE) for k in range(int((height - 60) / 11.96))]
        return PageText(number, 520.0, height, None, sorted(row + body, key=lambda ln: (ln.y, ln.x0)))
    pages = [page(n, 720.0) for n in range(8, 12)] + [page(12, 202.5)]
    band = head_band(pages, SIZE)
    body, heads, number = split_edges(pages[-1], SIZE, band)
    assert number == 12 and sorted(h.text for h in heads) == ["12 of 12", "CONSERVATION BIOLOGY"]
