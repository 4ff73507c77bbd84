"""Front matter of Chinese articles and their English block (GB/T 7713.2, CAJ-CD B/T 1)."""
from __future__ import annotations

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.article import _doi_value, _tidy_title, extract_article
from parsers.english import english_beside_header, join_prose, split_keywords_en
from parsers.identifiers import find_doi
from parsers.names import parse_affiliation_line, parse_unit_note, split_author_line_with_marks
from parsers.pages import PageInfo
from parsers.textlayer import Line


def _ln(text: str, y: float, size: float = 9.0, x0: float = 60.0) -> Line:
    return Line(text=text, x0=x0, x1=x0 + 12 * size, y=y, size=size)


def _article(lines: list[Line], title: list[Line], size: float = 10.5, last: list[Line] | None = None):
    pages = [PageInfo(1, kind="start", body=lines, title_lines=title)]
    if last is not None:
        # (classify finds a page's labels; the closing-block search reads only pages that have one)
        pages.append(PageInfo(2, body=last, labels={"received", "author_note"} if any("收稿" in ln.text for ln in last) else set()))
    return extract_article("a01", pages, size)


# --- the English block -------------------------------------------------------------

def test_a_line_end_hyphen_in_an_english_abstract_is_a_break_unless_the_compound_is_printed() -> None:
    assert join_prose(["the underground sex in-", "dustry grows"]) == "the underground sex industry grows"
    assert join_prose(["a func\u2043", "tion of it"]) == "a function of it"  # Founder's hyphen bullet
    # the same compound printed hyphenated elsewhere, or a prefix English hyphenates: kept
    assert join_prose(["a cross-", "border and cross-border"]) == "a cross-border and cross-border"
    assert join_prose(["a multi-", "disciplinary team"]) == "a multi-disciplinary team"
    assert join_prose(["Tongji Hos-", "Pital"]) == "Tongji Hos-Pital"  # (not before a capital)
    # a compound broken at its own hyphen: two English words that run together into none,
    # or a compound's common second part
    assert join_prose(["promotes high-", "quality development"]) == "promotes high-quality development"
    assert join_prose(["the long-", "term effect of state-", "owned firms"]) == "the long-term effect of state-owned firms"
    assert join_prose(["quercetol-", "induced apoptosis"]) == "quercetol-induced apoptosis"
    assert join_prose(["at the work-", "place and some-", "times at home"]) == "at the workplace and sometimes at home"
    assert join_prose(["the develop-", "ment of eco-", "nomic ties"]) == "the development of economic ties"
    assert join_prose(["source-network-load-storage-", "decarbonization-digitization"]) == \
        "source-network-load-storage-decarbonization-digitization"  # (a hyphenated chain)
    assert join_prose(["a cost-effec-", "tive and difference-in-", "differences design"]) == \
        "a cost-effective and difference-in-differences design"


def test_english_key_words_broken_inside_a_word_are_joined_as_the_abstract_is() -> None:
    from parsers.header import extract_labelled
    from parsers.textlayer import Line
    lines = [Line("Abstract: This article studies things.", 50, 450, 90, 9.0),
             Line("Key words: high-quality development; eco-", 50, 450, 110, 9.0),
             Line("nomic ties; Japan-NATO relations", 50, 300, 121, 9.0)]
    assert extract_labelled(lines, chinese=True).fields["keywords_en"] == \
        "high-quality development; economic ties; Japan-NATO relations"


def test_the_english_title_is_not_glued_to_a_doi_line_above_it() -> None:
    lines = [_ln("文献标志码：A", 270), _ln("DOI: 10.11959/j.issn.1000−436x.2022084", 290),
             _ln("Research on heterogeneous identifier namespace", 335, 16), _ln("control architecture", 354, 16),
             _ln("GAO Shuai, HOU Xindi", 385, 10.5), _ln("School of Electronics, Beijing Jiaotong University, Beijing 100044, China", 400, 7.5),
             _ln("Abstract: Aiming at the problem, an architecture was proposed.", 424), _ln("Keywords: network, namespace", 440)]
    entry = english_beside_header(lines)
    assert entry is not None
    assert entry.title == "Research on heterogeneous identifier namespace control architecture"
    assert entry.names == ["GAO Shuai", "HOU Xindi"]


def test_an_english_block_after_the_references_takes_its_title_in_its_own_type_size() -> None:
    lines = [_ln("[5]Jaffer S.Identity, language, and new media[J].Language Policy,2010,9(4):289-312.", 582),
             _ln("Research on Gender Differences in English Language", 629, 14),
             _ln("WU Dong-liang", 652, 12), _ln("(Minnan Institute, Fujian Normal University, Nanan 362332)", 667, 10.9),
             _ln("Abstract: The relationship between language and gender.", 688, 10.5),
             _ln("Key words: social linguistics; English; origin （责任编辑：董应龙）", 764, 10.5)]
    entry = english_beside_header(lines)
    assert entry is not None and entry.title == "Research on Gender Differences in English Language"
    assert entry.names == ["WU Dong-liang"]
    assert entry.keywords == ["social linguistics", "English", "origin"]


