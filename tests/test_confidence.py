"""The confidence layer: each check lowers the field it is evidence about, and only that."""
from __future__ import annotations

import pytest

from parsers.confidence import ARTICLE_FIELDS, THRESHOLD, PageEvidence, assess_article, assess_issue, flagged_paths
from schemas.model import Article, Contributor, Issue, LangText, Source


def clean_article() -> Article:
    """A research article whose fields agree with each other, as GB/T 7713.2 prints them."""
    art = Article(id="a01", pdf_pages=[1, 10], fpage="43", lpage="52")
    art.title = LangText(zh="日本与北约关系的新发展", en="New Developments in Japan-NATO Relations")
    art.contributors = [Contributor(name=LangText(zh="陈晶晶", en="CHEN Jingjing"), name_pinyin="Chen Jingjing",
                                    surname="陈", given="晶晶", affiliation="北京外国语大学国际关系学院")]
    art.abstract = LangText(zh="本文讨论日本与北约关系的发展及其动因，" * 3,
                            en="This article discusses the development of Japan-NATO relations and its causes. " * 2)
    art.keywords.zh = ["日本", "北约", "安全"]
    art.keywords.en = ["Japan", "NATO", "security"]
    art.clc, art.doc_code, art.doi = ["D831.3"], "A", "10.19498/j.cnki.dbyxk.2023.06.004"
    art.article_no = "2095-3453(2023)06-0043-10"
    return art


def flags(art: Article, ev: PageEvidence | None = None) -> set[str]:
    assess_article(art, ev or PageEvidence())
    return flagged_paths(art.warnings)


def test_a_consistent_article_is_not_flagged_and_every_field_is_scored() -> None:
    art = clean_article()
    assert flags(art) == set()
    assert set(art.confidence) == set(ARTICLE_FIELDS)
    assert all(v == 1.0 for v in art.confidence.values())


def test_a_label_printed_without_a_value_flags_that_field_only() -> None:
    art = clean_article()
    art.abstract.en = ""
    assert flags(art, PageEvidence(labels={"abstract_en"})) == {"abstract.en"}
    assert art.confidence["abstract.en"] < THRESHOLD <= art.confidence["title.en"]


@pytest.mark.parametrize("mutate,field", [
    (lambda a: setattr(a.title, "zh", "日本与北约关系 摘要：本文"), "title.zh"),
    (lambda a: setattr(a.title, "en", "Japan and NATO 日本"), "title.en"),
    (lambda a: setattr(a.title, "en", "DOI: 10.1/x New Developments in Relations"), "title.en"),
    (lambda a: setattr(a.title, "en", ""), "title.en"),  # the English abstract is there, its title is not
    (lambda a: setattr(a.contributors[0].name, "en", "WANG Xiaoming"), "contributors.name.en"),
    (lambda a: setattr(a.contributors[0].name, "zh", "北京外国语大学"), "contributors.name.zh"),
    (lambda a: setattr(a.contributors[0], "affiliation", ""), "contributors.affiliation"),
    (lambda a: setattr(a.contributors[0], "affiliation", "陈晶晶，女，1990年生，博士"), "contributors.affiliation"),
    (lambda a: setattr(a.contributors[0], "surname", "晶"), "contributors.surname"),
    (lambda a: setattr(a.abstract, "en", "This article discusses the popula-tion of cities " * 3), "abstract.en"),
    (lambda a: setattr(a.abstract, "en", "Thisarticlediscussesthedevelopmentofrelations and more " * 3), "abstract.en"),
    (lambda a: setattr(a.abstract, "zh", "本文讨论日本与北约关系。关键词：日本；北约" * 3), "abstract.zh"),
    (lambda a: setattr(a.keywords, "zh", ["日本北约安全合作与地区秩序变化研究"]), "keywords.zh"),
    (lambda a: setattr(a, "clc", ["DD831"]), "clc"),
    (lambda a: setattr(a, "doi", "10.1234"), "doi"),
    (lambda a: setattr(a, "lpage", "40"), "lpage"),
    (lambda a: setattr(a, "fpage", ""), "fpage"),
    (lambda a: setattr(a.title, "zh", "·综述·"), "title.zh"),
    (lambda a: setattr(a.title, "zh", "跳出性别之网———读《消解性别》"), "title.zh"),
    (lambda a: setattr(a.title, "en", "Review Article New Developments in Japan-NATO Relations"), "title.en"),
    (lambda a: setattr(a.title, "en", "1005-3220(2022) S0-0001-15 New Developments"), "title.en"),
    (lambda a: setattr(a, "doi", "10.1177/117739https://doi.org/10.1177/117739"), "doi"),
    (lambda a: setattr(a.abstract, "en", "This article discusses the development of Japan-NATO relations and " * 3), "abstract.en"),
    (lambda a: setattr(a.keywords, "zh", ["日本", "北约", "安全合作地区秩序"]), "keywords.zh"),
    (lambda a: setattr(a.keywords, "en", ["Japan", "NATO", "ﬂooding"]), "keywords.en"),
])
def test_each_check_flags_its_field(mutate, field: str) -> None:
    art = clean_article()
    mutate(art)
    got = flags(art)
    assert field in got
    message = next(w.message for w in art.warnings if w.code == "uncertain-field" and w.message.startswith(field))
    assert len(message) > len(field) + 5  # it says why


