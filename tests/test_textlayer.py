"""Text layer: real Chinese journal PDFs (skipped when /work/shared/real is absent) and small
generated fixtures (tests/fixtures/textlayer/make.py)."""
from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from parsers.errors import CorruptPdf, EncryptedPdf, MissingFile, NoTextLayer
from parsers.fonts import repair_founder
from parsers.textlayer import Document, read_document

FIX = Path(__file__).parent / "fixtures" / "textlayer"
REAL = Path(os.environ.get("JOURNAL_INGEST_REAL", "/work/shared/real"))

logging.getLogger("pypdf").setLevel(logging.ERROR)


def real(rel: str) -> Path:
    p = REAL / rel
    if not p.exists():
        pytest.skip(f"real PDF not available: {p}")
    return p


# ------------------------------------------------------------------ generated fixtures
def test_identity_h_gb1_without_tounicode_recovered():
    path = FIX / "cid_gb1_identity.pdf"
    expected = "中国社会科学，2023年第6期：日本与北约"
    plain = PdfReader(path).pages[0].extract_text()
    assert "中国社会科学" not in plain  # pypdf alone decodes CIDs as UTF-16: garbage
    doc = read_document(path)
    assert [ln.text for ln in doc.pages[0].lines] == [expected]
    line = doc.pages[0].lines[0]
    assert line.size == pytest.approx(14, abs=0.01)
    assert line.x0 == pytest.approx(72, abs=0.01)
    assert line.y == pytest.approx(842 - 760, abs=0.01)  # top-down baseline
    assert line.spans[0].font == "STSong-Light"


def test_embedded_truetype_gids_without_tounicode_recovered():
    path = FIX / "tt_gid_identity.pdf"
    expected = "再分配与幸福感阶层差异的变迁"
    assert expected not in PdfReader(path).pages[0].extract_text()
    doc = read_document(path)
    assert doc.pages[0].text == expected
    span = doc.pages[0].lines[0].spans[0]
    assert span.font == "ZenHei"  # subset prefix removed
    assert span.size == pytest.approx(16, abs=0.01)
    assert span.x1 > span.x0 + 14 * 10  # advances come from /W


def test_layout_superscript_columns_labels_outline():
    doc = read_document(FIX / "layout.pdf")
    assert isinstance(doc, Document) and doc.page_count == 2 and len(doc.sha256) == 64
    p1 = doc.pages[0]
    assert p1.number == 1 and p1.label == "i" and doc.pages[1].label == "ii"
    assert (p1.width, p1.height) == pytest.approx((595.28, 841.89), abs=0.01)
    texts = [ln.text for ln in p1.lines]
    assert texts[0] == "Layout Test Title 1"
    sup_line = p1.lines[1]
    assert sup_line.text == "Growth mindset12 matters in school."
    assert [s.text for s in sup_line.spans if s.sup] == ["12"]
    assert sup_line.size == pytest.approx(10)
    # two columns: whole left column, then whole right column, then the full-width line
    left = [t for t in texts if t.startswith("Left column")]
    right = [t for t in texts if t.startswith("Right column")]
    assert len(left) == len(right) == 12
    assert texts.index(left[-1]) < texts.index(right[0])
    assert texts[-1].startswith("A full width closing line")
    assert [(o.title, o.page, o.level) for o in doc.outline] == [("Part One", 1, 1), ("Section Two", 2, 2)]
    assert doc.info.get("Title") == "Layout fixture"
    assert p1.text.splitlines() == texts


def test_parallel_equals_serial(monkeypatch):
    import parsers.textlayer as tl

    monkeypatch.setattr(tl, "PARALLEL_MIN_PAGES", 1)
    seen = []
    par = read_document(FIX / "layout.pdf", workers=2, progress=lambda d, n: seen.append((d, n)))
    ser = read_document(FIX / "layout.pdf", workers=1)
    assert [p.text for p in par.pages] == [p.text for p in ser.pages]
    assert seen[-1] == (2, 2)


