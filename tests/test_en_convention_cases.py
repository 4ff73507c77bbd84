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
    issue = extract_issue(CASES_DIR / name / "article.pdf").to_dict()
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
    return truth, got, flags


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
    """Every case the generator makes is committed, and all of them stay well under 1 MB."""
    from tests.make_en_convention_cases import cases

    assert sorted(c.name for c in cases()) == CASES
    assert sum(f.stat().st_size for f in CASES_DIR.rglob("*.pdf")) < 600_000
    assert sum(f.stat().st_size for f in CASES_DIR.rglob("*") if f.is_file()) < 800_000


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
