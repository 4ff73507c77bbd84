"""Per-font decoding of PDF text strings: character codes -> Unicode text + advance widths.

One `FontDecoder` per font dictionary, built once per document (see `FontCache`). How the
Unicode text of a code is found, decided per font:

1. The font has a /ToUnicode CMap: trusted, parsed by pypdf (`pypdf._cmap.get_encoding`).
   Codes missing from it fall through to the rules below.
2. Type0 font whose CIDSystemInfo is Adobe-GB1 / CNS1 / Japan1 / Korea1: codes -> CIDs through
   the Encoding CMap (Identity-H/V, or a predefined CMap such as GBK-EUC-H / UniGB-UCS2-H,
   read from pdfminer.six's CMap database), then CID -> Unicode through pdfminer's
   Adobe-<ordering> tables.  (This is what xelatex / some Founder or CNKI exports need;
   pypdf alone decodes Identity-H as UTF-16 and prints garbage.)
3. Type0 font with an embedded TrueType (CIDFontType2 + FontFile2) or OpenType program and no
   usable collection: CID -> GID via /CIDToGIDMap (Identity or stream), GID -> Unicode by
   inverting the embedded font's cmap (fontTools); glyph names (post table) as a fallback.
4. Simple fonts: pypdf's encoding (base encoding + /Differences, embedded Type1 encodings);
   a symbolic or encoding-less embedded TrueType is decoded through its own cmap with fontTools.

Founder (方正) repair: Founder-typeset PDFs (e.g. 《社会》) print Latin letters with fonts whose
ToUnicode maps them to rare ideographs that encode in GBK as ``A0 xx``; ``chr(xx - 0x80)`` is
the intended ASCII character (``犆犌犛犛`` -> ``CGSS``).  A font whose mapped characters are
mostly of this kind is repaired wholesale; `repair_founder` additionally fixes any run of at
least two such characters in mixed text (single ones are left alone: they can be genuine
rare characters).

Other export quirks need the page's context to be told from real characters (Yi syllables for
GBK punctuation, Founder's 摇 for a space, private-use decimal points): see `page_quirks` and
`repair_quirks` at the end of this module. A /Differences glyph name with no Unicode meaning
("/G21") is U+FFFD, never the name itself.
"""
from __future__ import annotations

import logging
import re
from io import BytesIO
from typing import Any

from pypdf._codecs import _symbol_encoding
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject

from parsers.joining import COMPOUND_LINKS

log = logging.getLogger(__name__)

__all__ = ["FontDecoder", "FontCache", "repair_founder", "FOUNDER_MAP", "base_font_name", "page_quirks",
           "repair_quirks", "needs_repair", "unmapped_count"]

# --------------------------------------------------------------------------------------------
# Founder (GBK A0xx) repair table
FOUNDER_MAP: dict[str, str] = {}
for _t in range(0xA0, 0xFF):
    try:
        _ch = bytes([0xA0, _t]).decode("gbk")
    except UnicodeDecodeError:
        continue
    if len(_ch) == 1 and ord(_ch) > 0x2000:
        FOUNDER_MAP[_ch] = chr(_t - 0x80)
_FOUNDER_TABLE = {ord(k): v for k, v in FOUNDER_MAP.items()}
_FOUNDER_RUN = re.compile("[" + "".join(sorted(FOUNDER_MAP)) + "]{2,}")


def repair_founder(s: str) -> str:
    """Replace runs of >= 2 Founder pseudo-Latin characters (GBK A0xx) by their ASCII text."""
    if not s:
        return s
    return _FOUNDER_RUN.sub(lambda m: m.group().translate(_FOUNDER_TABLE), s)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def base_font_name(name: Any) -> str:
    """'/ABCDEF+SimSun' -> 'SimSun'."""
    s = str(name or "")
    if s.startswith("/"):
        s = s[1:]
    if len(s) > 7 and s[6] == "+" and s[:6].isalpha() and s[:6].isupper():
        s = s[7:]
    return s


# --------------------------------------------------------------------------------------------
_ORDERINGS = {"GB1", "CNS1", "Japan1", "Korea1"}
_UNICODE_MAPS: dict[str, dict[int, str]] = {}


def _adobe_unicode_map(ordering: str) -> dict[int, str]:
    m = _UNICODE_MAPS.get(ordering)
    if m is None:
        try:
            from pdfminer.cmapdb import CMapDB

            m = dict(CMapDB.get_unicode_map(f"Adobe-{ordering}").cid2unichr)
        except Exception as exc:  # pragma: no cover - pdfminer missing data
            log.debug("no unicode map for %s: %s", ordering, exc)
            m = {}
        _UNICODE_MAPS[ordering] = m
    return m


_CMAPS: dict[str, Any] = {}


def _predefined_cmap(name: str) -> Any:
    """pdfminer's code->CID table (nested dict byte -> dict|cid) for a predefined CMap."""
    if name not in _CMAPS:
        try:
            from pdfminer.cmapdb import CMapDB

            _CMAPS[name] = CMapDB.get_cmap(name).code2cid
        except Exception as exc:
            log.debug("unknown predefined CMap %s: %s", name, exc)
            _CMAPS[name] = None
    return _CMAPS[name]


