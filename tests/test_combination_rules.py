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


# ---- session 13: the front matter's conventions drawn together (labels, structured abstracts) ----
def test_a_run_on_start_on_a_page_where_no_other_starts_is_read_by_its_byline_and_its_label() -> None:
    from parsers.pages import _later_starts
    from parsers.labels import find_labels

    body = [line("系快速推进到战略层面，对其自身以及各自所在地区产生重要影响。", 74.6)]
    body += [line("冷战时期，日本与北约各自关注自身所在地区，接触有限。冷战的结束促使双方走", 92.1 + 17.5 * k)
             for k in range(8)]
    body += [line("作文件《个别伙伴合作计划》。", 250.0),
            line("乡村振兴战略下农村集体经济组", 540.9, 16.0), line("织治理机制创新与制度保障研究", 565.7, 16.0),
            line("——基于省级面板数据的分析", 587.0, 12.0, 180.0),
            line("黄晓燕（华中科技大学公共管理学院，湖北 武汉 430074），刘洋", 612.4, 10.0),
            line("（东北师范大学商学院，吉林 长春 130024）", 634.4, 10.0),
            line("摘要　目的　探讨数字经济发展对城市间创新合作的影响。", 656.7, 9.0)]
    hits = find_labels([ln.text for ln in body])
    starts, _ = _later_starts(body, hits, 10.5, [body[0]])
    assert [[ln.text for ln in s.title_lines] for s in starts] == [["乡村振兴战略下农村集体经济组", "织治理机制创新与制度保障研究"]]
    # (the same lines with the byline cut to a sentence of running text: no start)
    body[-3] = line("近年来（2020年以来），数字经济成为区域发展的新动能", 612.4, 10.0)
    body[-2] = line("学界对此已有较多讨论。", 634.4, 10.0)
    assert _later_starts(body, find_labels([ln.text for ln in body]), 10.5, [body[0]])[0] == []


def test_a_byline_row_of_whole_names_and_units_ending_in_a_comma_goes_on() -> None:
    block = [line("诸葛明亮（中国社会科学院数量经济与技术经济研究所，北京 100732），", 182.6, 10.0),
             line("王建国（吉林大学经济学院，吉林 长春 130012），黄晓燕", 204.6, 10.0),
             line("（华中科技大学公共管理学院，湖北 武汉 430074）", 226.6, 10.0)]
    assert [ln.text for ln in _rejoin_wrapped_byline(block)] == [
        "诸葛明亮（中国社会科学院数量经济与技术经济研究所，北京 100732），王建国（吉林大学经济学院，吉林 长春 130012），"
        "黄晓燕（华中科技大学公共管理学院，湖北 武汉 430074）"]


def test_a_page_note_marked_1_paren_under_the_next_start_is_the_earlier_articles() -> None:
    from parsers.pages import _earlier_notes

    body = [line("近年来，数字经济成为区域发展的新动能。第1类研究关注不同的数据来源。1)", 500.0),
            line("乡村振兴战略下农村集体经济组织", 570.0, 16.0, 340.0), line("内容提要：本文以区域创新网络为对象", 694.0, 9.0, 325.0),
            line("1) 国家统计局：《中国统计年鉴2022》，https://www.stats.gov.cn/", 791.0, 8.5)]
    later = {id(ln) for ln in body[1:]}
    assert _earlier_notes(body, later) == {id(body[3])}
    # (an enumeration "(1)" in the text above marks no note)
    body[0] = line("近年来，研究分为(1)数据来源与(2)方法两类。", 500.0)
    assert _earlier_notes(body, later) == set()


def test_a_header_broken_over_the_page_carries_on_at_the_next_pages_top() -> None:
    from parsers.article import _front_runs_over
    from parsers.header import extract_labelled

    lines = [line("乡村振兴战略下农村集体经济组织治理", 521.2, 16.0), line("李思远[1]，郑海峰[2]", 572.7, 12.0),
             line("[1]中国社会科学院数量经济与技术经济研究所，北京 100732", 589.0, 9.0),
             line("摘要：本文以区域创新网络为对象，考察数字经济发展对创新合作的影响，发现数字基", 623.0, 9.0, 79.5),
             line("收稿日期：2023-03-15", 686.0, 8.5)]
    nxt = [line("础设施显著提高了城市间合作的强度，并提出相应的政策建议。", 72.1, 9.0, 79.5),
           line("关键词：数字经济；创新网络；区域合作", 86.1, 9.0, 79.5), line("一、问题的提出", 270.3, 11.5),
           line("近年来，数字经济成为区域发展的新动能。", 289.6)]
    carried = _front_runs_over(lines, extract_labelled(lines), nxt, 10.5)
    header = extract_labelled(carried)
    assert header.fields["abstract_zh"].endswith("并提出相应的政策建议。")
    assert header.fields["keywords_zh"] == "数字经济；创新网络；区域合作"
    assert "received" in header.fields and "问题的提出" not in " ".join(ln.text for ln in carried)
    # (a header that ends on its page, its body under it, carries nothing over)
    ended = lines[:4] + [line("一、问题的提出", 650.0, 11.5), line("收稿日期：2023-03-15", 686.0, 8.5)]
    assert _front_runs_over(ended, extract_labelled(ended), nxt, 10.5) == []


