"""Text-layer repairs for common PDF exports, on small synthetic inputs: full-width Latin drawn
glyph by glyph, Founder/CNKI pseudo-punctuation (Yi syllables, 摇 鄄 冶 爷 野), private-use
decimal points and hyphens, glyph-name garbage and unreadable pages."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from parsers.errors import IngestError, UnreadableText
from parsers.fonts import _glyph_text, page_quirks, repair_quirks, unmapped_count
from parsers.textlayer import _TIMES, Line, PageText, _build_lines, _compose_accents, _check_some_page_readable, _join, _judge_readability

FONT = SimpleNamespace(name="DY1", founder=False, word_gap=0.15)
CJK = SimpleNamespace(name="FZSS", founder=False, word_gap=0.15)


def _glyphs(text: str, advances: dict[str, float], x: float = 50.0, size: float = 10.0, gap: float = 0.4,
            font: SimpleNamespace = FONT, y: float = 700.0) -> list[list]:
    """Raw walker pieces for `text` drawn one full-width glyph at a time (each box one em wide),
    each placed at its real advance; a space is a gap of `gap` em with no glyph."""
    raw = []
    for ch in text:
        if ch == " ":
            x += gap * size
            continue
        fw = chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch
        raw.append([x, x + size, y, size, font, fw, False])
        x += advances.get(ch, _TIMES.get(ch, 500) / 1000 + 0.02) * size  # Times-like, a little tracking
    return raw


def _texts(raw: list[list]) -> list[str]:
    return [ln.text for ln in _build_lines(raw, 595.0, 842.0, 0.0, 842.0)]


# ---------------------------------------------------------------- full-width Latin glyph by glyph
def test_fullwidth_latin_drawn_glyph_by_glyph_gets_its_word_spaces() -> None:
    """CNKI's DY fonts draw English as full-width letters, one em box each but placed at the
    real advance: the boxes overlap, so the word gaps only show once the advances are learned."""
    raw = _glyphs("The right of gender choice is the right of the person to change", {})
    assert _texts(raw) == ["The right of gender choice is the right of the person to change"]


def test_fullwidth_letters_without_word_gaps_stay_one_word() -> None:
    raw = _glyphs("Inorderto", {}, gap=0.0)
    assert _texts(raw) == ["Inorderto"]


def test_fullwidth_digits_inside_chinese_keep_the_cjk_rule() -> None:
    """Full-width digits next to ideographs are set in CJK cells: no space from a gap there."""
    p = lambda x0, x1, t: [x0, x1, 100.0, 10.0, "F", t, False, 0.22]  # noqa: E731
    pieces = [p(0, 10, "（"), p(10, 20, "２"), p(16, 26, "０"), p(22, 32, "０"), p(28, 38, "５"), p(41, 51, "—")]
    assert _join(pieces, 10.0) == ["", "", "", "", "", ""]


def test_fullwidth_hyphen_cell_is_not_a_word_space() -> None:
    """A full-width hyphen sits in a cell wider than its ink: 1001－6201 stays one token."""
    p = lambda x0, x1, t: [x0, x1, 100.0, 10.0, "F", t, False, 0.22]  # noqa: E731
    pieces = [p(0, 5.4, "１"), p(8.1, 16.3, "－"), p(16.3, 21.7, "６")]
    assert _join(pieces, 10.0) == ["", "", ""]
    # a half-em gap beside it is still a space
    pieces = [p(0, 5.4, "ｘ"), p(12.0, 15.0, "－"), p(21.0, 26.0, "ｙ")]
    assert _join(pieces, 10.0) == ["", " ", " "]


def test_a_letter_that_only_ever_ends_a_word_is_not_learned_with_the_space() -> None:
    """'f' seen only in "of" learns the word space into its advance; Times-Roman caps it."""
    raw = _glyphs("of Gender of Its of Legal", {"f": 0.33}, gap=0.35)
    assert _texts(raw) == ["of Gender of Its of Legal"]


# ---------------------------------------------------------------- Founder / CNKI pseudo punctuation
def test_yi_syllables_for_gbk_punctuation_among_chinese_are_punctuation() -> None:
    page = "研究ꎬ结果表明ꎻ本文ꎺ数据"
    q = page_quirks(page)
    assert q == {"yi"}
    assert repair_quirks(page, q) == "研究，结果表明；本文：数据"
    # in layout: the pieces are decoded before the line is joined
    raw = _glyphs("研究ꎬ结果", {}, font=CJK)
    for p in raw:
        p[1] = p[0] + 10.0
    assert _texts(raw) == ["研究，结果"]


def test_real_yi_text_is_left_alone() -> None:
    yi = "ꆈꌠꁱꂷꀉꂿꄯꒉꐥꇩꃅꄀꎭꌋ"  # Yi syllables from all over the block, no Han
    assert page_quirks(yi) == frozenset()
    assert repair_quirks(yi, page_quirks(yi)) == yi
    mixed = "彝文 ꆈꌠ ꁱꂷ ꀉꂿ ꄯꒉ ꐥꇩ"  # Han around, but the Yi is not in the punctuation rows
    assert "yi" not in page_quirks(mixed)


def test_founder_yao_is_a_space_only_where_the_page_shows_the_quirk() -> None:
    page = "Vol.摇12摇No.3\n摘摇要：本文动摇了摇摇欲坠的结论"
    q = page_quirks(page)
    assert q == {"founder"}
    out = repair_quirks(page, q)
    assert out.startswith("Vol.\u300012\u3000No.3")
    assert "摘\u3000要" in out and "动摇了摇摇欲坠" in out  # words with the real 摇 kept
    # a page without the evidence keeps every 摇
    plain = "又动摇了传统性别伦理的现实基础"
    assert page_quirks(plain) == frozenset() and repair_quirks(plain) == plain


def test_founder_quotes_and_apostrophe_after_evidence() -> None:
    page = "the world爷s first 野surrogate father冶 and 野代孕爸爸冶"
    q = page_quirks(page)
    assert "founder" in q
    assert repair_quirks(page, q) == "the world\u2019s first \u201csurrogate father\u201d and \u201c代孕爸爸\u201d"
    assert repair_quirks("冶金工业与野生动物", q) == "冶金工业与野生动物"


def test_founder_line_break_hyphens() -> None:
    assert repair_quirks("Co鄄Innovation and http://www.a鄄") == "Co-Innovation and http://www.a\u00ad"
    assert repair_quirks("postoperative psycho\ue011") == "postoperative psycho\u00ad"
    assert repair_quirks("ｐｓｙｃｈｏ\ue011") == "ｐｓｙｃｈｏ\u00ad"
    assert repair_quirks("the circle of ques\u2043") == "the circle of ques\u00ad"
    assert repair_quirks("山东鄄城") == "山东鄄城"  # the place name
    assert repair_quirks("a \u2043 bullet") == "a \u2043 bullet"


def test_a_soft_line_break_hyphen_is_dropped_when_lines_join() -> None:
    from parsers.joining import join_lines
    lines = [repair_quirks("the circle of ques\u2043"), "tions is wide"]
    assert join_lines(lines) == "the circle of questions is wide"


def test_private_use_decimal_point_and_middle_dot_by_context() -> None:
    assert repair_quirks("P\ue0100.05，3\U001001b014") == "P\ue0100.05，3.14"
    assert repair_quirks("均值为3\ue0105") == "均值为3.5"
    assert repair_quirks("朱迪斯\U00100170巴特勒") == "朱迪斯·巴特勒"
    # unknown private-use characters stay, and are counted
    assert repair_quirks("男\ue03b女") == "男\ue03b女"
    assert unmapped_count("男\ue03b女\ufffd\x00") == 3


# ---------------------------------------------------------------- unreadable text layers
def test_unresolved_glyph_names_are_not_text() -> None:
    assert _glyph_text("/G21") == "\ufffd" and _glyph_text("/cid00012") == "\ufffd"
    assert _glyph_text("/uni4E00") == "一" and _glyph_text("/quoteright") == "\u2019"
    assert _glyph_text("/") == "/" and _glyph_text("a") == "a"


def _line(text: str, y: float = 100.0) -> Line:
    return Line(text=text, x0=50.0, x1=300.0, y=y, size=10.0)


def test_a_page_of_glyph_names_or_private_use_is_unreadable_and_empty() -> None:
    for garbage in ("/G21/G22/G23/G24 /G25/G26/G27", "\ue001\ue002\ue003\ue004\ue005\ue006 \ue007\ue008\ue009\ue00a",
                    "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10"):
        page = PageText(1, 595, 842, None, [_line(garbage), _line("12", 800)])
        _judge_readability(page)
        assert page.unreadable and page.lines == [] and len(page.unreadable_lines) == 2


def test_a_readable_page_drops_only_its_garbage_lines() -> None:
    page = PageText(1, 595, 842, None, [_line("再分配与幸福感阶层差异的变迁（2005—2013）"), _line("\ufffd\ufffd\ufffd\ufffd\ufffd", 120),
                                         _line("范 \ue40a", 140), _line("正文第一段，说明研究的问题与方法。", 160)])
    _judge_readability(page)
    assert not page.unreadable
    assert [ln.text for ln in page.lines] == ["再分配与幸福感阶层差异的变迁（2005—2013）", "范 \ue40a", "正文第一段，说明研究的问题与方法。"]
    assert page.unmapped == 6


def test_no_readable_page_is_one_line_input_error() -> None:
    bad = PageText(1, 595, 842, None, [], unreadable="glyph names instead of letters")
    blank = PageText(2, 595, 842, None, [])
    with pytest.raises(UnreadableText) as e:
        _check_some_page_readable("issue.pdf", [bad, blank])
    assert isinstance(e.value, IngestError) and e.value.exit_code == 2
    msg = str(e.value)
    assert msg.startswith("issue.pdf: unreadable text layer: glyph names instead of letters") and "\n" not in msg
    # one readable page is enough: the document is read, the bad page stays empty
    good = PageText(3, 595, 842, None, [_line("正文第一段，说明研究的问题与方法。")])
    _check_some_page_readable("issue.pdf", [bad, good])


# ---------------------------------------------------------------- a long dash drawn in pieces
def test_a_two_em_dash_drawn_as_three_overlapping_glyphs_is_two_dashes() -> None:
    from parsers.textlayer import _dash_rule
    size = 13.68
    p = lambda x0, t, w=size: [x0, x0 + w, 100.0, size, "F", t, False, 0.15]  # noqa: E731
    line = [p(90.0, "网"), p(103.61, "—"), p(110.61, "—"), p(117.60, "—"), p(131.56, "读", 4 * size)]
    _dash_rule(line)
    assert "".join(q[5] for q in line) == "网——读"
    # the last glyph may carry the text after it
    line = [p(0.0, "—"), p(5.2, "—"), p(10.5, "—“", 2 * size)]
    _dash_rule(line)
    assert [q[5] for q in line] == ["——“"]
    # two dashes side by side (not overlapping) are left as drawn
    line = [p(0.0, "—"), p(size, "—"), p(2 * size, "—")]
    _dash_rule(line)
    assert [q[5] for q in line] == ["—", "—", "—"]


def test_a_bracketed_label_after_a_wide_gap_is_a_new_field() -> None:
    p = lambda x0, x1, t: [x0, x1, 100.0, 10.0, "F", t, False, 0.15]  # noqa: E731
    line = [p(0, 60, "［中图分类号］"), p(60, 90, "Ｄ９２０．４"), p(99, 109, "［"), p(109, 169, "文献标志码］Ａ")]
    assert _join(line, 10.0) == ["", "", " ", ""]
    line[2], line[3] = p(91, 101, "［"), p(101, 161, "文献标志码］Ａ")  # set close: justification
    assert _join(line, 10.0) == ["", "", "", ""]


def test_a_space_glyph_kerned_back_over_a_comma_is_still_a_word_space() -> None:
    """A justified line whose typesetter drew the space glyph but pulled it back over the comma
    before it: the gap left is narrower than any word space, the drawn space says it is one."""
    p = lambda x0, x1, t: [x0, x1, 100.0, 8.0, "F", t, False, 0.15]  # noqa: E731
    line = [p(70.9, 113.2, "Application,"), p(114.2, 154.0, "Alexandria,"), p(156.1, 175.5, "Egypt")]
    assert _join(line, 8.0) == ["", "", " "]
    assert _join(line, 8.0, [(112.4, 115.0)]) == ["", " ", " "]
    # (a drawn space is not a gap's only reading between ideographs: there it is kept as printed)
    assert _join([p(0, 16, "吉林"), p(17, 33, "长春")], 8.0, [(16.0, 17.0)])[1] != " "


def test_a_spacing_accent_drawn_over_a_letter_is_set_on_it() -> None:
    """TeX's OT1 accents and some publishers' pipelines draw the accent as a glyph of its own
    over the letter: on its own (Socie + ´), last in one piece (A¸ + skın: the cedilla is the
    s's), or first in the next (Sto + ¨ck); the pieces are placed as the real PDFs place them."""
    p = lambda x0, x1, t: [x0, x1, 100.0, 9.0, "F", t, False, 0.15, False]  # noqa: E731
    assert [q[5] for q in _compose_accents([p(215.0, 234.9, "Socie"), p(231.5, 234.5, "\u00b4"),
                                            p(235.0, 241.5, "te"), p(238.1, 241.0, "\u00b4")])] == ["Socié", "té"]
    assert [q[5] for q in _compose_accents([p(237.7, 248.5, "A\u00b8"), p(244.9, 262.6, "skın")])] == ["A", "şkın"]
    assert [q[5] for q in _compose_accents([p(87.1, 96.8, "Sto"), p(93.8, 104.9, "\u00a8ck,")])] == ["Stö", "ck,"]
    assert [q[5] for q in _compose_accents([p(411.6, 424.9, "glu"), p(412.4, 415.7, "\u02d8")])] == ["ğlu"]
    # not composed: an accent over nothing, a letter Unicode has no such character for, an ASCII
    # tilde inside a string (a URL's ~)
    assert [q[5] for q in _compose_accents([p(10.0, 20.0, "27"), p(22.0, 25.0, "\u02da"), p(26.0, 32.0, "C")])] == \
        ["27", "\u02da", "C"]
    assert [q[5] for q in _compose_accents([p(10.0, 16.0, "C"), p(11.0, 14.0, "\u02da")])] == ["C", "\u02da"]
    assert [q[5] for q in _compose_accents([p(10.0, 40.0, "www.x.edu/~"), p(38.0, 50.0, "user")])] == \
        ["www.x.edu/~", "user"]


def test_a_run_of_printed_spaces_between_chinese_words_separates_them() -> None:
    from parsers.textlayer import _normalize_keeping_spaces
    assert _normalize_keeping_spaces("[关键词] 人工智能   性别伦理   女性   政府治理") == \
        "[关键词] 人工智能\u3000性别伦理\u3000女性\u3000政府治理"
    assert _normalize_keeping_spaces("吉林 长春") == "吉林 长春"  # one printed space, as before
    assert _normalize_keeping_spaces("摘   要：本文") == "摘要：本文"  # a letter-spaced label closes up


def _pdf_with_glyph_name_font(path, pages: list[bytes]) -> None:
    """A tiny PDF whose only font names its glyphs /G33, /G34 ... in /Differences (no Unicode
    meaning, as some producers write them); each page shows the given string."""
    diffs = b" ".join(b"/G%d" % c for c in range(33, 127))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + 2 * k) for k in range(len(pages)))
            + b"] /Count %d >>" % len(pages),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [33 "
            + diffs + b"] >> >>"]
    for k, text in enumerate(pages):
        content = b"BT /F1 12 Tf 72 700 Td (" + text + b") Tj ET"
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                    b"/Contents %d 0 R >>" % (5 + 2 * k))
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))


