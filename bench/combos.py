"""Conventions in combination: does every field come out right (or flagged) when one page
prints several of the conventions the suites vary one at a time?

An unseen journal is a new combination of known conventions (GB/T 7713.2-2022 and CAJ-CD
B/T 1-2006 fix the fields and their order; each journal picks its own marks, unit style,
name romanisation, folio, columns and notes). The suites check each convention against one
baseline; this probe draws random combinations of them with the suites' own generators and
scores each field against the generator's input as the suite's test does: exact, or wrong
and flagged (the editor is told), or wrong and silent. Seeded, so a combination can be drawn
again by its number. Three modes: Chinese articles (tests/make_convention_cases.py), whole
issues (--issues, tests/make_folio_cases.py), English first pages (--english,
tests/make_en_convention_cases.py).

    .venv/bin/python bench/combos.py -n 200            # totals and every miss
    .venv/bin/python bench/combos.py --issues --show 17 --out /tmp/c17   # one combination's PDF and truth
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import make_convention_cases as mc  # noqa: E402
import make_en_convention_cases as mec  # noqa: E402
import make_folio_cases as mfc  # noqa: E402
from make_convention_cases import Art, Case, Person  # noqa: E402
from test_convention_cases import compare_records  # noqa: E402  (each suite's comparison of truth and record)
from test_en_convention_cases import FIELDS, KEYS, exact, fields_of  # noqa: E402
from test_folio_cases import compare_pages  # noqa: E402

# names as GB/T 28039-2011 romanises them (surname in capitals first), one- and two-character
# given names, compound surnames
PEOPLE = [Person("王建国", "王", "WANG Jianguo"), Person("李思远", "李", "LI Siyuan"),
          Person("欧阳晓", "欧阳", "OUYANG Xiao"), Person("张敏", "张", "ZHANG Min"),
          Person("陈志强", "陈", "CHEN Zhiqiang"), Person("司马相如", "司马", "SIMA Xiangru"),
          Person("赵明华", "赵", "ZHAO Minghua"), Person("刘洋", "刘", "LIU Yang"),
          Person("黄晓燕", "黄", "HUANG Xiaoyan"), Person("诸葛明亮", "诸葛", "ZHUGE Mingliang"),
          Person("吕娜", "吕", "LÜ Na"), Person("郑海峰", "郑", "ZHENG Haifeng")]
UNITS = [(mc.AFF1, mc.AFF1_EN), (mc.AFF2, mc.AFF2_EN),
         ("中国社会科学院数量经济与技术经济研究所，北京 100732",
          "Institute of Quantitative and Technological Economics, Chinese Academy of Social Sciences, Beijing 100732, China"),
         ("华中科技大学公共管理学院，湖北 武汉 430074",
          "School of Public Administration, Huazhong University of Science and Technology, Wuhan 430074, China")]
TITLES = [(mc.TITLE, mc.TITLE_EN),
          ("人口老龄化对家庭消费结构的影响", "The Effect of Population Ageing on Household Consumption Structure"),
          ("乡村振兴战略下农村集体经济组织治理机制创新与制度保障研究",
           "Innovation of Governance Mechanisms and Institutional Guarantees of Rural Collective Economic "
           "Organizations under the Rural Revitalization Strategy")]
# unit styles that mark each name with its units' numbers (or letters)
MARKED = ["numbered", "label", "sup_unicode", "bracket", "circled", "fullwidth", "letters", "paren_marks",
          "nodot", "paren_each", "sup_raised", "tight", "spaced"]
# styles for one unit a person, the unit printed with the name
ONE_EACH = ["inline", "alternating"]
EN_STYLES = ["caps", "caps", "and", "baseline", "fullwidth_comma", "sup_unicode"]
ARTICLE_NO = "文章编号：1000-1234(2023)06-{first:04d}-{count:02d}"  # CAJ-CD B/T 1-2006: ISSN(year)issue-page-count
FOLIOS = ["head_dots", "head_outer", "head_dash", "foot_center", "foot_dash", "foot_outer", "head_di", "head_joined"]


# the given names' syllables, for the hyphenated form an older habit prints (WANG Jian-guo)
SYLLABLES = {"Jianguo": "Jian-guo", "Siyuan": "Si-yuan", "Zhiqiang": "Zhi-qiang", "Xiangru": "Xiang-ru",
             "Minghua": "Ming-hua", "Xiaoyan": "Xiao-yan", "Mingliang": "Ming-liang", "Haifeng": "Hai-feng"}


NAME_FORMS = ["caps", "caps", "title", "given_first", "hyphen", "given_first_caps", "given_first_hyphen", "all_caps"]


def english_form(p: Person, form: str) -> str:
    """The printed English name: GB/T 28039 capitals, or the title-case, given-first,
    hyphenated and all-capitals forms many journals print (one form for a whole byline)."""
    sur, given = p.en.split(" ", 1)
    if form == "title":
        return f"{sur.title()} {given}"
    if form == "given_first":
        return f"{given} {sur.title()}"
    if form == "hyphen" and given in SYLLABLES:
        return f"{sur} {SYLLABLES[given]}"
    if form == "given_first_caps":       # Jianguo WANG
        return f"{given} {sur}"
    if form == "given_first_hyphen":     # Jian-guo Wang
        return f"{SYLLABLES.get(given, given)} {sur.title()}"
    if form == "all_caps":               # WANG JIANGUO
        return f"{sur} {given.upper()}"
    return p.en


def draw_article(rng: random.Random, seed_title: int) -> Art:
    n_people = rng.choice([1, 2, 2, 3, 3, 4])
    people = rng.sample(PEOPLE, n_people)
    style = rng.choice(MARKED + ONE_EACH + ["single"])
    n_units = 1 if style == "single" else rng.choice([1, 2, 2, 3]) if style not in ONE_EACH else min(n_people, 3)
    units = rng.sample(UNITS, n_units)
    out = []
    form = rng.choice(NAME_FORMS)
    for k, p in enumerate(people):
        if style in ONE_EACH:
            aff = (k % n_units + 1,)
        elif n_units > 1 and rng.random() < 0.2:
            aff = tuple(sorted(rng.sample(range(1, n_units + 1), 2)))
        else:
            aff = (rng.randrange(n_units) + 1,) if k else (1,)
        out.append(replace(p, aff=aff, en=english_form(p, form), star=(k == 0 and rng.random() < 0.3)))
    # every unit is someone's (a printed unit no author has is no convention)
    used = sorted({u for p in out for u in p.aff})
    renumber = {u: k + 1 for k, u in enumerate(used)}
    out = [replace(p, aff=tuple(renumber[u] for u in p.aff)) for p in out]
    units = [units[u - 1] for u in used]
    if style == "single" or (len(units) == 1 and style in ("inline", "alternating")):
        style = "single" if all(p.aff == (1,) for p in out) else "numbered"
    title, title_en = TITLES[seed_title % len(TITLES)]
    kw: dict = {}
    if rng.random() < 0.12:
        # the units in the first-page note (作者单位：…), each naming its people: 单位（姓名）, the
        # medical journals' 邮编 城市，单位（姓名）, or one unit as printed under a byline
        style = "foot"
        form = rng.choice(["names", "postcode"] + ["plain"] * (len(units) == 1))
        parts = []
        for k, (zh_u, _) in enumerate(units, 1):
            name, place = zh_u.split("，", 1)
            who = "、".join(p.zh for p in out if k in p.aff)
            parts.append({"names": f"{name}（{who}）", "postcode": f"{place.split()[-1]} {place.split()[-2]}，{name}（{who}）",
                          "plain": zh_u}[form])
        kw.update(unit_note="；".join(parts), aff_truth=[u[0].split("，")[0] for u in units])
    if rng.random() < 0.3:
        kw["column"] = rng.choice(["区域经济", "理论探讨", "专题研究"])
    if rng.random() < 0.2:
        kw["subtitle"] = "基于省级面板数据的分析"
    if rng.random() < 0.3:
        kw.update(notes=[f"国家统计局：《中国统计年鉴2022》，{mc.URL_STATS}，访问日期：2023年3月1日。"],
                  urls=[(mc.URL_STATS, mc.ACCESS)], note_style=rng.choice(["circled", "bracket", "paren"]))
    elif rng.random() < 0.3:
        kw.update(refs=[f"国家统计局. 中国统计年鉴2022[EB/OL]. (2022-07-28)[2023-03-01]. {mc.URL_STATS}."],
                  urls=[(mc.URL_STATS, mc.ACCESS)])
    if rng.random() < 0.3:
        kw["codes"] = [ARTICLE_NO]  # (numbered once the pages are set: see make_convention_cases.render)
    # the front matter's labels, a structured abstract (medical journals), keyword separators, codes
    kw["labels"] = rng.choice(["colon", "colon"] + sorted(mc.LABEL_FORMS.keys() - {"colon"}))
    if rng.random() < 0.2:
        kw["structured"] = rng.choice(["run_in", "lines"])
    kw["kw_sep"] = rng.choice(["；", "；", "，", "　", "、"])
    if rng.random() < 0.3:
        kw["clc"] = rng.choice([("F127", "F49"), ("R737.33",), ("G206.2",), ("D822", "D73"), ("TP391.1",)])
    kw["doc_code"] = rng.choice("AAAB")
    kw["codes_above"] = rng.random() < 0.15  # (CNKI's one-line header over the title)
    return mc.base(title=title, title_en=title_en, people=out, affs=[u[0] for u in units],
                   affs_en=[u[1] for u in units], aff_style=style, en_style=rng.choice(EN_STYLES),
                   en_at_end=rng.random() < 0.15, paras=rng.choice([2, 3, 4, 6]), **kw)


def more_conventions(rng: random.Random, art: Art) -> Art:
    """A second layer of conventions the convention suite prints one at a time (session 14),
    drawn from a generator of its own so that the first layer's draws stay as they were:
    an English title in capitals, two-character names padded to three, 基金项目 as the
    title's note, 作者简介 in the first-page note or after the references, a 通信作者 role or
    an equal-contribution sign on the byline, a 资料来源 line under a table."""
    kw: dict = {}
    if rng.random() < 0.1:
        kw["title_en"] = art.title_en.upper()
    if rng.random() < 0.1 and art.aff_style not in ("single", "label", "bio_only", "foot", "spaced"):
        kw["pad_names"] = True  # (names apart by commas: padded names apart by the padding's own space read as one)
    if rng.random() < 0.15:
        mark = rng.choice(["*", "①"])
        kw.update(title_mark=mark, foot_extra=[f"{mark} 基金项目：国家社会科学基金项目（22BJL001）"])
    if rng.random() < 0.15:
        units = [u.split("，")[0] for u in art.affs]
        who = [(p.zh, units[p.aff[0] - 1]) for p in art.people]
        if rng.random() < 0.5:
            kw["bio"] = mc._bio(*who)
        else:
            kw["bio_end"] = "作者简介：" + mc._bio(who[0])
    people = list(art.people)
    if rng.random() < 0.08:
        people[-1] = replace(people[-1], role="（通信作者）", star=False)
    elif rng.random() < 0.08 and len(people) > 1:
        people[:2] = [replace(p, sign="#") for p in people[:2]]
    if rng.random() < 0.1 and not art.urls:
        kw["source_note"] = "资料来源：国家统计局。"
    return replace(art, people=people, **kw)


CITE_LINE = "引用格式：{names}．{title}[J]．" + f"{mc.JOURNAL}，{mc.YEAR}，{mc.VOLUME}({mc.ISSUE})：" + "{first}-{last}．"
ONLINE_FIRST = ("网络首发时间：2023-05-12 10:23:11；网络首发地址：https://kns.cnki.net/kcms/detail/"
                "22.1234.F.20230512.1023.002.html")  # (CNKI's online-first note: a record's address, not a citation)
RECEIVED_FORMS = ["2023年3月15日", "2023－03－15", "2023-3-15", "2023.03.15"]  # (all 2023-03-15)


def third_conventions(rng: random.Random, art: Art) -> Art:
    """A third layer of the suite's switches (session 15), from a generator of its own: names
    letter-spaced for display, notes gathered under 注释： at the end, the short unit label
    单位：, a DOI line and a 引用格式 line among the codes, a 通信作者 note and CNKI's 网络首发
    note at the page foot, the 收稿日期 in other date forms."""
    kw: dict = {}
    if rng.random() < 0.15 and art.aff_style == "single" and not art.pad_names:
        kw.update(letter_spaced=True, name_sep="　　")
    if art.notes and rng.random() < 0.3:
        kw["endnotes"] = True
    if art.aff_style == "label" and rng.random() < 0.3:
        kw["unit_label"] = "单位："
    codes = list(art.codes)
    if rng.random() < 0.15:
        codes.append(f"DOI：10.13345/j.cnki.xdqy.{mc.YEAR}.0{mc.ISSUE}.005")
    if rng.random() < 0.1:
        names = "，".join(p.zh for p in art.people[:3]) + ("，等" if len(art.people) > 3 else "")
        codes.append(CITE_LINE.replace("{names}", names).replace("{title}", art.title))
    extra = list(art.foot_extra)
    if rng.random() < 0.1:
        extra.append(f"通信作者：{art.people[0].zh}，E-mail：xdqy2023@163.com")
    if rng.random() < 0.08:
        extra.append(ONLINE_FIRST)
    if rng.random() < 0.15:
        kw.update(received_printed=rng.choice(RECEIVED_FORMS), received="2023-03-15", received_truth=True)
    return replace(art, codes=codes, foot_extra=extra, **kw)


def third_case_conventions(rng: random.Random, case: Case) -> Case:
    """The third layer's page conventions: a first page that prints the running head, a
    printer's PDF (crop marks, a CropBox, or the page on A4 paper), a notice under the last
    article's end or a 征稿启事 page after it, a download that opens with the previous
    article's tail."""
    kw: dict = {}
    if rng.random() < 0.08 and case.folio.startswith("head"):
        kw["first_head"] = True
    if rng.random() < 0.08 and not case.a4:
        kw["bleed"] = rng.choice(["marks", "cropbox", "paper"])
    r = rng.random()
    if r < 0.06:
        kw["notice_after"] = rng.choice(sorted(mc.NOTICES))
    elif r < 0.1:
        kw["advert_after"] = True
    if rng.random() < 0.06:
        kw["tail_before"] = True
    return replace(case, **kw)


