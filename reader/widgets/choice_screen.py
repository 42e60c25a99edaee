"""Small modal questions: confirm an action, or choose one of a few things."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader import keys
from reader.safe_text import visible_line


class ChoiceScreen(ModalScreen[str | None]):
    """A question and its answers; dismisses with the value chosen, or None on escape."""

    AUTO_FOCUS = "OptionList"
    BINDINGS = keys.bindings("choice")

    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; background: $background 50%; }
    ChoiceScreen > Vertical {
        width: 80; max-width: 95%; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ChoiceScreen Label { width: 100%; padding: 0 0 1 0; }
    ChoiceScreen OptionList { height: auto; max-height: 20; border: none; background: $surface; }
    """

    def __init__(self, question: str, answers: list[tuple[str, str]]) -> None:
        """`answers` are (what is shown, the value returned); all are plain text."""
        super().__init__()
        self._question = question
        self._answers = answers

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(visible_line(self._question), markup=False)
            yield OptionList(*(Option(Text(visible_line(shown))) for shown, _ in self._answers))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._answers[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
