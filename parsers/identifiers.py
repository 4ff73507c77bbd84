"""Identifier parsers for the header block of a Chinese journal article.

Pure text functions (no PDF code): ISSN, DOI, 文章编号 (article number), 中图分类号 (CLC),
文献标识码 (document code) and printed dates.  Every function accepts full-width forms
(`２０９５－３４５３`, `（`, `）`, `：`) and the odd space or line break that PDF text
extraction leaves inside an identifier.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

__all__ = [
    "to_halfwidth",
    "issn_check_digit",
    "valid_issn",
    "normalize_issn",
    "find_doi",
    "valid_doi",
    "doi_prefix",
    "issn_from_doi",
    "ArticleNo",
    "parse_article_no",
    "format_article_no",
    "check_article_no",
    "parse_clc",
    "valid_clc",
    "parse_doc_code",
    "valid_doc_code",
    "parse_date",
]

# ---------------------------------------------------------------------------
# normalisation
# ---------------------------------------------------------------------------

#: dash-like characters printed where an ASCII hyphen is meant in identifiers
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d\ufe63"
_DASH_RE = re.compile(f"[{DASHES}]")


def to_halfwidth(text: str) -> str:
    """Map full-width ASCII (U+FF01–FF5E) to ASCII and the ideographic space to a space.

    Length-preserving (one character in, one out), so offsets stay valid.
    CJK punctuation outside that block (。、“”) is left alone.
    """
    return text.translate(_HALFWIDTH) if _WIDE.search(text) else text


_HALFWIDTH = {o: o - 0xFEE0 for o in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_WIDE = re.compile("[\uff01-\uff5e\u3000]")


def _ascii_dashes(text: str) -> str:
    return _DASH_RE.sub("-", text)


def _squeeze(text: str) -> str:
    """Half-width, ASCII dashes, and all whitespace removed."""
    return re.sub(r"\s+", "", _ascii_dashes(to_halfwidth(text)))


# ---------------------------------------------------------------------------
# ISSN
# ---------------------------------------------------------------------------

_ISSN_RE = re.compile(r"(?<![0-9])(\d{4})\s*-?\s*(\d{3}[0-9Xx])(?![0-9A-Za-z])")


def issn_check_digit(first7: str) -> str:
    """Check digit (``'0'``–``'9'`` or ``'X'``) for the first seven ISSN digits (ISO 3297)."""
    digits = re.sub(r"\D", "", to_halfwidth(first7))
    if len(digits) != 7:
        raise ValueError(f"need 7 digits, got {first7!r}")
    total = sum(int(d) * w for d, w in zip(digits, range(8, 1, -1)))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def normalize_issn(s: str, check: bool = True) -> str | None:
    """The first ISSN in `s` as ``NNNN-NNNC`` (upper-case X), or None.

    Accepts a leading ``ISSN`` label, full-width digits and dashes, spaces and a missing
    hyphen (``ISSN 2095－3453``, ``ISSN:20953453``).  With `check` (default) an ISSN whose
    check digit is wrong gives None; pass ``check=False`` to format it anyway.
    """
    if not s:
        return None
    text = _ascii_dashes(to_halfwidth(s))
    for m in _ISSN_RE.finditer(text):
        issn = f"{m.group(1)}-{m.group(2).upper()}"
        if not check or issn_check_digit(issn[:4] + issn[5:8]) == issn[-1]:
            return issn
    return None


def valid_issn(s: str) -> bool:
    """True when `s` is exactly one ISSN (any accepted spelling) with a correct check digit."""
    if not s:
        return False
    text = _ascii_dashes(to_halfwidth(s)).strip()
    text = re.sub(r"^(?i:e?-?issn)\s*:?\s*", "", text)
    m = re.fullmatch(r"(\d{4})\s*-?\s*(\d{3}[0-9Xx])", text)
    return bool(m) and issn_check_digit(m.group(1) + m.group(2)[:3]) == m.group(2)[-1].upper()


# ---------------------------------------------------------------------------
# DOI
# ---------------------------------------------------------------------------

#: characters allowed in a DOI as printed (Crossref's recommended set plus []+#)
_DOI_CHARS = r"A-Za-z0-9\-._;()/:\[\]+#"
_DOI_CHAR_RE = re.compile(f"[{_DOI_CHARS}]")
_VALID_DOI_RE = re.compile(rf"10\.\d{{4,9}}/[{_DOI_CHARS}]+")
_DOI_START_RE = re.compile(r"(?<![0-9.])10\.\d{4,9}/")
#: words that, after a space or line break, end a DOI instead of continuing it
DOI_STOP_WORDS = frozenset(
    """doi abstract keywords keyword key received revised accepted article cite citation
    clc document code foundation fund funding author authors biography email e-mail url
    http https www issn cn vol no pp""".split()
)
_TRAILING_PUNCT = ".,;:。，；：、"


def _is_stop_token(tok: str) -> bool:
    low = tok.lower().rstrip(".,;:")
    if low in DOI_STOP_WORDS:
        return True
    if re.match(r"[A-Za-z][A-Za-z\- ]*:", tok):  # an English label such as "CLC:"
        return True
    return low.startswith(("http", "www."))


def _inner_segment(out: list[str], tok: str) -> bool:
    """A lower-case word ending in "." after a DOI that ends in "." is one of the DOI's own
    dotted segments (CNKI suffixes ``j.issn.1005-3220.2022``, printed ``j. issn. 1005-3220``),
    not the ``ISSN`` label that may follow a DOI (labels are capitalised or end in a colon)."""
    return out[-1].endswith(".") and tok.endswith(".") and tok[:-1].isalpha() and tok.islower()


def _strip_doi_tail(doi: str) -> str:
    while doi:
        if doi[-1] in _TRAILING_PUNCT:
            doi = doi[:-1]
        elif doi[-1] == ")" and doi.count("(") < doi.count(")"):
            doi = doi[:-1]
        elif doi[-1] == "]" and doi.count("[") < doi.count("]"):
            doi = doi[:-1]
        else:
            break
    return doi


def find_doi(text: str) -> str | None:
    """The first DOI printed in `text`, repaired, or None.

    Repairs a DOI broken by spaces or line breaks (``10. 13335/j. 1000-3673. pst. 2022.
    1234`` → ``10.13335/j.1000-3673.pst.2022.1234``).  The DOI ends at the first character
    that cannot be part of one (CJK text such as ``文章编号``, ``，``, ``<`` ...), or at a
    whitespace gap followed by an English label/stop word (`DOI_STOP_WORDS`, ``Word:``), a
    URL, a ``[`` (next reference), or — after a line break — a plain capitalised word
    (``Zhang``, ``Abstract``).  Trailing punctuation (``。，.;``) and unbalanced closing brackets are dropped.
    Case is kept as printed.  Known gap: English running text right after a DOI on the same
    line (``10.1/x see ...``) is absorbed, since a space inside a DOI is indistinguishable.
    """
    if not text:
        return None
    # (a DOI printed with U+2011/U+2212 and like dashes means the ASCII hyphen: typesetters
    # and fonts swap them in; the swap keeps the length, so offsets stay valid)
    norm = _ascii_dashes(to_halfwidth(text))
    # compact form without whitespace, with a map back to `norm` offsets
    keep = [i for i, ch in enumerate(norm) if not ch.isspace()]
    compact = "".join(norm[i] for i in keep)
    m = _DOI_START_RE.search(compact)
    if not m:
        return None
    # the prefix "10.NNNN/" is always joined; from its end walk the original text
    pos = keep[m.end() - 1] + 1
    out = [m.group(0)]
    n = len(norm)
    while pos < n:
        ch = norm[pos]
        if _DOI_CHAR_RE.match(ch):
            out.append(ch)
            pos += 1
            continue
        if ch.isspace():
            j = pos
            while j < n and norm[j].isspace():
                j += 1
            k = j
            while k < n and not norm[k].isspace():
                k += 1
            tok = norm[j:k]
            if not tok or not _DOI_CHAR_RE.match(tok[0]) or tok[0] == "[":
                break
            if _is_stop_token(tok) and not _inner_segment(out, tok):
                break
            if "\n" in norm[pos:j] and re.fullmatch(r"[A-Z][a-z]+[,;:.]?", tok):
                break  # a capitalised word on the next line (a name, a label) is not DOI
            pos = j
            continue
        break
    doi = _strip_doi_tail("".join(out))
    return doi if _VALID_DOI_RE.fullmatch(doi) else None


_DOI_ISSN_RE = re.compile(r"(?i:issn)[.\-_]?(\d{4}-?\d{3}[0-9Xx])(?![0-9A-Za-z])")


def issn_from_doi(doi: str) -> str | None:
    """The ISSN a DOI names, as CNKI/Wanfang-registered Chinese journals build their DOIs
    (``10.3969/j.issn.1005-3220.2022.z1.001``, ``10.7544/issn1000-1239.202330003``), checked by
    its check digit and written ``NNNN-NNNC`` (upper-case X); None when it names none."""
    m = _DOI_ISSN_RE.search(_ascii_dashes(doi or ""))
    return normalize_issn(m.group(1)) if m else None


def valid_doi(s: str) -> bool:
    """True when `s` is exactly one DOI: ``10.`` registrant code of 4–9 digits, ``/``, suffix."""
    return bool(s) and bool(_VALID_DOI_RE.fullmatch(s.strip()))


def doi_prefix(s: str) -> str | None:
    """The DOI prefix (``10.19498``) of the DOI in `s` (bare, ``doi:`` or doi.org URL)."""
    m = re.search(r"(?<![0-9.])(10\.\d{4,9})/", to_halfwidth(s or ""))
    return m.group(1) if m else None


# ---------------------------------------------------------------------------
# 文章编号 (article number, CAJ-CD B/T 1-2006: ISSN(year)issue-firstpage-pagecount)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleNo:
    """A parsed 文章编号; the fields keep their printed zero-padding."""

    issn: str
    year: str
    issue: str
    first_page: str
    page_count: str
    volume: str = ""  # only for the ``ISSN(year)vol(issue)-...`` variant

    @property
    def ascii(self) -> str:
        """The canonical ASCII form, e.g. ``2095-3453(2023)06-0043-12``."""
        return format_article_no(self)


# OCR text layers read a hyphen as a full stop ("1004.731X(2009)15-4806.05"): inside a
# 文章编号 a "." can only be a hyphen, so both are accepted
_ANO_RE = re.compile(
    r"(\d{4}[-.]?\d{3}[0-9Xx])"  # ISSN
    r"\((\d{4})\)"  # (year)
    r"(?:(\d{1,4})\(([0-9A-Za-z]{1,4})\)|([0-9A-Za-z]{1,4}?))"  # vol(issue) | issue
    r"[-.](\d{1,5})[-.](\d{1,4})(?!\d)"  # -firstpage-pagecount
)


def format_article_no(ano: ArticleNo) -> str:
    """``ISSN(YEAR)ISSUE-FPAGE-COUNT`` (or ``ISSN(YEAR)VOL(ISSUE)-FPAGE-COUNT``)."""
    issue = f"{ano.volume}({ano.issue})" if ano.volume else ano.issue
    return f"{ano.issn}({ano.year}){issue}-{ano.first_page}-{ano.page_count}"


def parse_article_no(text: str) -> ArticleNo | None:
    """The 文章编号 in `text`, or None.

    Accepts full-width brackets/digits/hyphens, spaces and line breaks anywhere inside
    (``1000-3673（2023）05-1680-11``), a preceding ``文章编号：`` / ``Article ID:`` label
    (preferred when several candidates exist), supplement issues (``S1``) and the variant
    with a volume before the bracketed issue (``0253-3219(2023)46(03)-0001-07``).
    """
    if not text:
        return None
    squeezed = _squeeze(text)
    label = re.search(r"文章编号|(?i:article\s*(?:no|id|number))", squeezed)
    candidates = []
    if label:
        candidates.append(squeezed[label.end():])
    candidates.append(squeezed)
    for cand in candidates:
        m = _ANO_RE.search(cand)
        if m:
            issn = m.group(1).upper().replace(".", "-")
            if "-" not in issn:
                issn = issn[:4] + "-" + issn[4:]
            volume = m.group(3) or ""
            issue = m.group(4) if m.group(4) is not None else m.group(5)
            return ArticleNo(issn, m.group(2), issue.upper(), m.group(6), m.group(7), volume)
    return None


def _same_number(a: str, b: object) -> bool:
    sa, sb = str(a).strip().upper(), str(b).strip().upper()
    if sa.isdigit() and sb.isdigit():
        return int(sa) == int(sb)
    return sa.lstrip("0") == sb.lstrip("0")


def check_article_no(
    ano: ArticleNo,
    issn: str | None = None,
    year: int | str | None = None,
    issue: int | str | None = None,
    fpage: int | str | None = None,
    pages: int | None = None,
) -> list[tuple[str, str]]:
    """Compare a 文章编号 with what is known from elsewhere; return ``(code, message)`` warnings.

    `pages` is the article's page count (lpage - fpage + 1).  Arguments that are None or
    empty are not checked.  Codes: ``article-no-issn``, ``article-no-year``,
    ``article-no-issue``, ``article-no-fpage``, ``article-no-page-count``.
    """
    out: list[tuple[str, str]] = []
    shown = ano.ascii
    if issn:
        want = normalize_issn(str(issn), check=False) or str(issn)
        if ano.issn.upper() != want.upper():
            out.append(("article-no-issn",
                        f"文章编号 {shown} gives ISSN {ano.issn}, the journal's ISSN is {want}"))
    if year not in (None, ""):
        if not _same_number(ano.year, year):
            out.append(("article-no-year", f"文章编号 {shown} gives year {ano.year}, the issue's year is {year}"))
    if issue not in (None, ""):
        if not _same_number(ano.issue, issue):
            out.append(("article-no-issue", f"文章编号 {shown} gives issue {ano.issue}, the issue is {issue}"))
    if fpage not in (None, ""):
        if not _same_number(ano.first_page, fpage):
            out.append(("article-no-fpage",
                        f"文章编号 {shown} gives first page {ano.first_page}, the article starts on page {fpage}"))
    if pages not in (None, ""):
        if not _same_number(ano.page_count, pages):
            out.append(("article-no-page-count",
                        f"文章编号 {shown} gives {int(ano.page_count)} pages, the article has {pages}"))
    return out


# ---------------------------------------------------------------------------
# 中图分类号 (Chinese Library Classification)
# ---------------------------------------------------------------------------

#: main classes in use (L, M, W and Y are not used by CLC)
CLC_CLASSES = "ABCDEFGHIJKNOPQRSTUVXZ"
#: the two-letter subclasses of T (industrial technology)
CLC_T_SUBCLASSES = ("TB", "TD", "TE", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TP",
                    "TQ", "TS", "TU", "TV")
#: allowed suffixes (auxiliary tables): -05 总论复分, =5 时代, (1) 国家地区, "5" 民族, <1> 通用
_CLC_SUFFIX = r'(?:-\d+(?:\.\d+)*|=\d+(?:\.\d+)*|\(\d+(?:\.\d+)*\)|"\d+"|<\d+>)'
_CLC_HEAD = r"(?:T[BDEFGHJKLMNPQSUV]|[A-KNOPQRSUVXZ])"
# (a range is printed with a slash: D73/77 is D73 to D77)
# (a main class with only a 总论复分 suffix is a code of its own: R-052 医学伦理学, TP-05, G-0)
_CLC_VALID_RE = re.compile(
    rf"{_CLC_HEAD}(?:\d+(?:\.\d+)*(?:/\d+(?:\.\d+)*)?|(?=-\d)){_CLC_SUFFIX}*")
_CLC_FIND_RE = re.compile(
    rf"(?<![A-Za-z0-9])([A-Z]{{1,2}})\s*(\d+(?:\s*\.\s*\d+)*(?:/\d+(?:\.\d+)*)?|(?=-\s*\d))"
    rf"((?:\s*(?:-\s*\d+(?:\.\d+)*|{_CLC_SUFFIX}))*)"
)
_CLC_LABEL_RE = re.compile(r"中图(?:法)?分类号|分类号|(?i:CLC\s*(?:number|no\.?|code)?)")


def valid_clc(code: str) -> bool:
    """True for a well-formed CLC code.

    Grammar: a main class from `CLC_CLASSES` (T only with a second letter from
    `CLC_T_SUBCLASSES`), then digits with optional ``.digits`` groups (``D822.331.3``), then
    any number of auxiliary suffixes: ``-05``, ``=5``, ``(1)``, ``"5"``, ``<1>``.  Class-only
    codes without digits (``D``) are rejected; whether the number exists in the printed
    table is not checked.
    """
    return bool(code) and bool(_CLC_VALID_RE.fullmatch(code))


def parse_clc(text: str) -> list[str]:
    """The CLC codes printed in `text` (``D831.3；E313``, ``TM 85``, ``F124.7 ;F062.2``).

    With a 中图分类号 / CLC label, only the stretch after it up to the first CJK character
    (the next label) is read.  Spaces inside a code are removed; codes that fail
    `valid_clc` are dropped; order is kept, duplicates removed.
    """
    if not text:
        return []
    norm = _ascii_dashes(to_halfwidth(text))
    m = _CLC_LABEL_RE.search(norm)
    if m:
        norm = norm[m.end():]
        stop = re.search(r"[\u3400-\u9fff]", norm)
        if stop:
            norm = norm[:stop.start()]
    out: list[str] = []
    for cm in _CLC_FIND_RE.finditer(norm):
        code = re.sub(r"\s+", "", cm.group(0))
        if valid_clc(code) and code not in out:
            out.append(code)
    return out


# ---------------------------------------------------------------------------
# 文献标识码 (document code)
# ---------------------------------------------------------------------------

_DOC_CODE_RE = re.compile(
    r"(?:文献标[识志]码|文献标[识志]|(?i:document\s*code))[\s*:_]*([A-Za-z])(?![A-Za-z])"
)


def parse_doc_code(text: str) -> str | None:
    """The letter after 文献标识码/文献标志码/Document code, as printed, or None.

    Markdown emphasis and colons between label and letter are skipped
    (``**文献标识码：**A`` → ``A``).
    """
    m = _DOC_CODE_RE.search(to_halfwidth(text or ""))
    return m.group(1) if m else None


def valid_doc_code(code: str) -> bool:
    """True for the document codes defined by CAJ-CD B/T 1: A, B, C, D, E."""
    return code in ("A", "B", "C", "D", "E")


# ---------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------

_DATE_RE = re.compile(
    r"(?<!\d)(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})(?!\d)\s*日?"
)


def parse_date(text: str) -> str | None:
    """The first valid calendar date in `text` as ISO ``YYYY-MM-DD``, or None.

    Accepts ``2023-03-15``, ``2023年3月15日``, ``2023/3/15``, ``2023.03.15``, full-width
    digits and dashes, spaces around separators.  Impossible dates (2023-02-30) are skipped.
    """
    if not text:
        return None
    norm = _ascii_dashes(to_halfwidth(text))
    for m in _DATE_RE.finditer(norm):
        try:
            d = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        return d.isoformat()
    return parse_english_date(norm)


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTH_WORD = r"(?P<mon>[A-Za-z]{3,9})\.?"
_EN_DATES = (
    re.compile(rf"(?<![\w])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_WORD},?\s+(?P<year>\d{{4}})(?!\d)"),   # 1 May 2020
    re.compile(rf"(?<![\w]){_MONTH_WORD}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})(?!\d)"),  # January 15, 2021
)


def _month(word: str) -> int | None:
    """1–12 for an English month name or its 3–4 letter abbreviation (Sept.), else None."""
    w = word.lower()
    for k, name in enumerate(_MONTH_NAMES, 1):
        if w == name or (len(w) >= 3 and name.startswith(w) and len(w) <= 4):
            return k
    return None


def parse_english_date(text: str) -> str | None:
    """The first English-format date in `text` as ISO: ``1 May 2020``, ``January 15, 2021``,
    ``15 Sept. 2019``, ``3rd March 2020``; impossible dates are skipped."""
    found: list[tuple[int, str]] = []
    for rx in _EN_DATES:
        for m in rx.finditer(text or ""):
            month = _month(m.group("mon"))
            if month is None:
                continue
            try:
                d = _dt.date(int(m.group("year")), month, int(m.group("day")))
            except ValueError:
                continue
            found.append((m.start(), d.isoformat()))
            break
    return min(found)[1] if found else None
