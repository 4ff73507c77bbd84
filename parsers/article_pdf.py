"""Write one article's pages as a PDF of its own, titled and authored in its document info,
with the issue PDF's active content left behind.

What an article PDF must not carry (it is mailed, archived and opened by editors): anything
a viewer runs or opens by itself. PDF 32000-1 §12.6 lists the actions; of those only going
to a place in the document (`/GoTo`) and following a plain web or mail link (`/URI` with an
http, https, ftp or mailto address) are kept. Gone are: document and page additional
actions (`/AA`, run on open, close, print, page view), the catalog's `/OpenAction`, the
`/Names` JavaScript and EmbeddedFiles trees, JavaScript, Launch, SubmitForm, ImportData,
GoToR/GoToE, Rendition, Sound, Movie and RichMedia actions, a `javascript:`/`file:` URI,
the `/Next` chain of any kept action, and file-attachment, sound, movie, screen, rich-media
and 3D annotations (PDF/A-2 §6.6 forbids the same kinds for archival copies).
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

from schemas.model import Article

from .errors import CorruptPdf, EncryptedPdf, IngestError
from .limits import reading

SAFE_ACTIONS = frozenset({"/GoTo", "/URI"})
PLAIN_LINK = ("http://", "https://", "ftp://", "mailto:")
ACTIVE_ANNOTATIONS = frozenset({"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"})
CATALOG_ACTIVE = ("/OpenAction", "/AA", "/AcroForm")
NAMES_ACTIVE = ("/JavaScript", "/EmbeddedFiles")


class IssueReader(PdfReader):
    """A PdfReader that remembers which file it read, for error messages."""

    path: Path


def article_pdf_bytes(reader: PdfReader, art: Article, ocr_boxes: dict | None = None) -> bytes:
    """The article's pages as one PDF, without active content.

    ocr_boxes: page number -> parsers.ocr.OcrBox list for the pages read by OCR; those
    pages get an invisible text layer (parsers.ocr_pdf), so the PDF is searchable.
    Raises CorruptPdf (naming the issue PDF and the pages) when pypdf cannot copy them, and
    LimitExceeded when they cost more than the limits allow (parsers.limits)."""
    path = getattr(reader, "path", Path("issue PDF"))
    first, last = art.pdf_pages
    try:
        with reading(path):
            return _article_pdf_bytes(reader, art, ocr_boxes)
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many kinds (PdfReadError, ValueError, RecursionError, ...)
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise CorruptPdf(path, f"pages {first}-{last} (article {art.id}) cannot be copied: {detail}") from None


def _article_pdf_bytes(reader: PdfReader, art: Article, ocr_boxes: dict | None = None) -> bytes:
    writer = PdfWriter()
    first, last = art.pdf_pages
    for index in range(first - 1, last):
        page = writer.add_page(reader.pages[index])
        if ocr_boxes and index + 1 in ocr_boxes:
            from parsers.ocr import lines_from_boxes
            from parsers.ocr_pdf import add_text_layer

            box = page.cropbox
            add_text_layer(writer, page, lines_from_boxes(ocr_boxes[index + 1], float(box.width), float(box.height)))
    strip_active_content(writer)
    writer.add_metadata(document_info(art))
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def document_info(art: Article) -> dict[str, str]:
    """The document info an article PDF carries: title, authors, keywords, DOI."""
    title = art.title.zh or art.title.en
    if art.title.zh and art.title.en:
        title = f"{art.title.zh} / {art.title.en}"
    authors = "; ".join(c.name.zh or c.name.en for c in art.contributors if c.name.zh or c.name.en)
    info = {"/Title": title, "/Author": authors, "/Producer": "journal-ingest"}
    if art.keywords.zh or art.keywords.en:
        info["/Keywords"] = "; ".join(art.keywords.zh + art.keywords.en)
    if art.doi:
        info["/Subject"] = f"doi:{art.doi}"
    return info


def with_document_info(pdf: bytes, art: Article) -> bytes:
    """An existing article PDF with its document info replaced (after an editor's
    correction); the pages are copied as they are."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.metadata = document_info(art)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def strip_active_content(writer: PdfWriter) -> None:
    """Remove what a viewer would run or open by itself (see the module docstring) from
    the writer's catalog and pages; plain links and links within the document stay."""
    root = writer._root_object
    for key in CATALOG_ACTIVE:
        root.pop(NameObject(key), None)
    names = _obj(root.get("/Names"))
    if isinstance(names, DictionaryObject):
        for key in NAMES_ACTIVE:
            names.pop(NameObject(key), None)
    for page in writer.pages:
        page.pop(NameObject("/AA"), None)
        annots = _obj(page.get("/Annots"))
        if not isinstance(annots, ArrayObject):
            if annots is not None:
                del page["/Annots"]
            continue
        kept = ArrayObject()
        for ref in annots:
            annot = _obj(ref)
            if not isinstance(annot, DictionaryObject) or annot.get("/Subtype") in ACTIVE_ANNOTATIONS:
                continue
            annot.pop(NameObject("/AA"), None)
            if "/A" in annot and not _safe_action(_obj(annot["/A"])):
                del annot["/A"]
            kept.append(ref)
        page[NameObject("/Annots")] = kept


def _safe_action(action: Any) -> bool:
    """A go-to or plain-link action; its /Next chain (more actions run after it) is cut."""
    if not isinstance(action, DictionaryObject):
        return False
    kind = action.get("/S")
    if kind not in SAFE_ACTIONS:
        return False
    action.pop(NameObject("/Next"), None)
    if kind == "/URI":
        uri = str(_obj(action.get("/URI")) or "").strip().lower()
        return uri.startswith(PLAIN_LINK)
    return True


def _obj(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def open_reader(path: Path) -> PdfReader:
    """The issue PDF for copying pages (already read once by parsers.textlayer, which
    refused what is not a readable PDF); errors are named with the file."""
    try:
        with reading(path):
            reader = IssueReader(str(path))
            reader.path = Path(path)
            if reader.is_encrypted and not reader.decrypt(""):
                raise EncryptedPdf(path, "encrypted PDF: a password is needed to open it")
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many kinds (PdfReadError, ValueError, RecursionError, ...)
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise CorruptPdf(path, f"not a readable PDF: {detail}") from None
    return reader
