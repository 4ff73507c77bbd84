"""Footnote and reference-list parsing: split numbered notes, re-join wrapped lines, pull
out URLs and access dates.

Pure text functions (no PDF code).  Input is the text lines of footnote areas (or of a
参考文献 / References section) in reading order; output is `schemas.model.Citation`.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from parsers.identifiers import _ascii_dashes, parse_date, to_halfwidth
from parsers.labels import LABEL_CLOSE, LABEL_OPEN
from parsers.normalize import is_cjk
from schemas.model import Citation

__all__ = [
    "MARKER_KINDS",
    "match_marker",
    "marker_number",
    "join_lines",
    "split_notes",
    "find_urls",
    "find_access_date",
    "parse_citation",
    "split_sources",
    "parse_reference_list",
]

# ---------------------------------------------------------------------------
# character classes
# ---------------------------------------------------------------------------

#: circled / parenthesised / negative-circled numbers used as footnote markers
_CIRCLED = (
    "\u2460-\u2473"  # ①–⑳
    "\u3251-\u325f"  # ㉑–㉟
    "\u32b1-\u32bf"  # ㊱–㊿
    "\u2474-\u2487"  # ⑴–⒇
    "\u2776-\u277f"  # ❶–❿
    "\u2780-\u2789"  # ➀–➉ (dingbat sans-serif circled digits, Word/WPS footnote styles)
    "\u278a-\u2793"  # ➊–➓
    "\u24eb-\u24f4"  # ⓫–⓴
)
_CIRCLED_RE = re.compile(f"[{_CIRCLED}]")
CIRCLED_MARKS = _CIRCLED
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

#: characters that, right after a bare number at line start, show it is a quantity or a
#: date/page rather than a superscript footnote number (2023年, 30多年, 43-55, 1.5, 10%)
_QUANTITY_FOLLOWERS = set("年月日时分秒号期卷页版世代多余个名位万亿千百元次届条项章节册部所家种倍级岁周天-–—.．,，:：/%％~～")

#: words that end a URL at a line break instead of continuing it
_URL_STOP_WORDS = {"accessed", "retrieved", "visited", "viewed", "available", "last", "online"}
_URL_CHAR = r"A-Za-z0-9\-._~:/?#@!$&()*+,;=%"
_URL_RE = re.compile(rf"(?:(?:https?|ftp)://|www\.)[{_URL_CHAR}]+", re.IGNORECASE)
_URL_START_RE = re.compile(r"(?:(?:https?|ftp)://|www\.)", re.IGNORECASE)
_COMPLETE_EXT_RE = re.compile(r"\.(?:s?html?|pdf|aspx?|php|jsp|cfm|docx?|xlsx?|xml|txt)$", re.IGNORECASE)
#: marker kinds recognised by `match_marker`
MARKER_KINDS = ("circled", "bracket", "paren", "sup", "closing", "dotted", "bare")


# ---------------------------------------------------------------------------
# markers
# ---------------------------------------------------------------------------

_MARKER_RES: dict[str, re.Pattern[str]] = {
    "circled": re.compile(rf"([{_CIRCLED}])\s*"),
    "bracket": re.compile(r"([\[［【]\s*(\d{1,4})\s*[\]］】])\s*"),  # [1] ［1］ 【1】 (and OCR's 【1])
    "paren": re.compile(r"([(（]\s*(\d{1,3})\s*[)）])\s*"),
    "sup": re.compile(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*"),
    "closing": re.compile(r"((\d{1,3})[)）])\s*"),  # 1) 1）: a half-parenthesised note number
    "dotted": re.compile(r"((\d{1,3})[.．、])(?![0-9０-９])\s*"),
    "bare": re.compile(r"((\d{1,3}))(?![0-9０-９])\s*"),
}


def marker_number(marker: str) -> int | None:
    """The number a marker stands for (``①`` → 1, ``[12]`` → 12, ``㉑`` → 21), or None."""
    if not marker:
        return None
    m = _CIRCLED_RE.search(marker)
    if m:
        try:
            return int(unicodedata.numeric(m.group(0)))
        except (TypeError, ValueError):
            return None
    d = re.search(r"\d+", to_halfwidth(marker).translate(_SUPERSCRIPT_DIGITS))
    return int(d.group(0)) if d else None


def match_marker(
    line: str, expected: int | None = None, kinds: tuple[str, ...] = MARKER_KINDS
) -> tuple[str, str] | None:
    """If `line` starts a note, return ``(marker, rest)``; else None.

    A leading ``^`` (markdown superscript) and spaces are skipped.  Circled ①–㊿, ``[1]``,
    ``(1)`` and superscript digits (``¹``) are always markers.  ``1.`` / ``1、`` and a bare number (a superscript rendered as
    plain digits) are only accepted when the number is 1 or `expected` (the previous note's
    number + 1), so a line beginning ``2023年``, ``30多年`` or ``43-55`` never starts a note;
    a bare number must also be followed by a space, a quote/bracket, a letter or CJK text
    that is not a unit (年, 月, 多, 页 ...).
    """
    s = line.lstrip()
    if s.startswith("^"):
        s = s[1:].lstrip()
    if not s:
        return None
    for kind in kinds:
        m = _MARKER_RES[kind].match(s)
        if not m:
            continue
        marker = m.group(1)
        rest = s[m.end():]
        if kind in ("closing", "dotted", "bare"):
            n = int(to_halfwidth(m.group(2)))
            if n != 1 and n != expected:
                continue
            if kind == "dotted" and m.group(1).endswith(".") and rest[:1].isdigit() and not (
                    n == expected and n > 1 and m.end() > m.end(1)):
                continue  # (but "198. 2020 BH." is entry 198 when 197 came before it)
            if kind == "bare":
                follower = s[len(marker):len(marker) + 1]
                if not follower or follower in _QUANTITY_FOLLOWERS or follower.isdigit():
                    continue
                if not (follower.isspace() or follower in "“\"‘'「『《(（[［<"
                        or follower.isalpha()):
                    continue
                if re.match(r"[-–—−+=×/<>]", rest):
                    continue  # "1 - specificity": an expression (a chart's axis), not a note
        return marker, rest
    return None


# ---------------------------------------------------------------------------
# line joining
# ---------------------------------------------------------------------------

#: Founder (方正) exports print the hyphen they add at a line break inside a Latin word as 鄄
#: (a real hyphen comes out as "-"): it is no character of the word or URL
_FOUNDER_HYPHEN = "\u9104"
_NEUTRAL = set("“”‘’\"'—…·")
_OPENERS = "“‘(（[［<《「『"
_CLOSERS = "”’)）]］>》」』,，.。;；:：!！?？、"


def _open_url(prev: str) -> str | None:
    """The URL (with a ``<`` before it, if any) that `prev` ends with, or None."""
    last = prev.rsplit(None, 1)  # (its last word; not a split of the whole note per line)
    tail = last[-1] if last else ""
    m = _TRAILING_URL_RE.search(tail)
    return m.group(0) if m else None


_TRAILING_URL_RE = re.compile(rf"<?(?:(?:https?|ftp)://|www\.)[{_URL_CHAR}<>]*$", re.IGNORECASE)
_SCHEMES = ("https://", "http://", "ftp://", "www.")


_SCHEME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz:/.")


def _split_scheme(prev: str, nxt: str) -> bool:
    """True when the line broke inside a URL's scheme (``…、htt`` + ``ps://www…``)."""
    # the run of scheme characters the line ends with (as `[A-Za-z:/.]+$` finds it, before
    # one final newline too), taken from the end instead of searched for from the start
    end = len(prev) - 1 if prev.endswith("\n") else len(prev)
    start = end
    while start and prev[start - 1] in _SCHEME_CHARS:
        start -= 1
    if start == end:
        return False
    run = prev[start:end]
    for k in range(1, len(run) + 1):
        part = run[-k:]
        for scheme in _SCHEMES:
            if len(part) < len(scheme) and scheme.startswith(part.lower()):
                combined = (part + nxt.split()[0]).lower() if nxt.split() else part
                if combined.startswith(scheme) or scheme.startswith(combined):
                    return True
    return False