def test_a_pdf_whose_every_page_is_glyph_names_raises_unreadable_text(tmp_path) -> None:
    from parsers.textlayer import read_document
    pdf = tmp_path / "garbage.pdf"
    _pdf_with_glyph_name_font(pdf, [b"ABCDEFGHIJKLMNOP QRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz"])
    with pytest.raises(UnreadableText) as e:
        read_document(pdf, workers=1)
    assert "unreadable text layer" in str(e.value) and "2 of 2 pages" in str(e.value)


def test_the_cli_names_the_file_and_the_problem_and_exits_2(tmp_path, capsys) -> None:
    from cli.main import main
    pdf = tmp_path / "garbage.pdf"
    _pdf_with_glyph_name_font(pdf, [b"ABCDEFGHIJKLMNOP QRSTUVWXYZ"])
    code = main(["ingest", str(pdf), "--out", str(tmp_path / "out"), "--no-links", "--no-report"])
    assert code == 2
    err = capsys.readouterr().err
    assert "garbage.pdf" in err and "unreadable text layer" in err


def test_a_label_in_fullwidth_square_brackets_is_a_label() -> None:
    """［摘 要］［关键词］［中图分类号］: the full-width square brackets some CNKI exports use,
    like 【】 (parsers.labels, a minimal change there)."""
    from parsers.labels import find_labels
    hits = find_labels(["［摘 要］性别选择权，系指…", "［中图分类号］D920.4 ［文献标志码］A"])
    assert [(h.field, h.line) for h in hits] == [("abstract_zh", 0), ("clc", 1), ("doc_code", 1)]


