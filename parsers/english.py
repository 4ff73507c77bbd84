"""English titles, names, abstracts and keywords: beside the Chinese header or issue-end.

Two layouts: the block printed right after the Chinese header (or at an article's end),
and the issue-end English-abstracts section whose entries carry `NAME Given / 43`, the
printed first page of the article they belong to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parsers.byline_en import MARK_GROUP
from parsers.fonts import repair_quirks
from parsers.header import Header, extract_labelled, join_prose, size_slack
from parsers.labels import find_labels, type_of_category
from parsers.joining import join_lines, plain_letters
from parsers.normalize import latin_share
from parsers.sidebar import joined_spans

if TYPE_CHECKING:  # pragma: no cover
    from parsers.textlayer import Line

BYLINE = re.compile(r"^(?P<names>[A-Z][A-Za-z'’\-]+(?: [A-Za-z][A-Za-z'’.\-]*)*(?:\s*[,，、;&]\s*(?:and )?[A-Z][A-Za-z'’\-]+(?: [A-Za-z][A-Za-z'’.\-]*)*)*)\s*/\s*(?P<page>\d{1,4})$")
# an issue-end entry's names followed by the page its article starts on, in any printed
# form: "ZHANG San1, LI Si2* / 43", "ZHANG San, LI Si (43)", "ZHANG San, LI Si …… 43"
# (the names keep their byline marks; split_names_en drops them)
_BYLINE_PAGE = re.compile(r"^(?P<names>\S.*?\S)\s*(?:(?P<slash>/)\s*|[(（]\s*|(?:[.…·．]\s*){2,})(?P<page>\d{1,4})\s*[)）]?$")
# an affiliation line of the English block (GB/T 7713.2: unit, city, postcode, country):
# an institution word (abbreviated too: "Univ.", "Lab."), a six-digit Chinese postcode
_AFFIL_WORDS = re.compile(r"\b(University|Univ\.|Institute|Inst\.|Academy|College|School|Faculty|Hospital|Center|Centre|Department|Dept\.|Laboratory|Lab\."
                          r"|Company|Corporation|Co\.|Ltd|Bureau|Ministry|Province|Provincial|China|Beijing|Shanghai|P\.\s?R\.)(?!\w)|(?<!\d)\d{6}(?!\d)")
# a capitalised name token, accented letters included (LI Lüshu, José)
_NAME_TOKEN = re.compile(r"^(?=[A-ZÀ-Þ])[^\W\d_]+(?:['’\-][^\W\d_]*)*\.?$")


@dataclass
class EnglishEntry:
    title: str = ""
    names: list[str] = field(default_factory=list)
    abstract: str = ""
    keywords: list[str] = field(default_factory=list)
    page: int | None = None       # printed first page the entry points at
    byline: str = ""              # the English byline as printed when it could not be cut into names


# the closing （责任编辑：…） line of a Chinese article, read into the last field before it
# (in round brackets, or in the square ones CNKI-era journals print: ［责任编辑：…］, 【…】)
_EDITOR_TAIL = re.compile(r"\s*[（(［\[【]\s*(?:责任编辑|责任校对|编辑)\s*[:：][^）)］\]】]*[）)］\]】]?\s*$")


# what sets keywords apart besides commas: semicolons, bars, middle dots and bullets, and a
# glyph standing alone between spaces that the font does not name (Springer's "·" drawn in a
# symbol font comes out as U+FFFD or a private-use character; a bullet a simple font draws at
# a WinAnsiEncoding code the table leaves unused, 0x7F or 0x80–0x9F, which PDF 32000 Annex D
# shows as a bullet, comes out as that control character)
_KW_SEPARATOR = re.compile(r"\s*[;；|·•∙⋅・‧▪■◆]\s*|\s+[\ufffd\ue000-\uf8ff\x7f-\x9f]\s*")
# a comma between two digits is part of a chemical locant ("2,4-D", "1,2-dichloroethane")
_KW_COMMA = re.compile(r"\s*[,，]\s*(?!(?<=\d,)\d)")


def split_keywords_en(value: str) -> list[str]:
    """English keywords apart, for every layout (an English-language article's Keywords, the
    English block of a Chinese article, an issue-end entry): semicolons, vertical bars,
    middle dots or bullets when the list uses them (then a comma stays inside a keyword:
    "Ocimum sanctum, L."), else commas (not one between digits: "2,4-D"). A Chinese
    article's closing （责任编辑：…） run on after them and the list's full stop are dropped."""
    text = plain_letters(_EDITOR_TAIL.sub("", value)).strip().rstrip(".")
    parts = _KW_SEPARATOR.split(text) if _KW_SEPARATOR.search(text) else _KW_COMMA.split(text)
    parts = [p.strip().rstrip(".").strip() for p in parts if p.strip().rstrip(".").strip()]
    if len(parts) >= 3 and not _KW_SEPARATOR.search(text):
        # a list set as a serial series ("a, b, and c"): the "and" joins the list, no keyword's
        parts[-1] = re.sub(r"^(?:and|&)\s+", "", parts[-1])
    return parts


# the marks a byline name carries: affiliation numbers (digits, superscripts, circled
# numbers ①) and corresponding-author signs (*, Founder's ∗, ＊, #, †, ‡, §)
_NAME_MARKS = re.compile(r"[(（]\d{1,2}[)）]|\d{1,2}[)）]|[\d*∗＊⁎#†‡§¹²³⁴⁵⁶⁷⁸⁹⁰˒\u2460-\u2473]+")  # (and "1)", "(1)": numbered notes)
# "By ZHANG San and LI Si": a byline's lead-in word is not part of the first name
_BY = re.compile(r"^\s*(?:By|BY)\s+(?=[A-Z])")


def _bare_name(name: str) -> str:
    """A byline name without its marks, spaces closed up, and without a full stop ending the
    line ("LI Si." — but an initial keeps its point: "Chen J.")."""
    name = re.sub(r"\s+", " ", _NAME_MARKS.sub(" ", name)).strip(" ,，;；")
    return name[:-1] if name.endswith(".") and not re.search(r"(?:^|\s)[A-Z]\.$", name) else name


# "et al" closing a shortened byline ("ZHANG San, LI Si, et al."): no name
_ET_AL = re.compile(r"[,，]?\s*\bet\.?\s*al\b\.?\s*$")


def split_names_en(text: str) -> list[str]:
    text = _ET_AL.sub("", _NAME_MARKS.sub(" ", _BY.sub("", text)))
    parts = re.split(r"\s*[,，、;；&]\s*(?:and\s+)?|\s+and\s+", text)  # (a serial comma: "A, B, and C")
    return [_bare_name(p) for p in parts if _bare_name(p)]


def _ocr_hyphens(text: str) -> str:
    """A dash between two lower-case letters in a name is a hyphen (Yun—tao, read by OCR)."""
    return re.sub(r"(?<=[a-z])[—–－](?=[a-z])", "-", text)


def looks_like_names(text: str) -> bool:
    names = split_names_en(_ocr_hyphens(text))
    if not names or len(text) > 160 or _AFFIL_WORDS.search(text):
        return False
    for name in names:
        tokens = name.split()
        if not 1 <= len(tokens) <= 4 or not all(_NAME_TOKEN.match(t) for t in tokens):
            return False
    # at least one all-caps surname or every name capitalised (short tokens)
    return True


def parse_english_section(lines: list["Line"]) -> list[EnglishEntry]:
    """Entries of an issue-end English-abstracts section, in printed order.

    Each entry is a title, a `NAME Given / 43` byline, then Abstract and Keywords; the
    title runs from the line after the previous entry's last field to the byline.
    """
    entries: list[EnglishEntry] = []
    found = [(i, _byline_page(ln.text)) for i, ln in enumerate(lines)]
    bylines = [(i, m) for i, m in found if m is not None]
    if not bylines:
        return _entries_without_pages(lines)
    lo = 0
    for k, (b, (names, page)) in enumerate(bylines):
        hi = bylines[k + 1][0] if k + 1 < len(bylines) else len(lines)
        block = extract_labelled(lines[b + 1: hi], 0)
        entries.append(EnglishEntry(
            title=_TITLE_LABEL.sub("", join_lines([ln.text for ln in _title_lines(lines[lo:b])])),
            names=names,
            abstract=join_prose(block.raw.get("abstract_en", [])),
            keywords=split_keywords_en(block.fields.get("keywords_en", "")),
            page=page,
        ))
        lo = b + 1 + (max(block.used) + 1 if block.used else 0)
    return entries


def _byline_page(text: str) -> tuple[list[str], int] | None:
    """(names, page) of an issue-end entry's byline line that ends with its article's first
    page ("/ 43", "(43)", "…… 43"), or None. The names may carry their byline marks; a
    bracketed or dotted page (which a title could end with too) needs a surname printed in
    capitals (GB/T 28039), a slash page any name-like run."""
    text = text.strip()
    if (m := BYLINE.match(text)) is not None:
        return split_names_en(m.group("names")), int(m.group("page"))
    m = _BYLINE_PAGE.match(text)
    if m is None:
        return None
    # (the names' institution may sit in brackets between them and the page)
    names = (a.group("names") if (a := _NAMES_WITH_AFFIL.match(m.group("names"))) else m.group("names")).strip()
    if not looks_like_names(names) or (not m.group("slash") and not re.search(r"\b[A-Z]{2,}\b", _NAME_MARKS.sub(" ", names))):
        return None
    return split_names_en(names), int(m.group("page"))


def _title_lines(lines: list["Line"]) -> list["Line"]:
    """An issue-end entry's title lines: a section heading ("English Abstracts"), a printed
    category or an identifier line above the title is not part of it."""
    k = 0
    while k < len(lines) - 1 and (_NOT_TITLE.match(lines[k].text) or type_of_category(lines[k].text) is not None):
        k += 1
    return lines[k:]


def _entries_without_pages(lines: list["Line"]) -> list[EnglishEntry]:
    """A section whose entries print no page number: each entry is the title, names and
    affiliation above an Abstract label, then Abstract and Key words (matched to its
    article later by names and title)."""
    starts = [h.line for h in find_labels([ln.text for ln in lines]) if h.field == "abstract_en"]
    entries: list[EnglishEntry] = []
    lo = 0
    for k, a in enumerate(starts):
        hi = starts[k + 1] if k + 1 < len(starts) else len(lines)
        block = extract_labelled(lines[a:hi], 0)
        title, names, _ = _title_and_names_above(lines, a, lo)
        entries.append(EnglishEntry(title=title, names=names, abstract=join_prose(block.raw.get("abstract_en", [])),
                                    keywords=split_keywords_en(block.fields.get("keywords_en", ""))))
        lo = a + max(block.used) + 1 if block.used else a + 1
    return entries


# lines that end an English title walked up from the names: a labelled field of the
# Chinese block (DOI, 文章编号 values, CLC), an identifier printed alone, or a reference-list
# entry ([5] …, 5. …) when the English block follows the references (GB/T 7714 markers)
_NOT_TITLE = re.compile(r"^\s*(?:(?:DOI|doi)\s*[:：]|https?://|\d{4}-\d{3}[\dXx]\s*[（(]|[\[［]\s*\d{1,3}\s*[\]］]|\d{1,3}\s*[.．]\s*[A-Z][^\s]*[,.，]"
                        r"|(?:CLC|Document code|Article ID|Article No)\b"
                        # (an issue-end section's heading over its first entry: "English Abstracts")
                        r"|(?:English\s+)?Abstracts\s*$|ABSTRACTS\s*$"
                        # (or in Chinese: "英文摘要", "本期英文摘要"; or "Abstracts of Papers in This Issue")
                        r"|(?:本期)?英\s*文\s*摘\s*要\s*$|(?:English\s+)?Abstracts\s+of\s+(?:the\s+)?(?:Main\s+)?(?:Papers|Articles)\b.{0,20}$)")
# the shape of a reference entry without its marker (an author-date list above an English
# block at the article's end): a GB/T 7714 type code, "(2010)", "12(3): 45", "pp. 4"
_CITATION_SHAPE = re.compile(r"[\[［]\s*(?:J|M|C|D|R|N|EB/OL|J/OL)\s*[\]］]|\(\s*(?:19|20)\d\d[a-z]?\s*\)"
                             r"|\b\d+\s*\(\d+\)\s*[:：]\s*\d+|\bpp?\.\s*\d")
# the last word of a line that cannot end an English title
_OPEN_END = re.compile(r"\b(?:a|an|the|of|to|and|or|for|with|in|on|at|by|from|into|between|among|via|versus|vs\.?)\s*$", re.I)
# a label printed before the title itself ("Title: …") is not part of it
_TITLE_LABEL = re.compile(r"^\s*(?:Title|TITLE)\s*[:：]\s*")
# the names' institution printed in brackets after them: "Shan Bo，Zhou Xiayu（Wuhan University）"
_NAMES_WITH_AFFIL = re.compile(r"^(?P<names>[^（(]+?)\s*[（(][^（）()]*(?:University|Institute|Academy|College|School|Hospital)[^（）()]*[）)]\s*$")


# a run-in English block: "Title of the Paper ZOU Tao. Department of …" — the title, then
# the names with the surname in capitals (GB/T 28039 pinyin names), then the affiliation
_RUN_IN = re.compile(r"^(?P<title>.+?[a-z”’\")])\s*(?P<names>[A-Z]{2,}(?:[ \-][A-Z][a-z]+)+(?:\s*[,，]\s*[A-Z]{2,}(?:[ \-][A-Z][a-z]+)+)*)\s*[.．]\s+(?P<aff>\S.*)$")


# a pinyin name with the surname in capitals (GB/T 28039: "LU Zheng", "CHEN Fa-zhan"): two
# of them on a line make it a byline line, whatever else it holds (a group author's name)
# (each followed by a comma or the line end, as names in a list are: "DNA Methylation and RNA Editing" is no byline)
_CAPS_NAME = re.compile(r"\b[A-Z]{2,}\s[A-Z][a-z]+(?:-[a-z]+)?(?=\s*[,，]|\s*$)")


# a group author (GB/T 7714 and ICMJE group authorship) in an English byline: a committee,
# society, association, consortium or a working/study/writing group, without an address
_GROUP_EN = re.compile(r"\b(?:Committee|Association|Society|Consortium|Collaboration|Council|Alliance|Panel|Task Force"
                       r"|(?:Working|Study|Writing|Research|Expert|Collaborative|Cooperative|Project|Consensus|Coordinating)\s+Group)\b")


def _is_group_author(part: str) -> bool:
    """A comma part of a byline naming a group author: a group word, capitalised words of
    a name's length, no digits (an address has its postcode) and no institution address."""
    words = part.split()
    return (bool(_GROUP_EN.search(part)) and 2 <= len(words) <= 16 and not re.search(r"\d|[.．]|University|Hospital|Ltd", part)
            and all(w[0].isupper() or w in {"of", "on", "for", "and", "the", "in", "&"} for w in words))


