"""The records of the key table (`reader.key_table`): areas, keys and palette commands.

Plain dataclasses, without Textual; `reader.keys` makes Textual's bindings from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Area:
    """Where keys work: the App, or one widget or screen (whose class holds the bindings)."""

    id: str
    title: str  # the help screen's heading
    owner: str  # "module:Class" whose BINDINGS these are
    help: bool = True  # listed in the help screen (opened from the reading screen)
    cli: bool = False  # listed in `reader --help`: each of its keys says what it does there
    inherited: bool = True  # the help screen lists the keys its class inherits from Textual


@dataclass(frozen=True, slots=True)
class Key:
    """One binding: what Textual's `Binding` holds, and what `--help` says of it."""

    id: str  # stable, for `App.set_keymap`: "reader.<action>", "reader.<area>.<action>"
    area: str
    keys: str  # Textual's key names, comma-separated ("home,g")
    action: str
    description: str  # the key bar's label
    tooltip: str = ""  # the longer account, in the help screen
    show: bool = True  # in the key bar
    key_display: str | None = None
    priority: bool = False
    cli: str | None = None  # what `reader --help` says it does; keys saying the same share a line
    textual: bool = False  # Textual's own binding (inherited, built in): described, not made here


@dataclass(frozen=True, slots=True)
class Command:
    """One of the reader's own commands in the palette: a key's action, or one without a key."""

    title: str
    help: str  # the key, if it has one, follows in parentheses
    key: str | None = None  # the id of the Key whose action it runs
    action: str | None = None  # else an App action (`action_<name>`) no key runs


@dataclass(frozen=True, slots=True)
class PaletteCommand:
    """A palette entry ready to show: run `action_<action>` of the area's App or widget."""

    title: str
    help: str
    area: Literal["app", "reading", "article"]
    action: str