def _ordering_from_cmap_name(name: str) -> str | None:
    for key, ordering in (("GB", "GB1"), ("CNS", "CNS1"), ("B5", "CNS1"), ("ETen", "CNS1"),
                          ("HK", "CNS1"), ("JIS", "Japan1"), ("RKSJ", "Japan1"), ("EUC-H", None),
                          ("KSC", "Korea1"), ("UHC", "Korea1")):
        if key in name and ordering:
            return ordering
    return None


def _num(x: Any, default: float = 0.0) -> float:
    try:
        return float(x)
    except Exception:
        return default


def _resolve(x: Any) -> Any:
    while isinstance(x, IndirectObject):
        x = x.get_object()
    return x


def _core_widths(name: str) -> dict[str, float] | None:
    try:
        from pypdf._codecs.core_font_metrics import CORE_FONT_METRICS
    except Exception:  # pragma: no cover - internal module moved
        return None
    n = name.replace(" ", "")
    if n in CORE_FONT_METRICS:
        return CORE_FONT_METRICS[n].character_widths
    low = n.lower()
    bold = "bold" in low
    italic = "italic" in low or "oblique" in low
    if "times" in low or "roman" in low or "serif" in low:
        key = {(0, 0): "Times-Roman", (1, 0): "Times-Bold", (0, 1): "Times-Italic", (1, 1): "Times-BoldItalic"}
    elif "courier" in low or "mono" in low:
        key = {(0, 0): "Courier", (1, 0): "Courier-Bold", (0, 1): "Courier-Oblique", (1, 1): "Courier-BoldOblique"}
    else:
        key = {(0, 0): "Helvetica", (1, 0): "Helvetica-Bold", (0, 1): "Helvetica-Oblique",
               (1, 1): "Helvetica-BoldOblique"}
    m = CORE_FONT_METRICS.get(key[(int(bold), int(italic))])
    return m.character_widths if m else None


def _truetype_gid_to_unicode(data: bytes) -> tuple[dict[int, str], Any]:
    """Invert an embedded TrueType/OpenType font's cmap: GID -> Unicode text. Also returns the TTFont."""
    from fontTools.agl import toUnicode
    from fontTools.ttLib import TTFont

    tt = TTFont(BytesIO(data), lazy=True, fontNumber=0)
    order = tt.getGlyphOrder()
    name_to_gid = {n: i for i, n in enumerate(order)}
    out: dict[int, str] = {}
    try:
        best = tt.getBestCmap() or {}
    except Exception:
        best = {}
    # prefer the lowest code point for a glyph mapped several times (e.g. U+2F00 vs U+4E00: take
    # the unified ideograph, which sorts... higher; so prefer the non-compatibility one)
    for cp, gname in sorted(best.items()):
        gid = name_to_gid.get(gname)
        if gid is None:
            continue
        prev = out.get(gid)
        if prev is None or _worse_codepoint(ord(prev[0]), cp):
            out[gid] = chr(cp)
    if len(out) < len(order) // 4:
        for gid, gname in enumerate(order):
            if gid in out or gname in (".notdef", ".null", "nonmarkingreturn"):
                continue
            try:
                u = toUnicode(gname)
            except Exception:
                u = ""
            if u and not u.startswith("\ufffd"):
                out[gid] = u
    return out, tt


def _worse_codepoint(old: int, new: int) -> bool:
    """True if `old` is a worse reading than `new` (radicals/compat/PUA lose to real characters)."""

    def rank(cp: int) -> int:
        if 0xE000 <= cp <= 0xF8FF or 0xF0000 <= cp:
            return 3
        if 0x2E80 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF:
            return 2
        return 0

    return rank(old) > rank(new)


# An export quirk of the Advent typesetting system (fonts AdvP…, AdvOT…, set by typesetters
# for OUP, Elsevier, Taylor & Francis and others): its math-symbol fonts name each glyph /C<n>,
# n the glyph's code in TeX's OMS encoding (cmsy: /C2 is ×, /C20 ≤, /C24 ∼), and give no
# ToUnicode for them; the Adobe Glyph List knows no such name, so they would be U+FFFD.
# (Springer's files put a second six-letter subset tag before the name: GnrlgcAdvP4C4E74.)
_ADVENT = re.compile(r"(?:[A-Za-z]{6})?Adv")
_OMS = ("−·×∗÷⋄±∓⊕⊖⊗⊘⊙◯∘•≍≡⊆⊇≤≥⪯⪰∼≈⊂⊃≪≫≺≻←→↑↓↔↗↘≃⇐⇒⇑⇓⇔↖↙∝′∞∈∋△▽\0\0∀∃¬∅ℜℑ⊤⊥")
_OMS_NAME = re.compile(r"/C(\d{1,2})")


