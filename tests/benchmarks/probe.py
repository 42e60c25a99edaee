"""`reader FILE`, exactly as a user runs it, reporting a few events to the benchmark.

Run as `python tests/benchmarks/probe.py FILE` with BENCHMARK_EVENTS_FD naming
the write end of a pipe. Lines written to it, times from `time.monotonic()`
(system-wide on Linux, so they compare with the parent's clock):

    loaded <time> <sections>   ReadingScreen.Loaded: the whole article is shown
    passage <block> <time>     ContentView.PassageChanged: the block being read
    stall <seconds>            the longest the event loop was late, from the first
                               frame to Loaded (only when Loaded comes after it)
    found <time>               a search showed its first match (or that there is none)

`reader.cli.main` runs unchanged: it imports the app (and Textual) only after
its own start-up work, so the probe swaps in its subclass of ReaderApp as
`reader.app` is imported, not before. The subclass adds handlers under new
names (with `@on`), so the app's own handlers still run, and it stops nothing.
"""

from __future__ import annotations

import asyncio
import importlib.abc
import importlib.util
import os
import sys
import time
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

from reader.cli import main

EVENTS_FD_VARIABLE = "BENCHMARK_EVENTS_FD"  # the same name as in terminal.py
TICK = 0.01  # seconds between the stall watcher's wake-ups


def probe_app(base: Any) -> Any:
    """A subclass of `base` (reader.app.ReaderApp) that reports to the events pipe."""
    from textual import events, on

    from reader.widgets import ContentView
    from reader.widgets.reading_screen import ReadingScreen
    from reader.widgets.search_panel import SearchPanel

    found_first = SearchPanel._found_first

    def report_found(panel: Any, pattern: Any, first: Any) -> None:
        """The search panel showed a first match (or that there is none)."""
        found_first(panel, pattern, first)
        if pattern is panel._pattern:
            panel.app._probe_report("found", time.monotonic())

    SearchPanel._found_first = report_found  # type: ignore[method-assign]

    class ProbeApp(base):  # type: ignore[misc, valid-type]
        """The reader app, reporting Loaded, passage changes and event-loop stalls."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._probe_fd = int(os.environ[EVENTS_FD_VARIABLE])
            self._probe_loaded = False
            self._probe_watcher: asyncio.Task[None] | None = None

        def _probe_report(self, *fields: object) -> None:
            os.write(self._probe_fd, (" ".join(map(str, fields)) + "\n").encode())

        @on(events.Mount)
        def _probe_mounted(self) -> None:
            # Runs before the app's on_mount: this callback comes before the background parse.
            self.call_after_refresh(self._probe_watch_stalls)

        @on(ReadingScreen.Loaded)
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

    return ProbeApp


class _ProbeOnImport(importlib.abc.MetaPathFinder):
    """Finds `reader.app` as usual and, once it has run, swaps in the probe's subclass."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != "reader.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        run_module = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run_module(module)
            module.ReaderApp = probe_app(module.ReaderApp)  # type: ignore[attr-defined]

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if __name__ == "__main__":
    sys.meta_path.insert(0, _ProbeOnImport())
    sys.exit(main(sys.argv[1:]))