#: what closes a URL in Chinese text: GB/T 7714-2015 and the notes' habit set the comma,
#: full stop or a bracket right after the address ("…/index.html，访问日期：…", "…/dialogue。",
#: "…/report（访问日期：…）")
_CJK_CLOSING = frozenset("，。；：、）】」』》（【［")
#: a host's last label as DNS names them: letters (two or more) or an IDN's xn-- form
_TLD_RE = re.compile(r"(?i)[a-z]{2,63}|xn--[a-z0-9-]+")


def _host_unfinished(tail: str) -> bool:
    """True when `tail` stops inside its host before any top-level domain ("http://w",
    "https://icd11.p", "www.h2"): no address ends there, so the next line goes on with it."""
    m = re.match(r"(?i)<?(?:(?:https?|ftp)://)?([^/?#<>]*)$", tail)
    if not m or (not re.match(r"(?i)<?(?:https?|ftp)://", tail) and not tail.lower().lstrip("<").startswith("www.")):
        return False
    host = m.group(1).rsplit("@", 1)[-1].split(":", 1)[0]
    if re.fullmatch(r"[\d.]+", host):
        return False  # (an IP address: any of its lengths is whole)
    return "." not in host or not _TLD_RE.fullmatch(host.rsplit(".", 1)[1])


def _host_whole(tail: str) -> bool:
    """True when `tail` is a scheme and a host that ends in a top-level domain, no path yet."""
    m = re.match(r"(?i)<?(?:(?:https?|ftp)://|(?=www\.))([^/?#<>:]+)$", tail)
    return bool(m) and "." in m.group(1) and bool(_TLD_RE.fullmatch(m.group(1).rsplit(".", 1)[1]))


#: the generic top-level domains most addresses end in (RFC 1591 and ICANN's first ones)
_COMMON_TLDS = frozenset({"com", "org", "net", "edu", "gov", "int", "mil", "info"})


def _tld_goes_on(tail: str, word: str) -> bool:
    """True when the line broke inside a common top-level domain ("…tensorflow.or" +
    "g", "…onekp.co" + "m/"): the host's last label and the next line's letters make it."""
    m = re.search(r"(?i)(?:^|[/.@])[a-z0-9-]+\.([a-z]{1,3})$", tail)
    if not m or "/" in re.sub(r"(?i)^<?(?:https?|ftp)://", "", tail):
        return False
    head = re.match(r"[a-z]{1,3}(?![a-z])", word)
    return bool(head) and (m.group(1) + head.group(0)).lower() in _COMMON_TLDS


def _url_continues(tail: str, nxt: str) -> bool:
    """Does `nxt` continue the URL `tail` that ended the previous line?"""
    b = nxt[0]
    start = tail.lower().find("<")
    if start != -1 and ">" not in tail[start:]:
        return not b.isspace()  # inside <...>: everything up to '>' is URL
    if b.isspace() or is_cjk(b) or b in "[(<“\"'‘":
        return False
    if not re.match(rf"[{_URL_CHAR}]", b):
        return False
    if tail[-1] in ",;":
        return False
    first = nxt.split()[0]
    word = first.rstrip(".,;:)")
    if word.lower() in _URL_STOP_WORDS:
        return False
    if _host_unfinished(tail) or _tld_goes_on(tail, word):
        return True
    run = re.match(rf"[{_URL_CHAR}]+", nxt)
    after = nxt[run.end():run.end() + 1]
    if _host_whole(tail) and (after.isspace() or after in _CJK_CLOSING) and not re.search(r"[./:?#]", run.group(0).rstrip(".,;:)")):
        # ("…example.org" + "and others", "…www.imf.org" + "IMF，": a host goes on only with
        # more host or its path)
        return False
    # the line's URL-character run, when Chinese punctuation closes it right after: the
    # address's own end, whatever it looks like ("…/d" + "ialogue，访问日期", ".htm" + "l。"),
    # but for a capitalised word, which may be prose after a line broken at a space
    closed = run.group(0) if run and nxt[run.end():run.end() + 1] in _CJK_CLOSING else ""
    if closed and not re.fullmatch(r"[A-Z][a-z]+", closed):
        return True
    if tail[-1] in "/-_=&?#%~:+@":
        return True
    if tail[-1] == ".":
        # an upper-case dotted code (indicator/NY. + GDP.MKTP.CD) goes on with more of it
        return bool(re.match(r"[a-z0-9]", b)) or bool(
            re.search(r"[/._-][A-Z0-9]+\.$", tail) and re.search(r"[./?=&_]", word.rstrip(".")))
    if b in "-_" and tail[-1].isalnum() and re.match(r"[-_][A-Za-z0-9]", nxt):
        return True  # a line opening with a slug's joiner ("suncor" + "-petro-canada")
    ext = re.match(r"[a-z]{1,4}", nxt)
    if re.search(r"\.[a-z]{1,3}$", tail) and not _COMPLETE_EXT_RE.search(tail) and ext and (
            _COMPLETE_EXT_RE.search(tail + ext.group(0))):
        return True  # a file extension broken at the line end (".h" + "tm", ".p" + "df")
    # the last path segment is a slug (words joined by - or _): a lowercase fragment that
    # ends at a comma or at Chinese text goes on with it ("…/data-and-a" + "nalysis,")
    slug = bool(re.search(r"/[^/]*[a-z0-9][-_][a-z0-9][^/]*$", tail)) and tail[-1].isalnum()
    if _COMPLETE_EXT_RE.search(tail) and b not in "?#&/=._-%":
        # looks finished; only a lowercase fragment such as 'l' (htm|l) continues it, or
        # one that goes on into a query or path ("index.asp" + "x?sec=nws")
        return bool(re.fullmatch(rf"[a-z0-9]{{1,4}}(?:[?#/][{_URL_CHAR}]*)?", word))
    # mid-segment: continue with a URL-looking fragment, not with a prose word like "NATO,"
    if word and not re.fullmatch(rf"[{_URL_CHAR}]+", word):
        # the fragment runs straight into Chinese text ("1214B0S3A110C2000000/，访问日期…"):
        # a URL's tail when it has a digit or URL punctuation, never a bare word
        run = re.match(rf"[{_URL_CHAR}]+", nxt)
        frag = run.group(0).rstrip(".,;:)") if run else ""
        return bool(frag) and is_cjk(nxt[len(run.group(0)):][:1] or " ") and (
            bool(re.search(r"[\d/?=&%_]", frag)) or (slug and bool(re.fullmatch(r"[a-z0-9-]+", frag)))
            or bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", frag))  # a slug's lowercase rest
            # (a fragment ending in a file extension is the address's last segment, broken
            # mid-word with nothing added, as URLs are typeset: "…/index" + "ch.htm，访问…")
            or bool(re.fullmatch(r"[A-Za-z0-9_-]+\.(?:s?html?|pdf|aspx?|php|jsp|cfm|docx?|xlsx?|xml|txt)", frag)))
    if not word:
        return False
    if slug and re.fullmatch(r"[a-z]+", word):
        return True
    return not (word.isalpha() and first[len(word):len(word) + 1] in (",", ";"))


def _continues_url(prev: str, nxt: str) -> bool:
    """Does line `nxt` continue a URL that `prev` (stripped) ends inside?"""
    if not prev or not nxt:
        return False
    if prev[-1] in (_FOUNDER_HYPHEN, "\u00ad", "\u2043") and prev[:-1][-1:].isascii():
        prev = prev[:-1]  # a break hyphen that is no character (see `join_lines`)
    tail = _open_url(prev)
    if tail is not None:
        return _url_continues(tail, nxt)
    return _split_scheme(prev, nxt)


#: a DOI that ends the line, bare or labelled ("doi:10.1371/journal.pone."), its suffix begun
_TRAILING_DOI_RE = re.compile(r"(?<![\w./])10\.\d{4,9}/[^\s\"<>]*$")
#: the next line's opening token as a DOI's tail: DOI characters with a digit or a DOI's
#: punctuation in them ("0123456.", "020-1234-5.", ".01234"), up to a space or the end
_DOI_TAIL_RE = re.compile(r"(?=\S*[\d./-])[\w.\-/();:+]+(?=\s|$)")


def _continues_doi(prev: str, nxt: str) -> bool:
    """Does line `nxt` finish a DOI that `prev` ends inside? A DOI has no space, so a line
    broken inside one ("doi:10.1038/s41586-" + "020-1234-5.", "…/journal.pone." +
    "0123456") joins with none. A DOI the line ends whole is followed by more of the note
    only after a space: a next line that opens with a label ("PMID:", "Epub") is no tail."""
    m = _TRAILING_DOI_RE.search(prev)
    if not m or len(m.group(0)) > 120 or not _DOI_TAIL_RE.match(nxt):
        return False
    if m.group(0)[-1].isalnum() and re.match(r"(?:19|20)\d\d[\s;,.]", nxt):
        return False  # (a year after a whole DOI, the note's date: "…/xyz" + "2020 Jan;5(3)")
    # (nor a label, nor a numbered list's next item: "2. Smith J …", "[2] …")
    return not re.match(r"(?i)(?:pmid|pmcid|epub|isbn|issn|\[|\d{1,3}[.)]\s)", nxt)


