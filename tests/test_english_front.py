"""English front matter in JATS order (title, byline, affiliations, abstract, keywords) and
the text repairs its fields need, on synthetic lines (no PDF needed)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parsers.article_en import (_abstract_block, column_paragraph, is_column_label, keywords_from_lines,
                                labelled_abstract, title_above_byline)
from parsers.english import split_keywords_en as split_keywords
from parsers.byline_en import byline, marked_names, split_byline_name
from parsers.joining import dehyphenate, line_end_breaks, mended_ligatures, plain_letters, vocabulary
from parsers.textlayer import Line, Span


def _ln(text: str, y: float, size: float = 10.0, x0: float = 50.0, x1: float | None = None,
        spans: list[Span] | None = None) -> Line:
    return Line(text=text, x0=x0, x1=x1 if x1 is not None else x0 + 400, y=y, size=size, spans=spans or [])


def _sp(text: str, x0: float, size: float = 10.0, sup: bool = False) -> Span:
    return Span(text=text, x0=x0, x1=x0 + 5 * len(text), y=100.0, size=size, font="F", sup=sup)


# ----------------------------------------------------------------------------- title
def test_the_title_is_the_larger_type_right_above_the_byline_not_the_masthead() -> None:
    lines = [_ln("molecules", 70, 25.0), _ln("Review", 108, 10.0),
             _ln("Elicitation, an Effective Strategy for the", 128, 18.0),
             _ln("Production of Compounds in Plant Cell Factories", 148, 18.0),
             _ln("Karla Ramirez-Estrada, Diego Hidalgo and Javier Palazon", 197, 10.0)]
    assert title_above_byline(lines) == ([2, 3], 4)


def test_a_column_label_in_the_titles_type_is_not_title() -> None:
    lines = [_ln("Case Report", 149, 18.0), _ln("A Striking Coronary Artery Pattern", 173, 18.0),
             _ln("Fortunato Iacovelli, Martino Pepe and Stefano Favale", 242, 12.0)]
    assert title_above_byline(lines)[0] == [1]
    assert is_column_label("Case Report") and is_column_label("ORIGINAL RESEARCH ARTICLE")
    assert not is_column_label("A Striking Coronary Artery Pattern")


def test_a_side_column_beside_a_wrapped_title_is_skipped() -> None:
    lines = [_ln("Medicinal Plant Leaf Extract and", 171, 26.0, x0=156),
             _ln("Received: 26 January 2017", 250, 8.5, x0=9, x1=80),
             _ln("Pure Flavonoid Mediated Synthesis", 201, 26.0, x0=156),
             _ln("Siddhant Jain & Mohan Singh Mehata", 230, 10.0, x0=156)]
    assert title_above_byline(lines)[0] == [0, 2]


def test_a_title_case_last_title_line_is_no_byline() -> None:
    # "Quality Assessment and Localization" reads as two names; the line above it is in its
    # own type, so it is not a byline's first line, and the masthead is not taken as title
    lines = [_ln("sensors", 73, 25.0), _ln("Leakages in District Heating Networks", 132, 18.0),
             _ln("Quality Assessment and Localization", 151, 18.0)]
    assert title_above_byline(lines) == ([], -1)


# ----------------------------------------------------------------------------- bylines
def test_names_set_apart_by_vertical_bars() -> None:
    line = _ln("Sean M. Sultaire1 | Robert A. Montgomery2", 100,
               spans=[_sp("Sean M. Sultaire", 50), _sp("1", 130, 6.3, True), _sp(" | Robert A. Montgomery", 140),
                      _sp("2", 250, 6.3, True)])
    assert marked_names(line) == [("Sean M. Sultaire", ["1"]), ("Robert A. Montgomery", ["2"])]


def test_a_name_drawn_in_two_runs_is_one_name() -> None:
    line = _ln("Shahira H. EL-Moslamy", 100, spans=[_sp("Shahira H.", 50), _sp("EL-Moslamy", 105)])
    assert marked_names(line) == [("Shahira H. EL-Moslamy", [])]


def test_a_name_broken_over_two_lines_is_joined() -> None:
    lines = [_ln("Nicodemus Abel1, Nagarajan Binai1, Balaji", 100,
                 spans=[_sp("Nicodemus Abel", 50), _sp("1", 120, 7, True), _sp(", Nagarajan Binai", 125),
                        _sp("1", 210, 7, True), _sp(", Balaji", 215)]),
             _ln("Rajashekar4, and Suma Arun Dev3", 114,
                 spans=[_sp("Rajashekar", 50), _sp("4", 100, 7, True), _sp(", and Suma Arun Dev", 105),
                        _sp("3", 200, 7, True)])]
    names, end = byline(lines, 0)
    assert [n for n, _ in names] == ["Nicodemus Abel", "Nagarajan Binai", "Balaji Rajashekar", "Suma Arun Dev"]
    assert names[2][1] == ["4"] and end == 2


def test_a_lone_mark_line_inside_the_byline_is_skipped() -> None:
    lines = [_ln("Teodora Alexa-Stratulat, Andrei Luca,", 255, 12.0),
             _ln("1", 263, 8.0, x0=481, x1=485),
             _ln("Raluca Stefanescu and Bogdan I. Tamba", 269, 12.0)]
    names, end = byline(lines, 0)
    assert len(names) == 4 and end == 3


def test_initials_glued_to_a_capitals_surname() -> None:
    assert marked_names(_ln("M.K.KHOSLA", 100)) == [("M.K. KHOSLA", [])]


def test_western_byline_names_take_the_last_word_as_surname() -> None:
    assert split_byline_name("NS Sampath Kumar") == ("Kumar", "NS Sampath")
    assert split_byline_name("M.K. KHOSLA") == ("KHOSLA", "M.K.")
    assert split_byline_name("Shahira H. EL-Moslamy") == ("EL-Moslamy", "Shahira H.")
    assert split_byline_name("Ludwig van Beethoven") == ("van Beethoven", "Ludwig")
    assert split_byline_name("CHEN Jingjing") == ("Chen", "Jingjing")  # a capitals surname first
    # the Irish particles print as words of their own and open the surname
    assert split_byline_name("Zoë Ó Súilleabháin") == ("Ó Súilleabháin", "Zoë")
    assert split_byline_name("Aoife Ní Bhriain") == ("Ní Bhriain", "Aoife")
    # letters of other Latin alphabets are letters of the name
    assert split_byline_name("Ayşe Yıldız") == ("Yıldız", "Ayşe")
    assert split_byline_name("Łukasz Żółć") == ("Żółć", "Łukasz")


# ----------------------------------------------------------------------------- text repairs
def test_plain_letters_spells_out_ligatures_and_named_glyphs() -> None:
    # (the micro sign stays: a text face's U+00B5 is the publisher's micro sign; a Greek font's
    # mu is made U+03BC by the text layer, which knows the font: tests/test_en_fidelity_cases.py)
    assert plain_letters("simpliﬁed ﬂow, 50 µg/mL, growth\u2011promoting") == "simplified flow, 50 µg/mL, growth-promoting"
    assert plain_letters("modern medicine. /T_he use") == "modern medicine. The use"
    assert plain_letters("Basil /C1 Diversity at 151/c2 coverage") == "Basil · Diversity at 151× coverage"


def test_line_end_hyphens_go_when_the_word_is_a_word() -> None:
    lines = ["paw heat hyperalgesia, cold allo-", "dynia and a multi-", "season study; opera-",
             "tional feasibility; 4′,6-diamidino-2-", "phenylindole staining"]
    breaks = line_end_breaks(lines)
    assert ("allo", "dynia") in breaks and ("2", "phenylindole") in breaks
    words = vocabulary(lines + ["allodynia was measured"])
    assert "dynia" not in words and "allodynia" in words  # the halves of a break are no words
    text = ("cold allo-dynia and a multi-season study; opera-tional feasibility; "
            "4′,6-diamidino-2- phenylindole staining")
    assert dehyphenate(text, breaks, words) == ("cold allodynia and a multi-season study; operational feasibility; "
                                                "4′,6-diamidino-2-phenylindole staining")
    # printed with its hyphen mid-line elsewhere: a compound, kept
    assert dehyphenate("cold allo-dynia", breaks, vocabulary(["allo-dynia and allodynia"])) == "cold allo-dynia"


def test_a_word_split_after_a_ligature_is_mended_by_the_articles_counts() -> None:
    words = vocabulary(["the synergistic eff ect"] + ["the effect of"] * 3)
    assert mended_ligatures("the synergistic eff ect of", words) == "the synergistic effect of"
    assert mended_ligatures("the staff members", vocabulary(["the staff members"])) == "the staff members"


@given(st.text(alphabet="abcdefgh -\n", max_size=60))
def test_dehyphenate_without_breaks_changes_nothing(text: str) -> None:
    assert dehyphenate(text, set(), vocabulary([text])) == text


# ----------------------------------------------------------------------------- abstract, keywords
def _para(first_y: float, n: int, x0: float = 178.0, size: float = 10.0) -> list[Line]:
    return [_ln(f"Abstract sentence number {k} that is long enough to make a line of print.", first_y + 14 * k,
                size, x0=x0) for k in range(n)]


def test_a_paragraph_is_read_down_its_column_past_a_side_column() -> None:
    lines = _para(300, 3) + [_ln("Edited by:", 330, 7.0, x0=120, x1=160)] + _para(342, 3)
    lines.sort(key=lambda ln: ln.y)
    block = column_paragraph(lines, 0, len(lines))
    assert [lines[k].text for k in block] == [ln.text for ln in lines if ln.x0 == 178.0]


def test_an_unlabelled_abstract_after_front_matter_notes() -> None:
    notes = [_ln("Correspondence should be addressed to A. Author; a@b.org", 250, 9.0),
             _ln("Received 13 November 2015; Accepted 20 December 2015", 270, 9.0),
             _ln("Copyright © 2016 A. Author et al. This is an open access article distributed", 290, 9.0),
             _ln("under the Creative Commons Attribution License.", 301, 9.0)]
    para = [_ln("Left ventricular noncompaction is a myocardial disorder probably due to an arrest.", 320 + 11 * k, 9.0)
            for k in range(5)]
    body = [_ln("Introduction text after a paragraph break.", 320 + 11 * 5 + 20, 9.0)]
    lines = notes + para + body
    assert _abstract_block(lines, 0, len(lines)).startswith("Left ventricular noncompaction")


def test_an_abstract_label_alone_and_run_in() -> None:
    lines = [_ln("Abstract", 296, 9.0, x0=43, x1=80)] + _para(318, 4, x0=43, size=9.0) + \
            [_ln("© 2018 Published by a publisher on behalf of a society.", 318 + 14 * 4, 9.0, x0=43),
             _ln("Keywords: Herbal; Genomics", 437, 8.0, x0=43)]
    text = labelled_abstract(lines, 0, len(lines) - 1)
    assert text.startswith("Abstract sentence number 0") and "©" not in text and "number 3" in text
    run_in = [_ln("Abstract There is a lack of information on the molecular", 290, x0=51, x1=300)] + \
        [_ln("characterization of species and hence efforts have been made.", 303, x0=51, x1=300)]
    assert labelled_abstract(run_in, 0, len(run_in)).startswith("There is a lack")


def test_keywords_read_down_their_column_and_split_at_their_separator() -> None:
    lines = [_ln("Keywords: Bacterial ACC-deaminase, plant growth promotion, ﬂooding, terrestrial and riparian", 444, 7.0,
                 x0=178),
             _ln("Hokkaido University, Japan", 451, 7.0, x0=79, x1=170),
             _ln("plants", 454, 7.0, x0=178, x1=200),
             _ln("INTRODUCTION", 486, 12.0, x0=178)]
    assert keywords_from_lines(lines, 0) == ["Bacterial ACC-deaminase", "plant growth promotion", "flooding",
                                             "terrestrial and riparian plants"]
    assert keywords_from_lines([_ln("KEywoRdS: camera trap | Canis lupus, C. familiaris | dispersal", 100)], 0) == \
        ["camera trap", "Canis lupus, C. familiaris", "dispersal"]
    assert split_keywords("Basil /C1 Diversity /C1 ISSR") == ["Basil", "Diversity", "ISSR"]


@given(st.lists(st.from_regex(r"[A-Za-z][a-z]{1,8}( [a-z]{2,8}){0,2}", fullmatch=True), min_size=1, max_size=6))
def test_keywords_joined_by_semicolons_split_back(kws: list[str]) -> None:
    assert split_keywords("; ".join(kws)) == kws


def test_keywords_under_a_label_alone_in_a_side_column() -> None:
    lines = [_ln("KEYWORDS", 282, 7.5, x0=462, x1=500),
             _ln("Methods: This retrospective cohort study was conducted in incident patients.", 287, 9.0, x0=72, x1=440),
             _ln("Cardiovascular disease", 291, 8.0, x0=462, x1=540),
             _ln("graphic characteristics, laboratory parameters, and readmission were collected.", 297, 9.0, x0=72,
                 x1=440),
             _ln("readmission; peritoneal", 300, 8.0, x0=462, x1=540),
             _ln("dialysis; risk factors", 309, 8.0, x0=462, x1=540)]
    assert keywords_from_lines(lines, 0) == ["Cardiovascular disease readmission", "peritoneal dialysis", "risk factors"]


def test_one_name_a_line_is_not_a_wrapped_name() -> None:
    lines = [_ln("Atakan Cetinsoy", 145, 10.9), _ln("Francisco J. Martin", 159, 10.9), _ln("Poul Petersen", 173, 10.9)]
    names, _ = byline(lines, 0)
    assert [n for n, _ in names] == ["Atakan Cetinsoy", "Francisco J. Martin", "Poul Petersen"]


def test_orcid_letters_and_degrees_after_names_are_no_names() -> None:
    assert marked_names(_ln("Jane Roe iD, John Smith MD PhD and Ann Lee", 100)) == \
        [("Jane Roe", []), ("John Smith", []), ("Ann Lee", [])]
    assert marked_names(_ln("Jun MA and Li MS", 100)) == [("Jun MA", []), ("Li MS", [])]  # capitals surnames stay


def test_a_column_label_run_and_a_title_label_are_not_title() -> None:
    from parsers.article_en import title_text
    line = _ln("Original Article Effects of tea on sleep", 100, 16.0,
               spans=[_sp("Original Article", 50, 16.0), _sp("Effects of tea on sleep", 140, 16.0)])
    assert title_text([line]) == "Effects of tea on sleep"
    assert title_text([_ln("Title: Effects of tea on sleep", 100, 16.0)]) == "Effects of tea on sleep"
    plain = _ln("Case studies of tea", 100, 16.0, spans=[_sp("Case studies of tea", 50, 16.0)])
    assert title_text([plain]) == "Case studies of tea"


def test_affiliations_end_where_the_next_part_of_the_front_matter_starts() -> None:
    from parsers.byline_en import affiliations
    lines = [_ln("Kalpana Chawla Center for Space and Nanosciences, Indian Institute of Chemistry, Kolkata, India", 229, 8.0,
                 x0=103),
             _ln("Received 12 July 2017; accepted 28 December 2017", 245, 8.0, x0=217),
             _ln("Available online 10 January 2018", 255, 8.0, x0=248)]
    affs, end = affiliations(lines, 0)
    assert list(affs.values()) == ["Kalpana Chawla Center for Space and Nanosciences, Indian Institute of Chemistry, "
                                   "Kolkata, India"] and end == 1
    lines = [_ln("3Department of Nanotechnology, Rajiv Gandhi Institute of Technology, Bangalore, India.", 189, 8.0, x0=37),
             _ln("ABSTRACT: The aim of this study was to perform green synthesis of silver nanoparticles", 237, 8.0, x0=43)]
    affs, end = affiliations(lines, 0)
    assert end == 1 and "aim" not in " ".join(affs.values())


def test_a_hanging_mark_on_its_own_line_and_emails_inside_affiliations() -> None:
    from parsers.byline_en import affiliations
    lines = [_ln("1", 224, 7.0, x0=82, x1=86),
             _ln("Laboratori de Fisiologia Vegetal, Universitat de Barcelona, Av. Joan XXIII sn,", 227, 9.0, x0=97),
             _ln("Barcelona 08028, Spain; kems3estrada@gmail.com (K.R.-E.); bioraf@hotmail.com (H.V.-L.)", 239, 9.0, x0=97),
             _ln("2", 260, 7.0, x0=82, x1=86),
             _ln("Argentina National Research Council (Conicet), Ministry of Science; mg@gmail.com", 263, 9.0, x0=97),
             _ln("* Correspondence: javier@ub.edu; Tel.: +34-93-4020267", 287, 9.0, x0=81)]
    affs, end = affiliations(lines, 0)
    assert affs == {"1": "Laboratori de Fisiologia Vegetal, Universitat de Barcelona, Av. Joan XXIII sn, Barcelona 08028, Spain",
                    "2": "Argentina National Research Council (Conicet), Ministry of Science"}
    assert end == 5


def test_a_lone_mark_under_the_byline_opens_the_affiliations() -> None:
    from parsers.byline_en import author_blocks
    lines = [_ln("Karla Ramirez-Estrada and Javier Palazon", 209, 10.0, x0=77),
             _ln("1", 224, 7.0, x0=82, x1=86),
             _ln("Laboratori de Fisiologia Vegetal, Universitat de Barcelona, Spain", 227, 9.0, x0=97)]
    blocks, _ = author_blocks(lines, 0)
    assert blocks[0][2] == {"1": "Laboratori de Fisiologia Vegetal, Universitat de Barcelona, Spain"}


def test_dois_glued_to_their_link_broken_after_the_prefix_or_above_the_cite_note() -> None:
    from parsers.article_en import cited_doi, page_doi
    from parsers.pages import PageInfo
    glued = PageInfo(1, body=[_ln("DOI: 10.1177/1177390118782877https://doi.org/10.1177/1177390118782877", 87, 6.0)])
    assert page_doi(glued) == "10.1177/1177390118782877"
    broken = PageInfo(1, body=[_ln("Forouzanfar F. Medicinal herbs. Iran J Basic Med Sci 2018; 21:347-358. doi: 10.22038/", 389),
                               _ln("IJBMS.2018.24026.6021", 397)])
    assert page_doi(broken) == "10.22038/IJBMS.2018.24026.6021"
    last = PageInfo(9, body=[_ln("Yao Za Zhi 2009, 34(3):324-327.", 507, 7.5), _ln("doi:10.1186/1749-7221-5-3", 524, 7.3),
                             _ln("Cite this article as: Kaur et al.: Exploring the potential effect of Ocimum", 532, 7.3),
                             _ln("sanctum in rats. Journal of Brachial Plexus 2010 5:3.", 541, 7.3)])
    assert cited_doi([last]) == "10.1186/1749-7221-5-3"


def test_a_doi_broken_where_a_narrow_column_is_full_is_joined() -> None:
    from parsers.article_en import page_doi
    from parsers.pages import PageInfo

    def box(first: str, second: str, x1: float = 250.0, gap: float = 11.0) -> PageInfo:
        # a citation box in the margin column: 200 pt wide, 9 pt type
        return PageInfo(1, body=[_ln("Citation: Smith J and Roe J (2016) Sowing dates and", 100, 9.0, 50, 249),
                                 _ln("soil water. Front. Psychol. 7:1234. https://doi.org/", 111, 9.0, 50, 248),
                                 _ln(first, 122, 9.0, 50, x1), _ln(second, 122 + gap, 9.0, 50, 120)])
    assert page_doi(box("10.1371/journal.pone.", "0123456")) == "10.1371/journal.pone.0123456"
    assert page_doi(box("10.3389/fpsyg.2016", ".01234")) == "10.3389/fpsyg.2016.01234"
    assert page_doi(box("10.1016/0168-1656(90)90043-", "B Received 3 March")) == "10.1016/0168-1656(90)90043-B"
    # a line that stops short of the column's edge ended its DOI; so did one far above the next
    assert page_doi(box("10.1371/journal.pone.0123456", "2024 Received", x1=180)) == "10.1371/journal.pone.0123456"
    assert page_doi(box("10.1371/journal.pone.", "0123456", gap=40)) == "10.1371/journal.pone"
    # a word, or a numbered list's next item, is no DOI's tail
    assert page_doi(box("10.1371/journal.pone.0123456", "Received 3 March")) == "10.1371/journal.pone.0123456"
    assert page_doi(box("10.1371/journal.pone.0123456", "3. Smith J, Roe J.")) == "10.1371/journal.pone.0123456"


def test_a_subtitle_under_the_pages_title_keeps_the_title() -> None:
    from parsers.article_en import _subtitle_of
    lines = [_ln("Deep learning for teeth", 100, 20.0), _ln("a review of the methods", 122, 14.0),
             _ln("Jane Roe and John Smith", 150, 11.0)]
    # (the subtitle is passed over: the title is the larger run right above it, at a title's line pitch)
    assert title_above_byline(lines) == ([0], 2)
    assert _subtitle_of(lines, [0], [1])
    masthead = [_ln("molecules", 70, 25.0)] + lines[1:]  # (a masthead far above: not the title)
    assert title_above_byline(masthead) == ([1], 2)
    assert not _subtitle_of(masthead, [0], [1])


def test_a_byline_in_capitals_is_western_unless_pinyin() -> None:
    assert split_byline_name("JOHN A. SMITH") == ("SMITH", "JOHN A.")
    assert split_byline_name("MARY JONES") == ("JONES", "MARY")
    assert split_byline_name("ZHANG SAN") == ("Zhang", "San")
    assert split_byline_name("LI Ming") == ("Li", "Ming")


def test_small_capital_names_read_as_lower_case_with_a_mark() -> None:
    def line(name: str, mark: str) -> Line:
        return _ln(name + mark, 229, 11.0, spans=[_sp(name, 50, 11.0), _sp(mark, 100, 6.4, True)])
    assert marked_names(line("huma ali", "1")) == [("Huma Ali", ["1"])]
    assert marked_names(line("Bahy a ali", "2,3")) == [("Bahy A Ali", ["2", "3"])]
    assert marked_names(line("in previous studies", "1")) == []  # running text with a citation mark
    assert marked_names(_ln("huma ali", 229, 11.0)) == []  # no mark: no name


def test_a_spaced_apostrophe_and_a_note_after_the_last_affiliation() -> None:
    from parsers.byline_en import affiliations
    assert plain_letters("Linzhi People ’ s Hospital, the ‘big’ solution") == "Linzhi People’s Hospital, the ‘big’ solution"
    lines = [_ln("1Department of Health Information Technology, Tabriz University, Tabriz, Iran. * email:", 100,
                 spans=[_sp("1", 50, 6.0, True), _sp("Department of Health Information Technology, Tabriz University, "
                                                      "Tabriz, Iran. * email:", 56)])]
    affs, _ = affiliations(lines, 0)
    assert affs == {"1": "Department of Health Information Technology, Tabriz University, Tabriz, Iran"}


def test_keywords_one_a_line_and_a_letter_spaced_abstract_label() -> None:
    lines = [_ln("Keywords:", 400, 8.0, x0=40, x1=80), _ln("Herbal genomics", 410, 8.0, x0=40, x1=110),
             _ln("Metabolite", 420, 8.0, x0=40, x1=90), _ln("Drug discovery", 430, 8.0, x0=40, x1=110),
             _ln("1. Introduction", 470, 10.0, x0=40)]
    assert keywords_from_lines(lines, 0) == ["Herbal genomics", "Metabolite", "Drug discovery"]
    from parsers.article_en import _ABSTRACT_ALONE
    assert _ABSTRACT_ALONE.match("a b s t r a c t") and _ABSTRACT_ALONE.match("Summary")
    assert not _ABSTRACT_ALONE.match("Abstracts of the meeting")


def test_names_with_elided_particles_typographic_hyphens_and_suffixes() -> None:
    assert marked_names(_ln("Luca d’Alessandro, Jean‐Pierre Dupont and John Smith Jr.", 100)) == \
        [("Luca d’Alessandro", []), ("Jean‐Pierre Dupont", []), ("John Smith", [])]
    assert split_byline_name("Luca d’Alessandro") == ("d’Alessandro", "Luca")


def test_a_doi_run_on_after_the_title_and_no_byline_below_the_abstract() -> None:
    from parsers.article_en import title_text
    assert title_text([_ln("Effects of tea on sleep DOI: 10.1234/abc.5", 100, 16.0)]) == "Effects of tea on sleep"
    lines = [_ln("A study of tea", 100, 16.0), _ln("Abstract", 130, 10.0), _ln("Tea is drunk widely.", 142, 10.0),
             _ln("Acknowledgments", 400, 12.0), _ln("Jane Roe and John Smith", 420, 10.0)]
    assert title_above_byline(lines) == ([], -1)


def test_a_copyright_statement_under_the_abstract_is_not_part_of_it() -> None:
    from parsers.article_en import without_permissions
    text = "Herbal drugs are relatively safe. " * 6 + "© 2018 Published by Elsevier B.V. under the CC BY licence."
    assert without_permissions(text) == ("Herbal drugs are relatively safe. " * 6).rstrip()
    early = "The © sign marks a claim. " + "More text follows here. " * 3
    assert without_permissions(early) == early
