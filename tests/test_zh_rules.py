"""Chinese-article extraction rules that encode a printing convention: a page range printed in
words (GB/T 7714-2015 self-citation line, pp./页码 masthead line), an English keyword's line-break
hyphen, the flag on page numbers no page of the article prints."""
from __future__ import annotations

import pytest

from parsers.article import _rejoin_by_usage
from parsers.confidence import PageEvidence, assess_article, flagged_paths
from parsers.pages import printed_range
from tests.test_confidence import clean_article


@pytest.mark.parametrize("lines,heads,want", [
    (["引用本文：张三，李四. 标题[J]. 刊名，2020，12(3)：45-52."], [], (45, 52)),
    (["Cite this article: Zhang S. Title[J]. J Chin, 2020, 12(3):", "45-52."], [], (45, 52)),  # wrapped
    (["本文引用格式：张三. 标题[J]. 刊名, 2019, 37: 112-118."], [], (112, 118)),
    ([], ["Vol.12 No.3 pp.45-52"], (45, 52)),
    ([], ["第 45—52 页"], (45, 52)),
    ([], ["页码：45-52"], (45, 52)),
    ([], ["Ancient Science of Life, Vol No. XV No.1 July 1995, Pages 53-61"], (53, 61)),  # an English masthead
    ([], ["Page 3 of 12"], None),  # an article-number journal's page count: no range
    # the label's other printed forms, and Vancouver's order (NLM: year; volume(issue): pages)
    (["引文格式：王建国. 数字经济研究[J]. 现代区域研究, 2023, 38(6): 43-51."], [], (43, 51)),
    (["本文引文格式：王建国. 数字经济研究[J]. 现代区域研究, 2023(6): 43-51."], [], (43, 51)),
    (["引用信息：王建国. 数字经济研究[J]. 现代区域研究, 2023, 38: 43-51."], [], (43, 51)),
    (["How to cite this article: Smith J. A study. Sci Rep 2017;7:1234-1240."], [], (1234, 1240)),
    (["Please cite this article as: A. Smith, Title, J. X 12 (2018) pp. 45-52"], [], (45, 52)),
    (["Cite as: Smith J, Lee K. Title. J Med. 2020;12(3):45–52."], [], (45, 52)),
    (["见文献[3]：刊名, 2020, 12(3): 45-52"], [], None),  # (no label: another work's range)
    (["Cite This: ACS Omega 2020, 5, 12345−12352"], [], (12345, 12352)),  # (ACS: year, volume, pages)
    (["【引用格式】王建国. 数字经济研究[J]. 现代区域研究, 2023, 38(6): 43-51."], [], (43, 51)),  # (bracketed, no colon)
    (["Recommended Citation: Smith, J. (2019). Title. Journal of X, 12(3), 45-60."], [], (45, 60)),  # (APA)
    (["Citation: Smith J (2019), 45-52 participants"], [], None),  # (a year in brackets is no issue)
    # a footnote citing another work prints a range too: only the heads' is the article's
    (["① 张三：《论文》，《刊名》2010年第3期，第45-52页。"], [], None),
    (["图2 1990-2020年变化"], ["2020年第3期"], None),
    (["引用本文：张三. 标题[J]. 刊名, 2020, 12(3): 52-45."], [], None),  # no range: last before first
    # an online-first article's citation prints no pages: the reference after it is not its range
    (["引用格式：张三. 标题[J]. 刊名, 2020(3).", "[1] 李四. 论文[J]. 刊名, 2019, 5(2): 12-20."], [], None),
])
def test_a_range_printed_in_words(lines: list[str], heads: list[str], want: tuple[int, int] | None) -> None:
    assert printed_range(lines, heads) == want


def test_a_line_break_hyphen_left_in_an_english_keyword_goes_when_the_article_spells_it_whole() -> None:
    text = "Clitoris Reconstruction in Male to Female Transsexuals. A male-to-female self-efficacy scale."
    assert _rejoin_by_usage(["Male to female trans-sexuals", "male-to-female", "self-efficacy", "co-operation"], text) \
        == ["Male to female transsexuals", "male-to-female", "self-efficacy", "co-operation"]


def test_pages_no_page_of_the_article_prints_are_flagged_unless_the_article_number_agrees() -> None:
    def flags(art, ev):
        assess_article(art, ev)
        return flagged_paths(art.warnings)
    art = clean_article()
    art.article_no = ""
    assert {"fpage", "lpage"} <= flags(art, PageEvidence(folios_seen=0))
    assert not {"fpage", "lpage"} & flags(clean_article(), PageEvidence(folios_seen=0))  # 文章编号 …-0043-10 agrees
    art = clean_article()
    art.article_no = ""
    assert not {"fpage", "lpage"} & flags(art, PageEvidence(folios_seen=3))


@pytest.mark.parametrize("zh,lines,want", [
    (["张三", "李四"], ["Title of the Paper", "ZHANG San1, LI Si2*", "(1. Peking University)"], ["ZHANG San", "LI Si"]),
    (["陈焕然", "陈宗基"], ["CHEN Huan-ran, CHEN Zong-", "ji"], ["CHEN Huan-ran", "CHEN Zong-ji"]),  # wrapped at a hyphen
    (["柴若楠", "郜帅"], ["Chai Ruonan1, Gao Shuai2"], ["Chai Ruonan", "Gao Shuai"]),
    (["刘云生"], ["LIU Yun-sheng", "(Law School)"], ["LIU Yun-sheng"]),
    (["刘云生"], ["[3] LIU Yun-sheng. On property[J]. Law Review, 2010."], []),  # a reference is no byline
    (["刘云生"], ["LIU Yun-sheng (Law School, Southwest University of Political", "Science and Law)"], ["LIU Yun-sheng"]),
    (["刘云生"], ["Review of LIU Yun-sheng's book"], []),
    (["张三", "李四"], ["张三 李四 ZHANG San LI Si"], []),  # a Chinese line is no English byline
    (["张三", "李四"], ["ZHANG San, WANG Wu"], []),  # not every author's pinyin
])
def test_the_english_byline_is_the_line_printing_every_authors_pinyin(zh, lines, want) -> None:
    from parsers.names import english_byline
    assert english_byline(zh, lines) == want


@pytest.mark.parametrize("line,want", [
    ("(1.北京大学法学院 北京 100871 2.清华大学 北京 100084)", {"1": "北京大学法学院 北京 100871", "2": "清华大学 北京 100084"}),
    ("1 北京大学法学院，北京 100871；2 清华大学，北京 100084", {"1": "北京大学法学院，北京 100871", "2": "清华大学，北京 100084"}),
    ("北京大学法学院，北京 100871", {"": "北京大学法学院，北京 100871"}),  # one unit, no mark
    ("电话 010 12345678", {"": "电话 010 12345678"}),  # digits that are no mark
])
def test_numbered_affiliations_apart_by_a_postcode_or_with_a_spaced_mark(line: str, want: dict[str, str]) -> None:
    from parsers.names import parse_affiliation_line
    assert parse_affiliation_line(line) == want


@pytest.mark.parametrize("text,want", [
    ("李向阳：《政府与市场》，2009年1月1日，http://www.example.com/a.html，2010年1月1日。", "2010-01-01"),  # 《中国社会科学》 notes
    ("国家统计局. 公报[EB/OL]. http://www.stats.gov.cn/a.html, 2019-01-02/2020-03-05.", "2020-03-05"),  # 更新/引用
    ("国家统计局. 公报[EB/OL]. (2019-01-02). http://www.stats.gov.cn/a.html.", None),  # an update date only
    ("参见http://www.example.org/report，2020年3月5日，第3页。", None),  # the date does not end the note
])
def test_a_date_ending_the_note_after_its_url_is_the_access_date(text: str, want: str | None) -> None:
    from parsers.citations import parse_citation
    assert parse_citation(1, text).accessed == want


def test_byline_marks_left_on_an_english_name_go() -> None:
    from parsers.article import _english_names_by_pinyin
    from schemas.model import Article, Contributor, LangText
    art = Article(id="a01", pdf_pages=[1, 1])
    art.contributors = [Contributor(name=LangText(zh="张三", en="ZHANG San1,2*")),
                        Contributor(name=LangText(zh="李四", en="LI Si②")),
                        Contributor(name=LangText(zh="王五", en="Ma Liu3"))]  # not his pinyin: left for the check
    _english_names_by_pinyin(art, [])
    assert [c.name.en for c in art.contributors] == ["ZHANG San", "LI Si", "Ma Liu3"]


def test_initials_glued_to_a_western_surname_are_no_part_of_it() -> None:
    from parsers.names import split_english_name
    assert split_english_name("Eric P.F.Chow") == ("Chow", "Eric P.F.")
    assert split_english_name("Harold S.W.") == ("Harold", "S.W.")  # (initials after the surname)
    assert split_english_name("CHEN Jingjing") == ("Chen", "Jingjing")
