"""cli.main builds only the parser of the command it runs (its module's imports only): the
command's help, usage and errors are those of the full parser."""
from __future__ import annotations

import sys

import pytest

from cli import main as console


def _out(parser, argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        parser.parse_args(argv)
    got = capsys.readouterr()
    return stop.value.code, got.out, got.err


@pytest.mark.parametrize("name", [n for n in console.COMMANDS if n != "schemas_cmd"])
@pytest.mark.parametrize("rest", [["--help"], ["--no-such-option"]])
def test_one_command_parser_says_what_the_full_one_says(name: str, rest: list[str],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert _out(console.build_parser(name), [name, *rest], capsys) == _out(console.build_parser(), [name, *rest], capsys)


def test_only_that_command_module_is_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in console.COMMANDS:
        monkeypatch.delitem(sys.modules, f"cli.{name}", raising=False)
    console.build_parser("ingest")
    assert "cli.ingest" in sys.modules and "cli.schemas_cmd" not in sys.modules and "cli.review" not in sys.modules


def test_any_other_first_word_gets_every_command() -> None:
    for word in (None, "-v", "schemas", "ingset"):
        choices = console.build_parser(word)._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        assert {"ingest", "schemas", "deposits", "review"} <= set(choices)
