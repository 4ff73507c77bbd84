"""JATS per article: golden files, regions, names, citations, negative records.

Golden cases live in tests/golden/<case>/ (issue.json, journal.toml, expected/...);
adding a case is adding a folder. Regenerate expected files with UPDATE_GOLDEN=1.
"""
from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest
from lxml import etree

from parsers.errors import SchemaInvalid
from schemas import jats, jats_links, xmlcheck
from schemas.model import Citation, Contributor, LangText, issue_from_dict
from schemas.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "issue.json").is_file())
SHARED_SCHEMAS = ROOT.parent / "shared" / "schemas"
XLINK = "{http://www.w3.org/1999/xlink}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="session")
def schema_dir() -> Path:
    """../shared/schemas, with both JATS and Crossref compiled once for the session."""
    if not (SHARED_SCHEMAS / xmlcheck.SCHEMA_FILES["jats-1.3"]).is_file():
        pytest.skip("official schemas not available at ../shared/schemas")
    for kind in ("jats-1.3", "crossref-5.3.1"):
        xmlcheck.load_schema(kind, SHARED_SCHEMAS)
    return SHARED_SCHEMAS


def load_case(name: str):
    data = json.loads((GOLDEN / name / "issue.json").read_text(encoding="utf-8"))
    return issue_from_dict(data), load_settings(GOLDEN / name / "journal.toml")


def seed():
    return load_case("seed")


def assert_valid(tree, schema_dir: Path, kind: str = "jats-1.3") -> None:
    report = xmlcheck.validate(xmlcheck.reparse(tree), kind=kind, schema_dir=schema_dir)
    assert report.ok, "\n".join(map(str, report.problems))


def canonical(data: bytes) -> str:
    return etree.canonicalize(etree.ElementTree(etree.fromstring(data)))


# ------------------------------------------------------------------------ golden


def case_links(name: str) -> dict:
    """The case's links.json as notes ({} when the case has none)."""
    return jats_links.load_notes(GOLDEN / name)


@pytest.mark.parametrize("case", CASES)
def test_golden_articles(case: str, schema_dir: Path) -> None:
    issue, settings = load_case(case)
    for article in issue.articles:
        tree = jats.build_article(issue, article, settings, links=case_links(case))
        assert_valid(tree, schema_dir)
        data = xmlcheck.serialize(tree)
        expected = GOLDEN / case / "expected" / "articles" / article.id / "article.xml"
        if os.environ.get("UPDATE_GOLDEN"):
            expected.parent.mkdir(parents=True, exist_ok=True)
            expected.write_bytes(data)
        assert expected.is_file(), f"missing golden file {expected} (run with UPDATE_GOLDEN=1)"
        assert canonical(data) == canonical(expected.read_bytes()), f"{case}/{article.id} differs from golden"


@pytest.mark.parametrize("case", CASES)
def test_golden_validates_against_jats_1_4_too(case: str, schema_dir: Path) -> None:
    if not (schema_dir / xmlcheck.SCHEMA_FILES["jats-1.4"]).is_file():
        pytest.skip("no JATS 1.4 schema")
    issue, settings = load_case(case)
    for article in issue.articles:
        tree = jats.build_article(issue, article, settings, links=case_links(case))
        tree.getroot().set("dtd-version", "1.4")
        assert_valid(tree, schema_dir, kind="jats-1.4")


# ----------------------------------------------------------------------- regions


