"""The journal's own name, from where a journal prints it: the cover, a CNKI online-first
cover, and the running heads ("第 47 卷第 5 期  电　网　技　术  Vol. 47 No. 5").

Running heads carry the name among volume, issue, date and page numbers, often
letter-spaced and cut into pieces by the text layer; a name must recur on several pages.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Callable

from parsers.normalize import is_cjk
from parsers.pages import printed_rows, self_citations

if TYPE_CHECKING:  # pragma: no cover
    from parsers.pages import PageInfo
    from parsers.textlayer import Line

_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# volume, issue, date and page furniture printed beside the name in a running head
_FURNITURE = re.compile(
    r"第\s*\d+\s*[卷期]|总\s*第\s*\d+\s*期|\d{4}\s*年(?:\s*\d{1,2}\s*月)?|\d{1,2}\s*月"
    r"|Vol\.?\s*\d+|No\.?\s*\d+|" + _MONTHS + r",?\s*\d{4}|\d+",
    re.I,
)
_ISSN_LINE = re.compile(r"ISSN\s*[:：]?\s*\d{4}\s*[-－]\s*\d{3}[\dXx]")


def head_rows(page: "PageInfo") -> list[str]:
    """A page's running-head lines regrouped into printed rows (left to right)."""
    return printed_rows(page.heads)


def _cjk_name(text: str) -> str:
    """The CJK run of a head with its letter-spacing removed, or "" when it is not a name
    (an author–title head has a colon; a name has no digits or punctuation)."""
    text = _FURNITURE.sub(" ", text)
    # (an edition in brackets is part of the name: 西北大学学报（哲学社会科学版）)
    runs = re.findall(r"[\u3400-\u9fff](?:[\s\u3000]*[\u3400-\u9fff（）()])*", text)
    if len(runs) != 1 or re.search(r"[：:，,。]", text):
        return ""
    name = re.sub(r"[\s\u3000]", "", runs[0]).replace("(", "（").replace(")", "）")
    m = re.fullmatch(r"([^（）]{2,12})(（[^（）]{2,12}）)?", name)
    return name if m else ""  # (an article title in a running head is longer)


# running-head text that is not the journal's name: an author head ("Li et al"), badges
_NOT_JOURNAL = re.compile(r"\bet\s+al\b|^(?:open\s+access|open|review|research\s+article|article|original\s+article|page(?:\s+of)?)$", re.I)
_URL_OR_DOI = re.compile(r"(?:https?://|www\.|doi:?\s*)\S*|10\.\d{4,9}/\S+", re.I)


def _latin_name(text: str) -> str:
    text = _URL_OR_DOI.sub(" ", text)
    text = re.split(r"\s[|]\s|\(\d{4}\)|\d{4}\s*[;,]", text)[0]  # "Scientific Reports | (2021) 11:6102"
    text = _FURNITURE.sub(" ", "".join(" " if is_cjk(c) else c for c in text))
    words = re.findall(r"\(?[A-Za-z][A-Za-z&'\-]*\)?", text)  # "(Philosophy … Edition)" keeps its brackets
    name = " ".join(words)
    if name.count("(") != name.count(")"):
        name = name.replace("(", "").replace(")", "")
    if len(words) < 2 or len(name) > 100 or not name[0].isupper() or _NOT_JOURNAL.search(name):
        return ""
    return name


# the furniture that marks a masthead row (not just a page number)
_DATED = re.compile(r"第\s*\d+\s*[卷期]|\d{4}\s*年|Vol\.?\s*\d+|No\.?\s*\d+|" + _MONTHS + r",?\s*\d{4}", re.I)


def _voted(rows: list[str], read: Callable[[str], str]) -> str:
    """The name the rows repeat; a row that also carries volume, issue or date is the
    masthead itself and counts twice, so a name printed once beside "May, 2022" is taken."""
    votes: Counter[str] = Counter()
    for row in rows:
        name = read(row)
        if name:
            votes[name] += 2 if _DATED.search(row) else 1
    if votes:
        name, count = votes.most_common(1)[0]
        if count >= 2:
            return name
    return ""


def _online_first(infos: list["PageInfo"]) -> tuple[str, str]:
    """(zh, en) from a CNKI online-first cover: the two lines above its ISSN line."""
    for p in infos:
        if p.kind != "online-first":
            continue
        texts = [ln.text.strip() for ln in p.body]
        at = next((i for i, t in enumerate(texts) if _ISSN_LINE.search(t)), None)
        if at is None or at < 1:
            continue
        above = texts[max(0, at - 2):at]
        zh = next((t.strip("《》") for t in above if _cjk_name(t)), "")
        en = next((t for t in above if _latin_name(t) == t), "")
        return zh, en
    return "", ""