def test_english_names_in_smaller_type_under_the_title_are_the_byline_not_the_title() -> None:
    lines = [_ln("Sexuality, Sexual Network and Risks", 477, 13.7), _ln("Among Money Boys in Northeast China", 495, 13.7),
             _ln("Fu Xiaoxing, Ma Tiecheng", 522, 10.3), _ln("Abstract: Money boys have become a population.", 544, 10.3)]
    entry = english_beside_header(lines)
    assert entry is not None and entry.title == "Sexuality, Sexual Network and Risks Among Money Boys in Northeast China"
    # a title line in larger type is never taken for a name however name-like, a bracketed institution after names is not a title
    lines = [_ln("Discoveries and Innovations: A Review of Western", 435, 14), _ln("Intercultural Communication Research", 454, 14),
             _ln("Shan Bo，Zhou Xiayu（Wuhan University）", 490, 9), _ln("Abstract: The paper analyzes 546 papers.", 520, 9)]
    entry = english_beside_header(lines)
    assert entry is not None and entry.title == "Discoveries and Innovations: A Review of Western Intercultural Communication Research"
    assert entry.names == ["Shan Bo", "Zhou Xiayu"]


def test_a_run_in_english_title_names_and_affiliation_line_is_cut_at_the_capitalised_surname() -> None:
    lines = [_ln("中图分类号:R-052 文献标识码:A", 253),
             _ln("Reflection on Ethics and Legal Problem of“Surrogate Father” ZOU Tao. Department of Social Science, Nanjing Univer-", 266),
             _ln("sity of Traditional Chinese Medicine, Nanjing 210046, China", 279),
             _ln("Abstract:The appearance of the world's first surrogate father.", 292)]
    entry = english_beside_header(lines)
    assert entry is not None and entry.title == "Reflection on Ethics and Legal Problem of“Surrogate Father”"
    assert entry.names == ["ZOU Tao"]


def test_the_editor_line_is_not_an_english_keyword() -> None:
    assert split_keywords_en("law; bioethics （责任编辑：李四）") == ["law", "bioethics"]


# --- the Chinese header --------------------------------------------------------------

def test_a_title_loses_its_note_mark_and_its_subtitle_dash_is_two_em_dashes() -> None:
    assert _tidy_title("中国数字生态指数的测算与分析*") == "中国数字生态指数的测算与分析"
    assert _tidy_title("跳出性别之网———读《消解性别》①") == "跳出性别之网——读《消解性别》"


def test_a_subtitle_in_smaller_display_type_and_wrapped_is_part_of_the_title() -> None:
    title = [_ln("跳出性别之网", 87, 19.7)]
    lines = title + [_ln("———读朱迪斯·巴特勒《消解性别》", 112, 13.7), _ln("兼论“性别规范”概念", 131, 13.7),
                     _ln("范 譞", 179, 11.8), _ln("正文第一行。", 210, 10.3)]
    art = _article(lines, title)
    assert art.title.zh == "跳出性别之网——读朱迪斯·巴特勒《消解性别》兼论“性别规范”概念"
    assert [c.name.zh for c in art.contributors] == ["范譞"]


def test_a_column_label_taken_for_the_title_gives_way_to_the_title_under_it() -> None:
    label = [_ln("·案例报道·", 350, 13.7)]
    lines = label + [_ln("百白破疫苗致局部无菌化脓九例", 386, 14.7), _ln("李建平", 419, 10.3), _ln("正文。", 449, 8.8)]
    art = _article(lines, label, size=8.8)
    assert art.title.zh == "百白破疫苗致局部无菌化脓九例"
    assert [c.name.zh for c in art.contributors] == ["李建平"]


def test_an_english_title_under_the_chinese_title_is_read_when_there_is_no_english_block() -> None:
    title = [_ln("易性癖的外科治疗进展", 79, 20.9)]
    lines = title + [_ln("SURGICAL MANAGEMENT OF TRANSSEXUALISM", 93, 8.7), _ln("章建林, 林子豪", 123, 10.5),
                     _ln("正文第一行。", 177, 10.5)]
    art = _article(lines, title)
    assert art.title.en == "SURGICAL MANAGEMENT OF TRANSSEXUALISM"
    assert [c.name.zh for c in art.contributors] == ["章建林", "林子豪"]


def test_circled_affiliation_marks_tie_authors_to_institutions() -> None:
    assert split_author_line_with_marks("王娟① 宋洁①③⑤ 张平文**①④") == [("王娟", ["1"]), ("宋洁", ["1", "3", "5"]), ("张平文", ["1", "4"])]
    assert parse_affiliation_line("②北京大学社会学系　北京 100871") == {"2": "北京大学社会学系　北京 100871"}


def test_a_unit_note_gives_affiliations_in_each_printed_shape() -> None:
    assert parse_unit_note("100041 北京市　中国医学科学院整形外科医院") == ("北京市　中国医学科学院整形外科医院", {})
    _, per = parse_unit_note("200065 同济大学附属同济医院(陆峥，刘娜); 北京大学第六医院(丛中)")
    assert per == {"陆峥": "同济大学附属同济医院", "刘娜": "同济大学附属同济医院", "丛中": "北京大学第六医院"}
    _, per = parse_unit_note("单波，武汉大学新闻与传播学院；湖北武汉430072。周夏宇，武汉大学新闻与传播学院。")
    assert per == {"单波": "武汉大学新闻与传播学院", "周夏宇": "武汉大学新闻与传播学院"}


def test_a_first_page_unit_note_gives_the_byline_its_affiliation() -> None:
    title = [_ln("变性手术患者的心理护理", 95, 13.7)]
    lines = title + [_ln("王大方　曹艳", 123, 9), _ln("易性癖是一种心理现象。", 158, 7.9),
                     _ln("作者单位：100041 北京市　中国医学科学院整形外科医院性别重", 720, 6.8), _ln("塑中心", 731, 6.8)]
    art = _article(lines, title, size=7.9)
    assert [c.affiliation for c in art.contributors] == ["北京市　中国医学科学院整形外科医院性别重塑中心"] * 2


