"""Write `articles/<id>/article.xml` (JATS) and `crossref.xml` for one issue directory.

`write_issue_xml(issue_dir, settings)` is what `journal-ingest ingest` calls after writing
`issue.json` (and after the link checks, so `links.json` is there to read), and what
`journal-ingest xml` calls after an editor changed it. `refresh_link_notes(issue_dir)` is
what `journal-ingest links` calls after a re-check: it replaces only the link notes in the
existing JATS files (see schemas.jats_links), so it needs no journal settings. Every file
is validated before it is written (when schemas are available; otherwise a warning says
validation was skipped) and written atomically (temp file + os.replace), so a reader never
sees half a file and an invalid file never replaces a good one.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from parsers.errors import SchemaInvalid
from schemas import crossref, jats, jats_links, xmlcheck
from schemas.model import Issue
from schemas.outdir import inside
from schemas.record import read_record, write_atomic
from schemas.settings import JournalSettings

log = logging.getLogger(__name__)

CROSSREF_FILE = "crossref.xml"
ARTICLE_FILE = "article.xml"


@dataclass
class XmlResult:
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    validated: bool = False


def load_issue(issue_dir: Path) -> Issue:
    """Read and check `issue_dir/issue.json` (schemas.record.read_record: JSON, text,
    schema, unique ids) before any writer sees it; raises MissingFile or SchemaInvalid."""
    return read_record(Path(issue_dir) / "issue.json")


atomic_write = write_atomic  # kept under this module's old name for its callers


def _schema_dir(schema_dir: str | Path | None | bool) -> Path | None | bool:
    if schema_dir is False:
        return False
    found = xmlcheck.find_schema_dir(schema_dir or None)
    if found is None:
        xmlcheck.warn_no_schemas()
        return False
    return found


def generate_issue_xml(
    issue_dir: Path,
    settings: JournalSettings,
    *,
    timestamp: int | None = None,
    schemas_dir: str | Path | None | bool = None,
    issue: Issue | None = None,
) -> XmlResult:
    """Write what can be written; return paths written, warnings and per-file errors.

    `schemas_dir=None` locates the schemas (see xmlcheck.find_schema_dir); False skips XSD.
    `issue`: the record as written to `issue_dir/issue.json` (else it is read and checked).
    Without any deposit settings (no depositor, registrant or url_pattern) crossref.xml is
    skipped with a warning; with some but not all of them it is an error.
    """
    issue_dir = Path(issue_dir)
    # (an ingest passes the record it has just validated and written there: no second read)
    issue = issue if issue is not None else load_issue(issue_dir)
    sdir = _schema_dir(schemas_dir)
    result = XmlResult(validated=bool(sdir))
    kind_jats = "jats-1.3"
    notes = jats_links.load_notes(issue_dir)  # {} when the links were not checked
    for article in issue.articles:
        target = inside(issue_dir, issue_dir / "articles" / article.id / ARTICLE_FILE)  # no symlink out
        try:
            tree = jats.build_article(issue, article, settings, links=notes)
            xmlcheck.require_valid(tree, kind=kind_jats, schema_dir=sdir, name=str(target))
        except SchemaInvalid as exc:
            result.errors.append(str(exc))
            continue
        atomic_write(target, xmlcheck.serialize(tree))
        result.written.append(target)
    target = issue_dir / CROSSREF_FILE
    articles, skipped = crossref.deposit_articles(issue)
    if not any((settings.depositor_name, settings.depositor_email, settings.registrant, settings.url_pattern)):
        result.warnings.append(f"{CROSSREF_FILE} not written: the journal settings name no depositor, "
                               "registrant or url_pattern (pass --journal FILE)")
    elif not articles:
        result.warnings.extend(skipped)
        result.warnings.append(f"no article has a DOI: {CROSSREF_FILE} not written")
    else:
        ts = timestamp if timestamp is not None else crossref.next_timestamp(target)
        try:
            deposit = crossref.build_deposit(issue, settings, timestamp=ts)
            result.warnings.extend(deposit.warnings)
            xmlcheck.require_valid(deposit.tree, kind="crossref-5.3.1", schema_dir=sdir, name=str(target))
        except SchemaInvalid as exc:
            note = f"\n  (the existing {CROSSREF_FILE} was left unchanged)" if target.exists() else ""
            result.errors.append(f"{exc}{note}")
        else:
            atomic_write(target, xmlcheck.serialize(deposit.tree))
            result.written.append(target)
    for w in result.warnings:
        log.warning("%s", w)
    return result


def refresh_link_notes(
    issue_dir: Path,
    *,
    schemas_dir: str | Path | None | bool = None,
) -> XmlResult:
    """Put the verdicts and archived copies of `issue_dir/links.json` into the existing
    `articles/*/article.xml`, replacing older ones; each file validated, then replaced
    atomically (only when it changed). Articles without an article.xml are left alone.
    """
    issue_dir = Path(issue_dir)
    notes = jats_links.load_notes(issue_dir)
    sdir = _schema_dir(schemas_dir)
    result = XmlResult(validated=bool(sdir))
    parser = etree.XMLParser(no_network=True, resolve_entities=False, remove_blank_text=True)
    for target in sorted((issue_dir / "articles").glob(f"*/{ARTICLE_FILE}")):
        try:
            tree = etree.parse(str(target), parser)
        except etree.XMLSyntaxError as exc:
            result.errors.append(f"{target}: not well-formed XML, left unchanged: {exc}")
            continue
        before = xmlcheck.serialize(tree)
        jats_links.add_notes(tree.getroot(), notes)
        data = xmlcheck.serialize(tree)
        if data == before:
            continue
        try:
            kind = xmlcheck.detect_kind(tree.getroot())
            xmlcheck.require_valid(tree, kind=kind, schema_dir=sdir, name=str(target))
        except SchemaInvalid as exc:
            result.errors.append(str(exc))
            continue
        atomic_write(target, data)
        result.written.append(target)
    return result


def write_issue_xml(
    issue_dir: Path,
    settings: JournalSettings,
    *,
    timestamp: int | None = None,
    schemas_dir: str | Path | None | bool = None,
) -> list[Path]:
    """Write every article's JATS and the issue's crossref.xml; return the paths written.

    Raises SchemaInvalid (after writing everything valid) when any record could not be
    turned into valid XML, MissingFile when there is no issue.json, BadConfig for a bad
    schema directory or URL pattern. Articles without a DOI are left out of crossref.xml
    with a logged warning.
    """
    result = generate_issue_xml(issue_dir, settings, timestamp=timestamp, schemas_dir=schemas_dir)
    if result.errors:
        raise SchemaInvalid(issue_dir, f"{len(result.errors)} file(s) not written:\n" + "\n".join(result.errors))
    return result.written


__all__ = ["write_issue_xml", "generate_issue_xml", "refresh_link_notes", "load_issue", "atomic_write",
           "XmlResult"]
