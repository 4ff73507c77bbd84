"""How sure each extracted field is, so an editor checks only what is flagged.

Every field of an article (and the issue's year, number and ISSN) gets a confidence in
[0, 1] from the evidence the record and its pages carry: the validators of codes and
identifiers, the cross-checks between fields that the norms make redundant (文章编号 ↔
year, issue, first page and page count; English names ↔ the pinyin of the Chinese names;
as many English keywords as Chinese ones), the labels found on the article's pages (a page
that prints 摘要 but gave no abstract lost it), and the shape of the value (a title that
holds a label word, an English field with Chinese in it, a name of eleven characters).

A field below `THRESHOLD` gets an `uncertain-field` warning whose message starts with the
field's path and says why, the way `missing-field` does, so report.html marks the value.
The scores are a hand-weighted grammar of these checks, not a trained model: each check
names the convention that makes it evidence, and a field's score is its weakest check.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from parsers import identifiers
from parsers.checks import field_value
from parsers.citations import prints_access_label
from parsers.labels import vocabulary
from parsers.byline_en import PINYIN as _PINYIN_SYLLABLES
from parsers.pdfmeta import Verdict
from parsers.names import (COMMON_SURNAMES, COMPOUND_SURNAMES, SURNAME_PARTICLES, SURNAME_READINGS, fold_pinyin,
                           is_pinyin_of, pinyin_printed, pinyin_syllables, romanisation_of, split_chinese_name,
                           strip_byline_roles, surname_settled)
from schemas.model import UNCERTAIN_FIELD, Article, Issue

THRESHOLD = 0.8
CODE = UNCERTAIN_FIELD

# the field paths scored (schemas/issue.schema.json, `confidence`)
ARTICLE_FIELDS = ("type", "title.zh", "title.en", "contributors.name.zh", "contributors.name.en",
                  "contributors.surname", "contributors.given", "contributors.affiliation", "abstract.zh",
                  "abstract.en", "keywords.zh", "keywords.en", "clc", "doc_code", "doi", "article_no", "fpage",
                  "lpage", "pdf_pages", "citations.urls")
ISSUE_FIELDS = ("journal.issn", "year", "issue")

_CJK = re.compile(r"[\u3400-\u9fff]")
# characters no printed field holds: private use, Yi syllables (a known ToUnicode quirk for
# Chinese punctuation), replacement and control characters, glyph names written as text
_GARBAGE = re.compile(r"[\ue000-\uf8ff\ua000-\ua4cf\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\ufb00-\ufb06]|[\U000f0000-\U0010ffff]"
                      r"|/(?:G[0-9A-F]{2}|C\d|uni[0-9A-F]{4})\b")
# label words of the front matter (GB/T 7713.2 order): inside another field they mean the
# field ran on into its neighbour
_LABEL_ZH = re.compile(r"摘\s*要|关\s*键\s*[词字]|中图分类号|文献标[识志]码|文章编号|作者简介|基金项目|收稿日期|[Dd][Oo][Ii]\s*[:：]")
_LABEL_EN = re.compile(r"\b(?:Abstract|ABSTRACT|Key\s*words?|KEY\s*WORDS|Keywords|CLC|Document code|Article ID|DOI|doi)\b\s*[:：]?"
                       r"|\b(?:Title|Article type|Article Type)\s*[:：]")
# the article type a publisher prints above the title (JATS subj-group), or the masthead:
# neither is part of the title
_TYPE_OR_MASTHEAD = re.compile(r"^(?:Original|Review|Research|Case|Short|Brief|Clinical|Technical)\s+(?:Article|Report|Paper|Communication|Study)\b"
                               r"|^(?:Editorial|Commentary|Perspective|Letter|Erratum)\b|\b(?:Journal|Proceedings|Transactions)\s+of\b"
                               r"|ScienceDirect|Elsevier|Springer|\bWiley\b")
# a reference-list entry: GB/T 7714 type code or "(2019)." with a journal volume
_REFERENCE = re.compile(r"\[(?:J|M|C|D|R|N|EB/OL)\]|\b(?:19|20)\d\d\)?[.,;]\s*\d+\s*\(\d+\)")
_INSTITUTION = re.compile(r"大学|学院|研究|医院|中心|公司|学校|委员会|[部局厅所处院馆社会站室]|Universi|College|Institut|"
                          r"Hospital|School|Center|Centre|Academy|Laborator|Department|Faculty|Ministry|Company|Inc\b|Ltd\b|"
                          r"GmbH|Service|Unit\b|Division|Program|Group|Foundation|Agency|Trust|Clinic|Museum|Office|"
                          r"Council|Society|Station|Survey|Organi[sz]ation|Corporation|Hôpital|Centro|Facult|Technolog|Research")
# a group author signs as a committee or a project group (GB/T 7714 团体责任者)
_GROUP_AUTHOR = re.compile(r"(?:委员会|协作组|编写组|课题组|专家组|工作组|学会|协会|联盟)$")
_BIO = re.compile(r"(?:男|女)[，,]|出生|\d{4}\s*年生|教授[，,]|博士研究生[，,]|硕士[，,]|研究方向|E-?mail", re.I)
# a line-break hyphen left inside an English word: the right part is a bare suffix
_BROKEN_WORD = re.compile(r"[a-z]{2,}-(?:tion|tions|sion|ment|ments|ness|ity|ities|ence|ance|ive|ous|able|ible|ing|ings|"
                          r"ed|ly|ally|ical|ogy|ysis|ize|ized|ise|ised|ure|ures|ial|ian|ory|ary|ism|ist|ists)\b")
_URL_LIKE = re.compile(r"https?\s*:\s*/\s*/|www\s*\.", re.I)


# Priors: fields whose errors no check sees, capped at how often they came out exact on the
# development half (bench/accuracy.py, English-language articles under GROBID's strict
# matching: abstracts 11/22, affiliation lists 11/22). A long English abstract differs from
# the publisher's record in a space around ± or %, a quote's shape or a rejoined hyphen;
# an affiliation list in its separators and address parts. Measured again on every change.
PRIORS_EN = {"abstract.en": (0.75, "a long English text read from a PDF: about one in two differs from the "
                             "publisher's record in spacing, quotes or hyphens"),
             "contributors.affiliation": (0.75, "English affiliations: about one in two differs from the "
                                          "publisher's record in separators or address parts"),
}


@dataclass
class Scores:
    """Each field's weakest check: (confidence, why)."""
    by_field: dict[str, tuple[float, str]] = field(default_factory=dict)

    def cap(self, key: str, value: float, why: str) -> None:
        if key not in self.by_field or value < self.by_field[key][0]:
            self.by_field[key] = (value, why)

    def score(self, key: str) -> float:
        return self.by_field.get(key, (1.0, ""))[0]


# doubts the extraction itself had about a field, by article (`id` of the record; dropped
# with it): where an English abstract or keyword list ends decided by weak evidence (the
# page's or a column's end, a change of type size alone; parsers.article_en). Kept beside
# the record, not in it: issue.json holds the confidence and warning they lead to.
def note_doubt(record: Article, key: str, value: float, why: str) -> None:
    """Cap `key` of `record` at `value` when it is assessed, for the reason `why`."""
    record.doubts.append((key, value, why))


def clear_doubts(record: Article, keys: tuple[str, ...]) -> None:
    """Forget the doubts noted on `keys` of `record` (the field is read again)."""
    record.doubts[:] = [d for d in record.doubts if d[0] not in keys]


@dataclass
class PageEvidence:
    """What the article's pages showed, beyond the record: labels found (classify()) and
    whether its first and last printed page numbers were read or inferred."""
    labels: set[str] = field(default_factory=set)
    fpage_seen: bool = True
    lpage_seen: bool = True
    english_elsewhere: bool = False   # the issue prints English titles for other articles
    text: str = ""                    # its first pages' text, spaces removed (labels the label pass missed)
    ocr: bool = False                 # the first page's text is an OCR layer drawn over a scan
    pages_after: int = 0              # text pages right after it that no article took
    page_doubts: list[tuple[str, str]] = field(default_factory=list)  # (field, why) from the issue's page sequence
    # lines read by OCR here (parsers.ocr), spaces removed, with the engine's confidence
    ocr_lines: list[tuple[str, float]] = field(default_factory=list)
    # every line of its pages that prints an address, with the line under it (url_lines())
    url_lines: list[tuple[str, str]] = field(default_factory=list)
    folios_seen: int | None = None    # how many of its pages print a folio that was read (None: not known)
    folios_by_ocr: bool = False       # the issue's folios were read by OCR from margins its text layer left empty
    untrusted: str = ""               # why its first page's text layer is not trusted, when OCR did not read it
    metadata: "Verdict | None" = None  # what the file's own metadata confirms and disputes (parsers.pdfmeta)
    # why the cut before it and the one after it rest on type size alone (parsers.extract.weak_split)
    weak_split: tuple[str, str] = ("", "")
    toc_authors: str = ""             # the authors its 目录 entry prints (a whole issue's contents)


# the record's field -> its label field in layouts/labels.toml (the one label vocabulary)
_LABEL_FIELDS = {"abstract.zh": "abstract_zh", "keywords.zh": "keywords_zh", "clc": "clc", "doc_code": "doc_code",
                 "article_no": "article_no", "doi": "doi", "abstract.en": "abstract_en", "keywords.en": "keywords_en"}


@lru_cache(maxsize=None)
def _printed_label(key: str) -> re.Pattern[str] | None:
    """Any printed form of the field's labels in text whose spaces are removed (a letter-spaced
    摘 要 or a bracketed 【关键词】 the label pass did not take for a label)."""
    labels = vocabulary()["fields"].get(_LABEL_FIELDS.get(key, ""), {}).get("labels", [])
    return re.compile("|".join(re.escape(re.sub(r"\s+", "", x)) for x in labels)) if labels else None


