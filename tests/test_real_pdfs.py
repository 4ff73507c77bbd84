"""Field-by-field tests on the real PDFs in ../shared/real/ (never copied into this repo).

The expected values in `tests/real_expected/*.json` were written by reading the rendered
pages, not by running any extractor; each file's `notes` say what is tricky about it.
One test per file and field (`test_field[hong2017-title.zh]`), so the score is visible;
`python tests/score_real.py` prints the per-file accuracy.

The real files are looked up in `JOURNAL_INGEST_REAL` or `<repo>/../shared/real`; every
test skips cleanly when they are absent.

Comparison rules (the expected JSON follows the issue.json contract's conventions: lines
re-joined, no spaces next to CJK characters, full-width letters/digits made ASCII, Chinese
punctuation kept):
- plain fields (titles, names, keywords, codes, dates, pages): exact, after NFC and
  collapsing runs of whitespace; `{"any_of": [...]}` accepts any of the listed values;
- `null` in the expected file: the field must be empty ("" / [] / None);
- `*_start` / `*_end` (abstracts, funding, first/last citation), `affiliation` and
  `bio_contains`: the expected text must begin / end / be contained in the extracted
  value, compared loosely (NFKC, all whitespace removed), because only part is given;
- `affiliation` given as a list: every listed affiliation must be contained;
- a contributor key left out (`bio_contains`, `email`) is not judged;
- counts (`articles.count`, `contributors.count`, `citations.count`): exact;
- `pmlr_v50.json`: splitting only — the article count and, for each part, an extracted
  article with exactly that `pdf_pages`.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Any, Callable

import pytest

HERE = Path(__file__).resolve().parent
EXPECTED_DIR = HERE / "real_expected"


def real_dir() -> Path:
    env = os.environ.get("JOURNAL_INGEST_REAL")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared" / "real"


# --------------------------------------------------------------------------- normalising

def norm(value: Any) -> str:
    """Exact comparison form: NFC, whitespace runs collapsed, stripped."""
    if value is None:
        return ""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(value))).strip()


def loose(value: Any) -> str:
    """Loose form for partial matches: NFKC and no whitespace at all."""
    if value is None:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


# --------------------------------------------------------------------------- checks

@dataclasses.dataclass
class Check:
    field: str
    kind: str  # exact | list | start | end | contains | count | empty | pages_any
    get: Callable[[dict], Any]
    expected: Any

    def run(self, issue: dict) -> tuple[bool, str]:
        """Return (ok, message) for one field of an extracted issue (as a dict)."""
        try:
            actual = self.get(issue)
        except (IndexError, KeyError, TypeError) as exc:
            return False, f"{self.field}: not extracted ({type(exc).__name__}: {exc}); expected {self.expected!r}"
        exp = self.expected
        if exp is None and self.kind not in ("count", "pages_any"):
            ok = is_empty(actual)
            return ok, f"{self.field}: expected nothing (not printed), got {actual!r}"
        if self.kind == "exact":
            options = exp["any_of"] if isinstance(exp, dict) and "any_of" in exp else [exp]
            if isinstance(exp, int) and not isinstance(exp, bool):
                ok = actual == exp
            else:
                ok = any(norm(actual) == norm(o) for o in options)
            want = options[0] if len(options) == 1 else f"one of {options!r}"
            return ok, f"{self.field}: expected {want!r}, got {actual!r}"
        if self.kind == "list":
            got = [norm(x) for x in (actual or [])]
            ok = got == [norm(x) for x in exp]
            return ok, f"{self.field}: expected {exp!r}, got {actual!r}"
        if self.kind == "start":
            ok = loose(actual).startswith(loose(exp))
            return ok, f"{self.field}: expected to start with {exp!r}, got {str(actual)[:len(exp) + 40]!r}"
        if self.kind == "end":
            ok = loose(actual).endswith(loose(exp))
            tail = str(actual or "")[-(len(exp) + 40):]
            return ok, f"{self.field}: expected to end with {exp!r}, got ...{tail!r}"
        if self.kind == "contains":
            items = exp if isinstance(exp, list) else [exp]
            missing = [i for i in items if loose(i) not in loose(actual)]
            return not missing, f"{self.field}: expected to contain {missing!r}, got {actual!r}"
        if self.kind == "count":
            return actual == exp, f"{self.field}: expected {exp}, got {actual}"
        if self.kind == "pages_any":
            ok = list(exp) in [list(x) for x in actual]
            return ok, f"{self.field}: expected an article with pdf_pages {exp}, got articles at {actual}"
        raise ValueError(self.kind)


def _article(i: int) -> Callable[[dict], dict]:
    return lambda issue: issue["articles"][i]


def _path(base: Callable[[dict], Any], *keys: Any) -> Callable[[dict], Any]:
    def get(issue: dict) -> Any:
        obj = base(issue)
        for k in keys:
            obj = obj[k]
        return obj
    return get


def _citation_text(i: int, k: int) -> Callable[[dict], Any]:
    return lambda issue: issue["articles"][i]["citations"][k]["text"]


def article_checks(i: int, a: dict, prefix: str) -> list[Check]:
    art = _article(i)
    c: list[Check] = [
        Check(f"{prefix}pdf_pages", "list", _path(art, "pdf_pages"), a["pdf_pages"]),
        Check(f"{prefix}fpage", "exact", _path(art, "fpage"), a["fpage"]),
        Check(f"{prefix}lpage", "exact", _path(art, "lpage"), a["lpage"]),
        Check(f"{prefix}title.zh", "exact", _path(art, "title", "zh"), a["title"]["zh"]),
        Check(f"{prefix}title.en", "exact", _path(art, "title", "en"), a["title"]["en"]),
    ]
    for lang in ("zh", "en"):
        c.append(Check(f"{prefix}abstract.{lang}.start", "start", _path(art, "abstract", lang), a[f"abstract_{lang}_start"]))
        c.append(Check(f"{prefix}abstract.{lang}.end", "end", _path(art, "abstract", lang), a[f"abstract_{lang}_end"]))
        c.append(Check(f"{prefix}keywords.{lang}", "list", _path(art, "keywords", lang), a["keywords"][lang] or None))
    c += [
        Check(f"{prefix}clc", "list", _path(art, "clc"), a["clc"] or None),
        Check(f"{prefix}doc_code", "exact", _path(art, "doc_code"), a["doc_code"]),
        Check(f"{prefix}doi", "exact", _path(art, "doi"), a["doi"]),
        Check(f"{prefix}article_no", "exact", _path(art, "article_no"), a["article_no"]),
        Check(f"{prefix}funding.start", "start", _path(art, "funding"), a["funding_start"]),
        Check(f"{prefix}received", "exact", _path(art, "received"), a["received"]),
        Check(f"{prefix}contributors.count", "count", lambda issue: len(art(issue)["contributors"]), len(a["contributors"])),
    ]
    for k, p in enumerate(a["contributors"]):
        person = _path(art, "contributors", k)
        tag = f"{prefix}contributors[{k}]"
        c += [
            Check(f"{tag}.name.zh", "exact", _path(person, "name", "zh"), p["name"]["zh"]),
            Check(f"{tag}.name.en", "exact", _path(person, "name", "en"), p["name"]["en"]),
            Check(f"{tag}.surname", "exact", _path(person, "surname"), p["surname"]),
            Check(f"{tag}.given", "exact", _path(person, "given"), p["given"]),
            Check(f"{tag}.affiliation", "contains", _path(person, "affiliation"), p["affiliation"]),
        ]
        # a key left out of the expected file means "not judged" (ambiguous on the page)
        if "bio_contains" in p:
            c.append(Check(f"{tag}.bio", "contains", _path(person, "bio"), p["bio_contains"]))
        if "email" in p:
            c.append(Check(f"{tag}.email", "exact", _path(person, "email"), p["email"]))
        if "corresponding" in p:  # named by the 通信作者 note
            c.append(Check(f"{tag}.corresponding", "exact", _path(person, "corresponding"), p["corresponding"]))
    n = a["n_citations"]
    c.append(Check(f"{prefix}citations.count", "count", lambda issue: len(art(issue)["citations"]), n))
    if n:
        c.append(Check(f"{prefix}citations[0].text.start", "start", _citation_text(i, 0), a["citation_first_start"]))
        c.append(Check(f"{prefix}citations[-1].text.start", "start", _citation_text(i, -1), a["citation_last_start"]))
    return c


def issue_checks(exp: dict) -> list[Check]:
    if exp["expect"] == "error":
        return []
    checks = [Check("articles.count", "count", lambda issue: len(issue["articles"]), exp["n_articles"])]
    if exp["expect"] == "split":
        pages = lambda issue: [a["pdf_pages"] for a in issue["articles"]]  # noqa: E731
        for part in exp["parts"]:
            checks.append(Check(f"{part['id']}.pdf_pages", "pages_any", pages, part["pdf_pages"]))
        return checks
    j = exp["journal"]
    checks += [
        Check("journal.title.zh", "exact", lambda i: i["journal"]["title"]["zh"], j["title"]["zh"]),
        Check("journal.title.en", "exact", lambda i: i["journal"]["title"]["en"], j["title"]["en"]),
        Check("journal.issn", "exact", lambda i: i["journal"]["issn"], j["issn"]),
        Check("journal.cn", "exact", lambda i: i["journal"]["cn"], j["cn"]),
        Check("year", "exact", lambda i: i["year"], exp["year"]),
        Check("volume", "exact", lambda i: i["volume"], exp["volume"]),
        Check("issue", "exact", lambda i: i["issue"], exp["issue"]),
    ]
    many = len(exp["articles"]) > 1
    for n, a in enumerate(exp["articles"]):
        checks += article_checks(n, a, f"articles[{n}]." if many else "")
    return checks


# --------------------------------------------------------------------------- cases

@dataclasses.dataclass
class Case:
    name: str  # json stem
    short: str
    expected: dict
    checks: list[Check]

    @property
    def pdf(self) -> Path:
        return real_dir() / self.expected["file"]


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(EXPECTED_DIR.glob("*.json")):
        exp = json.loads(path.read_text(encoding="utf-8"))
        cases.append(Case(path.stem, exp.get("short", path.stem), exp, issue_checks(exp)))
    return cases


@functools.lru_cache(maxsize=None)
def run_extractor(pdf: str) -> tuple[str, Any]:
    """('ok', issue dict) or ('error', exception); cached so each PDF is extracted once."""
    from parsers.extract import extract_issue  # the project's extractor

    try:
        issue = extract_issue(Path(pdf))
    except Exception as exc:  # reported per field, not as a crash of the whole module
        return "error", exc
    data = issue.to_dict() if hasattr(issue, "to_dict") else dataclasses.asdict(issue)
    return "ok", data


def score_case(case: Case) -> list[tuple[str, bool, str]]:
    """Every (field, ok, message) of one case; used by tests/score_real.py."""
    status, result = run_extractor(str(case.pdf))
    if case.expected["expect"] == "error":
        from parsers import errors

        want = getattr(errors, case.expected["error"])
        ok = status == "error" and isinstance(result, want)
        got = f"{type(result).__name__}: {result}" if status == "error" else "an Issue (no error raised)"
        return [("error", ok, f"expected {case.expected['error']}, got {got}")]
    if status == "error":
        msg = f"extract_issue raised {type(result).__name__}: {result}"
        return [(c.field, False, msg) for c in case.checks]
    return [(c.field, *c.run(result)) for c in case.checks]


CASES = load_cases()
FIELD_PARAMS = [
    pytest.param(case, check, id=f"{case.short}-{check.field}") for case in CASES for check in case.checks
]
ERROR_PARAMS = [pytest.param(case, id=f"{case.short}-error") for case in CASES if case.expected["expect"] == "error"]


def _require(case: Case) -> None:
    if not real_dir().is_dir():
        pytest.skip(f"real PDFs not available ({real_dir()}); set JOURNAL_INGEST_REAL")
    if not case.pdf.is_file():
        pytest.skip(f"{case.pdf} missing")


@pytest.mark.parametrize("case,check", FIELD_PARAMS)
def test_field(case: Case, check: Check) -> None:
    _require(case)
    status, result = run_extractor(str(case.pdf))
    if status == "error":
        pytest.fail(f"{case.short}: extract_issue raised {type(result).__name__}: {result}")
    ok, message = check.run(result)
    assert ok, f"{case.short} {message}"


@pytest.mark.parametrize("case", ERROR_PARAMS)
def test_expected_error(case: Case) -> None:
    _require(case)
    from parsers import errors

    want = getattr(errors, case.expected["error"])
    status, result = run_extractor(str(case.pdf))
    assert status == "error", f"{case.short}: expected {case.expected['error']}, but an Issue was returned"
    assert isinstance(result, want), f"{case.short}: expected {want.__name__}, got {type(result).__name__}: {result}"
    assert str(case.pdf.name) in str(result), f"{case.short}: the error should name the file: {result}"
