"""Find a web page's article in a forked process while Textual loads.

Loading trafilatura and finding the article of a large page take seconds. A child
forked before Textual is imported does it on another core while the app starts,
and sends the article back; the app shows "Reading the page…" until then. Where
there is no `os.fork`, or the child fails, the app finds the article itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

from reader.opening import open_path
from reader.source import ArticleError, Source

READ_SIZE = 1 << 16


@dataclass(frozen=True, slots=True)
class PageFound:
    """What the child found: the article, or why there is none."""

    source: Source | None
    problem: str = ""


class PageAhead:
    """A page whose article a child process is finding; `found()` collects it."""

    def __init__(self, pid: int, pipe: int, path: Path) -> None:
        self.path = path
        self._pid = pid
        self._pipe = pipe
        self._lock = threading.Lock()
        self._reading = False  # `found` is reading the pipe: only it may close it
        self._done = False

    def found(self) -> PageFound | None:
        """The child's answer, once it has one (blocks); None if the child failed."""
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
            answer = pickle.loads(b"".join(chunks))
        except Exception:  # nothing came, or not all of it
            return None
        return answer if isinstance(answer, PageFound) else None

    def cancel(self) -> None:
        """Stop the child (the app is quitting, or the article is no longer wanted). A
        `found` under way then reads the end of the pipe and closes it itself."""
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


def find_ahead(path: Path) -> PageAhead | None:
    """Start finding the article of the page at `path` in a child; None where that cannot be."""
    if not hasattr(os, "fork"):
        return None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: find, send, and leave without running any cleanup
        status = 1
        try:
            os.close(read_end)
            try:
                answer = PageFound(open_path(path))
            except ArticleError as error:
                answer = PageFound(None, str(error))
            view = memoryview(pickle.dumps(answer))
            while view:
                view = view[os.write(write_end, view) :]
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return PageAhead(pid, read_end, path)
