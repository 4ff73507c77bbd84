"""Tests for parsers.citations: footnote splitting/joining, URLs, access dates.

SEED_NOTES is every footnote of the seed article (japan-nato-2023-06.txt), one per line as
printed (some with a markdown ``^`` before the marker); the expectations were written by
reading the seed.
"""
from __future__ import annotations

import datetime as _dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.citations import (
    find_access_date,
    find_urls,
    join_lines,
    marker_number,
    match_marker,
    parse_citation,
    parse_reference_list,
    split_notes,
)
from schemas.model import Citation

SEED_NOTES = """\
① “Relations with Japan,” NATO, July 28, 2023, https://www.nato.int/cps/en/natohq/topics_50336.htm [2023-03-01].
② 『日本・北大西洋条約機構(NATO)共同政治宣言』、外務省、2013年4月15日、<https://www.mofa.go.jp/mofaj/files/000003487.pdf> [2023-05-11].
③ 「安倍総理大臣のラスムセン事務総長との会談及び北大西洋理事会出席(概要)」、外務省、2014年5月6日、https://www.mofa.go.jp/mofaj/erp/ep/page24_000273.html [2023-05-01].
④ 「林外務大臣のNATO外相会合出席(結果)」、外務省、https://www.mofa.go.jp/mofaj/erp/ep/page1_001128.html [2023-03-01].
⑤ “NATO and Japan are natural partners, says Chair of the NATO Military Committee,” NATO, June 5, 2022, https://www.nato.int/cps/en/natohq/news_196305.htm?selectedLocale=en [2023-05-01].
① 「岸田総理大臣のNATO首脳会合出席（結果）」、首相官邸、2022年6月29日、<https://www.kantei.go.jp/jp/pages/20220629nato.html> [2023-05-01]。
② “Defense of Japan 2022,” Ministry of Defense, 2022, https://www.mod.go.jp/en/publ/w_paper/wp2022/DOJ2022_EN_Full_02.pdf [2023-05-01]。
③ “NATO ships train with Japan Maritime Self-Defense Force in Mediterranean Sea,” NATO, June 9, 2022, <https://mc.nato.int/media-centre/news/2022/nato-ships-train-with-japan-maritime-selfdefense-force-in-mediterranean-sea> [2023-05-01]。
④ “Exercise Cyber Coalition 2022 Concludes in Estonia,” NATO, December 2, 2022, <https://act.nato.int/articles/exercise-cyber-coalition-2022-concludes-estonia> [2023-05-01]。
⑤ 『外交青書』、外務省、2023年、<https://www.mofa.go.jp/mofaj/files/100488910.pdf> [2023-06-01]。
① “Joint Statement Issued on the occasion of the meeting between H.E. Mr Jens Stoltenberg, NATO Secretary General and H.E. Mr Kishida Fumio, Prime Minister of Japan,” NATO, January 31, 2023, https://www.nato.int/cps/en/natohq/opinions_211294.htm?selectedLocale=en [2023-03-01].
② “Support for Ukraine through contribution to NATO’s Comprehensive Assistance Package (CAP) Trust Fund for Ukraine,” MOFA, March 30, 2023, https://www.mofa.go.jp/press/release/press4e_003247.html [2023-04-01]. 乌克兰一揽子综合援助信托基金, 英文为: Comprehensive Assistance Package (CAP) Trust Fund for Ukraine。自2016年7月北约华沙峰会以来, 北约对乌克兰的实际支持通过该基金实施。
③ “Dispatch of Self-Defense Force Aircraft to Assistance Operation in Cooperation with NATO to Earthquake Damage in the Republic of Türkiye,” MOFA, March 13, 2023, https://www.mofa.go.jp/press/release/press4e_003248.html [2023-04-01].
④ “Meeting between Foreign Minister Hayashi and NATO Secretary General Stoltenberg,” MOFA, April 4, 2023, https://www.mofa.go.jp/erp/ep/page1e_000611.html [2023-05-01]. 北约领导的救灾物资空运行动, 英文为: NATO-led airlift operations for disaster relief supplies。
⑤ “Individually Tailored Partnership Programme between NATO and Japan for 2023 – 2026,” Prime Minister’s Office of Japan, <https://japan.kantei.go.jp/content/000131076.pdf> [2023-08-01].
⑥ 北约在位于纽约的联合国总部、位于维也纳的欧安组织总部, 以及格鲁吉亚、乌克兰、波黑、摩尔多瓦和科威特都设有类似联络处, 东道国一般会为北约联络处提供办公场所。
^① 参见李薇主编：《日本研究报告（2014）》，社会科学文献出版社2014年版，第95页。
① “Japan and NATO As ‘Natural Partners’ Speech by H.E. Mr. Shinzo Abe, Prime Minister of Japan, at the North Atlantic Council,” MOFA, May 6, 2014, <https://www.mofa.go.jp/files/000037774.pdf> [2023-03-01].
② 「岸田総理とストルテンベルグNATO事務総長との会談」、外務省、2023年1月31日、<https://www.mofa.go.jp/mofaj/files/100446115.pdf> [2023-05-01]。
③ “Joint press point by NATO Secretary General Jens Stoltenberg with Prime Minister Fumio Kishida,” NATO, January 31, 2023, https://www.nato.int/cps/en/natohq/opinions_210901.htm?selectedLocale=en [2023-05-01].
④ 「林外務大臣のNATO外相会合出席（結果）」、外務省、2022年4月7日、https://www.mofa.go.jp/mofaj/erp/ep/page1_001128.html [2023-05-01]。
① 『国家安全保障戦略』、内閣官房、令和4年12月16日、<https://www.cas.go.jp/jp/siryou/221216anzenhoshou/nss-j.pdf> [2023-05-01]。
② “Speech by NATO Secretary General Jens Stoltenberg at the Munich Security Conference,” NATO, February 6, 2015, https://www.nato.int/cps/en/natohq/opinions_117320.htm [2023-05-01].
③ “Statement by Prime Minister Shinzo Abe to the North Atlantic Council, Japan and NATO: Toward Further Collaboration,” NATO, January 12, 2007, <https://www.nato.int/docu/speech/2007/s070112b.html> [2023-05-01].
① “Japan and NATO As ‘Natural Partners’ Speech by H.E. Mr. Shinzo Abe,” MOFA, May 6, 2014, <https://www.mofa.go.jp/files/000037774.pdf> [2023-05-01].
② 「NATO加盟国国會議員会議(NATO-PA)代表団の訪日」、外務省、2018年6月18日、https://www.mofa.go.jp/mofaj/erp/ep/page4_004139.html [2023-05-01].
③ “Joint press point by NATO Secretary General Jens Stoltenberg with Prime Minister Fumio Kishida,” NATO, January 31, 2023, https://www.nato.int/cps/en/natohq/opinions_210901.htm?selectedLocale=en [2023-05-01].
④ “Joint Statement Issued on the occasion of the meeting between H.E. Mr Jens Stoltenberg, NATO Secretary General and H.E. Mr Kishida Fumio, Prime Minister of Japan,” NATO, January 31, 2023, https://www.nato.int/cps/en/natohq/opinions_211294.htm?selectedLocale=en [2023-05-01].
⑤ “National Security Strategy 2022,” THE WHITE HOUSE, October 12, 2022, <https://www.whitehouse.gov/wp-content/uploads/2022/10/Biden-Harris-Administrations-National-Security-Strategy-10.2022.pdf> [2023-05-01].
⑥ “Interim National Security Strategic Guidance,” THE WHITE HOUSE, March, 2021, <https://www.whitehouse.gov/wp-content/uploads/2021/03/NSC-1v2.pdf> [2023-05-01].
^① “Indo-Pacific Strategy,” THE WHITE HOUSE, February, 2022, <https://www.white-house.gov/wp-content/uploads/2022/02/U.S.-Indo-Pacific-Strategy.pdf> [2023-05-01].
^① “Speech by NATO Secretary General Jens Stoltenberg at Keio University,” NATO, February 1, 2023, https://www.nato.int/cps/en/natohq/opinions_211398.htm?selectedLocale=en [2023-05-01].
^① Scott W. Harold, Mathieu Duchâtel, Jeffrey W. Hornung, Veerle Nouwens, Alexandra Sakaki, Michito Tsuruoka, “Expanding Japan-Europe Defense Cooperation: Implications for the U.S.-Japan Alliance,” RAND, 2022, https://www.rand.org/pubs/conf_proceedings/CFA2070-2.html [2023-05-01].
"""

