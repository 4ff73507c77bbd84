"""Does the record change when the same pages are drawn another way? (metamorphic check)

Real exports differ in how they draw a page, not only in what it prints. Each transform here
rewrites a visible real PDF's content streams so that it draws the same page another way;
the rewritten file is kept only when `pdftotext` reads it as it reads the original (text
without whitespace: the rewrite is equivalent). Both files are then extracted and their
records compared field by field (without the source block and provenance boxes).

    per-glyph   every shown string split into one show per glyph (Tj) or one array element
                per glyph (TJ): the text matrix advances the same (fonts whose code length is
                known: simple fonts, Type0 with Identity-H/V)
    reorder     the page's top-level text objects (BT…ET) drawn in another (seeded) order, each
                carrying the text state in effect where it stood (PDF 32000-1 §9.3: the text
                state outlives ET)
    overprint   each top-level text object drawn again 0.3 pt to the right (fake bold by
                overprinting; pdftotext reads such text twice, so the check is skipped)
    on-a4       each page centred on a larger sheet with no TrimBox to say where it was cut:
                the box grown by B5 → A4's margins (48 pt each side, 66 pt top and bottom), as
                exports of a B5 or 16开 journal onto A4 paper are written
    font-names  every embedded font renamed to a neutral name (F1, F2, …, its subset tag
                kept), as some exporters and re-distillers write them: nothing may hang on a
                font's name (a bold face is known by its name only where the name says so)
    turned      each page's content drawn a quarter turn round and /Rotate set to show it
                upright (as scanners, imposition tools and some drivers write pages): it looks
                the same; the reader must turn it back (PDF 32000-1 §7.7.3.3)
    type-area   each page cropped to what it draws (text, images, forms: their extent as
                PDFium bounds them) and 6 pt around it, as CNKI's CAJ-to-PDF exports crop: the
                first and last lines of every column then lie where a wider page has its
                running heads and feet

    python bench/perturb.py [per-glyph|reorder|overprint|on-a4|font-names|type-area|all] [--half dev|check] [-v]

Of the check half only the totals are printed, as bench/accuracy.py does. Needs pdftotext
(`make poppler`)."""
from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, ContentStream, FloatObject, NumberObject, TextStringObject

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from split import en_cases, zh_cases  # noqa: E402

OUT = Path(__file__).resolve().parent / "results" / "perturb"
_STRINGS = (ByteStringObject, TextStringObject)
_TEXT_STATE = (b"Tf", b"Tc", b"Tw", b"Tz", b"TL", b"Ts", b"Tr")
# a page begins with these (PDF 32000-1 Table 103): a text object drawn again starts from
# them too where the page has not set them yet, not from what its first drawing set
_TEXT_STATE_DEFAULTS: dict[bytes, Any] = {op: [NumberObject(v)] for op, v in
                                          ((b"Tc", 0), (b"Tw", 0), (b"Tz", 100), (b"TL", 0), (b"Ts", 0), (b"Tr", 0))}


def _raw(s: Any) -> bytes:
    return s.original_bytes if hasattr(s, "original_bytes") else bytes(s)


def _code_length(font: Any) -> int | None:
    font = font.get_object() if font is not None else None
    if font is None:
        return None
    subtype = font.get("/Subtype")
    if subtype in ("/Type1", "/TrueType", "/MMType1"):
        return 1
    if subtype == "/Type0" and font.get("/Encoding") in ("/Identity-H", "/Identity-V"):
        return 2
    return None


def per_glyph(ops: list[tuple[Any, bytes]], fonts: Any, rng: random.Random) -> list[tuple[Any, bytes]]:
    out: list[tuple[Any, bytes]] = []
    size = None
    for operands, op in ops:
        if op == b"Tf" and operands:
            size = _code_length(fonts.get(operands[0])) if operands[0] in fonts else None
        if size and op == b"Tj" and operands and isinstance(operands[0], _STRINGS) and len(_raw(operands[0])) % size == 0:
            raw = _raw(operands[0])
            out += [([ByteStringObject(raw[i:i + size])], b"Tj") for i in range(0, len(raw), size)]
            continue
        if size and op == b"TJ" and operands:
            arr = ArrayObject()
            for el in operands[0]:
                raw = _raw(el) if isinstance(el, _STRINGS) else None
                if raw is not None and len(raw) % size == 0:
                    arr.extend(ByteStringObject(raw[i:i + size]) for i in range(0, len(raw), size))
                else:
                    arr.append(el)
            out.append(([arr], b"TJ"))
            continue
        out.append((operands, op))
    return out


