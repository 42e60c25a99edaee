"""The title bar: the article's title and where it came from, on one line."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class TitleBar(Widget):
    """The app's title and sub-title, centred (one widget: lighter than Textual's Header)."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        text-align: center;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._changed, init=False)
        self.watch(self.app, "sub_title", self._changed, init=False)

    def _changed(self) -> None:
        self.refresh()

    def render(self) -> Text:
        """Plain Text, never markup: titles come from the article."""
        title, source = self.app.title, self.app.sub_title
        text = Text(title, style="bold", no_wrap=True)
        if source and source != title:  # (an article titled by its file's name: once)
            text.append(f" — {source}", style="dim")
        text.truncate(self.size.width, overflow="ellipsis")
        return text
