"""First-page fields of an English-language article: title, byline, affiliations, abstract,
keywords, DOI and dates.

Western journals print the abstract with an "Abstract" label or as the first paragraph
under the byline in a type or measure of its own; keywords after "Keywords"; the DOI in a
running head, a masthead line or a footnote, often as https://doi.org/….
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from parsers import identifiers
from parsers.sidebar import joined_spans
from parsers.byline_en import (ORCID_ID, affiliations, author_blocks, byline, footnote_affiliations, marked_names,
                               split_byline_names, unmarked_footnote_affiliation)
from parsers.emails_en import assign_emails
from parsers.english import split_keywords_en
from parsers.header import Header, extract_labelled
from parsers.joining import (dehyphenate, house_apostrophes, house_hyphens, join_lines, line_end_breaks, mended_ligatures, plain_letters,
                             vocabulary)
from parsers.publishers import habits
from parsers.names import EMAIL_RE
from parsers.normalize import latin_share
from parsers.labels import is_section_heading, type_of_category
from schemas.model import Article, Contributor, LangText

if TYPE_CHECKING:  # pragma: no cover
    from collections import Counter

    from parsers.pages import PageInfo
    from parsers.textlayer import Line

# a DOI as printed on a page: it ends at a space (a folio or a journal name may follow)
_PRINTED_DOI = re.compile(r"(?<![\w.])10\.\d{4,9}/[^\s\"<>|]+")
_CAPTION = re.compile(r"^\s*(?:Figure|Fig\.|Table|Scheme)\s*\d", re.I)


def fallback_title(lines: list["Line"], size: float, header: Header) -> list[int]:
    """Title lines of an English first page whose title the page pass did not see (set
    only a little larger than the text): the run of largest-type Latin lines above the
    first label, at least 1.15 times the text size."""
    stop = min(header.at.values()) if header.at else min(len(lines), 15)
    top = [k for k in range(stop) if len(lines[k].text.strip()) > 1]
    if not top:
        return []
    biggest = max(lines[k].size for k in top)
    if biggest < size * 1.15:
        return []
    run: list[int] = []
    for k in top:
        if lines[k].size >= biggest - 0.6 and (not run or k == run[-1] + 1):
            run.append(k)
        elif run:
            break
    text = " ".join(lines[k].text for k in run)
    return run if run and latin_share(text) > 0.8 and not is_section_heading(text) else []


# a column label printed above the title, in the title's type or its own line ("Case Report",
# "Original Research Article", "Short Communication", "Title:"): the article's section, not its title
_COLUMN_WORDS = (r"(?:Original|Research|Review|Case|Clinical|Short|Brief|Rapid|Mini|Systematic|Technical|Special|Invited|"
                 r"Full|Regular|Scientific|Letters?|Reports?|Articles?|Papers?|Communications?|Notes?|Reviews?|Studies|"
                 r"Study|Series|Commentary|Editorial|Perspectives?|Opinion|Viewpoint|Correspondence|Feature|Methods?|"
                 r"Protocol|Hypothesis|Insights?|Open\s+Access|to\s+the\s+Editor)")
_COLUMN_LABEL = re.compile(rf"^\s*(?:{_COLUMN_WORDS}(?:[\s\-–—:|/]+{_COLUMN_WORDS}){{0,3}}|Title)\s*[:|]?\s*$", re.I)


def is_column_label(text: str) -> bool:
    """A line that only names the article's column or type ("Case Report", "REVIEW ARTICLE")."""
    return bool(_COLUMN_LABEL.match(text)) or type_of_category(text) is not None


def title_above_byline(lines: list["Line"], limit: int = 45) -> tuple[list[int], int]:
    """The title lines of a JATS-ordered first page (title, then authors, affiliations,
    abstract): the run of lines in one type, larger than the byline's, right above the first
    byline. A masthead (journal name, publisher logo text) set even larger sits higher, apart
    from the title; lines of a side column (dates beside a wrapped title, a DOI box) are
    skipped. Leading column labels in the title's type ("Case Report") are left out.
    Returns the title lines and the byline's first line ([], -1 when there is none)."""
    for b in range(1, min(len(lines), limit)):
        if is_section_heading(lines[b].text) or _RUN_IN_ABSTRACT.match(lines[b].text) \
                or _KEYWORDS_LABEL.match(lines[b].text):
            if any(ln.y < lines[b].y - 2 * lines[b].size for ln in lines[b + 1:limit]):
                continue  # (the foot of a margin column read first: the main column, higher, follows)
            break  # past the front matter's top: the byline is above the abstract and the body
        people, _ = byline(lines, b, limit=3)
        if not any(len(n.split()) > 1 for n, _ in people):  # a one-word logo line is no byline
            continue
        run = _run_above(lines, b)
        while run and is_column_label(lines[run[0]].text):
            run = run[1:]
        if run:
            return run, b
    return [], -1


def _subtitle_of(lines: list["Line"], title_idx: list[int], found: list[int]) -> bool:
    """Whether the lines found above the byline are a subtitle set smaller right under the
    page's title (the page pass's largest type): then the page's title stays the title."""
    if not title_idx or title_idx[-1] >= found[0]:
        return False
    top, sub = lines[title_idx[-1]], lines[found[0]]
    return top.size > sub.size + 0.6 and 0 < sub.y - top.y < 2.5 * sub.size


def _run_above(lines: list["Line"], b: int) -> list[int]:
    """The lines of one larger type right above `lines[b]`, read upwards; a smaller line in
    between (a side column) is skipped, a larger one or a gap of two lines ends the run. A
    line in the byline's own type right above it means `b` is no byline's first line (a
    title's last line in title case reads as names too)."""
    floor = lines[b].size * 1.1
    run: list[int] = []
    subtitle = 0  # (a subtitle between title and byline, in type between theirs: not the title's)
    for k in range(b - 1, -1, -1):
        ln = lines[k]
        if not run:
            if abs(ln.size - lines[b].size) <= 0.6:
                return []
            if ln.size >= floor and re.search(r"[A-Za-z]{2}", ln.text) and not (
                    subtitle and abs(ln.size - lines[k + 1].size) <= 0.6):
                run = [k]
            elif (subtitle < 2 and lines[b].size + 0.6 < ln.size < floor + 2
                  and lines[k + 1].y - ln.y <= 2.5 * ln.size and re.search(r"[A-Za-z]{2}", ln.text)):
                subtitle += 1
            elif lines[b].y - ln.y > 3 * lines[b].size or ln.size > lines[b].size + 0.6:
                return []
            continue
        top = lines[run[0]]
        if top.y - ln.y > 2.0 * top.size:
            break
        if abs(ln.size - top.size) <= 0.6:
            run.insert(0, k)
        elif ln.size > top.size:
            if len(run) <= 2 and top.y - ln.y <= 1.5 * ln.size and re.search(r"[A-Za-z]{2}", ln.text):
                # (the run was a subtitle: its title, larger, right above it at a title's line pitch)
                run = [k]
                continue
            break
    return run


def title_text(lines: list["Line"]) -> str:
    """The title lines joined, without a badge set smaller at the start ("OPEN" before a
    Scientific Reports title), a column label drawn as a run of its own before the title
    ("Original Article" in another font) or a "Title:" label."""
    texts = []
    for k, ln in enumerate(lines):
        text = ln.text
        if k == 0 and len(ln.spans) > 1 and (ln.spans[0].size < ln.size * 0.8 or is_column_label(ln.spans[0].text)):
            badge = ln.spans[0].text.strip()  # (or a column label in a type of its own)
            if text.startswith(badge):
                text = text[len(badge):]
        texts.append(text.strip())
    return _TITLE_DOI.sub("", _TITLE_LABEL.sub("", join_lines(texts), count=1))


# a form's "Title:" glued before the title; a DOI line run on after it
_TITLE_LABEL = re.compile(r"^\s*(?:Title|TITLE)\s*[:：]\s*")
_TITLE_DOI = re.compile(r"\s*(?:(?:DOI|doi)\s*:?\s*|https?://(?:dx\.)?doi\.org/)10\.\d{4,9}/\S+\s*$")


def page_doi(page: "PageInfo") -> str:
    """The article's DOI printed on its first page: a labelled one (doi:, DOI, doi.org/)
    first, else the first DOI on the page (heads, then body)."""
    texts = _doi_lines(page.heads) + _doi_lines(page.body)
    labelled = [t for t in texts if re.search(r"doi\.org/|\bdoi\b", t, re.I)]
    for t in labelled + texts:
        found = doi_in(t)
        if found:
            return found
    return ""


def doi_in(text: str) -> str:
    """The first DOI printed in `text`, without the punctuation after it or a link glued to
    it ("10.1177/1177390118782877https://doi.org/…": the DOI and its link set as one run)."""
    m = _PRINTED_DOI.search(text)
    if not m:
        return ""
    return re.split(r"https?://", m.group(0))[0].rstrip(".,;:)]}")


def _doi_lines(lines: list["Line"]) -> list[str]:
    """The lines' texts, a line that ends inside a DOI joined to the next line: a DOI has no
    space, so the break is no part of it."""
    out = []
    for k, ln in enumerate(lines):
        t = ln.text
        if k + 1 < len(lines) and (re.search(r"(?<![\w.])10\.\d{4,9}/\s*$", t) or _doi_goes_on(lines, k)):
            t = t.rstrip() + lines[k + 1].text.strip()
        out.append(t)
    return out


