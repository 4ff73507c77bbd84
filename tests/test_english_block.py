"""The English block of a Chinese article, wherever it is printed and however its names are
set (GB/T 7713.2-2022 and CAJ-CD B/T 1-2006: English title, names, affiliation, Abstract,
Key words). Each case is a few positioned lines run through the real extraction path."""
from __future__ import annotations

import re

import pytest

from parsers.article import extract_article
from parsers.english import parse_english_section
from parsers.extract import attach_english
from parsers.pages import PageInfo
from schemas.model import Issue, Source
from parsers.textlayer import Line

ZH = ["张三", "李思思", "王小明"]
EN = ["ZHANG San", "LI Sisi", "WANG Xiaoming"]
TITLE_EN = "Research on the Governance of Rural Land in Western China"
ABSTRACT_EN = "This paper studies the governance of rural land and finds three effects."


def _ln(text: str, y: float, size: float = 9.0, x0: float = 60.0) -> Line:
    return Line(text=text, x0=x0, x1=x0 + 12 * size, y=y, size=size)


def _chinese_front(y: float = 80.0, authors: list[str] = ZH) -> list[Line]:
    """Title, byline, unit, 摘要, 关键词, CLC line: the Chinese front matter (GB/T 7713.2)."""
    return [_ln("中国西部农村土地治理研究", y, 18), _ln("，".join(authors), y + 30, 12),
            _ln("（北京大学 社会学系，北京 100871）", y + 48, 9),
            _ln("摘要：本文研究了农村土地治理，发现三种效应。", y + 66, 9),
            _ln("关键词：农村土地；治理；效应", y + 82, 9),
            _ln("中图分类号：C912 文献标志码：A", y + 98, 9)]


def _english_block(names: list[str], y: float, title: list[str] | None = None, title_size: float = 12.0,
                   names_size: float = 10.0, affil: str | None = "(Department of Sociology, Peking University, Beijing 100871, China)") -> list[Line]:
    """English title (larger type), names line(s), affiliation, Abstract, Key words."""
    out = [_ln(t, y + 18 * k, title_size) for k, t in enumerate(title or [TITLE_EN])]
    y += 18 * len(out) + 6
    for t in names:
        out.append(_ln(t, y, names_size))
        y += 14
    if affil:
        out.append(_ln(affil, y, 8))
        y += 14
    return out + [_ln(f"Abstract: {ABSTRACT_EN}", y, 9), _ln("Key words: rural land; governance; effect", y + 14, 9)]


def _body(y: float) -> list[Line]:
    return [_ln("1 引言", y, 10.5), _ln("正文第一行。农村土地治理是一个重要问题。", y + 16, 10.5)]


def _first_page(lines: list[Line], size: float = 10.5, more: list[list[Line]] | None = None):
    title = [lines[0]]
    pages = [PageInfo(1, kind="start", body=lines, title_lines=title)]
    for n, body in enumerate(more or [], start=2):
        pages.append(PageInfo(n, body=body))
    return extract_article("a01", pages, size)


def _names_en(art) -> list[str]:
    return [c.name.en for c in art.contributors]


# --- where the block is printed -------------------------------------------------------

