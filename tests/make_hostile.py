#!/usr/bin/env python
"""Generate the hostile-input PDFs that tests/test_hostile.py feeds to `journal-ingest ingest`.

Run `python tests/make_hostile.py` (or `make hostile`); it rewrites `tests/hostile/*.pdf`, the
small cases, byte-for-byte deterministic (fixed seeds, no timestamps), so regenerating gives
no git diff. The big cases (a 1 GiB single-deflate bomb, a 3 GB sparse file, 3,000 pages,
file names git cannot hold) are built at test time by `build_big(name, folder)`, in the
test's tmp_path, and deleted with it. Mutants of the committed fixture PDFs are rebuilt at
test time from their seed (`mutant(seed)`): the same bytes every time.

Each case says what a clean ending is: `ok` (exit 0 and a valid record), `error` (exit 2,
one line naming the file, and the problem matching `problem`), or `either` (seeded mutants
and damaged files, where pypdf's repair may or may not succeed; what must hold is that the
run ends in time, in memory, and cleanly).

Classes (issue 15): not a PDF (a ZIP renamed .pdf, HTML, empty), truncations, encryption,
page-tree and xref loops, 200,000-deep nesting (object, content stream), unclosed TJ arrays,
form XObjects fanning out to 1e9 draws and drawing themselves, decompression bombs (content,
ToUnicode, FontFile2, double-deflated to a few kB; many streams under the per-stream limit
that sum over the per-document one), a page 1e12 points wide, 30 MB strings, 3,000 pages,
active content (OpenAction, AA, JavaScript, Launch, embedded files), awkward file names
(newline, bytes that are not UTF-8, a leading dash, quotes, 250 characters), special files
(a FIFO, /dev/zero, a folder) and seeded byte mutants of real-looking files.
"""
from __future__ import annotations

import io
import os
import random
import re
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
HOSTILE = ROOT / "hostile"
SINGLE = ROOT / "fixtures" / "single_article" / "issue.pdf"
SEED_GB1 = ROOT / "fixtures" / "issue_seed_gb1" / "issue.pdf"
GiB = 1024 ** 3
MiB = 1024 ** 2


# ============================================================================================
# a raw PDF writer: every byte under our control (pypdf would refuse or repair what we need)


def stream(data: bytes, extra: bytes = b"", filters: int = 1) -> bytes:
    """A stream object's body, Flate-compressed `filters` times (0: uncompressed)."""
    for _ in range(filters):
        data = zlib.compress(data, 9)
    flt = b"" if not filters else b"/Filter [" + b" ".join([b"/FlateDecode"] * filters) + b"] "
    return b"<< " + flt + b"/Length %d " % len(data) + extra + b">>\nstream\n" + data + b"\nendstream"