@pytest.mark.parametrize("workers", [1, 2])
def test_meanwhile_runs_once_and_changes_nothing(monkeypatch, workers):
    """The caller's set-up runs in this process while workers read; the pages are the same."""
    import parsers.textlayer as tl

    monkeypatch.setattr(tl, "PARALLEL_MIN_PAGES", 1)
    calls = []
    got = read_document(FIX / "layout.pdf", workers=workers, meanwhile=lambda: calls.append(os.getpid()))
    plain = read_document(FIX / "layout.pdf", workers=1)
    assert calls == [os.getpid()]
    assert [p.text for p in got.pages] == [p.text for p in plain.pages]


def _slow(seconds: float = 1.0):
    """A `meanwhile` that keeps this process busy until the worker has claimed the chunk."""
    import time

    return lambda: time.sleep(seconds)


def test_an_error_in_a_worker_is_one_corrupt_pdf_error(monkeypatch):
    import parsers.textlayer as tl

    parent, read_page = os.getpid(), tl._read_page

    def failing_in_worker(reader, i, fonts, inset=None):
        if os.getpid() != parent:
            raise ValueError("bad glyph run")
        return read_page(reader, i, fonts, inset)

    monkeypatch.setattr(tl, "PARALLEL_MIN_PAGES", 1)
    monkeypatch.setattr(tl, "_read_page", failing_in_worker)  # the forked worker inherits it
    with pytest.raises(CorruptPdf, match="layout.pdf: unreadable page content: bad glyph run"):
        read_document(FIX / "layout.pdf", workers=2, meanwhile=_slow())


def test_a_worker_that_dies_holding_pages_is_an_error_not_a_hang(monkeypatch):
    import parsers.textlayer as tl

    def dies_after_claiming(path, chunks, counter, out, reader=None, inset=None):
        tl._claim(counter, len(chunks))
        os._exit(3)

    monkeypatch.setattr(tl, "PARALLEL_MIN_PAGES", 1)
    monkeypatch.setattr(tl, "_chunk_worker", dies_after_claiming)
    with pytest.raises(CorruptPdf, match="worker process died before reading page 1"):
        read_document(FIX / "layout.pdf", workers=2, meanwhile=_slow())


def test_chunks_no_worker_claimed_are_read_here(monkeypatch):
    """Workers that exit at once (out of memory, say) leave every chunk to this process."""
    import parsers.textlayer as tl

    monkeypatch.setattr(tl, "PARALLEL_MIN_PAGES", 1)
    monkeypatch.setattr(tl, "_chunk_worker", lambda *args: os._exit(3))
    got = read_document(FIX / "layout.pdf", workers=3, meanwhile=_slow(0.3))
    assert [p.text for p in got.pages] == [p.text for p in read_document(FIX / "layout.pdf", workers=1).pages]


def _walk(content: bytes) -> list[str]:
    """Text pieces of a content stream drawn in a simple font (one byte a character)."""
    from parsers.textlayer import FontCache, _PageWalker

    class Ascii:  # the decoder interface the walker calls: text, width, spaces, chars
        founder = False

        def decode(self, raw: bytes) -> tuple[str, float, int, int]:
            text = raw.decode("latin-1")
            return text, 0.5 * len(text), text.count(" "), len(text)

    class Resources(dict):
        def get_object(self):
            return self

    class Fonts(dict):
        def get_object(self):
            return self

        def raw_get(self, key):
            return self[key]

    class Cache(FontCache):
        def get(self, ref):
            return Ascii()

    walker = _PageWalker(Cache())
    walker.walk(content, Resources({"/Font": Fonts({"/F1": object()})}))
    _walk.sideways = walker.sideways
    return [piece[5] for piece in walker.pieces]


