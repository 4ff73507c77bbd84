"""JATS 1.3 (Journal Publishing) for one article, built region by region with lxml.

`build_article(issue, article, settings)` returns an `etree._ElementTree`; each `add_*`
function adds one region (STYLE.md: one function per XML region). Text goes in through
lxml, which escapes `<` and `&`; characters XML cannot carry (C0 controls) are dropped
by `clean`. Record problems an archive would reject (no title at all, a malformed ISSN)
raise `SchemaInvalid` naming the article.

Shared helpers used by the Crossref builder live here too: `clean`, `name_forms`,
`parse_date`, `issn_problem`, `find_dois`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from parsers.errors import SchemaInvalid
from parsers.names import SURNAME_PARTICLES
from schemas.jats_links import LinkNote, add_notes
from schemas.model import Article, Citation, Contributor, Issue, LangText
from schemas.settings import JournalSettings

XLINK = "http://www.w3.org/1999/xlink"
MATHML = "http://www.w3.org/1998/Math/MathML"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ALI = "http://www.niso.org/schemas/ali/1.0/"  # NISO Access and License Indicators
NSMAP = {"xlink": XLINK, "mml": MATHML}
DTD_VERSION = "1.3"

#: publication-type values (JATS Tag Library suggested values; "webpage" as SciELO/PMC use)
PUB_TYPE_WEB = "webpage"

# ------------------------------------------------------------------------ text helpers

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: str | None) -> str:
    """Text XML 1.0 can carry: control characters dropped, outer whitespace trimmed."""
    return _NOT_XML.sub("", text or "").strip()


def has_bad_chars(text: str | None) -> bool:
    return bool(_NOT_XML.search(text or ""))


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def is_han(text: str) -> bool:
    return _HAN.search(text) is not None


def _last_han(text: str) -> int:
    """The index of the last Han character of `text` (which holds one)."""
    return _LAST_HAN.match(text).start(1)  # (from the end: not a match object per character)


_LAST_HAN = re.compile("(?s).*([\u3400-\u9fff\uf900-\ufaff])")


def other_lang(lang: str) -> str:
    return "en" if lang.startswith("zh") else "zh"


def pick(text: LangText, lang: str) -> str:
    return clean(getattr(text, "zh" if lang.startswith("zh") else "en", ""))


_ISSN_RE = re.compile(r"^(\d{4})-?(\d{3}[\dX])$")


def issn_problem(issn: str) -> str:
    """'' when `issn` is a well-formed ISSN with a correct check digit, else the reason."""
    m = _ISSN_RE.match(issn.strip().upper())
    if not m:
        return f"ISSN {issn!r} is not of the form NNNN-NNNC"
    digits = m.group(1) + m.group(2)
    total = sum(int(d) * w for d, w in zip(digits[:7], range(8, 1, -1)))
    check = (11 - total % 11) % 11
    expected = "X" if check == 10 else str(check)
    if digits[7] != expected:
        return f"ISSN {issn!r} has a wrong check digit (expected {expected})"
    return ""


def norm_issn(issn: str) -> str:
    m = _ISSN_RE.match(issn.strip().upper())
    return f"{m.group(1)}-{m.group(2)}" if m else issn.strip()


_DATE_RE = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})(?:\s*[-./月]\s*(\d{1,2})\s*日?)?")


def parse_date(text: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) from an ISO or Chinese date ('2023-05-01', '2023年5月1日', '2023-05')."""
    text = (text or "").strip()
    if re.fullmatch(r"\d{4}", text):
        return int(text), None, None
    m = _DATE_RE.search(text)
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    day = int(m.group(3)) if m.group(3) else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return year, month, day


def iso_date(parts: tuple[int, int | None, int | None]) -> str:
    year, month, day = parts
    out = f"{year:04d}"
    if month:
        out += f"-{month:02d}"
        if day:
            out += f"-{day:02d}"
    return out


_DOI_IN_TEXT = re.compile(r"\b10\.\d{4,9}/[^\s\"<>，。；、）)\]]+")


def find_dois(text: str) -> list[tuple[int, int, str]]:
    """(start, end, doi) for each DOI printed in `text`, trailing punctuation dropped."""
    out = []
    for m in _DOI_IN_TEXT.finditer(text):
        doi = m.group(0).rstrip(".,;:")
        out.append((m.start(), m.start() + len(doi), doi))
    return out


# ------------------------------------------------------------------------------ names

#: two-character Chinese surnames (the common ones); anything else splits after one char
COMPOUND_SURNAMES = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
    "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "轩辕", "呼延", "澹台", "公冶",
    "太史", "申屠", "赫连", "闻人", "万俟", "东郭", "百里", "钟离", "司空", "濮阳", "淳于",
}


