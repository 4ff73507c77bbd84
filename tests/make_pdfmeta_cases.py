#!/usr/bin/env python
"""Generate the one-article PDFs with publisher metadata that tests/test_pdfmeta.py ingests.

Run `python tests/make_pdfmeta_cases.py`; it rewrites `tests/pdfmeta/<case>.pdf` and
`tests/pdfmeta/truth.json`, deterministic (reportlab `invariant=1`, standard fonts; the
metadata is added by pypdf with fixed IDs). The truth is the generator's own input.

The pages are the two-page English article of tests/make_coversheet_cases.py (its title
given a hyphenated compound); the metadata follows what publishers embed (Crossref's
Crossmark PDF metadata, PRISM, Dublin Core in XMP; the information dictionary):
  alike       the page prints "Long-term" with a hyphen-minus; the XMP dc:title spells it
              with U+2010 HYPHEN, and its crossmark:DOI, prism:doi and pdf:Keywords equal what
              the page prints
  undotted    the page prints no DOI line at all; the XMP carries the DOI (Crossmark)
  disputed    the information dictionary's /Title is the printed title (so the metadata is
              this article's), its /Subject cites another DOI ("… doi:10.5555/x") and its
              /Keywords lists three of the four printed keywords and one other
  foreign     the XMP of another article left in the file by a template: another title,
              DOI, keywords and authors (to be ignored: nothing confirmed or disputed)
  supplement  a third page opening "Supplementary Material: <title>" in title type over the
              authors' names, which prints no DOI of its own; the XMP names the article's
              DOI (the file is one article: its pages 1-3)
  supplement_other  the same pages, but the third page prints a DOI of its own (another item:
              two articles)
"""
from __future__ import annotations

import copy
import io
import json
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from make_coversheet_cases import ARTICLE, _wrap, article_pages  # type: ignore[import-not-found]

OUT = Path(__file__).resolve().parent / "pdfmeta"

PAGE = copy.deepcopy(ARTICLE)
PAGE["title"] = "Long-term Drift of Soil Microbial Communities in Restored Upland Meadows"
XMP_TITLE = PAGE["title"].replace("Long-term", "Long\u2010term")
OTHER_DOI = "10.5555/ecol.2016.9999"

XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/"
     xmlns:crossmark="http://crossref.org/crossmark/1.0/"
     xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
     crossmark:DOI="{doi}" pdf:Keywords="{keywords}">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq>{creators}</rdf:Seq></dc:creator>
   <prism:doi>{doi}</prism:doi>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def pages(doi_line: bool = True) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    article_pages(c, cite_line=False, a=PAGE, doi_line=doi_line)  # (it ends each page itself)
    c.save()
    return buf.getvalue()


def with_supplement(doi: str = "") -> bytes:
    """The article's two pages and a supplement's title page (its own DOI line if `doi`)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    article_pages(c, cite_line=False, a=PAGE)
    if doi:
        c.setFont("Helvetica", 8)
        c.drawRightString(539, 810, f"https://doi.org/{doi}")
    y = _wrap(c, "Supplementary Material: " + PAGE["title"], 56, 760, 480, "Times-Bold", 18, 22)
    c.setFont("Times-Roman", 11)
    c.drawString(56, y - 8, "Helen M. Carter, Tomas Lindqvist and Priya Raman")
    _wrap(c, "Table S1 lists the twelve restored meadows with their coordinates and the years of their "
             "restoration, and Table S2 the sampling dates of every plot. " * 5, 56, y - 40, 480, "Times-Roman", 10, 12.5)
    c.setFont("Times-Roman", 9)
    c.drawCentredString(297, 40, "47")
    c.showPage()
    c.save()
    return buf.getvalue()


def with_metadata(pdf: bytes, info: dict[str, str], xmp: str = "") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata(info)
    if xmp:
        stream = DecodedStreamObject()
        stream.set_data(xmp.encode("utf-8"))
        stream.update({NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")})
        writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)
    writer._ID = None  # (no random file ID: the output is byte-for-byte the same every run)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def xmp(doi: str, title: str, keywords: list[str], authors: list[str] | None = None) -> str:
    creators = "".join(f"<rdf:li>{a}</rdf:li>" for a in authors or PAGE["authors"])
    return XMP.format(doi=doi, title=title, keywords="; ".join(keywords), creators=creators)


CASES = {
    "alike": lambda: with_metadata(pages(), {"/Producer": "journal-ingest tests"},
                                   xmp(PAGE["doi"], XMP_TITLE, PAGE["keywords"])),
    "undotted": lambda: with_metadata(pages(doi_line=False), {"/Producer": "journal-ingest tests"},
                                      xmp(PAGE["doi"], PAGE["title"], PAGE["keywords"])),
    "disputed": lambda: with_metadata(pages(), {"/Title": PAGE["title"],
                                                "/Subject": f"Journal of Upland Ecology 12 (2016) 45-46. doi:{OTHER_DOI}",
                                                "/Keywords": "; ".join(PAGE["keywords"][:3] + ["grazing"])}),
    "foreign": lambda: with_metadata(pages(), {"/Producer": "journal-ingest tests"},
                                     xmp(OTHER_DOI, "Grazing Pressure and Hedgerow Birds in Lowland Farmland",
                                         ["hedgerows", "farmland birds", "grazing"],
                                         ["Owen Price", "Mei Lin Tan"])),
    "supplement": lambda: with_metadata(with_supplement(), {"/Producer": "journal-ingest tests"},
                                        xmp(PAGE["doi"], PAGE["title"], PAGE["keywords"])),
    "supplement_other": lambda: with_metadata(with_supplement(OTHER_DOI), {"/Producer": "journal-ingest tests"},
                                              xmp(PAGE["doi"], PAGE["title"], PAGE["keywords"])),
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, build in CASES.items():
        (OUT / f"{name}.pdf").write_bytes(build())
    truth = {"article": PAGE, "xmp_title": XMP_TITLE, "other_doi": OTHER_DOI}
    (OUT / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
