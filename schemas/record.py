"""issue.json: validate against the JSON Schema, write atomically, read back.

An edited `issue.json` is input like any other, so what reaches a writer (JATS, Crossref,
report.html, article folders) has passed, in this order: a size limit (`MAX_RECORD_BYTES`),
a strict JSON parse (no duplicate keys, no NaN/Infinity, nesting the parser can hold),
text checks (no character XML 1.0 cannot carry: NUL and other C0 controls but tab and
line breaks, lone surrogates, U+FFFE/U+FFFF; no value over `MAX_TEXT` characters), the
JSON Schema, and unique article ids. Each failure is one `SchemaInvalid` line naming the
file and the field. When a record is written, characters XML cannot carry are dropped
first (the JATS and Crossref writers drop them too), so what `ingest` writes, `xml` reads.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from dataclasses import fields, is_dataclass
from typing import Any, Iterator

from parsers.errors import MissingFile, SchemaInvalid
from schemas.model import Issue, issue_from_dict

MAX_RECORD_BYTES = 64 * 1024 * 1024  # a 3,000-page issue's record is a few MB
MAX_TEXT = 100_000  # characters in one value (a long abstract or reference is ~5,000)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@lru_cache(maxsize=1)
def issue_schema() -> dict[str, Any]:
    return json.loads(resources.files("schemas").joinpath("issue.schema.json").read_text(encoding="utf-8"))


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(field path, string) for every string in a JSON value, object keys included."""
    stack = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            yield where, item
        elif isinstance(item, dict):
            for key, val in item.items():
                yield (f"{where}/{key}" if where else str(key)), str(key)
                stack.append((f"{where}/{key}" if where else str(key), val))
        elif isinstance(item, list):
            stack.extend((f"{where}/{i}" if where else str(i), v) for i, v in enumerate(item))


def _shown(path: str) -> str:
    return path.encode("unicode_escape").decode("ascii")[:120] or "(root)"


def check_text(data: Any, where: object = "issue.json") -> None:
    """Raise SchemaInvalid for the first value XML cannot carry or over MAX_TEXT characters."""
    for path, text in _strings(data):
        if len(text) > MAX_TEXT:
            raise SchemaInvalid(where, f"{_shown(path)}: {len(text)} characters, over the limit of {MAX_TEXT} for one value")
        bad = _NOT_XML.search(text)
        if bad:
            raise SchemaInvalid(where, f"{_shown(path)}: character U+{ord(bad.group()):04X} at position {bad.start()} "
                                "cannot be written to XML (control character, lone surrogate or non-character)")


@lru_cache(maxsize=None)
def _validator(definition: str = "") -> Any:
    """A compiled validator for the issue schema, or for one of its `$defs` (the article, when
    an edit changes only some). jsonschema-rs (Rust): the whole record of a 30-article issue
    validates in about a millisecond, where the pure-Python jsonschema took a twentieth of a
    second and its import a tenth, both on every ingest's critical path."""
    import jsonschema_rs

    schema = issue_schema()
    if definition:
        schema = {"$ref": f"#/$defs/{definition}", "$defs": schema["$defs"]}
    return jsonschema_rs.Draft202012Validator(schema)


def schema_error(validator: Any, data: Any) -> tuple[str, str] | None:
    """(slash-joined path, message) of the first error in document order, or None when valid."""
    if validator.is_valid(data):
        return None
    error = min(validator.iter_errors(data), key=lambda e: [(0, p, "") if isinstance(p, int) else (1, 0, str(p))
                                                           for p in e.instance_path])
    message = error.message if len(error.message) <= 200 else error.message[:200] + "…"
    return "/".join(str(p) for p in error.instance_path), message


def warm_up() -> None:
    """Compile the validator once (a millisecond or two, paid while the text layer is read)."""
    _validator()


def validate_record(data: dict[str, Any], where: object = "issue.json") -> None:
    """Raise SchemaInvalid naming the first offending field (text checks, schema, unique ids)."""
    check_text(data, where)
    error = schema_error(_validator(), data)
    if error is not None:
        path, message = error
        raise SchemaInvalid(where, f"issue.json does not match its schema at {_shown(path)}: {message}")
    seen: dict[str, int] = {}
    for i, art in enumerate(data["articles"]):
        if art["id"] in seen:
            raise SchemaInvalid(where, f"articles/{i}/id: '{art['id']}' is the id of articles/{seen[art['id']]} too "
                                "(each article needs its own folder)")
        seen[art["id"]] = i


