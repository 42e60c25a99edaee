"""`reader` beside the practical limit (`less`) and a peer (frogmouth), on the same files.

    python tests/benchmarks/peers.py [--sizes 1m,5m,20m] [--shapes real,found] [--runs 3]
                                     [--frogmouth PATH | --install-frogmouth]

Each program opens each document on a 120x40 pseudo-terminal, in a fresh process
with empty user directories: the bare Textual app (the floor), `reader FILE`,
`less FILE` and, for Markdown, frogmouth (a Textual Markdown browser; it needs an
older Textual, so it lives in a virtual environment of its own:
--install-frogmouth makes one in .benchmark-venvs/, which later runs find).

- first paint: fork to the document's first paragraph drawn; past 60 s, "> 60 s";
- peak RSS: the process's own VmHWM once it holds the whole document: reader
  (run through probe.py, which says so) once it has parsed it, the others once
  they have drawn nothing new for a second (frogmouth has then mounted it); at
  the kill for one past the limit.

Figures are medians of --runs; one Markdown table goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from corpus import NEEDLE, ROOT, Article, write_corpus
from run import LOADED_TIMEOUT, SCREEN, Environments, progress
from terminal import Terminal

LIMIT = 60.0  # seconds a program gets to draw the first paragraph
QUIET = 1.0  # seconds with nothing drawn before the peak RSS is read
REST_TIMEOUT = 120.0  # seconds to wait for that quiet
QUIT_TIMEOUT = 10.0
VENVS = ROOT / ".benchmark-venvs"
FROGMOUTH = VENVS / "frogmouth" / "bin" / "frogmouth"
QUIT_KEYS = {"less": b"q", "frogmouth": b"\x11"}  # ctrl+q quits frogmouth


@dataclass(frozen=True)
class Opened:
    """One program on one document: seconds to first paint (None: over LIMIT), KiB."""

    first_paint: float | None
    rss: int | None


def open_once(name: str, argv: list[str], needle: str, envs: Environments) -> Opened:
    probed = name == "reader"
    with Terminal(argv, envs.fresh(), size=SCREEN, watch=needle, events=probed) as term:
        shown = term.wait_watch(LIMIT)
        if shown is None:
            rss = term.peak_memory()
            term.kill()
            return Opened(None, rss)
        if probed:
            term.wait_until(lambda: _loaded(term), LOADED_TIMEOUT, "Loaded")
        term.settle(QUIET, REST_TIMEOUT)
        rss = term.peak_memory()
        term.quit(QUIT_KEYS.get(name, b"q"), QUIT_TIMEOUT)
        return Opened(shown - term.started, rss)


def _loaded(term: Terminal) -> bool | None:
    return any(event.name == "loaded" for event in term.events) or None


def median_of(runs: list[Opened]) -> Opened:
    paints = [run.first_paint for run in runs]
    rss = [run.rss for run in runs if run.rss is not None]
    paint = None if None in paints else statistics.median(p for p in paints if p is not None)
    return Opened(paint, int(statistics.median(rss)) if rss else None)


def programs(article: Article, frogmouth: Path | None) -> dict[str, list[str]]:
    probe = Path(__file__).parent / "probe.py"  # `reader FILE`, saying when it is loaded
    chosen = {"reader": [sys.executable, str(probe), str(article.path)]}
    less = shutil.which("less")
    if less:
        chosen["less"] = [less, str(article.path)]
    if frogmouth is not None and article.is_markdown:
        chosen["frogmouth"] = [str(frogmouth), str(article.path)]
    return chosen


def install_frogmouth() -> Path:
    venv = FROGMOUTH.parent.parent
    progress(f"installing frogmouth in {venv}")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "frogmouth"], check=True)
    return FROGMOUTH


def _ms(seconds: float | None) -> str:
    return f"> {LIMIT:g} s" if seconds is None else f"{seconds * 1000:,.0f} ms"


def _mb(kib: int | None) -> str:
    return "—" if kib is None else f"{kib / 1024:,.0f} MB"


def _ratio(a: float | None, b: float | None, over: bool = False) -> str:
    if b is None or not b:
        return "—"
    if a is None:
        return f"> {LIMIT / b:.0f}×" if over else "—"
    return f"{a / b:.2f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1m,5m,20m", help="from 1m,5m,20m,50m")
    parser.add_argument("--shapes", default="real,found", help="real and/or found")
    parser.add_argument("--runs", type=int, default=3, help="processes per figure (median)")
    parser.add_argument("--frogmouth", type=Path, help="frogmouth's command")
    parser.add_argument("--install-frogmouth", action="store_true", help="install it first")
    options = parser.parse_args()
    frogmouth = options.frogmouth or (FROGMOUTH if FROGMOUTH.exists() else None)
    if options.install_frogmouth:
        frogmouth = install_frogmouth()
    scratch = Path(tempfile.mkdtemp(prefix="reader-peers-"))
    try:
        envs = Environments(scratch)
        folder = scratch / "articles"
        folder.mkdir()
        shapes = tuple(options.shapes.split(","))
        articles = [
            article
            for article in write_corpus(folder, options.sizes.split(","), shapes)
            if article.kind != "bundled"
        ]
        floor_argv = [sys.executable, str(Path(__file__).parent / "floor.py"), f"{NEEDLE} (floor)"]
        floor = median_of(
            [open_once("floor", floor_argv, NEEDLE, envs) for _ in range(options.runs)]
        )
        progress(f"floor: first paint {_ms(floor.first_paint)}, peak RSS {_mb(floor.rss)}")
        rows = []
        for article in articles:
            figures: dict[str, Opened] = {}
            for name, argv in programs(article, frogmouth).items():
                runs = [open_once(name, argv, article.needle, envs)]
                if runs[0].first_paint is not None:  # (past LIMIT once is enough)
                    runs += [
                        open_once(name, argv, article.needle, envs) for _ in range(options.runs - 1)
                    ]
                figures[name] = median_of(runs)
                progress(
                    f"{name}, {article.label}: first paint {_ms(figures[name].first_paint)}, "
                    f"peak RSS {_mb(figures[name].rss)}"
                )
            rows.append((article, figures))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    _print_table(floor, rows, frogmouth is not None)


def _print_table(floor: Opened, rows: list[tuple[Article, dict[str, Opened]]], frog: bool) -> None:
    names = ["reader", "less", *(["frogmouth"] if frog else [])]
    header = ["document", *(f"{name} first paint" for name in names), "reader ÷ floor"]
    header += [*(f"{name} peak RSS" for name in names)]
    if frog:
        header += ["frogmouth ÷ reader, first paint", "frogmouth ÷ reader, RSS"]
    print(f"floor (bare Textual app): first paint {_ms(floor.first_paint)}, {_mb(floor.rss)}")
    print()
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    none = Opened(None, None)
    for article, figures in rows:
        ours = figures["reader"]
        cells = [article.label]
        cells += [_ms(figures[n].first_paint) if n in figures else "—" for n in names]
        cells.append(_ratio(ours.first_paint, floor.first_paint))
        cells += [_mb(figures[n].rss) if n in figures else "—" for n in names]
        if frog:
            theirs = figures.get("frogmouth", none)
            known = "frogmouth" in figures
            paint = _ratio(theirs.first_paint, ours.first_paint, over=True) if known else "—"
            rss = theirs.rss / ours.rss if known and theirs.rss and ours.rss else None
            cells += [paint, "—" if rss is None else f"{rss:.2f}×"]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
