#!/usr/bin/env python
"""Generate the download-cover-sheet cases that tests/test_coversheet.py ingests.

Run `python tests/make_coversheet_cases.py`; it rewrites `tests/coversheets/<case>.pdf` and
`tests/coversheets/truth.json`, byte-for-byte deterministic (reportlab `invariant=1`, the
standard Times/Helvetica fonts, not embedded: a few kB each). The truth is the generator's
own input, never read back from the PDFs.

Each case is one two-page English research article (title, byline with marked
affiliations, Abstract, Keywords, body, References), preceded by the page a download
platform adds when it serves the file, drawn with the fixed wording that platform prints
(parsers/layouts/coversheets.toml):
  researchgate  "See discussions, stats, and author profiles …", CITATIONS / READS, the
                authors' profile boxes with SEE PROFILE, "All content following this page
                was uploaded by …", and "View publication stats" at the foot of the last page
  tandf         Taylor & Francis Online: journal name and ISSN, "To cite this article:",
                "To link to this article:", "Submit your article to this journal", "View
                Crossmark data", "Full Terms & Conditions of access and use …"
  jstor         the JSTOR record page: "Stable URL:", "Your use of the JSTOR archive
                indicates your acceptance of …", "JSTOR is a not-for-profit service …"
                (and its two-line stamp at the foot of every page it serves: "This content
                downloaded from <address> on <date>", "All use subject to …")
  plain         no cover sheet, and the article's own first page prints "To cite this
                article:" (as many journals do): it must stay the article's first page.
  stamped       no cover sheet, but HighWire/SAGE's line at the foot of every page
                ("Downloaded from <host> at <institution> on <date>"): no citation, date
                or DOI may come from it.
  preproof      Elsevier's Journal Pre-proof cover (PII, DOI, Reference, To appear in, the
                three dates, "Please cite this article as:", its fixed notice) and the
                "Journal Pre-proof" line at the head of every page
  hal           the HAL open archive's cover ("HAL Id:", "To cite this version:", its
                English and French notices)
  pure          a university's Pure research portal cover (Citation for published version,
                Document Version, Link to publication record, General rights, Take down policy)
  whiterose     White Rose Research Online's cover ("This is a repository copy of …", its URL
                line, Reuse and Takedown notices)
  diva          DiVA's cover ("This is the published version of a paper published in …",
                "Citation for the original published paper (version of record):", "N.B. …",
                "Permanent link to this version:")
  escholarship  eScholarship's cover ("UC … Previously Published Works", Permalink, "Peer
                reviewed | eScholarship.org Powered by the California Digital Library")
  personal      Elsevier's cover for an author's personal copy ("This article appeared in a
                journal published by Elsevier. The attached copy is furnished to the author
                …") and "Author's personal copy" at the head of every page
  muse          Project MUSE's record page ("For additional information about this article",
                its muse.jhu.edu link, "[ Access provided at … ]")
  ieee          no cover sheet, but IEEE Xplore's licence line at the foot of every page
  proquest      no cover sheet, but ProQuest's reproduction line at the foot of every page
  pmc           no cover sheet, but an NIH author manuscript's lines: "HHS Public Access"
                over the first page and "<journal>. Author manuscript; available in PMC
                <date>." at the head of every page
  ssrn          no cover sheet, but SSRN's "Electronic copy available at:
                https://ssrn.com/abstract=…" at the foot of every page
"""
from __future__ import annotations

import io
import json
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

OUT = Path(__file__).resolve().parent / "coversheets"

