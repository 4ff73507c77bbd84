"""The convention-variation suite for Chinese articles (tests/make_convention_cases.py).

Each case varies one printing convention (GB/T 7713.2-2022, CAJ-CD B/T 1-2006, GB/T
7714-2015, GB/T 28039-2011, common typesetting habits). Every field of its truth must come
out exact; a field the case lists as `uncertain` (the page does not let it be read
reliably) must instead carry an `uncertain-field` warning, and so must any field that comes
out wrong. Fields are compared as ../shared/eval/score.py compares them (NFKC, whitespace
removed, trailing punctuation stripped, affiliations by the unit's name).
"""
from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from parsers.extract import extract_issue

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "conventions"
CASES = sorted(p.parent.name for p in CASES_DIR.glob("*/truth.json"))

# truth field -> the record's confidence key (schemas/issue.schema.json), as bench/accuracy.py
KEYS = {"title_zh": "title.zh", "title_en": "title.en", "authors_zh": "contributors.name.zh",
        "authors_en": "contributors.name.en", "surnames": "contributors.surname",
        "affiliations": "contributors.affiliation", "fpage": "fpage", "lpage": "lpage",
        "pdf_pages": "pdf_pages", "urls": "citations.urls", "abstract_zh": "abstract.zh",
        "abstract_en": "abstract.en", "keywords_zh": "keywords.zh", "keywords_en": "keywords.en", "clc": "clc",
        "doc_code": "doc_code", "received": "received"}
FRONT = ("abstract_zh", "abstract_en", "keywords_zh", "keywords_en", "clc", "doc_code", "received")  # scored when the truth has them


def norm(s: object) -> str | None:
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", str(s)).replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", "", s).strip("。.;；,，") or None


def same(field: str, got: object, want: object) -> bool:
    if want is None:                # not printed in the file (an article cut off): nothing read
        return got in (None, "", [])
    if field == "affiliations":     # the unit must be named, and no other unit with it
        return len(got or []) == len(want) and all(
            w is None or (g and norm(w.split("，")[0]) in norm(g) and "；" not in g) for g, w in zip(got, want))
    if field == "urls":
        return [tuple(x) for x in got] == [tuple(x) for x in want]
    if isinstance(want, list):
        return [norm(x) for x in (got or [])] == [norm(x) for x in want]
    if isinstance(want, int):
        try:
            return int(got) == want
        except (TypeError, ValueError):
            return False
    return norm(got) == norm(want)


def want_view(t: dict) -> dict:
    a = t["authors"]
    v = {"title_zh": t["title_zh"], "authors_zh": [x["name_zh"] for x in a],
         "surnames": [x["surname"] for x in a], "affiliations": [x["affiliation"] for x in a],
         "fpage": t["fpage"], "lpage": t["lpage"], "pdf_pages": t["pdf_pages"],
         "urls": sorted((u["url"], u["accessed"]) for u in t["urls"])}
    if "title_en" in t:
        v["title_en"] = t["title_en"]
    if all("name_en" in x for x in a):
        v["authors_en"] = [x["name_en"] for x in a]
    v.update((f, t[f]) for f in FRONT if f in t)
    return v


def got_view(a: dict) -> dict:
    people = a.get("contributors") or []
    return {"title_zh": a["title"]["zh"], "title_en": a["title"]["en"],
            "authors_zh": [p["name"]["zh"] for p in people], "authors_en": [p["name"]["en"] for p in people],
            "surnames": [p["surname"] for p in people], "affiliations": [p["affiliation"] for p in people],
            "fpage": a.get("fpage"), "lpage": a.get("lpage"), "pdf_pages": a.get("pdf_pages"),
            "urls": sorted({(u, c.get("accessed")) for c in a.get("citations") or [] for u in c.get("urls") or []}),
            "abstract_zh": (a.get("abstract") or {}).get("zh"), "abstract_en": (a.get("abstract") or {}).get("en"),
            "keywords_zh": (a.get("keywords") or {}).get("zh") or [],
            "keywords_en": (a.get("keywords") or {}).get("en") or [], "clc": a.get("clc") or [],
            "doc_code": a.get("doc_code"), "received": a.get("received")}


def result(case: str) -> tuple[dict, dict]:
    """(truth, issue record) of one case; each case is ingested once per session."""
    return load_case(CASES_DIR, case)


@functools.lru_cache(maxsize=None)
def load_case(cases_dir: Path, case: str, ocr: str = "never") -> tuple[dict, dict]:
    """(truth, issue record) of the case folder `cases_dir/case` (issue.pdf, truth.json);
    ocr="auto" reads it as the CLI does by default (OCR where the text layer falls short)."""
    truth = json.loads((cases_dir / case / "truth.json").read_text(encoding="utf-8"))
    if ocr == "never":
        return truth, extract_issue(cases_dir / case / "issue.pdf").to_dict()
    from flows.steps import read_pdf
    from parsers.extract import build_issue

    return truth, build_issue(read_pdf(cases_dir / case / "issue.pdf", ocr=ocr), None).to_dict()


def compare(case: str) -> list[tuple[str, bool, bool, str]]:
    """(field, exact, flagged, detail) for every field of every article of the case."""
    return compare_records(*result(case))


