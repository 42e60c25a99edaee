"""The help screen: every key, by where it works, made from the bindings themselves.

The areas, their headings and the keys Textual handles itself (the command
palette's) come from `reader.keys`, the one table of keys.
"""

from __future__ import annotations

import importlib
from collections.abc import Set
from dataclasses import replace
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from reader import keys

KeyHelp = list[tuple[str, list[tuple[str, str]]]]  # (area, [(keys, what they do)])


# Textual's keys for scrolling sideways: nothing here scrolls sideways (text is wrapped)
SIDEWAYS = frozenset({"scroll_left", "scroll_right", "page_left", "page_right"})


def key_help(app: App[Any]) -> KeyHelp:
    """Every key of every area the help screen lists, the command palette's among the App's."""
    areas = [(area.title, _owner(app, area)) for area in keys.help_areas()]
    own_only = {area.title for area in keys.help_areas() if not area.inherited}
    described = describe_keys(app, areas, own_only)
    for (_, listed), area in zip(described, keys.help_areas(), strict=True):
        for found in keys.keys_of(area.id):
            if found.action == "command_palette":  # not a binding: the App's setting
                palette = Binding(app.COMMAND_PALETTE_BINDING, "command_palette")
                listed.append((app.get_key_display(palette), found.tooltip))
    return described


def _owner(app: App[Any], area: keys.Area) -> type[DOMNode]:
    """The class whose bindings are the area's: the running App's own for "app"."""
    if area.id == "app":
        return type(app)
    module, name = area.owner.split(":")
    owner: type[DOMNode] = getattr(importlib.import_module(module), name)
    return owner


def describe_keys(
    app: App[Any], areas: list[tuple[str, type[DOMNode]]], own_only: Set[str] = frozenset()
) -> KeyHelp:
    """Each area's bindings (inherited ones too, but for the areas in `own_only`),
    keys that do the same thing together."""
    described: KeyHelp = []
    keymap: dict[str, str] = getattr(app, "keymap", {})  # the keys as the user moved them
    for area, owner in areas:
        actions: dict[str, tuple[list[str], str]] = {}
        own = BindingsMap(owner.__dict__.get("BINDINGS", []))
        merged = own if area in own_only else owner._merged_bindings
        assert merged is not None
        for bindings in merged.key_to_bindings.values():
            for binding in bindings:
                if binding.action in SIDEWAYS:
                    continue
                keys, _ = actions.setdefault(binding.action, ([], _description(binding)))
                remapped = keymap.get(binding.id or "")
                for key in remapped.split(",") if remapped else [binding.key]:
                    shown = app.get_key_display(replace(binding, key=key, key_display=None))
                    if shown not in keys:
                        keys.append(shown)
        described.append((area, [(" / ".join(keys), text) for keys, text in actions.values()]))
    return described


def _description(binding: Binding) -> str:
    """The binding's tooltip (the longer account), else its key bar label, else its action."""
    if binding.tooltip or binding.description:
        return binding.tooltip or binding.description
    return binding.action.split("(")[0].replace("_", " ").strip().capitalize()


class HelpScreen(ModalScreen[None]):
    """Every key by area; any of escape, q or ? closes it."""

    AUTO_FOCUS = "VerticalScroll"
    BINDINGS = keys.bindings("help")

    DEFAULT_CSS = """
    HelpScreen { align: center middle; background: $background 50%; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, keys: KeyHelp) -> None:
        super().__init__()
        self._keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self._table())

    def _table(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
        table.add_column("keys", style="bold", no_wrap=True)
        table.add_column("does", ratio=1)
        table.add_row(Text("Keys  (escape closes)", style="bold underline"), "")
        for area, listed in self._keys:
            table.add_row("", "")
            table.add_row(Text(area, style="bold reverse"), "")
            for shown, text in listed:
                table.add_row(Text(shown), Text(text))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
