"""issue.json: validate against the JSON Schema, write atomically, read back."""
from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from parsers.errors import SchemaInvalid
from schemas.model import Issue, issue_from_dict


@lru_cache(maxsize=1)
def issue_schema() -> dict[str, Any]:
    return json.loads(resources.files("schemas").joinpath("issue.schema.json").read_text(encoding="utf-8"))


def validate_record(data: dict[str, Any], where: object = "issue.json") -> None:
    """Raise SchemaInvalid naming the first offending field."""
    validator = jsonschema.Draft202012Validator(issue_schema())
    error = next(iter(sorted(validator.iter_errors(data), key=lambda e: list(e.path))), None)
    if error is not None:
        path = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise SchemaInvalid(where, f"issue.json does not match its schema at {path}: {error.message}")


def dumps(issue: Issue) -> str:
    return json.dumps(issue.to_dict(), ensure_ascii=False, indent=2) + "\n"


@lru_cache(maxsize=1)
def current_umask() -> int:
    """The process umask, read once (reading it means setting it: not while threads write)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~current_umask())  # mkstemp makes 0600; outputs are shared like any file
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_record(issue: Issue, path: Path) -> None:
    data = issue.to_dict()
    validate_record(data, path)
    write_atomic(path, dumps(issue).encode("utf-8"))


def read_json(path: Path) -> dict[str, Any]:
    """A record file as a dict; MissingFile or SchemaInvalid (not JSON / not an object)."""
    from parsers.errors import MissingFile
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MissingFile(path, "no issue.json here (run `journal-ingest ingest` first)") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SchemaInvalid(path, f"not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise SchemaInvalid(path, "not an issue record (not a JSON object)")
    return data


def read_record(path: Path) -> Issue:
    """issue.json checked against its JSON Schema, as an `Issue`."""
    data = read_json(path)
    validate_record(data, path)
    return issue_from_dict(data)
