"""English articles scored against their publisher's JATS (../shared/real/en_pmc_pygetpapers/),
and the PMLR volume's four papers against the publisher's `_posts/*.md` metadata.

Each `PMC*/fulltext.pdf` comes with the publisher's `fulltext.xml`; the expected values are
read from that XML here, never written by hand and never copied into the repository. One
test per article and field (`test_pmc_field[PMC7783296-doi]`), strict xfails for the known
misses (tests/known_misses.txt), and `python tests/score_real.py --pmc` prints the score.

Comparison rules (decided here, for every field the PDF prints):
- title: exact after NFC, whitespace collapsed and case folded (JATS keeps the publisher's
  casing, a PDF may set the title in capitals);
- doi: exact, case folded (DOIs are case-insensitive);
- contributors: the count exactly, then each author's surname and given names exactly
  (whitespace collapsed); JATS `given-names` are the printed given names ("M. G.");
- affiliation: each author's first JATS affiliation (its first 30 characters) must be
  inside the extracted affiliation, when the first page prints it;
- abstract: the first / last 60 characters of the JATS abstract (its "Abstract" title
  dropped; a section's title and its text as registered, no colon added), compared loosely
  (NFKC, no whitespace at all); an article whose JATS has no abstract must have none
  extracted;
- keywords: the list exactly, only when the PDF prints them (JATS subject terms that the
  page never shows are not judged);
- citations: the count of `ref-list/ref` exactly;
- journal title: exact (case folded) only when the PDF prints the JATS name;
- received: the ISO date of `history/date[@date-type="received"]`, only when the article
  prints a "Received" label (on its first page or in a closing history block);
- type: JATS `@article-type` exactly (a review printed as "REVIEW" / "Perspective"; a type
  the page never names is a known miss);
- emails: every e-mail of the JATS front matter that the first page prints must be some
  extracted author's `email`.
"""
from __future__ import annotations

import functools
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.test_real_pdfs import Check, real_dir, run_extractor

EDGE = 60  # characters of the abstract compared at each end


def pmc_dir() -> Path:
    return real_dir() / "en_pmc_pygetpapers"


def _text(el: ET.Element | None) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else ""


def _loose(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or "")).casefold()


def _fold(s: Any) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(s or ""))).strip().casefold()


def _abstract(front: ET.Element) -> str:
    """The first abstract's text without its "Abstract" title (a graphical or teaser
    abstract printed elsewhere is not the article's abstract)."""
    ab = next((a for a in front.iter("abstract") if not a.get("abstract-type")), None)
    if ab is None:
        return ""
    parts = []
    for child in ab:
        if child.tag == "title":
            continue
        if child.tag == "sec":  # a structured abstract: "Background …", the section's title and its
            # text as the publisher registers them (../shared/eval/score_en.py reads them so; the
            # colon a PDF prints after a run-in sub-head is the stylesheet's, not the title's)
            title = child.find("title")
            body = " ".join(_text(c) for c in child if c.tag != "title")
            parts.append(f"{_text(title)} {body}" if title is not None else body)
            continue
        parts.append(_text(child))
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _aff_text(aff: ET.Element) -> str:
    """An affiliation's printed text without its label (the mark)."""
    return re.sub(r"\s+", " ", "".join(t for el in [aff] for t in _texts_without(el, "label"))).strip(" ,;")


def _texts_without(el: ET.Element, skip: str) -> list[str]:
    out = [el.text or ""] if el.tag != skip else []
    for child in el:
        if child.tag != skip:
            out += _texts_without(child, skip)
        out.append(child.tail or "")
    return out


def _date(front: ET.Element, kind: str) -> str:
    for d in front.iter("date"):
        if d.get("date-type") == kind:
            y, m, dd = (_text(d.find(t)) for t in ("year", "month", "day"))
            if y and m and dd:
                return f"{int(y):04d}-{int(m):02d}-{int(dd):02d}"
    return ""


@functools.lru_cache(maxsize=None)
def printed_text(pdf: str) -> tuple[str, str]:
    """(first page, whole document) text, loose: what the PDF prints, to tell which JATS
    fields are on the page at all."""
    from parsers.textlayer import read_document

    doc = read_document(Path(pdf))
    return _loose(doc.pages[0].text), _loose("\n".join(p.text for p in doc.pages))