def test_text_set_sideways_is_counted_not_read() -> None:
    """A landscape table drawn rotated on a portrait page: left out of the lines (as margin
    stamps are), but counted, so the page is not taken for a blank one."""
    from parsers.pages import SIDEWAYS_PAGE, classify
    from parsers.textlayer import PageText
    assert _walk(b"BT /F1 9 Tf 0 9 -9 0 56 282 Tm (Camphene Borneol) Tj ET") == []
    assert _walk.sideways == len("Camphene Borneol")
    assert _walk(b"BT /F1 9 Tf 1 0 0 1 56 282 Tm (Upright) Tj ET") == ["Upright"] and _walk.sideways == 0
    sideways = PageText(number=17, width=600, height=800, label=None, lines=[], sideways=SIDEWAYS_PAGE)
    assert classify(sideways, 10.0).kind == "content"
    assert classify(PageText(number=17, width=600, height=800, label=None, lines=[], sideways=20), 10.0).kind == "blank"


@pytest.mark.parametrize("array, text", [
    (b"[(Hello) -250 (World)]", "HelloWorld"),                 # the one-match fast path
    (rb"[ (a\\b) 10 <4344> (\(x\)) ]", "a\\bCD(x)"),          # escapes and hex inside it
    (b"[(a(nested)b) 5 (c)]", "a(nested)bc"),                   # balanced parentheses: the slow path
    (b"[(a) % a comment\n (b)]", "ab"),                         # a comment: the slow path
    (b"[]", ""),
])
def test_tj_arrays_fast_and_slow_paths_agree(array, text):
    pieces = _walk(b"BT /F1 10 Tf 1 0 0 1 72 700 Tm " + array + b" TJ ET")
    assert "".join(pieces) == text


def test_no_page_labels_gives_none():
    doc = read_document(FIX / "cid_gb1_identity.pdf")
    assert doc.pages[0].label is None and doc.outline == []


def test_missing_file(tmp_path):
    with pytest.raises(MissingFile) as e:
        read_document(tmp_path / "nope.pdf")
    assert "\n" not in str(e.value)