def _set_text_state(state: dict[bytes, Any], operands: Any, op: bytes) -> None:
    """The text state an operation leaves (PDF 32000-1 §9.3, §9.4.2-3): its own operators,
    and the side effects of TD (the leading, -ty) and " (word and character spacing)."""
    if op in _TEXT_STATE:
        state[op] = operands
    elif op == b"TD" and len(operands) == 2:
        state[b"TL"] = [FloatObject(-float(operands[1]))]
    elif op == b'"' and len(operands) == 3:
        state[b"Tw"], state[b"Tc"] = [operands[0]], [operands[1]]


def _text_objects(ops: list[tuple[Any, bytes]]) -> list[tuple[Any, bytes] | tuple[None, list[tuple[Any, bytes]]]]:
    """The page's operations with each top-level text object (BT…ET) as one item (None, its
    operations), those carrying the text state in effect where it began (PDF 32000-1 §9.3:
    the text state outlives ET, and is part of the graphics state q saves and Q restores),
    so that it can be drawn elsewhere or again."""
    state: dict[bytes, Any] = dict(_TEXT_STATE_DEFAULTS)
    saved: list[dict[bytes, Any]] = []
    out: list[Any] = []
    depth = i = 0
    while i < len(ops):
        operands, op = ops[i]
        depth += (op == b"q") - (op == b"Q")
        if op == b"q":
            saved.append(dict(state))
        elif op == b"Q" and saved:
            state = saved.pop()
        _set_text_state(state, operands, op)
        if op == b"BT" and depth == 0:
            j = i
            while j < len(ops) and ops[j][1] != b"ET":
                j += 1
            body = ops[i + 1:j + 1]
            out.append((None, [ops[i]] + [(v, k) for k, v in state.items()] + body))
            for operands2, op2 in body:
                _set_text_state(state, operands2, op2)
            i = j + 1
            continue
        out.append((operands, op))
        i += 1
    return out


def reorder(ops: list[tuple[Any, bytes]], fonts: Any, rng: random.Random) -> list[tuple[Any, bytes]]:
    items = _text_objects(ops)
    blocks = [item[1] for item in items if item[0] is None]
    rng.shuffle(blocks)
    it = iter(blocks)
    out: list[tuple[Any, bytes]] = []
    for item in items:
        out.extend(next(it) if item[0] is None else [item])
    return out


def overprint(ops: list[tuple[Any, bytes]], fonts: Any, rng: random.Random) -> list[tuple[Any, bytes]]:
    """Each top-level text object drawn a second time 0.3 pt to the right: the fake bold of
    Chinese layout programs (加粗 by overprinting), which pdftotext reads twice."""
    shift = [NumberObject(1), NumberObject(0), NumberObject(0), NumberObject(1), FloatObject(0.3), NumberObject(0)]
    out: list[tuple[Any, bytes]] = []
    for item in _text_objects(ops):
        if item[0] is None:
            out += item[1] + [([], b"q"), (shift, b"cm")] + item[1] + [([], b"Q")]
        else:
            out.append(item)
    return out


TRANSFORMS: dict[str, Callable[..., list[tuple[Any, bytes]]]] = {"per-glyph": per_glyph, "reorder": reorder,
                                                                 "overprint": overprint}
# (drawn the same, read differently by pdftotext: no equivalence check)
UNCHECKED = {"overprint"}
_A4_MARGINS = (48.0, 66.0)  # (A4 595×842 pt less B5 499×709 pt, halved)


