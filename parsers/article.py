"""One article's pages -> an `Article` record (everything but issue-level cross-checks)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from parsers import citations, identifiers, names
from parsers.article_en import fallback_title, fill_english
from parsers.byline_en import INSTITUTION_EN
from parsers.english import EnglishEntry, cut_byline, english_beside_header, looks_like_names, split_keywords_en, split_names_en
from parsers.header import Header, extract_labelled, join_prose
from parsers.joining import join_lines
from parsers.labels import (LABEL_CLOSE, LABEL_OPEN, find_labels, is_end_matter, is_named_section, is_section_heading,
                            type_of_title)
from parsers.normalize import latin_share
from parsers.pages import PageInfo, printed_range
from parsers.reflist import SOURCE_NOTE, own_doi, plain_key, reference_entries, repeated_url_lines, source_notes
from schemas.model import Article, Citation, Contributor, LangText

if TYPE_CHECKING:  # pragma: no cover
    from parsers.textlayer import Line

# an affiliation line opens with its mark: 1. / (1) / ¹ / ① / [1] (GB/T 7713.2 numbers each institution)
_AFFIL_LINE = re.compile(r"^[（(]?\s*(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹])[.．、\s]|^\s*(?:[\u2460-\u2473]|[\[［]\d{1,2}[\]］])\s*\S|^[（(].*(大学|学院|研究|中心|公司|院|所|局|银行|集团|学校|委员会|厅|署|馆)")
# narrower than names.INSTITUTION_WORDS on purpose: under a byline, a line naming a
# publisher (出版社) is the reviewed book of a book review, not an affiliation
_INSTITUTION = re.compile(r"大学|学院|研究院|研究所|研究中心|科学院|公司|中心|University|Institute")
# a byline: names of two to six characters, each with its marks — digits, superscripts,
# circled numbers, bracketed numbers ([1], ［1,2］), stars and daggers — then a separator
# (after a name: unit numbers, and the signs journals set for a corresponding author (* † ※ ★)
# or for authors of equal contribution (# △ ▲ §), each as printed or full-width)
# (unit numbers may be bracketed, [1] or (1), closed by a parenthesis, 1), or letters a, b as some science journals print)
# (a name: two to six characters, or a transliterated minority or foreign name of dotted
# parts, 阿不都·热合曼, 阿依古丽·买买提, whose dot a font may give as • or ・, or a name of two
# or three characters letter-spaced for alignment, 王　芳 / 王 芳, before a wider gap, a
# separator or a mark)
_BYLINE = re.compile(r"^(?:(?:[\u4e00-\u9fff]{1,8}(?:[·•・‧][\u4e00-\u9fff]{1,8})+|[\u4e00-\u9fff·]{2,6}"
                     r"|[\u4e00-\u9fff](?:[ \u3000]{1,2}[\u4e00-\u9fff]){1,2}(?=[ \u3000]{2}|[ \u3000]*[，、,;；\d*∗†¹²³⁴⁵⁶⁷⁸⁹\u2460-\u2473]|$))[ \u3000]*(?:[\d,，*∗†‡#＃＊△▲§※★☆¹²³⁴⁵⁶⁷⁸⁹⁰\u2460-\u2473]|[\[［][\d,，\s]+[\]］]"
                     r"|[(（]\d{1,2}[.．]?[)）]|\d{1,2}[)）]|[a-h](?![A-Za-z]))*"
                     r"(?:[(（](?:通[信讯]作者|共同第一作者)[)）])?"  # (a role printed after the name)
                     r"(?:[ \u3000]*[，、,;；][ \u3000]*|[ \u3000]+|$))+$")
# a magazine byline's lead-in: "文/宋亦明", "文｜张三", "撰文：李四", "作者：王五" (the names follow); the host of a
# forum column (专题/笔谈 主持人), "主持人：张三" over the host's preface, is that piece's author; so are
# the writers a group author's byline names under it ("××课题组" / "执笔：张三　李四")
_BYLINE_PREFIX = re.compile(r"^\s*(?:(?:文|撰文|文图|图文|作者)\s*[/／|｜:：]|(?:主持人|执笔人?)\s*[/／|｜:：\s])\s*")
# a role printed after a name on the byline, "李四（通信作者）": no part of the names
_BYLINE_ROLE = re.compile(r"\s*[(（]\s*(?:通[信讯]作者|共同第一作者|第一作者|corresponding\s+author)\s*[)）]", re.I)
_EDITOR = re.compile(rf"^\s*[（({LABEL_OPEN}]?\s*(责任编辑|责任校对|编辑)\s*(?:[:：]|[{LABEL_CLOSE}])"
                     rf"|^\s*[（({LABEL_OPEN}]\s*(?:本文|责任)(?:编辑|校对)[\s\u3000]+\S")
_KW_SPLIT = re.compile(r"\s*[;；,，、]\s*|[ \u3000]+")


def _is_cjk_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and latin_share(text) < 0.5


def footnote_lines(page: PageInfo, size: float, exclude: set[int] | None = None,
                   continuing: bool = False) -> list["Line"]:
    """The smaller-type lines at the bottom of a page that form its footnotes.

    The zone begins at its first line that starts a note (①, [1], 1)), unless a note from
    the previous page carries on (`continuing`); figure labels above it are not notes.
    """
    exclude = exclude or set()
    body = page.body
    # (a folio the running-foot pass left in the body, "52" or "— 52 —", is no text line)
    # (but digits after a line ending "newsid=" or "/" are the URL going on)
    folio = {k for k, ln in enumerate(body) if re.match(r"^\s*[-—–·]?\s*\d{1,4}\s*[-—–·]?\s*$", ln.text)
             and not (k and re.search(r"[=/_?&#-]$", body[k - 1].text.rstrip()))}
    text_ys = [ln.y for k, ln in enumerate(body) if ln.size >= size - 0.4 and k not in folio]
    floor = max(text_ys) if text_ys else 0.0
    zone = [ln for k, ln in enumerate(body)
            if k not in exclude | folio and ln.size < size - 0.4 and ln.y > floor + 1 and not _EDITOR.match(ln.text)]
    # (a figure's source line or caption at the top of the zone starts no note)
    caption = bool(zone) and bool(SOURCE_NOTE.match(zone[0].text) or re.match(r"^\s*(?:图|表|Fig|Table)\s*\d", zone[0].text))
    if continuing and not caption:
        return zone
    start = next((k for k, ln in enumerate(zone) if citations.match_marker(ln.text)), None)
    return zone[start:] if start is not None else []


def _zh_part(raw: list[str]) -> str:
    """A value printed in Chinese followed by its English translation: the Chinese part."""
    keep: list[str] = []
    for k, line in enumerate(raw):
        # (a grant number wrapped onto a line of its own, "（22YJC790081）", is not English)
        if k and latin_share(line) > 0.8 and len(re.findall(r"[A-Za-z]{2,}", line)) >= 3:
            break
        keep.append(line)
    return join_lines(keep).strip(" ;；,，")


def split_keywords_zh(value: str, context: str = "") -> list[str]:
    """The keywords of a 关键词 value. GB/T 7713.2 asks for three to eight: a value read as
    fewer has lost separators in the text layer, and a run too long for one keyword is
    then cut into keywords the title or abstract (`context`) uses."""
    out = [k.strip().rstrip("。.") for k in _KW_SPLIT.split(value) if k.strip().rstrip("。.")]
    if len(out) >= 3:
        return out
    return [piece for k in out for piece in _cut_run_of_keywords(k, context)]


def _cut_run_of_keywords(run: str, context: str) -> list[str]:
    """A keyword run of seven or more Chinese characters that the title and abstract never
    print whole ("变性手术手术配合护理"): the fewest pieces of two to six characters that
    they all print (GB/T 3860: keywords are taken from the title and text), when exactly
    one cut has that fewest count; else the run unchanged."""
    if len(run) < 7 or not re.fullmatch(r"[\u4e00-\u9fff]+", run) or not context or run in context:
        return [run]
    best: dict[int, list[list[str]]] = {0: [[]]}  # end offset -> fewest-piece cuts of run[:end]
    for end in range(2, len(run) + 1):
        cuts: list[list[str]] = []
        for n in range(2, 7):
            start = end - n
            if start in best and run[start:end] in context:
                cuts += [c + [run[start:end]] for c in best[start]]
        if cuts:
            fewest = min(len(c) for c in cuts)
            best[end] = [c for c in cuts if len(c) == fewest][:2]
    found = best.get(len(run), [])
    return found[0] if len(found) == 1 else [run]


def _author_block(lines: list["Line"], begin: int, end: int, size: float) -> tuple[list[str], list[str]]:
    """(author lines, affiliation lines) between the title and the first label/body line."""
    authors: list[str] = []
    affils: list[str] = []
    block = _rejoin_wrapped_byline(lines[begin:end])
    last_affil: "Line | None" = None
    order: list[tuple[str, int]] = []  # ("a", author line) / ("f", affiliation) in printed order
    paired = 0  # lines read as names then their unit ("张三　北京大学法学院")
    for ln in block:
        text = ln.text.strip()
        if _BYLINE_ROLE.search(text):
            text = _BYLINE_ROLE.sub("", text)
            ln = replace(ln, text=text)
        bare = names.strip_byline_roles(text).strip()
        if bare != text and bare and _BYLINE.match(bare):  # "［美］约瑟夫·奈 著　张三 译": a translated piece's byline
            text = bare
            ln = replace(ln, text=text)
        if not text:
            continue
        if (not authors and ln is block[0] and re.search(r"[\u4e00-\u9fff]{2}", text) and re.search(r"[A-Z][a-z]+ [A-Z]", text)
                and len(text) <= 60 and ln.size >= size - 0.4 and not _INSTITUTION.search(text) and not find_labels([text])):
            authors.append(ln)  # a byline mixing Chinese and Latin names ("富晓星 Lei Zhang 马铁成"): cut by _contributors
            continue
        if not authors and _GROUP_AUTHOR.search(text) and ln is block[0] and ln.size >= size - 0.4 and len(text) <= 40:
            authors.append(ln)  # a group author: one name, read whole by _contributors
            continue
        if latin_share(text) > 0.8:
            continue  # an English title/name block printed before the labels
        if text.startswith(("——", "—", "--")):
            continue  # a subtitle
        inline = _inline_affiliations(text)
        if inline:  # 张三（北京大学 经济学院，北京 100871） 李四（…）: each name with its own
            for k, (name, affil) in enumerate(inline, start=1):
                authors.append(replace(ln, text=f"{name}{k}"))  # numbered as a marked byline would be
                affils.append(f"{k}. {affil}")
            continue
        text = _BYLINE_PREFIX.sub("", text)
        shared = _byline_then_unit(text) if not authors or paired == len(authors) == len(affils) else None
        if shared:  # 张三，李四（北京大学社会学系，北京 100871）: the byline, then the unit(s) of all
            authors.append(replace(ln, text=shared[0]))
            affils.append(shared[1])
            last_affil = ln
            paired += 1
            continue
        if affils and last_affil is not None and _affiliation_goes_on(ln, last_affil, affils[-1]):
            affils[-1] = join_lines([affils[-1], text])  # "1. 北京大学经济学院，" + "北京 100871"
            last_affil = ln
        elif (_AFFIL_LINE.match(text) or (_INSTITUTION.search(text) and len(text) > 12) or _is_address_line(text)
              or _short_unit_under(ln, authors)):
            affils.append(text)
            last_affil = ln
            order.append(("f", len(affils) - 1))
        elif _BYLINE.match(text) and (not authors or abs(ln.size - authors[0].size) <= authors[0].size * 0.2) \
                and not _OPENING_HEADING.fullmatch(re.sub(r"[\s\d.、一二三四五六七八九十]+", "", text)):
            authors.append(ln)  # a masthead box in small print beside the byline is not one
            order.append(("a", len(authors) - 1))
        elif not authors and begin > 0 and ln is block[0] and ln.size >= size and re.fullmatch(r"[\w，,、;；*∗ \u3000]{2,40}", text):
            authors.append(ln)  # the line under the title in byline type, unreadable (OCR): still the byline
        elif authors:
            break
        else:
            break
    if paired >= 2 and paired == len(authors) == len(affils):
        return _number_pairs([a.text for a in authors], affils)
    return _number_alternating([a.text for a in authors], affils, order)


def _number_pairs(authors: list[str], affils: list[str]) -> tuple[list[str], list[str]]:
    """Lines each printing names and then their own unit ("张三　北京大学法学院" / "李四　清华大学
    法学院", a magazine layout for authors from different units): numbered as a marked byline
    and its numbered units would be, so each name gets the unit on its own line."""
    marked = ["，".join(f"{n}{k}" for n in names.split_author_line(a)) for k, a in enumerate(authors, start=1)]
    return marked, [f"{k}. {u}" for k, u in enumerate(affils, start=1)]


# the body's first heading (GB/T 7713.2 引言; 前言, 导言, 绪论, 问题的提出), letter-spaced like a
# short byline ("引　言") and printed under the front matter of a piece without labels: no names
_OPENING_HEADING = re.compile(r"引言|前言|导言|绪论|序言|绪言|楔子|结语|问题的提出")


def _short_unit_under(line: "Line", authors: list["Line"]) -> bool:
    """A short unit under the byline ("北京大学 社会学系", no bracket, no postcode): an
    institution word in type smaller than the byline's (GB/T 7713.2 sets the unit under the
    names in smaller type), not itself a byline of marked names."""
    text = line.text.strip()
    if not authors or not _INSTITUTION.search(text) or not 4 <= len(text) <= 40 or latin_share(text) >= 0.5:
        return False
    if line.size < authors[0].size - 0.5:
        return True
    # (in the byline's own type: a unit's name alone, no sentence punctuation, short — a line
    # of body text is longer and punctuated; a byline is no run of eight characters or more)
    return (abs(line.size - authors[0].size) <= 0.5 and len(text) <= 25 and not re.search(r"[，,。；;：:、]", text)
            and not _BYLINE.match(text))


# an address line under the byline: a unit, its city and a six-digit postcode (GB/T 7713.2
# prints 单位名称，省市名 邮编) — whatever the unit's kind (医院, 中学, 局), the postcode says so
_ADDRESS = re.compile(r"[\u4e00-\u9fff]{4}.*(?<!\d)\d{6}(?!\d)")


def _is_address_line(text: str) -> bool:
    """A line naming a unit with its postcode, not a byline and not a date."""
    return bool(_ADDRESS.search(text)) and not _BYLINE.match(text) and not re.search(r"年|月|日期", text)


def _number_alternating(authors: list[str], affils: list[str], order: list[tuple[str, int]]) -> tuple[list[str], list[str]]:
    """Each author (or group of authors) followed by their own unit ("张三" / "（北京大学…）" /
    "李四" / "（清华大学…）", a layout of journals printing authors from different units):
    number the groups as a marked byline and its numbered units would be, so that each
    author gets the unit printed under their name. Unchanged when the byline or the units
    carry marks of their own, or the lines do not alternate."""
    kinds = "".join(k for k, _ in order)
    if not re.fullmatch(r"(?:a+f+){2,}", kinds) or len(authors) != kinds.count("a"):
        return authors, affils
    if any(m for line in authors for _, m in names.split_author_line_with_marks(line)) or \
            any("" not in names.parse_affiliation_line(a) for a in affils):
        return authors, affils
    out_a: list[str] = []
    out_f: list[str] = []
    group, prev = 0, "f"
    units: dict[int, list[str]] = {}
    for kind, k in order:
        if kind == "a":
            group += prev == "f"
            out_a.append("，".join(f"{n}{group}" for n, _ in names.split_author_line_with_marks(authors[k])))
        else:
            units.setdefault(group, []).append(names.parse_affiliation_line(affils[k])[""])
        prev = kind
    out_f = [f"{g}. {'；'.join(u)}" for g, u in units.items()]
    return out_a, out_f


def _affiliation_goes_on(line: "Line", prev: "Line", so_far: str) -> bool:
    """An affiliation wrapped onto the next line: same type, the next row, no mark of its
    own, and the affiliation so far not closed (by a bracket, a full stop or a postcode)."""
    text = line.text.strip()
    return (abs(line.size - prev.size) <= 0.3 and 0 < line.y - prev.y < 2 * prev.size and len(text) <= 40
            and not _AFFIL_LINE.match(text) and not re.search(r"[)）。]$|\d{6}\s*[)）]?$", so_far.strip())
            and latin_share(text) < 0.5 and not find_labels([text]))


# a group author printed as the first byline line (GB/T 7714 and ICMJE group authorship):
# "中国心理卫生协会性心理健康专业委员会", "……协作组", "……编写组"
_GROUP_AUTHOR = re.compile(r"(?:委员会|协会|学会|分会|工作组|协作组|专家组|编写组|编委会|课题组|联盟)$")


def _rejoin_wrapped_byline(block: list["Line"]) -> list["Line"]:
    """A byline wrapped over two lines ("…，潘柏林，刘" + "烨，李革临，…"): one line, so
    that a name broken at the line end is whole again. Joined only when the first line
    alone is no byline, the two together are, in one type size on consecutive rows. A
    byline that prints each name with its unit in brackets may wrap over several lines,
    a bracket broken from its name ("张三（北京大学…），李四" + "（清华大学…）"): those
    lines are joined while they end inside such a byline."""
    out: list["Line"] = []
    k = 0
    while k < len(block):
        ln = block[k]
        if k + 1 < len(block):
            nxt = block[k + 1]
            joined = ln.text.strip() + nxt.text.strip()
            if (not _BYLINE.match(ln.text.strip()) and _BYLINE.match(joined) and _next_row(ln, nxt)):
                out.append(replace(ln, text=joined, x1=max(ln.x1, nxt.x1)))
                k += 2
                continue
            if (end := _inline_rows(block, k)) is not None:
                out.append(replace(ln, text="".join(b.text.strip() for b in block[k:end]),
                                   x1=max(b.x1 for b in block[k:end])))
                k = end
                continue
        out.append(ln)
        k += 1
    return out


def _inline_rows(block: list["Line"], k: int) -> int | None:
    """Where the rows of a byline that prints each name's unit in brackets, wrapped from row
    k, end (exclusive): the fewest next rows (up to four, in display type, whose leading may
    be wider) that make row k, no such byline alone, into one. None when they don't."""
    if not re.search(r"[（(]", block[k].text) or (_inline_affiliations(block[k].text.strip())
                                                  and not re.search(r"[，,、；;]\s*$", block[k].text)):
        return None  # (a row of whole pairs ending in a comma goes on: its byline is not done)
    text = block[k].text.strip()
    for j in range(k + 1, min(len(block), k + 4)):
        if not _next_row(block[j - 1], block[j], 2.5):
            return None
        text += block[j].text.strip()
        if _inline_affiliations(text):
            return j + 1
    return None


