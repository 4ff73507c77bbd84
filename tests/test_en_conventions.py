"""Publisher conventions of English-language front matter (session 6, issue 11), on
synthetic lines and records (no PDF needed): one keyword splitter for every layout, the end
of a keyword list, an abstract continued in the next column, compounds a line end broke,
spacing an export lost, wrapped affiliation lines, and the English flags."""
from __future__ import annotations

import pytest

from parsers.article_en import compound_hyphens, keywords_from_lines, labelled_abstract, spaced_punctuation
from parsers.byline_en import affiliations
from parsers.confidence import PageEvidence, assess_article, flagged_paths
from parsers.english import split_keywords_en
from parsers.textlayer import Line, Span
from schemas.model import Article, Contributor, LangText


def _ln(text: str, y: float, size: float = 10.0, x0: float = 50.0, x1: float | None = None,
        spans: list[Span] | None = None) -> Line:
    return Line(text=text, x0=x0, x1=x1 if x1 is not None else x0 + 240, y=y, size=size, spans=spans or [])


def _sp(text: str, x0: float, size: float = 9.0, sup: bool = False) -> Span:
    return Span(text=text, x0=x0, x1=x0 + 5 * len(text), y=100.0, size=size, font="F", sup=sup)


# ----------------------------------------------------------------------------- keywords
@pytest.mark.parametrize("printed,want", [
    ("Endophytes, Biosurfactant, Hydrocarbons", ["Endophytes", "Biosurfactant", "Hydrocarbons"]),   # BMC: commas
    ("district heating network; leakage localization; sensors", ["district heating network", "leakage localization", "sensors"]),
    ("Basil · Diversity · ISSR", ["Basil", "Diversity", "ISSR"]),      # Springer: middle dots
    ("wolves | livestock | policy.", ["wolves", "livestock", "policy"]),
    ("2,4-D, herbicide, soil", ["2,4-D", "herbicide", "soil"]),          # a chemical locant keeps its comma
    ("gene expression; Ocimum sanctum, L.", ["gene expression", "Ocimum sanctum, L"]),
    ("law; bioethics （责任编辑：李四）", ["law", "bioethics"]),       # a Chinese article's closing line
])
def test_one_splitter_reads_every_keyword_layout(printed: str, want: list[str]) -> None:
    assert split_keywords_en(printed) == want


def test_a_keyword_list_ends_where_the_body_heading_starts_in_the_same_type() -> None:
    lines = [_ln("Keywords: Endophytes, Biosurfactant, Hydrocarbons,", 100),
             _ln("Degradation, Plant growth-promoting agent", 112),
             _ln("Background", 124)]
    assert keywords_from_lines(lines, 0) == ["Endophytes", "Biosurfactant", "Hydrocarbons", "Degradation",
                                             "Plant growth-promoting agent"]


def test_a_keyword_list_ends_at_the_abbreviations_and_a_dated_note_but_not_at_a_keyword() -> None:
    lines = [_ln("KEYWORDS: camera trap; gray wolf;", 100), _ln("Open access data sources", 112),
             _ln("Abbreviations: ACC, aminocyclopropane", 124)]
    assert keywords_from_lines(lines, 0) == ["camera trap", "gray wolf", "Open access data sources"]
    lines = [_ln("Index Terms—deep learning, imaging", 100), _ln("Received 2 May 2018; accepted 3 June", 112)]
    assert keywords_from_lines(lines, 0) == ["deep learning", "imaging"]


# ----------------------------------------------------------------------------- abstract
def test_an_abstract_goes_on_at_the_top_of_the_next_column_when_cut_mid_sentence() -> None:
    lines = [_ln("Abstract", 400), _ln("Teak is one of the precious hardwoods whose", 414),
             _ln("genome was sequenced to learn about its", 426),
             _ln("Introduction", 100, x0=310), ]
    lines.insert(3, _ln("wood quality and its origin.", 100, x0=310))
    assert labelled_abstract(lines, 0, len(lines)).endswith("about its wood quality and its origin.")
    # a paragraph that ends a sentence at the column's foot is the whole abstract
    lines[2] = _ln("genome was sequenced.", 426)
    lines[3] = _ln("Teak grows in India.", 100, x0=310)
    assert labelled_abstract(lines, 0, len(lines)).endswith("sequenced.")


