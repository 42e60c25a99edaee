"""The model, the parsers, the store and the command line's subcommands load no UI.

`reader recent`, `reader export` and the like (and anything that reads an article
without showing it) must not pay for importing Textual or Rich. Each module is
imported in a fresh interpreter, so nothing imported by the tests counts.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

UI_PACKAGES = ("textual", "rich")
pytestmark = pytest.mark.e2e  # a real terminal, or processes of its own

HEADLESS_MODULES = [
    "reader.document",
    "reader.parsers",
    "reader.parsers.markdown",
    "reader.parsers.plaintext",
    "reader.store",
    "reader.places",
    "reader.anchoring",
    "reader.search",
    "reader.source",
    "reader.export",
    "reader.outline",
    "reader.cli",
    "reader.records",
    "reader.session",
    "reader.keys",
    "reader.line_index",
]

CHECK = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
loaded = sorted({name.split(".")[0] for name in sys.modules} & set(sys.argv[2:]))
print(json.dumps(loaded))
"""


def ui_loaded_by(module: str) -> list[str]:
    """The UI packages that importing `module` alone loads."""
    result = subprocess.run(
        [sys.executable, "-c", CHECK, module, *UI_PACKAGES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("module", HEADLESS_MODULES)
def test_importing_loads_neither_textual_nor_rich(module: str) -> None:
    assert ui_loaded_by(module) == []


def test_the_check_sees_a_module_that_does_load_the_ui() -> None:
    assert ui_loaded_by("reader.app") == ["rich", "textual"]
