"""A generated test set of cited URLs and access dates, table-driven.

Every row is a synthetic note or reference written in one printing convention (GB/T
7714-2015 [EB/OL] references with "(publication date)[access date]", CNKI/CAJ-CD note
styles with 访问日期 and its many spellings, English "accessed"/"last visited" notes,
text-layer quirks: letter-spaced URLs, Founder's 鄄 line-break hyphen, soft hyphens) with
the URLs and access date it must give. Rows with several lines are notes as a text layer
breaks them; they go through `split_notes` (marker detection, line joining) first.
"""
from __future__ import annotations

import pytest

from parsers.article import footnote_lines
from parsers.citations import despace_urls, join_lines, marker_number, parse_citation, split_notes, split_sources
from parsers.pages import PageInfo
from parsers.reflist import own_doi, repeated_url_lines, source_notes
from parsers.textlayer import Line

# (note text, urls, access date or "" when none is printed)
ONE_LINE = [
    # GB/T 7714-2015: (update date)[access date] before the URL
    ("国务院. 关于促进平台经济规范健康发展的指导意见[EB/OL]. (2020-07-20)[2021-09-01]. "
     "http://www.gov.cn/zhengce/content/2020-07/20/content_5528.htm.",
     ["http://www.gov.cn/zhengce/content/2020-07/20/content_5528.htm"], "2021-09-01"),
    # a publication date alone is no access date
    ("跨儿心理咨询手册[EB/OL]. (2022-05-30). https://docs.example.org.cn/kexl-counseling.",
     ["https://docs.example.org.cn/kexl-counseling"], ""),
    ("IMF. Measuring the digital economy[EB/OL]. 2018. http://www.imf.org/external/pp/ppindex.aspx.",
     ["http://www.imf.org/external/pp/ppindex.aspx"], ""),
    # full-width brackets and dashes
    ("王明. 数字政府建设报告［EB/OL］.（2021－03－02）［2022－01－15］. https://www.example.cn/report.pdf.",
     ["https://www.example.cn/report.pdf"], "2022-01-15"),
    # the [access date] in 〔〕 or 【】
    ("数据[DB/OL]. (2020-07-20)〔2021-09-01〕. https://data.example.org/a.", ["https://data.example.org/a"], "2021-09-01"),
    ("数据[DB/OL]. 【2021-09-01】. https://data.example.org/a.", ["https://data.example.org/a"], "2021-09-01"),
    # the access date printed before the URL, a publication date after it
    ("Olympics news[EB/OL]. [2021-07-20]. https://www.example.com/news/tokyo,2020-07-20.",
     ["https://www.example.com/news/tokyo"], "2021-07-20"),
    # letter-spaced URLs (CAJ/Founder text layers space a justified URL after / . _)
    ("世界卫生组织.国际疾病分类第十一次修订本(ICD-11)［EB /OL］.［2022-06-19］. https: / /icd11. pumch. cn.",
     ["https://icd11.pumch.cn"], "2022-06-19"),
    ("CSIS, “China-Venezuela Ties”, https: / / www. csis. org / analysis/ china-venezuela-ties, [2024 - 06 - 08].",
     ["https://www.csis.org/analysis/china-venezuela-ties"], "2024-06-08"),
    ("Working Paper, https: / / www. peio. me/ wp-content/ uploads/2020 / 01 / PEIO13_ paper_ 66. pdf.",
     ["https://www.peio.me/wp-content/uploads/2020/01/PEIO13_paper_66.pdf"], ""),
    ("“Outlook”, https://www. outlook. example. org/ [2023 - 01 - 02].",
     ["https://www.outlook.example.org/"], "2023-01-02"),
    # a trailing "/" is the URL's; a sentence period and Chinese text after it are not
    ("参见https://dialogue.example.org/zh/1/37184/，访问日期：2023年3月1日。",
     ["https://dialogue.example.org/zh/1/37184/"], "2023-03-01"),
    ("参见https://www.example.gov.cn/xinwen/2021-01/01/content_1.htm。访问日期：2023年3月1日。",
     ["https://www.example.gov.cn/xinwen/2021-01/01/content_1.htm"], "2023-03-01"),
    ("https://www.example.org/a_(b)). 2020.", ["https://www.example.org/a_(b)"], ""),
    # Founder punctuation as Yi syllables / private-use points (ꎬ = ，, U+1001B0 = .)
    ("Reutersꎬ https: / / www\U001001b0 reuters\U001001b0 com / worldꎬ [2024 - 06 - 08]ꎮ",
     ["https://www.reuters.com/world"], "2024-06-08"),
    # a date after a letter-spaced URL is no part of it
    ("CSIS, https: / / www. csis. org / analysis. 2024 - 06 - 08.", ["https://www.csis.org/analysis"], ""),
    # a full-width colon after the scheme, set in Chinese type
    ("具体参见：http：//www.example.org。", ["http://www.example.org"], ""),
    # a real hyphen set as U+2010 inside the URL
    ("Report, https://www.example.org/energy\u2010economics [2023-03-01].",
     ["https://www.example.org/energy-economics"], "2023-03-01"),
    # the spellings of the access date in Chinese notes
    ("《报告》，https://www.example.cn/a.html，访问时间：2024年1月5日。", ["https://www.example.cn/a.html"], "2024-01-05"),
    ("《报告》，https://www.example.cn/a.html，引用日期：2023-3-1。", ["https://www.example.cn/a.html"], "2023-03-01"),
    ("《报告》，https://www.example.cn/a.html，登录时间：2019年12月30日。", ["https://www.example.cn/a.html"], "2019-12-30"),
    ("《报告》，https://www.example.cn/a.html，登陆时间：2019年12月30日。", ["https://www.example.cn/a.html"], "2019-12-30"),
    ("《报告》，https://www.example.cn/a.html，最后访问日期：2022年8月9日。", ["https://www.example.cn/a.html"], "2022-08-09"),
    ("见http://www.example.net/shownews.asp?newsid=1069，下载时间2004年7月17日。",
     ["http://www.example.net/shownews.asp?newsid=1069"], "2004-07-17"),
    ("《报告》，https://www.example.cn/a.html，浏览日期：2023/03/01。", ["https://www.example.cn/a.html"], "2023-03-01"),
    ("《报告》，https://www.example.cn/a.html，检索日期：2023.3.1。", ["https://www.example.cn/a.html"], "2023-03-01"),
    ("《报告》，https://www.example.cn/a.html，查阅日期：2023年3月1日。", ["https://www.example.cn/a.html"], "2023-03-01"),
    ("《报告》，https://www.example.cn/a.html（访 问 日 期：2023年3月1日）。", ["https://www.example.cn/a.html"], "2023-03-01"),
    ("《报告》，https://www.example.cn/a.html，2023年3月1日访问。", ["https://www.example.cn/a.html"], "2023-03-01"),
    ("《报告》，https://www.example.cn/a.html，最后访问于2023年3月1日。", ["https://www.example.cn/a.html"], "2023-03-01"),
    # a date followed by a verb that is not an access ("2020年7月20日发布") is none
    ("《报告》，2020年7月20日发布，https://www.example.cn/a.html。", ["https://www.example.cn/a.html"], ""),
    ("《习近平2015年9月22日访问美国时的演讲》，https://www.example.cn/a.html。", ["https://www.example.cn/a.html"], ""),
    # English notes
    ("Report, https://www.example.org/report (last visited Mar. 1, 2023).", ["https://www.example.org/report"], "2023-03-01"),
    ("Report, https://www.example.org/report, accessed 1 March 2023.", ["https://www.example.org/report"], "2023-03-01"),
    ("Report, https://www.example.org/report (accessed on 2023-03-01).", ["https://www.example.org/report"], "2023-03-01"),
    ("Report. Retrieved March 1, 2023, from https://www.example.org/report", ["https://www.example.org/report"], "2023-03-01"),
    ("Report, https://www.example.org/report [2023-03-01].", ["https://www.example.org/report"], "2023-03-01"),
    # not citations: database watermarks, licences, the online-first address, the article itself
    ("http://www.cnki.net", [], ""),
    ("万方数据 www.wanfangdata.com.cn", [], ""),
    ("维普资讯 http://www.cqvip.com", [], ""),
    ("网络首发地址：https://kns.cnki.net/kcms/detail/11.1762.C.20240101.1200.002.html", [], ""),
    ("数字出版地址: http://www.cnki.net/kcms/detail/11.html", [], ""),
    ("This work is licensed under the Creative Commons Attribution International License (CC BY). "
     "http://creativecommons.org/licenses/by/4.0/", [], ""),
    ("文章引用: 李明. 大学生自杀意念研究[J]. 社会科学前沿, 2023, 12(1): 190-195. "
     "https://doi.org/10.12677/ass.2023.121027", [], ""),
    # a DOI link of a cited work is a citation
    ("OECD. Handbook[EB/OL]. [2022-03-05]. 2005. https://dx.doi.org/10.1787/533411815016.",
     ["https://dx.doi.org/10.1787/533411815016"], "2022-03-05"),
]