def test_pinyin_check_accepts_every_printed_order_and_hyphenation() -> None:
    for en in ("CHEN Jing-jing", "Jingjing Chen", "Chen Jingjing", "CHEN JINGJING"):
        art = clean_article()
        art.contributors[0].name.en = en
        assert "contributors.name.en" not in flags(art), en


def test_inferred_folio_lowers_the_page_but_does_not_flag_it_alone() -> None:
    art = clean_article()
    assess_article(art, PageEvidence(fpage_seen=False))
    assert THRESHOLD <= art.confidence["fpage"] < 1.0
    assert "fpage" not in flagged_paths(art.warnings)  # (first pages often print no folio)


def test_url_with_an_unread_access_date_is_flagged() -> None:
    from schemas.model import Citation
    art = clean_article()
    art.citations = [Citation(n=1, text="NATO. Partners[EB/OL]. https://www.nato.int/x.htm，访问日期：2023年3月1日。",
                              urls=["https://www.nato.int/x.htm"], accessed="")]
    assert "citations.urls" in flags(art)
    art.citations[0].accessed = "2023-03-01"
    assert "citations.urls" not in flags(art)
    # (biblatex's "visited on 03/05/2020": day and month cannot be told apart, so none is read)
    art.citations = [Citation(n=1, text="NATO. Partners. https://www.nato.int/x.htm (visited on 03/05/2020).",
                              urls=["https://www.nato.int/x.htm"], accessed=None)]
    assert "citations.urls" in flags(art)
    # (the same labels find_access_date reads: a month alone is a date printed, a visit is none)
    art.citations[0].text = "外交部网站，https://www.nato.int/x.htm，2023年3月访问。"
    assert "citations.urls" in flags(art)
    art.citations[0].text = "美国总统访问日本，https://www.nato.int/x.htm。"
    assert "citations.urls" not in flags(art)


def test_issue_fields_and_rerun_replaces_old_flags() -> None:
    issue = Issue(source=Source(file="x.pdf", sha256="0" * 64, pages=1), articles=[clean_article()])
    issue.journal.issn = "2095-3452"  # wrong check digit
    assess_issue(issue, [PageEvidence()])
    assert flagged_paths(issue.warnings) == {"journal.issn", "year", "issue"}
    issue.journal.issn, issue.year, issue.issue = "2095-3453", 2023, "6"
    assess_issue(issue, [PageEvidence()])
    assert flagged_paths(issue.warnings) == set()
    assert issue.confidence == {"journal.issn": 1.0, "year": 1.0, "issue": 1.0}


@pytest.mark.parametrize("evidence,field", [
    (PageEvidence(text="日本与北约关系的新发展\n——以安全合作为例\n陈晶晶"), "title.zh"),  # a subtitle left out
    (PageEvidence(text="DOI:10.19498/j.cnki.dbyxk.2023.06.004−01"), "doi"),  # the DOI goes on past a dash
    (PageEvidence(ocr=True), "contributors.name.zh"),
    (PageEvidence(pages_after=2), "pdf_pages"),
])
def test_page_evidence_flags_its_field(evidence: PageEvidence, field: str) -> None:
    assert field in flags(clean_article(), evidence)


def test_an_article_whose_front_matter_was_not_read_is_flagged_there() -> None:
    art = clean_article()
    art.abstract.zh, art.keywords.zh, art.clc, art.doc_code = "", [], [], ""
    assert {"abstract.zh", "keywords.zh", "clc", "doc_code"} <= flags(art)
    short = clean_article()
    short.abstract.zh, short.keywords.zh, short.pdf_pages = "", [], [1, 2]  # a two-page note: no such doubt
    assert "clc" not in flags(short)