def test_a_closing_unit_note_after_a_bullet_gives_each_author_theirs() -> None:
    title = [_ln("新探索与内卷化", 140, 21)]
    lines = title + [_ln("单波　周夏宇", 203, 14), _ln("摘要：文章分析了文献。", 235, 10.3), _ln("正文。", 423, 10.3)]
    last = [_ln("Keywords: intercultural communication", 679), _ln("■收稿日期：2018-02-20", 709),
            _ln("■作者单位：单波，武汉大学新闻与传播学院；湖北武汉430072。", 723), _ln("周夏宇，武汉大学新闻与传播学院。", 738)]
    art = _article(lines, title, last=last)
    assert [c.affiliation for c in art.contributors] == ["武汉大学新闻与传播学院"] * 2


def test_a_star_keyed_author_note_and_a_magazine_byline_lead_in() -> None:
    title = [_ln("国际制度间竞争的时间维度", 304, 16.4)]
    lines = title + [_ln("宋亦明∗", 347, 13.7), _ln("作为国际社会的行为主体。", 396, 10.3),
                     _ln("∗ 宋亦明, 北京外国语大学国际关系学院讲师。", 636, 7.8)]
    art = _article(lines, title)
    assert [(c.name.zh, c.affiliation) for c in art.contributors] == [("宋亦明", "北京外国语大学国际关系学院")]
    title = [_ln("重塑国际能源版图", 115, 20)]
    lines = title + [_ln("文/宋亦明", 134, 8.5), _ln("正文。", 178, 9.3)]
    last = [_ln("正文结束。", 660, 9.3), _ln("（作者为中国人民大学国际关系学院博士研究生）", 678, 9.3)]
    art = _article(lines, title, size=9.3, last=last)
    assert [(c.name.zh, c.affiliation) for c in art.contributors] == [("宋亦明", "中国人民大学国际关系学院")]


def test_a_founder_spaced_doi_value_is_closed_up() -> None:
    assert find_doi("DOI:" + _doi_value("10. 3969 /j. issn. 1005-3220. 2022. z1. 001")) == "10.3969/j.issn.1005-3220.2022.z1.001"
    assert find_doi("DOI:" + _doi_value("10.11959/j.issn.1000−436x.2022084")) == "10.11959/j.issn.1000-436x.2022084"


@settings(max_examples=60, deadline=None)
@given(st.integers(1000, 99999), st.from_regex(r"[a-z]{1,5}(\.[a-z0-9]{1,6}){1,4}", fullmatch=True))
def test_founder_spacing_never_changes_a_doi(prefix: int, suffix: str) -> None:
    doi = f"10.{prefix}/{suffix}"
    spaced = doi.replace(".", ". ").replace("/", " /")
    assert find_doi("DOI:" + _doi_value(spaced)) == doi


def test_labels_in_full_width_square_brackets_and_run_together() -> None:
    from parsers.labels import find_labels
    hits = find_labels(["［摘 要］性别选择权。", "［中图分类号］D920.4［文献标志码］A", "［DOI］10.16164/j.cnki", "〖关键词〗甲；乙"])
    assert [(h.field, h.line) for h in hits] == [("abstract_zh", 0), ("clc", 1), ("doc_code", 1), ("doi", 2), ("keywords_zh", 3)]
    # an ASCII bracket inside running text is still no boundary: "见文献[1]" opens nothing
    assert find_labels(["如表2[摘要]所示"]) == []


def test_a_byline_run_that_lost_its_spaces_is_cut_into_names_only_when_the_cut_is_unique() -> None:
    from parsers.names import split_run_of_names
    assert split_author_line_with_marks("黄新可黄海燕黄丽莉廖小娟　罗新") == [
        ("黄新可", []), ("黄海燕", []), ("黄丽莉", []), ("廖小娟", []), ("罗新", [])]
    assert split_run_of_names("郜帅兰江雨") == ["郜帅兰江雨"]  # 郜帅|兰江雨 or 郜帅兰|江雨: left alone
    assert split_run_of_names("欧阳娜娜") == ["欧阳娜娜"]      # (four characters: one name)
    assert split_run_of_names("阿不都·热合曼") == ["阿不都·热合曼"]


def test_a_short_column_heading_above_the_title_is_not_the_title() -> None:
    head = [_ln("临床护理", 57, 17, x0=385)]  # (in the page corner)
    lines = head + [_ln("变性手术的术中配合与护理", 90, 16), _ln("李秋明", 114, 8),
                    _ln("北京大学深圳医院手术室(广东深圳518036)", 129, 7), _ln("正文。", 223, 8)]
    art = _article(lines, head, size=8)
    assert art.title.zh == "变性手术的术中配合与护理"
    assert [(c.name.zh, c.affiliation) for c in art.contributors] == [("李秋明", "北京大学深圳医院手术室(广东深圳518036)")]


def test_a_clc_code_may_take_an_auxiliary_suffix_straight_after_its_class() -> None:
    from parsers.identifiers import parse_clc
    assert parse_clc("R-052") == ["R-052"]
    assert parse_clc("F-0；D920.4") == ["F-0", "D920.4"]
    assert parse_clc("R-") == [] and parse_clc("X") == []