def on_a4(page: Any) -> None:
    """Grow the page's boxes by B5→A4's margins and drop the boxes that would say where it was cut."""
    from pypdf.generic import RectangleObject
    dx, dy = _A4_MARGINS
    x0, y0, x1, y1 = (float(v) for v in page.cropbox)
    grown = RectangleObject([x0 - dx, y0 - dy, x1 + dx, y1 + dy])
    page.mediabox = grown
    page.cropbox = grown
    for box in ("/TrimBox", "/BleedBox", "/ArtBox"):
        if box in page:
            del page[box]


_NEUTRAL: dict[int, str] = {}


def neutral_font_names(page: Any) -> None:
    """Rename the page's embedded fonts (a font whose program the file carries draws the same
    whatever its name) to F1, F2, …, keeping a subset tag (ABCDEF+)."""
    from pypdf.generic import NameObject
    res = page.get("/Resources")
    fonts = res.get_object().get("/Font") if res is not None else None
    for ref in (fonts.get_object().values() if fonts is not None else []):
        font = ref.get_object()
        parts = [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]
        descs = [f["/FontDescriptor"].get_object() for f in parts if "/FontDescriptor" in f]
        if not any(k in d for d in descs for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            continue  # (a font the reader supplies is found by its name)
        base = str(font.get("/BaseFont", ""))
        tag = base[1:8] if re.match(r"/[A-Z]{6}\+", base) else ""
        name = _NEUTRAL.setdefault(id(font), f"/{tag}F{len(_NEUTRAL) + 1}")
        for f in parts:
            if "/BaseFont" in f:
                f[NameObject("/BaseFont")] = NameObject(name)
        for d in descs:
            d[NameObject("/FontName")] = NameObject(name)


_TRIM_RATIO = 297 / 260  # (A4 210×297 mm against 大16开 184×260 mm: one layout set on the other trim)


def scaled(factor: float) -> Callable[[Any], None]:
    """The same page set on another trim size: content, type and boxes scaled together."""
    def scale(page: Any) -> None:
        page.scale_by(factor)
    return scale


_TYPE_AREA_MARGIN = 6.0


def drawn_extents(pdf: Path) -> list[tuple[float, float, float, float] | None]:
    """Each page's extent of what it draws but paths (text, visible or not, images and
    forms, as PDFium bounds them: left, bottom, right, top in the page's user space); None
    for a page that draws none of them."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    kinds = (raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM)
    out: list[tuple[float, float, float, float] | None] = []
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for page in doc:
            boxes = [obj.get_bounds() for obj in page.get_objects(max_depth=0) if obj.type in kinds]
            out.append((min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                        max(b[3] for b in boxes)) if boxes else None)
    finally:
        doc.close()
    return out


def type_area(page: Any, extent: tuple[float, float, float, float] | None) -> None:
    """Crop the page to what it draws and a narrow margin, and drop the boxes that would
    say where the sheet was (a page turned by /Rotate is left as it is)."""
    from pypdf.generic import RectangleObject
    if extent is None or int(page.get("/Rotate", 0) or 0) % 360:
        return
    x0, y0, x1, y1 = (float(v) for v in page.cropbox)
    left, bottom, right, top = extent
    m = _TYPE_AREA_MARGIN
    box = RectangleObject([max(x0, left - m), max(y0, bottom - m), min(x1, right + m), min(y1, top + m)])
    page.mediabox = box
    page.cropbox = box
    for name in ("/TrimBox", "/BleedBox", "/ArtBox"):
        if name in page:
            del page[name]


def turned(page: Any) -> None:
    """Draw the page's content turned a quarter clockwise (pypdf bakes a /Rotate of 90 into
    the content stream and the boxes), then show it upright with /Rotate 270."""
    page.rotate(90)
    page.transfer_rotation_to_content()
    page.rotate(270)


PAGE_TRANSFORMS: dict[str, Callable[[Any], None]] = {"on-a4": on_a4, "font-names": neutral_font_names, "turned": turned,
                                                     "scale-up": scaled(_TRIM_RATIO),
                                                     "scale-down": scaled(1 / _TRIM_RATIO)}


def rewrite(src: Path, dest: Path, transform: str) -> None:
    writer = PdfWriter(clone_from=str(src))
    rng = random.Random(7)
    extents = drawn_extents(src) if transform == "type-area" else []
    for k, page in enumerate(writer.pages):
        if transform == "type-area":
            type_area(page, extents[k] if k < len(extents) else None)
            continue
        if transform in PAGE_TRANSFORMS:
            PAGE_TRANSFORMS[transform](page)
            continue
        contents = page.get_contents()
        if contents is None:
            continue
        res = page.get("/Resources")
        fonts = res.get_object().get("/Font") if res is not None else None
        fonts = fonts.get_object() if fonts is not None else {}
        stream = ContentStream(contents, writer)
        stream.operations = TRANSFORMS[transform](stream.operations, fonts, rng)
        page.replace_contents(stream)
    writer.write(str(dest))


def _pdftotext(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=False).stdout
    return re.sub(rb"\s+", b"", out).decode("utf-8", "replace")


def _record(pdf: Path) -> dict | None:
    from parsers.errors import IngestError
    from parsers.extract import extract_issue
    try:
        return extract_issue(pdf, workers=1).to_dict()
    except IngestError:
        return None


def differences(a: Any, b: Any, path: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in sorted(set(a) | set(b)) if k not in ("source", "provenance")
                for d in differences(a.get(k), b.get(k), f"{path}/{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for k, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{path}/{k}")]
    if a == b:
        return []
    x, y = str(a), str(b)
    at = next((k for k, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
    at = max(0, at - 25)  # where the two first part, with some context before it
    return [f"{path}: {'…' * bool(at)}{x[at:at + 60]!r} -> {y[at:at + 60]!r}"]


@dataclass
class Tally:
    """Records changed and fields changed; each difference printed when asked (the
    development half only: of the check half only totals are read)."""
    verbose: bool
    changed: int = 0
    fields: int = 0

    def count(self, name: str, diff: list[str]) -> None:
        self.changed += bool(diff)
        self.fields += len(diff)
        if diff and self.verbose:
            print(f"  {name}: " + "; ".join(diff[:5]))


def files(half: str) -> list[Path]:
    zh = [Path(str(t).replace("/truth/", "/").removesuffix(".truth.json") + ".pdf") for t in zh_cases(half)]
    return [p for p in zh if p.is_file()] + [d / "article.pdf" for d in en_cases(half)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("transform", nargs="?", default="all", choices=[*TRANSFORMS, *PAGE_TRANSFORMS, "type-area", "all"])
    ap.add_argument("--half", default="dev", choices=["dev", "check"])
    ap.add_argument("-v", action="store_true", help="print each difference (development half only)")
    args = ap.parse_args(argv)
    if shutil.which("pdftotext") is None:
        raise SystemExit("pdftotext not found: run `make poppler`")
    OUT.mkdir(parents=True, exist_ok=True)
    for transform in [*TRANSFORMS, *PAGE_TRANSFORMS, "type-area"] if args.transform == "all" else [args.transform]:
        tried = skipped = 0
        tally = Tally(args.v and args.half == "dev")
        for pdf in files(args.half):
            name = pdf.parent.name if pdf.name == "article.pdf" else pdf.stem
            dest = OUT / f"{name}.{transform}.pdf"
            try:
                rewrite(pdf, dest, transform)
            except Exception:  # (a file pypdf cannot rewrite is no evidence either way)
                skipped += 1
                continue
            a, b = _pdftotext(dest), _pdftotext(pdf)
            if transform in PAGE_TRANSFORMS or transform == "type-area":  # (another page size may change pdftotext's order, not its glyphs)
                a, b = sorted(a), sorted(b)
            if a != b and transform not in UNCHECKED:
                skipped += 1  # (not drawn the same: no test of the reader)
                continue
            tried += 1
            tally.count(name, differences(_record(pdf), _record(dest)))
        print(f"{transform} ({args.half} half): {tried} files drawn the same way by pdftotext ({skipped} skipped); "
              f"{tally.changed} with a changed record, {tally.fields} fields changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
