"""OCR (parsers/ocr.py, parsers/ocr_pdf.py): boxes become the text layer's own line objects,
results are cached by sha256 and page, OCR'd pages get an invisible text layer in the
article PDF, and the generated scanned fixture (tests/make_scanned_fixture.py) goes through
the whole split and extraction.

Only three things run the engine: one cover page, and the five-page scanned fixture at
300 dpi (made for the test session: tests/make_scanned_fixture.archival_scan) and at 150 dpi
(committed), once each for the module. Everything else is fed boxes."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from parsers import ocr
from parsers.ocr import OcrBox, lines_from_boxes
from tests.field_diff import flatten
from tests.test_fixtures_golden import _normalise_warnings

HERE = Path(__file__).resolve().parent
SCANNED_150 = HERE / "fixtures_scanned_150"  # committed; the 300-dpi scan is made per test session


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("JOURNAL_INGEST_OCR_CACHE", str(tmp_path_factory.getbasetemp() / "ocr-cache"))


def test_boxes_become_lines_in_column_reading_order_with_sizes_and_confidence() -> None:
    # a full-width title, then two columns whose lines sit on (nearly) the same baselines
    boxes = [OcrBox("日本与北约战略合作的动因与前景", 140, 90, 380, 107, 0.99)]
    for k in range(10):
        top = 150 + 16 * k
        boxes.append(OcrBox(f"左栏第{k + 1}行的正文内容", 50, top, 150, top + 12.5, 0.98))
        boxes.append(OcrBox(f"右栏第{k + 1}行的正文内容", 290, top + 0.6, 390, top + 13.1, 0.9 if k == 2 else 0.97))
    lines = lines_from_boxes(boxes, 540, 760)
    texts = [ln.text for ln in lines]
    assert texts[0] == "日本与北约战略合作的动因与前景"
    assert texts[1:11] == [f"左栏第{k + 1}行的正文内容" for k in range(10)]
    assert texts[11:] == [f"右栏第{k + 1}行的正文内容" for k in range(10)]
    assert lines[0].size > 1.25 * lines[1].size  # the title is in larger type
    assert all(ln.invisible for ln in lines)
    assert lines[13].confidence == 0.9 and lines[1].confidence == 0.98


def test_spaces_come_from_the_gaps_between_recognised_characters() -> None:
    # centres 9 pt apart for 9 pt ideographs; one gap of 4 pt more is a printed space
    assert ocr.spaced_text("吉林长春", [0, 9, 22, 31], 9.0) == "吉林 长春"
    # justification noise (a quarter em) is not a space between ideographs
    assert ocr.spaced_text("吉林长春", [0, 9, 20.5, 29.5], 9.0) == "吉林长春"
    # Latin: half-em letters 4.5 pt apart, a word gap of 3 pt more
    assert ocr.spaced_text("ab cd", [0, 4.5, 9, 13.5, 18], 9.0) == "ab cd"  # the engine's own space stays
    assert ocr.spaced_text("andNATO", [0, 4.5, 9, 17, 23, 29, 35], 9.0) == "and NATO"
    # a narrow letter's gap inside what the word list holds as one word is no space
    assert ocr.spaced_text("sensibility", [0, 4.5, 9, 13.5, 18, 22.5, 27, 34, 38.5, 43, 47.5], 9.0) == "sensibility"
    # never inside an address, within a number, or before closing punctuation
    assert ocr.spaced_text("x/2022", [0, 4, 8, 16, 20, 24], 9.0) == "x/2022"
    assert ocr.spaced_text("ab.", [0, 4.5, 12], 9.0) == "ab."
    # without one position per character the text is left alone
    assert ocr.spaced_text("吉林长春", [0, 9], 9.0) == "吉林长春"


def test_repairs_of_what_the_engine_reads() -> None:
    from parsers.ocr_text import repair
    # a raised affiliation mark and its comma read as an apostrophe between two names
    assert repair("OUYANG Mingyuan'SIMA Qing") == "OUYANG Mingyuan, SIMA Qing"
    # real apostrophes stay: possessives, contractions, O'Brien
    assert repair("NATO's partners and O'Brien's view") == "NATO's partners and O'Brien's view"
    # run-together words, glued labels, an open year range
    assert repair("betweenJapan") == "between Japan"
    assert repair("06-0015-02中图分类号：D831.3") == "06-0015-02 中图分类号：D831.3"
    assert repair("（1985一）") == "（1985—）"
    # the raised mark alone before a pinyin byline's comma; a plural possessive keeps its own
    assert repair("OUYANGMingyuan',SIMAQing") == "OUYANG Mingyuan,SIMA Qing"
    assert repair("the students', WANG Li") == "the students', WANG Li"
    # GB/T 15834 stacks no colon on a full stop; a single quote closing a double-quoted phrase
    assert repair("“入场券”：。双方") == "“入场券”。双方"
    assert repair('NATO\'s "Asia-Pacificization\'') == 'NATO\'s "Asia-Pacificization"'
    assert repair('the "students\' view"') == 'the "students\' view"'
    # a hyphenated pinyin given name with the recogniser's gap; a suspended hyphen stays
    assert repair("CHEN Huan-ran, CHEN Zong- ji.") == "CHEN Huan-ran, CHEN Zong-ji."
    assert repair("pre- and post-operative care") == "pre- and post-operative care"


def test_an_author_whose_mark_was_lost_gets_the_one_unit_nobody_claims() -> None:
    from parsers.article import _lost_mark
    units = {"1": "吉林大学东北亚研究院", "2": "辽宁大学国际关系学院"}
    assert _lost_mark([("欧阳明远", []), ("司马青", ["2"])], units) == [("欧阳明远", ["1"]), ("司马青", ["2"])]
    # two unmarked authors, or every unit claimed: nothing is guessed
    assert _lost_mark([("甲", []), ("乙", []), ("丙", ["2"])], units) == [("甲", []), ("乙", []), ("丙", ["2"])]
    assert _lost_mark([("甲", ["1", "2"]), ("乙", [])], units) == [("甲", ["1", "2"]), ("乙", [])]


def test_a_vendor_download_stamp_in_the_page_image_is_no_line() -> None:
    boxes = [OcrBox(f"正文第{k}行的内容在这里", 50, 100 + 15 * k, 250, 112 + 15 * k, 0.99) for k in range(5)]
    boxes.append(OcrBox("中国知网 https://www.cnki.net", 200, 800, 330, 812, 0.99))
    texts = [ln.text for ln in lines_from_boxes(boxes, 460, 840)]
    assert texts == [f"正文第{k}行的内容在这里" for k in range(5)]


def test_vertical_and_huge_decorative_text_is_left_out() -> None:
    boxes = [OcrBox(f"正文第{k}行的内容在这里", 50, 100 + 15 * k, 250, 112 + 15 * k, 0.99) for k in range(5)]
    boxes.append(OcrBox("方的变性", 260, 60, 300, 300, 0.98))   # a vertical title
    boxes.append(OcrBox("热", 250, 310, 300, 365, 0.76))        # one huge character of it
    texts = [ln.text for ln in lines_from_boxes(boxes, 540, 760)]
    assert texts == [f"正文第{k}行的内容在这里" for k in range(5)]


def test_the_mode_chooses_the_pages() -> None:
    from parsers.textlayer import Document, PageText
    pages = [PageText(1, 500, 700, None, []), PageText(2, 500, 700, None, [], distrust="no text layer: x")]
    doc = Document(Path("x.pdf"), "0" * 64, 2, pages, [], {})
    assert ocr.pages_to_ocr(doc, "auto") == [2]
    assert ocr.pages_to_ocr(doc, "always") == [1, 2]
    assert ocr.pages_to_ocr(doc, "never") == []
    with pytest.raises(ValueError):
        ocr.pages_to_ocr(doc, "sometimes")


def test_a_scanned_page_is_read_and_a_second_read_comes_from_the_cache(monkeypatch) -> None:
    from parsers.textlayer import read_document
    pdf = SCANNED_150 / "issue.pdf"
    doc = read_document(pdf, workers=1, strict=False)
    assert all(p.distrust.startswith("no text layer") for p in doc.pages)
    boxes = ocr.ocr_page(pdf, doc.sha256, 1)
    text = "".join(b.text for b in boxes)
    assert "东北亚学刊" in text and all(0 <= b.confidence <= 1 for b in boxes)

    def no_engine():
        raise AssertionError("the engine ran although the page is cached")

    monkeypatch.setattr(ocr, "_engine", no_engine)
    assert ocr.ocr_page(pdf, doc.sha256, 1) == boxes


def test_article_pdf_gets_an_invisible_searchable_text_layer(tmp_path: Path) -> None:
    import io

    from pypdf import PdfReader

    from parsers.article_pdf import article_pdf_bytes
    from parsers.textlayer import read_document
    from schemas.model import Article

    boxes = {1: [OcrBox("东北亚学刊 2023年第6期", 58, 30, 200, 41, 0.99),
                 OcrBox("日本与北约战略合作的动因与前景", 139, 88, 380, 106, 0.99)]}
    art = Article(id="a01", pdf_pages=[1, 1])
    data = article_pdf_bytes(PdfReader(str(SCANNED_150 / "issue.pdf")), art, boxes)
    out = tmp_path / "article.pdf"
    out.write_bytes(data)
    doc = read_document(out, workers=1)  # the image-only page now has a (trusted) text layer
    texts = [ln.text for ln in doc.pages[0].lines]
    assert "日本与北约战略合作的动因与前景" in texts
    assert all(ln.invisible for ln in doc.pages[0].lines)  # render mode 3: nothing drawn over the scan
    title = next(ln for ln in doc.pages[0].lines if ln.text.startswith("日本"))
    assert abs(title.x0 - 139) < 1 and abs(title.x1 - 380) < 2
    assert "日本与北约" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


# --------------------------------------------------------------- the whole path on a scan
def _ingest_scan(folder: Path, out: Path) -> tuple[dict, Path]:
    from cli.main import main
    assert main(["ingest", str(folder / "issue.pdf"), "--out", str(out), "--no-links", "--quiet"]) == 0
    issue_dir = next(out.iterdir())
    return json.loads((issue_dir / "issue.json").read_text(encoding="utf-8")), issue_dir


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    """The 300-dpi scanned fixture (tests/make_scanned_fixture.py), made for this session:
    3 MB, too large to commit, and made from committed files without fonts."""
    from tests.make_scanned_fixture import archival_scan
    return archival_scan(tmp_path_factory.mktemp("scanned-300")).parent


@pytest.fixture(scope="module")
def scanned_record(scanned, tmp_path_factory) -> tuple[dict, Path]:
    return _ingest_scan(scanned, tmp_path_factory.mktemp("scanned-out"))


def _as_scored(value):
    """A value as ../shared/eval/score.py compares it: NFKC (full-width punctuation is the
    half-width one), en/em dashes and curly quotes folded, no whitespace, no final stop."""
    if isinstance(value, list):
        return [_as_scored(v) for v in value]
    s = unicodedata.normalize("NFKC", str(value)).translate(str.maketrans("\u2013\u2014\u2019\u201c\u201d", "--'\"\""))
    return re.sub(r"\s+", "", s).strip("。.;；,，")


def _scan_score(record: dict, folder: Path) -> tuple[int, int, int]:
    """(fields exact, fields exact as score.py compares, fields) against the born-digital truth."""
    want = dict(flatten(_normalise_warnings(json.loads((folder / "expected.json").read_text(encoding="utf-8")))))
    got = dict(flatten(_normalise_warnings(record)))
    exact = sum(got.get(k, "<missing>") == v for k, v in want.items())
    scored = sum(_as_scored(got.get(k, "<missing>")) == _as_scored(v) for k, v in want.items())
    return exact, scored, len(want)


def test_the_scanned_fixture_splits_exactly(scanned, scanned_record) -> None:
    record, _ = scanned_record
    truth = json.loads((scanned / "expected.json").read_text(encoding="utf-8"))
    assert [a["pdf_pages"] for a in record["articles"]] == [a["pdf_pages"] for a in truth["articles"]]
    assert [a["title"]["zh"] for a in record["articles"]] == [a["title"]["zh"] for a in truth["articles"]]


def test_the_scanned_fixture_records_its_ocr_pages_and_scores(scanned, scanned_record) -> None:
    record, issue_dir = scanned_record
    pages = record["source"]["pages_ocr"]
    assert [p["page"] for p in pages] == [1, 2, 3, 4, 5]
    assert all(p["ocr"] and p["reason"].startswith("no text layer") and p["confidence"] > 0.8 for p in pages)
    exact, scored, n = _scan_score(record, scanned)
    assert scored / n >= MIN_SCORE and exact / n >= MIN_EXACT, f"{scored}/{n} fields as scored, {exact}/{n} exact"
    # the article PDFs are searchable
    from parsers.textlayer import read_document
    doc = read_document(issue_dir / "articles" / "a01" / "article.pdf", workers=1)
    assert record["articles"][0]["title"]["zh"] in doc.text.replace("\n", "")
    # and the review page says which pages were read by OCR
    html = (issue_dir / "report.html").read_text(encoding="utf-8")
    assert "Text layer not trusted" in html and "p. 3: read by OCR, confidence" in html


def test_with_ocr_off_a_scan_is_the_one_line_error(tmp_path: Path, capsys) -> None:
    from cli.main import main
    out = tmp_path / "out"
    assert main(["ingest", str(SCANNED_150 / "issue.pdf"), "--out", str(out), "--no-links", "--quiet", "--ocr", "never"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "issue.pdf" in err and "image-only" in err and "--ocr never" in err
    assert not out.exists() or not any(out.iterdir())


def test_a_blank_scan_is_still_the_one_line_error_after_ocr(tmp_path: Path, capsys) -> None:
    from PIL import Image

    from cli.main import main
    pdf = tmp_path / "blank.pdf"
    Image.new("L", (620, 877), 255).save(pdf, "PDF", resolution=75)  # one white A4 page, image only
    out = tmp_path / "out"
    assert main(["ingest", str(pdf), "--out", str(out), "--no-links", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "blank.pdf" in err and "image-only" in err and "OCR found no text either" in err
    assert not out.exists() or not any(out.iterdir())


def test_the_prefect_flow_ocrs_pages_as_tasks(prefect_server, scanned, scanned_record, tmp_path: Path) -> None:
    # the module's CLI run filled the OCR cache: the flow's per-page tasks read it back
    from flows.ingest import ingest_issue
    record, _ = scanned_record
    result = ingest_issue(str(scanned / "issue.pdf"), str(tmp_path / "out"), None, links=False, schemas=False)
    assert [p.page for p in result.issue.source.pages_ocr if p.ocr] == [1, 2, 3, 4, 5]
    assert [a.pdf_pages for a in result.issue.articles] == [a["pdf_pages"] for a in record["articles"]]
    assert [a.title.zh for a in result.issue.articles] == [a["title"]["zh"] for a in record["articles"]]


# measured 116/120 as score.py compares (96.7%), 103/120 character for character (the rest:
# full-width punctuation and spaces in references); the issue asks for 95%. See bench/README.md (OCR)
MIN_SCORE = 0.95
MIN_EXACT = 0.83


def test_a_poor_150_dpi_scan_still_splits_exactly_and_scores(tmp_path: Path) -> None:
    # a fax-grade scan (150 dpi, JPEG at quality 60, noise and skew): the split holds and most
    # fields are read; measured 103/120 as score.py compares (85.8%), 96/120 exact
    record, _ = _ingest_scan(SCANNED_150, tmp_path / "out")
    truth = json.loads((SCANNED_150 / "expected.json").read_text(encoding="utf-8"))
    assert [a["pdf_pages"] for a in record["articles"]] == [a["pdf_pages"] for a in truth["articles"]]
    exact, scored, n = _scan_score(record, SCANNED_150)
    assert scored / n >= 0.83, f"{scored}/{n} fields as scored, {exact}/{n} exact"


def test_ocr_processes_are_bounded_by_the_memory_available(monkeypatch) -> None:
    # each OCR process peaks at about 1.3 GB: a machine with the cores but not the memory
    # for four gets fewer (read from /proc/meminfo where there is one)
    roomy = ocr._workers_memory_allows()
    assert roomy >= 1
    monkeypatch.setattr(ocr, "OCR_PROCESS_BYTES", 1 << 50)  # a process larger than any machine
    assert ocr._workers_memory_allows() == 1
