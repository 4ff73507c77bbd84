"""Benchmark of the cited-URL checker against LinkChecker, on local hosts only.

Starts HOSTS HTTP servers on loopback (127.0.0.2 …, OS-chosen ports), each answering after
100–300 ms (uniform random). URLS URLs are spread evenly over them; DEAD_SHARE of them are
real 404s, the rest are live pages. Both checkers get the same URL list and the same
per-host politeness (`--rate` requests per second per host: journal-ingest's `min_gap`
= 1/rate with `--per-host` in flight; LinkChecker's `maxrequestspersecond` = rate) and the
same number of threads, in one run, each in its own process (its peak RSS is read with
wait4). Prints URLs/s of each, their ratio, wrong verdicts (a live URL called dead is a
false dead), and journal-ingest's peak RSS for several numbers of URLs.

Not a test: nothing here leaves the machine, but it takes about a minute.

    .venv/bin/python bench/links_bench.py                 # 1000 URLs over 50 hosts
    .venv/bin/python bench/links_bench.py --urls 2000 --memory 250,500,1000,2000,4000
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.testserver import LocalServer, Reply, html  # noqa: E402


def start_hosts(n: int, seed: int) -> list[LocalServer]:
    rng = random.Random(seed)
    delay = lambda: rng.uniform(0.1, 0.3)  # noqa: E731
    gone = Reply(404, html("Not Found"), delay=delay)

    def answer(path: str) -> Reply:
        if path.startswith("/article/"):  # a distinct page per URL, like real articles
            return Reply(200, html(f"Article {path}", f"Text of article {path}. " * 20),
                         delay=delay)
        return gone  # everything else (the 404s, a random path): an honest 404

    return [LocalServer(f"127.0.0.{2 + i}", default=answer).start() for i in range(n)]


def make_urls(servers: list[LocalServer], n: int, dead_share: float, seed: int
              ) -> tuple[list[str], set[str]]:
    rng = random.Random(seed)
    urls, dead = [], set()
    for i in range(n):
        srv = servers[i % len(servers)]
        if rng.random() < dead_share:
            url = srv.url(f"/gone/{i}")
            dead.add(url)
        else:
            url = srv.url(f"/article/{i}.html")
        urls.append(url)
    rng.shuffle(urls)
    return urls, dead


LAST_CPU = [0.0]


def run_child(cmd: list[str], stdin: str | None = None) -> tuple[float, int, str, str]:
    """Run a command; (wall seconds, peak RSS in KiB, stdout, stderr). CPU in LAST_CPU."""
    t = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=out, stderr=err)
        if stdin is not None:
            proc.stdin.write(stdin.encode())
        proc.stdin.close()
        _, _, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - t
        LAST_CPU[0] = usage.ru_utime + usage.ru_stime
        out.seek(0)
        err.seek(0)
        return wall, usage.ru_maxrss, out.read().decode(), err.read().decode()


def ours(urls: list[str], args: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        url_file = Path(tmp) / "urls.txt"
        url_file.write_text("\n".join(urls))
        cmd = [sys.executable, __file__, "--child", str(url_file), "--per-host",
               str(args.per_host), "--rate", str(args.rate), "--threads", str(args.threads),
               "--cache", str(Path(tmp) / "cache.sqlite")]
        wall, rss, out, err = run_child(cmd)
    if not out.strip():
        raise SystemExit(f"journal-ingest child failed:\n{err}")
    data = json.loads(out)
    data.update(wall=wall, rss_kib=rss, cpu=LAST_CPU[0])
    return data


def child(args: argparse.Namespace) -> None:
    from checks.links import LinkSettings, check_urls

    urls = Path(args.child).read_text().split()
    settings = LinkSettings(per_host=args.per_host, min_gap=1.0 / args.rate,
                            workers=args.threads, cache_path=Path(args.cache),
                            archive_endpoint=None)
    t = time.monotonic()
    results = check_urls(urls, settings)
    elapsed = time.monotonic() - t
    print(json.dumps({"elapsed": elapsed,
                      "verdicts": {r.url: r.verdict for r in results}}))


def linkchecker(urls: list[str], args: argparse.Namespace) -> dict | None:
    exe = shutil.which("linkchecker", path=str(Path(sys.executable).parent)) or shutil.which(
        "linkchecker")
    if not exe:
        print("LinkChecker not found: pip install linkchecker (or apt-get install linkchecker)")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        rc = Path(tmp) / "linkcheckerrc"
        rc.write_text(f"[checking]\nthreads={args.threads}\nmaxrequestspersecond={args.rate}\n"
                      "timeout=15\n")
        cmd = [exe, "-f", str(rc), "--no-robots", "--check-extern", "-r", "0", "--no-status",
               "-v", "-o", "csv", "--stdin"]
        os.chmod(tmp, 0o755)
        wall, rss, out, err = run_child(cmd, "\n".join(urls) + "\n")
    valid: dict[str, bool] = {}
    rows = [line for line in out.splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        valid[row["urlname"]] = row["valid"] == "True"
    return {"wall": wall, "rss_kib": rss, "valid": valid, "cpu": LAST_CPU[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--urls", type=int, default=1000)
    ap.add_argument("--hosts", type=int, default=50)
    ap.add_argument("--per-host", type=int, default=2)
    ap.add_argument("--rate", type=float, default=10.0,
                    help="requests per second per host (both checkers)")
    ap.add_argument("--threads", type=int, default=100)
    ap.add_argument("--dead-share", type=float, default=0.02)
    ap.add_argument("--memory", default="250,500,1000,2000",
                    help="URL counts at which to read journal-ingest's peak RSS ('' = skip)")
    ap.add_argument("--no-linkchecker", action="store_true")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--cache", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return

    servers = start_hosts(args.hosts, args.seed)
    try:
        urls, dead = make_urls(servers, args.urls, args.dead_share, args.seed)
        print(f"{len(urls)} URLs over {args.hosts} hosts ({len(dead)} real 404s), answers "
              f"after 100-300 ms; per host: {args.per_host} in flight, {args.rate:g} req/s; "
              f"{args.threads} threads each")
        mine = ours(urls, args)
        wrong = {u: v for u, v in mine["verdicts"].items()
                 if v != ("dead?" if u in dead else "ok")}
        false_dead = [u for u, v in mine["verdicts"].items()
                      if v in ("dead", "dead?", "soft-404") and u not in dead]
        ours_rate = len(urls) / mine["wall"]
        print(f"journal-ingest: {mine['wall']:.2f} s ({mine['elapsed']:.2f} s checking), "
              f"{ours_rate:.1f} URLs/s, CPU {mine['cpu']:.1f} s, "
              f"peak RSS {mine['rss_kib'] / 1024:.0f} MiB, "
              f"false dead/soft-404 {len(false_dead)}, wrong verdicts {len(wrong)}")
        if not args.no_linkchecker:
            lc = linkchecker(urls, args)
            if lc:
                lc_rate = len(urls) / lc["wall"]
                lc_false = [u for u, ok in lc["valid"].items() if not ok and u not in dead]
                missing = len(urls) - len(lc["valid"])
                print(f"LinkChecker:    {lc['wall']:.2f} s, {lc_rate:.1f} URLs/s, CPU "
                      f"{lc['cpu']:.1f} s, peak RSS "
                      f"{lc['rss_kib'] / 1024:.0f} MiB, false broken {len(lc_false)}, "
                      f"URLs not reported {missing}")
                print(f"ratio journal-ingest / LinkChecker throughput: "
                      f"{ours_rate / lc_rate:.2f}x")
        if args.memory:
            print("journal-ingest peak RSS by number of URLs (same 50 hosts):")
            for n in [int(x) for x in args.memory.split(",") if x]:
                sub, _ = make_urls(servers, n, args.dead_share, args.seed + n)
                got = ours(sub, args)
                print(f"  {n:6d} URLs: {got['rss_kib'] / 1024:6.1f} MiB, "
                      f"{n / got['wall']:.1f} URLs/s")
    finally:
        for srv in servers:
            srv.stop()


if __name__ == "__main__":
    main()