def join_lines(prev: str, nxt: str) -> str:
    """Join a note's text with its next line.

    Nothing between CJK characters (or next to CJK punctuation), nothing inside a URL broken
    across lines (a hyphen at the end is kept), nothing after a hyphenated word
    (``Indo-`` + ``Pacific``), nothing after an opening or before a closing bracket/quote,
    a single space between Latin words (the line broke at a space).
    """
    prev = prev.rstrip()
    nxt = nxt.strip()
    if not prev:
        return nxt
    if not nxt:
        return prev
    if prev.endswith("\u00ad"):  # a soft hyphen: the word was only broken for the line
        return prev[:-1] + nxt
    if prev.endswith(_FOUNDER_HYPHEN) and len(prev) > 1 and prev[-2].isascii() and nxt[0].isascii():
        return prev[:-1] + nxt  # Founder's line-break hyphen (鄄) inside a Latin word or URL
    if prev.endswith("\u2043") and _continues_url(prev, nxt):
        return prev[:-1] + nxt  # a hyphen bullet (⁃) some exports set as the break hyphen, in a URL
    a, b = prev[-1], nxt[0]
    if _continues_url(prev, nxt) or _continues_doi(prev, nxt):
        return prev + nxt
    if a == "-" and len(prev) > 1 and prev[-2].isalpha() and b.isalpha():
        return prev + nxt
    if a in "-–—" and len(prev) > 1 and prev[-2].isdigit() and b.isdigit():
        return prev + nxt  # a page or year range broken after its dash ("117-" + "129.")
    if a == "/" and len(prev) > 1 and not prev[-2].isspace():
        return prev + nxt  # a line broken after a slash ("[EB/" + "OL]", "and/" + "or") was one word
    # quotes and dashes take the spacing of the text they touch: 的 + “北约 joins tight
    a_eff = next((c for c in reversed(prev) if c not in _NEUTRAL), a)
    b_eff = next((c for c in nxt if c not in _NEUTRAL), b)
    if is_cjk(a_eff) or is_cjk(b_eff):
        return prev + nxt
    if a in _OPENERS or b in _CLOSERS:
        return prev + nxt
    return prev + " " + nxt


_RUN_IN_RE = re.compile(rf"(?<=[。.．\]］)）])\s*(?=[{_CIRCLED}])|\s{{2,}}(?=[{_CIRCLED}])")


def _run_in_notes(lines: list[str], kinds: tuple[str, ...]) -> list[str]:
    """Lines with short notes set run-in ("① 见A。 ② 见B。" on one line) cut before each
    circled marker that follows a closed sentence, when its number is the next one."""
    if "circled" not in kinds:
        return lines
    out: list[str] = []
    last: int | None = None
    for raw in lines:
        if not raw or not _CIRCLED_RE.search(raw):  # (no circled mark: neither test can match)
            out.append(raw or "")
            continue
        hit = match_marker(raw or "", None, ("circled",))
        if hit:
            last = marker_number(hit[0])
        pieces, pos = [], 0
        for m in _RUN_IN_RE.finditer(raw or ""):
            n = marker_number(raw[m.end():m.end() + 1])
            if last is not None and n == last + 1 and m.start() > pos:
                pieces.append(raw[pos:m.start()])
                pos, last = m.end(), n
        out += pieces + [(raw or "")[pos:]]
    return out


def split_notes(
    lines: list[str], kinds: tuple[str, ...] = MARKER_KINDS
) -> list[tuple[str, str]]:
    """Split footnote-area lines into ``(marker, text)`` notes, re-joining wrapped lines.

    `lines` are in reading order across the article's pages; numbering may restart on each
    page.  See `match_marker` for what starts a note and `join_lines` for how continuation
    lines are joined.  A line that continues a URL broken at the end of the previous line
    is never taken as a ``1.`` or bare-number marker (``…/page`` + ``1.html``).  Lines before the first marker (a note continued from a page that is
    not included) come back as one note with marker ``""``.  Blank lines are skipped.
    """
    notes: list[list[str]] = []
    for raw in _run_in_notes(lines, kinds):
        if not raw or not raw.strip():
            continue
        expected = None
        if notes:
            prev_n = marker_number(notes[-1][0])
            expected = prev_n + 1 if prev_n is not None else None
        use = kinds
        if notes and _continues_url(notes[-1][1].rstrip(), raw.strip()) and not (
                expected is not None and re.match(rf"\s*{expected}\.\s+\S", raw)):
            # "…/page" + "1.html": a URL continued, not note 1 (only unambiguous markers win);
            # but "70. Marceau A" or "198. 2020 BH." after a URL is the next entry, numbered
            # as expected, its number set apart by a space as no URL's characters are
            use = tuple(k for k in kinds if k not in ("closing", "dotted", "bare"))
        hit = match_marker(raw, expected, use)
        if hit:
            notes.append([hit[0], hit[1].strip()])
        elif notes:
            notes[-1][1] = join_lines(notes[-1][1], raw)
        else:
            notes.append(["", raw.strip()])
    return [(m, t) for m, t in notes]


# ---------------------------------------------------------------------------
# URLs and access dates
# ---------------------------------------------------------------------------


#: a date glued to a URL by a comma (",2020-07-20" after the URL of a GB/T 7714 entry
#: typeset without a space): the entry's date element, not part of the URL
_GLUED_DATE_RE = re.compile(r",(?:19|20)\d\d(?:-\d{1,2}){0,2}[.,;]*$")