def test_a_compound_broken_at_its_hyphen_keeps_it_a_word_cut_at_a_syllable_does_not() -> None:
    breaks = {("gram", "positive"), ("hydrocar", "bons")}
    text = "against gram-negative and grampositive bacteria and hydrocarbons"
    assert compound_hyphens(text, breaks, {"gram-negative"}) == \
        "against gram-negative and gram-positive bacteria and hydrocarbons"
    # the joined form printed elsewhere in the article is the article's own spelling
    assert compound_hyphens("grampositive", {("gram", "positive")}, {"grampositive"}) == "grampositive"


@pytest.mark.parametrize("got,want", [
    ("are included as:Acorus calamus, Artemisia", "are included as: Acorus calamus, Artemisia"),
    ("viability of cells (p< .05). The", "viability of cells (p < .05). The"),
    ("flexneri (108 ±10.53 mm)", "flexneri (108 ± 10.53 mm)"),
    ("p<0.05 and see http://x.org or doi:10.1/2 at 1:2", "p<0.05 and see http://x.org or doi:10.1/2 at 1:2"),
    ("values of ±10", "values of ±10"),  # a unary sign
])
def test_spacing_an_export_lost_around_punctuation_and_binary_signs(got: str, want: str) -> None:
    assert spaced_punctuation(got) == want


# ----------------------------------------------------------------------------- affiliations
def test_a_wrapped_affiliation_line_that_names_no_institution_carries_on() -> None:
    lines = [_ln("3Center of Biomedical Research, Sanjay Gandhi Postgraduate Institute of", 100, 9.0,
                 spans=[_sp("3", 50, 5.2, True), _sp("Center of Biomedical Research, Sanjay Gandhi Postgraduate Institute of", 56)]),
             _ln("Medical Sciences Campus, Lucknow, Uttar Pradesh, India", 110.8, 9.0),
             _ln("ABSTRACT", 140, 12.0)]
    affs, _ = affiliations(lines, 0)
    assert affs == {"3": "Center of Biomedical Research, Sanjay Gandhi Postgraduate Institute of Medical Sciences "
                         "Campus, Lucknow, Uttar Pradesh, India"}


def test_a_line_end_hyphen_in_an_address_before_a_digit_is_the_addresses_own() -> None:
    lines = [_ln("Regional Research Laboratory, Canal Road, Jammu – Tawi-", 100, 12.0),
             _ln("180 001, Jammu & Kashmir.", 114, 12.0, x0=150)]
    affs, _ = affiliations(lines, 0)
    assert affs[""] == "Regional Research Laboratory, Canal Road, Jammu – Tawi-180 001, Jammu & Kashmir"


# ----------------------------------------------------------------------------- flags
def _english() -> Article:
    art = Article(id="a01", pdf_pages=[1, 8], fpage="3", lpage="10", language="en")
    art.title = LangText(en="Biosurfactant production of endophytic bacteria")
    art.contributors = [Contributor(name=LangText(en="Olga Marchut"), surname="Marchut", given="Olga",
                                    affiliation="Institute of Technical Biochemistry, Lodz University of Technology")]
    art.abstract = LangText(en="The process of plant growth in the contaminated environment is often inhibited. " * 8)
    art.keywords.en = ["Endophytes", "Biosurfactant", "Hydrocarbons"]
    art.doi = "10.1186/s12934-018-1017-5"
    return art


def _flags(art: Article) -> set[str]:
    assess_article(art, PageEvidence())
    return flagged_paths(art.warnings)


def test_a_consistent_english_article_flags_only_its_priors() -> None:
    assert _flags(_english()) == {"abstract.en", "contributors.affiliation"}  # (PRIORS_EN: long texts)


@pytest.mark.parametrize("mutate,field", [
    (lambda a: setattr(a.keywords, "en", ["Endophytes", "this study shows that the strain is able to grow"]), "keywords.en"),
    (lambda a: setattr(a.keywords, "en", ["Endophytes", "Hydrocarbons Introduction"]), "keywords.en"),
    (lambda a: setattr(a.keywords, "en", ["Endophytes", "plant growth and"]), "keywords.en"),
    (lambda a: setattr(a.keywords, "en", ["Endophytes Biosurfactant Hydrocarbons Degradation"]), "keywords.en"),
    (lambda a: a.contributors.append(Contributor(name=LangText(en="Department of Biotechnology"), surname="Biotechnology",
                                                 given="Department of", affiliation="x University")), "contributors.surname"),
    (lambda a: a.contributors.append(Contributor(name=LangText(en="Piotr Drozd and Tadeusz Antczak"), surname="Antczak",
                                                 given="Piotr Drozd and Tadeusz", affiliation="x University")), "contributors.surname"),
    (lambda a: a.contributors.append(Contributor(name=LangText(en="Olga Marchut"), surname="Marchut", given="Olga",
                                                 affiliation="x University")), "contributors.surname"),
    (lambda a: setattr(a.contributors[0], "surname", "H."), "contributors.surname"),
])
def test_each_english_check_flags_its_field(mutate, field: str) -> None:
    art = _english()
    mutate(art)
    assert field in _flags(art)