SEED_LINES = SEED_NOTES.splitlines()

# (marker, urls, accessed) for every seed footnote, in order
EXPECTED = [
    ("①", ["https://www.nato.int/cps/en/natohq/topics_50336.htm"], "2023-03-01"),
    ("②", ["https://www.mofa.go.jp/mofaj/files/000003487.pdf"], "2023-05-11"),
    ("③", ["https://www.mofa.go.jp/mofaj/erp/ep/page24_000273.html"], "2023-05-01"),
    ("④", ["https://www.mofa.go.jp/mofaj/erp/ep/page1_001128.html"], "2023-03-01"),
    ("⑤", ["https://www.nato.int/cps/en/natohq/news_196305.htm?selectedLocale=en"], "2023-05-01"),
    ("①", ["https://www.kantei.go.jp/jp/pages/20220629nato.html"], "2023-05-01"),
    ("②", ["https://www.mod.go.jp/en/publ/w_paper/wp2022/DOJ2022_EN_Full_02.pdf"], "2023-05-01"),
    ("③", ["https://mc.nato.int/media-centre/news/2022/nato-ships-train-with-japan-maritime-"
           "selfdefense-force-in-mediterranean-sea"], "2023-05-01"),
    ("④", ["https://act.nato.int/articles/exercise-cyber-coalition-2022-concludes-estonia"], "2023-05-01"),
    ("⑤", ["https://www.mofa.go.jp/mofaj/files/100488910.pdf"], "2023-06-01"),
    ("①", ["https://www.nato.int/cps/en/natohq/opinions_211294.htm?selectedLocale=en"], "2023-03-01"),
    ("②", ["https://www.mofa.go.jp/press/release/press4e_003247.html"], "2023-04-01"),
    ("③", ["https://www.mofa.go.jp/press/release/press4e_003248.html"], "2023-04-01"),
    ("④", ["https://www.mofa.go.jp/erp/ep/page1e_000611.html"], "2023-05-01"),
    ("⑤", ["https://japan.kantei.go.jp/content/000131076.pdf"], "2023-08-01"),
    ("⑥", [], ""),
    ("①", [], ""),
    ("①", ["https://www.mofa.go.jp/files/000037774.pdf"], "2023-03-01"),
    ("②", ["https://www.mofa.go.jp/mofaj/files/100446115.pdf"], "2023-05-01"),
    ("③", ["https://www.nato.int/cps/en/natohq/opinions_210901.htm?selectedLocale=en"], "2023-05-01"),
    ("④", ["https://www.mofa.go.jp/mofaj/erp/ep/page1_001128.html"], "2023-05-01"),
    ("①", ["https://www.cas.go.jp/jp/siryou/221216anzenhoshou/nss-j.pdf"], "2023-05-01"),
    ("②", ["https://www.nato.int/cps/en/natohq/opinions_117320.htm"], "2023-05-01"),
    ("③", ["https://www.nato.int/docu/speech/2007/s070112b.html"], "2023-05-01"),
    ("①", ["https://www.mofa.go.jp/files/000037774.pdf"], "2023-05-01"),
    ("②", ["https://www.mofa.go.jp/mofaj/erp/ep/page4_004139.html"], "2023-05-01"),
    ("③", ["https://www.nato.int/cps/en/natohq/opinions_210901.htm?selectedLocale=en"], "2023-05-01"),
    ("④", ["https://www.nato.int/cps/en/natohq/opinions_211294.htm?selectedLocale=en"], "2023-05-01"),
    ("⑤", ["https://www.whitehouse.gov/wp-content/uploads/2022/10/Biden-Harris-Administrations-"
           "National-Security-Strategy-10.2022.pdf"], "2023-05-01"),
    ("⑥", ["https://www.whitehouse.gov/wp-content/uploads/2021/03/NSC-1v2.pdf"], "2023-05-01"),
    # printed with a hyphen in the host ("white-house"): kept as printed
    ("①", ["https://www.white-house.gov/wp-content/uploads/2022/02/U.S.-Indo-Pacific-Strategy.pdf"],
     "2023-05-01"),
    ("①", ["https://www.nato.int/cps/en/natohq/opinions_211398.htm?selectedLocale=en"], "2023-05-01"),
    ("①", ["https://www.rand.org/pubs/conf_proceedings/CFA2070-2.html"], "2023-05-01"),
]