# printed forms of the English byline (GB/T 28039 pinyin; marks, conjunctions, "By")
BYLINES: dict[str, tuple[list[str], list[str]]] = {
    "caps-comma": (["ZHANG San, LI Sisi, WANG Xiaoming"], EN),
    "hyphenated-given": (["ZHANG San, LI Si-si, WANG Xiao-ming"], ["ZHANG San", "LI Si-si", "WANG Xiao-ming"]),
    "digit-marks": (["ZHANG San1, LI Sisi2, WANG Xiaoming1"], EN),
    "multi-marks-star": (["ZHANG San1,2 , LI Sisi2*, WANG Xiaoming1"], EN),
    "spaced-marks": (["ZHANG San1, 2, LI Sisi2, WANG Xiaoming1"], EN),
    "superscript-marks": (["ZHANG San¹˒², LI Sisi²*, WANG Xiaoming¹"], EN),
    "title-case": (["Zhang San, Li Sisi, Wang Xiaoming"], ["Zhang San", "Li Sisi", "Wang Xiaoming"]),
    "and": (["ZHANG San, LI Sisi and WANG Xiaoming"], EN),
    "ampersand": (["ZHANG San, LI Sisi & WANG Xiaoming"], EN),
    "by": (["By ZHANG San, LI Sisi and WANG Xiaoming"], EN),
    "wrapped": (["ZHANG San, LI Sisi,", "WANG Xiaoming"], EN),
    "names-then-affil": (["ZHANG San, LI Sisi, WANG Xiaoming (School of Sociology, Peking University, Beijing 100871, China)"], EN),
    "given-first": (["San ZHANG, Sisi LI, Xiaoming WANG"], ["San ZHANG", "Sisi LI", "Xiaoming WANG"]),
    "run-together": (["Zhang San Li Sisi Wang Xiaoming"], ["Zhang San", "Li Sisi", "Wang Xiaoming"]),
    "wade-giles": (["CHANG San, LI Ssu-ssu, WANG Hsiao-ming"], ["CHANG San", "LI Ssu-ssu", "WANG Hsiao-ming"]),
    "hong-kong": (["CHEUNG Sam, LEE Sze-sze, WONG Siu-ming"], ["CHEUNG Sam", "LEE Sze-sze", "WONG Siu-ming"]),
    "et-al": (["ZHANG San, et al."], ["ZHANG San", "", ""]),  # (a shortened byline: the others have no English name)
    "bracket-marks": (["ZHANG San1), LI Sisi2), WANG Xiaoming1)"], EN),
    "all-caps": (["ZHANG SAN, LI SISI, WANG XIAOMING"], ["ZHANG SAN", "LI SISI", "WANG XIAOMING"]),
    "hong-kong-given-first": (["Sam CHEUNG, Sze Sze LEE, Siu Ming WONG"], ["Sam CHEUNG", "Sze Sze LEE", "Siu Ming WONG"]),
}


@pytest.mark.parametrize("case", sorted(BYLINES))
def test_english_names_under_the_chinese_front_matter(case: str) -> None:
    printed, want = BYLINES[case]
    lines = _chinese_front() + _english_block(printed, 200) + _body(330)
    art = _first_page(lines)
    assert art.title.en == TITLE_EN
    assert art.abstract.en == ABSTRACT_EN
    assert _names_en(art) == want


# affiliations as printed under the names (GB/T 7713.2: unit, city, postcode, country),
# one line or wrapped, bracketed or numbered, abbreviated
AFFILS: dict[str, list[str]] = {
    "bracket-wrapped": ["(School of Sociology and Anthropology, Sun Yat-sen", "University, Guangzhou 510275)"],
    "numbered-abbreviated": ["1. Faculty of Law, Sun Yat-sen Univ., Guangzhou 510275;", "2. Guangdong Provincial People's Hospital, Guangzhou 510080"],
    "postcode-only-tail": ["(Zhejiang Provincial Academy of Social Sciences,", "Hangzhou 310058)"],
    "dept-abbreviated": ["(Dept. of Urology, Affiliated Hospital of Qingdao Medical College, Qingdao 266003)"],
}


@pytest.mark.parametrize("case", sorted(AFFILS))
def test_english_names_above_an_affiliation_in_each_printed_shape(case: str) -> None:
    block = _english_block(["ZHANG San1, LI Sisi2, WANG Xiaoming1"], 200, affil=None)
    lines = _chinese_front() + block[:2] + [_ln(t, 240 + 12 * k, 8) for k, t in enumerate(AFFILS[case])]
    lines += [_ln(f"Abstract: {ABSTRACT_EN}", 270, 9), _ln("Key words: rural land; governance", 284, 9)] + _body(330)
    art = _first_page(lines)
    assert art.title.en == TITLE_EN
    assert _names_en(art) == EN


@pytest.mark.parametrize("case", ["caps-comma", "digit-marks", "and", "names-then-affil"])
def test_english_names_with_the_affiliation_left_out(case: str) -> None:
    printed, want = BYLINES[case]
    lines = _chinese_front() + _english_block(printed, 200, affil=None) + _body(330)
    assert _names_en(_first_page(lines)) == want


