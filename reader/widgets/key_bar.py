"""The key bar: the keys that work where the focus is, on one line; click one to press it."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

GAPS = ("   ", "  ")  # between keys: roomy, then tight (a key and its label: one space)


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
        shown, palette, key_cells = self._shown()
        short = palette[:key_cells]  # the palette's key alone ("^p")
        for count in range(len(shown), -1, -1):  # on a narrow line keys give way from the
            kept = shown[: count - 1] + shown[-1:] if count else []  # end, but the last (quit)
            # closer together where the line is short, then the palette's key alone
            for gap, corner in zip(
                (*GAPS, " ", " "), (palette, palette, palette, short), strict=True
            ):
                text = self._keys_text(kept, gap)
                if text.cell_len + corner.cell_len <= self.size.width:
                    return self._with_palette(text, corner)
        return self._with_palette(Text(), short)

    def _with_palette(self, text: Text, palette: Text) -> Text:
        room = self.size.width - text.cell_len - palette.cell_len
        if palette and room > 0:
            palette_start = text.cell_len + room
            text.append(" " * room)
            text.append_text(palette)
            self._keys.append((palette_start, text.cell_len, self.app.COMMAND_PALETTE_BINDING))
        return text

    def _shown(self) -> tuple[list[tuple[str, str, bool, str]], Text, int]:
        """The shown keys (display, description, enabled, key), the palette's key and what
        it does, and the cells its key takes."""
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        palette_key = self.app.COMMAND_PALETTE_BINDING
        shown: list[tuple[str, str, bool, str]] = []
        palette = Text(no_wrap=True)
        key_cells = 0
        actions: set[str] = set()
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if key == palette_key and self.app.ENABLE_COMMAND_PALETTE:
                palette.append(self.app.get_key_display(binding), key_style)
                key_cells = palette.cell_len
                palette.append(" " + binding.description)
                continue
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            display = self.app.get_key_display(binding)
            shown.append((display, binding.description, enabled, binding.key))
        return shown, palette, key_cells

    def _keys_text(self, shown: list[tuple[str, str, bool, str]], gap: str) -> Text:
        """Keys and what they do, a space between them; notes where each key is."""
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        text = Text(no_wrap=True)
        self._keys = []
        for display, description, enabled, key in shown:
            start = text.cell_len
            text.append(display, key_style)
            text.append(" " + description, "" if enabled else "dim")
            self._keys.append((start, text.cell_len, key))
            text.append(gap)
        text.rstrip()
        return text

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._keys:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
