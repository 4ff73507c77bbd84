"""Confidence of a Chinese article's English names and cited URLs, checked against what its
pages print (CAJ-CD B/T 1-2006 English block, GB/T 28039-2011 pinyin, GB/T 7714-2015 [EB/OL])."""
from __future__ import annotations

from parsers.confidence import PageEvidence, assess_article, flagged_paths
from schemas.model import Citation, Contributor, LangText
from tests.test_confidence import clean_article


def flags(art, ev: PageEvidence | None = None) -> set[str]:
    assess_article(art, ev or PageEvidence())
    return flagged_paths(art.warnings)


def two_authors():
    art = clean_article()
    art.contributors.append(Contributor(name=LangText(zh="刘云生", en="LIU Yunsheng"), surname="刘", given="云生",
                                        affiliation="北京外国语大学国际关系学院"))
    return art


def test_an_english_name_printed_but_not_read_is_flagged() -> None:
    art = two_authors()
    art.contributors[1].name.en = ""
    text = "NewDevelopmentsinJapan-NATORelations\nCHENJingjing1,LIUYunsheng2"
    assert "contributors.name.en" in flags(art, PageEvidence(text=text))
    # nothing printed for him: no evidence against the record beyond the count check
    art = two_authors()
    assert "contributors.name.en" not in flags(art, PageEvidence(text="CHENJingjing1,LIUYunsheng2"))


def test_pinyin_inside_another_word_is_no_name() -> None:
    art = clean_article()
    art.contributors[0].name = LangText(zh="李娜", en="")
    assess_article(art, PageEvidence(text="Carolinais a state"))
    assert not any("the pages print" in w.message for w in art.warnings)
    assess_article(art, PageEvidence(text="LINa1"))
    assert any("the pages print “LINa”" in w.message for w in art.warnings)


def test_a_mark_or_a_broken_hyphen_in_an_english_name_is_flagged() -> None:
    for bad in ("CHEN Jingjing*", "CHEN Jingjing†", "CHEN Jing- jing"):
        art = clean_article()
        art.contributors[0].name.en = bad
        assert "contributors.name.en" in flags(art), bad
    art = clean_article()
    art.contributors[0].name.en = "CHEN Jing-jing"
    assert "contributors.name.en" not in flags(art)


def test_names_in_two_styles_are_flagged_letter_spacing_is_not() -> None:
    art = two_authors()
    art.contributors[0].name.en = "Jingjing Chen"  # given name first, the other surname first in capitals
    assert "contributors.name.en" in flags(art)
    art = two_authors()
    art.contributors[1].name.en = "LI U Yunsheng"  # a letter-spaced surname: same style
    assert "contributors.name.en" not in flags(art)


def test_an_english_byline_with_more_names_than_authors_is_flagged() -> None:
    art = clean_article()
    text = "CHENJingjing1,LIUYun-sheng2,WANGWu1\n(1.SchoolofInternationalRelations)"
    assert {"contributors.name.en", "contributors.name.zh"} <= flags(art, PageEvidence(text=text))


def cited(*cits: Citation):
    art = clean_article()
    art.citations = list(cits)
    return art


def test_a_printed_url_no_citation_holds_is_flagged() -> None:
    art = cited(Citation(1, "国家统计局. 统计公报[EB/OL]. [2020-03-05]. http://www.stats.gov.cn/tjsj/", ["http://www.stats.gov.cn/tjsj/"], "2020-03-05"))
    ev = PageEvidence(url_lines=[("[1] 国家统计局. 统计公报[EB/OL]. [2020-03-05]. http://www.stats.gov.cn/tjsj/", ""),
                                 ("[2] 某报告[EB/OL]. http://www.example.org/report.pdf", "")])
    assert "citations.urls" in flags(art, ev)
    # the same line printing only what was read: not flagged (the scheme may sit on the line above)
    ev = PageEvidence(url_lines=[("[2018-03-18] http://", "www.stats.gov.cn/tjsj/"), ("www.stats.gov.cn/tjsj/", "")])
    assert "citations.urls" not in flags(art, ev)