def _names_of(text: str) -> list[str] | None:
    """The names on an English byline (bracketed institution after them allowed), or None.
    A group author among them is kept as one name."""
    m = _NAMES_WITH_AFFIL.match(text.strip())
    bare = m.group("names") if m else text
    if looks_like_names(bare):
        return split_names_en(_ocr_hyphens(bare))
    parts = [p.strip() for p in re.split(r"\s*[,，;；]\s*", _BY.sub("", bare)) if p.strip()]
    if any(_is_group_author(p) for p in parts) and all(_is_group_author(p) or looks_like_names(p) for p in parts):
        return [n for p in parts for n in ([p] if _is_group_author(p) else split_names_en(_ocr_hyphens(p)))]
    return None


def _unmarked(line: "Line") -> str:
    """A byline line's text without its raised marks ("Zhi-qiang Chen" ᵃ "," → "Zhi-qiang Chen,"),
    which the text layer glues to the name before them ("Chena"), nor the "and" it wraps after."""
    spans = line.spans or []
    kept = [sp for sp in spans if not (sp.sup and sp.text.strip() and MARK_GROUP.fullmatch(sp.text.strip()))]
    # (spans rejoined are repaired as the line was: a Founder hyphen 鄄 is a span of its own)
    text = line.text if not kept or len(kept) == len(spans) else \
        repair_quirks(re.sub(r"\s+(?=[,，;；])", "", joined_spans(kept)))
    return re.sub(r"(?:,?\s+(?:and|&))\s*$", "", text)  # (a byline wrapped after its "and")


