"""Find labelled fields (摘要：…, 中图分类号：…) in a block of header lines.

The vocabulary is data (`layouts/labels.toml`); this module only knows how labels look
on a page: possibly letter-spaced, possibly in 【】 brackets, followed by a colon.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class FieldSpec:
    name: str
    labels: tuple[str, ...]
    multiline: bool
    strict: frozenset[str]
    dated: bool = False  # a strict label may also be followed straight by a date ("Received 29 July 2020")
    ahead: str = ""      # a strict label may also be followed straight by a value of this shape ("DOI 10.1234/…")


@dataclass
class LabelHit:
    field: str
    line: int      # index of the line holding the label
    start: int     # offset of the label in that line
    end: int       # offset just after the label (and its colon)
    label: str


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """`layouts/labels.toml`, read and parsed once per process."""
    text = resources.files("parsers").joinpath("layouts/labels.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def field_specs() -> dict[str, FieldSpec]:
    data = vocabulary()["fields"]
    return {
        name: FieldSpec(name, tuple(d["labels"]), bool(d.get("multiline")), frozenset(d.get("strict", ())), bool(d.get("dated")),
                        str(d.get("ahead", "")))
        for name, d in data.items()
    }


_DATE_AHEAD = r"(?=\s+(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))"


# the brackets a journal prints a label in ([摘要], 【摘 要】, 〔关键词〕, ［摘 要］, 〖摘要〗), as
# regex class contents: every reader of a label, here and beyond the vocabulary, takes these
LABEL_OPEN = r"【\[〔［〖"
LABEL_CLOSE = r"】\]〕］〗"


def _label_regex(label: str, strict: bool, dated: bool = False, ahead: str = "") -> tuple[str, str]:
    """(the label as printed in a bracket, the label as printed bare): a match opens with a
    bracket or with the label's first character, never both, so each group of
    `_label_groups` holds only the form its key can open (half the pattern to compile)."""
    # (letter-spaced as printed: 摘　要, 关 键 词, A B S T R A C T; any Unicode space, since
    # justified CJK text is spaced with U+3000 and PDF exports write thin and no-break spaces)
    spaced = r"\s*".join(re.escape(c) for c in label if c != " ")
    # a strict label needs a colon, unless it is printed alone on its line as a heading
    # (or beside another heading in capitals: "ABSTRACT  ARTICLE HISTORY")
    colon = r"(?:\s*[:：]|\s*$|(?<=[A-Z])(?=\s+[A-Z]{2,}(?:\s+[A-Z]{2,})*\s*$)" + (
        "|" + _DATE_AHEAD if dated else "") + (rf"|(?=\s+{ahead})" if ahead else "") + ")" if strict else r"\s*[:：]?"
    # (in any bracket a journal prints labels in: [摘要], 【摘 要】, 〔关键词〕, full-width ［摘 要］, 〖摘要〗)
    bracketed = rf"[{LABEL_OPEN}]\s*" + spaced + rf"\s*[{LABEL_CLOSE}]\s*[:：]?"
    if strict and label[:1].isascii() and label[:1].isalpha():
        # an English label opening its line may end in a full stop or a dash instead:
        # "Abstract. We…", "Index Terms—Deep…" (mid-sentence "the Abstract. Then" is not one)
        return bracketed, rf"(?:{spaced}{colon}|(?:(?<=^)|(?<=^\s)|(?<=^\s\s)){spaced}(?:\.(?=\s)|\s*[—–]))"
    return bracketed, rf"(?:{spaced}{colon})"


_BRACKETS = LABEL_OPEN.replace("\\", "")
# a label starts a line or follows a space/punctuation; never inside a word
# (or follows a note mark: *, ∗, or a private-use glyph a typesetter drew the mark with;
# or a bullet some journals print before each closing label: ■收稿日期, ◆作者单位)
# A full-width opening bracket is a boundary of its own: "［中图分类号］D920.4［文献标志码］A".
_BOUNDARY = r"(?:(?<=^)|(?<=[\s，。；;,.）)*∗\ue000-\uf8ff■□◆◇●▲△★☆])|(?=[【［〖〔]))"


@lru_cache(maxsize=1)
def _label_groups() -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """The vocabulary as alternatives grouped by the character a match opens with (a
    label's first character, or a bracket and the label's first character): each group is
    compiled on first use, so a document pays only for the labels it could contain, not
    for the whole vocabulary (about 0.13 s). Within a group the order is the global one:
    longest labels first, so 内容提要 wins over 提要."""
    parts = []
    for spec in field_specs().values():
        for label in spec.labels:
            parts.append((len(label), spec.name, label, _label_regex(label, label in spec.strict, spec.dated, spec.ahead)))
    parts.sort(key=lambda p: -p[0])
    groups: dict[str, list[str]] = {}
    for i, (_, name, label, (bracketed, bare)) in enumerate(parts):
        groups.setdefault(label[0], []).append(f"(?P<f{i}_{name}>{bare})")
        for b in _BRACKETS:
            groups.setdefault(b + label[0], []).append(f"(?P<f{i}_{name}>{bracketed})")
    starts = "".join(sorted(re.escape(c) for c in {k[0] for k in groups}))
    return re.compile(rf"{_BOUNDARY}[{starts}]"), groups


@lru_cache(maxsize=None)
def _group_regex(key: str) -> re.Pattern[str] | None:
    alts = _label_groups()[1].get(key)
    return re.compile("|".join(alts)) if alts else None


def _match_at(line: str, pos: int) -> re.Match[str] | None:
    """The label starting at `pos` (a boundary and a possible first character), if any."""
    key = line[pos]
    if key in _BRACKETS:
        j = pos + 1
        while j < len(line) and line[j].isspace():
            j += 1
        key += line[j:j + 1]
    rx = _group_regex(key)
    return rx.match(line, pos) if rx is not None else None


@lru_cache(maxsize=1)
def type_words() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Article type -> (title words, standalone headings), from `layouts/labels.toml`."""
    return {name: (tuple(d.get("words", ())), tuple(d.get("headings", ())))
            for name, d in vocabulary().get("types", {}).items()}


