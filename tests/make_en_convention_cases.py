"""Generate the English convention-variation cases in tests/en_conventions/ (issue 11).

Each case is a small one-article PDF (a first page and a second page of body text) that
varies ONE publisher convention of an English article's first page against a plain base
layout (masthead, title, byline with superscript digits, the affiliations under it, an
"Abstract" heading alone on its line, "Keywords:" with semicolons, "1. Introduction"):
the abstract's label or its absence, a structured abstract, two columns, the keywords'
label and separators, JEL/MSC lines, the byline's marks, degrees, ORCID glyphs, capitals,
a wrapped byline, footnote or unmarked affiliations, affiliations after the abstract.

The truth (`truth.json` beside each `article.pdf`) is built from the generator's own
input, never read back from the tool: the fields GROBID's header evaluation scores
(title, first author, author surnames, abstract, keywords) plus the affiliations, in the
form the publisher's JATS would hold them (no marks, no labels; a structured abstract's
sub-heads as JATS <sec><title> text, which score_en joins without their colon).
`expect` names the fields a case prints in a form the record cannot reproduce exactly
(they must then be flagged `uncertain-field`, never silently wrong).

Run from the checkout:  .venv/bin/python tests/make_en_convention_cases.py
The PDFs are deterministic (reportlab `invariant=1`, standard Type 1 fonts, nothing
embedded), so regenerating gives no git diff with the same reportlab version.
"""
from __future__ import annotations

import io
import json
import re
import unicodedata
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402

from tests.make_fixtures import _versions  # noqa: E402  (the same version stamp as the fixtures)

OUT = HERE / "en_conventions"
CREATOR = f"journal-ingest tests/make_en_convention_cases.py ({_versions()})"
PW, PH = 595.0, 842.0            # A4
ML, MR = 56.0, 56.0
TW = PW - ML - MR
TOP = PH - 50

# ----------------------------------------------------------------------------- content
TITLE = "Seasonal variation of soil moisture and its effect on the growth of winter wheat in semi-arid regions"
ABSTRACT = (
    "Soil moisture controls the early growth of winter wheat where rainfall is scarce and uneven. "
    "We measured soil water content at three depths in forty plots over four seasons and related it to "
    "tiller number, leaf area and grain yield. Plots that kept more than twenty percent water in the top "
    "layer during tillering produced more tillers and a larger leaf area than dry plots, and their yield "
    "was higher by a quarter on average. The effect was strongest in the driest season and weakest when "
    "autumn rain was plentiful. A simple water balance model driven by daily weather reproduced the "
    "measured soil moisture with a mean error of two percent and predicted the yield gap between wet and "
    "dry plots. These results suggest that sowing dates and residue management that conserve water in "
    "autumn can raise yields in semi-arid farming systems without extra irrigation."
)
STRUCTURED = [
    ("Background", "Soil moisture controls the early growth of winter wheat where rainfall is scarce and uneven, "
                   "but its effect at different depths is not well known."),
    ("Methods", "We measured soil water content at three depths in forty plots over four seasons and related it "
                "to tiller number, leaf area and grain yield with mixed models."),
    ("Results", "Plots that kept more than twenty percent water in the top layer during tillering produced more "
                "tillers and a larger leaf area than dry plots, and their yield was higher by a quarter on average. "
                "The effect was strongest in the driest season."),
    ("Conclusions", "Sowing dates and residue management that conserve water in autumn can raise yields in "
                    "semi-arid farming systems without extra irrigation."),
]
# the abstract as styled runs: an italic species name, a subscript and a superscript (JATS
# <italic>, <sub>, <sup>: their text joined without spaces)
STYLED = [("Soil moisture controls the early growth of winter wheat (", "r", False), ("Triticum aestivum", "i", False),
          (" L.) where rainfall is scarce and uneven. We measured soil water content and the CO", "r", False),
          ("2", "r", "sub"),
          (" flux at three depths in forty plots over four seasons and related them to tiller number, leaf area "
           "and grain yield. Plots that kept more than twenty percent water in the top layer during tillering "
           "yielded 5.2 t ha", "r", False), ("-1", "r", True),
          (" on average, a quarter more than dry plots. The effect was strongest in the driest season and weakest "
           "when autumn rain was plentiful. A simple water balance model driven by daily weather reproduced the "
           "measured soil moisture and predicted the yield gap between wet and dry plots. Conserving water in "
           "autumn can raise yields in semi-arid farming systems without extra irrigation.", "r", False)]
KEYWORDS = ["soil moisture", "winter wheat", "semi-arid agriculture", "water balance model", "tillering"]
BODY = (
    "Winter wheat is the main cereal of many semi-arid regions, where the crop depends on the water stored "
    "in the soil during autumn and winter. Rainfall in these regions varies from year to year, and the "
    "timing of the rain matters as much as its amount. Earlier work has shown that water stress during "
    "tillering reduces the number of ears, while stress during grain filling reduces the weight of the "
    "grains. Less is known about how water in different soil layers supports the crop at each stage. "
    "Farmers can influence the water stored in the soil through the date of sowing, the handling of crop "
    "residues and the depth of tillage, but advice on these practices is rarely based on measurements "
    "made in the same fields over several seasons. In this study we followed soil moisture and crop growth "
    "in the same plots for four seasons in order to describe the relation between them and to test a "
    "simple model that farmers and advisers could use. "
)
MASTHEAD = "Journal of Dryland Field Studies 14 (2024) 211–222"
DOI_LINE = "https://doi.org/10.5555/jdfs.2024.0211"


@dataclass
class Author:
    given: str
    surname: str
    marks: str = ""            # superscript marks as printed after the name ("1,*")
    degrees: str = ""          # ", MD, PhD" printed after the name (no part of it)
    group: bool = False        # a group author ("the … Consortium"): JATS <collab>, no surname


@dataclass
class Case:
    name: str
    convention: str
    authors: list[Author]
    affs: list[tuple[str, str]]                # (mark, text) in print order; mark "" = unmarked
    abstract: str = ABSTRACT
    structured: list[tuple[str, str]] | None = None
    keywords: list[str] = field(default_factory=lambda: list(KEYWORDS))
    # layout switches, each one convention
    font: str = "Times"
    abstract_label: str = "alone"              # alone | run-in text ("Abstract:") | none-box | none-italic
    abstract_run_in: str = ""
    structured_heads: str = "run-in"           # run-in (bold "Background:") | alone
    kw_label: str = "Keywords:"
    kw_alone: bool = False                     # the label alone on its line, the list under it
    kw_sep: str = "; "
    kw_end: str = ""
    kw_width: float = 0.0                      # narrower measure: the list wraps
    kw_after: list[str] = field(default_factory=list)   # lines printed right after the keywords (JEL, MSC)
    no_keywords: bool = False
    body_heading: str = "1. Introduction"
    rule_after_front: bool = False
    two_columns: bool = False
    name_sep: str = ", "
    last_sep: str = " and "
    caps_names: bool = False
    orcid: bool = False
    mark_style: str = "sup"                    # sup | none
    aff_place: str = "under"                   # under | footnote | after-abstract
    aff_emails: list[str] = field(default_factory=list)  # an e-mail line after each affiliation
    corresp_note: str = ""                     # a first-page footnote ("* Corresponding author. …")
    byline_width: float = 0.0
    center: bool = False                       # title, byline, affiliations and labels centred
    abstract_paras: str = ""                   # "" one paragraph | indent | gap: two paragraphs
    kw_before: bool = False                    # keywords printed above the abstract
    byline_style: str = "r"                    # r | b (a bold byline)
    byline_size: float = 11.0
    aff_mark_style: str = "sup"                # sup | baseline (a number on the line: "1 Department …")
    highlights: list[str] = field(default_factory=list)  # a Highlights list before the abstract
    author_blocks: bool = False                # one block per author (name, affiliation, e-mail) side by side
    blocks_per_row: int = 0                    # author blocks in a row (0: all in one row); more rows under it
    blocks_align: str = "center"               # center | left: the block's lines centred or ranged left
    column_label: str = ""                     # a column label ("ORIGINAL ARTICLE") above the title
    # ---- publishers' layouts (session 8): switches the publisher cases combine
    comma_marks: bool = False                  # marks after the comma that follows a name ("Kowalski,¹ Okafor,²")
    title_style: str = "b"                     # the title's face (LaTeX's article class: regular)
    aff_para_sep: str = "; "                   # what sets run-on affiliations apart (Wiley: " | ")
    front_notes: list[str] = field(default_factory=list)  # "Label: text" lines between affiliations and abstract
    foot_lines: list[str] = field(default_factory=list)   # first-page footnote lines before the affiliations
    foot_after: list[str] = field(default_factory=list)   # first-page footnote lines after the affiliations
    date_line: str = ""                        # a centred date under the byline (LaTeX \date)
    author_details: bool = False               # the affiliations again under "Author details" on the last page
    abstract_heading: str = "Abstract"         # the heading set alone over the abstract (Cell: "SUMMARY")
    aff_width: float = 0.0                     # a narrower measure for the affiliations (a side column's)
    kw_gap: float = 16.0                       # the gap between keywords set apart by space alone (kw_sep="gap")
    layout: str = "plain"                      # plain | ieee | elsevier | tandf | mdpi (a publisher's front matter)
    main_indent: float = 0.0                   # the front matter's column indented (MDPI's left margin column)
    justify: bool = False
    hyphenate: bool = False                    # long words broken with a hyphen at line ends
    abstract_pieces: list = field(default_factory=list)  # the abstract as styled runs (italic, sub/superscripts)
    name_format: str = "given-first"           # given-first | vancouver | inverted | surname-caps
    abstract_in_body_type: bool = False        # the abstract in the body's own size and leading
    banner: bool = False                       # the journal's name in large type and a column label above the title
    subtitle: str = ""                         # a subtitle under the title, smaller
    authors_first: bool = False                # the byline printed above the title
    aff_size: float = 9.0
    sidebar: str = ""                          # frontiers: a left column of editors, history, citation beside the title
    kw_margin: bool = False                    # the keywords label in the margin beside the list
    small_caps: bool = False                   # the byline in capitals and small capitals
    tight_after_abstract: bool = False         # the next field right under the abstract, no extra space
    envelope: bool = False                     # a ZapfDingbats envelope after the byline
    aff_paragraph: bool = False                # the affiliations run on in one paragraph, semicolons between
    aff_notes: list[str] = field(default_factory=list)   # notes under the affiliations ("*Corresponding …")
    # ---- session 9: abstract and keyword conventions
    structured_sep: str = ": "                 # what follows a run-in sub-head (JAMA: a space after capitals)
    structured_caps: bool = False              # run-in sub-heads in capitals (JAMA: "IMPORTANCE")
    pre_abstract: list = field(default_factory=list)     # (heading, text, "runin"|"alone"): a summary before the abstract
    post_abstract: list = field(default_factory=list)    # (heading, text, "runin"|"alone"): a summary after the keywords
    shade: bool = False                        # the labelled abstract in a shaded box
    heading_small_caps: bool = False           # the "Abstract" heading in capitals and small capitals
    abstract_flow: str = ""                    # "" | columns (goes on at the right column's top) | page2 (on page 2)
    col_foot: float = 0.0                      # where the abstract's column ends (abstract_flow)
    kw_at_end: bool = False                    # the keywords printed on the last page, after the body
    kw_lines: bool = False                     # (tandf) the keywords one a line in the side column
    graphical: bool = False                    # (elsevier) HIGHLIGHTS and GRAPHICAL ABSTRACT boxes above the article info
    margin_notes: list[str] = field(default_factory=list)  # notes in a right margin column level with the abstract's lines
    after_plain: list[str] = field(default_factory=list)  # lines in the abstract's type right after it (a note, no label face)
    body_text: str = ""                        # the body's first words (before the usual text)
    abstract_tail: str = ""                    # printed run on after the abstract's text, no part of it (© line)
    kw_sidebar: bool = False                   # (frontiers) KEYWORDS and the list in the left column beside the abstract
    expect: dict[str, str] = field(default_factory=dict)  # field -> "flagged" where the print cannot be reproduced
    # ---- session 10: text fidelity (tests/make_en_fidelity_cases.py)
    title: str = TITLE
    title_pieces: list = field(default_factory=list)    # the title as styled runs (a subscript, a Symbol glyph)
    abstract_lines: list = field(default_factory=list)  # the abstract as printed lines (lists of runs), broken by hand
    abstract_truth: str = ""                   # the abstract's text as the publisher's XML holds it (with abstract_lines)
    word_gap: float = 0.0                      # (em) words set apart by position alone, this far, no space glyphs
    meta_title: str = ""                       # the title in the document information dictionary
    doi_line: str = ""                         # the DOI line at the top (another publisher's prefix)
    badge: list[str] = field(default_factory=list)  # small lines at the right margin level with the title (Crossmark)

    def truth(self) -> dict:
        """The scored fields as the publisher's JATS would hold them (score_en's forms)."""
        if self.abstract_truth:
            abstract = self.abstract_truth
        elif self.structured:
            abstract = " ".join(f"{h} {t}" for h, t in self.structured)
        elif self.abstract_pieces:
            abstract = "".join(t for t, _, _ in self.abstract_pieces)
        else:
            abstract = self.abstract
        affs = []
        for _, text in self.affs:
            if text not in affs:
                affs.append(text)
        return {
            "convention": self.convention,
            "title": "".join(t for t, _, _ in self.title_pieces) if self.title_pieces else self.title,
            "first_author": self.authors[0].surname,
            "authors": " ".join(a.surname for a in self.authors if not a.group),
            "abstract": abstract,
            "keywords": [] if self.no_keywords else [re.sub(r"^and ", "", k) for k in self.keywords],  # (a serial "and" is print)
            "affiliations": affs,
            "expect": self.expect,
        }