def compare_records(truth: dict, issue: dict) -> list[tuple[str, bool, bool, str]]:
    """(field, exact, flagged, detail) for every field of every article of a truth file
    against an issue record (shared by the name-convention suite)."""
    got_arts = issue["articles"]
    rows = [("articles", len(got_arts) == len(truth["articles"]), False,
             f"{len(got_arts)} articles, want {len(truth['articles'])}")]
    for i, t in enumerate(truth["articles"]):
        # (the j-th article starting on a page is matched with the j-th one read there: two
        # articles may start on one page)
        j = sum(1 for u in truth["articles"][:i] if u["pdf_pages"][:1] == t["pdf_pages"][:1])
        there = [a for a in got_arts if a["pdf_pages"][:1] == t["pdf_pages"][:1]]
        g = there[j] if j < len(there) else (got_arts[i] if i < len(got_arts) and not there else None)
        if g is None:
            continue
        flagged = {w["message"].split(":", 1)[0] for w in g["warnings"] if w["code"] == "uncertain-field"}
        got = got_view(g)
        for f, w in want_view(t).items():
            ok = same(f, got[f], w)
            rows.append((f"a{i + 1}.{f}", ok, KEYS[f] in flagged, f"want {w!r} got {got[f]!r}"))
    return rows


def test_the_suite_is_there_and_small() -> None:
    assert len(CASES) >= 30
    total = sum((CASES_DIR / c / "issue.pdf").stat().st_size for c in CASES)
    assert total < 1_150_000, f"{total} bytes"


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    # (every case: a change to the shared layout code must come with the cases it redraws; 2 s)
    assert_regenerated("make_convention_cases.py", CASES_DIR, CASES, tmp_path)


def assert_regenerated(generator: str, cases_dir: Path, some: list[str], tmp_path: Path) -> None:
    """The committed generator writes the committed cases `some` again, byte for byte."""
    subprocess.run([sys.executable, str(HERE / generator), "--out", str(tmp_path), *some],
                   check=True, capture_output=True)
    for c in some:
        assert (tmp_path / c / "issue.pdf").read_bytes() == (cases_dir / c / "issue.pdf").read_bytes()
        assert (tmp_path / c / "truth.json").read_text() == (cases_dir / c / "truth.json").read_text()


# cases the parsers do not read yet, each with why (strict: a fix must remove the line)
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN[c], strict=True))
                                  if c in KNOWN else c for c in CASES])
def test_convention_case_fields(case: str) -> None:
    """Every field exact, except the case's `uncertain` ones, which must be flagged instead."""
    truth, _ = result(case)
    bad = wrong_fields(truth, compare(case))
    assert not bad, f"{case} ({truth['convention']}):\n" + "\n".join(bad)


def wrong_fields(truth: dict, rows: list[tuple[str, bool, bool, str]]) -> list[str]:
    """The fields not exact, but for the truth's `uncertain` ones when they are flagged."""
    uncertain = set(truth["uncertain"])
    return [f"{f}: {d}" for f, ok, flagged, d in rows if not ok and not (f.split(".", 1)[-1] in uncertain and flagged)]


def unflagged_uncertain(truth: dict, rows: list[tuple[str, bool, bool, str]]) -> list[str]:
    """The truth's `uncertain` fields that are not flagged wherever they occur."""
    out = []
    for f in truth["uncertain"]:
        hits = [r for r in rows if r[0].endswith("." + f)]
        if not (hits and all(flagged for _, _, flagged, _ in hits)):
            out.append(f"{f} not flagged: {hits}")
    return out


@pytest.mark.parametrize("case", [c for c in CASES if json.loads(
    (CASES_DIR / c / "truth.json").read_text(encoding="utf-8"))["uncertain"]])
def test_unreadable_fields_are_flagged_not_guessed(case: str) -> None:
    truth, _ = result(case)
    assert not unflagged_uncertain(truth, compare(case)), case


if __name__ == "__main__":      # python tests/test_convention_cases.py: a per-case table
    n_ok = n_all = 0
    for c in CASES:
        rows = compare(c)
        ok = sum(r[1] for r in rows)
        n_ok, n_all = n_ok + ok, n_all + len(rows)
        print(f"{c:28s} {ok}/{len(rows)}")
        for f, good, flagged, d in rows:
            if not good:
                print(f"    {f}{' [flagged]' if flagged else ''}: {d[:150]}")
    print(f"TOTAL {n_ok}/{n_all} fields; cases passing: "
          f"{sum(all(r[1] for r in compare(c)) for c in CASES)}/{len(CASES)}")


@pytest.mark.parametrize("case", [c for c in CASES if any("received" in a for a in json.loads(
    (CASES_DIR / c / "truth.json").read_text(encoding="utf-8"))["articles"])])
def test_first_page_notes_stay_with_their_article(case: str) -> None:
    """Where several articles start on one page, each one's first-page note (its own
    收稿日期) at the page's foot is its own, not the first or the last one's."""
    truth, issue = result(case)
    got = [a.get("received") for a in issue["articles"]]
    assert got == [t["received"] for t in truth["articles"]]