def draw(n: int) -> Case:
    """Combination number n (the same n draws the same combination)."""
    rng = random.Random(n)
    arts = [draw_article(rng, n)]
    run_on = rng.random() < 0.25
    if run_on:
        arts.append(draw_article(rng, n + 1))
    a4 = rng.random() < 0.5
    columns = a4 and rng.random() < 0.5
    if columns:  # (the generator sets no first-page notes for a run-on article in two columns)
        arts[1:] = [replace(a, notes=[], urls=[] if a.notes else a.urls) for a in arts[1:]]
    case = Case(f"combo_{n}", "random combination", arts, folio=rng.choice(FOLIOS),
                first_folio=rng.random() < 0.7, run_on=run_on, first=rng.choice([1, 43, 117, 1276]),
                a4=a4, columns=columns)
    case = replace(case, arts=[more_conventions(random.Random(f"more-{n}-{k}"), a) for k, a in enumerate(arts)])
    case = replace(case, arts=[third_conventions(random.Random(f"third-{n}-{k}"), a) for k, a in enumerate(case.arts)])
    if columns:  # (its 收稿日期 note is not printed either)
        case = replace(case, arts=case.arts[:1] + [replace(a, received_truth=False) for a in case.arts[1:]])
    case = third_case_conventions(random.Random(f"third-case-{n}"), case)
    # (drawn last, so that the other choices stay as they were) an export whose Chinese fonts carry
    # no ToUnicode: Adobe-GB1 CIDs only; or a Founder export (摇 for the ideographic space, 鄄 for a
    # hyphen), its masthead printing the volume in English as such journals do
    export = rng.random()
    if export < 0.15:
        return replace(case, font="gb1")
    if export < 0.3:
        return replace(case, export="founder", masthead="第38卷第6期　　现代区域研究　　Vol.　38　No.　6")
    return case