@dataclass
class NameForm:
    surname: str
    given: str
    lang: str  # "zh" for Han script, "en" for the printed English form, "zh-Latn" for pinyin
    style: str  # JATS/Crossref name-style: "eastern" or "western"


def _split_han(full: str) -> tuple[str, str]:
    full = re.sub(r"\s+", "", full)
    if len(full) >= 3 and full[:2] in COMPOUND_SURNAMES:
        return full[:2], full[2:]
    return full[:1], full[1:]


def _title_case(token: str) -> str:
    """A surname printed in capitals, in title case: each word, each part of a hyphenated
    one or one after an apostrophe, and a particle after the first word in lower case ("VAN
    DER BERG" -> "Van der Berg", as a Dutch surname is written without its given name;
    "AL-SAYED" -> "Al-Sayed", "O'NEILL" -> "O'Neill")."""
    if not (token.isupper() and len(token) > 1):
        return token
    words = token.split(" ")
    return " ".join(w.lower() if k and w.lower() in SURNAME_PARTICLES else re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), w)
                    for k, w in enumerate(words))


def _pinyin_of(han: str) -> str:
    from parsers.pinyin_tables import Style, lazy_pinyin

    return "".join(lazy_pinyin(han, style=Style.NORMAL)).lower()


def _split_latin(full: str, han_surname: str) -> tuple[str, str]:
    """Surname and given name from a Latin-script name as printed."""
    full = re.sub(r"\s+", " ", full.strip())
    if "," in full:
        surname, _, given = full.partition(",")
        return _title_case(surname.strip()), given.strip()
    tokens = full.split(" ")
    if len(tokens) == 1:
        return _title_case(tokens[0]), ""
    caps = [i for i, t in enumerate(tokens) if re.fullmatch(r"[A-Z][A-Z'-]+", t)]
    if len(caps) == 1 and len(tokens) > 1 and not all(t.isupper() for t in tokens):
        i = caps[0]
        return _title_case(tokens[i]), " ".join(tokens[:i] + tokens[i + 1:])
    if han_surname:
        py = _pinyin_of(han_surname)
        if py and tokens[-1].lower().replace("-", "") == py and tokens[0].lower().replace("-", "") != py:
            return tokens[-1], " ".join(tokens[:-1])
        return _title_case(tokens[0]), " ".join(tokens[1:])  # Chinese authors: surname first
    return tokens[-1], " ".join(tokens[:-1])


def name_forms(person: Contributor, lang: str = "zh") -> list[NameForm]:
    """The contributor's names, the article language's script first.

    Han-script names get name-style "eastern"; Latin-script forms (the printed English
    name, else the pinyin) get "western", as JATS4R and Crossref use them.
    """
    han_full = clean(person.name.zh)
    latin_full = clean(person.name.en)
    latin_lang = "en"
    if not latin_full and clean(person.name_pinyin):
        latin_full, latin_lang = clean(person.name_pinyin), "zh-Latn"
    surname, given = clean(person.surname), clean(person.given)
    han = latin = None
    if han_full:
        if surname and is_han(surname) and han_full.startswith(surname):
            han = NameForm(surname, given if is_han(given) else han_full[len(surname):], "zh", "eastern")
        else:
            s, g = _split_han(han_full)
            han = NameForm(s, g, "zh", "eastern")
    if latin_full:
        if surname and not is_han(surname) and surname.lower() in latin_full.lower():
            latin = NameForm(_title_case(surname), given, latin_lang, "western")
        else:
            s, g = _split_latin(latin_full, han.surname if han else "")
            latin = NameForm(s, g, latin_lang, "western")
    elif surname and not is_han(surname):
        latin = NameForm(_title_case(surname), given, "en", "western")
    forms = [f for f in (han, latin) if f is not None]
    if lang.startswith("en"):
        forms.reverse()
    return forms


# ------------------------------------------------------------------------ affiliations

_AFF_ADDR = re.compile(r"^(?P<inst>.*?)\s*[（(]\s*(?P<prov>[^\s　，,：:（）()\d]+[\s　]+(?!邮编|邮政编码))?"
                       r"(?P<city>[^\s　，,：:（）()\d]*?)"
                       r"[\s　，,]*(?:邮编|邮政编码)?\s*[：:]?\s*(?P<zip>\d{6})\s*[）)]\s*$")


_AFF_TRAILING = re.compile(r"^(?P<inst>.+?)\s*[，,]\s*(?P<prov>[^\s，,\d]+\s+)?(?P<city>[^\s，,\d]+)\s+(?P<zip>\d{6})$")

# the four municipalities directly under the central government: in '北京市 海淀区' the
# city is 北京 and 海淀区 a district, where in '吉林 长春' the first word is the province
_MUNICIPALITY = re.compile(r"^(?:北京|上海|天津|重庆)市?")


