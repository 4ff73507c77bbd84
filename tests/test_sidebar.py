"""An ARTICLE INFO sidebar printed beside the abstract (Elsevier's front-matter box): the
text layer's merged lines are put back into two columns."""
from __future__ import annotations

from parsers.sidebar import unmerge_info_column
from parsers.textlayer import Line, Span, _make_line


def _span(text: str, x0: float, y: float, size: float = 8.0) -> Span:
    return Span(text=text, x0=x0, x1=x0 + len(text) * size * 0.5, y=y, size=size, font="F", sup=False)


def _line(y: float, *parts: tuple[str, float]) -> Line:
    spans = [_span(t, x, y) for t, x in parts]
    return Line(text=" ".join(t for t, _ in parts), x0=spans[0].x0, x1=spans[-1].x1, y=y, size=8.0, spans=spans)


def test_the_sidebar_and_the_abstract_come_apart() -> None:
    lines = [_line(150, ("A Title", 52)),
             _line(223, ("A R T I C L E I N F O A B S T R A C T", 56)),
             _line(237, ("Article type:", 56), ("Chronic pain is a common problem that", 174)),
             _line(246, ("Review article", 56), ("presents a major challenge.", 174)),
             _line(255, ("Drugs are few.", 174)),
             _line(291, ("Keywords:", 56), ("More text of the abstract", 174)),
             _line(300, ("Analgesic", 56), ("ends here.", 174)),
             _line(309, ("Chronic pain", 56)),
             _line(420, ("Introduction", 51))]
    texts = [ln.text for ln in unmerge_info_column(lines)]
    assert texts == ["A Title", "ARTICLE INFO", "Article type:", "Review article", "Keywords:", "Analgesic",
                     "Chronic pain", "Abstract", "Chronic pain is a common problem that", "presents a major challenge.",
                     "Drugs are few.", "More text of the abstract", "ends here.", "Introduction"]


def test_pages_without_the_box_are_untouched() -> None:
    lines = [_line(100, ("Article type:", 56), ("Chronic pain is a common problem", 174))]
    assert unmerge_info_column(lines) is lines


def _glyphs(text: str, x: float, y: float = 100.0, size: float = 8.0) -> list[list]:
    out = []
    for ch in text:
        out.append([x, x + size * 0.5, y, size, "F", ch, False, 0.15, False])
        x += size * 0.5
    return out


def test_a_gutter_between_latin_words_starts_a_new_span() -> None:
    line = _make_line(_glyphs("Analgesic", 56) + _glyphs("for", 174))
    assert [sp.text for sp in line.spans] == ["Analgesic", "for"]
    assert line.spans[1].x0 == 174
    near = _make_line(_glyphs("Analgesic", 56) + _glyphs("for", 56 + 9 * 4 + 6))
    assert len(near.spans) == 1  # a word space, however wide the justification, is no gutter


def test_a_font_change_inside_the_abstract_column_keeps_its_spacing() -> None:
    italic = _span("Pterodon", 174, 300)
    comma = Span(text=",", x0=italic.x1 + 0.2, x1=italic.x1 + 2.2, y=300, size=8.0, font="R", sup=False)
    rest = Span(text="and more", x0=comma.x1 + 2.0, x1=comma.x1 + 34, y=300, size=8.0, font="F", sup=False)
    merged = Line(text="Analgesic Pterodon, and more", x0=56, x1=rest.x1, y=300, size=8.0,
                  spans=[_span("Analgesic", 56, 300), italic, comma, rest])
    lines = [_line(223, ("A R T I C L E I N F O A B S T R A C T", 56)), merged]
    assert [ln.text for ln in unmerge_info_column(lines)] == ["ARTICLE INFO", "Analgesic", "Abstract", "Pterodon, and more"]


def test_a_margin_box_in_smaller_type_is_parted_from_the_column() -> None:
    from parsers.sidebar import split_side_box
    box = Span(text="Department of Pharmacology", x0=58, x1=160, y=449, size=8.0, font="F", sup=False)
    col = Span(text="liquid chromatography in rats.", x0=171, x1=330, y=449, size=10.0, font="G", sup=False)
    merged = Line(text="Department of Pharmacology liquid chromatography in rats.", x0=58, x1=330, y=449, size=10.0,
                  spans=[box, col])
    assert [ln.text for ln in split_side_box([merged])] == ["Department of Pharmacology", "liquid chromatography in rats."]
    # no gap (an italic or a symbol in another size inside a sentence), a raised mark, or a
    # Chinese label set larger: the line stays whole
    tight = Span(text="liquid", x0=161, x1=190, y=449, size=10.0, font="G", sup=False)
    assert len(split_side_box([Line(text="x", x0=58, x1=190, y=449, size=10, spans=[box, tight])])) == 1
    label = Span(text="【关键词】", x0=58, x1=110, y=449, size=10.5, font="H", sup=False)
    words = Span(text="改革；开放", x0=125, x1=180, y=449, size=9.0, font="S", sup=False)
    assert len(split_side_box([Line(text="【关键词】 改革；开放", x0=58, x1=180, y=449, size=9, spans=[label, words])])) == 1
    bold = Span(text="Abstract:", x0=42, x1=81, y=449, size=10.98, font="B", sup=False)
    text = Span(text="In the flood season of 2020", x0=93, x1=300, y=449, size=8.5, font="R", sup=False)
    assert len(split_side_box([Line(text="Abstract: In the flood season of 2020", x0=42, x1=300, y=449, size=8.5,
                                    spans=[bold, text])])) == 1