def test_a_line_end_hyphen_is_soft_only_when_the_document_prints_the_word_whole() -> None:
    from parsers.textlayer import _soft_line_end_hyphens
    page = PageText(1, 595, 842, None, [
        _line("emerging populations in the underground sex in-", 100), _line("dustry in China; the industry grows", 110),
        _line("their sexual self-", 120), _line("identity is fluid, as self-identity is", 130),
        _line("a qualita-", 140), _line("tive study", 150)])
    _soft_line_end_hyphens([page])
    texts = [ln.text for ln in page.lines]
    assert texts[0].endswith("in\u00ad")          # "industry" is printed whole elsewhere
    assert texts[2].endswith("self-")             # "self-identity" is a compound printed so
    assert texts[4].endswith("qualita-")          # never printed whole: kept as printed


def test_founder_evidence_on_one_page_repairs_the_others() -> None:
    from parsers.textlayer import _document_quirks
    first = PageText(1, 595, 842, None, [_line("摘摇要：本文动摇了旧说"), _line("关键词：性别摇伦理")])
    english = PageText(2, 595, 842, None, [_line("Vol.\u300012 No.3")], quirks=("founder",))
    plain = PageText(3, 595, 842, None, [_line("摘摇要：本文")])
    _document_quirks([first, english])
    assert [ln.text for ln in first.lines] == ["摘要：本文动摇了旧说", "关键词：性别\u3000伦理"]
    assert first.quirks == ("founder",)
    _document_quirks([plain])  # no page shows the quirk: nothing changes
    assert plain.lines[0].text == "摘摇要：本文"