def _title_and_names_above(lines: list["Line"], at: int, lo: int = 0) -> tuple[str, list[str], str]:
    """Walk up from the Abstract line `at` (not above `lo`): affiliations, names, the title
    (and the byline as printed when it could not be cut into names).

    The title is the run of English lines above the names, in one type size: the English
    block mirrors the Chinese header (GB/T 7713.2), its title set larger than the names
    under it, so of lines in different sizes the largest run is the title and smaller
    lines below it are the byline. A labelled identifier or a reference entry above it is
    not part of it."""
    i = at - 1
    while i >= lo and _stray(lines[i], lines[at]):
        i -= 1
    for k in range(i, max(lo, i - 3) - 1, -1):  # (the run-in line sits just above the affiliation's end)
        run_in = _RUN_IN.match(lines[k].text.strip()) if latin_share(lines[k].text) > 0.8 else None
        if run_in and len(run_in.group("title").split()) >= 3:
            return run_in.group("title").strip(), split_names_en(run_in.group("names")), ""
    while i >= lo and latin_share(lines[i].text) > 0.8 and (
        lines[i].text.strip().startswith(("(", "（")) or _AFFIL_WORDS.search(lines[i].text)
    ) and _names_of(lines[i].text) is None and len(_CAPS_NAME.findall(lines[i].text)) < 2:  # (a run-in byline is no affiliation)
        i -= 1
    names: list[str] = []
    name_size = lines[i].size if i >= lo else 0.0
    run_in = False
    # (a line in larger type than the byline is the title's last line, however name-like)
    while i >= lo and latin_share(lines[i].text) > 0.8 and lines[i].size <= name_size + 0.5:
        named = _names_of(_unmarked(lines[i]))
        found = named if named is not None else _CAPS_NAME.findall(lines[i].text)
        if named is None and len(found) < 2:
            break
        run_in = run_in or named is None
        names = found + names
        i -= 1
    if not run_in and i + 2 < at:
        names = _names_rewrapped([t for t in map(_unmarked, lines[i + 1:at]) if _names_of(t) is not None], names)
    # a title line never ends on an article, preposition or conjunction: a name-like line
    # under one ("… Treatment of Male to" / "Female Transsexuals") is the title's last line
    if (names and i >= lo and i + 1 < at and _OPEN_END.search(lines[i].text)
            and (under := _names_of(lines[i + 1].text)) is not None and not _CAPS_NAME.search(lines[i + 1].text)):
        names = names[len(under):]
        i += 1
    if run_in:
        names = _run_in_names([ln.text for ln in lines[i + 1:at] if not _stray(ln, lines[at])]) or names
    run: list["Line"] = []
    # (nor is a printed article category above it: "Review Article", "Perspective")
    while (i >= lo and latin_share(lines[i].text) > 0.8 and lines[i].text.strip() and not _NOT_TITLE.match(lines[i].text)
           and type_of_category(lines[i].text) is None and not _CITATION_SHAPE.search(lines[i].text)):
        run.insert(0, lines[i])
        i -= 1
    if not run:
        return "", names, ""
    big = max(ln.size for ln in run)
    tol = size_slack(run, big, 0.5)
    top = max(k for k, ln in enumerate(run) if ln.size >= big - tol)  # last line of the largest type
    start = top
    while start > 0 and run[start - 1].size >= big - tol:
        start -= 1
    # an English subtitle in smaller type under the title opens with a dash, as the Chinese one does
    while top + 1 < len(run) and re.match(r"\s*(?:[—–]|--)", run[top + 1].text):
        top += 1
    # and a title line never ends on an article, preposition or conjunction: the line under
    # one is the title's too, whatever size OCR measured it at ("… management and" /
    # "control architecture …" read 16.5 and 12.7 pt from one 16 pt title)
    while top + 1 < len(run) and _OPEN_END.search(run[top].text) and _names_of(run[top + 1].text) is None:
        top += 1
    below = [ln.text for ln in run[top + 1:]]
    if below and not names and all(looks_like_names(t) for t in below):
        names = [n for t in below for n in split_names_en(_ocr_hyphens(t))]
    title = _TITLE_LABEL.sub("", join_lines([ln.text for ln in run[start:top + 1]]))
    return title, names, ("" if names or len(below) > 2 else join_lines(below))


