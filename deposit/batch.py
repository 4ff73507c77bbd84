"""Read, validate and minimally edit a Crossref deposit file (`crossref.xml`).

`validate_file` checks against the 5.3.1 schema and the extra Crossref checks of
`schemas.xmlcheck` (compiled once per process, no network).
`read_batch` extracts what the workflow needs: head (`doi_batch_id`, `timestamp`), and per
`journal_article` the DOI, display fields and a hash of the record without the timestamp
(so a metadata change after registration can mark the DOI `stale`).
"""
from __future__ import annotations

import hashlib
import os
import time
from datetime import datetime, timezone
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from parsers.errors import BadConfig, MissingFile, SchemaInvalid
from schemas import xmlcheck
from schemas.crossref import make_timestamp


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=False)


def validate_file(path: Path, schema_dir: Path | None = None) -> None:
    """Raise unless `path` is a valid Crossref 5.3.1 deposit (XSD + `schemas.xmlcheck` checks).

    Unlike `journal-ingest xml`, a deposit never skips the XSD: with no schema directory
    found it refuses. The schema is compiled once per process (cached in xmlcheck).
    Raises MissingFile, BadConfig (no schemas) or SchemaInvalid (first problems listed).
    """
    if not path.is_file():
        raise MissingFile(path, "no crossref.xml here; run `journal-ingest xml` first")
    schema_dir = schema_dir or xmlcheck.find_schema_dir()
    if schema_dir is None:
        raise BadConfig(path, f"cannot validate before depositing: no schema directory found "
                        f"(set {xmlcheck.ENV_VAR} or run `journal-ingest schemas fetch`)")
    report = xmlcheck.validate_file(path, schema_dir=schema_dir)
    if report.kind != "crossref-5.3.1":
        raise SchemaInvalid(path, f"not a Crossref 5.3.1 deposit ({'; '.join(map(str, report.problems[:1])) or report.kind})")
    if not report.ok:
        shown = "; ".join(str(p) for p in report.problems[:3])
        more = f" (+{len(report.problems) - 3} more)" if len(report.problems) > 3 else ""
        raise SchemaInvalid(path, f"not valid Crossref 5.3.1, refusing to deposit: {shown}{more}")


@dataclass
class Record:
    doi: str
    title: str = ""
    authors: list[str] = field(default_factory=list)
    first_page: str = ""
    last_page: str = ""
    resource: str = ""
    year: str = ""
    record_hash: str = ""


@dataclass
class Batch:
    path: Path
    sha256: str
    doi_batch_id: str
    timestamp: int
    depositor: str = ""
    registrant: str = ""
    journal_title: str = ""
    issn: str = ""
    volume: str = ""
    issue: str = ""
    records: list[Record] = field(default_factory=list)
    content: bytes = field(default=b"", repr=False)  # the exact bytes hashed and sent

    @property
    def dois(self) -> list[str]:
        return [r.doi for r in self.records]


