"""Run a program in a pseudo-terminal and watch what it draws, from outside.

`Terminal` forks a child on a new pty (a session of its own, the pty as its
controlling terminal, the window size set before exec), drains its output
continuously and keeps count of complete frames. Textual asks whether the
terminal supports synchronized output; we say yes, so that every frame ends
with END_FRAME and "the next complete frame" is the next END_FRAME received.

The child may also get the write end of a pipe (its number in an environment
variable) to report events as lines of text; `Terminal.events` collects them, each
with the number of frames received before it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import pty
import re
import resource
import select
import signal
import struct
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TypeVar

SYNC_QUERY = b"\x1b[?2026$p"  # does the terminal support synchronized output?
SYNC_ANSWER = b"\x1b[?2026;2$y"  # it does (mode reset, can be set)
END_FRAME = b"\x1b[?2026l"  # end of a synchronized update: a frame is complete
EVENTS_FD_VARIABLE = "BENCHMARK_EVENTS_FD"
TAIL_BYTES = 4096
T = TypeVar("T")
_ESCAPES = re.compile(r"\x1b(?:\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|.)")


@dataclass(frozen=True, slots=True)
class Event:
    """A line the child wrote to the events pipe: a name and its fields."""

    name: str
    fields: list[str]
    frames: int  # complete frames received before it arrived


class ChildError(RuntimeError):
    """The child died or stopped responding; the message shows its last output."""


class _Matcher:
    """Counts occurrences of a byte pattern in a stream that arrives in pieces."""

    def __init__(self, pattern: bytes) -> None:
        self.pattern = pattern
        self._carry = b""

    def feed(self, data: bytes) -> int:
        """Occurrences that end in `data` (a match may start in earlier pieces)."""
        window = self._carry + data
        self._carry = window[max(0, len(window) - len(self.pattern) + 1) :]
        return window.count(self.pattern)


class Terminal:
    """A child process on a pseudo-terminal of `size` (columns, rows).

    `watch` is text to note the first drawing of (`watch_seen_at`); with `events`
    the child gets an events pipe; with `record` all its output is kept
    (`transcript`). Every wait has a timeout; a wait that sees the child exit
    raises ChildError. Use it as a context manager: leaving kills and
    reaps the child if it is still there.
    """

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        size: tuple[int, int] = (120, 40),
        watch: str = "",
        events: bool = False,
        record: bool = False,
    ) -> None:
        self.argv = list(argv)
        self.frames = 0  # complete frames received
        self.frame_at = 0.0  # when the latest one arrived
        self.watch_seen_at: float | None = None  # when `watch` was first on screen
        self.events: list[Event] = []
        self.output_at = 0.0  # when output last arrived
        self.usage: resource.struct_rusage | None = None  # set once the child is reaped
        self.status: int | None = None
        self.quit_in_time = False  # whether quit() saw the child exit on its own
        self._tail = b""
        self.transcript: bytearray | None = bytearray() if record else None  # all output
        self._sync = _Matcher(SYNC_QUERY)
        self._end = _Matcher(END_FRAME)
        self._watch = _Matcher(watch.encode()) if watch else None
        self._events_partial = b""
        child_env = dict(env)
        read_end = write_end = -1
        if events:
            read_end, write_end = os.pipe()
            child_env[EVENTS_FD_VARIABLE] = str(write_end)
        self.started = time.monotonic()
        pid, master = pty.fork()
        if pid == 0:  # the child: never returns
            _exec(self.argv, child_env, size, write_end)
        os.set_inheritable(master, False)  # no later child should hold this pty open
        self.pid, self.master = pid, master
        self._events_fd: int | None = None
        self._pty_open = True
        self._closed = False
        if events:
            os.close(write_end)
            self._events_fd = read_end

    def __enter__(self) -> Terminal:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.kill()

    # -- input --------------------------------------------------------------

    def send(self, keys: bytes) -> float:
        """Type `keys`; returns when they were written."""
        self._require_running()
        os.write(self.master, keys)
        return time.monotonic()

    def resize(self, columns: int, rows: int) -> float:
        """Change the window size (the child gets SIGWINCH); returns when it was changed."""
        self._require_running()
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, _winsize(columns, rows))
        return time.monotonic()

    # -- waiting ------------------------------------------------------------

    def pump(self, timeout: float) -> None:
        """Wait up to `timeout` seconds for output or events and take in what came."""
        fds = [self.master] if self._pty_open else []
        if self._events_fd is not None:
            fds.append(self._events_fd)
        if not fds:
            time.sleep(max(0.0, timeout))
            return
        readable, _, _ = select.select(fds, [], [], max(0.0, timeout))
        # Events first: a frame read in the same round most likely came after them.
        if self._events_fd is not None and self._events_fd in readable:
            self._read_events()
        if self._pty_open and self.master in readable:
            self._read_pty()

    def wait_until(self, found: Callable[[], T | None], timeout: float, what: str) -> T:
        """Pump until `found()` gives something, and return that.

        ChildError if the child exits first or time runs out.
        """
        if not self._wait(lambda: found() is not None, timeout, what):
            raise self.error(f"no {what} after {timeout:g} s")
        result = found()
        assert result is not None
        return result

    def wait_watch(self, timeout: float) -> float | None:
        """When the watched text was first drawn; None if not within `timeout`."""
        if not self._wait(lambda: self.watch_seen_at is not None, timeout, "its first paint"):
            return None
        return self.watch_seen_at

    def wait_frame(self, after: int, timeout: float) -> float | None:
        """When the first frame after the `after`-th arrived; None if none within `timeout`."""
        if not self._wait(lambda: self.frames > after, timeout, "a frame"):
            return None
        return self.frame_at

    def key_to_frame(self, keys: bytes, timeout: float) -> float | None:
        """Seconds from typing `keys` to the next complete frame; None if nothing was drawn."""
        before = self.frames
        sent = self.send(keys)
        drawn = self.wait_frame(before, timeout)
        return None if drawn is None else drawn - sent

    def settle(self, quiet: float = 0.1, timeout: float = 5.0) -> None:
        """Wait until nothing has been drawn for `quiet` seconds from now (at most `timeout`)."""
        start = time.monotonic()
        deadline = start + timeout
        while self._pty_open:
            now = time.monotonic()
            last = max(self.output_at, start)
            if now >= deadline or now - last >= quiet:
                return
            self.pump(min(deadline, last + quiet) - now)

    def peak_memory(self) -> int | None:
        """The child's own peak resident set so far (VmHWM, KiB), while it runs (Linux).

        Unlike a reaped child's ru_maxrss, this is not raised by the image of the
        process that forked it (this harness, before the exec)."""
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return None
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return None

    # -- ending -------------------------------------------------------------

    def quit(self, keys: bytes, timeout: float) -> resource.struct_rusage:
        """Type `keys` that should quit, wait for the exit (SIGKILL after `timeout`).

        Returns the child's resource usage (ru_maxrss: peak RSS in KiB on Linux).
        """
        if self._pty_open:
            with contextlib.suppress(OSError):
                os.write(self.master, keys)
        deadline = time.monotonic() + timeout
        while self.usage is None and time.monotonic() < deadline:
            self.pump(0.05)
            self._reap(os.WNOHANG)
        self.quit_in_time = self.usage is not None
        return self.kill()

    def kill(self) -> resource.struct_rusage:
        """SIGKILL the child unless it has been reaped, reap it, close our ends.

        Returns its resource usage; a killed child's peak RSS is its peak until then.
        """
        if self.usage is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._reap(0)
        if not self._closed:
            os.close(self.master)
            if self._events_fd is not None:
                os.close(self._events_fd)
        self._closed = True
        self._pty_open = False
        self._events_fd = None
        assert self.usage is not None
        return self.usage

    def error(self, problem: str) -> ChildError:
        """Kill the child; an error saying what went wrong, how it ended and its last output."""
        self.kill()
        if self.status is not None and os.WIFSIGNALED(self.status):
            how = f"killed by signal {os.WTERMSIG(self.status)}"
        else:
            how = f"exit status {os.waitstatus_to_exitcode(self.status or 0)}"
        command = " ".join(self.argv[1:])
        return ChildError(
            f"{command}: {problem} ({how}); its last output:\n{self.last_output() or '(none)'}"
        )

    def last_output(self, limit: int = 1200) -> str:
        """The end of what the child wrote, escape sequences removed."""
        text = _ESCAPES.sub("", self._tail.decode("utf-8", errors="replace"))
        return text.strip()[-limit:]

    # -- internals ----------------------------------------------------------

    def _read_pty(self) -> None:
        try:
            data = os.read(self.master, 65536)
        except OSError as error:  # EIO: every slave end is closed, the child is gone
            if error.errno != errno.EIO:
                raise
            data = b""
        now = time.monotonic()
        if not data:
            self._pty_open = False
            return
        self.output_at = now
        self._tail = (self._tail + data)[-TAIL_BYTES:]
        if self.transcript is not None:
            self.transcript.extend(data)
        if self._sync.feed(data):
            os.write(self.master, SYNC_ANSWER)
        frames = self._end.feed(data)
        if frames:
            self.frames += frames
            self.frame_at = now
        if self._watch is not None and self.watch_seen_at is None and self._watch.feed(data):
            self.watch_seen_at = now

    def _read_events(self) -> None:
        assert self._events_fd is not None
        data = os.read(self._events_fd, 65536)
        if not data:
            os.close(self._events_fd)
            self._events_fd = None
            return
        *lines, self._events_partial = (self._events_partial + data).split(b"\n")
        for line in lines:
            if line.strip():
                name, *fields = line.decode().split()
                self.events.append(Event(name, fields, self.frames))

    def _reap(self, options: int) -> None:
        if self.usage is not None:
            return
        pid, status, usage = os.wait4(self.pid, options)
        if pid:
            self.status, self.usage = status, usage

    def _wait(self, done: Callable[[], bool], timeout: float, what: str) -> bool:
        """Pump until `done()` (True) or `timeout` (False); ChildError if the child exits."""
        deadline = time.monotonic() + timeout
        while not done():
            if not self._pty_open:
                raise self.error(f"exited while waiting for {what}")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self.pump(remaining)
        return True

    def _require_running(self) -> None:
        if not self._pty_open:
            raise self.error("exited")


def _winsize(columns: int, rows: int) -> bytes:
    return struct.pack("HHHH", rows, columns, 0, 0)


def _exec(argv: list[str], env: dict[str, str], size: tuple[int, int], keep_fd: int) -> None:
    """In the forked child: size the terminal, keep the events pipe open, exec."""
    try:
        fcntl.ioctl(0, termios.TIOCSWINSZ, _winsize(*size))
        if keep_fd >= 0:
            os.set_inheritable(keep_fd, True)
        os.execve(argv[0], argv, env)
    except BaseException as error:
        os.write(2, f"cannot run {argv[0]}: {error}\n".encode())
    finally:
        os._exit(127)