def deflate_bomb(size: int, unit: bytes = b" ", filters: int = 1) -> bytes:
    """A stream body that inflates to `size` bytes of `unit`, compressed in 16 MiB chunks."""
    c = zlib.compressobj(9)
    chunk = unit * (16 * MiB // len(unit))
    parts, left = [], size
    while left > 0:
        parts.append(c.compress(chunk[:left]))
        left -= len(chunk)
    data = b"".join(parts) + c.flush()
    for _ in range(filters - 1):
        data = zlib.compress(data, 9)
    flt = b"/Filter [" + b" ".join([b"/FlateDecode"] * filters) + b"] "
    return b"<< " + flt + b"/Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def pdf(objects: dict[int, bytes], root: int = 1, trailer: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num] if num in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (size, root, trailer, xref)
    return bytes(out)


def pdf_objstm(objects: dict[int, bytes], packed: dict[int, bytes], root: int = 1) -> bytes:
    """Like `pdf`, but the `packed` objects sit in one Flate-compressed object stream, found
    through a cross-reference stream (PDF 1.5): how a big nested object stays a small file."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    stm = max(list(objects) + list(packed)) + 1
    header, body = b"", b""
    for num in sorted(packed):
        header += b"%d %d " % (num, len(body))
        body += packed[num] + b"\n"
    offsets[stm] = len(out)
    out += b"%d 0 obj\n" % stm + stream(header + body, b"/Type /ObjStm /N %d /First %d " % (len(packed), len(header))) + b"\nendobj\n"
    xref = stm + 1
    offsets[xref] = len(out)
    rows = b""
    index = {num: k for k, num in enumerate(sorted(packed))}
    for num in range(xref + 1):
        if num in offsets:
            rows += b"\x01" + offsets[num].to_bytes(4, "big") + b"\x00\x00"
        elif num in packed:
            rows += b"\x02" + stm.to_bytes(4, "big") + index[num].to_bytes(2, "big")
        else:
            rows += b"\x00\x00\x00\x00\x00\xff\xff"
    out += b"%d 0 obj\n" % xref + stream(rows, b"/Type /XRef /Size %d /W [1 4 2] /Root %d 0 R " % (xref + 1, root))
    out += b"\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[xref]
    return bytes(out)


TEXT = (b"BT /F1 18 Tf 72 720 Td (A Study of Hostile Input) Tj ET\n"
        b"BT /F1 10 Tf 72 690 Td (Abstract: this page says enough to be read as text.) Tj ET\n")
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def one_page(content: bytes = TEXT, resources: bytes = b"/Font << /F1 5 0 R >>", more: dict[int, bytes] | None = None,
             page_extra: bytes = b"", catalog_extra: bytes = b"", media: bytes = b"[0 0 612 792]",
             content_filters: int = 1, trailer: bytes = b"") -> bytes:
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox " + media + b" /Resources << " + resources + b" >> /Contents 4 0 R "
           + page_extra + b">>",
        4: stream(content, filters=content_filters),
        5: FONT,
    }
    objs.update(more or {})
    return pdf(objs, trailer=trailer)


# ============================================================================================
# the cases


@dataclass(frozen=True)
class Case:
    build: Callable[[], bytes]
    expect: str = "either"         # ok | error | either
    problem: str = ""              # a regex the error's problem must match (expect == error)
    big: bool = False              # built at test time, never committed


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in (("issue.pdf", b"%PDF-1.7 inside a zip\n%%EOF\n"), ("readme.txt", b"a ZIP archive renamed .pdf")):
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), text)
    return buf.getvalue()


def _truncated(share: float, eof: bool = False) -> Callable[[], bytes]:
    def build() -> bytes:
        data = SINGLE.read_bytes()
        cut = data[: int(len(data) * share)]
        return cut + b"\n%%EOF\n" if eof else cut
    return build


def _encrypted(user: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    from pypdf.generic import ArrayObject, ByteStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(one_page())))
    fixed = ByteStringObject(b"hostile-fixed-id")
    writer._ID = ArrayObject((fixed, fixed))  # the key derives from /ID[0]: fixed, so are the bytes
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm="RC4-128")
    writer._ID = ArrayObject((fixed, fixed))  # encrypt() draws a random second half
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _page_tree_loop() -> bytes:
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [2 0 R 6 0 R] /Count 2 >>",
            6: b"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>"}
    return pdf(objs)


def _page_tree_count() -> bytes:
    # a /Count of a billion pages over a tree that holds one
    return one_page().replace(b"/Count 1", b"/Count 1000000000")


def _xref_prev_loop() -> bytes:
    data = one_page()
    xref = int(re.search(rb"startxref\n(\d+)", data).group(1))
    return data.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % xref)


def _xref_garbage() -> bytes:
    data = one_page()
    return re.sub(rb"startxref\n\d+", b"startxref\n999999999", data)


def _deep(nested: bytes) -> bytes:
    """A one-page file whose page points (/Annots, /Foo) at `nested`, packed in an object stream."""
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
           b"/Contents 4 0 R /Annots 6 0 R /Foo 6 0 R >>",
        4: stream(TEXT),
        5: FONT,
    }
    return pdf_objstm(objs, {6: nested})


def _deep_object() -> bytes:
    depth = 200_000
    return _deep(b"[" * depth + b"]" * depth)


def _deep_dict() -> bytes:
    depth = 200_000
    return _deep(b"<< /A " * depth + b"1" + b" >>" * depth)


def _deep_content() -> bytes:
    depth = 200_000
    return one_page(TEXT + b"[" * depth + b"]" * depth + b" TJ\n" + b"<<" * depth + b">>" * depth + b"\n")


def _unclosed_tj_digits() -> bytes:
    return one_page(TEXT + b"BT /F1 12 Tf 72 700 Td [" + b"1" * 2_000_000)


def _unclosed_tj_numbers() -> bytes:
    return one_page(TEXT + b"BT /F1 12 Tf 72 700 Td [" + b"(a) 1 " * 400_000)


def _many_operands() -> bytes:
    return one_page(TEXT + b"1 " * 3_000_000 + b"Tj\n")


def _fanout() -> bytes:
    """Form X2 draws X1 1000 times, X1 draws X0 1000 times, X0 shows text; the page draws
    X2 1000 times: 1e9 text-showing operations from a few kB."""
    draws = lambda name: b"q " * 0 + (b"/" + name + b" Do ") * 1000
    objs = {
        6: stream(b"BT /F1 1 Tf (x) Tj ET", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 5 0 R >> >> "),
        7: stream(draws(b"X0"), b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X0 6 0 R >> >> "),
        8: stream(draws(b"X1"), b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 7 0 R >> >> "),
    }
    return one_page(TEXT + draws(b"X2"), b"/Font << /F1 5 0 R >> /XObject << /X2 8 0 R >>", more=objs)


def _form_cycle() -> bytes:
    objs = {
        6: stream(b"/B Do /A Do", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /A 6 0 R /B 7 0 R >> >> "),
        7: stream(b"/A Do /B Do", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /A 6 0 R /B 7 0 R >> >> "),
    }
    return one_page(TEXT + b"/A Do /B Do", b"/Font << /F1 5 0 R >> /XObject << /A 6 0 R /B 7 0 R >>", more=objs)


def _content_bomb_double() -> bytes:
    return one_page(more={4: deflate_bomb(GiB, filters=2)})


def _tounicode_bomb() -> bytes:
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"
    return one_page(more={5: font, 6: deflate_bomb(GiB, filters=2)})


def _fontfile_bomb() -> bytes:
    font = b"<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FontDescriptor 6 0 R >>"
    desc = b"<< /Type /FontDescriptor /FontName /Bomb /Flags 4 /FontFile2 7 0 R >>"
    return one_page(more={5: font, 6: desc, 7: deflate_bomb(GiB, unit=b"\0", filters=2)})


def _many_streams() -> bytes:
    """Twelve fonts whose programs inflate to 60 MiB each: every one under the per-stream
    limit, 720 MiB together (pypdf keeps each decoded stream on its object)."""
    bomb = deflate_bomb(60 * MiB, unit=b"\0", filters=2)
    more: dict[int, bytes] = {}
    names = b""
    content = b""
    for k in range(12):
        f, d, s = 10 + 3 * k, 11 + 3 * k, 12 + 3 * k
        more[f] = b"<< /Type /Font /Subtype /TrueType /BaseFont /Bomb%d /FontDescriptor %d 0 R >>" % (k, d)
        more[d] = b"<< /Type /FontDescriptor /FontName /Bomb%d /Flags 4 /FontFile2 %d 0 R >>" % (k, s)
        more[s] = bomb
        names += b"/B%d %d 0 R " % (k, f)
        content += b"BT /B%d 12 Tf 72 %d Td (x) Tj ET\n" % (k, 100 + 20 * k)
    return one_page(TEXT + content, b"/Font << /F1 5 0 R " + names + b">>", more=more)


def _huge_mediabox() -> bytes:
    return one_page(media=b"[0 0 1000000000000 1000000000000]")


def _nan_numbers() -> bytes:
    return one_page(b"BT /F1 1e400 Tf 99999999999999999999999 -1e400 Td (x) Tj ET " + TEXT
                    + b"99999999999999999999 0 0 99999999999999999999 0 0 cm " + TEXT)


def _long_string() -> bytes:
    return one_page(TEXT + b"BT /F1 10 Tf 72 600 Td (" + b"A" * (30 * MiB) + b") Tj ET\n")


def _long_name() -> bytes:
    return one_page(TEXT + b"/" + b"N" * (8 * MiB) + b" Tf\n")


def _inline_image_unclosed() -> bytes:
    return one_page(TEXT + b"BI /W 10 /H 10 /BPC 8 /CS /G ID " + b"\xff" * (4 * MiB))


def _pages(n: int) -> bytes:
    """n pages sharing one content stream and one font: a small file, n pages to read."""
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 4: stream(TEXT), 5: FONT}
    kids = []
    for k in range(n):
        num = 10 + k
        kids.append(b"%d 0 R" % num)
        objs[num] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
                     b"/Contents 4 0 R >>")
    objs[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n
    return pdf(objs)


def active_content() -> bytes:
    """The single-article fixture with every kind of active content a PDF can carry: an
    /OpenAction and document /AA running JavaScript, a /Names JavaScript tree, embedded
    files, page /AA, a Launch link, a JavaScript link, a javascript: URI, a file
    attachment and a plain https link (the one thing that should survive)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject,
                               TextStringObject)

    writer = PdfWriter(clone_from=PdfReader(str(SINGLE)))

    def js(code: str) -> DictionaryObject:
        return DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(code)})

    def annot(action: DictionaryObject, subtype: str = "/Link") -> DictionaryObject:
        return DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject(subtype),
                                 NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (50, 50, 150, 70)]),
                                 NameObject("/A"): action})

    root = writer._root_object
    root[NameObject("/OpenAction")] = js("app.alert('open')")
    root[NameObject("/AA")] = DictionaryObject({NameObject("/WC"): js("app.alert('close')")})
    names_js = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("startup"),
                                                                   writer._add_object(js("app.alert('names')"))])})
    root[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): writer._add_object(names_js)})
    writer.add_attachment("payload.exe", b"MZ not really a program")
    launch = DictionaryObject({NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")})
    uri_js = DictionaryObject({NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject("javascript:alert(1)")})
    uri_ok = DictionaryObject({NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject("https://example.org/ok")})
    uri_ok[NameObject("/Next")] = js("app.alert('chained')")
    attached = DecodedStreamObject()
    attached.set_data(b"MZ")
    attached[NameObject("/Type")] = NameObject("/EmbeddedFile")
    fs = DictionaryObject({NameObject("/Type"): NameObject("/Filespec"), NameObject("/F"): TextStringObject("x.exe"),
                           NameObject("/EF"): DictionaryObject({NameObject("/F"): writer._add_object(attached)})})
    file_annot = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/FileAttachment"),
                                   NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (10, 10, 20, 20)]),
                                   NameObject("/FS"): fs})
    for page in writer.pages:
        page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): js("app.alert('page')")})
        page[NameObject("/Annots")] = ArrayObject([writer._add_object(a) for a in (
            annot(launch), annot(js("app.alert('link')")), annot(uri_js), annot(uri_ok), file_annot)])
    writer._ID = None
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _mutant(seed: int) -> Callable[[], bytes]:
    return lambda: mutant(seed)