def describe(case: Case) -> str:
    parts = [f"folio={case.folio}{'' if case.first_folio else ' (none on p.1)'}", f"first={case.first}"]
    parts += ["a4"] * case.a4 + ["columns"] * case.columns + ["run-on"] * case.run_on + ["gb1"] * (case.font == "gb1")
    parts += [case.export] if case.export else []
    parts += [f"{k}={getattr(case, k)}" for k in ("first_head", "bleed", "notice_after", "advert_after", "tail_before")
              if getattr(case, k)]
    for a in case.arts:
        parts.append(f"[{len(a.people)} names, {len(a.affs)} units, aff={a.aff_style}, en={a.en_style}"
                     + "".join(f", {k}" for k in ("column", "subtitle", "notes", "refs", "codes") if getattr(a, k))
                     + (", en at end" if a.en_at_end else "") + f", labels={a.labels}, kw_sep={a.kw_sep!r}"
                     + (f", structured={a.structured}" if a.structured else "") + f", clc={'/'.join(a.clc)}"
                     + (", codes above" if a.codes_above else "")
                     + "".join(f", {k}" for k in ("letter_spaced", "endnotes", "unit_label", "received_printed") if getattr(a, k))
                     + "".join(f", code {c[:6]}" for c in a.codes if not c.startswith("文章编号"))
                     + "".join(f", foot {x[:6]}" for x in a.foot_extra)
                     + f", paras={a.paras}]")
    return " ".join(parts)