def _pdf_with_symbol_font(path, base_font: str) -> None:
    """One page: "151" in Helvetica, then codes 2, 3, 4, 5 of a symbol font whose /Differences
    name them /C2 /C24 /C21 /C20 (TeX OMS codes: × ∼ ≥ ≤), no ToUnicode, not embedded."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=300, height=200)
    helv = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    diffs = ArrayObject([NumberObject(2), NameObject("/C2"), NameObject("/C24"), NameObject("/C21"), NameObject("/C20")])
    sym = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                            NameObject("/BaseFont"): NameObject(f"/{base_font}"),
                            NameObject("/Encoding"): DictionaryObject({NameObject("/Type"): NameObject("/Encoding"),
                                                                       NameObject("/Differences"): diffs})})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
        {NameObject("/F1"): writer._add_object(helv), NameObject("/F2"): writer._add_object(sym)})})
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 20 150 Td (151) Tj /F2 12 Tf (\\002\\003\\004\\005) Tj /F1 12 Tf ( coverage of "
                     b"the genome assembled from short reads) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(content)
    with open(path, "wb") as fh:
        writer.write(fh)


def test_an_advent_symbol_font_names_its_glyphs_by_tex_oms_codes(tmp_path) -> None:
    from parsers.textlayer import read_document
    pdf = tmp_path / "advent.pdf"
    _pdf_with_symbol_font(pdf, "IJDGDO+AdvP4C4E74")
    text = read_document(pdf, workers=1).pages[0].text
    assert "151×∼≥≤" in text.replace(" ", "")
    # Springer's files tag the name twice: the subset's prefix and six letters of their own
    _pdf_with_symbol_font(pdf, "TDPPAE+GnrlgcAdvP4C4E74")
    assert "151×∼≥≤" in read_document(pdf, workers=1).pages[0].text.replace(" ", "")
    # (another font with such names is not read so: its names mean nothing known)
    _pdf_with_symbol_font(pdf, "IJDGDO+SomeSymbols")
    text = read_document(pdf, workers=1, strict=False).pages[0].text
    assert "×" not in text and "\ufffd" in text


def _pdf_one_font(path, ops: bytes, base_font: str = "Helvetica", encoding=None,
                  tounicode: dict[int, str] | None = None) -> None:
    """One page drawing `ops` (inside BT … ET) in font /F1: `base_font`, WinAnsiEncoding or
    the given encoding, and a ToUnicode mapping each code of `tounicode`, as an export wrote it."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=400, height=200)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject(f"/{base_font}"),
                             NameObject("/Encoding"): encoding or NameObject("/WinAnsiEncoding")})
    if tounicode:
        cmap = DecodedStreamObject()
        body = "".join(f"<{c:02X}> <{ord(u):04X}>\n" for c, u in sorted(tounicode.items()))
        cmap.set_data(("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                       "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
                       "1 begincodespacerange <00> <FF> endcodespacerange\n"
                       f"{len(tounicode)} beginbfchar\n{body}endbfchar\n"
                       "endcmap CMapName currentdict /CMap defineresource pop end end").encode())
        font[NameObject("/ToUnicode")] = writer._add_object(cmap)
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
        {NameObject("/F1"): writer._add_object(font)})})
    content = DecodedStreamObject()
    content.set_data(b"BT " + ops + b" ET")
    page[NameObject("/Contents")] = writer._add_object(content)
    with open(path, "wb") as fh:
        writer.write(fh)


