"""Write one article's pages as a PDF of its own, titled and authored in its document info."""
from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from schemas.model import Article


def article_pdf_bytes(reader: PdfReader, art: Article) -> bytes:
    writer = PdfWriter()
    first, last = art.pdf_pages
    for index in range(first - 1, last):
        writer.add_page(reader.pages[index])
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


def open_reader(path: Path) -> PdfReader:
    reader = PdfReader(str(path))
    if reader.is_encrypted:
        reader.decrypt("")
    return reader