def _next_row(ln: "Line", nxt: "Line", leading: float = 2.0) -> bool:
    """`nxt` is the row under `ln` in the same type (at most `leading` sizes down)."""
    return abs(nxt.size - ln.size) <= 0.3 and 0 < nxt.y - ln.y < leading * ln.size


_INLINE_AFFIL = re.compile(r"([\u4e00-\u9fff·]{2,6})[ \u3000]*[（(]([^（）()]{4,80})[）)][ \u3000，,、;；]*")


_BYLINE_THEN_UNIT = re.compile(r"^(?P<byline>[^（）()]+?)[ \u3000]*[（(](?P<unit>[^（）()]{4,200})[）)]$")


def _byline_then_unit(text: str) -> tuple[str, str] | None:
    """See `_byline_then_unit_of`; a campus in brackets inside the unit's name (中国地质大学（武汉）)
    is part of it."""
    found = _byline_then_unit_of(names.protect_campus(text))
    return (found[0], names.uncampus(found[1])) if found else None


def _byline_then_unit_of(text: str) -> tuple[str, str] | None:
    """(byline, units) of a byline that prints the authors' unit(s) in one bracket after the
    last name, on the same line ("张三，李四（北京大学社会学系，北京 100871）", numbered
    "张三1，李四2（1. …；2. …）"); None for any other line."""
    m = _BYLINE_THEN_UNIT.match(text.strip())
    if not m and not re.search(r"[（()）]", text):
        # the unit after a wide space, unbracketed ("张三　北京大学法学院", a magazine habit):
        # names before the first word that holds an institution word
        for gap in re.finditer(r"[ \u3000]+", text.strip()):
            head, rest = text.strip()[:gap.start()], text.strip()[gap.end():]
            if _INSTITUTION.search(rest.split()[0] if rest.split() else "") and _BYLINE.match(head) \
                    and not _INSTITUTION.search(head) and all(names._looks_like_name(n) for n in names.split_author_line(head)):
                return head, rest
            if _INSTITUTION.search(head):
                break
        return None
    if not m or not _BYLINE.match(m.group("byline").strip()) or not (_INSTITUTION.search(m.group("unit")) or _is_address_line(m.group("unit"))):
        return None
    return m.group("byline").strip(), m.group("unit").strip()


