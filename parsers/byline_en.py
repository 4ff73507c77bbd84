"""Bylines and affiliations of English-language articles, read from positioned spans.

Western bylines print affiliation marks as superscripts glued to each name
(``Jianbo Li^a,b, Naya Huang^a,b … and Fengxian Huang^a,b``); the text layer flags those
runs (`Span.sup`), which is the only safe way to tell a mark "a" from a name's last letter.
Names are separated by commas, "and", "&" or middle dots; ORCID icons and other glyphs
drawn from symbol fonts are not letters and are dropped.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING

from parsers import names
from parsers.joining import plain_letters
from parsers.names import CAPITAL_PARTICLES, HISPANIC_SURNAMES, SURNAME_PARTICLES

if TYPE_CHECKING:  # pragma: no cover
    from parsers.textlayer import Line

_MARK_TEXT = re.compile(r"^[\s\dA-Za-z,*†‡§¶#∗✉✝⁎∥‖⊥]{1,16}$")
_BY = re.compile(r"^\s*(?:By|BY|by)\s+")
# academic degrees and titles printed after names ("MD, PhD"), as data
DEGREES = ("MD", "PhD", "Ph.D.", "MSc", "M.Sc.", "BSc", "B.Sc.", "MPH", "MBBS", "MBChB", "DVM", "DDS", "DMD", "RN", "BSN",
           "MSN", "MA", "MS", "BS", "BA", "MBA", "MPhil", "DPhil", "DrPH", "FRCP", "FRCS", "FRCPC", "FACP", "FACS", "MRCP",
           "Jr", "Jr.", "Sr", "Sr.", "II", "III", "Prof", "Prof.", "Dr", "Dr.", "PharmD", "DSc", "MD-PhD", "MD PhD")
_DEGREE = re.compile("|".join(re.escape(d) for d in sorted(DEGREES, key=len, reverse=True)))
# names are separated by commas, semicolons, middle dots, vertical bars (a layout that sets
# authors apart with rules), "&" and "and"
# degrees printed after a name without a comma: only those no surname is spelled like
# ("MA", "MS" may be a surname in capitals)
_TRAILING_DEGREES = re.compile(r"(?:\s+(?:MD|Ph\.?D\.?|M\.?Sc\.?|B\.?Sc\.?|MPH|MBBS|DVM|DDS|DMD|FRCP|FRCS|FRCPC|FACP|FACS|"
                               r"PharmD|DSc|MPhil|DPhil|MBChB|MRCP|MBA|DrPH|Jr|Sr|II|III|IV)\.?,?)+$")
# the ORCID icon, when a text layer reads its glyphs as the letters "iD"
_ORCID_ICON = re.compile(r"(?<![^\W\d_])iD(?![^\W\d_])")
_SEPARATORS = re.compile(r"\s*(?:[,;·•|]|&|\b(?:and|AND)\b)\s*")
_ENDS_WITH_SEPARATOR = re.compile(r"(?:[,;·•|&]|\b(?:and|AND))\s*$")
# (PLOS: ☯ equal contribution, ¤ current address)
_CORRESPONDENCE_MARKS = "*†‡§¶#∗✉✝⁎☯¤∥‖⊥"
# a post-nominal printed after a name and a comma that DEGREES does not list: a board or
# fellowship in capitals ("SBFM", "FRCSC", "MRCS(Ed)", "ABIM", "SSC-Psych"); a name is never
# a lone word in capitals (looks_like_name), so a lone capitals word after a name is this
_CREDENTIAL = re.compile(r"(?:[A-Z]{2,}[a-z]{0,5}\.?|[A-Z]\.){1,4}(?:[\-/][A-Z][A-Za-z]{1,6})?(?:\([A-Za-z]{1,6}\))?")
# a title before a name
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\.?\s+(?=[A-Z])")
# a word of a printed name: Capitalised (accents, hyphens, apostrophes), or an initial "M." / "A"
# (hyphens ASCII, U+2010 or U+2011; an elided particle before a capital: d’Alessandro, dell’Orto)
_NAME_WORD = re.compile(r"^(?:(?:[a-z]{1,4}['’])?[A-ZÀ-ÞĀ-ſ][^\W\d_]*(?:['’‐‑\-][^\W\d_]+)*\.?|[A-Z]\.(?:-?[A-Z]\.)*)$")
_NOT_NAME = re.compile(r"\b(?:University|Universit[éä]|Institute|Department|Hospital|College|School|Center|Centre|"
                       r"Laboratory|Faculty|Division|Abstract|Introduction|Keywords|Received|Accepted|Open|Access|Review|"
                       r"Article|Journal|Research|Study|Email|Correspondence|Vol|Issue|"
                       # (a structured abstract's sub-heads, set alone under an unlabelled byline)
                       r"Background|Objectives?|Purpose|Methods|Results|Conclusions?|Summary|Synopsis|Highlights)\b", re.I)


def _is_mark_span(span, line: "Line") -> bool:
    """A superscript affiliation/correspondence mark (or one set much smaller than the name)."""
    text = span.text.strip()
    if not span.sup and re.search(r"[A-Z]", text) and not re.search(r"[a-z\d]", text):
        return False  # (small capitals on the baseline, "J" + "AN VAN DER", "D" + "E": a name's letters)
    return bool(text) and bool(_MARK_TEXT.match(text)) and (span.sup or span.size < line.size * 0.8)


def _clean(text: str) -> str:
    """Drop glyphs that are not part of a name (ORCID icons, private-use symbols)."""
    text = re.sub(r"[\ue000-\uf8ff\u25a0-\u25ff\u2709]", " ", text)
    text = text.replace("\u2011", "-")
    return re.sub(r"\s+", " ", text).strip()


def marked_names(line: "Line") -> list[tuple[str, list[str]]]:
    """``[(name, marks)]`` of one byline line, or [] when any part is not a name.

    Marks come from superscript spans; without spans, trailing digits and note signs
    glued to a name are its marks."""
    pieces: list[tuple[str, str]] = []  # (kind, text): kind "t" text, "m" mark
    spans = line.spans or []
    if spans:
        prev = None
        icon = False
        for sp in spans:
            if sp.text.strip() == "iD" and sp.size < 0.5 * line.size:
                icon = True  # (an ORCID icon drawn as text, in the gap after a name: no mark, no letters)
                continue
            kind = "m" if _is_mark_span(sp, line) else "t"
            if kind == "t" and pieces and pieces[-1][0] == "t":
                # one name may be drawn in several runs ("Shahira H." + "EL-Moslamy"): a run
                # continues the text before it, with a space where the page leaves a gap
                joined = pieces[-1][1].rstrip() + " " + sp.text.lstrip()
                gap = " " if joined in line.text or icon else ""
                if prev is not None and sp.x0 - prev.x1 > 2.5 * line.size:
                    # author blocks set side by side (IEEE, ACM, conference layouts): names set
                    # apart by a wide space alone, no comma or "and" between them
                    gap = ", "
                pieces[-1] = ("t", pieces[-1][1] + gap + sp.text)
            else:
                pieces.append((kind, sp.text))
            prev, icon = sp, False
    else:
        for m in re.finditer(r"([^\d*†‡§¶#∗]+)|([\d*†‡§¶#∗,]+)", line.text):
            pieces.append(("t", m.group(1)) if m.group(1) else ("m", m.group(2)))
    out: list[tuple[str, list[str]]] = []
    inverted = _inverted(" ".join(t for k, t in pieces if k == "t"))
    for kind, text in pieces:
        if kind == "m":
            if out:  # "1,2" → 1, 2; "1§" / "1,*" → 1 and the correspondence sign apart
                out[-1][1].extend(mark_tokens(text))
            continue
        text = _BY.sub("", _clean(text)) if not out else _clean(text)
        text = _GLUED_INITIALS.sub(r"\1 ", text)
        text = text.translate(_SUPERSCRIPT_DIGITS)  # "Doe¹" is "Doe" with mark 1
        text = _ORCID_ICON.sub(" ", text)
        # marks set in text type, glued to a name: "Smith1,2*" (digits right after letters)
        for seg in re.split(rf"((?<=[^\W\d_])\d{{1,2}}(?:\s*,\s*\d{{1,2}})*[{_CORRESPONDENCE_MARKS}]*)", text):
            if re.fullmatch(rf"\d{{1,2}}(?:\s*,\s*\d{{1,2}})*[{_CORRESPONDENCE_MARKS}]*", seg or "-"):
                if out:
                    out[-1][1].extend(mark_tokens(seg))
                continue
            # correspondence signs printed in text type right after a name are marks too
            trail = re.search(rf"[{_CORRESPONDENCE_MARKS}]+\s*$", seg)
            parts = _SEPARATORS.split(seg)
            if inverted:
                # names printed inverted ("Kowalski, Anna; Okafor, Brian"): the semicolons
                # set the names apart, the comma inside each is the name's own
                parts = [p for p in re.split(r"\s*;\s*|\s+(?:and|&)\s+", seg)]
            for k, part in enumerate(parts):
                part = part.strip(f" {_CORRESPONDENCE_MARKS}")
                if not part:
                    continue
                if _DEGREE.fullmatch(part) or (out and k and _CREDENTIAL.fullmatch(part) and not _PINYIN.fullmatch(part.lower())):
                    continue  # "Seong Ho Park, MD, PhD", "Khalid Alghamdi, MBBS, SBFM": degrees are not names
                if out and _LETTER_MARK.fullmatch(part):
                    out[-1][1].append(part)  # the second letter of "a,b"
                    continue
                lettered = _NAME_THEN_LETTER.fullmatch(part)
                if lettered and looks_like_name(lettered.group(1)):
                    out.append((_HONORIFIC.sub("", lettered.group(1)), [lettered.group(2)]))
                    continue
                if _GROUP_AUTHOR.match(part) and out:
                    continue  # a group author after the people: JATS <collab>, not a person's name
                part = _TRAILING_DEGREES.sub("", part)  # "John Smith MD PhD" without commas
                part = _HONORIFIC.sub("", part)
                out.append((part, []))
            if trail and out:
                out[-1][1].extend(trail.group(0).strip())
    # names in small capitals read as lower case, each with its affiliation mark (one name a
    # line, or a byline of several: "huma ali1, savita Dixit1")
    if out and all(m for _, m in out) and not all(looks_like_name(n) for n, _ in out) \
            and all(looks_like_name(n) or _small_caps_name(n) for n, _ in out):
        out = [(n if looks_like_name(n) else " ".join(w[:1].upper() + w[1:] for w in n.split()), m) for n, m in out]
    if not out or not all(looks_like_name(_uninverted(n) if inverted else n) for n, _ in out):
        return []
    return out


def _uninverted(name: str) -> str:
    """"Kowalski, Anna" as "Anna Kowalski" (the shape check reads names given names first)."""
    return " ".join(reversed([x.strip() for x in name.split(",", 1)]))


# a group author named after the people ("… and the Dryland Wheat Consortium", "on behalf of
# the XYZ Study Group"): JATS <collab>, no person's name
_GROUP_AUTHOR = re.compile(r"^(?:on\s+behalf\s+of\s+)?(?:the\s+)?(?:[A-Z][\w\-]*\s+){0,6}(?:Consortium|Collaboration|"
                           r"(?:Study|Research|Working|Writing)\s+Group|Group|Network|Investigators|Collaborative|"
                           r"Team|Committee|Alliance)\b", re.I)


def _inverted(seg: str) -> bool:
    """Whether a byline prints its names inverted, "Surname, Given" set apart by semicolons:
    every semicolon-separated part holds exactly one comma with a name on each side."""
    parts = [p.strip() for p in re.split(r"\s*;\s*|\s+(?:and|&)\s+", seg) if p.strip()]
    if ";" not in seg or len(parts) < 2:
        return False
    return all(p.count(",") == 1 and all(looks_like_name(x.strip()) for x in p.split(",")) for p in parts)


# words of running text, never part of a name
_FUNCTION_WORDS = frozenset("the of and in are is for with to on by from was were we this that these has have be as at "
                            "an or not our its their it".split())


def _small_caps_name(text: str) -> bool:
    """A name set in small capitals that the text layer reads as lower-case letters ("huma
    ali", "savita Dixit"): 2-4 words of letters, no word of running text. Only taken with an
    affiliation mark after it, one name to the line."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", w) for w in words) \
        and not any(w.lower() in _FUNCTION_WORDS for w in words) and any(w.islower() for w in words)


# superscript digits a text layer keeps as characters are affiliation marks
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# affiliation letters set in text type after a name ("Jane Doe a,b, John Smith c"): a lone
# lower-case letter is never part of a Western name (particles have two letters or more;
# "e" and "y" join Portuguese and Spanish surnames and are left alone)
_LETTER_MARK = re.compile(r"[a-df-xz]")
_NAME_THEN_LETTER = re.compile(r"(.*[^\W\d_]{2})\s+([a-df-xz])")
# initials set without a space before the surname ("M.K.KHOSLA")
_GLUED_INITIALS = re.compile(r"\b((?:[A-Z]\.){1,3})(?=[A-Z][^\W\d_]{2,})")
_INITIALS = re.compile(r"^(?:[A-Z]\.?){1,3}$|^[A-Z]\.(?:-[A-Z]\.)+$")


# a Mandarin name in pinyin: syllables of an initial and a final, nothing else
PINYIN = _PINYIN = re.compile(r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|"
                     r"an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u|v)'?)+")


@functools.cache
def _syllables() -> frozenset[str]:
    """Every Mandarin syllable (toneless, ü as v) that pypinyin's character table gives,
    but the interjections with no vowel (呣 m, 嗯 n/ng, 噷 hm), which no name is read as."""
    from parsers.pinyin_tables import CHAR_READINGS

    out = set()
    for readings in CHAR_READINGS.values():
        for r in readings.split(","):
            r = unicodedata.normalize("NFD", r).replace("u\u0308", "v")
            r = "".join(c for c in r if not unicodedata.combining(c))
            if re.search(r"[aeiouv]", r):
                out.add(r)
    return frozenset(out)


def pinyin_word(word: str) -> bool:
    """Is `word` one or more real Mandarin syllables ("li", "xiaoming")? PINYIN's pattern
    lets any initial meet any final; initials such as "JA" or "AM" are no syllable."""
    w = word.lower().replace("ü", "v")
    ok = [True] + [False] * len(w)
    for end in range(1, len(w) + 1):
        ok[end] = any(ok[start] and w[start:end] in _syllables() for start in range(max(0, end - 6), end))
    return ok[-1]


