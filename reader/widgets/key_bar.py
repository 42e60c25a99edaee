"""The key bar: the keys that work where the focus is, on one line; click one to press it."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

GAPS = ("  ", " ")  # between keys: roomy, then tight


class KeyBar(Widget):
    """Bindings shown in the footer (`show=True`), and the command palette key on the right.

    One widget drawing one line of text: lighter to start than Textual's Footer,
    which mounts a widget per key.
    """

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
        & > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
    }
    """
    COMPONENT_CLASSES = {"key-bar--key"}

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[tuple[int, int, str]] = []  # (first column, end column, key)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> Text:
        for gap in GAPS:  # closer together where the line is short
            text, palette = self._keys_text(gap)
            if text.cell_len + palette.cell_len <= self.size.width:
                break
        palette_key = self.app.COMMAND_PALETTE_BINDING
        room = self.size.width - text.cell_len - palette.cell_len
        if palette and room > 0:
            palette_start = text.cell_len + room
            text.append(" " * room)
            text.append_text(palette)
            self._keys.append((palette_start, text.cell_len, palette_key))
        return text

    def _keys_text(self, gap: str) -> tuple[Text, Text]:
        """The shown keys, and the command palette's key, as text; notes where each key is."""
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        palette_key = self.app.COMMAND_PALETTE_BINDING
        text, palette = Text(no_wrap=True, overflow="ellipsis"), Text(no_wrap=True)
        self._keys = []
        actions: set[str] = set()
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if key == palette_key and self.app.ENABLE_COMMAND_PALETTE:
                palette.append(self.app.get_key_display(binding), key_style)
                palette.append(binding.description)
                continue
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            start = text.cell_len
            text.append(self.app.get_key_display(binding), key_style)
            text.append(binding.description, "" if enabled else "dim")
            self._keys.append((start, text.cell_len, binding.key))
            text.append(gap)
        return text, palette

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._keys:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