def _pdf_with_tounicode(path, pairs: dict[int, str], text: bytes, base_font: str = "Helvetica") -> None:
    _pdf_one_font(path, b"/F1 12 Tf 20 150 Td (" + text + b") Tj", base_font, tounicode=pairs)


def test_a_tounicode_giving_capitals_as_small_letters_reads_the_capitals(tmp_path) -> None:
    """The export quirk of pdf.js #4934: the page draws "Huma Ali", the ToUnicode says "huma ali"."""
    from parsers.textlayer import read_document
    printed = b"Huma Ali, Department of Chemistry, India"
    pairs = {c: chr(c) for c in set(printed)}
    pairs.update({ord(c): c.lower() for c in "HACI"})      # (capitals as small letters)
    pdf = tmp_path / "case.pdf"
    _pdf_with_tounicode(pdf, pairs, printed)
    assert read_document(pdf, workers=1).pages[0].text.strip() == "Huma Ali, Department of Chemistry, India"
    # a ToUnicode that names another character for a code is still the reading (a re-encoded font)
    pairs[ord("H")] = "K"
    _pdf_with_tounicode(pdf, pairs, printed)
    assert read_document(pdf, workers=1).pages[0].text.startswith("Kuma Ali")


def test_word_symbol_font_private_use_codes_are_the_symbols_it_draws(tmp_path) -> None:
    """Office writes its Symbol font's characters as U+F000 + the Adobe Symbol position."""
    from parsers.textlayer import read_document
    printed = b"26\xb12 C, 5 \x6dL, \xa3 0.05"
    pairs = {c: chr(c) for c in set(printed)} | {c: chr(0xF000 + c) for c in (0xB1, 0x6D, 0xA3)}
    pdf = tmp_path / "symbol.pdf"
    _pdf_with_tounicode(pdf, pairs, printed, base_font="ABCDEF+SymbolMT")
    assert read_document(pdf, workers=1).pages[0].text.strip() == "26±2 C, 5 μL, ≤ 0.05"
    # (another font's private-use codes mean what that font draws: not read as Symbol's)
    _pdf_with_tounicode(pdf, pairs, printed, base_font="ABCDEF+Wingdings")
    assert "\uf0b1" in read_document(pdf, workers=1, strict=False).pages[0].text


