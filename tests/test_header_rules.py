"""Header-field rules learnt from OCR'd and VIP/CNKI pages."""
from __future__ import annotations

from parsers.citations import join_lines
from parsers.header import extract_labelled
from parsers.pages import split_edges
from parsers.textlayer import Line, PageText


def _ln(text: str, y: float, size: float = 7.5, x0: float = 65.0) -> Line:
    return Line(text=text, x0=x0, x1=x0 + 300, y=y, size=size)


def test_a_soft_hyphen_at_a_line_end_joins_the_word() -> None:
    assert join_lines("deposition inten\u00ad", "sity；Three Gorges") == "deposition intensity；Three Gorges"
    assert join_lines("deposition", "intensity") == "deposition intensity"


def test_an_abstract_with_uneven_ocr_leading_is_read_to_its_end() -> None:
    lines = [_ln("摘要：第一行文字，", 318), _ln("第二行文字，", 334), _ln("第三行文字，", 348),
             _ln("第四行，行距略大。", 365.3), _ln("第五行结束。", 381), _ln("关键词：甲；乙", 427)]
    header = extract_labelled(lines)
    assert header.fields["abstract_zh"].endswith("第五行结束。")
    assert header.fields["keywords_zh"] == "甲；乙"
    # a real gap (a new block) still ends the value
    far = lines[:3] + [_ln("远处的另一段。", 420)]
    assert "远处" not in extract_labelled(far).fields["abstract_zh"]


def test_labelled_lines_in_the_margins_are_header_fields_not_running_heads() -> None:
    lines = [_ln("第53卷第5期人民长江 Vol. 53, No. 5", 20, 8.5), _ln("文章编号：1001-4179(2022)05-0007-07", 59, 8.5)]
    lines += [_ln(f"正文第{k}行。", 120 + 17 * k, 10) for k in range(38)]
    lines += [_ln("收稿日期：2021-06-17", 800, 8.5)]
    body, heads, _ = split_edges(PageText(1, 595, 842, None, lines), 10.0)
    assert [h.text for h in heads] == ["第53卷第5期人民长江 Vol. 53, No. 5"]
    assert any(b.text.startswith("文章编号") for b in body) and any(b.text.startswith("收稿日期") for b in body)


def test_a_line_broken_after_a_slash_joins_tight() -> None:
    assert join_lines("国务院关于印发行动方案的通知[EB/", "OL].(2021-10-24)") == "国务院关于印发行动方案的通知[EB/OL].(2021-10-24)"
    assert join_lines("either a /", "b") == "either a / b"


def test_cjk_latin_spacing_without_a_space_glyph_is_not_a_space() -> None:
    from parsers.textlayer import _join
    def piece(x0: float, x1: float, text: str) -> list:
        return [x0, x1, 100.0, 10.0, "F", text, False, 0.15]
    pieces = [piece(0, 40, "本文利用两期"), piece(42.5, 62, "CGSS"), piece(64.5, 100, "的调查数据")]
    assert _join(pieces, 10.0) == ["", "", ""]                        # 0.25 em autospace: dropped
    assert _join(pieces, 10.0, [(40.2, 42.3)]) == ["", " ", ""]         # a space glyph drawn there: kept
    wide = [piece(0, 40, "电网技术"), piece(52, 80, "Vol. 47")]
    assert _join(wide, 10.0) == ["", " "]                             # a wide gap still separates


def _stacked(*texts: str, size: float = 10.5) -> list[Line]:
    """Lines set one under the other at even leading: no gap tells where a field ends."""
    return [_ln(t, 100 + 1.6 * size * k, size) for k, t in enumerate(texts)]


def test_the_english_blocks_code_line_is_three_fields_not_more_keywords() -> None:
    header = extract_labelled(_stacked(
        "Key words: digital economy; innovation efficiency;",
        "panel data",
        "CLC number: F124  Document code: A  Article ID: 1000-0000(2023)01-0001-10",
        "Foundation item: National Social Science Fund of China (20BJL001)",
        "Biography: ZHANG San (1980-), male, professor."))
    assert header.fields["keywords_en"] == "digital economy; innovation efficiency; panel data"
    assert header.fields["clc"] == "F124"
    assert header.fields["doc_code"] == "A"
    assert header.fields["article_no"] == "1000-0000(2023)01-0001-10"
    assert header.fields["funding"] == "National Social Science Fund of China (20BJL001)"
    assert header.fields["bio"] == "ZHANG San (1980-), male, professor."


def test_a_named_section_heading_ends_a_field_even_without_a_gap() -> None:
    for heading in ("0 引言", "一、引言", "1. Introduction", "INTRODUCTION", "引 言"):
        header = extract_labelled(_stacked("关键词：数字经济；创新效率；", "面板数据", heading, "正文第一段。"))
        assert header.fields["keywords_zh"] == "数字经济；创新效率；面板数据", heading
    # a numbered line that names no section is the value going on
    header = extract_labelled(_stacked("Abstract: Data from", "12 Chinese provinces show a rise.", "Key words: a; b"))
    assert header.fields["abstract_en"] == "Data from 12 Chinese provinces show a rise."


def test_english_code_labels_need_their_colon() -> None:
    header = extract_labelled(_stacked("Abstract: We map the CLC number system and the Article ID scheme", "of libraries."))
    assert header.fields == {"abstract_en": "We map the CLC number system and the Article ID scheme of libraries."}


