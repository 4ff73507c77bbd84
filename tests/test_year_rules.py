"""The issue's year when only an article's first page dates it: the journal's short citation
in a head or foot line, the copyright line, the publication or acceptance date."""
from __future__ import annotations

from hypothesis import given, strategies as st

from parsers.extract import _year_in_text
from parsers.masthead import dated_year, first_page_margins, foot_line, masthead_volume, self_cited_year
from parsers.pages import PageInfo
from parsers.textlayer import Line


def _line(text: str, y: float, size: float = 9.0) -> Line:
    return Line(text=text, x0=60.0, x1=60.0 + len(text) * size * 0.5, y=y, size=size)


def _start(body: list[str], heads: list[str] = (), kind: str = "start") -> PageInfo:
    lines = [_line(t, 100 + 20 * k) for k, t in enumerate(body)]
    return PageInfo(number=1, kind=kind, body=lines, heads=[_line(h, 30) for h in heads],
                    title_lines=[lines[1]] if len(lines) > 1 else [])


def test_publishers_short_citations_give_year_and_volume() -> None:
    assert foot_line("Molecules 2016, 21, 182; doi:10.3390/molecules21020182") == (2016, "21", "")
    assert foot_line("Kaur et al. Journal of X Injury 2010, 5:3") == (2010, "5", "")
    assert foot_line("Conservation Biology. 2025;39:e70049.") == (2025, "39", "")
    assert foot_line("Drug Design, Development and Therapy 2016:10 155–162") == (2016, "10", "")
    assert foot_line("Biochimie Open 6 (2018) 9e16") == (2018, "6", "")
    assert foot_line("Volume 2016, Article ID 5482578, 5 pages") == (2016, "2016", "")
    assert foot_line("J Intercult Ethnopharmacol ● 2016 ● Vol 5 ● Issue 4") == (2016, "5", "4")
    assert foot_line("Iranian Journal of X Vol.9. No.3. pp: 177-186, Summer 2011") == (2011, "9", "3")


def test_prose_with_a_year_is_no_citation_line() -> None:
    for text in ("in 2014, 35 packs were seen", "cited 12 (2018) papers", "from 2010 to 2015 the rate",
                 "doi:10.1155/2016/5482578", "Smith J (2014) Title. Nature"):
        assert foot_line(text) is None, text


@given(st.integers(1900, 2099), st.integers(1, 999), st.integers(1, 99999))
def test_year_volume_article_number_round_trips(year: int, volume: int, number: int) -> None:
    assert foot_line(f"Some Journal {year}, {volume}, {number}") == (year, str(volume), "")
    assert foot_line(f"Some Journal. {year};{volume}:e{number}.") == (year, str(volume), "")


def test_the_foot_line_of_a_first_page_is_read_but_not_its_text() -> None:
    body = ["Research article", "A Title", "Authors"] + ["text line"] * 10 + [
        "in 2014, 35, 36 and 37 packs", "text", "text", "Sensors 2022, 22, 5300. https://doi.org/10.3390/s22145300"]
    page = _start(body)
    assert "Sensors 2022, 22, 5300. https://doi.org/10.3390/s22145300" in first_page_margins([page])
    assert masthead_volume([page]) == (2022, "22", "")
    middle = _start(["Research article", "A Title"] + ["text"] * 5 + ["Sensors 2022, 22, 5300"] + ["text"] * 6)
    assert masthead_volume([middle]) is None


def test_copyright_before_publication_before_acceptance() -> None:
    page = _start(["Received: 2 December 2024 | Accepted: 24 April 2025", "Title", "x",
                   "© 2026 The Author(s). Published by Wiley"])
    assert dated_year([page]) == (2026, "copyright")
    page = _start(["Received 29 December 2017; Accepted 29 March 2018; Published 8 May 2018", "Title"])
    assert dated_year([page]) == (2018, "published")
    page = _start(["Received: 26 January 2017", "Title", "Accepted: 1 November 2017"])
    assert dated_year([page]) == (2017, "accepted")
    assert dated_year([_start(["Received: 26 January 2017", "Title"])]) is None
    assert dated_year([_start(["x", "© The Author(s) 2017"])]) == (2017, "copyright")
    assert dated_year([_start(["x", "Copyright: © 2022 by the authors."])]) == (2022, "copyright")


def test_a_received_or_revised_date_is_not_the_issues_year() -> None:
    assert _year_in_text("Received: 29 February 2024 Revised: 25 November 2024") is None
    assert _year_in_text("收稿日期：2022年3月5日\n2023年5月 第32卷") == 2023
    assert _year_in_text("Journal of X, Mar., 2023") == 2023


def test_notes_at_the_articles_end_date_it_when_its_first_page_does_not() -> None:
    """microPublication and many humanities journals print the history, copyright and citation
    after the references, on the article's last page."""
    first = _start(["9/9/2019 - Open Access", "Temperature-dependent epistasis", "Authors"])
    middle = _start(["Results", "text"], kind="content")
    last = _start(["References", "Smith J (2014) Title. Nature 5: 1-2.",
                   "History: Received August 1, 2019 Accepted September 3, 2019 Published September 9, 2019",
                   "Copyright: © 2019 by the authors."], kind="content")
    assert dated_year([first, middle, last]) == (2019, "copyright")
    # a first page that dates the article wins; a middle page's notes are not the article's end
    assert dated_year([_start(["x", "Published: 8 May 2018"]), middle, last]) == (2018, "published")
    assert dated_year([first, _start(["© 2001 Someone"], kind="content"), middle]) is None


def test_the_articles_own_citation_line_dates_its_issue() -> None:
    """The Royal Society prints "Cite this article: … 2021 Title … 379: 20200097" beside
    "Accepted: 3 September 2020"; the citation is the issue's year."""
    page = _start(["Opinion piece", "Cite this article: Schultz MG, Betancourt C,",
                   "Mozaffari A, Stadtler S. 2021 Can deep learning", "beat numerical weather prediction? Phil. Trans.",
                   "R. Soc. A 379: 20200097.", "https://doi.org/10.1098/rsta.2020.0097", "Accepted: 3 September 2020"])
    assert self_cited_year([page]) == 2021
    # GB/T 7714: the journal's year after [J], not a year the title names
    page = _start(["题名", "引用本文：张三. 2022年中国经济形势分析[J]. 经济研究, 2023, 58(6): 12-20."])
    assert self_cited_year([page]) == 2023
    # a DOI's or an article number's digits are no year; no citation line, no year
    assert self_cited_year([_start(["x", "Citation: doi:10.1098/rsta.2020.0097; 20200097"])]) is None
    assert self_cited_year([_start(["x", "Accepted: 3 September 2020"])]) is None