def _inline_affiliations(text: str) -> list[tuple[str, str]]:
    """(name, affiliation) pairs of a byline that prints each author's institution in
    brackets after the name (a campus in brackets inside it, 中国地质大学（武汉）, is part of
    it); [] for any other line."""
    text = names.protect_campus(text)
    pairs, pos = [], 0
    for m in _INLINE_AFFIL.finditer(text):
        if m.start() != pos or not names._looks_like_name(m.group(1)) or not _INSTITUTION.search(m.group(2)):
            return []
        pairs.append((m.group(1), names.uncampus(m.group(2).strip())))
        pos = m.end()
    return pairs if pairs and pos == len(text) else []


def _is_subtitle(line: "Line", title: "Line", size: float = 0.0) -> bool:
    """A subtitle: opens with a dash (GB/T 7713.2 sets the 副题名 after a 破折号), right
    under the title, in display type of its own — smaller than the title, larger than
    the text."""
    return (line.text.strip().startswith(("——", "—", "--")) and 0 < line.y - title.y < 3 * title.size
            and (line.size >= title.size * 0.6 or (size and line.size >= size + 1.5)) and latin_share(line.text) < 0.5)


def _subtitle_goes_on(line: "Line", prev: "Line") -> bool:
    """A subtitle wrapped onto the next line: same display type, the next line down, and
    not a byline (a short run of names). On OCR'd lines "same" is within 1.2 pt, as for
    English title lines there: the size comes from the recogniser's boxes and wanders."""
    text = line.text.strip()
    tol = 1.2 if line.invisible and prev.invisible and line.confidence is not None else 0.3
    return (abs(line.size - prev.size) <= tol and 0 < line.y - prev.y < 2 * prev.size and latin_share(text) < 0.5
            and bool(text) and not _BYLINE.match(text) and not find_labels([text]))


# a column label (栏目名) printed above the title in display type: "·案例报道·", "【综述】"
_COLUMN_LABEL = re.compile(r"^[·•・【\[〔]\s*[\u4e00-\u9fff\s]{2,10}\s*[·•・】\]〕]$")


def _title_by_type(lines: list["Line"], size: float) -> list[int]:
    """The title of a first page whose title the page facts missed (an article starting
    mid-page under another's tail): the first run of Chinese lines in the page's largest
    type, well above the text size (GB/T 7713.2: the title in the largest type of the
    front matter); not a section heading or a column label."""
    cands = [k for k, ln in enumerate(lines) if ln.size >= size * 1.35 and latin_share(ln.text) < 0.5
             and re.search(r"[\u4e00-\u9fff]{4}", ln.text) and not is_named_section(ln.text)
             and not _COLUMN_LABEL.match(ln.text.strip())]
    if not cands:
        return []
    big = max(lines[k].size for k in cands)
    first = next(k for k in cands if lines[k].size >= big - 0.3)
    run = [first]
    while run[-1] + 1 < len(lines) and len(run) < 3 and abs(lines[run[-1] + 1].size - big) <= 0.3 \
            and latin_share(lines[run[-1] + 1].text) < 0.5:
        run.append(run[-1] + 1)
    return run


def _chinese_title_first(lines: list["Line"], title_idx: list[int], size: float) -> list[int]:
    """The Chinese title of an English-first article (English title, names and Abstract
    above the Chinese title and 摘要): a Chinese article's title is its Chinese one, so
    of display lines in both scripts the first run of Chinese ones, and for an English
    title alone the Chinese title in large type further down."""
    cjk = [i for i in title_idx if re.search(r"[\u4e00-\u9fff]{2}", lines[i].text)]  # ("ChatGPT与AIGC研究" is Chinese)
    if not cjk:
        return _title_by_type(lines, size) or title_idx
    if len(cjk) == len(title_idx):
        return title_idx
    run = [cjk[0]]
    for i in cjk[1:]:
        if i != run[-1] + 1:
            break
        run.append(i)
    return run


def _short_heading_over_title(lines: list["Line"], title_idx: list[int], size: float) -> bool:
    """A column heading in display type without its dots ("临床护理"): one short line,
    with a longer line in display type under it that does not open with a subtitle's dash."""
    if len(title_idx) != 1 or title_idx[0] + 1 >= len(lines):
        return False
    head, nxt = lines[title_idx[0]], lines[title_idx[0] + 1]
    text = nxt.text.strip()
    # (set apart from it, in a corner: a title wrapped after a short first line stays aligned with it)
    apart = abs(head.x0 - nxt.x0) > 2 * nxt.size and abs((head.x0 + head.x1) - (nxt.x0 + nxt.x1)) / 2 > 2 * nxt.size
    return (apart and len(head.text.strip()) <= 6 and nxt.size >= size + 4 and nxt.size >= head.size * 0.8
            and len(text) >= 8 and not text.startswith(("—", "-")) and latin_share(text) < 0.5)


def _title_under_column_label(lines: list["Line"], k: int, size: float) -> list[int]:
    """The title under a column label the page took for it: the next lines in display
    type (CAJ-CD B/T 1 puts the 栏目 above the title)."""
    idx: list[int] = []
    while k < len(lines) and lines[k].size >= size + 1.5 and latin_share(lines[k].text) < 0.5 and (
            not idx or abs(lines[k].size - lines[idx[0]].size) <= 0.3):
        idx.append(k)
        k += 1
    return idx


# a note mark after the title (*, ∗, †, ①): it points at the funding or author note (CAJ-CD B/T 1);
# set after the main title, it stands before a ——subtitle
_TITLE_MARK = re.compile(r"[\s*∗†‡\u2460-\u2473]+$|\s*[*∗†‡\u2460-\u2473]+(?=\s*—{2,})")


def _tidy_title(text: str) -> str:
    """The printed title without its note mark, the subtitle's dash as GB/T 7713.2 sets it
    (——; a run of three em dashes is a typesetting habit for the same 破折号)."""
    return re.sub(r"—{3,}", "——", _TITLE_MARK.sub("", text))


def _english_runs_over(english: EnglishEntry, header: Header, page: PageInfo) -> None:
    """An English abstract that runs over the page break: the English lines opening the
    next page, up to its Key words, carry it on (and the Key words are its)."""
    body = page.body
    found = extract_labelled(body[:20])
    if "keywords_en" not in found.fields or "abstract_en" in found.fields:
        return
    cut = found.at["keywords_en"]
    more = [ln.text for ln in body[:cut] if latin_share(ln.text) > 0.8]
    if more and len(more) == cut:
        english.abstract = join_prose(header.raw["abstract_en"] + more)
        english.keywords = split_keywords_en(found.fields["keywords_en"])


def _english_at_end(pages: list[PageInfo], chinese: bool = False) -> EnglishEntry | None:
    """The English block closing the article (after the references); its title and names
    may stand at the foot of the page before the one holding its Abstract. `chinese`: the
    article's 摘要 was read (its English labels may be printed bare, as its Chinese ones are)."""
    english = english_beside_header(pages[-1].body, chinese=chinese)
    if english is not None and not english.title and len(pages) > 2:
        merged = english_beside_header(pages[-2].body[-8:] + pages[-1].body, chinese=chinese)
        if merged is not None and merged.abstract == english.abstract:
            english.title, english.names = merged.title, english.names or merged.names
    return english


