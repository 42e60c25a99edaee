"""The library screen: pick an article to read; it opens in place of the one shown."""

from __future__ import annotations

import time
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from reader.library import Entry, Shelf
from reader.safe_text import visible_line, visible_path


class LibraryScreen(ModalScreen[Path | None]):
    """Shelves of articles; dismisses with the path of the one chosen, or None."""

    AUTO_FOCUS = "OptionList"
    BINDINGS = [Binding("escape,o", "close", "Close")]

    DEFAULT_CSS = """
    LibraryScreen { align: center middle; background: $background 50%; }
    LibraryScreen > Vertical {
        width: 90%; max-width: 110; height: 85%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    LibraryScreen Label { width: 100%; color: $text-muted; padding: 0 0 1 0; }
    LibraryScreen OptionList { height: 1fr; border: none; background: $surface; }
    """

    def __init__(self, shelves: list[Shelf]) -> None:
        super().__init__()
        self._entries: list[Entry | None] = []  # by option index; None for a heading
        self._shelves = shelves

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Library: enter opens an article (your place in this one is kept)")
            yield OptionList()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        for heading, entries in self._shelves:
            shown = Text(visible_line(heading), style="bold reverse")  # a folder's name
            options.add_option(Option(shown, disabled=True))
            self._entries.append(None)
            for entry in entries:
                options.add_option(Option(_prompt(entry)))
                self._entries.append(entry)
        first = next((i for i, entry in enumerate(self._entries) if entry is not None), None)
        options.highlighted = first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self._entries[event.option_index]
        if entry is not None:
            self.dismiss(entry.path)

    def action_close(self) -> None:
        self.dismiss(None)


def _prompt(entry: Entry) -> Text:
    """Title, then path, progress and when it was last read; never read as markup."""
    text = Text(visible_line(entry.title), style="bold")
    details = [visible_path(entry.path)]
    if entry.progress is not None:
        details.append(f"{round(entry.progress * 100)}% read")
    if entry.opened_at is not None:
        details.append(
            "last read " + time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.opened_at))
        )
    text.append("\n  " + " · ".join(details), style="dim")
    return text