def _strip_url_tail(url: str) -> str:
    url = _GLUED_DATE_RE.sub("", url)
    while url:
        if url[-1] in ".,;:!?'":
            url = url[:-1]
        elif url[-1] == ")" and url.count("(") < url.count(")"):
            url = url[:-1]
        else:
            break
    return url


#: a URL scheme or ``www.`` printed with spaces inside it ("https: / / www. csis. org /"):
#: CAJ/Founder text layers letter-space a URL set in a justified line, after its / . _ -
_SPACED_START_RE = re.compile(r"(?i)(?<![A-Za-z])(?:(?:https?|ftp)\s*[:：]\s*/\s*/|www\s*\.)")
#: a host with spaces after its dots ("https://www. peio. me/"): the same letter-spacing
_SPACED_HOST_RE = re.compile(r"(?i)(?:[a-z0-9-]+\s*\.\s*)+[a-z]{2,6}(?![a-z0-9])")
_SPACED_STOP = re.compile(r"(?i)(?:accessed|retrieved|visited|viewed|available|last|online|and|or)\b")


def _spaced_end(text: str, start: int) -> int:
    """Where a letter-spaced URL that begins at `start` ends: a space is inside the URL
    when it follows / . _ - = & ? # : or comes before a / (or a .), and what follows is
    URL text (after a dot, a lowercase letter or digit), never a word such as "accessed"."""
    url_char = re.compile(rf"[{_URL_CHAR}]")
    i = start
    while i < len(text):
        if url_char.match(text[i]):
            i += 1
            continue
        if not text[i].isspace():
            break
        j = i
        while j < len(text) and text[j].isspace():
            j += 1
        if j >= len(text) or not url_char.match(text[j]) or j == start:
            break
        before, after = text[i - 1], text[j]
        if _SPACED_STOP.match(text, j) or (before in ".,;" and re.match(r"(?:19|20)\d\d\s*[-/.年]\s*\d", text[j:])):
            break  # (a word such as "accessed", or a date printed after the URL's full stop)
        if after in "/" or (after == "." and re.match(r"\.\s*[a-z0-9/]", text[j:])):
            i = j
        elif before in "/_-=&?#:" or (before == "." and re.match(r"[a-z0-9]", after)) or (
                before == "." and re.search(r"(?:^|[/._\s-])[A-Z0-9]+\.$", text[start:i])
                and re.match(r"[A-Z0-9]+(?![a-z])", text[j:])):  # NY. GDP. MKTP: an upper-case code
            i = j
        else:
            break
    return i


#: Founder fonts in some CNKI exports map punctuation to Yi syllables and to private-use
#: code points (ꎬ ꎮ ꎻ for ，。；, U+1001B0 for ".", U+100170 for "·"): read as printed
_FOUNDER_PUNCT = str.maketrans({"\ua3ac": "，", "\ua3ae": "。", "\ua3bb": "；",
                                "\U001001b0": ".", "\U00100170": "·"})


_FOUNDER_CHARS = re.compile("[\ua3ac\ua3ae\ua3bb\U001001b0\U00100170]")


def despace_urls(text: str) -> str:
    """`text` with the spaces a text layer put inside printed URLs taken out.

    Only URLs that show the letter-spacing in their scheme or host (``https: / /``,
    ``www. csis. org``) are touched; a Founder line-break hyphen (鄄) between Latin
    characters is dropped too, and Founder's Yi-syllable / private-use punctuation is read
    as the punctuation it prints.
    """
    # (each repair only where its character occurs: most notes have none of them)
    if _FOUNDER_CHARS.search(text):
        text = text.translate(_FOUNDER_PUNCT)
    if _FOUNDER_HYPHEN in text:
        text = re.sub(rf"(?<=[A-Za-z0-9/._-]){_FOUNDER_HYPHEN}(?=[A-Za-z0-9])", "", text)
    if "：" in text:  # a full-width colon in Chinese type
        text = re.sub(r"(?i)(?<![A-Za-z])(https?|ftp)：(?=\s*/\s*/)", r"\1:", text)
    if "？" in text:  # a URL's query mark typed or read full-width ("shownews.asp？newsid=1069")
        text = re.sub(r"(?<=[A-Za-z0-9/_.-])？(?=[A-Za-z0-9_.-]+[=＝][A-Za-z0-9])", "?", text)
    if "\u2010" in text or "\u2011" in text:  # a real hyphen set as U+2010 / U+2011 between URL characters
        text = re.sub(r"(?<=[A-Za-z0-9/._])[\u2010\u2011](?=[A-Za-z0-9])", "-", text)
    low = text.lower()  # (no other character case-folds to h, t, p, f or w: a note without
    if not ((("http" in low or "ftp" in low) and "/" in text) or ("www" in low and "." in text)):
        return text  # a scheme or "www." holds no URL start: nothing to walk)
    out, pos = [], 0
    for m in _SPACED_START_RE.finditer(text):
        if m.start() < pos:
            continue
        # (decide from the scheme and host whether the URL is letter-spaced before walking it:
        # most URLs are not, and the walk is the costly part)
        head = m.group(0)
        rest = text[m.end():m.end() + 120].lstrip() if not head.lower().startswith("www") else text[m.start():m.start() + 120]
        spaced = bool(re.search(r"\s", head)) or bool(
            (h := _SPACED_HOST_RE.match(rest)) and re.search(r"\s", h.group(0)))
        if not spaced:
            continue
        end = _spaced_end(text, m.start())
        seg = text[m.start():end]
        out.append(text[pos:m.start()])
        out.append(re.sub(r"\s+", "", seg).replace("：", ":"))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def find_urls(text: str) -> list[tuple[str, int, int]]:
    """``(url, start, end)`` for every URL (http, https, ftp, ``www.``) in `text`.

    A URL stops at whitespace, ``<>[]"``, quotes and any non-ASCII character; trailing
    ``.,;:!?`` and an unbalanced ``)`` are not part of it.  Surrounding ``<...>`` are dropped.
    """
    out = []
    if "://" not in text and "www." not in text.lower():
        return out  # (every match opens with one of them; w folds from nothing else)
    for m in _URL_RE.finditer(text):
        raw = _extend_url(text, m.start(), m.end())
        url = _strip_url_tail(raw)
        if len(url) > len(_URL_START_RE.match(url).group(0)):
            out.append((url, m.start(), m.start() + len(url)))
    return out


