"""`reader FILE`, exactly as a user runs it, reporting a few events to the benchmark.

Run as `python tests/benchmarks/probe.py FILE` with BENCHMARK_EVENTS_FD naming
the write end of a pipe. Lines written to it, times from `time.monotonic()`
(system-wide on Linux, so they compare with the parent's clock):

    loaded <time> <sections>   ReaderApp.Loaded: the whole article is shown
    passage <block> <time>     ContentView.PassageChanged: the block being read
    stall <seconds>            the longest the event loop was late, from the first
                               frame to Loaded (only when Loaded comes after it)

The probe adds handlers under new names (with `@on`), so the app's own
handlers still run, and it stops nothing.
"""

from __future__ import annotations

import gc

# `reader` turns the collector off before it imports the app (see reader.cli.main);
# the probe imports the app first, to subclass it, so it does the same here.
gc.disable()

import asyncio  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

from textual import events, on  # noqa: E402

import reader.app  # noqa: E402
from reader.cli import main  # noqa: E402
from reader.source import Source  # noqa: E402
from reader.widgets import ContentView  # noqa: E402

EVENTS_FD_VARIABLE = "BENCHMARK_EVENTS_FD"  # the same name as in terminal.py
TICK = 0.01  # seconds between the stall watcher's wake-ups


class ProbeApp(reader.app.ReaderApp):
    """The reader app, reporting Loaded, passage changes and event-loop stalls."""

    def __init__(self, source: Source) -> None:
        super().__init__(source)
        self._probe_fd = int(os.environ[EVENTS_FD_VARIABLE])
        self._probe_loaded = False
        self._probe_watcher: asyncio.Task[None] | None = None

    def _probe_report(self, *fields: object) -> None:
        os.write(self._probe_fd, (" ".join(map(str, fields)) + "\n").encode())

    @on(events.Mount)
    def _probe_mounted(self) -> None:
        # Runs before the app's on_mount, so this callback comes before the background parse.
        self.call_after_refresh(self._probe_watch_stalls)

    @on(reader.app.ReaderApp.Loaded)
    def _probe_article_loaded(self) -> None:
        sections = len(self.document.sections) if self.document is not None else 0
        self._probe_report("loaded", time.monotonic(), sections)
        self._probe_loaded = True

    @on(ContentView.PassageChanged)
    def _probe_passage_changed(self, event: ContentView.PassageChanged) -> None:
        self._probe_report("passage", event.block, time.monotonic())

    def _probe_watch_stalls(self) -> None:
        if not self._probe_loaded:  # a short article is whole at once: nothing to watch
            self._probe_watcher = asyncio.create_task(self._probe_stalls())

    async def _probe_stalls(self) -> None:
        """Sleep TICK at a time until Loaded, keeping the worst lateness of a wake-up."""
        worst = 0.0
        while not self._probe_loaded:
            expected = time.monotonic() + TICK
            await asyncio.sleep(TICK)
            worst = max(worst, time.monotonic() - expected)
        self._probe_report("stall", worst)


if __name__ == "__main__":
    reader.app.ReaderApp = ProbeApp  # type: ignore[misc]  # cli imports it from here
    sys.exit(main(sys.argv[1:]))
