"""Every key in one table: the bindings, the palette's commands, the help screen's areas
and the `reader --help` key list are all made from it.

Plain data, without Textual, so that `reader --help` does not load it: `bindings(area)`
makes Textual's `Binding`s (importing Textual then), each with the stable id that
`App.set_keymap` knows it by ("reader.next_section").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from textual.binding import BindingType

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


@dataclass(frozen=True, slots=True)
class Area:
    """Where keys work: the App, or one widget or screen (whose class holds the bindings)."""

    id: str
    title: str  # the help screen's heading
    owner: str  # "module:Class" whose BINDINGS these are
    help: bool = True  # listed in the help screen (opened from the reading screen)
    cli: bool = False  # listed in `reader --help`: each of its keys says what it does there


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
    area: Literal["app", "article"]
    action: str


AREAS = (
    Area("app", "Anywhere", "reader.app:ReaderApp", cli=True),
    Area("article", "Reading the article", "reader.widgets.content:ContentView", cli=True),
    Area("tree", "In the section tree", "reader.widgets.section_tree:SectionTree", cli=True),
    Area("search", "In the search bar", "reader.widgets.search_bar:SearchBar"),
    Area("bookmarks", "In the bookmarks list", "reader.widgets.bookmark_list:BookmarkList"),
    Area("note", "In the note prompt", "reader.widgets.note_prompt:NotePrompt"),
    Area("library", "In the library", "reader.widgets.library_screen:LibraryScreen", help=False),
    Area("path", "Finding a missing file", "reader.widgets.library_screen:PathPrompt", help=False),
    Area("choice", "Answering a question", "reader.widgets.choice_screen:ChoiceScreen", help=False),
    Area("help", "This list of keys", "reader.widgets.help_screen:HelpScreen", help=False),
)

KEYS = (
    # The App's keys (anywhere), the article pane's and the tree's: in the order `reader --help`
    # lists them, each area's keys in the order of its bindings (the key bar's).
    Key(
        "reader.focus_next",
        "app",
        "tab",
        "focus_next",
        "Pane",
        "Next pane (tree, article)",
        show=False,
        priority=True,
        cli="switch between the section tree and the article",
    ),
    Key(
        "reader.focus_previous",
        "app",
        "shift+tab",
        "focus_previous",
        "Pane",
        "Previous pane",
        show=False,
        priority=True,
        cli="switch between the section tree and the article",
    ),
    Key(
        "reader.article.line_down",
        "article",
        "down,j",
        "line_down",
        "Down",
        "Scroll a line down",
        show=False,
        cli="scroll a line down / up",
    ),
    Key(
        "reader.article.line_up",
        "article",
        "up,k",
        "line_up",
        "Up",
        "Scroll a line up",
        show=False,
        cli="scroll a line down / up",
    ),
    Key(
        "reader.article.page_down",
        "article",
        "space,pagedown",
        "page_down",
        "Page",
        "Next page",
        key_display="space",
        cli="next / previous page",
    ),
    Key(
        "reader.article.page_up",
        "article",
        "shift+space,pageup",
        "page_up",
        "Page up",
        "Previous page",
        show=False,
        cli="next / previous page",
    ),
    Key(
        "reader.article.top",
        "article",
        "home,g",
        "top",
        "Top",
        "Start of the article",
        show=False,
        key_display="g",
        cli="start / end of the article",
    ),
    Key(
        "reader.article.end",
        "article",
        "end,G",
        "end",
        "End",
        "End of the article",
        show=False,
        key_display="G",
        cli="start / end of the article",
    ),
    Key(
        "reader.next_section",
        "app",
        "right_square_bracket",
        "next_section",
        "Next",
        "Next section, at any depth",
        key_display="]",
        cli="next / previous section (any depth)",
    ),
    Key(
        "reader.previous_section",
        "app",
        "left_square_bracket",
        "previous_section",
        "Prev",
        "Start of this section, then the previous one",
        key_display="[",
        cli="next / previous section (any depth)",
    ),
    Key(
        "reader.search",
        "app",
        "slash",
        "search",
        "Search",
        "Search as you type (capitals match case; re: for a regex)",
        key_display="/",
        cli="search as you type (re: for a regex)",
    ),
    Key(
        "reader.next_match",
        "app",
        "n",
        "next_match",
        "Next match",
        show=False,
        cli="next / previous match",
    ),
    Key(
        "reader.previous_match",
        "app",
        "N",
        "previous_match",
        "Previous match",
        show=False,
        cli="next / previous match",
    ),
    Key(
        "reader.close_search",
        "app",
        "escape",
        "close_search",
        "Close search",
        "Close the search",
        show=False,
        cli="close the search",
    ),
    Key(
        "reader.bookmark",
        "app",
        "m",
        "bookmark",
        "Mark",
        "Bookmark the passage, with a note",
        cli="bookmark the passage (with a note)",
    ),
    Key(
        "reader.bookmarks",
        "app",
        "b",
        "bookmarks",
        "Marks",
        "This article's bookmarks",
        cli="list bookmarks",
    ),
    Key(
        "reader.toggle_tree",
        "app",
        "t",
        "toggle_tree",
        "Tree",
        "Show or hide the section tree",
        cli="show or hide the section tree",
    ),
    Key(
        "reader.help",
        "app",
        "question_mark",
        "help",
        "Keys",
        "This list of keys",
        key_display="?",
        cli="every key, by where it works",
    ),
    Key(
        "reader.library",
        "app",
        "o",
        "library",
        "Open",
        "The library: open another article",
        cli="the library: open another article in place",
    ),
    Key(
        "reader.article.follow_link",
        "article",
        "enter",
        "follow_link",
        "Link",
        "Follow a link in the passage",
        show=False,
        cli="in the article: follow the passage's link (or click it)",
    ),
    # The section tree's keys are Textual's Tree's.
    Key(
        "reader.tree.select_cursor",
        "tree",
        "enter",
        "select_cursor",
        "Select",
        "Jump to the highlighted section",
        textual=True,
        cli="in the tree: jump to the highlighted section",
    ),
    Key(
        "reader.go_back",
        "app",
        "backspace,alt+left",
        "go_back",
        "Back",
        "Back to the article before",
        show=False,
        cli="back to the article a link was followed from",
    ),
    Key(
        "reader.change_theme",
        "app",
        "ctrl+t",
        "change_theme",
        "Theme",
        "Choose a theme",
        show=False,
        cli="choose a theme",
    ),
    Key(
        "reader.narrower",
        "app",
        "less_than_sign",
        "narrower",
        "Narrower",
        "Narrower reading column",
        show=False,
        key_display="<",
        cli="narrower / wider reading column / its usual width",
    ),
    Key(
        "reader.wider",
        "app",
        "greater_than_sign",
        "wider",
        "Wider",
        "Wider reading column",
        show=False,
        key_display=">",
        cli="narrower / wider reading column / its usual width",
    ),
    Key(
        "reader.reset_width",
        "app",
        "equals_sign",
        "reset_width",
        "Reset width",
        "Reading column back to its usual width",
        show=False,
        key_display="=",
        cli="narrower / wider reading column / its usual width",
    ),
    Key(  # Textual's: App.COMMAND_PALETTE_BINDING
        "reader.command_palette",
        "app",
        "ctrl+p",
        "command_palette",
        "palette",
        "Command palette: every command, by name",
        textual=True,
        cli="command palette: commands, and sections by title",
    ),
    Key("reader.quit", "app", "q", "quit", "Quit", cli="quit"),
    # ctrl+c copies a selection (the screen's binding) and otherwise quits.
    Key("reader.quit_on_ctrl_c", "app", "ctrl+c", "quit", "Quit", show=False, cli="quit"),
    # The search bar.
    Key("reader.search.close", "search", "escape", "close", "Close search", show=False),
    # The bookmarks list.
    Key("reader.bookmarks.close", "bookmarks", "escape", "close", "Close"),
    Key("reader.bookmarks.edit", "bookmarks", "e", "edit", "Edit note"),
    Key("reader.bookmarks.delete", "bookmarks", "d", "delete", "Delete"),
    Key("reader.bookmarks.undo", "bookmarks", "u", "undo", "Undo delete"),
    Key("reader.bookmarks.quit", "bookmarks", "q", "app.quit", "Quit"),
    # The note prompt.
    Key("reader.note.cancel", "note", "escape", "cancel", "Cancel"),
    # The library, and its question of where a missing file went.
    Key("reader.library.close", "library", "escape,o", "close", "Close"),
    Key("reader.library.quit", "library", "q", "app.quit", "Quit"),
    Key("reader.path.cancel", "path", "escape", "cancel", "Cancel"),
    # A question with answers to choose from.
    Key("reader.choice.cancel", "choice", "escape", "cancel", "Cancel"),
    Key("reader.choice.quit", "choice", "q", "app.quit", "Quit"),
    # The help screen.
    Key("reader.help.close", "help", "escape,question_mark", "close", "Close", show=False),
    Key("reader.help.quit", "help", "q", "app.quit", "Quit", show=False),
)

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
    Command("Back", "The article left for a link or the library", "reader.go_back"),
    Command("Bookmark this passage", "Bookmark the passage being read", "reader.bookmark"),
    Command("Go to bookmark", "List this article's bookmarks", "reader.bookmarks"),
    Command("Toggle tree", "Show or hide the section tree", "reader.toggle_tree"),
    Command("Wider reading column", "Wider text", "reader.wider"),
    Command("Narrower reading column", "Narrower text", "reader.narrower"),
    Command("Reset reading column", "The usual width of text", "reader.reset_width"),
    Command("Wider tree", "More room for the section tree", action="wider_tree"),
    Command("Narrower tree", "Less room for the section tree", action="narrower_tree"),
    Command("Reading speed", "Type 'speed' to choose the words a minute", action="speeds"),
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
        assert found.area in ("app", "article"), command.key
        described = f"{command.help} ({key_names(found)[0]})"
        where: Literal["app", "article"] = "app" if found.area == "app" else "article"
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