def address_city(first: str, second: str) -> str:
    """The city of a printed address of one or two words before the postcode: a
    municipality wherever it stands (北京市 海淀区, 北京市海淀区 -> 北京市), else the
    second word (吉林 长春 -> 长春: province, city), else the only one."""
    for word in (first, second):
        m = _MUNICIPALITY.match(word or "")
        if m:
            return m.group(0)
    return second or first


def split_affiliation(text: str) -> tuple[str, str, str]:
    """(institution, city, postal code) from '单位（北京 邮编：100007）', '单位，吉林 长春 130012'
    or '单位（北京市 海淀区 100871）' (a municipality is the city, its district is not).

    City and postal code are '' when the text does not print them in one of these forms.
    """
    text = clean(text)
    m = _AFF_ADDR.match(text) or _AFF_TRAILING.match(text)
    if not m or not m.group("inst"):
        return text, "", ""
    return m.group("inst").rstrip("，, "), address_city((m.group("prov") or "").strip(), m.group("city")), m.group("zip")


#: countries as printed at the end of an affiliation -> ISO 3166-1 alpha-2 (JATS4R affiliations)
COUNTRIES = {
    "中国": "CN", "中华人民共和国": "CN", "China": "CN", "P. R. China": "CN", "P.R. China": "CN", "PR China": "CN",
    "P.R.China": "CN", "People's Republic of China": "CN", "日本": "JP", "Japan": "JP", "韩国": "KR",
    "Korea": "KR", "South Korea": "KR", "Republic of Korea": "KR", "UK": "GB", "U.K.": "GB", "United Kingdom": "GB",
    "England": "GB", "USA": "US", "U.S.A.": "US", "US": "US", "United States": "US", "United States of America": "US",
    "美国": "US", "英国": "GB", "Germany": "DE", "德国": "DE", "France": "FR", "法国": "FR", "Canada": "CA",
    "Australia": "AU", "Singapore": "SG", "Russia": "RU", "俄罗斯": "RU", "India": "IN", "Italy": "IT",
    "Netherlands": "NL", "Spain": "ES", "Switzerland": "CH", "Sweden": "SE",
}


def affiliation_country(text: str) -> tuple[str, str, bool]:
    """(country as printed or implied, ISO code, printed?). A country printed as the last
    part ('…, Oxford, UK') is itself; a Chinese unit with a Chinese city or postcode and no
    country printed is in China (中国, CN: GB/T 7713.2 addresses omit it); else ('', '', False)."""
    text = clean(text)
    last = re.split(r"[，,]\s*", text.rstrip(" .。"))[-1].strip()
    if last in COUNTRIES:
        return last, COUNTRIES[last], True
    _, city, postal = split_affiliation(text)
    if is_han(text) and (postal or city):
        return "中国", "CN", False
    return "", "", False


def split_affiliations(text: str) -> list[str]:
    """A contributor's affiliations (the record joins several with '; ')."""
    return [a for a in (clean(part) for part in re.split(r";\s+|；", clean(text))) if a]


def affiliation_ids(article: Article) -> dict[str, str]:
    """Distinct affiliation text -> aff id ('aff1', ...), in order of first appearance."""
    ids: dict[str, str] = {}
    for person in article.contributors:
        for aff in split_affiliations(person.affiliation):
            if aff not in ids:
                ids[aff] = f"aff{len(ids) + 1}"
    return ids


# --------------------------------------------------------------------------- builders


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """SubElement with optional text; attribute names use '_' for '-'. Empty attrs skipped."""
    el = etree.SubElement(parent, tag)
    for key, value in attrs.items():
        if value:
            el.set(key.replace("_", "-"), value)
    if text:
        el.text = text
    return el


def set_lang(el: etree._Element, lang: str) -> etree._Element:
    el.set(XML_LANG, lang)
    return el


def article_language(article: Article) -> str:
    """The article's language, falling back to the other one when only that title exists."""
    lang = "en" if (article.language or "zh").startswith("en") else "zh"
    if not pick(article.title, lang) and pick(article.title, other_lang(lang)):
        lang = other_lang(lang)
    return lang


def check_article(issue: Issue, article: Article, settings: JournalSettings) -> list[str]:
    """Problems that make a JATS record unusable (each a sentence); [] when fine."""
    problems = []
    if not pick(article.title, "zh") and not pick(article.title, "en"):
        problems.append("empty title (neither a Chinese nor an English title)")
    for issn in (issue.journal.issn or settings.issn, settings.eissn):
        if issn and (why := issn_problem(issn)):
            problems.append(why)
    if not clean(issue.journal.issn or settings.issn or settings.eissn):
        problems.append("no ISSN (JATS Journal Publishing requires one): set issn in the journal settings")
    return problems