def split_byline_name(name: str) -> tuple[str, str]:
    """``(surname, given)`` of a name printed in a Western byline: given names first, the
    last word (with particles such as "van der") the surname, whatever its case: "NS Sampath
    Kumar" (initials in capitals), "M.K. KHOSLA", "Shahira H. EL-Moslamy". A capitals word
    elsewhere ("LI Ming"), a comma or trailing initials ("Chen J.") keep the general rule."""
    words = name.split()
    last = words[-1] if words else ""
    # a last word in capitals that is pinyin ("Chen LIU", "Wei LI") is the surname set in
    # capitals, not initials; initials are no syllable ("AM", "BT", "J.")
    pinyin_caps = last.isalpha() and last.isupper() and len(last) >= 2 and pinyin_word(last)
    if len(words) >= 2 and re.fullmatch(r"[A-Z]{1,3}", last) and not pinyin_caps and "," not in name \
            and all(w[:1].isupper() and not w.isupper() for w in words[:-1]):
        # a Vancouver (ICMJE/MEDLINE) byline: the surname, then the initials without full
        # stops ("Kowalski AM", "Garcia Cantu A")
        return " ".join(words[:-1]), last
    if len(words) < 2 or "," in name or (_INITIALS.match(last) and not pinyin_caps):
        return names.split_english_name(name)
    # a word in capitals is a surname; of two letters only when it is pinyin ("LI", "WU"),
    # else initials ("NS Sampath Kumar")
    caps = [k for k, w in enumerate(words) if "." not in w and w.replace("-", "").isupper() and (
        len(w.replace("-", "")) >= 3 or (len(w) == 2 and _PINYIN.fullmatch(w.lower())))]
    all_caps = len(caps) == len([w for w in words if len(w.replace(".", "")) > 1])
    if (len(caps) >= 2 and caps == list(range(caps[0], len(words))) and caps[0] >= 1 and not all_caps
            and not any(w.lower() in SURNAME_PARTICLES for w in words[:caps[0]])):
        # the French habit, the surname in capitals after the given names ("Luc DE SMET",
        # "Jan VAN DER BERG"): the run of capitals that ends the name is the surname
        return " ".join(words[caps[0]:]), " ".join(words[:caps[0]])
    if caps and caps != [len(words) - 1] and not (all_caps and not all(_PINYIN.fullmatch(w.lower()) for w in words)):
        # a capitals surname first ("LI Ming", "ZHANG SAN"); a whole name in capitals that
        # is no pinyin ("JOHN A. SMITH") is a byline set in capitals, in Western order
        return names.split_english_name(name)
    k = len(words) - 1
    while k > 1 and (words[k - 1] in SURNAME_PARTICLES or words[k - 1] in CAPITAL_PARTICLES
                     or (words[k - 1] == "Van" and k < len(words) - 1 and words[k] in CAPITAL_PARTICLES)):
        k -= 1
    if k > 1 and hispanic(words[k - 1]) and not hispanic(words[0]) and "." not in words[k - 1]:
        k -= 1  # (a Spanish name's two surnames: "Anselmo García Cantú", "Ana María Pérez de la Torre")
    return " ".join(words[k:]), " ".join(words[:k])


def hispanic(word: str) -> bool:
    """Is `word` one of the frequent Spanish surnames (names.HISPANIC_SURNAMES), accents aside?"""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))
    return bare.lower() in HISPANIC_SURNAMES


def split_byline_names(names_: list[str]) -> list[tuple[str, str]]:
    """``[(surname, given)]`` of a whole byline. A byline set wholly in capitals ("ANNA
    KOWALSKI, BRIAN OKAFOR AND CHEN LIU") carries no case signal of the surname-first
    order GB/T 28039 prints in capitals ("ZHANG San"): when any of its names is no pinyin,
    it is a Western byline set in capitals, and every name, a pinyin-looking one too, is
    read in Western order (given names first)."""
    def caps(n: str) -> bool:
        return bool(re.search(r"[A-Z]{2}", n)) and not re.search(r"[a-z]", n)

    western_caps = len(names_) > 1 and all(caps(n) for n in names_) and any(
        not all(_PINYIN.fullmatch(w.lower().strip(".")) for w in n.split()) for n in names_)
    # (Vancouver order in capitals, one name or several, Western or pinyin: "VAN DER BERG J",
    # "ZHANG S, LI MH": a last word of one letter is an initial, never a surname)
    vancouver_caps = all(caps(n) for n in names_) and any(re.fullmatch(r"[A-Z]", n.split()[-1]) for n in names_ if n.split())
    out = []
    for n in names_:
        words = n.split()
        # (in capitals a last word of three letters is a surname, LIU, not initials: initials
        # at the end of a name carry their full stops, "SMITH J.A.")
        if vancouver_caps and len(words) > 1 and len(words[-1]) <= 3 and "," not in n:
            # (a byline in capitals whose names end in a one-letter initial is in Vancouver
            # order, surname then initials: "DE SMET L", "SMITH JA")
            out.append((" ".join(words[:-1]), words[-1]))
        elif western_caps and len(words) > 1 and "," not in n and not re.fullmatch(r"(?:[A-Z]\.\s?)+", words[-1]):
            k = len(words) - 1
            while k > 1 and words[k - 1].lower() in {p.lower() for p in SURNAME_PARTICLES}:
                k -= 1
            out.append((" ".join(words[k:]), " ".join(words[:k])))
        else:
            out.append(split_byline_name(n))
    return out


def looks_like_name(name: str) -> bool:
    """1–5 capitalised words or initials (particles allowed inside), nothing institutional."""
    words = name.split()
    if not 1 <= len(words) <= 5 or _NOT_NAME.search(name) or len(name) > 60:
        return False
    if len(words) == 1 and not re.search(r"[a-z]", name):
        return False  # "OPEN", "REVIEW": a badge, not a name
    # (a particle opens the name only where the surname comes first, Vancouver's "van der Berg J")
    vancouver = len(words) >= 3 and bool(re.fullmatch(r"[A-Z]{1,3}", words[-1]))
    return all(_NAME_WORD.match(w) or ((0 < i or vancouver) and i < len(words) - 1 and w in SURNAME_PARTICLES)
               for i, w in enumerate(words))


def author_blocks(lines: list["Line"], start: int) -> tuple[list[tuple[str, list[str], dict[str, str]]], int]:
    """``[(name, marks, affiliations of its block)]`` and the index after the front block.

    One byline with numbered affiliations, or (JMLR style) one block per author: the name,
    the address beside it, the affiliation lines; a block starts where a line in the first
    byline's type reads as names again."""
    out: list[tuple[str, list[str], dict[str, str]]] = []
    i = start
    size = None
    while i < len(lines) and len(out) < 60:
        if size is not None and abs(lines[i].size - size) > 0.3:
            break
        names, j = byline(lines, i)
        if not names or (size is not None and any(len(n.split()) < 2 for n, _ in names)):
            break
        size = size if size is not None else lines[i].size
        row = side_by_side(lines, i)
        if row is not None:  # one block per author, side by side: each name over its own lines
            out += row[0]
            i = row[1]
            continue
        while j < len(lines) and _ADDRESS_ONLY.fullmatch(lines[j].text.strip()):
            j += 1  # the e-mail printed beside the name
        affs, i = affiliations(lines, j, symbols=_keyed_by_symbols(names))
        out += [(n, m, affs) for n, m in names]
    return out, i