def _pdf_with_content(path, content: bytes) -> None:
    _pdf_one_font(path, b"/F1 10 Tf 20 150 Td " + content)


def test_word_spaces_a_typesetter_leaves_in_the_character_spacing_are_read(tmp_path) -> None:
    """Justified by a large Tc, every glyph of a word kerned back by it: the spacing shows only
    between words, inside a string ("ee": The|effect) as often as between strings."""
    from parsers.textlayer import read_document
    pdf = tmp_path / "tc.pdf"
    _pdf_with_content(pdf, b"3 Tc [(T)295(h)296(ee)294(f)295(f)296(e)295(c)294(t)2(o)295(f)-1(s)295(a)294(p)] TJ")
    assert read_document(pdf, workers=1).pages[0].text.strip() == "The effect of sap"
    # a heading letter-spaced by the same Tc, nothing kerned back, is one word
    _pdf_with_content(pdf, b"3 Tc [(SUMMARY)] TJ")
    assert read_document(pdf, workers=1).pages[0].text.strip() == "SUMMARY"


def test_a_condensed_face_sets_its_word_spaces_narrower() -> None:
    """MyriadPro-Cond references justified tight: "beat numerical" 0.15 em apart, the letters
    of a word kerned closer; a regular face's word space is wider, so there 0.15 em is not."""
    from pypdf.generic import DictionaryObject, NameObject
    from parsers.fonts import FontDecoder

    def font(name: str) -> FontDecoder:
        return FontDecoder(DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"):
                                             NameObject("/Type1"), NameObject("/BaseFont"): NameObject(f"/ABCDEF+{name}")}))
    cond, plain = font("MyriadPro-Cond").word_gap, font("MyriadPro-Regular").word_gap
    assert cond < plain
    p = lambda x0, x1, t, g: [x0, x1, 100.0, 10.0, "F", t, False, g]  # noqa: E731
    assert _join([p(43.6, 57.3, "beat", cond), p(58.8, 89.4, "numerical", cond)], 10.0) == ["", " "]
    assert _join([p(43.6, 57.3, "beat", plain), p(58.8, 89.4, "numerical", plain)], 10.0) == ["", ""]


def test_oldstyle_figures_and_small_capitals_of_an_expert_set_are_their_characters(tmp_path) -> None:
    """/oneoldstyle and /Asmall glyph names: the Adobe Glyph List gives U+F731 and U+F761."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject
    from parsers.textlayer import read_document

    diffs = ArrayObject([NumberObject(49), NameObject("/oneoldstyle"), NameObject("/twooldstyle"),
                         NumberObject(97), NameObject("/Asmall"), NameObject("/Bsmall")])
    pdf = tmp_path / "expert.pdf"
    _pdf_one_font(pdf, b"/F1 12 Tf 20 150 Td (Vol. 12, Ab) Tj", "MinionPro-Regular",
                  DictionaryObject({NameObject("/Type"): NameObject("/Encoding"), NameObject("/Differences"): diffs}))
    assert read_document(pdf, workers=1).pages[0].text.strip() == "Vol. 12, Ab"


def test_a_form_draws_no_text_outside_its_bounding_box(tmp_path) -> None:
    """A figure placed as a whole page of another PDF, cut down to the figure by its /BBox:
    the page's other text is clipped away and must not join the article's lines."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject
    from parsers.textlayer import read_document

    writer = PdfWriter()
    page = writer.add_blank_page(width=400, height=300)
    helv = writer._add_object(DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                                                NameObject("/Subtype"): NameObject("/Type1"),
                                                NameObject("/BaseFont"): NameObject("/Helvetica")}))
    form = DecodedStreamObject()
    form.set_data(b"BT /F1 10 Tf 20 250 Td (the authors own paragraph) Tj ET "
                  b"BT /F1 10 Tf 120 120 Td (Pump) Tj ET")
    form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                 NameObject("/BBox"): ArrayObject([FloatObject(100), FloatObject(100), FloatObject(200), FloatObject(150)]),
                 NameObject("/Resources"): DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): helv})})})
    page[NameObject("/Resources")] = DictionaryObject({
        NameObject("/Font"): DictionaryObject({NameObject("/F1"): helv}),
        NameObject("/XObject"): DictionaryObject({NameObject("/Fm1"): writer._add_object(form)})})
    content = DecodedStreamObject()
    content.set_data(b"q 1 0 0 1 50 0 cm /Fm1 Do Q BT /F1 10 Tf 20 250 Td (The article paragraph) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(content)
    pdf = tmp_path / "form.pdf"
    with open(pdf, "wb") as fh:
        writer.write(fh)
    assert [ln.text for ln in read_document(pdf, workers=1).pages[0].lines] == ["The article paragraph", "Pump"]


def test_a_string_splits_into_its_codes_as_the_encoding_cmap_reads_them() -> None:
    """A CMap of one- and two-byte codes (GBK-EUC-H: ASCII in one byte, a GBK character in
    two): each glyph's bytes, for a line set glyph by glyph, and its (code, CID)."""
    from pypdf.generic import DictionaryObject, NameObject
    from parsers.fonts import FontDecoder
    dec = FontDecoder(DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type0"),
                                        NameObject("/BaseFont"): NameObject("/SimSun")}))
    dec._code2cid = {0x81: {0x40: 100}, 0x41: 5}
    assert dec.code_bytes(b"\x81\x40\x41\x81\x40") == [b"\x81\x40", b"\x41", b"\x81\x40"]
    assert dec._codes(b"\x81\x40\x41") == [(0x8140, 100), (0x41, 5)]


