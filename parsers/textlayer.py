"""The PDF text layer: positioned lines of text per page, plus outline, page labels and info.

`read_document(path)` opens the PDF with pypdf, walks every page's content stream once with
its own small tokenizer (pypdf's `extract_text` is ~12x slower than `pdftotext`; this walk
is ~3-4x on one core), decodes strings through per-document cached font decoders
(`parsers.fonts`: ToUnicode, Adobe CID collections, embedded TrueType cmaps, Founder repair)
and groups the positioned text into lines in reading order.

Geometry: all coordinates are PDF points relative to the page's crop box, x to the right,
y measured from the TOP of the page (top-down); a span's `y` is its baseline.

Layout rules (cheap heuristics, documented so callers know what to expect):
* text drawn on one baseline (tolerance 0.2 em) forms a line; text that is smaller (<0.8x) and
  raised (0.12-0.75 em) just before/after text of a line joins that line as a superscript span
  (`sup=True`); smaller and lowered (<0.45 em) joins as a subscript (`sup=False`);
* pieces of a line are joined with a space where the gap is >0.15 em, never between two CJK
  characters (justification) -- except that a gap of >=0.8 em between two CJK words of >=2
  characters becomes U+3000 (keywords / author names set apart by space; see
  `parsers.normalize`);
* a page whose lines leave a common vertical gutter near the middle is read as two columns:
  full-width lines (title, abstract, wide tables) stay in place and the column text between
  them is read left column first, then right column;
* text drawn twice at (almost) the same spot (fake bold) is kept once; rotated or upside-down
  text (margin stamps, watermarks) is left out; invisible text (OCR layers, Tr 3) is kept;
* Latin drawn glyph by glyph in full-width forms (Ｔｈｅ, CNKI's DY fonts: one-em boxes placed at
  the real advance) gets its advances learned per page, as Founder's pseudo-Latin does, so its
  word gaps show; a long dash drawn as overlapping em dashes is as many dashes as ems it spans;
* export quirks decided by the page's context (`parsers.fonts.page_quirks`/`repair_quirks`):
  Yi syllables for GBK punctuation, Founder's 摇/冶/爷/野/鄄, private-use decimal points and
  hyphens;
* readability is decided per page: a page that is mostly glyph names ("/G21/G22"), private-use,
  unmapped or control characters gets `PageText.unreadable` (the reason) and no `lines` (they
  are kept in `unreadable_lines`); a document with no readable page raises
  `errors.UnreadableText` (with `strict=False` the caller OCRs first, then `check_readable`);
* trust is decided per page too (`PageText.distrust`, a reason; `parsers.ocr_trust`): no text
  over an image, unreadable text, CJK whose character statistics are impossible for Chinese
  prose (a letter-substitution layer: made unreadable), an implausible OCR layer (kept, but
  replaced when OCR runs). `parsers.ocr` reads those pages from their images.
"""
from __future__ import annotations

import hashlib
import logging
import math
import os
import re
import stat
import unicodedata
from binascii import Error as BinasciiError, unhexlify
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import Any

from . import errors
from .errors import CorruptPdf, EncryptedPdf, IngestError, MissingFile, NoTextLayer, UnreadableText
from .limits import Limits, check_input_size, check_page_count, current_budget, reading
from .fonts import (FontCache, FontDecoder, _core_widths, needs_repair, page_quirks, repair_founder, repair_quirks,
                    unmapped_count)
from .normalize import PRINTED_SPACE, fullwidth_to_ascii, is_cjk, is_tight, normalize_text

log = logging.getLogger(__name__)

__all__ = ["Span", "Line", "PageText", "OutlineItem", "Document", "read_document", "check_readable", "PARALLEL_MIN_PAGES"]

PARALLEL_MIN_PAGES = 16
# full-width forms (U+FF01-FF5E): CNKI/Founder exports draw Latin letters and digits as
# full-width glyphs, one em wide each but placed one by one at their real advance
_FW, _FW_END = "\uff01", "\uff5e"
_TIMES: dict[str, float] = _core_widths("Times-Roman") or {}
_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if fullwidth_to_ascii(chr(c)) != chr(c)}
_FW_PUNCT = frozenset(ch for ch in map(chr, range(0xFF01, 0xFF5F)) if not _FOLD.get(ch, ch).isalnum())
_YI_ONLY = frozenset({"yi"})
_MIN_TEXT_CHARS = 10  # a page with fewer visible characters has "no text"


# ============================================================================================
# data model
@dataclass(frozen=True)
class Span:
    """A run of text in one font/size on one baseline."""

    text: str
    x0: float
    x1: float
    y: float      # baseline, from the top of the page
    size: float   # effective font size in points
    font: str     # base font name without subset prefix
    sup: bool     # raised and smaller than the line's main size


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    y: float
    size: float
    spans: list[Span] = field(default_factory=list)
    invisible: bool = False  # drawn in render mode 3: an OCR layer over a scan, whose type sizes wander
    confidence: float | None = None  # read by OCR here (parsers.ocr): the engine's confidence, 0-1


@dataclass
class PageText:
    number: int
    width: float
    height: float
    label: str | None
    lines: list[Line] = field(default_factory=list)
    # why the page's text layer is unreadable ("" = readable); an unreadable page's lines are
    # left out (later stages see an empty page), its garbage kept in `unreadable_lines`
    unreadable: str = ""
    unreadable_lines: list[Line] = field(default_factory=list)
    unmapped: int = 0  # characters the fonts could not name (private use, U+FFFD, controls), kept as drawn
    # why the page's text layer must not be trusted and the page should be read from its image
    # ("" = trust it): no text over an image, `unreadable`, a letter-substitution layer, an
    # implausible OCR layer (parsers.ocr_trust); recorded per page in issue.json source.pages_ocr
    distrust: str = ""
    images: int = 0  # images the page draws (a page with images and no text is a scan)
    ocr_confidence: float | None = None  # read by OCR here: the mean of its lines' confidences
    quirks: tuple[str, ...] = ()  # export quirks repaired on this page ("founder", "yi"; parsers.fonts.page_quirks)
    sideways: int = 0  # characters drawn rotated and left out of `lines` (a landscape table, a margin stamp)
    # where the page's top-left corner lies on the PDF page (its crop box), in points: a
    # printer's sheet sets the finished page inside a TrimBox, and `lines` are measured from it
    origin: tuple[float, float] = (0.0, 0.0)
    sheet: tuple[float, float] = (0.0, 0.0)  # the crop box's width and height
    trim_hugs: bool = False  # the TrimBox runs along the page's text (textlayer.hugs_text)
    margin_ocr: tuple[str, ...] = ()  # folios read by OCR from margins the text layer has none in (parsers.margin_ocr)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass
class OutlineItem:
    title: str
    page: int
    level: int


@dataclass
class Document:
    path: Path
    sha256: str
    page_count: int
    pages: list[PageText]
    outline: list[OutlineItem]
    info: dict[str, str]
    xmp: str = ""  # the catalog's XMP packet (parsers.pdfmeta reads it), "" when absent

    @property
    def text(self) -> str:
        return "\n\f".join(p.text for p in self.pages)


# ============================================================================================
# content stream tokenizer
# a whole array of strings and numbers (a TJ operand) in one match, its items in one findall:
# most of a text page's tokens are inside such arrays (`arr` in _TOK, tried before a bare
# `[`: an array holding anything else, a dictionary or an array, is read token by token)
_WS = rb"[\x00\t\n\x0c\r ]*"
# (a number is matched one way only, and ends where its digits end: an unclosed array of
# digits, "[1111…", fails in linear time instead of trying every way to split the digits;
# a string is a run of plain bytes between escapes, "unrolled", so a 30 MB string is one
# tight loop of the regex engine, not 30 million alternations)
_ITEM = rb"\([^()\\]*(?:\\.[^()\\]*)*\)|<[0-9A-Fa-f\x00\t\n\x0c\r ]*>|[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?![0-9.])"
_ARRAY_BODY = rb"(?:" + _WS + rb"(?:" + _ITEM + rb"))*" + _WS + rb"\]"
_TOK = re.compile(
    rb"""[\x00\t\n\x0c\r ]*  # whitespace belongs to the token after it: one match per token
    (?:%[^\r\n]*
    |(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))
    |(?P<name>/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)
    |(?P<lit>\([^()\\]*(?:\\.[^()\\]*)*\))
    |(?P<hex><[0-9A-Fa-f\x00\t\n\x0c\r ]*>)
    |(?P<dopen><<)|(?P<dclose>>>)
    |(?P<arr>\[""" + _ARRAY_BODY + rb""")|(?P<aopen>\[)|(?P<aclose>\])
    |(?P<op>[^\x00\t\n\x0c\r ()<>\[\]{}/%]+)
    |(?P<other>[(){}<>]))
    """,
    re.S | re.X,
)
# the operators the walk acts on (text, its state, the graphics state it lives in, forms,
# marked content, inline images); every other operator only clears the operands
_TEXT_STATE_OPS = frozenset((b"Tj", b"TJ", b"'", b'"', b"Td", b"TD", b"Tm", b"T*", b"Tf", b"BT", b"Tc", b"Tw",
                             b"Tz", b"TL", b"Ts", b"Tr", b"cm", b"q", b"Q", b"Do", b"BDC", b"BMC", b"EMC", b"ID"))
_ITEMS = re.compile(rb"(\([^()\\]*(?:\\.[^()\\]*)*\))|(<[0-9A-Fa-f\x00\t\n\x0c\r ]*>)|([+-]?(?:\d+\.?\d*|\.\d+))", re.S)
_ESC = re.compile(rb"\\([0-7]{1,3}|\r\n|.)", re.S)
_ESC_MAP = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f",
            b"(": b"(", b")": b")", b"\\": b"\\", b"\n": b"", b"\r": b"", b"\r\n": b""}
_EI = re.compile(rb"[\x00\t\n\x0c\r ]EI(?=[\x00\t\n\x0c\r /\[<(%]|$)")
_HEXWS = re.compile(rb"[\x00\t\n\x0c\r ]")
_ARRAY = object()
_DICT = object()


def _hex(token: bytes) -> bytes:
    """A hex string's bytes: whitespace in it is skipped, an odd last digit is followed by 0.
    (Most have neither: one C call reads those.)"""
    try:
        return unhexlify(token[1:-1])
    except BinasciiError:
        pass
    h = _HEXWS.sub(b"", token[1:-1])
    if len(h) & 1:
        h += b"0"
    return bytes.fromhex(h.decode("ascii"))


def _unescape(s: bytes) -> bytes:
    if b"\\" not in s:
        return s

    def sub(m: re.Match) -> bytes:
        g = m.group(1)
        if g[:1].isdigit():
            return bytes([int(g, 8) & 0xFF])
        return _ESC_MAP.get(g, g)

    return _ESC.sub(sub, s)


def _scan_literal(data: bytes, pos: int) -> tuple[bytes, int]:
    """Literal string with nested parentheses; `pos` is just after '('."""
    depth = 1
    i = pos
    n = len(data)
    while i < n:
        c = data[i]
        if c == 0x5C:  # backslash
            i += 2
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return _unescape(data[pos:i]), i + 1
        i += 1
    return _unescape(data[pos:]), n


