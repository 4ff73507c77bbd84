"""Hostile input: every case ends in time, in memory and cleanly (issue 15).

Each case (tests/make_hostile.py: committed small files, big ones built here in tmp_path,
seeded mutants of the fixture PDFs, awkward names, special files) goes through the real
command, `journal-ingest ingest FILE --out OUT`, as a subprocess in an empty working folder.
What must hold, whatever the file:
* it ends within 60 s and its peak memory (its own and its worker processes', from wait4)
  stays under 1 GB;
* exit 0 with a published issue folder whose issue.json is valid against its schema, or
  exit 2 with one error line on stderr, `journal-ingest: error: <the file, quoted when
  needed>: <problem>`, the last (what comes before it may only be logged warnings, one
  line each); never a traceback;
* nothing half-written (no staging folder, no issue folder after an error), nothing
  written outside --out (the working folder and the input's folder are unchanged).

`python tests/test_hostile.py [NAME…]` prints the table (exit, seconds, peak MB, clean)
without asserting: how the numbers in the report were measured.
"""
from __future__ import annotations

import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import make_hostile as mh  # noqa: E402

CLI = Path(os.environ.get("HOSTILE_CLI") or Path(sys.executable).with_name("journal-ingest"))  # HOSTILE_CLI: measure another build
TIME_LIMIT = 60.0
MEMORY_LIMIT_KB = 1024 * 1024
SAFETY_AS = 6 * 1024 ** 3  # address-space cap so a runaway case cannot take the shared machine down


@dataclass
class Outcome:
    code: int | None       # None: killed at the time limit
    stdout: str
    stderr: str
    seconds: float
    peak_kb: int
    out: Path
    cwd: Path


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (SAFETY_AS, SAFETY_AS))


def run_ingest(pdf: Path, work: Path, timeout: float = TIME_LIMIT, env_extra: dict[str, str] | None = None) -> Outcome:
    """`journal-ingest ingest pdf --out work/out` from the empty folder work/cwd."""
    out, cwd, logs = work / "out", work / "cwd", work / "logs"
    for d in (cwd, logs):
        d.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "JOURNAL_INGEST_MAX"))}
    env.update(env_extra or {})
    start = time.perf_counter()
    with open(logs / "stdout", "wb") as so, open(logs / "stderr", "wb") as se:
        proc = subprocess.Popen([str(CLI), "ingest", os.fsencode(pdf), "--out", str(out), "--no-links", "--quiet"],
                                cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=so, stderr=se,
                                start_new_session=True, preexec_fn=_cap_memory)
        code: int | None = None
        usage = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - start > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                _, _, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        proc.returncode = code if code is not None else -9
    seconds = time.perf_counter() - start
    try:  # worker processes of a killed run
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return Outcome(code, (logs / "stdout").read_text("utf-8", "replace"), (logs / "stderr").read_text("utf-8", "replace"),
                   seconds, usage.ru_maxrss if usage else 0, out, cwd)


def problems(o: Outcome, pdf: Path) -> list[str]:
    """What is not clean about an outcome ([] = clean)."""
    from parsers.errors import quote_path

    bad: list[str] = []
    if o.code is None:
        return [f"still running after {TIME_LIMIT:.0f} s"]
    if o.peak_kb > MEMORY_LIMIT_KB:
        bad.append(f"peak memory {o.peak_kb / 1024:.0f} MB")
    if "Traceback" in o.stderr:
        bad.append("traceback: " + o.stderr.strip().splitlines()[-1][:200])
    if any(o.cwd.iterdir()):
        bad.append(f"wrote into the working folder: {sorted(p.name for p in o.cwd.iterdir())}")
    published = sorted(p for p in o.out.iterdir()) if o.out.exists() else []
    if o.code == 0:
        if [p.name for p in published if p.name.startswith(".")]:
            bad.append("staging folder left behind")
        records = [p / "issue.json" for p in published if (p / "issue.json").is_file()]
        if len(records) != 1:
            bad.append(f"exit 0 but {len(records)} records in --out")
        else:
            from schemas.record import validate_record
            try:
                validate_record(json.loads(records[0].read_text(encoding="utf-8")), records[0])
            except Exception as exc:
                bad.append(f"invalid record: {exc}")
        return bad
    # the error is one line, the last; lines before it may only be logged warnings
    lines = o.stderr.strip().splitlines()
    prefix = f"journal-ingest: error: {quote_path(str(pdf))}: "
    if o.code != 2:
        bad.append(f"exit {o.code}")
    if not lines or not lines[-1].startswith(prefix):
        bad.append(f"the last line is not an error naming the file first: {o.stderr.strip()[-300:]!r}")
    elif [ln for ln in lines[:-1] if not ln.startswith("WARNING ")]:
        bad.append(f"more than one line of error: {o.stderr.strip()[:300]!r}")
    if published:
        bad.append(f"output left after an error: {[p.name for p in published]}")
    return bad