# ----------------------------------------------------------------------------- drawing
# Times-Roman under Adobe's StandardEncoding, which (unlike WinAnsi) has the fi and fl
# ligature glyphs: a typesetter's ligatures drawn as one glyph each
pdfmetrics.registerFont(pdfmetrics.Font("Times-Roman-Std", "Times-Roman", "StandardEncoding"))


def fonts(family: str) -> dict[str, str]:
    """The family's faces by style (r b i bi), with the Symbol font ("sym": Greek letters,
    the minus sign, primes) and the ligature-drawing Times ("lig")."""
    extra = {"sym": "Symbol", "lig": "Times-Roman-Std"}
    if family == "Helvetica":
        return {"r": "Helvetica", "b": "Helvetica-Bold", "i": "Helvetica-Oblique", "bi": "Helvetica-BoldOblique"} | extra
    return {"r": "Times-Roman", "b": "Times-Bold", "i": "Times-Italic", "bi": "Times-BoldItalic"} | extra


Piece = tuple[str, str, "bool | str"]  # text, style (r b i bi sym lig), True superscript / "sub" subscript / "sc" /
# "raised" / "thin" (on the baseline after a thin space set by position: "23.5 %" in Springer's style)
# the size of a piece against the text's: a small capital (capitals set smaller, at the
# baseline), a mark raised at nearly the text's size (some exporters only shift the baseline)
SCALE = {"sc": 0.78, "raised": 0.92, "thin": 1.0}
THIN = 1 / 6  # (em) a thin space


def tokens(runs: list[Piece]) -> list[list[Piece]]:
    """Words (lists of pieces with no space inside): a superscript clings to its word."""
    out: list[list[Piece]] = []
    glue = False
    for text, style, sup in runs:
        parts = text.split(" ")
        for n, part in enumerate(parts):
            if n > 0:
                glue = False
            if not part:
                continue
            if (glue or sup and sup not in ("sc",)) and out:
                out[-1].append((part, style, sup))
            else:
                out.append([(part, style, sup)])
            glue = True
        if text.endswith(" "):
            glue = False
    return out


class Page:
    def __init__(self, c, family: str) -> None:
        self.c, self.f = c, fonts(family)

    def width(self, piece: Piece, size: float) -> float:
        text, style, sup = piece
        return stringWidth(text, self.f[style], size * SCALE.get(sup, 0.62 if sup else 1.0)) + (
            THIN * size if sup == "thin" else 0.0)

    def flow(self, runs: list[Piece], x: float, y: float, width: float, size: float, lead: float,
             center: bool = False, indent: float = 0.0, justify: bool = False, hyphenate: bool = False,
             gap_em: float = 0.0) -> float:
        """Draw the runs wrapped at `width` from baseline `y` (the first line indented by
        `indent`; lines but the last spread to the measure with `justify`; a long word that
        does not fit broken with a hyphen with `hyphenate`; words set apart by position alone,
        `gap_em` apart, with no space glyphs, with `gap_em`); returns the next baseline."""
        space = gap_em * size if gap_em else stringWidth(" ", self.f["r"], size)
        line: list[list[Piece]] = []
        used = indent
        lines = []
        pending = tokens(runs)
        while pending:
            tok = pending.pop(0)
            w = sum(self.width(p, size) for p in tok)
            if line and used + space + w > width:
                cut = self.hyphen_split(tok, width - used - space, size) if hyphenate else None
                if cut:
                    line.append(cut[0])
                    used += space + sum(self.width(p, size) for p in cut[0])
                    pending.insert(0, cut[1])
                    lines.append((line, used - (indent if not lines else 0)))
                    line, used = [], 0.0
                    continue
                lines.append((line, used - (indent if not lines else 0)))
                line, used = [], 0.0
            used += (space if line else 0) + w
            line.append(tok)
        if line:
            lines.append((line, used))
        for n_line, (toks, used) in enumerate(lines):
            first = indent if n_line == 0 and not center else 0
            cx = x + ((width - used) / 2 if center else 0) + first
            gap = space + (1e-6 if gap_em else 0.0)  # (by position: never a space glyph)
            if justify and n_line < len(lines) - 1 and len(toks) > 1:
                gap = space + (width - first - used) / (len(toks) - 1)
            run: list = []  # plain pieces of one style drawn as one string, spaces as space glyphs

            def flush() -> None:
                if run:
                    self.c.setFont(self.f[run[0][1]], size)
                    self.c.drawString(run[0][2], y, "".join(t for t, _, _ in run))
                    run.clear()

            for n, tok in enumerate(toks):
                if n:
                    if run and gap == space:
                        run.append((" ", run[0][1], cx))
                    else:
                        flush()
                    cx += gap
                for piece in tok:
                    text, style, sup = piece
                    if not sup and (not run or run[0][1] == style):
                        run.append((text, style, cx))
                        cx += self.width(piece, size)
                        continue
                    flush()
                    if not sup:
                        run.append((text, style, cx))
                        cx += self.width(piece, size)
                        continue
                    s = size * SCALE.get(sup, 0.62)
                    if sup == "thin":  # a thin space by position, then the piece on the baseline
                        self.c.setFont(self.f[style], size)
                        self.c.drawString(cx + THIN * size, y, text)
                        cx += self.width(piece, size)
                        continue
                    self.c.setFont(self.f[style], s)
                    rise = size * 0.38 if sup in (True, "raised") else (-size * 0.15 if sup == "sub" else 0)
                    self.c.drawString(cx, y + rise, text)
                    cx += self.width(piece, size)
            flush()
            y -= lead
        return y

    def hyphen_split(self, tok: list[Piece], room: float, size: float) -> tuple[list[Piece], list[Piece]] | None:
        """A word broken at a line end: a compound at its own hyphen, a long plain word
        after its fourth letter or later (head + "-" must fit in `room`)."""
        if len(tok) != 1:
            return None
        word, style, sup = tok[0]
        cuts = [i + 1 for i, ch in enumerate(word) if ch == "-" and 2 < i < len(word) - 3]
        if re.fullmatch(r"[a-z]{9,}[,.;]?", word):
            cuts += list(range(4, len(word.rstrip(",.;")) - 3))
        for i in sorted(cuts, reverse=True):
            head = word[:i] if word[i - 1] == "-" else word[:i] + "-"
            if self.width((head, style, sup), size) <= room:
                return [(head, style, sup)], [(word[i:], style, sup)]
        return None

    def text(self, s: str, x: float, y: float, size: float, style: str = "r") -> None:
        self.c.setFont(self.f[style], size)
        self.c.drawString(x, y, s)


def byline_runs(case: Case) -> list[Piece]:
    runs: list[Piece] = []
    n = len(case.authors)
    for k, a in enumerate(case.authors):
        if k:
            sep = case.last_sep if k == n - 1 else case.name_sep
            if case.comma_marks and sep.startswith(","):
                sep = sep[1:]  # (the comma was printed before the marks)
            runs.append((sep, "r", False))
        name = printed_name(case, a)
        if case.small_caps:  # each word's first capital at full size, the rest as smaller capitals
            for n_w, w in enumerate(name.split()):
                if w[0].islower():  # (a particle in lower case, "van der": small capitals throughout)
                    runs += [(" " if n_w else "", case.byline_style, False), (w.upper(), case.byline_style, "sc")]
                    continue
                runs += [((" " if n_w else "") + w[0], case.byline_style, False), (w[1:].upper(), case.byline_style, "sc")]
        else:
            runs.append((name.upper() if case.caps_names else name, case.byline_style, False))
        if a.degrees:
            runs.append((a.degrees, case.byline_style, False))
        if case.comma_marks and k < n - 1 and (case.last_sep if k == n - 2 else case.name_sep).startswith(","):
            runs.append((",", "r", False))  # ACS, APS, Cell: "Kowalski,¹ Okafor,² and Liu¹,²"
        if a.marks and case.mark_style == "sup":
            runs.append((a.marks, "r", True))
        elif a.marks and case.mark_style == "raised":
            runs.append((a.marks, "r", "raised"))
    return runs


def printed_name(case: Case, a: Author) -> str:
    """The name as the byline's convention prints it."""
    if a.group or case.name_format == "given-first":
        return f"{a.given} {a.surname}".strip()
    if case.name_format == "vancouver":  # surname, then initials without full stops
        return f"{a.surname} {''.join(w[0] for w in a.given.replace('-', ' ').split())}"
    if case.name_format == "inverted":  # "Surname, Given"
        return f"{a.surname}, {a.given}"
    if case.name_format == "surname-caps":  # "Given SURNAME" (French habit)
        return f"{a.given} {a.surname.upper()}"
    raise ValueError(case.name_format)


