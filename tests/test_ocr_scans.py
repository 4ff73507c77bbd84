"""What a scanned journal page shows OCR, fixed on boxes (no engine): the detector's boxes
across a two-column page's gutter (parsers.ocr.split_at_gutter) and the recogniser's
readings of labels, DOIs and byline marks (parsers.ocr_text.repair). Each case is the
printing or OCR convention the rule encodes, drawn as the boxes PP-OCR returns."""
from __future__ import annotations

from parsers.ocr import OcrBox, join_toc_leaders, lines_from_boxes, restore_subtitle_dash, split_at_gutter
from parsers.ocr_text import repair

WIDTH, HEIGHT = 500.0, 720.0
PITCH = 8.7  # a 9 pt body: a column of 23 ideographs, 43..244 pt; the right one 261..462 pt


def _full_line(side: str, k: int) -> str:
    """23 ideographs: a justified line filling its column."""
    return (side + "栏正文第" + "一二三四五六七八九十"[k] + "行的文字内容在这里排满了一整行之中")[:23]


def _two_columns(rows: int = 8, top: float = 300.0) -> list[OcrBox]:
    """A two-column body: each row a left-column line and a right-column line."""
    boxes = []
    for k in range(rows):
        y = top + 13.4 * k
        boxes.append(OcrBox(_full_line("左", k), 43.2, y, 244.5, y + 8.8, 0.99))
        boxes.append(OcrBox(_full_line("右", k), 261.6, y, 462.9, y + 8.8, 0.99))
    return boxes


def test_a_box_run_across_the_gutter_is_cut_where_the_left_column_ends() -> None:
    boxes = _two_columns()
    # a full left line (23 ideographs) and the right column's line joined by the detector
    boxes.append(OcrBox("临床护理工作中常常遇到的护理问题从循证护理的角除患胃肠道疾病而未治愈者。", 43.2, 420.0, 371.0, 428.8, 0.99))
    out = split_at_gutter(boxes, WIDTH)
    cut = [b for b in out if 419 < b.y0 < 421]
    assert [b.text for b in cut] == ["临床护理工作中常常遇到的护理问题从循证护理的角", "除患胃肠道疾病而未治愈者。"]
    assert cut[0].x1 <= 244.5 and cut[1].x0 >= 261.6


def test_a_box_cut_at_the_space_the_engine_read_in_the_gutter() -> None:
    boxes = _two_columns()
    # a short heading on the left, a right-column line: the engine printed the gap as a space
    boxes.append(OcrBox("一、引言　字经济新优势，加快数字社会建设步伐，提高数字", 43.2, 420.0, 462.9, 428.8, 0.99))
    cut = [b for b in split_at_gutter(boxes, WIDTH) if 419 < b.y0 < 421]
    assert [b.text for b in cut] == ["一、引言", "字经济新优势，加快数字社会建设步伐，提高数字"]


def test_a_left_box_grown_over_the_gutter_ends_at_its_column_and_the_lines_keep_columns() -> None:
    boxes = _two_columns()
    # the detector's margin reaches the right column's first character: the boxes touch
    boxes.append(OcrBox("角度出发，积极寻找促进术后患者胃肠功能早日恢复，", 43.2, 420.0, 259.5, 428.8, 0.99))
    boxes.append(OcrBox("病例分组按完全随机分组分为三组，试验前画好随机", 260.6, 420.0, 462.9, 428.8, 0.99))
    texts = [ln.text for ln in lines_from_boxes(boxes, WIDTH, HEIGHT)]
    assert "角度出发，积极寻找促进术后患者胃肠功能早日恢复，" in texts
    assert texts.index("角度出发，积极寻找促进术后患者胃肠功能早日恢复，") < texts.index(_full_line("右", 0))


def test_full_width_lines_and_one_column_front_matter_are_not_cut() -> None:
    boxes = _two_columns()
    # a full-width abstract line in smaller type above the columns fills its width
    abstract = OcrBox("摘要：" + "数字时代悄然来临数字中国建设成为国家战略" * 3, 43.2, 200.0, 462.9, 208.0, 0.99)
    # a one-column affiliation line far above the columns, whose space happens to sit at the gutter
    unit = OcrBox("①北京大学大数据分析与应用技术国家工程 北京 100871", 43.2, 120.0, 320.0, 128.8, 0.99)
    out = split_at_gutter(boxes + [abstract, unit], WIDTH)
    assert abstract in out and unit in out