def draw_issue(n: int) -> "mfc.Case":
    """Issue combination number n: a whole issue as tests/make_folio_cases.py sets one (GB/T
    3179 folios and running heads, a cover, a 目录, adverts and plates, run-on or not), its
    page fields scored."""
    rng = random.Random(n)
    columns = rng.random() < 0.25
    run_on = columns or rng.random() < 0.3  # (a journal runs its articles on, or never)
    items = []
    for k in range(rng.randint(3, 10)):
        land = rng.choice(["rotated", "none", "page"]) if rng.random() < 0.08 else ""
        items.append(mfc.Item(art=mfc.art(k, rng.choice([1, 2, 3, 4, 6, 8]), title=k % len(mfc.TITLES)),
                              run_on=run_on and k > 0, landscape=land, article_no=rng.random() < 0.25))
    toc = rng.random() < 0.4
    folio = rng.choice(mfc.FOLIO_STYLES)
    case = mfc.Case(f"issue_combo_{n}", "random combination",
                    mfc.issue(*items, cover=rng.random() < 0.3, toc=toc,
                              advert_after=rng.randrange(len(items) - 1) if rng.random() < 0.3 else None,
                              plate_after=rng.randrange(len(items) - 1) if rng.random() < 0.15 else None),
                    folio=folio, first_page=rng.choice(["none", "foot"] + ["same"] * (folio == "head_plain")),
                    first=rng.choice([1, 35, 121, 201, 1276]), toc_folio=rng.choice(["", "roman"]) if toc else "",
                    digits=rng.choice(["", "", "", "runs", "spaced"]), tight=rng.random() < 0.2,
                    head_size=rng.choice([8.5, 8.5, 10.5]), columns=columns, page_labels=rng.random() < 0.2,
                    toc_style=rng.choice(["right", "under", "first"]))
    if rng.random() < 0.3:  # the issue-end English abstracts (drawn last: the other choices stay as they were)
        case.items += mfc.english_section(len(items))
    # how the file was made: as typeset, bound from single-article downloads, exported as reader
    # spreads, on printer's sheets (a TrimBox), or a 16开 page centred on A4 paper (no TrimBox)
    made = rng.choice(["typeset"] * 6 + ["downloads", "spreads", "sheet"] + ["paper"] * (not columns))
    case = replace(case, downloads=made == "downloads", spreads=made == "spreads",
                   sheet=36.0 if made == "sheet" else 0.0, paper=mc.A4_PAPER if made == "paper" else None)
    return third_issue_conventions(random.Random(f"third-issue-{n}"),
                                   more_issue_conventions(random.Random(f"more-issue-{n}"), case))


