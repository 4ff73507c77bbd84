"""Crossref 5.3.1 deposit per issue: golden files, regions, timestamps, negative records."""
from __future__ import annotations

import dataclasses
import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from parsers.errors import SchemaInvalid
from schemas import crossref, xmlcheck
from schemas.model import Citation, LangText, issue_from_dict
from schemas.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "issue.json").is_file())
SHARED_SCHEMAS = ROOT.parent / "shared" / "schemas"
TIMESTAMP = 20240601120000000
CR = "{http://www.crossref.org/schema/5.3.1}"
JATS1 = "{http://www.ncbi.nlm.nih.gov/JATS1}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="session")
def schema_dir() -> Path:
    """../shared/schemas, with the Crossref schema compiled once for the session."""
    if not (SHARED_SCHEMAS / xmlcheck.SCHEMA_FILES["crossref-5.3.1"]).is_file():
        pytest.skip("official schemas not available at ../shared/schemas")
    xmlcheck.load_schema("crossref-5.3.1", SHARED_SCHEMAS)
    return SHARED_SCHEMAS


def load_case(name: str):
    data = json.loads((GOLDEN / name / "issue.json").read_text(encoding="utf-8"))
    return issue_from_dict(data), load_settings(GOLDEN / name / "journal.toml")


def build(issue, settings, ts: int = TIMESTAMP) -> crossref.Deposit:
    return crossref.build_deposit(issue, settings, timestamp=ts)


def assert_valid(tree, schema_dir: Path) -> None:
    report = xmlcheck.validate(xmlcheck.reparse(tree), kind="crossref-5.3.1", schema_dir=schema_dir)
    assert report.ok, "\n".join(map(str, report.problems))


def canonical(data: bytes) -> str:
    return etree.canonicalize(etree.ElementTree(etree.fromstring(data)))


def f(tag: str) -> str:
    """A Crossref path: 'a/b' -> '{ns}a/{ns}b'."""
    return "/".join(CR + part for part in tag.split("/"))


# ------------------------------------------------------------------------ golden


@pytest.mark.parametrize("case", CASES)
def test_golden_deposit(case: str, schema_dir: Path) -> None:
    issue, settings = load_case(case)
    deposit = build(issue, settings)
    assert_valid(deposit.tree, schema_dir)
    data = xmlcheck.serialize(deposit.tree)
    expected = GOLDEN / case / "expected" / "crossref.xml"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(data)
    assert expected.is_file(), f"missing golden file {expected} (run with UPDATE_GOLDEN=1)"
    assert canonical(data) == canonical(expected.read_bytes())


# ----------------------------------------------------------------------- regions


def test_seed_deposit_regions() -> None:
    issue, settings = load_case("seed")
    root = build(issue, settings).tree.getroot()
    assert root.get("version") == "5.3.1"
    assert root.findtext(f("head/timestamp")) == str(TIMESTAMP)
    assert root.findtext(f("head/doi_batch_id")) == f"2095-3453-2023-6-{TIMESTAMP}"
    assert root.findtext(f("head/depositor/email_address")) == "editor@dbyxk.example.org"
    article = root.find(f("body/journal/journal_article"))
    assert [t.text for t in article.findall(f("titles/title"))] == [
        "乌克兰危机下日本与北约的战略合作", "Japan–NATO Strategic Coordination under the Ukraine Crisis"]
    person = article.find(f("contributors/person_name"))
    assert (person.get("name-style"), person.get("language"), person.get("sequence")) == ("eastern", "zh", "first")
    assert (person.findtext(f("surname")), person.findtext(f("given_name"))) == ("陈", "静静")
    alt = person.find(f("alt-name/name"))
    assert (alt.get("name-style"), alt.findtext(f("surname")), alt.findtext(f("given_name"))) == (
        "western", "Chen", "Jingjing")
    assert person.findtext(f("affiliations/institution/institution_name")) == "中国社会科学院日本研究所外交研究室"
    assert [a.get(LANG) for a in article.findall(JATS1 + "abstract")] == ["zh", "en"]
    assert (article.findtext(f("pages/first_page")), article.findtext(f("pages/last_page"))) == ("43", "54")
    assert article.findtext(f("doi_data/doi")) == "10.19498/j.cnki.dbyxk.2023.06.004"
    assert article.findtext(f("doi_data/resource")) == (
        "https://dbyxk.example.org/article/10.19498/j.cnki.dbyxk.2023.06.004")
    keys = [c.get("key") for c in article.findall(f("citation_list/citation"))]
    assert keys == [f"ref{n}" for n in range(1, 7)]
    assert "topics_50336" in article.findtext(f("citation_list/citation/unstructured_citation"))


