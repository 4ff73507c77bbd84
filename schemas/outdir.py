"""Where outputs may go: folder names checked, containment checked, staging folders owned.

- Every name that becomes a folder (the issue id, an article id) is checked against a
  strict pattern before it is joined to a path, and the joined path is checked to resolve
  inside the output folder (`inside`), so neither `../..`, an absolute path nor a planted
  symlink sends a write elsewhere.
- A run stages its outputs in `out/.<issue-id>.partial-XXXX/` and holds an exclusive
  `flock` on `.owner` inside it until the folder is published or removed. A run killed
  on the way (SIGKILL, power cut) leaves the folder behind with nobody holding the lock;
  the next run in the same output folder removes exactly those (`clean_stale_staging`),
  never one whose owner is still running. A staging folder with no `.owner` file is left
  alone unless older than a day (a run killed between creating it and locking it, or one
  made by an older version).
"""
from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from parsers.errors import BadConfig, IngestError, quote_name

log = logging.getLogger(__name__)

ARTICLE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# an issue folder name: no path separators, no control or unpaired surrogate characters,
# not hidden, not a relative-path word; letters of any script, digits and punctuation
_FOLDER_BAD = re.compile(r"[/\\\x00-\x1f\x7f\ud800-\udfff]")
MAX_NAME_BYTES = 200
OWNER = ".owner"
STAGING_MARK = ".partial-"
ORPHAN_AGE = 24 * 3600


class OutsideOutput(IngestError):
    """A path that would resolve outside the output folder."""


def check_folder_name(name: str, source: object) -> str:
    """`name` if it can be one folder's name inside the output folder; BadConfig naming
    `source` (where the name came from) otherwise."""
    why = ""
    if not name or name.strip() != name:
        why = "it is empty or starts or ends with a space"
    elif name.startswith((".", "-")):
        why = "it would start with '.' or '-'"
    elif _FOLDER_BAD.search(name):
        why = "it holds a path separator, a control character or bytes that are not UTF-8"
    elif len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        why = f"it is over {MAX_NAME_BYTES} bytes"
    if why:
        raise BadConfig(source, f"cannot name the output folder {quote_name(name)}: {why} "
                        "(the name is ISSN-year-issue, else the PDF's name: rename the file or fix the settings)")
    return name


def inside(base: Path, target: Path) -> Path:
    """`target`, after checking that it resolves (symlinks followed) inside `base`."""
    root = Path(base).resolve()
    resolved = Path(target).resolve()
    if resolved != root and root not in resolved.parents:
        raise OutsideOutput(target, f"would be written outside {quote_name(root)}; refused")
    return Path(target)


def output_folder(out: Path, name: str, source: object) -> Path:
    """`out/<name>` for an issue, the name checked and the path kept inside `out`."""
    return inside(out, Path(out) / check_folder_name(name, source))


class Staging:
    """A staging folder this process owns (by an flock on its `.owner` file)."""

    def __init__(self, out: Path, name: str) -> None:
        # the lock exists before the folder has its final name, so no other run ever sees
        # an unlocked staging folder of a live run
        self.path = Path(tempfile.mkdtemp(prefix=f".{name}{STAGING_MARK}", dir=out))
        tmp = self.path / f"{OWNER}.{os.getpid()}"
        self._fh = open(tmp, "w")  # noqa: SIM115 - held open for the run's lifetime
        try:
            fcntl.flock(self._fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:  # a file system without locks: no owner file, so only the age rule applies
            log.warning("cannot lock %s (%s); if this run is killed its staging folder is removed after a day",
                        tmp, exc.strerror)
            tmp.unlink(missing_ok=True)
            return
        self._fh.write(f"{os.getpid()}\n")
        self._fh.flush()
        os.replace(tmp, self.path / OWNER)

    def done(self, published: Path) -> None:
        """After the folder was renamed to `published` (still locked, so no cleaner can
        take it in between): remove the owner file there and drop the lock."""
        try:
            (published / OWNER).unlink(missing_ok=True)
        finally:
            self._fh.close()

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        self._fh.close()


def clean_stale_staging(out: Path, now: float | None = None) -> list[Path]:
    """Remove staging folders in `out` whose owner is gone; returns what was removed."""
    removed = []
    try:
        candidates = [p for p in Path(out).iterdir() if p.name.startswith(".") and STAGING_MARK in p.name
                      and p.is_dir() and not p.is_symlink()]
    except OSError:
        return removed
    now = time.time() if now is None else now
    for folder in candidates:
        owner = folder / OWNER
        try:
            fh = open(owner, "r+")  # noqa: SIM115
        except FileNotFoundError:
            try:
                old = now - folder.stat().st_mtime > ORPHAN_AGE
            except OSError:
                continue
            if old:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
            continue
        except OSError:
            continue
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a live run holds it
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    for folder in removed:
        log.warning("removed %s, left by a run that was killed", folder)
    return removed
