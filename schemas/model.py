"""The issue/article data model: the one shape every later step reads.

The JSON form of these dataclasses is the output contract (`issue.json`, described by
`issue.schema.json` beside this file). Field names match the contract exactly so that
`asdict` is the serialisation and `from_dict` its inverse.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any

_ISSN = re.compile(r"^\d{4}-\d{3}[\dX]$")


@dataclass
class LangText:
    """A value printed in Chinese and/or English; empty string when not printed."""

    zh: str = ""
    en: str = ""


@dataclass
class Keywords:
    zh: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)


@dataclass
class Contributor:
    name: LangText = field(default_factory=LangText)
    name_pinyin: str = ""
    surname: str = ""
    given: str = ""
    affiliation: str = ""
    bio: str = ""
    email: str = ""
    orcid: str = ""
    corresponding: bool = False  # named by the 通信作者 / Corresponding author note


@dataclass
class Citation:
    n: int
    text: str
    urls: list[str] = field(default_factory=list)
    accessed: str | None = None  # ISO date of the first access date printed, None (null) when none is


@dataclass
class Warning:
    code: str
    message: str


# the code of a field that extraction is not sure of; its message starts with the field path
UNCERTAIN_FIELD = "uncertain-field"


def add_warning(warnings: list[Warning], code: str, message: str) -> None:
    """Append unless the same warning is already there (checks may run twice on re-extraction)."""
    if not any(w.code == code and w.message == message for w in warnings):
        warnings.append(Warning(code, message))


@dataclass
class Article:
    id: str
    type: str = "research-article"
    pdf_pages: list[int] = field(default_factory=lambda: [0, 0])
    fpage: str = ""
    lpage: str = ""
    title: LangText = field(default_factory=LangText)
    contributors: list[Contributor] = field(default_factory=list)
    abstract: LangText = field(default_factory=LangText)
    keywords: Keywords = field(default_factory=Keywords)
    clc: list[str] = field(default_factory=list)
    doc_code: str = ""
    doi: str = ""
    # where the DOI came from: "printed" (read from the page), "metadata" (the PDF's own
    # XMP or information dictionary, parsers.pdfmeta), "assigned" (made from the
    # journal's doi_pattern), "editor" (typed in a correction); "" when there is none
    doi_source: str = ""
    article_no: str = ""
    # the number a continuous-publication journal cites the article by in place of a page
    # range ("PLoS ONE 9(12): e0115884", "Sci Rep 7: 15867", "Article ID 5482578"): JATS
    # <elocation-id>, Crossref's article_number item_number; "" when it has none (and then
    # left out of the record)
    elocation: str = ""
    funding: str = ""
    received: str = ""
    citations: list[Citation] = field(default_factory=list)
    language: str = "zh"
    warnings: list[Warning] = field(default_factory=list)
    # how sure each field is, 0–1, by field path (parsers/confidence.py); below 0.8 an
    # `uncertain-field` warning says why
    confidence: dict[str, float] = field(default_factory=dict)
    # where each field was printed: {path: {"page": n of article.pdf, "box": [x0, top, x1,
    # bottom] in points from the page's top-left}} (parsers/provenance.py)
    provenance: dict[str, dict] = field(default_factory=dict)
    # the parser's doubts for the confidence pass, (field path, cap, why): where a field's end
    # rested on weak evidence. Not part of the record (Issue.to_dict leaves it out); kept on
    # the article so it travels with it to wherever the confidence is assessed (a thread, a
    # process or a Dask worker)
    doubts: list[tuple[str, float, str]] = field(default_factory=list, compare=False, repr=False)

    def warn(self, code: str, message: str) -> None:
        add_warning(self.warnings, code, message)


@dataclass
class PageOcr:
    """A page whose text layer was not trusted: why, and whether it was read by OCR instead."""
    page: int            # physical page, 1-based
    reason: str          # why the text layer was not trusted (parsers.ocr_trust)
    ocr: bool            # read from the page image (False: --ocr never, the layer was used as it is)
    confidence: float | None = None  # the OCR engine's mean line confidence on the page, 0-1


@dataclass
class Source:
    file: str
    sha256: str
    pages: int
    # the pages whose text layer was not trusted (none for a born-digital PDF: then the key
    # is left out of issue.json)
    pages_ocr: list[PageOcr] = field(default_factory=list)


@dataclass
class Journal:
    title: LangText = field(default_factory=LangText)
    issn: str = ""
    cn: str = ""
    abbrev: str = ""
    publisher: str = ""


@dataclass
class Issue:
    source: Source
    journal: Journal = field(default_factory=Journal)
    year: int | None = None
    volume: str = ""
    issue: str = ""
    articles: list[Article] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)  # journal.issn, year, issue

    @property
    def issue_id(self) -> str:
        """ISSN-year-issue when all three are known (a combined issue `5/6` as `5-6`), else
        the PDF's stem. It names the output folder: schemas.outdir checks it before use."""
        if _ISSN.match(self.journal.issn) and isinstance(self.year, int) and self.issue:
            return f"{self.journal.issn}-{self.year}-{self.issue.replace('/', '-')}"
        stem = self.source.file.replace("\\", "/").rsplit("/", 1)[-1]
        return stem[:-4] if stem.lower().endswith(".pdf") else stem

    def to_dict(self) -> dict[str, Any]:
        data = _asdict(self)
        if not data["source"]["pages_ocr"]:
            del data["source"]["pages_ocr"]
        for art in data["articles"]:
            del art["doubts"]
            if not art["elocation"]:
                del art["elocation"]
        return data

    def warn(self, code: str, message: str) -> None:
        add_warning(self.warnings, code, message)


_ATOMIC = frozenset({str, int, float, bool, type(None)})


def _asdict(obj: Any) -> Any:
    """`dataclasses.asdict(obj)`, the same dict, without its deep copy of every string and
    number (a 160-page issue's record holds some 6,000: a copy each returned the value
    itself, through `copy.deepcopy`). Any other value is converted as asdict does."""
    kind = type(obj)
    if kind in _ATOMIC:
        return obj
    if hasattr(kind, "__dataclass_fields__"):
        return {f.name: _asdict(getattr(obj, f.name)) for f in fields(obj)}
    if kind is list:
        return [_asdict(v) for v in obj]
    if kind is dict:
        return {_asdict(k): _asdict(v) for k, v in obj.items()}
    return asdict(_Holder(obj))["value"]  # (a tuple, a set, anything else: as asdict makes it)


@dataclass
class _Holder:
    value: Any


def _build(cls: type, data: Any) -> Any:
    """Rebuild nested dataclasses from their `asdict` form (used by `xml` and tests)."""
    if not isinstance(data, dict):
        return data
    kwargs = {}
    hints = {f.name: f.type for f in fields(cls)}
    for name, value in data.items():
        if name not in hints:
            continue
        kwargs[name] = _coerce(hints[name], value)
    return cls(**kwargs)


_TYPES: dict[str, type] = {
    "LangText": LangText,
    "Keywords": Keywords,
    "Contributor": Contributor,
    "Citation": Citation,
    "Warning": Warning,
    "Article": Article,
    "Source": Source,
    "PageOcr": PageOcr,
    "Journal": Journal,
}


def _coerce(hint: Any, value: Any) -> Any:
    hint = str(hint)
    if hint.startswith("list[") and isinstance(value, list):
        inner = hint[5:-1]
        if inner in _TYPES:
            return [_build(_TYPES[inner], v) for v in value]
        return list(value)
    if hint in _TYPES:
        return _build(_TYPES[hint], value)
    return value


def issue_from_dict(data: dict[str, Any]) -> Issue:
    return _build(Issue, data)