def test_articles_without_doi_are_left_out_with_a_warning() -> None:
    issue, settings = load_case("multi")
    deposit = build(issue, settings)
    assert deposit.included == ["a001", "a003"]
    assert any("a002" in w and "no DOI" in w for w in deposit.warnings)
    dois = [d.text for d in deposit.tree.getroot().iter(CR + "doi") if d.getparent().tag == CR + "doi_data"]
    assert dois == ["10.12345/jes.2024.03.001", "10.12345/jes.2024.03.003"]


def test_multi_regions() -> None:
    issue, settings = load_case("multi")
    root = build(issue, settings).tree.getroot()
    meta = root.find(f("body/journal/journal_metadata"))
    assert [t.text for t in meta.findall(f("full_title"))] == ["示例研究", "Journal of Example Studies"]
    assert [(i.get("media_type"), i.text) for i in meta.findall(f("issn"))] == [
        ("print", "1234-5679"), ("electronic", "2049-3630")]
    assert root.findtext(f("body/journal/journal_issue/journal_volume/volume")) == "42"
    a1, a3 = root.findall(f("body/journal/journal_article"))
    people = a1.findall(f("contributors/person_name"))
    assert [p.get("sequence") for p in people] == ["first", "additional"]
    assert len(people[0].findall(f("affiliations/institution"))) == 2
    assert people[0].findtext(f("ORCID")) == "https://orcid.org/0000-0002-1825-0097"
    assert a1.findtext(f("citation_list/citation/doi")) == "10.11821/dlxb201905002"
    assert a1.findtext(f("doi_data/resource")) == "https://journal.example.org/2024/3/a001"
    # English article: English title first, Latin name primary without an alt-name
    assert a3.get("language") == "en"
    assert a3.findtext(f("titles/title")).startswith("River Basin")
    smith = a3.find(f("contributors/person_name"))
    assert (smith.get("name-style"), smith.findtext(f("surname"))) == ("western", "Smith")
    assert smith.find(f("alt-name")) is None


# -------------------------------------------------------------------- timestamps


def test_timestamp_format() -> None:
    ts = crossref.make_timestamp(datetime(2024, 6, 1, 12, 0, 0, 123456, tzinfo=timezone.utc))
    assert ts == 20240601120000123


def test_timestamp_increases_past_a_previous_deposit(tmp_path: Path) -> None:
    issue, settings = load_case("seed")
    previous = tmp_path / "crossref.xml"
    future = 29991231235959999
    previous.write_bytes(xmlcheck.serialize(build(issue, settings, ts=future).tree))
    assert crossref.read_timestamp(previous) == future
    assert crossref.next_timestamp(previous) == future + 1
    assert crossref.next_timestamp(tmp_path / "missing.xml") < future


# --------------------------------------------------------------- negative records


def problems_of(issue, settings) -> str:
    with pytest.raises(SchemaInvalid) as info:
        build(issue, settings)
    return str(info.value)


def test_doi_without_prefix_is_a_clear_error() -> None:
    issue, settings = load_case("seed")
    issue.articles[0].doi = "j.cnki.dbyxk.2023.06.004"
    message = problems_of(issue, settings)
    assert "has no prefix" in message and "10.19498/j.cnki.dbyxk.2023.06.004" in message


