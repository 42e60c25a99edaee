"""The floor: a bare Textual app showing one line, as fast as any Textual app can be.

Run as `python tests/benchmarks/floor.py TEXT`; `q` quits.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static


class FloorApp(App[None]):
    """One Static with one line of text."""

    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, markup=False)


if __name__ == "__main__":
    FloorApp(" ".join(sys.argv[1:])).run()
