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
