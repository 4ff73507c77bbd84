"""`journal-ingest serve` deployments and prefect.yaml (no server needed: nothing is started)."""
from __future__ import annotations

import importlib
import json
from pathlib import Path

import yaml

from cli.main import main
from cli.serve import build_deployments
from schemas.orchestration import OrchestrationSettings

ROOT = Path(__file__).resolve().parents[1]
JOURNAL = ROOT / "tests" / "fixtures" / "journal.toml"


def test_deployments_take_schedules_and_paths_from_the_settings(tmp_path):
    cfg = tmp_path / "journal.toml"
    cfg.write_text(JOURNAL.read_text(encoding="utf-8") + '\n[orchestration]\nout = "published"\n'
                   'inbox_cron = "5 * * * *"\nrecheck_cron = "30 2 * * 1"\ntimezone = "Asia/Shanghai"\n',
                   encoding="utf-8")
    deps = {f"{d.flow_name}/{d.name}": d for d in build_deployments(cfg)}
    assert set(deps) == {"process_inbox/inbox", "recheck_links/recheck", "ingest_issue/on-demand",
                         "deposit_issue/on-demand"}
    inbox = deps["process_inbox/inbox"].schedules[0].schedule
    assert (inbox.cron, inbox.timezone) == ("5 * * * *", "Asia/Shanghai")
    assert deps["recheck_links/recheck"].schedules[0].schedule.cron == "30 2 * * 1"
    assert deps["process_inbox/inbox"].parameters == {"settings": str(cfg.resolve())}
    assert deps["ingest_issue/on-demand"].parameters["out"] == str(tmp_path / "published")
    assert not deps["deposit_issue/on-demand"].schedules  # a deposit is never scheduled


def test_dry_run_lists_the_deployments(capsys):
    assert main(["serve", "--journal", str(JOURNAL), "--dry-run"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(ln.startswith("process_inbox/inbox: */15 * * * *") for ln in lines)
    assert any(ln.startswith("deposit_issue/on-demand: on demand") for ln in lines) and len(lines) == 4


def test_serve_needs_a_server(monkeypatch, capsys):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert main(["serve", "--journal", str(JOURNAL)]) == 2
    err = capsys.readouterr().err
    assert "PREFECT_API_URL" in err and "prefect server start" in err and err.count("\n") == 1


def test_prefect_yaml_is_valid_and_matches_the_flows():
    from prefect.cli.deploy._models import PrefectYamlModel

    raw = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    model = PrefectYamlModel.model_validate(raw)
    flows = {}
    for d in model.deployments:
        path, name = d.entrypoint.split(":")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        flows[getattr(module, name).name] = d
    assert set(flows) == {"process_inbox", "recheck_links", "ingest_issue", "deposit_issue"}
    default = OrchestrationSettings()
    assert raw["deployments"][0]["schedules"][0]["cron"] == default.inbox_cron
    assert raw["deployments"][1]["schedules"][0]["cron"] == default.recheck_cron


def test_no_flow_module_hides_a_top_level_module():
    """Prefect puts flows/ first on sys.path for a served run: a flows/deposit.py once hid the
    `deposit` package there ('deposit' is not a package) and report.html was never written."""
    import importlib.util

    for f in sorted((ROOT / "flows").glob("*.py")):
        if f.stem != "__init__":
            assert importlib.util.find_spec(f.stem) is None, f"flows/{f.name} hides the importable module {f.stem}"


# ---- a real server, `journal-ingest serve`, runs started through the API --------------------

FIX = ROOT / "tests" / "fixtures"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_deployments(client, names: list[str], proc, timeout: float = 120.0) -> dict:
    import time

    deadline, found = time.time() + timeout, {}
    while time.time() < deadline and len(found) < len(names):
        assert proc.poll() is None, "journal-ingest serve exited"
        for name in names:
            try:
                found[name] = client.read_deployment_by_name(name)
            except Exception:  # not registered yet
                pass
        time.sleep(0.5)
    assert len(found) == len(names), f"deployments not registered: {set(names) - set(found)}"
    return found


def _wait_final(client, run_ids: list, timeout: float = 300.0) -> dict:
    import time

    deadline, runs = time.time() + timeout, {}
    while time.time() < deadline:
        runs = {i: client.read_flow_run(i) for i in run_ids}
        if all(r.state and r.state.is_final() for r in runs.values()):
            return runs
        time.sleep(0.5)
    raise AssertionError(f"runs not finished: {[(r.name, r.state and r.state.name) for r in runs.values()]}")


def _logs(client, run_id) -> str:
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[run_id])))
    return "\n".join(log.message for log in logs)