@pytest.mark.parametrize("abstract", ["Too short an abstract to be whole. " * 3, "and the rest of a sentence. " * 20,
                                      "A run-on abstract that went into the body. " * 80])
def test_an_english_abstract_of_the_wrong_length_or_cut_at_its_start_is_flagged_for_itself(abstract: str) -> None:
    art = _english()
    art.abstract.en = abstract
    assess_article(art, PageEvidence())
    why = next(w.message for w in art.warnings if w.message.startswith("abstract.en"))
    assert "words" in why or "lower case" in why


def _structured(gap: float) -> list[Line]:
    """A structured abstract with its sub-heads alone on their lines, `gap` points above each."""
    out, y = [_ln("Abstract", 100, 12.0)], 100.0
    for head, body in (("Background", ["Tobacco use is common among the people of the region and", "causes many deaths."]),
                       ("Methods", ["We surveyed 500 adults in the city and asked them about", "their habits."]),
                       ("Results", ["Half of them smoked."]), ("Conclusions", ["Smoking is common."])):
        y += gap
        out.append(_ln(head, y))
        for text in body:
            y += 12
            out.append(_ln(text, y))
    out += [_ln("Introduction", y + gap), _ln("Tobacco is a plant of the nightshade family.", y + gap + 12)]
    return out


@pytest.mark.parametrize("gap", [12.0, 24.0])
def test_a_structured_abstract_reads_on_over_its_sub_heads_and_stops_at_the_body(gap: float) -> None:
    lines = _structured(gap)
    got = labelled_abstract(lines, 0, len(lines))
    assert got.startswith("Background Tobacco use") and got.endswith("Conclusions Smoking is common.")
    assert "Methods We surveyed" in got and "nightshade" not in got


def test_an_unstructured_abstract_does_not_run_on_into_a_heading_in_its_own_type() -> None:
    lines = [_ln("ABSTRACT: Sacred tulsi is a herb known for its medicinal properties, both in", 100, 12.0),
             _ln("pharmacological systems.", 114, 12.0), _ln("INTRODUCTION:", 141, 12.0), _ln("Ocimum sanctum is a plant.", 155, 12.0)]
    assert labelled_abstract(lines, 0, len(lines)).endswith("pharmacological systems.")


def test_keywords_run_in_after_the_label_then_one_a_line_are_one_keyword_each() -> None:
    # Elsevier's article-info column: the first keyword after the label, the others one a line
    lines = [_ln("Article history: Received 2 May 2021", 80, 8.0, x1=200),
             _ln("Keywords: Tobacco", 100, 8.0, x1=120), _ln("Smoking cessation", 110, 8.0, x1=118),
             _ln("Nicotine", 120, 8.0, x1=85)]
    assert keywords_from_lines(lines, 1) == ["Tobacco", "Smoking cessation", "Nicotine"]
    # a list that wraps because the measure ran out is one list, split at its commas
    lines = [_ln("Keywords: tobacco, smoking cessation, public", 100, 8.0, x1=200), _ln("health", 110, 8.0, x1=78)]
    assert keywords_from_lines(lines, 0) == ["tobacco", "smoking cessation", "public health"]
    lines = [_ln("Keywords: plant growth promoting bacteria in the soil of", 100, 8.0, x1=200),
             _ln("rhizospheres", 110, 8.0, x1=90)]
    assert keywords_from_lines(lines, 0) == ["plant growth promoting bacteria in the soil of rhizospheres"]


