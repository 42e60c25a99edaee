"""The status line: which section the reader is in, where back leads, how far through,
how long to go."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from reader.safe_text import visible_line
from reader.widgets.cells import cut_end, cut_start

SEPARATOR = " › "
BACK_GAP = "  ·  "
BACK_LEAST = 14  # cells naming where back leads however long the title (at most a third)


class StatusLine(Widget):
    """Section path on the left (its end kept when too long), progress on the right;
    where back leads before the progress, in the room the deepest title leaves."""

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
        self._section = ""

    def show(self, path: list[str], progress: str, *, back: str = "", section: str = "") -> None:
        """The titles from the top section down to the current one, the progress text,
        where back (backspace) leads, if anywhere, and the time left in the section (shown
        only where the rest of the line has room to spare for it)."""
        shown = (path, progress, back, section)
        if shown != (self._path, self._progress, self._back, self._section):
            self._path, self._progress, self._back, self._section = shown
            self.refresh()

    def render(self) -> Text:
        width = self.size.width
        figures = self._progress
        path = SEPARATOR.join(visible_line(title) for title in self._path)
        back = f"⌫ {visible_line(self._back)}" if self._back else ""
        if self._section:  # before the percent, where nothing else is cut for it
            with_section = f"{self._section}{BACK_GAP}{figures}"
            whole = cell_len(path) + cell_len(back) + len(BACK_GAP) * bool(back)
            if whole + cell_len(with_section) + 2 <= width:
                figures = with_section
        progress = Text(figures, self.get_component_rich_style("status-line--progress"))
        if back:  # before the progress: what the deepest title leaves, within a third
            deepest = cell_len(visible_line(self._path[-1])) + 4 if self._path else 0
            spare = width - progress.cell_len - min(deepest, cell_len(path)) - 2 - len(BACK_GAP)
            least, most = min(BACK_LEAST, width // 3), width // 3
            room = min(most, max(least, spare))
            back = cut_end(back, room)
            progress = Text.assemble((back + BACK_GAP, "dim"), progress) if room > 3 else progress
        room = max(0, width - progress.cell_len - 2)
        path = cut_start(path, room)  # keep the deepest section: cut from the left
        line = Text(path, no_wrap=True)
        line.pad_right(max(0, width - line.cell_len - progress.cell_len))
        line.append_text(progress)
        line.truncate(width)
        return line
