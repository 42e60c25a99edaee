"""The README's quick start is what CI runs, word for word."""

from __future__ import annotations

import re

from conftest import ROOT


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_the_quick_start_has_two_commands_and_ci_runs_the_second_verbatim() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2
    install, test = commands
    assert install.startswith("python3 -m venv .venv && ") and install.endswith(".venv/bin/reader")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci
