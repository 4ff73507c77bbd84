"""Page furniture, non-article pages, run-on starts and issue facts on small synthetic inputs."""
from __future__ import annotations

from hypothesis import given, strategies as st

from parsers.extract import (_DOI_LIKE, _YEAR_POINT_ISSUE, _ano_issue, _issue_in_text, _year_in_text,
                             build_issue, cjk_number)
from parsers.masthead import volume_line
from parsers.pages import _folio, classify, head_band, split_edges
from parsers.split import article_level
from parsers.textlayer import Line, OutlineItem, PageText
from tests.test_split_rules import _flow, _head, _issue, _text


def _line(text: str, y: float, size: float = 10.0, x0: float = 60.0) -> Line:
    return Line(text=text, x0=x0, x1=x0 + size * len(text), y=y, size=size)


def _book_page(n: int) -> PageText:
    """A book-size trim on a taller media box: head at y 75, folio at y 652 (page 720 high)."""
    lines = [_line("世界政治研究(2023年第四辑)", 75, 8.8)]
    lines += [_line(f"正文第{k}行，这是一行用于测试的正文文字。", 102 + 18.5 * k, 10.3) for k in range(28)]
    lines += [_line(str(47 + n), 652.4, 10.3, x0=240)]
    return PageText(n, 496, 720, None, lines)


def test_running_heads_set_further_in_than_the_margin_share_are_found_by_recurrence() -> None:
    pages = [_book_page(n) for n in range(1, 6)]
    band = head_band(pages, 10.5)
    assert band[0] is not None and band[1] is not None
    body, heads, folio = split_edges(pages[1], 10.5, band)
    assert folio == 49 and [h.text for h in heads][0].startswith("世界政治研究")
    assert body[0].text.startswith("正文第0行")
    _, _, none = split_edges(pages[1], 10.5)  # (without the band they read as text)
    assert none is None


def test_the_last_text_line_at_the_page_foot_is_not_a_running_foot() -> None:
    """Justified columns end on one baseline on every page: a line one leading below the
    one before is text, whatever its y."""
    lines = [_line(f"正文第{k}行，这是一行用于测试的正文文字。", 105.8 + 15.7 * k, 9.7) for k in range(44)]
    body, heads, _ = split_edges(PageText(2, 595, 842, None, lines), 9.5)
    assert heads == [] and len(body) == 44


def test_a_folio_set_larger_than_small_body_type_is_still_the_folio() -> None:
    lines = [_line("254", 42, 9.7)] + [_line(f"正文第{k}行，正文文字。", 70 + 11 * k, 7.3) for k in range(40)]
    assert split_edges(PageText(2, 595, 842, None, lines), 7.5)[2] == 254


def test_an_ocr_closing_dot_read_as_a_quote() -> None:
    assert _folio(_line("·1277‘", 38, 8.0)) == 1277
    assert _folio(_line("·27·", 38, 8.0)) == 27


def test_a_database_record_or_link_page_is_no_article() -> None:
    record = [_line("变性手术的术中配合与护理", 36, 12.0), _line("作者：李秋明", 50, 8.0), _line("刊名：", 74, 8.0),
              _line("英文刊名： GUANGDONG MEDICAL JOURNAL", 90, 8.0), _line("年，卷(期)： 2006,27(8)", 102, 8.0),
              _line("参考文献(5条)", 132, 8.0), _line("本文链接：http://d.example.cn/Periodical_x.aspx", 414, 8.0)]
    links = [_line(t, 320 + 20 * k, 12.0) for k, t in enumerate(
        ["免费论文查重：http://a.example.com", "免费文献下载：http://www.example.com",
         "论文自动降重：http://b.example.com/reduce", "免费模版下载：http://c.example.com", "-" * 60])]
    assert classify(PageText(3, 595, 842, None, record), 8.0).kind == "advert"
    assert classify(PageText(3, 595, 842, None, links), 8.0).kind == "advert"
    article = _flow(_head("数字治理的制度逻辑", "李四", "本文。", "数字治理", "0002-01") + _text(10, "乙文")
                    + [("[1] 张三. 数字政府[EB/OL]. http://www.example.gov.cn/a.html", 9.0)])
    assert classify(PageText(1, 595, 842, None, article), 10.5).kind == "start"


