"""One small exception tree; the CLI turns each into a one-line message and exit code."""
from __future__ import annotations

import re

# a file name is printed as it is unless that would be ambiguous on one line: control
# characters (a newline), bytes that are not UTF-8 (lone surrogates from os.fsdecode), quotes,
# backslashes, spaces at either end or the ": " that ends the name in `name: problem`. Those
# are quoted, coreutils' way ('a'$'\n''b' there, 'a\nb' here), with everything escaped so the
# message stays on one line and prints in any terminal encoding.
_AMBIGUOUS = re.compile(r"[\x00-\x1f\x7f-\x9f'\"\\\ud800-\udfff]|: |^\s|\s$")


def quote_path(name: str) -> str:
    """`a.pdf` and `my issue.pdf` as they are; `'a\\nb.pdf'`, `'caf\\xe9.pdf'` (a Latin-1
    name), `'it\\'s.pdf'` quoted and escaped."""
    if not name or (not _AMBIGUOUS.search(name) and name.isprintable()):
        return name
    out = []
    for ch in name:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:  # os.fsdecode's surrogateescape: the raw byte
            out.append(f"\\x{o - 0xDC00:02x}")
        elif ch in "\\'":
            out.append("\\" + ch)
        elif ch.isprintable() and not 0xD800 <= o <= 0xDFFF:
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "'" + "".join(out) + "'"


def quote_name(name: object) -> str:
    """quote_path for any path-like: a file or folder name as a one-line message shows it."""
    return quote_path(str(name))


class IngestError(Exception):
    """Base: a problem with the user's input, reported as `path: message`, exit code 2."""

    exit_code = 2

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        if self.one_line and ("\n" in problem or "\r" in problem):
            problem = " ".join(problem.split())
        super().__init__(f"{quote_path(self.path)}: {problem}")

    one_line = True  # a problem's own line breaks become spaces (SchemaInvalid lists lines on purpose)


class MissingFile(IngestError):
    pass


class CorruptPdf(IngestError):
    pass


class EncryptedPdf(IngestError):
    pass


class NoTextLayer(IngestError):
    """An image-only (scanned) PDF with OCR off (--ocr never), or whose pages OCR found no text on."""


class UnreadableText(IngestError):
    """A text layer that is there but says nothing on any page: glyph names ("/G21/G22"),
    private-use or unmapped codes where the letters should be. Writing it out would be
    garbage; raised when OCR is off (--ocr never) or read nothing either."""


class BadConfig(IngestError):
    pass


class OutputExists(IngestError):
    """A record is already there and would be overwritten silently."""


class SchemaInvalid(IngestError):
    one_line = False


class LimitExceeded(IngestError):
    """A resource limit tripped (input size, decompressed bytes, drawing operations): the
    file is hostile or unusual. The message names the limit and the setting that raises it
    (`parsers.limits`)."""
