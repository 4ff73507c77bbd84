"""Link checks and JATS together: ingest checks links before writing XML, `journal-ingest
links` brings the JATS notes up to date after a re-check, `journal-ingest xml` reads
links.json. Cited hosts are `LocalServer`s on loopback; no archive is asked.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from checks.links import LinkSettings
from checks.testserver import LocalServer, Reply
from flows.extras import after_extract_hook
from schemas.model import issue_from_dict

GOLDEN = Path(__file__).parent / "golden" / "links"
JOURNAL = GOLDEN / "journal.toml"


pytestmark = pytest.mark.usefixtures("no_proxy_env")


@pytest.fixture
def site():
    with LocalServer("127.0.0.3", {"/ok": Reply(), "/gone": Reply(404)}) as srv:
        yield srv


def local_issue(folder: Path, site: LocalServer) -> dict:
    """The golden record with its first two citations pointing at the local site."""
    data = json.loads((GOLDEN / "issue.json").read_text(encoding="utf-8"))
    cits = data["articles"][0]["citations"]
    for cit, path in zip(cits, ("/ok", "/gone")):
        old, new = cit["urls"][0], site.url(path)
        cit["urls"], cit["text"] = [new], cit["text"].replace(old, new)
    data["articles"][0]["citations"] = cits[:2]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "issue.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data


def verdicts_in(xml: Path) -> list[str]:
    from lxml import etree

    root = etree.parse(str(xml)).getroot()
    return [c.findtext("named-content[@content-type='link-verdict']")
            for c in root.iter("comment") if c.get("content-type") == "link-check"]


def cli(*argv: str) -> int:
    from cli.main import main

    return main(list(argv))


def link_args(tmp_path: Path) -> list[str]:
    return ["--cache", str(tmp_path / "c.sqlite"), "--no-archive", "--min-gap", "0",
            "--timeout", "2", "-q"]


def test_ingest_hook_checks_links_before_writing_xml(tmp_path, site):
    staging = tmp_path / ".staging"
    issue = issue_from_dict(local_issue(staging, site))
    settings = LinkSettings(cache_path=tmp_path / "c.sqlite", archive_endpoint=None, min_gap=0)
    hook = after_extract_hook(JOURNAL, links=True, schemas=False, link_settings=settings)
    hook(staging, issue)
    assert (staging / "links.json").is_file()
    assert verdicts_in(staging / "articles" / "a004" / "article.xml") == ["ok", "dead?"]


def test_ingest_hook_without_links_writes_plain_xml(tmp_path, site):
    staging = tmp_path / ".staging"
    issue = issue_from_dict(local_issue(staging, site))
    after_extract_hook(JOURNAL, links=False, schemas=False)(staging, issue)
    assert not (staging / "links.json").exists()
    assert verdicts_in(staging / "articles" / "a004" / "article.xml") == []
    assert site.log == []


def test_links_command_updates_the_jats_of_the_issue(tmp_path, site, capsys):
    folder = tmp_path / "out" / "issue"
    local_issue(folder, site)
    assert cli("xml", str(folder), "--journal", str(JOURNAL), "--timestamp", "1") == 0
    xml = folder / "articles" / "a004" / "article.xml"
    assert verdicts_in(xml) == []
    assert cli("links", str(folder), *link_args(tmp_path)) == 0
    assert f"updated {xml}" in capsys.readouterr().out
    assert verdicts_in(xml) == ["ok", "dead?"]
    # the site recovers; a re-check replaces the notes, it does not add to them
    site.routes["/gone"] = Reply()
    assert cli("links", str(folder), *link_args(tmp_path)) == 0
    assert verdicts_in(xml) == ["ok", "ok"]
    # and `journal-ingest xml` rebuilds the same file from issue.json + links.json
    before = xml.read_bytes()
    assert cli("xml", str(folder), "--journal", str(JOURNAL), "--timestamp", "1") == 0
    assert xml.read_bytes() == before


def test_links_command_no_xml_leaves_the_jats_alone(tmp_path, site, capsys):
    folder = tmp_path / "issue"
    local_issue(folder, site)
    assert cli("xml", str(folder), "--journal", str(JOURNAL), "--timestamp", "1") == 0
    xml = folder / "articles" / "a004" / "article.xml"
    before = xml.read_bytes()
    assert cli("links", str(folder), *link_args(tmp_path), "--no-xml") == 0
    assert (folder / "links.json").is_file() and xml.read_bytes() == before
    assert "updated" not in capsys.readouterr().out


def test_links_command_without_jats_files_says_so(tmp_path, site, capsys):
    folder = tmp_path / "issue"
    local_issue(folder, site)
    assert cli("links", str(folder), *link_args(tmp_path)) == 0
    assert "no JATS files to update" in capsys.readouterr().out


def test_links_command_archive_api_option(tmp_path, site, httpserver):
    folder = tmp_path / "issue"
    local_issue(folder, site)
    httpserver.expect_request("/cdx/search/cdx").respond_with_json([])
    args = [a for a in link_args(tmp_path) if a != "--no-archive"]
    assert cli("links", str(folder), *args, "--archive", httpserver.url_for("/").rstrip("/"),
               "--archive-api", "cdx", "--no-xml") == 0
    assert len(httpserver.log) == 2  # both URLs asked through the CDX API
    doc = json.loads((folder / "links.json").read_text(encoding="utf-8"))
    assert doc["settings"]["archive_api"] == "cdx"


def test_each_citation_gets_the_copy_nearest_its_own_access_date():
    from lxml import etree

    from schemas.jats_links import XLINK, add_notes, notes_from_links

    url = "https://www.gone-journal.standin/vol3/paper12.html"
    root = etree.Element("ref-list")
    for day in ("2019-07-01", "2021-04-01"):
        cit = etree.SubElement(etree.SubElement(root, "ref"), "mixed-citation")
        link = etree.SubElement(cit, "ext-link")
        link.set(f"{{{XLINK}}}href", url)
        link.text = url
        d = etree.SubElement(cit, "date-in-citation")
        d.set("content-type", "access-date")
        d.set("iso-8601-date", day)
    arch = {"2019-07-01": {"url": f"https://a.standin/web/20190611080000/{url}",
                           "timestamp": "20190611080000", "distance_days": 20},
            "2021-04-01": {"url": f"https://a.standin/web/20210302101500/{url}",
                           "timestamp": "20210302101500", "distance_days": 30}}
    doc = {"links": [{"url": url, "verdict": "dead?", "checked_at": "2026-11-27T12:00:00Z",
                      "http_status": None, "archive": arch["2019-07-01"], "archives": arch}]}
    assert add_notes(root, notes_from_links(doc)) == 2
    copies = [el.get(f"{{{XLINK}}}href") for el in root.iter("ext-link")
              if el.get("specific-use") == "archived-copy"]
    assert copies == [arch["2019-07-01"]["url"], arch["2021-04-01"]["url"]]


def test_links_command_rewrites_the_review_report(tmp_path, site, capsys):
    """report.html said "not checked" until someone ran `journal-ingest report` again."""
    folder = tmp_path / "issue"
    local_issue(folder, site)
    assert cli("report", str(folder)) == 0
    assert "no links.json" in (folder / "report.html").read_text(encoding="utf-8")
    assert cli("links", str(folder), *link_args(tmp_path), "--no-xml") == 0
    report = (folder / "report.html").read_text(encoding="utf-8")
    assert "no links.json" not in report and "with an archived copy; checked" in report
    assert f"wrote {folder / 'report.html'}" in capsys.readouterr().out
