"""An issue's corrected record as a truth file (the format of ../shared/real/zh_more/truth/),
so a journal's own corrections can join the regression set.

The truth format keeps only what the page prints: a key whose value is empty is left out
(and a left-out key is not scored). `only_corrected=True` keeps, per article, just the
fields an editor corrected (from corrections.jsonl) and `pdf_pages` to match the article by:
values a person checked, nothing the extraction merely proposed.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from review.edit import read_corrections, read_issue_dict

# a corrected field path's first part -> the truth keys it decides
_KEYS = {"title": ("title_zh", "title_en"), "abstract": ("abstract_zh", "abstract_en"),
         "keywords": ("keywords_zh", "keywords_en"), "contributors": ("authors",), "citations": ("urls",),
         "type": ("kind",)}


def truth_article(art: dict[str, Any]) -> dict[str, Any]:
    """One article in the truth format, empty values left out."""
    authors = []
    for c in art["contributors"]:
        person = {"name_zh": c["name"]["zh"], "name_en": c["name"]["en"], "surname": c["surname"],
                  "given": c["given"], "affiliation": c["affiliation"]}
        authors.append({k: v for k, v in person.items() if v})
    urls = [{"url": u, "accessed": cit.get("accessed") or None} for cit in art["citations"] for u in cit["urls"]]
    out = {"kind": art["type"], "title_zh": art["title"]["zh"], "title_en": art["title"]["en"], "authors": authors,
           "abstract_zh": art["abstract"]["zh"], "abstract_en": art["abstract"]["en"],
           "keywords_zh": art["keywords"]["zh"], "keywords_en": art["keywords"]["en"], "clc": art["clc"],
           "doc_code": art["doc_code"], "doi": art["doi"] if art.get("doi_source") != "assigned" else "",
           "article_no": art["article_no"], "fpage": art["fpage"], "lpage": art["lpage"],
           "pdf_pages": art["pdf_pages"], "urls": urls}
    return {k: v for k, v in out.items() if v not in ("", [], None) or k == "urls"}


def truth_record(issue_dir: Path, *, only_corrected: bool = False) -> dict[str, Any]:
    """The issue in the truth format; see the module doc."""
    data = read_issue_dict(issue_dir)
    corrected: dict[str, set[str]] = {}
    for entry in read_corrections(issue_dir):
        head = entry["field"].split(".")[0]
        keys = _KEYS.get(head, (head,))
        if head in ("title", "abstract", "keywords") and "." in entry["field"]:
            keys = (f"{head}_{entry['field'].split('.')[1]}",)
        corrected.setdefault(entry["article"], set()).update(keys)
    articles = []
    for art in data["articles"]:
        full = truth_article(art)
        if only_corrected:
            keep = corrected.get(art["id"], set()) | {"pdf_pages"}
            full = {k: v for k, v in full.items() if k in keep}
        articles.append(full)
    journal = {"title_zh": data["journal"]["title"]["zh"] or None, "issn": data["journal"]["issn"] or None}
    return {"source": data["source"]["file"], "journal": journal, "year": data["year"], "issue": data["issue"],
            "articles": articles}