def test_labels_dois_and_byline_marks_as_the_recogniser_reads_them() -> None:
    # a bracketed GB/T 7713.2 label whose closing bracket is read as a corner bracket
    assert repair("[摘 要」性别选择权") == "［摘 要］性别选择权"
    # DOI read as DO1, and the gaps after a DOI's dots; a space left inside it is its lost dot
    assert repair("[DO1]10. 16164/j. cnki 22-1062/c. 2018. 02. 002") == "[DOI]10.16164/j.cnki.22-1062/c.2018.02.002"
    # a label's closing bracket lost; a label in a real pair of brackets stays as printed
    assert repair("【摘 要 语言与性别之间") == "【摘 要】语言与性别之间"
    assert repair("【关键词】围手术期") == "【关键词】围手术期"
    # half-width punctuation between ideographs is the full-width mark (GB/T 15834)
    assert repair("算力资源,考虑了") == "算力资源，考虑了" and repair("2020,13(3):331") == "2020,13(3):331"
    # a parenthesis pair of mixed widths is the full-width pair; a half-width pair stays
    assert repair("（浙江省淳安县第一人民医院 淳安 311700)") == "（浙江省淳安县第一人民医院 淳安 311700）"
    assert repair("2004，13(3):331") == "2004，13(3):331"
    # the next numbered unit run onto a unit's six-digit postcode
    assert repair("1. 河北省保定市世纪协和医院 保定 0710002. 河北省阜平县中医院 保定 073200") == \
        "1. 河北省保定市世纪协和医院 保定 071000 2. 河北省阜平县中医院 保定 073200"
    assert repair("样本量为1234567.5人") == "样本量为1234567.5人"
    # an article number's last hyphen lost; a capitalised word run into the next one
    assert repair("文章编号：1005-3220(2022)S0-000115") == "文章编号：1005-3220(2022)S0-0001-15"
    assert repair("1005-3220(2022)S0-0001-15") == "1005-3220(2022)S0-0001-15"
    assert repair("Professional Committeeon Psychosexual Health") == "Professional Committee on Psychosexual Health"
    assert repair("Fu Xiaoxing, Ma Tiecheng, Zhang Hongke") == "Fu Xiaoxing, Ma Tiecheng, Zhang Hongke"
    # a host name's gaps after its dots
    assert repair("transonline. org. cn/kexl-counseling.") == "transonline.org.cn/kexl-counseling."
    assert repair("He was done. Then they") == "He was done. Then they"
    assert repair("doi: 10.1016/j.x.2020.01.003 Received 2020") == "doi: 10.1016/j.x.2020.01.003 Received 2020"
    # raised unit marks read as ? and " after a name; prose keeps its question mark
    assert repair('王娟 张一 李由君? 宋洁①③ 张平文"①④') == "王娟 张一 李由君 宋洁①③ 张平文①④"
    assert repair("是什么? 我们认为这是一个问题") == "是什么? 我们认为这是一个问题"
    # a raised mark read as an apostrophe after a hyphenated pinyin given name (GB/T 28039)
    assert repair("LIU Yun-sheng', WU Zhao-jun") == "LIU Yun-sheng, WU Zhao-jun"
    # a closing note in brackets read half-width; reference numbers and type codes stay
    assert repair("[责任编辑：秦卫波]") == "［责任编辑：秦卫波］"
    assert repair("[26] [古罗马]盖尤斯") == "[26] [古罗马]盖尤斯"


def test_a_centred_subtitle_gets_the_dash_the_detector_did_not_box() -> None:
    title = OcrBox("性网络、艾滋风险", 196.2, 194.9, 399.5, 218.5, 0.99)  # the title's last line: 25 pt, centred on 298
    # the printed line "——以东北地区为例" is centred too; its box starts after the dash
    sub = OcrBox("以东北地区为例", 253.0, 228.0, 367.0, 243.0, 0.99)
    centred = OcrBox("兼论性别规范概念", 250.0, 250.0, 346.0, 262.0, 0.99)  # centred, no dash
    body = [OcrBox("正文第%d行的文字内容在这里排满了一整行之中" % k, 72.0, 300.0 + 15 * k, 524.0, 310.0 + 15 * k, 0.99)
            for k in range(3)]
    out = restore_subtitle_dash([title, sub] + body)
    assert out[1].text == "——以东北地区为例" and out[1].x0 < sub.x0
    assert restore_subtitle_dash([title, centred] + body)[1] == centred


