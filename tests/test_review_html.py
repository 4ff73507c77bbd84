"""The review page's HTML: escaping, languages, self-containment, highlighted warnings."""
from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from review.html import CSP, build_page
from review.report import REPORT_NAME, gather, write_review_report
from tests.review_support import check_links_locally, copy_issue

EVIL = '<script>alert("x")</script> & </title><img src=x onerror=alert(1)>'


pytestmark = pytest.mark.usefixtures("no_proxy_env", "no_ledger_env")


def _page(issue: Path) -> lxml.html.HtmlElement:
    raw = (write_review_report(issue)).read_bytes()
    return lxml.html.document_fromstring(raw)


def _edit(issue: Path, change) -> None:
    path = issue / "issue.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_markup_in_record_values_is_text_not_markup(review_copy: Path) -> None:
    def change(data):
        art = data["articles"][1]
        art["title"]["zh"] = EVIL
        art["contributors"][0]["affiliation"] = EVIL
        art["citations"][0]["text"] = EVIL
        art["citations"][0]["urls"] = ["javascript:alert(1)"]
        art["keywords"]["en"] = [EVIL]
    _edit(review_copy, change)
    raw = write_review_report(review_copy).read_bytes().decode("utf-8")
    assert "<script" not in raw and "<img src=x" not in raw and "</title><img" not in raw
    assert "&lt;script&gt;alert" in raw
    doc = lxml.html.document_fromstring(raw)
    assert not doc.xpath("//script") and not doc.xpath("//img[@src='x']")
    assert not doc.xpath("//@onerror")
    section = doc.get_element_by_id("a02")
    assert section.xpath("string(.//h2)").endswith(EVIL)  # shown exactly as printed
    assert section.text_content().count(EVIL) >= 4  # title, affiliation, citation, keyword
    assert not doc.xpath("//a[starts-with(@href, 'javascript:')]")  # not a link, only text
    assert "javascript:alert(1)" in section.text_content()


def test_page_is_self_contained(review_issue: Path) -> None:
    doc = _page(copy_issue(review_issue, review_issue.parent / "copy-selfcontained"))
    assert not doc.xpath("//script | //iframe | //object | //embed | //link[@rel='stylesheet'] | //base")
    assert all(src.startswith("data:") for src in doc.xpath("//@src"))
    assert doc.xpath("//link[@rel='icon']/@href") == ["data:,"]  # no /favicon.ico request
    assert doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content") == [CSP]
    assert "url(" not in "".join(doc.xpath("//style/text()"))  # no fonts or images from CSS
    assert not [h for h in doc.xpath("//a/@href") if not h.startswith(("#", "http://", "https://"))]


def test_charset_and_languages(review_issue: Path) -> None:
    raw = write_review_report(copy_issue(review_issue, review_issue.parent / "copy-lang")).read_bytes()
    assert raw.startswith(b"<!DOCTYPE html>") and b'<meta charset="utf-8">' in raw[:200]
    doc = lxml.html.document_fromstring(raw)
    assert doc.get("lang") == "en"
    a02 = doc.get_element_by_id("a02")
    zh = a02.xpath(".//*[@lang='zh']/text()")
    en = a02.xpath(".//*[@lang='en']/text()")
    assert "乌克兰危机下日本与北约的战略合作" in zh
    assert "Japan–NATO Strategic Coordination under the Ukraine Crisis" in en
    assert "Chen Jingjing" in en  # pinyin marked as Latin text
    ja = a02.xpath(".//ol[@class='citations']//*[@lang='ja']/text()")
    assert any("外務省" in t for t in ja)  # Japanese citations are tagged ja, not zh


def test_summary_counts_and_article_sections(review_issue: Path) -> None:
    review_copy = copy_issue(review_issue, review_issue.parent / "copy-summary")
    data = gather(review_copy)
    doc = lxml.html.document_fromstring(build_page(data))
    sections = doc.xpath("//section[@class='article']")
    assert [s.get("id") for s in sections] == [v.article.id for v in data.articles]
    assert doc.xpath("//a/@href")[:5] == [f"#{v.article.id}" for v in data.articles]
    facts = {tr.xpath("string(th)"): tr.xpath("string(td)") for tr in doc.xpath("//table[1]/tr")}
    assert facts["Articles"] == "5" and facts["Warnings"] == "1"
    assert facts["Citations / URLs"] == f"{data.citation_count} / {data.url_count}"
    assert "Not checked (no links.json)" in doc.text_content()
    assert "not deposited" in doc.xpath("string(//section[@id='a02']//dd[span/span[@class='state s-none']])")
    assert "no DOI" in doc.xpath("string(//section[@id='a01'])")