def test_doi_with_another_prefix_is_a_clear_error() -> None:
    issue, settings = load_case("multi")
    issue.articles[2].doi = "10.99999/jes.2024.03.003"
    assert "does not start with the journal's prefix 10.12345/" in problems_of(issue, settings)


def test_bad_issn_is_a_clear_error() -> None:
    issue, settings = load_case("seed")
    issue.journal.issn = "2095-345X"
    assert "check digit" in problems_of(issue, settings)


def test_empty_title_is_a_clear_error() -> None:
    issue, settings = load_case("seed")
    issue.articles[0].title = LangText("", "")
    assert "empty title" in problems_of(issue, settings)


def test_missing_settings_are_listed_together() -> None:
    issue, settings = load_case("seed")
    settings = dataclasses.replace(settings, depositor_email="nobody", url_pattern="", registrant="", publisher="")
    message = problems_of(issue, settings)
    for part in ("depositor_email", "url_pattern", "registrant"):
        assert part in message


def test_unknown_url_pattern_field_is_reported() -> None:
    issue, settings = load_case("seed")
    settings.url_pattern = "https://x.example/{nonsense}"
    assert "cannot fill" in problems_of(issue, settings)


def test_markup_and_control_characters_in_a_title(schema_dir: Path) -> None:
    issue, settings = load_case("seed")
    article = issue.articles[0]
    article.title.en = "Japan <i>&</i> NATO\x0b under\x00 the Crisis"
    article.citations.append(Citation(7, "A <b>bold</b> & odd\x1f citation, doi:10.1000/abc.def.", [], ""))
    deposit = build(issue, settings)
    assert any("control characters" in w for w in deposit.warnings)
    data = xmlcheck.serialize(deposit.tree)
    assert b"Japan &lt;i&gt;&amp;&lt;/i&gt; NATO under the Crisis" in data
    assert_valid(deposit.tree, schema_dir)
    root = etree.fromstring(data)
    titles = [t.text for t in root.iter(CR + "title")]
    assert "Japan <i>&</i> NATO under the Crisis" in titles
    last = root.findall(f("body/journal/journal_article/citation_list/citation"))[-1]
    assert last.findtext(CR + "doi") == "10.1000/abc.def"


def test_no_article_with_doi_is_an_error() -> None:
    issue, settings = load_case("seed")
    issue.articles[0].doi = ""
    assert "nothing to deposit" in problems_of(issue, settings)


# ------------------------------------------------------------------ funding, licence, notes

FR = "{http://www.crossref.org/fundref.xsd}"
AI = "{http://www.crossref.org/AccessIndicators.xsd}"


@pytest.mark.parametrize("note, want", [
    ("国家社会科学基金一般项目“乌克兰危机背景下日本安全战略转型研究”（23BGJ041）",
     [("国家社会科学基金", ["23BGJ041"], "乌克兰危机背景下日本安全战略转型研究")]),
    ("国家自然科学基金重点基金资助项目(52130702)；中国博士后科学基金资助项目(2021M690001)",
     [("国家自然科学基金重点基金", ["52130702"], ""), ("中国博士后科学基金", ["2021M690001"], "")]),
    ("本研究是教育部人文社科研究青年基金项目“教育影响城镇居民健康的中介机制研究”(19YJC880001)的阶段性成果。",
     [("教育部人文社科研究青年基金", ["19YJC880001"], "教育影响城镇居民健康的中介机制研究")]),
    ("国家自然科学基金项目（71874001、72074002），北京市社会科学基金项目（20JJC001）",
     [("国家自然科学基金", ["71874001", "72074002"], ""), ("北京市社会科学基金", ["20JJC001"], "")]),
    ("This work was supported by the National Natural Science Foundation of China (Grant No. 12345, 67890)",
     [("National Natural Science Foundation of China", ["12345", "67890"], "")]),
    ("中国电科院科技人才专项项目“基于等效特征的配电变压器物理缺陷早期风险评价技术研究”(SZ83-25-003)",
     [("中国电科院科技人才专项项目", ["SZ83-25-003"], "基于等效特征的配电变压器物理缺陷早期风险评价技术研究")]),
    ("中国博士后科学基金资助项目", [("中国博士后科学基金", [], "")]),  # no number: the funder alone
    ("（23BGJ041）", []),  # a number with no funder: statement only
])
def test_funding_notes_give_funders_and_award_numbers(note, want):
    from schemas.funding import parse_funding

    assert [(a.funder, a.numbers, a.title) for a in parse_funding(note)] == want