ARTICLE = {
    "title": "Seasonal Drift of Soil Microbial Communities in Restored Upland Meadows",
    "authors": ["Helen M. Carter", "Tomas Lindqvist", "Priya Raman"],
    "affiliations": ["Department of Ecology, University of Exeter, Exeter EX4 4QD, UK",
                     "Swedish University of Agricultural Sciences, 750 07 Uppsala, Sweden"],
    "marks": ["1", "2", "1,2"],
    "abstract": ("Restoring upland meadows changes the soil beneath them slowly. We sampled the soil "
                 "microbial communities of twelve restored meadows every month for three years and "
                 "compared them with those of six ancient meadows nearby. Bacterial communities of the "
                 "restored meadows drifted towards those of the ancient ones in summer and away from them "
                 "in winter, while fungal communities moved steadily. Seasonal sampling is therefore "
                 "needed before a restoration is judged by its soil."),
    "keywords": ["soil microbiology", "meadow restoration", "seasonality", "fungal communities"],
    "doi": "10.5555/ecol.2016.0412",
    "journal": "Journal of Upland Ecology",
    "citation": "Journal of Upland Ecology 12 (2016) 45-46",
}


def _wrap(c: canvas.Canvas, text: str, x: float, y: float, width: float, font: str, size: float,
          leading: float) -> float:
    """Draw `text` wrapped to `width`; the y below the last line."""
    words, line = text.split(), ""
    for word in words:
        trial = f"{line} {word}".strip()
        if c.stringWidth(trial, font, size) > width and line:
            c.setFont(font, size)
            c.drawString(x, y, line)
            y -= leading
            line = word
        else:
            line = trial
    if line:
        c.setFont(font, size)
        c.drawString(x, y, line)
        y -= leading
    return y


STAMPS = {
    # HighWire/SAGE: one line at the foot of every page served
    "stamped": ["Downloaded from jue.sagepub.com at UNIV OF EXETER on May 5, 2016"],
    # JSTOR: two lines at the foot of every page it serves
    "jstor": ["This content downloaded from 130.209.6.61 on Tue, 12 Mar 2019 10:15:31 UTC",
              "All use subject to https://about.jstor.org/terms"],


    # SSRN: one line at the foot of every page
    "ssrn": ["Electronic copy available at: https://ssrn.com/abstract=2712345"],
    "ieee": ["Authorized licensed use limited to: University of Exeter. Downloaded on May 05,2020 at "
             "05:06:07 UTC from IEEE Xplore.  Restrictions apply."],
    "proquest": ["Reproduced with permission of the copyright owner. Further reproduction prohibited without "
                 "permission."],
}
# lines a platform sets at the head of every page (the first page's own list first, if any)
HEAD_STAMPS = {
    "preproof": [["Journal Pre-proof"]],
    "personal": [["Author's personal copy"]],
    "pmc": [["HHS Public Access", "J Upland Ecol. Author manuscript; available in PMC 2017 May 01."],
            ["J Upland Ecol. Author manuscript; available in PMC 2017 May 01."]],
}


def stamp(c: canvas.Canvas, lines: list[str], head: list[str] | None = None) -> None:
    c.setFont("Helvetica", 7)
    for k, text in enumerate(lines):
        c.drawCentredString(297, 24 - 9 * k, text)
    for k, text in enumerate(head or []):
        c.drawCentredString(297, 830 - 9 * k, text)


