"""Re-join text that typesetting broke into lines: one rule for every field."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache, reduce

from parsers.citations import join_lines as join_pair


def join_lines(lines: list[str]) -> str:
    """Join printed lines with `citations.join_lines` (no space where CJK meets CJK or a
    URL breaks, else one space), skipping blank lines; English line ends as `join_english`."""
    return reduce(join_english, (ln for ln in lines if ln.strip()), "")


# English line ends `citations.join_lines` does not know (Chicago Manual of Style 7.88-7.89,
# 6.85; house styles that close up dashes):
# - a suspended hyphen ("pre- and post-sowing", "two- to threefold") keeps the space after it:
#   the line broke at that space, before the connective;
# - a hyphen between a letter and a digit ("COVID-" / "19", "pre-" / "2010") is the compound's
#   own: a line break at a hyphen never takes a space away;
# - a closed em or en dash ending a line ("yield—" / "the", "soil–" / "plant") joins the words
#   it touches; a spaced one ("season –" / "and") keeps its spaces. (A line that opens with a
#   dash is left alone: it may open a subtitle, "—Taking Zhejiang Province as an Example".)
_SUSPENDED = re.compile(r"(?<![^\W\d_])[A-Za-z]+-$")
_CONNECTIVE = re.compile(r"(?:and|or|nor|to)\s")
_CLOSED_DASH_END = re.compile(r"[A-Za-z)\]][\u2013\u2014]$")


def join_english(prev: str, nxt: str) -> str:
    """`citations.join_lines`, with the English line ends above settled first."""
    p, n = prev.rstrip(), nxt.strip()
    if p and n:
        if _SUSPENDED.search(p) and _CONNECTIVE.match(n):
            return f"{p} {n}"
        if p[-1] == "-" and len(p) > 1 and p[-2].isascii() and p[-2].isalpha() and n[0].isdigit():
            return p + n
        if _CLOSED_DASH_END.search(p) and n[0].isascii() and n[0].isalnum():
            return p + n
    return join_pair(prev, nxt)


# ------------------------------------------------------------------ English line-end hyphens
# a word broken at a line end with a hyphen (ASCII, U+2010 or the non-breaking U+2011 some
# typesetters use) and continued in lower case on the next line
_LINE_END_HYPHEN = re.compile(r"([^\W_]+)[-\u2010\u2011]$")
_LINE_START_WORD = re.compile(r"^([a-z][^\W\d_]*)")
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*")
# typographic ligatures and compatibility letters a text layer may hand over as one glyph
# (not the micro sign: a text face's U+00B5 is the publisher's micro sign, and a Greek font's
# mu is made U+03BC where the text layer knows the font, parsers.textlayer._GREEK_FONT)
_COMPAT = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                         "\ufb05": "st", "\ufb06": "st", "\u2011": "-"})


# a glyph the text layer could only name: "/T_h" (Adobe glyph naming: components joined by
# "_" make a ligature) or "/C1" (a TeX math-symbol font glyph named by its code; cmsy codes
# 0-7 are − · × ∗ ÷ ⋄ ± ∓)
_NAMED_LIGATURE = re.compile(r"/((?:[A-Za-z]_)+[A-Za-z])(?=[a-z]|\b)")
_CMSY = re.compile(r"/[Cc]([0-7])(?!\d)")
_CMSY_CHARS = "−·×∗÷⋄±∓"


def plain_letters(text: str) -> str:
    """Ligatures spelled out (ﬁ → fi, /T_h → Th), the non-breaking hyphen as a hyphen, TeX symbol glyphs named by code as the
    symbol: the characters a publisher's XML carries for the glyphs."""
    text = _NAMED_LIGATURE.sub(lambda m: m.group(1).replace("_", ""), text.translate(_COMPAT))
    text = _SPACED_APOSTROPHE.sub(r"\1\2", text)
    return _CMSY.sub(lambda m: _CMSY_CHARS[int(m.group(1))], text)


# an apostrophe the text layer set apart as a glyph run of its own ("People ’ s Hospital")
_SPACED_APOSTROPHE = re.compile(r"(?<=[^\W\d_])\s?([’])\s(s|t|re|ll|ve|d|m)\b")


def line_end_breaks(lines: list[str]) -> set[tuple[str, str]]:
    """The (left, right) halves of words broken over two printed lines with a hyphen."""
    out = set()
    for prev, nxt in zip(lines, lines[1:]):
        a, b = _LINE_END_HYPHEN.search(prev.rstrip()), _LINE_START_WORD.match(nxt.strip())
        if a and b:
            out.add((plain_letters(a.group(1)), b.group(1)))
    return out


