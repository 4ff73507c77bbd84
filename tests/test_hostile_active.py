"""Active content stays behind: the article PDFs `ingest` writes, read back object by object,
carry no JavaScript, launch, auto-run or embedded-file entries, and keep their plain links.

The input (tests/hostile/active_content.pdf, tests/make_hostile.py) is the single-article
fixture with every kind planted: /OpenAction and document /AA running JavaScript, a /Names
JavaScript tree, an embedded file, page /AA, Launch and JavaScript links, a javascript:
URI, a file-attachment annotation, and an https link whose /Next chain runs JavaScript.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from cli.main import main
from parsers.article_pdf import strip_active_content

HOSTILE = Path(__file__).parent / "hostile" / "active_content.pdf"
ACTIVE_KEYS = {"/JS", "/JavaScript", "/OpenAction", "/AA", "/EmbeddedFile", "/EmbeddedFiles", "/Launch",
               "/FileAttachment", "/Next"}


def active_found(reader: PdfReader) -> set[str]:
    """Every active-content marker reachable from the trailer: keys, action kinds, URIs."""
    found: set[str] = set()
    seen: set[tuple[int, int]] = set()

    def walk(obj: Any) -> None:
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                return
            seen.add(key)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            for k, v in obj.items():
                if k in ACTIVE_KEYS:
                    found.add(k)
                if k in ("/S", "/Subtype", "/Type") and str(v) in ACTIVE_KEYS:
                    found.add(str(v))
                if k == "/URI":
                    found.add("uri:" + str(v.get_object() if isinstance(v, IndirectObject) else v))
                if k != "/Parent":
                    walk(v)
        elif isinstance(obj, ArrayObject):
            for v in obj:
                walk(v)

    walk(reader.trailer)
    return found


def test_the_input_carries_every_kind() -> None:
    found = active_found(PdfReader(str(HOSTILE)))
    assert {"/OpenAction", "/AA", "/JavaScript", "/JS", "/EmbeddedFiles", "/Launch", "/FileAttachment", "/Next",
            "uri:javascript:alert(1)", "uri:https://example.org/ok"} <= found


def test_article_pdfs_are_written_without_active_content(tmp_path: Path, capsys) -> None:
    code = main(["ingest", str(HOSTILE), "--out", str(tmp_path), "--no-links", "--no-report", "--quiet"])
    assert code == 0, capsys.readouterr().err
    pdfs = sorted(tmp_path.glob("*/articles/*/article.pdf"))
    assert pdfs
    for pdf in pdfs:
        reader = PdfReader(str(pdf))
        found = active_found(reader)
        assert found == {"uri:https://example.org/ok"}, (pdf, found)
        assert reader.pages[0].get("/Annots"), "the plain link (and the inert links) stay"
        assert "乌克兰危机下日本与北约的战略合作" in reader.metadata.title


def test_strip_clears_the_catalog_too(tmp_path: Path) -> None:
    """A writer cloned whole (catalog included: /OpenAction, /AA, /Names) comes out clean:
    the stripping does not rely on add_page leaving the catalog behind."""
    writer = PdfWriter(clone_from=PdfReader(str(HOSTILE)))
    assert "/OpenAction" in writer._root_object
    strip_active_content(writer)
    buf = io.BytesIO()
    writer.write(buf)
    assert active_found(PdfReader(buf)) == {"uri:https://example.org/ok"}
