"""Apply an editor's correction to an issue folder: one field, checked, logged, and every
file that depends on it rebuilt, all or nothing.

`apply_edit(issue_dir, article, field, value, editor=…, version=…)` is what both
`journal-ingest edit` and the review web app (`review.app`) call, so a correction made in
either place is the same: the value is typed and checked by `review.fields` (the record's
JSON Schema plus the identifier validators); the save is refused when the article changed
since the editor read it (`version`: a hash of the article's record, so two editors on two
articles do not block each other and no update is lost on the same one); then every file
that shows the value is rebuilt in memory and checked —

- `articles/<id>/article.xml` (JATS 1.3, XSD when the schemas are found),
- `crossref.xml` (Crossref 5.3.1, XSD; needs the journal settings that wrote it),
- `articles/<id>/article.pdf`'s document info (read back to check),
- `report.html` (parsed back to check), and
- `issue.json` itself (its JSON Schema);

and only when every one is good are they written (each to a temporary file first, then all
renamed), `issue.json` last, and the change appended to `corrections.jsonl` (time, editor,
article, field, old, new). Anything that fails raises an `IngestError` saying which file and
why, and leaves every previous file as it was. A lock file (`.edit.lock`) serialises saves
from several processes or threads on one folder.
"""
from __future__ import annotations

import fcntl
import getpass
import hashlib
import io
import json
import os
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from parsers.errors import BadConfig, IngestError, SchemaInvalid
from schemas.model import UNCERTAIN_FIELD, Issue, issue_from_dict
from schemas.record import current_umask, dumps, read_json, validate_record
from schemas.settings import JournalSettings

from review import fields as F

CORRECTIONS = "corrections.jsonl"
LOCK = ".edit.lock"


class VersionConflict(IngestError):
    """The article changed since the editor read it: their save would undo someone's."""

    exit_code = 3


class RegisteredDoi(IngestError):
    """The DOI being changed is registered with Crossref (the ledger says so)."""


class Regeneration(IngestError):
    """A file that depends on the record could not be rebuilt; nothing was written."""


@dataclass
class Change:
    article: str
    field: str
    old: Any
    new: Any


@dataclass
class EditResult:
    changes: list[Change]
    versions: dict[str, str]  # article id -> its version after the save
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was skipped and why (no schemas, no settings)
    seconds: float = 0.0