def test_an_ocr_layer_with_one_em_glyphs_is_spaced_by_its_space_glyphs_only() -> None:
    """OCR text layers place every glyph on its own, each one em wide (no usable widths): the
    boxes overlap, so gaps say nothing; the space glyphs the OCR engine drew are the words."""
    from parsers.textlayer import _join
    size = 7.44
    word = "Journal of Sim ulation"  # the OCR's glyph positions ("Sim" and "ulation" 9 pt apart)
    xs = [217, 222, 227, 233, 238, 244, 248, None, 254, 259, None, 300, 305, 308, None, 317, 322, 326, 330, 334, 337, 342]
    pieces = []
    for ch, x in zip(word, xs):
        if ch == " ":
            continue
        pieces.append([float(x), x + size, 100.0, size, "F0", ch, False, 0.15])
    spaces = [(251.0, 251.0 + size), (263.0, 263.0 + size)]  # drawn after "Journal" and "of" only
    text = "".join(sep + p[5] for sep, p in zip(_join(pieces, size, spaces), pieces))
    assert text == "Journal of Simulation"
    # glyphs with real widths keep the gap rule: no space glyph, a word gap is still a space
    real = [[0.0, 20.0, 100.0, 10.0, "F", "Data", False, 0.15], [23.0, 40.0, 100.0, 10.0, "F", "from", False, 0.15]]
    assert _join(real, 10.0, []) == ["", " "]


def test_an_ocr_layers_wandering_type_sizes_do_not_end_a_field() -> None:
    sizes = [6.5, 6.5, 8.2, 6.5, 8.4, 8.2]  # doc24's English abstract, line by line
    def ocr(text: str, y: float, size: float, invisible: bool = True) -> Line:
        return Line(text=text, x0=64.0, x1=480.0, y=y, size=size, invisible=invisible)
    texts = ["Abstract: The 3D visualization", "of sediment simulation", "can not only improve",
             "the presentation", "of the process", "as well as river regulation."]
    lines = [ocr(t, 310.8 + 11.5 * k, sz) for k, (t, sz) in enumerate(zip(texts, sizes))]
    assert extract_labelled(lines).fields["abstract_en"].endswith("as well as river regulation.")
    # printed (visible) text keeps the strict rule: another type size is another block
    printed = [ocr(t, 310.8 + 11.5 * k, sz, invisible=False) for k, (t, sz) in enumerate(zip(texts, sizes))]
    assert extract_labelled(printed).fields["abstract_en"] == "The 3D visualization of sediment simulation"


def _first_page(rows: list[tuple[str, float]]):
    """An article of one page from (text, size) rows set down the page."""
    from parsers.article import extract_article
    from parsers.pages import classify
    lines, y = [], 60.0
    for text, size in rows:
        lines.append(Line(text=text, x0=60.0, x1=min(535.0, 60.0 + size * len(text)), y=y, size=size))
        y += 1.6 * size
    return extract_article("a01", [classify(PageText(1, 595, 842, None, lines), 10.5)], 10.5)


_BODY = [("一、引言", 12.0)] + [("正文文字，用于测试的一整行正文，长度接近版心。", 10.5)] * 12


def test_a_subtitle_under_the_title_is_part_of_it() -> None:
    art = _first_page([("数字经济与共同富裕", 18.0), ("——基于2010—2020年省级面板数据的分析", 14.0), ("张三", 12.0),
                       ("摘要：数字经济为共同富裕提供了新动能。", 9.0), ("关键词：数字经济；共同富裕", 9.0)] + _BODY)
    assert art.title.zh == "数字经济与共同富裕——基于2010—2020年省级面板数据的分析"
    assert [c.name.zh for c in art.contributors] == ["张三"]


def test_affiliations_in_brackets_after_each_name_in_the_byline() -> None:
    art = _first_page([("数字经济与共同富裕", 18.0),
                       ("张三（北京大学 经济学院，北京 100871）  李四（清华大学 公共管理学院，北京 100084）", 11.0),
                       ("摘要：数字经济为共同富裕提供了新动能。", 9.0), ("关键词：数字经济；共同富裕", 9.0)] + _BODY)
    assert [(c.name.zh, c.affiliation) for c in art.contributors] == [
        ("张三", "北京大学 经济学院，北京 100871"), ("李四", "清华大学 公共管理学院，北京 100084")]


def test_a_funding_sentence_in_the_bio_note_is_funding_not_bio() -> None:
    art = _first_page([("数字经济与共同富裕", 18.0), ("张三", 12.0),
                       ("摘要：数字经济为共同富裕提供了新动能。", 9.0), ("关键词：数字经济；共同富裕", 9.0)] + _BODY
                      + [("作者简介：张三，北京大学经济学院教授。本文系国家社会科学基金重大项目“数字经济与共同富裕”"
                          "（21&ZD001）的阶段性成果。", 9.0)])
    assert art.contributors[0].bio == "张三，北京大学经济学院教授"
    assert art.funding == "本文系国家社会科学基金重大项目“数字经济与共同富裕”（21&ZD001）的阶段性成果。"


def test_ocr_confusions_in_latin_text_are_repaired_on_ocr_layers_only() -> None:
    from parsers.textlayer import _ocr_letters
    assert _ocr_letters("Research on 3D VisualizatiOn of sedim") == "Research on 3D Visualization of sedim"
    assert _ocr_letters("visualizati0n, he1pful, 2010") == "visualization, helpful, 2010"
    assert _ocr_letters("Songxin Shi，Xiuzi Ye，Yin Zhang.Real—time simulation") == \
        "Songxin Shi, Xiuzi Ye, Yin Zhang. Real-time simulation"
    # Chinese text, capitals and numbers of their own are left alone
    assert _ocr_letters("中国，北京") == "中国，北京"
    assert _ocr_letters("iOS, NATO, U.S.A., 10.1000/Xyz, e.g.Pretty") == "iOS, NATO, U.S.A., 10.1000/Xyz, e.g.Pretty"
