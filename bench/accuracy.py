#!/usr/bin/env python3
"""Field accuracy on the visible real PDFs, development and check halves apart, with the
editor flags scored: how many unflagged fields are exact, how many wrong fields are flagged.

Run from the checkout after `make demo`:

    python bench/accuracy.py                 # both sets, both halves: totals only
    python bench/accuracy.py zh --half dev -v    # Chinese development half, every miss
    python bench/accuracy.py en --half dev -v    # English development half, every miss

The halves are fixed in bench/split.py (by a hash of the journal's name). Misses are only
ever printed for the development half: the check half's score is the honest one, and
looking at its misses would turn it into a second development half.

Chinese fields are compared by ../shared/eval/score.py, English header fields by
../shared/eval/score_en.py (GROBID's strict matching, five header fields). A field is
"flagged" when the article carries an `uncertain-field` warning naming it.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import split  # noqa: E402

EVAL = split.SHARED / "eval"
sys.path.insert(0, str(EVAL))
REAL = split.SHARED / "real"
CLI = Path.cwd() / ".venv" / "bin" / "journal-ingest"

# score.py's field names -> the record's confidence keys (schemas/issue.schema.json)
ZH_KEYS = {"type": "type", "title_zh": "title.zh", "title_en": "title.en", "authors_zh": "contributors.name.zh",
           "authors_en": "contributors.name.en", "surnames": "contributors.surname",
           "affiliations": "contributors.affiliation", "abstract_zh": "abstract.zh", "abstract_en": "abstract.en",
           "keywords_zh": "keywords.zh", "keywords_en": "keywords.en", "clc": "clc", "doc_code": "doc_code",
           "doi": "doi", "article_no": "article_no", "fpage": "fpage", "lpage": "lpage", "pdf_pages": "pdf_pages",
           "urls": "citations.urls", "issue.issn": "journal.issn", "issue.issue": "issue", "issue.year": "year"}
EN_KEYS = {"title": "title.en", "first_author": "contributors.surname", "authors": "contributors.surname",
           "abstract": "abstract.en", "keywords": "keywords.en", "authors_full": "contributors.given",
           "affiliations": "contributors.affiliation", "doi": "doi", "fpage": "fpage", "lpage": "lpage",
           "year": "year"}


def flagged(record: dict, issue_level: bool = False) -> set[str]:
    """The confidence keys an `uncertain-field` warning names."""
    return {w["message"].split(":", 1)[0] for w in record.get("warnings") or [] if w.get("code") == "uncertain-field"}


OCR_MODE = "auto"  # --ocr: "always" reads every page from its image (how the pipeline holds up on scans)


def ingest(pdf: Path, out: Path, reuse: bool) -> dict | None:
    if not (reuse and list(out.glob("*/issue.json"))):
        if out.exists():
            subprocess.run(["rm", "-rf", str(out)], check=True)
        out.mkdir(parents=True)
        subprocess.run([str(CLI), "ingest", str(pdf), "--out", str(out), "--no-links", "--no-report",
                        "--ocr", OCR_MODE],
                       capture_output=True, timeout=600)
    found = sorted(out.glob("*/issue.json"))
    return json.loads(found[0].read_text(encoding="utf-8")) if found else None


class Tally:
    def __init__(self) -> None:
        self.fields: dict[str, list[int]] = {}
        self.unflagged = [0, 0]  # exact, all
        self.wrong = [0, 0]      # flagged, all
        self.silent: dict[str, int] = {}  # field -> wrong but not flagged (a total, like per_field)
        self.files = self.count_wrong = 0
        self.matchers: dict[str, dict[str, int]] = {}  # (English) field -> matcher -> right
        self.kinds: dict[str, Counter] = {}  # field -> how its misses miss (miss_kind) -> count

    def add(self, field: str, ok: bool, is_flagged: bool) -> None:
        t = self.fields.setdefault(field, [0, 0])
        t[0] += ok
        t[1] += 1
        if not is_flagged:
            self.unflagged[0] += ok
            self.unflagged[1] += 1
        if not ok:
            self.wrong[0] += is_flagged
            self.wrong[1] += 1
            if not is_flagged:
                self.silent[field] = self.silent.get(field, 0) + 1

    def kinds_line(self) -> str:
        """Per field, how its misses miss (miss_kind), in counts."""
        return "; ".join(f"{f} " + " ".join(f"{k} {n}" for k, n in sorted(c.items())) for f, c in sorted(self.kinds.items()))

    def total(self) -> tuple[int, int]:
        return sum(a for a, _ in self.fields.values()), sum(b for _, b in self.fields.values())

    def summary(self) -> dict:
        ok, n = self.total()
        return {"exact": ok, "fields": n, "pct": round(100 * ok / max(n, 1), 1),
                "files": self.files, "wrong_article_count": self.count_wrong,
                "unflagged_exact_pct": round(100 * self.unflagged[0] / max(self.unflagged[1], 1), 1),
                "unflagged": self.unflagged[1],
                "wrong_flagged_pct": round(100 * self.wrong[0] / max(self.wrong[1], 1), 1), "wrong": self.wrong[1],
                "flagged_pct": round(100 * (1 - self.unflagged[1] / max(n, 1)), 1),
                "per_field": {k: f"{a}/{b}" for k, (a, b) in sorted(self.fields.items())},
                "wrong_unflagged_per_field": dict(sorted(self.silent.items())),
                "miss_kinds_per_field": {f: dict(sorted(c.items())) for f, c in sorted(self.kinds.items())}}


def miss_kind(got: object, want: object) -> str:
    """How a wrong value misses, for totals that say where to look without naming a file:
    `none` (nothing given), `near` (the same text but for a few characters: a character-level
    slip), `part` (one holds the other: a block cut short or run on), `off` (a page number
    off by a few), `other`."""
    if got in (None, "", []):
        return "none"
    g, w = (re.sub(r"\s+", "", str(v)) for v in (got, want))
    if g.lstrip("-").isdigit() and w.lstrip("-").isdigit():
        return "off" if abs(int(g) - int(w)) <= 3 else "other"
    if SequenceMatcher(None, g, w, autojunk=False).ratio() >= 0.9:
        return "near"
    if g in w or w in g:
        return "part"
    return "other"


def score_zh(half: str, root: Path, reuse: bool, verbose: bool, jobs: int) -> Tally:
    import score  # ../shared/eval/score.py

    cases = split.zh_cases(half)
    srcs = [REAL / json.loads(t.read_text(encoding="utf-8"))["source"] for t in cases]
    with ThreadPoolExecutor(jobs) as pool:
        issues = list(pool.map(lambda ts: ingest(ts[1], root / "zh" / ts[0].name.removesuffix(".truth.json"), reuse),
                               zip(cases, srcs)))
    tally = Tally()
    for tp, issue in zip(cases, issues):
        truth = json.loads(tp.read_text(encoding="utf-8"))
        stem = tp.name.removesuffix(".truth.json")
        tally.files += 1
        got = (issue or {}).get("articles") or []
        by_page = {tuple(a.get("pdf_pages") or [])[:1]: a for a in got}
        misses, ok_n, all_n = [], 0, 0
        for i, t in enumerate(truth["articles"]):
            want = score.truth_view(t)
            g = by_page.get(tuple(t.get("pdf_pages") or [None])[:1]) or (got[i] if i < len(got) else {})
            have = score.article_view(g)
            marks = flagged(g)
            for f, w in want.items():
                ok = True if (w in (None, []) and have.get(f) in (None, [], "")) else score.same(f, have.get(f), w)
                is_flagged = ZH_KEYS[f] in marks
                tally.add(f, ok, is_flagged)
                ok_n += ok
                all_n += 1
                if not ok:
                    tally.kinds.setdefault(f, Counter())[miss_kind(have.get(f), w)] += 1
                    misses.append(f"art{i + 1}.{f}{' [flagged]' if is_flagged else ''}: want {str(w)[:100]!r} got {str(have.get(f))[:100]!r}")
                elif is_flagged and verbose:
                    misses.append(f"art{i + 1}.{f} [flagged, but exact]")
        marks = flagged(issue or {})
        for f, w in {"issn": score.get(truth, "journal", "issn"), "issue": truth.get("issue"), "year": truth.get("year")}.items():
            if w is None:
                continue
            g = (issue or {}).get(f) or score.get(issue or {}, "journal", f)
            ok = score.norm(g) == score.norm(w)
            is_flagged = ZH_KEYS[f"issue.{f}"] in marks
            tally.add(f"issue.{f}", ok, is_flagged)
            ok_n += ok
            all_n += 1
            if not ok:
                misses.append(f"issue.{f}{' [flagged]' if is_flagged else ''}: want {w!r} got {g!r}")
        count_ok = len(got) == len(truth["articles"])
        tally.count_wrong += not count_ok
        if half == "dev":  # (per file only for the development half: the check half shows its totals)
            print(f"  {stem}: {ok_n}/{all_n}" + ("" if count_ok else f"  ARTICLES {len(got)} (want {len(truth['articles'])})"))
        if verbose and half == "dev":
            for m in misses:
                print("      " + m)
    return tally


def score_en(half: str, root: Path, reuse: bool, verbose: bool, jobs: int) -> tuple[Tally, float]:
    import score_en as se  # ../shared/eval/score_en.py

    cases = [{"name": d.name, "pdf": d / "article.pdf", "xml": d / "article.xml"} for d in split.en_cases(half)]
    out = root / "en"
    if not reuse:  # ingest in parallel first; score_set then reads what is there
        with ThreadPoolExecutor(jobs) as pool:
            list(pool.map(lambda c: ingest(c["pdf"], out / "pmc" / c["name"], False), cases))
    done = {c["name"]: ingest(c["pdf"], out / "pmc" / c["name"], True) for c in cases}
    orig = se.ingest
    se.ingest = lambda cli, pdf, o, timeout: (done[o.name], "cached")
    args = argparse.Namespace(grobid_gold=False, timeout=600, verbose=verbose and half == "dev")
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            st, details = se.score_set("pmc", cases, CLI, out, args, True)
    finally:
        se.ingest = orig
    if verbose and half == "dev":
        print(buf.getvalue())
    tally = Tally()
    for rec in details:
        issue = done[rec["case"]] or {}
        art = (issue.get("articles") or [{}])[0]
        marks = flagged(art) | flagged(issue)
        tally.files += 1
        tally.count_wrong += rec["articles"] != 1
        for f, v in rec["fields"].items():
            tally.add(f, bool(v["strict"]), EN_KEYS[f] in marks)
            if not v["strict"]:
                tally.kinds.setdefault(f, Counter())[miss_kind(v["got"], v["gold"])] += 1
            if verbose and half == "dev" and not v["strict"] and EN_KEYS[f] not in marks:
                print(f"  wrong, not flagged: {rec['case']} {f}")
    f1 = st.micro("strict", se.GROBID5)[2]
    tally.matchers = {f: {m: sum(bool(r["fields"][f][m]) for r in details if f in r["fields"]) for m in se.MATCHERS}
                      for f in sorted({f for r in details for f in r["fields"]})}
    return tally, f1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="?", default="all", choices=["zh", "en", "all"])
    ap.add_argument("--half", default="both", choices=["dev", "check", "both"])
    ap.add_argument("--out", type=Path, help="keep the ingest outputs here (default: a temporary folder)")
    ap.add_argument("--reuse", action="store_true", help="score the outputs already in --out without ingesting again")
    ap.add_argument("--json", type=Path, help="write the summary here")
    ap.add_argument("--markdown", action="store_true", help="end with the tables for bench/README.md")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="ingests at once (default 2)")
    ap.add_argument("--ocr", default="auto", choices=["auto", "always", "never"],
                    help="the ingest's --ocr: `always` scores the same articles read from their page images")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss (development half only)")
    args = ap.parse_args(argv)
    if not CLI.exists():
        sys.exit("no .venv/bin/journal-ingest here: run `make demo` in the checkout first")
    global OCR_MODE
    OCR_MODE = args.ocr
    root = args.out or Path(tempfile.mkdtemp(prefix="accuracy-"))
    halves = ["dev", "check"] if args.half == "both" else [args.half]
    report: dict = {}
    for half in halves:
        if args.sets in ("zh", "all"):
            print(f"zh_more {half}:")
            t = score_zh(half, root / half, args.reuse, args.verbose, args.jobs)
            report[f"zh_{half}"] = s = t.summary()
            print(f"ZH {half}: {s['exact']}/{s['fields']} fields ({s['pct']}%), {s['wrong_article_count']} of {s['files']} files "
                  f"with a wrong article count; unflagged exact {s['unflagged_exact_pct']}% of {s['unflagged']}, "
                  f"wrong flagged {s['wrong_flagged_pct']}% of {s['wrong']}; {s['flagged_pct']}% of fields flagged")
            print("   per field: " + "; ".join(f"{k} {v}" for k, v in s["per_field"].items()))
            print("   wrong, not flagged: " + "; ".join(f"{k} {v}" for k, v in s["wrong_unflagged_per_field"].items()))
            print("   how the misses miss: " + t.kinds_line())
        if args.sets in ("en", "all"):
            print(f"en_more {half}:")
            t, f1 = score_en(half, root / half, args.reuse, args.verbose, args.jobs)
            report[f"en_{half}"] = s = t.summary() | {"grobid5_strict_f1": round(f1, 1)}
            print(f"EN {half}: GROBID-5 strict micro-F1 {f1:.1f}; fields {s['exact']}/{s['fields']} strict; "
                  f"{s['wrong_article_count']} of {s['files']} files not one article; unflagged exact "
                  f"{s['unflagged_exact_pct']}% of {s['unflagged']}, wrong flagged {s['wrong_flagged_pct']}% of {s['wrong']}; "
                  f"{s['flagged_pct']}% of fields flagged")
            print("   per field: " + "; ".join(f"{k} {v}" for k, v in s["per_field"].items()))
            print("   wrong, not flagged: " + "; ".join(f"{k} {v}" for k, v in s["wrong_unflagged_per_field"].items()))
            # (how near the misses come, in counts only: a field wrong by strict but right by
            # Levenshtein is a character-level slip, one wrong by all is a wrong block)
            print("   how the misses miss: " + t.kinds_line())
            print("   right by matcher (strict/soft/lev/ro): " + "; ".join(
                f"{f} {'/'.join(str(c[m]) for m in ('strict', 'soft', 'lev', 'ro'))}" for f, c in t.matchers.items()))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.markdown:
        print(markdown(report))
    return 0


def markdown(report: dict) -> str:
    """The overall table and the per-field table, halves side by side."""
    rows = ["| set | half | files | fields exact | GROBID-5 strict F1 | wrong article count | unflagged exact | wrong flagged | fields flagged |",
            "|---|---|---|---|---|---|---|---|---|"]
    for key, s in report.items():
        lang, half = key.split("_")
        rows.append(f"| {lang} | {half} | {s['files']} | {s['exact']}/{s['fields']} ({s['pct']}%) | "
                    f"{s.get('grobid5_strict_f1', '—')} | {s['wrong_article_count']} | {s['unflagged_exact_pct']}% | "
                    f"{s['wrong_flagged_pct']}% | {s['flagged_pct']}% |")
    out = ["\n".join(rows)]
    for lang in ("zh", "en"):
        keys = [k for k in report if k.startswith(lang + "_")]
        if not keys:
            continue
        fields = sorted({f for k in keys for f in report[k]["per_field"]})
        table = [f"| {lang} field | " + " | ".join(k.split("_")[1] for k in keys) + " |", "|---|" + "---|" * len(keys)]
        table += [f"| {f} | " + " | ".join(report[k]["per_field"].get(f, "—") for k in keys) + " |" for f in fields]
        out.append("\n".join(table))
    return "\n\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