def mutant(seed: int) -> bytes:
    """A seeded mutant of a fixture PDF: numbers made huge, negative or zero, object
    references pointed elsewhere, bytes flipped, ranges deleted or doubled."""
    rnd = random.Random(seed)
    base = SINGLE if seed % 2 else SEED_GB1
    data = bytearray(base.read_bytes())
    for _ in range(rnd.randint(1, 6)):
        kind = rnd.choice(("number", "ref", "flip", "delete", "double", "number"))
        if kind == "number":
            nums = [m.span() for m in re.finditer(rb"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", data[:200_000])]
            if nums:
                a, b = rnd.choice(nums)
                data[a:b] = rnd.choice((b"0", b"-1", b"99999999999", b"1e308", b"4294967296", b"-0.0001"))
        elif kind == "ref":
            refs = [m.span(1) for m in re.finditer(rb"(\d+) 0 R", data)]
            if refs:
                a, b = rnd.choice(refs)
                data[a:b] = str(rnd.randint(0, 40)).encode()
        elif kind == "flip":
            for _ in range(rnd.randint(1, 64)):
                data[rnd.randrange(len(data))] = rnd.randrange(256)
        elif kind == "delete":
            a = rnd.randrange(len(data))
            del data[a:a + rnd.randint(1, 4096)]
        else:
            a = rnd.randrange(len(data))
            data[a:a] = data[a:a + rnd.randint(1, 4096)]
    return bytes(data)