@dataclass
class PmcCase:
    short: str
    pdf: Path
    checks: list[Check]


def _art(issue: dict) -> dict:
    return issue["articles"][0]


def truth_checks(xml: Path, pdf: Path) -> list[Check]:
    """Checks for one article from its JATS (see the module docstring for the rules)."""
    root = ET.parse(xml).getroot()
    front = root.find("front")
    assert front is not None
    first, whole = printed_text(str(pdf))
    checks = [
        Check("articles.count", "count", lambda i: len(i["articles"]), 1),
        Check("title", "exact", lambda i: _fold(_art(i)["title"]["en"]), _fold(_text(front.find(".//article-title")))),
    ]
    doi = next((_text(e) for e in front.iter("article-id") if e.get("pub-id-type") == "doi"), "")
    checks.append(Check("doi", "exact", lambda i: _art(i)["doi"].casefold(), doi.casefold() or None))
    authors = [c for c in front.iter("contrib") if c.get("contrib-type") == "author" and c.find(".//surname") is not None]
    checks.append(Check("contributors.count", "count", lambda i: len(_art(i)["contributors"]), len(authors)))
    for k, c in enumerate(authors):
        checks.append(Check(f"contributors[{k}].surname", "exact",
                            lambda i, k=k: _art(i)["contributors"][k]["surname"], _text(c.find(".//surname"))))
        checks.append(Check(f"contributors[{k}].given", "exact",
                            lambda i, k=k: _art(i)["contributors"][k]["given"], _text(c.find(".//given-names"))))
    affs = {a.get("id"): _aff_text(a) for a in front.iter("aff")}
    for k, c in enumerate(authors):
        rids = [x.get("rid") for x in c.iter("xref") if x.get("ref-type") == "aff"]
        mine = [affs[r] for r in rids if affs.get(r)] or ([*affs.values()] if len(affs) == 1 else [])
        if mine and _loose(mine[0][:30]) in first:  # judged where the first page prints it
            checks.append(Check(f"contributors[{k}].affiliation", "contains",
                                lambda i, k=k: _art(i)["contributors"][k]["affiliation"], mine[0][:30]))
    abstract = _abstract(front)
    if abstract:
        checks.append(Check("abstract.start", "start", lambda i: _art(i)["abstract"]["en"], abstract[:EDGE]))
        checks.append(Check("abstract.end", "end", lambda i: _art(i)["abstract"]["en"], abstract[-EDGE:]))
    else:
        checks.append(Check("abstract", "exact", lambda i: _art(i)["abstract"]["en"], None))
    kwds = [_text(k) for g in front.iter("kwd-group") for k in g.iter("kwd")]
    if kwds and all(_loose(k) in first for k in kwds[:2]):
        checks.append(Check("keywords", "list", lambda i: _art(i)["keywords"]["en"], kwds))
    checks.append(Check("citations.count", "count", lambda i: len(_art(i)["citations"]), len(root.findall(".//ref-list/ref"))))
    journal = _text(front.find(".//journal-title"))
    if journal and _loose(journal) in first:
        checks.append(Check("journal.title", "exact", lambda i: _fold(i["journal"]["title"]["en"]), _fold(journal)))
    # the article type (JATS @article-type)
    kind = root.get("article-type", "")
    if kind in ("research-article", "review-article", "brief-report", "editorial", "book-review"):
        checks.append(Check("type", "exact", lambda i: _art(i)["type"], kind))
    # the corresponding e-mails the first page prints: each belongs to some author
    # (an author's first address; a correspondence note's every address)
    listed = [_text(c.find(".//email")) for c in authors if c.find(".//email") is not None]
    listed += [_text(e) for cor in front.iter("corresp") for e in cor.iter("email")]
    emails = sorted({e for e in listed if _loose(e) in first})
    if emails:
        checks.append(Check("emails", "contains", lambda i: " ".join(c["email"] for c in _art(i)["contributors"]), emails))
    received = _date(front, "received")
    if received and "received" in whole:
        checks.append(Check("received", "exact", lambda i: _art(i)["received"], received))
    return checks


