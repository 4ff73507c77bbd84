"""One small exception tree; the CLI turns each into a one-line message and exit code."""
from __future__ import annotations


class IngestError(Exception):
    """Base: a problem with the user's input, reported as `path: message`, exit code 2."""

    exit_code = 2

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


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
    pass
