"""Pairing the Chinese byline with the English one, and the flags where the page does not
settle a name: the English byline lists the same people in the same order (CAJ-CD B/T
1-2006); a form that fits its Chinese name in pinyin (GB/T 28039-2011), Wade–Giles or a
Hong Kong spelling is that person's; a count or a form that does not fit is flagged, not
guessed; a surname split neither a known compound nor the English name settles is flagged."""
from __future__ import annotations

from parsers.confidence import PageEvidence, assess_article, flagged_paths
from schemas.model import Article, Contributor, LangText


def article(*people: tuple[str, str, str]) -> Article:
    """A Chinese article whose other fields agree (zh name, English name, surname)."""
    art = Article(id="a01", pdf_pages=[1, 10], fpage="43", lpage="52")
    art.title = LangText(zh="日本与北约关系的新发展", en="New Developments in Japan-NATO Relations")
    art.contributors = [Contributor(name=LangText(zh=zh, en=en), name_pinyin="", surname=sur,
                                    given=zh[len(sur):] if zh.startswith(sur) else "", affiliation="北京外国语大学国际关系学院")
                        for zh, en, sur in people]
    art.abstract = LangText(zh="本文讨论日本与北约关系的发展及其动因，" * 3,
                            en="This article discusses the development of Japan-NATO relations and its causes. " * 2)
    art.keywords.zh, art.keywords.en = ["日本", "北约", "安全"], ["Japan", "NATO", "security"]
    art.clc, art.doc_code = ["D831.3"], "A"
    return art


def flags(art: Article) -> set[str]:
    assess_article(art, PageEvidence())
    return {p for p in flagged_paths(art.warnings) if p.startswith("contributors")}


def test_names_in_order_and_in_pinyin_are_not_flagged() -> None:
    assert flags(article(("王建国", "WANG Jianguo", "王"), ("李思远", "LI Siyuan", "李"))) == set()
    assert flags(article(("王建国", "Jianguo Wang", "王"), ("李思远", "Siyuan Li", "李"))) == set()


def test_english_names_in_another_order_than_the_chinese_are_flagged() -> None:
    got = flags(article(("王建国", "LI Siyuan", "王"), ("李思远", "WANG Jianguo", "李")))
    assert {"contributors.name.en", "contributors.name.zh"} <= got


def test_fewer_english_names_than_authors_are_flagged() -> None:
    assert "contributors.name.en" in flags(article(("王建国", "WANG Jianguo", "王"), ("李思远", "", "李")))


def test_wade_giles_and_hong_kong_spellings_are_the_authors_own() -> None:
    assert flags(article(("张宗宪", "Chang Tsung-hsien", "张"), ("王建国", "Wang Jianguo", "王"))) == set()
    assert flags(article(("王建国", "WANG Jianguo", "王"), ("陈大文", "CHAN Tai-man", "陈"))) == set()
    # (a Hong Kong spelling of another surname is no fit)
    assert "contributors.name.en" in flags(article(("王建国", "CHAN Tai-man", "王")))


def test_a_surname_split_nothing_settles_is_flagged() -> None:
    assert "contributors.surname" in flags(article(("范徐丽泰", "", "范")))
    assert "contributors.surname" not in flags(article(("范徐丽泰", "FAN Xu Litai", "范")))
    assert "contributors.surname" not in flags(article(("欧阳修文", "", "欧阳")))


def test_a_rare_surname_read_its_surname_way_in_english_is_not_a_misread() -> None:
    assert "contributors.name.zh" not in flags(article(("召燕", "Yan Shao", "召")))
    assert "contributors.name.zh" in flags(article(("召燕", "", "召")))


def test_u_umlaut_spelt_three_ways_is_one_byline_style() -> None:
    for lv in ("LÜ Ming", "LYU Ming", "LV Ming"):
        assert flags(article((("吕明", lv, "吕")), ("李思远", "LI Siyuan", "李"))) == set(), lv


def test_dotted_and_latin_names_keep_their_surnames() -> None:
    assert flags(article(("阿不都·热合曼", "Abudu Reheman", "热合曼"), ("王建国", "WANG Jianguo", "王"))) == set()
    assert "contributors.surname" not in flags(article(("王建国", "WANG Jianguo", "王"), ("John Smith", "John Smith", "Smith")))


def test_a_byline_name_under_the_title_that_was_not_read_is_flagged() -> None:
    """A wrapped byline's second line lost, or names read from elsewhere: the names under the
    title say so."""
    page = "日本与北约关系的新发展\n王建国1，李思远2，\n赵明华1*\n（1.北京外国语大学国际关系学院，北京100089）\n摘要：本文讨论"
    art = article(("王建国", "WANG Jianguo", "王"), ("李思远", "LI Siyuan", "李"))
    assess_article(art, PageEvidence(text=page.replace("，\n赵", "，赵")))
    assert "contributors.name.zh" in flagged_paths(art.warnings)
    art = article(("王建国", "WANG Jianguo", "王"), ("李思远", "LI Siyuan", "李"), ("赵明华", "ZHAO Minghua", "赵"))
    assess_article(art, PageEvidence(text=page.replace("，\n赵", "，赵")))
    assert "contributors.name.zh" not in flagged_paths(art.warnings)
    # (the byline wrapped after a comma: its second line is part of it)
    art = article(("王建国", "WANG Jianguo", "王"), ("李思远", "LI Siyuan", "李"))
    assess_article(art, PageEvidence(text=page))
    assert "contributors.name.zh" in flagged_paths(art.warnings)


def test_english_names_printed_in_another_order_pair_off_by_their_romanisation() -> None:
    from parsers.article import _english_in_byline_order
    zh = ["王建国", "李思远", "张宗宪"]
    assert _english_in_byline_order(zh, ["LI Siyuan", "Chang Tsung-hsien", "WANG Jianguo"]) == \
        ["WANG Jianguo", "LI Siyuan", "Chang Tsung-hsien"]
    # (in order already, or no one-to-one pairing: as printed)
    assert _english_in_byline_order(zh, ["WANG Jianguo", "LI Siyuan", "Chang Tsung-hsien"]) == \
        ["WANG Jianguo", "LI Siyuan", "Chang Tsung-hsien"]
    assert _english_in_byline_order(zh, ["LI Siyuan", "WANG Jianguo", "John Smith"]) == \
        ["LI Siyuan", "WANG Jianguo", "John Smith"]
    assert _english_in_byline_order(["王芳", "汪芳"], ["WANG Fang", "WANG Fang"]) == ["WANG Fang", "WANG Fang"]