def test_english_names_in_the_title_type_on_the_line_under_the_title() -> None:
    """Names set in the title's size (some journals set the whole English head in one size):
    the line that is the pinyin of the byline is the names, not the title's last line."""
    lines = _chinese_front() + _english_block(["ZHANG San, LI Sisi, WANG Xiaoming"], 200, names_size=12) + _body(330)
    art = _first_page(lines)
    assert art.title.en == TITLE_EN
    assert _names_en(art) == EN


def test_a_single_title_case_author_under_a_title_in_the_same_type() -> None:
    lines = (_chinese_front(authors=["张三"]) + _english_block(["Zhang San"], 200, names_size=12) + _body(330))
    art = _first_page(lines)
    assert art.title.en == TITLE_EN
    assert _names_en(art) == ["Zhang San"]


def test_a_group_author_and_pinyin_names() -> None:
    lines = (_chinese_front(authors=["中国农村发展协作组", "张三"])
             + _english_block(["Collaborative Group on Rural Development of China, ZHANG San"], 200) + _body(330))
    art = _first_page(lines)
    assert _names_en(art) == ["Collaborative Group on Rural Development of China", "ZHANG San"]


def test_the_english_block_at_the_top_of_page_two() -> None:
    first = _chinese_front() + _body(200)
    second = _english_block(["ZHANG San1, LI Sisi2, WANG Xiaoming1"], 60) + _body(200)
    art = _first_page(first, more=[second])
    assert art.title.en == TITLE_EN
    assert art.abstract.en == ABSTRACT_EN
    assert _names_en(art) == EN


def test_the_english_block_after_the_references_at_the_article_end() -> None:
    first = _chinese_front() + _body(200)
    middle = _body(60)
    last = ([_ln("参考文献：", 60, 10.5), _ln("[1] 张三.农村土地研究[J].社会学研究,2010,25(3):1-20.", 76, 9)]
            + _english_block(["ZHANG San, LI Sisi and WANG Xiaoming"], 120))
    art = _first_page(first, more=[middle, last])
    assert art.title.en == TITLE_EN
    assert art.abstract.en == ABSTRACT_EN
    assert _names_en(art) == EN


# --- the issue-end English-abstracts section --------------------------------------------

def _issue_with(fpages: list[str], authors: list[list[str]]) -> Issue:
    """An issue of Chinese articles (no English block of their own) starting on `fpages`."""
    issue = Issue(source=Source(file="issue.pdf", sha256="", pages=20))
    for k, (fpage, zh) in enumerate(zip(fpages, authors)):
        lines = [_ln(f"中国西部农村土地治理研究{k}", 80, 18), _ln("，".join(zh), 110, 12), _ln("摘要：本文研究了农村土地治理。", 140, 9)] + _body(200)
        art = extract_article(f"a{k + 1:02d}", [PageInfo(1, kind="start", body=lines, title_lines=[lines[0]])], 10.5)
        art.fpage = fpage
        issue.articles.append(art)
    return issue


SECOND_EN = "Land Markets and Migration"


def _section(first_names: str, second_names: str, heading: str | None = "ABSTRACTS", page_after: tuple[str, str] | None = None) -> list[Line]:
    """Two issue-end entries: title, names, affiliation, Abstract, Key words."""
    out = [_ln(heading, 40, 14)] if heading else []
    y = 70.0
    for k, (title, names) in enumerate([(TITLE_EN, first_names), (SECOND_EN, second_names)]):
        out += [_ln(title, y, 11), _ln(names, y + 16, 9), _ln("(Department of Sociology, Peking University, Beijing 100871, China)", y + 30, 8),
                _ln(f"Abstract: {ABSTRACT_EN}", y + 44, 9), _ln("Key words: rural land; governance", y + 58, 9)]
        if page_after:
            out.append(_ln(page_after[k], y + 72, 9))
        y += 100
    return out