def article_version(article: dict[str, Any]) -> str:
    """A short hash of one article's record: what a save must have been based on."""
    text = json.dumps(article, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# issue.json contents (by sha256) known to match the schema: validating a 20-article record
# takes about 0.4 s, and the workbench reads it on every request and save
_VALID: dict[str, str] = {}


def read_issue_dict(issue_dir: Path) -> dict[str, Any]:
    """issue.json as a dict, checked against its schema (once per content)."""
    path = Path(issue_dir) / "issue.json"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return read_json(path)  # raises MissingFile with the usual message
    digest = hashlib.sha256(raw).hexdigest()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return read_json(path)  # raises SchemaInvalid with the usual message
    if not isinstance(data, dict):
        return read_json(path)
    if _VALID.get(str(path.resolve())) != digest:
        validate_record(data, path)
        _VALID[str(path.resolve())] = digest
    return data


def validate_articles(data: dict[str, Any], ids: list[str], where: Path) -> None:
    """The changed articles against the schema's article definition (the rest of the record
    was validated when it was read): SchemaInvalid naming the first offending field."""
    from schemas.record import _validator, schema_error

    validator = _validator("article")
    for k, art in enumerate(data["articles"]):
        if art["id"] not in ids:
            continue
        error = schema_error(validator, art)
        if error is not None:
            at = "/".join(str(p) for p in ["articles", k, *filter(None, error[0].split("/"))])
            raise SchemaInvalid(where, f"issue.json does not match its schema at {at}: {error[1]}")


def find_article(data: dict[str, Any], article_id: str, where: object = "issue.json") -> dict[str, Any]:
    for art in data["articles"]:
        if art["id"] == article_id:
            return art
    ids = ", ".join(a["id"] for a in data["articles"])
    raise F.FieldError(article_id, f"no article {article_id!r} in {where} (articles: {ids})")


@contextmanager
def locked(issue_dir: Path) -> Iterator[None]:
    """One save at a time per issue folder (flock: released if the process dies)."""
    with open(Path(issue_dir) / LOCK, "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


# ---- one edit -----------------------------------------------------------------------------


def prepare_value(article: dict[str, Any], field_path: str, value: Any, *,
                  as_text: bool = False) -> tuple[F.FieldPath, Any]:
    """The parsed path and the checked, normalised value; FieldError otherwise.
    as_text: `value` is text as typed on a command line (JSON for lists, objects, numbers)."""
    path, schema = F.parse_path(field_path, article)
    if as_text:
        value = F.parse_text_value(value, schema, path.text)
    value = F.normalise(path, value)
    F.check_value(path, schema, value)
    return path, value


def clear_flags(article: dict[str, Any], path: F.FieldPath) -> None:
    """An editor's value is checked by a person: the extraction's doubts about it go (its
    `uncertain-field` and `missing-field` warnings, and its confidence becomes 1). Only for
    whole fields: `contributors.2.name.en` leaves `contributors.name.en`'s doubts about the
    other authors in place."""
    if path.indexed:
        return
    from review.report import flagged_fields

    g = path.generic
    article["warnings"] = [w for w in article.get("warnings", []) if not _about(w, g, flagged_fields)]
    if g in article.get("confidence", {}):
        article["confidence"][g] = 1.0


def _about(w: dict[str, Any], generic: str, flagged_fields: Callable[..., set[str]]) -> bool:
    from schemas.model import Warning

    if w["code"] == UNCERTAIN_FIELD:
        return w["message"].split(":", 1)[0] == generic
    return generic in flagged_fields([Warning(w["code"], w["message"])])


def apply_edit(issue_dir: Path, article_id: str, field_path: str, value: Any, *,
               editor: str = "", version: str | None = None, settings: JournalSettings | None = None,
               schemas_dir: str | Path | None | bool = None, ledger: str | Path | None = None,
               force: bool = False, as_text: bool = False,
               render: Callable[[Path, int], Any] | None = None) -> EditResult:
    """Set one field of one article, rebuild what depends on it, log it; see the module doc.

    Raises FieldError (bad path, type or value), VersionConflict (`version` is not the
    article's current one), RegisteredDoi (changing a DOI the ledger shows registered,
    unless `force`), Regeneration or SchemaInvalid (a dependent file would be invalid;
    nothing written), MissingFile/SchemaInvalid for a missing or bad issue.json.
    """
    start = time.perf_counter()
    issue_dir = Path(issue_dir)
    with locked(issue_dir):
        data = read_issue_dict(issue_dir)
        art = find_article(data, article_id, issue_dir / "issue.json")
        if version is not None and version != article_version(art):
            raise VersionConflict(f"{issue_dir / 'issue.json'} {article_id}",
                                  "changed since you opened it (someone else saved): reload to see their "
                                  "change, then make yours again")
        path, new = prepare_value(art, field_path, value, as_text=as_text)
        old = F.get_value(art, path)
        notes: list[str] = []
        if path.generic == "doi" and old and new != old:
            notes += _doi_guard(issue_dir, data, old, ledger, force)
        F.set_value(art, path, new)
        if path.text == "contributors":
            _renumber_provenance(art, old, new)
        if path.generic == "doi":
            art["doi_source"] = "editor" if new else ""
        clear_flags(art, path)
        change = Change(article_id, path.text, old, new)
        result = commit(issue_dir, data, [change], editor=editor, settings=settings,
                        schemas_dir=schemas_dir, render=render)
        result.notes = notes + result.notes
    result.seconds = time.perf_counter() - start
    return result


def _renumber_provenance(art: dict[str, Any], old: list[dict], new: list[dict]) -> None:
    """After authors were added, removed or reordered, each author's boxes follow the author
    (matched by the whole record); a changed or new author has none."""
    prov = art.get("provenance")
    if not prov:
        return
    moved = {k: v for k, v in prov.items() if not k.startswith("contributors.")}
    used: set[int] = set()
    for j, person in enumerate(new):
        i = next((i for i, p in enumerate(old) if p == person and i not in used), None)
        if i is None:
            continue
        used.add(i)
        prefix = f"contributors.{i + 1}."
        for key, where in prov.items():
            if key.startswith(prefix):
                moved[f"contributors.{j + 1}.{key[len(prefix):]}"] = where
    art["provenance"] = moved


def _doi_guard(issue_dir: Path, data: dict[str, Any], old: str, ledger: str | Path | None,
               force: bool) -> list[str]:
    from review.ledger_view import registered_states

    states = registered_states(issue_dir, [old], ledger).get(old.lower(), [])
    if not states:
        return []
    where = ", ".join(f"{s.endpoint} ({s.state})" for s in states)
    message = (f"{old} is registered with Crossref ({where}): Crossref keeps the old DOI "
               "registered and resolving, so a new one makes two DOIs for one article")
    if not force:
        raise RegisteredDoi(old, message + "; pass --force to change it anyway")
    return [f"warning: {message}"]


# ---- regenerate and write, all or nothing -------------------------------------------------


def commit(issue_dir: Path, data: dict[str, Any], changes: list[Change], *, editor: str = "",
           settings: JournalSettings | None = None, schemas_dir: str | Path | None | bool = None,
           render: Callable[[Path, int], Any] | None = None) -> EditResult:
    """Rebuild every file that depends on the changed articles, check each, then write them
    all and `issue.json`, and log `changes`. Call inside `locked(issue_dir)`."""
    changed = sorted({c.article for c in changes})
    validate_articles(data, changed, issue_dir / "issue.json")
    issue = issue_from_dict(json.loads(json.dumps(data)))
    files: dict[Path, bytes] = {}
    notes: list[str] = []
    files.update(_crossref(issue_dir, issue, settings, schemas_dir, notes))
    files.update(_jats(issue_dir, issue, changed, settings or JournalSettings(), schemas_dir, notes))
    files.update(_pdfs(issue_dir, issue, changed))
    files.update(_report(issue_dir, issue, render))
    record = dumps(issue).encode("utf-8")
    files[issue_dir / "issue.json"] = record
    written = _write_all(files)
    _VALID[str((issue_dir / "issue.json").resolve())] = hashlib.sha256(record).hexdigest()
    _log(issue_dir, changes, editor)
    versions = {a["id"]: article_version(a) for a in data["articles"] if a["id"] in changed}
    return EditResult(changes, versions, written, notes)


def _jats(issue_dir: Path, issue: Issue, changed: list[str], settings: JournalSettings,
          schemas_dir: str | Path | None | bool, notes: list[str]) -> dict[Path, bytes]:
    from schemas import jats, jats_links, xmlcheck
    from schemas.write_xml import ARTICLE_FILE, _schema_dir

    sdir = _schema_dir(schemas_dir)
    if not sdir:
        notes.append("XML not checked against its XSD (no schemas found; see --schemas)")
    link_notes = jats_links.load_notes(issue_dir)
    out = {}
    for art in issue.articles:
        if art.id not in changed:
            continue
        target = issue_dir / "articles" / art.id / ARTICLE_FILE
        try:
            tree = jats.build_article(issue, art, settings, links=link_notes)
            xmlcheck.require_valid(tree, kind="jats-1.3", schema_dir=sdir, name=str(target))
        except SchemaInvalid as exc:
            raise Regeneration(target, f"would not be valid JATS, nothing saved: {exc.problem}") from None
        if _journal_meta(target) not in (None, _journal_meta(tree)):
            raise Regeneration(target, "its journal metadata (ISSN, publisher, journal title) would change: pass "
                                       "the journal settings it was written with (--journal FILE); nothing saved")
        out[target] = xmlcheck.serialize(tree)
    return out


def _journal_meta(source: Path | Any) -> bytes | None:
    """The <journal-meta> of a JATS file or tree, canonical; None when there is no file."""
    from lxml import etree

    if isinstance(source, Path):
        if not source.is_file():
            return None
        try:
            source = etree.parse(str(source), etree.XMLParser(no_network=True, resolve_entities=False,
                                                              remove_blank_text=True))
        except etree.XMLSyntaxError:
            return b"unreadable"
    found = source.find(".//journal-meta")
    return b"" if found is None else etree.canonicalize(etree.tostring(found, encoding="unicode"), strip_text=True).encode("utf-8")


def has_deposit_settings(settings: JournalSettings | None) -> bool:
    return bool(settings and any((settings.depositor_name, settings.depositor_email,
                                  settings.registrant, settings.url_pattern)))


def _crossref(issue_dir: Path, issue: Issue, settings: JournalSettings | None,
              schemas_dir: str | Path | None | bool, notes: list[str]) -> dict[Path, bytes]:
    from schemas import crossref, xmlcheck
    from schemas.write_xml import CROSSREF_FILE, _schema_dir

    target = issue_dir / CROSSREF_FILE
    if not has_deposit_settings(settings):
        if target.exists():
            raise Regeneration(target, "would go stale: it was written with journal settings, and none were "
                                       "given to rebuild it (pass --journal FILE); nothing saved")
        notes.append(f"{CROSSREF_FILE} not written (no journal settings with deposit details)")
        return {}
    assert settings is not None
    articles, _ = crossref.deposit_articles(issue)
    if not articles:
        notes.append(f"{CROSSREF_FILE} not written: no article has a DOI")
        return {}
    try:
        deposit = crossref.build_deposit(issue, settings, timestamp=crossref.next_timestamp(target))
        xmlcheck.require_valid(deposit.tree, kind="crossref-5.3.1", schema_dir=_schema_dir(schemas_dir),
                               name=str(target))
    except (SchemaInvalid, BadConfig) as exc:
        raise Regeneration(target, f"would not be a valid deposit, nothing saved: {exc.problem}") from None
    notes.extend(deposit.warnings)
    return {target: xmlcheck.serialize(deposit.tree)}


def _pdfs(issue_dir: Path, issue: Issue, changed: list[str]) -> dict[Path, bytes]:
    from parsers.article_pdf import document_info, with_document_info

    out = {}
    for art in issue.articles:
        target = issue_dir / "articles" / art.id / "article.pdf"
        if art.id not in changed or not target.is_file():
            continue
        try:
            data = with_document_info(target.read_bytes(), art)
            from pypdf import PdfReader

            back = PdfReader(io.BytesIO(data)).metadata or {}
            want = document_info(art)
            if any(back.get(k) != v for k, v in want.items()):
                raise ValueError("the document info did not read back as written")
        except Exception as exc:  # pypdf raises many kinds on a damaged file
            raise Regeneration(target, f"document info not rewritten, nothing saved: {exc}") from None
        out[target] = data
    return out


def _report(issue_dir: Path, issue: Issue, render: Callable[[Path, int], Any] | None) -> dict[Path, bytes]:
    from lxml import html as lhtml

    from review.html import build_page
    from review.report import REPORT_NAME, gather

    target = issue_dir / REPORT_NAME
    try:
        kwargs = {"render": render} if render else {}
        page = build_page(gather(issue_dir, issue=issue, **kwargs))
        doc = lhtml.document_fromstring(page)
        if len(doc.xpath("//section[contains(@class, 'article')]")) != len(issue.articles):
            raise ValueError("the page does not show every article")
    except Exception as exc:  # the report is rebuilt from the very record: any failure is a bug to show
        raise Regeneration(target, f"not rebuilt, nothing saved: {exc}") from None
    return {target: page}


def _write_all(files: dict[Path, bytes]) -> list[Path]:
    """Every file to a temporary sibling first (a full disk fails here, before anything is
    replaced), then all renamed into place; issue.json is the last one in `files`."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            staged.append((tmp, path))
            os.fchmod(fd, 0o666 & ~current_umask())
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)
    return [path for _, path in staged]


def _log(issue_dir: Path, changes: list[Change], editor: str) -> None:
    """Append one JSON line per change to corrections.jsonl (fsync'd: the audit trail)."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    who = editor or default_editor()
    lines = "".join(json.dumps({"time": now, "editor": who, "article": c.article, "field": c.field,
                                "old": c.old, "new": c.new}, ensure_ascii=False) + "\n" for c in changes)
    with open(issue_dir / CORRECTIONS, "a", encoding="utf-8") as fh:
        fh.write(lines)
        fh.flush()
        os.fsync(fh.fileno())


def default_editor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in a container
        return "unknown"


def read_corrections(issue_dir: Path) -> list[dict[str, Any]]:
    path = Path(issue_dir) / CORRECTIONS
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# ---- corrections named by DOI (the Prefect approval form) ---------------------------------

# the names the deposit summary uses for a record's pages
DEPOSIT_ALIASES = {"first_page": "fpage", "last_page": "lpage"}


def apply_by_doi(issue_dir: Path, corrections: list[tuple[str, str, str]], *, editor: str,
                 settings: JournalSettings | None = None, schemas_dir: str | Path | None | bool = None,
                 ledger: str | Path | None = None) -> list[str]:
    """Apply (doi, field, value) corrections, each through `apply_edit` (so issue.json,
    article.xml, crossref.xml, the PDF's document info and report.html change together, and
    corrections.jsonl logs it), in order; one note per change.

    `field` is a path in the article record as for `journal-ingest edit` (`title.en`,
    `keywords.zh`, `fpage`; `first_page`/`last_page` too, and `title` for the title in the
    article's language, the one crossref.xml gives first); `value` is text as typed there
    (JSON where the field is not a string). Raises FieldError for a DOI no article has, and
    whatever `apply_edit` raises; the corrections before the failing one stay applied.
    """
    notes = []
    for doi, field_name, value in corrections:
        data = read_issue_dict(issue_dir)
        art = next((a for a in data["articles"] if a["doi"] and a["doi"].lower() == doi.strip().lower()), None)
        if art is None:
            raise F.FieldError(doi, f"no article with this DOI in {Path(issue_dir) / 'issue.json'}")
        path = DEPOSIT_ALIASES.get(field_name, field_name)
        if path == "title":
            path = f"title.{art.get('language') if art.get('language') in ('zh', 'en') else 'zh'}"
        result = apply_edit(issue_dir, art["id"], path, value, editor=editor, settings=settings,
                            schemas_dir=schemas_dir, ledger=ledger, as_text=True)
        notes += [f"{doi} ({c.article}) {c.field}: {c.old!r} -> {c.new!r}" for c in result.changes]
    return notes