def journal_title_zh(infos: list["PageInfo"]) -> str:
    """The biggest CJK line on the cover, else an online-first cover's, else the name the
    running heads repeat."""
    cover = [p for p in infos if p.kind == "cover"]
    if cover:
        lines = [ln for ln in cover[0].body if ln.text.strip() and not re.search(r"\d", ln.text)
                 and sum(1 for c in ln.text if "\u4e00" <= c <= "\u9fff") >= 2]
        if lines:
            return max(lines, key=lambda ln: ln.size).text.replace(" ", "").strip("《》")
    zh, _ = _online_first(infos)
    if zh:
        return zh
    return _voted([row for p in infos for row in head_rows(p)], _cjk_name).strip("《》")


def journal_title_en(infos: list["PageInfo"]) -> str:
    """A title-cased English line on the cover, else an online-first cover's, else the
    English name the running heads repeat."""
    for p in infos:
        if p.kind != "cover":
            continue
        for ln in sorted(p.body, key=lambda ln: -ln.size):
            t = ln.text.strip()
            if re.fullmatch(r"[A-Z][A-Za-z ,&'\-]{6,}", t) and " " in t:
                return t
    _, en = _online_first(infos)
    return en or _voted([row for p in infos for row in head_rows(p)] + _masthead_lines(infos), _latin_name)


# a citation-style masthead line: "Journal of X (2020), 12(11), 823–827", "Korean J Radiol
# 2021;22(3):442-453", "2021, VOL. 43, NO. 1"
_CITED_MASTHEAD = re.compile(r"\((?:19|20)\d\d\)\s*,?\s*\d|(?:19|20)\d\d\s*;\s*\d+\s*\(|\bVOL\.\s*\d", re.I)


def _masthead_lines(infos: list["PageInfo"]) -> list[str]:
    """Lines above an article's title that cite the journal with its year and volume; each
    is given three times, as it names the journal outright where a running head may not.
    A line that only dates the issue beside the name counts as a dated running head."""
    rows: list[str] = []
    for p in infos:
        if p.kind != "start" or not p.title_lines:
            continue
        top = p.title_lines[0].y
        for ln in p.body:
            if ln.y < top and _CITED_MASTHEAD.search(ln.text) and not is_cjk_text(ln.text):
                rows += [ln.text] * 3
            elif ln.y < top and _DATED.search(ln.text) and not re.search(r"[:：]|doi|https?://", ln.text, re.I):
                rows.append(ln.text)  # a bilingual masthead line: "2023 年 5 月 Power System Technology May 2023"
    return rows


def is_cjk_text(text: str) -> bool:
    return any(is_cjk(c) for c in text)


def front_text(infos: list["PageInfo"], size: float = 0.0) -> str:
    """Text where a journal prints its ISSN, CN and date: covers, running heads, and the
    small print at the top of an article's first page (a masthead box: 社会 / 2017·2 / 第37卷)."""
    front = [ln.text for p in infos if p.kind in ("cover", "toc", "online-first") for ln in p.body]
    return "\n".join(front + [head_text(infos, size)])


def head_text(infos: list["PageInfo"], size: float = 0.0) -> str:
    """The running heads and first-page masthead boxes alone: where "2010. 5" is year and
    issue (on a CIP or copyright page "2023. 10" is a year and month)."""
    boxes = [ln.text for p in infos if p.kind == "start" and size and p.title_lines
             for ln in p.body if _box_line(ln, p.title_lines[0].y, size)]
    return "\n".join([row for p in infos for row in head_rows(p)] + boxes)


def _box_line(line: "Line", title_y: float, size: float) -> bool:
    """Part of a first page's masthead: small print by the title, or a dated line above it
    in type no larger than the text (第36卷第4期 2012年7月 / 2018年第2期 …)."""
    if line.size < size * 0.8 and line.y < title_y + 40:
        return True
    # (an OCR'd line's size comes from the recogniser's box and wanders by up to 12%: header.OCR_SIZE_SPREAD)
    slack = 1.05 + (0.12 if line.invisible and line.confidence is not None else 0.0)
    return line.y < title_y and line.size <= size * slack and _DATED.search(line.text) is not None


