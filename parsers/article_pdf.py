"""Write one article's pages as a PDF of its own, titled and authored in its document info."""
from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from schemas.model import Article


def article_pdf_bytes(reader: PdfReader, art: Article, ocr_boxes: dict | None = None) -> bytes:
    """ocr_boxes: page number -> parsers.ocr.OcrBox list for the pages read by OCR; those
    pages get an invisible text layer (parsers.ocr_pdf), so the PDF is searchable."""
    writer = PdfWriter()
    first, last = art.pdf_pages
    for index in range(first - 1, last):
        page = writer.add_page(reader.pages[index])
        if ocr_boxes and index + 1 in ocr_boxes:
            from parsers.ocr import lines_from_boxes
            from parsers.ocr_pdf import add_text_layer

            box = page.cropbox
            add_text_layer(writer, page, lines_from_boxes(ocr_boxes[index + 1], float(box.width), float(box.height)))
    title = art.title.zh or art.title.en
    if art.title.zh and art.title.en:
        title = f"{art.title.zh} / {art.title.en}"
    authors = "; ".join(c.name.zh or c.name.en for c in art.contributors if c.name.zh or c.name.en)
    info = {"/Title": title, "/Author": authors, "/Producer": "journal-ingest"}
    if art.keywords.zh or art.keywords.en:
        info["/Keywords"] = "; ".join(art.keywords.zh + art.keywords.en)
    if art.doi:
        info["/Subject"] = f"doi:{art.doi}"
    writer.add_metadata(info)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def open_reader(path: Path) -> PdfReader:
    reader = PdfReader(str(path))
    if reader.is_encrypted:
        reader.decrypt("")
    return reader
