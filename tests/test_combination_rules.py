"""Rules that bench/combos.py found failing when conventions meet (most also have a case in
tests/conventions/combo_* or tests/folio_cases/combo_*): a title that starts above the
page's middle and wraps below it, an English byline wrapped inside names in a narrow
column, a byline of names with their units in brackets wrapped between a name and its
bracket, a 目录 entry the numbering puts on an untitled page beside the page with its title."""
from __future__ import annotations

from parsers.article import _rejoin_wrapped_byline
from parsers.english import _title_and_names_above
from parsers.pages import title_lines
from parsers.textlayer import Line


def line(text: str, y: float, size: float = 10.5, x0: float = 60.0) -> Line:
    return Line(text, x0, x0 + size * len(text) * 0.6, y, size)


def test_a_title_that_starts_in_the_window_keeps_the_lines_that_wrap_past_it() -> None:
    # page 729 pt high: the window is its top half (364.5 pt); the title starts at 351
    body = [line("作文件《个别伙伴合作计划》。", 267.0), line("专题研究", 327.0),
            line("乡村振兴战略下农村集体经济组", 351.0, 16.0), line("织治理机制创新与制度保障研究", 376.0, 16.0),
            line("诸葛明亮　张敏", 402.0, 12.0), line("摘要：本文以区域创新网络为对象", 439.0, 9.0)]
    got = title_lines(body, 10.5, 729.0, 1.2)
    assert [ln.text for ln in got] == ["乡村振兴战略下农村集体经济组", "织治理机制创新与制度保障研究"]


def test_an_english_byline_wrapped_inside_names_reads_whole_names() -> None:
    lines = [line("The Evolution of Regional Innovation", 101.0, 12.0), line("Networks in the Digital Economy", 117.0, 12.0),
             line("Zheng Haifeng1, Sima", 133.0, 10.0), line("Xiangru2 and ZHUGE", 149.0, 10.0), line("Mingliang1", 165.0, 10.0),
             line("(1. School of Public Administration, Huazhong University of", 178.0, 8.5),
             line("Science and Technology, Wuhan 430074, China)", 190.0, 8.5),
             line("Abstract: Taking regional innovation networks as the object", 207.0, 9.0)]
    title, names, _ = _title_and_names_above(lines, 7)
    assert title == "The Evolution of Regional Innovation Networks in the Digital Economy"
    assert names == ["Zheng Haifeng", "Sima Xiangru", "ZHUGE Mingliang"]


def test_english_names_one_a_line_stay_apart() -> None:
    lines = [line("The Evolution of Regional Innovation Networks", 101.0, 12.0),
             line("ZHANG San", 121.0, 10.0), line("LI Siwu", 135.0, 10.0),
             line("Abstract: Taking regional innovation networks as the object", 160.0, 9.0)]
    assert _title_and_names_above(lines, 3)[1] == ["ZHANG San", "LI Siwu"]


def test_a_byline_of_names_with_bracketed_units_is_joined_across_its_rows() -> None:
    block = [line("赵明华（中国社会科学院数量经济与技术经济研究所，北京 100732），黄晓燕", 137.0, 10.0),
             line("（东北师范大学商学院，吉林 长春 130024）", 159.0, 10.0), line("摘要：本文", 181.0, 9.0)]
    got = _rejoin_wrapped_byline(block)
    assert got[0].text == "赵明华（中国社会科学院数量经济与技术经济研究所，北京 100732），黄晓燕（东北师范大学商学院，吉林 长春 130024）"
    assert [ln.text for ln in got[1:]] == ["摘要：本文"]


def test_a_complete_bracketed_byline_row_is_not_joined_to_the_next() -> None:
    block = [line("张三（北京大学社会学系，北京 100871）", 137.0, 10.0), line("（收稿日期：2023-03-15）", 159.0, 10.0)]
    assert [ln.text for ln in _rejoin_wrapped_byline(block)] == [ln.text for ln in block]


def test_a_contents_entry_on_an_untitled_page_beside_its_title_joins_that_start() -> None:
    """An unlabelled plate before any folio: the numbering puts the 目录's p.36 on the plate,
    the page before prints the title. The entry joins that start; no article opens on the plate."""
    from parsers.pages import PageInfo
    from parsers.split import split_issue
    toc = PageInfo(1, kind="toc", body=[line("目　次", 60.0, 16.0), line("数字经济背景下区域创新网络的演化研究……王建国（36）", 100.0)])
    first = PageInfo(2, printed=35, kind="start", title_lines=[line("数字经济背景下区域创新网络的演化研究", 90.0, 16.0)])
    first.body = first.title_lines + [line("正文" * 40, 200.0)]
    plate = PageInfo(3, printed=36, body=[line("图1　东北地区县域经济韧性的空间格局", 600.0)])
    nxt = PageInfo(4, printed=37, printed_seen=True, kind="start",
                   title_lines=[line("城市群协同发展中的产业转移与空间重构", 90.0, 16.0)])
    nxt.body = nxt.title_lines + [line("正文" * 40, 200.0)]
    split = split_issue([toc, first, plate, nxt])
    assert [s.first for s in split.spans] == [2, 4]
    assert any(code == "toc-page-offset" for code, _ in split.spans[0].warnings)


def test_western_names_as_bylines_print_them() -> None:
    from parsers.byline_en import looks_like_name, pinyin_word, split_byline_name

    assert split_byline_name("Luc De Smet") == ("De Smet", "Luc")              # a capitalised particle
    assert split_byline_name("Minh Van Nguyen") == ("Nguyen", "Minh Van")      # Văn, a Vietnamese middle name
    assert split_byline_name("Jan VAN DER BERG") == ("VAN DER BERG", "Jan")    # the surname in capitals, several words
    assert split_byline_name("Smith JA") == ("Smith", "JA")                    # initials that are no pinyin syllable
    assert split_byline_name("Chen LIU") == ("LIU", "Chen")                    # a pinyin surname in capitals
    assert looks_like_name("van der Berg J")                                   # Vancouver: the particle opens it
    assert not looks_like_name("Background")                                   # a structured abstract's sub-head
    assert pinyin_word("xiaoming") and pinyin_word("LV") and not pinyin_word("JA") and not pinyin_word("AM")


def test_a_reference_address_run_over_a_page_is_the_earlier_articles_tail() -> None:
    from parsers.pages import _URL_TAIL

    assert _URL_TAIL.match("2022/indexch.htm.") and _URL_TAIL.match("t20220325_1320207.html.")
    assert not _URL_TAIL.match("理论探讨") and not _URL_TAIL.match("2019.") and not _URL_TAIL.match("see p. 4/5 of it.")