def _label_printed(ev: PageEvidence, key: str) -> bool:
    pattern = _printed_label(key)
    return bool(pattern and ev.text and pattern.search(ev.text))


def _garbage(text: str) -> bool:
    return bool(_GARBAGE.search(text or ""))


def _warned(art: Article, code: str) -> bool:
    return any(w.code == code for w in art.warnings)


# brackets and quotes a printed text pairs; a list's enumerator ("1)", "a）" after a
# sentence's start or a semicolon) is the one closer printed alone
_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("【", "】"), ("[", "]"), ("［", "］"))
_ENUMERATOR = re.compile(r"(?:^|(?:(?<=[；;，,。:：])|(?<=\band)|(?<=\bor)|(?<=[和及或]))\s*)(?:\d{1,2}|[a-z]|[ivx]{1,4})[)）]")


def _unpaired(text: str) -> str:
    """The first bracket or quote `text` opens and does not close (or closes unopened)."""
    if not any(a in text or b in text for a, b in _PAIRS):
        return ""
    bare = _ENUMERATOR.sub("", text)
    return next((a + b for a, b in _PAIRS if bare.count(a) != bare.count(b)), "")


def _text_checks(s: Scores, key: str, text: str, *, english: bool, min_len: int, max_len: int) -> None:
    """Shape checks every text field shares."""
    if not text:
        return
    if pair := _unpaired(text):
        # (a text layer that lost a character, or a field cut at a line or run on into the
        # next, leaves one half of a pair: on the visible truth every title and abstract pairs them)
        s.cap(key, 0.7, f"a {pair} pair is left open: part of the text may be lost or run on")
    if _garbage(text):
        s.cap(key, 0.2, "holds characters no printed text has (private-use, Yi or control characters)")
    if english and _CJK.search(text):
        s.cap(key, 0.3, "an English field with Chinese characters in it")
    if not english and not _CJK.search(text):
        s.cap(key, 0.4, "a Chinese field without Chinese characters")
    if not english and re.search(r"([，。；、：])\1", text):
        s.cap(key, 0.6, "a doubled punctuation mark: a character between them was lost")
    size = len(text)
    if size < min_len:
        s.cap(key, 0.5, f"unusually short ({size} characters)")
    if size > max_len:
        s.cap(key, 0.5, f"unusually long ({size} characters): may have run on into the next field")
    if english and re.search(r"\b[A-Za-z]{28,}\b", text):
        s.cap(key, 0.4, "words run together (the text layer drew no word spaces)")
    if english and _BROKEN_WORD.search(text):
        s.cap(key, 0.6, f"a line-break hyphen left inside a word (“{_BROKEN_WORD.search(text).group(0)}”)")


def _titles(art: Article, ev: PageEvidence, s: Scores) -> None:
    zh, en = art.title.zh, art.title.en
    english_article = art.language == "en" or (not zh and en)
    if not zh and not english_article:
        s.cap("title.zh", 0.2, "no Chinese title found")
    # (an editorial's or a column's title may be two characters: 卷首语, 编后)
    _text_checks(s, "title.zh", zh, english=False, min_len=4 if art.type == "research-article" else 2, max_len=80)
    if zh and _LABEL_ZH.search(zh):
        s.cap("title.zh", 0.3, "holds a front-matter label")
    if zh and re.search(r"[*∗①②③\d]$", zh) and not re.search(r"\d{4}$", zh):
        s.cap("title.zh", 0.6, "ends in a footnote mark")
    if zh and re.search(r"—{3,}|-{3,}", zh):
        s.cap("title.zh", 0.7, "a dash run of three or more (the text layer's, not a printed 破折号)")
    if zh and re.search(re.escape(re.sub(r"\s+", "", zh)) + r"\n(?:——|—|--)", ev.text):
        s.cap("title.zh", 0.5, "the line under it opens with a dash: a subtitle may have been left out")
    if zh and re.fullmatch(r"\s*[·•【\[（(]\s*\S{2,8}\s*[·•】\]）)]\s*", zh):
        s.cap("title.zh", 0.2, f"“{zh}” is a column label (·综述·, 【专题】), not a title")
    if _warned(art, "toc-title-mismatch"):
        s.cap("title.zh", 0.5, "differs from the 目录 entry")
    english_seen = bool(art.abstract.en or art.keywords.en or any(c.name.en for c in art.contributors)
                        or ev.labels & {"abstract_en", "keywords_en"} or _label_printed(ev, "abstract.en"))
    if not en:
        if english_seen:
            s.cap("title.en", 0.3, "an English abstract, keywords or names were found, but no English title")
        elif ev.english_elsewhere and not english_article and art.type == "research-article" and art.abstract.zh:
            s.cap("title.en", 0.6, "other articles of the issue print an English title; none was found here")
    _text_checks(s, "title.en", en, english=True, min_len=8, max_len=300)
    if en and _LABEL_EN.search(en):
        s.cap("title.en", 0.3, "holds a front-matter label")
    if en and re.search(r"\d{4}\s*[-－]\s*\d{3}[\dXx]\s*[(（]", en):
        s.cap("title.en", 0.3, "holds a 文章编号 (the code line ran into the title)")
    if en and _TYPE_OR_MASTHEAD.search(en):
        s.cap("title.en", 0.4, "opens with an article type or names a journal or publisher (a masthead line)")
    if en and english_article and len(en.split()) < 4:
        s.cap("title.en", 0.5, "fewer than four words: may be a masthead or running head")
    if en and _REFERENCE.search(en):
        s.cap("title.en", 0.3, "looks like a reference-list entry")
    if _warned(art, "english-title-mismatch"):
        s.cap("title.en", 0.5, "differs from the issue-end English entry")
    if en and _names_in(en, art):
        s.cap("title.en", 0.4, "holds an author's name (the English byline ran into the title)")


def _english_punctuation(s: Scores, key: str, text: str, english_article: bool, hyphens: bool) -> None:
    """English text with no space after its punctuation: an export that lost the spaces,
    or words run together. (Full-width punctuation in the English block of a Chinese
    article is how many Chinese typesetters print it: not doubtful.)"""
    if re.search(r"[a-z][,;][A-Za-z]|[a-z]“", text):
        s.cap(key, 0.7 if english_article else 0.85, "punctuation without the space after it")
    hyphenated = re.findall(r"\b[a-z]{2,}-[a-z]{3,}\b", text) if hyphens else []
    if len(hyphenated) >= 3 and len(hyphenated) * 40 > len(text.split()):
        s.cap(key, 0.7, f"{len(hyphenated)} hyphenated words (“{hyphenated[0]}”): line-break hyphens may be left in")


def _names(art: Article, ev: PageEvidence, s: Scores) -> None:
    people = art.contributors
    english_article = art.language == "en" or (not art.title.zh and art.title.en)
    if not people:
        if art.type != "editorial":  # (an editorial may be unsigned; an article or a review is not)
            for key in ("contributors.name.zh", "contributors.name.en", "contributors.surname",
                        "contributors.given", "contributors.affiliation"):
                s.cap(key, 0.4, "no authors found")
        return
    for c in people:
        zh = c.name.zh
        if zh:
            core = zh.replace("·", "").replace("•", "")
            group = bool(_GROUP_AUTHOR.search(zh))
            latin = bool(re.fullmatch(r"(?:[A-Z][a-z]+|[A-Z]\.)(?:[ -](?:[A-Z][a-z]+|[A-Z]\.))+", zh))  # Lei Zhang, Eric P. F. Chow
            if not (group or latin) and (not _CJK.search(zh) or not re.fullmatch(r"[\u3400-\u9fff]{2,4}", core) and "·" not in zh):
                s.cap("contributors.name.zh", 0.5, f"“{zh}” is not shaped like a Chinese name (2–4 characters)")
            if _INSTITUTION.search(zh) and len(zh) > 4 and not group:
                s.cap("contributors.name.zh", 0.2, f"“{zh}” names an institution")
            elif not (group or latin) and re.fullmatch(r"[\u3400-\u9fff]{2,4}", zh) and zh[0] not in COMMON_SURNAMES \
                    and zh[:2] not in COMPOUND_SURNAMES and not _surname_reading_printed(zh, c.name.en):
                # some 400 surnames name nearly every Han Chinese; another first character is
                # a rare surname, a minority name, or a misread (扬 for 杨) or a piece of text
                s.cap("contributors.name.zh", 0.7, f"“{zh[0]}” (of “{zh}”) is not a common Chinese surname")
        elif not english_article:
            # a Chinese article's author has a Chinese name (or one printed in Latin letters in
            # the Chinese byline); an English name alone was paired with no byline name
            s.cap("contributors.name.zh", 0.5, f"no Chinese name for “{c.name.en or c.surname}”")
        en = c.name.en
        if en:
            if _CJK.search(en) or re.search(r"\d", en):
                s.cap("contributors.name.en", 0.3, f"“{en}” holds Chinese characters or digits")
            if len(en.split()) > 5 or _INSTITUTION.search(en):
                s.cap("contributors.name.en", 0.3, f"“{en}” is not shaped like a name")
            # (a Taiwan or Hong Kong author's name in Wade–Giles or Cantonese spelling is theirs too)
            if zh and _CJK.search(zh) and not romanisation_of(zh, en):
                s.cap("contributors.name.en", 0.5, f"“{en}” is not the pinyin of “{zh}”")
                s.cap("contributors.name.zh", 0.6, f"“{zh}” does not read as “{en}”")
        if not c.surname:
            s.cap("contributors.surname", 0.5, f"no surname for “{zh or en}”")
        elif zh and _CJK.search(zh) and not zh.startswith(c.surname) and c.surname != split_chinese_name(zh)[0]:
            # (a dotted minority or foreign name, 阿不都·热合曼, 埃里克·周: its surname is the last part)
            s.cap("contributors.surname", 0.5, f"surname “{c.surname}” is not the start of “{zh}”")
        elif english_article and en and c.surname not in en:
            s.cap("contributors.surname", 0.4, f"surname “{c.surname}” is not part of “{en}”")
        elif zh and not surname_settled(zh, en) and c.surname == split_chinese_name(zh)[0]:
            s.cap("contributors.surname", 0.6, f"where the surname of “{zh}” ends is not settled: no known "
                                               "compound surname and no English name says")
        if english_article and not c.given:
            s.cap("contributors.given", 0.6, f"no given name for “{en or zh}”")
    named_en = [c for c in people if c.name.en]
    if named_en and len(named_en) != len(people):
        s.cap("contributors.name.en", 0.4, f"{len(named_en)} English names for {len(people)} authors")
    if not english_article and not named_en and (art.title.en or art.abstract.en or _label_printed(ev, "abstract.en")):
        s.cap("contributors.name.en", 0.6, "the article has an English block but no English names were found")
    _affiliations(people, s)
    if ev.ocr:
        for key in ("contributors.name.zh", "contributors.surname", "contributors.affiliation"):
            s.cap(key, 0.7, "read from an OCR layer over a scan: characters may be misread")


