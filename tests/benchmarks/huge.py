"""A 100 MB text: first paint and quitting while it loads, beside the floor and `less`.

Run as `python tests/benchmarks/huge.py [--mb 100] [--runs 3]`. Writes a real-shaped
text (`real_shaped.real_text`: Unicode prose, dense headings, CRLF) of that size and
opens it on a 120x40 pseudo-terminal:

- first paint: fork to the first paragraph drawn, for the bare Textual app (the
  floor), `reader` and `less` (the practical limit), median of the runs;
- quit: `q` typed at several moments after the first paint, while the rest of the
  file is read and parsed, to the process's exit (target: 0.5 s).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from corpus import NEEDLE
from real_shaped import real_text
from run import SCREEN, Environments, run_floor
from terminal import Terminal

QUIT_AFTER = (0.1, 0.5, 1.0, 2.0, 4.0)  # seconds after the first paint that q is typed
PAINT_TIMEOUT = 30.0
QUIT_TIMEOUT = 30.0


def first_paint(argv: list[str], envs: Environments) -> float:
    """Seconds from fork to the needle drawn; the program is then quit (or killed)."""
    with Terminal(argv, envs.fresh(), size=SCREEN, watch=NEEDLE) as term:
        shown = term.wait_watch(PAINT_TIMEOUT)
        if shown is None:
            raise term.error(f"the first paragraph was not drawn within {PAINT_TIMEOUT:g} s")
        term.quit(b"q", QUIT_TIMEOUT)
        return shown - term.started


def quit_time(argv: list[str], envs: Environments, after: float) -> float:
    """Seconds from `q` (typed `after` seconds past the first paint) to the exit."""
    with Terminal(argv, envs.fresh(), size=SCREEN, watch=NEEDLE) as term:
        if term.wait_watch(PAINT_TIMEOUT) is None:
            raise term.error("the first paragraph was not drawn")
        term.pump(after)
        typed = time.monotonic()
        term.quit(b"q", QUIT_TIMEOUT)
        if not term.quit_in_time:
            return float("inf")
        return time.monotonic() - typed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, default=100, help="size of the text in MB")
    parser.add_argument("--runs", type=int, default=3, help="processes per figure (median)")
    options = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="reader-huge-"))
    try:
        path = scratch / f"real-shaped-{options.mb}m.txt"
        path.write_bytes(real_text(options.mb * 1024**2, 1).encode())
        envs = Environments(scratch)
        less = shutil.which("less")
        programs = {
            "reader": [sys.executable, "-m", "reader", str(path)],
            "less": [less, str(path)] if less else None,
        }
        floor = statistics.median(run_floor(envs).first_paint or 0.0 for _ in range(options.runs))
        print(f"{options.mb} MB real-shaped text, 120x40, median of {options.runs}")
        print(f"floor (bare Textual app): first paint {floor * 1000:.0f} ms")
        for name, argv in programs.items():
            if argv is None:
                print(f"{name}: not installed")
                continue
            paint = statistics.median(first_paint(argv, envs) for _ in range(options.runs))
            print(f"{name}: first paint {paint * 1000:.0f} ms ({paint / floor:.2f}x the floor)")
        argv = programs["reader"]
        assert argv is not None
        for after in QUIT_AFTER:
            times = [quit_time(argv, envs, after) for _ in range(options.runs)]
            shown = ", ".join(f"{t * 1000:.0f}" for t in times)
            print(f"reader: q {after:g} s after the first paint, to exit: {shown} ms")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
