"""The journal name from running heads and covers; fields printed at an article's end."""
from __future__ import annotations

from parsers.article import _add_closing_fields
from parsers.english import looks_like_names
from parsers.header import Header
from parsers.masthead import journal_title_en, journal_title_zh
from parsers.names import parse_bio
from parsers.pages import PageInfo
from parsers.textlayer import Line


def _line(text: str, y: float, x0: float = 60.0, size: float = 9.0) -> Line:
    return Line(text=text, x0=x0, x1=x0 + len(text) * size * 0.6, y=y, size=size)


def _page(n: int, heads: list[Line], kind: str = "content", body: list[Line] | None = None) -> PageInfo:
    return PageInfo(number=n, kind=kind, heads=heads, body=body or [])


def test_a_letter_spaced_name_cut_in_pieces_is_read_from_the_heads() -> None:
    pages = [
        _page(1, [_line("第 47 卷第 5 期电\u3000网", 60), _line("技术 1743", 60, x0=300)]),
        _page(2, [_line("1744 康重庆等：新型电力系统的六要素分析 Vol. 47 No. 5", 60)]),
        _page(3, [_line("第 47 卷第 5 期电\u3000网", 60), _line("技术 1745", 60, x0=300)]),
    ]
    assert journal_title_zh(pages) == "电网技术"


def test_a_name_seen_once_is_trusted_only_beside_volume_issue_or_date() -> None:
    pages = [_page(1, [_line("第 47 卷第 5 期 电网技术", 60)]), _page(2, [_line("1744 张三等：论文题目", 60)])]
    assert journal_title_zh(pages) == "电网技术"
    pages = [_page(1, [_line("电网技术 1743", 60)]), _page(2, [_line("1744 张三等：论文题目", 60)])]
    assert journal_title_zh(pages) == ""
    pages = [_page(1, [_line("2 0 2 2年5月 Yangtze River May, 2022", 31)])]
    from parsers.masthead import journal_title_en
    assert journal_title_en(pages) == "Yangtze River"


def test_online_first_cover_names_the_journal() -> None:
    body = [_line("电网技术", 83), _line("Power System Technology", 99), _line("ISSN 1000-3673,CN 11-2410/TM", 114),
            _line("《电网技术》网络首发论文", 202, size=14)]
    pages = [_page(1, [], kind="online-first", body=body)]
    assert journal_title_zh(pages) == "电网技术"
    assert journal_title_en(pages) == "Power System Technology"


def test_english_name_from_heads_drops_dates_and_numbers() -> None:
    pages = [_page(k, [_line(f"2023 年 5 月 Power System Technology May 2023 {k}", 60)]) for k in (1, 3)]
    assert journal_title_en(pages) == "Power System Technology"


def test_bios_printed_as_paragraphs_split_at_full_stops() -> None:
    text = ("盛万兴(1965)，男，工学博士，研究员，主要研究方向为配电系统分析。"
            "陈洁(1994)，男，硕士，通信作者，研究方向为配电系统风险评估，E-mail：chenjie@epri.sgcc.com.cn。")
    bios = parse_bio(text)
    assert [b["name"] for b in bios] == ["盛万兴", "陈洁"]
    assert bios[0]["email"] == ""
    assert bios[1]["email"] == "chenjie@epri.sgcc.com.cn"
    # a full stop inside one author's bio is not a new author
    assert len(parse_bio("张三(1980)，男，教授。主要研究方向为电力系统。")) == 1


def test_accented_pinyin_names_are_names() -> None:
    assert looks_like_names("SHENG Wanxing, CHEN Jie, LI Lüshu")
    assert not looks_like_names("Department of Electrical Engineering, Tsinghua University")


def test_closing_block_fills_missing_fields_and_skips_the_photo_caption() -> None:
    refs = [_line("[34] 康重庆，刘静琨，张宁.未来电力系统储能的新形态[J].", 345, x0=309, size=7.5)]
    block = [
        _line("收稿日期：2023-04-06。", 447, x0=385, size=7.6),
        _line("作者简介：", 459, x0=385, size=7.6),
        _line("康重庆(1969)，男，教授，博士生导师，研究", 471, x0=385, size=7.6),
        _line("电力经济，E-mail：cqkang@tsinghua.edu.cn；", 495, x0=370, size=7.6),
        _line("康重庆", 517, x0=328, size=7.6),  # caption under the photo, left of the block
        _line("杜尔顺(1992)，男，助理研究员，通信作者，", 540, x0=385, size=7.6),
        _line("（责任编辑\u3000徐梅）", 560, x0=444, size=10.5),
    ]
    header = Header(fields={"abstract_zh": "摘要"})
    _add_closing_fields(header, [PageInfo(number=10, body=refs + block, labels={"received", "bio"})])
    assert header.fields["received"].startswith("2023-04-06")
    assert "杜尔顺(1992)" in header.fields["bio"]
    assert "康重庆杜尔顺" not in header.fields["bio"]
    assert "责任编辑" not in header.fields["bio"]
    assert header.fields["abstract_zh"] == "摘要"


