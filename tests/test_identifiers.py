"""Tests for parsers.identifiers: ISSN, DOI, 文章编号, CLC, document code, dates."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from parsers.identifiers import (
    DOI_STOP_WORDS,
    ArticleNo,
    check_article_no,
    doi_prefix,
    find_doi,
    format_article_no,
    issn_check_digit,
    normalize_issn,
    parse_article_no,
    parse_clc,
    parse_date,
    parse_doc_code,
    to_halfwidth,
    valid_clc,
    valid_doc_code,
    valid_doi,
    valid_issn,
)

SEED_HEADER = """作者简介：陈静静，中国社会科学院日本研究所外交研究室副研究员（北京 邮编：100007）

中图分类号：D831.3；E313 **文献标识码：**A

DOI：10.19498/j.cnki.dbyxk.2023.06.004

文章编号：2095-3453（2023）06-0043-12

冷战时期，日本与北约各自关注自身所在地区，接触有限。"""


def _fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


# ---------------------------------------------------------------------------
# ISSN
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("issn", ["2095-3453", "1000-3673", "0253-3219", "0317-8471", "2434-561X"])
def test_known_issns_valid(issn):
    assert valid_issn(issn)
    assert issn_check_digit(issn[:4] + issn[5:8]) == issn[-1]


@pytest.mark.parametrize(
    "text,want",
    [
        ("ISSN 2095－3453", "2095-3453"),
        ("ISSN ２０９５－３４５３", "2095-3453"),
        ("ISSN:2095 - 3453", "2095-3453"),
        ("20953453", "2095-3453"),
        ("issn 2434-561x", "2434-561X"),
        ("ISSN 2095-3454", None),  # wrong check digit
        ("CN 22-1409/D", None),
        ("", None),
    ],
)
def test_normalize_issn(text, want):
    assert normalize_issn(text) == want


def test_normalize_issn_without_check():
    assert normalize_issn("ISSN 2095-3454", check=False) == "2095-3454"
    assert not valid_issn("2095-3454")
    assert valid_issn("ISSN 2095－3453")
    assert not valid_issn("2095-3453 extra")


@given(st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_property_check_digit(first7):
    c = issn_check_digit(first7)
    assert c in "0123456789X"
    weighted = sum(int(d) * w for d, w in zip(first7, range(8, 1, -1)))
    assert (weighted + (10 if c == "X" else int(c))) % 11 == 0
    issn = f"{first7[:4]}-{first7[4:]}{c}"
    assert valid_issn(issn)
    assert normalize_issn("ISSN " + _fullwidth(issn)) == issn
    # any other check digit is rejected
    for other in "0123456789X":
        if other != c:
            assert not valid_issn(issn[:-1] + other)


# ---------------------------------------------------------------------------
# DOI
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,doi",
    [
        ("DOI：10.19498/j.cnki.dbyxk.2023.06.004", "10.19498/j.cnki.dbyxk.2023.06.004"),
        ("DOI：10.19498/j.cnki. dbyxk.2023.06.004\n文章编号：2095-3453（2023）06-0043-12",
         "10.19498/j.cnki.dbyxk.2023.06.004"),
        ("DOI：10. 13335/j. 1000-3673. pst. 2022. 1234", "10.13335/j.1000-3673.pst.2022.1234"),
        ("DOI: 10.19498/j.cnki.dbyxk.20\n23.06.004\n中图分类号：D831", "10.19498/j.cnki.dbyxk.2023.06.004"),
        ("DOI:10.19498/j.cnki.dbyxk.2023.06.004文章编号:2095", "10.19498/j.cnki.dbyxk.2023.06.004"),
        ("doi:10.1000/ABC.Def。", "10.1000/ABC.Def"),
        ("DOI 10.1000/xyz; 中图分类号", "10.1000/xyz"),
        ("see https://doi.org/10.1000/xyz123). ", "10.1000/xyz123"),
        ("DOI: 10.1002/(SICI)1097-4571(199806)49:8<693", "10.1002/(SICI)1097-4571(199806)49:8"),
        ("DOI: 10.1000/xyz\nAbstract: text", "10.1000/xyz"),
        ("DOI: 10.1000/xyz Received: 2023-01-01", "10.1000/xyz"),
        ("DOI: 10.1000/xyz https://a.org", "10.1000/xyz"),
        ("2023(6): 43-54. DOI: 10.1234/abc.\n[2] 李四. 书[M].", "10.1234/abc"),
        ("DOI: 10.1234/abc\nZhang San, Li Si", "10.1234/abc"),
        ("DOI: 10.1016/S0140-\n6736(20)30183-5", "10.1016/S0140-6736(20)30183-5"),
        ("no doi here 10.5/abc", None),
        ("", None),
    ],
)
def test_find_doi(text, doi):
    assert find_doi(text) == doi


def test_seed_header_identifiers():
    assert find_doi(SEED_HEADER) == "10.19498/j.cnki.dbyxk.2023.06.004"
    ano = parse_article_no(SEED_HEADER)
    assert ano == ArticleNo("2095-3453", "2023", "06", "0043", "12")
    assert ano.ascii == "2095-3453(2023)06-0043-12"
    assert parse_clc(SEED_HEADER) == ["D831.3", "E313"]
    assert parse_doc_code(SEED_HEADER) == "A"


def test_valid_doi_and_prefix():
    assert valid_doi("10.19498/j.cnki.dbyxk.2023.06.004")
    assert not valid_doi("10.19498/j.cnki. dbyxk")
    assert not valid_doi("10.123/x")  # registrant code too short
    assert not valid_doi("")
    assert doi_prefix("https://doi.org/10.19498/j.cnki.x") == "10.19498"
    assert doi_prefix("nothing") is None


_SUFFIX_ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/()"


@st.composite
def broken_dois(draw):
    registrant = draw(st.text(alphabet="0123456789", min_size=4, max_size=9))
    suffix = draw(st.text(alphabet=_SUFFIX_ALPHA, min_size=1, max_size=40))
    assume(suffix[-1] not in ".;,:)")  # trailing punctuation is stripped by design
    assume(suffix.count("(") >= suffix.count(")"))
    doi = f"10.{registrant}/{suffix}"
    positions = draw(st.lists(st.integers(1, len(doi) - 1), max_size=6, unique=True))
    gaps = draw(st.lists(st.sampled_from([" ", "\n", "  ", " \n"]), min_size=len(positions),
                         max_size=len(positions)))
    broken, last = [], 0
    for pos, gap in sorted(zip(positions, gaps)):
        broken.append(doi[last:pos])
        broken.append(gap)
        last = pos
    broken.append(doi[last:])
    pieces = "".join(broken)
    # a piece that happens to be an English stop word would end the DOI by design
    assume(not any(p.lower().rstrip(".,;:") in DOI_STOP_WORDS or p.lower().startswith(("http", "www."))
                   for p in pieces.split()))
    assume(not any(p[:1].isalpha() and ":" in p for p in pieces.split()))
    # after a line break a plain capitalised word ("Zhang") ends the DOI by design
    assume(not re.search(r"\n\s*[A-Z][a-z]+[,;:.]?(?:\s|$)", pieces))
    assume(not re.search(r"\s\[", pieces))
    return doi, pieces


@settings(max_examples=300, deadline=None)
@given(broken_dois(), st.sampled_from(["DOI：", "DOI: ", "doi:", ""]),
       st.sampled_from(["", "\n文章编号：2095-3453（2023）06-0043-12", "。", " 中图分类号：D831.3", "\n"]))
def test_property_broken_doi_repaired_exactly(doi_and_broken, label, after):
    doi, broken = doi_and_broken
    text = f"关键词：日本 北约\n{label}{broken}{after}"
    assert find_doi(text) == doi
    assert valid_doi(doi)
    assert doi_prefix(text) is None or doi.startswith(doi_prefix(text) or "")


# ---------------------------------------------------------------------------
# 文章编号
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,ascii_",
    [
        ("文章编号：2095-3453（2023）06-0043-12", "2095-3453(2023)06-0043-12"),
        ("文章编号：1000-3673（2023）05-1680-11", "1000-3673(2023)05-1680-11"),
        ("文章编号:0253-3219(2023)03-0001-07", "0253-3219(2023)03-0001-07"),
        ("文章编号：２０９５－３４５３（２０２３）０６－００４３－１２", "2095-3453(2023)06-0043-12"),
        ("文章编号： 2095 - 3453 ( 2023 ) 06 -\n0043 - 12", "2095-3453(2023)06-0043-12"),
        ("文章编号：1000-3673（2023）\n05-1680-11", "1000-3673(2023)05-1680-11"),
        ("Article ID: 0253-3219(2023)46(03)-0001-07", "0253-3219(2023)46(03)-0001-07"),
        ("文章编号：1671-6647(2022)S1-0010-05", "1671-6647(2022)S1-0010-05"),
    ],
)
def test_parse_article_no(text, ascii_):
    ano = parse_article_no(text)
    assert ano is not None and ano.ascii == ascii_


def test_parse_article_no_fields_and_none():
    ano = parse_article_no("0253-3219(2023)46(03)-0001-07")
    assert (ano.issn, ano.year, ano.volume, ano.issue, ano.first_page, ano.page_count) == (
        "0253-3219", "2023", "46", "03", "0001", "07")
    assert parse_article_no("中图分类号：D831.3") is None
    assert parse_article_no("") is None


def test_check_article_no():
    ano = parse_article_no("2095-3453（2023）06-0043-12")
    assert check_article_no(ano, "2095-3453", 2023, "6", 43, 12) == []
    assert check_article_no(ano, "ISSN 2095－3453", "2023", "06", "43", 12) == []
    warns = check_article_no(ano, "1000-3673", 2022, 5, 44, 11)
    assert [c for c, _ in warns] == ["article-no-issn", "article-no-year", "article-no-issue",
                                     "article-no-fpage", "article-no-page-count"]
    msgs = dict(warns)
    assert "2095-3453" in msgs["article-no-issn"] and "1000-3673" in msgs["article-no-issn"]
    assert "2023" in msgs["article-no-year"] and "2022" in msgs["article-no-year"]
    assert "0043" in msgs["article-no-fpage"] and "44" in msgs["article-no-fpage"]
    assert "12" in msgs["article-no-page-count"] and "11" in msgs["article-no-page-count"]
    assert check_article_no(ano) == []


@st.composite
def article_nos(draw):
    first7 = draw(st.text(alphabet="0123456789", min_size=7, max_size=7))
    issn = f"{first7[:4]}-{first7[4:]}{issn_check_digit(first7)}"
    year = str(draw(st.integers(1950, 2099)))
    issue = draw(st.one_of(st.integers(1, 24).map(lambda i: f"{i:02d}"), st.sampled_from(["S1", "S2", "Z1"])))
    volume = draw(st.one_of(st.just(""), st.integers(1, 99).map(str)))
    fpage = f"{draw(st.integers(1, 9999)):04d}"
    count = f"{draw(st.integers(1, 99)):02d}"
    return ArticleNo(issn, year, issue, fpage, count, volume)


@given(article_nos(), st.booleans(), st.booleans())
def test_property_article_no_round_trip(ano, fullwidth, breaks):
    printed = format_article_no(ano)
    if fullwidth:
        printed = _fullwidth(printed)
    if breaks:
        printed = printed.replace("-", " -\n", 1)
    parsed = parse_article_no("文章编号：" + printed + "\n冷战时期")
    assert parsed == ano
    assert parsed.ascii == format_article_no(ano)
    assert check_article_no(parsed, ano.issn, ano.year, ano.issue, ano.first_page, int(ano.page_count)) == []


# ---------------------------------------------------------------------------
# CLC
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,codes",
    [
        ("中图分类号：D831.3；E313", ["D831.3", "E313"]),
        ("中图分类号：TM 85", ["TM85"]),
        ("中图分类号：TV212；TP391.9", ["TV212", "TP391.9"]),
        ("中图分类号：F124.7 ;F062.2", ["F124.7", "F062.2"]),
        ("中图分类号：D822.331.3", ["D822.331.3"]),
        ("中图分类号: TM721.1 文献标识码: A", ["TM721.1"]),
        ("CLC number: G40-03; K207=5", ["G40-03", "K207=5"]),
        ("中图分类号：D815(1)；D5", ["D815(1)", "D5"]),
        ("中图分类号：Ｄ８３１．３", ["D831.3"]),
        ("中图分类号：L123；T12", []),  # L unused; T needs a subclass letter
        ("", []),
    ],
)
def test_parse_clc(text, codes):
    assert parse_clc(text) == codes


@pytest.mark.parametrize("code", ["D831.3", "E313", "TM85", "TP391.9", "D822.331.3", "G40-03",
                                  "K207=5", "D815(1)", 'K28"5"', "O4", "Z1"])
def test_valid_clc(code):
    assert valid_clc(code)


@pytest.mark.parametrize("code", ["", "D", "L12", "M1", "W3", "Y4", "T12", "TA1", "d831", "D831.", "D.3"])
def test_invalid_clc(code):
    assert not valid_clc(code)


_CLASSES = list("ABCDEFGHIJKNOPQRSUVXZ") + ["TB", "TD", "TE", "TF", "TG", "TH", "TJ", "TK", "TL",
                                          "TM", "TN", "TP", "TQ", "TS", "TU", "TV"]


@st.composite
def clc_codes(draw):
    head = draw(st.sampled_from(_CLASSES))
    groups = draw(st.lists(st.text(alphabet="0123456789", min_size=1, max_size=3), min_size=1, max_size=4))
    suffixes = draw(st.lists(st.sampled_from(["-05", "-03", "=5", "(1)", "(712)"]), max_size=2))
    return head + ".".join(groups) + "".join(suffixes)


@given(st.lists(clc_codes(), min_size=1, max_size=4, unique=True), st.sampled_from(["；", ";", " ;", "，", "  "]))
def test_property_clc_round_trip(codes, sep):
    assert all(valid_clc(c) for c in codes)
    text = "中图分类号：" + sep.join(codes) + " 文献标识码：A"
    assert parse_clc(text) == codes


# ---------------------------------------------------------------------------
# document code
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,code",
    [
        ("**文献标识码：**A", "A"),
        ("文献标识码：B", "B"),
        ("文献标志码：A", "A"),
        ("文献标识码 A 文章编号", "A"),
        ("Document code: A", "A"),
        ("文献标识码：F", "F"),  # returned as printed, then flagged by valid_doc_code
        ("中图分类号：D831.3", None),
    ],
)
def test_parse_doc_code(text, code):
    assert parse_doc_code(text) == code


def test_valid_doc_code():
    assert all(valid_doc_code(c) for c in "ABCDE")
    assert not valid_doc_code("F") and not valid_doc_code("") and not valid_doc_code("a")


# ---------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,iso",
    [
        ("2023-03-15", "2023-03-15"),
        ("收稿日期：2023年3月15日", "2023-03-15"),
        ("2023/3/15", "2023-03-15"),
        ("2023.03.15", "2023-03-15"),
        ("２０２３－０３－１５", "2023-03-15"),
        ("２０２３年３月１５日", "2023-03-15"),
        ("2023 年 3 月 15 日", "2023-03-15"),
        ("2023-02-30 then 2023-03-01", "2023-03-01"),
        ("2023年", None),
        ("", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.sampled_from(["{y}-{m:02d}-{d:02d}", "{y}年{m}月{d}日", "{y}/{m}/{d}", "{y}.{m:02d}.{d:02d}",
                        "{y}-{m}-{d}"]),
       st.booleans())
def test_property_date_round_trip(d, fmt, fullwidth):
    text = fmt.format(y=d.year, m=d.month, d=d.day)
    if fullwidth:
        text = _fullwidth(text)
    assert parse_date("收稿日期：" + text) == d.isoformat()


def test_to_halfwidth_preserves_length():
    s = "ＩＳＳＮ　２０９５－３４５３（）：；"
    assert to_halfwidth(s) == "ISSN 2095-3453():;"
    assert len(to_halfwidth(s)) == len(s)


def test_a_clc_range_is_one_code_as_printed() -> None:
    from parsers.identifiers import parse_clc, valid_clc
    assert parse_clc("中图分类号：D822；D73/77") == ["D822", "D73/77"]
    assert valid_clc("D73/77") and not valid_clc("D73/") and not valid_clc("D/77")


# ---------------------------------------------------------------------------
# dashes and spaces inside printed DOIs and CLC codes (text-layer repairs)
# ---------------------------------------------------------------------------

_DASH_VARIANTS = "\u2010\u2011\u2012\u2013\u2212\uff0d\ufe63"


def test_a_doi_printed_with_a_minus_sign_reads_with_a_hyphen() -> None:
    assert find_doi("DOI: 10.11959/j.issn.1000\u2212436x.2022084") == "10.11959/j.issn.1000-436x.2022084"
    assert find_doi("doi:10.1234/abc\u2011def") == "10.1234/abc-def"


def test_a_cnki_doi_spaced_after_its_dots_keeps_its_issn_segment() -> None:
    assert find_doi("DOI: 10. 3969 /j. issn. 1005-3220. 2022. z1. 001") == "10.3969/j.issn.1005-3220.2022.z1.001"
    # the ISSN label after a DOI still ends it
    assert find_doi("DOI: 10.12345/abc.2022.01 ISSN 1005-3220") == "10.12345/abc.2022.01"
    assert find_doi("DOI: 10.12345/abc. ISSN: 1005-3220") == "10.12345/abc"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789", min_size=4, max_size=9),
       st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6), min_size=2, max_size=5),
       st.sampled_from(list(_DASH_VARIANTS)), st.sampled_from(["", " "]))
def test_property_doi_dash_variants_and_spaces_after_dots(registrant, parts, dash, space):
    assume(all(p not in DOI_STOP_WORDS for p in parts))
    doi = f"10.{registrant}/" + ".".join(parts[:-1]) + "-" + parts[-1]
    printed = f"10.{space}{registrant}/{space}" + f".{space}".join(parts[:-1]) + dash + parts[-1]
    assert find_doi("DOI：" + printed + "\n中图分类号：D831") == doi


def test_clc_main_class_with_only_a_general_subdivision() -> None:
    assert valid_clc("R-052") and valid_clc("TP-05")
    assert not valid_clc("R-") and not valid_clc("R")
    assert parse_clc("中图分类号:R - 052 文献标识码:A") == ["R-052"]
    assert parse_clc("中图分类号：R 395.6；D815(1)") == ["R395.6", "D815(1)"]


@settings(max_examples=200, deadline=None)
@given(st.lists(clc_codes(), min_size=1, max_size=3, unique=True),
       st.sampled_from(["", " "]), st.sampled_from(["；", "; "]))
def test_property_clc_printed_with_spaces_reads_as_one_code(codes, space, sep):
    """A code printed with spaces after its class letters, around its dots and dashes (R 395. 6,
    G40 - 03) is the same code."""
    def spaced(code: str) -> str:
        m = re.match(r"(T[A-Z]|[A-Z])(.*)", code)
        body = m.group(2).replace(".", "." + space).replace("-", space + "-" + space)
        return m.group(1) + space + body
    text = "中图分类号：" + sep.join(spaced(c) for c in codes) + " 文献标识码：A"
    assert parse_clc(text) == codes


def test_issn_from_a_cnki_style_doi() -> None:
    from parsers.identifiers import issn_from_doi
    assert issn_from_doi("10.3969/j.issn.1005-3220.2022.z1.001") == "1005-3220"
    assert issn_from_doi("10.11959/j.issn.1000-436x.2022084") == "1000-436X"
    assert issn_from_doi("10.7544/issn1000-1239.202330003") == "1000-1239"
    assert issn_from_doi("10.3969/j.issn.1005-3221.2022.001") is None  # wrong check digit
    assert issn_from_doi("10.16164/j.cnki.22-1062/c.2018.02.002") is None
    assert issn_from_doi("") is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789", min_size=7, max_size=7), st.sampled_from(["j.issn.", "issn", "J.ISSN."]),
       st.sampled_from(["-", "\u2212", "\u2011"]))
def test_property_issn_from_doi_round_trip(first7, label, dash):
    from parsers.identifiers import issn_check_digit, issn_from_doi
    issn = f"{first7[:4]}-{first7[4:]}{issn_check_digit(first7)}"
    doi = f"10.12345/{label}{issn.replace('-', dash)}.2023.01.005"
    assert issn_from_doi(doi) == issn