def test_funding_is_deposited_as_fundref_fundgroups(schema_dir):
    issue, settings = load_case("multi")
    tree = build(issue, settings).tree
    assert_valid(tree, schema_dir)
    article = tree.getroot().find(f"{CR}body/{CR}journal/{CR}journal_article")
    program = article.find(f"{FR}program")
    assert program.get("name") == "fundref"
    groups = [[(a.get("name"), a.text) for a in g] for g in program.findall(f"{FR}assertion")]
    assert groups == [[("funder_name", "国家社会科学基金"), ("award_number", "23BGL001")],
                      [("funder_name", "国家自然科学基金青年科学基金"), ("award_number", "42001234"),
                       ("award_number", "42101234")]]
    # the schema's order: pages, fr:program, ai:program, doi_data
    tags = [etree.QName(el).localname for el in article]
    assert tags.index("pages") < tags.index("program") < tags.index("doi_data")


def test_license_url_is_a_license_ref_for_the_version_of_record(schema_dir):
    issue, settings = load_case("multi")
    refs = build(issue, settings).tree.getroot().findall(f".//{AI}program/{AI}license_ref")
    assert [(r.get("applies_to"), r.text) for r in refs] == [("vor", "https://creativecommons.org/licenses/by/4.0/")] * 2
    issue, settings = load_case("seed")  # no license_url: no ai:program
    assert build(issue, settings).tree.getroot().find(f".//{AI}program") is None


def test_a_license_url_that_is_not_a_url_is_refused():
    issue, settings = load_case("multi")
    with pytest.raises(SchemaInvalid, match="license_url"):
        build(issue, dataclasses.replace(settings, license_url="CC BY 4.0"))


def test_explanatory_notes_are_not_deposited_as_references(schema_dir):
    """Only notes that cite something go into citation_list (rule: schemas.jats.cites_something);
    the JATS keeps every note as printed."""
    issue, settings = load_case("multi")
    keys = [c.get("key") for c in build(issue, settings).tree.getroot().iter(f"{CR}citation")]
    assert keys == ["ref1", "ref2", "ref3", "ref4", "ref5"]  # ref6 explains a word, cites nothing


def test_a_municipality_is_the_institution_place():
    issue, settings = load_case("multi")
    places = [p.text for p in build(issue, settings).tree.getroot().iter(f"{CR}institution_place")]
    assert "北京市" in places and "海淀区" not in places


def test_an_article_number_is_deposited_as_an_article_number_item(schema_dir):
    """A continuous-publication article has no page range: its number goes in
    publisher_item/item_number (type article_number), after pages, before the fundref
    program and doi_data, as crossref5.3.1.xsd orders them; an article without one has none."""
    issue, settings = load_case("multi")
    issue.articles[0].fpage = issue.articles[0].lpage = ""
    issue.articles[0].elocation = "e0115884"
    tree = build(issue, settings).tree
    assert_valid(tree, schema_dir)
    first, *rest = tree.getroot().findall(f"{CR}body/{CR}journal/{CR}journal_article")
    item = first.find(f"{CR}publisher_item/{CR}item_number")
    assert (item.text, item.get("item_number_type")) == ("e0115884", "article_number")
    assert first.find(f"{CR}pages") is None
    tags = [etree.QName(el).localname for el in first]
    assert tags.index("publication_date") < tags.index("publisher_item") < tags.index("doi_data")
    assert all(a.find(f"{CR}publisher_item") is None for a in rest)
