"""Work done in a process forked before Textual loads, its answer collected later.

A child forked at start-up works on the other core while the app starts, and
sends its answer back pickled through a pipe (`fork`), or a series of messages
(`fork_stream`). Where there is no `os.fork`, or the child fails, the caller
does the work itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import struct
import threading
from collections.abc import Callable

READ_SIZE = 1 << 16
_LENGTH = struct.Struct("<Q")  # each streamed message: its length, then its pickle
POLL = 0.1  # seconds between looks at whether a wait for a message is cancelled


class Forked:
    """A child process's answer: `answer()` collects it (blocking), `cancel()` stops it."""

    def __init__(self, pid: int, pipe: int) -> None:
        self._pid = pid
        self._pipe = pipe
        self._lock = threading.Lock()
        self._reading = False  # `answer` is reading the pipe: only it may close it
        self._done = False

    def answer(self) -> object | None:
        """The child's answer, once it has one; None if it failed (or was stopped)."""
        with self._lock:
            if self._done:
                return None
            self._reading = True
        chunks = []
        try:
            while chunk := os.read(self._pipe, READ_SIZE):
                chunks.append(chunk)
        except OSError:
            return None
        finally:
            self._reap()
        try:
            return pickle.loads(b"".join(chunks))
        except Exception:  # nothing came, or not all of it
            return None

    def ready(self, timeout: float) -> bool:
        """Whether the answer has come (waiting up to `timeout` seconds for it)."""
        with self._lock:
            if self._done:
                return False
        try:
            readable, _, _ = select.select([self._pipe], [], [], timeout)
        except (OSError, ValueError):
            return False
        return bool(readable)

    def cancel(self) -> None:
        """Stop the child. An `answer` under way then reads the end of the pipe and
        closes it itself."""
        with self._lock:
            if self._done:
                return
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            reading = self._reading
        if not reading:
            self._reap()

    def _reap(self) -> None:
        with self._lock:
            if self._done:
                return
            self._done = True
        with contextlib.suppress(OSError):
            os.close(self._pipe)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._pid, 0)


class Stream(Forked):
    """A child process's messages, in the order it sent them (`receive`)."""

    def receive(self, cancelled: Callable[[], bool]) -> object | None:
        """The next message (waiting for it); None once the child has sent all it will,
        or failed. Raises InterruptedError when `cancelled()` says so while waiting."""
        header = self._read(_LENGTH.size, cancelled)
        if header is None:
            return None
        body = self._read(_LENGTH.unpack(header)[0], cancelled)
        try:
            return None if body is None else pickle.loads(body)
        except Exception:
            return None

    def _read(self, size: int, cancelled: Callable[[], bool]) -> bytes | None:
        chunks: list[bytes] = []
        left = size
        while left:
            while not self.ready(POLL):
                if cancelled():
                    raise InterruptedError
                if self._done:
                    return None
            try:
                chunk = os.read(self._pipe, min(left, 1 << 20))
            except OSError:
                return None
            if not chunk:
                return None
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)


def fork(work: Callable[[], object]) -> Forked | None:
    """Start `work` in a child process; None where there is no fork."""
    if not hasattr(os, "fork"):
        return None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work, send, and leave without running any cleanup
        status = 1
        try:
            os.close(read_end)
            view = memoryview(pickle.dumps(work()))
            while view:
                view = view[os.write(write_end, view) :]
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return Forked(pid, read_end)


def fork_stream(work: Callable[[Callable[[object], None]], None], nice: int = 0) -> Stream | None:
    """Start `work` in a child process, at `nice` priority; it gets a function that
    sends a message (pickled). None where there is no fork."""
    if not hasattr(os, "fork"):
        return None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work, send as it goes, and leave without any cleanup
        status = 1
        try:
            os.close(read_end)
            with contextlib.suppress(OSError):
                os.nice(nice)

            def send(message: object) -> None:
                body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
                view = memoryview(_LENGTH.pack(len(body)) + body)
                while view:
                    view = view[os.write(write_end, view) :]

            work(send)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return Stream(pid, read_end)