def more_issue_conventions(rng: random.Random, case: "mfc.Case") -> "mfc.Case":
    """A second layer of the folio suite's conventions (session 14), from a generator of its
    own so that the first layer's draws stay as they were: each article's head set across both
    columns (the medical journals' habit), another dot or dash around the folio, a folio set
    larger and bold, an article that prints no folio but its 文章编号, one bound in from another
    issue with its own numbers."""
    kw: dict = {}
    if case.columns and rng.random() < 0.4:
        kw["full_heads"] = True
    if rng.random() < 0.15:
        kw["dot"] = rng.choice(["∙", "―", "•"])
    if rng.random() < 0.15:
        kw["folio_size"] = 12.0
    items = list(case.items)
    arts = [k for k, it in enumerate(items) if it.kind == "article"]
    if len(arts) > 2 and rng.random() < 0.1:
        k = rng.choice(arts[1:-1])
        items[k] = replace(items[k], article_no=True, bare=True)
    elif len(arts) > 2 and not case.downloads and not case.columns and rng.random() < 0.08:
        # (not in a two-column issue: there every article runs on, on the page the last one ends)
        k = arts[-1]
        items[k] = replace(items[k], numbered_from=rng.choice([57, 301]), run_on=False)
    return replace(case, items=items, **kw)


def third_issue_conventions(rng: random.Random, case: "mfc.Case") -> "mfc.Case":
    """A third layer of whole-issue conventions (session 15), from a generator of its own: a
    blank page left before an article that starts on a recto, short pieces that print no
    摘要, 关键词 or codes (an editorial, a book review, a 短文), which are articles too, and a
    Founder export's full-width digits in the folios."""
    items = list(case.items)
    kw: dict = {}
    if not case.digits and rng.random() < 0.1:
        kw["digits"] = "fullwidth"   # (a Founder export: full-width digits in the folios, １１８)
    arts = [k for k, it in enumerate(items) if it.kind == "article"]
    if not case.columns and not case.full_heads and not case.downloads and rng.random() < 0.12:
        # (a journal that opens each article on a recto leaves the verso before it blank)
        can = [k for k in arts[1:] if not items[k].run_on and items[k - 1].kind == "article"]
        if can:
            k = rng.choice(can)
            items.insert(k, mfc.Item("blank"))
    arts = [k for k, it in enumerate(items) if it.kind == "article"]
    for k in arts:
        if rng.random() < 0.08:
            items[k] = replace(items[k], art=replace(items[k].art, labelled=False, paras=min(items[k].art.paras, 3)))
    return replace(case, items=items, **kw)


def describe_issue(case: "mfc.Case") -> str:
    kinds = "".join({"article": "A", "advert": "d", "plate": "p", "cover": "c", "toc": "t", "english": "e",
                     "blank": "b"}[i.kind] if i.kind != "article" or i.art.labelled else "a" for i in case.items)
    extras = [f"{k}={getattr(case, k)}" for k in ("first_page", "first", "toc_folio", "digits", "tight", "head_size",
                                                  "columns", "page_labels", "toc_style", "downloads", "spreads", "sheet")
              if getattr(case, k)] + (["paper=A4"] if case.paper else [])
    arts = [f"{i.art.paras}{'r' if i.run_on else ''}{'#' if i.article_no else ''}{i.landscape[:1]}"
            for i in case.items if i.kind == "article"]
    return f"folio={case.folio} items={kinds} " + " ".join(extras) + " paras=" + ",".join(arts)


# English-language first pages (tests/make_en_convention_cases.py): names with particles,
# hyphens, accents and initials; one to three affiliations
EN_PEOPLE = [("Anna", "Kowalski"), ("Brian", "Okafor"), ("Chen", "Liu"), ("Jan", "van der Berg"),
             ("María", "García-López"), ("Sean", "O'Neill"), ("Jürgen", "Müller"), ("Priya", "Raghunathan"),
             ("John A.", "Smith"), ("Fatima", "Al-Sayed"), ("Luc", "De Smet"), ("Yuki", "Tanaka")]
EN_AFFS = ["Department of Soil Science, University of Nebraska, Lincoln, NE, USA",
           "Institute of Crop Research, Wageningen University, Wageningen, The Netherlands",
           "School of Life Sciences, Peking University, Beijing 100871, China",
           "Faculty of Medicine, University of Porto, Porto, Portugal"]
EN_NAME_FORMATS = ["given-first", "given-first", "vancouver", "surname-caps"]
EN_KW = [("Keywords:", "; "), ("Key words:", ", "), ("KEYWORDS", "; "), ("Keywords", " · "), ("Index Terms—", ", ")]