def build_article(issue: Issue, article: Article, settings: JournalSettings | None = None,
                  links: dict[str, LinkNote] | None = None) -> etree._ElementTree:
    """The JATS 1.3 tree for `article`. Raises SchemaInvalid(article.id, …) on an unusable record.

    `links` (URL → LinkNote, from links.json) adds each cited URL's verdict and archived
    copy to its citation (see schemas.jats_links).
    """
    settings = settings or JournalSettings()
    problems = check_article(issue, article, settings)
    if problems:
        raise SchemaInvalid(f"article {article.id}", "; ".join(problems))
    lang = article_language(article)
    root = etree.Element("article", nsmap=NSMAP)
    root.set("article-type", article.type or "research-article")
    root.set("dtd-version", DTD_VERSION)
    set_lang(root, lang)
    front = etree.SubElement(root, "front")
    add_journal_meta(front, issue, settings)
    add_article_meta(front, issue, article, lang, settings)
    add_back(root, article, lang)
    if links:
        add_notes(root, links)
    return etree.ElementTree(root)


def add_journal_meta(front: etree._Element, issue: Issue, settings: JournalSettings) -> None:
    meta = etree.SubElement(front, "journal-meta")
    add_journal_id(meta, issue, settings)
    add_journal_title_group(meta, issue, settings)
    print_issn = clean(issue.journal.issn or settings.issn)
    if print_issn:
        sub(meta, "issn", norm_issn(print_issn), pub_type="ppub", publication_format="print")
    if settings.eissn:
        sub(meta, "issn", norm_issn(settings.eissn), pub_type="epub", publication_format="electronic")
    publisher = clean(issue.journal.publisher or settings.publisher)
    if publisher:
        pub = etree.SubElement(meta, "publisher")
        sub(pub, "publisher-name", publisher)
        if settings.publisher_loc:
            sub(pub, "publisher-loc", clean(settings.publisher_loc))


def add_journal_id(meta: etree._Element, issue: Issue, settings: JournalSettings) -> None:
    """JATS requires one: the abbreviation, else the CN number, ISSN or title."""
    journal = issue.journal
    value = next((clean(v) for v in (journal.abbrev, settings.abbrev, journal.cn, settings.cn,
                                     journal.issn, settings.issn, journal.title.en, settings.title_en,
                                     journal.title.zh, settings.title_zh) if clean(v)), "unknown")
    sub(meta, "journal-id", value, journal_id_type="publisher-id")


def add_journal_title_group(meta: etree._Element, issue: Issue, settings: JournalSettings) -> None:
    zh = clean(issue.journal.title.zh or settings.title_zh)
    en = clean(issue.journal.title.en or settings.title_en)
    if not zh and not en:
        return
    group = etree.SubElement(meta, "journal-title-group")
    primary, primary_lang, trans, trans_lang = (zh, "zh", en, "en") if zh else (en, "en", "", "")
    set_lang(sub(group, "journal-title", primary), primary_lang)
    if trans:
        tg = set_lang(etree.SubElement(group, "trans-title-group"), trans_lang)
        sub(tg, "trans-title", trans)
    abbrev = clean(issue.journal.abbrev or settings.abbrev)
    if abbrev:
        sub(group, "abbrev-journal-title", abbrev, abbrev_type="publisher")


def add_article_meta(front: etree._Element, issue: Issue, article: Article, lang: str,
                     settings: JournalSettings | None = None) -> None:
    settings = settings or JournalSettings()
    meta = etree.SubElement(front, "article-meta")
    if clean(article.doi):
        sub(meta, "article-id", clean(article.doi), pub_id_type="doi")
    add_article_categories(meta, article)
    add_title_group(meta, article, lang)
    add_contrib_group(meta, article, lang)
    add_author_notes(meta, article, lang)
    add_pub_date(meta, issue)
    if clean(issue.volume):
        sub(meta, "volume", clean(issue.volume))
    if clean(issue.issue):
        sub(meta, "issue", clean(issue.issue))
    add_pages(meta, article)
    add_history(meta, article)
    add_permissions(meta, settings)
    add_self_uri(meta, lang)
    add_abstracts(meta, article, lang)
    add_kwd_groups(meta, article, lang)
    add_funding(meta, article)
    add_custom_meta(meta, article)


def add_article_categories(meta: etree._Element, article: Article) -> None:
    codes = [clean(c) for c in article.clc if clean(c)]
    doc_code = clean(article.doc_code)
    if not codes and not doc_code:
        return
    cats = etree.SubElement(meta, "article-categories")
    if codes:
        group = sub(cats, "subj-group", subj_group_type="CLC", vocab="CLC")
        for code in codes:
            sub(group, "subject", code)
    if doc_code:
        group = sub(cats, "subj-group", subj_group_type="document-code", vocab="CAJ-CD")
        sub(group, "subject", doc_code)