def _advent_symbols(enc: dict, read: dict) -> dict[int, str]:
    """The codes of an Advent font whose /C<n> names were read as U+FFFD, as OMS symbols."""
    out = {}
    for code, name in enc.items():
        m = _OMS_NAME.fullmatch(name) if isinstance(name, str) and read.get(code) == "\ufffd" else None
        if m and int(m.group(1)) < len(_OMS) and _OMS[int(m.group(1))] != "\0":
            out[code] = _OMS[int(m.group(1))]
    return out


def _glyph_text(value: str) -> str:
    """The text of one /Differences entry. pypdf leaves a glyph name it cannot resolve as the
    name itself ("/G21", "/g3", "/cid00012": names some PDF producers invent); that is not
    text, and printing it turns a page into "/G21/G22..." garbage. Such a name is read
    through the Adobe Glyph List rules (uniXXXX, uXXXXX, known names) or becomes U+FFFD."""
    if len(value) < 2 or not value.startswith("/"):
        return value
    try:
        from fontTools.agl import toUnicode

        u = toUnicode(value[1:])
    except Exception:
        u = ""
    return u if u and "\ufffd" not in u else "\ufffd"


def names_in_order_of_use(font: DictionaryObject, widths: dict[int, float]) -> frozenset[int]:
    """The codes of a subset font that numbers its glyphs in order of first use and names
    them after those codes, or none. Founder's PDF export (its "DY…+Z…" and "DLF-…+Z…" Type 1
    subsets, in typesetters' output and in the Wanfang Data copies of Chinese journals) gives
    the first glyph a page uses code 041 and names it /exclam, the next 042 /quotedbl, and so
    on, with no ToUnicode: "2005年3月" reads '!""# 年 $ 月', a postal code '!"##$%'. The names
    then say nothing of the glyphs, and reading them as text writes garbage. Such a
    /Differences names every code by its standard name (a page's font lists only the codes
    it uses); what gives it away is the widths, which belong to other glyphs than the names:
    the glyph at 041 is the first digit (half an em) or an ideograph (a whole em), where an
    exclamation mark is about a third of an em in every Latin text face; and "%" and "&" set
    half an em wide, or a comma a whole em, are not those characters."""
    enc = _resolve(font.get("/Encoding"))
    diffs = _resolve(enc.get("/Differences")) if isinstance(enc, DictionaryObject) else None
    if not isinstance(diffs, ArrayObject):
        return frozenset()
    named: dict[int, str] = {}
    code = None
    for item in diffs:
        item = _resolve(item)
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            code = int(item)
        elif code is not None:
            named[code] = str(item).lstrip("/")
            code += 1
    if not named or any(_STANDARD_NAMES.get(c) != n for c, n in named.items()):
        return frozenset()
    used = {named[c]: widths[c] for c in named if widths.get(c, 0.0) > 0}
    if len(used) >= 4 and max(used.values()) - min(used.values()) < 0.01 * max(used.values()) \
            and 550 <= max(used.values()) <= 650:
        return frozenset()  # a fixed-pitch Latin face (Courier sets all its glyphs 600 wide)
    if used.get("exclam", 0.0) >= 450:
        return frozenset(named)
    telling = [(w, _LATIN_WIDTHS[n]) for n, w in used.items() if n in _LATIN_WIDTHS]
    if len(telling) >= 2 and all(not lo <= w <= hi for w, (lo, hi) in telling):
        return frozenset(named)
    return frozenset()


# the widths (per 1000 em) a glyph of these names has in Latin text faces, roman to bold,
# condensed to wide, with room to spare (Times, Helvetica, their narrow cuts, Palatino,
# Garamond, Courier): narrow marks, wide signs and letters
_LATIN_WIDTHS: dict[str, tuple[float, float]] = {
    **dict.fromkeys(("exclam", "quoteright", "quoteleft", "comma", "period", "colon", "semicolon", "i", "j", "l"),
                    (150.0, 620.0)),
    **dict.fromkeys(("percent", "at", "m", "M", "W"), (600.0, 1100.0)),
    "ampersand": (540.0, 900.0), "w": (580.0, 950.0),
}


# the names of Adobe's StandardEncoding (PDF 32000-1 Annex D.2) for the printable ASCII codes
_STANDARD_NAMES: dict[int, str] = dict(enumerate((
    "space exclam quotedbl numbersign dollar percent ampersand quoteright parenleft parenright asterisk plus comma "
    "hyphen period slash zero one two three four five six seven eight nine colon semicolon less equal greater "
    "question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright "
    "asciicircum underscore quoteleft a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar "
    "braceright asciitilde").split(), start=0o40))


# --------------------------------------------------------------------------------------------

_WIN_ANSI_UNUSED = (0o177, 0x81, 0x8D, 0x8F, 0x90, 0x9D)