def _follow_names(art: Article, s: Scores) -> None:
    """The surnames and affiliations are read per author: a doubtful list of names makes them
    doubtful (once every check has had its say on the names, the byline's and the table of
    contents' included)."""
    english_article = art.language == "en" or (not art.title.zh and art.title.en)
    worst = min(s.score("contributors.name.zh"), s.score("contributors.name.en") if english_article else 1.0)
    for key in ("contributors.surname", "contributors.affiliation"):
        if worst < s.score(key):
            s.cap(key, worst, "follows the names")


def _surname_reading_printed(zh: str, en: str) -> bool:
    """A rare surname whose English name spells its surname reading where that differs from
    the character's everyday one (召 Shao, not Zhao; 种 Chong, not Zhong): the printed name
    says the character is read as a surname, so it is not a misread."""
    reading = SURNAME_READINGS.get(zh[:1])
    if not reading or not en or reading == "".join(pinyin_syllables(zh[:1])):
        return False
    words = [fold_pinyin(w) for w in en.replace(",", " ").split()]
    return bool(words) and fold_pinyin(reading) in (words[0], words[-1])


def _affiliations(people: list, s: Scores) -> None:
    missing = [c for c in people if not c.affiliation]
    if missing:
        s.cap("contributors.affiliation", 0.4, f"{len(missing)} of {len(people)} authors have no affiliation")
    byline = [c.name.zh for c in people if c.name.zh and len(c.name.zh) >= 2]
    for c in people:
        aff = c.affiliation
        if not aff:
            continue
        # (a note about the author, 张三：北京大学…教授, read as the unit: GB/T 7713.2 units name no person)
        if any(re.match(rf"\s*{re.escape(n)}\s*[：:，,（(]", aff) for n in byline):
            s.cap("contributors.affiliation", 0.5, f"“{aff[:40]}” opens with an author's name")
        if re.match(r"\s*(?:[\u2460-\u2473\u2776-\u277f*∗†]|\d{1,2}[.．、\s])", aff):
            s.cap("contributors.affiliation", 0.6, f"“{aff[:40]}” starts with an affiliation mark")
        if not _INSTITUTION.search(aff):
            s.cap("contributors.affiliation", 0.5, f"“{aff[:40]}” names no institution")
        if _BIO.search(aff):
            s.cap("contributors.affiliation", 0.5, f"“{aff[:40]}” reads like a biography")
        if len(aff) > (150 if _CJK.search(aff) else 300):
            s.cap("contributors.affiliation", 0.6, "unusually long")
        if _garbage(aff):
            s.cap("contributors.affiliation", 0.2, "holds characters no printed text has")


