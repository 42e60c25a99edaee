"""The peer: Textual's own MarkdownViewer (with its table of contents) on a Markdown file.

Run as `python tests/benchmarks/peer.py FILE`; `q` quits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import MarkdownViewer


class PeerApp(App[None]):
    """A MarkdownViewer filling the screen."""

    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield MarkdownViewer(self.text, show_table_of_contents=True)


if __name__ == "__main__":
    PeerApp(Path(sys.argv[1]).read_text(encoding="utf-8")).run()