def vocabulary(lines: list[str]) -> Counter[str]:
    """How often each word (hyphenated compounds whole, lower case) is printed in `lines`;
    the halves of a word broken at a line end are not words of their own."""
    counts: Counter[str] = Counter()
    drop_first = False
    for k, line in enumerate(lines):
        tokens = _WORD.findall(plain_letters(line))
        if drop_first and tokens:
            tokens = tokens[1:]
        broken = k + 1 < len(lines) and bool(_LINE_END_HYPHEN.search(line.rstrip())) \
            and bool(_LINE_START_WORD.match(lines[k + 1].strip()))
        if broken and tokens:
            tokens = tokens[:-1]
        drop_first = broken
        counts.update(w.lower() for w in tokens)
    return counts


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """A general English word list (pyspellchecker's, shipped inside its wheel: no download
    at run time), for line-end breaks whose joined word the article prints nowhere else."""
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="en", distance=1).word_frequency.dictionary)


# the short words that link the parts of a compound (difference-in-differences, state-of-the-art,
# face-to-face, all-or-none)
COMPOUND_LINKS = frozenset({"in", "of", "to", "the", "and", "or", "on", "by", "for", "at", "per", "a", "over", "under"})


def dehyphenate(text: str, breaks: set[tuple[str, str]], words: Counter[str] | set[str]) -> str:
    """Undo line-end hyphenation in `text`, a field joined from printed lines.

    A hyphen that only broke a word for the line goes ("allo-dynia" → "allodynia") when the
    joined word is printed whole in the article or is an English word, and the hyphenated
    form is not printed mid-line; a compound keeps it ("multi-season"). A hyphen after a
    digit is part of a chemical or numeric name ("2-phenylindole"): kept, with no space."""
    for left, right in sorted(breaks):
        if left.lower() in COMPOUND_LINKS and right.lower() in english_words():
            # (the link word of a compound, "difference-in-" / "differences": the break fell at
            # the compound's own hyphen; no hyphenation leaves a link word after a hyphen)
            text, linked = re.subn(rf"(?<=[-\u2010\u2011]){re.escape(left)}([-\u2010\u2011])\s?{re.escape(right)}"
                                   r"(?![^\W\d_])", lambda m: f"{left}{m.group(1)}{right}", text)
            if linked:
                continue
        if left[-1:].isdigit():
            text = re.sub(rf"(?<![\w]){re.escape(left)}-\s+{re.escape(right)}(?![^\W\d_])", f"{left}-{right}", text)
            continue
        joined = (left + right).lower()
        if f"{left}-{right}".lower() in words or (joined not in words and joined not in english_words()):
            continue
        text = re.sub(rf"(?<![^\W\d_]){re.escape(left)}[-\u2010\u2011]\s?{re.escape(right)}(?![^\W\d_])",
                      left + right, text)
    return text


def mended_ligatures(text: str, words: Counter[str]) -> str:
    """Join a word a text layer split after a ligature glyph ("eff ect" → "effect") when the
    whole word is printed at least twice as often in the article as the first half alone."""
    def fix(m: re.Match) -> str:
        whole = m.group(1) + m.group(2)
        return whole if words[whole.lower()] >= 2 * max(words[m.group(1).lower()], 1) else m.group(0)
    return re.sub(r"(?<![^\W\d_])([^\W\d_]*(?:ff|fi|fl))\s([a-z]+)", fix, text)


# ------------------------------------------------------------------ the publisher's hyphen
# a hyphen between two word characters, in a word that is no link, address or identifier
_WORD_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W_])")
_LINKISH = re.compile(r"/|@|www\.|^doi:|^10\.\d", re.I)


def house_apostrophes(text: str, apostrophe: str) -> str:
    """`text` with each apostrophe inside a word ("tulsi’s") as the publisher registers it; a
    quote's closing mark after a word and before a space stays as printed."""
    return re.sub(r"(?<=[^\W\d_])[\u2019\u02bc](?=[^\W\d_])", apostrophe, text)


def house_hyphens(text: str, hyphen: str = "\u2010") -> str:
    """`text` with its word hyphens as the publisher registers them (U+2010 HYPHEN in Wiley's
    XML: `layouts/publishers.toml`) where the page draws the same glyph for both; links,
    addresses and identifiers keep theirs."""
    return " ".join(w if _LINKISH.search(w) else _WORD_HYPHEN.sub(hyphen, w) for w in text.split(" "))