def _abstracts_keywords(art: Article, ev: PageEvidence, s: Scores) -> None:
    english_article = art.language == "en" or (not art.title.zh and art.title.en)
    if not art.abstract.zh and ("abstract_zh" in ev.labels or (_label_printed(ev, "abstract.zh") and not english_article)):
        s.cap("abstract.zh", 0.2, "the pages print 摘要 but no abstract was read")
    _text_checks(s, "abstract.zh", art.abstract.zh, english=False, min_len=40, max_len=2500)
    if art.abstract.zh and re.search(r"关\s*键\s*[词字]|Abstract|中图分类号", art.abstract.zh):
        s.cap("abstract.zh", 0.3, "ran on into the next field")
    if not art.abstract.en:
        if "abstract_en" in ev.labels or _label_printed(ev, "abstract.en"):
            s.cap("abstract.en", 0.2, "the pages print Abstract but no English abstract was read")
        elif art.title.en and not english_article:
            s.cap("abstract.en", 0.6, "an English title was found but no English abstract")
        elif english_article and art.type == "research-article":
            s.cap("abstract.en", 0.4, "no abstract found")
        elif ev.english_elsewhere and art.type == "research-article" and art.abstract.zh:
            s.cap("abstract.en", 0.6, "other articles of the issue print an English title; no English abstract was found here")
    _text_checks(s, "abstract.en", art.abstract.en, english=True, min_len=80, max_len=6000)
    for key, text in (("abstract.en", art.abstract.en), ("title.en", art.title.en)):
        if text:
            _english_punctuation(s, key, text, english_article, hyphens=key == "abstract.en")
    ab = art.abstract.en
    if ab and not re.search(r"[.?!)\]。]\W*$", ab):
        s.cap("abstract.en", 0.6, "does not end a sentence: it may be cut off")
    if ab and re.search(r"\b(?:Introduction|INTRODUCTION|Copyright|Received:|Citation:|Published:|Accepted:)|©", ab):
        s.cap("abstract.en", 0.5, "holds a heading or a note of what follows the abstract")
    if ab and re.match(r"(?:Background|Objectives?|Aims?|Purpose|Introduction|Context)\b", ab):
        s.cap("abstract.en", 0.7, "a structured abstract: its headings may be printed differently from the record")
    if art.abstract.en and re.search(r"Key\s*words?\s*[:：]|关键词", art.abstract.en, re.I):
        s.cap("abstract.en", 0.3, "ran on into the keywords")
    if not english_article:
        _translation_lengths(art, s)
    kz, ke = art.keywords.zh, art.keywords.en
    if not kz and ("keywords_zh" in ev.labels or (_label_printed(ev, "keywords.zh") and not english_article)):
        s.cap("keywords.zh", 0.2, "the pages print 关键词 but none were read")
    if not ke and ("keywords_en" in ev.labels or _label_printed(ev, "keywords.en")):
        s.cap("keywords.en", 0.2, "the pages print Key words but none were read")
    if not ke and english_article and art.abstract.en and "keywords_en" not in ev.labels:
        s.cap("keywords.en", 0.85, "")
    elif not ke and kz and (art.abstract.en or ev.english_elsewhere) and not english_article:
        # (CAJ-CD B/T 1-2006 and GB/T 7713.2: a Chinese article's English abstract comes with
        # Key words that translate its 关键词; a journal that prints the one prints the other)
        s.cap("keywords.en", 0.6, "关键词 and an English abstract were read, but no English key words" if art.abstract.en
              else "other articles of the issue print an English title; no English key words were found here")
    if kz:
        if len(kz) == 1 or len(kz) > 12:
            s.cap("keywords.zh", 0.5, f"{len(kz)} keywords: the separator may have been missed")
        if any(len(k) > 16 for k in kz):
            s.cap("keywords.zh", 0.5, "a keyword longer than 16 characters: a separator may have been missed")
        lengths = sorted(len(k) for k in kz)
        if len(kz) > 2 and lengths[-1] >= 7 and lengths[-1] >= 2 * lengths[len(lengths) // 2]:
            s.cap("keywords.zh", 0.7, "one keyword twice as long as the others: a separator may have been missed")
        for k in kz:
            _text_checks(s, "keywords.zh", k, english=False, min_len=1, max_len=40)
    if ke:
        if any(len(k) > 60 for k in ke) or len(ke) > 15:
            s.cap("keywords.en", 0.5, "a keyword longer than 60 characters: a separator may have been missed")
        for k in ke:
            _text_checks(s, "keywords.en", k, english=True, min_len=1, max_len=120)
    if kz and ke and len(kz) != len(ke):
        s.cap("keywords.zh", 0.7, f"{len(kz)} Chinese keywords, {len(ke)} English")
        s.cap("keywords.en", 0.7, f"{len(ke)} English keywords, {len(kz)} Chinese")


# An English title and abstract of a Chinese article translate the Chinese ones (GB/T 7713.2:
# the English abstract corresponds to the Chinese in content): English runs about 2.5 to 6
# letters per Chinese character (2.6-5.4 for abstracts, 3.0-6.3 for titles on the visible
# truth). Far outside that one of the two lost part of itself or ran on into a neighbour;
# the bounds are wide, for journals whose English abstract is longer ("extended abstract").
_EN_PER_ZH = {"abstract": (1.2, 12.0), "title": (1.2, 14.0)}


def _translation_lengths(art: Article, s: Scores) -> None:
    for part, (low, high) in _EN_PER_ZH.items():
        zh, en = getattr(art, part).zh or "", getattr(art, part).en or ""
        han = len(_CJK.findall(zh))
        if han < (40 if part == "abstract" else 6) or not en:
            continue
        ratio = len(en) / han
        if ratio < low:
            s.cap(f"{part}.en", 0.6, f"{len(en)} letters for the {han} characters of the Chinese {part}: "
                                     "a translation that short has likely lost a part")
        elif ratio > high:
            why = f"{len(en)} letters for the {han} characters of the Chinese {part}: one of them lost a part or ran on"
            s.cap(f"{part}.en", 0.6, why)
            s.cap(f"{part}.zh", 0.7, why)


def _codes(art: Article, ev: PageEvidence, s: Scores) -> None:
    for key, label, value in (("clc", "clc", art.clc), ("doc_code", "doc_code", art.doc_code),
                              ("doi", "doi", art.doi), ("article_no", "article_no", art.article_no)):
        if not value and (label in ev.labels or _label_printed(ev, key)):
            s.cap(key, 0.3, "its label is printed but no value was read")
    if (art.type == "research-article" and art.language == "zh" and not art.abstract.zh and not art.keywords.zh
            and art.pdf_pages[1] - art.pdf_pages[0] >= 2 and _CJK.search(art.title.zh or "")):
        for key in ("abstract.zh", "keywords.zh", "clc", "doc_code", "article_no", "title.en", "abstract.en",
                    "keywords.en", "contributors.name.en"):
            s.cap(key, 0.7, "no front-matter field of a research article was read: the layout may not have been")
    if not art.doi and art.language == "en" and art.type == "research-article" and "doi" not in ev.labels:
        # (an English journal article has carried a registered DOI on its first page since
        # about 2000, and a Crossref deposit cannot go without one: the editor supplies it)
        s.cap("doi", 0.6, "no DOI was read: a research article registers one, which the deposit needs")
    if art.clc and not all(identifiers.valid_clc(c) for c in art.clc):
        s.cap("clc", 0.3, "not valid CLC syntax")
    if art.doc_code and not identifiers.valid_doc_code(art.doc_code):
        s.cap("doc_code", 0.3, "outside A–E")
    if art.doi and re.search(r"https?:|doi\.org|\s", art.doi):
        s.cap("doi", 0.2, "holds a link or a space: something ran into it")
    if art.doi and not identifiers.valid_doi(art.doi):
        s.cap("doi", 0.3, "not valid DOI syntax")
    ends = [ev.text[m.end():m.end() + 2] for m in re.finditer(re.escape(art.doi), ev.text)] if art.doi else []
    # (every printing of it goes on: a dash, a slash, a letter, or a dot before more of it)
    if ends and all(re.match(r"[-−‐‑–/\w]|\.\w", e) for e in ends):
        s.cap("doi", 0.3, "the page prints more of it than was read (a DOI cut at a dash or a line end)")
    if _warned(art, "doi-prefix"):
        s.cap("doi", 0.5, "its prefix differs from the issue's other DOIs")
    if art.article_no and identifiers.parse_article_no(art.article_no) is None:
        s.cap("article_no", 0.4, "not shaped like ISSN(year)issue-page-count")
    for w in art.warnings:
        if w.code in ("article-no-issn", "article-no-year", "article-no-issue"):
            s.cap("article_no", 0.6, "disagrees with the issue: " + w.message[:80])
        elif w.code == "article-no-fpage":
            s.cap("article_no", 0.6, "disagrees with the printed first page")
            s.cap("fpage", 0.5, "disagrees with the 文章编号")
            # (the last page is counted on from the first: a doubted first page doubts it too)
            s.cap("lpage", 0.5, "counted on from a first page the 文章编号 contradicts")
        elif w.code == "article-no-page-count":
            s.cap("lpage", 0.5, "the 文章编号 page count disagrees")
            s.cap("pdf_pages", 0.5, "the 文章编号 page count disagrees")


def _pages(art: Article, ev: PageEvidence, s: Scores) -> None:
    per_article = _warned(art, "article-pagination")  # (pages numbered within the article: none expected)
    if art.elocation:
        # (most such journals build the DOI's suffix on the article number: PLOS
        # journal.pone.0115884 for e0115884, Frontiers fpsyg.2014.01582 for 1582, Hindawi
        # 2016/5482578; Nature's and BMC's do not, but print it in every page's running head)
        number = art.elocation.lstrip("eE").lstrip("0")
        suffix = re.sub(r"\D", "", art.doi.split("/", 1)[-1]) if art.doi else ""
        if not number or (number not in suffix and ev.text.count(art.elocation) < 2):
            s.cap("elocation", 0.7, "the article number is neither part of the DOI nor repeated in the running "
                                    "heads: it was read from one citation form that another number could fill")
    if not art.fpage and not per_article:
        s.cap("fpage", 0.4, "no printed first page found")
    elif not art.fpage:
        # (JATS gives such an article an elocation-id and no fpage, but publishers' own
        # records differ: some put the article number in fpage and lpage; the editor decides)
        s.cap("fpage", 0.7, "none: pages numbered within the article, which is cited by its number "
                            "(some deposits give that number as first and last page)")
        s.cap("lpage", 0.7, "none: pages numbered within the article")
    elif art.fpage == "1" and art.language == "en":
        s.cap("fpage", 0.7, "page 1: an article-number journal counts pages per article, not per volume")
        s.cap("lpage", 0.7, "page 1 first: may be the article's own page count")
    elif not ev.fpage_seen:  # (first pages often print no folio: inferred is the usual case, seldom wrong)
        s.cap("fpage", 0.85, "inferred from the neighbouring pages' numbers, not printed on the page")
    if ev.folios_by_ocr and art.fpage:
        # (parsers.margin_ocr: digits read from the image, however well several pages agree,
        # are a reading the editor confirms, not a printed text)
        why = "the page numbers were read by OCR from the page images: the text layer prints none"
        s.cap("fpage", 0.75, why)
        if art.lpage:
            s.cap("lpage", 0.75, why)
    if _warned(art, "cut-off"):
        s.cap("lpage", 0.6, "the file does not hold the article's end")
    elif not art.lpage and not per_article:
        s.cap("lpage", 0.4, "no printed last page found")
    elif not ev.lpage_seen:
        s.cap("lpage", 0.85, "inferred from the neighbouring pages' numbers")
    for key, why in ev.page_doubts:
        s.cap(key, 0.6, why)
    if ev.pages_after:
        s.cap("pdf_pages", 0.6, f"{ev.pages_after} text page(s) after it belong to no article: it may end later")
        s.cap("lpage", 0.6, "text pages after it belong to no article")
    first, last = art.pdf_pages
    if first == last and art.type == "research-article" and (art.abstract.zh or art.abstract.en):
        s.cap("pdf_pages", 0.7, "a research article of one page: its end may have been cut off")
        s.cap("lpage", 0.7, "a research article of one page")
    if art.fpage.isdigit() and art.lpage.isdigit():
        span = int(art.lpage) - int(art.fpage) + 1
        if span < 1:
            s.cap("lpage", 0.2, "before the first page")
        elif span != art.pdf_pages[1] - art.pdf_pages[0] + 1:
            s.cap("lpage", 0.6, f"{span} printed pages for {art.pdf_pages[1] - art.pdf_pages[0] + 1} pages of the PDF")
    before, after = ev.weak_split
    if before:
        s.cap("pdf_pages", 0.6, before)
        s.cap("fpage", 0.7, "the split before it is uncertain")
    if after:
        s.cap("pdf_pages", 0.6, after)
        s.cap("lpage", 0.7, "the split after it is uncertain")
    for w in art.warnings:
        if w.code in ("no-article-start", "toc-page-missing", "toc-page-not-article", "toc-missing-entry", "toc-page-offset"):
            s.cap("pdf_pages", 0.5, "the split is uncertain: " + w.message[:80])
            s.cap("fpage", 0.6, "the split is uncertain")


def _names_in(title: str, art: Article) -> bool:
    """Does an English title hold one of the article's authors' names (an English name as
    printed, or a pinyin name set surname-first in capitals, "CHEN Huan-ran")?"""
    for c in art.contributors:
        if c.name.en and len(c.name.en) > 4 and c.name.en in title:
            return True
    found = list(re.finditer(r"\b([A-Z]{2,})\s+([A-Z][a-z]+)(?:-\s?([a-z]+))?\b", title))
    if any(c.name.zh and is_pinyin_of(c.name.zh, m.group(0)) for c in art.contributors for m in found):
        return True
    # GB/T 28039 prints a Chinese name as SURNAME Given-name: "CHEN Huan-ran", all pinyin
    return any(m.group(3) and all(_PINYIN_SYLLABLES.fullmatch(x.lower()) for x in m.groups()) for m in found)


# a GB/T 7714 type code of an electronic resource ([EB/OL], [J/OL], [M/OL], [DB/OL] …): such a
# reference prints its address
_ONLINE_CODE = re.compile(r"\[[A-Z]{1,2}/OL\]")


def _urls(art: Article, s: Scores) -> None:
    for c in art.citations:
        if _ONLINE_CODE.search(c.text) and not c.urls:
            s.cap("citations.urls", 0.5, f"[{c.n}] is an online resource ({_ONLINE_CODE.search(c.text).group(0)}) "
                  "but no URL was read")
        for u in c.urls:
            if re.search(r"\s|[\u3000-\u9fff]|[-.,;:(]$", u):
                s.cap("citations.urls", 0.4, f"[{c.n}] “{u[:50]}” has a space, a Chinese character or a dangling end")
        bare = re.sub(r"https?://\S+", "", c.text)
        if _URL_LIKE.search(bare) and not c.urls:
            s.cap("citations.urls", 0.4, f"[{c.n}] prints an address that was not read as a URL")
        if c.urls and not c.accessed and prints_access_label(c.text):
            s.cap("citations.urls", 0.5, f"[{c.n}] prints an access date that was not read")


# ---------------------------------------------------------------------------------------
# Chinese-article evidence from the pages themselves (the English-article checks are apart)
# ---------------------------------------------------------------------------------------

# a full printed date (2020-03-05, 2020.3.5, 2020年3月5日): in a GB/T 7714-2015 entry the one in
# square brackets after the type code is the 引用日期 ("[EB/OL].(2019-01-02)[2020-03-05]")
_FULL_DATE = r"(?:19|20)\d\d\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?"
_BRACKET_FULL_DATE = re.compile(rf"[\[［〔【]\s*({_FULL_DATE})\s*[\]］〕】]")
# a character a URL cannot end with: the line broke inside it, the rest is on the next line
_URL_OPEN_END = "/-_=&?#%~:+@.‐"


def url_lines(pages: list) -> list[tuple[str, str]]:
    """Every body line of the article's pages that prints an address, with the line under it
    (the text a URL broken at the line end goes on with); page furniture left out: a line
    repeated on two pages at one height (a journal's site, a database stamp)."""
    from parsers.reflist import plain_key, repeated_url_lines

    furniture = repeated_url_lines(pages)
    out = []
    for page in pages:
        body = page.body
        for i, ln in enumerate(body):
            # (an address holds a ":" or a "."; most Chinese lines have neither: no search)
            if (":" in ln.text or "." in ln.text) and _URL_LIKE.search(ln.text) and plain_key(ln.text) not in furniture:
                out.append((ln.text, body[i + 1].text if i + 1 < len(body) else ""))
    return out


def _pages_zh(art: Article, ev: PageEvidence, s: Scores) -> None:
    """A printed page range comes from the folios (the running head's or foot's page
    numbers) or from a range printed in words; when none of the article's own pages shows a
    folio, fpage and lpage were carried over from other pages (page labels, other articles'
    folios) and are flagged unless its 文章编号 (CAJ-CD B/T 1-2006: …-first page-page count)
    says the same."""
    if ev.folios_seen is None or ev.folios_seen > 0 or not art.fpage.isdigit():
        return
    if art.language == "en" or (not art.title.zh and art.title.en):
        return  # (an English article's checks are apart)
    if any(w.code in ("pages-from-printed-range", "pages-from-article-no") for w in art.warnings):
        return
    ano = identifiers.parse_article_no(art.article_no) if art.article_no else None
    if ano is not None and ano.first_page.isdigit() and int(ano.first_page) == int(art.fpage):
        return
    s.cap("fpage", 0.6, "none of its pages prints a folio that was read: carried over from other pages")
    if art.lpage:
        s.cap("lpage", 0.6, "none of its pages prints a folio that was read: carried over from other pages")


def _letters_zh(text: str) -> str:
    """Han characters, letters and digits only (punctuation, spaces and line breaks are where
    text layers and repairs differ: full-width or not, Yi syllables, justification)."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text))


_NOT_ALNUM = re.compile(r"[\W_]+")  # (\w is str.isalnum() and "_": what is left is isalnum())


def _printed_as_read_zh(art: Article, ev: PageEvidence, s: Scores) -> None:
    """A short Chinese field is printed in one run on its pages (GB/T 7713.2 sets title,
    affiliations and each 关键词 as blocks of their own): a value whose characters do not
    occur in that order in the first pages' text was pieced together from more than one
    place (two columns read across, a field run into the next, a line taken from a note)."""
    if not ev.text or ev.ocr or ev.ocr_lines:
        return
    page = _letters_zh(ev.text)
    if not _CJK.search(page):
        return
    # (not the abstract: a long block's lines come in page order, and a side column or a
    # first-page note at the same height falls between them)
    for key, values in (("title.zh", [art.title.zh]), ("keywords.zh", list(art.keywords.zh)),
                        # (an affiliation's institution: a city and postcode may be added from a 作者简介)
                        ("contributors.affiliation", [re.split(r"[，,;；\u3000]", c.affiliation)[0] for c in art.contributors])):
        for v in values:
            core = _letters_zh(v or "")
            if len(core) >= 2 and _CJK.search(core) and core not in page:
                s.cap(key, 0.6, f"“{(v or '')[:30]}” is not printed in one run on the article's first pages")
                break


# a 作者简介 entry (GB/T 7713.2: in the first-page footnote, one per author): the name, then
# the birth year or the sex — "张三（1980—），男，…", "李四，女，…" — after a label or a
# separator, never inside a sentence
_BIO_NAME = re.compile(r"(?<![\u3400-\u9fff])([\u3400-\u9fff]{2,4})"
                       r"(?=[（(]\s*(?:19|20)\d\d\s*(?:年\s*)?(?:[.．]?\d{1,2}\s*月?\s*)?[-—–－~～]+\s*[)）]|[，,]\s*[男女]\s*[，,（(])")
# (a birth year with nothing after the dash: 张三（1893—1976） is a person the text mentions)


_BIO_LABEL = re.compile(r"作者简介|作者介绍")
_BIO_ENTRY = re.compile(r"(?:(?:作者简介|作者介绍)[:：]|[；;])\s*([\u3400-\u9fff]{2,4})(?=[（(，,])")


def _bios_zh(art: Article, ev: PageEvidence, s: Scores) -> None:
    """Each 作者简介 entry names an author of the byline: a person it names whom the byline
    did not give was lost from it (a byline that wraps, a name the text layer split)."""
    if not ev.text or art.language == "en" or not art.contributors:
        return
    read = [re.sub(r"\s+", "", c.name.zh or "") for c in art.contributors]
    found = [m.group(1) for m in _BIO_NAME.finditer(ev.text)]
    for label in _BIO_LABEL.finditer(ev.text):
        # "作者简介：邵娜，讲师，…；张宇，…": each entry after the label or a ；, a name then a comma
        found += [m.group(1) for m in _BIO_ENTRY.finditer(ev.text[label.start():label.end() + 300])]
    for name in found:
        if name[0] not in COMMON_SURNAMES and name[:2] not in COMPOUND_SURNAMES:
            continue  # (讲师, 博士, 研究方向: no name)
        if name in read or any(name in r or (len(r) >= 2 and r in name) for r in read if r):
            continue
        _author_lost(s, f"the 作者简介 names “{name}”, who is not among the authors read")
        break


def _author_lost(s: Scores, why: str) -> None:
    """Printed evidence of an author the byline did not give: the names are in doubt, and
    with them the English names and units paired to them."""
    s.cap("contributors.name.zh", 0.5, why)
    s.cap("contributors.name.en", 0.7, why)
    s.cap("contributors.affiliation", 0.7, why)


# a line of the front matter that ends the byline block (GB/T 7713.2 / CAJ-CD B/T 1 order:
# title, byline, units, then 摘要, 关键词, 中图分类号)
_FRONT_LABEL = re.compile(r"^[【\[［(（]?(?:摘要|内容提要|提要|关键词|关键字|中图分类号|文献标[志识]码|文章编号|Abstract|ABSTRACT)")
_BYLINE_PIECE = re.compile(r"^([\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{1,8}(?:[·•・‧][\u3400-\u9fff]{1,8})+)"
                           r"[\d,*∗†‡#＃＊△▲§※★☆¹²³⁴⁵⁶⁷⁸⁹⁰\u2460-\u2473]*$")


def _byline_as_printed_zh(art: Article, ev: PageEvidence, s: Scores) -> None:
    """The byline printed under the title (CAJ-CD B/T 1-2006: title, then the names apart by
    ，or 、 with their marks) against the names read: a line there of names only, any of
    which was not read, means an author was lost or the names were taken from elsewhere."""
    if not ev.text or ev.ocr or art.language == "en" or not art.contributors or not art.title.zh:
        return
    lines = ev.text.split("\n")
    head = _letters_zh(art.title.zh)[:8]
    start = next((k for k, ln in enumerate(lines) if len(head) >= 4 and _letters_zh(ln).startswith(head)), None)
    if start is None:
        return
    read = {re.sub(r"\s+", "", c.name.zh or "") for c in art.contributors}
    after: list[str] = []
    for ln in lines[start + 1:start + 8]:  # (a byline wrapped after a separator is one line)
        if after and re.search(r"[，,、]$", after[-1]):
            after[-1] += ln
        else:
            after.append(ln)
    for ln in after:
        if _FRONT_LABEL.match(ln):
            break
        pieces = [p for p in re.split(r"[，,、;；]", strip_byline_roles(ln)) if p]
        if len(pieces) < 2:
            continue  # (spaces are gone from these lines: only a line with separators is cut)
        found = [_BYLINE_PIECE.match(p) for p in pieces]
        if not all(found) or not all(f.group(1)[0] in COMMON_SURNAMES or "·" in f.group(1) for f in found):
            continue
        missing = [f.group(1) for f in found if f.group(1) not in read]
        if missing:
            _author_lost(s, f"the byline under the title prints “{missing[0]}”, who is not among the authors read")
            return


def _byline_against_toc(art: Article, ev: PageEvidence, s: Scores) -> None:
    """The names read against the authors the issue's 目录 prints for the article (a whole
    issue's contents list each article's title, authors and page, CAJ-CD B/T 1-2006): a name
    it lists that was not read means the byline was misread or an author lost. Only a list
    of names alone is used (the 目录 may end it in 等, or give the first author only)."""
    if not ev.toc_authors or art.language == "en" or not art.contributors:
        return
    listed = [re.sub(r"\s+", "", n) for n in re.split(r"[，,、;；\s]+", re.sub(r"[\d*∗†等]+", " ", strip_byline_roles(ev.toc_authors)))
              if n.strip()]
    if not listed or not all(re.fullmatch(r"[\u3400-\u9fff]{2,4}", n) and (n[0] in COMMON_SURNAMES or n[:2] in COMPOUND_SURNAMES)
                             for n in listed):
        return
    read = {re.sub(r"\s+", "", c.name.zh or "") for c in art.contributors}
    missing = [n for n in listed if n not in read]
    if missing:
        _author_lost(s, f"the 目录 lists “{missing[0]}” for this article, who is not among the authors read")


def _url_goes_on(nxt: str) -> bool:
    """Does the next line open with what can only be a URL's rest (a path piece with a
    slash, a dot before a file type, a query), not prose, a date or a new entry?"""
    m = re.match(r"[A-Za-z0-9_\-./?=&%#~]+", nxt.strip())
    if not m or re.match(r"\[|\(|\d{4}[-./年]", nxt.strip()):
        return False
    token = m.group(0).rstrip(".")
    return bool(re.search(r"[/?=&%_]|\.(?:s?html?|aspx?|php|jsp|pdf|cn|com|org|net)\b", token))


def _urls_zh(art: Article, ev: PageEvidence, s: Scores) -> None:
    """Cited URLs checked against the lines that print them (GB/T 7714-2015 prints an online
    resource's address after its [EB/OL] and dates; a URL is broken over lines with or
    without a hyphen), and their access dates against the entry's printed dates."""
    from parsers.citations import despace_urls, find_urls, is_furniture_url

    key = "citations.urls"
    if art.language == "en" or (not art.title.zh and art.title.en):
        return  # (an English article's checks are apart: it names sites in its prose too)

    def bare(u: str) -> str:  # (a line may print the scheme at the end of the line above)
        return re.sub(r"^(?:https?|ftp)://", "", u.lower())

    low = [bare(u) for c in art.citations for u in c.urls]
    for line, nxt in ev.url_lines:
        text = despace_urls(line)
        for frag, start, end in find_urls(text):
            f = bare(frag)
            if is_furniture_url(frag, text[:start]) or (art.doi and art.doi.lower() in f) or len(f) < 8:
                continue
            stem = f.rstrip("-‐")
            longer = [u for u in low if u.startswith(stem)]
            shorter = [u for u in low if stem.startswith(u) and len(u) < len(stem)]
            at_end = not text[end:].strip()
            if not longer and not shorter:
                s.cap(key, 0.5, f"the pages print “{frag[:50]}” but no citation holds it")
            elif shorter and not longer:
                s.cap(key, 0.4, f"“{shorter[0][:50]}” is cut short: the page prints “{frag[:50]}”")
            elif (at_end and frag[-1] not in _URL_OPEN_END and "<" not in text[max(0, start - 1):start]
                  and any(re.fullmatch(r"[A-Za-z]+|\d+", u[len(stem):]) for u in longer)):
                # the line ended where the URL could have ended too, and what was joined on is
                # a bare word or number (prose, a page, a date could be that): joining was a
                # guess (GB/T 7714 sets no mark at a URL's line break; <…> would have said)
                s.cap(key, 0.7, f"“{frag[:50]}” was joined across a line break to a bare word or number: check where it ends")
            elif at_end and frag.endswith("-") and any(u[len(stem):len(stem) + 1] == "-" and "-" not in u[:len(stem)] + u[len(stem) + 1:]
                                                       for u in longer):
                # a URL broken at a hyphen it has nowhere else: the address's own hyphen, or one a
                # typesetter added at the break (GB/T 7714 adds none, but some do): kept as printed
                s.cap(key, 0.6, f"“{frag[:50]}” breaks at its only hyphen: it may be the typesetter's, not the address's")
            elif at_end and stem in low and (frag[-1] in _URL_OPEN_END.replace("/", "") or _url_goes_on(nxt)):
                s.cap(key, 0.5, f"“{frag[:50]}” ends at a line end, and the next line may go on with it")
    for c in art.citations:
        if not c.urls:
            continue
        # (each scheme or www. printed starts an address: one more than were read was missed)
        starts = len(re.findall(r"(?i)(?:https?|ftp)\s*[:：]\s*/\s*/|(?<![/.\w])www\s*\.", c.text))
        if starts > len(set(c.urls)):
            s.cap(key, 0.5, f"[{c.n}] prints {starts} addresses, {len(set(c.urls))} read")
        brackets = [m.group(1) for m in _BRACKET_FULL_DATE.finditer(c.text)]
        if not c.accessed and brackets:
            s.cap(key, 0.5, f"[{c.n}] prints a 引用日期 “[{brackets[0]}]” that was not read as the access date")
        if c.accessed and not re.match(r"(?:199[1-9]|20\d\d)-", c.accessed):
            s.cap(key, 0.5, f"[{c.n}] access date {c.accessed} is before the web")
        for u in c.urls:
            if u.count("http") > 1 or u.count("www.") > 1:
                s.cap(key, 0.4, f"[{c.n}] “{u[:50]}” holds two addresses run together")
            if re.search(r"[_=&?%~:+@#]$", u):
                s.cap(key, 0.5, f"[{c.n}] “{u[:50]}” ends in “{u[-1]}”: the rest may be on the next line")
    long_article = art.pdf_pages[1] - art.pdf_pages[0] >= 2 and art.type == "research-article"
    if long_article and not art.citations and (ev.ocr or re.search(r"参考文献|注释|\[EB/OL\]|https?:", ev.text)):
        s.cap(key, 0.6, "the pages print references or notes, but none were read")
    if ev.ocr and long_article:
        s.cap(key, 0.7, "an OCR layer over a scan: addresses may be misread or missed")


