"""The 目录 (GB/T 3179-2009 目次) in the forms journals print it: entries under column names,
below the page's own journal-and-issue line, with the start page after the title and authors
or before them; and a work's own contents, whose section numbers are no start pages."""
from __future__ import annotations

from parsers.toc import parse_toc


def test_column_names_and_the_issue_line_are_no_part_of_a_title() -> None:
    got = parse_toc(["目　次", "中国性科学　2011年第2期", "·论著·", "男性不育症患者精液质量分析", "张三，李四（27）",
                     "·综述·", "勃起功能障碍的药物治疗进展　王五　（30）"])
    assert [(e.title, e.authors, e.page) for e in got] == [
        ("男性不育症患者精液质量分析", "张三，李四", 27), ("勃起功能障碍的药物治疗进展", "王五", 30)]


def test_a_contents_page_printing_the_page_first() -> None:
    got = parse_toc(["目　次", "27　　男性不育症患者精液质量分析　张三，李四", "30　　勃起功能障碍的药物治疗进展　王五"])
    assert [(e.title, e.page) for e in got] == [("男性不育症患者精液质量分析", 27), ("勃起功能障碍的药物治疗进展", 30)]


def test_numbered_sections_of_one_work_are_no_entries() -> None:
    """A thesis-like contents (1 引言 / 2 研究方法): no authors, so no journal 目次."""
    assert parse_toc(["目　录", "1 引言", "2 研究方法与数据来源", "3 实证结果分析", "4 结论与讨论"]) == []