def test_a_url_cut_at_a_line_end_or_joined_by_guess_is_flagged() -> None:
    whole = "http://news.example.com/2004/03/17/news219465184.shtml"
    art = cited(Citation(1, "新闻[EB/OL]. " + whole, [whole[:len("http://news.example.com/2004/03/17/")]]))
    ev = PageEvidence(url_lines=[("新闻[EB/OL]. http://news.example.com/2004/03/17/", "news219465184.shtml")])
    assert "citations.urls" in flags(art, ev)   # the next line goes on with a file name
    art = cited(Citation(1, "新闻[EB/OL]. " + whole, [whole]))
    ev = PageEvidence(url_lines=[("新闻[EB/OL]. http://news.example.com/2004/03/17/news219465184", "shtml")])
    assert "citations.urls" not in flags(art, ev)  # (the read URL goes on with “.shtml”: no bare word)
    ev = PageEvidence(url_lines=[("新闻[EB/OL]. http://news.example.com/2004/03/17/news", "219465184.shtml")])
    assert "citations.urls" not in flags(art, ev)  # what went on has a dot: a URL's tail
    art = cited(Citation(1, "新闻[EB/OL]. http://news.example.com/report", ["http://news.example.com/report"]))
    ev = PageEvidence(url_lines=[("新闻[EB/OL]. http://news.example.com/rep", "ort")])
    assert "citations.urls" in flags(art, ev)   # a bare word joined on: prose could be that
    ev = PageEvidence(url_lines=[("新闻[EB/OL]. <http://news.example.com/rep", "ort>")])
    assert "citations.urls" not in flags(art, ev)  # inside <…> the URL runs to the >


def test_an_unread_citation_date_and_a_dangling_url_end_are_flagged() -> None:
    art = cited(Citation(1, "报告[EB/OL]. (2019-01-02)[2020-03-05]. http://www.example.org/a", ["http://www.example.org/a"], None))
    assert "citations.urls" in flags(art)
    art = cited(Citation(1, "报告[EB/OL]. (2019-01-02)[2020-03-05]. http://www.example.org/a", ["http://www.example.org/a"], "2020-03-05"))
    assert "citations.urls" not in flags(art)
    art = cited(Citation(1, "报告. http://www.example.org/a?id=", ["http://www.example.org/a?id="], None))
    assert "citations.urls" in flags(art)


def test_a_long_article_whose_references_were_not_read_is_flagged() -> None:
    art = clean_article()
    assert "citations.urls" in flags(art, PageEvidence(text="正文……\n参考文献\n[1]张三.论文[J]."))
    assert "citations.urls" not in flags(art, PageEvidence(text="正文……"))


def test_given_names_hyphenated_and_not_in_one_byline_are_flagged() -> None:
    art = two_authors()
    art.contributors[0].name.en, art.contributors[1].name.en = "CHEN Jing-jing", "LIU Yun-sheng"
    assert "contributors.name.en" not in flags(art)  # both hyphenated
    art = two_authors()
    art.contributors[0].name.en = "CHEN Jing-jing"  # (LIU Yunsheng joined)
    assert "contributors.name.en" in flags(art)


def test_a_name_read_the_bearers_way_is_its_pinyin() -> None:
    art = clean_article()
    art.contributors[0].name = LangText(zh="张长乐", en="ZHANG Changyue")
    assess_article(art, PageEvidence())
    assert not any("is not the pinyin" in w.message for w in art.warnings)


def test_a_short_chinese_field_not_printed_in_one_run_is_flagged() -> None:
    page = "日本与北约关系的新发展\n陈晶晶\n北京外国语大学国际关系学院，北京100089\n关键词：日本；北约；安全"
    art = clean_article()
    assert not {"title.zh", "keywords.zh", "contributors.affiliation"} & flags(art, PageEvidence(text=page))
    art = clean_article()
    art.title.zh = "日本与北约关系的新发展陈晶晶"  # the byline run into the title: in order, so one run
    art.keywords.zh = ["日本", "北约安全"]      # two keywords run together
    art.contributors[0].affiliation = "北京外国语大学国际学院"  # a line lost from the middle
    assert {"keywords.zh", "contributors.affiliation"} <= flags(art, PageEvidence(text=page))