def test_letter_marks_glued_to_english_names_are_no_part_of_them() -> None:
    from parsers.names import english_byline

    line_ = "WANG Jian-guoa,b*, HUANG Xiao-yanb, LI Si-yuanb, LÜ Naa"
    assert english_byline(["王建国", "黄晓燕", "李思远", "吕娜"], [line_]) == ["WANG Jian-guo", "HUANG Xiao-yan", "LI Si-yuan", "LÜ Na"]
    assert english_byline(["吕娜", "王建国"], ["Na Lüa, Jianguo Wangb*"]) == ["Na Lü", "Jianguo Wang"]
    # (a letter that goes on the syllable is the name printed, another one: 王建 is not WANG Jiang,
    # 王希 not WANG Xia)
    assert english_byline(["王建", "李四"], ["WANG Jiang, LI Si"]) == []
    assert english_byline(["王希", "李四"], ["WANG Xia, LI Si"]) == []


def test_a_name_with_a_diacritic_is_a_latin_line_and_the_title_above_it_is_read() -> None:
    from parsers.normalize import latin_share

    assert latin_share("Na Lü") == 1.0 and latin_share("Nguyễn Văn An") == 1.0 and latin_share("吕娜 Lü") < 0.8
    lines = [line("[文献标识码] A", 190.9, 9.0), line("The Effect of Population Ageing on", 214.3, 12.0),
             line("Household Consumption Structure", 230.3, 12.0), line("Na Lü", 246.3, 10.0),
             line("(School of Economics, Jilin University, Changchun 130012, China)", 259.4, 8.5),
             line("[Abstract] Taking regional innovation networks as the object", 276.2, 9.0)]
    title, names, _ = _title_and_names_above(lines, 5)
    assert title == "The Effect of Population Ageing on Household Consumption Structure" and names == ["Na Lü"]


def test_a_note_marked_1_paren_ends_the_unit_note_above_it_but_not_an_abstract() -> None:
    from parsers.header import extract_labelled

    notes = [line("作者单位：130024 长春，东北师范大学商学院（李思远、赵明华）", 661.0, 8.5),
             line("1) 国家统计局：《中国统计年鉴2022》，https://www.stats.gov.cn/sj/ndsj/2022/indexch.htm", 673.5, 8.5)]
    assert "国家统计局" not in extract_labelled(notes).fields["affiliation"]
    abstract = [line("摘要：本文的贡献有二：", 150.0, 9.0), line("1) 构建了城市合作网络；2) 估计了数字基础设施的影响。", 164.0, 9.0)]
    assert extract_labelled(abstract).fields["abstract_zh"].endswith("估计了数字基础设施的影响。")


def test_a_line_end_hyphen_after_a_compounds_link_word_is_the_compounds_own() -> None:
    from parsers.fonts import repair_quirks
    from parsers.header import join_prose
    from parsers.joining import dehyphenate, line_end_breaks, vocabulary

    # (a Founder export prints both hyphens as 鄄; the one closing the line after "in" is kept)
    assert repair_quirks("with a difference鄄in鄄", frozenset({"founder"})) == "with a difference-in-"
    assert repair_quirks("a well鄄estab鄄", frozenset({"founder"})) == "a well-estab\u00ad"
    parts = ["estimated with a difference-in-", "differences model and a state-of-", "the-art index of in-",
             "dustry"]
    assert join_prose(parts) == "estimated with a difference-in-differences model and a state-of-the-art index of industry"
    lines = ["a difference-in-", "differences model, well-estab-", "lished and self-re-", "ported"]
    text = " ".join(lines)
    assert dehyphenate(text, line_end_breaks(lines), vocabulary(lines)) == \
        "a difference-in-differences model, well-established and self-reported"


# ---- session 15: the probes' third layer ---------------------------------------------------
def test_founders_space_inside_or_around_a_front_label_shows_the_export() -> None:
    from parsers.fonts import page_quirks, repair_quirks
    # (a first page with no Latin text between 摇s: the labels alone show the quirk)
    for text in ("摘要摇本文以区域创新网络为对象", "摘摇要：本文以区域创新网络为对象", "关键词摇数字经济；创新网络",
                 "中图分类号：TP391.1摇摇文献标识码：A"):
        assert "founder" in page_quirks(text), text
    assert repair_quirks("摘要摇本文以", page_quirks("摘要摇本文以")) == "摘要\u3000本文以"
    # (the character itself, 动摇, is no evidence)
    assert "founder" not in page_quirks("这一判断开始动摇，摇摆不定")


def test_one_name_spread_evenly_is_one_name() -> None:
    from parsers.names import split_author_line_with_marks
    assert [n for n, _ in split_author_line_with_marks("诸 葛 明 亮")] == ["诸葛明亮"]
    assert [n for n, _ in split_author_line_with_marks("王 建 国")] == ["王建国"]
    # (names of a byline are set apart by more than the letter-spacing)
    assert [n for n, _ in split_author_line_with_marks("王 建 国　　李 思 远")] == ["王建国", "李思远"]