def _names_rewrapped(texts: list[str], names: list[str]) -> list[str]:
    """The names of a byline wrapped inside a name ("Zheng Haifeng1, Sima" / "Xiangru2 and
    ZHUGE" / "Mingliang1", a narrow column): read line by line, a name of one word is half
    a name (a romanised name has a surname and a given name), so the lines are read as one."""
    if len(texts) < 2 or all(len(n.split()) >= 2 for n in names):
        return names
    whole = _names_of(" ".join(t.strip() for t in texts))
    return whole if whole and len(whole) < len(names) and all(len(n.split()) >= 2 for n in whole) else names


def _run_in_names(texts: list[str]) -> list[str]:
    """The names of a run-in English byline paragraph (CAJ-CD B/T 1: "Group Name. ZHANG San,
    LI Si, … WANG Wu. Affiliation, City 100000, China"), names wrapped over lines included:
    the one sentence that is all names, after a group author's sentence if one precedes it;
    [] when no sentence is."""
    sentences = re.split(r"(?<=[a-z])\s*[.．]\s*(?=[A-Z])", join_lines(texts))
    for k, sentence in enumerate(sentences):
        found = split_names_en(_ocr_hyphens(sentence))  # (a long byline: each name checked alone)
        if len(found) >= 2 and all(looks_like_names(n) for n in found):
            group = sentences[k - 1].strip() if k else ""
            return ([group] if k == 1 and _is_group_author(group) else []) + found
    return []


