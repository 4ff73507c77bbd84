"""The rules behind English abstracts and keyword lists (session 9), one by one, on
text-layer lines built by hand: the label that is a label, the text under a label found by
position, the other summaries that are not the abstract, what ends a keyword list, and the
doubts noted where an end rests on weak evidence (tests/test_en_convention_cases.py reads
whole generated pages for the same conventions)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parsers.textlayer import Line, Span  # noqa: E402


def _line(runs: list[tuple[str, float, float]], y: float, size: float = 9.5, font: str = "Times-Roman",
          fonts: list[str] | None = None) -> Line:
    """A text-layer line of (text, x0, x1) runs on baseline `y` (each run's font from `fonts`)."""
    spans = [Span(text=t, x0=a, x1=b, y=y, size=size, font=(fonts[n] if fonts else font), sup=False)
             for n, (t, a, b) in enumerate(runs)]
    return Line(text=" ".join(t for t, _, _ in runs), x0=spans[0].x0, x1=spans[-1].x1, y=y, size=size, spans=spans)


@pytest.mark.parametrize("runs,fonts,want", [
    ([("Keywords: soil moisture; winter wheat", 56, 300)], None, True),
    ([("KEYWORDS soil moisture, winter wheat", 56, 300)], None, True),                      # capitals
    ([("Keywords", 56, 95), ("soil moisture · winter wheat", 98, 300)], ["Times-Bold", "Times-Roman"], True),
    ([("Keywords soil moisture; winter wheat; tillering", 56, 300)], None, True),            # separators
    ([("Keywords", 56, 95)], None, True),                                                    # alone
    ([("Keywords were searched in three databases for field studies", 56, 500)], None, False),
    ([("Key words used in the search were drought and yield", 56, 500)], None, False),
])
def test_a_keywords_label_is_printed_as_one(runs, fonts, want: bool) -> None:
    from parsers.article_en import is_keywords_label

    assert is_keywords_label(_line(runs, 300.0, fonts=fonts)) is want


def test_the_text_under_a_label_is_found_by_position_not_by_reading_order() -> None:
    """Elsevier's article-info column and the abstract read across, line by line: the line
    under "Keywords:" in the left column is the list's, not the abstract's line read before it."""
    from parsers.article_en import keywords_from_lines

    lines = [_line([("Keywords:", 56, 90)], 374.0, 8.0),
             _line([("effect was strongest in the driest season and weakest when", 226, 539)], 381.0, 9.0),
             _line([("soil moisture", 56, 97)], 384.0, 8.0),
             _line([("A simple water balance model driven by daily weather", 226, 539)], 392.0, 9.0),
             _line([("winter wheat", 56, 97)], 394.0, 8.0),
             _line([("tillering", 56, 81)], 404.0, 8.0)]
    assert keywords_from_lines(lines, 0) == ["soil moisture", "winter wheat", "tillering"]


@pytest.mark.parametrize("text,other", [
    ("Simple Summary: Wheat grown in dry regions depends on the rain stored in the soil.", True),
    ("Author summary", True), ("eLife digest", True), ("Significance", True), ("In brief", True),
    ("G R A P H I C A L   A B S T R A C T", True), ("H I G H L I G H T S", True),
    ("Abstract", False), ("Summary", False), ("Synopsis", False),
])
def test_other_summaries_are_not_the_abstract(text: str, other: bool) -> None:
    from parsers.article_en import _ABSTRACT_ALONE, _OTHER_SUMMARY

    assert bool(_OTHER_SUMMARY.match(text)) is other
    if not other:
        assert _ABSTRACT_ALONE.match(text)


@pytest.mark.parametrize("after,fonts,ends", [
    ("Article history", ["Times-Bold"], True),                       # bold, alone: a label
    ("Correspondence to: Chen Liu (chen.liu@unl.edu)", None, True),
    ("Handling editor: Jane Doe", None, True),                       # "Label:" opens the line
    ("water balance model; tillering", None, False),                 # the list wrapped
])
def test_what_ends_a_keyword_list(after: str, fonts, ends: bool) -> None:
    from parsers.article_en import keywords_from_lines

    lines = [_line([("Keywords: soil moisture; winter wheat; semi-arid agriculture;", 56, 400)], 300.0),
             _line([(after, 56, 300)], 312.0, fonts=fonts)]
    got = keywords_from_lines(lines, 0)
    assert (got == ["soil moisture", "winter wheat", "semi-arid agriculture"]) is ends


def test_a_weak_end_is_named() -> None:
    from parsers.article_en import weak_end

    kw = _line([("Keywords: soil moisture; winter wheat", 56, 400)], 300.0)
    body = _line([("Winter wheat is the main cereal of many semi-arid regions, where the crop", 56, 530)], 312.0, 10.0)
    heading = _line([("1. Introduction", 56, 130)], 312.0, 10.5, "Times-Bold")
    gap = _line([("Winter wheat is the main cereal of many semi-arid regions, where the crop", 56, 530)], 330.0, 10.0)
    assert "type size" in weak_end([kw, body], 0)
    assert weak_end([kw, heading], 0) == ""
    assert weak_end([kw, gap], 0) == ""          # a blank line
    assert "nothing follows" in weak_end([kw], 0)


def test_a_noted_doubt_caps_the_field_and_goes_with_its_record() -> None:
    import pickle

    from parsers.confidence import PageEvidence, assess_article, clear_doubts, note_doubt
    from schemas.model import Article, Issue, LangText, Source

    art = Article(id="a01", pdf_pages=[1, 2], fpage="1", lpage="2", language="en")
    art.title = LangText(en="Seasonal variation of soil moisture and winter wheat")
    art.abstract = LangText(en="Soil moisture controls the early growth of winter wheat in dry regions. " * 8)
    art.keywords.en = ["soil moisture", "winter wheat"]
    note_doubt(art, "keywords.en", 0.6, "where the keyword list ends: nothing follows it")
    # (the doubt travels with the article: a task's result is pickled back from a worker)
    moved = pickle.loads(pickle.dumps(art))
    assert assess_article(moved, PageEvidence())["keywords.en"] == 0.6
    assert any(w.message.startswith("keywords.en: where the keyword list ends") for w in moved.warnings)
    # (and is no part of the record)
    record = Issue(source=Source(file="x.pdf", sha256="0" * 64, pages=2), articles=[moved]).to_dict()
    assert "doubts" not in record["articles"][0]
    clear_doubts(moved, ("keywords.en",))
    assert assess_article(moved, PageEvidence())["keywords.en"] == 1.0


def test_a_last_keyword_with_a_capitalised_word_inside_is_flagged() -> None:
    from parsers.confidence import PageEvidence, assess_article
    from schemas.model import Article, LangText

    art = Article(id="a01", pdf_pages=[1, 2], fpage="1", lpage="2", language="en")
    art.title = LangText(en="Seasonal variation of soil moisture and winter wheat")
    art.keywords.en = ["soil moisture", "winter wheat", "tillering Article history"]
    assert assess_article(art, PageEvidence())["keywords.en"] < 0.8
    art.keywords.en = ["soil moisture", "winter wheat", "GIS", "Triticum aestivum"]
    assert assess_article(art, PageEvidence())["keywords.en"] >= 0.8


@pytest.mark.parametrize("text,note", [
    ("Received 3 March 2024; accepted 9 May 2024; published online 1 June 2024", True),
    ("Citation: Kowalski A, Okafor B, Liu C (2024) Seasonal variation of soil moisture.", True),
    ("© 2024 Elsevier Ltd. All rights reserved.", True),
    ("Author summary", True),
    ("received 3 doses of the extract and were followed for a year", False),   # an abstract's line
    ("Significance was tested with a mixed model at the plot level.", False),  # a sentence, no label
])
def test_a_front_note_set_on_under_the_abstract(text: str, note: bool) -> None:
    from parsers.article_en import front_note_line

    assert front_note_line(text) is note


def test_keyword_lists_as_other_journals_print_them() -> None:
    from parsers.article_en import keywords_from_lines
    from parsers.english import split_keywords_en

    assert split_keywords_en("soil moisture, winter wheat, and tillering") == ["soil moisture", "winter wheat", "tillering"]
    assert split_keywords_en("salt and pepper; tillering") == ["salt and pepper", "tillering"]
    lines = [_line([("Keywords (MeSH): soil moisture; winter wheat", 56, 300)], 300.0)]
    assert keywords_from_lines(lines, 0) == ["soil moisture", "winter wheat"]
    lines = [_line([("Author keywords: soil moisture; winter wheat", 56, 300)], 300.0)]
    assert keywords_from_lines(lines, 0) == ["soil moisture", "winter wheat"]