def _pinyin_pattern(zh: str) -> re.Pattern[str] | None:
    """An author's pinyin in its printed forms (GB/T 28039-2011; names.pinyin_printed),
    matched in page text whose spaces are removed."""
    return pinyin_printed(zh)


def _byline_count(line: str) -> int:
    """Names in an English byline line (spaces removed): pieces between commas, semicolons
    and 、 that hold letters (a superscript mark list "1,2" holds none)."""
    return sum(1 for piece in re.split(r"[,，;；、]|(?<=[a-z\d*])and(?=[A-Z])", line) if re.search(r"[A-Za-z]{2,}", piece))


def _english_names_zh(art: Article, ev: PageEvidence, s: Scores) -> None:
    """A Chinese article's English names against the pinyin of its Chinese byline and the
    English byline the pages print (CAJ-CD B/T 1-2006 prints the English title, the names in
    pinyin and the affiliations above the English abstract)."""
    if art.language == "en" or (not art.title.zh and art.title.en) or not art.contributors:
        return
    key = "contributors.name.en"
    han = [c for c in art.contributors if re.fullmatch(r"[\u3400-\u9fff]{2,4}", c.name.zh or "")]
    byline = ""
    for c in han:
        pat = _pinyin_pattern(c.name.zh)
        m = pat.search(ev.text) if pat and ev.text else None
        if m and not byline:
            byline = next((ln for ln in ev.text.split("\n") if pat.search(ln)), "")
        if m and not c.name.en:
            s.cap(key, 0.5, f"the pages print “{m.group(0)}” for “{c.name.zh}”, but no English name was read")
    for c in art.contributors:
        en = c.name.en
        if not en:
            continue
        stray = re.sub(r"[^\W\d_]|[\s.'’‐-]", "", en)
        if stray and not _CJK.search(stray):
            s.cap(key, 0.5, f"“{en}” holds “{stray}”: an affiliation mark or a separator taken with the name")
        if re.search(r"[-‐]\s|\s[-‐]", en):
            s.cap(key, 0.6, f"“{en}” has a hyphen beside a space: the name was broken at a line end")
    # one byline prints its names one way (GB/T 28039: SURNAME Given, or Given Surname)
    # (read from the letters alone: a text layer may letter-space a name, "LI U Yun-sheng")
    styles, hyphens = set(), set()
    for c in han:
        if c.name.en and is_pinyin_of(c.name.zh, c.name.en):
            # (ü folded in both: LÜ, LYU and LV are one surname, GB/T 28039-2011)
            sur = fold_pinyin("".join(pinyin_syllables(split_chinese_name(c.name.zh)[0], surname=True)))
            letters = re.sub(r"[^A-Za-zÜü]", "", c.name.en)
            first = fold_pinyin(letters).startswith(sur)
            part = letters[:len(sur)] if first else letters[-len(sur):]
            styles.add((first, part.isupper()))
            if len(split_chinese_name(c.name.zh)[1]) > 1:  # (a given name of two syllables: Yun-sheng or Yunsheng)
                hyphens.add(bool(re.search(r"[a-zü][-‐][a-zü]", c.name.en, re.I)))  # (Nü-ying: ü is a letter)
    if len(styles) > 1:
        s.cap(key, 0.6, "the English names are printed in two styles: some may come from elsewhere")
    if len(hyphens) > 1:
        s.cap(key, 0.6, "some given names are hyphenated and some not: a hyphen at a line end may have been "
                        "taken for a break, or one kept")
    if byline and not _INSTITUTION.search(byline) and not _CJK.search(byline) and len(byline) < 200:
        found = _byline_count(byline)
        if found > len(art.contributors):
            s.cap(key, 0.5, f"the English byline lists {found} names, {len(art.contributors)} authors were read")
            s.cap("contributors.name.zh", 0.6, f"the English byline lists {found} names, {len(art.contributors)} authors were read")