@pytest.mark.parametrize("text,urls,accessed", ONE_LINE, ids=[r[0][:30] for r in ONE_LINE])
def test_one_note(text: str, urls: list[str], accessed: str) -> None:
    c = parse_citation(1, text)
    assert (c.urls, c.accessed or "") == (urls, accessed)


# (printed lines of a footnote area, [(marker number, urls, accessed) per note])
WRAPPED = [
    # a URL broken at a real hyphen of its slug: the hyphen stays
    (["① “Suncor”, https://www.example.ca/en/news/suncor-",
      "petro-canada-announce，访问日期：2023年7月21日。"],
     [(1, ["https://www.example.ca/en/news/suncor-petro-canada-announce"], "2023-07-21")]),
    # Founder's 鄄 at the break is no hyphen of the URL
    (["[8] Tokyo 2020[EB/OL]. (2020-07-20)[2021-09-01]. https://www.example.com/poli鄄",
      "tics/olympics.html."],
     [(8, ["https://www.example.com/politics/olympics.html"], "2021-09-01")]),
    # nor is a soft hyphen
    (["① Report, https://www.example.org/energy\u00ad",
      "economics/2020, accessed 2 May 2021."],
     [(1, ["https://www.example.org/energyeconomics/2020"], "2021-05-02")]),
    # broken right after the scheme
    (["[55] Council of Europe. Dialogue[EB/OL]. [2018-03-18]. http://",
      "www.coe.int/dialogue."],
     [(55, ["http://www.coe.int/dialogue"], "2018-03-18")]),
    # letter-spaced and broken over lines
    (["① C. Henning, “Hierarchy,” Working Paper, https: / / www. peio. me/ wp-content/ uploads/",
      "2020 / 01 / PEIO13_ paper_ 66. pdf."],
     [(1, ["https://www.peio.me/wp-content/uploads/2020/01/PEIO13_paper_66.pdf"], "")]),
    # dingbat circled markers ➀ and ❶, "1)" markers, superscript digits
    (["➀ 《报告》，https://www.example.cn/a.html，访问时间：2024年1月5日。",
      "➁ 《报告二》，https://www.example.cn/b.html，访问时间：2024年1月6日。"],
     [(1, ["https://www.example.cn/a.html"], "2024-01-05"), (2, ["https://www.example.cn/b.html"], "2024-01-06")]),
    (["❶ Report, https://www.example.org/a [2023-03-01].",
      "❷ Report, https://www.example.org/b [2023-03-02]."],
     [(1, ["https://www.example.org/a"], "2023-03-01"), (2, ["https://www.example.org/b"], "2023-03-02")]),
    (["1) 《报告》，https://www.example.cn/a.html，引用日期：2023-3-1。",
      "2) 《报告二》，https://www.example.cn/b.html，引用日期：2023-3-2。"],
     [(1, ["https://www.example.cn/a.html"], "2023-03-01"), (2, ["https://www.example.cn/b.html"], "2023-03-02")]),
    (["¹ Report, https://www.example.org/a, accessed March 1, 2023.",
      "² Report, https://www.example.org/b, accessed March 2, 2023."],
     [(1, ["https://www.example.org/a"], "2023-03-01"), (2, ["https://www.example.org/b"], "2023-03-02")]),
    # a URL ending "…/page" and a next line "1.html" is the URL going on, not note 1
    (["① Report, https://www.example.org/page", "1.html [2023-03-01]."],
     [(1, ["https://www.example.org/page1.html"], "2023-03-01")]),
]