def test_an_outline_of_numbered_sections_is_not_a_list_of_articles() -> None:
    sections = [OutlineItem(title=t, level=1, page=p) for t, p in
                (("1 相关工作", 2), ("2 方案设计", 3), ("3 实验评估", 6), ("4 总结", 8))]
    assert article_level(sections) == []
    articles = [OutlineItem(title=t, level=1, page=p) for t, p in
                (("数字治理的制度逻辑", 1), ("东北亚区域合作的新进展", 9), ("82例阑尾脓肿诊治体会", 15))]
    assert len(article_level(articles)) == 3


def test_issue_numbers_as_mastheads_print_them() -> None:
    assert _issue_in_text("240 跨文化对话第41辑") == "41"
    assert _issue_in_text("世界政治研究(2023年第四辑总第二十辑)") == "4"
    assert _issue_in_text("临床精神医学杂志2022年第32卷增刊 ·1·") == "增刊"
    assert _issue_in_text("理杂志2002年6月第37卷第6\n453") == "6"
    assert _issue_in_text("中华预防医学杂志第0卷第0期") == ""
    assert _year_in_text("临床精神医学杂志2022年第32卷增刊") == 2022
    assert _ano_issue("S0") == "增刊" and _ano_issue("02") == "2"
    m = _YEAR_POINT_ISSUE.search("社会学研究 2010. 5")
    assert m and m.groups() == ("2010", "5")
    assert _YEAR_POINT_ISSUE.search("华南理工大学，2013.\n14") is None  # (a reference's year, then a folio)
    assert _YEAR_POINT_ISSUE.search("10.16164/j.cnki.22-1062/c.2018.02.002") is None


@given(st.integers(min_value=1, max_value=199))
def test_chinese_numerals_read_back(n: int) -> None:
    digits = "〇一二三四五六七八九"
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    text = (digits[hundreds] + "百" if hundreds else "")
    if tens:
        text += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
    elif hundreds and ones:
        text += "零"
    text += digits[ones] if ones else ""
    assert cjk_number(text) == n
    assert cjk_number(str(n)) == n


def test_an_issn_inside_a_doi() -> None:
    from parsers.identifiers import issn_from_doi
    found = [issn_from_doi(d) for d in _DOI_LIKE.findall("DOI: 10.11959/j.issn.1000−436x.2022084")]
    assert found == ["1000-436X"]  # (read, dash folded and written with its check digit)
    assert issn_from_doi("10.7544/issn1000-1239.202330003") == "1000-1239"
    assert issn_from_doi("10.16164/j.cnki.22-1062/c.2018.02.002") is None


def test_citation_style_mastheads_with_full_width_brackets() -> None:
    assert volume_line("Journal of Computer Research and Development 60（4）：763−771，2023") == (2023, "60", "4")
    assert volume_line("计算机研究与发展 2023，60 （4）") == (2023, "60", "4")


def test_a_run_on_start_below_a_closing_line_without_labels() -> None:
    """A journal without 摘要 (an old or OCR'd issue): the earlier article closes with
    （本文编辑 …）, the next title sits in the lower half under its ·column· label."""
    a_end = _text(20, "甲文") + [("（收稿日期：2002-01-12）", 9.0), ("（本文编辑　张立新）", 9.0), ("·案例报道·", 13.7)]
    page = _flow(a_end + [("百白破疫苗致局部无菌化脓九例和严重异常反应四例", 14.7), ("李建平", 10.3)] + _text(6, "乙文"))
    info = classify(PageText(3, 595, 842, None, page), 9.5)
    assert [ln.text for ln in info.title_lines] == ["百白破疫苗致局部无菌化脓九例和严重异常反应四例"]
    assert info.kind == "start" and info.start_y is not None


def test_the_last_run_on_article_cut_off_at_the_page_has_no_last_page() -> None:
    a = _flow(_head("东北亚区域合作的新进展", "张三", "本文。", "东北亚", "0001-02") + _text(20, "甲文"))
    b_head = _head("数字治理的制度逻辑", "李四", "本文。", "数字治理", "0002-02")
    closed = _flow(_text(4, "甲文") + [("（收稿日期：2023-05-06）", 9.0)] + b_head + _text(6, "乙文"), top=100)
    issue = build_issue(_issue([a, closed]))
    assert [(x.pdf_pages, x.lpage) for x in issue.articles] == [([1, 2], "2"), ([2, 2], "")]
    assert [w.code for w in issue.articles[1].warnings if w.code == "cut-off"] == ["cut-off"]
    ended = _flow(_text(4, "甲文") + [("（收稿日期：2023-05-06）", 9.0)] + b_head + _text(6, "乙文")
                  + [("（收稿日期：2023-06-01）", 9.0)], top=100)
    assert build_issue(_issue([a, ended])).articles[1].lpage == "2"


