#!/usr/bin/env python
"""Generate the name-convention suite: Chinese articles whose bylines vary ONE naming or
printing convention for authors' names (GB/T 28039-2011 中国人名汉语拼音字母拼写规则,
compound surnames, surnames with a reading of their own, middle-dot names, Wade–Giles and
Cantonese romanisations, Latin names in a Chinese byline, corresponding-author roles).

    python tests/make_name_cases.py            # rewrites tests/name_conventions/<case>/
    python tests/make_name_cases.py --out DIR  # the same tree under DIR

Drawing, the page layout and the truth format are tests/make_convention_cases.py's (same
baseline article, same fields); only the cases differ, so this file holds no layout code.
The truth is the generator's input (what is drawn), never the tool's output; `uncertain`
lists the fields a reader cannot settle from the page and the tool must flag.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_convention_cases as mc  # noqa: E402
from make_convention_cases import AFF1, AFF1_EN, AFF2, AFF2_EN, LI, WANG, Case, Person, base  # noqa: E402

OUT = HERE / "name_conventions"


def cases() -> list[Case]:
    out: list[Case] = []

    def add(name: str, convention: str, *arts: mc.Art, **kw) -> None:
        out.append(Case(name, convention, list(arts), **kw))

    def people(*spec: tuple[str, str, str]) -> list[Person]:
        """(Chinese name, surname, English name) each, in units 1, 2, 1, 2, …"""
        return [Person(zh, sur, en, (k % 2 + 1,)) for k, (zh, sur, en) in enumerate(spec)]

    # ---- compound surnames: GB/T 28039-2011 writes one as one word (OUYANG, SIMA) -----
    add("compound_shangguan_huangfu_murong", "compound surnames 上官, 皇甫, 慕容 (GB/T 28039: SHANGGUAN Wanqing)",
        base(people=people(("上官婉清", "上官", "SHANGGUAN Wanqing"), ("皇甫明", "皇甫", "HUANGFU Ming"),
                           ("慕容雪", "慕容", "MURONG Xue"))))
    add("compound_yuchi_moqi_zhangsun", "compound surnames with readings of their own: 尉迟 Yuchi, 万俟 Moqi, 长孙 Zhangsun",
        base(people=people(("尉迟红", "尉迟", "YUCHI Hong"), ("万俟远", "万俟", "MOQI Yuan"),
                           ("长孙立", "长孙", "ZHANGSUN Li"))))
    add("compound_four", "four compound surnames: 澹台 (Tantai), 公孙, 宇文, 夏侯",
        base(people=people(("澹台明", "澹台", "TANTAI Ming"), ("公孙晓", "公孙", "GONGSUN Xiao"),
                           ("宇文涛", "宇文", "YUWEN Tao"), ("夏侯杰", "夏侯", "XIAHOU Jie"))))
    add("compound_title_case", "compound surnames in title case, surname first: Duanmu Rong, Situ Jing, Linghu An, Zhuge Wen",
        base(people=people(("端木蓉", "端木", "Duanmu Rong"), ("司徒静", "司徒", "Situ Jing"),
                           ("令狐安", "令狐", "Linghu An"), ("诸葛文", "诸葛", "Zhuge Wen"))))
    add("compound_given_first", "given name first (Western order): Ming Dongfang, Fangliang Dong — the English "
        "name says 东方明 is 东方 + 明 and 东方亮 is 东 + 方亮",
        base(people=people(("东方明", "东方", "Ming Dongfang"), ("东方亮", "东", "Fangliang Dong"))))
    add("compound_no_english", "a four-character name with no compound surname (范徐丽泰: a married name, husband's "
        "and own surname) and no English byline: where its surname ends cannot be read (flag the surnames)",
        base(people=[Person("范徐丽泰", "范", "", (1,)), replace(LI, en="")], affs_en=[], title_en=""),
        uncertain=["surnames"])

    # ---- surnames read their own way (多音字 as surnames) ------------------------------
    add("reading_shan_qiu_xie_ou", "surnames read their own way: 单 Shan, 仇 Qiu, 解 Xie, 区 Ou",
        base(people=people(("单晓明", "单", "SHAN Xiaoming"), ("仇建", "仇", "QIU Jian"), ("解红", "解", "XIE Hong"),
                           ("区志强", "区", "OU Zhiqiang"))))
    add("reading_zeng_zha_piao_yue", "surnames read their own way: 曾 Zeng, 查 Zha, 朴 Piao, 乐 Yue",
        base(people=people(("曾明", "曾", "ZENG Ming"), ("查文", "查", "ZHA Wen"), ("朴春花", "朴", "PIAO Chunhua"),
                           ("乐平", "乐", "YUE Ping"))))
    add("reading_qin_miao_ge_hua", "surnames read their own way: 覃 Qin, 缪 Miao, 盖 Ge, 华 Hua",
        base(people=people(("覃芳", "覃", "Qin Fang"), ("缪军", "缪", "Miao Jun"), ("盖文", "盖", "Ge Wen"),
                           ("华明", "华", "Hua Ming"))))
    add("reading_shao_chong_given_first", "召 Shao and 种 Chong, given name first: Yan Shao, Tao Chong",
        base(people=people(("召燕", "召", "Yan Shao"), ("种涛", "种", "Tao Chong"))))

    # ---- ü and the apostrophe (GB/T 28039-2011 5.2, 5.6) ----------------------------
    add("umlaut_written_u", "ü printed as Ü (GB/T 28039-2011): 吕明 as LÜ Ming, 女 in a given name",
        base(people=people(("吕明", "吕", "LÜ Ming"), ("李女英", "李", "LI Nüying"))))
    add("apostrophe_given_first", "the syllable apostrophe in a given-first name: Xi'ang Li",
        base(people=people(("李西昂", "李", "Xi'ang Li"), ("王建国", "王", "Jianguo Wang"))))

    # ---- names outside the Han surname + given pattern -------------------------------
    add("dot_minority", "a Uyghur name with the middle dot (阿不都·热合曼), given name first, its pinyin in the "
        "English byline (Abudu Reheman)",
        base(people=people(("阿不都·热合曼", "热合曼", "Abudu Reheman"), ("王建国", "王", "WANG Jianguo"))))
    add("dot_foreign", "a foreign name transliterated with the middle dot (埃里克·周) and printed in its own "
        "spelling in the English byline (Eric Chow)",
        base(people=people(("王建国", "王", "WANG Jianguo"), ("埃里克·周", "周", "Eric Chow"))))
    add("wade_giles_taiwan", "a Taiwan author's name in Wade–Giles (Chang Tsung-hsien) beside a pinyin one",
        base(people=people(("张宗宪", "张", "Chang Tsung-hsien"), ("王建国", "王", "Wang Jianguo"))))
    add("cantonese_hong_kong", "a Hong Kong author's name in Cantonese romanisation (CHAN Tai-man) beside a pinyin one",
        base(people=people(("王建国", "王", "WANG Jianguo"), ("陈大文", "陈", "CHAN Tai-man"))))
    add("latin_in_chinese_byline", "a Western co-author printed in Latin letters in the Chinese byline: "
        "王建国1，John Smith2",
        base(people=people(("王建国", "王", "WANG Jianguo"), ("John Smith", "Smith", "John Smith"))))

    # ---- two-character names spread for alignment ------------------------------------
    add("padded_half_width", "two-character names spread to the width of three by an ordinary space (王 芳), "
        "names apart by a full-width space, one unit",
        base(people=[Person("王 芳", "王", "WANG Fang", (1,)), Person("李 明", "李", "LI Ming", (1,)),
                     Person("赵明华", "赵", "ZHAO Minghua", (1,))], affs=[AFF1], affs_en=[AFF1_EN], aff_style="single"))

    # ---- marks and roles on the byline -----------------------------------------------
    add("role_tongxun", "a role after a name on the byline, spelt 通讯作者: 李思远（通讯作者）",
        base(people=[WANG, replace(LI, role="（通讯作者）")]))
    add("marks_two_units_star", "two unit numbers and a corresponding-author asterisk: 王建国1,2*，李思远2",
        base(people=[replace(WANG, aff=(1, 2), star=True), LI]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(OUT), help="output directory (default: tests/name_conventions)")
    ap.add_argument("cases", nargs="*", help="cases to build (default: all)")
    args = ap.parse_args(argv)
    out = Path(args.out)
    total = 0
    for case in cases():
        if args.cases and case.name not in args.cases:
            continue
        pdf, spans = mc.render(case)
        d = out / case.name
        d.mkdir(parents=True, exist_ok=True)
        (d / "issue.pdf").write_bytes(pdf)
        truth = mc.truth_of(case, spans)
        truth["source"] = f"tests/name_conventions/{case.name}/issue.pdf"
        (d / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        total += len(pdf)
        print(f"{case.name}: {len(spans)} article(s), {len(pdf) // 1024} KB")
    print(f"total {total // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