@pytest.mark.parametrize("lines,want", WRAPPED, ids=[r[0][0][:30] for r in WRAPPED])
def test_wrapped_notes(lines: list[str], want: list[tuple[int, list[str], str]]) -> None:
    got = [parse_citation(marker_number(m) or 0, t) for m, t in split_notes(lines)]
    assert [(c.n, c.urls, c.accessed or "") for c in got] == want


def test_despace_leaves_unspaced_urls_and_prose_alone() -> None:
    text = "见 https://www.example.org/cps/en/ a b. 和 www.example.com/ b"
    assert despace_urls(text) == text
    # a spaced URL stops before a word that is no URL text
    assert despace_urls("https: / / www. csis. org / analysis. Accessed 2024.") == \
        "https://www.csis.org/analysis. Accessed 2024."


def test_a_full_width_query_mark_inside_a_url_is_the_query() -> None:
    # typed with a Chinese input method, or read full-width by OCR: the URL goes on past it
    assert despace_urls("陈焕然：《变性手术》，http://www.xiasl.net/shownews.asp？newsid=1069，下载时间2004-07-17。") == \
        "陈焕然：《变性手术》，http://www.xiasl.net/shownews.asp?newsid=1069，下载时间2004-07-17。"
    assert despace_urls("这是什么？答案在此") == "这是什么？答案在此"  # a question in prose is no query