def test_a_contents_page_without_its_heading_after_the_articles() -> None:
    from parsers.extract import analyse_pages, plan_split
    article = [_line("48", 40, 10.0, x0=280)] + _flow(_head("第一篇文章", "张三", "本文。", "甲", "0001-02") + _text(20, "文"))
    more = [_line("49", 40, 10.0, x0=280)] + _flow(_text(30, "文"))
    title_page = _flow([("某某研究", 30.0), ("2023年第四辑", 12.0)], top=200)
    row = "第{}篇文章的标题在这里 ………………………… 张三（{}）"
    contents = _flow([("某某研究", 30.0)] + [(row.format(k, 10 * k + 1), 10.5) for k in range(1, 12)], top=100)
    doc = _issue([article, more, title_page, contents])
    for page in doc.pages:
        page.label = None  # (an excerpt without page labels)
    infos, _ = analyse_pages(doc)
    split = plan_split(doc, infos)
    assert [p.kind for p in infos][2:] == ["cover", "toc"]
    assert [(s.first, s.last) for s in split.spans] == [(1, 2)]


def test_two_pages_of_a_short_excerpt_agree_on_a_head_that_carries_the_folio() -> None:
    def page(n: int, head: str) -> PageText:
        lines = [_line(head, 72.6, 9.0)]
        lines += [_line(f"正文第{k}行，这是一行用于测试的正文文字。", 94.3 + 15.2 * k, 10.5) for k in range(44)]
        return PageText(n, 595, 842, None, lines)
    pages = [page(2, "第1期吴栋梁：英语性别语言差异研究· 159 ·"), page(3, "· 160 ·西昌学院学报　第27卷")]
    band = head_band(pages, 10.5)
    assert band[0] is not None and split_edges(pages[0], 10.5, band)[2] == 159
    unnumbered = [page(2, "第一节的标题"), page(3, "第二节的标题")]  # (two section heads are no running head)
    assert head_band(unnumbered, 10.5)[0] is None


def test_a_numbered_heading_under_running_text_is_no_new_article() -> None:
    """Large type numbered as a section (四 …) below the article's own running text, with no
    references or closing above it: a heading of the article going on."""
    text = _text(5, "正文")
    heading = _flow(text + [("四特别程序受理人身特别权利案件的立法构想", 14.4)] + _text(25, "下文"), top=70)
    info = classify(PageText(14, 595, 842, None, heading), 9.5)
    assert info.kind == "content" and info.title_lines == []
    ended = _flow(text + [("[1] 张三. 数字政府[M]. 北京: 人民出版社, 2020.", 9.0), ("四川盆地的气候与农业", 14.4)]
                  + _text(25, "下文"), top=70)
    assert classify(PageText(14, 595, 842, None, ended), 9.5).kind == "start"
    unnumbered = _flow(text + [("国际制度间竞争的时间维度", 14.4)] + _text(25, "下文"), top=70)
    assert classify(PageText(2, 595, 842, None, unnumbered), 9.5).kind == "start"


def test_an_article_number_citation_marks_per_article_pagination() -> None:
    from parsers.extract import _ARTICLE_NUMBER_CITED as rx
    for cited in ("ScienTific REPORTS | 7: 15867 | DOI:10.1038/s41598-017-15724-8", "Scientific Reports | (2021) 11:6102",
                  "Hindawi Case Reports in Cardiology Volume 2016, Article ID 5417249, 5 pages",
                  "Page 3 of 12", "Molecules 2016, 21, 182; doi:10.3390/molecules21020182",
                  "Conservation Biology. 2025;39:e70049."):  # (an e-locator ending the sentence)
        assert rx.search(cited), cited
    for paged in ("Korean J Radiol 2021;22(3):442-453", "Journal of Computer Research and Development 60(4):763−771, 2023",
                  "临床精神医学杂志2022年第32卷增刊 ·1·", "网络首发时间：2025-12-26 08:45:20", "J Clin Psychiatry，2022，Vol 32，Suppl.",
                  "J X 2016;10:155.5"):
        assert not rx.search(paged), paged


