"""Link-check notes in JATS: the golden case's shape, printed text intact, refresh = rebuild.

The golden case `tests/golden/links` holds the expected bytes; these tests pin the rules
behind them (what is shown, what is left out, that an existing file can be brought up to
date without the journal settings it was built with).
"""
from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from schemas import jats, jats_links, xmlcheck
from schemas.model import issue_from_dict
from schemas.settings import load_settings
from schemas.write_xml import generate_issue_xml, refresh_link_notes

GOLDEN = Path(__file__).parent / "golden" / "links"
XLINK = "{http://www.w3.org/1999/xlink}"
SHARED_SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "schemas"


def case():
    issue = issue_from_dict(json.loads((GOLDEN / "issue.json").read_text(encoding="utf-8")))
    return issue, load_settings(GOLDEN / "journal.toml")


def links_doc() -> dict:
    return json.loads((GOLDEN / "links.json").read_text(encoding="utf-8"))


def build(notes=None) -> etree._Element:
    issue, settings = case()
    return jats.build_article(issue, issue.articles[0], settings, links=notes).getroot()


def printed(cit: etree._Element) -> str:
    """The citation's text without the tool's notes."""
    cit = copy.deepcopy(cit)
    jats_links.strip_notes(cit)
    return "".join(cit.itertext())


def test_notes_follow_their_url_and_carry_verdict_date_and_archive() -> None:
    root = build(jats_links.notes_from_links(links_doc()))
    refs = {r.get("id"): r.find("mixed-citation") for r in root.iter("ref")}
    note = refs["ref1"].find("comment")
    assert note.get("content-type") == "link-check"
    assert note.getprevious().tag == "ext-link" and not note.getprevious().get("specific-use")
    assert note.findtext("named-content[@content-type='link-verdict']") == "dead"
    assert note.findtext("named-content[@content-type='check-date']") == "2026-11-27"
    arch = note.find("ext-link[@specific-use='archived-copy']")
    assert arch.get(XLINK + "href").startswith("https://web.archive.org/web/20230302081500/")
    assert "archived copy 2023-03-02" in "".join(note.itertext())
    # redirected: where it went; dead? keeps its question mark
    assert "now at https://www.mofa.go.jp/erp/" in "".join(refs["ref3"].find("comment").itertext())
    assert refs["ref5"].findtext("comment/named-content[@content-type='link-verdict']") == "dead?"
    # unknown (offline) says nothing about the link: no note
    assert refs["ref4"].find("comment") is None
    # the access date stays where it was printed
    assert refs["ref1"].find("date-in-citation").get("iso-8601-date") == "2023-03-01"


def test_printed_text_is_the_citation_without_notes() -> None:
    plain = {r.get("id"): "".join(r.find("mixed-citation").itertext()) for r in build().iter("ref")}
    noted = {r.get("id"): printed(r.find("mixed-citation"))
             for r in build(jats_links.notes_from_links(links_doc())).iter("ref")}
    assert noted == plain
    assert "checked" not in "".join(plain.values())


def test_strip_gives_back_the_tree_built_without_links() -> None:
    root = build(jats_links.notes_from_links(links_doc()))
    assert jats_links.strip_notes(root) == 4
    assert xmlcheck.serialize(root) == xmlcheck.serialize(build())


def test_new_results_replace_old_ones() -> None:
    doc = links_doc()
    root = build(jats_links.notes_from_links(doc))
    doc["links"][0].update(verdict="ok", http_status=200, archive=None)
    new = jats_links.notes_from_links(doc)
    jats_links.add_notes(root, new)
    assert xmlcheck.serialize(root) == xmlcheck.serialize(build(new))
    first = next(root.iter("comment"))
    assert first.findtext("named-content[@content-type='link-verdict']") == "ok"
    assert first.find("ext-link") is None


def test_missing_or_broken_links_json_means_no_notes(tmp_path: Path) -> None:
    assert jats_links.load_notes(tmp_path) == {}
    (tmp_path / "links.json").write_text("{not json", encoding="utf-8")
    assert jats_links.load_notes(tmp_path) == {}


# ------------------------------------------------------------------- issue folders


def issue_folder(tmp_path: Path, with_links: bool) -> Path:
    folder = tmp_path / "issue"
    folder.mkdir()
    shutil.copy(GOLDEN / "issue.json", folder / "issue.json")
    if with_links:
        shutil.copy(GOLDEN / "links.json", folder / "links.json")
    return folder


def expected_bytes() -> bytes:
    return (GOLDEN / "expected" / "articles" / "a004" / "article.xml").read_bytes()


def test_generate_issue_xml_reads_links_json(tmp_path: Path) -> None:
    folder = issue_folder(tmp_path, with_links=True)
    _, settings = case()
    result = generate_issue_xml(folder, settings, timestamp=1, schemas_dir=False)
    target = folder / "articles" / "a004" / "article.xml"
    assert target in result.written
    assert target.read_bytes() == expected_bytes()


def test_refresh_brings_an_existing_file_to_the_golden_bytes(tmp_path: Path) -> None:
    folder = issue_folder(tmp_path, with_links=False)
    _, settings = case()
    generate_issue_xml(folder, settings, timestamp=1, schemas_dir=False)
    target = folder / "articles" / "a004" / "article.xml"
    assert b"link-check" not in target.read_bytes()
    shutil.copy(GOLDEN / "links.json", folder / "links.json")
    result = refresh_link_notes(folder, schemas_dir=False)  # no journal settings needed
    assert result.written == [target] and not result.errors
    assert target.read_bytes() == expected_bytes()
    again = refresh_link_notes(folder, schemas_dir=False)
    assert again.written == [] and not again.errors  # unchanged: not rewritten
    assert not list(target.parent.glob(".*.tmp")) and not list(target.parent.glob("*.tmp"))


def test_refresh_validates_before_replacing(tmp_path: Path) -> None:
    if not (SHARED_SCHEMAS / xmlcheck.SCHEMA_FILES["jats-1.3"]).is_file():
        pytest.skip("official schemas not available at ../shared/schemas")
    folder = issue_folder(tmp_path, with_links=True)
    target = folder / "articles" / "a004" / "article.xml"
    target.parent.mkdir(parents=True)
    root = build()
    root.find("front/article-meta").insert(0, etree.Element("not-jats"))  # already invalid
    target.write_bytes(xmlcheck.serialize(root))
    before = target.read_bytes()
    result = refresh_link_notes(folder, schemas_dir=SHARED_SCHEMAS)
    assert result.validated and result.written == []
    assert len(result.errors) == 1 and "not-jats" in result.errors[0]
    assert target.read_bytes() == before  # an invalid file never replaces the old one


def test_an_offline_recheck_keeps_the_previous_note() -> None:
    doc = links_doc()
    root = build(jats_links.notes_from_links(doc))
    for link in doc["links"]:
        link.update(verdict="unknown", http_status=None, archive=None)
    jats_links.add_notes(root, jats_links.notes_from_links(doc))
    verdicts = [c.findtext("named-content[@content-type='link-verdict']")
                for c in root.iter("comment")]
    assert verdicts == ["dead", "ok", "redirected", "dead?"]  # nothing learnt, nothing lost
    # built afresh from such a links.json: no notes at all
    assert build(jats_links.notes_from_links(doc)).find(".//comment") is None