def test_founder_hyphen_only_between_latin() -> None:
    assert join_lines("中国鄄", "城") == "中国鄄城"
    assert join_lines("https://a.org/x鄄", "y") == "https://a.org/xy"


# ---------------------------------------------------------------------------
# positioned lines: source notes, page furniture, the article's own DOI, footnote zones
# ---------------------------------------------------------------------------


def _ln(text: str, y: float, size: float = 10.0, x0: float = 60.0) -> Line:
    return Line(text=text, x0=x0, x1=x0 + 400, y=y, size=size)


def test_source_note_under_a_figure_is_a_citation() -> None:
    body = [_ln("正文第一行。", 100), _ln("图1 加拿大能源出口", 300, 9),
            _ln("资料来源：Statistics Canada, https://www150.statcan.gc.ca/t1/tbl1/en/tv.", 320, 8),
            _ln("action?pid=1410006401，访问日期：2023年9月2日。", 330, 8), _ln("正文又一行。", 360)]
    notes = source_notes(body, [])
    assert len(notes) == 1
    c = parse_citation(1, notes[0])
    assert c.urls == ["https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=1410006401"]
    assert c.accessed == "2023-09-02"
    assert source_notes(body, [body[2]]) == []  # already read as a footnote
    assert source_notes([_ln("数据来源：国家统计局。", 320, 8)], []) == []  # no URL: not added


def test_journal_address_in_the_running_foot_is_furniture() -> None:
    pages = [PageInfo(n, body=[_ln("正文。", 100), _ln(f"http://xb.example.edu.cn {n + 40}", 700, 8)])
             for n in (1, 2, 3)]
    pages[1].body.append(_ln("① “Report”, NATO, https://www.nato.int/cps/en/", 650, 8))
    pages[2].body.append(_ln("① “Report”, NATO, https://www.nato.int/cps/en/", 600, 8))
    keys = repeated_url_lines(pages)
    assert keys == {"http://xb.example.edu.cn"}


