"""Personal names and author blocks: surname/given splitting, pinyin, author lines,
affiliation lines and 作者简介 (author biography) blocks.

Pure text functions (no PDF code).  Lookup tables are module-level data so they can be
extended without touching the code.

Romanisation choices (GB/T 28039-2011 style, as printed in Chinese journals' English
sections): surname and given name each one capitalised word, given-name syllables
joined (陈静静 → ``Chen Jingjing``), an apostrophe before a syllable starting with
a/o/e that is not the first of its word (嘉恩 → ``Jia'en``; pypinyin itself never emits
one), ü written ``yu`` as on PRC passports (吕 → ``Lyu``, 女 → ``nyu``), so the output is
plain ASCII.  pypinyin 0.55 has no surname mode (its docs and source were checked), so
surname readings come from `SURNAME_READINGS` / `COMPOUND_SURNAMES` below.
"""
from __future__ import annotations

import re
from functools import lru_cache

from parsers.pinyin_tables import Style, lazy_pinyin, pinyin

__all__ = [
    "COMPOUND_SURNAMES",
    "SURNAME_READINGS",
    "COMMON_SURNAMES",
    "INSTITUTION_WORDS",
    "JOB_TITLES",
    "split_chinese_name",
    "pinyin_name",
    "pinyin_syllables",
    "split_english_name",
    "split_author_line",
    "split_author_line_with_marks",
    "parse_affiliation_line",
    "parse_bio",
    "institution_of",
]

# ---------------------------------------------------------------------------
# data
# ---------------------------------------------------------------------------

#: compound (two-character) surnames and their surname readings (toneless pinyin syllables)
COMPOUND_SURNAMES: dict[str, str] = {
    "欧阳": "ou yang", "司马": "si ma", "诸葛": "zhu ge", "上官": "shang guan", "东方": "dong fang",
    "皇甫": "huang fu", "尉迟": "yu chi", "公孙": "gong sun", "慕容": "mu rong", "长孙": "zhang sun",
    "宇文": "yu wen", "司徒": "si tu", "夏侯": "xia hou", "轩辕": "xuan yuan", "令狐": "ling hu",
    "钟离": "zhong li", "端木": "duan mu", "独孤": "du gu", "南宫": "nan gong", "万俟": "mo qi",
    "闻人": "wen ren", "申屠": "shen tu", "澹台": "tan tai", "太史": "tai shi", "司空": "si kong",
    "赫连": "he lian", "公羊": "gong yang", "公冶": "gong ye", "宗政": "zong zheng", "濮阳": "pu yang",
    "淳于": "chun yu", "太叔": "tai shu", "仲孙": "zhong sun", "鲜于": "xian yu", "闾丘": "lv qiu",
    "亓官": "qi guan", "司寇": "si kou", "颛孙": "zhuan sun", "巫马": "wu ma", "公西": "gong xi",
    "漆雕": "qi diao", "乐正": "yue zheng", "壤驷": "rang si", "公良": "gong liang", "拓跋": "tuo ba",
    "夹谷": "jia gu", "宰父": "zai fu", "谷梁": "gu liang", "段干": "duan gan", "百里": "bai li",
    "东郭": "dong guo", "呼延": "hu yan", "羊舌": "yang she", "梁丘": "liang qiu", "左丘": "zuo qiu",
    "西门": "xi men", "第五": "di wu", "子车": "zi ju",
}
#: compound surnames NOT used for splitting because a single surname + given name is far
#: more common today (单于X is usually 单 + 于X); their reading is still used if split so
_COMPOUND_NOT_SPLIT = {"单于": "chan yu"}

#: compound surnames rare today whose first character is an everyday single surname and whose
#: second is common in given names, so that a name opening with one reads either way (乐正华:
#: 乐正 + 华, or 乐 + 正华; 宗政伟, 梁丘明): still split as the compound, but not settled by it
COMPOUND_EITHER_WAY: frozenset[str] = frozenset(
    "宗政 乐正 谷梁 梁丘 左丘 段干 仲孙 巫马 闻人 公良 司空 赫连 钟离 漆雕 公西 南宫 呼延 鲜于".split())

#: surname readings of characters whose everyday reading differs (toneless; v = ü)
SURNAME_READINGS: dict[str, str] = {
    "单": "shan", "曾": "zeng", "解": "xie", "区": "ou", "仇": "qiu", "朴": "piao", "查": "zha",
    "盖": "ge", "乐": "yue", "翟": "zhai", "覃": "qin", "缪": "miao", "种": "chong", "重": "chong",
    "召": "shao", "繁": "po", "员": "yun", "秘": "bi", "尉": "wei", "长": "chang", "藏": "zang",
    "黑": "he", "薄": "bo", "能": "nai", "阚": "kan", "折": "she", "隗": "wei", "卜": "bu",
    "都": "du", "句": "gou", "炅": "gui", "郇": "xun", "訾": "zi", "宿": "su", "柏": "bai",
    "相": "xiang", "沈": "shen", "华": "hua", "任": "ren", "贾": "jia", "石": "shi", "车": "che",
    "曲": "qu", "葛": "ge", "纪": "ji", "应": "ying", "万": "wan", "那": "na", "过": "guo",
    "殷": "yin", "占": "zhan", "冼": "xian", "蔺": "lin", "芮": "rui", "眭": "sui", "逄": "pang",
    "吕": "lv", "闵": "min", "祭": "zhai", "枸": "gou", "圈": "juan", "亓": "qi",
}

#: common single-character surnames (used to recognise where a new author's bio starts)
COMMON_SURNAMES: frozenset[str] = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
    "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲"
    "房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全"
    "佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆"
    "乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井"
    "祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫"
    "杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智"
    "幸奉植衡富尧闭由鄂蔚骞付晋綦洪"
)

#: words that mark an institution in a bio (longest first when matching)
INSTITUTION_WORDS: tuple[str, ...] = (
    "社会科学院", "科学院", "工程院", "研究院", "研究所", "研究室", "研究中心", "研究基地", "实验室",
    "大学", "学院", "学校", "党校", "中心", "医院", "出版社", "杂志社", "编辑部", "报社", "委员会",
    "办公室", "银行", "公司", "集团", "研究会", "学会", "协会", "基金会", "智库",
    "部", "局", "厅", "署", "院", "所", "社", "站", "馆",
)

#: job titles / academic ranks; an affiliation is cut before the first one (longest first)
JOB_TITLES: tuple[str, ...] = (
    "特聘研究员", "助理研究员", "副研究员", "研究馆员", "研究员", "讲席教授", "特聘教授", "副教授",
    "教授", "讲师", "助教", "博士生导师", "硕士生导师", "博士研究生", "硕士研究生", "博士后",
    "博士生", "硕士生", "博士", "硕士", "研究生", "本科生", "副院长", "院长", "副所长", "所长",
    "副主任", "主任", "副部长", "部长", "副局长", "局长", "处长", "科长", "副主编", "主编", "编审",
    "副编审", "编辑", "高级工程师", "工程师", "高级经济师", "经济师", "会计师", "律师", "主治医师",
    "医师", "馆员", "助理", "教师", "学生", "在读", "秘书长", "理事长", "董事长", "总经理", "经理",
)

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_NAME_DOTS = "·•・‧．"
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

# ---------------------------------------------------------------------------
# Chinese names
# ---------------------------------------------------------------------------


def split_chinese_name(name: str) -> tuple[str, str]:
    """``(surname, given)`` of a Chinese name printed in Chinese (spaces ignored).

    A compound surname from `COMPOUND_SURNAMES` is taken when the name has at least three
    characters (欧阳修文 → 欧阳, 修文; but 司马 alone is 司 + 马).  Names written with a middle
    dot (阿依古丽·买买提, transliterated minority/foreign names) have no surname in this sense:
    the last part is returned as the surname, the rest (dot-joined) as the given name.
    """
    name = re.sub(r"\s+", "", name or "")
    if not name:
        return "", ""
    parts = [p for p in re.split(f"[{_NAME_DOTS}]", name) if p]
    if len(parts) > 1:
        return parts[-1], "·".join(parts[:-1])
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def _ascii_syllable(s: str) -> str:
    """pypinyin NORMAL style uses 'v' for ü; write it 'yu' (lv → lyu, nve → nyue)."""
    return s.replace("v", "yu").replace("ü", "yu")