def _english_head_after_header(lines: list["Line"], header: Header, size: float) -> tuple[str, list[str]]:
    """(English title, English names) printed under the Chinese block's last field, in
    text type or larger, when the rest of the English block is on the next page."""
    block = [at for name, at in header.at.items() if name in ("abstract_zh", "keywords_zh", "clc", "doc_code", "doi", "article_no")]
    if not block:
        return "", []
    last = max(block)
    k = last + 1
    while k < len(lines) and k in header.used:
        k += 1
    title: list["Line"] = []
    for ln in lines[k:]:
        if latin_share(ln.text) <= 0.8 or ln.size < size - 0.4:
            break
        # (in one type size: the names under it, smaller or listed with commas, are not part of it)
        if title and (abs(ln.size - title[0].size) > 0.5 or (looks_like_names(ln.text) and re.search(r"[,，]", ln.text))):
            after = ln.text if looks_like_names(ln.text) else ""
            return join_lines([t.text for t in title]), split_names_en(after) if after else []
        title.append(ln)
    return join_lines([ln.text for ln in title]), []


def _english_title_under_title(lines: list["Line"], title_end: int) -> str:
    """An English title printed right under the Chinese one, above the Chinese byline
    (journals with no English abstract still translate the title there): the English
    lines between the title and the next Chinese line."""
    run: list[str] = []
    for ln in lines[title_end:title_end + 4]:
        if latin_share(ln.text) <= 0.8:
            break
        run.append(ln.text)
    else:
        return ""
    text = join_lines(run)
    # (Latin names under the title — a foreign author's byline — are no title: "John Smith, Li Si")
    names_only = looks_like_names(text) and bool(re.search(r"[,，]| and ", text))
    return text if run and len(text.split()) >= 3 and not names_only and not re.search(r"\d{4}|@|DOI|doi", text) else ""


# an unlabelled first-page note on the author, keyed by the star after the byline name:
# "∗ 宋亦明, 北京外国语大学国际关系学院讲师。" (CAJ-CD B/T 1 作者简介 as a page-foot note)
_STAR_NOTE = re.compile(r"^\s*[*∗]+\s*(?P<name>[\u4e00-\u9fff]{2,4})\s*[,，:：]"
                        # (or the 作者简介 shape without its label: "张三（1980—），男，…", "张三，男，…")
                        r"|^\s*(?P<bare>[\u4e00-\u9fff]{2,4})\s*(?:[（(]\s*(?:19|20)\d\d\s*[—–\-－~～]|[,，]\s*[男女]\s*[,，])")
# a magazine's closing note on the author: "（作者为中国人民大学国际关系学院博士研究生）"
# ("（作者分别为A单位职称、B单位职称）" names each author's unit in byline order)
_AUTHOR_IS = re.compile(r"[（(]\s*作者(?P<each>分别)?(?:为|系|是|单位\s*[:：])\s*(?P<body>[^（）()]{4,120})[）)]")


def _star_bio(lines: list["Line"], size: float, author_lines: list[str]) -> str:
    """The note a byline's star points at, when it opens with a byline name: a bio; or a
    page-foot note shaped as a 作者简介 (name, birth year or sex) printed without its label."""
    byline = "".join(author_lines)
    out: list[str] = []
    for k, ln in enumerate(lines):
        m = _STAR_NOTE.match(ln.text)
        if not m or ln.size >= size - 0.4 or (m.group("name") or m.group("bare")) not in byline:
            continue
        note = [re.sub(r"^\s*[*∗]+\s*", "", ln.text)]
        for nxt in lines[k + 1:k + 4]:
            if abs(nxt.size - ln.size) > 0.3 or nxt.y <= ln.y or citations.match_marker(nxt.text) or _STAR_NOTE.match(nxt.text):
                break
            note.append(nxt.text)
        out.append(join_lines(note))
    return "；".join(out)


# a name on the byline followed by signs alone ("王建国*　李思远**", "张三†"), no unit number
_SIGNED_NAME = re.compile(r"(?P<name>[\u3400-\u9fff][\u3400-\u9fff·]{1,7})[ \u3000]*(?P<sign>[*∗＊†‡]+)(?![\d¹²³⁴⁵⁶⁷⁸⁹])")
_SIGN_NOTE = re.compile(r"^\s*(?P<sign>[*∗＊†‡]+)\s*(?P<text>\S.*)$")


def _sign(text: str) -> str:
    return text.replace("∗", "*").replace("＊", "*")


def _sign_keyed_units(lines: list["Line"], size: float, author_lines: list[str]) -> tuple[list[str], list[str]] | None:
    """A byline whose names carry only signs (王建国*　李思远**) over first-page notes that open
    with the same signs and give the unit and post without a name ("* 吉林大学经济学院教授。",
    "** 东北师范大学商学院讲师。"): law and social-science journals put CAJ-CD B/T 1-2006's
    author note in the page foot keyed so. (author lines numbered, unit lines "k. unit"), or
    None when a name has no such note."""
    byline = "".join(author_lines)
    if re.search(r"[\d¹²³⁴⁵⁶⁷⁸⁹\u2460-\u2473]", byline):
        return None  # (numbered units: the signs mark a corresponding author, not a note)
    signed = [(m.group("name"), _sign(m.group("sign"))) for m in _SIGNED_NAME.finditer(byline)]
    if not signed:
        return None
    units: dict[str, str] = {}
    for k, ln in enumerate(lines):
        m = _SIGN_NOTE.match(ln.text)
        if not m or ln.size >= size - 0.4 or _sign(m.group("sign")) in units:
            continue
        note = [m.group("text")]
        for nxt in lines[k + 1:k + 4]:
            if abs(nxt.size - ln.size) > 0.3 or nxt.y <= ln.y or _SIGN_NOTE.match(nxt.text) or citations.match_marker(nxt.text):
                break
            note.append(nxt.text)
        text = join_lines(note)
        if any(text.startswith(n) for n, _ in signed):
            continue  # (a note naming its author is a 作者简介: _star_bio reads it)
        unit = names.institution_of(text)
        # (the note opens with the unit: a 基金项目 or 本文系… note under a star is no author's)
        if (unit and text.lstrip().startswith(unit[:4]) and not find_labels([text])
                and not _FUNDING_SENTENCE.match(text) and not re.search(r"基金|项目|资助|课题|成果", unit)):
            units[_sign(m.group("sign"))] = unit
    if not all(sign in units for _, sign in signed):
        return None
    numbers = {sign: str(k) for k, sign in enumerate(dict.fromkeys(s for _, s in signed), start=1)}
    authors = []
    for line in author_lines:
        authors.append(_SIGNED_NAME.sub(lambda m: m.group("name") + numbers.get(_sign(m.group("sign")), ""), line))
    return authors, [f"{numbers[s]}. {units[s]}" for s in numbers]


def _marked_affiliation_notes(lines: list["Line"], after: int, author_lines: list[str]) -> list[str]:
    """Affiliations printed as first-page notes keyed by the byline's circled marks
    ("邹涛 ①" … "①南京中医药大学人文社会科学部 江苏南京 210046"), in whatever type size:
    a note opening with a mark the byline carries and naming an institution."""
    marks = set(re.findall(r"[\u2460-\u2473]", "".join(author_lines)))
    out = []
    for ln in lines[after:]:
        m = re.match(r"^\s*([\u2460-\u2473])\s*(\S.*)$", ln.text)
        if m and m.group(1) in marks and _INSTITUTION.search(m.group(2)[:40]) and m.group(1) not in {o[:1] for o in out}:
            out.append(f"{m.group(1)}{m.group(2)}")
    return out


def _closing_author_note(page: PageInfo) -> str:
    """The institution in a closing "（作者为…）" note on the article's last page."""
    m = _AUTHOR_IS.search(join_lines([ln.text for ln in page.body[-12:]]))
    if m and m.group("each"):  # one unit per author, in byline order: a list _contributors pairs
        return "；".join(names.institution_of(part) for part in re.split(r"[、；;]", m.group("body")))
    return names.institution_of(m.group("body")) if m else ""


def _doi_value(text: str) -> str:
    """A DOI label's value as the DOI: Founder-set Latin puts a space after every full stop
    and around a slash ("10. 3969 /j. issn. 1005-3220"), and a minus sign (U+2212) or an
    en dash stands for the hyphen; a DOI has neither spaces nor those."""
    return re.sub(r"(?<=[./])[ \u3000]+|[ \u3000]+(?=/)", "", text).replace("\u2212", "-").replace("\u2013", "-")


# an unlabelled funding note: "本研究是…基金项目…的研究成果。", "本文系…资助"
_FUNDING_SENTENCE = re.compile(r"(?:本研究|本文|本课题|本项目|本成果)(?:是|系|为|受|得到|获)[^。]*?(?:基金|项目|资助|课题)[^。]*(?:。|$)")


def _funding_sentence(lines: list["Line"], size: float) -> str:
    """The funding sentence of a first-page note printed without a 基金项目 label."""
    small = join_lines([ln.text for ln in lines if ln.size < size - 0.4])
    m = _FUNDING_SENTENCE.search(small)
    return m.group(0) if m else ""


