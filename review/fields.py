"""Field paths in an article record, their types from issue.schema.json, and their checks.

A path names one value of one article the way an editor would say it: `title.en`,
`keywords.zh`, `contributors.1.name.en` (list items count from 1, as authors and citations
are numbered on the page), `citations.3.accessed`, `doi`, `fpage`. The type of the value
at a path is what `schemas/issue.schema.json` says, so the editor, the command line and the
web page agree with the record's contract instead of keeping a second list of types. On
top of the schema, identifiers go through the project's own validators
(`parsers/identifiers.py`): DOI syntax, CLC codes, 文献标识码, 文章编号, calendar dates.

Everything here is a pure function of (path, value); `review.edit` applies the result.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from parsers import identifiers
from parsers.errors import IngestError
from schemas.record import issue_schema

# Paths an editor may not change here, and why (said in the error).
READ_ONLY = {
    "id": "the article id names its folder",
    "pdf_pages": "the article's pages are cut from the issue PDF: re-ingest to change them",
    "warnings": "warnings are the extraction's findings, not a value",
    "confidence": "confidence is computed by the extraction",
    "citations.n": "citation numbers are positions in the list",
    "doi_source": "set by the DOI assignment and by every DOI edit",
    "provenance": "where a value was read on the page is the extraction's record",
}


class FieldError(IngestError):
    """A bad path, type or value for one field; `field` is the path, for the page to show
    the message beside it."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        super().__init__(field, problem)


@dataclass(frozen=True)
class FieldPath:
    """A parsed path: `parts` as stored in the record (list indexes 0-based ints)."""

    text: str
    parts: tuple[str | int, ...]

    @property
    def generic(self) -> str:
        """The path without list positions (`contributors.name.en`), as confidence keys read."""
        return ".".join(p for p in self.parts if isinstance(p, str))

    @property
    def indexed(self) -> bool:
        return any(isinstance(p, int) for p in self.parts)


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref:
        name = ref.rsplit("/", 1)[-1]
        return _resolve(issue_schema()["$defs"][name])
    return schema


def article_schema() -> dict[str, Any]:
    return issue_schema()["$defs"]["article"]


def parse_path(text: str, article: dict[str, Any]) -> tuple[FieldPath, dict[str, Any]]:
    """The path and the schema of its value; FieldError for an unknown, read-only or
    out-of-range path (list positions are checked against `article`)."""
    raw = text.strip()
    if not raw or not re.fullmatch(r"[a-z_]+(\.([a-z_]+|\d+))*", raw):
        raise FieldError(text or "(empty)", "not a field path (e.g. title.en, keywords.zh, contributors.1.name.en, doi)")
    schema: dict[str, Any] = article_schema()
    node: Any = article
    parts: list[str | int] = []
    for token in raw.split("."):
        schema = _resolve(schema)
        if token.isdigit():
            if schema.get("type") != "array":
                raise FieldError(raw, f"'{'.'.join(map(str, parts)) or raw}' is not a list: no item {token}")
            n = int(token)
            size = len(node) if isinstance(node, list) else 0
            if not 1 <= n <= size:
                raise FieldError(raw, f"no item {n} in {'.'.join(_shown(parts))} (it has {size}; items count from 1)")
            parts.append(n - 1)
            node = node[n - 1]
            schema = schema.get("items", {})
            continue
        props = schema.get("properties")
        if not props:
            raise FieldError(raw, f"'{'.'.join(_shown(parts))}' has no part '{token}'")
        if token not in props:
            where = ".".join(_shown(parts)) or "an article"
            raise FieldError(raw, f"unknown field '{token}' in {where} (known: {', '.join(sorted(props))})")
        parts.append(token)
        node = node.get(token) if isinstance(node, dict) else None
        schema = props[token]
    path = FieldPath(raw, tuple(parts))
    generic = path.generic
    for ro, why in READ_ONLY.items():
        if generic == ro or generic.startswith(ro + "."):
            raise FieldError(raw, f"read-only: {why}")
    return path, _resolve(schema)


def _shown(parts: list[str | int]) -> list[str]:
    return [str(p + 1) if isinstance(p, int) else p for p in parts]