def test_random_bytes_and_truncated(tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(os.urandom(4096))
    with pytest.raises(CorruptPdf):
        read_document(junk)
    trunc = tmp_path / "trunc.pdf"
    trunc.write_bytes((FIX / "layout.pdf").read_bytes()[:1500])
    with pytest.raises(CorruptPdf) as e:
        read_document(trunc)
    assert "\n" not in str(e.value)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(CorruptPdf):
        read_document(empty)


def test_header_only_garbage(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + b"garbage " * 200 + b"\n%%EOF\n")
    with pytest.raises(CorruptPdf):
        read_document(bad)


def test_encrypted():
    with pytest.raises(EncryptedPdf) as e:
        read_document(FIX / "encrypted_user.pdf")
    assert "\n" not in str(e.value)
    doc = read_document(FIX / "encrypted_owner.pdf")  # empty user password: just read it
    assert doc.pages[0].lines[0].text == "Layout Test Title 1"


def test_repair_founder_runs_only():
    assert repair_founder("两期犆犌犛犛的调查") == "两期CGSS的调查"
    assert repair_founder("犆") == "犆"  # a lone rare character is left alone
    assert repair_founder("中国社会") == "中国社会"


# ------------------------------------------------------------------ real PDFs
def test_real_cnki_header_line():
    doc = read_document(real("zh_cnki_preprocess_v4/dwjs2023-05_kang_six_elements.pdf"))
    lines = [ln.text for ln in doc.pages[0].lines]
    header = [t for t in lines if "文章编号" in t]
    assert header and "中图分类号" in header[0] and "文献标志码" in header[0]
    assert "1000-3673" in header[0]
    assert "新型电力系统的六要素分析" in lines
    # author superscripts are marked, and stay on the author line
    author = next(ln for ln in doc.pages[0].lines if ln.text.startswith("康重庆"))
    assert any(s.sup for s in author.spans)
    assert "Primary Exploration of Six Essential Factors in New Power System" in lines


def test_real_founder_repair_english_title_and_abstract():
    doc = read_document(real("zh_shehui_cjs/hong2017_shehui_37-2.pdf"))
    p1 = doc.pages[0].text
    assert "犆犌犛犛" not in p1 and "CGSS" in p1
    assert "Redistribution and the Change of Class Differences of" in p1
    # Founder's private-use hyphen too; full-width marks in an English line are English (normalize rule 6)
    assert "Subjective Well-Being, 2005—2013" in p1
    p2 = doc.pages[1].text
    assert "Abstract: Using CGSS2005 and CGSS2013" in p2
    assert "Keywords" in p2.replace(" ", "")
    # normal Chinese text is untouched
    assert "再分配与幸福感阶层差异的" in p1
    assert "关键词：幸福感\u3000阶层\u3000再分配\u3000宏观税负" in p1
    # justification spaces are gone, full-width digits are ASCII
    assert "比较分析了2005年和2013年不同" in p1


def test_real_fullwidth_normalized():
    doc = read_document(real("zh_cnki_preprocess_v4/image2pdf_doc24.pdf"))
    text = doc.pages[0].text
    assert "TV212；TP391.9" in text
    assert "ＴＶ" not in text


def test_real_scanned_raises_no_text_layer():
    with pytest.raises(NoTextLayer) as e:
        read_document(real("zh_c2group_nudt/SCANNED_growth_mindset_gdjyyjxb2020-1.pdf"))
    msg = str(e.value)
    assert "no text layer" in msg and "OCR was not run" in msg and "\n" not in msg


def test_real_circled_footnote_marks_not_sup():
    doc = read_document(real("zh_c2group_nudt/military_culture_essay.pdf"))
    # footnote lines (9 pt) start with a circled label: a label, not a superscript reference
    notes = [ln for p in doc.pages for ln in p.lines if ln.text[:1] in "①②③④⑤⑥⑦⑧⑨" and ln.size < 12]
    assert len(notes) >= 10
    for ln in notes:
        assert not ln.spans[0].sup, ln.text
    # in the 14 pt body the same marks are superscript references on their line
    refs = [s for p in doc.pages for ln in p.lines if ln.size > 12 for s in ln.spans if s.sup]
    assert len(refs) >= 10 and all(s.text in "①②③④⑤⑥⑦⑧⑨" for s in refs)
    first = doc.pages[0].lines
    assert any("文化强民族强。”①一个" in ln.text for ln in first)


def test_real_truncated_copy(tmp_path):
    src = real("zh_cnki_preprocess_v4/dwjs2023-05_kang_six_elements.pdf")
    data = src.read_bytes()
    t = tmp_path / "half.pdf"
    t.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptPdf):
        read_document(t)


def test_real_multi_page_parallel():
    path = real("issue_pmlr_v50/proceedings.pdf")
    doc = read_document(path, workers=2)
    assert doc.page_count == 58 == len(doc.pages)
    assert [p.number for p in doc.pages] == list(range(1, 59))
    assert sum(len(p.lines) for p in doc.pages) > 58 * 10


def test_a_trim_box_that_is_not_the_page_is_not_obeyed(tmp_path: Path) -> None:
    """A TrimBox is the finished page of a printer's sheet: only it is read
    (tests/fixtures/issue_printer_marks reads as the plain issue, in the same frame, on sheets 144 pt larger);
    one that would cut off more than a slug line's worth of the page's text is some other
    box, and the page is read whole."""
    from pypdf import PdfWriter
    from pypdf.generic import RectangleObject

    src = Path(__file__).parent / "fixtures" / "single_article" / "issue.pdf"
    writer = PdfWriter(clone_from=str(src))
    for page in writer.pages:
        page.trimbox = RectangleObject([0, 0, 200, 200])  # the lower-left corner only
    bogus = tmp_path / "bogus_trim.pdf"
    writer.write(str(bogus))
    plain, odd = read_document(src, workers=1), read_document(bogus, workers=1)
    assert [[ln.text for ln in p.lines] for p in odd.pages] == [[ln.text for ln in p.lines] for p in plain.pages]
    assert odd.pages[1].height == plain.pages[1].height

    printer = read_document(Path(__file__).parent / "fixtures" / "issue_printer_marks" / "issue.pdf", workers=1)
    seed = read_document(Path(__file__).parent / "fixtures" / "issue_seed_gb1" / "issue.pdf", workers=1)
    assert [[ln.text for ln in p.lines] for p in printer.pages] == [[ln.text for ln in p.lines] for p in seed.pages]
    # (measured in the finished page's own frame, which lies 72 pt in on the sheet)
    assert [(p.width, p.height) for p in printer.pages] == [(p.width, p.height) for p in seed.pages]
    assert {p.origin for p in printer.pages} == {(72.0, 72.0)} and {p.origin for p in seed.pages} == {(0.0, 0.0)}
    assert [[(ln.x0, ln.y) for ln in p.lines] for p in printer.pages] == \
        [[(ln.x0, ln.y) for ln in p.lines] for p in seed.pages]


