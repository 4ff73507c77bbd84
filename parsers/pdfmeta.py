"""What a publisher's PDF says about itself: the document information dictionary and the
XMP packet, read as evidence for the fields extracted from the printed page.

Publishers embed an article's metadata in its PDF by convention: Crossmark requires the DOI
in the XMP packet (`crossmark:DOI`, `prism:doi`; Crossref, "Crossmark: PDF metadata"),
PRISM and Dublin Core carry the title (`dc:title`), the authors (`dc:creator`), the keywords
(`dc:subject`, `pdf:Keywords`, `prism:keyword`) and often the abstract (`dc:description`);
the information dictionary repeats them (`/Title`, `/Author`, `/Keywords`, `/Subject`,
and Springer, BMC, Nature and Elsevier add `/doi`). Typesetting tools fill the same slots
with junk (`5482578.dvi`, `08_JIE_….indd`, `Microsoft Word - …`, `CNKI`), so a value is
used only when it has the shape of the field, and only for a file that holds one article
(an issue's metadata describes the issue).

The printed page stays the source of every field. The metadata confirms a field (the
editor need not check it), disputes one (flagged), fills an identifier the page does not
print (the DOI, flagged), and tells apart characters a text layer cannot (U+2010 from U+002D,
’ from ') where the metadata and the page agree on everything else.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from parsers.identifiers import find_doi

# XMP namespaces whose properties are read (Adobe XMP Specification Part 1 and 2; PRISM 2.x;
# Crossmark; Elsevier's pdfx extension)
_NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfx": "http://ns.adobe.com/pdfx/1.3/",
    "crossmark": "http://crossref.org/crossmark/1.0/",
}
_PRISM = re.compile(r"^http://prismstandard\.org/namespaces/basic/\d\.\d/$")
MAX_XMP = 512 * 1024  # (an XMP packet is a few kilobytes; a larger one is not read)

# a title slot a tool filled with a file name, a job ticket or a template name
_JUNK_TITLE = re.compile(r"(?i)\.(?:dvi|indd|pdf|docx?|tex|ps|qxd|fm|3b2|xml)\b|^microsoft\s+word\b|^untitled\b"
                         r"|^(?:[A-Z]{2,}[-_]?)+\d{3,}|^[\w-]*\d{4,}[\w-]*(?:\s+\d+\.\.\d+)?$|^无命题|^\d+-改")


@dataclass(frozen=True)
class FileMeta:
    """The article fields the file's metadata carries (empty when absent or junk), and where
    each came from ("XMP prism:doi", "/Keywords")."""
    doi: str = ""
    title: str = ""
    keywords: tuple[str, ...] = ()
    abstract: str = ""
    authors: tuple[str, ...] = ()  # surnames, in order, when the slot lists two or more people
    where: dict[str, str] = field(default_factory=dict)


def _texts(el: etree._Element) -> list[str]:
    """A property's values: rdf:Alt/Seq/Bag items (the x-default language first) or its text."""
    items = el.findall(".//rdf:li", _NS)
    if items:
        items.sort(key=lambda li: li.get("{http://www.w3.org/XML/1998/namespace}lang") != "x-default")
        return [" ".join("".join(li.itertext()).split()) for li in items]
    return [" ".join("".join(el.itertext()).split())]