def check(case: mh.Case, pdf: Path, o: Outcome) -> None:
    listing = sorted(os.listdir(pdf.parent))
    bad = problems(o, pdf)
    assert sorted(os.listdir(pdf.parent)) == listing
    assert not bad, f"{pdf.name!r}: {bad} (exit {o.code}, {o.seconds:.1f} s, {o.peak_kb / 1024:.0f} MB)"
    if case.expect == "ok":
        assert o.code == 0, o.stderr
    elif case.expect == "error":
        assert o.code == 2, o.stdout
        from parsers.errors import quote_path
        problem = o.stderr.strip().splitlines()[-1][len(f"journal-ingest: error: {quote_path(str(pdf))}: "):]
        assert re.search(case.problem, problem), o.stderr


def _input(tmp_path: Path, name: str, data: bytes | None = None, src: Path | None = None) -> Path:
    """The case in a folder of its own (so 'nothing written beside the input' is checkable)."""
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / name
    if src is not None:
        path.write_bytes(src.read_bytes())
    elif data is not None:
        path.write_bytes(data)
    return path


# ============================================================================================


def test_committed_cases_are_current() -> None:
    """tests/hostile/ holds exactly what make_hostile.py generates (it is deterministic)."""
    assert sorted(p.name for p in mh.HOSTILE.glob("*.pdf")) == sorted(mh.SMALL)
    for name in ("zip_renamed.pdf", "form_fanout.pdf", "encrypted_password.pdf", "deep_object.pdf"):
        assert (mh.HOSTILE / name).read_bytes() == mh.SMALL[name].build(), name


@pytest.mark.parametrize("name", sorted(mh.SMALL))
def test_small_case(name: str, tmp_path: Path) -> None:
    pdf = _input(tmp_path, name, src=mh.HOSTILE / name)
    check(mh.SMALL[name], pdf, run_ingest(pdf, tmp_path))


