"""`journal-ingest serve` deployments and prefect.yaml (no server needed: nothing is started)."""
from __future__ import annotations

import importlib
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