def test_a_person_the_bio_note_names_but_the_byline_lost_is_flagged() -> None:
    bios = "作者简介：陈晶晶（1985—），女，北京人，讲师；王小明，男，博士研究生，研究方向：日本外交。"
    assert "contributors.name.zh" in flags(clean_article(), PageEvidence(text=bios))
    both = two_authors()
    both.contributors[1].name.zh = "王小明"
    both.contributors[1].name.en = "WANG Xiaoming"
    assert "contributors.name.zh" not in flags(both, PageEvidence(text=bios))
    # (a sentence naming someone with a year is no 作者简介 entry)
    assert "contributors.name.zh" not in flags(clean_article(), PageEvidence(text="正如费孝通（1947）所言，"))
    assert "contributors.name.zh" not in flags(clean_article(), PageEvidence(text="，费孝通（1910—2005）认为"))
    assert "contributors.name.zh" in flags(clean_article(), PageEvidence(text="作者简介：王小明（1990.03—），男"))


def test_a_note_printing_more_addresses_than_were_read_is_flagged() -> None:
    text = "见http://www.a.org/x 和 www. b. org/y"
    assert "citations.urls" in flags(cited(Citation(1, text, ["http://www.a.org/x"])))
    assert "citations.urls" not in flags(cited(Citation(1, text, ["http://www.a.org/x", "www.b.org/y"])))


def test_an_english_abstract_or_title_out_of_proportion_to_the_chinese_is_flagged() -> None:
    # (a translation runs 2.5-6 letters per Chinese character: GB/T 7713.2's corresponding abstract)
    art = clean_article()
    assert not {"abstract.en", "title.en"} & flags(art)
    zh = len([c for c in art.abstract.zh if "\u4e00" <= c <= "\u9fff"])
    art = clean_article()
    art.abstract.en = art.abstract.en[: max(20, int(zh * 0.8))].rstrip() + "."  # (lost its second half)
    assert "abstract.en" in flags(art)
    art = clean_article()
    art.abstract.en = (art.abstract.en + " ") * 5  # (ran on into the text)
    got = flags(art)
    assert "abstract.en" in got and "abstract.zh" in got
    art = clean_article()
    art.title.en = art.title.en.split()[0]  # (one word left of a wrapped title)
    assert "title.en" in flags(art)


def test_an_article_cut_from_its_neighbour_by_type_size_alone_is_flagged() -> None:
    got = flags(clean_article(), PageEvidence(weak_split=("p.2 told by its type size alone", "")))
    assert {"pdf_pages", "fpage"} <= got and "lpage" not in got
    got = flags(clean_article(), PageEvidence(weak_split=("", "p.11 told by its type size alone")))
    assert {"pdf_pages", "lpage"} <= got and "fpage" not in got


def test_a_name_the_contents_list_but_the_byline_did_not_give_is_flagged() -> None:
    """A whole issue's 目录 prints each article's authors (CAJ-CD B/T 1-2006): a name listed
    there that was not read flags the names (and the English names and units paired to them);
    a 目录 that lists the first author only, ends in 等, or lists what is not a name alone, does not."""
    art = two_authors()   # 陈晶晶, 刘云生
    assert "contributors.name.zh" in flags(art, PageEvidence(toc_authors="陈晶晶　刘云生　王建国"))
    assert "contributors.affiliation" in flags(two_authors(), PageEvidence(toc_authors="陈晶晶，王建国"))
    assert "contributors.name.zh" not in flags(two_authors(), PageEvidence(toc_authors="陈晶晶　刘云生"))
    assert "contributors.name.zh" not in flags(two_authors(), PageEvidence(toc_authors="陈晶晶等"))
    assert "contributors.name.zh" not in flags(two_authors(), PageEvidence(toc_authors="日本研究所课题组"))