# ------------------------------------------------------------------ English-language articles
# (checks of the genre's own conventions; the Chinese header's are above)

# words of running text: a byline item or a keyword holding several is a sentence or a
# heading that was read into the field, not a name or a term
_PROSE_WORDS = frozenset("the a an of and in is are was were be been we our this that these those which with for to "
                         "from by on as at it its has have had not".split())
# what follows the keyword list or the abstract in the front matter and ends it (JATS order:
# abstract, keywords, then the body's first heading or the author notes)
_FRONT_HEADING_EN = re.compile(r"\b(?:Introduction|INTRODUCTION|Abbreviations|ABBREVIATIONS|Background|BACKGROUND|"
                               r"Correspondence|Received|Accepted|Published|Copyright|Citation|Abstract|ABSTRACT)\b")


def _where_surname_starts(s: Scores, why: str) -> None:
    """A word between the given names and the surname that may belong to either."""
    s.cap("contributors.surname", 0.75, why)
    s.cap("contributors.given", 0.75, why)


def _english_names(art: Article, s: Scores) -> None:
    """The byline of an English-language article, read against the shape of a Western
    byline's names (capitalised words and initials, particles inside): an item that is no
    name, a surname that is an initial or in lower case, the same name twice, a name holding
    "and" (a separator missed)."""
    from parsers.byline_en import hispanic, looks_like_name

    seen: set[str] = set()
    for c in art.contributors:
        name = c.name.en or f"{c.given} {c.surname}".strip()
        if not name or _CJK.search(name):
            continue
        if name.count(",") == 1 and c.surname and name.split(",")[0].strip() == c.surname:
            # a name printed inverted ("Kowalski, Anna"): its shape is that of "Anna Kowalski"
            name = f"{name.split(',')[1].strip()} {c.surname}"
        words = name.lower().split()
        if re.search(r"\b(?:and|AND)\b|&", name) or sum(w in _PROSE_WORDS for w in words) >= 2:
            s.cap("contributors.surname", 0.4, f"“{name}” holds running text or a separator: not one name")
        elif not looks_like_name(name):
            s.cap("contributors.surname", 0.5, f"“{name}” is not shaped like a name")
        sur = c.surname
        if sur and (re.fullmatch(r"[A-Z]\.?", sur) or not sur[:1].isupper() and sur.split()[0] not in SURNAME_PARTICLES):
            s.cap("contributors.surname", 0.5, f"surname “{sur}” of “{name}” is an initial or not capitalised")
        full = [w for w in name.split() if len(w.rstrip(".")) > 1 and w not in SURNAME_PARTICLES]
        if re.search(r"\b[A-Z]\s+\S+$", name) and len(full) >= 2:
            # a bare initial before the last name ("Ravindranath H Aladakatti"): a South
            # Indian initial of the family or father's name, which some records keep with the surname
            _where_surname_starts(s, f"“{name}”: a bare initial right before the surname may belong to it")
        parts = sur.split() if sur else []
        if len(parts) == 2 and hispanic(parts[0]) and not hispanic(parts[1]) and parts[1] not in SURNAME_PARTICLES:
            # (two surnames by Spanish custom, the second no Spanish surname: "Robert Gomez
            # Smith" may be an English name with a middle name)
            _where_surname_starts(s, f"“{name}”: read as two surnames by Spanish custom; “{parts[0]}” may be a middle name")
        key = re.sub(r"\W", "", name.lower())
        if key in seen:
            s.cap("contributors.surname", 0.5, f"“{name}” is printed twice in the byline as read")
        seen.add(key)