def _seed_texts() -> list[tuple[str, str]]:
    """(marker, text) straight from the seed lines: marker, one space, text."""
    out = []
    for line in SEED_LINES:
        m = re.match(r"\^?([①-⑳])\s+(.*)$", line)
        out.append((m.group(1), m.group(2).strip()))
    return out


# ---------------------------------------------------------------------------
# seed footnotes
# ---------------------------------------------------------------------------


def test_seed_split_one_note_per_line():
    notes = split_notes(SEED_LINES)
    assert notes == _seed_texts()
    assert [m for m, _ in notes] == [m for m, _, _ in EXPECTED]


@pytest.mark.parametrize("i", range(len(EXPECTED)))
def test_seed_urls_and_dates(i):
    marker, text = split_notes(SEED_LINES)[i]
    c = parse_citation(marker_number(marker), text)
    exp_marker, urls, accessed = EXPECTED[i]
    assert marker == exp_marker
    assert c.urls == urls
    assert (c.accessed or "") == accessed  # ("" in the table: no date printed, null in the record)
    assert c.text == _seed_texts()[i][1]


def test_seed_first_citation_text_exact():
    marker, text = split_notes(SEED_LINES)[0]
    c = parse_citation(1, text)
    assert c == Citation(
        n=1,
        text="“Relations with Japan,” NATO, July 28, 2023, "
        "https://www.nato.int/cps/en/natohq/topics_50336.htm [2023-03-01].",
        urls=["https://www.nato.int/cps/en/natohq/topics_50336.htm"],
        accessed="2023-03-01",
    )