def test_seed_article_regions() -> None:
    issue, settings = seed()
    root = jats.build_article(issue, issue.articles[0], settings).getroot()
    assert root.get("dtd-version") == "1.3" and root.get(LANG) == "zh"
    meta = root.find("front/article-meta")
    assert meta.findtext("article-id[@pub-id-type='doi']") == "10.19498/j.cnki.dbyxk.2023.06.004"
    assert [s.text for s in meta.findall("article-categories/subj-group[@subj-group-type='CLC']/subject")] == [
        "D831.3", "E313"]
    assert meta.find("article-categories/subj-group[@subj-group-type='CLC']").get("vocab") == "CLC"
    assert meta.findtext("article-categories/subj-group[@subj-group-type='document-code']/subject") == "A"
    assert meta.findtext("title-group/article-title") == "乌克兰危机下日本与北约的战略合作"
    trans = meta.find("title-group/trans-title-group")
    assert trans.get(LANG) == "en"
    assert trans.findtext("trans-title") == "Japan–NATO Strategic Coordination under the Ukraine Crisis"
    names = meta.findall("contrib-group/contrib/name-alternatives/name")
    assert [(n.get("name-style"), n.get(LANG), n.findtext("surname"), n.findtext("given-names")) for n in names] == [
        ("eastern", "zh", "陈", "静静"), ("western", "en", "Chen", "Jingjing")]
    assert meta.find("contrib-group/contrib/xref").get("rid") == "aff1"
    assert meta.findtext("contrib-group/aff/institution") == "中国社会科学院日本研究所外交研究室"
    assert meta.findtext("contrib-group/aff/postal-code") == "100007"
    assert "副研究员" in meta.findtext("contrib-group/contrib/bio/p")
    assert (meta.findtext("fpage"), meta.findtext("lpage"), meta.findtext("issue")) == ("43", "54", "6")
    assert meta.findtext("pub-date/year") == "2023"
    assert meta.find("trans-abstract").get(LANG) == "en"
    assert meta.find("kwd-group").get(LANG) == "zh"
    journal = root.find("front/journal-meta")
    assert journal.find("issn").get("publication-format") == "print"
    assert journal.find("issn").get("pub-type") == "ppub"
    assert journal.find("journal-title-group/trans-title-group").get(LANG) == "en"


def test_every_citation_is_a_typed_mixed_citation_with_links_and_access_dates() -> None:
    issue, settings = seed()
    article = issue.articles[0]
    root = jats.build_article(issue, article, settings).getroot()
    refs = root.findall("back/ref-list/ref")
    assert [r.findtext("label") for r in refs] == [str(c.n) for c in article.citations]
    for ref, citation in zip(refs, article.citations):
        mixed = ref.find("mixed-citation")
        assert mixed.get("publication-type")
        assert "".join(mixed.itertext()) == citation.text  # printed text kept exactly
        links = mixed.findall("ext-link")
        assert [link.get(XLINK + "href") for link in links] == citation.urls
        assert all(link.get("ext-link-type") == "uri" for link in links)
        dates = mixed.findall("date-in-citation")
        if citation.accessed:
            assert [(d.get("content-type"), d.get("iso-8601-date")) for d in dates] == [
                ("access-date", citation.accessed)]
        else:
            assert not dates
    assert refs[5].find("mixed-citation").get("publication-type") == "book"
    assert refs[0].find("mixed-citation").get("publication-type") == jats.PUB_TYPE_WEB


def test_multi_case_regions() -> None:
    issue, settings = load_case("multi")
    a1 = jats.build_article(issue, issue.articles[0], settings).getroot()
    meta = a1.find("front/article-meta")
    assert [a.get("id") for a in meta.findall("contrib-group/aff")] == ["aff1", "aff2"]
    assert [x.get("rid") for x in meta.findall("contrib-group/contrib[1]/xref")] == ["aff1", "aff2", "cor1"]
    assert [x.get("rid") for x in meta.findall("contrib-group/contrib[2]/xref")] == ["aff2"]
    ouyang = meta.find("contrib-group/contrib[2]/name-alternatives/name")
    assert (ouyang.findtext("surname"), ouyang.findtext("given-names")) == ("欧阳", "娜娜")
    assert meta.findtext("contrib-group/contrib[1]/contrib-id") == "https://orcid.org/0000-0002-1825-0097"
    assert meta.find("history/date").get("iso-8601-date") == "2024-01-15"
    assert "23BGL001" in meta.findtext("funding-group/funding-statement")
    assert [g.get(LANG) for g in meta.findall("kwd-group")] == ["zh", "en"]
    assert len(meta.findall("abstract/p")) == 2
    assert meta.findtext("volume") == "42"
    refs = a1.findall("back/ref-list/ref/mixed-citation")
    assert refs[0].get("publication-type") == "journal"
    assert refs[0].findtext("pub-id[@pub-id-type='doi']") == "10.11821/dlxb201905002"
    assert refs[2].find("date-in-citation").get("iso-8601-date") == "2024-01-03"
    assert refs[2].findtext("date-in-citation") == "2024年1月3日"
    # an access date the text does not print is appended, not lost
    assert refs[3].find("date-in-citation").get("iso-8601-date") == "2024-02-01"
    journal = a1.find("front/journal-meta")
    assert [i.get("publication-format") for i in journal.findall("issn")] == ["print", "electronic"]
    assert journal.findtext("publisher/publisher-loc") == "北京"