def add_title_group(meta: etree._Element, article: Article, lang: str) -> None:
    group = etree.SubElement(meta, "title-group")
    sub(group, "article-title", pick(article.title, lang))
    trans = pick(article.title, other_lang(lang))
    if trans:
        tg = set_lang(etree.SubElement(group, "trans-title-group"), other_lang(lang))
        sub(tg, "trans-title", trans)


def add_contrib_group(meta: etree._Element, article: Article, lang: str) -> None:
    people = [p for p in article.contributors if name_forms(p, lang)]
    if not people:
        return
    aff_ids = affiliation_ids(article)
    group = etree.SubElement(meta, "contrib-group")
    for person in people:
        add_contrib(group, person, lang, aff_ids)
    for text, aff_id in aff_ids.items():
        add_aff(group, text, aff_id, label=aff_id[3:] if len(aff_ids) > 1 else "")


def corresponding_authors(article: Article) -> list[Contributor]:
    """The contributors the record marks as corresponding (通信作者, Corresponding author)."""
    return [p for p in article.contributors if getattr(p, "corresponding", False)]


def add_contrib(group: etree._Element, person: Contributor, lang: str, aff_ids: dict[str, str]) -> None:
    contrib = sub(group, "contrib", contrib_type="author")
    if getattr(person, "corresponding", False):  # JATS4R: @corresp plus an xref to author-notes/corresp
        contrib.set("corresp", "yes")
    orcid = clean(person.orcid)
    if orcid:
        if not orcid.startswith("http"):
            orcid = f"https://orcid.org/{orcid}"
        sub(contrib, "contrib-id", orcid, contrib_id_type="orcid")
    add_name(contrib, name_forms(person, lang))
    for aff in split_affiliations(person.affiliation):
        xref = sub(contrib, "xref", ref_type="aff", rid=aff_ids[aff])
        if len(aff_ids) > 1:
            xref.text = aff_ids[aff][3:]
    if getattr(person, "corresponding", False):
        sub(contrib, "xref", ref_type="corresp", rid="cor1")
    if clean(person.bio):
        bio = etree.SubElement(contrib, "bio")
        sub(bio, "p", clean(person.bio))
    if clean(person.email):
        sub(contrib, "email", clean(person.email))


def add_name(contrib: etree._Element, forms: list[NameForm]) -> None:
    """One <name>, or <name-alternatives> with one <name xml:lang> per script."""
    parent = contrib if len(forms) == 1 else etree.SubElement(contrib, "name-alternatives")
    for form in forms:
        name = sub(parent, "name", name_style=form.style)
        if len(forms) > 1:
            set_lang(name, form.lang)
        sub(name, "surname", form.surname)
        if form.given:
            sub(name, "given-names", form.given)


def add_aff(group: etree._Element, text: str, aff_id: str, label: str = "") -> None:
    aff = sub(group, "aff", id=aff_id)
    if label:
        sub(aff, "label", label)
    text = clean(text)
    inst, city, postal = split_affiliation(text)
    country, code, printed = affiliation_country(text)
    if printed and inst.endswith(country):  # '…, Oxford, UK' with no postcode: the country is not the institution's
        inst = inst[: -len(country)].rstrip(" ,，")
    institution = sub(aff, "institution", inst)
    # the rest as printed, with the city and postal code tagged in place
    pos = len(inst) if text.startswith(inst) else len(text)
    last = institution
    for tag, value in (("city", city), ("postal-code", postal)):
        at = text.find(value, pos) if value else -1
        if at < 0:
            continue
        last.tail = text[pos:at] or None
        last = sub(aff, tag, value)
        pos = at + len(value)
    at = text.rfind(country, pos) if printed else -1
    if printed and at >= 0:  # tagged where it is printed
        last.tail = text[pos:at] or None
        last = sub(aff, "country", country, country=code)
        pos = at + len(country)
    last.tail = text[pos:] or None
    if country and not printed:  # implied (a Chinese address): added after the printed text
        last.tail = (last.tail or "") + "，"
        sub(aff, "country", country, country=code)


def add_pub_date(meta: etree._Element, issue: Issue) -> None:
    if not issue.year:
        return
    date = sub(meta, "pub-date", publication_format="print", date_type="pub", iso_8601_date=f"{issue.year:04d}")
    sub(date, "year", str(issue.year))


