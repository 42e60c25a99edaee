"""Benchmark `reader` against a bare Textual app, Textual's MarkdownViewer and markdown-it.

    python tests/benchmarks/run.py [--runs N] [--sizes 5k,250k,1m,5m,20m,50m]
                                   [--shapes generated,real,found] [--no-peer]
                                   [--quick | --smoke] [--keep DIR]

Generates the documents (corpus.py: ASCII, sparse headings; real_shaped.py: Unicode,
dense headings, long code, HTML comments, CRLF; found.py: real documents on this
machine, on request), runs every program in a fresh process
on a 120x40 pseudo-terminal (see terminal.py) and prints one Markdown table to
stdout, then how the figures compare with the targets. Progress goes to stderr.
Each figure is the median over --runs processes. Timings are reported, never judged:
the exit status is 0 whenever the benchmark itself worked.

One process of ours (probe.py: `reader FILE` reporting events) goes through:
first paint (fork to the first paragraph on screen); for articles parsed in the
background, `j` / `k` every 50 ms until Loaded, each timed key to frame (the
worst is reported); Loaded ("tree complete", from fork); up to 5 `]`; a resize
to 90 columns and back, checking the passage being read stays; `G` three times
(each followed by `g`); up to 5 page-downs from the top; `/` and a word typed
a letter at a time, each timed from the key to the frame showing its first
match; `q`, and the peak RSS (the process's own VmHWM, read just before). Every
timed key waits first for the screen to be still.
"""

from __future__ import annotations

import argparse
import compileall
import itertools
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from corpus import NEEDLE, ROOT, SHAPES, SIZES, Article, size_label, write_corpus
from terminal import ChildError, Event, Terminal

from reader.parsers import PREVIEW_CHARS  # longer articles load in the background

HERE = Path(__file__).resolve().parent
SCREEN = (120, 40)
NARROW = (90, 40)
PAGE_DOWN = b"\x1b[6~"
SECTION_JUMPS = 5
END_JUMPS = 3
PAGE_DOWNS = 5
SEARCH_WORD = b"lantern"  # typed a letter at a time after `/`
KEY_TARGET = 0.05  # seconds from a key (a search letter too) to its frame
ESCAPE_WAIT = 0.3  # seconds after a lone escape before the next key
KEY_INTERVAL = 0.05  # seconds between keys while the article loads
PAINT_TIMEOUT = 60.0
LOADED_TIMEOUT = 300.0
KEY_TIMEOUT = 10.0
FOUND_TIMEOUT = 60.0  # a word in no block is "found" once every block is searched
NO_REDRAW = 1.0  # a page-down drawing nothing for this long has reached the end
QUIT_TIMEOUT = 15.0
DEFAULT_SIZES = "5k,250k,1m,5m"  # 20m and 50m on request: minutes per run
DEFAULT_SHAPES = "generated,real"  # found documents on request
PEER_LIMIT = 60.0  # MarkdownViewer gets this long to show the article
PEER_QUIT = 5.0
MARKDOWN_IT_TIMEOUT = 300.0
MARKDOWN_IT = """\
import sys, time
from markdown_it import MarkdownIt
text = open(sys.argv[1], encoding="utf-8").read()
parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
start = time.perf_counter()
parser.parse(text)
print(time.perf_counter() - start)
"""


@dataclass(frozen=True, slots=True)
class OursRun:
    """One process of ours: seconds, except rss (KiB)."""

    first_paint: float
    tree_complete: float
    next_section: float | None  # median over the presses
    end: float
    page_down: float
    search: float  # the slowest letter of SEARCH_WORD, to the frame showing its match
    loading_worst: float | None  # None: loaded before the first paint, no keys sent
    stall: float | None
    resize: tuple[float, float]  # 120→90 columns, then back
    passage_kept: bool
    rss: int


@dataclass(frozen=True, slots=True)
class AppRun:
    """A floor or MarkdownViewer process.

    Seconds to the first paint (None: over PEER_LIMIT) and peak RSS in KiB, a lower
    bound when the process was killed before it quit (`cut_short`).
    """

    first_paint: float | None
    rss: int
    cut_short: bool