_DOI_AT_END = re.compile(r"(?<![\w.])10\.\d{4,9}/[^\s\"<>|]+$")
#: what a DOI's tail on the next line looks like: DOI characters up to a space or the end,
#: with a digit or a DOI's punctuation in it, or a short lower-case rest (Wiley's ".x")
_DOI_TAIL = re.compile(r"(?=[^\s]*[\d./-]|[a-z]{1,2}(?:\s|$))[\w.\-/();:+]+(?:[.,;]?(?:\s|$))")
#: a DOI never ends in a hyphen, a slash, an underscore or an open bracket: what follows goes on with it
_DOI_UNFINISHED = re.compile(r"[-/_(]$")


def _doi_goes_on(lines: list["Line"], k: int) -> bool:
    """Does line k end inside a DOI that the next line finishes? A narrow column (a
    citation box, a two-column masthead) breaks a long DOI where the line is full: the line
    reaches its column's right edge, the next line sits right under it at the paragraph's
    left edge, in the same type, and opens with the DOI's tail ("…journal.pone." +
    "0123456", "…/fpsyg.2016" + ".01234")."""
    ln, nxt = lines[k], lines[k + 1]
    end = _DOI_AT_END.search(ln.text.rstrip())
    if not end or not (_DOI_TAIL.match(nxt.text.strip()) or (
            _DOI_UNFINISHED.search(end.group(0)) and re.match(r"[\w(]", nxt.text.strip()))):
        return False
    if re.match(r"\d{1,3}[.)]\s", nxt.text.strip()):
        return False  # (the next item of a numbered list: "3. Smith J …")
    if abs(nxt.size - ln.size) > 0.6 or not 0 < nxt.y - ln.y <= 1.8 * ln.size or not ln.x0 - 40 <= nxt.x0 <= ln.x0 + 2:
        return False
    column = [o.x1 for o in lines if abs(o.x0 - nxt.x0) <= 3 and abs(o.size - ln.size) <= 0.6]
    return len(column) >= 2 and ln.x1 >= max(column) - 3 * ln.size


# front-matter notes printed between the affiliations and an unlabelled abstract, each a
# paragraph of its own: correspondence, history (APS and AIP print it in brackets: "(Received
# 3 March 2024; published 1 June 2024)"), editors, the licence and copyright lines
_NOTE_START = re.compile(r"^\s*\(?(?:©|\(c\)|Copyright|Correspondence|Corresponding|Received|Revised|Accepted|Published|"
                         r"Available online|Academic Editor|Edited by|Reviewed by|Handling Editor|Citation|Cite this|"
                         r"How to cite|This is an open access|This article is|E-?mail|Open Access)\b", re.I)
_LICENCE_LINE = re.compile(r"^\s*(?:©|\(c\)\s|Copyright\b|This is an open access)", re.I)
# (the abstract's label: "Abstract", Wiley's and The Lancet's "Summary", the "Synopsis" some
# society journals print, letter-spaced "A B S T R A C T" as Elsevier sets it)
_ABSTRACT_ALONE = re.compile(r"^\s*(?:a\s?b\s?s\s?t\s?r\s?a\s?c\s?t|s\s?u\s?m\s?m\s?a\s?r\s?y|synopsis)\s*[:.]?\s*$", re.I)
_RUN_IN_ABSTRACT = re.compile(r"^\s*(?:Abstract|ABSTRACT|[Aa]\s?[Bb]\s?[Ss]\s?[Tt]\s?[Rr]\s?[Aa]\s?[Cc]\s?[Tt]|Summary|SUMMARY|"
                              r"Synopsis|SYNOPSIS)\b\s*[:.—–-]?\s*")
# the other summaries journals print beside the abstract, each its own JATS <abstract
# abstract-type=…> or a note, never the abstract: MDPI's "Simple Summary" (printed before
# the Abstract), PLOS's "Author summary", eLife's digest and impact statement, PNAS's
# "Significance", Cell's "In brief" and highlights, Elsevier's graphical abstract, the lay
# and plain-language summaries of medical journals, Lancet's "Research in context"
_OTHER_SUMMARY = re.compile(r"^\s*(?:(?:Simple|Plain[\s-]+language|Lay|Author|Non-?technical|Public|Graphical|Visual|Video|"
                            r"Editor['’]?s|One[\s-]+sentence)\s+(?:summary|abstract)|eLife\s+digest|Digest|"
                            r"Significance(?:\s+statement)?|In\s+brief|Impact\s+statement|Highlights|Key\s+points|"
                            r"Research\s+in\s+context|Teaser|G\s?R\s?A\s?P\s?H\s?I\s?C\s?A\s?L\s+A\s?B\s?S\s?T\s?R\s?A\s?C\s?T|"
                            r"H\s?I\s?G\s?H\s?L\s?I\s?G\s?H\s?T\s?S)\b", re.I)


def column_paragraph(lines: list["Line"], k: int, end: int) -> list[int]:
    """The lines of the paragraph that starts at `lines[k]`, read down its own column: lines
    beside it (a side column of editors, dates, a margin note) are skipped; a line in its
    column in another type size, a gap wider than 1.5 times its line spacing or a
    copyright/licence line ends it."""
    first = lines[k]
    kept = [k]
    leading = 0.0
    for j in range(k + 1, end):
        ln = lines[j]
        if ln.x1 <= first.x0 or ln.x0 >= first.x1:
            continue  # another column
        gap = ln.y - lines[kept[-1]].y
        if abs(ln.size - first.size) > 0.3 or gap <= 0 or (leading and gap > leading * 1.5) \
                or gap > 2.5 * ln.size or _LICENCE_LINE.match(ln.text):
            break
        leading = leading or gap
        kept.append(j)
    return kept


def _paragraph_closed(lines: list["Line"], block: list[int], end: int) -> bool:
    """Whether something ends the paragraph on the page: a line of its column after it
    (another size, a gap, a label at `end`), not the page's end."""
    last = lines[block[-1]]
    first = lines[block[0]]
    return any(not (ln.x1 <= first.x0 or ln.x0 >= first.x1) for ln in lines[block[-1] + 1:]) or (
        end < len(lines) and last is not lines[-1])


def _addresses_only(text: str) -> bool:
    """Does a paragraph print nothing but e-mail addresses and ORCID iDs (the contact line a
    layout sets under the affiliations)?"""
    rest = re.sub(r"\bORCID(?:\s*iD)?\b|https?://orcid\.org/", "", ORCID_ID.sub("", EMAIL_RE.sub("", text)))
    return rest != text and not re.search(r"[^\W\d_]{2}", rest)


def _abstract_block(lines: list["Line"], start: int, end: int) -> str:
    """An unlabelled abstract: the first paragraph from `start` that is no front-matter note
    (correspondence, dates, editor, licence), when something closes it, it is not a caption
    and it is long enough to be one (a first body paragraph runs on without a break)."""
    k = start
    while k < end:
        while k < end and (not lines[k].text.strip() or len(lines[k].text.strip()) < 3):
            k += 1
        if k >= end or _CAPTION.match(lines[k].text) or is_section_heading(lines[k].text):
            return ""
        block = column_paragraph(lines, k, end)
        if _NOTE_START.match(lines[k].text) or _addresses_only(" ".join(lines[j].text for j in block)):
            k = block[-1] + 1
            continue
        if _SUBHEAD.match(lines[k].text) and not is_section_heading(lines[k].text):
            # a structured abstract printed without an "Abstract" label ("Objectives: …"):
            # its sections together, however short the first
            whole = labelled_abstract(lines, k, end)
            if len(whole) >= 300:
                return whole
        text = join_lines([in_column(lines[j], lines[k].x0) for j in block])
        if not _paragraph_closed(lines, block, end) or len(block) < 3 or len(text) < 300:
            return ""
        return text
    return ""


# the keywords label, in any case ("KEYWORDS", small capitals read as "KEywoRdS"), run in
# (and the other names journals print it under: "Key-words", "Key terms", "Index Terms" (IEEE),
# "Keywords and phrases", "Additional Key Words and Phrases" (ACM))
# (and "Author keywords", "Keywords (MeSH):" with the vocabulary named in brackets)
_KEYWORDS_LABEL = re.compile(r"^\s*(?:(?:additional\s+|author\s+|other\s+)?key[\s\-]?words?(?:\s+and\s+phrases)?|key\s+terms|index\s+terms)\b"
                             r"(?:\s*\((?:MeSH|author|authors|JEL|ACM|[A-Za-z ]{2,20}terms?)\))?\s*[:：.—–-]?\s*", re.I)


def keywords_from_lines(lines: list["Line"], k: int, where: list[int] | None = None) -> list[str]:
    """The keywords run in after the label at `lines[k]` and continued down its column (a
    side column of editors or affiliations printed beside them is not part of them); the
    list's last line is appended to `where` when given."""
    rest = _KEYWORDS_LABEL.sub("", lines[k].text, count=1).strip()
    if rest:
        block = _list_lines(lines, column_paragraph(lines, k, len(lines)))
        if where is not None:
            where.append(block[-1])
        texts = [rest] + [lines[j].text for j in block[1:]]
        if not any(_KW_SEPARATORS.search(t) for t in texts) and (tabbed := _tabbed_items(lines, block)):
            return tabbed  # (keywords set apart by wide gaps alone, each a run of its own)
        if len(block) > 1 and not any(_KW_SEPARATORS.search(t) for t in texts) and _broken_by_hand(lines, block):
            # (Elsevier's article-info column: "Keywords:" with the first keyword, one a line after it)
            return [_LIST_BULLET.sub("", plain_letters(t)).strip().rstrip(".") for t in texts if _LIST_BULLET.sub("", t).strip()]
    else:  # the label alone on its line ("KEYWORDS"), the list under it in a type of its own
        nxt = _under(lines, k, len(lines))
        block = [] if nxt is None else _list_lines(lines, [nxt] + column_paragraph(lines, nxt, len(lines))[1:])
        if where is not None and block:
            where.append(block[-1])
        texts = [lines[j].text for j in block]
        if len(texts) > 1 and not any(_KW_SEPARATORS.search(t) for t in texts):
            return [_LIST_BULLET.sub("", plain_letters(t)).strip().rstrip(".") for t in texts if _LIST_BULLET.sub("", t).strip()]  # one keyword a line
    return split_keywords_en(join_lines(texts))