@settings(max_examples=60, deadline=None)
@given(st.sampled_from("ABCDEFGHIKNOPQRSUVXZ"), st.integers(0, 99), st.integers(0, 9))
def test_a_class_with_a_general_subdivision_survives_founder_spacing(cls: str, sub: int, more: int) -> None:
    from parsers.identifiers import parse_clc
    lines = [_ln("关于一个问题的研究", 90, 20), _ln("张三", 120, 12), _ln("摘要：一句话。", 150),
             _ln(f"中图分类号：{cls} - {sub}{more}  文献标识码：A", 165)]
    art = _article(lines, lines[:1])
    assert art.clc == [f"{cls}-{sub}{more}"] == parse_clc(f"{cls}-{sub}{more}")


def test_an_article_number_set_apart_on_the_row_of_its_label() -> None:
    title = [_ln("中国易性症多学科诊疗专家共识", 101, 19.7)]
    lines = title + [_ln("陆峥，刘娜", 142, 10.3), _ln("摘要: 临床实践中尚未形成共识。", 180, 8.8),
                     _ln("中图分类号: R749 文献标识码: A 文章编号:", 265.8, 8.8, x0=74.6),
                     _ln("1005-3220(2022) S0-0001-15", 265.3, 8.8, x0=302.2)]
    lines[-2].x1 = 291.6
    art = _article(lines, title)
    assert art.article_no == "1005-3220(2022)S0-0001-15"


def test_a_group_author_and_a_byline_wrapped_inside_a_name() -> None:
    title = [_ln("中国易性症多学科诊疗专家共识", 101, 19.7)]
    lines = title + [_ln("中国心理卫生协会性心理健康专业委员会", 126, 10.3), _ln("陆峥，刘娜，陈发展，刘", 142, 10.3),
                     _ln("烨，李革临", 158, 10.3), _ln("摘要: 临床实践中尚未形成共识。", 180, 8.8)]
    art = _article(lines, title)
    assert [c.name.zh for c in art.contributors] == ["中国心理卫生协会性心理健康专业委员会", "陆峥", "刘娜", "陈发展", "刘烨", "李革临"]
    assert art.contributors[0].surname == "" and art.contributors[1].surname == "陆"


def test_a_unit_note_matches_only_byline_authors_and_ends_where_a_bio_begins() -> None:
    assert parse_unit_note("100041 北京市　中国医学科学院整形外科医院王大方：女，1967年出生", ["王大方"]) == (
        "北京市　中国医学科学院整形外科医院", {})
    _, per = parse_unit_note("北京回龙观医院(过斌，刘华清)；造成下丘脑(睾丸)轴", ["过斌", "刘华清"])
    assert per == {"过斌": "北京回龙观医院", "刘华清": "北京回龙观医院"}


def test_an_english_authors_note_ends_the_key_words() -> None:
    lines = [_ln("Title of the Paper in English", 477, 13.7), _ln("Abstract: Money boys are a population.", 544),
             _ln("Keywords: Sexuality，Money Boys", 637), _ln("Authors: Fu Xiaoxing is Lecturer，School of Sociology.", 651)]
    entry = english_beside_header(lines)
    assert entry is not None and entry.keywords == ["Sexuality", "Money Boys"]


def _spanned(parts: list[tuple[str, str]], y: float, size: float = 9.7) -> Line:
    from parsers.textlayer import Span
    x, spans = 67.0, []
    for text, font in parts:
        spans.append(Span(text, x, x + 5 * len(text), y, size, font, False))
        x += 5 * len(text) + 4
    return Line(text=" ".join(t for t, _ in parts), x0=67.0, x1=x, y=y, size=size, spans=spans)


def test_a_run_in_english_label_in_its_own_font_needs_no_colon_in_an_english_first_block() -> None:
    from parsers.header import extract_labelled
    lines = [_ln("Efficient Computing Resource Metric Method", 231, 13.1),
             _ln("Chai Ruonan, Gao Shuai, Lan Jiangyu, and Liu Ningchun", 263, 9.7),
             _ln("（School of Electronic Engineering, Beijing Jiaotong University, Beijing 100044）", 278, 8.2),
             _spanned([("Abstract", "Times-Bold"), ("With the development of net-", "Times")], 310),
             _ln("works, computing grows.", 326, 9.7),
             _spanned([("Key words", "Times-Bold"), ("computing-first network；computing resources", "Times")], 342)]
    entry = english_beside_header(lines)
    assert entry is not None and entry.abstract == "With the development of networks, computing grows."
    assert entry.keywords == ["computing-first network", "computing resources"]
    assert entry.names == ["Chai Ruonan", "Gao Shuai", "Lan Jiangyu", "Liu Ningchun"]
    assert entry.title == "Efficient Computing Resource Metric Method"
    # the same word in the text's own font opens no field
    plain = [_spanned([("Abstract", "Times"), ("Expressionism was a movement.", "Times")], 100)]
    assert "abstract_en" not in extract_labelled(plain).fields


def test_a_chinese_run_that_lost_its_space_is_cut_where_the_english_byline_says() -> None:
    from parsers.article import _split_by_english
    marked = [("柴若楠", ["1"]), ("郜帅兰江雨", []), ("刘宁春", [])]
    english = ["Chai Ruonan", "Gao Shuai", "Lan Jiangyu", "Liu Ningchun"]
    assert [n for n, _ in _split_by_english(marked, english)] == ["柴若楠", "郜帅", "兰江雨", "刘宁春"]
    other = _split_by_english(marked, ["Chai Ruonan", "Gao Shuailan", "Jiang Yu", "Liu Ningchun"])
    assert [n for n, _ in other] == ["柴若楠", "郜帅兰", "江雨", "刘宁春"]  # (the other cut, as the English says)
    assert _split_by_english(marked, ["Chai Ruonan", "Wang Wu", "Lan Jiangyu", "Liu Ningchun"]) == marked