# where an English masthead line gives year, volume and issue (and pages or an article number)
_CITATION_FORMS = (
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*;\s*(?P<volume>\d{1,4})\s*\((?P<issue>[\w\-–]{1,9})\)"),      # 2021;22(3):442-453
    re.compile(r"\((?P<year>(?:19|20)\d\d)\)\s*,?\s*(?P<volume>\d{1,4})\s*\((?P<issue>[\w\-–]{1,9})\)"),  # (2020), 12(11), 823–827
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*,\s*VOL\.\s*(?P<volume>\d{1,4})\s*,\s*NO\.\s*(?P<issue>\d{1,4})", re.I),  # 2021, VOL. 43, NO. 1
    re.compile(r"\((?P<year>(?:19|20)\d\d)\)\s*(?P<volume>\d{1,4})\s*:\s*\d{1,6}\b"),                       # (2021) 11:6102
    re.compile(r"(?P<volume>\d{1,4})\s*[（(](?P<issue>[\w\-–]{1,9})[)）]\s*[:：]\s*\d{1,5}\s*[-−–]\s*\d{1,5}\s*[,，]\s*"
               r"(?P<year>(?:19|20)\d\d)\b"),                                                                  # 60(4):763−771, 2023
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*[,，]\s*(?P<volume>\d{1,4})\s*[（(](?P<issue>[\w\-–]{1,9})[)）]"),      # 2023, 60(4)
)
# The forms publishers print in an English article's first-page head or foot line (the
# journal's recommended short citation): "Molecules 2016, 21, 182", "BMC X 2010, 5:3",
# "Conservation Biology. 2025;39:e70049", "Therapy 2016:10 155–162" (year, volume, then an
# article number or pages); "Biochimie Open 6 (2018) 9–16" (Elsevier: volume (year) pages);
# "Volume 2016, Article ID 5482578" (Hindawi: the volume is the year); "J X ● 2016 ● Vol 5 ●
# Issue 4"; "Vol.9. No.3. pp: 177-186, Summer 2011". Looser than the forms above, so only
# read in an article's head and foot lines (first_page_margins), never in its text, and the
# article number or pages must end the citation (a DOI, a URL or punctuation may follow).
_FOOT_FORMS = (
    re.compile(r"(?<![\d/.])(?P<year>(?:19|20)\d\d)\s*[:;,.]\s*(?P<volume>\d{1,4})(?:\s*\((?P<issue>[\w\-–]{1,9})\))?"
               r"(?:\s*[:,]\s*[eE]?\d{1,9}|\s+\d{1,6}\s*[-–−]\s*\d{1,6})(?=\s*(?:[.;,|]|$|https?:|doi|www\.))", re.I),
    re.compile(r"(?<![\d/.])(?P<volume>\d{1,4})\s*\((?P<year>(?:19|20)\d\d)\)\s*[eE]?\d{1,6}(?!\d)"),
    re.compile(r"\bVolume\s+(?P<year>(?:19|20)\d\d)\s*,\s*Article\s+ID\b", re.I),
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*[●•·|]\s*Vol(?:ume)?\.?\s*(?P<volume>\d{1,4})\s*[●•·|]\s*"
               r"(?:Issue|No)\.?\s*(?P<issue>[\w\-–]{1,9})", re.I),
    re.compile(r"\bVol(?:ume)?\.?\s*(?:No\.?\s*)?(?P<volume>\d{1,4}|[IVXLC]{1,7})\.?\s*,?\s*(?:No|Issue)\.?\s*"
               r"(?P<issue>\d{1,3})\b[^\n]{0,40}?\b(?P<year>(?:19|20)\d\d)\b", re.I),
)


def volume_line(text: str, forms: tuple[re.Pattern, ...] = _CITATION_FORMS) -> tuple[int, str, str] | None:
    """(year, volume, issue) from a citation-style masthead line, issue "" when it has none."""
    for rx in forms:
        m = rx.search(text or "")
        if m:
            d = m.groupdict()
            return int(d["year"]), d.get("volume") or d["year"], d.get("issue") or ""
    return None


def foot_line(text: str) -> tuple[int, str, str] | None:
    """(year, volume, issue) from a first-page head or foot line, in any form publishers use."""
    return volume_line(text) or volume_line(text, _FOOT_FORMS)


def masthead_volume(infos: list["PageInfo"]) -> tuple[int, str, str] | None:
    """(year, volume, issue) printed in an article's masthead line or running heads."""
    rows = _masthead_lines(infos)[::3] + [row for p in infos[:3] for row in head_rows(p)]
    for row in rows:
        found = volume_line(row)
        if found:
            return found
    for row in first_page_margins(infos):
        found = foot_line(row)
        if found:
            return found
    return None