_KW_SEPARATORS = re.compile(r"[;；|·•,，]")
# a list bullet before a keyword set one a line ("• soil moisture"): the bullet glyph, or the
# control or private-use character a bullet drawn at an unused WinAnsi code (PDF 32000 Annex D)
# or from a symbol font comes out as
_LIST_BULLET = re.compile(r"^\s*[•·▪■◆●○◦‣∙⁃–\-\x7f-\x9f\ufffd\ue000-\uf8ff]\s*")


def _tabbed_items(lines: list["Line"], block: list[int]) -> list[str]:
    """Keywords set apart by space alone, as wide as a tab stop (over three ems, which the
    text layer keeps as a gap between runs, never a word space): each run after the label is
    one keyword, when every line of the list holds two or more runs so set apart ([] else).
    Narrower gaps read as word spaces and leave the list one item, which the record flags."""
    items: list[str] = []
    for n, j in enumerate(block):
        spans = [sp for sp in lines[j].spans or [] if not sp.sup and sp.text.strip()]
        if n == 0:
            while spans and _KEYWORDS_LABEL.fullmatch(spans[0].text.strip() + " "):
                spans = spans[1:]  # the label's own run
            if spans and _KEYWORDS_LABEL.match(spans[0].text):
                return []  # (the label run on in the first keyword's run: no gaps to go by)
        if len(spans) < 2 or any(b.x0 - a.x1 < 3 * a.size for a, b in zip(spans, spans[1:])):
            return []
        items += [sp.text.strip().rstrip(".;,") for sp in spans]
    return items


def _broken_by_hand(lines: list["Line"], block: list[int]) -> bool:
    """Whether every line of a block ends where the typesetter broke it, not where the
    measure ran out: the next line's first word would have fit after it in the column (the
    column's right edge: the furthest any line that starts at the block's left edge reaches,
    near it on the page). A list set one item a line reads so; a wrapped list does not."""
    first = lines[block[0]]
    right = max([ln.x1 for ln in lines if abs(ln.x0 - first.x0) < 3 and abs(ln.y - first.y) < 250] + [first.x1])
    for a, b in zip(block, block[1:]):
        la, lb = lines[a], lines[b]
        text = lb.text.strip()
        if not text:
            continue
        word = text.split()[0]
        em = (lb.x1 - lb.x0) / max(len(text), 1)
        if la.x1 + em * (len(word) + 1) > right + 1:
            return False
    return True


# a labelled front-matter line that follows the abstract or the keywords in the same type,
# its label and a colon: the subject classifications (AMS "Mathematics Subject Classification
# (2020):", ACM "CCS Concepts:"), a running title, Springer's electronic supplementary
# material note, a significance statement or lay summary (PNAS, eLife), the history and
# funding notes; a keyword or an abstract sentence never opens with such a label and a colon
_FRONT_NOTE_LABEL = (r"^\s*(?:Mathematics\s+Subject\s+Classifications?|AMS\s+(?:Subject\s+)?Classifications?|"
                     r"2020\s+Mathematics\s+Subject|CCS\s+Concepts|ACM\s+Reference\s+Format|Running\s+(?:title|head)|"
                     r"Short\s+title|Electronic\s+supplementary\s+material|Supplementary\s+(?:information|material)|"
                     r"Significance(?:\s+statement)?|Plain\s+language\s+summary|Lay\s+summary|Article\s+history|"
                     r"Funding(?:\s+information)?|Abbreviations?|JEL(?:\s+classifications?|\s+codes?)?|MSC(?:\s*\(?\d{4}\)?)?|PACS)"
                     r"\b[^:：\n]{0,20}[:：]")


# what follows a keyword list in JATS order and ends it, set in the list's own type with no
# gap: a section heading ("Background", "1. Introduction"), the abbreviations list, a
# front-matter note (correspondence, dates, the citation line, the licence)
_AFTER_KEYWORDS = re.compile(r"^\s*(?:Abbreviations?|Nomenclature|Highlights|Graphical abstract|Classification|"
                             r"MSC|JEL|PACS|Subject (?:areas?|categor(?:y|ies)))\b|^\s*(?:[A-Z][a-z]+ )?Introduction\s*$"
                             # (Elsevier's and T&F's side column: "Article history" or "ARTICLE INFO" alone over the dates)
                             r"|^\s*(?:Article\s+(?:history|info(?:rmation)?)|History)\s*:?\s*$"
                             rf"|{_FRONT_NOTE_LABEL}", re.I)


# a front-matter note under the list: its label and a colon or a date ("Received 2 May …"),
# or the copyright line (not "Open access data sources", a keyword)
_NOTE_AFTER_LIST = re.compile(r"^\s*(?:(?:(?:\*\s*)?Correspondence(?:\s+(?:to|should\s+be\s+addressed\s+to))?|"
                              r"(?:\*\s*)?Corresponding\s+authors?|(?:Author|Authors|Address) for correspondence|Received|Revised|Accepted|Published|"
                              r"Available online|Academic Editor|Edited by|Reviewed by|Citation|Cite this article|"
                              r"How to cite this article|E-?mail)\s*(?:[:：]|\s\d)|©|Copyright\b|This is an open access)", re.I)


# words of running text (a keyword holds few or none of them)
_PROSE = frozenset("the a an of and in is are was were be been we our this that these which with for to from by on as "
                   "at it its has have had not".split())


def _list_lines(lines: list["Line"], block: list[int]) -> list[int]:
    """A keyword list's lines, cut before the first line that opens what follows it in the
    front matter (a heading, a note, the abbreviations list)."""
    face = _face(lines[block[0]].spans[-1].font) if lines[block[0]].spans else ""
    for n, j in enumerate(block[1:], 1):
        text = lines[j].text
        words = text.lower().split()
        opens = next((sp for sp in lines[j].spans or [] if sp.text.strip() and not sp.sup), None)
        if opens is not None and _face(opens.font) == "bold" and face != "bold" or _LABEL_COLON.match(text):
            # a line opening in bold under a list in another face, or with "Label:", is the
            # next field's label (journals set front-matter labels in bold: "Article history",
            # "Handling Editor", "Data availability:"); a keyword holds no colon after its first words
            return block[:n]
        prose = sum(w in _PROSE for w in words)
        if prose >= 3 and prose * 4 >= len(words):
            return block[:n]  # running text: the body's first paragraph set on under the list
        if is_section_heading(text) or _AFTER_KEYWORDS.match(text) or _NOTE_AFTER_LIST.match(text) \
                or _RUN_IN_ABSTRACT.match(text) and not re.match(r"\s*\w+\s*[,;]", text):
            return block[:n]
    return block


# a front-matter label opening a line: one to four words, the first capitalised, and a colon
_LABEL_COLON = re.compile(r"^\s*[*†]?[A-Z][A-Za-z'’\-]*(?:\s+[A-Za-z'’\-]+){0,3}\s*[:：]\s")


def _font(line: "Line") -> str:
    """The font of a line's first run of text."""
    return next((sp.font for sp in line.spans or [] if sp.text.strip() and not sp.sup), "")


def _face(font: str) -> str:
    """"bold" for a bold (or heavier) font's name, else ""."""
    return "bold" if re.search(r"bold|black|heavy|demi", font or "", re.I) else ""  # (not "-Book": a regular weight)


def _under(lines: list["Line"], k: int, end: int) -> int | None:
    """The first line below the label `lines[k]` in the label's column: found by position
    (the text layer may read a line of the column beside it first: Elsevier's article-info
    column and the abstract, read across line by line), as the nearest line under the label
    that starts at its left edge (a first-line indent allowed), is centred under it (a
    centred label over centred text) or spans it; else the first line after it that overlaps it."""
    label = lines[k]
    mid = (label.x0 + label.x1) / 2
    reach = 5 * max(label.size, 8.0)

    def in_column(ln: "Line") -> bool:
        return (-3 < ln.x0 - label.x0 < 3 * label.size + 12 or abs((ln.x0 + ln.x1) / 2 - mid) < 2 * label.size
                or ln.x0 - 3 <= label.x0 and label.x1 <= ln.x1 + 3)  # (or the label within the text's measure)

    near = [j for j in range(end) if j != k and 0.5 < lines[j].y - label.y < reach and lines[j].text.strip()
            and in_column(lines[j])]
    if near:
        top = min(near, key=lambda j: (lines[j].y, j))
    else:
        x0, x1 = label.x0, max(label.x1, label.x0 + 200)
        top = next((j for j in range(k + 1, end) if lines[j].x0 < x1 and lines[j].x1 > x0 and lines[j].y > label.y),
                   None)
        if top is None:
            return None
    # (a short first line of the text, flush with its left edge, that a label centred over
    # the measure does not reach: a structured abstract's first sub-head set alone, or a
    # ragged first line under a label centred over the page above a column's text)
    above = [j for j in range(end) if j != k and 0.5 < lines[j].y - label.y and lines[j].y < lines[top].y - 0.5
             and lines[j].text.strip() and abs(lines[j].x0 - lines[top].x0) < 3]
    first = min(above, key=lambda j: (lines[j].y, j)) if above else top
    # (and that first line indented, as a paragraph's first line is, right above it)
    indented = [j for j in range(end) if j != k and 0.5 < lines[j].y - label.y
                and 0.5 < lines[first].y - lines[j].y < 2 * lines[first].size and lines[j].text.strip()
                and 3 <= lines[j].x0 - lines[top].x0 < 3 * lines[first].size]
    return max(indented, key=lambda j: (lines[j].y, -j)) if indented else first


