"""The real program under a pseudo-terminal: its place survives SIGTERM and kill -9."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e  # a real terminal, or processes of its own

READY = b"Amazon invests"  # drawn in the header once the app is up


class Terminal:
    """`python -m reader` running in a pseudo-terminal of 100x30."""

    def __init__(self, data_home: Path) -> None:
        env = {**os.environ, "XDG_DATA_HOME": str(data_home), "TERM": "xterm-256color"}
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.execvpe(sys.executable, [sys.executable, "-m", "reader"], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.output = b""

    def wait_for(self, needle: bytes, timeout: float = 20, since: int = 0) -> bool:
        """Whether `needle` is drawn (after the first `since` bytes) within `timeout`."""
        deadline = time.monotonic() + timeout
        while needle not in self.output[since:] and time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                try:
                    self.output += os.read(self.fd, 65536)
                except OSError:
                    break
        return needle in self.output[since:]

    def keys(self, *keys: bytes) -> None:
        for key in keys:
            os.write(self.fd, key)
            time.sleep(0.05)

    def stop(self, signum: int) -> int:
        os.kill(self.pid, signum)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            self.wait_for(b"\x00never", timeout=0.1)  # keep draining the terminal
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return status
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        raise AssertionError("reader did not stop")


@pytest.mark.parametrize(
    ("signum", "settle", "presses", "status", "section"),
    [
        # SIGTERM at once, within the 0.5 s save delay: the signal handler saves.
        (signal.SIGTERM, 0, 3, b"52%", b"Implications for the AI Ecosystem"),
        (signal.SIGHUP, 0, 4, b"57%", b"1. Advancements in Natural Language Processing"),
        # kill -9 cannot be caught: what scrolling saved once it settled is kept.
        (signal.SIGKILL, 1.2, 5, b"65%", b"2. AI Generalization"),
    ],
)
def test_a_stopped_reader_resumes_where_it_was(
    tmp_path: Path, signum: int, settle: float, presses: int, status: bytes, section: bytes
) -> None:
    first = Terminal(tmp_path)
    assert first.wait_for(READY)
    time.sleep(0.3)
    shown = len(first.output)
    first.keys(*([b"]"] * presses))
    # The status line's percent for that section: the reader's move is taken in.
    assert first.wait_for(status, since=shown), "the last jump never reached the status line"
    time.sleep(settle)  # for SIGKILL: past the save delay
    first.stop(signum)
    second = Terminal(tmp_path)
    try:
        assert second.wait_for(b"Resumed at " + section[:15]), second.output[-2000:]  # may wrap
    finally:
        second.stop(signal.SIGTERM)


def test_closing_the_terminal_during_start_up_always_ends_reader(tmp_path: Path) -> None:
    """The terminal gone (its master closed, then SIGHUP) right after the first paint:
    Textual's shutdown used to block writing to it, leaving a process with no terminal."""
    stuck = 0
    for attempt in range(5):
        term = Terminal(tmp_path)
        assert term.wait_for(READY)
        time.sleep(0.02 * attempt)
        os.close(term.fd)
        os.kill(term.pid, signal.SIGHUP)
        if not ended(term.pid, within=10):
            stuck += 1
            os.kill(term.pid, signal.SIGKILL)
            os.waitpid(term.pid, 0)
    assert stuck == 0, f"{stuck} of 5 were left running"


def ended(pid: int, within: float) -> bool:
    """Whether the process ends (and is reaped) within `within` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if os.waitpid(pid, os.WNOHANG)[0]:
            return True
        time.sleep(0.05)
    return False
