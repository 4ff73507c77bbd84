"""Crossref credentials: from the environment or a strictly private file, never elsewhere.

Order: `CROSSREF_LOGIN_ID` + `CROSSREF_LOGIN_PASSWD` in the environment; otherwise a
keyring-style file (`CROSSREF_CREDENTIALS_FILE`, default
`~/.config/journal-ingest/crossref-credentials`) holding two lines::

    login_id = "role/user"
    login_passwd = "secret"

The file must belong to the current user and must not be readable by group or others
(`chmod 600`); otherwise it is refused without reading it. The password is never part of
`repr`, logs, exceptions, the ledger or reports; `scrub` removes it from server text.
"""
from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from deposit.errors import CredentialsError

ENV_LOGIN = "CROSSREF_LOGIN_ID"
ENV_PASSWD = "CROSSREF_LOGIN_PASSWD"
ENV_FILE = "CROSSREF_CREDENTIALS_FILE"
DEFAULT_FILE = Path("~/.config/journal-ingest/crossref-credentials")


@dataclass(frozen=True)
class Credentials:
    login_id: str
    password: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Credentials(login_id={self.login_id!r}, password=<hidden>)"

    __str__ = __repr__

    def scrub(self, text: str) -> str:
        """`text` with every occurrence of the password replaced by `***`."""
        if self.password and text:
            text = text.replace(self.password, "***")
        return text


def load_credentials(env: Mapping[str, str] | None = None, file: str | Path | None = None) -> Credentials:
    """Credentials from `env` (default `os.environ`) or the credentials file.

    Raises CredentialsError when neither source has them, or when the file is group- or
    world-readable, not owned by the current user, or malformed (the message never quotes
    the file's content).
    """
    env = os.environ if env is None else env
    login, passwd = env.get(ENV_LOGIN, ""), env.get(ENV_PASSWD, "")
    if login and passwd:
        return Credentials(login, passwd)
    if login or passwd:
        raise CredentialsError(
            "environment", f"set both {ENV_LOGIN} and {ENV_PASSWD}, or neither and use a credentials file"
        )
    path = Path(file or env.get(ENV_FILE) or DEFAULT_FILE).expanduser()
    if not path.exists():
        raise CredentialsError(
            path, f"no Crossref credentials: set {ENV_LOGIN}/{ENV_PASSWD} or create this file (chmod 600)"
        )
    check_private(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        raise CredentialsError(path, "not a valid credentials file (expected login_id = \"...\" and login_passwd = \"...\")") from None
    login, passwd = data.get("login_id"), data.get("login_passwd")
    if not (isinstance(login, str) and login and isinstance(passwd, str) and passwd):
        raise CredentialsError(path, "credentials file needs non-empty string keys login_id and login_passwd")
    return Credentials(login, passwd)


def check_private(path: Path) -> None:
    """Raise CredentialsError unless `path` is a regular file only its owner can read."""
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise CredentialsError(path, "credentials file is not a regular file")
    if st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise CredentialsError(
            path, f"credentials file is accessible by group/others (mode {stat.S_IMODE(st.st_mode):o}); run chmod 600"
        )
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise CredentialsError(path, "credentials file is not owned by the current user")