#: CJK ideographs and kana, printed as themselves in a URL's path or query (GB/T 7714-2015
#: prints the URL as the browser shows it: ``https://zh.wikipedia.org/wiki/北大西洋公约组织``)
_CJK_PATH_RUN = re.compile(rf"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+[{_URL_CHAR}]*")
#: a file name with spaces, ended by its extension ("…/files/Strategic Concept 2022.pdf")
_SPACED_FILE = re.compile(
    rf" ((?:[A-Za-z0-9\-_()\u4e00-\u9fff]+ ){{0,5}}[A-Za-z0-9\-_()\u4e00-\u9fff]+"
    rf"\.(?:pdf|html?|shtml|docx?|xlsx?|pptx?|aspx?|php|jsp)(?:\?[{_URL_CHAR}]*)?)"
    r"(?=$|[\s,.;，。；)）\]】])", re.IGNORECASE)


def _extend_url(text: str, start: int, end: int) -> str:
    """The URL at text[start:end] continued where the ASCII match stopped inside it: a CJK
    run right after ``/``, ``=``, ``-`` or ``_`` of the path or query (``/wiki/北约``,
    ``?q=北约&p=2``) and, in a path whose last segment has no extension yet, a file name
    with spaces up to its extension. Anything else after it (``。``, ``[2023-03-01]``,
    ``访问日期``) ends it."""
    url = text[start:end]
    scheme = _URL_START_RE.match(url)
    if not scheme or "/" not in url[scheme.end():]:
        return url  # still in the host: a CJK character there ends the URL
    while end < len(text) and url[-1:] in "/=-_":
        m = _CJK_PATH_RUN.match(text, end)
        if not m:
            break
        url += m.group(0)
        end = m.end()
    last = url.rsplit("/", 1)[-1]
    if end < len(text) and text[end] == " " and last and "." not in last and "?" not in last:
        m = _SPACED_FILE.match(text, end)
        if m and not any(w.lower() in _FILE_NAME_STOP for w in m.group(1).split()[:-1]):
            url += m.group(0)
    return url


#: words that are prose after a URL, never part of a file name with spaces
_FILE_NAME_STOP = _URL_STOP_WORDS | {"and", "or", "the", "see", "at", "in", "of", "on", "for",
                                  "from", "to", "via", "also", "cf", "and/or"}


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")]
    )
    for m in names
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUM_DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
# GB/T 7714's [引用日期]; some journals set its brackets as 〔〕 or 【】
_BRACKET_DATE_RE = re.compile(rf"[\[〔【]\s*({_NUM_DATE})\s*[\]〕】]")
_PAREN_DATE_RE = re.compile(rf"\s*>?\s*\(\s*({_NUM_DATE})\s*\)")
# the label Chinese notes print before the access date (CNKI and CAJ-CD note styles):
# 访问日期, 访问时间, 引用日期, 登录时间 (and the common 登陆), 最后访问日期, 下载时间,
# 浏览日期, 检索日期, 查阅日期, 访问于, 上网时间 (the day the page was read online), or the verb
# alone with its colon (最后访问：…); in brackets as labels are ([访问日期], 【访问日期】); letters
# may be spaced (访 问 日 期)
_ZH_ACCESS_VERB = r"(?:访\s*问|引\s*用|检\s*索|浏\s*览|查\s*询|查\s*阅|获\s*取|登\s*[录陆]|下\s*载|阅\s*读|读\s*取|上\s*网)"
_ZH_LABEL_DATE_RE = re.compile(
    rf"(?:最\s*后\s*)?{_ZH_ACCESS_VERB}"
    rf"\s*(?:日\s*期|时\s*间|于|(?=\s*[:：{LABEL_CLOSE}]))\s*[{LABEL_CLOSE}]?\s*(?:为|是)?\s*[:：]?\s*({_NUM_DATE})")
# the date first, the verb after it: "2023年3月1日访问", "2020-05-01最后浏览" (Chinese law-review notes)
_VERB_ENDS_NOTE = r"(?=\s*(?:[。.，,;；)）\]］]|$))"  # (not "2015年9月22日访问美国": a visit, no access)
_ZH_DATE_THEN_VERB_RE = re.compile(rf"({_NUM_DATE})\s*(?:最\s*后\s*)?{_ZH_ACCESS_VERB}{_VERB_ENDS_NOTE}")
# the citation date as the note's last element, after the address (the 《中国社会科学》 note
# style: "责任者：《题名》，更新日期，获取和访问路径，引用日期。"; GB/T 7714-1987's "URL,
# 更新日期/引用日期"): a date printed after the URL and ending the note
_TRAILING_DATE_RE = re.compile(rf"\s*[，,]\s*(?:{_NUM_DATE}\s*/\s*)?({_NUM_DATE})\s*[。.；;]?\s*$")
_EN_ACCESS_VERB = r"(?:accessed|retrieved|visited|viewed|consulted)"
_EN_LABEL_RE = re.compile(
    rf"(?i)(?:last\s+)?{_EN_ACCESS_VERB}(?:\s+on)?\s*[:：]?\s*"
    r"|(?<=\[)\s*(?i:cited)\s+"  # (NLM's Citing Medicine: "[cited 2023 Mar 12]")
)
# any of those labels, whatever follows it: a note that prints one has an access date, read or not
_ACCESS_LABEL_RE = re.compile(
    rf"{_ZH_ACCESS_VERB}\s*(?:日\s*期|时\s*间|于|[:：{LABEL_CLOSE}])|{_ZH_ACCESS_VERB}{_VERB_ENDS_NOTE}"
    rf"|(?i:\b{_EN_ACCESS_VERB}\b)|\[\s*(?i:cited)\s")