def test_the_article_number_a_journal_cites_the_article_by() -> None:
    """The number itself, for JATS <elocation-id> and Crossref's article_number, in each
    printed form; "Page 3 of 12" counts pages and names none; a page range is no citation."""
    from parsers.extract import cited_article_number
    assert cited_article_number(["ScienTific REPORTS | 7: 15867 | DOI:10.1038/s41598-017-15724-8"]) == "15867"
    assert cited_article_number(["Hindawi Case Reports in Cardiology Volume 2016, Article ID 5417249, 5 pages"]) == "5417249"
    assert cited_article_number(["Molecules 2016, 21, 182; doi:10.3390/molecules21020182"]) == "182"
    assert cited_article_number(["Citation: Smith J (2014) Title. PLoS ONE 9(12): e0115884. doi:10.1371/x"]) == "e0115884"
    assert cited_article_number(["Heliyon 8 (2022) e08932"]) == "e08932"
    assert cited_article_number(["eLife 2012;1:e00353. DOI: 10.7554/eLife.00353"]) == "e00353"
    assert cited_article_number(["Page 3 of 12", "Smith et al. BMC Public Health (2024) 24:2069"]) == "2069"
    assert cited_article_number(["Page 3 of 12"]) == ""
    assert cited_article_number(["J X 2020, 12(3): 45-52", "PLoS ONE 9(12): 1234-1240"]) is None


def test_a_column_label_over_the_title_gives_the_type() -> None:
    review = _flow([("·书评·", 12.0)] + _head("东北亚国际关系史的新叙事", "张三", "本文。", "东北亚", "0001-01") + _text(20, "文"))
    news = _flow([("·信息·", 12.0)] + _head("第三届东北亚论坛在沈阳举行", "李四", "本文。", "论坛", "0001-01") + _text(20, "文"))
    assert build_issue(_issue([review])).articles[0].type == "book-review"
    assert build_issue(_issue([news])).articles[0].type == "other"  # (a news item is none of the kinds above)
    plain = _flow(_head("信息技术与数字治理", "李四", "本文。", "信息", "0001-01") + _text(20, "文"))
    assert build_issue(_issue([plain])).articles[0].type == "research-article"
    assert build_issue(_issue([review])).articles[0].title.zh == "东北亚国际关系史的新叙事"


def test_folio_forms() -> None:
    assert _folio(_line("第 27 页", 800, 9.0)) == 27
    assert _folio(_line("Page 3 of 12", 800, 9.0)) == 3
    assert _folio(_line("第 — 页", 800, 9.0)) is None
    assert _folio(_line("第 2018 期", 800, 9.0)) is None


def test_english_heads_give_issue_and_year() -> None:
    assert _issue_in_text("第27卷第1期西昌学院学报·社会科学版 Vol.27，NO.1") == "1"
    assert _issue_in_text("Journal of X, Vol. 45, Issue 2") == "2"
    assert _year_in_text("J Clin Psychiatry，2022，Vol 32，Suppl.") == 2022
    assert _year_in_text("Vol. 60 No. 4, 2023") == 2023
    assert _year_in_text("第 36 卷第 4 期") is None


def test_a_column_name_in_a_box_over_the_title_is_not_the_title() -> None:
    from parsers.pages import title_lines
    page = [_line("临床护理", 57, 17.0), _line("变性手术的术中配合与护理", 90, 16.0), _line("李秋明", 114, 8.0)]
    page += [_line(f"正文第{k}行，正文文字。", 150 + 13 * k, 8.0) for k in range(30)]
    assert [ln.text for ln in title_lines(page, 8.0, 842)] == ["变性手术的术中配合与护理"]
    short = [_line("论自由", 57, 17.0), _line("——密尔政治哲学再读", 90, 16.0)] + page[2:]
    assert [ln.text for ln in title_lines(short, 8.0, 842)] == ["论自由"]


def test_large_type_after_references_needs_words_and_a_masthead_box_is_no_tail() -> None:
    refs = _text(20, "正文") + [("References", 10.0), ("1. Hecht-Nielsen R. Theory of the backpropagation net.", 8.5)]
    logo = classify(PageText(27, 595, 842, None, _flow(refs + [("1 3", 15.0)])), 10.0)
    assert logo.kind != "start"
    from parsers.pages import ended_above
    box = _flow([("Hindawi Publishing Corporation", 8.0), ("Case Reports in Cardiology", 8.0),
                 ("Volume 2016, Article ID 5482578, 5 pages", 8.0), ("http://dx.doi.org/10.1155/2016/5482578", 8.0)]
                + [("A Striking Coronary Artery Pattern", 18.0), ("Fortunato Iacovelli", 12.0),
                   ("Abstract. A text of the abstract.", 9.0)] + _text(20, "text"))
    info = classify(PageText(1, 595, 842, None, box), 10.0)
    assert not ended_above(info)


