"""Shared fixtures: every test gets its own data directories and no animations."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ["TEXTUAL_ANIMATIONS"] = "none"

from reader.app import ReaderApp
from reader.source import Source, load

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "articles" / "amazon-invests-4b-in-anthropic.txt"
# A 20-paragraph news article (the stand-in bundled before the real one): the tests that
# quote, edit and re-find passages work on its text, which no release changes.
NEWS = ROOT / "tests" / "samples" / "news-article.txt"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user directory at the test's own temporary folder."""
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / variable.lower()
        folder.mkdir()
        monkeypatch.setenv(variable, str(folder))
    return tmp_path


@pytest.fixture(autouse=True)
def recorded_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every notification an app shows, for `helpers.messages` (toasts expire)."""
    from helpers import NOTICES
    from textual.app import App

    notify = App.notify

    def recording(app: App[Any], message: str, **options: Any) -> None:
        NOTICES.setdefault(app, []).append(message)
        notify(app, message, **options)

    monkeypatch.setattr(App, "notify", recording)


@pytest.fixture
def bundled_app() -> ReaderApp:
    return ReaderApp(load(None))


@pytest.fixture
def make_app() -> Callable[..., ReaderApp]:
    def make(text: str, kind: str = "plain", name: str = "article.txt") -> ReaderApp:
        return ReaderApp(Source(text, name, kind))  # type: ignore[arg-type]

    return make


class SmallDisk:
    """A 1 MB file system of its own (tmpfs), to fill up or make read-only."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._filler = folder / "filler"

    def fill(self) -> None:
        """Write until the disk is full (ENOSPC)."""
        with self._filler.open("ab", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 4096)
            except OSError as error:
                assert error.errno == errno.ENOSPC

    def free(self) -> None:
        self._filler.unlink()

    def make_read_only(self) -> None:
        _mount("-o", "remount,ro", str(self.folder))


def _mount(*args: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A small disk of the test's own; skipped where mounting is not allowed."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(folder)):
        pytest.skip("a disk that fills up needs root with CAP_SYS_ADMIN (mount -t tmpfs)")
    try:
        yield SmallDisk(folder)
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def deadline() -> Iterator[Callable[[float], None]]:
    """`deadline(seconds)`: past it, the test fails with TimeoutError instead of hanging.

    For tests of hangs: SIGALRM interrupts the Python code running on the main thread.
    """
    import signal

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError("the deadline passed: this would have hung")

    previous = signal.signal(signal.SIGALRM, expired)
    yield lambda seconds: signal.setitimer(signal.ITIMER_REAL, seconds)
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)
