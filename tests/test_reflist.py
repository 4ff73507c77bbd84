"""Reference-list entries: numbered lists by marker, author–date lists by indentation."""
from __future__ import annotations

from parsers.reflist import reference_entries, split_by_indent
from parsers.textlayer import Line


def _ln(text: str, x0: float, y: float, size: float = 7.7) -> Line:
    return Line(text=text, x0=x0, x1=x0 + 200, y=y, size=size)


AUTHOR_DATE = [
    _ln("边燕杰、肖阳.2014.中英居民主观幸福感比较研究［J］.社会学研究（2）：22-42.", 10, 332),
    _ln("蔡禾.2014.劳动自评、自主性与劳动者的幸福感———基于2012年中国劳动力动态调", 10, 342),
    _ln("查的分析［J］.社会学评论（4）：3-13.", 27, 353),
    _ln("Deaton，Angus.2008.“Income，Health，and Well-Being around the World.”Journal", 10, 363),
    _ln("of Economic Perspectives 22（2）：53-72.", 27, 374),
    # the right column: its own margin
    _ln("Diener，Ed.2000.“Subjective Well-Being.”American Psychologist 55（1）：34-43.", 300, 332),
    _ln("Easterlin，Richard A.1974.“Does Economic Growth Improve the Human Lot？”In", 300, 342),
    _ln("Nations and Households in Economic Growth.", 317, 353),
]


def test_hanging_indent_splits_an_unnumbered_list_per_column() -> None:
    entries = reference_entries(AUTHOR_DATE)
    assert len(entries) == 5
    assert entries[1].endswith("社会学评论（4）：3-13.")
    assert entries[2].startswith("Deaton") and entries[2].endswith("53-72.")
    assert entries[4].endswith("Economic Growth.")


def test_first_line_indent_is_read_the_other_way_round() -> None:
    lines = [_ln("张三.2010.书名［M］.北京：某出版社.", 27, 10), _ln("李四.2011.很长的题名，一行排不下，", 27, 20),
             _ln("接着排［J］.某刊（1）：1-2.", 10, 30)]
    assert split_by_indent(lines) == ["张三.2010.书名［M］.北京：某出版社.", "李四.2011.很长的题名，一行排不下，接着排［J］.某刊（1）：1-2."]


def test_numbered_lists_keep_their_markers_even_when_flush() -> None:
    lines = [_ln("[1] 王五.论文[J].学报，2020(1)：1-5.", 10, 10), _ln("[2] 赵六.专著[M].北京：出版社，2019.", 10, 20),
             _ln("[3] 钱七.报告[R].上海，2018.", 10, 30)]
    assert len(reference_entries(lines)) == 3


def test_lines_without_any_indentation_are_not_split_line_by_line() -> None:
    lines = [_ln("one long unnumbered paragraph of text", 10, 10), _ln("that continues here", 10, 20),
             _ln("and ends here.", 10, 30)]
    assert len(split_by_indent(lines)) == 1


def test_cited_footnotes_stay_and_a_list_repeating_them_is_not_counted_twice() -> None:
    from parsers.article import _CITES, _source_key
    assert _CITES.search("李宗桂：《文化自信是强大的精神力量》，《人民日报》2016 年 9 月 14 日，第 7 版。")
    assert _CITES.search("《马克斯恩格斯军事文集》（第 1 卷），战士出版社 1981 年版。")
    assert not _CITES.search("早在2010年3月5日，时任国务院总理的温家宝在第十一届全国人民代表大会第三次会议上做的《政府工作报告》中就提出")
    note = "徐茂华：《增强社会主义先进文化自信》，《人民日报》2017 年 4 月 28 日，第 7 版。"
    listed = "[16]徐茂华：《增强社会主义先进文化自信》，《人民日报》2017 年 4 月 28"
    assert _source_key(note) == _source_key(listed)
    assert _source_key(note) != _source_key("[17]周皖柱：《努力担负起发展新时代强军文化使命》")


def test_a_short_unnumbered_list_with_hanging_indents_is_split_too() -> None:
    lines = [_ln("Manuel Fernandez-Delgado, Eva Cernadas. Do we", 90, 357, 10.9),
             _ln("need hundreds of classifiers? JMLR, 2009. URL http://jmlr.org/papers/", 101, 371, 10.9),
             _ln("Netflix Prize. URL https://en.wikipedia.org/wiki/Netflix_Prize.", 90, 420, 10.9),
             _ln("Elliot Turner. Enhancing your cloud applications with", 90, 443, 10.9),
             _ln("artificial intelligence. GlueCon 2014.", 101, 456, 10.9)]
    entries = reference_entries(lines)
    assert len(entries) == 3
    assert entries[1].startswith("Netflix Prize")