def _stray(line: "Line", beside: "Line") -> bool:
    """A mark left between blocks (a lone note number, a hidden 1pt glyph): not text."""
    text = line.text.strip()
    return not text or line.size < beside.size * 0.5 or bool(re.fullmatch(r"[\d*∗†‡,，.\s]+", text))


def english_beside_header(lines: list["Line"], header: Header | None = None, chinese: bool = False) -> EnglishEntry | None:
    """The English block printed in an article itself: title, names, Abstract, Key words.

    `header` is the page's labelled fields when the caller has them already; `chinese`: the
    lines are a Chinese article's (its English labels may be printed bare)."""
    header = header or extract_labelled(lines, chinese=chinese)
    if "abstract_en" not in header.fields:
        return None
    entry = EnglishEntry(abstract=join_prose(header.raw["abstract_en"]),
                         keywords=split_keywords_en(header.fields.get("keywords_en", "")))
    entry.title, entry.names, entry.byline = _title_and_names_above(lines, header.at["abstract_en"])
    return entry


def cut_byline(byline: str, expected: list[list[str]]) -> list[str]:
    """An English byline printed with only spaces between names ("Fu Xiaoxing Lei Zhang
    Eric P. F. Chow Ma Tiecheng") cut by the names expected for each author in turn (the
    pinyin of a Chinese name in either order, or a Latin name as the Chinese byline
    prints it); [] unless every author is found, in order, and nothing is left over."""
    tokens = byline.split()
    key = lambda ws: re.sub(r"[^a-z]", "", " ".join(ws).lower())  # noqa: E731
    out: list[str] = []
    i = 0
    for options in expected:
        for option in options:
            n = len(option.split())
            if option and key(tokens[i:i + n]) == key([option]):
                out.append(_bare_name(" ".join(tokens[i:i + n])))
                i += n
                break
        else:
            return []
    return out if i == len(tokens) else []