# an institution's name run straight into another unit's head ("University of Institute of
# Crop Research"): two affiliations printed side by side (author blocks, IEEE/ACM) that the
# text layer read across as one line; a unit's name never goes on "of Institute of"
_INTERLEAVED_UNITS = re.compile(r"\bof\s+(?:the\s+)?(?:Department|Institute|Faculty|Division|School|College|University|"
                                r"Laboratory|Hospital|Center|Centre)\s+(?:of|for)\b")


def _english_affiliations(art: Article, s: Scores) -> None:
    """An English-language article's affiliations against the shape of one: an
    institution's name that runs into another unit's head was read across two blocks."""
    for c in art.contributors:
        if c.affiliation and _INTERLEAVED_UNITS.search(c.affiliation):
            s.cap("contributors.affiliation", 0.5, f"“{c.affiliation[:50]}” runs one unit's name into another's: "
                                                   "two affiliations printed side by side read across")
            return


def _english_title(art: Article, s: Scores) -> None:
    """An English-language article's title ending in a footnote mark glued to its last word
    ("… in rats*", "… carcinoma1"): the title's note (funding, a preprint) read into it."""
    title = art.title.en
    if title and re.search(r"[a-z](?:\d|[*∗†‡§¶])$", title):
        s.cap("title.en", 0.6, "ends in a footnote mark")