def side_by_side(lines: list["Line"], start: int) -> tuple[list[tuple[str, list[str], dict[str, str]]], int] | None:
    """Author blocks set side by side (IEEE and ACM conference and transactions layouts:
    each author's name, then their affiliation lines and e-mail under it, in columns of one
    width, centred or ranged left under the name): ``([(name, marks, affiliations)], index
    after the row's lines)``, or None when the row at `lines[start]` is no such row or its
    lines are no blocks (when the row's lines cannot be cut into the blocks with certainty,
    its names come without affiliations).

    The text layer may read two blocks' lines on one baseline as one run ("… University of
    Institute of Crop …"). Each block's column is known from its name; a run that crosses
    from one column into the next is cut at the word space where the first block's line
    ends: for centred blocks, a line centred under its name ends as far right of the name's
    centre as it starts left of it (and the next block's line starts as far left of its
    centre as it ends right of it); for blocks ranged left, the next line starts under the
    next name."""
    head = lines[start]
    row = [ln for ln in lines if abs(ln.y - head.y) < 1.0 and abs(ln.size - head.size) < 0.3]
    spans = sorted((sp for ln in row for sp in ln.spans or []), key=lambda sp: sp.x0)
    items: list[list] = []
    for sp in spans:  # the row's runs, grouped where a wide gap sets one block's name apart
        if items and sp.x0 - items[-1][-1].x1 < 2.5 * head.size:
            items[-1].append(sp)
        else:
            items.append([sp])
    if len(items) < 2:
        return None
    from parsers.textlayer import Line

    people = []
    for it in items:
        text = " ".join(sp.text.strip() for sp in it)
        got = marked_names(Line(text=text, x0=it[0].x0, x1=it[-1].x1, y=head.y, size=head.size, spans=list(it)))
        if not got or any(len(n.split()) < 2 for n, _ in got):
            return None
        people.append(got)
    centres = [(it[0].x0 + it[-1].x1) / 2 for it in items]
    lefts = [it[0].x0 for it in items]
    lo, hi = min(lefts) - 3 * head.size, max(it[-1].x1 for it in items) + 3 * head.size
    # the lines under the row: down to a front-matter label, the next row of names or a gap
    under = sorted((k for k, ln in enumerate(lines) if ln.y > head.y + 1 and ln.x1 > lo and ln.x0 < hi),
                   key=lambda k: (lines[k].y, lines[k].x0))
    mids = [(centres[n] + centres[n + 1]) / 2 for n in range(len(items) - 1)]
    kept: list[int] = []
    last_y = [head.y] * len(items)  # each block's last line so far
    for k in under:
        ln = lines[k]
        cols = range(sum(ln.x0 > m for m in mids), sum(ln.x1 > m for m in mids) + 1)
        if ln.y - max(last_y[n] for n in cols) > 2.2 * max(ln.size, 1.0) or _DATE_ONLY.fullmatch(ln.text.strip()):
            break  # (a gap under the blocks, or the date LaTeX's \maketitle prints under them)
        if _FRONT_LABEL.match(_clean(ln.text)) or (abs(ln.size - head.size) < 0.3 and marked_names(ln)):
            break
        kept.append(k)
        for n in cols:
            last_y[n] = ln.y
    if not kept:
        return None
    # centred or ranged left: how the runs that stay inside one column sit under the names
    votes = [0, 0]
    for k in kept:
        for sp in lines[k].spans or []:
            if any(sp.x0 < m < sp.x1 for m in mids):
                continue
            n = sum(sp.x0 > m for m in mids)
            votes[0] += abs((sp.x0 + sp.x1) / 2 - centres[n]) < max(3.0, 0.4 * sp.size)
            votes[1] += abs(sp.x0 - lefts[n]) < 2.0
    if votes == [0, 0]:
        return None
    centred = votes[0] >= votes[1]
    bounds = mids if centred else [lefts[n + 1] - 1.0 for n in range(len(items) - 1)]
    # the face's width against the advance table, from the runs that stay in one column
    ratios = sorted((sp.x1 - sp.x0) / (sum(_advance(ch) for ch in sp.text) * sp.size) for k in kept
                    for sp in lines[k].spans or [] if len(sp.text) >= 8 and sp.size > 0
                    and sum(sp.x0 > b for b in bounds) == sum(sp.x1 > b for b in bounds))
    scale = ratios[len(ratios) // 2] if ratios else 1.0
    texts: list[list[str]] = [[] for _ in items]
    cut = [_cut_across(sp, bounds, centres, lefts, centred, scale) for k in kept for sp in lines[k].spans or []]
    if all(pieces is not None for pieces in cut):
        for pieces in cut:
            for n, piece in pieces or []:
                if piece:
                    texts[n].append(piece)
    # (else a run across two blocks cannot be cut with certainty: the names are read, their
    # affiliations are not, and the record flags them as missing)
    out: list[tuple[str, list[str], dict[str, str]]] = []
    for got, block in zip(people, texts):
        aff = ""
        for piece in block:
            if _EMAIL_LINE.fullmatch(piece) or ORCID_ID.search(piece) or _NOTE_LINE.search(piece):
                continue
            aff = _join_aff(aff, piece)
        aff = _LIST_AND.sub("", plain_letters(_PHONE.sub("", _CONTACT.sub("", aff))).strip(" ;,")).strip(" ;,")
        for n, marks in got:
            keyed = {m: aff for m in marks if re.fullmatch(r"\d{1,2}|[a-z]", m)} or {"": aff}
            out.append((n, marks, keyed if aff else {}))
    after = start + 1
    taken = set(kept) | {k for k, ln in enumerate(lines) if ln in row}
    while after < len(lines) and after in taken:
        after += 1
    return out, after


# a date alone on its line ("June 1, 2024", "1 June 2024", "June 2024")
_DATE_ONLY = re.compile(r"(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December)(?:\s+\d{1,2},)?\s+\d{4}")


def _cut_across(sp, bounds: list[float], centres: list[float], lefts: list[float], centred: bool,
                scale: float = 1.0) -> list[tuple[int, str]] | None:
    """A run under a row of author blocks as ``[(block, text)]``: whole when it stays in one
    column, else cut at the word spaces where one block's line ends and the next one's
    begins (see side_by_side). Each word space is tried: the pieces' widths by a
    proportional face's advances (times `scale`, the face's width against them) against the
    widths the columns give them (for centred blocks, as shares of the two). None when no
    cut fits within half an em, or a second one fits nearly as well."""
    first = sum(sp.x0 > b for b in bounds)
    last = sum(sp.x1 > b for b in bounds)
    text = sp.text
    if first == last:
        return [(first, text.strip())]
    em = max(sp.size, 1.0) * scale
    spaces = [n for n, ch in enumerate(text) if ch == " "]
    cuts: list[int] = []
    for b in range(first, last):
        a_from = cuts[-1] + 1 if cuts else 0
        w_a = 2 * centres[b] - sp.x0 - sp.x0 if centred and b == first else None    # block b's centred line
        w_b = sp.x1 - (2 * centres[b + 1] - sp.x1) if centred and b + 1 == last else None  # block b+1's
        if not centred:
            w_b = sp.x1 - lefts[b + 1] if b + 1 == last else None
            w_a = None
        if w_a is None and w_b is None:
            return None
        scored = []
        for n in spaces:
            if n <= a_from:
                continue
            e_a = sum(_advance(ch) for ch in text[a_from:n].strip()) * em
            e_b = sum(_advance(ch) for ch in text[n + 1:].strip()) * em
            if w_a is not None and w_b is not None:
                miss = abs(e_a / (e_a + e_b) - w_a / (w_a + w_b)) * (w_a + w_b)
            else:
                miss = abs(e_a - w_a) if w_a is not None else abs(e_b - w_b)
            scored.append((miss, n))
        scored.sort()
        if not scored or scored[0][0] > 0.5 * em or (len(scored) > 1 and scored[1][0] < scored[0][0] + 0.25 * em):
            return None
        cuts.append(scored[0][1])
    at = [0] + cuts + [len(text)]
    pieces = [(first + n, text[a:b].strip()) for n, (a, b) in enumerate(zip(at, at[1:]))]
    return None if any(not t for _, t in pieces) else pieces


def mark_tokens(text: str) -> list[str]:
    """The marks printed after a name, apart: "1,2" → 1, 2; "1§" and "1,*" → 1 and the sign;
    a repeated sign is one mark ("**": the second affiliation where signs key them)."""
    out: list[str] = []
    for chunk in re.split(r"[,\s]+", text.strip()):
        for k, ch in enumerate(chunk):
            if not out or k == 0 or (ch in _CORRESPONDENCE_MARKS and chunk[k - 1] != ch):
                out.append(ch)
            else:
                out[-1] += ch
    return [t for t in out if t]


def _keyed_by_symbols(names: list[tuple[str, list[str]]]) -> bool:
    """Whether a byline keys its affiliations by note symbols (ACS: †, ‡, §, ∥, ⊥, # in that
    order, "*" the corresponding author): no name has a number or letter, and every name
    has a symbol other than the asterisk."""
    marks = [m for _, ms in names for m in ms]
    if not names or any(re.fullmatch(r"\d{1,2}|[a-z]", m) for m in marks):
        return False
    if all(ms and all(re.fullmatch(r"[*∗]+", m) for m in ms) for _, ms in names) and len(set(marks)) > 1:
        return True  # (asterisks counted out: *, **, *** — one asterisk alone is the corresponding author's)
    return all(any(_SYMBOL.fullmatch(m) and m.strip() not in "*∗" for m in ms) for _, ms in names)


def footnote_affiliations(lines: list["Line"], start: int, marks: list[list[str]]) -> dict[str, str]:
    """``{mark: affiliation}`` from a first-page footnote (Springer, Nature, BMC print the
    affiliations at the page foot): the block that opens with a raised mark the byline
    used, in type smaller than the byline's. Notes in it (equal contribution, e-mail) are
    not affiliations."""
    wanted = {m for ms in marks for m in ms if re.fullmatch(r"\d{1,2}|[a-z]", m)}
    # (marks of the footnote sequence *, †, ‡ key affiliations too where every author has
    # one and the note under it names an institution: not a correspondence note)
    symbols = {m for ms in marks for m in ms if _SYMBOL.fullmatch(m)}
    # (a byline in capitals and small capitals is as large as its capitals)
    byline_size = max(_type_sizes(lines[start - 1]) | {lines[start - 1].size}) if 0 < start <= len(lines) else 99.0
    for k in range(start, len(lines)):
        ln = lines[k]
        first = ln.spans[0] if ln.spans else None
        # (or a mark in text type opening a line that names an institution: "2 Department of …")
        lead = _AFF_START.match(_clean(ln.text))
        if ln.size < byline_size and (
                (first is not None and (first.sup or first.size < ln.size * 0.8) and first.text.strip() in wanted)
                or (first is not None and first.sup and first.text.strip() in symbols and len(ln.spans) > 1
                    and INSTITUTION_EN.search(ln.spans[1].text[:80]) and not _NOTE_LINE.search(ln.spans[1].text[:60]))
                or (lead is not None and lead.group("m") in wanted and INSTITUTION_EN.search(ln.text[:80]))
                # (or a raised mark the text layer set on a line of its own, its affiliation beside it)
                or (ln.text.strip() in wanted and k + 1 < len(lines) and lines[k + 1].size > ln.size * 1.2
                    and INSTITUTION_EN.search(lines[k + 1].text[:80]))):
            affs, _ = affiliations(_foot_block(lines, k), 0, limit=40, symbols=bool(symbols))
            return {m: v for m, v in affs.items() if not _NOTE_LINE.search(v[:60])}
    return {}


def _foot_block(lines: list["Line"], k: int) -> list["Line"]:
    """The footnote block that opens at `lines[k]`, line under line by position: on a
    two-column page the text layer reads a foot line short enough to fit a column with
    that column, and the wider ones under it after the other column."""
    block = [lines[k]]
    rest = list(lines[k + 1:])
    while True:
        last = block[-1]
        under = [ln for ln in rest if abs(ln.size - last.size) < 0.3 and -3 < ln.x0 - block[0].x0 < 2 * last.size
                 and 0.5 < ln.y - last.y < 1.6 * last.size]  # (a wrapped line indented after its mark)
        if not under:
            break
        nxt = min(under, key=lambda ln: ln.y)
        block.append(nxt)
        rest.remove(nxt)
    return block + [ln for ln in rest if ln.y > block[-1].y]


# an unmarked affiliation opens with the unit's kind (Department of …, Institute of …)
_UNIT_FIRST = re.compile(r"^\s*(?:(?:The\s+)?(?:Department|Dept\.|Institute|School|Faculty|College|Division|Laborator(?:y|ies)|"
                         r"Lab\b|Cent(?:er|re)|Universit(?:y|at|é|à)|Hospital|Unit|Section|Program(?:me)?|Graduate School|"
                         r"(?:State\s+)?Key Laboratory)|[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}\s+(?:Laboratory|Institute|Department|Division)\b)")
# where a first-page footnote goes on from the affiliation to a note on the same line
_NOTE_AFTER = re.compile(r"[.;]\s+(?=(?:Correspondence|Corresponding|E-?mail|Tel\b|Fax\b|Present address)\b)|\s+e-?mail\s*:", re.I)


def unmarked_footnote_affiliation(lines: list["Line"], start: int) -> str:
    """The one affiliation of a byline without marks, printed as a first-page footnote
    (Springer, BMC, Nature): the first line below the front matter, in type smaller than the
    text's, that opens with a unit's kind (Department of …), run on through the lines of its
    size to the next note ("Correspondence and requests …", an e-mail)."""
    sizes = [ln.size for ln in lines[start:]]
    if not sizes:
        return ""
    text_size = max(set(sizes), key=sizes.count)
    for k in range(start, len(lines)):
        ln = lines[k]
        if ln.size >= text_size * 0.97 or not _UNIT_FIRST.match(_clean(ln.text)) or "@" in ln.text[:40]:
            continue
        parts = [_clean(ln.text)]
        for nxt in lines[k + 1:k + 4]:
            if abs(nxt.size - ln.size) > 0.3 or _NOTE_LINE.search(nxt.text[:30]) or _FRONT_LABEL.match(_clean(nxt.text)) \
                    or _NOTE_AFTER.search(parts[-1]):
                break
            parts.append(_clean(nxt.text))
        text = re.sub(r"(?<=\w)- (?=[a-z])", "", " ".join(parts))
        return _NOTE_AFTER.split(text, 1)[0].strip().rstrip(".;,")
    return ""


def byline(lines: list["Line"], start: int, limit: int = 8) -> tuple[list[tuple[str, list[str]]], int]:
    """The authors printed from `lines[start]` on, and the index after the byline.

    Stray glyph lines (an ORCID icon row, a lone mark) before the names are skipped; the
    byline is the run of lines that read wholly as names, in one type size."""
    i = start
    raised: "Line | None" = None  # a row of raised marks the text layer set apart, over the next line
    while i < len(lines) and i < start + 3 and not re.search(r"[A-Za-z]{2}", _clean(lines[i].text)):
        raised = lines[i] if _mark_row(lines[i]) else None
        i += 1
    names: list[tuple[str, list[str]]] = []
    size = None
    sizes: set[float] = set()
    prev_text, prev_count = "", 0
    while i < len(lines) and i < start + limit:
        ln = lines[i]
        if names and _mark_row(ln) and i + 1 < len(lines) and size is not None \
                and abs(lines[i + 1].size - size) <= 0.6 and marked_names(lines[i + 1]):
            raised = ln  # (the marks of the byline's next line)
            i += 1
            continue
        if names and _LONE_MARK.fullmatch(ln.text.strip()):
            # a mark the text layer set on a line of its own, beside the byline, when names
            # go on after it (else it is the first affiliation's hanging mark)
            if i + 1 < len(lines) and size is not None and abs(lines[i + 1].size - size) <= 0.6 \
                    and marked_names(lines[i + 1]):
                i += 1
                continue
            break
        if size is not None and abs(ln.size - size) > 0.6 and not _same_small_caps(ln, sizes):
            break
        if names and prev_text.rstrip().endswith(",") and _degrees_only(ln.text):
            # the last name's degrees wrapped onto a line of their own ("… and Jürgen
            # Müller," / "MD"): still the byline, not a line after it
            i += 1
            continue
        got = marked_names(ln)
        rejoined = False
        if not got and names and prev_count > 1 and not _ENDS_WITH_SEPARATOR.search(prev_text) \
                and (whole := marked_names(_after_name(ln, names[-1][0]))) \
                and (len(whole) == 1 or (whole[0][0].startswith(names[-1][0] + " ") and not names[-1][1])):
            # the byline's last name broken before its surname alone on the next line ("…
            # and Brian" / "OKAFOR"), or inside it with more names after ("Jan VAN DER" /
            # "BERG2 and Jürgen MÜLLER2"): one word is no name, but with the name it ends
            got, names[-1:], rejoined = whole, [], True
        if not got and not rejoined and (pair := _wrapped_inside_name(ln, lines[i + 1] if i + 1 < len(lines) else None)):
            got, i = pair, i + 1  # (the next line read with it)
            ln = lines[i]
        if not got:
            break
        if raised is not None:
            got = _with_raised_marks(got, ln, raised)
        raised = None
        if not rejoined and names and not names[-1][1] and prev_count > 1 and not _ENDS_WITH_SEPARATOR.search(prev_text) \
                and not _STARTS_WITH_SEPARATOR.match(_clean(ln.text)):
            # a name broken over two lines ("… Nagarajan Binai, Balaji / Rajashekar4,5, …"):
            # a line of several names that ends without a separator (a byline of one name a
            # line, each with its address beside it, has no separators at all)
            (last, _), (head, marks) = names.pop(), got[0]
            got = [(f"{last} {head}", marks)] + got[1:]
        names += got
        size = ln.size
        sizes = _type_sizes(ln)
        prev_text = _clean(ln.text)
        prev_count = len(got)
        i += 1
    return names, i


def _degrees_only(text: str) -> bool:
    """Does the line print degrees and nothing else ("MD", "MD, PhD")?"""
    parts = [p for p in re.split(r"[,\s]+", _clean(text)) if p]
    return bool(parts) and all(_DEGREE.fullmatch(p) and p not in ("II", "III", "Jr", "Sr") for p in parts)


def _type_sizes(line: "Line") -> set[float]:
    """The sizes a line's text (not its marks) is set in."""
    return {round(sp.size, 1) for sp in line.spans or [] if not sp.sup and sp.text.strip()}


def _same_small_caps(line: "Line", sizes: set[float]) -> bool:
    """Is `line` set in both the capitals' and the small capitals' sizes of the byline line
    before it? A byline in capitals and small capitals counts as the size of whichever it
    prints more of, which differs from line to line ("JAN VAN DER BERG" / "YUKI TANAKA")."""
    own = _type_sizes(line)
    return len(sizes) >= 2 and len(own) >= 2 and all(any(abs(a - b) <= 0.3 for b in sizes) for a in own)


def _after_name(line: "Line", name: str) -> "Line":
    """`line` read after `name` (the byline's last name, broken before its surname): its
    spans kept, so its raised marks stay marks ("Priya" / "RAGHUNATHANb")."""
    text = f"{name} {_clean(line.text).strip()}"
    if not line.spans:
        return replace(line, text=text, spans=[])
    first = line.spans[0]
    head = replace(first, text=name, x0=first.x0 - 1 - 0.5 * line.size * len(name), x1=first.x0 - 1, size=line.size, sup=False)
    return replace(line, text=text, spans=[head, *line.spans])


def _wrapped_inside_name(line: "Line", nxt: "Line | None") -> list[tuple[str, list[str]]]:
    """The names of a byline line that breaks inside its last name ("… Luc De Smet2 and Jan
    van der" / "Berg2, …"), read with the next line in the same type: the broken name's
    first part goes on at the next line's start. [] when the two lines do not read so."""
    if nxt is None or abs(nxt.size - line.size) > 0.6:
        return []
    text = _clean(line.text).rstrip()
    m = re.search(r"(?:,|\s(?:and|&))\s+(?P<part>[A-Z][^\s,&]*(?:\s+(?!and\b)[^\s,&\d]+){0,3})$", text)
    if not m:
        return []
    # (read with the lines' spans, which tell raised marks from letters: "… PhDa and YUKI" / "TANAKA, MDb")
    spans = _without_last_chars(line.spans or [], len(re.sub(r"\s", "", m.group(0))))
    head = marked_names(replace(line, text=text[:m.start()], spans=spans))
    tail = marked_names(_after_name(nxt, m.group("part")))
    return head + tail if head and tail else []


def _without_last_chars(spans: list, n: int) -> list:
    """The spans with their last `n` characters (spaces not counted) taken off."""
    out = list(spans)
    while n > 0 and out:
        text = out[-1].text.rstrip()
        count = len(re.sub(r"\s", "", text))
        if count <= n:
            out.pop()
            n -= count
            continue
        k = len(text)
        while n > 0:
            k -= 1
            n -= not text[k].isspace()
        out[-1] = replace(out[-1], text=text[:k].rstrip())
    return out


_LONE_MARK = re.compile(r"[\d,*†‡§¶#∗✉✝⁎\s]{1,8}")
# one name's affiliation marks: numbers or letters, commas between, note signs after
# (a leading comma goes on from marks the text layer kept on the name's line: "Lemos¹,²" + ",3,4")
MARK_GROUP = re.compile(r",?(?:\d{1,2}|[a-z])(?:\s*,\s*(?:\d{1,2}|[a-z]))*[*†‡§¶#∗✝⁎]*|[*†‡§¶#∗✝⁎]{1,2}")


def _mark_row(line: "Line") -> bool:
    """A line of affiliation mark groups alone ("a   b   a,b"), set apart from the names
    they follow: marks only raised, at nearly the text's size, that the text layer read as a
    line of their own above the byline."""
    groups = line.text.split()
    return bool(groups) and len(groups) <= 40 and all(MARK_GROUP.fullmatch(g) for g in groups) \
        and any(re.search(r"[\da-z]", g) for g in groups)


# advance widths of a proportional Latin text face, in ems (the averages of the Times and
# Helvetica metrics, PDF 32000 standard fonts): enough to say where in a run a word ends
_NARROW = {**dict.fromkeys("ijl.,;:'’!|", 0.26), **dict.fromkeys("ftrI()[]-‐/", 0.33), " ": 0.26}
_WIDE = {**dict.fromkeys("mwMW", 0.86), **dict.fromkeys("ABCDEFGHJKLNOPQRSTUVXYZ", 0.68)}


def _advance(ch: str) -> float:
    return _NARROW.get(ch, _WIDE.get(ch, 0.5))


def char_offsets(text: str, x0: float, x1: float) -> list[float]:
    """Where each character of a run drawn from `x0` to `x1` starts (and, last, where the
    run ends), by a proportional face's advance widths scaled to the run's printed width."""
    widths = [_advance(ch) for ch in text]
    scale = (x1 - x0) / (sum(widths) or 1.0)
    out, x = [], x0
    for w in widths:
        out.append(x)
        x += w * scale
    return out + [x1]


def _with_raised_marks(got: list[tuple[str, list[str]]], line: "Line", row: "Line") -> list[tuple[str, list[str]]]:
    """The names of a byline line with the marks of the raised row above it: each mark group
    belongs to the name it follows (a raised mark is set right after its name, or after the
    part of its marks the text layer kept on the line), the name whose end is nearest to
    where the group starts; within an em of it, at most one group a name, in order. Anything
    less clear leaves the names as they were."""
    if not (0 < line.y - row.y < 0.8 * line.size) or row.x0 < line.x0 - line.size or row.x1 > line.x1 + 2 * line.size:
        return got
    ends: list[float] = []
    for sp in line.spans or []:
        if sp.sup:
            continue
        offs = char_offsets(sp.text, sp.x0, sp.x1)
        at = 0
        while len(ends) < len(got):
            last = got[len(ends)][0].split()[-1]
            found = sp.text.find(last, at)
            if found < 0:
                break
            at = found + len(last)
            ends.append(offs[at])
    if len(ends) != len(got):
        return got
    groups: list[tuple[float, str]] = []
    for sp in row.spans or []:
        offs = char_offsets(sp.text, sp.x0, sp.x1)
        for m in re.finditer(r"\S+", sp.text):
            groups.append((offs[m.start()], m.group(0)))
    out = [(n, list(m)) for n, m in got]
    last = -1
    for x, text in groups:
        k = min(range(len(ends)), key=lambda n: abs(ends[n] - x))
        if abs(ends[k] - x) > line.size or k <= last:
            return got
        out[k][1].extend(t for t in re.split(rf"[,\s]+|(?=[{_CORRESPONDENCE_MARKS}])", text) if t)
        last = k
    return out
_STARTS_WITH_SEPARATOR = re.compile(r"^\s*(?:[,;·•|&]|and\b)")


# a note under the affiliations, not part of them: correspondence, e-mail, equal contribution
# a line that opens the next part of the front matter (JATS order: affiliations, then the
# author notes and history, abstract, keywords), never an affiliation's continuation
_FRONT_LABEL = re.compile(r"^\s*(?:Received|Revised|Accepted|Published|Available online|Key\s?words?|Abstract|A B S T R A C T|"
                          r"Summary|Citation|Cite this|Academic Editor|Edited by|Article history|Article info|"
                          r"A R T I C L E|Copyright|©|Correspondence|Corresponding author|Handling Editor)\b", re.I)
_NOTE_LINE = re.compile(r"^\s*[*∗§†‡✉#]|@|\b(?:correspond\w*|e-?mail|contributed equally|present address)\b", re.I)
_ADDRESS_ONLY = re.compile(r"\S+@\S+(?:\s*[,;]\s*\S+@\S+)*")
ORCID_ID = re.compile(r"\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b")
_AFF_START = re.compile(r"^\s*(?P<m>\d{1,2}|[a-z])\s*(?=[A-Z])")


# an affiliation's raised mark: a number or a letter; in a footnote list also a note symbol
# (the footnote sequence *, †, ‡, §, ¶ that some journals key affiliations by)
_MARK = re.compile(r"\s*(?:\d{1,2}|[a-z])\s*")
# a note symbol, two of them, or one repeated (*, **, *** key the affiliations in order: an
# older typesetting habit some journals keep where numbers would be read as references)
_SYMBOL = re.compile(r"\s*(?:[*∗†‡§¶∥‖⊥#]{1,2}|([*∗†‡§¶∥‖⊥#])\1{2,3})\s*")
# a line that only gives an e-mail address ("Email: a@b.edu", "E-mail address: …", a bare one)
_EMAIL_LINE = re.compile(r"(?:e-?mail(?:\s+address(?:es)?)?\s*[:.]?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?"
                         r"(?:\s*[,;]\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)*", re.I)


def _opens_affiliation(line: "Line", symbols: bool = False) -> bool:
    """Whether a line opens with an affiliation mark (raised, or "2 Department …" in text type)."""
    first = line.spans[0] if line.spans else None
    if first is not None and (first.sup or first.size < line.size * 0.8):
        return bool(_MARK.fullmatch(first.text) or symbols and _SYMBOL.fullmatch(first.text))
    return bool(_AFF_START.match(line.text)) and bool(INSTITUTION_EN.search(line.text))


def affiliations(lines: list["Line"], start: int, limit: int = 30, symbols: bool = False) -> tuple[dict[str, str], int]:
    """``{mark: affiliation}`` from the lines under a byline, and the index after them.

    An affiliation begins at a superscript mark (or a leading "1 " / "a"; with `symbols`, a
    footnote's *, †, ‡) and runs to the next mark; a line that names no institution and
    carries no mark ends the block."""
    out: dict[str, str] = {}
    cur = ""
    last: "Line | None" = None  # the block's last line so far
    leading = 0.0  # the spacing between the current affiliation's lines
    pending = ""
    groups: list[tuple[str, list[str]]] = []  # (unit word, marks) of shared affiliation lines
    shared: tuple[str, list[str]] | None = None  # the one being read
    i = start
    while i < len(lines) and i < start + limit:
        ln = lines[i]
        if ORCID_ID.search(ln.text):
            i += 1  # a row of ORCID iDs under the affiliations
            continue
        pieces: list[tuple[str, str]] = []
        for sp in ln.spans or []:
            if (sp.sup or sp.size < ln.size * 0.8) and (_MARK.fullmatch(sp.text) or symbols and _SYMBOL.fullmatch(sp.text)):
                pieces.append(("m", sp.text.strip()))
            else:
                pieces.append(("t", sp.text))
        if not ln.spans:
            m = _AFF_START.match(ln.text)
            pieces = [("m", m.group("m")), ("t", ln.text[m.end():])] if m else [("t", ln.text)]
        elif pieces and pieces[0][0] == "t":
            m = _AFF_START.match(pieces[0][1])
            if m and INSTITUTION_EN.search(ln.text):
                pieces = [("m", m.group("m")), ("t", pieces[0][1][m.end():])] + pieces[1:]
        if _FRONT_LABEL.match(_clean(ln.text)):
            break  # the next part of the front matter: dates, abstract, keywords, notes
        if out and _EMAIL_LINE.fullmatch(_clean(ln.text)) and i + 1 < len(lines) \
                and abs(lines[i + 1].size - ln.size) < 0.3 and _opens_affiliation(lines[i + 1], symbols):
            # an author's e-mail printed under their affiliation, before the next marked one
            # (JATS keeps <email> apart from <aff>): the list goes on after it
            i += 1
            last = None
            continue
        if re.fullmatch(r"\s*(?:\d{1,2}|[a-z])\s*", ln.text) and i + 1 < len(lines) and lines[i + 1].size > ln.size:
            pending = ln.text.strip()  # a hanging mark the text layer set on a line of its own
            i += 1
            continue
        if pending:
            pieces = [("m", pending)] + pieces
            pending = ""
        has_mark = any(k == "m" for k, _ in pieces)
        # an unmarked line carries on the block when set like its last line: it names an
        # institution, is indented, or is a short line right under it ("NICTA"), and is no note
        # (or the line above stops mid-phrase, "… Postgraduate Institute of": a wrapped line)
        # (or, in a narrow column, a line at the spacing the affiliation's own lines keep, in
        # its column, that is no running text: the same paragraph, "(Virginia Tech), Blacksburg, …")
        words = ln.text.lower().split()
        prose = sum(w in _FUNCTION_WORDS for w in words)
        carries_on = last is not None and abs(ln.size - last.size) < 0.3 and (
            INSTITUTION_EN.search(ln.text) or ln.x0 > lines[start].x0 + 2
            or (0 < ln.y - last.y < 1.6 * ln.size and not _NOTE_LINE.search(ln.text) and not _FRONT_LABEL.match(_clean(ln.text))
                and (len(ln.text.strip()) < 40 or _OPEN_END.search(last.text)
                     or (leading and abs(ln.y - last.y - leading) < 0.5 and abs(ln.x0 - last.x0) < 3
                         and not (prose >= 3 and prose * 4 >= len(words)) and not last.text.rstrip().endswith(".")))))
        if not has_mark and not carries_on and not (not out and INSTITUTION_EN.search(ln.text)):
            break
        leading = ln.y - last.y if last is not None and not has_mark and 0 < ln.y - last.y < 1.6 * ln.size else \
            (leading if not has_mark else 0.0)
        last = ln
        for n, (kind, text) in enumerate(pieces):
            if kind == "m":
                cur = text
                out.setdefault(cur, "")
                if shared is not None:
                    shared[1].append(cur)
                continue
            head = _SHARED_HEAD.search(text) if n + 1 < len(pieces) and pieces[n + 1][0] == "m" else None
            if head:  # "Departments of 2Biomedical Engineering and 3Gastroenterology, …"
                text = text[:head.start()]
                shared = (_SINGULAR.get(head.group(1).lower(), head.group(1)) + " of", [])
                groups.append(shared)
            elif shared is not None and re.search(r",\s*\S", text):
                shared = None  # (the last unit's name, then the address they share)
            out[cur] = _join_aff(out.get(cur, ""), _clean(text))
        i += 1
    for unit, marks in groups:
        _share_address(out, unit, marks)
    # (the separator after a run-on affiliation goes: "; ", "," or Wiley's vertical bar)
    out = {k: _LIST_AND.sub("", plain_letters(_TRAILING_NOTE.sub("", _PHONE.sub("", _CONTACT.sub("", v))))
                            .strip(" ;,|")).strip(" ;,|") for k, v in out.items()}
    return {k: v for k, v in out.items() if v}, i


# one affiliation line for several units of one institution, each unit marked ("Departments
# of 2Biomedical Engineering and 3Gastroenterology, Asan Medical Center, …", a habit of
# Korean and American medical journals): each mark is "Department of <unit>" with the
# address the last one carries; the publisher's JATS lists them so
_SINGULAR = {"departments": "Department", "divisions": "Division", "schools": "School", "laboratories": "Laboratory",
             "institutes": "Institute", "faculties": "Faculty", "centers": "Center", "centres": "Centre",
             "units": "Unit", "sections": "Section", "programs": "Program", "programmes": "Programme",
             "services": "Service", "colleges": "College"}
_SHARED_HEAD = re.compile(r"\b(" + "|".join(w.capitalize() for w in _SINGULAR) + r")\s+of\s*$")


def _share_address(out: dict[str, str], unit: str, marks: list[str]) -> None:
    """The units of a shared affiliation line, each with its unit word and the address."""
    if len(marks) < 2 or any(not out.get(m) for m in marks):
        return
    name, comma, address = out[marks[-1]].partition(",")
    if not comma:
        return
    for m in marks[:-1]:
        own = re.sub(r"(?:\s*,)?(?:\s+and)?\s*$", "", out[m])
        out[m] = f"{unit} {own},{address}"
    out[marks[-1]] = f"{unit} {name},{address}"


# a line that stops mid-phrase: the affiliation goes on on the next line
_OPEN_END = re.compile(r"(?:\b(?:of|and|for|the|at|in|on|de|du|des|der|di|da|do|dos|das|del|y|e|und)|[,&\-–])\s*$")


def _join_aff(text: str, more: str) -> str:
    """An affiliation's next piece joined on. A line ending in a hyphen after a letter goes
    on without a space: before a capital or a digit the hyphen is the name's own ("Jammu –
    Tawi-" + "180 001", "Baden-" + "Württemberg"), before lower case it broke a word
    ("Labo-" + "ratory") and goes."""
    if not text:
        return more.strip()
    if re.search(r"[^\W\d_][-‐]$", text) and more[:1].isalnum():
        return text[:-1] + more if more[:1].islower() else text + more
    return f"{text} {more}".strip()


# a telephone or fax number printed after the address (JATS keeps <phone>/<fax> apart from
# the institution and its address): from its label to the end
_PHONE = re.compile(r"[.;,]?\s*\b(?:Tel(?:ephone)?|Phone|Ph|Fax|Mob(?:ile)?)\b\.?\s*(?:no\.?\s*)?[:.]?\s*\+?[\d(][\d\s()+\-/.,;:]*.*$", re.I)


# the conjunction that joins the last two affiliations of a list ("…, India, and" / "…; and"):
# it belongs to the list, not to the affiliation before it
_LIST_AND = re.compile(r"[,;]?\s+and$|(?<=[a-z]{3})\.$")  # (and the full stop of one printed as a sentence)
# e-mail addresses printed inside an affiliation, each with the initials of its owner
# ("…, Spain; a@b.org (K.R.-E.); c@d.org (D.H.)"): contact details, not the institution
# a correspondence note run on after the last affiliation ("…, Iran. * email:")
_TRAILING_NOTE = re.compile(r"\s*[*∗✉]?\s*(?:e-?mail|tel|phone|fax)\s*[:.]?\s*$", re.I)
_CONTACT = re.compile(r"[;,]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*\((?:[A-Z]\.-?)+(?:,\s*(?:[A-Z]\.-?)+)*\))?")


INSTITUTION_EN = re.compile(r"\b(?:Universit\w*|Institut\w*|Department|Hospital|College|School|Cent(?:er|re)|Laborator\w*|"
                          r"Faculty|Division|Academy|Ministry|Program|Unit|Clinic|Foundation|Inc\.|Ltd|GmbH|Corporation|"
                          r"Company|Research\s+(?:Australia|Council|Group|Unit|Centre|Center)|Systems\s+Research|Agency|Observatory)\b")
