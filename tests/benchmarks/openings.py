"""Opening article after article from the library: does the reader's memory stay put?

Run as `python tests/benchmarks/openings.py [--count 20] [--rounds 1]`. It copies real documents
(the parser corpus's, tests/corpus/docs: manuals, licences, changelogs, books) into
a library folder, starts the app on it (in this process, headless, 120x40, with a
fresh data directory), and opens one after another the way a reader does: `o`, the
article highlighted in the list, enter; it waits for each to be whole and for the
reader to be still (when the app collects garbage), then reads this process's
resident set. Target (issue 17): after the last opening, within 10 % of after the
second (the first ones load code and fill caches that are then reused).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "corpus" / "docs"
SIZE = (120, 40)
STILL = 1.5  # seconds still after each opening: the app collects garbage when still
GROWTH_TARGET = 0.10


def resident_mb() -> float:
    """This process's resident set now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def open_in_turn(folder: Path, names: list[str]) -> list[float]:
    """Open each article of `folder` by name from the library; RSS after each."""
    from textual.widgets import OptionList

    from reader.app import ReaderApp
    from reader.source import load

    app = ReaderApp(load(None), library=folder)
    figures = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(STILL)
        await pilot.press("escape")  # the library opens at once on a library folder
        for name in names:
            await pilot.press("o")
            await pilot.pause(0.3)
            options = app.screen.query_one(OptionList)
            prompts = [
                str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            ]
            options.highlighted = next(i for i, text in enumerate(prompts) if name in text)
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            while not (app.reading.complete and app.sub_title == name):
                await pilot.pause(0.05)
            await pilot.press("G")  # read a little: render the end too
            await pilot.pause(STILL)
            figures.append(resident_mb())
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=20, help="articles opened in turn")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="times the articles are opened in turn (the later ones re-open articles already seen)",
    )
    options = parser.parse_args()
    documents = sorted(DOCS.glob("*.txt"))
    if len(documents) < options.count:
        print(f"only {len(documents)} documents in {DOCS}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="reader-openings-") as temporary:
        root = Path(temporary)
        os.environ["XDG_DATA_HOME"] = str(root / "data")
        os.environ["XDG_CONFIG_HOME"] = str(root / "config")
        os.environ["TEXTUAL_ANIMATIONS"] = "none"
        folder = root / "library"
        folder.mkdir()
        names = []
        for document in documents[: options.count]:
            shutil.copy(document, folder / document.name)
            names.append(document.name)
        names *= options.rounds
        figures = asyncio.run(open_in_turn(folder, names))
    for index, (name, figure) in enumerate(zip(names, figures, strict=True), start=1):
        print(f"{index:2}. {name:32} RSS {figure:6.1f} MB")
    second, last = figures[1], figures[-1]
    growth = last / second - 1
    verdict = "PASS" if growth <= GROWTH_TARGET else "MISS"
    print(
        f"RSS after the {len(figures)}th opening {last:.1f} MB, after the 2nd {second:.1f} MB: "
        f"{growth:+.1%} (target within {GROWTH_TARGET:.0%}) — {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
