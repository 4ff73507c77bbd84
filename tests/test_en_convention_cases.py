"""English first pages that each vary one publisher convention (tests/en_conventions/,
made by tests/make_en_convention_cases.py with truth from the generator's input), read by
the whole extractor and compared the way GROBID's end-to-end evaluation does
(../shared/eval/score_en.py: one string per field, list fields joined with a space,
whitespace collapsed and lower-cased, then equal; affiliations as a set of distinct
members without the separators around them; keywords item by item, stricter than GROBID,
which joins the list with spaces).

A field passes when it is exact. A case whose truth names a field in `expect` prints it in
a form the record cannot reproduce (a structured abstract's run-in sub-heads): that field
must carry an `uncertain-field` flag instead. And no field may be wrong without a flag.

    .venv/bin/python tests/test_en_convention_cases.py      # the table: exact / flagged per field
"""
from __future__ import annotations

import functools
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "en_conventions"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if (p / "article.pdf").is_file()) if CASES_DIR.is_dir() else []
FIELDS = ["title", "first_author", "authors", "abstract", "keywords", "affiliations"]
# the record's confidence key for each scored field (bench/accuracy.py EN_KEYS)
KEYS = {"title": "title.en", "first_author": "contributors.surname", "authors": "contributors.surname",
        "abstract": "abstract.en", "keywords": "keywords.en", "affiliations": "contributors.affiliation"}