_EN_PROFILES = {c.name: c for c in mec.cases() if c.name in {
    "springer", "wiley", "oup", "nature", "ieee", "elsevier", "tandf", "mdpi",
    "banner", "subtitle", "bmc", "cell", "acs", "aps", "arxiv", "centered", "helvetica", "highlights", "hindawi",
    "copernicus",
    # (margin columns and notes that name the authors: the generator names the byline's own)
    "plos", "cambridge", "frontiers_sidebar", "rsoc_subject_areas", "plos_author_summary", "elife_digest",
    "mdpi_simple_summary", "pnas_significance", "frontiers_kw_sidebar", "tandf_kw_lines", "elsevier_graphical"}}
# (left out: cell_in_brief, whose summary names the suite's first author)


def draw_en(n: int) -> "mec.Case":
    """English combination number n: the English convention suite's switches drawn together."""
    rng = random.Random(n)
    people = rng.sample(EN_PEOPLE, rng.choice([1, 2, 3, 3, 4, 5]))
    n_affs = rng.choice([1, 2, 2, 3])
    affs = rng.sample(EN_AFFS, n_affs)
    marks = [",".join(sorted({str(rng.randrange(n_affs) + 1) if k else "1"} | ({str(n_affs)} if rng.random() < 0.2 else set())))
             for k in range(len(people))] if n_affs > 1 else [""] * len(people)
    used = sorted({m for ms in marks for m in ms.split(",") if m})
    affs = [affs[int(m) - 1] for m in used] if n_affs > 1 else affs
    renumber = {m: str(k + 1) for k, m in enumerate(used)}
    marks = [",".join(renumber[m] for m in ms.split(",")) if ms and len(used) > 1 else "" for ms in marks]
    authors = [mec.Author(g, s, m) for (g, s), m in zip(people, marks)]
    printed_affs = [(str(k + 1) if len(affs) > 1 else "", a) for k, a in enumerate(affs)]
    if rng.random() < 0.35:
        # a publisher's front matter (the suite's profile cases) with other names and units
        profile = _EN_PROFILES[rng.choice(sorted(_EN_PROFILES))]
        return replace(profile, name=f"en_combo_{n}", convention=f"profile {profile.name}", authors=authors,
                       affs=printed_affs, name_format=rng.choice(EN_NAME_FORMATS),
                       font=rng.choice(["Times", "Helvetica"]), hyphenate=rng.random() < 0.3,
                       orcid=rng.random() < 0.15, aff_notes=[], foot_lines=[], foot_after=[])
    kw_label, kw_sep = rng.choice(EN_KW)
    label = rng.choice(["alone", "alone", "run-in", "none-box", "none-italic"])
    kw: dict = {}
    if rng.random() < 0.2:
        kw.update(structured=mec.STRUCTURED, structured_heads=rng.choice(["run-in", "alone"]))
        if kw["structured_heads"] == "run-in":
            kw["expect"] = {"abstract": "flagged"}
    return third_en_conventions(random.Random(f"third-en-{n}"), more_en_conventions(random.Random(f"more-en-{n}"), mec.Case(
        name=f"en_combo_{n}", convention="random combination", authors=authors, affs=printed_affs,
        font=rng.choice(["Times", "Helvetica"]), abstract_label=label,
        abstract_run_in=rng.choice(["Abstract: ", "Abstract. ", "ABSTRACT "]) if label == "run-in" else "",
        kw_label=kw_label, kw_sep=kw_sep, kw_end=rng.choice(["", "."]), kw_alone=rng.random() < 0.15,
        no_keywords=rng.random() < 0.1, two_columns=rng.random() < 0.3, orcid=rng.random() < 0.15,
        corresp_note="* Corresponding author. E-mail: anna.kowalski@unl.edu" if rng.random() < 0.3 else "",
        center=rng.random() < 0.5, abstract_paras=rng.choice(["", "", "indent", "gap"]) if label == "alone" else "",
        byline_style=rng.choice(["r", "b"]), byline_size=rng.choice([10.0, 11.0, 12.0]),
        aff_mark_style=rng.choice(["sup", "baseline"]), aff_place=rng.choice(["under", "under", "footnote"]),
        column_label=rng.choice(["", "", "ORIGINAL ARTICLE", "Research Article"]), title_style=rng.choice(["b", "r"]),
        justify=rng.random() < 0.5, hyphenate=rng.random() < 0.3,
        name_format=rng.choice(EN_NAME_FORMATS), aff_paragraph=rng.random() < 0.2, **kw)))