def get_value(article: dict[str, Any], path: FieldPath) -> Any:
    node: Any = article
    for k, p in enumerate(path.parts):
        if k == len(path.parts) - 1 and isinstance(node, dict) and p not in node:
            return ""  # (an optional text field the record leaves out when empty: elocation)
        node = node[p]
    return node


def set_value(article: dict[str, Any], path: FieldPath, value: Any) -> None:
    node: Any = article
    for p in path.parts[:-1]:
        node = node[p]
    node[path.parts[-1]] = value


# ---- types --------------------------------------------------------------------------------


def kind(schema: dict[str, Any]) -> str:
    """What the schema asks for, in the words a form and an error use: `text`, `date`,
    `date-or-null`, `choice`, `list`, `integer`, `object`."""
    schema = _resolve(schema)
    if "anyOf" in schema:
        kinds = {kind(s) for s in schema["anyOf"]}
        return "date-or-null" if "date" in kinds else "text"
    if "enum" in schema:
        return "choice"
    if schema.get("pattern", "").startswith("^(\\d{4}-\\d{2}-\\d{2})"):
        return "date"
    t = schema.get("type")
    if t == "array":
        return "list"
    if t == "integer":
        return "integer"
    if t == "object":
        return "object"
    if t == "null":
        return "null"
    return "text"


_EXAMPLES = {"list": '["日本", "北约"]', "integer": "12", "object": '{"zh": "…", "en": "…"}'}


def parse_text_value(text: str, schema: dict[str, Any], field: str) -> Any:
    """A value typed as text (the command line's VALUE) as the schema's type: text fields take
    the text as it is, lists and objects take JSON, a date-or-null field takes `null`."""
    k = kind(schema)
    if k in ("text", "choice", "date"):
        return text
    if k == "date-or-null":
        return None if text.strip() in ("null", "") else text
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise FieldError(field, f"expected JSON for a {k} (e.g. '{_EXAMPLES.get(k, '')}'), got {text!r}") from None


def _type_name(value: Any) -> str:
    return {str: "text", list: "list", dict: "object", int: "integer", float: "number",
            bool: "true/false", type(None): "null"}.get(type(value), type(value).__name__)


# ---- checks -------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000-\uf8ff]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_ORCID = re.compile(r"(\d{4})-(\d{4})-(\d{4})-(\d{3}[\dX])")
_PAGE = re.compile(r"[A-Za-z0-9]*")