def test_citation_line_names_the_authors_unless_abbreviated() -> None:
    from parsers.names import names_in_citation
    assert names_in_citation("许全喜，袁晶.2020年三峡水库泥沙淤积特点及原因分析［J］.人民长江,2022,53（5）：7-13.") == ["许全喜", "袁晶"]
    assert names_in_citation("康重庆，杜尔顺，李姚旺，等.新型电力系统的“碳视角”［J］.") == []
    assert names_in_citation("") == []


def test_author_note_gives_affiliation_english_name_and_a_spaced_email() -> None:
    from parsers.names import email_in, parse_author_note
    notes = parse_author_note("洪岩璧\u3000东南大学人文学院社会学系（Author：HONG Yanbi，Department of Sociology）"
                              "E-mail：hongyb @seu .edu .cn；张三\u3000北京大学社会学系（Author：ZHANG San，Peking University）")
    assert [(n["name"], n["name_en"], n["affiliation"]) for n in notes] == [
        ("洪岩璧", "HONG Yanbi", "东南大学人文学院社会学系"), ("张三", "ZHANG San", "北京大学社会学系")]
    assert notes[0]["email"] == "hongyb@seu.edu.cn"
    assert notes[1]["email"] == ""
    assert email_in("联系人：a.b@x.org。") == "a.b@x.org"


def test_unlabelled_funding_sentence_in_a_first_page_note() -> None:
    from parsers.article import _funding_sentence
    lines = [_line("正文第一行，字号与正文相同。", 400, size=10),
             _line("*作者：某某　某大学（Author：MOU Mou）", 700, size=7.3),
             _line("**本研究是国家社会科学基金项目“某某研究”（15BSH001）的研究成果。［The research", 712, size=7.3),
             _line("was supported by …］", 724, size=7.3)]
    assert _funding_sentence(lines, 10.0) == "本研究是国家社会科学基金项目“某某研究”（15BSH001）的研究成果。"
    assert _funding_sentence(lines[:2], 10.0) == ""


def test_a_two_character_name_padded_with_a_space_is_one_name() -> None:
    bios = parse_bio("许全喜，男，正高级工程师；袁　晶，女，正高级工程师，E-mail：13471654@qq.com")
    assert [b["name"] for b in bios] == ["许全喜", "袁晶"]
    assert parse_bio("袁 晶，女，博士")[0]["name"] == "袁晶"


def test_a_bilingual_masthead_line_above_the_title_names_the_journal_in_english() -> None:
    title = _line("新型电力系统的六要素分析", 132, size=22)
    body = [_line("2023 年 5 月 Power System Technology May 2023", 72),
            _line("DOI：10.13335/j.1000-3673.pst.2023.0535 No. 5", 90), title]
    page = PageInfo(number=1, kind="start", body=body, title_lines=[title])
    assert journal_title_en([page]) == "Power System Technology"


def test_a_university_journals_edition_in_brackets_is_part_of_its_name() -> None:
    pages = [_page(1, [_line("第45卷 第2期  西北大学学报（哲学社会科学版）  Vol.45 No.2", 40),
                       _line("2023年3月 Journal of Northwest University (Philosophy and Social Sciences Edition) Mar.,2023", 52)]),
             _page(2, [_line("· 2 ·  西北大学学报（哲学社会科学版）  第45卷", 40)])]
    assert journal_title_zh(pages) == "西北大学学报（哲学社会科学版）"
    assert journal_title_en(pages) == "Journal of Northwest University (Philosophy and Social Sciences Edition)"
    # an article's title in the running heads, bracket and all, is not the journal
    heads = [_page(k, [_line("再分配与幸福感阶层差异的变迁（2005—2013）", 40)]) for k in (1, 3, 5)]
    assert journal_title_zh(heads + [_page(k, [_line("社会·2017·2", 40)]) for k in (2, 4)]) == "社会"