def test_a_byline_line_with_a_group_name_before_capitalised_surnames_is_not_the_title() -> None:
    lines = [_ln("Chinese expert consensus on diagnosis of transsexualism", 283, 8.8),
             _ln("Professional Committee on Psychosexual Health. LU Zheng，LIU Na，", 297, 8.8),
             _ln("CHEN Fa-zhan，CONG Zhong. Shanghai Tongji Hospital, Shanghai 200065, China", 311, 8.8),
             _ln("Abstract: In clinical practice there was no consensus.", 369, 8.8)]
    entry = english_beside_header(lines)
    assert entry is not None and entry.title == "Chinese expert consensus on diagnosis of transsexualism"
    lines[1] = _ln("Roles of DNA Methylation in RNA Editing", 297, 8.8)  # (capitals in a title are no names)
    lines[2] = _ln("LU Zheng, LIU Na", 311, 8.8)
    entry = english_beside_header(lines)
    assert entry is not None and entry.title.endswith("Roles of DNA Methylation in RNA Editing")


def test_a_byline_mixing_chinese_and_latin_names_is_cut_by_the_bio_and_its_english_by_pinyin() -> None:
    title = [_ln("男男性服务群体的性、性网络、艾滋风险", 182, 25.8)]
    lines = title + [_ln("富晓星 Lei Zhang Eric P. F. Chow 马铁成", 270, 10.3),
                     _ln("【内容摘要】男男性服务者是新兴群体。", 294, 10.3),
                     _ln("【作者简介】富晓星，中国人民大学社会与人口学院讲师; Lei Zhang，澳大利亚新南威尔士大学医学院高级讲师;", 396, 10.3),
                     _ln("Eric P. F. Chow，澳大利亚新南威尔士大学医学院博士生; 马铁成，沈阳爱之助健康咨询服务中心主任。", 411, 10.3),
                     _ln("Sexuality, Sexual Network and Risks of HIV", 477, 13.7),
                     _ln("Fu Xiaoxing Lei Zhang Eric P. F. Chow Ma Tiecheng", 523, 10.3),
                     _ln("Abstract: Money boys have become a population.", 544, 10.3)]
    art = _article(lines, title, size=10.3)
    assert [c.name.zh for c in art.contributors] == ["富晓星", "Lei Zhang", "Eric P. F. Chow", "马铁成"]
    assert [c.name.en for c in art.contributors] == ["Fu Xiaoxing", "Lei Zhang", "Eric P. F. Chow", "Ma Tiecheng"]
    assert [c.surname for c in art.contributors] == ["富", "Zhang", "Chow", "马"]
    assert art.contributors[1].affiliation.startswith("澳大利亚新南威尔士大学医学院")
    assert art.title.en == "Sexuality, Sexual Network and Risks of HIV"


def test_an_uncut_english_byline_is_cut_only_when_every_name_is_found() -> None:
    from parsers.english import cut_byline
    assert cut_byline("Fu Xiaoxing Ma Tiecheng", [["Fu Xiaoxing"], ["Ma Tiecheng"]]) == ["Fu Xiaoxing", "Ma Tiecheng"]
    assert cut_byline("FU Xiao-xing MA Tiecheng", [["Fu Xiaoxing"], ["Ma Tiecheng"]]) == ["FU Xiao-xing", "MA Tiecheng"]
    assert cut_byline("Fu Xiaoxing Ma Tiecheng Li Si", [["Fu Xiaoxing"], ["Ma Tiecheng"]]) == []
    assert cut_byline("Fu Xiaoxing Li Si", [["Fu Xiaoxing"], ["Ma Tiecheng"]]) == []


def test_bylines_and_affiliations_with_bracketed_and_circled_marks() -> None:
    title = [_ln("一种新方法的研究", 100, 20)]
    lines = title + [_ln("张三[1]，李四[1,2]", 130, 12), _ln("[1]北京大学社会学系，北京 100871", 146, 9),
                     _ln("[2]清华大学公共管理学院，北京 100084", 160, 9), _ln("摘要：一句话。", 190, 9)]
    art = _article(lines, title)
    assert [(c.name.zh, c.affiliation) for c in art.contributors] == [
        ("张三", "北京大学社会学系，北京 100871"), ("李四", "北京大学社会学系，北京 100871; 清华大学公共管理学院，北京 100084")]


def test_more_printed_label_forms() -> None:
    from parsers.labels import find_labels
    texts = ["文献识别码：A", "【Abstract】This paper studies.", "KEY WORDS: a; b", "中图法分类号 TP391", "A B S T R A C T"]
    assert [h.field for h in find_labels(texts)] == ["doc_code", "abstract_en", "keywords_en", "clc", "abstract_en"]


@pytest.mark.parametrize("above,size", [("English Abstracts", 14), ("Review Article", 12)])
def test_a_heading_or_printed_category_above_the_english_title_is_not_part_of_it(above: str, size: float) -> None:
    lines = [_ln(above, 60, size), _ln("On the Theory of Gender", 90, 12), _ln("LI Si", 110, 10),
             _ln("Abstract: The paper studies gender.", 130, 10)]
    entry = english_beside_header(lines)
    assert entry is not None and entry.title == "On the Theory of Gender"