# Microsoft's Symbol font (Word's Insert Symbol: ±, μ, α, ≤ in abstracts and tables) has a
# symbol cmap at U+F020-U+F0FF, one private-use code point per Adobe Symbol encoding position,
# and Office writes those into the ToUnicode: "26\uf0b12 oC" is "26±2 oC". The position's
# character in the Adobe Symbol encoding (PDF 32000-1 Annex D.5) is the text; positions it
# leaves empty or private (the bracket pieces) stay as they are.
_MS_SYMBOL_FONT = re.compile(r"Symbol(?:MT)?(?:$|[,-])", re.I)


def _ms_symbol(text: str) -> str:
    if len(text) != 1 or not "\uf020" <= text <= "\uf0ff":
        return text
    ch = _symbol_encoding[ord(text) - 0xF000]
    return ch if ch and not "\ue000" <= ch <= "\uf8ff" else text


# Adobe's expert sets (oldstyle figures, small capitals) name their glyphs /oneoldstyle,
# /Asmall, /Agravesmall, which the Adobe Glyph List maps into the private-use area at U+F700
# plus the character's Latin-1 code: U+F731 is an oldstyle 1, U+F761 a small-capital a. The
# text is that character (a small capital is a small letter set as a capital).
_EXPERT_PUA = re.compile("[\uf721-\uf77e\uf7a1-\uf7ff]")
_EXPERT_TABLE = {c: c - 0xF700 for c in (*range(0xF721, 0xF77F), *range(0xF7A1, 0xF800))}


def _private_use_text(text: str, symbol: bool) -> str:
    """The text a code's private-use character stands for: a Symbol font's (when `symbol`),
    an expert set's oldstyle figures and small capitals; any other is left as it is."""
    return (_ms_symbol(text) if symbol else text).translate(_EXPERT_TABLE)


_CONDENSED = re.compile(r"Cond|Narrow|Compress", re.I)


def _case_swapped_capitals(tu: dict[int, str], enc: dict[int, str]) -> dict[int, str]:
    """The capitals a simple font's ToUnicode gives as their own small letters, as its
    encoding names them. A known export quirk (Acrobat-made subsets of Office TrueType fonts;
    pdf.js #4934): the ToUnicode maps the codes of most capitals to the lower-case letter, so
    "Huma Ali" reads "huma ali" though the page draws capitals. An encoding that names a
    capital whose ToUnicode says the same letter in lower case is not a real reading (a
    font draws the capital it names: a small-capitals face is encoded on the small letters)."""
    return {code: letter for code, text in tu.items()
            if len(text) == 1 and (letter := enc.get(code, "")) and len(letter) == 1
            and letter.isupper() and text == letter.lower()}


def _win_ansi(font: DictionaryObject) -> bool:
    """Is the simple font's encoding WinAnsiEncoding, named or as a /Differences base?"""
    enc = _resolve(font.get("/Encoding"))
    if isinstance(enc, DictionaryObject):
        enc = _resolve(enc.get("/BaseEncoding"))
    return enc == "/WinAnsiEncoding"