def article_pages(c: canvas.Canvas, cite_line: bool, stats_link: bool = False, stamps: list[str] | None = None,
                  heads: list[list[str]] | None = None, a: dict | None = None, doi_line: bool = True) -> None:
    """The article's two pages (`a`: ARTICLE unless given; `doi_line`: print its DOI link)."""
    a = a or ARTICLE
    c.setFont("Helvetica", 8)
    c.drawString(56, 810, f"{a['citation']}")
    if doi_line:
        c.drawRightString(539, 810, f"https://doi.org/{a['doi']}")
    y = _wrap(c, a["title"], 56, 760, 480, "Times-Bold", 18, 22)
    y -= 8
    x = 56.0
    for k, (name, mark) in enumerate(zip(a["authors"], a["marks"])):
        c.setFont("Times-Roman", 11)
        c.drawString(x, y, name)
        x += c.stringWidth(name, "Times-Roman", 11)
        c.setFont("Times-Roman", 7)
        c.drawString(x + 0.5, y + 4, mark)
        x += c.stringWidth(mark, "Times-Roman", 7) + 2
        if k + 1 < len(a["authors"]):
            sep = ", " if k + 2 < len(a["authors"]) else " and "
            c.setFont("Times-Roman", 11)
            c.drawString(x, y, sep)
            x += c.stringWidth(sep, "Times-Roman", 11)
    y -= 18
    for n, aff in enumerate(a["affiliations"], 1):
        c.setFont("Times-Italic", 8)
        c.drawString(56, y + 3, str(n))
        c.drawString(62, y, aff)
        y -= 11
    y -= 10
    c.setFont("Times-Bold", 10)
    c.drawString(56, y, "Abstract")
    y = _wrap(c, a["abstract"], 56, y - 14, 480, "Times-Roman", 10, 12.5)
    y -= 4
    c.setFont("Times-Bold", 10)
    c.drawString(56, y, "Keywords:")
    c.setFont("Times-Roman", 10)
    c.drawString(110, y, "; ".join(a["keywords"]))
    y -= 24
    if cite_line:
        c.setFont("Times-Roman", 8)
        c.drawString(56, y, f"To cite this article: {', '.join(a['authors'])}. {a['title']}. {a['citation']}.")
        y -= 20
    c.setFont("Times-Bold", 11)
    c.drawString(56, y, "1. Introduction")
    body = ("Upland meadows were once common across northern Europe. Most were ploughed or improved "
            "during the last century, and restoring them has become a goal of agri-environment schemes. ") * 4
    _wrap(c, body, 56, y - 16, 480, "Times-Roman", 10, 12.5)
    c.setFont("Times-Roman", 9)
    c.drawCentredString(297, 40, "45")
    stamp(c, stamps or [], (heads or [[]])[0])
    c.showPage()
    c.setFont("Helvetica", 8)
    c.drawString(56, 810, "H. M. Carter et al.")
    y = _wrap(c, body, 56, 770, 480, "Times-Roman", 10, 12.5)
    c.setFont("Times-Bold", 11)
    c.drawString(56, y - 10, "References")
    refs = ["[1] Bardgett RD, van der Putten WH. Belowground biodiversity and ecosystem functioning. "
            "Nature 2014;515:505-511.",
            "[2] Fierer N. Embracing the unknown: disentangling the complexities of the soil microbiome. "
            "Nat Rev Microbiol 2017;15:579-590."]
    y -= 26
    for ref in refs:
        y = _wrap(c, ref, 56, y, 480, "Times-Roman", 9, 11) - 3
    c.setFont("Times-Roman", 9)
    c.drawCentredString(297, 40, "46")
    if stats_link:  # ResearchGate stamps its link at the foot of the file's last page
        c.setFont("Helvetica", 6)
        c.drawString(20, 12, "View publication stats")
    stamp(c, stamps or [], (heads or [[]])[-1])
    c.showPage()


def _rows(c: canvas.Canvas, x: float, rows: list[tuple[float, str]], font: str, size: float) -> None:
    c.setFont(font, size)
    for y, text in rows:
        c.drawString(x, y, text)


