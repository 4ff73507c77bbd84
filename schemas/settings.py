"""Journal settings: what the PDF cannot say (publisher, DOI prefix, depositor...).

Loaded from an optional TOML file (`--journal FILE`). Never required for extraction;
values printed in the PDF win for metadata, settings fill the gaps and drive deposits.
A settings file is at most `MAX_SETTINGS_BYTES`; one that cannot be read, is not TOML, is
nested too deeply for the parser, or has an unknown key or a malformed ISSN is a
`BadConfig` naming the file (exit code 2). The ISSNs must be ISSNs because they end up in
the issue's folder name (`ISSN-year-issue`).
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, fields
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from parsers.errors import BadConfig

MAX_SETTINGS_BYTES = 1024 * 1024
ISSN = re.compile(r"^\d{4}-\d{3}[\dX]$")


@dataclass
class JournalSettings:
    title_zh: str = ""
    title_en: str = ""
    abbrev: str = ""
    issn: str = ""
    eissn: str = ""
    cn: str = ""
    publisher: str = ""
    publisher_loc: str = ""
    doi_prefix: str = ""
    # e.g. "https://journal.example.org/article/{doi}" ({doi}, {id}, {year}, {issue}, {fpage})
    url_pattern: str = ""
    depositor_name: str = ""
    depositor_email: str = ""
    registrant: str = ""
    language: str = "zh"
    # the licence every article is published under, e.g. "https://creativecommons.org/licenses/by/4.0/"
    # (Crossref ai:program license_ref, JATS permissions/license)
    license_url: str = ""
    # DOIs for articles that print none, e.g. "10.19498/j.cnki.dbyxk.{year}.{issue:02d}.{seq:03d}"
    # ({year}, {volume}, {issue}, {seq}, {fpage}, {id}; see schemas/doi_pattern.py)
    doi_pattern: str = ""


def read_toml(path: Path, what: str = "settings file") -> dict:
    """A settings file's tables; BadConfig naming the file when it is missing or not TOML."""
    if not path.is_file():
        raise BadConfig(path, f"{what} not found")
    try:
        size = path.stat().st_size
        if size > MAX_SETTINGS_BYTES:
            raise BadConfig(path, f"{what} of {size} bytes, over the {MAX_SETTINGS_BYTES}-byte limit")
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadConfig(path, f"not valid TOML: {str(exc)[:200]}") from None
    except RecursionError:
        raise BadConfig(path, f"{what} nested too deeply to read") from None
    except OSError as exc:
        raise BadConfig(path, f"cannot read the {what} ({exc.strerror or type(exc).__name__})") from None


def load_settings(path: str | Path | None) -> JournalSettings:
    """Read a journal TOML file; raises BadConfig naming the file and the problem."""
    if path is None:
        return JournalSettings()
    path = Path(path)
    data = read_toml(path, "journal settings file")
    # other tables ([orchestration], see schemas/orchestration.py) belong to other readers
    table = data.get("journal", {k: v for k, v in data.items() if k != "orchestration"})
    if not isinstance(table, dict):
        raise BadConfig(path, "[journal] must be a table")
    known = {f.name for f in fields(JournalSettings)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise BadConfig(path, f"unknown setting(s): {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    for key, value in table.items():
        if not isinstance(value, str):
            raise BadConfig(path, f"setting '{key}' must be a string, got {type(value).__name__}")
    for key in ("issn", "eissn"):
        value = table.get(key, "")
        if value and not ISSN.match(value):
            raise BadConfig(path, f"setting '{key}' must be an ISSN like 2095-3453, got {value[:40]!r}")
    settings = JournalSettings(**table)
    check_doi_pattern(path, settings)
    return settings


def check_doi_pattern(path: Path, settings: JournalSettings) -> None:
    """BadConfig naming the file when doi_pattern cannot make DOIs (schemas/doi_pattern.py)."""
    if not settings.doi_pattern:
        return
    from schemas.doi_pattern import PatternError, check_pattern

    try:
        check_pattern(settings.doi_pattern, settings.doi_prefix)
    except PatternError as exc:
        raise BadConfig(path, str(exc)) from None