def test_an_affiliation_wrapped_onto_the_next_line_is_one_affiliation() -> None:
    title = [_ln("一种新方法的研究", 100, 20)]
    lines = title + [_ln("张三1，李四2", 130, 12), _ln("1. 北京大学经济学院，", 146, 9), _ln("北京 100871；", 158, 9),
                     _ln("2. 清华大学公共管理学院，北京 100084", 170, 9), _ln("摘要：一句话。", 190, 9)]
    art = _article(lines, title)
    assert [c.affiliation for c in art.contributors] == ["北京大学经济学院，北京 100871", "清华大学公共管理学院，北京 100084"]


def test_a_circled_byline_mark_points_at_its_affiliation_note_in_any_type_size() -> None:
    title = [_ln("关于“代孕爸爸”事件的生命伦理与法律问题思考", 112, 20.9)]
    lines = title + [_ln("邹涛 ①", 152, 12), _ln("摘要:全球首位“代孕爸爸”的出现。", 187, 9), _ln("正文一行。", 420, 9),
                     _ln("①南京中医药大学人文社会科学部　江苏南京 210046", 751, 9), _ln("②这是另一条注释。", 765, 9)]
    art = _article(lines, title, size=9)
    assert [(c.name.zh, c.affiliation) for c in art.contributors] == [("邹涛", "南京中医药大学人文社会科学部　江苏南京 210046")]


def test_a_title_the_page_facts_missed_is_the_first_run_in_the_largest_chinese_type() -> None:
    lines = [_ln("上一篇文章的结尾。", 80, 10.5), _ln("[1]某某.某书[M].北京:某出版社,2010.", 100, 9),
             _ln("1 引言部分标题", 150, 16), _ln("话语竞争与性别平等理念的传播", 300, 18), _ln("佟新", 330, 14),
             _ln("（北京大学 社会学系，北京 100871）", 350, 10.5), _ln("正文第一行。", 380, 10.5)]
    art = _article(lines, [])
    assert art.title.zh == "话语竞争与性别平等理念的传播"
    assert [(c.name.zh, c.affiliation) for c in art.contributors] == [("佟新", "北京大学 社会学系，北京 100871")]


def test_bare_english_labels_beside_a_chinese_abstract() -> None:
    from parsers.header import extract_labelled
    lines = [_ln("摘要：男男性服务者是新兴群体。", 100), _ln("关键词：性；艾滋病", 115),
             _ln("Abstract Money boys have become a population.", 160), _ln("Key words sexuality; HIV", 175)]
    fields = extract_labelled(lines).fields
    assert fields["abstract_en"] == "Money boys have become a population." and fields["keywords_en"] == "sexuality; HIV"
    # without a Chinese abstract beside it, an English line opening with the word is text
    assert "abstract_en" not in extract_labelled(lines[2:]).fields


def test_a_short_title_line_aligned_with_the_next_is_a_wrapped_title_not_a_column_heading() -> None:
    head = [_ln("改革开放", 57, 17, x0=200)]
    lines = head + [_ln("与中国社会变迁研究", 90, 16, x0=190), _ln("李秋明", 114, 8), _ln("正文。", 223, 8)]
    art = _article(lines, head, size=8)
    assert art.title.zh.startswith("改革开放")


def test_latin_names_under_a_chinese_title_are_no_english_title_and_a_unit_note_needs_an_institution() -> None:
    title = [_ln("中美贸易关系研究", 79, 20.9)]
    lines = title + [_ln("John Smith, Mary Jones", 93, 10.5), _ln("北京大学国际关系学院", 123, 10.5), _ln("正文第一行。", 177, 10.5)]
    assert _article(lines, title).title.en == ""
    assert parse_unit_note("张三") == ("", {})


def test_an_english_block_at_the_end_may_start_at_the_foot_of_the_page_before() -> None:
    title = [_ln("社会语言学视阈下的英语性别语言差异研究", 100, 18)]
    first = title + [_ln("吴东亮", 130, 12), _ln("摘要：语言与性别的关系。", 160, 10.5), _ln("正文。", 200, 10.5)]
    middle = [_ln("正文继续。", 100, 10.5), _ln("[6]Talbot J. Language development[J].Language sciences,2011,33(4):579-583.", 596, 9),
              _ln("Research on Gender Differences in English Language", 629, 14), _ln("WU Dong-liang", 652, 12)]
    last = [_ln("Abstract: The relationship between language and gender.", 60, 10.5), _ln("Key words: English; gender", 80, 10.5)]
    pages = [PageInfo(1, kind="start", body=first, title_lines=title), PageInfo(2, body=middle), PageInfo(3, body=last)]
    art = extract_article("a01", pages, 10.5)
    assert art.title.en == "Research on Gender Differences in English Language"
    assert art.abstract.en == "The relationship between language and gender."


def test_a_keyword_value_that_lost_its_separators_is_cut_by_the_words_of_title_and_abstract() -> None:
    from parsers.article import split_keywords_zh
    context = "变性手术的术中配合与护理 总结变性手术术中配合、护理要点，提高手术配合质量。"
    assert split_keywords_zh("变性手术手术配合护理", context) == ["变性手术", "手术配合", "护理"]
    assert split_keywords_zh("围手术期；药物干预全宫切除", "围手术期药物干预对妇科全宫切除术后的影响") == ["围手术期", "药物干预", "全宫切除"]
    # three keywords or more: separators are there, a long keyword stays whole
    assert split_keywords_zh("马克思主义中国化时代化；理论；实践", "马克思主义 中国化 时代化") == ["马克思主义中国化时代化", "理论", "实践"]
    # a run the context prints whole, or without context: unchanged
    assert split_keywords_zh("人工智能性别伦理", "人工智能性别伦理研究") == ["人工智能性别伦理"]
    assert split_keywords_zh("变性手术手术配合护理") == ["变性手术手术配合护理"]