def test_seed_note_with_trailing_chinese_explanation():
    # ② of page 3: URL, date, then a Chinese gloss containing English words
    text = dict(enumerate(split_notes(SEED_LINES)))[11][1]
    assert text.endswith("英文为: Comprehensive Assistance Package (CAP) Trust Fund for Ukraine。"
                         "自2016年7月北约华沙峰会以来, 北约对乌克兰的实际支持通过该基金实施。")
    c = parse_citation(2, text)
    assert c.urls == ["https://www.mofa.go.jp/press/release/press4e_003247.html"]
    assert c.accessed == "2023-04-01"


def test_seed_markdown_caret_marker():
    notes = split_notes(["^① 参见李薇主编：《日本研究报告（2014）》，社会科学文献出版社2014年版，第95页。"])
    assert notes == [("①", "参见李薇主编：《日本研究报告（2014）》，社会科学文献出版社2014年版，第95页。")]
    c = parse_citation(1, notes[0][1])
    assert c.urls == [] and c.accessed is None  # (null in issue.json: no access date printed)


# ---------------------------------------------------------------------------
# wrapped lines
# ---------------------------------------------------------------------------


def test_url_broken_after_slash_is_rejoined():
    lines = [
        "③ 「安倍総理大臣のラスムセン事務総長との会談及び北大西洋理事会出席(概要)」、外務省、"
        "2014年5月6日、https://www.mofa.go.jp/mofaj/erp/ep/",
        "page24_000273.html [2023-05-01].",
    ]
    ((m, text),) = split_notes(lines)
    assert text == _seed_texts()[2][1]
    assert parse_citation(3, text).urls == ["https://www.mofa.go.jp/mofaj/erp/ep/page24_000273.html"]


def test_url_broken_after_hyphen_keeps_hyphen():
    lines = [
        "③ “NATO ships train with Japan Maritime Self-Defense Force in Mediterranean Sea,” NATO,",
        "June 9, 2022, <https://mc.nato.int/media-centre/news/2022/nato-ships-train-with-japan-maritime-selfdefense-",
        "force-in-mediterranean-sea> [2023-05-01]。",
    ]
    ((m, text),) = split_notes(lines)
    assert text == _seed_texts()[7][1]
    assert parse_citation(3, text).urls == EXPECTED[7][1]


def test_url_broken_before_digit_is_not_a_new_note():
    # "1.html" at line start would look like note "1." — the open URL wins
    lines = ["④ “Meeting …,” MOFA, April 4, 2023, https://www.mofa.go.jp/erp/ep/page1e_00061",
             "1.html [2023-05-01].",
             "⑤ next"]
    notes = split_notes(lines)
    assert [m for m, _ in notes] == ["④", "⑤"]
    assert parse_citation(4, notes[0][1]).urls == ["https://www.mofa.go.jp/erp/ep/page1e_000611.html"]


def test_url_broken_inside_scheme():
    notes = split_notes(["① 外務省、2023年、htt", "ps://www.mofa.go.jp/a.pdf [2023-06-01]。"])
    assert notes == [("①", "外務省、2023年、https://www.mofa.go.jp/a.pdf [2023-06-01]。")]


def test_url_at_line_end_then_date_gets_space():
    notes = split_notes(["① “X,” NATO, 2022, https://www.nato.int/a.htm", "[2023-05-01]."])
    assert notes[0][1] == "“X,” NATO, 2022, https://www.nato.int/a.htm [2023-05-01]."


def test_cjk_lines_join_without_space_latin_with_space():
    notes = split_notes(["① 北约在位于纽约的联合国总部、位于维也纳的", "欧安组织总部。",
                         "② “Speech by NATO Secretary", "General,” NATO."])
    assert notes == [("①", "北约在位于纽约的联合国总部、位于维也纳的欧安组织总部。"),
                     ("②", "“Speech by NATO Secretary General,” NATO.")]