def _t(el: etree._Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _name(el: etree._Element) -> str:
    given, surname = _t(el.find("{*}given_name")), _t(el.find("{*}surname"))
    if el.get("name-style") == "eastern":
        return f"{surname}{given}" if not (surname + given).isascii() else f"{surname} {given}".strip()
    return " ".join(p for p in (given, surname) if p)


def _person(person: etree._Element) -> str:
    """Display name; an eastern name is followed by its western alt-name: 张伟 (Wei Zhang)."""
    main = _name(person)
    alts = [_name(n) for n in person.iterfind("{*}alt-name/{*}name")]
    return f"{main} ({', '.join(alts)})" if alts else main


def _record_hash(article: etree._Element) -> str:
    return hashlib.sha256(etree.tostring(article, method="c14n")).hexdigest()


def read_batch(path: Path) -> Batch:
    """Parse `path` (already validated) into a Batch. Raises MissingFile / SchemaInvalid."""
    if not path.is_file():
        raise MissingFile(path, "no crossref.xml here; run `journal-ingest xml` first")
    data = path.read_bytes()
    try:
        root = etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as exc:
        raise SchemaInvalid(path, f"not well-formed XML: {exc.msg}") from None
    head = root.find("{*}head")
    try:
        timestamp = int(_t(head.find("{*}timestamp")))
    except (AttributeError, ValueError):
        raise SchemaInvalid(path, "head/timestamp missing or not an integer") from None
    journal = root.find("{*}body/{*}journal")
    batch = Batch(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        doi_batch_id=_t(head.find("{*}doi_batch_id")),
        timestamp=timestamp,
        depositor=_t(head.find("{*}depositor/{*}depositor_name")),
        registrant=_t(head.find("{*}registrant")),
        content=data,
    )
    if journal is not None:
        batch.journal_title = _t(journal.find("{*}journal_metadata/{*}full_title"))
        batch.issn = _t(journal.find("{*}journal_metadata/{*}issn"))
        batch.volume = _t(journal.find("{*}journal_issue/{*}journal_volume/{*}volume"))
        batch.issue = _t(journal.find("{*}journal_issue/{*}issue"))
    for art in root.iter("{*}journal_article"):
        rec = Record(
            doi=_t(art.find("{*}doi_data/{*}doi")),
            title=" / ".join(_t(t) for t in art.iterfind("{*}titles/{*}title")),
            first_page=_t(art.find("{*}pages/{*}first_page")),
            last_page=_t(art.find("{*}pages/{*}last_page")),
            resource=_t(art.find("{*}doi_data/{*}resource")),
            year=_t(art.find("{*}publication_date/{*}year")),
            record_hash=_record_hash(art),
        )
        for person in art.iterfind("{*}contributors/{*}person_name"):
            rec.authors.append(_person(person))
        for org in art.iterfind("{*}contributors/{*}organization"):
            rec.authors.append(_t(org))
        batch.records.append(rec)
    return batch


# Fields an editor may correct before approving, and where they live in a journal_article
# ("title" is the first printed title, i.e. the one in the article's language).
CORRECTABLE = {
    "title": "{*}titles/{*}title",
    "first_page": "{*}pages/{*}first_page",
    "last_page": "{*}pages/{*}last_page",
    "resource": "{*}doi_data/{*}resource",
}


def new_timestamp(previous: int, now: float | None = None) -> int:
    """A Crossref timestamp (yyyymmddhhmmss + milliseconds) strictly greater than `previous`."""
    moment = datetime.fromtimestamp(time.time() if now is None else now, timezone.utc)
    return max(make_timestamp(moment), previous + 1)


def _write_replacing(path: Path, root: etree._Element, old_data: bytes, old_stamp: int) -> None:
    """Keep the previous file as `crossref.xml.<old-timestamp>.bak`, write the new one atomically."""
    path.with_name(f"{path.name}.{old_stamp}.bak").write_bytes(old_data)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    os.replace(tmp, path)


def restamp(path: Path, after: int = 0, now: float | None = None) -> tuple[str, str]:
    """Give `path` a new timestamp (newer than its own and than `after`) and a new
    `doi_batch_id`, for a forced re-send: Crossref refuses a record whose timestamp is
    not newer than the one it has ("less or equal to previously submitted version"), and
    tracks batches by their id. The batch id keeps its stem, with the new timestamp in
    place of the old one (or appended). Returns (old "id @ timestamp", new one)."""
    data = path.read_bytes()
    root = etree.fromstring(data, _safe_parser())
    stamp_el, id_el = root.find("{*}head/{*}timestamp"), root.find("{*}head/{*}doi_batch_id")
    if stamp_el is None or id_el is None:
        raise SchemaInvalid(path, "head/timestamp or head/doi_batch_id missing")
    old_stamp, old_id = int(_t(stamp_el)), _t(id_el)
    new_stamp = new_timestamp(max(old_stamp, after), now)
    stem = old_id[: -len(str(old_stamp)) - 1] if old_id.endswith(f"-{old_stamp}") else old_id
    new_id = f"{stem[:100 - len(str(new_stamp)) - 1]}-{new_stamp}"
    stamp_el.text, id_el.text = str(new_stamp), new_id
    _write_replacing(path, root, data, old_stamp)
    return f"{old_id} @ {old_stamp}", f"{new_id} @ {new_stamp}"


def apply_corrections(path: Path, corrections: list[tuple[str, str, str]], now: float | None = None) -> list[str]:
    """Apply (doi, field, value) corrections to `path` in place and bump its timestamp.

    The previous file is kept as `crossref.xml.<old-timestamp>.bak`. Returns human-readable
    change notes. Raises SchemaInvalid for an unknown field or DOI. Nothing to apply (the
    corrections were made in issue.json, which rebuilt the file): the file is left alone.
    """
    if not corrections:
        return []
    data = path.read_bytes()
    root = etree.fromstring(data, _safe_parser())
    articles = {_t(a.find("{*}doi_data/{*}doi")): a for a in root.iter("{*}journal_article")}
    notes = []
    for doi, name, value in corrections:
        if name not in CORRECTABLE:
            raise SchemaInvalid(path, f"cannot correct '{name}' (correctable: {', '.join(CORRECTABLE)})")
        if doi not in articles:
            raise SchemaInvalid(path, f"no article with DOI {doi} in this deposit")
        el = articles[doi].find(CORRECTABLE[name])
        if el is None:
            raise SchemaInvalid(path, f"{doi} has no {name} element to correct")
        old = _t(el)
        for child in list(el):
            el.remove(child)
        el.text = value
        notes.append(f"{doi} {name}: {old!r} -> {value!r}")
    stamp_el = root.find("{*}head/{*}timestamp")
    old_stamp = int(_t(stamp_el))
    stamp_el.text = str(new_timestamp(old_stamp, now))
    _write_replacing(path, root, data, old_stamp)
    return notes