_EN_DATE_RES = [
    re.compile(rf"(?i)(?P<m>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"),  # March 1, 2023
    re.compile(rf"(?i)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_ALT})\.?,?\s+(?P<y>\d{{4}})"),  # 1 March 2023
    re.compile(rf"(?i)(?P<y>\d{{4}})\s+(?P<m>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?!\d)"),  # 2023 Mar 12 (NLM)
    re.compile(rf"(?i)(?P<d>\d{{1,2}})-(?P<m>{_MONTH_ALT})-(?P<y>\d{{4}})"),  # [Accessed: 05-Mar-2020] (IEEE's older style)
    # day, month, year with full stops (DIN 5008 and most of Europe: "accessed 5.3.2020");
    # a year-first numeric date is parse_date's
    re.compile(r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})(?!\d)"),
]
# biblatex's "visited on 03/25/2020": month first in American English, day first in British
_SLASH_DATE = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?!\d)")


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _english_date(s: str) -> str | None:
    s = s[:40]
    num = parse_date(s[:16]) if re.match(r"\d{4}", s) else None
    if num:
        return num
    for rx in _EN_DATE_RES:
        m = rx.match(s)
        if m:
            month = int(m["m"]) if m["m"].isdigit() else _MONTHS[m["m"].lower()]
            return _iso(int(m["y"]), month, int(m["d"]))
    m = _SLASH_DATE.match(s)
    if m:  # (read only where a number over 12 says which is the day)
        a, b = int(m["a"]), int(m["b"])
        if (a > 12) != (b > 12):
            return _iso(int(m["y"]), min(a, b), max(a, b))
    return None


def prints_access_label(text: str) -> bool:
    """Does `text` print an access-date label (访问日期, 2023年3月访问, accessed, [cited …]),
    so that a date find_access_date cannot read (an ambiguous 03/05/2020, a month alone) is
    still a date printed?"""
    return bool(_ACCESS_LABEL_RE.search(text))


def find_access_date(text: str) -> str | None:
    """The first access date printed in `text` as ISO ``YYYY-MM-DD``, or None.

    Recognised: ``[2023-03-01]`` (also ``［2023－03－01］``, ``[2023-3-1]``, ``[2023年3月1日]``),
    ``(2023-03-01)`` right after a URL, ``访问日期：2023年3月1日`` (also 访问时间, 引用/检索/浏览/
    查阅日期, 登录/下载时间, 最后访问日期, 访问于), ``2023年3月1日访问``,
    ``accessed March 1, 2023`` / ``accessed 1 March 2023`` / ``Accessed: 2023-03-01``, NLM's
    ``[cited 2023 Mar 1]`` / ``Accessed 2023 Mar 1``, IEEE's ``[Accessed: 01-Mar-2023]``,
    ``accessed 1.3.2023`` (day first), ``Consulted on …``, biblatex's ``visited on 03/25/2023``
    (where a number over 12 tells day from month).
    A bracketed date is GB/T 7714's 引用日期; a parenthesised date before ``[...]`` is the
    update date and is not taken.
    """
    if not text:
        return None
    norm = _ascii_dashes(to_halfwidth(text))
    found: list[tuple[int, str]] = []
    for m in _BRACKET_DATE_RE.finditer(norm):
        iso = parse_date(m.group(1))
        if iso:
            found.append((m.start(), iso))
            break
    for _url, _s, end in find_urls(norm):
        m = _PAREN_DATE_RE.match(norm, end) or _TRAILING_DATE_RE.match(norm, end)
        if m:
            iso = parse_date(m.group(1))
            if iso:
                found.append((m.start(), iso))
                break
    for m in _ZH_LABEL_DATE_RE.finditer(norm):
        iso = parse_date(m.group(1))
        if iso:
            found.append((m.start(), iso))
            break
    for m in _ZH_DATE_THEN_VERB_RE.finditer(norm):
        iso = parse_date(m.group(1))
        if iso:
            found.append((m.start(), iso))
            break
    # (every English label ends in "ed", and no other character folds to e or d: a note
    # without it is not scanned)
    for m in _EN_LABEL_RE.finditer(norm) if "ed" in norm.lower() else ():
        iso = _english_date(norm[m.end():])
        if iso:
            found.append((m.start(), iso))
            break
    return min(found)[1] if found else None


#: hosts a database stamps on every page it serves (CNKI, VIP 维普, Wanfang 万方, their
#: resellers): a bare host there is a watermark, never a citation
_WATERMARK_HOSTS = re.compile(
    r"(?i)^(?:https?://)?(?:www\.)?(?:cnki\.net|cnki\.com\.cn|cqvip\.com|wanfangdata\.com\.cn|"
    r"ixueshu\.com|paperyy\.com)/?$")
#: a licence the article is published under (CC BY ...), not a source it cites
_LICENCE_RE = re.compile(r"(?i)creativecommons\.org/(?:licenses|publicdomain)"
                         r"|orcid\.org/\d{4}-")  # (an author's ORCID iD is no source either)