# fields some journals print in a block at the article's end (after the references),
# often beside the author's photo, instead of in a first-page footnote
_CLOSING_FIELDS = {"received", "revised", "online", "bio", "funding", "corresponding", "contact", "history", "accepted",
                   "author_note", "affiliation"}


def _add_closing_fields(header: Header, pages: list[PageInfo], english: bool = False) -> None:
    """Fill fields the first page lacks from a labelled block near the article's end.

    The block is on the last page that has one (an English extended abstract may follow
    it; an English-language article's back matter may run over several pages, each read);
    it is the column below its first label, paragraphs apart included. Lines left of
    it (a photo caption) and the closing （责任编辑…） line are not part of it."""
    for page in reversed(pages):
        if not page.labels & _CLOSING_FIELDS:
            continue  # (classify found the page's labels already; search only pages that have one)
        texts = [ln.text for ln in page.body]
        # (a label opens its line, or follows the bullet some journals print before each: ■收稿日期)
        hits = [h for h in find_labels(texts) if h.field in _CLOSING_FIELDS and not texts[h.line][:h.start].strip(" ■□◆◇●▲△★☆")]
        if not hits:
            continue
        if any(h.field not in header.fields for h in hits):
            top = page.body[hits[0].line]
            block = [ln for ln in page.body[hits[0].line:]
                     if ln.x0 >= top.x0 - 3 * top.size and ln.y >= top.y - 1 and not _EDITOR.match(ln.text)]
            closing = extract_labelled(block, gap_lines=6)
            for name in _CLOSING_FIELDS & closing.fields.keys() - header.fields.keys():
                header.fields[name] = closing.fields[name]
                header.raw[name] = closing.raw[name]
        if not english:
            return  # (a Chinese article's block is on one page)


def _bio_heads(bio: str) -> list[tuple[str, str]]:
    """(name, rest) of each author in a 作者简介 that runs "name，…; name，…"."""
    out = []
    for seg in re.split(r"[;；]", bio or ""):
        head, _, rest = seg.strip().partition("，") if "，" in seg else seg.strip().partition(",")
        if head and rest and len(head) <= 30:
            out.append((head.strip(), rest.strip()))
    return out


def _names_in_bio_order(line: str, bio: str) -> list[str]:
    """A byline mixing Chinese and Latin names with only spaces between them ("富晓星 Lei
    Zhang Eric P. F. Chow 马铁成"): the names the 作者简介 gives, when they are the whole
    byline in the same order; else []."""
    if not (re.search(r"[\u4e00-\u9fff]", line) and re.search(r"[A-Za-z]{2,}", line)):
        return []
    heads = [h for h, _ in _bio_heads(bio)]
    pos, rest = 0, line
    for h in heads:
        k = line.find(h, pos)
        if k < 0:
            return []
        pos = k + len(h)
        rest = rest.replace(h, " ", 1)
    return heads if heads and not re.search(r"[^\s\d,，、*∗]", rest) else []


def _latin_bios(bio: str) -> list[dict[str, str]]:
    """Bio entries for the authors with Latin names in a Chinese 作者简介 (parse_bio reads Chinese names)."""
    return [{"name": h, "bio": rest, "affiliation": names.institution_of(rest), "email": names.email_in(rest)}
            for h, rest in _bio_heads(bio) if re.fullmatch(r"[A-Za-z][A-Za-z.\- ]+", h)]


def _split_by_english(marked: list[tuple[str, list[str]]], english: list[str]) -> list[tuple[str, list[str]]]:
    """A Chinese byline with fewer names than its English translation: a run whose space
    the text layer lost ("郜帅兰江雨") cut where the English names say (Gao Shuai, Lan
    Jiangyu). Unchanged unless every name then matches its English counterpart."""
    out: list[tuple[str, list[str]]] = []
    j = 0
    for name, marks in marked:
        cuts = [[name]] + (names.name_partitions(name) if len(name) >= 4 and _is_cjk_line(name) else [])
        for parts in cuts:
            if j + len(parts) <= len(english) and all(names.is_pinyin_of(p, english[j + k]) for k, p in enumerate(parts)):
                out += [(p, []) for p in parts[:-1]] + [(parts[-1], marks)]
                j += len(parts)
                break
        else:
            return marked
    return out if j == len(english) else marked


def _english_in_byline_order(zh_names: list[str], english: list[str]) -> list[str]:
    """The English names in the Chinese byline's order. CAJ-CD B/T 1-2006 prints the same
    people in the same order; where a name in that position is not its Chinese name's
    romanisation but the names pair off one to one by their romanisations (each English
    name that of exactly one Chinese name), they are paired so. Otherwise as printed
    (a misfit is flagged by the confidence layer, not guessed)."""
    fits = [[j for j, en in enumerate(english) if names.romanisation_of(zh, en)] for zh in zh_names]
    if all(k in f for k, f in enumerate(fits)) or not all(len(f) == 1 for f in fits):
        return english
    order = [f[0] for f in fits]
    return [english[j] for j in order] if sorted(order) == list(range(len(english))) else english


def _expected_english(marked: list[tuple[str, list[str]]]) -> list[list[str]]:
    """For each byline name, the English forms it may be printed in: the pinyin of a
    Chinese name in either order (GB/T 28039 surname first; Western order), a Latin name as is."""
    return [[names.pinyin_name(n), " ".join(reversed(names.pinyin_name(n).split()))] if _is_cjk_line(n) else [n]
            for n, _ in marked]


def _units_in_byline_order(note: str, n_authors: int) -> list[str]:
    """A unit note listing one unit per author without names or marks ("北京大学社会学系；清华大学
    公共管理学院", as "作者分别为…" prints them): the units in byline order, when there are as
    many as authors (two or more) and each names an institution; else []."""
    parts = [p.strip(" ，,。") for p in re.split(r"[；;]", note or "") if p.strip(" ，,。")]
    if n_authors < 2 or len(parts) != n_authors or not all(names.institution_of(p) for p in parts):
        return []
    if any(names.parse_affiliation_line(p).keys() - {""} or re.match(r"^[\u4e00-\u9fff·]{2,4}\s*[，,：:]", p) for p in parts):
        return []  # (numbered, or each opening with an author's name: parse_unit_note's shapes)
    return parts


def _affiliations_of(affil_lines: list[str], n_authors: int) -> dict[str, str]:
    """{mark: unit} from the lines under the byline. Unnumbered units one a line, as many
    as the authors, are theirs in byline order (keys #1, #2, … for an unmarked byline);
    fewer or more unnumbered lines are one list every author shares."""
    parsed = [names.parse_affiliation_line(line) for line in affil_lines]
    bare = [p[""] for p in parsed if "" in p]
    out: dict[str, str] = {}
    if len(bare) >= 2 and len(bare) == len(parsed):
        if len(bare) == n_authors:
            return {f"#{k}": u for k, u in enumerate(bare, start=1)}
        return {"": "；".join(bare)}
    for p in parsed:
        out.update(p)
    return out


def _lost_mark(marked: list[tuple[str, list[str]]], affiliations: dict[str, str]) -> list[tuple[str, list[str]]]:
    """A byline whose authors carry numbered marks but one author none, while one numbered
    unit is claimed by nobody: that author's raised mark was lost (a dropped superscript,
    an OCR'd scan's small "1"). GB/T 7713.2 lists a unit for the authors it names, so the
    unclaimed unit is the unmarked author's."""
    unmarked = [k for k, (_, m) in enumerate(marked) if not m]
    claimed = {x for _, m in marked for x in m}
    numbered = [k for k in affiliations if k.isdigit()]
    unclaimed = [k for k in numbered if k not in claimed]
    if len(marked) >= 2 and len(unmarked) == 1 and claimed and claimed <= set(numbered) and len(unclaimed) == 1:
        k = unmarked[0]
        return marked[:k] + [(marked[k][0], unclaimed)] + marked[k + 1:]
    return marked


def _unit_without_name(unit: str, byline: list[str]) -> str:
    """A unit read from a note that opens with its author's name ("①王建国，吉林大学经济学院
    教授", "王建国：吉林大学…"): the unit, without the name (a 作者简介's head, CAJ-CD B/T 1)."""
    for name in byline:
        m = re.match(rf"\s*{re.escape(name)}\s*[：:，,]\s*", unit) if len(name) >= 2 else None
        if m and names.institution_of(unit[m.end():]):
            return unit[m.end():]
    return unit


