"""Can a page's text layer be trusted, or must the page be read from its image (OCR)?

Cheap statistics over text the text-layer walk has already decoded (no rendering), so a
born-digital issue pays a few microseconds a page:

* no text: a page that draws an image and has (almost) no text is a scan;
* glyph names, private-use, unmapped or control characters (decided in
  `parsers.textlayer._judge_readability`, reasons kept as they are);
* a letter-substitution layer: CJK text whose characters are not the characters of Chinese
  prose. In any running Chinese text the 300 most frequent characters (的, 是, 在, 了, 和 …)
  make up well over a third of the characters (Jun Da's Modern Chinese character frequency
  list: the top 300 cover about 60% of a general corpus, and academic prose is no
  different); a font whose codes were mapped through the wrong table gives characters spread
  evenly over the 20,000 of the CJK block, of which the common ones are a few per cent;
* an implausible OCR layer (invisible text over a scan, as CNKI, VIP and Wanfang add): the
  same statistic with a higher bar, English words mostly absent from a dictionary, or
  control characters where a class of glyphs (digits) was mapped to code 0.

Each decision is a reason string ("" = trust the layer) that the record keeps per page
(`issue.json` `source.pages_ocr`).
"""
from __future__ import annotations

import re
from functools import lru_cache

# The 300 most frequent characters of modern Chinese (Jun Da's frequency list, rounded to
# the ones that are also frequent in academic prose). Order does not matter here.
COMMON_CJK = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之"
    "年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理"
    "心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高"
    "间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老"
    "给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女"
    "变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形"
    "社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程"
    "北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每"
    "济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质"
    "团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称"
    "企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅"
    "考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章"
    "音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪"
    "采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般"
    "普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述"
    "陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判"
    "担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副"
    "乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评"
    "版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误"
    "湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇"
    "康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补"
    "谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋"
    "宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐"
    "熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替"
    "塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植"
    "纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵"
    # traditional forms of the commonest, for journals printed in traditional characters
    "們這個來為國說時會對過發後從經動現當沒麼還進學種樣實與長機關點業將開問無間體義處應見頭"
)
# and the few that carry most of prose: function words and the commonest academic nouns
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_EN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")

MIN_CJK = 120          # fewer CJK characters on a page: no statistic, the layer is trusted
CIPHER_SHARE = 0.22    # common-character share below this: not Chinese prose at all
OCR_LAYER_SHARE = 0.40 # an OCR layer must look more like prose than this to be kept
# an OCR layer whose font maps some glyphs to no character (a CNKI scan's layer printing every
# digit as NUL: "\x00\x00\x00\x00年\x00月"): unmapped characters (controls, private use,
# U+FFFD: parsers.fonts.unmapped_count, which the text-layer walk counts per page) are never
# text, and this many on a page are a class of characters lost, not a stray one
OCR_UNMAPPED_MIN = 5
MIN_EN_WORDS = 40
OCR_EN_KNOWN = 0.55    # share of an OCR layer's English words a dictionary knows


def common_share(text: str) -> tuple[int, float]:
    """(CJK characters, share of them among the common characters of Chinese prose)."""
    chars = _CJK.findall(text)
    if not chars:
        return 0, 1.0
    return len(chars), sum(map(COMMON_CJK.__contains__, chars)) / len(chars)


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str] | None:
    try:
        from spellchecker import SpellChecker
    except ImportError:  # pragma: no cover - a dependency; without it the English test is skipped
        return None
    return frozenset(SpellChecker(language="en").word_frequency.dictionary)


def english_known_share(text: str) -> tuple[int, float]:
    words = [w.lower() for w in _EN_WORD.findall(text)]
    known = _english_words()
    if not words or known is None:
        return len(words), 1.0
    return len(words), sum(w in known for w in words) / len(words)


# ASCII punctuation that printed prose uses rarely; fonts whose Latin letters and digits
# were mapped through the wrong table show them instead ("%##% 年" for "2002 年")
_ODD_ASCII = re.compile(r"[!\"#$%&'*+<=>?@\\^_`{|}~]")
_ALNUM = re.compile(r"[A-Za-z0-9]")
ASCII_CIPHER_SHARE = 0.5   # odd punctuation per letter or digit, over the whole document
ASCII_CIPHER_MIN = 100     # odd punctuation characters at least, over the whole document
ASCII_CIPHER_PAGE_MIN = 10


def ascii_cipher(texts: list[str]) -> list[str]:
    """Per page, the reason its digits and Latin letters are not to be trusted, or "": a
    document whose text holds about as many #$%@^… as letters and digits (printed prose has a
    few per thousand; the visible corpus at most 0.04 over a whole document, the two files
    whose Latin fonts lack a usable ToUnicode 0.6 and 0.9) had its Latin and digits mapped
    through the wrong table; each page showing it is not trusted (its CJK may be fine, but
    a date, an ISSN or an English abstract read from it would be wrong)."""
    odd = [len(_ODD_ASCII.findall(t)) for t in texts]
    aln = [len(_ALNUM.findall(t)) for t in texts]
    total_odd, total_aln = sum(odd), sum(aln)
    if total_odd < ASCII_CIPHER_MIN or total_odd < ASCII_CIPHER_SHARE * max(total_aln, 1):
        return [""] * len(texts)
    why = (f"letter-substitution text layer: digits and Latin letters drawn as ASCII punctuation "
           f"({total_odd} of #$%@… for {total_aln} letters and digits in the document)")
    return [why if o >= ASCII_CIPHER_PAGE_MIN else "" for o in odd]


def distrust_reason(text: str, ocr_layer: bool, unmapped: int | None = None) -> str:
    """Why this page's (readable-looking) text must not be trusted, or "".

    text: the page's text as decoded; ocr_layer: most of it is invisible (render mode 3),
    the text an OCR engine laid over a scan; unmapped: its unmapped characters, when counted."""
    n, share = common_share(text)
    if n >= MIN_CJK and share < CIPHER_SHARE:
        return (f"letter-substitution text layer: {share:.0%} of its {n} CJK characters are common "
                f"characters of Chinese prose (prose has over {CIPHER_SHARE:.0%})")
    if not ocr_layer:
        return ""
    if unmapped is None:
        from parsers.fonts import unmapped_count
        unmapped = unmapped_count(text)
    if unmapped >= OCR_UNMAPPED_MIN:
        return (f"implausible OCR layer: {unmapped} unmapped characters (glyphs its font maps to no character, "
                f"such as the digits of dates)")
    if n >= MIN_CJK and share < OCR_LAYER_SHARE:
        return (f"implausible OCR layer: {share:.0%} of its {n} CJK characters are common characters "
                f"of Chinese prose (prose has over {OCR_LAYER_SHARE:.0%})")
    m, known = english_known_share(text)
    if n < MIN_CJK and m >= MIN_EN_WORDS and known < OCR_EN_KNOWN:
        return f"implausible OCR layer: {known:.0%} of its {m} English words are in a dictionary"
    return ""