def add_pages(meta: etree._Element, article: Article) -> None:
    fpage, lpage = clean(article.fpage), clean(article.lpage)
    if fpage:
        sub(meta, "fpage", fpage)
        if lpage:
            sub(meta, "lpage", lpage)
    elif clean(article.elocation):
        # (JATS: a page range or an electronic location, never both)
        sub(meta, "elocation-id", clean(article.elocation))


def add_history(meta: etree._Element, article: Article) -> None:
    parts = parse_date(article.received)
    if not parts:
        return
    history = etree.SubElement(meta, "history")
    add_date(history, "date", parts, date_type="received")


def add_date(parent: etree._Element, tag: str, parts: tuple[int, int | None, int | None], **attrs: str) -> etree._Element:
    year, month, day = parts
    date = sub(parent, tag, iso_8601_date=iso_date(parts), **attrs)
    if month and day:
        sub(date, "day", f"{day:02d}")
    if month:
        sub(date, "month", f"{month:02d}")
    sub(date, "year", f"{year:04d}")
    return date


def add_abstracts(meta: etree._Element, article: Article, lang: str) -> None:
    main = pick(article.abstract, lang)
    trans = pick(article.abstract, other_lang(lang))
    if main:
        add_paragraphs(etree.SubElement(meta, "abstract"), main)
    if trans:
        add_paragraphs(set_lang(etree.SubElement(meta, "trans-abstract"), other_lang(lang)), trans)


def add_paragraphs(parent: etree._Element, text: str) -> None:
    for para in [p.strip() for p in text.split("\n") if p.strip()]:
        sub(parent, "p", para)


def add_kwd_groups(meta: etree._Element, article: Article, lang: str) -> None:
    for code in (lang, other_lang(lang)):
        words = [clean(k) for k in getattr(article.keywords, code) if clean(k)]
        if words:
            group = set_lang(sub(meta, "kwd-group", kwd_group_type="author"), code)
            for word in words:
                sub(group, "kwd", word)


def add_author_notes(meta: etree._Element, article: Article, lang: str) -> None:
    """`author-notes/corresp` for the corresponding author (JATS4R: the contrib has
    corresp="yes" and an xref to it), with the author's name and e-mail."""
    people = corresponding_authors(article)
    if not people:
        return
    notes = etree.SubElement(meta, "author-notes")
    corresp = sub(notes, "corresp", id="cor1")
    label = "通信作者：" if lang == "zh" else "Corresponding author: "
    corresp.text = label
    for i, person in enumerate(people):
        forms = name_forms(person, lang)
        name = (forms[0].surname + forms[0].given if forms[0].style == "eastern"
                else f"{forms[0].given} {forms[0].surname}".strip()) if forms else ""
        sep = ("；" if lang == "zh" else "; ") if i else ""
        email = clean(person.email)
        if len(corresp):
            corresp[-1].tail = (corresp[-1].tail or "") + sep + name + ("，" if lang == "zh" else ", ") * bool(email)
        else:
            corresp.text += sep + name + ("，" if lang == "zh" else ", ") * bool(email)
        if email:
            sub(corresp, "email", email)


def add_permissions(meta: etree._Element, settings: JournalSettings) -> None:
    """The journal's licence (`license_url` setting) as JATS4R recommends: `license` with
    xlink:href and an `ali:license_ref` (NISO Access and License Indicators)."""
    url = clean(settings.license_url)
    if not url:
        return
    permissions = etree.SubElement(meta, "permissions")
    lic = etree.SubElement(permissions, "license", nsmap={"ali": ALI})
    lic.set(f"{{{XLINK}}}href", url)
    etree.SubElement(lic, f"{{{ALI}}}license_ref").text = url


#: the article's PDF, written beside article.xml (articles/<id>/article.pdf)
ARTICLE_PDF = "article.pdf"


def add_self_uri(meta: etree._Element, lang: str) -> None:
    """`self-uri` to the article's PDF, relative: the XML and the PDF travel together (as in
    PMC's packages), so the link holds wherever the folder is copied."""
    uri = sub(meta, "self-uri", content_type="pdf")
    uri.set(f"{{{XLINK}}}href", ARTICLE_PDF)


def add_funding(meta: etree._Element, article: Article) -> None:
    """`funding-group`: an `award-group` per funder named in the note (`funding-source`,
    each `award-id`; the project title as `award-name`), then the note as printed."""
    from schemas.funding import parse_funding

    if not clean(article.funding):
        return
    group = etree.SubElement(meta, "funding-group")
    for i, award in enumerate(parse_funding(article.funding), start=1):
        ag = sub(group, "award-group", id=f"fund{i}")
        sub(ag, "funding-source", award.funder)
        for number in award.numbers:
            sub(ag, "award-id", number)
        if award.title:
            sub(ag, "award-name", award.title)
    sub(group, "funding-statement", clean(article.funding))