def test_article_without_doi_still_gets_jats(schema_dir: Path) -> None:
    issue, settings = load_case("multi")
    review = issue.articles[1]
    assert not review.doi
    tree = jats.build_article(issue, review, settings)
    assert tree.getroot().get("article-type") == "book-review"
    assert tree.find("front/article-meta/article-id") is None
    assert tree.find("front/article-meta/title-group/trans-title-group") is None
    assert tree.find("front/article-meta/contrib-group/contrib/name-alternatives/name[2]").get(LANG) == "zh-Latn"
    assert_valid(tree, schema_dir)


def test_english_article_puts_english_first(schema_dir: Path) -> None:
    issue, settings = load_case("multi")
    root = jats.build_article(issue, issue.articles[2], settings).getroot()
    assert root.get(LANG) == "en"
    meta = root.find("front/article-meta")
    assert meta.findtext("title-group/article-title").startswith("River Basin")
    assert meta.find("title-group/trans-title-group").get(LANG) == "zh"
    assert meta.find("trans-abstract").get(LANG) == "zh"
    name = meta.find("contrib-group/contrib/name")  # one script: a plain <name>
    assert (name.get("name-style"), name.findtext("surname"), name.findtext("given-names")) == (
        "western", "Smith", "John A.")


# ------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    "person, expected",
    [
        (Contributor(name=LangText("陈静静", "CHEN Jingjing")), [("陈", "静静", "zh"), ("Chen", "Jingjing", "en")]),
        (Contributor(name=LangText("陈静静", "Jingjing Chen")), [("陈", "静静", "zh"), ("Chen", "Jingjing", "en")]),
        (Contributor(name=LangText("司马光", ""), name_pinyin="Sima Guang"), [("司马", "光", "zh"),
                                                                        ("Sima", "Guang", "zh-Latn")]),
        (Contributor(name=LangText("", "Smith, John")), [("Smith", "John", "en")]),
        (Contributor(name=LangText("张伟", "ZHANG Wei"), surname="张", given="伟"), [("张", "伟", "zh"),
                                                                               ("Zhang", "Wei", "en")]),
    ],
)
def test_name_forms(person: Contributor, expected: list) -> None:
    assert [(f.surname, f.given, f.lang) for f in jats.name_forms(person)] == expected


# --------------------------------------------------------------- negative records


def test_empty_title_is_a_clear_error() -> None:
    issue, settings = seed()
    article = copy.deepcopy(issue.articles[0])
    article.title = LangText("", "  ")
    with pytest.raises(SchemaInvalid, match="empty title"):
        jats.build_article(issue, article, settings)


def test_bad_issn_is_a_clear_error() -> None:
    issue, settings = seed()
    issue.journal.issn = "2095-3454"
    with pytest.raises(SchemaInvalid, match="check digit"):
        jats.build_article(issue, issue.articles[0], settings)
    issue.journal.issn = "ISSN 2095"
    with pytest.raises(SchemaInvalid, match="NNNN-NNNC"):
        jats.build_article(issue, issue.articles[0], settings)