def test_hyphenated_word_at_line_end():
    assert join_lines("the Indo-", "Pacific region") == "the Indo-Pacific region"


def test_year_and_page_range_lines_do_not_start_notes():
    lines = ["① 冷战结束", "2023年以来的变化，", "30多年来，", "43-55页。", "5 not the expected number"]
    assert split_notes(lines) == [("①", "冷战结束2023年以来的变化，30多年来，43-55页。5 not the expected number")]


def test_other_marker_styles():
    lines = ["[1] 张三. 论文[J]. 学报, 2020(3): 1-10.", "[2] 李四. 书[M]. 北京: 出版社, 2019.",
             "(3) third", "㉑ twenty-one", "⑴ paren-digit", "¹² superscript"]
    assert [m for m, _ in split_notes(lines)] == ["[1]", "[2]", "(3)", "㉑", "⑴", "¹²"]
    assert marker_number("¹²") == 12
    assert marker_number("㉑") == 21 and marker_number("⑴") == 1 and marker_number("[12]") == 12


def test_plain_digit_markers_follow_sequence():
    lines = ["1 “Relations with Japan,” NATO, 2023,", "https://www.nato.int/a.htm [2023-03-01].",
             "2 外務省、2013年4月15日。", "3. Third note", "2023年的文献。"]
    notes = split_notes(lines)
    assert [m for m, _ in notes] == ["1", "2", "3."]
    assert notes[0][1] == "“Relations with Japan,” NATO, 2023, https://www.nato.int/a.htm [2023-03-01]."
    assert notes[2][1] == "Third note 2023年的文献。"


def test_match_marker_rejects_quantities():
    for line in ["2023年3月", "30多年", "43-55", "1.5倍", "10%的", "3月"]:
        assert match_marker(line, expected=None) is None or match_marker(line)[0] in ("①",), line
    assert match_marker("1 Relations") == ("1", "Relations")
    assert match_marker("① x") == ("①", "x")


def test_lines_before_first_marker_kept_as_unnumbered_note():
    assert split_notes(["continued text.", "① new"]) == [("", "continued text."), ("①", "new")]


# ---------------------------------------------------------------------------
# URLs and access dates
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,urls",
    [
        ("see <https://a.org/x.pdf>.", ["https://a.org/x.pdf"]),
        ("见https://a.org/x.html。", ["https://a.org/x.html"]),
        ("(https://a.org/x_(y)) and www.b.cn/c;", ["https://a.org/x_(y)", "www.b.cn/c"]),
        ("ftp://ftp.x.org/p, http://h.org/q?a=1&b=2.", ["ftp://ftp.x.org/p", "http://h.org/q?a=1&b=2"]),
        ("two: https://a.org/1 https://a.org/1", ["https://a.org/1"]),
        ("no url here", []),
    ],
)
def test_urls(text, urls):
    assert parse_citation(1, text).urls == urls


@pytest.mark.parametrize(
    "text,iso",
    [
        ("https://a.org [2023-03-01].", "2023-03-01"),
        ("https://a.org ［2023－03－01］。", "2023-03-01"),
        ("https://a.org [2023-3-1].", "2023-03-01"),
        ("https://a.org (2023-03-01).", "2023-03-01"),
        ("<https://a.org> (2023-03-01).", "2023-03-01"),
        ("某网站，访问日期：2023年3月1日。", "2023-03-01"),
        ("Some page, accessed March 1, 2023.", "2023-03-01"),
        ("Some page, accessed on 1 March 2023.", "2023-03-01"),
        ("Some page. Accessed: 2023-03-01.", "2023-03-01"),
        ("张三. 标题[EB/OL]. (2022-12-05)[2023-01-10]. https://a.org.", "2023-01-10"),
        ("published (2023-03-01) no url", None),
        ("2023年3月1日 without label", None),
        # NLM's Citing Medicine (Vancouver): "[cited 2021 Jan 5]", "Accessed 2023 Mar 12"
        ("WHO. Report [Internet]. Geneva: WHO; 2020 [cited 2021 Jan 5]. Available from: https://who.int/x",
         "2021-01-05"),
        ("Anon. Web page. https://example.com/z [Accessed 2023 Mar 12].", "2023-03-12"),
        ("Smith J. Title. 2019 Mar 3. Cited by 12 articles.", None),
        # 上网时间 (the day read online), and the date before 查询 / 获取
        ("外交部网站，https://a.org/x，上网时间：2023年5月1日。", "2023-05-01"),
        ("https://a.org/x（2023年5月1日查询）", "2023-05-01"),
        ("https://a.org/x，2023年5月1日获取。", "2023-05-01"),
        ("2023年5月1日查询结果显示", None),
        # IEEE's older "[Accessed: 05-Mar-2020]", a European day.month.year, "Consulted on",
        # and the verb alone with its colon (最后访问：)
        ("[Online]. Available: https://a.org/x. [Accessed: 05-Mar-2020].", "2020-03-05"),
        ("https://a.org/x (accessed 5.3.2020).", "2020-03-05"),
        ("https://a.org/x (accessed 13.13.2020).", None),
        ("https://a.org/x. Consulted on 5 March 2020.", "2020-03-05"),
        ("https://a.org/x，最后访问：2023年3月1日。", "2023-03-01"),
        ("https://a.org/x，[访问日期]2023-03-01。", "2023-03-01"),  # (the label bracketed, as 【摘要】 is)
        ("https://a.org/x【访问日期】2023年3月1日", "2023-03-01"),
        # biblatex's "visited on": month or day first by the document's language, read only
        # where a number over 12 tells them apart
        ("https://a.org/x (visited on 03/25/2020).", "2020-03-25"),
        ("https://a.org/x (visited on 25/03/2020).", "2020-03-25"),
        ("https://a.org/x (visited on 03/05/2020).", None),
    ],
)
def test_access_dates(text, iso):
    assert find_access_date(text) == iso


