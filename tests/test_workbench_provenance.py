"""Where each field was printed (parsers/provenance.py), and the outlines the review page draws."""
from __future__ import annotations

import json

from parsers.extract import extract_issue
from parsers.provenance import locate
from parsers.textlayer import Line, PageText
from schemas.model import Article, Contributor, Keywords, LangText
from schemas.record import validate_record
from tests.review_support import SAMPLE


def line(text: str, x0: float, y: float, x1: float | None = None, size: float = 10.0) -> Line:
    return Line(text=text, x0=x0, x1=x1 if x1 is not None else x0 + size * len(text), y=y, size=size)


def page(*lines: Line) -> PageText:
    return PageText(number=1, width=500, height=700, label=None, lines=list(lines))


def test_a_value_is_boxed_where_it_is_printed_and_a_list_by_its_items_in_order() -> None:
    art = Article(id="a01", title=LangText(zh="日本与北约的战略合作"), keywords=Keywords(zh=["日本", "北约", "安全"]),
                  contributors=[Contributor(name=LangText(zh="王芳")), Contributor(name=LangText(zh="李明"))])
    first = page(line("日本与北约的", 100, 80, size=20), line("战略合作", 120, 105, size=20),
                 line("王芳  李明", 200, 130),
                 line("关键词：日本；北约；安全", 50, 300))
    where = locate(art, [page(line("前一篇文章的结尾", 50, 80)), first])
    assert where["title.zh"]["page"] == 2
    x0, top, x1, bottom = where["title.zh"]["box"]
    assert (x0, x1) == (100, 220) and top < 80 - 10 and bottom > 105  # both title lines
    # the keyword list is boxed on its own line, not on the title that starts with 日本
    kw = where["keywords.zh"]["box"]
    assert kw[1] < 300 < kw[3] and kw[0] > 50
    # two names on one line: each gets its share of the line
    a, b = where["contributors.1.name.zh"]["box"], where["contributors.2.name.zh"]["box"]
    assert a[2] <= b[0] and a[1] == b[1]


def test_a_value_not_printed_as_read_gets_no_box() -> None:
    art = Article(id="a01", title=LangText(zh="未印出的标题", en="An"), doi="10.19498/x.1", doi_source="assigned")
    assert locate(art, [page(line("别的内容", 50, 80), line("10.19498/x.1", 50, 100))]) == {}


def test_the_sample_issue_records_valid_boxes_inside_its_pages() -> None:
    issue = extract_issue(SAMPLE)
    validate_record(issue.to_dict())
    a02 = next(a for a in issue.articles if a.id == "a02")
    assert {"title.zh", "abstract.zh", "keywords.zh", "doi", "article_no", "clc",
            "contributors.1.name.zh"} <= set(a02.provenance)
    for art in issue.articles:
        for path, where in art.provenance.items():
            x0, top, x1, bottom = where["box"]
            assert 1 <= where["page"] <= art.pdf_pages[1] - art.pdf_pages[0] + 1, (art.id, path)
            assert 0 <= x0 < x1 <= 600 and 0 <= top < bottom <= 900, (art.id, path, where)
    # the DOI line is below the title on the first page
    assert a02.provenance["doi"]["box"][1] > a02.provenance["title.zh"]["box"][3]
    json.dumps(a02.provenance)
