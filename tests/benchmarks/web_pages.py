"""Web pages: the time to find each development page's article, and the first screen of a
1 MB saved page against the bare Textual app's first paint.

    python tests/benchmarks/web_pages.py [--runs N]

Per page of tests/corpus/web: the page decoded, its article found (trafilatura), made
Markdown and parsed, median of N runs. Then `reader page.html` on a 1 MB page (the
development pages' reference articles, one after another, inside navigation and
scripts) in a pseudo-terminal: when "Reading the page…" shows, and when the article's
first paragraph does, next to the floor's first paint.
"""

from __future__ import annotations

import argparse
import html
import statistics
import sys
import tempfile
import time
from pathlib import Path

from run import PAINT_TIMEOUT, SCREEN, Environments, _quit, run_floor
from terminal import Terminal

HERE = Path(__file__).resolve().parent
PAGES = HERE.parent / "corpus" / "web"
sys.path.insert(0, str(HERE.parent / "corpus"))

from web_score import pages  # noqa: E402

from reader.parsers.markdown import parse_markdown  # noqa: E402
from reader.parsers.web_page import page_markdown, read_page  # noqa: E402
from reader.source import decode_html  # noqa: E402

MEGABYTE = 1024 * 1024
NEEDLE = "Zebrafish lanterns open the article"


def extraction_times(runs: int) -> list[tuple[str, int, float]]:
    """(page, its size in KB, median seconds to its parsed article)."""
    rows = []
    for folder in pages([]):
        data = (folder / "source.html").read_bytes()
        seconds = []
        for _ in range(runs):
            started = time.perf_counter()
            markup, _ = decode_html(data, folder.name)
            parse_markdown(page_markdown(read_page(markup)), folder.name)
            seconds.append(time.perf_counter() - started)
        rows.append((folder.name, len(data) // 1024, statistics.median(seconds)))
    return rows


def big_page(path: Path) -> int:
    """A 1 MB page: the reference articles' paragraphs, the first one known, in chrome."""
    from lxml import html as lxml_html

    paragraphs = []
    for folder in pages([]):
        tree = lxml_html.fromstring((folder / "expected.html").read_text("utf-8"))
        paragraphs += [" ".join(p.text_content().split()) for p in tree.iter("p")]
    body = [f"<p>{NEEDLE}, and then it goes on as articles do.</p>"]
    size = 0
    while size < MEGABYTE:
        for text in paragraphs:
            if text:
                body.append(f"<p>{html.escape(text)}</p>")
                size += len(text)
    chrome = "<nav>" + " ".join(f"<a href='/s{i}'>Section {i}</a>" for i in range(40)) + "</nav>"
    script = "<script>" + "var x = 1;" * 2000 + "</script>"
    page = (
        f"<html><head><title>A long page</title>{script}</head><body>{chrome}"
        f"<article><h1>A long page</h1>{''.join(body)}</article><footer>Site</footer>"
        "</body></html>"
    )
    path.write_text(page, encoding="utf-8")
    return len(page.encode())


def first_screens(path: Path, envs: Environments) -> tuple[float, float]:
    """Seconds to "Reading the page…" and to the article's first paragraph (one run each:
    the terminal watches for one text)."""
    return _seen(path, envs, "Reading the page"), _seen(path, envs, NEEDLE)


def _seen(path: Path, envs: Environments, text: str) -> float:
    argv = [sys.executable, "-m", "reader", str(path)]
    with Terminal(argv, envs.fresh(), size=SCREEN, watch=text) as term:
        shown = term.wait_watch(PAINT_TIMEOUT)
        if shown is None:
            raise term.error(f"{text!r} was not drawn")
        term.settle()
        _quit(term)
    return shown - term.started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    options = parser.parse_args(argv)
    rows = extraction_times(options.runs)
    print(f"{'page':20} {'KB':>6} {'article ms':>10}")
    for name, size, seconds in rows:
        print(f"{name:20} {size:6d} {seconds * 1000:10.0f}")
    times = [seconds for _, _, seconds in rows]
    print(
        f"{len(rows)} pages: median {statistics.median(times) * 1000:.0f} ms, "
        f"slowest {max(times) * 1000:.0f} ms"
    )
    with tempfile.TemporaryDirectory(prefix="reader-web-") as scratch:
        envs = Environments(Path(scratch))
        page = Path(scratch) / "long-page.html"
        size = big_page(page)
        floors, placeholders, articles = [], [], []
        for _ in range(options.runs):
            painted = run_floor(envs).first_paint
            assert painted is not None
            floors.append(painted)
            shown = first_screens(page, envs)
            placeholders.append(shown[0])
            articles.append(shown[1])
    floor = statistics.median(floors)
    placeholder, article = statistics.median(placeholders), statistics.median(articles)
    print(
        f"\n{size / MEGABYTE:.1f} MB page: floor {floor * 1000:.0f} ms; "
        f"'Reading the page…' {placeholder * 1000:.0f} ms ({placeholder / floor:.2f}x); "
        f"the article's first screen {article * 1000:.0f} ms ({article / floor:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