def _join_syllables(syllables: list[str]) -> str:
    """Join into one capitalised word, with an apostrophe before a/o/e-initial syllables."""
    out = ""
    for i, syl in enumerate(s for s in syllables if s):
        syl = _ascii_syllable(syl.lower())
        if i and syl[0] in "aoe":
            out += "'"
        out += syl
    return out[:1].upper() + out[1:]


def pinyin_syllables(text: str, surname: bool = False) -> list[str]:
    """Toneless pinyin syllables for Han text; with `surname`, surname readings are used."""
    if surname:
        if text in COMPOUND_SURNAMES:
            return COMPOUND_SURNAMES[text].split()
        if text in _COMPOUND_NOT_SPLIT:
            return _COMPOUND_NOT_SPLIT[text].split()
        if len(text) == 1 and text in SURNAME_READINGS:
            return [SURNAME_READINGS[text]]
    return [s for s in lazy_pinyin(text, style=Style.NORMAL, errors="ignore") if s.strip()]


def split_by_english(zh: str, en: str) -> tuple[str, str] | None:
    """``(surname, given)`` of a Chinese name as its printed English name divides it.

    GB/T 28039-2011 writes the surname in capitals and a compound surname as one word
    (DONGFANG Ming, OUYANG Xiao), so the capitals word says where the Chinese surname ends:
    东方亮 printed DONG Fangliang is 东 + 方亮, not the compound 东方. None when the English
    name does not mark its surname that way or spells neither split."""
    zh = re.sub(r"\s+", "", zh or "")
    if len(zh) < 3 or not re.fullmatch(f"[{_HAN}]+", zh):
        return None
    words = [_letters(w) for w in (en or "").replace(",", " ").split() if _letters(w)]
    if any(w.replace("-", "").isupper() and len(w) > 1 for w in (en or "").split()):
        sur_en, _ = split_english_name(en)
        ends = {_letters(sur_en)} if sur_en else set()
    elif len(words) >= 2:
        # no capitals word (Dong Fangliang, Fangliang Dong, Ming Dongfang): GB/T 28039 writes
        # the surname as one word, first or — in the given-first order many journals use —
        # last, so it is the first or the last word whichever order the line follows; where
        # both cuts find their surname there (闻人文, Wenren Wen), the one whose given name is
        # the other words decides
        ends = {words[0], words[-1]}
        whole = [k for k in (1, 2) if any(
            fold_pinyin("".join(pinyin_syllables(zh[:k], surname=True))) == fold_pinyin(a)
            and fold_pinyin("".join(pinyin_syllables(zh[k:]))) == fold_pinyin("".join(b))
            for a, b in ((words[0], words[1:]), (words[-1], words[:-1])))]
        if len(whole) == 1:
            return zh[:whole[0]], zh[whole[0]:]
    else:
        return None
    fits = [k for k in (1, 2) if _letters("".join(pinyin_syllables(zh[:k], surname=True))) in ends]
    return (zh[:fits[0]], zh[fits[0]:]) if len(fits) == 1 else None


def surname_settled(zh: str, en: str = "") -> bool:
    """Does the page settle where the surname of the Chinese name `zh` ends? A printed
    English name that divides it (split_by_english) settles it; without one, a name of two
    or three characters is a one-character surname and given name, or a known compound
    surname (COMPOUND_SURNAMES) and one character. A four-character name without a known
    compound may hold a compound surname the table lacks, or a married name's two surnames
    (范徐丽泰: husband's and own, a Hong Kong and Taiwan habit), and 单于X and the rare
    compounds of COMPOUND_EITHER_WAY read either way: those are not settled. Names that are not 2–4 Han characters (dotted, Latin) are
    taken as split."""
    zh = re.sub(r"\s+", "", zh or "")
    if not re.fullmatch(f"[{_HAN}]{{2,4}}", zh):
        return True
    if en and split_by_english(zh, en):
        return True
    if (zh[:2] in _COMPOUND_NOT_SPLIT or zh[:2] in COMPOUND_EITHER_WAY) and len(zh) >= 3:
        return False
    return len(zh) <= 3 or zh[:2] in COMPOUND_SURNAMES


def fold_pinyin(text: str) -> str:
    """Letters of a pinyin name for comparison, every printed spelling of ü folded to u
    (GB/T 28039-2011 writes ü as ü, or yu in capitals and plain ASCII: LYU, NYU; keyboards
    give v or u:), all else but a–z dropped. Lyu and Nyu are folded where a word starts."""
    text = (text or "").lower().replace("u:", "u").replace("ü", "u").replace("v", "u")
    # (lyu, nyu only where a word starts: inside one, n may end a syllable, Pin-yu)
    return re.sub(r"[^a-z]", "", re.sub(r"(?<![a-z])([ln])yu", r"\1u", text))


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower().replace("ü", "u").replace("v", "u"))


def is_pinyin_of(zh: str, en: str) -> bool:
    """Is `en` the pinyin of the Chinese name `zh`, surname first (GB/T 28039: ZHANG San,
    LIU Yun-sheng) or given name first (Yunsheng Liu), in any case or hyphenation? A name
    in another romanisation (Wade–Giles, Cantonese) is not."""
    surname, given = split_chinese_name(zh)
    sur = _letters("".join(pinyin_syllables(surname, surname=True)))
    giv = _letters("".join(pinyin_syllables(given)))
    if _letters(en) in (sur + giv, giv + sur):
        return True
    # a character with several readings read the bearer's way (长乐 Changyue, not Changle);
    # a compound surname's first character alone, a dotted name's parts (pinyin_printed)
    printed = pinyin_printed(re.sub(r"\s+", "", zh or ""))
    return bool(printed and printed.fullmatch(re.sub(r"[^A-Za-zü'’\-·. ]", "", en or "").strip()))


# where a printed name ends: not inside a longer word, but for unit marks in lower-case letters
# glued to it (WANG Jianguoa,b*, LÜ Naa: units marked a, b, …, the byline set without superscripts),
# unless the letter would go on the syllable (Jian+g, Xi+a, Lü+e: the name printed is another)
_NAME_END = r"(?-i:(?![a-z])|(?=(?:(?<![iu])a|(?<![iuü])e|(?<!n)g|[bcdfh])(?:,[a-h])*(?:[*†‡#,，;；\s]|$)))"