def add_custom_meta(meta: etree._Element, article: Article) -> None:
    if not clean(article.article_no):
        return
    group = etree.SubElement(meta, "custom-meta-group")
    item = etree.SubElement(group, "custom-meta")
    sub(item, "meta-name", "article-number")
    sub(item, "meta-value", clean(article.article_no))


# ------------------------------------------------------------------------ references


#: GB/T 7714 document type codes ([J], [M], [EB/OL], ...) -> JATS publication-type
GBT7714_TYPES = {
    "J": "journal", "M": "book", "C": "confproc", "D": "thesis", "R": "report", "N": "newspaper",
    "S": "standard", "P": "patent", "EB": PUB_TYPE_WEB, "EB/OL": PUB_TYPE_WEB, "DB": "data",
    "CP": "software", "A": "book", "G": "book", "Z": "other",
}


def citation_type(citation: Citation) -> str:
    """A publication-type for the citation, from what its text shows."""
    text = citation.text
    code = re.search(r"\[(J|M|C|D|R|N|S|P|EB/OL|EB|DB|Z|G|A|CP)(?:/OL)?\]", text)
    if code:  # GB/T 7714 document type code
        return GBT7714_TYPES.get(code.group(1), "other")
    # (each search only where its words occur: an alternation of words tried at every
    # position cost 50 µs a reference, 20 ms for the issue's 432)
    if re.search(r"《[^》]+》[^《]*?\d{4}\s*年\s*第\s*\d+\s*期", text) or (
            ("Vol." in text or "No." in text) and re.search(r"\b(Vol\.|No\.)\s*\d", text)):
        return "journal"
    if any(w in text for w in ("出版社", "出版公司", "书店", "年版")) or (
            ("Press" in text or "Publisher" in text or "Books" in text)
            and re.search(r"\bPress\b|\bPublishers?\b|\bBooks\b", text)):
        return "book"
    if citation.urls or re.search(r"https?://", text):
        return PUB_TYPE_WEB
    return "other"


_CITES = re.compile(r"https?://|www\.|\b10\.\d{4,9}/|\[(?:J|M|C|D|R|N|S|P|EB|DB|Z|G|A|CP)(?:/OL)?\]|《[^》]+》|『[^』]+』"
                    r"|第\s*\d+\s*版|[「“][^」”]+[」”][^。]*?(?<!\d)(?:1[5-9]|20)\d{2}年"
                    r"|出版社|出版公司|书店|年版|\bPress\b|\bet al\b|\bibid\b|\bop\. cit\b|同上|同前|前引|前揭|转引自"
                    r"|第\s*\d+\s*(?:[-—–~～]\s*\d+\s*)?页|\bpp?\.\s*\d", re.I)
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d{2}(?!\d)")


def cites_something(text: str) -> bool:
    """Does this note cite a work? A URL or DOI, a GB/T 7714 type code ([J], [EB/OL]), a
    title in 《》 or 『』, a quoted title followed by a year (「…」、外務省、2014年), a
    publisher or 年版, a page reference (第12页, 第3版, p. 90), an ibid (同上, ibid.), or
    Latin-script text with a year (Ostrom E., Governing the Commons, 1990). When in doubt
    a note is kept: a real citation lost costs more than an explanation deposited.
    An explanatory footnote has none of these (北约在…都设有类似联络处，…提供办公场所。)."""
    text = clean(text)
    if _CITES.search(text):
        return True
    return bool(re.search(r"[A-Za-z]{3,}", text) and _YEAR.search(text))


def add_back(root: etree._Element, article: Article, lang: str) -> None:
    if not article.citations:
        return
    back = etree.SubElement(root, "back")
    ref_list = etree.SubElement(back, "ref-list")
    sub(ref_list, "title", "参考文献" if lang == "zh" else "References")
    for citation in article.citations:
        add_ref(ref_list, citation)


def add_ref(ref_list: etree._Element, citation: Citation) -> None:
    ref = sub(ref_list, "ref", id=f"ref{citation.n}")
    sub(ref, "label", str(citation.n))
    halves = bilingual_halves(citation)
    if halves:  # one reference printed twice, Chinese then English: each half in its language
        alts = etree.SubElement(ref, "citation-alternatives")
        for code, half in zip(("zh", "en"), halves):
            mixed = set_lang(sub(alts, "mixed-citation", publication_type=citation_type(half)), code)
            add_citation_content(mixed, half)
        return
    mixed = sub(ref, "mixed-citation", publication_type=citation_type(citation))
    add_citation_content(mixed, citation)


_EN_START = re.compile(r"(?<=[.．。\]])\s*(?=[A-Z])")