@dataclass(slots=True)
class Row:
    """Everything measured for one document."""

    article: Article
    ours: list[OursRun]
    peer: list[AppRun]
    markdown_it: list[float]


# -- the processes -------------------------------------------------------------


class Environments:
    """Environment variables for each fresh process: real terminal defaults, empty user dirs."""

    def __init__(self, scratch: Path) -> None:
        self._scratch = scratch
        self._count = itertools.count()
        base = {
            name: value
            for name, value in os.environ.items()
            # COLUMNS and LINES would override the pty's size, and resizing with it.
            if not name.startswith("TEXTUAL_") and name not in ("COLUMNS", "LINES", "TERM_PROGRAM")
        }
        base.update(TERM="xterm-256color", COLORTERM="truecolor")
        path = os.pathsep.join(filter(None, [str(ROOT), base.get("PYTHONPATH")]))
        base["PYTHONPATH"] = path  # the working tree's reader, whatever is installed
        self._base = base

    def fresh(self) -> dict[str, str]:
        home = self._scratch / f"process-{next(self._count)}"
        env = dict(self._base)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            folder = home / name.lower()
            folder.mkdir(parents=True)
            env[name] = str(folder)
        return env


def run_floor(envs: Environments) -> AppRun:
    """The bare Textual app: first paint and peak RSS."""
    argv = [sys.executable, str(HERE / "floor.py"), f"{NEEDLE} (floor)"]
    with Terminal(argv, envs.fresh(), size=SCREEN, watch=NEEDLE) as term:
        painted = _first_paint(term, PAINT_TIMEOUT)
        term.settle()
        peak = _quit(term)
    return AppRun(painted, peak, cut_short=not term.quit_in_time)


def run_peer(article: Article, envs: Environments) -> AppRun:
    """MarkdownViewer: until the first paragraph shows (None past PEER_LIMIT) and peak RSS.

    It goes on mounting widgets after the first paint and is slow to quit (it unmounts
    them all), so it is killed PEER_QUIT seconds after `q`: its RSS is then a lower bound.
    """
    argv = [sys.executable, str(HERE / "peer.py"), str(article.path)]
    with Terminal(argv, envs.fresh(), size=SCREEN, watch=article.needle) as term:
        shown = term.wait_watch(PEER_LIMIT)
        if shown is None:
            return AppRun(None, term.kill().ru_maxrss, cut_short=True)
        peak = term.peak_memory()
        usage = term.quit(b"q", PEER_QUIT)
        rss = usage.ru_maxrss if peak is None else peak
        return AppRun(shown - term.started, rss, cut_short=not term.quit_in_time)


def run_ours(article: Article, envs: Environments) -> OursRun:
    """`reader FILE` through the probe: the whole interaction, in order."""
    argv = [sys.executable, str(HERE / "probe.py"), str(article.path)]
    with Terminal(argv, envs.fresh(), size=SCREEN, watch=article.needle, events=True) as term:
        first_paint = _first_paint(term, PAINT_TIMEOUT)
        loading = _keys_while_loading(term) if article.size > PREVIEW_CHARS else []
        loaded = term.wait_until(lambda: _event(term, "loaded"), LOADED_TIMEOUT, "Loaded")
        # The whole article may replace the preview only now: wait for that to be drawn.
        term.wait_frame(loaded.frames, KEY_TIMEOUT)
        loaded_at, sections = loaded.fields
        jumps = [_timed_key(term, b"]") for _ in range(min(SECTION_JUMPS, int(sections) - 1))]
        resize, kept = _resize_twice(term)
        ends = []
        for _ in range(END_JUMPS):
            ends.append(_timed_key(term, b"G"))
            _timed_key(term, b"g")
        pages = _page_downs(term)
        search = _search_as_typed(term)
        term.settle()
        stall = _event(term, "stall")
        peak = _quit(term)
    return OursRun(
        first_paint=first_paint,
        # A short article is whole before its first frame: then that frame completes it.
        tree_complete=max(float(loaded_at) - term.started, first_paint),
        next_section=statistics.median(jumps) if jumps else None,
        end=statistics.median(ends),
        page_down=statistics.median(pages),
        search=max(search),
        loading_worst=max(loading) if loading else None,
        stall=float(stall.fields[0]) if stall else None,
        resize=resize,
        passage_kept=kept,
        rss=peak,
    )


