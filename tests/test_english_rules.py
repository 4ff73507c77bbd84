"""Rules for English-language articles, on synthetic lines (no PDF needed)."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import identifiers
from parsers.article import _list_follows
from parsers.article_en import _abstract_block, page_doi, title_text
from parsers.byline_en import affiliations, byline, looks_like_name, marked_names
from parsers.header import extract_labelled
from parsers.labels import find_labels, is_section_heading
from parsers.masthead import _latin_name
from parsers.names import split_english_name
from parsers.pages import PageInfo
from parsers.split import article_level
from parsers.textlayer import Line, OutlineItem, Span


def _sp(text: str, x0: float, size: float = 10.0, sup: bool = False, y: float = 100.0) -> Span:
    return Span(text=text, x0=x0, x1=x0 + 5 * len(text), y=y, size=size, font="F", sup=sup)


def _ln(text: str, y: float, size: float = 10.0, x0: float = 50.0, spans: list[Span] | None = None,
        x1: float | None = None) -> Line:
    return Line(text=text, x0=x0, x1=x1 if x1 is not None else x0 + 400, y=y, size=size, spans=spans or [])


def _byline_line(parts: list[tuple[str, str]], y: float = 100.0) -> Line:
    """A byline from (name text, superscript marks) pairs."""
    spans, x, text = [], 50.0, ""
    for name, marks in parts:
        spans.append(_sp(name, x, y=y))
        x += 5 * len(name)
        text += name
        if marks:
            spans.append(_sp(marks, x, size=7.0, sup=True, y=y - 4))
            x += 5 * len(marks)
            text += marks
    return _ln(text, y, spans=spans)


# ----------------------------------------------------------------------------- sections, split

def test_section_headings_are_told_from_titles() -> None:
    for heading in ("8. Conclusion", "Introduction", "Materials and methods", "3.1 Data sources", "REFERENCES"):
        assert is_section_heading(heading), heading
    for title in ("Deep Learning in Mining Biological Data", "3D printing of bones", "2021 annual report"):
        assert not is_section_heading(title), title


def test_an_outline_of_one_papers_sections_does_not_split_it() -> None:
    sections = [OutlineItem("Introduction", 1, 1), OutlineItem("Methods", 4, 1), OutlineItem("Results", 8, 1)]
    assert article_level(sections) == []
    papers = [OutlineItem("On graphs", 1, 1), OutlineItem("On trees", 9, 1), OutlineItem("On forests", 17, 1)]
    assert len(article_level(papers)) == 3


# ----------------------------------------------------------------------------- labels

def test_a_strict_label_alone_on_its_line_is_a_heading() -> None:
    hits = find_labels(["Abstract", "We show that abstract ideas", "Keywords Brain · Bioimaging"])
    assert [(h.field, h.line) for h in hits] == [("abstract_en", 0), ("keywords_en", 2)]


def test_a_strict_label_beside_a_capitals_heading() -> None:
    hits = find_labels(["ABSTRACT ARTICLE HISTORY"])
    assert [h.field for h in hits] == ["abstract_en", "history"]


def test_english_dates_are_labelled_fields() -> None:
    header = extract_labelled([_ln("Received: 1 May 2020 / Accepted: 28 September 2020", 100)])
    assert identifiers.parse_date(header.fields["received"]) == "2020-05-01"
    assert identifiers.parse_date(header.fields["accepted"]) == "2020-09-28"


def test_a_heading_label_takes_the_type_and_column_of_the_value_under_it() -> None:
    lines = [
        _ln("KEYWORDS", 100, size=7.5, x0=460, x1=500),
        _ln("Methods: a sentence of the abstract beside the box", 104, size=9.0, x0=70, x1=440),
        _ln("Cardiovascular disease", 108, size=8.0, x0=460, x1=550),
        _ln("more abstract text in the main column", 114, size=9.0, x0=70, x1=440),
        _ln("readmission; dialysis", 117, size=8.0, x0=460, x1=550),
    ]
    header = extract_labelled(lines)
    assert header.fields["keywords_en"] == "Cardiovascular disease readmission; dialysis"


# ----------------------------------------------------------------------------- bylines

def test_a_byline_with_superscript_marks_and_and() -> None:
    line = _byline_line([("Jianbo Li", "a,b"), (", Naya Huang", "c"), (" and Fengxian Huang", "a")])
    assert marked_names(line) == [("Jianbo Li", ["a", "b"]), ("Naya Huang", ["c"]), ("Fengxian Huang", ["a"])]


def test_a_byline_with_middle_dots_and_correspondence_stars() -> None:
    line = _byline_line([("Mufti Mahmud", "1,5"), ("· M. Shamim Kaiser", "2"), ("· Amir Hussain*", "")])
    assert marked_names(line) == [("Mufti Mahmud", ["1", "5"]), ("M. Shamim Kaiser", ["2"]), ("Amir Hussain", ["*"])]


def test_a_line_that_is_not_all_names_is_no_byline() -> None:
    assert marked_names(_ln("Department of Biology, California State University", 100)) == []
    assert marked_names(_ln("We assessed the generalizability of deep learning models", 100)) == []
    assert not looks_like_name("OPEN")
    assert looks_like_name("Jean-François Guégan") and looks_like_name("Ludwig van Beethoven")


def test_a_byline_runs_over_lines_past_an_icon_row() -> None:
    lines = [_ln("/C3 /C3", 95), _ln("M. G. Schultz, C. Betancourt and", 100), _ln("S. Stadtler", 114),
             _ln("Jülich Supercomputing Centre, Germany", 128, size=9.0)]
    names, end = byline(lines, 0)
    assert [n for n, _ in names] == ["M. G. Schultz", "C. Betancourt", "S. Stadtler"]
    assert end == 3


def test_numbered_affiliations_follow_their_marks() -> None:
    lines = [
        _ln("1Department of Biology, Alpha University;", 100, 9.0,
            spans=[_sp("1", 50, 5.0, True), _sp("Department of Biology, Alpha University;", 55, 9.0)]),
        _ln("2School of Physics, Beta Institute", 110, 9.0,
            spans=[_sp("2", 50, 5.0, True), _sp("School of Physics, Beta Institute", 55, 9.0)]),
        _ln("We study things in this abstract.", 140, 10.0),
        _ln("MGS, 0000-0003-3455-774X; CB, 0000-0002-1347-5297", 120, 10.0),
    ]
    affs, end = affiliations(lines[:2] + lines[3:] + lines[2:3], 0)
    assert affs == {"1": "Department of Biology, Alpha University", "2": "School of Physics, Beta Institute"}
    assert end == 3


def test_surname_particles() -> None:
    assert split_english_name("Ana Maria de la Cruz") == ("de la Cruz", "Ana Maria")
    assert split_english_name("M. G. Schultz") == ("Schultz", "M. G.")
    assert split_english_name("Seong Ho Park") == ("Park", "Seong Ho")


# ----------------------------------------------------------------------------- title, DOI, abstract

def test_a_badge_set_smaller_before_the_title_is_dropped() -> None:
    first = _ln("OPEN Generalizability of deep learning", 150, 26.0,
                spans=[_sp("OPEN", 94, 18.0), _sp("Generalizability of deep learning", 156, 26.0)])
    assert title_text([first, _ln("models for dental images", 180, 26.0)]) == \
        "Generalizability of deep learning models for dental images"


def test_the_first_page_doi_ends_at_a_space() -> None:
    page = PageInfo(1, heads=[_ln("Scientific Reports | (2021) 11:6102 | https://doi.org/10.1038/s41598-021-85454-5 1", 760)],
                    body=[_ln("doi:10.1093/jmcb/mjaa030 Journal of Molecular Cell Biology (2020)", 48)])
    # a labelled DOI in the running head or body: the first in reading order (heads first)
    assert page_doi(page) == "10.1038/s41598-021-85454-5"
    assert page_doi(PageInfo(1, body=page.body)) == "10.1093/jmcb/mjaa030"


def test_an_unlabelled_abstract_is_a_paragraph_closed_by_a_gap() -> None:
    para = [_ln("This abstract sentence is long enough to count as one line of text here. " * 1, 200 + 11 * k, 9.0)
            for k in range(6)]
    body = [_ln("The body starts after a paragraph break and runs on.", 200 + 11 * 6 + 25, 9.0)]
    assert _abstract_block(para + body, 0, len(para) + 1).startswith("This abstract sentence")
    # no break before the body: a first body paragraph, not an abstract
    running = para + [_ln("The body continues without a break.", 200 + 11 * 6, 9.0)]
    assert _abstract_block(running, 0, len(running)) == ""
    # a figure caption under the byline is not an abstract
    caption = [_ln("Figure 1. Agarose gel electrophoresis of some templates.", 180, 9.0)] + para + body
    assert _abstract_block(caption, 0, len(caption)) == ""


def test_a_references_heading_counts_when_a_list_follows() -> None:
    assert _list_follows([_ln("1. Hosny A, Parmar C (2018) Artificial intelligence", 100)])
    assert _list_follows([_ln("Arnqvist G, Dowling DK. Genetic architecture. 2009", 100)])
    assert not _list_follows([_ln("1 Introduction", 100), _ln("Artificial intelligence (AI) encompasses a", 112)])


# ----------------------------------------------------------------------------- journal name

def test_running_head_journal_names() -> None:
    assert _latin_name("Scientific Reports | (2021) 11:6102 | https://doi.org/10.1038/s41598-021-85454-5 1") == "Scientific Reports"
    assert _latin_name("Li et al") == ""
    assert _latin_name("9/9/2019 - Open Access") == ""


# ----------------------------------------------------------------------------- English dates

def test_english_date_formats() -> None:
    assert identifiers.parse_date("Received: January 15, 2021 Revised: March 2, 2021") == "2021-01-15"
    assert identifiers.parse_date("Accepted 3rd Sept. 2020") == "2020-09-03"
    assert identifiers.parse_date("30 February 2020") is None
    assert identifiers.parse_date("Mayday 12 2020") is None


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


@settings(max_examples=200)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)), st.booleans(), st.booleans())
def test_english_dates_round_trip(day: dt.date, day_first: bool, abbreviated: bool) -> None:
    month = _MONTHS[day.month - 1]
    month = month[:3] + "." if abbreviated else month
    text = f"{day.day} {month} {day.year}" if day_first else f"{month} {day.day}, {day.year}"
    assert identifiers.parse_date(f"Published online: {text} in print") == day.isoformat()


@given(st.text(alphabet="abcdefghij ,.", max_size=30))
def test_text_without_a_month_and_digits_has_no_english_date(text: str) -> None:
    assert identifiers.parse_english_date(text) is None


# ----------------------------------------------------------------------------- reference lists

from parsers.article import _split_ref_page  # noqa: E402
from parsers.article_en import cited_doi  # noqa: E402
from parsers.citations import match_marker, split_notes  # noqa: E402
from parsers.header import _column_x1  # noqa: E402
from parsers.labels import is_end_matter  # noqa: E402
from parsers.reflist import reference_entries, split_by_gap  # noqa: E402
from parsers.textlayer import _reading_order  # noqa: E402


def test_a_list_set_with_space_between_entries_splits_at_the_space() -> None:
    lines = [_ln("Arnqvist G, Dowling DK. Genetic architecture of metabolic rate.", 100),
             _ln("Evolution. 2010;64(12):3354-63.", 112),
             _ln("Blanchard JL and Lynch M. Organellar genes. 2000.", 129),
             _ln("Blier PU, Burton RS. Natural selection. 2001;17(7):400-406.", 146),
             _ln("PMID: 11418221.", 158)]
    assert len(reference_entries(lines)) == 3
    # a new page: the entry that closed with a full stop is followed by a new one
    nxt = [_ln("Luo, L., Gabel, C.V. 2008. Olfactory behavior of swimming worms.", 84),
           _ln("J Neurophysiol 99(5): 2617-25.", 96)]
    entries = split_by_gap(lines + nxt)
    assert len(entries) == 4 and entries[-1].startswith("Luo, L.")


def test_back_matter_ends_a_reference_list() -> None:
    assert is_end_matter("Funding: Laboratory start-up funds were used")
    assert is_end_matter("Publisher’s Note")
    assert is_end_matter("Author Contributions: Enrique: Formal analysis")
    assert not is_end_matter("Funder A, Smith B (2019) Funding science. Nature 1:2")


def test_markers_in_english_numbered_lists() -> None:
    # the next number before a year still opens an entry; "1 - specificity" is an axis label
    notes = split_notes(["1. Khamis H. TELE ECG Database. 2016.", "2. 2020 BH. BNCI Horizon. 2015."],
                        kinds=("bracket", "dotted"))
    assert [m for m, _ in notes] == ["1.", "2."]
    # a first line "1. 2020…" is still no entry (a numbered sentence about a year)
    assert [m for m, _ in split_notes(["1. 2020年以来", "正文"], kinds=("dotted",))] == [""]
    assert match_marker("1 - specificity") is None
    # the next number after a DOI broken over two lines
    broken = split_notes(["1. Hepworth PJ (2012) Broiler chickens. https://doi.org/10.1098/rsif.2011.0852",
                          "2. Marceau A, Madouasse A (2014) Can routinely recorded data"], kinds=("dotted",))
    assert [m for m, _ in broken] == ["1.", "2."]
    # and after a URL that ends a line with its full stop, before a year (PMC7783296)
    after = split_notes(["1. Khamis H. TELE ECG Database. 2016. Available from: http://arxiv.org/abs/1811.07054.",
                         "2. 2020 BH. BNCIHorizon2020. 2015."], kinds=("dotted",))
    assert [m for m, _ in after] == ["1.", "2."]
    # while "…/page" + "2.html" goes on with the URL
    url = split_notes(["1. See https://example.org/page", "2.html for more"], kinds=("dotted",))
    assert len(url) == 1
    url = split_notes(["1. See https://example.org/abs/1811.", "07054. Accessed"], kinds=("dotted",))
    assert len(url) == 1


def test_a_running_head_above_a_list_page_is_not_part_of_it() -> None:
    page = [_ln("Ezanno et al. Vet Res (2021) 52:40", 40, 8.0),
            _ln("41. Go N, Touzeau S (2019) How to prevent viremia rebound?", 60, 7.5),
            _ln("42. Next A (2020) Another title", 70, 7.5)]
    listed, below = _split_ref_page(page)
    assert [ln.text[:3] for ln in listed] == ["41.", "42."] and below == []


def test_a_value_column_ends_before_a_side_box_merged_into_its_row() -> None:
    row = _ln("Background: In the first year (CVD) Received 29 July 2020", 247, 9.0, x0=72, x1=531,
              spans=[_sp("Background:", 72, 9.0), _sp("In the first year (CVD)", 126, 9.0), _sp("Received 29 July 2020", 462, 8.0)])
    row.spans[1] = Span(text="In the first year (CVD)", x0=126, x1=444, y=247, size=9.0, font="F", sup=False)
    assert _column_x1(row) == 444


def test_the_doi_of_the_articles_own_citation_note() -> None:
    last = PageInfo(4, body=[_ln("Citation: Ellis, R; Harris, G (2020). Variation between nematodes.", 420),
                             _ln("microPublication Biology. https://doi.org/10.17912/micropub.biology.000330", 432)])
    assert cited_doi([PageInfo(1, body=[_ln("Title", 90)]), last]) == "10.17912/micropub.biology.000330"


def test_three_columns_are_read_one_after_another() -> None:
    def piece(x0: float, y: float, text: str) -> list:
        return [x0, x0 + 150, y, 7.5, "F", text, False, 0.15]
    clusters = [[piece(57, y, f"a{k}"), piece(232, y, f"b{k}"), piece(408, y, f"c{k}")]
                for k, y in enumerate(range(80, 260, 10))]
    order = _reading_order(clusters, 612.0)
    texts = [p[5] for c in order for p in c]
    n = len(clusters)
    assert texts == [f"a{k}" for k in range(n)] + [f"b{k}" for k in range(n)] + [f"c{k}" for k in range(n)]


def test_citation_style_masthead_lines_give_year_volume_issue() -> None:
    from parsers.masthead import volume_line

    assert volume_line("Korean J Radiol 2021;22(3):442-453") == (2021, "22", "3")
    assert volume_line("doi:10.1093/jmcb/mjaa030 Journal of Molecular Cell Biology (2020), 12(11), 823–827") == (2020, "12", "11")
    assert volume_line("2021, VOL. 43, NO. 1, 159–167") == (2021, "43", "1")
    assert volume_line("Scientific Reports | (2021) 11:6102 | https://doi.org/10.1038/x") == (2021, "11", "")
    assert volume_line("Received: 1 May 2020") is None


def test_a_masthead_line_above_the_title_names_the_journal() -> None:
    from parsers.masthead import journal_title_en

    title = _ln("Modern deep learning in bioinformatics", 124, 23.0)
    start = PageInfo(1, kind="start", title_lines=[title],
                     body=[_ln("doi:10.1093/jmcb/mjaa030 Journal of Molecular Cell Biology (2020), 12(11), 823–827 | 823", 48, 8.5), title])
    later = [PageInfo(n, heads=[_ln("Modern DL in bioinformatics | 82" + str(n), 48, 8.5)]) for n in (3, 5)]
    assert journal_title_en([start] + later) == "Journal of Molecular Cell Biology"
    assert _latin_name("Page 3 of 15") == ""


def test_folios_beside_dois_and_page_of_heads() -> None:
    from parsers.pages import _folio, split_edges
    from parsers.textlayer import PageText

    assert _folio(_ln("Page 2 of 15", 30, 8.0)) == 2
    assert _folio(_ln("Scientific Reports | (2021) 11:6102 | https://doi.org/10.1038/s41598-021-85454-5", 764, 8.0)) is None
    assert _folio(_ln("Scientific Reports | (2021) 11:6102 | https://doi.org/10.1038/s41598-021-85454-5 2", 764, 8.0)) == 2
    # a foot cut into pieces: the piece beside the folio is foot too
    lines = [_ln(f"Body line {k} of the article text.", 100 + 14 * k, 9.0) for k in range(40)]
    lines += [_ln("Scientific Reports | (2021) 11:6074 |", 790, 8.0, x0=41, x1=200),
              _ln("3", 790, 8.0, x0=550, x1=555)]
    body, heads, folio = split_edges(PageText(3, 595, 842, None, lines), 9.0)
    assert folio == 3 and len(heads) == 2 and all("Scientific" not in ln.text for ln in body)


def test_a_side_box_sharing_a_baseline_is_a_line_of_its_own() -> None:
    from parsers.textlayer import _split_side_by_side

    def piece(x0: float, x1: float, size: float, text: str, sup: bool = False) -> list:
        return [x0, x1, 300.0, size, "F", text, sup, 0.15]
    row = [piece(72, 444, 9.0, "ity, infection-related mortality … identify"), piece(462, 518, 8.0, "factors; outcomes")]
    assert [[p[5] for p in part] for part in _split_side_by_side(row)] == [
        ["ity, infection-related mortality … identify"], ["factors; outcomes"]]
    # a bold label in bigger type before its value, one word space apart: one line
    label = [piece(42, 81, 11.0, "Abstract:"), piece(93, 554, 8.5, "In the flood season of 2020")]
    assert len(_split_side_by_side(label)) == 1
    # OCR'd words of wandering sizes far apart: never cut
    ocr = [piece(40, 100, 9.0, "a"), piece(101, 140, 9.6, "b"), piece(170, 220, 8.2, "c")]
    assert len(_split_side_by_side(ocr)) == 1


# ----------------------------------------------------------------------------- e-mails, types

def _people(*printed: str) -> list:
    from schemas.model import Contributor, LangText

    out = []
    for name in printed:
        surname, given = split_english_name(name)
        out.append(Contributor(name=LangText(en=name), surname=surname, given=given))
    return out


def test_emails_go_to_the_author_named_before_them_or_in_them() -> None:
    from parsers.emails_en import assign_emails

    people = _people("Haoyang Li", "Ying Xu", "Xin Gao")
    assign_emails(people, "* Correspondence to: Xin Gao, E-mail: x.g@kaust.edu.sa; Ying Xu, E-mail: xyn@uga.edu",
                  [["1"], ["2", "*"], ["3", "*"]])
    assert [c.email for c in people] == ["", "xyn@uga.edu", "x.g@kaust.edu.sa"]
    # a name ending a sentence before the address is not its owner; the surname inside is
    people = _people("Joachim Krois", "Anselmo Garcia Cantu", "Falk Schwendicke")
    assign_emails(people, "contributed equally: Joachim Krois and Anselmo Garcia Cantu.*email: falk.schwendicke@charite.de",
                  [["1"], ["1"], ["1", "*"]])
    assert [c.email for c in people] == ["", "", "falk.schwendicke@charite.de"]


def test_the_one_address_goes_to_the_one_corresponding_author() -> None:
    from parsers.emails_en import assign_emails

    people = _people("Renae Ellis", "Gareth Harris")
    assign_emails(people, "§To whom correspondence should be addressed: gh@csuci.edu", [["1"], ["1", "§"]])
    assert [c.email for c in people] == ["", "gh@csuci.edu"]
    # two starred authors and no other evidence: nobody is guessed
    people = _people("Renae Ellis", "Gareth Harris")
    assign_emails(people, "*Correspondence: lab@csuci.edu", [["*"], ["*"]])
    assert [c.email for c in people] == ["", ""]


def test_correspondence_signs_in_a_mark_run_are_marks_of_their_own() -> None:
    line = _byline_line([("Enrique Cazares-Navarro", "1"), (" and Joseph A Ross", "1§")])
    assert marked_names(line) == [("Enrique Cazares-Navarro", ["1"]), ("Joseph A Ross", ["1", "§"])]


def test_printed_categories_name_the_type() -> None:
    from parsers.labels import type_of_category

    assert type_of_category("REVIEW") == "review-article"
    assert type_of_category("Review Article | Technology, Experiment, and Physics") == "review-article"
    assert type_of_category("Perspective") == "review-article"
    assert type_of_category("Brief Report") == "brief-report"
    assert type_of_category("CLINICAL STUDY") is None
    assert type_of_category("A review of deep learning") is None


def test_one_block_per_author_jmlr_style() -> None:
    from parsers.byline_en import author_blocks

    lines = [_ln("James Montgomery", 180, 10.9, x1=197), _ln("james.montgomery@utas.edu.au", 180, 10.0, x0=362),
             _ln("School of Engineering and ICT, University of Tasmania", 192, 10.0),
             _ln("Mark D. Reid", 209, 10.9, x1=166), _ln("mark.reid@anu.edu.au", 209, 10.0, x0=409),
             _ln("Research School of Computer Science, Australian National University", 221, 10.0),
             _ln("NICTA", 233, 10.0, x1=122),
             _ln("Barry Drake", 253, 10.9), _ln("Canon Information Systems Research Australia", 266, 10.0),
             _ln("Editor: Louis Dorard", 301, 10.0), _ln("Abstract", 339, 12.0)]
    blocks, end = author_blocks(lines, 0)
    assert [(n, a.get("", "")[:20]) for n, _, a in blocks] == [
        ("James Montgomery", "School of Engineerin"), ("Mark D. Reid", "Research School of C"), ("Barry Drake", "Canon Information Sy")]
    assert blocks[1][2][""].endswith("NICTA")
    assert end == 9


def test_a_note_under_the_affiliations_is_not_one_and_the_abstract_is_not_either() -> None:
    lines = [_ln("Enrique Cazares-Navarro and Joseph A Ross", 113, 10.0),
             _ln("Department of Biology, California State University", 127, 9.0),
             _ln("§To whom correspondence should be addressed: jross@csufresno.edu", 140, 9.0),
             _ln("We show that things are so, in an abstract set indented a little.", 160, 9.5, x0=56)]
    affs, end = affiliations(lines, 1)
    assert affs == {"": "Department of Biology, California State University"} and end == 2


def test_bylines_with_degrees_a_by_and_marks_in_text_type() -> None:
    one_span = _ln("Seong Ho Park, MD, PhD1, Jaesoon Choi, PhD2*", 100,
                   spans=[_sp("Seong Ho Park, MD, PhD1, Jaesoon Choi, PhD2*", 50)])
    assert marked_names(one_span) == [("Seong Ho Park", ["1"]), ("Jaesoon Choi", ["2", "*"])]
    by = _ln("By John Smith and Jane Doe", 100, spans=[_sp("By John Smith and Jane Doe", 50)])
    assert marked_names(by) == [("John Smith", []), ("Jane Doe", [])]


def test_date_labels_without_a_colon_and_a_history_line() -> None:
    hits = find_labels(["Received 29 July 2020", "History: Received August 1, 2019 Accepted September 3, 2019",
                        "Received patients were treated", "SUMMARY"])
    assert [(h.field, h.line) for h in hits] == [("received", 0), ("history", 1), ("received", 1), ("accepted", 1),
                                                 ("abstract_en", 3)]
    header = extract_labelled([_ln("History: Received August 1, 2019 Accepted September 3, 2019", 100)])
    assert identifiers.parse_date(header.fields["received"]) == "2019-08-01"


def test_english_back_matter_over_two_pages_and_a_funding_value_ending_at_contributions() -> None:
    from parsers.article import _add_closing_fields
    from parsers.header import Header

    def page(n: int, body: list) -> PageInfo:  # with the labels classify() records for it
        return PageInfo(n, body=body, labels={h.field for h in find_labels([ln.text for ln in body])})

    p3 = page(3, [_ln("Some last words of the text.", 80),
                  _ln("Funding: Supported by a start-up grant to JR.", 125),
                  _ln("Author Contributions: JR: Formal analysis.", 150)])
    p4 = page(4, [_ln("History: Received August 1, 2019 Accepted September 3, 2019", 84)])
    header = Header()
    _add_closing_fields(header, [p3, p4], english=True)
    assert header.fields["funding"] == "Supported by a start-up grant to JR."
    assert identifiers.parse_date(header.fields["received"]) == "2019-08-01"
    # a Chinese article reads its closing block on one page only
    header = Header()
    _add_closing_fields(header, [p3, p4])
    assert "funding" not in header.fields and "received" in header.fields


def test_english_labels_ending_in_a_full_stop_or_a_dash_open_their_line() -> None:
    hits = find_labels(["Abstract. We show that", "Index Terms—Deep learning, CNN", "as said in the Abstract. Then"])
    assert [(h.field, h.line) for h in hits] == [("abstract_en", 0), ("keywords_en", 1)]
    header = extract_labelled([_ln("Index Terms—Deep learning, convolutional networks", 100)])
    from parsers.english import split_keywords_en
    assert split_keywords_en(header.fields["keywords_en"]) == ["Deep learning", "convolutional networks"]


def test_affiliations_printed_as_a_first_page_footnote() -> None:
    from parsers.byline_en import footnote_affiliations

    lines = [_ln("Joachim Krois and Falk Schwendicke", 203, 10.0),
             _ln("We assessed the generalizability of deep learning models.", 235, 9.0),
             _ln("1Department of Oral Diagnostics, Charité, Berlin, Germany. 2King George’s Medical University", 697, 8.5,
                 spans=[_sp("1", 156, 5.5, True), _sp("Department of Oral Diagnostics, Charité, Berlin, Germany.", 160, 8.5),
                        _sp("2", 400, 5.5, True), _sp("King George’s Medical University", 404, 8.5)]),
             _ln("5These authors contributed equally.", 707, 8.5,
                 spans=[_sp("5", 156, 5.5, True), _sp("These authors contributed equally.", 160, 8.5)])]
    affs = footnote_affiliations(lines, 1, [["1", "5"], ["2", "*"]])
    assert affs == {"1": "Department of Oral Diagnostics, Charité, Berlin, Germany", "2": "King George’s Medical University"}


def test_an_unmarked_affiliation_is_read_from_the_first_page_footnote() -> None:
    from parsers.byline_en import unmarked_footnote_affiliation
    text = [_ln(f"body text line {k} about Department of things", 300 + 12 * k) for k in range(12)]
    springer = text + [_ln("H. K. Patel · R. S. Fougat (&)", 674, size=8.5),
                       _ln("Department of Agricultural Biotechnology, Anand Agricultural", 684, size=8.5),
                       _ln("University, Anand 388 110, India", 694, size=8.5),
                       _ln("e-mail: biotech@example.org", 704, size=8.5)]
    assert unmarked_footnote_affiliation(springer, 0) == \
        "Department of Agricultural Biotechnology, Anand Agricultural University, Anand 388 110, India"
    nature = text + [_ln("Laser-Spectroscopy Laboratory, Department of Applied Physics, Delhi Tech-", 717, size=8.5),
                     _ln("nological University, Delhi, India. Correspondence and requests for materials", 727, size=8.5),
                     _ln("should be addressed to M.S.M. (email: x@example.org)", 737, size=8.5)]
    assert unmarked_footnote_affiliation(nature, 0) == \
        "Laser-Spectroscopy Laboratory, Department of Applied Physics, Delhi Technological University, Delhi, India"
    # text-size lines that mention a department, and small print that names no unit, are not it
    assert unmarked_footnote_affiliation(text + [_ln("© 2010 The Authors; licensee BMC", 716, size=7.0)], 0) == ""


def test_keywords_apart_at_bullets_and_unnamed_glyphs() -> None:
    from parsers.english import split_keywords_en as split_keywords
    assert split_keywords("Basil \ufffd Diversity \ufffd ISSR \ufffd RAPD") == ["Basil", "Diversity", "ISSR", "RAPD"]
    assert split_keywords("Basil \ue0a0 Tulsi") == ["Basil", "Tulsi"]
    assert split_keywords("wolves ▪ livestock ▪ policy") == ["wolves", "livestock", "policy"]
    assert split_keywords("gene expression; Ocimum sanctum, L.") == ["gene expression", "Ocimum sanctum, L"]
    assert split_keywords("151\ufffdcoverage, reads") == ["151\ufffdcoverage", "reads"]  # (no spaces: not a separator)


def test_bylines_with_credentials_titles_and_plos_marks() -> None:
    def names(text: str) -> list[str]:
        return [n for n, _ in byline([_ln(text, 100, size=11.0)], 0)[0]]
    assert names("Ahmed M. Alsaif, MD, Khalid A. Alghamdi, MBBS, SBFM, Omar Saleh, PhD") == \
        ["Ahmed M. Alsaif", "Khalid A. Alghamdi", "Omar Saleh"]
    assert names("Sarah Connor, FRCSC, John Smith, MRCS(Ed)") == ["Sarah Connor", "John Smith"]
    assert names("Dr. Anil Kumar, Prof. Sunita Rao") == ["Anil Kumar", "Sunita Rao"]
    assert names("J. DOE AND J. SMITH") == ["J. DOE", "J. SMITH"]
    assert names("Pedro Santos2☯¶, Ana Costa1*") == ["Pedro Santos", "Ana Costa"]
    assert names("ZHANG San, LI Si, WANG Wu") == ["ZHANG San", "LI Si", "WANG Wu"]  # pinyin capitals stay names


def test_the_lists_and_is_not_part_of_an_affiliation() -> None:
    lines = [_ln("1Division of Plant Biotechnology, Coimbatore, Tamil Nadu, India,", 100, size=8.0),
             _ln("2Xcelris Labs, Bengaluru, Karnataka 560094, India, and", 110, size=8.0),
             _ln("3Institute of Computer Science, University of Tartu, Estonia", 120, size=8.0)]
    affs, _ = affiliations(lines, 0)
    assert affs == {"1": "Division of Plant Biotechnology, Coimbatore, Tamil Nadu, India",
                    "2": "Xcelris Labs, Bengaluru, Karnataka 560094, India",
                    "3": "Institute of Computer Science, University of Tartu, Estonia"}


def test_author_details_at_the_end_give_the_full_list() -> None:
    from parsers.article_en import author_details
    mark = Span(text="2", x0=300, x1=303, y=200, size=5.0, font="F", sup=True)
    run = Span(text="Poland.", x0=60, x1=90, y=200, size=7.5, font="F", sup=False)
    rest = Span(text="Polytechnic Faculty, State University of Applied Sciences in Kalisz, Kalisz, Poland.", x0=304, x1=500,
                y=200, size=7.5, font="F", sup=False)
    body = [_ln("Author details", 180), _ln("1", 190, size=5.0, spans=[_sp("1", 60, 5.0, sup=True, y=190)]),
            _ln("Institute of Technical Biochemistry, Lodz University of Technology, Łódź,", 192, size=7.5),
            _ln("Poland. 2 Polytechnic Faculty, State University of Applied Sciences in Kalisz, Kalisz, Poland.", 200, size=7.5,
                spans=[run, mark, rest]),
            _ln("Acknowledgements", 220, size=9.0)]
    page = PageInfo(number=9, body=body)
    got = author_details([page])
    assert got["1"] == "Institute of Technical Biochemistry, Lodz University of Technology, Łódź, Poland"
    assert got["2"] == "Polytechnic Faculty, State University of Applied Sciences in Kalisz, Kalisz, Poland"


def test_affiliation_letters_and_superscript_digits_in_text_type_are_marks() -> None:
    def got(text: str) -> list:
        return byline([_ln(text, 100, size=11.0)], 0)[0]
    assert got("Jane Doe a,b, John Smith c,*") == [("Jane Doe", ["a", "b"]), ("John Smith", ["c", "*"])]
    assert got("Jane Doe¹, John Smith²") == [("Jane Doe", ["1"]), ("John Smith", ["2"])]
    assert got("Anna de Souza, Hans van der Berg") == [("Anna de Souza", []), ("Hans van der Berg", [])]


def test_an_article_number_in_the_own_citation_of_a_side_column_counts() -> None:
    """The Royal Society sets "Cite this article: … Phil. Trans. R. Soc. A 379: 20200097." in a
    side column, its number on the seventh line of the page's reading order: the journal cites
    the article by number, so folios 1…22 are no volume pages."""
    from types import SimpleNamespace

    from parsers.extract import _numbered_by_article
    from parsers.pages import PageInfo

    side = ["royalsocietypublishing.org/journal/rsta", "Opinion piece", "Cite this article: Schultz MG, Betancourt C,",
            "Gong B, Kleinert F, Langguth M, Leufen LH,", "Mozaffari A, Stadtler S. 2021 Can deep learning",
            "beat numerical weather prediction? Phil. Trans.", "R. Soc. A 379: 20200097.",
            "https://doi.org/10.1098/rsta.2020.0097", "Accepted: 3 September 2020"]
    body = [_ln(t, 80 + 14 * k, 10.0) for k, t in enumerate(side + ["text"] * 20)]
    plan = SimpleNamespace(split=SimpleNamespace(spans=[SimpleNamespace(first=1, last=2)]),
                           infos=[PageInfo(number=1, kind="start", body=body), PageInfo(number=2, kind="content")])
    assert _numbered_by_article(plan, 0)
    body[6] = _ln("R. Soc. A 379: 205-226.", 164, 10.0)  # (a page range is no article number)
    assert not _numbered_by_article(plan, 0)