@lru_cache(maxsize=4096)  # (asked again by the confidence checks for every name the byline rule asked for)
def pinyin_printed(zh: str) -> "re.Pattern[str] | None":
    """The printed forms of a Chinese name's pinyin (GB/T 28039-2011): surname first in
    capitals or not (ZHANG San, Zhang San), or given name first (San Zhang); the given
    name's syllables joined or hyphenated (LIU Yun-sheng), spaces anywhere a text layer
    letter-spaces them; not inside a longer word. A name opening with a compound surname
    may be printed split after its first character (东方亮 DONG Fangliang: 东 + 方亮). A
    dotted name (阿不都·热合曼, a minority or foreign name) is its parts' pinyin in printed
    order or reversed (Abudu Reheman). None for a name without two Han parts."""
    parts = [p for p in re.split(f"[{_NAME_DOTS}]", zh or "") if p]
    dotted = len(parts) > 1 and all(re.fullmatch(f"[{_HAN}]{{1,8}}", p) for p in parts)
    if not dotted and not re.fullmatch(f"[{_HAN}]{{2,4}}", zh or ""):
        return None

    def syllable(readings: list[str]) -> str:
        # every reading of a character with several (乐 le/yue, 长 chang/zhang): which one
        # a name takes is the bearer's, not pypinyin's first choice; ü printed v, u:, u or yu
        alts = sorted({re.sub(r"[^a-zü]", "", x.lower().replace("v", "ü")) for x in readings} - {""}, key=len, reverse=True)
        return "(?:" + "|".join(a.replace("ü", "(?:v|u:|u|yu|ü)") for a in alts) + ")" if alts else ""

    def chars(text: str) -> list[str]:
        # (character by character: a phrase reading would give one reading only)
        return [syllable(pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")[0] + lazy_pinyin(text)[k:k + 1])
                for k, ch in enumerate(text) if pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")]

    inner = r"\s?[-‐'’]?\s?"
    if dotted:
        words = [inner.join(x for x in chars(p) if x) for p in parts]
        if not all(words):
            return None
        apart = r"\s*[-‐·•・‧.]?\s*"
        body = apart.join(words) + "|" + apart.join(reversed(words))
        return re.compile(rf"(?-i:(?<![a-z])|(?=[A-Z]))(?:{body}){_NAME_END}", re.I)
    surname, given = split_chinese_name(zh)
    splits = [(surname, given)] + ([(zh[:1], zh[1:])] if len(surname) == 2 else [])
    forms = []
    for surname, given in splits:
        sur = [syllable([x]) for x in pinyin_syllables(surname, surname=True)]
        if len(surname) == 1 and surname not in SURNAME_READINGS:
            sur = [syllable(pinyin(surname, style=Style.NORMAL, heteronym=True)[0])]
        sur, giv = [x for x in sur if x], [x for x in chars(given) if x]
        if not sur or not giv:
            continue
        a, b = inner.join(sur), inner.join(giv)
        forms += [rf"{a}\s*[,，]?\s*{b}", rf"{b}\s*{a}"]
    if not forms:
        return None
    return re.compile(rf"(?-i:(?<![a-z])|(?=[A-Z]))(?:{'|'.join(forms)}){_NAME_END}", re.I)


def english_byline(zh_names: list[str], lines: list[str]) -> list[str]:
    """The English names a page prints for a Chinese byline, in its order: the one line (or
    two consecutive lines) holding the pinyin of every Han name of it (CAJ-CD B/T 1-2006 sets
    the English byline under the English title). For a single author the line must be the
    name alone (with its marks), so that a reference citing the author is not taken.
    [] when no such line is found."""
    patterns = [pinyin_printed(n) for n in zh_names]
    if not zh_names or any(p is None for p in patterns):
        return []
    # (one line, else two: a line followed by the Chinese units, as when the English byline is
    # set under the Chinese one above the units, is the byline alone)
    windows = [(k, n) for k in range(len(lines)) for n in ((1,) if len(zh_names) == 1 else (1, 2))]
    for k, n in windows:
        window = " ".join(lines[k:k + n])
        found = [p.search(window) for p in patterns]
        if not all(found):
            continue
        if len(zh_names) == 1:
            # (the name alone with its marks, or with its unit in brackets after it:
            # "ZHANG San (School of Law, Peking University, Beijing 100871, China)")
            rest = re.split(r"[(（]", window[found[0].end():], maxsplit=1)[0]
            if re.search(r"[A-Za-z\u3400-\u9fff]", window[:found[0].start()] + rest):
                continue
        elif re.search(r"[\u3400-\u9fff]", window) or len({m.start() for m in found}) != len(found):
            continue  # (a Chinese line, or two authors matched by one printed name)
        return [re.sub(r"\s+", " ", re.sub(r"([-‐])\s+", r"\1", m.group(0))).strip(" ,，") for m in found]
    return []


def pinyin_name(name: str) -> str:
    """Romanise a Chinese name: ``Surname Given`` (陈静静 → ``Chen Jingjing``,
    欧阳修文 → ``Ouyang Xiuwen``, 单雄信 → ``Shan Xiongxin``, 嘉恩 as given → ``Jia'en``).

    The surname uses its surname reading (see module docstring).  A dotted name keeps its
    printed order, each part one word (阿依古丽·买买提 → ``Ayiguli Maimaiti``).  Text without
    Han characters is returned stripped.  Given-name heteronyms follow pypinyin's choice.
    """
    if not re.search(f"[{_HAN}]", name or ""):
        return re.sub(r"\s+", " ", (name or "").strip())
    name = re.sub(r"\s+", "", name)
    parts = [p for p in re.split(f"[{_NAME_DOTS}]", name) if p]
    if len(parts) > 1:
        return " ".join(_join_syllables(pinyin_syllables(p)) for p in parts)
    surname, given = split_chinese_name(name)
    words = [_join_syllables(pinyin_syllables(surname, surname=True))]
    if given:
        words.append(_join_syllables(pinyin_syllables(given)))
    return " ".join(w for w in words if w)


# ---------------------------------------------------------------------------
# English (romanised) names
# ---------------------------------------------------------------------------

_INITIALS_RE = re.compile(r"^(?:[A-Z]\.?-?)+$")


def _title(word: str) -> str:
    """CHEN → Chen, OUYANG → Ouyang, JING-JING → Jing-Jing; mixed case kept."""
    if word.isupper() and len(word) > 1:
        return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))
    return word


def split_english_name(printed: str) -> tuple[str, str]:
    """``(surname, given)`` of a romanised name.

    ``CHEN Jingjing`` / ``OUYANG Xiuwen`` (all-caps word = surname, any position),
    ``Chen, Jingjing`` (comma: surname first), ``Chen J.`` (initials = given),
    ``Jingjing Chen`` / ``Scott W. Harold`` (otherwise Western order: last word = surname).
    All-caps surnames are title-cased; a name entirely in capitals is read surname first.
    """
    text = re.sub(r"\s+", " ", (printed or "").strip().strip(",;"))
    # initials a text layer glued to the surname ("Eric P.F.Chow"): a word of their own
    text = re.sub(r"\b((?:[A-Z]\.)+)(?=[A-Z][a-z])", r"\1 ", text)
    if not text:
        return "", ""
    if "," in text:
        sur, _, giv = text.partition(",")
        return _title(sur.strip()), " ".join(_title(w) for w in giv.split())
    words = text.split(" ")
    if len(words) == 1:
        return _title(words[0]), ""
    # (a capitals word is a surname, GB/T 28039's ZHANG; dotted initials, P.F., are none)
    caps = [i for i, w in enumerate(words) if w.replace("-", "").isupper() and len(w.replace(".", "")) > 1
            and not re.fullmatch(r"(?:[A-Z]\.)+", w)]
    if caps and len(caps) < len(words):
        i = caps[0]
        return _title(words[i]), " ".join(words[:i] + words[i + 1:])
    if len(caps) == len(words):  # CHEN JINGJING: Chinese order
        return _title(words[0]), " ".join(_title(w) for w in words[1:])
    initials = [i for i, w in enumerate(words) if _INITIALS_RE.match(w)]
    if initials and len(initials) < len(words) and initials[0] > 0 and initials == list(
            range(initials[0], len(words))):
        # Chen J. / Harold S W: surname first, initials after
        return " ".join(words[:initials[0]]), " ".join(words[initials[0]:])
    # lower-case particles before the last word belong to the surname (Ludwig van Beethoven)
    k = len(words) - 1
    while k > 1 and words[k - 1] in SURNAME_PARTICLES:
        k -= 1
    return " ".join(words[k:]), " ".join(words[:k])


#: lower-case words that open a Western surname (van der Berg, da Silva, de la Cruz)
SURNAME_PARTICLES: frozenset[str] = frozenset(
    "van von der den de del della di da das dos du la le ter ten bin binti al el".split())