def test_letter_spaced_names_with_marks_end_at_their_marks_or_a_wider_gap() -> None:
    """A letter-spaced byline whose names carry a star or affiliation numbers (found by
    bench/combos.py: 陈 志 强* 赵 明 华　司 马 相 如): each run between marks reads as a
    letter-spaced line does, an ideographic space (an em) wider than a typed space (half
    one), the marks on the run's last name."""
    from parsers.names import split_author_line_with_marks
    assert split_author_line_with_marks("陈 志 强* 赵 明 华\u3000司 马 相 如") == \
        [("陈志强", []), ("赵明华", []), ("司马相如", [])]
    assert split_author_line_with_marks("陈 志 强1 赵 明 华2\u3000司 马 相 如1,2") == \
        [("陈志强", ["1"]), ("赵明华", ["2"]), ("司马相如", ["1", "2"])]
    assert split_author_line_with_marks("张 伟1\u3000李晓明2") == [("张伟", ["1"]), ("李晓明", ["2"])]
    assert split_author_line_with_marks("王芳1，李明2") == [("王芳", ["1"]), ("李明", ["2"])]


def test_a_vancouver_name_in_capitals_alone_on_its_byline() -> None:
    from parsers.byline_en import split_byline_names
    assert split_byline_names(["VAN DER BERG J"]) == [("VAN DER BERG", "J")]
    assert split_byline_names(["ZHANG S", "LI MH"]) == [("ZHANG", "S"), ("LI", "MH")]
    assert split_byline_names(["ANNA KOWALSKI", "BRIAN OKAFOR"]) == [("KOWALSKI", "ANNA"), ("OKAFOR", "BRIAN")]


def spanned(runs: list[tuple[str, float, bool]], y: float = 158.0) -> Line:
    from parsers.textlayer import Span
    spans, x = [], 56.0
    for text, size, sup in runs:  # (a run's leading space is a gap on the page, no glyph of the span)
        x += 0.25 * size * (len(text) - len(text.lstrip()))
        w = 0.6 * size * len(text.strip())
        spans.append(Span(text.strip(), x, x + w, y - (3.0 if sup else 0.0), size, "Times-Bold", sup))
        x += w
    return Line("".join(t for t, _, _ in runs), 56.0, x, y, max(s for _, s, _ in runs), spans)


def test_small_capitals_are_a_names_letters_and_an_orcid_icon_is_skipped() -> None:
    from parsers.byline_en import marked_names
    # "JAN VAN DER BERG, MDa": J and B in capitals, the rest in small capitals on the baseline
    got = marked_names(spanned([("J", 12.0, False), ("AN VAN DER", 9.36, False), (" B", 12.0, False), ("ERG", 9.36, False),
                                (", MD", 12.0, False), ("a", 7.44, True), (", L", 12.0, False), ("UC D", 9.36, False),
                                ("E", 9.36, False), (" S", 12.0, False), ("MET", 9.36, False), ("b", 7.44, True)]))
    assert [n for n, _ in got][0] == "JAN VAN DER BERG" and [m for _, m in got] == [["a"], ["b"]]
    # an ORCID iD drawn as text in the gap after a name is neither a mark nor letters of it
    got = marked_names(spanned([("TANAKA", 12.0, False), ("iD", 3.2, True), ("Y", 12.0, False), ("1", 7.44, True)]))
    # (before, "TANAKAiDY")
    assert got == [("TANAKA Y", ["1"])]


def test_a_name_broken_before_its_surname_keeps_the_surnames_raised_mark() -> None:
    from parsers.byline_en import byline
    lines = [spanned([("Yuki TANAKA", 12.0, False), ("b", 7.44, True), (", and Priya", 12.0, False)], 138.0),
             spanned([("RAGHUNATHAN", 12.0, False), ("b", 7.44, True)], 153.0),
             line("bDepartment of Soil Science, University of Nebraska, Lincoln, NE, USA", 172.0, 9.0)]
    names, after = byline(lines, 0)
    assert names == [("Yuki TANAKA", ["b"]), ("Priya RAGHUNATHAN", ["b"])] and after == 2


def test_a_badge_level_with_the_title_does_not_cut_it() -> None:
    # (the title's measure narrowed for the badge at the right margin)
    body = [line("Sean O'Neill1, Jan van der Berg2 and Chen Liu1", 90.0, 11.0),
            Line("Seasonal variation of soil moisture and its effect on the", 80.0, 480.0, 112.0, 17.0),
            line("Check for", 112.0, 6.5, x0=513.0), line("updates", 119.5, 6.5, x0=519.0),
            Line("growth of winter wheat in semi-arid regions", 118.0, 440.0, 133.0, 17.0),
            line("1Institute of Crop Research, Wageningen University", 164.0, 9.0)]
    got = title_lines(body, 9.5, 842.0)
    assert [ln.text for ln in got] == ["Seasonal variation of soil moisture and its effect on the",
                                       "growth of winter wheat in semi-arid regions"]