class FontDecoder:
    """Decodes one font's strings; results are cached per byte string."""

    __slots__ = ("name", "type0", "vertical", "_code2cid", "_two_byte", "_tu", "_cid_uni",
                 "_gid_uni", "_cid2gid", "_simple_enc", "_widths", "_dw", "_cache", "_scale",
                 "_core_w", "founder", "_space_code_one_byte", "word_gap", "_unnamed")

    def __init__(self, font: DictionaryObject) -> None:
        self.name = base_font_name(font.get("/BaseFont") or font.get("/Name") or "")
        subtype = font.get("/Subtype")
        self.type0 = subtype == "/Type0"
        self.vertical = False
        self._code2cid: Any = None       # None = identity 2-byte
        self._two_byte = False
        self._tu: dict[int, str] = {}
        self._cid_uni: dict[int, str] | None = None
        self._gid_uni: dict[int, str] | None = None
        self._cid2gid: bytes | None = None  # None = identity
        self._simple_enc: dict[int, str] = {}
        self._widths: dict[int, float] = {}
        self._dw = 1000.0
        self._scale = 0.001
        self._core_w: dict[str, float] | None = None
        self._cache: dict[bytes, tuple[str, float, int, int]] = {}
        self.founder = False
        self._unnamed: frozenset[int] = frozenset()  # codes whose glyph names say nothing of the glyph
        self._space_code_one_byte = True
        # the narrowest gap between glyphs that is a word space, in ems: a condensed face's word
        # space is narrower (MyriadPro-Cond's references: "beat numerical" 0.15 em apart)
        self.word_gap = 0.1 if _CONDENSED.search(self.name) else 0.15
        try:
            self._setup(font, subtype)
        except Exception as exc:  # a broken font must not break the page
            log.debug("font %s: %s", self.name, exc)

    # ---------------------------------------------------------------- setup
    def _setup(self, font: DictionaryObject, subtype: Any) -> None:
        if "/ToUnicode" in font:
            self._tu = self._parse_tounicode(font)
        if self.type0:
            self._setup_type0(font)
        else:
            self._setup_simple(font, subtype)
        symbol = bool(_MS_SYMBOL_FONT.match(self.name))
        if symbol or any(_EXPERT_PUA.search("".join(m.values())) for m in (self._tu, self._simple_enc)):
            self._tu = {k: _private_use_text(v, symbol) for k, v in self._tu.items()}
            self._simple_enc = {k: _private_use_text(v, symbol) for k, v in self._simple_enc.items()}
        # Founder pseudo-Latin font: most mapped characters are GBK A0xx ideographs
        vals = [v for v in self._tu.values() if v.strip()]
        if vals:
            n = sum(1 for v in vals if v in FOUNDER_MAP)
            if n >= 3 and n >= 0.5 * len(vals):
                self.founder = True
                # U+E011 is Founder's private-use hyphen in these fonts (Well-Being, Co-Innovation)
                self._tu = {k: v.translate(_FOUNDER_TABLE).replace("\ue011", "-") for k, v in self._tu.items()}
                # Founder gives these narrow letters full-em widths; estimate real ones so word
                # gaps can be seen
                self._core_w = _core_widths("Times-Roman")
                self._widths = {}

    @staticmethod
    def _parse_tounicode(font: DictionaryObject) -> dict[int, str]:
        from pypdf._cmap import _parse_to_unicode

        md, _ = _parse_to_unicode(font)
        out: dict[int, str] = {}
        for k, v in md.items():
            if isinstance(k, str) and len(k) == 1 and isinstance(v, str):
                # (a code mapped to a control character, U+0000 most often, is a glyph the
                # export could not name: unreadable, not text; a layer that maps every digit
                # of a page to U+0000 would otherwise write NULs into the record)
                out[ord(k)] = _CONTROL.sub("\ufffd", v) if _CONTROL.search(v) else v
        return out

    def _setup_type0(self, font: DictionaryObject) -> None:
        self._two_byte = True
        self._space_code_one_byte = False
        enc = _resolve(font.get("/Encoding"))
        desc = _resolve(font["/DescendantFonts"])[0]
        desc = _resolve(desc)
        csi = _resolve(desc.get("/CIDSystemInfo")) or {}
        ordering = str(_resolve(csi.get("/Ordering", "")) or "")
        registry = str(_resolve(csi.get("/Registry", "")) or "")
        enc_name = str(enc) if isinstance(enc, NameObject) else ""
        if isinstance(enc, StreamObject):
            # embedded CMap: usually just Identity with another name; use its /CMapName if predefined
            cname = str(enc.get("/CMapName", ""))[1:]
            if cname and _predefined_cmap(cname):
                enc_name = "/" + cname
            else:
                enc_name = "/Identity-H"
        if enc_name.endswith("-V"):
            self.vertical = True
        if enc_name not in ("/Identity-H", "/Identity-V", ""):
            table = _predefined_cmap(enc_name[1:])
            if table is not None:
                self._code2cid = table
                self._space_code_one_byte = True
                if ordering not in _ORDERINGS:
                    ordering = _ordering_from_cmap_name(enc_name) or ordering
        # widths
        self._dw = _num(_resolve(desc.get("/DW", 1000)), 1000.0)
        w = _resolve(desc.get("/W"))
        if isinstance(w, ArrayObject):
            self._parse_w(w)
        # text for codes not in ToUnicode
        if ordering in _ORDERINGS and (registry in ("Adobe", "") or True):
            self._cid_uni = _adobe_unicode_map(ordering)
        fd = _resolve(desc.get("/FontDescriptor")) or {}
        if not self._cid_uni or ordering not in _ORDERINGS:
            ff = _resolve(fd.get("/FontFile2")) if fd else None
            if ff is None and fd:
                ff3 = _resolve(fd.get("/FontFile3"))
                if ff3 is not None and ff3.get("/Subtype") == "/OpenType":
                    ff = ff3
            if ff is not None and self._needs_font_program():
                try:
                    self._gid_uni, _ = _truetype_gid_to_unicode(ff.get_data())
                except Exception as exc:
                    log.debug("fontTools failed on %s: %s", self.name, exc)
                c2g = _resolve(desc.get("/CIDToGIDMap"))
                if isinstance(c2g, StreamObject):
                    self._cid2gid = c2g.get_data()

    def _needs_font_program(self) -> bool:
        # a complete ToUnicode makes the font program unnecessary; we cannot know "complete",
        # so only skip it when the map is large
        return len(self._tu) < 8

    def _parse_w(self, w: ArrayObject) -> None:
        i, n = 0, len(w)
        widths = self._widths
        while i < n:
            first = int(_num(_resolve(w[i])))
            nxt = _resolve(w[i + 1]) if i + 1 < n else None
            if isinstance(nxt, ArrayObject):
                for j, val in enumerate(nxt):
                    widths[first + j] = _num(_resolve(val), self._dw)
                i += 2
            else:
                if i + 2 >= n:
                    break
                last = int(_num(nxt))
                val = _num(_resolve(w[i + 2]), self._dw)
                if last - first > 70000:
                    break
                for c in range(first, last + 1):
                    widths[c] = val
                i += 3

    def _setup_simple(self, font: DictionaryObject, subtype: Any) -> None:
        from pypdf._cmap import _parse_encoding

        try:
            enc = _parse_encoding(font)
        except Exception:
            enc = {}
        if isinstance(enc, dict):
            self._simple_enc = {k: _glyph_text(v) for k, v in enc.items() if isinstance(k, int) and isinstance(v, str)}
            if _ADVENT.match(self.name):
                self._simple_enc.update(_advent_symbols(enc, self._simple_enc))
            if _win_ansi(font):
                # PDF 32000-1 Annex D, WinAnsiEncoding note: every unused code above 040 shows
                # the bullet (reportlab draws "•" at 0177); a /Differences name still wins
                for code in _WIN_ANSI_UNUSED:
                    if self._simple_enc.get(code, chr(code)) == chr(code):
                        self._simple_enc[code] = "\u2022"
        elif isinstance(enc, str):  # a codec name
            for c in range(256):
                try:
                    self._simple_enc[c] = bytes([c]).decode(enc)
                except Exception:
                    pass
        if self._tu and "/Encoding" in font:
            self._tu.update(_case_swapped_capitals(self._tu, self._simple_enc))
        if not self._tu:
            # derived maps (embedded Type1 encodings) that pypdf reads without /ToUnicode
            try:
                self._tu = self._parse_tounicode(font) if font.get("/Subtype") == "/Type1" else {}
            except Exception:
                self._tu = {}
        fd = _resolve(font.get("/FontDescriptor")) or {}
        if subtype == "/TrueType" and not self._tu and fd:
            flags = int(_num(_resolve(fd.get("/Flags", 0))))
            has_enc = "/Encoding" in font
            symbolic = bool(flags & 4) and not isinstance(_resolve(font.get("/Encoding")), DictionaryObject)
            ff = _resolve(fd.get("/FontFile2"))
            if ff is not None and (not has_enc or symbolic):
                try:
                    self._simple_truetype(ff.get_data())
                except Exception as exc:
                    log.debug("fontTools failed on %s: %s", self.name, exc)
        if subtype == "/Type3":
            fm = _resolve(font.get("/FontMatrix"))
            if isinstance(fm, ArrayObject) and len(fm) >= 1:
                self._scale = abs(_num(_resolve(fm[0]), 0.001)) or 0.001
        widths = _resolve(font.get("/Widths"))
        first = int(_num(_resolve(font.get("/FirstChar", 0))))
        if isinstance(widths, ArrayObject) and len(widths):
            for j, val in enumerate(widths):
                self._widths[first + j] = _num(_resolve(val), 0.0)
            self._dw = _num(_resolve(fd.get("/MissingWidth", 0)), 0.0) if fd else 0.0
            if self._dw <= 0:
                self._dw = 500.0
        else:
            self._core_w = _core_widths(self.name)
            self._dw = 500.0
        if "/ToUnicode" not in font:
            self._unnamed = names_in_order_of_use(font, self._widths)

    def _simple_truetype(self, data: bytes) -> None:
        gid_uni, tt = _truetype_gid_to_unicode(data)
        code2gid: dict[int, int] = {}
        order = tt.getGlyphOrder()
        idx = {n: i for i, n in enumerate(order)}
        cmap = tt["cmap"] if "cmap" in tt else None
        if cmap is not None:
            for pid, eid in ((3, 0), (1, 0), (3, 1)):
                sub = cmap.getcmap(pid, eid)
                if sub is None:
                    continue
                for code in range(256):
                    g = sub.cmap.get(code) or sub.cmap.get(0xF000 + code)
                    if g is not None and code not in code2gid and g in idx:
                        code2gid[code] = idx[g]
                if code2gid:
                    break
        for code, gid in code2gid.items():
            u = gid_uni.get(gid)
            if u:
                self._tu[code] = u

    # ---------------------------------------------------------------- decoding
    def _text_for(self, code: int, cid: int) -> str:
        if code in self._unnamed:
            return "\ufffd"
        t = self._tu.get(code)
        if t is not None:
            return t
        if not self.type0:
            t = self._simple_enc.get(code)
            if t is not None:
                return t
            return chr(code) if code >= 32 else ""
        if self._cid_uni is not None:
            t = self._cid_uni.get(cid)
            if t is not None:
                return t
        if self._gid_uni is not None:
            gid = cid
            if self._cid2gid is not None:
                j = 2 * cid
                gid = (self._cid2gid[j] << 8 | self._cid2gid[j + 1]) if j + 1 < len(self._cid2gid) else 0
            t = self._gid_uni.get(gid)
            if t is not None:
                return t
        return "\ufffd" if cid else ""

    def _width_for(self, code: int, cid: int, text: str) -> float:
        w = self._widths.get(cid if self.type0 else code)
        if w is None:
            if self._core_w is not None and text:
                w = self._core_w.get(text[0], self._dw)
            else:
                w = self._dw
        return w

    def code_bytes(self, data: bytes) -> list[bytes]:
        """The string's bytes code by code, as `_codes` reads them (so each glyph can be
        placed on its own)."""
        if not self.type0:
            return [data[i:i + 1] for i in range(len(data))]
        if self._code2cid is None:
            return [data[i:i + 2] for i in range(0, len(data) - (len(data) & 1), 2)]
        ends = [end for end, _, _ in self._cmap_codes(data)]
        return [data[a:b] for a, b in zip([0, *ends], ends)]

    def _codes(self, data: bytes) -> list[tuple[int, int]]:
        """Split a string into (code, cid) pairs."""
        if not self.type0:
            return [(b, b) for b in data]
        if self._code2cid is None:
            n = len(data) - (len(data) & 1)
            return [((data[i] << 8) | data[i + 1],) * 2 for i in range(0, n, 2)]
        return [(code, cid) for _, code, cid in self._cmap_codes(data)]

    def _cmap_codes(self, data: bytes) -> list[tuple[int, int, int]]:
        """(end offset, code, cid) of each code of a string, read through the font's encoding
        CMap (codes of one to four bytes)."""
        out: list[tuple[int, int, int]] = []
        root = self._code2cid
        node = root
        code = 0
        for i, b in enumerate(data):
            code = (code << 8) | b
            nxt = node.get(b) if isinstance(node, dict) else None
            if isinstance(nxt, dict):
                node = nxt
                continue
            out.append((i + 1, code, nxt if isinstance(nxt, int) else 0))
            node = root
            code = 0
        return out

    def decode(self, data: bytes) -> tuple[str, float, int, int]:
        """-> (text, advance in text-space units per unit font size, n single-byte spaces, n codes)."""
        hit = self._cache.get(data)
        if hit is not None:
            return hit
        parts: list[str] = []
        total = 0.0
        nspace = 0
        codes = self._codes(data)
        for code, cid in codes:
            t = self._text_for(code, cid)
            parts.append(t)
            total += self._width_for(code, cid, t)
            if code == 32 and self._space_code_one_byte:
                nspace += 1
        res = ("".join(parts), total * self._scale, nspace, len(codes))
        if len(self._cache) < 50000:
            self._cache[data] = res
        return res