def in_column(line: "Line", x0: float) -> str:
    """A line's text inside a column that starts at `x0`: a line that starts well left of it
    is a margin box's line (correspondence, dates) the text layer joined to the column's
    line on the same baseline, and only its spans from the column's edge on are the column's."""
    if line.x0 >= x0 - line.size or not line.spans:
        return line.text
    inside = [sp for sp in line.spans if sp.x0 >= x0 - 2]
    if not inside or len(inside) == len(line.spans):
        return line.text
    return joined_spans(inside)


def labelled_abstract(lines: list["Line"], k: int, end: int) -> str:
    """The abstract under (or run in after) an "Abstract" label at `lines[k]`, read down its
    column to a gap, a change of type, a label, a body heading or the copyright line; a
    paragraph cut mid-sentence at the column's foot goes on at the next column's top, a
    structured abstract over its sub-heads."""
    rest = _RUN_IN_ABSTRACT.sub("", lines[k].text, count=1).strip()
    if rest:
        top = k
    else:
        top = _under(lines, k, end)
        if top is None:
            return ""
    first_text = rest or lines[top].text
    structured = bool(_SUBHEAD.match(first_text))
    state = {"concluded": False}

    def trimmed(block: list[int]) -> list[int]:
        # a body heading alone on its line ends the abstract (a structured abstract's own
        # sub-heads do not, until its conclusions are read)
        for n, j in enumerate(block):
            text = lines[j].text
            if n and is_section_heading(text) and (not structured or not _SUBHEAD.match(text) or state["concluded"]):
                return block[:n]
            if n and _KEYWORDS_LABEL.match(text):
                return block[:n]  # (JATS order: the keywords follow the abstract)
            own_head = structured and not state["concluded"] and _SUBHEAD.match(text)  # ("Significance:" heads a section too)
            if n and not own_head and (re.match(_FRONT_NOTE_LABEL, text, re.I) or front_note_line(text)):
                return block[:n]  # (a classification, abbreviations or a significance note after it;
                # the history, the citation note, the licence or another summary set on under it)
            if structured and re.match(r"\s*Conclusions?\b", text, re.I):
                state["concluded"] = True
        return block

    block = trimmed(column_paragraph(lines, top, end))
    texts = ([rest] + [in_column(lines[j], lines[k].x0) for j in block[1:]]) if rest else \
        [in_column(lines[j], lines[top].x0) for j in block]
    more = trimmed(_next_column(lines, block, end)) if len(block) == len(column_paragraph(lines, top, end)) else []
    if more:
        texts += [in_column(lines[j], lines[more[0]].x0) for j in more]
        block = more
    while structured and not state["concluded"] and len(block) and (section := _next_section(lines, block, end)):
        section = trimmed(section)
        texts += [in_column(lines[j], lines[section[0]].x0) for j in section]
        block = section
    if structured and state["concluded"]:
        section = _next_section(lines, block, end)
        if section and re.match(r"\s*Trial\s+registration", lines[section[0]].text, re.I):
            texts += [in_column(lines[j], lines[section[0]].x0) for j in section]
    return join_lines(texts)


# a structured abstract's sub-heads (ICMJE/IMRaD: Background, Methods, Results, Conclusions,
# and the variants journals print), set alone on a line or run in before the section's text
_SUBHEAD_WORD = (r"(?:Background|Introduction|Context|Objectives?|Aims?|Purposes?|Goals?|Hypothes[ie]s|Rationale|"
                 r"Methods?|Methodology|Materials?|(?:Study\s+)?Design|Settings?|Participants|Patients|Subjects|"
                 r"Interventions?|Measurements?|(?:Main\s+)?Outcome\s+[Mm]easures?|Results?|(?:Principal\s+|Key\s+)?Findings|"
                 r"Conclusions?|Discussion|Interpretation|Implications|Significance|Importance|Relevance|Limitations|"
                 r"Case\s+(?:presentation|report|description)s?|Trial\s+registration|Clinical\s+relevance)")
_SUBHEAD = re.compile(rf"^\s*(?i:{_SUBHEAD_WORD}(?:\s*(?:,|and|&|/)\s*{_SUBHEAD_WORD}){{0,3}})\s*(?:[:：.—–]\s*|$|\s+(?=[A-Z]))")


# the sub-heads a structured abstract opens with, and those that follow them
_OPENING_SUBHEAD = re.compile(r"^\s*(?:Background|Context|Objectives?|Aims?|Purposes?)\s*(?:[:：.—–]|$)", re.I)
_LATER_SUBHEAD = re.compile(r"^\s*(?:Methods?|Materials?\s+and\s+[Mm]ethods|Results?|Conclusions?)\s*(?:[:：.—–]|$)", re.I)


def _structured_opening(lines: list["Line"], start: int, stop: int) -> int | None:
    """The first sub-head of a structured abstract printed with no "Abstract" label (the
    sub-head opens it: "Background" alone on its line, or run in), when its later sub-heads
    (Methods, Results, Conclusions) follow it: the line it is on, or None."""
    at = next((k for k in range(start, min(stop, start + 6)) if _OPENING_SUBHEAD.match(lines[k].text)), None)
    if at is None or not any(_LATER_SUBHEAD.match(lines[j].text) for j in range(at + 1, min(stop, at + 40))):
        return None
    return at


# a run-in sub-head and its colon ("Background: The …"): publishers whose JATS holds the
# sub-heads as <sec><title> register them without it (`layouts/publishers.toml`
# subhead_colon); journals whose JATS was converted from a manuscript keep the colon in the
# title, MDPI keeps bold run-in labels in one paragraph: elsewhere the printed colon stays,
# and the structured-abstract flag stands
_RUN_IN_SUBHEAD = re.compile(rf"(?:^|(?<=[.!?]\s))((?i:{_SUBHEAD_WORD}(?:\s*(?:,|and|&|/)\s*{_SUBHEAD_WORD}){{0,3}}))"
                             r"\s*:\s+(?=[A-Z0-9])")


def sub_heads_as_registered(abstract: str, doi: str) -> str:
    """A structured abstract's run-in sub-heads as the publisher registers them: without
    their colon where its JATS holds them as section titles (publishers.habits)."""
    if not abstract or habits(doi).subhead_colon or not _RUN_IN_SUBHEAD.match(abstract):
        return abstract
    return _RUN_IN_SUBHEAD.sub(r"\1 ", abstract)


def _next_section(lines: list["Line"], block: list[int], end: int) -> list[int]:
    """The next section of a structured abstract: below the paragraph read so far, in its
    column and type, a gap of up to a blank line, a line that opens with a sub-head."""
    first, last = lines[block[0]], lines[block[-1]]
    for j in range(block[-1] + 1, min(end, block[-1] + 6)):
        ln = lines[j]
        if ln.x1 <= first.x0 or ln.x0 >= first.x1:
            continue  # a side column's line
        if abs(ln.size - first.size) <= 0.3 and 0 < ln.y - last.y < 3.2 * ln.size and _SUBHEAD.match(ln.text) \
                and not _KEYWORDS_LABEL.match(ln.text):
            return column_paragraph(lines, j, end)
        return []
    return []


def _next_column(lines: list["Line"], block: list[int], end: int) -> list[int]:
    """The rest of a paragraph that the column's foot broke off and the next column's top
    carries on (a two-column abstract): a line of the same type to the right, higher on the
    page than the paragraph's last line, when the paragraph stopped mid-sentence, the line
    goes on in lower case or it is level with the paragraph's first line."""
    first, last = lines[block[0]], lines[block[-1]]
    for j in range(block[-1] + 1, min(end, block[-1] + 8)):
        ln = lines[j]
        if ln.x0 >= first.x1 - 2 and ln.y < last.y and abs(ln.size - first.size) <= 0.3:
            mid_sentence = not re.search(r"[.?!:)\]]\s*$", last.text)
            # (or a paragraph set in two columns under one heading: the right column starts
            # level with the left one's first line, in its type and face, whatever the break)
            level = abs(ln.y - first.y) < 1.0 and _face(_font(ln)) == _face(_font(first)) and not _ends_a_field(ln.text)
            if mid_sentence or re.match(r"\s*[a-z(]", ln.text) or level:
                return column_paragraph(lines, j, end)
            return []
    return []


# the article's own citation note ("Cite this article as:", "How to cite this article:")
_CITE_NOTE = re.compile(r"^\s*(?:Citation|Cite this article(?:\s+as)?|Cite as|To cite this article|"
                        r"How to cite(?:\s+this article)?)\s*:", re.I)


def cited_doi(pages: list["PageInfo"]) -> str:
    """The DOI in the article's own "Citation:" / "Cite this article:" note, wherever it is
    printed (microPublication prints it on the last page, under the references); a "doi:"
    line printed right above the note is the note's own (a closing block of DOI, then note)."""
    for page in reversed(pages):
        texts = [ln.text for ln in page.body]
        at = next((k for k, t in enumerate(texts) if _CITE_NOTE.match(t)), None)
        if at is None:
            continue
        value = extract_labelled(page.body).fields.get("cite_as", "") or " ".join(texts[at:at + 4])
        found = doi_in(value) or next((doi_in(t) for t in texts[max(0, at - 2):at]
                                       if re.match(r"\s*doi\s*:", t, re.I) and doi_in(t)), "")
        if found:
            return found
    return ""