def test_warnings_are_highlighted_with_their_field(review_issue: Path) -> None:
    doc = _page(copy_issue(review_issue, review_issue.parent / "copy-warn"))
    a05 = doc.get_element_by_id("a05")
    [warning] = a05.xpath(".//li[@class='warning']")
    assert "article-no-page-count" in warning.text_content() and "gives 6 pages" in warning.text_content()
    flagged = a05.xpath(".//dd[contains(@class, 'flagged')]")
    # the 文章编号 and the pages disagree: both are marked, the pages as a field to check
    assert [d.text_content() for d in flagged] == ["2095-3453(2023)06-0059-06", "pp. 59–61, PDF p. 21–23"]
    unsure = [li.text_content() for li in a05.xpath(".//li[@class='uncertain']")]
    assert unsure and all("page count disagrees" in u for u in unsure)
    assert {u.split()[1] for u in unsure} == {"lpage", "pdf_pages"}
    assert doc.get_element_by_id("a02").xpath("string(.//p[@class='ok-line'])") == "No warnings."


def test_link_verdicts_and_archive_links_in_the_page(review_copy: Path, tmp_path: Path) -> None:
    check_links_locally(review_copy, tmp_path / "cache.sqlite")
    doc = _page(review_copy)
    verdicts = doc.xpath("//ol[@class='citations']//span[contains(@class, 'verdict')]/text()")
    assert {"ok", "dead?", "redirected"} <= set(verdicts)
    dead = doc.xpath("//ol[@class='citations']//span[@class='verdict v-dead-pending']")[0].getparent()
    assert dead.xpath(".//a[text()='archived copy']/@href")[0].startswith("http://127.0.0.1/web/2023")
    summary = {tr.xpath("string(td[1])"): tr.xpath("string(td[2])")
               for tr in doc.xpath("//h2[text()='Cited links']/following-sibling::table[1]/tr")}
    assert summary["dead?"] == str(verdicts.count("dead?")) and summary["ok"] == str(verdicts.count("ok"))
    opened = doc.xpath("//section[@class='article']/details[@open]/summary/text()")
    assert opened and all("not ok" in s for s in opened)  # citations with problems start unfolded


def test_missing_pdf_placeholder_in_the_page(review_copy: Path) -> None:
    (review_copy / "articles" / "a04" / "article.pdf").unlink()
    doc = _page(review_copy)
    a04 = doc.get_element_by_id("a04")
    assert not a04.xpath(".//img") and a04.xpath(".//div[@class='page placeholder']")
    assert "page-image" in a04.xpath("string(.//ul[@class='warnings'])")
    assert len(doc.xpath("//section//figure/img")) == 4


def test_report_size_for_the_sample_issue(review_issue: Path) -> None:
    path = write_review_report(copy_issue(review_issue, review_issue.parent / "copy-size"))
    assert path.name == REPORT_NAME and 50_000 < path.stat().st_size < 400_000


def test_unreadable_inputs_show_as_issue_warnings(review_copy: Path) -> None:
    (review_copy / "links.json").write_text("{not json", encoding="utf-8")
    ledger = review_copy.parent / "deposit-ledger.sqlite3"  # where `deposit` keeps it by default
    ledger.write_bytes(b"not a database" * 64)
    doc = _page(review_copy)
    issue_warnings = doc.xpath("//h2[text()='Issue warnings']/following-sibling::ul[1]/li[@class='warning']")
    texts = [li.text_content() for li in issue_warnings]
    assert any("links.json" in t and "unreadable" in t for t in texts)
    assert any("deposit ledger unreadable" in t for t in texts)


def test_deposit_state_badges_from_the_ledger(review_copy: Path) -> None:
    from deposit.ledger import SqliteLedger
    from schemas.record import read_record

    issue = read_record(review_copy / "issue.json")
    a02 = next(a for a in issue.articles if a.id == "a02")
    ledger = SqliteLedger(review_copy.parent / "deposit-ledger.sqlite3")
    ledger.sync_batch("test", issue.issue_id, [(a02.doi, "h")])
    ledger.record_submission(file_name="c1.xml", issue_id=issue.issue_id, endpoint="test",
                             base_url="http://127.0.0.1", doi_batch_id="b", batch_timestamp=1,
                             sha256="1" * 64, approver="editor", records=[(a02.doi, "h")])
    ledger.close()
    doc = _page(review_copy)
    badge = doc.get_element_by_id("a02").xpath(".//span[contains(@class, 'state ')]")
    assert [(b.text, b.get("class")) for b in badge] == [("test: submitted", "state s-submitted")]
    assert "Last submission: c1.xml to test: recorded" in doc.text_content()
    assert doc.get_element_by_id("a03").xpath("string(.//span[contains(@class, 'state ')])") == "not deposited"
