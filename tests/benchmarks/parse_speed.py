"""How fast the parsers read real text: MB/s on ~20 MB of the corpus's documents.

Run as `python3 tests/benchmarks/parse_speed.py [--mb 20] [--runs 3]`. The plain-text
input is every document of `tests/corpus/docs` (licences, man pages, NEWS files,
FAQs, READMEs, manuals, specifications), one after another and repeated until it
is about `--mb` megabytes; the Markdown input is the README and the CommonMark
spec's examples repeated the same way. It prints the best and median of `--runs`
whole parses (`reader.parsers.parse`, as the background parse does) and the
throughput. Issue 13's target: the plain-text rules no slower than before.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from reader.parsers import parse

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "tests" / "corpus" / "docs"
SPEC = ROOT / "tests" / "unit" / "samples" / "commonmark" / "spec.json"


def repeated(text: str, megabytes: float) -> str:
    """`text`, repeated (whole) until it is about `megabytes` long."""
    times = max(1, round(megabytes * 1024**2 / max(1, len(text))))
    return text * times


def plain_text(megabytes: float) -> str:
    parts = [path.read_bytes().decode("utf-8", "replace") for path in sorted(DOCS.iterdir())]
    return repeated("\n\n".join(parts) + "\n\n", megabytes)


def markdown_text(megabytes: float) -> str:
    examples = [example["markdown"] for example in json.loads(SPEC.read_text("utf-8"))]
    readme = (ROOT / "README.md").read_text("utf-8")
    return repeated(readme + "\n\n" + "\n\n".join(examples) + "\n\n", megabytes)


def timed(text: str, kind: str, runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        parse(text, kind, f"speed.{'md' if kind == 'markdown' else 'txt'}")  # type: ignore[arg-type]
        seconds.append(time.perf_counter() - start)
    return seconds


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--mb", type=float, default=20.0, help="size of each input (MB)")
    options.add_argument("--runs", type=int, default=3, help="parses of each input")
    options.add_argument("--kind", choices=("plain", "markdown", "both"), default="both")
    arguments = options.parse_args()
    print(f"{'input':<10} {'MB':>6} {'best s':>8} {'median s':>9} {'MB/s':>7}")
    for kind, make in (("plain", plain_text), ("markdown", markdown_text)):
        if arguments.kind not in (kind, "both"):
            continue
        text = make(arguments.mb)
        seconds = timed(text, kind, arguments.runs)
        size = len(text.encode("utf-8")) / 1024**2
        best, median = min(seconds), statistics.median(seconds)
        print(f"{kind:<10} {size:>6.1f} {best:>8.2f} {median:>9.2f} {size / best:>7.2f}")


if __name__ == "__main__":
    main()