# a cited author as the article's own citation note prints them: Vancouver "Garcia Cantu A"
# (surname, then initials), or "Vahldiek, K." (surname, comma, initials)
_CITED_AUTHOR = re.compile(r"^(?P<s>[^\W\d_][^\d,;()]*?)(?:\s+|,\s*)(?:[A-Z]{1,4}|(?:[A-Z]\.\s?-?){1,4}|[A-Z]-[A-Z])$")


def cited_surnames(pages: list["PageInfo"]) -> list[str]:
    """The authors' surnames, in order, as the article's own citation note prints them
    ("Citation: Ali S and Kim W-C (2018) …", "Cite this article: Vahldiek, K.; Rüger, B.; …"):
    the publisher's citation style sets each surname apart from its initials, which a byline
    ("Anselmo Garcia Cantu") does not. [] when no such note is printed."""
    for page in pages[:2]:
        lines = page.body + page.heads
        at = next((k for k, ln in enumerate(lines) if _CITE_NOTE.match(ln.text)), None)
        if at is None:
            continue
        label = lines[at]
        # the note's lines: under the label in its own column (a side column's lines are read
        # in between the body's)
        below = [ln for ln in lines[at + 1:] if (abs(ln.x0 - label.x0) < 3 or abs(ln.x1 - label.x1) < 3)
                 and 0 < ln.y - label.y < 5 * label.size][:3]  # (left- or right-aligned: Frontiers sets it flush right)
        note = _CITE_NOTE.sub("", " ".join([label.text] + [ln.text for ln in below]), count=1).strip()
        # the author list ends at the year ("(2018)", "2015 Title", ". 2018;") or the title's full stop
        # (or at the full stop after the last initials: "…, Klawonn, F. Leakages …", "… Hosseinzadeh H. Medicinal …")
        head = re.split(r"\s*\(?(?:19|20)\d\d[a-z]?\)?[.;]?\s|(?<=[a-z]{2})\.\s|(?<=\s[A-Z])\.\s+(?=[A-Z][a-z])"
                        r"|(?<=\s[A-Z]{2})\.\s+(?=[A-Z][a-z])|(?<=\s[A-Z]\.[A-Z])\.\s+(?=[A-Z][a-z])", note, maxsplit=1)[0]
        parts = re.split(r";\s*|,\s+(?=[^\W\d_]{2,}[^,]*?\s+[A-Z])|\s+(?:and|&)\s+", head.replace(" et al", ""))
        found = [m.group("s").strip() for p in parts if (m := _CITED_AUTHOR.match(p.strip().rstrip(".,")))]
        if found and len(found) == len([p for p in parts if p.strip()]):
            return found
    return []


def _surnames_as_cited(contributors: list[Contributor], pages: list["PageInfo"]) -> None:
    """Surnames of more than one word that the citation note shows ("Garcia Cantu A" for the
    byline's "Anselmo Garcia Cantu"; Spanish names print two surnames): the byline name's last
    words become the surname. A cited surname the byline name does not end with changes nothing."""
    cited = cited_surnames(pages)
    if len(cited) != len(contributors):
        return
    for c, sur in zip(contributors, cited):
        words, want = (c.name.en or "").split(), sur.split()
        if len(want) > len(c.surname.split()) and [w.lower() for w in words[-len(want):]] == [w.lower() for w in want] \
                and len(words) > len(want):
            c.surname, c.given = " ".join(words[-len(want):]), " ".join(words[:-len(want)])


_FULL_LIST_AT_END = re.compile(r"Full list of author information is available at the end of the article", re.I)
_AUTHOR_DETAILS = re.compile(r"^\s*Author(?:s['’]?)?\s+(?:details|information)\s*$", re.I)


def _as_registered(art: Article, form: Callable[[str], str]) -> None:
    """The English title, abstract and keywords in a form the publisher registers them in."""
    art.title.en, art.abstract.en = form(art.title.en), form(art.abstract.en)
    art.keywords.en = [form(k) for k in art.keywords.en]


def author_details(pages: list["PageInfo"]) -> dict[str, str]:
    """``{mark: affiliation}`` under an "Author details" heading, found from the article's end
    (BMC sets it with the declarations, before a reference list that may run several pages;
    a one-page article, on its page)."""
    for page in reversed(pages[1:] or pages):
        for k, ln in enumerate(page.body):
            if _AUTHOR_DETAILS.match(ln.text):
                affs, _ = affiliations(page.body, k + 1, limit=40)
                return affs
    return {}


def fill_english(art: Article, first: "PageInfo", title_idx: list[int], header: Header,
                 pages: list["PageInfo"] | None = None) -> None:
    """Fill an English-language article's first-page fields in place."""
    lines = first.body
    art.language = "en"
    art.title.zh = ""
    found, by_at = title_above_byline(lines)
    if found and not _subtitle_of(lines, title_idx, found):
        title_idx = found
    while len(title_idx) > 1 and is_column_label(lines[title_idx[0]].text):
        title_idx = title_idx[1:]
    art.title.en = title_text([lines[i] for i in title_idx])
    top = title_idx[0] if title_idx else 0
    category = next((t for t in (type_of_category(ln.text) for ln in lines[:top] + first.heads) if t), None)
    if category:
        art.type = category
    end = by_at if found else (title_idx[-1] + 1 if title_idx else 0)
    blocks, after_aff = author_blocks(lines, end)
    if not blocks and title_idx:
        blocks, after_aff = byline_above_title(lines, title_idx, end) or (blocks, after_aff)
    if blocks:
        # (a block read already, in a row of blocks side by side, is not read again)
        blocks += [b for b in _blocks_beside(lines, end, after_aff) if b[0] not in {n for n, _, _ in blocks}]
    marked = [(n, m) for n, m, _ in blocks]
    if blocks and not any(affs for _, _, affs in blocks):  # printed as a first-page footnote
        foot = footnote_affiliations(lines, after_aff, [m for _, m in marked])
        if not foot and not any(re.fullmatch(r"\d{1,2}|[a-z]", x) for _, ms in marked for x in ms):
            one = unmarked_footnote_affiliation(lines, after_aff)
            foot = {"": one} if one else {}
        blocks = [(n, m, foot) for n, m, _ in blocks]
    if blocks and pages and (any(_FULL_LIST_AT_END.search(ln.text) for ln in lines)
                             or not any(affs for _, _, affs in blocks)):
        # BMC and Springer Nature print the corresponding author's affiliation on the first
        # page and the full list under "Author details" at the article's end (or only there)
        details = author_details(pages)
        if details:
            blocks = [(n, m, details) for n, m, _ in blocks]
    contributors = []
    split_names = split_byline_names([n for n, _, _ in blocks])
    for (name, marks, affs), (surname, given) in zip(blocks, split_names):
        # (a note symbol keys an affiliation where a footnote list is keyed by *, †, ‡)
        numbered = [m for m in marks if re.fullmatch(r"\d{1,2}|[a-z]", m) or (m in affs and not m.isalnum())]
        # one affiliation printed without marks is everyone's; a marked author takes only theirs
        aff = [affs[m] for m in numbered if m in affs] or (list(affs.values()) if len(affs) == 1 and not numbered else [])
        contributors.append(Contributor(name=LangText(en=name), name_pinyin=name, surname=surname, given=given,
                                        affiliation="; ".join(aff)))
    _surnames_as_cited(contributors, pages or [first])
    _emails(contributors, header)
    assign_emails(contributors, "\n".join(ln.text for ln in lines + first.heads), [m for _, m in marked])
    if contributors:
        art.contributors = contributors
    f = header.fields
    from parsers.confidence import clear_doubts

    clear_doubts(art, ("abstract.en", "keywords.en"))  # (read afresh below)
    kw_last = _fill_keywords(art, lines, header, after_aff)
    _fill_abstract(art, lines, header, after_aff, bool(marked), kw_last)
    art.abstract.en = _cut_at_front_note(art.abstract.en, lines, after_aff)
    if not art.keywords.en and pages and len(pages) > 1:
        _keywords_at_end(art, pages[1:])
    _field_ends(art, lines, after_aff, kw_last, pages or [first])
    _mend_text(art, first, pages or [first])
    art.doi = plain_letters(page_doi(first) or art.doi or cited_doi(pages or [first]))
    art.abstract.en = sub_heads_as_registered(art.abstract.en, art.doi)
    house = habits(art.doi)
    if house.word_hyphen != "-":  # (the publisher's own hyphen character)
        _as_registered(art, lambda t: house_hyphens(t, house.word_hyphen))
    if house.apostrophe:  # (and its apostrophe)
        _as_registered(art, lambda t: house_apostrophes(t, house.apostrophe))
    if f.get("funding"):  # the whole statement (the Chinese rule keeps only the Chinese part)
        art.funding = f["funding"]
    if not art.received and f.get("received"):
        art.received = identifiers.parse_date(f["received"]) or ""


def byline_above_title(lines: list["Line"], title_idx: list[int], under: int
                       ) -> tuple[list[tuple[str, list[str], dict[str, str]]], int] | None:
    """Authors printed above the title (some journals set the byline first, then the title,
    then the affiliations): the lines right above the title, in one type smaller than the
    title's, that read wholly as names, read only when every name carries an affiliation
    mark that the affiliations under the title (or in the first-page footnote) list. The
    marks tie the names to the affiliations; an unmarked line of names above a title could
    as well be a running head or the editors, so it is not read (the record then flags its
    missing authors)."""
    first = lines[title_idx[0]]
    k = title_idx[0]
    while k > max(0, title_idx[0] - 3) and lines[k - 1].size < first.size * 0.9 \
            and lines[k].y - lines[k - 1].y < 3.2 * max(lines[k - 1].size, 1.0) \
            and marked_names(lines[k - 1]):  # (a column label above it is no name)
        k -= 1
    if k == title_idx[0]:
        return None
    names, j = byline(lines, k, limit=title_idx[0] - k)
    if j != title_idx[0] or not names or any(len(n.split()) < 2 for n, _ in names):
        return None
    numbered = [[m for m in ms if re.fullmatch(r"\d{1,2}|[a-z]", m)] for _, ms in names]
    if not all(numbered):
        return None
    affs, after = affiliations(lines, under)
    if not affs:
        # (or in a first-page footnote: the caller reads it, as for a byline under the title)
        foot = footnote_affiliations(lines, under, numbered)
        if foot and all(m in foot for ms in numbered for m in ms):
            return [(n, ms, {}) for n, ms in names], under
        return None
    if not all(m in affs for ms in numbered for m in ms):
        return None
    return [(n, ms, affs) for n, ms in names], after


def _blocks_beside(lines: list["Line"], first: int, after: int) -> list[tuple[str, list[str], dict[str, str]]]:
    """Author blocks set side by side (IEEE, ACM and conference layouts: each author's
    name over their affiliation and e-mail) that the text layer read as a column of their
    own, after the front matter: a line level with the byline's first line, in its type and
    to its right, that reads as names, with the affiliation lines under it."""
    by = lines[first]
    out: list[tuple[str, list[str], dict[str, str]]] = []
    for k in range(after, min(len(lines), after + 60)):
        ln = lines[k]
        if abs(ln.y - by.y) < 1.0 and abs(ln.size - by.size) < 0.3 and ln.x0 > by.x1:
            names, j = byline(lines, k, limit=1)
            if names and all(len(n.split()) > 1 for n, _ in names):
                affs, _ = affiliations(lines, j)
                out += [(n, m, affs) for n, m in names]
    return out


def _cut_at_front_note(abstract: str, lines: list["Line"], start: int) -> str:
    """The abstract without a labelled front-matter line read on after it (the label pass
    runs a field to the next label it knows; "Abbreviations:", "Significance:", a
    classification or a running title are labels of their own in JATS order)."""
    if not abstract:
        return abstract
    structured = bool(_SUBHEAD.match(abstract))
    for ln in lines[start:]:
        text = ln.text.strip()
        if structured and _SUBHEAD.match(text) and abstract.find(text[:40]) < abstract.rfind("Conclusion"):
            continue  # (a structured abstract's own sub-head before its conclusions: "Significance")
        if re.match(_FRONT_NOTE_LABEL, text, re.I) or front_note_line(text):
            at = abstract.find(text[:40])
            if at > len(abstract) // 2:
                return abstract[:at].rstrip()
    return abstract


def _fill_abstract(art: Article, lines: list["Line"], header: Header, after_aff: int, has_byline: bool,
                   kw_last: int | None = None) -> None:
    """The abstract: the labelled field, else the text under a label alone on its line, a
    run-in "Abstract" heading without a colon, or the first paragraph under the front matter
    (or under the keyword list, whose last line is `kw_last`, when the keywords come first)."""
    kw_at = header.at.get("keywords_en")
    stop = kw_at if kw_at is not None and kw_at >= after_aff else len(lines)

    def end_for(start: int) -> int:
        # the keywords end the abstract where JATS order prints them: after it, in its column
        # (Elsevier sets them in the article-info column beside the abstract, read before it)
        if kw_at is None or kw_at <= start:
            return len(lines)
        a, b = lines[min(start + 1, len(lines) - 1)], lines[kw_at]
        return kw_at if b.x0 < a.x1 and b.x1 > a.x0 else len(lines)

    at = header.at.get("abstract_en")
    if at is not None and _OTHER_SUMMARY.match(lines[at].text):
        # the label pass took the "Summary" of another summary's label (MDPI's "Simple Summary:"
        # printed before the Abstract): the abstract is under its own label, further on
        own = next((k for k in range(after_aff, len(lines)) if k != at and _RUN_IN_ABSTRACT.match(lines[k].text)
                    and not _OTHER_SUMMARY.match(lines[k].text)), None)
        art.abstract.en = without_permissions(labelled_abstract(lines, own, end_for(own))) if own is not None else ""
        return
    if at is not None and _ABSTRACT_ALONE.match(lines[at].text) and (under := labelled_abstract(lines, at, end_for(at))):
        # the label alone on its line: the text under it, found by position (the label pass
        # reads on in the text layer's order, which may run across a column beside it)
        art.abstract.en = without_permissions(under)
    elif header.fields.get("abstract_en"):
        art.abstract.en = without_permissions(re.sub(r"^\s*[:：.—–-]\s*", "", header.fields["abstract_en"]))
        if _SUBHEAD.match(art.abstract.en):
            # a structured abstract: the label pass ends a field at a line naming a section
            # ("Methods" alone), which here is the abstract's own sub-head
            at = header.at["abstract_en"]
            whole = without_permissions(labelled_abstract(lines, at, end_for(at)))
            if len(whole) > len(art.abstract.en) and whole[:30] == art.abstract.en[:30]:
                art.abstract.en = whole
    elif "abstract_en" in header.at:  # the label alone on its line, the text set apart under it
        at = header.at["abstract_en"]
        art.abstract.en = labelled_abstract(lines, at, end_for(at))
    elif (alone := next((k for k in range(after_aff, len(lines)) if _ABSTRACT_ALONE.match(lines[k].text)
                         and (k < stop or _beside(lines[k], lines[stop]))), None)) is not None:
        art.abstract.en = labelled_abstract(lines, alone, end_for(alone))  # "a b s t r a c t", letter-spaced
    else:
        run_in = next((k for k in range(after_aff, stop)
                       if _RUN_IN_ABSTRACT.match(lines[k].text) and re.match(r"\s*\w+\s+[A-Z]", lines[k].text)), None)
        opening = _structured_opening(lines, after_aff, stop)
        if run_in is not None:  # "Abstract There is …"
            art.abstract.en = labelled_abstract(lines, run_in, stop)
        elif opening is not None:
            art.abstract.en = labelled_abstract(lines, opening, stop)
        elif has_byline:
            art.abstract.en = _abstract_block(lines, after_aff, stop)
            if not art.abstract.en and kw_at is not None and stop == kw_at and kw_last is not None:
                # the keywords printed above an unlabelled abstract, under the affiliations
                # (a layout some society journals use): the paragraph after their list
                art.abstract.en = _abstract_block(lines, kw_last + 1, len(lines))
    _run_on_before_keywords(art, lines, kw_at)
    art.abstract.en = _without_history(without_permissions(art.abstract.en))


# the history run on after the abstract's last sentence, in brackets ("… irrigation. (Received
# 21 May, 2009; Accepted 5 June, 2009)", J-STAGE journals): JATS <history>, not the abstract;
# or the bracket left where the label pass cut the field at "Received"
_HISTORY_RUN_ON = re.compile(r"(?<=[.!?])\s*[(\[]\s*(?:(?:Received|Submitted|Accepted)\b.*)?$", re.S)


def _without_history(abstract: str) -> str:
    """The abstract without a bracketed history run on at its end (in its last third)."""
    m = _HISTORY_RUN_ON.search(abstract)
    return abstract[:m.start()].rstrip() if m and m.start() > len(abstract) * 2 / 3 else abstract


# a keywords label run on after a sentence's end inside a line ("… irrigation. Keywords: …")
_KEYWORDS_RUN_ON = re.compile(r"(?<=[.!?])\s+(?=(?i:key[\s-]?words?|key\s+terms|index\s+terms)\s*[:：.—–-])")


def _run_on_before_keywords(art: Article, lines: list["Line"], kw_at: int | None) -> None:
    """The abstract's last words printed on the keywords' line before their label: a compact
    layout runs the keywords on in the abstract's paragraph ("… irrigation. Keywords: soil
    moisture; …"), and the label pass starts the keywords at that line, so the abstract was
    read to the line above it."""
    if kw_at is None or not art.abstract.en or _KEYWORDS_LABEL.match(lines[kw_at].text):
        return
    m = _KEYWORDS_RUN_ON.search(lines[kw_at].text)
    head = lines[kw_at].text[:m.start()].strip() if m else ""
    if head and _last_line_of(lines, art.abstract.en, 0) == kw_at - 1 and not art.abstract.en.endswith(head):
        art.abstract.en = join_lines([art.abstract.en, head])


def _beside(line: "Line", other: "Line") -> bool:
    """Whether `line` is set in another column than `other`, level with it (the abstract's
    label beside the article-info column that holds the keywords)."""
    return not (line.x0 < other.x1 and line.x1 > other.x0) and abs(line.y - other.y) < 200


# the copyright and licence statement printed under an abstract: JATS <permissions>, not
# part of the <abstract> (also Wiley's accepted-article line "This article is protected by
# copyright. All rights reserved." and a publisher's line "Published by Elsevier B.V. on
# behalf of …" opening a sentence)
_PERMISSIONS = re.compile(r"\s(?:©|Copyright\s*©|\(c\)\s*(?:19|20)\d\d|Copyright\s+(?:19|20)\d\d|"
                          r"This is an open access article|This article is protected by copyright|"
                          r"(?<=[.!?]\s)Published by [A-Z][\w&.,\- ]{2,60}?(?:\bon behalf of\b|\bB\.\s?V\.|\bLtd\b|"
                          r"\bInc\b|\bLLC\b|\bGmbH\b|\bS\.A\.|\bAG\b))(?!\w).*$", re.S)


def without_permissions(abstract: str) -> str:
    """The abstract without a copyright or licence statement run on after its text (in the
    abstract's last third only: a "©" early on is the abstract's own word)."""
    m = _PERMISSIONS.search(abstract)
    return abstract[:m.start()].rstrip() if m and m.start() > len(abstract) * 2 / 3 else abstract


def _fill_keywords(art: Article, lines: list["Line"], header: Header, after_aff: int) -> int | None:
    """The keywords, read from their label's line down its column (the label pass's line, or
    a keywords label in a case the label pass does not know). Returns the list's last line
    when it was read from the page's lines."""
    kw_at = header.at.get("keywords_en")
    kw_line = kw_at if kw_at is not None else next(
        (k for k in range(after_aff, len(lines)) if _KEYWORDS_LABEL.match(lines[k].text)), None)
    if kw_line is not None and _KEYWORDS_LABEL.match(lines[kw_line].text) and not is_keywords_label(lines[kw_line]):
        art.keywords.en = []  # a sentence that opens with the word ("Keywords were searched in …"): none printed
        return None
    if kw_line is not None and _KEYWORDS_LABEL.match(lines[kw_line].text):
        where: list[int] = []
        art.keywords.en = keywords_from_lines(lines, kw_line, where)
        return where[-1] if where and art.keywords.en else None
    if header.fields.get("keywords_en"):
        art.keywords.en = split_keywords_en(header.fields["keywords_en"])
        if kw_at is not None and len(art.keywords.en) > 1:
            from parsers.confidence import note_doubt

            # (the label found inside a line: the label pass read on to the next label it
            # knows, which is weak evidence for where the list ends)
            note_doubt(art, "keywords.en", 0.7, "where the keyword list ends: read on to the next label the "
                                                "label pass knows (its line does not open with the label)")
    return None


def _keywords_at_end(art: Article, later: list["PageInfo"]) -> None:
    """Keywords printed after the body, on the article's last pages (some journals set them
    under the text or above the references, with the first page printing none): the last
    page's line a keywords label opens, read as on the first page."""
    from parsers.confidence import note_doubt

    for page in reversed(later):
        at = next((k for k, ln in enumerate(page.body) if _KEYWORDS_LABEL.match(ln.text) and is_keywords_label(ln)), None)
        if at is not None:
            art.keywords.en = keywords_from_lines(page.body, at)
            if art.keywords.en:
                note_doubt(art, "keywords.en", 0.8, f"read at the article's end (p.{page.number}), not on its first page")
            return


def is_keywords_label(line: "Line") -> bool:
    """Whether the keywords word opening `line` is printed as a label: followed by a colon,
    a dash or a full stop, alone on its line, in capitals ("KEYWORDS soil …"), or set in a
    face or size of its own (Springer's bold "Keywords" with no colon); a sentence that opens
    with the word ("Keywords were searched in …") is none of these."""
    text = line.text
    m = _KEYWORDS_LABEL.match(text)
    if not m:
        return False
    label, rest = m.group(0), text[m.end():]
    if re.search(r"[:：.—–-]\s*$", label) or not rest.strip() or label.strip().isupper():
        return True
    words = rest.lower().split()
    if _KW_SEPARATORS.search(rest) and sum(w in _PROSE for w in words) * 4 < len(words):
        return True  # (a list set apart by separators, not a sentence)
    spans = [sp for sp in line.spans or [] if sp.text.strip()]
    at = next((n for n, sp in enumerate(spans) if re.sub(r"\W", "", sp.text).lower().startswith(("key", "index"))), None)
    if at is None:
        return True  # (no runs to go by: the label pass's reading stands)
    own = spans[at]
    if len(re.sub(r"\W", "", own.text)) > len(re.sub(r"\W", "", label)) + 1:
        return False  # the word and what follows in one run, one face: a sentence
    return at + 1 >= len(spans) or own.font != spans[at + 1].font or abs(own.size - spans[at + 1].size) > 0.3


def front_note_line(text: str) -> bool:
    """Whether a line opens a front-matter note that JATS keeps out of the abstract and the
    keywords, however it is set: the history ("Received 3 March 2024; accepted …"), the
    correspondence, the article's citation note, the copyright or licence line, or another
    summary's label (alone or with a colon). Capitalised, as a note opens: an abstract's
    line that runs on "received 3 doses" is no note."""
    t = text.strip()
    if not t or not (t[0].isupper() or t[0] in "©*("):
        return False
    return bool(_NOTE_AFTER_LIST.match(t) or t[0] in "([" and _NOTE_AFTER_LIST.match(t[1:]) or _CITE_NOTE.match(t)
                or _OTHER_SUMMARY.match(t) and re.match(_OTHER_SUMMARY.pattern + r"\s*(?:[:：.—–]|$)", t, re.I))


def _ends_a_field(text: str) -> bool:
    """Whether a line opens what follows an abstract or a keyword list in the front matter
    (JATS order): a label, a heading, another summary, a note, the licence."""
    return bool(_KEYWORDS_LABEL.match(text) or _RUN_IN_ABSTRACT.match(text) or _OTHER_SUMMARY.match(text)
                or is_section_heading(text) or _AFTER_KEYWORDS.match(text) or _NOTE_AFTER_LIST.match(text)
                or _NOTE_START.match(text) or _LICENCE_LINE.match(text) or _LABEL_COLON.match(text)
                or re.match(_FRONT_NOTE_LABEL, text, re.I))


def _column_of(lines: list["Line"], last: "Line") -> tuple[float, float]:
    """The horizontal extent of the column a field's last line is set in: its left edge,
    and the furthest any line in its type starting there reaches just above it."""
    x1 = max([ln.x1 for ln in lines if abs(ln.x0 - last.x0) < 3 and 0 <= last.y - ln.y < 150
              and abs(ln.size - last.size) <= 0.3] + [last.x1])
    return last.x0, x1


# a first-page footnote (an author note under the text's foot): a note mark, a raised digit
# before the note's first word, or a note's label (correspondence, present address, equal
# contribution, the copyright line, the history and editor, Springer's "Electronic
# supplementary material" note)
_FOOTNOTE_START = re.compile(r"\s*(?:[*†‡§¶✉]|\d{1,2}\s?[A-Z]|(?i:Corresponding|Correspondence|E-?mail|Present\s+address|"
                             r"These\s+authors|Equal(?:ly)?\s+contribut|©|Received\b|Accepted\b|Published\b|"
                             r"Edited\s+by|Communicated\s+by|Handling\s+editor|Electronic\s+supplementary\s+material|"
                             r"Supplementary\s+(?:information|material)|The\s+online\s+version))")


def weak_end(lines: list["Line"], k: int) -> str:
    """Why the end of a field whose last line is `lines[k]` rests on weak evidence, or "":
    nothing follows it in its column on the page (it may go on in the next column or on the
    next page), or only a change of type size sets what follows apart (no label, heading,
    note or blank line). A label, a heading or a blank line under it is a printed end."""
    last = lines[k]
    x0, x1 = _column_of(lines, last)
    below = [ln for ln in lines if ln.y > last.y + 0.5 and ln.x0 < x1 - 1 and ln.x1 > x0 + 1 and ln.text.strip()]
    if not below:
        return "nothing follows it in its column on the page: it may go on in the next column or on the next page"
    nxt = min(below, key=lambda ln: ln.y)
    above = [ln for ln in lines if last.y - 3 * last.size < ln.y < last.y - 0.5 and ln.x0 < x1 - 1 and ln.x1 > x0 + 1
             and abs(ln.size - last.size) <= 0.3]
    lead = min(last.y - max(ln.y for ln in above), last.size * 1.3) if above else last.size * 1.25
    if _FOOTNOTE_START.match(nxt.text) and nxt.y - last.y > 2 * lead and all(ln.size < last.size - 0.3 for ln in below):
        # (only the page's footnotes under it, in smaller type, set apart: the column ran to
        # the foot, and the field may go on at the next page's top)
        return "nothing follows it in its column on the page but the page's footnotes: it may go on on the next page"
    if _ends_a_field(nxt.text.strip()):
        return ""
    if nxt.y - last.y > 1.4 * lead:
        return ""  # a blank line: the paragraph's printed end
    if abs(nxt.size - last.size) > 0.3:
        return "only a change of type size sets it apart from the next line (no label, heading or blank line)"
    return ""


def _last_line_of(lines: list["Line"], text: str, start: int) -> int | None:
    """The line (from `start` on) that prints the end of `text`."""
    tail = re.sub(r"\W", "", text)[-16:]
    if len(tail) < 6:
        return None
    for k in range(start, len(lines)):
        own = re.sub(r"\W", "", lines[k].text)
        if own and (own.endswith(tail) or len(own) < 16 and tail.endswith(own) and len(own) >= 4):
            return k
    return None


def _runs_over_page(lines: list["Line"], k: int, pages: list["PageInfo"]) -> list[str]:
    """The lines opening the next page that carry on a paragraph ending the first page at
    `lines[k]`: in its type, no heading or label, when the paragraph stopped mid-sentence or
    a label, heading or note closes the lines carried over (an abstract run over the page
    break; the body's own text, in another type or after a heading, is not carried)."""
    if len(pages) < 2 or not pages[1].body:
        return []
    nxt, last = pages[1].body, lines[k]
    top = nxt[0]
    if abs(top.size - last.size) > 0.3 or _ends_a_field(top.text.strip()):
        return []
    block = column_paragraph(nxt, 0, len(nxt))
    cut = next((n for n, j in enumerate(block) if n and _ends_a_field(nxt[j].text.strip())), len(block))
    block = block[:cut]
    after = nxt[block[-1] + 1] if block[-1] + 1 < len(nxt) else None
    mid_sentence = not re.search(r"[.?!)\]]\s*$", last.text)
    if not mid_sentence and not (after is not None and _ends_a_field(after.text.strip())):
        return []
    return [nxt[j].text for j in block]


def _field_ends(art: Article, lines: list["Line"], after_aff: int, kw_last: int | None,
                pages: list["PageInfo"]) -> None:
    """Where the abstract and the keyword list end, weighed: an abstract the page's foot cut
    goes on on the next page; a field whose end rests on weak evidence is noted as doubtful
    (parsers.confidence caps it below the flag threshold)."""
    from parsers.confidence import note_doubt

    if art.abstract.en and (k := _last_line_of(lines, art.abstract.en, after_aff)) is not None:
        why = weak_end(lines, k)
        if why.startswith("nothing follows") and (more := _runs_over_page(lines, k, pages)):
            art.abstract.en = join_lines([art.abstract.en] + more)
            why = "it runs over the page break: read on at the next page's top"
        if why:
            note_doubt(art, "abstract.en", 0.6, f"where the abstract ends: {why}")
    if art.keywords.en and kw_last is not None:
        why = weak_end(lines, kw_last)
        if re.search(r"[;,·•|]\s*$", lines[kw_last].text):
            why = "the list's last line ends in a separator: it goes on elsewhere"
            if weak_end(lines, kw_last).startswith("nothing follows") and (more := _runs_over_page(lines, kw_last, pages)):
                # (a list the page's foot broke after a separator goes on at the next page's top)
                art.keywords.en = art.keywords.en + split_keywords_en(join_lines(more))
                why = "it runs over the page break: read on at the next page's top"
        if why:
            note_doubt(art, "keywords.en", 0.6, f"where the keyword list ends: {why}")


def _mend_text(art: Article, first: "PageInfo", pages: list["PageInfo"]) -> None:
    """Title, abstract and keywords as the publisher's XML spells them: ligatures spelled out,
    words the line ends broke with a hyphen joined again, words a ligature glyph split mended
    (evidence: the article's own vocabulary)."""
    words = vocabulary([ln.text for p in pages for ln in p.body + p.heads])
    breaks = line_end_breaks([ln.text for ln in first.body])

    def mend(text: str) -> str:
        return compound_hyphens(mended_ligatures(dehyphenate(plain_letters(text), breaks, words), words), breaks, words)

    art.title.en = mend(art.title.en)
    art.abstract.en = spaced_punctuation(mend(art.abstract.en))
    art.keywords.en = [mend(k) for k in art.keywords.en]
    art.abstract.en, why = _prefix_breaks(art.abstract.en, [ln.text for ln in first.body])
    from parsers.confidence import note_doubt

    if why:
        note_doubt(art, "abstract.en", 0.6, why)
    if _QUOTE_MARKS.search(art.abstract.en):
        note_doubt(art, "abstract.en", 0.7, "it prints apostrophes or quotation marks: publishers register them "
                                            "straight (') or curly (’) whatever the page's glyph shows")
    if _SPLIT_LINK.search(art.abstract.en):
        note_doubt(art, "abstract.en", 0.5, "a link in it holds spaces (“https ://…”): the text layer split it where "
                                            "the link's letters were set apart, and where it ends is unknown")


# an apostrophe or a quotation mark (typesetting makes every one curly; publishers' XML holds
# straight or curly ones by house habit: on the development half two of four abstracts with
# an apostrophe register it straight under a curly glyph)
_QUOTE_MARKS = re.compile("['\u2018\u2019\u201c\u201d\"]")
# a link the text layer broke with spaces (a URL typeset letter by letter or letter-spaced)
_SPLIT_LINK = re.compile(r"\b(?:https?|ftp)\s+:\s*//|\b(?:https?|ftp):\s+//|\bwww\s+\.\s*\w", re.I)


# prefixes English writes both closed and hyphenated ("antiapoptotic" / "anti-apoptotic",
# "bioreduction" / "bio-reduction"; Chicago Manual of Style 7.89 leaves many to the author)
_OPEN_PREFIXES = frozenset("anti bio co counter eco extra geo hyper hypo inter intra macro micro mid multi nano neo "
                           "neuro non over para peri photo poly post pre pseudo quasi semi socio sub super trans ultra "
                           "under".split())


def _prefix_breaks(text: str, lines: list[str]) -> tuple[str, str]:
    """`text` with the hyphen put back in a prefix compound that a line end broke at its
    hyphen and that was taken for a break (here or by the text layer, which makes it a soft
    hyphen when the article prints the word whole), when the same paragraph hyphenates that
    prefix before other words mid-line ("anti-oxidant … anti-" / "apoptotic": a writer spells
    a prefix one way within a paragraph; a hyphen that only keeps two like vowels apart,
    "anti-inflammatory", says nothing) and no dictionary has the closed form; and why a
    compound still taken closed may be hyphenated, or "" (only the article prints it closed,
    and authors spell one compound both ways: a line end shows neither)."""
    from parsers.joining import english_words

    known = english_words()
    soft = [ln.replace("\u00ad", "-") if ln.endswith("\u00ad") else ln for ln in lines]
    why = ""
    for left, right in sorted(line_end_breaks(soft)):
        joined = (left + right).lower()
        closed = re.compile(rf"(?<![^\W\d_]){re.escape(left + right)}(?![^\W\d_])", re.I)
        if left.lower() not in _OPEN_PREFIXES or len(right) < 3 or joined in known or not closed.search(text):
            continue
        local = [w for w in re.findall(rf"(?<![^\W\d_]){re.escape(left)}-([^\W\d_]+)", text, re.I)
                 if w[0].lower() != left[-1].lower() and w.lower() != right.lower()]
        if local:
            text = closed.sub(lambda m: m.group(0)[:len(left)] + "-" + m.group(0)[len(left):], text)
        elif right.lower() in known and not why:
            why = (f"“{left}-” ended a line before “{right}” and was taken for a break (“{left}{right}” is printed "
                   f"elsewhere in the article): the compound may be hyphenated here")
    return text, why


# combining forms that are no words themselves but that writers join with a hyphen to a word
# when the compound is new ("bio-", "socio-"): a break after one of them whose joined form
# is printed nowhere and no dictionary knows is a compound (forms scientific English mostly
# closes up, "nano-", "micro-", "pre-", "multi-", are left out: their compounds stay joined)
_COMPOUND_PREFIXES = frozenset("bio eco socio geo pseudo quasi".split())


def compound_hyphens(text: str, breaks: set[tuple[str, str]], words: "Counter[str] | set[str]") -> str:
    """Put back the hyphen of a compound that a line end broke at its hyphen and an earlier
    join closed up ("gram-" + "positive" → "grampositive"): both halves are words (or the
    first is a prefix English hyphenates) and the joined form is printed nowhere in the
    article and is no English word, so the printed hyphen was the compound's own. A word cut
    at a syllable ("hydrocar-" + "bons") has a half that is no word and stays joined."""
    from parsers.joining import english_words

    known = english_words()
    for left, right in sorted(breaks):
        joined = (left + right).lower()
        if joined in words or joined in known or len(right) < 3 or not right.isalpha() or not left.isalpha():
            continue
        if right.lower() in known and (left.lower() in known and len(left) >= 3 or left.lower() in _COMPOUND_PREFIXES):
            text = re.sub(rf"(?<![^\W\d_]){re.escape(left)}{re.escape(right)}(?![^\W\d_])", f"{left}-{right}", text)
    return text


# a colon or semicolon set right before the next word: English prose spaces after them, so a
# text layer that found no gap there (the next word starts a run in another font, italic for
# a species name: "included as:Acorus calamus") lost the space. (Not in a link, a DOI label
# or between digits, where no space is printed: "http://", "doi:10.…", "1:2".)
_TIGHT_PUNCT = re.compile(r"(?<![/\w.])(?!(?:https?|ftp|doi|urn|mailto|www)[:;])([A-Za-z]*[a-z]{2})([:;])(?=[A-Za-z]{2})")


# a relation or operator sign between two operands set with a space on one side only ("p< .05",
# "108 ±10.53"): typesetters space a binary sign evenly on both sides (a thin space the text
# layer did not take for a space on the other); a sign with no space on either side is kept so
_LOPSIDED_SIGN = re.compile(r"(?<![\w.])([pPnNrRtF]|\d+(?:\.\d+)?|\))(?:( )([<>=≤≥±×])(?=[\d.−-])|([<>=≤≥±×])( )(?=[\d.−-]))")


# a multiplication sign between two words spaced on one side only ("host ×pathogen"): a cross
# or an interaction ("genotype × environment") is a binary sign, spaced on both sides
_LOPSIDED_CROSS = re.compile(r"(?<=[^\W\d_])(?: ×(?=[^\W\d_])|× (?=[^\W\d_]))")


def spaced_punctuation(text: str) -> str:
    """English prose with the space after a colon or semicolon that the text layer lost,
    and a binary sign spaced on both sides where it is spaced on one."""
    text = _LOPSIDED_CROSS.sub(" × ", _TIGHT_PUNCT.sub(r"\1\2 ", text))
    return _LOPSIDED_SIGN.sub(lambda m: f"{m.group(1)} {m.group(3) or m.group(4)} ", text)


def _emails(contributors: list[Contributor], header: Header) -> None:
    """Give the corresponding author the e-mail of the correspondence note, when the note
    names one author or one address."""
    note = header.fields.get("corresponding", "")
    found = EMAIL_RE.findall(note)
    if not found or not contributors:
        return
    for c in contributors:
        if c.name.en and c.name.en in note:
            c.corresponding = True  # named by the correspondence note (JATS corresp="yes")
            after = note[note.index(c.name.en):]
            m = EMAIL_RE.search(after)
            if m:
                c.email = m.group(0).rstrip(".")
    if not any(c.email for c in contributors) and len(found) == 1 and len(contributors) == 1:
        contributors[0].email = found[0].rstrip(".")
