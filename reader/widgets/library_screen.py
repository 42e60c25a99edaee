"""The library screen: pick an article to read; it opens in place of the one shown.

An article whose file is missing can be found again (its new path asked for) or
forgotten. The screen changes nothing itself: it dismisses with what was chosen.
"""

from __future__ import annotations

import stat
import time
from collections.abc import Callable
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from reader import keys
from reader.library import Entry, Forget, Open, Reattach, Shelf
from reader.progress import read_label
from reader.safe_text import visible_line, visible_path
from reader.widgets.cells import cut_start
from reader.widgets.choice_screen import ChoiceScreen

MISSING_ANSWERS = [
    ("Find it: enter its new path", "find"),
    ("Forget it (its place and bookmarks are deleted)", "forget"),
    ("Keep it listed", "keep"),
]


class LibraryScreen(ModalScreen[Open | Reattach | Forget | None]):
    """Shelves of articles; dismisses with what was chosen (see `reader.library.apply`),
    or None."""

    AUTO_FOCUS = "OptionList"
    BINDINGS = keys.bindings("library")

    DEFAULT_CSS = """
    LibraryScreen { align: center middle; background: $background 50%; }
    LibraryScreen > Vertical {
        width: 90%; max-width: 110; height: 85%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    LibraryScreen Label { width: 100%; color: $text-muted; padding: 0 0 1 0; }
    LibraryScreen OptionList { height: 1fr; border: none; background: $surface; }
    """

    def __init__(self, gather: Callable[[], list[Shelf]]) -> None:
        """`gather` finds the shelves; it looks at files, so it runs in a worker."""
        super().__init__()
        self._entries: list[Entry | None] = []  # by option index; None for a heading
        self._gather = gather

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Library: enter opens an article (your place in this one is kept)")
            yield OptionList()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.add_option(Option(Text("Looking for articles…", style="dim"), disabled=True))
        self.run_worker(self._gather, thread=True, exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, list):
            self._show(event.worker.result)
        elif event.state == WorkerState.ERROR:
            options = self.query_one(OptionList)
            options.clear_options()
            problem = Text(f"Articles could not be listed: {visible_line(str(event.worker.error))}")
            options.add_option(Option(problem, disabled=True))

    def _show(self, shelves: list[Shelf]) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        # The lines' room: the box is 90 % of the window, at most 110, less its frame.
        room = min(110, self.app.size.width * 9 // 10) - 8
        for heading, entries in shelves:
            shown = Text(visible_line(heading), style="bold reverse")  # a folder's name
            options.add_option(Option(shown, disabled=True))
            self._entries.append(None)
            for entry in entries:
                options.add_option(Option(_prompt(entry, room)))
                self._entries.append(entry)
        first = next((i for i, entry in enumerate(self._entries) if entry is not None), None)
        options.highlighted = first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self._entries[event.option_index]
        if entry is None:
            return
        document = entry.document
        if not entry.missing or document is None:
            self.dismiss(Open(entry.path))
            return
        title = visible_line(entry.title)

        def confirmed(answer: str | None) -> None:
            if answer == "forget":
                self.dismiss(Forget(document))

        def found(path: Path | None) -> None:
            if path is not None:
                self.dismiss(Reattach(document, path))

        def answered(answer: str | None) -> None:
            if answer == "find":
                self.app.push_screen(PathPrompt(title), found)
            elif answer == "forget":
                question = f"Forget “{title}”? Its place and bookmarks are deleted."
                answers = [("Forget it", "forget"), ("Keep it", "keep")]
                self.app.push_screen(ChoiceScreen(question, answers), confirmed)

        question = f"“{title}” is missing: its file was {visible_path(entry.path)}."
        self.app.push_screen(ChoiceScreen(question, MISSING_ANSWERS), answered)

    def action_close(self) -> None:
        self.dismiss(None)


class PathPrompt(ModalScreen[Path | None]):
    """Asks where an article's file is now; dismisses with the path of a regular file, or None."""

    AUTO_FOCUS = "Input"
    BINDINGS = keys.bindings("path")

    DEFAULT_CSS = """
    PathPrompt { align: center middle; background: $background 50%; }
    PathPrompt > Vertical {
        width: 80; max-width: 95%; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    PathPrompt Label { width: 100%; margin-bottom: 1; color: $text-muted; }
    PathPrompt #problem { color: $text-error; margin: 1 0 0 0; display: none; }
    """

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Where is “{visible_line(self._title)}” now?", markup=False)
            yield Input(placeholder="Its file's path: enter re-attaches it, escape cancels")
            yield Label(id="problem", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        path = Path(event.value.strip()).expanduser()
        try:
            regular = stat.S_ISREG(path.stat().st_mode)
            problem = None if regular else f"{visible_path(path)} is not a regular file."
        except OSError as error:
            problem = f"{visible_path(path)}: {error.strerror or error}."
        if problem is None:
            self.dismiss(path.resolve())
            return
        label = self.query_one("#problem", Label)
        label.update(problem)
        label.display = True

    def action_cancel(self) -> None:
        self.dismiss(None)


def _prompt(entry: Entry, room: int) -> Text:
    """Title, then path, progress and when it was last read; never read as markup.

    A path too long for the line's `room` is cut from the left ("…/notes/plan.md"):
    its end names the file.
    """
    text = Text(visible_line(entry.title), style="bold")
    details = [visible_line(entry.address) if entry.address else visible_path(entry.path)]
    if entry.missing:
        details.append("file missing")
    if entry.progress is not None:
        details.append(read_label(entry.progress))
    if entry.opened_at is not None:
        details.append(
            "last read " + time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.opened_at))
        )
    rest = "".join(" · " + detail for detail in details[1:])
    path = cut_start(details[0], max(12, room - 2 - cell_len(rest)))
    text.append("\n  " + path + rest, style="dim")
    return text