def basic(s: str) -> str:
    """GROBID's basic normalisation as score_en.basic: NFC, whitespace collapsed, lower case."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s or "")).strip().lower()


def clean_aff(s: str) -> str:
    """score_en.clean_aff: an affiliation without the separators around it."""
    s = re.sub(r"\s+", " ", s or "")
    s = re.sub(r"\s+([,;.:)])", r"\1", s)
    s = re.sub(r"\(\s+", "(", s)
    return s.strip(" ,;.")


@functools.lru_cache(maxsize=None)
def read(name: str) -> tuple[dict, dict, dict[str, str]]:
    """(truth, extracted fields, {flagged confidence key: why}) of one case."""
    from parsers.extract import extract_issue

    truth = json.loads((CASES_DIR / name / "truth.json").read_text(encoding="utf-8"))
    return (truth, *fields_of(extract_issue(CASES_DIR / name / "article.pdf").to_dict()))


def fields_of(issue: dict) -> tuple[dict, dict[str, str]]:
    """(the scored fields, {flagged confidence key: why}) of an issue record's first article
    (shared with bench/combos.py)."""
    arts = issue.get("articles") or [{}]
    art = arts[0]
    cs = art.get("contributors") or []
    affs: list[str] = []
    for c in cs:
        for x in re.split(r";\s+", c.get("affiliation", "") or ""):
            x = clean_aff(x)
            if x and x not in affs:
                affs.append(x)
    got = {"title": (art.get("title") or {}).get("en", ""),
           "first_author": cs[0].get("surname", "") if cs else "",
           "authors": " ".join(c.get("surname", "") for c in cs),
           "abstract": (art.get("abstract") or {}).get("en", ""),
           "keywords": (art.get("keywords") or {}).get("en", []),
           "affiliations": affs,
           "articles": len(arts)}
    flags = {w["message"].split(":", 1)[0]: w["message"].split(":", 1)[1].strip()
             for w in (art.get("warnings") or []) + (issue.get("warnings") or []) if w.get("code") == "uncertain-field"}
    return got, flags


def exact(field: str, want, got) -> bool:
    if field == "keywords":
        # (GROBID joins the list with spaces, so a missed separator would pass; the record's
        # list must be the printed list: each keyword as GROBID matches a string)
        return [basic(k) for k in want] == [basic(k) for k in got]
    if field == "affiliations":
        return sorted({basic(clean_aff(x)) for x in want}) == sorted({basic(x) for x in got})
    return basic(want) == basic(got)


def verdict(name: str, field: str) -> tuple[bool, bool, str]:
    """(exact, flagged, explanation) of one field of one case."""
    truth, got, flags = read(name)
    ok = exact(field, truth[field], got[field])
    return ok, KEYS[field] in flags, f"want {truth[field]!r}\n got {got[field]!r}\n flags {sorted(flags)}"


PARAMS = [pytest.param(n, f, id=f"{n}-{f}") for n in CASES for f in FIELDS]


@pytest.mark.parametrize("name,field", PARAMS)
def test_field_is_read_as_printed_or_flagged_where_the_case_says(name: str, field: str) -> None:
    truth, got, flags = read(name)
    assert got["articles"] == 1, f"{name}: {got['articles']} articles"
    ok, flagged, why = verdict(name, field)
    if truth["expect"].get(field) == "flagged":
        # flagged for what is wrong with this case, not only by the field's prior
        # (parsers.confidence.PRIORS_EN flags every English abstract and affiliation)
        from parsers.confidence import PRIORS_EN

        assert flagged, f"{name}.{field}: printed in a form the record cannot hold, but not flagged\n{why}"
        prior = PRIORS_EN.get(KEYS[field], (1.0, "\0"))[1]
        assert not flags[KEYS[field]].startswith(prior[:40]), f"{name}.{field}: flagged only by its prior\n{why}"
    else:
        assert ok, f"{name}.{field} ({truth['convention']}):\n{why}"


@pytest.mark.parametrize("name,field", PARAMS)
def test_no_field_is_wrong_without_a_flag(name: str, field: str) -> None:
    ok, flagged, why = verdict(name, field)
    assert ok or flagged, f"{name}.{field} is wrong and not flagged\n{why}"


def test_the_cases_are_the_generators_and_small() -> None:
    """Every case the generator makes is committed, and all of them stay small (140 cases of
    two pages, about 5.5 KB a PDF: some 1 MB in all; sessions 9, 14, 15 and 17 raised the caps)."""
    from tests.make_en_convention_cases import cases

    assert sorted(c.name for c in cases()) == CASES
    assert sum(f.stat().st_size for f in CASES_DIR.rglob("*.pdf")) < 950_000
    assert sum(f.stat().st_size for f in CASES_DIR.rglob("*") if f.is_file()) < 1_250_000


# ----------------------------------------------------------------------------- the rules, one by one
def test_bylines_as_other_conventions_print_them() -> None:
    from parsers.byline_en import split_byline_name, split_byline_names

    assert split_byline_name("Kowalski AM") == ("Kowalski", "AM")            # Vancouver: surname, initials
    assert split_byline_name("Garcia Cantu A") == ("Garcia Cantu", "A")
    assert split_byline_name("Chen LIU") == ("LIU", "Chen")                   # a pinyin surname in capitals
    assert split_byline_name("John A. Smith") == ("Smith", "John A.")
    # a byline wholly in capitals that holds a non-pinyin name is Western throughout
    assert split_byline_names(["ANNA KOWALSKI", "CHEN LIU"]) == [("KOWALSKI", "ANNA"), ("LIU", "CHEN")]


def _byline(parts: list[tuple[str, bool]]):
    from parsers.textlayer import Line, Span

    spans, x = [], 50.0
    for text, sup in parts:
        spans.append(Span(text=text, x0=x, x1=x + 5 * len(text), y=100.0, size=7.0 if sup else 11.0, font="F", sup=sup))
        x += 5 * len(text) + 2
    return Line(text="".join(t for t, _ in parts), x0=50.0, x1=x, y=100.0, size=11.0, spans=spans)


def test_inverted_names_and_a_group_author_in_a_byline() -> None:
    from parsers.byline_en import marked_names

    got = marked_names(_byline([("Kowalski, Anna", False), ("1", True), ("; Okafor, Brian", False), ("2", True)]))
    assert got == [("Kowalski, Anna", ["1"]), ("Okafor, Brian", ["2"])]
    got = marked_names(_byline([("Anna Kowalski", False), ("1", True), (" and the Dryland Wheat Consortium", False)]))
    assert got == [("Anna Kowalski", ["1"])]
    # an ordinary comma byline is no inverted one
    assert [n for n, _ in marked_names(_byline([("Anna Kowalski, Brian Okafor and Chen Liu", False)]))] == \
        ["Anna Kowalski", "Brian Okafor", "Chen Liu"]


def test_a_bullet_drawn_at_an_unused_winansi_code_separates_keywords() -> None:
    from parsers.english import split_keywords_en

    assert split_keywords_en("soil moisture \x7fwinter wheat \x95tillering") == ["soil moisture", "winter wheat", "tillering"]


def _english_article():
    from schemas.model import Article, Contributor, LangText

    art = Article(id="a01", pdf_pages=[1, 2], fpage="211", lpage="222", language="en")
    art.title = LangText(en=TITLE_FOR_UNITS)
    art.contributors = [Contributor(name=LangText(en="Anna Kowalski"), surname="Kowalski", given="Anna",
                                    affiliation="Department of Soil Science, University of Nebraska, Lincoln, NE, USA")]
    art.abstract = LangText(en="Soil moisture controls the early growth of winter wheat in dry regions. " * 8)
    art.keywords.en = ["soil moisture", "winter wheat", "tillering"]
    return art


TITLE_FOR_UNITS = "Seasonal variation of soil moisture and winter wheat"


def _flag_reasons(art) -> dict[str, str]:
    from parsers.confidence import PageEvidence, assess_article

    assess_article(art, PageEvidence())
    return {w.message.split(":", 1)[0]: w.message for w in art.warnings if w.code == "uncertain-field"}


@pytest.mark.parametrize("mutate,field,words", [
    (lambda a: a.keywords.en.__setitem__(-1, "tillering Running title: Soil moisture and wheat"), "keywords.en", "label"),
    (lambda a: setattr(a.abstract, "en", a.abstract.en + "Abbreviations: SWC, soil water content; LAI, leaf area index"),
     "abstract.en", "front-matter label"),
    (lambda a: a.keywords.en.__setitem__(0, "\x7f soil moisture"), "keywords.en", "no font mapped"),
    (lambda a: setattr(a.contributors[0], "affiliation", "Department of Soil Science, University of Institute of Crop "
                                                         "Research, Wageningen Nebraska, Lincoln, NE, USA"),
     "contributors.affiliation", "side by side"),
])
def test_a_field_run_on_into_the_next_is_flagged_for_that_reason(mutate, field: str, words: str) -> None:
    art = _english_article()
    mutate(art)
    assert words in _flag_reasons(art).get(field, "")


def test_a_name_printed_inverted_is_not_flagged() -> None:
    art = _english_article()
    art.contributors[0].name.en = "Kowalski, Anna"
    assert "contributors.surname" not in _flag_reasons(art)


def _line(spans: list[tuple[str, float, float]], y: float, size: float, sup: bool = False):
    """A text-layer line of (text, x0, x1) runs on baseline `y`."""
    from parsers.textlayer import Line, Span

    runs = [Span(text=t, x0=a, x1=b, y=y, size=size, font="F", sup=sup) for t, a, b in spans]
    return Line(text=" ".join(t for t, _, _ in spans), x0=runs[0].x0, x1=runs[-1].x1, y=y, size=size, spans=runs)


def test_raised_marks_set_on_a_row_of_their_own_go_to_the_names_they_follow() -> None:
    """Marks only raised (no smaller size) that the text layer set on a line above the byline
    (names_raised_letters as read): each group belongs to the name whose end it starts at."""
    from parsers.byline_en import byline

    row = _line([("a", 124.7, 129.4), ("b", 193.0, 198.0), ("a,b", 260.8, 272.9)], 133.8, 10.1)
    names = _line([("Anna Kowalski, Brian Okafor and Chen Liu", 56.0, 260.8)], 138.0, 11.0)
    got, _ = byline([row, names], 0)
    assert got == [("Anna Kowalski", ["a"]), ("Brian Okafor", ["b"]), ("Chen Liu", ["a", "b"])]
    # a row that goes on from a name's superscripts (",3,4" after "Lemos¹,²") extends them
    names = _line([("Lísley P. Lemos", 45.5, 125.0), ("1,2", 125.0, 134.7), ("Denis Valle", 183.0, 240.0)], 183.0, 12.0)
    names.spans[1] = type(names.spans[1])(**{**names.spans[1].__dict__, "sup": True, "size": 8.0})
    row = _line([(",3,4", 134.7, 147.3)], 178.7, 8.0)
    got, _ = byline([row, names], 0)
    assert got[0] == ("Lísley P. Lemos", ["1", "2", "3", "4"])
    # a row whose groups do not sit at the names' ends gives no marks
    row = _line([("a", 90.0, 95.0)], 133.8, 10.1)
    names = _line([("Anna Kowalski, Brian Okafor and Chen Liu", 56.0, 260.8)], 138.0, 11.0)
    assert all(not m for _, m in byline([row, names], 0)[0])


def test_a_run_read_across_two_author_blocks_is_cut_where_the_first_blocks_line_ends() -> None:
    """Centred author blocks side by side: the text layer joined two blocks' lines into one
    run; the cut falls where the first line, centred under its name, must end."""
    from parsers.byline_en import _cut_across
    from parsers.textlayer import Span

    run = Span("Department of Soil Science, University of Institute of Crop Research, Wageningen", 58.8, 366.9,
               152.0, 9.0, "Times-Italic", False)
    got = _cut_across(run, [214.0, 375.0], [133.5, 294.5, 455.5], [56.0, 217.0, 378.0], True)
    assert got == [(0, "Department of Soil Science, University of"), (1, "Institute of Crop Research, Wageningen")]
    # ranged left: the second block's line starts under its name
    run = Span("Department of Soil Science, University of Institute of Crop Research, Wageningen", 56.0, 361.7,
               152.0, 9.0, "Times-Italic", False)
    got = _cut_across(run, [216.0, 377.0], [0, 0, 0], [56.0, 217.0, 378.0], False, 0.98)
    assert got == [(0, "Department of Soil Science, University of"), (1, "Institute of Crop Research, Wageningen")]
    # where the columns leave no word space near the cut, nothing is cut (the record keeps its flag)
    run = Span("Departmentofsoilscience universityofInstituteofcropresearch,Wageningen", 58.8, 366.9,
               152.0, 9.0, "Times-Italic", False)
    assert _cut_across(run, [214.0, 375.0], [133.5, 294.5, 455.5], [56.0, 217.0, 378.0], True) is None


def test_author_blocks_whose_joined_lines_cannot_be_cut_keep_the_names_and_drop_the_affiliations() -> None:
    from parsers.byline_en import side_by_side

    row = _line([("Anna Kowalski", 99.1, 167.9), ("Brian Okafor", 265.0, 323.7)], 138.0, 11.0)
    good = _line([("Department of Soil Science, University of Institute of Crop Research, Wageningen", 58.8, 366.9)],
                 152.0, 9.0)
    alone = _line([("Nebraska, Lincoln, NE, USA", 81.8, 185.2)], 163.0, 9.0)  # (centred under its name)
    got, _ = side_by_side([row, good, alone], 0)
    assert [a for _, _, a in got] == [{"": "Department of Soil Science, University of Nebraska, Lincoln, NE, USA"},
                                      {"": "Institute of Crop Research, Wageningen"}]
    bad = _line([("Departmentofsoilscience universityofInstituteofcropresearch,Wageningen", 58.8, 366.9)], 152.0, 9.0)
    got, _ = side_by_side([row, bad, alone], 0)
    assert [(n, a) for n, _, a in got] == [("Anna Kowalski", {}), ("Brian Okafor", {})]


def test_an_unmarked_byline_above_the_title_is_not_read() -> None:
    from parsers.article_en import byline_above_title

    names = _line([("Anna Kowalski, Brian Okafor and Chen Liu", 56.0, 260.8)], 90.0, 11.0)
    title = _line([("Seasonal variation of soil moisture", 56.0, 400.0)], 112.0, 17.0)
    aff = _line([("Department of Soil Science, University of Nebraska, Lincoln, NE, USA", 56.0, 314.0)], 140.0, 9.0)
    assert byline_above_title([names, title, aff], [1], 2) is None
    marked = _line([("Anna Kowalski", 56.0, 120.0), ("1", 120.0, 124.0), (", Brian Okafor", 124.0, 190.0),
                    ("1", 190.0, 194.0)], 90.0, 11.0)
    for k in (1, 3):
        marked.spans[k] = type(marked.spans[k])(**{**marked.spans[k].__dict__, "sup": True, "size": 6.8})
    aff = _line([("1", 56.0, 59.0), ("Department of Soil Science, University of Nebraska, Lincoln, NE, USA", 59.0, 314.0)],
                140.0, 9.0)
    aff.spans[0] = type(aff.spans[0])(**{**aff.spans[0].__dict__, "sup": True, "size": 5.6})
    got = byline_above_title([marked, title, aff], [1], 2)
    assert got is not None and [n for n, _, _ in got[0]] == ["Anna Kowalski", "Brian Okafor"]


def test_keywords_set_apart_by_tab_stops_are_one_a_run() -> None:
    from parsers.article_en import keywords_from_lines

    wide = _line([("Keywords:", 56.0, 100.0), ("soil moisture", 103.0, 155.0), ("winter wheat", 186.0, 235.0),
                  ("tillering", 269.0, 300.0)], 293.0, 9.5)
    assert keywords_from_lines([wide], 0) == ["soil moisture", "winter wheat", "tillering"]
    narrow = _line([("Keywords:", 56.0, 100.0), ("soil moisture", 103.0, 155.0), ("winter wheat", 171.0, 220.0)],
                   293.0, 9.5)
    assert keywords_from_lines([narrow], 0) == ["soil moisture winter wheat"]  # (under three ems: word spaces)


def main() -> None:
    exact_n = flagged_n = silent = 0
    for n in CASES:
        row = []
        for f in FIELDS:
            ok, fl, _ = verdict(n, f)
            exact_n += ok
            flagged_n += fl
            silent += not ok and not fl
            row.append(f"{f}:{'ok' if ok else 'WRONG'}{'(flag)' if fl else ''}")
        print(f"{n:22} " + " ".join(row))
    total = len(CASES) * len(FIELDS)
    print(f"exact {exact_n}/{total}; flagged {flagged_n}; wrong and not flagged {silent}")


if __name__ == "__main__":
    main()


def test_units_sharing_one_affiliation_line_each_get_the_address() -> None:
    """"Departments of 2Biomedical Engineering and 3Gastroenterology, Asan Medical Center, …"
    (Korean J Radiol): each mark is a department with the address the line ends with."""
    from dataclasses import replace

    from parsers.byline_en import affiliations

    def marked(parts: list[str], y: float):
        spans, x = [], 42.0
        for k, part in enumerate(parts):
            spans.append((part, x, x + 4.0 * len(part)))
            x += 4.0 * len(part) + 1
        ln = _line(spans, y, 8.5)
        ln.spans = [replace(sp, sup=True, size=5.5) if k % 2 == 0 else sp for k, sp in enumerate(ln.spans)]
        ln.text = "".join(parts)
        return ln

    first = marked(["1", "Department of Radiology, Asan Medical Center, Seoul, Korea;"], 233.0)
    shared = marked(["", "Departments of ", "2", "Biomedical Engineering, ", "3", "Surgery and ", "4",
                     "Gastroenterology, Asan Medical Center, University of Ulsan College of Medicine, Seoul, Korea"],
                    243.0)
    shared.spans = shared.spans[1:]
    got, _ = affiliations([first, shared], 0)
    rest = "Asan Medical Center, University of Ulsan College of Medicine, Seoul, Korea"
    assert got == {"1": "Department of Radiology, Asan Medical Center, Seoul, Korea",
                   "2": f"Department of Biomedical Engineering, {rest}", "3": f"Department of Surgery, {rest}",
                   "4": f"Department of Gastroenterology, {rest}"}


def test_author_details_are_found_before_a_long_reference_list() -> None:
    """BMC sets "Author details" with the declarations, before references that may fill
    several pages: the heading is looked for from the article's end back to its second page."""
    from parsers.article_en import author_details
    from parsers.pages import PageInfo

    details = [_line([("Author details", 304.7, 360.0)], 647.0, 7.5),
               _line([("1", 304.7, 307.0), ("INRAE, Oniris, BIOEPAR, Nantes, France.", 308.0, 420.0),
                      ("2", 421.0, 424.0), ("INRAE, EpiA, Theix, France.", 425.0, 500.0)], 656.0, 7.5)]
    for k in (0, 2):
        details[1].spans[k].__dict__.update(sup=True, size=5.25)
    refs = [_line([("12. Smith J. A title. Vet Res. 2019;50:1-9.", 56.0, 290.0)], 100.0, 8.0)]
    pages = [PageInfo(number=n, kind="content", body=details if n == 11 else refs) for n in range(10, 16)]
    assert author_details(pages) == {"1": "INRAE, Oniris, BIOEPAR, Nantes, France",
                                     "2": "INRAE, EpiA, Theix, France"}