def test_find_urls_offsets():
    text = "x <https://a.org/b> y"
    ((url, s, e),) = find_urls(text)
    assert text[s:e] == url == "https://a.org/b"


# ---------------------------------------------------------------------------
# reference list
# ---------------------------------------------------------------------------


def test_reference_list_gbt7714():
    lines = [
        "参考文献：",
        "[1] 陈静静. 日本与北约的战略合作[J]. 东北亚学刊, 2023(6): 43-54.",
        "[2] 李薇. 日本研究报告（2014）[M]. 北京: 社会科学文献出版社, 2014: 95.",
        "[3] NATO. Relations with Japan[EB/OL]. (2023-07-28)[2023-08-01]. https://www.nato.int/cps/",
        "en/natohq/topics_50336.htm.",
        "[4] HAROLD S W, DUCHÂTEL M. Expanding Japan-Europe defense cooperation[R]. Santa",
        "Monica: RAND, 2022.",
    ]
    refs = parse_reference_list(lines)
    assert [r.n for r in refs] == [1, 2, 3, 4]
    assert refs[0].text == "陈静静. 日本与北约的战略合作[J]. 东北亚学刊, 2023(6): 43-54."
    assert refs[2].urls == ["https://www.nato.int/cps/en/natohq/topics_50336.htm"]
    assert refs[2].accessed == "2023-08-01"
    assert refs[3].text.endswith("[R]. Santa Monica: RAND, 2022.")


def test_reference_list_english_heading_and_unnumbered():
    refs = parse_reference_list(["References", "[1] A. B. Title. 2020."])
    assert refs == [Citation(n=1, text="A. B. Title. 2020.")]


# ---------------------------------------------------------------------------
# properties: wrap seed notes at legal break points and get them back exactly
# ---------------------------------------------------------------------------


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF


def _break_points(text: str) -> list[tuple[int, int]]:
    """(cut, resume) pairs: a break at `cut`, next line starts at `resume` (skipping a space).

    Legal breaks: at a space between two non-CJK characters (the space is lost), anywhere
    inside a URL, between two CJK characters, and after a hyphen inside a Latin word.
    """
    pts: set[tuple[int, int]] = set()
    for i, ch in enumerate(text):
        if i == 0 or i >= len(text) - 1:
            continue
        a, b = text[i - 1], text[i + 1] if ch == " " else text[i]
        if ch == " " and not _is_cjk(a) and not _is_cjk(b) and b != " " and a != " ":
            pts.add((i, i + 1))
        elif _is_cjk(text[i - 1]) and _is_cjk(ch):
            pts.add((i, i))
        elif text[i - 1] == "-" and text[i - 2:i - 1].isalpha() and ch.isalpha():
            pts.add((i, i))
    for _url, s, e in find_urls(text):
        for k in range(s + 1, e):
            pts.add((k, k))
    return sorted(pts)