def test_an_english_subtitle_in_smaller_type_stays_with_the_title() -> None:
    lines = [_ln("[1]张三.乡村治理[M].北京:人民出版社,2020.", 120, 9),
             _ln("On Grassroots Governance in Rural Revitalization", 200, 12), _ln("—Taking Zhejiang Province as an Example", 216, 10.5),
             _ln("WANG Wu1, ZHAO Liu2", 235, 10.5), _ln("(1. School of Public Affairs, Zhejiang University, Hangzhou 310058, China)", 250, 9),
             _ln("Abstract: Rural revitalization needs modern grassroots governance.", 280, 9)]
    entry = english_beside_header(lines)
    assert entry is not None
    assert entry.title == "On Grassroots Governance in Rural Revitalization —Taking Zhejiang Province as an Example"
    assert entry.names == ["WANG Wu", "ZHAO Liu"]


def test_a_labelled_byline_and_a_labelled_unit_under_the_title() -> None:
    title = [_ln("论乡村振兴中的基层治理", 90, 18)]
    lines = title + [_ln("作者：王五，赵六", 135, 12), _ln("单位：浙江大学公共管理学院，浙江 杭州 310058", 150, 9),
                     _ln("摘要：乡村振兴需要基层治理现代化。", 170, 9), _ln("正文。", 250, 10.5)]
    art = _article(lines, title)
    assert [(c.name.zh, c.affiliation) for c in art.contributors] == [("王五", "浙江大学公共管理学院，浙江 杭州"),
                                                                       ("赵六", "浙江大学公共管理学院，浙江 杭州")]


def test_an_english_first_article_keeps_its_chinese_title_byline_and_english_block() -> None:
    title = [_ln("On Grassroots Governance in Rural Revitalization", 90, 16)]
    lines = title + [_ln("WANG Wu, ZHAO Liu", 115, 10.5), _ln("(School of Public Affairs, Zhejiang University, Hangzhou 310058, China)", 130, 9),
                     _ln("Abstract: Rural revitalization needs modern grassroots governance.", 150, 9),
                     _ln("Key words: rural revitalization; grassroots governance", 165, 9),
                     _ln("论乡村振兴中的基层治理", 200, 16), _ln("王五，赵六", 225, 12), _ln("（浙江大学公共管理学院，浙江 杭州 310058）", 240, 9),
                     _ln("摘要：乡村振兴需要基层治理现代化。", 260, 9), _ln("正文。", 320, 10.5)]
    for found in (title, [lines[0], lines[5]]):  # the page facts took the English title, or both
        art = _article(lines, found)
        assert (art.title.zh, art.title.en) == ("论乡村振兴中的基层治理", "On Grassroots Governance in Rural Revitalization")
        assert [(c.name.zh, c.name.en) for c in art.contributors] == [("王五", "WANG Wu"), ("赵六", "ZHAO Liu")]


def test_a_doi_label_without_a_colon_before_the_doi_itself() -> None:
    from parsers.labels import find_labels
    assert [h.field for h in find_labels(["DOI 10.13335/j.1000-3673.pst.2022.1234", "doi 10.1/x"])] == ["doi", "doi"]
    assert find_labels(["the DOI of a paper", "DOI numbers are 10 digits"]) == []


def test_an_english_title_left_on_the_first_page_stops_at_its_names() -> None:
    title = [_ln("论乡村振兴中的基层治理", 90, 18)]
    first = title + [_ln("王五，赵六", 120, 12), _ln("摘要：乡村振兴需要基层治理现代化。", 150, 10.5),
                     _ln("关键词：乡村振兴；基层治理；浙江", 165, 10.5),
                     _ln("On Grassroots Governance in Rural", 700, 14), _ln("Revitalization", 716, 14),
                     _ln("WANG Wu, ZHAO Liu", 735, 10.5)]
    second = [_ln("Abstract: Rural revitalization needs modern grassroots governance.", 60, 10.5),
              _ln("Key words: rural revitalization; grassroots governance", 75, 10.5), _ln("正文。", 120, 10.5)]
    pages = [PageInfo(1, kind="start", body=first, title_lines=title), PageInfo(2, body=second)]
    art = extract_article("a01", pages, 10.5)
    assert art.title.en == "On Grassroots Governance in Rural Revitalization"
    assert [c.name.en for c in art.contributors] == ["WANG Wu", "ZHAO Liu"]


def test_a_column_label_taken_with_the_title_is_dropped_from_it() -> None:
    title = [_ln("【综述】", 60, 14), _ln("性激素免疫调节效应与疾病发生的关系", 96, 19.7)]
    lines = title + [_ln("孙凯　冯琦", 130, 10.3), _ln("正文。", 160, 8.8)]
    assert _article(lines, title, size=8.8).title.zh == "性激素免疫调节效应与疾病发生的关系"


def test_a_hyphen_a_font_reads_as_2_is_a_hyphen_in_english_prose() -> None:
    from parsers.header import join_prose
    assert join_prose(["those new2emerging technologies, mak2", "ing objective analysis"]) == (
        "those new-emerging technologies, making objective analysis")
    # digits that are digits: H2O, b2b, a unit squared at the line end
    assert join_prose(["H2O and b2b cost 30 km2", "in area"]) == "H2O and b2b cost 30 km2 in area"