def _name(b: bytes) -> str:
    s = b.decode("latin-1")
    if "#" in s:
        s = re.sub(r"#([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), s)
        try:
            s = s.encode("latin-1").decode("utf-8")
        except UnicodeError:
            pass
    return s


def _mul(m1: tuple, m2: tuple) -> tuple:
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


_IDENT = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class _PageWalker:
    """Walks one page's content (and its form XObjects), collecting positioned text pieces."""

    def __init__(self, fonts: FontCache, ops_left: int = 1 << 62, forms_left: int = 1 << 62) -> None:
        self.fonts = fonts
        # operators this page may still draw, forms included, and forms it may still draw
        # (parsers.limits); the walk raises _TooManyOps when either runs out
        self.ops_left = ops_left
        self.forms_left = forms_left
        # piece: [x0, x1, y_user, size, font_name, text]
        self.pieces: list[list[Any]] = []
        self.images = 0
        self.nchars = 0
        self.sideways = 0  # characters drawn rotated (left out of the lines)
        # optional content groups (layers) the document shows OFF: their text is not drawn
        self.hidden_layers: frozenset[int] = frozenset()

    def _layer_off(self, ref: Any) -> bool:
        """Is optional content `ref` (an OCG, or an OCMD over OCGs) hidden in the document's
        default configuration (PDF 32000-1 §8.11.2)? An OCMD is shown by its policy /P
        (AnyOn when absent) over its /OCGs."""
        hidden = self.hidden_layers
        if not hidden or ref is None:
            return False
        num = getattr(ref, "idnum", None)
        obj = ref.get_object() if hasattr(ref, "get_object") else ref
        if not isinstance(obj, dict) or obj.get("/Type") != "/OCMD":
            return num in hidden
        # (/OCGs is one group or an array of them)
        refs = obj.get("/OCGs")
        refs = list(refs) if isinstance(refs, list) else [obj.raw_get("/OCGs")] if refs is not None else []
        shown = [getattr(g, "idnum", None) not in hidden for g in refs]
        if not shown:
            return False
        policy = obj.get("/P", "/AnyOn")
        visible = {"/AllOn": all(shown), "/AnyOff": not all(shown), "/AllOff": not any(shown)}.get(policy, any(shown))
        return not visible

    def walk(self, data: bytes, resources: Any, ctm: tuple = _IDENT, depth: int = 0, seen: tuple = ()) -> None:
        fonts = self.fonts
        pieces = self.pieces
        font_res = _get(resources, "/Font")
        xobj_res = None
        font_lookup: dict[bytes, FontDecoder | None] = {}  # by the name as the stream spells it
        # graphics/text state
        tm = tlm = _IDENT
        dec: FontDecoder | None = None
        fs = 1.0
        tc = tw = tl = rise = 0.0
        th = 1.0
        hidden = False  # text render mode 3 (or 7): invisible, as OCR layers draw it
        # marked-content nesting, per level: does it hide its content (a hidden optional content
        # group), and where it names its glyphs as no text (an /ActualText of zero-width
        # characters) the first piece drawn inside it, else -1
        layers: list[tuple[bool, int]] = []
        layers_off = 0  # levels open that hide their content
        fence = 0  # pieces before this index take no more glyphs (the edge of an unsaid span)
        stack_gs: list[tuple] = []
        stack: list[Any] = []
        opens: list[int] = []  # stack indexes of the open arrays' and dictionaries' marks
        ops_left = self.ops_left
        tokens = _TOK.finditer
        items_of = _ITEMS.findall
        text_ops = _TEXT_STATE_OPS
        pos = 0
        n = len(data)
        sqrt = math.sqrt

        # (one finditer over the stream, begun again where a token is not what the regular
        # expression read: a string with nested parentheses, an inline image's bytes)
        while pos < n:
            for m in tokens(data, pos):
                g = m.lastgroup
                if g == "num":
                    stack.append(float(m[g]))
                    continue
                if g != "op":  # (an operand, a bracket, a comment: numbers and operators come first)
                    if g == "name":
                        stack.append(m[g])
                    elif g == "arr":  # a flat array of strings and numbers
                        stack.append([_unescape(lit[1:-1]) if lit else (_hex(hx) if hx else float(num))
                                      for lit, hx, num in items_of(data, m.start(g) + 1, m.end() - 1)])
                    elif g == "lit":
                        stack.append(_unescape(m[g][1:-1]))
                    elif g == "hex":
                        stack.append(_hex(m[g]))
                    elif g == "aopen":
                        opens.append(len(stack))
                        stack.append(_ARRAY)
                    elif g == "aclose":
                        k = _close(stack, opens, _ARRAY)
                        if k >= 0:
                            arr = stack[k + 1:]
                            del stack[k:]
                            stack.append(arr)
                    elif g == "dopen":
                        opens.append(len(stack))
                        stack.append(_DICT)
                    elif g == "dclose":
                        k = _close(stack, opens, _DICT)
                        inline = None
                        if k >= 0:
                            inline = _inline_dict(stack[k + 1:])
                            del stack[k:]
                        stack.append(inline)
                    elif g == "other" and m[g] == b"(":
                        s, pos = _scan_literal(data, m.end())
                        stack.append(s)
                        break
                    continue  # (g None: a comment)
                # ---- operator
                op = m[g]
                ops_left -= 1
                if ops_left < 0:
                    raise _TooManyOps
                if op not in text_ops:  # (paths, colours, …: nothing to read)
                    stack.clear()
                    opens.clear()
                    continue
                try:  # (the operators most pages draw most often first)
                    if op == b"Tj" or op == b"TJ" or op == b"'" or op == b'"':
                        if op == b"'" or op == b'"':
                            if op == b'"' and len(stack) >= 3:
                                tw, tc = float(stack[-3]), float(stack[-2])
                            a, b, c, d, e, f = tlm
                            tlm = tm = (a, b, c, d, -tl * c + e, -tl * d + f)
                        if not stack:
                            continue
                        arg = stack[-1]
                        items = arg if op == b"TJ" else (arg,)
                        if not isinstance(items, (list, tuple)):
                            items = (items,)
                        spaced_by_tc = op == b"TJ" and dec is not None and _tc_justified(items, tc, fs)
                        if spaced_by_tc:
                            items = [code for it in items for code in (dec.code_bytes(it) if isinstance(it, bytes) else (it,))]
                        A, B, C, D, E, F = ctm
                        for it in items:
                            if isinstance(it, bytes):
                                if dec is None:
                                    continue
                                ops_left -= len(it)  # each glyph shown is an operation too
                                if ops_left < 0:
                                    raise _TooManyOps
                                text, w, nsp, nc = dec.decode(it)
                                tx = (w * fs + nc * tc + nsp * tw) * th
                                a, b, c, d, e, f = tm
                                ma = a * A + b * C
                                mb = a * B + b * D
                                mc = c * A + d * C
                                md = c * B + d * D
                                x0 = e * A + f * C + E + rise * mc
                                y0 = e * B + f * D + F + rise * md
                                tm = (a, b, c, d, e + tx * a, f + tx * b)
                                if layers_off or not text or ma <= 0 or abs(mb) > 0.05 * ma:
                                    if text and not layers_off and abs(mb) > 0.05 * max(abs(ma), 1e-9):
                                        self.sideways += len(text)
                                    continue  # nothing to show, or rotated text
                                size = fs * sqrt(mc * mc + md * md)
                                x1 = x0 + (tx - tc * th if spaced_by_tc else tx) * ma
                                if len(pieces) > fence and not dec.founder and not _FW <= text[0] <= _FW_END:
                                    last = pieces[-1]
                                    # (to float noise: a page drawn under a scaling matrix puts a
                                    # string's start 1e-14 pt before the last one's end)
                                    if (last[4] is dec and not _FW <= last[5][-1] <= _FW_END and abs(last[2] - y0) <= 1e-6 * size
                                            and abs(last[3] - size) <= 1e-9 * size
                                            and -1e-6 * size <= x0 - last[1] < 0.1 * size and last[6] is hidden):
                                        last[1] = x1
                                        last[5] += text
                                        continue
                                pieces.append([x0, x1, y0, size, dec, text, hidden])
                            elif isinstance(it, float):
                                tx = -it / 1000.0 * fs * th
                                a, b, c, d, e, f = tm
                                tm = (a, b, c, d, e + tx * a, f + tx * b)
                    elif op == b"Tf":
                        key = stack[-2]
                        if type(key) is bytes and key in font_lookup:  # (a font this stream set before)
                            fs = float(stack[-1])
                            dec = font_lookup[key]
                        else:
                            fname = _name(key)
                            fs = float(stack[-1])
                            ref = font_res.raw_get(fname) if font_res is not None and fname in font_res else None
                            dec = fonts.get(ref) if ref is not None else None
                            font_lookup[key] = dec
                    elif op == b"Td" or op == b"TD":
                        tx, ty = float(stack[-2]), float(stack[-1])
                        if op == b"TD":
                            tl = -ty
                        a, b, c, d, e, f = tlm
                        tlm = tm = (a, b, c, d, tx * a + ty * c + e, tx * b + ty * d + f)
                    elif op == b"Tm":
                        tlm = tm = tuple(map(float, stack[-6:]))
                    elif op == b"Tc":
                        tc = float(stack[-1])
                    elif op == b"TL":
                        tl = float(stack[-1])
                    elif op == b"Ts":
                        rise = float(stack[-1])
                    elif op == b"Tw":
                        tw = float(stack[-1])
                    elif op == b"BT":
                        tm = tlm = _IDENT
                    elif op == b"T*":
                        a, b, c, d, e, f = tlm
                        tlm = tm = (a, b, c, d, -tl * c + e, -tl * d + f)
                    elif op == b"Tz":
                        th = float(stack[-1]) / 100.0
                    elif op == b"Tr":
                        hidden = int(stack[-1]) in (3, 7)
                    elif op == b"cm":
                        ctm = _mul(tuple(map(float, stack[-6:])), ctm)
                    elif op == b"q":
                        stack_gs.append((ctm, dec, fs, tc, tw, th, tl, rise, hidden))
                    elif op == b"Q":
                        if stack_gs:
                            ctm, dec, fs, tc, tw, th, tl, rise, hidden = stack_gs.pop()
                    elif op == b"Do":
                        if xobj_res is None:
                            xobj_res = _get(resources, "/XObject") or {}
                        name = _name(stack[-1])
                        xo = xobj_res.get(name) if name in xobj_res else None
                        if xo is not None:
                            xo = xo.get_object()
                            st = xo.get("/Subtype")
                            if st == "/Image":
                                self.images += 1
                            elif st == "/Form" and id(xo) in seen:
                                raise _TooManyOps("loop")
                            elif st == "/Form" and (layers_off or self._layer_off(xo.raw_get("/OC") if "/OC" in xo else None)):
                                pass  # (a form in a hidden layer draws nothing)
                            elif st == "/Form" and depth < 12:
                                self.forms_left -= 1
                                if self.forms_left < 0:
                                    raise _TooManyOps("forms")
                                mat = xo.get("/Matrix")
                                fctm = _mul(tuple(float(x) for x in mat), ctm) if mat else ctm
                                try:
                                    fdata = xo.get_data()
                                except Exception:
                                    fdata = b""
                                self.ops_left = ops_left
                                start = len(pieces)
                                self.walk(fdata, xo.get("/Resources") or resources, fctm, depth + 1,
                                          seen + (id(xo),))
                                ops_left = self.ops_left
                                bbox = xo.get("/BBox")
                                if len(pieces) > start and isinstance(bbox, list) and len(bbox) == 4:
                                    _clip_to_form(pieces, start, tuple(float(v) for v in bbox), fctm)
                    elif op == b"BDC" or op == b"BMC":
                        off = False
                        if (op == b"BDC" and self.hidden_layers and len(stack) >= 2 and isinstance(stack[-1], bytes)
                                and isinstance(stack[-2], bytes) and _name(stack[-2]) == "/OC"):
                            props = _get(resources, "/Properties")
                            key = _name(stack[-1])
                            off = props is not None and key in props and self._layer_off(props.raw_get(key))
                        named = stack[-1].get("/ActualText") if op == b"BDC" and stack and isinstance(stack[-1], dict) else None
                        unsaid = isinstance(named, bytes) and _names_no_text(named)
                        if unsaid:
                            fence = len(pieces)
                        layers.append((off, fence if unsaid else -1))
                        layers_off += off
                    elif op == b"EMC":
                        if layers:
                            off, start = layers.pop()
                            layers_off -= off
                            if start >= 0:  # (the span's glyphs are no text)
                                del pieces[start:]
                                fence = len(pieces)
                    elif op == b"ID":
                        mm = _EI.search(data, m.end())
                        pos = mm.end() if mm else n
                        self.images += 1
                        stack.clear()
                        opens.clear()
                        break  # (the image's bytes are no tokens: read on after EI)
                except (IndexError, ValueError, TypeError, KeyError, AttributeError) as exc:
                    log.debug("content op %r: %s", op, exc)
                stack.clear()
                opens.clear()
            else:  # (the end of the stream)
                break
        self.ops_left = ops_left


def _clip_to_form(pieces: list[list[Any]], start: int, bbox: tuple[float, float, float, float],
                  m: tuple) -> None:
    """Drop the pieces from `start` on that a form draws outside its /BBox, which clips it
    (PDF 32000-1 §8.10.1). A figure placed as a whole page of another PDF (LaTeX's
    \\includegraphics of the author's page, cut down to the figure by its box) otherwise
    brings that page's text in, interleaved with the article's own lines."""
    x0, y0, x1, y1 = bbox
    a, b, c, d, e, f = m
    corners = [(a * x + c * y + e, b * x + d * y + f) for x in (x0, x1) for y in (y0, y1)]
    lo_x, hi_x = min(p[0] for p in corners), max(p[0] for p in corners)
    lo_y, hi_y = min(p[1] for p in corners), max(p[1] for p in corners)
    kept = [p for p in pieces[start:] if lo_x - 1.0 <= (p[0] + p[1]) / 2 <= hi_x + 1.0
            and lo_y - 0.5 * p[3] <= p[2] <= hi_y + 0.5 * p[3]]
    if len(kept) < len(pieces) - start:
        del pieces[start:]
        pieces.extend(kept)


class _TooManyOps(Exception):
    """A page (with the forms it draws) ran out of its drawing-operation or form budget
    (args: "forms"), or a form draws itself ("loop")."""


def _inline_dict(items: list[Any]) -> dict[str, Any]:
    """A dictionary written inline in a content stream (a BDC operator's property list), from
    its tokens: names as keys, each with the value after it."""
    return {_name(k): v for k, v in zip(items[::2], items[1::2]) if isinstance(k, bytes) and k[:1] == b"/"}


# characters that take no room: the text a span names when its glyphs are no text
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def _names_no_text(raw: bytes) -> bool:
    """Does an /ActualText (PDF 32000-1 §14.9.4) name only zero-width characters? Springer
    Nature's exports draw a space glyph inside URLs and DOIs as a break opportunity and name
    it U+200B ("https​://githu​b.com"): the glyph is no word space. (Other /ActualText, a thin
    space named for a space glyph, small capitals named as capitals, is left to the glyphs:
    the text layer reads them as well or better.)"""
    text = raw[2:].decode("utf-16-be", "replace") if raw[:2] == b"\xfe\xff" else raw.decode("latin-1")
    return bool(text) and set(text) <= _ZERO_WIDTH


def _close(stack: list[Any], opens: list[int], mark: object) -> int:
    """The stack index of the innermost open `mark` (an array's or a dictionary's), popped
    from `opens` with whatever opened after it; -1 when none is open. Constant time per
    token, so 200,000 nested brackets cost 200,000 steps, not 200,000²."""
    while opens:
        k = opens.pop()
        if k < len(stack) and stack[k] is mark:
            return k
    return -1


def _get(d: Any, key: str) -> Any:
    if d is None:
        return None
    try:
        d = d.get_object()
        v = d.get(key)
        return v.get_object() if v is not None else None
    except Exception:
        return None


# ============================================================================================
# layout: pieces -> lines
# piece after conversion: [x0, x1, y_top, size, font_name, text, sup]

# fonts of Greek letters and mathematical signs (Adobe Symbol and its clones, Euclid Symbol,
# MathTime's Greek, Euler, Computer Modern math italic, Mathematical Pi, any "Math" or
# "Greek" face): the Adobe Glyph List maps their glyph "mu" to U+00B5 MICRO SIGN, and a
# ToUnicode map written from glyph names repeats it, but the author typed the Greek letter
# (a publisher's XML holds U+03BC for them). A micro sign from a text face's Latin-1 slot
# (Times, STIX General, Caslon) is the micro sign its XML holds: kept.
_GREEK_FONT = re.compile(r"(?i)symbol|greek|math|^mtg|^mtmi|^eu[rf][mb]|^cmmi|^cmsy|^stdsym")


def _tc_justified(items: list[Any], tc: float, fs: float) -> bool:
    """Does this TJ array justify its line by the character spacing? A typesetter may set a
    large Tc (a tenth of an em or more) and kern every glyph of a word back by it, so the
    spacing shows only where no kern cancels it: between words, inside a string as often as
    between strings ("(T)311(h)313.7(ee)306.8…": "The effect"). Most of its kerns then undo
    the Tc; a letter-spaced heading sets Tc too but kerns nothing back."""
    if fs <= 0 or tc <= 0.1 * fs:
        return False
    back = 1000.0 * tc / fs
    kerns = [it for it in items if isinstance(it, float)]
    undo = sum(1 for k in kerns if abs(k - back) <= 0.25 * back)
    return undo >= 2 and undo * 2 >= len(kerns)


def _build_lines(raw: list[list[Any]], width: float, height: float, llx: float, ury: float,
                 found: list[frozenset[str]] | None = None) -> list[Line]:
    pieces: list[list[Any]] = []
    spaces: list[tuple[float, float, float]] = []  # space glyphs drawn on their own: (x0, x1, y_top)
    for x0, x1, y, size, dec, text, hidden in raw:
        yt = ury - y
        if size <= 0 or yt < -size or yt > height + size or x1 < llx - 1 or x0 > llx + width + 1:
            continue
        if not text.strip():
            if text and x1 > x0:
                spaces.append((x0 - llx, x1 - llx, yt))
            continue
        if "\u00b5" in text and _GREEK_FONT.search(dec.name):
            text = text.replace("\u00b5", "\u03bc")  # (a Greek font's mu: see _GREEK_FONT)
        # [x0, x1, y_top, size, font, text, sup, word-gap factor (em), invisible]
        guessed = dec.founder or (len(text) == 1 and text in _FOLD)
        pieces.append([x0 - llx, x1 - llx, yt, size, dec.name, text, False, 0.4 if guessed else dec.word_gap, hidden])
    if not pieces:
        return []
    pieces.sort(key=itemgetter(2, 0))
    quirks = page_quirks("".join(p[5] for p in pieces))
    if found is not None:
        found.append(quirks)
    if "yi" in quirks:  # punctuation decoded before layout, so spacing sees "，" not "ꎬ"
        for p in pieces:
            p[5] = repair_quirks(p[5], _YI_ONLY)

    # 1. baseline clusters
    # (chained: within 0.2 em of the previous piece and 0.4 em of the cluster's first piece, so
    # Founder's per-glyph descender shifts and raised CJK punctuation stay on the line; or
    # within 0.4 em of the highest of the cluster's pieces beside it: where the next column's
    # line sits a little higher, the chain starts there, and this column's digits, which
    # Founder sets 0.1 em below its Han characters, must still stay on their line)
    clusters: list[list[list[Any]]] = []
    cy = cs = ly = -1e9
    for p in pieces:
        s = max(min(p[3], cs), 1.0)
        if clusters and p[2] - ly <= 0.2 * s and (p[2] - cy <= 0.4 * s or _near_beside(clusters[-1], p, s)):
            clusters[-1].append(p)
        else:
            clusters.append([p])
            cy, cs = p[2], p[3]
        ly = p[2]

    info = [_cluster_info(c) for c in clusters]  # (main_size, y, xmin, xmax)

    # 2. superscripts / subscripts join the line they belong to
    nc = len(clusters)
    for i in range(nc):
        c = clusters[i]
        if not c:
            continue
        moved = []
        for p in sorted(c, key=lambda q: q[0]):  # (left to right: a mark after a mark follows it in)
            psize, py = p[3], p[2]
            target = None
            if len(p[5].strip()) > 8:
                continue
            for j in range(i + 1, min(nc, i + 5)):
                msz, ly, _, _ = info[j]
                if not clusters[j] or psize >= 0.9 * msz:
                    continue
                raise_ = ly - py
                if psize >= 0.8 * msz and raise_ < 0.15 * msz:
                    continue
                if 0.12 * msz < raise_ <= 0.75 * msz and _adjacent(p, clusters[j], msz):
                    target, sup = j, True
                    break
            if target is None:
                for j in range(i - 1, max(-1, i - 5), -1):
                    msz, ly, _, _ = info[j]
                    if not clusters[j] or psize >= 0.8 * msz:
                        continue
                    if 0.08 * msz < py - ly <= 0.45 * msz and _adjacent(p, clusters[j], msz):
                        target, sup = j, False
                        break
            if target is not None:
                p[6] = sup
                moved.append((p, target))
                clusters[target].append(p)
        if moved:
            for p, j in moved:
                c.remove(p)
            info[i] = _cluster_info(c) if c else (0.0, 0.0, 0.0, 0.0)
            for _, j in moved:
                info[j] = _cluster_info(clusters[j])
    clusters = [c for c in clusters if c]
    for c in clusters:
        c.sort(key=itemgetter(0))
    clusters = [part for c in clusters for part in _split_side_by_side(c)]
    for c in clusters:
        _dedupe(c)
        _dash_rule(c)
        _leading_label(c)
    _founder_widths(clusters)

    # 3. columns
    order = _reading_order(clusters, width)
    return [ln for ln in (_make_line(c, spaces, quirks) for c in order) if ln is not None]


def _near_beside(c: list[list[Any]], p: list[Any], s: float) -> bool:
    """Is `p` within 0.4 em below the highest of the pieces of `c` nearest beside it (the
    nearest, and any within 1.5 em further: its own column's, not the next column's)?"""
    dist = [max(0.0, q[0] - p[1], p[0] - q[1]) for q in c]
    near = min(dist) + 1.5 * s
    return p[2] - min(q[2] for q, d in zip(c, dist) if d <= near) <= 0.4 * s


def _split_side_by_side(c: list[list[Any]]) -> list[list[list[Any]]]:
    """A baseline cluster cut where a gutter (over 1.5 em) separates text set in two uniform
    but different type sizes: a side box ("Received 29 July 2020" in 8pt beside a 9pt
    abstract line) that happens to share the baseline is a line of its own. Raised marks
    do not count; OCR'd lines, whose word sizes wander, are never cut.

    One pass with running and suffix extremes (a line of 20,000 glyphs, as a hostile page
    draws, costs 20,000 steps, not 20,000²)."""
    n = len(c)
    if n < 2:
        return [c]
    sizes = [q[3] for q in c if not q[6]]
    if sizes and max(sizes) - min(sizes) < 0.5:  # (one type size, as most lines: no side box)
        return [c]
    inf = float("inf")
    # over the pieces from k on that are not raised: smallest, largest and first size
    suf_min, suf_max, suf_first = [inf] * (n + 1), [-inf] * (n + 1), [None] * (n + 1)
    for k in range(n - 1, -1, -1):
        q = c[k]
        if q[6]:
            suf_min[k], suf_max[k], suf_first[k] = suf_min[k + 1], suf_max[k + 1], suf_first[k + 1]
        else:
            suf_min[k], suf_max[k], suf_first[k] = min(q[3], suf_min[k + 1]), max(q[3], suf_max[k + 1]), q[3]
    out: list[list[list[Any]]] = []
    start, right_edge, lmin, lmax, lfirst = 0, -inf, inf, -inf, None
    for k in range(n):
        q = c[k]
        if k > start and not q[6] and lfirst is not None and suf_first[k] is not None:
            gap = q[0] - right_edge
            if (gap > 1.5 * max(lmax, suf_max[k]) and lmax - lmin <= 0.2 and suf_max[k] - suf_min[k] <= 0.2
                    and abs(lfirst - suf_first[k]) >= 0.5):
                out.append(c[start:k])
                start, right_edge, lmin, lmax, lfirst = k, -inf, inf, -inf, None
        right_edge = max(right_edge, q[1])
        if not q[6]:
            lmin, lmax = min(lmin, q[3]), max(lmax, q[3])
            if lfirst is None:
                lfirst = q[3]
    out.append(c[start:])
    return out


def _leading_label(c: list[list[Any]]) -> None:
    """A raised small mark that *starts* a line and is set off by a gap is a note label
    (Word sets footnote numbers ① raised in the note text too), not a reference: sup=False."""
    if len(c) < 2 or not c[0][6] or c[1][6]:
        return
    first, nxt = c[0], c[1]
    if nxt[0] - first[1] >= 0.2 * nxt[3] or first[5].endswith((" ", "\u3000")):
        first[6] = False


def _founder_widths(clusters: list[list[list[Any]]]) -> None:
    """Founder fonts give every Latin letter a full-em width, but place each glyph itself: learn
    each letter's real advance on this page (smallest distance to the next glyph of the same
    font) so that word gaps show. Letters seen once keep the Times-Roman estimate. The same
    holds for Latin text drawn glyph by glyph in full-width forms (Ｔｈｅｒｉｇｈｔ, CNKI's DY
    fonts), whose full-em boxes overlap and hide every word gap."""
    adv: dict[tuple[str, str], list[float]] = {}
    for c in clusters:
        for p, q in zip(c, c[1:]):
            if p[7] > 0.3 and p[4] == q[4] and len(p[5]) == 1:
                d = (q[0] - p[0]) / p[3]
                if 0.05 < d < 1.2:
                    adv.setdefault((p[4], p[5]), []).append(d)
    if not adv:
        return
    best = {k: sorted(v)[len(v) // 4] for k, v in adv.items() if len(v) >= 2}
    for c in clusters:
        for p in c:
            if p[7] > 0.3:
                w = _capped_advance(best.get((p[4], p[5])), p[5])
                if w is not None:
                    p[1] = p[0] + w * p[3]
                p[7] = 0.22


def _capped_advance(learned: float | None, text: str) -> float | None:
    """A learned advance, at most 1.25x the letter's Times-Roman width: a letter that only
    ever ends a word ("of") is learned with the word space in it. A full-width letter seen
    once gets the Times-Roman width (its own box is a full em)."""
    if len(text) != 1:
        return learned
    ch = fullwidth_to_ascii(text)
    est = _TIMES.get(ch) if ch.isascii() and ch.isalnum() else None
    if est is None:
        return learned
    est /= 1000.0
    if learned is None:
        return est if ch != text else None
    return min(learned, 1.25 * est)


def _cluster_info(c: list[list[Any]]) -> tuple[float, float, float, float]:
    """(main size, its baseline, x min, x max) of a cluster: the size (to 0.1 pt) that draws
    the most characters, not counting raised marks, and the baseline (to 0.01 pt) that draws
    the most of those. (Most clusters are one piece, or one size on one baseline: those skip
    the tallies. A NaN size, from a damaged matrix, takes the tallies and fails there.)"""
    use = [p for p in c if not p[6]] or c
    sizes = [round(p[3], 1) for p in use]
    main = sizes[0]
    if main == main and sizes.count(main) == len(sizes):
        ys = [round(p[2], 2) for p in use]
    else:
        weights: dict[float, int] = {}
        for s, p in zip(sizes, use):
            weights[s] = weights.get(s, 0) + len(p[5])
        main = max(weights, key=lambda s: (weights[s], s))
        ys = [round(p[2], 2) for s, p in zip(sizes, use) if s == main]
    if ys and ys.count(ys[0]) == len(ys):
        y = ys[0]
    else:  # (no baseline at all for a NaN size: max() fails)
        yw: dict[float, int] = {}
        for y, p in zip(ys, (p for s, p in zip(sizes, use) if s == main)):
            yw[y] = yw.get(y, 0) + len(p[5])
        y = max(yw, key=lambda v: (yw[v], -v))
    if len(c) == 1:
        return main, y, c[0][0], c[0][1]
    return main, y, min([p[0] for p in c]), max([p[1] for p in c])


def _adjacent(p: list[Any], cluster: list[list[Any]], msz: float) -> bool:
    """p starts right where some text of the line ends (a mark after a word, or after the
    word's mark: 张敏①*, 1,2*), or ends right where some text starts (a mark before it)."""
    x0, x1 = p[0], p[1]
    for q in cluster:
        if q[6] or q[3] < 0.9 * msz:
            if len(q[5].strip()) <= 3 and -0.3 * msz <= x0 - q[1] <= 0.6 * msz and x0 >= q[0]:
                return True
            continue
        if -0.3 * msz <= x0 - q[1] <= 0.6 * msz and x0 >= q[0]:
            return True
        if -0.3 * msz <= q[0] - x1 <= 0.6 * msz and x1 <= q[1]:
            return True
    return False


# how far (in em) a fake-bold copy lies from what it copies: a fraction of a point aside
_COPY_SLACK = 0.12


def _dedupe(c: list[list[Any]]) -> None:
    """Drop text drawn twice at nearly the same place (fake bold, shadow): layout programs
    embolden by drawing a text object again a fraction of a point aside (加粗 by
    overprinting), and the second drawing may break its strings elsewhere ("Te" once, "T"
    and "e" again), so a piece drawn within another where that one has the same characters
    is the same text too. (`c` is sorted by x0: the copies lie a few pieces apart.)"""
    dropped: set[int] = set()
    for i in range(1, len(c)):
        p = c[i]
        slack = _COPY_SLACK * p[3]
        for q in c[max(0, i - 6):i]:
            if p[0] >= max(q[1], q[0] + slack) or abs(q[2] - p[2]) >= 0.3 * p[3] or id(q) in dropped:
                continue  # (a copy starts within what it copies: text set on starts past it)
            if (q[5] == p[5] and abs(q[0] - p[0]) < slack) or (p[1] <= q[1] + slack and _drawn_within(p, q)):
                dropped.add(id(p))  # (p, or a part of q, drawn again)
                break
            if p[0] - q[0] < slack and q[1] <= p[1] + slack and _drawn_within(q, p):
                dropped.add(id(q))  # (q is a part of p, drawn first)
    if dropped:
        c[:] = [p for p in c if id(p) not in dropped]


def _drawn_within(part: list[Any], whole: list[Any]) -> bool:
    """Are `part`'s characters `whole`'s at the place `part` is drawn? A part ending (or
    starting) where the whole does is its tail (or head): " on oxidant-antioxidant" holds
    "-antioxidant", "er sm" holds "sm", while a period kerned into "M.M.V" is none of it.
    Elsewhere the place is estimated by the whole's mean advance, give or take a character
    (a space or an "i" is narrower than the mean, an "m" or a Han character wider)."""
    small, big = part[5], whole[5]
    if len(big) <= len(small) or whole[1] <= whole[0]:
        return False
    slack = _COPY_SLACK * part[3]
    if abs(part[1] - whole[1]) < slack:
        return big.endswith(small)
    if abs(part[0] - whole[0]) < slack:
        return big.startswith(small)
    k = round((part[0] - whole[0]) / ((whole[1] - whole[0]) / len(big)))
    return any(big[j:j + len(small)] == small for j in (k, k - 1, k + 1) if j >= 0)


_DASHES = frozenset("—―─")


def _dash_rule(c: list[list[Any]]) -> None:
    """A long dash drawn as overlapping em-dash glyphs (Founder sets the two-em 破折号 ——
    as three dashes half an em apart, so the rule has no breaks) is as many dashes as ems it
    spans: "———" drawn over 2 em is "——". (The last glyph may carry the text after it.)"""
    def dash(p: list[Any]) -> bool:
        return bool(p[5]) and p[5][0] in _DASHES and (len(p[5]) == 1 or not set(p[5]) - _DASHES)

    i = 0
    while i < len(c) - 1:
        p = c[i]
        if not dash(p):
            i += 1
            continue
        j = i + 1
        while (j < len(c) and c[j][5][:1] in _DASHES and c[j][3] == p[3]
               and c[j][0] < c[j - 1][1] - 0.2 * p[3] and dash(c[j - 1])):
            j += 1
        if j - i > 1:
            last = c[j - 1]
            rest = last[5].lstrip("".join(_DASHES))
            n = max(1, round((last[0] - p[0]) / p[3] + (len(last[5]) - len(rest))))
            c[i:j] = [[p[0], last[1]] + p[2:5] + [p[5][0] * n + rest] + p[6:]]
        i += 1


def _merged_intervals(c: list[list[Any]]) -> list[tuple[float, float]]:
    out: list[list[float]] = []
    for p in c:
        if out and p[0] - out[-1][1] < 1.0 * p[3]:
            if p[1] > out[-1][1]:
                out[-1][1] = p[1]
        else:
            out.append([p[0], p[1]])
    return [(a, b) for a, b in out]


def _column_kinds(ivs: list[list[tuple[float, float]]], gx: float) -> list[str]:
    """Each cluster against a gutter at gx: F crosses it, L and R lie on one side, S on both."""
    kinds = []
    for iv in ivs:
        if any(a < gx < b for a, b in iv):
            kinds.append("F")
        elif all(b <= gx for a, b in iv):
            kinds.append("L")
        elif all(a >= gx for a, b in iv):
            kinds.append("R")
        else:
            kinds.append("S")
    return kinds


def _two_sides(kinds: list[str]) -> bool:
    """Enough text on each side of a gutter to read the page as two columns."""
    return (sum(k in "LS" for k in kinds) >= 4 and sum(k in "RS" for k in kinds) >= 4
            and kinds.count("R") + kinds.count("S") >= 4)


def _runs_at_most(cover: list[int], limit: int) -> list[tuple[int, int]]:
    """The runs (first, last index) where `cover` is at most `limit`."""
    runs, start = [], None
    for k, v in enumerate(cover + [limit + 1]):
        if v <= limit and start is None:
            start = k
        elif v > limit and start is not None:
            runs.append((start, k - 1))
            start = None
    return runs


def _reading_order(clusters: list[list[list[Any]]], width: float, x_lo: float = 0.0, depth: int = 0) -> list[list[list[Any]]]:
    """Clusters in reading order: split at the page's column gutter, then each side at its
    own (a three-column page has two gutters; `x_lo`..`width` is the region's span)."""
    if len(clusters) < 8 or width - x_lo <= 0:
        return clusters
    ivs = [_merged_intervals(c) for c in clusters]
    span = width - x_lo
    lo, hi = int(x_lo + span * 0.3), int(x_lo + span * 0.7)
    if hi - lo < 4:
        return clusters
    # (how many intervals cover each whole point lo..hi: +1 where one starts, -1 after it
    # ends, summed along; a point-by-point count cost a line's whole width per line)
    delta = [0] * (hi - lo + 2)
    ceil = math.ceil
    for iv in ivs:
        for a, b in iv:
            s = max(lo, int(ceil(a)))
            e = min(hi, int(b))
            if s <= e:
                delta[s - lo] += 1
                delta[e - lo + 1] -= 1
    cover = list(accumulate(delta))
    cover.pop()
    best = min(cover)
    # middle of the longest run of minimal coverage, closest to the page centre
    runs = _runs_at_most(cover, best)  # (best is the least: the runs of least coverage)
    centre = (x_lo + span / 2) - lo
    s, e = max(runs, key=lambda r: (r[1] - r[0], -abs((r[0] + r[1]) / 2 - centre)))
    gx = lo + (s + e) / 2.0
    kinds = _column_kinds(ivs, gx)
    if not _two_sides(kinds):
        # the least covered x is inside one column (a short right column under full-width front
        # matter leaves fewer lines over its middle than over the gutter): the gutter is where
        # nearly as few lines cross and text lies on both sides of it
        near = [lo + (a + b) / 2.0 for a, b in _runs_at_most(cover, best + max(3, best // 4))]
        found = [(min(k.count("L"), k.count("R")), g, k) for g in near if _two_sides(k := _column_kinds(ivs, g))]
        if not found:
            return clusters
        _, gx, kinds = max(found, key=lambda f: (f[0], -abs(f[1] - lo - centre)))
    out: list[list[list[Any]]] = []
    i = 0
    n = len(clusters)
    while i < n:
        if kinds[i] == "F":
            out.append(clusters[i])
            i += 1
            continue
        j = i
        while j < n and kinds[j] != "F":
            j += 1
        region = range(i, j)
        has_l = any(kinds[k] in "LS" for k in region)
        has_r = any(kinds[k] in "RS" for k in region)
        if j - i >= 3 and has_l and has_r:
            left, right = [], []
            for k in region:
                lp = [p for p in clusters[k] if p[1] <= gx or (p[0] + p[1]) / 2 < gx]
                rp = [p for p in clusters[k] if not (p[1] <= gx or (p[0] + p[1]) / 2 < gx)]
                if lp:
                    left.append(lp)
                if rp:
                    right.append(rp)
            if depth < 1:  # a side may hold two columns of its own
                left = _reading_order(left, gx, x_lo, depth + 1)
                right = _reading_order(right, width, gx, depth + 1)
            out.extend(left)
            out.extend(right)
        else:
            out.extend(clusters[i:j])
        i = j
    return out


def _ideo(ch: str) -> bool:
    o = ord(ch)
    return is_cjk(ch) and not (0x3001 <= o <= 0x303F or 0xFF01 <= o <= 0xFF60)


_FIELD_OPENERS = frozenset("【［〔")
_NO_SPACE_BEFORE = set("，。：；）」』】〕》、！？］,.;:!?)]}%’”")
_NO_SPACE_AFTER = set("（「『【〔《［([{‘“")


def _join(pieces: list[list[Any]], size: float, spaces: list[tuple[float, float]] = ()) -> list[str]:
    """Separators to put before each piece ('' for the first). Between ideographs only a
    space glyph the PDF draws in the gap (`spaces`: their x0, x1 on this line) is a
    printed space; a bare gap is justification.

    A line whose glyph boxes mostly overlap (a font with no usable widths, as OCR text layers
    have: every glyph one em wide, each placed on its own) tells nothing by its gaps: there,
    between letters, a space glyph drawn between two glyphs' starts is a space, and nothing
    else is."""
    def drawn(left: float, right: float) -> bool:
        return any(x0 >= left - 0.5 and x1 <= right + 0.5 for x0, x1 in spaces)

    def drawn_between(a: list[Any], b: list[Any]) -> bool:
        return any(a[0] < x0 <= b[0] for x0, _ in spaces)

    def kerned_space(a: list[Any], b: list[Any]) -> bool:
        # a space glyph of a word space's width whose middle is before the next glyph, though
        # kerned back over the last one (not a near-zero-width break opportunity some exports
        # draw inside URLs, nor a space the next glyph is drawn over: a superscript's space, nor
        # the one-em cell of a CNKI export's full-width space, placed by advance, not by box)
        return any(0.15 * size <= x1 - x0 <= 0.6 * size and a[1] - 0.15 * size <= (x0 + x1) / 2 <= b[0]
                   for x0, x1 in spaces)

    overlapping = bool(spaces) and len(pieces) > 3 and sum(
        1 for a, b in zip(pieces, pieces[1:]) if b[0] - a[1] < -0.2 * size) * 2 >= len(pieces) - 1
    seps = [""]
    prev = pieces[0]
    acc = prev[5]
    for p in pieces[1:]:
        sep = ""
        gap = p[0] - prev[1]
        # full-width Latin letters and digits between Latin text are Latin (normalize_text makes
        # them ASCII); next to CJK text they are set in CJK cells, as before; full-width
        # punctuation (．－／（) sits in a cell wider than its ink, so only a gap of half an em
        # next to it is a word space
        a0 = acc[-1] if acc else " "
        b0 = p[5][0]
        a, b = _FOLD.get(a0, a0), _FOLD.get(b0, b0)
        if (a is not a0 or b is not b0) and (is_tight(a) or is_tight(b)):
            a, b = a0, b0
        cell = 0.5 if a0 in _FW_PUNCT or b0 in _FW_PUNCT else 0.0
        if b in "%\u2030" and a.isdigit() and gap > 0.1 * size and not any(_ideo(ch) for ch in acc):
            # a number and its percent (or per mille) sign set apart by a (thin) space, as ISO
            # 80000-1 and Springer's house style print them ("96.47 %"): the publisher's text has it;
            # kerning never opens a tenth of an em before a percent sign
            sep = " "
        elif a.isspace() or b.isspace() or b in _NO_SPACE_BEFORE or a in _NO_SPACE_AFTER:
            sep = ""
        elif overlapping and not (is_tight(a) and is_tight(b)):
            sep = " " if drawn_between(prev, p) else ""
        elif is_tight(a) and is_tight(b):
            if gap >= 0.8 * size and _ideo(a) and _ideo(b) and len(acc) >= 2 and _ideo(acc[-2]):
                sep = "\u3000"
            elif gap > 0.1 * size and _ideo(a) and _ideo(b) and drawn(prev[1], p[0]):
                sep = _KEEP
            elif gap >= 0.8 * size and b in _FIELD_OPENERS and not _ideo(a):
                # a field set apart on a shared line ("D920.4  ［文献标志码］A"): a bracketed
                # label opens after a wide gap, which CJK justification never leaves before one
                sep = " "
        elif gap > max(prev[7], p[7], cell) * size:
            # between an ideograph and a Latin letter or digit a narrow gap with no space
            # glyph in it is the typesetter's CJK–Latin spacing ("CGSS的", "2005年"), not a space
            autospace = gap < 0.6 * size and ((_ideo(a) and b.isascii() and b.isalnum()) or
                                              (_ideo(b) and a.isascii() and a.isalnum()))
            if not autospace or drawn(prev[1], p[0]):
                sep = " "
        elif spaces and gap > 0.05 * size and not is_tight(a) and not is_tight(b) and kerned_space(prev, p):
            # a space glyph drawn between two Latin words is a word space however tightly the
            # line is justified (a typesetter's kerning can pull it back over the comma before it,
            # leaving a gap narrower than any word space: "Application, Alexandria")
            sep = " "
        seps.append(sep)
        acc = acc + sep + p[5] if len(acc) < 8 else acc[-4:] + sep + p[5]
        prev = p
    return seps


# a space glyph the PDF itself draws between two ideographs ("吉林 长春", "北京 邮编") is
# printed; the text layer's own gap spaces between them are justification and go
# (a run of printed spaces there sets words apart on purpose, as keywords are: it becomes an
# ideographic space, which normalize_text keeps between words and closes up in a letter-spaced
# one-character label)
_PRINTED_SPACE = re.compile(r"(?<=[\u3400-\u9fff]) +(?=[\u3400-\u9fff])")
_KEEP = PRINTED_SPACE  # (survives normalize_text, then becomes a space)


def _normalize_keeping_spaces(raw: str, quirks: frozenset[str] = frozenset()) -> str:
    if needs_repair(raw, quirks):
        raw = repair_founder(repair_quirks(raw, quirks))
    if " " in raw:  # (most pieces of a CJK page hold no space: skip the search)
        raw = _PRINTED_SPACE.sub(_printed_space, raw)
    text = normalize_text(raw)
    return text.replace(_KEEP, " ") if _KEEP in text else text


def _printed_space(m: re.Match) -> str:
    return _KEEP if len(m.group()) == 1 else "\u3000"


# spacing accents a typesetter may draw as glyphs of their own over (or under) a letter, as TeX
# does for an accent its font has no composite for (OT1 encoding: \"o, \c{s}, \u{g}) and some
# publishers' pipelines copy: the text layer then reads "Sto¨ck", "Socie´te´", "Cavidoglu˘"
_SPACING_ACCENTS = {"\u00a8": "\u0308", "\u00b4": "\u0301", "\u02dd": "\u030b", "\u02c6": "\u0302",
                    "\u02dc": "\u0303", "\u00b8": "\u0327", "\u02c7": "\u030c", "\u02d8": "\u0306",
                    "\u02d9": "\u0307", "\u02da": "\u030a", "\u00af": "\u0304", "\u02db": "\u0328",
                    "`": "\u0300", "^": "\u0302", "~": "\u0303"}
_ACCENT_CHARS = re.compile("[" + re.escape("".join(_SPACING_ACCENTS)) + "]")


def _glyph_boxes(p: list[Any]) -> list[tuple[float, float]]:
    """Each character's box in a piece, its width shared out as Times-Roman's advances share it
    (a piece keeps only its whole extent)."""
    widths = [_TIMES.get(ch, 500.0) for ch in p[5]]
    scale = (p[1] - p[0]) / (sum(widths) or 1.0)
    out, x = [], p[0]
    for w in widths:
        out.append((x, x + w * scale))
        x += w * scale
    return out


def _compose_accents(c: list[list[Any]]) -> list[list[Any]]:
    """The line's pieces with each spacing accent drawn on its own over a letter set on that
    letter as one character (Stöck, Société, Cavidoğlu). An accent is composed only where it
    is a piece's first or last glyph (drawn apart, then moved over its letter), its middle
    falls inside another piece's letter, and Unicode has the letter with that accent as one
    character; a lone ^ or ~ elsewhere (a URL's ~, an exponent's ^) stays as printed."""
    for k, p in enumerate(c):
        for i in sorted({0, len(p[5]) - 1}, reverse=True):
            ch = p[5][i] if p[5] else ""
            mark = _SPACING_ACCENTS.get(ch)
            if mark is None or (ch in "`^~" and len(p[5]) > 1):
                continue
            x0, x1 = _glyph_boxes(p)[i]
            mid = (x0 + x1) / 2
            for j, q in enumerate(c):
                if j == k or not q[0] <= mid <= q[1] or not q[5]:
                    continue
                at = next((n for n, (b0, b1) in enumerate(_glyph_boxes(q)) if b0 <= mid <= b1), None)
                base = q[5][at] if at is not None else ""
                one = unicodedata.normalize("NFC", base + mark)
                if base.isalpha() and len(one) == 1:
                    q[5] = q[5][:at] + one + q[5][at + 1:]
                    p[5] = p[5][:i] + p[5][i + 1:]
                break
    return [p for p in c if p[5]]


def _make_line(c: list[list[Any]], spaces: list[tuple[float, float, float]] = (),
               quirks: frozenset[str] = frozenset()) -> Line | None:
    if not c:
        return None
    if len(c) > 1 and not c[0][8] and _ACCENT_CHARS.search("".join(p[5] for p in c)):  # (OCR text draws no glyphs)
        c = _compose_accents(c)
    main, y, _, _ = _cluster_info(c)
    if len(c) == 1:  # (one piece, as most lines of a CJK page are: no join, one span)
        p = c[0]
        text = _normalize_keeping_spaces(p[5], quirks)
        invisible = bool(p[8])
        if invisible:
            text = _ocr_letters(text)
        if not text:
            return None
        x0, x1 = round(p[0], 2), round(p[1], 2)
        return Line(text=text, x0=x0, x1=x1, y=round(y, 2), size=round(main, 2),
                    spans=[Span(text, x0, x1, round(p[2], 2), round(p[3], 2), p[4], p[6])], invisible=invisible)
    on_line = [(x0, x1) for x0, x1, sy in spaces if abs(sy - y) < 0.3 * main] if spaces else []
    # (the gaps are measured against the size as drawn, not its 0.1 pt tally key: a gap of
    # 0.15 em drawn at 9.14 pt would read 0.1505 em against 9.1, a word space; 0.1499 em at the
    # same layout set at 8 pt. The same page on another trim must read the same.)
    exact = next((p[3] for p in c if not p[6] and round(p[3], 1) == main), main)
    seps = _join(c, exact, on_line)
    runs: list[list[Any]] = []  # [text_parts, x0, x1, y, size, font, sup] per span
    raw_parts: list[str] = []
    cur: list[Any] | None = None
    for sep, p in zip(seps, c):
        raw_parts.append(sep)
        raw_parts.append(p[5])
        key_ok = (cur is not None and cur[5] == p[4] and abs(cur[4] - p[3]) < 0.05
                  and cur[6] == p[6] and abs(cur[3] - p[2]) < 0.1 * p[3]
                  and (p[0] - cur[2] <= 3 * p[3] or not _gutter(cur, p)))
        if key_ok:
            cur[0].append(sep)
            cur[0].append(p[5])
            cur[2] = max(cur[2], p[1])
        else:
            cur = [[p[5]], p[0], p[1], p[2], p[3], p[4], p[6]]
            runs.append(cur)
    text = _normalize_keeping_spaces("".join(raw_parts), quirks)
    invisible = all(p[8] for p in c)
    if invisible:
        text = _ocr_letters(text)
    if not text:
        return None
    # a line in one font and size (most lines) is its own only span: no second normalisation
    spans = [_span(run, text if len(runs) == 1 else None, quirks) for run in runs]
    spans = [s for s in spans if s.text]
    return Line(text=text, x0=round(c[0][0], 2), x1=round(max(p[1] for p in c), 2), y=round(y, 2),
                size=round(main, 2), spans=spans, invisible=invisible)


def _gutter(cur: list[Any], p: list[Any]) -> bool:
    """A gap of over three ems between Latin glyphs on one baseline is no word space but a
    gutter between columns or table cells (a sidebar beside an abstract): the text after it
    is a span of its own, so later stages can tell the columns apart by position. (CJK text
    is left alone: letter-spaced headings such as 摘　　要 leave wide gaps on purpose.)"""
    prev = cur[0][-1] if cur[0] else ""
    return (p[0] - cur[2] > 3 * p[3] and bool(prev) and not _ideo(prev[-1]) and bool(p[5])
            and not _ideo(p[5][0]))


# an OCR engine's classic confusions in Latin text, only ever applied to invisible OCR
# text: 0/O for o and 1/I for l inside a lower-case word ("visualizati0n", "he1pful"); a
# Chinese engine's full-width comma or dash between Latin words ("Shi，Xiuzi", "Real—time");
# a full stop run into the next sentence's capital ("Zhang.Real")
_OCR_FIXES = (
    (re.compile(r"(?<=[a-z])[0O](?=[a-z])"), "o"),
    (re.compile(r"(?<=[a-z])[1I](?=[a-z])"), "l"),
    (re.compile(r"(?<=[A-Za-z0-9])\s*，\s*(?=[A-Za-z])"), ", "),
    (re.compile(r"(?<=[a-z])[—–－](?=[a-z])"), "-"),
    (re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])"), ". "),
)


def _ocr_letters(text: str) -> str:
    if not re.search(r"[A-Za-z]", text):
        return text
    for rx, repl in _OCR_FIXES:
        text = rx.sub(repl, text)
    return text


def _span(cur: list[Any], text: str | None = None, quirks: frozenset[str] = frozenset()) -> Span:
    return Span(text=text if text is not None else _normalize_keeping_spaces("".join(cur[0]), quirks), x0=round(cur[1], 2),
                x1=round(cur[2], 2), y=round(cur[3], 2), size=round(cur[4], 2), font=cur[5], sup=cur[6])


# ============================================================================================
# reading pages

def _open(path: Path) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(str(path), strict=False)
    except IngestError:
        raise
    except FileNotDecryptedError as exc:
        raise EncryptedPdf(path, f"encrypted PDF: {_one_line(exc)}") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            OSError, AssertionError, RecursionError) as exc:
        raise CorruptPdf(path, f"not a readable PDF: {_one_line(exc)}") from None
    except Exception as exc:  # pypdf raises many things on garbage
        raise CorruptPdf(path, f"not a readable PDF: {_one_line(exc)}") from None
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except Exception as exc:
            raise EncryptedPdf(path, f"encrypted PDF that cannot be opened: {_one_line(exc)}") from None
        if not ok:
            raise EncryptedPdf(path, "encrypted PDF: a password is needed to open it")
    return reader


def _one_line(exc: BaseException) -> str:
    s = " ".join(str(exc).split()) or type(exc).__name__
    return s[:200]


def _page_content(page: Any) -> bytes:
    contents = page.get("/Contents")
    if contents is None:
        return b""
    contents = contents.get_object()
    if isinstance(contents, list):
        parts = []
        for c in contents:
            try:
                parts.append(c.get_object().get_data())
            except Exception as exc:
                log.debug("content stream: %s", exc)
        return b"\n".join(parts)
    return contents.get_data()


def _read_page(reader: Any, index: int, fonts: FontCache,
               inset: tuple[float, float] | None = None) -> tuple[PageText, int, int]:
    """inset: the finished page lies this far in from the crop box's sides, and the page is
    read in that frame (frames.inset_by_furniture: paper that writes no TrimBox)."""
    page = reader.pages[index]
    box = page.cropbox
    crop = (float(box.left), float(box.bottom), float(box.right), float(box.top))
    content = _page_content(page)
    turn = _display_turn(page)
    walker = _walk_page(content, page, index, fonts, _turned(turn, crop) if turn else _IDENT)
    if turn and walker.sideways > _chars(walker.pieces):
        # (the content is upright as drawn, and the page was turned for viewing: a landscape
        # table turned in a viewer; read it as drawn)
        turn = 0
        walker = _walk_page(content, page, index, fonts, _IDENT)
    trim = _trim_box(page, crop)
    if turn:  # (both boxes as they lie on the displayed page)
        trim = _turned_box(turn, trim, crop) if trim else None
        crop = _turned_box(turn, crop, crop)
    # (of a printer's sheet only the finished page it holds is read, and in its own frame:
    # where the head, the folio and the title sit is measured from the trimmed page's edges,
    # as they were set, not from a sheet whose margins depend on the press; `origin` says
    # where that page lies on the sheet, which a viewer shows and the article PDF keeps)
    nchars = _chars(walker.pieces)
    frame, hugs = crop, False
    if inset is not None:  # (nothing is dropped: the frame is inferred, not written)
        frame = (crop[0] + inset[0], crop[1] + inset[1], crop[2] - inset[0], crop[3] - inset[1])
    elif trim is not None:
        kept = [p for p in walker.pieces if _inside(p, trim)]
        lost = nchars - _chars(kept)
        # (more than a slug line's worth outside it: a TrimBox that is not the page's)
        if not (lost > 200 and lost * 4 > nchars):
            walker.pieces, nchars, frame = kept, nchars - lost, trim
            # (a slug line outside it makes it a printer's sheet, however close the page's
            # own text comes to its edges)
            hugs = lost == 0 and hugs_text(kept, trim)
    llx, lly, urx, ury = frame
    width, height = urx - llx, ury - lly
    found: list[frozenset[str]] = []
    lines = _build_lines(walker.pieces, width, height, llx, ury, found)
    page = PageText(number=index + 1, width=round(width, 2), height=round(height, 2), label=None, lines=lines,
                    quirks=tuple(sorted(found[0])) if found else (), sideways=walker.sideways, images=walker.images,
                    origin=(round(llx - crop[0], 2), round(crop[3] - ury, 2)), trim_hugs=hugs,
                    sheet=(round(crop[2] - crop[0], 2), round(crop[3] - crop[1], 2)))
    _judge_readability(page)
    _judge_trust(page, nchars)
    return page, nchars, walker.images


def _chars(pieces: list[list[Any]]) -> int:
    """Visible characters of text pieces (the walker's [x0, x1, y, size, font, text, …])."""
    return sum(len(p[5].strip()) for p in pieces)


def _walk_page(content: bytes, page: Any, index: int, fonts: FontCache, ctm: tuple) -> "_PageWalker":
    walker = _PageWalker(fonts, *_page_allowance())
    walker.hidden_layers = _hidden_layers(page)
    try:
        walker.walk(content, page.get("/Resources"), ctm)
    except _TooManyOps as exc:
        raise _page_ops_over(index, exc.args[0] if exc.args else "ops") from None
    except IngestError:
        raise
    except Exception as exc:  # a damaged page yields no lines, not a crash
        log.warning("page %d: content stream unreadable: %s", index + 1, _one_line(exc))
    _page_done(walker)
    return walker


def _hidden_layers(page: Any) -> frozenset[int]:
    """The optional content groups (layers) the document's default configuration shows OFF
    (PDF 32000-1 §8.11.4.3: /OCProperties /D, its /OFF list, or /BaseState /OFF with the
    /ON list the exceptions): a typesetter's proof notes or a print-only layer are not
    what the reader sees. Empty when the document has no layers (the common case)."""
    pdf = getattr(page, "pdf", None)
    cached = getattr(pdf, "_journal_ingest_hidden_layers", None)
    if cached is not None:
        return cached
    hidden: set[int] = set()
    try:
        props = pdf.trailer["/Root"].get("/OCProperties") if pdf is not None else None
        props = props.get_object() if props is not None else None
        if props is not None:
            config = props.get("/D")
            config = config.get_object() if config is not None else {}
            def ids(key: str, source: Any) -> set[int]:
                arr = source.get(key) if source is not None else None
                arr = arr.get_object() if arr is not None else []
                return {ref.idnum for ref in arr if hasattr(ref, "idnum")}
            if config.get("/BaseState") == "/OFF":
                hidden = ids("/OCGs", props) - ids("/ON", config)
            else:
                hidden = ids("/OFF", config)
    except Exception as exc:  # a damaged /OCProperties hides nothing
        log.debug("optional content: %s", exc)
    result = frozenset(hidden)
    if pdf is not None:
        try:
            pdf._journal_ingest_hidden_layers = result
        except Exception:
            pass
    return result


def _display_turn(page: Any) -> int:
    """The page's /Rotate (PDF 32000-1 §7.7.3.3: degrees clockwise, a multiple of 90, may
    be inherited) as 0, 90, 180 or 270; 0 for a value that is no multiple of 90."""
    try:
        turn = int(page.rotation) % 360
    except Exception:
        return 0
    return turn if turn in (90, 180, 270) else 0


def _turned(turn: int, crop: tuple[float, float, float, float]) -> tuple:
    """The matrix from user space to the displayed page (origin at its lower left) of a page
    turned `turn` degrees clockwise: a driver or imposition tool that draws the content
    turned and sets /Rotate to show it upright is read as it is shown."""
    llx, lly, urx, ury = crop
    w, h = urx - llx, ury - lly
    turn_m = {90: (0.0, -1.0, 1.0, 0.0, 0.0, w), 180: (-1.0, 0.0, 0.0, -1.0, w, h), 270: (0.0, 1.0, -1.0, 0.0, h, 0.0)}[turn]
    a, b, c, d, e, f = turn_m
    # first move the crop box's corner to the origin, then turn
    return (a, b, c, d, a * -llx + c * -lly + e, b * -llx + d * -lly + f)


def _turned_box(turn: int, box: tuple[float, float, float, float], crop: tuple[float, float, float, float]
                ) -> tuple[float, float, float, float]:
    """A user-space box as it lies on the displayed page (see _turned)."""
    a, b, c, d, e, f = _turned(turn, crop)
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[3]), (box[0], box[3]), (box[2], box[1])):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return min(xs), min(ys), max(xs), max(ys)


def _trim_box(page: Any, crop: tuple[float, float, float, float]) -> tuple[float, float, float, float] | None:
    """The page's TrimBox when it cuts something off the crop box, else None.

    A printer's PDF (what a typesetter sends to print, and often to the editorial office)
    sets each page on a larger sheet: the finished page is its TrimBox (PDF 32000-1
    §14.11.2), and outside it are crop marks and the layout program's slug line (file
    name, page number, date and time: "…-inner.indd 41 2023/6/12 10:15:32"), which would
    be read as a folio, a date or a line of the article."""
    if "/TrimBox" not in page:
        return None
    try:
        box = page.trimbox
        tllx, tlly, turx, tury = (float(v) for v in (box.left, box.bottom, box.right, box.top))
    except Exception:  # a damaged box is no box
        return None
    llx, lly, urx, ury = crop
    if not (turx - tllx > 72 and tury - tlly > 72):
        return None  # (not a page: a box too small to trust)
    tllx, tlly, turx, tury = max(tllx, llx), max(tlly, lly), min(turx, urx), min(tury, ury)
    if tllx - llx < 1 and tlly - lly < 1 and urx - turx < 1 and ury - tury < 1:
        return None  # (the trim box is the crop box)
    return tllx, tlly, turx, tury


def _settle_frames(pages: list[PageText]) -> None:
    """One frame for the document: when the TrimBox runs along the text on at least half the
    pages that have one, it is the type area (版心) and not the finished page, on every page
    (a figure page or a part-page shows less text, but the box is the same): those pages are
    measured from the crop box again."""
    trimmed = [p for p in pages if p.origin != (0.0, 0.0)]
    if not trimmed or sum(p.trim_hugs for p in trimmed) * 2 < len(trimmed):
        return
    for p in trimmed:
        dx, dy = p.origin
        p.lines = [replace(ln, x0=ln.x0 + dx, x1=ln.x1 + dx, y=ln.y + dy,
                           spans=[replace(sp, x0=sp.x0 + dx, x1=sp.x1 + dx, y=sp.y + dy) for sp in ln.spans])
                   for ln in p.lines]
        (p.width, p.height), p.origin = p.sheet, (0.0, 0.0)


def hugs_text(pieces: list[list[Any]], box: tuple[float, float, float, float]) -> bool:
    """Does a TrimBox run along the text on three sides or four (within 3% of its size)?
    Then, with no text outside it, it is the type area (版心) some exporters write as the
    TrimBox, not the finished page, whose margins hold the type area well in from every edge
    (a head or folio 20 pt or more from the edge, the text block further in): the page is
    measured from the crop box."""
    pieces = [p for p in pieces if p[5].strip()]  # (a space glyph may be drawn past the text)
    if not pieces:
        return False
    left, bottom, right, top = box
    x0 = min(p[0] for p in pieces)
    x1 = max(p[1] for p in pieces)
    y0 = min(p[2] - abs(p[3]) * 0.2 for p in pieces)
    y1 = max(p[2] + abs(p[3]) * 0.8 for p in pieces)
    w, h = right - left, top - bottom
    gaps = (x0 - left < 0.03 * w, right - x1 < 0.03 * w, y0 - bottom < 0.03 * h, top - y1 < 0.03 * h)
    return sum(gaps) >= 3


def _inside(piece: list[Any], box: tuple[float, float, float, float]) -> bool:
    """Is a text piece (x0, x1, baseline, size, …) on the trimmed page? A third of its size
    of slack: a glyph set to the edge overhangs it by its side bearing."""
    x0, x1, y, size = piece[0], piece[1], piece[2], piece[3]
    slack = abs(size) / 3
    return box[0] - slack <= x0 and x1 <= box[2] + slack and box[1] - slack <= y <= box[3] + slack


# glyph names printed as text ("/G21/G22/G23"), as a font whose /Differences names glyphs
# with no Unicode meaning gives them
_GLYPH_NAMES = re.compile(r"(?:/[A-Za-z]{1,5}\d+){2,}")
_UNREADABLE_SHARE = 0.5  # of a page's (or line's) visible characters


def _garbage(text: str) -> tuple[int, int, int, str]:
    """(visible characters, unreadable ones, unmapped ones, the main kind) of a text."""
    n = len(text) - len(_SPACE.findall(text))
    names = sum(len(m.group()) for m in _GLYPH_NAMES.finditer(text)) if "/" in text else 0
    unmapped = unmapped_count(text)
    kind = "glyph names instead of letters" if names > unmapped else "private-use or unmapped characters"
    return n, names + unmapped, unmapped, kind


_SPACE = re.compile(r"\s")


def _judge_readability(page: PageText) -> None:
    """Decide per page: a page whose visible characters are mostly glyph names, private-use,
    unmapped or control characters is unreadable; its lines move to `unreadable_lines` so no
    title or abstract is made of them. On a readable page a line that is such garbage alone
    (at least 4 characters, mostly unreadable) is moved there too."""
    n, bad, page.unmapped, kind = _garbage(page.text)
    if n >= _MIN_TEXT_CHARS and bad >= _UNREADABLE_SHARE * n:
        page.unreadable = kind
        page.unreadable_lines, page.lines = page.lines, []
        return
    if not bad:
        return
    keep = []
    for ln in page.lines:
        ln_n, ln_bad, _, _ = _garbage(ln.text)
        (page.unreadable_lines if ln_bad >= 4 and ln_bad >= _UNREADABLE_SHARE * ln_n else keep).append(ln)
    page.lines = keep


def _judge_trust(page: PageText, nchars: int) -> None:
    """Decide per page whether its text layer can be trusted (`PageText.distrust`, a reason):
    an image with no text is a scan; an unreadable page is not trusted; a readable page whose
    CJK statistics are impossible for Chinese prose (a letter-substitution layer) is made
    unreadable too; an OCR layer that fails the plausibility test keeps its lines (they are
    used when no OCR runs) but is not trusted. Cheap: one pass over text already decoded."""
    if nchars < _MIN_TEXT_CHARS:
        page.distrust = "no text layer: an image-only (scanned) page" if page.images else ""
        return
    if page.unreadable:
        page.distrust = f"unreadable text layer: {page.unreadable}"
        return
    from .ocr_trust import distrust_reason

    text = page.text
    ocr_layer = bool(page.lines) and sum(ln.invisible for ln in page.lines) * 2 > len(page.lines)
    page.distrust = distrust_reason(text, ocr_layer, page.unmapped)
    if page.distrust.startswith("letter-substitution"):
        page.unreadable = "letter-substitution text (not Chinese prose)"
        page.unreadable_lines, page.lines = page.unreadable_lines + page.lines, []


def _judge_document_trust(pages: list[PageText]) -> None:
    """Trust decided over the whole document: Latin letters and digits drawn as ASCII
    punctuation on many pages (parsers.ocr_trust.ascii_cipher). Such pages keep their lines
    (their CJK is usable without OCR) but are not trusted."""
    from .ocr_trust import ascii_cipher

    for page, why in zip(pages, ascii_cipher([p.text for p in pages])):
        if why and not page.distrust:
            page.distrust = why


def _read_chunks(path: Path, chunks: list[tuple[int, int]], nprocs: int,
                 read_here: Callable[..., tuple[PageText, int, int]], meanwhile: Callable[[], None] | None,
                 progress: Callable[[int, int], None] | None, n: int,
                 reader: Any = None, inset: tuple[float, float] | None = None) -> list[list[tuple[PageText, int, int]]]:
    import multiprocessing as mp
    from queue import Empty

    forked = "fork" in mp.get_all_start_methods()
    ctx = mp.get_context("fork") if forked else mp.get_context()
    counter = ctx.Value("i", 0)
    out = ctx.Queue()  # put() never blocks a worker while this process is busy reading
    # a forked worker starts from this process's open reader (the file's bytes in memory, its
    # page tree walked: about 20 ms a worker saved); a spawned one opens the file itself
    procs = [ctx.Process(target=_chunk_worker, args=(str(path), chunks, counter, out, reader if forked else None, inset),
                         daemon=True)
             for _ in range(nprocs)]
    for proc in procs:
        proc.start()
    parts: list[list[tuple[PageText, int, int]] | None] = [None] * len(chunks)
    done = 0

    def got(k: int, part: list[tuple[PageText, int, int]]) -> None:
        nonlocal done
        parts[k] = part
        done += len(part)
        if progress:
            progress(done, n)

    try:
        if meanwhile:
            meanwhile()
        while (k := _claim(counter, len(chunks))) is not None:
            got(k, [read_here(i, inset) for i in range(*chunks[k])])
        finished = 0
        while finished < nprocs:
            try:
                item = out.get(timeout=0.5)
            except Empty:
                if any(p.is_alive() for p in procs):
                    continue
                try:  # every worker has exited: what they sent last may still be in the pipe
                    item = out.get(timeout=0.5)
                except Empty:
                    break
            if item is None:
                finished += 1
            elif item[0] < 0:
                raise _error_from(path, item[1])
            else:
                got(*item)
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
            proc.join()
    missing = [chunks[k][0] + 1 for k, part in enumerate(parts) if part is None]
    if missing:
        raise CorruptPdf(path, f"a worker process died before reading page {missing[0]}")
    return parts  # type: ignore[return-value]


def _claim(counter: Any, total: int) -> int | None:
    """The next unread chunk's index, shared by every process reading the file."""
    with counter.get_lock():
        k = counter.value
        if k >= total:
            return None
        counter.value = k + 1
        return k


def _chunk_worker(path: str, chunks: list[tuple[int, int]], counter: Any, out: Any, reader: Any = None,
                  inset: tuple[float, float] | None = None) -> None:
    """Worker process: claim and read chunks until none is left; (k, pages) for each on `out`,
    then None. The file is opened (unless `reader`, the parent's, came with the fork) and its
    fonts parsed once, on the first chunk."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        state: tuple[Any, FontCache] | None = None
        while (k := _claim(counter, len(chunks))) is not None:
            if state is None:
                state = (reader if reader is not None else _open(Path(path)), FontCache())
            reader, fonts = state
            out.put((k, [_read_page(reader, i, fonts, inset) for i in range(*chunks[k])]))
    except BaseException as exc:  # the reader raises; its kind and message travel, not the object
        out.put((-1, _error_payload(exc)))
    finally:
        out.put(None)


def _outline(reader: Any) -> list[OutlineItem]:
    out: list[OutlineItem] = []

    def walk(items: Any, level: int) -> None:
        for it in items:
            if isinstance(it, list):
                walk(it, level + 1)
                continue
            try:
                title = normalize_text(str(it.title or ""))
                page = reader.get_destination_page_number(it)
            except Exception:
                continue
            if page is None or page < 0:
                continue
            out.append(OutlineItem(title=title, page=page + 1, level=level))

    try:
        walk(reader.outline, 1)
    except Exception as exc:
        log.debug("outline: %s", exc)
    return out


def _labels(reader: Any) -> list[str] | None:
    try:
        root = reader.trailer["/Root"].get_object()
        if "/PageLabels" not in root:
            return None
        return list(reader.page_labels)
    except Exception:
        return None


def _info(reader: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        meta = reader.metadata or {}
        for k, v in meta.items():
            try:
                out[str(k).lstrip("/")] = " ".join(str(v.get_object() if hasattr(v, "get_object") else v).split())
            except Exception:
                continue
    except Exception:
        pass
    return out


def _xmp(reader: Any) -> str:
    """The document's XMP packet as text (publishers' metadata: parsers.pdfmeta); "" when
    absent, unreadable or larger than a packet ever is."""
    try:
        ref = reader.trailer["/Root"].get("/Metadata")
        if ref is None:
            return ""
        stream = ref.get_object()
        if int(stream.get("/Length", 0) or 0) > 1024 * 1024:
            return ""
        return stream.get_data().decode("utf-8", "replace")
    except Exception:  # (metadata is evidence, never a reason to refuse the file)
        return ""


def _check_file(path: Path, limits: Limits) -> str:
    """The file's sha256, once it is known to be a regular file within the input limit that
    starts and ends like a PDF (a ZIP, an image or HTML renamed .pdf is named for what it is).
    Read in blocks: a 500 MB file costs 1 MB of memory here. A name that is not UTF-8 is
    refused: it would go into issue.json, the XML and the report, which are UTF-8."""
    try:
        os.fsencode(path.name).decode("utf-8")
    except UnicodeDecodeError:
        raise CorruptPdf(path, "the file name is not UTF-8 (issue.json and the XML would not hold it); "
                               "rename the file") from None
    try:
        st = path.stat()
    except FileNotFoundError:
        raise MissingFile(path, "no such file") from None
    except OSError as exc:
        raise MissingFile(path, f"cannot read: {_one_line(exc)}") from None
    if stat.S_ISDIR(st.st_mode):
        raise MissingFile(path, "is a directory, not a PDF file")
    if not stat.S_ISREG(st.st_mode):
        raise MissingFile(path, "not a regular file (a pipe, device or socket), not a PDF file")
    check_input_size(path, st.st_size, limits)
    if not st.st_size:
        raise CorruptPdf(path, "empty file, not a PDF")
    sha = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
            sha.update(head)
            while block := fh.read(1 << 20):
                sha.update(block)
            fh.seek(max(0, st.st_size - 2048))
            tail = fh.read(2048)
    except OSError as exc:
        raise MissingFile(path, f"cannot read: {_one_line(exc)}") from None
    kind = _other_format(head)
    if kind:
        raise CorruptPdf(path, f"not a PDF: {kind}")
    if b"%PDF-" not in head:
        raise CorruptPdf(path, "not a PDF (no %PDF- header)")
    if b"%%EOF" not in tail:
        raise CorruptPdf(path, "truncated PDF (no %%EOF at the end of the file)")
    return sha.hexdigest()


# what a file that is not a PDF usually is, by its first bytes (a PDF may have up to 1 kB of
# junk before %PDF-, so a file that starts like one of these is one of these)
_MAGIC = ((b"PK\x03\x04", "a ZIP archive (or a Word/EPUB file)"), (b"PK\x05\x06", "an empty ZIP archive"),
          (b"\x1f\x8b", "a gzip file"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"Rar!", "a RAR archive"),
          (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"II*\x00", "a TIFF image"),
          (b"MM\x00*", "a TIFF image"), (b"GIF8", "a GIF image"), (b"\xd0\xcf\x11\xe0", "an old Office document"),
          (b"{\\rtf", "an RTF document"), (b"%!PS", "a PostScript file"), (b"AT&TFORM", "a DjVu file"))


def _other_format(head: bytes) -> str:
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    start = head.lstrip()[:15].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "an HTML or XML page"
    return ""


# ============================================================================================
# limits (parsers.limits): the page's drawing-operation budget and the document's


def _page_allowance() -> tuple[int, int]:
    """(operators, forms) the next page may draw: the per-page limits, the operators capped
    by what is left of the document's."""
    budget = current_budget()
    if budget is None:
        return 1 << 62, 1 << 62
    lim = budget.limits
    return max(0, min(lim.max_page_ops, lim.max_document_ops - budget.ops)), lim.max_page_forms


def _page_done(walker: "_PageWalker") -> None:
    """Count the page's operators towards the document, and raise the first limit that
    tripped while the page was read (a stream too large, however deep pypdf or the font
    code caught it)."""
    budget = current_budget()
    if budget is None:
        return
    budget.ops += _page_allowance()[0] - walker.ops_left
    budget.check()


def _page_ops_over(index: int, what: str) -> IngestError:
    budget = current_budget()
    assert budget is not None
    if what == "loop":  # drawn as written, it never ends (PDFium renders it until memory runs out)
        return CorruptPdf(budget.path, f"page {index + 1}: a form XObject draws itself (a loop)")
    if what == "forms":
        return budget.page_forms_over(index + 1)
    if budget.limits.max_document_ops - budget.ops < budget.limits.max_page_ops:
        return budget.document_ops_over()
    return budget.page_ops_over(index + 1)


def _error_payload(exc: BaseException) -> tuple[str, str]:
    """(error class name, problem) of a worker's exception, to travel through a queue."""
    if isinstance(exc, IngestError):
        return type(exc).__name__, exc.problem
    return "CorruptPdf", f"unreadable page content: {_one_line(exc)}"


def _error_from(path: Path, payload: tuple[str, str]) -> IngestError:
    cls = getattr(errors, payload[0], CorruptPdf)
    return (cls if isinstance(cls, type) and issubclass(cls, IngestError) else CorruptPdf)(path, payload[1])


_FOUNDER_CHARS = re.compile("[摇冶爷野]")


def _document_quirks(pages: list[PageText]) -> None:
    """Founder's pseudo-punctuation fonts are the same on every page of an export, so a page
    that shows the quirk (摇 between Latin letters ...) vouches for the others: a page
    without such evidence of its own ("摘摇要" on a first page with no Latin) is repaired too,
    line by line (the repaired lines are normalised again)."""
    if not any("founder" in p.quirks for p in pages):
        return
    quirks = frozenset({"founder"})
    for page in pages:
        if "founder" in page.quirks:
            continue
        touched = False
        for ln in page.lines:
            if _FOUNDER_CHARS.search(ln.text):
                fixed = normalize_text(repair_quirks(ln.text, quirks))
                if fixed != ln.text:
                    ln.text, touched = fixed, True
                    ln.spans = [Span(normalize_text(repair_quirks(sp.text, quirks)), sp.x0, sp.x1, sp.y, sp.size,
                                     sp.font, sp.sup) for sp in ln.spans]
        if touched:
            page.quirks = tuple(sorted(set(page.quirks) | quirks))


_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_HYPHEN_END = re.compile(r"(?<![A-Za-z]-)(?<=[A-Za-z])([A-Za-z]*)-$")
_LOWER_START = re.compile(r"[a-z]+")


def _soft_line_end_hyphens(pages: list[PageText]) -> None:
    """An English word broken at a line end by automatic hyphenation ("in-" / "dustry") is one
    word when the document prints it unbroken elsewhere ("industry") and never with the
    hyphen inside a line: its hyphen becomes a soft hyphen U+00AD, which line joining drops.
    A compound ("self-" / "identity" with "self-identity" printed elsewhere), or a word the
    document never prints whole, keeps its hyphen."""
    ends = [(page, k) for page in pages for k, ln in enumerate(page.lines[:-1]) if ln.text.endswith("-")]
    if not ends:
        return
    whole: set[str] = set()
    hyphenated: set[str] = set()
    for page in pages:
        for ln in page.lines:
            for w in _WORD.findall(ln.text):
                (hyphenated if "-" in w else whole).add(w.lower())
    for page, k in ends:
        ln, nxt = page.lines[k], page.lines[k + 1]
        m, n = _HYPHEN_END.search(ln.text), _LOWER_START.match(nxt.text)
        if not m or not n:
            continue
        head = ln.text[:m.start(1)].rsplit(None, 1)[-1] if m.start(1) else ""
        tail = (head + m.group(1)).lower()
        if not tail.isalpha() or (tail + n.group()) not in whole or f"{tail}-{n.group()}" in hyphenated:
            continue
        ln.text = ln.text[:-1] + "\u00ad"
        if ln.spans and ln.spans[-1].text.endswith("-"):
            last = ln.spans[-1]
            ln.spans[-1] = Span(last.text[:-1] + "\u00ad", last.x0, last.x1, last.y, last.size, last.font, last.sup)


def _check_some_page_readable(path: Path, pages: list[PageText], after: str = "") -> None:
    """A document none of whose pages is readable, and some of whose pages are unreadable
    text (not blank), is an input error: say so instead of writing garbage."""
    bad = [p for p in pages if p.unreadable]
    if not bad:
        return
    if any(sum(not ch.isspace() for ch in p.text) >= _MIN_TEXT_CHARS for p in pages):
        return
    raise UnreadableText(path, f"unreadable text layer: {bad[0].unreadable} on every page with text "
                               f"({len(bad)} of {len(pages)} pages){after or '; OCR was not run (--ocr never)'}")


def check_readable(doc: Document, after: str = "") -> None:
    """The one-line errors for a document with nothing to read: image-only (no text on any
    page), or unreadable text on every page with text. `after` says what was tried (OCR)."""
    if all(sum(not ch.isspace() for ch in p.text) < _MIN_TEXT_CHARS for p in doc.pages) and any(p.images for p in doc.pages):
        if not any(p.unreadable for p in doc.pages):
            raise NoTextLayer(doc.path, "no text layer: the PDF is image-only (scanned)"
                                        + (after or "; OCR was not run (--ocr never)"))
    _check_some_page_readable(doc.path, doc.pages, after)


def read_document(
    path: str | os.PathLike,
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    meanwhile: Callable[[], None] | None = None,
    limits: Limits | None = None,
    strict: bool = True,
) -> Document:
    """Read the text layer of every page. See the module docstring for the layout rules.

    workers: processes for documents over PARALLEL_MIN_PAGES pages (default: CPU count, max 4;
    1 = read in this process). progress(done_pages, total_pages) is called as pages finish.
    strict: raise NoTextLayer/UnreadableText when no page is readable (False: the caller reads
    the distrusted pages some other way, OCR, then calls `check_readable`).
    meanwhile: work for this process while the workers read (the caller's imports and set-up,
    which would otherwise leave the other cores idle); called exactly once, before returning.
    limits: what the file may cost (default: `Limits.from_env()`); raises
    `errors.LimitExceeded` naming the limit that tripped.
    """
    path = Path(path)
    limits = limits or Limits.from_env()
    sha = _check_file(path, limits)
    with reading(path, limits) as budget:
        doc = _read_document(path, sha, workers, progress, meanwhile, limits, strict)
        budget.check()
        return doc


def _read_document(path: Path, sha: str, workers: int | None, progress: Callable[[int, int], None] | None,
                   meanwhile: Callable[[], None] | None, limits: Limits, strict: bool = True) -> Document:
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = _open(path)
    try:
        n = len(reader.pages)
    except Exception as exc:
        raise CorruptPdf(path, f"page tree unreadable: {_one_line(exc)}") from None
    if n == 0:
        raise CorruptPdf(path, "the PDF has no pages")
    check_page_count(path, n, limits)
    if workers is None:
        workers = min(4, os.cpu_count() or 1)
    workers = max(1, int(workers))

    fonts = FontCache()

    def read_here(i: int, inset: tuple[float, float] | None = None) -> tuple[PageText, int, int]:
        try:
            return _read_page(reader, i, fonts, inset)
        except IngestError:
            raise
        except Exception as exc:
            raise CorruptPdf(path, f"page {i + 1} unreadable: {_one_line(exc)}") from None

    def read_all(inset: tuple[float, float] | None, first: Callable[[], None] | None,
                 report: Callable[[int, int], None] | None) -> list[tuple[PageText, int, int]]:
        """Every page, in `inset`'s frame; `first` is this process's work while the others
        read (`meanwhile`), `report` the progress callback (both only on the first reading)."""
        if workers == 1 or n <= PARALLEL_MIN_PAGES:
            if first:
                first()
            read = []
            for i in range(n):
                read.append(read_here(i, inset))
                if report:
                    report(i + 1, n)
            return read
        # workers-1 processes and this one claim chunks from one shared counter (each process
        # opens the file and parses its fonts once); this process first does its `meanwhile`
        # work, so it claims fewer: the work balances itself whatever `meanwhile` costs
        # (eight chunks a process: the one that finishes first waits at most a small chunk for
        # the other, about 30 ms at 3 ms a page, half what four chunks a process left idle)
        size = max(8, -(-n // (workers * 8)))
        chunks = [(a, min(a + size, n)) for a in range(0, n, size)]
        parts = _read_chunks(path, chunks, workers - 1, read_here, first, report, n, reader, inset)
        return [r for part in parts for r in part]

    results = read_all(None, meanwhile, progress)
    labels = _labels(reader)
    pages = []
    for k, (pt, _, _) in enumerate(results):
        if labels is not None and k < len(labels):
            pt.label = labels[k]
        pages.append(pt)
    _settle_frames(pages)
    # (imported here: frames needs the layout rules (parsers.pages and what it imports), which
    # the reading processes never need and which this one imports meanwhile, while they read)
    from .frames import inset_by_furniture

    framed = inset_by_furniture(pages)
    if framed is not None:  # (no TrimBox, and the folios and heads further in than the margin share)
        dx, dy, which = framed
        again = read_all((dx, dy), None, None)  # (read as the first time: the pages of that size kept)
        for k in which:
            again[k][0].label = pages[k].label
            results[k], pages[k] = again[k], again[k][0]
    _judge_document_trust(pages)
    if strict:
        if all(nc < _MIN_TEXT_CHARS for _, nc, _ in results) and any(im for _, _, im in results):
            raise NoTextLayer(path, "no text layer: the PDF is image-only (scanned); OCR was not run (--ocr never)")
        _check_some_page_readable(path, pages)
    _document_quirks(pages)
    _soft_line_end_hyphens(pages)
    return Document(path=path, sha256=sha, page_count=n, pages=pages, outline=_outline(reader), info=_info(reader),
                    xmp=_xmp(reader))