def _wrap(text: str, cuts: list[tuple[int, int]]) -> list[str]:
    lines, pos = [], 0
    for cut, resume in sorted(cuts):
        if cut <= pos:
            continue
        lines.append(text[pos:cut])
        pos = resume
    lines.append(text[pos:])
    return lines


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_property_wrapped_seed_notes_rejoin_exactly(data):
    i = data.draw(st.integers(0, len(SEED_LINES) - 1))
    marker, text = _seed_texts()[i]
    pts = _break_points(text)
    cuts = data.draw(st.lists(st.sampled_from(pts), max_size=6, unique=True)) if pts else []
    body = _wrap(text, cuts)
    lines = [f"{marker} {body[0]}"] + body[1:]
    notes = split_notes(lines)
    assert notes == [(marker, text)], lines
    c = parse_citation(1, notes[0][1])
    assert c.urls == EXPECTED[i][1]
    assert (c.accessed or "") == EXPECTED[i][2]


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_property_whole_seed_footnote_area_wrapped(data):
    """All 33 notes wrapped at once, as one footnote stream across pages."""
    lines: list[str] = []
    for marker, text in _seed_texts():
        pts = _break_points(text)
        cuts = data.draw(st.lists(st.sampled_from(pts), max_size=3, unique=True))
        body = _wrap(text, cuts)
        lines += [f"{marker} {body[0]}"] + body[1:]
    assert split_notes(lines) == _seed_texts()


@given(st.integers(1, 50))
def test_property_marker_numbers(n):
    assert marker_number(f"[{n}]") == n
    assert marker_number(f"({n})") == n
    if n <= 20:
        assert marker_number(chr(0x2460 + n - 1)) == n


def test_a_url_broken_before_a_fragment_that_runs_into_chinese_text_is_rejoined() -> None:
    from functools import reduce

    from parsers.citations import join_lines, parse_citation
    lines = ["① 《日本经济新闻》2023年1月12日，https://www.nikkei.com/article/DGXZQOUA",
             "1214B0S3A110C2000000/，访问日期：2023年3月1日。"]
    cite = parse_citation(1, reduce(join_lines, lines))
    assert cite.urls == ["https://www.nikkei.com/article/DGXZQOUA1214B0S3A110C2000000/"]
    assert cite.accessed == "2023-03-01"
    # a bare word running into Chinese text is prose, not the URL's tail
    assert join_lines("见 https://www.example.org/news", "Reuters报道。") == "见 https://www.example.org/news Reuters报道。"


def test_reference_headings_in_brackets_and_combined_with_notes() -> None:
    from parsers.citations import REF_HEADING
    for heading in ("参考文献", "[参考文献]", "【参考文献】", "〔参考文献〕", "参 考 文 献：", "注释与参考文献", "参考文献及注释",
                    "References", "REFERENCES:", "参考文献（References）"):
        assert REF_HEADING.match(heading), heading
    for text in ("[参考文献的整理", "参考文献是重要的", "本文参考文献"):
        assert not REF_HEADING.match(text), text


def test_a_page_range_broken_after_its_dash_joins_tight() -> None:
    from parsers.citations import join_lines
    assert join_lines("管理世界, 2021(8): 117-", "129.") == "管理世界, 2021(8): 117-129."
    assert join_lines("pp. 45–", "67.") == "pp. 45–67."
    assert join_lines("in 2020 -", "2021 we") == "in 2020 - 2021 we"  # a spaced dash is no range


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=_dt.date(1995, 1, 1), max_value=_dt.date(2035, 12, 31)))
def test_every_spelling_of_an_access_date_reads_the_same_day(day) -> None:
    """Whatever the house style spells it, an access date after its label is one day."""
    mon = day.strftime("%b")
    for text in (f"https://a.org/x (accessed {day.day}.{day.month}.{day.year}).",
                 f"https://a.org/x. [Accessed: {day.day:02d}-{mon}-{day.year}].",
                 f"https://a.org/x，最后访问：{day.year}年{day.month}月{day.day}日。",
                 f"https://a.org/x [cited {day.year} {mon} {day.day}]",
                 f"https://a.org/x. Consulted on {day.day} {day.strftime('%B')} {day.year}."):
        assert find_access_date(text) == day.isoformat(), text


def test_a_note_giving_the_article_s_own_citation_cites_no_source() -> None:
    """The article's own citation line, in any of its printed labels (one vocabulary with
    parsers.pages): its DOI link is the article's, not a cited source's."""
    for label in ("How to cite this article:", "【引用格式】", "Cite This:", "文章引用：", "Recommended Citation:"):
        note = f"{label} Smith J. Title. Sci Rep 7, 15867 (2017). https://doi.org/10.1038/s41598-017-15724-8"
        assert parse_citation(1, note).urls == [], label
    assert parse_citation(1, "Smith J. Title. https://doi.org/10.1038/x").urls == ["https://doi.org/10.1038/x"]


_LABEL = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=10)
_SEGMENT = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=12).filter(
    lambda s: s[0].isalnum() and s[-1].isalnum())


