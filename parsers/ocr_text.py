"""Repairs of what an OCR engine reads, applied to each box's text before layout.

PP-OCR's Chinese recognition model reads Latin text well letter by letter but often drops
the spaces between words ("aremultiplereasonsfor", "OUYANGMingyuan") and glues the fields of
a metadata line together ("06-0015-02中图分类号", "文献标志码：ADOI:"). The repairs:

* a label of the front matter (GB/T 7713.2: 中图分类号, 文献标识码, 文章编号, DOI) glued to
  the value before it gets its space back, so the label pass finds it;
* Latin words: a space where the case changes inside a token (betweenJapan, NATOStrategic,
  OUYANGMingyuan), after a comma or semicolon between words, and a run of lower-case letters
  that is no word is split into the likeliest words of an English word list with
  frequencies (pyspellchecker's, inside its wheel), as wordninja does with Zipf costs;
  tokens that look like URLs, e-mail addresses or DOIs are never touched;
* an apostrophe between a lower-case letter and a capital ("Mingyuan'SIMA Qing"): English
  puts none there (possessives and contractions go on in lower case, O'Brien has one capital
  before it); it is a raised affiliation mark and its comma, read as one stroke, so a
  byline's names get their separator back (", "); and one after a capitalised name and
  before the comma that leads to the next capitals-surname name ("Mingyuan', SIMA Qing": a
  GB/T 28039 pinyin byline) is that raised mark alone, not a possessive (those follow a
  lower-case plural, "students',"), so it goes;
* GB/T 15834 punctuation never stacks a colon on a full stop or comma ("入场券”：。"): the
  colon is dust the recogniser read; and a single quote closing a double quote it opened
  ("“Asia-Pacificization'") is that double quote's closing half, its second stroke lost;
* a space after the hyphen of a GB/T 28039 hyphenated given name ("CHEN Zong- ji."): the
  recogniser's gap, not a printed one (a suspended hyphen, "pre- and post-", goes on with
  a word, not a name's end);
* classic confusions in context: the dash of an open year range read as 一 (1985一）),
  a subtitle's ——以…为例 read as 一以, digit 0 between capitals (EB/0L).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

_LABEL_GLUE = re.compile(r"(?<=[^\s（(【\[［])(?=中图分类号|文献标[识志]码|文章编号|DOI\s*[:：]|doi\s*[:：])")
_YEAR_DASH = re.compile(r"(?<=\d{4})[一－](?=\s*[）)])|(?<=\d{4})一(?=\d{2,4}\b)")
_SUBTITLE = re.compile(r"^[一－—]{1,2}(?=以)")
_ZERO_IN_CAPS = re.compile(r"(?<=[A-Z]/)0(?=[A-Z])|(?<=[A-Z])0(?=[A-Z])")
_URLISH = re.compile(r"/|@|www\.|https?|\.(?:com|org|net|int|gov|edu|cn|jp|pdf|html?)\b|\d\.\d|10\.\d{4}", re.I)
_TOKEN = re.compile(r"\S+")
_CASE_LOWER_UPPER = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z]|[A-Z]{2})")
_CAPS_LOWER = re.compile(r"(?<![A-Za-z])([A-Z]{2,})([a-z]{2,})")
_PUNCT_GLUE = re.compile(r"(?<=[A-Za-z]{2}[,;])(?=[A-Za-z]{2})|(?<=[A-Za-z]{2}:)(?=[a-z]{2})|(?<=[A-Za-z,.])(?=“)|(?<=”)(?=[A-Za-z])")
_DOT_GLUE = re.compile(r"(?<=[a-z]{2})\.(?=[a-z]{2})")
_LOWER_RUN = re.compile(r"(?<![A-Za-z])[a-z]{6,}")
_MARK_AS_APOSTROPHE = re.compile(r"(?<=[a-z]{2})['’‘](?=[A-Z])")
_MARK_BEFORE_COMMA = re.compile(r"\b([A-Z][a-z]+(?:-[a-z]+)?)['’‘`](?=\s*[,，]\s*[A-Z]{2,}\s?[A-Z][a-z])")
_STACKED_COLON = re.compile(r"[：:](?=[。，；])")
_HALF_CLOSED_QUOTE = re.compile(r"(?<![A-Za-z])([“\"][^”\"'’]{1,80}?[A-Za-z])['’](?=\s|[,.;:，。；]|$)(?![^\"”]*[\"”])")
_NAME_HYPHEN_GAP = re.compile(r"\b([A-Z][a-z]{1,5})-\s+(?=[a-z]{1,6}\s*(?:[,，.;；]|$))")
# GB/T 7713.2 front-matter labels a CNKI-era page prints in brackets ([摘 要], ［关键词］)
_BRACKET_LABEL = re.compile(r"[\[［【〔〖「『]\s*(摘\s*要|关\s*键\s*词|中图分类号|文献标[识志]码|文章编号|DOI|收稿日期|基金项目|作者简介)"
                            r"\s*[\]］】〕〗」』|lI1]")
# ... or whose closing bracket the recogniser lost ("【摘 要 语言与…"): the label then runs into
# its value after a space
_BRACKET_LABEL_OPEN = re.compile(r"^([\[［【〔〖])\s*(摘\s*要|关\s*键\s*词|中图分类号|文献标[识志]码|文章编号|收稿日期|基金项目|作者简介)"
                                 r"(?:\s+|(?=[\u4e00-\u9fff]))(?![\]］】〕〗」』])")
_CLOSE = {"[": "]", "［": "］", "【": "】", "〔": "〕", "〖": "〗"}
_DOI_LABEL_MISREAD = re.compile(r"\b(?:D[O0][1lI|]|D0I)(?=\s*[\]］】:：])")
_DOI_RUN = re.compile(r"(?<![0-9.])10\.\s?\d{4,9}\s?/[A-Za-z0-9.\-_;()/: ]+")
# a byline's raised mark (①, *, **) read as a half-width ? or " right after a name: GB/T 15834
# prose puts a full-width ？ or “” there, never a straight one between a name and the next
_MARK_AS_PUNCT = re.compile(r"(?<=[\u4e00-\u9fff])[?\"](?=\s*[①-⑳*]|\s+[\u4e00-\u9fff]{2,4}(?:\s|$|[①-⑳?\"*\d]))")
_TWO_LETTER = frozenset("of to in is on at by an as be or it we us no so do if up my he me".split())
_MAX_WORD = 24


@lru_cache(maxsize=1)
def _costs() -> dict[str, float]:
    try:
        from spellchecker import SpellChecker
    except ImportError:  # pragma: no cover - a dependency
        return {}
    freq = SpellChecker(language="en").word_frequency.dictionary
    words = {w: c for w, c in freq.items() if w.isalpha() and w.islower() and c >= 5
             and (len(w) > 2 or w in _TWO_LETTER or w == "a")}
    total = sum(words.values())
    return {w: math.log(total / c) for w, c in words.items()}


def split_words(run: str) -> str:
    """A run of lower-case letters as the likeliest sequence of dictionary words (each word
    costs -log of its frequency, plus a fixed cost so fewer, longer words win), or the run
    unchanged when it is a word already or cannot be covered by words."""
    costs = _costs()
    if not costs or run in costs:
        return run
    n = len(run)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(math.inf, 0)] * n
    for i in range(1, n + 1):
        for j in range(max(0, i - _MAX_WORD), i):
            c = costs.get(run[j:i])
            if c is not None and best[j][0] + c + 4.0 < best[i][0]:
                best[i] = (best[j][0] + c + 4.0, j)
    if math.isinf(best[n][0]):
        return run
    words = []
    i = n
    while i > 0:
        j = best[i][1]
        words.append(run[j:i])
        i = j
    return " ".join(reversed(words))


def _caps_then_lower(m: re.Match) -> str:
    """NATOStrategic -> NATO Strategic, OUYANGMingyuan -> OUYANG Mingyuan (the last capital
    starts the next word), but NATOhopes -> NATO hopes (the lower-case part is a word)."""
    caps, low = m.group(1), m.group(2)
    costs = _costs()
    first = split_words(low).split(" ")[0]
    if (low in costs and low not in _PINYIN_FINALS) or (len(first) >= 4 and first in costs):
        return f"{caps} {low}"
    return f"{caps[:-1]} {caps[-1]}{low}"


# pinyin finals that are also English word-list entries: SIMAQing is SIMA Qing, not SIMAQ ing
_PINYIN_FINALS = frozenset("ing ang ong eng ian iang uan uang ao ai ei ou un an en in ia ie iu ui uo".split())


_CAP_RUN = re.compile(r"(?<![A-Za-z])([A-Z])([a-z]{5,})(?![A-Za-z])")
_GLUED_FUNCTION = ("of", "on", "and", "the", "in", "for", "to", "with", "at", "by", "from")


def _cap_run(m: re.Match) -> str:
    """A capitalised run that is no word but a word of four letters or more followed by a
    preposition, article or conjunction ("Committeeon", "Reviewof"): the engine dropped the
    space before the small word. Anything else (names, "Stillwell", words the list lacks)
    stays as read."""
    run = (m.group(1) + m.group(2)).lower()
    costs = _costs()
    if run in costs:
        return m.group()
    for small in _GLUED_FUNCTION:
        head = run[:-len(small)]
        # (names end in -on, -in, -to more often than English runs a long word into them:
        # Chesson, Dervin; so after those only a word of eight letters or more)
        if run.endswith(small) and len(head) >= (8 if small in ("on", "in", "to", "at", "by") else 4) and head in costs:
            return f"{m.group()[:len(head)]} {small}"
    return m.group()


def _latin(token: str) -> str:
    if _URLISH.search(token) or not re.search(r"[A-Za-z]{2}", token):
        return token
    token = _CAP_RUN.sub(_cap_run, token)
    token = _CASE_LOWER_UPPER.sub(" ", token)
    token = _CAPS_LOWER.sub(_caps_then_lower, token)
    token = _PUNCT_GLUE.sub(" ", token)
    token = _DOT_GLUE.sub(" ", token)
    return _LOWER_RUN.sub(lambda m: split_words(m.group()), token)


def _doi_run(m: re.Match) -> str:
    """A DOI as printed, without the gaps the recogniser read into it: no space follows or
    precedes its dots, slashes and hyphens (a DOI holds no whitespace, DOI Handbook 2.5),
    and a space left between two letters or digits before more of the DOI is its lost dot
    (the smallest glyph of the line; ``j. cnki 22-1062/c.`` is ``j.cnki.22-1062/c.``)."""
    run = m.group()
    tail = len(run) - len(run.rstrip())
    doi = re.sub(r"\s*([./\-])\s*", r"\1", run.rstrip())
    parts = doi.split(" ")
    if len(parts) > 1:
        # a space is inside the DOI only while what follows still looks like one
        keep = [parts[0]]
        for i, part in enumerate(parts[1:], 1):
            if re.search(r"[./]", "".join(parts[i:])) and re.match(r"[A-Za-z0-9]", part) and re.search(r"[A-Za-z0-9]$", keep[-1]):
                keep.append("." + part)
            else:
                keep.append(" " + part)
        doi = "".join(keep)
    return doi + " " * tail


# a line opening with a bracketed Chinese note or label ([责任编辑：…], [收稿日期]): GB/T 15834
# sets brackets around Chinese text full-width, the recogniser reads them half-width
_HALF_BRACKET_NOTE = re.compile(r"^\[(?=[\u4e00-\u9fff]{2})([^\[\]［］]{1,40})\]")


# GB/T 15834: Chinese text takes full-width punctuation; a half-width comma, semicolon,
# colon, question or exclamation mark between ideographs (or after a closing bracket and
# before one) is the recogniser's reading of the full-width mark, whose ink is the same
_HALF_PUNCT = re.compile(r"(?<=[\u4e00-\u9fff）)])[,;:?!](?=[\u4e00-\u9fff])")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


# a host name holds no spaces (RFC 1035 labels joined by dots): the recogniser's gap after a
# dot in "transonline. org. cn/…" or "docs. example. com" goes when the labels end in a
# top-level domain a cited address ends in
_HOST_GAP = re.compile(r"(?<=[a-z0-9])\.\s+(?=(?:[a-z0-9-]+\.\s?)*(?:com|org|net|edu|gov|int|cn|uk|io|info)(?:[/:.]|\s|$))")


def _bracket_label(m: re.Match) -> str:
    """A bracketed label with a bracket half read as another shape gets the full-width pair;
    one printed in a pair of real brackets stays as printed."""
    whole = m.group()
    if whole[0] in "[［【〔〖" and whole[-1] in "]］】〕〗":
        return whole
    return f"［{m.group(1)}］"


# a parenthesis pair is one width (GB/T 15834: full-width around Chinese text): the recogniser
# reads one half of "（淳安 311700）" half-width, and a pair of mixed halves is the full-width pair
_MIXED_PARENS = re.compile(r"（([^（）()]*)\)|\(([^（）()]*)）")


# GB/T 7713.2 units end on a six-digit postcode; the next numbered unit ("2. 河北省…") run
# onto it by the recogniser ("保定 0710002. 河北省") gets its space back
_POSTCODE_GLUE = re.compile(r"(?<=[\u4e00-\u9fff]\s)(\d{6})(\d{1,2}[.．、])(?=\s*[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(\d{6})(\d{1,2}[.．、])(?=\s*[\u4e00-\u9fff])")


# a CAJ-CD B/T 1 article number (ISSN(year)issue-first page-page count: 4 and 2 digits)
# whose last hyphen the recogniser lost ("…S0-000115")
_ARTICLE_NO_GLUE = re.compile(r"(\d{4}-\d{3}[\dXx]\s*[（(]\s*(?:19|20)\d\d\s*[)）]\s*[A-Za-z]?\d{1,2}\s*-\s*)(\d{4})(\d{2})(?!\d)")


def repair(text: str) -> str:
    """One box's text with the repairs above."""
    text = _ARTICLE_NO_GLUE.sub(r"\1\2-\3", text)
    text = _POSTCODE_GLUE.sub(lambda m: f"{m.group(1) or m.group(3)} {m.group(2) or m.group(4)}", text)
    text = _MIXED_PARENS.sub(lambda m: f"（{m.group(1) if m.group(1) is not None else m.group(2)}）", text)
    text = _HOST_GAP.sub(".", text)
    text = _HALF_PUNCT.sub(lambda m: _FULL[m.group()], text)
    text = _HALF_BRACKET_NOTE.sub(r"［\1］", text)
    text = _DOI_LABEL_MISREAD.sub("DOI", text)
    text = _BRACKET_LABEL.sub(_bracket_label, text)
    text = _BRACKET_LABEL_OPEN.sub(lambda m: f"{m.group(1)}{m.group(2)}{_CLOSE[m.group(1)]}", text)
    text = _DOI_RUN.sub(_doi_run, text)
    text = _MARK_AS_PUNCT.sub("", text)
    text = _LABEL_GLUE.sub(" ", text)
    text = _YEAR_DASH.sub("—", text)
    text = _SUBTITLE.sub("——", text)
    text = _ZERO_IN_CAPS.sub("O", text)
    text = _MARK_AS_APOSTROPHE.sub(", ", text)
    text = _STACKED_COLON.sub("", text)
    text = _NAME_HYPHEN_GAP.sub(r"\1-", text)
    text = _HALF_CLOSED_QUOTE.sub(lambda m: m.group(1) + ("”" if m.group(1)[0] == "“" else '"'), text)
    if re.search(r"[A-Za-z]{2}", text):
        text = _TOKEN.sub(lambda m: _latin(m.group()), text)
        text = _MARK_BEFORE_COMMA.sub(r"\1", text)
    return text
