"""The reader App: the reading screen, the settings, the store, start-up and signals."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SystemCommand
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen

from reader import collector, keys
from reader.commands import SectionCommands, SpeedCommands
from reader.config import load_config
from reader.document import Document, Section
from reader.safe_text import visible_line
from reader.session import Reading
from reader.settings import WIDTHS, Settings, load_settings, save_settings
from reader.source import Source
from reader.widgets import ContentView, SectionTree
from reader.widgets.loader import Loader
from reader.widgets.reading_screen import ReadingScreen
from reader.widgets.tree_layout import MAX_WIDTH, MIN_WIDTH

if TYPE_CHECKING:
    from reader.page_ahead import PageAhead
    from reader.parsers.ahead import ParsedAhead
    from reader.places import Places
    from reader.store import Store

SAVE_SIGNALS = (signal.SIGTERM, signal.SIGHUP)  # the place is saved before they end it
WIDTH_STEP = 4  # cells the reading column changes by with < and >
TREE_STEP = 4  # cells the tree changes by


class ReaderApp(App[None]):
    """A section tree beside a scrolling article."""

    TITLE = "reader"
    COMMANDS = App.COMMANDS | {SectionCommands, SpeedCommands}
    AUTO_FOCUS = "ContentView"  # the article has the keys from the start
    CSS = ".-tree-hidden #tree { display: none; }"
    BINDINGS = keys.app_bindings()  # every key is in reader/key_table.py, each with an id

    settings: var[Settings] = var(Settings, init=False)  # read from settings.json on mount

    def __init__(
        self,
        source: Source,
        ahead: ParsedAhead | None = None,
        library: Path | None = None,
        opening: Path | str | PageAhead | None = None,
        refresh: str | None = None,
    ) -> None:
        """`ahead` is the start of the article being parsed by another process, if it is;
        `library`, a folder whose articles the library shows (opened at once); `opening`,
        a web page's file or address to read in a worker (or the child process finding
        its article) and show in place of `source` (a placeholder); `refresh`, the address
        `source` is the kept copy of (the reader is asked whether to download it again)."""
        super().__init__()
        self._library = library
        self._opening = opening
        self._refresh = refresh
        self.store: Store | None = None  # opened after the first frame
        self._frozen = False  # start-up objects are kept out of garbage collection
        self._settings_lock = threading.Lock()  # one settings file written at a time
        self.reading_screen = ReadingScreen(source, ahead)
        self.keymap: dict[str, str] = {}  # keys the user's config.toml moved, by binding id

    def get_default_screen(self) -> Screen[None]:
        return self.reading_screen

    @property
    def reading(self) -> Reading:
        return self.reading_screen.reading

    @property
    def source(self) -> Source:
        return self.reading.source

    @property
    def document(self) -> Document | None:
        return self.reading.document

    @property
    def places(self) -> Places | None:
        return self.reading.places

    def go_to_section(self, section: Section) -> None:
        """Put a section's start at the top of the article pane (the palette's sections)."""
        self.reading_screen.go_to_section(section)

    @property
    def unsaved(self) -> str | None:
        """Why the last save of the place failed, if it did."""
        return self.reading_screen.unsaved

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, self._save_and_exit)
        loop.add_signal_handler(signal.SIGHUP, self._hang_up)
        settings, problem = load_settings()
        config, problems = load_config({key.id for key in keys.KEYS})
        # config.toml wins over what was last chosen in the app (its values are checked)
        self.settings = replace(settings, **config.settings)  # type: ignore[arg-type]
        self.keymap = config.keymap
        if config.keymap:
            self.set_keymap(config.keymap)
        for message in ([problem] if problem else []) + problems:
            self._warn(message)
        self.watch(self, "theme", self._theme_chosen, init=False)

    @on(ReadingScreen.FirstFrame)
    def _first_frame_shown(self, event: ReadingScreen.FirstFrame) -> None:
        """Start what the first frame did not need: the store, then the full parse."""
        from reader.store import Store  # SQLite loads here, not before the first frame

        self.store = Store.open()
        if self.store.warning:
            self._warn(self.store.warning)
        self.reading_screen.attach_places(self._places_for, event.parse_rest)
        if isinstance(self._opening, Path):
            self.reading_screen.links.open_path(self._opening, back=False)
        elif isinstance(self._opening, str):
            self.reading_screen.query_one(Loader).download(self._opening)
        elif self._opening is not None:
            self.reading_screen.query_one(Loader).collect_page(self._opening)
        if self._refresh is not None:
            self._offer_refresh(self._refresh)
        if self._library is not None:
            self.action_library()

    def _offer_refresh(self, url: str) -> None:
        """The kept copy of a web article is shown: read it, or download it again?"""
        from reader.saved_pages import copy_of
        from reader.widgets.choice_screen import ChoiceScreen

        saved = copy_of(url)
        if saved is None:
            return
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(saved.saved_at))
        question = f"This is the copy of {visible_line(url)} kept on {when}."
        answers = [("Read the kept copy", "keep"), ("Download it again", "refresh")]

        def answered(answer: str | None) -> None:
            if answer == "refresh":
                self.action_refresh_page()

        self.push_screen(ChoiceScreen(question, answers), answered)

    def _places_for(self, source: Source) -> Places | None:
        """An article's saved state, through the one object that writes it."""
        from reader.places import Places

        assert self.store is not None
        if source.placeholder:
            return None
        return Places(self.store, source.text, source.path)

    @on(ReadingScreen.Started)
    def _collect_once(self) -> None:
        """The first frame is up and the whole article is in: collect again, from now on."""
        if not self._frozen:
            # Only once: an article opened later must be collectable when it is left.
            self._frozen = True
            collector.started()

    def _warn(self, message: str) -> None:
        self.notify(message, severity="warning", timeout=10)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notice, the screens' too: names, paths and messages in it are untrusted,
        so it is made visible text and never read as markup (`markup` is ignored)."""
        super().notify(
            visible_line(message),
            title=visible_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def on_unmount(self) -> None:
        self.reading_screen.save_place()
        loop = asyncio.get_running_loop()
        for signum in SAVE_SIGNALS:
            loop.remove_signal_handler(signum)
        if self.store is not None:
            self.store.close()

    def _save_and_exit(self) -> None:
        """SIGTERM: keep the place, then quit."""
        self.reading_screen.save_place()
        self.exit()

    def _hang_up(self) -> None:
        """SIGHUP, the terminal closed: keep the place and end at once.

        Textual's shutdown writes to the terminal to restore it; with the terminal
        gone (and the SIGCONT a hang-up also sends restarting its output), that
        could block for good, leaving a process with no terminal. Every change to
        the store is already its own committed transaction.
        """
        self.reading_screen.save_place()
        if self.store is not None:
            self.store.close()
        os._exit(128 + signal.SIGHUP)

    def action_library(self) -> None:
        """Choose another article: recently read, in the library folder, or bundled."""
        from reader.library import RECENT_LIMIT, Forget, Open, Reattach, apply, gather
        from reader.store import RecentDocument, StoreError
        from reader.widgets.library_screen import LibraryScreen

        chosen_folder = self.settings.library
        folder = self._library or (Path(chosen_folder).expanduser() if chosen_folder else None)
        recent: tuple[RecentDocument, ...] = ()
        try:
            if self.store is not None:
                recent = tuple(self.store.recent(RECENT_LIMIT))
        except StoreError as error:
            self._warn(f"Recently read articles could not be listed: {error}.")
        reading, links = self.reading, self.reading_screen.links

        def chosen(choice: Open | Reattach | Forget | None) -> None:
            shown = False  # the choice is about the article shown (its stored state)
            if isinstance(choice, Reattach | Forget) and self.store is not None:
                places = reading.places
                shown = places is not None and (
                    choice.document == places.document_id
                    or (isinstance(choice, Reattach) and choice.path == reading.source.path)
                )
                if shown:
                    reading.places = None  # joined or deleted: nothing more is saved to it
                self.notify(apply(self.store, choice))
            if not isinstance(choice, Open | Reattach):
                return
            if choice.path != reading.source.path:
                links.open_path(choice.path)
            elif shown:  # open it again, on the state it was re-attached to
                links.open_path(choice.path, back=False)

        self.push_screen(LibraryScreen(partial(gather, recent, folder)), chosen)

    def action_help(self) -> None:
        """Every key, by where it works."""
        from reader.widgets.help_screen import HelpScreen, key_help

        self.push_screen(HelpScreen(key_help(self)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette: the reader's own commands first, then Textual's."""
        owners: dict[str, DOMNode] = {"app": self, "reading": self.reading_screen}
        for own in keys.palette_commands():
            if own.area not in owners:  # the article pane's, looked for once
                owners[own.area] = self.reading_screen.query_one(ContentView)
            owner = owners[own.area]
            yield SystemCommand(own.title, own.help, getattr(owner, f"action_{own.action}"))
        for command in super().get_system_commands(screen):
            if command.title != "Keys":  # ours lists every key
                yield command

    def action_toggle_tree(self) -> None:
        self._change_settings(tree=not self.settings.tree)

    def action_narrower(self) -> None:
        self._change_settings(width=max(min(WIDTHS), self.settings.width - WIDTH_STEP))

    def action_wider(self) -> None:
        self._change_settings(width=min(max(WIDTHS), self.settings.width + WIDTH_STEP))

    def action_reset_width(self) -> None:
        self._change_settings(width=Settings().width)

    def action_wider_tree(self) -> None:
        self._resize_tree(TREE_STEP)

    def action_narrower_tree(self) -> None:
        self._resize_tree(-TREE_STEP)

    @on(SectionTree.WidthChosen)
    def _tree_dragged(self, event: SectionTree.WidthChosen) -> None:
        self._change_settings(tree=True, tree_width=event.width)

    def action_refresh_page(self) -> None:
        """Download the web article shown again (its kept copy is replaced once it is in)."""
        path = self.source.path
        if path is None:
            self.notify("This article is not a web article reader kept.", timeout=3)
            return
        self.reading_screen.query_one(Loader).download_again(path)
        self.notify("Downloading it again; the kept copy stays until the new one is in.")

    def action_fit_tree(self) -> None:
        self._change_settings(tree=True, tree_width=0)

    def _resize_tree(self, step: int) -> None:
        tree = self.reading_screen.query_one(SectionTree)
        width = self.settings.tree_width or tree.outer_size.width
        self._change_settings(tree=True, tree_width=min(max(width + step, MIN_WIDTH), MAX_WIDTH))

    def set_reading_speed(self, words_per_minute: int) -> None:
        self._change_settings(words_per_minute=words_per_minute)
        self.reading_screen.show_status()

    def action_speeds(self) -> None:
        """The palette, showing the reading speeds to choose from."""
        self.action_command_palette()
        self.call_after_refresh(self._type_in_palette, "speed")

    def _type_in_palette(self, text: str) -> None:
        from textual.command import CommandPalette
        from textual.widgets import Input

        if isinstance(self.screen, CommandPalette):
            self.screen.query_one(Input).value = text

    def _theme_chosen(self, theme: str) -> None:
        if theme != self.settings.theme:
            self._change_settings(theme=theme)

    def _change_settings(self, **changes: object) -> None:
        """Apply changed settings now and save them (in a thread: the disk may be slow)."""
        self.settings = replace(self.settings, **changes)  # type: ignore[arg-type]
        self._save_settings()

    def watch_settings(self, settings: Settings) -> None:
        """Settings are applied as they change: the theme, the tree's class, the screen's."""
        if settings.theme in self.available_themes and settings.theme != self.theme:
            self.theme = settings.theme
        self.set_class(not settings.tree, "-tree-hidden")  # the CSS hides the tree
        self.reading_screen.settings = settings

    @work(thread=True, group="settings")
    def _save_settings(self) -> None:
        with self._settings_lock:  # the latest settings, written last
            problem = save_settings(self.settings)
        if problem:
            self.call_from_thread(self._warn, problem)