def test_an_issue_end_section_heading_is_not_part_of_its_first_entry_title() -> None:
    from parsers.english import parse_english_section
    lines = [_ln("English Abstracts", 50, 14), _ln("On the Theory of Gender", 80, 11), _ln("LI Si / 43", 95, 10),
             _ln("Abstract: The paper studies gender.", 110, 10), _ln("Key words: gender; theory", 125, 10)]
    entries = parse_english_section(lines)
    assert [(e.title, e.names, e.page) for e in entries] == [("On the Theory of Gender", ["LI Si"], 43)]


def test_english_names_are_matched_by_pinyin_when_the_bylines_differ_in_length() -> None:
    title = [_ln("中国易性症多学科诊疗专家共识", 101, 19.7)]
    lines = title + [_ln("中国心理卫生协会性心理健康专业委员会", 126, 10.3), _ln("陆峥，刘娜", 142, 10.3),
                     _ln("摘要: 临床实践中尚未形成共识。", 180, 8.8),
                     _ln("Chinese expert consensus on transsexualism", 283, 8.8), _ln("LU Zheng, LIU Na", 297, 8.8),
                     _ln("Abstract: In clinical practice there was no consensus.", 369, 8.8)]
    art = _article(lines, title)
    assert [c.name.en for c in art.contributors] == ["", "LU Zheng", "LIU Na"]


def test_an_unmarked_reference_entry_above_an_english_block_is_not_its_title() -> None:
    lines = [_ln("Zhang, S. (2010). Gender and work. Sociology, 12(3): 45-67.", 600, 10),
             _ln("A Review of 2015-2017 Western Intercultural Research", 629, 10),
             _ln("LI Si", 650, 10), _ln("Abstract: The paper reviews research.", 670, 10)]
    entry = english_beside_header(lines)
    assert entry is not None and entry.title == "A Review of 2015-2017 Western Intercultural Research"


def test_an_english_abstract_running_over_the_page_break_is_carried_on() -> None:
    title = [_ln("论乡村振兴中的基层治理", 90, 18)]
    first = title + [_ln("王五，赵六", 120, 12), _ln("摘要：乡村振兴需要基层治理现代化。", 150, 10.5),
                     _ln("On Grassroots Governance", 600, 14), _ln("WANG Wu, ZHAO Liu", 620, 10.5),
                     _ln("Abstract: Rural revitalization needs modern grass-", 760, 10.5)]
    second = [_ln("roots governance in every village.", 60, 10.5),
              _ln("Key words: rural revitalization; grassroots governance", 75, 10.5), _ln("正文。", 120, 10.5)]
    pages = [PageInfo(1, kind="start", body=first, title_lines=title), PageInfo(2, body=second)]
    art = extract_article("a01", pages, 10.5)
    assert art.abstract.en == "Rural revitalization needs modern grassroots governance in every village."
    assert art.keywords.en == ["rural revitalization", "grassroots governance"]


def test_a_chinese_title_mostly_in_latin_letters_is_still_the_chinese_title() -> None:
    title = [_ln("ChatGPT与AIGC研究", 90, 18)]
    lines = title + [_ln("王五，赵六", 120, 12), _ln("摘要：本文研究生成式人工智能。", 150, 10.5), _ln("正文。", 200, 10.5)]
    assert _article(lines, title).title.zh == "ChatGPT与AIGC研究"


def test_a_numbered_unit_note_answers_the_byline_marks() -> None:
    title = [_ln("论乡村振兴中的基层治理", 90, 18)]
    lines = title + [_ln("王五1，赵六2", 120, 12), _ln("摘要：乡村振兴需要基层治理现代化。", 150, 10.5), _ln("正文。", 200, 10.5),
                     _ln("作者单位：1. 北京大学经济学院，北京 100871；2. 清华大学公共管理学院，北京 100084", 760, 8)]
    art = _article(lines, title)
    assert [c.affiliation for c in art.contributors] == ["北京大学经济学院，北京 100871", "清华大学公共管理学院，北京 100084"]


def test_a_title_line_ending_on_a_preposition_goes_on_over_a_name_like_line() -> None:
    # "… of Male to" cannot end an English title: "Female Transsexuals" is its last line, not
    # a byline, though it is shaped like two names and set in the byline's size
    lines = [_ln("Clitoris Reconstruction with Sexual Sensibility in the Surgical Treatment of Male to", 300, 9.0),
             _ln("Female Transsexuals", 316, 9.0), _ln("CHEN Huan-ran, CHEN Zong-ji", 332, 9.0),
             _ln("(Plastic Surgery Hospital, Chinese Academy of Medical Sciences, Beijing 100041)", 348, 8.0),
             _ln("Abstract: Objective To study a new method.", 380, 9.0), _ln("Key words: clitoris; sensibility", 400, 9.0)]
    entry = english_beside_header(lines)
    assert entry is not None
    assert entry.title.endswith("of Male to Female Transsexuals")
    assert entry.names == ["CHEN Huan-ran", "CHEN Zong-ji"]
    # a title that ends on a noun keeps a name line under it as the byline
    lines[0] = _ln("Clitoris Reconstruction in the Surgical Treatment of Transsexuals", 300, 9.0)
    lines[1] = _ln("Huanran Chen, Zongji Chen", 316, 9.0)
    entry = english_beside_header([lines[0], lines[1]] + lines[3:])
    assert entry is not None and entry.names == ["Huanran Chen", "Zongji Chen"]