def draw_orcid(c, case: Case, page: Page, y: float, center: bool) -> None:
    """An ORCID iD icon after each name: a green disc with "iD" in it (the icon as a glyph
    run, as publishers' PDFs draw it), placed where the name ends on the byline."""
    # recompute the byline positions the flow used (one line: the case keeps it short)
    space = stringWidth(" ", page.f["r"], case.byline_size)
    runs = byline_runs(case)
    total = sum(page.width(p, case.byline_size) for tok in tokens(runs) for p in tok) + space * (len(tokens(runs)) - 1)
    x = ML + ((TW - total) / 2 if center else 0)
    ends = []
    toks = tokens(runs)
    for n, tok in enumerate(toks):
        if n:
            x += space
        x += sum(page.width(p, case.byline_size) for p in tok)
        if tok[-1][2] and (n + 1 == len(toks) or not toks[n + 1][0][0] in (",", "and")):
            ends.append(x)
    for x_end in ends:
        c.setFillColorRGB(0.65, 0.81, 0.22)
        c.circle(x_end + 4, y + 3.5, 3.2, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica-Bold", 3.2)
        c.drawString(x_end + 2.2, y + 2.4, "iD")
        c.setFillColorRGB(0, 0, 0)


def draw_author_blocks(p: Page, case: Case, y: float) -> float:
    """One block per author side by side (IEEE/ACM conference style): the name, then the
    author's affiliation broken over lines, then the e-mail, all centred in the block (or
    ranged left); `blocks_per_row` blocks a row, the next row under the lowest block."""
    per = case.blocks_per_row or len(case.authors)
    w = TW / per
    center = case.blocks_align == "center"
    for r in range(0, len(case.authors), per):
        low = y
        for k, a in enumerate(case.authors[r:r + per]):
            x = ML + k * w
            yy = p.flow([(f"{a.given} {a.surname}", "r", False)], x, y, w - 6, 11, 14, center=center)
            aff = dict(case.affs)[a.marks]
            yy = p.flow([(aff, "i", False)], x, yy, w - 6, 9, 11, center=center)
            if r + k < len(case.aff_emails):
                yy = p.flow([(case.aff_emails[r + k], "r", False)], x, yy, w - 6, 9, 11, center=center)
            low = min(low, yy)
        y = low - 10
    return y + 6


def draw_case(case: Case) -> bytes:
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=(PW, PH), invariant=1, pageCompression=1)
    c.setCreator(CREATOR)
    c.setTitle(case.meta_title)
    p = Page(c, case.font)
    # masthead and DOI (small, at the top)
    p.text(MASTHEAD, ML, TOP, 8, "i")
    doi_line = case.doi_line or DOI_LINE
    p.text(doi_line, PW - MR - stringWidth(doi_line, p.f["r"], 8), TOP, 8)
    c.line(ML, TOP - 6, PW - MR, TOP - 6)
    L, W = ML + case.main_indent, TW - case.main_indent   # the front matter's column
    y = TOP - 40
    if case.banner:  # the journal's name in large type above everything, then a column label
        p.text("DRYLAND FIELD STUDIES", L, y, 22, "b")
        y -= 26
        p.text("RESEARCH ARTICLE", L, y, 9, "b")
        y -= 24
    if case.sidebar == "frontiers":
        y = frontiers_sidebar(p, y, case)
    if case.column_label:  # the article's column, in small bold capitals above everything
        p.text(case.column_label, L, y, 9, "b")
        y -= 20
    first_by_y = y
    if case.authors_first:  # the byline above the title
        y = p.flow(byline_runs(case), L, y, case.byline_width or W, case.byline_size, case.byline_size + 3) - 8
    if case.badge:  # a badge's words at the right margin, level with the title (the title's measure narrower)
        for n, line in enumerate(case.badge):
            p.text(line, PW - MR - stringWidth(line, p.f["r"], 6.5), y - n * 7.5, 6.5)
        W = W - 60
    y = p.flow(case.title_pieces or [(case.title, case.title_style, False)], L, y, W, 17, 21, center=case.center)
    if case.badge:
        W = W + 60
    if case.subtitle:
        y = p.flow([(case.subtitle, "r", False)], L, y - 2, W, 13, 16, center=case.center)
    y -= 6
    by_y = y
    if case.author_blocks:
        y = draw_author_blocks(p, case, y)
    elif not case.authors_first:
        y = p.flow(byline_runs(case), L, y, case.byline_width or W, case.byline_size, case.byline_size + 3,
                   center=case.center)
    if case.date_line:
        y = p.flow([(case.date_line, "r", False)], L, y - 4, W, 11, 14, center=True)
    if case.orcid:
        draw_orcid(c, case, p, first_by_y if case.authors_first else by_y, False)
    if case.envelope:
        # the corresponding author's envelope icon, a ZapfDingbats glyph after the byline
        c.setFont("ZapfDingbats", 8)
        c.drawString(L + sum(p.width(pc, case.byline_size) for t in tokens(byline_runs(case)) for pc in t)
                     + stringWidth(" ", p.f["r"], case.byline_size) * (len(tokens(byline_runs(case))) - 1) + 2,
                     by_y + 1, ")")
    y -= 4

    def affiliations(y: float) -> float:
        if case.aff_paragraph:  # all in one paragraph, set apart by semicolons
            runs: list[Piece] = []
            for k, (mark, text) in enumerate(case.affs):
                runs += [(mark, "i", True), (text + (case.aff_para_sep if k < len(case.affs) - 1 else ""), "i", False)]
            return p.flow(runs, L, y, W, 9, 11, center=case.center)
        for k, (mark, text) in enumerate(case.affs):
            runs = []
            if mark and case.mark_style != "none":
                kind = "raised" if case.mark_style == "raised" else case.aff_mark_style == "sup"
                runs.append((mark + (" " if case.aff_mark_style == "baseline" else ""), "i", kind))
            runs.append((text, "i", False))
            y = p.flow(runs, L, y, case.aff_width or W, case.aff_size, case.aff_size + 2, center=case.center) - (
                3 if case.aff_width else 0)
            if k < len(case.aff_emails) and case.aff_emails[k]:
                y = p.flow([(case.aff_emails[k], "r", False)], L, y, W, 9, 11, center=case.center)
        for note in case.aff_notes:
            y = p.flow([(note[0], "r", True), (note[1:], "r", False)], L, y, W, 9, 11, center=case.center)
        return y

    if case.aff_place == "under" and not case.author_blocks:
        y = affiliations(y) - 10
    else:
        y -= 8
    for note in case.front_notes:  # correspondence, history, funding: "Label: text" (or in brackets, plain)
        # (a note with no label, Hindawi's "Correspondence should be addressed to …", is plain)
        label, rest = note.split(":", 1) if ":" in note and not note.startswith("(") else ("", note)
        runs = ([(label + ":", "b", False)] if label else []) + [(rest, "r", False)]
        y = p.flow(runs, L, y, W, 8.5, 10.5, center=case.center) - 3
    if case.front_notes:
        y -= 8
    right_top = None
    if case.layout != "plain":
        y, right_top = front_layout(case, p, y)
    else:
        y = plain_front(case, p, y, L, W)
    if case.aff_place == "after-abstract":
        y -= 8
        y = affiliations(y)
    y -= 0 if case.tight_after_abstract and not case.body_heading else 8  # (the body set on with no blank line)
    if case.rule_after_front:
        c.line(ML, y + 6, PW - MR, y + 6)
        y -= 10
    # --- body
    bx = getattr(p, "right_x", ML)  # (the abstract went on in the right column: the body starts there)
    if case.body_heading and y > 0:
        p.text(case.body_heading, bx, y, 10.5, "b")
        y -= 15
    foot = 60.0
    notes: list[list[Piece]] = []
    for line in case.foot_lines:  # (a leading mark raised: "1Department …", "*Correspondence: …")
        m = re.match(r"([\d*†‡]+)(?=\S)(.*)", line)
        notes.append([(m.group(1), "r", True), (m.group(2), "r", False)] if m else [(line, "r", False)])
    if case.aff_place == "footnote":
        for mark, text in case.affs:
            notes.append([(mark, "r", True), (text, "r", False)])
    notes += [[(line, "r", False)] for line in case.foot_after]
    if case.corresp_note:
        notes.append([("*", "r", True), (case.corresp_note, "r", False)])
    if notes:
        foot = 40 + 11 * sum(1 + int(stringWidth(n[-1][0], p.f["r"], 8.5) // TW) for n in notes)
    two = case.two_columns or case.layout in ("ieee", "elsevier")
    if bx != ML:
        for line in wrap(p, BODY, (TW - 18) / 2, 10)[:max(0, int((y - foot) // 12.5))]:
            p.text(line, bx, y, 10)
            y -= 12.5
    else:
        _body_columns(p, [(case.body_text + BODY * 3, "r", False)], y, foot, two, right_top)
    if notes:
        c.line(ML, foot - 2, ML + 120, foot - 2)
        fy = foot - 14
        for n in notes:
            if n[0][0].startswith("\u2709"):  # Springer's envelope before the corresponding author
                c.setFont("ZapfDingbats", 8)
                c.drawString(ML, fy, ")")
                fy = p.flow([(n[0][0][1:].strip(), "r", False)], ML + 11, fy, TW - 11, 8.5, 10.5)
                continue
            fy = p.flow(n, ML, fy, TW, 8.5, 10.5)
    p.text("211", PW / 2 - 6, 28, 9)
    c.showPage()
    # --- page 2: running head, body text, folio
    p.text("Journal of Dryland Field Studies 14 (2024) 211–222", ML, TOP, 8, "i")
    c.line(ML, TOP - 6, PW - MR, TOP - 6)
    yy = TOP - 30
    if getattr(p, "carry_kw", None):  # the keyword list's end, then the body's first heading
        p.text(p.carry_kw, ML, yy, 9.5)
        yy -= 22
        p.text(case.body_heading, ML, yy, 10.5, "b")
        _body_columns(p, [(BODY, "r", False)], yy - 15, 360, False)
        yy = 340
    if getattr(p, "carry", None):  # the abstract's end, the keywords and the body's first heading
        for line in p.carry:
            p.text(line, ML, yy, 9.5)
            yy -= 12
        yy -= 6
        if not case.no_keywords:
            yy = p.flow([(case.kw_label + " ", "b", False), (case.kw_sep.join(case.keywords), "r", False)],
                        ML, yy, TW, 9.5, 12) - 10
        p.text(case.body_heading, ML, yy, 10.5, "b")
        _body_columns(p, [(BODY, "r", False)], yy - 15, 360, False)
        yy = 340
    p.text("2. Materials and methods", ML, yy, 10.5, "b")
    if case.kw_at_end:  # the keywords printed at the article's end, after the body
        _body_columns(p, [(BODY, "r", False)], yy - 15, 400, False)
        p.flow([(case.kw_label + " ", "b", False), (case.kw_sep.join(case.keywords), "r", False)], ML, 380, TW, 9.5, 12)
    elif case.author_details:  # BMC: the full list of affiliations at the article's end
        _body_columns(p, [(BODY, "r", False)], yy - 15, 400, False)
        yy = 380
        p.text("Author details", ML, yy, 10.5, "b")
        yy -= 13
        for mark, text in case.affs:
            yy = p.flow([(mark, "r", True), (text, "r", False)], ML, yy, TW, 9, 11)
    else:
        _body_columns(p, [(BODY * 2, "r", False)], yy - 15, 60, two)
    p.text("212", PW / 2 - 6, 28, 9)
    c.showPage()
    c.save()
    return buf.getvalue()


def cited(case: "Case", last_sep: str = ", ", mdpi: bool = False) -> str:
    """The authors as a citation note names them: the note beside the byline names the same
    people (Vancouver, surname and initials; MDPI's "Surname, I.;" list)."""
    people = [(a.surname, [w[0] for w in re.split(r"[\s.-]+", a.given) if w]) for a in case.authors if not a.group]
    if mdpi:
        return "; ".join(f"{sur}, {''.join(i + '.' for i in ini)}" for sur, ini in people)
    names = [f"{sur} {''.join(ini)}" for sur, ini in people]
    return ", ".join(names[:-1]) + last_sep + names[-1] if len(names) > 1 else "".join(names)


def corresponding(case: "Case") -> tuple[str, str]:
    """The corresponding author (the last) and an address for them."""
    a = case.authors[-1]
    ascii_ = lambda w: re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", w.lower()).encode("ascii", "ignore").decode())  # noqa: E731
    user = ".".join(ascii_(w) for w in (a.given.split()[0], a.surname.split()[-1]))
    return f"{a.given} {a.surname}", f"{user}@unl.edu"


def frontiers_sidebar(p: Page, y: float, case: "Case") -> float:
    """Frontiers' first page: a type/date/DOI strip on top, and a narrow left column of
    the editors, the correspondence, the history, the citation and the copyright beside the
    title and byline (names of people who are not authors)."""
    for k, (label, value) in enumerate((("TYPE", "Original Research"), ("PUBLISHED", "01 June 2024"),
                                        ("DOI", "10.5555/jdfs.2024.0211"))):
        x = ML + 125 + k * 130
        p.text(label, x, y, 7, "b")
        p.text(value, x + stringWidth(label + " ", p.f["b"], 7), y, 7)
    ys = y - 30
    for label, lines in (("OPEN ACCESS", []), ("EDITED BY", ["Maria Rossi,", "University of Padua, Italy"]),
                         ("REVIEWED BY", ["Tomas Novak,", "Czech University of Life Sciences, Czechia"]),
                         ("*CORRESPONDENCE", list(corresponding(case))),
                         ("RECEIVED", ["03 March 2024"]), ("ACCEPTED", ["09 May 2024"]),
                         ("CITATION", [f"{cited(case, ' and ')} (2024) Seasonal variation of soil moisture. "
                                       "Front. Dryland Stud. 14:211."])):
        p.text(label, ML, ys, 7, "b")
        ys -= 9
        for ln in lines:
            ys = p.flow([(ln, "r", False)], ML, ys, 105, 7, 9)
        ys -= 6
    p.side_foot = ys  # (where the column's notes end)
    return y - 30


def wrap(p: Page, text: str, width: float, size: float, style: str = "r") -> list[str]:
    """Plain text broken into lines of at most `width` (drawn a line at a time)."""
    out: list[str] = []
    cur = ""
    for w in text.split():
        t = f"{cur} {w}" if cur else w
        if cur and stringWidth(t, p.f[style], size) > width:
            out.append(cur)
            cur = w
        else:
            cur = t
    return out + ([cur] if cur else [])


def summary_block(p: Page, blocks: list, x: float, y: float, width: float) -> float:
    """Other summaries printed around the abstract (Simple Summary, Author summary, eLife
    digest, Significance, In brief): a run-in bold label or a heading alone, then the text."""
    for head, text, mode in blocks:
        if mode == "runin":
            y = p.flow([(head + ": ", "b", False), (text, "r", False)], x, y, width, 9.5, 12) - 8
        else:
            p.text(head, x, y, 10.5, "b")
            y = p.flow([(text, "r", False)], x, y - 15, width, 9.5, 12) - 8
    return y


def abstract_runs(case: Case) -> list[Piece]:
    return (case.abstract_pieces or [(case.abstract, "r", False)]) + ([(" " + case.abstract_tail, "r", False)]
                                                                        if case.abstract_tail else [])


def plain_front(case: Case, p: Page, y: float, L: float, W: float) -> float:
    """Highlights, abstract and keywords in the plain one-column order (or the left column)."""
    c = p.c
    left_w = (W - 18) / 2 if case.two_columns else W
    opts = {"justify": case.justify, "hyphenate": case.hyphenate, "gap_em": case.word_gap}

    def keywords(y: float) -> float:
        if case.no_keywords:
            return y
        kw = case.kw_sep.join(case.keywords) + case.kw_end
        width = case.kw_width or left_w
        if case.kw_sep == "gap":  # keywords set apart by wide spaces alone
            p.text(case.kw_label, L, y, 9.5, "b")
            x = L + stringWidth(case.kw_label + " ", p.f["b"], 9.5)
            for k in case.keywords:
                p.text(k, x, y, 9.5)
                x += stringWidth(k, p.f["r"], 9.5) + case.kw_gap
            return y - 12
        if case.kw_sep == "lines":  # the label alone, then one keyword a line after a bullet
            p.text(case.kw_label, L, y, 9.5, "b")
            y -= 12
            for k in case.keywords:
                p.text("•", L + 2, y, 9.5)
                p.text(k, L + 12, y, 9.5)
                y -= 12
            return y
        if case.kw_margin:  # the label in the margin, the list beside it on the same baseline
            p.text(case.kw_label, L, y, 9.5, "b")
            return p.flow([(kw, "r", False)], L + 70, y, case.kw_width or (left_w - 70), 9.5, 12)
        if case.kw_alone:
            p.text(case.kw_label, L, y, 9.5, "b")
            y -= 12
            return p.flow([(kw, "r", False)], L, y, width, 9.5, 12, **opts)
        return p.flow([(case.kw_label + " ", "b", False), (kw, "r", False)], L, y, width, 9.5, 12, **opts)

    ys = y  # (the margin column's foot: the body starts under it and under the abstract)
    if case.sidebar == "plos":  # PLOS: the article's notes in the margin column beside the abstract
        for note in plos_notes(case):
            label, rest = note.split(":", 1)
            ys = p.flow([(label + ":", "b", False), (rest, "r", False)], ML, ys, case.main_indent - 16, 7, 8.5) - 5
    if case.sidebar == "cambridge":  # Cambridge: citation, history, keywords and correspondence in the margin
        ys, mw = y, case.main_indent - 16
        for label, text in (("Cite this article:", f"{cited(case)} (2024). Seasonal variation of soil "
                                                   "moisture. Journal of Dryland Field Studies 14, 211–222."),
                            ("Received:", "3 March 2024"), ("Revised:", "20 April 2024"), ("Accepted:", "9 May 2024"),
                            ("Keywords:", "; ".join(case.keywords)),
                            ("Author for correspondence:", "{}, Email: {}".format(*corresponding(case)))):
            p.text(label, ML, ys, 7.5, "b")
            ys = p.flow([(text, "r", False)], ML, ys - 9.5, mw, 7.5, 9.5) - 6
    if case.sidebar == "rsoc":  # Royal Society: subject areas, keywords and correspondence in the margin
        ys, mw = y, case.main_indent - 16
        for label, text in (("Subject Areas:", "ecology, agronomy, soil science"),
                            ("Keywords:", ", ".join(case.keywords)),
                            ("Author for correspondence:", corresponding(case)[0]),
                            ("", "e-mail: " + corresponding(case)[1])):
            if label:
                p.text(label, ML, ys, 7.5, "b")
                ys -= 9.5
            ys = p.flow([(text, "r", False)], ML, ys, mw, 7.5, 9.5) - (6 if label != "Author for correspondence:" else 0)
    if case.highlights:
        p.text("Highlights", L, y, 10.5, "b")
        y -= 14
        for h in case.highlights:
            p.text("•", L + 4, y, 9.5)
            y = p.flow([(h, "r", False)], L + 14, y, W - 14, 9.5, 12)
        y -= 8
    if case.kw_before:
        y = keywords(y) - 8
    ab_size, ab_lead = 9.5, 12

    def heading(y: float, text: str = case.abstract_heading) -> float:
        x = PW / 2 - stringWidth(text, p.f["b"], 10.5) / 2 if case.center else L
        if case.heading_small_caps:  # the first capital at full size, the rest as smaller capitals
            p.text(text[0], x, y, 10.5, "b")
            p.text(text[1:].upper(), x + stringWidth(text[0], p.f["b"], 10.5), y, 10.5 * SCALE["sc"], "b")
        else:
            p.text(text, x, y, 10.5, "b")
        return y - 15

    if case.pre_abstract:
        y = summary_block(p, case.pre_abstract, L, y, left_w)
    if case.kw_sidebar:  # Frontiers: KEYWORDS and the list in the left column, level with the abstract
        yk = min(y, getattr(p, "side_foot", y))
        p.text("KEYWORDS", ML, yk, 7, "b")
        ys = p.flow([(", ".join(case.keywords), "r", False)], ML, yk - 9, case.main_indent - 16, 7, 9) - 6

    if case.structured:
        if case.abstract_label == "alone":
            y = heading(y)
        for head, text in case.structured:
            if case.structured_heads == "alone":
                p.text(head, L, y, ab_size, "b")
                y -= ab_lead
                y = p.flow([(text, "r", False)], L, y, left_w, ab_size, ab_lead)
            else:
                shown = head.upper() if case.structured_caps else head
                y = p.flow([(shown + case.structured_sep, "b", False), (text, "r", False)], L, y, left_w, ab_size, ab_lead)
    elif case.abstract_label == "alone" and case.abstract_paras:
        y = heading(y)
        sentences = case.abstract.split(". ")
        half = len(sentences) // 2
        for n, para in enumerate([". ".join(sentences[:half]) + ".", ". ".join(sentences[half:])]):
            if n and case.abstract_paras == "gap":
                y -= 6
            y = p.flow([(para, "r", False)], L, y, left_w, ab_size, ab_lead,
                       indent=12 if case.abstract_paras == "indent" else 0)
    elif case.abstract_label == "alone" and case.shade:  # in a shaded box, the heading inside it
        n = len(wrap(p, case.abstract, W - 16, ab_size))
        c.setFillGray(0.88)
        c.rect(L, y - 15 - n * ab_lead + 4, W, 15 + n * ab_lead + 10, stroke=0, fill=1)
        c.setFillGray(0)
        y = heading(y)
        y = p.flow(abstract_runs(case), L + 8, y, W - 16, ab_size, ab_lead) - 6
    elif case.abstract_label == "alone" and case.margin_notes:
        # a margin column level with the abstract, its lines drawn between the abstract's
        # (the text layer holds them in that order)
        y = heading(y)
        mx = L + W - 130
        notes = [ln for note in case.margin_notes for ln in wrap(p, note, 130, 7)]
        for n, line in enumerate(wrap(p, case.abstract, W - 146, ab_size)):
            p.text(line, L, y, ab_size)
            if n < len(notes):
                p.text(notes[n], mx, y, 7)
            y -= ab_lead
    elif case.abstract_label == "alone" and case.abstract_flow == "block2":
        # the abstract set in two columns under a full-width heading, the left column ending
        # at a sentence's end (the keywords and the body full width under both)
        y = heading(y)
        colw = (W - 18) / 2
        sentences = case.abstract.split(". ")
        half = (len(sentences) + 1) // 2
        left = wrap(p, ". ".join(sentences[:half]) + ".", colw, ab_size)
        right = wrap(p, ". ".join(sentences[half:]), colw, ab_size)
        for n, line in enumerate(left):
            p.text(line, L, y - n * ab_lead, ab_size)
        for n, line in enumerate(right):
            p.text(line, L + colw + 18, y - n * ab_lead, ab_size)
        y -= max(len(left), len(right)) * ab_lead
    elif case.abstract_label == "alone" and case.abstract_flow == "kw-page2":
        # a tall figure above: the abstract ends near the page's foot, the keyword list's first
        # line is the page's last (ending in a separator), the rest opens page 2
        n = len(wrap(p, case.abstract, W, ab_size))
        y_ab = 80 + 12 + 6 + n * ab_lead + 15
        c.rect(L, y_ab + 16, W, y - y_ab - 22, stroke=1, fill=0)
        y = heading(y_ab)
        y = p.flow(abstract_runs(case), L, y, W, ab_size, ab_lead) - 6
        head = case.kw_sep.join(case.keywords[:3]) + case.kw_sep.rstrip()
        p.flow([(case.kw_label + " ", "b", False), (head, "r", False)], L, y, W, 9.5, 12)
        p.carry_kw = case.kw_sep.join(case.keywords[3:])
        return -1.0
    elif case.abstract_label == "alone" and case.abstract_flow:
        lines = wrap(p, case.abstract, left_w, ab_size)
        if case.abstract_flow == "page2":  # a tall figure above: the abstract starts low, goes on on page 2
            y_ab = case.col_foot + 4 * ab_lead + 15
            c.rect(L, y_ab + 16, W, y - y_ab - 22, stroke=1, fill=0)
            y = y_ab
        top = y
        y = heading(y)
        while lines and y > case.col_foot:
            p.text(lines.pop(0), L, y, ab_size)
            y -= ab_lead
        if case.abstract_flow == "page2":
            p.carry = lines  # (drawn under page 2's running head)
            return -1.0
        rx = L + left_w + 18  # the right column's top, level with the abstract's heading
        c.rect(L, 80, left_w, y - 80, stroke=1, fill=0)  # a figure under it fills the left column
        y = top
        while lines:
            p.text(lines.pop(0), rx, y, ab_size)
            y -= ab_lead
        p.right_x = rx
        L = rx
    elif case.abstract_label == "alone" and case.abstract_lines:  # lines broken by hand, as printed
        y = heading(y)
        for runs in case.abstract_lines:
            y = p.flow(runs, L, y, 2 * PW, ab_size, ab_lead, gap_em=case.word_gap)
    elif case.abstract_label == "alone":
        y = heading(y)
        y = p.flow(abstract_runs(case), L, y, left_w, ab_size, ab_lead, **opts)
    elif case.abstract_label == "run-in":
        y = p.flow([(case.abstract_run_in + " ", "b", False)] + abstract_runs(case), L, y, left_w,
                   ab_size, ab_lead, **opts)
    elif case.abstract_label == "none-box":
        top = y + ab_size + 4
        y2 = p.flow(abstract_runs(case), L + 8, y, W - 16, ab_size, ab_lead)
        c.rect(L, y2 + ab_lead - 6, W, top - (y2 + ab_lead - 6), stroke=1, fill=0)
        y = y2 - 6
    elif case.abstract_label == "none-italic":
        y = p.flow([(case.abstract, "i", False)], L + 20, y, W - 40, 10.5, 13)
    elif case.abstract_label == "none-bold":  # Scientific Reports: the unlabelled abstract in bold
        y = p.flow([(case.abstract, "b", False)], L, y, W, 10, 12.5, justify=True)
    elif case.abstract_label == "margin":  # the label in the margin, level with the text's first line
        p.text("Abstract", L, y, 9.5, "b")
        y = p.flow(abstract_runs(case), L + 70, y, W - 70, ab_size, ab_lead)
    elif case.abstract_label == "latex":  # LaTeX's article class: a small centred bold heading, the text indented
        p.text("Abstract", PW / 2 - stringWidth("Abstract", p.f["b"], 9.5) / 2, y, 9.5, "b")
        y = p.flow(abstract_runs(case), L + 30, y - 14, W - 60, 9.5, 11.5, justify=True)
    elif case.abstract_label == "none-indented":  # APS/AIP: no label, one paragraph indented both sides
        y = p.flow(abstract_runs(case), L + 36, y, W - 72, 9.5, 11.5, justify=True) - 4
        p.text("DOI: 10.5555/jdfs.2024.0211", L + 36, y, 8)
        y -= 6
    elif case.abstract_label == "none-plain":  # Hindawi: no label, a paragraph across the measure under the notes
        y = p.flow(abstract_runs(case), L, y, W, ab_size, ab_lead, justify=True)
    elif case.abstract_label == "alone-body-type":  # in the body's size and leading, then a blank line
        y = heading(y)
        y = p.flow(abstract_runs(case), L, y, W, 10, 12.5) - 12.5
    y -= 0 if case.tight_after_abstract else 6
    if not case.kw_before and case.sidebar not in ("cambridge", "rsoc") and not case.kw_at_end and not case.kw_sidebar:
        y = keywords(y)
    for extra in case.kw_after:
        if ":" not in extra:  # a label alone on its line ("Article history")
            p.text(extra, L, y, 9.5, "b")
            y -= 12
            continue
        label, rest = extra.split(":", 1)
        y = p.flow([(label + ":", "b", False), (rest, "r", False)], L, y, left_w, 9.5, 12)
    for extra in case.after_plain:
        y = p.flow([(extra, "r", False)], L, y, left_w, 9.5, 12)
    if case.post_abstract:
        y = summary_block(p, case.post_abstract, L, y - 6, left_w) + 6
    if case.kw_sidebar:
        return min(y, ys)
    return min(y, ys + 6) if case.sidebar in ("cambridge", "rsoc") else y


def plos_notes(case: "Case") -> list[str]:
    """PLOS's margin notes: the citation (naming the authors), editor, history, copyright."""
    return [f"Citation: {cited(case)} (2024) Seasonal variation of soil moisture. J Dryland Field "
            "Stud 14: 211.", "Editor: Jane Doe, University of Padua, ITALY", "Received: March 3, 2024",
            "Accepted: May 9, 2024", "Published: June 1, 2024", f"Copyright: © 2024 {case.authors[0].surname} "
            f"{'et al.' if len(case.authors) > 1 else ''}".rstrip() + " This is an open "
            "access article distributed under the terms of the Creative Commons Attribution License.",
            "Funding: The authors received no specific funding for this work.",
            "Competing interests: The authors have declared that no competing interests exist."]
HIGHLIGHTS = ["Soil water in the top layer at tillering sets the number of tillers.",
              "A daily water balance reproduces measured soil moisture.",
              "Conserving autumn rain raises yields without irrigation."]
HISTORY = ["Received 3 March 2024", "Received in revised form 20 April 2024", "Accepted 9 May 2024"]


def front_layout(case: Case, p: Page, y: float) -> tuple[float, float | None]:
    """The front matter of a publisher's own layout below the affiliations; returns the
    baseline under it and, for a two-column page whose right column starts level with the
    abstract (IEEE), that column's top."""
    c = p.c
    kw = case.keywords
    if case.layout == "ieee":
        # IEEE Transactions: two columns from the abstract on; "Abstract—" and "Index Terms—"
        # run in, bold italic; the right column starts level with the abstract
        col = (TW - 18) / 2
        top = y
        y = p.flow([("Abstract—", "bi", False), (case.abstract, "b", False)], ML, y, col, 9, 10.5, justify=True)
        y -= 4
        y = p.flow([("Index Terms—", "bi", False), (", ".join(kw) + ".", "b", False)], ML, y, col, 9, 10.5,
                   justify=True)
        return y - 6, top
    if case.layout == "elsevier":
        # Elsevier: an article-info column (history, keywords one a line) beside the abstract
        if case.graphical:  # HIGHLIGHTS and a GRAPHICAL ABSTRACT side by side above the article info
            half = (TW - 20) / 2
            p.text("H I G H L I G H T S", ML, y, 7.5, "b")
            p.text("G R A P H I C A L   A B S T R A C T", ML + half + 20, y, 7.5, "b")
            yh = y - 14
            for h in HIGHLIGHTS:
                p.text("•", ML, yh, 8)
                yh = p.flow([(h, "r", False)], ML + 8, yh, half - 8, 8, 10)
            c.rect(ML + half + 20, y - 100, half, 90, stroke=1, fill=0)
            y = min(yh, y - 100) - 16
        c.line(ML, y + 8, PW - MR, y + 8)
        info_w, ab_x = 150.0, ML + 170
        p.text("A R T I C L E   I N F O", ML, y - 4, 7.5, "b")
        p.text("A B S T R A C T", ab_x, y - 4, 7.5, "b")
        c.line(ML, y - 10, ML + info_w, y - 10)
        c.line(ab_x, y - 10, PW - MR, y - 10)
        yl = y - 22
        p.text("Article history:", ML, yl, 8, "i")
        yl -= 10
        for h in HISTORY:
            yl = p.flow([(h, "r", False)], ML, yl, info_w, 8, 10)
        yl -= 8
        p.text("Keywords:", ML, yl, 8, "i")
        yl -= 10
        for k in kw:
            yl = p.flow([(k, "r", False)], ML, yl, info_w, 8, 10)
        yr = p.flow([(case.abstract, "r", False)], ab_x, y - 22, PW - MR - ab_x, 9, 11, justify=True)
        low = min(yl, yr) - 6
        c.line(ML, low, PW - MR, low)
        return low - 14, None
    if case.layout == "tandf":
        # Taylor & Francis: the abstract in a wide box, a narrow column beside it with the
        # article history and the keywords (semicolons, wrapped in the narrow measure)
        side_w, gap = 130.0, 14.0
        ab_w = TW - side_w - gap
        sx = ML + ab_w + gap
        p.text("ABSTRACT", ML, y, 8.5, "b")
        yr = p.flow([(case.abstract, "r", False)], ML, y - 12, ab_w, 9, 11, justify=True)
        p.text("ARTICLE HISTORY", sx, y, 7.5, "b")
        ys = y - 11
        for h in (HISTORY[0], HISTORY[2]):
            ys = p.flow([(h, "r", False)], sx, ys, side_w, 7.5, 9.5)
        ys -= 6
        p.text("KEYWORDS", sx, ys, 7.5, "b")
        if case.kw_lines:  # one keyword a line
            ys -= 11
            for k in kw:
                p.text(k, sx, ys, 7.5)
                ys -= 9.5
        else:
            ys = p.flow([("; ".join(kw), "r", False)], sx, ys - 11, side_w, 7.5, 9.5)
        return min(yr, ys) - 8, None
    if case.layout == "mdpi":
        # MDPI: the front matter in a column indented from a left margin column that holds the
        # citation, the editor, the history and the copyright beside the abstract
        L, W = ML + case.main_indent, TW - case.main_indent
        top = y
        if case.pre_abstract:  # MDPI's Simple Summary before the abstract
            y = summary_block(p, case.pre_abstract, L, y, W) + 2
        y = p.flow([("Abstract:", "b", False), (" " + case.abstract, "r", False)], L, y, W, 9.5, 12, justify=True)
        y -= 6
        y = p.flow([("Keywords:", "b", False), (" " + "; ".join(kw), "r", False)], L, y, W, 9.5, 12)
        mw = case.main_indent - 14
        ym = top
        for note in [f"Citation: {cited(case, mdpi=True)} Seasonal Variation of Soil Moisture. "
                     "J. Dryland Field Stud. 2024, 14, 211.", "Academic Editor: Jane Doe",
                     "Received: 3 March 2024", "Revised: 20 April 2024", "Accepted: 9 May 2024",
                     "Published: 1 June 2024", "Copyright: © 2024 by the authors. Licensee MDPI, Basel, Switzerland."]:
            label, rest = note.split(":", 1)
            ym = p.flow([(label + ":", "b", False), (rest, "r", False)], ML, ym, mw, 7, 8.5) - 4
        return min(y, ym) - 6, None
    raise ValueError(case.layout)


def _body_columns(p: Page, runs: list[Piece], y: float, foot: float, two: bool, right_top: float | None = None) -> None:
    """Body text down one column, or two columns, stopping at the footnote area (the rest of
    the text is not needed: the cases are about the front matter)."""
    cols = [(ML, (TW - 18) / 2), (ML + (TW + 18) / 2, (TW - 18) / 2)] if two else [(ML, TW)]
    words = tokens(runs)
    size, lead = 10, 12.5
    space = stringWidth(" ", p.f["r"], size)
    k = 0
    for n, (x, w) in enumerate(cols):
        yy = right_top if n == 1 and right_top is not None else y
        while yy > foot and k < len(words):
            line, used = [], 0.0
            while k < len(words):
                tw = sum(p.width(pc, size) for pc in words[k])
                if line and used + space + tw > w:
                    break
                used += (space if line else 0) + tw
                line.append(words[k])
                k += 1
            p.text(" ".join("".join(pc[0] for pc in t) for t in line), x, yy, size)
            yy -= lead

# ---- session 9: structured abstracts other journals print, and the other summaries around an abstract
JAMA = [("Importance", "Soil moisture controls the early growth of winter wheat where rainfall is scarce."),
        ("Objective", "To relate soil water at three depths to tillering, leaf area and grain yield."),
        ("Design, Setting, and Participants", "A field study in forty plots on two farms over four seasons."),
        ("Main Outcomes and Measures", "Tiller number, leaf area index and grain yield at harvest."),
        ("Results", "Plots that kept more than twenty percent water in the top layer produced more tillers, and "
                    "their yield was higher by a quarter on average."),
        ("Conclusions and Relevance", "Conserving water in autumn can raise yields without extra irrigation.")]
BMJ = [("Objective", "To relate soil water at three depths to tillering, leaf area and grain yield of winter wheat."),
       ("Design", "Field study over four seasons."), ("Setting", "Two farms in a semi-arid region."),
       ("Participants", "Forty plots sown with one cultivar."),
       ("Main outcome measures", "Tiller number, leaf area index and grain yield."),
       ("Results", "Plots that kept more than twenty percent water in the top layer produced more tillers, and "
                   "their yield was higher by a quarter on average."),
       ("Conclusions", "Conserving water in autumn can raise yields without extra irrigation.")]
EMERALD = [("Purpose", "This paper relates soil water at three depths to the growth of winter wheat."),
           ("Design/methodology/approach", "Soil water content was measured in forty plots over four seasons."),
           ("Findings", "Plots that kept more water in the top layer yielded a quarter more."),
           ("Originality/value", "The first four-season record of soil water and tillering in the region.")]
SIMPLE_SUMMARY = ("Wheat grown in dry regions depends on the rain stored in the soil. We followed soil water and crop "
                  "growth for four seasons and found that keeping water in the topsoil in autumn raises yields.")
AUTHOR_SUMMARY = ("Farmers in dry regions often lose part of their wheat harvest when the soil dries out in spring. "
                  "We measured how much water the soil holds at different depths and how the crop responds, and we "
                  "show that simple changes to sowing and residue handling keep more water for the crop.")
SIGNIFICANCE = ("Wheat feeds much of the world's dry regions. Knowing which soil layer supplies the crop at "
                "tillering shows farmers how to store autumn rain where the crop can use it.")
IN_BRIEF = "Kowalski et al. show that water kept in the topsoil at tillering sets the yield of winter wheat in dry regions."


# ----------------------------------------------------------------------------- the cases
A3 = [Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,2")]
AFF2 = [("1", "Department of Soil Science, University of Nebraska, Lincoln, NE, USA"),
        ("2", "Institute of Crop Research, Wageningen University, Wageningen, The Netherlands")]


def base(name: str, convention: str, **kw) -> Case:
    return Case(name=name, convention=convention, authors=[replace(a) for a in A3], affs=list(AFF2), **kw)


def cases() -> list[Case]:
    out = [
        base("base", "the base layout: 'Abstract' heading alone on its line, 'Keywords:' with semicolons, "
                     "superscript-digit byline, marked affiliations under it"),
        # ---- abstract labels
        base("abstract_colon", "run-in 'Abstract:' in bold before the abstract's text", abstract_label="run-in",
             abstract_run_in="Abstract:"),
        base("abstract_caps", "run-in 'ABSTRACT' in capitals, no colon", abstract_label="run-in",
             abstract_run_in="ABSTRACT"),
        base("abstract_period", "run-in 'Abstract.' with a full stop", abstract_label="run-in",
             abstract_run_in="Abstract."),
        base("summary_runin", "run-in 'Summary' (Wiley, Lancet) instead of Abstract", abstract_label="run-in",
             abstract_run_in="Summary"),
        base("abstract_box", "no label: the abstract set in a ruled box under the affiliations",
             abstract_label="none-box"),
        base("abstract_italic", "no label: the abstract in italic, a larger size and an indented measure",
             abstract_label="none-italic"),
        base("structured_runin", "structured abstract, bold run-in sub-heads 'Background:' … 'Conclusions:'",
             structured=STRUCTURED, expect={"abstract": "flagged"}),
        base("structured_alone", "structured abstract, sub-heads alone on their lines", structured=STRUCTURED,
             structured_heads="alone"),
        base("two_columns", "two-column page: the abstract, keywords and body in the left column",
             two_columns=True),
        base("ends_introduction", "no keywords: the abstract ends at an unnumbered 'Introduction' heading",
             no_keywords=True, body_heading="Introduction"),
        base("ends_numbered_intro", "no keywords: the abstract ends at '1. Introduction'", no_keywords=True),
        base("ends_rule", "no keywords: the abstract ends at a horizontal rule, the body has no heading",
             no_keywords=True, body_heading="", rule_after_front=True),
        # ---- keywords
        base("kw_key_words", "'Key words' without a colon, commas", kw_label="Key words", kw_sep=", "),
        base("kw_caps_alone", "'KEYWORDS' alone on its line, the list under it with commas", kw_label="KEYWORDS",
             kw_alone=True, kw_sep=", "),
        base("kw_index_terms", "IEEE 'Index Terms—' with commas and a final full stop", kw_label="Index Terms—",
             kw_sep=", ", kw_end="."),
        base("kw_middle_dot", "Springer middle dots between keywords", kw_sep=" · "),
        base("kw_bullet", "bullets between keywords", kw_sep=" • "),
        base("kw_wrapped", "a long list wrapped over lines, semicolons, a final full stop",
             keywords=KEYWORDS + ["crop residue management", "sowing date", "grain yield", "leaf area index",
                                  "rainfall variability"], kw_sep="; ", kw_end=".", kw_width=260),
        base("kw_jel", "a 'JEL classification:' line after the keywords (no keywords)",
             kw_after=["JEL classification: Q15, Q25, C23"]),
        base("kw_msc", "an 'MSC:' line after the keywords (no keywords)", kw_after=["MSC: 86A05; 92F05"]),
        # ---- authors
        Case("names_initials", "initials: 'A. B. Smith, C. Jones and D. Lee' with marks",
             authors=[Author("A. B.", "Smith", "1"), Author("C.", "Jones", "2"), Author("D.", "Lee", "1")],
             affs=list(AFF2)),
        Case("names_letters", "superscript letters as affiliation marks",
             authors=[Author("Anna", "Kowalski", "a"), Author("Brian", "Okafor", "b"), Author("Chen", "Liu", "a,b")],
             affs=[("a", AFF2[0][1]), ("b", AFF2[1][1])]),
        Case("names_symbols", "marks with an asterisk and a dagger for the corresponding and equal authors",
             authors=[Author("Anna", "Kowalski", "1,†"), Author("Brian", "Okafor", "2,†"), Author("Chen", "Liu", "1,*")],
             affs=list(AFF2), corresp_note=" Corresponding author. E-mail: chen.liu@unl.edu"),
        base("names_orcid", "an ORCID iD icon drawn after each name", orcid=True),
        Case("names_degrees", "degrees after the names ('MD, PhD')",
             authors=[Author("Anna", "Kowalski", "1", ", MD, PhD"), Author("Brian", "Okafor", "2", ", PhD"),
                      Author("Chen", "Liu", "1", ", MSc")], affs=list(AFF2)),
        base("names_ampersand", "'&' before the last author", last_sep=" & "),
        base("names_caps", "the byline in capitals", caps_names=True),
        Case("names_wrapped", "a byline of seven authors wrapping over two lines",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1"),
                      Author("Dmitri", "Volkov", "2"), Author("Elena", "Garcia", "1"), Author("Farid", "Haddad", "2"),
                      Author("Grace", "Thompson", "1,2")], affs=list(AFF2)),
        base("names_corresp_note", "a corresponding-author footnote on the first page",
             corresp_note=" Corresponding author at: Department of Soil Science, University of Nebraska, "
                          "Lincoln, NE, USA. E-mail address: anna.kowalski@unl.edu (A. Kowalski)."),
        # ---- affiliations
        base("aff_footnote", "affiliations as first-page footnotes keyed by the byline's marks",
             aff_place="footnote"),
        Case("aff_unmarked", "one affiliation printed without marks under a byline without marks",
             authors=[Author("Anna", "Kowalski"), Author("Brian", "Okafor"), Author("Chen", "Liu")],
             affs=[("", AFF2[0][1])]),
        base("aff_emails", "'Department of …, University of …, City, Country' each followed by an e-mail line",
             aff_emails=["Email: anna.kowalski@unl.edu", "Email: brian.okafor@wur.nl"]),
        base("aff_after_abstract", "affiliations printed after the abstract and keywords",
             aff_place="after-abstract"),
        # ---- type
        base("helvetica", "the whole page in a sans-serif family", font="Helvetica"),
        # ---- second tier: conventions combined with the page's other habits
        base("centered", "title, byline, affiliations and the Abstract heading centred", center=True),
        base("abstract_two_paras_indent", "an abstract of two paragraphs, the second with a first-line indent",
             abstract_paras="indent"),
        base("abstract_two_paras_gap", "an abstract of two paragraphs set apart by a half-line gap",
             abstract_paras="gap"),
        base("kw_before_abstract", "keywords printed above the abstract, under the affiliations", kw_before=True),
        base("kw_then_abbreviations", "an 'Abbreviations:' line right under the keywords",
             kw_after=["Abbreviations: SWC, soil water content; LAI, leaf area index"]),
        base("kw_then_dates", "the history line ('Received: … Accepted: …') right under the keywords",
             kw_after=["Received: 3 March 2024; Accepted: 9 May 2024; Published: 1 June 2024"]),
        base("kw_em_dash", "'Keywords—' with an em dash, commas", kw_label="Keywords—", kw_sep=", "),
        base("kw_capitalised", "'Key Words:' with every keyword capitalised and commas", kw_label="Key Words:",
             keywords=[k[:1].upper() + k[1:] for k in KEYWORDS], kw_sep=", "),
        base("kw_body_no_heading", "the body's first paragraph right under the keywords, with no heading",
             body_heading=""),
        base("highlights", "a Highlights list with bullets before the abstract",
             highlights=["Soil water in the top layer at tillering sets the number of tillers.",
                         "A daily water balance reproduces measured soil moisture.",
                         "Conserving autumn rain raises yields without irrigation."]),
        Case("names_particles", "surnames with particles, apostrophes and hyphens",
             authors=[Author("Jan", "van der Berg", "1"), Author("Maria", "de la Cruz", "2"),
                      Author("Sean", "O'Neill", "1"), Author("Claire", "Dupont-Moreau", "2")], affs=list(AFF2)),
        Case("names_middle_initials", "given names with middle initials and an Oxford comma before 'and'",
             authors=[Author("Anna M.", "Kowalski", "1"), Author("Brian T.", "Okafor", "2"),
                      Author("Chen", "Liu", "1,2")], affs=list(AFF2), last_sep=", and "),
        base("names_bold_byline", "the byline in bold and a larger size", byline_style="b", byline_size=12),
        Case("names_author_blocks", "one block per author side by side: name, affiliation, e-mail (IEEE/ACM)",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "3")],
             affs=[("1", "Department of Soil Science, University of Nebraska, Lincoln, NE, USA"),
                   ("2", "Institute of Crop Research, Wageningen University, Wageningen, The Netherlands"),
                   ("3", "College of Resources and Environment, China Agricultural University, Beijing, China")],
             author_blocks=True,
             aff_emails=["anna.kowalski@unl.edu", "brian.okafor@wur.nl", "liu.chen@cau.edu.cn"]),
        base("aff_baseline_numbers", "affiliations numbered on the line ('1 Department …'), not raised",
             aff_mark_style="baseline"),
        Case("aff_symbol_footnote", "footnote affiliations keyed by symbols (*, †) instead of numbers",
             authors=[Author("Anna", "Kowalski", "*"), Author("Brian", "Okafor", "†"), Author("Chen", "Liu", "*")],
             affs=[("*", AFF2[0][1]), ("†", AFF2[1][1])], aff_place="footnote"),
        Case("aff_asterisks", "affiliations keyed by asterisks counted out (*, **, ***) under the byline, an "
                              "older habit where numbers would read as references",
             authors=[Author("Anna", "Kowalski", "*"), Author("Brian", "Okafor", "**"), Author("Chen", "Liu", "***")],
             affs=[("*", AFF2[0][1]), ("**", AFF2[1][1]), ("***", "Faculty of Medicine, University of Porto, Porto, Portugal")]),
        Case("aff_wrapped", "a long affiliation wrapping over two lines",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1")],
             affs=[("1", "State Key Laboratory of Soil Erosion and Dryland Farming on the Loess Plateau, Institute of "
                         "Soil and Water Conservation, Northwest A&F University, Yangling, Shaanxi 712100, China"),
                   ("2", AFF2[1][1])]),
        # ---- publishers' own front-matter layouts
        base("ieee", "IEEE Transactions: two columns, 'Abstract—' and 'Index Terms—' run in, the right column "
                     "starting level with the abstract", layout="ieee", center=True),
        base("elsevier", "Elsevier: an ARTICLE INFO column (history, keywords one a line) beside the letter-spaced "
                         "A B S T R A C T", layout="elsevier"),
        base("tandf", "Taylor & Francis: the abstract beside a narrow ARTICLE HISTORY / KEYWORDS column",
             layout="tandf"),
        base("mdpi", "MDPI: the front matter indented from a margin column with citation, editor, history and "
                     "copyright; 'Abstract:' and 'Keywords:' run in", layout="mdpi", main_indent=120,
             aff_notes=["*Correspondence: chen.liu@unl.edu"]),
        # ---- text-layer habits inside the fields
        base("abstract_hyphenated", "justified abstract and keywords with words broken by line-end hyphens",
             justify=True, hyphenate=True, kw_width=300, kw_sep=", ",
             keywords=["soil moisture", "winter wheat", "semi-arid agriculture", "evapotranspiration",
                       "water balance model", "tillering"]),
        base("abstract_styled", "an abstract with an italic species name, a subscript and a superscript",
             abstract_pieces=STYLED),
        Case("names_envelope", "a ZapfDingbats envelope icon after the corresponding author",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,2")],
             affs=list(AFF2), envelope=True),
        base("aff_paragraph", "the affiliations run on in one paragraph, set apart by semicolons",
             aff_paragraph=True),
        Case("aff_notes", "author notes under the affiliations: '*Corresponding author: …', '†These authors "
                          "contributed equally'",
             authors=[Author("Anna", "Kowalski", "1,†"), Author("Brian", "Okafor", "2,†"), Author("Chen", "Liu", "1,*")],
             affs=list(AFF2), aff_notes=["*Corresponding author: chen.liu@unl.edu",
                                         "†These authors contributed equally to this work."]),
        # ---- names as other bylines print them
        Case("names_vancouver", "Vancouver-style byline: surname then initials without full stops ('Kowalski AM')",
             authors=[Author("Anna M.", "Kowalski", "1"), Author("Brian T.", "Okafor", "2"), Author("Chen", "Liu", "1,2")],
             affs=list(AFF2), name_format="vancouver"),
        Case("names_inverted", "names inverted, 'Surname, Given', set apart by semicolons",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,2")],
             affs=list(AFF2), name_format="inverted", name_sep="; ", last_sep="; "),
        Case("names_surname_caps", "surnames in capitals after the given names ('Anna KOWALSKI')",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,2")],
             affs=list(AFF2), name_format="surname-caps"),
        # ---- conventions in combination (bench/combos.py --english drew them together)
        Case("names_capital_particles", "capitalised particles that open the surname (Luc De Smet, Maria Da Silva, "
             "Luigi Di Maio)",
             authors=[Author("Luc", "De Smet", "1"), Author("Maria", "Da Silva", "2"), Author("Luigi", "Di Maio", "1,2")],
             affs=list(AFF2)),
        Case("names_vancouver_particles", "Vancouver byline with a particle-led surname and two initials that are "
             "no pinyin ('van der Berg J', 'Smith JA')",
             authors=[Author("Jan", "van der Berg", "1"), Author("John A.", "Smith", "2"), Author("Chen", "Liu", "1,2")],
             affs=list(AFF2), name_format="vancouver"),
        Case("names_surname_caps_particles", "surnames of several words in capitals after the given names "
             "('Jan VAN DER BERG', 'Luc DE SMET')",
             authors=[Author("Jan", "van der Berg", "1"), Author("Luc", "De Smet", "2"), Author("Anna", "Kowalski", "1,2")],
             affs=list(AFF2), name_format="surname-caps"),
        Case("names_surname_caps_wrapped", "a byline in the 'Given SURNAME' form wrapping before the last surname, "
             "set alone on the next line",
             authors=[Author("Priya", "Raghunathan"), Author("María", "García-López"), Author("Luc", "De Smet"),
                      Author("Jan", "van der Berg"), Author("Brian", "Okafor")],
             affs=[("", AFF2[0][1])], name_format="surname-caps", mark_style="none", byline_width=455.0),
        base("structured_alone_centred_label", "a structured abstract, sub-heads alone at the measure's left edge, "
             "under an 'Abstract' heading centred over the page", structured=STRUCTURED, structured_heads="alone",
             center=True),
        base("structured_unlabelled", "a structured abstract printed with no 'Abstract' label: its first sub-head "
             "'Background', alone on its line, opens it", structured=STRUCTURED, structured_heads="alone",
             abstract_label="none-italic"),
        Case("names_suffix_hyphen", "hyphenated given names, initials with a hyphen and a 'Jr.' suffix",
             authors=[Author("Jean-Pierre", "Dupont", "1"), Author("Min-Jung", "Kim", "2"),
                      Author("J.-P.", "Martin", "1"), Author("John", "Smith", "2", " Jr.")], affs=list(AFF2)),
        Case("names_group", "a group author after the people ('and the Dryland Wheat Consortium')",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"),
                      Author("", "the Dryland Wheat Consortium", "", group=True)], affs=list(AFF2)),
        # ---- more abstract and keyword habits
        base("abstract_bold_unlabelled", "Scientific Reports: the abstract unlabelled, in bold, full measure",
             abstract_label="none-bold"),
        base("abstract_margin_label", "the 'Abstract' label in the left margin, level with the text's first line",
             abstract_label="margin"),
        base("abstract_ends_gap", "the abstract in the body's type, ended by a blank line and no heading",
             abstract_label="alone-body-type", no_keywords=True, body_heading=""),
        base("kw_gap", "keywords set apart by spaces of under two ems alone, no separator glyph (the text layer "
                       "reads them as word spaces: flagged)", kw_sep="gap", expect={"keywords": "flagged"}),
        base("kw_label_period", "'KEY WORDS.' in capitals with a full stop, commas", kw_label="KEY WORDS.",
             kw_sep=", "),
        # ---- what follows the keywords or the abstract in the same type
        base("kw_then_msc_long", "'Mathematics Subject Classification (2020):' right under the keywords",
             kw_after=["Mathematics Subject Classification (2020): 86A05, 92F05"]),
        base("kw_then_esm", "Springer's 'Electronic supplementary material' note right under the keywords",
             kw_after=["Electronic supplementary material: The online version of this article contains "
                       "supplementary material, which is available to authorized users."]),
        base("kw_then_running_title", "a 'Running title:' line right under the keywords",
             kw_after=["Running title: Soil moisture and winter wheat"]),
        base("abstract_then_abbreviations", "no keywords: an 'Abbreviations:' line right under the abstract, "
                                            "no space between", no_keywords=True, tight_after_abstract=True,
             kw_after=["Abbreviations: SWC, soil water content; LAI, leaf area index"]),
        base("abstract_then_significance", "no keywords: a run-in 'Significance:' statement right under the "
                                           "abstract (PNAS-like)", no_keywords=True, tight_after_abstract=True,
             kw_after=["Significance: Farmers in dry regions can raise wheat yields by keeping autumn rain in "
                       "the soil."]),
        # ---- type habits in the byline
        base("names_small_caps", "the byline in capitals and small capitals (smaller capitals at the baseline)",
             small_caps=True),
        Case("names_raised_letters", "letter marks only raised, at nearly the text's size",
             authors=[Author("Anna", "Kowalski", "a"), Author("Brian", "Okafor", "b"), Author("Chen", "Liu", "a,b")],
             affs=[("a", AFF2[0][1]), ("b", AFF2[1][1])], mark_style="raised"),
        base("names_orcid_urls", "ORCID links printed under the affiliations",
             aff_notes=[" ORCID: Anna Kowalski https://orcid.org/0000-0002-1825-0097"]),
        # ---- where the title and byline sit among other things
        base("banner", "a large journal-name banner and a 'RESEARCH ARTICLE' label above the title", banner=True),
        base("subtitle", "a subtitle under the title in smaller type (JATS keeps it in <subtitle>: the title is the title line alone)",
             subtitle="A four-season field study"),
        base("authors_above_title", "the byline printed above the title, its marks keyed to the affiliations under "
                                    "the title", authors_first=True),
        base("byline_body_size", "byline and affiliations in the body's own size", byline_size=10, aff_size=10),
        base("frontiers_sidebar", "Frontiers: a left column of editors, correspondence, history and citation "
                                  "beside the title and byline", sidebar="frontiers", main_indent=125),
        base("kw_margin_label", "the 'Keywords' label in the margin, the list beside it wrapping under itself",
             kw_margin=True, kw_width=200),
        base("kw_bulleted_lines", "'Keywords' alone, then one keyword a line after a bullet", kw_sep="lines"),
        base("names_wrapped_and", "a byline broken before its 'and'", byline_width=200),
        # ---- session 8: what used to be flagged, read where the convention ties it down
        base("authors_above_title_label", "a column label above a marked byline printed above the title",
             authors_first=True, column_label="ORIGINAL ARTICLE"),
        Case("authors_above_title_wrapped", "a marked byline of seven authors above the title, wrapping over two lines",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1"),
                      Author("Dmitri", "Volkov", "2"), Author("Elena", "Garcia", "1"), Author("Farid", "Haddad", "2"),
                      Author("Grace", "Thompson", "1,2")], affs=list(AFF2), authors_first=True),
        Case("authors_above_title_unmarked", "an unmarked byline above the title and one unmarked affiliation under "
                                             "it (nothing ties the names to it: flagged)",
             authors=[Author("Anna", "Kowalski"), Author("Brian", "Okafor"), Author("Chen", "Liu")],
             affs=[("", AFF2[0][1])], authors_first=True,
             expect={"first_author": "flagged", "authors": "flagged", "affiliations": "flagged"}),
        base("names_raised_digits", "digit marks only raised, at nearly the text's size", mark_style="raised"),
        Case("names_raised_wrapped", "letter marks only raised, in a byline wrapping over two lines",
             authors=[Author("Anna", "Kowalski", "a"), Author("Brian", "Okafor", "b"), Author("Chen", "Liu", "a"),
                      Author("Dmitri", "Volkov", "b"), Author("Elena", "Garcia", "a"), Author("Farid", "Haddad", "b"),
                      Author("Grace", "Thompson", "a,b")], affs=[("a", AFF2[0][1]), ("b", AFF2[1][1])],
             mark_style="raised"),
        Case("names_author_blocks_4", "four author blocks side by side, each affiliation wrapping over three lines",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "3"),
                      Author("Dmitri", "Volkov", "4")],
             affs=[("1", "Department of Soil Science, University of Nebraska, Lincoln, NE, USA"),
                   ("2", "Institute of Crop Research, Wageningen University, Wageningen, The Netherlands"),
                   ("3", "College of Resources and Environment, China Agricultural University, Beijing, China"),
                   ("4", "Faculty of Agronomy, Kuban State Agrarian University, Krasnodar, Russia")],
             author_blocks=True,
             aff_emails=["anna.kowalski@unl.edu", "brian.okafor@wur.nl", "liu.chen@cau.edu.cn", "volkov@kubsau.ru"]),
        Case("names_author_blocks_rows", "six author blocks in two rows of three (IEEE conference style)",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "3"),
                      Author("Dmitri", "Volkov", "4"), Author("Elena", "Garcia", "5"), Author("Farid", "Haddad", "6")],
             affs=[("1", "Department of Soil Science, University of Nebraska, Lincoln, NE, USA"),
                   ("2", "Institute of Crop Research, Wageningen University, Wageningen, The Netherlands"),
                   ("3", "College of Resources and Environment, China Agricultural University, Beijing, China"),
                   ("4", "Faculty of Agronomy, Kuban State Agrarian University, Krasnodar, Russia"),
                   ("5", "Department of Plant Production, University of Cordoba, Cordoba, Spain"),
                   ("6", "International Center for Agricultural Research in the Dry Areas, Rabat, Morocco")],
             author_blocks=True, blocks_per_row=3),
        Case("names_author_blocks_left", "three author blocks side by side, each ranged left under its name",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "3")],
             affs=[("1", "Department of Soil Science, University of Nebraska, Lincoln, NE, USA"),
                   ("2", "Institute of Crop Research, Wageningen University, Wageningen, The Netherlands"),
                   ("3", "College of Resources and Environment, China Agricultural University, Beijing, China")],
             author_blocks=True, blocks_align="left",
             aff_emails=["anna.kowalski@unl.edu", "brian.okafor@wur.nl", "liu.chen@cau.edu.cn"]),
        base("kw_gap_wide", "keywords set apart by gaps of over three ems alone (tab stops), no separator glyph",
             kw_sep="gap", kw_gap=34.0),
        base("kw_middle_dot_wrapped", "Springer middle dots in a list wrapping over lines, a dot left at a line end",
             kw_label="Keywords", kw_sep=" · ", kw_width=180,
             keywords=KEYWORDS + ["crop residue management", "sowing date", "grain yield"]),
        Case("aff_narrow_column", "affiliations in a narrow measure, each wrapping over three or four lines, some "
                                  "of which name no institution",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,2")],
             affs=[("1", "Department of Fish and Wildlife Conservation, Virginia Polytechnic Institute and State "
                         "University (Virginia Tech), Blacksburg, Virginia, USA"),
                   ("2", "Rede de Pesquisa para Estudos sobre Diversidade, Conservação e Uso da Fauna na Amazônia "
                         "(RedeFauna), Manaus, Brazil")], aff_width=160, aff_size=7.5),
        # ---- publishers' front matters from their typography (session 8)
        base("cambridge", "Cambridge: a margin column beside the abstract with the citation, history, 'Keywords:' "
                          "alone over a semicolon list, and the author for correspondence",
             column_label="Research Article", main_indent=150, sidebar="cambridge", body_heading="Introduction"),
        Case("nature", "Nature Portfolio (Scientific Reports): an 'OPEN' badge, '&' before the last author, the "
                       "abstract unlabelled in bold, the affiliations and the correspondence note as first-page footnotes",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,2")],
             affs=list(AFF2), column_label="OPEN", last_sep=" & ", abstract_label="none-bold", no_keywords=True,
             aff_place="footnote", body_heading="",
             foot_after=["Correspondence and requests for materials should be addressed to C.L. "
                         "(email: chen.liu@unl.edu)"]),
        base("springer", "Springer: names set apart by middle dots, a history line, run-in 'Abstract' and 'Keywords' "
                         "with middle dots, the affiliations and the corresponding author's e-mail as first-page footnotes",
             name_sep=" · ", last_sep=" · ", aff_place="footnote", abstract_label="run-in", abstract_run_in="Abstract",
             kw_label="Keywords", kw_sep=" · ",
             front_notes=["Received: 3 March 2024 / Accepted: 9 May 2024 / Published online: 1 June 2024"],
             foot_lines=["\u2709 Chen Liu chen.liu@unl.edu"]),
        Case("plos", "PLOS: a 'RESEARCH ARTICLE' label, the front matter in a column beside a margin of citation, "
                     "editor, dates, copyright, funding and competing interests; no keywords",
             authors=[Author("Anna", "Kowalski", "1*"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1")],
             affs=list(AFF2), column_label="RESEARCH ARTICLE", main_indent=150, sidebar="plos", no_keywords=True,
             aff_notes=["*anna.kowalski@unl.edu"], body_heading="Introduction"),
        base("wiley", "Wiley (2023 layout): names and affiliations set apart by vertical bars, correspondence, "
                      "history, funding and keywords ('|') before an 'ABSTRACT' heading",
             column_label="RESEARCH ARTICLE", name_sep=" | ", last_sep=" | ", aff_paragraph=True, aff_para_sep=" | ",
             front_notes=["Correspondence: Chen Liu (chen.liu@unl.edu)",
                          "Received: 3 March 2024 | Revised: 20 April 2024 | Accepted: 9 May 2024",
                          "Funding: This work was supported by the Dryland Research Fund (grant DRF-2021-17)."],
             kw_before=True, kw_sep=" | ", abstract_label="alone", body_heading="1 | Introduction"),
        Case("oup", "Oxford Academic: a correspondence note and the history under the affiliations, 'Abstract' "
                    "alone, 'Key words:' with semicolons",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,*")],
             affs=list(AFF2), aff_notes=["*To whom correspondence should be addressed. Tel. +1 402 555 0100. "
                                         "Email: chen.liu@unl.edu"],
             front_notes=["Received: 3 March 2024; Editorial decision: 20 April 2024; Accepted: 9 May 2024"],
             kw_label="Key words:"),
        Case("acs", "ACS: symbol marks after the names' commas ('Kowalski,† Okafor,‡ and Liu*,†'), symbol-marked "
                    "affiliations, run-in 'ABSTRACT:' and 'KEYWORDS:'",
             authors=[Author("Anna", "Kowalski", "†"), Author("Brian", "Okafor", "‡"), Author("Chen", "Liu", "*,†")],
             affs=[("†", AFF2[0][1]), ("‡", AFF2[1][1])], comma_marks=True, last_sep=", and ",
             abstract_label="run-in", abstract_run_in="ABSTRACT:", kw_label="KEYWORDS:", kw_sep=", "),
        Case("aps", "APS/AIP: centred byline with marks after the commas, centred affiliations, the history in "
                    "brackets, an unlabelled indented abstract and a DOI line, no keywords",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,2,*")],
             affs=list(AFF2), comma_marks=True, last_sep=", and ", center=True, no_keywords=True,
             front_notes=["(Received 3 March 2024; published 1 June 2024)"], abstract_label="none-indented",
             body_heading="I. INTRODUCTION"),
        Case("hindawi", "Hindawi: a 'Research Article' label, marks after the names' commas, the correspondence, "
                        "history, academic editor and copyright lines, then the abstract with no label, no keywords",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,2")],
             affs=list(AFF2), comma_marks=True, last_sep=", and ", column_label="Research Article", no_keywords=True,
             front_notes=["Correspondence should be addressed to Chen Liu; chen.liu@unl.edu",
                          "Received 3 March 2024; Revised 20 April 2024; Accepted 9 May 2024; Published 1 June 2024",
                          "Academic Editor: John Smith",
                          "Copyright © 2024 Chen Liu et al. This is an open access article distributed under the "
                          "Creative Commons Attribution License, which permits unrestricted use, distribution, and "
                          "reproduction in any medium, provided the original work is properly cited."],
             abstract_label="none-plain", body_heading="1. Introduction"),
        Case("copernicus", "Copernicus: the correspondence and a history line of dates apart by en dashes under the "
                           "affiliations, then a run-in 'Abstract.', no keywords",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,2")],
             affs=list(AFF2), last_sep=", and ", no_keywords=True,
             front_notes=["Correspondence: Chen Liu (chen.liu@unl.edu)",
                          "Received: 3 March 2024 – Revised: 20 April 2024 – Accepted: 9 May 2024 – Published: 1 June 2024"],
             abstract_label="run-in", abstract_run_in="Abstract.", body_heading="1 Introduction"),
        Case("cell", "Cell Press: marks after the commas, the affiliations, lead contact and correspondence as "
                     "first-page footnotes, a 'SUMMARY' heading, no keywords",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,2,3,*")],
             affs=list(AFF2), comma_marks=True, last_sep=", and ", aff_place="footnote", no_keywords=True,
             foot_lines=["3Lead contact", "*Correspondence: chen.liu@unl.edu"], body_heading="INTRODUCTION",
             abstract_heading="SUMMARY"),
        Case("bmc", "BMC: 'RESEARCH' label, the corresponding author's affiliation as a footnote with 'Full list of "
                    "author information is available at the end of the article', 'Author details' on the last page",
             authors=[Author("Anna", "Kowalski", "1*"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,2")],
             affs=list(AFF2), column_label="RESEARCH", aff_place="details", kw_sep=", ", author_details=True,
             foot_lines=["*Correspondence: anna.kowalski@unl.edu",
                         "1Department of Soil Science, University of Nebraska, Lincoln, NE, USA",
                         "Full list of author information is available at the end of the article"],
             body_heading="Background"),
        Case("details_only", "the affiliations printed only under 'Author details' on the last page (no first-page "
                             "footnote, no note that the list is at the end)",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,2")],
             affs=list(AFF2), column_label="RESEARCH", aff_place="details", kw_sep=", ", author_details=True,
             body_heading="Background"),
        Case("arxiv", "arXiv-style LaTeX (article class): centred title in regular type, author blocks side by side "
                      "(\\and), a centred date, a small centred 'Abstract' and an indented abstract",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "3")],
             affs=[("1", "Department of Soil Science, University of Nebraska, Lincoln, NE, USA"),
                   ("2", "Institute of Crop Research, Wageningen University, Wageningen, The Netherlands"),
                   ("3", "College of Resources and Environment, China Agricultural University, Beijing, China")],
             author_blocks=True, center=True, title_style="r", date_line="June 1, 2024", abstract_label="latex",
             aff_emails=["anna.kowalski@unl.edu", "brian.okafor@wur.nl", "liu.chen@cau.edu.cn"], no_keywords=True),
        # ---- session 9: abstract forms
        base("structured_jama", "JAMA: a structured abstract with bold run-in sub-heads in capitals and no colon "
                                "(IMPORTANCE, OBJECTIVE, DESIGN, SETTING, AND PARTICIPANTS, …)", structured=JAMA,
             structured_caps=True, structured_sep=" "),
        base("structured_bmj_alone", "BMJ: a structured abstract with Objective, Design, Setting, Participants, Main "
                                     "outcome measures … each alone on its line", structured=BMJ,
             structured_heads="alone"),
        base("structured_emerald", "Emerald: run-in sub-heads with an en dash (Purpose –, Design/methodology/approach –, "
                                   "Findings –, Originality/value –)", structured=EMERALD, structured_sep=" – ",
             expect={"abstract": "flagged"}),
        base("structured_significance", "a structured abstract whose sections include 'Significance' before the "
                                        "conclusions, sub-heads alone on their lines",
             structured=STRUCTURED[:3] + [("Significance", "Soil water in the top layer at tillering sets the yield "
                                                           "of winter wheat in dry regions.")] + STRUCTURED[3:],
             structured_heads="alone"),
        base("synopsis_alone", "a 'Synopsis' heading alone over the abstract", abstract_heading="Synopsis"),
        base("abstract_small_caps", "the 'Abstract' heading in capitals and small capitals", heading_small_caps=True),
        base("abstract_shaded", "the abstract and its heading in a shaded box", shade=True),
        base("abstract_column_break", "two columns: the abstract fills the left column and goes on at the right "
                                      "column's top, the keywords under it", two_columns=True, abstract_flow="columns",
             col_foot=500),
        base("abstract_page_break", "a tall figure above the abstract: it runs to the page's foot and goes on on "
                                    "page 2, the keywords under it", abstract_flow="page2", col_foot=120,
             expect={"abstract": "flagged"}),
        base("abstract_two_column_block", "the abstract set in two columns under a full-width heading, the left "
                                          "column ending at a sentence's end", abstract_flow="block2"),
        base("kw_page_break", "the keyword list's first line the page's last, ending in a separator; the rest "
                              "opens page 2", abstract_flow="kw-page2"),
        base("abstract_margin_history", "a right margin column of history and licence lines level with the abstract's "
                                        "lines, drawn between them",
             margin_notes=["Received: 3 March 2024", "Accepted: 9 May 2024", "Published: 1 June 2024",
                           "© 2024 The Authors. Published by Dryland Press. This is an open access article under "
                           "the CC BY licence."]),
        base("abstract_then_copyright", "Elsevier: '© 2024 Elsevier Ltd. All rights reserved.' right under the "
                                        "abstract in its type, then the keywords", tight_after_abstract=True,
             abstract_tail="© 2024 Elsevier Ltd. All rights reserved."),
        # ---- other summaries around the abstract, none of them the abstract
        base("mdpi_simple_summary", "MDPI: a run-in 'Simple Summary:' printed before 'Abstract:'", layout="mdpi",
             main_indent=120, pre_abstract=[("Simple Summary", SIMPLE_SUMMARY, "runin")]),
        Case("plos_author_summary", "PLOS: an 'Author summary' heading and paragraph after the abstract",
             authors=[Author("Anna", "Kowalski", "1*"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1")],
             affs=list(AFF2), column_label="RESEARCH ARTICLE", main_indent=150, sidebar="plos", no_keywords=True,
             aff_notes=["*anna.kowalski@unl.edu"], body_heading="Introduction",
             post_abstract=[("Author summary", AUTHOR_SUMMARY, "alone")]),
        base("elife_digest", "eLife: an 'eLife digest' heading and paragraph after the abstract, no keywords",
             no_keywords=True, post_abstract=[("eLife digest", AUTHOR_SUMMARY, "alone")], body_heading="Introduction"),
        base("pnas_significance", "PNAS: the abstract unlabelled, 'Keywords:' with vertical bars, then a "
                                  "'Significance' heading and statement", abstract_label="none-bold", kw_sep=" | ",
             post_abstract=[("Significance", SIGNIFICANCE, "alone")]),
        base("elsevier_graphical", "Elsevier: HIGHLIGHTS and a GRAPHICAL ABSTRACT above the article-info column "
                                   "and the letter-spaced A B S T R A C T", layout="elsevier", graphical=True),
        Case("cell_in_brief", "Cell Press: a 'SUMMARY' heading, then an 'In brief' paragraph before the introduction",
             authors=[Author("Anna", "Kowalski", "1"), Author("Brian", "Okafor", "2"), Author("Chen", "Liu", "1,2,3,*")],
             affs=list(AFF2), comma_marks=True, last_sep=", and ", aff_place="footnote", no_keywords=True,
             foot_lines=["3Lead contact", "*Correspondence: chen.liu@unl.edu"], body_heading="INTRODUCTION",
             abstract_heading="SUMMARY", post_abstract=[("In brief", IN_BRIEF, "alone")]),
        # ---- keywords
        base("rsoc_subject_areas", "Royal Society: 'Subject Areas:', 'Keywords:' and 'Author for correspondence:' "
                                   "alone over their values in the margin beside the abstract",
             main_indent=150, sidebar="rsoc", body_heading="Introduction"),
        base("tandf_kw_lines", "Taylor & Francis: KEYWORDS alone in the side column, one keyword a line",
             layout="tandf", kw_lines=True),
        base("kw_hyphen_wrapped", "keywords wrapping in a narrow measure, a word broken with a hyphen at a line end",
             hyphenate=True, kw_width=150, kw_sep=", ",
             keywords=["soil moisture", "evapotranspiration", "water-use efficiency", "semi-arid agriculture",
                       "tillering"]),
        base("kw_then_article_history", "'Article history' alone right under the keywords, the dates under it",
             kw_after=["Article history", "Received: 3 March 2024; Accepted: 9 May 2024"]),
        base("kw_then_correspondence", "a 'Correspondence to:' line right under the keywords",
             kw_after=["Correspondence to: Chen Liu, Department of Soil Science, University of Nebraska (chen.liu@unl.edu)"]),
        base("kw_at_end", "the keywords printed on the last page, after the body", kw_at_end=True),
        base("kw_none_body_mention", "no keywords printed; the body's first line opens 'Keywords were searched …' "
                                     "(a sentence, not a label: the record holds none)", no_keywords=True,
             body_heading="1. Methods", body_text="Keywords were searched in three databases for field studies of "
                                                  "soil water and wheat growth published since 1990. "),
        base("kw_then_body_tight", "the body's first paragraph right under the keywords in its own larger type, no "
                                   "heading and no blank line (only the type size ends the list: flagged)",
             body_heading="", tight_after_abstract=True, expect={"keywords": "flagged"}),
        base("abstract_then_body_tight", "no keywords: the body's first paragraph right under the abstract in its own "
                                         "larger type, no heading and no blank line (only the type size ends the "
                                         "abstract: flagged)", no_keywords=True, body_heading="",
             tight_after_abstract=True, expect={"abstract": "flagged"}),
        base("abstract_then_history", "no keywords: the history line ('Received 3 March 2024; accepted …') right "
                                       "under the abstract in its type, no label face", no_keywords=True,
             tight_after_abstract=True,
             after_plain=["Received 3 March 2024; accepted 9 May 2024; published online 1 June 2024"]),
        base("abstract_then_citation", "no keywords: the citation note ('Citation: …') right under the abstract",
             no_keywords=True, tight_after_abstract=True,
             after_plain=["Citation: Kowalski A, Okafor B, Liu C (2024) Seasonal variation of soil moisture. "
                          "J Dryland Field Stud 14: 211–222."]),
        base("abstract_then_highlights", "no keywords: a 'Highlights' heading and list right under the abstract",
             no_keywords=True, tight_after_abstract=True,
             post_abstract=[("Highlights", "Soil water in the top layer at tillering sets the number of tillers.",
                             "alone")]),
        base("kw_author_serial", "'Author keywords:' with commas and a serial 'and' before the last keyword",
             kw_label="Author keywords:", kw_sep=", ", kw_end="", keywords=KEYWORDS[:-1] + ["and " + KEYWORDS[-1]]),
        base("kw_mesh_label", "'Keywords (MeSH):' naming the vocabulary in brackets", kw_label="Keywords (MeSH):"),
        base("frontiers_kw_sidebar", "Frontiers: KEYWORDS and a comma list in the left column beside the abstract",
             sidebar="frontiers", main_indent=125, kw_sidebar=True),
    ]
    # ---- publishers' layouts with other bylines (found by bench/combos.py --english)
    profile = {c.name: c for c in out}
    out += [
        replace(profile["cambridge"], name="cambridge_long_byline", convention="Cambridge with five authors: the "
                "byline wraps inside a name, and the margin column (read first) ends with the body's first heading "
                "below it", authors=[Author("Jürgen", "Müller", "1"), Author("Luc", "De Smet", "1"),
                                     Author("Jan", "van der Berg", "2"), Author("Sean", "O'Neill", "1"),
                                     Author("María", "García-López", "1,2")], affs=list(AFF2), orcid=True),
        replace(profile["rsoc_subject_areas"], name="rsoc_caps_particle_wrapped", convention="Royal Society layout, "
                "surnames in capitals: the byline breaks inside 'VAN DER' / 'BERG' with more names after it",
                authors=[Author("John A.", "Smith", "1"), Author("Luc", "De Smet", "1"), Author("Anna", "Kowalski", "1"),
                         Author("Jan", "van der Berg", "2"), Author("Jürgen", "Müller", "2")], affs=list(AFF2),
                name_format="surname-caps", font="Helvetica", hyphenate=True),
        base("two_col_abstract_centred_label", "two columns: 'Abstract' centred over the page above the left "
             "column's abstract, whose ragged first line does not reach under it", two_columns=True, center=True,
             title_style="r", kw_label="Key words:", kw_sep=", "),
        base("two_col_abstract_indented", "two columns: 'Abstract' centred over the page, the abstract's first "
             "line indented as a paragraph's", two_columns=True, center=True, abstract_paras="indent",
             font="Helvetica", justify=True, title_style="r"),
        replace(base("two_col_footnote_affs", "two columns: the affiliations a page-foot list under both columns, "
                     "its first line short enough to fit the left column", two_columns=True, aff_place="footnote",
                     font="Helvetica"), affs=[("1", "Faculty of Medicine, University of Porto, Porto, Portugal"), AFF2[1]]),
        base("subtitle_byline_near_its_size", "a subtitle (13 pt) between the title and a byline set only a point "
             "smaller (12 pt), centred, the abstract unlabelled in italics", subtitle="A four-season field study",
             byline_size=12.0, center=True, abstract_label="none-italic", font="Helvetica"),
        replace(base("subtitle_over_caps_byline", "a subtitle (13 pt) over a byline in 11 pt with surnames in "
                     "capitals and particles ('Jan VAN DER BERG'), a Crossmark badge beside the title",
                     subtitle="A four-season field study", byline_size=11.0, name_format="surname-caps",
                     badge=["Check for", "updates"]),
                authors=[Author("Yuki", "Tanaka", "1"), Author("Jan", "van der Berg", "2")]),
        replace(base("names_small_caps_vancouver", "the byline in capitals and small capitals, Vancouver order: "
                     "'DE SMET L, SMITH JA and VAN DER BERG J'", small_caps=True, name_format="vancouver"),
                authors=[Author("Luc", "De Smet", "1"), Author("John A.", "Smith", "2"),
                         Author("Jan", "van der Berg", "1,2")]),
        replace(profile["mdpi_simple_summary"], name="mdpi_byline_wrapped_in_particle", convention="MDPI with five "
                "authors: the byline breaks inside 'van der' / 'Berg2' (given names first), the margin citation wraps "
                "over four lines beside it", authors=[Author("Anna", "Kowalski", "1"), Author("John A.", "Smith", "3"),
                                                      Author("Brian", "Okafor", "2"), Author("Luc", "De Smet", "2"),
                                                      Author("Jan", "van der Berg", "2")],
                affs=[("1", "School of Life Sciences, Peking University, Beijing 100871, China"),
                      ("2", "Faculty of Medicine, University of Porto, Porto, Portugal"), ("3", AFF2[1][1])], orcid=True),
        # ---- session 15: the probe's third layer
        replace(base("synopsis_under_one_name", "one author, surname in capitals ('Chen LIU'), the abstract headed "
                     "'Synopsis' right under the byline (the affiliation in a footnote): the heading is no second "
                     "name", name_format="surname-caps", abstract_heading="Synopsis", byline_style="b",
                     aff_place="footnote"),
                authors=[Author("Chen", "Liu", "")], affs=[("", AFF2[0][1])]),
        replace(base("small_caps_degrees_letters", "the byline in capitals and small capitals with degrees and letter "
                     "marks, wrapped: 'JAN VAN DER BERG, MDa, …' / 'YUKI TANAKA, MDb' (each line's main size differs)",
                     small_caps=True, byline_size=12.0),
                authors=[Author("Jan", "van der Berg", "a", degrees=", MD"), Author("Chen", "Liu", "a", degrees=", MD"),
                         Author("Fatima", "Al-Sayed", "b", degrees=", PhD"), Author("Luc", "De Smet", "a", degrees=", PhD"),
                         Author("Yuki", "Tanaka", "b", degrees=", MD")],
                affs=[("a", AFF2[0][1]), ("b", AFF2[1][1])]),
        base("kw_at_end_bare", "the keywords on the last page after the body, their label bold with no colon and "
             "the list set apart by middle dots ('Keywords soil moisture · winter wheat · …'); the abstract "
             "unlabelled, in italics", kw_at_end=True, kw_label="Keywords", kw_sep=" · ", abstract_label="none-italic"),
        base("byline_first_affs_in_footnote", "the byline above the title, its marks keyed to affiliations in the "
             "first-page footnote (none under the title)", authors_first=True, aff_place="footnote"),
        # ---- session 17: the probe's unlabelled abstracts in combination
        base("kw_before_unlabelled", "the keywords above an unlabelled abstract set in a ruled box",
             kw_before=True, abstract_label="none-box"),
        base("unlabelled_copyright", "an unlabelled abstract in a ruled box, a copyright line run on after its last "
             "sentence", abstract_label="none-box", abstract_tail="© 2024 Elsevier Ltd. All rights reserved."),
        replace(base("bare_email_unlabelled", "a bare e-mail address (no label) under the affiliation, then an "
                     "unlabelled abstract in a ruled box", abstract_label="none-box", aff_emails=["office1@unl.edu"]),
                authors=[Author("Priya", "Raghunathan", ""), Author("Luc", "De Smet", "")],
                affs=[("", "Faculty of Medicine, University of Porto, Porto, Portugal")]),
        replace(base("degrees_wrapped_alone", "a bold byline whose last name's degree wraps onto a line of its own "
                     "('…, and Jürgen Müller,' / 'MD'), then an unlabelled abstract", abstract_label="none-box",
                     byline_style="b", byline_size=12.0, center=True, last_sep=", and ", font="Helvetica",
                     column_label="Research Article", title_style="r"),
                authors=[Author("Sean", "O'Neill", "", degrees=", PhD"), Author("Yuki", "Tanaka", "", degrees=", MD"),
                         Author("Jan", "van der Berg", "", degrees=", MD, PhD"),
                         Author("Jürgen", "Müller", "", degrees=", MD")],
                affs=[("", "School of Life Sciences, Peking University, Beijing 100871, China")]),
        replace(base("small_caps_marks_footnote_affs", "the byline in capitals and small capitals ('AL-SAYED F,1 "
                     "…'), its marks keyed to affiliations in the first-page footnote, the keywords above the abstract",
                     name_format="vancouver", aff_place="footnote", kw_before=True, center=True, byline_size=10.0,
                     font="Helvetica", small_caps=True, comma_marks=True),
                authors=[Author("Fatima", "Al-Sayed", "1"), Author("Jan", "van der Berg", "2"),
                         Author("Anna", "Kowalski", "2")], affs=list(AFF2)),
    ]
    return out


def main() -> None:
    OUT.mkdir(exist_ok=True)
    index = {}
    for case in cases():
        folder = OUT / case.name
        folder.mkdir(exist_ok=True)
        (folder / "article.pdf").write_bytes(draw_case(case))
        (folder / "truth.json").write_text(json.dumps(case.truth(), ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
        index[case.name] = case.convention
    (OUT / "README.md").write_text(
        "# English convention cases (generated by tests/make_en_convention_cases.py: do not edit)\n\n"
        + "\n".join(f"- `{k}`: {v}" for k, v in index.items()) + "\n", encoding="utf-8")
    total = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"{len(index)} cases, {total / 1024:.0f} KB in {OUT}")


if __name__ == "__main__":
    main()
