"""Find, compile and apply the official XML schemas, plus the checks XSDs cannot make.

The schema files are not part of the repository. They are looked up, in order, from an
explicit directory (`--schemas DIR`), the `JOURNAL_INGEST_SCHEMAS` environment variable,
then `../shared/schemas` relative to the working directory and to the project root. Each
schema compiles in about 3 s, so it is compiled once per process and cached.

When no schema directory is found, XSD validation is skipped with a logged warning (and
`Report.schema_checked` is False); the extra checks below still run.

Extra checks (what PMC, JATS4R and Crossref reject although the XSD allows it):
- JATS: `xml:lang` on every translated element (`trans-title-group`, `trans-abstract`,
  `kwd-group`, alternative `name`s), one language per `kwd-group`, `publication-type` on
  every citation, access dates (`date-in-citation content-type="access-date"`) only inside
  citations.
- Crossref: one DOI prefix across the batch, numeric page numbers (first <= last), title
  lengths within limits, no empty titles.
"""
from __future__ import annotations

import logging
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from parsers.errors import BadConfig, MissingFile, SchemaInvalid

log = logging.getLogger(__name__)

ENV_VAR = "JOURNAL_INGEST_SCHEMAS"
PROJECT_ROOT = Path(__file__).resolve().parents[1]

CROSSREF_NS = "http://www.crossref.org/schema/5.3.1"
JATS_IN_CROSSREF_NS = "http://www.ncbi.nlm.nih.gov/JATS1"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"

#: kind -> root file, relative to the schema directory
SCHEMA_FILES: dict[str, str] = {
    "jats-1.3": "jats/1.3/JATS-journalpublishing1-3-mathml3.xsd",
    "jats-1.4": "jats/1.4/JATS-journalpublishing1-4-mathml3.xsd",
    "crossref-5.3.1": "crossref/crossref5.3.1.xsd",
}

#: Crossref has no XSD limit on article titles; longer than this is almost always a
#: parsing accident (the abstract swallowed into the title), so it is flagged.
ARTICLE_TITLE_MAX = 300
JOURNAL_TITLE_MAX = 255  # full_title maxLength in crossref5.3.1.xsd
ABBREV_TITLE_MAX = 150  # abbrev_title maxLength

_PAGE_RE = re.compile(r"^(\d+|[ivxlcdm]+)$")
_DOI_RE = re.compile(r"^(10\.\d{4,9})/\S+$")


# --------------------------------------------------------------------------- results


@dataclass
class Problem:
    """One validation finding; `rule` says who would reject it (xsd, jats4r, pmc, crossref)."""

    message: str
    line: int | None = None
    rule: str = "xsd"

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "line ?"
        return f"{where}: [{self.rule}] {self.message}"


@dataclass
class Report:
    kind: str
    problems: list[Problem] = field(default_factory=list)
    schema_checked: bool = False
    schema_dir: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def format(self, name: str = "") -> list[str]:
        prefix = f"{name}:" if name else ""
        return [f"{prefix}{p}" for p in self.problems]


# ------------------------------------------------------------------- schema location