def test_an_abstract_beside_the_article_info_column_is_not_cut_by_its_keywords() -> None:
    # Elsevier: "A R T I C L E  I N F O" with the keywords on the left, "A B S T R A C T" on
    # the right; the text layer reads the left column first
    from parsers.article_en import _fill_abstract
    from parsers.header import Header

    lines = [_ln("A R T I C L E  I N F O", 300, 8.0, 40, 150), _ln("Keywords:", 320, 8.0, 40, 80),
             _ln("Tobacco", 330, 8.0, 40, 75), _ln("Smoking", 340, 8.0, 40, 75),
             _ln("A B S T R A C T", 300, 8.0, 200, 280),
             _ln("Tobacco use is common among the people of the region and causes", 320, 9.0, 200, 560),
             _ln("many deaths each year, which a survey of 500 adults in the city has", 331, 9.0, 200, 560),
             _ln("counted and set against the habits they reported.", 342, 9.0, 200, 450),
             _ln("1. Introduction", 380, 10.0, 40, 150)]
    art = Article(id="a01", pdf_pages=[1, 2])
    _fill_abstract(art, lines, Header(at={"keywords_en": 1}), 0, True)
    assert art.abstract.en.startswith("Tobacco use") and art.abstract.en.endswith("they reported.")


def test_a_bare_initial_before_the_surname_flags_the_split_a_dotted_one_does_not() -> None:
    art = _english()
    art.contributors.append(Contributor(name=LangText(en="Ravindranath H Aladakatti"), surname="Aladakatti",
                                        given="Ravindranath H", affiliation="Karnatak University"))
    assert {"contributors.surname", "contributors.given"} <= _flags(art)
    art = _english()
    art.contributors.append(Contributor(name=LangText(en="Hannah M. Wallace"), surname="Wallace", given="Hannah M.",
                                        affiliation="Karnatak University"))
    assert not {"contributors.surname", "contributors.given"} & _flags(art)


def test_footnote_affiliations_numbered_in_text_type_are_found_by_their_marks() -> None:
    from parsers.byline_en import footnote_affiliations

    lines = [_ln("Jane Doe1, John Roe2", 100, 11.0), _ln("Abstract text of the article goes here.", 130, 10.0),
             _ln("1 Department of Biology, University of Oslo, Oslo, Norway", 700, 7.0, spans=[_sp("1 Department of Biology, University of Oslo, Oslo, Norway", 50, 7.0)]),
             _ln("2 Institute of Physics, ETH Zurich, Zurich, Switzerland", 709, 7.0, spans=[_sp("2 Institute of Physics, ETH Zurich, Zurich, Switzerland", 50, 7.0)])]
    assert footnote_affiliations(lines, 1, [["1"], ["2"]]) == {
        "1": "Department of Biology, University of Oslo, Oslo, Norway",
        "2": "Institute of Physics, ETH Zurich, Zurich, Switzerland"}


def test_a_footnote_affiliation_whose_raised_mark_sits_on_a_line_of_its_own_is_found() -> None:
    from parsers.byline_en import footnote_affiliations

    lines = [_ln("Jane Doe1 · John Roe2", 100, 10.0), _ln("* Jane Doe", 580, 8.5), _ln("jane@x.org", 590, 8.5),
             _ln("1", 602, 5.9), _ln("Department of Computer Science, Nottingham Trent", 605, 8.5, x0=65),
             _ln("University, Clifton, Nottingham, UK", 615, 8.5, x0=65),
             _ln("2", 627, 5.9), _ln("School of Computing, Edinburgh, UK", 630, 8.5, x0=65)]
    got = footnote_affiliations(lines, 1, [["1"], ["2"]])
    assert got == {"1": "Department of Computer Science, Nottingham Trent University, Clifton, Nottingham, UK",
                   "2": "School of Computing, Edinburgh, UK"}


@pytest.mark.parametrize("title,flagged", [("Effects of basil on stressed rats*", True), ("Quercetol in hepatic carcinoma1", True),
                                           ("Outcomes of patients treated for COVID-19", False), ("The p53 pathway in type 2", False)])
def test_an_english_title_ending_in_a_footnote_mark_is_flagged(title: str, flagged: bool) -> None:
    art = _english()
    art.title.en = title
    assert ("title.en" in _flags(art)) is flagged


def test_a_keyword_list_ends_where_running_text_starts_under_it() -> None:
    lines = [_ln("Keywords: tobacco, smoking cessation, nicotine,", 100), _ln("public health", 112),
             _ln("Tobacco use is the leading cause of death that can be prevented in the world, and", 124)]
    assert keywords_from_lines(lines, 0) == ["tobacco", "smoking cessation", "nicotine", "public health"]