def test_missing_issn_is_a_clear_error() -> None:
    issue, settings = seed()
    issue.journal.issn = ""
    settings.issn = ""
    with pytest.raises(SchemaInvalid, match="no ISSN"):
        jats.build_article(issue, issue.articles[0], settings)


def test_markup_characters_are_escaped_not_interpreted(schema_dir: Path) -> None:
    issue, settings = seed()
    article = issue.articles[0]
    article.title.en = "Japan & NATO: <b>not bold</b> \"quoted\""
    tree = jats.build_article(issue, article, settings)
    data = xmlcheck.serialize(tree)
    assert b"&lt;b&gt;not bold&lt;/b&gt;" in data and b"Japan &amp; NATO" in data
    back = etree.fromstring(data)
    assert back.findtext("front/article-meta/title-group/trans-title-group/trans-title") == article.title.en
    assert_valid(tree, schema_dir)


def test_control_characters_are_dropped(schema_dir: Path) -> None:
    issue, settings = seed()
    article = issue.articles[0]
    article.title.zh = "乌克兰\x00危机\x1b下\x0c日本"
    article.citations[0] = Citation(1, "bad\x07 text https://a.example/x", ["https://a.example/x"], "")
    tree = jats.build_article(issue, article, settings)
    assert tree.findtext("front/article-meta/title-group/article-title") == "乌克兰危机下日本"
    assert_valid(tree, schema_dir)


def test_citation_url_missing_from_text_is_appended() -> None:
    mixed = etree.Element("mixed-citation")
    jats.add_citation_content(mixed, Citation(1, "Some report, 2020.", ["https://x.example/r"], "2021-05-06"))
    assert "".join(mixed.itertext()) == "Some report, 2020. https://x.example/r [2021-05-06]"
    assert mixed.find("ext-link").get(XLINK + "href") == "https://x.example/r"


@pytest.mark.parametrize("text, expected", [
    ("2023-05-01", (2023, 5, 1)), ("2023年5月1日", (2023, 5, 1)), ("2023-05", (2023, 5, None)),
    ("2023", (2023, None, None)), ("", None), ("2023-13-01", None),
])
def test_parse_date(text: str, expected) -> None:
    assert jats.parse_date(text) == expected


# ------------------------------------- addresses, countries, corresp, licence, notes, halves


@pytest.mark.parametrize("text, city", [
    ("北京大学国际关系学院（北京市 海淀区 100871）", "北京市"),  # a municipality: the district is not the city
    ("重庆大学（重庆市沙坪坝区 400044）", "重庆市"),
    ("南开大学周恩来政府管理学院，天津市 南开区 300071", "天津市"),
    ("复旦大学，上海 200433", "上海"),
    ("北京大学（北京 邮编：100871）", "北京"),
    ("吉林大学，吉林 长春 130012", "长春"),  # province, city
    ("吉林大学（长春 邮编：130012）", "长春"),
    ("东北师范大学", ""),  # no address printed
])
def test_the_city_of_an_address(text: str, city: str) -> None:
    assert jats.split_affiliation(text)[1] == city


@pytest.mark.parametrize("text, want", [
    ("University of Example, Oxford, UK", ("UK", "GB", True)),
    ("Peking University, Beijing 100871, China", ("China", "CN", True)),
    ("北京大学（北京 邮编：100871）", ("中国", "CN", False)),  # a Chinese address implies China
    ("东北师范大学", ("", "", False)),  # nothing to go on
])
def test_affiliation_country(text: str, want) -> None:
    assert jats.affiliation_country(text) == want


