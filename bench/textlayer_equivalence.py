"""Does a change to the text layer keep its output exactly? (speed work must not move a glyph)

    # with the code before the change (e.g. a worktree of main on PYTHONPATH):
    PYTHONPATH=/tmp/base .venv/bin/python bench/textlayer_equivalence.py --save /tmp/base.pickle
    # with the changed code:
    .venv/bin/python bench/textlayer_equivalence.py --compare /tmp/base.pickle

Reads every PDF of the test suites' fixture sets and of shared/real (all subfolders) with
`parsers.textlayer.read_document(path, workers=1, strict=False)` and keeps the whole result:
every page's fields, every line's and span's attributes (floats exactly), outline, info,
XMP; or the error a file raises (its type and message). It also keeps `normalize_text` and
the line normalisation of 20,000 random texts over the characters their rules act on, and
`_cluster_info` of 30,000 random clusters (NaN and infinite sizes too). `--compare` prints the number of
files compared and every difference (the first differing field per file); exit status 1
when any differs. It compares the tool with itself only: no truth is read.
"""
from __future__ import annotations

import argparse
import dataclasses
import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SETS = ["tests/fixtures", "tests/coversheets", "tests/pdfmeta", "tests/conventions", "tests/en_conventions",
        "tests/folio_cases", "../shared/real", "bench/results/issue_160p.pdf"]


def pdfs() -> list[Path]:
    """Every PDF of the sets, in a fixed order (paths relative to the worktree)."""
    out: list[Path] = []
    for s in SETS:
        p = ROOT / s
        if p.is_file():
            out.append(p)
        elif p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.suffix.lower() == ".pdf" and q.is_file()))
    return out


def plain(obj: Any) -> Any:
    """The result as plain tuples, dicts and scalars (dataclass names kept), for pickling
    without the parsers package and for comparing field by field."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return (type(obj).__name__, {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)})
    if isinstance(obj, (list, tuple)):
        return tuple(plain(x) for x in obj)
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, Path):
        return str(obj)
    if isinstance(obj, float):
        return ("float", obj.hex())  # exact, and tells 0.0 from -0.0
    return obj


def read(path: Path) -> Any:
    from parsers.textlayer import read_document
    try:
        doc = read_document(path, workers=1, strict=False)
    except Exception as exc:  # an error is part of the output too
        return ("error", type(exc).__name__, str(exc))
    d = plain(doc)
    d[1]["path"] = None  # (the worktree differs between the two runs)
    return d


# characters every rule of the normalisation and the repairs acts on, and some it leaves alone
_ALPHABET = ("ab Zz09.,;:()-'\"\t \u00a0\u2002\u200b\u3000\u2063中文摘要字，。：；（）“”—…·–ＡＢａ０１．－／＆～"
             "\ufb01\ufb03\ue010\ue011\u2043\U001001b0\U00100170鄄摇冶爷野ꎬ\ua1a2\ua3ac\u00e9e\u0301\uf900")


def fuzz_texts(n: int = 20000) -> list[str]:
    """Random short texts over `_ALPHABET` (a fixed seed: the same texts every run)."""
    import random
    rnd = random.Random(20261206)
    return ["".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 24))) for _ in range(n)]


def normalized() -> tuple:
    """`normalize_text` and the text layer's line normalisation (each page quirk set) of the
    fuzz texts: their other callers see the same text too."""
    from parsers.normalize import normalize_text
    from parsers.textlayer import _normalize_keeping_spaces
    texts = fuzz_texts()
    quirk_sets = (frozenset(), frozenset({"yi"}), frozenset({"founder"}), frozenset({"yi", "founder"}))
    return (tuple(normalize_text(t) for t in texts),
            tuple(tuple(_normalize_keeping_spaces(t, q) for t in texts) for q in quirk_sets))


def cluster_infos(n: int = 30000) -> tuple:
    """`_cluster_info` of random clusters (ties, raised marks, sizes and baselines that round
    together or apart, NaN, infinity, -0.0: a damaged matrix's), or the error it raises."""
    import random
    from parsers.textlayer import _cluster_info
    rnd = random.Random(20261206)
    sizes = [9.0, 9.04, 9.05, 10.5, 10.46, float("nan"), -0.01, 0.0, 8.0, float("inf")]
    ys = [100.0, 100.004, 100.006, 99.99, float("nan"), -0.001, 0.0]
    out = []
    for _ in range(n):
        c = [[rnd.random(), rnd.random() + 1, rnd.choice(ys), rnd.choice(sizes), None, "x" * rnd.randint(0, 3),
              rnd.random() < 0.3, 0.15, False] for _ in range(rnd.randint(1, 5))]
        try:
            out.append(plain(_cluster_info(c)))
        except Exception as exc:
            out.append(("error", type(exc).__name__, str(exc)))
    return tuple(out)


def first_difference(a: Any, b: Any, where: str = "") -> str | None:
    """Where `a` and `b` first differ ("pages[3].lines[7].x0: 12.5 != 12.51"), None when equal."""
    if type(a) is not type(b):
        return f"{where}: {a!r:.200} != {b!r:.200}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{where}.{k}: present in one only"
            d = first_difference(a[k], b[k], f"{where}.{k}")
            if d:
                return d
        return None
    if isinstance(a, tuple):
        if len(a) == 2 and a[0] == "float":
            return None if a == b else f"{where}: {float.fromhex(a[1])!r} != {float.fromhex(b[1])!r}"
        if len(a) == 2 and isinstance(a[0], str) and isinstance(a[1], dict):  # a dataclass
            if a[0] != b[0]:
                return f"{where}: {a[0]} != {b[0]}"
            return first_difference(a[1], b[1], where)
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{where}[{i}]")
            if d:
                return d
        return None if len(a) == len(b) else f"{where}: length {len(a)} != {len(b)}"
    return None if a == b else f"{where}: {a!r:.200} != {b!r:.200}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path, help="write the results here")
    g.add_argument("--compare", type=Path, help="compare with results written by --save")
    args = ap.parse_args()
    import parsers
    print(f"parsers from {Path(parsers.__file__).parent}", file=sys.stderr)
    files = pdfs()
    results = {str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p): read(p) for p in files}
    results["(normalisation of fuzz texts)"] = normalized()
    results["(cluster info of fuzz clusters)"] = cluster_infos()
    if args.save:
        args.save.write_bytes(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
        print(f"{len(results)} files read, saved to {args.save}")
        return 0
    base = pickle.loads(args.compare.read_bytes())
    diffs = 0
    for name in sorted(set(base) | set(results)):
        if name not in base or name not in results:
            print(f"{name}: in one run only")
            diffs += 1
            continue
        d = first_difference(base[name], results[name])
        if d:
            print(f"{name}{d}")
            diffs += 1
    compared = len(set(base) & set(results))
    print(f"{compared} files compared, {diffs} differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