def xmp_properties(packet: str) -> dict[str, list[str]]:
    """`prefix:name` -> values, from the packet's rdf:Description elements and attributes
    (the XMP serialisation allows both). Unparsable packets give nothing."""
    if not packet or len(packet) > MAX_XMP:
        return {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    body = re.sub(r"<\?xpacket[^>]*\?>", "", packet).strip()
    try:
        root = etree.fromstring(body.encode("utf-8"), parser)
    except (etree.XMLSyntaxError, ValueError):
        return {}
    if root is None:
        return {}
    prefixes = {uri: p for p, uri in _NS.items()}

    def name(qname: str) -> str | None:
        m = re.match(r"\{(.*)\}(.*)", qname)
        if not m:
            return None
        uri, local = m.groups()
        if _PRISM.match(uri):
            return f"prism:{local}"
        return f"{prefixes[uri]}:{local}" if uri in prefixes else None

    out: dict[str, list[str]] = {}
    for desc in root.iter("{%s}Description" % _NS["rdf"]):
        for attr, value in desc.attrib.items():
            key = name(attr)
            if key and value.strip():
                out.setdefault(key, []).append(" ".join(value.split()))
        for child in desc:
            key = name(child.tag) if isinstance(child.tag, str) else None
            if key:
                out.setdefault(key, []).extend(v for v in _texts(child) if v)
    return out


def _doi_in(text: str) -> str:
    return (find_doi(text.replace("doi:", "doi: ")) or "") if "10." in (text or "") else ""


def _looks_like_title(text: str) -> bool:
    t = " ".join((text or "").split())
    cjk = sum(1 for c in t if "\u4e00" <= c <= "\u9fff")
    return (len(t.split()) >= 3 or cjk >= 6) and not _JUNK_TITLE.search(t) and len(t) <= 400


def _keyword_list(text: str) -> tuple[str, ...]:
    """A keyword slot's list: split on ; , · | (publishers differ; one with ';' keeps its
    commas inside keywords)."""
    t = " ".join((text or "").split())
    if not t:
        return ()
    sep = ";" if ";" in t else "·" if "·" in t else "|" if "|" in t else ","
    return tuple(k.strip(" .") for k in t.split(sep) if k.strip(" ."))


def file_metadata(info: dict[str, str], packet: str = "") -> FileMeta:
    """The usable fields of the information dictionary (`info`, keys without '/') and the XMP
    packet; the XMP wins where both carry one (it is the newer, Crossmark-mandated place)."""
    xmp = xmp_properties(packet)
    where: dict[str, str] = {}

    def first(name: str, candidates: list[tuple[str, str]], read: Any, empty: Any = "") -> Any:
        """The first candidate (where, raw value) that `read` makes something of."""
        for src, raw in candidates:
            value = read(raw)
            if value:
                where[name] = src
                return value
        return empty

    doi_slots = [(f"XMP {k}", v) for k in ("crossmark:DOI", "prism:doi", "pdfx:doi", "dc:identifier", "prism:url")
                 for v in xmp.get(k, [])] + [(f"/{k}", info.get(k, "")) for k in ("doi", "Subject", "WPS-ARTICLEDOI")]
    doi = first("doi", doi_slots, lambda v: _doi_in(v if not v.startswith("10.") else "doi:" + v))
    title = first("title", [("XMP dc:title", v) for v in xmp.get("dc:title", [])[:1]] + [("/Title", info.get("Title", ""))],
                  _title_in)
    keyword_slots = [("XMP pdf:Keywords", v) for v in xmp.get("pdf:Keywords", [])[:1]]
    keyword_slots += [("XMP prism:keyword", "; ".join(xmp["prism:keyword"]))] if xmp.get("prism:keyword") else []
    keywords = first("keywords", keyword_slots + [("/Keywords", info.get("Keywords", ""))], _keywords_in, ())
    abstract = first("abstract", [("XMP dc:description", v) for v in xmp.get("dc:description", [])[:1]]
                     + [("/Subject", info.get("Subject", ""))], _abstract_in)
    author = info.get("Author", "")
    people = re.split(r"\s*;\s*" if ";" in author else r",?\s+and\s+|,\s*", author)
    authors = first("authors", [("XMP dc:creator", xmp.get("dc:creator", [])), ("/Author", people)],
                    lambda names: _surnames(names) if len(names) >= 2 else (), ())
    return FileMeta(doi=doi, title=title, keywords=keywords, abstract=abstract, authors=authors, where=where)


def _title_in(raw: str) -> str:
    """A slot's text when it has a title's shape (references like &#x2010; resolved)."""
    value = unicodedata.normalize("NFC", _entities(raw))
    return value if _looks_like_title(value) else ""


def _keywords_in(raw: str) -> tuple[str, ...]:
    """A slot's keyword list when it holds two or more keywords, none of them a sentence."""
    found = _keyword_list(_entities(raw))
    return found if len(found) >= 2 and all(len(k) <= 80 for k in found) else ()


def _abstract_in(raw: str) -> str:
    """A slot's text when it is long enough to be an abstract and is no citation line."""
    value = " ".join(_entities(raw).split())
    return value if len(value) >= 300 and not _doi_in(value[:120]) else ""


_PERSON = re.compile(r"^[^\W\d_][\w.'’\-]*(?:\s+[^\W\d_][\w.'’\-]*){1,4}$")


def _surnames(names: list[str]) -> tuple[str, ...]:
    """The surnames of a creator list ("Given Surname" or "Surname, Given"; marks such as
    "1*" dropped), or () when any entry is no person's name ("Ali et al", "admin",
    "published by Dove Press")."""
    out = []
    for raw in names:
        name = re.sub(r"[\s\d*†‡§,]+$", "", " ".join(raw.split()))
        if "," in name:
            surname, _, given = name.partition(",")
            name, last = f"{given.strip()} {surname.strip()}", surname.strip()
        else:
            last = name.split()[-1] if name else ""
        if not _PERSON.match(name) or re.search(r"(?i)\bet al\b|\bpublished\b|\bpress\b|\badmin|\buser\b", name):
            return ()
        out.append(last)
    return tuple(out)


def _entities(text: str) -> str:
    """Numeric character references some exporters leave in the slots ("people&#x02010;centered")."""
    return re.sub(r"&#x([0-9a-fA-F]{1,6});|&#(\d{1,7});",
                  lambda m: chr(int(m.group(1), 16) if m.group(1) else int(m.group(2))), text or "")


# characters the page draws alike and a text layer may hand over as either (a hyphen glyph
# is U+002D or U+2010; quotes straight or curly; spaces of any width)
_ALIKE = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
                        "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
                        "\u00b5": "\u03bc", "\u00a0": " "})