def test_own_doi_from_the_labelled_header() -> None:
    first = PageInfo(1, body=[_ln("标题", 50, 16), _ln("DOI: 10.12677/ASS.2023.121027", 80, 8)])
    assert own_doi(first, {1}) == "10.12677/ass.2023.121027"
    assert own_doi(first, set()) == ""


def test_notes_after_the_editor_line_on_the_last_page() -> None:
    page = PageInfo(9, body=[_ln("正文最后一段。", 100), _ln("（责任编辑：张三）", 120, 9),
                             _ln("① 《报告》，https://www.example.cn/a.html，访问日期：2023年3月1日。", 700, 8)])
    assert [ln.text[:1] for ln in footnote_lines(page, 10.0)] == ["①"]


def test_a_footnote_continued_from_the_previous_page() -> None:
    page = PageInfo(3, body=[_ln("正文。", 100), _ln("uploads/2020/01/paper.pdf [2023-03-01].", 700, 8),
                             _ln("② 《报告》，北京：人民出版社2020年版，第3页。", 712, 8)])
    assert len(footnote_lines(page, 10.0)) == 1  # on its own, the carried-over line is not a note
    lines = ["① Report, https://www.example.org/wp-content/"] + [ln.text for ln in footnote_lines(page, 10.0, continuing=True)]
    first = parse_citation(1, split_notes(lines)[0][1])
    assert first.urls == ["https://www.example.org/wp-content/uploads/2020/01/paper.pdf"]
    assert first.accessed == "2023-03-01"


def test_a_folio_left_under_the_notes_does_not_hide_them() -> None:
    page = PageInfo(6, body=[_ln("正文。", 576), _ln("① Working Paper, https://www.example.me/a.pdf.", 612, 7.8),
                             _ln("52", 652, 10.3)])
    assert [ln.text[:1] for ln in footnote_lines(page, 10.3)] == ["①"]


def test_a_small_folio_is_not_joined_to_the_last_note() -> None:
    page = PageInfo(6, body=[_ln("正文。", 576), _ln("① Paper, https: / / www. example. me/ a. pdf.", 612, 7.8),
                             _ln("52", 652, 7.8)])
    lines = [ln.text for ln in footnote_lines(page, 10.3)]
    assert parse_citation(1, split_notes(lines)[0][1]).urls == ["https://www.example.me/a.pdf"]


def test_digits_ending_a_broken_url_are_no_folio() -> None:
    page = PageInfo(2, body=[_ln("正文。", 576), _ln("① 见http://www.example.net/shownews.asp?newsid=", 612, 7.8),
                             _ln("1069", 622, 7.8)])
    lines = [ln.text for ln in footnote_lines(page, 10.3)]
    assert parse_citation(1, split_notes(lines)[0][1]).urls == ["http://www.example.net/shownews.asp?newsid=1069"]


@pytest.mark.parametrize("text,want", [
    # CNKI note style: each source with its own 访问日期 → one citation each
    ("世界银行数据，https://databank.example.org/source/wdi#，访问时间：2024年3月1日；"
     "https://databank.example.org/source/wdi，访问时间：2024年4月2日。",
     [(["https://databank.example.org/source/wdi#"], "2024-03-01"),
      (["https://databank.example.org/source/wdi"], "2024-04-02")]),
    # GB/T 7714 entries in one note, the access date before each URL
    ("A[EB/OL]. [2021-01-01]. https://a.example.org/x; B[EB/OL]. [2021-02-02]. https://b.example.org/y.",
     [(["https://a.example.org/x"], "2021-01-01"), (["https://b.example.org/y"], "2021-02-02")]),
    # one date for both: the note stays whole
    ("见https://a.example.org/x；https://b.example.org/y，访问日期：2023年1月1日。",
     [(["https://a.example.org/x", "https://b.example.org/y"], "2023-01-01")]),
    # the same date twice: whole as well
    ("https://a.example.org/x，访问日期：2023年1月1日；https://b.example.org/y，访问日期：2023年1月1日。",
     [(["https://a.example.org/x", "https://b.example.org/y"], "2023-01-01")]),
])
def test_a_note_with_several_dated_sources(text: str, want: list[tuple[list[str], str]]) -> None:
    got = [parse_citation(1, part) for part in split_sources(text)]
    assert [(c.urls, c.accessed or "") for c in got] == want


