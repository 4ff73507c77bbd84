"""Download platforms' cover sheets (parsers/coversheet.py, layouts/coversheets.toml): the
page ResearchGate, Taylor & Francis Online or JSTOR puts before an article it serves is no
article, and the article's fields come from its own first page, not from the platform's
record of it. Cases: tests/make_coversheet_cases.py (committed with its PDFs)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers.coversheet import cover_sheet_of, is_platform_stamp, platforms
from parsers.extract import build_issue, plan_issue
from parsers.textlayer import read_document

CASES = Path(__file__).parent / "coversheets"
TRUTH = json.loads((CASES / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def read():
    cache: dict[str, object] = {}

    def doc(kind: str):
        if kind not in cache:
            cache[kind] = read_document(CASES / f"{kind}.pdf", workers=1)
        return cache[kind]
    return doc


@pytest.mark.parametrize("kind", sorted(TRUTH["first_pdf_page"]))
def test_one_article_from_its_own_pages(read, kind):
    issue = build_issue(read(kind))
    truth = TRUTH["article"]
    assert len(issue.articles) == 1
    art = issue.articles[0]
    first = TRUTH["first_pdf_page"][kind]
    assert list(art.pdf_pages) == [first, first + 1]
    assert art.title.en == truth["title"]
    assert [c.name.en for c in art.contributors] == truth["authors"]
    assert art.abstract.en == truth["abstract"]
    assert list(art.keywords.en) == truth["keywords"]
    assert art.doi == truth["doi"]
    assert (art.fpage, art.lpage) == ("45", "46")
    # (nothing from a platform's page stamps: ResearchGate's last-page link, JSTOR's and SAGE's lines)
    assert len(art.citations) == 2 and not any(w in c.text for c in art.citations
                                               for w in ("publication stats", "downloaded", "All use"))
    assert art.received == ""
    # (nor from the lines a pre-proof, an author manuscript or SSRN sets on every page)
    assert not any(w in (art.title.en + art.abstract.en + " ".join(c.text for c in art.citations))
                   for w in ("Pre-proof", "Author manuscript", "Public Access", "ssrn.com", "personal copy",
                             "IEEE Xplore", "Further reproduction", "Access provided"))


@pytest.mark.parametrize("kind", sorted(TRUTH["platform"]))
def test_the_cover_sheet_is_named(read, kind):
    plan = plan_issue(read(kind))
    page = plan.infos[0]
    assert page.kind == "cover"
    assert any(TRUTH["platform"][kind] in e for e in page.evidence)
    assert 1 in plan.split.skipped


def test_an_article_that_prints_its_own_citation_is_no_cover_sheet(read):
    plan = plan_issue(read("plain"))
    assert plan.infos[0].kind != "cover"


def test_one_marker_is_not_enough():
    """Each platform needs `min` of its markers: one phrase an article might quote is none."""
    for platform in platforms():
        assert platform.min >= 2
        one = [platform.markers[0]]
        assert cover_sheet_of(one) is None


@pytest.mark.parametrize("lines, expected", [
    (["See discussions, stats, and author profiles for this publication at: https://www.researchgate.net/publication/1",
      "CITATIONS 3 READS 40"], "ResearchGate"),
    # text layers drop and add spaces: markers match with spaces ignored, in any case
    (["TolinktothisArticle: https://doi.org/10.1080/1", "SUBMIT YOUR ARTICLE TO THIS JOURNAL"], "Taylor & Francis Online"),
    (["To cite this article: A. Author (2019) Title, Journal, 1:2, 3-4"], None),
    (["Stable URL: http://www.jstor.org/stable/2345678", "JSTOR is a not-for-profit service that helps scholars"], "JSTOR"),
    (["Abstract", "We studied the soil of twelve meadows."], None),
])
def test_cover_sheet_of(lines, expected):
    assert cover_sheet_of(lines) == expected


@pytest.mark.parametrize("kind, words", [("stamped", "Downloaded from"), ("preproof", "Journal Pre-proof"),
                                         ("pmc", "Author manuscript"), ("ssrn", "Electronic copy"),
                                         ("personal", "personal copy"), ("ieee", "IEEE Xplore"),
                                         ("proquest", "Further reproduction")])
def test_a_page_stamp_is_left_out_and_said(read, kind, words):
    plan = plan_issue(read(kind))
    for page in plan.infos[1 if kind in TRUTH["platform"] else 0:]:
        assert not any(words in ln.text for ln in page.body + page.heads)
        assert any("download platform's stamp" in e for e in page.evidence)


@pytest.mark.parametrize("line, stamp", [
    ("Downloaded from https://academic.oup.com/dnaresearch/article/25/4/409/4975500 by guest on 20 August 2022", True),
    ("Downloaded by [University of Exeter] at 03:15 12 May 2012", True),
    ("This content downloaded from 130.209.6.61 on Thu, 01 Jan 2015 12:00:00 UTC", True),
    # Chinese databases: CNKI (as OCR reads it from a scan too, and its older copyright line),
    # VIP 维普, Wanfang 万方
    ("中国知网 https: // www. cnki. net", True),
    ("© 1994-2012 China Academic Journal Electronic Publishing House. All rights reserved. http://www.cnki.net", True),
    ("维普资讯 http://www.cqvip.com", True),
    # repositories and preprint servers: Elsevier's pre-proof head, an NIH author manuscript's, SSRN's foot
    ("Journal Pre-proof", True),
    ("ACCEPTED MANUSCRIPT", True),
    ("Accepted manuscript online: 12 May 2020", False),
    ("Nat Commun. Author manuscript; available in PMC 2021 March 04.", True),
    ("HHS Public Access", True),
    ("Electronic copy available at: http://ssrn.com/abstract=1234567", True),
    ("Published in final edited form as:", False),
    ("Author's personal copy", True),
    ("The author's personal copy of the letter", False),
    ("Authorized licensed use limited to: Univ of Exeter. Downloaded on May 05,2020 at 05:06:07 UTC from IEEE Xplore.",
     True),
    ("Reproduced with permission of the copyright owner. Further reproduction prohibited without permission.", True),
    ("[ Access provided at 5 May 2020 05:06 GMT from University of Exeter ]", True),
    ("Access provided by the funder in 2019, the data were", False),
    ("万方数据", True),
    ("中国科技论文在线 http://www.paper.edu.cn", True),
    ("龙源期刊网 http://www.qikan.com.cn", True),
    ("中国科技论文在线发表的论文表明", False),
    ("万方数据库检索表明，相关研究始于2005年", False),
    # a sentence of the article saying where its data came from is no stamp
    ("Downloaded from GenBank on 12 May 2019, the sequences were aligned", False),
    ("Downloaded from the archive, the data were cleaned on site in 2019", False),
    ("The data were downloaded from https://www.ncbi.nlm.nih.gov on 12 May 2019.", False),
])
def test_is_platform_stamp(line, stamp):
    assert is_platform_stamp(line) is stamp
