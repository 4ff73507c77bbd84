"""Cut an article's first page into labelled fields, title lines and author lines."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from parsers.joining import COMPOUND_LINKS, english_words, join_lines
from parsers.labels import LabelHit, field_specs, find_labels, is_named_section
from parsers.normalize import latin_share

if TYPE_CHECKING:  # pragma: no cover
    from parsers.textlayer import Line


# a footnote (①, [1]) begins: the end of an unmarked footnote block's last field
_NOTE_START = re.compile(r"^\s*(?:[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|\[\d{1,3}\])")
# a page note marked 1) (GB/T 7714-2015 10.1.2 allows it) ends a first-page note before it; in an
# abstract, "1) …" opens an item of an enumeration, so only the notes' own fields end there
_PAREN_NOTE = re.compile(r"^\s*\d{1,2}\)\s*\S")
_NOTE_FIELDS = frozenset({"bio", "funding", "author_note", "affiliation", "contact", "corresponding"})


@dataclass
class Header:
    fields: dict[str, str] = field(default_factory=dict)   # field name -> re-joined value
    raw: dict[str, list[str]] = field(default_factory=dict)  # field name -> value lines as printed
    used: set[int] = field(default_factory=set)              # indexes of lines that belong to a field
    at: dict[str, int] = field(default_factory=dict)         # field name -> index of its label's line


# an OCR layer's type sizes come from each line's character pitch and box height
# (parsers.ocr.type_size): a justified long line, a two-character one or one whose box a
# quote mark grows measures up to about 12% off another line in the same type
OCR_SIZE_SPREAD = 0.12


def size_slack(lines: list["Line"], size: float, printed: float) -> float:
    """How far type sizes may differ near `size` and still be one type: `printed` for a text
    layer, whose sizes are the fonts', wider when every line was read by OCR."""
    return max(printed, OCR_SIZE_SPREAD * size) if lines and all(ln.invisible for ln in lines) else printed


def _size_tolerance(a: "Line", b: "Line") -> float:
    """How far two lines' type sizes may differ and still be the same text: an OCR layer's
    sizes follow each scanned line's height (6.5 to 8.4 pt within one abstract)."""
    return 2.0 if a.invisible and b.invisible else 0.75


def _continues(prev: "Line", nxt: "Line", label_line: "Line", gap_lines: float = 2.3, leading: float = 0.0) -> bool:
    """Does `nxt` carry on the value begun on `label_line`? Same type size, and either the
    next line down or the top of the next column."""
    if abs(nxt.size - label_line.size) > _size_tolerance(nxt, label_line):
        return False
    gap = nxt.y - prev.y
    # `leading`: the widest line gap seen so far in this value (uneven OCR'd lines)
    if 0 < gap < max(max(prev.size, nxt.size) * gap_lines, leading * 1.25):
        return True
    return gap < 0 and nxt.x0 > prev.x0 + 4 * nxt.size  # next column


# a line opening with a run-in label of its own ("Author: …", "Foundation item: …"): a keyword
# list holds no such label, so the list ended on the line before (the next labelled note)
_RUN_IN_LABEL_EN = re.compile(r"^\s*[A-Z][A-Za-z]+(?:\s+[A-Za-z]+){0,2}\s*[:：]\s*\S")


def _column_x1(line: "Line") -> float:
    """The right edge of a line's own column: where its spans stop before a gap of over one and a half
    ems (a side box's text merged into the same printed row lies beyond it)."""
    spans = sorted(line.spans or [], key=lambda sp: sp.x0)
    for a, b in zip(spans, spans[1:]):
        if b.x0 - a.x1 > 1.5 * line.size:
            return a.x1
    return line.x1


# a word broken at the line end: a hyphen, Founder's hyphen bullet (U+2043) or U+2010
_BROKEN_WORD = re.compile(r"(?P<head>[A-Za-z]+)[-\u2043\u2010]$")
# prefixes English spells with a hyphen: "multi-\ndisciplinary" keeps it
_HYPHEN_PREFIXES = {"self", "non", "cross", "well", "multi", "semi", "anti", "co", "ex"}
# the second parts of English compounds that join a noun of any kind ("quercetol-induced",
# "evidence-based"): a word broken before one of them was broken at its own hyphen
_COMPOUND_TAILS = {"induced", "based", "related", "dependent", "mediated", "associated", "derived", "specific",
                   "like", "free", "treated", "resistant", "driven", "oriented", "containing", "loaded", "rich"}