def split_bilingual(text: str) -> tuple[str, str] | None:
    """(Chinese, English) when a reference is printed in Chinese and then again in English
    (many Chinese journals ask for both: '张三. 题名[J]. 刊名, 2019, 74(5): 12-20. ZHANG San.
    Title[J]. Journal, 2019, 74(5): 12-20. (in Chinese)'). The English half starts after a
    full stop past the last Chinese character, holds no Chinese, has four or more Latin words
    and repeats the Chinese half's year; a trailing 'DOI: …' or URL is not a second half."""
    text = clean(text)
    if not is_han(text):
        return None
    last = _last_han(text)
    for m in _EN_START.finditer(text, last + 1):
        zh, en = text[: m.start()].strip(), text[m.end():].strip()
        if re.match(r"(?:DOI|URL|https?:|Available|Retrieved|\[?EB)", en, re.I):
            continue
        years = set(_YEAR.findall(zh)) & set(_YEAR.findall(en))
        if not is_han(en) and years and len(re.findall(r"[A-Za-z]{2,}", en)) >= 4 and len(zh) >= 8:
            return zh, en
    return None


def bilingual_halves(citation: Citation) -> tuple[Citation, Citation] | None:
    """The citation's two halves as citations of their own: each keeps the URLs printed in
    it; the access date goes to the half that prints it (else the Chinese one), and a URL
    printed in neither stays with the Chinese half, so nothing the record knows is lost."""
    split = split_bilingual(citation.text)
    if not split:
        return None
    zh, en = split
    en_urls = [u for u in citation.urls if u in en and u not in zh]
    zh_urls = [u for u in citation.urls if u not in en_urls]
    accessed = iso_date(parse_date(citation.accessed)) if citation.accessed and parse_date(citation.accessed) else ""
    en_has_date = bool(accessed) and _access_span(en, accessed) is not None and _access_span(zh, accessed) is None
    return (Citation(citation.n, zh, zh_urls, None if en_has_date else citation.accessed),
            Citation(citation.n, en, en_urls, citation.accessed if en_has_date else None))


def _access_span(text: str, accessed: str) -> tuple[int, int] | None:
    """Where the printed access date equal to `accessed` is (the last such date)."""
    found = None
    for m in _DATE_RE.finditer(text):
        parts = parse_date(m.group(0))
        if parts and iso_date(parts) == accessed:
            found = (m.start(), m.end())
    return found


def add_citation_content(mixed: etree._Element, citation: Citation) -> None:
    """The printed citation text with URLs, DOIs and the access date tagged in place.

    URLs or an access date that are not found in the text are appended, so nothing the
    record knows is lost.
    """
    text = clean(citation.text)
    spans: list[tuple[int, int, str, str]] = []  # start, end, kind, value

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _, _ in spans)

    missing_urls = []
    for url in dict.fromkeys(clean(u) for u in citation.urls if clean(u)):
        pos = text.find(url)
        while pos >= 0 and not free(pos, pos + len(url)):
            pos = text.find(url, pos + 1)
        if pos >= 0:
            spans.append((pos, pos + len(url), "url", url))
        else:
            missing_urls.append(url)
    for m in re.finditer(r"https?://[^\s<>\"\]]+", text):
        url = m.group(0).rstrip(".,;，。")
        if free(m.start(), m.start() + len(url)):
            spans.append((m.start(), m.start() + len(url), "url", url))
    for start, end, doi in find_dois(text):
        if free(start, end):
            spans.append((start, end, "doi", doi))
    accessed = ""
    if citation.accessed:
        parts = parse_date(citation.accessed)
        accessed = iso_date(parts) if parts else ""
    access_missing = bool(accessed)
    if accessed:
        span = _access_span(text, accessed)
        if span and free(*span):
            spans.append((span[0], span[1], "accessed", accessed))
            access_missing = False
    spans.sort()
    mixed.text = text[: spans[0][0]] if spans else text
    for i, (start, end, kind, value) in enumerate(spans):
        el = _citation_element(mixed, kind, value, text[start:end])
        nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        el.tail = text[end:nxt] or None
    for url in missing_urls:
        _append_text(mixed, " ")
        _citation_element(mixed, "url", url, url)
    if access_missing:
        _append_text(mixed, " [")
        _citation_element(mixed, "accessed", accessed, accessed).tail = "]"


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _citation_element(parent: etree._Element, kind: str, value: str, printed: str) -> etree._Element:
    if kind == "url":
        el = sub(parent, "ext-link", printed, ext_link_type="uri")
        el.set(f"{{{XLINK}}}href", value)
        return el
    if kind == "doi":
        return sub(parent, "pub-id", printed, pub_id_type="doi")
    return sub(parent, "date-in-citation", printed, content_type="access-date", iso_8601_date=value)
