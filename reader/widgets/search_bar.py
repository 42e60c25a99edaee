"""The search bar: a query field and where the search is ("3/17"), above the key bar."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label  # Textual's command palette has loaded Input anyway

from reader import keys
from reader.safe_text import visible_line

PLACEHOLDER = "Search: words, or re: and a regular expression (capitals match case)"


class SearchBar(Horizontal):
    """Posts `Changed` as the query is typed, `Accepted` on enter and `Closed` on escape."""

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        display: none;
        background: $panel;
        &.-open { display: block; }
        & > Input, & > Input:focus {
            width: 1fr; height: 1; border: none; padding: 0 1; background: $panel;
        }
        & > #status { width: 14; padding: 0 1; color: $text-muted; text-align: right; }
        & > #problem { width: auto; max-width: 60%; padding: 0 1; color: $text-error; }
    }
    """

    BINDINGS = keys.bindings("search")

    class Changed(Message):
        """The query changed (it may be empty)."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Accepted(Message):
        """Enter: go to the current match and back to reading."""

    class Closed(Message):
        """Escape: close the bar and clear the matches."""

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    @property
    def text(self) -> str:
        """The query as typed ("" before the bar is first opened)."""
        return self.query_one("Input", Input).value if self.children else ""

    def open(self) -> None:
        """Show the bar and put the cursor in the query."""
        if not self.children:  # made when first wanted: nothing to build before the first frame
            self.mount_all(
                [
                    Input(placeholder=PLACEHOLDER, select_on_focus=False),
                    Label(id="problem", markup=False),
                    Label(id="status", markup=False),
                ]
            )
        self.add_class("-open")
        self.call_after_refresh(self.query_one("Input").focus)

    def close(self) -> None:
        """Hide the bar, forgetting the query."""
        self.remove_class("-open")
        if self.children:
            self.query_one("Input", Input).value = ""
            self.show_status("")

    def show_status(self, status: str, *, problem: str = "") -> None:
        """Where the search is ("3/17"), and what is wrong with the query, if anything."""
        if not self.children:
            return
        # A fixed width: no layout of the screen for each letter typed.
        self.query_one("#status", Label).update(status, layout=False)
        shown = self.query_one("#problem", Label)
        if problem or shown.display:
            shown.update(visible_line(problem))
            shown.display = bool(problem)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Accepted())

    def action_close(self) -> None:
        self.post_message(self.Closed())
