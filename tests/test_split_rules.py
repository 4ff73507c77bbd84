"""Splitting rules on synthetic pages: page-label ranges, part headings, English 目录s."""
from __future__ import annotations

from hypothesis import given, strategies as st

from parsers.labels import type_of_heading, type_of_title
from parsers.pages import PageInfo, _label_value, classify, label_ranges, printed_rows
from parsers.split import split_issue
from parsers.textlayer import Line, PageText
from parsers.toc import parse_toc


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                       (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + sym, n - value
    return out


@given(st.integers(min_value=1, max_value=3999))
def test_roman_labels_read_back(n: int) -> None:
    assert _label_value(_roman(n)) == ("r", n)
    assert _label_value(_roman(n).upper()) == ("R", n)


def test_label_ranges_break_where_the_numbering_style_changes() -> None:
    labels = ["a", "b", "i", "ii", "iii", "1", "2", "3", "cover", "7"]
    infos = [PageInfo(number=k + 1, label=lab) for k, lab in enumerate(labels)]
    assert label_ranges(infos) == [(1, 2), (3, 5), (6, 8), (10, 10)]
    assert label_ranges([PageInfo(number=1), PageInfo(number=2)]) == []


def test_part_words_come_from_data() -> None:
    assert type_of_heading("Preface") == "editorial"
    assert type_of_heading("卷 首 语") == "editorial"
    assert type_of_heading("Introduction") is None
    assert type_of_title("读《某书》——评某某的新著") == "book-review"
    assert type_of_title("论东北亚安全格局") is None


def _line(text: str, y: float, size: float = 10.0, x0: float = 72.0) -> Line:
    return Line(text=text, x0=x0, x1=x0 + size * len(text) * 0.5, y=y, size=size)


def test_a_preface_heading_starts_a_part_but_a_section_heading_does_not() -> None:
    body = [_line(f"Body text line number {k} of the preface, set in the text size.", 120 + 14 * k) for k in range(20)]
    preface = PageText(1, 612, 792, "i", [_line("Preface", 90, 13.0)] + body)
    section = PageText(2, 612, 792, "ii", [_line("Introduction", 90, 13.0)] + body)
    assert classify(preface, 10.0).kind == "start"
    assert classify(preface, 10.0).part_type == "editorial"
    assert classify(section, 10.0).kind == "content"


def test_english_toc_with_numbers_far_right_and_bylines_underneath() -> None:
    lines = [
        _line("Table of Contents", 60, 14.0),
        _line("AzureML: Anatomy of a machine learning service", 100, x0=100),
        _line("A.T.M.; JMLR W&CP 50:1–13, 2016.", 114),
        _line("1", 100, x0=500),
        _line("Deploying High-Throughput Predictive Models with the Actor", 140, x0=100),
        _line("Framework 15", 154),
        _line("B. Gawalt; JMLR W&CP 50:15–28, 2016.", 168),
    ]
    rows = printed_rows(lines)
    assert rows[1] == "AzureML: Anatomy of a machine learning service 1"
    entries = parse_toc(rows)
    assert [(e.title, e.page) for e in entries] == [
        ("AzureML: Anatomy of a machine learning service", 1),
        ("Deploying High-Throughput Predictive Models with the Actor Framework", 15),
    ]
    assert entries[1].authors.startswith("B. Gawalt")


def _page(number: int, label: str, kind: str, printed: int | None = None) -> PageInfo:
    return PageInfo(number=number, label=label, kind=kind, printed=printed,
                    part_type="editorial" if kind == "start" and label == "i" else None)


def test_a_part_owns_its_label_range_but_not_a_trailing_blank_in_the_next_range() -> None:
    infos = [_page(1, "i", "start"), _page(2, "ii", "content"), _page(3, "iii", "blank"), _page(4, "iv", "blank"),
             _page(5, "1", "start", 1), _page(6, "2", "content", 2), _page(7, "3", "blank", 3),
             _page(8, "4", "start", 4), _page(9, "5", "content", 5), _page(10, "6", "blank", 6)]
    spans = split_issue(infos).spans
    assert [(s.first, s.last) for s in spans] == [(1, 4), (5, 6), (8, 9)]


def test_the_first_text_line_under_a_running_head_stays_text() -> None:
    from parsers.pages import split_edges
    lines = [_line("社会·2017·2", 17, 8.2), _line("策是底层幸福感提升的重要因素，但也需注意平衡再分配政策", 44, 9.7)]
    lines += [_line(f"正文第{k}行，字号与上一行相同，行距十六磅左右。", 60 + 16 * k, 9.7) for k in range(30)]
    body, heads, _ = split_edges(PageText(23, 420, 595, None, lines), 9.7)
    assert [h.text for h in heads] == ["社会·2017·2"]
    assert body[0].text.startswith("策是底层")


def test_a_large_type_page_inside_a_claimed_page_range_is_not_a_new_article() -> None:
    from parsers.split import merge_by_page_count
    infos = [PageInfo(number=1, kind="start", labels={"article_no", "abstract_zh"}),
             PageInfo(number=2, kind="start"),                       # a display formula in large type
             PageInfo(number=3, kind="content"),
             PageInfo(number=4, kind="start", labels={"abstract_zh"}),  # a real next article
             PageInfo(number=5, kind="content")]
    split = split_issue(infos)
    assert [(s.first, s.last) for s in split.spans] == [(1, 1), (2, 3), (4, 5)]
    merge_by_page_count(split, infos, {1: 5})
    assert [(s.first, s.last) for s in split.spans] == [(1, 3), (4, 5)]
    assert infos[1].kind == "content"


def test_ocr_full_stops_in_an_article_number_read_as_hyphens() -> None:
    from parsers.identifiers import parse_article_no
    ano = parse_article_no("中图分类号：TV212 文献标识码：A 文章编号： 1004.731X(2009)15-4806.05")
    assert ano is not None and ano.ascii == "1004-731X(2009)15-4806-05"


# ---- articles that start mid-page, below the end of the one before (continuous layouts)

def _flow(texts: list[tuple[str, float]], top: float = 70.0, x0: float = 60.0) -> list[Line]:
    """Lines set down the page at a leading of 1.6 of their size."""
    lines, y = [], top
    for text, size in texts:
        lines.append(Line(text=text, x0=x0, x1=min(535.0, x0 + size * len(text)), y=y, size=size))
        y += 1.6 * size
    return lines


def _head(title: str, author: str, abstract: str, keywords: str, ano: str) -> list[tuple[str, float]]:
    return [(title, 18.0), (author, 12.0), ("（东北大学 文法学院，辽宁 沈阳 110819）", 9.0),
            (f"摘要：{abstract}", 9.0), (f"关键词：{keywords}", 9.0),
            (f"中图分类号：D822  文献标识码：A  文章编号：1000-0000(2023)01-{ano}", 9.0)]


def _text(n: int, what: str) -> list[tuple[str, float]]:
    return [(f"{what}第{k}行，这是一行用于测试的正文文字，长度接近版心的宽度。", 10.5) for k in range(n)]


def _issue(pages: list[list[Line]]):
    from pathlib import Path

    from parsers.textlayer import Document
    return Document(path=Path("continuous.pdf"), sha256="0" * 64, page_count=len(pages),
                    pages=[PageText(k + 1, 595, 842, str(k + 1), lines) for k, lines in enumerate(pages)],
                    outline=[], info={})


def _continuous_issue(second_start_top: bool):
    """Article A on p.1–2; B starts on p.2 (top half or lower half) and ends on p.3."""
    a_head = _head("东北亚区域合作的新进展", "张三", "本文讨论东北亚区域合作的新进展。", "东北亚；区域合作", "0001-02")
    b_head = _head("数字治理的制度逻辑", "李四", "本文讨论数字治理的制度逻辑。", "数字治理；制度", "0002-02")
    a_end_lines = 6 if second_start_top else 24
    a_refs = [("参考文献：", 10.5), ("[1] 王五. 东北亚合作研究[J]. 东北亚论坛, 2020(3): 1-10.", 9.0),
              ("[2] 赵六. 区域合作的理论[M]. 北京: 人民出版社, 2019.", 9.0)]
    p1 = _flow(a_head + _text(26, "甲文"))
    p2 = _flow(_text(a_end_lines, "甲文末") + a_refs + [("", 10.5)] + b_head + _text(4, "乙文"))
    p3 = _flow(_text(30, "乙文续") + [("参考文献：", 10.5), ("[1] 孙七. 数字政府[J]. 电子政务, 2021(5): 2-9.", 9.0)])
    return _issue([p1, p2, p3])


def test_an_article_that_starts_mid_page_shares_the_page_with_the_one_before() -> None:
    from parsers.extract import build_issue
    for top in (True, False):  # the title in the upper or in the lower half of the page
        issue = build_issue(_continuous_issue(top))
        a, b = issue.articles
        assert (a.pdf_pages, b.pdf_pages) == ([1, 2], [2, 3]), top
        assert (a.fpage, a.lpage, b.fpage, b.lpage) == ("1", "2", "2", "3")
        assert a.title.zh == "东北亚区域合作的新进展" and b.title.zh == "数字治理的制度逻辑"
        assert a.abstract.zh == "本文讨论东北亚区域合作的新进展。" and b.abstract.zh == "本文讨论数字治理的制度逻辑。"
        assert [c.text[:6] for c in a.citations] == ["王五. 东北", "赵六. 区域"]  # its list ends above b's title
        assert [c.text[:6] for c in b.citations] == ["孙七. 数字"]
        assert [c.name.zh for c in b.contributors] == ["李四"]
        assert not [w for w in a.warnings + b.warnings if w.code.startswith("article-no")], (a.warnings, b.warnings)


def test_a_column_name_above_a_title_is_not_another_articles_end() -> None:
    page = _flow([("·区域国别研究·", 10.5)] + _head("东北亚区域合作的新进展", "张三", "本文讨论。", "东北亚", "0001-02")
                 + _text(20, "正文"))
    info = classify(PageText(1, 595, 842, "1", page), 10.5)
    assert info.kind == "start" and info.start_y is None


def test_toc_authors_are_split_off_however_the_contents_page_sets_them() -> None:
    rows = ["目  录", "【国际政治】",
            "乌克兰危机下日本与北约的战略合作 …………………… 陈静静（43）",
            "东北亚区域合作的新进展 ………………… 张  三  李  四（55）",
            "数字治理的制度逻辑 / 王五 ……… 67",
            "论“一带一路”倡议的国际法基础    赵六    78",
            "书评：读《东北亚国际关系史》 孙七 / 90",
            "人工智能时代的法律治理研究", "王  五  赵  六 （102）",
            "东北亚安全格局的演变与", "中国的应对 （110）",
            "欧洲一体化研究的新视角  欧阳明远，司马青 120",
            "中国 经济 发展 130"]
    assert [(e.title, e.authors, e.page) for e in parse_toc(rows)] == [
        ("乌克兰危机下日本与北约的战略合作", "陈静静", 43),
        ("东北亚区域合作的新进展", "张  三  李  四", 55),
        ("数字治理的制度逻辑", "王五", 67),
        ("论“一带一路”倡议的国际法基础", "赵六", 78),
        ("书评：读《东北亚国际关系史》", "孙七", 90),
        ("人工智能时代的法律治理研究", "王  五  赵  六", 102),   # the authors under a wrapped title
        ("东北亚安全格局的演变与中国的应对", "", 110),           # a wrapped title's end is no name
        ("欧洲一体化研究的新视角", "欧阳明远，司马青", 120),
        ("中国 经济 发展", "", 130),                              # words that are not names stay title
    ]


def test_an_english_section_without_page_numbers_is_matched_by_authors() -> None:
    """Entries that print no `NAME / 43`: the section is told by its heading, each entry by
    its Abstract label, and its article by the authors' pinyin (any order, any case)."""
    from parsers.extract import build_issue
    a = _flow(_head("东北亚区域合作的新进展", "张三", "本文讨论东北亚区域合作。", "东北亚；区域合作", "0001-01")
              + _text(20, "甲文"))
    b = _flow(_head("数字治理的制度逻辑", "欧阳明远", "本文讨论数字治理。", "数字治理；制度", "0002-01")
              + _text(20, "乙文"))
    english = _flow([("英文摘要", 14.0),
                     ("The Institutional Logic of Digital Governance", 11.0), ("OUYANG Mingyuan", 9.0),
                     ("(School of Humanities and Law, Northeastern University, Shenyang 110819, China)", 9.0),
                     ("Abstract: This paper discusses digital governance.", 9.0),
                     ("Key words: digital governance; institutions", 9.0), ("", 9.0),
                     ("New Progress in Northeast Asian Regional Cooperation", 11.0), ("Zhang San", 9.0),
                     ("Abstract: This paper discusses regional cooperation.", 9.0),
                     ("Key words: Northeast Asia; regional cooperation", 9.0), ("", 9.0),
                     ("A Paper Not in This Issue", 11.0), ("WANG Wu", 9.0),
                     ("Abstract: Nobody here wrote it.", 9.0), ("Key words: none", 9.0)])
    issue = build_issue(_issue([a, b, english]))
    first, second = issue.articles
    assert (first.pdf_pages, second.pdf_pages) == ([1, 1], [2, 2])  # the section is no article's page
    assert first.title.en == "New Progress in Northeast Asian Regional Cooperation"
    assert first.abstract.en == "This paper discusses regional cooperation."
    assert first.keywords.en == ["Northeast Asia", "regional cooperation"]
    assert second.title.en == "The Institutional Logic of Digital Governance"
    assert [c.name.en for c in second.contributors] == ["OUYANG Mingyuan"]
    assert [(w.code, "WANG Wu" in w.message) for w in issue.warnings if w.code.startswith("english")] == [
        ("english-entry-unmatched", True)]


def test_two_english_blocks_at_an_articles_end_are_not_a_section() -> None:
    page = _flow(_text(10, "正文") + [("Study on sediment", 11.0), ("XU Quanxi", 9.0),
                                     ("Abstract: One.", 9.0), ("Key words: a; b", 9.0),
                                     ("Another study", 11.0), ("LI Si", 9.0),
                                     ("Abstract: Two.", 9.0), ("Key words: c; d", 9.0)])
    assert classify(PageText(7, 595, 842, "13", page), 10.5).kind != "english"


def test_year_and_issue_from_a_masthead_that_prints_them_apart() -> None:
    """No 文章编号: '第45卷 第2期 … Vol.45 No.2' and '2023年3月 … Mar.,2023' in the heads."""
    from parsers.extract import build_issue
    heads = [Line(text="第45卷 第2期      西北大学学报（哲学社会科学版）      Vol.45 No.2", x0=60, x1=535, y=40, size=8.0),
             Line(text="2023年3月   Journal of Northwest University (Philosophy and Social Sciences Edition)   Mar.,2023",
                  x0=60, x1=535, y=52, size=8.0)]
    head = [r for r in _head("东北亚区域合作的新进展", "张三", "本文讨论。", "东北亚", "0001-02") if not r[0].startswith("中图")]
    p1 = heads + _flow(head + _text(20, "甲文"), top=80)
    p2 = [Line(text="· 2 ·      西北大学学报（哲学社会科学版）      第45卷 总第201期", x0=60, x1=535, y=40, size=8.0)]
    issue = build_issue(_issue([p1, p2 + _flow(_text(30, "甲文续"), top=70)]))
    assert (issue.year, issue.volume, issue.issue) == (2023, "45", "2")
    assert issue.journal.title.zh == "西北大学学报（哲学社会科学版）"


def test_contents_page_headings() -> None:
    from parsers.toc import TOC_HEAD
    for heading in ("目录", "目　录", "目 次", "CONTENTS", "Table of Contents", "本期目录", "目录 CONTENTS",
                    "目  录 Contents", "2023年第6期目录"):
        assert TOC_HEAD.match(heading), heading
    for text in ("总目录", "目录学研究", "Contents of Volume 3"):
        assert not TOC_HEAD.match(text), text


def test_a_masthead_box_above_the_title_is_not_the_end_of_another_article() -> None:
    box = [("第45卷 第2期", 9.0), ("西北大学学报（哲学社会科学版）", 9.0), ("Vol.45 No.2", 9.0), ("2023年3月", 9.0),
           ("Journal of Northwest University (Philosophy and Social Sciences Edition)", 9.0), ("Mar.,2023", 9.0),
           ("ISSN 1000-2731  CN 61-1011/C", 9.0)]
    page = _flow(box + _head("东北亚区域合作的新进展", "张三", "本文讨论。", "东北亚", "0001-02") + _text(16, "正文"), top=30)
    info = classify(PageText(2, 595, 842, "2", page), 10.5)
    assert info.kind == "start" and info.start_y is None


def test_the_earlier_articles_footnotes_below_a_mid_page_start_stay_with_it() -> None:
    """A shared page's foot holds the notes of both articles: ① cited above the new title is
    the earlier article's; ② and the new article's first-page note are the later one's."""
    from parsers.extract import build_issue
    a_head = _head("东北亚区域合作的新进展", "张三", "本文讨论东北亚区域合作的新进展。", "东北亚；区域合作", "0001-02")
    b_head = _head("数字治理的制度逻辑", "李四", "本文讨论数字治理的制度逻辑。", "数字治理；制度", "0002-02")
    p1 = _flow(a_head + _text(26, "甲文"))
    p2 = _flow(_text(5, "甲文末") + [("甲文最后一段引用了一份文件。①", 10.5), ("", 10.5)] + b_head
               + _text(3, "乙文") + [("乙文在这里引用了另一份文件。②", 10.5)])
    p2 += _flow([("①国务院：《东北振兴“十四五”规划》，2021年。", 8.0),
                 ("②李强：《数字政府建设》，北京：人民出版社，2022年，第5页。", 8.0),
                 ("收稿日期：2023-05-06", 8.0)], top=700)
    p3 = _flow(_text(30, "乙文续"))
    a, b = build_issue(_issue([p1, p2, p3])).articles
    assert (a.pdf_pages, b.pdf_pages) == ([1, 2], [2, 3])
    assert [c.text for c in a.citations] == ["国务院：《东北振兴“十四五”规划》，2021年。"]
    assert [c.text for c in b.citations] == ["李强：《数字政府建设》，北京：人民出版社，2022年，第5页。"]
    assert b.received == "2023-05-06" and a.received == ""


def test_a_title_that_opens_by_naming_a_book_is_a_review() -> None:
    assert type_of_title("评《东北亚国际关系史》") == "book-review"
    assert type_of_title("读《大国政治的悲剧》有感") == "book-review"
    assert type_of_title("东北亚安全与《联合国宪章》的适用") is None  # a book named mid-title is not enough


def test_a_contents_page_that_runs_over_without_its_heading() -> None:
    from parsers.extract import analyse_pages, plan_split
    row = "第{}篇文章的标题在这里 ………………………… 张三（{}）"
    toc1 = _flow([("目  录", 16.0)] + [(row.format(k, 10 * k + 1), 10.5) for k in range(1, 21)], top=100)
    toc2 = _flow([(row.format(k, 10 * k + 1), 10.5) for k in range(21, 41)], top=100)
    article = _flow(_head("第一篇文章", "张三", "本文。", "甲", "0001-01") + _text(20, "文"))
    doc = _issue([toc1, toc2, article])
    infos, _ = analyse_pages(doc)
    split = plan_split(doc, infos)
    assert [p.kind for p in infos[:2]] == ["toc", "toc"]
    assert [e.page for e in split.toc] == [10 * k + 1 for k in range(1, 41)]
    # a page of ordinary text after the 目录 stays what it is
    prose = _flow(_text(30, "正文"), top=100)
    infos, _ = analyse_pages(_issue([toc1, prose, article]))
    plan_split(_issue([toc1, prose, article]), infos)
    assert infos[1].kind != "toc"


def test_a_bilingual_issues_english_contents_is_no_title_mismatch() -> None:
    from parsers.extract import build_issue
    zh = _flow([("目  录", 16.0), ("东北亚区域合作的新进展 ………………………… 张三（3）", 10.5),
                ("数字治理的制度逻辑 ………………………… 李四（4）", 10.5)], top=100)
    en = _flow([("CONTENTS", 16.0), ("New Progress in Northeast Asian Regional Cooperation …… ZHANG San (3)", 10.5),
                ("The Institutional Logic of Digital Governance …… LI Si (4)", 10.5)], top=100)
    a = _flow(_head("东北亚区域合作的新进展", "张三", "本文。", "东北亚", "0003-01") + _text(20, "甲文"))
    b = _flow(_head("数字治理的制度逻辑", "李四", "本文。", "数字治理", "0004-01") + _text(20, "乙文"))
    issue = build_issue(_issue([zh, en, a, b]))
    assert [x.title.zh for x in issue.articles] == ["东北亚区域合作的新进展", "数字治理的制度逻辑"]
    assert not [w for x in issue.articles for w in x.warnings if w.code == "toc-title-mismatch"]


def test_text_above_a_title_is_not_the_earlier_articles_end_when_its_page_count_says_so() -> None:
    """An editor's note above the next article's title, after an article whose 文章编号
    counts one page: the page is the later article's alone."""
    from parsers.extract import build_issue
    a = _flow(_head("东北亚区域合作的新进展", "张三", "本文。", "东北亚", "0001-01") + _text(20, "甲文"))
    note = [("编者按：本期专题围绕数字治理展开讨论，收录三篇文章，分别从制度、技术和实践三个方面进行了分析。", 10.5)] * 3
    b = _flow(note + [("", 10.5)] + _head("数字治理的制度逻辑", "李四", "本文。", "数字治理", "0002-01") + _text(12, "乙文"),
              top=100)
    from parsers.extract import analyse_pages, plan_split
    doc = _issue([a, b])
    infos, _ = analyse_pages(doc)
    assert infos[1].start_y is not None  # the note looks like another article's end …
    assert [(s.first, s.last) for s in plan_split(doc, infos).spans] == [(1, 1), (2, 2)]  # … the count says not
    first, second = build_issue(doc).articles
    assert (first.pdf_pages, second.pdf_pages) == ([1, 1], [2, 2])
    assert not [w for w in first.warnings if w.code == "article-no-page-count"]


def test_large_english_type_without_a_byline_is_no_new_article() -> None:
    """A pull quote, box or figure heading in large type inside an English article opens no
    article; the same type with authors under it does."""
    from parsers.pages import classify
    from parsers.textlayer import Line, PageText

    def page(*extra: Line) -> PageText:
        big = Line(text="Why the wolves came back to the valley", x0=60, x1=500, y=120, size=20.0)
        body = [Line(text=f"Running text of the article goes on here, line {k} of the page.", x0=60, x1=500,
                     y=200 + 14 * k, size=10.0) for k in range(30)]
        return PageText(number=3, width=595, height=842, label=None, lines=[big, *extra, *body])

    assert classify(page(), 10.0).kind != "start"
    byline = Line(text="Anna Smith, John Doe and Li Wei", x0=60, x1=300, y=150, size=11.0)
    assert classify(page(byline), 10.0).kind == "start"


def _weak_plan(prev_last: str, start_labels: set[str], sources: set[str]):
    """Two articles cut between p.1 and p.2: p.2 starts with large type (kind start)."""
    from parsers.extract import Plan
    from parsers.pages import PageInfo
    from parsers.split import Span, Split

    title = _line("一个只凭字号认出的标题", 90, 16.0)
    p1 = PageInfo(1, kind="start", body=[_line(f"正文第{k}行。", 100 + 14 * k) for k in range(30)] + [_line(prev_last, 540)])
    p2 = PageInfo(2, kind="start", body=[title] + [_line(f"正文第{k}行。", 120 + 14 * k) for k in range(30)],
                  title_lines=[title], labels=start_labels)
    spans = [Span(1, 1, sources={"layout"}), Span(2, 2, sources=sources)]
    return Plan(infos=[p1, p2], size=10.0, split=Split(spans=spans, toc=[], english_pages=[], skipped={}))


def test_a_cut_told_only_by_type_size_is_named_for_the_confidence() -> None:
    from parsers.extract import weak_split

    assert "type size" in weak_split(_weak_plan("正文的最后一行。", set(), {"layout"}), 1)
    # any of: a front-matter label on the start page, the 目录 naming it, an end shown before it
    assert weak_split(_weak_plan("正文的最后一行。", {"abstract_zh"}, {"layout"}), 1) == ""
    assert weak_split(_weak_plan("正文的最后一行。", set(), {"layout", "toc"}), 1) == ""
    assert weak_split(_weak_plan("［1］张三. 一篇文献[J]. 某刊, 2020(1): 1-9.", set(), {"layout"}), 1) == ""
    assert weak_split(_weak_plan("（责任编辑：李四）", set(), {"layout"}), 1) == ""


def test_an_article_is_read_against_its_own_text_size():
    """An issue may set a section in other type (case reports in 小五 among 五号 articles): an
    article's fields are read against the size of its own text, not the file's, or its text
    is taken for notes (a case report's "1 临床资料 …" became a citation)."""
    from parsers.extract import _article_size

    def lines(size: float, n: int) -> list[Line]:
        return [Line("患者，女，24岁，因反复腹痛入院。" * 2, 50, 300, 100 + 14 * k, size) for k in range(n)]

    small = [PageInfo(1, body=lines(9.0, 40) + lines(7.5, 6)), PageInfo(2, body=lines(9.0, 44))]
    assert _article_size(small, 10.5) == 9.0
    assert _article_size([PageInfo(3, body=[])], 10.5) == 10.5  # (nothing of its own: the file's)