#: what a CNKI online-first page prints before the article's own address (网络首发地址,
#: 数字出版地址, 网络出版地址, 优先出版地址): the article itself, not a citation
_OWN_ADDRESS_RE = re.compile(r"(?:网络首发|数字出版|网络出版|优先出版)(?:地址|网址)\s*[:：]?\s*$"
                             # the journal's own site: 本刊网址, 投稿网址, Journal homepage
                             r"|(?:本刊|本期刊|编辑部|投稿)\s*(?:网\s*址|主\s*页|网\s*站|官\s*网|系统)\s*[:：]\s*$"
                             r"|(?i:journal\s+homepage|journal\s+website)\s*:\s*$")
#: a bare site label (网址：, 主页：, Homepage:) opening the note: a masthead line, while
#: "外务省网站：https://…" inside a note names the site a source is on
_OWN_SITE_LINE_RE = re.compile(r"^\s*(?:网\s*址|主\s*页|网\s*站|官\s*网|(?i:homepage|website))\s*[:：]\s*$")
#: the label of an article's own citation line in its printed forms: 引用本文, 文章引用,
#: 本文引用格式, 引用格式, 引文格式, 本文引文格式, 中文引用格式, 引用信息; Cite this article (as),
#: To cite / How to cite this article (Taylor & Francis, Nature), Please cite this article (in
#: press) as (Elsevier), Cite as (AIP), Cite This (ACS), Citation, Recommended citation
#: (bepress). Read here and by parsers.pages (the printed range, the year, the article number).
SELF_CITE_LABEL = (r"(?:引\s*用\s*本\s*文|文\s*章\s*引\s*用"
                   r"|(?:本\s*文|中\s*文|英\s*文|文\s*献)?\s*引\s*[用文]\s*(?:本\s*文\s*)?(?:格\s*式|信\s*息)"
                   r"|(?i:(?:(?:how\s+)?to\s+|please\s+)?cite\s+this(?:\s+(?:article|paper))?(?:\s+in\s+press)?"
                   r"(?:\s+as)?|cite\s+as|(?:recommended\s+|suggested\s+)?citation))")
#: a note giving the article's own citation: its DOI link is the article's, not a source's
_SELF_CITATION_RE = re.compile(rf"^\s*[{LABEL_OPEN}]?\s*{SELF_CITE_LABEL}\s*(?:[:：]|[{LABEL_CLOSE}]\s*[:：]?)")


def is_furniture_url(url: str, before: str = "") -> bool:
    """True for a URL printed in a note that is no citation: a database watermark host,
    a licence, an author's ORCID iD, the article's own online-first address or the
    journal's own site (`before` is the note's text up to the URL)."""
    return bool(_WATERMARK_HOSTS.match(url) or _LICENCE_RE.search(url)
                or _OWN_ADDRESS_RE.search(before[-20:]) or _OWN_SITE_LINE_RE.match(before))


_LEADING_MARKER_RE = re.compile(rf"^\s*\^?\s*(?:[{_CIRCLED}]|[\[［]\s*\d{{1,4}}\s*[\]］])\s*")


def parse_citation(n: int, text: str) -> Citation:
    """A `Citation` for note `n`: the text as printed (minus any leading ①/[1] marker and
    outer whitespace), every URL in order (duplicates kept once), and the access date."""
    clean = despace_urls(_LEADING_MARKER_RE.sub("", text or "", count=1).strip())
    urls: list[str] = []
    if not _SELF_CITATION_RE.match(clean):
        for url, start, _e in find_urls(clean):
            if url not in urls and not is_furniture_url(url, clean[:start]):
                urls.append(url)
    return Citation(n=n, text=clean, urls=urls, accessed=find_access_date(clean) or None)


def split_sources(text: str) -> list[str]:
    """A note citing several web sources, each with its own access date ("A，url1，访问日期：
    2023年1月1日；B，url2，访问日期：2023年2月2日。"), as one text per source, so each URL keeps
    its own date. The note is cut at the first ；/;/。 between consecutive URLs, and only
    when every part then has an access date and they are not all the same; otherwise the
    note comes back whole."""
    text = despace_urls(text)
    found = find_urls(text)
    if len(found) < 2:
        return [text]
    cuts = []
    for (_u, _s, end), (_v, start, _e) in zip(found, found[1:]):
        m = re.search(r"[；;。]", text[end:start])
        if m is None:
            return [text]
        cuts.append(end + m.end())
    parts = [text[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(text)])]
    dates = [find_access_date(p) for p in parts]
    if not all(dates) or len(set(dates)) == 1:
        return [text]
    return parts


# a reference-list heading, possibly with its translation: 参考文献（References）
REF_HEADING = re.compile(
    r"^\s*(?:#+\s*)?(?:\*\*)?\s*[【\[〔［]?\s*(?:主要)?"
    r"(?:(?:参\s*考\s*文\s*献|注\s*释)\s*[与及和]\s*(?:参\s*考\s*文\s*献|注\s*释)|"
    r"参\s*考\s*文\s*献|引\s*用\s*文\s*献|参考资料|注\s*释|"
    r"(?i:references?|bibliography|works\s+cited))\s*[】\]〕］]?\s*(?:[（(]\s*(?i:references?|bibliography|notes?)\s*[)）])?"
    r"\s*(?:\*\*)?\s*[:：]?\s*(?:\*\*)?\s*$"
)


def parse_reference_list(lines: list[str]) -> list[Citation]:
    """Citations from a 参考文献 / References section with ``[1]`` ``[2]`` … entries
    (GB/T 7714 style), entries continued across lines re-joined as in `split_notes`.

    Heading lines (参考文献, References, 注释 ...) are skipped.  ``n`` is the printed
    number, or the running position when an entry has no number.
    """
    body = [ln for ln in lines if not REF_HEADING.match(ln or "")]
    notes = split_notes(body, kinds=("bracket", "circled", "dotted"))
    out = []
    for i, (marker, text) in enumerate(notes, 1):
        out.append(parse_citation(marker_number(marker) or i, text))
    return out