#: the same particles capitalised, as Belgian, Italian and Portuguese names print them (Luc De
#: Smet, Luigi Di Maio, Maria Da Silva, Jan Van der Berg), and the Irish particles, printed as
#: words of their own (Zoë Ó Súilleabháin, Aoife Ní Bhriain). "Van" and "Le" alone are left out:
#: Văn is a Vietnamese middle name (Minh Van Nguyen) and Lê a surname.
CAPITAL_PARTICLES: frozenset[str] = frozenset("De Di Da Das Dos Du Del Della Von Der Den Ó Ní Nic Uí".split())
#: Spanish names carry two surnames, the father's then the mother's ("Anselmo García Cantú",
#: "María José López García"), and a publisher's record keeps both as the surname. The
#: father's is told by being one of the most frequent surnames of Spain and Mexico (INE's
#: and RENAPO's lists), without accents; those that are given names as well (Martín,
#: Santiago, Vicente, Lorenzo, Cruz, Reyes, Santos, León…) are left out, so "Juan Martín
#: Sánchez" keeps the general rule.
HISPANIC_SURNAMES: frozenset[str] = frozenset("""
garcia rodriguez gonzalez fernandez lopez martinez sanchez perez gomez jimenez ruiz hernandez diaz
moreno alvarez munoz romero alonso gutierrez navarro torres dominguez vazquez ramos ramirez serrano
blanco suarez molina morales ortega delgado castro ortiz rubio marin sanz nunez iglesias medina
garrido cortes castillo lozano guerrero cano prieto mendez calvo gallego vidal marquez herrera pena
flores cabrera campos vega fuentes carrasco caballero nieto aguilar herrero montero hidalgo gimenez
ibanez ferrer duran benitez mora vargas arias carmona crespo pastor soto saez velasco moya soler
parra bravo gallardo rojas mendoza salazar contreras guzman estrada espinoza sandoval valdez rivera
cervantes villanueva cardenas zamora acosta juarez chavez ochoa velazquez cantu trevino villarreal
quintero rios orozco bautista gaytan barrera figueroa mejia aguirre salinas
""".split())


# ---------------------------------------------------------------------------
# author lines
# ---------------------------------------------------------------------------

# affiliation marks: digits, superscript digits, circled numbers ①–⑳ (a common byline mark)
_MARK_CHARS = "0-9⁰¹²³⁴⁵⁶⁷⁸⁹\u2460-\u2473"
_CIRCLED = {chr(0x2460 + k): str(k + 1) for k in range(20)}


def _mark_digits(run: str) -> list[str]:
    """A run of marks as digits: each circled number is one mark of its own (①③⑤ -> 1, 3, 5)."""
    if any(c in _CIRCLED for c in run):
        return [_CIRCLED[c] for c in run if c in _CIRCLED]
    return _split_marks(run)
# a Western co-author printed in Latin letters in a Chinese byline ("王建国1，John Smith2",
# "富晓星，Lei Zhang，Eric P. F. Chow"): two or more words, the first a capitalised word, the
# others capitalised words, initials (P.) or surname particles (van, de) before one
_LATIN_IN_CJK = (r"[A-Z][A-Za-z]+(?:[-'’][A-Za-z]+)*"
                 r"(?:[ \u00a0]+(?:(?:van|von|der|den|de|del|da|di|du|la|le|ter|bin)[ \u00a0]+)*"
                 r"[A-Z](?:[A-Za-z]+(?:[-'’][A-Za-z]+)*|\.))+(?![A-Za-z])")
_CJK_TOKEN_RE = re.compile(
    rf"(?P<name>[{_HAN}][{_HAN}{_NAME_DOTS}]*)|(?P<latin>{_LATIN_IN_CJK})|(?P<mark>[{_MARK_CHARS}]+)|(?P<star>[*∗†‡#＃＊△▲§※★☆])|(?P<letter>(?<=[\u3400-\u9fff])[a-h](?:[,，][a-h])*(?![A-Za-z]))"
    rf"|(?P<sep>[，,、;；/])|(?P<space>\s+)|(?P<other>.)"
)


def _split_marks(run: str) -> list[str]:
    """A run of affiliation digits: ``¹²`` / ``12`` (strictly increasing) → 1, 2; ``10`` stays."""
    digits = run.translate(_SUPERSCRIPTS)
    if len(digits) > 1 and all(a < b for a, b in zip(digits, digits[1:])) and "0" not in digits:
        return list(digits)
    return [digits]


def _latin_author_line(line: str) -> list[tuple[str, list[str]]]:
    text = re.sub(r"\s+(?:and|&)\s+|\s*&\s*", ", ", line)
    out: list[tuple[str, list[str]]] = []
    for m in re.finditer(rf"(?P<name>(?![{_MARK_CHARS}])[^\W\d_][^,;，、{_MARK_CHARS}*∗†‡#＃＊△▲§※★☆]*)|(?P<mark>[{_MARK_CHARS}]+)", text):
        if m.group("name"):
            name = m.group("name").strip()
            if name:
                out.append((name, []))
        elif out:
            out[-1][1].extend(_mark_digits(m.group("mark")))
    return out


def name_partitions(run: str) -> list[list[str]]:
    """Every way to cut `run` into names of two or three characters, each opening with a
    surname."""
    if not run:
        return [[]]
    out: list[list[str]] = []
    for n in (2, 3):
        if len(run) >= n and (run[0] in COMMON_SURNAMES or run[:2] in COMPOUND_SURNAMES):
            out += [[run[:n], *rest] for rest in name_partitions(run[n:])]
    return out


def split_run_of_names(run: str) -> list[str]:
    """A byline run too long for one name whose spaces the text layer lost
    ("黄新可黄海燕黄丽莉廖小娟"): the names, when exactly one cut into two- and
    three-character names opening with a surname exists; else the run unchanged. (A
    Chinese byline separates names by a space or a comma; a five-character run without a
    name dot (·) is rarely one name.)"""
    if not 5 <= len(run) <= 12 or any(d in run for d in _NAME_DOTS):
        return [run]
    cuts = name_partitions(run)
    return cuts[0] if len(cuts) == 1 else [run]


# a role printed after a name on the byline, "李四（通信作者）" / "（通讯作者）" (CAJ-CD B/T 1 and
# GB/T 7713.2 mark the corresponding author; the role is no name)
_ROLE_RE = re.compile(r"\s*[(（]\s*(?:通[信讯]作者|共同第一作者|第一作者|corresponding\s+author)\s*[)）]", re.I)
# a translated piece's byline, "［美］约瑟夫·奈 著　张三 译": the author's nationality in
# brackets before the name (the 国别 Chinese translations print) and what each did after it
# (著 wrote, 译 / 编译 translated, 校 revised, 整理 edited), set apart by a space; neither is a name
_NATIONALITY_RE = re.compile(rf"(?:(?<=^)|(?<=[\s，,、;；]))[\[［(（〔【]\s*(?![^\]］)）〕】]*作者)[{_HAN}]{{1,4}}\s*[\]］)）〕】]\s*(?=[{_HAN}])")
_DEED_RE = re.compile(rf"(?:(?<=[{_HAN}·][{_HAN}])|(?<=[0-9*∗†⁰¹²³⁴⁵⁶⁷⁸⁹\u2460-\u2473]))[ \u3000]+(?:编译|译校|校译|审校|整理|执笔|撰文|编著|主编|著|译|撰|编|校)(?=[ \u3000，,、;；]|$)")


def strip_byline_roles(line: str) -> str:
    """A byline without the roles and nationalities printed beside its names (see
    `_ROLE_RE`, `_NATIONALITY_RE`, `_DEED_RE`)."""
    return _DEED_RE.sub("", _NATIONALITY_RE.sub("", _ROLE_RE.sub("", line or "")))


# a two- or three-character name letter-spaced evenly, from the line's start, a separator or a
# mark (and one space after it) to the next separator, mark or the line's end
_SPREAD_AFTER = f"[，,、;；/{_MARK_CHARS}*∗†‡#＃＊△▲§※★☆]"
_SPREAD_NAME_RE = re.compile(
    rf"(?:(?<=^)|(?<={_SPREAD_AFTER})|(?<={_SPREAD_AFTER}[ \u3000]))"
    rf"[{_HAN}]([ \u3000]+)[{_HAN}](?:\1[{_HAN}])?(?=[ \u3000]*(?:{_SPREAD_AFTER}|$))")


