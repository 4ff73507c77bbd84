"""English text fidelity (tests/en_fidelity/, made by tests/make_en_fidelity_cases.py with
truth from the generator's input): the title, abstract and keywords must equal the text the
publisher registers, character for character, as GROBID's strict matching compares them
(../shared/eval/score_en.py: whitespace collapsed, lower case). A case whose truth names a
field in `expect` prints it in a way the page cannot settle: that field must carry an
`uncertain-field` flag for its own reason (not only the English abstract's prior).

    .venv/bin/python -m tests.test_en_fidelity_cases      # the table: exact / flagged per field
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_convention_cases import assert_regenerated, load_case
from tests.test_en_convention_cases import exact

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "en_fidelity"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if (p / "issue.pdf").is_file()) if CASES_DIR.is_dir() else []
FIELDS = ["title", "abstract", "keywords"]


def verdict(case: str, field: str) -> tuple[bool, str, str]:
    """(exact, the field's flag message or "", explanation) of one field of one case."""
    truth, issue = load_case(CASES_DIR, case)
    art = issue["articles"][0]
    got = {"title": art["title"]["en"], "abstract": art["abstract"]["en"], "keywords": art["keywords"]["en"]}[field]
    flags = {w["message"].split(":", 1)[0]: w["message"] for w in art["warnings"] if w["code"] == "uncertain-field"}
    flag = flags.get(f"{field}.en", "")
    return exact(field, truth[field], got), flag, f"want {truth[field]!r}\n got {got!r}\n flag {flag!r}"


def _own_reason(flag: str) -> bool:
    """A flag for a reason of the field's own, not the English abstract's prior alone."""
    from parsers.confidence import PRIORS_EN

    return bool(flag) and not flag.split(":", 1)[1].strip().startswith(PRIORS_EN["abstract.en"][1][:40])


@pytest.mark.parametrize("case,field", [pytest.param(c, f, id=f"{c}-{f}") for c in CASES for f in FIELDS])
def test_text_is_the_publishers_or_flagged_where_the_case_says(case: str, field: str) -> None:
    truth, issue = load_case(CASES_DIR, case)
    assert len(issue["articles"]) == 1
    ok, flag, why = verdict(case, field)
    if truth["expect"].get(field) == "flagged":
        assert _own_reason(flag), f"{case}.{field}: the page cannot settle it, but it is not flagged for that\n{why}"
    else:
        assert ok, f"{case}.{field} ({truth['convention']}):\n{why}"


def test_the_suite_is_the_generators_and_small(tmp_path: Path) -> None:
    from tests.make_en_fidelity_cases import cases

    assert sorted(c.name for c in cases()) == CASES
    assert sum(f.stat().st_size for f in CASES_DIR.rglob("*") if f.is_file()) < 300_000
    assert_regenerated("make_en_fidelity_cases.py", CASES_DIR, ["ligatures", "line_end_dashes"], tmp_path)


# ------------------------------------------------------------------ the rules, one by one
@pytest.mark.parametrize("lines,want", [
    (["the COVID-", "19 lockdown"], "the COVID-19 lockdown"),            # a hyphen before a digit is the compound's
    (["the non-", "Hodgkin type"], "the non-Hodgkin type"),
    (["measured pre-", "and post-sowing"], "measured pre- and post-sowing"),  # a suspended hyphen
    (["two-", "to threefold"], "two- to threefold"),
    (["grain yield\u2014", "the main outcome"], "grain yield\u2014the main outcome"),  # closed dashes join
    (["soil\u2013", "plant water"], "soil\u2013plant water"),
    (["the driest season \u2013", "and weakest"], "the driest season \u2013 and weakest"),  # a spaced one does not
    (["at 10\u2013", "40 cm"], "at 10\u201340 cm"),
    (["water-", "use efficiency"], "water-use efficiency"),
    (["in the dry season", "and the wet"], "in the dry season and the wet"),
])
def test_english_line_ends_join_as_printed(lines: list[str], want: str) -> None:
    from parsers.joining import join_lines

    assert join_lines(lines) == want


def test_a_greek_fonts_mu_is_the_greek_letter_and_a_text_fonts_micro_sign_stays() -> None:
    from parsers.textlayer import _GREEK_FONT

    for font in ("Symbol", "SymbolMT", "EuclidSymbol-Italic", "MTGU", "EURM10", "CMMI10", "MathematicalPi-One",
                 "CambriaMath"):
        assert _GREEK_FONT.search(font), font
    for font in ("Times-Roman", "STIXGeneral-Regular", "ACaslonPro-Regular", "Cambria", "MinionPro-It",
                 "Times New Roman,Bold", "AdvOT7bd2d6f1"):
        assert not _GREEK_FONT.search(font), font


@pytest.mark.parametrize("tail", ["This article is protected by copyright. All rights reserved.",
                                  "Published by Elsevier B.V. on behalf of the Society.",
                                  "\u00a9 2024 The Authors.", "Copyright \u00a9 2024 Wiley Periodicals LLC."])
def test_a_licence_line_run_on_after_the_abstract_is_no_part_of_it(tail: str) -> None:
    from parsers.article_en import without_permissions

    text = "Soil moisture controls the early growth of winter wheat. " * 8 + "It ends here."
    assert without_permissions(f"{text} {tail}") == text


def test_a_sentence_that_names_a_publisher_stays() -> None:
    from parsers.article_en import without_permissions

    text = "Soil moisture controls the early growth of winter wheat. " * 8 + "Published by the ministry in 2020."
    assert without_permissions(text) == text


def test_the_metadata_titles_u2010_spells_the_abstracts_hyphens_too() -> None:
    from schemas.model import Article
    from parsers.pdfmeta import _house_hyphens

    art = Article(id="a01")
    art.abstract.en, art.keywords.en = "A peri-urban, people-centred view (see https://x.org/a-b).", ["peri-urban"]
    _house_hyphens(art, "People\u2010centred conservation")
    assert art.abstract.en == "A peri\u2010urban, people\u2010centred view (see https://x.org/a-b)."
    assert art.keywords.en == ["peri\u2010urban"]
    art.abstract.en = "peri-urban"
    _house_hyphens(art, "People\u2010centred and long-term conservation")  # (the title mixes both: no evidence)
    assert art.abstract.en == "peri-urban"


def test_run_in_sub_heads_lose_their_colon_only_where_the_publishers_jats_drops_it() -> None:
    from parsers.article_en import sub_heads_as_registered

    text = "Background: Soil is dry. Materials and methods: We dug. Results: Wet plots won. Conclusions: Keep water."
    assert sub_heads_as_registered(text, "10.1186/s1-024-5") == (
        "Background Soil is dry. Materials and methods We dug. Results Wet plots won. Conclusions Keep water.")
    assert sub_heads_as_registered(text, "10.1080/0886022X.2020.1") == sub_heads_as_registered(text, "10.1186/x")
    assert sub_heads_as_registered(text, "10.4103/ijrm.1") == text  # (elsewhere the printed colon stays)
    assert sub_heads_as_registered("We found: Results vary.", "10.1186/x") == "We found: Results vary."


def test_house_hyphens_leave_links_and_identifiers_alone() -> None:
    from parsers.joining import house_hyphens

    assert house_hyphens("mid-1990s camera-trap data (doi:10.1002/ece3-71422, https://a-b.org)") == (
        "mid\u20101990s camera\u2010trap data (doi:10.1002/ece3-71422, https://a-b.org)")


def test_a_cross_between_words_is_spaced_on_both_sides() -> None:
    from parsers.article_en import spaced_punctuation

    assert spaced_punctuation("host ×pathogen and genotype× environment") == "host × pathogen and genotype × environment"
    assert spaced_punctuation("a 151× coverage and 2×10 cells") == "a 151× coverage and 2×10 cells"


def main() -> None:
    for case in CASES:
        for field in FIELDS:
            ok, flag, _ = verdict(case, field)
            print(f"{case:28s} {field:9s} {'exact' if ok else 'WRONG'} {'flagged' if flag else ''}")


if __name__ == "__main__":
    main()


def test_publisher_habits_are_data() -> None:
    """layouts/publishers.toml: a DOI's prefix names its publisher's habits; an unlisted one
    gets the page's own forms."""
    from parsers.publishers import habits

    assert habits("10.1002/ece3.71000").word_hyphen == "\u2010" and habits("10.1111/cobi.70001").name == "Wiley"
    assert not habits("10.1186/1471-2229-10-3").subhead_colon and habits("10.1186/x").word_hyphen == "-"
    assert habits("10.3390/molecules21020182") == habits("") == habits("10.9999/none")
    assert habits("10.3390/x").subhead_colon and habits("10.3390/x").word_hyphen == "-"


def test_an_apostrophe_inside_a_word_as_the_publisher_registers_it() -> None:
    """Medknow's, Hindawi's and Wiley's XML spell "tulsi's" where the page curls it; a
    closing quote after a word stays curly, and other publishers keep the page's form."""
    from parsers.joining import house_apostrophes
    from parsers.publishers import habits

    assert habits("10.4103/0975-9476.146554").apostrophe == "'" and habits("10.1155/2018/1").apostrophe == "'"
    assert habits("10.1002/ece3.1").apostrophe == habits("10.1111/cobi.1").apostrophe == "'"
    assert habits("10.1038/s41598-017-1").apostrophe == ""  # (as the page prints it)
    text = "tulsi\u2019s effect on the plant\u2019s \u2018adaptogen\u2019 use and farmers\u2019 fields"
    assert house_apostrophes(text, "'") == "tulsi's effect on the plant's \u2018adaptogen\u2019 use and farmers\u2019 fields"
    assert house_apostrophes(text, "\u2019") == text