def test_a_trim_box_around_the_type_area_is_no_finished_page(tmp_path: Path) -> None:
    """Some exporters write the type area (版心) as the TrimBox: it runs along the text, and
    the page is measured from the crop box as before, on every page, even a page whose text
    stops short of the box (one frame per document)."""
    from pypdf import PdfWriter
    from pypdf.generic import RectangleObject

    src = Path(__file__).parent / "fixtures" / "single_article" / "issue.pdf"
    plain = read_document(src, workers=1)
    # (the box round all the pages' text, in PDF coordinates, 8 pt out)
    x0 = min(ln.x0 for p in plain.pages for ln in p.lines) - 8
    x1 = max(ln.x1 for p in plain.pages for ln in p.lines) + 8
    top = min(ln.y - ln.size for p in plain.pages for ln in p.lines) - 8
    foot = max(ln.y + ln.size * 0.3 for p in plain.pages for ln in p.lines) + 8
    writer = PdfWriter(clone_from=str(src))
    for page in writer.pages:
        h = float(page.cropbox.top)
        page.trimbox = RectangleObject([x0, h - foot, x1, h - top])
    typed = tmp_path / "type_area_trim.pdf"
    writer.write(str(typed))
    odd = read_document(typed, workers=1)
    assert {p.origin for p in odd.pages} == {(0.0, 0.0)}
    assert [(p.width, p.height) for p in odd.pages] == [(p.width, p.height) for p in plain.pages]
    assert [[(ln.text, round(ln.x0, 2), round(ln.y, 2)) for ln in p.lines] for p in odd.pages] == \
        [[(ln.text, round(ln.x0, 2), round(ln.y, 2)) for ln in p.lines] for p in plain.pages]


def test_an_unused_win_ansi_code_is_the_bullet_it_shows() -> None:
    """PDF 32000-1 Annex D: in WinAnsiEncoding every unused code above 040 shows the bullet.
    reportlab draws "•" at 0177 in its standard fonts (tests/en_conventions/kw_bullet):
    read as "•", never as a control character."""
    doc = read_document(Path(__file__).parent / "en_conventions" / "kw_bullet" / "article.pdf", workers=1)
    text = "\n".join(ln.text for p in doc.pages for ln in p.lines)
    assert "soil moisture • winter wheat" in text and "\x7f" not in text
    assert doc.pages[0].unmapped == 0


def _piece(x0: float, x1: float, text: str, y: float = 100.0, size: float = 10.0) -> list:
    # (the line builder's pieces: [x0, x1, y_top, size, font, text, sup, word gap, invisible])
    return [x0, x1, y, size, "F1", text, False, 0.15, False]


def _deduped(pieces: list[list]) -> str:
    from parsers.textlayer import _dedupe

    c = sorted(pieces, key=lambda p: p[0])
    _dedupe(c)
    return "".join(p[5] for p in c)