def test_aff_country_is_tagged_where_printed_or_added_for_a_chinese_address() -> None:
    issue, settings = load_case("multi")
    en = jats.build_article(issue, issue.articles[2], settings).getroot().find(".//aff")
    assert "".join(en.itertext()) == "University of Example, Oxford, UK"  # printed text kept
    assert (en.findtext("country"), en.find("country").get("country")) == ("UK", "GB")
    zh = jats.build_article(issue, issue.articles[0], settings).getroot().find(".//aff[@id='aff2']")
    assert zh.findtext("city") == "北京市" and zh.findtext("country") == "中国"
    assert "".join(zh.itertext()).endswith("海淀区 100084），中国")


def test_corresponding_author_is_marked_with_a_note() -> None:
    issue, settings = load_case("multi")
    meta = jats.build_article(issue, issue.articles[0], settings).getroot().find("front/article-meta")
    first, second = meta.findall("contrib-group/contrib")
    assert first.get("corresp") == "yes" and second.get("corresp") is None
    assert first.find("xref[@ref-type='corresp']").get("rid") == "cor1"
    corresp = meta.find("author-notes/corresp[@id='cor1']")
    assert corresp.findtext("email") == "wangxm@example.edu.cn" and "王小明" in "".join(corresp.itertext())
    issue, settings = seed()  # nobody marked: no author-notes
    assert jats.build_article(issue, issue.articles[0], settings).getroot().find(".//author-notes") is None


def test_licence_and_self_uri() -> None:
    issue, settings = load_case("multi")
    meta = jats.build_article(issue, issue.articles[0], settings).getroot().find("front/article-meta")
    lic = meta.find("permissions/license")
    url = "https://creativecommons.org/licenses/by/4.0/"
    assert lic.get(XLINK + "href") == url
    assert lic.findtext("{http://www.niso.org/schemas/ali/1.0/}license_ref") == url
    uri = meta.find("self-uri")
    assert (uri.get("content-type"), uri.get(XLINK + "href")) == ("pdf", "article.pdf")
    issue, settings = seed()  # no license_url in the settings: no permissions
    assert jats.build_article(issue, issue.articles[0], settings).getroot().find(".//permissions") is None


def test_funding_group_has_an_award_group_per_funder() -> None:
    issue, settings = load_case("multi")
    group = jats.build_article(issue, issue.articles[0], settings).getroot().find(".//funding-group")
    awards = [(g.findtext("funding-source"), [a.text for a in g.findall("award-id")], g.findtext("award-name"))
              for g in group.findall("award-group")]
    assert awards == [("国家社会科学基金", ["23BGL001"], "黄河流域生态保护"),
                      ("国家自然科学基金青年科学基金", ["42001234", "42101234"], None)]
    assert group.findtext("funding-statement") == issue.articles[0].funding  # as printed, last


@pytest.mark.parametrize("text, cites", [
    ("北约在位于纽约的联合国总部、位于维也纳的欧安组织总部，以及格鲁吉亚、乌克兰、波黑、摩尔多瓦和科威特"
     "都设有类似联络处，东道国一般会为北约联络处提供办公场所。", False),
    ("本文所称“流域”，指黄河干流及其主要支流流经的地区，下同。", False),
    ("参见李薇主编：《日本研究报告（2014）》，社会科学文献出版社2014年版，第95页。", True),
    ("韩其为，杨小庆．我国水库泥沙淤积研究综述[J]．水力发电学报，2019，38(1)：1-8.", True),
    ("Ostrom E., Governing the Commons, Cambridge: Cambridge University Press, 1990, p.90.", True),
    ("“Relations with Japan,” NATO, July 28, 2023, https://www.nato.int/cps/en/natohq/topics_50336.htm", True),
    ("同上，第12页。", True),  # ibid: it cites (the work before)
    ("『日本の安全保障』、有斐閣、2015年。", True),
    ("「安倍総理大臣のラスムセン事務総長との会談」、外務省、2014年5月6日。", True),
    ("《人民日报》2023年5月1日，第3版。", True),
    ("“安全”一词在这里指的是广义的安全，2014年以后尤其如此。", True),  # a quote and a year: kept (doubt keeps)
    ("这一提法始于冷战结束之后，详见下文。", False),
    ("Ibid.", True),
])
def test_which_notes_cite_something(text: str, cites: bool) -> None:
    assert jats.cites_something(text) is cites