def test_a_letter_spaced_url_marks_a_note_as_citing() -> None:
    from parsers.article import _CITES

    assert _CITES.search("① CSIS, https: / / www. csis. org / analysis")
    assert _CITES.search("① 见 www.example.org/a")
    assert not _CITES.search("① 作者认为这一点值得商榷。")


@pytest.mark.parametrize("text", [
    "本刊网址：http://xb.example.edu.cn",
    "Journal homepage: https://www.example-journal.org",
    "作者简介：张三，ORCID: https://orcid.org/0000-0002-1825-0097",
])
def test_the_journals_site_and_orcid_are_no_citations(text: str) -> None:
    assert parse_citation(1, text).urls == []


@pytest.mark.parametrize("text", [
    "⑦ 参见外务省网站：https://www.mofa.go.jp/mofaj/files/100.pdf（浏览日期：2023年3月1日）。",
    "⑧ 资料来源：国家统计局网站：http://www.stats.gov.cn/tjsj/，访问日期：2023年3月1日。",
    "⑨ NATO website: https://www.nato.int/cps/en/natohq/topics_1.htm, accessed 1 March 2023.",
])
def test_a_note_naming_the_site_a_source_is_on_cites_it(text: str) -> None:
    # (网站：/website: inside a note names where the source is; only a line that opens
    # with the label, or says 本刊/投稿/Journal homepage, is the journal's own site)
    cit = parse_citation(1, text)
    assert len(cit.urls) == 1 and cit.accessed == "2023-03-01"


def test_the_editor_line_under_a_reference_list_is_no_note() -> None:
    from parsers.article import _split_ref_page

    lines = [_ln("[1] A. B. Title[J]. 2020.", 100, 9), _ln("[2] C. D. Title[J]. 2021.", 112, 9),
             _ln("（责任编辑：张三）", 140, 8), _ln("① 见https://www.example.org/a，访问日期：2023年3月1日。", 700, 8)]
    listed, below = _split_ref_page(lines)
    assert [ln.text[:1] for ln in below] == ["①"]


def test_small_print_on_a_later_page_is_no_continuation_of_a_finished_note() -> None:
    from parsers.article import _citations

    p1 = PageInfo(1, body=[_ln("正文一。", 100), _ln("① 见《报告》，北京：人民出版社2020年版，第3页。", 700, 8)])
    p2 = PageInfo(2, body=[_ln("正文二。", 100), _ln("图1 示意图（单位：万元）", 690, 8),
                           _ln("② 见https://www.example.org/a，访问日期：2023年3月1日。", 712, 8)])
    cites = _citations([p1, p2], 10.0, set())
    assert [c.text[:2] for c in cites] == ["见《", "见h"]
    assert cites[1].urls == ["https://www.example.org/a"] and cites[1].accessed == "2023-03-01"


def test_an_unfinished_note_runs_on_to_the_next_page() -> None:
    from parsers.article import _citations

    p1 = PageInfo(1, body=[_ln("正文一。", 100), _ln("① Report, https://www.example.org/wp-content/", 700, 8)])
    p2 = PageInfo(2, body=[_ln("正文二。", 100), _ln("uploads/2020/01/paper.pdf [2023-03-01].", 700, 8),
                           _ln("② 见《报告》，北京：人民出版社2020年版，第3页。", 712, 8)])
    cites = _citations([p1, p2], 10.0, set())
    assert cites[0].urls == ["https://www.example.org/wp-content/uploads/2020/01/paper.pdf"]
    assert cites[0].accessed == "2023-03-01" and len(cites) == 2


def test_run_in_notes_on_one_line_are_split_at_the_next_number() -> None:
    lines = ["① 见https://www.example.org/a，访问日期：2023年3月1日。 ② 见https://www.example.org/b，访问日期：2023年3月2日。",
             "③ 参见：①《甲》；②《乙》。"]
    notes = split_notes(lines)
    assert [m for m, _ in notes] == ["①", "②", "③"]  # (③'s inner ①② list stays whole)
    got = [parse_citation(marker_number(m) or 0, t) for m, t in notes[:2]]
    assert [(c.urls, c.accessed) for c in got] == [(["https://www.example.org/a"], "2023-03-01"),
                                                  (["https://www.example.org/b"], "2023-03-02")]


def test_a_source_line_at_the_top_of_the_zone_does_not_continue_a_note() -> None:
    page = PageInfo(3, body=[_ln("正文。", 100), _ln("资料来源：https://www.example.org/data，访问日期：2023年9月2日。", 690, 8),
                             _ln("② 《报告》，北京：人民出版社2020年版，第3页。", 712, 8)])
    assert [ln.text[:1] for ln in footnote_lines(page, 10.0, continuing=True)] == ["②"]


def test_a_reference_heading_in_a_table_does_not_open_the_list() -> None:
    """A survey table's column head "参考文献" (its cells: 文献[8], 文献[9] …) on page 1 of
    3, the list under its own 参考文献 heading on page 3 (txxb2022-4, of zh_more's
    development half): the list is printed after the text, so the later heading opens it,
    and page 2's text is no reference."""
    from parsers.article import _citations

    p1 = PageInfo(1, body=[_ln("正文一。", 100), _ln("表1 关键技术", 200), _ln("参考文献", 220), _ln("文献[8]", 232),
                           _ln("文献[9]", 244), _ln("文献[10]", 256), _ln("正文继续。", 300)])
    p2 = PageInfo(2, body=[_ln("第二页的正文，不是参考文献。", 100), _ln("又一行正文。", 112)])
    p3 = PageInfo(3, body=[_ln("结束语。", 100), _ln("参考文献：", 130), _ln("[1] 张三. 题名[J]. 期刊, 2020, 1(2): 3-4.", 142, 9),
                           _ln("[2] LI S. Title[J]. Journal, 2021, 5: 6-7.", 154, 9)])
    cites = _citations([p1, p2, p3], 10.0, set())
    assert [c.text[:4] for c in cites] == ["张三. ", "LI S"]
    # the same heading again over the list's next page is the list's: both pages are read
    p4 = PageInfo(4, body=[_ln("参考文献", 60, 9), _ln("[3] 王五. 题名[M]. 北京: 出版社, 2019.", 72, 9)])
    cites = _citations([p2, p3, p4], 10.0, set())
    assert [c.text[:4] for c in cites] == ["张三. ", "LI S", "王五. "]


def test_a_table_column_headed_reference_opens_no_list() -> None:
    """MDPI's tables head a column "Reference" whose cells are bare markers ([138], [182]):
    no list follows such a head, however many times it comes; the "References" heading
    over entries does open one."""
    from parsers.article import _citations

    table = PageInfo(1, body=[_ln("Stilbenes", 100), _ln("Phenolic compounds", 112), _ln("Reference", 124),
                              _ln("[138]", 136), _ln("[182]", 148), _ln("[183]", 160), _ln("The text goes on.", 200)])
    refs = PageInfo(2, body=[_ln("References", 100), _ln("1. Cusidó, R.M.; Vidal, H. Biotechnological production. 2014, 19, 1-5.", 112, 9),
                             _ln("2. Gupta, S.; Chauhan, D. An overview of nutraceuticals. 2010, 2, 7-9.", 124, 9)])
    cites = _citations([table, refs], 10.0, set())
    assert [c.text[:6] for c in cites] == ["Cusidó", "Gupta,"]