def test_contents_entries_join_their_author_and_page_number_again() -> None:
    entries = [("变与不变：战后国际秩序的现状与未来", "贾庆国（1）"), ("均势律与中和律：大国政治的逻辑", "赵可金（8）"),
               ("位置竞争与中美关系", "宋 伟（14）"), ("动荡变革期地缘政治的回潮与流变趋势", "宋德星（20）")]
    boxes = []
    for k, (title, right) in enumerate(entries):
        y = 350.0 + 18 * k
        boxes.append(OcrBox(title, 86.0, y, 86.0 + 10.3 * len(title), y + 10.5, 0.97))
        boxes.append(OcrBox(right, 364.0, y, 431.5, y + 10.5, 0.95))
    texts = [b.text for b in join_toc_leaders(boxes)]
    assert texts == [f"{t}……{r}" for t, r in entries]
    # a table's row labels and right-aligned figures are no contents page
    table = []
    for k in range(5):
        y = 350.0 + 18 * k
        table += [OcrBox("类风湿性关节炎组", 86.0, y, 170.0, y + 10.5, 0.97), OcrBox(f"{80 + k}.5", 400.0, y, 431.5, y + 10.5, 0.97)]
    assert join_toc_leaders(table) == table


def test_what_ocr_reads_is_flagged_where_its_shape_or_length_calls_for_a_check() -> None:
    from parsers.confidence import PageEvidence
    from tests.test_confidence import clean_article, flags

    def read_by_ocr(art) -> PageEvidence:
        lines = [(art.title.zh, 0.99), (art.title.en.replace(" ", ""), 0.99), (art.contributors[0].name.zh, 0.99),
                 (art.abstract.zh, 0.99), (art.abstract.en.replace(" ", ""), 0.99)]
        return PageEvidence(ocr_lines=lines)

    art = clean_article()
    found = flags(art, read_by_ocr(art))
    # a long abstract is checked however sure the engine was of its lines; a title is not
    assert {"abstract.zh", "abstract.en"} <= found and "title.zh" not in found and "title.en" not in found
    # a gap between two ideographs (a dropped character), an English title ending on "and"
    art = clean_article()
    art.title.zh, art.title.en = "日本与北约 系的新发展", "New Developments in Japan-NATO Relations and"
    found = flags(art, read_by_ocr(art))
    assert {"title.zh", "title.en"} <= found


def test_an_english_title_line_ending_on_and_goes_on_whatever_size_ocr_measured() -> None:
    from parsers.english import _title_and_names_above
    from parsers.textlayer import Line

    def line(text: str, y: float, size: float) -> Line:
        return Line(text, 70.0, 520.0, y, size, invisible=True, confidence=0.98)

    lines = [line("Research on heterogeneous identifier namespace management and", 338.0, 16.5),
             line("control architecture in polymorphic network environment", 355.0, 12.7),  # the same 16 pt type
             line("GAO Shuai, HOU Xindi, LIU Ningchun, ZHANG Hongke", 387.0, 10.7),
             line("School of Electronic and Information Engineering, Beijing Jiaotong University, Beijing 100044, China", 401.0, 6.9),
             line("Abstract: Aiming at the interoperability and conversion problem of heterogeneous identifiers", 426.0, 8.4)]
    title, names, _ = _title_and_names_above(lines, 4)
    assert title == ("Research on heterogeneous identifier namespace management and control architecture in "
                     "polymorphic network environment")
    assert len(names) == 4


def test_a_dated_running_head_read_by_ocr_counts_as_masthead_within_its_size_wander() -> None:
    from parsers.masthead import _box_line
    from parsers.textlayer import Line

    head = "中华护理杂志2002年6月第37卷第6 期"
    # the body measured 9.0 pt, the head (printed no larger) 9.8 pt from its OCR box
    assert _box_line(Line(head, 388.0, 549.0, 59.8, 9.8, invisible=True, confidence=0.99), 94.0, 9.0)
    # a text layer's sizes are the fonts': a dated line in larger type there is no masthead
    assert not _box_line(Line(head, 388.0, 549.0, 59.8, 9.8), 94.0, 9.0)