def orcid_ok(value: str) -> bool:
    """An ORCID iD (bare or https://orcid.org/…) with a good ISO 7064 11,2 check digit."""
    m = _ORCID.fullmatch(value.removeprefix("https://orcid.org/"))
    if not m:
        return False
    digits = "".join(m.groups())
    total = 0
    for d in digits[:-1]:
        total = (total + int(d)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


def _iso_date(value: str) -> bool:
    try:
        return dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def normalise(path: FieldPath, value: Any) -> Any:
    """Trim text; a DOI pasted as a doi.org link or `doi:` becomes the bare DOI."""
    if isinstance(value, str):
        value = value.strip()
        if path.generic == "doi":
            value = identifiers.to_halfwidth(value)
            for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:", "DOI:"):
                if value.startswith(prefix):
                    value = value[len(prefix):].strip()
    elif isinstance(value, list):
        value = [v.strip() if isinstance(v, str) else v for v in value]
    return value


def check_value(path: FieldPath, schema: dict[str, Any], value: Any) -> None:
    """FieldError when `value` has the wrong type for `path` or fails its validator."""
    field = path.text
    k = kind(schema)
    if k in ("text", "choice", "date") and not isinstance(value, str):
        raise FieldError(field, f"expected text, got {_type_name(value)}")
    if k == "date-or-null" and not (value is None or isinstance(value, str)):
        raise FieldError(field, f"expected an ISO date (YYYY-MM-DD) or null, got {_type_name(value)}")
    if k == "list":
        if not isinstance(value, list):
            raise FieldError(field, f"expected a list (JSON, e.g. '{_EXAMPLES['list']}'), got {_type_name(value)}")
        item = _resolve(schema.get("items", {}))
        if item.get("type") == "string":
            bad = [v for v in value if not isinstance(v, str)]
            if bad:
                raise FieldError(field, f"expected a list of text, got {_type_name(bad[0])} {bad[0]!r} in it")
            if any(not v for v in value):
                raise FieldError(field, "empty item in the list")
            dup = sorted({v for v in value if value.count(v) > 1})
            if dup:
                raise FieldError(field, f"{dup[0]!r} twice in the list")
    if k == "integer" and (not isinstance(value, int) or isinstance(value, bool)):
        raise FieldError(field, f"expected an integer, got {_type_name(value)}")
    if k == "object" and not isinstance(value, dict):
        raise FieldError(field, f"expected an object (JSON, e.g. '{_EXAMPLES['object']}'), got {_type_name(value)}")
    if k == "choice" and value not in schema["enum"]:
        raise FieldError(field, f"{value!r} is not one of: {', '.join(schema['enum'])}")
    if isinstance(value, str) and _CONTROL.search(value):
        raise FieldError(field, "control or private-use character in the value")
    if k in ("date", "date-or-null") and value and not _iso_date(value):
        raise FieldError(field, f"{value!r} is not a calendar date as YYYY-MM-DD")
    pattern = schema.get("pattern")
    if isinstance(value, str) and pattern and k not in ("date", "date-or-null") and not re.search(pattern, value):
        raise FieldError(field, f"{value!r} does not match {pattern}")
    _check_identifier(path, value)


def _check_identifier(path: FieldPath, value: Any) -> None:
    field, g = path.text, path.generic
    if g == "doi" and value and not identifiers.valid_doi(value):
        raise FieldError(field, f"{value!r} is not a DOI (10.NNNN/suffix)")
    if g == "clc":
        bad = [c for c in value if not identifiers.valid_clc(c)]
        if bad:
            raise FieldError(field, f"{bad[0]!r} is not a CLC code (e.g. D822.331.3)")
    if g == "doc_code" and value and not identifiers.valid_doc_code(value):
        raise FieldError(field, f"{value!r} is not a 文献标识码 (A, B, C, D or E)")
    if g == "article_no" and value:
        parsed = identifiers.parse_article_no(value)
        if parsed is None or parsed.ascii != value:
            raise FieldError(field, f"{value!r} is not a 文章编号 as ISSN(year)issue-fpage-pages, e.g. 2095-3453(2023)06-0043-12")
        if not identifiers.valid_issn(parsed.issn):
            raise FieldError(field, f"the ISSN {parsed.issn} in {value!r} has a wrong check digit")
    if g in ("fpage", "lpage") and not _PAGE.fullmatch(value):
        raise FieldError(field, f"{value!r} is not a page number (letters and digits, as printed)")
    if g == "contributors.email" and value and not _EMAIL.fullmatch(value):
        raise FieldError(field, f"{value!r} is not an e-mail address")
    if g == "contributors.orcid" and value and not orcid_ok(value):
        raise FieldError(field, f"{value!r} is not an ORCID iD (0000-0002-1825-0097; check digit)")
    if g == "citations.urls":
        bad = [u for u in value if not re.match(r"https?://\S+$", u)]
        if bad:
            raise FieldError(field, f"{bad[0]!r} is not an http(s) URL")


def editable_paths(article: dict[str, Any]) -> list[tuple[str, str]]:
    """Every editable leaf path of `article` with its kind, in record order (for the page)."""
    out: list[tuple[str, str]] = []

    def walk(node: Any, schema: dict[str, Any], prefix: str) -> None:
        schema = _resolve(schema)
        k = kind(schema)
        generic = ".".join(t for t in prefix.split(".") if t and not t.isdigit())
        if any(generic == ro or generic.startswith(ro + ".") for ro in READ_ONLY):
            return
        if k == "object" and isinstance(node, dict):
            for name, sub in schema.get("properties", {}).items():
                if name in node:
                    walk(node[name], sub, f"{prefix}.{name}" if prefix else name)
            return
        if k == "list" and _resolve(schema.get("items", {})).get("type") == "object":
            for i, item in enumerate(node or [], start=1):
                walk(item, schema["items"], f"{prefix}.{i}")
            return
        out.append((prefix, k))

    walk(article, article_schema(), "")
    return out