@st.composite
def _urls(draw) -> str:
    """Addresses as notes cite them: a scheme or www., a host ending in a common top-level
    domain or a country code, a path of lowercase segments, maybe a file or a query."""
    host = ".".join(draw(st.lists(_LABEL, min_size=1, max_size=3))) + "." + draw(
        st.sampled_from(["com", "org", "net", "edu", "gov", "int", "cn", "uk", "de"]))
    url = draw(st.sampled_from(["http://", "https://", "http://www.", "https://www."])) + host
    segs = draw(st.lists(_SEGMENT, max_size=4))
    if segs:
        url += "/" + "/".join(segs)
        url += draw(st.sampled_from(["", "/", ".html", ".htm", ".pdf", ".shtml", "?id=12&p=3"]))
    return url


@settings(max_examples=300)
@given(url=_urls(), data=st.data())
def test_property_a_url_broken_anywhere_in_a_chinese_note_is_rejoined(url: str, data) -> None:
    """A Chinese note breaks a URL at any character (CJK justification breaks a Latin run
    wherever the line is full) and closes it with Chinese punctuation (GB/T 7714-2015 and the
    notes' habit): the two lines join back into the whole address."""
    k = data.draw(st.integers(1, len(url) - 1))
    close = data.draw(st.sampled_from(["，访问日期：2023年3月1日。", "。", "（访问日期：2023-03-01）"]))
    text = join_lines("国家统计局：《中国统计年鉴》，" + url[:k], url[k:] + close)
    assert [u for u, _, _ in find_urls(text)] == [url]


@pytest.mark.parametrize("prev,nxt,joined", [
    # no address ends before its top-level domain (http://w, …stanford.e), nor inside a
    # common one (…tensorflow.or + g); a whole host goes on only with more host or a path
    ("See http://w", "ww.repeatmasker.org, accessed 1 March 2023.", "See http://www.repeatmasker.org, accessed 1 March 2023."),
    ("See https://tma.stanford.e", "du, accessed 1 March 2023.", "See https://tma.stanford.edu, accessed 1 March 2023."),
    ("See http://www.tensorflow.or", "g, accessed", "See http://www.tensorflow.org, accessed"),
    ("See http://192.168.1.1", "Reuters, 2023", "See http://192.168.1.1 Reuters, 2023"),
    ("See https://www.example.org", "and others", "See https://www.example.org and others"),
    ("参见 https://www.imf.org", "IMF，2023年。", "参见 https://www.imf.org IMF，2023年。"),
    # a file name goes on into its query
    ("World Bank, https://www.imf.org/external/pp/ppindex.asp", "x?sec=nws&sub=rad.",
     "World Bank, https://www.imf.org/external/pp/ppindex.aspx?sec=nws&sub=rad."),
    # Chinese punctuation right after a fragment closes the address it ends, unless a word
    ("见 http://www.coe.int/d", "ialogue，访问日期：2023年3月1日。", "见 http://www.coe.int/dialogue，访问日期：2023年3月1日。"),
    ("见 https://www.example.org/news", "Reuters，2023年。", "见 https://www.example.org/news Reuters，2023年。"),
    # a DOI broken over two lines of a reference joins with no space; a label, a date or a
    # numbered list's next item after a whole DOI does not
    ("Nature. 2020;5:1-3. doi:10.1038/s41586-", "020-1234-5.", "Nature. 2020;5:1-3. doi:10.1038/s41586-020-1234-5."),
    ("PLoS One. 2014. doi:10.1371/journal.pone.", "0123456.", "PLoS One. 2014. doi:10.1371/journal.pone.0123456."),
    ("期刊, 2023(6). DOI:10.19498/j.cnki.dbyxk.2023.", "06.004.", "期刊, 2023(6). DOI:10.19498/j.cnki.dbyxk.2023.06.004."),
    ("doi:10.1038/s41586-020-1234-5.", "PMID: 32000000.", "doi:10.1038/s41586-020-1234-5. PMID: 32000000."),
    ("doi:10.1000/xyz", "2020 Jan;5(3):1-3.", "doi:10.1000/xyz 2020 Jan;5(3):1-3."),
    ("doi:10.1038/s41586-020-1234-5.", "Epub 2020 Jan 3.", "doi:10.1038/s41586-020-1234-5. Epub 2020 Jan 3."),
    ("doi:10.1038/s41586-020-1234-5.", "2. Smith J. Title.", "doi:10.1038/s41586-020-1234-5. 2. Smith J. Title."),
])
def test_an_address_or_doi_broken_at_a_line_end_is_joined_as_printed(prev: str, nxt: str, joined: str) -> None:
    assert join_lines(prev, nxt) == joined
