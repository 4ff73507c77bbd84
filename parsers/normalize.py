"""Text normalisation for text pulled out of Chinese journal PDFs.

`normalize_text` is applied to every line the text layer produces. Rules, in order:

1. Unicode NFC.
2. Full-width ASCII letters and digits (Ａ-Ｚ, ａ-ｚ, ０-９) become ASCII. So do the full-width
   forms of ``. - + % / = @ # & _ ~ < >`` and ＇＂ (they sit inside codes such as ``ＴＰ３９１．９``
   or ``１０．１９４９８``).  Chinese punctuation is kept as printed: ，。：；（）“”《》、！？【】
   are the typographic norm in Chinese text and later steps match on them.
3. Whitespace between two CJK characters is removed: it is justification (inter-character
   spacing of a full line), not a word boundary, e.g. ``不 同 社 会`` -> ``不同社会``.
   *Exception - U+3000 IDEOGRAPHIC SPACE*: a full-width space between two CJK characters is a
   deliberate separator (keywords ``日本　北约``, two authors ``张三　李四``), so it is kept as
   U+3000 (``str.split()`` and ``re`` ``\\s`` both treat it as whitespace).  It is dropped only in the
   letter-spaced-label pattern where a *single* CJK character stands before it (``摘　要`` ->
   ``摘要``, ``陈　静`` -> ``陈静``).  Anywhere else (next to Latin letters, digits, at the ends)
   U+3000 becomes an ordinary space.
4. Runs of ASCII spaces/tabs collapse to one space; the result is stripped.
5. Latin ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ, U+FB00-FB06) are spelt out: fonts draw them as one glyph,
   the words have the letters.
6. In an English line (>= 90% of its letters ASCII, at least three words), the Chinese full-width
   ，；：（） that a Chinese input method leaves in English text set by a CJK typesetting
   system become the English marks, followed by a space where a word follows
   (``Sexuality，Sexual`` -> ``Sexuality, Sexual``).  Chinese lines keep them (``A，B，C 3组``).

`is_cjk(ch)` is True for CJK ideographs (all planes), kana, hangul, bopomofo, CJK
symbols and punctuation (U+3001-U+303F) and full-width punctuation forms.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "is_cjk", "latin_share", "is_tight", "fullwidth_to_ascii", "IDEOGRAPHIC_SPACE",
           "PRINTED_SPACE"]

IDEOGRAPHIC_SPACE = "\u3000"
# U+2063 INVISIBLE SEPARATOR: how the text layer marks one space glyph the PDF itself draws
# between two ideographs ("吉林 长春", a name letter-spaced with typed spaces: 王 建 国), so that
# it survives rule 3; it is narrower than any ideographic-space run (half an em at most)
PRINTED_SPACE = "\u2063"

# full-width -> ASCII for letters, digits and code-ish symbols (not Chinese punctuation)
_FW_KEEP = set("，。：；（）“”《》、！？【】［］｛｝〔〕～")  # stay full-width
_FW_TABLE: dict[int, str] = {}
for _cp in range(0xFF01, 0xFF5F):
    _ch = chr(_cp)
    _ascii = chr(_cp - 0xFEE0)
    if _ch in _FW_KEEP:
        continue
    if _ascii.isalnum() or _ascii in ".-+%/=@#&_<>'\"*^|$\\`":
        _FW_TABLE[_cp] = _ascii
# full-width tilde is used as a range mark in Chinese (１～５); ASCII digits around it read better
# with the full-width form kept, so it is left out on purpose.
# (a translate walks every character through a dict: a line with none of these skips it)
_FW_ANY = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FW_TABLE)) + "]")


def fullwidth_to_ascii(s: str) -> str:
    """Full-width letters, digits and code symbols -> ASCII (Chinese punctuation untouched)."""
    return s.translate(_FW_TABLE)


def is_cjk(ch: str) -> bool:
    """True for one CJK character: ideographs, kana, hangul, CJK or full-width punctuation."""
    if not ch:
        return False
    o = ord(ch[0])
    return (
        0x4E00 <= o <= 0x9FFF          # CJK unified ideographs
        or 0x3400 <= o <= 0x4DBF       # ext A
        or 0x20000 <= o <= 0x3FFFF     # ext B.. (planes 2, 3)
        or 0xF900 <= o <= 0xFAFF       # compatibility ideographs
        or 0x3001 <= o <= 0x303F       # CJK symbols and punctuation (not U+3000 space)
        or 0x3040 <= o <= 0x30FF       # kana
        or 0x3100 <= o <= 0x312F       # bopomofo
        or 0x31F0 <= o <= 0x31FF
        or 0xAC00 <= o <= 0xD7AF       # hangul
        or 0x1100 <= o <= 0x11FF
        or 0xFF01 <= o <= 0xFF60       # full-width forms (punctuation; letters are mapped first)
        or 0xFE30 <= o <= 0xFE4F       # CJK compatibility forms
        or 0x2E80 <= o <= 0x2FDF       # radicals
        or 0x3200 <= o <= 0x33FF       # enclosed CJK, compatibility
    )


def _is_ideograph(ch: str) -> bool:
    """A CJK letter (ideograph, kana, hangul), not punctuation."""
    o = ord(ch[0])
    return is_cjk(ch) and not (
        0x3001 <= o <= 0x303F or 0xFF01 <= o <= 0xFF60 or 0xFE30 <= o <= 0xFE4F
    )


# characters that behave like CJK for the "no space between" rule: curly quotes, dashes,
# ellipsis and middle dot are printed as Chinese punctuation in Chinese text.
_TIGHT_EXTRA = set("“”‘’—…·–")


def is_tight(ch: str) -> bool:
    """CJK, or punctuation that Chinese typesetting sets without spaces (“”—…·)."""
    return bool(ch) and (is_cjk(ch) or ch in _TIGHT_EXTRA)


_WS_RUN = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000]+")
_WS_RUN_END = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000]+$")


def _fix_spaces(s: str) -> str:
    if not _WS_RUN.search(s):  # (no space of any kind: nothing to collapse or strip)
        return s
    if s.isascii():  # (no CJK on either side of any run: every run is one space)
        return _WS_RUN.sub(" ", s).strip(" ")
    out: list[str] = []
    pos = 0
    n = len(s)
    for m in _WS_RUN.finditer(s):
        a, b = m.span()
        out.append(s[pos:a])
        pos = b
        if a == 0 or b == n:
            continue  # leading / trailing: stripped
        before, after = s[a - 1], s[b]
        if before < "\x80" or after < "\x80":  # (an ASCII side is never tight)
            out.append(" ")
            continue
        run = m.group()
        if is_tight(before) and is_tight(after):
            if IDEOGRAPHIC_SPACE in run and _is_ideograph(before) and _is_ideograph(after):
                # deliberate separator unless it spaces out a one-character label (摘　要)
                prev = s[a - 2] if a >= 2 else ""
                if prev and _is_ideograph(prev):
                    out.append(IDEOGRAPHIC_SPACE)
                elif prev == PRINTED_SPACE:
                    # a word letter-spaced with typed spaces (王 建 国　　李 思 远, a Word-set
                    # byline): the ideographic space after it is wider than its letter-spacing
                    out.append(IDEOGRAPHIC_SPACE)
                elif prev and _WS_RUN.match(prev):
                    gap = _WS_RUN_END.search(s, 0, a - 1)
                    p0 = gap.start()
                    if len(run) > len(gap.group()):
                        # a letter-spaced word (王　芳, a two-character name spread to the width
                        # of three) ends where the gap is wider than its letter-spacing
                        out.append(IDEOGRAPHIC_SPACE)
                    elif p0 >= 2 and _is_ideograph(s[p0 - 1]) and _is_ideograph(s[p0 - 2]) and len(run) == len(gap.group()):
                        # a one-character word set apart as the word before it is (史密斯　著　王建国,
                        # a translated piece's byline): not a letter-spaced label (摘　要 opens its line)
                        out.append(IDEOGRAPHIC_SPACE)
            continue  # justification
        out.append(" ")
    out.append(s[pos:])
    return "".join(out)


_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
_LIGATURE_ANY = re.compile("[\ufb00-\ufb06]")
_EN_PUNCT = re.compile(r"(?<=[A-Za-z0-9)\]'\".])\s*([，；：])\s*(?=[A-Za-z0-9(\"'‘“])")
_EN_OPEN = re.compile(r"(?<=[A-Za-z0-9.,;:])\s*（\s*(?=[A-Za-z0-9])")
_EN_CLOSE = re.compile(r"(?<=[A-Za-z0-9.])\s*）")
_EN_MARK = {"，": ", ", "；": "; ", "：": ": "}
_WORDS = re.compile(r"[A-Za-z]{2,}")
_FW_MARKS = re.compile("[，；：（）]")
_LOWER = re.compile("[a-z]")


def _english_punctuation(s: str) -> str:
    """Full-width ，；：（） inside an English line -> English marks (rule 6)."""
    # (the cheap tests first: almost every Chinese line has a full-width comma)
    if (not _FW_MARKS.search(s) or not _LOWER.search(s) or len(_WORDS.findall(s)) < 3
            or latin_share(s) < 0.9):  # codes (TV212；TP391.9) are not English text
        return s
    s = _EN_PUNCT.sub(lambda m: _EN_MARK[m.group(1)], s)
    s = _EN_OPEN.sub(" (", s)
    return _EN_CLOSE.sub(")", s)


# A CJK font may draw a common character with the glyph it shares with a radical, and an
# export name the radical in the ToUnicode (macOS and some Office fonts): 文献 reads ⽂献, 长 ⻓,
# 门 ⻔, so labels go unfound and titles carry look-alikes. A Kangxi radical (U+2F00-U+2FD5) is
# its ideograph by NFKC; a CJK Radicals Supplement character by Unicode's
# EquivalentUnifiedIdeograph.txt (UCD 14.0, U+2E81-U+2EF3: radical then ideograph, in pairs).
_RADICAL_SUPPLEMENT = (
    "⺁厂 ⺂乛 ⺃乚 ⺄乙 ⺅亻 ⺆冂 ⺇𠘨 ⺈刀 ⺉刂 ⺊卜 ⺋㔾 ⺌小 ⺍小 ⺎兀 ⺏尣 ⺐尢 ⺑𡯂 ⺒巳 ⺓幺 ⺔彑 "
    "⺕彐 ⺖忄 ⺗心 ⺘扌 ⺙攵 ⺛旡 ⺜日 ⺝月 ⺞歺 ⺟母 ⺠民 ⺡氵 ⺢氺 ⺣灬 ⺤爫 ⺥爫 ⺦丬 ⺧牛 ⺨犭 ⺩王 "
    "⺪𤴔 ⺫目 ⺬示 ⺭礻 ⺮𥫗 ⺯糹 ⺰纟 ⺱罓 ⺲罒 ⺳㓁 ⺴冗 ⺵𦉫 ⺶羊 ⺷𦍌 ⺸𦍋 ⺹耂 ⺺肀 ⺻聿 ⺼肉 ⺽𦥑 "
    "⺾艹 ⺿艹 ⻀艹 ⻁虎 ⻂衤 ⻃覀 ⻄西 ⻅见 ⻆角 ⻇𧢲 ⻈讠 ⻉贝 ⻊𧾷 ⻋车 ⻌辶 ⻍辶 ⻎辶 ⻏邑 ⻐钅 ⻑長 "
    "⻒镸 ⻓长 ⻔门 ⻕𨸏 ⻖阝 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻞𩙿 ⻟飠 ⻠饣 ⻡𩠐 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 "
    "⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 ⻭歯 ⻮齿 ⻯竜 ⻰龙 ⻱龜 ⻲亀 ⻳龟"
)
_RADICALS = {ord(pair[0]): pair[1:] for pair in _RADICAL_SUPPLEMENT.split()} | {
    c: unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)}
_RADICAL_ANY = re.compile("[\u2e80-\u2fd5]")
# every character a rule after NFC acts on (full-width forms mapped to ASCII, ligatures, the
# full-width marks of rule 6, the spaces of `_fix_spaces`): a text holding none of them is
# its NFC form, which one search tells (most lines of a Chinese page)
_ACTS_ON = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FW_TABLE)) + "\ufb00-\ufb06，；：（） \t\u00a0\u2002-\u200b\u3000]")


def normalize_text(s: str) -> str:
    """NFC, radicals as their ideographs, full-width alphanumerics -> ASCII, ligatures spelt
    out, CJK justification spaces removed, English punctuation in English lines, spaces
    collapsed."""
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s)
    if _RADICAL_ANY.search(s):
        s = s.translate(_RADICALS)
    if not _ACTS_ON.search(s):
        return s
    if s.isascii():
        return _fix_spaces(s)
    if _FW_ANY.search(s):
        s = s.translate(_FW_TABLE)
    if _LIGATURE_ANY.search(s):
        s = s.translate(_LIGATURES)
    return _fix_spaces(_english_punctuation(s))


def _latin(c: str) -> bool:
    """A letter of the Latin script: ASCII, or accented (Lü, García, Nguyễn: Latin-1 Supplement,
    Latin Extended-A and -B, Latin Extended Additional)."""
    o = ord(c)
    return o < 0x80 or 0xC0 <= o <= 0x24F or 0x1E00 <= o <= 0x1EFF


def latin_share(text: str) -> float:
    """Share of the letters in `text` that are Latin: tells English lines from Chinese (a name
    with a diacritic, "Na Lü", is as Latin as any)."""
    letters = [c for c in text if c.isalpha()]
    return sum(_latin(c) for c in letters) / len(letters) if letters else 0.0
