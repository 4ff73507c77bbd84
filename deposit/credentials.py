"""Crossref credentials: from the environment or a strictly private file, never elsewhere.

Order: `CROSSREF_LOGIN_ID` + `CROSSREF_LOGIN_PASSWD` in the environment; otherwise a
keyring-style file (`CROSSREF_CREDENTIALS_FILE`, default
`~/.config/journal-ingest/crossref-credentials`) holding two lines::

    login_id = "email@address.com/role"
    login_passwd = "secret"

`login_id` is Crossref's form for a personal account, the e-mail address and the role
joined by a slash (`email@address.com/role`), or the role alone for a shared role
account. Accounts on the test system (test.crossref.org) are separate: Crossref support
sets them up.

The file must belong to the current user and must not be readable by group or others
(`chmod 600`); otherwise it is refused without reading it. The password is never part of
`repr`, logs, exceptions, the ledger or reports; `scrub` removes it, and the login, from
server text in every encoding a server might echo them in (see `scrub`).
"""
from __future__ import annotations

import html
import os
import re
import stat
import sys
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping
from urllib.parse import unquote, unquote_plus

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
        """`text` (a server's answer, or anything taken from one) without the password
        (`***`) or the login (`(login)`), in any encoding a server might echo them in.

        Rewritten: each character raw, as an HTML/XML named or numeric character reference
        (decimal or hex, any zero padding), percent-encoded (either hex case, `+` for a
        space) or as a `\\uXXXX` escape, in any mixture, split by CDATA sections or tags. If a
        decoded view of what is left (HTML-unescaped, URL-decoded, both, tags or CDATA
        markers removed) still shows either secret, the whole text is withheld.
        """
        if not text:
            return text
        secrets = [(self.password, "***")]
        if len(self.login_id) >= 3:
            secrets.append((self.login_id, "(login)"))
        for secret, mark in secrets:
            if secret:
                text = _secret_pattern(secret).sub(mark, text)
        for view in _views(text):
            if any(secret and secret in view for secret, _ in secrets):
                return WITHHELD
        return text


WITHHELD = "[server text withheld: it repeated the Crossref login or password]"
_NAMED = {"&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos", "\xa0": "nbsp"}
# between two characters: CDATA section boundaries or markup (`s3<b></b>cret` reads as one word)
_CDATA_SPLIT = r"(?:\]\]><!\[CDATA\[|<[^<>]{0,200}>)*"


def _hex(n: int, width: int = 0) -> str:
    digits = f"{n:0{width}x}"
    return "".join(f"[{d}{d.upper()}]" if d.isalpha() else d for d in digits)


def _char_forms(ch: str) -> str:
    cp = ord(ch)
    forms = [re.escape(ch), f"&#0*{cp};", f"&#[xX]0*{_hex(cp)};", r"\\[uU]" + _hex(cp, 4)]
    if ch in _NAMED:
        forms.append(f"&{_NAMED[ch]};")
    forms.append("".join(f"%{_hex(b, 2)}" for b in ch.encode("utf-8")))
    if ch == " ":
        forms.append(r"\+")
    return "(?:" + "|".join(forms) + ")"


@lru_cache(maxsize=8)
def _secret_pattern(secret: str) -> re.Pattern[str]:
    """The secret with every character in any of its encodings, CDATA splits or tags between."""
    return re.compile(_CDATA_SPLIT.join(_char_forms(ch) for ch in secret))


_DECODERS = (html.unescape, unquote, unquote_plus)


def _views(text: str) -> Iterator[str]:
    """How a reader (a browser, an XML parser, a URL decoder) might see `text`: as is,
    without CDATA markers, without tags, each then decoded up to twice (HTML entities,
    percent-encoding, form encoding, in any order). One at a time: texts are up to 64 kB."""
    bare = re.sub(r"<!\[CDATA\[|\]\]>", "", text)
    for base in (text, bare, re.sub(r"<[^>]*>", "", bare)):
        yield base
        for first in _DECODERS:
            once = first(base)
            yield once
            for second in _DECODERS:
                yield second(once)


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
        if path.stat().st_size > 65536:
            raise CredentialsError(path, "credentials file is over 64 kB; it should hold two lines")
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        raise CredentialsError(path, "not a valid credentials file (expected login_id = \"...\" and login_passwd = \"...\")") from None
    except OSError as exc:
        raise CredentialsError(path, f"cannot read the credentials file ({exc.strerror or type(exc).__name__})") from None
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