class FontCache:
    """Font decoders of one document, keyed by the font object's reference."""

    def __init__(self) -> None:
        self._fonts: dict[Any, FontDecoder] = {}
        self._keep: list[Any] = []  # direct font dicts are keyed by id(): keep them alive

    def get(self, ref: Any) -> FontDecoder | None:
        if isinstance(ref, IndirectObject):
            key: Any = (ref.idnum, ref.generation)
        else:
            key = id(ref)
        dec = self._fonts.get(key)
        if dec is None:
            obj = _resolve(ref)
            if not isinstance(obj, DictionaryObject):
                return None
            dec = FontDecoder(obj)
            self._fonts[key] = dec
            if not isinstance(ref, IndirectObject):
                self._keep.append(ref)
        return dec



# --------------------------------------------------------------------------------------------
# Export quirks decided by context (each is a known CNKI/Founder export habit)
#
# * Founder's GBK punctuation rows A1/A3 mapped to the code point of the GBK code itself: a
#   ToUnicode that says U+A3AC (Yi syllable ꎬ) for GBK A3AC (，). Real Yi text is spread over
#   the whole Yi block and has no Han around it, so a page with Han text whose Yi syllables
#   all sit in those two rows has the quirk, and they are decoded as GBK.
# * Founder's punctuation fonts whose ToUnicode adds 0x31 to the GBK lead byte: 摇 (D2A1) for
#   the ideographic space (A1A1), 冶/爷/野 (D2B1/D2AF/D2B0) for ” ’ “. These are real
#   characters too, so they are repaired only on a page that shows the quirk: 摇 between Latin
#   letters or digits ("Vol.摇12"), a run of three 摇, 爷 inside a Latin word ("world爷s"), 摇
#   inside or after a front-matter label ("摘摇要", "关键词摇数字经济").
# * Founder's 鄄 and private-use U+E011 for a hyphen after a Latin letter or digit (never
#   Chinese there): inside a word a hyphen; at the end of the line, like the U+2043 hyphen
#   bullet typesetters draw for automatic hyphenation (ques⁃ / tions), the line-break hyphen
#   of a word broken for the line: a soft hyphen U+00AD, which line joining drops.
# * Private-use decimal points and middle dots (U+E010, plane-16 U+1001B0 '.', U+100170 '·'):
#   repaired between digits ('.') or between letters ('·'); any other private-use character
#   stays as it is, and is counted (see `unmapped_count`).
_YI_ROWS = re.compile("[\ua1a1-\ua1fe\ua3a1-\ua3fe]")
_YI_ANY = re.compile("[\ua000-\ua4cf]")
_HAN = re.compile("[\u3400-\u9fff]")
_LATIN = "A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"  # ASCII and full-width letters and digits
# (or 摇 for the space inside, after or before a front-matter label, GB/T 7713.2's 摘　要 /
# 关键词　… / F127　文献标识码: no word of the language puts 摇 there)
_FOUNDER_EVIDENCE = re.compile(
    rf"[{_LATIN}.,;:)\]]摇+[{_LATIN}(\[]|摇{{3,}}|[A-Za-z]爷[A-Za-z]|[A-Za-z]鄄[A-Za-z]"
    r"|摘摇+要|关摇+键摇+词|(?:摘要|关键词|中图分类号|文献标[识志]码|文章编号|收稿日期|基金项目|作者简介)摇"
    r"|摇(?:文献标[识志]码|文章编号|中图分类号|DOI)")
