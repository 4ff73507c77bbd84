"""Generate the English text-fidelity cases in tests/en_fidelity/ (session 10).

GROBID's strict header evaluation (../shared/eval/score_en.py) counts an abstract right only
when every character equals the publisher's JATS (after whitespace collapse and lower-casing).
Each case here prints one typesetting or PDF-export habit that makes a text layer's words
differ from the text the publisher registered, on the English convention suite's page
(tests/make_en_convention_cases.py: its Case, draw_case and base are reused):

- characters: the micro sign from a text font's Latin-1 slot against the Greek mu of a Symbol
  font, the minus sign and signs of a Symbol font in superscripts, ±, ×, °, ≤, curly quotes,
  a thin space set by position before "%" (ISO 80000-1, Springer's house style);
- line ends: a compound broken at its own hyphen before a capital, a digit or a word
  ("non-" / "Hodgkin", "COVID-" / "19", "self-" / "reported"), a suspended hyphen
  ("pre-" / "and post-sowing"), closed and spaced dashes at a line end, a prefix compound
  the article also prints closed (the page cannot tell: flagged);
- glyphs: fi/fl ligatures drawn as one glyph, words set apart by position alone with no
  space glyphs (a tight justified line), a title with a subscript and a Greek letter;
- the publisher's hyphen character (U+2010, Wiley's XML) shown by the file's metadata title;
- text glued on after the abstract (a copyright or licence line run on in its paragraph).

The truth (`truth.json`) is the generator's own input in the form the publisher's JATS holds
it (score_en's reading: sub/superscripts joined, the characters as typed); `expect` names a
field the page cannot settle, which must then be flagged `uncertain-field` for that reason.

Run from the checkout:  .venv/bin/python tests/make_en_fidelity_cases.py [--out DIR] [case ...]
Deterministic (reportlab `invariant=1`, standard Type 1 fonts, nothing embedded).
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.make_convention_cases import generate  # noqa: E402
from tests.make_en_convention_cases import ABSTRACT, KEYWORDS, STRUCTURED, TITLE, Case, base, draw_case  # noqa: E402

OUT = HERE / "en_fidelity"

R, SYM, LIG = "r", "sym", "lig"
TAIL = ("A simple water balance model driven by daily weather reproduced the measured soil moisture and predicted "
        "the yield gap between wet and dry plots.")


def pieces(*parts: tuple) -> list:
    """Runs (text, style, raised) from shorthand: a plain string is regular text."""
    return [(p, R, False) if isinstance(p, str) else p for p in parts]


def printed(lines: list[str]) -> list[list]:
    """Lines broken by hand, each one regular run."""
    return [[(ln, R, False)] for ln in lines]


def cases() -> list[Case]:
    return [
        base("micro_sign_text_font", "the micro sign (U+00B5) drawn from the text font's Latin-1 slot: "
             "the publisher's XML holds the character the page names",
             abstract_pieces=pieces("Soil moisture controls the early growth of winter wheat where rainfall is scarce. "
                                    "We measured nitrate at 5 \u00b5g per gram of soil and root hairs of 12 \u00b5m "
                                    "in forty plots over four seasons. " + TAIL)),
        base("mu_symbol_font", "Greek letters drawn from the Symbol font (\u03bcM, \u03b2-glucosidase, "
             "\u03b1-amylase): the Greek characters",
             abstract_pieces=pieces("Soil moisture controls the early growth of winter wheat where rainfall is scarce. "
                                    "Roots took up 40 ", ("\u03bc", SYM, False), "M nitrate, and the activity of ",
                                    ("\u03b2", SYM, False), "-glucosidase and ", ("\u03b1", SYM, False),
                                    "-amylase rose in wet plots over four seasons. " + TAIL)),
        base("minus_superscripts", "superscripts and subscripts with the Symbol font's minus sign "
             "(10\u22123, kg ha\u22121, NO3\u2212) and a charge (Ca2+): joined to their word, U+2212 kept",
             abstract_pieces=pieces("Soil moisture controls the early growth of winter wheat where rainfall is scarce. "
                                    "Nitrate (NO", ("3", R, "sub"), ("\u2212", SYM, True), ") and Ca", ("2+", R, True),
                                    " leached at rates below 10", ("\u22123", SYM, True), " and yields reached 5.2 t ha",
                                    ("\u22121", SYM, True), " in wet plots over four seasons. " + TAIL)),
        base("signs_spaced", "signs set between spaces: \u00b1, \u00d7, \u00b0C, <, = and the Symbol font's \u2264",
             abstract_pieces=pieces("Soil moisture controls the early growth of winter wheat where rainfall is scarce. "
                                    "Mean soil temperature was 12.3 \u00b1 1.2 \u00b0C, plots of 2.5 \u00d7 4 m that kept "
                                    "water in the top layer yielded more (p < 0.05, r = 0.82), and dry plots held ",
                                    ("\u2264", SYM, False), " 8 % water over four seasons. " + TAIL)),
        base("percent_thin_space", "a thin space before the percent sign set by position alone, no space glyph "
             "(ISO 80000-1; Springer's house style: '96.47 %')",
             abstract_pieces=pieces("Soil moisture controls the early growth of winter wheat where rainfall is scarce. "
                                    "Plots that kept more than 20.5", ("%", R, "thin"), " water in the top layer "
                                    "yielded 24", ("%", R, "thin"), " more than dry plots (96.47", ("%", R, "thin"),
                                    ") over four seasons. " + TAIL),
             abstract_truth="Soil moisture controls the early growth of winter wheat where rainfall is scarce. Plots "
                            "that kept more than 20.5 % water in the top layer yielded 24 % more than dry plots "
                            "(96.47 %) over four seasons. " + TAIL),
        base("line_end_compounds", "compounds broken at their own hyphen at line ends before a capital, a digit or a "
             "word (non-Hodgkin, COVID-19, self-reported, anti-inflammatory), words broken for the line (temperature)",
             abstract_lines=printed([
                 "Soil moisture controls the early growth of winter wheat where rainfall is scarce and non-",
                 "Hodgkin lymphoma patients in the survey of farm households were few. After the COVID-",
                 "19 lockdown we measured soil water content and self-",
                 "reported irrigation in forty plots, and the anti-",
                 "inflammatory compounds of the grain. Plots that kept more water at low tem-",
                 "perature produced more tillers in the semi-arid sites than dry plots, and semi-",
                 "arid farming systems gained most. " + TAIL]),
             abstract_truth="Soil moisture controls the early growth of winter wheat where rainfall is scarce and "
                            "non-Hodgkin lymphoma patients in the survey of farm households were few. After the "
                            "COVID-19 lockdown we measured soil water content and self-reported irrigation in forty "
                            "plots, and the anti-inflammatory compounds of the grain. Plots that kept more water at "
                            "low temperature produced more tillers in the semi-arid sites than dry plots, and "
                            "semi-arid farming systems gained most. " + TAIL),
        base("suspended_hyphen", "a suspended hyphen at a line end ('pre- and post-sowing', 'two- to threefold'): "
             "the space after it is printed",
             abstract_lines=printed([
                 "Soil moisture controls the early growth of winter wheat where rainfall is scarce. We measured pre-",
                 "and post-sowing soil water in forty plots over four seasons; wet plots produced two-",
                 "to threefold more tillers than dry plots. " + TAIL]),
             abstract_truth="Soil moisture controls the early growth of winter wheat where rainfall is scarce. We "
                            "measured pre- and post-sowing soil water in forty plots over four seasons; wet plots "
                            "produced two- to threefold more tillers than dry plots. " + TAIL),
        base("line_end_dashes", "dashes at line ends: a closed em dash and a closed en dash join the next word, a "
             "range goes on, a spaced dash keeps its spaces",
             abstract_lines=printed([
                 "Soil moisture controls the early growth of winter wheat where rainfall is scarce. Grain yield\u2014",
                 "the main outcome\u2014was measured with soil\u2013",
                 "plant water status in forty plots at depths of 10\u2013",
                 "40 cm over four seasons. The effect was strongest in the driest season \u2013",
                 "and weakest when autumn rain was plentiful. " + TAIL]),
             abstract_truth="Soil moisture controls the early growth of winter wheat where rainfall is scarce. Grain "
                            "yield\u2014the main outcome\u2014was measured with soil\u2013plant water status in forty plots "
                            "at depths of 10\u201340 cm over four seasons. The effect was strongest in the driest "
                            "season \u2013 and weakest when autumn rain was plentiful. " + TAIL),
        base("prefix_break_ambiguous", "a prefix compound broken at its hyphen ('bio-' / 'reduction') that the body "
             "prints closed ('bioreduction'): the page cannot tell a break from the compound's hyphen",
             abstract_lines=printed([
                 "Soil moisture controls the early growth of winter wheat where rainfall is scarce. Nitrate bio-",
                 "reduction by soil microbes was measured in forty plots over four seasons. " + TAIL]),
             abstract_truth="Soil moisture controls the early growth of winter wheat where rainfall is scarce. Nitrate "
                            "bio-reduction by soil microbes was measured in forty plots over four seasons. " + TAIL,
             body_text="Microbial bioreduction of nitrate and bioreduction of sulphate depend on soil water. ",
             expect={"abstract": "flagged"}),
        base("prefix_break_local_usage", "a prefix compound broken at its hyphen ('anti-' / 'apoptotic') in a paragraph "
             "that hyphenates the prefix mid-line ('anti-oxidant'), though the body prints it closed",
             abstract_lines=printed([
                 "Soil moisture controls the early growth of winter wheat where rainfall is scarce. The grain's anti-oxidant",
                 "and anti-",
                 "apoptotic compounds were measured in forty plots over four seasons. " + TAIL]),
             abstract_truth="Soil moisture controls the early growth of winter wheat where rainfall is scarce. The "
                            "grain's anti-oxidant and anti-apoptotic compounds were measured in forty plots over four "
                            "seasons. " + TAIL,
             body_text="Antiapoptotic compounds and antiapoptotic proteins of the grain depend on soil water. "),
        base("ligatures", "fi and fl ligatures drawn as one glyph each (the font's /fi and /fl)",
             abstract_pieces=pieces("Soil moisture controls the early growth of winter wheat where rainfall is scarce. "
                                    "We measured water ", ("\ufb02", LIG, False), "uxes in forty ", ("\ufb01", LIG, False),
                                    "elds over four seasons; the ", ("\ufb01", LIG, False), "rst layer's pro",
                                    ("\ufb01", LIG, False), "le had a signi", ("\ufb01", LIG, False), "cant effect on ",
                                    ("\ufb02", LIG, False), "owering. " + TAIL),
             abstract_truth="Soil moisture controls the early growth of winter wheat where rainfall is scarce. We "
                            "measured water fluxes in forty fields over four seasons; the first layer's profile had "
                            "a significant effect on flowering. " + TAIL),
        base("tight_word_gaps", "a tightly set justified abstract: words set apart by position alone at 0.18 em, no "
             "space glyphs", word_gap=0.18),
        base("curly_quotes", "typographer's quotes and apostrophes (\u2019 \u201c \u201d) kept as printed",
             abstract_pieces=pieces("Soil moisture controls the early growth of winter wheat where rainfall is scarce. "
                                    "In farmers\u2019 fields the \u201cdry\u201d plots, which didn\u2019t keep water in "
                                    "the top layer, produced fewer tillers over four seasons. " + TAIL)),
        base("title_chemistry", "a title with a subscript and a Symbol-font Greek letter with a superscript "
             "(CO2, \u03b413C)",
             title_pieces=[("Elevated CO", "b", False), ("2", "b", "sub"), (" and the ", "b", False),
                           ("\u03b4", SYM, False), ("13", "b", True),
                           ("C of winter wheat grain in semi-arid regions", "b", False)]),
        base("copyright_accepted_article", "a licence line run on in the abstract's paragraph (Wiley's accepted "
             "article: 'This article is protected by copyright. All rights reserved.')",
             abstract_tail="This article is protected by copyright. All rights reserved."),
        base("copyright_publisher_tail", "a copyright line run on in the abstract's paragraph "
             "('\u00a9 2024 The Authors. Published by Elsevier B.V.')",
             abstract_tail="\u00a9 2024 The Authors. Published by Elsevier B.V."),
        base("hyphen_u2010_metadata", "the publisher's XML spells word hyphens U+2010 (Wiley): the file's metadata "
             "title shows it where the page draws a hyphen glyph",
             meta_title=TITLE.replace("semi-arid", "semi\u2010arid"), title=TITLE.replace("semi-arid", "semi\u2010arid"),
             abstract_truth=ABSTRACT.replace("semi-arid", "semi\u2010arid"),
             keywords=[k.replace("semi-arid", "semi\u2010arid") for k in KEYWORDS]),
        base("hyphen_u2010_wiley_doi", "a Wiley DOI (10.1002/): its XML spells word hyphens U+2010, with no metadata "
             "title to show it", doi_line="https://doi.org/10.1002/jdfs.70211",
             title=TITLE.replace("semi-arid", "semi\u2010arid"), abstract_truth=ABSTRACT.replace("semi-arid", "semi\u2010arid"),
             keywords=[k.replace("semi-arid", "semi\u2010arid") for k in KEYWORDS]),
        base("abstract_page_break_footnote", "the abstract runs to the first page's foot over a footnote (the "
             "corresponding author) and goes on under page 2's running head", abstract_flow="page2", col_foot=120,
             corresp_note="Corresponding author: Chen Liu, chen.liu@unl.edu", expect={"abstract": "flagged"}),
        base("structured_bmc_colon", "BioMed Central: run-in bold sub-heads with a colon ('Background:'), which its "
             "JATS holds as <sec><title> without the colon", abstract_label="alone", structured=STRUCTURED,
             doi_line="https://doi.org/10.1186/s12345-024-0211-5"),
        base("italic_runs_by_position", "italic species names and roman text set apart by position alone (no space "
             "glyphs), tightly (0.2 em)", word_gap=0.2,
             abstract_pieces=pieces("Soil moisture controls the early growth of winter wheat (", ("Triticum aestivum", "i",
                                    False), ") where rainfall is scarce. The fungus ", ("Fusarium culmorum", "i", False),
                                    " and the weed ", ("Avena fatua", "i", False), " were scarce in dry plots over four "
                                    "seasons. " + TAIL)),
        base("page_break_esm_footnote", "the abstract runs to the first page's foot over Springer's 'Electronic "
             "supplementary material' footnote and goes on on page 2", abstract_flow="page2", col_foot=130,
             foot_after=["Electronic supplementary material The online version of this article contains supplementary "
                         "material, which is available to authorized users."], expect={"abstract": "flagged"}),
        base("keywords_run_on", "the keywords run on in the abstract's paragraph after its last sentence "
             "('… irrigation. Keywords: soil moisture; …'), no line of their own",
             abstract_tail="Keywords: " + "; ".join(KEYWORDS), no_keywords=True),
        base("history_in_brackets", "the history in brackets right under the abstract in its type, no label face "
             "(J-STAGE journals: '(Received 21 May, 2009; Accepted 5 June, 2009)')", no_keywords=True,
             tight_after_abstract=True, after_plain=["(Received 21 May, 2024; Accepted 5 June, 2024)"]),
        base("history_run_on", "the history run on in brackets after the abstract's last sentence",
             abstract_tail="(Received 21 May, 2024; Accepted 5 June, 2024)"),
        base("crossmark_beside_title", "a Crossmark badge's words ('Check for updates') at the right margin level "
             "with the title", badge=["Check for", "updates"]),
    ]


def _truth(case: Case) -> dict:
    """The case's truth; keywords run on in the abstract's paragraph are its keywords."""
    truth = case.truth()
    if case.abstract_tail.startswith("Keywords:"):
        truth["keywords"] = case.abstract_tail.split(":", 1)[1].strip().split("; ")
    return truth


def _draw(case: Case) -> tuple[bytes, None]:
    """The case's page as the hyphen_u2010 case prints it: hyphen glyphs for U+2010."""
    if "\u2010" in case.title + case.abstract_truth + "".join(case.keywords):
        from dataclasses import replace

        case = replace(case, title=case.title.replace("\u2010", "-"),
                       keywords=[k.replace("\u2010", "-") for k in case.keywords])
    return draw_case(case), None


def main(argv: list[str] | None = None) -> int:
    return generate(argv, __doc__, OUT, cases(), _draw, lambda case, _: _truth(case),
                    lambda truth, _: truth["convention"][:60])


if __name__ == "__main__":
    sys.exit(main())
