"""Checks on the generated fixtures themselves (tests/make_fixtures.py), without the
project's extractor: the truth files agree with the PDFs, the hard cases really are
hard (no ToUnicode, pypdf alone cannot read them), and the generator is deterministic.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from schemas.model import issue_from_dict  # noqa: E402

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
CASES = sorted(p.parent.name for p in FIXTURES.glob("*/expected.json"))
SEED_CASES = ["issue_seed_ucs2", "issue_seed_gb1"]
RUN_ON_CASES = {"issue_cnki_continuous"}      # articles start mid-page: consecutive ones share a page
SPREAD_CASES = {"issue_spreads"}              # two printed pages on each PDF page (reader spreads)


def load(case: str) -> dict:
    return json.loads((FIXTURES / case / "expected.json").read_text(encoding="utf-8"))


def reader(case: str):
    return pypdf.PdfReader(str(FIXTURES / case / "issue.pdf"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pages_text(r, first: int, last: int) -> str:
    return "".join(r.pages[i].extract_text() for i in range(first - 1, last))


def cjk_fonts(r):
    seen = {}
    for page in r.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font.get("/Subtype") == "/Type0":
                seen[id(font)] = font
    return list(seen.values())


def test_all_cases_present():
    assert set(CASES) >= {"issue_seed_ucs2", "issue_seed_gb1", "issue_cnki_ttf", "issue_cnki_continuous",
                          "single_article"}
    assert (FIXTURES / "journal.toml").is_file()


@pytest.mark.parametrize("case", CASES)
def test_truth_round_trips_through_model(case):
    data = load(case)
    # (the truth files print no confidence: the model's default, an empty map, stands for it)
    for record in [data, *data["articles"]]:
        record.setdefault("confidence", {})
    for person in (p for a in data["articles"] for p in a["contributors"]):
        person.setdefault("corresponding", False)  # (nor the corresponding flag: false unless named)
    for art in data["articles"]:  # (nor where a DOI came from or where each field was printed)
        art.setdefault("doi_source", "")
        art.setdefault("provenance", {})
    assert issue_from_dict(data).to_dict() == data


@pytest.mark.parametrize("case", CASES)
def test_source_matches_pdf(case):
    data = load(case)
    pdf = (FIXTURES / case / "issue.pdf").read_bytes()
    assert data["source"]["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert data["source"]["pages"] == len(reader(case).pages)
    assert len(pdf) < 600 * 1024


@pytest.mark.parametrize("case", CASES)
def test_page_ranges_consistent(case):
    data = load(case)
    n = data["source"]["pages"]
    prev_last = 0
    for i, art in enumerate(data["articles"]):
        assert art["id"] == f"a{i + 1:02d}"
        first, last = art["pdf_pages"]
        assert prev_last < first <= last <= n or (case in RUN_ON_CASES and prev_last == first <= last <= n)
        if case in SPREAD_CASES:  # (printed pages fpage..lpage on PDF pages first..last, two a page)
            assert (int(art["lpage"]) - int(art["fpage"])) // 2 <= last - first <= (int(art["lpage"]) - int(art["fpage"])) // 2 + 1
        else:
            assert int(art["lpage"]) - int(art["fpage"]) == last - first
        prev_last = last
        assert [c["n"] for c in art["citations"]] == list(range(1, len(art["citations"]) + 1))
        codes = {w["code"] for w in art["warnings"]}
        if art["article_no"]:
            m = re.fullmatch(r"(\d{4}-\d{3}[\dX])\((\d{4})\)(\d{2})-(\d{4})-(\d{2})", art["article_no"])
            assert m, art["article_no"]
            assert int(m.group(4)) == int(art["fpage"])
            real = last - first + 1 if case not in SPREAD_CASES else int(art["lpage"]) - int(art["fpage"]) + 1
            assert (int(m.group(5)) != real) == ("article-no-page-count" in codes)
        if art["doc_code"]:
            assert (art["doc_code"] not in "ABCDE") == ("doc-code" in codes)


def test_planted_warnings_present():
    seed = {a["id"]: [w["code"] for w in a["warnings"]] for a in load("issue_seed_gb1")["articles"]}
    assert seed["a05"] == ["article-no-page-count"]
    cnki = {a["id"]: [w["code"] for w in a["warnings"]] for a in load("issue_cnki_ttf")["articles"]}
    assert cnki["a02"] == ["doc-code"]


def test_seed_variants_share_truth_except_source():
    a, b = load("issue_seed_ucs2"), load("issue_seed_gb1")
    assert a["source"]["pages"] == b["source"]["pages"]
    assert a["source"]["sha256"] != b["source"]["sha256"]
    a.pop("source"), b.pop("source")
    assert a == b


def test_article_types_and_shapes():
    arts = load("issue_seed_gb1")["articles"]
    assert [a["type"] for a in arts] == ["editorial", "research-article", "research-article", "book-review",
                                         "research-article"]
    for a in arts:
        if a["type"] != "research-article":
            assert a["doi"] == "" and a["abstract"]["zh"] == ""
        else:
            assert a["doi"].startswith("10.19498/") and a["title"]["en"] and a["keywords"]["en"]
    names = [c["name_pinyin"] for a in arts for c in a["contributors"]]
    assert "Ouyang Mingyuan" in names and "Sima Qing" in names
    two = load("issue_cnki_ttf")["articles"][0]["contributors"]
    assert [c["name"]["en"] for c in two] == ["OUYANG Mingyuan", "SIMA Qing"]


@pytest.mark.parametrize("case", ["issue_seed_ucs2", "single_article"])
def test_ucs2_text_contains_truth(case):
    """pypdf reads the UCS2 CID font: every truth string is visible in the article pages."""
    data, r = load(case), reader(case)
    for art in data["articles"]:
        first, last = art["pdf_pages"]
        text = squash(pages_text(r, first, last))
        assert squash(art["title"]["zh"]) in text
        assert f"·{art['fpage']}·" in squash(r.pages[first - 1].extract_text())
        for value in [art["abstract"]["zh"], art["doi"], art["received"], art["funding"]] + \
                [c["bio"] for c in art["contributors"]]:
            assert squash(value) in text, value[:40]
        for cit in art["citations"]:
            assert squash(cit["text"]) in text, cit["text"][:60]
        if art["article_no"]:
            printed = art["article_no"].replace("(", "（").replace(")", "）")
            assert printed in text


def test_printed_spaces_between_cjk_are_real_glyphs():
    """Truth keeps a space printed between CJK characters; it is a real space glyph."""
    r = reader("issue_seed_ucs2")
    first = load("issue_seed_ucs2")["articles"][1]["pdf_pages"][0]
    assert "（北京 邮编：" in r.pages[first - 1].extract_text()


def test_ucs2_english_section_matches_truth():
    data, r = load("issue_seed_ucs2"), reader("issue_seed_ucs2")
    last_article = data["articles"][-1]["pdf_pages"][1]
    tail = squash(pages_text(r, last_article + 1, data["source"]["pages"]))
    for art in data["articles"]:
        if art["type"] == "research-article":
            who = ", ".join(c["name"]["en"] for c in art["contributors"])
            assert squash(f"{who} / {art['fpage']}") in tail
            assert squash(art["title"]["en"]) in tail
            assert squash(art["abstract"]["en"]) in tail


def test_ucs2_outline_and_page_labels():
    data, r = load("issue_seed_ucs2"), reader("issue_seed_ucs2")
    outline = [(o.title, r.get_destination_page_number(o) + 1) for o in r.outline]
    assert outline == [(a["title"]["zh"], a["pdf_pages"][0]) for a in data["articles"]]
    for art in data["articles"]:
        assert r.page_labels[art["pdf_pages"][0] - 1] == art["fpage"]


def test_gb1_is_hard():
    """Identity-H + Adobe-GB1 CIDs, no ToUnicode, no outline or labels: pypdf sees no title."""
    data, r = load("issue_seed_gb1"), reader("issue_seed_gb1")
    fonts = cjk_fonts(r)
    assert fonts
    for font in fonts:
        assert font["/Encoding"] == "/Identity-H"
        assert "/ToUnicode" not in font
        info = font["/DescendantFonts"][0].get_object()["/CIDSystemInfo"]
        assert (info["/Registry"], info["/Ordering"], info["/Supplement"]) == ("Adobe", "GB1", 5)
    assert not r.outline
    assert "/PageLabels" not in r.trailer["/Root"]
    for art in data["articles"]:
        first, _ = art["pdf_pages"]
        assert squash(art["title"]["zh"])[:6] not in squash(r.pages[first - 1].extract_text())


@pytest.mark.parametrize("case", ["issue_cnki_ttf", "issue_cnki_continuous"])
def test_cnki_font_is_embedded_ttf_without_tounicode(case):
    data, r = load(case), reader(case)
    fonts = cjk_fonts(r)
    assert len(fonts) == 1
    font = fonts[0]
    desc = font["/DescendantFonts"][0].get_object()
    assert font["/Encoding"] == "/Identity-H" and "/ToUnicode" not in font
    assert desc["/Subtype"] == "/CIDFontType2" and desc["/CIDToGIDMap"] == "/Identity"
    assert "/FontFile2" in desc["/FontDescriptor"]
    for art in data["articles"]:
        assert squash(art["title"]["zh"])[:6] not in squash(r.pages[art["pdf_pages"][0] - 1].extract_text())


@pytest.mark.parametrize("case", ["issue_seed_gb1", "issue_cnki_ttf", "issue_cnki_continuous"])
def test_hard_cases_are_decodable(case):
    """What the extractor has to do is possible: pdfminer (Adobe-GB1 tables / the embedded
    TrueType cmap) recovers the titles."""
    pdfminer = pytest.importorskip("pdfminer.high_level")
    data = load(case)
    path = str(FIXTURES / case / "issue.pdf")
    for art in data["articles"]:
        text = squash(pdfminer.extract_text(path, page_numbers=[art["pdf_pages"][0] - 1]))
        assert squash(art["title"]["zh"]) in text


def test_run_on_articles_start_mid_page():
    """issue_cnki_continuous: every article after the first starts on the page where the
    previous one ends, below its last reference, with its own footnote block (收稿日期) at the
    foot of that page; one start is in the top half of its page, one in the lower half; the
    shared page's running head never names the new article's first author."""
    layout = pytest.importorskip("pdfminer.layout")
    from pdfminer.high_level import extract_pages

    case = "issue_cnki_continuous"
    data = load(case)
    path = str(FIXTURES / case / "issue.pdf")
    arts = data["articles"]
    halves = set()
    for prev, art in itertools.pairwise(arts):
        shared = art["pdf_pages"][0]
        assert prev["pdf_pages"][1] == shared and prev["lpage"] == art["fpage"]
        page = next(extract_pages(path, page_numbers=[shared - 1]))
        lines = sorted(((ln.y1, squash(ln.get_text())) for box in page if isinstance(box, layout.LTTextContainer)
                        for ln in box if isinstance(ln, layout.LTTextLine)), reverse=True)
        text = "".join(t for _, t in lines)
        y_start = next(y for y, t in lines if t.startswith("文章编号") and art["doi"] in t)
        last = prev["citations"][-1]
        y_last_ref = next(y for y, t in lines if t.startswith(f"[{last['n']}]{squash(last['text'])[:8]}"))
        assert y_last_ref > y_start
        assert squash(art["title"]["zh"]) in text and f"收稿日期：{art['received']}" in text
        assert f"收稿日期：{prev['received']}" not in text
        head = "".join(t for y, t in lines if y > lines[0][0] - 2)
        assert art["contributors"][0]["name"]["zh"] not in head and f"·{art['fpage']}·" in head
        halves.add("top" if y_start > page.height / 2 else "lower")
    assert halves == {"top", "lower"}


def _generate(out: Path) -> None:
    subprocess.run([sys.executable, str(HERE / "make_fixtures.py"), "--out", str(out)], check=True,
                   capture_output=True)


def test_generator_is_deterministic(tmp_path):
    """Two runs give identical bytes; the truth equals the committed truth; and with the
    same library versions (stamped in /Creator) the PDFs equal the committed ones."""
    pytest.importorskip("reportlab")
    pytest.importorskip("fontTools")
    from tests.make_fixtures import CREATOR, TTF_PATH  # noqa: PLC0415

    if not Path(TTF_PATH).is_file():
        pytest.skip(f"{TTF_PATH} not installed")
    _generate(tmp_path / "one")
    _generate(tmp_path / "two")
    same_versions = reader(CASES[0]).metadata.get("/Creator") == CREATOR
    for case in CASES:
        for name in ("issue.pdf", "expected.json"):
            assert (tmp_path / "one" / case / name).read_bytes() == (tmp_path / "two" / case / name).read_bytes()
        fresh = json.loads((tmp_path / "one" / case / "expected.json").read_text(encoding="utf-8"))
        committed = load(case)
        fresh["source"].pop("sha256"), committed["source"].pop("sha256")
        assert fresh == committed, case
        if same_versions:
            for name in ("issue.pdf", "expected.json"):
                assert (tmp_path / "one" / case / name).read_bytes() == (FIXTURES / case / name).read_bytes(), \
                    (case, name)
    assert (tmp_path / "one" / "journal.toml").read_bytes() == (FIXTURES / "journal.toml").read_bytes()