def test_a_space_glyph_named_a_zero_width_break_is_no_word_space(tmp_path) -> None:
    """Springer Nature's exports draw a space glyph inside URLs as a break opportunity and
    name it U+200B with /ActualText: "https​://githu​b.com" is one link. Other /ActualText (a
    thin space named for a space glyph) is read from the glyphs, as before."""
    from parsers.textlayer import read_document
    zwsp = b"/Span<</ActualText(\xfe\xff\x20\x0b)>> BDC [( ) 278] TJ EMC "  # (a glyph that takes no room)
    pdf = tmp_path / "zwsp.pdf"
    _pdf_one_font(pdf, b"/F1 10 Tf 20 150 Td (Available from: https) Tj " + zwsp + b"(://githu) Tj " + zwsp
                  + b"(b.com/nedae) Tj <</MCID 3>> BDC (mami) Tj EMC")
    assert read_document(pdf, workers=1).pages[0].text.strip() == "Available from: https://github.com/nedaemami"
    thin = b"/Span<</ActualText<FEFF2009>>> BDC ( ) Tj EMC "
    _pdf_one_font(pdf, b"/F1 10 Tf 20 150 Td (a diameter of 53) Tj " + thin + b"(nm.) Tj")
    assert read_document(pdf, workers=1).pages[0].text.strip() == "a diameter of 53 nm."


def test_a_glyph_mapped_to_a_control_character_is_unreadable_not_text(tmp_path) -> None:
    """An OCR layer whose font maps every digit to U+0000 (a zh_more scan of the development
    half): the record must not carry NULs as if they were text; they read as U+FFFD, which
    the trust decision counts as unmapped glyphs."""
    from parsers.textlayer import read_document
    printed = b"Received 2004-07-17"
    pairs = {c: chr(c) for c in set(printed)} | {c: "\x00" for c in b"0123456789"}
    pdf = tmp_path / "nul.pdf"
    _pdf_with_tounicode(pdf, pairs, printed)
    text = read_document(pdf, workers=1).pages[0].text
    assert "\x00" not in text and text.count("\ufffd") == 8


# ---------------------------------------------------------------- Founder digits below the Han line
def _founder_piece(x0: float, top: float, font: SimpleNamespace, text: str, size: float, advance: float = 1.0) -> list:
    """A run drawn at `top` (from the page's top), each glyph `advance` em on."""
    return [x0, x0 + size * (advance * (len(text) - 1) + 1), 842.0 - top, size, font, text, False]


def test_digits_set_below_the_han_characters_stay_on_their_line_beside_a_higher_column() -> None:
    """Founder sets full-width digits and Latin in their own font 0.1 em below the line's Han
    characters. Where the next column's line sits a little higher (its notes in smaller
    type, or its own leading), the baseline chain starts in that column, and the digits fell
    more than 0.4 em below its first piece: "第　条与" and "109 110" apart, "［］李强" and "1"
    (dbsdxbzs2018-2, page 10, of zh_more's development half)."""
    cjk = SimpleNamespace(name="方正书宋_GBK", founder=False, word_gap=0.15)
    punct = SimpleNamespace(name="DY44", founder=False, word_gap=0.15)
    dig = SimpleNamespace(name="DY1", founder=False, word_gap=0.15)
    notes = [_founder_piece(344.2, 76.05, cjk, "馆", 7.28), _founder_piece(354.2, 76.78, dig, "１９５９．", 7.28)]
    body = [_founder_piece(193.2, 78.21, cjk, "虽于第", 9.7), _founder_piece(225.5, 79.18, dig, "１０９", 9.7, 0.54),
            _founder_piece(246.7, 78.21, cjk, "条与", 9.7)]
    texts = _texts(notes + body)
    assert any("第109条与" in t for t in texts), texts
    refs = [_founder_piece(376.1, 166.71, punct, "，", 7.28), _founder_piece(344.2, 167.07, cjk, "社会发展", 7.28),
            _founder_piece(378.1, 167.8, dig, "２０１３", 7.28, 0.54),
            _founder_piece(82.5, 168.84, punct, "［", 7.28), _founder_piece(90.5, 168.84, punct, "］", 7.28),
            _founder_piece(97.3, 169.21, cjk, "李强", 7.28), _founder_piece(84.8, 169.93, dig, "１", 7.28)]
    texts = _texts(refs)
    assert any("［1］李强" in t for t in texts) and "1" not in texts, texts