def split_author_line_with_marks(line: str) -> list[tuple[str, list[str]]]:
    """``[(name, [affiliation markers])]`` for an author line.

    Handles ``陈静静``, ``张 三  李四`` (a single character followed after a space by more
    CJK is the same name: names have at least two characters), ``王五1，赵六2``,
    ``王五1,2，赵六2``, ``孙文竹¹ ²``; separators are spaces, ``，`` ``,`` ``、`` ``；``.
    Superscript or digit runs like ``¹²`` are read as 1 and 2 when the digits increase
    (``10`` stays 10).  Corresponding-author marks (``*``, ``†``) are dropped.  Lines
    without CJK are read as romanised names separated by commas / ``and``.
    """
    line = strip_byline_roles(line).strip()
    if not line:
        return []
    if not re.search(f"[{_HAN}]", line):
        return _latin_author_line(line)
    # a name letter-spaced between separators or marks ("王 建 国，李 思 远", "王 建 国1，…"):
    # one name, its spaces the display's (up to three characters: a wider spread is rare)
    line = _SPREAD_NAME_RE.sub(lambda m: re.sub(r"[ \u3000]+", "", m.group(0)), line)
    spaced = _letter_spaced_names(line)
    if spaced:
        return [(n, []) for n in spaced]
    marked = _letter_spaced_between_marks(line)
    if marked:
        return marked
    out: list[list] = []
    gap = "start"  # what separated the current token from the previous name
    padded_into: set[int] = set()  # runs where one character was joined across a space to two or more
    for m in _CJK_TOKEN_RE.finditer(line):
        kind = m.lastgroup
        if kind == "latin":
            out.append([m.group(0), []])
            gap = "none"
        elif kind == "name":
            tok = m.group(0)
            if out and gap == "space" and len(out[-1][0]) == 1 and not out[-1][1]:
                if len(tok) > 1 and not re.search(f"[{_NAME_DOTS}]", tok):
                    padded_into.add(len(out) - 1)
                out[-1][0] += tok
            else:
                out.append([tok, []])
            gap = "none"
        elif kind == "mark":
            if out:
                out[-1][1].extend(_mark_digits(m.group(0)))
        elif kind == "letter":  # units marked a, b (王三a，李四b; some science journals)
            if out:
                out[-1][1].extend(re.findall(r"[a-h]", m.group(0)))
        elif kind == "space":
            if gap == "none":
                gap = "space"
        elif kind in ("sep", "other"):
            gap = "sep"
    split = _split_runs(out)
    # the padding of a two-character name (王 芳) never falls inside a longer one: a space
    # between one character and a run of more ("王 丽王 华…") is such padding before a run the
    # text layer closed up, so the names are cut as `_padded_run_names` cuts them
    if padded_into or any(not re.search(f"[{_NAME_DOTS}]", n) and re.fullmatch(f"[{_HAN}]+", n)
                          and (len(n) < 2 or len(n) >= 4 and n[:2] not in COMPOUND_SURNAMES) for n, _ in split):
        padded = _padded_run_names(line)  # (a name of one character, or four without a compound surname)
        if padded:
            return [(n, []) for n in padded]
    if padded_into:  # (several cuts fit: the character is left alone, a shape the editor is asked about)
        out = [part for k, (n, marks) in enumerate(out)
               for part in ([[n[:1], []], [n[1:], marks]] if k in padded_into else [[n, marks]])]
        split = _split_runs(out)
    return split


def _split_runs(out: list[list]) -> list[tuple[str, list[str]]]:
    """Each run of names cut into names, the run's marks on its last name."""
    split: list[tuple[str, list[str]]] = []
    for n, marks in out:
        names = split_run_of_names(n)
        split += [(part, []) for part in names[:-1]] + [(names[-1], marks)]
    return split


def _letter_spaced_names(line: str) -> list[str] | None:
    """The names of a byline set letter-spaced for display ("王 建 国  李 思 远", which a
    text layer may give as "王 建 国李 思 远"): when most gaps between its characters are
    spaces, the names end at the other kind of gap (the wider one, or one the text layer
    closed); evenly spaced throughout, one name. None unless the line is Han characters and
    spaces only and every name found has two to four characters."""
    if not re.fullmatch(rf"[{_HAN}](?:\s*[{_HAN}])+", line):
        return None
    # (an ideographic space is an em wide, a typed space half an em at most)
    wide = [len(g) + g.count("\u3000") for g in re.findall(rf"(?<=[{_HAN}])(\s*)(?=[{_HAN}])", line)]
    gaps = [bool(w) for w in wide]
    spaced, tight = sum(gaps), len(gaps) - sum(gaps)
    if spaced <= tight:
        return None
    # the names end where the gap differs from the letter-spacing: closed, or wider
    narrow = min(w for w in wide if w)
    cut = [w == 0 or w > narrow for w in wide]
    chars = re.findall(f"[{_HAN}]", line)
    if not any(cut):  # (one name spread evenly, 诸 葛 明 亮: names of a byline are set apart by more)
        # (four characters are one name only after a compound surname: 诸葛明亮, not 张三李四)
        one = "".join(chars)
        return [one] if 2 <= len(one) <= 3 or len(one) == 4 and one[:2] in COMPOUND_SURNAMES else None
    names, cur = [], chars[0]
    for ch, c in zip(chars[1:], cut):
        if c:
            names.append(cur)
            cur = ch
        else:
            cur += ch
    names.append(cur)
    return names if all(2 <= len(n) <= 4 for n in names) else None


# a mark run after a name: affiliation numbers, a star or dagger, with the spaces around it
_MARK_RUN = re.compile(rf"\s*[{_MARK_CHARS}*∗†‡#＃＊△▲§※★☆,，、]+\s*")


def _letter_spaced_between_marks(line: str) -> list[tuple[str, list[str]]] | None:
    """A letter-spaced byline whose names carry marks ("陈 志 强*  赵 明 华1　司 马 相 如2"):
    the Han runs between the marks read as `_letter_spaced_names` reads a whole line, each
    run's marks on its last name. None unless some run is letter-spaced and every run reads."""
    parts = _MARK_RUN.split(line)
    marks = _MARK_RUN.findall(line)
    if not marks or not any(re.search(rf"[{_HAN}] +[{_HAN}]", p) for p in parts):
        return None
    out: list[tuple[str, list[str]]] = []
    for k, part in enumerate(parts):
        part = part.strip()
        if not part:
            continue
        names = [part] if re.fullmatch(f"[{_HAN}]{{2,4}}", part) else _letter_spaced_names(part)
        if not names:
            return None
        run = marks[k] if k < len(marks) else ""
        numbers = re.sub(rf"[^{_MARK_CHARS}]", "", run)
        digits = _mark_digits(numbers) if numbers else []
        out += [(n, []) for n in names[:-1]] + [(names[-1], digits)]
    return out or None


def _padded_run_names(line: str) -> list[str] | None:
    """The names of a byline of Han characters and spaces only, where a two-character name
    is spread to the width of three ("王 芳", a typesetting habit) and the text layer kept
    that space but lost the one between names ("王 芳李 明赵明华"): the one cut into two-
    and three-character names, each opening with a surname, in which every space falls
    between two names or inside a two-character name. None when no cut or several fit."""
    if not re.fullmatch(rf"[{_HAN}](?:[ \u3000]*[{_HAN}])+", line) or not re.search(r"[ \u3000]", line):
        return None
    chars = re.findall(f"[{_HAN}]", line)
    if len(chars) > 16:
        return None
    spaced = {k for k, gap in enumerate(re.findall(rf"(?<=[{_HAN}])([ \u3000]*)(?=[{_HAN}])", line), start=1) if gap}
    fits = []
    for cut in name_partitions("".join(chars)):
        ends, pos, ok = set(), 0, True
        for n in cut:
            inside = set(range(pos + 1, pos + len(n)))
            if len(n) > 2 and inside & spaced:
                ok = False
            pos += len(n)
            ends.add(pos)
        if ok:
            fits.append(cut)
    return fits[0] if len(fits) == 1 else None


def split_author_line(line: str) -> list[str]:
    """The names on an author line (see `split_author_line_with_marks`)."""
    return [n for n, _ in split_author_line_with_marks(line)]


