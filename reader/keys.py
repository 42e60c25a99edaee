"""Every key in one table: the bindings, the palette's commands, the help screen's areas
and the `reader --help` key list are all made from it.

The table is in `reader.key_table`, its records in `reader.key_records`; the rest of the
reader takes both from here. Plain data, without Textual, so that `reader --help` does not
load it: `bindings(area)` makes Textual's `Binding`s (importing Textual then), each with the
stable id that `App.set_keymap` knows it by ("reader.next_section").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, cast

from reader.key_records import Area, Command, Key, PaletteCommand
from reader.key_table import AREAS, KEYS

if TYPE_CHECKING:
    from textual.binding import BindingType

__all__ = [
    "AREAS",
    "CHARACTERS",
    "KEYS",
    "KEY_COLUMN",
    "PALETTE",
    "Area",
    "Command",
    "Key",
    "PaletteCommand",
    "app_bindings",
    "area",
    "bindings",
    "cli_lines",
    "cli_text",
    "help_areas",
    "key",
    "key_names",
    "keys_of",
    "palette_commands",
]

KEY_COLUMN = 22  # width of the keys in `reader --help`; longer keys put the text below

# How `reader --help` shows Textual's names for keys that are characters.
CHARACTERS = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "slash": "/",
    "question_mark": "?",
    "less_than_sign": "<",
    "greater_than_sign": ">",
    "equals_sign": "=",
}

# The reader's own commands in the palette, in the order it lists them (Textual's follow).
PALETTE = (
    Command("Keys", "Every key, by where it works", "reader.help"),
    Command("Search", "Search the article", "reader.search"),
    Command("Open article", "The library: recent, your folder, bundled", "reader.library"),
    Command("Next section", "Go to the next section", "reader.next_section"),
    Command("Previous section", "Go to the previous section", "reader.previous_section"),
    Command("Next match", "The next search match", "reader.next_match"),
    Command("Previous match", "The previous search match", "reader.previous_match"),
    Command("Start of the article", "Go to the start", "reader.article.top"),
    Command("End of the article", "Go to the end", "reader.article.end"),
    Command("Back", "The place before the last jump", "reader.go_back"),
    Command("Forward", "The place the last back left", "reader.go_forward"),
    Command("Bookmark this passage", "Bookmark the passage being read", "reader.bookmark"),
    Command("Go to bookmark", "List this article's bookmarks", "reader.bookmarks"),
    Command("Toggle tree", "Show or hide the section tree", "reader.toggle_tree"),
    Command("Wider reading column", "Wider text", "reader.wider"),
    Command("Narrower reading column", "Narrower text", "reader.narrower"),
    Command("Reset reading column", "The usual width of text", "reader.reset_width"),
    Command("Wider tree", "More room for the section tree", action="wider_tree"),
    Command("Narrower tree", "Less room for the section tree", action="narrower_tree"),
    Command("Fit the tree to its titles", "The tree's width as its titles need", action="fit_tree"),
    Command("Reading speed", "Type 'speed' to choose the words a minute", action="speeds"),
    Command(
        "Download this web article again",
        "Refresh the kept copy (your place and bookmarks follow)",
        action="refresh_page",
    ),
)


def area(area_id: str) -> Area:
    """The area called `area_id`."""
    for found in AREAS:
        if found.id == area_id:
            return found
    raise KeyError(area_id)


def key(key_id: str) -> Key:
    """The key whose id is `key_id`."""
    for found in KEYS:
        if found.id == key_id:
            return found
    raise KeyError(key_id)


def keys_of(area_id: str) -> list[Key]:
    """An area's keys, in the table's order (Textual's own ones too)."""
    area(area_id)  # a misspelt area is an error, not an empty list
    return [found for found in KEYS if found.area == area_id]


def bindings(area_id: str) -> list[BindingType]:
    """The area's bindings for its class's BINDINGS, each with its id (Textual's own left out)."""
    from textual.binding import Binding

    return [
        Binding(
            found.keys,
            found.action,
            found.description,
            show=found.show,
            key_display=found.key_display,
            priority=found.priority,
            tooltip=found.tooltip,
            id=found.id,
        )
        for found in keys_of(area_id)
        if not found.textual
    ]


def app_bindings() -> list[BindingType]:
    """The App's BINDINGS: the keys that work anywhere."""
    return bindings("app")


def key_names(found: Key) -> list[str]:
    """A key's keys as typed ("]", "home"): the one it is shown as, then characters first."""
    names = [CHARACTERS.get(name, name) for name in found.keys.split(",")]
    names.sort(key=lambda name: len(name) > 1)  # "j or down"
    if found.key_display in names:
        names.remove(found.key_display)
        names.insert(0, found.key_display)
    return names


def palette_commands() -> list[PaletteCommand]:
    """The reader's own commands for the palette: title, help (with the key) and action."""
    commands = []
    for command in PALETTE:
        if command.key is None:
            assert command.action is not None, command.title
            commands.append(PaletteCommand(command.title, command.help, "app", command.action))
            continue
        found = key(command.key)
        assert found.area in ("app", "reading", "article"), command.key
        described = f"{command.help} ({key_names(found)[0]})"
        where = cast(Literal["app", "reading", "article"], found.area)
        commands.append(PaletteCommand(command.title, described, where, found.action))
    return commands


def cli_lines() -> list[tuple[str, str]]:
    """(keys, what they do) for `reader --help`: keys that do the same share a line."""
    lines: dict[str, list[str]] = {}  # what they do: the keys, each key's names together
    for found in KEYS:
        if area(found.area).cli:
            assert found.cli, f"{found.id} has nothing to say in `reader --help`"
            lines.setdefault(found.cli, []).append(" or ".join(key_names(found)))
    return [(" / ".join(names), text) for text, names in lines.items()]


def cli_text() -> str:
    """The key list that ends `reader --help`."""
    lines = ["keys:"]
    for names, text in cli_lines():
        if len(names) <= KEY_COLUMN:
            lines.append(f"  {names:<{KEY_COLUMN}} {text}")
        else:
            lines.extend([f"  {names}", f"  {'':<{KEY_COLUMN}} {text}"])
    return "\n".join(lines)


def help_areas() -> list[Area]:
    """The help screen's areas, in order."""
    return [found for found in AREAS if found.help]