def _first_pages(infos: list["PageInfo"]) -> list["PageInfo"]:
    """Each article's first page; a file of one article whose opening no title marks (an old
    scan's text layer) has its first page that is no cover or contents page."""
    starts = [p for p in infos if p.kind == "start"]
    return starts or [p for p in infos if p.kind in ("content", "start")][:1]


def first_page_margins(infos: list["PageInfo"]) -> list[str]:
    """The head and foot lines of each article's first page, where a publisher prints the
    journal's short citation: running heads, lines above the title, and the first three and
    last four lines down the page (the foot line under a column's last line)."""
    rows: list[str] = []
    for p in _first_pages(infos):
        body = sorted(p.body, key=lambda ln: ln.y)
        top = p.title_lines[0].y if p.title_lines else None
        rows += head_rows(p)
        rows += [ln.text for ln in body if top is not None and ln.y < top]
        rows += [ln.text for ln in body[:3] + body[-4:]]
    return rows


# the copyright line of an article's first page: "© 2018 The Authors", "Copyright © 2016 X",
# "© The Author(s) 2017", "2214-0085/© 2018 Published by Elsevier", "Copyright: © 2022 by the
# authors" — the year the publisher put the article out
_COPYRIGHT_YEAR = re.compile(r"(?:©|Ⓒ|\(c\)|\bcopyright\b)\s*:?\s*(?:©\s*)?(?:(?:the\s+)?authors?\s*(?:\(s\))?\s*,?\s*)?"
                             r"((?:19|20)\d\d)\b", re.I)
# a publication date line: "Published: 8 May 2018", "Published online: …", "Available online
# 10 January 2018", "Epub 2016 Mar 3" (an online date; a print issue can carry the next year)
_PUBLISHED_YEAR = re.compile(r"\b(?:published(?:\s+online)?|available\s+online|epub(?:lished)?(?:\s+ahead\s+of\s+print)?)\b"
                             r"\s*(?:on\s*)?:?\s*[^\n]{0,25}?\b((?:19|20)\d\d)\b", re.I)

# the acceptance date, the last dated step before publication when none later is printed
_ACCEPTED_YEAR = re.compile(r"\baccepted\b\s*(?:on\s*)?:?\s*[^\n]{0,25}?\b((?:19|20)\d\d)\b", re.I)


def dated_year(infos: list["PageInfo"]) -> tuple[int, str] | None:
    """(year, how) when no masthead prints the year: the copyright year of the articles' first
    pages ("copyright"), else their publication date's year ("published"), else the year they
    were accepted ("accepted"). These say when the article came out, not which volume it is
    in, so the caller marks the year as inferred."""
    for pages in (_first_pages(infos), _last_pages(infos)):
        # (journals that print the history, copyright and citation notes at the article's
        # end, after the references, as microPublication and many humanities journals do)
        for rx, how in ((_COPYRIGHT_YEAR, "copyright"), (_PUBLISHED_YEAR, "published"), (_ACCEPTED_YEAR, "accepted")):
            found = Counter(int(y) for p in pages for ln in p.heads + p.body for y in rx.findall(ln.text))
            if found:
                return found.most_common(1)[0][0], how
    return None


# a year in an article's own citation: standing alone (not inside a DOI, an article number or
# a date's digits); in a GB/T 7714 citation after the [J] of the journal part, since a title
# may name a year ("2022年…")
_CITED_YEAR = re.compile(r"(?<![\d./:\-])((?:19|20)\d\d)(?!\d)")


def self_cited_year(infos: list["PageInfo"]) -> int | None:
    """The year of the article's own citation on its first page ("Cite this article: Schultz
    MG, … 2021 Can deep learning … Phil. Trans. R. Soc. A 379: 20200097", 引用本文：….[J].
    刊名, 2023, 45(6): 12-20): the publisher's record of the issue it is in, which a print
    issue dates later than the acceptance or online dates the page also prints."""
    for p in _first_pages(infos):
        for seg in self_citations("\n".join(ln.text for ln in p.heads + p.body)):
            journal = re.search(r"[\[［]\s*J\s*(?:/\s*OL)?\s*[\]］]", seg)
            found = _CITED_YEAR.search(seg, journal.end() if journal else 0)
            if found:
                return int(found.group(1))
    return None


def _last_pages(infos: list["PageInfo"]) -> list["PageInfo"]:
    """Each article's last page: the page before the next article's first, and the file's
    last page of text."""
    own = [p for p in infos if p.kind in ("content", "start")]
    return [a for a, b in zip(own, own[1:]) if b.kind == "start"] + own[-1:]