def test_missing_spaces_after_punctuation_flag_an_english_article_only() -> None:
    text = "This article discusses,the development of relations between states and alliances. " * 3
    art = clean_article()
    art.abstract.en = text
    assert "abstract.en" not in flags(art)  # (the zh scorer and a reader of a Chinese article's block: a detail)
    art.language, art.title.zh = "en", ""
    assert "abstract.en" in flags(art)


def test_group_and_latin_names_in_a_chinese_byline_are_names() -> None:
    art = clean_article()
    art.contributors[0].name.zh, art.contributors[0].name.en = "中国心理卫生协会性心理健康专业委员会", ""
    art.contributors[0].surname = ""
    assert "contributors.name.zh" not in flags(art)
    art = clean_article()
    art.contributors[0].name.zh, art.contributors[0].name.en, art.contributors[0].surname = "Lei Zhang", "", "Zhang"
    assert "contributors.name.zh" not in flags(art)


def test_english_articles_carry_the_measured_prior_on_abstract_and_affiliations() -> None:
    art = clean_article()
    art.language, art.title.zh = "en", ""
    art.contributors[0].name.zh = ""
    art.contributors[0].affiliation = "Department of History, Peking University, Beijing, China"
    assert {"abstract.en", "contributors.affiliation"} <= flags(art)
    zh = clean_article()  # (a Chinese article's English block is scored without spaces: no such prior)
    assert "abstract.en" not in flags(zh)


def test_page_sequence_doubts_an_article_that_breaks_the_issue_pagination() -> None:
    arts = []
    for k, (pdf, printed) in enumerate([((1, 3), ("3", "5")), ((4, 6), ("16", "18")), ((7, 9), ("9", "11"))]):
        a = clean_article()
        a.id, a.pdf_pages, (a.fpage, a.lpage) = f"a{k}", list(pdf), printed
        arts.append(a)
    issue = Issue(source=Source(file="x.pdf", sha256="0" * 64, pages=9), articles=arts, year=2023, issue="6")
    issue.journal.issn = "2095-3453"
    assess_issue(issue, [PageEvidence() for _ in arts])
    assert "fpage" in flagged_paths(arts[1].warnings) and "lpage" in flagged_paths(arts[0].warnings)
    assert "fpage" not in flagged_paths(arts[2].warnings) or "lpage" in flagged_paths(arts[1].warnings)
    arts[1].fpage, arts[1].lpage = "6", "8"  # the same issue paginated continuously: no doubt
    assess_issue(issue, [PageEvidence() for _ in arts])
    assert not {"fpage", "lpage"} & set().union(*(flagged_paths(a.warnings) for a in arts))


def test_a_chinese_name_with_an_uncommon_surname_is_checked() -> None:
    from parsers.confidence import assess_article, PageEvidence
    from schemas.model import Article, Contributor, LangText
    art = Article(id="a1", title=LangText(zh="题目"), contributors=[Contributor(name=LangText(zh="扬国荣"), surname="扬", given="国荣")])
    assess_article(art, PageEvidence())
    assert art.confidence["contributors.name.zh"] < 0.8
    art = Article(id="a1", title=LangText(zh="题目"), contributors=[Contributor(name=LangText(zh="杨国荣"), surname="杨", given="国荣"),
                                                                 Contributor(name=LangText(zh="欧阳修"), surname="欧阳", given="修")])
    assess_article(art, PageEvidence())
    assert art.confidence["contributors.name.zh"] >= 0.8


def test_an_author_of_a_chinese_article_without_a_chinese_name_is_checked() -> None:
    from parsers.confidence import assess_article, PageEvidence
    from schemas.model import Article, Contributor, LangText
    art = Article(id="a1", title=LangText(zh="题目", en="Title"),
                  contributors=[Contributor(name=LangText(zh="杨国荣", en="YANG Guo-rong"), surname="杨", given="国荣"),
                                Contributor(name=LangText(en="LI Si"), surname="Li", given="Si")])
    assess_article(art, PageEvidence())
    assert art.confidence["contributors.name.zh"] < 0.8


def test_a_byline_in_the_english_title_and_an_online_reference_without_its_url_are_checked() -> None:
    from parsers.confidence import assess_article, PageEvidence
    from schemas.model import Article, Citation, Contributor, LangText
    people = [Contributor(name=LangText(zh="陈焕然", en=""), surname="陈", given="焕然")]
    art = Article(id="a1", title=LangText(zh="阴蒂再造", en="Female Transsexuals CHEN Huan-ran, CHEN Zong- ji."),
                  contributors=people)
    assess_article(art, PageEvidence())
    assert art.confidence["title.en"] < 0.8
    art = Article(id="a1", title=LangText(zh="阴蒂再造", en="Clitoris Reconstruction in the Surgical Treatment"),
                  contributors=people,
                  citations=[Citation(n=1, text="[1] 新华网. 变性人结婚[EB/OL]. (2004-07-17)[2004-07-17].", urls=[])])
    assess_article(art, PageEvidence())
    assert art.confidence["title.en"] >= 0.8
    assert art.confidence["citations.urls"] < 0.8