def _compound_break(head: str, tail: str, whole: str) -> bool:
    """Was a word broken at a line end after `head` a compound broken at its own hyphen?
    Yes when the compound is printed hyphenated elsewhere in the text, when `head` is a
    prefix English hyphenates, when `tail` is a compound's common second part, or when both
    halves are English words and the two run together are not
    ("high-" + "quality", "long-" + "term", "state-" + "owned"; not "in-" + "dustry",
    "work-" + "place"). Justified English hyphenates a plain word only inside itself."""
    low, rest = head.lower(), tail.lower()
    if low in _HYPHEN_PREFIXES or f"{head}-{tail}" in whole or rest in _COMPOUND_TAILS:
        return True
    words = english_words()
    return low in words and rest in words and low + rest not in words


# a font without a ToUnicode map that reads its hyphen as "2" ("new2emerging", "mak2" + "ing"):
# a digit between two-letter runs of lower case (or ending a line after them) is no digit of English
# (a unit squared at a line end, "30 km2", keeps its digit: a line-end break needs three letters before it)
_HYPHEN_AS_TWO = re.compile(r"(?<=[a-z]{2})2(?=[a-z]{2})|(?<=[a-z]{3})2(?=\s*$)")


def join_prose(parts: list[str]) -> str:
    """Lines of English prose (an abstract) joined, a word the typesetter hyphenated at
    the line end made whole again ("in-" + "dustry" -> "industry"): justified English is
    hyphenated freely, so a line-end hyphen before a lower-case letter is a break unless
    the word is a compound broken at its own hyphen (_compound_break: "high-" + "quality")
    or at one of a hyphenated chain's own hyphens (difference-in-differences)."""
    parts = [_HYPHEN_AS_TWO.sub("-", p) for p in parts]
    whole = " ".join(parts)
    out: list[str] = []
    for k, line in enumerate(parts):
        line = line.rstrip()
        nxt = parts[k + 1].lstrip() if k + 1 < len(parts) else ""
        m = _BROKEN_WORD.search(line)
        tail = re.match(r"[a-z]+", nxt)
        if m and tail:
            head = m.group("head")
            # (a break at a hyphenated chain's own hyphen: after its link word, "difference-in-"
            # + "differences", or before a part the chain goes on from, "…-storage-" +
            # "decarbonization-digitization"; "cost-effec-" + "tive" was hyphenated inside a part)
            after_hyphen = line[m.start() - 1:m.start()] in ("-", "\u2010")
            chain = (head.lower() in COMPOUND_LINKS and after_hyphen) or nxt[tail.end():tail.end() + 1] in ("-", "\u2010")
            if not chain and not _compound_break(head, tail.group(0), whole):
                line = line[:m.end("head")] + "\u00ad"  # (join_lines closes a soft hyphen up)
            elif line.endswith(("\u2043", "\u2010")):
                line = line[:-1] + "-"
        out.append(line)
    return join_lines(out).replace("\u2043", "-").strip(" ;；,，")


@lru_cache(maxsize=1)
def _strict_labels() -> frozenset[str]:
    return frozenset(label for spec in field_specs().values() for label in spec.strict)


def _run_in_label(line: "Line") -> str:
    """A line's text, with the colon a run-in label leaves out restored: "Abstract With
    the…" where "Abstract" is its own span in another font (bold) than the text after it.
    A run-in head set in its own type is a label however it is punctuated (the typeface is
    the separator); the same word in the text's own font is not."""
    spans = line.spans or []
    if len(spans) >= 2 and spans[0].text.strip() in _strict_labels() and spans[1].font != spans[0].font \
            and line.text.startswith(spans[0].text) and not re.match(r"\s*[:：.—–]", line.text[len(spans[0].text):]):
        label = spans[0].text.rstrip()
        return f"{label}: {line.text[len(spans[0].text):].lstrip()}"
    return line.text


_BARE_EN = {"abstract_en": re.compile(r"^(\s*(?:Abstract|ABSTRACT))[ \u3000]+(?=[A-Z])"),
             "keywords_en": re.compile(r"^(\s*(?:Key[ \u3000]?words|KEY[ \u3000]?WORDS|Key[ \u3000]Words))[ \u3000]+(?=[A-Za-z])")}


def _bare_english_labels(texts: list[str], start: int, hits: list[LabelHit], chinese: bool = False) -> bool:
    """Give a colon to English labels printed bare ("Abstract Money boys…", "Key words
    sexuality") in a Chinese article's header: its English block repeats the Chinese
    labels (GB/T 7713.2), so with 摘要 found and its English twin missing, a line opening
    with the English label word and then a capitalised word is that label. `chinese`: the
    lines are a Chinese article's own (its 摘要 read elsewhere: the English block closing the
    article). Edits `texts`; True when one was given."""
    found = {h.field for h in hits}
    if "abstract_zh" not in found and not chinese:
        return False
    changed = False
    for name, rx in _BARE_EN.items():
        if name in found:
            continue
        for k in range(start, len(texts)):
            m = rx.match(texts[k])
            if m:
                texts[k] = f"{m.group(1)}: {texts[k][m.end():]}"
                changed = True
                break
    return changed