def looks_alike(text: str) -> str:
    """`text` as the eye reads it: visually equal characters folded, spaces collapsed, case
    kept (GROBID's strict match ignores case, the page does not)."""
    return " ".join(unicodedata.normalize("NFC", text or "").translate(_ALIKE).split())


def same_words(a: str, b: str) -> bool:
    """Equal up to case, spacing and the characters that print alike."""
    return looks_alike(a).casefold() == looks_alike(b).casefold()


def same_keywords(a: list[str] | tuple[str, ...], b: list[str] | tuple[str, ...]) -> bool:
    return len(a) == len(b) and sorted(looks_alike(x).casefold() for x in a) == sorted(looks_alike(x).casefold() for x in b)


def _house_hyphens(art: "Article", title: str) -> None:
    """The publisher's hyphen character in the abstract and keywords too: a metadata title
    that spells every word hyphen U+2010 where the page draws a hyphen glyph shows that the
    publisher's text does (Wiley's XML sets word hyphens as U+2010 HYPHEN), and the page's
    glyphs cannot tell the two apart."""
    from parsers.joining import house_hyphens

    if not re.search(r"[^\W_]\u2010[^\W_]", title) or re.search(r"[^\W_]-[^\W_]", title):
        return
    art.abstract.en = house_hyphens(art.abstract.en)
    art.keywords.en = [house_hyphens(k) for k in art.keywords.en]


@dataclass
class Verdict:
    """What the file's metadata said about one article's fields: the field paths it confirms
    (equal to what the page gave) and those it disputes (field path, why)."""
    confirmed: set[str] = field(default_factory=set)
    disputed: list[tuple[str, str]] = field(default_factory=list)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", looks_alike(text).casefold())


def _overlap(a: str, b: str) -> float:
    """The share of `a`'s words that `b` holds (1.0: all of them)."""
    wa, wb = _words(a), set(_words(b))
    return sum(w in wb for w in wa) / len(wa) if wa else 0.0


def _describes(art: "Article", meta: FileMeta) -> bool:
    """Is the metadata this article's? Templates carry one article's metadata into the next
    one's file, so it must agree with the page on something that identifies the article
    (title, DOI, abstract, keywords or the author list), and a title it gives must not be
    another one."""
    ours_title = art.title.en or art.title.zh
    if meta.title and ours_title and _overlap(meta.title, ours_title) < 0.5 and _overlap(ours_title, meta.title) < 0.5:
        return False
    ours_sn = [c.surname or (c.name.en.split()[-1] if c.name.en else "") for c in art.contributors]
    return bool((meta.title and ours_title and same_words(meta.title, ours_title))
                or (meta.doi and art.doi and meta.doi.casefold() == art.doi.casefold())
                or (meta.abstract and art.abstract.en and same_words(meta.abstract, art.abstract.en))
                or (meta.keywords and art.keywords.en and same_keywords(art.keywords.en, meta.keywords))
                or (meta.authors and len(ours_sn) == len(meta.authors)
                    and all(_same_surname(a, b) for a, b in zip(ours_sn, meta.authors))))


def _same_surname(a: str, b: str) -> bool:
    """Equal, or one ends the other ("Hosseinpour Feizi" / "Feizi": where a compound
    surname splits is a matter of record, not of reading)."""
    a, b = looks_alike(a).casefold(), looks_alike(b).casefold()
    return bool(a and b) and (a == b or a.endswith(" " + b) or b.endswith(" " + a))


def _printed(text: str, page_text: str) -> bool:
    """Is `text` printed on the pages (spaces removed, characters that print alike folded)?"""
    flat = re.sub(r"\s+", "", looks_alike(text)).casefold()
    return bool(flat) and flat in page_text