def _first_paint(term: Terminal, timeout: float) -> float:
    shown = term.wait_watch(timeout)
    if shown is None:
        raise term.error(f"the first paragraph was not drawn within {timeout:g} s")
    return shown - term.started


def _quit(term: Terminal) -> int:
    """Quit with `q`; the child's peak RSS in KiB (its own VmHWM, read just before; else
    ru_maxrss). Says so on stderr if it had to be killed."""
    peak = term.peak_memory()
    usage = term.quit(b"q", QUIT_TIMEOUT)
    if not term.quit_in_time:
        progress(f"  warning: {Path(term.argv[1]).name} did not quit within {QUIT_TIMEOUT:g} s")
    return usage.ru_maxrss if peak is None else peak


def _event(term: Terminal, name: str) -> Event | None:
    """The latest event called `name` from the probe, if any."""
    return next((event for event in reversed(term.events) if event.name == name), None)


def _timed_key(term: Terminal, key: bytes) -> float:
    """Settle, press `key`, and the seconds until the next complete frame."""
    term.settle()
    latency = term.key_to_frame(key, KEY_TIMEOUT)
    if latency is None:
        raise term.error(f"nothing drawn {KEY_TIMEOUT:g} s after {key!r}")
    return latency


def _search_as_typed(term: Terminal) -> list[float]:
    """`/`, then SEARCH_WORD a letter at a time: each letter to the frame showing its match."""
    _timed_key(term, b"/")
    latencies = []
    for letter in SEARCH_WORD:
        term.settle()
        before = len(term.events)
        sent = term.send(bytes([letter]))
        found = term.wait_until(
            lambda since=before: next((e for e in term.events[since:] if e.name == "found"), None),
            FOUND_TIMEOUT,
            f"the first match for {letter!r}",
        )
        found_at = float(found.fields[0])
        term.wait_until(  # the first frame finished after the match was found shows it
            lambda after=found_at: term.frame_at if term.frame_at >= after else None,
            KEY_TIMEOUT,
            "a frame showing the match",
        )
        latencies.append(term.frame_at - sent)
    term.send(b"\x1b")  # escape: close the search
    time.sleep(ESCAPE_WAIT)  # a key sent sooner would read as alt+key
    return latencies


def _keys_while_loading(term: Terminal) -> list[float]:
    """From the first paint to Loaded, `j` and `k` in turn every KEY_INTERVAL: key→frame each."""
    latencies = []
    keys = itertools.cycle((b"j", b"k"))
    next_key = time.monotonic()
    while _event(term, "loaded") is None:
        wait = next_key - time.monotonic()
        if wait > 0:
            term.pump(wait)
            continue
        before = term.frames
        sent = term.send(next(keys))
        drawn = term.wait_frame(before, KEY_TIMEOUT)
        if drawn is None:
            raise term.error(f"nothing drawn {KEY_TIMEOUT:g} s after a key while loading")
        latencies.append(drawn - sent)
        next_key = sent + KEY_INTERVAL
    return latencies


def _resize_twice(term: Terminal) -> tuple[tuple[float, float], bool]:
    """120→90→120 columns: seconds to the next frame each time; whether the passage stayed."""
    term.settle()
    passage = _event(term, "passage")
    seen = len(term.events)
    times = []
    for columns, rows in (NARROW, SCREEN):
        before = term.frames
        changed = term.resize(columns, rows)
        drawn = term.wait_frame(before, KEY_TIMEOUT)
        if drawn is None:
            raise term.error(f"nothing drawn {KEY_TIMEOUT:g} s after resizing to {columns} columns")
        times.append(drawn - changed)
        term.settle()
    moved = [
        event
        for event in term.events[seen:]
        if event.name == "passage" and (passage is None or event.fields[0] != passage.fields[0])
    ]
    return (times[0], times[1]), passage is not None and not moved