def more_en_conventions(rng: random.Random, case: "mec.Case") -> "mec.Case":
    """A second layer of the English suite's switches (session 14), from a generator of its own
    so that the first layer's draws stay as they were: degrees after the names, marks after
    the names' commas, a serial "and" or an ampersand before the last name, the byline in
    small capitals, a subtitle, a Crossmark badge beside the title, the "Abstract" heading in
    small capitals, an envelope after the corresponding author."""
    kw: dict = {}
    authors = case.authors
    if rng.random() < 0.1:
        authors = [replace(a, degrees=rng.choice([", MD", ", PhD", ", MD, PhD"])) for a in authors]
    if rng.random() < 0.1 and len(authors) > 1:
        kw["comma_marks"] = True
    if rng.random() < 0.2 and len(authors) > 2:
        kw["last_sep"] = rng.choice([", and ", " & "])
    if rng.random() < 0.08:
        kw["small_caps"] = True
    if rng.random() < 0.1:
        kw["subtitle"] = "A four-season field study"
    if rng.random() < 0.1:
        kw["badge"] = ["Check for", "updates"]
    if rng.random() < 0.08 and case.abstract_label == "alone":
        kw["heading_small_caps"] = True
    if rng.random() < 0.05:
        kw["envelope"] = True
    return replace(case, authors=authors, **kw)


EN_AFTER_KW = [["JEL classification: Q15, Q25, C23"], ["Abbreviations: SWC, soil water content; LAI, leaf area index"],
               ["Received: 3 March 2024; Accepted: 9 May 2024; Published: 1 June 2024"],
               ["Running title: Soil moisture and winter wheat"]]
EN_FRONT_NOTES = [["Received: 3 March 2024 / Accepted: 9 May 2024 / Published online: 1 June 2024"],
                  ["Received: 3 March 2024; Editorial decision: 20 April 2024; Accepted: 9 May 2024"],
                  ["Correspondence: {given} {surname} ({mail})"]]
EN_BODY_HEADINGS = ["Introduction", "1 Introduction", "I. INTRODUCTION", "Background", "INTRODUCTION"]


def third_en_conventions(rng: random.Random, case: "mec.Case") -> "mec.Case":
    """A third layer of the English suite's switches (session 15), from a generator of its
    own: an e-mail under each affiliation, a line after the keywords (JEL codes, abbreviations,
    history, running title), history or correspondence lines over the abstract, a SUMMARY or
    Synopsis heading, the byline above the title, a structured abstract's sub-heads in
    capitals, a shaded abstract, the keywords above the abstract or on the last page, a
    copyright line under the abstract, a DOI line at the top, a rule under the front matter,
    affiliations marked by letters, the body's first heading in other forms."""
    kw: dict = {}
    first = case.authors[0]
    mail = first.surname.split()[-1].lower().replace("'", "") + "@unl.edu"
    if rng.random() < 0.12 and case.aff_place == "under" and not case.aff_paragraph:
        kw["aff_emails"] = [("Email: " if rng.random() < 0.5 else "") + f"office{k + 1}@unl.edu" for k in range(len(case.affs))]
    if rng.random() < 0.12 and not case.no_keywords:
        kw["kw_after"] = rng.choice(EN_AFTER_KW)
    if rng.random() < 0.1:
        kw["front_notes"] = [n.format(given=first.given, surname=first.surname, mail=mail) for n in rng.choice(EN_FRONT_NOTES)]
    if rng.random() < 0.08 and case.abstract_label == "alone":
        kw["abstract_heading"] = rng.choice(["SUMMARY", "Synopsis"])
    if rng.random() < 0.06:
        kw["authors_first"] = True
    if case.structured and case.structured_heads == "run-in" and rng.random() < 0.3:
        kw.update(structured_caps=True, structured_sep=" ")
    if rng.random() < 0.06 and case.abstract_label == "alone":
        kw["shade"] = True
    r = rng.random()
    if r < 0.06 and not case.no_keywords:
        kw["kw_at_end"] = True
    elif r < 0.14 and not case.no_keywords:
        kw["kw_before"] = True
    if rng.random() < 0.06 and not kw.get("kw_before"):
        kw.update(abstract_tail="© 2024 Elsevier Ltd. All rights reserved.", tight_after_abstract=True)
    if rng.random() < 0.06:
        kw["doi_line"] = "https://doi.org/10.1016/j.agwat.2024.108765"
    if rng.random() < 0.06:
        kw["rule_after_front"] = True
    if rng.random() < 0.08 and len(case.affs) > 1 and all(m.isdigit() for m, _ in case.affs):
        letter = {str(k): "abcdefgh"[k - 1] for k in range(1, 9)}
        kw["authors"] = [replace(a, marks=",".join(letter[m] for m in a.marks.split(",") if m)) for a in case.authors]
        kw["affs"] = [(letter[m], t) for m, t in case.affs]
    if rng.random() < 0.1:
        kw["body_heading"] = rng.choice(EN_BODY_HEADINGS)
    return replace(case, **kw)


def compare_en(truth: dict, issue: dict) -> list[Row]:
    """(field, exact, flagged, detail) as tests/test_en_convention_cases.py scores a case
    (abstracts and affiliations are always flagged by parsers.confidence.PRIORS_EN)."""
    got, flags = fields_of(issue)
    return [("articles", got["articles"] == 1, False, f"{got['articles']} articles")] + [
        (f, exact(f, truth[f], got[f]), KEYS[f] in flags, f"want {truth[f]!r} got {got[f]!r}") for f in FIELDS]