SMALL: dict[str, Case] = {
    "zip_renamed.pdf": Case(_zip, "error", r"not a PDF"),
    "empty.pdf": Case(lambda: b"", "error", r"empty file"),
    "html.pdf": Case(lambda: b"<!doctype html><title>Not found</title>\n", "error", r"not a PDF"),
    "header_only.pdf": Case(lambda: b"%PDF-1.7\n%%EOF\n", "error", r""),
    "truncated_25.pdf": Case(_truncated(0.25), "error", r"truncated"),
    "truncated_90.pdf": Case(_truncated(0.90), "error", r"truncated"),
    "truncated_eof_60.pdf": Case(_truncated(0.60, eof=True)),
    "encrypted_password.pdf": Case(lambda: _encrypted("user-secret"), "error", r"encrypted"),
    "encrypted_owner_only.pdf": Case(lambda: _encrypted("")),
    "page_tree_loop.pdf": Case(_page_tree_loop, "error", r""),
    "page_tree_count.pdf": Case(_page_tree_count),
    "xref_prev_loop.pdf": Case(_xref_prev_loop),
    "xref_garbage.pdf": Case(_xref_garbage),
    "deep_object.pdf": Case(_deep_object),
    "deep_dict.pdf": Case(_deep_dict),
    "deep_content.pdf": Case(_deep_content),
    "unclosed_tj_digits.pdf": Case(_unclosed_tj_digits),
    "unclosed_tj_numbers.pdf": Case(_unclosed_tj_numbers),
    "many_operands.pdf": Case(_many_operands),
    "form_fanout.pdf": Case(_fanout, "error", r"more than 20,000 forms"),
    "form_cycle.pdf": Case(_form_cycle),
    "bomb_content.pdf": Case(_content_bomb_double, "error", r"per-stream limit"),
    "bomb_tounicode.pdf": Case(_tounicode_bomb, "error", r"per-stream limit"),
    "bomb_fontfile.pdf": Case(_fontfile_bomb, "error", r"per-stream limit"),
    "bomb_many_streams.pdf": Case(_many_streams, "error", r"per-document limit"),
    "huge_mediabox.pdf": Case(_huge_mediabox),
    "huge_numbers.pdf": Case(_nan_numbers),
    "long_string.pdf": Case(_long_string),
    "long_name.pdf": Case(_long_name),
    "inline_image_unclosed.pdf": Case(_inline_image_unclosed),
    "active_content.pdf": Case(active_content, "ok"),
}