def _page_downs(term: Terminal) -> list[float]:
    """Page-downs from where we are; stops early at the end of a short article."""
    latencies = []
    for _ in range(PAGE_DOWNS):
        term.settle()
        latency = term.key_to_frame(PAGE_DOWN, NO_REDRAW)
        if latency is None:  # nothing left to show, unless the app stopped drawing at all
            _timed_key(term, b"g")
            break
        latencies.append(latency)
    if not latencies:
        raise term.error("a page-down from the top drew nothing")
    return latencies


def run_markdown_it(article: Article) -> float:
    """Seconds for markdown-it-py alone to parse the file, in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", MARKDOWN_IT, str(article.path)],
        capture_output=True,
        text=True,
        timeout=MARKDOWN_IT_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        raise ChildError(f"markdown-it on {article.path} failed:\n{result.stderr[-1200:]}")
    return float(result.stdout)


# -- the run -------------------------------------------------------------------


def measure(
    articles: list[Article], runs: int, with_peer: bool, envs: Environments
) -> tuple[list[AppRun], list[Row]]:
    """Every process of the benchmark, in turn, with progress on stderr."""
    floor = []
    for run in range(1, runs + 1):
        floor.append(run_floor(envs))
        progress(f"floor {run}/{runs}: first paint {_time(floor[-1].first_paint)}")
    rows = []
    for article in articles:
        row = Row(article, [], [], [])
        for run in range(1, runs + 1):
            row.ours.append(run_ours(article, envs))
            progress(
                f"reader, {article.label} {run}/{runs}: first paint "
                f"{_time(row.ours[-1].first_paint)}, tree complete "
                f"{_time(row.ours[-1].tree_complete)}, peak RSS {_rss(row.ours[-1].rss)}"
            )
        if article.is_markdown and with_peer:
            for run in range(1, runs + 1):
                row.peer.append(run_peer(article, envs))
                progress(
                    f"MarkdownViewer, {article.label} {run}/{runs}: first paint "
                    f"{_time(row.peer[-1].first_paint)}, peak RSS {_rss(row.peer[-1].rss)}"
                    + (" (killed)" if row.peer[-1].cut_short else "")
                )
                if row.peer[-1].first_paint is None:
                    break  # over the limit once: not again at this size
        if article.is_markdown:
            for run in range(1, runs + 1):
                row.markdown_it.append(run_markdown_it(article))
                progress(f"markdown-it, {article.label} {run}/{runs}: {_time(row.markdown_it[-1])}")
        rows.append(row)
    return floor, rows


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- figures -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Figure:
    """A measured value; `at_least` when the process was cut short and it is a lower bound."""

    value: float
    at_least: bool = False

    def __truediv__(self, other: Figure) -> Figure:
        return Figure(self.value / other.value, self.at_least)

    def __sub__(self, other: Figure) -> Figure:
        return Figure(self.value - other.value, self.at_least)


def _median(values: Iterable[float | None]) -> Figure | None:
    present = [value for value in values if value is not None]
    return Figure(statistics.median(present)) if present else None


def _peer_paint(row: Row) -> Figure | None:
    if not row.peer:
        return None
    if any(run.first_paint is None for run in row.peer):
        return Figure(PEER_LIMIT, at_least=True)
    return _median(run.first_paint for run in row.peer)


def _peer_rss(row: Row) -> Figure | None:
    if not row.peer:
        return None
    cut_short = any(run.cut_short for run in row.peer)
    return Figure(statistics.median(run.rss for run in row.peer), at_least=cut_short)


def _rss_target(floor: list[AppRun], article: Article) -> Figure:
    """KiB: the floor's peak RSS plus 10 times the file size."""
    return Figure(statistics.median(run.rss for run in floor) + 10 * article.size / 1024)