def _english_abstract(art: Article, s: Scores) -> None:
    """An English-language research article's abstract against the genre's length (some
    100–400 words: well under it, the block was cut at a column or page end; well over it,
    it ran on into the body) and its shape (it opens a sentence)."""
    ab = art.abstract.en
    if not ab:
        return
    words = len(ab.split())
    if art.type == "research-article" and words < 50:
        s.cap("abstract.en", 0.5, f"{words} words: short for a research article's abstract (cut at a column or page end?)")
    if words > 600:
        s.cap("abstract.en", 0.5, f"{words} words: long for an abstract (ran on into the body?)")
    tail = ab[len(ab) * 2 // 3:]
    if re.search(r"(?:^|[.;]\s)(?:Abbreviations?|Running (?:title|head)|Significance(?: statement)?|Plain language summary|"
                 r"Lay summary|JEL(?: classification)?|MSC|Mathematics Subject Classification|Funding)\b[^:]{0,20}:", tail):
        # a front-matter label and a colon near its end: the abstract ran on into the next note
        s.cap("abstract.en", 0.5, "ends in a front-matter label (Abbreviations:, Significance:…): ran on into the next note")
    if re.match(r"\s*[a-z]", ab) and not re.match(r"\s*(?:[a-z]+[A-Z]|[a-z]\b|e\.g\.|i\.e\.)", ab):
        s.cap("abstract.en", 0.5, "opens in lower case: its first line may have been lost")


def _english_keywords(art: Article, s: Scores) -> None:
    """An English-language article's keywords against what a keyword is: a term of one to a
    few words. An item that reads as a sentence (several words of running text, a full
    stop inside), holds a front-matter heading, or ends in a connective (the list cut at a
    line end), or one long item where a list is printed (a separator missed), is doubtful."""
    ke = art.keywords.en
    if not ke:
        return
    for k in ke:
        words = k.split()
        if sum(w.lower() in _PROSE_WORDS for w in words) >= 3 or len(words) > 8 or re.search(r"[a-z]{2}\.\s+[A-Z]", k):
            s.cap("keywords.en", 0.4, f"“{k[:50]}” reads as a sentence, not a keyword: the list ran on")
        elif _FRONT_HEADING_EN.search(k):
            s.cap("keywords.en", 0.4, f"“{k[:50]}” holds a heading of what follows the keywords")
    if any(re.search(r"^[A-Z][a-z]+(?:\s+[A-Za-z]+){0,3}\s*(?:\(\d{4}\))?\s*:\s|\s[A-Z][a-z]+(?:\s+[a-z]+){0,2}\s*:\s", k)
           for k in ke):
        # a label and a colon inside a keyword ("… tillering Running title: …"): the list ran on
        # into the labelled line under it (a keyword holds no label)
        s.cap("keywords.en", 0.5, "a keyword holds a label and a colon: the list ran on into the next line")
    if any(re.search(r"[\x00-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]", k) for k in ke):
        # a control, private-use or replacement character: a glyph (a bullet, a separator)
        # the font does not map, read into a keyword
        s.cap("keywords.en", 0.5, "a keyword holds a character no font mapped (a bullet or separator glyph)")
    if re.search(r"\b(?:and|of|the|for|in|with|to)$|[-‐,]$", ke[-1]):
        s.cap("keywords.en", 0.5, f"the last keyword “{ke[-1][:40]}” ends in a connective: the list may be cut")
    if len(ke) == 1 and len(ke[0].split()) >= 4:
        s.cap("keywords.en", 0.6, "one long keyword: the list's separator may have been missed")
    if len(ke) >= 3 and _capitalised_inside(ke[-1]) and not any(_capitalised_inside(k) for k in ke[:-1]):
        # a list whose items capitalise only their first word (or none) that ends in an item
        # with a capitalised word inside ("tillering Article history", "drought Handling
        # Editor"): the next line's label or heading was read into the last keyword
        s.cap("keywords.en", 0.6, f"the last keyword “{ke[-1][:40]}” has a capitalised word inside, no other "
                                  "keyword has: the list may have run on into the next line")


def _capitalised_inside(keyword: str) -> bool:
    """A word after a keyword's first that is capitalised but not in capitals (a name or a
    label word, not an acronym: "GIS", "pH" do not count)."""
    return any(re.fullmatch(r"[A-Z][a-z]{2,}", w) for w in keyword.split()[1:])


def _get_text(art: Article, key: str) -> object:
    """A field's value; for the per-item paths, whether any item has one."""
    if key == "citations.urls":
        return [u for c in art.citations for u in c.urls]
    if key.startswith("contributors."):
        return [c.affiliation for c in art.contributors if c.affiliation] if key.endswith("affiliation") else art.contributors
    return field_value(art, key)


def assess_article(art: Article, ev: PageEvidence) -> dict[str, float]:
    """The article's confidence per field, with an `uncertain-field` warning for each field
    below THRESHOLD (its message starts with the field path)."""
    s = Scores()
    for check in (_titles, _names, _abstracts_keywords, _codes, _pages):
        check(art, ev, s)
    for key, value, why in art.doubts:
        if _get_text(art, key):
            s.cap(key, value, why)
    if art.language == "en" or (not art.title.zh and art.title.en):
        _english_names(art, s)
        _english_affiliations(art, s)
        _english_title(art, s)
        _english_abstract(art, s)
        _english_keywords(art, s)
        for key, (value, why) in PRIORS_EN.items():
            if _get_text(art, key):
                s.cap(key, value, why)
    if ev.ocr:
        for key in ("title.zh", "title.en", "abstract.zh", "abstract.en", "keywords.zh", "keywords.en", "citations.urls"):
            if key in s.by_field or _get_text(art, key):
                s.cap(key, 0.7, "read from an OCR layer over a scan: characters may be misread")
    if ev.ocr_lines:
        _ocr_read(art, ev, s)
    if ev.untrusted:  # (--ocr never, or a page OCR could not draw: parsers.ocr.ocr_plan)
        for key in _OCR_FIELDS:
            if _get_text(art, key):
                s.cap(key, 0.5, f"read from a text layer that is not trusted and was not OCR'd ({ev.untrusted[:80]})")
    _urls(art, s)
    _urls_zh(art, ev, s)
    _pages_zh(art, ev, s)
    _printed_as_read_zh(art, ev, s)
    _bios_zh(art, ev, s)
    _byline_as_printed_zh(art, ev, s)
    _byline_against_toc(art, ev, s)
    _english_names_zh(art, ev, s)
    _follow_names(art, s)
    if ev.metadata is not None:
        _file_metadata(ev.metadata, s)
    _publish(art, s, ARTICLE_FIELDS + (("elocation",) if art.elocation else ()))
    return art.confidence


def _file_metadata(verdict: "Verdict", s: Scores) -> None:
    """The publisher's own metadata (parsers.pdfmeta): a field it disputes is checked; one it
    confirms is sure whatever the other checks doubted (the page and the publisher's record
    agree), unless the record is itself in doubt."""
    for key, why in verdict.disputed:
        s.cap(key, 0.6, why)
    for key in verdict.confirmed:
        if key not in {k for k, _ in verdict.disputed} and s.score(key) < 0.95:
            s.by_field[key] = (0.95, "equals the PDF's own metadata")


# below this the OCR engine was unsure of a line (RapidOCR's recognition score: misread
# characters score lower); above it a field read by OCR is still not as sure as a text layer
OCR_SURE = 0.93
_OCR_FIELDS = ("title.zh", "title.en", "contributors.name.zh", "contributors.name.en", "contributors.affiliation",
               "abstract.zh", "abstract.en", "keywords.zh", "keywords.en", "clc", "doc_code", "doi", "article_no")


def _run_together(values: list[str]) -> str:
    """A long Latin token of a field read by OCR that is no word but splits into words
    (parsers.ocr_text.split_words): the engine dropped the spaces there."""
    from parsers.ocr_text import split_words

    for v in values:
        for token in re.findall(r"[A-Za-z]{12,}", v):
            low = token.lower()
            if split_words(low) != low:
                return token
    return ""


# words an English title never ends on (headline style: a title ends on a content word;
# one ending "…Among" or "…management and" lost its next line)
_TITLE_EN_OPEN_END = re.compile(r"\b(?:and|or|of|the|a|an|in|on|at|to|for|with|from|by|among|between|under|into|via)$", re.I)


def _ocr_title_shape(art: Article, s: Scores) -> None:
    """Titles read by OCR whose shape says a line or a character is missing: a gap between
    two ideographs in a Chinese title (a title is set solid, GB/T 7713.2; the recogniser
    leaves the gap where it dropped a character it could not read, or the line is a
    letter-spaced column label, not the title), an English title ending on a preposition,
    article or conjunction (its next line was not joined)."""
    zh = art.title.zh or ""
    if re.search(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]", zh):
        s.cap("title.zh", 0.6, "read by OCR with a gap between two characters: a character may be missing, "
                               "or the line is a letter-spaced column label")
    en = (art.title.en or "").strip()
    if en and _TITLE_EN_OPEN_END.search(en):
        s.cap("title.en", 0.6, f"read by OCR, and it ends on “{en.split()[-1]}”: its last line may be missing")


def _ocr_read(art: Article, ev: PageEvidence, s: Scores) -> None:
    """A field read from lines OCR'd here is as sure as the least sure of its lines: below
    OCR_SURE it is flagged (with the line's score), above it capped just over THRESHOLD."""
    for key in _OCR_FIELDS:
        if key.startswith("contributors."):
            attr = key.split(".", 1)[1]
            values = [c.affiliation if attr == "affiliation" else getattr(c.name, attr[-2:]) for c in art.contributors]
        elif key.startswith("keywords."):
            values = list(getattr(art.keywords, key[-2:]))
        else:
            values = [field_value(art, key)]
        raw = [v for v in values if isinstance(v, str) and v.strip()]
        values = [re.sub(r"\s+", "", v) for v in raw]
        confs = [c for v in values for text, c in ev.ocr_lines if len(text) >= 2 and (text in v or v in text)]
        if not confs:
            continue
        worst = min(confs)
        if worst < OCR_SURE:
            s.cap(key, round(0.4 + 0.4 * worst, 2), f"read by OCR from the page image, the engine unsure "
                                                    f"(line confidence {worst:.2f}): characters may be misread")
        elif key.startswith("abstract."):
            # an abstract is hundreds of characters: at the engine's usual character error rate
            # (about one in a few hundred) one is likely misread somewhere, and a line's
            # confidence does not say where (on the development half OCR'd abstracts misread
            # a character as often under a 0.98 line score as above it), so it is checked,
            # as an abstract from an OCR layer over a scan is
            s.cap(key, 0.7, "read by OCR from the page image: in a text this long a character is likely misread")
        else:
            s.cap(key, 0.85, "read by OCR from the page image")
        if key.endswith(".en") or key == "contributors.name.en":
            glued = _run_together(raw)
            if glued:
                s.cap(key, 0.6, f"read by OCR, which may have run words together (“{glued}”)")
    _ocr_title_shape(art, s)
    byline_read = any(2 <= len(c.name.zh) <= 4 for c in art.contributors)
    if ev.ocr_lines and art.contributors and not byline_read and "title.zh" in s.by_field:
        s.cap("title.zh", 0.7, "read by OCR, and the byline under it was not read: the title may end early or run on")


def _publish(record: Article | Issue, s: Scores, keys: tuple[str, ...]) -> None:
    """The scores into the record's confidence map, and one `uncertain-field` warning per
    field below THRESHOLD (those of an earlier run replaced)."""
    record.warnings = [w for w in record.warnings if w.code != CODE]
    for key in keys:
        value, why = s.by_field.get(key, (1.0, ""))
        if value < THRESHOLD:
            record.warn(CODE, f"{key}: {why}")
    record.confidence = {key: round(s.by_field.get(key, (1.0, ""))[0], 2) for key in keys}


def assess_issue(issue: Issue, evidence: Iterable[PageEvidence]) -> None:
    """Issue-level fields, then every article."""
    s = Scores()
    issn = issue.journal.issn
    if not issn:
        s.cap("journal.issn", 0.5, "no ISSN found (on a masthead, in a 文章编号 or a DOI)")
    elif not identifiers.valid_issn(issn):
        s.cap("journal.issn", 0.2, f"ISSN {issn} fails its check digit")
    if issue.year is None:
        s.cap("year", 0.4, "no year found")
    for w in issue.warnings:
        # an online publication date can fall in the year before the print issue's; a
        # copyright line is dated by the publisher for the volume far more often
        if w.code == "year-inferred" and "publication date" in w.message:
            s.cap("year", 0.6, "no masthead prints it: the publication date's year")
        elif w.code == "year-inferred" and "acceptance date" in w.message:
            s.cap("year", 0.5, "no masthead prints it: the acceptance date's year")
    if not issue.issue:
        s.cap("issue", 0.4, "no issue number found")
    years = {identifiers.parse_article_no(a.article_no).year for a in issue.articles
             if a.article_no and identifiers.parse_article_no(a.article_no)}
    if issue.year is not None and years and str(issue.year) not in years:
        s.cap("year", 0.5, f"the 文章编号 say {'/'.join(sorted(years))}")
    _publish(issue, s, ISSUE_FIELDS)
    evidence = list(evidence)
    evidence += [PageEvidence() for _ in issue.articles[len(evidence):]]
    _page_sequence(issue.articles, evidence)
    for art, ev in zip(issue.articles, evidence):
        ev.english_elsewhere = any(o.title.en for o in issue.articles if o is not art)
        assess_article(art, ev)


def _page_sequence(articles: list[Article], evidence: list[PageEvidence]) -> None:
    """An issue is paginated continuously: printed page minus PDF page is the same for every
    article (an unnumbered plate or advert shifts it by whole pages, and then for all that
    follow), and each article starts on the page after the previous one ends, or on that
    page when it runs on. An article that breaks either pattern has doubtful page numbers."""
    numbered = [(a, ev) for a, ev in zip(articles, evidence) if a.fpage.isdigit()]
    for (a, ea), (b, eb) in zip(numbered, numbered[1:]):
        if not a.lpage.isdigit():
            continue
        gap = int(b.fpage) - int(a.lpage)
        pdf_gap = b.pdf_pages[0] - a.pdf_pages[1]
        if gap not in (0, 1) and gap != pdf_gap:
            why = f"p.{a.lpage} is followed by an article starting on p.{b.fpage}"
            ea.page_doubts.append(("lpage", why))
            eb.page_doubts.append(("fpage", why))
    offsets = [int(a.fpage) - a.pdf_pages[0] for a, _ in numbered]
    for k, (a, ev) in enumerate(numbered):
        before, after = offsets[:k], offsets[k + 1:]
        if before and after and offsets[k] != before[-1] and offsets[k] != after[0] and before[-1] == after[0]:
            ev.page_doubts.append(("fpage", f"printed minus PDF page is {offsets[k]} here, {before[-1]} around it"))


def flagged_paths(warnings: Iterable, code: str = CODE) -> set[str]:
    """The field paths `uncertain-field` warnings name (the message's first word)."""
    return {w.message.split(":", 1)[0] for w in warnings if w.code == code}