# built at test time (too big for git, or names git cannot hold)
BIG: dict[str, Case] = {
    "bomb_content_1gib.pdf": Case(lambda: one_page(more={4: deflate_bomb(GiB)}), "error", r"per-stream limit", big=True),
    "pages_1000.pdf": Case(lambda: _pages(1000), "ok", big=True),
    "pages_3000.pdf": Case(lambda: _pages(3000), "error", r"3,000 pages, over the 2,000-page limit", big=True),
    "pages_10000.pdf": Case(lambda: _pages(10_000), "error", r"10,000 pages", big=True),
    "sparse_3gb.pdf": Case(lambda: b"", "error", r"input limit", big=True),
}
NAMES = ["new\nline.pdf", os.fsdecode(b"caf\xe9-latin1.pdf"), "-dash.pdf", "quote'and space.pdf", "x" * 246 + ".pdf"]
SPECIAL = ["fifo.pdf", "dev_zero.pdf", "folder.pdf"]
MUTANT_SEEDS = range(1, 21)


def build_big(name: str, folder: Path) -> Path:
    """Write a big case (or a special file) into `folder`; returns its path."""
    path = folder / name
    if name == "sparse_3gb.pdf":
        with open(path, "wb") as fh:
            fh.write(b"%PDF-1.7\n")
            fh.truncate(3 * GiB)
        return path
    if name == "fifo.pdf":
        os.mkfifo(path)
        return path
    if name == "dev_zero.pdf":
        path.symlink_to("/dev/zero")
        return path
    if name == "folder.pdf":
        path.mkdir()
        return path
    path.write_bytes(BIG[name].build())
    return path


def main(argv: list[str]) -> int:
    dest = Path(argv[argv.index("--out") + 1]) if "--out" in argv else HOSTILE
    dest.mkdir(parents=True, exist_ok=True)
    for name, case in SMALL.items():
        (dest / name).write_bytes(case.build())
    total = sum((dest / n).stat().st_size for n in SMALL)
    print(f"{len(SMALL)} hostile PDFs, {total / 1024:.0f} kB, in {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