@pytest.mark.parametrize("name", sorted(mh.BIG))
def test_big_case(name: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    pdf = mh.build_big(name, folder)
    try:
        check(mh.BIG[name], pdf, run_ingest(pdf, tmp_path))
    finally:
        pdf.unlink()


@pytest.mark.parametrize("seed", list(mh.MUTANT_SEEDS))
def test_mutant(seed: int, tmp_path: Path) -> None:
    pdf = _input(tmp_path, f"mutant_{seed:02d}.pdf", mh.mutant(seed))
    check(mh.Case(lambda: b""), pdf, run_ingest(pdf, tmp_path))


@pytest.mark.parametrize("name", mh.NAMES, ids=lambda n: ascii(n)[:24])
def test_awkward_file_name(name: str, tmp_path: Path) -> None:
    """A readable PDF under an awkward name is ingested; a broken one is named on one line."""
    pdf = _input(tmp_path, name, src=mh.SINGLE)
    utf8 = name.encode("utf-8", "surrogateescape") == name.encode("utf-8", "replace")
    check(mh.Case(lambda: b"", "ok") if utf8 else mh.Case(lambda: b"", "error", "file name is not UTF-8"),
          pdf, run_ingest(pdf, tmp_path / "good"))
    pdf.write_bytes(mh.SINGLE.read_bytes()[:5000])
    o = run_ingest(pdf, tmp_path / "bad")
    check(mh.Case(lambda: b"", "error", "truncated" if utf8 else "file name is not UTF-8"), pdf, o)
    assert "\n" not in o.stderr.strip()


@pytest.mark.parametrize("name", mh.SPECIAL)
def test_special_file(name: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    pdf = mh.build_big(name, folder)
    check(mh.Case(lambda: b"", "error", "not a regular file|directory|no such file"), pdf, run_ingest(pdf, tmp_path))


def test_limits_are_settable(tmp_path: Path) -> None:
    """A limit set in the environment is the one that trips, and its message names the limit
    and the variable that raises it; a value that is not a size is an error naming the
    variable. (The defaults let this file through: test_awkward_file_name.)"""
    pdf = _input(tmp_path, "issue.pdf", src=mh.SINGLE)
    o = run_ingest(pdf, tmp_path / "small", env_extra={"JOURNAL_INGEST_MAX_PDF_SIZE": "20KB"})
    assert o.code == 2 and "JOURNAL_INGEST_MAX_PDF_SIZE" in o.stderr and "20 KB" in o.stderr, o.stderr
    o = run_ingest(pdf, tmp_path / "ops", env_extra={"JOURNAL_INGEST_MAX_PAGE_OPS": "50"})
    assert o.code == 2 and "JOURNAL_INGEST_MAX_PAGE_OPS" in o.stderr, o.stderr
    o = run_ingest(pdf, tmp_path / "doc", env_extra={"JOURNAL_INGEST_MAX_DOCUMENT_OPS": "5000"})
    assert o.code == 2 and "5,000 operations in all" in o.stderr and "JOURNAL_INGEST_MAX_DOCUMENT_OPS" in o.stderr, o.stderr
    o = run_ingest(pdf, tmp_path / "bytes", env_extra={"JOURNAL_INGEST_MAX_DECOMPRESSED": "40KB"})
    assert o.code == 2 and "40 KB per-document limit" in o.stderr, o.stderr
    o = run_ingest(pdf, tmp_path / "stream", env_extra={"JOURNAL_INGEST_MAX_STREAM_SIZE": "10KB"})
    assert o.code == 2 and "10 KB per-stream limit" in o.stderr, o.stderr
    o = run_ingest(pdf, tmp_path / "bad", env_extra={"JOURNAL_INGEST_MAX_STREAM_SIZE": "lots"})
    assert o.code == 2 and o.stderr.strip().startswith("journal-ingest: error: JOURNAL_INGEST_MAX_STREAM_SIZE: "), o.stderr
    (tmp_path / "fan").mkdir()
    fan = _input(tmp_path / "fan", "fanout.pdf", src=mh.HOSTILE / "form_fanout.pdf")
    o = run_ingest(fan, tmp_path / "fan_run", env_extra={"JOURNAL_INGEST_MAX_PAGE_OPS": "1000"})
    assert o.code == 2 and "1,000 operations" in o.stderr, o.stderr


if __name__ == "__main__":
    import tempfile

    wanted = set(sys.argv[1:])
    rows = []
    cases = [(n, c) for n, c in {**mh.SMALL, **mh.BIG}.items()] + [(f"mutant_{s:02d}.pdf", None) for s in mh.MUTANT_SEEDS]
    for name, case in cases:
        if wanted and name not in wanted:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            if case is None:
                pdf = folder / name
                pdf.write_bytes(mh.mutant(int(name[7:9])))
            elif name in mh.BIG:
                pdf = mh.build_big(name, folder)
            else:
                pdf = folder / name
                pdf.write_bytes((mh.HOSTILE / name).read_bytes())
            o = run_ingest(pdf, Path(tmp))
            bad = problems(o, pdf)
            last = (o.stderr.strip().splitlines() or [""])[-1]
            rows.append((name, o.code, o.seconds, o.peak_kb / 1024, not bad))
            print(f"{name:28} exit {str(o.code):4} {o.seconds:6.1f} s {o.peak_kb / 1024:7.0f} MB "
                  f"{'clean' if not bad else 'NOT CLEAN: ' + '; '.join(bad)[:160]}  | {last[:150]}", flush=True)
    clean = sum(r[4] for r in rows)
    print(f"\n{clean} of {len(rows)} clean; slowest {max(r[2] for r in rows):.1f} s; largest peak {max(r[3] for r in rows):.0f} MB")
