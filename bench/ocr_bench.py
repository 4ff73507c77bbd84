#!/usr/bin/env python3
"""OCR: RapidOCR (the project's engine, parsers/ocr.py) against Debian's Tesseract with
chi_sim, side by side on the same page images in the same run: character accuracy against
truth written from the printed page, and seconds per page.

    make ocr-bench                    # installs tesseract-ocr + tesseract-ocr-chi-sim, runs this
    python bench/ocr_bench.py [--dpi 200] [--issue PAGES]

Pages: the visible scans' regions with truth in bench/ocr_truth/ (see its README) and the
five pages of the generated scanned fixture at 300 dpi (made into bench/results/ by
tests/make_scanned_fixture.archival_scan) and at 150 dpi (tests/fixtures_scanned_150); truth =
the text layer of the born-digital fixture they were rendered from. Each engine reads each whole page once
(one thread each: OMP_THREAD_LIMIT=1 for Tesseract, one OpenVINO inference thread for RapidOCR, so
both are measured on the same footing); a region's text is the engine's words whose centres
fall inside it, in the engine's own reading order.

Character accuracy = 1 - Levenshtein(truth, read) / len(truth), both without whitespace,
NFKC-folded, dashes and quotes folded (as ../shared/eval/score.py compares).

--issue N: also time a whole scanned issue: N pages of the 62-page 中国性科学 2011(2) issue
(its pages over again past 62) rendered to an image-only PDF like the fixture (300 dpi),
ingested with `--ocr auto` on all cores (cold OCR cache), then again (warm cache).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REAL = ROOT.parent / "shared" / "real"
TRUTH = ROOT / "bench" / "ocr_truth"
FIXTURE_300_DIR = ROOT / "bench" / "results" / "fixture_scanned_300"  # made here: too large to commit
FIXTURE_150 = ROOT / "tests" / "fixtures_scanned_150" / "issue.pdf"
FIXTURE_SOURCE = ROOT / "tests" / "fixtures" / "issue_cnki_ttf" / "issue.pdf"


@dataclass
class Case:
    name: str
    pdf: Path
    page: int
    region: tuple[float, float, float, float] | None  # PDF points from the top left; None = whole page
    truth: str


def cases() -> list[Case]:
    gm = REAL / "zh_c2group_nudt" / "SCANNED_growth_mindset_gdjyyjxb2020-1.pdf"
    kx = REAL / "zh_more" / "SCANNED_kxsd_wang_western_transsexual_craze.pdf"
    out = [Case("gdjyyjxb2020-1 p3 front matter zh", gm, 3, (0, 120, 520, 335),
                (TRUTH / "gdjyyjxb2020-1_p3_front_zh.txt").read_text(encoding="utf-8")),
           Case("gdjyyjxb2020-1 p3 front matter en", gm, 3, (0, 335, 520, 530),
                (TRUTH / "gdjyyjxb2020-1_p3_front_en.txt").read_text(encoding="utf-8")),
           Case("kxsd p1 first column", kx, 1, (25, 62, 214, 181),
                (TRUTH / "kxsd_p1_column.txt").read_text(encoding="utf-8"))]
    from parsers.textlayer import read_document
    src = read_document(FIXTURE_SOURCE, workers=1)
    sys.path.insert(0, str(ROOT / "tests"))
    from make_scanned_fixture import archival_scan
    for fixture, label in ((archival_scan(FIXTURE_300_DIR), "300 dpi"), (FIXTURE_150, "150 dpi")):
        for p in src.pages:
            out.append(Case(f"scanned fixture {label} p{p.number}", fixture, p.number, None, p.text))
    return [c for c in out if c.pdf.exists()]


# ------------------------------------------------------------------------------ scoring
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−－一"), "-")
_QUOTES = dict.fromkeys(map(ord, "“”„‟\"＂"), '"') | dict.fromkeys(map(ord, "‘’‚‛'＇"), "'")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = re.sub(r"(?<![\u4e00-\u9fff])一|一(?![\u4e00-\u9fff])", "-", text)  # 一 only as a dash between non-ideographs
    text = text.translate({k: v for k, v in _DASHES.items() if k != ord("一")})
    return re.sub(r"\s+", "", text)


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def accuracy(truth: str, read: str) -> float:
    t, r = norm(truth), norm(read)
    return max(0.0, 1 - levenshtein(t, r) / max(len(t), 1))


# ------------------------------------------------------------------------------ engines
Words = list[tuple[str, float, float, float, float]]  # text, x0, y0, x1, y1 in PDF points, reading order


def render(pdf: Path, page: int, dpi: int):
    from parsers.ocr import render_page
    return render_page(pdf, page, dpi)


def rapid(image, scale: float) -> Words:
    """The project's pipeline: boxes, then the text layer's line grouping and reading order."""
    from parsers.ocr import read_image
    return [(b.text, b.x0, b.y0, b.x1, b.y1) for b in read_image(image, scale)]


def rapid_ordered(words: Words, width: float, height: float, region) -> str:
    from parsers.ocr import OcrBox, lines_from_boxes
    boxes = [OcrBox(t, x0, y0, x1, y1, 1.0) for t, x0, y0, x1, y1 in words if _inside((x0, y0, x1, y1), region)]
    return "\n".join(ln.text for ln in lines_from_boxes(boxes, width, height))


def tesseract(image, scale: float) -> Words:
    from PIL import Image
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        Image.fromarray(image).save(png, dpi=(72 * scale, 72 * scale))
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        tsv = subprocess.run(["tesseract", str(png), "-", "-l", "chi_sim+eng", "--psm", "3", "tsv"],
                             capture_output=True, text=True, env=env, check=True).stdout
    words: Words = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        x, y, w, h = (int(v) / scale for v in f[6:10])
        words.append((f[11], x, y, x + w, y + h))
    return words


def _cpu() -> float:
    """CPU seconds of this process and its finished children (Tesseract runs as one): on a
    shared machine wall time measures the neighbours as much as the engine."""
    import resource
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _inside(box, region) -> bool:
    if region is None:
        return True
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return region[0] <= cx <= region[2] and region[1] <= cy <= region[3]


def run_pages(dpi: int) -> list[dict]:
    import pypdfium2 as pdfium
    results = []
    read_cache: dict[tuple[Path, int], dict] = {}
    for case in cases():
        key = (case.pdf, case.page)
        if key not in read_cache:
            image, scale = render(case.pdf, case.page, dpi)
            doc = pdfium.PdfDocument(str(case.pdf))
            width, height = doc[case.page - 1].get_size()
            doc.close()
            entry = {"size": (width, height)}
            for name, engine in (("rapidocr", rapid), ("tesseract", tesseract)):
                start, cpu = time.perf_counter(), _cpu()
                entry[name] = engine(image, scale)
                entry[name + "_s"] = time.perf_counter() - start
                entry[name + "_cpu"] = _cpu() - cpu
            read_cache[key] = entry
        entry = read_cache[key]
        width, height = entry["size"]
        row = {"case": case.name, "chars": len(norm(case.truth))}
        row["rapidocr"] = accuracy(case.truth, rapid_ordered(entry["rapidocr"], width, height, case.region))
        row["tesseract"] = accuracy(case.truth, "".join(w[0] for w in entry["tesseract"] if _inside(w[1:], case.region)))
        for k in ("rapidocr_s", "tesseract_s", "rapidocr_cpu", "tesseract_cpu"):
            row[k] = entry[k]
        results.append(row)
        print(f"{case.name:36} {row['chars']:5} chars  RapidOCR {row['rapidocr']:6.1%} {row['rapidocr_cpu']:5.1f} s CPU"
              f" ({row['rapidocr_s']:5.1f} s wall)   Tesseract {row['tesseract']:6.1%} {row['tesseract_cpu']:5.1f} s CPU"
              f" ({row['tesseract_s']:5.1f} s wall)", flush=True)
    return results


def summary(rows: list[dict]) -> None:
    chars = sum(r["chars"] for r in rows)
    print("\ncharacter accuracy (weighted by truth length):")
    for name in ("rapidocr", "tesseract"):
        acc = sum(r[name] * r["chars"] for r in rows) / chars
        print(f"  {name:10} {acc:6.1%}")
    # seconds per page: each page counted once
    seen: dict[tuple[str, str], dict] = {}
    for r in rows:
        seen[(r["case"].rsplit(" ", 3)[0], str(r["rapidocr_s"]))] = r
    n = len(seen)
    for name in ("rapidocr", "tesseract"):
        print(f"  {name:10} {sum(r[name + '_cpu'] for r in seen.values()) / n:5.2f} s CPU/page, "
              f"{sum(r[name + '_s'] for r in seen.values()) / n:5.2f} s wall/page over {n} pages (one thread; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


def records() -> None:
    """Field accuracy of the records ingested from the visible scans with truth in
    bench/ocr_truth/*.truth.json (../shared/eval/score.py, as bench/accuracy.py scores)."""
    cli = ROOT / ".venv" / "bin" / "journal-ingest"
    for truth in sorted(TRUTH.glob("*.truth.json")):
        import json
        pdf = REAL / json.loads(truth.read_text(encoding="utf-8"))["source"]
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            proc = subprocess.run([str(cli), "ingest", str(pdf), "--out", tmp, "--no-links", "--no-report", "--quiet"],
                                  capture_output=True, text=True)
            took = time.perf_counter() - start
            outs = list(Path(tmp).glob("*/issue.json"))
            if proc.returncode or not outs:
                print(f"{pdf.name}: ingest failed: {proc.stderr.strip()[:200]}")
                continue
            score = subprocess.run([sys.executable, str(ROOT.parent / "shared" / "eval" / "score.py"), str(truth),
                                    str(outs[0].parent)], capture_output=True, text=True).stdout
            last = [ln for ln in score.splitlines() if ln.startswith("FIELDS")]
            misses = [ln.strip() for ln in score.splitlines() if ln.startswith("  art")]
            print(f"{pdf.name}: {last[0] if last else score[-200:]} ({took:.1f} s, OCR cache as it was)")
            for m in misses:
                print(f"    miss {m}")


def whole_issue(pages: int, scan_dpi: int = 300) -> None:
    """Render `pages` pages of a real issue as a scan at `scan_dpi` (as the scanned fixture is
    made); ingest cold and warm."""
    sys.path.insert(0, str(ROOT / "tests"))
    import make_scanned_fixture as msf
    src = Path(os.environ.get("OCR_BENCH_ISSUE", ROOT.parent / "shared" / "real" / "zh_more" / "ISSUE_zgxkx_2011-2.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        import io
        import random

        import pypdfium2 as pdfium
        rng = random.Random(1)
        doc = pdfium.PdfDocument(str(src))
        # (the source's pages over again when it is shorter: a 160-page issue from a 62-page one)
        imgs = [msf.scan_page(doc[i % len(doc)], rng, scan_dpi) for i in range(pages)]
        doc.close()
        pdf = Path(tmp) / "scanned_issue.pdf"
        buf = io.BytesIO()
        imgs[0].save(buf, "PDF", save_all=True, append_images=imgs[1:], resolution=scan_dpi, quality=60)
        pdf.write_bytes(buf.getvalue())
        env = {**os.environ, "JOURNAL_INGEST_OCR_CACHE": str(Path(tmp) / "cache")}
        cli = ROOT / ".venv" / "bin" / "journal-ingest"
        for label in ("cold cache", "warm cache"):
            out = Path(tmp) / f"out-{label[:4]}"
            start = time.perf_counter()
            proc = subprocess.run([str(cli), "ingest", str(pdf), "--out", str(out), "--no-links", "--no-report", "--quiet"],
                                  capture_output=True, text=True, env=env)
            took = time.perf_counter() - start
            print(f"{src.name}: {len(imgs)} scanned pages, {label}: {took:.1f} s ({took / len(imgs):.2f} s/page) "
                  f"exit {proc.returncode}: {proc.stdout.strip() or proc.stderr.strip()[:200]}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--issue", type=int, default=0, help="also time an ingest of this many scanned pages")
    args = ap.parse_args()
    if not shutil.which("tesseract"):
        print("tesseract not found: run `make ocr-bench` (installs tesseract-ocr and tesseract-ocr-chi-sim)", file=sys.stderr)
        return 2
    rows = run_pages(args.dpi)
    summary(rows)
    print("\nrecords from the visible scans:")
    records()
    if args.issue:
        whole_issue(args.issue)
    return 0


if __name__ == "__main__":
    sys.exit(main())