def extract_labelled(lines: list["Line"], start: int = 0, gap_lines: float = 2.3, chinese: bool = False) -> Header:
    """Values of every label found in `lines[start:]`.

    A value runs to the next label on the same line; multi-line fields (abstracts,
    keywords, bios, funding) continue on following lines of the same type size until
    the next label or a gap of more than `gap_lines` line heights. `chinese`: the lines are
    a Chinese article's, whose English labels may be printed bare (_bare_english_labels).
    """
    specs = field_specs()
    texts = [_run_in_label(ln) for ln in lines]
    hits = find_labels(texts[start:])
    if _bare_english_labels(texts, start, hits, chinese):
        hits = find_labels(texts[start:])
    for h in hits:
        h.line += start
    header = Header()
    if not hits:
        return header
    for k, hit in enumerate(hits):
        nxt: LabelHit | None = hits[k + 1] if k + 1 < len(hits) else None
        line_text = texts[hit.line]
        if nxt is not None and nxt.line == hit.line and (line_text[hit.end:nxt.start].strip() or not specs[hit.field].multiline):
            parts = [line_text[hit.end:nxt.start]]
            header.used.add(hit.line)
        else:
            # (a multi-line label sharing its line only with a side box's heading —
            # "ABSTRACT  ARTICLE HISTORY" — has its value below it)
            parts = [line_text[hit.end:nxt.start] if nxt is not None and nxt.line == hit.line else line_text[hit.end:]]
            header.used.add(hit.line)
            spec = specs[hit.field]
            j = hit.line + 1
            prev = lines[hit.line]
            label_line = lines[hit.line]
            if not parts[0].strip():
                # a label printed alone as a heading (ABSTRACT, KEYWORDS): the value is in
                # the type of the line under it (in its column), not the heading's
                under = next((ln for ln in lines[j:j + 8] if 0 < ln.y - prev.y < prev.size * 2.5
                              and ln.x0 <= prev.x1 and ln.x1 >= prev.x0), None)  # (a centred heading too)
                label_line = under or label_line
            skipped = 0
            leading = 0.0
            while spec.multiline and j < len(lines) and skipped <= 8:
                here = lines[j]
                if not "".join(parts).strip() and here.y < lines[hit.line].y - 1:
                    j += 1  # a heading's value lies below it: a block above it read next is not it
                    continue
                if (here.y >= prev.y - 1 and abs(here.size - label_line.size) > _size_tolerance(here, label_line) - 0.45
                        and (here.x0 >= _column_x1(label_line) - 1 or here.x1 <= label_line.x0 + 1)):
                    j += 1  # a side box's line beside the value in other type, read in between
                    continue
                if here.size < label_line.size - _size_tolerance(here, label_line):
                    skipped += 1  # a footnote or caption between columns: look past it
                    j += 1
                    continue
                if nxt is not None and any(h.line == j for h in hits[k + 1:]):
                    first_hit = min(h.start for h in hits[k + 1:] if h.line == j)
                    if first_hit > 0 and texts[j][:first_hit].strip() and _continues(prev, here, label_line, gap_lines):
                        parts.append(texts[j][:first_hit])
                    break
                if (not _continues(prev, here, label_line, gap_lines, leading) or _NOTE_START.match(texts[j])
                        or (hit.field in _NOTE_FIELDS and _PAREN_NOTE.match(texts[j])) or is_named_section(texts[j])
                        or (hit.field == "keywords_en" and _RUN_IN_LABEL_EN.match(texts[j]))):
                    break
                if 0 < here.y - prev.y:
                    leading = max(leading, here.y - prev.y)
                if skipped and here.y > prev.y:
                    break  # past a footnote, only the top of the next column carries on
                parts.append(texts[j])
                header.used.add(j)
                prev = here
                skipped = 0
                j += 1
        # (English key words are set justified as the abstract is, and broken as it is)
        value = join_prose(parts) if hit.field in ("abstract_en", "keywords_en") else join_lines(parts).strip(" ;；,，")
        if hit.field in header.fields and not (hit.field == "bio" and latin_share(header.fields["bio"]) > 0.8
                                               and latin_share(value) < 0.5):
            continue  # a label seen twice (e.g. 摘要 in a footnote): keep the first
        # (but a Chinese 作者简介 after its English twin, "Biography: WANG San (1980-), male, …",
        # is the record's bio: GB/T 7713.2 prints the Chinese one, the English is its translation)
        header.fields[hit.field] = value
        header.raw[hit.field] = parts
        header.at[hit.field] = hit.line
    return header
