"""Chinese and English personal names: bylines, surname/given split, pinyin, bios."""
from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

# compound surnames (复姓), as data; checked before single-character surnames
COMPOUND_SURNAMES = (
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 端木 独孤 "
    "南宫 万俟 闻人 申屠 澹台 太史 东郭 西门 百里 呼延 赫连 公羊 司空 拓跋 第五 乐正 濮阳 单于 "
    "太叔 仲孙 羊舌 微生 梁丘 左丘 东门 谷梁 宰父 夹谷 段干 巫马 漆雕 壤驷 公西 公冶 公良 司寇"
).split()

# surnames whose reading differs from the common one (多音字姓)
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "区": "ou", "仇": "qiu", "朴": "piao", "查": "zha",
    "盖": "ge", "尉迟": "yuchi", "万俟": "moqi", "长孙": "zhangsun", "乐": "yue", "缪": "miao",
    "翟": "zhai", "尉": "wei", "覃": "qin", "种": "chong", "繁": "po", "折": "she", "员": "yun",
    "秘": "bi", "召": "shao", "祭": "zhai", "句": "gou", "能": "nai", "厍": "she", "燕": "yan",
    "沈": "shen", "重": "chong", "柏": "bai", "华": "hua", "任": "ren", "纪": "ji", "冼": "xian",
    "阚": "kan", "逄": "pang", "宿": "su", "藏": "zang", "塔": "ta", "单于": "chanyu", "洗": "xian",
}

_MARKS = r"[\d,，*∗¹²³⁴⁵⁶⁷⁸⁹⁰†‡§]+"
_CJK_NAME = re.compile(r"[\u4e00-\u9fff·]{2,6}")
_INSTITUTION = re.compile(
    r"大学|学院|研究院|研究所|研究室|研究中心|科学院|社会科学院|中心|实验室|公司|集团|医院|出版社|"
    r"编辑部|委员会|党校|政府|部|局|厅|处|银行|学校|中学|小学|University|Institute"
)
_TITLE = re.compile(
    r"(副研究员|助理研究员|研究员|副教授|教授|讲师|助教|博士研究生|硕士研究生|博士后|博士生|硕士生|研究生|"
    r"本科生|高级工程师|工程师|主任|副主任|院长|副院长|所长|副所长|编审|副编审|编辑|馆员|教师)"
)
_EMAIL = re.compile(r"(?:E-?mail|邮箱|电子邮箱)\s*[:：]\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.I)
_BARE_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def split_chinese_name(name: str) -> tuple[str, str]:
    """(surname, given) with compound surnames recognised: 欧阳修文 -> (欧阳, 修文)."""
    name = name.strip().replace(" ", "").replace("\u3000", "")
    if "·" in name:  # transliterated foreign names: 阿卜杜拉·艾尼 -> given·surname order not Chinese
        first, _, last = name.rpartition("·")
        return last, first
    for surname in COMPOUND_SURNAMES:
        if name.startswith(surname) and len(name) > len(surname):
            return surname, name[len(surname):]
    return name[:1], name[1:]


def _syllables(text: str) -> list[str]:
    return lazy_pinyin(text, style=Style.NORMAL, errors="ignore")


def pinyin_name(name: str) -> str:
    """Surname first, capitalised: 陈静静 -> "Chen Jingjing", 欧阳修文 -> "Ouyang Xiuwen".

    Surnames use their surname reading (单 -> Shan, 曾 -> Zeng). In the given name an
    apostrophe separates a syllable starting with a, o or e (嘉恩 -> Jia'en), as in
    standard pinyin orthography.
    """
    surname, given = split_chinese_name(name)
    sur = SURNAME_READINGS.get(surname) or "".join(_syllables(surname))
    parts = _syllables(given)
    given_py = ""
    for k, syl in enumerate(parts):
        if k and syl[:1] in "aoe":
            given_py += "'"
        given_py += syl
    out = sur.capitalize()
    if given_py:
        out += " " + given_py.capitalize()
    return out


def split_english_name(printed: str) -> tuple[str, str]:
    """(surname, given) for `CHEN Jingjing`, `Jingjing Chen`, `Chen J.`, `Ouyang Xiuwen`."""
    tokens = printed.replace(",", " ").split()
    if not tokens:
        return "", ""
    upper = [t for t in tokens if len(t) > 1 and t.isupper()]
    if upper:
        sur = upper[0]
        rest = [t for t in tokens if t is not sur]
        return sur, " ".join(rest)
    if len(tokens) >= 2 and re.fullmatch(r"[A-Z]\.?", tokens[-1]):
        return tokens[0], " ".join(tokens[1:])
    if len(tokens) == 1:
        return tokens[0], ""
    return tokens[-1], " ".join(tokens[:-1])


def split_author_line_with_marks(line: str) -> list[tuple[str, list[str]]]:
    """Names on a byline with their affiliation markers: `康重庆 1,2，杜尔顺 2` ->
    [("康重庆", ["1", "2"]), ("杜尔顺", ["2"])]."""
    out: list[tuple[str, list[str]]] = []
    for m in re.finditer(r"([\u4e00-\u9fff·]{2,6})\s*(" + _MARKS + r")?", line):
        name = m.group(1)
        marks = re.findall(r"\d|[¹²³⁴⁵⁶⁷⁸⁹]", m.group(2) or "")
        sup = {"¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9"}
        out.append((name, [sup.get(x, x) for x in marks]))
    return out


def split_author_line(line: str) -> list[str]:
    return [name for name, _ in split_author_line_with_marks(line)]


def parse_affiliation_line(line: str) -> dict[str, str]:
    """`(1. 清华大学…，北京 100084；2. …)` -> {"1": "清华大学…，北京 100084", "2": …}."""
    text = line.strip().strip("()（）")
    out: dict[str, str] = {}
    parts = re.split(r"(?:^|[；;]\s*)(\d{1,2})\s*[.．、]\s*", text)
    if len(parts) > 1:
        for k in range(1, len(parts) - 1, 2):
            out[parts[k]] = parts[k + 1].strip(" ；;。")
    elif text:
        out[""] = text.strip(" ；;。")
    return out


def institution_of(text: str) -> str:
    """The institution in a bio sentence: the segment with an institution word, cut before
    the job title. `中国社会科学院日本研究所外交研究室副研究员（北京…）` -> `…外交研究室`."""
    for seg in re.split(r"[，,；;]", text):
        seg = re.sub(r"[（(].*?[）)]", "", seg).strip()
        if not _INSTITUTION.search(seg):
            continue
        m = _TITLE.search(seg)
        if m and m.start() > 0:
            seg = seg[: m.start()]
        return seg.strip()
    return ""


def parse_bio(text: str) -> list[dict[str, str]]:
    """Per author in a 作者简介 block: name, the full printed bio, institution, email."""
    out: list[dict[str, str]] = []
    for part in re.split(r"[；;]\s*(?=[\u4e00-\u9fff·]{2,6}\s*[，,（(])", text.strip().rstrip("。")):
        part = part.strip()
        m = re.match(r"([\u4e00-\u9fff·]{2,6})\s*[，,（(]", part)
        if not m:
            continue
        email = _EMAIL.search(part) or _BARE_EMAIL.search(part)
        out.append({
            "name": m.group(1),
            "bio": part,
            "affiliation": institution_of(part[m.end(1):]),
            "email": (email.group(1) if email and email.re is _EMAIL else email.group(0)) if email else "",
        })
    return out