def test_every_note_of_the_golden_cases_but_the_explanatory_ones_cites_something() -> None:
    kept = {(case, c.n) for case in CASES for c in load_case(case)[0].articles[0].citations
            if not jats.cites_something(c.text)}
    assert kept == {("multi", 6)}


def test_bilingual_reference_halves_are_kept_apart(schema_dir: Path) -> None:
    issue, settings = load_case("multi")
    tree = jats.build_article(issue, issue.articles[0], settings)
    assert_valid(tree, schema_dir)
    alts = tree.getroot().find("back/ref-list/ref[@id='ref5']/citation-alternatives")
    zh, en = alts.findall("mixed-citation")
    assert (zh.get(LANG), en.get(LANG)) == ("zh", "en")
    assert "".join(zh.itertext()) == "李四. 黄河泥沙研究[J]. 水利学报, 2020, 51(3): 1-9."
    assert "".join(en.itertext()).startswith("LI Si. Research on the sediment")
    assert zh.get("publication-type") == en.get("publication-type") == "journal"


@pytest.mark.parametrize("text", [
    "张三：《水资源管理研究》，载《地理学报》2019年第5期，第12—20页。DOI: 10.11821/dlxb201905002.",
    "王五. 题名[J]. 刊名, 2018(3). See also Smith J. Other work[J]. Nature, 2017.",  # years differ
    "Ostrom E., Governing the Commons, Cambridge: Cambridge University Press, 1990.",  # no Chinese half
])
def test_one_language_references_are_not_split(text: str) -> None:
    assert jats.split_bilingual(text) is None


def test_a_url_stays_with_the_half_that_prints_it() -> None:
    text = ("国家统计局. 统计公报[EB/OL]. (2023-02-28)[2024-01-03]. http://www.stats.gov.cn/a.html. "
            "National Bureau of Statistics. Statistical communique[EB/OL]. (2023-02-28)[2024-01-03]. "
            "http://www.stats.gov.cn/english/a.html.")
    zh, en = jats.bilingual_halves(Citation(1, text, ["http://www.stats.gov.cn/a.html",
                                                    "http://www.stats.gov.cn/english/a.html"], "2024-01-03"))
    assert zh.urls == ["http://www.stats.gov.cn/a.html"] and en.urls == ["http://www.stats.gov.cn/english/a.html"]
    assert zh.accessed == "2024-01-03" and en.accessed is None  # printed in both: kept once, with the first


def test_a_surname_printed_in_capitals_is_written_in_title_case_word_by_word() -> None:
    from schemas.jats import _title_case
    # (before, the whole surname was capitalised as one word: "Van der berg", "O'neill")
    assert _title_case("VAN DER BERG") == "Van der Berg"
    assert _title_case("O'NEILL") == "O'Neill"
    assert _title_case("GARCÍA-LÓPEZ") == "García-López"
    assert _title_case("DE SMET") == "De Smet"
    assert _title_case("van der Berg") == "van der Berg"  # (not in capitals: as printed)


def test_an_article_number_is_an_elocation_id_in_place_of_pages(schema_dir: Path) -> None:
    """JATS gives an article a page range or an electronic location, never both: the number
    a continuous-publication journal cites it by is <elocation-id> when it has no fpage."""
    issue, settings = load_case("multi")
    art = issue.articles[0]
    art.fpage = art.lpage = ""
    art.elocation = "e0115884"
    meta = jats.build_article(issue, art, settings).find("front/article-meta")
    assert meta.findtext("elocation-id") == "e0115884" and meta.find("fpage") is None
    assert_valid(meta.getroottree(), schema_dir)
    art.fpage, art.lpage = "43", "51"  # (a printed range wins)
    meta = jats.build_article(issue, art, settings).find("front/article-meta")
    assert meta.findtext("fpage") == "43" and meta.find("elocation-id") is None