def cover(c: canvas.Canvas, kind: str) -> None:
    a = ARTICLE
    authors = ", ".join(a["authors"])
    if kind == "researchgate":
        c.setFont("Helvetica", 8)
        c.drawString(40, 800, "See discussions, stats, and author profiles for this publication at: "
                              "https://www.researchgate.net/publication/301234567")
        y = _wrap(c, a["title"], 40, 760, 500, "Helvetica-Bold", 16, 20)
        _rows(c, 40, [(y - 6, f"Article  in  {a['journal']} · May 2016"), (y - 20, f"DOI: {a['doi']}"),
                      (y - 46, "CITATIONS")], "Helvetica", 9)
        c.drawString(220, y - 46, "READS")
        c.setFont("Helvetica-Bold", 14)
        c.drawString(40, y - 62, "14")
        c.drawString(220, y - 62, "1,208")
        c.setFont("Helvetica", 9)
        c.drawString(40, y - 88, f"{len(a['authors'])} authors:")
        yy = y - 110
        for name in a["authors"]:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(60, yy, name)
            c.setFont("Helvetica", 8)
            c.drawString(60, yy - 12, "University of Exeter")
            c.drawString(60, yy - 24, "37 PUBLICATIONS   512 CITATIONS")
            c.drawString(60, yy - 36, "SEE PROFILE")
            yy -= 60
        c.setFont("Helvetica", 7)
        c.drawString(40, 70, f"All content following this page was uploaded by {a['authors'][0]} on 03 May 2016.")
        c.drawString(40, 60, "The user has requested enhancement of the downloaded file.")
    elif kind == "tandf":
        c.setFont("Helvetica-Bold", 12)
        c.drawString(40, 790, a["journal"])
        c.setFont("Helvetica", 8)
        c.drawString(40, 776, "ISSN: 1234-5678 (Print) 1234-5679 (Online) Journal homepage: "
                              "https://www.tandfonline.com/loi/ujue20")
        y = _wrap(c, a["title"], 40, 730, 500, "Helvetica-Bold", 14, 18)
        c.setFont("Helvetica", 10)
        c.drawString(40, y - 4, authors)
        y = _wrap(c, f"To cite this article: {authors} (2016) {a['title']}, {a['citation']}, DOI: {a['doi']}",
                  40, y - 34, 500, "Helvetica", 8, 10)
        c.setFont("Helvetica", 8)
        c.drawString(40, y - 4, f"To link to this article:  https://doi.org/{a['doi']}")
        for k, text in enumerate(["Published online: 03 May 2016.", "Submit your article to this journal",
                                  "Article views: 1208", "View related articles", "View Crossmark data"]):
            c.setFont("Helvetica", 9)
            c.drawString(40, y - 40 - 22 * k, text)
        c.setFont("Helvetica", 7)
        c.drawString(40, 70, "Full Terms & Conditions of access and use can be found at")
        c.drawString(40, 60, "https://www.tandfonline.com/action/journalInformation?journalCode=ujue20")
    elif kind == "jstor":
        y = _wrap(c, a["title"], 60, 760, 470, "Times-Bold", 14, 18)
        _rows(c, 60, [(y - 6, f"Author(s): {authors}"), (y - 20, f"Source: {a['journal']}, Vol. 12 (2016), pp. 45-46"),
                      (y - 34, "Published by: Upland Ecology Society"),
                      (y - 48, "Stable URL: https://www.jstor.org/stable/26543210"),
                      (y - 62, "Accessed: 12-03-2019 10:15 UTC")], "Times-Roman", 10)
        _wrap(c, "Your use of the JSTOR archive indicates your acceptance of the Terms & Conditions of Use, "
                 "available at https://about.jstor.org/terms", 60, y - 100, 470, "Times-Roman", 9, 11)
        _wrap(c, "JSTOR is a not-for-profit service that helps scholars, researchers, and students discover, "
                 "use, and build upon a wide range of content in a trusted digital archive.", 60, y - 140, 470,
              "Times-Roman", 9, 11)
    elif kind == "preproof":
        c.setFont("Helvetica-Bold", 16)
        c.drawString(40, 790, "Journal Pre-proof")
        y = _wrap(c, a["title"], 40, 750, 500, "Helvetica-Bold", 13, 17)
        _rows(c, 40, [(y - 6, authors), (y - 34, "PII:            S0123-4567(16)30045-1"),
                      (y - 48, f"DOI:            https://doi.org/{a['doi']}"), (y - 62, "Reference:    JUE 4512"),
                      (y - 88, f"To appear in:   {a['journal']}"), (y - 114, "Received date:  12 January 2016"),
                      (y - 128, "Revised date:   2 March 2016"), (y - 142, "Accepted date:  20 April 2016")],
              "Helvetica", 9)
        _wrap(c, f"Please cite this article as: {authors}, {a['title']}, {a['journal']} (2016), "
                 f"doi: https://doi.org/{a['doi']}", 40, y - 172, 500, "Helvetica", 9, 11)
        _wrap(c, "This is a PDF file of an article that has undergone enhancements after acceptance, such as the "
                 "addition of a cover page and metadata, and formatting for readability, but it is not yet the "
                 "definitive version of record. This version will undergo additional copyediting, typesetting and "
                 "review before it is published in its final form.", 40, y - 220, 500, "Helvetica", 8, 10)
    elif kind == "hal":
        c.setFont("Helvetica", 9)
        c.drawString(40, 800, "HAL Id: hal-01312345")
        c.drawString(40, 788, "https://hal.science/hal-01312345")
        c.drawString(40, 776, "Submitted on 5 May 2016")
        y = _wrap(c, a["title"], 40, 740, 500, "Helvetica-Bold", 14, 18)
        c.setFont("Helvetica", 10)
        c.drawString(40, y - 4, authors)
        y = _wrap(c, "HAL is a multi-disciplinary open access archive for the deposit and dissemination of "
                     "scientific research documents, whether they are published or not.", 40, y - 40, 240,
                  "Helvetica", 8, 10)
        _wrap(c, "L'archive ouverte pluridisciplinaire HAL, est destinée au dépôt et à la diffusion de documents "
                 "scientifiques de niveau recherche, publiés ou non.", 300, y + 10 * 3, 240, "Helvetica", 8, 10)
        _wrap(c, f"To cite this version: {authors}. {a['title']}. {a['citation']}. hal-01312345", 40, y - 30, 500,
              "Helvetica", 8, 10)
    elif kind == "pure":
        c.setFont("Helvetica-Bold", 12)
        c.drawString(40, 800, "Edinburgh Research Explorer")
        y = _wrap(c, a["title"], 40, 770, 500, "Helvetica-Bold", 13, 17)
        y = _wrap(c, f"Citation for published version: {authors} 2016, '{a['title']}', {a['citation']}.", 40, y - 20,
                  500, "Helvetica", 9, 11)
        _rows(c, 40, [(y - 12, "Document Version: Peer reviewed version"),
                      (y - 30, "Link: Link to publication record in Edinburgh Research Explorer"),
                      (y - 60, "General rights")], "Helvetica", 9)
        y = _wrap(c, "Copyright for the publications made accessible via the Edinburgh Research Explorer is retained "
                     "by the author(s) and / or other copyright owners.", 40, y - 74, 500, "Helvetica", 8, 10)
        c.setFont("Helvetica", 9)
        c.drawString(40, y - 14, "Take down policy")
        _wrap(c, "If you believe that this document breaches copyright please contact us providing details, and we "
                 "will remove access to the work immediately and investigate your claim.", 40, y - 28, 500,
              "Helvetica", 8, 10)
    elif kind == "whiterose":
        _wrap(c, f"This is a repository copy of {a['title']}.", 40, 790, 500, "Helvetica-Bold", 12, 15)
        _rows(c, 40, [(740, "White Rose Research Online URL for this paper:"),
                      (728, "https://eprints.whiterose.ac.uk/101234/"), (700, "Version: Accepted Version")],
              "Helvetica", 9)
        y = _wrap(c, f"Article: {authors} (2016) {a['title']}. {a['citation']}.", 40, 672, 500, "Helvetica", 9, 11)
        _wrap(c, "If you consider content in White Rose Research Online to be in breach of UK law, please notify us "
                 "by emailing eprints@whiterose.ac.uk including the URL of the record and the reason for the "
                 "withdrawal request.", 40, y - 40, 500, "Helvetica", 8, 10)
    elif kind == "diva":
        c.setFont("Helvetica", 9)
        c.drawString(40, 800, "http://www.diva-portal.org")
        _rows(c, 40, [(770, f"This is the published version of a paper published in {a['journal']}."),
                      (740, "Citation for the original published paper (version of record):")], "Helvetica", 9)
        y = _wrap(c, f"{authors} (2016) {a['title']}. {a['citation']}.", 40, 726, 500, "Helvetica", 9, 11)
        _rows(c, 40, [(y - 16, "N.B. When citing this work, cite the original published paper."),
                      (y - 46, "Permanent link to this version:"),
                      (y - 58, "http://urn.kb.se/resolve?urn=urn:nbn:se:uu:diva-281234")], "Helvetica", 9)
    elif kind == "escholarship":
        c.setFont("Helvetica-Bold", 12)
        c.drawString(40, 800, "UC Davis")
        c.drawString(40, 786, "UC Davis Previously Published Works")
        _rows(c, 40, [(760, "Title"), (706, "Permalink"), (694, "https://escholarship.org/uc/item/8xq4v1zr"),
                      (666, "Journal"), (654, f"{a['journal']}, 12"), (626, "Authors"), (614, authors)],
              "Helvetica", 9)
        _wrap(c, a["title"], 40, 746, 500, "Helvetica", 11, 14)
        c.setFont("Helvetica", 8)
        c.drawString(40, 80, "Peer reviewed | eScholarship.org    Powered by the California Digital Library")
    elif kind == "personal":
        _wrap(c, "This article appeared in a journal published by Elsevier. The attached copy is furnished to the "
                 "author for internal non-commercial research and education use, including for instruction at the "
                 "authors institution and sharing with colleagues.", 60, 700, 470, "Times-Roman", 11, 14)
        _wrap(c, "Other uses, including reproduction and distribution, or selling or licensing copies, or posting to "
                 "personal, institutional or third party websites are prohibited. In most cases authors are permitted "
                 "to post their version of the article (e.g. in Word or Tex form) to their personal website or "
                 "institutional repository.", 60, 600, 470, "Times-Roman", 11, 14)
        c.setFont("Helvetica", 7)
        c.drawCentredString(297, 830, "Author's personal copy")
    elif kind == "muse":
        y = _wrap(c, a["title"], 40, 780, 500, "Helvetica-Bold", 14, 18)
        _rows(c, 40, [(y - 6, authors), (y - 20, f"{a['journal']}, Volume 12, 2016, pp. 45-46 (Article)"),
                      (y - 34, "Published by Upland Ecology Society"), (y - 48, f"DOI: https://doi.org/{a['doi']}"),
                      (y - 80, "For additional information about this article"),
                      (y - 92, "https://muse.jhu.edu/article/612345")], "Helvetica", 9)
        c.setFont("Helvetica", 8)
        c.drawString(40, 60, "[ Access provided at 5 May 2020 05:06 GMT from University of Exeter ]")
    c.showPage()


COVERS = {"researchgate": "ResearchGate", "tandf": "Taylor & Francis Online", "jstor": "JSTOR",
          "preproof": "Elsevier Journal Pre-proof / Accepted Manuscript", "hal": "HAL open archive",
          "pure": "Pure research portal", "whiterose": "White Rose Research Online", "diva": "DiVA",
          "escholarship": "eScholarship", "personal": "Elsevier author's personal copy", "muse": "Project MUSE"}
CASES = (*COVERS, "plain", "stamped", "pmc", "ssrn", "ieee", "proquest")


def build(kind: str) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle("")
    if kind in COVERS:
        cover(c, kind)
    article_pages(c, cite_line=kind == "plain", stats_link=kind == "researchgate", stamps=STAMPS.get(kind),
                  heads=HEAD_STAMPS.get(kind))
    c.save()
    return buf.getvalue()


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for kind in CASES:
        (OUT / f"{kind}.pdf").write_bytes(build(kind))
    first = {kind: (2 if kind in COVERS else 1) for kind in CASES}
    truth = {"article": ARTICLE, "first_pdf_page": first, "platform": COVERS}
    (OUT / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
