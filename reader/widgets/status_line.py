"""The status line: which section the reader is in, where back leads, how far through,
how long to go."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from reader.safe_text import visible_line
from reader.widgets.cells import cut_end, cut_start

SEPARATOR = " › "


class StatusLine(Widget):
    """Section path on the left (its end kept when too long), progress on the right."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $panel;
        color: $foreground-muted;
        padding: 0 1;
        & > .status-line--progress { color: $foreground; }
    }
    """
    COMPONENT_CLASSES = {"status-line--progress"}

    def __init__(self) -> None:
        super().__init__()
        self._path: list[str] = []
        self._progress = ""
        self._back = ""

    def show(self, path: list[str], progress: str, *, back: str = "") -> None:
        """The titles from the top section down to the current one, the progress text,
        and where back (backspace) leads, if anywhere."""
        if (path, progress, back) != (self._path, self._progress, self._back):
            self._path, self._progress, self._back = path, progress, back
            self.refresh()

    def render(self) -> Text:
        width = self.size.width
        progress = Text(self._progress, self.get_component_rich_style("status-line--progress"))
        if self._back:  # before the progress, cut to leave the path some room
            back = f"⌫ {visible_line(self._back)}"
            room = max(0, width // 3)
            back = cut_end(back, room)
            progress = Text.assemble((back + "  ·  ", "dim"), progress) if room > 3 else progress
        room = max(0, width - progress.cell_len - 2)
        path = SEPARATOR.join(visible_line(title) for title in self._path)
        path = cut_start(path, room)  # keep the deepest section: cut from the left
        line = Text(path, no_wrap=True)
        line.pad_right(max(0, width - line.cell_len - progress.cell_len))
        line.append_text(progress)
        line.truncate(width)
        return line
