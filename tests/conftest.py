"""Shared fixtures: every test gets its own data directories and no animations."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ["TEXTUAL_ANIMATIONS"] = "none"

from reader.app import ReaderApp
from reader.source import Source, load

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "articles" / "amazon-invests-4b-in-anthropic.txt"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user directory at the test's own temporary folder."""
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / variable.lower()
        folder.mkdir()
        monkeypatch.setenv(variable, str(folder))
    return tmp_path


@pytest.fixture
def bundled_app() -> ReaderApp:
    return ReaderApp(load(None))


@pytest.fixture
def make_app() -> Callable[..., ReaderApp]:
    def make(text: str, kind: str = "plain", name: str = "article.txt") -> ReaderApp:
        return ReaderApp(Source(text, name, kind))  # type: ignore[arg-type]

    return make
