"""Speed and memory of `journal-ingest ingest --no-links` against `pdftotext`, same file, same run.

Builds (once, into bench/results/) a long Chinese issue by repeating the bundled GB1 sample
issue's article pages (fonts without ToUnicode: the hard case), then times both tools and
prints ratios. Not a test: numbers vary with the machine; ratios are what we compare.
Besides wall time, the CPU seconds of each tool (user + system, its child processes
included) and their ratio: on a machine other work shares, wall time measures the
neighbours as much as the tool, CPU time much less.

    python bench/ingest_bench.py [--pages 160] [--runs 3]
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "issue_seed_gb1" / "issue.pdf"
RESULTS = ROOT / "bench" / "results"


def build_issue(pages: int) -> Path:
    """An issue of about `pages` pages: cover + 目录 + the sample's pages repeated."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"issue_{pages}p.pdf"
    if out.exists():
        return out
    reader = PdfReader(str(SAMPLE))
    body = list(range(2, len(reader.pages) - 1))  # articles, without cover/目录/English section
    writer = PdfWriter()
    writer.add_page(reader.pages[0])
    writer.add_page(reader.pages[1])
    while len(writer.pages) < pages:
        for i in body:
            writer.add_page(reader.pages[i])
            if len(writer.pages) >= pages:
                break
    with open(out, "wb") as fh:
        writer.write(fh)
    return out


def _children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def timed(cmd: list[str]) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before), _children_cpu() - cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, nargs="*", default=[1, 160, 500])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        print("pdftotext not found: apt-get install poppler-utils", file=sys.stderr)
        return 2
    cli = str(Path(sys.executable).with_name("journal-ingest"))
    # byte-compile the project as a regular (non-editable) install would be: with
    # PYTHONDONTWRITEBYTECODE set, as on the project machine, every run would otherwise
    # compile its own modules again (about 0.1 s)
    subprocess.run([sys.executable, "-m", "compileall", "-q",
                    *(str(ROOT / d) for d in ("parsers", "schemas", "flows", "cli", "review", "checks", "deposit"))],
                   check=True, stdout=subprocess.DEVNULL)
    print(f"{'pages':>6} {'pdftotext s':>12} {'ingest s':>9} {'ratio':>6} {'s/page':>7} {'peak MB':>8}"
          f" {'--no-report s':>14} {'ratio':>6} {'CPU s':>6} {'ref CPU s':>9} {'CPU ratio':>9}")
    for pages in args.pages:
        pdf = build_issue(pages) if pages > 1 else _one_page()
        refs = [timed([pdftotext, "-enc", "UTF-8", str(pdf), "-"]) for _ in range(args.runs)]
        ref, ref_cpu = min(r[0] for r in refs), min(r[2] for r in refs)
        runs, bare = [], []
        for _ in range(args.runs):
            # a fresh process each time measures RSS of this run alone
            with tempfile.TemporaryDirectory() as out:
                runs.append(_run_ingest(cli, pdf, out))
            with tempfile.TemporaryDirectory() as out:
                bare.append(_run_ingest(cli, pdf, out, "--no-report"))
        wall = min(r[0] for r in runs)
        peak = max(r[1] for r in runs)
        cpu = min(r[2] for r in runs)
        wall_bare = min(r[0] for r in bare)
        print(f"{pages:>6} {ref:>12.3f} {wall:>9.3f} {wall / ref:>6.1f} {wall / pages:>7.4f} {peak / 1024:>8.0f}"
              f" {wall_bare:>14.3f} {wall_bare / ref:>6.1f} {cpu:>6.2f} {ref_cpu:>9.3f} {cpu / max(ref_cpu, 1e-3):>9.1f}")
    return 0


def _run_ingest(cli: str, pdf: Path, out: str, *extra: str) -> tuple[float, int, float]:
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", cli, "ingest", str(pdf), "--out", out, "--no-links", "--quiet", *extra],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed: {proc.stderr.strip().splitlines()[-1]}")
    lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip().isdigit()]
    return wall, int(lines[-1]) if lines else 0, _children_cpu() - cpu


def _one_page() -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "one_page.pdf"
    if not out.exists():
        reader = PdfReader(str(ROOT / "tests" / "fixtures" / "single_article" / "issue.pdf"))
        writer = PdfWriter()
        writer.add_page(reader.pages[0])
        with open(out, "wb") as fh:
            writer.write(fh)
    return out


if __name__ == "__main__":
    sys.exit(main())