def _artifact(client, key: str, run_id) -> str:
    """The artifact `key` of one flow run (other tests' runs on the shared server use the same keys)."""
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    found = client.read_artifacts(artifact_filter=ArtifactFilter(
        key=ArtifactFilterKey(any_=[key]), flow_run_id=ArtifactFilterFlowRunId(any_=[run_id])))
    assert found, f"no artifact {key} on run {run_id}"
    return str(found[0].data)


def test_served_deployments_write_every_output(prefect_server, tmp_path):
    """`journal-ingest serve` against a real Prefect server: the inbox and an on-demand ingest,
    started through the API, write every output (report.html included); warnings (here an
    offline link check: the served process's proxy is a closed local port, so nothing leaves
    the machine) reach the run's log and an artifact; the nightly re-check, offline, rewrites
    report.html with the verdicts and ends Failed, saying why."""
    import os
    import shutil
    import signal
    import subprocess
    import sys

    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    cfg = tmp_path / "journal.toml"
    cfg.write_text(JOURNAL.read_text(encoding="utf-8") + '\n[orchestration]\ninbox = "inbox"\nout = "out"\n'
                   "settle_seconds = 0\nlinks = false\nmax_workers = 2\n", encoding="utf-8")
    (tmp_path / "inbox").mkdir()
    shutil.copy(FIX / "issue_cnki_continuous" / "issue.pdf", tmp_path / "inbox" / "drop.pdf")
    closed = f"http://127.0.0.1:{_free_port()}"  # nothing listens: every cited host 'fails to connect'
    # the served process has its own PREFECT_HOME: no second writer on the test server's database
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_HOME": str(tmp_path / "serve-home"),
           "PREFECT_RUNNER_POLL_FREQUENCY": "1", "HTTP_PROXY": closed, "HTTPS_PROXY": closed,
           "http_proxy": closed, "https_proxy": closed, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    log_file = tmp_path / "serve.log"
    with open(log_file, "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--journal", str(cfg)],
                                cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)}, stdout=log, stderr=subprocess.STDOUT)
    try:
        with get_client(sync_client=True) as client:
            deps = _wait_deployments(client, ["process_inbox/inbox", "ingest_issue/on-demand", "recheck_links/recheck"], proc)
            inbox_run = client.create_flow_run_from_deployment(deps["process_inbox/inbox"].id)
            ondemand_run = client.create_flow_run_from_deployment(
                deps["ingest_issue/on-demand"].id,
                parameters={"pdf": str(FIX / "issue_cnki_ttf" / "issue.pdf"), "out": str(tmp_path / "on-demand")})
            runs = _wait_final(client, [inbox_run.id, ondemand_run.id])
            assert runs[inbox_run.id].state.is_completed(), runs[inbox_run.id].state
            assert runs[ondemand_run.id].state.is_completed(), runs[ondemand_run.id].state

            inboxed = tmp_path / "out" / "2095-3453-2023-6"
            assert (tmp_path / "inbox" / "processed" / "drop.pdf").is_file()
            for issue_dir, n, links in ((inboxed, 3, False), (tmp_path / "on-demand" / "2095-3453-2023-6", 2, True)):
                record = json.loads((issue_dir / "issue.json").read_text(encoding="utf-8"))
                assert len(record["articles"]) == n
                for a in record["articles"]:
                    assert (issue_dir / "articles" / a["id"] / "article.pdf").stat().st_size > 1000
                    assert b"<article " in (issue_dir / "articles" / a["id"] / "article.xml").read_bytes()
                assert b"<doi_batch" in (issue_dir / "crossref.xml").read_bytes()
                report = (issue_dir / "report.html").read_text(encoding="utf-8")
                assert record["articles"][0]["title"]["zh"] in report
                assert ((issue_dir / "links.json").is_file() and (issue_dir / "links.txt").is_file()) == links
                assert ("no links.json" in report) != links
            # the offline link check of the on-demand run: in its log and its warnings artifact
            assert "looks offline" in _logs(client, ondemand_run.id)
            assert "looks offline" in _artifact(client, "warnings-2095-3453-2023-6", ondemand_run.id)
            assert "1 processed, 0 failed" in _artifact(client, "inbox-summary", inbox_run.id)

            # the nightly re-check (run now), offline: report.html shows the verdicts, the run fails
            recheck = client.create_flow_run_from_deployment(deps["recheck_links/recheck"].id)
            state = _wait_final(client, [recheck.id])[recheck.id].state
            assert state.is_failed() and "offline" in state.message, state
            report = (inboxed / "report.html").read_text(encoding="utf-8")
            assert "no links.json" not in report and "with an archived copy; checked" in report
            assert "looks offline" in _artifact(client, "recheck-links-warnings", recheck.id)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
    served = log_file.read_text(encoding="utf-8", errors="replace")
    assert "is not a package" not in served and "report.html not written" not in served, served[-3000:]