def describe_en(case: "mec.Case") -> str:
    base = mec.Case(name="", convention="", authors=[], affs=[])
    keys = ["font", "abstract_label", "abstract_run_in", "kw_label", "kw_sep", "kw_end", "kw_alone", "no_keywords",
            "two_columns", "orcid", "corresp_note", "center", "abstract_paras", "byline_style", "byline_size",
            "aff_mark_style", "aff_place", "column_label", "title_style", "justify", "hyphenate", "name_format",
            "aff_paragraph", "structured_heads", "aff_emails", "kw_after", "front_notes", "abstract_heading",
            "authors_first", "structured_caps", "shade", "kw_at_end", "kw_before", "abstract_tail", "doi_line",
            "rule_after_front", "body_heading"]
    shown = [f"{k}={getattr(case, k)!r}" for k in keys if getattr(case, k) != getattr(base, k)]
    return (f"{case.convention.removeprefix('random combination')}{len(case.authors)} names {[a.marks for a in case.authors]}, {len(case.affs)} affs"
            + (", structured" if case.structured else "") + " " + " ".join(shown))


Row = tuple[str, bool, bool, str]  # (field, exact, flagged, detail)


class Mode(NamedTuple):
    """One kind of combination: drawn by number, described in a line, set as a PDF (with what
    the truth needs beside it), its truth, and the suite's comparison of truth and record."""
    draw: Callable[[int], Any]
    describe: Callable[[Any], str]
    render: Callable[[Any], tuple[bytes, Any]]
    truth: Callable[[Any, Any], dict]
    compare: Callable[[dict, dict], list[Row]]


MODES = {"articles": Mode(draw, describe, mc.render, mc.truth_of, compare_records),
         "issues": Mode(draw_issue, describe_issue, mfc.render, mfc.truth_of, compare_pages),
         "english": Mode(draw_en, describe_en, lambda c: (mec.draw_case(c), None), lambda c, _: c.truth(), compare_en)}


def score(mode: Mode, case: Any, work: Path) -> list[Row] | None:
    """The rows of a drawn combination, or one row for the one-line error when ingesting
    refuses the PDF. None when the generator cannot set the combination: no evidence either way."""
    from parsers.errors import IngestError
    from parsers.extract import extract_issue
    try:
        pdf, drawn = mode.render(case)
    except Exception:
        return None
    path = work / f"{case.name}.pdf"
    path.write_bytes(pdf)
    try:
        issue = extract_issue(path).to_dict()
    except IngestError as e:
        return [("ingest", False, True, str(e))]
    return mode.compare(mode.truth(case, drawn), issue)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=100, help="combinations to draw (default 100)")
    ap.add_argument("--start", type=int, default=0, help="first combination number")
    ap.add_argument("--show", type=int, help="write one combination's issue.pdf and truth.json to --out")
    ap.add_argument("--out", type=Path)
    ap.add_argument("-q", action="store_true", help="totals only")
    ap.add_argument("--issues", action="store_true",
                    help="whole issues (the folio suite's conventions), their page fields scored")
    ap.add_argument("--english", action="store_true",
                    help="English-language first pages (the English convention suite's switches)")
    args = ap.parse_args(argv)
    mode = MODES["issues" if args.issues else "english" if args.english else "articles"]
    if args.show is not None:
        case = mode.draw(args.show)
        pdf, drawn = mode.render(case)
        out = args.out or Path(f"combo_{args.show}")
        out.mkdir(parents=True, exist_ok=True)
        (out / "issue.pdf").write_bytes(pdf)
        (out / "truth.json").write_text(json.dumps(mode.truth(case, drawn), ensure_ascii=False, indent=1) + "\n")
        print(mode.describe(case))
        return 0
    exact = silent = flagged = cases = skipped = clean = 0
    by_field: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.start, args.start + args.n):
            case = mode.draw(n)
            rows = score(mode, case, Path(tmp))
            if rows is None:
                skipped += 1
                continue
            cases += 1
            bad = [r for r in rows if not r[1]]
            clean += not bad
            exact += len(rows) - len(bad)
            for f, _, flag, d in bad:
                by_field[(f.split(".", 1)[-1], flag)] += 1
                flagged += flag
                silent += not flag
            if bad and not args.q:
                print(f"combo {n}: {mode.describe(case)}")
                for f, _, flag, d in bad:
                    print(f"    {f}{' [flagged]' if flag else ''}: {d[:160]}")
    total = exact + silent + flagged
    print(f"{cases} combinations ({skipped} the generator cannot set): {clean} all exact; fields {exact}/{total} exact, "
          f"{flagged} wrong and flagged, {silent} wrong and silent")
    print("   wrong per field (silent/flagged): " + "; ".join(
        f"{f} {by_field[(f, False)]}/{by_field[(f, True)]}" for f in sorted({f for f, _ in by_field})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