def test_a_phone_number_after_the_address_is_no_part_of_the_affiliation() -> None:
    lines = [_ln("Department of Zoology, King Saud University, Riyadh, Saudi Arabia. Tel. +966 11 467 0000", 100, 9.0)]
    affs, _ = affiliations(lines, 0)
    assert affs[""] == "Department of Zoology, King Saud University, Riyadh, Saudi Arabia"


def test_a_byline_in_small_capitals_read_as_lower_case_keeps_its_names() -> None:
    from parsers.byline_en import marked_names

    line = _ln("huma ali1, savita Dixit1, Daoud ali2", 100, 11.0,
               spans=[_sp("huma ali", 50, 11.0), _sp("1", 90, 6.4, True), _sp(", savita Dixit", 95, 11.0),
                      _sp("1", 160, 6.4, True), _sp(", Daoud ali", 165, 11.0), _sp("2", 220, 6.4, True)])
    assert marked_names(line) == [("Huma Ali", ["1"]), ("Savita Dixit", ["1"]), ("Daoud Ali", ["2"])]
    # without marks, lower-case words are running text, not names
    assert marked_names(_ln("the results of this study", 100, spans=[_sp("the results of this study", 50)])) == []


@pytest.mark.parametrize("label", ["Keywords:", "KEY WORDS:", "Key-words:", "Key terms:", "Index Terms—",
                                   "Additional Key Words and Phrases:"])
def test_the_keywords_label_in_the_forms_journals_print(label: str) -> None:
    assert keywords_from_lines([_ln(f"{label} tobacco; smoking", 100)], 0) == ["tobacco", "smoking"]


def test_a_structured_abstract_without_an_abstract_label_is_read_whole() -> None:
    from parsers.article_en import _abstract_block

    lines = [_ln("Objectives: To measure how common tobacco use is.", 100),
             _ln("Methods: We surveyed 500 adults in the city and asked them about their habits, their", 124),
             _ln("age, their work and the number of cigarettes they smoke on a working day and a free day.", 136),
             _ln("Results: Half of them smoked, and men smoked more than women in every age group, most of", 160),
             _ln("all among those who work in shifts.", 172),
             _ln("Conclusion: Smoking is common in the city and needs a programme of its own.", 196),
             _ln("Introduction", 230, 12.0), _ln("Tobacco is a plant.", 245)]
    got = _abstract_block(lines, 0, len(lines))
    assert got.startswith("Objectives: To measure") and got.endswith("a programme of its own.")


@pytest.mark.parametrize("note,want", [
    (["Citation: Vahldiek, K.; Rüger, B.;", "Klawonn, F. Leakages in District", "Heating Networks. Sensors 2022, 22, 5"],
     ["Vahldiek", "Rüger", "Klawonn"]),                                          # MDPI
    (["Citation:", "Ali S and Kim W-C (2018) Plant", "Growth Promotion Under Water"], ["Ali", "Kim"]),  # Frontiers
    (["Cite this article: Garcia Cantu A, Smith JR, Lee K. 2015", "Title of it. R. Soc. open sci. 2: 150"],
     ["Garcia Cantu", "Smith", "Lee"]),                                          # Royal Society
    (["How to cite this article: Forouzanfar F, Hosseinzadeh H. Medicinal herbs in the treatment."],
     ["Forouzanfar", "Hosseinzadeh"]),
    (["Received 2 May 2018"], []),
])
def test_the_articles_own_citation_note_gives_the_surnames(note: list[str], want: list[str]) -> None:
    from parsers.article_en import cited_surnames
    from parsers.pages import PageInfo

    page = PageInfo(1, body=[_ln(t, 10.0 * i, 8.0) for i, t in enumerate(note)])
    assert cited_surnames([page]) == want


def test_a_two_word_surname_the_citation_note_shows_is_the_surname() -> None:
    from parsers.article_en import _surnames_as_cited
    from parsers.pages import PageInfo

    people = [Contributor(name=LangText(en="Anselmo Garcia Cantu"), surname="Cantu", given="Anselmo Garcia"),
              Contributor(name=LangText(en="John R. Smith"), surname="Smith", given="John R.")]
    page = PageInfo(1, body=[_ln("Citation: Garcia Cantu A, Smith JR (2020) A title. PLoS ONE 15: e1.", 10.0, 8.0)])
    _surnames_as_cited(people, [page])
    assert [(c.surname, c.given) for c in people] == [("Garcia Cantu", "Anselmo"), ("Smith", "John R.")]
