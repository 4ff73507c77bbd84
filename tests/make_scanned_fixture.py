#!/usr/bin/env python3
"""Generate the scanned fixtures: a fixture issue as a scanner would give it back.

Every page of tests/fixtures/issue_cnki_ttf/issue.pdf (a cover with the 目录 and two
articles) is rendered by PDFium in grey, turned by a small angle (a sheet fed a little
askew: -0.4° to +0.4°), given speckle noise (dust and toner: a fixed seed, so the pixels are
the same on every run) and stored as a JPEG in an image-only PDF of the same page size
(Pillow's PDF writer): no text layer at all. The truth is the source fixture's
`expected.json` with the `source` block of the new file: a scan must give the same record.

Two resolutions:
* 150 dpi, a poor fax-grade scan (tests/fixtures_scanned_150, committed: under 1 MB);
* 300 dpi, the resolution archival scanning guidelines set for printed text (FADGI, and
  most scanners' default). At 3 MB it is not committed: `archival_scan(folder)` makes it
  where it is used (tests/test_ocr.py at test time, bench/ocr_bench.py into bench/results/).
  Making it needs no fonts (the source PDF embeds its own), only the project's packages.

    python tests/make_scanned_fixture.py        # rewrites tests/fixtures_scanned_150/
"""
from __future__ import annotations

import hashlib
import io
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "fixtures" / "issue_cnki_ttf"
COMMITTED = {150: HERE / "fixtures_scanned_150"}
ARCHIVAL_DPI = 300
SEED = 20261205


def scan_page(page, rng: random.Random, dpi: int):
    """One page as a skewed, speckled grey image (PIL)."""
    import numpy as np
    from PIL import Image

    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    angle = rng.uniform(-0.4, 0.4)
    image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    pixels = np.asarray(image).astype(np.int16)
    noise = np.random.default_rng(rng.randrange(1 << 30))
    specks = noise.random(pixels.shape)
    pixels[specks < 0.002] = 40    # dark dust
    pixels[specks > 0.998] = 255   # toner drop-outs
    pixels += noise.normal(0, 6, pixels.shape).astype(np.int16)  # paper grain
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")


def build(dpi: int, target: Path) -> Path:
    import pypdfium2 as pdfium

    rng = random.Random(SEED)
    doc = pdfium.PdfDocument(str(SOURCE / "issue.pdf"))
    pages = [scan_page(doc[i], rng, dpi) for i in range(len(doc))]
    doc.close()
    target.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=dpi, quality=60,
                  title="scanned fixture", producer="tests/make_scanned_fixture.py")
    data = buf.getvalue()
    pdf = target / "issue.pdf"
    pdf.write_bytes(data)
    truth = json.loads((SOURCE / "expected.json").read_text(encoding="utf-8"))
    truth["source"] = {"file": "issue.pdf", "sha256": hashlib.sha256(data).hexdigest(), "pages": len(pages)}
    (target / "expected.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return pdf


def archival_scan(target: Path) -> Path:
    """The 300-dpi scan and its expected.json in `target` (made once: kept if there)."""
    pdf = target / "issue.pdf"
    if pdf.exists() and (target / "expected.json").exists():
        return pdf
    return build(ARCHIVAL_DPI, target)


if __name__ == "__main__":
    for dpi, target in COMMITTED.items():
        out = build(dpi, target)
        print(f"{out} ({out.stat().st_size // 1024} kB)")
