"""A small prompt for a bookmark's note: enter saves, escape cancels."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader import keys
from reader.safe_text import visible_line

QUOTE_PREVIEW = 70


class NotePrompt(ModalScreen[str | None]):
    """Asks for an optional note; dismisses with the note ("" for none) or None if cancelled.

    `save` stores the note and returns a message if that failed: the prompt
    then stays open with the note, so nothing typed is lost.
    """

    AUTO_FOCUS = "*"  # the app's own picks the article pane

    BINDINGS = keys.bindings("note")

    DEFAULT_CSS = """
    NotePrompt { align: center middle; background: $background 50%; }
    NotePrompt > Vertical {
        width: 76; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    NotePrompt Label { width: 100%; margin-bottom: 1; color: $text-muted; }
    NotePrompt #problem { color: $text-error; margin: 1 0 0 0; display: none; }
    """

    def __init__(
        self, quote: str, note: str = "", save: Callable[[str], str | None] | None = None
    ) -> None:
        super().__init__()
        self._quote = quote
        self._note = note
        self._save = save
        self._saved = False

    def compose(self) -> ComposeResult:
        quote = visible_line(self._quote)
        if len(quote) > QUOTE_PREVIEW:
            quote = quote[: QUOTE_PREVIEW - 1] + "…"
        with Vertical():
            yield Label(f"“{quote}”", markup=False)
            # (the note is edited, not replaced: the cursor goes to its end, nothing selected)
            yield Input(
                self._note,
                placeholder="Note (optional): enter saves, escape cancels",
                select_on_focus=False,
            )
            yield Label(id="problem", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self._saved:
            return  # enter pressed again before the prompt closed
        note = event.value.strip()
        problem = self._save(note) if self._save is not None else None
        if problem is None:
            self._saved = True
            self.dismiss(note)
            return
        label = self.query_one("#problem", Label)
        label.update(visible_line(f"{problem} Enter tries again; escape gives up."))
        label.display = True

    def action_cancel(self) -> None:
        self.dismiss(None)