def user_schema_dir() -> Path:
    """Where `journal-ingest schemas fetch` installs by default."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "journal-ingest" / "schemas"


def schema_dir_candidates() -> list[Path]:
    """The default places looked at when neither `--schemas` nor the env var is set."""
    candidates = [
        Path.cwd().parent / "shared" / "schemas",
        PROJECT_ROOT.parent / "shared" / "schemas",
        Path.cwd() / "shared" / "schemas",
        user_schema_dir(),
    ]
    seen: list[Path] = []
    for c in candidates:
        c = c.resolve()
        if c not in seen:
            seen.append(c)
    return seen


def _looks_like_schema_dir(path: Path) -> bool:
    return any((path / rel).is_file() for rel in SCHEMA_FILES.values())


def find_schema_dir(explicit: str | Path | None = None) -> Path | None:
    """Return the schema directory to use, or None when none is available.

    Raises BadConfig when an explicitly named directory (argument or env var) does not
    hold any of the known schema roots: a typo must not silently skip validation.
    """
    if explicit:
        path = Path(explicit).expanduser()
        if not _looks_like_schema_dir(path):
            raise BadConfig(path, f"no schemas here (expected e.g. {SCHEMA_FILES['crossref-5.3.1']}); "
                            "run `journal-ingest schemas fetch --dest DIR`")
        return path.resolve()
    env = os.environ.get(ENV_VAR)
    if env:
        path = Path(env).expanduser()
        if not _looks_like_schema_dir(path):
            raise BadConfig(path, f"{ENV_VAR} points to a directory without schemas")
        return path.resolve()
    for candidate in schema_dir_candidates():
        if _looks_like_schema_dir(candidate):
            return candidate
    return None


def warn_no_schemas() -> None:
    looked = ", ".join(str(p) for p in schema_dir_candidates())
    log.warning(
        "XSD validation SKIPPED: no schema directory found (looked in %s). "
        "Pass --schemas DIR, set %s, or run `journal-ingest schemas fetch`.",
        looked, ENV_VAR,
    )


_cache: dict[tuple[str, str], etree.XMLSchema] = {}
_lock = threading.Lock()


def load_schema(kind: str, schema_dir: Path) -> etree.XMLSchema:
    """Compile (once per process) and return the schema of `kind` from `schema_dir`.

    Raises MissingFile when the root file is absent, SchemaInvalid when it does not compile.
    """
    if kind not in SCHEMA_FILES:
        raise ValueError(f"unknown schema kind {kind!r}")
    path = (Path(schema_dir) / SCHEMA_FILES[kind]).resolve()
    key = (kind, str(path))
    with _lock:
        if key in _cache:
            return _cache[key]
        if not path.is_file():
            raise MissingFile(path, f"schema for {kind} not found")
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        try:
            schema = etree.XMLSchema(etree.parse(str(path), parser))
        except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
            raise SchemaInvalid(path, f"schema does not compile: {exc}") from None
        _cache[key] = schema
        return schema


# ------------------------------------------------------------------------ detection


def detect_kind(root: etree._Element) -> str:
    """'jats-1.3', 'jats-1.4' or 'crossref-5.3.1' from the root element.

    Raises SchemaInvalid for anything else (other Crossref versions included).
    """
    qname = etree.QName(root)
    if qname.namespace is None and qname.localname == "article":
        return "jats-1.4" if root.get("dtd-version", "").startswith("1.4") else "jats-1.3"
    if qname.localname == "doi_batch":
        if qname.namespace == CROSSREF_NS:
            return "crossref-5.3.1"
        raise SchemaInvalid("<doi_batch>", f"unsupported Crossref schema namespace {qname.namespace!r} "
                            f"(only {CROSSREF_NS} is vendored)")
    raise SchemaInvalid(f"<{root.tag}>", "neither a JATS <article> nor a Crossref <doi_batch>")


# ------------------------------------------------------------------------ validation


def reparse(tree: etree._ElementTree | etree._Element) -> etree._ElementTree:
    """Serialise and parse again, so problems carry the line numbers of the written file."""
    data = serialize(tree)
    return etree.ElementTree(etree.fromstring(data, etree.XMLParser(no_network=True)))


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def validate(
    tree: etree._ElementTree | etree._Element,
    *,
    kind: str | None = None,
    schema_dir: Path | None | bool = None,
) -> Report:
    """XSD + extra checks. `schema_dir=None` looks the directory up; `False` skips XSD.

    Never raises for an invalid document: problems are returned in the Report.
    """
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    kind = kind or detect_kind(root)
    report = Report(kind=kind)
    if schema_dir is None:
        schema_dir = find_schema_dir()
        if schema_dir is None:
            warn_no_schemas()
    if schema_dir:
        schema = load_schema(kind, Path(schema_dir))
        report.schema_checked = True
        report.schema_dir = Path(schema_dir)
        if not schema.validate(root):
            for err in schema.error_log:
                report.problems.append(Problem(err.message, err.line or None, "xsd"))
    if kind.startswith("jats"):
        report.problems.extend(check_jats(root))
    else:
        report.problems.extend(check_crossref(root))
    return report


def validate_file(path: str | Path, *, schema_dir: Path | None | bool = None) -> Report:
    """Parse `path` (offline) and validate it; XML syntax errors become problems."""
    path = Path(path)
    if not path.is_file():
        raise MissingFile(path, "no such file")
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if hasattr(exc, "lineno") else None
        return Report(kind="unknown", problems=[Problem(f"not well-formed XML: {exc.msg}", line, "xml")])
    try:
        kind = detect_kind(tree.getroot())
    except SchemaInvalid as exc:
        return Report(kind="unknown", problems=[Problem(exc.problem, tree.getroot().sourceline, "xml")])
    return validate(tree, kind=kind, schema_dir=schema_dir)


# ----------------------------------------------------------------- extra JATS checks

_TRANSLATED = ("trans-title-group", "trans-abstract", "kwd-group")


def _text(el: etree._Element) -> str:
    return "".join(el.itertext()).strip()


def _script(text: str) -> str:
    """'han', 'latin' or '' for the dominant script of `text`."""
    han = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if not han and not latin:
        return ""
    return "han" if han >= latin else "latin"


def check_jats(root: etree._Element) -> list[Problem]:
    """JATS4R/PMC checks beyond the XSD; returns problems, never raises."""
    problems: list[Problem] = []
    if not root.get(XML_LANG):
        problems.append(Problem("<article> has no xml:lang", root.sourceline, "jats4r"))
    for tag in _TRANSLATED:
        for el in root.iter(tag):
            if not el.get(XML_LANG):
                problems.append(Problem(f"<{tag}> has no xml:lang", el.sourceline, "jats4r"))
    for alt in root.iter("name-alternatives"):
        for name in alt:
            if isinstance(name.tag, str) and not name.get(XML_LANG):
                problems.append(Problem(f"<{name.tag}> inside <name-alternatives> has no xml:lang",
                                        name.sourceline, "jats4r"))
    seen_langs: dict[str, int] = {}
    for group in root.iter("kwd-group"):
        lang = group.get(XML_LANG, "") or root.get(XML_LANG, "")
        han_group = lang.split("-")[0] in ("zh", "ja", "ko")
        for kwd in group.iter("kwd"):
            word = _text(kwd)
            script = _script(word)
            # acronyms (LOD, GIS, 5G) are at home in a Chinese group; English phrases are not
            wrong = (script == "latin" and " " in word) if han_group else (script == "han")
            if wrong:
                problems.append(Problem(f"keyword {word!r} is not {lang or 'the group language'}: "
                                        "one language per <kwd-group>", kwd.sourceline, "jats4r"))
        key = f"{group.get(XML_LANG, '')}|{group.get('kwd-group-type', '')}"
        if key in seen_langs:
            problems.append(Problem(f"second <kwd-group> for xml:lang=\"{group.get(XML_LANG, '')}\" "
                                    f"(first at line {seen_langs[key]})", group.sourceline, "jats4r"))
        seen_langs.setdefault(key, group.sourceline or 0)
    for tag in ("mixed-citation", "element-citation"):
        for cit in root.iter(tag):
            if not cit.get("publication-type"):
                problems.append(Problem(f"<{tag}> without publication-type", cit.sourceline, "pmc"))
    for d in root.iter("date-in-citation"):
        if d.get("content-type") == "access-date":
            if not any(a.tag in ("mixed-citation", "element-citation") for a in d.iterancestors()):
                problems.append(Problem("access date outside a citation", d.sourceline, "jats4r"))
            if not d.get("iso-8601-date"):
                problems.append(Problem("access date without iso-8601-date", d.sourceline, "jats4r"))
    for link in root.iter("ext-link"):
        if not link.get("{http://www.w3.org/1999/xlink}href"):
            problems.append(Problem("<ext-link> without xlink:href", link.sourceline, "pmc"))
    for title in root.iter("article-title"):
        if title.getparent() is not None and title.getparent().tag == "title-group" and not _text(title):
            problems.append(Problem("empty <article-title>", title.sourceline, "pmc"))
    return problems


# ------------------------------------------------------------- extra Crossref checks


def _cr(tag: str) -> str:
    return f"{{{CROSSREF_NS}}}{tag}"


def check_crossref(root: etree._Element) -> list[Problem]:
    """Crossref checks beyond the XSD; returns problems, never raises."""
    problems: list[Problem] = []
    prefixes: dict[str, int] = {}
    for doi_el in root.iter(_cr("doi")):
        parent = doi_el.getparent()
        if parent is None or parent.tag != _cr("doi_data"):
            continue  # citation DOIs may be anyone's
        m = _DOI_RE.match((doi_el.text or "").strip())
        if not m:
            problems.append(Problem(f"malformed DOI {doi_el.text!r}", doi_el.sourceline, "crossref"))
            continue
        prefixes.setdefault(m.group(1), doi_el.sourceline or 0)
    if len(prefixes) > 1:
        listed = ", ".join(f"{p} (line {line})" for p, line in prefixes.items())
        problems.append(Problem(f"more than one DOI prefix in the batch: {listed}", None, "crossref"))
    for pages in root.iter(_cr("pages")):
        first = pages.findtext(_cr("first_page"), "").strip()
        last = pages.findtext(_cr("last_page"), "").strip()
        for label, value in (("first_page", first), ("last_page", last)):
            if value and not _PAGE_RE.match(value):
                problems.append(Problem(f"{label} {value!r} is not a page number", pages.sourceline, "crossref"))
        if first.isdigit() and last.isdigit() and int(last) < int(first):
            problems.append(Problem(f"last_page {last} before first_page {first}", pages.sourceline, "crossref"))
    for title in root.iter(_cr("title"), _cr("original_language_title")):
        text = _text(title)
        if not text:
            problems.append(Problem("empty title", title.sourceline, "crossref"))
        elif len(text) > ARTICLE_TITLE_MAX:
            problems.append(Problem(f"title is {len(text)} characters (limit {ARTICLE_TITLE_MAX}): "
                                    "probably swallowed text", title.sourceline, "crossref"))
    for tag, limit in (("full_title", JOURNAL_TITLE_MAX), ("abbrev_title", ABBREV_TITLE_MAX)):
        for el in root.iter(_cr(tag)):
            if len(_text(el)) > limit:
                problems.append(Problem(f"{tag} longer than {limit} characters", el.sourceline, "crossref"))
    for ab in root.iter(f"{{{JATS_IN_CROSSREF_NS}}}abstract"):
        if not ab.get(XML_LANG):
            problems.append(Problem("jats:abstract without xml:lang", ab.sourceline, "crossref"))
    return problems


def require_valid(tree: etree._ElementTree, *, kind: str, schema_dir: Path | None | bool, name: str) -> Report:
    """Validate a freshly built tree (reparsed for line numbers); raise SchemaInvalid if not valid."""
    report = validate(reparse(tree), kind=kind, schema_dir=schema_dir)
    if not report.ok:
        raise SchemaInvalid(name, "generated XML is invalid, not written:\n  " + "\n  ".join(map(str, report.problems)))
    return report