@dataclass(frozen=True, slots=True)
class Summary:
    """The medians for one document, and how they compare."""

    row: Row
    paint: Figure
    tree: Figure
    rss: Figure
    rss_target: Figure
    peer_paint: Figure | None
    peer_rss: Figure | None
    markdown_it: Figure | None
    search: Figure

    @classmethod
    def of(cls, row: Row, floor: list[AppRun]) -> Summary:
        ours = row.ours
        return cls(
            row=row,
            paint=Figure(statistics.median(run.first_paint for run in ours)),
            tree=Figure(statistics.median(run.tree_complete for run in ours)),
            rss=Figure(statistics.median(run.rss for run in ours)),
            rss_target=_rss_target(floor, row.article),
            peer_paint=_peer_paint(row),
            peer_rss=_peer_rss(row),
            markdown_it=_median(row.markdown_it),
            search=Figure(statistics.median(run.search for run in ours)),
        )

    def cells(self, floor_paint: Figure) -> dict[str, str]:
        """The table cells, by column."""
        ours = self.row.ours
        moved = sum(not run.passage_kept for run in ours)
        passage = f"moved ({moved} of {len(ours)})" if moved else "kept"
        resize = (_time(_median(run.resize[i] for run in ours)) for i in (0, 1))
        return {
            "document": self.row.article.label,
            "size": size_label(self.row.article.size),
            "first paint": _time(self.paint),
            "tree complete": _time(self.tree),
            "`]`": _time(_median(run.next_section for run in ours)),
            "`G`": _time(_median(run.end for run in ours)),
            "page-down": _time(_median(run.page_down for run in ours)),
            "search: letter → first match (slowest)": _time(self.search),
            "worst key→frame while loading": _time(_median(run.loading_worst for run in ours)),
            "max event-loop stall while loading": _time(_median(run.stall for run in ours)),
            "resize to 90 / 120 columns": " / ".join(resize),
            "passage on resize": passage,
            "peak RSS": _rss(self.rss),
            "RSS target": _rss(self.rss_target) if self.row.article.size >= 1024**2 else "—",
            "MarkdownViewer first paint": _time(self.peer_paint),
            "MarkdownViewer peak RSS": _rss(self.peer_rss),
            "markdown-it parse": _time(self.markdown_it),
            "first paint ÷ floor": _ratio(self.paint / floor_paint),
            "after first paint ÷ markdown-it": _ratio(
                (self.tree - self.paint) / self.markdown_it if self.markdown_it else None
            ),
            "MarkdownViewer ÷ ours, first paint": _ratio(
                self.peer_paint / self.paint if self.peer_paint else None
            ),
            "MarkdownViewer ÷ ours, RSS": _ratio(
                self.peer_rss / self.rss if self.peer_rss else None
            ),
        }


HEADER = [
    "document",
    "size",
    "first paint",
    "tree complete",
    "`]`",
    "`G`",
    "page-down",
    "search: letter → first match (slowest)",
    "worst key→frame while loading",
    "max event-loop stall while loading",
    "resize to 90 / 120 columns",
    "passage on resize",
    "peak RSS",
    "RSS target",
    "MarkdownViewer first paint",
    "MarkdownViewer peak RSS",
    "markdown-it parse",
    "first paint ÷ floor",
    "after first paint ÷ markdown-it",
    "MarkdownViewer ÷ ours, first paint",
    "MarkdownViewer ÷ ours, RSS",
]


