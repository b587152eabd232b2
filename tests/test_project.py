"""Project-level promises: the README's two set-up commands, CI running the same test command, lint clean."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from loaders import cli
from tests.conftest import PROJECT

README = (PROJECT / "README.md").read_text(encoding="utf-8")


def _setup_commands() -> list[str]:
    top = README.split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", top, flags=re.DOTALL)


def test_readme_starts_with_exactly_two_setup_commands():
    commands = _setup_commands()
    assert len(commands) == 2
    assert commands[0].endswith("voortgang serve") and "pip install -e ." in commands[0]
    assert commands[1].endswith("python -m pytest") and 'pip install -e ".[dev]"' in commands[1]


def test_ci_runs_the_readme_test_command():
    assert _setup_commands()[1] in (PROJECT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["extract", "load", "serve"])
def test_every_contract_command_is_documented_and_has_help(command, capsys):
    assert f"voortgang {command}" in README
    with pytest.raises(SystemExit) as stopped:
        cli.main([command, "--help"])
    assert stopped.value.code == 0 and "usage: voortgang" in capsys.readouterr().out


def test_ruff_finds_nothing():
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", str(PROJECT)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