# (GB/T 7713.2 sets each unit as "单位，城市 邮编", units apart by ；, or by a space alone after
# the six-digit postcode: "1.北京大学法学院 北京 100871 2.清华大学 北京 100084", the number
# set apart by a space only, "… 100871 2 清华大学 …", as well; a mark may
# stand apart from the unit by a space: "1 北京大学")
_AFF_MARK_RE = re.compile(
    r"(?:^|(?<=[;；])|(?<=\d{6})(?=\s+\d{1,2}\s*(?:[.．、]\s*|\s)[\u4e00-\u9fffA-Z]))"
    r"\s*(?:[(（\[［]\s*)?(?P<m>[0-9]{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}|[\u2460-\u2473]|[a-h](?=\s*[.．、)）]\s*[\u4e00-\u9fff]))"
    r"(?:\s*[)）\]］]|\s*[.．、]|(?=[^\s0-9])|\s+(?=[\u4e00-\u9fff]))\s*"
)


def parse_affiliation_line(line: str) -> dict[str, str]:
    """``{marker: affiliation}`` from ``1. 中国社会科学院日本研究所，北京 100007；2. 吉林大学…``.

    Markers are ``1.`` ``1、`` ``(1)`` ``¹`` at the start or right after ``；``/``;``;
    digits elsewhere (postcodes) are text.  Outer brackets around the whole line (or the
    loose half of a pair spanning several lines) are dropped.  A line without markers gives ``{"": line}``; an empty line gives ``{}``.
    """
    text = (line or "").strip()
    if not text:
        return {}
    if text[0] in "(（" and text[-1] in ")）":
        text = text[1:-1].strip()
    # a bracket opened on the block's first line and closed on its last: drop the loose half
    opens, closes = text.count("(") + text.count("（"), text.count(")") + text.count("）")
    if text[:1] in "(（" and opens > closes:
        text = text[1:].strip()
    elif text[-1:] in ")）" and closes > opens:
        text = text[:-1].strip()
    marks = list(_AFF_MARK_RE.finditer(text))
    if not marks:
        return {"": text.rstrip("；;。 ")}
    out: dict[str, str] = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        out[_CIRCLED.get(m.group("m"), m.group("m").translate(_SUPERSCRIPTS))] = text[m.end():end].strip().rstrip("；;").strip()
    return out


# ---------------------------------------------------------------------------
# 作者简介
# ---------------------------------------------------------------------------

_BIO_LABEL_RE = re.compile(r"^\s*(?:\*\*)?\s*(?:作者简介|作者介绍|作者信息)\s*[:：]?\s*(?:\*\*)?\s*")
# (the name then its birth years or a comma; or a colon, as a byline's star note may print
# "* 张三：北京大学法学院教授；李四：…")
_BIO_HEAD_RE = re.compile(rf"^\s*(?P<name>[{_HAN}][{_HAN}{_NAME_DOTS}]{{1,9}}?)\s*(?P<after>[（(，,:：])")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_PARENS_RE = re.compile(r"（[^（）]*）|\([^()]*\)")
_CAMPUS_RE = re.compile(rf"(?<=大学|学院)[（(]([{_HAN}]{{2,4}})[）)](?=[{_HAN}])")
_INST_RE = re.compile("|".join(sorted(INSTITUTION_WORDS, key=len, reverse=True)))
_TITLE_RE = re.compile("|".join(sorted(JOB_TITLES, key=len, reverse=True)))


# a two-character name padded to the width of three ("袁　晶，女，…"): the space is layout
_PADDED_NAME_RE = re.compile(rf"(?:(?<=^)|(?<=[；;。]))\s*([{_HAN}])[ \u3000]+([{_HAN}])(?=\s*[，,（(])")


def _looks_like_name(name: str) -> bool:
    if any(d in name for d in _NAME_DOTS):
        return True
    if not 2 <= len(name) <= 4:
        return False
    return name[:2] in COMPOUND_SURNAMES or name[0] in COMMON_SURNAMES


# clauses of a 作者简介 that name an institution which is not the author's unit (CAJ-CD
# B/T 1 orders 姓名（出生年—），性别，籍贯，职称，学位，单位 loosely): where a degree was taken
# ("山东大学社会学博士", "毕业于山东大学", "获…学位"), what the author studies ("研究方向为
# 社会保障"), a past post ("曾任…")
_NOT_UNIT_CLAUSE = re.compile(r"^(?:毕业于|获|取得|曾|先后|研究方向|主要研究|主要从事|从事|研究领域|研究兴趣)"
                              r"|(?:学|专业)(?:博士|硕士|学士)(?:学位)?$|学位$|毕业$")
_SINGLE_INST_WORDS = frozenset(w for w in INSTITUTION_WORDS if len(w) == 1)


def _unit_rank(clause: str, inst: "re.Match[str]") -> int:
    """How surely a bio clause is the author's unit: 0 a unit named by a word of two
    characters or more (大学, 研究所), 1 by one character only (局, 社 — also found in
    ordinary words), 2 a clause about a degree, a research field or a past post."""
    if _NOT_UNIT_CLAUSE.search(clause):
        return 2
    return 1 if inst.group(0) in _SINGLE_INST_WORDS else 0


def _affiliation(bio_body: str) -> str:
    """The institution in a bio: the surest clause with an institution word (see
    `_unit_rank`; the first of equals), cut before the first job title after that word
    (parenthesised asides are ignored)."""
    # (a campus or city in brackets inside a university's official name, 中国地质大学（武汉）公共管理
    # 学院, is part of the name, not an aside: kept through the bracket removal)
    body = _PARENS_RE.sub("", protect_campus(bio_body))
    clauses = []
    for clause in re.split(r"[，,；;。]", body):
        clause = clause.strip()
        inst = _INST_RE.search(clause)
        if inst:
            clauses.append((_unit_rank(clause, inst), clause, inst))
    for _, clause, inst in sorted(clauses, key=lambda c: c[0]):
        clause = re.sub(r"^(?:现为|现任|现就职于|就职于|任职于|工作于|供职于|任教于|工作单位为|单位为|现工作于)", "", clause)
        inst = _INST_RE.search(clause)
        if not inst:
            continue
        cut = len(clause)
        for t in _TITLE_RE.finditer(clause):
            if t.start() >= inst.end() or t.start() >= inst.start() + 1 and t.end() > inst.end():
                cut = t.start()
                break
        aff = clause[:cut].strip()
        if aff:
            return uncampus(aff)
    # the unit only in parentheses, with its address (…主要研究区域经济（吉林大学经济学院，吉林
    # 长春 130012）): GB/T 7713.2's "单位，城市 邮编" in brackets closing the entry
    for group in re.findall(r"[（(]([^（）()]*)[）)]", bio_body):
        head = re.split(r"[，,；;]", group)[0].strip()
        inst = _INST_RE.search(head)
        if inst and _unit_rank(head, inst) == 0 and not _TITLE_RE.search(head):
            return head
    return ""