def weigh(art: "Article", meta: FileMeta, page_text: str) -> Verdict:
    """Compare one article (the file's only one) with the file's metadata, mending what the
    page cannot tell and the metadata can; `page_text` is its first pages' text.

    - A field equal to the metadata up to case, spacing and look-alike characters is
      confirmed; where the two differ only in look-alike characters (U+2010 for '-', ’ for ')
      the metadata's characters are kept: the glyphs are the same, the publisher's record
      says which character it is.
    - A field that shares most words with the metadata's but differs is disputed (a title
      that lost or gained a line, an abstract cut short); one that shares few is left alone:
      the slot holds something else (a company name, a running title, a summary).
    - A DOI the page does not give is taken from the metadata: confirmed when it is printed
      on the pages after all, else disputed (not printed: the editor checks it).
    - Keywords the page does not give are taken when every one is printed on the pages.
    Nothing is done when the metadata does not identify this article (`_describes`)."""
    v = Verdict(set(), [])
    flat = re.sub(r"\s+", "", looks_alike(page_text)).casefold()
    src = meta.where
    if not _describes(art, meta):
        return v
    if meta.doi:
        ours = (art.doi or "").casefold()
        if ours == meta.doi.casefold():
            v.confirmed.add("doi")
        elif not ours:
            art.doi, art.doi_source = meta.doi, "metadata"
            art.warn("doi-from-metadata", f"DOI {meta.doi} from the PDF's metadata ({src['doi']}), "
                                          "not found in a DOI line on its pages")
            if _printed(meta.doi, flat):
                v.confirmed.add("doi")
            else:
                v.disputed.append(("doi", f"not printed on its pages: taken from the PDF's metadata ({src['doi']})"))
        else:
            v.disputed.append(("doi", f"the PDF's metadata ({src['doi']}) gives {meta.doi}"))
    if meta.title:
        key = "title.zh" if re.search(r"[\u4e00-\u9fff]", meta.title) else "title.en"
        ours = art.title.zh if key == "title.zh" else art.title.en
        if ours and same_words(ours, meta.title):
            v.confirmed.add(key)
            if looks_alike(ours) == looks_alike(meta.title) and ours != meta.title and key == "title.en":
                art.title.en = " ".join(meta.title.split())
                _house_hyphens(art, meta.title)
        elif ours and _overlap(meta.title, ours) >= 0.6 and _overlap(ours, meta.title) >= 0.6:
            v.disputed.append((key, f"the PDF's metadata ({src['title']}) reads “{meta.title[:120]}”"))
    if meta.keywords:
        ours_kw = list(art.keywords.en)
        if ours_kw and same_keywords(ours_kw, meta.keywords):
            v.confirmed.add("keywords.en")
            alike = {looks_alike(k).casefold(): k for k in meta.keywords}
            art.keywords.en = [alike.get(looks_alike(k).casefold(), k)
                               if looks_alike(alike.get(looks_alike(k).casefold(), "")) == looks_alike(k) else k
                               for k in ours_kw]
        elif not ours_kw and all(_printed(k, flat) for k in meta.keywords):
            art.keywords.en = list(meta.keywords)
            art.warn("keywords-from-metadata", f"keywords from the PDF's metadata ({src['keywords']}), each printed "
                                               "on its pages, where no keyword label was read")
            v.confirmed.add("keywords.en")
        elif ours_kw and sum(any(same_words(k, m) for m in meta.keywords) for k in ours_kw) * 2 >= len(ours_kw):
            v.disputed.append(("keywords.en", f"the PDF's metadata ({src['keywords']}) lists "
                                              f"“{'; '.join(meta.keywords)[:160]}”"))
    if meta.authors and art.contributors and art.language == "en":
        ours_sn = [c.surname or (c.name.en.split()[-1] if c.name.en else "") for c in art.contributors]
        if [looks_alike(x).casefold() for x in ours_sn] == [looks_alike(x).casefold() for x in meta.authors]:
            # (only the same surnames confirm: where a compound surname splits is the very
            # thing in doubt, so "Feizi" confirms no "Hosseinpour Feizi")
            v.confirmed.update({"contributors.name.en", "contributors.surname"})
        elif len(meta.authors) >= len(ours_sn) and not (
                len(ours_sn) == len(meta.authors) and all(_same_surname(a, b) for a, b in zip(ours_sn, meta.authors))):
            # (a list as long as ours or longer that names other people: one of them lost
            # or misread; a shorter one may be the slot's limit, and says nothing)
            v.disputed.append(("contributors.name.en", f"the PDF's metadata ({src['authors']}) lists "
                                                       f"{len(meta.authors)} authors: {', '.join(meta.authors)[:120]}"))
    if meta.abstract and art.abstract.en:
        ours = art.abstract.en
        if same_words(ours, meta.abstract):
            v.confirmed.add("abstract.en")
            if looks_alike(ours) == looks_alike(meta.abstract) and ours != meta.abstract:
                art.abstract.en = " ".join(meta.abstract.split())
        elif _overlap(meta.abstract, ours) >= 0.9 and _overlap(ours, meta.abstract) >= 0.9:
            v.disputed.append(("abstract.en", f"differs from the abstract in the PDF's metadata ({src['abstract']})"))
    return v
