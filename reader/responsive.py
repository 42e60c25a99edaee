"""Keep the UI responsive while worker threads compute.

A busy thread holds the interpreter lock for the switch interval whenever the
UI thread wants it (5 ms by default, many times per frame). While any thread
is inside `handing_over()`, the interval is much shorter, so keys and frames
wait less; the interval is process-wide, so it is restored when the last one
leaves.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

BUSY_SWITCH_INTERVAL = 0.0005  # seconds a worker may keep the interpreter lock

_lock = threading.Lock()
_busy = 0
_saved = sys.getswitchinterval()


@contextmanager
def handing_over() -> Iterator[None]:
    """Shorten the switch interval while the calling thread works."""
    global _busy, _saved
    with _lock:
        if _busy == 0:
            _saved = sys.getswitchinterval()
            sys.setswitchinterval(BUSY_SWITCH_INTERVAL)
        _busy += 1
    try:
        yield
    finally:
        with _lock:
            _busy -= 1
            if _busy == 0:
                sys.setswitchinterval(_saved)