def test_a_title_opening_with_one_is_no_numbered_heading() -> None:
    from parsers.pages import _NUMBERED_HEADING
    assert _NUMBERED_HEADING.match("四特别程序受理人身特别权利案件的立法构想")
    assert _NUMBERED_HEADING.match("一、问题的提出") and _NUMBERED_HEADING.match("2.1 设计原则")
    assert not _NUMBERED_HEADING.match("一带一路倡议下的区域合作")
    assert not _NUMBERED_HEADING.match("十四五时期的数字治理")


def test_printed_ranges_that_run_backwards_are_flagged() -> None:
    from parsers.checks import check_issue
    from schemas.model import Article, Issue, Source
    def art(aid: str, f: str, l: str) -> Article:
        return Article(id=aid, pdf_pages=[1, 1], fpage=f, lpage=l)
    issue = Issue(source=Source(file="x.pdf", sha256="0" * 64, pages=3),
                  articles=[art("a01", "12", "21"), art("a02", "21", "30"), art("a03", "25", "24")])
    check_issue(issue)
    codes = {a.id: [w.code for w in a.warnings if w.code == "page-sequence"] for a in issue.articles}
    assert codes == {"a01": [], "a02": [], "a03": ["page-sequence", "page-sequence"]}


def test_a_masthead_page_and_a_sparse_back_cover_are_no_articles() -> None:
    masthead = _flow([("世界政治研究", 20.0), ("主管：中华人民共和国教育部", 10.0), ("主办：某某大学国际关系学院", 10.0),
                      ("编辑出版：《世界政治研究》编辑部", 10.0), ("国内统一连续出版物号：CN 11-0000/D", 10.0),
                      ("邮发代号：80-000", 10.0), ("定价：30.00元", 10.0)])
    assert classify(PageText(9, 595, 842, None, masthead), 10.5).kind == "cover"
    from parsers.extract import analyse_pages, plan_split
    article = _flow(_head("第一篇文章", "张三", "本文。", "甲", "0001-01") + _text(20, "文"))
    back = _flow([("欢迎关注本刊公众号", 24.0), ("扫码阅读", 12.0)], top=300)
    doc = _issue([article, back])
    for page in doc.pages:
        page.label = None
    infos, _ = analyse_pages(doc)
    assert [(s.first, s.last) for s in plan_split(doc, infos).spans] == [(1, 1)]
    # an article's first page names its 主办 only in a note: no masthead
    note = _flow(_head("第一篇文章", "张三", "本文。", "甲", "0001-01") + [("基金项目：某某大学主办的研究计划", 9.0)])
    assert classify(PageText(1, 595, 842, None, note), 10.5).kind == "start"


def test_folios_read_on_the_page_outvote_page_labels_that_count_the_download() -> None:
    from parsers.pages import PageInfo, infer_printed
    infos = [PageInfo(number=n, label=str(n), printed=n, printed_seen=True, from_label=True) for n in range(1, 6)]
    infos[1].printed, infos[1].from_label = 254, False
    infos[3].printed, infos[3].from_label = 256, False
    infer_printed(infos)
    assert [p.printed for p in infos] == [253, 254, 255, 256, 257]
    labelled = [PageInfo(number=n, label=str(n + 10), printed=n + 10, printed_seen=True, from_label=True) for n in range(1, 4)]
    infer_printed(labelled)
    assert [p.printed for p in labelled] == [11, 12, 13]


def test_a_page_of_web_references_is_no_link_page() -> None:
    refs = [_line(f"[{k}] 国家统计局. 统计公报[EB/OL]. https://www.stats.gov.cn/{k}.html", 80 + 14 * k, 9.0) for k in range(1, 9)]
    info = classify(PageText(12, 595, 842, None, refs), 10.5)
    assert info.kind != "advert"


def test_an_article_s_closing_lines_in_brackets_or_with_a_space() -> None:
    """收稿日期 and 责任编辑 close an article with a colon, or bracketed as labels are printed
    (［收稿日期］2023-03-15, 【责任编辑】王红), or with the editor's name after a space
    (（责任编辑　王红）); the words inside a sentence close nothing."""
    from parsers.article import _EDITOR
    from parsers.pages import CLOSING
    for line in ("［收稿日期］2023-03-15", "【责任编辑】王红", "（责任编辑　王红）", "[责任编辑 王红]", "收稿日期：2023-03-15"):
        assert CLOSING.match(line), line
    for line in ("【责任编辑】王红", "（责任编辑　王红）", "（责任校对：李明）"):
        assert _EDITOR.match(line), line
    for line in ("编辑部地址：北京", "编辑的作用在于", "责任编辑制度的完善"):
        assert not CLOSING.match(line) and not _EDITOR.match(line), line