def parse_bio(text: str, known: "list[str] | tuple[str, ...]" = ()) -> list[dict[str, str]]:
    """Authors from a 作者简介 block: ``[{name, bio, affiliation, email}]``.

    The label (作者简介：, also in ``**…**``) is dropped; authors are separated by ``；``
    where the next segment starts with a plausible name (a common or compound surname,
    2–4 characters, followed by ``（`` or ``，``; if the first author's name is followed by
    ``（`` + birth year, later authors must be too). A ``。`` separates authors too when
    the next one starts with name + ``（`` + birth year (bios printed as paragraphs).  ``bio`` is the author's printed text
    without the separator and without a final ``。`` (the project's golden convention); ``affiliation`` is the institution (see `INSTITUTION_WORDS`,
    `JOB_TITLES`); ``email`` comes from ``E-mail:`` / ``邮箱：`` or any address in the bio.
    With the byline's names `known`, a segment opening with one of them (then ``，`` or
    ``（``) starts that author's bio after any separator: each author's bio opens with the
    name as the byline prints it (CAJ-CD B/T 1), birth year or not.
    """
    body = _BIO_LABEL_RE.sub("", (text or "").strip()).strip()
    if not body:
        return []
    body = _PADDED_NAME_RE.sub(r"\1\2", body)
    pieces = re.split(r"([；;。])", body)
    segments: list[str] = [pieces[0]]
    first = _BIO_HEAD_RE.match(pieces[0])
    needs_year = bool(first and re.match(r"[（(]\s*\d{4}", pieces[0][first.end("name"):].lstrip()))
    for i in range(1, len(pieces), 2):
        sep, seg = pieces[i], pieces[i + 1] if i + 1 < len(pieces) else ""
        head = _BIO_HEAD_RE.match(seg)
        new = bool(head) and _looks_like_name(head.group("name"))
        if new and (needs_year or sep == "。") and head.group("name") not in known:  # a full stop ends a sentence far more often than a bio
            new = bool(re.match(r"[（(]\s*\d{4}", seg[head.end("name"):].lstrip()))
        if new:
            segments.append(seg)
        else:
            segments[-1] += sep + seg
    out = []
    for seg in segments:
        seg = seg.strip().rstrip("；;。.").strip()
        if not seg:
            continue
        joint = _JOINT_HEAD_RE.match(seg)
        if joint and all(_looks_like_name(n) for n in joint.group("names").split("、")):
            # co-authors of one unit named together: 张三、李四，北京大学…教授 (one entry each)
            rest = seg[joint.end("names"):]
            out += [{"name": n, "bio": seg, "affiliation": _affiliation(rest), "email": ""}
                    for n in joint.group("names").split("、")]
            continue
        head = _BIO_HEAD_RE.match(seg)
        if head and head.group("after") in ":：" and not _looks_like_name(head.group("name")):
            head = None  # (a label before a colon, 第一作者：, is no name)
        name = head.group("name") if head else ""
        rest = seg[head.end("name"):] if head else seg
        email = email_in(seg)
        out.append({"name": name, "bio": seg, "affiliation": _affiliation(rest), "email": email})
    return out


_JOINT_HEAD_RE = re.compile(rf"^\s*(?P<names>[{_HAN}]{{2,4}}(?:、[{_HAN}]{{2,4}})+)\s*[，,]")


_EMAIL_LABEL_RE = re.compile(r"(?:E-?mail|Email|电子邮箱|电子信箱|邮箱)\s*[:：]?\s*", re.IGNORECASE)
_NOTE_EN_NAME_RE = re.compile(r"Authors?\s*[:：]\s*(?P<en>[A-Z][^\W\d_]*(?:[ \-][A-Z][^\W\d_]*)+)")


def email_in(text: str) -> str:
    """The e-mail address in a note or bio; after an E-mail label, spaces a typesetter
    put inside the address (``hongyb @seu .edu .cn``) are dropped."""
    label = _EMAIL_LABEL_RE.search(text)
    if label:
        squeezed = re.sub(r"\s+", "", text[label.end():label.end() + 80])
        squeezed = re.sub(r"[（(]?[®©]|＠", "@", squeezed)  # OCR reads @ as ® (or "（®")
        m = EMAIL_RE.match(squeezed)
        if m:
            return m.group(0).rstrip(".")
    m = EMAIL_RE.search(text)
    return m.group(0).rstrip(".") if m else ""


def parse_author_note(text: str) -> list[dict[str, str]]:
    """Authors from a first-page ``作者：`` note: ``[{name, name_en, affiliation, email}]``.

    Shape (《社会》 and others): ``洪岩璧　东南大学人文学院社会学系（Author：HONG Yanbi，…）
    E-mail：…``, authors separated by ``；``."""
    out = []
    for seg in re.split(r"[；;]", text or ""):
        m = re.match(rf"^\s*(?P<name>[{_HAN}]{{2,4}})[\s\u3000]+(?P<rest>\S.*)$", seg)
        if not m or not _looks_like_name(m.group("name")):
            continue
        rest = m.group("rest")
        en = _NOTE_EN_NAME_RE.search(rest)
        aff = _EMAIL_LABEL_RE.split(_PARENS_RE.sub("", rest))[0].strip(" ，,。.")
        out.append({"name": m.group("name"), "name_en": en.group("en").strip() if en else "",
                    "affiliation": aff, "email": email_in(rest)})
    return out


def names_in_citation(text: str) -> list[str]:
    """The authors of a 引用本文 / 引用格式 line (``许全喜，袁晶.2020年…［J］…``), or [] when
    the line abbreviates them (``等`` / ``et al``) or they do not read as names."""
    head = re.split(r"[.．]", text or "", maxsplit=1)[0]
    if re.search(r"等$|et\s*al", head.strip()):
        return []
    out = [n.strip() for n in re.split(r"[，,、;；]", head) if n.strip()]
    if not out or not all(re.fullmatch(rf"[{_HAN}]{{2,4}}", n) and _looks_like_name(n) for n in out):
        return []
    return out


def institution_of(text: str) -> str:
    """The institution named in a bio sentence (name already removed or not):
    ``中国社会科学院日本研究所外交研究室副研究员（北京…）`` → ``中国社会科学院日本研究所外交研究室``."""
    return _affiliation(text or "")


# ---------------------------------------------------------------------------
# 作者单位 notes
# ---------------------------------------------------------------------------

# "同济大学附属同济医院(陆峥，刘娜)": an institution, then the authors it is theirs in brackets
_UNIT_WITH_NAMES_RE = re.compile(rf"(?P<unit>[^();；（）]+?)\s*[（(](?P<names>[{_HAN}{_NAME_DOTS}，,、\s]+)[）)]")
_POSTCODE_RE = re.compile(r"^\s*\d{6}\s*|[，,\s]*\d{6}\s*$")


def parse_unit_note(text: str, authors: list[str] | None = None) -> tuple[str, dict[str, str]]:
    """(affiliation of every author, {name: affiliation}) from a 作者单位 note.

    Medical and social-science journals print the authors' institutions in a first-page
    or closing note instead of under the byline, in three shapes: one institution for all
    ("100041 北京市 中国医学科学院整形外科医院"), each institution followed by its
    authors in brackets ("同济大学附属同济医院(陆峥，刘娜); 北京大学第六医院(丛中)"), or
    each author followed by the institution ("单波，武汉大学新闻与传播学院；周夏宇，…").
    A postcode before or after the institution is dropped. With the byline's `authors`
    known, only they are matched, and the shared institution ends where a note on one of
    them begins ("…医院性别重塑中心王大方：女，…")."""
    text = protect_campus((text or "").strip().rstrip("。.;；"))  # (中国地质大学（武汉）: one name)
    known = set(authors or [])
    common, per = _parse_unit_note(text, known)
    return uncampus(common), {name: uncampus(unit) for name, unit in per.items()}


def protect_campus(text: str) -> str:
    """`text` with a campus in brackets inside a university's name (中国地质大学（武汉）) held as
    private-use marks, so that bracket rules do not take it for an aside; `uncampus` undoes it."""
    return _CAMPUS_RE.sub("\ue000\\1\ue001", text)


def uncampus(text: str) -> str:
    """A unit with its campus brackets put back (see `_CAMPUS_RE`)."""
    return text.replace("\ue000", "（").replace("\ue001", "）")


def _parse_unit_note(text: str, known: set[str]) -> tuple[str, dict[str, str]]:
    per: dict[str, str] = {}
    for m in _UNIT_WITH_NAMES_RE.finditer(text):
        unit = _POSTCODE_RE.sub("", m.group("unit")).strip(" ，,;；")
        for name in re.split(r"[，,、\s]+", m.group("names")):
            # (inside the brackets every 2–4 character token is a name, rare surname or not: 过斌)
            if (name in known) if known else (2 <= len(name) <= 4 or any(d in name for d in _NAME_DOTS)):
                per[name] = f"{per[name]}; {unit}" if name in per else unit
    if per:
        return "", per
    for seg in re.split(r"[；;。]\s*", text):
        m = re.match(rf"^\s*(?P<name>[{_HAN}]{{2,4}})\s*[，,：:]\s*(?P<unit>\S.*)$", seg)
        if m and ((m.group("name") in known) if known else _looks_like_name(m.group("name"))) and _INST_RE.search(m.group("unit")):
            per[m.group("name")] = _POSTCODE_RE.sub("", m.group("unit")).strip(" ，,")
    if per:
        return "", per
    common = re.split(r"[。；;]", text)[0]
    for name in known:
        common = common.split(name)[0] if name and name in common[2:] else common
    common = _POSTCODE_RE.sub("", common).strip(" ，,")
    return (common if _INST_RE.search(common) else ""), {}  # (a note naming no institution gives none)