def test_a_spanish_name_keeps_both_its_surnames() -> None:
    """Spanish custom: the father's surname, then the mother's ("Anselmo Garcia Cantu", PMC
    records "Garcia Cantu"); a given name that is no frequent surname stays given, and a name
    whose second surname is no Spanish one is read so but checked."""
    from parsers.byline_en import split_byline_name
    from parsers.confidence import PageEvidence, assess_article
    from schemas.model import Article, Contributor, LangText

    assert split_byline_name("Anselmo Garcia Cantu") == ("Garcia Cantu", "Anselmo")
    assert split_byline_name("María José López García") == ("López García", "María José")
    assert split_byline_name("Ana María Pérez de la Torre") == ("Pérez de la Torre", "Ana María")
    assert split_byline_name("Juan Martín Sánchez") == ("Sánchez", "Juan Martín")  # (Martín: a given name too)
    assert split_byline_name("Maria Garcia") == ("Garcia", "Maria")
    assert split_byline_name("Garcia Lopez Maria") == ("Maria", "Garcia Lopez")  # (a name that opens with one: no rule)

    def doubted(name: str) -> bool:
        sur, given = split_byline_name(name)
        art = Article(id="a01", language="en", title=LangText(en="A title of some words here"))
        art.contributors = [Contributor(name=LangText(en=name), surname=sur, given=given, affiliation="University of X")]
        assess_article(art, PageEvidence())
        return art.confidence["contributors.surname"] < 0.8

    assert doubted("Robert Gomez Smith") and not doubted("Anselmo Garcia Cantu") and not doubted("Anna Kowalski")