@lru_cache(maxsize=1)
def _type_openings() -> dict[str, tuple[str, ...]]:
    return {name: tuple(d.get("opens", ())) for name, d in vocabulary().get("types", {}).items()}


def type_of_title(text: str) -> str | None:
    """The article type a title's words announce (anywhere, or as its opening: `opens`), if any."""
    low = text.lower()
    stripped = low.strip()
    for name, (words, _) in type_words().items():
        if any(w.lower() in low for w in words) or stripped.startswith(tuple(o.lower() for o in _type_openings()[name])):
            return name
    return None


@lru_cache(maxsize=1)
def _categories() -> dict[str, str]:
    return {c.casefold(): name for name, d in vocabulary().get("types", {}).items() for c in d.get("categories", ())}


def type_of_category(text: str) -> str | None:
    """The type a printed article category names ("REVIEW", "Review Article | Technology",
    "Perspective"), if the line is one (labels.toml `categories`)."""
    key = re.sub(r"\s+", " ", text.split("|")[0]).strip().strip(":：").casefold()
    return _categories().get(key)


def type_of_heading(text: str) -> str | None:
    """The type a heading printed alone announces ("Preface", "卷首语"), if any."""
    key = re.sub(r"[\s\u3000]+", " ", text).strip().strip(":：").lower()
    for name, (_, headings) in type_words().items():
        if any(key == h.lower() or key.replace(" ", "") == h.replace(" ", "").lower() for h in headings):
            return name
    return None


@lru_cache(maxsize=1)
def _section_words() -> frozenset[str]:
    heads = vocabulary().get("sections", {}).get("headings", [])
    return frozenset(h.casefold().replace("’", "'") for h in heads)


_SECTION_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?(?=\s)|\d{1,2}(?:\.\d{1,2})*\.|[IVX]{1,4}\.|[一二三四五六七八九十]{1,3}[、.])\s*")


def is_section_heading(text: str) -> bool:
    """A heading of one paper's sections ("2. Methods", "Conclusions", "8. Conclusion"):
    a numbered heading, or one whose words name a section (labels.toml `sections`)."""
    t = re.sub(r"[\s\u3000\x07]+", " ", text).strip().rstrip(":：.")
    m = _SECTION_NUMBER.match(t)
    bare = t[m.end():] if m else t
    if bare.casefold().replace("’", "'") in _section_words():
        return True
    # "8. Conclusion", "3.1 Data": a number then a capitalised heading of a few words
    return bool(m and m.group(0).strip() and re.fullmatch(r"[A-Z][^.!?]{0,80}", bare) and len(bare.split()) <= 10)


def is_named_section(text: str) -> bool:
    """A heading that names a section ("0 引言", "一、引言", "1. Introduction"): the end of any
    header field above it, even with no gap before it. Unlike `is_section_heading`, a number
    before an arbitrary capitalised line ("12 Chinese provinces…") is not enough."""
    t = re.sub(r"[\s\u3000\x07]+", " ", text).strip().rstrip(":：.")
    if len(t) > 60:
        return False
    m = _SECTION_NUMBER.match(t)
    bare = (t[m.end():] if m else t).casefold().replace("’", "'")
    return bare in _section_words() or bare.replace(" ", "") in _section_words()  # letter-spaced "引 言"


@lru_cache(maxsize=1)
def _end_matter_regex() -> re.Pattern[str]:
    heads = sorted(vocabulary().get("end_matter", {}).get("headings", []), key=len, reverse=True)
    alts = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    return re.compile(rf"^\s*(?:{alts})\s*(?::|$)", re.I)


def is_end_matter(text: str) -> bool:
    """Does the line open back matter (Funding:, Publisher's Note, Author contributions)
    that ends a reference list? (labels.toml `end_matter`)"""
    return bool(_end_matter_regex().match(text or ""))


def find_labels(lines: list[str]) -> list[LabelHit]:
    """Every label in the lines, in reading order."""
    hits: list[LabelHit] = []
    candidates = _label_groups()[0].search
    for i, line in enumerate(lines):
        pos = 0
        while (c := candidates(line, pos)) is not None:
            m = _match_at(line, c.start())
            if m is None:
                pos = c.start() + 1
                continue
            # (each alternative is one named group with no capturing group inside)
            hits.append(LabelHit(m.lastgroup.split("_", 1)[1], i, m.start(), m.end(), m.group(0)))
            pos = max(m.end(), c.start() + 1)
    return hits
