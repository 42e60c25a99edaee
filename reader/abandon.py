"""Calls that may block for good, made from a worker that must stay stoppable.

A read can block for good: a hung network mount, or a device put where a
file was. Textual's thread workers run in asyncio's executor, which Python
waits for at exit, so a worker stuck in such a read would keep the process
alive with no terminal. `abandonable` makes the blocking call in a daemon
thread and waits for it from the worker, giving up as soon as the worker is
cancelled (every worker is, when the app exits).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
POLL_SECONDS = 0.05


def abandonable(
    call: Callable[[], T], cancelled: Callable[[], bool], seconds: float | None = None
) -> T:
    """`call()`'s result (or its exception); InterruptedError once `cancelled()` says so,
    TimeoutError once `seconds` have passed."""
    outcome: list[tuple[bool, object]] = []

    def run() -> None:
        try:
            outcome.append((True, call()))
        except BaseException as error:  # handed to the waiting thread
            outcome.append((False, error))

    thread = threading.Thread(target=run, name="reader-read", daemon=True)
    thread.start()
    deadline = None if seconds is None else time.monotonic() + seconds
    while thread.is_alive():
        thread.join(POLL_SECONDS)
        if thread.is_alive() and cancelled():
            raise InterruptedError
        if thread.is_alive() and deadline is not None and time.monotonic() > deadline:
            raise TimeoutError
    succeeded, value = outcome[0]
    if not succeeded:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]