def test_text_drawn_again_beside_itself_is_read_once() -> None:
    """Fake bold by overprinting (加粗): the second drawing 0.3 pt aside, its strings broken
    elsewhere; and a line drawn glyph by glyph and again whole at the same place."""
    first = [_piece(100, 121, "Te"), _piece(121, 141, "ak")]
    again = [_piece(100.3, 111.3, "T"), _piece(111.3, 121.3, "e"), _piece(121.3, 141.3, "ak")]
    assert _deduped(first + again) == "Teak"
    assert _deduped(again + first) == "Teak"
    whole = [_piece(57.6, 130.5, "Received: April 27, 2016", size=7.0)]
    glyphs = [_piece(57.6, 64.8, "Re", size=7.0), _piece(64.8, 67.9, "c", size=7.0), _piece(67.9, 71.3, "e", size=7.0)]
    assert _deduped(whole + glyphs) == "Received: April 27, 2016"


def test_a_copy_broken_elsewhere_is_found_by_where_it_ends() -> None:
    """Fake bold where the copy's strings break elsewhere than the first drawing's, in long
    pieces whose mean advance misplaces a character by two (spaces and an "i" are narrow):
    the copy ending where the whole ends is its tail (ijbms, medknow-jaim and tehran-jabd of
    en_more's development half, overprinted by bench/perturb.py)."""
    whole = _piece(458.63, 558.23, " on oxidant-antioxidant", size=8.0)
    copies = [_piece(458.93, 513.89, " on oxidant", size=8.0), _piece(513.89, 558.53, "-antioxidant", size=8.0)]
    assert _deduped([whole] + copies) == " on oxidant-antioxidant"
    trio = [_piece(145.78, 156.06, "er ", size=9.96), _piece(146.08, 168.56, "er sm", size=9.96),
            _piece(157.16, 168.86, "sm", size=9.96)]
    assert _deduped(trio) == "er sm"


def test_a_period_kerned_into_the_word_before_is_kept() -> None:
    """"M.M.V." set with its period kerned under the V (mdpi-molecules-2016, reference 107):
    the period ends past the V, so it is no copy of the V's tail, and no copy of the other
    periods of the piece, which stand far to its left."""
    assert _deduped([_piece(173.9, 201.35, "M.M.V", size=8.97), _piece(200.2, 202.4, ".", size=8.97)]) == "M.M.V."


def test_the_same_characters_side_by_side_are_both_kept() -> None:
    """Two pieces with the same text one after the other (11, ——) are text, not a copy."""
    assert _deduped([_piece(100, 105, "1"), _piece(105, 110, "1")]) == "11"
    assert _deduped([_piece(100, 110, "—"), _piece(110, 120, "—")]) == "——"
    assert _deduped([_piece(100, 120, "ab"), _piece(110, 120, "a")]) == "ab" + "a"  # (not b's place)


def test_strings_drawn_under_a_scaling_matrix_stay_one_piece() -> None:
    """A page set on another trim (its content under a scaling `cm`, as imposition and pypdf's
    scale_by draw it): each string starts where float arithmetic puts the last one's end, a
    hair before or after it. The strings are still one run of text, as at 100%."""
    factor = 297 / 260
    body = b"".join(b"(%s) Tj " % bytes([97 + i % 26]) for i in range(40))
    at_100 = _walk(b"BT /F1 9.5 Tf 1 0 0 1 56.7 700.3 Tm " + body + b"ET")
    scaled = _walk(b"q %.6f 0 0 %.6f 0 0 cm BT /F1 9.5 Tf 1 0 0 1 56.7 700.3 Tm " % (factor, factor) + body + b"ET Q")
    assert len(at_100) == 1
    assert scaled == at_100


def test_word_gaps_are_measured_against_the_size_as_drawn() -> None:
    """A gap of 0.15 em between a CJK word and "[M]" reads the same at any scale: at 9.14 pt
    the size's 0.1 pt tally key (9.1) made it 0.1506 em, a word space, where at 8 pt it is none."""
    from parsers.textlayer import _make_line

    def line(size: float) -> str:
        k = size / 8.0
        made = _make_line([_piece(388.4 * k, 447.7 * k, "医学伦理学辞典", size=size),
                           _piece(448.9 * k, 466.7 * k, "[M].", size=0.95 * size)])
        assert made is not None
        return made.text

    assert line(8.0) == "医学伦理学辞典[M]."
    assert line(8.0 * 297 / 260) == line(8.0)