def table(floor: list[AppRun], summaries: list[Summary]) -> str:
    """The Markdown table: the floor first, then one row per document."""
    floor_paint = _median(run.first_paint for run in floor)
    assert floor_paint is not None
    floor_cells = dict.fromkeys(HEADER, "—") | {
        "document": "floor: bare Textual app",
        "first paint": _time(floor_paint),
        "peak RSS": _rss(Figure(statistics.median(run.rss for run in floor))),
    }
    rows = [floor_cells] + [summary.cells(floor_paint) for summary in summaries]
    lines = [HEADER, ["---"] * len(HEADER)] + [[row[name] for name in HEADER] for row in rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def targets(floor: list[AppRun], summaries: list[Summary]) -> str:
    """Each target (issue 17's, on documents of 1 MB and more where it says so) with the
    worst document's figure and PASS or MISS."""
    floor_paint = _median(run.first_paint for run in floor)
    assert floor_paint is not None
    large = [s for s in summaries if s.row.article.size >= 1024**2]
    markdown = [s for s in summaries if s.row.article.is_markdown]
    none_large = "" if large else "not measured: no document of 1 MB or more in --sizes"

    def worst_key(s: Summary) -> Figure:
        """The slowest of `]`, `G`, page-down and a search letter (each a median of runs)."""
        ours = s.row.ours
        jumps = [run.next_section for run in ours if run.next_section is not None]
        measures = [[run.end for run in ours], [run.page_down for run in ours]]
        measures += [[run.search for run in ours]] + ([jumps] if jumps else [])
        return Figure(max(statistics.median(each) for each in measures))

    def per_second(s: Summary) -> Figure:
        """MB a second, from the first paint to the whole document (start-up left out)."""
        return Figure(s.row.article.size / 1024**2 / max(s.tree.value - s.paint.value, 1e-3))

    checks = [
        _target(
            "first paint ≤ 1.3 × floor",
            [(s, s.paint / floor_paint) for s in summaries],
            at_most=1.3,
        ),
        _target(
            "peak RSS ≤ floor + 10 × file size, 1 MB and over",
            [(s, s.rss / s.rss_target) for s in large],
            at_most=1.0,
            shown=lambda s, _: f"{_rss(s.rss)} against {_rss(s.rss_target)}",
            missing=none_large,
        ),
        _target(
            "plain text whole (`G` shows the last line) at ≥ 10 MB/s after the first paint, 1 MB+",
            [(s, per_second(s)) for s in large if not s.row.article.is_markdown],
            at_least=10,
            shown=lambda _, rate: f"{rate.value:.1f} MB/s",
            missing=none_large,
        ),
        _target(
            "Markdown whole, after the first paint, no slower than markdown-it's parse, 1 MB+",
            [
                (s, (s.tree - s.paint) / s.markdown_it)
                for s in markdown
                if s.markdown_it and s in large
            ],
            at_most=1.0,
            missing=none_large,
        ),
        _target(
            "resize ≤ 100 ms to the next frame",
            [(s, Figure(max(max(run.resize) for run in s.row.ours) / 0.1)) for s in summaries],
            at_most=1.0,
            shown=lambda s, _: _time(max(max(run.resize) for run in s.row.ours)),
        ),
        _target(
            "`]`, `G`, page-down and a search letter ≤ 50 ms (the slowest of the four)",
            [(s, Figure(worst_key(s).value / KEY_TARGET)) for s in summaries],
            at_most=1.0,
            shown=lambda s, _: _time(worst_key(s)),
        ),
        _target(
            "worst key → frame while loading ≤ 50 ms",
            [
                (s, Figure(max(worst) / KEY_TARGET))
                for s in summaries
                if (worst := [run.loading_worst for run in s.row.ours if run.loading_worst])
            ],
            at_most=1.0,
            shown=lambda s, _: _time(max(r.loading_worst or 0 for r in s.row.ours)),
        ),
        _target(
            "MarkdownViewer first paint ≥ 30 × ours, Markdown 250 KB – 1 MB",
            [
                (s, s.peer_paint / s.paint)
                for s in markdown
                if s.peer_paint and s.row.article.scale in ("250k", "1m")
            ],
            at_least=30,
        ),
        _target(
            "MarkdownViewer peak RSS ≥ 3 × ours, Markdown 250 KB – 1 MB",
            [
                (s, s.peer_rss / s.rss)
                for s in markdown
                if s.peer_rss and s.row.article.scale in ("250k", "1m")
            ],
            at_least=3,
        ),
    ]
    return "Targets (the worst document for each):\n\n" + "\n".join(checks)


def _target(
    name: str,
    figures: list[tuple[Summary, Figure]],
    *,
    at_most: float | None = None,
    at_least: float | None = None,
    missing: str = "",
    shown: Callable[[Summary, Figure], str] = lambda _, ratio: _ratio(ratio),
) -> str:
    if not figures:
        return f"- {name}: {missing or 'not measured'}"
    if at_most is not None:
        summary, figure = max(figures, key=lambda item: item[1].value)
        verdict = "PASS" if figure.value <= at_most and not figure.at_least else "MISS"
    else:
        assert at_least is not None
        summary, figure = min(figures, key=lambda item: item[1].value)
        if figure.value >= at_least:
            verdict = "PASS"
        else:
            verdict = "UNDECIDED (cut off)" if figure.at_least else "MISS"
    return f"- {name}: {shown(summary, figure)} ({summary.row.article.label}) — {verdict}"


def _time(seconds: Figure | float | None) -> str:
    if seconds is None:
        return "—"
    figure = seconds if isinstance(seconds, Figure) else Figure(seconds)
    prefix = "> " if figure.at_least else ""
    if figure.value < 0.01:
        return f"{prefix}{figure.value * 1000:.1f} ms"
    if figure.value < 10:
        return f"{prefix}{figure.value * 1000:.0f} ms"
    return f"{prefix}{figure.value:.1f}".removesuffix(".0") + " s"


def _rss(kib: Figure | int | None) -> str:
    if kib is None:
        return "—"
    figure = kib if isinstance(kib, Figure) else Figure(kib)
    return f"{'> ' if figure.at_least else ''}{figure.value / 1024:.0f} MB"


def _ratio(ratio: Figure | None) -> str:
    if ratio is None:
        return "—"
    digits = 2 if ratio.value < 10 else 0
    return f"{'> ' if ratio.at_least else ''}{ratio.value:.{digits}f}×"


# -- command line --------------------------------------------------------------


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="run.py", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("--runs", type=int, default=3, help="processes per figure (median)")
    parser.add_argument(
        "--sizes",
        default=DEFAULT_SIZES,
        help=f"document sizes, from {','.join(SIZES)} (default: {DEFAULT_SIZES})",
    )
    parser.add_argument(
        "--shapes",
        default=DEFAULT_SHAPES,
        help="generated (ASCII, sparse headings), real (real_shaped.py: Unicode, dense "
        "headings, long code, CRLF) and/or found (found.py: Node's API docs, Debian's "
        f"changelogs and licences, where this machine has them); default: {DEFAULT_SHAPES}",
    )
    parser.add_argument("--no-peer", action="store_true", help="skip Textual's MarkdownViewer")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="quick check that everything runs: 5k only, one run of each",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a check during development: 1m of both shapes, one run, no MarkdownViewer",
    )
    parser.add_argument("--keep", type=Path, metavar="DIR", help="write the documents here")
    options = parser.parse_args(argv)
    if options.quick:
        options.sizes, options.runs, options.no_peer = "1m", 1, True
    options.sizes = ["5k"] if options.smoke else [s for s in options.sizes.split(",") if s]
    options.shapes = tuple(shape for shape in options.shapes.split(",") if shape)
    if options.smoke:
        options.runs = 1
    if not options.shapes or any(shape not in SHAPES for shape in options.shapes):
        parser.error(f"--shapes takes a comma-separated list of {', '.join(SHAPES)}")
    unknown = [size for size in options.sizes if size not in SIZES]
    if unknown or not options.sizes:
        parser.error(f"--sizes takes a comma-separated list of {', '.join(SIZES)}")
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    return options


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_arguments(argv)
    signal.signal(signal.SIGTERM, _interrupt)  # clean up children on SIGTERM as on Ctrl-C
    try:
        with tempfile.TemporaryDirectory(prefix="reader-benchmark-") as scratch:
            folder = options.keep or Path(scratch) / "articles"
            folder.mkdir(parents=True, exist_ok=True)
            articles = write_corpus(folder, options.sizes, options.shapes)
            progress(f"documents in {folder}; {options.runs} run(s) of each")
            # As installed (pip compiles bytecode), not as a checkout run with
            # PYTHONDONTWRITEBYTECODE, which would compile reader at every start.
            compileall.compile_dir(ROOT / "reader", quiet=1)
            envs = Environments(Path(scratch))
            floor, rows = measure(articles, options.runs, not options.no_peer, envs)
    except ChildError as error:
        progress(f"benchmark failed: {error}")
        return 1
    except KeyboardInterrupt:
        progress("interrupted")
        return 130
    summaries = [Summary.of(row, floor) for row in rows]
    print(table(floor, summaries))
    print()
    print(targets(floor, summaries))
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
