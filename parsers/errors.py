"""One small exception tree; the CLI turns each into a one-line message and exit code."""
from __future__ import annotations


def quote_name(name: object) -> str:
    """A file name as a message shows it: as is when every character is printable, else
    quoted with escapes (Python's repr), so a name holding a newline, a control character
    or bytes that are not UTF-8 stays on one line and can be printed."""
    text = str(name)
    return text if text.isprintable() else repr(text)


class IngestError(Exception):
    """Base: a problem with the user's input, reported as `path: message`, exit code 2."""

    exit_code = 2

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{quote_name(self.path)}: {problem}")


class MissingFile(IngestError):
    pass


class CorruptPdf(IngestError):
    pass


class EncryptedPdf(IngestError):
    pass


class NoTextLayer(IngestError):
    """An image-only (scanned) PDF: OCR is not done here."""


class UnreadableText(IngestError):
    """A text layer that is there but says nothing on any page: glyph names ("/G21/G22"),
    private-use or unmapped codes where the letters should be. Writing it out would be
    garbage; OCR is not done here."""


class BadConfig(IngestError):
    pass


class OutputExists(IngestError):
    """A record is already there and would be overwritten silently."""


class SchemaInvalid(IngestError):
    pass