def load_pmc_cases() -> list[PmcCase]:
    if not pmc_dir().is_dir():
        return []
    cases = []
    for d in sorted(pmc_dir().glob("PMC*")):
        pdf, xml = d / "fulltext.pdf", d / "fulltext.xml"
        if pdf.is_file() and xml.is_file():
            cases.append(PmcCase(d.name, pdf, truth_checks(xml, pdf)))
    return cases


def _pmlr_checks(post: Path) -> list[Check]:
    """Checks for one PMLR paper from its `_posts/*.md` front matter (the publisher's
    metadata): title (case folded), authors, abstract ends. The paper is the extracted
    article whose printed first page is the post's `firstpage`."""
    import yaml

    meta = yaml.safe_load(post.read_text(encoding="utf-8").split("---")[1])
    fpage = str(meta["firstpage"])

    def art(issue: dict) -> dict:
        return next(a for a in issue["articles"] if a["fpage"] == fpage)

    checks = [Check(f"{meta['id']}.title", "exact", lambda i: _fold(art(i)["title"]["en"]), _fold(meta["title"])),
              Check(f"{meta['id']}.contributors.count", "count", lambda i: len(art(i)["contributors"]), len(meta["author"]))]
    for k, person in enumerate(meta["author"]):
        checks.append(Check(f"{meta['id']}.contributors[{k}].surname", "exact",
                            lambda i, k=k: art(i)["contributors"][k]["surname"], person["family"]))
        checks.append(Check(f"{meta['id']}.contributors[{k}].given", "exact",
                            lambda i, k=k: art(i)["contributors"][k]["given"], person["given"]))
    abstract = re.sub(r"\s+", " ", meta.get("abstract", "")).strip()
    checks.append(Check(f"{meta['id']}.abstract.start", "start", lambda i: art(i)["abstract"]["en"], abstract[:EDGE]))
    checks.append(Check(f"{meta['id']}.abstract.end", "end", lambda i: art(i)["abstract"]["en"], abstract[-EDGE:]))
    return checks


def load_pmlr_case() -> PmcCase | None:
    """The PMLR proceedings volume (one PDF, four English papers) as one more case."""
    d = real_dir() / "issue_pmlr_v50"
    posts = sorted(p for p in d.glob("*.md") if not p.name.endswith("preface.md"))
    if not (d / "proceedings.pdf").is_file() or not posts:
        return None
    return PmcCase("pmlr_v50", d / "proceedings.pdf", [c for p in posts for c in _pmlr_checks(p)])


def score_pmc_case(case: PmcCase) -> list[tuple[str, bool, str]]:
    status, result = run_extractor(str(case.pdf))
    if status == "error":
        return [(c.field, False, f"extract_issue raised {type(result).__name__}: {result}") for c in case.checks]
    return [(c.field, *c.run(result)) for c in case.checks]


CASES = load_pmc_cases() + [c for c in [load_pmlr_case()] if c is not None]
PARAMS = [pytest.param(case, check, id=f"{case.short}-{check.field}") for case in CASES for check in case.checks]


@pytest.mark.skipif(not CASES, reason="PMC articles not available (../shared/real/en_pmc_pygetpapers)")
@pytest.mark.parametrize("case,check", PARAMS or [pytest.param(None, None, id="none")])
def test_pmc_field(case: PmcCase, check: Check) -> None:
    status, result = run_extractor(str(case.pdf))
    assert status == "ok", f"{case.short}: extract_issue raised {result!r}"
    ok, message = check.run(result)
    assert ok, f"{case.short} {message}"


def test_truth_reader_drops_the_abstract_title(tmp_path: Path) -> None:
    """The JATS reader itself: abstract title dropped, received date as ISO."""
    xml = tmp_path / "a.xml"
    xml.write_text("<article><front><article-meta><history><date date-type='received'><day>1</day>"
                   "<month>5</month><year>2020</year></date></history><abstract><title>Abstract</title>"
                   "<p>Body  text.</p></abstract></article-meta></front></article>", encoding="utf-8")
    front = ET.parse(xml).getroot().find("front")
    assert front is not None
    assert _abstract(front) == "Body text."
    assert _date(front, "received") == "2020-05-01"