def clean_text(obj: Any) -> Any:
    """Drop the characters XML cannot carry from every string of a dataclass tree, in place
    (the JATS and Crossref writers drop them as well); returns `obj`."""
    if is_dataclass(obj):
        for f in fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, str):
                if _NOT_XML.search(value):
                    setattr(obj, f.name, _NOT_XML.sub("", value))
            else:
                clean_text(value)
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            if isinstance(value, str):
                if _NOT_XML.search(value):
                    obj[i] = _NOT_XML.sub("", value)
            else:
                clean_text(value)
    elif isinstance(obj, dict):
        for key in [k for k in obj if isinstance(k, str) and _NOT_XML.search(k)]:
            obj[_NOT_XML.sub("", key)] = obj.pop(key)
    return obj


def dumps(issue: Issue | dict[str, Any]) -> str:
    """issue.json's text, from the record or the dict it was already turned into."""
    data = issue if isinstance(issue, dict) else issue.to_dict()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@lru_cache(maxsize=1)
def current_umask() -> int:
    """The process umask, read once (reading it means setting it: not while threads write)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


# staging folders whose files are flushed to disk together when the folder is complete
# (`flushed_together`), not one by one as they are written
_DEFERRED: set[Path] = set()


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename: never a half-written file.
    The data is on disk before the rename, or (inside a `flushed_together` folder) before
    that folder is published."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~current_umask())  # mkstemp makes 0600; outputs are shared like any file
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if not (_DEFERRED and any(path.absolute().is_relative_to(d) for d in _DEFERRED)):
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def flushed_together(folder: Path) -> Iterator[None]:
    """Files written with `write_atomic` under `folder` (by this process or a child forked
    inside the block) skip their own fsync; when the block ends normally, every file and
    folder under `folder` is flushed at once (`flush_tree`). An ingest's staging folder
    holds some 60 files: one fsync each waited about 4 ms in turn (a quarter of a second
    on the 160-page bench issue), flushed together they take about 15 ms. Nothing is
    published before the flush, so a published folder never holds data not yet on disk."""
    key = Path(folder).absolute()
    _DEFERRED.add(key)
    try:
        yield
    finally:
        _DEFERRED.discard(key)
    flush_tree(Path(folder))


def flush_tree(folder: Path) -> None:
    """fsync every file and folder under `folder` (and itself), several at once: the file
    system commits concurrent flushes together."""
    from concurrent.futures import ThreadPoolExecutor

    def flush(path: Path) -> None:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:  # a folder where the system cannot open one (not on POSIX)
            if path.is_dir():
                return
            raise
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    paths = [p for p in folder.rglob("*") if not p.is_symlink()] + [folder]
    with ThreadPoolExecutor(max_workers=min(16, len(paths))) as pool:
        list(pool.map(flush, paths))  # (re-raises the first error: nothing is published then)


def write_record(issue: Issue, path: Path) -> None:
    """Validate and write `issue` (characters XML cannot carry dropped first, in place)."""
    data = clean_text(issue).to_dict()
    validate_record(data, path)
    write_atomic(path, dumps(data).encode("utf-8"))  # (the dict validated is the dict written)


class _DuplicateKey(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_json(path: Path) -> dict[str, Any]:
    """A record file as a dict; MissingFile (absent, unreadable) or SchemaInvalid (too
    large, not strict JSON, duplicate keys, NaN, nested too deeply, not an object)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_RECORD_BYTES:
            raise SchemaInvalid(path, f"{size} bytes, over the {MAX_RECORD_BYTES}-byte limit for a record")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MissingFile(path, "no issue.json here (run `journal-ingest ingest` first)") from None
    except UnicodeDecodeError as exc:
        raise SchemaInvalid(path, f"not UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise MissingFile(path, f"cannot read it ({exc.strerror or type(exc).__name__})") from None
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constant)
    except _DuplicateKey as exc:
        raise SchemaInvalid(path, f"key '{_shown(str(exc))}' appears twice in one object (which one counts is "
                            "undefined)") from None
    except RecursionError:
        raise SchemaInvalid(path, "nested too deeply to be an issue record") from None
    except ValueError as exc:  # JSONDecodeError and NaN/Infinity
        raise SchemaInvalid(path, f"not valid JSON: {str(exc)[:200]}") from None
    if not isinstance(data, dict):
        raise SchemaInvalid(path, "not an issue record (not a JSON object)")
    return data


def read_record(path: Path) -> Issue:
    """issue.json checked (see the module docstring), as an `Issue`."""
    data = read_json(path)
    validate_record(data, path)
    return issue_from_dict(data)