def test_a_pinyin_name_in_capitals_in_an_english_title_is_checked_whoever_it_is() -> None:
    from parsers.confidence import _names_in
    from schemas.model import Article, LangText
    art = Article(id="a1", title=LangText(zh="题", en="x"))
    assert _names_in("Female Transsexuals CHEN Huan-ran, CHEN Zong- ji.", art)
    assert not _names_in("The USA Today and NATO Expansion", art)
    assert not _names_in("HIV Testing in Rural China", art)


def test_an_article_number_journal_without_pages_is_left_to_the_editor() -> None:
    """Pages numbered 1…N within the article (continuous publication): no fpage/lpage, and
    both flagged, since publishers' deposits differ (some give the article number as pages)."""
    art = clean_article()
    art.fpage = art.lpage = ""
    art.warn("article-pagination", "pages numbered 1–8 within the article, which the journal cites by an article number")
    assert {"fpage", "lpage"} <= flags(art)
    art = clean_article()
    art.fpage = art.lpage = ""
    assert {"fpage", "lpage"} <= flags(art)  # (and with no such reason, as ever)


def test_a_doubt_on_the_names_found_late_reaches_the_surnames_and_affiliations() -> None:
    """The 目录 lists an author the byline did not give: the names are doubtful, and so are
    the surnames and affiliations read per author (their lists are off by that author too)."""
    art = clean_article()
    got = flags(art, PageEvidence(toc_authors="陈晶晶，王明"))
    assert {"contributors.name.zh", "contributors.surname", "contributors.affiliation"} <= got
    assert "contributors.surname" not in flags(clean_article(), PageEvidence(toc_authors="陈晶晶"))


def test_english_key_words_the_norm_prints_with_the_english_abstract_are_missed() -> None:
    # CAJ-CD B/T 1-2006: an English abstract comes with Key words translating the 关键词
    art = clean_article()
    art.keywords.en = []
    assert flags(art) == {"keywords.en"}
    art = clean_article()
    art.keywords.en, art.abstract.en = [], ""
    art.title.en = art.contributors[0].name.en = ""
    assert flags(art) == set()  # (a journal that prints no English block: nothing is missed)


def test_an_article_without_the_english_block_its_issue_prints_elsewhere_is_doubted() -> None:
    art = clean_article()
    art.title.en, art.abstract.en, art.keywords.en = "", "", []
    assert flags(art, PageEvidence(english_elsewhere=True)) == {"title.en", "abstract.en", "keywords.en"}
    art.type = "editorial"  # (a short piece prints no abstract of its own)
    assert "abstract.en" not in flags(art, PageEvidence(english_elsewhere=True))


def test_an_english_research_article_without_a_doi_is_flagged_for_the_editor() -> None:
    art = clean_article()
    art.language, art.title.zh = "en", ""
    art.contributors[0].name.zh = ""
    assert "doi" not in flags(art)
    art.doi = ""
    assert "doi" in flags(art)
    art.type = "editorial"  # (not every piece is registered)
    assert "doi" not in flags(art)
    zh = clean_article()  # (many Chinese journals print no DOI: its absence says nothing)
    zh.doi = ""
    assert "doi" not in flags(zh)


@pytest.mark.parametrize("text,pair", [
    ("差异无显著性（P＞0.05），A组口服", ""),
    ("缩短（平均短3.08 h，更易为患者接受", "（）"),  # (the closing bracket lost)
    ("risk factors were: 1) age; 2) sex; and 3) smoking", ""),  # (a list's enumerators)
    ("the “one country” policy and the “one China", "“”"),
    ("Teak (Tectona grandis L. f): insights", ""),
    ("《日本经济新闻》报道", ""),
])
def test_a_bracket_or_quote_left_open_is_found(text: str, pair: str) -> None:
    from parsers.confidence import _unpaired
    assert _unpaired(text) == pair


def test_an_abstract_with_a_bracket_left_open_is_flagged() -> None:
    art = clean_article()
    art.abstract.zh = "本文讨论日本与北约关系的发展及其动因（以安全合作为例，" * 3
    assert flags(art) == {"abstract.zh"}