# ---------------------------------------------------------------------------
# other romanisations of Chinese names (Taiwan, Hong Kong, older and overseas usage)
# ---------------------------------------------------------------------------

_WG_INITIALS = (("zh", "ch"), ("ch", "ch"), ("sh", "sh"), ("b", "p"), ("p", "p"), ("d", "t"), ("t", "t"),
                ("g", "k"), ("k", "k"), ("j", "ch"), ("q", "ch"), ("x", "hs"), ("r", "j"), ("z", "ts"),
                ("c", "ts"), ("s", "s"), ("h", "h"), ("f", "f"), ("m", "m"), ("n", "n"), ("l", "l"), ("w", "w"))
#: syllables spelt with y in pinyin whose Wade–Giles spelling differs (yi → i, ye → yeh)
_WG_Y = {"yi": "i", "ye": "yeh", "yan": "yen", "you": "yu", "yong": "yung", "yue": "yueh"}


def wade_giles(syllable: str) -> str:
    """The Wade–Giles spelling of a toneless pinyin syllable, letters only (aspiration
    apostrophes and umlauts dropped, as a byline's hyphenated Wade–Giles name compares):
    zhang → chang, zong → tsung, xian → hsien, guo → kuo, zi → tzu, shi → shih, jue → chueh.
    Used by Taiwan and much older and overseas usage (Chang Tsung-hsien)."""
    s = syllable.lower().replace("ü", "v")
    if s in ("er",):
        return "erh"
    if s.startswith("y"):
        return _WG_Y.get(s, s)
    ini = next((p for p, _ in _WG_INITIALS if s.startswith(p)), "")
    fin = s[len(ini):]
    if ini in ("j", "q", "x") and fin.startswith("u"):
        fin = "v" + fin[1:]                       # ju, quan, xue, yun: the ü the spelling hides
    if ini in ("z", "c", "s") and fin == "i":
        return {"z": "tzu", "c": "tzu", "s": "ssu"}[ini]
    if ini in ("zh", "ch", "sh", "r") and fin == "i":
        fin = "ih"
    wg_ini = dict(_WG_INITIALS).get(ini, ini)
    fin = re.sub(r"ong$", "ung", fin)
    fin = re.sub(r"ian$", "ien", fin)
    if fin in ("ie", "ve"):
        fin += "h"                                 # xie → hsieh, jue → chüeh
    if fin == "e" and ini in ("g", "k", "h", ""):
        fin = "o"                                  # ge → ko, he → ho, e → o
    if fin == "uo" and ini not in ("g", "k", "h", "sh"):
        fin = "o"                                  # duo → to, zuo → tso, luo → lo
    if fin == "ui" and ini in ("g", "k"):
        fin = "uei"                                # gui → kuei
    return (wg_ini + fin).replace("v", "u")


#: common surnames as Hong Kong and Macau (Cantonese) and Taiwan registers spell them
#: where the spelling is not their Wade–Giles one (HK government romanisation; Lee for 李)
ROMANISED_SURNAMES: dict[str, tuple[str, ...]] = {
    "陈": ("chan",), "黄": ("wong",), "王": ("wong",), "张": ("cheung",), "李": ("lee",), "刘": ("lau",),
    "吴": ("ng",), "何": ("ho",), "梁": ("leung",), "曾": ("tsang",), "周": ("chow", "chau"), "郭": ("kwok",),
    "杨": ("yeung",), "林": ("lam",), "邓": ("tang",), "冯": ("fung",), "罗": ("law", "lo"), "郑": ("cheng",),
    "谢": ("tse",), "蔡": ("choi", "tsai"), "徐": ("tsui", "hsu"), "许": ("hui", "hsu"), "胡": ("wu",),
    "邱": ("yau", "chiu"), "余": ("yu",), "叶": ("yip", "yeh"), "潘": ("poon",), "麦": ("mak",), "卢": ("lo",),
    "苏": ("so",), "钟": ("chung",), "朱": ("chu",), "区": ("au",), "莫": ("mok",), "伍": ("ng",), "温": ("wan",),
    "袁": ("yuen",), "谭": ("tam",), "彭": ("pang",), "孙": ("suen",), "方": ("fong",), "韩": ("hon",),
    "姚": ("yiu",), "江": ("kong",), "唐": ("tong",), "关": ("kwan",), "黎": ("lai",), "赖": ("lai",),
    "廖": ("liu",), "高": ("ko",), "邝": ("kwong",), "洪": ("hung",), "杜": ("to",), "文": ("man",),
    "陆": ("luk",), "严": ("yim",), "程": ("ching",), "魏": ("ngai",), "石": ("shek",), "萧": ("siu", "hsiao"),
    "崔": ("tsui",), "蒋": ("cheung", "chiang"), "薛": ("sit",), "汤": ("tong",), "龙": ("lung",), "岑": ("shum",),
    "甘": ("kam",), "金": ("kam",), "戴": ("tai",), "侯": ("hau",), "丁": ("ting",), "熊": ("hung",),
    "范": ("fan",), "汪": ("wong",), "翁": ("yung",), "容": ("yung",), "简": ("kan",), "游": ("yau",),
    "施": ("sze",), "司徒": ("szeto",), "欧阳": ("auyeung",), "吕": ("lui",), "贺": ("ho",), "雷": ("lui",),
}


def romanisation_of(zh: str, en: str) -> str:
    """Which romanisation the printed `en` is of the Chinese name `zh`: "pinyin" (GB/T
    28039-2011), "pinyin-initials" (the given name as initials: WANG J G), "wade-giles" (Taiwan and older usage: Chang Tsung-hsien, surname first or
    last, syllables hyphenated), "cantonese" (Hong Kong: CHAN Tai-man — the surname as
    ROMANISED_SURNAMES spells it, the given name as many hyphenated or spaced syllables as
    it has characters; the syllables themselves are not checked), or "" for none."""
    if is_pinyin_of(zh, en):
        return "pinyin"
    zh = re.sub(r"\s+", "", zh or "")
    if not re.fullmatch(f"[{_HAN}]{{2,4}}", zh):
        return ""
    surname, given = split_chinese_name(zh)
    target = fold_pinyin(en)
    sur_py = pinyin_syllables(surname, surname=True)
    sur_wg = "".join(wade_giles(x) for x in sur_py)
    giv_wg = "".join(wade_giles(x) for x in pinyin_syllables(given))
    surnames = {sur_wg, *ROMANISED_SURNAMES.get(surname, ())}
    if any(target in (s + giv_wg, giv_wg + s) for s in surnames):
        return "wade-giles"
    words = [w for w in re.split(r"[\s,]+", (en or "").strip()) if w]
    if len(words) >= 2 and given:
        # the surname in full, the given name as its syllables' initials (GB/T 7714-2015 8.1.2
        # abbreviates given names so, and some science journals print bylines so: WANG J G,
        # Wang JG, J.-G. Wang)
        initials = "".join(x[0] for x in pinyin_syllables(given) if x)
        for sur_word, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
            if fold_pinyin(sur_word) == fold_pinyin("".join(sur_py)) and fold_pinyin("".join(rest)) == initials \
                    and all(len(re.sub(r"[^A-Za-z]", "", w)) <= len(initials) for w in rest):
                return "pinyin-initials"
        for sur_word, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
            syllables = [x for w in rest for x in re.split(r"[-‐]", w) if x]
            if fold_pinyin(sur_word) in ROMANISED_SURNAMES.get(surname, ()) and len(syllables) == len(given) \
                    and all(re.fullmatch(r"[A-Za-z]+", x) for x in syllables):
                return "cantonese"
    return ""