def _contributors(author_lines: list[str], affil_lines: list[str], header: Header,
                  english: EnglishEntry | None) -> list[Contributor]:
    marked: list[tuple[str, list[str]]] = []
    latin_bios = _latin_bios(header.fields.get("bio", ""))
    in_byline: set[str] = set()  # Latin names printed in the Chinese byline: its names as printed
    for line in author_lines:
        mixed = _names_in_bio_order(line, header.fields.get("bio", ""))
        if mixed:
            marked += [(n, []) for n in mixed]
            in_byline.update(mixed)
            continue
        if _GROUP_AUTHOR.search(line.strip()) and not re.search(r"[，,、;；\s]", line.strip()):
            marked.append((line.strip(), []))
            continue
        found = names.split_author_line_with_marks(_BYLINE_PREFIX.sub("", line))
        if re.search(r"[\u3400-\u9fff]", line):  # a Western co-author printed in Latin letters in the Chinese byline
            in_byline.update(n for n, _ in found if not _is_cjk_line(n))
        marked += found
    cited = names.names_in_citation(header.fields.get("cite_as", ""))
    if cited and [n for n, _ in marked] != cited:
        # the 引用本文 line is typeset from the journal's metadata; a byline that disagrees
        # is OCR-damaged (轩4客 for 许全喜) or split wrongly: keep its marks only if they line up
        marks = [m for _, m in marked] if len(marked) == len(cited) else [[] for _ in cited]
        marked = list(zip(cited, marks))
    affiliations = _affiliations_of(affil_lines, len(marked))
    if (not any(m for _, m in marked) and len(marked) >= 2 and len(affiliations) == len(marked)
            and all(k.isdigit() for k in affiliations)):
        # numbered units, as many as the authors, under a byline whose marks the text layer
        # lost (superscripts dropped): the units are the authors' in byline order
        marked = [(n, [k]) for (n, _), k in zip(marked, sorted(affiliations, key=int))]
    marked = _lost_mark(marked, affiliations)
    if any(k.startswith("#") for k in affiliations):
        if any(m for _, m in marked):  # (a marked byline over unnumbered units: the marks count them)
            affiliations = {k[1:]: u for k, u in affiliations.items()}
        else:
            marked = [(n, [f"#{k}"]) for k, (n, _) in enumerate(marked, start=1)]
    bios = names.parse_bio(header.fields["bio"], [n for n, _ in marked]) if header.fields.get("bio") else []
    # a 通信作者 note written like a bio ("袁晶，女，正高级工程师，…") is that author's bio
    bios += [b for b in names.parse_bio(header.fields.get("corresponding", ""))
             if b.get("name") and "，" in b.get("bio", "") and all(b["name"] != o.get("name") for o in bios)]
    bios += [b for b in latin_bios if all(b["name"] != o.get("name") for o in bios)]
    notes = names.parse_author_note(header.fields.get("author_note", ""))
    contacts = names.parse_bio(header.fields.get("contact", ""))
    if not marked and bios:  # no byline: the 作者简介 names the authors
        marked = [(b["name"], []) for b in bios if b.get("name")]
    if not marked and notes:
        marked = [(n["name"], []) for n in notes]
    byline_note = header.fields.get("author_note", "").strip()
    if not marked and _BYLINE.match(byline_note):  # a labelled byline: "作者：王五，赵六"
        marked = names.split_author_line_with_marks(byline_note)
    unit_note = header.fields.get("affiliation", "")
    if not any(affiliations.values()) and unit_note and "" not in (numbered := names.parse_affiliation_line(unit_note)):
        affiliations.update(numbered)  # "作者单位：1. 北京大学…；2. 清华大学…": the byline's marks point into it
    # no institution under the byline: a 作者单位 note that names no author per line gives them
    unit_all, unit_of = ("", {}) if any(affiliations.values()) or notes else names.parse_unit_note(header.fields.get("affiliation") or header.fields.get("author_note", ""), [n for n, _ in marked])
    if not any(affiliations.values()) and not notes and not unit_of and (in_order := _units_in_byline_order(unit_note, len(marked))):
        affiliations.update({str(k): u for k, u in enumerate(in_order, start=1)})
        marked = [(n, [str(k)]) for k, (n, _) in enumerate(marked, start=1)]
    if english and len(english.names) > len(marked):
        marked = _split_by_english(marked, english.names)
    if english and not english.names and english.byline and marked:
        english.names = cut_byline(english.byline, _expected_english(marked))
    if english and english.names and len(english.names) < len(marked) and all(_is_cjk_line(n) for n, _ in marked):
        # English names run together with no comma between them ("ZHANG San LI Si" read as one
        # name): cut where the pinyin of each Chinese name says, when that accounts for all
        english.names = cut_byline(" ".join(english.names), _expected_english(marked)) or english.names
    if english and len(english.names) == len(marked):
        english.names = _english_in_byline_order([n for n, _ in marked], english.names)
    out: list[Contributor] = []
    for k, (name, marks) in enumerate(marked):
        surname, given = names.split_chinese_name(name) if _is_cjk_line(name) else names.split_english_name(name)
        if _GROUP_AUTHOR.search(name):
            surname = given = ""  # (an organisation has no surname)
        c = Contributor(
            name=LangText(zh=name if _is_cjk_line(name) or name in in_byline else "", en="" if _is_cjk_line(name) else name),
            name_pinyin=names.pinyin_name(name) if _is_cjk_line(name) else name,
            surname=surname,
            given=given,
        )
        aff = [affiliations[m] for m in marks if m in affiliations]
        if not aff and len(affiliations) == 1 and any(affiliations.values()):
            aff = list(affiliations.values())
        if not aff and (unit_of.get(name) or unit_all):
            aff = [unit_of.get(name) or unit_all]
        bio = next((b for b in bios if b.get("name") == name), None)
        if bio is None and len(bios) == len(marked):
            bio = bios[k]
        if bio:
            # (a funding sentence printed in the same note is not the author's: "本文系…成果")
            c.bio = _FUNDING_SENTENCE.sub("", bio.get("bio", "")).strip().rstrip("。；;，, ")
            c.email = bio.get("email", "") or ""
            if not aff and bio.get("affiliation"):
                aff = [bio["affiliation"]]
        if not c.email:  # a closing 通联 line gives the address of the author it names
            c.email = next((d["email"] for d in contacts if d.get("name") == name and d.get("email")), "")
        note = next((n for n in notes if n["name"] == name), None)
        if note:
            aff = aff or ([note["affiliation"]] if note["affiliation"] else [])
            c.email = c.email or note["email"]
            c.name.en = c.name.en or note["name_en"]
        c.affiliation = "; ".join(_unit_without_name(a, [n for n, _ in marked]) for a in aff)
        # the 通信作者 note names this author (JATS corresp="yes"); justification spaces apart ("袁 晶")
        corresponding, compact = re.sub(r"\s+", "", header.fields.get("corresponding", "")), re.sub(r"\s+", "", name)
        if compact and compact in corresponding:
            c.corresponding = True
            m = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", corresponding[corresponding.index(compact):])
            c.email = c.email or (m.group(0) if m else "")
        if english and len(english.names) == len(marked):
            c.name.en = english.names[k]
        elif english and _is_cjk_line(name):  # bylines of different lengths: the English name that is this one's pinyin
            c.name.en = next((en for en in english.names if names.is_pinyin_of(name, en)), c.name.en)
        out.append(c)
    return out


def _citations(pages: list[PageInfo], size: float, header_used: set[int]) -> list[Citation]:
    notes: list[str] = []
    refs: list["Line"] = []
    sources: list[str] = []
    in_refs = False
    furniture = repeated_url_lines(pages)
    headings = _list_headings(pages)
    for k, page in enumerate(pages):
        body = page.body
        skip = {i for i, ln in enumerate(body) if plain_key(ln.text) in furniture}
        taken: list["Line"] = []
        if in_refs:
            listed, below = _split_ref_page(body)
            refs += [ln for ln in listed if plain_key(ln.text) not in furniture]
            notes += [ln.text for ln in below if plain_key(ln.text) not in furniture]
            sources += source_notes(body, listed + below)
            continue
        head_at = headings.get(k)
        above = body if head_at is None else body[:head_at]
        probe = PageInfo(page.number, body=above)
        # a note runs on from the previous page only when that page's last note is unfinished
        # (no 。 . ] at its end): else small print above this page's first marker is no note
        open_note = bool(notes) and not re.search(r"[。.．!?！？\]］)）]\s*$", notes[-1])
        taken = footnote_lines(probe, size, (header_used if k == 0 else set()) | skip, open_note)
        notes += [ln.text for ln in taken]
        if head_at is not None:
            in_refs = True
            listed, below = _split_ref_page(body[head_at + 1:])
            refs += listed
            notes += [ln.text for ln in below if plain_key(ln.text) not in furniture]
            taken = taken + listed + below
        sources += source_notes(body, taken)
    # stop at an English block printed after the references
    cut = next((i for i, ln in enumerate(refs) if re.match(r"^\s*(Abstract|ABSTRACT)\s*[:：]", ln.text)
                or (i and is_end_matter(ln.text))), None)
    entries = reference_entries(refs[:cut])
    split = citations.split_notes(notes)
    noted = [t for _, t in split]
    if len(entries) >= 3:
        # beside a reference list, footnotes are explanatory notes unless they cite; small
        # print before any note marker (a caption at the page foot) is no note at all
        noted = [t for m, t in split if m and _CITES.search(t) and not _affiliation_note(t)]
        # a list entry repeating a cited footnote's source is the same citation, listed again
        seen = {_source_key(t) for t in noted}
        entries = [t for t in entries if _source_key(t) not in seen]
    # (a note citing several web sources, each with its own access date, gives one each)
    texts = [part for text in noted + sources + entries for part in citations.split_sources(text)]
    out = [citations.parse_citation(n, text) for n, text in enumerate(texts, 1)]
    own = own_doi(pages[0], header_used)
    if own:  # the article's own DOI link (in a 文章引用 note, a page foot) cites nothing
        for c in out:
            c.urls = [u for u in c.urls if own not in u.lower()]
    return out


def _affiliation_note(text: str) -> bool:
    """A first-page note giving the authors' institutions (and addresses), which cites
    nothing: an institution named at its start and no year anywhere."""
    return bool(INSTITUTION_EN.search(text[:80])) and not re.search(r"\b(?:1[5-9]|20)\d\d\b", text)