# words in which 摇 is the character itself (动摇 shake, 摇摆 sway ...)
_YAO_WORDS = re.compile("(?:动|招|扶|飘|轻)摇|摇(?:摇欲|摇头|摇晃|摆|篮|头|晃|动|滚|曳|匀|床|臂|号|身|椅|旗|橹|醒|手|钱|荡|撼|尾|铃|扇|船|杆|曳)")
_PUA_ANY = re.compile("[\ue010\ue011\u2043\U001001b0\U00100170鄄]")
# what `repair_founder` and `repair_quirks` (with no page quirks) act on: a text holding
# none of these they return as it is, so callers can skip both on one search
_REPAIRS_ANY = re.compile("[\ue010\ue011\u2043\U001001b0\U00100170鄄" + "".join(sorted(FOUNDER_MAP)) + "]")
_PUA_FIXES = (
    (re.compile("(?<=[0-9\uff10-\uff19])[\ue010\U001001b0](?=[0-9\uff10-\uff19])"), "."),
    (re.compile("(?<=[\u3400-\u9fffA-Za-z])\U00100170(?=[\u3400-\u9fffA-Za-z])"), "\u00b7"),
    # (after a compound's link word, "difference鄄in鄄": the compound's own hyphen, not a break's)
    (re.compile(rf"(?<=[A-Za-z])([-鄄\ue011](?i:{'|'.join(sorted(COMPOUND_LINKS))}))[鄄\ue011\u2043]$"), r"\1-"),
    (re.compile(f"(?<=[{_LATIN}])[鄄\ue011\u2043]$"), "\u00ad"),
    (re.compile(f"(?<=[{_LATIN}])[鄄\ue011](?=[{_LATIN}/])"), "-"),
)