SECTIONS: dict[str, tuple[str, str, str | None, tuple[str, str] | None]] = {
    "slash-page": ("ZHANG San, LI Sisi / 3", "WANG Xiaoming / 17", "ABSTRACTS", None),
    "bracket-page": ("ZHANG San, LI Sisi (3)", "WANG Xiaoming (17)", "英文摘要", None),
    "dotted-page": ("ZHANG San, LI Sisi …… 3", "WANG Xiaoming …… 17", "English Abstracts", None),
    "marks-slash-page": ("ZHANG San1, LI Sisi2 / 3", "WANG Xiaoming* / 17", None, None),
    "page-after-entry": ("ZHANG San, LI Sisi", "WANG Xiaoming", "ABSTRACTS", ("(3)", "(17)")),
    "affil-then-page": ("ZHANG San, LI Sisi (Peking University, Beijing 100871) / 3", "WANG Xiaoming (Tsinghua University) (17)", "ABSTRACTS", None),
    "no-page-given-first": ("San ZHANG, Sisi LI", "Xiaoming WANG", "ABSTRACTS", None),
    "no-page-et-al": ("ZHANG San, et al.", "WANG Xiaoming", "ABSTRACTS", None),
    "no-page-pinyin": ("ZHANG San, LI Sisi", "WANG Xiaoming", None, None),
    "no-page-marks": ("ZHANG San1, LI Sisi2*", "WANG Xiaoming1", "ABSTRACTS", None),
    "no-page-title-case-and": ("Zhang San and Li Sisi", "Wang Xiaoming", "ABSTRACTS", None),
}


@pytest.mark.parametrize("case", sorted(SECTIONS))
def test_an_issue_end_entry_finds_its_article(case: str) -> None:
    first, second, heading, after = SECTIONS[case]
    issue = _issue_with(["17", "3"], [["王小明"], ["张三", "李思思"]])  # (printed in the other order)
    attach_english(issue, parse_english_section(_section(first, second, heading, after)))
    by_page = {a.fpage: a for a in issue.articles}
    assert by_page["3"].title.en == TITLE_EN
    assert by_page["17"].title.en == SECOND_EN
    assert by_page["3"].abstract.en == ABSTRACT_EN
    # (names compared in either name order; a byline shortened with "et al" names its first author only)
    assert [_key(c.name.en) for c in by_page["3"].contributors] == (["sanzhang", ""] if "et-al" in case else ["sanzhang", "lisisi"])
    assert [_key(c.name.en) for c in by_page["17"].contributors] == ["wangxiaoming"]


def _key(name: str) -> str:
    return "".join(sorted(re.findall(r"[a-z]+", name.lower())))



def test_a_run_in_byline_paragraph_with_a_group_author_and_a_name_wrapped_over_lines() -> None:
    """CAJ-CD run-in English byline: "Group. NAMES. Affiliation", wrapped inside a name."""
    zh = ["中国农村发展协作组", "张三", "李思思", "王小明"]
    lines = _chinese_front(authors=zh) + [
        _ln(TITLE_EN, 200, 9),
        _ln("Collaborative Group on Rural Development of China.ZHANG San, LI Sisi, WANG", 214, 9),
        _ln("Xiaoming.Department of Sociology, Peking University, Beijing 100871, China", 228, 9),
        _ln(f"Abstract: {ABSTRACT_EN}", 242, 9), _ln("Key words: rural land; governance", 256, 9)] + _body(330)
    art = _first_page(lines)
    assert _names_en(art) == ["Collaborative Group on Rural Development of China"] + EN


def test_a_title_ending_in_a_bracketed_number_is_no_issue_end_byline() -> None:
    from parsers.english import _byline_page
    assert _byline_page("Rural Land Reform (2)") is None  # (no surname in capitals: a serial title)
    assert _byline_page("Rural Land Reform … 12") is None
    assert _byline_page("ZHANG San1, LI Si2* / 43") == (["ZHANG San", "LI Si"], 43)
    assert _byline_page("ZHANG San, LI Si …… 43") == (["ZHANG San", "LI Si"], 43)


def test_a_group_author_is_not_an_affiliation_or_a_sentence() -> None:
    from parsers.english import _is_group_author
    assert _is_group_author("Chinese Society of Cardiology")
    assert _is_group_author("Expert Committee on Rural Health of China")
    assert not _is_group_author("Chinese Society of Cardiology, Beijing 100037")
    assert not _is_group_author("Tongji University Research Group")  # (an institution: an affiliation)
    assert not _is_group_author("Chinese Society of Cardiology.ZHANG San")  # (run-in: a sentence boundary inside)