def _list_headings(pages: list[PageInfo]) -> dict[int, int]:
    """The reference-list heading of each page that opens the list: {page index: line
    index}. A list is printed after the text it serves (GB/T 7713.2, GB/T 7714), so where the
    same heading comes twice, the last opens it: an earlier 参考文献 is a table's column
    head ("参考文献 | 文献[8] …" in a survey table) or a mention, and taking it would turn every
    page after it into references. (Different headings, 参考文献 then 注释, both count; the
    same heading again on the next page is the list's, repeated over its continuation.)"""
    last: dict[str, tuple[int, int]] = {}
    for k, page in enumerate(pages):
        body = page.body
        for i, ln in enumerate(body):
            if citations.REF_HEADING.match(ln.text) and _list_follows(body[i + 1:i + 4]):
                key = re.sub(r"[\W_]+", "", ln.text).lower()
                if key not in last or k > last[key][0] + 1:
                    last[key] = (k, i)
    out: dict[int, int] = {}
    for k, i in last.values():
        out[k] = min(out.get(k, i), i)
    return out


_ENTRY_MARK = re.compile(r"^\s*(?:[\[［【]\s*\d{1,3}(?:\s*[-–,，]\s*\d{1,3})*\s*[\]］】]|\d{1,3}\s*[.．、]|[\u2460-\u2473])\s*")


def _list_follows(lines: list["Line"]) -> bool:
    """Do the lines under a References heading start a list (a year, or an entry: a marker
    with text after it, or a line of Chinese)? A "References" entry in a contents box is
    followed by the text of the first section; a table's "Reference" or 参考文献 column by
    bare cells ("[138]", "文献[8]")."""
    for ln in lines:
        text = ln.text.strip()
        rest = _ENTRY_MARK.sub("", text, count=1)
        if (re.search(r"(?:1[5-9]|20)\d\d", text) or (rest != text and len(rest) >= 6)
                or (len(text) >= 10 and re.search(r"[\u4e00-\u9fff]", text))):
            return True
    return not lines


def _source_key(text: str) -> str:
    """Author and title of a citation, markers and punctuation aside: equal keys, same source."""
    bare = re.sub(r"^\s*(?:[\[［【]\d+[\]］】]|[\u2460-\u2473]|\d+[.．、])", "", text)
    return re.sub(r"[\W_]+", "", bare)[:20]


# what a footnote that cites a source shows: a GB/T 7714 type code, a URL (also when
# letter-spaced, "https: / / www. x. org", or bare "www."), a publisher or a page reference,
# or the shape of a Chinese note citation (作者：《题名》, 年第N期, 第N版)
_CITES = re.compile(r"[\[［]\s*(?:J|M|C|D|R|N|P|S|Z|EB/OL|J/OL|M/OL|DB/OL|G|A)\s*[\]］]|https?\s*[:：]\s*/\s*/|www\s*\.|出版社|第\s*\d+\s*页|pp?\.\s*\d"
                    r"|^\s*\S?\s*[^。，]{0,40}?[：:]\s*《|^\s*\S?\s*《|\d{4}\s*年第\s*\d+\s*期|第\s*\d+\s*版")


def _split_ref_page(lines: list["Line"]) -> tuple[list["Line"], list["Line"]]:
    """(reference lines, footnote lines) of a page in the reference list: footnotes are set
    smaller than the list and sit below its last line."""
    # a masthead or running head the running-head pass left in the body (www.nature.com/…,
    # "Ezanno et al. Vet Res (2021) 52:40") sits above the list in bigger type: not part of it
    while (len(lines) > 1 and lines[0].size > lines[1].size + 0.3 and len(lines[0].text) < 60
           and not re.search(r"[\u4e00-\u9fff]", lines[0].text) and not citations.match_marker(lines[0].text)):
        lines = lines[1:]
    if not lines:
        return [], []
    main = lines[0].size  # the list goes on from the top of the page (or its heading)
    # an OCR layer's sizes follow each scanned line's height: as wide a tolerance as the
    # header's (header._size_tolerance)
    tol = 2.0 if lines[0].invisible else 0.3
    last_main = max((ln.y for ln in lines if ln.size >= main - tol), default=0.0)
    below = [ln for ln in lines if ln.size < main - tol and ln.y > last_main]
    return ([ln for ln in lines if not any(ln is b for b in below) and not _EDITOR.match(ln.text)],
            [ln for ln in below if not _EDITOR.match(ln.text)])  # (（责任编辑：…） is no note)


def _rejoin_by_usage(keywords: list[str], text: str) -> list[str]:
    """English keywords with a line-break hyphen left in ("trans-sexuals"): a keyword line
    wraps like any other, and a typesetter's break hyphen is no part of the word. When the
    article's own English title or abstract spells the word whole and never with the hyphen,
    the hyphen was the line break's (a real compound, male-to-female, is spelt with it there)."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text)}

    def fix(m: re.Match[str]) -> str:
        whole = m.group(1) + m.group(2)
        return whole if whole.lower() in words and m.group(0).lower() not in words else m.group(0)

    return [re.sub(r"\b([A-Za-z]{2,})-\s*([a-z]{2,})\b", fix, k) for k in keywords]


def _range_printed_in_words(art: Article, pages: list[PageInfo]) -> None:
    """A first page without a folio read on it that prints its range in words (its own
    GB/T 7714 citation line, a pp./页码 masthead line: parsers.pages.printed_range): the
    range read there, instead of one inferred from the neighbouring pages' numbers."""
    first, last = pages[0], pages[-1]
    if first.printed_seen:
        return
    top = [ln.text for ln in first.body[:8]]  # (a masthead line the running-head pass left in the body)
    found = printed_range([ln.text for ln in first.body], [h.text for h in first.heads] + top)
    if found is None:
        return
    art.fpage = str(found[0])
    if not last.printed_seen or len(pages) == 1:
        art.lpage = str(found[1])
    art.warn("pages-from-printed-range", f"no folio read on its first page: p.{art.fpage}–{art.lpage} from the "
             "range it prints (its citation line or a pp./页码 line)")


_NAME_MARKS = re.compile(r"^[\s\d,，*∗†‡§#＃＊△▲※★☆¹²³⁴⁵⁶⁷⁸⁹⁰\u2460-\u2473]+|[\s\d,，*∗†‡§#＃＊△▲※★☆¹²³⁴⁵⁶⁷⁸⁹⁰\u2460-\u2473]+$")


def _english_names_by_pinyin(art: Article, pages: list[PageInfo]) -> None:
    """Han-named authors left without an English name, or with one that is not their pinyin:
    the English byline is the line of the first two pages (or the last) printing every one's pinyin
    (GB/T 28039-2011; names.english_byline), read as printed."""
    han = [c for c in art.contributors if re.fullmatch(r"[\u3400-\u9fff]{2,4}", c.name.zh or "")]
    for c in han:
        # a byline's superscript marks (1,2 * † ①) are no part of the name
        bare = _NAME_MARKS.sub("", c.name.en or "").strip()
        if bare != (c.name.en or "") and names.is_pinyin_of(c.name.zh, bare):
            c.name.en = bare
        # (units marked by letters, WANG Jianguoa: the letter is a mark when the rest is the pinyin)
        lettered = re.sub(r"(?<=[a-zü])[a-h](?:,[a-h])*$", "", c.name.en or "")
        if lettered != (c.name.en or "") and not names.is_pinyin_of(c.name.zh, c.name.en) and names.is_pinyin_of(c.name.zh, lettered):
            c.name.en = lettered
    if not han or all(c.name.en and names.is_pinyin_of(c.name.zh, c.name.en) for c in han):
        return
    # (the English block follows the Chinese one, or closes the article after its references)
    lines = [ln.text for p in pages[:2] + pages[2:][-1:] for ln in p.body]
    found = names.english_byline([c.name.zh for c in han], lines)
    for c, en in zip(han, found):
        if not (c.name.en and names.is_pinyin_of(c.name.zh, c.name.en)):
            c.name.en = en
    # (no English byline: the English author note, the 作者简介's twin closing the English block,
    # "Author: Wang Jianguo, Professor, School of …", prints each name)
    notes = [" ".join(lines[k:k + 3]) for k, ln in enumerate(lines) if _EN_AUTHOR_NOTE.match(ln)]
    for c in han:
        pat = names.pinyin_printed(c.name.zh) if notes and not c.name.en else None
        m = next((m for note in notes if pat and (m := pat.search(note))), None)
        if m:
            c.name.en = re.sub(r"\s+", " ", m.group(0)).strip(" ,，")


# the English note on the author(s) (GB/T 7713.2's 作者简介 in English, after the English
# abstract or at the article's end): "Author: Wang Jianguo, Professor, …", "Authors: Fu Xiaoxing is …"
_EN_AUTHOR_NOTE = re.compile(r"^\s*(?:About\s+the\s+)?(?:Authors?|AUTHORS?|Biograph(?:y|ies))\s*[:：]")


def _surnames_by_english(art: Article) -> None:
    """A printed English name in GB/T 28039 form (surname in capitals, a compound surname one
    word) settles where a Chinese surname ends: 东方亮 / DONG Fangliang is 东 + 方亮."""
    for c in art.contributors:
        if c.name.zh and c.name.en and c.surname and (split := names.split_by_english(c.name.zh, c.name.en)):
            c.surname, c.given = split