def page_quirks(page_text: str) -> frozenset[str]:
    """Which context-dependent export quirks this page's text shows ('yi', 'founder')."""
    found = set()
    yi = _YI_ANY.findall(page_text)
    if yi and len(_HAN.findall(page_text)) >= 2:
        rows = sum(1 for ch in yi if _YI_ROWS.match(ch))
        if rows >= 0.8 * len(yi):
            found.add("yi")
    if ("摇" in page_text or "爷" in page_text or "鄄" in page_text) and _FOUNDER_EVIDENCE.search(page_text):
        found.add("founder")
    return frozenset(found)


def _gbk_row(ch: str) -> str:
    o = ord(ch)
    try:
        return bytes([o >> 8, o & 0xFF]).decode("gbk")
    except UnicodeDecodeError:
        return ch


def _yao(m: re.Match) -> str:
    return m.group() if _YAO_WORDS.match(m.string, max(0, m.start() - 1)) or _YAO_WORDS.match(m.string, m.start()) else "\u3000" * len(m.group())


def repair_quirks(text: str, quirks: frozenset[str] = frozenset()) -> str:
    """Repair the export quirks above in one line of text; `quirks` from `page_quirks`."""
    if not text:
        return text
    if "yi" in quirks:
        text = _YI_ROWS.sub(lambda m: _gbk_row(m.group()), text)
    if "founder" in quirks:
        if "摇" in text:
            text = re.sub("摇+", _yao, text)
        text = re.sub("(?<=[A-Za-z])爷(?=[A-Za-z])", "\u2019", text)
        text = re.sub("野([^野冶\n]{1,40})冶", "\u201c\\1\u201d", text)
        text = re.sub("(?<=[A-Za-z.,!?])冶", "\u201d", text)
    if text.isascii() or not _PUA_ANY.search(text):
        return text
    for rx, repl in _PUA_FIXES:
        text = rx.sub(repl, text)
    return text


_UNMAPPED = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff\ufffd\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def needs_repair(text: str, quirks: frozenset[str] = frozenset()) -> bool:
    """Could `repair_founder(repair_quirks(text, quirks))` change `text`? (False lets a
    caller skip both: most lines have no quirk to repair.)"""
    return bool(quirks) or _REPAIRS_ANY.search(text) is not None


def unmapped_count(text: str) -> int:
    """Characters the text layer could not name: private use, U+FFFD, controls."""
    return len(_UNMAPPED.findall(text)) if not text.isascii() or _UNMAPPED.search(text) else 0
