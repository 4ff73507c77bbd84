"""The checks editors rely on, as warnings on the record (never silent fixes)."""
from __future__ import annotations

import re
from collections import Counter

from parsers import identifiers
from schemas.model import Article, Issue

REQUIRED = {
    "research-article": ("title.zh", "contributors", "abstract.zh", "keywords.zh", "fpage"),
    "book-review": ("title.zh", "fpage"),
    "editorial": ("title.zh", "fpage"),
}


def field_value(art: Article, path: str) -> object:
    """The value at a field path (`title.zh`, `abstract.en`) of an article."""
    obj: object = art
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def check_article(art: Article, issue: Issue) -> None:
    if art.language == "en":
        required = tuple(p.replace(".zh", ".en") for p in REQUIRED.get(art.type, ()))
    else:
        required = REQUIRED.get(art.type, ())
    for path in required:
        if not field_value(art, path):
            art.warn("missing-field", f"{path} not found in the article's pages (p.{art.pdf_pages[0]})")
    if art.doi and not identifiers.valid_doi(art.doi):
        art.warn("doi-syntax", f"DOI “{art.doi}” is not valid DOI syntax")
    for code in art.clc:
        if not identifiers.valid_clc(code):
            art.warn("clc-syntax", f"中图分类号 “{code}” is not a valid CLC code")
    if art.doc_code and not identifiers.valid_doc_code(art.doc_code):
        art.warn("doc-code", f"文献标识码 “{art.doc_code}” is outside A–E")
    if art.article_no:
        ano = identifiers.parse_article_no(art.article_no)
        if ano is not None:
            pages = art.pdf_pages[1] - art.pdf_pages[0] + 1
            for code, message in identifiers.check_article_no(
                # (a supplement prints 增刊 where its 文章编号 codes S0/S1/Z1: the same issue)
                ano, issn=issue.journal.issn or None, year=issue.year,
                issue=(ano.issue if issue.issue.startswith("增刊") and re.fullmatch(r"[SZsz]\d?", ano.issue) else issue.issue) or None,
                fpage=art.fpage or None, pages=pages,
            ):
                art.warn(code, message)


def check_issue(issue: Issue) -> None:
    if issue.journal.issn and not identifiers.valid_issn(issue.journal.issn):
        issue.warn("issn-check-digit", f"ISSN {issue.journal.issn} fails its check digit")
    prefixes = Counter(identifiers.doi_prefix(a.doi) for a in issue.articles if a.doi)
    if len(prefixes) > 1:
        main, _ = prefixes.most_common(1)[0]
        for art in issue.articles:
            if art.doi and identifiers.doi_prefix(art.doi) != main:
                art.warn("doi-prefix", f"DOI prefix {identifiers.doi_prefix(art.doi)} differs from the issue's {main}")
    _check_page_sequence(issue)
    for art in issue.articles:
        check_article(art, issue)


def _check_page_sequence(issue: Issue) -> None:
    """Printed ranges follow each other: an article starts on or after the page where the
    one before it ends (on it, in a run-on layout); an earlier start means a misread folio
    or a wrong cut."""
    paged = [a for a in issue.articles if a.fpage.isdigit() and a.lpage.isdigit()]
    for prev, art in zip(paged, paged[1:]):
        if int(art.fpage) < int(prev.lpage):
            art.warn("page-sequence", f"starts on p.{art.fpage}, before p.{prev.lpage} where {prev.id} ends")
        if int(art.lpage) < int(art.fpage):
            art.warn("page-sequence", f"ends on p.{art.lpage}, before its first page p.{art.fpage}")