# the Chinese fields the norms print between the byline and the body (GB/T 7713.2-2022 5.4-5.7,
# CAJ-CD B/T 1-2006): a page break inside them leaves the rest at the top of the next page (the
# English block's own run-over is _english_runs_over's)
_FRONT_FIELDS = {"abstract_zh", "keywords_zh", "clc", "doc_code", "article_no", "doi"}


def _front_runs_over(lines: list["Line"], header: Header, nxt: list["Line"], size: float) -> list["Line"]:
    """The start page's lines with the next page's opening lines set in after its front matter,
    when a run-on article's header sits at the page's foot and breaks over the page: inside its
    摘要 (or what follows it), or before it (the title and byline at the foot, the rest of the
    byline or the 摘要 on the next page). The carried lines run to the body: a Chinese line in
    its type, or its first heading (below the 摘要, any Chinese line in body type or larger).
    They are moved under the front matter's last line as if the page went on (the first-page
    notes stay after them). [] when the front matter ends on the page."""
    def owner(i: int) -> str:
        return max((f for f, at in header.at.items() if at <= i), key=lambda f: header.at[f], default="")

    if not nxt:
        return []
    front = [i for i in sorted(header.used) if owner(i) in _FRONT_FIELDS]
    unused = [i for i in range(len(lines)) if i not in header.used]
    if not front and not unused:
        return []
    last = front[-1] if front else unused[-1]
    if any(owner(i) in _FRONT_FIELDS or (i not in header.used and lines[i].size >= lines[last].size - 0.3)
           for i in range(last + 1, len(lines))):
        return []  # the front matter ends on this page: something of its type follows it
    def body_begins(ln: "Line") -> bool:
        if not _is_cjk_line(ln.text):
            return False  # (the English block goes on)
        if front:  # below the 摘要, anything Chinese in the body's type or larger
            return ln.size >= size - 0.3
        # (above it the rest of a byline in display type goes on: the text, or its first heading)
        return is_section_heading(ln.text) or (abs(ln.size - size) <= 0.3 and not find_labels([ln.text]))

    more = []
    for ln in nxt:
        if body_begins(ln):
            break
        more.append(ln)
    # (before the 摘要, the carried lines must hold one of its labels: the header goes on there)
    if not more or not front and not any(h.start == 0 and h.field in _FRONT_FIELDS
                                         for h in find_labels([ln.text for ln in more])):
        return []
    end = lines[last]
    lead = end.y - lines[last - 1].y if last and 0 < end.y - lines[last - 1].y < 2 * end.size else 1.5 * end.size
    dy = end.y + lead - more[0].y
    return lines[:last + 1] + [replace(ln, y=ln.y + dy) for ln in more] + lines[last + 1:]


def extract_article(aid: str, pages: list[PageInfo], size: float, toc_title: str = "") -> Article:
    """All fields printed in the article's own pages."""
    first = pages[0]
    lines = first.body
    art = Article(id=aid, pdf_pages=[first.number, pages[-1].number])
    if first.printed is not None:
        art.fpage = str(first.printed)
    if pages[-1].printed is not None:
        art.lpage = str(pages[-1].printed)
    _range_printed_in_words(art, pages)

    title_idx = [i for i, ln in enumerate(lines) if any(ln is t for t in first.title_lines)]
    header = extract_labelled(lines)
    if len(pages) > 1 and any(_is_cjk_line(ln.text) and ln.size > size for ln in lines) \
            and (carried := _front_runs_over(lines, header, pages[1].body, size)):
        lines = carried
        header = extract_labelled(lines)
    if not title_idx:  # the page facts found none: the largest Chinese type, else an English title a little larger than the text
        title_idx = _title_by_type(lines, size) or fallback_title(lines, size, header)
    elif "abstract_zh" in header.fields:
        title_idx = _chinese_title_first(lines, title_idx, size)
    while len(title_idx) > 1 and _COLUMN_LABEL.match(lines[title_idx[0]].text.strip()):
        title_idx = title_idx[1:]  # a column label taken with the title: not part of it
    if title_idx and (all(_COLUMN_LABEL.match(lines[i].text.strip()) for i in title_idx)
                      or _short_heading_over_title(lines, title_idx, size)):
        title_idx = _title_under_column_label(lines, title_idx[-1] + 1, size) or title_idx
    while title_idx and title_idx[-1] + 1 < len(lines) and _is_subtitle(lines[title_idx[-1] + 1], lines[title_idx[-1]], size):
        title_idx.append(title_idx[-1] + 1)  # "——基于…的分析" under the title is part of it
        while title_idx[-1] + 1 < len(lines) and _subtitle_goes_on(lines[title_idx[-1] + 1], lines[title_idx[-1]]):
            title_idx.append(title_idx[-1] + 1)
    title_end = title_idx[-1] + 1 if title_idx else 0
    cjk_title = [lines[i].text for i in title_idx]
    art.title.zh = _tidy_title(join_lines(cjk_title)) if cjk_title else ""

    # the first label after the title ends the byline; labels above the title (CNKI one-line headers) do not
    label_after = sorted(i for i in header.used if i >= title_end)
    # a labelled byline right under the title ("作者：王五1，赵六2", its units under it) is part of
    # the author block, not the label that ends it
    if label_after and header.at.get("author_note") == label_after[0] == title_end \
            and _BYLINE.match(_BYLINE_PREFIX.sub("", lines[title_end].text.strip())):
        label_after = label_after[1:]
    byline_end = label_after[0] if label_after else min(len(lines), title_end + 4)
    author_lines, affil_lines = _author_block(lines, title_end, byline_end, size)

    if len(pages) > 1:  # (an English article's back matter may spread over its last pages)
        _add_closing_fields(header, pages[1:], bool(cjk_title) and latin_share(join_lines(cjk_title)) > 0.8)

    if not affil_lines:
        affil_lines = _marked_affiliation_notes(lines, title_end, author_lines)
    if not affil_lines and not header.fields.get("bio") and not header.fields.get("affiliation") \
            and (keyed := _sign_keyed_units(lines, size, author_lines)):
        author_lines, affil_lines = keyed
    if not header.fields.get("bio") and (star := _star_bio(lines, size, author_lines)):
        header.fields["bio"] = star
    if not header.fields.get("affiliation") and not affil_lines and (closing := _closing_author_note(pages[-1])):
        header.fields["affiliation"] = closing

    english = english_beside_header(lines, header)
    if english is None and len(pages) > 1:
        # the English block may open the second page (title left on the first) or close the article
        chinese = "abstract_zh" in header.fields
        english = english_beside_header(pages[1].body, chinese=chinese) or _english_at_end(pages, chinese)
        if english is not None and not english.title:
            english.title, names_en = _english_head_after_header(lines, header, size)
            english.names = english.names or names_en
    if english is not None and english.abstract and not english.keywords and len(pages) > 1 and "abstract_en" in header.fields:
        _english_runs_over(english, header, pages[1])
    if english is None or not english.title:
        under = _english_title_under_title(lines, title_end) if cjk_title else ""
        if under:
            english = english or EnglishEntry()
            english.title = under
    if english:
        art.title.en = english.title
        art.abstract.en = english.abstract
        art.keywords.en = _rejoin_by_usage(english.keywords, f"{english.title} {english.abstract}")

    f = header.fields
    art.abstract.zh = f.get("abstract_zh", "")
    art.keywords.zh = split_keywords_zh(f.get("keywords_zh", ""), f"{art.title.zh} {f.get('abstract_zh', '')}")
    art.funding = _zh_part(header.raw.get("funding", [])) or _funding_sentence(lines, size)
    art.received = identifiers.parse_date(f.get("received", "")) or ""
    # (Founder spacing around a hyphen, "R - 052", is not part of the code)
    art.clc = identifiers.parse_clc(re.sub(r"\s*-\s*", "-", f["clc"])) if f.get("clc") else []
    art.doc_code = identifiers.parse_doc_code(f.get("doc_code", "")) or (f.get("doc_code", "").strip()[:1] if f.get("doc_code") else "")
    doi_text = _doi_value(f.get("doi", ""))
    if doi_text:
        art.doi = identifiers.find_doi("DOI:" + doi_text) or identifiers.find_doi(doi_text) or ""
    ano_text = f.get("article_no", "")
    ano = identifiers.parse_article_no(ano_text) if ano_text else None
    if "article_no" in header.at and not ano_text.strip():
        # a label ending its line, its value set apart in a line of its own on the same row
        row = lines[header.at["article_no"]]
        beside = [ln for ln in lines if ln is not row and abs(ln.y - row.y) < row.size * 0.6 and ln.x0 >= row.x1 - 1]
        ano = identifiers.parse_article_no(" ".join(ln.text for ln in beside)) if beside else None
    if ano_text and ano is None:
        # a number broken over two lines: try with the next printed line
        raw_line = next((i for i in header.used if ano_text[:6] in lines[i].text), None)
        if raw_line is not None and raw_line + 1 < len(lines):
            ano = identifiers.parse_article_no(ano_text + lines[raw_line + 1].text)
    if ano is not None:
        art.article_no = ano.ascii
    art.contributors = _contributors(author_lines, affil_lines, header, english)
    _english_names_by_pinyin(art, pages)
    _surnames_by_english(art)
    art.citations = _citations(pages, size, header.used)
    if art.title.zh and latin_share(art.title.zh) > 0.8:  # an English-language article
        fill_english(art, first, title_idx, header, pages)
    art.type = type_of_title(f"{art.title.zh or art.title.en} {toc_title}") or art.type  # (a printed category, else research-article)
    return art
