"""The per-page trust decision (parsers.ocr_trust, parsers.textlayer._judge_trust): cheap
statistics that tell Chinese prose from a letter-substitution layer and a plausible OCR
layer from a garbled one."""
from __future__ import annotations

import random

from parsers.ocr_trust import COMMON_CJK, common_share, distrust_reason
from parsers.textlayer import Line, PageText, _judge_trust

PROSE = ("本文以高等教育研究为对象，分析了学生身份认同的形成过程与影响因素。研究发现，学生在大学中的社会"
         "关系、学习经历和文化背景对其身份的建构具有重要作用，而学校的制度环境也在其中发挥了关键的作用。"
         "在此基础上，本文提出了改进我国大学生教育管理工作的若干建议，以期为相关研究和实践提供参考。") * 2


def _cipher(text: str, seed: int = 7) -> str:
    """The same text through a wrong code table: each character becomes another, fixed one
    from the whole CJK block (what a font without ToUnicode read through the wrong CMap gives)."""
    rng = random.Random(seed)
    table: dict[str, str] = {}
    out = []
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            table.setdefault(ch, chr(rng.randrange(0x4E00, 0x9FA5)))
            out.append(table[ch])
        else:
            out.append(ch)
    return "".join(out)


def _page(text: str, invisible: bool = False, images: int = 0) -> PageText:
    lines = [Line(text=text[i:i + 40], x0=50, x1=500, y=100 + i, size=10.5, invisible=invisible)
             for i in range(0, len(text), 40)]
    return PageText(1, 595, 842, None, lines, images=images)


def test_prose_is_trusted_and_its_common_share_is_high() -> None:
    n, share = common_share(PROSE)
    assert n > 200 and share > 0.7
    page = _page(PROSE)
    _judge_trust(page, len(PROSE))
    assert page.distrust == "" and page.lines


def test_a_letter_substitution_layer_is_not_trusted_and_its_lines_are_set_aside() -> None:
    text = _cipher(PROSE)
    n, share = common_share(text)
    assert share < 0.22, share
    page = _page(text)
    _judge_trust(page, len(text))
    assert page.distrust.startswith("letter-substitution text layer")
    assert page.unreadable and not page.lines and page.unreadable_lines


def test_an_ocr_layer_of_rare_characters_is_implausible_but_kept() -> None:
    # an OCR layer that misreads about two characters in three: not prose, not a cipher either
    rng = random.Random(3)
    rare = [chr(c) for c in range(0x4E00, 0x9FA5) if chr(c) not in COMMON_CJK]
    text = "".join(ch if rng.random() < 0.3 else rng.choice(rare) for ch in PROSE)
    page = _page(text, invisible=True)
    _judge_trust(page, len(text))
    assert page.distrust.startswith("implausible OCR layer"), page.distrust
    assert page.lines and not page.unreadable  # used as it is when no OCR runs
    # the same text drawn visibly is not an OCR layer: the higher bar does not apply
    visible = _page(text)
    _judge_trust(visible, len(text))
    assert not visible.distrust.startswith("implausible")


def test_an_ocr_layer_with_its_digits_mapped_to_nul_is_implausible() -> None:
    # a CNKI scan's layer whose font maps every digit to code 0: "\x00\x00\x00\x00年\x00月"
    text = PROSE[:200] + "据报道，\x00\x00\x00\x00年\x00月\x00\x00日，国际奥委会宣布了标准。" + PROSE[200:400]
    assert distrust_reason(text, ocr_layer=True).startswith("implausible OCR layer: 7 unmapped characters")
    assert distrust_reason(PROSE[:400] + "\x00", ocr_layer=True) == ""  # one stray code is no class of glyphs lost


def test_an_english_ocr_layer_of_non_words_is_implausible() -> None:
    junk = " ".join(["tbe", "rnodel", "wlth", "sigriificant", "clata", "anaiysis", "resu1ts", "shovv"] * 8)
    assert distrust_reason(junk, ocr_layer=True).startswith("implausible OCR layer")
    good = " ".join(["the", "model", "with", "significant", "data", "analysis", "results", "show"] * 8)
    assert distrust_reason(good, ocr_layer=True) == ""


def test_an_image_with_no_text_is_a_scan_and_a_blank_page_is_not() -> None:
    scan = PageText(1, 595, 842, None, [], images=1)
    _judge_trust(scan, 0)
    assert scan.distrust.startswith("no text layer")
    blank = PageText(2, 595, 842, None, [])
    _judge_trust(blank, 0)
    assert blank.distrust == ""


def test_glyph_names_are_not_trusted() -> None:
    page = PageText(1, 595, 842, None, [], unreadable="glyph names instead of letters")
    _judge_trust(page, 200)
    assert page.distrust == "unreadable text layer: glyph names instead of letters"


def test_latin_and_digits_drawn_as_ascii_punctuation_make_the_document_untrusted() -> None:
    from parsers.ocr_trust import ascii_cipher
    # "2002年11月第36卷第6期" and an English abstract through a wrong table, on two pages
    garbled = ["%##% 年 !! 月第 $0 卷第 0 期 " + "#@% &*^ %$#! @@ " * 10, "中文正文。" * 20 + "#$%@!^&* " * 8,
               "中文正文，没有拉丁字母。" * 20]
    reasons = ascii_cipher(garbled)
    assert reasons[0].startswith("letter-substitution text layer: digits and Latin letters")
    assert reasons[1] and not reasons[2]  # a page without the punctuation keeps its trust
    # a normal page: a few #, %, & among many letters and digits
    normal = ["2002年11月第36卷第6期 DOI: 10.1234/abc. Accuracy rose by 35% (p < 0.05) & more " * 20]
    assert ascii_cipher(normal) == [""]
